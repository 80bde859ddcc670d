/* SPDX-License-Identifier: MIT */
/* The programme the command line works with: the installed modules, then
 * the user's own folder, then --modules, each replacing what came before
 * module by module. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/cli.h"
#include "casebook/diag.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/workbook.h"
#include "cli.h"

/* $XDG_CONFIG_HOME/casebook/modules, or ~/.config/...; NULL without either. */
static char *
config_modules(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	/* The XDG rules say a relative value is to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		return cb_asprintf("%s/casebook/modules", xdg);
	if (home != NULL && *home != '\0')
		return cb_asprintf("%s/.config/casebook/modules", home);
	return NULL;
}

int
cli_programme(struct cli *c, const struct cb_refdata *ref, struct cb_programme *out,
              bool *inconsistent, struct cb_diags *diags)
{
	char *installed = cb_asprintf("%s/modules", cli_datadir());
	char *own = config_modules();
	/* --modules last: it must exist, and it wins. Without it the entry
	 * is NULL and skipped, so a missing own folder is no problem. */
	const char *dirs[3] = {installed, own, c->modules};
	int rc = cb_programme_load(dirs, 3, ref, out, diags, inconsistent);

	free(installed);
	free(own);
	return rc != 0 ? CB_EXIT_FAIL : 0;
}

void
cli_print_diags(struct cb_diags *diags)
{
	size_t i;

	cb_diags_sort(diags);
	for (i = 0; i < cb_diags_count(diags); i++) {
		char *line = cb_diag_format(cb_diags_at(diags, i)), *p;

		/* A file name or a key can hold anything, terminal escapes
		 * included: keep each problem to one harmless line. */
		for (p = line; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				*p = '?';
		fprintf(stderr, "%s\n", line);
		free(line);
	}
}

void
cli_problems_summary(const struct cb_diags *diags)
{
	size_t n = cb_diags_count(diags);

	/* The problems are listed above by file and line, so the sentence
	 * carries one count, as ngettext() needs. */
	cli_error(ngettext("%zu problem: fix it and run 'casebook modules check' again",
	                   "%zu problems: fix them and run 'casebook modules check' again", n),
	          n);
}
