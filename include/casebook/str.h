/* SPDX-License-Identifier: MIT */
/* Growable strings and small string helpers. */
#ifndef CASEBOOK_STR_H
#define CASEBOOK_STR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* A byte buffer that is always NUL-terminated once used. */
struct cb_buf {
	char *s;
	size_t len;
	size_t cap;
};

void cb_buf_add(struct cb_buf *b, const char *s);
void cb_buf_addn(struct cb_buf *b, const char *s, size_t n);
void cb_buf_addc(struct cb_buf *b, char c);
void cb_buf_addf(struct cb_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cb_buf_vaddf(struct cb_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void cb_buf_insert(struct cb_buf *b, size_t at, const char *s, size_t n);
void cb_buf_erase(struct cb_buf *b, size_t at, size_t n);
void cb_buf_clear(struct cb_buf *b);
const char *cb_buf_str(const struct cb_buf *b); /* "" when empty */
/* Hand the string over to the caller; the buffer is left empty. */
char *cb_buf_take(struct cb_buf *b);
void cb_buf_free(struct cb_buf *b);
/* Write all n bytes of p to fd, going on after a short write or a signal:
 * 0, or -1 with errno set. */
int cb_write_all(int fd, const void *p, size_t n);

bool cb_streq(const char *a, const char *b);   /* NULL-safe */
bool cb_str_empty(const char *s);              /* NULL or only blanks */
bool cb_str_startswith(const char *s, const char *prefix);
/* Edit distance, capped: returns cap+1 when greater than cap. */
size_t cb_str_distance(const char *a, const char *b, size_t cap);
/* New string with leading and trailing blanks removed. */
char *cb_str_trim(const char *s);
/* Whether word is one of the space-separated words of list (NULL: none). */
bool cb_str_has_word(const char *list, const char *word);

#endif
