/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/store.h"
#include "internal.h"

int st_create_private(const char *path, struct cb_err *err);

static int
check_db(struct cb_store *s, sqlite3 *db, struct cb_err *err)
{
	sqlite3_stmt *st;
	const unsigned char *res;
	int rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return cb_err_set(err, CB_ECORRUPT, _("integrity check could not run: %s"),
		                  sqlite3_errmsg(db));
	rc = sqlite3_step(st);
	res = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
	if (res == NULL || strcmp((const char *)res, "ok") != 0) {
		cb_err_set(err, CB_ECORRUPT, _("integrity check failed: %s"),
		           res != NULL ? (const char *)res : sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	(void)s;
	return 0;
}

int
cb_store_check(struct cb_store *s, struct cb_err *err)
{
	return check_db(s, s->db, err);
}

int
cb_store_backup(struct cb_store *s, const char *dest, struct cb_err *err)
{
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	struct stat sb;
	int rc;

	if (stat(dest, &sb) == 0)
		return cb_err_set(err, CB_EEXIST,
		                  _("%s already exists: give a new file name for the backup"), dest);
	if (st_create_private(dest, err) != 0)
		return -1;
	rc = sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	b = sqlite3_backup_init(to, "main", s->db, "main");
	if (b == NULL) {
		rc = sqlite3_errcode(to);
		goto fail;
	}
	/* Copy in steps so a busy database is not held for the whole copy. */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		goto fail;
	if (check_db(s, to, err) != 0) {
		sqlite3_close(to);
		unlink(dest);
		return cb_err_prefix(err, _("the backup %s is not sound and was removed"), dest);
	}
	sqlite3_close(to);
	return cb_store_audit(s, "backup", "database", NULL, dest, err);
fail:
	{
		int e = rc & 0xFF;

		if (e == SQLITE_FULL)
			cb_err_set(err, CB_EFULL,
			           _("the disk is full, so the backup %s was not made: free some "
			             "space and try again"), dest);
		else
			cb_err_set(err, CB_EIO, _("the backup %s could not be written (%s): check "
			                          "the path and free space"),
			           dest, to != NULL ? sqlite3_errmsg(to) : sqlite3_errstr(rc));
	}
	sqlite3_close(to);
	unlink(dest);
	return -1;
}
