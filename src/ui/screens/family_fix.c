/* SPDX-License-Identifier: MIT */
/* Putting the family record right: a member's name, place or date of
 * birth corrected, a member removed, a child's status corrected or
 * retracted, an allocation's role corrected, an allocation ended or
 * retracted, an active goal retracted (or opened to correct it), an
 * open action corrected or retracted (action_fix.c), and the history of
 * each, of the retracted ones and of the ended allocations too (h offers
 * them after the current ones, marked). The family record has no
 * selection of its own, so each asks which one first. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/meeting.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "../ui.h"
#include "action_fix.h"
#include "family_fix.h"
#include "goal.h"

/* What a pick on the family record stands for. */
enum target_kind { T_FAMILY, T_PERSON, T_STATUS, T_ALLOCATION, T_GOAL, T_ACTION };

struct target {
	enum target_kind kind;
	void *record;   /* borrowed: a struct cb_person, cb_status, cb_allocation, cb_goal or
	                  cb_action */
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

/* Choose from a reference list, starting at initial; NULL when cancelled. */
static const struct cb_refitem *
pick_ref(struct ui_app *app, const char *title, const struct cb_reflist *l, const char *initial)
{
	size_t n = cb_reflist_len(l), i, at = 0;
	struct ui_choice *items = cb_calloc(n + 1, sizeof *items);
	const struct cb_refitem *out = NULL;
	int pick;

	for (i = 0; i < n; i++) {
		const struct cb_refitem *it = cb_reflist_at(l, i);

		items[i].label = it->label;
		items[i].detail = it->about;
		if (cb_streq(it->id, initial))
			at = i;
	}
	pick = ui_pick(app, title, items, n, at);
	if (pick >= 0)
		out = cb_reflist_at(l, (size_t)pick);
	free(items);
	return out;
}

int
ui_family_status_form(struct ui_app *app, struct cb_status *s)
{
	const struct cb_refitem *st, *cat = NULL, *legal = NULL, *need;
	size_t nf = cb_reflist_len(&app->ref->factors), i, k = 0;
	struct ui_choice *fi = cb_calloc(nf + 1, sizeof *fi);
	const struct cb_refitem **fm = cb_calloc(nf + 1, sizeof *fm);
	struct cb_buf factors = {0};
	struct cb_date from;
	int rc = -1;

	if ((st = pick_ref(app, _("Status"), &app->ref->statuses, s->status)) == NULL)
		goto out;
	if (cb_streq(st->id, "cp") &&
	    (cat = pick_ref(app, _("Child protection category"), &app->ref->cp_categories,
	                    s->cp_category)) == NULL)
		goto out;
	if (cb_streq(st->id, "cla") &&
	    (legal = pick_ref(app, _("Legal status"), &app->ref->legal_statuses, s->legal)) == NULL)
		goto out;
	if ((need = pick_ref(app, _("Primary need"), &app->ref->primary_need, s->need)) == NULL)
		goto out;
	for (i = 0; i < nf; i++) {
		const struct cb_refitem *it = cb_reflist_at(&app->ref->factors, i);

		/* Legacy codes are offered only where they were recorded. */
		if (it->legacy && !cb_str_has_word(s->factors, it->id))
			continue;
		fi[k].label = it->label;
		fi[k].checked = cb_str_has_word(s->factors, it->id);
		fm[k++] = it;
	}
	if (ui_pick_many(app, _("Factors at the end of assessment"), fi, k) != 0)
		goto out;
	for (i = 0; i < k; i++)
		if (fi[i].checked)
			cb_buf_addf(&factors, "%s%s", factors.len ? " " : "", fm[i]->id);
	if (ui_prompt_date(app, _("Since when?"),
	                   cb_date_is_set(s->from) ? s->from : cb_date_today(), &from) != 0)
		goto out;
	free(s->status);
	free(s->cp_category);
	free(s->legal);
	free(s->need);
	free(s->factors);
	s->status = cb_strdup(st->id);
	s->cp_category = cat != NULL ? cb_strdup(cat->id) : NULL;
	s->legal = legal != NULL ? cb_strdup(legal->id) : NULL;
	s->need = cb_strdup(need->id);
	s->factors = factors.len ? cb_buf_take(&factors) : NULL;
	s->from = from;
	rc = 0;
out:
	cb_buf_free(&factors);
	free(fi);
	free(fm);
	return rc;
}

static const char *
person_name(const struct cb_vec *people, const char *id)
{
	size_t i;

	for (i = 0; i < people->len; i++)
		if (cb_streq(((const struct cb_person *)people->items[i])->id, id))
			return ((const struct cb_person *)people->items[i])->name;
	return "?";
}

static char *
status_text(struct ui_app *app, const struct cb_status *x)
{
	const struct cb_refitem *it = cb_reflist_find(&app->ref->statuses, x->status);
	char from[CB_DATE_LEN] = "?";

	if (cb_date_is_set(x->from))
		cb_date_format(x->from, from);
	return cb_asprintf(_("%s%s%s since %s (need %s%s%s)"),
	                   it != NULL && it->label != NULL ? it->label : x->status,
	                   x->cp_category != NULL ? " " : "",
	                   x->cp_category != NULL ? x->cp_category : "", from,
	                   x->need != NULL ? x->need : "-", x->factors != NULL ? _(", factors ") : "",
	                   x->factors != NULL ? x->factors : "");
}

/* What the family record shows that can be put right, read afresh each
 * time. */
struct records {
	struct cb_vec people;      /* struct cb_person */
	struct cb_vec statuses;    /* struct cb_status, the children's */
	struct cb_vec allocs;      /* struct cb_allocation, current */
	struct cb_vec goals;       /* struct cb_goal, active */
	struct cb_vec actions;     /* struct cb_action, open */
	struct cb_vec ended;       /* struct cb_allocation, ended (for h only) */
};

#define RECORDS_INIT                                                                       \
	{CB_VEC_OWNING(cb_person_free_item), CB_VEC_OWNING(cb_status_free_item),              \
	 CB_VEC_OWNING(cb_allocation_free_item), CB_VEC_OWNING(cb_goal_free_item),             \
	 CB_VEC_OWNING(cb_action_free_item), CB_VEC_OWNING(cb_allocation_free_item)}

static void
records_clear(struct records *r)
{
	cb_vec_clear(&r->people);
	cb_vec_clear(&r->statuses);
	cb_vec_clear(&r->allocs);
	cb_vec_clear(&r->goals);
	cb_vec_clear(&r->actions);
	cb_vec_clear(&r->ended);
}

static char *
action_label(const struct cb_action *a)
{
	char due[CB_DATE_LEN];

	cb_date_format(a->due, due);
	return cb_asprintf(_("%s (%s, due %s)"), a->text, a->owner_name ? a->owner_name : "?", due);
}

/* The family (when with_family), its members, the children's statuses,
 * the current allocations and the open actions, each a line to pick. */
static void
targets_fill(struct ui_app *app, struct targets *t, bool with_family, struct records *r)
{
	struct cb_vec *people = &r->people, *statuses = &r->statuses, *allocs = &r->allocs;
	size_t i, max = people->len + statuses->len + allocs->len + r->goals.len + r->actions.len + 2;

	t->items = cb_calloc(max, sizeof *t->items);
	t->choices = cb_calloc(max, sizeof *t->choices);
	t->labels = cb_calloc(max, sizeof *t->labels);
	t->n = 0;
	if (with_family)
		target_add(t, T_FAMILY, NULL, cb_strdup(_("The family's reference and name")), NULL);
	for (i = 0; i < people->len; i++)
		target_add(t, T_PERSON, people->items[i], person_label(people->items[i]),
		           _("A family member"));
	for (i = 0; i < statuses->len; i++) {
		const struct cb_status *x = statuses->items[i];
		char *what = status_text(app, x);

		target_add(t, T_STATUS, statuses->items[i],
		           cb_asprintf(_("%s: %s"), person_name(people, x->person_id), what),
		           _("A child's status"));
		free(what);
	}
	for (i = 0; i < allocs->len; i++) {
		const struct cb_allocation *a = allocs->items[i];

		target_add(t, T_ALLOCATION, allocs->items[i],
		           cb_asprintf(_("%s, %s (worker on the case)"),
		                       a->worker_name ? a->worker_name : "?",
		                       ui_role_label(app, a->role)),
		           _("A worker allocated to the family"));
	}
	for (i = 0; i < r->goals.len; i++) {
		const struct cb_goal *g = r->goals.items[i];

		target_add(t, T_GOAL, r->goals.items[i],
		           cb_asprintf(_("\"%s\" (%s's goal)"), g->words, ui_goal_whose(g)),
		           _("An active goal"));
	}
	for (i = 0; i < r->actions.len; i++)
		target_add(t, T_ACTION, r->actions.items[i], action_label(r->actions.items[i]),
		           _("An open action"));
}

/* Ask which one; NULL when cancelled or there is nothing. */
static const struct target *
pick_target(struct ui_app *app, const char *title, struct targets *t)
{
	int pick;

	if (t->n == 0) {
		ui_error(app, _("There are no members, workers or open actions on this family yet."));
		return NULL;
	}
	pick = ui_pick(app, title, t->choices, t->n, 0);
	return pick < 0 ? NULL : &t->items[pick];
}

static int
load(struct ui_app *app, const char *family_id, struct records *r)
{
	struct cb_err err = {0};
	size_t i;

	if (cb_store_person_list(app->store, family_id, &r->people, &err) != 0 ||
	    cb_store_allocation_list(app->store, family_id, true, &r->allocs, &err) != 0 ||
	    cb_store_action_list(app->store, family_id, true, &r->actions, &err) != 0 ||
	    cb_store_goal_list(app->store, family_id, &r->goals, &err) != 0) {
		ui_fail(app, &err);
		return -1;
	}
	/* The record shows the active goals; the rest are on the goals list. */
	for (i = r->goals.len; i-- > 0;)
		if (!cb_streq(((const struct cb_goal *)r->goals.items[i])->status, "active"))
			cb_vec_remove(&r->goals, i);
	for (i = 0; i < r->people.len; i++) {
		const struct cb_person *p = r->people.items[i];

		if (p->role == CB_MEMBER_CHILD &&
		    cb_store_status_list(app->store, p->id, &r->statuses, &err) != 0) {
			ui_fail(app, &err);
			return -1;
		}
	}
	return 0;
}

static bool
same_status(const struct cb_status *a, const struct cb_status *b)
{
	return cb_streq(a->status, b->status) && cb_streq(a->cp_category, b->cp_category) &&
	       cb_streq(a->legal, b->legal) && cb_streq(a->need, b->need) &&
	       cb_streq(a->factors, b->factors) && cb_date_cmp(a->from, b->from) == 0;
}

static void
correct_status(struct ui_app *app, const struct cb_status *cur)
{
	struct cb_status *x = cb_status_new();
	struct cb_err err = {0};

	memcpy(x->id, cur->id, CB_UUID_LEN);
	memcpy(x->person_id, cur->person_id, CB_UUID_LEN);
	x->rev.version = cur->rev.version;
	x->status = cb_strdup(cur->status);
	x->cp_category = cur->cp_category ? cb_strdup(cur->cp_category) : NULL;
	x->legal = cur->legal ? cb_strdup(cur->legal) : NULL;
	x->need = cur->need ? cb_strdup(cur->need) : NULL;
	x->factors = cur->factors ? cb_strdup(cur->factors) : NULL;
	x->from = cur->from;
	if (ui_family_status_form(app, x) != 0)
		goto out;
	if (same_status(x, cur))
		ui_say(app, _("Nothing changed: the status stays as it was."));
	else if (cb_status_check(x, app->ref, &err) != 0 ||
	         cb_store_status_correct(app->store, x, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Corrected: version %d; h shows the earlier one."), x->rev.version);
out:
	cb_status_free(&x);
}

static void
retract_status(struct ui_app *app, const struct cb_status *x)
{
	struct cb_err err = {0};
	char *reason = NULL;

	if (ui_prompt(app, _("Retract this status? It was recorded in error; it stays in the "
	                     "history. Why?"),
	              "", &reason, ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_status_retract(app->store, x->id, x->rev.version, reason, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Retracted; the status and the reason stay in its history."));
	}
	free(reason);
}

static void
status_history(struct ui_app *app, const struct cb_status *x, const struct ui_screen *about)
{
	struct cb_vec hist = CB_VEC_OWNING(cb_status_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_status_history(app->store, x->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		cb_vec_clear(&hist);
		return;
	}
	for (i = 0; i < hist.len; i++)
		ui_version_push(&versions, &((struct cb_status *)hist.items[i])->rev,
		                status_text(app, hist.items[i]));
	ui_open_history(app, _("History of a child's status"), &versions, about);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
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
	struct records r = RECORDS_INIT;
	struct targets t = {0};
	const struct target *pick;
	int rc = 0;

	if (load(app, family_id, &r) != 0)
		goto out;
	targets_fill(app, &t, true, &r);
	if ((pick = pick_target(app, _("Correct what? (a new version; the old one is kept)"), &t)) ==
	    NULL)
		goto out;
	switch (pick->kind) {
	case T_FAMILY: rc = 1; break;
	case T_PERSON: correct_person(app, pick->record); break;
	case T_STATUS: correct_status(app, pick->record); break;
	case T_ALLOCATION: correct_allocation(app, pick->record); break;
	case T_GOAL:
		/* A goal is corrected part by part on its own screen. */
		ui_open_goal(app, ((const struct cb_goal *)pick->record)->id);
		ui_say(app, _("e corrects the goal or a review, s marks it achieved, changed or "
		              "stopped, d retracts."));
		break;
	case T_ACTION: ui_action_correct(app, pick->record, &r.people); break;
	}
out:
	targets_free(&t);
	records_clear(&r);
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

/* The whole family record, opened in error: retracted with a reason. It
 * leaves the caseload; everything in it stays in the history. 0 when it
 * was retracted. */
static int
retract_family(struct ui_app *app, const char *family_id)
{
	struct cb_family *f = NULL;
	struct cb_err err = {0};
	char *reason = NULL, *q = NULL;
	int rc = -1;

	if (cb_store_family_get(app->store, family_id, &f, &err) != 0) {
		ui_fail(app, &err);
		return -1;
	}
	q = cb_asprintf(_("Retract the whole record of %s %s? Only if it was opened in error: it "
	                  "leaves the caseload, and everything in it stays in the history. Why?"),
	                f->reference, f->name);
	if (ui_prompt(app, q, "", &reason, ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_family_retract(app->store, f->id, f->rev.version, reason, &err) != 0) {
			ui_fail(app, &err);
		} else {
			ui_say(app, _("Retracted the record of %s; it and the reason stay in the history."),
			       f->reference);
			rc = 0;
		}
	}
	free(q);
	free(reason);
	cb_family_free(&f);
	return rc;
}

int
ui_family_fix_remove(struct ui_app *app, const char *family_id)
{
	struct records r = RECORDS_INIT;
	struct targets t = {0};
	const struct target *pick;
	int rc = 0;

	if (load(app, family_id, &r) != 0)
		goto out;
	targets_fill(app, &t, false, &r);
	/* Last, so that it is never the one Enter takes by default. */
	target_add(&t, T_FAMILY, NULL, cb_strdup(_("The whole family record, opened in error")),
	           _("It leaves the caseload; everything in it stays in the history."));
	if ((pick = pick_target(app, _("Remove a member, retract a record, or end an allocation?"),
	                        &t)) == NULL)
		goto out;
	if (pick->kind == T_FAMILY)
		rc = retract_family(app, family_id) == 0 ? 1 : 0;
	else if (pick->kind == T_ACTION)
		ui_action_retract(app, pick->record);
	else if (pick->kind == T_GOAL)
		ui_goal_retract(app, pick->record);
	else if (pick->kind == T_PERSON)
		remove_person(app, pick->record);
	else if (pick->kind == T_STATUS)
		retract_status(app, pick->record);
	else if (pick->kind == T_ALLOCATION)
		end_allocation(app, pick->record);
out:
	targets_free(&t);
	records_clear(&r);
	return rc;
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

/* The records of the family that were retracted (a member removed, a
 * status, allocation, goal or action withdrawn), each as its retracting
 * version; and the allocations that have ended, which have left the
 * record too. */
static int
load_retracted(struct ui_app *app, const char *family_id, struct records *r)
{
	struct cb_err err = {0};
	size_t i;

	if (cb_store_person_retracted(app->store, family_id, &r->people, &err) != 0 ||
	    cb_store_status_retracted(app->store, family_id, &r->statuses, &err) != 0 ||
	    cb_store_allocation_retracted(app->store, family_id, &r->allocs, &err) != 0 ||
	    cb_store_goal_retracted(app->store, family_id, &r->goals, &err) != 0 ||
	    cb_store_action_retracted(app->store, family_id, &r->actions, &err) != 0 ||
	    cb_store_allocation_list(app->store, family_id, false, &r->ended, &err) != 0) {
		ui_fail(app, &err);
		return -1;
	}
	for (i = r->ended.len; i-- > 0;)
		if (!cb_date_is_set(((const struct cb_allocation *)r->ended.items[i])->until))
			cb_vec_remove(&r->ended, i);
	return 0;
}

/* After the current records: the retracted ones, marked so, for their
 * history (with who retracted them, when and why). */
static void
targets_add_retracted(struct ui_app *app, struct targets *t, const struct records *gone,
                      const struct records *r)
{
	size_t i, max = t->n + gone->people.len + gone->statuses.len + gone->allocs.len +
	                gone->goals.len + gone->actions.len + gone->ended.len + 1;

	t->items = cb_realloc(t->items, max * sizeof *t->items);
	t->choices = cb_realloc(t->choices, max * sizeof *t->choices);
	t->labels = cb_realloc(t->labels, max * sizeof *t->labels);
	for (i = 0; i < gone->people.len; i++) {
		const struct cb_person *p = gone->people.items[i];

		target_add(t, T_PERSON, gone->people.items[i],
		           ui_retracted_label(&p->rev, person_label(p)), _("A member removed"));
	}
	for (i = 0; i < gone->statuses.len; i++) {
		const struct cb_status *x = gone->statuses.items[i];
		char *what = status_text(app, x);
		const char *whose = person_name(&r->people, x->person_id);

		if (cb_streq(whose, "?"))
			whose = person_name(&gone->people, x->person_id);
		target_add(t, T_STATUS, gone->statuses.items[i],
		           ui_retracted_label(&x->rev, cb_asprintf(_("%s: %s"), whose, what)),
		           _("A child's status, retracted"));
		free(what);
	}
	for (i = 0; i < gone->allocs.len; i++) {
		const struct cb_allocation *a = gone->allocs.items[i];

		target_add(t, T_ALLOCATION, gone->allocs.items[i],
		           ui_retracted_label(&a->rev, cb_asprintf(_("%s, %s (worker on the case)"),
		                                                   a->worker_name ? a->worker_name
		                                                                  : "?",
		                                                   ui_role_label(app, a->role))),
		           _("An allocation, retracted"));
	}
	for (i = 0; i < gone->ended.len; i++) {
		const struct cb_allocation *a = gone->ended.items[i];
		char until[CB_DATE_LEN];

		cb_date_format(a->until, until);
		target_add(t, T_ALLOCATION, gone->ended.items[i],
		           cb_asprintf(_("%s, %s (worker on the case, ended %s)"),
		                       a->worker_name ? a->worker_name : "?",
		                       ui_role_label(app, a->role), until),
		           _("An allocation that has ended"));
	}
	for (i = 0; i < gone->goals.len; i++) {
		const struct cb_goal *g = gone->goals.items[i];

		target_add(t, T_GOAL, gone->goals.items[i],
		           ui_retracted_label(&g->rev, cb_asprintf(_("\"%s\" (%s's goal)"), g->words,
		                                                   ui_goal_whose(g))),
		           _("A goal, retracted"));
	}
	for (i = 0; i < gone->actions.len; i++) {
		const struct cb_action *a = gone->actions.items[i];

		target_add(t, T_ACTION, gone->actions.items[i],
		           ui_retracted_label(&a->rev, action_label(a)), _("An action, retracted"));
	}
}

int
ui_family_fix_history(struct ui_app *app, const char *family_id, const struct ui_screen *about)
{
	struct records r = RECORDS_INIT, gone = RECORDS_INIT;
	struct targets t = {0};
	const struct target *pick;
	int rc = 0;

	if (load(app, family_id, &r) != 0 || load_retracted(app, family_id, &gone) != 0)
		goto out;
	targets_fill(app, &t, true, &r);
	targets_add_retracted(app, &t, &gone, &r);
	if ((pick = pick_target(app, _("The history of what?"), &t)) == NULL)
		goto out;
	switch (pick->kind) {
	case T_FAMILY: rc = 1; break;
	case T_PERSON: person_history(app, pick->record, about); break;
	case T_STATUS: status_history(app, pick->record, about); break;
	case T_ALLOCATION: allocation_history(app, pick->record, about); break;
	case T_GOAL: ui_goal_history(app, pick->record, about); break;
	case T_ACTION:
		ui_action_history(app, ((const struct cb_action *)pick->record)->id, about);
		break;
	}
out:
	targets_free(&t);
	records_clear(&gone);
	records_clear(&r);
	return rc;
}
