/* SPDX-License-Identifier: MIT */
/* What the keys do in each part of a family's minutes (stages and the
 * rating are in minutes_series.c, new actions in minutes_actions.c).
 * Every change is one store call; long text goes through the editor with
 * a draft; a dialog left with Esc changes nothing. Signed minutes refuse changes
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
#include "casebook/store_answers.h"
#include "casebook/store_meetings.h"
#include "casebook/str.h"
#include "minutes_parts.h"

bool
mp_writable(struct ui_app *app, const struct minutes *s)
{
	if (app->readonly) {
		ui_say_readonly(app);
		return false;
	}
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

void
mp_show_text(struct ui_app *app, struct ui_screen *scr, const char *title, const char *text)
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

	if (!mp_writable(app, s) || !in_part(app, s, MP_ATTEND, _("Space changes attendance")))
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
			mp_show_text(app, scr, _("Written contribution"), r->a->contribution);
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

	if (!mp_writable(app, s) || !in_part(app, s, MP_REVIEW, _("d, p and n mark last time's actions")))
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
		mp_show_text(app, scr, mp_field_label(app, key), c.current != NULL ? c.current->value : NULL);
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

/* History */

/* Text recorded under a heading in error (said of another family, put
 * under the wrong heading): retracted with a reason. The heading is empty
 * again, and the text and the reason stay in its history. */
static void
retract_answer(struct ui_app *app, struct ui_screen *scr, const char *key)
{
	struct minutes *s = scr->state;
	const struct cb_answer *cur = mp_answer(s, key);
	struct cb_err err = {0};
	char *reason = NULL, *q;

	if (!mp_writable(app, s))
		return;
	if (cur == NULL) {
		ui_error(app, _("Nothing is recorded under %s, so there is nothing to retract."),
		         mp_field_label(app, key));
		return;
	}
	q = cb_asprintf(_("Retract what was recorded under %s? It stays in the history. Why? "
	                  "(required)"),
	                mp_field_label(app, key));
	if (ui_prompt(app, q, "", &reason, ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_answer_retract(app->store, cur->id, cur->rev.version, reason, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Retracted; the text and the reason stay in its history (h)."));
	}
	free(q);
	free(reason);
	/* The selection stays on the heading. */
	mp_reload(app, scr);
}

static void
answer_history(struct ui_app *app, struct ui_screen *scr, const char *key)
{
	struct minutes *s = scr->state;
	const struct cb_answer *cur = mp_answer(s, key);
	struct cb_answer *find = cb_answer_new();
	struct cb_vec hist = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	/* A retracted text has no current version; its history is still
	 * there. */
	if (cur != NULL) {
		memcpy(find->id, cur->id, CB_UUID_LEN);
	} else {
		memcpy(find->family_id, s->family_id, CB_UUID_LEN);
		memcpy(find->meeting_id, s->meeting_id, CB_UUID_LEN);
		find->module_id = cb_strdup(MP_PROFORMA);
		find->field_key = cb_strdup(key);
		if (cb_store_answer_find(app->store, find, find->id, &err) != 0) {
			ui_fail(app, &err);
			cb_answer_free(&find);
			return;
		}
	}
	if (find->id[0] == '\0') {
		ui_say(app, _("Nothing recorded here yet, so there is no history."));
		cb_answer_free(&find);
		return;
	}
	if (cb_store_answer_history(app->store, find->id, &hist, &err) != 0) {
		cb_answer_free(&find);
		cb_vec_clear(&hist);
		ui_fail(app, &err);
		return;
	}
	cb_answer_free(&find);
	for (i = 0; i < hist.len; i++) {
		const struct cb_answer *x = hist.items[i];

		ui_version_push(&versions, &x->rev, cb_strdup(x->value));
	}
	ui_open_history(app, mp_field_label(app, key), &versions, scr);
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
		mp_series_history(app, scr);
		break;
	case MP_REVIEW:
	case MP_ACTIONS:
		mp_action_history(app, scr);
		break;
	default:
		ui_say(app, _("History is kept for the actions, discussion, stages, rating and "
		              "reflection."));
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
			mp_show_text(app, scr, _("Written contribution"), r->a->contribution);
		else if (r != NULL && r->prepared != NULL)
			mp_show_text(app, scr, _("Contribution prepared in the workbook"), r->prepared->text);
		else
			ui_say(app, _("Space changes attendance; w writes a contribution for someone who "
			              "cannot be here."));
		break;
	}
	case MP_REVIEW:
		if (s->pulled.len > 0)
			mp_show_action(app, scr, s->pulled.items[s->list[MP_REVIEW].sel]);
		break;
	case MP_DISCUSS:
		edit_answer(app, scr, mp_discussion_keys[s->list[MP_DISCUSS].sel]);
		break;
	case MP_STAGES:
		mp_open_stage(app, scr);
		break;
	case MP_RISK:
		if (s->m->is_signed)
			mp_show_text(app, scr, _("Risk rating"), s->today != NULL ? s->today->rationale : NULL);
		else
			mp_agree_rating(app, scr, false);
		break;
	case MP_REFLECT:
		edit_answer(app, scr, MP_REFLECTION_KEY);
		break;
	case MP_ACTIONS:
		if (s->agreed.len == 0)
			mp_edit_action(app, scr, NULL);
		else if (s->m->is_signed)
			mp_show_action(app, scr, s->agreed.items[s->list[MP_ACTIONS].sel]);
		else
			mp_edit_action(app, scr, s->agreed.items[s->list[MP_ACTIONS].sel]);
		break;
	default:
		if (s->addenda.len > 0)
			mp_show_text(app, scr, _("Addendum"),
			          ((const struct cb_addendum *)s->addenda.items[s->list[MP_ADDENDA].sel])->text);
		break;
	}
}

static void
add(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;

	if (!mp_writable(app, s))
		return;
	switch (s->part) {
	case MP_ATTEND: add_attendee(app, scr); break;
	case MP_STAGES: mp_add_stage(app, scr); break;
	case MP_ADDENDA: mp_addendum(app, scr); break;
	default: mp_edit_action(app, scr, NULL); break;
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
		if (!mp_writable(app, s))
			break;
		if (s->part == MP_STAGES)
			mp_confirm_stage(app, scr);
		else if (s->part == MP_RISK)
			mp_agree_rating(app, scr, true);
		else
			ui_error(app, _("c confirms a stage or the rating as last time: Tab to Change or "
			                "Risk."));
		break;
	case UI_ADDENDUM: mp_addendum(app, scr); break;
	case UI_RETRACT:
		if (s->part == MP_DISCUSS)
			retract_answer(app, scr, mp_discussion_keys[s->list[MP_DISCUSS].sel]);
		else if (s->part == MP_REFLECT)
			retract_answer(app, scr, MP_REFLECTION_KEY);
		else if (s->part == MP_STAGES || s->part == MP_RISK)
			mp_retract_series(app, scr);
		else
			mp_retract_action(app, scr);
		break;
	case UI_HISTORY: history(app, scr); break;
	default: return 0;
	}
	return UI_HANDLED;
}
