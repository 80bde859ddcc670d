/* SPDX-License-Identifier: MIT */
/* casebook audit: who did or looked at what, and when. Reading the audit
 * is itself recorded. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/cli.h"
#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_audit.h"
#include "casebook/store_families.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "cli.h"

/* A CSV field, quoted when it needs to be (RFC 4180). */
static void
put_csv(const char *v, bool last)
{
	const char *p;

	if (v == NULL)
		v = "";
	if (strpbrk(v, ",\"\r\n") != NULL) {
		putchar('"');
		for (p = v; *p != '\0'; p++) {
			if (*p == '"')
				putchar('"');
			putchar(*p);
		}
		putchar('"');
	} else {
		fputs(v, stdout);
	}
	fputs(last ? "\r\n" : ",", stdout);
}

static const char *
or_dash(const char *v)
{
	return v != NULL && *v != '\0' ? v : "-";
}

static int
want_date(struct cli *c, const char *opt, const char *v, char out[CB_DATE_LEN])
{
	struct cb_date d;
	struct cb_err err = {0};

	if (v == NULL)
		return 0;
	if (cb_date_parse(v, &d, &err) != 0)
		return cli_usage_error(c, _("%s %s is not a date: %s"), opt, v, err.msg);
	cb_date_format(d, out);
	return 0;
}

int
cmd_audit(struct cli *c)
{
	struct cb_vec rows = CB_VEC_OWNING(cb_audit_row_free_item);
	struct cb_audit_filter f = {0};
	struct cb_family *fam = NULL;
	struct cb_worker *w = NULL;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char from[CB_DATE_LEN], to[CB_DATE_LEN];
	bool csv = false;
	char *detail;
	size_t i;
	int rc;

	if (c->format != NULL && strcmp(c->format, "csv") == 0)
		csv = true;
	else if (c->format != NULL && strcmp(c->format, "txt") != 0)
		return cli_usage_error(c, _("the format '%s' is not one of txt, csv"), c->format);
	if ((rc = want_date(c, "--from", c->from, from)) != 0 ||
	    (rc = want_date(c, "--to", c->to, to)) != 0)
		return rc;
	f.from = c->from != NULL ? from : NULL;
	f.to = c->to != NULL ? to : NULL;
	if (f.from != NULL && f.to != NULL && strcmp(f.from, f.to) > 0)
		return cli_usage_error(c, _("--from %s is after --to %s"), f.from, f.to);
	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if ((c->family != NULL && cb_store_family_find_ref(s, c->family, &fam, &err) != 0) ||
	    (c->worker != NULL && cb_store_worker_find(s, c->worker, &w, &err) != 0)) {
		rc = cli_fail(&err);
		goto out;
	}
	f.family_id = fam != NULL ? fam->id : NULL;
	f.worker_id = w != NULL ? w->id : NULL;
	if (cb_store_audit_list(s, &f, &rows, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	/* The question asked is itself a look at the record. */
	detail = cb_asprintf("family=%s worker=%s from=%s to=%s", or_dash(c->family),
	                     or_dash(w != NULL ? w->name : NULL), or_dash(f.from), or_dash(f.to));
	rc = cb_store_audit(s, "read", fam != NULL ? "family" : "audit", f.family_id, detail, &err);
	free(detail);
	if (rc != 0) {
		cb_err_prefix(&err, _("the look at the audit could not be recorded, so nothing is "
		                      "shown"));
		rc = cli_fail(&err);
		goto out;
	}
	if (csv)
		fputs("when,worker,os_user,action,entity,entity_id,family,detail\r\n", stdout);
	for (i = 0; i < rows.len; i++) {
		const struct cb_audit_row *r = rows.items[i];

		if (csv) {
			put_csv(r->at, false);
			put_csv(r->worker, false);
			put_csv(r->os_user, false);
			put_csv(r->action, false);
			put_csv(r->entity, false);
			put_csv(r->entity_id, false);
			put_csv(r->family_ref, false);
			put_csv(r->detail, true);
		} else {
			cli_put_field(r->at, false);
			cli_put_field(or_dash(r->worker), false);
			cli_put_field(or_dash(r->os_user), false);
			cli_put_field(r->action, false);
			cli_put_field(r->entity, false);
			cli_put_field(or_dash(r->family_ref), false);
			cli_put_field(or_dash(r->detail), true);
		}
	}
	rc = CB_EXIT_OK;
out:
	cb_vec_clear(&rows);
	cb_family_free(&fam);
	cb_worker_free(&w);
	cb_store_close(&s);
	return rc;
}
