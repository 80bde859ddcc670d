/* SPDX-License-Identifier: MIT */
/* The audit of a database open for reading only: kept in a 0600 file in
 * the state folder, then added to the audit by the next open that can
 * write, with the times it was made. Real files, the real store. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_audit.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "testutil.h"

#define MARK "recorded while read-only, added "

static char *dir;
static char *dbpath;
static char *state;

static void
setup(void)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};

	dir = tu_tmpdir();
	dbpath = tu_path(dir, "case.db");
	state = tu_path(dir, "state");
	setenv("XDG_STATE_HOME", state, 1);
	ck_assert_msg(cb_store_open(dbpath, CB_STORE_CREATE, &s, &err) == 0, "%s", err.msg);
	cb_store_close(&s);
}

static void
teardown(void)
{
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
	free(state);
}

/* Open for reading only, record n looks (details given), close; the
 * pending file's path is returned (owned). */
static char *
read_only_looks(const char *const *details, size_t n)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char *path;
	size_t i;

	ck_assert_msg(cb_store_open(dbpath, CB_STORE_READONLY, &s, &err) == 0, "%s", err.msg);
	ck_assert(cb_store_readonly(s));
	for (i = 0; i < n; i++)
		ck_assert_msg(cb_store_audit(s, "read", "families", NULL, details[i], &err) == 0, "%s",
		              err.msg);
	path = cb_store_pending_audit_path(s);
	ck_assert_ptr_nonnull(path);
	cb_store_close(&s);
	return path;
}

/* The entries merged from read-only looks, in order. */
static void
merged_rows(struct cb_vec *out)
{
	struct cb_vec rows = CB_VEC_OWNING(cb_audit_row_free_item);
	struct cb_audit_filter f = {0};
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	size_t i;

	ck_assert_msg(cb_store_open(dbpath, CB_STORE_OPEN, &s, &err) == 0, "%s", err.msg);
	ck_assert(!cb_store_readonly(s));
	ck_assert_msg(cb_store_audit_list(s, &f, &rows, &err) == 0, "%s", err.msg);
	for (i = 0; i < rows.len; i++) {
		struct cb_audit_row *r = rows.items[i];

		if (r->detail != NULL && strncmp(r->detail, MARK, strlen(MARK)) == 0) {
			cb_vec_push(out, r);
			rows.items[i] = NULL;
		}
	}
	cb_vec_clear(&rows);
	cb_store_close(&s);
}

START_TEST(kept_aside_then_merged_with_their_times)
{
	const char *details[] = {"list", "a\ttab, a\nnewline and a \\ backslash"};
	struct cb_vec rows = CB_VEC_OWNING(cb_audit_row_free_item);
	struct stat sb;
	char *path = read_only_looks(details, 2), *text, *line, *stamp, *folder;
	size_t len;
	const struct cb_audit_row *r;

	/* Private, in a private folder, one header and one line a look. */
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	folder = tu_path(state, "casebook");
	ck_assert_int_eq(stat(folder, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0700);
	free(folder);
	text = tu_read(path, &len);
	ck_assert_int_eq(strncmp(text, "casebook read-only audit 1\t", 27), 0);
	line = strchr(text, '\n') + 1;
	ck_assert_ptr_nonnull(strchr(line, '\n'));
	/* The time of the first look, as the file has it. */
	stamp = cb_strndup(strchr(line, '\t') + 1, CB_STAMP_LEN - 1);
	free(text);

	merged_rows(&rows);
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_uint_eq(rows.len, 2);
	r = rows.items[0];
	ck_assert_str_eq(r->at, stamp);
	ck_assert_str_eq(r->action, "read");
	ck_assert_str_eq(r->entity, "families");
	ck_assert_ptr_nonnull(strstr(r->detail, ": list"));
	r = rows.items[1];
	ck_assert_ptr_nonnull(strstr(r->detail, details[1]));
	ck_assert_ptr_nonnull(r->os_user);
	cb_vec_clear(&rows);

	/* Nothing is added twice: the file again (as after a crash between
	 * the commit and its removal) adds nothing. */
	free(path);
	path = read_only_looks(details, 1);
	text = tu_read(path, &len);
	merged_rows(&rows);
	ck_assert_uint_eq(rows.len, 3);
	cb_vec_clear(&rows);
	tu_write(path, text, len);
	merged_rows(&rows);
	ck_assert_uint_eq(rows.len, 3);
	ck_assert_int_eq(access(path, F_OK), -1);
	cb_vec_clear(&rows);
	free(text);
	free(stamp);
	free(path);
}
END_TEST

/* A line cut short by a crash was never finished, so nothing was shown
 * for it: it is left out, and the rest go in. */
START_TEST(unfinished_last_line_left_out)
{
	const char *details[] = {"list"};
	struct cb_vec rows = CB_VEC_OWNING(cb_audit_row_free_item);
	char *path = read_only_looks(details, 1), *text, *more;
	size_t len;

	text = tu_read(path, &len);
	more = cb_asprintf("%.*s%s", (int)len, text, "0b7c2f6e-1d7a-4c5e-9f00-aa11bb22cc33\t2026-");
	tu_write(path, more, strlen(more));
	merged_rows(&rows);
	ck_assert_uint_eq(rows.len, 1);
	ck_assert_int_eq(access(path, F_OK), -1);
	cb_vec_clear(&rows);

	/* The next look cuts it off rather than run into it (which would
	 * make a line that cannot be read, and keep the file from merging):
	 * the entry merged already is not added again, the new one is. */
	tu_write(path, more, strlen(more));
	free(path);
	path = read_only_looks(details, 1);
	merged_rows(&rows);
	ck_assert_uint_eq(rows.len, 2);
	ck_assert_int_eq(access(path, F_OK), -1);
	cb_vec_clear(&rows);
	free(more);
	free(text);
	free(path);
}
END_TEST

/* Another database's file (its path in the header) is not merged here,
 * and a file that cannot be read whole is kept: nothing is lost, and the
 * database still opens. */
START_TEST(foreign_or_damaged_file_kept)
{
	const char *details[] = {"list"};
	struct cb_vec rows = CB_VEC_OWNING(cb_audit_row_free_item);
	char *path = read_only_looks(details, 1), *text, *other, *nl;
	size_t len;

	text = tu_read(path, &len);
	nl = strchr(text, '\n');
	other = cb_asprintf("casebook read-only audit 1\t/elsewhere/case.db%s", nl);
	tu_write(path, other, strlen(other));
	merged_rows(&rows);
	ck_assert_uint_eq(rows.len, 0);
	ck_assert_int_eq(access(path, F_OK), 0);

	/* This database's header, then a line that is not one. */
	free(other);
	other = cb_asprintf("%.*s\nnot an entry\n", (int)(nl - text), text);
	tu_write(path, other, strlen(other));
	merged_rows(&rows);
	ck_assert_uint_eq(rows.len, 0);
	ck_assert_int_eq(access(path, F_OK), 0);
	cb_vec_clear(&rows);
	free(other);
	free(text);
	free(path);
}
END_TEST

/* Nowhere to keep the entry: the look is refused, saying why, so the
 * caller shows nothing. */
START_TEST(nowhere_to_keep_it_refused)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char *blocker = tu_path(dir, "afile");

	tu_write(blocker, "x", 1);
	setenv("XDG_STATE_HOME", blocker, 1);
	ck_assert_msg(cb_store_open(dbpath, CB_STORE_READONLY, &s, &err) == 0, "%s", err.msg);
	ck_assert_int_ne(cb_store_audit(s, "read", "families", NULL, "list", &err), 0);
	ck_assert_int_eq(err.code, CB_EREADONLY);
	ck_assert_msg(strstr(err.msg, "open for reading only") != NULL, "%s", err.msg);
	/* And a change is refused at the door, in the same words. */
	err = (struct cb_err){0};
	ck_assert_int_ne(cb_store_begin(s, &err), 0);
	ck_assert_msg(strstr(err.msg, "open for reading only") != NULL, "%s", err.msg);
	cb_store_close(&s);
	free(blocker);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("readonly_audit");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, kept_aside_then_merged_with_their_times);
	tcase_add_test(tc, unfinished_last_line_left_out);
	tcase_add_test(tc, foreign_or_damaged_file_kept);
	tcase_add_test(tc, nowhere_to_keep_it_refused);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(suite());
}
