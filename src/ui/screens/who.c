/* SPDX-License-Identifier: MIT */
/* Who is working, and drafts left from last time. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_drafts.h"
#include "casebook/store_families.h"
#include "casebook/store_notes.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/uuid.h"
#include "casebook/worker.h"
#include "../ui.h"

static int
need_name(const char *text, void *ctx, struct cb_err *err)
{
	(void)ctx;
	return cb_str_empty(text) ? cb_err_set(err, CB_EINVAL, _("write your name")) : 0;
}

static bool
same_name(const char *a, const char *b)
{
	char *fa = cb_text_fold(a), *fb = cb_text_fold(b);
	bool same = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

/* Two people of one name are told apart by their role: adding a second
 * asks first, and needs a role no namesake has. */
static bool
same_name_ok(struct ui_app *app, const struct cb_worker *w)
{
	struct cb_vec same = CB_VEC_OWNING(cb_worker_free_item);
	struct cb_err err = {0};
	bool ok = false;
	size_t i;

	if (cb_store_worker_named(app->store, w->name, &same, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	if (same.len > 0) {
		const struct cb_worker *x = same.items[0];
		char *q = cb_asprintf(_("There is already a worker called %s (%s). Is this someone "
		                        "else?"),
		                      x->name, ui_role_label(app, x->role));
		bool yes = ui_confirm(app, q);

		free(q);
		if (!yes) {
			ui_say(app, _("Nothing added: choose %s from the list."), x->name);
			goto out;
		}
		for (i = 0; i < same.len; i++) {
			x = same.items[i];
			if (cb_streq(x->role, w->role)) {
				ui_error(app, _("%s is already the name of a %s: choose a different role to "
				                "tell them apart."),
				         x->name, ui_role_label(app, x->role));
				goto out;
			}
		}
	}
	ok = true;
out:
	cb_vec_clear(&same);
	return ok;
}

static struct cb_worker *
new_worker(struct ui_app *app)
{
	size_t n = cb_reflist_len(&app->ref->roles), i;
	struct ui_choice *roles = cb_calloc(n + 1, sizeof *roles);
	struct cb_worker *w = NULL;
	struct cb_err err = {0};
	char *name = NULL;
	int pick;

	if (ui_prompt(app, _("Your name, as colleagues know it:"), "", &name, need_name, NULL, NULL) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		roles[i].label = cb_reflist_at(&app->ref->roles, i)->label;
		roles[i].detail = cb_reflist_at(&app->ref->roles, i)->about;
	}
	pick = ui_pick(app, _("Your role"), roles, n, 0);
	if (pick < 0)
		goto out;
	w = cb_worker_new();
	w->name = cb_str_trim(name);
	w->role = cb_strdup(cb_reflist_at(&app->ref->roles, (size_t)pick)->id);
	if (!same_name_ok(app, w)) {
		cb_worker_free(&w);
		goto out;
	}
	if (cb_store_worker_add(app->store, w, &err) != 0) {
		ui_fail(app, &err);
		cb_worker_free(&w);
	}
out:
	free(roles);
	free(name);
	return w;
}

int
ui_who_am_i(struct ui_app *app)
{
	struct cb_vec workers = CB_VEC_OWNING(cb_worker_free_item);
	struct cb_err err = {0};

	for (;;) {
		struct ui_choice *items;
		char **labels;
		size_t i;
		int pick;

		cb_vec_clear(&workers);
		if (cb_store_worker_list(app->store, &workers, &err) != 0) {
			ui_fail(app, &err);
			return -1;
		}
		items = cb_calloc(workers.len + 1, sizeof *items);
		labels = cb_calloc(workers.len + 1, sizeof *labels);
		for (i = 0; i < workers.len; i++) {
			const struct cb_worker *w = workers.items[i];
			size_t k;
			bool namesake = false;

			/* Namesakes are told apart by their role, on the line. */
			for (k = 0; k < workers.len; k++)
				namesake |= k != i &&
				            same_name(w->name, ((struct cb_worker *)workers.items[k])->name);
			if (namesake)
				labels[i] = cb_asprintf("%s (%s)", w->name, ui_role_label(app, w->role));
			items[i].label = namesake ? labels[i] : w->name;
			items[i].detail = ui_role_label(app, w->role);
		}
		items[workers.len].label = _("Someone new: add yourself");
		pick = ui_pick(app, app->training ? _("Who do you want to be? (training: any sample worker)")
		                                  : _("Who are you?"),
		               items, workers.len + 1, 0);
		for (i = 0; i < workers.len; i++)
			free(labels[i]);
		free(labels);
		free(items);
		if (pick < 0 || app->quit) {
			cb_vec_clear(&workers);
			return -1;
		}
		if ((size_t)pick < workers.len) {
			app->me = workers.items[pick];
			workers.items[pick] = NULL;
			cb_vec_remove(&workers, (size_t)pick);
			cb_vec_clear(&workers);
			return 0;
		}
		app->me = new_worker(app);
		if (app->me != NULL) {
			cb_vec_clear(&workers);
			return 0;
		}
	}
}

int
ui_choose_me(struct ui_app *app, bool switch_ok)
{
	struct cb_err err = {0};
	struct cb_worker *linked = NULL;
	char linked_id[CB_UUID_LEN];
	char *q;
	bool yes;

	if (cb_store_choose_worker(app->store, app->me->id, switch_ok, NULL, &err) == 0)
		return 0;
	if (err.code != CB_EPERM || cb_store_os_link(app->store, NULL, linked_id, &err) != 0 ||
	    cb_store_worker_get(app->store, linked_id, &linked, &err) != 0) {
		ui_error(app, "%s", err.msg);
		return -1;
	}
	q = cb_asprintf(_("Login %s is %s. Switch to %s (recorded)?"),
	                cb_store_os_user(app->store), linked->name, app->me->name);
	yes = ui_confirm(app, q);
	free(q);
	cb_worker_free(&linked);
	if (!yes)
		return 1;
	if (cb_store_choose_worker(app->store, app->me->id, true, NULL, &err) != 0) {
		ui_error(app, "%s", err.msg);
		return -1;
	}
	return 0;
}

static int
save_as_note(struct ui_app *app, const struct cb_draft *d)
{
	struct cb_note *n = cb_note_new();
	struct cb_err err = {0};
	int rc;

	memcpy(n->family_id, d->family_id, CB_UUID_LEN);
	n->date = cb_date_today();
	n->kind = cb_strdup("case-note");
	n->text = cb_strdup(d->body);
	rc = cb_store_note_add(app->store, n, &err);
	if (rc != 0)
		ui_fail(app, &err);
	cb_note_free(&n);
	return rc;
}

void
ui_recover_drafts(struct ui_app *app)
{
	struct cb_vec drafts = CB_VEC_OWNING(cb_draft_free_item);
	struct cb_err err = {0};
	size_t i, cleared = 0;

	if (cb_store_draft_list(app->store, &drafts, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < drafts.len; i++) {
		const struct cb_draft *d = drafts.items[i];
		struct ui_choice choices[3];
		bool written = false;
		char *title;
		int pick, n = 0;

		/* A save whose outcome was unknown: look, do not save again. */
		if (d->pending_row != NULL &&
		    cb_store_written(app->store, d->pending_row, &written, &err) == 0 && written) {
			cb_store_draft_drop(app->store, d->key, &err);
			cleared++;
			continue;
		}
		if (d->family_id[0] != '\0')
			choices[n++] = (struct ui_choice){_("Save it now as a case note for the family"),
			                                  d->body, false};
		choices[n++] = (struct ui_choice){_("Keep it: it comes back when you open the same place"),
		                                  d->body, false};
		choices[n++] = (struct ui_choice){_("Throw it away"), d->body, false};
		title = cb_asprintf(_("Unsaved text from %.16s: %s"), d->updated_at, d->title);
		pick = ui_pick(app, title, choices, (size_t)n, 0);
		free(title);
		if (pick < 0 || pick == n - 2)
			continue;
		if (pick == n - 1) {
			if (ui_confirm(app, _("Throw this text away for good?")))
				cb_store_draft_drop(app->store, d->key, &err);
			continue;
		}
		if (save_as_note(app, d) == 0) {
			cb_store_draft_drop(app->store, d->key, &err);
			ui_say(app, _("Saved as a case note."));
		}
	}
	if (cleared > 0)
		ui_say(app, _("A save that had an unknown outcome was found in the record: nothing "
		              "was lost."));
	cb_vec_clear(&drafts);
}
