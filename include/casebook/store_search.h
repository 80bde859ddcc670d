/* SPDX-License-Identifier: MIT */
/* Search across what is recorded: families, people, notes, sessions,
 * module answers, goals and reviews, stages, ratings, actions and what was
 * said in group supervision. Only the current text of each record is
 * found; case and accents fold as in names. */
#ifndef CASEBOOK_STORE_SEARCH_H
#define CASEBOOK_STORE_SEARCH_H

#include <stddef.h>

#include "casebook/uuid.h"

struct cb_err;
struct cb_store;

struct cb_search_hit {
	char family_id[CB_UUID_LEN];   /* "" for a record of no family */
	const char *reference;         /* the family's, or "" */
	const char *kind;              /* family, person, note, session, answer, goal,
	                                  review, stage, rating, action,
	                                  action-review, addendum, supervision */
	const char *day;               /* YYYY-MM-DD, or "" */
	const char *snippet;           /* a few words about the match, the match
	                                  between the markers given */
	char record_id[CB_UUID_LEN];
};

struct cb_search_query {
	const char *text;        /* the words, as typed: every one must be there,
	                            the last may be the start of a word */
	const char *family_id;   /* only this family's records; NULL: all */
	const char *mark_open;   /* around each match in the snippet */
	const char *mark_close;
	size_t limit;            /* at most this many hits; 0: all */
};

/* Each hit, the most recently recorded first (the order the index
 * answers in at once, however many match), passed to each (which returns
 * nonzero to stop, and that is returned). Words with nothing to match find nothing. The hit's
 * strings last until each returns. */
int cb_store_search_each(struct cb_store *s, const struct cb_search_query *q,
                         int (*each)(const struct cb_search_hit *hit, void *ctx), void *ctx,
                         struct cb_err *err);
/* The current text of a record the search found, with the words of q
 * marked (a new string, or NULL with CB_ENOTFOUND). */
int cb_store_search_text(struct cb_store *s, const struct cb_search_query *q,
                         const char *record_id, char **out, struct cb_err *err);

#endif
