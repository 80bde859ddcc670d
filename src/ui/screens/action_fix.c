/* SPDX-License-Identifier: MIT */
/* An action's owner, due date and history, shared by the minutes and the
 * family record; and an action put right from the family record, where
 * the open actions are shown: its words, owner or due date corrected (a
 * new version), or the action retracted with a reason. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/store_meetings.h"
#include "casebook/str.h"
#include "../ui.h"
#include "action_fix.h"
#include "supervision.h"

int
ui_action_check_due(const char *text, void *ctx, struct cb_err *err)
{
	struct ui_due *d = ctx;
	char *t = cb_str_trim(text);
	int rc;

	if (*t == '\0')
		rc = cb_err_set(err, CB_EINVAL, _("say when it is due: +2w, 1/3, friday or YYYY-MM-DD"));
	else
		rc = cb_date_parse_quick(t, d->base, &d->out, err);
	free(t);
	return rc;
}

int
ui_action_pick_member(struct ui_app *app, const struct cb_vec *people, const char *initial,
                      struct cb_action *into)
{
	struct ui_choice *items;
	char **labels;
	size_t i, at = 0;
	int pick;

	if (people->len == 0) {
		ui_error(app, _("Nobody is recorded in this family: add them on the family record."));
		return -1;
	}
	items = cb_calloc(people->len, sizeof *items);
	labels = cb_calloc(people->len, sizeof *labels);
	for (i = 0; i < people->len; i++) {
		const struct cb_person *p = people->items[i];

		labels[i] = cb_asprintf("%s (%s)", p->name, cb_member_role_label(p->role));
		items[i].label = labels[i];
		if (cb_streq(p->id, initial))
			at = i;
	}
	pick = ui_pick(app, _("Which member of the family owns the action?"), items, people->len,
	               at);
	if (pick >= 0)
		memcpy(into->owner_person_id, ((const struct cb_person *)people->items[pick])->id,
		       CB_UUID_LEN);
	for (i = 0; i < people->len; i++)
		free(labels[i]);
	free(labels);
	free(items);
	return pick >= 0 ? 0 : -1;
}

static int
need_name(const char *text, void *ctx, struct cb_err *err)
{
	(void)ctx;
	if (cb_str_empty(text))
		return cb_err_set(err, CB_EINVAL, _("give the agency's name"));
	return 0;
}

int
ui_action_pick_agency(struct ui_app *app, const struct cb_action *current, struct cb_action *into)
{
	static const char *const words[CB_N_AGENCIES] = {
		N_("School"), N_("GP"), N_("Police"), N_("Another agency (named)"),
	};
	struct ui_choice items[CB_N_AGENCIES];
	size_t i, at = 0;
	int pick;
	char *name = NULL, *q;
	bool other;

	for (i = 0; i < CB_N_AGENCIES; i++) {
		items[i].label = _(words[i]);
		items[i].detail = NULL;
		items[i].checked = false;
		if (current != NULL && cb_streq(current->owner_agency, cb_agencies[i]))
			at = i;
	}
	pick = ui_pick(app, _("Which agency owns the action?"), items, CB_N_AGENCIES, at);
	if (pick < 0)
		return -1;
	other = cb_streq(cb_agencies[pick], "other");
	q = other ? cb_strdup(_("The agency's name? (required)"))
	          : cb_asprintf(_("The %s's name? (may be left empty)"),
	                        cb_agency_label(cb_agencies[pick]));
	if (ui_prompt(app, q,
	              current != NULL && cb_streq(current->owner_agency, cb_agencies[pick]) &&
	                      current->owner_agency_name != NULL
	                  ? current->owner_agency_name
	                  : "",
	              &name, other ? need_name : NULL, NULL, NULL) != 0) {
		free(q);
		return -1;
	}
	free(q);
	free(into->owner_agency);
	free(into->owner_agency_name);
	into->owner_agency = cb_strdup(cb_agencies[pick]);
	into->owner_agency_name = cb_str_empty(name) ? NULL : cb_str_trim(name);
	free(name);
	return 0;
}

void
ui_action_history(struct ui_app *app, const char *action_id, const struct ui_screen *about)
{
	struct cb_vec hist = CB_VEC_OWNING(cb_action_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_action_history(app->store, action_id, &hist, &err) != 0) {
		ui_fail(app, &err);
		cb_vec_clear(&hist);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		const struct cb_action *x = hist.items[i];
		char due[CB_DATE_LEN];

		cb_date_format(x->due, due);
		ui_version_push(&versions, &x->rev,
		                cb_asprintf(_("%s\nOwner %s, due %s"), x->text,
		                            x->owner_name != NULL ? x->owner_name : "?", due));
	}
	ui_open_history(app, _("History of the action"), &versions, about);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

/* From the family record */

/* Whether the minutes that agreed a (if any) are signed off: then they
 * are read-only, and this says so. */
static bool
in_signed_minutes(struct ui_app *app, const struct cb_action *a)
{
	struct cb_meeting *m = NULL;
	struct cb_err err = {0};
	bool is_signed = false;

	if (a->meeting_id[0] == '\0')
		return false;
	if (cb_store_meeting_get(app->store, a->meeting_id, &m, &err) != 0) {
		ui_fail(app, &err);
		return true;
	}
	if (m->is_signed) {
		char d[CB_DATE_LEN];

		cb_date_format(m->date, d);
		ui_error(app, _("Agreed in the minutes of %s, which are signed off and cannot change: "
		                "add an addendum to them (A), or mark it at the next meeting."),
		         d);
		is_signed = true;
	}
	cb_meeting_free(&m);
	return is_signed;
}

static struct cb_action *
action_copy(const struct cb_action *a)
{
	struct cb_action *x = cb_action_new();

	memcpy(x->id, a->id, CB_UUID_LEN);
	memcpy(x->family_id, a->family_id, CB_UUID_LEN);
	memcpy(x->meeting_id, a->meeting_id, CB_UUID_LEN);
	memcpy(x->owner_id, a->owner_id, CB_UUID_LEN);
	memcpy(x->owner_person_id, a->owner_person_id, CB_UUID_LEN);
	x->rev.version = a->rev.version;
	x->text = cb_strdup(a->text);
	x->owner_agency = a->owner_agency != NULL ? cb_strdup(a->owner_agency) : NULL;
	x->owner_agency_name = a->owner_agency_name != NULL ? cb_strdup(a->owner_agency_name) : NULL;
	x->due = a->due;
	return x;
}

bool
ui_action_same(const struct cb_action *a, const struct cb_action *b)
{
	return cb_streq(a->text, b->text) && cb_streq(a->owner_id, b->owner_id) &&
	       cb_streq(a->owner_person_id, b->owner_person_id) &&
	       cb_streq(a->owner_agency, b->owner_agency) &&
	       cb_streq(a->owner_agency_name, b->owner_agency_name) &&
	       cb_date_cmp(a->due, b->due) == 0;
}

/* Who owns it now: a worker, a member of the family, or an agency. */
static int
pick_owner(struct ui_app *app, const struct cb_action *a, const struct cb_vec *people,
           struct cb_action *into)
{
	struct ui_choice kinds[3] = {
		{_("A worker..."), NULL, false},
		{_("A member of the family: a parent, the child..."), NULL, false},
		{_("Another agency: the school, the GP, the police..."), NULL, false},
	};
	size_t at = a->owner_person_id[0] != '\0' ? 1 : a->owner_agency != NULL ? 2 : 0;
	int pick;

	pick = ui_pick(app, _("Who owns the action?"), kinds, 3, at);
	if (pick < 0)
		return -1;
	into->owner_id[0] = '\0';
	into->owner_person_id[0] = '\0';
	free(into->owner_agency);
	free(into->owner_agency_name);
	into->owner_agency = into->owner_agency_name = NULL;
	switch (pick) {
	case 0:
		return ui_sup_pick_worker(app, _("Who owns the action?"),
		                          a->owner_id[0] != '\0' ? a->owner_id : NULL, NULL,
		                          into->owner_id);
	case 1: return ui_action_pick_member(app, people, a->owner_person_id, into);
	default: return ui_action_pick_agency(app, a, into);
	}
}

struct words_edit {
	struct cb_action *x;
	const struct cb_action *was;
	bool unchanged;
};

static int
save_words(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
           struct cb_err *err)
{
	struct words_edit *w = ctx;
	int rc;

	free(w->x->text);
	w->x->text = cb_str_trim(text);
	if (ui_action_same(w->x, w->was)) {
		w->unchanged = true;
		return 0;
	}
	rc = cb_store_action_correct(app->store, w->x, err);
	if (rc != 0)
		memcpy(pending, w->x->rev.row_id, CB_UUID_LEN);
	return rc;
}

void
ui_action_correct(struct ui_app *app, const struct cb_action *a, const struct cb_vec *people)
{
	struct cb_action *x;
	struct ui_choice parts[3];
	struct cb_err err = {0};
	char due[CB_DATE_LEN], *owner, *when, *text = NULL;
	int part;

	if (in_signed_minutes(app, a))
		return;
	cb_date_format(a->due, due);
	owner = cb_asprintf(_("Who owns it: %s"), a->owner_name != NULL ? a->owner_name : "?");
	when = cb_asprintf(_("When it is due: %s"), due);
	parts[0] = (struct ui_choice){_("What is to be done"), NULL, false};
	parts[1] = (struct ui_choice){owner, NULL, false};
	parts[2] = (struct ui_choice){when, NULL, false};
	part = ui_pick(app, _("Correct what in the action? (a new version; the old one is kept)"),
	               parts, 3, 0);
	free(owner);
	free(when);
	if (part < 0)
		return;
	x = action_copy(a);
	if (part == 0) {
		struct words_edit w = {x, a, false};
		struct ui_edit e = {0};
		char *draft = cb_asprintf("action:%s", a->id);

		const struct cb_module *sup = app->prog != NULL ? app->prog->supervision : NULL;
		const struct cb_field *f = sup != NULL ? cb_module_field(sup, "actions.actions", NULL)
		                                       : NULL;

		e.title = _("Correcting an action (a new version; the old one is kept)");
		e.example = f != NULL ? f->example : NULL;
		e.label = _("One task, in a sentence: what is to be done and what for. Enter saves.");
		e.initial = a->text;
		e.base_rev = &a->rev;
		e.draft_key = draft;
		e.family_id = a->family_id;
		e.single_paragraph = true;
		e.save = save_words;
		e.ctx = &w;
		if (ui_edit_text(app, &e) == 0) {
			if (w.unchanged)
				ui_say(app, _("Nothing changed: the action stays as it was."));
			else
				ui_say(app, _("Corrected: version %d; h shows the earlier one."),
				       x->rev.version);
		}
		free(draft);
		goto out;
	}
	if (part == 1) {
		if (pick_owner(app, a, people, x) != 0)
			goto out;
	} else {
		struct ui_due d = {cb_date_today(), {0, 0, 0}};

		if (ui_prompt(app, _("Due by when? +2w, 1/3, friday or YYYY-MM-DD (from today)"), due,
		              &text, ui_action_check_due, NULL, &d) != 0)
			goto out;
		x->due = d.out;
	}
	if (ui_action_same(x, a))
		ui_say(app, _("Nothing changed: the action stays as it was."));
	else if (cb_store_action_correct(app->store, x, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Corrected: version %d; h shows the earlier one."), x->rev.version);
out:
	free(text);
	cb_action_free(&x);
}

void
ui_action_retract(struct ui_app *app, const struct cb_action *a)
{
	struct cb_err err = {0};
	char *reason = NULL, *q;

	if (in_signed_minutes(app, a))
		return;
	q = cb_asprintf(_("Retract \"%s\"? It stays in the history. Why? (required)"), a->text);
	if (ui_prompt(app, q, "", &reason, ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_action_retract(app->store, a->id, a->rev.version, reason, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Action retracted. It stays in the history."));
	}
	free(q);
	free(reason);
}
