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

enum cb_conflict_choice
ui_resolve_conflict(struct ui_app *app, const char *title, const struct cb_conflict *c)
{
	char *mine = cb_asprintf("%s\n\n%s", c->mine_label, c->mine);
	char *theirs = cb_asprintf("%s\n\n%s", c->theirs_label, c->theirs);
	char *both = cb_conflict_both(c);
	struct ui_choice choices[] = {
		{_("Keep mine: save my text as a new version over theirs"), mine, false},
		{_("Take theirs: their version stands, my text is dropped"), theirs, false},
		{_("Merge: edit one text with both in view"), both, false},
	};
	int pick;

	/* Nothing is chosen for the worker: the first choice shown is the
	 * merge, which loses neither text. */
	pick = ui_pick(app, title, choices, 3, 2);
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
