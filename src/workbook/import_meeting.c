/* SPDX-License-Identifier: MIT */
/* Reading a group supervision meeting: for each family discussed, who was
 * there, what became of earlier actions, the discussion, stages, the
 * rating, the team's reflection and the new actions. The discussion and
 * the reflection are answers to the supervision proforma. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/import.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/str.h"
#include "import_read.h"
#include "ytree.h"

/* The proforma's field for key, reported at n when it has none. */
static const struct cb_field *
proforma_field(struct rd *r, const struct yt_node *n, const struct cb_module *sup,
               const char *key)
{
	const struct cb_field *f;

	if (sup == NULL)
		return NULL;
	f = cb_module_field(sup, key, NULL);
	if (f == NULL)
		rd_report(r, n, _("the supervision proforma has no field %s, so this cannot be "
		                  "recorded: check modules/supervision.yaml"), key);
	return f;
}

/* An answer to the proforma, recorded in the meeting for one family. */
static void
proforma_answer(struct rd *r, const struct yt_node *v, size_t agenda, const struct cb_module *sup,
                const struct cb_meeting *m, const char *family_id, const char *key)
{
	const struct cb_field *f = proforma_field(r, v, sup, key);
	struct cb_import_item *it;
	struct cb_answer *a;
	size_t item;

	if (f == NULL)
		return;
	a = cb_answer_new();
	cb_uuid_new(a->id);
	item = rd_add(r, CB_IMPORT_ANSWER, a, v, agenda + 1);
	it = cb_import_item_at(r->p, item);
	memcpy(it->author, cb_import_item_at(r->p, agenda)->author, CB_UUID_LEN);
	memcpy(a->family_id, family_id, CB_UUID_LEN);
	memcpy(a->meeting_id, m->id, CB_UUID_LEN);
	a->module_id = cb_strdup(sup->id);
	a->module_version = sup->version;
	a->field_key = cb_strdup(key);
	a->date = m->date;
	a->value = rd_value(r, v, f, family_id, item);
}

static void
read_attendance(struct rd *r, const struct yt_node *n, size_t agenda,
                const struct cb_meeting_item *mi, struct cb_buf *present)
{
	static const char *const keys[] = {"worker", "status", "contribution", NULL};
	static const char *const required[] = {"worker", "status", NULL};
	static const char *const statuses[] = {"present", "apologies", "written", NULL};
	size_t item, first, before = rd_problems(r);
	struct cb_attendance *a;
	struct cb_err err = {0};

	if (!rd_map(r, n, _("the attendance entry"), keys, required))
		return;
	a = cb_attendance_new();
	cb_uuid_new(a->id);
	item = rd_add(r, CB_IMPORT_ATTENDANCE, a, n, agenda + 1);
	memcpy(cb_import_item_at(r->p, item)->author, cb_import_item_at(r->p, agenda)->author,
	       CB_UUID_LEN);
	memcpy(a->item_id, mi->id, CB_UUID_LEN);
	if (rd_ref_key(r, n, "worker", CB_REF_WORKER, NULL, item, a->worker_id)) {
		char *key = cb_asprintf("attendance\t%s\t%s", mi->id, a->worker_id);

		if (!cb_import_claim_key(r->p, key, item, &first))
			rd_report(r, yt_get(n, "worker"), _("%s is already in this family's attendance "
			                                    "(line %zu)"), a->worker_id,
			          cb_import_item_at(r->p, first)->line);
		free(key);
	}
	a->status = rd_pick(r, n, "status", statuses, _("an attendance"));
	a->contribution = rd_text(r, n, "contribution");
	rd_model(r, n, before, cb_attendance_check(a, &err), &err);
	if (a->status != NULL && strcmp(a->status, "present") == 0 && a->worker_id[0] != '\0')
		cb_buf_addf(present, "%s%s", present->len > 0 ? " " : "", a->worker_id);
}

static void
read_action_review(struct rd *r, const struct yt_node *n, size_t agenda,
                   const struct cb_meeting *m, const char *family_id)
{
	static const char *const keys[] = {"action", "outcome", "reason", NULL};
	static const char *const required[] = {"action", "outcome", NULL};
	static const char *const outcomes[] = {"done", "partly", "not-done", NULL};
	size_t item, first, before = rd_problems(r);
	struct cb_action_review *v;
	const struct yt_node *an;
	struct cb_err err = {0};

	if (!rd_map(r, n, _("the action review"), keys, required))
		return;
	v = cb_action_review_new();
	cb_uuid_new(v->id);
	item = rd_add(r, CB_IMPORT_ACTION_REVIEW, v, n, agenda + 1);
	memcpy(cb_import_item_at(r->p, item)->author, cb_import_item_at(r->p, agenda)->author,
	       CB_UUID_LEN);
	memcpy(v->meeting_id, m->id, CB_UUID_LEN);
	if ((an = yt_get(n, "action")) != NULL &&
	    rd_ref(r, an, CB_REF_ACTION, family_id, m->date, item, "action", v->action_id)) {
		char *key = cb_asprintf("review\t%s\t%s", m->id, v->action_id);

		if (!cb_import_claim_key(r->p, key, item, &first))
			rd_report(r, an, _("the action %s is already reviewed in this meeting (line %zu)"),
			          v->action_id, cb_import_item_at(r->p, first)->line);
		free(key);
	}
	v->outcome = rd_pick(r, n, "outcome", outcomes, _("an outcome"));
	v->reason = rd_text(r, n, "reason");
	rd_model(r, n, before, cb_action_review_check(v, &err), &err);
}

static void
read_action(struct rd *r, const struct yt_node *n, size_t agenda, const struct cb_meeting *m,
            const char *family_id)
{
	static const char *const keys[] = {"id", "text", "owner", "owner_member", "owner_agency",
	                                   "owner_agency_name", "due", NULL};
	static const char *const required[] = {"id", "text", "due", NULL};
	static const char *const agencies[] = {"school", "gp", "police", "other", NULL};
	size_t item, before = rd_problems(r);
	struct cb_err err = {0};
	struct cb_action *a;
	char when[CB_DATE_LEN];

	if (!rd_map(r, n, _("the action"), keys, required))
		return;
	a = cb_action_new();
	item = rd_add(r, CB_IMPORT_ACTION, a, n, agenda + 1);
	rd_own_id(r, n, item, a->id);
	memcpy(cb_import_item_at(r->p, item)->author, cb_import_item_at(r->p, agenda)->author,
	       CB_UUID_LEN);
	memcpy(a->family_id, family_id, CB_UUID_LEN);
	memcpy(a->meeting_id, m->id, CB_UUID_LEN);
	a->text = rd_text(r, n, "text");
	/* The owner: a worker, a member of the family, or another agency. */
	if (yt_get(n, "owner") != NULL)
		rd_ref_key(r, n, "owner", CB_REF_WORKER, NULL, item, a->owner_id);
	if (yt_get(n, "owner_member") != NULL)
		rd_ref_key(r, n, "owner_member", CB_REF_MEMBER, family_id, item, a->owner_person_id);
	if (yt_get(n, "owner_agency") != NULL)
		a->owner_agency = rd_pick(r, n, "owner_agency", agencies,
		                          _("an agency (school, gp, police or other)"));
	a->owner_agency_name = rd_text(r, n, "owner_agency_name");
	if (rd_date(r, n, "due", &a->due) && cb_date_is_set(m->date) &&
	    cb_date_cmp(a->due, m->date) < 0) {
		cb_date_format(m->date, when);
		rd_report(r, yt_get(n, "due"), _("the action is due before the meeting that agreed "
		                                 "it (%s)"), when);
	}
	rd_model(r, n, before, cb_action_check(a, &err), &err);
}

static void
read_discussion(struct rd *r, const struct yt_node *n, size_t agenda, const struct cb_module *sup,
                const struct cb_meeting *m, const char *family_id)
{
	static const char *const keys[] = {"working_well", "worries", "lived_experience", NULL};
	size_t i;

	if (!rd_map(r, n, _("the discussion"), keys, NULL))
		return;
	for (i = 0; keys[i] != NULL && !r->full; i++) {
		const struct yt_node *v = yt_get(n, keys[i]);
		char *key;

		if (v == NULL)
			continue;
		key = cb_asprintf("discussion.%s", keys[i]);
		proforma_answer(r, v, agenda, sup, m, family_id, key);
		free(key);
	}
}

/* One family on the meeting's agenda. */
static void
read_agenda(struct rd *r, const struct yt_node *n, size_t meeting, const struct cb_meeting *m,
            const struct cb_module *sup, int position)
{
	static const char *const keys[] = {"family", "minutes", "attendance", "review",
	                                   "discussion", "stages", "rating", "reflection", "actions",
	                                   NULL};
	static const char *const required[] = {"family", NULL};
	const struct cb_field *stage_field = NULL;
	const struct yt_node *list, *x;
	struct cb_buf present = {0};
	struct cb_meeting_item *mi;
	size_t item, i, first;
	long minutes = 0;

	if (!rd_map(r, n, _("the family's part of the meeting"), keys, required))
		return;
	mi = cb_meeting_item_new();
	cb_uuid_new(mi->id);
	item = rd_add(r, CB_IMPORT_MEETING_ITEM, mi, n, meeting + 1);
	memcpy(cb_import_item_at(r->p, item)->author, cb_import_item_at(r->p, meeting)->author,
	       CB_UUID_LEN);
	memcpy(mi->meeting_id, m->id, CB_UUID_LEN);
	mi->position = position;
	if (rd_ref_key(r, n, "family", CB_REF_FAMILY, NULL, item, mi->family_id)) {
		char *key = cb_asprintf("agenda\t%s\t%s", m->id, mi->family_id);

		if (!cb_import_claim_key(r->p, key, item, &first))
			rd_report(r, yt_get(n, "family"), _("this family is already on the meeting's "
			                                    "agenda (line %zu)"),
			          cb_import_item_at(r->p, first)->line);
		free(key);
	}
	/* A full day is the most a family could take. */
	if (rd_long(r, n, "minutes", 0, 24 * 60, &minutes))
		mi->seconds = minutes * 60;
	if ((list = rd_list(r, n, "attendance")) != NULL)
		for (i = 0; i < list->n && !r->full; i++)
			read_attendance(r, list->kids[i], item, mi, &present);
	if ((list = rd_list(r, n, "review")) != NULL) {
		if (list->n > 0)
			proforma_field(r, list, sup, "review.actions");
		for (i = 0; i < list->n && !r->full; i++)
			read_action_review(r, list->kids[i], item, m, mi->family_id);
	}
	if ((x = yt_get(n, "discussion")) != NULL)
		read_discussion(r, x, item, sup, m, mi->family_id);
	if ((list = rd_list(r, n, "stages")) != NULL) {
		if (list->n > 0)
			stage_field = proforma_field(r, list, sup, "stages.stage");
		for (i = 0; i < list->n && !r->full; i++)
			rd_stage(r, list->kids[i], item, mi->family_id, m, stage_field);
	}
	if ((x = yt_get(n, "rating")) != NULL) {
		proforma_field(r, x, sup, "risk.rating");
		rd_rating(r, x, item, mi->family_id, m, cb_buf_str(&present));
	}
	if ((x = yt_get(n, "reflection")) != NULL)
		proforma_answer(r, x, item, sup, m, mi->family_id, "risk.reflection");
	if ((list = rd_list(r, n, "actions")) != NULL) {
		if (list->n > 0)
			proforma_field(r, list, sup, "actions.actions");
		for (i = 0; i < list->n && !r->full; i++)
			read_action(r, list->kids[i], item, m, mi->family_id);
	}
	cb_buf_free(&present);
}

/* When the chair signed, as given: "YYYY-MM-DDTHH:MM[:SS][Z]" (UTC) or a
 * date alone, moved with the other dates when as_of moves them. Without
 * one, the meeting's own date, with no time: an import is not a sign-off,
 * so its own time is never recorded as one. */
static void
read_signed_at(struct rd *r, const struct yt_node *n, struct cb_meeting *m)
{
	const struct yt_node *v = yt_get(n, "signed_at");
	const char *s = v != NULL ? rd_scalar(r, v, "signed_at") : NULL;
	char day[11], buf[RD_SHOWN], d[CB_DATE_LEN];
	struct cb_date date = m->date;
	int hh = -1, mm = 0, ss = 0, used = 0;
	size_t len;

	if (s != NULL) {
		len = strlen(s);
		snprintf(day, sizeof day, "%.10s", s);
		if (len < 10 || cb_date_parse(day, &date, NULL) != 0 ||
		    (len > 10 && (s[10] != 'T' ||
		                  sscanf(s + 11, "%2d:%2d%n", &hh, &mm, &used) != 2 || hh > 23 ||
		                  mm > 59 ||
		                  (s[11 + used] == ':' &&
		                   (sscanf(s + 12 + used, "%2d", &ss) != 1 || ss > 59)) ||
		                  !(s[len - 1] == 'Z' || (s[len - 1] >= '0' && s[len - 1] <= '9'))))) {
			rd_report(r, v, _("'%s' is not a time of signing: write it as "
			                  "YYYY-MM-DDTHH:MM (UTC), or a date"),
			          rd_shown(s, buf));
			return;
		}
		if (r->shift != 0)
			date = cb_date_add_days(date, r->shift);
	}
	cb_date_format(date, d);
	if (hh >= 0) {
		char stamp[64];

		snprintf(stamp, sizeof stamp, "%sT%02d:%02d:%02d.000Z", d, hh, mm, ss);
		snprintf(m->signed_at, sizeof m->signed_at, "%.24s", stamp);
	} else {
		snprintf(m->signed_at, sizeof m->signed_at, "%s", d);
	}
}

void
rd_meeting(struct rd *r, const struct yt_node *n)
{
	static const char *const keys[] = {"id", "date", "chair", "minute_taker", "signed",
	                                   "signed_at", "families", NULL};
	static const char *const required[] = {"id", "date", "chair", "minute_taker", "families",
	                                       NULL};
	const struct cb_module *sup = r->prog != NULL ? r->prog->supervision : NULL;
	const struct yt_node *list;
	size_t item, i, sign, before = rd_problems(r);
	struct cb_err err = {0};
	struct cb_meeting *m;
	bool is_signed = false;

	if (!rd_map(r, n, _("the meeting"), keys, required))
		return;
	m = cb_meeting_new();
	item = rd_add(r, CB_IMPORT_MEETING, m, n, 0);
	rd_own_id(r, n, item, m->id);
	rd_date(r, n, "date", &m->date);
	rd_ref_key(r, n, "chair", CB_REF_WORKER, NULL, item, m->chair_id);
	/* The minute-taker writes the minutes; the chair signs them off. */
	rd_ref_key(r, n, "minute_taker", CB_REF_WORKER, NULL, item, m->minute_taker_id);
	memcpy(cb_import_item_at(r->p, item)->author, m->minute_taker_id, CB_UUID_LEN);
	rd_bool(r, n, "signed", &is_signed);
	rd_model(r, n, before, cb_meeting_check(m, &err), &err);
	if (sup == NULL)
		rd_report(r, n, _("the programme has no supervision proforma, so a meeting cannot "
		                  "be imported: check modules/supervision.yaml"));
	if ((list = rd_list(r, n, "families")) != NULL)
		for (i = 0; i < list->n && !r->full; i++)
			read_agenda(r, list->kids[i], item, m, sup, (int)(i + 1));
	if (!is_signed && yt_get(n, "signed_at") != NULL)
		rd_report(r, n, _("'signed_at' is only for signed minutes: add signed: true, or "
		                  "leave it out"));
	if (is_signed) {
		read_signed_at(r, n, m);
		sign = rd_add(r, CB_IMPORT_SIGN, NULL, n, item + 1);
		memcpy(cb_import_item_at(r->p, sign)->author, m->chair_id, CB_UUID_LEN);
	}
}
