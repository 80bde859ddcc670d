/* UTF-8 text measured in terminal columns. Works on bytes; never reads past
 * a NUL; treats invalid bytes as one column each so nothing is lost. */
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
/* Display columns of one code point: 0 for combining marks, 2 for wide. */
int cb_utf8_cpwidth(uint32_t cp);
/* Display columns of a string (up to n bytes, or NUL). */
size_t cb_utf8_width(const char *s);
size_t cb_utf8_widthn(const char *s, size_t n);
/* Bytes of s that fit in `cols` columns without splitting a character. */
size_t cb_utf8_fit(const char *s, size_t cols);
/* Byte offset of the previous / next character boundary. */
size_t cb_utf8_prev(const char *s, size_t at);
size_t cb_utf8_next(const char *s, size_t len, size_t at);
/* A copy fitted to exactly `cols` columns: cut with "…" or padded. */
char *cb_utf8_pad(const char *s, size_t cols);

#endif
