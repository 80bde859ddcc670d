/* SPDX-License-Identifier: MIT */
/* The programme the command line works with: the installed modules, then
 * each configuration layer's modules/ (config.c), then --modules, each
 * replacing what came before module by module. */
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

int
cli_programme(struct cli *c, const struct cb_refdata *ref, struct cb_programme *out,
              bool *inconsistent, struct cb_diags *diags)
{
	struct cb_vec layers, dirs = CB_VEC_OWNING(free);
	size_t i;
	int rc;

	/* The installed modules, then each layer's (a missing folder is no
	 * problem), then --modules last: it must exist, and it wins. */
	cb_vec_push(&dirs, cb_asprintf("%s/modules", cli_datadir()));
	cli_layers_init(&layers);
	for (i = 0; i < layers.len; i++)
		cb_vec_push(&dirs, cb_asprintf("%s/modules", ((struct cli_layer *)layers.items[i])->dir));
	cb_vec_clear(&layers);
	/* The last folder must exist: without --modules it is NULL, which
	 * is skipped. */
	cb_vec_push(&dirs, c->modules != NULL ? cb_strdup(c->modules) : NULL);
	rc = cb_programme_load((const char *const *)dirs.items, dirs.len, ref, out, diags,
	                       inconsistent);
	cb_vec_clear(&dirs);
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
