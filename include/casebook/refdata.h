/* SPDX-License-Identifier: MIT */
/* Reference lists from data/: roles, codes, statuses, stages, ratings.
 * An authority can edit them; casebook only reads them. */
#ifndef CASEBOOK_REFDATA_H
#define CASEBOOK_REFDATA_H

#include <stdbool.h>

#include "casebook/vec.h"

/* One entry; the text fields a list does not use are NULL. */
struct cb_refitem {
	char *id;          /* id, or code (N1, 3A) */
	char *label;
	char *short_label; /* CIN, CP */
	char *group;       /* roles: staff or partner */
	char *about;
	char *name;        /* stages: the textbook name */
	char *meaning;
	char *task;        /* stages: the worker's task */
	char *for_parent;  /* stages: in a parent's words */
	bool legacy;       /* codes kept for old records only */
};

struct cb_reflist {
	struct cb_vec items; /* owns struct cb_refitem */
};

struct cb_refdata {
	struct cb_reflist roles;
	struct cb_reflist statuses;
	struct cb_reflist cp_categories;
	struct cb_reflist legal_statuses;
	struct cb_reflist primary_need;
	struct cb_reflist factors;
	struct cb_reflist stages;
	struct cb_reflist issues;
	struct cb_reflist ratings;
	struct cb_reflist note_kinds;
	char *rag_direction;
};

struct cb_refitem *cb_refitem_new(void);
void cb_refitem_free(struct cb_refitem **it);
void cb_refitem_free_item(void *it);
struct cb_refdata *cb_refdata_new(void);
void cb_refdata_free(struct cb_refdata **r);
const struct cb_refitem *cb_reflist_find(const struct cb_reflist *l, const char *id);
size_t cb_reflist_len(const struct cb_reflist *l);
const struct cb_refitem *cb_reflist_at(const struct cb_reflist *l, size_t i);
/* The label for id, or id itself when the list does not know it. */
const char *cb_reflist_label(const struct cb_reflist *l, const char *id);
/* "a, b, c": for error messages that say what is allowed. */
char *cb_reflist_ids(const struct cb_reflist *l);

#endif
