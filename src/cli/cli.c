#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/cli.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/str.h"
#include "cli.h"

static const struct {
	const char *name;
	enum cli_opt opt;
	const char *arg; /* NULL for a flag */
} options[] = {
	{"--db", OPT_DB, "PATH"},
	{"--as", OPT_AS, "WORKER"},
	{"--modules", OPT_MODULES, "DIR"},
	{"--training", OPT_TRAINING, NULL},
	{"--show-cursor", OPT_SHOW_CURSOR, NULL},
	{"--to", OPT_TO, "FILE"},
	{"--role", OPT_ROLE, "ROLE"},
	{"--team", OPT_TEAM, "TEAM"},
	{"--family", OPT_FAMILY, "REF"},
	{"--format", OPT_FORMAT, "FORMAT"},
	{"--server", OPT_SERVER, "URL"},
	{"--login", OPT_LOGIN, "PGROLE"},
	{"--help", OPT_HELP, NULL},
	{"--version", OPT_VERSION, NULL},
};

#define GLOBAL_OPTS                                                             \
	(OPT_DB | OPT_AS | OPT_MODULES | OPT_TRAINING | OPT_SHOW_CURSOR | OPT_HELP | OPT_VERSION)

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
	{"add", "worker", OPT_DB | OPT_AS | OPT_ROLE, 1, 1, "the worker's NAME",
	 "casebook add worker NAME --role ROLE [--db PATH]",
	 N_("add a worker (roles are listed in data/roles.yaml)"), cmd_add_worker},
	{"show", "family", OPT_DB | OPT_MODULES, 1, 1, "the family's REF",
	 "casebook show family REF [--db PATH]",
	 N_("a family's record as plain text, for scripts and checks"), cmd_show_family},
	{"export", "family", OPT_DB | OPT_AS | OPT_MODULES | OPT_FORMAT, 1, 1, "the family's REF",
	 "casebook export family REF --format txt|md|html [--db PATH]",
	 N_("a family's record for a conference or court report, on standard output"),
	 cmd_export_family},
	{"export", "minutes", OPT_DB | OPT_AS | OPT_MODULES | OPT_FORMAT | OPT_FAMILY, 1, 1,
	 "the MEETING (its id, or its date)",
	 "casebook export minutes MEETING [--family REF] --format txt|md|html [--db PATH]",
	 N_("group supervision minutes, or one family's extract, on standard output"),
	 cmd_export_minutes},
	{"backup", NULL, OPT_DB | OPT_TO | OPT_AS, 0, 0, NULL, "casebook backup --to FILE [--db PATH]",
	 N_("copy the database safely, even while it is in use"), cmd_backup},
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
	{"list", "conflicts", OPT_DB, 0, 0, NULL, "casebook list conflicts [--db PATH]",
	 N_("records changed on two laptops at once, one a line, tab-separated: table, record, "
	    "this version, the other"), cmd_list_conflicts},
	{"resolve", "conflict", OPT_DB | OPT_AS, 2, 2, "the RECORD and mine or theirs",
	 "casebook resolve conflict RECORD mine|theirs [--db PATH] [--as WORKER]",
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
		cli_error("%s: usage: %s", cb_buf_str(&b), c->cmd->usage);
	else
		cli_error("%s: see 'casebook --help'", cb_buf_str(&b));
	cb_buf_free(&b);
	return CB_EXIT_USAGE;
}

void
cli_put_field(const char *s, bool last)
{
	for (; s != NULL && *s != '\0'; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
	putchar(last ? '\n' : '\t');
}

static void
print_help(void)
{
	size_t i;

	printf(_("casebook %s: the Family Safeguarding case workbook\n\n"), PACKAGE_VERSION);
	printf(_("Usage:\n"
	         "  casebook [--db PATH] [--as WORKER] [--modules DIR]  open the workbook\n"
	         "  casebook --training [--as WORKER]   practise on sample families (a scratch copy)\n"
	         "  casebook COMMAND [OPTIONS]\n\nCommands:\n"));
	for (i = 0; i < N_COMMANDS; i++)
		printf("  %s\n      %s\n", commands[i].usage, _(commands[i].summary));
	printf(_("\nOptions:\n"
	         "  --db PATH       the database (default: $XDG_DATA_HOME/casebook/casebook.db)\n"
	         "  --as WORKER     who you are: a worker's name or id\n"
	         "  --show-cursor   keep the terminal cursor shown, on what is selected\n"
	         "                  (for screen readers and braille displays)\n"
	         "  --help          this help;  --version  the version\n\n"
	         "Exit status: 0 done, 1 failed (nothing half-done is kept), 2 wrong usage.\n"
	         "See casebook(1) and casebook-modules(5).\n"));
}

static int
set_option(struct cli *c, enum cli_opt opt, const char *val)
{
	switch (opt) {
	case OPT_DB: c->db = val; break;
	case OPT_AS: c->as = val; break;
	case OPT_MODULES: c->modules = val; break;
	case OPT_TO: c->to = val; break;
	case OPT_ROLE: c->role = val; break;
	case OPT_TEAM: c->team = val; break;
	case OPT_FAMILY: c->family = val; break;
	case OPT_FORMAT: c->format = val; break;
	case OPT_SERVER: c->server = val; break;
	case OPT_LOGIN: c->login = val; break;
	case OPT_TRAINING: c->training = true; break;
	case OPT_SHOW_CURSOR: c->show_cursor = true; break;
	default: break;
	}
	return 0;
}

/* Parse argv from *i on: options allowed by mask, positionals to c->args.
 * Stops (for the global part) at the first word that is not an option. */
static int
parse(struct cli *c, int argc, char **argv, int *i, unsigned mask, bool stop_at_word,
      unsigned *seen)
{
	for (; *i < argc; (*i)++) {
		const char *a = argv[*i];
		const char *eq;
		size_t k, namelen;
		const char *val = NULL;

		if (strcmp(a, "--") == 0 && !stop_at_word) {
			for ((*i)++; *i < argc; (*i)++)
				c->args[c->nargs++] = argv[*i];
			break;
		}
		if (a[0] != '-' || a[1] == '\0') {
			if (stop_at_word)
				return 0;
			c->args[c->nargs++] = argv[*i];
			continue;
		}
		eq = strchr(a, '=');
		namelen = eq != NULL ? (size_t)(eq - a) : strlen(a);
		for (k = 0; k < sizeof options / sizeof *options; k++)
			if (strlen(options[k].name) == namelen && strncmp(a, options[k].name, namelen) == 0)
				break;
		if (k == sizeof options / sizeof *options)
			return cli_usage_error(c, _("unknown option '%s'"), a);
		if (!(mask & options[k].opt))
			return cli_usage_error(c, _("the option %s does not go here"), options[k].name);
		if (options[k].arg != NULL) {
			if (eq != NULL)
				val = eq + 1;
			else if (*i + 1 < argc)
				val = argv[++(*i)];
			if (val == NULL || *val == '\0')
				return cli_usage_error(c, _("%s needs a %s"), options[k].name, options[k].arg);
		} else if (eq != NULL) {
			return cli_usage_error(c, _("%s takes no value"), options[k].name);
		}
		*seen |= options[k].opt;
		set_option(c, options[k].opt, val);
	}
	return 0;
}

int cli_open_workbook(struct cli *c);

int
cb_cli_main(int argc, char **argv)
{
	struct cli c = {0};
	unsigned seen = 0;
	int i = 1, rc;
	size_t k;

	cli_locale_init();
	c.args = cb_calloc((size_t)argc + 1, sizeof *c.args);
	if ((rc = parse(&c, argc, argv, &i, GLOBAL_OPTS, true, &seen)) != 0)
		goto out;
	if (seen & OPT_HELP) {
		print_help();
		rc = CB_EXIT_OK;
		goto out;
	}
	if (seen & OPT_VERSION) {
		printf("casebook %s (database version %d)\n", PACKAGE_VERSION, cb_store_schema_known());
		rc = CB_EXIT_OK;
		goto out;
	}
	if (i < argc) {
		const char *w1 = argv[i], *w2 = i + 1 < argc ? argv[i + 1] : NULL;
		bool known_word = false;

		for (k = 0; k < N_COMMANDS; k++) {
			if (strcmp(commands[k].word1, w1) != 0)
				continue;
			known_word = true;
			if (commands[k].word2 == NULL || cb_streq(commands[k].word2, w2)) {
				c.cmd = &commands[k];
				break;
			}
		}
		if (c.cmd == NULL) {
			if (!known_word) {
				rc = cli_usage_error(&c, _("unknown command '%s'"), w1);
			} else {
				struct cb_buf b = {0};

				for (k = 0; k < N_COMMANDS; k++)
					if (strcmp(commands[k].word1, w1) == 0)
						cb_buf_addf(&b, "%s%s", b.len ? ", " : "", commands[k].word2);
				rc = cli_usage_error(&c, _("'%s' needs one of: %s"), w1, cb_buf_str(&b));
				cb_buf_free(&b);
			}
			goto out;
		}
		if (seen & ~c.cmd->opts & ~(unsigned)(OPT_DB | OPT_AS)) {
			rc = cli_usage_error(&c, _("an option before the command does not go with it"));
			goto out;
		}
		i += c.cmd->word2 != NULL ? 2 : 1;
		if ((rc = parse(&c, argc, argv, &i, c.cmd->opts | OPT_HELP, false, &seen)) != 0)
			goto out;
		if (seen & OPT_HELP) {
			printf("usage: %s\n  %s\n", c.cmd->usage, _(c.cmd->summary));
			rc = CB_EXIT_OK;
			goto out;
		}
		if (c.nargs < c.cmd->min_args) {
			rc = cli_usage_error(&c, _("%s is missing"), c.cmd->arg_name);
			goto out;
		}
		if (c.nargs > c.cmd->max_args) {
			rc = cli_usage_error(&c, _("unexpected '%s'"), c.args[c.cmd->max_args]);
			goto out;
		}
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
	free(c.default_db);
	free(c.args);
	return cli_close_stdout(rc);
}
