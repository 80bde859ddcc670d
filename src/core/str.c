/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casebook/mem.h"
#include "casebook/str.h"

static void
grow(struct cb_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 32;
	while (b->cap < need)
		b->cap *= 2;
	b->s = cb_realloc(b->s, b->cap);
}

void
cb_buf_addn(struct cb_buf *b, const char *s, size_t n)
{
	grow(b, n);
	if (n > 0)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
cb_buf_add(struct cb_buf *b, const char *s)
{
	if (s != NULL)
		cb_buf_addn(b, s, strlen(s));
}

void
cb_buf_addc(struct cb_buf *b, char c)
{
	cb_buf_addn(b, &c, 1);
}

void
cb_buf_vaddf(struct cb_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
cb_buf_addf(struct cb_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cb_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
cb_buf_insert(struct cb_buf *b, size_t at, const char *s, size_t n)
{
	if (at > b->len)
		at = b->len;
	grow(b, n);
	memmove(b->s + at + n, b->s + at, b->len - at + 1);
	memcpy(b->s + at, s, n);
	b->len += n;
}

void
cb_buf_erase(struct cb_buf *b, size_t at, size_t n)
{
	if (at >= b->len)
		return;
	if (n > b->len - at)
		n = b->len - at;
	memmove(b->s + at, b->s + at + n, b->len - at - n + 1);
	b->len -= n;
}

void
cb_buf_clear(struct cb_buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

const char *
cb_buf_str(const struct cb_buf *b)
{
	return b->s != NULL ? b->s : "";
}

char *
cb_buf_take(struct cb_buf *b)
{
	char *s = b->s != NULL ? b->s : cb_strdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
cb_buf_free(struct cb_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

bool
cb_streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

bool
cb_str_empty(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

bool
cb_str_startswith(const char *s, const char *prefix)
{
	return s != NULL && prefix != NULL &&
	       strncmp(s, prefix, strlen(prefix)) == 0;
}

size_t
cb_str_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j, best;
	size_t *prev, *cur, *tmp;

	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	prev = cb_calloc(lb + 1, sizeof *prev);
	cur = cb_calloc(lb + 1, sizeof *cur);
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		best = cur[0];
		for (j = 1; j <= lb; j++) {
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);

			cur[j] = del < ins ? del : ins;
			if (sub < cur[j])
				cur[j] = sub;
			if (cur[j] < best)
				best = cur[j];
		}
		tmp = prev;
		prev = cur;
		cur = tmp;
		if (best > cap)
			break;
	}
	best = i <= la ? cap + 1 : prev[lb];
	free(prev);
	free(cur);
	return best > cap ? cap + 1 : best;
}

char *
cb_str_trim(const char *s)
{
	const char *end;

	if (s == NULL)
		return cb_strdup("");
	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	return cb_strndup(s, (size_t)(end - s));
}

bool
cb_str_has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;

	while (p != NULL && *p != '\0') {
		size_t k;

		p += strspn(p, " ");
		k = strcspn(p, " ");
		if (k == n && strncmp(p, word, n) == 0)
			return true;
		p += k;
	}
	return false;
}

int
cb_write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0) {
		ssize_t w = write(fd, c, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}
