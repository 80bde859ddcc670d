/* SPDX-License-Identifier: MIT */
/* Group supervision screens: the meetings list (meetings.c), one meeting
 * and its agenda (meeting.c) and one family's minutes (minutes.c). What
 * they share, private to these three files. */
#ifndef CASEBOOK_UI_SUPERVISION_H
#define CASEBOOK_UI_SUPERVISION_H

#include "../ui.h"

/* The meeting screen for meeting_id. */
void ui_open_meeting(struct ui_app *app, const char *meeting_id);
/* One family's minutes in a meeting: the agenda item item_id. */
void ui_open_minutes(struct ui_app *app, const char *meeting_id, const char *item_id);

/* Pick one of the team's workers; initial_id (may be NULL) is selected
 * first, and the workers in skip (ids, may be NULL) are left out.
 * Returns 0 with the id in out, -1 when cancelled or there is nobody. */
int ui_sup_pick_worker(struct ui_app *app, const char *title, const char *initial_id,
                       const struct cb_vec *skip, char out[CB_UUID_LEN]);
/* The same, offering only workers whose role may do act (CB_ACT_...). */
int ui_sup_pick_worker_may(struct ui_app *app, const char *title, const char *initial_id,
                           const struct cb_vec *skip, const char *act, char out[CB_UUID_LEN]);

/* A screen about several families (or none) does not take the family of
 * the screen below it into the context line. */
void ui_sup_push(struct ui_app *app, struct ui_screen *scr);

/* The message for a change refused because the minutes are signed. */
#define UI_SUP_SIGNED_MSG                                                        \
	_("These minutes are signed off and read-only. A adds a dated addendum.")

#endif
