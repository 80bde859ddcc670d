/* SPDX-License-Identifier: MIT */
/* An action's owner, due date and history, and putting an action right
 * from the family record: shared by the minutes (minutes_actions.c) and
 * the family record (family_fix.c). Private to src/ui/screens. */
#ifndef CASEBOOK_UI_ACTION_FIX_H
#define CASEBOOK_UI_ACTION_FIX_H

#include <stdbool.h>

#include "casebook/date.h"
#include "casebook/uuid.h"

struct cb_action;
struct cb_err;
struct cb_vec;
struct ui_app;
struct ui_screen;

/* A check for ui_prompt: a due date, needed, read from base (the
 * meeting's date, or today). ctx is a struct ui_due. */
struct ui_due {
	struct cb_date base;
	struct cb_date out;
};
int ui_action_check_due(const char *text, void *ctx, struct cb_err *err);

/* A member of the family (people: struct cb_person) owns it; initial
 * (may be NULL) is chosen first. Fills into->owner_person_id; 0, or -1
 * when cancelled or there is nobody. */
int ui_action_pick_member(struct ui_app *app, const struct cb_vec *people, const char *initial,
                          struct cb_action *into);
/* Another agency owns it: which, then its name (needed for "another").
 * current (may be NULL) gives the starting point. Fills into's agency. */
int ui_action_pick_agency(struct ui_app *app, const struct cb_action *current,
                          struct cb_action *into);

/* Whether two versions of an action say the same: words, owner, due. */
bool ui_action_same(const struct cb_action *a, const struct cb_action *b);

/* Every version of an action, with who and when. */
void ui_action_history(struct ui_app *app, const char *action_id, const struct ui_screen *about);

/* From the family record: correct an action (its words, owner or due
 * date: it asks which), or retract it with a reason. people are the
 * family's members (struct cb_person). Minutes signed off refuse both,
 * and say that an addendum is the way. */
void ui_action_correct(struct ui_app *app, const struct cb_action *a, const struct cb_vec *people);
void ui_action_retract(struct ui_app *app, const struct cb_action *a);

#endif
