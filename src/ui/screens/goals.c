/* SPDX-License-Identifier: MIT */
/* The family's goals, in their own words, active first: whose each is,
 * the latest score and the scores so far as a small chart in the row.
 * Goals that were achieved, changed or stopped stay in view, so progress
 * can be seen. */
#include "config.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/ui_chart.h"
#include "casebook/utf8.h"
#include "../ui.h"
#include "goal.h"

/* A goal's scores, oldest first, read when its row is first drawn. */
struct scores {
	bool loaded;
	int *s;
	size_t n;
};

struct goals {
	char family_id[CB_UUID_LEN];
	struct cb_vec goals;       /* struct cb_goal, active first */
	struct scores *scores;     /* one a goal */
	struct ui_list list;
};

/* Columns of a row. */
#define W_WHOSE 14
#define W_SCORE 5
#define W_SPARK 10
#define W_STATUS 10

static void
clear_scores(struct goals *g)
{
	size_t i;

	for (i = 0; g->scores != NULL && i < g->goals.len; i++)
		free(g->scores[i].s);
	free(g->scores);
	g->scores = NULL;
}

static void
goals_free(void *p)
{
	struct goals *g = p;

	clear_scores(g);
	cb_vec_clear(&g->goals);
	free(g);
}

/* Every goal's scores in one query, not one a row. */
static void
load_scores(struct ui_app *app, struct goals *g)
{
	struct cb_vec reviews = CB_VEC_OWNING(cb_goal_review_free_item);
	struct cb_err err = {0};
	size_t i, k;

	if (cb_store_review_list_family(app->store, g->family_id, &reviews, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (k = 0; k < g->goals.len; k++) {
		const struct cb_goal *goal = g->goals.items[k];
		struct scores *sc = &g->scores[k];

		sc->loaded = true;
		for (i = 0; i < reviews.len; i++) {
			const struct cb_goal_review *r = reviews.items[i];

			if (strcmp(r->goal_id, goal->id) != 0)
				continue;
			sc->s = cb_reallocarray(sc->s, sc->n + 1, sizeof *sc->s);
			sc->s[sc->n++] = r->score;
		}
	}
	cb_vec_clear(&reviews);
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct goals *g = scr->state;
	struct cb_family *f = NULL;
	struct cb_err err = {0};

	clear_scores(g);
	cb_vec_clear(&g->goals);
	if (cb_store_family_get(app->store, g->family_id, &f, &err) == 0)
		ui_screen_family(scr, f);
	cb_family_free(&f);
	if (cb_store_goal_list(app->store, g->family_id, &g->goals, &err) != 0)
		ui_fail(app, &err);
	g->scores = cb_calloc(g->goals.len + 1, sizeof *g->scores);
	g->list.count = g->goals.len;
	load_scores(app, g);
}

/* The scores of goal k, from the one read of all the family's reviews. */
static const struct scores *
scores_of(struct ui_app *app, struct goals *g, size_t k)
{
	(void)app;
	return &g->scores[k];
}

/* The words in quotes, cut inside the quotes to fit width. */
static char *
quoted(const char *words, int width)
{
	char *fit, *out;
	size_t len;

	if (width < 3)
		return cb_strdup("");
	fit = cb_utf8_pad(words, (size_t)width - 2);
	len = strlen(fit);
	while (len > 0 && fit[len - 1] == ' ')
		fit[--len] = '\0';
	out = cb_asprintf("\"%s\"", fit);
	free(fit);
	return out;
}

static void
draw_selected(struct ui_app *app, const struct cb_goal *goal, int y, int bottom)
{
	struct cb_buf b = {0};
	char d[CB_DATE_LEN];
	int w = app->cols - 4;

	ui_hline(y++, 0, app->cols);
	cb_date_format(goal->set_on, d);
	/* The row cuts the words to fit; here they are whole. */
	cb_buf_addf(&b, "\"%s\"\n", goal->words);
	if (goal->person_id[0] == '\0')
		cb_buf_addf(&b, _("The whole family's goal, %s, agreed %s"), ui_goal_proposed(goal),
		            d);
	else
		cb_buf_addf(&b, _("%s's goal, %s, agreed %s"), ui_goal_whose(goal),
		            ui_goal_proposed(goal), d);
	if (cb_date_is_set(goal->target)) {
		cb_date_format(goal->target, d);
		cb_buf_addf(&b, _("; target %s"), d);
	}
	if (goal->last_score >= 0) {
		cb_date_format(goal->last_review, d);
		cb_buf_addf(&b, _("; last reviewed %s"), d);
	}
	if (!cb_streq(goal->status, "active") && !cb_str_empty(goal->status_reason))
		cb_buf_addf(&b, _(".\n%s: %s"), cb_goal_status_label(goal->status),
		            goal->status_reason);
	if (!cb_str_empty(goal->why))
		cb_buf_addf(&b, _(".\nWhy it matters: %s"), goal->why);
	if (!cb_str_empty(goal->steps))
		cb_buf_addf(&b, _("\nSteps: %s"), goal->steps);
	ui_wrap(y, 2, w, bottom - y, cb_buf_str(&b), A_NORMAL, 0);
	cb_buf_free(&b);
}

static void
goals_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct goals *g = scr->state;
	int x_status = app->cols - 1 - W_STATUS, x_spark = x_status - 1 - W_SPARK;
	int x_score = x_spark - 1 - W_SCORE, x_words = 1 + W_WHOSE + 1;
	int w_words = x_score - 1 - x_words, height, i;
	bool unicode = ui_chart_unicode();

	ui_text(top, 1, W_WHOSE, _("Whose"), A_BOLD | A_UNDERLINE);
	ui_text(top, x_words, w_words, _("The goal, in the family's words"), A_BOLD | A_UNDERLINE);
	ui_text(top, x_score, W_SCORE, _("Now"), A_BOLD | A_UNDERLINE);
	ui_text(top, x_spark, W_SPARK, _("Reviews"), A_BOLD | A_UNDERLINE);
	ui_text(top, x_status, W_STATUS, _("Status"), A_BOLD | A_UNDERLINE);
	if (g->goals.len == 0) {
		ui_wrap(top + 2, 2, app->cols - 4, 4,
		        _("No goals yet. Press a to add one, in the family's own words: what they "
		          "want to be different, for the whole family or for one person."),
		        A_NORMAL, 0);
		return;
	}
	/* The list takes what it needs; what is left shows the selected goal. */
	height = bottom - top - 1;
	if ((int)g->goals.len < height - 6)
		height = (int)g->goals.len;
	else if (height > 8)
		height -= 6;
	ui_list_fit(&g->list, height);
	for (i = 0; i < height && g->list.top + (size_t)i < g->goals.len; i++) {
		size_t k = g->list.top + (size_t)i;
		const struct cb_goal *goal = g->goals.items[k];
		const struct scores *sc = scores_of(app, g, k);
		int y = top + 1 + i, attr = k == g->list.sel ? A_REVERSE : A_NORMAL;
		bool active = cb_streq(goal->status, "active");
		char num[16], *q, *spark;

		ui_field(y, 0, app->cols, "", attr);
		ui_field(y, 1, W_WHOSE, ui_goal_whose(goal), attr);
		q = quoted(goal->words, w_words);
		ui_field(y, x_words, w_words, q, attr | (active ? 0 : ui_attr(app, UI_C_DIM)));
		free(q);
		if (goal->last_score >= 0)
			snprintf(num, sizeof num, "%d/10", goal->last_score);
		else
			snprintf(num, sizeof num, "  -");
		ui_field(y, x_score, W_SCORE, num, attr | A_BOLD);
		spark = ui_spark(sc->s, sc->n, W_SPARK, unicode);
		ui_field(y, x_spark, W_SPARK, sc->n > 0 ? spark : _("none yet"), attr);
		free(spark);
		ui_field(y, x_status, W_STATUS, cb_goal_status_label(goal->status),
		         attr | (active ? A_BOLD : 0));
	}
	if (top + 1 + height < bottom - 1)
		draw_selected(app, g->goals.items[g->list.sel], top + 1 + height, bottom);
}

static struct cb_goal *
selected(struct goals *g)
{
	return g->goals.len > 0 ? g->goals.items[g->list.sel] : NULL;
}

static void
find_goal(struct ui_app *app, struct goals *g)
{
	char *needle = NULL;
	size_t i;

	if (g->goals.len == 0)
		return;
	if (ui_prompt(app, _("Find a goal containing:"), "", &needle, NULL, NULL, NULL) != 0)
		return;
	for (i = 1; i <= g->goals.len; i++) {
		size_t k = (g->list.sel + i) % g->goals.len;
		const struct cb_goal *goal = g->goals.items[k];

		if (cb_text_matches(goal->words, needle) ||
		    cb_text_matches(ui_goal_whose(goal), needle)) {
			g->list.sel = k;
			break;
		}
	}
	if (i > g->goals.len)
		ui_error(app, _("No goal contains '%s'."), needle);
	free(needle);
}

static char *
goal_label(struct ui_app *app, const void *p)
{
	const struct cb_goal *x = p;
	return cb_asprintf(_("\"%s\" (%s's goal)"), x->words, ui_goal_whose(x));
}

/* h: the selected goal's history, or a retracted goal's (which has left
 * the list). */
static void
goals_history(struct ui_app *app, struct ui_screen *scr, const struct cb_goal *goal)
{
	struct goals *g = scr->state;
	struct cb_vec gone = CB_VEC_OWNING(cb_goal_free_item);
	struct cb_err err = {0};
	const void *chosen;

	if (cb_store_goal_retracted(app->store, g->family_id, &gone, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	chosen = ui_pick_history(app, goal, &gone, offsetof(struct cb_goal, rev), goal_label);
	if (chosen != NULL)
		ui_goal_history(app, chosen, scr);
	cb_vec_clear(&gone);
}

static int
goals_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct goals *g = scr->state;
	struct cb_goal *goal = selected(g);

	(void)key;
	if (ui_list_move(&g->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_ADD: {
		char id[CB_UUID_LEN];
		size_t i;

		if (ui_goal_add(app, g->family_id, id) != 0)
			return UI_HANDLED;
		reload(app, scr);
		for (i = 0; i < g->goals.len; i++)
			if (strcmp(((struct cb_goal *)g->goals.items[i])->id, id) == 0)
				g->list.sel = i;
		return UI_HANDLED;
	}
	case UI_REVIEW:
		if (goal != NULL && ui_goal_review(app, goal) == 0)
			reload(app, scr);
		return UI_HANDLED;
	case UI_OPEN:
		if (goal != NULL)
			ui_open_goal(app, goal->id);
		return UI_HANDLED;
	case UI_HISTORY: goals_history(app, scr, goal); return UI_HANDLED;
	case UI_RETRACT:
		if (goal != NULL && ui_goal_retract(app, goal) == 0) {
			size_t at = g->list.sel;

			/* The selection stays where it was: on the goal after. */
			reload(app, scr);
			g->list.sel = g->goals.len == 0 ? 0 : at < g->goals.len ? at : g->goals.len - 1;
		}
		return UI_HANDLED;
	case UI_SEARCH: find_goal(app, g); return UI_HANDLED;
	default: return 0;
	}
}

static const struct ui_screen_ops goals_ops = {
	UI_SCR_GOALS, "goals", goals_draw, goals_key, reload, NULL, goals_free,
};

void
ui_open_goals(struct ui_app *app, const char *family_id)
{
	struct goals *g = cb_calloc(1, sizeof *g);
	struct ui_screen *scr;

	snprintf(g->family_id, sizeof g->family_id, "%s", family_id);
	g->goals = (struct cb_vec)CB_VEC_OWNING(cb_goal_free_item);
	scr = ui_screen_new(&goals_ops, g, _("Goals"));
	reload(app, scr);
	ui_push(app, scr);
}
