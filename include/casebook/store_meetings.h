/* SPDX-License-Identifier: MIT */
/* Group case supervision in the database. Once the chair signs a meeting
 * off, nothing recorded in it can change; addenda can still be added. */
#ifndef CASEBOOK_STORE_MEETINGS_H
#define CASEBOOK_STORE_MEETINGS_H

#include <stdbool.h>

#include "casebook/date.h"

struct cb_action;
struct cb_action_review;
struct cb_addendum;
struct cb_attendance;
struct cb_err;
struct cb_meeting;
struct cb_meeting_item;
struct cb_store;
struct cb_vec;

int cb_store_meeting_add(struct cb_store *s, struct cb_meeting *m, struct cb_err *err);
int cb_store_meeting_correct(struct cb_store *s, struct cb_meeting *m, struct cb_err *err);
/* Sign off: only the chair can, and only once. */
int cb_store_meeting_sign(struct cb_store *s, struct cb_meeting *m, struct cb_err *err);
int cb_store_meeting_get(struct cb_store *s, const char *id, struct cb_meeting **out,
                         struct cb_err *err);
/* Meetings, newest first, each with its families' references. */
int cb_store_meeting_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err);
/* The meetings a family was discussed in, newest first. */
int cb_store_meeting_list_family(struct cb_store *s, const char *family_id, struct cb_vec *out,
                                 struct cb_err *err);

/* A family on the agenda. Adding one that is there already is refused. */
int cb_store_item_add(struct cb_store *s, struct cb_meeting_item *i, struct cb_err *err);
/* Record the time spent (a new version of the item). */
int cb_store_item_correct(struct cb_store *s, struct cb_meeting_item *i, struct cb_err *err);
/* Take a family off the agenda, with a reason; what was minuted for it
 * stays in the history. Adding it again brings the same item back. */
int cb_store_item_retract(struct cb_store *s, const struct cb_meeting_item *i,
                          const char *reason, struct cb_err *err);
/* Swap two items' places on the agenda (a new version of each, one
 * transaction). On success both carry their new positions and versions. */
int cb_store_item_swap(struct cb_store *s, struct cb_meeting_item *a, struct cb_meeting_item *b,
                       struct cb_err *err);
int cb_store_item_list(struct cb_store *s, const char *meeting_id, struct cb_vec *out,
                       struct cb_err *err);
/* Every version of an agenda item, oldest first (taken off too). */
int cb_store_item_history(struct cb_store *s, const char *item_id, struct cb_vec *out,
                          struct cb_err *err);
/* The meeting's items taken off the agenda, as their retracting versions. */
int cb_store_item_retracted(struct cb_store *s, const char *meeting_id, struct cb_vec *out,
                            struct cb_err *err);

/* Attendance: one per worker per family item; setting again is a new
 * version. */
int cb_store_attendance_set(struct cb_store *s, struct cb_attendance *a, struct cb_err *err);
int cb_store_attendance_list(struct cb_store *s, const char *item_id, struct cb_vec *out,
                             struct cb_err *err);

int cb_store_action_add(struct cb_store *s, struct cb_action *a, struct cb_err *err);
int cb_store_action_correct(struct cb_store *s, struct cb_action *a, struct cb_err *err);
int cb_store_action_retract(struct cb_store *s, const char *id, int base_version,
                            const char *reason, struct cb_err *err);
/* Every version of an action, oldest first (retractions too). */
int cb_store_action_history(struct cb_store *s, const char *id, struct cb_vec *out,
                            struct cb_err *err);
/* A family's actions, by due date; only those not yet done when
 * open_only. Each carries its latest outcome. */
int cb_store_action_list(struct cb_store *s, const char *family_id, bool open_only,
                         struct cb_vec *out, struct cb_err *err);
/* The actions not done whose due date is before today, oldest due first,
 * in the current families allocated to worker_id today (every current
 * family when it is NULL): found from the worker's allocations or the
 * actions, not by reading every family. */
int cb_store_action_overdue(struct cb_store *s, const char *worker_id, struct cb_date today,
                            struct cb_vec *out, struct cb_err *err);
/* The family's retracted actions, as their retracting versions, oldest
 * first. */
int cb_store_action_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                              struct cb_err *err);
/* The actions a meeting reviews for a family: those agreed before it that
 * were not done by then. Each carries the outcome given in this meeting,
 * if any. */
int cb_store_action_pull(struct cb_store *s, const char *family_id, const char *meeting_id,
                         struct cb_vec *out, struct cb_err *err);
/* The actions a meeting agreed for a family. */
int cb_store_action_agreed(struct cb_store *s, const char *family_id, const char *meeting_id,
                           struct cb_vec *out, struct cb_err *err);
/* Set the outcome of an action in a meeting (again: a new version). */
int cb_store_action_review_set(struct cb_store *s, struct cb_action_review *r,
                               struct cb_err *err);

/* Addenda: only to signed minutes, dated and attributed. */
int cb_store_addendum_add(struct cb_store *s, struct cb_addendum *a, struct cb_err *err);
/* A meeting's addenda, oldest first: all, or those for one family and
 * for the whole meeting when family_id is given. */
int cb_store_addendum_list(struct cb_store *s, const char *meeting_id, const char *family_id,
                           struct cb_vec *out, struct cb_err *err);

#endif
