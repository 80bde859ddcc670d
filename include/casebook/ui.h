/* SPDX-License-Identifier: MIT */
/* The workbook screens. The command line prepares the database, the
 * reference lists and the programme, then hands over here. */
#ifndef CASEBOOK_UI_H
#define CASEBOOK_UI_H

#include <stdbool.h>

struct cb_buf;
struct cb_diags;
struct cb_err;
struct cb_programme;
struct cb_refdata;
struct cb_store;

/* The colour themes (theme in casebook-config(5)). */
enum cb_ui_theme {
	CB_UI_THEME_DEFAULT = 0,
	CB_UI_THEME_HIGH_CONTRAST,  /* bold, and no dim or pale text */
	CB_UI_THEME_MONO            /* no colour, as NO_COLOR */
};

struct cb_ui_options {
	struct cb_store *store;
	const struct cb_refdata *ref;
	const struct cb_programme *prog;
	const char *worker_id;          /* who you are; NULL: ask */
	bool switch_ok;                 /* --switch: no question when it is not this login's worker */
	bool training;                  /* a scratch copy of the sample families */
	const char *export_dir;         /* reports and plans by default; NULL: "." */
	const char *datadir;            /* for data/training-help.yaml */
	const struct cb_diags *warnings; /* module files left out, to show once */
	const struct cb_diags *config_warnings; /* config file lines left out, the same */
	bool show_cursor;               /* keep the terminal cursor visible */
	bool no_colour;                 /* colour = no in the config, as NO_COLOR */
	enum cb_ui_theme theme;         /* theme in the config */
	int idle_lock;                  /* seconds without a key before the lock; 0: never */
	const char *disk_warning;       /* one line for the caseload, or NULL */
	/* A signal ends the workbook: after the drafts are kept and the
	 * terminal restored, this tidies up (closes the store, removes the
	 * training copy) before casebook exits with 128 + the signal. */
	void (*on_signal)(void *ctx);
	void *signal_ctx;
	/* The worker's language (a code such as "cy", or "" for the
	 * computer's own): messages change to it, and the reference lists
	 * and the programme are read again in it, before any screen that
	 * uses them is open. On success *ref and *prog are the ones to use
	 * from then on (the earlier ones are gone). NULL: the language
	 * stays as it is. */
	int (*set_language)(void *ctx, const char *lang, const struct cb_refdata **ref,
	                    const struct cb_programme **prog, struct cb_err *err);
	void *language_ctx;
	/* The worker chosen at "Who are you?" (this login's own, not a
	 * switch, and not in training): remembered, so that the question is
	 * asked once. 0, or -1 with err, which the workbook shows. NULL: not
	 * remembered. */
	int (*remember_worker)(void *ctx, const char *worker_id, const char *name,
	                       struct cb_err *err);
	void *remember_ctx;
};

/* Whether the workbook can run here, before anything is opened: a
 * terminal on standard input and output, a UTF-8 locale, and a terminal
 * type that can place text on the screen. 0, or -1 with a one-line
 * message in err. */
int cb_ui_terminal_check(struct cb_err *err);

/* SIGHUP, SIGTERM, SIGINT and SIGQUIT: caught from here on, so that
 * whatever is open leaves tidily (see on_signal). */
void cb_ui_catch_signals(void);
/* The signal caught, or 0. */
int cb_ui_signal_caught(void);

/* Key rebindings (casebook-config(5)): the keys of the action called
 * action in the key table ("save", "back"; casebook-keys(7) lists them)
 * become those of list, one or more key names separated by blanks or
 * commas ("Ctrl-S", "^S", "F2", "PgDn", "x"), on every screen it works
 * on. A key another action has on one of those screens, or one that types
 * text where the action works in the editor, is refused. 0; or, with
 * nothing changed and a one-line message in msg, CB_UI_REBIND_ACTION when
 * no action has that name (with a did-you-mean) or CB_UI_REBIND_KEYS
 * when the keys will not do. */
enum { CB_UI_REBIND_ACTION = -1, CB_UI_REBIND_KEYS = -2 };
int cb_ui_rebind(const char *action, const char *list, struct cb_buf *msg);
/* The built-in keys again. */
void cb_ui_keys_reset(void);
/* The keys of an action in effect, as the help shows them ("Ctrl-S, F2"):
 * a new string, "" for no such action. */
char *cb_ui_keys_of(const char *action);

/* Run until the worker quits. Returns 0, or -1 with err when the terminal
 * could not be used. */
int cb_ui_run(const struct cb_ui_options *opt, struct cb_err *err);

#endif
