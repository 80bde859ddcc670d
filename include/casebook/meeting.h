/* SPDX-License-Identifier: MIT */
/* Group case supervision: a meeting covers several families; for each,
 * who attended, what became of last time's actions, what was agreed, and
 * new actions with an owner and a due date. */
#ifndef CASEBOOK_MEETING_H
#define CASEBOOK_MEETING_H

#include <stdbool.h>

#include "casebook/record.h"

struct cb_err;

struct cb_meeting {
	char id[CB_UUID_LEN];
	struct cb_rev rev;
	struct cb_date date;
	char chair_id[CB_UUID_LEN];
	char minute_taker_id[CB_UUID_LEN];
	char team_id[CB_UUID_LEN];
	char *chair_name;             /* filled on reads */
	char *minute_taker_name;
	bool is_signed;
	char signed_by[CB_UUID_LEN];
	char signed_at[CB_STAMP_LEN];
	char *signed_by_name;
	char *families;               /* filled on list reads: references */
};

/* One family on a meeting's agenda. */
struct cb_meeting_item {
	char id[CB_UUID_LEN];
	char meeting_id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	struct cb_rev rev;
	int position;                 /* order on the agenda */
	long seconds;                 /* time spent on the family so far */
	char *family_reference;       /* filled on reads */
	char *family_name;
};

struct cb_attendance {
	char id[CB_UUID_LEN];
	char item_id[CB_UUID_LEN];
	char worker_id[CB_UUID_LEN];
	struct cb_rev rev;
	char *worker_name;            /* filled on reads */
	char *worker_role;            /* the role on the case, when allocated */
	char *status;                 /* present, apologies, written */
	char *contribution;           /* a written contribution, may be NULL */
};

struct cb_action {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	char meeting_id[CB_UUID_LEN]; /* the meeting that agreed it, or "" */
	struct cb_rev rev;
	char *text;
	/* The owner: exactly one of a worker, a member of the family, or
	 * another agency (a school, the GP, the police, another) by name. */
	char owner_id[CB_UUID_LEN];   /* a worker, or "" */
	char owner_person_id[CB_UUID_LEN]; /* a member of the family, or "" */
	char *owner_agency;           /* school, gp, police, other; or NULL */
	char *owner_agency_name;      /* "Oak Primary": needed for other */
	char *owner_name;             /* filled on reads: who, as the minutes say it */
	struct cb_date due;
	/* Filled on reads. */
	char *outcome;                /* latest review: done, partly, not-done; NULL */
	char *outcome_reason;
	struct cb_date agreed_on;     /* the date of the meeting that agreed it */
};

struct cb_action_review {
	char id[CB_UUID_LEN];
	char action_id[CB_UUID_LEN];
	char meeting_id[CB_UUID_LEN];
	struct cb_rev rev;
	char *outcome;                /* done, partly, not-done */
	char *reason;                 /* needed for not-done */
};

struct cb_addendum {
	char id[CB_UUID_LEN];
	char meeting_id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];  /* "" for the whole meeting */
	struct cb_rev rev;
	char *text;
};

struct cb_meeting *cb_meeting_new(void);
void cb_meeting_free(struct cb_meeting **m);
void cb_meeting_free_item(void *m);
struct cb_meeting_item *cb_meeting_item_new(void);
void cb_meeting_item_free(struct cb_meeting_item **i);
void cb_meeting_item_free_item(void *i);
struct cb_attendance *cb_attendance_new(void);
void cb_attendance_free(struct cb_attendance **a);
void cb_attendance_free_item(void *a);
struct cb_action *cb_action_new(void);
void cb_action_free(struct cb_action **a);
void cb_action_free_item(void *a);
struct cb_action_review *cb_action_review_new(void);
void cb_action_review_free(struct cb_action_review **r);
void cb_action_review_free_item(void *r);
struct cb_addendum *cb_addendum_new(void);
void cb_addendum_free(struct cb_addendum **a);
void cb_addendum_free_item(void *a);

int cb_meeting_check(const struct cb_meeting *m, struct cb_err *err);
int cb_attendance_check(const struct cb_attendance *a, struct cb_err *err);
int cb_action_check(const struct cb_action *a, struct cb_err *err);
int cb_action_review_check(const struct cb_action_review *r, struct cb_err *err);
const char *cb_attendance_label(const char *status);
const char *cb_outcome_label(const char *outcome);

/* The kinds of agency that can own an action, in the order offered, and
 * what each is called on screen and in documents. */
#define CB_N_AGENCIES 4
extern const char *const cb_agencies[CB_N_AGENCIES];
const char *cb_agency_label(const char *agency);
/* Who owns a, in words: name (the worker's or member's, as read) or the
 * agency with its name, "Oak Primary (school)". Allocated; NULL names
 * read as "?". */
char *cb_action_owner_words(const struct cb_action *a, const char *name);

#endif
