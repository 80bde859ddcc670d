/* SPDX-License-Identifier: MIT */
/* Finding records quickly and as people type them: folded names and
 * references, the current-version heads, and the upgrade that fills them
 * for a database an older casebook left. Real SQLite files. */
#include "config.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_views.h"
#include "casebook/store_workers.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "testutil.h"

extern int st_migration_limit;

static char *dir;
static char *dbpath;

static void
setup(void)
{
	dir = tu_tmpdir();
	dbpath = tu_path(dir, "case.db");
}

static void
teardown(void)
{
	st_migration_limit = cb_store_schema_known();
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
}

static struct cb_store *
open_db(void)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};

	ck_assert_msg(cb_store_open(dbpath, CB_STORE_CREATE, &s, &err) == 0, "%s", err.msg);
	return s;
}

static struct cb_worker *
add_worker(struct cb_store *s, const char *name)
{
	struct cb_worker *w = cb_worker_new();
	struct cb_err err = {0};

	w->name = cb_strdup(name);
	w->role = cb_strdup("social-worker");
	ck_assert_msg(cb_store_worker_add(s, w, &err) == 0, "%s", err.msg);
	return w;
}

static struct cb_family *
add_family(struct cb_store *s, const char *ref, const char *name)
{
	struct cb_family *f = cb_family_new();
	struct cb_err err = {0};

	f->reference = cb_strdup(ref);
	f->name = cb_strdup(name);
	ck_assert_msg(cb_store_family_add(s, f, &err) == 0, "%s", err.msg);
	return f;
}

static struct cb_person *
add_person(struct cb_store *s, const struct cb_family *f, const char *name)
{
	struct cb_person *p = cb_person_new();
	struct cb_err err = {0};

	memcpy(p->family_id, f->id, CB_UUID_LEN);
	p->name = cb_strdup(name);
	p->role = CB_MEMBER_CHILD;
	ck_assert_msg(cb_store_person_add(s, p, &err) == 0, "%s", err.msg);
	return p;
}

static void
allocate(struct cb_store *s, const struct cb_family *f, const struct cb_worker *w)
{
	struct cb_allocation *a = cb_allocation_new();
	struct cb_err err = {0};

	memcpy(a->family_id, f->id, CB_UUID_LEN);
	memcpy(a->worker_id, w->id, CB_UUID_LEN);
	a->role = cb_strdup("social-worker");
	cb_date_parse("2026-04-01", &a->from, NULL);
	ck_assert_msg(cb_store_allocation_add(s, a, &err) == 0, "%s", err.msg);
	cb_allocation_free(&a);
}

/* The references of the caseload rows that match filter, in order, joined
 * with spaces; and the count must agree with the rows. */
static char *
caseload(struct cb_store *s, const char *worker_id, const char *filter)
{
	struct cb_caseload_query q = {worker_id, filter, CB_SORT_REFERENCE, {2026, 6, 1}};
	struct cb_vec rows = CB_VEC_OWNING(cb_caseload_row_free_item);
	struct cb_err err = {0};
	char buf[512] = "";
	size_t n = 99, i;

	ck_assert_msg(cb_store_caseload_count(s, &q, &n, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_store_caseload(s, &q, 0, 100, &rows, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(n, rows.len);
	for (i = 0; i < rows.len; i++) {
		struct cb_caseload_row *r = rows.items[i];

		if (i > 0)
			strcat(buf, " ");
		strcat(buf, r->reference);
	}
	cb_vec_clear(&rows);
	return cb_strdup(buf);
}

#define CK_CASELOAD(s, who, filter, want)                                        \
	do {                                                                       \
		char *got_ = caseload((s), (who), (filter));                      \
		ck_assert_msg(strcmp(got_, (want)) == 0, "filter '%s': got '%s', want '%s'", \
		              (filter) != NULL ? (filter) : "(none)", got_, (want)); \
		free(got_);                                                        \
	} while (0)

START_TEST(caseload_filter_folds_names_and_references)
{
	struct cb_store *s = open_db();
	struct cb_family *a = add_family(s, "FS-26-0142", "Nguy\xe1\xbb\x85n family");
	struct cb_family *b = add_family(s, "FS-26-0150", "Zieli\xc5\x84ska family");
	struct cb_family *c = add_family(s, "FS-26-0161", "O'Brien family");
	/* A family whose name the filter does not hold, but a child's does. */
	struct cb_person *p = add_person(s, c, "Siobh\xc3\xa1n O'Brien");
	struct cb_person *q = add_person(s, a, "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Mai");

	CK_CASELOAD(s, NULL, NULL, "FS-26-0142 FS-26-0150 FS-26-0161");
	CK_CASELOAD(s, NULL, "nguyen", "FS-26-0142");
	CK_CASELOAD(s, NULL, "NGUYEN", "FS-26-0142");
	/* Typed with a combining accent. */
	CK_CASELOAD(s, NULL, "Nguye\xcc\x82\xcc\x83n", "FS-26-0142");
	CK_CASELOAD(s, NULL, "zielinska", "FS-26-0150");
	CK_CASELOAD(s, NULL, "ZIELI\xc5\x83SKA", "FS-26-0150");
	CK_CASELOAD(s, NULL, "fs-26-0142", "FS-26-0142");
	CK_CASELOAD(s, NULL, "fs-26-01", "FS-26-0142 FS-26-0150 FS-26-0161");
	CK_CASELOAD(s, NULL, "siobhan", "FS-26-0161");
	CK_CASELOAD(s, NULL, "thi mai", "FS-26-0142");
	/* What LIKE would take as wildcards is literal. */
	CK_CASELOAD(s, NULL, "%", "");
	CK_CASELOAD(s, NULL, "fs_26", "");
	CK_CASELOAD(s, NULL, "nobody", "");
	cb_person_free(&p);
	cb_person_free(&q);
	cb_family_free(&a);
	cb_family_free(&b);
	cb_family_free(&c);
	cb_store_close(&s);
}
END_TEST

START_TEST(heads_follow_corrections_and_retractions)
{
	struct cb_store *s = open_db();
	struct cb_family *a = add_family(s, "FS-1", "Price family");
	struct cb_family *b = add_family(s, "FS-2", "Kowalski family");
	struct cb_person *p = add_person(s, a, "Zo\xc3\xab Okafor");
	struct cb_family *got = NULL;
	struct cb_err err = {0};

	CK_CASELOAD(s, NULL, "zoe", "FS-1");
	/* A corrected name is found by the new name only. */
	free(a->name);
	a->name = cb_strdup("Pr\xc3\xaes family");
	ck_assert_msg(cb_store_family_correct(s, a, &err) == 0, "%s", err.msg);
	CK_CASELOAD(s, NULL, "prise", "");
	CK_CASELOAD(s, NULL, "pris", "FS-1");
	CK_CASELOAD(s, NULL, "price", "");
	/* A corrected member. */
	free(p->name);
	p->name = cb_strdup("Zofia Okafor");
	ck_assert_msg(cb_store_person_correct(s, p, &err) == 0, "%s", err.msg);
	CK_CASELOAD(s, NULL, "zoe", "");
	CK_CASELOAD(s, NULL, "zofia", "FS-1");
	/* A retracted member is no longer found; a retracted family is gone. */
	ck_assert_msg(cb_store_person_retract(s, p->id, p->rev.version, "entered in error",
	                                      &err) == 0, "%s", err.msg);
	CK_CASELOAD(s, NULL, "zofia", "");
	ck_assert_msg(cb_store_family_retract(s, b->id, b->rev.version, "duplicate", &err) == 0,
	              "%s", err.msg);
	CK_CASELOAD(s, NULL, NULL, "FS-1");
	ck_assert_int_ne(cb_store_family_find_ref(s, "fs-2", &got, &err), 0);
	ck_assert_int_eq(err.code, CB_ENOTFOUND);
	/* Its reference is free again. */
	cb_family_free(&b);
	b = add_family(s, "fs-2", "Kowalska family");
	cb_family_free(&b);
	cb_person_free(&p);
	cb_family_free(&a);
	cb_store_close(&s);
}
END_TEST

START_TEST(references_found_and_kept_apart_in_any_case)
{
	struct cb_store *s = open_db();
	struct cb_family *a = add_family(s, "FS-26-0142", "Nguy\xe1\xbb\x85n family");
	struct cb_family *b = cb_family_new(), *got = NULL;
	struct cb_err err = {0};

	ck_assert_msg(cb_store_family_find_ref(s, "fs-26-0142", &got, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(got->id, a->id);
	cb_family_free(&got);
	ck_assert_msg(cb_store_family_find_ref(s, " FS-26-0142", &got, &err) == 0 ||
	              cb_store_family_find_ref(s, "FS-26-0142", &got, &err) == 0, "%s", err.msg);
	cb_family_free(&got);
	ck_assert_int_eq(cb_store_family_find_ref(s, a->id, &got, &err), 0);
	ck_assert_str_eq(got->reference, "FS-26-0142");
	cb_family_free(&got);
	ck_assert_int_ne(cb_store_family_find_ref(s, "fs-26-014", &got, &err), 0);
	ck_assert_int_eq(err.code, CB_ENOTFOUND);
	/* A reference that differs only in case would be ambiguous. */
	b->reference = cb_strdup("fs-26-0142");
	b->name = cb_strdup("Another family");
	ck_assert_int_ne(cb_store_family_add(s, b, &err), 0);
	ck_assert_int_eq(err.code, CB_EEXIST);
	cb_family_free(&b);
	cb_family_free(&a);
	cb_store_close(&s);
}
END_TEST

START_TEST(workers_found_as_typed)
{
	struct cb_store *s = open_db();
	struct cb_worker *k = add_worker(s, "Katarzyna Zieli\xc5\x84ska");
	struct cb_worker *a = add_worker(s, "Siobh\xc3\xa1n Byrne");
	struct cb_worker *b = add_worker(s, "Sam Byrne");
	struct cb_worker *got = NULL;
	struct cb_err err = {0};

	ck_assert_msg(cb_store_worker_find(s, "KATARZYNA ZIELI\xc5\x83SKA", &got, &err) == 0,
	              "%s", err.msg);
	ck_assert_str_eq(got->id, k->id);
	cb_worker_free(&got);
	ck_assert_msg(cb_store_worker_find(s, "katarzyna zielinska", &got, &err) == 0, "%s",
	              err.msg);
	cb_worker_free(&got);
	/* Part of one name. */
	ck_assert_msg(cb_store_worker_find(s, "zielinska", &got, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(got->id, k->id);
	cb_worker_free(&got);
	ck_assert_msg(cb_store_worker_find(s, "siobhan", &got, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(got->id, a->id);
	cb_worker_free(&got);
	/* Part of two names is not enough. */
	ck_assert_int_ne(cb_store_worker_find(s, "byrne", &got, &err), 0);
	ck_assert_int_eq(err.code, CB_EINVAL);
	ck_assert_int_ne(cb_store_worker_find(s, "  ", &got, &err), 0);
	ck_assert_int_ne(cb_store_worker_find(s, "casebook", &got, &err), 0);
	ck_assert_int_eq(err.code, CB_ENOTFOUND);
	cb_worker_free(&k);
	cb_worker_free(&a);
	cb_worker_free(&b);
	cb_store_close(&s);
}
END_TEST

START_TEST(mine_and_team)
{
	struct cb_store *s = open_db();
	struct cb_worker *w = add_worker(s, "Tom Reed");
	struct cb_worker *v = add_worker(s, "Ann Lee");
	struct cb_family *a = add_family(s, "FS-1", "Price family");
	struct cb_family *b = add_family(s, "FS-2", "Nguy\xe1\xbb\x85n family");
	struct cb_family *c = add_family(s, "FS-3", "Kowalski family");

	allocate(s, a, w);
	allocate(s, b, w);
	allocate(s, c, v);
	CK_CASELOAD(s, w->id, NULL, "FS-1 FS-2");
	CK_CASELOAD(s, w->id, "nguyen", "FS-2");
	CK_CASELOAD(s, v->id, NULL, "FS-3");
	CK_CASELOAD(s, v->id, "nguyen", "");
	CK_CASELOAD(s, NULL, NULL, "FS-1 FS-2 FS-3");
	cb_family_free(&a);
	cb_family_free(&b);
	cb_family_free(&c);
	cb_worker_free(&w);
	cb_worker_free(&v);
	cb_store_close(&s);
}
END_TEST

static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg);
	sqlite3_close(db);
}

#define ID(n) "00000000-0000-4000-8000-0000000001" n
#define SYS "00000000-0000-4000-8000-000000000000"
#define AT "'2026-01-01T00:00:00Z', '" SYS "'"

/* A database as a casebook before the folded names left it, written by
 * hand as that casebook wrote it. */
static const char old_rows[] =
	"INSERT INTO workers VALUES ('" ID("01") "', " AT ");\n"
	"INSERT INTO worker_versions (row_id, worker_id, version, created_at, created_by, "
	"name, role) VALUES ('" ID("11") "', '" ID("01") "', 1, " AT ", "
	"'Katarzyna Zieli\xc5\x84ska', 'social-worker');\n"
	"INSERT INTO families VALUES ('" ID("02") "', " AT "), ('" ID("03") "', " AT ");\n"
	"INSERT INTO family_versions (row_id, family_id, version, created_at, created_by, "
	"reference, name) VALUES "
	"('" ID("12") "', '" ID("02") "', 1, " AT ", 'FS-26-0142', 'Nguy\xe1\xbb\x85n family'), "
	"('" ID("13") "', '" ID("03") "', 1, " AT ", 'FS-26-0150', 'Price family'), "
	"('" ID("14") "', '" ID("03") "', 2, " AT ", 'FS-26-0150', 'Pr\xc3\xaes family');\n"
	"INSERT INTO people VALUES ('" ID("04") "', " AT ", '" ID("03") "');\n"
	"INSERT INTO person_versions (row_id, person_id, version, created_at, created_by, "
	"name, role) VALUES ('" ID("15") "', '" ID("04") "', 1, " AT ", "
	"'Siobh\xc3\xa1n Okafor', 'child');\n";

/* A database an older casebook left is given its folded names when it is
 * opened. */
START_TEST(upgrade_fills_folded_names)
{
	struct cb_store *s;
	struct cb_family *got = NULL;
	struct cb_worker *wgot = NULL;
	struct cb_err err = {0};

	st_migration_limit = 2;
	s = open_db();
	ck_assert_int_eq(cb_store_schema_version(s), 2);
	cb_store_close(&s);
	raw_exec(dbpath, old_rows);
	st_migration_limit = cb_store_schema_known();
	s = open_db();
	ck_assert_int_eq(cb_store_schema_version(s), cb_store_schema_known());
	CK_CASELOAD(s, NULL, NULL, "FS-26-0142 FS-26-0150");
	CK_CASELOAD(s, NULL, "nguyen", "FS-26-0142");
	CK_CASELOAD(s, NULL, "pris", "FS-26-0150");
	CK_CASELOAD(s, NULL, "price", "");
	CK_CASELOAD(s, NULL, "siobhan", "FS-26-0150");
	ck_assert_msg(cb_store_family_find_ref(s, "fs-26-0150", &got, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(got->name, "Pr\xc3\xaes family");
	ck_assert_int_eq(got->rev.version, 2);
	cb_family_free(&got);
	ck_assert_msg(cb_store_worker_find(s, "zielinska", &wgot, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(wgot->id, ID("01"));
	cb_worker_free(&wgot);
	cb_store_close(&s);
}
END_TEST

static Suite *
perf_suite(void)
{
	Suite *s = suite_create("perf");
	TCase *tc = tcase_create("lookups");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, caseload_filter_folds_names_and_references);
	tcase_add_test(tc, heads_follow_corrections_and_retractions);
	tcase_add_test(tc, references_found_and_kept_apart_in_any_case);
	tcase_add_test(tc, workers_found_as_typed);
	tcase_add_test(tc, mine_and_team);
	tcase_add_test(tc, upgrade_fills_folded_names);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(perf_suite());
}
