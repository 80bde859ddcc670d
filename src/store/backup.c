/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
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
		char *detail = st_check_detail(res != NULL ? (const char *)res : sqlite3_errmsg(db));

		cb_err_set(err, CB_ECORRUPT, _("integrity check failed: %s"), detail);
		free(detail);
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
	if (check_db(s, s->db, err) != 0)
		return -1;
	st_clear_stale_markers(s->path);
	return 0;
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
	{
		/* A plain copy is a choice the audit shows as such. */
		char *detail = cb_asprintf("plain %s", dest);

		rc = cb_store_audit(s, "backup", "database", NULL, detail, err);
		free(detail);
		return rc;
	}
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

/* The whole database as bytes, through an in-memory copy, checked. In
 * rollback-journal form, so that the copy opens anywhere. */
static int
snapshot(struct cb_store *s, unsigned char **out, sqlite3_int64 *len, struct cb_err *err)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	int rc;

	*out = NULL;
	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(mem);
		return cb_err_set(err, CB_ENOMEM, _("there is not enough memory for the backup"));
	}
	b = sqlite3_backup_init(mem, "main", s->db, "main");
	if (b == NULL) {
		cb_err_set(err, CB_EIO, _("the backup could not start: %s"), sqlite3_errmsg(mem));
		goto fail;
	}
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		cb_err_set(err, CB_EIO, _("the database could not be read for the backup: %s"),
		           sqlite3_errstr(rc));
		goto fail;
	}
	if (check_db(s, mem, err) != 0)
		goto fail;
	*out = sqlite3_serialize(mem, "main", len, 0);
	if (*out == NULL) {
		cb_err_set(err, CB_ENOMEM, _("there is not enough memory for the backup"));
		goto fail;
	}
	if (*len >= 20 && (*out)[18] == 2 && (*out)[19] == 2)
		(*out)[18] = (*out)[19] = 1;
	sqlite3_close(mem);
	return 0;
fail:
	sqlite3_close(mem);
	return -1;
}

int
cb_store_backup_sealed(struct cb_store *s, const char *dest, const char *passphrase,
                       struct cb_err *err)
{
	unsigned char *data = NULL;
	sqlite3_int64 len = 0;
	struct stat sb;
	char *detail;
	int rc;

	if (passphrase == NULL || *passphrase == '\0')
		return cb_err_set(err, CB_EINVAL, _("a backup needs a passphrase (or --plain)"));
	if (stat(dest, &sb) == 0)
		return cb_err_set(err, CB_EEXIST,
		                  _("%s already exists: give a new file name for the backup"), dest);
	if (st_crypt_init(err) != 0 || snapshot(s, &data, &len, err) != 0)
		return -1;
	rc = st_crypt_write(dest, data, (size_t)len, passphrase, err);
	sodium_memzero(data, (size_t)len);
	sqlite3_free(data);
	if (rc != 0)
		return -1;
	detail = cb_asprintf("encrypted %s", dest);
	rc = cb_store_audit(s, "backup", "database", NULL, detail, err);
	free(detail);
	if (rc != 0) {
		/* A backup the audit does not know of must not leave. */
		unlink(dest);
		return cb_err_prefix(err, _("the backup could not be recorded, so it was removed"));
	}
	return 0;
}

static int
probe_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	out[0] = '\0';
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_text(st, 0) != NULL)
			snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Check the restored bytes as a database: casebook's, sound, not from a
 * newer casebook. newest gets its latest audit time. */
static int
check_image(sqlite3 *mem, const char *from, char *newest, size_t n, struct cb_err *err)
{
	char v[32];
	int version;

	if (probe_text(mem, "PRAGMA application_id", v, sizeof v) != SQLITE_OK ||
	    strtol(v, NULL, 10) != CB_APP_ID)
		return cb_err_set(err, CB_ENOTDB, _("%s is not a casebook backup"), from);
	if (probe_text(mem, "PRAGMA user_version", v, sizeof v) != SQLITE_OK)
		return cb_err_set(err, CB_ECORRUPT, _("the backup %s is damaged"), from);
	version = (int)strtol(v, NULL, 10);
	if (version > st_schema_known())
		return cb_err_set(err, CB_ENEWER,
		                  _("the backup %s was made by a newer casebook (database version %d): "
		                    "install the newer casebook to restore it"), from, version);
	if (check_db(NULL, mem, err) != 0)
		return cb_err_prefix(err, _("the backup %s is damaged"), from);
	if (probe_text(mem, "SELECT max(created_at) FROM audit", newest, n) != SQLITE_OK)
		return cb_err_set(err, CB_ECORRUPT, _("the backup %s is damaged"), from);
	return 0;
}

/* The latest change in the database at path ("" when none), with its WAL
 * folded in so that the file can be moved whole. Refuses when another
 * program has it open for writing. */
static int
settle_target(const char *path, char *newest, size_t n, struct cb_err *err)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, 2000);
		rc = probe_text(db, "PRAGMA wal_checkpoint(TRUNCATE)", newest, n);
	}
	if (rc == SQLITE_OK && strcmp(newest, "0") != 0)
		rc = SQLITE_BUSY;
	if (rc == SQLITE_OK)
		rc = probe_text(db, "SELECT max(created_at) FROM audit", newest, n);
	if (rc != SQLITE_OK) {
		cb_err_set(err, rc == SQLITE_BUSY ? CB_EBUSY : CB_ECORRUPT,
		           rc == SQLITE_BUSY
		               ? _("%s is in use: close casebook everywhere it is open, then restore")
		               : _("%s cannot be read (%s): move it away by hand, then restore"),
		           path, sqlite3_errstr(rc));
		sqlite3_close(db);
		return -1;
	}
	/* The last connection to close removes the emptied WAL. */
	return sqlite3_close(db) == SQLITE_OK ? 0
	                                      : cb_err_set(err, CB_EBUSY, _("%s is in use"), path);
}

int
cb_store_restore(const char *from, const char *passphrase, const char *path, bool force,
                 char **aside, struct cb_err *err)
{
	unsigned char *bytes = NULL, *img;
	size_t len = 0;
	bool sealed;
	sqlite3 *mem = NULL, *to = NULL;
	sqlite3_backup *b;
	char backup_newest[CB_STAMP_LEN + 8], target_newest[CB_STAMP_LEN + 8];
	char *tmp = NULL, stamp[CB_STAMP_LEN];
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	int rc = -1;

	*aside = NULL;
	if (st_crypt_init(err) != 0 ||
	    st_crypt_read(from, passphrase != NULL ? passphrase : "", &bytes, &len, &sealed,
	                  err) != 0)
		return -1;
	if (sealed && (passphrase == NULL || *passphrase == '\0')) {
		cb_err_set(err, CB_EINVAL, _("the backup %s is encrypted: give its passphrase"), from);
		goto out;
	}
	if (len < 100 || memcmp(bytes, "SQLite format 3", 16) != 0) {
		cb_err_set(err, CB_ENOTDB, _("%s is not a casebook backup"), from);
		goto out;
	}
	if (bytes[18] == 2 && bytes[19] == 2)
		bytes[18] = bytes[19] = 1;
	img = sqlite3_malloc64(len);
	if (img == NULL || sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) !=
	                       SQLITE_OK) {
		sqlite3_free(img);
		cb_err_set(err, CB_ENOMEM, _("there is not enough memory to restore"));
		goto out;
	}
	memcpy(img, bytes, len);
	if (sqlite3_deserialize(mem, "main", img, (sqlite3_int64)len, (sqlite3_int64)len,
	                        SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) !=
	    SQLITE_OK) {
		cb_err_set(err, CB_ECORRUPT, _("the backup %s is damaged"), from);
		goto out;
	}
	if (check_image(mem, from, backup_newest, sizeof backup_newest, err) != 0)
		goto out;
	if (exists) {
		if (S_ISDIR(sb.st_mode)) {
			cb_err_set(err, CB_EINVAL, _("%s is a folder: give the database file"), path);
			goto out;
		}
		if (settle_target(path, target_newest, sizeof target_newest, err) != 0)
			goto out;
		if (!force && strcmp(target_newest, backup_newest) > 0) {
			cb_err_set(err, CB_EEXIST,
			           _("%s has changes newer than the backup (the latest at %s): to replace "
			             "them, restore with --force (the current file is kept aside)"),
			           path, target_newest);
			goto out;
		}
	}
	/* Write the new file beside the old one, check it, then swap. */
	tmp = cb_asprintf("%s.restoring", path);
	unlink(tmp);
	if (st_create_private(tmp, err) != 0)
		goto out;
	if (sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    (b = sqlite3_backup_init(to, "main", mem, "main")) == NULL) {
		cb_err_set(err, CB_EIO, _("%s could not be written: %s"), tmp, sqlite3_errmsg(to));
		goto out_tmp;
	}
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		cb_err_set(err, (rc & 0xff) == SQLITE_FULL ? CB_EFULL : CB_EIO,
		           _("%s could not be written: %s"), tmp, sqlite3_errstr(rc));
		rc = -1;
		goto out_tmp;
	}
	rc = -1;
	if (check_db(NULL, to, err) != 0)
		goto out_tmp;
	sqlite3_close(to);
	to = NULL;
	if (exists) {
		size_t i;

		cb_stamp_now(stamp);
		for (i = 0; stamp[i] != '\0'; i++)
			if (stamp[i] == ':')
				stamp[i] = '-';
		*aside = cb_asprintf("%s.before-restore-%s", path, stamp);
		if (rename(path, *aside) != 0) {
			cb_err_set(err, CB_EIO, _("%s could not be moved aside: %s"), path,
			           strerror(errno));
			free(*aside);
			*aside = NULL;
			goto out_tmp;
		}
	}
	if (rename(tmp, path) != 0) {
		cb_err_set(err, CB_EIO, _("the restored database could not be put in place: %s"),
		           strerror(errno));
		if (*aside != NULL && rename(*aside, path) == 0) {
			free(*aside);
			*aside = NULL;
		}
		goto out_tmp;
	}
	rc = 0;
	goto out;
out_tmp:
	sqlite3_close(to);
	to = NULL;
	unlink(tmp);
out:
	sqlite3_close(to);
	sqlite3_close(mem);
	free(tmp);
	if (bytes != NULL) {
		sodium_memzero(bytes, len);
		free(bytes);
	}
	return rc;
}
