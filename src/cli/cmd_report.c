/* SPDX-License-Identifier: MIT */
/* report programme: the figures a manager and the authority need, on
 * standard output or in a new file, as text, CSV or HTML. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/cli.h"
#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "cli.h"

/* --team: a team by its name, in any case. */
static int
find_team(struct cb_store *s, const char *name, char **out, struct cb_err *err)
{
	struct cb_vec teams = CB_VEC_OWNING(cb_team_free_item);
	char *want = cb_text_fold(name);
	size_t i;
	int rc;

	*out = NULL;
	if ((rc = cb_store_team_list(s, &teams, err)) != 0)
		goto out;
	for (i = 0; i < teams.len && *out == NULL; i++) {
		const struct cb_team *t = teams.items[i];
		char *have = cb_text_fold(t->name);

		if (cb_streq(have, want))
			*out = cb_strdup(t->name);
		free(have);
	}
	if (*out == NULL)
		rc = cb_err_set(err, CB_ENOTFOUND, _("there is no team called %s: give a team's name "
		                                     "as it is recorded"), name);
out:
	free(want);
	cb_vec_clear(&teams);
	return rc;
}

int
cmd_report_programme(struct cli *c)
{
	struct cb_programme_opts o = {0};
	struct cb_refdata *ref = NULL;
	struct cb_programme prog;
	struct cb_worker *w = NULL;
	struct cb_store *s = NULL;
	struct cb_doc *d = NULL;
	struct cb_buf csv = {0}, out = {0};
	struct cb_err err = {0};
	char *team = NULL, *detail = NULL;
	bool is_csv = false;
	enum cb_export_format f = CB_EXPORT_TXT;
	int rc;

	cb_programme_init(&prog);
	if (c->format == NULL)
		return cli_usage_error(c, _("say the format with --format txt, csv or html"));
	if (cb_streq(c->format, "csv"))
		is_csv = true;
	else if (!cb_streq(c->format, "txt") && !cb_streq(c->format, "html"))
		return cli_usage_error(c, _("'%s' is not a format here: use txt, csv or html"),
		                       c->format);
	else
		cb_export_format_parse(c->format, &f, &err);
	if (c->by == NULL || cb_streq(c->by, "family"))
		o.by = CB_BY_FAMILY;
	else if (cb_streq(c->by, "worker"))
		o.by = CB_BY_WORKER;
	else if (cb_streq(c->by, "team"))
		o.by = CB_BY_TEAM;
	else
		return cli_usage_error(c, _("--by %s: use family, worker or team"), c->by);
	if ((rc = cli_period(c, &o.from, &o.to)) != 0)
		return rc;
	if (!cb_date_is_set(o.to))
		o.to = cb_date_today();
	if (c->from != NULL && c->to == NULL && cb_date_cmp(o.from, o.to) > 0) {
		cli_error(_("--from %s is after today: give a date that has come"), c->from);
		return CB_EXIT_FAIL;
	}
	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if ((c->team != NULL && find_team(s, c->team, &team, &err) != 0) ||
	    (c->worker != NULL && cb_store_worker_find(s, c->worker, &w, &err) != 0)) {
		rc = cli_fail(&err);
		goto out;
	}
	o.team = team;
	o.worker_id = w != NULL ? w->id : NULL;
	o.worker_name = w != NULL ? w->name : NULL;
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	if (cli_load_programme(c, ref, &prog, _("module progress counts the modules that loaded")))
		o.prog = &prog;
	else if (prog.modules.len > 0)
		o.prog = &prog;
	if (cb_report_programme(s, &o, is_csv ? &csv : NULL, is_csv ? NULL : &d, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	detail = cb_asprintf("format=%s by=%s team=%s worker=%s from=%s to=%s", c->format,
	                     c->by != NULL ? c->by : "family", team != NULL ? team : "-",
	                     w != NULL ? w->name : "-", c->from != NULL ? c->from : "-",
	                     c->to != NULL ? c->to : "-");
	if (!is_csv) {
		rc = cli_deliver(c, s, d, f, "programme", "", detail);
		goto out;
	}
	if (c->output != NULL) {
		if (cb_export_save(s, &csv, c->output, "programme", "", detail, &err) != 0) {
			rc = cli_fail(&err);
		} else {
			printf(_("Written to %s\n"), c->output);
			rc = CB_EXIT_OK;
		}
	} else if (cb_store_audit(s, "export", "programme", "", detail, &err) != 0) {
		cb_err_prefix(&err, _("the export could not be recorded, so nothing was exported"));
		rc = cli_fail(&err);
	} else {
		rc = cli_write_out(&csv);
	}
out:
	cb_buf_free(&out);
	cb_buf_free(&csv);
	free(detail);
	free(team);
	cb_doc_free(&d);
	cb_worker_free(&w);
	cb_programme_clear(&prog);
	cb_refdata_free(&ref);
	cb_store_close(&s);
	return rc;
}
