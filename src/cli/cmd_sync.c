/* SPDX-License-Identifier: MIT */
/* The team's server and sync: server init, add-worker, move-worker, sync,
 * list conflicts, resolve conflict. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casebook/cli.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_server.h"
#include "casebook/vec.h"
#include "cli.h"

int
cmd_server_init(struct cli *c)
{
	struct cb_err err = {0};
	int version;

	if (cb_server_init(c->server, &version, &err) != 0)
		return cli_fail(&err);
	printf(_("casebook server schema ready (server version %d)\n"), version);
	return CB_EXIT_OK;
}

int
cmd_server_add_worker(struct cli *c)
{
	struct cb_refdata *ref = NULL;
	struct cb_err err = {0};
	int rc;

	if (c->role == NULL || c->team == NULL || c->login == NULL)
		return cli_usage_error(c, _("say the worker's --role, --team and --login"));
	if ((rc = cli_refdata(&ref)) != 0)
		return rc;
	if (cb_reflist_find(&ref->roles, c->role) == NULL) {
		char *ids = cb_reflist_ids(&ref->roles);

		cli_error(_("'%s' is not a role: use one of %s"), c->role, ids);
		free(ids);
		cb_refdata_free(&ref);
		return CB_EXIT_USAGE;
	}
	cb_refdata_free(&ref);
	if (cb_server_add_worker(c->server, c->args[0], c->role, c->team, c->login, &err) != 0)
		return cli_fail(&err);
	printf(_("%s logs in as %s, in team %s\n"), c->args[0], c->login, c->team);
	return CB_EXIT_OK;
}

int
cmd_server_move_worker(struct cli *c)
{
	struct cb_err err = {0};

	if (c->team == NULL)
		return cli_usage_error(c, _("say the new team with --team TEAM"));
	if (cb_server_move_worker(c->server, c->args[0], c->team, &err) != 0)
		return cli_fail(&err);
	printf(_("%s is now in team %s only\n"), c->args[0], c->team);
	return CB_EXIT_OK;
}

static void
progress(const char *what, long done, void *arg)
{
	(void)arg;
	fprintf(stderr, _("casebook: sync: %s %ld\n"), what, done);
}

int
cmd_sync(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct cb_sync_stats st;
	int rc;

	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (cb_sync(s, c->server, &st, isatty(2) ? progress : NULL, NULL, &err) != 0) {
		cb_sync_stats_clear(&st);
		cb_store_close(&s);
		return cli_fail(&err);
	}
	printf(_("synced: sent %ld, fetched %ld, in conflict %ld, waiting for a record not "
	         "here yet %ld\n"), st.pushed, st.pulled, st.conflicts, st.waiting);
	{
		long open = 0;

		if (cb_conflict_count(s, &open, &err) == 0 && open > 0)
			printf(ngettext("%ld conflict is open: casebook list conflicts shows it, C in "
			                "the workbook resolves it\n",
			                "%ld conflicts are open: casebook list conflicts shows them, C in "
			                "the workbook resolves them\n", open), open);
	}
	if (st.laptop_worker > 0)
		printf(ngettext("%ld change made by %s stays on this laptop: %s was added here, not "
		                "on the team's server; the administrator adds workers with casebook "
		                "server add-worker (casebook-server(8)), and each works as the worker "
		                "the server made\n",
		                "%ld changes made by %s stay on this laptop: %s was added here, not "
		                "on the team's server; the administrator adds workers with casebook "
		                "server add-worker (casebook-server(8)), and each works as the worker "
		                "the server made\n", st.laptop_worker),
		       st.laptop_worker, st.laptop_worker_name, st.laptop_worker_name);
	cb_sync_stats_clear(&st);
	if (st.local_only > 0)
		printf(ngettext("%ld change made by casebook's own author (not a worker) stays on "
		                "this laptop: import with --as WORKER to share it\n",
		                "%ld changes made by casebook's own author (not a worker) stay on "
		                "this laptop: import with --as WORKER to share them\n",
		                st.local_only), st.local_only);
	cb_store_close(&s);
	return CB_EXIT_OK;
}

int
cmd_list_conflicts(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct cb_vec v = CB_VEC_OWNING(cb_conflict_free);
	size_t i;
	int rc;

	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (cb_conflict_list(s, &v, &err) != 0) {
		cb_store_close(&s);
		return cli_fail(&err);
	}
	for (i = 0; i < v.len; i++) {
		const struct cb_sync_conflict *k = v.items[i];

		cli_put_field(k->table, false);
		cli_put_field(k->record, false);
		cli_put_field(k->mine, false);
		cli_put_field(k->theirs, true);
	}
	cb_vec_clear(&v);
	cb_store_close(&s);
	return CB_EXIT_OK;
}

int
cmd_resolve_conflict(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	int rc;

	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (cb_conflict_resolve(s, NULL, c->args[0], c->args[1], &err) != 0) {
		cb_store_close(&s);
		return cli_fail(&err);
	}
	if (strcmp(c->args[1], "same") == 0)
		printf(_("resolved: the two are one family, recorded twice; both records stay\n"));
	else
		printf(strcmp(c->args[1], "mine") == 0
		           ? _("resolved with this laptop's version: a new version names both\n")
		           : _("resolved with the other version: a new version names both\n"));
	cb_store_close(&s);
	return CB_EXIT_OK;
}
