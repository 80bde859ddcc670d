/* Who is working. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/worker.h"
#include "../ui.h"

static int
need_name(const char *text, void *ctx, struct cb_err *err)
{
	(void)ctx;
	return cb_str_empty(text) ? cb_err_set(err, CB_EINVAL, _("write your name")) : 0;
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
		size_t i;
		int pick;

		cb_vec_clear(&workers);
		if (cb_store_worker_list(app->store, &workers, &err) != 0) {
			ui_fail(app, &err);
			return -1;
		}
		items = cb_calloc(workers.len + 1, sizeof *items);
		for (i = 0; i < workers.len; i++) {
			const struct cb_worker *w = workers.items[i];

			items[i].label = w->name;
			items[i].detail = ui_role_label(app, w->role);
		}
		items[workers.len].label = _("Someone new: add yourself");
		pick = ui_pick(app, app->training ? _("Who do you want to be? (training: any sample worker)")
		                                  : _("Who are you?"),
		               items, workers.len + 1, 0);
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
