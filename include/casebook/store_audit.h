/* SPDX-License-Identifier: MIT */
/* Reading the audit trail: who did or looked at what, and when, for a
 * manager answering a subject access request. */
#ifndef CASEBOOK_STORE_AUDIT_H
#define CASEBOOK_STORE_AUDIT_H

struct cb_err;
struct cb_store;
struct cb_vec;

/* NULL fields do not filter. Dates are YYYY-MM-DD, both ends included. */
struct cb_audit_filter {
	const char *family_id;
	const char *worker_id;
	const char *from;
	const char *to;
};

/* One entry; every field is owned and may be NULL. */
struct cb_audit_row {
	char *at;         /* UTC, ISO 8601 */
	char *worker;     /* the worker's name */
	char *os_user;    /* the operating-system user, when it was recorded */
	char *action;     /* create, correct, retract, read, export, backup, ... */
	char *entity;     /* family, note, database, ... */
	char *entity_id;
	char *family_ref; /* the family it is about, when it is about one */
	char *detail;
};

void cb_audit_row_free_item(void *row);
/* Matching entries, oldest first, into out (an owning vector). */
int cb_store_audit_list(struct cb_store *s, const struct cb_audit_filter *f, struct cb_vec *out,
                        struct cb_err *err);

#endif
