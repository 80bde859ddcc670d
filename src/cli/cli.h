/* SPDX-License-Identifier: MIT */
/* Private to src/cli: parsed options and the commands. */
#ifndef CASEBOOK_CLI_PRIVATE_H
#define CASEBOOK_CLI_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/date.h"
#include "casebook/diag.h"
#include "casebook/export.h"
#include "casebook/vec.h"

struct cb_buf;
struct cb_diags;
struct cb_doc;
struct cb_err;
struct cb_family;
struct cb_programme;
struct cb_refdata;
struct cb_store;
struct cli_option;

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
	OPT_VERSION = 1 << 10,
	OPT_SHOW_CURSOR = 1 << 11,
	OPT_SAME_NAME = 1 << 12,
	OPT_FROM = 1 << 13,
	OPT_OUTPUT = 1 << 14,
	OPT_ADULT = 1 << 15,
	OPT_WORKER = 1 << 16,
	OPT_BY = 1 << 17,
	OPT_SWITCH = 1 << 18,
	OPT_PASSPHRASE_FD = 1 << 19,
	OPT_PLAIN = 1 << 20,
	OPT_FORCE = 1 << 21,
	OPT_LANG = 1 << 22,
	OPT_IDLE_LOCK = 1 << 23,
	OPT_SERVER = 1 << 24,
	OPT_LOGIN = 1 << 25
};

/* The settings a `config` file may hold (config.c, casebook-config(5)). */
enum cli_setting {
	CFG_DATABASE,
	CFG_WORKER,
	CFG_SERVER,
	CFG_IDLE_LOCK,
	CFG_LANGUAGE,
	CFG_COLOUR,
	CFG_REQUIRE_ENCRYPTED_DISK,
	CFG_THEME,
	CFG_N
};

/* Each setting's value and where it was set ("FILE:LINE"); NULL when no
 * file sets it. */
struct cli_config {
	char *value[CFG_N];
	char *from[CFG_N];
	struct cb_vec keys;    /* struct cli_binding: the key.ACTION lines applied, in order */
};

/* A key.ACTION line that changed the keys (cb_ui_rebind). */
struct cli_binding {
	char *action;
	char *keys;
	char *from;            /* FILE:LINE */
};

/* A folder of configuration: modules/, data/ and config. */
struct cli_layer {
	const char *name;      /* "system" or "user" */
	char *dir;
};

struct cli {
	const char *db;        /* --db, or the default */
	const char *as;
	const char *modules;
	const char *to;
	const char *role;
	const char *family;
	const char *format;
	const char *lang;      /* --lang: the language of a document */
	const char *server;    /* --server URL */
	const char *login;     /* --login PGROLE */
	const char *from;      /* --from: a date, or a file (restore) */
	const char *output;    /* --output FILE */
	const char *adult;     /* --adult NAME */
	const char *worker;    /* --worker NAME */
	const char *by;        /* --by family|worker|team */
	const char *team;      /* --team TEAM */
	const char *passphrase_fd;
	const char *idle_lock;  /* --idle-lock MINUTES (or Ns, or off) */
	bool switch_ok;        /* --switch: work as someone other than this login's worker */
	bool plain;            /* --plain: an unencrypted backup, on purpose */
	bool force;
	bool training;
	bool show_cursor;      /* --show-cursor: for screen readers, braille */
	bool same_name;        /* --same-name: a second worker of that name */
	int nargs;             /* positional arguments after the command */
	char **args;
	const struct cli_command *cmd;
	const struct cli_option **order; /* the options given, each once, in order */
	size_t norder;
	char *default_db;      /* owned */
	struct cli_config config;      /* the config files, system then user */
	struct cb_diags config_diags;  /* their problems, said once */
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
/* One line on stderr when s could only be opened for reading. */
void cli_readonly_notice(const struct cli *c, const struct cb_store *s);
int cli_fail(const struct cb_err *err);          /* prints, returns CB_EXIT_FAIL */
int cli_usage_error(const struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));       /* prints, returns CB_EXIT_USAGE */

/* setlocale() from the environment, with characters in UTF-8 whatever
 * it says (C.UTF-8 when it is not UTF-8, as tmux does). False when no
 * UTF-8 locale could be had. */
bool cli_locale_init(void);
/* The language the messages are in ("cy", "en"), which the module and
 * reference texts follow. */
const char *cli_language(void);
/* Messages and texts in lang (such as "cy") from here on, as LANGUAGE
 * would: --lang for documents. -1 when lang is not a language code. */
int cli_set_language(const char *lang);
/* A worker's choice: lang as cli_set_language(), or NULL or "" for the
 * language the environment gave at start. */
int cli_use_language(const char *lang);
/* Whether casebook has messages in lang (a code of two or three small
 * letters): English, or an installed catalogue. */
bool cli_language_known(const char *lang);
/* Flush and close standard output at the end of a command: a write that
 * failed is one line on standard error and exit 1. Returns the exit
 * code, rc unless the output failed. */
int cli_close_stdout(int rc);

/* The layers of configuration (config.c). The folders, lowest first:
 * $(sysconfdir)/casebook (CASEBOOK_SYSCONFDIR for tests), each
 * XDG_CONFIG_DIRS entry from the last, $XDG_CONFIG_HOME/casebook. out
 * owns struct cli_layer. */
void cli_layers_init(struct cb_vec *out);
/* data/NAME from the highest layer that has it, else the installed one;
 * *layer (if not NULL) says which ("installed", "system", "user"). */
char *cli_data_file(const char *name, const char **layer);
/* Each layer's config file, lowest first, into cfg: a bad line is a
 * problem in diags (FILE:LINE:COL, with a did-you-mean) and the rest
 * still applies. -1 when there were problems. */
int cli_config_load(struct cli_config *cfg, struct cb_diags *diags);
int cli_config_read(struct cli_config *cfg, const char *file, bool user, struct cb_diags *diags);
void cli_config_clear(struct cli_config *cfg);
const char *cli_setting_name(enum cli_setting k);
/* A yes/no setting's value, or dflt when no file sets it. */
bool cli_config_bool(const struct cli_config *cfg, enum cli_setting k, bool dflt);
/* The theme a theme setting names (enum cb_ui_theme), or -1. */
int cli_theme(const char *v);
/* MINUTES, Ns for seconds, or 0/off, in seconds; -1 when it is neither. */
int cli_idle_seconds(const char *v);
/* Whether lang looks like a language code (cy, en, pt_BR). */
bool cli_language_code_ok(const char *lang);
/* Whether the database must be on an encrypted disk: the configuration's
 * require-encrypted-disk, or CASEBOOK_REQUIRE_ENCRYPTED_DISK=1. */
bool cli_require_encrypted(const struct cli *c);
/* CB_EXIT_FAIL, said, when the database is to be refused for its disk
 * (cli_disk_warning); else 0. */
int cli_disk_refused(struct cli *c);
/* The sentence to show when the folder holding db is the user's own and
 * open to others (wider than 0700), else NULL. */
char *cli_folder_warning(const char *db);
/* Add lines (each ending in a newline) at the end of the user's config
 * file, made (0600, in folders made 0700) when there is none; every line
 * already there is kept. Written beside it and renamed over it, so that
 * a crash leaves the old file or the new. *path: the file written. */
struct cb_err;
int cli_config_append(const char *lines, char **path, struct cb_err *err);
/* A path from a config file: "~/" at its start is $HOME's. */
char *cli_config_path(const char *v);
int cmd_config(struct cli *c);

/* Where things are. */
const char *cli_datadir(void);
char *cli_default_db(void);
/* Open the database (creating it when create), with --as as the actor. */
int cli_open(struct cli *c, bool create, struct cb_store **out);
/* Set the actor: --as (a worker other than the one this login chose first
 * needs --switch, and is audited), else this login's worker. */
int cli_identity(struct cli *c, struct cb_store *s);
/* Load data/ reference lists; prints problems and returns non-zero on any. */
int cli_refdata(struct cb_refdata **out);
/* A field for tab-separated output: tabs and newlines become spaces, and
 * controls, ESC, C1 and bidi overrides U+FFFD, as on the screens. */
void cli_put_field(const char *s, bool last);

/* The programme: installed modules, then $XDG_CONFIG_HOME/casebook/modules,
 * then --modules. Problems go to diags; returns non-zero on any. */
int cli_programme(struct cli *c, const struct cb_refdata *ref, struct cb_programme *out,
                  bool *inconsistent, struct cb_diags *diags);
/* Print problems, sorted, one FILE:LINE:COL: line each, to stderr; and
 * the one line that counts them (after sorting: by file). */
void cli_print_diags(struct cb_diags *diags);
void cli_problems_summary(const struct cb_diags *diags);

/* Exports (cmd_show.c). The programme, with one line on stderr saying
 * what the output does `instead` when it has problems; true when it
 * loaded without any. */
bool cli_load_programme(struct cli *c, const struct cb_refdata *ref, struct cb_programme *out,
                        const char *instead);
/* The family with this reference (or id) and its record as a document;
 * prints what went wrong and returns an exit code. */
int cli_family_doc(struct cli *c, struct cb_store *s, const char *reference,
                   struct cb_family **family, struct cb_doc **out);
/* All of b to standard output; CB_EXIT_FAIL, said, when it could not be. */
int cli_write_out(const struct cb_buf *b);

int cmd_init(struct cli *c);
int cmd_list_families(struct cli *c);
int cmd_list_workers(struct cli *c);
int cmd_add_worker(struct cli *c);
int cmd_set_worker(struct cli *c);
int cmd_backup(struct cli *c);
int cmd_check(struct cli *c);
int cmd_list_meetings(struct cli *c);
int cmd_show_family(struct cli *c);
int cmd_export_family(struct cli *c);
int cmd_export_minutes(struct cli *c);
/* Whether the database's disk is encrypted (disk.c). root is "" for this
 * machine, or a fake tree holding proc/self/mountinfo and sys/block. */
enum cli_disk { CLI_DISK_ENCRYPTED, CLI_DISK_PLAIN, CLI_DISK_UNKNOWN };
enum cli_disk cli_disk_check(const char *root, const char *path, char *device, size_t n);
/* The one line to show when the database at db is not on an encrypted
 * disk (NULL when it is); *refuse when require says not to open it then. */
char *cli_disk_warning(const char *db, bool require, bool *refuse);

int cmd_export_report(struct cli *c);
int cmd_export_plan(struct cli *c);
int cmd_report_programme(struct cli *c);

/* Shared by the exports and reports (cmd_export.c). */
/* A family by reference in any case, or by id. */
int cli_find_family(struct cb_store *s, const char *reference, struct cb_family **out,
                    struct cb_err *err);
/* --from and --to as dates (unset when not given), the first not after
 * the second; otherwise one line said and CB_EXIT_FAIL. */
int cli_period(const struct cli *c, struct cb_date *from, struct cb_date *to);
/* Render d and write it to standard output, or to a new --output file,
 * after recording the export in the audit trail. */
int cli_deliver(struct cli *c, struct cb_store *s, struct cb_doc *d, enum cb_export_format f,
                const char *entity, const char *entity_id, const char *detail);
int cmd_audit(struct cli *c);
int cmd_restore(struct cli *c);
/* The backup passphrase, from --passphrase-fd or the terminal (twice, and
 * at least 8 characters, when creating). 0 with *out (free it with
 * cli_passphrase_free), or an exit code (said). */
int cli_passphrase(struct cli *c, bool creating, char **out);
void cli_passphrase_free(char **pass);
int cmd_modules_list(struct cli *c);
int cmd_search(struct cli *c);
int cmd_modules_check(struct cli *c);

/* Imports (cmd_import.c, training.c). */
struct cb_import_plan;
struct cb_import_report;
int cmd_import(struct cli *c);

/* The team's server and sync (cmd_sync.c). */
int cmd_server_init(struct cli *c);
int cmd_server_add_worker(struct cli *c);
int cmd_server_move_worker(struct cli *c);
int cmd_sync(struct cli *c);
int cmd_list_conflicts(struct cli *c);
int cmd_resolve_conflict(struct cli *c);
/* Check and write a plan; on failure print every problem (or the error)
 * and return CB_EXIT_FAIL. */
int cli_import_run(struct cb_store *s, struct cb_import_plan *plan,
                   struct cb_import_report *report, struct cb_diags *diags);
/* Print an import's problems, sorted, and the line that counts them. */
void cli_import_problems(struct cb_diags *diags);
/* Training mode: a private scratch folder (0700) with a fresh database of
 * the sample families, dated to look current; never the real database.
 * Both paths are the caller's to free; 0 or an exit code (said). */
int cli_training_prepare(struct cli *c, char **db_path, char **scratch_dir);
/* Remove the scratch folder and everything in it. */
void cli_training_cleanup(const char *scratch_dir);
/* Remove the scratch copies in base left by runs no longer alive. */
void cli_training_sweep(const char *base);

#endif
