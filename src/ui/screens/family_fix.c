/* SPDX-License-Identifier: MIT */
/* Putting the family record right: a member's name, place or date of
 * birth corrected, a member removed, an allocation's role corrected, an
 * allocation ended or retracted, and the history of each. The family
 * record has no selection of its own, so each asks which one first. */
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
#include "casebook/str.h"
#include "../ui.h"
#include "family_fix.h"

/* What a pick on the family record stands for. */
enum target_kind { T_FAMILY, T_PERSON, T_ALLOCATION };

struct target {
	enum target_kind kind;
	void *record;   /* borrowed: a struct cb_person or cb_allocation */
};

struct targets {
	struct target *items;
	struct ui_choice *choices;
	char **labels;
	size_t n;
};

static void
targets_free(struct targets *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->labels[i]);
	free(t->labels);
	free(t->choices);
	free(t->items);
}

static void
target_add(struct targets *t, enum target_kind kind, void *record, char *label,
           const char *detail)
{
	t->items[t->n] = (struct target){kind, record};
	t->labels[t->n] = label;
	t->choices[t->n] = (struct ui_choice){label, detail, false};
	t->n++;
}

static char *
person_label(const struct cb_person *p)
{
	char born[CB_DATE_LEN];

	if (!cb_date_is_set(p->born))
		return cb_asprintf(_("%s (%s, date of birth not known)"), p->name,
		                   cb_member_role_label(p->role));
	cb_date_format(p->born, born);
	return cb_asprintf(_("%s (%s, born %s)"), p->name, cb_member_role_label(p->role), born);
}

/* The family (when with_family), its members and its current
 * allocations, each a line to pick. */
static void
targets_fill(struct ui_app *app, struct targets *t, bool with_family, struct cb_vec *people,
             struct cb_vec *allocs)
{
	size_t i, max = people->len + allocs->len + 2;

	t->items = cb_calloc(max, sizeof *t->items);
	t->choices = cb_calloc(max, sizeof *t->choices);
	t->labels = cb_calloc(max, sizeof *t->labels);
	t->n = 0;
	if (with_family)
		target_add(t, T_FAMILY, NULL, cb_strdup(_("The family's reference and name")), NULL);
	for (i = 0; i < people->len; i++)
		target_add(t, T_PERSON, people->items[i], person_label(people->items[i]),
		           _("A family member"));
	for (i = 0; i < allocs->len; i++) {
		const struct cb_allocation *a = allocs->items[i];

		target_add(t, T_ALLOCATION, allocs->items[i],
		           cb_asprintf(_("%s, %s (worker on the case)"),
		                       a->worker_name ? a->worker_name : "?",
		                       ui_role_label(app, a->role)),
		           _("A worker allocated to the family"));
	}
}

/* Ask which one; NULL when cancelled or there is nothing. */
static const struct target *
pick_target(struct ui_app *app, const char *title, struct targets *t)
{
	int pick;

	if (t->n == 0) {
		ui_error(app, _("There are no members or workers on this family yet."));
		return NULL;
	}
	pick = ui_pick(app, title, t->choices, t->n, 0);
	return pick < 0 ? NULL : &t->items[pick];
}

static int
load(struct ui_app *app, const char *family_id, struct cb_vec *people, struct cb_vec *allocs)
{
	struct cb_err err = {0};

	if (cb_store_person_list(app->store, family_id, people, &err) != 0 ||
	    cb_store_allocation_list(app->store, family_id, true, allocs, &err) != 0) {
		ui_fail(app, &err);
		return -1;
	}
	return 0;
}

static void
correct_person(struct ui_app *app, struct cb_person *p)
{
	struct ui_choice roles[4];
	struct cb_err err = {0};
	struct cb_date born = {0, 0, 0};
	char *name = NULL, *born_text = NULL, was_born[CB_DATE_LEN] = "";
	enum cb_member_role role;
	int i, pick;

	if (ui_prompt(app, _("Name (as the person writes it):"), p->name, &name, ui_family_not_empty, NULL,
	              NULL) != 0)
		goto out;
	for (i = 0; i < 4; i++)
		roles[i] = (struct ui_choice){cb_member_role_label((enum cb_member_role)i), NULL, false};
	if ((pick = ui_pick(app, _("Their place in the family"), roles, 4, (size_t)p->role)) < 0)
		goto out;
	role = (enum cb_member_role)pick;
	if (cb_date_is_set(p->born))
		cb_date_format(p->born, was_born);
	if (ui_prompt(app, _("Date of birth (leave empty if not known):"), was_born, &born_text,
	              ui_family_birth_date, NULL, &born) != 0)
		goto out;
	{
		char *trimmed = cb_str_trim(name);
		bool same = cb_streq(trimmed, p->name) && role == p->role &&
		            cb_date_is_set(born) == cb_date_is_set(p->born) &&
		            (!cb_date_is_set(born) || cb_date_cmp(born, p->born) == 0);

		if (same) {
			free(trimmed);
			ui_say(app, _("Nothing was changed, so nothing was saved."));
			goto out;
		}
		free(p->name);
		p->name = trimmed;
	}
	p->role = role;
	p->born = born;
	if (cb_store_person_correct(app->store, p, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Corrected %s: version %d; h shows the earlier one."), p->name,
		       p->rev.version);
out:
	free(name);
	free(born_text);
}

static void
correct_allocation(struct ui_app *app, struct cb_allocation *a)
{
	size_t nroles = cb_reflist_len(&app->ref->roles), i, initial = 0;
	struct ui_choice *roles = cb_calloc(nroles + 1, sizeof *roles);
	struct cb_err err = {0};
	struct cb_date from;
	char *question;
	int r;

	for (i = 0; i < nroles; i++) {
		roles[i].label = cb_reflist_at(&app->ref->roles, i)->label;
		roles[i].detail = cb_reflist_at(&app->ref->roles, i)->about;
		if (cb_streq(cb_reflist_at(&app->ref->roles, i)->id, a->role))
			initial = i;
	}
	question = cb_asprintf(_("%s's role on this case"), a->worker_name ? a->worker_name : "?");
	r = ui_pick(app, question, roles, nroles, initial);
	if (r < 0)
		goto out;
	if (ui_prompt_date(app, _("Allocated since"),
	                   cb_date_is_set(a->from) ? a->from : cb_date_today(), &from) != 0)
		goto out;
	if (cb_streq(cb_reflist_at(&app->ref->roles, (size_t)r)->id, a->role) &&
	    cb_date_is_set(a->from) && cb_date_cmp(from, a->from) == 0) {
		ui_say(app, _("Nothing was changed, so nothing was saved."));
		goto out;
	}
	free(a->role);
	a->role = cb_strdup(cb_reflist_at(&app->ref->roles, (size_t)r)->id);
	a->from = from;
	if (cb_store_allocation_correct(app->store, a, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Corrected: %s is %s on this case."), a->worker_name ? a->worker_name : "?",
		       ui_role_label(app, a->role));
out:
	free(question);
	free(roles);
}

int
ui_family_fix_correct(struct ui_app *app, const char *family_id)
{
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec allocs = CB_VEC_OWNING(cb_allocation_free_item);
	struct targets t = {0};
	const struct target *pick;
	int rc = 0;

	if (load(app, family_id, &people, &allocs) != 0)
		goto out;
	targets_fill(app, &t, true, &people, &allocs);
	if ((pick = pick_target(app, _("Correct what? (a new version; the old one is kept)"), &t)) ==
	    NULL)
		goto out;
	switch (pick->kind) {
	case T_FAMILY: rc = 1; break;
	case T_PERSON: correct_person(app, pick->record); break;
	case T_ALLOCATION: correct_allocation(app, pick->record); break;
	}
out:
	targets_free(&t);
	cb_vec_clear(&people);
	cb_vec_clear(&allocs);
	return rc;
}

static void
remove_person(struct ui_app *app, const struct cb_person *p)
{
	struct cb_err err = {0};
	char *reason = NULL, *question;

	question = cb_asprintf(_("Remove %s from the family? Everything recorded stays in the "
	                         "history. Why?"),
	                       p->name);
	if (ui_prompt(app, question, "", &reason, ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_person_retract(app->store, p->id, p->rev.version, reason, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Removed %s; the record and the reason stay in the history."),
			       p->name);
	}
	free(reason);
	free(question);
}

static void
end_allocation(struct ui_app *app, struct cb_allocation *a)
{
	struct ui_choice how[2] = {
		{_("End it: they no longer work with the family"),
		 _("The allocation gets an end date and stays in the record."), false},
		{_("Retract it: it was made in error"),
		 _("It is withdrawn with a reason, and stays in the history."), false},
	};
	struct cb_err err = {0};
	char *title, *reason = NULL;
	int pick;

	title = cb_asprintf(_("%s, %s"), a->worker_name ? a->worker_name : "?",
	                    ui_role_label(app, a->role));
	pick = ui_pick(app, title, how, 2, 0);
	if (pick == 0) {
		struct cb_date until;

		if (ui_prompt_date(app, _("The last day of the allocation"), cb_date_today(), &until) != 0)
			goto out;
		a->until = until;
		if (cb_store_allocation_correct(app->store, a, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Ended %s's allocation; it stays in the record."),
			       a->worker_name ? a->worker_name : "?");
	} else if (pick == 1) {
		if (ui_prompt(app, _("Retract the allocation? It stays in the history. Why?"), "",
		              &reason, ui_need_reason, NULL, NULL) != 0)
			goto out;
		if (cb_store_allocation_retract(app->store, a->id, a->rev.version, reason, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Retracted; the allocation and the reason stay in its history."));
	}
out:
	free(title);
	free(reason);
}

void
ui_family_fix_remove(struct ui_app *app, const char *family_id)
{
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec allocs = CB_VEC_OWNING(cb_allocation_free_item);
	struct targets t = {0};
	const struct target *pick;

	if (load(app, family_id, &people, &allocs) != 0)
		goto out;
	targets_fill(app, &t, false, &people, &allocs);
	if ((pick = pick_target(app, _("Remove a member, or end a worker's allocation?"), &t)) ==
	    NULL)
		goto out;
	if (pick->kind == T_PERSON)
		remove_person(app, pick->record);
	else if (pick->kind == T_ALLOCATION)
		end_allocation(app, pick->record);
out:
	targets_free(&t);
	cb_vec_clear(&people);
	cb_vec_clear(&allocs);
}

static void
person_history(struct ui_app *app, const struct cb_person *p, const struct ui_screen *about)
{
	struct cb_vec hist = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_person_history(app->store, p->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < hist.len; i++)
		ui_version_push(&versions, &((struct cb_person *)hist.items[i])->rev,
		                person_label(hist.items[i]));
	ui_open_history(app, _("History of a family member"), &versions, about);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

static void
allocation_history(struct ui_app *app, const struct cb_allocation *a,
                   const struct ui_screen *about)
{
	struct cb_vec hist = CB_VEC_OWNING(cb_allocation_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_allocation_history(app->store, a->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		const struct cb_allocation *x = hist.items[i];
		char from[CB_DATE_LEN] = "?", until[CB_DATE_LEN] = "";

		if (cb_date_is_set(x->from))
			cb_date_format(x->from, from);
		if (cb_date_is_set(x->until))
			cb_date_format(x->until, until);
		ui_version_push(&versions, &x->rev,
		                until[0] != '\0'
		                    ? cb_asprintf(_("%s, %s, from %s to %s"), x->worker_name,
		                                  ui_role_label(app, x->role), from, until)
		                    : cb_asprintf(_("%s, %s, from %s"), x->worker_name,
		                                  ui_role_label(app, x->role), from));
	}
	ui_open_history(app, _("History of an allocation"), &versions, about);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

int
ui_family_fix_history(struct ui_app *app, const char *family_id, const struct ui_screen *about)
{
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec allocs = CB_VEC_OWNING(cb_allocation_free_item);
	struct targets t = {0};
	const struct target *pick;
	int rc = 0;

	if (load(app, family_id, &people, &allocs) != 0)
		goto out;
	targets_fill(app, &t, true, &people, &allocs);
	if ((pick = pick_target(app, _("The history of what?"), &t)) == NULL)
		goto out;
	switch (pick->kind) {
	case T_FAMILY: rc = 1; break;
	case T_PERSON: person_history(app, pick->record, about); break;
	case T_ALLOCATION: allocation_history(app, pick->record, about); break;
	}
out:
	targets_free(&t);
	cb_vec_clear(&people);
	cb_vec_clear(&allocs);
	return rc;
}
