/* SPDX-License-Identifier: MIT */
/* One goal in full: the family's words, why it matters, the steps, and
 * its reviews over time as a bar chart, so the family and the worker can
 * see movement rather than a yes or no. Changing or stopping a goal asks
 * for the reason; corrections are new versions. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/help.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "casebook/ui_chart.h"
#include "casebook/utf8.h"
#include "../ui.h"
#include "goal.h"

struct goal_view {
	char id[CB_UUID_LEN];
	struct cb_goal *goal;
	struct cb_vec reviews;   /* struct cb_goal_review, oldest first */
	struct ui_list list;     /* over the reviews, newest first */
};

static const char *const proposers[] = {"parent", "child", "worker", "jointly"};
#define N_PROPOSERS (sizeof proposers / sizeof *proposers)

const char *
ui_goal_proposed(const struct cb_goal *g)
{
	if (cb_streq(g->proposed_by, "parent"))
		return _("proposed by a parent");
	if (cb_streq(g->proposed_by, "child"))
		return _("proposed by a child");
	if (cb_streq(g->proposed_by, "worker"))
		return _("proposed by a worker");
	if (cb_streq(g->proposed_by, "jointly"))
		return _("proposed jointly");
	return _("proposer not recorded");
}

/* The choices for who proposed a goal, in the order of proposers[]. */
static void
proposer_choices(struct ui_choice who[N_PROPOSERS])
{
	who[0] = (struct ui_choice){_("A parent"), NULL, false};
	who[1] = (struct ui_choice){_("A child"), NULL, false};
	who[2] = (struct ui_choice){_("A worker"), NULL, false};
	who[3] = (struct ui_choice){_("Jointly"), _("The family and the worker together."), false};
}

const char *
ui_goal_whose(const struct cb_goal *g)
{
	return g->person_id[0] != '\0' && g->person_name != NULL ? g->person_name
	                                                          : _("Whole family");
}

/* Each editor its own example: writing a goal and its steps ("goals" in
 * data/training-help.yaml), or reviewing one ("goal"). */
static const char *
goal_example(struct ui_app *app)
{
	const struct cb_help_entry *e = ui_help_find(app, "goals");

	return e != NULL ? e->good_recording : NULL;
}

/* History */

static char *
goal_text(const struct cb_goal *g)
{
	struct cb_buf b = {0};
	char d[CB_DATE_LEN];

	cb_buf_addf(&b, "\"%s\"\n", g->words);
	cb_buf_addf(&b, _("Whose goal: %s\n"), ui_goal_whose(g));
	cb_buf_addf(&b, _("Who proposed it: %s\n"), cb_goal_proposer_label(g->proposed_by));
	cb_date_format(g->set_on, d);
	cb_buf_addf(&b, _("Agreed on: %s\n"), d);
	if (cb_date_is_set(g->target)) {
		cb_date_format(g->target, d);
		cb_buf_addf(&b, _("Target date: %s\n"), d);
	}
	cb_buf_addf(&b, _("Status: %s%s%s\n"), cb_goal_status_label(g->status),
	            !cb_str_empty(g->status_reason) ? ": " : "",
	            !cb_str_empty(g->status_reason) ? g->status_reason : "");
	if (!cb_str_empty(g->why))
		cb_buf_addf(&b, _("Why it matters: %s\n"), g->why);
	if (!cb_str_empty(g->steps))
		cb_buf_addf(&b, _("Steps: %s\n"), g->steps);
	return cb_buf_take(&b);
}

/* A version of the goal or of a review, to sort them by when written. */
struct dated_version {
	char stamp[CB_STAMP_LEN];
	struct ui_version *v;
};

static int
by_stamp(const void *a, const void *b)
{
	const struct dated_version *x = *(const struct dated_version *const *)a;
	const struct dated_version *y = *(const struct dated_version *const *)b;

	return strcmp(x->stamp, y->stamp);
}

static void
dated_free(void *p)
{
	struct dated_version *dv = p;

	ui_version_free_item(dv->v);
	free(dv);
}

static void
push_dated(struct cb_vec *v, const struct cb_rev *rev, char *heading, char *text)
{
	struct dated_version *dv = cb_calloc(1, sizeof *dv);

	memcpy(dv->stamp, rev->created_at, CB_STAMP_LEN);
	dv->v = cb_calloc(1, sizeof *dv->v);
	dv->v->heading = heading;
	dv->v->text = text;
	cb_vec_push(v, dv);
}

void
ui_goal_history(struct ui_app *app, const struct cb_goal *g, const struct ui_screen *about)
{
	struct cb_vec goals = CB_VEC_OWNING(cb_goal_free_item);
	struct cb_vec reviews = CB_VEC_OWNING(cb_goal_review_free_item);
	struct cb_vec dated = CB_VEC_OWNING(dated_free);
	struct cb_vec versions = CB_VEC_BORROWING;
	struct cb_err err = {0};
	size_t i;

	if (cb_store_goal_history(app->store, g->id, &goals, &err) != 0 ||
	    cb_store_review_versions(app->store, g->id, &reviews, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	for (i = 0; i < goals.len; i++) {
		const struct cb_goal *x = goals.items[i];
		char *body = goal_text(x);

		push_dated(&dated, &x->rev,
		           cb_asprintf(_("The goal, version %d, %.16s, %s%s"), x->rev.version,
		                       x->rev.created_at,
		                       x->rev.created_by_name ? x->rev.created_by_name : "?",
		                       x->rev.retracted ? _(", RETRACTED") : ""),
		           cb_asprintf("%s%s%s%s", x->rev.reason ? _("Reason for this version: ") : "",
		                       x->rev.reason ? x->rev.reason : "", x->rev.reason ? "\n" : "",
		                       body));
		free(body);
	}
	for (i = 0; i < reviews.len; i++) {
		const struct cb_goal_review *r = reviews.items[i];
		char d[CB_DATE_LEN];

		cb_date_format(r->date, d);
		push_dated(&dated, &r->rev,
		           cb_asprintf(_("Review of %s, version %d, %.16s, %s"), d, r->rev.version,
		                       r->rev.created_at,
		                       r->rev.created_by_name ? r->rev.created_by_name : "?"),
		           cb_asprintf(_("Score %d out of 10%s%s%s\n%s"), r->score,
		                       r->rev.reason ? _("\nReason for this version: ") : "",
		                       r->rev.reason ? r->rev.reason : "", r->rev.retracted ? _(" (RETRACTED)") : "",
		                       r->note != NULL ? r->note : _("(no note)")));
	}
	cb_vec_sort(&dated, by_stamp);
	for (i = 0; i < dated.len; i++)
		cb_vec_push(&versions, ((struct dated_version *)dated.items[i])->v);
	ui_open_history(app, _("History of the goal and its reviews"), &versions, about);
out:
	cb_vec_clear(&versions);
	cb_vec_clear(&dated);
	cb_vec_clear(&goals);
	cb_vec_clear(&reviews);
}

/* The screen */

static void
goal_free(void *p)
{
	struct goal_view *v = p;

	cb_goal_free(&v->goal);
	cb_vec_clear(&v->reviews);
	free(v);
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct goal_view *v = scr->state;
	struct cb_family *f = NULL;
	struct cb_err err = {0};

	cb_goal_free(&v->goal);
	cb_vec_clear(&v->reviews);
	if (cb_store_goal_get(app->store, v->id, &v->goal, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	if (cb_store_family_get(app->store, v->goal->family_id, &f, &err) == 0)
		ui_screen_family(scr, f);
	cb_family_free(&f);
	if (cb_store_review_list(app->store, v->id, &v->reviews, &err) != 0)
		ui_fail(app, &err);
	v->list.count = v->reviews.len;
	snprintf(scr->title, sizeof scr->title, _("Goal: %s"), ui_goal_whose(v->goal));
}

/* The review on list row k (newest first). */
static struct cb_goal_review *
review_at(struct goal_view *v, size_t k)
{
	return k < v->reviews.len ? v->reviews.items[v->reviews.len - 1 - k] : NULL;
}

/* One line, at most width columns, with "…" where it is cut. */
static void
line_of(int y, int x, int width, const char *label, const char *text, int attr)
{
	char *s = cb_asprintf("%s%s", label, text);

	if (cb_utf8_width(s) > (size_t)width) {
		char *cut = cb_utf8_pad(s, (size_t)width);

		ui_text(y, x, width, cut, attr);
		free(cut);
	} else {
		ui_text(y, x, width, s, attr);
	}
	free(s);
}

static int
draw_details(struct ui_app *app, const struct cb_goal *g, int y, int w)
{
	struct cb_buf b = {0};
	char d[CB_DATE_LEN];
	char *q;
	int rows;

	cb_date_format(g->set_on, d);
	cb_buf_addf(&b, _("%s · %s · agreed %s"), cb_goal_status_label(g->status),
	            ui_goal_proposed(g), d);
	if (cb_date_is_set(g->target)) {
		cb_date_format(g->target, d);
		cb_buf_addf(&b, _(" · target %s"), d);
	}
	line_of(y++, 1, w, "", cb_buf_str(&b), A_NORMAL);
	cb_buf_free(&b);
	q = cb_asprintf("\"%s\"", g->words);
	rows = ui_wrap(y, 1, w, 2, q, A_BOLD, 0);
	free(q);
	y += rows;
	if (!cb_streq(g->status, "active") && !cb_str_empty(g->status_reason)) {
		char *lab = cb_asprintf("%s: ", cb_goal_status_label(g->status));

		line_of(y++, 1, w, lab, g->status_reason, A_BOLD);
		free(lab);
	}
	if (!cb_str_empty(g->why))
		line_of(y++, 1, w, _("Why: "), g->why, A_NORMAL);
	if (!cb_str_empty(g->steps))
		line_of(y++, 1, w, _("Steps: "), g->steps, A_NORMAL);
	return y;
}

static void
goal_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct goal_view *v = scr->state;
	struct ui_bars bars;
	int *scores = NULL, y, w = app->cols - 2, i, list_y, height;
	struct cb_date *dates = NULL;
	size_t n = v->reviews.len, k, sel;

	if (v->goal == NULL) {
		ui_text(top, 2, w, _("This goal could not be opened."), A_BOLD);
		return;
	}
	y = draw_details(app, v->goal, top, w);
	{
		char *head = cb_asprintf(_("Reviews: %zu (0 = not started, 10 = achieved)"), n);

		ui_text(y++, 1, w, head, A_BOLD | A_UNDERLINE);
		free(head);
	}
	if (n == 0) {
		ui_wrap(y + 1, 2, w - 2, 3,
		        _("No reviews yet. Press r to review the goal with the family: a score "
		          "from 0 to 10 and what they said about it."),
		        A_NORMAL, 0);
		return;
	}
	scores = cb_calloc(n, sizeof *scores);
	dates = cb_calloc(n, sizeof *dates);
	for (k = 0; k < n; k++) {
		const struct cb_goal_review *r = v->reviews.items[k];

		scores[k] = r->score;
		dates[k] = r->date;
	}
	ui_list_fit(&v->list, 1);
	sel = n - 1 - v->list.sel;
	ui_bars_render(&bars, scores, dates, n, sel, w, ui_chart_unicode());
	for (i = 0; i < UI_BARS_ROWS && y + i < bottom; i++)
		ui_text(y + i, 1, w, bars.lines[i], A_NORMAL);
	{
		int col = ui_bars_col(&bars, sel);
		char d[CB_DATE_LEN + 1];

		if (col >= 0 && y + 7 < bottom) {
			snprintf(d, sizeof d, "%02d/%02d", dates[sel].d, dates[sel].m);
			ui_text(y + 7, 1 + col, 5, d, A_REVERSE | A_BOLD);
		}
	}
	ui_bars_free(&bars);
	free(scores);
	free(dates);
	list_y = y + UI_BARS_ROWS;
	height = bottom - list_y;
	if (height < 1)
		return;
	ui_list_fit(&v->list, height);
	for (i = 0; i < height && v->list.top + (size_t)i < n; i++) {
		size_t row = v->list.top + (size_t)i;
		const struct cb_goal_review *r = review_at(v, row);
		int attr = row == v->list.sel ? A_REVERSE : A_NORMAL, who_w = 18;
		char d[CB_DATE_LEN], num[16];

		cb_date_format(r->date, d);
		snprintf(num, sizeof num, "%d/10", r->score);
		ui_field(list_y + i, 0, app->cols, "", attr);
		ui_field(list_y + i, 1, 11, d, attr);
		ui_field(list_y + i, 13, 6, num, attr | A_BOLD);
		ui_field(list_y + i, 19, app->cols - 20 - who_w - 1,
		         r->note != NULL ? r->note : _("(no note)"), attr);
		ui_field(list_y + i, app->cols - who_w - 1, who_w,
		         r->rev.created_by_name ? r->rev.created_by_name : "?", attr);
	}
}

static void
view_all(struct ui_app *app, struct ui_screen *scr)
{
	struct goal_view *v = scr->state;
	struct cb_buf b = {0};
	char *g, *title;
	size_t i;

	if (v->goal == NULL)
		return;
	g = goal_text(v->goal);
	cb_buf_add(&b, g);
	free(g);
	cb_buf_addf(&b, "\n%s\n", _("Reviews, newest first (0 = not started, 10 = achieved)"));
	if (v->reviews.len == 0)
		cb_buf_addf(&b, "%s\n", _("None yet."));
	for (i = 0; i < v->reviews.len; i++) {
		const struct cb_goal_review *r = review_at(v, i);
		char d[CB_DATE_LEN];

		cb_date_format(r->date, d);
		cb_buf_addf(&b, _("\n%s: %d out of 10 (%s)\n%s\n"), d, r->score,
		            r->rev.created_by_name ? r->rev.created_by_name : "?",
		            r->note != NULL ? r->note : _("(no note)"));
	}
	title = cb_asprintf(_("Goal: %s"), ui_goal_whose(v->goal));
	ui_open_text(app, title, cb_buf_str(&b), scr);
	free(title);
	cb_buf_free(&b);
}

/* Status: achieved, changed, stopped (or active again). */

static int
need_reason(const char *text, void *ctx, struct cb_err *err)
{
	const char *status = ctx;

	if (!cb_str_empty(text))
		return 0;
	return cb_err_set(err, CB_EINVAL,
	                  cb_streq(status, "changed")
	                      ? _("Say why the goal was changed: a reason is needed (Esc cancels)")
	                      : _("Say why the goal was stopped: a reason is needed (Esc cancels)"));
}

static void
set_status(struct ui_app *app, struct ui_screen *scr)
{
	struct goal_view *v = scr->state;
	static const char *const ids[] = {"achieved", "changed", "stopped", "active"};
	struct ui_choice items[4];
	struct cb_err err = {0};
	const char *question;
	char *reason = NULL, *old_status, *old_reason;
	size_t n = 0;
	int pick;

	if (v->goal == NULL)
		return;
	items[n++] = (struct ui_choice){_("Achieved"), _("The family got there. Say what shows it."),
	                                false};
	items[n++] = (struct ui_choice){_("Changed"),
	                                _("Replaced by a different goal. A reason is needed; add "
	                                  "the new goal from the goals list."),
	                                false};
	items[n++] = (struct ui_choice){_("Stopped"),
	                                _("No longer worked on. A reason is needed."), false};
	if (!cb_streq(v->goal->status, "active"))
		items[n++] = (struct ui_choice){_("Active again"), _("Back to working on it."), false};
	pick = ui_pick(app, _("Mark the goal"), items, n, 0);
	if (pick < 0)
		return;
	if (cb_streq(ids[pick], v->goal->status)) {
		ui_say(app, _("The goal is already %s."), cb_goal_status_label(ids[pick]));
		return;
	}
	switch (pick) {
	case 0: question = _("What shows it is achieved? (optional)"); break;
	case 1: question = _("Why was the goal changed? (needed)"); break;
	case 2: question = _("Why was the goal stopped? (needed)"); break;
	default: question = _("Why is it active again? (optional)"); break;
	}
	if (ui_prompt(app, question, "", &reason, pick == 1 || pick == 2 ? need_reason : NULL, NULL,
	              (void *)ids[pick]) != 0)
		return;
	old_status = v->goal->status;
	old_reason = v->goal->status_reason;
	v->goal->status = cb_strdup(ids[pick]);
	v->goal->status_reason = cb_str_empty(reason) ? NULL : cb_str_trim(reason);
	free(v->goal->rev.reason);
	v->goal->rev.reason = NULL;
	if (cb_store_goal_correct(app->store, v->goal, &err) != 0) {
		ui_fail(app, &err);
	} else {
		ui_say(app, _("The goal is marked %s; the earlier version is kept (h shows it)."),
		       cb_goal_status_label(ids[pick]));
	}
	free(old_status);
	free(old_reason);
	free(reason);
	reload(app, scr);
}

/* Correcting: one part at a time, each a new version. */

static int
not_empty(const char *text, void *ctx, struct cb_err *err)
{
	(void)ctx;
	return cb_str_empty(text)
	           ? cb_err_set(err, CB_EINVAL,
	                        _("Write the goal as the family said it: it cannot be empty"))
	           : 0;
}

static int
optional_date(const char *text, void *ctx, struct cb_err *err)
{
	struct cb_date *out = ctx;

	if (cb_str_empty(text)) {
		*out = (struct cb_date){0, 0, 0};
		return 0;
	}
	return cb_date_parse_quick(text, cb_date_today(), out, err);
}

struct goal_save {
	struct cb_goal *goal;
	bool correction;
	bool unchanged;      /* a correction that changed nothing: not saved */
};

/* What a correction can change, as one string, to tell whether it did. */
static char *
goal_fingerprint(const struct cb_goal *g)
{
	char t[CB_DATE_LEN] = "", set[CB_DATE_LEN] = "";

	if (cb_date_is_set(g->target))
		cb_date_format(g->target, t);
	if (cb_date_is_set(g->set_on))
		cb_date_format(g->set_on, set);
	return cb_asprintf("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", g->words ? g->words : "",
	                   g->proposed_by ? g->proposed_by : "", g->why ? g->why : "",
	                   g->steps ? g->steps : "", t, set);
}

static int
save_goal_steps(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
                struct cb_err *err)
{
	struct goal_save *gs = ctx;
	int rc;

	if (gs->correction) {
		char *now = cb_str_empty(text) ? NULL : cb_str_trim(text);

		gs->unchanged = cb_streq(now, gs->goal->steps);
		free(now);
		if (gs->unchanged)
			return 0;
	}
	free(gs->goal->steps);
	gs->goal->steps = cb_str_empty(text) ? NULL : cb_str_trim(text);
	rc = gs->correction ? cb_store_goal_correct(app->store, gs->goal, err)
	                    : cb_store_goal_add(app->store, gs->goal, err);
	if (rc != 0)
		memcpy(pending, gs->goal->rev.row_id, CB_UUID_LEN);
	return rc;
}

/* d: the review selected, or the whole goal, recorded in error. Asks
 * which, the review first when there is one. Returns true when the goal
 * itself went, so the screen closes. */
static bool
retract(struct ui_app *app, struct ui_screen *scr)
{
	struct goal_view *v = scr->state;
	const struct cb_goal_review *r = review_at(v, v->list.sel);
	struct ui_choice what[2];
	char *rl = NULL, d[CB_DATE_LEN];
	size_t n = 0;
	int pick;

	if (v->goal == NULL)
		return false;
	if (r != NULL) {
		cb_date_format(r->date, d);
		rl = cb_asprintf(_("The review selected: %d out of 10 on %s"), r->score, d);
		what[n++] = (struct ui_choice){rl, NULL, false};
	}
	what[n++] = (struct ui_choice){_("The goal itself, with its reviews"),
	                               _("Only if it was recorded in error: a goal given up is "
	                                 "marked stopped instead (s)."),
	                               false};
	pick = ui_pick(app, _("Retract what? (with a reason; it stays in the history)"), what, n,
	               0);
	free(rl);
	if (pick < 0)
		return false;
	if (r != NULL && pick == 0) {
		if (ui_goal_review_retract(app, r) == 0) {
			reload(app, scr);
			if (v->list.sel >= v->reviews.len)
				v->list.sel = v->reviews.len > 0 ? v->reviews.len - 1 : 0;
		}
		return false;
	}
	return ui_goal_retract(app, v->goal) == 0;
}

static void
correct_goal(struct ui_app *app, struct ui_screen *scr)
{
	struct goal_view *v = scr->state;
	struct ui_choice parts[] = {
		{_("The goal, in the family's words"), NULL, false},
		{_("Who proposed it"), NULL, false},
		{_("Why it matters"), NULL, false},
		{_("The steps"), NULL, false},
		{_("The target date"), NULL, false},
		{_("The date it was agreed"), NULL, false},
		{NULL, NULL, false},
	};
	struct cb_goal *g = v->goal;
	const struct cb_goal_review *sel = review_at(v, v->list.sel);
	struct cb_err err = {0};
	char *text = NULL, *why = NULL, *before = NULL, *after = NULL, d[CB_DATE_LEN], *rl = NULL;
	size_t n = sizeof parts / sizeof *parts - 1;
	int part, rc = -1;

	if (g == NULL)
		return;
	if (sel != NULL) {
		cb_date_format(sel->date, d);
		rl = cb_asprintf(_("The review selected: %d out of 10 on %s"), sel->score, d);
		parts[n++].label = rl;
	}
	part = ui_pick(app, _("What needs correcting? (a new version; the old one is kept)"), parts,
	               n, sel != NULL ? n - 1 : 0);
	free(rl);
	if (part < 0)
		return;
	if (part == 6) {
		ui_goal_review_correct(app, g, sel);
		reload(app, scr);
		return;
	}
	if (ui_prompt(app, _("What was wrong? (kept with the new version; optional)"), "", &why, NULL,
	              NULL, NULL) != 0)
		return;
	free(g->rev.reason);
	g->rev.reason = cb_str_empty(why) ? NULL : cb_str_trim(why);
	before = goal_fingerprint(g);
	switch (part) {
	case 0:
		if (ui_prompt(app, _("The goal, in the family's own words:"), g->words, &text,
		              not_empty, NULL, NULL) != 0)
			goto out;
		free(g->words);
		g->words = cb_str_trim(text);
		break;
	case 1: {
		struct ui_choice who[N_PROPOSERS];
		size_t i, initial = 0;
		int pick;

		proposer_choices(who);
		for (i = 0; i < N_PROPOSERS; i++)
			if (cb_streq(proposers[i], g->proposed_by))
				initial = i;
		if ((pick = ui_pick(app, _("Who proposed the goal?"), who, N_PROPOSERS, initial)) < 0)
			goto out;
		free(g->proposed_by);
		g->proposed_by = cb_strdup(proposers[pick]);
		break;
	}
	case 2:
		if (ui_prompt(app, _("Why it matters to them:"), g->why != NULL ? g->why : "", &text,
		              NULL, NULL, NULL) != 0)
			goto out;
		free(g->why);
		g->why = cb_str_empty(text) ? NULL : cb_str_trim(text);
		break;
	case 3: {
		struct goal_save gs = {g, true, false};
		struct ui_edit e = {0};
		char *key = cb_asprintf("goal:steps:%s", g->id);

		e.title = _("Correcting the steps (a new version; the old one is kept)");
		e.label = _("The steps, small and the family's own: what, who helps, by when. Ctrl-S "
		            "saves.");
		e.example = goal_example(app);
		e.initial = g->steps;
		e.base_rev = &g->rev;
		e.draft_key = key;
		e.family_id = g->family_id;
		e.allow_empty = true;
		e.save = save_goal_steps;
		e.ctx = &gs;
		rc = ui_edit_text(app, &e);
		free(key);
		if (rc == 0 && gs.unchanged)
			ui_say(app, _("Nothing was changed, so nothing was saved."));
		else if (rc == 0)
			ui_say(app, _("Corrected: version %d. The earlier one is kept (h shows it)."),
			       g->rev.version);
		goto out;
	}
	case 4:
		cb_date_format(g->target, d);
		if (ui_prompt(app, _("Target date (YYYY-MM-DD, +3m; empty for none):"),
		              cb_date_is_set(g->target) ? d : "", &text, optional_date, NULL,
		              &g->target) != 0)
			goto out;
		break;
	default:
		if (ui_prompt_date(app, _("Agreed on"), g->set_on, &g->set_on) != 0)
			goto out;
		break;
	}
	after = goal_fingerprint(g);
	if (cb_streq(before, after))
		ui_say(app, _("Nothing was changed, so nothing was saved."));
	else if (cb_store_goal_correct(app->store, g, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Corrected: version %d. The earlier one is kept (h shows it)."),
		       g->rev.version);
out:
	free(before);
	free(after);
	free(text);
	free(why);
	/* Whatever was typed into the goal and not saved goes: read it again. */
	reload(app, scr);
}

static int
goal_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct goal_view *v = scr->state;

	(void)key;
	if (v->goal == NULL)
		return 0;
	if (ui_list_move(&v->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_REVIEW:
		if (ui_goal_review(app, v->goal) == 0) {
			reload(app, scr);
			v->list.sel = 0;
		}
		return UI_HANDLED;
	case UI_GOAL_STATUS: set_status(app, scr); return UI_HANDLED;
	case UI_EDIT: correct_goal(app, scr); return UI_HANDLED;
	case UI_RETRACT: return retract(app, scr) ? UI_HANDLED | UI_CLOSE : UI_HANDLED;
	case UI_HISTORY: ui_goal_history(app, v->goal, scr); return UI_HANDLED;
	case UI_OPEN: view_all(app, scr); return UI_HANDLED;
	default: return 0;
	}
}

static const struct ui_screen_ops goal_ops = {
	UI_SCR_GOAL, "goal", goal_draw, goal_key, reload, NULL, goal_free,
};

void
ui_open_goal(struct ui_app *app, const char *goal_id)
{
	struct goal_view *v = cb_calloc(1, sizeof *v);
	struct ui_screen *scr;

	snprintf(v->id, sizeof v->id, "%s", goal_id);
	v->reviews = (struct cb_vec)CB_VEC_OWNING(cb_goal_review_free_item);
	scr = ui_screen_new(&goal_ops, v, _("Goal"));
	reload(app, scr);
	ui_push(app, scr);
}

/* Adding a goal is offered from the goals list; it lives here beside the
 * rest of what is written about a goal. */
int
ui_goal_add(struct ui_app *app, const char *family_id, char new_id[CB_UUID_LEN])
{
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct goal_save gs = {cb_goal_new(), false, false};
	struct ui_choice *whose = NULL, who[N_PROPOSERS];
	struct ui_edit e = {0};
	struct cb_err err = {0};
	char *words = NULL, *why = NULL, *target = NULL, *key = NULL, *title = NULL;
	size_t i;
	int pick, rc = -1;

	if (cb_store_person_list(app->store, family_id, &people, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	whose = cb_calloc(people.len + 1, sizeof *whose);
	whose[0] = (struct ui_choice){_("The whole family"), NULL, false};
	for (i = 0; i < people.len; i++) {
		const struct cb_person *p = people.items[i];

		whose[i + 1] = (struct ui_choice){p->name, cb_member_role_label(p->role), false};
	}
	if ((pick = ui_pick(app, _("Whose goal is it?"), whose, people.len + 1, 0)) < 0)
		goto out;
	if (pick > 0)
		memcpy(gs.goal->person_id, ((struct cb_person *)people.items[(size_t)pick - 1])->id,
		       CB_UUID_LEN);
	if (ui_prompt(app, _("The goal, in the family's own words (as they said it):"), "", &words,
	              not_empty, NULL, NULL) != 0)
		goto out;
	proposer_choices(who);
	if ((pick = ui_pick(app, _("Who proposed the goal?"), who, N_PROPOSERS, 0)) < 0)
		goto out;
	if (ui_prompt(app, _("Why it matters to them (optional):"), "", &why, NULL, NULL, NULL) != 0)
		goto out;
	if (ui_prompt(app, _("Target date (optional; YYYY-MM-DD, +3m, 31/12):"), "", &target,
	              optional_date, NULL, &gs.goal->target) != 0)
		goto out;
	if (ui_prompt_date(app, _("Agreed on"), cb_date_today(), &gs.goal->set_on) != 0)
		goto out;
	memcpy(gs.goal->family_id, family_id, CB_UUID_LEN);
	gs.goal->words = cb_str_trim(words);
	gs.goal->proposed_by = cb_strdup(proposers[pick]);
	gs.goal->why = cb_str_empty(why) ? NULL : cb_str_trim(why);
	gs.goal->status = cb_strdup("active");
	key = cb_asprintf("goal:new:%s", family_id);
	title = cb_asprintf(_("New goal: \"%s\""), gs.goal->words);
	e.title = title;
	e.label = _("The steps, small and the family's own: what, who helps, by when (may be "
	            "left empty). Ctrl-S saves the goal.");
	e.example = goal_example(app);
	e.draft_key = key;
	e.family_id = family_id;
	e.allow_empty = true;
	e.save = save_goal_steps;
	e.ctx = &gs;
	if (ui_edit_text(app, &e) == 0) {
		ui_say(app, _("Goal saved. Press r to review it with the family."));
		memcpy(new_id, gs.goal->id, CB_UUID_LEN);
		rc = 0;
	} else {
		ui_say(app, _("The goal was not saved."));
	}
out:
	cb_vec_clear(&people);
	free(whose);
	free(words);
	free(why);
	free(target);
	free(key);
	free(title);
	cb_goal_free(&gs.goal);
	return rc;
}
