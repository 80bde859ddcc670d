/* SPDX-License-Identifier: MIT */
/* casebook import FILE...: families, workers and meetings from files in
 * the import format, all in one transaction or not at all. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/cli.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/import.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_import.h"
#include "casebook/workbook_import.h"
#include "cli.h"

/* Remove a database made by this run, with SQLite's files beside it. */
static void
remove_db(const char *path)
{
	static const char *const extra[] = {"", "-wal", "-shm", "-journal"};
	size_t i;

	for (i = 0; i < sizeof extra / sizeof *extra; i++) {
		char *f = cb_asprintf("%s%s", path, extra[i]);

		unlink(f);
		free(f);
	}
}

void
cli_import_problems(struct cb_diags *diags)
{
	size_t n = cb_diags_count(diags);

	cli_print_diags(diags);
	/* The problems are listed above by file and line, so the sentence
	 * carries one count, as ngettext() needs. */
	cli_error(ngettext("%zu problem, so nothing was imported: fix it and import again",
	                   "%zu problems, so nothing was imported: fix them and import again", n),
	          n);
}

int
cli_import_run(struct cb_store *s, struct cb_import_plan *plan, struct cb_import_report *report,
               struct cb_diags *diags)
{
	struct cb_err err = {0};

	if (cb_store_import(s, plan, report, diags, &err) == 0)
		return 0;
	if (cb_diags_count(diags) > 0)
		cli_import_problems(diags);
	else
		cli_fail(&err);
	return CB_EXIT_FAIL;
}

int
cmd_import(struct cli *c)
{
	struct cb_import_options opt = {false, {0, 0, 0}};
	struct cb_import_plan *plan = NULL;
	struct cb_import_report report;
	struct cb_refdata *ref = NULL;
	struct cb_programme prog;
	struct cb_store *s = NULL;
	struct cb_diags diags;
	struct stat sb;
	bool inconsistent = false, created;
	int rc;

	cb_programme_init(&prog);
	cb_diags_init(&diags);
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	/* Answers are checked against the programme, so say when it has
	 * problems of its own; its details are for 'modules check'. */
	if (cli_programme(c, ref, &prog, &inconsistent, &diags) != 0)
		cli_error(_("the programme's modules have problems (see 'casebook modules check'): "
		            "answers to a module left out cannot be imported"));
	cb_diags_clear(&diags);
	plan = cb_import_plan_new(&opt);
	cb_import_read_files(plan, (const char *const *)c->args, (size_t)c->nargs, ref, &prog,
	                     &diags);
	/* Like init, import makes the database when there is none; but not
	 * for files that cannot be imported anyway. */
	created = stat(c->db, &sb) != 0 && errno == ENOENT;
	if (created && plan->problems > 0) {
		cli_import_problems(&diags);
		rc = CB_EXIT_FAIL;
		goto out;
	}
	if ((rc = cli_open(c, true, &s)) != 0) {
		if (created)
			remove_db(c->db);
		goto out;
	}
	rc = cli_import_run(s, plan, &report, &diags);
	cb_store_close(&s);
	if (rc != 0) {
		if (created)
			remove_db(c->db);
		goto out;
	}
	if (created)
		printf(_("created the database %s\n"), c->db);
	printf(_("imported %zu records (%zu already there)\n"), report.added_total,
	       report.there_total);
	rc = CB_EXIT_OK;
out:
	cb_store_close(&s);
	cb_import_plan_free(&plan);
	cb_diags_clear(&diags);
	cb_programme_clear(&prog);
	cb_refdata_free(&ref);
	return rc;
}
