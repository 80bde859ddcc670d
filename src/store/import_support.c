/* SPDX-License-Identifier: MIT */
/* The database step of an import: decide, record by record, whether it is
 * new, already there, or (for answers) a correction; look up in the
 * database what the files refer to but do not define; then write it all,
 * each row by its author, in one transaction. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/import.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/stage.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/store_import.h"
#include "casebook/store_meetings.h"
#include "casebook/store_notes.h"
#include "casebook/store_series.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/worker.h"
#include "internal.h"

/* Past this many problems found in the database the import is surely
 * meant for another database: stop checking, rather than bury the first
 * messages under thousands more. */
#define DB_MAX_PROBLEMS 200

static bool
too_many(struct cb_diags *d, size_t before, const char *file)
{
	size_t n = cb_diags_count(d) - before;

	if (n < DB_MAX_PROBLEMS)
		return false;
	if (n == DB_MAX_PROBLEMS)
		cb_diags_add(d, file, 0, 0, _("too many problems (%u): stopped checking the import "
		                              "against the database here"), DB_MAX_PROBLEMS);
	return true;
}

/* Lookups the public store functions do not offer. */

/* The first column of the first row of sql with text parameters, as an
 * id; "" when there is no row. */
static int
lookup(struct cb_store *s, const char *sql, const char *const *params, size_t n,
       char out[CB_UUID_LEN], struct cb_err *err)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	out[0] = '\0';
	if (st_prepare_cached(s, sql, &st, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		st_bind_text(st, (int)i + 1, params[i]);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		st_col_id(st, 0, out);
	st_release(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

/* The answer (its id) already given to a's question, or "". */
static int
answer_identity(struct cb_store *s, const struct cb_answer *a, char out[CB_UUID_LEN],
                struct cb_err *err)
{
	const char *params[] = {a->family_id, a->module_id, a->field_key, a->person_id,
	                        a->meeting_id};

	return lookup(s, "SELECT id FROM answers WHERE family_id = ?1 AND module_id = ?2 AND "
	                 "field_key = ?3 AND coalesce(person_id, '') = ?4 AND "
	                 "coalesce(meeting_id, '') = ?5", params, 5, out, err);
}

/* A correction has an id in the file but becomes a version of another
 * answer, so its id is kept in the audit trail: an import entry for it is
 * how a second import knows it is there. */
#define MARK_ACTION "import"
#define MARK_ENTITY "answer-version"

static int
correction_there(struct cb_store *s, const char *id, bool *out, struct cb_err *err)
{
	const char *params[] = {id};
	char found[CB_UUID_LEN];

	if (lookup(s, "SELECT entity_id FROM audit WHERE entity_id = ?1 AND action = '"
	              MARK_ACTION "' AND entity = '" MARK_ENTITY "'", params, 1, found, err) != 0)
		return -1;
	*out = found[0] != '\0';
	return 0;
}

static int
latest_answer_version(struct cb_store *s, const char *id, int *out, struct cb_err *err)
{
	return st_latest_version(s, "SELECT max(version) FROM answer_versions WHERE answer_id = ?1",
	                         id, out, err);
}

/* Whether an earlier batch of the import under way wrote the record id
 * (see cb_store_import_batch): its audit entry is newer than the import. */
static int
written_here(struct cb_store *s, const char *id, bool *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = false;
	if (s->import_audit_from < 0)
		return 0;
	if (st_prepare_cached(s, "SELECT 1 FROM audit WHERE entity_id = ?1 AND rowid > ?2 LIMIT 1",
	                      &st, err) != 0)
		return -1;
	st_bind_text(st, 1, id);
	sqlite3_bind_int64(st, 2, s->import_audit_from);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW;
	st_release(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

/* Deciding */

static struct cb_import_item *
parent_of(const struct cb_import_plan *p, const struct cb_import_item *it)
{
	return it->parent > 0 ? cb_import_item_at(p, it->parent - 1) : NULL;
}

static void problem(struct cb_diags *d, const struct cb_import_item *it, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
problem(struct cb_diags *d, const struct cb_import_item *it, const char *fmt, ...)
{
	struct cb_buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	cb_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	cb_diags_add(d, it->file, it->line, it->col, "%s", cb_buf_str(&b));
	cb_buf_free(&b);
}

static int
decide_answer(struct cb_store *s, struct cb_import_plan *p, struct cb_import_item *it,
              struct cb_err *err)
{
	struct cb_answer *a = it->record;
	char ident[CB_UUID_LEN];
	bool there = false;

	if (correction_there(s, a->id, &there, err) != 0)
		return -1;
	if (there) {
		it->state = CB_IMPORT_THERE;
		return 0;
	}
	if (answer_identity(s, a, ident, err) != 0)
		return -1;
	if (ident[0] != '\0') {
		it->state = CB_IMPORT_CORRECTION;
		memcpy(it->base_id, ident, CB_UUID_LEN);
	} else if (it->first_answer > 0) {
		/* The first answer in the plan is new, so its id will be the
		 * answer's. */
		it->state = CB_IMPORT_CORRECTION;
		memcpy(it->base_id, cb_import_item_id(cb_import_item_at(p, it->first_answer - 1)),
		       CB_UUID_LEN);
	} else {
		it->state = CB_IMPORT_NEW;
	}
	return 0;
}

static int
decide_family(struct cb_store *s, struct cb_import_item *it, struct cb_diags *d,
              struct cb_err *err)
{
	const struct cb_family *f = it->record;
	struct cb_family *other = NULL;
	struct cb_err miss = {0};
	if (f->reference == NULL)
		return 0;
	if (cb_store_family_find_ref(s, f->reference, &other, &miss) != 0)
		return miss.code == CB_ENOTFOUND ? 0 : cb_err_set(err, miss.code, "%s", miss.msg);
	if (strcmp(other->id, f->id) != 0)
		problem(d, it, _("another family in the database (%s) already has the case "
		                 "reference %s: give this family its own reference"),
		        other->name != NULL ? other->name : "?", f->reference);
	cb_family_free(&other);
	return 0;
}

static int
decide(struct cb_store *s, struct cb_import_plan *p, struct cb_diags *d, size_t before,
       struct cb_err *err)
{
	size_t i;

	for (i = 0; i < p->items.len; i++) {
		struct cb_import_item *it = cb_import_item_at(p, i);
		const struct cb_import_item *up = parent_of(p, it);
		bool exists = false, here = false;

		if (too_many(d, before, it->file))
			return 0;
		it->state = CB_IMPORT_NEW;
		/* A meeting already in the database is left as it is, with
		 * everything in it: its contents have no ids of their own to
		 * match, and signed minutes cannot change anyway. */
		if (up != NULL && up->state == CB_IMPORT_THERE &&
		    (!up->own_id || !it->own_id || up->kind == CB_IMPORT_MEETING)) {
			it->state = CB_IMPORT_THERE;
			continue;
		}
		/* Signing off, and the contents of a new meeting, which have
		 * made-up ids: they go with what they belong to. */
		if (it->kind == CB_IMPORT_SIGN || !it->own_id) {
			it->state = up != NULL ? up->state : CB_IMPORT_NEW;
			continue;
		}
		if (cb_store_record_exists(s, cb_import_kind_name(it->kind), cb_import_item_id(it),
		                           &exists, err) != 0)
			return -1;
		if (exists && written_here(s, cb_import_item_id(it), &here, err) != 0)
			return -1;
		if (exists && here) {
			problem(d, it, _("the id %s is used twice in this import (first in an earlier "
			                 "file): give every record its own id"), cb_import_item_id(it));
			it->state = CB_IMPORT_THERE;
			continue;
		}
		if (exists) {
			if (up != NULL && up->state == CB_IMPORT_NEW)
				problem(d, it, _("the id %s is already in the database, as part of "
				                 "something else: give this record a new id"),
				        cb_import_item_id(it));
			it->state = CB_IMPORT_THERE;
			continue;
		}
		if (it->kind == CB_IMPORT_ANSWER && decide_answer(s, p, it, err) != 0)
			return -1;
		if (it->kind == CB_IMPORT_FAMILY && decide_family(s, it, d, err) != 0)
			return -1;
	}
	return 0;
}

/* References to the database */

static int
person_role(struct cb_store *s, const char *id, const char *family_id, char out[CB_UUID_LEN],
            struct cb_err *err)
{
	const char *params[] = {id, family_id};

	return lookup(s, "SELECT p.role FROM people pi JOIN people_current p ON p.person_id = "
	                 "pi.id WHERE pi.id = ?1 AND pi.family_id = ?2", params, 2, out, err);
}

/* What is wrong with a reference the database step looked up. */
enum ref_verdict {
	REF_FITS,
	REF_MISSING,
	REF_IS_CHILD,
	REF_IS_ADULT,
	REF_OTHER_FAMILY,
	REF_NOT_EARLIER
};

/* Whether the action belongs to the family and was agreed before date. */
static int
action_fits(struct cb_store *s, const struct cb_import_ref *ref, enum ref_verdict *v,
            struct cb_err *err)
{
	const char *params[] = {ref->id};
	char family[CB_UUID_LEN], when[CB_DATE_LEN];
	sqlite3_stmt *st;
	int rc;

	*v = REF_FITS;
	if (lookup(s, "SELECT family_id FROM actions WHERE id = ?1", params, 1, family, err) != 0)
		return -1;
	if (family[0] == '\0') {
		*v = REF_MISSING;
		return 0;
	}
	if (strcmp(family, ref->family_id) != 0) {
		*v = REF_OTHER_FAMILY;
		return 0;
	}
	if (st_prepare_cached(s, "SELECT m.meeting_date FROM actions a JOIN meetings_current m ON "
	                  "m.meeting_id = a.meeting_id WHERE a.id = ?1", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, ref->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL) {
		cb_date_format(ref->before, when);
		if (strcmp((const char *)sqlite3_column_text(st, 0), when) >= 0)
			*v = REF_NOT_EARLIER;
	}
	st_release(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

static void
say(struct cb_diags *d, const struct cb_import_ref *ref, enum ref_verdict v, const char *later)
{
	const char *id = ref->id;

#define SAY(...) cb_diags_add(d, ref->file, ref->line, ref->col, __VA_ARGS__)
	switch (v) {
	case REF_FITS:
		return;
	case REF_IS_CHILD:
		SAY(_("%s is a child: give the id of an adult in the family"), id);
		return;
	case REF_IS_ADULT:
		SAY(_("%s is an adult: give the id of a child in the family"), id);
		return;
	case REF_OTHER_FAMILY:
		SAY(_("%s is an action for another family: review it in that family's part of the "
		      "minutes"), id);
		return;
	case REF_NOT_EARLIER:
		SAY(_("%s was agreed in this meeting or a later one: a meeting reviews the actions "
		      "of earlier ones"), id);
		return;
	case REF_MISSING:
		break;
	}
	switch (ref->kind) {
	case CB_REF_WORKER:
		SAY(_("there is no worker %s in this import or the database%s: add them to "
		      "'workers' in this file or an earlier one"), id, later);
		break;
	case CB_REF_TEAM:
		SAY(_("there is no team %s in this import or the database%s: add it as 'team' in "
		      "this file or an earlier one"), id, later);
		break;
	case CB_REF_FAMILY:
		SAY(_("there is no family %s in this import or the database%s: add it to "
		      "'families' in this file or an earlier one"), id, later);
		break;
	case CB_REF_MEMBER:
		SAY(_("%s is not a member of this family%s: give the id of one of its members"), id,
		    later);
		break;
	case CB_REF_ADULT:
		SAY(_("%s is not an adult in this family%s: give the id of a parent, carer or other "
		      "adult"), id, later);
		break;
	case CB_REF_CHILD:
		SAY(_("%s is not a child in this family%s: give the id of one of its children"), id,
		    later);
		break;
	case CB_REF_PRESENT:
		SAY(_("%s is neither a member of this family nor a worker%s"), id, later);
		break;
	case CB_REF_ACTION:
		SAY(_("%s is not an action in this import or the database%s: give the id of an "
		      "action agreed in an earlier meeting"), id, later);
		break;
	}
#undef SAY
}

/* How often a missing record is named: it is reported once, where it is
 * first named, with the count of the other places. */
struct missing {
	size_t diag;
	size_t more;
};

static int
check_ref(struct cb_store *s, struct cb_import_plan *p, const struct cb_import_ref *ref,
          struct cb_diags *d, struct cb_vec *missing, struct cb_err *err)
{
	enum ref_verdict v = REF_FITS;
	const struct cb_import_item *later;
	char role[CB_UUID_LEN], where[600] = "";
	struct missing *m;
	bool found = false;
	size_t index, first;
	char *key;

	switch (ref->kind) {
	case CB_REF_WORKER:
	case CB_REF_TEAM:
	case CB_REF_FAMILY:
		if (cb_store_record_exists(s, ref->kind == CB_REF_WORKER ? "worker"
		                              : ref->kind == CB_REF_TEAM ? "team" : "family",
		                           ref->id, &found, err) != 0)
			return -1;
		v = found ? REF_FITS : REF_MISSING;
		break;
	case CB_REF_PRESENT:
		if (cb_store_record_exists(s, "worker", ref->id, &found, err) != 0)
			return -1;
		if (found)
			break;
		/* fall through */
	case CB_REF_MEMBER:
	case CB_REF_ADULT:
	case CB_REF_CHILD:
		if (person_role(s, ref->id, ref->family_id, role, err) != 0)
			return -1;
		if (role[0] == '\0')
			v = REF_MISSING;
		else if (ref->kind == CB_REF_ADULT && strcmp(role, "child") == 0)
			v = REF_IS_CHILD;
		else if (ref->kind == CB_REF_CHILD && strcmp(role, "child") != 0)
			v = REF_IS_ADULT;
		break;
	case CB_REF_ACTION:
		if (action_fits(s, ref, &v, err) != 0)
			return -1;
		break;
	}
	if (v == REF_FITS)
		return 0;
	if (v == REF_MISSING) {
		key = cb_asprintf("missing\t%d\t%s\t%s", (int)ref->kind, ref->family_id, ref->id);
		if (!cb_import_claim_key(p, key, missing->len, &first)) {
			((struct missing *)missing->items[first])->more++;
			free(key);
			return 0;
		}
		free(key);
		m = cb_calloc(1, sizeof *m);
		m->diag = cb_diags_count(d);
		cb_vec_push(missing, m);
		/* Defined in a later file: the message can say so. */
		later = cb_import_find(p, ref->id, &index);
		if (later != NULL && index > ref->item)
			snprintf(where, sizeof where, _(" (it comes later, at %s:%zu, and files are "
			                                "imported in name order)"), later->file,
			         later->line);
	}
	say(d, ref, v, where);
	return 0;
}

static int
check_refs(struct cb_store *s, struct cb_import_plan *p, struct cb_diags *d, size_t before,
           struct cb_err *err)
{
	struct cb_vec missing = CB_VEC_OWNING(free);
	size_t i;
	int rc = 0;

	for (i = 0; i < p->refs.len && rc == 0; i++) {
		const struct cb_import_ref *ref = p->refs.items[i];

		if (too_many(d, before, ref->file))
			break;
		/* A member or action of a family that could not be read: the
		 * family's own problem is reported already. */
		if (ref->kind >= CB_REF_MEMBER && ref->family_id[0] == '\0')
			continue;
		rc = check_ref(s, p, ref, d, &missing, err);
	}
	for (i = 0; i < missing.len; i++) {
		const struct missing *m = missing.items[i];
		struct cb_diag *dg = d->items.items[m->diag];
		char *msg;

		if (m->more == 0)
			continue;
		if (m->more == 1)
			msg = cb_asprintf(_("%s (it is named once more in the import)"), dg->msg);
		else
			msg = cb_asprintf(_("%s (it is named %zu more times in the import)"), dg->msg,
			                  m->more);
		free(dg->msg);
		dg->msg = msg;
	}
	cb_vec_clear(&missing);
	return rc;
}

/* Writing */

/* Ratings name who agreed them, as people read it. */
static int
agreed_names(struct cb_store *s, const struct cb_import_plan *p, const char *ids, char **out,
             struct cb_err *err)
{
	struct cb_buf b = {0};
	const char *q = ids;

	*out = NULL;
	while (q != NULL && *q != '\0') {
		size_t len = strcspn(q, " ");
		char id[CB_UUID_LEN];
		const struct cb_import_item *it;
		struct cb_worker *w = NULL;

		snprintf(id, sizeof id, "%.*s", (int)(len < CB_UUID_LEN - 1 ? len : CB_UUID_LEN - 1), q);
		it = cb_import_find(p, id, NULL);
		if (it != NULL && it->kind == CB_IMPORT_WORKER) {
			cb_buf_addf(&b, "%s%s", b.len > 0 ? ", " : "",
			            ((const struct cb_worker *)it->record)->name);
		} else if (cb_store_worker_get(s, id, &w, err) == 0) {
			cb_buf_addf(&b, "%s%s", b.len > 0 ? ", " : "", w->name);
			cb_worker_free(&w);
		} else {
			cb_buf_free(&b);
			return -1;
		}
		q += len;
		q += strspn(q, " ");
	}
	*out = b.s != NULL ? cb_buf_take(&b) : NULL;
	return 0;
}

static int
write_answer(struct cb_store *s, struct cb_import_item *it, struct cb_err *err)
{
	struct cb_answer *a = it->record;
	char file_id[CB_UUID_LEN];
	int latest = 0;

	if (it->state != CB_IMPORT_CORRECTION)
		return cb_store_answer_save(s, a, err);
	memcpy(file_id, a->id, CB_UUID_LEN);
	memcpy(a->id, it->base_id, CB_UUID_LEN);
	if (latest_answer_version(s, a->id, &latest, err) != 0)
		return -1;
	a->rev.version = latest;
	if (cb_store_answer_save(s, a, err) != 0)
		return -1;
	return st_audit(s, MARK_ACTION, MARK_ENTITY, file_id, a->rev.row_id, a->id, err);
}

static int
write_item(struct cb_store *s, const struct cb_import_plan *p, struct cb_import_item *it,
           struct cb_err *err)
{
	struct cb_import_item *up = parent_of(p, it);
	struct cb_rating *rating;

	switch (it->kind) {
	case CB_IMPORT_TEAM: return cb_store_team_add(s, it->record, err);
	case CB_IMPORT_WORKER: return cb_store_worker_add(s, it->record, err);
	case CB_IMPORT_FAMILY: return cb_store_family_add(s, it->record, err);
	case CB_IMPORT_PERSON: return cb_store_person_add(s, it->record, err);
	case CB_IMPORT_STATUS: return cb_store_status_add(s, it->record, err);
	case CB_IMPORT_ALLOCATION: return cb_store_allocation_add(s, it->record, err);
	case CB_IMPORT_NOTE: return cb_store_note_add(s, it->record, err);
	case CB_IMPORT_SESSION: return cb_store_session_add(s, it->record, err);
	case CB_IMPORT_ANSWER: return write_answer(s, it, err);
	case CB_IMPORT_GOAL: return cb_store_goal_add(s, it->record, err);
	case CB_IMPORT_GOAL_REVIEW: return cb_store_review_add(s, it->record, err);
	case CB_IMPORT_STAGE: return cb_store_stage_add(s, it->record, err);
	case CB_IMPORT_RATING:
		rating = it->record;
		free(rating->agreed_by);
		if (agreed_names(s, p, it->agreed_by, &rating->agreed_by, err) != 0)
			return -1;
		return cb_store_rating_add(s, rating, err);
	case CB_IMPORT_MEETING: return cb_store_meeting_add(s, it->record, err);
	case CB_IMPORT_MEETING_ITEM: return cb_store_item_add(s, it->record, err);
	case CB_IMPORT_ATTENDANCE: return cb_store_attendance_set(s, it->record, err);
	case CB_IMPORT_ACTION_REVIEW: return cb_store_action_review_set(s, it->record, err);
	case CB_IMPORT_ACTION: return cb_store_action_add(s, it->record, err);
	case CB_IMPORT_SIGN: return st_meeting_sign(s, up->record, true, err);
	case CB_IMPORT_NKINDS: break;
	}
	return cb_err_set(err, CB_EINTERNAL, "unknown import item");
}

static int
write_all(struct cb_store *s, struct cb_import_plan *p, const char *caller,
          struct cb_import_report *report, struct cb_diags *d, struct cb_err *err)
{
	size_t i;

	for (i = 0; i < p->items.len; i++) {
		struct cb_import_item *it = cb_import_item_at(p, i);
		bool record = it->kind != CB_IMPORT_SIGN;

		if (it->state == CB_IMPORT_THERE) {
			report->there[it->kind]++;
			report->there_total += record;
			continue;
		}
		cb_store_set_actor(s, it->author[0] != '\0' ? it->author : caller);
		if (write_item(s, p, it, err) != 0) {
			/* The checks above should have caught it: say where. */
			cb_diags_add(d, it->file, it->line, it->col, _("this record could not be "
			             "written (%s): %s"), cb_import_kind_name(it->kind), err->msg);
			return cb_err_set(err, CB_EINVAL, _("the import stopped at %s:%zu, so nothing "
			                                    "was imported"), it->file, it->line);
		}
		report->added[it->kind]++;
		report->added_total += record;
	}
	return 0;
}

static void
files_detail(const struct cb_vec *files, const struct cb_import_report *r, struct cb_buf *b)
{
	size_t i;

	cb_buf_addf(b, _("%zu records from "), r->added_total);
	for (i = 0; i < files->len; i++)
		cb_buf_addf(b, "%s%s", i > 0 ? ", " : "", (const char *)files->items[i]);
}

/* Back to temporary files on disk, outside the import (a big sort stays
 * out of memory), and to the usual page cache. */
static void
temp_store_default(struct cb_store *s)
{
	if (s->depth == 0)
		sqlite3_exec(s->db, "PRAGMA temp_store = DEFAULT; PRAGMA cache_size = -" STORE_CACHE_KIB,
		             NULL, NULL, NULL);
}

/* Tests turn this off to have an import index each record as it is
 * written, and compare. */
bool st_import_holds_search = true;

static int
audit_last(struct cb_store *s, sqlite3_int64 *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare_cached(s, "SELECT coalesce(max(rowid), 0) FROM audit", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	st_release(s, st);
	return rc == SQLITE_ROW ? 0 : st_error(s, rc, err);
}

int
cb_store_import_begin(struct cb_store *s, struct cb_import_report *report, struct cb_err *err)
{
	memset(report, 0, sizeof *report);
	/* Each statement that writes keeps the pages it changes in a journal
	 * of the statement: in memory, not in a temporary file written page
	 * by page (a third of the import's time). It holds one statement's
	 * pages at a time. */
	if (s->depth == 0 && st_exec(s, "PRAGMA temp_store = MEMORY", err) != 0)
		return -1;
	/* The pages of the path to the end of each table and index the
	 * import writes to, kept between records rather than read again:
	 * 800 families into 40,000 read 28,000 pages instead of 73,000 and
	 * wrote 42,000 instead of 52,000, in a cache of a fixed size (peak
	 * RSS about 55 MiB however big the import or the database). */
	char xq[100]; snprintf(xq, sizeof xq, "PRAGMA cache_size = -%s", getenv("CB_IC") ? getenv("CB_IC") : STORE_IMPORT_CACHE_KIB);
	if (s->depth == 0 &&
	    st_exec(s, xq, err) != 0) {
		temp_store_default(s);
		return -1;
	}
	/* Everything happens in one transaction, checks included, so nothing
	 * can change in between. */
	if (cb_store_begin(s, err) != 0) {
		temp_store_default(s);
		return -1;
	}
	/* The search index is written once, for every record, at the end:
	 * not a record at a time (see st_search_hold). */
	if ((st_import_holds_search && st_search_hold(s, err) != 0) ||
	    audit_last(s, &s->import_audit_from, err) != 0) {
		s->import_audit_from = -1;
		cb_store_rollback(s);
		temp_store_default(s);
		return -1;
	}
	return 0;
}

int
cb_store_import_batch(struct cb_store *s, struct cb_import_plan *p,
                      struct cb_import_report *report, struct cb_diags *diags,
                      struct cb_err *err)
{
	char caller[CB_UUID_LEN];
	size_t before = cb_diags_count(diags), problems;
	int rc;

	if (decide(s, p, diags, before, err) != 0 || check_refs(s, p, diags, before, err) != 0)
		return -1;
	problems = p->problems + cb_diags_count(diags) - before;
	if (problems > 0)
		return cb_err_set(err, CB_EINVAL,
		                  ngettext("%zu problem in the import: nothing was imported",
		                           "%zu problems in the import: nothing was imported",
		                           problems),
		                  problems);
	/* Any record that fails ends the import, so each needs no savepoint. */
	snprintf(caller, sizeof caller, "%s", cb_store_actor(s));
	st_flat_begin(s);
	rc = write_all(s, p, caller, report, diags, err);
	cb_store_set_actor(s, caller);
	if (st_flat_end(s, rc == 0 ? err : &(struct cb_err){0}) != 0)
		rc = -1;
	/* The batch's records are indexed for search now, and the hold taken
	 * again: the statement that indexes them keeps what it changes in
	 * memory until it ends, so it is kept to a batch. */
	if (rc == 0 && st_import_holds_search &&
	    (st_search_release(s, err) != 0 || st_search_hold(s, err) != 0))
		rc = -1;
	return rc;
}

int
cb_store_import_end(struct cb_store *s, bool ok, const struct cb_vec *files,
                    struct cb_import_report *report, struct cb_err *err)
{
	struct cb_buf detail = {0};
	int rc = -1;

	s->import_audit_from = -1;
	if (ok && st_import_holds_search && st_search_release(s, err) != 0)
		ok = false;
	if (ok && report->added_total > 0) {
		files_detail(files, report, &detail);
		if (cb_store_audit(s, "import", "import", NULL, cb_buf_str(&detail), err) != 0)
			ok = false;
	}
	cb_buf_free(&detail);
	if (ok)
		rc = cb_store_commit(s, err);
	else
		cb_store_rollback(s);
	if (rc != 0) {
		/* Nothing was written, whatever the counts said. */
		memset(report, 0, sizeof *report);
	}
	temp_store_default(s);
	return rc;
}

int
cb_store_import(struct cb_store *s, struct cb_import_plan *p, struct cb_import_report *report,
                struct cb_diags *diags, struct cb_err *err)
{
	struct cb_err ignored = {0};

	if (cb_store_import_begin(s, report, err) != 0)
		return -1;
	if (cb_store_import_batch(s, p, report, diags, err) != 0) {
		/* err says why: the rollback's word is not needed. */
		cb_store_import_end(s, false, &p->files, report, &ignored);
		return -1;
	}
	return cb_store_import_end(s, true, &p->files, report, err);
}
