/* SPDX-License-Identifier: MIT */
/* Group supervision minutes: the whole meeting for the team, or one
 * family's extract for that family's record. An extract is built from the
 * family's own agenda item and nothing else, so nothing about another
 * family can reach it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "labels.h"
#include "sections.h"

#define PROFORMA "supervision"

/* The proforma fields every meeting records, under fixed headings so
 * minutes read the same whichever proforma wording an authority uses. */
static const struct {
	const char *key;
	const char *heading;
} discussion[] = {
	{"discussion.working_well", N_("What is working well")},
	{"discussion.worries", N_("Worries")},
	{"discussion.lived_experience", N_("The child's lived experience")},
};
#define REFLECTION_KEY "risk.reflection"

struct ctx {
	struct cb_store *s;
	const struct cb_meeting *m;
	const struct cb_refdata *ref;
	const struct cb_programme *prog;
	bool extract;
	struct cb_doc *d;
	int level;               /* of a family's heading; its parts one below */
	const char *heading;     /* instead of the family's name, or NULL */
};

static const char *
answer_value(const struct cb_vec *answers, const char *key)
{
	size_t i;

	for (i = 0; i < answers->len; i++) {
		const struct cb_answer *a = answers->items[i];

		if (cb_streq(a->field_key, key) && a->person_id[0] == '\0')
			return a->value;
	}
	return NULL;
}

static bool
known_key(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof discussion / sizeof *discussion; i++)
		if (cb_streq(discussion[i].key, key))
			return true;
	return cb_streq(key, REFLECTION_KEY);
}

/* A section of recorded text, or a plain "not recorded". */
static void
text_section(struct ctx *x, const char *heading, const char *text)
{
	cb_doc_heading(x->d, x->level + 1, heading);
	cb_doc_text(x->d, !cb_str_empty(text) ? text : _("Not recorded."));
}

static const char *
minutes_spent(long seconds, char *buf, size_t n)
{
	long mins = (seconds + 30) / 60;

	if (seconds <= 0)
		return _("not recorded");
	if (mins < 1)
		return _("under a minute");
	snprintf(buf, n, ngettext("%ld minute", "%ld minutes", (unsigned long)mins), mins);
	return buf;
}

static int
attendance(struct ctx *x, const struct cb_meeting_item *it, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_attendance_free_item);
	const char *h[3] = {_("Worker"), _("Role on the case"), _("Attendance")};
	struct cb_block *table, *written = NULL;
	size_t i;

	cb_doc_heading(x->d, x->level + 1, _("Attendance"));
	if (cb_store_attendance_list(x->s, it->id, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	if (list.len == 0) {
		cb_doc_text(x->d, _("Not recorded."));
		cb_vec_clear(&list);
		return 0;
	}
	table = cb_doc_table(x->d, 3, h);
	for (i = 0; i < list.len; i++) {
		const struct cb_attendance *a = list.items[i];
		const char *row[3];

		row[0] = xl_name(a->worker_name);
		row[1] = xl_label(x->ref, XL_ROLE, a->worker_role);
		row[2] = cb_attendance_label(a->status);
		cb_block_row(table, row);
	}
	for (i = 0; i < list.len; i++) {
		const struct cb_attendance *a = list.items[i];

		if (cb_str_empty(a->contribution))
			continue;
		if (written == NULL) {
			cb_doc_heading(x->d, x->level + 1, _("Written contributions"));
			written = cb_doc_list(x->d);
		}
		cb_block_item(written, xl_name(a->worker_name), a->contribution);
	}
	cb_vec_clear(&list);
	return 0;
}

/* What became of the actions this meeting reviewed. */
static int
reviewed(struct ctx *x, const struct cb_meeting_item *it, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_action_free_item);
	struct cb_block *b;
	size_t i;

	cb_doc_heading(x->d, x->level + 1, _("Actions from last time, and what became of them"));
	if (cb_store_action_pull(x->s, it->family_id, x->m->id, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	if (list.len == 0) {
		cb_doc_text(x->d, _("No earlier actions to review."));
		cb_vec_clear(&list);
		return 0;
	}
	b = cb_doc_list(x->d);
	for (i = 0; i < list.len; i++) {
		const struct cb_action *a = list.items[i];
		struct cb_buf detail = {0};
		char due[CB_DATE_LEN], agreed[CB_DATE_LEN];

		cb_buf_addf(&detail, _("%s, due %s"), xl_name(a->owner_name),
		            xl_date(a->due, due, _("no date")));
		if (cb_date_is_set(a->agreed_on))
			cb_buf_addf(&detail, _(", agreed in supervision on %s"),
			            xl_date(a->agreed_on, agreed, ""));
		if (a->outcome == NULL)
			cb_buf_add(&detail, _("\nOutcome: not reviewed at this meeting"));
		else if (!cb_str_empty(a->outcome_reason))
			cb_buf_addf(&detail, _("\nOutcome: %s. %s"), cb_outcome_label(a->outcome),
			            a->outcome_reason);
		else
			cb_buf_addf(&detail, _("\nOutcome: %s"), cb_outcome_label(a->outcome));
		cb_block_item(b, a->text, cb_buf_str(&detail));
		cb_buf_free(&detail);
	}
	cb_vec_clear(&list);
	return 0;
}

static int
stages(struct ctx *x, const struct cb_meeting_item *it, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_stage_record_free_item);
	struct cb_block *b = NULL;
	size_t i;

	cb_doc_heading(x->d, x->level + 1, _("Cycle of Change, as agreed"));
	if (cb_store_stage_list(x->s, it->family_id, NULL, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	for (i = 0; i < list.len; i++) {
		const struct cb_stage_record *r = list.items[i];
		char *stage, *head, *detail;

		if (strcmp(r->meeting_id, x->m->id) != 0)
			continue;
		if (b == NULL)
			b = cb_doc_list(x->d);
		stage = xl_stage(x->ref, r->stage);
		head = cb_asprintf(_("%s, %s: %s"), xl_name(r->person_name),
		                   xl_label(x->ref, XL_ISSUE, r->issue), stage);
		detail = xl_stage_detail(r);
		cb_block_item(b, head, detail);
		free(detail);
		free(head);
		free(stage);
	}
	if (b == NULL)
		cb_doc_text(x->d, _("Not recorded."));
	cb_vec_clear(&list);
	return 0;
}

static int
rating(struct ctx *x, const struct cb_meeting_item *it, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_rating_free_item);
	const struct cb_rating *agreed = NULL;
	size_t i;

	cb_doc_heading(x->d, x->level + 1, _("Risk rating agreed"));
	if (cb_store_rating_list(x->s, it->family_id, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	for (i = 0; i < list.len; i++) {
		const struct cb_rating *r = list.items[i];

		if (strcmp(r->meeting_id, x->m->id) == 0)
			agreed = r; /* the newest, if it was ever recorded twice */
	}
	if (agreed == NULL) {
		cb_doc_text(x->d, _("Not recorded."));
	} else {
		struct cb_block *b = cb_doc_fields(x->d);

		cb_block_field(b, _("Rating"), xl_label(x->ref, XL_RATING, agreed->rating));
		if (!cb_str_empty(agreed->agreed_by))
			cb_block_field(b, _("Agreed by"), agreed->agreed_by);
		cb_block_field(b, _("Reason"), agreed->rationale);
	}
	cb_vec_clear(&list);
	return 0;
}

static int
agreed_actions(struct ctx *x, const struct cb_meeting_item *it, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_action_free_item);
	const char *h[3] = {_("Action"), _("Owner"), _("Due")};
	struct cb_block *b;
	size_t i;

	cb_doc_heading(x->d, x->level + 1, _("Actions agreed"));
	if (cb_store_action_agreed(x->s, it->family_id, x->m->id, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	if (list.len == 0) {
		cb_doc_text(x->d, _("None."));
		cb_vec_clear(&list);
		return 0;
	}
	b = cb_doc_table(x->d, 3, h);
	for (i = 0; i < list.len; i++) {
		const struct cb_action *a = list.items[i];
		char due[CB_DATE_LEN];
		const char *row[3];

		row[0] = a->text;
		row[1] = xl_name(a->owner_name);
		row[2] = xl_date(a->due, due, _("no date"));
		cb_block_row(b, row);
	}
	cb_vec_clear(&list);
	return 0;
}

struct people {
	const struct cb_vec *list;
};

/* Person answers name someone in this family, and only in this family. */
static const char *
person_name(const char *id, void *ctx)
{
	const struct people *p = ctx;
	size_t i;

	for (i = 0; i < p->list->len; i++) {
		const struct cb_person *x = p->list->items[i];

		if (strcmp(x->id, id) == 0)
			return x->name;
	}
	return _("(someone not in this family)");
}

/* Fields an authority added to the proforma: shown under their labels,
 * so nothing recorded in the meeting is left out of the minutes. */
static int
other_answers(struct ctx *x, const struct cb_meeting_item *it, const struct cb_vec *answers,
              struct cb_err *err)
{
	const struct cb_module *proforma = x->prog != NULL ? x->prog->supervision : NULL;
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct people ctx = {&people};
	struct cb_block *b = NULL;
	size_t i;

	if (cb_store_person_list(x->s, it->family_id, &people, err) != 0) {
		cb_vec_clear(&people);
		return -1;
	}
	for (i = 0; i < answers->len; i++) {
		const struct cb_answer *a = answers->items[i];
		const struct cb_field *f = NULL;
		char *value, *label;

		if (known_key(a->field_key) && a->person_id[0] == '\0')
			continue;
		if (proforma != NULL)
			f = cb_module_field(proforma, a->field_key, NULL);
		if (b == NULL) {
			cb_doc_heading(x->d, x->level + 1, _("Also recorded"));
			b = cb_doc_list(x->d);
		}
		value = cb_value_display(f, a->value, person_name, &ctx);
		if (a->person_id[0] != '\0')
			label = cb_asprintf("%s (%s)", f != NULL ? f->label : a->field_key,
			                    person_name(a->person_id, &ctx));
		else
			label = cb_strdup(f != NULL ? f->label : a->field_key);
		cb_block_item(b, label, value);
		free(label);
		free(value);
	}
	cb_vec_clear(&people);
	return 0;
}

static int
family_item(struct ctx *x, const struct cb_meeting_item *it, size_t number, struct cb_err *err)
{
	struct cb_vec answers = CB_VEC_OWNING(cb_answer_free_item);
	char *heading, spent[32];
	struct cb_block *b;
	size_t i;
	int rc = -1;

	/* In an extract an agenda number would say how many families came
	 * before this one. */
	if (x->heading != NULL)
		heading = cb_strdup(x->heading);
	else if (x->extract)
		heading = cb_asprintf("%s (%s)", it->family_name, it->family_reference);
	else
		heading = cb_asprintf("%zu. %s (%s)", number, it->family_name, it->family_reference);
	cb_doc_heading(x->d, x->level, heading);
	free(heading);
	b = cb_doc_fields(x->d);
	cb_block_field(b, _("Time spent"), minutes_spent(it->seconds, spent, sizeof spent));
	if (cb_store_answer_list(x->s, it->family_id, PROFORMA, x->m->id, &answers, err) != 0)
		goto out;
	if (attendance(x, it, err) != 0 || reviewed(x, it, err) != 0)
		goto out;
	for (i = 0; i < sizeof discussion / sizeof *discussion; i++)
		text_section(x, _(discussion[i].heading), answer_value(&answers, discussion[i].key));
	if (stages(x, it, err) != 0 || rating(x, it, err) != 0)
		goto out;
	text_section(x, _("Reflection on the risk we hold"), answer_value(&answers, REFLECTION_KEY));
	if (agreed_actions(x, it, err) != 0 || other_answers(x, it, &answers, err) != 0)
		goto out;
	rc = 0;
out:
	cb_vec_clear(&answers);
	return rc;
}

static int
addenda(struct ctx *x, const char *family_id, const struct cb_vec *items, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_addendum_free_item);
	struct cb_block *b = NULL;
	size_t i, k;

	if (cb_store_addendum_list(x->s, x->m->id, NULL, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	for (i = 0; i < list.len; i++) {
		const struct cb_addendum *a = list.items[i];
		char date[CB_DATE_LEN], *head;
		const char *about = NULL;

		/* An extract takes only the family's own addenda: one for the
		 * whole meeting is free text that may be about anyone. */
		if (family_id != NULL && strcmp(a->family_id, family_id) != 0)
			continue;
		if (family_id == NULL && a->family_id[0] != '\0') {
			for (k = 0; k < items->len; k++) {
				const struct cb_meeting_item *it = items->items[k];

				if (strcmp(it->family_id, a->family_id) == 0)
					about = it->family_reference;
			}
		}
		if (b == NULL) {
			cb_doc_heading(x->d, 2, _("Addenda"));
			cb_doc_text(x->d, _("Added after the minutes were signed off; the minutes "
			                    "above are as signed."));
			b = cb_doc_list(x->d);
		}
		if (about != NULL)
			head = cb_asprintf(_("%s, %s, about %s"), xl_stamp_date(a->rev.created_at, date),
			                   xl_name(a->rev.created_by_name), about);
		else if (family_id == NULL && a->family_id[0] == '\0')
			head = cb_asprintf(_("%s, %s, about the whole meeting"),
			                   xl_stamp_date(a->rev.created_at, date),
			                   xl_name(a->rev.created_by_name));
		else
			head = cb_asprintf(_("%s, %s"), xl_stamp_date(a->rev.created_at, date),
			                   xl_name(a->rev.created_by_name));
		cb_block_item(b, head, a->text);
		free(head);
	}
	cb_vec_clear(&list);
	return 0;
}

/* "2026-11-20 14:05 UTC" from a stored stamp. */
static char *
signed_when(const char *stamp)
{
	if (stamp == NULL || strlen(stamp) < 16)
		return cb_strdup(stamp != NULL ? stamp : "");
	return cb_asprintf("%.10s %.5s UTC", stamp, stamp + 11);
}

int
cb_export_minutes(struct cb_store *s, const struct cb_meeting *m, const char *family_id,
                  const struct cb_refdata *ref, const struct cb_programme *prog,
                  struct cb_doc **out, struct cb_err *err)
{
	struct cb_vec items = CB_VEC_OWNING(cb_meeting_item_free_item);
	struct ctx x = {s, m, ref, prog, family_id != NULL, NULL, 2, NULL};
	const struct cb_meeting_item *only = NULL;
	char date[CB_DATE_LEN], *title;
	struct cb_block *b;
	size_t i;
	int rc = -1;

	*out = NULL;
	if (cb_store_item_list(s, m->id, &items, err) != 0)
		goto out;
	if (family_id != NULL) {
		for (i = 0; i < items.len; i++)
			if (strcmp(((struct cb_meeting_item *)items.items[i])->family_id, family_id) == 0)
				only = items.items[i];
		if (only == NULL) {
			rc = cb_err_set(err, CB_ENOTFOUND,
			                _("that family was not discussed at this meeting: see 'casebook "
			                  "list meetings'"));
			goto out;
		}
	}
	cb_date_format(m->date, date);
	if (only != NULL)
		title = cb_asprintf(_("%sGroup supervision %s: %s (%s)"), m->is_signed ? "" : _("DRAFT "),
		                    date, only->family_name, only->family_reference);
	else
		title = cb_asprintf(_("%sGroup supervision minutes %s"), m->is_signed ? "" : _("DRAFT "),
		                    date);
	x.d = cb_doc_new(title);
	x.d->draft = !m->is_signed;
	cb_doc_heading(x.d, 1, title);
	free(title);
	if (!m->is_signed)
		cb_doc_notice(x.d, _("DRAFT: these minutes have not been signed off by the chair and "
		                     "may still change."));
	if (only != NULL)
		cb_doc_text(x.d, _("An extract of group case supervision minutes, for this family's "
		                   "record: it holds this family's part of the meeting only."));
	b = cb_doc_fields(x.d);
	cb_block_field(b, _("Date"), date);
	cb_block_field(b, _("Chair"), xl_name(m->chair_name));
	cb_block_field(b, _("Minute-taker"), xl_name(m->minute_taker_name));
	if (m->is_signed) {
		char *when = signed_when(m->signed_at);

		cb_block_fieldf(b, _("Signed off"), _("by %s, %s"), xl_name(m->signed_by_name), when);
		free(when);
	} else {
		cb_block_field(b, _("Signed off"), _("not yet: DRAFT"));
	}
	if (only != NULL) {
		cb_block_fieldf(b, _("Family"), "%s (%s)", only->family_name, only->family_reference);
	} else {
		struct cb_buf agenda = {0};

		for (i = 0; i < items.len; i++) {
			const struct cb_meeting_item *it = items.items[i];

			cb_buf_addf(&agenda, "%s%zu. %s (%s)", i > 0 ? "\n" : "", i + 1, it->family_name,
			            it->family_reference);
		}
		cb_block_field(b, _("Families"), items.len > 0 ? cb_buf_str(&agenda) : _("none"));
		cb_buf_free(&agenda);
	}
	for (i = 0; i < items.len; i++) {
		const struct cb_meeting_item *it = items.items[i];

		if (only != NULL && it != only)
			continue;
		if (family_item(&x, it, i + 1, err) != 0)
			goto out;
	}
	if (addenda(&x, family_id, &items, err) != 0)
		goto out;
	if (!m->is_signed)
		cb_doc_notice(x.d, _("End of DRAFT minutes: not signed off."));
	*out = x.d;
	x.d = NULL;
	rc = 0;
out:
	cb_doc_free(&x.d);
	cb_vec_clear(&items);
	return rc;
}

int
xm_discussion(struct cb_store *s, const struct cb_meeting *m, const char *family_id,
              const struct cb_refdata *ref, const struct cb_programme *prog, struct cb_doc *d,
              int level, const char *heading, struct cb_err *err)
{
	struct cb_vec items = CB_VEC_OWNING(cb_meeting_item_free_item);
	struct ctx x = {s, m, ref, prog, true, d, level, heading};
	size_t i;
	int rc;

	if (cb_store_item_list(s, m->id, &items, err) != 0) {
		cb_vec_clear(&items);
		return -1;
	}
	rc = cb_err_set(err, CB_ENOTFOUND, _("that family was not discussed at this meeting"));
	for (i = 0; i < items.len; i++) {
		const struct cb_meeting_item *it = items.items[i];

		if (strcmp(it->family_id, family_id) == 0) {
			rc = family_item(&x, it, i + 1, err);
			break;
		}
	}
	cb_vec_clear(&items);
	return rc;
}
