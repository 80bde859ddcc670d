/* SPDX-License-Identifier: MIT */
/* The locale. Messages, dates and sorting follow the worker's settings;
 * characters are always UTF-8, because every name in the record is
 * UTF-8 and is measured as the terminal library measures it. */
#include "config.h"

#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>
#include <unistd.h>

#include "casebook/i18n.h"
#include "casebook/workbook.h"
#include "cli.h"

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

/* Where the message catalogues are: CASEBOOK_LOCALEDIR when set (a
 * build that has not been installed: make compiles them into its
 * locale/), else the installed ones. No build path is compiled in. */
static const char *
locale_dir(void)
{
	const char *env = getenv("CASEBOOK_LOCALEDIR");

	if (env != NULL && *env != '\0')
		return env;
	return LOCALEDIR;
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

const char *
cli_language(void)
{
	static char lang[8];
	const char *messages = setlocale(LC_MESSAGES, NULL), *env = getenv("LANGUAGE"), *from;
	size_t i;

	/* As gettext reads them: LANGUAGE counts only beside a locale that
	 * is not plain C, and its first entry is the one wanted. */
	if (messages == NULL || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
		return "en";
	from = env != NULL && *env != '\0' ? env : messages;
	for (i = 0; i + 1 < sizeof lang && from[i] >= 'a' && from[i] <= 'z'; i++)
		lang[i] = from[i];
	lang[i] = '\0';
	return i == 2 || i == 3 ? lang : "en";
}

bool
cli_language_code_ok(const char *lang)
{
	size_t i;

	for (i = 0; lang[i] >= 'a' && lang[i] <= 'z'; i++)
		;
	if (i < 2 || i > 3 || (lang[i] != '\0' && lang[i] != '_'))
		return false;
	for (; lang[i] != '\0'; i++)
		if (!(lang[i] == '_' || (lang[i] >= 'A' && lang[i] <= 'Z')) || i > 8)
			return false;
	return true;
}

int
cli_set_language(const char *lang)
{
	const char *messages;

	if (!cli_language_code_ok(lang))
		return -1;
	setenv("LANGUAGE", lang, 1);
	/* gettext reads LANGUAGE beside any locale but plain C, so the
	 * messages' locale becomes C.UTF-8 there; setting it also tells the
	 * C library to drop the translations it has found so far. */
	messages = setlocale(LC_MESSAGES, NULL);
	if (messages == NULL || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	else
		setlocale(LC_MESSAGES, "");
#if defined(ENABLE_NLS) && ENABLE_NLS
	textdomain(PACKAGE); /* as forget_translations() below */
#endif
	cb_workbook_set_language(cli_language());
	return 0;
}

/* LANGUAGE and the messages' locale as casebook set them from the
 * environment and the config files, before any worker's choice. */
static char *language_at_start, *messages_at_start;
static bool language_saved;

static void
save_language(void)
{
	const char *env = getenv("LANGUAGE"), *messages = setlocale(LC_MESSAGES, NULL);

	if (language_saved)
		return;
	language_saved = true;
	language_at_start = env != NULL ? strdup(env) : NULL;
	messages_at_start = messages != NULL ? strdup(messages) : NULL;
}

/* gettext keeps the translations it has looked up until the locale or
 * the text domain is set; setting the locale to the name it already has
 * does nothing, so the domain is set again. */
static void
forget_translations(void)
{
#if defined(ENABLE_NLS) && ENABLE_NLS
	textdomain(PACKAGE);
#endif
}

int
cli_use_language(const char *lang)
{
	save_language();
	if (lang != NULL && *lang != '\0')
		return cli_set_language(lang);
	/* The computer's own: LANGUAGE and the locale as they were. */
	if (language_at_start != NULL)
		setenv("LANGUAGE", language_at_start, 1);
	else
		unsetenv("LANGUAGE");
	setlocale(LC_MESSAGES, messages_at_start != NULL ? messages_at_start : "");
	forget_translations();
	cb_workbook_set_language(cli_language());
	return 0;
}

bool
cli_language_known(const char *lang)
{
	char path[4096];
	size_t i;

	for (i = 0; lang[i] >= 'a' && lang[i] <= 'z'; i++)
		;
	if (lang[i] != '\0' || i < 2 || i > 3)
		return false;
	if (strcmp(lang, "en") == 0)
		return true;
	snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", locale_dir(), lang, PACKAGE);
	return access(path, R_OK) == 0;
}

bool
cli_locale_init(void)
{
	static const char *const fallbacks[] = {"C.UTF-8", "en_US.UTF-8"};
	size_t i;

	setlocale(LC_ALL, "");
	messages_init();
	cb_workbook_set_language(cli_language());
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
