/* SPDX-License-Identifier: MIT */
/* What sync leaves for people: the waiting count, the last sync, the
 * canonical dump that tests compare, and conflicts with their
 * resolution. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/record.h"
#include "casebook/store.h"
#include "casebook/store_server.h"
#include "casebook/str.h"
#include "casebook/uuid.h"
#include "casebook/vec.h"
#include "internal.h"
#include "sync_internal.h"

/* What waits to be sent, as cb_sync_status counted it last, kept for the
 * life of the connection. Every table is only ever added to, and
 * sync_seen and sync_aside only grow, at a sync: while neither has grown
 * (the number of rows in sync_seen is kept by a trigger),
 * the rows counted stay as they were, and only the rows added since (a
 * rowid above the one each table had) need counting. So the count is
 * read in full once, and after that costs what was saved since, not the
 * size of the database. */
struct st_waiting {
	struct sr_schema *sc;
	long long seen, aside; /* the rows of sync_seen, the largest rowid of sync_aside */
	long long *upto;       /* each table's largest rowid, counted */
	sqlite3_stmt **top, **since; /* per table, prepared when first needed */
	long mine;
};

void
st_waiting_free(struct st_waiting **w)
{
	if (w == NULL || *w == NULL)
		return;
	if ((*w)->sc != NULL && (*w)->top != NULL) {
		int i;

		for (i = 0; i < (*w)->sc->n; i++) {
			sqlite3_finalize((*w)->top[i]);
			sqlite3_finalize((*w)->since[i]);
		}
	}
	sr_schema_free(&(*w)->sc);
	free((*w)->upto);
	free((*w)->top);
	free((*w)->since);
	cb_freep(w);
}

/* The largest rowid of table (0 when empty); *keep, when given, holds
 * the statement from one call to the next (these are not put in the
 * store's cache: one a table would crowd out the screens' own). */
static int
max_rowid(struct cb_store *s, const char *table, sqlite3_stmt **keep, long long *out,
          struct cb_err *err)
{
	sqlite3_stmt *st = keep != NULL ? *keep : NULL;
	int rc;

	if (st == NULL) {
		char *sql = cb_asprintf("SELECT coalesce(max(rowid), 0) FROM \"%s\"", table);

		rc = st_prepare(s, sql, &st, err);
		free(sql);
		if (rc != 0)
			return -1;
	}
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (keep != NULL)
		*keep = st;
	else
		sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : st_error(s, rc, err);
}

/* The rows of table t above rowid from that wait to be sent and count as
 * the laptop's own (an author the server knows, not casebook itself), as
 * sr_count_pending counts "mine". */
static int
count_since(struct cb_store *s, const struct sr_table *t, sqlite3_stmt **keep, long long from,
            long *mine, struct cb_err *err)
{
	sqlite3_stmt *st = *keep;
	int rc;

	if (st == NULL) {
		char *sql = cb_asprintf(
			"SELECT count(*) FROM \"%s\" t WHERE t.rowid > ?1 AND t.created_by IS NOT NULL "
			"AND t.created_by <> '" CB_SYSTEM_WORKER "' AND EXISTS (SELECT 1 FROM sync_seen w "
			"WHERE w.tbl = 'workers' AND w.pk = t.created_by) AND NOT EXISTS (SELECT 1 FROM "
			"sync_seen z WHERE z.tbl = '%s' AND z.pk = t.\"%s\") AND t.\"%s\" NOT LIKE "
			"'00000000-0000-4000-8000-%%'", t->name, t->name, t->pk, t->pk);

		rc = st_prepare(s, sql, &st, err);
		free(sql);
		if (rc != 0)
			return -1;
		*keep = st;
	}
	sqlite3_bind_int64(st, 1, from);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*mine += (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : st_error(s, rc, err);
}

/* How many rows sync_seen holds (a trigger keeps the number), or -1 when
 * it is not kept, which counts in full every time. */
static int
seen_rows(struct cb_store *s, long long *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = -1;
	if (st_prepare_cached(s, "SELECT value FROM sync_state WHERE key = 'seen_rows'", &st,
	                      err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	st_release(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

/* Bring s->waiting up to date, inside a read transaction. */
static int
waiting_update(struct cb_store *s, struct cb_err *err)
{
	struct st_waiting *w = s->waiting;
	long long seen, aside, top;
	bool full;
	int i;

	if (seen_rows(s, &seen, err) != 0 || max_rowid(s, "sync_aside", NULL, &aside, err) != 0)
		return -1;
	full = w == NULL || seen < 0 || w->seen != seen || w->aside != aside;
	if (full) {
		struct sr_counts n;

		st_waiting_free(&s->waiting);
		w = cb_calloc(1, sizeof *w);
		if (sr_schema_load(s, &w->sc, err) != 0) {
			st_waiting_free(&w);
			return -1;
		}
		w->upto = cb_calloc((size_t)w->sc->n + 1, sizeof *w->upto);
		w->top = cb_calloc((size_t)w->sc->n + 1, sizeof *w->top);
		w->since = cb_calloc((size_t)w->sc->n + 1, sizeof *w->since);
		for (i = 0; i < w->sc->n; i++)
			if (w->sc->t[i].send &&
			    max_rowid(s, w->sc->t[i].name, &w->top[i], &w->upto[i], err) != 0) {
				st_waiting_free(&w);
				return -1;
			}
		if (sr_count_pending(s, w->sc, NULL, &n, err) != 0) {
			st_waiting_free(&w);
			return -1;
		}
		w->seen = seen;
		w->aside = aside;
		w->mine = n.mine;
		s->waiting = w;
		return 0;
	}
	for (i = 0; i < w->sc->n; i++) {
		const struct sr_table *t = &w->sc->t[i];

		if (!t->send)
			continue;
		if (max_rowid(s, t->name, &w->top[i], &top, err) != 0)
			return -1;
		if (top == w->upto[i])
			continue;
		if (count_since(s, t, &w->since[i], w->upto[i], &w->mine, err) != 0) {
			st_waiting_free(&s->waiting);
			return -1;
		}
		w->upto[i] = top;
	}
	return 0;
}

int
cb_sync_status(struct cb_store *s, char **last, long *waiting, struct cb_err *err)
{
	bool own = false;
	int rc;

	*last = NULL;
	*waiting = 0;
	/* A laptop that never synced has nothing to say, and counting what
	 * waits reads every table: at 2,000 families it was most of the
	 * first screen's time. */
	if (sr_state_get(s, "last_sync", last, err) != 0)
		return -1;
	if (*last == NULL)
		return 0;
	/* One read transaction: the rowids and the rows below them agree. */
	if (s->depth == 0 && sqlite3_get_autocommit(s->db)) {
		if (st_exec(s, "BEGIN", err) != 0)
			goto fail;
		own = true;
	}
	rc = waiting_update(s, err);
	if (own)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc != 0)
		goto fail;
	*waiting = s->waiting->mine;
	return 0;
fail:
	free(*last);
	*last = NULL;
	return -1;
}

int
cb_sync_unsent(struct cb_store *s, long *unsent, struct cb_err *err)
{
	struct sr_schema *sc;
	struct sr_counts n;
	int rc;

	*unsent = 0;
	if (sr_schema_load(s, &sc, err) != 0)
		return -1;
	rc = sr_count_pending(s, sc, NULL, &n, err);
	sr_schema_free(&sc);
	if (rc != 0)
		return -1;
	*unsent = n.mine + n.system + n.laptop + n.others;
	return 0;
}

static int
cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
cb_sync_dump(struct cb_store *s, char **out, struct cb_err *err)
{
	struct sr_schema *sc;
	struct cb_vec lines = CB_VEC_OWNING(free);
	struct cb_buf b = {0};
	sqlite3_stmt *st;
	size_t i;
	int t, rc;

	*out = NULL;
	if (sr_schema_load(s, &sc, err) != 0)
		return -1;
	for (t = 0; t < sc->n; t++) {
		char *sql = cb_asprintf("SELECT \"%s\", %s FROM \"%s\" WHERE \"%s\" NOT LIKE "
		                        "'00000000-0000-4000-8000-%%'", sc->t[t].pk,
		                        sc->t[t].json_expr, sc->t[t].name, sc->t[t].pk);

		if (st_prepare(s, sql, &st, err) != 0) {
			free(sql);
			goto fail;
		}
		free(sql);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			cb_vec_push(&lines, cb_asprintf("%s\t%s\t%s", sc->t[t].name,
			                                (const char *)sqlite3_column_text(st, 0),
			                                (const char *)sqlite3_column_text(st, 1)));
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			st_error(s, rc, err);
			goto fail;
		}
	}
	if (st_prepare(s, "SELECT tbl, pk, data FROM sync_aside", &st, err) != 0)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cb_vec_push(&lines, cb_asprintf("%s\t%s\t%s", (const char *)sqlite3_column_text(st, 0),
		                                (const char *)sqlite3_column_text(st, 1),
		                                (const char *)sqlite3_column_text(st, 2)));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		st_error(s, rc, err);
		goto fail;
	}
	cb_vec_sort(&lines, cmp_line);
	for (i = 0; i < lines.len; i++) {
		cb_buf_add(&b, lines.items[i]);
		cb_buf_addc(&b, '\n');
	}
	cb_vec_clear(&lines);
	sr_schema_free(&sc);
	*out = cb_buf_take(&b);
	if (*out == NULL)
		*out = cb_strdup("");
	return 0;
fail:
	cb_vec_clear(&lines);
	sr_schema_free(&sc);
	return -1;
}

void
cb_conflict_free(void *p)
{
	struct cb_sync_conflict *c = p;

	if (c == NULL)
		return;
	free(c->table);
	free(c->record);
	free(c->mine);
	free(c->theirs);
	free(c->theirs_json);
	free(c);
}

/* Rows set aside only because their record was are part of that
 * record's conflict, not conflicts of their own; rows made here to go
 * with a resolution (not yet seen by the server, or seen) name the record
 * they were made for in clash, which is aside too. */
#define OPEN_CONFLICTS                                                           \
	"SELECT a.tbl, a.record, a.clash, a.pk, a.data, a.kept_at FROM sync_aside a " \
	"WHERE NOT EXISTS (SELECT 1 FROM sync_aside p WHERE p.pk = a.clash) "      \
	"AND NOT EXISTS (SELECT 1 FROM conflict_resolutions r WHERE r.row_b = a.pk " \
	"OR r.row_a = a.pk) "

/* Two families that are both current under one case reference, made on
 * two laptops (a laptop refuses a reference it already has), that nobody
 * has said are one family. Columns as OPEN_CONFLICTS: NULL, NULL, the
 * family made first, the other, NULL, and its creation time to sort by. */
#define SHARED_REFERENCES                                                        \
	"SELECT NULL, NULL, a.family_id, b.family_id, NULL, fb.created_at FROM family_heads a " \
	"JOIN family_heads b ON b.ref_fold = a.ref_fold AND b.family_id <> a.family_id " \
	"JOIN families fa ON fa.id = a.family_id JOIN families fb ON fb.id = b.family_id " \
	"WHERE a.retracted = 0 AND b.retracted = 0 AND (fa.created_at < fb.created_at OR " \
	"(fa.created_at = fb.created_at AND fa.id < fb.id)) AND NOT EXISTS (SELECT 1 FROM " \
	"conflict_resolutions r WHERE r.tbl = 'families' AND ((r.row_a = a.family_id AND " \
	"r.row_b = b.family_id) OR (r.row_a = b.family_id AND r.row_b = a.family_id))) "

static char *
one(struct cb_store *s, const char *sql, const char *a, const char *b)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b != NULL)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = st_col_str(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The versions table whose records are the rows of identity table ti
 * (answer_versions for answers), or -1. */
static int
versions_of(const struct sr_schema *sc, int ti)
{
	int i, k;

	for (i = 0; i < sc->n; i++) {
		const struct sr_table *t = &sc->t[i];

		if (t->key == NULL || !t->has_version)
			continue;
		for (k = 0; k < t->nfk; k++)
			if (t->fks[k].to == ti && strcmp(t->fks[k].from, t->key) == 0)
				return i;
	}
	return -1;
}

/* This laptop's record of the same thing as the record in json, made on
 * another laptop: the row of the identity table that says the same in
 * every column but its id and when and by whom it was made. */
static char *
twin_of(struct cb_store *s, const char *table, const char *json)
{
	sqlite3_stmt *st;
	struct cb_buf sql = {0};
	char *v = NULL;
	int rc;

	if (sqlite3_prepare_v2(s->db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1,
	                       &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	cb_buf_addf(&sql, "SELECT id FROM \"%s\" WHERE id <> json_extract(?1, '$.id')", table);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);

		if (strcmp(col, "id") == 0 || strcmp(col, "created_at") == 0 ||
		    strcmp(col, "created_by") == 0)
			continue;
		cb_buf_addf(&sql, " AND \"%s\" IS json_extract(?1, '$.%s')", col, col);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		v = one(s, cb_buf_str(&sql), json, NULL);
	cb_buf_free(&sql);
	return v;
}

int
cb_conflict_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err)
{
	struct sr_schema *sc = NULL;
	sqlite3_stmt *st;
	int rc;

	if (sr_schema_load(s, &sc, err) != 0)
		return -1;
	if (st_prepare(s, OPEN_CONFLICTS "UNION ALL " SHARED_REFERENCES "ORDER BY 6, 4", &st,
	               err) != 0) {
		sr_schema_free(&sc);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cb_sync_conflict *c = cb_calloc(1, sizeof *c);
		int ti;

		if (sqlite3_column_type(st, 0) == SQLITE_NULL) { /* a shared reference */
			c->kind = CB_SYNC_REFERENCE;
			c->table = cb_strdup("families");
			c->mine = st_col_str(st, 2);
			c->record = st_col_str(st, 3);
			c->theirs = st_col_str(st, 3);
			cb_vec_push(out, c);
			continue;
		}
		c->table = st_col_str(st, 0);
		c->record = st_col_str(st, 1);
		c->mine = st_col_str(st, 2);
		c->theirs = st_col_str(st, 3);
		c->theirs_json = st_col_str(st, 4);
		ti = sr_find(sc, c->table);
		if (ti >= 0 && sc->t[ti].key == NULL && versions_of(sc, ti) >= 0) {
			c->kind = CB_SYNC_TWINS;
			free(c->mine);
			c->mine = twin_of(s, c->table, c->theirs_json);
		}
		cb_vec_push(out, c);
	}
	sqlite3_finalize(st);
	sr_schema_free(&sc);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
cb_conflict_count(struct cb_store *s, long *n, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if (st_prepare(s, "SELECT count(*) FROM (" OPEN_CONFLICTS "UNION ALL " SHARED_REFERENCES ")",
	               &st, err) != 0)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : st_error(s, rc, err);
}

static int
is_signed(struct cb_store *s, const char *json)
{
	char *v = json != NULL ? one(s, "SELECT coalesce(json_extract(?1, '$.signed'), 0)", json,
	                             NULL)
	                       : NULL;
	int r = v != NULL && strcmp(v, "1") == 0;

	free(v);
	return r;
}

/* The column of each kind of version that holds its text, for a merge. */
static const char *
text_column(const char *table)
{
	static const char *const map[][2] = {
		{"note_versions", "body"},          {"addendum_versions", "body"},
		{"action_versions", "body"},        {"answer_versions", "value"},
		{"goal_versions", "words"},         {"goal_review_versions", "note"},
		{"stage_versions", "evidence"},     {"rating_versions", "rationale"},
		{"session_versions", "covered"},    {"attendance_versions", "contribution"},
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(map[i][0], table) == 0)
			return map[i][1];
	return NULL;
}

/* Both sides of a conflict: the versions table they are versions in, the
 * record each belongs to, and each version's row as JSON. */
struct sides {
	int vt;
	char *mine_rec, *theirs_rec, *mine_row, *theirs_row, *mine_json, *theirs_json;
};

static void
sides_clear(struct sides *d)
{
	free(d->mine_rec);
	free(d->theirs_rec);
	free(d->mine_row);
	free(d->theirs_row);
	free(d->mine_json);
	free(d->theirs_json);
	memset(d, 0, sizeof *d);
}

static int
load_sides(struct cb_store *s, const struct sr_schema *sc, const struct cb_sync_conflict *c,
           struct sides *d, struct cb_err *err)
{
	int ti = sr_find(sc, c->table);
	const struct sr_table *t;
	char *sql;

	memset(d, 0, sizeof *d);
	d->vt = -1;
	if (ti < 0)
		return cb_err_set(err, CB_EINVAL, _("%s is not a table this casebook knows"), c->table);
	if (c->kind == CB_SYNC_VERSIONS) {
		if (sc->t[ti].key == NULL || !sc->t[ti].has_version)
			return cb_err_set(err, CB_EINVAL, _("%s is not a table of versions"), c->table);
		d->vt = ti;
		d->mine_rec = cb_strdup(c->record);
		d->theirs_rec = cb_strdup(c->record);
		d->mine_row = cb_strdup(c->mine);
		d->theirs_row = cb_strdup(c->theirs);
		d->theirs_json = cb_strdup(c->theirs_json);
	} else {
		if ((d->vt = versions_of(sc, ti)) < 0 || c->mine == NULL)
			return cb_err_set(err, CB_EINVAL, _("%s %s has no twin on this laptop"),
			                  c->table, c->record);
		d->mine_rec = cb_strdup(c->mine);
		d->theirs_rec = cb_strdup(c->record);
		t = &sc->t[d->vt];
		sql = cb_asprintf("SELECT \"%s\" FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY version DESC "
		                  "LIMIT 1", t->pk, t->name, t->key);
		d->mine_row = one(s, sql, d->mine_rec, NULL);
		free(sql);
		d->theirs_row = one(s, "SELECT pk FROM sync_aside WHERE tbl = ?2 AND record = ?1 "
		                       "ORDER BY json_extract(data, '$.version') DESC LIMIT 1",
		                    d->theirs_rec, t->name);
		if (d->theirs_row != NULL)
			d->theirs_json = one(s, "SELECT data FROM sync_aside WHERE tbl = ?2 AND pk = ?1",
			                     d->theirs_row, t->name);
	}
	t = &sc->t[d->vt];
	if (d->mine_row != NULL) {
		sql = cb_asprintf("SELECT %s FROM \"%s\" WHERE \"%s\" = ?1", t->json_expr, t->name,
		                  t->pk);
		d->mine_json = one(s, sql, d->mine_row, NULL);
		free(sql);
	}
	if (d->mine_json == NULL || d->theirs_json == NULL)
		return cb_err_set(err, CB_ENOTFOUND,
		                  _("not all of the conflict over %s has arrived yet: sync again"),
		                  c->record);
	return 0;
}

/* What kind of record a table holds, as people say it. */
static char *
what_of(const char *table)
{
	static const char *const map[][2] = {
		{"note_versions", N_("note")},          {"answer_versions", N_("answer")},
		{"family_versions", N_("family")},
		{"person_versions", N_("person")},      {"meeting_versions", N_("meeting")},
		{"addendum_versions", N_("addendum")},  {"action_versions", N_("action")},
		{"goal_versions", N_("goal")},          {"goal_review_versions", N_("goal review")},
		{"stage_versions", N_("stage")},        {"rating_versions", N_("risk rating")},
		{"session_versions", N_("session")},    {"attendance_versions", N_("attendance")},
		{"allocation_versions", N_("allocation")}, {"status_versions", N_("status")},
		{"module_mark_versions", N_("module mark")},
		{"meeting_item_versions", N_("agenda item")},
		{"action_review_versions", N_("action review")},
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(map[i][0], table) == 0)
			return cb_strdup(_(map[i][1]));
	return cb_strdup(table);
}

/* A side's text: its text column, or each column after the revision
 * columns as "name: value", one a line. */
static int
side_fill(struct cb_store *s, const struct sr_table *t, const char *json,
          struct cb_conflict_side *side, struct cb_err *err)
{
	const char *col = text_column(t->name);
	sqlite3_stmt *st;
	char *by;
	int rc;

	side->created_at = one(s, "SELECT json_extract(?1, '$.created_at')", json, NULL);
	by = one(s, "SELECT json_extract(?1, '$.created_by')", json, NULL);
	side->by = by != NULL ? one(s, "SELECT name FROM workers_current WHERE worker_id = ?1", by,
	                            NULL) : NULL;
	if (side->by == NULL)
		side->by = by != NULL ? by : cb_strdup("?");
	else
		free(by);
	{
		char *v = one(s, "SELECT json_extract(?1, '$.version')", json, NULL);

		side->version = v != NULL ? atoi(v) : 0;
		free(v);
	}
	side->is_signed = is_signed(s, json);
	if (col != NULL) {
		char *path = cb_asprintf("SELECT coalesce(json_extract(?1, '$.%s'), '')", col);

		side->text = one(s, path, json, NULL);
		free(path);
		if (side->text == NULL)
			side->text = cb_strdup("");
		return 0;
	}
	if (st_prepare(s, "SELECT key, coalesce(value, '') FROM json_each(?1) WHERE key NOT IN "
	                  "('row_id', 'version', 'created_at', 'created_by', 'retracted', "
	                  "'reason') OR (key = 'reason' AND value IS NOT NULL)", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	{
		struct cb_buf b = {0};

		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			cb_buf_addf(&b, "%s: %s\n", (const char *)sqlite3_column_text(st, 0),
			            (const char *)sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
		side->text = cb_buf_take(&b);
		if (side->text == NULL)
			side->text = cb_strdup("");
	}
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

void
cb_conflict_view_clear(struct cb_conflict_view *v)
{
	struct cb_conflict_side *sd[2] = {&v->mine, &v->theirs};
	int i;

	free(v->what);
	free(v->family_id);
	free(v->family);
	free(v->module_id);
	free(v->field_key);
	for (i = 0; i < 2; i++) {
		free(sd[i]->created_at);
		free(sd[i]->by);
		free(sd[i]->text);
	}
	memset(v, 0, sizeof *v);
}

/* A family's newest version as JSON. */
static char *
family_json(struct cb_store *s, const struct sr_schema *sc, const char *family)
{
	int ti = sr_find(sc, "family_versions");
	char *sql, *v;

	if (ti < 0)
		return NULL;
	sql = cb_asprintf("SELECT %s FROM family_versions WHERE family_id = ?1 ORDER BY version "
	                  "DESC LIMIT 1", sc->t[ti].json_expr);
	v = one(s, sql, family, NULL);
	free(sql);
	return v;
}

static int
reference_view(struct cb_store *s, const struct sr_schema *sc, const struct cb_sync_conflict *c,
               struct cb_conflict_view *v, struct cb_err *err)
{
	int ti = sr_find(sc, "family_versions");
	char *mine = family_json(s, sc, c->mine), *theirs = family_json(s, sc, c->theirs);
	int rc = -1;

	if (ti < 0 || mine == NULL || theirs == NULL) {
		cb_err_set(err, CB_ENOTFOUND, _("could not read the families of reference conflict %s"),
		           c->record);
		goto out;
	}
	v->what = cb_strdup(_("reference"));
	v->family_id = cb_strdup(c->mine);
	v->family = one(s, "SELECT reference || ' ' || name FROM family_versions WHERE "
	                   "family_id = ?1 ORDER BY version DESC LIMIT 1", c->mine, NULL);
	if (side_fill(s, &sc->t[ti], mine, &v->mine, err) != 0 ||
	    side_fill(s, &sc->t[ti], theirs, &v->theirs, err) != 0)
		goto out;
	rc = 0;
out:
	free(mine);
	free(theirs);
	return rc;
}

/* They are one family recorded twice: both records stay, and the
 * resolution says so (which clears the conflict everywhere). */
static int
same_family(struct cb_store *s, const struct cb_sync_conflict *c, struct cb_err *err)
{
	char resid[CB_UUID_LEN], now[CB_STAMP_LEN];
	char *row = NULL;
	sqlite3_stmt *st;
	int rc = -1;

	if (st_write_begin(s, err) != 0)
		return -1;
	row = one(s, "SELECT row_id FROM family_versions WHERE family_id = ?1 ORDER BY version "
	             "DESC LIMIT 1", c->mine, NULL);
	if (row == NULL) {
		cb_err_set(err, CB_ENOTFOUND, _("%s is not a family here"), c->mine);
		goto out;
	}
	cb_uuid_new(resid);
	cb_stamp_now(now);
	if (st_prepare(s, "INSERT INTO conflict_resolutions (id, created_at, created_by, family_id, "
	                  "tbl, record_id, row_a, row_b, resolved_row) VALUES (?1, ?2, ?3, ?4, "
	                  "'families', ?4, ?4, ?5, ?6)", &st, err) != 0)
		goto out;
	sqlite3_bind_text(st, 1, resid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, cb_store_actor(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->mine, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->theirs, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, row, -1, SQLITE_STATIC);
	if (st_exec_stmt(s, st, err) != 0)
		goto out;
	rc = st_audit(s, "resolve", "family", c->mine, row, "same", err);
out:
	free(row);
	return st_write_end(s, rc, err);
}

int
cb_conflict_view(struct cb_store *s, const struct cb_sync_conflict *c,
                 struct cb_conflict_view *v, struct cb_err *err)
{
	struct sr_schema *sc = NULL;
	struct sides d;
	char *team = NULL;
	int rc = -1;

	memset(v, 0, sizeof *v);
	memset(&d, 0, sizeof d);
	if (sr_schema_load(s, &sc, err) != 0)
		return -1;
	if (c->kind == CB_SYNC_REFERENCE) {
		rc = reference_view(s, sc, c, v, err);
		goto out;
	}
	if (load_sides(s, sc, c, &d, err) != 0)
		goto out;
	v->what = what_of(sc->t[d.vt].name);
	v->has_text = text_column(sc->t[d.vt].name) != NULL;
	sr_row_family(s, sc, d.vt, d.mine_row, d.mine_json, &v->family_id, &team);
	if (v->family_id != NULL)
		v->family = one(s, "SELECT reference || ' ' || name FROM family_versions WHERE "
		                   "family_id = ?1 ORDER BY version DESC LIMIT 1", v->family_id, NULL);
	if (strcmp(sc->t[d.vt].name, "answer_versions") == 0) {
		v->module_id = one(s, "SELECT module_id FROM answers WHERE id = ?1", d.mine_rec, NULL);
		v->field_key = one(s, "SELECT field_key FROM answers WHERE id = ?1", d.mine_rec, NULL);
	}
	if (side_fill(s, &sc->t[d.vt], d.mine_json, &v->mine, err) != 0 ||
	    side_fill(s, &sc->t[d.vt], d.theirs_json, &v->theirs, err) != 0)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		cb_conflict_view_clear(v);
	free(team);
	sides_clear(&d);
	sr_schema_free(&sc);
	return rc;
}

/* The next version number of rec in table t, over the rows here and the
 * rows kept aside. */
static int
next_version(struct cb_store *s, const struct sr_table *t, const char *rec)
{
	char *sql = cb_asprintf("SELECT coalesce(max(v), 0) FROM (SELECT version AS v FROM \"%s\" "
	                        "WHERE \"%s\" = ?1 UNION ALL SELECT json_extract(data, '$.version') "
	                        "FROM sync_aside WHERE tbl = ?2 AND record = ?1)", t->name, t->key);
	char *max = NULL;
	sqlite3_stmt *st;
	int n;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, rec, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, t->name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			max = st_col_str(st, 0);
		sqlite3_finalize(st);
	}
	free(sql);
	n = max != NULL ? atoi(max) + 1 : 0;
	free(max);
	return n;
}

/* src made into a new version of rec, by the actor, now. */
static char *
new_row(struct cb_store *s, const struct sr_table *t, const char *src, const char *rec,
        struct cb_rev *rev, struct cb_err *err)
{
	sqlite3_stmt *j;
	char *sql, *row = NULL;
	int n = next_version(s, t, rec);

	if (n < 1) {
		cb_err_set(err, CB_EINTERNAL, _("could not read the versions of %s"), rec);
		return NULL;
	}
	st_rev_new(s, rev, n);
	sql = cb_asprintf("SELECT json_set(?1, '$.row_id', ?2, '$.%s', ?5, '$.version', %d, "
	                  "'$.created_at', ?3, '$.created_by', ?4)", t->key, n);
	if (st_prepare(s, sql, &j, err) != 0) {
		free(sql);
		return NULL;
	}
	free(sql);
	sqlite3_bind_text(j, 1, src, -1, SQLITE_STATIC);
	sqlite3_bind_text(j, 2, rev->row_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(j, 3, rev->created_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(j, 4, cb_store_actor(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(j, 5, rec, -1, SQLITE_STATIC);
	if (sqlite3_step(j) == SQLITE_ROW)
		row = st_col_str(j, 0);
	sqlite3_finalize(j);
	if (row == NULL)
		cb_err_set(err, CB_EINTERNAL, _("could not make the new version of %s"), rec);
	return row;
}

int
cb_conflict_resolve_with(struct cb_store *s, const struct cb_sync_conflict *c,
                         const char *choice, const char *text, struct cb_err *err)
{
	struct sr_schema *sc = NULL;
	const struct sr_table *t;
	struct sides d;
	char *src = NULL, *row = NULL, *row2 = NULL, *family = NULL, *team = NULL;
	char resid[CB_UUID_LEN];
	struct cb_rev rev = {0}, rev2 = {0};
	sqlite3_stmt *st;
	int rc = -1;
	bool merged = strcmp(choice, "merged") == 0;

	memset(&d, 0, sizeof d);
	if (c->kind == CB_SYNC_REFERENCE) {
		if (strcmp(choice, "same") == 0)
			return same_family(s, c, err);
		return cb_err_set(err, CB_EINVAL,
		                  _("two families share a reference: correct one's reference (a new "
		                    "version), or say they are the same family"));
	}
	if (strcmp(choice, "mine") != 0 && strcmp(choice, "theirs") != 0 && !merged)
		return cb_err_set(err, CB_EINVAL, _("choose mine or theirs, not %s"), choice);
	if (merged && (text == NULL || text[0] == '\0'))
		return cb_err_set(err, CB_EINVAL, _("a merged version needs its text"));
	if (sr_schema_load(s, &sc, err) != 0)
		return -1;
	if (st_write_begin(s, err) != 0)
		goto done;
	/* Still open? (Another window, or a resolution fetched meanwhile.) */
	{
		bool open = false;

		if (st_prepare(s, OPEN_CONFLICTS "AND a.tbl = ?1 AND a.pk = ?2", &st, err) != 0)
			goto out;
		sqlite3_bind_text(st, 1, c->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->theirs, -1, SQLITE_STATIC);
		open = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (!open) {
			cb_err_set(err, CB_ENOTFOUND, _("%s %s has no open conflict: casebook list "
			                                "conflicts shows them"), c->table, c->record);
			goto out;
		}
	}
	if (load_sides(s, sc, c, &d, err) != 0)
		goto out;
	t = &sc->t[d.vt];
	if (merged) {
		const char *col = text_column(t->name);
		char *sql;

		if (col == NULL) {
			cb_err_set(err, CB_EINVAL, _("a %s has no text to merge: choose mine or theirs"),
			           t->name);
			goto out;
		}
		sql = cb_asprintf("SELECT json_set(?1, '$.%s', ?2)", col);
		src = one(s, sql, d.mine_json, text);
		free(sql);
	} else {
		src = cb_strdup(strcmp(choice, "theirs") == 0 ? d.theirs_json : d.mine_json);
	}
	/* Signed minutes stay signed: a conflict over a meeting is settled
	 * only with the signed version (an addendum says what changed). */
	if (src != NULL && strcmp(t->name, "meeting_versions") == 0 && !is_signed(s, src) &&
	    (is_signed(s, d.mine_json) || is_signed(s, d.theirs_json))) {
		cb_err_set(err, CB_EPERM,
		           _("signed minutes stay signed: choose the signed version, and add an "
		             "addendum for what the other one said"));
		goto out;
	}
	if (src == NULL || (row = new_row(s, t, src, d.mine_rec, &rev, err)) == NULL)
		goto out;
	if (st_prepare(s, t->insert_sql, &st, err) != 0)
		goto out;
	sqlite3_bind_text(st, 1, row, -1, SQLITE_STATIC);
	if (st_exec_stmt(s, st, err) != 0)
		goto out;
	/* Twins: the other laptop's record gets the same version, kept aside
	 * here with it and sent (a row aside that the server has not seen). */
	if (c->kind == CB_SYNC_TWINS) {
		if ((row2 = new_row(s, t, src, d.theirs_rec, &rev2, err)) == NULL)
			goto out;
		if (st_prepare(s, "INSERT INTO sync_aside (tbl, pk, data, record, clash, kept_at) "
		                  "VALUES (?1, ?2, ?3, ?4, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
		               &st, err) != 0)
			goto out;
		sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, rev2.row_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, row2, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, d.theirs_rec, -1, SQLITE_STATIC);
		if (st_exec_stmt(s, st, err) != 0)
			goto out;
	}
	sr_row_family(s, sc, d.vt, rev.row_id, row, &family, &team);
	cb_uuid_new(resid);
	if (st_prepare(s, "INSERT INTO conflict_resolutions (id, created_at, created_by, family_id, "
	                  "tbl, record_id, row_a, row_b, resolved_row) VALUES (?1, ?2, ?3, ?4, ?5, "
	                  "?6, ?7, ?8, ?9)", &st, err) != 0)
		goto out;
	sqlite3_bind_text(st, 1, resid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, rev.created_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, cb_store_actor(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, family, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, d.mine_rec, -1, SQLITE_STATIC);
	/* The parents: the two versions, or for twins the two records. */
	sqlite3_bind_text(st, 7, c->kind == CB_SYNC_TWINS ? d.mine_rec : d.mine_row, -1,
	                  SQLITE_STATIC);
	sqlite3_bind_text(st, 8, c->theirs, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, rev.row_id, -1, SQLITE_STATIC);
	if (st_exec_stmt(s, st, err) != 0)
		goto out;
	rc = st_audit(s, "resolve", c->table, d.mine_rec, rev.row_id, choice, err);
out:
	rc = st_write_end(s, rc, err);
done:
	cb_rev_clear(&rev);
	cb_rev_clear(&rev2);
	sides_clear(&d);
	free(src);
	free(row);
	free(row2);
	free(family);
	free(team);
	sr_schema_free(&sc);
	return rc;
}

int
cb_conflict_resolve(struct cb_store *s, const char *table, const char *record,
                    const char *choice, struct cb_err *err)
{
	struct cb_vec v = CB_VEC_OWNING(cb_conflict_free);
	const struct cb_sync_conflict *found = NULL;
	size_t i;
	int rc;

	if (cb_conflict_list(s, &v, err) != 0)
		return -1;
	for (i = 0; i < v.len && found == NULL; i++) {
		const struct cb_sync_conflict *c = v.items[i];

		if ((table == NULL || strcmp(c->table, table) == 0) &&
		    (strcmp(c->record, record) == 0 || (c->mine != NULL && strcmp(c->mine, record) == 0)))
			found = c;
	}
	if (found == NULL) {
		cb_vec_clear(&v);
		return cb_err_set(err, CB_ENOTFOUND, _("%s has no open conflict: casebook list "
		                                       "conflicts shows them"), record);
	}
	if (strcmp(choice, "mine") != 0 && strcmp(choice, "theirs") != 0 &&
	    !(strcmp(choice, "same") == 0 && found->kind == CB_SYNC_REFERENCE))
		rc = cb_err_set(err, CB_EINVAL, _("choose mine or theirs, not %s"), choice);
	else
		rc = cb_conflict_resolve_with(s, found, choice, NULL, err);
	cb_vec_clear(&v);
	return rc;
}
