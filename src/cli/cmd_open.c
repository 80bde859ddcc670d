/* SPDX-License-Identifier: MIT */
/* casebook with no command: the workbook screens, on the real database or
 * (--training) on a scratch copy of the sample families. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casebook/cli.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/answer.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_workers.h"
#include "casebook/ui.h"
#include "casebook/workbook.h"
#include "casebook/worker.h"
#include "cli.h"

int cli_open_workbook(struct cli *c);

/* What a signal leaves to tidy once the screens are gone. */
struct open_state {
	struct cb_store **store;
	const char *scratch_dir;
};

static void
tidy_on_signal(void *ctx)
{
	struct open_state *o = ctx;

	cb_store_close(o->store);
	if (o->scratch_dir != NULL)
		cli_training_cleanup(o->scratch_dir);
}

/* A broken programme can leave what is recorded unreadable: then casebook
 * does not start, and says which file and line to fix. */
static int
refuse(struct cb_diags *diags)
{
	cli_print_diags(diags);
	cli_error(_("the programme is inconsistent (above), so casebook will not start: fix "
	            "the module file, then check it with 'casebook modules check'"));
	return CB_EXIT_FAIL;
}

/* The reference lists and the programme the screens use, read again
 * when the worker's language is not the one they were read in. */
struct languages {
	struct cli *c;
	struct cb_refdata **ref;
	struct cb_programme *prog;
};

static int
set_language(void *ctx, const char *lang, const struct cb_refdata **ref,
             const struct cb_programme **prog, struct cb_err *err)
{
	struct languages *l = ctx;
	struct cb_refdata *new_ref = NULL;
	struct cb_programme new_prog;
	struct cb_diags diags;
	bool inconsistent = false;
	char before[8];

	snprintf(before, sizeof before, "%s", cli_language());
	if (cli_use_language(lang) != 0)
		return cb_err_set(err, CB_EINVAL,
		                  _("'%s' is not a language code: give one such as cy or en"), lang);
	*ref = *l->ref;
	*prog = l->prog;
	if (strcmp(before, cli_language()) == 0)
		return 0;
	/* Any problem was told at start, in the first language. */
	cb_programme_init(&new_prog);
	cb_diags_init(&diags);
	if (cli_refdata(&new_ref) != 0 ||
	    cli_programme(l->c, new_ref, &new_prog, &inconsistent, &diags) != 0 || inconsistent) {
		cb_diags_clear(&diags);
		cb_programme_clear(&new_prog);
		cb_refdata_free(&new_ref);
		cli_use_language(before);
		return cb_err_set(err, CB_EINVAL, _("the modules could not be read in that language: "
		                                    "casebook stays in the one it was in"));
	}
	cb_diags_clear(&diags);
	cb_programme_clear(l->prog);
	*l->prog = new_prog;
	cb_refdata_free(l->ref);
	*l->ref = new_ref;
	*ref = *l->ref;
	return 0;
}

/* The worker chosen at "Who are you?": a worker line at the end of the
 * user's config file. The name when it finds that worker alone and is
 * one plain line, else the id. */
static int
remember_worker(void *ctx, const char *worker_id, const char *name, struct cb_err *err)
{
	struct cb_store **s = ctx;
	struct cb_worker *w = NULL;
	struct cb_err ignored = {0};
	const char *value = worker_id, *p;
	char *lines, *path = NULL;
	bool plain = *name != '\0' && *name != ' ' && name[strlen(name) - 1] != ' ';
	int rc;

	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			plain = false;
	if (plain && cb_store_worker_find(*s, name, &w, &ignored) == 0 &&
	    strcmp(w->id, worker_id) == 0)
		value = name;
	cb_worker_free(&w);
	lines = cb_asprintf(_("# The worker the workbook starts as, remembered when you chose at "
	                      "\"Who are you?\"\n# (casebook-config(5)):\nworker = %s\n"),
	                    value);
	rc = cli_config_append(lines, &path, err);
	free(lines);
	free(path);
	return rc;
}

int
cli_open_workbook(struct cli *c)
{
	struct cb_refdata *ref = NULL;
	struct cb_programme prog;
	struct cb_diags diags;
	struct cb_vec recorded = CB_VEC_OWNING(cb_module_version_free_item);
	struct cb_ui_options opt = {0};
	struct cb_store *s = NULL;
	struct cb_worker *w = NULL;
	struct cb_err err = {0};
	char *scratch_db = NULL, *scratch_dir = NULL, *disk_warning = NULL, *cwd = getcwd(NULL, 0);
	char *wide;
	struct open_state tidy = {&s, NULL};
	struct languages langs = {c, &ref, &prog};
	bool inconsistent = false;
	int rc;

	cb_programme_init(&prog);
	cb_diags_init(&diags);
	{
		/* The command line, then the environment, then the config files
		 * (checked as they were read). */
		const char *v = c->idle_lock != NULL ? c->idle_lock : getenv("CASEBOOK_IDLE_LOCK");

		if (v == NULL || *v == '\0')
			v = c->config.value[CFG_IDLE_LOCK];
		opt.idle_lock = 5 * 60;
		if (v != NULL && *v != '\0' && (opt.idle_lock = cli_idle_seconds(v)) < 0) {
			rc = cli_usage_error(c, _("the idle lock '%s' is not a number of minutes (or "
			                          "seconds, as 30s; off for none)"), v);
			goto out;
		}
	}
	/* Before anything is opened or created: without a terminal the
	 * screens cannot work, and scripts want the commands. */
	if (cb_ui_terminal_check(&err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	/* From here a signal is noted and acted on by the screens, which
	 * keep drafts and tidy up; one before they start is seen below. */
	cb_ui_catch_signals();
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	cli_programme(c, ref, &prog, &inconsistent, &diags);
	if (inconsistent) {
		rc = refuse(&diags);
		goto out;
	}
	if (c->training) {
		if ((rc = cli_training_prepare(c, &scratch_db, &scratch_dir)) != 0)
			goto out;
		c->db = scratch_db;
		tidy.scratch_dir = scratch_dir;
	} else {
		bool refuse;

		disk_warning = cli_disk_warning(c->db, cli_require_encrypted(c), &refuse);
		if (refuse) {
			cli_error(_("%s This computer requires an encrypted disk, so casebook will not "
			            "open it."), disk_warning);
			rc = CB_EXIT_FAIL;
			goto out;
		}
	}
	/* In use until it is closed: after a crash the next open reads the
	 * whole file before using it. */
	if (cb_store_open(c->db, CB_STORE_CREATE, &s, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	/* A database that can only be read here is opened to read it (the
	 * screens refuse what would write); nothing is made beside it. */
	if (!cb_store_readonly(s) && cb_store_mark_in_use(s, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (cb_store_module_versions(s, &recorded, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (cb_programme_check_recorded(&prog, &recorded, &diags) != 0) {
		rc = refuse(&diags);
		goto out;
	}
	/* --as, or the worker the config file names; with neither, the
	 * question, whose answer is remembered. */
	if (c->as != NULL) {
		if (cb_store_worker_find(s, c->as, &w, &err) != 0) {
			rc = cli_fail(&err);
			goto out;
		}
		opt.worker_id = w->id;
	} else if (!c->training && c->config.value[CFG_WORKER] != NULL) {
		/* Not in this database (another team's, say): asked, and the
		 * file is left as it is. */
		if (cb_store_worker_find(s, c->config.value[CFG_WORKER], &w, &err) == 0)
			opt.worker_id = w->id;
		else {
			cb_diags_add(&c->config_diags, c->config.from[CFG_WORKER], 0, 0,
			             _("worker: %s, so casebook asks who you are"), err.msg);
			err = (struct cb_err){0};
		}
	} else if (!c->training) {
		opt.remember_worker = remember_worker;
		opt.remember_ctx = &s;
	}
	opt.store = s;
	opt.switch_ok = c->switch_ok;
	if (!c->training && (wide = cli_folder_warning(c->db)) != NULL) {
		/* Shown on the first screen with the disk's, if any. */
		char *both = disk_warning != NULL ? cb_asprintf("%s %s", wide, disk_warning)
		                                  : cb_strdup(wide);

		free(disk_warning);
		free(wide);
		disk_warning = both;
	}
	opt.disk_warning = disk_warning;
	opt.ref = ref;
	opt.prog = &prog;
	opt.training = c->training;
	/* Reports and plans: the training folder goes when training ends, so
	 * nothing made while practising is left behind. */
	opt.export_dir = scratch_dir != NULL ? scratch_dir : cwd;
	opt.show_cursor = c->show_cursor;
	opt.no_colour = !cli_config_bool(&c->config, CFG_COLOUR, true);
	if (c->config.value[CFG_THEME] != NULL)
		opt.theme = (enum cb_ui_theme)cli_theme(c->config.value[CFG_THEME]);
	opt.datadir = cli_datadir();
	opt.warnings = &diags;
	/* The config files' problems, shown once on the screens too. */
	opt.config_warnings = &c->config_diags;
	opt.on_signal = tidy_on_signal;
	opt.signal_ctx = &tidy;
	opt.set_language = set_language;
	opt.language_ctx = &langs;
	if (cb_ui_run(&opt, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = CB_EXIT_OK;
out:
	cb_worker_free(&w);
	cb_store_close(&s);
	if (scratch_dir != NULL)
		cli_training_cleanup(scratch_dir);
	free(scratch_db);
	free(scratch_dir);
	free(disk_warning);
	free(cwd);
	cb_vec_clear(&recorded);
	cb_diags_clear(&diags);
	cb_programme_clear(&prog);
	cb_refdata_free(&ref);
	if (cb_ui_signal_caught() != 0)
		return 128 + cb_ui_signal_caught();
	return rc;
}
