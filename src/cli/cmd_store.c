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
	int rc;

	if (c->to == NULL)
		return cli_usage_error(c, _("say where the backup goes with --to FILE"));
	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (cb_store_backup(s, c->to, &err) != 0) {
		cb_store_close(&s);
		return cli_fail(&err);
	}
	printf(_("backed up %s to %s (integrity check: ok)\n"), cb_store_path(s), c->to);
	cb_store_close(&s);
	return CB_EXIT_OK;
}
