/* SPDX-License-Identifier: MIT */
/* Goals in the family's own words, each reviewed on a 0-10 scale. */
#ifndef CASEBOOK_GOAL_H
#define CASEBOOK_GOAL_H

#include "casebook/record.h"

struct cb_err;

struct cb_goal {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	char person_id[CB_UUID_LEN];  /* "" for the whole family */
	struct cb_rev rev;
	char *person_name;            /* filled on reads */
	char *words;                  /* the goal, in the family's words */
	char *proposed_by;            /* parent, child, worker, jointly */
	char *why;
	char *steps;
	struct cb_date target;
	struct cb_date set_on;
	char *status;                 /* active, achieved, changed, stopped */
	char *status_reason;          /* needed for changed and stopped */
	/* Filled by list reads: the latest review. */
	int last_score;               /* -1 when never reviewed */
	struct cb_date last_review;
};

struct cb_goal_review {
	char id[CB_UUID_LEN];
	char goal_id[CB_UUID_LEN];
	struct cb_rev rev;
	struct cb_date date;
	int score;                    /* 0-10, 10 = achieved */
	char *note;
};

struct cb_goal *cb_goal_new(void);
void cb_goal_free(struct cb_goal **g);
void cb_goal_free_item(void *g);
struct cb_goal_review *cb_goal_review_new(void);
void cb_goal_review_free(struct cb_goal_review **r);
void cb_goal_review_free_item(void *r);

int cb_goal_check(const struct cb_goal *g, struct cb_err *err);
int cb_goal_review_check(const struct cb_goal_review *r, struct cb_err *err);
const char *cb_goal_status_label(const char *status);
const char *cb_goal_proposer_label(const char *proposed_by);

#endif
