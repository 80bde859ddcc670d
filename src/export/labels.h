/* SPDX-License-Identifier: MIT */
/* Private to src/export: the words the records use for codes, dates and
 * people, shared by the family record and the minutes. */
#ifndef CASEBOOK_EXPORT_LABELS_H
#define CASEBOOK_EXPORT_LABELS_H

#include "casebook/date.h"

struct cb_refdata;
struct cb_stage_record;

enum xl_list {
	XL_ROLE,
	XL_STATUS,
	XL_CP_CATEGORY,
	XL_LEGAL,
	XL_NEED,
	XL_FACTOR,
	XL_STAGE,
	XL_ISSUE,
	XL_RATING,
	XL_NOTE_KIND
};

/* The label for id in a reference list, or id itself (ref may be NULL,
 * and a code may have left the list); "" for NULL. */
const char *xl_label(const struct cb_refdata *ref, enum xl_list which, const char *id);
/* "EMO Emotional abuse": a code and its label, or the code alone when
 * there is no label for it. New string. */
char *xl_code(const struct cb_refdata *ref, enum xl_list which, const char *code);
/* "Action (Making changes now)": the textbook name and the family's words. */
char *xl_stage(const struct cb_refdata *ref, const char *stage);
/* "Action": the textbook name alone. */
const char *xl_stage_name(const struct cb_refdata *ref, const char *stage);
/* YYYY-MM-DD into buf, or `none` when the date is not set. */
const char *xl_date(struct cb_date d, char buf[CB_DATE_LEN], const char *none);
/* The date part of a created_at stamp, into buf. */
const char *xl_stamp_date(const char *stamp, char buf[CB_DATE_LEN]);
/* A name that may be missing from the record (a worker who has gone). */
const char *xl_name(const char *name);
/* Evidence and what would show the next stage, as detail lines. */
char *xl_stage_detail(const struct cb_stage_record *r);

#endif
