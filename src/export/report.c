/* SPDX-License-Identifier: MIT */
/* The conference and court report: the sections such a report asks for,
 * filled from the record so nobody copies it out by hand. Everything is
 * read through the store's current views, so a retracted record is left
 * out and a corrected one shows its latest version. */
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

struct rctx {
	struct xf_ctx x;
	const struct cb_report_opts *o;
	struct cb_vec people;   /* struct cb_person, owned */
	struct cb_vec allocs;   /* struct cb_allocation, owned */
};

/* Fields that hold someone's own view in the default programme: a child's
 * words and wishes, a parent's own account. An authority's module can use
 * the same ids to have its fields shown under the views. */
static const char *const view_fields[] = {
	"child_words", "wishes", "children_view", "family_view", "own_story",
	"own_words", "own_account", "hopes", "best_hopes",
};
/* The section that says why the team is involved. */
#define WHY_SECTION "why_involved"

static bool
in_period(const struct rctx *r, struct cb_date d)
{
	if (!cb_date_is_set(d))
		return true;
	if (cb_date_is_set(r->o->from) && cb_date_cmp(d, r->o->from) < 0)
		return false;
	if (cb_date_is_set(r->o->to) && cb_date_cmp(d, r->o->to) > 0)
		return false;
	return true;
}

static const struct cb_person *
find_person(const struct rctx *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->people.len; i++) {
		const struct cb_person *p = r->people.items[i];

		if (strcmp(p->id, id) == 0)
			return p;
	}
	return NULL;
}

static const char *
person_name(const char *id, void *ctx)
{
	const struct cb_person *p = find_person(ctx, id);

	return p != NULL ? p->name : _("(someone not in this family)");
}

/* A worker's role on this case, from the allocations. */
static const struct cb_allocation *
find_alloc(const struct rctx *r, const char *worker_id)
{
	size_t i;

	for (i = 0; i < r->allocs.len; i++) {
		const struct cb_allocation *a = r->allocs.items[i];

		if (strcmp(a->worker_id, worker_id) == 0)
			return a;
	}
	return NULL;
}

/* Chronology */

struct event {
	struct cb_date date;
	size_t seq;       /* keeps events of one day in the order they were read */
	char *head;
	char *detail;
};

static void
event_free(void *p)
{
	struct event *e = p;

	free(e->head);
	free(e->detail);
	free(e);
}

static int
event_cmp(const void *a, const void *b)
{
	const struct event *x = *(const struct event *const *)a;
	const struct event *y = *(const struct event *const *)b;
	int c = cb_date_cmp(x->date, y->date);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
event_add(struct cb_vec *v, struct cb_date date, char *head, char *detail)
{
	struct event *e = cb_calloc(1, sizeof *e);

	e->date = date;
	e->seq = v->len;
	e->head = head;
	e->detail = detail;
	cb_vec_push(v, e);
}

static int
chronology(struct rctx *r, struct cb_err *err)
{
	struct cb_vec events = CB_VEC_OWNING(event_free);
	struct cb_vec notes = CB_VEC_OWNING(cb_note_free_item);
	struct cb_vec statuses = CB_VEC_OWNING(cb_status_free_item);
	struct cb_vec ratings = CB_VEC_OWNING(cb_rating_free_item);
	struct cb_block *b;
	size_t i, k;
	int rc = -1;

	cb_doc_heading(r->x.d, 2, _("Chronology of significant events"));
	if (cb_store_note_list(r->x.s, r->x.f->id, true, &notes, err) != 0 ||
	    cb_store_rating_list(r->x.s, r->x.f->id, &ratings, err) != 0)
		goto out;
	for (i = notes.len; i-- > 0;) {
		const struct cb_note *n = notes.items[i];
		char date[CB_DATE_LEN];

		if (!in_period(r, n->date))
			continue;
		event_add(&events, n->date,
		          cb_asprintf("%s, %s, %s", xl_date(n->date, date, "?"),
		                      xl_label(r->x.ref, XL_NOTE_KIND, n->kind), xl_name(n->author_name)),
		          cb_strdup(n->text));
	}
	for (i = 0; i < r->people.len; i++) {
		const struct cb_person *p = r->people.items[i];

		if (p->role != CB_MEMBER_CHILD)
			continue;
		cb_vec_clear(&statuses);
		if (cb_store_status_list(r->x.s, p->id, &statuses, err) != 0)
			goto out;
		for (k = 0; k < statuses.len; k++) {
			const struct cb_status *st = statuses.items[k];
			char date[CB_DATE_LEN];

			if (!cb_date_is_set(st->from) || !in_period(r, st->from))
				continue;
			event_add(&events, st->from,
			          cb_asprintf(_("%s, Status"), xl_date(st->from, date, "?")),
			          cb_asprintf(_("%s: %s from this date."), p->name,
			                      xl_label(r->x.ref, XL_STATUS, st->status)));
		}
	}
	for (i = 0; i < ratings.len; i++) {
		const struct cb_rating *x = ratings.items[i];
		char date[CB_DATE_LEN];

		if (!in_period(r, x->date))
			continue;
		/* A change of rating is an event; holding it is in the history. */
		if (i > 0 && cb_streq(((struct cb_rating *)ratings.items[i - 1])->rating, x->rating))
			continue;
		event_add(&events, x->date,
		          cb_asprintf(_("%s, Risk rating"), xl_date(x->date, date, "?")),
		          cb_asprintf(_("Rated %s."), xl_label(r->x.ref, XL_RATING, x->rating)));
	}
	if (events.len == 0) {
		cb_doc_text(r->x.d, _("None recorded in this period."));
		rc = 0;
		goto out;
	}
	cb_vec_sort(&events, event_cmp);
	b = cb_doc_list(r->x.d);
	for (i = 0; i < events.len; i++) {
		const struct event *e = events.items[i];

		cb_block_item(b, e->head, e->detail);
	}
	rc = 0;
out:
	cb_vec_clear(&ratings);
	cb_vec_clear(&statuses);
	cb_vec_clear(&notes);
	cb_vec_clear(&events);
	return rc;
}

/* The work done */

static const char *
module_title(const struct rctx *r, const char *id)
{
	const struct cb_module *m = r->x.prog != NULL ? cb_programme_find(r->x.prog, id) : NULL;

	return m != NULL ? m->title : id;
}

/* "Imran Chaudhry (Social worker)": a worker and their role on the case. */
static void
add_worker(const struct rctx *r, struct cb_buf *b, const char *id, const char *name)
{
	const struct cb_allocation *a = find_alloc(r, id);

	if (a != NULL)
		cb_buf_addf(b, "%s (%s)", xl_name(a->worker_name), xl_label(r->x.ref, XL_ROLE, a->role));
	else
		cb_buf_add(b, xl_name(name));
}

static int
sessions(struct rctx *r, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_session_free_item);
	struct cb_block *b = NULL;
	size_t i;

	cb_doc_heading(r->x.d, 2, _("The work done with the family"));
	if (cb_store_session_list(r->x.s, r->x.f->id, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	cb_doc_text(r->x.d, _("Programme sessions, oldest first: what each covered, who led it "
	                      "and who was there."));
	for (i = list.len; i-- > 0;) {
		const struct cb_session *x = list.items[i];
		struct cb_buf head = {0}, detail = {0}, family = {0}, workers = {0};
		const char *p = x->modules;
		char date[CB_DATE_LEN];
		bool first = true;

		if (!in_period(r, x->date))
			continue;
		cb_buf_addf(&head, "%s: ", xl_date(x->date, date, "?"));
		while (p != NULL && *p != '\0') {
			size_t n;
			char *id;

			p += strspn(p, " ");
			if ((n = strcspn(p, " ")) == 0)
				break;
			id = cb_strndup(p, n);
			cb_buf_addf(&head, "%s%s", first ? "" : "; ", module_title(r, id));
			free(id);
			first = false;
			p += n;
		}
		cb_buf_add(&detail, _("Led by "));
		add_worker(r, &detail, x->rev.created_by, x->rev.created_by_name);
		p = x->present;
		while (p != NULL && *p != '\0') {
			size_t n;
			char *id;
			const struct cb_person *who;

			p += strspn(p, " ");
			if ((n = strcspn(p, " ")) == 0)
				break;
			id = cb_strndup(p, n);
			if ((who = find_person(r, id)) != NULL) {
				cb_buf_addf(&family, "%s%s", family.len > 0 ? ", " : "", who->name);
			} else if (strcmp(id, x->rev.created_by) != 0) {
				const struct cb_allocation *a = find_alloc(r, id);

				if (workers.len > 0)
					cb_buf_add(&workers, ", ");
				add_worker(r, &workers, id, a != NULL ? a->worker_name : NULL);
			}
			free(id);
			p += n;
		}
		if (workers.len > 0)
			cb_buf_addf(&detail, _(", with %s"), cb_buf_str(&workers));
		cb_buf_addf(&detail, _(".\nFamily present: %s."),
		            family.len > 0 ? cb_buf_str(&family) : _("not recorded"));
		if (!cb_str_empty(x->covered))
			cb_buf_addf(&detail, _("\nCovered: %s"), x->covered);
		if (b == NULL)
			b = cb_doc_list(r->x.d);
		cb_block_item(b, cb_buf_str(&head), cb_buf_str(&detail));
		cb_buf_free(&head);
		cb_buf_free(&detail);
		cb_buf_free(&family);
		cb_buf_free(&workers);
	}
	if (b == NULL)
		cb_doc_text(r->x.d, _("No sessions recorded in this period."));
	cb_vec_clear(&list);
	return 0;
}

/* The assessment: module answers */

static bool
is_view(const char *key)
{
	const char *dot = strchr(key, '.');
	size_t i;

	for (i = 0; i < sizeof view_fields / sizeof *view_fields; i++)
		if (cb_streq(dot != NULL ? dot + 1 : key, view_fields[i]))
			return true;
	return false;
}

/* Answers of one section for one person ("" for the family), as a list
 * under a line saying whom they are about. */
static void
section_answers(struct rctx *r, const struct cb_module *m, const struct cb_section *sec,
                const struct cb_vec *answers, const char *person_id, bool *module_titled,
                bool *titled)
{
	struct cb_block *b = NULL;
	size_t i, q;

	for (q = 0; q < sec->fields.len; q++) {
		const struct cb_field *f = sec->fields.items[q];
		char *key = cb_asprintf("%s.%s", sec->id, f->id);

		for (i = 0; i < answers->len; i++) {
			const struct cb_answer *a = answers->items[i];
			char *value;

			if (strcmp(a->person_id, person_id) != 0 || !cb_streq(a->field_key, key) ||
			    !in_period(r, a->date) || cb_str_empty(a->value))
				continue;
			if (b == NULL) {
				if (!*module_titled)
					cb_doc_heading(r->x.d, 3, m->title);
				*module_titled = true;
				if (!*titled)
					cb_doc_heading(r->x.d, 4, sec->title);
				*titled = true;
				if (person_id[0] != '\0')
					cb_doc_textf(r->x.d, _("About %s:"), person_name(person_id, r));
				b = cb_doc_list(r->x.d);
			}
			value = cb_value_display(f, a->value, person_name, r);
			cb_block_item(b, f->label, value);
			free(value);
		}
		free(key);
	}
}

/* Answers to fields the module no longer has: the work was done, so it
 * is shown, under the keys it was recorded with. */
static void
retired_answers(struct rctx *r, const struct cb_module *m, const struct cb_vec *answers,
                bool *module_titled)
{
	struct cb_block *b = NULL;
	size_t i;

	for (i = 0; i < answers->len; i++) {
		const struct cb_answer *a = answers->items[i];
		char *label;

		if (cb_module_field(m, a->field_key, NULL) != NULL || !in_period(r, a->date) ||
		    cb_str_empty(a->value))
			continue;
		if (b == NULL) {
			if (!*module_titled)
				cb_doc_heading(r->x.d, 3, m->title);
			*module_titled = true;
			cb_doc_heading(r->x.d, 4, _("Fields no longer in the module"));
			b = cb_doc_list(r->x.d);
		}
		if (a->person_id[0] != '\0')
			label = cb_asprintf("%s (%s)", a->field_key, person_name(a->person_id, r));
		else
			label = cb_strdup(a->field_key);
		cb_block_item(b, label, a->value);
		free(label);
	}
}

static int
assessment(struct rctx *r, struct cb_err *err)
{
	struct cb_vec answers = CB_VEC_OWNING(cb_answer_free_item);
	size_t i, k, p, shown = 0;
	int rc = -1;

	cb_doc_heading(r->x.d, 2, _("The assessment"));
	if (r->x.prog == NULL) {
		cb_doc_text(r->x.d, _("The programme's modules could not be loaded, so the module "
		                      "answers cannot be shown under their questions."));
		return 0;
	}
	cb_doc_text(r->x.d, _("What was found in each module of the programme, section by "
	                      "section: for the family, then for each adult and each child."));
	for (i = 0; i < r->x.prog->modules.len; i++) {
		const struct cb_module *m = r->x.prog->modules.items[i];
		bool module_titled = false;

		if (m->kind != CB_MODULE_PROGRAMME)
			continue;
		cb_vec_clear(&answers);
		if (cb_store_answer_list(r->x.s, r->x.f->id, m->id, NULL, &answers, err) != 0)
			goto out;
		if (answers.len == 0)
			continue;
		for (k = 0; k < m->sections.len; k++) {
			const struct cb_section *sec = m->sections.items[k];
			bool titled = false;

			section_answers(r, m, sec, &answers, "", &module_titled, &titled);
			for (p = 0; p < r->people.len; p++) {
				const struct cb_person *who = r->people.items[p];

				if (cb_member_is_adult(who->role))
					section_answers(r, m, sec, &answers, who->id, &module_titled,
					                &titled);
			}
			for (p = 0; p < r->people.len; p++) {
				const struct cb_person *who = r->people.items[p];

				if (!cb_member_is_adult(who->role))
					section_answers(r, m, sec, &answers, who->id, &module_titled,
					                &titled);
			}
			shown += titled;
		}
		retired_answers(r, m, &answers, &module_titled);
	}
	if (shown == 0)
		cb_doc_text(r->x.d, _("No module answers recorded in this period."));
	rc = 0;
out:
	cb_vec_clear(&answers);
	return rc;
}

/* Answers from sections and fields of one kind, across the programme:
 * why the team is involved (whenever it was written: it is why the
 * period's work was done), and people's own views (in the period). */
static int
gather(struct rctx *r, bool (*want)(const struct cb_section *, const char *key),
       bool period, const char *none, struct cb_err *err)
{
	struct cb_vec answers = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_block *b = NULL;
	size_t i, k, q, n;
	int rc = -1;

	for (i = 0; r->x.prog != NULL && i < r->x.prog->modules.len; i++) {
		const struct cb_module *m = r->x.prog->modules.items[i];

		if (m->kind != CB_MODULE_PROGRAMME)
			continue;
		cb_vec_clear(&answers);
		if (cb_store_answer_list(r->x.s, r->x.f->id, m->id, NULL, &answers, err) != 0)
			goto out;
		/* In the module's order, as the questions are asked. */
		for (k = 0; k < m->sections.len; k++) {
			const struct cb_section *sec = m->sections.items[k];

			for (q = 0; q < sec->fields.len; q++) {
				const struct cb_field *f = sec->fields.items[q];
				char *key = cb_asprintf("%s.%s", sec->id, f->id);

				for (n = 0; want(sec, key) && n < answers.len; n++) {
					const struct cb_answer *a = answers.items[n];
					char date[CB_DATE_LEN], *label, *value;

					if (!cb_streq(a->field_key, key) || (period && !in_period(r, a->date)) ||
					    cb_str_empty(a->value))
						continue;
					if (b == NULL)
						b = cb_doc_list(r->x.d);
					if (a->person_id[0] != '\0')
						label = cb_asprintf(_("%s: %s (%s, %s)"),
						                    person_name(a->person_id, r), f->label, m->title,
						                    xl_date(a->date, date, "?"));
					else
						label = cb_asprintf(_("%s (%s, %s)"), f->label, m->title,
						                    xl_date(a->date, date, "?"));
					value = cb_value_display(f, a->value, person_name, r);
					cb_block_item(b, label, value);
					free(label);
					free(value);
				}
				free(key);
			}
		}
	}
	if (b == NULL)
		cb_doc_text(r->x.d, none);
	rc = 0;
out:
	cb_vec_clear(&answers);
	return rc;
}

static bool
want_why(const struct cb_section *sec, const char *key)
{
	(void)key;
	return cb_streq(sec->id, WHY_SECTION);
}

static bool
child_view(const struct cb_section *sec, const char *key)
{
	(void)sec;
	return is_view(key) && (strstr(key, "child") != NULL || strstr(key, "wishes") != NULL);
}

static bool
parent_view(const struct cb_section *sec, const char *key)
{
	return is_view(key) && !child_view(sec, key);
}

static int
views(struct rctx *r, struct cb_err *err)
{
	cb_doc_heading(r->x.d, 2, _("The children's views"));
	if (gather(r, child_view, true, _("Not recorded in the modules in this period."), err) != 0)
		return -1;
	cb_doc_heading(r->x.d, 2, _("The parents' views"));
	return gather(r, parent_view, true, _("Not recorded in the modules in this period."), err);
}

/* Goals, stages, ratings */

static int
goals(struct rctx *r, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_goal_free_item);
	struct cb_vec reviews = CB_VEC_OWNING(cb_goal_review_free_item);
	struct cb_block *b;
	size_t i, k;
	int rc = -1;

	cb_doc_heading(r->x.d, 2, _("Goals and how the scores have moved"));
	if (cb_store_goal_list(r->x.s, r->x.f->id, &list, err) != 0)
		goto out;
	if (list.len == 0) {
		cb_doc_text(r->x.d, _("No goals recorded."));
		rc = 0;
		goto out;
	}
	cb_doc_text(r->x.d, _("In the family's own words. Scores run from 0 to 10, where 10 means "
	                      "the goal is achieved."));
	b = cb_doc_list(r->x.d);
	for (i = 0; i < list.len; i++) {
		const struct cb_goal *g = list.items[i];
		struct cb_buf detail = {0};
		char set[CB_DATE_LEN], target[CB_DATE_LEN];
		size_t shown = 0;

		cb_vec_clear(&reviews);
		if (cb_store_review_list(r->x.s, g->id, &reviews, err) != 0)
			goto out;
		cb_buf_addf(&detail, _("%s, for %s. Set %s, target %s."), cb_goal_status_label(g->status),
		            !cb_str_empty(g->person_name) ? g->person_name : _("the whole family"),
		            xl_date(g->set_on, set, "?"), xl_date(g->target, target, _("none set")));
		if (!cb_str_empty(g->status_reason))
			cb_buf_addf(&detail, " %s", g->status_reason);
		if (!cb_str_empty(g->steps))
			cb_buf_addf(&detail, _("\nSteps: %s"), g->steps);
		for (k = 0; k < reviews.len; k++) {
			const struct cb_goal_review *v = reviews.items[k];
			char when[CB_DATE_LEN];

			if (!in_period(r, v->date))
				continue;
			cb_buf_addf(&detail, _("\n%s: %d out of 10"), xl_date(v->date, when, "?"), v->score);
			if (!cb_str_empty(v->note))
				cb_buf_addf(&detail, ". %s", v->note);
			shown++;
		}
		if (shown == 0)
			cb_buf_add(&detail, _("\nNo score recorded in this period."));
		cb_block_item(b, g->words, cb_buf_str(&detail));
		cb_buf_free(&detail);
	}
	rc = 0;
out:
	cb_vec_clear(&reviews);
	cb_vec_clear(&list);
	return rc;
}

static const char *
where_agreed(const char *meeting_id, const char *context)
{
	if (meeting_id[0] != '\0' && cb_str_empty(context))
		return cb_rating_context_label("supervision");
	return !cb_str_empty(context) ? cb_rating_context_label(context) : "";
}

static int
stages(struct rctx *r, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_stage_record_free_item);
	const char *h[4] = {_("Date"), _("Issue"), _("Stage"), _("What it rests on")};
	size_t p, i;
	bool any = false;
	int rc = -1;

	cb_doc_heading(r->x.d, 2, _("Each adult's Cycle of Change"));
	for (p = 0; p < r->people.len; p++) {
		const struct cb_person *who = r->people.items[p];
		struct cb_block *b = NULL;

		if (!cb_member_is_adult(who->role))
			continue;
		cb_vec_clear(&list);
		if (cb_store_stage_list(r->x.s, r->x.f->id, who->id, &list, err) != 0)
			goto out;
		for (i = 0; i < list.len; i++) {
			const struct cb_stage_record *x = list.items[i];
			char date[CB_DATE_LEN];
			const char *row[4];

			if (!in_period(r, x->date))
				continue;
			if (b == NULL) {
				cb_doc_heading(r->x.d, 3, who->name);
				b = cb_doc_table(r->x.d, 4, h);
			}
			row[0] = xl_date(x->date, date, "");
			row[1] = xl_label(r->x.ref, XL_ISSUE, x->issue);
			row[2] = xl_stage_name(r->x.ref, x->stage);
			row[3] = x->evidence;
			cb_block_row(b, row);
		}
		any = any || b != NULL;
	}
	if (!any)
		cb_doc_text(r->x.d, _("No stages recorded in this period."));
	rc = 0;
out:
	cb_vec_clear(&list);
	return rc;
}

static int
ratings(struct rctx *r, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_rating_free_item);
	const char *h[4] = {_("Date"), _("Rating"), _("Where agreed"), _("Reason")};
	struct cb_block *b = NULL;
	size_t i;

	cb_doc_heading(r->x.d, 2, _("Risk rating history"));
	if (cb_store_rating_list(r->x.s, r->x.f->id, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	if (r->x.ref != NULL && !cb_str_empty(r->x.ref->rag_direction))
		cb_doc_text(r->x.d, r->x.ref->rag_direction);
	for (i = 0; i < list.len; i++) {
		const struct cb_rating *x = list.items[i];
		char date[CB_DATE_LEN];
		const char *row[4];

		if (!in_period(r, x->date))
			continue;
		if (b == NULL)
			b = cb_doc_table(r->x.d, 4, h);
		row[0] = xl_date(x->date, date, "");
		row[1] = xl_label(r->x.ref, XL_RATING, x->rating);
		row[2] = where_agreed(x->meeting_id, x->context);
		row[3] = x->rationale;
		cb_block_row(b, row);
	}
	if (b == NULL)
		cb_doc_text(r->x.d, _("No rating recorded in this period."));
	cb_vec_clear(&list);
	return 0;
}

/* The latest group supervision in the period: the family's part of the
 * minutes, the same as its extract. */
static int
supervision(struct rctx *r, struct cb_err *err)
{
	struct cb_vec meetings = CB_VEC_OWNING(cb_meeting_free_item);
	const struct cb_meeting *last = NULL;
	size_t i;
	int rc = 0;

	cb_doc_heading(r->x.d, 2, _("The most recent group supervision"));
	if (cb_store_meeting_list_family(r->x.s, r->x.f->id, &meetings, err) != 0) {
		cb_vec_clear(&meetings);
		return -1;
	}
	for (i = 0; i < meetings.len && last == NULL; i++) {
		const struct cb_meeting *m = meetings.items[i];

		if (cb_date_cmp(m->date, r->o->today) <= 0 && in_period(r, m->date))
			last = m;
	}
	if (last == NULL) {
		cb_doc_text(r->x.d, _("The family was not discussed in group supervision in this "
		                      "period."));
	} else {
		char date[CB_DATE_LEN], *heading;

		cb_date_format(last->date, date);
		heading = cb_asprintf(last->is_signed ? _("Discussed on %s, chaired by %s")
		                                      : _("Discussed on %s, chaired by %s (DRAFT: the "
		                                          "minutes are not signed off)"),
		                      date, xl_name(last->chair_name));
		rc = xm_discussion(r->x.s, last, r->x.f->id, r->x.ref, r->x.prog, r->x.d, 3, heading,
		                   err);
		free(heading);
	}
	cb_vec_clear(&meetings);
	return rc;
}

int
cb_export_report(struct cb_store *s, const struct cb_family *f, const struct cb_refdata *ref,
                 const struct cb_programme *prog, const struct cb_report_opts *o,
                 struct cb_doc **out, struct cb_err *err)
{
	struct rctx r = {{s, f, ref, prog, o->today, NULL}, o, CB_VEC_OWNING(cb_person_free_item),
	                 CB_VEC_OWNING(cb_allocation_free_item)};
	char opened[CB_DATE_LEN], from[CB_DATE_LEN], to[CB_DATE_LEN], today[CB_DATE_LEN];
	struct cb_block *b;
	char *title;
	int rc = -1;

	*out = NULL;
	if (cb_store_person_list(s, f->id, &r.people, err) != 0 ||
	    cb_store_allocation_list(s, f->id, false, &r.allocs, err) != 0)
		goto out;
	title = cb_asprintf(_("Report for conference or court: %s (%s)"), f->name, f->reference);
	r.x.d = cb_doc_new(title);
	r.x.d->section_pages = true;
	cb_doc_heading(r.x.d, 1, title);
	free(title);
	b = cb_doc_fields(r.x.d);
	cb_block_field(b, _("Reference"), f->reference);
	cb_block_field(b, _("Family"), f->name);
	cb_block_field(b, _("Case opened"), xl_date(f->opened, opened, _("not recorded")));
	if (cb_date_is_set(o->from) || cb_date_is_set(o->to))
		cb_block_fieldf(b, _("Period"), _("%s to %s"), xl_date(o->from, from, _("the start")),
		                xl_date(o->to, to, xl_date(o->today, today, "")));
	else
		cb_block_field(b, _("Period"), _("the whole record"));
	cb_block_field(b, _("Record as at"), xl_date(o->today, today, ""));

	if (xf_members(&r.x, err) != 0 || xf_workers(&r.x, err) != 0)
		goto out;
	cb_doc_heading(r.x.d, 2, _("Why the team is involved"));
	if (gather(&r, want_why, false, _("Not recorded in the programme yet."), err) != 0 ||
	    chronology(&r, err) != 0 || sessions(&r, err) != 0 || assessment(&r, err) != 0 ||
	    views(&r, err) != 0 || goals(&r, err) != 0 || stages(&r, err) != 0 ||
	    ratings(&r, err) != 0 || xf_actions(&r.x, err) != 0 || supervision(&r, err) != 0)
		goto out;
	cb_doc_heading(r.x.d, 2, _("Author"));
	b = cb_doc_fields(r.x.d);
	cb_block_field(b, _("Written by"), o->author != NULL ? o->author : _("not given"));
	if (o->author_role != NULL)
		cb_block_field(b, _("Role"), o->author_role);
	cb_block_field(b, _("Date"), today);
	*out = r.x.d;
	r.x.d = NULL;
	rc = 0;
out:
	cb_doc_free(&r.x.d);
	cb_vec_clear(&r.people);
	cb_vec_clear(&r.allocs);
	return rc;
}
