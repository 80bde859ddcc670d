/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/names.h"
#include "casebook/utf8.h"

static bool
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

int
cb_name_check(const char *s, const char *what, size_t max, struct cb_err *err)
{
	size_t n = s != NULL ? strlen(s) : 0, i = 0, count = 0;

	if (!cb_utf8_valid(s != NULL ? s : "", n))
		return cb_err_set(err, CB_EINVAL, _("%s is not valid UTF-8 text: type it again"),
		                  what);
	while (i < n) {
		uint32_t cp;

		i += cb_utf8_decode(s + i, n - i, &cp);
		count++;
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			return cb_err_set(err, CB_EINVAL,
			                  _("%s holds a control character (such as a tab, a line "
			                    "break or an escape): type it on one line, letters only"),
			                  what);
		if (is_bidi_control(cp))
			return cb_err_set(err, CB_EINVAL,
			                  _("%s holds a character that changes the direction of the text "
			                    "(U+%04X): leave it out; names in any script read correctly "
			                    "without it"),
			                  what, (unsigned)cp);
	}
	if (count > max)
		return cb_err_set(err, CB_EINVAL,
		                  _("%s is %zu characters long, and at most %zu are kept: shorten it"),
		                  what, count, max);
	return 0;
}
