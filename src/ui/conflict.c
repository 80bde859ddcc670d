/* SPDX-License-Identifier: MIT */
/* Asking what to do when two texts were made from one version (see
 * casebook/conflict.h): each choice shows the text it would keep, so both
 * are seen before anything is decided. */
#include "config.h"

#include <stdlib.h>

#include "casebook/conflict.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/record.h"
#include "ui.h"

/* Both texts in full, scrolled with the usual keys; Esc or Enter goes
 * back to the question. */
static void
read_both(struct ui_app *app, const char *title, const char *both)
{
	int skip = 0;

	for (;;) {
		int rows = app->rows - 4, total, key;
		enum ui_action a;

		if (ui_draw_chrome(app, title, UI_SCR_TEXT)) {
			total = ui_wrap_rows(both, app->cols - 2);
			if (skip > total - rows)
				skip = total - rows;
			if (skip < 0)
				skip = 0;
			ui_wrap(2, 1, app->cols - 2, rows, both, A_NORMAL, skip);
			ui_draw_status(app);
		}
		refresh();
		key = ui_getkey(app, 1000);
		if (app->interrupted)
			return;
		if (key == ERR || key == KEY_RESIZE || app->too_small)
			continue;
		a = ui_keys_lookup(UI_SCR_TEXT, key);
		switch (a) {
		case UI_UP: skip--; break;
		case UI_DOWN: skip++; break;
		case UI_PGUP: skip -= rows - 1; break;
		case UI_PGDN: skip += rows - 1; break;
		case UI_HOME: skip = 0; break;
		case UI_END: skip = 1 << 20; break;
		case UI_BACK:
		case UI_OPEN:
			return;
		default:
			if (key == UI_ESC || key == '\n')
				return;
			break;
		}
	}
}

enum cb_conflict_choice
ui_resolve_conflict(struct ui_app *app, const char *title, const struct cb_conflict *c)
{
	return ui_resolve_conflict_as(app, title, c, NULL);
}

enum cb_conflict_choice
ui_resolve_conflict_as(struct ui_app *app, const char *title, const struct cb_conflict *c,
                       const struct ui_conflict_words *w)
{
	char *mine = cb_asprintf("%s\n\n%s", c->mine_label, c->mine);
	char *theirs = cb_asprintf("%s\n\n%s", c->theirs_label, c->theirs);
	char *both = cb_conflict_both(c);
	struct ui_choice choices[] = {
		{w != NULL && w->mine_choice != NULL
		     ? w->mine_choice
		     : _("Keep mine: save my text as a new version over theirs"),
		 mine, false},
		{w != NULL && w->theirs_choice != NULL
		     ? w->theirs_choice
		     : _("Take theirs: their version stands, my text is dropped"),
		 theirs, false},
		{_("Merge: edit one text with both in view"), both, false},
		{_("Read both texts in full first"), both, false},
	};
	bool no_merge = w != NULL && w->no_merge;
	int pick;

	/* Nothing is chosen for the worker: the choice first offered is the
	 * merge, which loses neither text (when there is no text to merge,
	 * reading both). */
	if (no_merge)
		choices[2] = choices[3];
	for (;;) {
		pick = ui_pick(app, title, choices, no_merge ? 3 : 4, 2);
		if (no_merge && pick == 2)
			pick = 3;
		if (pick != 3 || app->interrupted)
			break;
		read_both(app, title, both);
	}
	free(mine);
	free(theirs);
	free(both);
	switch (pick) {
	case 0: return CB_CONFLICT_MINE;
	case 1: return CB_CONFLICT_THEIRS;
	case 2: return CB_CONFLICT_MERGE;
	default: return CB_CONFLICT_CANCEL;
	}
}

char *
ui_rev_label(const struct cb_rev *rev)
{
	return cb_asprintf(_("version %d, %.16s, %s"), rev->version, rev->created_at,
	                   rev->created_by_name != NULL ? rev->created_by_name : "");
}
