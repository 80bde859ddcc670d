/* SPDX-License-Identifier: MIT */
/* Recording a programme session: a visit on which the worker and the
 * family worked on one or more modules. The date, who was there (family
 * members and the workers on the case), the modules, and what was covered
 * in the worker's words, saved in one go. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/help.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/str.h"
#include "casebook/worker.h"
#include "programme.h"

/* Shown beside the text outside training mode too: how a session reads
 * when it says what was done and what it meant. Fictional. */
static const char *const session_example =
	N_("Worked on the morning routine with Kerry while Leo (4) played with his cars beside us. "
	   "Kerry drew up her own plan and said \"if I lay the uniforms out the night before, we "
	   "might actually make it\". She named getting up before the children as the hard part. "
	   "We agreed I will ask Leo's nursery how many days he arrived on time before the next "
	   "visit, and we will look at it together.");

struct attendee {
	char id[CB_UUID_LEN];
	char *label;
};

static void
attendee_free(void *p)
{
	struct attendee *a = p;

	free(a->label);
	free(a);
}

static void
add_attendee(struct cb_vec *v, const char *id, char *label)
{
	struct attendee *a = cb_calloc(1, sizeof *a);
	size_t i;

	for (i = 0; i < v->len; i++)
		if (cb_streq(((struct attendee *)v->items[i])->id, id)) {
			free(label);
			free(a);
			return;
		}
	snprintf(a->id, sizeof a->id, "%s", id);
	a->label = label;
	cb_vec_push(v, a);
}

/* The family's members, then the workers on the case, then whoever is
 * recording (they were there, whether allocated or not). */
static int
load_attendees(struct ui_app *app, const char *family_id, struct cb_vec *out, struct cb_err *err)
{
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec allocs = CB_VEC_OWNING(cb_allocation_free_item);
	size_t i;
	int rc = -1;

	if (cb_store_person_list(app->store, family_id, &people, err) != 0 ||
	    cb_store_allocation_list(app->store, family_id, true, &allocs, err) != 0)
		goto out;
	for (i = 0; i < people.len; i++) {
		const struct cb_person *p = people.items[i];

		add_attendee(out, p->id,
		             cb_asprintf("%s (%s)", p->name, cb_member_role_label(p->role)));
	}
	for (i = 0; i < allocs.len; i++) {
		const struct cb_allocation *a = allocs.items[i];

		add_attendee(out, a->worker_id,
		             cb_asprintf("%s (%s)", a->worker_name != NULL ? a->worker_name : "?",
		                         ui_role_label(app, a->role)));
	}
	if (app->me != NULL)
		add_attendee(out, app->me->id,
		             cb_asprintf("%s (%s)", app->me->name, ui_role_label(app, app->me->role)));
	rc = 0;
out:
	cb_vec_clear(&people);
	cb_vec_clear(&allocs);
	return rc;
}

/* Tick some of items; insists on at least one. 0, or -1 on Esc. */
static int
pick_some(struct ui_app *app, const char *title, struct ui_choice *items, size_t n,
          const char *none)
{
	size_t i;

	for (;;) {
		if (ui_pick_many(app, title, items, n) != 0)
			return -1;
		for (i = 0; i < n; i++)
			if (items[i].checked)
				return 0;
		ui_error(app, "%s", none);
	}
}

static int
save_session(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
             struct cb_err *err)
{
	struct cb_session *s = ctx;
	int rc;

	free(s->covered);
	s->covered = cb_strdup(text);
	rc = cb_store_session_add(app->store, s, err);
	if (rc != 0)
		memcpy(pending, s->rev.row_id, CB_UUID_LEN);
	return rc;
}

const char *
ui_session_example(struct ui_app *app)
{
	const struct cb_help_entry *e = ui_help_find(app, "session");

	return e != NULL && e->good_recording != NULL ? e->good_recording : _(session_example);
}

int
ui_session_record(struct ui_app *app, const char *family_id, const char *family_label,
                  const char *module_id)
{
	struct cb_vec people = CB_VEC_OWNING(attendee_free);
	struct cb_vec mods = CB_VEC_BORROWING;  /* const struct cb_module * */
	struct ui_choice *who = NULL, *which = NULL;
	struct cb_session *s = cb_session_new();
	struct cb_buf present = {0}, modules = {0}, titles = {0};
	struct cb_err err = {0};
	struct ui_edit e = {0};
	char date[CB_DATE_LEN];
	char *key = NULL, *title = NULL;
	size_t i;
	int rc = -1;

	for (i = 0; i < app->prog->modules.len; i++) {
		const struct cb_module *m = app->prog->modules.items[i];

		if (m->kind == CB_MODULE_PROGRAMME)
			cb_vec_push(&mods, (void *)m);
	}
	if (mods.len == 0) {
		ui_error(app, _("The programme has no modules to record a session against."));
		goto out;
	}
	if (ui_prompt_date(app, _("When was the session?"), cb_date_today(), &s->date) != 0)
		goto out;
	if (load_attendees(app, family_id, &people, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	who = cb_calloc(people.len + 1, sizeof *who);
	for (i = 0; i < people.len; i++) {
		const struct attendee *a = people.items[i];

		who[i].label = a->label;
		who[i].checked = app->me != NULL && cb_streq(a->id, app->me->id);
	}
	if (pick_some(app, _("Who was there? (Space ticks)"), who, people.len,
	              _("Tick at least one person who was there, or Esc to leave.")) != 0)
		goto out;
	which = cb_calloc(mods.len, sizeof *which);
	for (i = 0; i < mods.len; i++) {
		const struct cb_module *m = mods.items[i];

		which[i].label = m->title;
		which[i].detail = m->purpose;
		which[i].checked = module_id != NULL && cb_streq(m->id, module_id);
	}
	if (pick_some(app, _("Which modules did you work on? (Space ticks)"), which, mods.len,
	              _("Tick the module or modules the session worked on, or Esc to leave.")) != 0)
		goto out;
	for (i = 0; i < people.len; i++)
		if (who[i].checked)
			cb_buf_addf(&present, "%s%s", present.len ? " " : "",
			            ((const struct attendee *)people.items[i])->id);
	for (i = 0; i < mods.len; i++)
		if (which[i].checked) {
			const struct cb_module *m = mods.items[i];

			cb_buf_addf(&modules, "%s%s", modules.len ? " " : "", m->id);
			cb_buf_addf(&titles, "%s%s", titles.len ? ", " : "", m->title);
		}
	memcpy(s->family_id, family_id, CB_UUID_LEN);
	s->present = cb_buf_take(&present);
	s->modules = cb_buf_take(&modules);
	cb_date_format(s->date, date);
	key = cb_asprintf("session:new:%s", family_id);
	title = cb_asprintf(_("Session of %s: %s, %s"), date, cb_buf_str(&titles),
	                    family_label != NULL ? family_label : "");
	e.title = title;
	e.label = _("What was covered: what you worked on, what the family said (their words in "
	            "quotes), what moved, and what happens next. Ctrl-S saves.");
	e.example = ui_session_example(app);
	e.draft_key = key;
	e.family_id = family_id;
	e.save = save_session;
	e.ctx = s;
	if (ui_edit_text(app, &e) == 0) {
		ui_say(app, _("Session of %s saved."), date);
		rc = 0;
	}
out:
	cb_buf_free(&present);
	cb_buf_free(&modules);
	cb_buf_free(&titles);
	cb_session_free(&s);
	cb_vec_clear(&people);
	cb_vec_clear(&mods);
	free(who);
	free(which);
	free(key);
	free(title);
	return rc;
}

/* Correcting */

/* Whether two space-separated lists hold the same words, in any order. */
static bool
same_words(const char *a, const char *b)
{
	const char *lists[2] = {a != NULL ? a : "", b != NULL ? b : ""};
	int k;

	for (k = 0; k < 2; k++) {
		char *copy = cb_strdup(lists[k]), *tok, *save = NULL;
		bool all = true;

		for (tok = strtok_r(copy, " ", &save); tok != NULL && all;
		     tok = strtok_r(NULL, " ", &save))
			all = cb_str_has_word(lists[1 - k], tok);
		free(copy);
		if (!all)
			return false;
	}
	return true;
}

/* Ids of the ticked choices, space-separated (a new string). */
static char *
ticked(const struct ui_choice *items, char *const *ids, size_t n)
{
	struct cb_buf b = {0};
	size_t i;

	for (i = 0; i < n; i++)
		if (items[i].checked)
			cb_buf_addf(&b, "%s%s", b.len ? " " : "", ids[i]);
	return cb_buf_take(&b);
}

/* Everyone to tick: the family and the workers as when recording, and
 * whoever the session names who is no longer on the record, so that
 * correcting it never drops them unseen. */
static int
correct_present(struct ui_app *app, const char *family_id, struct cb_session *x)
{
	struct cb_vec people = CB_VEC_OWNING(attendee_free);
	struct cb_err err = {0};
	struct ui_choice *who;
	char **ids, *copy, *tok, *save = NULL;
	size_t i;
	int rc = -1;

	if (load_attendees(app, family_id, &people, &err) != 0) {
		ui_fail(app, &err);
		cb_vec_clear(&people);
		return -1;
	}
	copy = cb_strdup(x->present != NULL ? x->present : "");
	for (tok = strtok_r(copy, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save))
		add_attendee(&people, tok, cb_strdup(_("Someone no longer on the family's record")));
	free(copy);
	who = cb_calloc(people.len + 1, sizeof *who);
	ids = cb_calloc(people.len + 1, sizeof *ids);
	for (i = 0; i < people.len; i++) {
		struct attendee *a = people.items[i];

		who[i].label = a->label;
		who[i].checked = cb_str_has_word(x->present, a->id);
		ids[i] = a->id;
	}
	if (pick_some(app, _("Who was there? (Space ticks)"), who, people.len,
	              _("Tick at least one person who was there, or Esc to leave.")) == 0) {
		free(x->present);
		x->present = ticked(who, ids, people.len);
		rc = 0;
	}
	free(who);
	free(ids);
	cb_vec_clear(&people);
	return rc;
}

/* The programme's modules to tick, and any the session names that have
 * left the programme since. */
static int
correct_modules(struct ui_app *app, struct cb_session *x)
{
	struct cb_vec gone = CB_VEC_OWNING(free);
	struct ui_choice *which;
	char **ids, *copy, *tok, *save = NULL;
	size_t i, n = 0, max;
	int rc = -1;

	copy = cb_strdup(x->modules != NULL ? x->modules : "");
	for (tok = strtok_r(copy, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save))
		if (cb_programme_find(app->prog, tok) == NULL)
			cb_vec_push(&gone, cb_strdup(tok));
	free(copy);
	max = app->prog->modules.len + gone.len + 1;
	which = cb_calloc(max, sizeof *which);
	ids = cb_calloc(max, sizeof *ids);
	for (i = 0; i < app->prog->modules.len; i++) {
		const struct cb_module *m = app->prog->modules.items[i];

		if (m->kind != CB_MODULE_PROGRAMME)
			continue;
		which[n].label = m->title;
		which[n].detail = m->purpose;
		which[n].checked = cb_str_has_word(x->modules, m->id);
		ids[n++] = m->id;
	}
	for (i = 0; i < gone.len; i++) {
		which[n].label = gone.items[i];
		which[n].detail = _("No longer in the programme.");
		which[n].checked = true;
		ids[n++] = gone.items[i];
	}
	if (pick_some(app, _("Which modules did you work on? (Space ticks)"), which, n,
	              _("Tick the module or modules the session worked on, or Esc to leave.")) == 0) {
		free(x->modules);
		x->modules = ticked(which, ids, n);
		rc = 0;
	}
	free(which);
	free(ids);
	cb_vec_clear(&gone);
	return rc;
}

int
ui_session_correct(struct ui_app *app, const struct cb_session *was, int part)
{
	struct cb_session *x = cb_session_new();
	struct cb_err err = {0};
	int rc = -1;

	memcpy(x->id, was->id, CB_UUID_LEN);
	memcpy(x->family_id, was->family_id, CB_UUID_LEN);
	x->rev.version = was->rev.version;
	x->date = was->date;
	x->modules = cb_strdup(was->modules != NULL ? was->modules : "");
	x->present = cb_strdup(was->present != NULL ? was->present : "");
	x->covered = cb_strdup(was->covered != NULL ? was->covered : "");
	if (part == 0)
		rc = ui_prompt_date(app, _("When was the session?"), was->date, &x->date);
	else if (part == 1)
		rc = correct_present(app, was->family_id, x);
	else
		rc = correct_modules(app, x);
	if (rc != 0)
		goto out;
	rc = -1;
	if (cb_date_cmp(x->date, was->date) == 0 && same_words(x->modules, was->modules) &&
	    same_words(x->present, was->present)) {
		ui_say(app, _("Nothing was changed, so nothing was saved."));
	} else if (cb_store_session_correct(app->store, x, &err) != 0) {
		ui_fail(app, &err);
	} else {
		ui_say(app, _("Corrected: version %d."), x->rev.version);
		rc = 0;
	}
out:
	cb_session_free(&x);
	return rc;
}
