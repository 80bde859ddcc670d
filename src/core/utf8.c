/* SPDX-License-Identifier: MIT */
/* UTF-8 measured as the terminal library measures it. There is no width
 * table here on purpose: ncursesw places the cursor by the C library's
 * wcwidth(), so anything else would pad names where curses does not put
 * them. Grapheme clusters come from utf8proc. */
#include "config.h"

#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "casebook/mem.h"
#include "casebook/utf8.h"

size_t
cb_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		goto bad;
	}
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past Unicode are invalid. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

size_t
cb_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		cp = 0xFFFD;
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return cb_utf8_encode(0xFFFD, out);
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
cb_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = cb_utf8_decode(s + i, n - i, &cp);

		/* A real U+FFFD takes three bytes; one byte means bad input. */
		if (cp == 0xFFFD && len == 1)
			return false;
		i += len;
	}
	return true;
}

uint32_t
cb_utf8_shown(uint32_t cp)
{
	switch (cp) {
	case '\t':
	case '\n':
	case '\r':
		return ' ';
	case 0x061C: /* ALM */
	case 0x200E: /* LRM */
	case 0x200F: /* RLM */
		/* Invisible marks: nothing to see, and left out they cannot
		 * reorder anything on a terminal that does bidi. */
		return 0;
	default:
		break;
	}
	/* Embeddings, overrides and isolates would turn what follows round
	 * on a terminal that does bidi: show that something was there. */
	if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
		return CB_UTF8_REPLACEMENT;
	/* wcwidth() is -1 for C0, DEL and C1 controls and for code points
	 * the C library does not know: none of them goes out raw. */
	if (cp == 0 || cp > 0x10FFFF || wcwidth((wchar_t)cp) < 0)
		return CB_UTF8_REPLACEMENT;
	return cp;
}

int
cb_utf8_cpwidth(uint32_t cp)
{
	uint32_t shown = cb_utf8_shown(cp);
	int w;

	if (shown == 0)
		return 0;
	w = wcwidth((wchar_t)shown);
	/* Only U+FFFD in a locale without it: one column, as curses shows
	 * what it cannot draw. */
	return w >= 0 ? w : 1;
}

size_t
cb_utf8_widthn(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n && s[i] != '\0') {
		uint32_t cp;

		i += cb_utf8_decode(s + i, n - i, &cp);
		w += (size_t)cb_utf8_cpwidth(cp);
	}
	return w;
}

size_t
cb_utf8_width(const char *s)
{
	return s == NULL ? 0 : cb_utf8_widthn(s, strlen(s));
}

size_t
cb_utf8_cluster_next(const char *s, size_t len, size_t at)
{
	utf8proc_int32_t state = 0;
	uint32_t prev, cp;
	size_t i;

	if (at >= len || s[at] == '\0')
		return at < len ? at : len;
	/* A cluster boundary starts afresh, so the break state (regional
	 * indicator pairs, emoji ZWJ sequences) starts at zero. */
	i = at + cb_utf8_decode(s + at, len - at, &prev);
	while (i < len && s[i] != '\0') {
		size_t n = cb_utf8_decode(s + i, len - i, &cp);

		if (utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev, (utf8proc_int32_t)cp,
		                                     &state))
			break;
		prev = cp;
		i += n;
	}
	return i;
}

size_t
cb_utf8_cluster_prev(const char *s, size_t at)
{
	size_t start = 0, i, last;

	if (at == 0)
		return 0;
	/* A cluster always starts after a line feed, so walk from the
	 * start of the line rather than of the text. */
	for (i = at - 1; i > 0; i--)
		if (s[i - 1] == '\n') {
			start = i;
			break;
		}
	last = i = start;
	while (i < at) {
		last = i;
		i = cb_utf8_cluster_next(s, at, i);
	}
	return last;
}

size_t
cb_utf8_fit(const char *s, size_t cols)
{
	size_t i = 0, w = 0, n = strlen(s);

	while (i < n) {
		size_t next = cb_utf8_cluster_next(s, n, i);
		size_t cw = cb_utf8_widthn(s + i, next - i);

		if (w + cw > cols)
			break;
		w += cw;
		i = next;
	}
	return i;
}

char *
cb_utf8_pad(const char *s, size_t cols)
{
	size_t w, cut, pad;
	char *out;

	if (s == NULL)
		s = "";
	w = cb_utf8_width(s);
	if (w <= cols) {
		size_t n = strlen(s);

		pad = cols - w;
		out = cb_malloc(n + pad + 1);
		memcpy(out, s, n);
		memset(out + n, ' ', pad);
		out[n + pad] = '\0';
		return out;
	}
	if (cols == 0)
		return cb_strdup("");
	cut = cb_utf8_fit(s, cols - 1);
	w = cb_utf8_widthn(s, cut);
	pad = cols - 1 - w;
	out = cb_malloc(cut + 3 + pad + 1);
	memcpy(out, s, cut);
	memcpy(out + cut, "\xe2\x80\xa6", 3); /* … */
	memset(out + cut + 3, ' ', pad);
	out[cut + 3 + pad] = '\0';
	return out;
}
