/* SPDX-License-Identifier: MIT */
/* The locale. Messages, dates and sorting follow the worker's settings;
 * characters are always UTF-8, because every name in the record is
 * UTF-8 and is measured as the terminal library measures it. */
#include "config.h"

#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>
#include <unistd.h>

#include "casebook/i18n.h"
#include "cli.h"

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

/* Where the message catalogues are: CASEBOOK_LOCALEDIR when set, the
 * installed ones, or, for a build that has not been installed, the
 * build tree's own (make compiles them into BUILDDIR/locale), just as
 * cli_datadir() finds the modules. */
static const char *
locale_dir(void)
{
	const char *env = getenv("CASEBOOK_LOCALEDIR");

	if (env != NULL && *env != '\0')
		return env;
	if (access(PKGDATADIR "/data/roles.yaml", R_OK) == 0)
		return LOCALEDIR;
	return BUILDDIR "/locale";
}

static void
messages_init(void)
{
#if defined(ENABLE_NLS) && ENABLE_NLS
	bindtextdomain(PACKAGE, locale_dir());
	/* Everything casebook draws or writes is UTF-8, whatever the
	 * locale's own character set. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)locale_dir;
#endif
}

bool
cli_locale_init(void)
{
	static const char *const fallbacks[] = {"C.UTF-8", "en_US.UTF-8"};
	size_t i;

	setlocale(LC_ALL, "");
	messages_init();
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
