#include "config.h"

#include <string.h>

#include "casebook/mem.h"
#include "casebook/utf8.h"

struct range {
	uint32_t lo, hi;
};

/* Marks that combine with the character before them, and format
 * characters: they take no column. */
static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x061C, 0x061C}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC},
	{0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0711, 0x0711},
	{0x0730, 0x074A}, {0x0900, 0x0902}, {0x093A, 0x093A}, {0x093C, 0x093C},
	{0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957}, {0x0962, 0x0963},
	{0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
	{0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
	{0xE0100, 0xE01EF},
};

/* East Asian wide and full-width characters, and emoji: two columns. */
static const struct range double_width[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
	{0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4},
	{0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004},
	{0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
	{0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
	{0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
	{0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static int
in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

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

int
cb_utf8_cpwidth(uint32_t cp)
{
	if (cp == 0)
		return 0;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 1; /* shown as a replacement mark, never raw */
	if (in_table(cp, zero_width, sizeof zero_width / sizeof *zero_width))
		return 0;
	if (in_table(cp, double_width, sizeof double_width / sizeof *double_width))
		return 2;
	return 1;
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
cb_utf8_fit(const char *s, size_t cols)
{
	size_t i = 0, w = 0, n = strlen(s);

	while (i < n) {
		uint32_t cp;
		size_t len = cb_utf8_decode(s + i, n - i, &cp);
		int cw = cb_utf8_cpwidth(cp);

		if (w + (size_t)cw > cols)
			break;
		w += (size_t)cw;
		i += len;
	}
	/* Keep combining marks with the character they belong to. */
	while (i < n) {
		uint32_t cp;
		size_t len = cb_utf8_decode(s + i, n - i, &cp);

		if (cb_utf8_cpwidth(cp) != 0)
			break;
		i += len;
	}
	return i;
}

size_t
cb_utf8_prev(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

size_t
cb_utf8_next(const char *s, size_t len, size_t at)
{
	uint32_t cp;

	if (at >= len)
		return len;
	return at + cb_utf8_decode(s + at, len - at, &cp);
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
