/* SPDX-License-Identifier: MIT */
/* export family, export minutes: the record and the minutes as text,
 * Markdown or HTML on standard output, for a conference or court report
 * and for each family's file. Every export is in the audit trail, written
 * before anything leaves casebook: if it cannot be recorded, nothing is
 * exported. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/cli.h"
#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/record.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "cli.h"

static int
want_format(struct cli *c, enum cb_export_format *f)
{
	struct cb_err err = {0};

	if (c->format == NULL)
		return cli_usage_error(c, _("say the format with --format txt, md or html"));
	if (cb_export_format_parse(c->format, f, &err) != 0)
		return cli_usage_error(c, "%s", err.msg);
	return 0;
}

/* Who exported it and when, on the document itself. */
static void
add_footer(struct cb_store *s, struct cb_doc *d)
{
	struct cb_worker *w = NULL;
	struct cb_err err = {0};
	char today[CB_DATE_LEN];
	char *footer;

	cb_date_format(cb_date_today(), today);
	if (strcmp(cb_store_actor(s), CB_SYSTEM_WORKER) != 0 &&
	    cb_store_worker_get(s, cb_store_actor(s), &w, &err) == 0)
		footer = cb_asprintf(_("Exported from casebook on %s by %s."), today, w->name);
	else
		footer = cb_asprintf(_("Exported from casebook on %s."), today);
	cb_doc_set_footer(d, footer);
	free(footer);
	cb_worker_free(&w);
}

/* Render, record the export, then write it out. */
static int
deliver(struct cb_store *s, struct cb_doc *d, enum cb_export_format f, const char *entity,
        const char *entity_id, const char *detail)
{
	struct cb_buf out = {0};
	struct cb_err err = {0};
	int rc;

	add_footer(s, d);
	cb_render(d, f, &out);
	if (cb_store_audit(s, "export", entity, entity_id, detail, &err) != 0) {
		cb_err_prefix(&err, _("the export could not be recorded, so nothing was exported"));
		rc = cli_fail(&err);
	} else {
		rc = cli_write_out(&out);
	}
	cb_buf_free(&out);
	return rc;
}

int
cmd_export_family(struct cli *c)
{
	enum cb_export_format f;
	struct cb_family *fam = NULL;
	struct cb_store *s = NULL;
	struct cb_doc *d = NULL;
	char *detail = NULL;
	int rc;

	if ((rc = want_format(c, &f)) != 0)
		return rc;
	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if ((rc = cli_family_doc(c, s, c->args[0], &fam, &d)) != 0)
		goto out;
	detail = cb_asprintf("format=%s", cb_export_format_name(f));
	rc = deliver(s, d, f, "family", fam->id, detail);
out:
	free(detail);
	cb_doc_free(&d);
	cb_family_free(&fam);
	cb_store_close(&s);
	return rc;
}

/* A meeting by its id, or by its date when only one was held that day. */
static int
find_meeting(struct cb_store *s, const char *arg, struct cb_meeting **out, struct cb_err *err)
{
	struct cb_vec all = CB_VEC_OWNING(cb_meeting_free_item);
	struct cb_date day;
	const char *id = NULL;
	size_t i, n = 0;
	int rc;

	if (cb_date_parse(arg, &day, NULL) != 0) {
		/* Shaped like a date but not a real one: say that, not "no
		 * such meeting". */
		if (strlen(arg) == 10 && strspn(arg, "0123456789-") == 10 && arg[4] == '-' &&
		    arg[7] == '-')
			return cb_err_set(err, CB_EINVAL,
			                  _("%s is not a real date: give a meeting's date or id from "
			                    "'casebook list meetings'"), arg);
		rc = cb_store_meeting_get(s, arg, out, err);
		if (rc != 0 && err->code == CB_ENOTFOUND)
			cb_err_set(err, CB_ENOTFOUND,
			           _("there is no meeting %s: give its id or date from 'casebook list "
			             "meetings'"), arg);
		return rc;
	}
	if (cb_store_meeting_list(s, &all, err) != 0) {
		cb_vec_clear(&all);
		return -1;
	}
	for (i = 0; i < all.len; i++) {
		const struct cb_meeting *m = all.items[i];

		if (cb_date_cmp(m->date, day) == 0) {
			id = m->id;
			n++;
		}
	}
	if (n == 0)
		rc = cb_err_set(err, CB_ENOTFOUND,
		                _("there was no group supervision on %s: see 'casebook list meetings'"),
		                arg);
	else if (n > 1)
		rc = cb_err_set(err, CB_EINVAL,
		                _("%zu meetings were held on %s: give the meeting's id from 'casebook "
		                  "list meetings'"), n, arg);
	else
		rc = cb_store_meeting_get(s, id, out, err);
	cb_vec_clear(&all);
	return rc;
}

int
cmd_export_minutes(struct cli *c)
{
	enum cb_export_format f;
	struct cb_refdata *ref = NULL;
	struct cb_programme prog;
	struct cb_meeting *m = NULL;
	struct cb_family *fam = NULL;
	struct cb_store *s = NULL;
	struct cb_doc *d = NULL;
	struct cb_err err = {0};
	char *detail = NULL;
	bool usable = false;
	int rc;

	cb_programme_init(&prog);
	if ((rc = want_format(c, &f)) != 0)
		return rc;
	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (find_meeting(s, c->args[0], &m, &err) != 0 ||
	    (c->family != NULL && cb_store_family_find_ref(s, c->family, &fam, &err) != 0)) {
		rc = cli_fail(&err);
		goto out;
	}
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	usable = cli_load_programme(c, ref, &prog,
	                            _("fields added to the proforma are shown by their keys"));
	if (cb_export_minutes(s, m, fam != NULL ? fam->id : NULL, ref, usable ? &prog : NULL, &d,
	                      &err) != 0) {
		if (err.code == CB_ENOTFOUND && fam != NULL) {
			char date[CB_DATE_LEN];

			cb_date_format(m->date, date);
			cb_err_set(&err, CB_ENOTFOUND,
			           _("%s was not discussed at the meeting on %s: see 'casebook list "
			             "meetings'"), fam->reference, date);
		}
		rc = cli_fail(&err);
		goto out;
	}
	detail = fam != NULL ? cb_asprintf("format=%s family=%s", cb_export_format_name(f),
	                                   fam->reference)
	                     : cb_asprintf("format=%s", cb_export_format_name(f));
	rc = deliver(s, d, f, "meeting", m->id, detail);
out:
	free(detail);
	cb_doc_free(&d);
	cb_programme_clear(&prog);
	cb_refdata_free(&ref);
	cb_family_free(&fam);
	cb_meeting_free(&m);
	cb_store_close(&s);
	return rc;
}

/* A family by its reference, whatever its case (fs-26-0142 finds
 * FS-26-0142), or by its id. */
int
cli_find_family(struct cb_store *s, const char *reference, struct cb_family **out,
                struct cb_err *err)
{
	struct cb_vec rows = CB_VEC_OWNING(cb_family_row_free_item);
	struct cb_err again = {0};
	char *want;
	const char *id = NULL;
	size_t i, n = 0;
	int rc;

	if ((rc = cb_store_family_find_ref(s, reference, out, err)) == 0 || err->code != CB_ENOTFOUND)
		return rc;
	if (cb_store_family_rows(s, &rows, &again) != 0) {
		cb_vec_clear(&rows);
		*err = again;
		return -1;
	}
	want = cb_text_fold(reference);
	for (i = 0; i < rows.len; i++) {
		const struct cb_family_row *r = rows.items[i];
		char *have = cb_text_fold(r->reference);

		if (cb_streq(have, want)) {
			id = r->id;
			n++;
		}
		free(have);
	}
	free(want);
	if (n == 1)
		rc = cb_store_family_get(s, id, out, err);
	else if (n > 1)
		rc = cb_err_set(err, CB_EINVAL, _("%zu families have the reference %s in different "
		                                  "cases: give it exactly as 'casebook list families' "
		                                  "shows it"), n, reference);
	cb_vec_clear(&rows);
	return rc;
}

/* --from and --to: real dates, in order. Either may be missing. */
int
cli_period(const struct cli *c, struct cb_date *from, struct cb_date *to)
{
	struct cb_err err = {0};

	memset(from, 0, sizeof *from);
	memset(to, 0, sizeof *to);
	if (c->from != NULL && cb_date_parse(c->from, from, &err) != 0) {
		cli_error(_("--from %s is not a date: give it as YYYY-MM-DD"), c->from);
		return CB_EXIT_FAIL;
	}
	if (c->to != NULL && cb_date_parse(c->to, to, &err) != 0) {
		cli_error(_("--to %s is not a date: give it as YYYY-MM-DD"), c->to);
		return CB_EXIT_FAIL;
	}
	if (c->from != NULL && c->to != NULL && cb_date_cmp(*from, *to) > 0) {
		cli_error(_("--from %s is after --to %s: give the earlier date first"), c->from, c->to);
		return CB_EXIT_FAIL;
	}
	return 0;
}

/* To standard output, or to a new file with --output (and say where). */
int
cli_deliver(struct cli *c, struct cb_store *s, struct cb_doc *d, enum cb_export_format f,
            const char *entity, const char *entity_id, const char *detail)
{
	struct cb_buf out = {0};
	struct cb_err err = {0};
	int rc;

	if (c->output == NULL)
		return deliver(s, d, f, entity, entity_id, detail);
	add_footer(s, d);
	cb_render(d, f, &out);
	if (cb_export_save(s, &out, c->output, entity, entity_id, detail, &err) != 0) {
		rc = cli_fail(&err);
	} else {
		printf(_("Written to %s\n"), c->output);
		rc = CB_EXIT_OK;
	}
	cb_buf_free(&out);
	return rc;
}

int
cmd_export_report(struct cli *c)
{
	enum cb_export_format f;
	struct cb_report_opts o = {0};
	struct cb_refdata *ref = NULL;
	struct cb_programme prog;
	struct cb_family *fam = NULL;
	struct cb_worker *w = NULL;
	struct cb_store *s = NULL;
	struct cb_doc *d = NULL;
	struct cb_err err = {0};
	char *detail = NULL;
	bool usable;
	int rc;

	cb_programme_init(&prog);
	if ((rc = want_format(c, &f)) != 0 || (rc = cli_period(c, &o.from, &o.to)) != 0)
		return rc;
	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (cli_find_family(s, c->args[0], &fam, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	usable = cli_load_programme(c, ref, &prog,
	                            _("the assessment shows only what the loaded modules hold"));
	o.today = cb_date_today();
	if (strcmp(cb_store_actor(s), CB_SYSTEM_WORKER) != 0 &&
	    cb_store_worker_get(s, cb_store_actor(s), &w, &err) == 0) {
		o.author = w->name;
		o.author_role = cb_reflist_label(&ref->roles, w->role);
	}
	if (cb_export_report(s, fam, ref, usable || prog.modules.len > 0 ? &prog : NULL, &o, &d,
	                     &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	detail = cb_asprintf("format=%s report from=%s to=%s", cb_export_format_name(f),
	                     c->from != NULL ? c->from : "-", c->to != NULL ? c->to : "-");
	rc = cli_deliver(c, s, d, f, "family", fam->id, detail);
out:
	free(detail);
	cb_doc_free(&d);
	cb_worker_free(&w);
	cb_programme_clear(&prog);
	cb_refdata_free(&ref);
	cb_family_free(&fam);
	cb_store_close(&s);
	return rc;
}
