/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/store.h"
#include "casebook/store_workers.h"
#include "casebook/text.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "internal.h"

static void
bind_team(sqlite3_stmt *st, const void *rec)
{
	const struct cb_team *t = rec;

	st_bind_text(st, 8, t->name);
}

static const struct st_kind team_kind = {
	"team",
	"INSERT INTO teams (id, created_at, created_by) VALUES (?1, ?2, ?3)",
	ST_VERSION_SQL("team_versions", "team_id", "name", "?8"),
	ST_LATEST_SQL("team_versions", "team_id"),
	ST_RETRACT_SQL("team_versions", "team_id", "name"),
	bind_team,
};

int
cb_store_team_add(struct cb_store *s, struct cb_team *t, struct cb_err *err)
{
	if (cb_str_empty(t->name))
		return cb_err_set(err, CB_EINVAL, _("a team needs a name"));
	return st_record_add(s, &team_kind, t->id, &t->rev, NULL, NULL, NULL, t, err);
}

int
cb_store_team_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, "SELECT t.team_id, t.name, " ST_REV_COLS("t") " FROM teams_current t "
	                  "ORDER BY t.name", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cb_team *t = cb_team_new();

		st_col_id(st, 0, t->id);
		t->name = st_col_str(st, 1);
		st_col_rev(st, 2, &t->rev);
		cb_vec_push(out, t);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

static void
bind_worker(sqlite3_stmt *st, const void *rec)
{
	const struct cb_worker *w = rec;

	st_bind_text(st, 8, w->name);
	st_bind_text(st, 9, w->role);
	st_bind_text(st, 10, w->team_id[0] != '\0' ? w->team_id : NULL);
}

static const struct st_kind worker_kind = {
	"worker",
	"INSERT INTO workers (id, created_at, created_by) VALUES (?1, ?2, ?3)",
	ST_VERSION_SQL("worker_versions", "worker_id", "name, role, team_id", "?8, ?9, ?10"),
	ST_LATEST_SQL("worker_versions", "worker_id"),
	ST_RETRACT_SQL("worker_versions", "worker_id", "name, role, team_id"),
	bind_worker,
};

#define WORKER_SELECT                                                            \
	"SELECT w.worker_id, w.name, w.role, w.team_id, " ST_REV_COLS("w")         \
	" FROM workers_current w "

static int
worker_check(const struct cb_worker *w, struct cb_err *err)
{
	if (cb_str_empty(w->name))
		return cb_err_set(err, CB_EINVAL, _("a worker needs a name"));
	if (cb_str_empty(w->role))
		return cb_err_set(err, CB_EINVAL, _("a worker needs a role"));
	return 0;
}

int
cb_store_worker_add(struct cb_store *s, struct cb_worker *w, struct cb_err *err)
{
	if (worker_check(w, err) != 0)
		return -1;
	return st_record_add(s, &worker_kind, w->id, &w->rev, NULL, NULL, NULL, w, err);
}

int
cb_store_worker_correct(struct cb_store *s, struct cb_worker *w, struct cb_err *err)
{
	if (worker_check(w, err) != 0)
		return -1;
	return st_record_correct(s, &worker_kind, w->id, &w->rev, w, err);
}

static struct cb_worker *
worker_row(sqlite3_stmt *st)
{
	struct cb_worker *w = cb_worker_new();

	st_col_id(st, 0, w->id);
	w->name = st_col_str(st, 1);
	w->role = st_col_str(st, 2);
	st_col_id(st, 3, w->team_id);
	st_col_rev(st, 4, &w->rev);
	return w;
}

int
cb_store_worker_get(struct cb_store *s, const char *id, struct cb_worker **out,
                    struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (st_prepare(s, WORKER_SELECT "WHERE w.worker_id = ?1", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = worker_row(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return cb_err_set(err, CB_ENOTFOUND, _("there is no worker with id %s"), id);
	return st_error(s, rc, err);
}

/* Workers whose id is ?1, or whose folded name is ?2 (WORKER_EXACT) or
 * holds it (WORKER_PART). */
#define WORKER_FIND(cond)                                                        \
	WORKER_SELECT "WHERE w.worker_id <> '" CB_SYSTEM_WORKER "' AND "            \
	"(w.worker_id = ?1 OR w.worker_id IN (SELECT h.worker_id FROM worker_heads h " \
	"WHERE " cond ")) ORDER BY w.name"
#define WORKER_EXACT WORKER_FIND("h.name_fold = ?2")
#define WORKER_PART WORKER_FIND("instr(h.name_fold, ?2) > 0")

static int
worker_match(struct cb_store *s, const char *key, const char *fold, int exact,
             struct cb_worker **found, int *n, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if (st_prepare(s, exact ? WORKER_EXACT : WORKER_PART, &st, err) != 0)
		return -1;
	st_bind_text(st, 1, key);
	sqlite3_bind_text(st, 2, fold, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((*n)++ == 0)
			*found = worker_row(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cb_worker_free(found);
		return st_error(s, rc, err);
	}
	return 0;
}

/* A worker by id or by name as a person types it: the whole name in any
 * case and with or without accents ("KATARZYNA ZIELINSKA"), or, when no
 * name is that, a part of one name only ("zielinska"). */
int
cb_store_worker_find(struct cb_store *s, const char *key, struct cb_worker **out,
                     struct cb_err *err)
{
	struct cb_worker *found = NULL;
	char *fold = cb_text_fold(key);
	int rc, n = 0;
	bool part = false;

	*out = NULL;
	rc = worker_match(s, key, fold, 1, &found, &n, err);
	if (rc == 0 && n == 0 && *fold != '\0' && strcmp(fold, " ") != 0) {
		part = true;
		rc = worker_match(s, key, fold, 0, &found, &n, err);
	}
	free(fold);
	if (rc != 0)
		return -1;
	if (n == 0)
		return cb_err_set(err, CB_ENOTFOUND,
		                  _("there is no worker called '%s': see 'casebook list workers'"),
		                  key);
	if (n > 1 && part) {
		cb_worker_free(&found);
		return cb_err_set(err, CB_EINVAL,
		                  _("the names of %d workers hold '%s': give more of the name, or "
		                    "the worker's id (see 'casebook list workers')"), n, key);
	}
	if (n > 1) {
		struct cb_vec same = CB_VEC_OWNING(cb_worker_free_item);
		struct cb_buf which = {0};
		size_t i;

		cb_worker_free(&found);
		if (cb_store_worker_named(s, key, &same, err) != 0)
			return -1;
		for (i = 0; i < same.len; i++) {
			const struct cb_worker *w = same.items[i];

			cb_buf_addf(&which, "%s%s (%s)", i > 0 ? ", " : "", w->id, w->role);
		}
		cb_err_set(err, CB_EINVAL,
		           _("%d workers are called '%s': give the worker's id instead: %s"), n, key,
		           cb_buf_str(&which));
		cb_buf_free(&which);
		cb_vec_clear(&same);
		return -1;
	}
	*out = found;
	return 0;
}

int
cb_store_worker_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, WORKER_SELECT "WHERE w.worker_id <> '" CB_SYSTEM_WORKER "' "
	                  "ORDER BY w.name COLLATE NOCASE, w.worker_id", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cb_vec_push(out, worker_row(st));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
cb_store_worker_named(struct cb_store *s, const char *name, struct cb_vec *out,
                      struct cb_err *err)
{
	sqlite3_stmt *st;
	char *trimmed = cb_str_trim(name);
	int rc;

	if (st_prepare(s, WORKER_SELECT "WHERE w.worker_id <> '" CB_SYSTEM_WORKER "' AND "
	                  "w.name = ?1 COLLATE NOCASE ORDER BY w.created_at",
	               &st, err) != 0) {
		free(trimmed);
		return -1;
	}
	st_bind_text(st, 1, trimmed);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cb_vec_push(out, worker_row(st));
	sqlite3_finalize(st);
	free(trimmed);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

static bool
language_code(const char *lang)
{
	size_t i;

	for (i = 0; lang[i] >= 'a' && lang[i] <= 'z'; i++)
		;
	return lang[i] == '\0' && (i == 0 || i == 2 || i == 3);
}

int
cb_store_worker_language(struct cb_store *s, const char *worker_id, char out[CB_LANG_LEN],
                         struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (st_prepare(s, "SELECT lang FROM worker_languages WHERE worker_id = ?1 "
	                  "ORDER BY rowid DESC LIMIT 1", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, worker_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);

		snprintf(out, CB_LANG_LEN, "%s", v != NULL ? v : "");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
cb_store_worker_set_language(struct cb_store *s, const char *worker_id, const char *lang,
                             struct cb_err *err)
{
	struct cb_worker *w = NULL;
	sqlite3_stmt *st;
	char now[CB_STAMP_LEN];
	int rc;

	if (!language_code(lang))
		return cb_err_set(err, CB_EINVAL,
		                  _("'%s' is not a language code: give one such as cy or en"), lang);
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = cb_store_worker_get(s, worker_id, &w, err);
	cb_worker_free(&w);
	if (rc == 0)
		rc = st_prepare(s, "INSERT INTO worker_languages (worker_id, set_at, lang) "
		                   "VALUES (?1, ?2, ?3)", &st, err);
	if (rc == 0) {
		cb_stamp_now(now);
		st_bind_text(st, 1, worker_id);
		st_bind_text(st, 2, now);
		st_bind_text(st, 3, lang);
		rc = st_exec_stmt(s, st, err);
	}
	if (rc == 0)
		rc = st_audit(s, "language", "worker", worker_id, NULL, lang, err);
	return st_write_end(s, rc, err);
}
