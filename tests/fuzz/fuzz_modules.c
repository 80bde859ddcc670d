/* SPDX-License-Identifier: MIT */
/* libFuzzer: any bytes as a module file. Whatever it is given, the loader
 * must accept or refuse it without crashing, leaking, or taking long, and
 * a module it accepts must hold together for the screens. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/vec.h"
#include "casebook/workbook.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The real reference lists, so role and issue checks run too. */
static struct cb_refdata *ref;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *top = getenv("CASEBOOK_DATADIR");
	struct cb_diags d;
	char *dir;

	(void)argc;
	(void)argv;
	dir = cb_asprintf("%s/data", top != NULL && *top != '\0' ? top : SRCDIR);
	cb_diags_init(&d);
	ref = cb_refdata_new();
	if (cb_refdata_load(dir, ref, &d) != 0)
		cb_refdata_free(&ref);  /* then ids are simply not checked */
	cb_diags_clear(&d);
	free(dir);
	return 0;
}

/* What the screens do with a loaded module: look fields up by key and
 * options and anchors by id. */
static void
walk(const struct cb_module *m)
{
	size_t i, j;

	for (i = 0; i < m->sections.len; i++) {
		const struct cb_section *s = m->sections.items[i];

		for (j = 0; j < s->fields.len; j++) {
			const struct cb_field *f = s->fields.items[j];
			char *key = cb_asprintf("%s.%s", s->id, f->id);

			if (cb_module_field(m, key, NULL) == NULL)
				abort();
			if (f->choices.len > 0 &&
			    cb_option_label(&f->choices,
			                    ((struct cb_option *)f->choices.items[0])->id) == NULL)
				abort();
			if (f->type == CB_FIELD_SCALE &&
			    (f->min >= f->max || cb_scale_anchor(f, f->min) == NULL ||
			     cb_scale_anchor(f, f->max) == NULL))
				abort();
			free(key);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cb_module_version v = {"fuzz", 2};
	struct cb_vec recorded = CB_VEC_BORROWING;
	struct cb_programme p;
	struct cb_module *m = NULL;
	struct cb_diags d;

	cb_diags_init(&d);
	if (cb_module_load_bytes("fuzz.yaml", (const char *)data, size, ref, &m, &d) == 0) {
		if (m == NULL || cb_diags_count(&d) != 0)
			abort();
		walk(m);
		cb_programme_init(&p);
		cb_vec_push(&p.modules, m);
		cb_programme_sort(&p);
		cb_vec_push(&recorded, &v);
		cb_programme_check_recorded(&p, &recorded, &d);
		cb_vec_clear(&recorded);
		cb_programme_clear(&p);
	} else if (m != NULL || cb_diags_count(&d) == 0) {
		abort();
	}
	cb_diags_clear(&d);
	return 0;
}
