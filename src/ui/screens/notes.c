/* SPDX-License-Identifier: MIT */
/* Case notes: what happened, when, of what kind, by whom; significant
 * events flagged for the chronology. Notes are corrected by new versions
 * and retracted with a reason, never deleted. */
#include "config.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/help.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_notes.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/utf8.h"
#include "../ui.h"

struct notes {
	char family_id[CB_UUID_LEN];
	struct cb_vec notes;       /* struct cb_note, newest first */
	struct ui_list list;
	bool significant_only;
};

static void
notes_free(void *p)
{
	struct notes *n = p;

	cb_vec_clear(&n->notes);
	free(n);
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct notes *n = scr->state;
	struct cb_err err = {0};

	cb_vec_clear(&n->notes);
	if (cb_store_note_list(app->store, n->family_id, n->significant_only, &n->notes, &err) != 0)
		ui_fail(app, &err);
	n->list.count = n->notes.len;
	snprintf(scr->title, sizeof scr->title, "%s%s", _("Case notes"),
	         n->significant_only ? _(": significant events only") : "");
}

static void
notes_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct notes *n = scr->state;
	int height = bottom - top - 1, i, w_kind = 18, w_who = 16;
	size_t k;
	int x_kind = 14, x_text = x_kind + w_kind + 1, w_text = app->cols - x_text - w_who - 2;

	ui_text(top, 1, 11, _("Date"), A_BOLD | A_UNDERLINE);
	ui_text(top, x_kind, w_kind, _("Kind"), A_BOLD | A_UNDERLINE);
	ui_text(top, x_text, w_text, _("What happened"), A_BOLD | A_UNDERLINE);
	ui_text(top, app->cols - w_who - 1, w_who, _("Written by"), A_BOLD | A_UNDERLINE);
	if (n->notes.len == 0) {
		ui_wrap(top + 2, 2, app->cols - 4, 3,
		        n->significant_only ? _("No significant events. Press f to see every note.")
		                            : _("No notes yet. Press a to write one."),
		        A_NORMAL, 0);
		return;
	}
	ui_list_fit(&n->list, height);
	for (i = 0; i < height && n->list.top + (size_t)i < n->notes.len; i++) {
		const struct cb_note *note;

		k = n->list.top + (size_t)i;
		note = n->notes.items[k];
		int y = top + 1 + i, attr = k == n->list.sel ? A_REVERSE : A_NORMAL;
		char date[CB_DATE_LEN + 2];

		cb_date_format(note->date, date);
		if (note->significant)
			strcat(date, " *");
		ui_field(y, 0, app->cols, "", attr);
		ui_field(y, 1, 12, date, attr | (note->significant ? A_BOLD : 0));
		ui_field(y, x_kind, w_kind, cb_reflist_label(&app->ref->note_kinds, note->kind), attr);
		ui_field(y, x_text, w_text, note->text, attr);
		ui_field(y, app->cols - w_who - 1, w_who, note->author_name, attr);
	}
	for (k = 0; k < n->notes.len && !((struct cb_note *)n->notes.items[k])->significant; k++)
		;
	if (k < n->notes.len)
		ui_text(bottom - 1 < top + 1 + i ? bottom - 1 : top + 1 + i, 1, app->cols - 2,
		        _("* a significant event"), ui_attr(app, UI_C_DIM));
}

struct note_save {
	struct cb_note *note;
	bool correction;
	bool unchanged;      /* a correction that changed nothing: not saved */
};

static int
save_note(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
          struct cb_err *err)
{
	struct note_save *ns = ctx;
	int rc;

	if (ns->correction && cb_streq(text, ns->note->text)) {
		ns->unchanged = true;
		return 0;
	}
	free(ns->note->text);
	ns->note->text = cb_strdup(text);
	rc = ns->correction ? cb_store_note_correct(app->store, ns->note, err)
	                    : cb_store_note_add(app->store, ns->note, err);
	if (rc != 0)
		memcpy(pending, ns->note->rev.row_id, CB_UUID_LEN);
	return rc;
}

static const char *
note_example(struct ui_app *app)
{
	const struct cb_help_entry *e = ui_help_find(app, "note-editor");

	return e != NULL ? e->good_recording : NULL;
}

static void
add_note(struct ui_app *app, struct ui_screen *scr)
{
	struct notes *n = scr->state;
	size_t nk = cb_reflist_len(&app->ref->note_kinds), i;
	struct ui_choice *kinds = cb_calloc(nk + 1, sizeof *kinds);
	struct note_save ns = {cb_note_new(), false, false};
	struct ui_edit e = {0};
	char *key = NULL, *title = NULL;
	int pick;

	for (i = 0; i < nk; i++)
		kinds[i].label = cb_reflist_at(&app->ref->note_kinds, i)->label;
	pick = ui_pick(app, _("What kind of note?"), kinds, nk, 0);
	if (pick < 0)
		goto out;
	if (ui_prompt_date(app, _("When did it happen?"), cb_date_today(), &ns.note->date) != 0)
		goto out;
	memcpy(ns.note->family_id, n->family_id, CB_UUID_LEN);
	ns.note->kind = cb_strdup(cb_reflist_at(&app->ref->note_kinds, (size_t)pick)->id);
	ns.note->significant = ui_confirm(app, _("Is this a significant event (for the chronology)?"));
	key = cb_asprintf("note:new:%s", n->family_id);
	title = cb_asprintf(_("New note: %s, %s"), kinds[pick].label, scr->family_label);
	e.title = title;
	e.label = _("What happened, what it means for the child, and what happens next. "
	            "Ctrl-S saves.");
	e.example = note_example(app);
	e.draft_key = key;
	e.family_id = n->family_id;
	e.save = save_note;
	e.ctx = &ns;
	if (ui_edit_text(app, &e) == 0) {
		ui_say(app, _("Note saved."));
		reload(app, scr);
		n->list.sel = 0;
	}
out:
	free(kinds);
	free(key);
	free(title);
	cb_note_free(&ns.note);
}

static struct cb_note *
selected(struct notes *n)
{
	return n->notes.len > 0 ? n->notes.items[n->list.sel] : NULL;
}

static void
view_note(struct ui_app *app, struct ui_screen *scr)
{
	struct cb_note *note = selected(scr->state);
	char date[CB_DATE_LEN];
	char *text, *title;

	if (note == NULL)
		return;
	cb_date_format(note->date, date);
	text = cb_asprintf(_("%s, %s%s\nWritten by %s; this is version %d (%.16s).\n\n%s"), date,
	                   cb_reflist_label(&app->ref->note_kinds, note->kind),
	                   note->significant ? _(", a significant event") : "",
	                   note->author_name ? note->author_name : "?", note->rev.version,
	                   note->rev.created_at, note->text);
	title = cb_asprintf(_("Note of %s"), date);
	ui_open_text(app, title, text, scr);
	free(text);
	free(title);
}

static void
correct_note(struct ui_app *app, struct ui_screen *scr)
{
	struct notes *n = scr->state;
	struct cb_note *note = selected(n);
	struct note_save ns;
	struct ui_edit e = {0};
	char *key, *title, *base_label;
	char base[CB_UUID_LEN];

	if (note == NULL)
		return;
	/* The version the correction starts from, kept apart: a failed save
	 * may change note->rev. */
	memcpy(base, note->rev.row_id, CB_UUID_LEN);
	base_label = ui_rev_label(&note->rev);
	ns.note = note;
	ns.correction = true;
	ns.unchanged = false;
	key = cb_asprintf("note:%s", note->id);
	title = cb_asprintf(_("Correcting a note (a new version; the old one is kept)"));
	e.title = title;
	e.label = _("Correct the note. The earlier version stays in its history. Ctrl-S saves.");
	e.example = note_example(app);
	e.initial = note->text;
	e.draft_key = key;
	e.family_id = n->family_id;
	e.base_row = base;
	e.base_label = base_label;
	e.save = save_note;
	e.ctx = &ns;
	if (ui_edit_text(app, &e) == 0) {
		if (ns.unchanged)
			ui_say(app, _("Nothing was changed, so nothing was saved."));
		else
			ui_say(app, _("Corrected: version %d."), note->rev.version);
	}
	reload(app, scr);
	free(key);
	free(title);
	free(base_label);
}

static void
show_history(struct ui_app *app, struct ui_screen *scr, const struct cb_note *note)
{
	struct cb_vec hist = CB_VEC_OWNING(cb_note_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_note_history(app->store, note->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		const struct cb_note *x = hist.items[i];
		char date[CB_DATE_LEN];

		cb_date_format(x->date, date);
		ui_version_push(&versions, &x->rev,
		                cb_asprintf("%s %s\n%s", date,
		                            cb_reflist_label(&app->ref->note_kinds, x->kind), x->text));
	}
	ui_open_history(app, _("History of the note"), &versions, scr);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

static char *
note_label(struct ui_app *app, const void *p)
{
	const struct cb_note *x = p;
	char date[CB_DATE_LEN];
	/* Its first line, to tell it from the others; the history has it all. */
	size_t line = strcspn(x->text, "\n"), fit = cb_utf8_fit(x->text, 40);

	cb_date_format(x->date, date);
	return cb_asprintf(_("%s %s: %.*s%s"), date, cb_reflist_label(&app->ref->note_kinds, x->kind),
	                   (int)(fit < line ? fit : line), x->text,
	                   fit < line || x->text[line] != '\0' ? "…" : "");
}

/* h: the selected note's history, or a retracted note's (which has left
 * the list). */
static void
note_history(struct ui_app *app, struct ui_screen *scr)
{
	struct notes *n = scr->state;
	struct cb_note *note = selected(n);
	struct cb_vec gone = CB_VEC_OWNING(cb_note_free_item);
	struct cb_err err = {0};
	const void *chosen;

	if (cb_store_note_retracted(app->store, n->family_id, &gone, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	chosen = ui_pick_history(app, note, &gone, offsetof(struct cb_note, rev), note_label);
	if (chosen != NULL)
		show_history(app, scr, chosen);
	cb_vec_clear(&gone);
}

static void
retract_note(struct ui_app *app, struct ui_screen *scr)
{
	struct cb_note *note = selected(scr->state);
	struct cb_err err = {0};
	char *reason = NULL;

	if (note == NULL)
		return;
	if (ui_prompt(app, _("Retract this note? It stays in the history. Why?"), "", &reason,
	              ui_need_reason, NULL, NULL) != 0)
		return;
	if (cb_store_note_retract(app->store, note->id, note->rev.version, reason, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Retracted; the note and the reason stay in its history."));
	free(reason);
	reload(app, scr);
}

static int
notes_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct notes *n = scr->state;

	(void)key;
	if (ui_list_move(&n->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_ADD: add_note(app, scr); return UI_HANDLED;
	case UI_OPEN: view_note(app, scr); return UI_HANDLED;
	case UI_EDIT: correct_note(app, scr); return UI_HANDLED;
	case UI_HISTORY: note_history(app, scr); return UI_HANDLED;
	case UI_RETRACT: retract_note(app, scr); return UI_HANDLED;
	case UI_FILTER:
		n->significant_only = !n->significant_only;
		n->list.sel = n->list.top = 0;
		reload(app, scr);
		return UI_HANDLED;
	case UI_SEARCH: {
		char *needle = NULL;
		size_t i;

		if (ui_prompt(app, _("Find a note containing:"), "", &needle, NULL, NULL, NULL) != 0)
			return UI_HANDLED;
		for (i = 1; i <= n->notes.len; i++) {
			size_t k = (n->list.sel + i) % n->notes.len;

			if (cb_text_matches(((struct cb_note *)n->notes.items[k])->text, needle)) {
				n->list.sel = k;
				break;
			}
		}
		if (i > n->notes.len)
			ui_error(app, _("No note contains '%s'."), needle);
		free(needle);
		return UI_HANDLED;
	}
	default:
		return 0;
	}
}

static const struct ui_screen_ops notes_ops = {
	UI_SCR_NOTES, "notes", notes_draw, notes_key, reload, NULL, notes_free,
};

void
ui_open_notes(struct ui_app *app, const char *family_id)
{
	struct notes *n = cb_calloc(1, sizeof *n);
	struct ui_screen *scr;

	snprintf(n->family_id, sizeof n->family_id, "%s", family_id);
	n->notes = (struct cb_vec)CB_VEC_OWNING(cb_note_free_item);
	scr = ui_screen_new(&notes_ops, n, _("Case notes"));
	reload(app, scr);
	ui_push(app, scr);
}
