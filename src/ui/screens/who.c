/* SPDX-License-Identifier: MIT */
/* Who is working. (Drafts left from last time: recover.c.) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/names.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
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
	if (cb_str_empty(text))
		return cb_err_set(err, CB_EINVAL, _("write your name"));
	return cb_name_check(text, _("your name"), CB_NAME_MAX, err);
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

/* The languages offered on the screens, each in its own words; any
 * other with a catalogue can be set with casebook set worker. */
static const struct {
	const char *code, *name;
} languages[] = {
	{"en", "English"},
	{"cy", "Cymraeg"},
};
#define N_LANGUAGES (sizeof languages / sizeof *languages)

/* The worker's language: a code, or "" for the computer's own, in out;
 * -1 when they went back. The title is in both languages, so that it is
 * found whichever the screens are in. */
static int
pick_language(struct ui_app *app, const char *current, char out[CB_LANG_LEN])
{
	struct ui_choice items[N_LANGUAGES + 1];
	size_t i, sel = N_LANGUAGES;
	int pick;

	memset(items, 0, sizeof items);
	for (i = 0; i < N_LANGUAGES; i++) {
		items[i].label = languages[i].name;
		if (strcmp(current, languages[i].code) == 0)
			sel = i;
	}
	items[N_LANGUAGES].label = _("As this computer is set");
	items[N_LANGUAGES].detail = _("the language of the computer's settings (LANG, LANGUAGE)");
	pick = ui_pick(app, "Language / Iaith", items, N_LANGUAGES + 1, sel);
	if (pick < 0)
		return -1;
	snprintf(out, CB_LANG_LEN, "%s", (size_t)pick < N_LANGUAGES ? languages[pick].code : "");
	return 0;
}

void
ui_change_language(struct ui_app *app)
{
	char current[CB_LANG_LEN], lang[CB_LANG_LEN];
	struct cb_err err = {0};

	if (cb_store_worker_language(app->store, app->me->id, current, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	if (pick_language(app, current, lang) != 0 || strcmp(lang, current) == 0)
		return;
	if (cb_store_worker_set_language(app->store, app->me->id, lang, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	snprintf(app->relang_to, sizeof app->relang_to, "%s", lang);
	app->relang = true;
}

static struct cb_worker *
new_worker(struct ui_app *app, const char *lang)
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
	if (cb_store_worker_add(app->store, w, &err) != 0 ||
	    (lang != NULL && cb_store_worker_set_language(app->store, w->id, lang, &err) != 0)) {
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
	char first_lang[CB_LANG_LEN];
	const char *lang = NULL;

	/* The first start, with nobody in the database yet: the language
	 * first, so that everything after is in it. */
	if (cb_store_worker_list(app->store, &workers, &err) != 0) {
		ui_fail(app, &err);
		return -1;
	}
	if (workers.len == 0 && !app->training) {
		if (pick_language(app, "", first_lang) != 0 || app->quit)
			return -1;
		ui_use_language(app, first_lang);
		lang = first_lang;
	}
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
		/* Nobody can be added to a database open for reading only. */
		pick = ui_pick(app, app->training ? _("Who do you want to be? (training: any sample worker)")
		                                  : _("Who are you?"),
		               items, workers.len + (app->readonly && workers.len > 0 ? 0 : 1), 0);
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
		app->me = new_worker(app, lang);
		if (app->me != NULL) {
			cb_vec_clear(&workers);
			return 0;
		}
	}
}

static int
need_login(const char *text, void *ctx, struct cb_err *err)
{
	(void)ctx;
	return cb_str_empty(text) ? cb_err_set(err, CB_EINVAL, _("write the chair's login name"))
	                          : 0;
}

int
ui_chair_present(struct ui_app *app, const char *chair_id)
{
	struct cb_err err = {0};
	struct cb_worker *chair = NULL;
	char linked[CB_UUID_LEN], login[64];
	char *typed = NULL, *q;
	int rc;

	if (cb_store_os_link(app->store, NULL, linked, &err) != 0)
		goto fail;
	if (strcmp(linked, chair_id) == 0)
		return 0;
	if (cb_store_worker_get(app->store, chair_id, &chair, &err) != 0 ||
	    cb_store_worker_os_user(app->store, chair_id, login, sizeof login, &err) != 0)
		goto fail;
	if (login[0] == '\0') {
		q = cb_asprintf(_("The chair signs at their own login: the login name of %s?"),
		                chair->name);
		rc = ui_prompt(app, q, NULL, &typed, need_login, NULL, NULL);
		free(q);
		if (rc != 0) {
			cb_worker_free(&chair);
			return 1;
		}
		snprintf(login, sizeof login, "%s", typed);
		free(typed);
	}
	q = cb_asprintf(_("Password of %s, %s's login:"), login, chair->name);
	rc = ui_check_login(app, login, q);
	free(q);
	if (rc != 0) {
		cb_worker_free(&chair);
		return rc;
	}
	/* A login not linked yet becomes the chair's: its first choice. */
	if (cb_store_link_os_user(app->store, login, chair_id, &err) != 0)
		goto fail;
	cb_store_set_present(app->store, login);
	cb_worker_free(&chair);
	return 0;
fail:
	ui_fail(app, &err);
	cb_worker_free(&chair);
	return -1;
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

int
ui_switch_worker(struct ui_app *app)
{
	struct cb_vec workers = CB_VEC_OWNING(cb_worker_free_item);
	struct cb_err err = {0};
	struct ui_choice *items = NULL;
	char **labels = NULL;
	enum cb_choice how;
	size_t i, n = 0;
	int pick, rc = -1;
	char *q;

	if (cb_store_worker_list(app->store, &workers, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	/* Everyone but the worker working now. */
	for (i = 0; i < workers.len; i++)
		if (app->me != NULL && cb_streq(((struct cb_worker *)workers.items[i])->id, app->me->id)) {
			cb_vec_remove(&workers, i);
			break;
		}
	if (workers.len == 0) {
		ui_error(app, _("There is nobody else to switch to."));
		goto out;
	}
	items = cb_calloc(workers.len, sizeof *items);
	labels = cb_calloc(workers.len, sizeof *labels);
	for (i = 0; i < workers.len; i++) {
		const struct cb_worker *w = workers.items[i];

		labels[i] = cb_asprintf("%s (%s)", w->name, ui_role_label(app, w->role));
		items[i].label = labels[i];
		n++;
	}
	pick = ui_pick(app, _("Switch to which worker? (The switch is recorded.)"), items, n, 0);
	if (pick < 0)
		goto out;
	q = cb_asprintf(_("Work as %s from now on? Login %s; the switch is recorded, and what "
	                  "you do next is recorded as theirs."),
	                ((struct cb_worker *)workers.items[pick])->name,
	                cb_store_os_user(app->store));
	if (!ui_confirm(app, q)) {
		free(q);
		ui_say(app, _("Still working as %s."), app->me != NULL ? app->me->name : "?");
		goto out;
	}
	free(q);
	if (cb_store_choose_worker(app->store, ((struct cb_worker *)workers.items[pick])->id, true,
	                           &how, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	cb_worker_free(&app->me);
	app->me = workers.items[pick];
	workers.items[pick] = NULL;
	cb_vec_remove(&workers, (size_t)pick);
	ui_say(app, how == CB_CHOICE_SWITCH ? _("Now working as %s; the switch is recorded.")
	                                    : _("Now working as %s."),
	       app->me->name);
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	cb_vec_clear(&workers);
	return rc;
}
