/* Private to src/cli: parsed options and the commands. */
#ifndef CASEBOOK_CLI_PRIVATE_H
#define CASEBOOK_CLI_PRIVATE_H

#include <stdbool.h>

struct cb_err;
struct cb_refdata;
struct cb_store;

enum cli_opt {
	OPT_DB = 1 << 0,
	OPT_AS = 1 << 1,
	OPT_MODULES = 1 << 2,
	OPT_TRAINING = 1 << 3,
	OPT_TO = 1 << 4,
	OPT_ROLE = 1 << 5,
	OPT_TEAM = 1 << 6,
	OPT_FAMILY = 1 << 7,
	OPT_FORMAT = 1 << 8,
	OPT_HELP = 1 << 9,
	OPT_VERSION = 1 << 10
};

struct cli {
	const char *db;        /* --db, or the default */
	const char *as;
	const char *modules;
	const char *to;
	const char *role;
	const char *team;
	const char *family;
	const char *format;
	bool training;
	int nargs;             /* positional arguments after the command */
	char **args;
	const struct cli_command *cmd;
	char *default_db;      /* owned */
};

struct cli_command {
	const char *word1;
	const char *word2;     /* NULL for one-word commands */
	unsigned opts;         /* the options it takes */
	int min_args, max_args;
	const char *arg_name;  /* what the positional arguments are, for errors */
	const char *usage;
	const char *summary;
	int (*run)(struct cli *c);
};

/* Messages: "casebook: what went wrong: what to do". */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_fail(const struct cb_err *err);          /* prints, returns CB_EXIT_FAIL */
int cli_usage_error(const struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));       /* prints, returns CB_EXIT_USAGE */

/* Where things are. */
const char *cli_datadir(void);
char *cli_default_db(void);
/* Open the database (creating it when create), with --as as the actor. */
int cli_open(struct cli *c, bool create, struct cb_store **out);
/* Load data/ reference lists; prints problems and returns non-zero on any. */
int cli_refdata(struct cb_refdata **out);
/* A field for tab-separated output: tabs and newlines become spaces. */
void cli_put_field(const char *s, bool last);

int cmd_init(struct cli *c);
int cmd_list_families(struct cli *c);
int cmd_list_workers(struct cli *c);
int cmd_add_worker(struct cli *c);
int cmd_backup(struct cli *c);

#endif
