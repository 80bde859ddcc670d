/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_audit.h"
#include "casebook/vec.h"
#include "internal.h"

int
st_audit(struct cb_store *s, const char *action, const char *entity, const char *entity_id,
         const char *row_id, const char *detail, struct cb_err *err)
{
	sqlite3_stmt *st;
	char id[CB_UUID_LEN], now[CB_STAMP_LEN];

	if (st_prepare_cached(s, s->audit_logins
	                      ? "INSERT INTO audit (id, created_at, created_by, action, entity, "
	                        "entity_id, row_id, detail, os_user) VALUES (?1, ?2, ?3, ?4, ?5, "
	                        "?6, ?7, ?8, ?9)"
	                      : "INSERT INTO audit (id, created_at, created_by, action, entity, "
	                        "entity_id, row_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	               &st, err) != 0)
		return -1;
	cb_uuid_new(id);
	cb_stamp_now(now);
	st_bind_text(st, 1, id);
	st_bind_text(st, 2, now);
	st_bind_text(st, 3, s->actor);
	st_bind_text(st, 4, action);
	st_bind_text(st, 5, entity);
	st_bind_text(st, 6, entity_id);
	st_bind_text(st, 7, row_id);
	st_bind_text(st, 8, detail);
	if (s->audit_logins)
		st_bind_text(st, 9, s->os_user[0] != '\0' ? s->os_user : NULL);
	return st_exec_stmt(s, st, err);
}

int
cb_store_audit(struct cb_store *s, const char *action, const char *entity,
               const char *entity_id, const char *detail, struct cb_err *err)
{
	long long before = sqlite3_total_changes64(s->db);
	int rc;

	/* Nothing is shown without its entry: where the database cannot take
	 * it, the user's own state folder keeps it until it can. */
	if (s->readonly)
		return st_audit_defer(s, action, entity, entity_id, detail, err);
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = st_audit(s, action, entity, entity_id, NULL, detail, err);
	rc = st_write_end(s, rc, err);
	/* An audit row changes no record: cb_store_generation leaves it out,
	 * so a screen need not read again after a read was audited. */
	s->audit_changes += sqlite3_total_changes64(s->db) - before;
	return rc;
}

int
cb_store_written(struct cb_store *s, const char *row_id, bool *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, "SELECT 1 FROM audit WHERE row_id = ?1 LIMIT 1", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, row_id);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
cb_store_record_exists(struct cb_store *s, const char *kind, const char *id, bool *out,
                       struct cb_err *err)
{
	static const struct {
		const char *kind;
		const char *sql;
	} tables[] = {
		{"worker", "SELECT 1 FROM workers WHERE id = ?1"},
		{"team", "SELECT 1 FROM teams WHERE id = ?1"},
		{"family", "SELECT 1 FROM families WHERE id = ?1"},
		{"person", "SELECT 1 FROM people WHERE id = ?1"},
		{"status", "SELECT 1 FROM statuses WHERE id = ?1"},
		{"allocation", "SELECT 1 FROM allocations WHERE id = ?1"},
		{"note", "SELECT 1 FROM notes WHERE id = ?1"},
		{"session", "SELECT 1 FROM sessions WHERE id = ?1"},
		{"answer", "SELECT 1 FROM answers WHERE id = ?1"},
		{"goal", "SELECT 1 FROM goals WHERE id = ?1"},
		{"goal-review", "SELECT 1 FROM goal_reviews WHERE id = ?1"},
		{"stage", "SELECT 1 FROM stage_records WHERE id = ?1"},
		{"rating", "SELECT 1 FROM ratings WHERE id = ?1"},
		{"meeting", "SELECT 1 FROM meetings WHERE id = ?1"},
		{"meeting-item", "SELECT 1 FROM meeting_items WHERE id = ?1"},
		{"attendance", "SELECT 1 FROM attendance WHERE id = ?1"},
		{"action", "SELECT 1 FROM actions WHERE id = ?1"},
		{"action-review", "SELECT 1 FROM action_reviews WHERE id = ?1"},
		{"addendum", "SELECT 1 FROM addenda WHERE id = ?1"},
	};
	sqlite3_stmt *st;
	size_t i;
	int rc;

	*out = false;
	for (i = 0; i < sizeof tables / sizeof *tables; i++)
		if (strcmp(tables[i].kind, kind) == 0)
			break;
	if (i == sizeof tables / sizeof *tables)
		return cb_err_set(err, CB_EINTERNAL, "unknown record kind '%s'", kind);
	if (st_prepare(s, tables[i].sql, &st, err) != 0)
		return -1;
	st_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

void
cb_audit_row_free_item(void *p)
{
	struct cb_audit_row *r = p;

	if (r == NULL)
		return;
	free(r->at);
	free(r->worker);
	free(r->os_user);
	free(r->action);
	free(r->entity);
	free(r->entity_id);
	free(r->family_ref);
	free(r->detail);
	free(r);
}

static void *
audit_row(sqlite3_stmt *st)
{
	struct cb_audit_row *r = cb_calloc(1, sizeof *r);

	r->at = st_col_str(st, 0);
	r->worker = st_col_str(st, 1);
	r->os_user = st_col_str(st, 2);
	r->action = st_col_str(st, 3);
	r->entity = st_col_str(st, 4);
	r->entity_id = st_col_str(st, 5);
	r->family_ref = st_col_str(st, 6);
	r->detail = st_col_str(st, 7);
	return r;
}

int
cb_store_audit_list(struct cb_store *s, const struct cb_audit_filter *f, struct cb_vec *out,
                    struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, "SELECT a.created_at, (SELECT name FROM workers_current w WHERE "
	                  "w.worker_id = a.created_by), a.os_user, a.action, a.entity, "
	                  "a.entity_id, (SELECT reference FROM families_current fc WHERE "
	                  "fc.family_id = a.family_id), a.detail FROM audit_families a "
	                  "WHERE (?1 IS NULL OR a.family_id = ?1 OR (a.entity = 'meeting' AND "
	                  "EXISTS (SELECT 1 FROM meeting_items mi WHERE mi.meeting_id = "
	                  "a.entity_id AND mi.family_id = ?1))) "
	                  "AND (?2 IS NULL OR a.created_by = ?2) "
	                  "AND (?3 IS NULL OR substr(a.created_at, 1, 10) >= ?3) "
	                  "AND (?4 IS NULL OR substr(a.created_at, 1, 10) <= ?4) "
	                  "ORDER BY a.created_at, a.seq", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, f->family_id);
	st_bind_text(st, 2, f->worker_id);
	st_bind_text(st, 3, f->from);
	st_bind_text(st, 4, f->to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cb_vec_push(out, audit_row(st));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}
