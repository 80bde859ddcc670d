/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/store.h"
#include "casebook/text.h"
#include "casebook/vec.h"
#include "internal.h"

/* Every SQLite failure becomes one plain sentence here, by its class:
 * what happened, to which file, and what to do. path names the file (NULL
 * when the sentence needs no name); detail is SQLite's own words, kept in
 * brackets for whoever is asked to help. reading: the failure came while
 * only reading (opening, checking), so nothing can have been half saved. */
int
st_error_class(int rc, const char *path, const char *detail, bool readonly, bool reading,
               struct cb_err *err)
{
	const char *db = path != NULL ? path : _("the database");

	switch (rc & 0xFF) {
	case SQLITE_FULL:
		return cb_err_set(err, CB_EFULL,
		                  _("the disk is full, so this change was not saved: "
		                    "free some space and try again"));
	case SQLITE_READONLY:
		if (readonly)
			return cb_err_set(err, CB_EREADONLY,
			                  _("%s is open for reading only (you cannot write to the file "
			                    "or its folder), so nothing can be changed or recorded: "
			                    "fix the permissions, or copy it somewhere you can write"),
			                  db);
		return cb_err_set(err, CB_EREADONLY,
		                  _("%s cannot be written now: check the permissions of the file "
		                    "and its folder, and that its disk is not mounted read-only"),
		                  db);
	case SQLITE_PERM:
		return cb_err_set(err, CB_EREADONLY,
		                  _("the system does not let casebook use %s (%s): check the "
		                    "permissions of the file and its folder"), db, detail);
	case SQLITE_IOERR:
		if (reading || rc == SQLITE_IOERR_READ || rc == SQLITE_IOERR_SHORT_READ)
			return cb_err_set(err, CB_EIO,
			                  _("the disk reported an error while reading %s (%s): check "
			                    "the disk, or restore the database from a backup"),
			                  db, detail);
		return cb_err_set(err, CB_EIO,
		                  _("the disk reported an error while saving (%s), so it is not "
		                    "known whether the change was saved: open casebook again to "
		                    "see what was kept"), detail);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return cb_err_set(err, CB_ECORRUPT,
		                  _("%s is damaged or not a casebook database (%s): check the --db "
		                    "path, or restore it from a backup"), db, detail);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return cb_err_set(err, CB_EBUSY,
		                  _("%s is busy in another casebook: try again in a moment"), db);
	case SQLITE_CONSTRAINT:
		return cb_err_set(err, CB_ECONSTRAINT, _("the change was refused: %s"), detail);
	case SQLITE_NOMEM:
		cb_mem_fatal();
	case SQLITE_CANTOPEN:
		return cb_err_set(err, CB_ENOTFOUND,
		                  _("%s could not be opened (%s): check that the path and its "
		                    "folder exist and that you may use them"), db, detail);
	default:
		return cb_err_set(err, CB_EINTERNAL, _("database error: %s"), detail);
	}
}

int
st_error(struct cb_store *s, int rc, struct cb_err *err)
{
	const char *detail = s != NULL && s->db != NULL ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);

	return st_error_class(rc, s != NULL ? s->path : NULL, detail, s != NULL && s->readonly,
	                      false, err);
}

int
st_busy(void *store, int count)
{
	struct cb_store *s = store;
	int waited = (count + 1) * STORE_BUSY_SLICE_MS;

	/* A draft: two short tries, then it goes beside the database. */
	if (s->busy_quick) {
		if (count >= 2)
			return 0;
		sqlite3_sleep(STORE_BUSY_QUICK_MS / 2);
		return 1;
	}
	sqlite3_sleep(STORE_BUSY_SLICE_MS);
	if (s->on_busy != NULL)
		return s->on_busy(s->on_busy_ctx, waited);
	return waited < STORE_BUSY_MS;
}

void
cb_store_on_busy(struct cb_store *s, int (*fn)(void *ctx, int waited_ms), void *ctx)
{
	s->on_busy = fn;
	s->on_busy_ctx = ctx;
}

void (*st_prepare_hook)(const char *sql);

int
st_prepare(struct cb_store *s, const char *sql, sqlite3_stmt **st, struct cb_err *err)
{
	int rc;

	if (st_prepare_hook != NULL)
		st_prepare_hook(sql);
	rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);

	if (rc != SQLITE_OK) {
		*st = NULL;
		return st_error(s, rc, err);
	}
	return 0;
}

int
st_prepare_cached(struct cb_store *s, const char *sql, sqlite3_stmt **st, struct cb_err *err)
{
	struct st_cached *c;
	size_t i, hit = s->ncache;

	/* Most SQL is a string constant, asked for by the same pointer each
	 * time: found without comparing the text of every other statement
	 * (the pointer alone could be a buffer reused for other text). */
	for (i = 0; i < s->ncache && hit == s->ncache; i++)
		if (s->cache[i].key == sql && strcmp(s->cache[i].sql, sql) == 0)
			hit = i;
	for (i = hit < s->ncache ? hit : 0; i < s->ncache; i++) {
		c = &s->cache[i];
		if (strcmp(c->sql, sql) != 0)
			continue;
		c->key = sql;
		if (c->busy) /* in use further up: a statement of its own */
			return st_prepare(s, sql, st, err);
		if (st_prepare_hook != NULL)
			st_prepare_hook(sql);
		c->busy = true;
		*st = c->st;
		return 0;
	}
	if (st_prepare(s, sql, st, err) != 0)
		return -1;
	if (s->ncache < ST_CACHE_SIZE) {
		c = &s->cache[s->ncache++];
		c->sql = cb_strdup(sql);
		c->key = sql;
		c->st = *st;
		c->busy = true;
	}
	return 0;
}

void
st_release(struct cb_store *s, sqlite3_stmt *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < s->ncache; i++) {
		if (s->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			s->cache[i].busy = false;
			return;
		}
	}
	sqlite3_finalize(st);
}

int
st_exec_stmt(struct cb_store *s, sqlite3_stmt *st, struct cb_err *err)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		st_error(s, rc, err);
		st_release(s, st);
		return -1;
	}
	st_release(s, st);
	return 0;
}

bool
st_schema_has(struct cb_store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	bool has = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK;

	sqlite3_finalize(st);
	return has;
}

int
st_exec(struct cb_store *s, const char *sql, struct cb_err *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : st_error(s, rc, err);
}

/* The one door every text goes through into the database, and every
 * text a query looks for: so all text is stored in Normalization Form C
 * ("Zoë" typed as one character or as e and a combining diaeresis is
 * one name), and a lookup finds it however it was typed. ASCII is
 * already NFC and is bound as it is. */
void
st_bind_text(sqlite3_stmt *st, int idx, const char *v)
{
	const unsigned char *p;
	char *nfc;

	if (v == NULL) {
		sqlite3_bind_null(st, idx);
		return;
	}
	for (p = (const unsigned char *)v; *p != '\0' && *p < 0x80; p++)
		;
	if (*p == '\0') {
		sqlite3_bind_text(st, idx, v, -1, SQLITE_TRANSIENT);
		return;
	}
	nfc = cb_text_nfc(v);
	sqlite3_bind_text(st, idx, nfc, -1, free);
}

void
st_bind_date(sqlite3_stmt *st, int idx, struct cb_date d)
{
	char buf[CB_DATE_LEN];

	if (!cb_date_is_set(d)) {
		sqlite3_bind_null(st, idx);
		return;
	}
	cb_date_format(d, buf);
	sqlite3_bind_text(st, idx, buf, -1, SQLITE_TRANSIENT);
}

char *
st_col_str(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t == NULL ? NULL : cb_strdup((const char *)t);
}

void
st_col_id(sqlite3_stmt *st, int col, char out[CB_UUID_LEN])
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(out, CB_UUID_LEN, "%s", t != NULL ? (const char *)t : "");
}

struct cb_date
st_col_date(sqlite3_stmt *st, int col)
{
	struct cb_date d = {0, 0, 0};
	const unsigned char *t = sqlite3_column_text(st, col);

	if (t != NULL && cb_date_parse((const char *)t, &d, NULL) != 0)
		d = (struct cb_date){0, 0, 0};
	return d;
}

void
st_col_rev(sqlite3_stmt *st, int first, struct cb_rev *rev)
{
	const unsigned char *t;

	st_col_id(st, first, rev->row_id);
	rev->version = sqlite3_column_int(st, first + 1);
	t = sqlite3_column_text(st, first + 2);
	snprintf(rev->created_at, sizeof rev->created_at, "%s", t != NULL ? (const char *)t : "");
	st_col_id(st, first + 3, rev->created_by);
	free(rev->created_by_name);
	rev->created_by_name = st_col_str(st, first + 4);
	rev->retracted = sqlite3_column_int(st, first + 5) != 0;
	free(rev->reason);
	rev->reason = st_col_str(st, first + 6);
}

void
st_rev_new(struct cb_store *s, struct cb_rev *rev, int version)
{
	cb_uuid_new(rev->row_id);
	rev->version = version;
	cb_stamp_now(rev->created_at);
	memcpy(rev->created_by, s->actor, CB_UUID_LEN);
	rev->retracted = false;
}

void
st_bind_rev(sqlite3_stmt *st, const struct cb_rev *rev)
{
	sqlite3_bind_text(st, 1, rev->row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, rev->version);
	sqlite3_bind_text(st, 3, rev->created_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, rev->created_by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, rev->retracted ? 1 : 0);
	st_bind_text(st, 6, rev->reason);
}

/* A statement without parameters or rows, kept prepared: the savepoints
 * every record's save opens and releases are not parsed again each time. */
int
st_exec_cached(struct cb_store *s, const char *sql, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (st_prepare_cached(s, sql, &st, err) != 0)
		return -1;
	return st_exec_stmt(s, st, err);
}

/* Inside a flat transaction (st_flat_begin) the writes nested in it open
 * no savepoint of their own. */
static bool
nested_flat(const struct cb_store *s)
{
	return s->flat > 0 && s->depth >= s->flat;
}

void
st_flat_begin(struct cb_store *s)
{
	s->flat = s->depth;
}

int
st_flat_end(struct cb_store *s, struct cb_err *err)
{
	s->flat = 0;
	return s->broken > 0 ? cb_err_set(err, CB_EINTERNAL,
	                                  "a write failed inside a flat transaction")
	                     : 0;
}

int
cb_store_begin(struct cb_store *s, struct cb_err *err)
{
	char sql[64];

	/* The one door every change goes through: a database open for
	 * reading only is refused here, whatever asked. */
	if (s->readonly)
		return st_error_class(SQLITE_READONLY, s->path, NULL, true, false, err);
	if (nested_flat(s)) {
		s->depth++;
		return 0;
	}
	if (s->depth == 0)
		snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
	else
		snprintf(sql, sizeof sql, "SAVEPOINT sp%d", s->depth);
	if ((s->depth == 0 ? st_exec(s, sql, err) : st_exec_cached(s, sql, err)) != 0)
		return -1;
	s->depth++;
	return 0;
}

int
cb_store_commit(struct cb_store *s, struct cb_err *err)
{
	char sql[64];

	if (s->depth <= 0)
		return cb_err_set(err, CB_EINTERNAL, _("commit without a transaction"));
	if (s->flat > 0 && s->depth > s->flat) {
		s->depth--;
		return 0;
	}
	/* What a failed write nested in a flat transaction did cannot be
	 * undone alone: the whole transaction is. */
	if (s->broken > 0 && s->depth == s->broken) {
		cb_store_rollback(s);
		return cb_err_set(err, CB_EINTERNAL, "a write failed inside a flat transaction");
	}
	/* Names another writer (sync, a version added outside casebook) left
	 * unfolded are folded before they are kept. */
	if (s->depth == 1 && (st_refold(s, err) != 0 || st_grams_flush(s, err) != 0 ||
	                      st_search_flush(s, err) != 0)) {
		cb_store_rollback(s);
		return -1;
	}
	if (s->depth == 1)
		snprintf(sql, sizeof sql, "COMMIT");
	else
		snprintf(sql, sizeof sql, "RELEASE sp%d", s->depth - 1);
	if ((s->depth == 1 ? st_exec(s, sql, err) : st_exec_cached(s, sql, err)) != 0) {
		cb_store_rollback(s);
		return -1;
	}
	s->depth--;
	return 0;
}

void
cb_store_rollback(struct cb_store *s)
{
	char sql[80];

	if (s->depth <= 0)
		return;
	if (s->flat > 0 && s->depth > s->flat) {
		s->broken = s->flat;
		s->depth--;
		return;
	}
	if (s->flat > 0 && s->depth == s->flat)
		s->flat = 0;
	if (s->broken > 0 && s->depth == s->broken)
		s->broken = 0;
	if (s->depth == 1) {
		/* A failed COMMIT may already have ended the transaction. */
		if (!sqlite3_get_autocommit(s->db))
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	} else {
		snprintf(sql, sizeof sql, "ROLLBACK TO sp%d; RELEASE sp%d", s->depth - 1,
		         s->depth - 1);
		sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	}
	s->depth--;
}

int
st_write_begin(struct cb_store *s, struct cb_err *err)
{
	return cb_store_begin(s, err);
}

int
st_write_end(struct cb_store *s, int rc, struct cb_err *err)
{
	if (rc != 0) {
		cb_store_rollback(s);
		return -1;
	}
	return cb_store_commit(s, err);
}

int
st_new_identity(struct cb_store *s, const char *sql, const char *id, const struct cb_rev *rev,
                const char *extra1, const char *extra2, const char *extra3, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (st_prepare_cached(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, rev->created_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, rev->created_by, -1, SQLITE_TRANSIENT);
	if (extra1 != NULL)
		st_bind_text(st, 4, extra1);
	if (extra2 != NULL)
		st_bind_text(st, 5, extra2);
	if (extra3 != NULL)
		st_bind_text(st, 6, extra3);
	return st_exec_stmt(s, st, err);
}

int
st_latest_version(struct cb_store *s, const char *sql, const char *id, int *out,
                  struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare_cached(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_DONE;
	}
	st_release(s, st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
st_check_base(struct cb_store *s, const char *latest_sql, const char *id, int base,
              struct cb_err *err)
{
	int latest = 0;

	if (st_latest_version(s, latest_sql, id, &latest, err) != 0)
		return -1;
	if (latest == 0)
		return cb_err_set(err, CB_ENOTFOUND, _("that record is not in the database"));
	if (latest != base)
		return cb_err_set(err, CB_ESTALE,
		                  _("this record was changed elsewhere since you opened it "
		                    "(now version %d, you had %d): reopen it and try again"),
		                  latest, base);
	return 0;
}

static int
errno_error(const char *what, const char *path, int e, struct cb_err *err)
{
	enum cb_errcode code = CB_EIO;
	const char *what_to_do = _("check the path");

	if (e == EACCES || e == EPERM || e == EROFS) {
		code = CB_EREADONLY;
		what_to_do = _("choose a place you can write to, or fix its permissions");
	} else if (e == ENOSPC || e == EDQUOT) {
		code = CB_EFULL;
		what_to_do = _("free some space and try again");
	} else if (e == ENOENT || e == ENOTDIR) {
		code = CB_ENOTFOUND;
		what_to_do = _("check the path");
	}
	return cb_err_set(err, code, _("cannot %s %s (%s): %s"), what, path, strerror(e), what_to_do);
}

/* Make the folders above path that are missing, private to the user. */
int
st_make_parents(const char *path, struct cb_err *err)
{
	char *dir = cb_strdup(path);
	char *p;
	int rc = 0;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; rc == 0; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = errno_error(_("create the folder"), dir, errno, err);
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return rc;
}

/* Create an empty file, owner read and write only, refusing to follow a
 * link or to replace anything. */
int st_create_private(const char *path, struct cb_err *err);
int
st_create_private(const char *path, struct cb_err *err)
{
	int fd;

	if (st_make_parents(path, err) != 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return errno_error(_("create"), path, errno, err);
	/* umask cannot widen, but a group-sticky folder could: make sure. */
	if (fchmod(fd, 0600) != 0) {
		int e = errno;

		close(fd);
		unlink(path);
		return errno_error(_("set the permissions of"), path, e, err);
	}
	close(fd);
	return 0;
}

static const char sqlite_magic[16] = "SQLite format 3";

/* Look at the file before SQLite does, so that a junk file is refused
 * without anything writing to it. */
static int
check_header(const char *path, int *app_id, int *version, struct cb_err *err)
{
	unsigned char head[100];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return errno_error(_("open"), path, errno, err);
	n = read(fd, head, sizeof head);
	close(fd);
	if (n < 0)
		return errno_error(_("read"), path, errno, err);
	if ((size_t)n < sizeof head || memcmp(head, sqlite_magic, sizeof sqlite_magic) != 0)
		return cb_err_set(err, CB_ENOTDB,
		                  _("%s is not a casebook database: check the --db path "
		                    "(the file was not changed)"), path);
	/* Big-endian, at the offsets the SQLite file format gives them. */
	*version = (int)((unsigned)head[60] << 24 | (unsigned)head[61] << 16 |
	                 (unsigned)head[62] << 8 | head[63]);
	*app_id = (int)((unsigned)head[68] << 24 | (unsigned)head[69] << 16 |
	                (unsigned)head[70] << 8 | head[71]);
	return 0;
}

static int
probe_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The tables every casebook database has had since the first version: a
 * file that claims to be casebook's but lacks one is not sound. */
#define CORE_TABLES                                                              \
	"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "    \
	"('workers', 'worker_versions', 'families', 'family_versions', 'people', "  \
	"'person_versions', 'notes', 'note_versions', 'audit')"
#define N_CORE_TABLES 9

char *
st_check_detail(const char *result)
{
	static const char head[] = "*** in database main ***";
	struct cb_buf b = {0};
	const char *p;

	if (result == NULL)
		return cb_strdup("?");
	if (strncmp(result, head, sizeof head - 1) == 0)
		result += sizeof head - 1;
	while (*result == '\n' || *result == ' ')
		result++;
	for (p = result; *p != '\0'; p++) {
		if (*p == '\n') {
			if (p[1] != '\0')
				cb_buf_add(&b, "; ");
		} else {
			cb_buf_addc(&b, *p);
		}
	}
	return b.len > 0 ? cb_buf_take(&b) : (cb_buf_free(&b), cb_strdup("?"));
}

static bool
exists(const char *path, const char *suffix)
{
	char *p = cb_asprintf("%s%s", path, suffix);
	struct stat sb;
	bool yes = lstat(p, &sb) == 0;

	free(p);
	return yes;
}

/* Open an existing database to read it without leaving anything beside
 * it. A database in write-ahead mode needs its -shm file, which SQLite
 * makes when it is missing, even to read, and a reader cannot remove it
 * again; in a folder that cannot be written, it cannot be made at all.
 * With neither -wal nor -shm there, the last casebook closed it cleanly,
 * everything is in the file itself, and it is read as it is (immutable):
 * nothing is made. With them there, they are used as they are. */
static int
open_for_reading(const char *path, sqlite3 **db)
{
	struct cb_buf uri = {0};
	const char *p;
	int rc;

	if (exists(path, "-wal") || exists(path, "-shm"))
		return sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL);
	/* An absolute path after an empty authority: file:///... */
	cb_buf_add(&uri, path[0] == '/' ? "file://" : "file:");
	for (p = path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			cb_buf_addf(&uri, "%%%02X", (unsigned)(unsigned char)*p);
		else
			cb_buf_addc(&uri, *p);
	}
	cb_buf_add(&uri, "?immutable=1");
	rc = sqlite3_open_v2(cb_buf_str(&uri), db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	cb_buf_free(&uri);
	return rc;
}

/* Whether this process can write path and make files in its folder (the
 * -wal and -shm files of a write-ahead database live there). */
static bool
location_writable(const char *path)
{
	char *dir = cb_strdup(path), *slash = strrchr(dir, '/');
	bool ok;

	if (slash == NULL) {
		free(dir);
		dir = cb_strdup(".");
	} else if (slash == dir) {
		slash[1] = '\0';
	} else {
		*slash = '\0';
	}
	ok = access(path, W_OK) == 0 && access(dir, W_OK | X_OK) == 0;
	free(dir);
	return ok;
}

/* Read-only look at an existing SQLite file: whose is it, how new, does
 * its schema read, and (when full) is every page of it sound, which reads
 * the whole file. *fresh is set when it is an empty SQLite database;
 * *older when casebook is about to upgrade it. */
/* An error of SQLite's while a file was only read: whatever the class,
 * the file was not changed, and the message says so. */
static void
unchanged_error(int rc, const char *path, sqlite3 *db, struct cb_err *err)
{
	st_error_class(rc, path, db != NULL ? sqlite3_errmsg(db) : sqlite3_errstr(rc), false, true,
	               err);
	if (err != NULL) {
		size_t n = strlen(err->msg);

		snprintf(err->msg + n, sizeof err->msg - n, " %s", _("(the file was not changed)"));
	}
}

static int
probe_once(const char *path, bool full, bool *fresh, bool *older, struct cb_err *err)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc, app_id = 0, version = 0, tables = 0, core = 0;
	const char *result;

	*fresh = *older = false;
	rc = open_for_reading(path, &db);
	if (rc != SQLITE_OK)
		goto sqlite_fail;
	sqlite3_busy_timeout(db, 5000);
	if ((rc = probe_int(db, "PRAGMA application_id", &app_id)) != SQLITE_OK ||
	    (rc = probe_int(db, "PRAGMA user_version", &version)) != SQLITE_OK ||
	    (rc = probe_int(db, "SELECT count(*) FROM sqlite_master", &tables)) != SQLITE_OK)
		goto sqlite_fail;
	if (app_id != CB_APP_ID) {
		sqlite3_close(db);
		if (app_id == 0 && version == 0 && tables == 0) {
			*fresh = true;
			return 0;
		}
		return cb_err_set(err, CB_ENOTDB,
		                  _("%s is an SQLite database of another program, not casebook's: "
		                    "check the --db path (the file was not changed)"), path);
	}
	if (version > st_schema_known()) {
		sqlite3_close(db);
		return cb_err_set(err, CB_ENEWER,
		                  _("%s was written by a newer casebook (database version %d; this "
		                    "casebook knows up to %d): install the newer casebook to open "
		                    "it (the file was not changed)"),
		                  path, version, st_schema_known());
	}
	if ((rc = probe_int(db, CORE_TABLES, &core)) != SQLITE_OK)
		goto sqlite_fail;
	if (version >= 1 && core != N_CORE_TABLES) {
		sqlite3_close(db);
		return cb_err_set(err, CB_ECORRUPT,
		                  _("%s is damaged (tables of the casebook database are missing): "
		                    "restore it from a backup (the file was not changed)"), path);
	}
	*older = version < st_schema_known();
	/* Before casebook first writes to a file it has not written (an
	 * upgrade by a newer casebook) it reads the whole of it. */
	if (!full && !*older) {
		sqlite3_close(db);
		return 0;
	}
	rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto sqlite_fail;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		goto sqlite_fail;
	result = (const char *)sqlite3_column_text(st, 0);
	if (result == NULL || strcmp(result, "ok") != 0) {
		char *detail = st_check_detail(result);

		cb_err_set(err, CB_ECORRUPT,
		           _("%s is damaged (%s): restore it from a backup (the file was not "
		             "changed)"), path, detail);
		free(detail);
		sqlite3_finalize(st);
		sqlite3_close(db);
		return -1;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return 0;
sqlite_fail:
	unchanged_error(rc, path, db, err);
	if (st != NULL)
		sqlite3_finalize(st);
	sqlite3_close(db);
	return -1;
}

static int
probe(const char *path, bool full, bool *fresh, bool *older, struct cb_err *err)
{
	bool alone = !exists(path, "-wal") && !exists(path, "-shm");

	if (probe_once(path, full, fresh, older, err) == 0)
		return 0;
	/* Read as it was (immutable) while another casebook began to use it
	 * and may have written meanwhile: look again, with it. */
	if (alone && (exists(path, "-wal") || exists(path, "-shm")))
		return probe_once(path, full, fresh, older, err);
	return -1;
}

/* cb_fold(text): the text folded for matching names as people type them
 * (cb_text_fold). The triggers that keep the folded name columns call it,
 * so every connection that writes names registers it. */
static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *t;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	t = sqlite3_value_text(argv[0]);
	if (t == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, cb_text_fold((const char *)t), -1, free);
}

/* Markers of a workbook in use: "<database>-open-<pid>" beside the
 * database, made when the workbook starts and removed when it closes. One
 * left by a process that is no longer running means that casebook ended
 * without closing the database (a crash, a kill, a power cut), and the
 * next open reads the whole file before using it. */
#define MARKER_INFIX "-open-"

static char *
marker_path(const char *db, long pid)
{
	return cb_asprintf("%s" MARKER_INFIX "%ld", db, pid);
}

/* How many markers beside db were left by processes that have ended;
 * with remove, delete them. */
static int
stale_markers(const char *db, bool remove)
{
	char *dir = cb_strdup(db), *slash = strrchr(dir, '/');
	const char *base = db, *d = ".";
	struct dirent *e;
	size_t blen;
	DIR *dp;
	int n = 0;

	if (slash != NULL) {
		*slash = '\0';
		base = db + (slash - dir) + 1;
		d = slash == dir ? "/" : dir;
	}
	blen = strlen(base);
	dp = opendir(d);
	if (dp == NULL) {
		free(dir);
		return 0;
	}
	while ((e = readdir(dp)) != NULL) {
		const char *rest;
		char *end;
		long pid;

		if (strncmp(e->d_name, base, blen) != 0 ||
		    strncmp(e->d_name + blen, MARKER_INFIX, strlen(MARKER_INFIX)) != 0)
			continue;
		rest = e->d_name + blen + strlen(MARKER_INFIX);
		errno = 0;
		pid = strtol(rest, &end, 10);
		if (*rest == '\0' || *end != '\0' || errno != 0 || pid <= 0 || (pid_t)pid != pid)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		n++;
		if (remove) {
			char *m = marker_path(db, pid);

			unlink(m);
			free(m);
		}
	}
	closedir(dp);
	free(dir);
	return n;
}

void
st_clear_stale_markers(const char *db)
{
	stale_markers(db, true);
}

int
cb_store_mark_in_use(struct cb_store *s, struct cb_err *err)
{
	char *m;
	int fd;

	if (s->marker != NULL)
		return 0;
	m = marker_path(s->path, (long)getpid());
	fd = open(m, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		int e = errno;

		free(m);
		return errno_error(_("create"), s->path, e, err);
	}
	close(fd);
	s->marker = m;
	/* Drafts kept beside the database while it was locked come back. */
	st_drafts_merge_aside(s);
	return 0;
}

static int
set_pragmas(struct cb_store *s, struct cb_err *err)
{
	sqlite3_stmt *st;
	const unsigned char *mode;
	int rc;

	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_handler(s->db, st_busy, s);
	rc = sqlite3_create_function_v2(s->db, "cb_fold", 1,
	                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                                NULL, sql_fold, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return st_error(s, rc, err);
	/* A page cache of 768 KiB, not SQLite's 2 MiB: the screens read
	 * through indexes and hardly reuse pages, and the workbook stays
	 * under 8 MiB (issue 11); a bigger one fills as a command reads, and
	 * memory would grow with the database. */
	if (st_exec(s, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; "
	               "PRAGMA synchronous = FULL; PRAGMA cache_size = -" STORE_CACHE_KIB, err) != 0)
		return -1;
	/* Nothing is written: the journal mode is the file's business. */
	if (s->readonly)
		return 0;
	if (st_prepare(s, "PRAGMA journal_mode = WAL", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	mode = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
	if (rc != SQLITE_ROW || mode == NULL || strcmp((const char *)mode, "wal") != 0) {
		/* Write-ahead logging needs shared memory: some network shares do
		 * not offer it. Refuse rather than run less safely than promised. */
		if (rc == SQLITE_ROW)
			cb_err_set(err, CB_EIO,
			           _("the database's folder does not support write-ahead logging "
			             "(journal mode stayed %s): keep the database on a local disk"),
			           mode != NULL ? (const char *)mode : "?");
		else
			st_error(s, rc, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

int
cb_store_open(const char *path, enum cb_store_mode mode, struct cb_store **out,
              struct cb_err *err)
{
	static bool configured;
	struct cb_store *s;
	struct stat sb;
	bool fresh = false, created = false, readonly = mode == CB_STORE_READONLY;
	bool core_later = false;
	int rc, core = 0;

	*out = NULL;
	/* Nothing reads SQLite's memory statistics, and keeping them takes a
	 * lock at every allocation (a twentieth of an import). Only possible
	 * before SQLite starts; once is enough. */
	if (!configured) {
		configured = true;
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
	if (path == NULL || *path == '\0')
		return cb_err_set(err, CB_EINVAL, _("no database path was given: use --db PATH"));
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return errno_error(_("open"), path, errno, err);
		if (mode != CB_STORE_CREATE && mode != CB_STORE_ADOPT)
			return cb_err_set(err, CB_ENOTFOUND,
			                  _("there is no database at %s: run 'casebook init' to make "
			                    "one, or give the right path with --db"), path);
		if (st_create_private(path, err) != 0)
			return -1;
		fresh = created = true;
	} else if (S_ISDIR(sb.st_mode)) {
		return cb_err_set(err, CB_EINVAL,
		                  _("%s is a folder: give the path of a database file"), path);
	} else if (!S_ISREG(sb.st_mode)) {
		return cb_err_set(err, CB_EINVAL,
		                  _("%s is not a file but a device, a pipe or a socket: give the path "
		                    "of a database file (nothing was changed)"), path);
	} else if (sb.st_size == 0) {
		if (mode != CB_STORE_CREATE && mode != CB_STORE_ADOPT)
			return cb_err_set(err, CB_ENOTFOUND,
			                  _("%s is empty: run 'casebook init --db %s' to make it a "
			                    "casebook database"), path, path);
		fresh = true;
	} else {
		bool full = mode == CB_STORE_ADOPT || stale_markers(path, false) > 0, older = false;
		int app_id = 0, version = 0;

		if (check_header(path, &app_id, &version, err) != 0)
			return -1;
		/* The common case: a casebook file of this version, closed
		 * cleanly (no -wal or -shm, so its header is current). Its tables
		 * are checked on the connection opened below, before anything
		 * is written; the probe's own connection cost a reading of the
		 * whole schema at every start. */
		if (!full && app_id == CB_APP_ID && version == st_schema_known() &&
		    !exists(path, "-wal") && !exists(path, "-shm"))
			core_later = true;
		else if (probe(path, full, &fresh, &older, err) != 0)
			return -1;
		/* Sound: the markers of an unclean exit have done their work. */
		if (full && mode != CB_STORE_READONLY)
			stale_markers(path, true);
		if (fresh && mode != CB_STORE_CREATE && mode != CB_STORE_ADOPT)
			return cb_err_set(err, CB_ENOTFOUND,
			                  _("%s is an empty database: run 'casebook init --db %s' "
			                    "first"), path, path);
		/* A file or folder this user cannot write: opened to read it,
		 * never to fail half-way with SQLite's "readonly database". */
		if (!readonly && !location_writable(path)) {
			if (mode == CB_STORE_ADOPT || fresh || older)
				return cb_err_set(err, CB_EREADONLY,
				                  _("%s cannot be written here (you cannot write to the "
				                    "file or its folder), and this needs to write to it: "
				                    "fix the permissions, or copy it somewhere you can "
				                    "write (the file was not changed)"), path);
			readonly = true;
		}
	}
	if (!readonly && !created && sb.st_size == 0 && !location_writable(path))
		return cb_err_set(err, CB_EREADONLY,
		                  _("%s cannot be written here (you cannot write to the file or its "
		                    "folder): fix the permissions, or choose a place you can write "
		                    "(the file was not changed)"), path);

	/* What casebook writes is about children: an existing file of ours
	 * that others could read is made private before it is opened for
	 * writing (SQLite gives -wal and -shm the same mode). */
	if (!created && !readonly && sb.st_uid == getuid() && (sb.st_mode & 077) != 0 &&
	    chmod(path, sb.st_mode & 0600) != 0)
		return errno_error(_("set the permissions of"), path, errno, err);

	s = cb_calloc(1, sizeof *s);
	s->import_audit_from = -1;
	s->path = cb_strdup(path);
	memcpy(s->actor, CB_SYSTEM_WORKER, CB_UUID_LEN);
	cb_uuid_new(s->session);
	s->pid = (long)getpid();
	s->pid_start = st_proc_start(s->pid);
	st_os_user_init(s);
	s->readonly = readonly;
	/* A read-only look (modules check, or a location that cannot be
	 * written) cannot change the file, even by mistake. */
	rc = readonly ? open_for_reading(path, &s->db)
	              : sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK && core_later &&
	    (rc = probe_int(s->db, CORE_TABLES, &core)) == SQLITE_OK && core != N_CORE_TABLES) {
		cb_err_set(err, CB_ECORRUPT, _("%s is damaged (tables of the casebook database are "
		                               "missing): restore it from a backup (the file was "
		                               "not changed)"), path);
		goto fail;
	}
	if (rc != SQLITE_OK) {
		if (core_later)
			unchanged_error(rc, path, s->db, err);
		else
			st_error(s, rc, err);
		goto fail;
	}
	if (set_pragmas(s, err) != 0 ||
	    (readonly ? st_schema_current(s, err) : st_migrate(s, err)) != 0)
		goto fail;
	st_identity_probe(s);
	st_refold_probe(s);
	st_grams_probe(s);
	st_search_probe(s);
	/* Versions added outside casebook since it last wrote: their names
	 * folded now (a look-up of an index that is empty otherwise). */
	if (!readonly && st_refold_open(s, err) != 0)
		goto fail;
	/* Records another program saved: indexed for search now, or at the
	 * next commit when another writer holds the file. */
	if (!readonly) {
		struct cb_err search_err = {0};

		(void)st_search_open(s, &search_err);
	}
	/* And the short filter's bits of the families noted (all of them,
	 * after the upgrade that made the index). When that cannot be done
	 * now (another writer holds the file), readers take the families
	 * noted as they are, and the next commit sets their bits: the open
	 * goes on. */
	if (!readonly) {
		struct cb_err grams_err = {0};

		(void)st_grams_open(s, &grams_err);
	}
	/* What was read while it could not be written goes into its audit.
	 * When that fails (the database busy, say), the file stays for the
	 * next open: the database is still opened. */
	if (!readonly) {
		struct cb_err merge_err = {0};

		(void)st_audit_merge_pending(s, &merge_err);
	}
	*out = s;
	return 0;
fail:
	cb_store_close(&s);
	if (created)
		unlink(path);
	return -1;
}

bool
cb_store_readonly(const struct cb_store *s)
{
	return s->readonly;
}

void
cb_store_close(struct cb_store **sp)
{
	struct cb_store *s;
	size_t i;

	if (sp == NULL || *sp == NULL)
		return;
	s = *sp;
	while (s->depth > 0)
		cb_store_rollback(s);
	if (s->db != NULL)
		st_drafts_release(s);
	for (i = 0; i < s->ncache; i++) {
		sqlite3_finalize(s->cache[i].st);
		free(s->cache[i].sql);
	}
	st_waiting_free(&s->waiting);
	if (s->db != NULL)
		sqlite3_close(s->db);
	/* A clean exit: the marker of the workbook in use goes. */
	if (s->marker != NULL) {
		unlink(s->marker);
		free(s->marker);
	}
	free(s->path);
	cb_freep(sp);
}

const char *
cb_store_path(const struct cb_store *s)
{
	return s->path;
}

void
cb_store_set_actor(struct cb_store *s, const char *worker_id)
{
	snprintf(s->actor, sizeof s->actor, "%s",
	         worker_id != NULL && *worker_id != '\0' ? worker_id : CB_SYSTEM_WORKER);
}

const char *
cb_store_actor(const struct cb_store *s)
{
	return s->actor;
}

int
cb_store_schema_known(void)
{
	return st_schema_known();
}

int
cb_store_schema_version(struct cb_store *s)
{
	int v = 0;

	probe_int(s->db, "PRAGMA user_version", &v);
	return v;
}

unsigned long long
cb_store_generation(struct cb_store *s)
{
	int other = 0;

	/* data_version moves with other connections' commits, the change
	 * count with this one's own. */
	if (probe_int(s->db, "PRAGMA data_version", &other) != SQLITE_OK)
		other = -1;
	return ((unsigned long long)(unsigned)other << 32) ^
	       (unsigned long long)(sqlite3_total_changes64(s->db) - s->audit_changes);
}

int
st_rows(struct cb_store *s, const char *sql, const char *p1, const char *p2,
        void *(*row)(sqlite3_stmt *st), struct cb_vec *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare_cached(s, sql, &st, err) != 0)
		return -1;
	if (p1 != NULL)
		st_bind_text(st, 1, p1);
	if (p2 != NULL)
		st_bind_text(st, 2, p2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cb_vec_push(out, row(st));
	st_release(s, st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

int
st_one(struct cb_store *s, const char *sql, const char *p1, void *(*row)(sqlite3_stmt *st),
       void **out, const char *missing, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (st_prepare_cached(s, sql, &st, err) != 0)
		return -1;
	if (p1 != NULL)
		st_bind_text(st, 1, p1);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = row(st);
	st_release(s, st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return cb_err_set(err, CB_ENOTFOUND, "%s", missing);
	return st_error(s, rc, err);
}
