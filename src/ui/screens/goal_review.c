/* SPDX-License-Identifier: MIT */
/* A goal reviewed with the family (a date, a 0-10 score, a note), a
 * review corrected as a new version, and a review or a whole goal
 * recorded in error retracted with a reason. Used by the goals list
 * (goals.c) and the goal screen (goal.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/goal.h"
#include "casebook/help.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "../ui.h"
#include "goal.h"

static const char *
scale_anchor(long v, void *ctx)
{
	(void)ctx;
	if (v == 0)
		return _("not started");
	if (v == 10)
		return _("achieved");
	return NULL;
}

static const char *
review_example(struct ui_app *app)
{
	const struct cb_help_entry *e = ui_help_find(app, "goal");

	return e != NULL ? e->good_recording : NULL;
}

/* Reviewing */

struct review_save {
	struct cb_goal_review *review;
	const struct cb_goal_review *was;   /* correcting this one, or NULL */
	bool unchanged;
};

static int
save_review(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
            struct cb_err *err)
{
	struct review_save *rs = ctx;
	int rc;

	free(rs->review->note);
	rs->review->note = cb_str_empty(text) ? NULL : cb_str_trim(text);
	if (rs->was != NULL && rs->was->score == rs->review->score &&
	    cb_date_cmp(rs->was->date, rs->review->date) == 0 &&
	    cb_streq(rs->was->note, rs->review->note)) {
		rs->unchanged = true;
		return 0;
	}
	rc = rs->was != NULL ? cb_store_review_correct(app->store, rs->review, err)
	                     : cb_store_review_add(app->store, rs->review, err);
	if (rc != 0)
		memcpy(pending, rs->review->rev.row_id, CB_UUID_LEN);
	return rc;
}

int
ui_goal_review(struct ui_app *app, const struct cb_goal *g)
{
	struct review_save rs = {cb_goal_review_new(), NULL, false};
	struct ui_edit e = {0};
	char *key = NULL, *title = NULL, *question = NULL, d[CB_DATE_LEN];
	long score;
	int rc = -1;

	if (!cb_streq(g->status, "active") &&
	    !ui_confirm(app, _("This goal is no longer active. Review it all the same?")))
		goto out;
	if (ui_prompt_date(app, _("Date of the review"), cb_date_today(), &rs.review->date) != 0)
		goto out;
	question = cb_asprintf(_("How near is the goal now? \"%s\""), g->words);
	if (ui_pick_scale(app, question, 0, 10,
	                  g->last_score >= 0 ? g->last_score : 0,
	                  _("0 = not started, 10 = achieved"), scale_anchor, NULL, &score) != 0)
		goto out;
	memcpy(rs.review->goal_id, g->id, CB_UUID_LEN);
	rs.review->score = (int)score;
	cb_date_format(rs.review->date, d);
	key = cb_asprintf("review:new:%s", g->id);
	title = cb_asprintf(_("Review of %s: %ld out of 10 on %s"), ui_goal_whose(g), score, d);
	e.title = title;
	e.label = _("Why this number and not a lower one? What helped, what got in the way, what "
	            "the family made of it. Ctrl-S saves the review.");
	e.example = review_example(app);
	e.draft_key = key;
	e.family_id = g->family_id;
	e.allow_empty = true;
	e.save = save_review;
	e.ctx = &rs;
	if (ui_edit_text(app, &e) == 0) {
		ui_say(app, _("Review saved: %ld out of 10 on %s."), score, d);
		rc = 0;
	}
out:
	free(key);
	free(title);
	free(question);
	cb_goal_review_free(&rs.review);
	return rc;
}

/* A review mis-keyed: its date, score and note again, as a new version. */
void
ui_goal_review_correct(struct ui_app *app, const struct cb_goal *g,
                       const struct cb_goal_review *was)
{
	struct review_save rs = {cb_goal_review_new(), was, false};
	struct ui_edit e = {0};
	char *key, *title, *question, d[CB_DATE_LEN];
	long score;

	memcpy(rs.review->id, was->id, CB_UUID_LEN);
	memcpy(rs.review->goal_id, was->goal_id, CB_UUID_LEN);
	rs.review->rev.version = was->rev.version;
	if (ui_prompt_date(app, _("Date of the review"), was->date, &rs.review->date) != 0)
		goto out0;
	question = cb_asprintf(_("How near is the goal now? \"%s\""), g->words);
	if (ui_pick_scale(app, question, 0, 10, was->score, _("0 = not started, 10 = achieved"),
	                  scale_anchor, NULL, &score) != 0) {
		free(question);
		goto out0;
	}
	free(question);
	rs.review->score = (int)score;
	cb_date_format(rs.review->date, d);
	key = cb_asprintf("review:%s", was->id);
	title = cb_asprintf(_("Correcting the review of %s: %ld out of 10 on %s"), ui_goal_whose(g),
	                    score, d);
	e.title = title;
	e.label = _("Why this number and not a lower one? Ctrl-S saves the correction (a new "
	            "version; the old one is kept).");
	e.example = review_example(app);
	e.initial = was->note;
	e.draft_key = key;
	e.family_id = g->family_id;
	e.allow_empty = true;
	e.save = save_review;
	e.ctx = &rs;
	if (ui_edit_text(app, &e) == 0) {
		if (rs.unchanged)
			ui_say(app, _("Nothing was changed, so nothing was saved."));
		else
			ui_say(app, _("Corrected: version %d. The earlier one is kept (h shows it)."),
			       rs.review->rev.version);
	}
	free(key);
	free(title);
out0:
	cb_goal_review_free(&rs.review);
}

/* Retracting: for what was recorded in error. It leaves the lists, and
 * it and the reason stay in the history. */

int
ui_goal_review_retract(struct ui_app *app, const struct cb_goal_review *r)
{
	struct cb_err err = {0};
	char *reason = NULL, *q, d[CB_DATE_LEN];
	int rc = -1;

	cb_date_format(r->date, d);
	q = cb_asprintf(_("Retract the review of %s (%d out of 10)? It stays in the history. Why?"),
	                d, r->score);
	if (ui_prompt(app, q, "", &reason, ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_review_retract(app->store, r->id, r->rev.version, reason, &err) != 0) {
			ui_fail(app, &err);
		} else {
			ui_say(app, _("Retracted; the review and the reason stay in the history (h)."));
			rc = 0;
		}
	}
	free(q);
	free(reason);
	return rc;
}

int
ui_goal_retract(struct ui_app *app, const struct cb_goal *g)
{
	struct cb_err err = {0};
	char *reason = NULL, *q;
	int rc = -1;

	/* A goal the family stopped working on is stopped (s), not retracted:
	 * the question says which this is for. */
	q = cb_asprintf(_("Retract the goal \"%s\"? Only if it was recorded in error: a goal "
	                  "given up is marked stopped instead (s on the goal). It and its reviews "
	                  "stay in the history. Why?"),
	                g->words);
	if (ui_prompt(app, q, "", &reason, ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_goal_retract(app->store, g->id, g->rev.version, reason, &err) != 0) {
			ui_fail(app, &err);
		} else {
			ui_say(app, _("Retracted the goal; it and the reason stay in its history."));
			rc = 0;
		}
	}
	free(q);
	free(reason);
	return rc;
}
