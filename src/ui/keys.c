/* SPDX-License-Identifier: MIT */
/* The one key table. The help screen and the key bar are made from it, so
 * what the screens say and what the keys do cannot drift apart. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "ui.h"

#define ENTER '\n', KEY_ENTER
/* Screens where typed letters are text, not commands. */
#define TEXT_SCREENS (UI_SCR_EDITOR)
#define NOT_TEXT (UI_SCR_ALL & ~TEXT_SCREENS)

static const struct ui_key_row table[] = {
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
	{UI_HISTORY, "history", {'h'}, N_("History"), N_("Earlier versions, with who and when"),
	 UI_SCR_FAMILY | UI_SCR_NOTES | UI_SCR_MODULE | UI_SCR_GOALS | UI_SCR_GOAL |
	 UI_SCR_STAGES | UI_SCR_RATINGS | UI_SCR_PROGRAMME},
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
	struct cb_vec specific = CB_VEC_OWNING(free), global = CB_VEC_OWNING(free);
	bool seen[UI_ACTION_COUNT] = {false};
	struct cb_buf b = {0};
	size_t i, total = 0;

	for (i = 0; i < N_ROWS; i++) {
		const struct ui_key_row *r = &table[i];
		char name[16];
		char *item;

		if (r->bar == NULL || !(r->screens & screen) || seen[r->action])
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
