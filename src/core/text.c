/* SPDX-License-Identifier: MIT */
/* Normal forms and folding through utf8proc. The folding rule for names
 * lives here and only here: the store keeps folded copies made by it, and
 * every place a worker types a name to find compares folded text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/utf8.h"

/* The code points of s, with every invalid byte, surrogate or code point
 * beyond Unicode taken as U+FFFD so that utf8proc never refuses the text.
 * Returns a valid UTF-8 copy. */
static char *
valid_copy(const char *s)
{
	struct cb_buf b = {0};
	size_t n = s != NULL ? strlen(s) : 0, i = 0;

	cb_buf_add(&b, "");
	while (i < n) {
		uint32_t cp;
		size_t len = cb_utf8_decode(s + i, n - i, &cp);
		char enc[4];

		if (!utf8proc_codepoint_valid((utf8proc_int32_t)cp))
			cp = 0xFFFD;
		cb_buf_addn(&b, enc, cb_utf8_encode(cp, enc));
		i += len;
	}
	return cb_buf_take(&b);
}

char *
cb_text_nfc(const char *s)
{
	char *clean = valid_copy(s);
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	n = utf8proc_map((const utf8proc_uint8_t *)clean, 0, &out,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		if (n == UTF8PROC_ERROR_NOMEM)
			cb_mem_fatal();
		/* Cannot happen on valid text; keep the text as it was. */
		return clean;
	}
	free(clean);
	return (char *)out;
}

/* Letters with a stroke or bar are not decomposed by Unicode, but a
 * worker typing on an English keyboard writes them as the plain letter;
 * typographic apostrophes and hyphens in names are typed as ASCII. */
static utf8proc_int32_t
fold_letter(utf8proc_int32_t cp, void *data)
{
	(void)data;
	switch (cp) {
	case 0x0141: case 0x0142: return 'l'; /* Ł ł */
	case 0x0110: case 0x0111: return 'd'; /* Đ đ */
	case 0x00D8: case 0x00F8: return 'o'; /* Ø ø */
	case 0x0126: case 0x0127: return 'h'; /* Ħ ħ */
	case 0x0166: case 0x0167: return 't'; /* Ŧ ŧ */
	case 0x0131: return 'i';              /* dotless ı */
	case 0x2018: case 0x2019: case 0x02BC: case 0x0060: case 0x00B4:
		return '\'';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
		return '-';
	default:
		return cp;
	}
}

struct range {
	utf8proc_int32_t lo, hi;
};

/* Diacritics that are dropped when folding: the combining marks used on
 * Latin, Greek and Cyrillic letters, and the optional vowel points of
 * Arabic and Hebrew. */
static const struct range dropped[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06ED}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x20D0, 0x20FF}, {0xFE20, 0xFE2F},
};

static bool
is_dropped(utf8proc_int32_t cp)
{
	size_t i;

	for (i = 0; i < sizeof dropped / sizeof dropped[0]; i++)
		if (cp >= dropped[i].lo && cp <= dropped[i].hi)
			return true;
	return false;
}

static bool
is_space(utf8proc_int32_t cp)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);

	return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	       p->category == UTF8PROC_CATEGORY_ZS || p->category == UTF8PROC_CATEGORY_ZL ||
	       p->category == UTF8PROC_CATEGORY_ZP;
}

char *
cb_text_fold(const char *s)
{
	const utf8proc_option_t opt = UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	                              UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
	char *clean = valid_copy(s);
	utf8proc_int32_t *cps;
	utf8proc_ssize_t n, i, out = 0;
	bool space = true; /* drops leading space */

	n = utf8proc_decompose_custom((const utf8proc_uint8_t *)clean, 0, NULL, 0, opt,
	                              fold_letter, NULL);
	if (n < 0) {
		if (n == UTF8PROC_ERROR_NOMEM)
			cb_mem_fatal();
		return clean;
	}
	cps = cb_reallocarray(NULL, (size_t)n + 1, sizeof *cps);
	n = utf8proc_decompose_custom((const utf8proc_uint8_t *)clean, 0, cps, n, opt,
	                              fold_letter, NULL);
	free(clean);
	for (i = 0; i < n; i++) {
		utf8proc_int32_t cp = cps[i];

		if (is_dropped(cp))
			continue;
		if (is_space(cp)) {
			if (!space)
				cps[out++] = ' ';
			space = true;
			continue;
		}
		/* A second case fold: a few letters fold to letters that fold
		 * again only after their marks have gone. */
		cps[out++] = fold_letter(cp, NULL);
		space = false;
	}
	if (out > 0 && cps[out - 1] == ' ')
		out--;
	/* Compose again and write UTF-8 in place: the 32-bit buffer, one
	 * entry longer than the text, holds it and its NUL. */
	n = utf8proc_reencode(cps, out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		cb_mem_fatal();
	return (char *)cps;
}

bool
cb_text_matches(const char *haystack, const char *needle)
{
	char *h, *n;
	bool found;

	if (needle == NULL || *needle == '\0')
		return true;
	h = cb_text_fold(haystack);
	n = cb_text_fold(needle);
	found = *n == '\0' || strstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}
