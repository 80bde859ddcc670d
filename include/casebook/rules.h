/* SPDX-License-Identifier: MIT */
/* What each role may do, from data/roles.yaml ("may:"), and the rules for
 * acts that belong to a role, such as signing off minutes. One place, for
 * the laptop and (later) the team server alike: the store calls these
 * before it writes, whatever screen or command asked. */
#ifndef CASEBOOK_RULES_H
#define CASEBOOK_RULES_H

#include <stdbool.h>

struct cb_err;
struct cb_meeting;
struct cb_refdata;

/* The acts a role can be given. */
#define CB_ACT_SIGN_MINUTES "sign-minutes"   /* sign off group supervision minutes */
#define CB_ACT_AGREE_RATING "agree-rating"   /* record a risk rating as agreed in supervision */
#define CB_ACT_CHAIR "chair-supervision"     /* be named as a meeting's chair */
#define CB_ACT_TAKE_MINUTES "take-minutes"   /* be named as a meeting's minute-taker */

bool cb_act_known(const char *act);
/* "a, b, c", for messages (the caller frees it). */
char *cb_acts_known(void);
/* Whether data/roles.yaml lets role do act. */
bool cb_role_may(const struct cb_refdata *ref, const char *role, const char *act);

/* Who is asking to sign, and what the computer knows about them. */
struct cb_signer {
	const char *worker_id;      /* the worker casebook is working as */
	const char *role;           /* that worker's role */
	const char *login;          /* the OS user at the keyboard */
	const char *login_worker;   /* the worker that login first chose, or "" */
	const char *present;        /* a login whose password was just checked, or NULL */
	const char *present_worker; /* the worker that login first chose, or "" */
};

/* Signing off minutes: only the meeting's chair, in a role that may sign,
 * and only with the chair's own login, either at the keyboard or checked
 * just now (their password, through PAM). chair_name is for the message.
 * 0, or CB_EPERM with a line that says what to do. */
int cb_rules_check_sign(const struct cb_refdata *ref, const struct cb_meeting *m,
                        const struct cb_signer *who, const char *chair_name,
                        struct cb_err *err);

/* The people named on a meeting: the chair's role must let them chair
 * supervision, and the minute-taker's take the minutes. Names and roles
 * are the workers'; NULL when none is named. 0, or CB_EPERM with a line
 * that says what to do. Without rules (ref NULL) there is nothing to
 * check against, and 0. */
int cb_rules_check_meeting(const struct cb_refdata *ref, const char *chair_role,
                           const char *chair_name, const char *taker_role,
                           const char *taker_name, struct cb_err *err);
/* Recording a risk rating as agreed in group supervision: the worker
 * recording it (role) must be in a role that may agree a rating. */
int cb_rules_check_agree_rating(const struct cb_refdata *ref, const char *role,
                                struct cb_err *err);

#endif
