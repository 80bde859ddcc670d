/* SPDX-License-Identifier: MIT */
/* The minutes' Cycle of Change and risk rating parts: agreeing, confirming
 * and correcting a stage or the rating, and their history. */
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
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "minutes_parts.h"

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

void
mp_open_stage(struct ui_app *app, struct ui_screen *scr)
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

		mp_show_text(app, scr, _("Evidence"), r != NULL ? r->evidence : NULL);
		return;
	}
	issue = ln->issue != NULL ? ln->issue : pick_issue(app, ln->person_name);
	if (issue != NULL)
		change_stage(app, scr, ln->person_id, ln->person_name, issue, ln->before, ln->today);
}

void
mp_confirm_stage(struct ui_app *app, struct ui_screen *scr)
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

void
mp_add_stage(struct ui_app *app, struct ui_screen *scr)
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

void
mp_agree_rating(struct ui_app *app, struct ui_screen *scr, bool keep)
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

void
mp_series_history(struct ui_app *app, struct ui_screen *scr)
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

/* x on a stage or the rating agreed in this meeting, recorded in error:
 * retracted with a reason, until the minutes are signed. What stood
 * before shows again. Earlier records are retracted on their own
 * screens. */
void
mp_retract_series(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	struct cb_err err = {0};
	char *reason = NULL, *q;
	bool answered = false;
	int rc = -1;

	if (!mp_writable(app, s))
		return;
	if (s->part == MP_STAGES) {
		const struct cb_stage_line *ln = sel_line(s);

		if (ln == NULL || ln->today == NULL) {
			ui_error(app, _("No stage was agreed for this line today, so none to retract "
			                "here: earlier ones are retracted on the Cycle of Change (s)."));
			return;
		}
		q = cb_asprintf(_("Retract the stage agreed today for %s, %s? It stays in the "
		                  "history. Why? (required)"),
		                ln->person_name != NULL ? ln->person_name : "?",
		                mp_stage_name(app, ln->today->stage));
		if ((answered = ui_prompt(app, q, "", &reason, ui_need_reason, NULL, NULL) == 0))
			rc = cb_store_stage_retract(app->store, ln->today->id, ln->today->rev.version,
			                            reason, &err);
	} else {
		if (s->today == NULL) {
			ui_error(app, _("No rating was agreed here today, so none to retract: earlier "
			                "ones are retracted on the risk ratings (r)."));
			return;
		}
		q = cb_asprintf(_("Retract the rating agreed today, %s? It stays in the history. "
		                  "Why? (required)"),
		                cb_reflist_label(&app->ref->ratings, s->today->rating));
		if ((answered = ui_prompt(app, q, "", &reason, ui_need_reason, NULL, NULL) == 0))
			rc = cb_store_rating_retract(app->store, s->today->id, s->today->rev.version,
			                             reason, &err);
	}
	if (answered && rc != 0)
		ui_fail(app, &err);
	else if (answered)
		ui_say(app, _("Retracted; it and the reason stay in its history (h)."));
	free(q);
	free(reason);
	/* The selection stays on the line. */
	mp_reload(app, scr);
}
