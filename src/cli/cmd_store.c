/* SPDX-License-Identifier: MIT */
/* Commands on the database itself: init, check, backup. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "casebook/cli.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_server.h"
#include "cli.h"

int
cmd_init(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char *wide;
	int rc;

	if ((rc = cli_disk_refused(c)) != 0)
		return rc;
	/* An existing file is taken on: read in full before it is used. */
	if (cb_store_open(c->db, CB_STORE_ADOPT, &s, &err) != 0)
		return cli_fail(&err);
	printf(_("casebook database ready at %s (database version %d)\n"), cb_store_path(s),
	       cb_store_schema_version(s));
	/* A folder casebook made is 0700; one that was there is left as it
	 * is, but not in silence. */
	if ((wide = cli_folder_warning(cb_store_path(s))) != NULL) {
		fflush(stdout);
		fprintf(stderr, "casebook: %s\n", wide);
		free(wide);
	}
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

/* What a restore would lose, judged by the sync state of the database it
 * replaces. On a laptop that syncs, what the team's server has is not
 * lost (the next sync fetches it again), so only the rows waiting to be
 * sent count: any, and the restore is refused without --force; none, and
 * it goes ahead (*force) whatever the dates. On a laptop that has never
 * synced, everything is only here, and the restore compares the newest
 * change in each (cb_store_restore). */
static int
sync_judged(struct cli *c, bool *force)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char *last = NULL;
	long waiting = 0;
	int rc = 0;

	if (c->force || access(c->db, F_OK) != 0)
		return 0;
	/* A file that will not open as casebook's is for the restore to
	 * judge and report. */
	if (cb_store_open(c->db, CB_STORE_READONLY, &s, &err) != 0)
		return 0;
	if (cb_sync_status(s, &last, &waiting, &err) == 0 && last != NULL &&
	    cb_sync_unsent(s, &waiting, &err) == 0) {
		if (waiting > 0) {
			cli_error(ngettext("%s has %ld change not yet sent to the team's server, which "
			                   "a restore could lose: run casebook sync first, or restore "
			                   "with --force (the current file is kept aside)",
			                   "%s has %ld changes not yet sent to the team's server, which "
			                   "a restore could lose: run casebook sync first, or restore "
			                   "with --force (the current file is kept aside)",
			                   (unsigned long)waiting),
			          c->db, waiting);
			rc = CB_EXIT_FAIL;
		} else {
			*force = true;
		}
	}
	free(last);
	cb_store_close(&s);
	return rc;
}

int
cmd_restore(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char *pass = NULL, *aside = NULL, *detail;
	bool force = c->force;
	int rc;

	if (c->from == NULL)
		return cli_usage_error(c, _("say which backup to restore with --from FILE"));
	if ((rc = cli_disk_refused(c)) != 0)
		return rc;
	if ((rc = sync_judged(c, &force)) != 0)
		return rc;
	if (cb_store_backup_is_sealed(c->from) && (rc = cli_passphrase(c, false, &pass)) != 0)
		return rc;
	rc = cb_store_restore(c->from, pass, c->db, force, &aside, &err);
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
