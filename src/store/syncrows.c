/* SPDX-License-Identifier: MIT */
/* The SQLite side of sync: which tables are records, reading a row as
 * JSON, and putting a row from the server in without ever overwriting.
 *
 * The statements here are built from the names of the database's own
 * tables and columns (checked to be plain lower-case identifiers), never
 * from anything a user typed; values are always bound. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/record.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "internal.h"
#include "sync_internal.h"

#define SYSTEM_PREFIX "00000000-0000-4000-8000-"

static bool
plain_name(const char *s)
{
	if (s == NULL || *s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static void
table_clear(struct sr_table *t)
{
	int i;

	free(t->name);
	free(t->pk);
	free(t->key);
	free(t->json_expr);
	free(t->select_sql);
	free(t->pending_sql);
	free(t->insert_sql);
	for (i = 0; i < t->nfk; i++)
		free(t->fks[i].from);
	free(t->fks);
	memset(t, 0, sizeof *t);
}

void
sr_schema_free(struct sr_schema **sc)
{
	int i;

	if (sc == NULL || *sc == NULL)
		return;
	for (i = 0; i < (*sc)->n; i++)
		table_clear(&(*sc)->t[i]);
	free((*sc)->t);
	free(*sc);
	*sc = NULL;
}

static int
sr_find_n(const struct sr_schema *sc, const char *name, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(sc->t[i].name, name) == 0)
			return i;
	return -1;
}

int
sr_find(const struct sr_schema *sc, const char *name)
{
	return sr_find_n(sc, name, sc->n);
}

/* Read one table's columns; 1 when it is a record table, 0 when not. */
static int
load_table(struct cb_store *s, const char *name, struct sr_table *t, char ***fk_to,
           struct cb_err *err)
{
	sqlite3_stmt *st;
	struct cb_buf json, cols, vals;
	int rc, ncol = 0, npk = 0;
	bool created_by = false;
	char *pk = NULL, *second = NULL;

	memset(t, 0, sizeof *t);
	*fk_to = NULL;
	if (st_prepare(s, "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	memset(&json, 0, sizeof json);
	memset(&cols, 0, sizeof cols);
	memset(&vals, 0, sizeof vals);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);

		if (!plain_name(col)) {
			npk = 99; /* not one of ours */
			break;
		}
		if (sqlite3_column_int(st, 1) > 0) {
			npk++;
			free(pk);
			pk = cb_strdup(col);
		}
		if (ncol == 1)
			second = cb_strdup(col);
		if (strcmp(col, "created_by") == 0)
			created_by = true;
		if (strcmp(col, "family_id") == 0)
			t->has_family = true;
		if (strcmp(col, "team_id") == 0)
			t->has_team = true;
		if (strcmp(col, "version") == 0)
			t->has_version = true;
		cb_buf_addf(&json, "%s'%s', \"%s\"", ncol > 0 ? ", " : "", col, col);
		cb_buf_addf(&cols, "%s\"%s\"", ncol > 0 ? ", " : "", col);
		cb_buf_addf(&vals, "%sjson_extract(?1, '$.%s')", ncol > 0 ? ", " : "", col);
		ncol++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		rc = st_error(s, rc, err);
		goto out;
	}
	rc = 0;
	if (npk != 1 || !created_by || pk == NULL ||
	    (strcmp(pk, "id") != 0 && strcmp(pk, "row_id") != 0))
		goto out;
	t->name = cb_strdup(name);
	t->pk = pk;
	pk = NULL;
	if (strcmp(t->pk, "row_id") == 0) {
		t->key = second;
		second = NULL;
	}
	t->send = strcmp(name, "workers") != 0 && strcmp(name, "worker_versions") != 0 &&
	          strcmp(name, "teams") != 0 && strcmp(name, "team_versions") != 0;
	t->json_expr = cb_asprintf("json_object(%s)", cb_buf_str(&json));
	t->select_sql = cb_asprintf(
		"SELECT json_object(%s) FROM \"%s\" WHERE \"%s\" = ?1 UNION ALL "
		"SELECT data FROM sync_aside WHERE tbl = '%s' AND pk = ?1 LIMIT 1",
		cb_buf_str(&json), name, t->pk, name);
	/* The fourth column: whether the author came from the server (a
	 * worker made on this laptop is unknown there). */
	t->pending_sql = cb_asprintf(
		"SELECT \"%s\", json_object(%s), created_by, EXISTS (SELECT 1 FROM sync_seen w "
		"WHERE w.tbl = 'workers' AND w.pk = t.created_by) FROM \"%s\" t WHERE NOT EXISTS "
		"(SELECT 1 FROM sync_seen z WHERE z.tbl = '%s' AND z.pk = t.\"%s\") "
		"AND t.\"%s\" NOT LIKE '" SYSTEM_PREFIX "%%' ORDER BY t.rowid",
		t->pk, cb_buf_str(&json), name, name, t->pk, t->pk);
	t->insert_sql = cb_asprintf("INSERT INTO \"%s\" (%s) VALUES (%s)", name, cb_buf_str(&cols),
	                            cb_buf_str(&vals));
	/* Foreign keys, resolved to table indexes once all are loaded. */
	if (st_prepare(s, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)", &st,
	               err) != 0) {
		rc = -1;
		goto out;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t->fks = cb_reallocarray(t->fks, (size_t)t->nfk + 1, sizeof *t->fks);
		*fk_to = cb_reallocarray(*fk_to, (size_t)t->nfk + 1, sizeof **fk_to);
		t->fks[t->nfk].from = st_col_str(st, 0);
		t->fks[t->nfk].to = -1;
		(*fk_to)[t->nfk] = st_col_str(st, 1);
		t->nfk++;
	}
	sqlite3_finalize(st);
	rc = rc == SQLITE_DONE ? 1 : st_error(s, rc, err);
out:
	free(pk);
	free(second);
	cb_buf_free(&json);
	cb_buf_free(&cols);
	cb_buf_free(&vals);
	return rc;
}

/* Move table name to just after table after (to the end when NULL). */
static void
move_after(struct sr_schema *sc, const char *name, const char *after)
{
	int from = sr_find(sc, name), to, i;
	struct sr_table t;

	if (from < 0)
		return;
	t = sc->t[from];
	for (i = from; i + 1 < sc->n; i++)
		sc->t[i] = sc->t[i + 1];
	to = after != NULL ? sr_find_n(sc, after, sc->n - 1) + 1 : sc->n - 1;
	if (to <= 0)
		to = sc->n - 1;
	for (i = sc->n - 1; i > to; i--)
		sc->t[i] = sc->t[i - 1];
	sc->t[to] = t;
}

int
sr_schema_load(struct cb_store *s, struct sr_schema **out, struct cb_err *err)
{
	sqlite3_stmt *st;
	struct sr_table *all = NULL;
	char ***tos = NULL;
	int n = 0, rc, i, j, placed;
	bool *done = NULL;
	struct sr_schema *sc;

	*out = NULL;
	if (st_prepare(s, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
	                  "'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'sync\\_%' ESCAPE '\\' "
	                  "AND name <> 'drafts' ORDER BY name", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sr_table t;
		char **to;
		int r = load_table(s, (const char *)sqlite3_column_text(st, 0), &t, &to, err);

		if (r < 0) {
			sqlite3_finalize(st);
			goto fail;
		}
		if (r == 0)
			continue;
		all = cb_reallocarray(all, (size_t)n + 1, sizeof *all);
		tos = cb_reallocarray(tos, (size_t)n + 1, sizeof *tos);
		all[n] = t;
		tos[n] = to;
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		st_error(s, rc, err);
		goto fail;
	}
	/* Parents before children: repeatedly take the tables whose parents
	 * are all placed (a table naming itself does not count). */
	sc = cb_calloc(1, sizeof *sc);
	sc->t = cb_calloc((size_t)n + 1, sizeof *sc->t);
	done = cb_calloc((size_t)n + 1, sizeof *done);
	for (placed = 0; placed < n;) {
		int before = placed;

		for (i = 0; i < n; i++) {
			bool ready = true;

			if (done[i])
				continue;
			for (j = 0; j < all[i].nfk && ready; j++) {
				int k;

				for (k = 0; k < n; k++)
					if (k != i && !done[k] && strcmp(all[k].name, tos[i][j]) == 0)
						ready = false;
			}
			if (ready) {
				done[i] = true;
				sc->t[placed++] = all[i];
			}
		}
		if (placed == before) /* a cycle: take the rest as they come */
			for (i = 0; i < n; i++)
				if (!done[i]) {
					done[i] = true;
					sc->t[placed++] = all[i];
				}
	}
	sc->n = n;
	/* The server decides who may write a row by its family, and knows a
	 * family's team from its versions: so a family's first version goes
	 * right after it, before any row of the family, and the audit trail
	 * (about anything) goes last. */
	move_after(sc, "family_versions", "families");
	move_after(sc, "audit", NULL);
	for (i = 0; i < n; i++) {
		int orig;

		for (orig = 0; orig < n; orig++)
			if (strcmp(all[orig].name, sc->t[i].name) == 0)
				break;
		for (j = 0; j < sc->t[i].nfk; j++) {
			sc->t[i].fks[j].to = sr_find(sc, tos[orig][j]);
			free(tos[orig][j]);
		}
		free(tos[orig]);
	}
	free(tos);
	free(all);
	free(done);
	*out = sc;
	return 0;
fail:
	for (i = 0; i < n; i++) {
		for (j = 0; j < all[i].nfk; j++)
			free(tos[i][j]);
		free(tos[i]);
		table_clear(&all[i]);
	}
	free(tos);
	free(all);
	return -1;
}

void
sr_row_free(void *p)
{
	struct sr_row *r = p;

	if (r == NULL)
		return;
	free(r->pk);
	free(r->record);
	free(r->data);
	free(r->family);
	free(r->team);
	free(r->created_by);
	free(r);
}

/* One value of a row's JSON, as text (NULL when null or absent). */
static char *
json_text(struct cb_store *s, const char *json, const char *col)
{
	sqlite3_stmt *st;
	char *path, *v = NULL;

	path = cb_asprintf("$.%s", col);
	if (sqlite3_prepare_v2(s->db, "SELECT json_extract(?1, ?2)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = st_col_str(st, 0);
		sqlite3_finalize(st);
	}
	free(path);
	return v;
}

static char *
one_text(struct cb_store *s, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = st_col_str(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Which family (and failing that, which team) a row belongs to, for the
 * server's row-level security: its own family_id, else its parents'. */
static void resolve(struct cb_store *s, const struct sr_schema *sc, int ti, const char *pk,
                    const char *json, int depth, char **family, char **team);

void
sr_row_family(struct cb_store *s, const struct sr_schema *sc, int ti, const char *pk,
              const char *json, char **family, char **team)
{
	*family = *team = NULL;
	resolve(s, sc, ti, pk, json, 0, family, team);
}

static void
resolve(struct cb_store *s, const struct sr_schema *sc, int ti, const char *pk,
        const char *json, int depth, char **family, char **team)
{
	const struct sr_table *t = &sc->t[ti];
	int i;

	if (depth > 6)
		return;
	if (strcmp(t->name, "families") == 0) {
		*family = cb_strdup(pk);
		*team = one_text(s, "SELECT team_id FROM family_versions WHERE family_id = ?1 "
		                    "ORDER BY version DESC LIMIT 1", pk);
		return;
	}
	if (strcmp(t->name, "meetings") == 0) {
		*team = one_text(s, "SELECT team_id FROM meeting_versions WHERE meeting_id = ?1 "
		                    "ORDER BY version DESC LIMIT 1", pk);
		return;
	}
	if (t->has_family)
		*family = json_text(s, json, "family_id");
	if (t->has_team && *team == NULL)
		*team = json_text(s, json, "team_id");
	for (i = 0; i < t->nfk && *family == NULL; i++) {
		const struct sr_fk *fk = &t->fks[i];
		char *v, *pj;

		if (fk->to < 0 || strcmp(fk->from, "created_by") == 0 ||
		    strcmp(sc->t[fk->to].name, "workers") == 0 ||
		    strcmp(sc->t[fk->to].name, "teams") == 0)
			continue;
		if ((v = json_text(s, json, fk->from)) == NULL)
			continue;
		if ((pj = one_text(s, sc->t[fk->to].select_sql, v)) != NULL) {
			char *f = NULL, *tm = NULL;

			resolve(s, sc, fk->to, v, pj, depth + 1, &f, &tm);
			if (f != NULL)
				*family = f;
			if (*team == NULL)
				*team = tm;
			else
				free(tm);
			free(pj);
		}
		free(v);
	}
	/* A resolution belongs where the version it made belongs (a meeting's
	 * with the meeting's team). */
	if (strcmp(t->name, "conflict_resolutions") == 0 && *family == NULL) {
		char *tbl = json_text(s, json, "tbl"), *row = json_text(s, json, "resolved_row");
		int k = tbl != NULL ? sr_find(sc, tbl) : -1;
		char *pj = k >= 0 && row != NULL ? one_text(s, sc->t[k].select_sql, row) : NULL;

		if (pj != NULL) {
			free(*team);
			*team = NULL;
			resolve(s, sc, k, row, pj, depth + 1, family, team);
		}
		free(pj);
		free(tbl);
		free(row);
	}
	/* An audit entry belongs where the record it is about belongs. */
	if (strcmp(t->name, "audit") == 0 && *family == NULL && *team == NULL) {
		char *id = json_text(s, json, "entity_id");

		for (i = 0; id != NULL && i < sc->n && *family == NULL && *team == NULL; i++) {
			char *pj;

			if (strcmp(sc->t[i].pk, "id") != 0 || strcmp(sc->t[i].name, "audit") == 0)
				continue;
			if ((pj = one_text(s, sc->t[i].select_sql, id)) != NULL) {
				resolve(s, sc, i, id, pj, depth + 1, family, team);
				free(pj);
			}
		}
		free(id);
	}
}

/* Rows made here but kept aside (a resolution's version of the other
 * laptop's record, which cannot stand here): sent like any other. Rows
 * aside that came from the server are seen. */
#define ASIDE_PENDING                                                            \
	"SELECT a.tbl, a.pk, a.data, json_extract(a.data, '$.created_by'), 1 FROM sync_aside a " \
	"WHERE NOT EXISTS (SELECT 1 FROM sync_seen z WHERE z.tbl = a.tbl AND z.pk = a.pk) " \
	"ORDER BY a.rowid"

static int
aside_pending(struct cb_store *s, const struct sr_schema *sc, int max, struct cb_vec *out,
              struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	if (st_prepare(s, ASIDE_PENDING, &st, err) != 0)
		return -1;
	while ((int)out->len < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int ti = sr_find(sc, (const char *)sqlite3_column_text(st, 0));
		const struct sr_table *t;
		struct sr_row *r;

		if (ti < 0 || !sc->t[ti].send)
			continue;
		t = &sc->t[ti];
		r = cb_calloc(1, sizeof *r);
		r->t = ti;
		r->pk = st_col_str(st, 1);
		r->data = st_col_str(st, 2);
		r->created_by = st_col_str(st, 3);
		r->record = t->key != NULL ? json_text(s, r->data, t->key) : cb_strdup(r->pk);
		if (t->has_version) {
			char *v = json_text(s, r->data, "version");

			r->version = v != NULL ? atoi(v) : 0;
			free(v);
		}
		resolve(s, sc, ti, r->pk, r->data, 0, &r->family, &r->team);
		cb_vec_push(out, r);
	}
	if ((int)out->len < max && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return st_error(s, rc, err);
	}
	sqlite3_finalize(st);
	return 0;
}

int
sr_pending(struct cb_store *s, const struct sr_schema *sc, int max, struct cb_vec *out,
           struct cb_err *err)
{
	int i, rc = SQLITE_DONE;

	for (i = 0; i < sc->n && (int)out->len < max; i++) {
		const struct sr_table *t = &sc->t[i];
		sqlite3_stmt *st;

		if (!t->send)
			continue;
		if (st_prepare(s, t->pending_sql, &st, err) != 0)
			return -1;
		while ((int)out->len < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct sr_row *r;

			if ((sqlite3_column_type(st, 2) == SQLITE_TEXT &&
			     strcmp((const char *)sqlite3_column_text(st, 2), CB_SYSTEM_WORKER) == 0) ||
			    sqlite3_column_int(st, 3) == 0)
				continue;
			r = cb_calloc(1, sizeof *r);
			r->t = i;
			r->pk = st_col_str(st, 0);
			r->data = st_col_str(st, 1);
			r->created_by = st_col_str(st, 2);
			r->record = t->key != NULL ? json_text(s, r->data, t->key) : cb_strdup(r->pk);
			if (t->has_version) {
				char *v = json_text(s, r->data, "version");

				r->version = v != NULL ? atoi(v) : 0;
				free(v);
			}
			resolve(s, sc, i, r->pk, r->data, 0, &r->family, &r->team);
			cb_vec_push(out, r);
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			st_error(s, rc, err);
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_finalize(st);
	}
	if ((int)out->len < max)
		return aside_pending(s, sc, max, out, err);
	return 0;
}

/* Count one pending row by its author. */
static void
count_one(const char *by, bool known, const char *worker, struct sr_counts *n)
{
	if (by == NULL || strcmp(by, CB_SYSTEM_WORKER) == 0) {
		n->system++;
	} else if (!known) {
		n->laptop++;
		if (n->laptop_worker[0] == '\0')
			snprintf(n->laptop_worker, sizeof n->laptop_worker, "%s", by);
	} else if (worker == NULL || strcmp(by, worker) == 0) {
		n->mine++;
	} else {
		n->others++;
		if (n->other[0] == '\0')
			snprintf(n->other, sizeof n->other, "%s", by);
	}
}

int
sr_count_pending(struct cb_store *s, const struct sr_schema *sc, const char *worker,
                 struct sr_counts *n, struct cb_err *err)
{
	sqlite3_stmt *st;
	int i, rc;

	memset(n, 0, sizeof *n);
	for (i = 0; i < sc->n; i++) {
		const struct sr_table *t = &sc->t[i];

		if (!t->send)
			continue;
		if (st_prepare(s, t->pending_sql, &st, err) != 0)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			count_one((const char *)sqlite3_column_text(st, 2), sqlite3_column_int(st, 3) != 0,
			          worker, n);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return st_error(s, rc, err);
	}
	if (st_prepare(s, ASIDE_PENDING, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		count_one((const char *)sqlite3_column_text(st, 3), true, worker, n);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
sr_mark_seen(struct cb_store *s, const char *tbl, const char *pk, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (st_prepare(s, "INSERT OR IGNORE INTO sync_seen (tbl, pk) VALUES (?1, ?2)", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, pk, -1, SQLITE_STATIC);
	return st_exec_stmt(s, st, err);
}

static int
exists(struct cb_store *s, const char *sql, const char *a, const char *b, bool *out,
       struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b != NULL)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

static int
keep(struct cb_store *s, const char *sql, const char *tbl, const char *pk, const char *data,
     const char *record, const char *clash, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (st_prepare(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, pk, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, data, -1, SQLITE_STATIC);
	if (record != NULL)
		sqlite3_bind_text(st, 4, record, -1, SQLITE_STATIC);
	if (clash != NULL)
		sqlite3_bind_text(st, 5, clash, -1, SQLITE_STATIC);
	return st_exec_stmt(s, st, err);
}

static int
wait_for_parent(struct cb_store *s, const char *tbl, const char *pk, const char *data,
                struct cb_err *err)
{
	return keep(s, "INSERT OR IGNORE INTO sync_waiting (tbl, pk, data) VALUES (?1, ?2, ?3)",
	            tbl, pk, data, NULL, NULL, err);
}

/* Keep a row that cannot stand beside one already here, in full. */
static int
set_aside(struct cb_store *s, const struct sr_table *t, const char *pk, const char *data,
          const char *clash_parent, struct cb_err *err)
{
	char *record, *clash = NULL;
	int rc;

	record = t->key != NULL ? json_text(s, data, t->key) : cb_strdup(pk);
	if (clash_parent != NULL) {
		clash = cb_strdup(clash_parent);
	} else if (t->key != NULL && t->has_version) {
		char *sql = cb_asprintf("SELECT \"%s\" FROM \"%s\" WHERE \"%s\" = ?1 AND version = "
		                        "json_extract(?2, '$.version')", t->pk, t->name, t->key);
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, record, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, data, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				clash = st_col_str(st, 0);
			sqlite3_finalize(st);
		}
		free(sql);
	}
	rc = keep(s, "INSERT OR IGNORE INTO sync_aside (tbl, pk, data, record, clash, kept_at) "
	             "VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
	          t->name, pk, data, record, clash, err);
	free(record);
	free(clash);
	return rc;
}

int
sr_apply(struct cb_store *s, const struct sr_schema *sc, const char *tbl, const char *pk,
         const char *data, enum sr_outcome *out, struct cb_err *err)
{
	int ti = sr_find(sc, tbl), rc, i;
	const struct sr_table *t;
	sqlite3_stmt *st;
	bool had;
	char *sql;

	if (ti < 0) { /* a table from a newer casebook: keep it until then */
		*out = SR_WAITING;
		return wait_for_parent(s, tbl, pk, data, err);
	}
	t = &sc->t[ti];
	sql = cb_asprintf("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?1 UNION ALL SELECT 1 FROM sync_aside "
	                  "WHERE tbl = ?2 AND pk = ?1", t->name, t->pk);
	rc = exists(s, sql, pk, tbl, &had, err);
	free(sql);
	if (rc != 0)
		return -1;
	if (had) {
		*out = SR_HAD;
		return sr_mark_seen(s, tbl, pk, err);
	}
	if (st_prepare(s, t->insert_sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, data, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		*out = SR_APPLIED;
		return sr_mark_seen(s, tbl, pk, err);
	}
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		/* A row of a record that was itself set aside goes with it. */
		for (i = 0; i < t->nfk; i++) {
			char *v;
			bool aside = false;

			if (t->fks[i].to < 0 || (v = json_text(s, data, t->fks[i].from)) == NULL)
				continue;
			rc = exists(s, "SELECT 1 FROM sync_aside WHERE tbl = ?2 AND pk = ?1", v,
			            sc->t[t->fks[i].to].name, &aside, err);
			if (rc == 0 && aside) {
				rc = set_aside(s, t, pk, data, v, err);
				free(v);
				if (rc != 0)
					return -1;
				*out = SR_ASIDE;
				return sr_mark_seen(s, tbl, pk, err);
			}
			free(v);
			if (rc != 0)
				return -1;
		}
		*out = SR_WAITING;
		return wait_for_parent(s, tbl, pk, data, err);
	}
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		if (set_aside(s, t, pk, data, NULL, err) != 0)
			return -1;
		*out = SR_ASIDE;
		return sr_mark_seen(s, tbl, pk, err);
	}
	if ((rc & 0xFF) == SQLITE_CONSTRAINT) {
		*out = SR_WAITING;
		return wait_for_parent(s, tbl, pk, data, err);
	}
	return st_error(s, rc, err);
}

int
sr_retry_waiting(struct cb_store *s, const struct sr_schema *sc, long *applied,
                 struct cb_err *err)
{
	bool progress = true;

	while (progress) {
		sqlite3_stmt *st;
		struct cb_vec rows = CB_VEC_OWNING(free);
		size_t i;
		int rc;

		progress = false;
		if (st_prepare(s, "SELECT tbl, pk, data FROM sync_waiting ORDER BY rowid", &st, err) != 0)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			cb_vec_push(&rows, st_col_str(st, 0));
			cb_vec_push(&rows, st_col_str(st, 1));
			cb_vec_push(&rows, st_col_str(st, 2));
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			cb_vec_clear(&rows);
			return st_error(s, rc, err);
		}
		for (i = 0; i + 2 < rows.len; i += 3) {
			const char *tbl = rows.items[i], *pk = rows.items[i + 1];
			enum sr_outcome o;

			if (sr_find(sc, tbl) < 0)
				continue;
			if (st_prepare(s, "DELETE FROM sync_waiting WHERE tbl = ?1 AND pk = ?2", &st,
			               err) != 0)
				goto fail;
			sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, pk, -1, SQLITE_STATIC);
			if (st_exec_stmt(s, st, err) != 0 ||
			    sr_apply(s, sc, tbl, pk, rows.items[i + 2], &o, err) != 0)
				goto fail;
			if (o != SR_WAITING) {
				progress = true;
				if (o == SR_APPLIED && applied != NULL)
					(*applied)++;
			}
		}
		cb_vec_clear(&rows);
		continue;
fail:
		cb_vec_clear(&rows);
		return -1;
	}
	return 0;
}

int
sr_state_get(struct cb_store *s, const char *key, char **out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (st_prepare(s, "SELECT value FROM sync_state WHERE key = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = st_col_str(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
sr_state_set(struct cb_store *s, const char *key, const char *value, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (st_prepare(s, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)", &st,
	               err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return st_exec_stmt(s, st, err);
}
