/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/cli.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "cli.h"

/* The options, for getopt_long and for messages. A short letter, or 0
 * for a long option only; arg is NULL for a flag. */
static const struct cli_option {
	const char *name;
	char letter;
	enum cli_opt opt;
	const char *arg;
	const char *help;      /* for --help; every option has one */
} options[] = {
	{"db", 'd', OPT_DB, "PATH",
	 N_("the database (default: the config file's, or "
	    "$XDG_DATA_HOME/casebook/casebook.db)")},
	{"as", 'a', OPT_AS, "WORKER", N_("who you are: a worker's name or id")},
	{"switch", 0, OPT_SWITCH, NULL,
	 N_("work as someone other than the worker this login first chose (recorded in "
	    "the audit)")},
	{"modules", 'm', OPT_MODULES, "DIR",
	 N_("module files that add to or replace the installed ones")},
	{"training", 't', OPT_TRAINING, NULL,
	 N_("practise on the sample families, in a scratch copy")},
	{"idle-lock", 0, OPT_IDLE_LOCK, "MINUTES",
	 N_("lock the screen after so long without a key (default 5; 0 or off: never; "
	    "30s: seconds)")},
	{"show-cursor", 0, OPT_SHOW_CURSOR, NULL,
	 N_("keep the terminal cursor shown, on what is selected (for screen readers and "
	    "braille displays)")},
	{"to", 'o', OPT_TO, "FILE", N_("where a backup goes; or the end of a period (YYYY-MM-DD)")},
	{"from", 0, OPT_FROM, "DATE or FILE",
	 N_("the start of a period (YYYY-MM-DD); the backup to restore")},
	{"passphrase-fd", 0, OPT_PASSPHRASE_FD, "N",
	 N_("read a backup's passphrase from file descriptor N, not the terminal")},
	{"plain", 0, OPT_PLAIN, NULL, N_("an unencrypted backup, on purpose (recorded)")},
	{"force", 0, OPT_FORCE, NULL,
	 N_("restore over a database with newer or unsynced changes (kept aside)")},
	{"role", 'r', OPT_ROLE, "ROLE", N_("a new worker's role (data/roles.yaml)")},
	{"same-name", 0, OPT_SAME_NAME, NULL,
	 N_("add a second worker with a name already in use")},
	{"format", 'f', OPT_FORMAT, "FORMAT",
	 N_("an export's or report's format: txt, md, html or csv")},
	{"output", 0, OPT_OUTPUT, "FILE",
	 N_("write an export to this new file, not standard output")},
	{"lang", 0, OPT_LANG, "LANGUAGE", N_("a document's language, such as cy or en")},
	{"family", 0, OPT_FAMILY, "REF",
	 N_("one family: its extract of the minutes, or its audit")},
	{"adult", 0, OPT_ADULT, "NAME", N_("one adult's own plan")},
	{"worker", 0, OPT_WORKER, "NAME", N_("one worker's figures or audit")},
	{"team", 0, OPT_TEAM, "TEAM", N_("a team, on the server or in the figures")},
	{"by", 0, OPT_BY, "family, worker or team", N_("how the figures are grouped")},
	{"server", 0, OPT_SERVER, "URL",
	 N_("the team's PostgreSQL server: a libpq connection string or URI (see "
	    "casebook-server(8))")},
	{"login", 0, OPT_LOGIN, "PGROLE", N_("a worker's PostgreSQL role (server add-worker)")},
	{"help", 'h', OPT_HELP, NULL, N_("this help, or a command's (casebook COMMAND --help)")},
	{"version", 'V', OPT_VERSION, NULL, N_("the version and the licence")},
};

#define N_OPTIONS (sizeof options / sizeof *options)

#define GLOBAL_OPTS                                                             \
	(OPT_DB | OPT_AS | OPT_SWITCH | OPT_MODULES | OPT_TRAINING | OPT_SHOW_CURSOR | OPT_HELP | \
	 OPT_VERSION | OPT_IDLE_LOCK)

static const struct cli_command commands[] = {
	{"init", NULL, OPT_DB, 0, 0, NULL, "casebook init [--db PATH]",
	 N_("create a new, empty database"), cmd_init},
	{"list", "families", OPT_DB, 0, 0, NULL, "casebook list families [--db PATH]",
	 N_("families, one a line, tab-separated: reference, name, children, workers"),
	 cmd_list_families},
	{"list", "workers", OPT_DB, 0, 0, NULL, "casebook list workers [--db PATH]",
	 N_("workers, one a line, tab-separated: name, role, id"), cmd_list_workers},
	{"list", "meetings", OPT_DB, 0, 0, NULL, "casebook list meetings [--db PATH]",
	 N_("meetings, one a line, tab-separated: id, date, chair, families, signed"),
	 cmd_list_meetings},
	{"add", "worker", OPT_DB | OPT_AS | OPT_ROLE | OPT_SAME_NAME, 1, 1, "the worker's NAME",
	 "casebook add worker NAME --role ROLE [--same-name] [--db PATH]",
	 N_("add a worker (roles are listed in data/roles.yaml)"), cmd_add_worker},
	{"set", "worker", OPT_DB | OPT_AS | OPT_LANG, 1, 1, "the worker's NAME",
	 "casebook set worker NAME --lang LANGUAGE [--db PATH]",
	 N_("the language the workbook opens in for this worker: cy, en or system"),
	 cmd_set_worker},
	{"show", "family", OPT_DB | OPT_AS | OPT_MODULES, 1, 1, "the family's REF",
	 "casebook show family REF [--db PATH]",
	 N_("a family's record as plain text, for scripts and checks"), cmd_show_family},
	{"export", "family", OPT_DB | OPT_AS | OPT_MODULES | OPT_FORMAT | OPT_LANG, 1, 1, "the family's REF",
	 "casebook export family REF --format txt|md|html [--lang LANGUAGE] [--db PATH]",
	 N_("a family's record for a conference or court report, on standard output"),
	 cmd_export_family},
	{"export", "minutes", OPT_DB | OPT_AS | OPT_MODULES | OPT_FORMAT | OPT_FAMILY | OPT_LANG, 1, 1,
	 "the MEETING (its id, or its date)",
	 "casebook export minutes MEETING [--family REF] --format txt|md|html [--lang LANGUAGE] "
	 "[--db PATH]",
	 N_("group supervision minutes, or one family's extract, on standard output"),
	 cmd_export_minutes},
	{"export", "report", OPT_DB | OPT_AS | OPT_MODULES | OPT_FORMAT | OPT_FROM | OPT_TO | OPT_OUTPUT |
	 OPT_LANG,
	 1, 1, "the family's REF",
	 "casebook export report REF [--from DATE] [--to DATE] --format txt|md|html "
	 "[--output FILE] [--lang LANGUAGE] [--db PATH] [--as WORKER]",
	 N_("the conference and court report for a family, on standard output or in a new file"),
	 cmd_export_report},
	{"export", "plan", OPT_DB | OPT_AS | OPT_FORMAT | OPT_ADULT | OPT_OUTPUT | OPT_LANG, 1, 1,
	 "the family's REF",
	 "casebook export plan REF [--adult NAME] --format txt|html [--output FILE] "
	 "[--lang LANGUAGE] [--db PATH]",
	 N_("our family plan, for the family to keep, or one adult's own plan"), cmd_export_plan},
	{"report", "programme",
	 OPT_DB | OPT_AS | OPT_MODULES | OPT_FORMAT | OPT_TEAM | OPT_WORKER | OPT_FROM | OPT_TO |
	 OPT_BY | OPT_OUTPUT, 0, 0, NULL,
	 "casebook report programme [--team TEAM] [--worker NAME] [--from DATE] [--to DATE] "
	 "--format txt|csv|html [--by family|worker|team] [--output FILE] [--db PATH]",
	 N_("programme and supervision figures for managers, per family, worker or team"),
	 cmd_report_programme},
	{"backup", NULL, OPT_DB | OPT_TO | OPT_AS | OPT_PASSPHRASE_FD | OPT_PLAIN, 0, 0, NULL,
	 "casebook backup --to FILE [--passphrase-fd N | --plain] [--db PATH]",
	 N_("an encrypted copy of the database, made safely even while it is in use"), cmd_backup},
	{"restore", NULL, OPT_DB | OPT_AS | OPT_FROM | OPT_PASSPHRASE_FD | OPT_FORCE, 0, 0, NULL,
	 "casebook restore --from FILE [--passphrase-fd N] [--force] [--db PATH]",
	 N_("replace the database with a backup, after checking it; the old file is kept aside"),
	 cmd_restore},
	{"check", NULL, OPT_DB, 0, 0, NULL, "casebook check [--db PATH]",
	 N_("read the whole database and check that it is sound"), cmd_check},
	{"audit", NULL, OPT_DB | OPT_AS | OPT_SWITCH | OPT_FAMILY | OPT_WORKER | OPT_FROM | OPT_TO |
	 OPT_FORMAT, 0, 0, NULL,
	 "casebook audit [--family REF] [--worker NAME] [--from DATE] [--to DATE] "
	 "[--format txt|csv] [--db PATH]",
	 N_("who did or looked at what, and when: the audit trail, oldest first"), cmd_audit},
	{"modules", "list", OPT_MODULES, 0, 0, NULL, "casebook modules list [--modules DIR]",
	 N_("the programme's modules, one a line, tab-separated: id, version, title, file"),
	 cmd_modules_list},
	{"modules", "check", OPT_MODULES | OPT_DB, 0, INT_MAX, NULL,
	 "casebook modules check [PATH...] [--modules DIR] [--db PATH]",
	 N_("check module files, or the programme in use, and report every problem"),
	 cmd_modules_check},
	{"import", NULL, OPT_DB | OPT_AS | OPT_MODULES, 1, INT_MAX, "the FILE to import",
	 "casebook import FILE.yaml [FILE...] [--db PATH] [--as WORKER] [--modules DIR]",
	 N_("families, workers and meetings from files in the import format, all or nothing "
	    "(see casebook-import(5))"), cmd_import},
	{"config", NULL, OPT_MODULES | OPT_SERVER | OPT_IDLE_LOCK, 0, 0, NULL,
	 "casebook config [--db PATH] [--as WORKER] [--server URL] [--idle-lock MINUTES] "
	 "[--modules DIR]",
	 N_("the settings in effect, one a line, tab-separated: name, value, where it was set "
	    "(see casebook-config(5))"), cmd_config},
	{"server", "init", OPT_SERVER, 0, 0, NULL, "casebook server init --server URL",
	 N_("create or upgrade casebook's schema on the team's PostgreSQL server "
	    "(see casebook-server(8))"), cmd_server_init},
	{"server", "add-worker", OPT_SERVER | OPT_ROLE | OPT_TEAM | OPT_LOGIN, 1, 1,
	 "the worker's NAME",
	 "casebook server add-worker NAME --role ROLE --team TEAM --login PGROLE --server URL",
	 N_("give a worker a PostgreSQL login and a team on the server"), cmd_server_add_worker},
	{"server", "move-worker", OPT_SERVER | OPT_TEAM, 1, 1, "the worker's PGROLE",
	 "casebook server move-worker PGROLE --team TEAM --server URL",
	 N_("move a worker to another team: they see that team's families from then on"),
	 cmd_server_move_worker},
	{"sync", NULL, OPT_DB | OPT_AS | OPT_SERVER, 0, 0, NULL,
	 "casebook sync [--db PATH] [--server URL]",
	 N_("send this laptop's changes to the team's server and fetch the team's"), cmd_sync},
	{"search", NULL, OPT_DB | OPT_AS | OPT_FAMILY, 1, 1, "what to find",
	 "casebook search WORDS [--family REF] [--db PATH]",
	 N_("find records by their words, one hit a line, tab-separated: reference, kind, date, "
	    "the words around the match"), cmd_search},
	{"list", "conflicts", OPT_DB, 0, 0, NULL, "casebook list conflicts [--db PATH]",
	 N_("records changed on two laptops at once, one a line, tab-separated: table, record, "
	    "this version, the other"), cmd_list_conflicts},
	{"resolve", "conflict", OPT_DB | OPT_AS, 2, 2, "the RECORD and mine, theirs or same",
	 "casebook resolve conflict RECORD mine|theirs|same [--db PATH] [--as WORKER]",
	 N_("resolve a conflict with a new version that names both"), cmd_resolve_conflict},
};

#define N_COMMANDS (sizeof commands / sizeof *commands)

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("casebook: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_fail(const struct cb_err *err)
{
	cli_error("%s", err->msg[0] != '\0' ? err->msg : _("something went wrong"));
	return CB_EXIT_FAIL;
}

static void
command_name(const struct cli_command *cmd, char *out, size_t n)
{
	if (cmd == NULL)
		snprintf(out, n, "casebook");
	else if (cmd->word2 != NULL)
		snprintf(out, n, "%s %s", cmd->word1, cmd->word2);
	else
		snprintf(out, n, "%s", cmd->word1);
}

int
cli_usage_error(const struct cli *c, const char *fmt, ...)
{
	char name[64];
	struct cb_buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	cb_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	command_name(c->cmd, name, sizeof name);
	if (c->cmd != NULL)
		cli_error(_("%s: usage: %s"), cb_buf_str(&b), c->cmd->usage);
	else
		cli_error(_("%s: see 'casebook --help'"), cb_buf_str(&b));
	cb_buf_free(&b);
	return CB_EXIT_USAGE;
}

void
cli_put_field(const char *s, bool last)
{
	size_t n = s != NULL ? strlen(s) : 0, i = 0;

	/* What a terminal would act on never leaves as it is, as on the
	 * screens: controls, C1, ESC and bidi overrides become U+FFFD
	 * (cb_utf8_shown); tabs and line breaks, which would break the
	 * columns, become spaces. */
	while (i < n) {
		uint32_t cp, shown;
		char out[4];

		i += cb_utf8_decode(s + i, n - i, &cp);
		shown = cb_utf8_shown(cp);
		if (shown == 0)
			continue;
		fwrite(out, 1, cb_utf8_encode(shown, out), stdout);
	}
	putchar(last ? '\n' : '\t');
}

/* Print text from column indent, the first line from column at (already
 * reached), wrapped by display width to fit 80 columns. In a usage
 * line (usage) a bracketed group is not broken. */
#define HELP_WIDTH 79

static void
wrap(const char *text, size_t at, size_t indent, bool usage)
{
	const char *p = text;
	size_t col = at;
	bool first = true;

	while (*p != '\0') {
		const char *end = p;
		int depth = 0;
		size_t w;

		/* One word: to the next blank outside brackets. */
		while (*end != '\0' && (*end != ' ' || depth > 0)) {
			if (usage && (*end == '[' || *end == '('))
				depth++;
			else if (usage && (*end == ']' || *end == ')') && depth > 0)
				depth--;
			end++;
		}
		w = cb_utf8_widthn(p, (size_t)(end - p));
		if (!first && col + 1 + w > HELP_WIDTH) {
			printf("\n%*s", (int)indent, "");
			col = indent;
		} else if (!first) {
			putchar(' ');
			col++;
		}
		fwrite(p, 1, (size_t)(end - p), stdout);
		col += w;
		first = false;
		p = end;
		while (*p == ' ')
			p++;
	}
	putchar('\n');
}

static const char bug_report[] = CB_BUG_REPORT;

static void
print_help(void)
{
	size_t i;

	printf(_("casebook %s: the Family Safeguarding case workbook\n\n"), PACKAGE_VERSION);
	printf(_("Usage:\n"
	         "  casebook [--db PATH] [--as WORKER] [--modules DIR]\n"
	         "      open the workbook\n"
	         "  casebook --training [--as WORKER]\n"
	         "      practise on the sample families, in a scratch copy\n"
	         "  casebook COMMAND [OPTIONS]\n\nCommands:\n"));
	for (i = 0; i < N_COMMANDS; i++) {
		printf("  ");
		wrap(commands[i].usage, 2, 8, true);
		printf("      ");
		wrap(_(commands[i].summary), 6, 6, false);
	}
	printf(_("\nOptions (anywhere on the line; a long one may be shortened while it is\n"
	         "unambiguous, and short ones combined, as in -ta NAME):\n"));
	for (i = 0; i < N_OPTIONS; i++) {
		const struct cli_option *o = &options[i];
		struct cb_buf b = {0};
		size_t w;

		if (o->letter != 0)
			cb_buf_addf(&b, "  -%c, --%s", o->letter, o->name);
		else
			cb_buf_addf(&b, "      --%s", o->name);
		if (o->arg != NULL)
			cb_buf_addf(&b, " %s", o->arg);
		w = cb_utf8_width(cb_buf_str(&b));
		fputs(cb_buf_str(&b), stdout);
		/* The help beside a short name, or on the next line. */
		if (w + 2 <= 24) {
			printf("%*s", (int)(24 - w), "");
		} else {
			printf("\n%*s", 24, "");
		}
		wrap(_(o->help), 24, 24, false);
		cb_buf_free(&b);
	}
	printf(_("\nSettings also come from config files (see casebook-config(5) and\n"
	         "'casebook config').\n"
	         "Exit status: 0 done, 1 failed (nothing half-done is kept), 2 wrong usage.\n"
	         "See casebook(1), casebook-config(5), casebook-import(5), casebook-modules(5)\n"
	         "and casebook-server(8).\n"));
	/* configure --with-bug-report names the authority's service desk. */
	if (bug_report[0] != '\0')
		printf(_("Report problems to %s (never send a database: it holds personal data).\n"),
		       bug_report);
	else
		printf(_("Report problems to your authority's IT team (see \"Reporting problems\" in\n"
		         "the README; never send a database: it holds personal data).\n"));
}

static void
set_option(struct cli *c, enum cli_opt opt, const char *val)
{
	switch (opt) {
	case OPT_DB: c->db = val; break;
	case OPT_AS: c->as = val; break;
	case OPT_MODULES: c->modules = val; break;
	case OPT_TO: c->to = val; break;
	case OPT_ROLE: c->role = val; break;
	case OPT_FAMILY: c->family = val; break;
	case OPT_FORMAT: c->format = val; break;
	case OPT_LANG: c->lang = val; break;
	case OPT_SERVER: c->server = val; break;
	case OPT_LOGIN: c->login = val; break;
	case OPT_FROM: c->from = val; break;
	case OPT_OUTPUT: c->output = val; break;
	case OPT_ADULT: c->adult = val; break;
	case OPT_WORKER: c->worker = val; break;
	case OPT_BY: c->by = val; break;
	case OPT_TEAM: c->team = val; break;
	case OPT_PASSPHRASE_FD: c->passphrase_fd = val; break;
	case OPT_SWITCH: c->switch_ok = true; break;
	case OPT_PLAIN: c->plain = true; break;
	case OPT_FORCE: c->force = true; break;
	case OPT_IDLE_LOCK: c->idle_lock = val; break;
	case OPT_TRAINING: c->training = true; break;
	case OPT_SHOW_CURSOR: c->show_cursor = true; break;
	case OPT_SAME_NAME: c->same_name = true; break;
	default: break;
	}
}

/* getopt_long returns the short letter, or this plus the index for an
 * option that has none. */
#define LONG_ONLY 0x100

static const struct cli_option *
option_by_val(int val)
{
	size_t k;

	for (k = 0; k < N_OPTIONS; k++)
		if ((options[k].letter != 0 && val == options[k].letter) ||
		    (options[k].letter == 0 && val == LONG_ONLY + (int)k))
			return &options[k];
	return NULL;
}

/* "--x" or "--x=y" that getopt_long refused: unknown, or a prefix of
 * more than one option. The message, in b. */
static void
explain_long(const char *arg, struct cb_buf *b)
{
	const char *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq != NULL ? (size_t)(eq - name) : strlen(name), k, n = 0;
	struct cb_buf which = {0};

	for (k = 0; k < N_OPTIONS; k++)
		if (len > 0 && strncmp(options[k].name, name, len) == 0) {
			cb_buf_addf(&which, "%s--%s", n > 0 ? ", " : "", options[k].name);
			n++;
		}
	if (n > 1)
		cb_buf_addf(b, _("'--%.*s' could be any of %s: say which"), (int)len, name,
		            cb_buf_str(&which));
	else
		cb_buf_addf(b, _("unknown option '%.*s'"), (int)(len + 2), arg);
	cb_buf_free(&which);
}

/* Every option, anywhere on the line (GNU style): values into c, flags
 * seen into *seen, the words in order into c->args. A mistake is
 * described in err (the first only). "--" ends the options. */
static void
parse(struct cli *c, int argc, char **argv, unsigned *seen, struct cb_buf *err)
{
	struct option longopts[N_OPTIONS + 1];
	char shortopts[3 + 2 * N_OPTIONS + 1];
	size_t k, n = 0;
	int ch, idx;

	/* '-': words come back in order, as 1; ':': a missing value is ':'. */
	shortopts[n++] = '-';
	shortopts[n++] = ':';
	for (k = 0; k < N_OPTIONS; k++) {
		longopts[k].name = options[k].name;
		longopts[k].has_arg = options[k].arg != NULL ? required_argument : no_argument;
		longopts[k].flag = NULL;
		longopts[k].val = options[k].letter != 0 ? options[k].letter : LONG_ONLY + (int)k;
		if (options[k].letter != 0) {
			shortopts[n++] = options[k].letter;
			if (options[k].arg != NULL)
				shortopts[n++] = ':';
		}
	}
	shortopts[n] = '\0';
	memset(&longopts[N_OPTIONS], 0, sizeof longopts[N_OPTIONS]);

	opterr = 0;
	optind = 0; /* glibc: start afresh */
	while ((ch = getopt_long(argc, argv, shortopts, longopts, &idx)) != -1) {
		const char *arg = argv[optind - 1];
		const struct cli_option *o;

		if (ch == 1) {
			c->args[c->nargs++] = optarg;
			continue;
		}
		if (err->len > 0)
			continue;
		if (ch == '?' || ch == ':') {
			o = option_by_val(optopt);
			if (ch == ':' && o != NULL)
				cb_buf_addf(err, _("--%s needs a %s"), o->name, o->arg);
			else if (o != NULL && strncmp(arg, "--", 2) == 0)
				cb_buf_addf(err, _("--%s takes no value"), o->name);
			else if (optopt != 0)
				cb_buf_addf(err, _("unknown option '-%c'"), optopt);
			else
				explain_long(arg, err);
			continue;
		}
		o = option_by_val(ch);
		if (o == NULL)
			continue;
		if (o->arg != NULL && *optarg == '\0') {
			cb_buf_addf(err, _("--%s needs a %s"), o->name, o->arg);
			continue;
		}
		/* Each option is checked against the command once it is known. */
		if (!(*seen & o->opt))
			c->order[c->norder++] = o;
		*seen |= o->opt;
		set_option(c, o->opt, optarg);
	}
	for (; optind < argc; optind++)
		c->args[c->nargs++] = argv[optind];
}

/* The command named by the first words, which are taken off c->args;
 * NULL when there is none, and then (unless rc is NULL) what is wrong is
 * said and its exit code put in *rc. */
static const struct cli_command *
find_command(struct cli *c, int *rc)
{
	const char *w1 = c->args[0], *w2 = c->nargs > 1 ? c->args[1] : NULL;
	bool known_word = false;
	size_t k;

	for (k = 0; k < N_COMMANDS; k++) {
		if (strcmp(commands[k].word1, w1) != 0)
			continue;
		known_word = true;
		if (commands[k].word2 == NULL || cb_streq(commands[k].word2, w2)) {
			int words = commands[k].word2 != NULL ? 2 : 1;

			c->args += words;
			c->nargs -= words;
			return &commands[k];
		}
	}
	if (rc == NULL)
		return NULL;
	if (!known_word) {
		*rc = cli_usage_error(c, _("unknown command '%s'"), w1);
	} else {
		struct cb_buf b = {0};

		for (k = 0; k < N_COMMANDS; k++)
			if (strcmp(commands[k].word1, w1) == 0)
				cb_buf_addf(&b, "%s%s", b.len ? ", " : "", commands[k].word2);
		*rc = cli_usage_error(c, _("'%s' needs one of: %s"), w1, cb_buf_str(&b));
		cb_buf_free(&b);
	}
	return NULL;
}

int cli_open_workbook(struct cli *c);

int
cb_cli_main(int argc, char **argv)
{
	struct cli c = {0};
	struct cb_buf err = {0};
	char **args;
	unsigned seen = 0, allowed;
	int rc = 0;
	size_t k;

	cli_locale_init();
	args = c.args = cb_calloc((size_t)argc + 1, sizeof *c.args);
	c.order = cb_calloc(N_OPTIONS, sizeof *c.order);
	parse(&c, argc, argv, &seen, &err);
	/* A wrong option first: it may have made a word of its value. */
	if (err.len > 0) {
		if (c.nargs > 0)
			c.cmd = find_command(&c, NULL);
		rc = cli_usage_error(&c, "%s", cb_buf_str(&err));
		goto out;
	}
	if (c.nargs > 0 && (c.cmd = find_command(&c, &rc)) == NULL)
		goto out;
	if (seen & OPT_VERSION) {
		printf("casebook %s (database version %d)\n", PACKAGE_VERSION, cb_store_schema_known());
		printf(_("Copyright (c) 2026 The casebook authors.\n"
		         "Licence: MIT <https://spdx.org/licenses/MIT.html>. You may use, change\n"
		         "and share it; it comes with no warranty. The terms are in the file COPYING.\n"));
		rc = CB_EXIT_OK;
		goto out;
	}
	if (seen & OPT_HELP) {
		if (c.cmd != NULL) {
			printf("usage: ");
			wrap(c.cmd->usage, 7, 11, true);
			printf("  ");
			wrap(_(c.cmd->summary), 2, 2, false);
		} else
			print_help();
		rc = CB_EXIT_OK;
		goto out;
	}
	allowed = c.cmd != NULL ? c.cmd->opts | OPT_DB | OPT_AS | OPT_SWITCH : GLOBAL_OPTS;
	for (k = 0; k < c.norder; k++)
		if (!(allowed & c.order[k]->opt)) {
			rc = cli_usage_error(&c, _("the option --%s does not go here"), c.order[k]->name);
			goto out;
		}
	if (c.cmd != NULL) {
		if (c.nargs < c.cmd->min_args) {
			rc = cli_usage_error(&c, _("%s is missing"), c.cmd->arg_name);
			goto out;
		}
		if (c.nargs > c.cmd->max_args) {
			rc = cli_usage_error(&c, _("unexpected '%s'"), c.args[c.cmd->max_args]);
			goto out;
		}
	}
	/* The config files: what they set is used where the command line
	 * says nothing; a bad line is said, and the rest applies. The
	 * workbook shows the problems on its screens. */
	cb_diags_init(&c.config_diags);
	cli_config_load(&c.config, &c.config_diags);
	if (c.cmd != NULL)
		cli_print_diags(&c.config_diags);
	if (c.config.value[CFG_LANGUAGE] != NULL)
		cli_set_language(c.config.value[CFG_LANGUAGE]);
	if (c.server == NULL)
		c.server = c.config.value[CFG_SERVER];
	/* set worker --lang stores the language; it does not speak it. */
	if (c.lang != NULL && (c.cmd == NULL || c.cmd->run != cmd_set_worker) &&
	    cli_set_language(c.lang) != 0) {
		rc = cli_usage_error(&c, _("'%s' is not a language code: give one such as cy or en"),
		                     c.lang);
		goto out;
	}
	if (c.db == NULL && c.config.value[CFG_DATABASE] != NULL) {
		c.default_db = cli_config_path(c.config.value[CFG_DATABASE]);
		c.db = c.default_db;
	}
	if (c.db == NULL) {
		c.default_db = cli_default_db();
		if (c.default_db == NULL) {
			cli_error(_("cannot tell where to keep the database (HOME is not set): use --db PATH"));
			rc = CB_EXIT_FAIL;
			goto out;
		}
		c.db = c.default_db;
	}
	rc = c.cmd != NULL ? c.cmd->run(&c) : cli_open_workbook(&c);
out:
	cb_buf_free(&err);
	cli_config_clear(&c.config);
	cb_diags_clear(&c.config_diags);
	free(c.default_db);
	free(c.order);
	free(args);
	return cli_close_stdout(rc);
}
