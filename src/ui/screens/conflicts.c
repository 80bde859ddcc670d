/* SPDX-License-Identifier: MIT */
/* Conflicts from sync: two versions of one record made from the same
 * earlier one on two laptops, or one thing (the answer to a field)
 * recorded on both. Each line says what and whose; Enter shows both and
 * asks (ui_resolve_conflict): keep the version on this laptop, take the
 * one kept aside, or merge the two texts in the editor. The resolution is
 * a new version naming both, sent by the next sync (S, here too). And the
 * sync itself, for the caseload and this screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/conflict.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_server.h"
#include "casebook/str.h"
#include "../ui.h"

struct crow {
	struct cb_sync_conflict *c;
	struct cb_conflict_view v;
	bool ready;              /* the view could be read: all of it is here */
};

struct conflicts {
	struct cb_vec rows;      /* struct crow */
	struct ui_list list;
};

static void
row_free(void *p)
{
	struct crow *r = p;

	cb_conflict_free(r->c);
	cb_conflict_view_clear(&r->v);
	free(r);
}

static void
conflicts_free(void *p)
{
	struct conflicts *k = p;

	cb_vec_clear(&k->rows);
	free(k);
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct conflicts *k = scr->state;
	struct cb_vec list = CB_VEC_OWNING(NULL);
	struct cb_err err = {0};
	size_t i;

	cb_vec_clear(&k->rows);
	if (cb_conflict_list(app->store, &list, &err) != 0)
		ui_fail(app, &err);
	for (i = 0; i < list.len; i++) {
		struct crow *r = cb_calloc(1, sizeof *r);
		struct cb_err e = {0};

		r->c = list.items[i];
		r->ready = cb_conflict_view(app->store, r->c, &r->v, &e) == 0;
		cb_vec_push(&k->rows, r);
	}
	list.len = 0;
	cb_vec_clear(&list);
	k->list.count = k->rows.len;
	if (k->list.sel >= k->list.count)
		k->list.sel = k->list.count > 0 ? k->list.count - 1 : 0;
}

/* "v3 Amira Haddad 2026-12-03" */
static void
side_cell(const struct cb_conflict_side *s, char *buf, size_t n)
{
	snprintf(buf, n, "v%d %s %.10s", s->version, s->by != NULL ? s->by : "",
	         s->created_at != NULL ? s->created_at : "");
}

static void
conflicts_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct conflicts *k = scr->state;
	int height = bottom - top - 2, i;
	int w_what = 12, x_fam = 1 + w_what + 1, w_fam = 22, x_mine = x_fam + w_fam + 1;
	int w_side = (app->cols - x_mine - 2) / 2, x_theirs = x_mine + w_side + 1;
	char info[200];

	snprintf(info, sizeof info,
	         ngettext("%zu conflict from sync: Enter shows both versions and resolves it",
	                  "%zu conflicts from sync: Enter shows both versions and resolves one",
	                  k->rows.len),
	         k->rows.len);
	ui_text(top, 1, app->cols - 2, info, ui_attr(app, UI_C_DIM));
	ui_text(top + 1, 1, w_what, _("What"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_fam, w_fam, _("Family"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_mine, w_side, _("Kept here"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_theirs, w_side, _("Kept aside"), A_BOLD | A_UNDERLINE);
	if (k->rows.len == 0) {
		ui_wrap(top + 3, 2, app->cols - 4, 4,
		        _("No conflicts. When two laptops change the same record before they sync, "
		          "both versions are kept and the record shows here to resolve."),
		        A_NORMAL, 0);
		return;
	}
	ui_list_fit(&k->list, height);
	for (i = 0; i < height && k->list.top + (size_t)i < k->rows.len; i++) {
		size_t n = k->list.top + (size_t)i;
		const struct crow *r = k->rows.items[n];
		int y = top + 2 + i, attr = n == k->list.sel ? A_REVERSE : A_NORMAL;
		char mine[120], theirs[120];

		ui_field(y, 0, app->cols, "", attr);
		if (!r->ready) {
			ui_field(y, 1, w_what, r->c->table, attr);
			ui_field(y, x_fam, app->cols - x_fam - 1,
			         _("not all of it has arrived yet: sync again (S)"), attr);
			continue;
		}
		side_cell(&r->v.mine, mine, sizeof mine);
		side_cell(&r->v.theirs, theirs, sizeof theirs);
		ui_field(y, 1, w_what, r->v.what, attr);
		ui_field(y, x_fam, w_fam, r->v.family != NULL ? r->v.family : _("(the team's)"), attr);
		ui_field(y, x_mine, w_side, mine, attr);
		ui_field(y, x_theirs, w_side, theirs, attr);
	}
}

/* Whether the two sides are texts one can merge: a note's or an
 * addendum's text, and of answers only those to text fields. */
static bool
can_merge(struct ui_app *app, const struct cb_conflict_view *v)
{
	const struct cb_module *m;
	const struct cb_field *f;

	if (!v->has_text)
		return false;
	if (v->module_id == NULL)
		return true;
	m = app->prog != NULL ? cb_programme_find(app->prog, v->module_id) : NULL;
	f = m != NULL && v->field_key != NULL ? cb_module_field(m, v->field_key, NULL) : NULL;
	return f != NULL && (f->type == CB_FIELD_TEXT || f->type == CB_FIELD_LONGTEXT);
}

struct merge_ctx {
	const struct cb_sync_conflict *c;
};

static int
save_merged(struct ui_app *app, const char *text, void *ctx, char pending_row[CB_UUID_LEN],
            struct cb_err *err)
{
	struct merge_ctx *m = ctx;

	(void)pending_row;
	if (cb_conflict_has_headings(text))
		return cb_err_set(err, CB_EINVAL, _("take out the lines that start with === first: "
		                                    "they only say which text was which"));
	return cb_conflict_resolve_with(app->store, m->c, "merged", text, err);
}

/* Two families under one reference: give one a new reference (a new
 * version of it), or say they are one family recorded twice. */
static void
resolve_reference(struct ui_app *app, struct crow *r)
{
	struct cb_family *fam[2] = {NULL, NULL};
	const char *ids[2] = {r->c->mine, r->c->theirs};
	const struct cb_conflict_side *side[2] = {&r->v.mine, &r->v.theirs};
	char *labels[2] = {NULL, NULL}, *title = NULL, *ref = NULL;
	struct cb_err err = {0};
	struct ui_choice choices[3];
	int i, pick;

	for (i = 0; i < 2; i++) {
		if (cb_store_family_get(app->store, ids[i], &fam[i], &err) != 0) {
			ui_fail(app, &err);
			goto out;
		}
		labels[i] = cb_asprintf(_("Give %s (made by %s) a new case reference"), fam[i]->name,
		                        side[i]->by);
		choices[i] = (struct ui_choice){labels[i], side[i]->text, false};
	}
	choices[2] = (struct ui_choice){
		_("They are the same family, recorded twice: keep both records"),
		_("Both records stay under the one reference, each with what was written in it, "
		  "and the conflict is closed on every laptop."),
		false};
	title = cb_asprintf(_("Two families have the reference %s"), fam[0]->reference);
	pick = ui_pick(app, title, choices, 3, 0);
	if (pick == 0 || pick == 1) {
		char *q = cb_asprintf(_("New case reference for %s:"), fam[pick]->name);

		i = ui_prompt(app, q, fam[pick]->reference, &ref, ui_validate_new_reference, NULL, app);
		free(q);
		if (i != 0) {
			ui_say(app, _("Nothing changed: the conflict is still open."));
			goto out;
		}
		free(fam[pick]->reference);
		fam[pick]->reference = cb_str_trim(ref);
		if (cb_store_family_correct(app->store, fam[pick], &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("%s is now %s; S sends it to the team."), fam[pick]->name,
			       fam[pick]->reference);
	} else if (pick == 2) {
		if (cb_conflict_resolve_with(app->store, r->c, "same", NULL, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Resolved: one family recorded twice; S sends it to the team."));
	} else {
		ui_say(app, _("Nothing changed: the conflict is still open."));
	}
out:
	for (i = 0; i < 2; i++) {
		cb_family_free(&fam[i]);
		free(labels[i]);
	}
	free(title);
	free(ref);
}

static void
resolve(struct ui_app *app, struct ui_screen *scr, struct crow *r)
{
	struct cb_err err = {0};
	char *mine_label, *theirs_label, *title, *key = NULL, *both = NULL;
	struct cb_conflict k;
	struct ui_conflict_words w;
	enum cb_conflict_choice pick;
	int rc = -1;

	if (!r->ready) {
		ui_say(app, _("Not all of this conflict has arrived yet: sync again with S."));
		return;
	}
	if (r->c->kind == CB_SYNC_REFERENCE) {
		resolve_reference(app, r);
		reload(app, scr);
		return;
	}
	mine_label = cb_asprintf(_("Kept on this laptop: version %d, %.16s, %s"), r->v.mine.version,
	                         r->v.mine.created_at, r->v.mine.by);
	theirs_label = cb_asprintf(_("Kept aside: version %d, %.16s, %s"), r->v.theirs.version,
	                           r->v.theirs.created_at, r->v.theirs.by);
	memset(&k, 0, sizeof k);
	k.mine = r->v.mine.text;
	k.mine_label = mine_label;
	k.theirs = r->v.theirs.text;
	k.theirs_label = theirs_label;
	w.mine_choice = _("Keep the version on this laptop (a new version; both stay in the history)");
	w.theirs_choice = _("Take the version kept aside (a new version; both stay in the history)");
	w.no_merge = !can_merge(app, &r->v);
	title = r->v.family != NULL ? cb_asprintf(_("A %s of %s changed on two laptops"), r->v.what,
	                                          r->v.family)
	                            : cb_asprintf(_("A %s changed on two laptops"), r->v.what);
	pick = ui_resolve_conflict_as(app, title, &k, &w);
	switch (pick) {
	case CB_CONFLICT_MINE:
		rc = cb_conflict_resolve_with(app->store, r->c, "mine", NULL, &err);
		break;
	case CB_CONFLICT_THEIRS:
		rc = cb_conflict_resolve_with(app->store, r->c, "theirs", NULL, &err);
		break;
	case CB_CONFLICT_MERGE: {
		struct merge_ctx m = {r->c};
		struct ui_edit e;

		both = cb_conflict_both(&k);
		key = cb_asprintf("conflict:%s", r->c->theirs);
		memset(&e, 0, sizeof e);
		e.title = title;
		e.label = _("Make the two texts one (take out the === lines), then Ctrl-S:");
		e.initial = both;
		e.draft_key = key;
		e.family_id = r->v.family_id;
		e.save = save_merged;
		e.ctx = &m;
		if (ui_edit_text(app, &e) == 0)
			rc = 0;
		else
			pick = CB_CONFLICT_CANCEL;
		break;
	}
	default:
		break;
	}
	if (pick == CB_CONFLICT_CANCEL)
		ui_say(app, _("Nothing changed: the conflict is still open."));
	else if (rc != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Resolved by a new version that names both; S sends it to the team."));
	free(mine_label);
	free(theirs_label);
	free(title);
	free(key);
	free(both);
	reload(app, scr);
}

static void
sync_progress(const char *what, long done, void *arg)
{
	struct ui_app *app = arg;

	ui_say(app, _("Syncing with the team's server: %s %ld..."), what, done);
	ui_redraw(app);
}

bool
ui_sync_now(struct ui_app *app)
{
	struct cb_sync_stats st;
	struct cb_err err = {0};
	char *last = NULL;
	long waiting = 0, open = 0;

	if (cb_sync_status(app->store, &last, &waiting, &err) != 0 || last == NULL) {
		free(last);
		ui_say(app, _("This laptop has no team server yet: run casebook sync --server URL "
		              "once (see casebook-server(8))."));
		return false;
	}
	free(last);
	ui_say(app, _("Syncing with the team's server..."));
	ui_redraw(app);
	if (cb_sync(app->store, NULL, &st, sync_progress, app, &err) != 0) {
		cb_sync_stats_clear(&st);
		ui_fail(app, &err);
		return false;
	}
	if (cb_conflict_count(app->store, &open, &err) != 0)
		open = 0;
	if (st.laptop_worker > 0)
		ui_say(app, ngettext("Synced, but %ld change by %s stays here: %s was added on this "
		                     "laptop, not on the team's server (casebook server add-worker).",
		                     "Synced, but %ld changes by %s stay here: %s was added on this "
		                     "laptop, not on the team's server (casebook server add-worker).",
		                     st.laptop_worker),
		       st.laptop_worker, st.laptop_worker_name, st.laptop_worker_name);
	else if (open > 0)
		ui_say(app, ngettext("Synced. Sent: %ld, fetched: %ld. %ld conflict to resolve (C on "
		                     "the caseload).",
		                     "Synced. Sent: %ld, fetched: %ld. %ld conflicts to resolve (C on "
		                     "the caseload).", open),
		       st.pushed, st.pulled, open);
	else
		ui_say(app, _("Synced. Sent: %ld, fetched: %ld."), st.pushed, st.pulled);
	cb_sync_stats_clear(&st);
	return true;
}

static int
conflicts_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct conflicts *k = scr->state;

	(void)key;
	if (ui_list_move(&k->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_OPEN:
		if (k->rows.len > 0)
			resolve(app, scr, k->rows.items[k->list.sel]);
		return UI_HANDLED;
	case UI_SYNC:
		ui_sync_now(app);
		reload(app, scr);
		return UI_HANDLED;
	default:
		return 0;
	}
}

static const struct ui_screen_ops conflicts_ops = {
	UI_SCR_CONFLICTS, "conflicts", conflicts_draw, conflicts_key, reload, NULL, conflicts_free,
};

void
ui_open_conflicts(struct ui_app *app)
{
	struct conflicts *k = cb_calloc(1, sizeof *k);
	struct ui_screen *scr;

	k->rows = (struct cb_vec)CB_VEC_OWNING(row_free);
	scr = ui_screen_new(&conflicts_ops, k, _("Conflicts from sync"));
	reload(app, scr);
	ui_push(app, scr);
}
