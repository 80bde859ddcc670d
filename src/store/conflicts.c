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

int
cb_sync_status(struct cb_store *s, char **last, long *waiting, struct cb_err *err)
{
	struct sr_schema *sc;
	long sys, others;
	int rc;

	*last = NULL;
	*waiting = 0;
	if (sr_schema_load(s, &sc, err) != 0)
		return -1;
	rc = sr_count_pending(s, sc, NULL, waiting, &sys, &others, NULL, err);
	sr_schema_free(&sc);
	if (rc != 0)
		return -1;
	return sr_state_get(s, "last_sync", last, err);
}

int
cb_sync_unsent(struct cb_store *s, long *unsent, struct cb_err *err)
{
	struct sr_schema *sc;
	long mine, sys, others;
	int rc;

	*unsent = 0;
	if (sr_schema_load(s, &sc, err) != 0)
		return -1;
	rc = sr_count_pending(s, sc, NULL, &mine, &sys, &others, NULL, err);
	sr_schema_free(&sc);
	if (rc != 0)
		return -1;
	*unsent = mine + sys + others;
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
 * record's conflict, not conflicts of their own. */
#define OPEN_CONFLICTS                                                           \
	"SELECT a.tbl, a.record, a.clash, a.pk, a.data FROM sync_aside a "        \
	"WHERE NOT EXISTS (SELECT 1 FROM sync_aside p WHERE p.pk = a.clash) "      \
	"AND NOT EXISTS (SELECT 1 FROM conflict_resolutions r WHERE r.row_b = a.pk " \
	"OR r.row_a = a.pk) "

int
cb_conflict_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, OPEN_CONFLICTS "ORDER BY a.kept_at, a.pk", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cb_sync_conflict *c = cb_calloc(1, sizeof *c);

		c->table = st_col_str(st, 0);
		c->record = st_col_str(st, 1);
		c->mine = st_col_str(st, 2);
		c->theirs = st_col_str(st, 3);
		c->theirs_json = st_col_str(st, 4);
		cb_vec_push(out, c);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

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

int
cb_conflict_resolve(struct cb_store *s, const char *table, const char *record,
                    const char *choice, struct cb_err *err)
{
	struct sr_schema *sc = NULL;
	const struct sr_table *t;
	char *aside = NULL, *aside_json = NULL, *mine = NULL, *src = NULL, *sql = NULL;
	char *row = NULL, *family = NULL, *team = NULL, *max = NULL, *found = NULL;
	char newid[CB_UUID_LEN], resid[CB_UUID_LEN], now[40];
	struct cb_rev rev = {0};
	sqlite3_stmt *st;
	int ti, rc = -1;

	if (strcmp(choice, "mine") != 0 && strcmp(choice, "theirs") != 0)
		return cb_err_set(err, CB_EINVAL, _("choose mine or theirs, not %s"), choice);
	if (sr_schema_load(s, &sc, err) != 0)
		return -1;
	if (table == NULL) {
		found = one(s, OPEN_CONFLICTS "AND a.record = ?1 AND ?2 IS NULL LIMIT 1", record, NULL);
		if (found == NULL) {
			cb_err_set(err, CB_ENOTFOUND, _("%s has no open conflict: casebook list "
			                                "conflicts shows them"), record);
			goto done;
		}
		table = found;
	}
	if ((ti = sr_find(sc, table)) < 0 || sc->t[ti].key == NULL || !sc->t[ti].has_version) {
		cb_err_set(err, CB_EINVAL, _("%s is not a table of versions"), table);
		goto done;
	}
	t = &sc->t[ti];
	if (st_write_begin(s, err) != 0)
		goto done;
	if (st_prepare(s, OPEN_CONFLICTS "AND a.tbl = ?1 AND a.record = ?2 ORDER BY a.kept_at, a.pk",
	               &st, err) != 0)
		goto out;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, record, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		mine = st_col_str(st, 2);
		aside = st_col_str(st, 3);
		aside_json = st_col_str(st, 4);
	}
	sqlite3_finalize(st);
	if (aside == NULL || mine == NULL) {
		cb_err_set(err, CB_ENOTFOUND, _("%s %s has no open conflict: casebook list "
		                                "conflicts shows them"), table, record);
		goto out;
	}
	if (strcmp(choice, "theirs") == 0) {
		src = cb_strdup(aside_json);
	} else {
		sql = cb_asprintf("SELECT %s FROM \"%s\" WHERE \"%s\" = ?1", t->json_expr, t->name,
		                  t->pk);
		src = one(s, sql, mine, NULL);
	}
	/* Signed minutes stay signed: a conflict over a meeting is settled
	 * only with the signed version (an addendum says what changed). */
	if (src != NULL && strcmp(t->name, "meeting_versions") == 0) {
		char *mine_json = NULL, *q;

		free(sql);
		sql = cb_asprintf("SELECT %s FROM \"%s\" WHERE \"%s\" = ?1", t->json_expr, t->name,
		                  t->pk);
		mine_json = one(s, sql, mine, NULL);
		q = cb_asprintf("%d%d%d", is_signed(s, src), is_signed(s, mine_json),
		                is_signed(s, aside_json));
		free(mine_json);
		if (q[0] == '0' && (q[1] == '1' || q[2] == '1')) {
			free(q);
			cb_err_set(err, CB_EPERM,
			           _("signed minutes stay signed: choose the signed version, and add an "
			             "addendum for what the other one said"));
			goto out;
		}
		free(q);
	}
	free(sql);
	sql = cb_asprintf("SELECT max(v) FROM (SELECT version AS v FROM \"%s\" WHERE \"%s\" = ?1 "
	                  "UNION ALL SELECT json_extract(data, '$.version') FROM sync_aside "
	                  "WHERE tbl = ?2 AND record = ?1)", t->name, t->key);
	max = one(s, sql, record, table);
	if (src == NULL || max == NULL) {
		cb_err_set(err, CB_EINTERNAL, _("could not read the versions of %s"), record);
		goto out;
	}
	st_rev_new(s, &rev, atoi(max) + 1);
	snprintf(newid, sizeof newid, "%s", rev.row_id);
	snprintf(now, sizeof now, "%s", rev.created_at);
	free(sql);
	sql = cb_asprintf("SELECT json_set(?1, '$.row_id', ?2, '$.version', %d, '$.created_at', "
	                  "?3, '$.created_by', ?4)", rev.version);
	{
		sqlite3_stmt *j;

		if (st_prepare(s, sql, &j, err) != 0)
			goto out;
		sqlite3_bind_text(j, 1, src, -1, SQLITE_STATIC);
		sqlite3_bind_text(j, 2, newid, -1, SQLITE_STATIC);
		sqlite3_bind_text(j, 3, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(j, 4, cb_store_actor(s), -1, SQLITE_STATIC);
		if (sqlite3_step(j) == SQLITE_ROW)
			row = st_col_str(j, 0);
		sqlite3_finalize(j);
	}
	if (row == NULL || st_prepare(s, t->insert_sql, &st, err) != 0)
		goto out;
	sqlite3_bind_text(st, 1, row, -1, SQLITE_STATIC);
	if (st_exec_stmt(s, st, err) != 0)
		goto out;
	sr_row_family(s, sc, ti, newid, row, &family, &team);
	cb_uuid_new(resid);
	if (st_prepare(s, "INSERT INTO conflict_resolutions (id, created_at, created_by, family_id, "
	                  "tbl, record_id, row_a, row_b, resolved_row) VALUES (?1, ?2, ?3, ?4, ?5, "
	                  "?6, ?7, ?8, ?9)", &st, err) != 0)
		goto out;
	sqlite3_bind_text(st, 1, resid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, cb_store_actor(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, family, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, record, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, mine, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, aside, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, newid, -1, SQLITE_STATIC);
	if (st_exec_stmt(s, st, err) != 0)
		goto out;
	rc = st_audit(s, "resolve", table, record, newid, choice, err);
out:
	rc = st_write_end(s, rc, err);
done:
	cb_rev_clear(&rev);
	free(aside);
	free(aside_json);
	free(mine);
	free(src);
	free(sql);
	free(row);
	free(family);
	free(team);
	free(max);
	free(found);
	sr_schema_free(&sc);
	return rc;
}
