/* SPDX-License-Identifier: MIT */
/* Private to src/ui: the application, the screen stack, the key table,
 * widgets and drawing helpers. Screens live in src/ui/screens/, one file
 * each, and fill a struct ui_screen_ops. */
#ifndef CASEBOOK_UI_PRIVATE_H
#define CASEBOOK_UI_PRIVATE_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "casebook/conflict.h"
#include "casebook/date.h"
#include "casebook/uuid.h"
#include "casebook/vec.h"

struct cb_err;
struct cb_family;
struct cb_help_entry;
struct cb_programme;
struct cb_rev;
struct cb_refdata;
struct cb_store;
struct cb_ui_options;
struct cb_worker;

/* Screens, as bits, so a key table row can say where it applies. */
enum ui_screen_id {
	UI_SCR_WHO = 1u << 0,
	UI_SCR_CASELOAD = 1u << 1,
	UI_SCR_FAMILY = 1u << 2,
	UI_SCR_PROGRAMME = 1u << 3,
	UI_SCR_MODULE = 1u << 4,
	UI_SCR_NOTES = 1u << 5,
	UI_SCR_CHRONOLOGY = 1u << 6,
	UI_SCR_GOALS = 1u << 7,
	UI_SCR_GOAL = 1u << 8,
	UI_SCR_STAGES = 1u << 9,
	UI_SCR_RATINGS = 1u << 10,
	UI_SCR_MEETINGS = 1u << 11,
	UI_SCR_MEETING = 1u << 12,
	UI_SCR_MINUTES = 1u << 13,
	UI_SCR_HISTORY = 1u << 14,
	UI_SCR_HELP = 1u << 15,
	UI_SCR_EDITOR = 1u << 16,
	UI_SCR_PICKER = 1u << 17,
	UI_SCR_TABLE = 1u << 18,
	UI_SCR_TEXT = 1u << 19,    /* a page of text: a note, an event */
	UI_SCR_OVERDUE = 1u << 20, /* overdue actions across families */
	UI_SCR_CONFLICTS = 1u << 21, /* conflicts from sync */
	UI_SCR_SEARCH = 1u << 22   /* hits of a search */
};
#define UI_SCR_LISTS                                                             \
	(UI_SCR_WHO | UI_SCR_CASELOAD | UI_SCR_PROGRAMME | UI_SCR_MODULE |         \
	 UI_SCR_NOTES | UI_SCR_CHRONOLOGY | UI_SCR_GOALS | UI_SCR_STAGES |         \
	 UI_SCR_RATINGS | UI_SCR_MEETINGS | UI_SCR_MEETING | UI_SCR_MINUTES |      \
	 UI_SCR_HISTORY | UI_SCR_PICKER | UI_SCR_TABLE | UI_SCR_FAMILY |           \
	 UI_SCR_GOAL | UI_SCR_HELP | UI_SCR_TEXT | UI_SCR_OVERDUE | UI_SCR_SEARCH)
#define UI_SCR_ALL 0xFFFFFFFFu

/* What a key does. The key table maps keys to these, per screen. */
enum ui_action {
	UI_NONE = 0,
	/* Moving */
	UI_UP, UI_DOWN, UI_LEFT, UI_RIGHT, UI_PGUP, UI_PGDN, UI_HOME, UI_END,
	UI_NEXT_SECTION, UI_PREV_SECTION,
	/* Everywhere */
	UI_OPEN, UI_BACK, UI_HELP, UI_QUIT, UI_SEARCH, UI_TRAINING_PANEL, UI_READ_ON,
	UI_INTERRUPT, UI_SUSPEND, UI_SWITCH_WORKER,
	/* Lists of records */
	UI_ADD, UI_EDIT, UI_HISTORY, UI_RETRACT, UI_SORT, UI_TEAM, UI_FILTER, UI_SYNC,
	UI_SEARCH_RECORDS,
	/* From the family record */
	UI_GO_PROGRAMME, UI_GO_NOTES, UI_GO_CHRONOLOGY, UI_GO_GOALS, UI_GO_STAGES,
	UI_GO_RATINGS, UI_GO_MEETINGS, UI_ADD_MEMBER, UI_ALLOCATE, UI_SET_STATUS,
	UI_EXPORT_REPORT, UI_EXPORT_PLAN, UI_GO_OVERDUE, UI_GO_FIGURES, UI_GO_CONFLICTS, UI_LANGUAGE,
	/* Programme */
	UI_SESSION, UI_COMPLETE, UI_GUIDE,
	/* Goals */
	UI_REVIEW, UI_GOAL_STATUS,
	/* Supervision */
	UI_CYCLE, UI_WRITTEN, UI_DONE, UI_PARTLY, UI_NOT_DONE,
	UI_CONFIRM_STAGE, UI_SIGN, UI_ADDENDUM, UI_AGENDA_ADD, UI_MOVE_UP, UI_MOVE_DOWN,
	/* Editor */
	UI_SAVE, UI_UNDO, UI_EXTERNAL, UI_WORD_LEFT, UI_WORD_RIGHT, UI_DELETE_WORD,
	UI_TOP, UI_BOTTOM,
	UI_ACTION_COUNT
};

#define UI_MAX_KEYS 4

/* Keys whose codes depend on the terminal, looked up at start and
 * reported under these fixed codes. */
#define UI_KEY_CTRL_LEFT (KEY_MAX + 1)
#define UI_KEY_CTRL_RIGHT (KEY_MAX + 2)
#define UI_KEY_CTRL_HOME (KEY_MAX + 3)
#define UI_KEY_CTRL_END (KEY_MAX + 4)
#define UI_CTRL(c) ((c) & 0x1f)
/* A typed character beyond ASCII: this bit and its code point. */
#define UI_KEY_UNICODE 0x40000000
#define UI_ESC 27

struct ui_key_row {
	enum ui_action action;
	const char *name;        /* stable name, for docs and tests */
	int keys[UI_MAX_KEYS];   /* 0-terminated; curses key codes */
	const char *bar;         /* short label for the key bar; NULL: not shown */
	const char *help;        /* one line for the help screen */
	unsigned screens;        /* where it applies */
};

const struct ui_key_row *ui_keys_table(size_t *n);
/* The action of key on a screen, or UI_NONE. */
enum ui_action ui_keys_lookup(unsigned screen, int key);
/* The name of a key as the help screen and key bar show it: "Enter",
 * "PgDn", "Ctrl-S", "a". */
const char *ui_key_name(int key, char buf[16]);
/* The key bar for a screen, fitted to width columns (a new string). */
char *ui_keys_bar(unsigned screen, size_t width);
/* The same; readonly leaves out the keys that would record something
 * (ui_action_writes), which a database open for reading only refuses. */
char *ui_keys_bar_for(unsigned screen, size_t width, bool readonly);
/* The first key bound to an action on a screen, or 0. */
int ui_keys_first(unsigned screen, enum ui_action action);
/* Whether key does action on every screen (Ctrl-C, Ctrl-Z), so that the
 * key loop can act on it whatever is open. */
bool ui_keys_everywhere(int key, enum ui_action action);

/* What a screen's handler tells the loop. */
enum {
	UI_HANDLED = 1 << 0,  /* the key was used */
	UI_CLOSE = 1 << 1     /* pop this screen */
};

struct ui_app;
struct ui_screen;
struct editview;

struct ui_screen_ops {
	enum ui_screen_id id;
	const char *help_id;     /* the screen's entry in data/training-help.yaml */
	/* Draw the content area: rows top..bottom-1 (inclusive of top). */
	void (*draw)(struct ui_app *app, struct ui_screen *scr, int top, int bottom);
	/* A key, with the action the key table gives it (UI_NONE if none). */
	int (*on_key)(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key);
	/* Back on top after the screen above it closed: reload. */
	void (*resume)(struct ui_app *app, struct ui_screen *scr);
	/* Called every second or so while on top (timers, drafts). */
	void (*tick)(struct ui_app *app, struct ui_screen *scr);
	void (*free_state)(void *state);
};

struct ui_screen {
	const struct ui_screen_ops *ops;
	void *state;
	char title[160];
	char family_id[CB_UUID_LEN];   /* "" when the screen is about no family */
	char family_label[120];        /* "FS-26-0142 Price family" */
};

#define UI_MAX_DEPTH 24

struct ui_app {
	struct cb_store *store;
	const struct cb_refdata *ref;
	const struct cb_programme *prog;
	struct cb_worker *me;
	bool training;
	bool readonly;                 /* the database can only be read here */
	const char *export_dir;        /* where reports and plans go by default */
	struct cb_vec help;            /* struct cb_help_entry, training mode */
	bool panel;                    /* the training help panel is shown */
	/* The panel reads on a page at a time (F4): where it is, for which
	 * screen, and the page and length it last drew. */
	int panel_scroll, panel_page, panel_total;
	const struct ui_screen *panel_for;
	struct ui_screen *stack[UI_MAX_DEPTH];
	int depth;
	char status[300];
	bool status_error;
	bool quit;
	bool interrupted;              /* Ctrl-C: ask whether to quit */
	bool show_cursor;              /* keep the terminal cursor visible */
	bool color;
	int theme;                     /* enum cb_ui_theme */
	int rows, cols;
	bool too_small;
	int idle_lock;                 /* seconds idle before the lock; 0: never */
	long last_key;                 /* monotonic seconds of the last key */
	bool locked;                   /* the lock screen is up: nothing of the record shows */
	bool in_lock;                  /* the lock's own loop is running */
	bool asking_quit;              /* Ctrl-C's question, asked over the lock too */
	char lock_msg[512];
	struct editview *editing;      /* the open editors, innermost first */
	const struct cb_ui_options *opt;
	/* A language chosen on the caseload: the screens close, the
	 * workbook changes to it, and the caseload opens again. */
	bool relang;
	char relang_to[8];
};

/* Minimum terminal size. */
#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

/* Colour pairs; in monochrome (NO_COLOR or no colours) they are plain. */
enum ui_color {
	UI_C_NORMAL = 0,
	UI_C_TITLE = 1,
	UI_C_RED,
	UI_C_AMBER,
	UI_C_GREEN,
	UI_C_TRAINING,
	UI_C_DIM,
	UI_C_ERROR
};
int ui_attr(struct ui_app *app, enum ui_color c);
/* The colour pairs of a theme (enum cb_ui_theme), after start_color(). */
void ui_theme_colours(int theme);

/* The stack. push takes the screen over; pop frees it. */
void ui_push(struct ui_app *app, struct ui_screen *scr);
void ui_pop(struct ui_app *app);
struct ui_screen *ui_top(struct ui_app *app);
struct ui_screen *ui_screen_new(const struct ui_screen_ops *ops, void *state,
                                const char *title);
/* Give a screen the family it is about, for the context line. */
void ui_screen_family(struct ui_screen *scr, const struct cb_family *f);

/* Messages on the status line, until the next key. */
void ui_say(struct ui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct ui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Whether an action records something (adds, corrects, signs...): on a
 * database open for reading only, dispatch refuses it with
 * ui_say_readonly before any screen sees it. */
bool ui_action_writes(enum ui_action action);
void ui_say_readonly(struct ui_app *app);
void ui_fail(struct ui_app *app, const struct cb_err *err);

/* Draw everything: context line, the top screen, the panel, the status
 * line and the key bar. Handles a terminal that is too small. */
void ui_redraw(struct ui_app *app);
/* Only the frame (context line, title, status line, key bar for
 * screen_id); false when the terminal is too small. Content goes on rows
 * 2 to rows-3. */
bool ui_draw_chrome(struct ui_app *app, const char *title, unsigned screen_id);
/* The status line, drawn last so content never hides it; a long message
 * takes two rows. */
void ui_draw_status(struct ui_app *app);
/* Wait up to ms for a key (ERR on time-out). A resize is taken care of
 * and returned as KEY_RESIZE. */
int ui_getkey(struct ui_app *app, int ms);

/* The terminal: newterm() on stdin and stdout (0, or -1 with err), and
 * the line drawing it can show. close ends it. */
int ui_term_open(struct cb_err *err);
void ui_term_close(void);
/* Ctrl-Z: leave the screen to the shell until `fg`, then draw it again.
 * ui_getkey() does this for every loop. */
void ui_suspend(struct ui_app *app);

/* Whether key is a typed character; if so its UTF-8 bytes go to out. */
bool ui_key_text(int key, char out[4], size_t *n);

/* SIGHUP, SIGTERM, SIGINT or SIGQUIT arrived. ui_getkey(), which every
 * loop calls, then leaves: it keeps the drafts of every open editor,
 * closes the screens, restores the terminal, lets the command line tidy
 * up (the training copy) and exits with 128 + the signal. */
bool ui_hungup(void);
/* Remove the $EDITOR folders left by runs that were killed. */
void ui_edit_sweep(void);
/* Keep the draft of every open editor with unsaved text (a signal). */
void ui_edit_keep_all(struct ui_app *app);

/* Drawing helpers. Text is fitted by display width; nothing is drawn
 * past the right edge; controls, C1, escape sequences and bidi overrides
 * never reach the terminal (see cb_utf8_shown). */
void ui_text(int y, int x, int width, const char *s, int attr);
/* The same, padded with spaces to width. */
void ui_field(int y, int x, int width, const char *s, int attr);
/* Wrap text into the box; returns the rows used (skip rows first). */
int ui_wrap(int y, int x, int width, int max_rows, const char *s, int attr, int skip);
/* Rows text needs when wrapped at width. */
int ui_wrap_rows(const char *s, int width);
/* The row, wrapped at width, that holds byte offset at of s. */
int ui_wrap_row_at(const char *s, int width, size_t at);
/* Lines and boxes: Unicode box drawing, or ASCII where the terminal has
 * no line drawing (ui_lines_ascii, set at start). */
void ui_hline(int y, int x, int width);
void ui_vline(int y, int x, int height);
void ui_box(int y, int x, int h, int w);
void ui_lines_ascii(bool ascii);

/* The terminal cursor sits on what is selected, for screen readers and
 * braille displays: the last row drawn highlighted (A_REVERSE) in a
 * frame, or the text cursor of an editor or prompt. reset at the start of
 * a frame; place before waiting for a key (shown when visible, or for a
 * text cursor). */
void ui_focus_reset(void);
void ui_focus_text(int y, int x);
void ui_focus_place(bool visible);
/* A RAG badge: "RED", "AMBER", "GREEN", "none" (text, so it reads in
 * monochrome) in its colour. */
void ui_rag(struct ui_app *app, int y, int x, const char *rating);
/* The badge's word for a rating id (RED, AMBER, GREEN; "none" for NULL),
 * as ui_rag shows it, in the worker's language. */
const char *ui_rag_word(const char *rating);

/* A list with a selection, for any number of rows. */
struct ui_list {
	size_t count;
	size_t sel;
	size_t top;
	int height;
};
/* Move by an action; true when it was a moving action. */
bool ui_list_move(struct ui_list *l, enum ui_action action);
/* Keep the selection in view for height rows. */
void ui_list_fit(struct ui_list *l, int height);

/* A list in columns (the meetings, the overdue actions): a dim line that
 * says what is listed, the headings underlined, then a row for each item
 * with the selection reversed; the sentence empty, wrapped, when there
 * are none. cell gives column col of item k (text and extra attributes);
 * the returned text is borrowed until the next call. */
struct ui_column {
	const char *heading;
	int x;
	int width;
};
void ui_columns_draw(struct ui_app *app, int top, int bottom, const char *info,
                     const char *empty, const struct ui_column *cols, int ncols,
                     struct ui_list *list, size_t count,
                     const char *(*cell)(void *ctx, size_t k, int col, int *attr), void *ctx);

/* Modal dialogs: they run their own small loop over the screen below and
 * return when answered. Esc cancels and changes nothing. */
/* One line of text. Returns 0 with *out (owned), or -1 when cancelled.
 * validate (may be NULL) may refuse with a message. on_change (may be
 * NULL) is told of each keystroke, for filters that apply as you type. */
int ui_prompt(struct ui_app *app, const char *question, const char *initial, char **out,
              int (*validate)(const char *text, void *ctx, struct cb_err *err),
              void (*on_change)(struct ui_app *app, const char *text, void *ctx), void *ctx);
/* A date, quick forms allowed (+2w, 1/3, today). */
int ui_prompt_date(struct ui_app *app, const char *question, struct cb_date initial,
                   struct cb_date *out);
/* y/n. */
bool ui_confirm(struct ui_app *app, const char *question);
/* After Ctrl-C: ask whether to quit (Ctrl-C again is yes), clearing
 * app->interrupted. Whatever is open must have kept its draft first. */
bool ui_confirm_quit(struct ui_app *app, const char *question);

/* Pick one of items (labels), with an optional description for each
 * (shown for the selected one). Returns the index or -1. */
struct ui_choice {
	const char *label;
	const char *detail;   /* may be NULL */
	bool checked;         /* for ui_pick_many */
};
int ui_pick(struct ui_app *app, const char *title, struct ui_choice *items, size_t n,
            size_t initial);
/* Tick several; Enter accepts. Returns 0 or -1 when cancelled. */
int ui_pick_many(struct ui_app *app, const char *title, struct ui_choice *items, size_t n);
/* A number on a scale, showing the anchors and which way it runs. */
int ui_pick_scale(struct ui_app *app, const char *title, long min, long max, long initial,
                  const char *direction, const char *(*anchor)(long v, void *ctx), void *ctx,
                  long *out);

/* The long-text editor. It keeps a draft under draft_key every few
 * seconds and offers it back; save() is called with the text and may
 * refuse (the text stays, the message shows). */
struct ui_edit {
	const char *title;
	const char *label;        /* what to write, above the text */
	const char *example;      /* good recording, shown beside; may be NULL */
	const char *initial;
	const char *draft_key;    /* NULL: no draft */
	const char *family_id;    /* for the draft */
	/* The version being changed (its row id), NULL for a new record. A
	 * draft remembers it; a draft written against an older version is not
	 * applied to a newer one without asking (ui_resolve_conflict). */
	const char *base_row;
	const char *base_label;   /* "version 3, 2026-12-03 14:02, Amira Haddad" */
	/* Or: the revision of the version being changed (version 0: none
	 * yet), from which the editor takes base_row and base_label itself
	 * as it opens (a save may change it afterwards). */
	const struct cb_rev *base_rev;
	bool single_paragraph;    /* Enter saves instead of breaking the line */
	bool allow_empty;         /* saving nothing is allowed (clears it) */
	/* Save the text. A save that failed with an I/O error has an unknown
	 * outcome: it copies the row id it tried to write into pending_row so
	 * the draft can be checked against the database later. */
	int (*save)(struct ui_app *app, const char *text, void *ctx,
	            char pending_row[CB_UUID_LEN], struct cb_err *err);
	void *ctx;
};
/* Returns 0 when saved, -1 when the worker left without saving. */
int ui_edit_text(struct ui_app *app, const struct ui_edit *e);

/* Two texts from one version (casebook/conflict.h): show both, ask. */
enum cb_conflict_choice ui_resolve_conflict(struct ui_app *app, const char *title,
                                            const struct cb_conflict *c);
/* The same with other words for the first two choices (NULL: the
 * draft's), and without the merge when the two are not texts. */
struct ui_conflict_words {
	const char *mine_choice;
	const char *theirs_choice;
	bool no_merge;
};
enum cb_conflict_choice ui_resolve_conflict_as(struct ui_app *app, const char *title,
                                               const struct cb_conflict *c,
                                               const struct ui_conflict_words *w);
/* "version 3, 2026-12-03 14:02, Amira Haddad", for ui_edit.base_label. */
char *ui_rev_label(const struct cb_rev *rev);

/* Screens that others open. */
void ui_open_caseload(struct ui_app *app);
void ui_open_family(struct ui_app *app, const char *family_id);
/* The report and the plan, to a file (screens/export_keys.c). */
void ui_family_report(struct ui_app *app, const struct cb_family *f);
void ui_family_plan(struct ui_app *app, const struct cb_family *f);
/* Overdue actions across families, and the manager's figures
 * (screens/overdue.c). */
void ui_open_overdue(struct ui_app *app);
/* Search the notes and records of one family, or of every family when
 * family_id is NULL (screens/search.c). */
void ui_open_search(struct ui_app *app, const char *family_id);
void ui_open_figures(struct ui_app *app);
/* Conflicts from sync, and the sync itself with a progress line
 * (screens/conflicts.c): false when it did not happen (said why). */
void ui_open_conflicts(struct ui_app *app);
/* A prompt's check of a new case reference (ctx is the ui_app): not
 * empty, and no other family has it (screens/caseload.c). */
int ui_validate_new_reference(const char *text, void *ctx, struct cb_err *err);
bool ui_sync_now(struct ui_app *app);
void ui_open_help(struct ui_app *app, const struct ui_screen *about);
void ui_open_text(struct ui_app *app, const char *title, const char *text,
                  const struct ui_screen *about);
/* Versions of a record, oldest first, as (heading, text) pairs. */
struct ui_version {
	char *heading;   /* "Version 2, 2026-11-20 14:02, Imran Chaudhry" */
	char *text;
};
void ui_version_free_item(void *v);
/* Add one version of a record: the heading says which, when, by whom and
 * whether it was retracted; the text is the version's reason (if any) and
 * then body, which is taken over. */
struct cb_rev;
void ui_version_push(struct cb_vec *versions, const struct cb_rev *rev, char *body);
/* A retracted record in a history picker: "LABEL (retracted DATE)", the
 * date from rev, the retracting version. label is taken over. */
char *ui_retracted_label(const struct cb_rev *rev, char *label);
/* h on a list whose retracted records have left it: asks whether the
 * history wanted is the selected record's (cur; NULL when none is
 * selected) or a retracted one's (gone: the retracting versions, each
 * with its struct cb_rev at byte rev_at, as offsetof gives it). label
 * names a record (a string to free). Asks nothing when gone is empty.
 * The record chosen, or NULL when cancelled or there is nothing. */
const void *ui_pick_history(struct ui_app *app, const void *cur, const struct cb_vec *gone,
                            size_t rev_at, char *(*label)(struct ui_app *, const void *));
/* For ui_prompt: refuses an empty answer ("say why: a reason is
 * required"). */
int ui_need_reason(const char *text, void *ctx, struct cb_err *err);
void ui_open_history(struct ui_app *app, const char *title, struct cb_vec *versions,
                     const struct ui_screen *about);
void ui_open_notes(struct ui_app *app, const char *family_id);
void ui_open_chronology(struct ui_app *app, const char *family_id);
void ui_open_programme(struct ui_app *app, const char *family_id);
void ui_open_goals(struct ui_app *app, const char *family_id);
void ui_open_stages(struct ui_app *app, const char *family_id, const char *person_id);
void ui_open_ratings(struct ui_app *app, const char *family_id);
void ui_open_meetings(struct ui_app *app);

/* Who is working: pick or add a worker. Returns 0 with app->me set. */
int ui_who_am_i(struct ui_app *app);
/* Make app->me the actor: a worker other than the one this login chose
 * first needs a yes (unless switch_ok), and is recorded as a switch.
 * Returns 1 when the worker says no, -1 when it could not be recorded
 * (said). */
int ui_choose_me(struct ui_app *app, bool switch_ok);
/* The workbook in lang ("" for the computer's own): messages, reference
 * lists, modules and trainer's notes. Only with no screen open. 0, or -1
 * when it could not (said). */
int ui_use_language(struct ui_app *app, const char *lang);
/* The language app->me chose, applied (after ui_choose_me). */
void ui_worker_language(struct ui_app *app);
/* Ask app->me for a language and keep it; the change is made by the
 * main loop (app->relang). */
void ui_change_language(struct ui_app *app);
/* Work as someone else without quitting (W): pick the worker, confirm;
 * the switch is recorded with the login. 0 when switched. */
int ui_switch_worker(struct ui_app *app);
/* Ask for login's password (nothing shown) and check it through PAM:
 * 0 when right, 1 when cancelled, -1 when wrong (said). */
int ui_check_login(struct ui_app *app, const char *login, const char *question);
/* The idle lock (lock.c). ui_getkey calls ui_lock_poll on every wait: it
 * locks after app->idle_lock seconds without a key (keeping drafts first)
 * and runs the lock until the login's password is given; true when the
 * caller should redraw. ui_redraw calls ui_lock_draw while locked. */
bool ui_lock_poll(struct ui_app *app);
void ui_lock_draw(struct ui_app *app);
long ui_lock_now(void);
/* Keep what the open screen has (its draft), as the main loop's tick. */
void ui_keep_drafts(struct ui_app *app);
/* An act that needs the chair present: at the chair's own login nothing
 * is asked; otherwise the chair's login name (when it is not known yet)
 * and its password. 0 when the chair is present (the store is told), else
 * non-zero (said, or cancelled). */
int ui_chair_present(struct ui_app *app, const char *chair_id);
/* Offer back drafts left by a crash: each is kept for its own place by
 * default (never saved as something else). */
void ui_recover_drafts(struct ui_app *app);
/* Where a draft under key comes back: the end of "it comes back when
 * you ...". */
const char *ui_draft_place(const char *key);

/* A panel of text that reads on a page at a time: rows
 * scroll..scroll+rows-2 of text wrapped at width, and on the last row a
 * marker saying there is more and how to read it (when there is). Returns
 * the rows the text needs. */
int ui_draw_paged(struct ui_app *app, int y, int x, int width, int rows, const char *text,
                  int attr, int scroll);
/* The next page: scroll moved on by page, back to 0 after the end. */
int ui_read_on(int scroll, int page, int total);

/* Training help, from data/training-help.yaml. */
const struct cb_help_entry *ui_help_find(struct ui_app *app, const char *id);

/* Small shared helpers. */
const char *ui_role_label(struct ui_app *app, const char *role);
/* "12" or "4 months" for a child. */
void ui_age(struct cb_date born, char *out, size_t n);

#endif
