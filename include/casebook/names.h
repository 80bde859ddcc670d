/* SPDX-License-Identifier: MIT */
/* Names and references as typed at the door: what a terminal would act
 * on, or what would reorder the text around it, has no place in a name. */
#ifndef CASEBOOK_NAMES_H
#define CASEBOOK_NAMES_H

#include <stddef.h>

struct cb_err;

/* Longest name of a person, family or worker, and longest case
 * reference, in characters (code points). Documented in casebook(1). */
#define CB_NAME_MAX 120
#define CB_REFERENCE_MAX 40

/* 0 when s may be a name (what: "a worker's name"): valid UTF-8, no
 * control characters (C0, DEL, C1, ESC, tab, line breaks), no bidi
 * embeddings, overrides, isolates or marks, at most max characters.
 * Else -1 with a sentence in err that says what to change. */
int cb_name_check(const char *s, const char *what, size_t max, struct cb_err *err);

#endif
