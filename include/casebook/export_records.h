/* SPDX-License-Identifier: MIT */
/* What casebook exports: a family's record, and group supervision minutes
 * (the whole meeting, or one family's extract). Each is read from the
 * database into a document (export.h) that any writer can render. */
#ifndef CASEBOOK_EXPORT_RECORDS_H
#define CASEBOOK_EXPORT_RECORDS_H

#include "casebook/date.h"

struct cb_doc;
struct cb_err;
struct cb_family;
struct cb_meeting;
struct cb_programme;
struct cb_refdata;
struct cb_store;

/* The family's record as it stands on `today`: members and children's
 * statuses, workers, RAG ratings, Cycle of Change stages, goals, open
 * actions, programme progress, the last group supervision and the
 * significant events. ref gives
 * labels for codes and prog the programme's modules; either may be NULL
 * (codes are shown as they are, and only the modules recorded for the
 * family are listed). */
int cb_export_family(struct cb_store *s, const struct cb_family *f,
                     const struct cb_refdata *ref, const struct cb_programme *prog,
                     struct cb_date today, struct cb_doc **out, struct cb_err *err);

/* Group supervision minutes. With family_id NULL, the whole meeting for
 * the team, every family in agenda order. With a family id, that family's
 * extract only: nothing in it names, counts or describes another family on
 * the agenda (no header list, no agenda numbers, no whole-meeting
 * addenda, which are free text about anything), so it can go on that
 * family's record and nowhere else. CB_ENOTFOUND when the family was not
 * discussed. Minutes not yet signed off are marked DRAFT throughout. prog
 * may be NULL; with it, answers to fields an authority added to the
 * proforma are shown under their labels. */
int cb_export_minutes(struct cb_store *s, const struct cb_meeting *m, const char *family_id,
                      const struct cb_refdata *ref, const struct cb_programme *prog,
                      struct cb_doc **out, struct cb_err *err);

/* The conference and court report. Dated records outside from..to (either
 * may be unset, for an open end) are left out; the family and each child
 * are shown as they are on today. author and author_role (may be NULL)
 * sign it. */
struct cb_report_opts {
	struct cb_date today;
	struct cb_date from, to;
	const char *author;
	const char *author_role;
};
int cb_export_report(struct cb_store *s, const struct cb_family *f,
                     const struct cb_refdata *ref, const struct cb_programme *prog,
                     const struct cb_report_opts *o, struct cb_doc **out, struct cb_err *err);

#endif
