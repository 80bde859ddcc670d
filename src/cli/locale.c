/* SPDX-License-Identifier: MIT */
/* The locale. Messages, dates and sorting follow the worker's settings;
 * characters are always UTF-8, because every name in the record is
 * UTF-8 and is measured as the terminal library measures it. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

bool
cli_locale_init(void)
{
	static const char *const fallbacks[] = {"C.UTF-8", "en_US.UTF-8"};
	size_t i;

	setlocale(LC_ALL, "");
	if (codeset_is_utf8())
		return true;
	/* LANG=C, or a locale in another character set (ISO-8859-1 over
	 * ssh): characters go UTF-8 as tmux makes them, the rest stays. */
	for (i = 0; i < sizeof fallbacks / sizeof *fallbacks; i++)
		if (setlocale(LC_CTYPE, fallbacks[i]) != NULL && codeset_is_utf8())
			return true;
	setlocale(LC_CTYPE, "");
	return false;
}
