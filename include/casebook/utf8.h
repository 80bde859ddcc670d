/* SPDX-License-Identifier: MIT */
/* UTF-8 text measured in terminal columns, the way ncursesw measures it:
 * with the C library's wcwidth() in the current (UTF-8) locale, so what
 * is padded here lines up where curses puts it. Works on bytes; never
 * reads past a NUL; an invalid byte counts as one U+FFFD so nothing is
 * lost. Characters a person sees as one (extended grapheme clusters,
 * UAX #29, through utf8proc) are never split.
 *
 * The width of a code point is the width of what the screen shows for it
 * (cb_utf8_shown): controls, C1, bidi overrides and code points the C
 * library does not know are never sent to the terminal as they are. */
#ifndef CASEBOOK_UTF8_H
#define CASEBOOK_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s (n bytes available). Returns its length in
 * bytes (1 for an invalid byte, with *cp = 0xFFFD). n must be > 0. */
size_t cb_utf8_decode(const char *s, size_t n, uint32_t *cp);
size_t cb_utf8_encode(uint32_t cp, char out[4]);
bool cb_utf8_valid(const char *s, size_t n);

/* The replacement shown for what must not reach the terminal. */
#define CB_UTF8_REPLACEMENT 0xFFFDu
/* What the terminal is given for cp: cp itself; a space for a tab or a
 * line break; U+FFFD for other controls (C0, DEL, C1), for the bidi
 * embeddings, overrides and isolates that would reorder what follows,
 * and for code points the C library cannot measure (wcwidth -1); or 0
 * for nothing, for the invisible bidi marks (LRM, RLM, ALM). */
uint32_t cb_utf8_shown(uint32_t cp);
/* Display columns of what is shown for one code point: wcwidth() of
 * cb_utf8_shown(cp) (0 for combining marks, 2 for wide characters). */
int cb_utf8_cpwidth(uint32_t cp);
/* Display columns of a string (up to n bytes, or NUL). */
size_t cb_utf8_width(const char *s);
size_t cb_utf8_widthn(const char *s, size_t n);
/* Bytes of s that fit in `cols` columns without splitting a character
 * a person sees as one. */
size_t cb_utf8_fit(const char *s, size_t cols);
/* Byte offset of the end of the grapheme cluster starting at `at` (len
 * bytes in s), and of the start of the one ending at `at`. `at` must be a
 * cluster boundary. */
size_t cb_utf8_cluster_next(const char *s, size_t len, size_t at);
size_t cb_utf8_cluster_prev(const char *s, size_t at);
/* A copy fitted to exactly `cols` columns: cut with "…" or padded. */
char *cb_utf8_pad(const char *s, size_t cols);

#endif
