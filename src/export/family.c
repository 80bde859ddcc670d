/* SPDX-License-Identifier: MIT */
/* The family's record as one document: what a conference or court report
 * needs, read from the workbook so nobody copies it out by hand. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store_answers.h"
#include "casebook/store_export.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_notes.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "labels.h"
#include "sections.h"

static void
add_code(struct xf_ctx *x, struct cb_buf *b, const char *what, enum xl_list which, const char *code)
{
	char *text = xl_code(x->ref, which, code);

	cb_buf_addf(b, "%s: %s\n", what, text);
	free(text);
}

/* "Child Protection since 2026-04-08" and, under it, what the census
 * asks for: category, legal status, primary need, factors. */
static void
child_status(struct xf_ctx *x, struct cb_block *list, const struct cb_person *p,
             const struct cb_status *st)
{
	char from[CB_DATE_LEN];
	struct cb_buf head = {0}, detail = {0};

	cb_buf_addf(&head, _("%s: %s since %s"), p->name, xl_label(x->ref, XL_STATUS, st->status),
	            xl_date(st->from, from, _("a date not recorded")));
	if (!cb_str_empty(st->cp_category))
		add_code(x, &detail, _("Category"), XL_CP_CATEGORY, st->cp_category);
	if (!cb_str_empty(st->legal))
		add_code(x, &detail, _("Legal status"), XL_LEGAL, st->legal);
	if (!cb_str_empty(st->need))
		add_code(x, &detail, _("Primary need"), XL_NEED, st->need);
	if (!cb_str_empty(st->factors)) {
		const char *f = st->factors;
		bool first = true;

		cb_buf_add(&detail, _("Factors: "));
		while (*f != '\0') {
			size_t n;
			char *code, *label;

			f += strspn(f, " ,");
			n = strcspn(f, " ,");
			if (n == 0)
				break;
			code = cb_strndup(f, n);
			label = xl_code(x->ref, XL_FACTOR, code);
			cb_buf_addf(&detail, "%s%s", first ? "" : "; ", label);
			free(label);
			free(code);
			first = false;
			f += n;
		}
		cb_buf_addc(&detail, '\n');
	}
	if (detail.len > 0)
		detail.s[--detail.len] = '\0';
	cb_block_item(list, cb_buf_str(&head), cb_buf_str(&detail));
	cb_buf_free(&head);
	cb_buf_free(&detail);
}

int
xf_members(struct xf_ctx *x, struct cb_err *err)
{
	const char *h[4] = {_("Name"), _("Role"), _("Born"), _("Age")};
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec statuses = CB_VEC_OWNING(cb_status_free_item);
	struct cb_block *table, *list;
	size_t i;
	int rc = -1;

	cb_doc_heading(x->d, 2, _("Members of the family"));
	if (cb_store_person_list(x->s, x->f->id, &people, err) != 0)
		goto out;
	if (people.len == 0) {
		cb_doc_text(x->d, _("No members recorded."));
		rc = 0;
		goto out;
	}
	table = cb_doc_table(x->d, 4, h);
	cb_block_align_right(table, 3);
	for (i = 0; i < people.len; i++) {
		const struct cb_person *p = people.items[i];
		char born[CB_DATE_LEN], age[16] = "";
		const char *row[4];

		if (cb_date_is_set(p->born) && cb_date_cmp(p->born, x->today) <= 0)
			snprintf(age, sizeof age, "%d", cb_date_age(p->born, x->today));
		row[0] = p->name;
		row[1] = cb_member_role_label(p->role);
		row[2] = xl_date(p->born, born, _("not known"));
		row[3] = age;
		cb_block_row(table, row);
	}
	cb_doc_heading(x->d, 3, _("Children's current status"));
	list = cb_doc_list(x->d);
	for (i = 0; i < people.len; i++) {
		const struct cb_person *p = people.items[i];

		if (p->role != CB_MEMBER_CHILD)
			continue;
		cb_vec_clear(&statuses);
		if (cb_store_status_list(x->s, p->id, &statuses, err) != 0)
			goto out;
		/* Oldest first: the last is the one that holds now. */
		if (statuses.len == 0)
			cb_block_item(list, p->name, _("No status recorded."));
		else
			child_status(x, list, p, statuses.items[statuses.len - 1]);
	}
	if (list->items.len == 0)
		cb_doc_text(x->d, _("No children recorded."));
	rc = 0;
out:
	cb_vec_clear(&statuses);
	cb_vec_clear(&people);
	return rc;
}

int
xf_workers(struct xf_ctx *x, struct cb_err *err)
{
	struct cb_vec allocs = CB_VEC_OWNING(cb_allocation_free_item);
	const char *h[3] = {_("Worker"), _("Role on the case"), _("Since")};
	struct cb_block *table;
	size_t i;

	cb_doc_heading(x->d, 2, _("Workers on the case"));
	if (cb_store_allocation_list(x->s, x->f->id, false, &allocs, err) != 0) {
		cb_vec_clear(&allocs);
		return -1;
	}
	table = cb_doc_table(x->d, 3, h);
	for (i = 0; i < allocs.len; i++) {
		const struct cb_allocation *a = allocs.items[i];
		char from[CB_DATE_LEN];
		const char *row[3];

		/* Current on the day of the record: an allocation ends on its
		 * last day, and one not begun yet is not on the case. */
		if (cb_date_is_set(a->until) && cb_date_cmp(a->until, x->today) < 0)
			continue;
		if (cb_date_is_set(a->from) && cb_date_cmp(a->from, x->today) > 0)
			continue;
		row[0] = xl_name(a->worker_name);
		row[1] = xl_label(x->ref, XL_ROLE, a->role);
		row[2] = xl_date(a->from, from, "");
		cb_block_row(table, row);
	}
	if (cb_block_rows(table) == 0)
		cb_doc_text(x->d, _("No workers allocated."));
	cb_vec_clear(&allocs);
	return 0;
}

static const char *
rating_context(const struct cb_rating *r)
{
	if (r->meeting_id[0] != '\0' && cb_str_empty(r->context))
		return cb_rating_context_label("supervision");
	return !cb_str_empty(r->context) ? cb_rating_context_label(r->context) : "";
}

static int
ratings(struct xf_ctx *x, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_rating_free_item);
	const char *h[4] = {_("Date"), _("Rating"), _("Where agreed"), _("Reason")};
	const struct cb_rating *now;
	struct cb_block *b;
	char date[CB_DATE_LEN];
	size_t i;

	cb_doc_heading(x->d, 2, _("Risk rating (RAG)"));
	if (cb_store_rating_list(x->s, x->f->id, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	if (x->ref != NULL && !cb_str_empty(x->ref->rag_direction))
		cb_doc_text(x->d, x->ref->rag_direction);
	if (list.len == 0) {
		cb_doc_text(x->d, _("No rating recorded."));
		cb_vec_clear(&list);
		return 0;
	}
	/* Oldest first, so the last is the current one. */
	now = list.items[list.len - 1];
	b = cb_doc_fields(x->d);
	cb_block_field(b, _("Current rating"), xl_label(x->ref, XL_RATING, now->rating));
	cb_block_field(b, _("Date"), xl_date(now->date, date, ""));
	cb_block_field(b, _("Where agreed"), rating_context(now));
	if (!cb_str_empty(now->agreed_by))
		cb_block_field(b, _("Agreed by"), now->agreed_by);
	cb_block_field(b, _("Reason"), now->rationale);
	cb_doc_heading(x->d, 3, _("Rating history, oldest first"));
	b = cb_doc_table(x->d, 4, h);
	for (i = 0; i < list.len; i++) {
		const struct cb_rating *r = list.items[i];
		const char *row[4];

		row[0] = xl_date(r->date, date, "");
		row[1] = xl_label(x->ref, XL_RATING, r->rating);
		row[2] = rating_context(r);
		row[3] = r->rationale;
		cb_block_row(b, row);
	}
	cb_vec_clear(&list);
	return 0;
}

static const char *
stage_context(const struct cb_stage_record *r)
{
	if (r->meeting_id[0] != '\0' && cb_str_empty(r->context))
		return cb_rating_context_label("supervision");
	return !cb_str_empty(r->context) ? cb_rating_context_label(r->context) : "";
}

static int
stages(struct xf_ctx *x, struct cb_err *err)
{
	struct cb_vec current = CB_VEC_OWNING(cb_stage_record_free_item);
	struct cb_vec all = CB_VEC_OWNING(cb_stage_record_free_item);
	const char *h[4] = {_("Date"), _("Adult"), _("Issue"), _("Stage")};
	struct cb_block *b;
	size_t i;
	int rc = -1;

	cb_doc_heading(x->d, 2, _("Cycle of Change"));
	if (cb_store_stage_current(x->s, x->f->id, &current, err) != 0 ||
	    cb_store_stage_list(x->s, x->f->id, NULL, &all, err) != 0)
		goto out;
	if (current.len == 0) {
		cb_doc_text(x->d, _("No stages recorded."));
		rc = 0;
		goto out;
	}
	cb_doc_heading(x->d, 3, _("Where each adult is now, for each issue"));
	b = cb_doc_list(x->d);
	for (i = 0; i < current.len; i++) {
		const struct cb_stage_record *r = current.items[i];
		char date[CB_DATE_LEN], *stage = xl_stage(x->ref, r->stage), *detail, *head;
		const char *where = stage_context(r);

		head = cb_asprintf(_("%s, %s: %s, %s%s%s"), xl_name(r->person_name),
		                   xl_label(x->ref, XL_ISSUE, r->issue), stage,
		                   xl_date(r->date, date, ""), where[0] != '\0' ? ", " : "", where);
		detail = xl_stage_detail(r);
		cb_block_item(b, head, detail);
		free(head);
		free(detail);
		free(stage);
	}
	cb_doc_heading(x->d, 3, _("Timeline, oldest first"));
	b = cb_doc_table(x->d, 4, h);
	for (i = 0; i < all.len; i++) {
		const struct cb_stage_record *r = all.items[i];
		char date[CB_DATE_LEN];
		const char *row[4];

		/* The textbook name only: the family's words for each stage are
		 * above, and the timeline is for seeing the movement. */
		row[0] = xl_date(r->date, date, "");
		row[1] = xl_name(r->person_name);
		row[2] = xl_label(x->ref, XL_ISSUE, r->issue);
		row[3] = xl_stage_name(x->ref, r->stage);
		cb_block_row(b, row);
	}
	rc = 0;
out:
	cb_vec_clear(&current);
	cb_vec_clear(&all);
	return rc;
}

static int
goals(struct xf_ctx *x, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_goal_free_item);
	struct cb_vec reviews = CB_VEC_OWNING(cb_goal_review_free_item);
	struct cb_block *b;
	size_t i, k;
	int rc = -1;

	cb_doc_heading(x->d, 2, _("Goals"));
	if (cb_store_goal_list(x->s, x->f->id, &list, err) != 0)
		goto out;
	if (list.len == 0) {
		cb_doc_text(x->d, _("No goals recorded."));
		rc = 0;
		goto out;
	}
	cb_doc_text(x->d, _("In the family's own words, active goals first. Scores run from 0 to "
	                    "10, where 10 means the goal is achieved."));
	b = cb_doc_list(x->d);
	for (i = 0; i < list.len; i++) {
		const struct cb_goal *g = list.items[i];
		struct cb_buf detail = {0};
		char set[CB_DATE_LEN], target[CB_DATE_LEN];

		cb_vec_clear(&reviews);
		if (cb_store_review_list(x->s, g->id, &reviews, err) != 0)
			goto out;
		/* Status first: whether the goal is still being worked on is
		 * what a reader needs before anything else. */
		cb_buf_add(&detail, cb_goal_status_label(g->status));
		if (!cb_str_empty(g->status_reason))
			cb_buf_addf(&detail, ": %s", g->status_reason);
		cb_buf_addf(&detail, _(". For %s, "),
		            !cb_str_empty(g->person_name) ? g->person_name : _("the whole family"));
		if (cb_streq(g->proposed_by, "jointly"))
			cb_buf_add(&detail, _("proposed jointly"));
		else
			cb_buf_addf(&detail, _("proposed by %s"), cb_goal_proposer_label(g->proposed_by));
		cb_buf_addf(&detail, _(". Set %s, target %s."), xl_date(g->set_on, set, "?"),
		            xl_date(g->target, target, _("none set")));
		if (reviews.len == 0) {
			cb_buf_add(&detail, _("\nScores: not reviewed yet"));
		} else {
			const struct cb_goal_review *last = reviews.items[reviews.len - 1];
			char when[CB_DATE_LEN];

			cb_buf_add(&detail, _("\nScores: "));
			for (k = 0; k < reviews.len; k++) {
				const struct cb_goal_review *r = reviews.items[k];

				cb_buf_addf(&detail, "%s%d", k > 0 ? " \xE2\x86\x92 " : "", r->score);
			}
			cb_buf_addf(&detail, _(" (last reviewed %s)"), xl_date(last->date, when, "?"));
		}
		cb_block_item(b, g->words, cb_buf_str(&detail));
		cb_buf_free(&detail);
	}
	rc = 0;
out:
	cb_vec_clear(&reviews);
	cb_vec_clear(&list);
	return rc;
}

int
xf_actions(struct xf_ctx *x, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_action_free_item);
	const char *h[4] = {_("Due"), _("Action"), _("Owner"), _("Status")};
	struct cb_block *b;
	size_t i, overdue = 0;

	cb_doc_heading(x->d, 2, _("Open actions"));
	if (cb_store_action_list(x->s, x->f->id, true, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	if (list.len == 0) {
		cb_doc_text(x->d, _("No open actions."));
		cb_vec_clear(&list);
		return 0;
	}
	b = cb_doc_table(x->d, 4, h);
	for (i = 0; i < list.len; i++) {
		const struct cb_action *a = list.items[i];
		bool late = cb_date_is_set(a->due) && cb_date_cmp(a->due, x->today) < 0;
		char due[CB_DATE_LEN], *status;
		const char *row[4];

		if (a->outcome != NULL)
			status = cb_asprintf("%s%s%s", late ? _("OVERDUE") : "", late ? ", " : "",
			                     cb_outcome_label(a->outcome));
		else
			status = cb_strdup(late ? _("OVERDUE") : _("open"));
		overdue += late;
		row[0] = xl_date(a->due, due, "");
		row[1] = a->text;
		row[2] = xl_name(a->owner_name);
		row[3] = status;
		cb_block_row(b, row);
		free(status);
	}
	if (overdue > 0) {
		char today[CB_DATE_LEN];

		cb_date_format(x->today, today);
		cb_doc_textf(x->d, ngettext("%zu action is overdue (due before %s).",
		                            "%zu actions are overdue (due before %s).", overdue),
		             overdue, today);
	}
	cb_vec_clear(&list);
	return 0;
}

static const char *
progress_word(const struct cb_progress *p)
{
	if (p->complete)
		return _("complete");
	if (p->sessions > 0 || p->answers > 0)
		return _("in progress");
	return _("not started");
}

static int
programme(struct xf_ctx *x, struct cb_err *err)
{
	struct cb_vec recorded = CB_VEC_OWNING(free);
	struct cb_vec ids = CB_VEC_BORROWING, titles = CB_VEC_OWNING(free);
	struct cb_vec progress = CB_VEC_OWNING(cb_progress_free_item);
	const char *h[4] = {_("Module"), _("Progress"), _("Sessions"), _("Last worked on")};
	struct cb_block *b;
	size_t i;
	int rc = -1;

	cb_doc_heading(x->d, 2, _("Programme"));
	if (cb_store_family_module_ids(x->s, x->f->id, &recorded, err) != 0)
		goto out;
	if (x->prog != NULL) {
		for (i = 0; i < x->prog->modules.len; i++) {
			const struct cb_module *m = x->prog->modules.items[i];

			if (m->kind != CB_MODULE_PROGRAMME)
				continue;
			cb_vec_push(&ids, m->id);
			cb_vec_push(&titles, cb_strdup(m->title));
		}
		/* Work recorded under a module the programme no longer has
		 * still happened: show it, marked. */
		for (i = 0; i < recorded.len; i++) {
			const struct cb_module *m = cb_programme_find(x->prog, recorded.items[i]);

			if (m != NULL && m->kind == CB_MODULE_PROGRAMME)
				continue;
			if (m != NULL) /* the proforma is not programme work */
				continue;
			cb_vec_push(&ids, recorded.items[i]);
			cb_vec_push(&titles, cb_asprintf(_("%s (no longer in the programme)"),
			                                 (char *)recorded.items[i]));
		}
	} else {
		cb_doc_text(x->d, _("The programme's modules could not be loaded, so only the modules "
		                    "recorded for this family are listed, by their ids."));
		for (i = 0; i < recorded.len; i++) {
			cb_vec_push(&ids, recorded.items[i]);
			cb_vec_push(&titles, cb_strdup(recorded.items[i]));
		}
	}
	if (ids.len == 0) {
		cb_doc_text(x->d, _("No programme work recorded."));
		rc = 0;
		goto out;
	}
	if (cb_store_progress(x->s, x->f->id, &ids, &progress, err) != 0)
		goto out;
	b = cb_doc_table(x->d, 4, h);
	cb_block_align_right(b, 2);
	for (i = 0; i < progress.len && i < titles.len; i++) {
		const struct cb_progress *p = progress.items[i];
		char n[16], last[CB_DATE_LEN];
		const char *row[4];

		snprintf(n, sizeof n, "%d", p->sessions);
		row[0] = titles.items[i];
		row[1] = progress_word(p);
		row[2] = n;
		row[3] = xl_date(p->last, last, "");
		cb_block_row(b, row);
	}
	rc = 0;
out:
	cb_vec_clear(&progress);
	cb_vec_clear(&titles);
	cb_vec_clear(&ids);
	cb_vec_clear(&recorded);
	return rc;
}

static int
supervision(struct xf_ctx *x, struct cb_err *err)
{
	struct cb_vec meetings = CB_VEC_OWNING(cb_meeting_free_item);
	const struct cb_meeting *last = NULL;
	size_t i, held = 0;
	struct cb_block *b;

	cb_doc_heading(x->d, 2, _("Group supervision"));
	if (cb_store_meeting_list_family(x->s, x->f->id, &meetings, err) != 0) {
		cb_vec_clear(&meetings);
		return -1;
	}
	/* Newest first; a meeting booked for later has not happened. */
	for (i = 0; i < meetings.len; i++) {
		const struct cb_meeting *m = meetings.items[i];

		if (cb_date_cmp(m->date, x->today) > 0)
			continue;
		if (last == NULL)
			last = m;
		held++;
	}
	b = cb_doc_fields(x->d);
	if (last == NULL) {
		cb_block_field(b, _("Last group supervision"), _("none yet"));
	} else {
		char date[CB_DATE_LEN];

		cb_date_format(last->date, date);
		cb_block_fieldf(b, _("Last group supervision"), "%s%s", date,
		                last->is_signed ? "" : _(" (minutes not signed off yet)"));
		cb_block_fieldf(b, _("Times discussed"), "%zu", held);
	}
	cb_vec_clear(&meetings);
	return 0;
}

/* A conference or court report needs the chronology: the notes marked
 * as significant events, oldest first. */
static int
significant(struct xf_ctx *x, struct cb_err *err)
{
	struct cb_vec notes = CB_VEC_OWNING(cb_note_free_item);
	struct cb_block *b;
	size_t i;

	cb_doc_heading(x->d, 2, _("Significant events"));
	if (cb_store_note_list(x->s, x->f->id, true, &notes, err) != 0) {
		cb_vec_clear(&notes);
		return -1;
	}
	if (notes.len == 0) {
		cb_doc_text(x->d, _("None recorded."));
		cb_vec_clear(&notes);
		return 0;
	}
	b = cb_doc_list(x->d);
	for (i = notes.len; i-- > 0;) {
		const struct cb_note *n = notes.items[i];
		char date[CB_DATE_LEN], *head;

		head = cb_asprintf("%s, %s, %s", xl_date(n->date, date, "?"),
		                   xl_label(x->ref, XL_NOTE_KIND, n->kind), xl_name(n->author_name));
		cb_block_item(b, head, n->text);
		free(head);
	}
	cb_vec_clear(&notes);
	return 0;
}

int
cb_export_family(struct cb_store *s, const struct cb_family *f, const struct cb_refdata *ref,
                 const struct cb_programme *prog, struct cb_date today, struct cb_doc **out,
                 struct cb_err *err)
{
	struct xf_ctx x = {s, f, ref, prog, today, NULL};
	char opened[CB_DATE_LEN], asat[CB_DATE_LEN];
	struct cb_block *b;
	char *title;

	*out = NULL;
	title = cb_asprintf("%s (%s)", f->name, f->reference);
	x.d = cb_doc_new(title);
	cb_doc_heading(x.d, 1, title);
	free(title);
	b = cb_doc_fields(x.d);
	cb_block_field(b, _("Reference"), f->reference);
	cb_block_field(b, _("Family"), f->name);
	cb_block_field(b, _("Case opened"), xl_date(f->opened, opened, _("not recorded")));
	cb_block_field(b, _("Record as at"), xl_date(today, asat, ""));
	if (xf_members(&x, err) != 0 || xf_workers(&x, err) != 0 || ratings(&x, err) != 0 ||
	    stages(&x, err) != 0 || goals(&x, err) != 0 || xf_actions(&x, err) != 0 ||
	    programme(&x, err) != 0 || supervision(&x, err) != 0 || significant(&x, err) != 0) {
		cb_doc_free(&x.d);
		return -1;
	}
	*out = x.d;
	return 0;
}
