/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_drafts.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "internal.h"

/* A draft write waits for a lock held by another casebook
 * STORE_BUSY_QUICK_MS (10 ms) at most. */

void
cb_draft_free(struct cb_draft **dp)
{
	struct cb_draft *d;

	if (dp == NULL || *dp == NULL)
		return;
	d = *dp;
	free(d->key);
	free(d->title);
	free(d->body);
	free(d->pending_row);
	free(d->base_row);
	free(d->updated_at);
	free(d->session);
	cb_freep(dp);
}

void
cb_draft_free_item(void *d)
{
	cb_draft_free((struct cb_draft **)&d);
}

long long
st_proc_start(long pid)
{
	char path[64], buf[1024], *p;
	long long start = 0;
	size_t n;
	FILE *f;
	int field;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	f = fopen(path, "r");
	if (f == NULL)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* The name in brackets may hold spaces: count fields after it. The
	 * start time is field 22; the state after the name is field 3. */
	p = strrchr(buf, ')');
	if (p == NULL)
		return 0;
	for (field = 2; field < 22 && p != NULL; field++)
		p = strchr(p + 1, ' ');
	if (p != NULL)
		start = strtoll(p + 1, NULL, 10);
	return start;
}

bool
st_proc_alive(long pid, long long pid_start)
{
	long long now;

	if (pid <= 0 || (pid_t)pid != pid)
		return false;
	if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
		return false;
	/* The same pid, given to a later process, is not the one that wrote. */
	now = st_proc_start(pid);
	return pid_start == 0 || now == 0 || now == pid_start;
}

int
cb_store_draft_put(struct cb_store *s, const struct cb_draft *d, struct cb_err *err)
{
	sqlite3_stmt *st;
	char now[CB_STAMP_LEN];
	int rc;

	cb_stamp_now(now);
	if (st_prepare_cached(s, "INSERT OR REPLACE INTO drafts (key, worker_id, family_id, title, "
	                         "body, pending_row, updated_at, base_row, session, pid, pid_start) "
	                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	                      &st, err) != 0)
		return -1;
	st_bind_text(st, 1, d->key);
	st_bind_text(st, 2, s->actor);
	st_bind_text(st, 3, d->family_id[0] != '\0' ? d->family_id : NULL);
	st_bind_text(st, 4, d->title != NULL ? d->title : "");
	st_bind_text(st, 5, d->body != NULL ? d->body : "");
	st_bind_text(st, 6, d->pending_row);
	st_bind_text(st, 7, now);
	st_bind_text(st, 8, d->base_row);
	st_bind_text(st, 9, s->session);
	sqlite3_bind_int64(st, 10, s->pid);
	sqlite3_bind_int64(st, 11, s->pid_start);
	/* A draft is written while someone types: a lock held elsewhere
	 * must not freeze the keys for the usual busy wait. The draft goes
	 * beside the database, the editor tries again a second later, and
	 * says so meanwhile. */
	s->busy_quick = true;
	rc = st_exec_stmt(s, st, err);
	s->busy_quick = false;
	if (rc == 0) {
		s->drafted = true;
		st_draft_aside_drop(s, d->key);
	}
	return rc;
}

void
st_drafts_release(struct cb_store *s)
{
	sqlite3_stmt *st;

	if (!s->drafted || s->depth > 0)
		return;
	if (sqlite3_prepare_v2(s->db, "UPDATE drafts SET pid = 0, pid_start = 0 WHERE session = ?1",
	                       -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, s->session, -1, SQLITE_TRANSIENT);
	s->busy_quick = true;
	sqlite3_step(st);
	s->busy_quick = false;
	sqlite3_finalize(st);
}

#define DRAFT_COLS "key, family_id, title, body, pending_row, updated_at, base_row, session, " \
	"pid, pid_start"

/* A draft of this session, or of one that has ended: the drafts of
 * another casebook still running belong to its open editors, and are not
 * offered here (they would be saved twice). */
static int
offerable_rows(struct cb_store *s, const char *key, struct cb_vec *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, key != NULL
	                      ? "SELECT " DRAFT_COLS " FROM drafts WHERE worker_id = ?1 AND key = ?2 "
	                        "ORDER BY session = ?3 DESC, updated_at DESC"
	                      : "SELECT " DRAFT_COLS " FROM drafts WHERE worker_id = ?1 "
	                        "ORDER BY updated_at DESC",
	               &st, err) != 0)
		return -1;
	st_bind_text(st, 1, s->actor);
	if (key != NULL) {
		st_bind_text(st, 2, key);
		st_bind_text(st, 3, s->session);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *session = sqlite3_column_text(st, 7);
		struct cb_draft *d;

		if (session != NULL && strcmp((const char *)session, s->session) != 0 &&
		    st_proc_alive((long)sqlite3_column_int64(st, 8), sqlite3_column_int64(st, 9)))
			continue;
		d = cb_calloc(1, sizeof *d);
		d->key = st_col_str(st, 0);
		st_col_id(st, 1, d->family_id);
		d->title = st_col_str(st, 2);
		d->body = st_col_str(st, 3);
		d->pending_row = st_col_str(st, 4);
		d->updated_at = st_col_str(st, 5);
		d->base_row = st_col_str(st, 6);
		d->session = st_col_str(st, 7);
		cb_vec_push(out, d);
	}
	if (rc != SQLITE_DONE) {
		st_error(s, rc, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

int
cb_store_draft_get(struct cb_store *s, const char *key, struct cb_draft **out,
                   struct cb_err *err)
{
	struct cb_vec found = CB_VEC_OWNING(cb_draft_free_item);
	int rc;

	*out = NULL;
	rc = offerable_rows(s, key, &found, err);
	if (rc == 0 && found.len > 0) {
		*out = found.items[0];
		found.items[0] = NULL;
	}
	cb_vec_clear(&found);
	return rc;
}

bool
cb_store_draft_is_mine(const struct cb_store *s, const struct cb_draft *d)
{
	return d->session != NULL && strcmp(d->session, s->session) == 0;
}

int
cb_store_draft_drop(struct cb_store *s, const char *key, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (st_prepare_cached(s, "DELETE FROM drafts WHERE key = ?1 AND worker_id = ?2 AND "
	                         "session = ?3", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, key);
	st_bind_text(st, 2, s->actor);
	st_bind_text(st, 3, s->session);
	return st_exec_stmt(s, st, err);
}

int
cb_store_draft_discard(struct cb_store *s, const struct cb_draft *d, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (st_prepare(s, "DELETE FROM drafts WHERE key = ?1 AND worker_id = ?2 AND session = ?3",
	               &st, err) != 0)
		return -1;
	st_bind_text(st, 1, d->key);
	st_bind_text(st, 2, s->actor);
	st_bind_text(st, 3, d->session != NULL ? d->session : "");
	return st_exec_stmt(s, st, err);
}

int
cb_store_draft_adopt(struct cb_store *s, const struct cb_draft *d, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (cb_store_draft_is_mine(s, d))
		return 0;
	if (st_prepare(s, "UPDATE OR REPLACE drafts SET session = ?4, pid = ?5, pid_start = ?6 "
	                  "WHERE key = ?1 AND worker_id = ?2 AND session = ?3", &st, err) != 0)
		return -1;
	st_bind_text(st, 1, d->key);
	st_bind_text(st, 2, s->actor);
	st_bind_text(st, 3, d->session != NULL ? d->session : "");
	st_bind_text(st, 4, s->session);
	sqlite3_bind_int64(st, 5, s->pid);
	sqlite3_bind_int64(st, 6, s->pid_start);
	if (st_exec_stmt(s, st, err) != 0)
		return -1;
	s->drafted = true;
	return 0;
}

int
cb_store_draft_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err)
{
	return offerable_rows(s, NULL, out, err);
}

/* Drafts beside the database. While another casebook holds the database
 * locked, a draft cannot go into it; it goes to a file of its own,
 * "<database>-draft-<session>-<key hash>" (0600), written whole and
 * renamed into place, and comes back into the drafts table when the next
 * draft is written or the next workbook starts. */
#define ASIDE_INFIX "-draft-"

static char *
aside_path(const struct cb_store *s, const char *session, const char *key)
{
	unsigned long long h = 1469598103934665603ULL;
	const unsigned char *p;

	for (p = (const unsigned char *)key; *p != '\0'; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return cb_asprintf("%s" ASIDE_INFIX "%s-%016llx", s->path, session, h);
}

static void
put_field(struct cb_buf *b, const char *v)
{
	cb_buf_addf(b, "%zu\n", v != NULL ? strlen(v) : (size_t)0);
	cb_buf_add(b, v != NULL ? v : "");
	cb_buf_addc(b, '\n');
}

int
cb_store_draft_put_aside(struct cb_store *s, const struct cb_draft *d, struct cb_err *err)
{
	char *path = aside_path(s, s->session, d->key), *tmp = cb_asprintf("%s.new", path);
	struct cb_buf b = {0};
	char now[CB_STAMP_LEN], pid[64];
	int fd, rc = -1;

	cb_stamp_now(now);
	snprintf(pid, sizeof pid, "%ld %lld", s->pid, s->pid_start);
	cb_buf_add(&b, "casebook draft 1\n");
	put_field(&b, pid);
	put_field(&b, s->actor);
	put_field(&b, d->key);
	put_field(&b, d->family_id);
	put_field(&b, d->title);
	put_field(&b, d->body);
	put_field(&b, d->pending_row);
	put_field(&b, d->base_row);
	put_field(&b, now);
	put_field(&b, s->session);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0 || write(fd, b.s, b.len) != (ssize_t)b.len || fsync(fd) != 0) {
		cb_err_set(err, errno == ENOSPC ? CB_EFULL : CB_EIO,
		           _("the draft could not be kept beside the database either (%s)"),
		           strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		goto out;
	}
	close(fd);
	if (rename(tmp, path) != 0) {
		cb_err_set(err, CB_EIO, _("the draft could not be kept beside the database either (%s)"),
		           strerror(errno));
		unlink(tmp);
		goto out;
	}
	s->drafted_aside = true;
	rc = 0;
out:
	cb_buf_free(&b);
	free(tmp);
	free(path);
	return rc;
}

void
st_draft_aside_drop(struct cb_store *s, const char *key)
{
	char *path;

	if (!s->drafted_aside)
		return;
	path = aside_path(s, s->session, key);
	unlink(path);
	free(path);
}

/* The next field of a draft file: its length line, then the bytes. */
static char *
get_field(const char **p, const char *end)
{
	char *nl, *v;
	unsigned long long n;

	if (*p >= end)
		return NULL;
	errno = 0;
	n = strtoull(*p, &nl, 10);
	if (errno != 0 || nl >= end || *nl != '\n' || n > (unsigned long long)(end - nl - 1))
		return NULL;
	v = cb_strndup(nl + 1, (size_t)n);
	*p = nl + 1 + n + 1;
	return v;
}

/* One file: into the drafts table (when its casebook has ended), then
 * gone. */
static void
merge_one(struct cb_store *s, const char *path)
{
	struct cb_buf b = {0};
	char chunk[4096], *f[10] = {0};
	const char *p, *end;
	size_t n, i;
	long pid = 0;
	long long start = 0;
	FILE *in = fopen(path, "rb");
	sqlite3_stmt *st;

	if (in == NULL)
		return;
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		cb_buf_addn(&b, chunk, n);
	fclose(in);
	if (b.len < 17 || memcmp(b.s, "casebook draft 1\n", 17) != 0)
		goto out;
	p = b.s + 17;
	end = b.s + b.len;
	for (i = 0; i < 10; i++)
		if ((f[i] = get_field(&p, end)) == NULL)
			goto out;
	if (sscanf(f[0], "%ld %lld", &pid, &start) != 2 || st_proc_alive(pid, start))
		goto out; /* still running: it will write its drafts itself */
	if (st_prepare(s, "INSERT OR REPLACE INTO drafts (key, worker_id, family_id, title, body, "
	                  "pending_row, base_row, updated_at, session) "
	                  "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE NOT EXISTS (SELECT 1 FROM "
	                  "drafts WHERE key = ?1 AND worker_id = ?2 AND session = ?9 AND "
	                  "updated_at > ?8)", &st, NULL) != 0)
		goto out;
	st_bind_text(st, 1, f[2]);
	st_bind_text(st, 2, f[1]);
	st_bind_text(st, 3, f[3][0] != '\0' ? f[3] : NULL);
	st_bind_text(st, 4, f[4]);
	st_bind_text(st, 5, f[5]);
	st_bind_text(st, 6, f[6][0] != '\0' ? f[6] : NULL);
	st_bind_text(st, 7, f[7][0] != '\0' ? f[7] : NULL);
	st_bind_text(st, 8, f[8]);
	st_bind_text(st, 9, f[9]);
	if (sqlite3_step(st) == SQLITE_DONE)
		unlink(path);
	sqlite3_finalize(st);
out:
	for (i = 0; i < 10; i++)
		free(f[i]);
	cb_buf_free(&b);
}

void
st_drafts_merge_aside(struct cb_store *s)
{
	char *dir = cb_strdup(s->path), *slash = strrchr(dir, '/'), *prefix;
	const char *base = s->path, *d = ".";
	struct dirent *e;
	DIR *dp;

	if (slash != NULL) {
		*slash = '\0';
		base = s->path + (slash - dir) + 1;
		d = slash == dir ? "/" : dir;
	}
	prefix = cb_asprintf("%s" ASIDE_INFIX, base);
	dp = opendir(d);
	while (dp != NULL && (e = readdir(dp)) != NULL) {
		size_t len = strlen(e->d_name);
		char *path;

		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 ||
		    (len > 4 && strcmp(e->d_name + len - 4, ".new") == 0))
			continue;
		path = cb_asprintf("%s/%s", d, e->d_name);
		merge_one(s, path);
		free(path);
	}
	if (dp != NULL)
		closedir(dp);
	free(prefix);
	free(dir);
}
