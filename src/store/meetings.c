/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/meeting.h"
#include "casebook/rules.h"
#include "casebook/store.h"
#include "casebook/store_meetings.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/worker.h"
#include "casebook/vec.h"
#include "internal.h"

static const char *
nullable(const char *id)
{
	return id != NULL && id[0] != '\0' ? id : NULL;
}

/* Signed minutes are read-only: every write that belongs to a meeting
 * asks here first, inside its own transaction. */
int
st_meeting_open(struct cb_store *s, const char *meeting_id, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc, is_signed = -1;

	if (meeting_id == NULL || meeting_id[0] == '\0')
		return 0;
	if (st_prepare(s, "SELECT signed FROM meetings_current WHERE meeting_id = ?1", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, meeting_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		is_signed = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_error(s, rc, err);
	if (is_signed < 0)
		return cb_err_set(err, CB_ENOTFOUND, _("there is no such meeting"));
	if (is_signed)
		return cb_err_set(err, CB_EPERM,
		                  _("these minutes are signed off and cannot be changed: add an "
		                    "addendum instead"));
	return 0;
}

int
st_meeting_add(struct cb_store *s, const char *meeting_id, const struct st_kind *k,
               char id[CB_UUID_LEN], struct cb_rev *rev, const char *parent1, const char *parent2,
               const char *parent3, const void *record, struct cb_err *err)
{
	int rc;

	if (st_write_begin(s, err) != 0)
		return -1;
	rc = st_meeting_open(s, meeting_id, err);
	if (rc == 0)
		rc = st_record_add(s, k, id, rev, parent1, parent2, parent3, record, err);
	return st_write_end(s, rc, err);
}

int
st_meeting_correct(struct cb_store *s, const char *meeting_id, const struct st_kind *k,
                   const char *id, struct cb_rev *rev, const void *record, struct cb_err *err)
{
	int rc;

	if (st_write_begin(s, err) != 0)
		return -1;
	rc = st_meeting_open(s, meeting_id, err);
	if (rc == 0)
		rc = st_record_correct(s, k, id, rev, record, err);
	return st_write_end(s, rc, err);
}

/* Retract a record that may belong to a meeting (its identity table's
 * meeting_id, by the query sql): refused once the meeting is signed. */
int
st_meeting_retract(struct cb_store *s, const char *sql, const struct st_kind *k, const char *id,
                   int base_version, const char *reason, struct cb_err *err)
{
	char meeting[CB_UUID_LEN] = "";
	sqlite3_stmt *st;
	int rc;

	if (st_write_begin(s, err) != 0)
		return -1;
	rc = st_prepare(s, sql, &st, err);
	if (rc == 0) {
		st_bind_text(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
			st_col_id(st, 0, meeting);
		sqlite3_finalize(st);
		rc = st_meeting_open(s, meeting, err);
	}
	if (rc == 0)
		rc = st_record_retract(s, k, id, base_version, reason, err);
	return st_write_end(s, rc, err);
}

int
st_meeting_set(struct cb_store *s, const char *meeting_id, const struct st_kind *k,
               const char *find_sql, char id[CB_UUID_LEN], struct cb_rev *rev,
               const char *parent1, const char *parent2, const void *record, struct cb_err *err)
{
	char existing[CB_UUID_LEN] = "";
	sqlite3_stmt *st;
	int rc, latest = 0;

	if (st_write_begin(s, err) != 0)
		return -1;
	rc = st_meeting_open(s, meeting_id, err);
	if (rc == 0)
		rc = st_prepare(s, find_sql, &st, err);
	if (rc == 0) {
		st_bind_text(st, 1, parent1);
		st_bind_text(st, 2, parent2);
		if (sqlite3_step(st) == SQLITE_ROW)
			st_col_id(st, 0, existing);
		sqlite3_finalize(st);
		if (existing[0] == '\0') {
			rc = st_record_add(s, k, id, rev, parent1, parent2, NULL, record, err);
		} else {
			/* Set, not edited from a copy: the newest is the base. */
			memcpy(id, existing, CB_UUID_LEN);
			rc = st_latest_version(s, k->latest_sql, id, &latest, err);
			if (rc == 0) {
				rev->version = latest;
				rc = st_record_correct(s, k, id, rev, record, err);
			}
		}
	}
	return st_write_end(s, rc, err);
}

/* Meetings */

static void
bind_meeting(sqlite3_stmt *st, const void *rec)
{
	const struct cb_meeting *m = rec;

	st_bind_date(st, 8, m->date);
	st_bind_text(st, 9, m->chair_id);
	st_bind_text(st, 10, m->minute_taker_id);
	st_bind_text(st, 11, nullable(m->team_id));
	sqlite3_bind_int(st, 12, m->is_signed ? 1 : 0);
	st_bind_text(st, 13, m->is_signed ? m->signed_at : NULL);
	st_bind_text(st, 14, m->is_signed ? m->signed_by : NULL);
}

#define MEETING_COLS "meeting_date, chair_id, minute_taker_id, team_id, signed, signed_at, signed_by"
static const struct st_kind meeting_kind = {
	"meeting",
	"INSERT INTO meetings (id, created_at, created_by) VALUES (?1, ?2, ?3)",
	ST_VERSION_SQL("meeting_versions", "meeting_id", MEETING_COLS,
	               "?8, ?9, ?10, ?11, ?12, ?13, ?14"),
	ST_LATEST_SQL("meeting_versions", "meeting_id"),
	ST_RETRACT_SQL("meeting_versions", "meeting_id", MEETING_COLS),
	bind_meeting,
};

#define WORKER_NAME(col) "(SELECT w.name FROM workers_current w WHERE w.worker_id = " col ")"
#define MEETING_SELECT                                                           \
	"SELECT m.meeting_id, m.meeting_date, m.chair_id, m.minute_taker_id, m.team_id, " \
	WORKER_NAME("m.chair_id") ", " WORKER_NAME("m.minute_taker_id") ", m.signed, " \
	"m.signed_at, m.signed_by, " WORKER_NAME("m.signed_by") ", "              \
	"(SELECT group_concat(r, ' ') FROM (SELECT f.reference AS r FROM meeting_items ii " \
	"JOIN meeting_items_current i ON i.item_id = ii.id JOIN families_current f ON " \
	"f.family_id = ii.family_id WHERE ii.meeting_id = m.meeting_id ORDER BY i.position)), " \
	ST_REV_COLS("m") " FROM meetings_current m "

static void *
meeting_row(sqlite3_stmt *st)
{
	struct cb_meeting *m = cb_meeting_new();
	const unsigned char *t;

	st_col_id(st, 0, m->id);
	m->date = st_col_date(st, 1);
	st_col_id(st, 2, m->chair_id);
	st_col_id(st, 3, m->minute_taker_id);
	st_col_id(st, 4, m->team_id);
	m->chair_name = st_col_str(st, 5);
	m->minute_taker_name = st_col_str(st, 6);
	m->is_signed = sqlite3_column_int(st, 7) != 0;
	t = sqlite3_column_text(st, 8);
	snprintf(m->signed_at, sizeof m->signed_at, "%s", t != NULL ? (const char *)t : "");
	st_col_id(st, 9, m->signed_by);
	m->signed_by_name = st_col_str(st, 10);
	m->families = st_col_str(st, 11);
	st_col_rev(st, 12, &m->rev);
	return m;
}

/* The chair and the minute-taker, against what their roles may do. */
static int
may_name(struct cb_store *s, const struct cb_meeting *m, struct cb_err *err)
{
	struct cb_worker *chair = NULL, *taker = NULL;
	int rc;

	if (s->rules == NULL)
		return 0;
	if (!cb_str_empty(m->chair_id))
		cb_store_worker_get(s, m->chair_id, &chair, NULL);
	if (!cb_str_empty(m->minute_taker_id))
		cb_store_worker_get(s, m->minute_taker_id, &taker, NULL);
	rc = cb_rules_check_meeting(s->rules, chair != NULL ? chair->role : NULL,
	                            chair != NULL ? chair->name : NULL,
	                            taker != NULL ? taker->role : NULL,
	                            taker != NULL ? taker->name : NULL, err);
	cb_worker_free(&chair);
	cb_worker_free(&taker);
	return rc;
}

int
cb_store_meeting_add(struct cb_store *s, struct cb_meeting *m, struct cb_err *err)
{
	if (cb_meeting_check(m, err) != 0 || may_name(s, m, err) != 0)
		return -1;
	m->is_signed = false;
	return st_record_add(s, &meeting_kind, m->id, &m->rev, NULL, NULL, NULL, m, err);
}

int
cb_store_meeting_correct(struct cb_store *s, struct cb_meeting *m, struct cb_err *err)
{
	if (cb_meeting_check(m, err) != 0 || may_name(s, m, err) != 0)
		return -1;
	m->is_signed = false;
	return st_meeting_correct(s, m->id, &meeting_kind, m->id, &m->rev, m, err);
}

/* The rules in the model decide; the store only gathers what they need. */
static int
may_sign(struct cb_store *s, const struct cb_meeting *m, struct cb_err *err)
{
	struct cb_worker *chair = NULL, *me = NULL;
	char login_worker[CB_UUID_LEN] = "", present_worker[CB_UUID_LEN] = "";
	struct cb_signer who = {0};
	int rc;

	cb_store_worker_get(s, m->chair_id, &chair, NULL);
	cb_store_worker_get(s, s->actor, &me, NULL);
	rc = cb_store_os_link(s, NULL, login_worker, err);
	if (rc == 0 && s->present[0] != '\0')
		rc = cb_store_os_link(s, s->present, present_worker, err);
	if (rc == 0) {
		who.worker_id = s->actor;
		who.role = me != NULL ? me->role : NULL;
		who.login = s->os_user;
		who.login_worker = login_worker;
		who.present = s->present[0] != '\0' ? s->present : NULL;
		who.present_worker = present_worker;
		rc = cb_rules_check_sign(s->rules, m, &who, chair != NULL ? chair->name : "?", err);
	}
	cb_worker_free(&chair);
	cb_worker_free(&me);
	return rc;
}

int
cb_store_meeting_sign(struct cb_store *s, struct cb_meeting *m, struct cb_err *err)
{
	int rc = st_meeting_sign(s, m, false, err);

	/* A password checked for this signature is not kept for another. */
	s->present[0] = '\0';
	return rc;
}

int
st_meeting_sign(struct cb_store *s, struct cb_meeting *m, bool imported, struct cb_err *err)
{
	int rc;

	if (imported && strcmp(s->actor, m->chair_id) != 0) {
		struct cb_worker *chair = NULL;

		cb_store_worker_get(s, m->chair_id, &chair, NULL);
		cb_err_set(err, CB_EPERM,
		           _("only the chair (%s) can sign off these minutes: open casebook as "
		             "the chair to sign"), chair != NULL ? chair->name : "?");
		cb_worker_free(&chair);
		return -1;
	}
	if (!imported && may_sign(s, m, err) != 0)
		return -1;
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = st_meeting_open(s, m->id, err);
	if (rc == 0) {
		m->is_signed = true;
		/* An imported sign-off keeps the time it was given. */
		if (m->signed_at[0] == '\0')
			cb_stamp_now(m->signed_at);
		memcpy(m->signed_by, s->actor, CB_UUID_LEN);
		rc = st_record_correct(s, &meeting_kind, m->id, &m->rev, m, err);
		if (rc != 0)
			m->is_signed = false;
	}
	if (rc == 0)
		rc = st_audit(s, "sign", "meeting", m->id, m->rev.row_id, NULL, err);
	return st_write_end(s, rc, err);
}

int
cb_store_meeting_get(struct cb_store *s, const char *id, struct cb_meeting **out,
                     struct cb_err *err)
{
	return st_one(s, MEETING_SELECT "WHERE m.meeting_id = ?1", id, meeting_row, (void **)out,
	              _("there is no such meeting: see 'casebook list meetings'"), err);
}

int
cb_store_meeting_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err)
{
	return st_rows(s, MEETING_SELECT "ORDER BY m.meeting_date DESC, m.created_at DESC",
	               NULL, NULL, meeting_row, out, err);
}

int
cb_store_meeting_list_family(struct cb_store *s, const char *family_id, struct cb_vec *out,
                             struct cb_err *err)
{
	return st_rows(s, MEETING_SELECT "WHERE m.meeting_id IN (SELECT ii.meeting_id FROM "
	                  "meeting_items ii JOIN meeting_items_current i ON i.item_id = ii.id "
	                  "WHERE ii.family_id = ?1) ORDER BY m.meeting_date DESC",
	               family_id, NULL, meeting_row, out, err);
}

/* Agenda items */

static void
bind_item(sqlite3_stmt *st, const void *rec)
{
	const struct cb_meeting_item *i = rec;

	sqlite3_bind_int(st, 8, i->position);
	sqlite3_bind_int64(st, 9, i->seconds);
}

#define ITEM_COLS "position, seconds"
static const struct st_kind item_kind = {
	"meeting-item",
	"INSERT INTO meeting_items (id, created_at, created_by, meeting_id, family_id) VALUES "
	"(?1, ?2, ?3, ?4, ?5)",
	ST_VERSION_SQL("meeting_item_versions", "item_id", ITEM_COLS, "?8, ?9"),
	ST_LATEST_SQL("meeting_item_versions", "item_id"),
	ST_RETRACT_SQL("meeting_item_versions", "item_id", ITEM_COLS),
	bind_item,
};

static void *
item_row(sqlite3_stmt *st)
{
	struct cb_meeting_item *i = cb_meeting_item_new();

	st_col_id(st, 0, i->id);
	st_col_id(st, 1, i->meeting_id);
	st_col_id(st, 2, i->family_id);
	i->position = sqlite3_column_int(st, 3);
	i->seconds = (long)sqlite3_column_int64(st, 4);
	i->family_reference = st_col_str(st, 5);
	i->family_name = st_col_str(st, 6);
	st_col_rev(st, 7, &i->rev);
	return i;
}

/* The item a family has or had in a meeting ("" when none), and whether
 * its newest version is a retraction. */
static int
item_find(struct cb_store *s, const char *meeting_id, const char *family_id,
          char id[CB_UUID_LEN], int *latest, bool *retracted, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	id[0] = '\0';
	if (st_prepare(s, "SELECT ii.id, v.version, v.retracted FROM meeting_items ii JOIN "
	                  "meeting_item_versions v ON v.item_id = ii.id WHERE ii.meeting_id = ?1 "
	                  "AND ii.family_id = ?2 ORDER BY v.version DESC LIMIT 1",
	               &st, err) != 0)
		return -1;
	st_bind_text(st, 1, meeting_id);
	st_bind_text(st, 2, family_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		st_col_id(st, 0, id);
		*latest = sqlite3_column_int(st, 1);
		*retracted = sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
cb_store_item_add(struct cb_store *s, struct cb_meeting_item *i, struct cb_err *err)
{
	char existing[CB_UUID_LEN];
	bool retracted = false;
	int rc, latest = 0;

	if (st_write_begin(s, err) != 0)
		return -1;
	rc = item_find(s, i->meeting_id, i->family_id, existing, &latest, &retracted, err);
	if (rc == 0 && existing[0] != '\0' && !retracted)
		rc = cb_err_set(err, CB_EEXIST, _("that family is already on this meeting's agenda"));
	else if (rc == 0 && existing[0] != '\0') {
		/* Taken off and put back: the same item, a new version. */
		memcpy(i->id, existing, CB_UUID_LEN);
		i->rev.version = latest;
		rc = st_meeting_correct(s, i->meeting_id, &item_kind, i->id, &i->rev, i, err);
	} else if (rc == 0) {
		rc = st_meeting_add(s, i->meeting_id, &item_kind, i->id, &i->rev, i->meeting_id,
		                    i->family_id, NULL, i, err);
		if (rc != 0 && err != NULL && err->code == CB_ECONSTRAINT)
			cb_err_set(err, CB_EEXIST, _("that family is already on this meeting's agenda"));
	}
	return st_write_end(s, rc, err);
}

int
cb_store_item_retract(struct cb_store *s, const struct cb_meeting_item *i, const char *reason,
                      struct cb_err *err)
{
	int rc;

	if (st_write_begin(s, err) != 0)
		return -1;
	rc = st_meeting_open(s, i->meeting_id, err);
	if (rc == 0)
		rc = st_record_retract(s, &item_kind, i->id, i->rev.version, reason, err);
	return st_write_end(s, rc, err);
}

int
cb_store_item_swap(struct cb_store *s, struct cb_meeting_item *a, struct cb_meeting_item *b,
                   struct cb_err *err)
{
	int pa = a->position, rc;

	if (st_write_begin(s, err) != 0)
		return -1;
	/* Equal positions (old agendas) still come apart. */
	a->position = b->position != pa ? b->position : pa + 1;
	b->position = pa;
	rc = st_meeting_correct(s, a->meeting_id, &item_kind, a->id, &a->rev, a, err);
	if (rc == 0)
		rc = st_meeting_correct(s, b->meeting_id, &item_kind, b->id, &b->rev, b, err);
	/* On failure nothing was written; the caller reads the agenda again. */
	return st_write_end(s, rc, err);
}

int
cb_store_item_correct(struct cb_store *s, struct cb_meeting_item *i, struct cb_err *err)
{
	return st_meeting_correct(s, i->meeting_id, &item_kind, i->id, &i->rev, i, err);
}

#define ITEM_SELECT(view)                                                        \
	"SELECT i.item_id, ii.meeting_id, ii.family_id, i.position, i.seconds, "   \
	"f.reference, f.name, " ST_REV_COLS("i") " FROM " view " i "               \
	"JOIN meeting_items ii ON ii.id = i.item_id LEFT JOIN families_current f " \
	"ON f.family_id = ii.family_id "

int
cb_store_item_list(struct cb_store *s, const char *meeting_id, struct cb_vec *out,
                   struct cb_err *err)
{
	return st_rows(s, ITEM_SELECT("meeting_items_current") "WHERE ii.meeting_id = ?1 "
	                  "ORDER BY i.position, f.reference",
	               meeting_id, NULL, item_row, out, err);
}

int
cb_store_item_history(struct cb_store *s, const char *item_id, struct cb_vec *out,
                      struct cb_err *err)
{
	return st_rows(s, ITEM_SELECT("meeting_item_versions") "WHERE i.item_id = ?1 "
	                  "ORDER BY i.version",
	               item_id, NULL, item_row, out, err);
}

int
cb_store_item_retracted(struct cb_store *s, const char *meeting_id, struct cb_vec *out,
                        struct cb_err *err)
{
	return st_rows(s, ITEM_SELECT(ST_RETRACTED("meeting_item_heads", "meeting_item_versions",
	                                           "item_id"))
	                  "WHERE ii.meeting_id = ?1 ORDER BY i.created_at",
	               meeting_id, NULL, item_row, out, err);
}

/* The meeting an item belongs to, for the read-only check. */
static int
item_meeting(struct cb_store *s, const char *item_id, char out[CB_UUID_LEN], struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (st_prepare(s, "SELECT meeting_id FROM meeting_items WHERE id = ?1", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, item_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		st_col_id(st, 0, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return cb_err_set(err, CB_ENOTFOUND, _("that family is not on the meeting's agenda"));
	return rc == SQLITE_ROW ? 0 : st_error(s, rc, err);
}

/* Attendance */

static void
bind_attendance(sqlite3_stmt *st, const void *rec)
{
	const struct cb_attendance *a = rec;

	st_bind_text(st, 8, a->status);
	st_bind_text(st, 9, a->contribution != NULL && a->contribution[0] ? a->contribution : NULL);
}

#define ATTENDANCE_COLS "status, contribution"
static const struct st_kind attendance_kind = {
	"attendance",
	"INSERT INTO attendance (id, created_at, created_by, item_id, worker_id) VALUES "
	"(?1, ?2, ?3, ?4, ?5)",
	ST_VERSION_SQL("attendance_versions", "attendance_id", ATTENDANCE_COLS, "?8, ?9"),
	ST_LATEST_SQL("attendance_versions", "attendance_id"),
	ST_RETRACT_SQL("attendance_versions", "attendance_id", ATTENDANCE_COLS),
	bind_attendance,
};

static void *
attendance_row(sqlite3_stmt *st)
{
	struct cb_attendance *a = cb_attendance_new();

	st_col_id(st, 0, a->id);
	st_col_id(st, 1, a->item_id);
	st_col_id(st, 2, a->worker_id);
	a->worker_name = st_col_str(st, 3);
	a->worker_role = st_col_str(st, 4);
	a->status = st_col_str(st, 5);
	a->contribution = st_col_str(st, 6);
	st_col_rev(st, 7, &a->rev);
	return a;
}

int
cb_store_attendance_set(struct cb_store *s, struct cb_attendance *a, struct cb_err *err)
{
	char meeting[CB_UUID_LEN];
	int rc;

	if (cb_attendance_check(a, err) != 0)
		return -1;
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = item_meeting(s, a->item_id, meeting, err);
	if (rc == 0)
		rc = st_meeting_set(s, meeting, &attendance_kind,
		                    "SELECT id FROM attendance WHERE item_id = ?1 AND worker_id = ?2",
		                    a->id, &a->rev, a->item_id, a->worker_id, a, err);
	return st_write_end(s, rc, err);
}

int
cb_store_attendance_list(struct cb_store *s, const char *item_id, struct cb_vec *out,
                         struct cb_err *err)
{
	return st_rows(s, "SELECT a.attendance_id, ai.item_id, ai.worker_id, " WORKER_NAME("ai.worker_id")
	                  ", (SELECT al.role FROM allocations alc JOIN allocations_current al ON "
	                  "al.allocation_id = alc.id JOIN meeting_items ii ON ii.id = ai.item_id "
	                  "WHERE alc.family_id = ii.family_id AND alc.worker_id = ai.worker_id "
	                  "ORDER BY al.end_date IS NOT NULL LIMIT 1), a.status, a.contribution, "
	                  ST_REV_COLS("a") " FROM attendance_current a JOIN attendance ai ON "
	                  "ai.id = a.attendance_id WHERE ai.item_id = ?1 ORDER BY 4",
	               item_id, NULL, attendance_row, out, err);
}

/* Actions */

static void
bind_action(sqlite3_stmt *st, const void *rec)
{
	const struct cb_action *a = rec;

	st_bind_text(st, 8, a->text);
	st_bind_text(st, 9, nullable(a->owner_id));
	st_bind_date(st, 10, a->due);
	st_bind_text(st, 11, nullable(a->owner_person_id));
	st_bind_text(st, 12, a->owner_agency);
	st_bind_text(st, 13, a->owner_agency_name);
}

#define ACTION_COLS "body, owner_id, due, owner_person_id, owner_agency, owner_agency_name"
static const struct st_kind action_kind = {
	"action",
	"INSERT INTO actions (id, created_at, created_by, family_id, meeting_id) VALUES "
	"(?1, ?2, ?3, ?4, ?5)",
	ST_VERSION_SQL("action_versions", "action_id", ACTION_COLS, "?8, ?9, ?10, ?11, ?12, ?13"),
	ST_LATEST_SQL("action_versions", "action_id"),
	ST_RETRACT_SQL("action_versions", "action_id", ACTION_COLS),
	bind_action,
};

/* The outcome expression is the last thing that differs between the
 * action queries: the latest review overall, or the one in a meeting. */
#define REVIEW_IN(meeting, col)                                                  \
	"(SELECT r." col " FROM action_reviews ri JOIN action_reviews_current r ON " \
	"r.review_id = ri.id WHERE ri.action_id = a.action_id AND ri.meeting_id = "  \
	meeting ")"
#define REVIEW_LATEST(col)                                                       \
	"(SELECT r." col " FROM action_reviews ri JOIN action_reviews_current r ON " \
	"r.review_id = ri.id JOIN meetings_current rm ON rm.meeting_id = ri.meeting_id " \
	"WHERE ri.action_id = a.action_id ORDER BY rm.meeting_date DESC LIMIT 1)"
#define ACTION_SELECT_FROM(table, outcome, reason)                                           \
	"SELECT a.action_id, ai.family_id, ai.meeting_id, a.body, a.owner_id, "   \
	"coalesce(" WORKER_NAME("a.owner_id") ", " MEMBER_NAME("a.owner_person_id") \
	"), a.due, " outcome ", " reason ", "                                       \
	"(SELECT om.meeting_date FROM meetings_current om WHERE om.meeting_id = "   \
	"ai.meeting_id), " ST_REV_COLS("a") ", a.owner_person_id, a.owner_agency, " \
	"a.owner_agency_name FROM " table " a JOIN actions ai "               \
	"ON ai.id = a.action_id "
#define ACTION_SELECT(outcome, reason) ACTION_SELECT_FROM("actions_current", outcome, reason)

/* A member who owns an action keeps their name on it after they leave the
 * family's record: the newest version, retracted or not. */
#define MEMBER_NAME(col)                                                         \
	"(SELECT p.name FROM person_versions p WHERE p.person_id = " col          \
	" ORDER BY p.version DESC LIMIT 1)"

static void *
action_row(sqlite3_stmt *st)
{
	struct cb_action *a = cb_action_new();
	char *name;

	st_col_id(st, 0, a->id);
	st_col_id(st, 1, a->family_id);
	st_col_id(st, 2, a->meeting_id);
	a->text = st_col_str(st, 3);
	st_col_id(st, 4, a->owner_id);
	name = st_col_str(st, 5);
	a->due = st_col_date(st, 6);
	a->outcome = st_col_str(st, 7);
	a->outcome_reason = st_col_str(st, 8);
	a->agreed_on = st_col_date(st, 9);
	st_col_rev(st, 10, &a->rev);
	st_col_id(st, 10 + ST_REV_NCOLS, a->owner_person_id);
	a->owner_agency = st_col_str(st, 11 + ST_REV_NCOLS);
	a->owner_agency_name = st_col_str(st, 12 + ST_REV_NCOLS);
	a->owner_name = cb_action_owner_words(a, name);
	free(name);
	return a;
}

int
cb_store_action_add(struct cb_store *s, struct cb_action *a, struct cb_err *err)
{
	if (cb_action_check(a, err) != 0)
		return -1;
	return st_meeting_add(s, a->meeting_id, &action_kind, a->id, &a->rev, a->family_id,
	                      nullable(a->meeting_id), NULL, a, err);
}

int
cb_store_action_correct(struct cb_store *s, struct cb_action *a, struct cb_err *err)
{
	if (cb_action_check(a, err) != 0)
		return -1;
	return st_meeting_correct(s, a->meeting_id, &action_kind, a->id, &a->rev, a, err);
}

int
cb_store_action_retract(struct cb_store *s, const char *id, int base_version,
                        const char *reason, struct cb_err *err)
{
	/* One agreed in minutes since signed off stays, as they do. */
	return st_meeting_retract(s, "SELECT meeting_id FROM actions WHERE id = ?1", &action_kind, id,
	                          base_version, reason, err);
}

int
cb_store_action_history(struct cb_store *s, const char *id, struct cb_vec *out,
                        struct cb_err *err)
{
	return st_rows(s, ACTION_SELECT_FROM("action_versions", "NULL", "NULL")
	                  "WHERE a.action_id = ?1 ORDER BY a.version",
	               id, NULL, action_row, out, err);
}

int
cb_store_action_list(struct cb_store *s, const char *family_id, bool open_only,
                     struct cb_vec *out, struct cb_err *err)
{
	return st_rows(s, open_only
	                      ? ACTION_SELECT(REVIEW_LATEST("outcome"), REVIEW_LATEST("why_not"))
	                        "WHERE ai.family_id = ?1 AND coalesce(" REVIEW_LATEST("outcome")
	                        ", '') <> 'done' ORDER BY a.due, ai.created_at"
	                      : ACTION_SELECT(REVIEW_LATEST("outcome"), REVIEW_LATEST("why_not"))
	                        "WHERE ai.family_id = ?1 ORDER BY a.due, ai.created_at",
	               family_id, NULL, action_row, out, err);
}

int
cb_store_action_overdue(struct cb_store *s, const char *worker_id, struct cb_date today,
                        struct cb_vec *out, struct cb_err *err)
{
#define OVERDUE(families)                                                        \
	ACTION_SELECT(REVIEW_LATEST("outcome"), REVIEW_LATEST("why_not"))         \
	"WHERE a.due < ?2 " families " AND coalesce(" REVIEW_LATEST("outcome")      \
	", '') <> 'done' AND EXISTS (SELECT 1 FROM family_heads fh WHERE "          \
	"fh.family_id = ai.family_id AND fh.retracted = 0) ORDER BY a.due, ai.family_id, " \
	"ai.created_at"
	char day[CB_DATE_LEN];

	cb_date_format(today, day);
	if (worker_id == NULL)
		return st_rows(s, OVERDUE("AND ?1 IS NULL"), NULL, day, action_row, out, err);
	return st_rows(s, OVERDUE("AND ai.family_id IN (SELECT al.family_id FROM allocations al "
	                          "JOIN allocations_current c ON c.allocation_id = al.id WHERE "
	                          "al.worker_id = ?1 AND (c.end_date IS NULL OR c.end_date >= ?2))"),
	               worker_id, day, action_row, out, err);
#undef OVERDUE
}

int
cb_store_action_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                          struct cb_err *err)
{
	return st_rows(s, ACTION_SELECT_FROM(ST_RETRACTED("action_heads", "action_versions",
	                                                  "action_id"),
	                                     "NULL", "NULL") "WHERE ai.family_id = ?1 ORDER BY "
	                                                     "a.created_at",
	               family_id, NULL, action_row, out, err);
}

int
cb_store_action_pull(struct cb_store *s, const char *family_id, const char *meeting_id,
                     struct cb_vec *out, struct cb_err *err)
{
	/* Agreed before this meeting (or outside meetings, on or before its
	 * date), and not marked done in an earlier meeting. */
	return st_rows(s, ACTION_SELECT(REVIEW_IN("?2", "outcome"), REVIEW_IN("?2", "why_not"))
	                  "WHERE ai.family_id = ?1 AND coalesce(ai.meeting_id, '') <> ?2 AND "
	                  "coalesce((SELECT om.meeting_date FROM meetings_current om WHERE "
	                  "om.meeting_id = ai.meeting_id), substr(ai.created_at, 1, 10)) <= "
	                  "(SELECT m.meeting_date FROM meetings_current m WHERE m.meeting_id = ?2) "
	                  "AND NOT EXISTS (SELECT 1 FROM action_reviews ri JOIN "
	                  "action_reviews_current r ON r.review_id = ri.id JOIN meetings_current rm "
	                  "ON rm.meeting_id = ri.meeting_id WHERE ri.action_id = a.action_id AND "
	                  "ri.meeting_id <> ?2 AND r.outcome = 'done' AND rm.meeting_date <= "
	                  "(SELECT m.meeting_date FROM meetings_current m WHERE m.meeting_id = ?2)) "
	                  "ORDER BY a.due, ai.created_at",
	               family_id, meeting_id, action_row, out, err);
}

int
cb_store_action_agreed(struct cb_store *s, const char *family_id, const char *meeting_id,
                       struct cb_vec *out, struct cb_err *err)
{
	return st_rows(s, ACTION_SELECT(REVIEW_LATEST("outcome"), REVIEW_LATEST("why_not"))
	                  "WHERE ai.family_id = ?1 AND ai.meeting_id = ?2 "
	                  "ORDER BY ai.created_at",
	               family_id, meeting_id, action_row, out, err);
}

static void
bind_action_review(sqlite3_stmt *st, const void *rec)
{
	const struct cb_action_review *r = rec;

	st_bind_text(st, 8, r->outcome);
	st_bind_text(st, 9, r->reason != NULL && r->reason[0] ? r->reason : NULL);
}

#define ACTION_REVIEW_COLS "outcome, why_not"
static const struct st_kind action_review_kind = {
	"action-review",
	"INSERT INTO action_reviews (id, created_at, created_by, action_id, meeting_id) VALUES "
	"(?1, ?2, ?3, ?4, ?5)",
	ST_VERSION_SQL("action_review_versions", "review_id", ACTION_REVIEW_COLS, "?8, ?9"),
	ST_LATEST_SQL("action_review_versions", "review_id"),
	ST_RETRACT_SQL("action_review_versions", "review_id", ACTION_REVIEW_COLS),
	bind_action_review,
};

int
cb_store_action_review_set(struct cb_store *s, struct cb_action_review *r, struct cb_err *err)
{
	if (cb_action_review_check(r, err) != 0)
		return -1;
	return st_meeting_set(s, r->meeting_id, &action_review_kind,
	                      "SELECT id FROM action_reviews WHERE action_id = ?1 AND meeting_id = ?2",
	                      r->id, &r->rev, r->action_id, r->meeting_id, r, err);
}

/* Addenda */

static void
bind_addendum(sqlite3_stmt *st, const void *rec)
{
	const struct cb_addendum *a = rec;

	st_bind_text(st, 8, a->text);
}

static const struct st_kind addendum_kind = {
	"addendum",
	"INSERT INTO addenda (id, created_at, created_by, meeting_id, family_id) VALUES "
	"(?1, ?2, ?3, ?4, ?5)",
	ST_VERSION_SQL("addendum_versions", "addendum_id", "body", "?8"),
	ST_LATEST_SQL("addendum_versions", "addendum_id"),
	ST_RETRACT_SQL("addendum_versions", "addendum_id", "body"),
	bind_addendum,
};

static void *
addendum_row(sqlite3_stmt *st)
{
	struct cb_addendum *a = cb_addendum_new();

	st_col_id(st, 0, a->id);
	st_col_id(st, 1, a->meeting_id);
	st_col_id(st, 2, a->family_id);
	a->text = st_col_str(st, 3);
	st_col_rev(st, 4, &a->rev);
	return a;
}

int
cb_store_addendum_add(struct cb_store *s, struct cb_addendum *a, struct cb_err *err)
{
	struct cb_meeting *m = NULL;
	int rc;

	if (a->text == NULL || a->text[strspn(a->text, " \t\n")] == '\0')
		return cb_err_set(err, CB_EINVAL, _("the addendum is empty"));
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = cb_store_meeting_get(s, a->meeting_id, &m, err);
	if (rc == 0 && !m->is_signed)
		rc = cb_err_set(err, CB_EINVAL,
		                _("the minutes are not signed off yet: change them directly instead"));
	if (rc == 0)
		rc = st_record_add(s, &addendum_kind, a->id, &a->rev, a->meeting_id,
		                   nullable(a->family_id), NULL, a, err);
	cb_meeting_free(&m);
	return st_write_end(s, rc, err);
}

int
cb_store_addendum_list(struct cb_store *s, const char *meeting_id, const char *family_id,
                       struct cb_vec *out, struct cb_err *err)
{
	if (family_id != NULL)
		return st_rows(s, "SELECT x.addendum_id, ai.meeting_id, ai.family_id, x.body, "
		                  ST_REV_COLS("x") " FROM addenda_current x JOIN addenda ai ON ai.id = "
		                  "x.addendum_id WHERE ai.meeting_id = ?1 AND (ai.family_id = ?2 OR "
		                  "ai.family_id IS NULL) ORDER BY ai.created_at",
		               meeting_id, family_id, addendum_row, out, err);
	return st_rows(s, "SELECT x.addendum_id, ai.meeting_id, ai.family_id, x.body, "
	                  ST_REV_COLS("x") " FROM addenda_current x JOIN addenda ai ON ai.id = "
	                  "x.addendum_id WHERE ai.meeting_id = ?1 ORDER BY ai.created_at",
	               meeting_id, NULL, addendum_row, out, err);
}
