/* SPDX-License-Identifier: MIT */
/* The terminal, the screen stack and the loop that feeds keys to the top
 * screen. A key goes to the screen first; what the screen does not use
 * falls through to the global keys (back, help, quit). */
#include "config.h"

#include <signal.h>
#include <stdint.h>
#include <wchar.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/help.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/ui.h"
#include "casebook/utf8.h"
#include "casebook/workbook.h"
#include "casebook/worker.h"
#include "ui.h"

static volatile sig_atomic_t hangup;

static void
on_hangup(int sig)
{
	if (hangup == 0)
		hangup = sig;
}

void
cb_ui_catch_signals(void)
{
	static const int sigs[] = {SIGHUP, SIGTERM, SIGINT, SIGQUIT};
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a wait for a key ends at once. */
	for (i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &sa, NULL);
}

int
cb_ui_signal_caught(void)
{
	return (int)hangup;
}

static void
restore_terminal(void)
{
	if (stdscr != NULL && !isendwin())
		endwin();
}

/* Teach curses the sequences terminals send for Ctrl with the arrows,
 * Home and End, whatever the terminal description says, so they arrive
 * as one key and not as Esc followed by letters. */
static void
bind_keys(const char *const *seqs, int code)
{
	for (; *seqs != NULL; seqs++)
		define_key(*seqs, code);
}

static int
term_start(struct ui_app *app, struct cb_err *err)
{
	static const char *const left[] = {"\033[1;5D", "\033[5D", "\033Od", "\033[1;3D", NULL};
	static const char *const right[] = {"\033[1;5C", "\033[5C", "\033Oc", "\033[1;3C", NULL};
	static const char *const home[] = {"\033[1;5H", "\033[7^", NULL};
	static const char *const end[] = {"\033[1;5F", "\033[8^", NULL};

	if (ui_term_open(err) != 0)
		return -1;
	raw();
	noecho();
	keypad(stdscr, TRUE);
	/* The wait after an Escape for the rest of a key's sequence: a
	 * terminal sends a sequence at once, so 10 ms, and Esc is as quick as
	 * any key (curses reads ESCDELAY from the environment if it is set). */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(10);
	curs_set(0);
	cb_mem_on_fatal(restore_terminal);
	app->theme = app->opt->theme;
	if (getenv("NO_COLOR") != NULL || app->opt->no_colour)
		app->theme = CB_UI_THEME_MONO;
	app->color = has_colors() && app->theme != CB_UI_THEME_MONO;
	if (app->color) {
		start_color();
		use_default_colors();
		ui_theme_colours(app->theme);
	}
	bind_keys(left, UI_KEY_CTRL_LEFT);
	bind_keys(right, UI_KEY_CTRL_RIGHT);
	bind_keys(home, UI_KEY_CTRL_HOME);
	bind_keys(end, UI_KEY_CTRL_END);
	cb_ui_catch_signals();
	getmaxyx(stdscr, app->rows, app->cols);
	return 0;
}

void
ui_theme_colours(int theme)
{
	if (theme == CB_UI_THEME_HIGH_CONTRAST) {
		/* The strongest pairs, every one bold (ui_attr); nothing pale. */
		init_pair(UI_C_TITLE, COLOR_BLACK, COLOR_WHITE);
		init_pair(UI_C_RED, COLOR_WHITE, COLOR_RED);
		init_pair(UI_C_AMBER, COLOR_BLACK, COLOR_YELLOW);
		init_pair(UI_C_GREEN, COLOR_BLACK, COLOR_GREEN);
		init_pair(UI_C_TRAINING, COLOR_BLACK, COLOR_YELLOW);
		init_pair(UI_C_DIM, -1, -1);
		init_pair(UI_C_ERROR, COLOR_WHITE, COLOR_RED);
		return;
	}
	init_pair(UI_C_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(UI_C_RED, COLOR_WHITE, COLOR_RED);
	init_pair(UI_C_AMBER, COLOR_BLACK, COLOR_YELLOW);
	init_pair(UI_C_GREEN, COLOR_BLACK, COLOR_GREEN);
	init_pair(UI_C_TRAINING, COLOR_BLACK, COLOR_YELLOW);
	init_pair(UI_C_DIM, COLOR_CYAN, -1);
	init_pair(UI_C_ERROR, COLOR_RED, -1);
}

int
ui_attr(struct ui_app *app, enum ui_color c)
{
	if (app->color && c != UI_C_NORMAL) {
		if (app->theme == CB_UI_THEME_HIGH_CONTRAST)
			return COLOR_PAIR(c) | A_BOLD;
		return COLOR_PAIR(c) | (c == UI_C_TITLE || c == UI_C_ERROR ? A_BOLD : 0);
	}
	/* Monochrome: meaning is carried by words; only a little emphasis. */
	switch (c) {
	case UI_C_TITLE:
	case UI_C_TRAINING:
		return A_REVERSE | A_BOLD;
	case UI_C_RED:
	case UI_C_ERROR:
		return A_BOLD;
	case UI_C_DIM:
		return A_DIM;
	default:
		return A_NORMAL;
	}
}

struct ui_screen *
ui_screen_new(const struct ui_screen_ops *ops, void *state, const char *title)
{
	struct ui_screen *s = cb_calloc(1, sizeof *s);

	s->ops = ops;
	s->state = state;
	snprintf(s->title, sizeof s->title, "%s", title != NULL ? title : "");
	return s;
}

void
ui_screen_family(struct ui_screen *scr, const struct cb_family *f)
{
	if (f == NULL) {
		scr->family_id[0] = '\0';
		scr->family_label[0] = '\0';
		return;
	}
	memcpy(scr->family_id, f->id, CB_UUID_LEN);
	snprintf(scr->family_label, sizeof scr->family_label, "%s %s", f->reference, f->name);
}

static void
screen_free(struct ui_screen *s)
{
	if (s == NULL)
		return;
	if (s->ops->free_state != NULL)
		s->ops->free_state(s->state);
	free(s);
}

void
ui_push(struct ui_app *app, struct ui_screen *scr)
{
	if (app->depth == UI_MAX_DEPTH) {
		ui_error(app, _("too many screens open: go back a few first"));
		screen_free(scr);
		return;
	}
	/* A screen about no family keeps the family of the one below it in
	 * the context line. */
	if (scr->family_id[0] == '\0' && app->depth > 0) {
		const struct ui_screen *below = app->stack[app->depth - 1];

		memcpy(scr->family_id, below->family_id, CB_UUID_LEN);
		memcpy(scr->family_label, below->family_label, sizeof scr->family_label);
	}
	app->stack[app->depth++] = scr;
}

void
ui_pop(struct ui_app *app)
{
	struct ui_screen *top;

	if (app->depth == 0)
		return;
	screen_free(app->stack[--app->depth]);
	top = ui_top(app);
	if (top != NULL && top->ops->resume != NULL)
		top->ops->resume(app, top);
}

struct ui_screen *
ui_top(struct ui_app *app)
{
	return app->depth > 0 ? app->stack[app->depth - 1] : NULL;
}

static void vsay(struct ui_app *app, bool error, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void
vsay(struct ui_app *app, bool error, const char *fmt, va_list ap)
{
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	app->status_error = error;
}

void
ui_say(struct ui_app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(app, false, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui_app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(app, true, fmt, ap);
	va_end(ap);
	beep();
}

void
ui_fail(struct ui_app *app, const struct cb_err *err)
{
	ui_error(app, "%s", err->msg[0] != '\0' ? err->msg : _("that did not work"));
}

const struct cb_help_entry *
ui_help_find(struct ui_app *app, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < app->help.len; i++) {
		const struct cb_help_entry *e = app->help.items[i];

		if (cb_streq(e->id, id))
			return e;
	}
	return NULL;
}

const char *
ui_role_label(struct ui_app *app, const char *role)
{
	return cb_reflist_label(&app->ref->roles, role);
}

static void
draw_context(struct ui_app *app)
{
	const struct ui_screen *top = ui_top(app);
	struct cb_buf b = {0};
	int attr = ui_attr(app, UI_C_TITLE);
	const char *train = app->readonly ? _(" READ-ONLY ") : _(" TRAINING ");
	int tw = app->training || app->readonly ? (int)cb_utf8_width(train) : 0;

	cb_buf_add(&b, " casebook");
	if (app->me != NULL)
		cb_buf_addf(&b, " | %s, %s", app->me->name, ui_role_label(app, app->me->role));
	if (top != NULL && top->family_label[0] != '\0')
		cb_buf_addf(&b, " | %s", top->family_label);
	attron(attr);
	mvhline(0, 0, ' ', app->cols);
	ui_text(0, 0, app->cols - tw - 1, cb_buf_str(&b), attr);
	attroff(attr);
	if (app->training || app->readonly)
		ui_text(0, app->cols - tw, tw, train, ui_attr(app, UI_C_TRAINING) | A_BOLD);
	cb_buf_free(&b);
}

static void
draw_panel(struct ui_app *app, int top, int bottom)
{
	const struct ui_screen *scr = ui_top(app);
	const struct cb_help_entry *e = scr != NULL ? ui_help_find(app, scr->ops->help_id) : NULL;
	struct cb_buf b = {0};
	int y = top + 1;

	ui_hline(top, 0, app->cols);
	ui_text(top, 2, app->cols - 4, _(" Trainer's notes (F2 hides them) "), A_BOLD);
	if (e == NULL) {
		ui_wrap(y, 1, app->cols - 2, bottom - y, _("Nothing more to say about this screen."),
		        A_NORMAL, 0);
		return;
	}
	cb_buf_addf(&b, "%s. %s", e->title, e->purpose);
	if (e->good_recording != NULL)
		cb_buf_addf(&b, "\n%s %s", _("Good recording:"), e->good_recording);
	if (e->try_this != NULL)
		cb_buf_addf(&b, "\n%s %s", _("Try:"), e->try_this);
	/* Another screen's notes start at their beginning. */
	if (app->panel_for != scr) {
		app->panel_for = scr;
		app->panel_scroll = 0;
	}
	app->panel_page = bottom - y - 1;
	app->panel_total = ui_draw_paged(app, y, 1, app->cols - 2, bottom - y, cb_buf_str(&b),
	                                 ui_attr(app, UI_C_DIM), app->panel_scroll);
	cb_buf_free(&b);
}

int
ui_read_on(int scroll, int page, int total)
{
	if (page < 1)
		page = 1;
	return scroll + page >= total ? 0 : scroll + page;
}

int
ui_draw_paged(struct ui_app *app, int y, int x, int width, int rows, const char *text, int attr,
              int scroll)
{
	int total = ui_wrap_rows(text, width);
	char *mark;

	if (total <= rows) {
		ui_wrap(y, x, width, rows, text, attr, 0);
		return total;
	}
	/* The last row says there is more, and how to read it. */
	if (scroll > total - 1)
		scroll = 0;
	ui_wrap(y, x, width, rows - 1, text, attr, scroll);
	if (scroll + rows - 1 < total)
		mark = cb_asprintf(_("-- more (lines %d-%d of %d): F4 reads on --"), scroll + 1,
		                   scroll + rows - 1, total);
	else
		mark = cb_asprintf(_("-- the end (lines %d-%d of %d): F4 goes back to the start --"),
		                   scroll + 1, total, total);
	ui_field(y + rows - 1, x, width, mark, A_BOLD);
	free(mark);
	return total;
}

/* The frame every screen shares. Returns false when the terminal is too
 * small, after saying so. */
bool
ui_draw_chrome(struct ui_app *app, const char *title, unsigned screen_id)
{
	char *bar;

	getmaxyx(stdscr, app->rows, app->cols);
	app->too_small = app->rows < UI_MIN_ROWS || app->cols < UI_MIN_COLS;
	erase();
	ui_focus_reset();
	if (app->too_small) {
		char line[120];
		int y = app->rows / 2 - 1;

		snprintf(line, sizeof line, _("casebook needs at least %dx%d; this is %dx%d."),
		         UI_MIN_COLS, UI_MIN_ROWS, app->cols, app->rows);
		ui_wrap(y < 0 ? 0 : y, 0, app->cols, 2, line, A_BOLD, 0);
		ui_wrap(y + 2, 0, app->cols, 3,
		        _("Make the window larger; nothing is lost meanwhile."), A_NORMAL, 0);
		return false;
	}
	draw_context(app);
	ui_text(1, 1, app->cols - 2, title, A_BOLD);
	bar = ui_keys_bar_for(screen_id, (size_t)app->cols - 2, app->readonly);
	ui_field(app->rows - 1, 0, app->cols, "", A_REVERSE);
	ui_text(app->rows - 1, 1, app->cols - 2, bar, A_REVERSE);
	free(bar);
	return true;
}

void
ui_draw_status(struct ui_app *app)
{
	if (app->too_small)
		return;
	move(app->rows - 2, 0);
	clrtoeol();
	if (app->status[0] != '\0') {
		/* A long message takes the row above too rather than lose its
		 * end, which is usually what to do. */
		int rows = ui_wrap_rows(app->status, app->cols - 2) > 1 ? 2 : 1;
		int y = app->rows - 1 - rows;

		if (rows == 2) {
			move(y, 0);
			clrtoeol();
		}
		ui_wrap(y, 1, app->cols - 2, rows, app->status,
		        app->status_error ? ui_attr(app, UI_C_ERROR) : (int)A_BOLD, 0);
	}
}

void
ui_redraw(struct ui_app *app)
{
	struct ui_screen *top = ui_top(app);
	int content_bottom;

	if (app->locked) {
		ui_lock_draw(app);
		return;
	}
	if (!ui_draw_chrome(app, top != NULL ? top->title : "",
	                    top != NULL ? top->ops->id : UI_SCR_WHO)) {
		refresh();
		return;
	}
	content_bottom = app->rows - 2;
	if (top != NULL) {
		if (app->panel && app->training) {
			int panel_top = content_bottom - 8;

			top->ops->draw(app, top, 2, panel_top);
			draw_panel(app, panel_top, content_bottom);
		} else {
			top->ops->draw(app, top, 2, content_bottom);
		}
	}
	ui_draw_status(app);
	refresh();
}

static void tick(struct ui_app *app);
static void screen_free(struct ui_screen *s);

/* A signal: whatever loop is waiting for a key, the workbook leaves from
 * here, keeping every draft first. */
static void __attribute__((noreturn))
leave_on_signal(struct ui_app *app)
{
	int sig = (int)hangup;

	ui_edit_keep_all(app);
	tick(app);
	while (app->depth > 0)
		screen_free(app->stack[--app->depth]);
	ui_term_close();
	cb_mem_on_fatal(NULL);
	if (app->opt != NULL && app->opt->on_signal != NULL)
		app->opt->on_signal(app->opt->signal_ctx);
	cb_worker_free(&app->me);
	cb_vec_clear(&app->help);
	exit(128 + sig);
}

int
ui_getkey(struct ui_app *app, int ms)
{
	wint_t wc;
	int r, key;

	if (hangup)
		leave_on_signal(app);

	if (ui_lock_poll(app))
		return KEY_RESIZE;
	/* The terminal cursor goes to what is selected, for screen readers
	 * and braille displays. */
	ui_focus_place(app->show_cursor);
	refresh();
	timeout(ms);
	r = get_wch(&wc);
	if (hangup)
		leave_on_signal(app);
	if (r == ERR)
		return ERR;
	app->last_key = ui_lock_now();
	if (r == OK) {
		/* Characters: ASCII as itself, the rest marked so they cannot be
		 * taken for a function key. */
		if (wc == '\r')
			return '\n';
		if (wc == 8 || wc == 127)
			return KEY_BACKSPACE;
		/* In raw mode Ctrl-C and Ctrl-Z are keys, not signals: every
		 * loop gets them here. */
		if (ui_keys_everywhere((int)wc, UI_SUSPEND)) {
			ui_suspend(app);
			return KEY_RESIZE;
		}
		if (ui_keys_everywhere((int)wc, UI_INTERRUPT))
			app->interrupted = true;
		return wc < 128 ? (int)wc : (int)(UI_KEY_UNICODE | (unsigned)wc);
	}
	key = (int)wc;
	if (key == KEY_RESIZE) {
		getmaxyx(stdscr, app->rows, app->cols);
		return KEY_RESIZE;
	}
	return key;
}

bool
ui_key_text(int key, char out[4], size_t *n)
{
	uint32_t cp;

	if (key >= 32 && key < 127) {
		out[0] = (char)key;
		*n = 1;
		return true;
	}
	if (!(key & UI_KEY_UNICODE))
		return false;
	cp = (uint32_t)key & ~(uint32_t)UI_KEY_UNICODE;
	if (cp < 0xA0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return false;
	*n = cb_utf8_encode(cp, out);
	return true;
}

bool
ui_hungup(void)
{
	return hangup != 0;
}

static void
tick(struct ui_app *app)
{
	struct ui_screen *top = ui_top(app);

	if (top != NULL && top->ops->tick != NULL)
		top->ops->tick(app, top);
}

void
ui_keep_drafts(struct ui_app *app)
{
	tick(app);
}

bool
ui_action_writes(enum ui_action action)
{
	switch (action) {
	case UI_ADD: case UI_EDIT: case UI_RETRACT: case UI_SYNC: case UI_LANGUAGE:
	case UI_ADD_MEMBER: case UI_ALLOCATE: case UI_SET_STATUS: case UI_SESSION:
	case UI_COMPLETE: case UI_REVIEW: case UI_GOAL_STATUS: case UI_CYCLE: case UI_DONE:
	case UI_PARTLY: case UI_NOT_DONE: case UI_CONFIRM_STAGE: case UI_SIGN: case UI_ADDENDUM:
	case UI_AGENDA_ADD: case UI_MOVE_UP: case UI_MOVE_DOWN: case UI_SAVE:
		return true;
	default:
		return false;
	}
}

void
ui_say_readonly(struct ui_app *app)
{
	ui_error(app, _("This database is read-only here, so nothing can be added or changed."));
}

static void
dispatch(struct ui_app *app, int key)
{
	struct ui_screen *top = ui_top(app);
	enum ui_action action;
	int rc = 0;

	if (top == NULL)
		return;
	action = ui_keys_lookup(top->ops->id, key);
	/* The one place a key that would record something meets a database
	 * that cannot take it: refused before a screen or an editor opens. */
	if (app->readonly && (ui_action_writes(action) ||
	                      /* Enter changes a cell, or resolves a conflict. */
	                      (action == UI_OPEN &&
	                       (top->ops->id & (UI_SCR_TABLE | UI_SCR_CONFLICTS)) != 0))) {
		ui_say_readonly(app);
		return;
	}
	if (top->ops->on_key != NULL)
		rc = top->ops->on_key(app, top, action, key);
	if (rc & UI_CLOSE) {
		ui_pop(app);
		return;
	}
	if (rc & UI_HANDLED)
		return;
	switch (action) {
	case UI_BACK:
		if (app->depth > 1)
			ui_pop(app);
		else if (ui_confirm(app, _("Quit casebook?")))
			app->quit = true;
		break;
	case UI_HELP:
		ui_open_help(app, top);
		break;
	case UI_QUIT:
		if (ui_confirm(app, _("Quit casebook?")))
			app->quit = true;
		break;
	case UI_SWITCH_WORKER:
		if (ui_switch_worker(app) == 0 && top->ops->resume != NULL)
			top->ops->resume(app, top);
		break;
	case UI_INTERRUPT:
		/* Asked below, also when a dialog took the Ctrl-C. */
		break;
	case UI_TRAINING_PANEL:
		if (app->training)
			app->panel = !app->panel;
		else
			ui_say(app, _("The trainer's notes are shown in training mode (casebook --training)."));
		break;
	case UI_READ_ON:
		if (app->training && app->panel)
			app->panel_scroll = ui_read_on(app->panel_scroll, app->panel_page, app->panel_total);
		break;
	default:
		break;
	}
}

static void
load_help(struct ui_app *app, const char *datadir)
{
	struct cb_diags diags;
	char *path;

	/* The trainer's notes help everyone in the ? help; the panel that
	 * shows them on every screen is for training mode. Read again in
	 * each language the worker chooses. */
	cb_vec_clear(&app->help);
	if (datadir == NULL)
		return;
	cb_diags_init(&diags);
	path = cb_asprintf("%s/data/training-help.yaml", datadir);
	if (cb_help_load(path, &app->help, &diags) != 0 && cb_diags_count(&diags) > 0) {
		char *line = cb_diag_format(cb_diags_at(&diags, 0));

		ui_error(app, _("the trainer's notes have a problem: %s"), line);
		free(line);
	}
	cb_diags_clear(&diags);
	free(path);
}

int
ui_use_language(struct ui_app *app, const char *lang)
{
	const struct cb_refdata *ref = app->ref;
	const struct cb_programme *prog = app->prog;
	struct cb_err err = {0};

	if (app->opt->set_language == NULL)
		return 0;
	if (app->opt->set_language(app->opt->language_ctx, lang, &ref, &prog, &err) != 0) {
		ui_fail(app, &err);
		return -1;
	}
	app->ref = ref;
	app->prog = prog;
	cb_store_set_rules(app->store, ref);
	load_help(app, app->opt->datadir);
	return 0;
}

void
ui_worker_language(struct ui_app *app)
{
	char lang[CB_LANG_LEN];
	struct cb_err err = {0};

	if (cb_store_worker_language(app->store, app->me->id, lang, &err) != 0)
		ui_fail(app, &err);
	else if (lang[0] != '\0')
		ui_use_language(app, lang);
}

/* Every screen closes (keeping its drafts), the language changes, and
 * the caseload opens in it. */
static void
relanguage(struct ui_app *app)
{
	app->relang = false;
	while (app->depth > 0)
		screen_free(app->stack[--app->depth]);
	if (ui_use_language(app, app->relang_to) == 0)
		/* TRANSLATORS: said in the language just chosen: name your
		 * own ("Mae casebook yn Gymraeg nawr."). */
		ui_say(app, _("casebook is in English now."));
	ui_open_caseload(app);
}

static void
show_warnings(struct ui_app *app, const struct cb_diags *w, const struct cb_diags *config)
{
	char *line;

	/* The config files' first, then the modules': either is a mistake
	 * to put right, said at the start. */
	if (config != NULL && cb_diags_count(config) > 0) {
		line = cb_diag_format(cb_diags_at(config, 0));
		ui_error(app, ngettext("%zu problem in the config files, so that line is left out: %s",
		                       "%zu problems in the config files, so those lines are left "
		                       "out: %s",
		                       cb_diags_count(config)),
		         cb_diags_count(config), line);
		free(line);
		return;
	}
	if (w == NULL || cb_diags_count(w) == 0)
		return;
	line = cb_diag_format(cb_diags_at(w, 0));
	ui_error(app, ngettext("%zu module problem, so that module is left out: %s",
	                       "%zu module problems, so those modules are left out: %s",
	                       cb_diags_count(w)),
	         cb_diags_count(w), line);
	free(line);
}

bool
ui_confirm_quit(struct ui_app *app, const char *question)
{
	bool yes;

	app->interrupted = false;
	app->asking_quit = true;
	yes = ui_confirm(app, question);
	app->asking_quit = false;
	/* Ctrl-C a second time: the worker means it. */
	if (app->interrupted) {
		app->interrupted = false;
		yes = true;
	}
	return yes;
}

/* Ctrl-C: keep what the open screen has (its tick keeps drafts), then
 * ask. */
static void
interrupt(struct ui_app *app)
{
	tick(app);
	if (ui_confirm_quit(app, _("Quit casebook?")))
		app->quit = true;
}

/* Another casebook holds the database locked: wait in slices, saying
 * so on the status line, and let Esc (or Ctrl-C) give up; other keys
 * wait in the queue for when the wait is over. Without the terminal (it
 * is being closed), wait as any command does. */
static int
busy_wait(void *ctx, int waited_ms)
{
	struct ui_app *app = ctx;
	wint_t keys[32];
	bool fkey[32];
	int r, n = 0, i;
	bool give_up = false;

	if (ui_hungup())
		return 0;
	if (stdscr == NULL || isendwin())
		return waited_ms < 5000;
	snprintf(app->status, sizeof app->status,
	         _("Waiting for another casebook to finish with the database (%d s): Esc gives "
	           "up, and what you typed stays here."),
	         waited_ms / 1000);
	app->status_error = true;
	ui_draw_status(app);
	refresh();
	timeout(0);
	while (n < (int)(sizeof keys / sizeof *keys) && (r = get_wch(&keys[n])) != ERR) {
		if (r == OK && (keys[n] == 27 || keys[n] == 3))
			give_up = true;
		else
			fkey[n++] = r == KEY_CODE_YES;
	}
	for (i = n - 1; i >= 0; i--) {
		if (fkey[i])
			ungetch((int)keys[i]);
		else
			unget_wch((wchar_t)keys[i]);
	}
	if (give_up) {
		snprintf(app->status, sizeof app->status,
		         _("Gave up waiting for the other casebook: nothing was saved; your text is "
		           "still here."));
		return 0;
	}
	return 1;
}

/* The worker chosen at the question, when it is this login's own: kept
 * (the config file), so that the next start does not ask. */
static void
remember_me(struct ui_app *app)
{
	struct cb_err err = {0};
	char linked[CB_UUID_LEN];
	size_t len = strlen(app->status);

	if (app->opt->remember_worker == NULL ||
	    cb_store_os_link(app->store, NULL, linked, &err) != 0 || strcmp(linked, app->me->id) != 0)
		return;
	if (app->opt->remember_worker(app->opt->remember_ctx, app->me->id, app->me->name, &err) != 0) {
		snprintf(app->status + len, sizeof app->status - len,
		         _("%sYour choice could not be remembered, so casebook will ask again: %s"),
		         len > 0 ? "  " : "", err.msg);
		app->status_error = true;
		return;
	}
	{
		/* First, before what was there (the disk warning, say). */
		char *was = cb_strdup(app->status);

		snprintf(app->status, sizeof app->status,
		         _("From now on casebook starts as %s without asking: 'casebook config' shows "
		           "where that is set."),
		         app->me->name);
		len = strlen(app->status);
		if (*was != '\0')
			snprintf(app->status + len, sizeof app->status - len, "  %s", was);
		free(was);
	}
}

int
cb_ui_run(const struct cb_ui_options *opt, struct cb_err *err)
{
	struct ui_app app;
	int key, rc;
	bool asked;

	memset(&app, 0, sizeof app);
	app.store = opt->store;
	app.ref = opt->ref;
	cb_store_set_rules(app.store, opt->ref);
	app.prog = opt->prog;
	app.training = opt->training;
	app.readonly = cb_store_readonly(opt->store);
	app.export_dir = opt->export_dir;
	app.show_cursor = opt->show_cursor;
	app.idle_lock = opt->idle_lock;
	app.last_key = ui_lock_now();
	app.opt = opt;
	if (opt->worker_id != NULL &&
	    cb_store_worker_get(app.store, opt->worker_id, &app.me, err) != 0)
		return -1;
	if (term_start(&app, err) != 0) {
		cb_worker_free(&app.me);
		return -1;
	}
	ui_edit_sweep();
	app.help = (struct cb_vec)CB_VEC_OWNING(cb_help_entry_free_item);
	cb_store_on_busy(app.store, busy_wait, &app);
	load_help(&app, opt->datadir);
	app.panel = app.training;
	/* A problem to put right first; the disk warning, a standing fact
	 * (no beep), after it as far as the two lines go. */
	show_warnings(&app, opt->warnings, opt->config_warnings);
	if (opt->disk_warning != NULL) {
		size_t len = strlen(app.status);

		snprintf(app.status + len, sizeof app.status - len, "%s%s", len > 0 ? "  " : "",
		         opt->disk_warning);
		app.status_error = true;
	}
	asked = app.me == NULL;
	if (app.me == NULL && ui_who_am_i(&app) != 0) {
		ui_term_close();
		cb_mem_on_fatal(NULL);
		cb_vec_clear(&app.help);
		return 0;
	}
	if ((rc = ui_choose_me(&app, opt->switch_ok)) != 0) {
		ui_term_close();
		cb_mem_on_fatal(NULL);
		cb_worker_free(&app.me);
		cb_vec_clear(&app.help);
		return rc < 0 ? cb_err_set(err, CB_EPERM, "%s", app.status) : 0;
	}
	if (asked && !app.training)
		remember_me(&app);
	ui_worker_language(&app);
	ui_open_caseload(&app);
	/* A draft cannot be taken up where nothing can be saved. */
	if (app.readonly) {
		size_t len = strlen(app.status);

		snprintf(app.status + len, sizeof app.status - len, "%s%s", len > 0 ? "  " : "",
		         _("This database is read-only here: you can read everything, but nothing "
		           "can be added or changed."));
	} else {
		ui_recover_drafts(&app);
	}
	while (!app.quit && app.depth > 0) {
		if (app.interrupted) {
			/* Ctrl-C, here or in a dialog that it closed. */
			interrupt(&app);
			continue;
		}
		ui_redraw(&app);
		key = ui_getkey(&app, 1000);
		if (key == ERR) {
			tick(&app);
			continue;
		}
		if (key == KEY_RESIZE)
			continue;
		if (app.too_small) {
			/* Nothing can be asked at this size. */
			if (key == KEY_F(10) || app.interrupted)
				app.quit = true;
			continue;
		}
		app.status[0] = '\0';
		dispatch(&app, key);
		if (app.relang && !app.quit)
			relanguage(&app);
	}
	while (app.depth > 0) {
		/* Screens may keep drafts as they close. */
		screen_free(app.stack[--app.depth]);
	}
	ui_term_close();
	cb_mem_on_fatal(NULL);
	cb_worker_free(&app.me);
	cb_vec_clear(&app.help);
	return 0;
}
