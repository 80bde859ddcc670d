/* SPDX-License-Identifier: MIT */
/* Problems found in a file, each with its place: FILE:LINE:COLUMN. Loaders
 * collect every problem rather than stopping at the first. */
#ifndef CASEBOOK_DIAG_H
#define CASEBOOK_DIAG_H

#include <stddef.h>

#include "casebook/vec.h"

struct cb_diag {
	char *file;
	size_t line;   /* 1-based; 0 when the problem is with the whole file */
	size_t col;    /* 1-based */
	char *msg;
};

struct cb_diags {
	struct cb_vec items; /* owns struct cb_diag */
};

void cb_diags_init(struct cb_diags *d);
void cb_diags_add(struct cb_diags *d, const char *file, size_t line, size_t col,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
size_t cb_diags_count(const struct cb_diags *d);
const struct cb_diag *cb_diags_at(const struct cb_diags *d, size_t i);
/* "FILE:LINE:COL: message" (or "FILE: message" without a line). */
char *cb_diag_format(const struct cb_diag *dg);
/* Order by file, line, column. */
void cb_diags_sort(struct cb_diags *d);
void cb_diags_clear(struct cb_diags *d);

#endif
