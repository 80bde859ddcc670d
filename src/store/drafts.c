/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_drafts.h"
#include "casebook/vec.h"
#include "internal.h"

void
cb_draft_free(struct cb_draft **dp)
{
	struct cb_draft *d;

	if (dp == NULL || *dp == NULL)
		return;
	d = *dp;
	free(d->key);
	free(d->title);
	free(d->body);
	free(d->pending_row);
	free(d->updated_at);
	cb_freep(dp);
}

void
cb_draft_free_item(void *d)
{
	cb_draft_free((struct cb_draft **)&d);
}

int
cb_store_draft_put(struct cb_store *s, const struct cb_draft *d, struct cb_err *err)
{
	sqlite3_stmt *st;
	char now[CB_STAMP_LEN];

	cb_stamp_now(now);
	if (st_prepare(s, "INSERT OR REPLACE INTO drafts (key, worker_id, family_id, title, body, "
	                  "pending_row, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, d->key);
	st_bind_text(st, 2, s->actor);
	st_bind_text(st, 3, d->family_id[0] != '\0' ? d->family_id : NULL);
	st_bind_text(st, 4, d->title != NULL ? d->title : "");
	st_bind_text(st, 5, d->body != NULL ? d->body : "");
	st_bind_text(st, 6, d->pending_row);
	st_bind_text(st, 7, now);
	return st_exec_stmt(s, st, err);
}

static void *
draft_row(sqlite3_stmt *st)
{
	struct cb_draft *d = cb_calloc(1, sizeof *d);

	d->key = st_col_str(st, 0);
	st_col_id(st, 1, d->family_id);
	d->title = st_col_str(st, 2);
	d->body = st_col_str(st, 3);
	d->pending_row = st_col_str(st, 4);
	d->updated_at = st_col_str(st, 5);
	return d;
}

int
cb_store_draft_get(struct cb_store *s, const char *key, struct cb_draft **out,
                   struct cb_err *err)
{
	struct cb_vec found = CB_VEC_OWNING(cb_draft_free_item);
	int rc;

	*out = NULL;
	rc = st_rows(s, "SELECT key, family_id, title, body, pending_row, updated_at FROM drafts "
	                "WHERE key = ?1 AND worker_id = ?2", key, s->actor, draft_row, &found, err);
	if (rc == 0 && found.len > 0) {
		*out = found.items[0];
		found.len = 0;
	}
	cb_vec_clear(&found);
	return rc;
}

int
cb_store_draft_drop(struct cb_store *s, const char *key, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (st_prepare(s, "DELETE FROM drafts WHERE key = ?1 AND worker_id = ?2", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, key);
	st_bind_text(st, 2, s->actor);
	return st_exec_stmt(s, st, err);
}

int
cb_store_draft_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err)
{
	return st_rows(s, "SELECT key, family_id, title, body, pending_row, updated_at FROM drafts "
	                  "WHERE worker_id = ?1 ORDER BY updated_at DESC",
	               s->actor, NULL, draft_row, out, err);
}
