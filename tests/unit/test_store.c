/* SPDX-License-Identifier: MIT */
/* store: real SQLite files in a temporary folder. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/store.h"
#include "casebook/store_drafts.h"
#include "casebook/store_families.h"
#include "casebook/store_notes.h"
#include "casebook/store_workers.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "faultvfs.h"
#include "storeutil.h"
#include "testutil.h"

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
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
}

START_TEST(migrates_from_empty)
{
	struct cb_store *s = tu_open(dbpath);

	ck_assert_int_eq(cb_store_schema_version(s), cb_store_schema_known());
	cb_store_close(&s);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(tu_raw_int(dbpath, "PRAGMA user_version"), cb_store_schema_known());
	ck_assert_int_eq(tu_raw_int(dbpath, "PRAGMA application_id"), 0x43424B31);
	ck_assert_int_gt(tu_raw_int(dbpath, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), 10);
	/* Opening again is a no-op upgrade. */
	s = tu_open(dbpath);
	cb_store_close(&s);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM worker_versions"), 1);
}
END_TEST

START_TEST(connection_settings)
{
	struct cb_store *s = tu_open(dbpath);

	cb_store_close(&s);
	ck_assert_int_eq(tu_raw_int(dbpath, "PRAGMA journal_mode = WAL") >= 0, 1);
	{
		sqlite3 *db;
		sqlite3_stmt *st;

		ck_assert_int_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
}
END_TEST

START_TEST(created_private)
{
	struct stat sb;
	char *nested = tu_path(dir, "deeper/still/case.db");
	char *folder = tu_path(dir, "deeper/still");
	struct cb_store *s = NULL;
	struct cb_err err = {0};

	umask(022);
	ck_assert_int_eq(cb_store_open(nested, CB_STORE_CREATE, &s, &err), 0);
	cb_store_close(&s);
	ck_assert_int_eq(stat(nested, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(stat(folder, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0700);
	free(nested);
	free(folder);
}
END_TEST

START_TEST(missing_file_not_created_without_create)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};

	ck_assert_int_ne(cb_store_open(dbpath, CB_STORE_OPEN, &s, &err), 0);
	ck_assert_int_eq(err.code, CB_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(err.msg, "casebook init"));
	ck_assert_int_ne(access(dbpath, F_OK), 0);
}
END_TEST

START_TEST(unwritable_place_is_reported)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};

	ck_assert_int_ne(cb_store_open("/proc/casebook-no-such/case.db", CB_STORE_CREATE, &s, &err), 0);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot create"));
}
END_TEST

static void
assert_refused_unchanged(const char *content, size_t len, enum cb_errcode want)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	size_t after_len;
	char *after;

	tu_write(dbpath, content, len);
	ck_assert_int_ne(cb_store_open(dbpath, CB_STORE_CREATE, &s, &err), 0);
	ck_assert_ptr_null(s);
	ck_assert_msg(err.code == want, "code %d, wanted %d: %s", err.code, want, err.msg);
	ck_assert_ptr_nonnull(strstr(err.msg, "not changed"));
	after = tu_read(dbpath, &after_len);
	ck_assert_uint_eq(after_len, len);
	ck_assert(memcmp(after, content, len) == 0);
	free(after);
}

START_TEST(junk_file_refused)
{
	static const char junk[] = "Family,Reference\nPrice,FS-1\n";

	assert_refused_unchanged(junk, sizeof junk - 1, CB_ENOTDB);
}
END_TEST

START_TEST(foreign_sqlite_refused)
{
	size_t len;
	char *bytes;

	tu_raw_exec(dbpath, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')");
	bytes = tu_read(dbpath, &len);
	assert_refused_unchanged(bytes, len, CB_ENOTDB);
	free(bytes);
}
END_TEST

START_TEST(newer_schema_refused)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_err err = {0};
	char *sql, *bytes, *after;
	size_t len, after_len;

	cb_store_close(&s);
	sql = cb_asprintf("PRAGMA user_version = %d", cb_store_schema_known() + 1);
	tu_raw_exec(dbpath, sql);
	free(sql);
	bytes = tu_read(dbpath, &len);
	ck_assert_int_ne(cb_store_open(dbpath, CB_STORE_OPEN, &s, &err), 0);
	ck_assert_int_eq(err.code, CB_ENEWER);
	ck_assert_ptr_nonnull(strstr(err.msg, "newer casebook"));
	after = tu_read(dbpath, &after_len);
	ck_assert_uint_eq(len, after_len);
	ck_assert(memcmp(bytes, after, len) == 0);
	free(bytes);
	free(after);
}
END_TEST

START_TEST(corrupt_file_refused)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *f;
	size_t len, i;
	char *bytes;
	int k;

	/* Enough rows to fill several pages, then damage them. */
	for (k = 0; k < 40; k++) {
		char ref[32];

		snprintf(ref, sizeof ref, "FS-%04d", k);
		f = tu_add_family(s, ref, "A family with a long enough name to take room");
		cb_family_free(&f);
	}
	cb_store_close(&s);
	bytes = tu_read(dbpath, &len);
	ck_assert_uint_gt(len, 8192);
	for (i = 4096 + 100; i < len; i += 7)
		bytes[i] = (char)(bytes[i] ^ 0x5A);
	assert_refused_unchanged(bytes, len, CB_ECORRUPT);
	free(bytes);
}
END_TEST

START_TEST(truncated_file_refused)
{
	static const char head[] = "SQLite format 3";

	assert_refused_unchanged(head, sizeof head, CB_ENOTDB);
}
END_TEST

START_TEST(corrections_keep_history)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *w = tu_add_worker(s, "Amira Haddad", "social-worker");
	struct cb_family *f, *got = NULL;
	struct cb_vec hist = CB_VEC_OWNING(cb_family_free_item);
	struct cb_err err = {0};
	char row1[CB_UUID_LEN];

	cb_store_set_actor(s, w->id);
	f = tu_add_family(s, "FS-24-0117", "Price family");
	memcpy(row1, f->rev.row_id, CB_UUID_LEN);
	ck_assert_int_eq(f->rev.version, 1);
	free(f->name);
	f->name = cb_strdup("Price-Okafor family");
	ck_assert_msg(cb_store_family_correct(s, f, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(f->rev.version, 2);
	ck_assert_str_ne(f->rev.row_id, row1);

	ck_assert_int_eq(cb_store_family_get(s, f->id, &got, &err), 0);
	ck_assert_str_eq(got->name, "Price-Okafor family");
	ck_assert_str_eq(got->rev.created_by_name, "Amira Haddad");
	cb_family_free(&got);

	ck_assert_int_eq(cb_store_family_history(s, f->id, &hist, &err), 0);
	ck_assert_uint_eq(hist.len, 2);
	ck_assert_str_eq(((struct cb_family *)hist.items[0])->name, "Price family");
	ck_assert_str_eq(((struct cb_family *)hist.items[1])->name, "Price-Okafor family");
	cb_vec_clear(&hist);

	/* A correction made from an old copy is refused, not lost silently. */
	f->rev.version = 1;
	ck_assert_int_ne(cb_store_family_correct(s, f, &err), 0);
	ck_assert_int_eq(err.code, CB_ESTALE);
	ck_assert_ptr_nonnull(strstr(err.msg, "changed elsewhere"));

	cb_family_free(&f);
	cb_worker_free(&w);
	cb_store_close(&s);
}
END_TEST

START_TEST(retraction_needs_reason_and_keeps_history)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *f = tu_add_family(s, "FS-1", "Gallagher family");
	struct cb_family *got = NULL;
	struct cb_vec hist = CB_VEC_OWNING(cb_family_free_item);
	struct cb_err err = {0};
	struct cb_family *last;

	ck_assert_int_ne(cb_store_family_retract(s, f->id, 1, "  ", &err), 0);
	ck_assert_int_eq(err.code, CB_EINVAL);
	ck_assert_int_eq(cb_store_family_retract(s, f->id, 1, "opened in error", &err), 0);
	ck_assert_int_ne(cb_store_family_get(s, f->id, &got, &err), 0);
	ck_assert_int_eq(err.code, CB_ENOTFOUND);
	ck_assert_int_eq(cb_store_family_history(s, f->id, &hist, &err), 0);
	ck_assert_uint_eq(hist.len, 2);
	last = hist.items[1];
	ck_assert(last->rev.retracted);
	ck_assert_str_eq(last->rev.reason, "opened in error");
	ck_assert_str_eq(last->name, "Gallagher family");
	cb_vec_clear(&hist);
	/* The reference is free again for a real family. */
	cb_family_free(&f);
	f = tu_add_family(s, "FS-1", "Whitlock family");
	cb_family_free(&f);
	cb_store_close(&s);
}
END_TEST

START_TEST(history_cannot_be_rewritten)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *f = tu_add_family(s, "FS-2", "Nguyễn family");
	sqlite3 *db;
	char *err = NULL;

	cb_family_free(&f);
	cb_store_close(&s);
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE family_versions SET name = 'x'", NULL, NULL, &err),
	                 SQLITE_OK);
	ck_assert_ptr_nonnull(strstr(err, "never changed"));
	sqlite3_free(err);
	ck_assert_int_ne(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, &err), SQLITE_OK);
	ck_assert_ptr_nonnull(strstr(err, "never deleted"));
	sqlite3_free(err);
	sqlite3_close(db);
}
END_TEST

START_TEST(duplicate_reference_refused)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *f = tu_add_family(s, "FS-3", "Price family");
	struct cb_family *g = cb_family_new();
	struct cb_err err = {0};

	g->reference = cb_strdup("FS-3");
	g->name = cb_strdup("Another family");
	ck_assert_int_ne(cb_store_family_add(s, g, &err), 0);
	ck_assert_int_eq(err.code, CB_EEXIST);
	cb_family_free(&f);
	cb_family_free(&g);
	cb_store_close(&s);
}
END_TEST

START_TEST(people_statuses_allocations)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *w = tu_add_worker(s, "Tom Reed", "social-worker");
	struct cb_family *f = tu_add_family(s, "FS-4", "Kowalski family");
	struct cb_person *mum = tu_add_person(s, f, "Łukasz Kowalski", CB_MEMBER_PARENT, "1988-03-02");
	struct cb_person *kid = tu_add_person(s, f, "Zoë Kowalski", CB_MEMBER_CHILD, "2016-08-02");
	struct cb_person *baby = tu_add_person(s, f, "Maja Kowalski", CB_MEMBER_CHILD, "2024-01-20");
	struct cb_status *st = cb_status_new();
	struct cb_allocation *a = cb_allocation_new();
	struct cb_vec v = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec rows = CB_VEC_OWNING(cb_family_row_free_item);
	struct cb_vec sts = CB_VEC_OWNING(cb_status_free_item);
	struct cb_err err = {0};
	struct cb_family_row *r;

	ck_assert_int_eq(cb_store_person_list(s, f->id, &v, &err), 0);
	ck_assert_uint_eq(v.len, 3);
	/* Children first, oldest first; then adults. */
	ck_assert_str_eq(((struct cb_person *)v.items[0])->name, "Zoë Kowalski");
	ck_assert_str_eq(((struct cb_person *)v.items[1])->name, "Maja Kowalski");
	ck_assert_str_eq(((struct cb_person *)v.items[2])->name, "Łukasz Kowalski");
	cb_vec_clear(&v);

	memcpy(st->person_id, kid->id, CB_UUID_LEN);
	st->status = cb_strdup("cp");
	cb_date_parse("2026-05-14", &st->from, NULL);
	st->need = cb_strdup("N1");
	st->factors = cb_strdup("3A 3B");
	/* CP needs its category. */
	ck_assert_int_ne(cb_store_status_add(s, st, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "category"));
	st->cp_category = cb_strdup("EMO");
	ck_assert_msg(cb_store_status_add(s, st, &err) == 0, "%s", err.msg);
	/* A parent has no status. */
	memcpy(st->person_id, mum->id, CB_UUID_LEN);
	st->id[0] = '\0';
	ck_assert_int_ne(cb_store_status_add(s, st, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "only a child"));
	/* A later step-down to CIN is a new entry in the series. */
	memcpy(st->person_id, kid->id, CB_UUID_LEN);
	st->id[0] = '\0';
	free(st->status);
	st->status = cb_strdup("cin");
	cb_freep(&st->cp_category);
	cb_date_parse("2026-10-01", &st->from, NULL);
	ck_assert_msg(cb_store_status_add(s, st, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(cb_store_status_list(s, kid->id, &sts, &err), 0);
	ck_assert_uint_eq(sts.len, 2);
	ck_assert_str_eq(((struct cb_status *)sts.items[0])->status, "cp");
	ck_assert_str_eq(((struct cb_status *)sts.items[1])->status, "cin");
	cb_vec_clear(&sts);

	memcpy(a->family_id, f->id, CB_UUID_LEN);
	memcpy(a->worker_id, w->id, CB_UUID_LEN);
	a->role = cb_strdup("social-worker");
	cb_date_parse("2026-04-01", &a->from, NULL);
	ck_assert_msg(cb_store_allocation_add(s, a, &err) == 0, "%s", err.msg);

	ck_assert_int_eq(cb_store_family_rows(s, &rows, &err), 0);
	ck_assert_uint_eq(rows.len, 1);
	r = rows.items[0];
	ck_assert_str_eq(r->reference, "FS-4");
	ck_assert_str_eq(r->children, "Zoë Kowalski: CIN; Maja Kowalski");
	ck_assert_str_eq(r->workers, "Tom Reed");
	cb_vec_clear(&rows);

	/* The same worker twice is refused while the first is current. */
	{
		struct cb_allocation *dup = cb_allocation_new();
		struct cb_vec hist = CB_VEC_OWNING(cb_allocation_free_item);

		memcpy(dup->family_id, f->id, CB_UUID_LEN);
		memcpy(dup->worker_id, w->id, CB_UUID_LEN);
		dup->role = cb_strdup("child-practitioner");
		ck_assert_int_ne(cb_store_allocation_add(s, dup, &err), 0);
		ck_assert_int_eq(err.code, CB_EEXIST);
		ck_assert_ptr_nonnull(strstr(err.msg, "Tom Reed is already allocated"));

		/* The allocation ends: a new version with an end date. */
		cb_date_parse("2026-11-01", &a->until, NULL);
		ck_assert_int_eq(cb_store_allocation_correct(s, a, &err), 0);
		ck_assert_int_eq(cb_store_family_rows(s, &rows, &err), 0);
		ck_assert_str_eq(((struct cb_family_row *)rows.items[0])->workers, "");
		cb_vec_clear(&rows);

		/* Once it has ended, they can be allocated again; a mistaken one
		 * is retracted with a reason and stays in its history. */
		ck_assert_msg(cb_store_allocation_add(s, dup, &err) == 0, "%s", err.msg);
		ck_assert_int_ne(cb_store_allocation_retract(s, dup->id, dup->rev.version, "", &err), 0);
		ck_assert_int_eq(cb_store_allocation_retract(s, dup->id, dup->rev.version,
		                                             "allocated by mistake", &err), 0);
		ck_assert_int_eq(cb_store_allocation_list(s, f->id, false, &hist, &err), 0);
		ck_assert_uint_eq(hist.len, 1);
		cb_vec_clear(&hist);
		ck_assert_int_eq(cb_store_allocation_history(s, dup->id, &hist, &err), 0);
		ck_assert_uint_eq(hist.len, 2);
		ck_assert(((struct cb_allocation *)hist.items[1])->rev.retracted);
		cb_vec_clear(&hist);
		/* The retracted one is still found for its history, the ended
		 * one is not retracted. */
		ck_assert_int_eq(cb_store_allocation_retracted(s, f->id, &hist, &err), 0);
		ck_assert_uint_eq(hist.len, 1);
		ck_assert_str_eq(((struct cb_allocation *)hist.items[0])->id, dup->id);
		ck_assert_str_eq(((struct cb_allocation *)hist.items[0])->rev.reason,
		                 "allocated by mistake");
		ck_assert_str_eq(((struct cb_allocation *)hist.items[0])->worker_name, "Tom Reed");
		cb_vec_clear(&hist);
		cb_allocation_free(&dup);
	}

	cb_status_free(&st);
	cb_allocation_free(&a);
	cb_person_free(&mum);
	cb_person_free(&kid);
	cb_person_free(&baby);
	cb_family_free(&f);
	cb_worker_free(&w);
	cb_store_close(&s);
}
END_TEST

START_TEST(workers_found_by_name)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *a = tu_add_worker(s, "Siobhán Byrne", "team-manager");
	struct cb_worker *b = tu_add_worker(s, "Sam Lee", "social-worker");
	struct cb_worker *c = tu_add_worker(s, "Sam Lee", "recovery-worker");
	struct cb_worker *got = NULL;
	struct cb_vec all = CB_VEC_OWNING(cb_worker_free_item);
	struct cb_err err = {0};

	ck_assert_int_eq(cb_store_worker_find(s, "siobhán byrne", &got, &err) == 0 ||
	                 cb_store_worker_find(s, "Siobhán Byrne", &got, &err) == 0, 1);
	ck_assert_str_eq(got->id, a->id);
	cb_worker_free(&got);
	ck_assert_int_ne(cb_store_worker_find(s, "Sam Lee", &got, &err), 0);
	ck_assert_int_eq(err.code, CB_EINVAL);
	ck_assert_int_eq(cb_store_worker_find(s, c->id, &got, &err), 0);
	ck_assert_str_eq(got->role, "recovery-worker");
	cb_worker_free(&got);
	ck_assert_int_ne(cb_store_worker_find(s, "Nobody", &got, &err), 0);
	ck_assert_int_eq(err.code, CB_ENOTFOUND);
	/* The system author is never listed. */
	ck_assert_int_eq(cb_store_worker_list(s, &all, &err), 0);
	ck_assert_uint_eq(all.len, 3);
	cb_vec_clear(&all);
	cb_worker_free(&a);
	cb_worker_free(&b);
	cb_worker_free(&c);
	cb_store_close(&s);
}
END_TEST

/* A worker's language: none until chosen, the newest choice counts,
 * "" goes back to the computer's own; a bad code or an unknown worker is
 * refused with nothing kept, and the history cannot be rewritten. */
START_TEST(worker_language_kept)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *a = tu_add_worker(s, "Siân Morgan", "social-worker");
	struct cb_worker *b = tu_add_worker(s, "Sam Lee", "social-worker");
	struct cb_err err = {0};
	char lang[CB_LANG_LEN], *msg = NULL;
	sqlite3 *db;

	ck_assert_int_eq(cb_store_worker_language(s, a->id, lang, &err), 0);
	ck_assert_str_eq(lang, "");
	ck_assert_int_eq(cb_store_worker_set_language(s, a->id, "cy", &err), 0);
	ck_assert_int_eq(cb_store_worker_language(s, a->id, lang, &err), 0);
	ck_assert_str_eq(lang, "cy");
	/* Sam's is his own. */
	ck_assert_int_eq(cb_store_worker_language(s, b->id, lang, &err), 0);
	ck_assert_str_eq(lang, "");
	ck_assert_int_ne(cb_store_worker_set_language(s, a->id, "CY", &err), 0);
	ck_assert_int_eq(err.code, CB_EINVAL);
	ck_assert_int_ne(cb_store_worker_set_language(s, a->id, "c'y", &err), 0);
	ck_assert_int_ne(cb_store_worker_set_language(s, a->id, "cymraeg", &err), 0);
	ck_assert_int_ne(cb_store_worker_set_language(s, "00000000-0000-4000-8000-000000000099",
	                                              "en", &err), 0);
	ck_assert_int_eq(err.code, CB_ENOTFOUND);
	ck_assert_int_eq(cb_store_worker_language(s, a->id, lang, &err), 0);
	ck_assert_str_eq(lang, "cy");
	ck_assert_int_eq(cb_store_worker_set_language(s, a->id, "", &err), 0);
	ck_assert_int_eq(cb_store_worker_language(s, a->id, lang, &err), 0);
	ck_assert_str_eq(lang, "");
	cb_worker_free(&a);
	cb_worker_free(&b);
	cb_store_close(&s);
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE worker_languages SET lang = 'en'", NULL, NULL,
	                              &msg), SQLITE_OK);
	ck_assert_ptr_nonnull(strstr(msg, "never changed"));
	sqlite3_free(msg);
	sqlite3_close(db);
}
END_TEST

/* Every text goes into the database in Normalization Form C, however it
 * was typed, and a lookup typed either way finds it. */
START_TEST(text_stored_in_nfc)
{
	struct cb_store *s = tu_open(dbpath);
	/* Siobhán and Zoë with combining accents. */
	struct cb_worker *w = tu_add_worker(s, "Siobha\xcc\x81n Byrne", "social-worker");
	struct cb_worker *got = NULL;
	struct cb_family *f;
	struct cb_note *n = cb_note_new();
	struct cb_err err = {0};

	cb_store_set_actor(s, w->id);
	f = tu_add_family(s, "FS-7", "Zoe\xcc\x88 Price family");
	memcpy(n->family_id, f->id, CB_UUID_LEN);
	cb_date_parse("2026-06-03", &n->date, NULL);
	n->kind = cb_strdup("home-visit");
	n->text = cb_strdup("Nguye\xcc\x82\xcc\x83n family visited.");
	ck_assert_int_eq(cb_store_note_add(s, n, &err), 0);
	cb_store_close(&s);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM worker_versions WHERE name = "
	                                 "'Siobh\xc3\xa1n Byrne'"), 1);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM family_versions WHERE name = "
	                                 "'Zo\xc3\xab Price family'"), 1);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM note_versions WHERE body = "
	                                 "'Nguy\xe1\xbb\x85n family visited.'"), 1);
	s = tu_open(dbpath);
	ck_assert_int_eq(cb_store_worker_find(s, "Siobh\xc3\xa1n Byrne", &got, &err), 0);
	ck_assert_str_eq(got->name, "Siobh\xc3\xa1n Byrne");
	cb_worker_free(&got);
	ck_assert_int_eq(cb_store_worker_find(s, "Siobha\xcc\x81n Byrne", &got, &err), 0);
	cb_worker_free(&got);
	cb_note_free(&n);
	cb_family_free(&f);
	cb_worker_free(&w);
	cb_store_close(&s);
}
END_TEST

START_TEST(notes_versions_and_significance)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_worker *w = tu_add_worker(s, "Amira Haddad", "social-worker");
	struct cb_family *f;
	struct cb_note *n = cb_note_new(), *m = cb_note_new();
	struct cb_vec list = CB_VEC_OWNING(cb_note_free_item);
	struct cb_err err = {0};

	cb_store_set_actor(s, w->id);
	f = tu_add_family(s, "FS-5", "Whitlock family");
	memcpy(n->family_id, f->id, CB_UUID_LEN);
	cb_date_parse("2026-06-03", &n->date, NULL);
	n->kind = cb_strdup("home-visit");
	n->text = cb_strdup("");
	ck_assert_int_ne(cb_store_note_add(s, n, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "empty"));
	free(n->text);
	n->text = cb_strdup("Saw Zoë at home; she said \"it's calmer now\".");
	ck_assert_int_eq(cb_store_note_add(s, n, &err), 0);
	memcpy(m->family_id, f->id, CB_UUID_LEN);
	cb_date_parse("2026-06-10", &m->date, NULL);
	m->kind = cb_strdup("phone-call");
	m->text = cb_strdup("Police called: incident at the home overnight.");
	m->significant = true;
	ck_assert_int_eq(cb_store_note_add(s, m, &err), 0);

	ck_assert_int_eq(cb_store_note_list(s, f->id, false, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	ck_assert_str_eq(((struct cb_note *)list.items[0])->kind, "phone-call"); /* newest first */
	ck_assert_str_eq(((struct cb_note *)list.items[1])->author_name, "Amira Haddad");
	cb_vec_clear(&list);
	ck_assert_int_eq(cb_store_note_list(s, f->id, true, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	cb_vec_clear(&list);

	free(n->text);
	n->text = cb_strdup("Saw Zoë at home with her mum; she said \"it's calmer now\".");
	ck_assert_int_eq(cb_store_note_correct(s, n, &err), 0);
	ck_assert_int_eq(cb_store_note_history(s, n->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	ck_assert_ptr_nonnull(strstr(((struct cb_note *)list.items[0])->text, "at home;"));
	cb_vec_clear(&list);

	cb_note_free(&n);
	cb_note_free(&m);
	cb_family_free(&f);
	cb_worker_free(&w);
	cb_store_close(&s);
}
END_TEST

START_TEST(nested_transactions)
{
	struct cb_store *s = tu_open(dbpath);
	struct cb_family *f = NULL, *got = NULL;
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_person *p;
	struct cb_err err = {0};

	ck_assert_int_eq(cb_store_begin(s, &err), 0);
	f = tu_add_family(s, "FS-6", "Haddad family");
	ck_assert_int_eq(cb_store_begin(s, &err), 0);
	p = tu_add_person(s, f, "سارة حداد", CB_MEMBER_PARENT, NULL);
	cb_store_rollback(s);
	ck_assert_int_eq(cb_store_commit(s, &err), 0);
	ck_assert_int_eq(cb_store_family_get(s, f->id, &got, &err), 0);
	ck_assert_int_eq(cb_store_person_list(s, f->id, &people, &err), 0);
	ck_assert_uint_eq(people.len, 0);
	cb_vec_clear(&people);
	cb_person_free(&p);
	cb_family_free(&got);
	cb_family_free(&f);
	cb_store_close(&s);
}
END_TEST

static size_t
count_notes(struct cb_store *s, const char *family_id)
{
	struct cb_vec list = CB_VEC_OWNING(cb_note_free_item);
	struct cb_err err = {0};
	size_t n;

	ck_assert_int_eq(cb_store_note_list(s, family_id, false, &list, &err), 0);
	n = list.len;
	cb_vec_clear(&list);
	return n;
}

static struct cb_note *
try_note(struct cb_store *s, const char *family_id, const char *text, struct cb_err *err,
         int *rc)
{
	struct cb_note *n = cb_note_new();

	memcpy(n->family_id, family_id, CB_UUID_LEN);
	cb_date_parse("2026-07-01", &n->date, NULL);
	n->kind = cb_strdup("case-note");
	n->text = cb_strdup(text);
	*rc = cb_store_note_add(s, n, err);
	return n;
}

START_TEST(full_disk_keeps_what_was_saved)
{
	struct cb_store *s;
	struct cb_family *f;
	struct cb_note *n;
	struct cb_err err = {0};
	bool written = true;
	int rc;

	fault_vfs_install();
	s = tu_open(dbpath);
	f = tu_add_family(s, "FS-7", "Price family");
	n = try_note(s, f->id, "saved before the disk filled", &err, &rc);
	ck_assert_int_eq(rc, 0);
	cb_note_free(&n);

	fault_vfs_set(FAULT_WRITE_FULL);
	n = try_note(s, f->id, "typed while the disk was full", &err, &rc);
	fault_vfs_set(FAULT_NONE);
	ck_assert_int_ne(rc, 0);
	ck_assert_int_eq(err.code, CB_EFULL);
	ck_assert_ptr_nonnull(strstr(err.msg, "disk is full"));
	cb_store_close(&s);

	s = tu_open(dbpath);
	ck_assert_uint_eq(count_notes(s, f->id), 1);
	ck_assert_int_eq(cb_store_written(s, n->rev.row_id, &written, &err), 0);
	ck_assert(!written);
	cb_note_free(&n);
	cb_family_free(&f);
	cb_store_close(&s);
}
END_TEST

/* Each class of SQLite failure reaches the user as its own sentence (the
 * mapping in st_error_class), from the disk failing on purpose: none falls
 * through to a catch-all, and a failure while opening changes nothing. */
START_TEST(sqlite_errors_are_sentences)
{
	static const struct {
		enum fault_mode mode;
		bool at_open;
		enum cb_errcode code;
		const char *says;
	} cases[] = {
		{FAULT_OPEN_CANTOPEN, true, CB_ENOTFOUND, "could not be opened"},
		{FAULT_OPEN_PERM, true, CB_EREADONLY, "does not let casebook use"},
		{FAULT_READ_IO, true, CB_EIO, "error while reading"},
		{FAULT_READ_JUNK, true, CB_ECORRUPT, "is damaged"},
		{FAULT_WRITE_FULL, false, CB_EFULL, "disk is full"},
		{FAULT_WRITE_IO, false, CB_EIO, "not known whether"},
		{FAULT_SYNC_IO, false, CB_EIO, "not known whether"},
		{FAULT_WRITE_RO, false, CB_EREADONLY, "cannot be written"},
		{FAULT_LOCK_BUSY, false, CB_EBUSY, "busy in another casebook"},
	};
	size_t i;

	fault_vfs_install();
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cb_store *s = tu_open(dbpath);
		struct cb_family *f = tu_add_family(s, "FS-9", "Okafor family");
		struct cb_err err = {0};
		struct cb_note *n = NULL;
		char *before, *after;
		size_t blen, alen;
		int rc;

		if (cases[i].at_open) {
			cb_store_close(&s);
			before = tu_read(dbpath, &blen);
			fault_vfs_set(cases[i].mode);
			rc = cb_store_open(dbpath, CB_STORE_OPEN, &s, &err);
			fault_vfs_set(FAULT_NONE);
			after = tu_read(dbpath, &alen);
			ck_assert_msg(blen == alen && memcmp(before, after, blen) == 0,
			              "case %zu: opening changed the file", i);
			ck_assert_msg(strstr(err.msg, "not changed") != NULL,
			              "case %zu: does not say the file is unchanged: %s", i, err.msg);
			free(before);
			free(after);
		} else {
			fault_vfs_set(cases[i].mode);
			n = try_note(s, f->id, "written while the disk fails", &err, &rc);
			fault_vfs_set(FAULT_NONE);
		}
		ck_assert_msg(rc != 0, "case %zu: did not fail", i);
		ck_assert_msg(err.code == cases[i].code, "case %zu: %s, not %s: %s", i,
		              cb_err_name(err.code), cb_err_name(cases[i].code), err.msg);
		ck_assert_msg(strstr(err.msg, cases[i].says) != NULL, "case %zu: %s", i, err.msg);
		ck_assert_msg(strstr(err.msg, "check the path and its permissions") == NULL,
		              "case %zu: the catch-all sentence: %s", i, err.msg);
		ck_assert_msg(strstr(err.msg, "readonly database") == NULL,
		              "case %zu: SQLite's words, not a sentence: %s", i, err.msg);
		cb_note_free(&n);
		cb_family_free(&f);
		cb_store_close(&s);
		unlink(dbpath);
	}
}
END_TEST

START_TEST(io_error_outcome_is_read_back)
{
	static const enum fault_mode modes[] = {FAULT_WRITE_IO, FAULT_SYNC_IO};
	size_t i;

	fault_vfs_install();
	for (i = 0; i < 2; i++) {
		struct cb_store *s;
		struct cb_family *f;
		struct cb_note *n, *got = NULL;
		struct cb_err err = {0};
		bool written;
		int rc;

		unlink(dbpath);
		s = tu_open(dbpath);
		f = tu_add_family(s, "FS-8", "Gallagher family");
		fault_vfs_set(modes[i]);
		n = try_note(s, f->id, "the outcome of this save is unknown", &err, &rc);
		fault_vfs_set(FAULT_NONE);
		ck_assert_int_ne(rc, 0);
		ck_assert_int_eq(err.code, CB_EIO);
		ck_assert_ptr_nonnull(strstr(err.msg, "not known whether"));
		cb_store_close(&s);

		/* Reopen and ask, rather than saving again: the answer must
		 * match what is really there. */
		s = tu_open(dbpath);
		ck_assert_int_eq(cb_store_written(s, n->rev.row_id, &written, &err), 0);
		rc = cb_store_note_get(s, n->id, &got, &err);
		ck_assert_int_eq(written, rc == 0);
		ck_assert_uint_eq(count_notes(s, f->id), written ? 1 : 0);
		cb_note_free(&got);
		cb_note_free(&n);
		cb_family_free(&f);
		cb_store_close(&s);
		unlink(dbpath);
	}
}
END_TEST

/* A draft that cannot be written on a full disk is reported as not
 * kept, and the draft kept before it is still there, unchanged: the
 * editor can then say so honestly. */
START_TEST(full_disk_draft_is_reported)
{
	struct cb_store *s;
	struct cb_worker *w;
	struct cb_draft d = {0}, *got = NULL;
	struct cb_err err = {0};

	fault_vfs_install();
	s = tu_open(dbpath);
	w = tu_add_worker(s, "Amira Haddad", "social-worker");
	cb_store_set_actor(s, w->id);
	d.key = "note:new:x";
	d.title = "New note";
	d.body = "Khoa makes his mum's tea";
	ck_assert_int_eq(cb_store_draft_put(s, &d, &err), 0);

	fault_vfs_set(FAULT_WRITE_FULL);
	d.body = "Khoa makes his mum's tea every night";
	ck_assert_int_ne(cb_store_draft_put(s, &d, &err), 0);
	fault_vfs_set(FAULT_NONE);
	ck_assert_int_eq(err.code, CB_EFULL);
	ck_assert_ptr_nonnull(strstr(err.msg, "disk is full"));
	/* A draft under a new key on a full disk: no row at all. */
	fault_vfs_set(FAULT_WRITE_FULL);
	d.key = "note:new:y";
	ck_assert_int_ne(cb_store_draft_put(s, &d, &err), 0);
	fault_vfs_set(FAULT_NONE);
	cb_store_close(&s);

	s = tu_open(dbpath);
	cb_store_set_actor(s, w->id);
	ck_assert_int_eq(cb_store_draft_get(s, "note:new:x", &got, &err), 0);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got->body, "Khoa makes his mum's tea");
	cb_draft_free(&got);
	ck_assert_int_eq(cb_store_draft_get(s, "note:new:y", &got, &err), 0);
	ck_assert_ptr_null(got);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM drafts"), 1);
	cb_store_close(&s);
	cb_worker_free(&w);
}
END_TEST

/* An existing file of ours that others could read is made 0600 when it
 * is opened for writing, empty or not; a pipe is refused untouched. */
START_TEST(existing_file_made_private)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct stat sb;
	char *fifo = tu_path(dir, "pipe");
	int fd = open(dbpath, O_WRONLY | O_CREAT | O_EXCL, 0644);

	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(chmod(dbpath, 0644), 0);
	ck_assert_msg(cb_store_open(dbpath, CB_STORE_CREATE, &s, &err) == 0, "%s", err.msg);
	cb_store_close(&s);
	ck_assert_int_eq(stat(dbpath, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);

	ck_assert_int_eq(chmod(dbpath, 0664), 0);
	ck_assert_msg(cb_store_open(dbpath, CB_STORE_OPEN, &s, &err) == 0, "%s", err.msg);
	cb_store_close(&s);
	ck_assert_int_eq(stat(dbpath, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_ne(cb_store_open(fifo, CB_STORE_CREATE, &s, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "a pipe"));
	ck_assert_int_eq(stat(fifo, &sb), 0);
	ck_assert(S_ISFIFO(sb.st_mode));
	free(fifo);
}
END_TEST

START_TEST(backup_is_sound)
{
	struct cb_store *s = tu_open(dbpath), *b = NULL;
	struct cb_family *f = tu_add_family(s, "FS-9", "Nguyễn family"), *got = NULL;
	char *to = tu_path(dir, "backup.db");
	struct cb_err err = {0};
	struct stat sb;

	ck_assert_msg(cb_store_backup(s, to, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(stat(to, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_ne(cb_store_backup(s, to, &err), 0);
	ck_assert_int_eq(err.code, CB_EEXIST);
	cb_store_close(&s);
	ck_assert_int_eq(cb_store_open(to, CB_STORE_OPEN, &b, &err), 0);
	ck_assert_int_eq(cb_store_check(b, &err), 0);
	ck_assert_int_eq(cb_store_family_find_ref(b, "FS-9", &got, &err), 0);
	ck_assert_str_eq(got->name, "Nguyễn family");
	cb_family_free(&got);
	cb_store_close(&b);
	ck_assert_int_eq(tu_raw_int(dbpath, "SELECT count(*) FROM audit WHERE action = 'backup'"), 1);
	cb_family_free(&f);
	free(to);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, migrates_from_empty);
	tcase_add_test(tc, text_stored_in_nfc);
	tcase_add_test(tc, connection_settings);
	tcase_add_test(tc, created_private);
	tcase_add_test(tc, missing_file_not_created_without_create);
	tcase_add_test(tc, unwritable_place_is_reported);
	tcase_add_test(tc, junk_file_refused);
	tcase_add_test(tc, foreign_sqlite_refused);
	tcase_add_test(tc, newer_schema_refused);
	tcase_add_test(tc, corrupt_file_refused);
	tcase_add_test(tc, truncated_file_refused);
	tcase_add_test(tc, corrections_keep_history);
	tcase_add_test(tc, retraction_needs_reason_and_keeps_history);
	tcase_add_test(tc, history_cannot_be_rewritten);
	tcase_add_test(tc, duplicate_reference_refused);
	tcase_add_test(tc, people_statuses_allocations);
	tcase_add_test(tc, workers_found_by_name);
	tcase_add_test(tc, worker_language_kept);
	tcase_add_test(tc, notes_versions_and_significance);
	tcase_add_test(tc, nested_transactions);
	tcase_add_test(tc, full_disk_keeps_what_was_saved);
	tcase_add_test(tc, io_error_outcome_is_read_back);
	tcase_add_test(tc, sqlite_errors_are_sentences);
	tcase_add_test(tc, full_disk_draft_is_reported);
	tcase_add_test(tc, existing_file_made_private);
	tcase_add_test(tc, backup_is_sound);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(store_suite());
}
