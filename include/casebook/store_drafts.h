/* SPDX-License-Identifier: MIT */
/* Drafts: text being typed, kept every few seconds so that a crash or a
 * power cut loses nothing. A draft lives until its text is saved (or the
 * worker throws it away), and is offered back on the next start. */
#ifndef CASEBOOK_STORE_DRAFTS_H
#define CASEBOOK_STORE_DRAFTS_H

#include "casebook/uuid.h"

struct cb_err;
struct cb_store;
struct cb_vec;

struct cb_draft {
	char *key;               /* what the text is for, e.g. "note:new:<family>" */
	char family_id[CB_UUID_LEN];
	char *title;             /* shown when it is offered back */
	char *body;
	char *pending_row;       /* a save whose outcome is unknown, or NULL */
	char *updated_at;
};

void cb_draft_free_item(void *d);
void cb_draft_free(struct cb_draft **d);
/* Keep (replace) the actor's draft under key. */
int cb_store_draft_put(struct cb_store *s, const struct cb_draft *d, struct cb_err *err);
int cb_store_draft_get(struct cb_store *s, const char *key, struct cb_draft **out,
                       struct cb_err *err);
int cb_store_draft_drop(struct cb_store *s, const char *key, struct cb_err *err);
/* The actor's drafts, newest first. */
int cb_store_draft_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err);

#endif
