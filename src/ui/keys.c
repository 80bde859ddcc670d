/* SPDX-License-Identifier: MIT */
/* The one key table. The help screen and the key bar are made from it, so
 * what the screens say and what the keys do cannot drift apart. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/ui.h"
#include "casebook/utf8.h"
#include "ui.h"

#define ENTER '\n', KEY_ENTER
/* Screens where typed letters are text, not commands. */
#define TEXT_SCREENS (UI_SCR_EDITOR)
#define NOT_TEXT (UI_SCR_ALL & ~TEXT_SCREENS)

/* The built-in keys; the config files' key.ACTION lines change them
 * (cb_ui_rebind), so the table is not const. */
static struct ui_key_row table[] = {
	/* Moving, everywhere. */
	{UI_UP, "up", {KEY_UP}, NULL, N_("Move up"), UI_SCR_ALL},
	{UI_DOWN, "down", {KEY_DOWN}, NULL, N_("Move down"), UI_SCR_ALL},
	{UI_LEFT, "left", {KEY_LEFT}, NULL, N_("Move left"), UI_SCR_ALL},
	{UI_RIGHT, "right", {KEY_RIGHT}, NULL, N_("Move right"), UI_SCR_ALL},
	{UI_PGUP, "page-up", {KEY_PPAGE}, NULL, N_("Up a page"), UI_SCR_ALL},
	{UI_PGDN, "page-down", {KEY_NPAGE}, NULL, N_("Down a page"), UI_SCR_ALL},
	{UI_HOME, "home", {KEY_HOME}, NULL, N_("To the start"), UI_SCR_ALL},
	{UI_END, "end", {KEY_END}, NULL, N_("To the end"), UI_SCR_ALL},
	{UI_NEXT_SECTION, "next-section", {'\t'}, N_("Next part"),
	 N_("Go to the next part of the page"), UI_SCR_MINUTES | UI_SCR_MODULE},
	{UI_PREV_SECTION, "previous-section", {KEY_BTAB}, NULL,
	 N_("Go to the previous part of the page"), UI_SCR_MINUTES | UI_SCR_MODULE},

	/* The editor. */
	{UI_SAVE, "save", {UI_CTRL('s')}, N_("Save"), N_("Save the text"), UI_SCR_EDITOR},
	{UI_UNDO, "undo", {UI_CTRL('u')}, N_("Undo"), N_("Undo the last change (again to redo)"),
	 UI_SCR_EDITOR},
	{UI_EXTERNAL, "external-editor", {UI_CTRL('e')}, N_("$EDITOR"),
	 N_("Edit the text in your own editor ($EDITOR)"), UI_SCR_EDITOR},
	{UI_WORD_LEFT, "word-left", {UI_KEY_CTRL_LEFT}, NULL, N_("Back a word"), UI_SCR_EDITOR},
	{UI_WORD_RIGHT, "word-right", {UI_KEY_CTRL_RIGHT}, NULL, N_("Forward a word"),
	 UI_SCR_EDITOR},
	{UI_DELETE_WORD, "delete-word", {UI_CTRL('w')}, NULL, N_("Delete the word before the cursor"),
	 UI_SCR_EDITOR},
	{UI_GUIDE, "example", {KEY_F(3)}, N_("Example"),
	 N_("Show or hide the example of good recording"), UI_SCR_EDITOR},
	{UI_TOP, "top", {UI_KEY_CTRL_HOME}, NULL, N_("To the start of the text"), UI_SCR_EDITOR},
	{UI_BOTTOM, "bottom", {UI_KEY_CTRL_END}, NULL, N_("To the end of the text"), UI_SCR_EDITOR},

	/* Everywhere. */
	{UI_OPEN, "open", {ENTER}, NULL, N_("Open or change the selected item"),
	 UI_SCR_LISTS},
	/* F1 and F10 are often taken by the terminal (GNOME Terminal), so
	 * help and quit have keys of their own too, and Ctrl ones where
	 * letters are text. */
	{UI_HELP, "help", {'?', KEY_F(1), UI_CTRL('g')}, N_("Help"), N_("Keys and help for this screen"),
	 NOT_TEXT},
	{UI_HELP, "help", {UI_CTRL('g'), KEY_F(1)}, N_("Help"), N_("Keys and help for this screen"),
	 TEXT_SCREENS},
	{UI_SEARCH, "search", {'/'}, N_("Find"), N_("Find in the list as you type"),
	 UI_SCR_CASELOAD | UI_SCR_NOTES | UI_SCR_CHRONOLOGY | UI_SCR_PICKER | UI_SCR_WHO |
	 UI_SCR_GOALS | UI_SCR_MEETINGS | UI_SCR_HELP | UI_SCR_PROGRAMME | UI_SCR_MODULE},
	{UI_SEARCH, "search-again", {'/'}, N_("Search"), N_("Search again, for other words"),
	 UI_SCR_SEARCH},
	{UI_TRAINING_PANEL, "training-panel", {KEY_F(2)}, NULL,
	 N_("Show or hide the trainer's notes (training mode)"), UI_SCR_ALL},
	{UI_BACK, "back", {UI_ESC, 'q'}, N_("Back"), N_("Back to the screen before"), NOT_TEXT},
	{UI_BACK, "back", {UI_ESC}, N_("Back"), N_("Leave the editor (asks before dropping text)"),
	 TEXT_SCREENS},
	{UI_QUIT, "quit", {KEY_F(10), 'Q'}, NULL, N_("Quit casebook"), NOT_TEXT},
	{UI_QUIT, "quit", {KEY_F(10)}, NULL, N_("Quit casebook (asks what to do with the text)"),
	 TEXT_SCREENS},

	/* The caseload. */
	{UI_TEAM, "team", {'t'}, N_("Mine/team"),
	 N_("Show my families or the whole team's"), UI_SCR_CASELOAD | UI_SCR_OVERDUE},
	{UI_SORT, "sort", {'s'}, N_("Sort"),
	 N_("Sort by reference, name, rating or last supervision"), UI_SCR_CASELOAD},
	{UI_GO_MEETINGS, "meetings", {'m'}, N_("Supervision"),
	 N_("Group supervision meetings and minutes"), UI_SCR_CASELOAD},
	{UI_GO_OVERDUE, "overdue", {'O'}, N_("Overdue"),
	 N_("Overdue actions in my families or the team's"), UI_SCR_CASELOAD},
	{UI_GO_FIGURES, "figures", {'M'}, NULL,
	 N_("Programme and supervision figures, for the manager"), UI_SCR_CASELOAD},
	{UI_LANGUAGE, "language", {'L'}, NULL,
	 N_("The language you work in: English or Cymraeg (Welsh)"), UI_SCR_CASELOAD},
	{UI_SYNC, "sync", {'S'}, NULL,
	 N_("Sync with the team's server: send this laptop's changes, fetch the team's"),
	 UI_SCR_CASELOAD},
	{UI_SYNC, "sync", {'S'}, N_("Sync"),
	 N_("Sync with the team's server: send the resolutions, fetch the team's changes"),
	 UI_SCR_CONFLICTS},
	{UI_GO_CONFLICTS, "conflicts", {'C'}, NULL,
	 N_("Conflicts from sync: records changed on two laptops, to resolve"), UI_SCR_CASELOAD},
	{UI_OPEN, "resolve", {ENTER}, N_("Resolve"),
	 N_("Show both versions and resolve: keep one, or merge the texts"), UI_SCR_CONFLICTS},
	{UI_SEARCH_RECORDS, "search-records", {'f'}, N_("Search"),
	 N_("Search every family's notes and records for words"), UI_SCR_CASELOAD},

	/* The family record: every screen is one key away. */
	{UI_GO_PROGRAMME, "programme", {'p'}, N_("Programme"), N_("The programme modules"),
	 UI_SCR_FAMILY},
	{UI_GO_NOTES, "notes", {'n'}, N_("Notes"), N_("Case notes"), UI_SCR_FAMILY},
	{UI_GO_CHRONOLOGY, "chronology", {'c'}, N_("Chronology"),
	 N_("Everything that happened, by date"), UI_SCR_FAMILY},
	{UI_GO_GOALS, "goals", {'g'}, N_("Goals"), N_("Goals and their reviews"), UI_SCR_FAMILY},
	{UI_GO_STAGES, "stages", {'s'}, N_("Change"), N_("Cycle of Change for each adult"),
	 UI_SCR_FAMILY},
	{UI_GO_RATINGS, "ratings", {'r'}, N_("Risk"), N_("Red-Amber-Green risk ratings"),
	 UI_SCR_FAMILY},
	{UI_GO_MEETINGS, "meetings", {'v'}, NULL, N_("Group supervision meetings"), UI_SCR_FAMILY},
	{UI_ADD_MEMBER, "add-member", {'m'}, NULL, N_("Add someone to the family"), UI_SCR_FAMILY},
	{UI_ALLOCATE, "allocate", {'w'}, NULL, N_("Allocate a worker to the family"), UI_SCR_FAMILY},
	{UI_EXPORT_REPORT, "report", {'x'}, N_("Report"),
	 N_("Write the conference and court report to a file"), UI_SCR_FAMILY},
	{UI_EXPORT_PLAN, "plan", {'o'}, N_("Plan"),
	 N_("Write our family plan (or one adult's) to a file, to print for the family"),
	 UI_SCR_FAMILY},
	{UI_SET_STATUS, "status", {'t'}, NULL, N_("Record a child's status (CIN, CP, CLA, PLO)"),
	 UI_SCR_FAMILY},
	{UI_SEARCH_RECORDS, "search-family", {'/'}, N_("Search"),
	 N_("Search this family's notes and records for words"), UI_SCR_FAMILY},

	/* Adding, correcting, history: lists of records. */
	{UI_ADD, "add", {'a'}, N_("Add"), N_("Add a new one"),
	 UI_SCR_CASELOAD | UI_SCR_NOTES | UI_SCR_GOALS | UI_SCR_STAGES | UI_SCR_RATINGS |
	 UI_SCR_MEETINGS | UI_SCR_MINUTES | UI_SCR_WHO},
	{UI_AGENDA_ADD, "agenda-add", {'a'}, N_("Add family"), N_("Add a family to the agenda"),
	 UI_SCR_MEETING},
	{UI_EDIT, "edit", {'e'}, N_("Correct"),
	 N_("Correct it: a new version, the old one kept"),
	 UI_SCR_FAMILY | UI_SCR_NOTES | UI_SCR_GOAL | UI_SCR_MEETING | UI_SCR_PROGRAMME |
	 UI_SCR_STAGES | UI_SCR_RATINGS},
	{UI_HISTORY, "history", {'h'}, N_("History"),
	 N_("Earlier versions, with who and when; retracted records too"),
	 UI_SCR_FAMILY | UI_SCR_NOTES | UI_SCR_MODULE | UI_SCR_GOALS | UI_SCR_GOAL |
	 UI_SCR_STAGES | UI_SCR_RATINGS | UI_SCR_PROGRAMME | UI_SCR_MEETING},
	{UI_RETRACT, "retract", {'d'}, NULL, N_("Retract it, with a reason (it stays in the history)"),
	 UI_SCR_NOTES | UI_SCR_PROGRAMME | UI_SCR_STAGES | UI_SCR_RATINGS},
	{UI_RETRACT, "retract-answer", {'d'}, NULL,
	 N_("Retract the answer selected, with a reason (it stays in the history)"), UI_SCR_MODULE},
	{UI_RETRACT, "retract-review", {'d'}, NULL,
	 N_("Retract the review selected, or the goal itself, with a reason (both stay in the "
	    "history)"),
	 UI_SCR_GOAL},
	{UI_RETRACT, "retract-goal", {'d'}, NULL,
	 N_("Retract the goal selected, recorded in error, with a reason (it stays in the "
	    "history)"),
	 UI_SCR_GOALS},
	{UI_RETRACT, "remove", {'d'}, NULL,
	 N_("Remove a member, end or retract an allocation (with a reason; kept in the history)"),
	 UI_SCR_FAMILY},
	{UI_RETRACT, "agenda-remove", {'d'}, NULL,
	 N_("Take the family off the agenda, with a reason"), UI_SCR_MEETING},
	{UI_MOVE_UP, "agenda-up", {'<', KEY_SR}, NULL, N_("Move the family up the agenda"),
	 UI_SCR_MEETING},
	{UI_MOVE_DOWN, "agenda-down", {'>', KEY_SF}, NULL, N_("Move the family down the agenda"),
	 UI_SCR_MEETING},
	{UI_FILTER, "significant", {'f'}, N_("Significant"),
	 N_("Show only significant events, or everything"), UI_SCR_NOTES | UI_SCR_CHRONOLOGY},

	/* Programme. */
	{UI_SESSION, "session", {'r'}, N_("Session"),
	 N_("Record a session: date, who was there, modules, what was covered"),
	 UI_SCR_PROGRAMME | UI_SCR_MODULE},
	{UI_COMPLETE, "complete", {'x'}, N_("Complete"), N_("Mark the module complete, or open again"),
	 UI_SCR_PROGRAMME},
	{UI_GUIDE, "guide", {'g'}, N_("Guide"),
	 N_("Show or hide the guidance, prompts and example"), UI_SCR_MODULE},
	{UI_HISTORY, "history", {'h'}, N_("History"),
	 N_("Earlier versions of the table, with who and when"), UI_SCR_TABLE},

	/* Goals. */
	{UI_REVIEW, "review", {'r'}, N_("Review"), N_("Review the goal: a score from 0 to 10"),
	 UI_SCR_GOALS | UI_SCR_GOAL},
	{UI_GOAL_STATUS, "goal-status", {'s'}, N_("Status"),
	 N_("Mark the goal achieved, changed or stopped"), UI_SCR_GOAL},

	/* Cycle of Change: one track for each adult and issue. */
	{UI_RIGHT, "next-track", {KEY_RIGHT}, N_("Next track"),
	 N_("The next adult or issue"), UI_SCR_STAGES},
	{UI_LEFT, "previous-track", {KEY_LEFT}, NULL, N_("The adult or issue before"),
	 UI_SCR_STAGES},

	/* Supervision. */
	{UI_CYCLE, "attendance", {' '}, N_("Attendance"),
	 N_("Attendance: present, apologies, written contribution"), UI_SCR_MINUTES},
	{UI_WRITTEN, "written", {'w'}, NULL, N_("Write or show the written contribution"),
	 UI_SCR_MINUTES},
	{UI_DONE, "done", {'d'}, N_("Done"), N_("Mark last time's action done"), UI_SCR_MINUTES},
	{UI_PARTLY, "partly", {'p'}, N_("Partly"), N_("Mark it partly done"), UI_SCR_MINUTES},
	{UI_NOT_DONE, "not-done", {'n'}, N_("Not done"), N_("Mark it not done, with the reason"),
	 UI_SCR_MINUTES},
	{UI_CONFIRM_STAGE, "confirm", {'c'}, N_("Confirm"),
	 N_("Confirm the stage or rating as it stood last time"), UI_SCR_MINUTES},
	{UI_SIGN, "sign", {'S'}, N_("Sign off"), N_("Sign the minutes off (the chair only)"),
	 UI_SCR_MEETING},
	{UI_ADDENDUM, "addendum", {'A'}, NULL, N_("Add a dated addendum to signed minutes"),
	 UI_SCR_MEETING | UI_SCR_MINUTES},
	{UI_HISTORY, "history", {'h'}, NULL,
	 N_("Earlier versions of the action, text, stage or rating selected, with who and when"),
	 UI_SCR_MINUTES},
	{UI_RETRACT, "retract-action", {'x'}, NULL,
	 N_("Retract what was recorded here, with a reason (it stays in the history): an "
	    "action, the text under a heading, a stage or the rating agreed today"),
	 UI_SCR_MINUTES},

	/* Pickers. */
	{UI_CYCLE, "tick", {' '}, N_("Tick"), N_("Tick or untick"), UI_SCR_PICKER},

	/* Everywhere, last in the help: in raw mode these are keys, not
	 * signals. */
	/* The chair signs off without quitting: the switch is confirmed and
	 * recorded, and signing still asks for the chair's own login. */
	{UI_SWITCH_WORKER, "switch-worker", {'W'}, NULL,
	 N_("Switch worker without quitting (asked, and recorded)"), NOT_TEXT & ~UI_SCR_PICKER},
	{UI_READ_ON, "read-on", {KEY_F(4)}, NULL,
	 N_("Read on in the trainer's notes or the example"),
	 UI_SCR_ALL},
	{UI_INTERRUPT, "interrupt", {UI_CTRL('c')}, NULL,
	 N_("Quit casebook (asks; keeps a draft of any text first)"), UI_SCR_ALL},
	{UI_SUSPEND, "suspend", {UI_CTRL('z')}, NULL,
	 N_("Suspend casebook; 'fg' in the shell brings it back"), UI_SCR_ALL},
};

#define N_ROWS (sizeof table / sizeof *table)

/* The keys as built, kept at the first rebinding, for cb_ui_keys_reset. */
static int builtin[N_ROWS][UI_MAX_KEYS];
static bool rebound;

const struct ui_key_row *
ui_keys_table(size_t *n)
{
	*n = N_ROWS;
	return table;
}

enum ui_action
ui_keys_lookup(unsigned screen, int key)
{
	size_t i, k;

	if (key == 0)
		return UI_NONE;
	for (i = 0; i < N_ROWS; i++) {
		if (!(table[i].screens & screen))
			continue;
		for (k = 0; k < UI_MAX_KEYS && table[i].keys[k] != 0; k++)
			if (table[i].keys[k] == key)
				return table[i].action;
	}
	return UI_NONE;
}

int
ui_keys_first(unsigned screen, enum ui_action action)
{
	size_t i;

	for (i = 0; i < N_ROWS; i++)
		if ((table[i].screens & screen) && table[i].action == action)
			return table[i].keys[0];
	return 0;
}

bool
ui_keys_everywhere(int key, enum ui_action action)
{
	size_t i, k;

	for (i = 0; i < N_ROWS; i++) {
		if (table[i].screens != UI_SCR_ALL || table[i].action != action)
			continue;
		for (k = 0; k < UI_MAX_KEYS && table[i].keys[k] != 0; k++)
			if (table[i].keys[k] == key)
				return true;
	}
	return false;
}

const char *
ui_key_name(int key, char buf[16])
{
	switch (key) {
	case '\n': return "Enter";
	case '\t': return "Tab";
	case ' ': return "Space";
	case UI_ESC: return "Esc";
	case KEY_UP: return "Up";
	case KEY_DOWN: return "Down";
	case KEY_LEFT: return "Left";
	case KEY_RIGHT: return "Right";
	case KEY_PPAGE: return "PgUp";
	case KEY_NPAGE: return "PgDn";
	case KEY_HOME: return "Home";
	case KEY_END: return "End";
	case KEY_BTAB: return "Shift-Tab";
	case KEY_SR: return "Shift-Up";
	case KEY_SF: return "Shift-Down";
	case UI_KEY_CTRL_LEFT: return "Ctrl-Left";
	case UI_KEY_CTRL_RIGHT: return "Ctrl-Right";
	case UI_KEY_CTRL_HOME: return "Ctrl-Home";
	case UI_KEY_CTRL_END: return "Ctrl-End";
	default: break;
	}
	if (key >= KEY_F(1) && key <= KEY_F(12)) {
		snprintf(buf, 16, "F%d", key - KEY_F0);
		return buf;
	}
	if (key > 0 && key < 32) {
		snprintf(buf, 16, "Ctrl-%c", 'A' + key - 1);
		return buf;
	}
	if (key > 32 && key < 127) {
		snprintf(buf, 16, "%c", key);
		return buf;
	}
	snprintf(buf, 16, "#%d", key);
	return buf;
}

static bool
is_global(const struct ui_key_row *r)
{
	return r->screens == UI_SCR_ALL || r->screens == NOT_TEXT || r->screens == UI_SCR_LISTS ||
	       r->screens == TEXT_SCREENS;
}

char *
ui_keys_bar(unsigned screen, size_t width)
{
	return ui_keys_bar_for(screen, width, false);
}

char *
ui_keys_bar_for(unsigned screen, size_t width, bool readonly)
{
	struct cb_vec specific = CB_VEC_OWNING(free), global = CB_VEC_OWNING(free);
	bool seen[UI_ACTION_COUNT] = {false};
	struct cb_buf b = {0};
	size_t i, total = 0;

	for (i = 0; i < N_ROWS; i++) {
		const struct ui_key_row *r = &table[i];
		char name[16];
		char *item;

		if (r->bar == NULL || !(r->screens & screen) || seen[r->action] ||
		    (readonly && ui_action_writes(r->action)))
			continue;
		seen[r->action] = true;
		item = cb_asprintf("%s %s", ui_key_name(r->keys[0], name), _(r->bar));
		total += cb_utf8_width(item) + 2;
		cb_vec_push(is_global(r) ? &global : &specific, item);
	}
	/* The keys every screen has always show; the screen's own are cut
	 * from the end when the terminal is narrow. */
	while (specific.len > 0 && total > width + 2) {
		total -= cb_utf8_width(specific.items[specific.len - 1]) + 2;
		cb_vec_remove(&specific, specific.len - 1);
	}
	for (i = 0; i < specific.len + global.len; i++) {
		const char *item = i < specific.len ? specific.items[i] : global.items[i - specific.len];

		if (b.len > 0)
			cb_buf_add(&b, "  ");
		cb_buf_add(&b, item);
	}
	cb_vec_clear(&specific);
	cb_vec_clear(&global);
	return cb_buf_take(&b);
}

/* Keys by name, as the help screen shows them and a config file may
 * write them (any case). */
static const struct {
	const char *name;
	int key;
} named[] = {
	{"Enter", '\n'}, {"Return", '\n'}, {"Tab", '\t'}, {"Space", ' '}, {"Esc", UI_ESC},
	{"Escape", UI_ESC}, {"Up", KEY_UP}, {"Down", KEY_DOWN}, {"Left", KEY_LEFT},
	{"Right", KEY_RIGHT}, {"PgUp", KEY_PPAGE}, {"PageUp", KEY_PPAGE}, {"PgDn", KEY_NPAGE},
	{"PageDown", KEY_NPAGE}, {"Home", KEY_HOME}, {"End", KEY_END}, {"Shift-Tab", KEY_BTAB},
	{"Shift-Up", KEY_SR}, {"Shift-Down", KEY_SF}, {"Ctrl-Left", UI_KEY_CTRL_LEFT},
	{"Ctrl-Right", UI_KEY_CTRL_RIGHT}, {"Ctrl-Home", UI_KEY_CTRL_HOME},
	{"Ctrl-End", UI_KEY_CTRL_END},
};

/* One key's name: "Ctrl-S", "^S", "C-s", "F2", "PgDn", "x"; 0 when it
 * is none. "Ctrl+S" is read as "Ctrl-S". */
static int
parse_key(const char *word)
{
	char w[32];
	size_t i, n = strlen(word);
	char *end;
	long f;

	if (n == 1 && word[0] > ' ' && word[0] < 127)
		return (unsigned char)word[0];
	if (n == 0 || n >= sizeof w)
		return 0;
	memcpy(w, word, n + 1);
	for (i = 0; i < n; i++)
		if (w[i] == '+')
			w[i] = '-';
	for (i = 0; i < sizeof named / sizeof *named; i++)
		if (strcasecmp(w, named[i].name) == 0)
			return named[i].key;
	if ((w[0] == 'F' || w[0] == 'f') && isdigit((unsigned char)w[1])) {
		f = strtol(w + 1, &end, 10);
		return *end == '\0' && f >= 1 && f <= 12 ? KEY_F((int)f) : 0;
	}
	/* Ctrl and a letter. */
	if (n == 2 && w[0] == '^' && isalpha((unsigned char)w[1]))
		return UI_CTRL(w[1]);
	if (n == 3 && (w[0] == 'C' || w[0] == 'c') && w[1] == '-' && isalpha((unsigned char)w[2]))
		return UI_CTRL(w[2]);
	if (n == 6 && strncasecmp(w, "Ctrl-", 5) == 0 && isalpha((unsigned char)w[5]))
		return UI_CTRL(w[5]);
	/* One character beyond ASCII, as typed. */
	{
		uint32_t cp;

		if (cb_utf8_decode(word, n, &cp) == n && cp >= 0xa0)
			return (int)(UI_KEY_UNICODE | cp);
	}
	return 0;
}

static bool
row_has(const struct ui_key_row *r, int key)
{
	size_t k;

	for (k = 0; k < UI_MAX_KEYS && r->keys[k] != 0; k++)
		if (r->keys[k] == key)
			return true;
	return false;
}

/* A key that types or edits text in the editor: a letter, a figure,
 * punctuation, a space; Enter, Tab, Backspace and Delete (Ctrl-J, Ctrl-M,
 * Ctrl-I and Ctrl-H are the same codes). */
static bool
types_text(int key)
{
	return (key >= ' ' && key < 127) || (key & UI_KEY_UNICODE) != 0 || key == '\n' ||
	       key == '\r' || key == '\t' || key == 8 || key == 127 || key == KEY_ENTER ||
	       key == KEY_BACKSPACE || key == KEY_DC;
}

static void
did_you_mean_action(const char *action, struct cb_buf *msg)
{
	const char *best = NULL;
	size_t i, d, best_d = 4;

	for (i = 0; i < N_ROWS; i++)
		if ((d = cb_str_distance(action, table[i].name, 3)) < best_d) {
			best_d = d;
			best = table[i].name;
		}
	if (best != NULL)
		cb_buf_addf(msg, _("no action is called '%s': did you mean '%s'?"), action, best);
	else
		cb_buf_addf(msg, _("no action is called '%s': casebook-keys(7) lists them"), action);
}

static void
did_you_mean_key(const char *word, struct cb_buf *msg)
{
	const char *best = NULL;
	size_t i, d, best_d = 3;

	for (i = 0; i < sizeof named / sizeof *named; i++)
		if ((d = cb_str_distance(word, named[i].name, 2)) < best_d) {
			best_d = d;
			best = named[i].name;
		}
	if (best != NULL)
		cb_buf_addf(msg, _("'%s' is not a key: did you mean '%s'?"), word, best);
	else
		cb_buf_addf(msg, _("'%s' is not a key: write one as Ctrl-S, F2, Enter, PgDn or a "
		                   "single character"), word);
}

/* The words of a list of keys: split at blanks, and a comma that ends
 * a longer word is a separator ("?, F1"); "," alone is the comma key. */
static int
parse_keys(const char *list, int keys[UI_MAX_KEYS], struct cb_buf *msg)
{
	char *copy = cb_strdup(list), *w, *save = NULL;
	size_t n = 0, len;
	int key, rc = 0;

	memset(keys, 0, UI_MAX_KEYS * sizeof *keys);
	for (w = strtok_r(copy, " \t", &save); w != NULL; w = strtok_r(NULL, " \t", &save)) {
		len = strlen(w);
		if (len > 1 && w[len - 1] == ',')
			w[--len] = '\0';
		if ((key = parse_key(w)) == 0) {
			did_you_mean_key(w, msg);
			rc = -1;
			break;
		}
		/* Enter comes by two codes, as the built-in rows have it. */
		if (n + (key == '\n' ? 2 : 1) > UI_MAX_KEYS - 1) {
			cb_buf_addf(msg, _("at most %d keys for one action"), UI_MAX_KEYS - 1);
			rc = -1;
			break;
		}
		keys[n++] = key;
		if (key == '\n')
			keys[n++] = KEY_ENTER;
	}
	if (rc == 0 && n == 0) {
		cb_buf_add(msg, _("give at least one key"));
		rc = -1;
	}
	free(copy);
	return rc;
}

int
cb_ui_rebind(const char *action, const char *list, struct cb_buf *msg)
{
	static int fresh[N_ROWS][UI_MAX_KEYS];
	int keys[UI_MAX_KEYS];
	char name[16];
	size_t i, j, k, n, found = 0;

	for (i = 0; i < N_ROWS; i++)
		found += strcmp(table[i].name, action) == 0;
	if (found == 0) {
		did_you_mean_action(action, msg);
		return CB_UI_REBIND_ACTION;
	}
	if (parse_keys(list, keys, msg) != 0)
		return CB_UI_REBIND_KEYS;
	for (i = 0; i < N_ROWS; i++) {
		bool text_only = (table[i].screens & ~TEXT_SCREENS) == 0;

		if (strcmp(table[i].name, action) != 0)
			continue;
		/* A row for the editor alone keeps the keys that do not type
		 * text ("?, Ctrl-G" for help is Ctrl-G there); a row for the
		 * editor and other screens cannot split a key. */
		memset(fresh[i], 0, sizeof fresh[i]);
		for (k = n = 0; k < UI_MAX_KEYS && keys[k] != 0; k++) {
			if ((table[i].screens & TEXT_SCREENS) && types_text(keys[k])) {
				if (text_only)
					continue;
				cb_buf_addf(msg, _("%s types text in the editor, where '%s' works too: give "
				                   "a Ctrl or function key"),
				            ui_key_name(keys[k], name), action);
				return CB_UI_REBIND_KEYS;
			}
			for (j = 0; j < N_ROWS; j++)
				if (table[j].action != table[i].action && (table[j].screens & table[i].screens) &&
				    row_has(&table[j], keys[k])) {
					cb_buf_addf(msg, _("%s is already '%s' where '%s' works: give that "
					                   "action another key first, or choose another"),
					            ui_key_name(keys[k], name), table[j].name, action);
					return CB_UI_REBIND_KEYS;
				}
			fresh[i][n++] = keys[k];
		}
		if (n == 0) {
			cb_buf_addf(msg, _("in the editor, where '%s' works, those keys type text: give a "
			                   "Ctrl or function key too"), action);
			return CB_UI_REBIND_KEYS;
		}
	}
	if (!rebound) {
		for (i = 0; i < N_ROWS; i++)
			memcpy(builtin[i], table[i].keys, sizeof builtin[i]);
		rebound = true;
	}
	for (i = 0; i < N_ROWS; i++)
		if (strcmp(table[i].name, action) == 0)
			memcpy(table[i].keys, fresh[i], sizeof fresh[i]);
	return 0;
}

void
cb_ui_keys_reset(void)
{
	size_t i;

	if (!rebound)
		return;
	for (i = 0; i < N_ROWS; i++)
		memcpy(table[i].keys, builtin[i], sizeof builtin[i]);
	rebound = false;
}

char *
cb_ui_keys_of(const char *action)
{
	struct cb_buf b = {0};
	char name[16];
	size_t i, k;

	for (i = 0; i < N_ROWS; i++) {
		if (strcmp(table[i].name, action) != 0)
			continue;
		for (k = 0; k < UI_MAX_KEYS && table[i].keys[k] != 0; k++)
			if (table[i].keys[k] != KEY_ENTER)
				cb_buf_addf(&b, "%s%s", b.len > 0 ? ", " : "",
				            ui_key_name(table[i].keys[k], name));
		break;
	}
	return cb_buf_take(&b);
}
