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

/* Once the files read so far hold this many records, with no problem, they
 * are checked and written (in the import's one transaction) at the end of
 * a file, and the files after start a plan of their own, which finds what
 * those wrote in the database. An import's memory is then that of a batch
 * or of its largest file, however many files it has; a smaller one is
 * checked as one plan, as it always was. After a problem nothing more is
 * written, and the files after it are read and checked on their own. */
#define IMPORT_BATCH 10000

static int
cmp_path(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The whole import in one plan: checked before a database is made. */
static int
import_whole(struct cli *c, struct cb_import_plan *plan, bool created,
             struct cb_import_report *report, struct cb_diags *diags)
{
	struct cb_store *s = NULL;
	int rc;

	/* Like init, import makes the database when there is none; but not
	 * for files that cannot be imported anyway. */
	if (created && plan->problems > 0) {
		cli_import_problems(diags);
		return CB_EXIT_FAIL;
	}
	if ((rc = cli_open(c, true, &s)) != 0) {
		if (created)
			remove_db(c->db);
		return rc;
	}
	rc = cli_import_run(s, plan, report, diags);
	cb_store_close(&s);
	if (rc != 0 && created)
		remove_db(c->db);
	return rc;
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
	struct cb_vec files = CB_VEC_OWNING(free);
	struct cb_err err = {0}, ignored = {0};
	struct stat sb;
	const char **sorted = NULL;
	bool inconsistent = false, created, begun = false, failed = false, ok;
	size_t i, n = (size_t)c->nargs;
	int rc;

	/* The files' trees, the records and SQLite's pages come to tens of
	 * MiB, touched once each: 2 MiB pages rather than 4 KiB ones. */
	cb_mem_bulk();
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
	created = stat(c->db, &sb) != 0 && errno == ENOENT;
	/* Files are imported in name order (casebook-import(5)). */
	sorted = cb_calloc(n + 1, sizeof *sorted);
	memcpy(sorted, c->args, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_path);
	plan = cb_import_plan_new(&opt);
	for (i = 0; i < n; i++) {
		cb_import_read_file(plan, sorted[i], ref, &prog, &diags);
		cb_vec_push(&files, cb_strdup(sorted[i]));
		if (i + 1 == n || plan->items.len < IMPORT_BATCH || plan->problems > 0 ||
		    cb_diags_count(&diags) > 0)
			continue;
		if (!begun) {
			if ((rc = cli_open(c, true, &s)) != 0)
				goto fail;
			if (cb_store_import_begin(s, &report, &err) != 0) {
				cli_fail(&err);
				rc = CB_EXIT_FAIL;
				goto fail;
			}
			begun = true;
		}
		if (cb_store_import_batch(s, plan, &report, &diags, &err) != 0) {
			failed = true;
			if (cb_diags_count(&diags) == 0)
				break; /* not a problem in the files: err says what */
		}
		cb_import_plan_free(&plan);
		plan = cb_import_plan_new(&opt);
	}
	if (!begun) {
		rc = import_whole(c, plan, created, &report, &diags);
		if (rc != 0)
			goto out;
	} else {
		ok = !failed && cb_store_import_batch(s, plan, &report, &diags, &err) == 0;
		if (cb_store_import_end(s, ok, &files, &report, ok ? &err : &ignored) != 0 || !ok) {
			if (cb_diags_count(&diags) > 0)
				cli_import_problems(&diags);
			else
				cli_fail(&err);
			rc = CB_EXIT_FAIL;
			goto fail;
		}
		cb_store_close(&s);
	}
	if (created)
		printf(_("created the database %s\n"), c->db);
	printf(_("imported %zu records (%zu already there)\n"), report.added_total,
	       report.there_total);
	rc = CB_EXIT_OK;
	goto out;
fail:
	cb_store_close(&s);
	if (created)
		remove_db(c->db);
out:
	cb_store_close(&s);
	free(sorted);
	cb_vec_clear(&files);
	cb_import_plan_free(&plan);
	cb_diags_clear(&diags);
	cb_programme_clear(&prog);
	cb_refdata_free(&ref);
	return rc;
}
