/* SPDX-License-Identifier: MIT */
/* Drafts left by a crash, a kill or a closed terminal, offered back at
 * the start. A draft belongs to the place it was written (a correction
 * to its note, a minutes draft to its meeting): it is kept for that
 * place and comes back there, never turned into something else. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_drafts.h"
#include "casebook/store_families.h"
#include "casebook/str.h"
#include "../ui.h"

static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Where the draft comes back, as the end of "it comes back when you ...". */
const char *
ui_draft_place(const char *key)
{
	if (starts(key, "note:new:"))
		return _("add a case note for this family");
	if (starts(key, "note:"))
		return _("correct that case note again");
	if (starts(key, "session:new:"))
		return _("record a session for this family");
	if (starts(key, "session:"))
		return _("open that programme session");
	if (starts(key, "review:new:"))
		return _("review that goal");
	if (starts(key, "goal:steps:"))
		return _("change that goal's steps");
	if (starts(key, "goal:new:"))
		return _("add a goal for this family");
	if (starts(key, "stage:new:"))
		return _("record that adult's stage again");
	if (starts(key, "rating:new:"))
		return _("add a risk rating for this family");
	if (starts(key, "answer:") && strstr(key, "::") != NULL)
		return _("open that meeting's minutes");
	if (starts(key, "answer:"))
		return _("open that field of the module");
	if (starts(key, "stage:") || starts(key, "rating:") || starts(key, "action:") ||
	    starts(key, "addendum:"))
		return _("open that meeting's minutes");
	return _("open the same place again");
}

void
ui_recover_drafts(struct ui_app *app)
{
	struct cb_vec drafts = CB_VEC_OWNING(cb_draft_free_item);
	struct cb_err err = {0};
	char go_to[CB_UUID_LEN] = "";
	size_t i, cleared = 0;

	if (cb_store_draft_list(app->store, &drafts, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < drafts.len; i++) {
		const struct cb_draft *d = drafts.items[i];
		struct ui_choice choices[3];
		struct cb_family *f = NULL;
		bool written = false;
		char *title, *keep, *go = NULL;
		int pick, n = 0, go_at = -1, drop_at;

		/* A save whose outcome was unknown: look, do not save again. */
		if (d->pending_row != NULL &&
		    cb_store_written(app->store, d->pending_row, &written, &err) == 0 && written) {
			cb_store_draft_discard(app->store, d, &err);
			cleared++;
			continue;
		}
		/* Keeping it for its own place is the first choice: nothing is
		 * saved as something it was not written as. */
		keep = cb_asprintf(_("Keep it: it comes back when you %s"), ui_draft_place(d->key));
		choices[n++] = (struct ui_choice){keep, d->body, false};
		if (d->family_id[0] != '\0' &&
		    cb_store_family_get(app->store, d->family_id, &f, &err) == 0 && f != NULL) {
			go = cb_asprintf(_("Keep it, and go to the %s now"), f->name);
			go_at = n;
			choices[n++] = (struct ui_choice){go, d->body, false};
			cb_family_free(&f);
		}
		drop_at = n;
		choices[n++] = (struct ui_choice){_("Throw it away"), d->body, false};
		title = cb_asprintf(_("Unsaved text from %.16s: %s"), d->updated_at, d->title);
		pick = ui_pick(app, title, choices, (size_t)n, 0);
		free(title);
		free(keep);
		free(go);
		if (pick == drop_at) {
			if (ui_confirm(app, _("Throw this text away for good?")))
				cb_store_draft_discard(app->store, d, &err);
		} else if (pick == go_at) {
			memcpy(go_to, d->family_id, CB_UUID_LEN);
		}
		/* keep_at, or Esc: the draft stays for its place. */
	}
	if (cleared > 0)
		ui_say(app, _("A save that had an unknown outcome was found in the record: nothing "
		              "was lost."));
	if (go_to[0] != '\0')
		ui_open_family(app, go_to);
	cb_vec_clear(&drafts);
}
