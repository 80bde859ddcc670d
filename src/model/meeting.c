/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/meeting.h"
#include "casebook/str.h"

struct cb_meeting *
cb_meeting_new(void)
{
	return cb_calloc(1, sizeof(struct cb_meeting));
}

void
cb_meeting_free(struct cb_meeting **mp)
{
	struct cb_meeting *m;

	if (mp == NULL || *mp == NULL)
		return;
	m = *mp;
	cb_rev_clear(&m->rev);
	free(m->chair_name);
	free(m->minute_taker_name);
	free(m->signed_by_name);
	free(m->families);
	cb_freep(mp);
}

void
cb_meeting_free_item(void *m)
{
	cb_meeting_free((struct cb_meeting **)&m);
}

struct cb_meeting_item *
cb_meeting_item_new(void)
{
	return cb_calloc(1, sizeof(struct cb_meeting_item));
}

void
cb_meeting_item_free(struct cb_meeting_item **ip)
{
	if (ip == NULL || *ip == NULL)
		return;
	cb_rev_clear(&(*ip)->rev);
	free((*ip)->family_reference);
	free((*ip)->family_name);
	cb_freep(ip);
}

void
cb_meeting_item_free_item(void *i)
{
	cb_meeting_item_free((struct cb_meeting_item **)&i);
}

struct cb_attendance *
cb_attendance_new(void)
{
	return cb_calloc(1, sizeof(struct cb_attendance));
}

void
cb_attendance_free(struct cb_attendance **ap)
{
	if (ap == NULL || *ap == NULL)
		return;
	cb_rev_clear(&(*ap)->rev);
	free((*ap)->worker_name);
	free((*ap)->worker_role);
	free((*ap)->status);
	free((*ap)->contribution);
	cb_freep(ap);
}

void
cb_attendance_free_item(void *a)
{
	cb_attendance_free((struct cb_attendance **)&a);
}

struct cb_action *
cb_action_new(void)
{
	return cb_calloc(1, sizeof(struct cb_action));
}

void
cb_action_free(struct cb_action **ap)
{
	struct cb_action *a;

	if (ap == NULL || *ap == NULL)
		return;
	a = *ap;
	cb_rev_clear(&a->rev);
	free(a->text);
	free(a->owner_agency);
	free(a->owner_agency_name);
	free(a->owner_name);
	free(a->outcome);
	free(a->outcome_reason);
	cb_freep(ap);
}

void
cb_action_free_item(void *a)
{
	cb_action_free((struct cb_action **)&a);
}

struct cb_action_review *
cb_action_review_new(void)
{
	return cb_calloc(1, sizeof(struct cb_action_review));
}

void
cb_action_review_free(struct cb_action_review **rp)
{
	if (rp == NULL || *rp == NULL)
		return;
	cb_rev_clear(&(*rp)->rev);
	free((*rp)->outcome);
	free((*rp)->reason);
	cb_freep(rp);
}

void
cb_action_review_free_item(void *r)
{
	cb_action_review_free((struct cb_action_review **)&r);
}

struct cb_addendum *
cb_addendum_new(void)
{
	return cb_calloc(1, sizeof(struct cb_addendum));
}

void
cb_addendum_free(struct cb_addendum **ap)
{
	if (ap == NULL || *ap == NULL)
		return;
	cb_rev_clear(&(*ap)->rev);
	free((*ap)->text);
	cb_freep(ap);
}

void
cb_addendum_free_item(void *a)
{
	cb_addendum_free((struct cb_addendum **)&a);
}

int
cb_meeting_check(const struct cb_meeting *m, struct cb_err *err)
{
	if (!cb_date_valid(m->date))
		return cb_err_set(err, CB_EINVAL, _("a meeting needs its date"));
	if (m->chair_id[0] == '\0')
		return cb_err_set(err, CB_EINVAL, _("say who chairs the meeting"));
	if (m->minute_taker_id[0] == '\0')
		return cb_err_set(err, CB_EINVAL, _("say who takes the minutes"));
	return 0;
}

static const char *const attendance[][2] = {
	{"present", N_("present")},
	{"apologies", N_("apologies")},
	{"written", N_("sent a written contribution")},
};
static const char *const outcomes[][2] = {
	{"done", N_("done")},
	{"partly", N_("partly done")},
	{"not-done", N_("not done")},
};

const char *
cb_attendance_label(const char *status)
{
	size_t i;

	for (i = 0; i < 3; i++)
		if (cb_streq(attendance[i][0], status))
			return _(attendance[i][1]);
	return status;
}

const char *
cb_outcome_label(const char *outcome)
{
	size_t i;

	for (i = 0; i < 3; i++)
		if (cb_streq(outcomes[i][0], outcome))
			return _(outcomes[i][1]);
	return outcome != NULL ? outcome : _("open");
}

const char *const cb_agencies[CB_N_AGENCIES] = {"school", "gp", "police", "other"};

const char *
cb_agency_label(const char *agency)
{
	if (cb_streq(agency, "school"))
		return _("school");
	if (cb_streq(agency, "gp"))
		return _("GP");
	if (cb_streq(agency, "police"))
		return _("police");
	if (cb_streq(agency, "other"))
		return _("another agency");
	return agency != NULL ? agency : "?";
}

char *
cb_action_owner_words(const struct cb_action *a, const char *name)
{
	char *trimmed, *out;

	if (a->owner_agency == NULL)
		return cb_strdup(name != NULL ? name : "?");
	trimmed = a->owner_agency_name != NULL ? cb_str_trim(a->owner_agency_name) : NULL;
	if (trimmed == NULL || *trimmed == '\0')
		/* TRANSLATORS: an agency that owns an action, unnamed: "the GP". */
		out = cb_asprintf(_("the %s"), cb_agency_label(a->owner_agency));
	else if (cb_streq(a->owner_agency, "other"))
		out = cb_strdup(trimmed);
	else
		/* TRANSLATORS: an agency by name, and what it is: "Oak Primary (school)". */
		out = cb_asprintf(_("%s (%s)"), trimmed, cb_agency_label(a->owner_agency));
	free(trimmed);
	return out;
}

int
cb_attendance_check(const struct cb_attendance *a, struct cb_err *err)
{
	if (!cb_streq(a->status, "present") && !cb_streq(a->status, "apologies") &&
	    !cb_streq(a->status, "written"))
		return cb_err_set(err, CB_EINVAL,
		                  _("attendance is present, apologies or written"));
	if (cb_streq(a->status, "written") && cb_str_empty(a->contribution))
		return cb_err_set(err, CB_EINVAL,
		                  _("a written contribution needs its text"));
	return 0;
}

int
cb_action_check(const struct cb_action *a, struct cb_err *err)
{
	if (cb_str_empty(a->text))
		return cb_err_set(err, CB_EINVAL, _("write what the action is"));
	if ((a->owner_id[0] != '\0') + (a->owner_person_id[0] != '\0') +
	        (a->owner_agency != NULL) != 1)
		return cb_err_set(err, CB_EINVAL, _("an action needs one owner: a worker, a member "
		                                    "of the family or another agency"));
	if (a->owner_agency != NULL) {
		size_t i;

		for (i = 0; i < CB_N_AGENCIES && !cb_streq(cb_agencies[i], a->owner_agency); i++)
			;
		if (i == CB_N_AGENCIES)
			return cb_err_set(err, CB_EINVAL, _("an agency that owns an action is a school, "
			                                    "the GP, the police or another, by name"));
		if (cb_streq(a->owner_agency, "other") && cb_str_empty(a->owner_agency_name))
			return cb_err_set(err, CB_EINVAL, _("name the agency that owns the action"));
	}
	if (!cb_date_valid(a->due))
		return cb_err_set(err, CB_EINVAL,
		                  _("an action needs a due date (try +2w or 1/3)"));
	return 0;
}

int
cb_action_review_check(const struct cb_action_review *r, struct cb_err *err)
{
	if (!cb_streq(r->outcome, "done") && !cb_streq(r->outcome, "partly") &&
	    !cb_streq(r->outcome, "not-done"))
		return cb_err_set(err, CB_EINVAL, _("an action is done, partly done or not done"));
	if (cb_streq(r->outcome, "not-done") && cb_str_empty(r->reason))
		return cb_err_set(err, CB_EINVAL, _("say why the action was not done"));
	return 0;
}
