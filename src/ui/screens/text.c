/* SPDX-License-Identifier: MIT */
/* A page of text to read: help, a note, a chronology entry, the versions
 * of a record. Up and down scroll; / finds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/help.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/record.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/utf8.h"
#include "../ui.h"

struct text_state {
	char *text;
	int scroll;
	int rows;      /* rows the text takes at the last width */
	int height;
};

static void
text_free(void *p)
{
	struct text_state *t = p;

	free(t->text);
	free(t);
}

static void
text_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct text_state *t = scr->state;
	int width = app->cols - 4;

	t->height = bottom - top;
	t->rows = ui_wrap_rows(t->text, width);
	if (t->scroll > t->rows - t->height)
		t->scroll = t->rows - t->height;
	if (t->scroll < 0)
		t->scroll = 0;
	ui_wrap(top, 2, width, bottom - top, t->text, A_NORMAL, t->scroll);
	if (t->rows > t->height) {
		char more[64];

		snprintf(more, sizeof more, _(" lines %d-%d of %d "), t->scroll + 1,
		         t->scroll + t->height < t->rows ? t->scroll + t->height : t->rows, t->rows);
		ui_text(1, app->cols - 24, 23, more, ui_attr(app, UI_C_DIM));
	}
}

/* The wrapped row, at this width, where needle is first seen (matched as
 * names are matched: case and accents aside), or -1. Whether a prefix of
 * the text holds it only grows with the prefix, so the shortest one is
 * found by halving. */
static int
find_row(const char *text, const char *needle, int width)
{
	size_t lo = 0, hi = strlen(text);

	if (!cb_text_matches(text, needle))
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		char *head;
		bool hit;

		/* Not inside a character's bytes. */
		while (mid > lo && ((unsigned char)text[mid] & 0xC0) == 0x80)
			mid--;
		head = cb_strndup(text, mid);
		hit = cb_text_matches(head, needle);
		free(head);
		if (hit) {
			hi = mid;
		} else {
			lo = mid + 1;
			while (lo < hi && ((unsigned char)text[lo] & 0xC0) == 0x80)
				lo++;
		}
	}
	return ui_wrap_row_at(text, width, lo > 0 ? lo - 1 : 0);
}

static int
find_text(struct ui_app *app, struct text_state *t)
{
	char *needle = NULL;
	int row;

	if (ui_prompt(app, _("Find:"), "", &needle, NULL, NULL, NULL) != 0)
		return UI_HANDLED;
	row = needle[0] != '\0' ? find_row(t->text, needle, app->cols - 4) : -1;
	if (row < 0)
		ui_error(app, _("'%s' is not on this page"), needle);
	else
		t->scroll = row;
	free(needle);
	return UI_HANDLED;
}

static int
text_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct text_state *t = scr->state;
	int page = t->height > 2 ? t->height - 1 : 1;

	(void)key;
	switch (action) {
	case UI_UP: t->scroll--; return UI_HANDLED;
	case UI_DOWN: t->scroll++; return UI_HANDLED;
	case UI_PGUP: t->scroll -= page; return UI_HANDLED;
	case UI_PGDN: t->scroll += page; return UI_HANDLED;
	case UI_HOME: t->scroll = 0; return UI_HANDLED;
	case UI_END: t->scroll = t->rows; return UI_HANDLED;
	case UI_OPEN: return UI_CLOSE;
	case UI_SEARCH: return find_text(app, t);
	default: return 0;
	}
}

static const struct ui_screen_ops text_ops = {
	UI_SCR_TEXT, "text", text_draw, text_key, NULL, NULL, text_free,
};
static const struct ui_screen_ops help_ops = {
	UI_SCR_HELP, "help", text_draw, text_key, NULL, NULL, text_free,
};

static void
push_text(struct ui_app *app, const struct ui_screen_ops *ops, const char *title, char *text,
          const struct ui_screen *about)
{
	struct text_state *t = cb_calloc(1, sizeof *t);
	struct ui_screen *scr;

	t->text = text;
	scr = ui_screen_new(ops, t, title);
	if (about != NULL) {
		memcpy(scr->family_id, about->family_id, CB_UUID_LEN);
		memcpy(scr->family_label, about->family_label, sizeof scr->family_label);
	}
	ui_push(app, scr);
}

void
ui_open_text(struct ui_app *app, const char *title, const char *text,
             const struct ui_screen *about)
{
	push_text(app, &text_ops, title, cb_strdup(text), about);
}

static const char *
screen_name(unsigned id)
{
	switch (id) {
	case UI_SCR_WHO: return _("Who are you?");
	case UI_SCR_CASELOAD: return _("Caseload");
	case UI_SCR_FAMILY: return _("Family record");
	case UI_SCR_PROGRAMME: return _("Programme");
	case UI_SCR_MODULE: return _("Module");
	case UI_SCR_NOTES: return _("Case notes");
	case UI_SCR_CHRONOLOGY: return _("Chronology");
	case UI_SCR_GOALS: return _("Goals");
	case UI_SCR_GOAL: return _("Goal");
	case UI_SCR_STAGES: return _("Cycle of Change");
	case UI_SCR_RATINGS: return _("Risk ratings");
	case UI_SCR_MEETINGS: return _("Group supervision");
	case UI_SCR_MEETING: return _("Meeting");
	case UI_SCR_MINUTES: return _("Minutes for one family");
	case UI_SCR_HISTORY: return _("History");
	case UI_SCR_EDITOR: return _("Writing");
	case UI_SCR_TABLE: return _("Table");
	case UI_SCR_OVERDUE: return _("Overdue actions");
	case UI_SCR_SEARCH: return _("Search");
	default: return _("This screen");
	}
}

void
ui_open_help(struct ui_app *app, const struct ui_screen *about)
{
	unsigned id = about != NULL ? about->ops->id : UI_SCR_EDITOR;
	const char *help_id = about != NULL ? about->ops->help_id : "note-editor";
	const struct cb_help_entry *e = ui_help_find(app, help_id);
	const struct ui_key_row *rows;
	struct cb_buf b = {0};
	size_t n, i, k;
	char *title;

	cb_buf_addf(&b, _("Keys on this screen (%s)\n\n"), screen_name(id));
	rows = ui_keys_table(&n);
	for (i = 0; i < n; i++) {
		struct cb_buf keys = {0};
		char name[16];
		char *pad;

		if (!(rows[i].screens & id))
			continue;
		for (k = 0; k < UI_MAX_KEYS && rows[i].keys[k] != 0; k++) {
			if (rows[i].keys[k] == KEY_ENTER)
				continue; /* the same key as Enter, by another name */
			cb_buf_addf(&keys, "%s%s", keys.len ? ", " : "", ui_key_name(rows[i].keys[k], name));
		}
		pad = cb_utf8_pad(cb_buf_str(&keys), 16);
		cb_buf_addf(&b, "  %s %s\n", pad, _(rows[i].help));
		free(pad);
		cb_buf_free(&keys);
	}
	if (e != NULL) {
		cb_buf_addf(&b, "\n%s\n%s\n", e->title, e->purpose);
		if (e->good_recording != NULL)
			cb_buf_addf(&b, "\n%s\n%s\n", _("What good recording looks like here"),
			            e->good_recording);
		if (e->try_this != NULL)
			cb_buf_addf(&b, "\n%s %s\n", _("Try:"), e->try_this);
	}
	cb_buf_add(&b, _("\nWhatever you type is kept as a draft within a second or two, even "
	                 "while you keep typing, and nothing saved is ever overwritten: "
	                 "corrections are new versions, and the history key shows the earlier "
	                 "ones. A draft of something changed since by someone else shows both "
	                 "texts and asks which to keep, or lets you merge them."));
	title = cb_asprintf(_("Help: %s"), screen_name(id));
	push_text(app, &help_ops, title, cb_buf_take(&b), about);
	free(title);
}

void
ui_version_free_item(void *p)
{
	struct ui_version *v = p;

	if (v == NULL)
		return;
	free(v->heading);
	free(v->text);
	free(v);
}

void
ui_version_push(struct cb_vec *versions, const struct cb_rev *rev, char *body)
{
	struct ui_version *v = cb_calloc(1, sizeof *v);

	v->heading = cb_asprintf(_("Version %d, %.16s, %s%s"), rev->version, rev->created_at,
	                         rev->created_by_name != NULL ? rev->created_by_name : "?",
	                         rev->retracted ? _(", RETRACTED") : "");
	if (rev->reason != NULL) {
		v->text = cb_asprintf(_("Reason: %s\n%s"), rev->reason, body);
		free(body);
	} else {
		v->text = body;
	}
	cb_vec_push(versions, v);
}

char *
ui_retracted_label(const struct cb_rev *rev, char *label)
{
	char *out = cb_asprintf(_("%s (retracted %.10s)"), label, rev->created_at);

	free(label);
	return out;
}

const void *
ui_pick_history(struct ui_app *app, const void *cur, const struct cb_vec *gone, size_t rev_at,
                char *(*label)(struct ui_app *, const void *))
{
	struct ui_choice *items;
	char *current;
	const void *chosen = NULL;
	size_t k = 0, i;
	int pick;

	if (gone->len == 0) {
		if (cur == NULL)
			ui_say(app, _("There is no history to show yet."));
		return cur;
	}
	items = cb_calloc(gone->len + 1, sizeof *items);
	current = cur != NULL ? label(app, cur) : NULL;
	if (current != NULL)
		items[k++] = (struct ui_choice){current, _("The one selected in the list"), false};
	for (i = 0; i < gone->len; i++) {
		const char *item = gone->items[i];

		items[k++] = (struct ui_choice){
			ui_retracted_label((const struct cb_rev *)(item + rev_at), label(app, item)),
			_("Retracted: its history says who retracted it, when and why"), false};
	}
	pick = ui_pick(app, _("The history of which? (retracted ones are at the end)"), items, k,
	               0);
	if (pick >= 0)
		chosen = current != NULL && pick == 0 ? cur
		                                      : gone->items[current != NULL ? pick - 1 : pick];
	for (i = 0; i < k; i++)
		free((char *)items[i].label);
	free(items);
	return chosen;
}

void
ui_open_history(struct ui_app *app, const char *title, struct cb_vec *versions,
                const struct ui_screen *about)
{
	struct cb_buf b = {0};
	size_t i;

	if (versions->len == 0) {
		ui_say(app, _("There is no history to show yet."));
		return;
	}
	cb_buf_add(&b, _("Newest first. Nothing is overwritten: each correction is a new "
	                 "version.\n"));
	for (i = versions->len; i > 0; i--) {
		const struct ui_version *v = versions->items[i - 1];

		cb_buf_addf(&b, "\n== %s ==\n%s\n", v->heading, v->text);
	}
	push_text(app, &text_ops, title, cb_buf_take(&b), about);
}
