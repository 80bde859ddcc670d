/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/vec.h"
#include "internal.h"

/* Sessions */

static void
bind_session(sqlite3_stmt *st, const void *rec)
{
	const struct cb_session *x = rec;

	st_bind_date(st, 8, x->date);
	st_bind_text(st, 9, x->modules);
	st_bind_text(st, 10, x->present);
	st_bind_text(st, 11, x->covered);
}

#define SESSION_COLS "session_date, modules, present, covered"
static const struct st_kind session_kind = {
	"session",
	"INSERT INTO sessions (id, created_at, created_by, family_id) VALUES (?1, ?2, ?3, ?4)",
	ST_VERSION_SQL("session_versions", "session_id", SESSION_COLS, "?8, ?9, ?10, ?11"),
	ST_LATEST_SQL("session_versions", "session_id"),
	ST_RETRACT_SQL("session_versions", "session_id", SESSION_COLS),
	bind_session,
};

static void *
session_row(sqlite3_stmt *st)
{
	struct cb_session *x = cb_session_new();

	st_col_id(st, 0, x->id);
	st_col_id(st, 1, x->family_id);
	x->date = st_col_date(st, 2);
	x->modules = st_col_str(st, 3);
	x->present = st_col_str(st, 4);
	x->covered = st_col_str(st, 5);
	st_col_rev(st, 6, &x->rev);
	return x;
}

int
cb_store_session_add(struct cb_store *s, struct cb_session *x, struct cb_err *err)
{
	if (cb_session_check(x, err) != 0)
		return -1;
	return st_record_add(s, &session_kind, x->id, &x->rev, x->family_id, NULL, NULL, x, err);
}

int
cb_store_session_correct(struct cb_store *s, struct cb_session *x, struct cb_err *err)
{
	if (cb_session_check(x, err) != 0)
		return -1;
	return st_record_correct(s, &session_kind, x->id, &x->rev, x, err);
}

int
cb_store_session_retract(struct cb_store *s, const char *id, int base_version,
                         const char *reason, struct cb_err *err)
{
	return st_record_retract(s, &session_kind, id, base_version, reason, err);
}

int
cb_store_session_history(struct cb_store *s, const char *id, struct cb_vec *out,
                         struct cb_err *err)
{
	return st_rows(s, "SELECT x.session_id, si.family_id, x.session_date, x.modules, x.present, "
	                  "x.covered, " ST_REV_COLS("x") " FROM session_versions x JOIN sessions si "
	                  "ON si.id = x.session_id WHERE x.session_id = ?1 ORDER BY x.version",
	               id, NULL, session_row, out, err);
}

int
cb_store_session_list(struct cb_store *s, const char *family_id, struct cb_vec *out,
                      struct cb_err *err)
{
	return st_rows(s, "SELECT x.session_id, si.family_id, x.session_date, x.modules, x.present, "
	                  "x.covered, " ST_REV_COLS("x") " FROM sessions_current x JOIN sessions si "
	                  "ON si.id = x.session_id WHERE si.family_id = ?1 "
	                  "ORDER BY x.session_date DESC, si.created_at DESC",
	               family_id, NULL, session_row, out, err);
}

int
cb_store_session_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                           struct cb_err *err)
{
	return st_rows(s, "SELECT x.session_id, si.family_id, x.session_date, x.modules, x.present, "
	                  "x.covered, " ST_REV_COLS("x") " FROM "
	                  ST_RETRACTED("session_heads", "session_versions", "session_id")
	                  " x JOIN sessions si ON si.id = x.session_id WHERE si.family_id = ?1 "
	                  "ORDER BY x.created_at",
	               family_id, NULL, session_row, out, err);
}

/* Answers */

static void
bind_answer(sqlite3_stmt *st, const void *rec)
{
	const struct cb_answer *a = rec;

	sqlite3_bind_int64(st, 8, a->module_version);
	st_bind_text(st, 9, a->value);
	st_bind_date(st, 10, a->date);
}

#define ANSWER_COLS "module_version, value, answered_on"
static const struct st_kind answer_kind = {
	"answer",
	NULL, /* the identity row has more columns: see answer_identity() */
	ST_VERSION_SQL("answer_versions", "answer_id", ANSWER_COLS, "?8, ?9, ?10"),
	ST_LATEST_SQL("answer_versions", "answer_id"),
	ST_RETRACT_SQL("answer_versions", "answer_id", ANSWER_COLS),
	bind_answer,
};

#define ANSWER_SELECT(view)                                                      \
	"SELECT x.answer_id, ai.family_id, ai.module_id, ai.field_key, ai.person_id, " \
	"ai.meeting_id, x.module_version, x.value, x.answered_on, " ST_REV_COLS("x") \
	" FROM " view " x JOIN answers ai ON ai.id = x.answer_id "

static void *
answer_row(sqlite3_stmt *st)
{
	struct cb_answer *a = cb_answer_new();

	st_col_id(st, 0, a->id);
	st_col_id(st, 1, a->family_id);
	a->module_id = st_col_str(st, 2);
	a->field_key = st_col_str(st, 3);
	st_col_id(st, 4, a->person_id);
	st_col_id(st, 5, a->meeting_id);
	a->module_version = (long)sqlite3_column_int64(st, 6);
	a->value = st_col_str(st, 7);
	a->date = st_col_date(st, 8);
	st_col_rev(st, 9, &a->rev);
	return a;
}

static const char *
nullable(const char *id)
{
	return id != NULL && id[0] != '\0' ? id : NULL;
}

/* The id of the answer with a's key, or "" when there is none yet; with
 * retracted, the newest version when that is a retraction (else 0). */
static int
answer_identity(struct cb_store *s, const struct cb_answer *a, char id[CB_UUID_LEN],
                int *retracted, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	id[0] = '\0';
	if (retracted != NULL)
		*retracted = 0;
	if (st_prepare(s, "SELECT a.id, CASE WHEN h.retracted THEN h.version ELSE 0 END FROM "
	                  "answers a LEFT JOIN answer_heads h ON h.answer_id = a.id WHERE "
	                  "a.family_id = ?1 AND a.module_id = ?2 AND "
	                  "a.field_key = ?3 AND coalesce(a.person_id, '') = ?4 AND "
	                  "coalesce(a.meeting_id, '') = ?5", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, a->family_id);
	st_bind_text(st, 2, a->module_id);
	st_bind_text(st, 3, a->field_key);
	st_bind_text(st, 4, a->person_id);
	st_bind_text(st, 5, a->meeting_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		st_col_id(st, 0, id);
		if (retracted != NULL)
			*retracted = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
cb_store_answer_find(struct cb_store *s, const struct cb_answer *key, char id[CB_UUID_LEN],
                     struct cb_err *err)
{
	return answer_identity(s, key, id, NULL, err);
}

int
cb_store_answer_save(struct cb_store *s, struct cb_answer *a, struct cb_err *err)
{
	char existing[CB_UUID_LEN];
	sqlite3_stmt *st;
	int rc = -1, retracted = 0;

	if (a->module_id == NULL || a->field_key == NULL || a->value == NULL ||
	    a->module_version < 1 || !cb_date_valid(a->date))
		return cb_err_set(err, CB_EINVAL, _("an answer needs its module, field, value and date"));
	if (st_write_begin(s, err) != 0)
		return -1;
	if (st_meeting_open(s, a->meeting_id, err) != 0 || answer_identity(s, a, existing, &retracted, err) != 0)
		goto out;
	/* A field whose answer was retracted is answered again as a new
	 * version of the same record, after the retraction. */
	if (existing[0] != '\0' && retracted > 0 && a->rev.version == 0)
		a->rev.version = retracted;
	if (existing[0] != '\0') {
		if (a->id[0] != '\0' && strcmp(a->id, existing) != 0) {
			rc = cb_err_set(err, CB_EEXIST, _("this field already has an answer under another id"));
			goto out;
		}
		if (a->rev.version == 0) {
			rc = cb_err_set(err, CB_ESTALE,
			                _("someone else answered this meanwhile: reopen it to see "
			                  "their answer, then add yours"));
			goto out;
		}
		memcpy(a->id, existing, CB_UUID_LEN);
		rc = st_record_correct(s, &answer_kind, a->id, &a->rev, a, err);
		goto out;
	}
	if (a->id[0] == '\0')
		cb_uuid_new(a->id);
	cb_rev_clear(&a->rev);
	st_rev_new(s, &a->rev, 1);
	if (st_prepare(s, "INSERT INTO answers (id, created_at, created_by, family_id, module_id, "
	                  "field_key, person_id, meeting_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	               &st, err) != 0)
		goto out;
	st_bind_text(st, 1, a->id);
	st_bind_text(st, 2, a->rev.created_at);
	st_bind_text(st, 3, a->rev.created_by);
	st_bind_text(st, 4, a->family_id);
	st_bind_text(st, 5, a->module_id);
	st_bind_text(st, 6, a->field_key);
	st_bind_text(st, 7, nullable(a->person_id));
	st_bind_text(st, 8, nullable(a->meeting_id));
	if (st_exec_stmt(s, st, err) != 0 || st_prepare(s, answer_kind.version_sql, &st, err) != 0)
		goto out;
	st_bind_rev(st, &a->rev);
	st_bind_text(st, 7, a->id);
	bind_answer(st, a);
	if (st_exec_stmt(s, st, err) != 0)
		goto out;
	rc = st_audit(s, "create", "answer", a->id, a->rev.row_id, NULL, err);
out:
	return st_write_end(s, rc, err);
}

int
cb_store_answer_retract(struct cb_store *s, const char *id, int base_version,
                        const char *reason, struct cb_err *err)
{
	/* An answer given in minutes since signed off stays, as they do. */
	return st_meeting_retract(s, "SELECT meeting_id FROM answers WHERE id = ?1", &answer_kind, id,
	                          base_version, reason, err);
}

int
cb_store_answer_list(struct cb_store *s, const char *family_id, const char *module_id,
                     const char *meeting_id, struct cb_vec *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, ANSWER_SELECT("answers_current") "WHERE ai.family_id = ?1 AND "
	                  "ai.module_id = ?2 AND coalesce(ai.meeting_id, '') = ?3 "
	                  "ORDER BY ai.field_key, ai.person_id", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, family_id);
	st_bind_text(st, 2, module_id);
	st_bind_text(st, 3, meeting_id != NULL ? meeting_id : "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cb_vec_push(out, answer_row(st));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
cb_store_answer_history(struct cb_store *s, const char *answer_id, struct cb_vec *out,
                        struct cb_err *err)
{
	return st_rows(s, ANSWER_SELECT("answer_versions") "WHERE x.answer_id = ?1 ORDER BY x.version",
	               answer_id, NULL, answer_row, out, err);
}

static void *
module_version_row(sqlite3_stmt *st)
{
	struct cb_module_version *v = cb_calloc(1, sizeof *v);

	v->module_id = st_col_str(st, 0);
	v->version = (long)sqlite3_column_int64(st, 1);
	return v;
}

int
cb_store_module_versions(struct cb_store *s, struct cb_vec *out, struct cb_err *err)
{
	return st_rows(s, "SELECT ai.module_id, max(x.module_version) FROM answer_versions x "
	                  "JOIN answers ai ON ai.id = x.answer_id GROUP BY ai.module_id "
	                  "ORDER BY ai.module_id", NULL, NULL, module_version_row, out, err);
}

static void *
progress_row(sqlite3_stmt *st)
{
	struct cb_progress *p = cb_calloc(1, sizeof *p);

	p->module_id = st_col_str(st, 0);
	p->sessions = sqlite3_column_int(st, 1);
	p->answers = sqlite3_column_int(st, 2);
	p->complete = sqlite3_column_int(st, 3) != 0;
	p->last = st_col_date(st, 4);
	return p;
}

int
cb_store_progress(struct cb_store *s, const char *family_id, const struct cb_vec *module_ids,
                  struct cb_vec *out, struct cb_err *err)
{
	size_t i;

	for (i = 0; i < module_ids->len; i++) {
		sqlite3_stmt *st;
		int rc;

		if (st_prepare(s,
		               "SELECT ?2, "
		               " (SELECT count(*) FROM sessions si JOIN sessions_current x ON "
		               "  x.session_id = si.id WHERE si.family_id = ?1 AND "
		               "  (' ' || x.modules || ' ') LIKE '% ' || ?2 || ' %'), "
		               " (SELECT count(*) FROM answers ai JOIN answers_current x ON "
		               "  x.answer_id = ai.id WHERE ai.family_id = ?1 AND ai.module_id = ?2 "
		               "  AND ai.meeting_id IS NULL), "
		               " coalesce((SELECT x.complete FROM module_marks mi JOIN "
		               "  module_marks_current x ON x.mark_id = mi.id WHERE mi.family_id = ?1 "
		               "  AND mi.module_id = ?2), 0), "
		               " nullif(max(coalesce((SELECT max(x.session_date) FROM sessions si JOIN "
		               "  sessions_current x ON x.session_id = si.id WHERE si.family_id = ?1 "
		               "  AND (' ' || x.modules || ' ') LIKE '% ' || ?2 || ' %'), ''), "
		               "  coalesce((SELECT max(x.answered_on) FROM answers ai JOIN "
		               "  answers_current x ON x.answer_id = ai.id WHERE ai.family_id = ?1 "
		               "  AND ai.module_id = ?2 AND ai.meeting_id IS NULL), '')), '')",
		               &st, err) != 0)
			return -1;
		st_bind_text(st, 1, family_id);
		st_bind_text(st, 2, module_ids->items[i]);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			cb_vec_push(out, progress_row(st));
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return st_error(s, rc, err);
	}
	return 0;
}

int
cb_store_module_mark(struct cb_store *s, const char *family_id, const char *module_id,
                     bool complete, struct cb_date on, struct cb_err *err)
{
	char id[CB_UUID_LEN] = "", row[CB_UUID_LEN], now[CB_STAMP_LEN];
	sqlite3_stmt *st;
	int rc = -1, version = 0;

	if (st_write_begin(s, err) != 0)
		return -1;
	if (st_prepare(s, "SELECT id FROM module_marks WHERE family_id = ?1 AND module_id = ?2",
	               &st, err) != 0)
		goto out;
	st_bind_text(st, 1, family_id);
	st_bind_text(st, 2, module_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		st_col_id(st, 0, id);
	sqlite3_finalize(st);
	cb_stamp_now(now);
	if (id[0] == '\0') {
		cb_uuid_new(id);
		if (st_prepare(s, "INSERT INTO module_marks (id, created_at, created_by, family_id, "
		                  "module_id) VALUES (?1, ?2, ?3, ?4, ?5)", &st, err) != 0)
			goto out;
		st_bind_text(st, 1, id);
		st_bind_text(st, 2, now);
		st_bind_text(st, 3, s->actor);
		st_bind_text(st, 4, family_id);
		st_bind_text(st, 5, module_id);
		if (st_exec_stmt(s, st, err) != 0)
			goto out;
	} else if (st_latest_version(s, ST_LATEST_SQL("module_mark_versions", "mark_id"), id,
	                             &version, err) != 0) {
		goto out;
	}
	if (st_prepare(s, "INSERT INTO module_mark_versions (row_id, mark_id, version, complete, "
	                  "marked_on, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	               &st, err) != 0)
		goto out;
	cb_uuid_new(row);
	st_bind_text(st, 1, row);
	st_bind_text(st, 2, id);
	sqlite3_bind_int(st, 3, version + 1);
	sqlite3_bind_int(st, 4, complete ? 1 : 0);
	st_bind_date(st, 5, on);
	st_bind_text(st, 6, now);
	st_bind_text(st, 7, s->actor);
	if (st_exec_stmt(s, st, err) != 0)
		goto out;
	rc = st_audit(s, version == 0 ? "create" : "correct", "module-mark", id, row, module_id, err);
out:
	return st_write_end(s, rc, err);
}
