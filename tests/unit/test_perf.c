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
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/goal.h"
#include "casebook/meeting.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/stage.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_notes.h"
#include "casebook/store_search.h"
#include "casebook/store_series.h"
#include "casebook/store_server.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/store_views.h"
#include "casebook/store_workers.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "storeutil.h"
#include "testutil.h"

extern int st_migration_limit;
extern long st_migrate_progress_ms;
extern void (*st_prepare_hook)(const char *sql);

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
	/* The count that comes with a page, in every sort, from the start,
	 * the middle and past the end, is the count. */
	for (q.sort = CB_SORT_REFERENCE; q.sort <= CB_SORT_SUPERVISION; q.sort++) {
		size_t offsets[] = {0, 1, n + 3}, k, total;

		for (k = 0; k < sizeof offsets / sizeof offsets[0]; k++) {
			total = 12345;
			ck_assert_msg(cb_store_caseload_page(s, &q, offsets[k], 100, &rows, &total,
			                                     &err) == 0, "%s", err.msg);
			ck_assert_uint_eq(total, n);
			ck_assert_uint_eq(rows.len, offsets[k] < n ? n - offsets[k] : 0);
			cb_vec_clear(&rows);
		}
	}
	q.sort = CB_SORT_REFERENCE;
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

static void ck_caseload_mine(int want_rows);

START_TEST(caseload_filter_folds_names_and_references)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *a = tu_add_family(s, "FS-26-0142", "Nguy\xe1\xbb\x85n family");
	struct cb_family *b = tu_add_family(s, "FS-26-0150", "Zieli\xc5\x84ska family");
	struct cb_family *c = tu_add_family(s, "FS-26-0161", "O'Brien family");
	/* A family whose name the filter does not hold, but a child's does. */
	struct cb_person *p = tu_add_person(s, c, "Siobh\xc3\xa1n O'Brien", CB_MEMBER_CHILD, NULL);
	struct cb_person *q = tu_add_person(s, a, "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Mai", CB_MEMBER_CHILD, NULL);

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
	/* One or two characters, too few for the trigram index: the heads
	 * are read. */
	CK_CASELOAD(s, NULL, "fs", "FS-26-0142 FS-26-0150 FS-26-0161");
	CK_CASELOAD(s, NULL, "o", "FS-26-0161");
	CK_CASELOAD(s, NULL, "sk", "FS-26-0150");
	CK_CASELOAD(s, NULL, "\xc5\x84", "FS-26-0142 FS-26-0150 FS-26-0161");
	/* Quotes are text, not the index's query language. */
	CK_CASELOAD(s, NULL, "o'brien", "FS-26-0161");
	CK_CASELOAD(s, NULL, "\"o'b", "");
	CK_CASELOAD(s, NULL, "o\"brien", "");
	CK_CASELOAD(s, NULL, "nguyen OR zielinska", "");
	CK_CASELOAD(s, NULL, "\"o", "");
	ck_caseload_mine(0);
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
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *a = tu_add_family(s, "FS-1", "Price family");
	struct cb_family *b = tu_add_family(s, "FS-2", "Kowalski family");
	struct cb_person *p = tu_add_person(s, a, "Zo\xc3\xab Okafor", CB_MEMBER_CHILD, NULL);
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
	b = tu_add_family(s, "fs-2", "Kowalska family");
	cb_family_free(&b);
	cb_person_free(&p);
	cb_family_free(&a);
	cb_store_close(&s);
}
END_TEST

START_TEST(references_found_and_kept_apart_in_any_case)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *a = tu_add_family(s, "FS-26-0142", "Nguy\xe1\xbb\x85n family");
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
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *k = tu_add_worker(s, "Katarzyna Zieli\xc5\x84ska", "social-worker");
	struct cb_worker *a = tu_add_worker(s, "Siobh\xc3\xa1n Byrne", "social-worker");
	struct cb_worker *b = tu_add_worker(s, "Sam Byrne", "social-worker");
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
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *w = tu_add_worker(s, "Tom Reed", "social-worker");
	struct cb_worker *v = tu_add_worker(s, "Ann Lee", "social-worker");
	struct cb_family *a = tu_add_family(s, "FS-1", "Price family");
	struct cb_family *b = tu_add_family(s, "FS-2", "Nguy\xe1\xbb\x85n family");
	struct cb_family *c = tu_add_family(s, "FS-3", "Kowalski family");

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

/* What waits to be sent, as a fresh open of the file counts it. */
static long
waiting_fresh(void)
{
	struct cb_store *f = tu_open(dbpath);
	struct cb_err err = {0};
	char *last = NULL;
	long n = -1;

	ck_assert_msg(cb_sync_status(f, &last, &n, &err) == 0, "%s", err.msg);
	ck_assert_ptr_nonnull(last);
	free(last);
	cb_store_close(&f);
	return n;
}

static long
waiting(struct cb_store *s)
{
	struct cb_err err = {0};
	char *last = NULL;
	long n = -1;

	ck_assert_msg(cb_sync_status(s, &last, &n, &err) == 0, "%s", err.msg);
	free(last);
	return n;
}

static void
save_note(struct cb_store *s, const struct cb_family *f, const char *text)
{
	struct cb_note *n = cb_note_new();
	struct cb_err err = {0};

	memcpy(n->family_id, f->id, CB_UUID_LEN);
	cb_date_parse("2026-05-01", &n->date, NULL);
	n->kind = cb_strdup("home-visit");
	n->text = cb_strdup(text);
	ck_assert_msg(cb_store_note_add(s, n, &err) == 0, "%s", err.msg);
	cb_note_free(&n);
}

/* A synced laptop's waiting count is kept by the open store and brought
 * up to date from what was added since (and read again in full after a
 * sync): it always agrees with a fresh count of the file. */
START_TEST(waiting_count_kept_up_to_date)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *w = tu_add_worker(s, "Tom Reed", "social-worker");
	struct cb_family *f;
	long before, after;

	cb_store_set_actor(s, w->id);
	f = tu_add_family(s, "FS-1", "Price family");
	save_note(s, f, "First visit.");
	/* As a sync leaves it: the worker and everything so far on the server. */
	tu_raw_exec(dbpath, "INSERT INTO sync_state (key, value) VALUES ('last_sync', "
	                    "'2026-05-01T10:00:00.000Z');"
	                    "INSERT INTO sync_seen (tbl, pk) SELECT 'workers', id FROM workers;"
	                    "INSERT INTO sync_seen (tbl, pk) SELECT 'families', id FROM families;"
	                    "INSERT INTO sync_seen (tbl, pk) SELECT 'family_versions', row_id "
	                    "FROM family_versions;");
	before = waiting(s);
	ck_assert_int_eq(before, waiting_fresh());
	ck_assert_int_gt(before, 0);
	/* Reading again counts nothing new; a save adds its rows. */
	ck_assert_int_eq(waiting(s), before);
	save_note(s, f, "Second visit.");
	after = waiting(s);
	ck_assert_int_gt(after, before);
	ck_assert_int_eq(after, waiting_fresh());
	/* Another program adds a note: counted too. */
	{
		struct cb_store *o = tu_open(dbpath);

		cb_store_set_actor(o, w->id);
		save_note(o, f, "Third visit.");
		cb_store_close(&o);
	}
	ck_assert_int_eq(waiting(s), waiting_fresh());
	ck_assert_int_gt(waiting(s), after);
	/* A sync sends the notes: the count is read again, in full. */
	tu_raw_exec(dbpath, "INSERT INTO sync_seen (tbl, pk) SELECT 'notes', id FROM notes;"
	                    "INSERT INTO sync_seen (tbl, pk) SELECT 'note_versions', row_id "
	                    "FROM note_versions;");
	ck_assert_int_eq(waiting(s), waiting_fresh());
	ck_assert_int_lt(waiting(s), after);
	cb_family_free(&f);
	cb_worker_free(&w);
	cb_store_close(&s);
}
END_TEST

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
	s = tu_open(dbpath);
	ck_assert_int_eq(cb_store_schema_version(s), 2);
	cb_store_close(&s);
	tu_raw_exec(dbpath, old_rows);
	st_migration_limit = cb_store_schema_known();
	s = tu_open(dbpath);
	ck_assert_int_eq(cb_store_schema_version(s), cb_store_schema_known());
	CK_CASELOAD(s, NULL, NULL, "FS-26-0142 FS-26-0150");
	CK_CASELOAD(s, NULL, "nguyen", "FS-26-0142");
	CK_CASELOAD(s, NULL, "pris", "FS-26-0150");
	CK_CASELOAD(s, NULL, "price", "");
	CK_CASELOAD(s, NULL, "siobhan", "FS-26-0150");
	/* The short filter's index, built by the open after the upgrade. */
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM family_grams_todo"), 0);
	ck_assert_int_gt(tu_raw_int(dbpath, "SELECT count(*) FROM family_grams"), 0);
	CK_CASELOAD(s, NULL, "ng", "FS-26-0142");
	CK_CASELOAD(s, NULL, "ri", "FS-26-0150");
	CK_CASELOAD(s, NULL, "f", "FS-26-0142 FS-26-0150");
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

/* caseload_mine holds exactly each worker's caseload as the views work
 * it out: the families with an open, current allocation to them, at
 * their current reference, none retracted. */
#define CASELOAD_WANT                                                            \
	"SELECT DISTINCT ai.worker_id, f.reference, ai.family_id FROM allocations ai " \
	"JOIN allocations_current a ON a.allocation_id = ai.id JOIN families_current f " \
	"ON f.family_id = ai.family_id WHERE a.end_date IS NULL"
#define CASELOAD_HAVE "SELECT worker_id, reference, family_id FROM caseload_mine"
static int
raw_count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	              sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
ck_caseload_mine(int want_rows)
{
	sqlite3 *db;
	int diff, rows, kept, counted;

	ck_assert_int_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	diff = raw_count(db, "SELECT count(*) FROM (SELECT * FROM (" CASELOAD_HAVE " EXCEPT "
	                     CASELOAD_WANT ") UNION ALL SELECT * FROM (" CASELOAD_WANT " EXCEPT "
	                     CASELOAD_HAVE "))");
	rows = raw_count(db, "SELECT count(*) FROM caseload_mine");
	kept = raw_count(db, "SELECT n FROM caseload_counts WHERE key = 'families'");
	counted = raw_count(db, "SELECT count(*) FROM families_current");
	/* The filter's index: one row for each current family, its folds. */
	ck_assert_int_eq(raw_count(db, "SELECT count(*) FROM family_find"), counted);
	ck_assert_int_eq(raw_count(db, "SELECT count(*) FROM family_find ff JOIN families fa ON "
	                               "fa.rowid = ff.rowid JOIN family_heads fh ON fh.family_id "
	                               "= fa.id WHERE fh.retracted = 0 AND ff.text = "
	                               "fh.name_fold || char(10) || fh.ref_fold || char(10) || "
	                               "fh.members_fold"), counted);
	sqlite3_close(db);
	ck_assert_msg(diff == 0, "caseload_mine differs from the views in %d rows", diff);
	ck_assert_int_eq(kept, counted);
	if (want_rows < 0)
		return;
	ck_assert_int_eq(rows, want_rows);
}

static void
end_allocation(struct cb_store *s, const char *family_id, int retract)
{
	struct cb_vec v = CB_VEC_OWNING(cb_allocation_free_item);
	struct cb_allocation *a;
	struct cb_err err = {0};

	ck_assert_msg(cb_store_allocation_list(s, family_id, true, &v, &err) == 0, "%s", err.msg);
	ck_assert_uint_ge(v.len, 1);
	a = v.items[0];
	if (retract)
		ck_assert_msg(cb_store_allocation_retract(s, a->id, a->rev.version, "Made in error.",
		                                          &err) == 0, "%s", err.msg);
	else {
		cb_date_parse("2026-05-01", &a->until, NULL);
		ck_assert_msg(cb_store_allocation_correct(s, a, &err) == 0, "%s", err.msg);
	}
	cb_vec_clear(&v);
}

/* Every change that moves a family in or out of a worker's caseload, or
 * changes its reference, keeps caseload_mine right, and the first page
 * read from it is the page the slower query gives. */
START_TEST(caseload_mine_follows_every_change)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *w = tu_add_worker(s, "Tom Reed", "social-worker");
	struct cb_worker *v = tu_add_worker(s, "Ann Lee", "social-worker");
	struct cb_family *a = tu_add_family(s, "FS-3", "Price family");
	struct cb_family *b = tu_add_family(s, "FS-1", "Nguy\xe1\xbb\x85n family");
	struct cb_family *c = tu_add_family(s, "FS-2", "Kowalski family");
	struct cb_err err = {0};
	char *sql;

	ck_caseload_mine(0);
	allocate(s, a, w);
	allocate(s, b, w);
	allocate(s, c, v);
	ck_caseload_mine(3);
	CK_CASELOAD(s, w->id, NULL, "FS-1 FS-3");
	/* Ended, allocated again, and that made in error. */
	end_allocation(s, a->id, 0);
	ck_caseload_mine(2);
	CK_CASELOAD(s, w->id, NULL, "FS-1");
	allocate(s, a, w);
	ck_caseload_mine(3);
	CK_CASELOAD(s, w->id, NULL, "FS-1 FS-3");
	end_allocation(s, a->id, 1);
	ck_caseload_mine(2);
	CK_CASELOAD(s, w->id, NULL, "FS-1");
	/* A new reference moves the family in the order. */
	free(b->reference);
	b->reference = cb_strdup("FS-9");
	ck_assert_msg(cb_store_family_correct(s, b, &err) == 0, "%s", err.msg);
	ck_caseload_mine(2);
	allocate(s, c, w);
	CK_CASELOAD(s, w->id, NULL, "FS-2 FS-9");
	ck_caseload_mine(3);
	/* A retracted family leaves every caseload. */
	ck_assert_msg(cb_store_family_retract(s, c->id, c->rev.version, "Duplicate.", &err) == 0,
	              "%s", err.msg);
	ck_caseload_mine(1);
	CK_CASELOAD(s, w->id, NULL, "FS-9");
	CK_CASELOAD(s, v->id, NULL, "");
	/* Written by another program, straight into the tables (as a sync
	 * may): two allocations of one family to one worker are one row. */
	cb_store_close(&s);
	sql = cb_asprintf("INSERT INTO allocations VALUES ('" ID("31") "', " AT ", '%s', '%s');\n"
	                  "INSERT INTO allocation_versions (row_id, allocation_id, version, "
	                  "created_at, created_by, role, start_date) VALUES ('" ID("32") "', '"
	                  ID("31") "', 1, " AT ", 'social-worker', '2026-06-01');\n"
	                  "INSERT INTO allocations VALUES ('" ID("33") "', " AT ", '%s', '%s');\n"
	                  "INSERT INTO allocation_versions (row_id, allocation_id, version, "
	                  "created_at, created_by, role, start_date) VALUES ('" ID("34") "', '"
	                  ID("33") "', 1, " AT ", 'family-worker', '2026-06-01');\n",
	                  a->id, w->id, a->id, w->id);
	tu_raw_exec(dbpath, sql);
	free(sql);
	ck_caseload_mine(2);
	s = tu_open(dbpath);
	CK_CASELOAD(s, w->id, NULL, "FS-3 FS-9");
	cb_family_free(&a);
	cb_family_free(&b);
	cb_family_free(&c);
	cb_worker_free(&w);
	cb_worker_free(&v);
	cb_store_close(&s);
}
END_TEST

/* Search */

static int
collect_hit(const struct cb_search_hit *h, void *ctx)
{
	struct cb_buf *b = ctx;

	if (b->len > 0)
		cb_buf_addc(b, '|');
	cb_buf_addf(b, "%s %s %s %s", h->reference[0] != '\0' ? h->reference : "-", h->kind,
	            h->day[0] != '\0' ? h->day : "-", h->snippet);
	return 0;
}

/* Every hit for text (in family_id, if not NULL) as "REF kind day
 * snippet|...", best first. */
static char *
search(struct cb_store *s, const char *text, const char *family_id)
{
	struct cb_search_query q = {text, family_id, "[", "]", 0};
	struct cb_buf b = {0};
	struct cb_err err = {0};

	ck_assert_msg(cb_store_search_each(s, &q, collect_hit, &b, &err) == 0, "%s", err.msg);
	return cb_buf_take(&b);
}

#define CK_SEARCH(s, text, fam, want)                                            \
	do {                                                                       \
		char *got_ = search((s), (text), (fam));                          \
		ck_assert_msg(strcmp(got_, (want)) == 0, "search '%s': got '%s', want '%s'", \
		              (text), got_, (want));                                 \
		free(got_);                                                        \
	} while (0)

static struct cb_note *
add_note(struct cb_store *s, const struct cb_family *f, const char *day, const char *text)
{
	struct cb_note *n = cb_note_new();
	struct cb_err err = {0};

	memcpy(n->family_id, f->id, CB_UUID_LEN);
	ck_assert_int_eq(cb_date_parse(day, &n->date, NULL), 0);
	n->kind = cb_strdup("home-visit");
	n->text = cb_strdup(text);
	ck_assert_msg(cb_store_note_add(s, n, &err) == 0, "%s", err.msg);
	return n;
}

/* Names and notes are found however they are typed, the most recently
 * recorded first; a correction is found by its new words only, a
 * retraction not at all. */
START_TEST(search_finds_current_text)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *w = tu_add_worker(s, "Amira Haddad", "social-worker");
	struct cb_family *a, *b;
	struct cb_person *p;
	struct cb_note *n, *m;
	struct cb_err err = {0};
	char *text = NULL;

	cb_store_set_actor(s, w->id);
	a = tu_add_family(s, "FS-26-0142", "Gallagher family");
	b = tu_add_family(s, "FS-26-0150", "Price family");
	p = tu_add_person(s, a, "Siobh\xc3\xa1n Gallagher", CB_MEMBER_CHILD, NULL);
	n = add_note(s, a, "2026-05-02", "Visited at home. SIOBHAN said the boiler is broken.");
	m = add_note(s, b, "2026-05-03", "Spoke to the school about the boiler at the Prices'.");
	CK_SEARCH(s, "siobhan", NULL,
	          "FS-26-0142 note 2026-05-02 Visited at home. [SIOBHAN] said the boiler is broken.|"
	          "FS-26-0142 person - [Siobh\xc3\xa1n] Gallagher");
	CK_SEARCH(s, "Si\xc3\xb4\x62h", NULL,
	          "FS-26-0142 note 2026-05-02 Visited at home. [SIOBHAN] said the boiler is broken.|"
	          "FS-26-0142 person - [Siobh\xc3\xa1n] Gallagher");
	CK_SEARCH(s, "boiler broken", NULL,
	          "FS-26-0142 note 2026-05-02 Visited at home. SIOBHAN said the [boiler] is "
	          "[broken].");
	CK_SEARCH(s, "boiler", b->id,
	          "FS-26-0150 note 2026-05-03 Spoke to the school about the [boiler] at the "
	          "Prices'.");
	CK_SEARCH(s, "fs-26-015", NULL, "FS-26-0150 family - [FS-26-0150] Price family");
	/* Nothing typed is read as search syntax: no error, and quotes and
	 * signs are only punctuation. */
	CK_SEARCH(s, "\"boiler br", NULL,
	          "FS-26-0142 note 2026-05-02 Visited at home. SIOBHAN said the [boiler] is "
	          "[broken].");
	CK_SEARCH(s, "- * ( ) :", NULL, "");
	CK_SEARCH(s, "", NULL, "");
	CK_SEARCH(s, "NEAR(boiler", NULL, "");
	/* A correction replaces the words found. */
	free(n->text);
	n->text = cb_strdup("Visited at home. Siobh\xc3\xa1n said the heating is fixed.");
	ck_assert_msg(cb_store_note_correct(s, n, &err) == 0, "%s", err.msg);
	CK_SEARCH(s, "boiler", NULL,
	          "FS-26-0150 note 2026-05-03 Spoke to the school about the [boiler] at the "
	          "Prices'.");
	CK_SEARCH(s, "heating", NULL,
	          "FS-26-0142 note 2026-05-02 Visited at home. Siobh\xc3\xa1n said the [heating] "
	          "is fixed.");
	{
		struct cb_search_query q = {"heating", NULL, "<", ">", 0};

		ck_assert_msg(cb_store_search_text(s, &q, n->id, &text, &err) == 0, "%s", err.msg);
		ck_assert_str_eq(text, "Visited at home. Siobh\xc3\xa1n said the <heating> is fixed.");
		free(text);
	}
	/* A retraction is not found; nor is a retracted family's record. */
	ck_assert_msg(cb_store_note_retract(s, m->id, m->rev.version, "wrong family", &err) == 0,
	              "%s", err.msg);
	CK_SEARCH(s, "boiler", NULL, "");
	ck_assert_msg(cb_store_person_retract(s, p->id, p->rev.version, "not a member", &err) == 0,
	              "%s", err.msg);
	CK_SEARCH(s, "gallagher", NULL, "FS-26-0142 family - FS-26-0142 [Gallagher] family");
	ck_assert_msg(cb_store_family_retract(s, a->id, a->rev.version, "duplicate", &err) == 0,
	              "%s", err.msg);
	CK_SEARCH(s, "heating", NULL, "");
	CK_SEARCH(s, "gallagher", NULL, "");
	cb_note_free(&n);
	cb_note_free(&m);
	cb_person_free(&p);
	cb_family_free(&a);
	cb_family_free(&b);
	cb_worker_free(&w);
	cb_store_close(&s);
}
END_TEST

/* The records noted for search and not yet indexed, read beside casebook. */
static int
search_todo_count(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n;

	ck_assert_int_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM search_todo", -1, &st, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* Each save only notes its record; the commit indexes it. A version that
 * another program adds (here the sqlite3 library itself) is noted by the
 * same trigger, and indexed when casebook next opens the file. */
START_TEST(search_indexes_another_programs_version_at_open)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *w = tu_add_worker(s, "Amira Haddad", "social-worker");
	struct cb_family *a;
	struct cb_note *n;
	sqlite3 *db;
	char *sql, *err = NULL;

	cb_store_set_actor(s, w->id);
	a = tu_add_family(s, "FS-26-0142", "Gallagher family");
	n = add_note(s, a, "2026-05-01", "The kettle is broken.");
	CK_SEARCH(s, "kettle", NULL, "FS-26-0142 note 2026-05-01 The [kettle] is broken.");
	ck_assert_int_eq(search_todo_count(), 0);
	cb_store_close(&s);

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	sql = cb_asprintf("INSERT INTO note_versions (row_id, note_id, version, created_at, "
	                  "created_by, note_date, kind, body) VALUES "
	                  "('00000000-0000-4000-8000-00000000a001', '%s', 2, "
	                  "'2026-05-02T10:00:00.000Z', '%s', '2026-05-01', 'home-visit', "
	                  "'The heating is fixed.')",
	                  n->id, w->id);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK, "%s", err);
	free(sql);
	sqlite3_close(db);
	ck_assert_int_eq(search_todo_count(), 1);

	s = tu_open(dbpath);
	ck_assert_int_eq(search_todo_count(), 0);
	CK_SEARCH(s, "kettle", NULL, "");
	CK_SEARCH(s, "heating", NULL, "FS-26-0142 note 2026-05-01 The [heating] is fixed.");
	cb_note_free(&n);
	cb_family_free(&a);
	cb_worker_free(&w);
	cb_store_close(&s);
}
END_TEST

extern int st_search_hold(struct cb_store *s, struct cb_err *err);
extern int st_search_release(struct cb_store *s, struct cb_err *err);

/* While an import holds the search index, what is saved is only noted;
 * the release indexes the current text of each record noted, the newest
 * first as ever: a correction by its new words, a retraction not at all,
 * a record already indexed replaced. A rolled-back hold leaves nothing
 * held. */
START_TEST(search_held_then_released)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *w = tu_add_worker(s, "Amira Haddad", "social-worker");
	struct cb_family *a;
	struct cb_note *before, *n, *m;
	struct cb_err err = {0};

	cb_store_set_actor(s, w->id);
	a = tu_add_family(s, "FS-26-0142", "Gallagher family");
	before = add_note(s, a, "2026-05-01", "The kettle is broken.");
	ck_assert_msg(cb_store_begin(s, &err) == 0, "%s", err.msg);
	ck_assert_msg(st_search_hold(s, &err) == 0, "%s", err.msg);
	n = add_note(s, a, "2026-05-02", "The boiler is broken.");
	m = add_note(s, a, "2026-05-03", "The boiler was looked at by the landlord.");
	free(n->text);
	n->text = cb_strdup("The heating is fixed.");
	ck_assert_msg(cb_store_note_correct(s, n, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_store_note_retract(s, m->id, m->rev.version, "wrong family", &err) == 0,
	              "%s", err.msg);
	free(before->text);
	before->text = cb_strdup("The kettle was replaced.");
	ck_assert_msg(cb_store_note_correct(s, before, &err) == 0, "%s", err.msg);
	/* Held: the index is as it was. */
	CK_SEARCH(s, "heating", NULL, "");
	CK_SEARCH(s, "kettle", NULL, "FS-26-0142 note 2026-05-01 The [kettle] is broken.");
	ck_assert_msg(st_search_release(s, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_store_commit(s, &err) == 0, "%s", err.msg);
	CK_SEARCH(s, "boiler", NULL, "");
	CK_SEARCH(s, "heating", NULL, "FS-26-0142 note 2026-05-02 The [heating] is fixed.");
	CK_SEARCH(s, "kettle", NULL, "FS-26-0142 note 2026-05-01 The [kettle] was replaced.");
	CK_SEARCH(s, "the", NULL,
	          "FS-26-0142 note 2026-05-02 [The] heating is fixed.|"
	          "FS-26-0142 note 2026-05-01 [The] kettle was replaced.");
	/* Rolled back: the next save is indexed at once. */
	ck_assert_msg(cb_store_begin(s, &err) == 0, "%s", err.msg);
	ck_assert_msg(st_search_hold(s, &err) == 0, "%s", err.msg);
	cb_store_rollback(s);
	cb_note_free(&m);
	m = add_note(s, a, "2026-05-04", "Rang the school.");
	CK_SEARCH(s, "school", NULL, "FS-26-0142 note 2026-05-04 Rang the [school].");
	cb_note_free(&before);
	cb_note_free(&n);
	cb_note_free(&m);
	cb_family_free(&a);
	cb_worker_free(&w);
	cb_store_close(&s);
}
END_TEST

extern void st_flat_begin(struct cb_store *s);
extern int st_flat_end(struct cb_store *s, struct cb_err *err);

/* In a flat transaction (an import's writes) a write that fails cannot be
 * undone alone, having no savepoint: the transaction can then only be
 * rolled back, and its commit fails with nothing kept. */
START_TEST(flat_transaction_all_or_nothing)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *a, *b, *got = NULL;
	struct cb_note *n = cb_note_new();
	struct cb_err err = {0};

	a = tu_add_family(s, "FS-26-0001", "Ahmed family");
	ck_assert_msg(cb_store_begin(s, &err) == 0, "%s", err.msg);
	st_flat_begin(s);
	b = tu_add_family(s, "FS-26-0002", "Bello family");
	/* A note of a family that is not there: refused. */
	memcpy(n->family_id, "00000000-0000-4000-8000-00000000dead", CB_UUID_LEN);
	ck_assert_int_eq(cb_date_parse("2026-05-02", &n->date, NULL), 0);
	n->kind = cb_strdup("home-visit");
	n->text = cb_strdup("Visited.");
	ck_assert_int_ne(cb_store_note_add(s, n, &err), 0);
	ck_assert_int_ne(st_flat_end(s, &err), 0);
	ck_assert_int_ne(cb_store_commit(s, &err), 0);
	ck_assert_int_ne(cb_store_family_find_ref(s, "FS-26-0002", &got, &err), 0);
	ck_assert_int_eq(cb_store_family_find_ref(s, "FS-26-0001", &got, &err), 0);
	cb_family_free(&got);
	/* And a flat transaction whose writes all succeed keeps them. */
	ck_assert_msg(cb_store_begin(s, &err) == 0, "%s", err.msg);
	st_flat_begin(s);
	cb_family_free(&b);
	b = tu_add_family(s, "FS-26-0003", "Carter family");
	ck_assert_int_eq(st_flat_end(s, &err), 0);
	ck_assert_msg(cb_store_commit(s, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(cb_store_family_find_ref(s, "FS-26-0003", &got, &err), 0);
	cb_family_free(&got);
	cb_note_free(&n);
	cb_family_free(&a);
	cb_family_free(&b);
	cb_store_close(&s);
}
END_TEST

/* A database an older casebook left is given its search index when it is
 * opened, saying so on standard error while it works. */
START_TEST(upgrade_builds_search_index)
{
	struct cb_store *s;
	char *errpath = tu_path(dir, "stderr"), *said;
	int saved, fd;

	st_migration_limit = 2;
	s = tu_open(dbpath);
	cb_store_close(&s);
	tu_raw_exec(dbpath, old_rows);
	st_migration_limit = cb_store_schema_known();
	st_migrate_progress_ms = 0;
	fflush(stderr);
	saved = dup(2);
	fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	dup2(fd, 2);
	close(fd);
	s = tu_open(dbpath);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	st_migrate_progress_ms = 1000;
	said = tu_read(errpath, NULL);
	ck_assert_msg(strstr(said, "upgrading") != NULL && strstr(said, " done\n") != NULL,
	              "no progress line: '%s'", said);
	free(said);
	free(errpath);
	CK_SEARCH(s, "siobhan", NULL, "FS-26-0150 person - [Siobh\xc3\xa1n] Okafor");
	CK_SEARCH(s, "pris", NULL, "FS-26-0150 family - FS-26-0150 [Pr\xc3\xaes] family");
	CK_SEARCH(s, "price", NULL, "");
	cb_store_close(&s);
}
END_TEST

/* What a filter of one or two characters must find across the team: the
 * current families whose folded name, reference or members' names hold
 * it (folded as a filter is), in reference order, read straight from the
 * heads by SQL. */
static char *
short_expected(const char *gram, size_t *count, size_t limit)
{
	char *folded = cb_text_fold(gram);
	sqlite3 *db;
	sqlite3_stmt *st;
	struct cb_buf b = {0};

	ck_assert_int_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT f.reference FROM family_heads fh JOIN "
	                                        "family_versions f ON f.family_id = fh.family_id "
	                                        "AND f.version = fh.version WHERE fh.retracted = 0 "
	                                        "AND (instr(fh.name_fold, ?1) > 0 OR "
	                                        "instr(fh.ref_fold, ?1) > 0 OR "
	                                        "instr(fh.members_fold, ?1) > 0) ORDER BY "
	                                        "f.reference", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
	*count = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if ((*count)++ < limit)
			cb_buf_addf(&b, "%s%s", b.len > 0 ? " " : "", sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(folded);
	return cb_buf_take(&b);
}

/* The team's caseload filtered by gram, its count and its first page of
 * 20, agree with short_expected. */
static void
ck_short(struct cb_store *s, const char *gram)
{
	struct cb_caseload_query q = {NULL, gram, CB_SORT_REFERENCE, {2026, 6, 1}};
	struct cb_vec rows = CB_VEC_OWNING(cb_caseload_row_free_item);
	struct cb_err err = {0};
	struct cb_buf got = {0};
	size_t want_n, n = 0, total = 0, i;
	char *want = short_expected(gram, &want_n, 20);

	ck_assert_msg(cb_store_caseload_count(s, &q, &n, &err) == 0, "%s", err.msg);
	ck_assert_msg(n == want_n, "filter '%s': %zu families, want %zu", gram, n, want_n);
	ck_assert_msg(cb_store_caseload_page(s, &q, 0, 20, &rows, &total, &err) == 0, "%s",
	              err.msg);
	ck_assert_uint_eq(total, want_n);
	for (i = 0; i < rows.len; i++)
		cb_buf_addf(&got, "%s%s", i > 0 ? " " : "",
		            ((struct cb_caseload_row *)rows.items[i])->reference);
	ck_assert_msg(strcmp(cb_buf_str(&got), want) == 0, "filter '%s': got '%s', want '%s'", gram,
	              cb_buf_str(&got), want);
	cb_vec_clear(&rows);
	cb_buf_free(&got);
	free(want);
}

/* A filter of one or two characters across the team is counted and found
 * from the short index (bitmaps of families, 4,096 to a chunk, by the
 * families row's rowid): right in more than one chunk, with few and with
 * many found, and after every kind of change to a family's names. The
 * second chunk is reached by a families row of another program's at rowid
 * 4,500 (an id with no version, so no family), not by 4,096 families. */
START_TEST(short_filter_follows_every_change)
{
	static const char *const grams[] = {"n", "ng", "zb", "q", "-0", "41", "e ", "\xc5\x84",
	                                    "x", "zz", "a", "ow"};
	static const char *const surnames[] = {"Nguy\xe1\xbb\x85n", "Kowalski", "Price",
	                                      "Okafor", "Haddad", "Davies", "Zieli\xc5\x84ska",
	                                      "O'Brien", "Quayle", "Evans", "Ahmed"};
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *first = NULL, *last = NULL, *f;
	struct cb_person *p;
	struct cb_err err = {0};
	size_t k, g;

	for (k = 0; k < 600; k++) {
		char ref[32], name[64];

		if (k % 300 == 0)
			ck_assert_int_eq(cb_store_begin(s, NULL), 0);
		snprintf(ref, sizeof ref, "FS-%05zu", k);
		snprintf(name, sizeof name, "%s family", surnames[(k * 7) % 11]);
		f = tu_add_family(s, ref, name);
		if (k == 10)
			first = f;
		else if (k == 550)
			last = f;
		else
			cb_family_free(&f);
		if (k % 300 == 299) {
			ck_assert_int_eq(cb_store_commit(s, NULL), 0);
			if (k == 299)
				tu_raw_exec(dbpath, "INSERT INTO families (rowid, id, created_at, "
				                    "created_by) VALUES (4500, '" ID("99") "', " AT ");");
		}
	}
	/* The commit set the bits of every family it noted. */
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM family_grams_todo"), 0);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(DISTINCT chunk) FROM family_grams"), 2);
	for (g = 0; g < sizeof grams / sizeof *grams; g++)
		ck_short(s, grams[g]);
	/* Typed in capitals, or with a combining accent: folded first. */
	ck_short(s, "NG");
	ck_short(s, "n\xcc\x81");
	/* A member's name: a family is found by it. */
	p = tu_add_person(s, last, "Zbigniew Quayle", CB_MEMBER_CHILD, NULL);
	ck_short(s, "zb");
	ck_short(s, "q");
	/* A family renamed is found by its new name only; renamed twice in
	 * one transaction (as a sync fetches two versions), by the last. */
	ck_assert_int_eq(cb_store_begin(s, NULL), 0);
	free(first->name);
	first->name = cb_strdup("Quorn family");
	ck_assert_msg(cb_store_family_correct(s, first, &err) == 0, "%s", err.msg);
	free(first->name);
	first->name = cb_strdup("Zzyzx family");
	ck_assert_msg(cb_store_family_correct(s, first, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(cb_store_commit(s, NULL), 0);
	ck_short(s, "zz");
	ck_short(s, "ng");
	ck_short(s, "x");
	/* A member retracted, and a family retracted, are not found. */
	ck_assert_msg(cb_store_person_retract(s, p->id, p->rev.version, "entered in error",
	                                      &err) == 0, "%s", err.msg);
	ck_short(s, "zb");
	ck_assert_msg(cb_store_family_retract(s, first->id, first->rev.version, "duplicate",
	                                      &err) == 0, "%s", err.msg);
	ck_short(s, "zz");
	for (g = 0; g < sizeof grams / sizeof *grams; g++)
		ck_short(s, grams[g]);
	cb_store_close(&s);
	/* Read-only, the same. */
	ck_assert_msg(cb_store_open(dbpath, CB_STORE_READONLY, &s, &err) == 0, "%s", err.msg);
	for (g = 0; g < sizeof grams / sizeof *grams; g++)
		ck_short(s, grams[g]);
	cb_store_close(&s);
	cb_person_free(&p);
	cb_family_free(&first);
	cb_family_free(&last);
}
END_TEST

/* A family's names changed by another program are noted by the triggers
 * alone: a reader finds the family by its new name at once, even one
 * that cannot write the file, and the next writable open sets its bits. */
START_TEST(short_filter_kept_without_casebook)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *f = tu_add_family(s, "FS-26-0500", "Price family");
	struct cb_family *g = tu_add_family(s, "FS-26-0501", "Okafor family");
	struct cb_err err = {0};
	char *sql;

	cb_store_close(&s);
	sql = cb_asprintf("INSERT INTO family_versions (row_id, family_id, version, created_at, "
	                  "created_by, reference, name) VALUES ('" ID("31") "', '%s', 2, " AT
	                  ", 'FS-26-0500', 'Quayle family');", f->id);
	tu_raw_exec(dbpath, sql);
	free(sql);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM family_grams_todo"), 1);
	ck_assert_msg(cb_store_open(dbpath, CB_STORE_READONLY, &s, &err) == 0, "%s", err.msg);
	CK_CASELOAD(s, NULL, "qu", "FS-26-0500");
	CK_CASELOAD(s, NULL, "pr", "");
	CK_CASELOAD(s, NULL, "ua", "FS-26-0500");
	CK_CASELOAD(s, NULL, "ok", "FS-26-0501");
	cb_store_close(&s);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM family_grams_todo"), 1);
	s = tu_open(dbpath);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM family_grams_todo"), 0);
	CK_CASELOAD(s, NULL, "qu", "FS-26-0500");
	CK_CASELOAD(s, NULL, "pr", "");
	CK_CASELOAD(s, NULL, "ua", "FS-26-0500");
	cb_store_close(&s);
	/* A family noted while another program holds the file for writing:
	 * the open waits for the lock as any write does, then goes on without
	 * setting the bits, and the family is found as it is. */
	tu_raw_exec(dbpath, "INSERT INTO family_grams_todo (fam) SELECT rowid FROM families");
	{
		sqlite3 *db;

		ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
		ck_assert_int_eq(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
		ck_assert_msg(cb_store_open(dbpath, CB_STORE_OPEN, &s, &err) == 0, "%s", err.msg);
		CK_CASELOAD(s, NULL, "qu", "FS-26-0500");
		CK_CASELOAD(s, NULL, "ok", "FS-26-0501");
		cb_store_close(&s);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(db);
	}
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM family_grams_todo"), 2);
	s = tu_open(dbpath);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM family_grams_todo"), 0);
	CK_CASELOAD(s, NULL, "qu", "FS-26-0500");
	cb_store_close(&s);
	cb_family_free(&f);
	cb_family_free(&g);
}
END_TEST

/* The heads are kept by SQL alone: a version added by another program
 * (an administrator's sqlite3 session, without casebook's functions) is
 * accepted, is current at once, and has its name folded when casebook
 * next opens the file. */
START_TEST(heads_kept_without_casebook)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *f = tu_add_family(s, "FS-26-0300", "Price family");
	struct cb_family *got = NULL;
	struct cb_err err = {0};
	char *sql;

	cb_store_close(&s);
	sql = cb_asprintf(
	        "INSERT INTO family_versions (row_id, family_id, version, created_at, created_by, "
	        "reference, name) VALUES ('" ID("21") "', '%s', 2, " AT ", 'FS-26-0300', "
	        "'W\xc3\xb3jcik\xe2\x80\x93Price family');\n"
	        "INSERT INTO people VALUES ('" ID("22") "', " AT ", '%s');\n"
	        "INSERT INTO person_versions (row_id, person_id, version, created_at, created_by, "
	        "name, role) VALUES ('" ID("23") "', '" ID("22") "', 1, " AT ", "
	        "'\xc5\x81ucja \xc3\x98stergaard', 'child');\n"
	        "INSERT INTO workers VALUES ('" ID("24") "', " AT ");\n"
	        "INSERT INTO worker_versions (row_id, worker_id, version, created_at, created_by, "
	        "name, role) VALUES ('" ID("25") "', '" ID("24") "', 1, " AT ", "
	        "'Zo\xc3\xab \xc3\x81lvarez', 'social-worker');\n",
	        f->id, f->id);
	tu_raw_exec(dbpath, sql);
	free(sql);
	s = tu_open(dbpath);
	CK_CASELOAD(s, NULL, "wojcik-price", "FS-26-0300");
	CK_CASELOAD(s, NULL, "lucja ostergaard", "FS-26-0300");
	ck_assert_msg(cb_store_family_find_ref(s, "fs-26-0300", &got, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(got->rev.version, 2);
	cb_family_free(&got);
	{
		struct cb_worker *w = NULL;

		ck_assert_msg(cb_store_worker_find(s, "zoe alvarez", &w, &err) == 0, "%s", err.msg);
		ck_assert_str_eq(w->id, ID("24"));
		cb_worker_free(&w);
	}
	CK_SEARCH(s, "lucja", NULL, "FS-26-0300 person - [Lucja] Ostergaard");
	cb_family_free(&f);
	cb_store_close(&s);
}
END_TEST

/* A read-only look opens the file read-only: nothing it does can write,
 * and a file an older casebook left is refused rather than upgraded. */
START_TEST(read_only_open_cannot_write)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *f = tu_add_family(s, "FS-26-0400", "Price family"), *g = NULL;
	struct cb_err err = {0};
	int families;

	cb_family_free(&f);
	cb_store_close(&s);
	families = tu_raw_int(dbpath, "SELECT count(*) FROM family_versions");
	ck_assert_msg(cb_store_open(dbpath, CB_STORE_READONLY, &s, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_store_family_find_ref(s, "fs-26-0400", &g, &err) == 0, "%s", err.msg);
	cb_family_free(&g);
	f = cb_family_new();
	f->reference = cb_strdup("FS-26-0401");
	f->name = cb_strdup("Okafor family");
	ck_assert_int_ne(cb_store_family_add(s, f, &err), 0);
	cb_family_free(&f);
	cb_store_close(&s);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM family_versions"), families);

	/* An older schema. */
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
	setup();
	st_migration_limit = 2;
	s = tu_open(dbpath);
	cb_store_close(&s);
	st_migration_limit = cb_store_schema_known();
	ck_assert_int_ne(cb_store_open(dbpath, CB_STORE_READONLY, &s, &err), 0);
	ck_assert_msg(strstr(err.msg, "bring it up to date") != NULL, "%s", err.msg);
	ck_assert_int_eq(tu_raw_int(dbpath, "PRAGMA user_version"), 2);
}
END_TEST

/* A database of n families whose family_versions table then has a page
 * damaged: the header, the schema and the version still read, so only a
 * check of every page finds it. Returns the file's bytes as damaged. */
static void
damaged_db(int n)
{
	struct cb_store *s = tu_open(dbpath);
	sqlite3 *db;
	sqlite3_stmt *st;
	int root = 0, pagesize = 0, k;
	size_t len;
	char *bytes;

	ck_assert_int_eq(cb_store_begin(s, NULL), 0);
	for (k = 0; k < n; k++) {
		char ref[32];
		struct cb_family *f;

		snprintf(ref, sizeof ref, "FS-%05d", k);
		f = tu_add_family(s, ref, "A family with a name long enough to fill pages");
		cb_family_free(&f);
	}
	ck_assert_int_eq(cb_store_commit(s, NULL), 0);
	cb_store_close(&s);
	ck_assert_int_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_master WHERE "
	                                        "name = 'family_versions'", -1, &st, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	root = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	pagesize = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	ck_assert_int_gt(root, 1);
	bytes = tu_read(dbpath, &len);
	ck_assert_uint_gt(len, (size_t)root * (size_t)pagesize);
	/* The table's root page: a b-tree page of no known type. */
	bytes[(size_t)(root - 1) * (size_t)pagesize] = 0x07;
	tu_write(dbpath, bytes, len);
	free(bytes);
}

static int
open_mode(enum cb_store_mode mode, struct cb_err *err)
{
	struct cb_store *s = NULL;
	int rc = cb_store_open(dbpath, mode, &s, err);

	cb_store_close(&s);
	return rc;
}

/* An ordinary open reads the header, the schema and the version only, so
 * it takes the same time at any size; init reads every page of a file it
 * takes on, and refuses a damaged one. */
START_TEST(damaged_file_refused_at_adoption)
{
	struct cb_err err = {0};
	char *before, *after;
	size_t blen, alen;

	damaged_db(300);
	before = tu_read(dbpath, &blen);
	ck_assert_msg(open_mode(CB_STORE_OPEN, &err) == 0, "%s", err.msg);
	ck_assert_int_ne(open_mode(CB_STORE_ADOPT, &err), 0);
	ck_assert_int_eq(err.code, CB_ECORRUPT);
	ck_assert_ptr_nonnull(strstr(err.msg, "damaged"));
	ck_assert_ptr_nonnull(strstr(err.msg, "not changed"));
	after = tu_read(dbpath, &alen);
	ck_assert_uint_eq(alen, blen);
	ck_assert(memcmp(before, after, blen) == 0);
	free(before);
	free(after);
}
END_TEST

/* A workbook that ended without closing the database leaves its marker;
 * the next open reads every page, and refuses a damaged file. A clean
 * exit leaves no marker. */
START_TEST(damaged_file_refused_after_unclean_exit)
{
	struct cb_store *s;
	struct cb_err err = {0};
	char *marker;
	pid_t pid;
	int status;

	damaged_db(300);
	/* A clean exit. */
	s = tu_open(dbpath);
	ck_assert_int_eq(cb_store_mark_in_use(s, &err), 0);
	marker = cb_asprintf("%s-open-%ld", dbpath, (long)getpid());
	ck_assert_int_eq(access(marker, F_OK), 0);
	cb_store_close(&s);
	ck_assert_int_ne(access(marker, F_OK), 0);
	free(marker);
	ck_assert_msg(open_mode(CB_STORE_OPEN, &err) == 0, "%s", err.msg);
	/* A crash: the process ends with the database open. */
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct cb_store *c = NULL;

		if (cb_store_open(dbpath, CB_STORE_OPEN, &c, NULL) != 0 ||
		    cb_store_mark_in_use(c, NULL) != 0)
			_exit(1);
		_exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	marker = cb_asprintf("%s-open-%ld", dbpath, (long)pid);
	ck_assert_int_eq(access(marker, F_OK), 0);
	ck_assert_int_ne(open_mode(CB_STORE_OPEN, &err), 0);
	ck_assert_int_eq(err.code, CB_ECORRUPT);
	/* ... every time, until the file is sound again. */
	ck_assert_int_ne(open_mode(CB_STORE_CREATE, &err), 0);
	ck_assert_int_eq(err.code, CB_ECORRUPT);
	ck_assert_int_eq(access(marker, F_OK), 0);
	free(marker);
}
END_TEST

/* After an unclean exit a sound file opens, and its marker is cleared. */
START_TEST(sound_file_after_unclean_exit)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *f = tu_add_family(s, "FS-1", "Price family");
	struct cb_err err = {0};
	char *marker;
	pid_t pid;
	int status;

	cb_store_close(&s);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct cb_store *c = NULL;

		if (cb_store_open(dbpath, CB_STORE_OPEN, &c, NULL) != 0 ||
		    cb_store_mark_in_use(c, NULL) != 0)
			_exit(1);
		_exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	marker = cb_asprintf("%s-open-%ld", dbpath, (long)pid);
	ck_assert_int_eq(access(marker, F_OK), 0);
	ck_assert_msg(open_mode(CB_STORE_OPEN, &err) == 0, "%s", err.msg);
	ck_assert_int_ne(access(marker, F_OK), 0);
	/* A marker of a process still running is left alone. */
	s = tu_open(dbpath);
	ck_assert_int_eq(cb_store_mark_in_use(s, &err), 0);
	free(marker);
	marker = cb_asprintf("%s-open-%ld", dbpath, (long)getpid());
	ck_assert_msg(open_mode(CB_STORE_OPEN, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(access(marker, F_OK), 0);
	ck_assert_int_eq(cb_store_check(s, &err), 0);
	ck_assert_int_eq(access(marker, F_OK), 0);
	cb_store_close(&s);
	ck_assert_int_ne(access(marker, F_OK), 0);
	free(marker);
	cb_family_free(&f);
}
END_TEST

/* Query plans. Every statement the store prepares while the workbook
 * starts, opens a family and its chronology, filters the caseload and
 * saves a family is explained; none may read a whole table or index
 * (a SCAN without a search key), except the whole team's caseload, which
 * walks the families in reference order (or, to count and filter, their
 * folded heads, one short row each). */
static struct cb_vec seen = CB_VEC_OWNING(free);

static void
remember(const char *sql)
{
	size_t i;

	for (i = 0; i < seen.len; i++)
		if (strcmp(seen.items[i], sql) == 0)
			return;
	cb_vec_push(&seen, cb_strdup(sql));
}

/* The scans a statement's plan holds, one a line, "SCAN x" or "SCAN x
 * USING ..."; the whole plan goes to *plan. */
static void
explain(sqlite3 *db, const char *sql, char **plan, int *full_scans, char *scans, size_t len)
{
	char *q = cb_asprintf("EXPLAIN QUERY PLAN %s", sql);
	struct cb_buf b = {0}, subs = {0};
	sqlite3_stmt *st;

	*full_scans = 0;
	scans[0] = '\0';
	ck_assert_msg(sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK, "%s: %s",
	              sqlite3_errmsg(db), sql);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);

		cb_buf_addf(&b, "  %s\n", d);
		/* The rows of a subquery already run (a page of the caseload),
		 * not a table: "CO-ROUTINE f" then "SCAN f". */
		if (strncmp(d, "CO-ROUTINE ", 11) == 0 || strncmp(d, "MATERIALIZE ", 12) == 0) {
			cb_buf_addf(&subs, ";SCAN %s;", strchr(d, ' ') + 1);
			continue;
		}
		if (subs.len > 0) {
			char *key = cb_asprintf(";%s;", d);
			bool sub = strstr(cb_buf_str(&subs), key) != NULL;

			free(key);
			if (sub)
				continue;
		}
		/* A partial index of the heads left unfolded, and the families
		 * the short filter's index has still to take in: empty but for
		 * the rows they exist to find. */
		if (strstr(d, "_unfolded") != NULL || strcmp(d, "SCAN todo") == 0)
			continue;
		/* The families a short filter found, passed as a list. */
		if (strncmp(d, "SCAN json_each VIRTUAL TABLE", 28) == 0)
			continue;
		/* The search and filter indexes, by their words or trigrams
		 * (an M after the colon: MATCH, alone or with a rowid "="). */
		if (strstr(d, " VIRTUAL TABLE INDEX ") != NULL && strchr(d, ':') != NULL &&
		    strchr(strchr(d, ':'), 'M') != NULL)
			continue;
		if (strncmp(d, "SCAN ", 5) == 0 && strstr(d, " USING ") == NULL &&
		    strcmp(d, "SCAN CONSTANT ROW") != 0 && strncmp(d, "SCAN (subquery", 14) != 0) {
			(*full_scans)++;
			strncat(scans, d, len - strlen(scans) - 2);
			strcat(scans, ";");
		}
		if (strncmp(d, "SCAN ", 5) == 0 && strstr(d, " USING ") != NULL &&
		    strstr(d, "(") == NULL) {
			/* The whole of an index, with no key. */
			(*full_scans)++;
			strncat(scans, d, len - strlen(scans) - 2);
			strcat(scans, ";");
		}
	}
	sqlite3_finalize(st);
	free(q);
	cb_buf_free(&subs);
	*plan = cb_buf_take(&b);
}

/* The release that indexes what saves noted runs at every commit that
 * noted a record: each of its statements reads the todo tables first,
 * and every other table by a key, never the whole of one (as when the
 * caseload filter's release read every family's head at each save). */
START_TEST(search_release_reads_the_todo_first)
{
	static const char *const triggers[] = {"search_release", "family_find_release"};
	struct cb_store *s = tu_open(dbpath);
	sqlite3 *db;
	size_t t;
	int statements = 0, bad = 0;

	cb_store_close(&s);
	ck_assert_int_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (t = 0; t < sizeof triggers / sizeof *triggers; t++) {
		sqlite3_stmt *st;
		char *body, *stmt, *next;

		ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE "
		                                        "type = 'trigger' AND name = ?1",
		                                    -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, triggers[t], -1, SQLITE_STATIC);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		body = cb_strdup(strstr((const char *)sqlite3_column_text(st, 0), " BEGIN ") + 7);
		sqlite3_finalize(st);
		*strstr(body, "; END") = '\0';
		for (stmt = body; stmt != NULL; stmt = next) {
			char *q;

			if ((next = strstr(stmt, "; ")) != NULL) {
				*next = '\0';
				next += 2;
			}
			q = cb_asprintf("EXPLAIN QUERY PLAN %s", stmt);
			ck_assert_msg(sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK, "%s: %s",
			              sqlite3_errmsg(db), stmt);
			while (sqlite3_step(st) == SQLITE_ROW) {
				const char *d = (const char *)sqlite3_column_text(st, 3);
				bool todo = strncmp(d, "SCAN t ", 7) == 0 || strcmp(d, "SCAN t") == 0 ||
				            strncmp(d, "SCAN td", 7) == 0 ||
				            strncmp(d, "SCAN search_todo", 16) == 0 ||
				            strncmp(d, "SCAN family_find_todo", 21) == 0;
				bool by_rowid = strstr(d, " VIRTUAL TABLE INDEX 0:=") != NULL;

				if (strncmp(d, "SCAN ", 5) == 0 && !todo && !by_rowid &&
				    strcmp(d, "SCAN CONSTANT ROW") != 0) {
					fprintf(stderr, "%s: %s\n  in %s\n", triggers[t], d, stmt);
					bad++;
				}
			}
			sqlite3_finalize(st);
			free(q);
			statements++;
		}
		free(body);
	}
	sqlite3_close(db);
	ck_assert_int_ge(statements, 15);
	ck_assert_msg(bad == 0, "%d scans of a whole table in the release (see above)", bad);
}
END_TEST

/* The scans a team-wide caseload statement may make. */
static bool
team_scan_allowed(const char *sql, const char *scans)
{
	/* A worker by part of a name: the team's workers, a few short rows. */
	if (strstr(sql, "instr(h.name_fold, ?2)") != NULL)
		return strcmp(scans, "SCAN h USING COVERING INDEX worker_heads_name;") == 0;
	if (strstr(sql, "AND ?1 IS NULL") == NULL)
		return false;
	/* Sorted by name, rating or supervision: every current family. */
	return strcmp(scans, "SCAN fh;") == 0 || strcmp(scans, "SCAN h;") == 0 ||
	       strcmp(scans, "SCAN f USING INDEX family_versions_reference;") == 0 ||
	       strcmp(scans, "SCAN v USING INDEX family_versions_reference;") == 0;
}

START_TEST(hot_queries_use_indexes)
{
	struct cb_store *s = NULL;
	struct cb_family *fam = NULL, *nf;
	struct cb_worker *w = NULL;
	struct cb_caseload_query q = {NULL, NULL, CB_SORT_REFERENCE, {2026, 11, 27}};
	struct cb_vec v = CB_VEC_OWNING(NULL);
	struct cb_err err = {0};
	sqlite3 *db;
	char *cmd;
	size_t i, count;
	int bad = 0, sort, rc;

	cmd = cb_asprintf("\"$CASEBOOK\" import \"%s\"/data/sample/*.yaml --db '%s' >/dev/null",
	                  tu_srcdir(), dbpath);
	rc = system(cmd);
	free(cmd);
	ck_assert_int_eq(rc, 0);
	/* Written by an import, which holds the filter's index to the end. */
	ck_caseload_mine(-1);
	ck_assert_msg(cb_store_open(dbpath, CB_STORE_OPEN, &s, &err) == 0, "%s", err.msg);
	st_prepare_hook = remember;
	ck_assert_msg(cb_store_worker_find(s, "priya raman", &w, &err) == 0, "%s", err.msg);
	/* The caseload, mine and the team's, each sort, with and without a
	 * filter. */
	for (sort = CB_SORT_REFERENCE; sort <= CB_SORT_SUPERVISION; sort++) {
		q.sort = (enum cb_caseload_sort)sort;
		q.worker_id = w->id;
		q.filter = NULL;
		ck_assert_int_eq(cb_store_caseload_count(s, &q, &count, &err), 0);
		v.free_item = cb_caseload_row_free_item;
		ck_assert_int_eq(cb_store_caseload(s, &q, 0, 20, &v, &err), 0);
		cb_vec_clear(&v);
		q.filter = "nguyen";
		ck_assert_int_eq(cb_store_caseload_count(s, &q, &count, &err), 0);
		ck_assert_int_eq(cb_store_caseload(s, &q, 0, 20, &v, &err), 0);
		cb_vec_clear(&v);
		q.worker_id = NULL;
		ck_assert_int_eq(cb_store_caseload_count(s, &q, &count, &err), 0);
		ck_assert_int_eq(cb_store_caseload(s, &q, 0, 20, &v, &err), 0);
		cb_vec_clear(&v);
		/* One or two characters: the short index; few found or many. */
		q.filter = "ng";
		ck_assert_int_eq(cb_store_caseload_count(s, &q, &count, &err), 0);
		ck_assert_int_eq(cb_store_caseload(s, &q, 0, 20, &v, &err), 0);
		cb_vec_clear(&v);
		q.filter = "a";
		ck_assert_int_eq(cb_store_caseload(s, &q, 0, 20, &v, &err), 0);
		cb_vec_clear(&v);
	}
	/* Opening a family: its record, members, series and chronology. */
	ck_assert_msg(cb_store_family_find_ref(s, "fs-26-0391", &fam, &err) == 0, "%s", err.msg);
	cb_family_free(&fam);
	ck_assert_msg(cb_store_family_find_ref(s, "FS-26-0142", &fam, &err) == 0, "%s", err.msg);
	cb_family_free(&fam);
	ck_assert_int_eq(cb_store_family_find_ref(s, "FS-26-0142", &fam, &err), 0);
	ck_assert_int_eq(cb_store_family_get(s, fam->id, &nf, &err), 0);
	cb_family_free(&nf);
	v.free_item = cb_person_free_item;
	ck_assert_int_eq(cb_store_person_list(s, fam->id, &v, &err), 0);
	for (i = 0; i < v.len; i++) {
		struct cb_vec sts = CB_VEC_OWNING(cb_status_free_item);

		ck_assert_int_eq(cb_store_status_list(s, ((struct cb_person *)v.items[i])->id,
		                                      &sts, &err), 0);
		cb_vec_clear(&sts);
	}
	cb_vec_clear(&v);
	v.free_item = cb_allocation_free_item;
	ck_assert_int_eq(cb_store_allocation_list(s, fam->id, true, &v, &err), 0);
	cb_vec_clear(&v);
	v.free_item = cb_stage_record_free_item;
	ck_assert_int_eq(cb_store_stage_current(s, fam->id, &v, &err), 0);
	ck_assert_uint_gt(v.len, 0);
	cb_vec_clear(&v);
	v.free_item = cb_rating_free_item;
	ck_assert_int_eq(cb_store_rating_list(s, fam->id, &v, &err), 0);
	cb_vec_clear(&v);
	v.free_item = cb_goal_free_item;
	ck_assert_int_eq(cb_store_goal_list(s, fam->id, &v, &err), 0);
	cb_vec_clear(&v);
	v.free_item = cb_action_free_item;
	ck_assert_int_eq(cb_store_action_list(s, fam->id, true, &v, &err), 0);
	cb_vec_clear(&v);
	/* The overdue actions, mine (from my allocations) and the team's. */
	ck_assert_int_eq(cb_store_action_overdue(s, w->id, q.today, &v, &err), 0);
	cb_vec_clear(&v);
	ck_assert_int_eq(cb_store_action_overdue(s, NULL, q.today, &v, &err), 0);
	cb_vec_clear(&v);
	v.free_item = cb_meeting_free_item;
	ck_assert_int_eq(cb_store_meeting_list_family(s, fam->id, &v, &err), 0);
	cb_vec_clear(&v);
	v.free_item = cb_note_free_item;
	ck_assert_int_eq(cb_store_note_list(s, fam->id, false, &v, &err), 0);
	cb_vec_clear(&v);
	ck_assert_int_eq(cb_store_chronology_count(s, fam->id, false, &count, &err), 0);
	ck_assert_uint_gt(count, 0);
	v.free_item = cb_event_free_item;
	ck_assert_int_eq(cb_store_chronology(s, fam->id, false, 0, 20, &v, &err), 0);
	cb_vec_clear(&v);
	ck_assert_int_eq(cb_store_chronology(s, fam->id, true, 0, 20, &v, &err), 0);
	cb_vec_clear(&v);
	/* Searching everything, and one family. */
	{
		struct cb_search_query sq = {"siobhan drink", NULL, "[", "]", 20};
		struct cb_buf hits = {0};

		ck_assert_int_eq(cb_store_search_each(s, &sq, collect_hit, &hits, &err), 0);
		ck_assert_uint_gt(hits.len, 0);
		cb_buf_free(&hits);
		sq.family_id = fam->id;
		ck_assert_int_eq(cb_store_search_each(s, &sq, collect_hit, &hits, &err), 0);
		cb_buf_free(&hits);
	}
	/* Saving a family checks its reference. */
	nf = tu_add_family(s, "FS-26-9999", "Okafor family");
	cb_family_free(&nf);
	st_prepare_hook = NULL;
	cb_family_free(&fam);
	cb_worker_free(&w);
	cb_store_close(&s);

	ck_assert_int_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (i = 0; i < seen.len; i++) {
		const char *sql = seen.items[i];
		char scans[512], *plan;
		int full;

		if (strncmp(sql, "SELECT", 6) != 0 && strncmp(sql, "WITH", 4) != 0)
			continue;
		explain(db, sql, &plan, &full, scans, sizeof scans);
		if (full > 0 && !team_scan_allowed(sql, scans)) {
			fprintf(stderr, "FULL SCAN (%s) in:\n%s\n%s\n", scans, sql, plan);
			bad++;
		}
		free(plan);
	}
	sqlite3_close(db);
	ck_assert_uint_gt(seen.len, 20);
	cb_vec_clear(&seen);
	ck_assert_msg(bad == 0, "%d statements read a whole table (see above)", bad);
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
	tcase_add_test(tc, caseload_mine_follows_every_change);
	tcase_add_test(tc, waiting_count_kept_up_to_date);
	tcase_add_test(tc, upgrade_fills_folded_names);
	tcase_add_test(tc, read_only_open_cannot_write);
	suite_add_tcase(s, tc);
	tc = tcase_create("search");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, search_finds_current_text);
	tcase_add_test(tc, search_held_then_released);
	tcase_add_test(tc, search_indexes_another_programs_version_at_open);
	tcase_add_test(tc, flat_transaction_all_or_nothing);
	tcase_add_test(tc, upgrade_builds_search_index);
	tcase_add_test(tc, heads_kept_without_casebook);
	tcase_add_test(tc, short_filter_follows_every_change);
	tcase_add_test(tc, short_filter_kept_without_casebook);
	suite_add_tcase(s, tc);
	tc = tcase_create("integrity");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, damaged_file_refused_at_adoption);
	tcase_add_test(tc, damaged_file_refused_after_unclean_exit);
	tcase_add_test(tc, sound_file_after_unclean_exit);
	suite_add_tcase(s, tc);
	tc = tcase_create("plans");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, hot_queries_use_indexes);
	tcase_add_test(tc, search_release_reads_the_todo_first);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(perf_suite());
}
