/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/diag.h"
#include "casebook/mem.h"
#include "casebook/str.h"

static void
diag_free(void *p)
{
	struct cb_diag *dg = p;

	free(dg->file);
	free(dg->msg);
	free(dg);
}

void
cb_diags_init(struct cb_diags *d)
{
	d->items = (struct cb_vec)CB_VEC_OWNING(diag_free);
}

void
cb_diags_add(struct cb_diags *d, const char *file, size_t line, size_t col, const char *fmt,
             ...)
{
	struct cb_diag *dg = cb_calloc(1, sizeof *dg);
	struct cb_buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	cb_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	dg->file = cb_strdup(file != NULL ? file : "-");
	dg->line = line;
	dg->col = col;
	dg->msg = cb_buf_take(&b);
	cb_vec_push(&d->items, dg);
}

size_t
cb_diags_count(const struct cb_diags *d)
{
	return d->items.len;
}

const struct cb_diag *
cb_diags_at(const struct cb_diags *d, size_t i)
{
	return cb_vec_get(&d->items, i);
}

char *
cb_diag_format(const struct cb_diag *dg)
{
	if (dg->line == 0)
		return cb_asprintf("%s: %s", dg->file, dg->msg);
	return cb_asprintf("%s:%zu:%zu: %s", dg->file, dg->line, dg->col, dg->msg);
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct cb_diag *x = *(struct cb_diag *const *)a;
	const struct cb_diag *y = *(struct cb_diag *const *)b;
	int c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->msg, y->msg);
}

void
cb_diags_sort(struct cb_diags *d)
{
	cb_vec_sort(&d->items, cmp_diag);
}

void
cb_diags_clear(struct cb_diags *d)
{
	cb_vec_clear(&d->items);
}
