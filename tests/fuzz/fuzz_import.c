/* SPDX-License-Identifier: MIT */
/* libFuzzer: any bytes as an import file, read and checked against the
 * real reference lists and programme. Whatever it is given, the reader
 * must accept or refuse it without crashing, leaking or taking long, count
 * every problem it reports, and leave a plan that holds together. Nothing
 * is written anywhere: the database step only ever sees plans like these. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/diag.h"
#include "casebook/import.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/workbook.h"
#include "casebook/workbook_import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct cb_refdata *ref;
static struct cb_programme prog;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *top = getenv("CASEBOOK_DATADIR");
	struct cb_diags d;
	char *data, *modules;
	const char *dirs[1];

	(void)argc;
	(void)argv;
	if (top == NULL || *top == '\0')
		top = SRCDIR;
	data = cb_asprintf("%s/data", top);
	modules = cb_asprintf("%s/modules", top);
	dirs[0] = modules;
	cb_diags_init(&d);
	ref = cb_refdata_new();
	/* Without them the codes and modules are simply not found: the
	 * fuzzer still runs, over less of the reader. */
	if (cb_refdata_load(data, ref, &d) != 0)
		cb_refdata_free(&ref);
	cb_programme_load(dirs, 1, ref, &prog, &d, NULL);
	cb_diags_clear(&d);
	free(data);
	free(modules);
	return 0;
}

static void
check_plan(const struct cb_import_plan *p)
{
	size_t i;

	for (i = 0; i < p->items.len; i++) {
		const struct cb_import_item *it = cb_import_item_at(p, i);

		/* Parents come first: the plan is written in order. */
		if (it->parent > i || it->kind >= CB_IMPORT_NKINDS)
			abort();
		if ((it->record == NULL) != (it->kind == CB_IMPORT_SIGN))
			abort();
		if (it->first_answer > i)
			abort();
		if (strlen(cb_import_item_id(it)) >= CB_UUID_LEN)
			abort();
	}
	for (i = 0; i < p->refs.len; i++)
		if (((const struct cb_import_ref *)p->refs.items[i])->item >= p->items.len)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Odd sizes move dates too, so that path is fuzzed as well. */
	struct cb_import_options opt = {size % 2 == 1, {2026, 11, 27}};
	struct cb_import_plan *p = cb_import_plan_new(&opt);
	struct cb_diags d;
	size_t i;
	int rc;

	cb_diags_init(&d);
	rc = cb_import_read_bytes(p, "fuzz.yaml", (const char *)data, size, ref, &prog, &d);
	if ((rc == 0) != (cb_diags_count(&d) == 0) || p->problems != cb_diags_count(&d))
		abort();
	for (i = 0; i < cb_diags_count(&d); i++) {
		char *line = cb_diag_format(cb_diags_at(&d, i));

		free(line);
	}
	check_plan(p);
	cb_diags_clear(&d);
	cb_import_plan_free(&p);
	return 0;
}
