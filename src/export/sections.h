/* SPDX-License-Identifier: MIT */
/* Private to src/export: parts of one document that another reuses, so
 * the report, the family record and the minutes say the same thing the
 * same way. */
#ifndef CASEBOOK_EXPORT_SECTIONS_H
#define CASEBOOK_EXPORT_SECTIONS_H

#include "casebook/date.h"

struct cb_doc;
struct cb_err;
struct cb_family;
struct cb_meeting;
struct cb_programme;
struct cb_refdata;
struct cb_store;

struct xf_ctx {
	struct cb_store *s;
	const struct cb_family *f;
	const struct cb_refdata *ref;
	const struct cb_programme *prog;
	struct cb_date today;
	struct cb_doc *d;
};

/* "Members of the family" (a table) and each child's current status with
 * its codes and their meanings. */
int xf_members(struct xf_ctx *x, struct cb_err *err);
/* "Workers on the case" as at x->today. */
int xf_workers(struct xf_ctx *x, struct cb_err *err);
/* "Open actions": a table of each with its owner (a worker, one of the
 * family or another agency), due date and status. */
int xf_actions(struct xf_ctx *x, struct cb_err *err);

/* One family's part of a meeting's minutes, appended to d under a heading
 * of this level (its parts one level down, so level is at most 3): the
 * same text as the family's extract, and like it about that family only. */
int xm_discussion(struct cb_store *s, const struct cb_meeting *m, const char *family_id,
                  const struct cb_refdata *ref, const struct cb_programme *prog,
                  struct cb_doc *d, int level, const char *heading, struct cb_err *err);

#endif
