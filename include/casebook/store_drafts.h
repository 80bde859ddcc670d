/* SPDX-License-Identifier: MIT */
/* Drafts: text being typed, kept every few seconds so that a crash or a
 * power cut loses nothing. A draft lives until its text is saved (or the
 * worker throws it away), and is offered back on the next start. */
#ifndef CASEBOOK_STORE_DRAFTS_H
#define CASEBOOK_STORE_DRAFTS_H

#include <stdbool.h>

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
	char *base_row;          /* the version the text was written against, or NULL */
	char *updated_at;
	char *session;           /* the editing session that wrote it ("" before sessions) */
};

void cb_draft_free_item(void *d);
void cb_draft_free(struct cb_draft **d);
/* Drafts are kept per editing session (each open store is one), so that
 * two terminals of the same worker never write over each other's text.
 * The drafts offered back are the session's own and those left by a
 * casebook that has ended (its process is gone); a casebook still running
 * keeps its drafts to itself. */

/* Keep (replace) this session's draft under key. */
int cb_store_draft_put(struct cb_store *s, const struct cb_draft *d, struct cb_err *err);
/* The draft to offer back under key: this session's own, else the newest
 * left by an ended session; *out NULL when there is none. */
int cb_store_draft_get(struct cb_store *s, const char *key, struct cb_draft **out,
                       struct cb_err *err);
/* Whether d was written by this session. */
bool cb_store_draft_is_mine(const struct cb_store *s, const struct cb_draft *d);
/* When the database is locked by another casebook (cb_store_draft_put
 * failed with CB_EBUSY): keep the draft in a file of its own beside the
 * database (mode 0600), which goes into the drafts table when the next
 * draft under key is written or the next workbook starts. */
int cb_store_draft_put_aside(struct cb_store *s, const struct cb_draft *d, struct cb_err *err);
/* Take over an ended session's draft: from now on it is this session's. */
int cb_store_draft_adopt(struct cb_store *s, const struct cb_draft *d, struct cb_err *err);
/* Drop this session's draft under key. */
int cb_store_draft_drop(struct cb_store *s, const char *key, struct cb_err *err);
/* Drop the very draft d (whichever session wrote it). */
int cb_store_draft_discard(struct cb_store *s, const struct cb_draft *d, struct cb_err *err);
/* The drafts that could be offered back, newest first. */
int cb_store_draft_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err);

#endif
