/* SPDX-License-Identifier: MIT */
/* Commands on the database itself: init, check, backup. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "casebook/cli.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "cli.h"

int
cmd_init(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	int rc;

	if ((rc = cli_disk_refused(c)) != 0)
		return rc;
	/* An existing file is taken on: read in full before it is used. */
	if (cb_store_open(c->db, CB_STORE_ADOPT, &s, &err) != 0)
		return cli_fail(&err);
	printf(_("casebook database ready at %s (database version %d)\n"), cb_store_path(s),
	       cb_store_schema_version(s));
	cb_store_close(&s);
	return CB_EXIT_OK;
}

int
cmd_check(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	int rc;

	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (cb_store_check(s, &err) != 0) {
		char *what = cb_strdup(err.msg);

		cb_err_set(&err, CB_ECORRUPT, _("%s is damaged (%s): restore it from a backup"),
		           cb_store_path(s), what);
		free(what);
		cb_store_close(&s);
		return cli_fail(&err);
	}
	printf(_("%s is sound (integrity check: ok)\n"), cb_store_path(s));
	cb_store_close(&s);
	return CB_EXIT_OK;
}

int
cmd_backup(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char *pass = NULL;
	int rc;

	if (c->to == NULL)
		return cli_usage_error(c, _("say where the backup goes with --to FILE"));
	if (c->plain && c->passphrase_fd != NULL)
		return cli_usage_error(c, _("a --plain backup has no passphrase"));
	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (!c->plain && (rc = cli_passphrase(c, true, &pass)) != 0) {
		cb_store_close(&s);
		return rc;
	}
	rc = c->plain ? cb_store_backup(s, c->to, &err) : cb_store_backup_sealed(s, c->to, pass, &err);
	cli_passphrase_free(&pass);
	if (rc != 0) {
		cb_store_close(&s);
		return cli_fail(&err);
	}
	if (c->plain)
		printf(_("backed up %s to %s, NOT encrypted (integrity check: ok)\n"),
		       cb_store_path(s), c->to);
	else
		printf(_("backed up %s to %s, encrypted (integrity check: ok)\n"), cb_store_path(s),
		       c->to);
	cb_store_close(&s);
	return CB_EXIT_OK;
}

int
cmd_restore(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char *pass = NULL, *aside = NULL, *detail;
	int rc;

	if (c->from == NULL)
		return cli_usage_error(c, _("say which backup to restore with --from FILE"));
	if ((rc = cli_disk_refused(c)) != 0)
		return rc;
	if (cb_store_backup_is_sealed(c->from) && (rc = cli_passphrase(c, false, &pass)) != 0)
		return rc;
	rc = cb_store_restore(c->from, pass, c->db, c->force, &aside, &err);
	cli_passphrase_free(&pass);
	if (rc != 0)
		return cli_fail(&err);
	/* Open it as casebook would, check it again, and record the restore
	 * in the restored record. */
	if ((rc = cli_open(c, false, &s)) != 0) {
		free(aside);
		return rc;
	}
	detail = cb_asprintf("from %s%s%s", c->from, aside != NULL ? "; the old file is " : "",
	                     aside != NULL ? aside : "");
	if (cb_store_check(s, &err) != 0 ||
	    cb_store_audit(s, "restore", "database", NULL, detail, &err) != 0) {
		free(detail);
		free(aside);
		cb_store_close(&s);
		return cli_fail(&err);
	}
	free(detail);
	printf(_("restored %s from %s (integrity check: ok)\n"), c->db, c->from);
	if (aside != NULL)
		printf(_("the database it replaced is kept as %s\n"), aside);
	free(aside);
	cb_store_close(&s);
	return CB_EXIT_OK;
}
