/* SPDX-License-Identifier: MIT */
/* What the keys do in each part of a family's minutes. Every change is
 * one store call; long text goes through the editor with a draft; a
 * dialog left with Esc changes nothing. Signed minutes refuse changes
 * here before the store would. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store_answers.h"
#include "casebook/store_meetings.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "minutes_parts.h"

static bool
writable(struct ui_app *app, const struct minutes *s)
{
	if (!s->m->is_signed)
		return true;
	ui_error(app, UI_SUP_SIGNED_MSG);
	return false;
}

static bool
in_part(struct ui_app *app, const struct minutes *s, enum mp_part part, const char *what)
{
	if (s->part == part)
		return true;
	ui_error(app, _("%s: Tab to the %s part."), what, mp_part_name(part));
	return false;
}

static void
show_text(struct ui_app *app, struct ui_screen *scr, const char *title, const char *text)
{
	ui_open_text(app, title, !cb_str_empty(text) ? text : _("Nothing recorded."), scr);
}

/* Attendance */

static const struct mp_att_row *
sel_row(const struct minutes *s)
{
	return s->rows.len > 0 ? s->rows.items[s->list[MP_ATTEND].sel] : NULL;
}

static int
set_attendance(struct ui_app *app, const struct minutes *s, const char *worker_id,
               const char *status, const char *text, char pending[CB_UUID_LEN],
               struct cb_err *err)
{
	struct cb_attendance *a = cb_attendance_new();
	int rc;

	memcpy(a->item_id, s->item_id, CB_UUID_LEN);
	memcpy(a->worker_id, worker_id, CB_UUID_LEN);
	a->status = cb_strdup(status);
	a->contribution = cb_strdup(text);
	rc = cb_store_attendance_set(app->store, a, err);
	if (rc != 0 && pending != NULL)
		memcpy(pending, a->rev.row_id, CB_UUID_LEN);
	cb_attendance_free(&a);
	return rc;
}

struct contrib_edit {
	const struct minutes *s;
	const char *worker_id;
};

static int
save_contribution(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
                  struct cb_err *err)
{
	struct contrib_edit *c = ctx;

	return set_attendance(app, c->s, c->worker_id, "written", text, pending, err);
}

/* Write (or correct) a worker's contribution; 0 when saved. */
static int
write_contribution(struct ui_app *app, struct minutes *s, const struct mp_att_row *r)
{
	struct contrib_edit c = {s, r->worker_id};
	struct ui_edit e = {0};
	char *key, *title, *label;
	int rc;

	key = cb_asprintf("contribution:%s:%s", s->item_id, r->worker_id);
	title = cb_asprintf(_("Written contribution from %s"), r->name ? r->name : "?");
	label = cb_asprintf(_("%s cannot be here. What they want the group to know: what has "
	                      "changed, their worries, their view of the risk. Ctrl-S saves."),
	                    r->name ? r->name : "?");
	e.title = title;
	e.label = label;
	e.initial = r->a != NULL ? r->a->contribution : NULL;
	e.base_rev = r->a != NULL ? &r->a->rev : NULL;
	e.draft_key = key;
	e.family_id = s->family_id;
	e.save = save_contribution;
	e.ctx = &c;
	rc = ui_edit_text(app, &e);
	free(key);
	free(title);
	free(label);
	return rc;
}

/* A contribution prepared in the workbook becomes the written one. */
static void
use_prepared(struct ui_app *app, struct ui_screen *scr, const struct mp_att_row *r)
{
	struct minutes *s = scr->state;
	struct cb_err err = {0};
	char d[CB_DATE_LEN], *name = cb_strdup(r->name ? r->name : "?");

	cb_date_format(r->prepared->date, d);
	if (set_attendance(app, s, r->worker_id, "written", r->prepared->text, NULL, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("%s: written contribution taken from the case note of %s."), name, d);
	free(name);
	mp_reload(app, scr);
}

static void
cycle_attendance(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	const struct mp_att_row *r = sel_row(s);
	struct cb_err err = {0};
	const char *next;

	if (!writable(app, s) || !in_part(app, s, MP_ATTEND, _("Space changes attendance")))
		return;
	if (r == NULL) {
		ui_error(app, _("Nobody to mark: press a to add a worker."));
		return;
	}
	next = cb_attendance_next(r->a != NULL ? r->a->status : NULL);
	if (cb_streq(next, "written")) {
		if (r->prepared != NULL) {
			use_prepared(app, scr, r);
		} else if (write_contribution(app, s, r) != 0) {
			char *name = cb_strdup(r->name ? r->name : "?");

			/* No text, no written contribution: apologies it stays. */
			if (!cb_streq(r->a != NULL ? r->a->status : NULL, "apologies") &&
			    set_attendance(app, s, r->worker_id, "apologies", NULL, NULL, &err) != 0)
				ui_fail(app, &err);
			else
				ui_say(app, _("%s: apologies. w writes a contribution when one comes."),
				       name);
			free(name);
		}
		mp_reload(app, scr);
		return;
	}
	if (set_attendance(app, s, r->worker_id, next, NULL, NULL, &err) != 0)
		ui_fail(app, &err);
	mp_reload(app, scr);
}

static void
written(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	const struct mp_att_row *r = sel_row(s);
	bool has = r != NULL && r->a != NULL && cb_streq(r->a->status, "written") &&
	           !cb_str_empty(r->a->contribution);

	if (!in_part(app, s, MP_ATTEND, _("w is for a worker's written contribution")))
		return;
	if (r == NULL) {
		ui_error(app, _("Nobody to mark: press a to add a worker."));
		return;
	}
	if (s->m->is_signed) {
		if (has)
			show_text(app, scr, _("Written contribution"), r->a->contribution);
		else
			ui_error(app, UI_SUP_SIGNED_MSG);
		return;
	}
	if (!has && r->prepared != NULL) {
		use_prepared(app, scr, r);
		return;
	}
	if (write_contribution(app, s, r) == 0)
		ui_say(app, _("Written contribution saved."));
	mp_reload(app, scr);
}

static void
add_attendee(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	struct cb_vec skip = CB_VEC_BORROWING;
	struct cb_err err = {0};
	char id[CB_UUID_LEN];
	size_t i;

	for (i = 0; i < s->rows.len; i++)
		cb_vec_push(&skip, ((struct mp_att_row *)s->rows.items[i])->worker_id);
	if (ui_sup_pick_worker(app, _("Who else is here for this family?"), NULL, &skip, id) == 0) {
		if (set_attendance(app, s, id, "present", NULL, NULL, &err) != 0)
			ui_fail(app, &err);
		mp_reload(app, scr);
	}
	cb_vec_clear(&skip);
}

/* Last time's actions */

static void
mark(struct ui_app *app, struct ui_screen *scr, const char *outcome)
{
	struct minutes *s = scr->state;
	struct ui_list *l = &s->list[MP_REVIEW];
	struct cb_action_review *r;
	const struct cb_action *a;
	struct cb_err err = {0};
	char *reason = NULL;
	size_t at;

	if (!writable(app, s) || !in_part(app, s, MP_REVIEW, _("d, p and n mark last time's actions")))
		return;
	if (s->pulled.len == 0) {
		ui_error(app, _("There are no actions from earlier meetings to mark."));
		return;
	}
	a = s->pulled.items[l->sel];
	/* Marking it again changes an earlier decision: where that would
	 * drop the reason given for it, ask first. */
	if (a->outcome != NULL && !cb_streq(a->outcome, outcome) &&
	    !cb_str_empty(a->outcome_reason) && !cb_streq(outcome, "not-done")) {
		char *q = cb_asprintf(_("This was marked %s, with the reason \"%s\". Mark it %s "
		                        "instead? (The earlier mark stays in the history.)"),
		                      cb_outcome_label(a->outcome), a->outcome_reason,
		                      cb_outcome_label(outcome));
		bool yes = ui_confirm(app, q);

		free(q);
		if (!yes) {
			ui_say(app, _("Left as it was."));
			return;
		}
	}
	if (cb_streq(outcome, "not-done") &&
	    ui_prompt(app, _("Why was it not done? (required)"),
	              cb_streq(a->outcome, "not-done") ? a->outcome_reason : "", &reason, ui_need_reason,
	              NULL, NULL) != 0)
		return;
	r = cb_action_review_new();
	memcpy(r->action_id, a->id, CB_UUID_LEN);
	memcpy(r->meeting_id, s->meeting_id, CB_UUID_LEN);
	r->outcome = cb_strdup(outcome);
	r->reason = reason != NULL ? cb_str_trim(reason) : NULL;
	if (cb_store_action_review_set(app->store, r, &err) != 0) {
		ui_fail(app, &err);
	} else {
		ui_say(app, _("Marked %s."), cb_outcome_label(outcome));
	}
	cb_action_review_free(&r);
	free(reason);
	/* The selection stays on what was marked (the rule on every screen:
	 * it never moves on by itself); Down goes to the next. */
	at = l->sel;
	mp_reload(app, scr);
	if (at < s->pulled.len)
		l->sel = at;
}

static void
show_action(struct ui_app *app, struct ui_screen *scr, const struct cb_action *a)
{
	char due[CB_DATE_LEN], agreed[CB_DATE_LEN] = "";
	char *text;

	cb_date_format(a->due, due);
	if (cb_date_valid(a->agreed_on))
		cb_date_format(a->agreed_on, agreed);
	text = cb_asprintf(_("%s\n\nOwner: %s\nDue: %s\nAgreed: %s\nOutcome: %s%s%s"), a->text,
	                   a->owner_name ? a->owner_name : "?", due,
	                   agreed[0] ? agreed : _("outside a meeting"),
	                   a->outcome != NULL ? cb_outcome_label(a->outcome) : _("not marked yet"),
	                   !cb_str_empty(a->outcome_reason) ? _("\nWhy: ") : "",
	                   !cb_str_empty(a->outcome_reason) ? a->outcome_reason : "");
	show_text(app, scr, _("Action"), text);
	free(text);
}

/* Discussion and reflection: longtext answers of the proforma. */

struct answer_edit {
	const struct minutes *s;
	const char *key;
	const struct cb_answer *current;
	long version;
};

static int
save_answer(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
            struct cb_err *err)
{
	struct answer_edit *c = ctx;
	struct cb_answer *a = cb_answer_new();
	int rc;

	memcpy(a->family_id, c->s->family_id, CB_UUID_LEN);
	memcpy(a->meeting_id, c->s->meeting_id, CB_UUID_LEN);
	a->module_id = cb_strdup(MP_PROFORMA);
	a->field_key = cb_strdup(c->key);
	a->module_version = c->version;
	a->value = cb_strdup(text);
	a->date = c->s->m->date;
	if (c->current != NULL) {
		memcpy(a->id, c->current->id, CB_UUID_LEN);
		a->rev.version = c->current->rev.version;
	}
	rc = cb_store_answer_save(app->store, a, err);
	if (rc != 0)
		memcpy(pending, a->rev.row_id, CB_UUID_LEN);
	cb_answer_free(&a);
	return rc;
}

static void
edit_answer(struct ui_app *app, struct ui_screen *scr, const char *key)
{
	struct minutes *s = scr->state;
	const struct cb_field *f = mp_field(app, key);
	const struct cb_module *m = app->prog != NULL ? app->prog->supervision : NULL;
	struct answer_edit c = {s, key, mp_answer(s, key), m != NULL ? m->version : 1};
	struct ui_edit e = {0};
	char *draft, *title, *label;

	if (s->m->is_signed) {
		show_text(app, scr, mp_field_label(app, key), c.current != NULL ? c.current->value : NULL);
		return;
	}
	draft = cb_asprintf("answer:%s:%s:%s::%s", s->family_id, MP_PROFORMA, key, s->meeting_id);
	title = cb_asprintf("%s: %s", mp_field_label(app, key), s->family->reference);
	label = cb_asprintf(_("%s%s%s Short sentences, each with its evidence. Ctrl-S saves."),
	                    mp_field_label(app, key), f != NULL && f->help != NULL ? ": " : ".",
	                    f != NULL && f->help != NULL ? f->help : "");
	e.title = title;
	e.label = label;
	e.example = f != NULL ? f->example : NULL;
	e.initial = c.current != NULL ? c.current->value : NULL;
	e.base_rev = c.current != NULL ? &c.current->rev : NULL;
	e.draft_key = draft;
	e.family_id = s->family_id;
	e.save = save_answer;
	e.ctx = &c;
	if (ui_edit_text(app, &e) == 0) {
		/* The selection stays on the heading just written (it never
		 * moves on by itself): Down goes to the next. */
		ui_say(app, _("Saved. Down goes to the next heading."));
	}
	mp_reload(app, scr);
	free(draft);
	free(title);
	free(label);
}

/* Cycle of Change */

static const struct cb_stage_line *
sel_line(const struct minutes *s)
{
	return s->lines.len > 0 ? s->lines.items[s->list[MP_STAGES].sel] : NULL;
}

struct stage_edit {
	const struct minutes *s;
	const char *person_id;
	const char *issue;
	const char *stage;
	const char *next_signs;
	const struct cb_stage_record *today;   /* correct it, or NULL */
	const char *evidence;                  /* when saved without the editor */
};

static int
save_stage(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
           struct cb_err *err)
{
	struct stage_edit *c = ctx;
	struct cb_stage_record *r = cb_stage_record_new();
	int rc;

	if (c->today != NULL) {
		memcpy(r->id, c->today->id, CB_UUID_LEN);
		r->rev.version = c->today->rev.version;
	}
	memcpy(r->family_id, c->s->family_id, CB_UUID_LEN);
	memcpy(r->meeting_id, c->s->meeting_id, CB_UUID_LEN);
	snprintf(r->person_id, sizeof r->person_id, "%s", c->person_id);
	r->issue = cb_strdup(c->issue);
	r->stage = cb_strdup(c->stage);
	r->date = c->s->m->date;
	r->evidence = cb_strdup(text);
	r->next_signs = cb_str_empty(c->next_signs) ? NULL : cb_strdup(c->next_signs);
	r->context = cb_strdup("supervision");
	rc = c->today != NULL ? cb_store_stage_correct(app->store, r, err)
	                      : cb_store_stage_add(app->store, r, err);
	if (rc != 0 && pending != NULL)
		memcpy(pending, r->rev.row_id, CB_UUID_LEN);
	cb_stage_record_free(&r);
	return rc;
}

/* The issues the proforma allows, or every issue. */
static const char *
pick_issue(struct ui_app *app, const char *whose)
{
	const struct cb_field *f = mp_field(app, "stages.stage");
	const struct cb_reflist *all = &app->ref->issues;
	size_t n = f != NULL && f->issues.len > 0 ? f->issues.len : cb_reflist_len(all), i;
	struct ui_choice *items = cb_calloc(n + 1, sizeof *items);
	const char **ids = cb_calloc(n + 1, sizeof *ids);
	const char *out = NULL;
	char *title = cb_asprintf(_("Which issue, for %s?"), whose);
	int pick;

	for (i = 0; i < n; i++) {
		ids[i] = f != NULL && f->issues.len > 0 ? f->issues.items[i] : cb_reflist_at(all, i)->id;
		items[i].label = cb_reflist_label(all, ids[i]);
	}
	pick = ui_pick(app, title, items, n, 0);
	if (pick >= 0)
		out = ids[pick];
	free(items);
	free(ids);
	free(title);
	return out;
}

static const char *
pick_stage(struct ui_app *app, const char *title, const char *initial)
{
	size_t n = cb_reflist_len(&app->ref->stages), i, at = 0;
	struct ui_choice *items = cb_calloc(n + 1, sizeof *items);
	char **labels = cb_calloc(n + 1, sizeof *labels), **details = cb_calloc(n + 1, sizeof *details);
	const char *out = NULL;
	int pick;

	for (i = 0; i < n; i++) {
		const struct cb_refitem *it = cb_reflist_at(&app->ref->stages, i);

		labels[i] = cb_asprintf("%s: %s", it->name ? it->name : it->id,
		                        it->label ? it->label : "");
		details[i] = cb_asprintf("%s%s%s", it->meaning ? it->meaning : "",
		                         it->task ? _("\nThe worker's task: ") : "",
		                         it->task ? it->task : "");
		items[i].label = labels[i];
		items[i].detail = details[i];
		if (cb_streq(it->id, initial))
			at = i;
	}
	pick = ui_pick(app, title, items, n, at);
	if (pick >= 0)
		out = cb_reflist_at(&app->ref->stages, (size_t)pick)->id;
	for (i = 0; i < n; i++) {
		free(labels[i]);
		free(details[i]);
	}
	free(labels);
	free(details);
	free(items);
	return out;
}

/* Agree a stage with its evidence: the stage, what would show a move,
 * then the evidence (which saves). */
static void
change_stage(struct ui_app *app, struct ui_screen *scr, const char *person_id,
             const char *person_name, const char *issue, const struct cb_stage_record *before,
             const struct cb_stage_record *today)
{
	struct minutes *s = scr->state;
	struct stage_edit c = {s, person_id, issue, NULL, NULL, today, NULL};
	const struct cb_stage_record *cur = today != NULL ? today : before;
	struct ui_edit e = {0};
	char *title, *label, *draft, *signs = NULL;
	const char *initial_signs;

	title = cb_asprintf(_("Stage for %s: %s"), person_name,
	                    cb_reflist_label(&app->ref->issues, issue));
	c.stage = pick_stage(app, title, cur != NULL ? cur->stage : NULL);
	free(title);
	if (c.stage == NULL)
		return;
	initial_signs = cur != NULL && cb_streq(cur->stage, c.stage) && cur->next_signs ? cur->next_signs
	                                                                                  : "";
	if (ui_prompt(app, _("What would show a move to the next stage? (may be left empty)"),
	              initial_signs, &signs, NULL, NULL, NULL) != 0)
		return;
	c.next_signs = signs;
	draft = cb_asprintf("stage:%s:%s:%s", s->meeting_id, person_id, issue);
	title = cb_asprintf(_("%s, %s: %s"), person_name, cb_reflist_label(&app->ref->issues, issue),
	                    mp_stage_name(app, c.stage));
	label = cb_asprintf(_("The evidence for %s: what %s said and did, not only what they say "
	                      "they will do. Ctrl-S saves."),
	                    mp_stage_name(app, c.stage), person_name);
	e.title = title;
	e.label = label;
	e.initial = today != NULL ? today->evidence : NULL;
	e.base_rev = today != NULL ? &today->rev : NULL;
	e.draft_key = draft;
	e.family_id = s->family_id;
	e.save = save_stage;
	e.ctx = &c;
	if (ui_edit_text(app, &e) == 0)
		ui_say(app, _("Stage agreed: %s."), mp_stage_name(app, c.stage));
	mp_reload(app, scr);
	free(draft);
	free(title);
	free(label);
	free(signs);
}

static void
open_stage(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	const struct cb_stage_line *ln = sel_line(s);
	const char *issue;

	if (ln == NULL) {
		ui_error(app, _("No adults are recorded in this family."));
		return;
	}
	if (s->m->is_signed) {
		const struct cb_stage_record *r = ln->today != NULL ? ln->today : ln->before;

		show_text(app, scr, _("Evidence"), r != NULL ? r->evidence : NULL);
		return;
	}
	issue = ln->issue != NULL ? ln->issue : pick_issue(app, ln->person_name);
	if (issue != NULL)
		change_stage(app, scr, ln->person_id, ln->person_name, issue, ln->before, ln->today);
}

static void
confirm_stage(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	const struct cb_stage_line *ln = sel_line(s);
	struct stage_edit c = {s, NULL, NULL, NULL, NULL, NULL, NULL};
	struct cb_err err = {0};
	char *evidence;
	size_t at = s->list[MP_STAGES].sel;

	if (ln == NULL || ln->issue == NULL || ln->before == NULL) {
		ui_error(app, _("There is no earlier stage to confirm here: Enter records one."));
		return;
	}
	if (ln->today != NULL) {
		ui_error(app, _("Already agreed today as %s: Enter changes it."),
		         mp_stage_name(app, ln->today->stage));
		return;
	}
	c.person_id = ln->person_id;
	c.issue = ln->issue;
	c.stage = ln->before->stage;
	c.next_signs = ln->before->next_signs;
	evidence = cb_stage_confirm_evidence(ln->before);
	if (save_stage(app, evidence, &c, NULL, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Confirmed: %s, as last time."), mp_stage_name(app, c.stage));
	free(evidence);
	mp_reload(app, scr);
	/* It stays on the stage confirmed, as after Enter. */
	if (at < s->lines.len)
		s->list[MP_STAGES].sel = at;
}

static void
add_stage(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	struct ui_choice *items = cb_calloc(s->people.len + 1, sizeof *items);
	const struct cb_person **adults = cb_calloc(s->people.len + 1, sizeof *adults);
	const struct cb_stage_record *before = NULL, *today = NULL;
	const char *issue;
	size_t i, n = 0;
	int pick;

	for (i = 0; i < s->people.len; i++) {
		const struct cb_person *p = s->people.items[i];

		if (cb_member_is_adult(p->role)) {
			items[n].label = p->name;
			adults[n++] = p;
		}
	}
	if (n == 0) {
		ui_error(app, _("No adults are recorded in this family: add them on the family record."));
		goto out;
	}
	pick = ui_pick(app, _("A stage for which adult?"), items, n, 0);
	if (pick < 0 || (issue = pick_issue(app, adults[pick]->name)) == NULL)
		goto out;
	for (i = 0; i < s->lines.len; i++) {
		const struct cb_stage_line *ln = s->lines.items[i];

		if (cb_streq(ln->person_id, adults[pick]->id) && cb_streq(ln->issue, issue)) {
			before = ln->before;
			today = ln->today;
		}
	}
	change_stage(app, scr, adults[pick]->id, adults[pick]->name, issue, before, today);
out:
	free(items);
	free(adults);
}

/* The risk rating */

struct rating_edit {
	const struct minutes *s;
	const char *colour;
	char *agreed_by;
};

static char *
present_names(const struct minutes *s)
{
	const char **names = cb_calloc(s->rows.len + 1, sizeof *names);
	size_t i, n = 0;
	char *out;

	for (i = 0; i < s->rows.len; i++) {
		const struct mp_att_row *r = s->rows.items[i];

		if (r->a != NULL && cb_streq(r->a->status, "present"))
			names[n++] = r->name;
	}
	out = cb_names_join(names, n);
	free(names);
	return out;
}

static int
save_rating(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
            struct cb_err *err)
{
	struct rating_edit *c = ctx;
	struct cb_rating *r = cb_rating_new();
	int rc;

	if (c->s->today != NULL) {
		memcpy(r->id, c->s->today->id, CB_UUID_LEN);
		r->rev.version = c->s->today->rev.version;
	}
	memcpy(r->family_id, c->s->family_id, CB_UUID_LEN);
	memcpy(r->meeting_id, c->s->meeting_id, CB_UUID_LEN);
	r->rating = cb_strdup(c->colour);
	r->date = c->s->m->date;
	r->context = cb_strdup("supervision");
	r->rationale = cb_strdup(text);
	r->agreed_by = cb_strdup(c->agreed_by);
	rc = c->s->today != NULL ? cb_store_rating_correct(app->store, r, err)
	                         : cb_store_rating_add(app->store, r, err);
	if (rc != 0)
		memcpy(pending, r->rev.row_id, CB_UUID_LEN);
	cb_rating_free(&r);
	return rc;
}

static const char *
pick_colour(struct ui_app *app, const char *initial)
{
	size_t n = cb_reflist_len(&app->ref->ratings), i, at = 0;
	struct ui_choice *items = cb_calloc(n + 1, sizeof *items);
	const char *out = NULL;
	char *title;
	int pick;

	for (i = 0; i < n; i++) {
		const struct cb_refitem *it = cb_reflist_at(&app->ref->ratings, i);

		items[i].label = it->label;
		items[i].detail = it->meaning;
		if (cb_streq(it->id, initial))
			at = i;
	}
	title = cb_asprintf(_("Agreed rating. %s"), app->ref->rag_direction ? app->ref->rag_direction
	                                                                   : _("Red is the most worried."));
	pick = ui_pick(app, title, items, n, at);
	if (pick >= 0)
		out = cb_reflist_at(&app->ref->ratings, (size_t)pick)->id;
	free(title);
	free(items);
	return out;
}

static void
agree_rating(struct ui_app *app, struct ui_screen *scr, bool keep)
{
	struct minutes *s = scr->state;
	struct rating_edit c = {s, NULL, NULL};
	struct ui_edit e = {0};
	char *title, *label, *draft;
	const char *word;

	if (keep) {
		if (s->before == NULL) {
			ui_error(app, _("There is no earlier rating to keep: Enter agrees one."));
			return;
		}
		c.colour = s->before->rating;
	} else {
		c.colour = pick_colour(app, s->today != NULL ? s->today->rating
		                            : s->before != NULL ? s->before->rating : NULL);
		if (c.colour == NULL)
			return;
	}
	word = cb_reflist_label(&app->ref->ratings, c.colour);
	c.agreed_by = present_names(s);
	draft = cb_asprintf("rating:%s:%s", s->meeting_id, s->family_id);
	title = cb_asprintf(keep ? _("Risk rating kept at %s: %s") : _("Risk rating %s: %s"), word,
	                    s->family->reference);
	label = cb_asprintf(keep ? _("Why it stays %s: the reason the group gives, from what it "
	                             "knows. Agreed by those present: %s. Ctrl-S saves.")
	                         : _("Why %s: the reason the group gives, from what it knows. Agreed "
	                             "by those present: %s. Ctrl-S saves."),
	                    word,
	                    c.agreed_by[0] ? c.agreed_by : _("nobody is marked present"));
	e.title = title;
	e.label = label;
	e.initial = s->today != NULL ? s->today->rationale : NULL;
	e.base_rev = s->today != NULL ? &s->today->rev : NULL;
	e.draft_key = draft;
	e.family_id = s->family_id;
	e.save = save_rating;
	e.ctx = &c;
	if (ui_edit_text(app, &e) == 0)
		ui_say(app, _("Rating agreed: %s."), word);
	mp_reload(app, scr);
	free(c.agreed_by);
	free(draft);
	free(title);
	free(label);
}

/* New actions */

struct action_edit {
	const struct minutes *s;
	const struct cb_action *current;   /* correct it, or NULL */
};

struct due_ctx {
	struct cb_date base;
	struct cb_date out;
};

static int
check_due(const char *text, void *ctx, struct cb_err *err)
{
	struct due_ctx *d = ctx;
	char *t = cb_str_trim(text);
	int rc;

	if (*t == '\0')
		rc = cb_err_set(err, CB_EINVAL, _("say when it is due: +2w, 1/3, friday or YYYY-MM-DD"));
	else
		rc = cb_date_parse_quick(t, d->base, &d->out, err);
	free(t);
	return rc;
}

/* The owner: those here for the family first, then anyone. */
static int
pick_owner(struct ui_app *app, const struct minutes *s, const char *initial,
           char out[CB_UUID_LEN])
{
	struct ui_choice *items = cb_calloc(s->rows.len + 1, sizeof *items);
	char **labels = cb_calloc(s->rows.len + 1, sizeof *labels);
	size_t i, at = 0;
	int pick, rc = -1;

	for (i = 0; i < s->rows.len; i++) {
		const struct mp_att_row *r = s->rows.items[i];

		labels[i] = cb_asprintf("%s, %s (%s)", r->name ? r->name : "?",
		                        r->role ? ui_role_label(app, r->role) : "-",
		                        mp_attendance_word(r->a != NULL ? r->a->status : NULL));
		items[i].label = labels[i];
		if (cb_streq(r->worker_id, initial))
			at = i;
	}
	items[s->rows.len].label = _("Someone else...");
	pick = ui_pick(app, _("Who owns the action?"), items, s->rows.len + 1, at);
	if (pick >= 0 && (size_t)pick < s->rows.len) {
		memcpy(out, ((const struct mp_att_row *)s->rows.items[pick])->worker_id, CB_UUID_LEN);
		rc = 0;
	} else if (pick >= 0) {
		rc = ui_sup_pick_worker(app, _("Who owns the action?"), initial, NULL, out);
	}
	for (i = 0; i < s->rows.len; i++)
		free(labels[i]);
	free(labels);
	free(items);
	return rc;
}

/* Saving the text asks who and by when, so nothing typed is lost if
 * either is cancelled: the text stays in the editor. */
static int
save_action(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
            struct cb_err *err)
{
	struct action_edit *c = ctx;
	struct cb_action *a;
	struct due_ctx due = {c->s->m->date, {0, 0, 0}};
	char owner[CB_UUID_LEN], initial[CB_DATE_LEN] = "";
	char *when = NULL;
	int rc;

	if (pick_owner(app, c->s, c->current != NULL ? c->current->owner_id : NULL, owner) != 0)
		return cb_err_set(err, CB_EINVAL, _("No owner chosen: not saved yet. Enter to choose, "
		                                    "Esc to leave."));
	if (c->current != NULL)
		cb_date_format(c->current->due, initial);
	if (ui_prompt(app, _("Due by when? +2w, 1/3, friday or YYYY-MM-DD (from the meeting's date)"),
	              initial, &when, check_due, NULL, &due) != 0)
		return cb_err_set(err, CB_EINVAL, _("No due date: not saved yet. Enter to try again, "
		                                    "Esc to leave."));
	free(when);
	a = cb_action_new();
	if (c->current != NULL) {
		memcpy(a->id, c->current->id, CB_UUID_LEN);
		a->rev.version = c->current->rev.version;
	}
	memcpy(a->family_id, c->s->family_id, CB_UUID_LEN);
	memcpy(a->meeting_id, c->s->meeting_id, CB_UUID_LEN);
	a->text = cb_str_trim(text);
	memcpy(a->owner_id, owner, CB_UUID_LEN);
	a->due = due.out;
	rc = c->current != NULL ? cb_store_action_correct(app->store, a, err)
	                        : cb_store_action_add(app->store, a, err);
	if (rc != 0)
		memcpy(pending, a->rev.row_id, CB_UUID_LEN);
	cb_action_free(&a);
	return rc;
}

static void
edit_action(struct ui_app *app, struct ui_screen *scr, const struct cb_action *current)
{
	struct minutes *s = scr->state;
	struct action_edit c = {s, current};
	const struct cb_field *f = mp_field(app, "actions.actions");
	struct ui_edit e = {0};
	char *draft, *title;

	if (!writable(app, s))
		return;
	draft = current != NULL ? cb_asprintf("action:%s", current->id)
	                        : cb_asprintf("action:new:%s:%s", s->meeting_id, s->family_id);
	title = current != NULL ? cb_asprintf(_("Correcting an action: %s"), s->family->reference)
	                        : cb_asprintf(_("New action: %s %s"), s->family->reference,
	                                      s->family->name);
	e.title = title;
	e.label = _("One task, in a sentence: what is to be done and what for. Enter goes on to "
	            "who owns it and by when.");
	e.example = f != NULL ? f->example : NULL;
	e.initial = current != NULL ? current->text : NULL;
	e.base_rev = current != NULL ? &current->rev : NULL;
	e.draft_key = draft;
	e.family_id = s->family_id;
	e.single_paragraph = true;
	e.save = save_action;
	e.ctx = &c;
	if (ui_edit_text(app, &e) == 0) {
		bool added = current == NULL;

		/* current belonged to the list the reload replaces. */
		mp_reload(app, scr);
		if (added && s->agreed.len > 0)
			s->list[MP_ACTIONS].sel = s->agreed.len - 1;
		if (added)
			ui_say(app, ngettext("Action added (%zu for this family today).",
			                     "Action added (%zu for this family today).", s->agreed.len),
			       s->agreed.len);
		else
			ui_say(app, _("Action corrected."));
	} else {
		mp_reload(app, scr);
	}
	free(draft);
	free(title);
}

/* Addenda */

struct addendum_edit {
	const struct minutes *s;
};

static int
save_addendum(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
              struct cb_err *err)
{
	struct addendum_edit *c = ctx;
	struct cb_addendum *a = cb_addendum_new();
	int rc;

	memcpy(a->meeting_id, c->s->meeting_id, CB_UUID_LEN);
	memcpy(a->family_id, c->s->family_id, CB_UUID_LEN);
	a->text = cb_strdup(text);
	rc = cb_store_addendum_add(app->store, a, err);
	if (rc != 0)
		memcpy(pending, a->rev.row_id, CB_UUID_LEN);
	cb_addendum_free(&a);
	return rc;
}

static void
addendum(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	struct addendum_edit c = {s};
	struct ui_edit e = {0};
	char *draft, *title;

	if (!s->m->is_signed) {
		ui_error(app, _("The minutes are not signed off yet: change them directly. Addenda "
		                "are for signed minutes."));
		return;
	}
	draft = cb_asprintf("addendum:%s:%s", s->meeting_id, s->family_id);
	title = cb_asprintf(_("Addendum for %s %s"), s->family->reference, s->family->name);
	e.title = title;
	e.label = _("The signed minutes stay as they were; this goes under them, dated and with "
	            "your name, on this family's record only. Ctrl-S saves.");
	e.draft_key = draft;
	e.family_id = s->family_id;
	e.save = save_addendum;
	e.ctx = &c;
	if (ui_edit_text(app, &e) == 0) {
		ui_say(app, _("Addendum added."));
		mp_reload(app, scr);
		s->part = MP_ADDENDA;
		s->list[MP_ADDENDA].sel = s->addenda.len > 0 ? s->addenda.len - 1 : 0;
	}
	free(draft);
	free(title);
}

/* History */

static void
answer_history(struct ui_app *app, struct ui_screen *scr, const char *key)
{
	struct minutes *s = scr->state;
	const struct cb_answer *cur = mp_answer(s, key);
	struct cb_vec hist = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cur == NULL) {
		ui_say(app, _("Nothing recorded here yet, so there is no history."));
		return;
	}
	if (cb_store_answer_history(app->store, cur->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		const struct cb_answer *x = hist.items[i];

		ui_version_push(&versions, &x->rev, cb_strdup(x->value));
	}
	ui_open_history(app, mp_field_label(app, key), &versions, scr);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

static void
series_history(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	struct cb_vec hist = CB_VEC_BORROWING;
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	const char *title;
	size_t i;
	int rc;

	if (s->part == MP_STAGES) {
		const struct cb_stage_line *ln = sel_line(s);
		const struct cb_stage_record *r = ln == NULL ? NULL : ln->today ? ln->today : ln->before;

		if (r == NULL) {
			ui_say(app, _("Nothing recorded here yet, so there is no history."));
			return;
		}
		hist.free_item = cb_stage_record_free_item;
		rc = cb_store_stage_history(app->store, r->id, &hist, &err);
		title = _("History of the stage record");
	} else {
		const struct cb_rating *r = s->today != NULL ? s->today : s->before;

		if (r == NULL) {
			ui_say(app, _("Nothing recorded here yet, so there is no history."));
			return;
		}
		hist.free_item = cb_rating_free_item;
		rc = cb_store_rating_history(app->store, r->id, &hist, &err);
		title = _("History of the rating");
	}
	if (rc != 0) {
		ui_fail(app, &err);
		cb_vec_clear(&hist);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		if (s->part == MP_STAGES) {
			const struct cb_stage_record *x = hist.items[i];

			ui_version_push(&versions, &x->rev,
			                cb_asprintf("%s\n%s", mp_stage_name(app, x->stage),
			                            x->evidence ? x->evidence : ""));
		} else {
			const struct cb_rating *x = hist.items[i];

			ui_version_push(&versions, &x->rev,
			                cb_asprintf("%s\n%s",
			                            cb_reflist_label(&app->ref->ratings, x->rating),
			                            x->rationale ? x->rationale : ""));
		}
	}
	ui_open_history(app, title, &versions, scr);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

static void
history(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;

	switch (s->part) {
	case MP_DISCUSS:
		answer_history(app, scr, mp_discussion_keys[s->list[MP_DISCUSS].sel]);
		break;
	case MP_REFLECT:
		answer_history(app, scr, MP_REFLECTION_KEY);
		break;
	case MP_STAGES:
	case MP_RISK:
		series_history(app, scr);
		break;
	default:
		ui_say(app, _("History is kept for the discussion, stages, rating and reflection."));
		break;
	}
}

/* Enter */

static void
open_selected(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;

	switch (s->part) {
	case MP_ATTEND: {
		const struct mp_att_row *r = sel_row(s);

		if (r != NULL && r->a != NULL && !cb_str_empty(r->a->contribution))
			show_text(app, scr, _("Written contribution"), r->a->contribution);
		else if (r != NULL && r->prepared != NULL)
			show_text(app, scr, _("Contribution prepared in the workbook"), r->prepared->text);
		else
			ui_say(app, _("Space changes attendance; w writes a contribution for someone who "
			              "cannot be here."));
		break;
	}
	case MP_REVIEW:
		if (s->pulled.len > 0)
			show_action(app, scr, s->pulled.items[s->list[MP_REVIEW].sel]);
		break;
	case MP_DISCUSS:
		edit_answer(app, scr, mp_discussion_keys[s->list[MP_DISCUSS].sel]);
		break;
	case MP_STAGES:
		open_stage(app, scr);
		break;
	case MP_RISK:
		if (s->m->is_signed)
			show_text(app, scr, _("Risk rating"), s->today != NULL ? s->today->rationale : NULL);
		else
			agree_rating(app, scr, false);
		break;
	case MP_REFLECT:
		edit_answer(app, scr, MP_REFLECTION_KEY);
		break;
	case MP_ACTIONS:
		if (s->agreed.len == 0)
			edit_action(app, scr, NULL);
		else if (s->m->is_signed)
			show_action(app, scr, s->agreed.items[s->list[MP_ACTIONS].sel]);
		else
			edit_action(app, scr, s->agreed.items[s->list[MP_ACTIONS].sel]);
		break;
	default:
		if (s->addenda.len > 0)
			show_text(app, scr, _("Addendum"),
			          ((const struct cb_addendum *)s->addenda.items[s->list[MP_ADDENDA].sel])->text);
		break;
	}
}

static void
add(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;

	if (!writable(app, s))
		return;
	switch (s->part) {
	case MP_ATTEND: add_attendee(app, scr); break;
	case MP_STAGES: add_stage(app, scr); break;
	case MP_ADDENDA: addendum(app, scr); break;
	default: edit_action(app, scr, NULL); break;
	}
}

int
mp_part_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action)
{
	struct minutes *s = scr->state;

	switch (action) {
	case UI_OPEN: open_selected(app, scr); break;
	case UI_ADD: add(app, scr); break;
	case UI_CYCLE: cycle_attendance(app, scr); break;
	case UI_WRITTEN: written(app, scr); break;
	case UI_DONE: mark(app, scr, "done"); break;
	case UI_PARTLY: mark(app, scr, "partly"); break;
	case UI_NOT_DONE: mark(app, scr, "not-done"); break;
	case UI_CONFIRM_STAGE:
		if (!writable(app, s))
			break;
		if (s->part == MP_STAGES)
			confirm_stage(app, scr);
		else if (s->part == MP_RISK)
			agree_rating(app, scr, true);
		else
			ui_error(app, _("c confirms a stage or the rating as last time: Tab to Change or "
			                "Risk."));
		break;
	case UI_ADDENDUM: addendum(app, scr); break;
	case UI_HISTORY: history(app, scr); break;
	default: return 0;
	}
	return UI_HANDLED;
}
