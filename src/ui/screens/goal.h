/* SPDX-License-Identifier: MIT */
/* Shared by the goals list (goals.c) and the goal screen (goal.c): the
 * things both offer on a goal. Private to src/ui/screens. */
#ifndef CASEBOOK_UI_SCREENS_GOAL_H
#define CASEBOOK_UI_SCREENS_GOAL_H

#include "casebook/uuid.h"

struct cb_goal;
struct ui_app;
struct ui_screen;

/* Open one goal in full. */
void ui_open_goal(struct ui_app *app, const char *goal_id);
/* Add a goal to a family: whose, the words, who proposed it, why, a
 * target date, when agreed, the steps. Returns 0 when saved, with the
 * new goal's id in new_id. */
int ui_goal_add(struct ui_app *app, const char *family_id, char new_id[CB_UUID_LEN]);
/* Review a goal with the family: date, a 0-10 score, a note. Returns 0
 * when a review was saved. */
int ui_goal_review(struct ui_app *app, const struct cb_goal *g);
/* Correct a review (was): its date, score and note again, as a new
 * version; says whether anything changed. (goal_review.c) */
struct cb_goal_review;
void ui_goal_review_correct(struct ui_app *app, const struct cb_goal *g,
                            const struct cb_goal_review *was);
/* Retract a review, or a whole goal, recorded in error: asks why; 0 when
 * retracted. (goal_review.c) */
int ui_goal_review_retract(struct ui_app *app, const struct cb_goal_review *r);
int ui_goal_retract(struct ui_app *app, const struct cb_goal *g);
/* The goal's versions and its reviews', with who and when. */
void ui_goal_history(struct ui_app *app, const struct cb_goal *g, const struct ui_screen *about);
/* "proposed by a parent", "proposed jointly". */
const char *ui_goal_proposed(const struct cb_goal *g);
/* "Whole family" or the person's name. */
const char *ui_goal_whose(const struct cb_goal *g);

#endif
