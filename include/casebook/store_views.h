/* SPDX-License-Identifier: MIT */
/* What the screens list: the caseload and a family's chronology. Both
 * are read a page at a time, so a screen loads only what it shows. */
#ifndef CASEBOOK_STORE_VIEWS_H
#define CASEBOOK_STORE_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/date.h"
#include "casebook/uuid.h"

struct cb_err;
struct cb_store;
struct cb_vec;

enum cb_caseload_sort {
	CB_SORT_REFERENCE,
	CB_SORT_NAME,
	CB_SORT_RATING,        /* red first */
	CB_SORT_SUPERVISION    /* longest since group supervision first */
};

struct cb_caseload_query {
	const char *worker_id;   /* families allocated to this worker; NULL: all */
	const char *filter;      /* part of the name or reference; NULL: all */
	enum cb_caseload_sort sort;
	struct cb_date today;    /* for overdue actions */
};

struct cb_caseload_row {
	char id[CB_UUID_LEN];
	char *reference;
	char *name;
	char *statuses;          /* the children's current statuses: "CP CP CIN" */
	char *rating;            /* red, amber, green, or NULL */
	struct cb_date last_supervision;  /* unset when never */
	int overdue;             /* open actions past their due date */
};

void cb_caseload_row_free_item(void *row);
int cb_store_caseload_count(struct cb_store *s, const struct cb_caseload_query *q,
                            size_t *count, struct cb_err *err);
int cb_store_caseload(struct cb_store *s, const struct cb_caseload_query *q, size_t offset,
                      size_t limit, struct cb_vec *out, struct cb_err *err);
/* The same page, and in total how many families the query covers (what
 * cb_store_caseload_count gives), in one reading where it can. */
int cb_store_caseload_page(struct cb_store *s, const struct cb_caseload_query *q,
                           size_t offset, size_t limit, struct cb_vec *out, size_t *total,
                           struct cb_err *err);

/* One dated entry in a family's chronology. */
struct cb_event {
	struct cb_date date;
	char *kind;              /* note, session, status, stage, rating, goal,
	                            review, supervision */
	char *title;             /* one line; for a stage "person\x1fissue\x1fstage",
	                            for a rating "rating\x1fcontext" (ids, for the
	                            screens to label), for a session the module ids */
	char *detail;            /* may be long */
	char *who;               /* who recorded it */
	bool significant;
	char record_id[CB_UUID_LEN];
};

void cb_event_free_item(void *e);
int cb_store_chronology_count(struct cb_store *s, const char *family_id, bool significant_only,
                              size_t *count, struct cb_err *err);
/* Newest first. */
int cb_store_chronology(struct cb_store *s, const char *family_id, bool significant_only,
                        size_t offset, size_t limit, struct cb_vec *out, struct cb_err *err);

#endif
