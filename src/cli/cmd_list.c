/* SPDX-License-Identifier: MIT */
/* list families, list workers, add worker, set worker: for scripts,
 * tab-separated. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/cli.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/names.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "cli.h"

static int
put_family(const struct cb_family_row *r, void *ctx)
{
	(void)ctx;
	cli_put_field(r->reference, false);
	cli_put_field(r->name, false);
	cli_put_field(r->children, false);
	cli_put_field(r->workers, true);
	return 0;
}

int
cmd_list_families(struct cli *c)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	int rc;

	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	/* The look is recorded before anything is shown, as for show: a
	 * database that cannot record it (one open for reading only) shows
	 * nothing. One row at a time: the memory it takes does not grow with
	 * the number of families. */
	if (cb_store_audit(s, "read", "families", NULL, "list", &err) != 0) {
		cb_err_prefix(&err, _("the look could not be recorded, so nothing is shown"));
		rc = cli_fail(&err);
		goto out;
	}
	if (cb_store_family_rows_each(s, put_family, NULL, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = CB_EXIT_OK;
out:
	cb_store_close(&s);
	return rc;
}

int
cmd_list_workers(struct cli *c)
{
	struct cb_vec workers = CB_VEC_OWNING(cb_worker_free_item);
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	size_t i;
	int rc;

	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (cb_store_worker_list(s, &workers, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	for (i = 0; i < workers.len; i++) {
		const struct cb_worker *w = workers.items[i];

		cli_put_field(w->name, false);
		cli_put_field(w->role, false);
		cli_put_field(w->id, true);
	}
	rc = CB_EXIT_OK;
out:
	cb_vec_clear(&workers);
	cb_store_close(&s);
	return rc;
}

/* Two people of one name are told apart by their role: a second needs
 * --same-name and a role no namesake has. */
static int
same_name_check(struct cli *c, struct cb_store *s, const struct cb_worker *w)
{
	struct cb_vec same = CB_VEC_OWNING(cb_worker_free_item);
	struct cb_err err = {0};
	size_t i;
	int rc = CB_EXIT_OK;

	if (cb_store_worker_named(s, w->name, &same, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (same.len == 0)
		goto out;
	if (!c->same_name) {
		const struct cb_worker *x = same.items[0];

		cli_error(_("there is already a worker called '%s' (%s): if this is someone else, "
		            "add them with --same-name and a role that tells them apart"),
		          x->name, x->role);
		rc = CB_EXIT_FAIL;
		goto out;
	}
	for (i = 0; i < same.len; i++) {
		const struct cb_worker *x = same.items[i];

		if (cb_streq(x->role, w->role)) {
			cli_error(_("'%s' is already the name of a %s: give a different role to tell "
			            "them apart"),
			          x->name, x->role);
			rc = CB_EXIT_FAIL;
			goto out;
		}
	}
out:
	cb_vec_clear(&same);
	return rc;
}

int
cmd_add_worker(struct cli *c)
{
	struct cb_refdata *ref = NULL;
	struct cb_worker *w = cb_worker_new();
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	int rc;

	if (c->role == NULL) {
		rc = cli_usage_error(c, _("say the worker's role with --role ROLE"));
		goto out;
	}
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	if (cb_reflist_find(&ref->roles, c->role) == NULL) {
		char *ids = cb_reflist_ids(&ref->roles);

		cli_error(_("'%s' is not a role: use one of %s"), c->role, ids);
		free(ids);
		rc = CB_EXIT_USAGE;
		goto out;
	}
	/* Nothing a terminal acts on, and no direction overrides, in a name
	 * that every screen and document shows. */
	if (cb_name_check(c->args[0], _("the worker's name"), CB_NAME_MAX, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if ((rc = cli_open(c, false, &s)) != 0)
		goto out;
	w->name = cb_strdup(c->args[0]);
	w->role = cb_strdup(c->role);
	if ((rc = same_name_check(c, s, w)) != 0)
		goto out;
	if (cb_store_worker_add(s, w, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	printf("%s\n", w->id);
	rc = CB_EXIT_OK;
out:
	cb_store_close(&s);
	cb_worker_free(&w);
	cb_refdata_free(&ref);
	return rc;
}

/* set worker NAME --lang LANGUAGE: the language the workbook opens in for
 * that worker on this computer; "system" for the computer's own. */
int
cmd_set_worker(struct cli *c)
{
	struct cb_worker *w = NULL;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	const char *lang;
	int rc;

	if (c->lang == NULL) {
		rc = cli_usage_error(c, _("say the worker's language with --lang LANGUAGE (cy, en, "
		                          "or system for the computer's own)"));
		goto out;
	}
	lang = strcmp(c->lang, "system") == 0 ? "" : c->lang;
	if (*lang != '\0' && !cli_language_known(lang)) {
		rc = cli_usage_error(c, _("casebook has no messages in '%s': give cy, en, or system "
		                          "for the computer's own"), c->lang);
		goto out;
	}
	if ((rc = cli_open(c, false, &s)) != 0)
		goto out;
	if (cb_store_worker_find(s, c->args[0], &w, &err) != 0 ||
	    cb_store_worker_set_language(s, w->id, lang, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = CB_EXIT_OK;
out:
	cb_store_close(&s);
	cb_worker_free(&w);
	return rc;
}
