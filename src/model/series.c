/* SPDX-License-Identifier: MIT */
/* Goals and their reviews, Cycle of Change records, RAG ratings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/str.h"

struct cb_goal *
cb_goal_new(void)
{
	struct cb_goal *g = cb_calloc(1, sizeof *g);

	g->last_score = -1;
	return g;
}

void
cb_goal_free(struct cb_goal **gp)
{
	struct cb_goal *g;

	if (gp == NULL || *gp == NULL)
		return;
	g = *gp;
	cb_rev_clear(&g->rev);
	free(g->person_name);
	free(g->words);
	free(g->proposed_by);
	free(g->why);
	free(g->steps);
	free(g->status);
	free(g->status_reason);
	cb_freep(gp);
}

void
cb_goal_free_item(void *g)
{
	cb_goal_free((struct cb_goal **)&g);
}

struct cb_goal_review *
cb_goal_review_new(void)
{
	return cb_calloc(1, sizeof(struct cb_goal_review));
}

void
cb_goal_review_free(struct cb_goal_review **rp)
{
	if (rp == NULL || *rp == NULL)
		return;
	cb_rev_clear(&(*rp)->rev);
	free((*rp)->note);
	cb_freep(rp);
}

void
cb_goal_review_free_item(void *r)
{
	cb_goal_review_free((struct cb_goal_review **)&r);
}

static const char *const proposers[][2] = {
	{"parent", N_("a parent")}, {"child", N_("a child")},
	{"worker", N_("a worker")}, {"jointly", N_("jointly")},
};
static const char *const goal_statuses[][2] = {
	{"active", N_("Active")}, {"achieved", N_("Achieved")},
	{"changed", N_("Changed")}, {"stopped", N_("Stopped")},
};

static const char *
lookup(const char *const table[][2], size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cb_streq(table[i][0], id))
			return _(table[i][1]);
	return NULL;
}

const char *
cb_goal_status_label(const char *status)
{
	const char *l = lookup(goal_statuses, 4, status);

	return l != NULL ? l : status;
}

const char *
cb_goal_proposer_label(const char *p)
{
	const char *l = lookup(proposers, 4, p);

	return l != NULL ? l : p;
}

int
cb_goal_check(const struct cb_goal *g, struct cb_err *err)
{
	if (cb_str_empty(g->words))
		return cb_err_set(err, CB_EINVAL,
		                  _("write the goal in the family's own words"));
	if (lookup(proposers, 4, g->proposed_by) == NULL)
		return cb_err_set(err, CB_EINVAL,
		                  _("say who proposed the goal: parent, child, worker or jointly"));
	if (!cb_date_valid(g->set_on))
		return cb_err_set(err, CB_EINVAL, _("a goal needs the date it was agreed"));
	if (cb_date_is_set(g->target) && !cb_date_valid(g->target))
		return cb_err_set(err, CB_EINVAL, _("the target date is not a real date"));
	if (lookup(goal_statuses, 4, g->status) == NULL)
		return cb_err_set(err, CB_EINVAL,
		                  _("a goal is active, achieved, changed or stopped"));
	if ((cb_streq(g->status, "changed") || cb_streq(g->status, "stopped")) &&
	    cb_str_empty(g->status_reason))
		return cb_err_set(err, CB_EINVAL, _("say why the goal was %s"), g->status);
	return 0;
}

int
cb_goal_review_check(const struct cb_goal_review *r, struct cb_err *err)
{
	if (!cb_date_valid(r->date))
		return cb_err_set(err, CB_EINVAL, _("a review needs its date"));
	if (r->score < 0 || r->score > 10)
		return cb_err_set(err, CB_EINVAL, _("a review's score is from 0 to 10"));
	return 0;
}

struct cb_stage_record *
cb_stage_record_new(void)
{
	return cb_calloc(1, sizeof(struct cb_stage_record));
}

void
cb_stage_record_free(struct cb_stage_record **sp)
{
	struct cb_stage_record *s;

	if (sp == NULL || *sp == NULL)
		return;
	s = *sp;
	cb_rev_clear(&s->rev);
	free(s->person_name);
	free(s->issue);
	free(s->stage);
	free(s->evidence);
	free(s->next_signs);
	free(s->context);
	cb_freep(sp);
}

void
cb_stage_record_free_item(void *s)
{
	cb_stage_record_free((struct cb_stage_record **)&s);
}

static const char *const contexts[][2] = {
	{"visit", N_("visit")}, {"supervision", N_("group supervision")},
	{"conference", N_("conference")},
};

const char *
cb_rating_context_label(const char *context)
{
	const char *l = lookup(contexts, 3, context);

	return l != NULL ? l : context;
}

int
cb_stage_index(const char *stage)
{
	static const char *const order[] = {"precontemplation", "contemplation", "preparation",
	                                    "action", "maintenance", "relapse"};
	int i;

	for (i = 0; i < 6; i++)
		if (cb_streq(order[i], stage))
			return i;
	return -1;
}

static int
known(const struct cb_reflist *l, const char *id, const char *what, struct cb_err *err)
{
	char *ids;

	if (cb_reflist_len(l) == 0 || cb_reflist_find(l, id) != NULL)
		return 0;
	ids = cb_reflist_ids(l);
	cb_err_set(err, CB_EINVAL, _("'%s' is not %s: use one of %s"), id != NULL ? id : "", what,
	           ids);
	free(ids);
	return -1;
}

int
cb_stage_record_check(const struct cb_stage_record *s, const struct cb_refdata *ref,
                      struct cb_err *err)
{
	if (s->person_id[0] == '\0')
		return cb_err_set(err, CB_EINVAL, _("say whose stage this is"));
	if (cb_str_empty(s->issue))
		return cb_err_set(err, CB_EINVAL, _("say which issue the stage is about"));
	if (cb_str_empty(s->stage))
		return cb_err_set(err, CB_EINVAL, _("choose the stage"));
	if (ref != NULL && (known(&ref->issues, s->issue, _("an issue"), err) != 0 ||
	                    known(&ref->stages, s->stage, _("a stage"), err) != 0))
		return -1;
	if (ref == NULL && cb_stage_index(s->stage) < 0)
		return cb_err_set(err, CB_EINVAL, _("'%s' is not a stage of change"), s->stage);
	if (!cb_date_valid(s->date))
		return cb_err_set(err, CB_EINVAL, _("a stage needs the date it was assessed"));
	if (cb_str_empty(s->evidence))
		return cb_err_set(err, CB_EINVAL,
		                  _("write the evidence for this stage: what was said or seen"));
	if (lookup(contexts, 3, s->context) == NULL)
		return cb_err_set(err, CB_EINVAL, _("say where it was assessed: visit, supervision or conference"));
	return 0;
}

struct cb_rating *
cb_rating_new(void)
{
	return cb_calloc(1, sizeof(struct cb_rating));
}

void
cb_rating_free(struct cb_rating **rp)
{
	struct cb_rating *r;

	if (rp == NULL || *rp == NULL)
		return;
	r = *rp;
	cb_rev_clear(&r->rev);
	free(r->rating);
	free(r->context);
	free(r->rationale);
	free(r->agreed_by);
	cb_freep(rp);
}

void
cb_rating_free_item(void *r)
{
	cb_rating_free((struct cb_rating **)&r);
}

int
cb_rating_check(const struct cb_rating *r, const struct cb_refdata *ref, struct cb_err *err)
{
	if (cb_str_empty(r->rating))
		return cb_err_set(err, CB_EINVAL, _("choose red, amber or green"));
	if (ref != NULL && known(&ref->ratings, r->rating, _("a rating"), err) != 0)
		return -1;
	if (ref == NULL && !cb_streq(r->rating, "red") && !cb_streq(r->rating, "amber") &&
	    !cb_streq(r->rating, "green"))
		return cb_err_set(err, CB_EINVAL, _("choose red, amber or green"));
	if (!cb_date_valid(r->date))
		return cb_err_set(err, CB_EINVAL, _("a rating needs its date"));
	if (lookup(contexts, 3, r->context) == NULL)
		return cb_err_set(err, CB_EINVAL,
		                  _("say where the rating was agreed: visit, supervision or conference"));
	if (cb_str_empty(r->rationale))
		return cb_err_set(err, CB_EINVAL,
		                  _("a rating needs its rationale: say why this colour, from what "
		                    "you know"));
	return 0;
}
