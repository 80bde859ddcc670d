/* SPDX-License-Identifier: MIT */
/* Families, their members, children's statuses and allocations. */
#ifndef CASEBOOK_STORE_FAMILIES_H
#define CASEBOOK_STORE_FAMILIES_H

#include <stdbool.h>

struct cb_allocation;
struct cb_err;
struct cb_family;
struct cb_person;
struct cb_status;
struct cb_store;
struct cb_vec;

/* A family as a line in a list. */
struct cb_family_row {
	char *id;
	char *reference;
	char *name;
	char *children;   /* "Zoë Kowalski: CP; Maya Kowalski: CP" */
	char *workers;    /* "Amira Haddad, Tom Reed" */
};
void cb_family_row_free_item(void *row);

int cb_store_family_add(struct cb_store *s, struct cb_family *f, struct cb_err *err);
int cb_store_family_correct(struct cb_store *s, struct cb_family *f, struct cb_err *err);
int cb_store_family_retract(struct cb_store *s, const char *id, int base_version,
                            const char *reason, struct cb_err *err);
int cb_store_family_get(struct cb_store *s, const char *id, struct cb_family **out,
                        struct cb_err *err);
int cb_store_family_find_ref(struct cb_store *s, const char *reference,
                             struct cb_family **out, struct cb_err *err);
/* Every version, oldest first, retractions included. */
int cb_store_family_history(struct cb_store *s, const char *id, struct cb_vec *out,
                            struct cb_err *err);
/* Current families by reference, as cb_family_row. */
int cb_store_family_rows(struct cb_store *s, struct cb_vec *out, struct cb_err *err);
/* The same, one row at a time, in constant memory: each(row, ctx) for
 * every family until it returns non-zero, which is then returned. */
int cb_store_family_rows_each(struct cb_store *s,
                              int (*each)(const struct cb_family_row *row, void *ctx),
                              void *ctx, struct cb_err *err);

int cb_store_person_add(struct cb_store *s, struct cb_person *p, struct cb_err *err);
int cb_store_person_correct(struct cb_store *s, struct cb_person *p, struct cb_err *err);
int cb_store_person_retract(struct cb_store *s, const char *id, int base_version,
                            const char *reason, struct cb_err *err);
/* Current members: children first, then adults, each by date of birth. */
int cb_store_person_list(struct cb_store *s, const char *family_id, struct cb_vec *out,
                         struct cb_err *err);
int cb_store_person_history(struct cb_store *s, const char *id, struct cb_vec *out,
                            struct cb_err *err);
/* The family's members who were removed (retracted), each as the
 * retracting version: who, when and why are in its rev. Oldest first. */
int cb_store_person_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                              struct cb_err *err);

int cb_store_status_add(struct cb_store *s, struct cb_status *st, struct cb_err *err);
int cb_store_status_correct(struct cb_store *s, struct cb_status *st, struct cb_err *err);
int cb_store_status_retract(struct cb_store *s, const char *id, int base_version,
                            const char *reason, struct cb_err *err);
/* Every version of a status, oldest first (retractions too). */
int cb_store_status_history(struct cb_store *s, const char *id, struct cb_vec *out,
                            struct cb_err *err);
/* The retracted statuses of the family's children, as their retracting
 * versions, oldest first. */
int cb_store_status_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                              struct cb_err *err);
/* A child's statuses, oldest first; the last is the current one. */
int cb_store_status_list(struct cb_store *s, const char *person_id, struct cb_vec *out,
                         struct cb_err *err);

/* Refused (CB_EEXIST) while the worker has a current allocation to the
 * family. */
int cb_store_allocation_add(struct cb_store *s, struct cb_allocation *a, struct cb_err *err);
int cb_store_allocation_correct(struct cb_store *s, struct cb_allocation *a,
                                struct cb_err *err);
/* Ending an allocation is a correction with an end date; a retraction is
 * for one made in error. */
int cb_store_allocation_retract(struct cb_store *s, const char *id, int base_version,
                                const char *reason, struct cb_err *err);
int cb_store_allocation_history(struct cb_store *s, const char *id, struct cb_vec *out,
                                struct cb_err *err);
/* Allocations of a family; only those without an end date when current_only. */
int cb_store_allocation_list(struct cb_store *s, const char *family_id, bool current_only,
                             struct cb_vec *out, struct cb_err *err);
/* The family's retracted allocations, as their retracting versions. */
int cb_store_allocation_retracted(struct cb_store *s, const char *family_id,
                                  struct cb_vec *out, struct cb_err *err);

#endif
