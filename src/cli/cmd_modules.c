/* SPDX-License-Identifier: MIT */
/* modules list, modules check: the programme as casebook will use it, and
 * every problem in an authority's module files, with where it is. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/answer.h"
#include "casebook/cli.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/vec.h"
#include "casebook/workbook.h"
#include "cli.h"

/* Problems to stderr after whatever went to stdout, so the two come out
 * in the same order however they are captured. */
static void
report(struct cb_diags *diags, bool inconsistent)
{
	fflush(stdout);
	if (cb_diags_count(diags) > 0) {
		cli_print_diags(diags);
		cli_problems_summary(diags);
	}
	if (inconsistent)
		cli_error(_("the workbook will not open with the modules as they are: fix the "
		            "problems above first"));
}

int
cmd_modules_list(struct cli *c)
{
	struct cb_refdata *ref = NULL;
	struct cb_programme p;
	struct cb_diags diags;
	bool inconsistent = false;
	size_t i;
	int rc;

	cb_diags_init(&diags);
	cb_programme_init(&p);
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	rc = cli_programme(c, ref, &p, &inconsistent, &diags);
	for (i = 0; i < p.modules.len; i++) {
		const struct cb_module *m = p.modules.items[i];
		char version[32];

		snprintf(version, sizeof version, "%ld", m->version);
		cli_put_field(m->id, false);
		cli_put_field(version, false);
		cli_put_field(m->title, false);
		cli_put_field(m->source, true);
	}
	report(&diags, inconsistent);
out:
	cb_programme_clear(&p);
	cb_diags_clear(&diags);
	cb_refdata_free(&ref);
	return rc != 0 || inconsistent ? CB_EXIT_FAIL : CB_EXIT_OK;
}

/* Hold the programme against the versions the database has recorded
 * answers under, when there is a database to ask: 0 when all is well, 1
 * when a module is older (in diags), -1 when the database could not say
 * (already printed). */
static int
check_recorded(struct cli *c, const struct cb_programme *p, struct cb_diags *diags)
{
	struct cb_vec versions = CB_VEC_OWNING(cb_module_version_free_item);
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	int rc = 0;

	if (access(c->db, F_OK) != 0)
		return 0;
	if (cb_store_open(c->db, CB_STORE_READONLY, &s, &err) != 0 ||
	    cb_store_module_versions(s, &versions, &err) != 0) {
		fflush(stdout);
		cli_error(_("cannot compare the modules with the database %s: %s"), c->db, err.msg);
		rc = -1;
	} else if (cb_programme_check_recorded(p, &versions, diags) != 0) {
		rc = 1;
	}
	cb_vec_clear(&versions);
	cb_store_close(&s);
	return rc;
}

int
cmd_modules_check(struct cli *c)
{
	struct cb_vec loose = CB_VEC_OWNING(cb_module_free_item);
	struct cb_refdata *ref = NULL;
	struct cb_programme p;
	struct cb_diags diags;
	bool inconsistent = false, failed = false;
	size_t checked;
	int i, rc;

	cb_diags_init(&diags);
	cb_programme_init(&p);
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	if (c->nargs == 0) {
		cli_programme(c, ref, &p, &inconsistent, &diags);
		switch (check_recorded(c, &p, &diags)) {
		case 0: break;
		case 1: inconsistent = true; break;
		default: failed = true; break;
		}
		checked = p.modules.len;
	} else {
		for (i = 0; i < c->nargs; i++) {
			struct stat st;
			struct cb_module *m = NULL;

			if (stat(c->args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
				cb_module_load_dir(c->args[i], ref, &loose, &diags);
			} else if (cb_module_load_file(c->args[i], ref, &m, &diags) == 0) {
				cb_vec_push(&loose, m);
			}
		}
		checked = loose.len;
	}
	if (cb_diags_count(&diags) == 0 && !failed && !inconsistent)
		printf(ngettext("%zu module checked: no problems\n",
		                "%zu modules checked: no problems\n", checked), checked);
	report(&diags, inconsistent);
	rc = cb_diags_count(&diags) > 0 || failed || inconsistent ? CB_EXIT_FAIL : CB_EXIT_OK;
out:
	cb_vec_clear(&loose);
	cb_programme_clear(&p);
	cb_diags_clear(&diags);
	cb_refdata_free(&ref);
	return rc;
}
