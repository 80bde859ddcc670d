/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/refdata.h"
#include "casebook/rules.h"
#include "casebook/str.h"

static const char *const acts[] = {
	CB_ACT_SIGN_MINUTES, CB_ACT_AGREE_RATING, CB_ACT_CHAIR, CB_ACT_TAKE_MINUTES,
};

#define N_ACTS (sizeof acts / sizeof *acts)

bool
cb_act_known(const char *act)
{
	size_t i;

	for (i = 0; act != NULL && i < N_ACTS; i++)
		if (strcmp(acts[i], act) == 0)
			return true;
	return false;
}

char *
cb_acts_known(void)
{
	struct cb_buf b = {0};
	size_t i;
	char *out;

	for (i = 0; i < N_ACTS; i++)
		cb_buf_addf(&b, "%s%s", i > 0 ? ", " : "", acts[i]);
	out = cb_buf_take(&b);
	return out;
}

bool
cb_role_may(const struct cb_refdata *ref, const char *role, const char *act)
{
	const struct cb_refitem *it;
	char key[64];

	if (ref == NULL || role == NULL || !cb_act_known(act))
		return false;
	it = cb_reflist_find(&ref->roles, role);
	if (it == NULL || it->may == NULL)
		return false;
	snprintf(key, sizeof key, " %s ", act);
	return strstr(it->may, key) != NULL;
}

static bool
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && *a != '\0' && strcmp(a, b) == 0;
}

int
cb_rules_check_sign(const struct cb_refdata *ref, const struct cb_meeting *m,
                    const struct cb_signer *who, const char *chair_name, struct cb_err *err)
{
	if (ref == NULL)
		return cb_err_set(err, CB_EINTERNAL,
		                  _("the role rules (data/roles.yaml) are not loaded, so nothing "
		                    "can be signed off"));
	if (!same(who->worker_id, m->chair_id))
		return cb_err_set(err, CB_EPERM,
		                  _("only the chair (%s) can sign off these minutes: open casebook as "
		                    "the chair to sign"), chair_name);
	if (!cb_role_may(ref, who->role, CB_ACT_SIGN_MINUTES))
		return cb_err_set(err, CB_EPERM,
		                  _("a %s may not sign off minutes (data/roles.yaml): ask a worker "
		                    "whose role may to chair the meeting"),
		                  cb_reflist_label(&ref->roles, who->role));
	/* The name can be claimed by anyone at the keyboard; the chair's own
	 * login, or their password just now, cannot. */
	if (same(who->login_worker, m->chair_id) ||
	    (who->present != NULL && same(who->present_worker, m->chair_id)))
		return 0;
	return cb_err_set(err, CB_EPERM,
	                  _("signing off as the chair needs the chair's own login: %s signs from "
	                    "their login on this computer, or confirms with its password"),
	                  chair_name);
}

int
cb_rules_check_meeting(const struct cb_refdata *ref, const char *chair_role,
                       const char *chair_name, const char *taker_role, const char *taker_name,
                       struct cb_err *err)
{
	if (ref == NULL)
		return 0;
	if (chair_role != NULL && !cb_role_may(ref, chair_role, CB_ACT_CHAIR))
		return cb_err_set(err, CB_EPERM,
		                  _("%s, a %s, may not chair group supervision (data/roles.yaml): "
		                    "choose a chair whose role may"),
		                  chair_name, cb_reflist_label(&ref->roles, chair_role));
	if (taker_role != NULL && !cb_role_may(ref, taker_role, CB_ACT_TAKE_MINUTES))
		return cb_err_set(err, CB_EPERM,
		                  _("%s, a %s, may not take the minutes (data/roles.yaml): choose a "
		                    "minute-taker whose role may"),
		                  taker_name, cb_reflist_label(&ref->roles, taker_role));
	return 0;
}

int
cb_rules_check_agree_rating(const struct cb_refdata *ref, const char *role, struct cb_err *err)
{
	if (ref == NULL || cb_role_may(ref, role, CB_ACT_AGREE_RATING))
		return 0;
	return cb_err_set(err, CB_EPERM,
	                  _("a %s may not record a rating as agreed in group supervision "
	                    "(data/roles.yaml): ask the minute-taker or the chair"),
	                  role != NULL ? cb_reflist_label(&ref->roles, role) : "?");
}
