/* SPDX-License-Identifier: MIT */
/* show family, list meetings: the record as text, without a terminal, for
 * scripts, checks and the golden tests. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/cli.h"
#include "casebook/date.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "cli.h"

bool
cli_load_programme(struct cli *c, const struct cb_refdata *ref, struct cb_programme *out,
                   const char *instead)
{
	struct cb_diags diags;
	bool inconsistent = false, ok;

	cb_diags_init(&diags);
	ok = cli_programme(c, ref, out, &inconsistent, &diags) == 0;
	/* The problems themselves are for 'modules check'; here one line
	 * says what the output does without the programme. */
	if (!ok)
		cli_error(_("the programme's modules have problems (see 'casebook modules check'): %s"),
		          instead);
	cb_diags_clear(&diags);
	return ok;
}

int
cli_write_out(const struct cb_buf *b)
{
	errno = 0;
	if (fwrite(cb_buf_str(b), 1, b->len, stdout) != b->len || fflush(stdout) != 0 ||
	    ferror(stdout)) {
		cli_error(_("could not write the output: %s: check there is room where it goes"),
		          errno != 0 ? strerror(errno) : _("write error"));
		return CB_EXIT_FAIL;
	}
	return CB_EXIT_OK;
}

int
cli_family_doc(struct cli *c, struct cb_store *s, const char *reference,
               struct cb_family **family, struct cb_doc **out)
{
	struct cb_refdata *ref = NULL;
	struct cb_programme prog;
	struct cb_err err = {0};
	bool usable = false;
	size_t i;
	int rc;

	cb_programme_init(&prog);
	*out = NULL;
	if (cb_store_family_find_ref(s, reference, family, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	/* A broken file leaves its module out, and progress shown against
	 * what is left would call that module's work "no longer in the
	 * programme": show only what is recorded instead. */
	if (cli_load_programme(c, ref, &prog,
	                       _("programme progress shows only the modules recorded for the family")))
		for (i = 0; i < prog.modules.len; i++)
			if (((const struct cb_module *)prog.modules.items[i])->kind == CB_MODULE_PROGRAMME)
				usable = true;
	if (cb_export_family(s, *family, ref, usable ? &prog : NULL, cb_date_today(), out,
	                     &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = 0;
out:
	cb_programme_clear(&prog);
	cb_refdata_free(&ref);
	return rc;
}

int
cmd_show_family(struct cli *c)
{
	struct cb_family *f = NULL;
	struct cb_store *s = NULL;
	struct cb_doc *d = NULL;
	struct cb_buf out = {0};
	struct cb_err err = {0};
	int rc;

	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if ((rc = cli_family_doc(c, s, c->args[0], &f, &d)) != 0)
		goto out;
	cb_render_txt(d, CB_TXT_WIDTH, &out);
	/* Every look at a family is in the audit, before anything is shown. */
	if (cb_store_audit(s, "read", "family", f->id, "show", &err) != 0) {
		cb_err_prefix(&err, _("the look could not be recorded, so nothing is shown"));
		rc = cli_fail(&err);
		goto out;
	}
	rc = cli_write_out(&out);
out:
	cb_buf_free(&out);
	cb_doc_free(&d);
	cb_family_free(&f);
	cb_store_close(&s);
	return rc;
}

int
cmd_list_meetings(struct cli *c)
{
	struct cb_vec meetings = CB_VEC_OWNING(cb_meeting_free_item);
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	size_t i;
	int rc;

	if ((rc = cli_open(c, false, &s)) != 0)
		return rc;
	if (cb_store_meeting_list(s, &meetings, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	for (i = 0; i < meetings.len; i++) {
		const struct cb_meeting *m = meetings.items[i];
		char date[CB_DATE_LEN];

		cb_date_format(m->date, date);
		cli_put_field(m->id, false);
		cli_put_field(date, false);
		cli_put_field(m->chair_name, false);
		cli_put_field(m->families, false);
		cli_put_field(m->is_signed ? "signed" : "unsigned", true);
	}
	rc = fflush(stdout) == 0 && !ferror(stdout) ? CB_EXIT_OK : CB_EXIT_FAIL;
	if (rc != CB_EXIT_OK)
		cli_error(_("could not write the list: check there is room where it goes"));
out:
	cb_vec_clear(&meetings);
	cb_store_close(&s);
	return rc;
}
