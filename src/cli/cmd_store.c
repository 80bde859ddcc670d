/* SPDX-License-Identifier: MIT */
/* Commands on the database itself: init, backup. */
#include "config.h"

#include <stdio.h>

#include "casebook/cli.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/store.h"
#include "cli.h"

int
cmd_init(struct cli *c)
{
	struct cb_store *s = NULL;
	int rc;

	if ((rc = cli_open(c, true, &s)) != 0)
		return rc;
	printf(_("casebook database ready at %s (database version %d)\n"), cb_store_path(s),
	       cb_store_schema_version(s));
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
