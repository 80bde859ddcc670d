/* SPDX-License-Identifier: MIT */
/* The audit of a database casebook can only read. Reading a family is
 * recorded before anything is shown; where the database cannot be
 * written, the entry goes to a file of the user's own instead,
 * $XDG_STATE_HOME/casebook/audit-<hash> (0600, in a 0700 folder), appended
 * and on the disk before the record is shown. The next open that can
 * write the database adds the entries to its audit in one transaction,
 * with their own times, marked as recorded while read-only, and only then
 * removes the file.
 *
 * The file is keyed by the database's real path (symbolic links and "."
 * resolved): a database has no id of its own, and the path is what the
 * next open of the same file sees. A copy elsewhere is another file,
 * whose audit must not claim reads it never had. The path is written in
 * the file too, so two paths that hash alike cannot be mixed up. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/store.h"
#include "internal.h"

#define PENDING_MAGIC "casebook read-only audit 1"
#define PENDING_FIELDS 8

/* The user's state folder for casebook, or NULL when there is none. */
static char *
pending_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return cb_asprintf("%s/casebook", xdg);
	if (home != NULL && home[0] == '/')
		return cb_asprintf("%s/.local/state/casebook", home);
	return NULL;
}

static char *
real_path(const struct cb_store *s)
{
	char *r = realpath(s->path, NULL);

	return r != NULL ? r : cb_strdup(s->path);
}

static char *
pending_path(const char *dir, const char *real)
{
	unsigned long long h = 1469598103934665603ULL;
	const unsigned char *p;

	for (p = (const unsigned char *)real; *p != '\0'; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return cb_asprintf("%s/audit-%016llx", dir, h);
}

char *
cb_store_pending_audit_path(const struct cb_store *s)
{
	char *dir = pending_dir(), *real, *path;

	if (dir == NULL)
		return NULL;
	real = real_path(s);
	path = pending_path(dir, real);
	free(real);
	free(dir);
	return path;
}

/* A field on one line: tab, newline, return and backslash escaped; NULL
 * as \N. */
static void
put_field(struct cb_buf *b, const char *v, bool last)
{
	const char *p;

	if (v == NULL) {
		cb_buf_add(b, "\\N");
	} else {
		for (p = v; *p != '\0'; p++) {
			switch (*p) {
			case '\\': cb_buf_add(b, "\\\\"); break;
			case '\t': cb_buf_add(b, "\\t"); break;
			case '\n': cb_buf_add(b, "\\n"); break;
			case '\r': cb_buf_add(b, "\\r"); break;
			default: cb_buf_addc(b, *p); break;
			}
		}
	}
	cb_buf_addc(b, last ? '\n' : '\t');
}

/* Split one line (without its newline) into n fields, unescaped; NULL
 * fields stay NULL. 0 when it has exactly n well-formed fields. */
static int
get_fields(const char *line, size_t len, char **f, int n)
{
	struct cb_buf b = {0};
	size_t i;
	int k = 0;
	bool null = false;

	for (i = 0;; i++) {
		if (i == len || line[i] == '\t') {
			if (k == n)
				goto bad;
			f[k++] = null ? NULL : cb_strdup(cb_buf_str(&b));
			cb_buf_clear(&b);
			null = false;
			if (i == len)
				break;
			continue;
		}
		/* \N stands alone in its field. */
		if (null)
			goto bad;
		if (line[i] != '\\') {
			cb_buf_addc(&b, line[i]);
			continue;
		}
		if (++i == len)
			goto bad;
		switch (line[i]) {
		case '\\': cb_buf_addc(&b, '\\'); break;
		case 't': cb_buf_addc(&b, '\t'); break;
		case 'n': cb_buf_addc(&b, '\n'); break;
		case 'r': cb_buf_addc(&b, '\r'); break;
		case 'N':
			if (b.len != 0)
				goto bad;
			null = true;
			break;
		default: goto bad;
		}
	}
	cb_buf_free(&b);
	return k == n ? 0 : -1;
bad:
	cb_buf_free(&b);
	return -1;
}

/* The folder, made 0700 when it is missing and closed to others when
 * it is this user's and open to them. */
static int
private_dir(const char *dir)
{
	char *probe = cb_asprintf("%s/x", dir);
	struct stat sb;
	int rc;

	rc = st_make_parents(probe, NULL);
	free(probe);
	if (rc != 0 || lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return -1;
	if (sb.st_uid == geteuid() && (sb.st_mode & 077) != 0 && chmod(dir, 0700) != 0)
		return -1;
	return 0;
}

static int
fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* An entry cut short (by a power cut: a killed process does not leave
 * half a write) was never acknowledged, so nothing was shown for it; it
 * goes, or the next entry would run into it. *size becomes the length of
 * the whole lines. */
static int
trim_unfinished(int fd, off_t *size)
{
	char last, *buf;
	off_t keep;
	ssize_t n;

	if (*size == 0)
		return 0;
	if (pread(fd, &last, 1, *size - 1) != 1)
		return -1;
	if (last == '\n')
		return 0;
	buf = cb_malloc((size_t)*size);
	n = pread(fd, buf, (size_t)*size, 0);
	if (n != (ssize_t)*size) {
		free(buf);
		return -1;
	}
	for (keep = *size; keep > 0 && buf[keep - 1] != '\n'; keep--)
		;
	free(buf);
	if (ftruncate(fd, keep) != 0)
		return -1;
	*size = keep;
	return 0;
}

int
st_audit_defer(struct cb_store *s, const char *action, const char *entity,
               const char *entity_id, const char *detail, struct cb_err *err)
{
	char *dir = pending_dir(), *real = real_path(s), *path = NULL;
	char id[CB_UUID_LEN], now[CB_STAMP_LEN];
	struct cb_buf b = {0};
	struct stat sb;
	int fd = -1, e = 0, tries;
	int rc = -1;

	if (dir == NULL) {
		e = ENOENT;
		goto out;
	}
	path = pending_path(dir, real);
	if (private_dir(dir) != 0) {
		e = errno;
		goto out;
	}
	/* Opened, locked and still there: a casebook merging it may have
	 * removed it between the open and the lock. */
	for (tries = 0; tries < 3; tries++) {
		fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 || fchmod(fd, 0600) != 0 || flock(fd, LOCK_EX) != 0 ||
		    fstat(fd, &sb) != 0) {
			e = errno;
			goto out;
		}
		if (sb.st_nlink > 0)
			break;
		close(fd);
		fd = -1;
	}
	if (fd < 0 || !S_ISREG(sb.st_mode) || sb.st_uid != geteuid()) {
		e = EPERM;
		goto out;
	}
	if (trim_unfinished(fd, &sb.st_size) != 0) {
		e = errno;
		goto out;
	}
	if (sb.st_size == 0) {
		cb_buf_add(&b, PENDING_MAGIC "\t");
		put_field(&b, real, true);
	}
	cb_uuid_new(id);
	cb_stamp_now(now);
	put_field(&b, id, false);
	put_field(&b, now, false);
	put_field(&b, s->actor, false);
	put_field(&b, s->os_user[0] != '\0' ? s->os_user : NULL, false);
	put_field(&b, action, false);
	put_field(&b, entity, false);
	put_field(&b, entity_id, false);
	put_field(&b, detail, true);
	if (cb_write_all(fd, b.s, b.len) != 0 || fsync(fd) != 0 ||
	    (sb.st_size == 0 && fsync_dir(dir) != 0)) {
		e = errno;
		/* Half a line would run into the next one. */
		if (ftruncate(fd, sb.st_size) != 0)
			e = errno;
		goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		cb_err_set(err, e == ENOSPC ? CB_EFULL : CB_EREADONLY,
		           _("%s is open for reading only, and the look could not be kept for its "
		             "audit in %s either (%s): make one of them writable"),
		           s->path, path != NULL ? path : _("the state folder ($XDG_STATE_HOME or "
		                                            "~/.local/state)"),
		           strerror(e != 0 ? e : EIO));
	if (fd >= 0)
		close(fd);
	cb_buf_free(&b);
	free(path);
	free(real);
	free(dir);
	return rc;
}

static int
merge_line(struct cb_store *s, const char *line, size_t len, const char *now, struct cb_err *err)
{
	char *f[PENDING_FIELDS] = {0}, *detail;
	sqlite3_stmt *st;
	int i, rc = -1;

	if (get_fields(line, len, f, PENDING_FIELDS) != 0 || f[0] == NULL || f[1] == NULL ||
	    f[2] == NULL || f[4] == NULL || f[5] == NULL) {
		cb_err_set(err, CB_EINVAL, "a line of the read-only audit cannot be read");
		goto out;
	}
	/* The mark a reader of the audit sees: when it was added. */
	detail = f[7] != NULL
	         ? cb_asprintf("recorded while read-only, added %s: %s", now, f[7])
	         : cb_asprintf("recorded while read-only, added %s", now);
	if (st_prepare_cached(s, s->audit_logins
	                      ? "INSERT OR IGNORE INTO audit (id, created_at, created_by, action, "
	                        "entity, entity_id, row_id, detail, os_user) VALUES (?1, ?2, ?3, "
	                        "?4, ?5, ?6, NULL, ?7, ?8)"
	                      : "INSERT OR IGNORE INTO audit (id, created_at, created_by, action, "
	                        "entity, entity_id, row_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, "
	                        "?6, NULL, ?7)",
	               &st, err) != 0) {
		free(detail);
		goto out;
	}
	st_bind_text(st, 1, f[0]);
	st_bind_text(st, 2, f[1]);
	st_bind_text(st, 3, f[2]);
	st_bind_text(st, 4, f[4]);
	st_bind_text(st, 5, f[5]);
	st_bind_text(st, 6, f[6]);
	st_bind_text(st, 7, detail);
	if (s->audit_logins)
		st_bind_text(st, 8, f[3]);
	rc = st_exec_stmt(s, st, err);
	free(detail);
out:
	for (i = 0; i < PENDING_FIELDS; i++)
		free(f[i]);
	return rc;
}

int
st_audit_merge_pending(struct cb_store *s, struct cb_err *err)
{
	char *path = cb_store_pending_audit_path(s), *real = real_path(s);
	char chunk[4096], now[CB_STAMP_LEN];
	struct cb_buf b = {0}, want = {0};
	const char *p, *end, *nl;
	struct stat sb;
	ssize_t n;
	int fd = -1, rc = 0;

	if (path == NULL)
		goto out;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		goto out; /* nothing waiting (or nothing this user may read) */
	if (flock(fd, LOCK_EX) != 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_uid != geteuid() || sb.st_nlink == 0)
		goto out;
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		cb_buf_addn(&b, chunk, (size_t)n);
	if (n < 0)
		goto out;
	cb_buf_add(&want, PENDING_MAGIC "\t");
	put_field(&want, real, true);
	/* Another database's file (two paths alike in their hash): left. */
	if (b.len < want.len || memcmp(b.s, want.s, want.len) != 0)
		goto out;
	cb_stamp_now(now);
	if (st_write_begin(s, err) != 0) {
		rc = -1;
		goto out;
	}
	p = b.s + want.len;
	end = b.s + b.len;
	/* A last line without its newline was never finished, so nothing was
	 * shown for it. */
	while (rc == 0 && p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		rc = merge_line(s, p, (size_t)(nl - p), now, err);
		p = nl + 1;
	}
	if (st_write_end(s, rc, err) != 0) {
		rc = -1;
		goto out;
	}
	/* In the audit now: the file goes, while it is still locked, so that
	 * nothing is appended to it in between. */
	if (unlink(path) != 0) {
		rc = cb_err_set(err, CB_EIO, _("cannot remove %s (%s)"), path, strerror(errno));
		goto out;
	}
out:
	if (fd >= 0)
		close(fd);
	cb_buf_free(&b);
	cb_buf_free(&want);
	free(real);
	free(path);
	return rc;
}
