/* SPDX-License-Identifier: MIT */
/* Cycle of Change, for each adult and each issue: the cycle drawn as a
 * ring with where the person is now marked, the words to use with the
 * parent on a visit, the worker's task at that stage, and how the stage
 * has moved over time. */
#include "config.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/help.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "casebook/ui_chart.h"
#include "casebook/utf8.h"
#include "../ui.h"

struct stages {
	char family_id[CB_UUID_LEN];
	char person_id[CB_UUID_LEN];   /* "" for every adult */
	struct cb_vec current;         /* struct cb_stage_record: a track's newest */
	struct cb_vec records;         /* struct cb_stage_record, oldest first */
	struct cb_vec timeline;        /* borrowed from records: the track's */
	size_t track;
	struct ui_list list;           /* over the timeline */
	struct cb_vec meetings;        /* struct cb_meeting: those records were agreed in */
};

/* Where a stage is assessed from this screen; group supervision records
 * its stages in the minutes. */
static const char *const contexts[] = {"visit", "conference"};
#define N_CONTEXTS (sizeof contexts / sizeof *contexts)

static void
stages_free(void *p)
{
	struct stages *s = p;

	cb_vec_clear(&s->timeline);
	cb_vec_clear(&s->records);
	cb_vec_clear(&s->current);
	cb_vec_clear(&s->meetings);
	free(s);
}

static const struct cb_stage_record *
current_track(const struct stages *s)
{
	return s->track < s->current.len ? s->current.items[s->track] : NULL;
}

static bool
same_track(const struct cb_stage_record *a, const struct cb_stage_record *b)
{
	return strcmp(a->person_id, b->person_id) == 0 && cb_streq(a->issue, b->issue);
}

/* The selected track's records, oldest first; the newest selected. */
static void
pick_track(struct stages *s, size_t track)
{
	const struct cb_stage_record *cur;
	size_t i;

	cb_vec_clear(&s->timeline);
	s->track = track < s->current.len ? track : 0;
	cur = current_track(s);
	for (i = 0; cur != NULL && i < s->records.len; i++)
		if (same_track(s->records.items[i], cur))
			cb_vec_push(&s->timeline, s->records.items[i]);
	s->list.count = s->timeline.len;
	s->list.sel = s->timeline.len > 0 ? s->timeline.len - 1 : 0;
	s->list.top = 0;
}

static void
set_title(struct ui_screen *scr)
{
	struct stages *s = scr->state;

	if (s->current.len > 1)
		snprintf(scr->title, sizeof scr->title,
		         _("Cycle of Change: %zu of %zu adults and issues (Left/Right for the others)"),
		         s->track + 1, s->current.len);
	else
		snprintf(scr->title, sizeof scr->title, "%s", _("Cycle of Change"));
}

/* The meeting a record was agreed in, or NULL. */
static const struct cb_meeting *
agreed_in(const struct stages *s, const struct cb_stage_record *r)
{
	size_t i;

	for (i = 0; r->meeting_id[0] != '\0' && i < s->meetings.len; i++) {
		const struct cb_meeting *m = s->meetings.items[i];

		if (strcmp(m->id, r->meeting_id) == 0)
			return m;
	}
	return NULL;
}

/* Read again, keeping the track (by person and issue) if it is still
 * there. */
static void
load(struct ui_app *app, struct ui_screen *scr, const char *person_id, const char *issue)
{
	struct stages *s = scr->state;
	const char *who = s->person_id[0] != '\0' ? s->person_id : NULL;
	struct cb_vec all = CB_VEC_BORROWING;
	struct cb_family *f = NULL;
	struct cb_err err = {0};
	size_t i, track = 0;

	cb_vec_clear(&s->timeline);
	cb_vec_clear(&s->records);
	cb_vec_clear(&s->current);
	if (cb_store_family_get(app->store, s->family_id, &f, &err) == 0)
		ui_screen_family(scr, f);
	cb_family_free(&f);
	/* The tracks go to s->current, which owns them; the others are freed
	 * here. */
	if (cb_store_stage_current(app->store, s->family_id, &all, &err) != 0 ||
	    cb_store_stage_list(app->store, s->family_id, who, &s->records, &err) != 0)
		ui_fail(app, &err);
	/* The store gives the whole family's tracks; keep the person's. */
	for (i = 0; i < all.len; i++) {
		struct cb_stage_record *r = all.items[i];

		if (who != NULL && strcmp(r->person_id, who) != 0) {
			cb_stage_record_free(&r);
			continue;
		}
		if (person_id != NULL && strcmp(r->person_id, person_id) == 0 &&
		    cb_streq(r->issue, issue))
			track = s->current.len;
		cb_vec_push(&s->current, r);
	}
	cb_vec_clear(&all);
	/* The meetings stages were agreed in, for who chaired them. */
	cb_vec_clear(&s->meetings);
	for (i = 0; i < s->records.len; i++) {
		const struct cb_stage_record *r = s->records.items[i];
		struct cb_meeting *m = NULL;

		if (r->meeting_id[0] == '\0' || agreed_in(s, r) != NULL)
			continue;
		if (cb_store_meeting_get(app->store, r->meeting_id, &m, &err) == 0)
			cb_vec_push(&s->meetings, m);
	}
	pick_track(s, track);
	set_title(scr);
}

static void
resume(struct ui_app *app, struct ui_screen *scr)
{
	struct stages *s = scr->state;
	const struct cb_stage_record *cur = current_track(s);
	char person[CB_UUID_LEN] = "", *issue = NULL;
	size_t sel = s->list.sel;

	if (cur != NULL) {
		memcpy(person, cur->person_id, CB_UUID_LEN);
		issue = cb_strdup(cur->issue);
	}
	load(app, scr, person, issue);
	if (sel < s->timeline.len)
		s->list.sel = sel;
	free(issue);
}

/* "on a visit", for a sentence. */
static const char *
where_phrase(const char *context)
{
	if (cb_streq(context, "visit"))
		return _("on a visit");
	if (cb_streq(context, "supervision"))
		return _("in group supervision");
	if (cb_streq(context, "conference"))
		return _("at a conference");
	return context != NULL ? context : "";
}

static const struct cb_refitem *
stage_item(struct ui_app *app, const char *stage)
{
	return cb_reflist_find(&app->ref->stages, stage);
}

static const char *
stage_name(struct ui_app *app, const char *stage)
{
	const struct cb_refitem *it = stage_item(app, stage);

	return it != NULL && it->name != NULL ? it->name : stage;
}

static const char *
stage_label(struct ui_app *app, const char *stage)
{
	const struct cb_refitem *it = stage_item(app, stage);

	return it != NULL && it->label != NULL ? it->label : stage;
}

/* The six labels in the order of the cycle. */
static void
wheel_labels(struct ui_app *app, const char *labels[UI_WHEEL_STAGES])
{
	static const char *const ids[UI_WHEEL_STAGES] = {
		"precontemplation", "contemplation", "preparation", "action", "maintenance", "relapse",
	};
	size_t i;

	for (i = 0; i < UI_WHEEL_STAGES; i++)
		labels[i] = stage_label(app, ids[i]);
}

static void
draw_wheel(struct ui_app *app, const struct cb_stage_record *cur, int y, int x, int w)
{
	const char *labels[UI_WHEEL_STAGES];
	struct ui_wheel wheel;
	int current = cur != NULL ? cb_stage_index(cur->stage) : -1, i;
	char *centre;

	wheel_labels(app, labels);
	if (cur != NULL) {
		char d[CB_DATE_LEN];

		cb_date_format(cur->date, d);
		centre = cb_asprintf(_("now: %s, since %s"), stage_name(app, cur->stage), d);
	} else {
		centre = cb_strdup(_("no stage recorded yet"));
	}
	ui_wheel_render(&wheel, labels, current, centre, w, ui_chart_unicode());
	for (i = 0; i < UI_WHEEL_ROWS; i++)
		ui_text(y + i, x, w, wheel.lines[i], A_NORMAL);
	if (current >= 0) {
		/* The current stage again, emphasised, over the plain one. */
		const struct ui_wheel_label *lb = &wheel.label[current];

		ui_text(y + lb->row, x + lb->col, lb->width, lb->text, A_REVERSE | A_BOLD);
	}
	ui_wheel_free(&wheel);
	free(centre);
}

/* Wrapped text in at most rows rows; where it is cut, the last row says
 * where to read the rest. */
static void
wrap_cut(struct ui_app *app, int y, int w, int rows, const char *text, int attr)
{
	ui_wrap(y, 1, w, rows, text, attr, 0);
	if (rows > 0 && ui_wrap_rows(text, w) > rows)
		ui_field(y + rows - 1, app->cols - 16, 15, _(" … (Enter: all)"),
		         ui_attr(app, UI_C_DIM) | A_BOLD);
}

static void
stages_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct stages *s = scr->state;
	const struct cb_stage_record *cur = current_track(s);
	int y = top, w = app->cols - 2, i, height, want_list, rows, x_stage = 13, w_stage = 16;
	int x_who = x_stage + w_stage + 1, w_who = 18, x_ev = x_who + w_who + 1;

	if (cur != NULL) {
		char *head = cb_asprintf("%s: %s", cur->person_name ? cur->person_name : "?",
		                         cb_reflist_label(&app->ref->issues, cur->issue));

		ui_field(y, 1, w, head, A_BOLD);
		free(head);
	} else {
		ui_text(y, 1, w, _("No stages recorded yet. Press a to record where an adult is, for "
		                   "an issue."), A_BOLD);
	}
	y++;
	draw_wheel(app, cur, y, 1, w);
	y += UI_WHEEL_ROWS;
	if (cur == NULL) {
		ui_wrap(y + 1, 2, w - 2, bottom - y - 1,
		        _("The Cycle of Change goes round: not ready, thinking about it, getting "
		          "ready, making changes, keeping them going; and slipping back is part of "
		          "change, not the end of it. Record each adult's stage for each issue with "
		          "the evidence for it; the timeline then shows how it moves."),
		        A_NORMAL, 0);
		return;
	}
	/* The timeline keeps at least four rows; the words above take the
	 * rest. */
	want_list = (int)s->timeline.len < 4 ? 4 : (int)s->timeline.len;
	rows = bottom - y - 1 - want_list;
	if (rows < 4)
		rows = bottom - y - 3 < 4 ? bottom - y - 3 : 4;
	if (rows < 0)
		rows = 0;
	{
		const struct cb_refitem *it = stage_item(app, cur->stage);
		char *parent = cb_asprintf("%s. %s", stage_label(app, cur->stage),
		                           it != NULL && it->for_parent ? it->for_parent : "");
		char *task = cb_asprintf(_("Your task (%s): %s"), stage_name(app, cur->stage),
		                         it != NULL && it->task ? it->task : "");
		int pr = ui_wrap_rows(parent, w), tr = ui_wrap_rows(task, w);

		/* What to say to the parent comes first; the task takes what is
		 * left. */
		if (pr > 4)
			pr = 4;
		if (pr > rows - 2)
			pr = rows - 2 > 0 ? rows - 2 : rows;
		if (tr > rows - pr)
			tr = rows - pr;
		wrap_cut(app, y, w, pr, parent, A_BOLD);
		wrap_cut(app, y + pr, w, tr, task, ui_attr(app, UI_C_DIM));
		y += pr + tr;
		free(parent);
		free(task);
	}
	if (y >= bottom)
		return;
	ui_text(y, 1, 11, _("Date"), A_UNDERLINE);
	ui_text(y, x_stage, w_stage, _("Stage"), A_UNDERLINE);
	ui_text(y, x_who, w_who, _("Assessed by"), A_UNDERLINE);
	ui_text(y, x_ev, app->cols - x_ev - 1, _("Evidence (oldest first)"), A_UNDERLINE);
	y++;
	height = bottom - y;
	ui_list_fit(&s->list, height);
	for (i = 0; i < height && s->list.top + (size_t)i < s->timeline.len; i++) {
		size_t k = s->list.top + (size_t)i;
		const struct cb_stage_record *r = s->timeline.items[k];
		int attr = k == s->list.sel ? A_REVERSE : A_NORMAL;
		char d[CB_DATE_LEN];

		cb_date_format(r->date, d);
		ui_field(y + i, 0, app->cols, "", attr);
		ui_field(y + i, 1, 11, d, attr);
		ui_field(y + i, x_stage, w_stage, stage_name(app, r->stage),
		         attr | (k + 1 == s->timeline.len ? A_BOLD : 0));
		/* Agreed in supervision: the team's judgement, not the
		 * minute-taker's (Enter shows the chair and who recorded it). */
		ui_field(y + i, x_who, w_who,
		         r->meeting_id[0] != '\0' ? _("Group supervision")
		         : r->rev.created_by_name  ? r->rev.created_by_name
		                                   : "?",
		         attr);
		ui_field(y + i, x_ev, app->cols - x_ev - 1, r->evidence, attr);
	}
}

static const struct cb_stage_record *
selected(struct stages *s)
{
	return s->list.sel < s->timeline.len ? s->timeline.items[s->list.sel] : NULL;
}

static char *
record_text(struct ui_app *app, const struct stages *s, const struct cb_stage_record *r)
{
	const struct cb_refitem *it = stage_item(app, r->stage);
	struct cb_buf b = {0};
	char d[CB_DATE_LEN];

	cb_date_format(r->date, d);
	cb_buf_addf(&b, "%s: %s\n", r->person_name ? r->person_name : "?",
	            cb_reflist_label(&app->ref->issues, r->issue));
	if (r->meeting_id[0] != '\0') {
		const struct cb_meeting *m = agreed_in(s, r);
		char md[CB_DATE_LEN];

		cb_date_format(m != NULL ? m->date : r->date, md);
		cb_buf_addf(&b, _("%s (%s), agreed in group supervision on %s"),
		            stage_name(app, r->stage), stage_label(app, r->stage), md);
		if (m != NULL && !cb_str_empty(m->chair_name))
			cb_buf_addf(&b, _(", chaired by %s"), m->chair_name);
		cb_buf_add(&b, ".\n");
		cb_buf_addf(&b, _("Minuted by %s at %.16s (version %d).\n"),
		            r->rev.created_by_name ? r->rev.created_by_name : "?", r->rev.created_at,
		            r->rev.version);
	} else {
		cb_buf_addf(&b, _("%s (%s), assessed on %s, %s.\n"), stage_name(app, r->stage),
		            stage_label(app, r->stage), d, where_phrase(r->context));
		cb_buf_addf(&b, _("Recorded by %s at %.16s (version %d).\n"),
		            r->rev.created_by_name ? r->rev.created_by_name : "?", r->rev.created_at,
		            r->rev.version);
	}
	cb_buf_addf(&b, "\n%s\n%s\n", _("Evidence"), r->evidence);
	cb_buf_addf(&b, "\n%s\n%s\n", _("What would show the next stage"),
	            !cb_str_empty(r->next_signs) ? r->next_signs : _("(not recorded)"));
	if (it != NULL) {
		if (it->meaning != NULL)
			cb_buf_addf(&b, "\n%s\n%s\n", _("What this stage means"), it->meaning);
		if (it->for_parent != NULL)
			cb_buf_addf(&b, "\n%s\n%s\n", _("One way to say it to the parent"), it->for_parent);
		if (it->task != NULL)
			cb_buf_addf(&b, "\n%s\n%s\n", _("The worker's task at this stage"), it->task);
	}
	return cb_buf_take(&b);
}

static void
view_record(struct ui_app *app, struct ui_screen *scr)
{
	const struct cb_stage_record *r = selected(scr->state);
	char d[CB_DATE_LEN], *text, *title;

	if (r == NULL)
		return;
	cb_date_format(r->date, d);
	text = record_text(app, scr->state, r);
	title = cb_asprintf(_("Cycle of Change: %s on %s"), stage_name(app, r->stage), d);
	ui_open_text(app, title, text, scr);
	free(text);
	free(title);
}

static void
show_history(struct ui_app *app, struct ui_screen *scr, const struct cb_stage_record *r)
{
	struct cb_vec hist = CB_VEC_OWNING(cb_stage_record_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_stage_history(app->store, r->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		const struct cb_stage_record *h = hist.items[i];

		ui_version_push(&versions, &h->rev, record_text(app, scr->state, h));
	}
	ui_open_history(app, _("History of the stage record"), &versions, scr);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

static char *
record_pick_label(struct ui_app *app, const void *p)
{
	const struct cb_stage_record *r = p;
	char d[CB_DATE_LEN];

	cb_date_format(r->date, d);
	return cb_asprintf(_("%s, %s: %s (%s)"), r->person_name ? r->person_name : "?",
	                   cb_reflist_label(&app->ref->issues, r->issue), stage_name(app, r->stage),
	                   d);
}

/* h: the selected stage record's history, or a retracted one's (which has left
 * the list). */
static void
record_history(struct ui_app *app, struct ui_screen *scr)
{
	struct stages *v = scr->state;
	const struct cb_stage_record *cur = selected(v);
	struct cb_vec gone = CB_VEC_OWNING(cb_stage_record_free_item);
	struct cb_err err = {0};
	const void *chosen;

	if (cb_store_stage_retracted(app->store, v->family_id, &gone, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	chosen = ui_pick_history(app, cur, &gone, offsetof(struct cb_stage_record, rev), record_pick_label);
	if (chosen != NULL)
		show_history(app, scr, chosen);
	cb_vec_clear(&gone);
}

struct stage_save {
	struct cb_stage_record *record;
};

static int
save_stage(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
           struct cb_err *err)
{
	struct stage_save *ss = ctx;
	int rc;

	if (cb_str_empty(text))
		return cb_err_set(err, CB_EINVAL,
		                  _("A stage needs its evidence: what the person said or did. Nothing "
		                    "is saved yet."));
	free(ss->record->evidence);
	ss->record->evidence = cb_str_trim(text);
	if (cb_stage_record_check(ss->record, app->ref, err) != 0)
		return -1;
	rc = cb_store_stage_add(app->store, ss->record, err);
	if (rc != 0)
		memcpy(pending, ss->record->rev.row_id, CB_UUID_LEN);
	return rc;
}

/* The stage of a person's issue now, or NULL. */
static const struct cb_stage_record *
find_current(struct stages *s, const char *person_id, const char *issue)
{
	size_t i;

	for (i = 0; i < s->current.len; i++) {
		const struct cb_stage_record *r = s->current.items[i];

		if (strcmp(r->person_id, person_id) == 0 && cb_streq(r->issue, issue))
			return r;
	}
	return NULL;
}

static void
add_stage(struct ui_app *app, struct ui_screen *scr)
{
	struct stages *s = scr->state;
	const struct cb_stage_record *cur = current_track(s), *was;
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec adults = CB_VEC_BORROWING;
	size_t ni = cb_reflist_len(&app->ref->issues), ns = cb_reflist_len(&app->ref->stages), i;
	struct ui_choice *who = NULL, *issues = NULL, *stages = NULL, where[N_CONTEXTS];
	struct stage_save ss = {cb_stage_record_new()};
	const struct cb_help_entry *help = ui_help_find(app, "stages");
	const struct cb_person *adult;
	struct ui_edit e = {0};
	struct cb_err err = {0};
	char **stage_text = NULL, *next = NULL, *key = NULL, *title = NULL, *label = NULL;
	size_t initial = 0;
	int pick, issue, stage, ctx;

	if (cb_store_person_list(app->store, s->family_id, &people, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	for (i = 0; i < people.len; i++) {
		const struct cb_person *p = people.items[i];

		if (cb_member_is_adult(p->role) &&
		    (s->person_id[0] == '\0' || strcmp(p->id, s->person_id) == 0))
			cb_vec_push(&adults, people.items[i]);
	}
	if (adults.len == 0) {
		ui_error(app, _("There are no adults in the family yet: add them with m on the family "
		                "record."));
		goto out;
	}
	who = cb_calloc(adults.len, sizeof *who);
	for (i = 0; i < adults.len; i++) {
		const struct cb_person *p = adults.items[i];

		who[i] = (struct ui_choice){p->name, cb_member_role_label(p->role), false};
		if (cur != NULL && strcmp(cur->person_id, p->id) == 0)
			initial = i;
	}
	if ((pick = ui_pick(app, _("Whose stage?"), who, adults.len, initial)) < 0)
		goto out;
	adult = adults.items[(size_t)pick];
	if (ni == 0 || ns == 0) {
		ui_error(app, _("data/stages.yaml lists no issues or stages."));
		goto out;
	}
	issues = cb_calloc(ni, sizeof *issues);
	initial = 0;
	for (i = 0; i < ni; i++) {
		const struct cb_refitem *it = cb_reflist_at(&app->ref->issues, i);

		issues[i] = (struct ui_choice){it->label, NULL, false};
		if (find_current(s, adult->id, it->id) != NULL)
			issues[i].detail = _("A stage is recorded for this already: a new one adds to "
			                     "its timeline.");
		if (cur != NULL && strcmp(cur->person_id, adult->id) == 0 && cb_streq(cur->issue, it->id))
			initial = i;
	}
	label = cb_asprintf(_("Which issue, for %s?"), adult->name);
	if ((issue = ui_pick(app, label, issues, ni, initial)) < 0)
		goto out;
	was = find_current(s, adult->id, cb_reflist_at(&app->ref->issues, (size_t)issue)->id);
	stages = cb_calloc(ns, sizeof *stages);
	stage_text = cb_calloc(ns, sizeof *stage_text);
	initial = 0;
	for (i = 0; i < ns; i++) {
		const struct cb_refitem *it = cb_reflist_at(&app->ref->stages, i);

		stage_text[i] = cb_asprintf("%s: %s%s", it->name ? it->name : it->id,
		                            it->label ? it->label : "",
		                            was != NULL && cb_streq(was->stage, it->id) ? _(" (the stage now)") : "");
		stages[i] = (struct ui_choice){stage_text[i], it->meaning, false};
		if (was != NULL && cb_streq(was->stage, it->id))
			initial = i;
	}
	free(label);
	label = cb_asprintf(_("Where is %s now?"), adult->name);
	if ((stage = ui_pick(app, label, stages, ns, initial)) < 0)
		goto out;
	if (ui_prompt_date(app, _("Assessed on"), cb_date_today(), &ss.record->date) != 0)
		goto out;
	for (i = 0; i < N_CONTEXTS; i++)
		where[i] = (struct ui_choice){cb_rating_context_label(contexts[i]), NULL, false};
	if ((ctx = ui_pick(app, _("Where was it assessed?"), where, N_CONTEXTS, 0)) < 0)
		goto out;
	if (ui_prompt(app, _("What would show the next stage? (optional)"), "", &next, NULL, NULL,
	              NULL) != 0)
		goto out;
	memcpy(ss.record->family_id, s->family_id, CB_UUID_LEN);
	memcpy(ss.record->person_id, adult->id, CB_UUID_LEN);
	ss.record->issue = cb_strdup(cb_reflist_at(&app->ref->issues, (size_t)issue)->id);
	ss.record->stage = cb_strdup(cb_reflist_at(&app->ref->stages, (size_t)stage)->id);
	ss.record->context = cb_strdup(contexts[ctx]);
	ss.record->next_signs = cb_str_empty(next) ? NULL : cb_str_trim(next);
	key = cb_asprintf("stage:new:%s:%s:%s", s->family_id, adult->id, ss.record->issue);
	title = cb_asprintf(_("%s, %s: %s. The evidence"), adult->name,
	                    cb_reflist_label(&app->ref->issues, ss.record->issue),
	                    stage_name(app, ss.record->stage));
	free(label);
	label = cb_asprintf(_("The evidence for this stage: what %s said and did, not what the team "
	                      "hopes. Required. Ctrl-S saves."),
	                    adult->name);
	e.title = title;
	e.label = label;
	e.example = help != NULL ? help->good_recording : NULL;
	e.draft_key = key;
	e.family_id = s->family_id;
	/* An empty text reaches save_stage, which says what is missing. */
	e.allow_empty = true;
	e.save = save_stage;
	e.ctx = &ss;
	if (ui_edit_text(app, &e) == 0) {
		ui_say(app, _("Stage saved: %s, %s."), adult->name, stage_name(app, ss.record->stage));
		load(app, scr, adult->id, ss.record->issue);
	}
out:
	for (i = 0; stage_text != NULL && i < ns; i++)
		free(stage_text[i]);
	free(stage_text);
	free(who);
	free(issues);
	free(stages);
	free(next);
	free(key);
	free(title);
	free(label);
	cb_vec_clear(&adults);
	cb_vec_clear(&people);
	cb_stage_record_free(&ss.record);
}

/* A correction of the selected record: the stage, the date, what would
 * show the next stage and the evidence, each offered as it stands. */
struct stage_fix {
	struct cb_stage_record *record;
	const char *stage;          /* the stage picked */
	struct cb_date date;
	char *next;
	bool changed;
};

static int
save_fix(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
         struct cb_err *err)
{
	struct stage_fix *f = ctx;
	struct cb_stage_record *r = f->record;
	char *evidence;
	int rc;

	if (cb_str_empty(text))
		return cb_err_set(err, CB_EINVAL,
		                  _("A stage needs its evidence: what the person said or did. Nothing "
		                    "is saved yet."));
	evidence = cb_str_trim(text);
	f->changed = !cb_streq(evidence, r->evidence) || !cb_streq(f->stage, r->stage) ||
	             cb_date_cmp(f->date, r->date) != 0 ||
	             !cb_streq(cb_str_empty(f->next) ? NULL : f->next,
	                       cb_str_empty(r->next_signs) ? NULL : r->next_signs);
	if (!f->changed) {
		free(evidence);
		return 0;
	}
	free(r->evidence);
	r->evidence = evidence;
	free(r->stage);
	r->stage = cb_strdup(f->stage);
	r->date = f->date;
	free(r->next_signs);
	r->next_signs = cb_str_empty(f->next) ? NULL : cb_str_trim(f->next);
	if (cb_stage_record_check(r, app->ref, err) != 0)
		return -1;
	rc = cb_store_stage_correct(app->store, r, err);
	if (rc != 0)
		memcpy(pending, r->rev.row_id, CB_UUID_LEN);
	return rc;
}

static void
correct_stage(struct ui_app *app, struct ui_screen *scr)
{
	struct stages *s = scr->state;
	struct cb_stage_record *r = (struct cb_stage_record *)selected(s);
	size_t ns = cb_reflist_len(&app->ref->stages), i, initial = 0;
	struct ui_choice *stages = NULL;
	char **stage_text = NULL, *key = NULL, *title = NULL, *label = NULL, *question = NULL;
	const struct cb_help_entry *help = ui_help_find(app, "stages");
	struct stage_fix f = {r, NULL, {0, 0, 0}, NULL, false};
	struct ui_edit e = {0};
	int pick;

	if (r == NULL) {
		ui_error(app, _("There is no stage to correct here: press a to record one."));
		return;
	}
	stages = cb_calloc(ns + 1, sizeof *stages);
	stage_text = cb_calloc(ns + 1, sizeof *stage_text);
	for (i = 0; i < ns; i++) {
		const struct cb_refitem *it = cb_reflist_at(&app->ref->stages, i);
		bool was = cb_streq(r->stage, it->id);

		stage_text[i] = cb_asprintf("%s: %s%s", it->name ? it->name : it->id,
		                            it->label ? it->label : "", was ? _(" (as recorded)") : "");
		stages[i] = (struct ui_choice){stage_text[i], it->meaning, false};
		if (was)
			initial = i;
	}
	question = cb_asprintf(_("Correct the stage for %s (Enter keeps it as recorded)"),
	                       r->person_name ? r->person_name : "?");
	if ((pick = ui_pick(app, question, stages, ns, initial)) < 0)
		goto out;
	f.stage = cb_reflist_at(&app->ref->stages, (size_t)pick)->id;
	if (ui_prompt_date(app, _("Assessed on"), r->date, &f.date) != 0)
		goto out;
	if (ui_prompt(app, _("What would show the next stage? (optional)"),
	              r->next_signs != NULL ? r->next_signs : "", &f.next, NULL, NULL, NULL) != 0)
		goto out;
	key = cb_asprintf("stage:%s", r->id);
	title = cb_asprintf(_("Correcting %s, %s: %s (a new version; the old one is kept)"),
	                    r->person_name ? r->person_name : "?",
	                    cb_reflist_label(&app->ref->issues, r->issue), stage_name(app, f.stage));
	label = cb_asprintf(_("The evidence for this stage. The earlier version stays in its "
	                      "history. Ctrl-S saves."));
	e.title = title;
	e.label = label;
	e.example = help != NULL ? help->good_recording : NULL;
	e.initial = r->evidence;
	e.base_rev = &r->rev;
	e.draft_key = key;
	e.family_id = s->family_id;
	e.allow_empty = true;
	e.save = save_fix;
	e.ctx = &f;
	if (ui_edit_text(app, &e) == 0) {
		if (f.changed)
			ui_say(app, _("Corrected: version %d; h shows the earlier one."), r->rev.version);
		else
			ui_say(app, _("Nothing was changed, so nothing was saved."));
	}
	resume(app, scr);
out:
	for (i = 0; i < ns; i++)
		free(stage_text[i]);
	free(stage_text);
	free(stages);
	free(f.next);
	free(key);
	free(title);
	free(label);
	free(question);
}

static void
retract_stage(struct ui_app *app, struct ui_screen *scr)
{
	struct stages *s = scr->state;
	const struct cb_stage_record *r = selected(s);
	struct cb_err err = {0};
	char *reason = NULL, *question;

	if (r == NULL) {
		ui_error(app, _("There is no stage to retract here."));
		return;
	}
	question = cb_asprintf(_("Retract %s's stage (%s)? It stays in the history. Why?"),
	                       r->person_name ? r->person_name : "?", stage_name(app, r->stage));
	if (ui_prompt(app, question, "", &reason, ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_stage_retract(app->store, r->id, r->rev.version, reason, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Retracted; the stage and the reason stay in its history."));
		/* The track may have gone: start again from the first. */
		load(app, scr, NULL, NULL);
	}
	free(reason);
	free(question);
}

static int
stages_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct stages *s = scr->state;

	(void)key;
	switch (action) {
	case UI_LEFT:
		if (s->current.len > 1)
			pick_track(s, s->track > 0 ? s->track - 1 : s->current.len - 1);
		set_title(scr);
		return UI_HANDLED;
	case UI_RIGHT:
		if (s->current.len > 1)
			pick_track(s, s->track + 1 < s->current.len ? s->track + 1 : 0);
		set_title(scr);
		return UI_HANDLED;
	case UI_ADD: add_stage(app, scr); return UI_HANDLED;
	case UI_OPEN: view_record(app, scr); return UI_HANDLED;
	case UI_HISTORY: record_history(app, scr); return UI_HANDLED;
	case UI_EDIT: correct_stage(app, scr); return UI_HANDLED;
	case UI_RETRACT: retract_stage(app, scr); return UI_HANDLED;
	default:
		return ui_list_move(&s->list, action) ? UI_HANDLED : 0;
	}
}

static const struct ui_screen_ops stages_ops = {
	UI_SCR_STAGES, "stages", stages_draw, stages_key, resume, NULL, stages_free,
};

void
ui_open_stages(struct ui_app *app, const char *family_id, const char *person_id)
{
	struct stages *s = cb_calloc(1, sizeof *s);
	struct ui_screen *scr;

	snprintf(s->family_id, sizeof s->family_id, "%s", family_id);
	snprintf(s->person_id, sizeof s->person_id, "%s", person_id != NULL ? person_id : "");
	s->current = (struct cb_vec)CB_VEC_OWNING(cb_stage_record_free_item);
	s->records = (struct cb_vec)CB_VEC_OWNING(cb_stage_record_free_item);
	s->timeline = (struct cb_vec)CB_VEC_BORROWING;
	s->meetings = (struct cb_vec)CB_VEC_OWNING(cb_meeting_free_item);
	scr = ui_screen_new(&stages_ops, s, _("Cycle of Change"));
	load(app, scr, NULL, NULL);
	ui_push(app, scr);
}
