/* SPDX-License-Identifier: MIT */
/* search: what is recorded, found by its words, for scripts. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "casebook/cli.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/store.h"
#include "casebook/store_search.h"
#include "cli.h"

static int
put_hit(const struct cb_search_hit *h, void *ctx)
{
	(void)ctx;
	cli_put_field(h->reference, false);
	cli_put_field(h->kind, false);
	cli_put_field(h->day, false);
	cli_put_field(h->snippet, true);
	return 0;
}

int
cmd_search(struct cli *c)
{
	struct cb_search_query q = {0};
	struct cb_family *f = NULL;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	int rc;

	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (c->family != NULL && cli_find_family(s, c->family, &f, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	/* The search is in the audit before anything is shown (not its words:
	 * they may name someone). */
	if (cb_store_audit(s, "read", f != NULL ? "family" : "families", f != NULL ? f->id : NULL,
	                   "search", &err) != 0) {
		cb_err_prefix(&err, _("the look could not be recorded, so nothing is shown"));
		rc = cli_fail(&err);
		goto out;
	}
	q.text = c->args[0];
	q.family_id = f != NULL ? f->id : NULL;
	q.mark_open = "[";
	q.mark_close = "]";
	if (cb_store_search_each(s, &q, put_hit, NULL, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = CB_EXIT_OK;
out:
	cb_family_free(&f);
	cb_store_close(&s);
	return rc;
}
