/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/text.h"
#include "casebook/vec.h"
#include "internal.h"

/* Families */

static void
bind_family(sqlite3_stmt *st, const void *rec)
{
	const struct cb_family *f = rec;

	st_bind_text(st, 8, f->reference);
	st_bind_text(st, 9, f->name);
	st_bind_text(st, 10, f->team_id[0] != '\0' ? f->team_id : NULL);
	st_bind_date(st, 11, f->opened);
}

#define FAMILY_COLS "reference, name, team_id, opened"
static const struct st_kind family_kind = {
	"family",
	"INSERT INTO families (id, created_at, created_by) VALUES (?1, ?2, ?3)",
	ST_VERSION_SQL("family_versions", "family_id", FAMILY_COLS, "?8, ?9, ?10, ?11"),
	ST_LATEST_SQL("family_versions", "family_id"),
	ST_RETRACT_SQL("family_versions", "family_id", FAMILY_COLS),
	bind_family,
};

#define FAMILY_SELECT(view)                                                      \
	"SELECT f.family_id, f.reference, f.name, f.team_id, f.opened, "          \
	ST_REV_COLS("f") " FROM " view " f "

static void *
family_row(sqlite3_stmt *st)
{
	struct cb_family *f = cb_family_new();

	st_col_id(st, 0, f->id);
	f->reference = st_col_str(st, 1);
	f->name = st_col_str(st, 2);
	st_col_id(st, 3, f->team_id);
	f->opened = st_col_date(st, 4);
	st_col_rev(st, 5, &f->rev);
	return f;
}

/* References are how people find a family, typed in any case: two current
 * families may not share one, nor two that differ only in case or
 * accents. */
static int
reference_free(struct cb_store *s, const struct cb_family *f, struct cb_err *err)
{
	sqlite3_stmt *st;
	char *fold = cb_text_fold(f->reference);
	int rc;

	if (st_prepare_cached(s, "SELECT 1 FROM family_heads WHERE ref_fold = ?1 AND "
	                         "retracted = 0 AND family_id <> ?2", &st, err) != 0) {
		free(fold);
		return -1;
	}
	sqlite3_bind_text(st, 1, fold, -1, free);
	sqlite3_bind_text(st, 2, f->id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	st_release(s, st);
	if (rc == SQLITE_ROW)
		return cb_err_set(err, CB_EEXIST,
		                  _("another family already has the case reference %s: check the "
		                    "reference"), f->reference);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
cb_store_family_add(struct cb_store *s, struct cb_family *f, struct cb_err *err)
{
	int rc;

	if (cb_family_check(f, err) != 0)
		return -1;
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = reference_free(s, f, err);
	if (rc == 0)
		rc = st_record_add(s, &family_kind, f->id, &f->rev, NULL, NULL, NULL, f, err);
	return st_write_end(s, rc, err);
}

int
cb_store_family_correct(struct cb_store *s, struct cb_family *f, struct cb_err *err)
{
	int rc;

	if (cb_family_check(f, err) != 0)
		return -1;
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = reference_free(s, f, err);
	if (rc == 0)
		rc = st_record_correct(s, &family_kind, f->id, &f->rev, f, err);
	return st_write_end(s, rc, err);
}

int
cb_store_family_retract(struct cb_store *s, const char *id, int base_version,
                        const char *reason, struct cb_err *err)
{
	return st_record_retract(s, &family_kind, id, base_version, reason, err);
}

int
cb_store_family_get(struct cb_store *s, const char *id, struct cb_family **out,
                    struct cb_err *err)
{
	return st_one(s, FAMILY_SELECT("families_current") "WHERE f.family_id = ?1", id,
	              family_row, (void **)out, _("there is no such family"), err);
}

int
cb_store_family_find_ref(struct cb_store *s, const char *reference, struct cb_family **out,
                         struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	/* The reference as typed, in any case and with or without accents,
	 * or the family's id. */
	if (st_prepare_cached(s, FAMILY_SELECT("families_current") "WHERE f.family_id IN (SELECT "
	                  "h.family_id FROM family_heads h WHERE h.ref_fold = ?2) "
	                  "OR f.family_id = ?1 ORDER BY f.reference = ?1 DESC LIMIT 1", &st,
	               err) != 0)
		return -1;
	st_bind_text(st, 1, reference);
	sqlite3_bind_text(st, 2, cb_text_fold(reference), -1, free);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = family_row(st);
	st_release(s, st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return st_error(s, rc, err);
	return cb_err_set(err, CB_ENOTFOUND,
	                  _("there is no family with the reference %s: see 'casebook list "
	                    "families'"), reference);
}

int
cb_store_family_history(struct cb_store *s, const char *id, struct cb_vec *out,
                        struct cb_err *err)
{
	return st_rows(s, FAMILY_SELECT("family_versions") "WHERE f.family_id = ?1 "
	                  "ORDER BY f.version", id, NULL, family_row, out, err);
}

void
cb_family_row_free_item(void *p)
{
	struct cb_family_row *r = p;

	if (r == NULL)
		return;
	free(r->id);
	free(r->reference);
	free(r->name);
	free(r->children);
	free(r->workers);
	free(r);
}

static void *
summary_row(sqlite3_stmt *st)
{
	struct cb_family_row *r = cb_calloc(1, sizeof *r);

	r->id = st_col_str(st, 0);
	r->reference = st_col_str(st, 1);
	r->name = st_col_str(st, 2);
	r->children = st_col_str(st, 3);
	r->workers = st_col_str(st, 4);
	if (r->children == NULL)
		r->children = cb_strdup("");
	if (r->workers == NULL)
		r->workers = cb_strdup("");
	return r;
}

/* The newest status of each child (by start date, then version time). */
#define CHILD_STATUS(person)                                                     \
	"(SELECT upper(s.status) FROM statuses si JOIN statuses_current s ON "     \
	"s.status_id = si.id WHERE si.person_id = " person " ORDER BY s.start_date " \
	"DESC, s.created_at DESC LIMIT 1)"

#define FAMILY_ROWS_SQL                                                          \
	"SELECT f.family_id, f.reference, f.name, "                               \
	" (SELECT group_concat(x, '; ') FROM (SELECT p.name || "                  \
	"   coalesce(': ' || " CHILD_STATUS("pi.id") ", '') AS x "                \
	"   FROM people pi JOIN people_current p ON p.person_id = pi.id "         \
	"   WHERE pi.family_id = f.family_id AND p.role = 'child' "               \
	"   ORDER BY p.born, p.name)), "                                          \
	" (SELECT group_concat(n, ', ') FROM (SELECT DISTINCT w.name AS n "       \
	"   FROM allocations ai JOIN allocations_current a ON "                   \
	"   a.allocation_id = ai.id JOIN workers_current w ON "                   \
	"   w.worker_id = ai.worker_id WHERE ai.family_id = f.family_id AND "     \
	"   a.end_date IS NULL ORDER BY w.name)) "                                \
	"FROM families_current f ORDER BY f.reference"

int
cb_store_family_rows(struct cb_store *s, struct cb_vec *out, struct cb_err *err)
{
	return st_rows(s, FAMILY_ROWS_SQL, NULL, NULL, summary_row, out, err);
}

int
cb_store_family_rows_each(struct cb_store *s,
                          int (*each)(const struct cb_family_row *row, void *ctx), void *ctx,
                          struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc, stop = 0;

	if (st_prepare_cached(s, FAMILY_ROWS_SQL, &st, err) != 0)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cb_family_row *r = summary_row(st);

		stop = each(r, ctx);
		cb_family_row_free_item(r);
	}
	st_release(s, st);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

/* People */

static void
bind_person(sqlite3_stmt *st, const void *rec)
{
	const struct cb_person *p = rec;

	st_bind_text(st, 8, p->name);
	st_bind_date(st, 9, p->born);
	st_bind_text(st, 10, cb_member_role_id(p->role));
}

#define PERSON_COLS "name, born, role"
static const struct st_kind person_kind = {
	"person",
	"INSERT INTO people (id, created_at, created_by, family_id) VALUES (?1, ?2, ?3, ?4)",
	ST_VERSION_SQL("person_versions", "person_id", PERSON_COLS, "?8, ?9, ?10"),
	ST_LATEST_SQL("person_versions", "person_id"),
	ST_RETRACT_SQL("person_versions", "person_id", PERSON_COLS),
	bind_person,
};

#define PERSON_SELECT(view)                                                      \
	"SELECT p.person_id, pi.family_id, p.name, p.born, p.role, "              \
	ST_REV_COLS("p") " FROM " view " p JOIN people pi ON pi.id = p.person_id "

static void *
person_row(sqlite3_stmt *st)
{
	struct cb_person *p = cb_person_new();
	const unsigned char *role;

	st_col_id(st, 0, p->id);
	st_col_id(st, 1, p->family_id);
	p->name = st_col_str(st, 2);
	p->born = st_col_date(st, 3);
	role = sqlite3_column_text(st, 4);
	if (cb_member_role_parse((const char *)role, &p->role, NULL) != 0)
		p->role = CB_MEMBER_OTHER_ADULT;
	st_col_rev(st, 5, &p->rev);
	return p;
}

int
cb_store_person_add(struct cb_store *s, struct cb_person *p, struct cb_err *err)
{
	if (cb_person_check(p, err) != 0)
		return -1;
	return st_record_add(s, &person_kind, p->id, &p->rev, p->family_id, NULL, NULL, p, err);
}

int
cb_store_person_correct(struct cb_store *s, struct cb_person *p, struct cb_err *err)
{
	if (cb_person_check(p, err) != 0)
		return -1;
	return st_record_correct(s, &person_kind, p->id, &p->rev, p, err);
}

int
cb_store_person_retract(struct cb_store *s, const char *id, int base_version,
                        const char *reason, struct cb_err *err)
{
	return st_record_retract(s, &person_kind, id, base_version, reason, err);
}

int
cb_store_person_list(struct cb_store *s, const char *family_id, struct cb_vec *out,
                     struct cb_err *err)
{
	return st_rows(s, PERSON_SELECT("people_current") "WHERE pi.family_id = ?1 ORDER BY "
	                  "p.role <> 'child', p.born IS NULL, p.born, p.name",
	               family_id, NULL, person_row, out, err);
}

int
cb_store_person_history(struct cb_store *s, const char *id, struct cb_vec *out,
                        struct cb_err *err)
{
	return st_rows(s, PERSON_SELECT("person_versions") "WHERE p.person_id = ?1 ORDER BY "
	                  "p.version", id, NULL, person_row, out, err);
}

int
cb_store_person_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                          struct cb_err *err)
{
	return st_rows(s, PERSON_SELECT(ST_RETRACTED("person_heads", "person_versions",
	                                             "person_id"))
	                  "WHERE pi.family_id = ?1 ORDER BY p.created_at",
	               family_id, NULL, person_row, out, err);
}

/* Children's statuses */

static void
bind_status(sqlite3_stmt *st, const void *rec)
{
	const struct cb_status *x = rec;

	st_bind_text(st, 8, x->status);
	st_bind_date(st, 9, x->from);
	st_bind_text(st, 10, x->cp_category != NULL && *x->cp_category ? x->cp_category : NULL);
	st_bind_text(st, 11, x->legal != NULL && *x->legal ? x->legal : NULL);
	st_bind_text(st, 12, x->need != NULL && *x->need ? x->need : NULL);
	st_bind_text(st, 13, x->factors != NULL && *x->factors ? x->factors : NULL);
}

#define STATUS_COLS "status, start_date, cp_category, legal, need, factors"
static const struct st_kind status_kind = {
	"status",
	"INSERT INTO statuses (id, created_at, created_by, person_id) VALUES (?1, ?2, ?3, ?4)",
	ST_VERSION_SQL("status_versions", "status_id", STATUS_COLS, "?8, ?9, ?10, ?11, ?12, ?13"),
	ST_LATEST_SQL("status_versions", "status_id"),
	ST_RETRACT_SQL("status_versions", "status_id", STATUS_COLS),
	bind_status,
};

static void *
status_row(sqlite3_stmt *st)
{
	struct cb_status *x = cb_status_new();

	st_col_id(st, 0, x->id);
	st_col_id(st, 1, x->person_id);
	x->status = st_col_str(st, 2);
	x->from = st_col_date(st, 3);
	x->cp_category = st_col_str(st, 4);
	x->legal = st_col_str(st, 5);
	x->need = st_col_str(st, 6);
	x->factors = st_col_str(st, 7);
	st_col_rev(st, 8, &x->rev);
	return x;
}

/* Only a child holds a status. */
static int
status_person_check(struct cb_store *s, const struct cb_status *x, struct cb_err *err)
{
	struct cb_vec found = CB_VEC_OWNING(cb_person_free_item);
	int rc = st_rows(s, PERSON_SELECT("people_current") "WHERE p.person_id = ?1",
	                 x->person_id, NULL, person_row, &found, err);

	if (rc == 0 && found.len == 0)
		rc = cb_err_set(err, CB_ENOTFOUND, _("there is no such family member"));
	else if (rc == 0 && ((struct cb_person *)found.items[0])->role != CB_MEMBER_CHILD)
		rc = cb_err_set(err, CB_EINVAL, _("only a child has a status such as CIN or CP"));
	cb_vec_clear(&found);
	return rc;
}

int
cb_store_status_add(struct cb_store *s, struct cb_status *x, struct cb_err *err)
{
	int rc;

	if (cb_status_check(x, NULL, err) != 0)
		return -1;
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = status_person_check(s, x, err);
	if (rc == 0)
		rc = st_record_add(s, &status_kind, x->id, &x->rev, x->person_id, NULL, NULL, x, err);
	return st_write_end(s, rc, err);
}

int
cb_store_status_correct(struct cb_store *s, struct cb_status *x, struct cb_err *err)
{
	if (cb_status_check(x, NULL, err) != 0)
		return -1;
	return st_record_correct(s, &status_kind, x->id, &x->rev, x, err);
}

int
cb_store_status_retract(struct cb_store *s, const char *id, int base_version,
                        const char *reason, struct cb_err *err)
{
	return st_record_retract(s, &status_kind, id, base_version, reason, err);
}

int
cb_store_status_list(struct cb_store *s, const char *person_id, struct cb_vec *out,
                     struct cb_err *err)
{
	return st_rows(s, "SELECT x.status_id, si.person_id, x.status, x.start_date, "
	                  "x.cp_category, x.legal, x.need, x.factors, " ST_REV_COLS("x")
	                  " FROM statuses_current x JOIN statuses si ON si.id = x.status_id "
	                  "WHERE si.person_id = ?1 ORDER BY x.start_date, x.created_at",
	               person_id, NULL, status_row, out, err);
}

int
cb_store_status_history(struct cb_store *s, const char *id, struct cb_vec *out,
                        struct cb_err *err)
{
	return st_rows(s, "SELECT x.status_id, si.person_id, x.status, x.start_date, "
	                  "x.cp_category, x.legal, x.need, x.factors, " ST_REV_COLS("x")
	                  " FROM status_versions x JOIN statuses si ON si.id = x.status_id "
	                  "WHERE x.status_id = ?1 ORDER BY x.version",
	               id, NULL, status_row, out, err);
}

int
cb_store_status_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                          struct cb_err *err)
{
	return st_rows(s, "SELECT x.status_id, si.person_id, x.status, x.start_date, "
	                  "x.cp_category, x.legal, x.need, x.factors, " ST_REV_COLS("x")
	                  " FROM " ST_RETRACTED("status_heads", "status_versions", "status_id")
	                  " x JOIN statuses si ON si.id = x.status_id JOIN people pi ON "
	                  "pi.id = si.person_id WHERE pi.family_id = ?1 ORDER BY x.created_at",
	               family_id, NULL, status_row, out, err);
}

/* Allocations */

static void
bind_allocation(sqlite3_stmt *st, const void *rec)
{
	const struct cb_allocation *a = rec;

	st_bind_text(st, 8, a->role);
	st_bind_date(st, 9, a->from);
	st_bind_date(st, 10, a->until);
}

#define ALLOCATION_COLS "role, start_date, end_date"
static const struct st_kind allocation_kind = {
	"allocation",
	"INSERT INTO allocations (id, created_at, created_by, family_id, worker_id) VALUES "
	"(?1, ?2, ?3, ?4, ?5)",
	ST_VERSION_SQL("allocation_versions", "allocation_id", ALLOCATION_COLS, "?8, ?9, ?10"),
	ST_LATEST_SQL("allocation_versions", "allocation_id"),
	ST_RETRACT_SQL("allocation_versions", "allocation_id", ALLOCATION_COLS),
	bind_allocation,
};

static void *
allocation_row(sqlite3_stmt *st)
{
	struct cb_allocation *a = cb_allocation_new();

	st_col_id(st, 0, a->id);
	st_col_id(st, 1, a->family_id);
	st_col_id(st, 2, a->worker_id);
	a->worker_name = st_col_str(st, 3);
	a->role = st_col_str(st, 4);
	a->from = st_col_date(st, 5);
	a->until = st_col_date(st, 6);
	st_col_rev(st, 7, &a->rev);
	return a;
}

static int
allocation_check(const struct cb_allocation *a, struct cb_err *err)
{
	if (a->role == NULL || *a->role == '\0')
		return cb_err_set(err, CB_EINVAL, _("an allocation needs the worker's role on the case"));
	if (cb_date_is_set(a->from) && cb_date_is_set(a->until) &&
	    cb_date_cmp(a->until, a->from) < 0)
		return cb_err_set(err, CB_EINVAL, _("an allocation cannot end before it starts"));
	return 0;
}

/* One current allocation per worker and family: a second role is a
 * correction of the first, not a second line on the record. */
static int
allocation_unique(struct cb_store *s, const struct cb_allocation *a, struct cb_err *err)
{
	sqlite3_stmt *st;
	char *name = NULL;
	int rc;

	/* By the family's allocations (a few), never by the worker's (a
	 * whole caseload: an import of thousands of families allocated to
	 * one worker read all of theirs for each). */
	if (st_prepare_cached(s, "SELECT (SELECT w.name FROM workers_current w WHERE w.worker_id = "
	                  "ai.worker_id) FROM allocations ai JOIN allocations_current a ON "
	                  "a.allocation_id = ai.id WHERE ai.family_id = ?1 AND +ai.worker_id = ?2 "
	                  "AND a.end_date IS NULL AND ai.id <> ?3",
	               &st, err) != 0)
		return -1;
	st_bind_text(st, 1, a->family_id);
	st_bind_text(st, 2, a->worker_id);
	st_bind_text(st, 3, a->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		name = st_col_str(st, 0);
	st_release(s, st);
	if (rc == SQLITE_ROW) {
		cb_err_set(err, CB_EEXIST,
		           _("%s is already allocated to this family: correct that allocation to "
		             "change the role, or end it first"),
		           name != NULL ? name : _("that worker"));
		free(name);
		return -1;
	}
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
cb_store_allocation_add(struct cb_store *s, struct cb_allocation *a, struct cb_err *err)
{
	int rc;

	if (allocation_check(a, err) != 0)
		return -1;
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = cb_date_is_set(a->until) ? 0 : allocation_unique(s, a, err);
	if (rc == 0)
		rc = st_record_add(s, &allocation_kind, a->id, &a->rev, a->family_id, a->worker_id,
		                   NULL, a, err);
	return st_write_end(s, rc, err);
}

int
cb_store_allocation_correct(struct cb_store *s, struct cb_allocation *a, struct cb_err *err)
{
	int rc;

	if (allocation_check(a, err) != 0)
		return -1;
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = cb_date_is_set(a->until) ? 0 : allocation_unique(s, a, err);
	if (rc == 0)
		rc = st_record_correct(s, &allocation_kind, a->id, &a->rev, a, err);
	return st_write_end(s, rc, err);
}

int
cb_store_allocation_retract(struct cb_store *s, const char *id, int base_version,
                            const char *reason, struct cb_err *err)
{
	return st_record_retract(s, &allocation_kind, id, base_version, reason, err);
}

int
cb_store_allocation_history(struct cb_store *s, const char *id, struct cb_vec *out,
                            struct cb_err *err)
{
	return st_rows(s, "SELECT a.allocation_id, ai.family_id, ai.worker_id, w.name, a.role, "
	                  "a.start_date, a.end_date, " ST_REV_COLS("a") " FROM allocation_versions a "
	                  "JOIN allocations ai ON ai.id = a.allocation_id LEFT JOIN workers_current w "
	                  "ON w.worker_id = ai.worker_id WHERE a.allocation_id = ?1 ORDER BY a.version",
	               id, NULL, allocation_row, out, err);
}

#define ALLOCATION_SELECT_FROM(view)                                             \
	"SELECT a.allocation_id, ai.family_id, ai.worker_id, w.name, a.role, "    \
	"a.start_date, a.end_date, " ST_REV_COLS("a") " FROM " view " a "          \
	"JOIN allocations ai ON ai.id = a.allocation_id LEFT JOIN workers_current w " \
	"ON w.worker_id = ai.worker_id WHERE ai.family_id = ?1 "
#define ALLOCATION_SELECT ALLOCATION_SELECT_FROM("allocations_current")

int
cb_store_allocation_list(struct cb_store *s, const char *family_id, bool current_only,
                         struct cb_vec *out, struct cb_err *err)
{
	return st_rows(s, current_only ? ALLOCATION_SELECT "AND a.end_date IS NULL "
	                                 "ORDER BY a.start_date, w.name"
	                               : ALLOCATION_SELECT "ORDER BY a.start_date, w.name",
	               family_id, NULL, allocation_row, out, err);
}

int
cb_store_allocation_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                              struct cb_err *err)
{
	return st_rows(s, ALLOCATION_SELECT_FROM(ST_RETRACTED("allocation_heads",
	                                                      "allocation_versions",
	                                                      "allocation_id"))
	                  "ORDER BY a.created_at",
	               family_id, NULL, allocation_row, out, err);
}
