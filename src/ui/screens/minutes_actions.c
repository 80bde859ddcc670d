/* SPDX-License-Identifier: MIT */
/* The minutes' actions: agreeing one (its owner and due date), correcting
 * and retracting it, and addenda to signed minutes. */
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
#include "action_fix.h"
#include "minutes_parts.h"

void
mp_show_action(struct ui_app *app, struct ui_screen *scr, const struct cb_action *a)
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
	mp_show_text(app, scr, _("Action"), text);
	free(text);
}

/* New actions */

struct action_edit {
	const struct minutes *s;
	const struct cb_action *current;   /* correct it, or NULL */
	bool unchanged;                    /* a correction that changed nothing */
};

/* The owner: those here for the family first, then a member of the
 * family, another agency, or any worker. Fills into's owner; 0 when one
 * was chosen. */
static int
pick_owner(struct ui_app *app, const struct minutes *s, const struct cb_action *current,
           struct cb_action *into)
{
	size_t n = s->rows.len, i, at = 0;
	struct ui_choice *items = cb_calloc(n + 4, sizeof *items);
	char **labels = cb_calloc(n + 1, sizeof *labels);
	int pick, rc = -1;

	for (i = 0; i < n; i++) {
		const struct mp_att_row *r = s->rows.items[i];

		labels[i] = cb_asprintf("%s, %s (%s)", r->name ? r->name : "?",
		                        r->role ? ui_role_label(app, r->role) : "-",
		                        mp_attendance_word(r->a != NULL ? r->a->status : NULL));
		items[i].label = labels[i];
		if (current != NULL && cb_streq(r->worker_id, current->owner_id))
			at = i;
	}
	items[n].label = _("A member of the family: a parent, the child...");
	items[n + 1].label = _("Another agency: the school, the GP, the police...");
	items[n + 2].label = _("Another worker...");
	if (current != NULL && current->owner_person_id[0] != '\0')
		at = n;
	else if (current != NULL && current->owner_agency != NULL)
		at = n + 1;
	pick = ui_pick(app, _("Who owns the action?"), items, n + 3, at);
	if (pick >= 0 && (size_t)pick < n) {
		memcpy(into->owner_id, ((const struct mp_att_row *)s->rows.items[pick])->worker_id,
		       CB_UUID_LEN);
		rc = 0;
	} else if (pick >= 0 && (size_t)pick == n) {
		rc = ui_action_pick_member(app, &s->people,
		                           current != NULL ? current->owner_person_id : NULL, into);
	} else if (pick >= 0 && (size_t)pick == n + 1) {
		rc = ui_action_pick_agency(app, current, into);
	} else if (pick >= 0) {
		rc = ui_sup_pick_worker(app, _("Who owns the action?"),
		                        current != NULL ? current->owner_id : NULL, NULL, into->owner_id);
	}
	for (i = 0; i < n; i++)
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
	struct ui_due due = {c->s->m->date, {0, 0, 0}};
	char initial[CB_DATE_LEN] = "";
	char *when = NULL;
	int rc;

	a = cb_action_new();
	if (pick_owner(app, c->s, c->current, a) != 0) {
		cb_action_free(&a);
		return cb_err_set(err, CB_EINVAL, _("No owner chosen: not saved yet. Enter to choose, "
		                                    "Esc to leave."));
	}
	if (c->current != NULL)
		cb_date_format(c->current->due, initial);
	if (ui_prompt(app, _("Due by when? +2w, 1/3, friday or YYYY-MM-DD (from the meeting's date)"),
	              initial, &when, ui_action_check_due, NULL, &due) != 0) {
		cb_action_free(&a);
		return cb_err_set(err, CB_EINVAL, _("No due date: not saved yet. Enter to try again, "
		                                    "Esc to leave."));
	}
	free(when);
	if (c->current != NULL) {
		memcpy(a->id, c->current->id, CB_UUID_LEN);
		a->rev.version = c->current->rev.version;
	}
	memcpy(a->family_id, c->s->family_id, CB_UUID_LEN);
	memcpy(a->meeting_id, c->s->meeting_id, CB_UUID_LEN);
	a->text = cb_str_trim(text);
	a->due = due.out;
	if (c->current != NULL && ui_action_same(a, c->current)) {
		c->unchanged = true;
		cb_action_free(&a);
		return 0;
	}
	rc = c->current != NULL ? cb_store_action_correct(app->store, a, err)
	                        : cb_store_action_add(app->store, a, err);
	if (rc != 0)
		memcpy(pending, a->rev.row_id, CB_UUID_LEN);
	cb_action_free(&a);
	return rc;
}

void
mp_edit_action(struct ui_app *app, struct ui_screen *scr, const struct cb_action *current)
{
	struct minutes *s = scr->state;
	struct action_edit c = {s, current, false};
	const struct cb_field *f = mp_field(app, "actions.actions");
	struct ui_edit e = {0};
	char *draft, *title;

	if (!mp_writable(app, s))
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
		else if (c.unchanged)
			ui_say(app, _("Nothing changed: the action stays as it was."));
		else
			ui_say(app, _("Action corrected."));
	} else {
		mp_reload(app, scr);
	}
	free(draft);
	free(title);
}

/* Retract an action agreed here, with a reason; it stays in the history. */
void
mp_retract_action(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	struct ui_list *l = &s->list[MP_ACTIONS];
	const struct cb_action *a;
	struct cb_err err = {0};
	char *reason = NULL, *q;
	size_t at = l->sel;

	if (!mp_writable(app, s))
		return;
	if (s->part != MP_ACTIONS) {
		ui_error(app, _("x retracts an action agreed here (Tab to the %s part), or what the "
		                "discussion or the reflection recorded."),
		         mp_part_name(MP_ACTIONS));
		return;
	}
	if (s->agreed.len == 0) {
		ui_error(app, _("No actions agreed here yet, so none to retract."));
		return;
	}
	a = s->agreed.items[at];
	q = cb_asprintf(_("Retract \"%s\"? It stays in the history. Why? (required)"), a->text);
	if (ui_prompt(app, q, "", &reason, ui_need_reason, NULL, NULL) != 0) {
		free(q);
		return;
	}
	free(q);
	if (cb_store_action_retract(app->store, a->id, a->rev.version, reason, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Action retracted. It stays in the history."));
	free(reason);
	mp_reload(app, scr);
	/* The selection stays where it was, on the action that came next. */
	l->sel = s->agreed.len == 0 ? 0 : at < s->agreed.len ? at : s->agreed.len - 1;
}

/* Every version of the action selected (last time's or today's). */
void
mp_action_history(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	const struct cb_vec *from = s->part == MP_REVIEW ? &s->pulled : &s->agreed;
	size_t sel = s->list[s->part == MP_REVIEW ? MP_REVIEW : MP_ACTIONS].sel;

	if (from->len == 0) {
		ui_say(app, _("Nothing recorded here yet, so there is no history."));
		return;
	}
	ui_action_history(app, ((const struct cb_action *)from->items[sel])->id, scr);
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

void
mp_addendum(struct ui_app *app, struct ui_screen *scr)
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
