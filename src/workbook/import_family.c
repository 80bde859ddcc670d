/* SPDX-License-Identifier: MIT */
/* Reading a family and everything recorded with it: members and their
 * statuses, allocations, notes, sessions, answers, goals, stages and
 * ratings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/import.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/str.h"
#include "import_read.h"
#include "ytree.h"

#define REFLIST(r, member) ((r)->ref != NULL ? &(r)->ref->member : NULL)

/* Records with no `by` of their own were written by whoever wrote the
 * family. */
static void
inherit_author(struct rd *r, size_t item, size_t from)
{
	memcpy(cb_import_item_at(r->p, item)->author, cb_import_item_at(r->p, from)->author,
	       CB_UUID_LEN);
}

static void
read_status(struct rd *r, const struct yt_node *n, size_t member, const char *person_id)
{
	static const char *const keys[] = {"id", "status", "from", "cp_category", "legal", "need",
	                                   "factors", "by", NULL};
	static const char *const required[] = {"id", "status", "from", "by", NULL};
	const struct yt_node *cp, *legal, *factors;
	size_t item, i, j, before = rd_problems(r);
	struct cb_buf codes = {0};
	struct cb_err err = {0};
	struct cb_status *s;

	if (!rd_map(r, n, _("the status"), keys, required))
		return;
	s = cb_status_new();
	item = rd_add(r, CB_IMPORT_STATUS, s, n, member + 1);
	rd_own_id(r, n, item, s->id);
	rd_author(r, n, item);
	memcpy(s->person_id, person_id, CB_UUID_LEN);
	s->status = rd_code(r, n, "status", REFLIST(r, statuses), _("a child status"));
	rd_date(r, n, "from", &s->from);
	if ((cp = yt_get(n, "cp_category")) != NULL) {
		s->cp_category = rd_code_node(r, cp, REFLIST(r, cp_categories),
		                              _("a child protection category"));
		if (s->status != NULL && strcmp(s->status, "cp") != 0)
			rd_report(r, cp, _("a child protection category goes only with status cp, "
			                   "not %s: remove cp_category"), s->status);
	}
	if ((legal = yt_get(n, "legal")) != NULL) {
		s->legal = rd_code_node(r, legal, REFLIST(r, legal_statuses), _("a legal status code"));
		if (s->status != NULL && strcmp(s->status, "cla") != 0)
			rd_report(r, legal, _("a legal status goes only with status cla (looked "
			                      "after), not %s: remove legal"), s->status);
	}
	s->need = rd_code(r, n, "need", REFLIST(r, primary_need), _("a primary need code"));
	if ((factors = rd_list(r, n, "factors")) != NULL) {
		for (i = 0; i < factors->n && !r->full; i++) {
			const struct yt_node *f = factors->kids[i];
			char *code = rd_code_node(r, f, REFLIST(r, factors), _("an assessment factor code"));

			if (code == NULL)
				continue;
			for (j = 0; j < i; j++)
				if (factors->kids[j]->type == YT_SCALAR &&
				    strcmp(factors->kids[j]->value, code) == 0)
					break;
			if (j < i)
				rd_report(r, f, _("factor %s is given twice"), code);
			else if (strcmp(code, "21") == 0 && factors->n > 1)
				rd_report(r, f, _("factor 21 (no factors identified) is only ever used "
				                  "alone: remove it or the other factors"));
			else
				cb_buf_addf(&codes, "%s%s", codes.len > 0 ? " " : "", code);
			free(code);
			/* Every code is checked against all before it: keep that
			 * bounded on a file made to be slow. */
			if (i >= RD_MAX_KEYS) {
				rd_report(r, factors, _("far more factors than there are codes"));
				break;
			}
		}
		if (factors->n == 0)
			rd_report(r, factors, _("'factors' is an empty list: give the factors, or 21 "
			                        "when none were identified"));
	}
	s->factors = codes.s != NULL ? cb_buf_take(&codes) : NULL;
	rd_model(r, n, before, cb_status_check(s, r->ref, &err), &err);
}

static void
read_member(struct rd *r, const struct yt_node *n, size_t family, const char *family_id)
{
	static const char *const keys[] = {"id", "name", "born", "role", "statuses", NULL};
	static const char *const required[] = {"id", "name", "role", NULL};
	static const char *const roles[] = {"child", "parent", "carer", "other-adult", NULL};
	const struct yt_node *statuses;
	size_t item, i, before = rd_problems(r);
	struct cb_err err = {0};
	struct cb_person *p;
	char *role, buf[RD_SHOWN];
	bool known_role = false;

	if (!rd_map(r, n, _("the family member"), keys, required))
		return;
	p = cb_person_new();
	item = rd_add(r, CB_IMPORT_PERSON, p, n, family + 1);
	rd_own_id(r, n, item, p->id);
	inherit_author(r, item, family);
	memcpy(p->family_id, family_id, CB_UUID_LEN);
	p->name = rd_text(r, n, "name");
	rd_date(r, n, "born", &p->born);
	role = rd_pick(r, n, "role", roles, _("a role in a family"));
	if (role != NULL)
		known_role = cb_member_role_parse(role, &p->role, NULL) == 0;
	free(role);
	rd_model(r, n, before, cb_person_check(p, &err), &err);
	if ((statuses = rd_list(r, n, "statuses")) == NULL)
		return;
	if (known_role && p->role != CB_MEMBER_CHILD && statuses->n > 0) {
		rd_report(r, statuses, _("only a child has statuses such as CIN or CP, and %s is "
		                         "%s: remove the statuses or make the role child"),
		          rd_shown(p->name != NULL ? p->name : _("this member"), buf),
		          cb_member_role_id(p->role));
		return;
	}
	for (i = 0; i < statuses->n && !r->full; i++)
		read_status(r, statuses->kids[i], item, p->id);
}

static void
read_allocation(struct rd *r, const struct yt_node *n, size_t family, const char *family_id)
{
	static const char *const keys[] = {"id", "worker", "role", "from", "until", NULL};
	static const char *const required[] = {"id", "worker", "role", "from", NULL};
	struct cb_allocation *a;
	char from[CB_DATE_LEN];
	size_t item;

	if (!rd_map(r, n, _("the allocation"), keys, required))
		return;
	a = cb_allocation_new();
	item = rd_add(r, CB_IMPORT_ALLOCATION, a, n, family + 1);
	rd_own_id(r, n, item, a->id);
	inherit_author(r, item, family);
	memcpy(a->family_id, family_id, CB_UUID_LEN);
	rd_ref_key(r, n, "worker", CB_REF_WORKER, NULL, item, a->worker_id);
	a->role = rd_code(r, n, "role", REFLIST(r, roles), _("a role"));
	rd_date(r, n, "from", &a->from);
	if (rd_date(r, n, "until", &a->until) && cb_date_is_set(a->from) &&
	    cb_date_cmp(a->until, a->from) < 0) {
		cb_date_format(a->from, from);
		rd_report(r, yt_get(n, "until"), _("the allocation ends before it starts (%s)"), from);
	}
}

static void
read_note(struct rd *r, const struct yt_node *n, size_t family, const char *family_id)
{
	static const char *const keys[] = {"id", "date", "kind", "by", "significant", "text", NULL};
	static const char *const required[] = {"id", "date", "kind", "by", "text", NULL};
	size_t item, before = rd_problems(r);
	struct cb_err err = {0};
	struct cb_note *x;

	if (!rd_map(r, n, _("the note"), keys, required))
		return;
	x = cb_note_new();
	item = rd_add(r, CB_IMPORT_NOTE, x, n, family + 1);
	rd_own_id(r, n, item, x->id);
	rd_author(r, n, item);
	memcpy(x->family_id, family_id, CB_UUID_LEN);
	rd_date(r, n, "date", &x->date);
	x->kind = rd_code(r, n, "kind", REFLIST(r, note_kinds), _("a kind of note"));
	rd_bool(r, n, "significant", &x->significant);
	x->text = rd_text(r, n, "text");
	rd_model(r, n, before, cb_note_check(x, r->ref, &err), &err);
}

/* A programme module by id, reported (with the nearest id) when the
 * programme has none. */
static const struct cb_module *
find_module(struct rd *r, const struct yt_node *n, const char *id)
{
	const struct cb_module *m = r->prog != NULL ? cb_programme_find(r->prog, id) : NULL;
	struct rd_near nr = {id, NULL, 0};
	char buf[RD_SHOWN];
	size_t i;

	if (m != NULL)
		return m;
	for (i = 0; r->prog != NULL && i < r->prog->modules.len; i++)
		rd_near_try(&nr, ((const struct cb_module *)r->prog->modules.items[i])->id);
	if (rd_near_best(&nr) != NULL)
		rd_report(r, n, _("the programme has no module '%s': did you mean '%s'?"),
		          rd_shown(id, buf), rd_near_best(&nr));
	else
		rd_report(r, n, _("the programme has no module '%s': see 'casebook modules list'"),
		          rd_shown(id, buf));
	return NULL;
}

static char *
session_modules(struct rd *r, const struct yt_node *map, size_t item)
{
	const struct yt_node *list = rd_list(r, map, "modules");
	struct cb_buf b = {0};
	size_t i, first;

	if (list == NULL)
		return NULL;
	for (i = 0; i < list->n && !r->full; i++) {
		const struct yt_node *n = list->kids[i];
		const struct cb_module *m;
		char *key;
		bool fresh;

		if (n->type != YT_SCALAR || n->value[0] == '\0') {
			rd_report(r, n, _("each entry of 'modules' is a module id"));
			continue;
		}
		if ((m = find_module(r, n, n->value)) == NULL)
			continue;
		if (m->kind == CB_MODULE_SUPERVISION) {
			rd_report(r, n, _("'%s' is the supervision proforma, which is recorded in "
			                  "meetings, not sessions"), m->id);
			continue;
		}
		key = cb_asprintf("session-module\t%zu\t%s", item, m->id);
		fresh = cb_import_claim_key(r->p, key, item, &first);
		free(key);
		if (!fresh) {
			rd_report(r, n, _("'%s' is listed twice"), m->id);
			continue;
		}
		cb_buf_addf(&b, "%s%s", b.len > 0 ? " " : "", m->id);
	}
	return b.s != NULL ? cb_buf_take(&b) : cb_strdup("");
}

static void
read_session(struct rd *r, const struct yt_node *n, size_t family, const char *family_id)
{
	static const char *const keys[] = {"id", "date", "by", "modules", "present", "covered", NULL};
	static const char *const required[] = {"id", "date", "by", "modules", "covered", NULL};
	size_t item, before = rd_problems(r);
	struct cb_err err = {0};
	struct cb_session *x;

	if (!rd_map(r, n, _("the session"), keys, required))
		return;
	x = cb_session_new();
	item = rd_add(r, CB_IMPORT_SESSION, x, n, family + 1);
	rd_own_id(r, n, item, x->id);
	rd_author(r, n, item);
	memcpy(x->family_id, family_id, CB_UUID_LEN);
	rd_date(r, n, "date", &x->date);
	x->modules = session_modules(r, n, item);
	x->present = rd_ref_list(r, n, "present", CB_REF_PRESENT, family_id, item);
	x->covered = rd_text(r, n, "covered");
	rd_model(r, n, before, cb_session_check(x, &err), &err);
}

/* The field under key "section.field", suggesting the nearest when the
 * module has none. */
static const struct cb_field *
find_field(struct rd *r, const struct yt_node *n, const struct cb_module *m, const char *key,
           const struct cb_section **sec)
{
	const struct cb_field *f = cb_module_field(m, key, sec);
	struct cb_vec keys = CB_VEC_OWNING(free);
	struct rd_near nr = {key, NULL, 0};
	char *best = NULL, buf[RD_SHOWN];
	size_t i, j;

	if (f != NULL)
		return f;
	for (i = 0; i < m->sections.len; i++) {
		const struct cb_section *s = m->sections.items[i];

		for (j = 0; j < s->fields.len; j++) {
			char *k = cb_asprintf("%s.%s", s->id, ((const struct cb_field *)s->fields.items[j])->id);

			cb_vec_push(&keys, k);
			rd_near_try(&nr, k);
		}
	}
	if (rd_near_best(&nr) != NULL)
		best = cb_strdup(rd_near_best(&nr));
	if (best != NULL)
		rd_report(r, n, _("the module %s has no field '%s': did you mean '%s'?"), m->id,
		          rd_shown(key, buf), best);
	else
		rd_report(r, n, _("the module %s has no field '%s': write section_id.field_id, as in "
		                  "the module's file"), m->id, rd_shown(key, buf));
	free(best);
	cb_vec_clear(&keys);
	return NULL;
}

static void
read_answer(struct rd *r, const struct yt_node *n, size_t family, const char *family_id)
{
	static const char *const keys[] = {"id", "module", "version", "field", "person", "date",
	                                   "by", "value", NULL};
	static const char *const required[] = {"id", "module", "version", "field", "date", "by",
	                                       "value", NULL};
	const struct cb_section *sec = NULL;
	const struct cb_field *f = NULL;
	const struct cb_module *m = NULL;
	const struct yt_node *mn, *fn, *pn, *vn;
	struct cb_answer *a;
	size_t item;
	long version = 0;

	if (!rd_map(r, n, _("the answer"), keys, required))
		return;
	a = cb_answer_new();
	item = rd_add(r, CB_IMPORT_ANSWER, a, n, family + 1);
	rd_own_id(r, n, item, a->id);
	rd_author(r, n, item);
	memcpy(a->family_id, family_id, CB_UUID_LEN);
	if ((mn = yt_get(n, "module")) != NULL) {
		char *id = rd_text_node(r, mn, "module");

		if (id != NULL && (m = find_module(r, mn, id)) != NULL &&
		    m->kind == CB_MODULE_SUPERVISION) {
			rd_report(r, mn, _("answers to the supervision proforma are recorded in "
			                   "meetings: put them under the meeting"));
			m = NULL;
		}
		free(id);
	}
	if (m != NULL)
		a->module_id = cb_strdup(m->id);
	if (rd_long(r, n, "version", 1, 1000000, &version)) {
		a->module_version = version;
		if (m != NULL && version > m->version)
			rd_report(r, yt_get(n, "version"),
			          _("this answer was written under version %ld of %s, but the programme "
			            "has version %ld: use the newer module (--modules DIR)"),
			          version, m->id, m->version);
	}
	if ((fn = yt_get(n, "field")) != NULL) {
		char *key = rd_text_node(r, fn, "field");

		if (key != NULL && m != NULL && (f = find_field(r, fn, m, key, &sec)) != NULL)
			a->field_key = cb_strdup(key);
		free(key);
	}
	pn = yt_get(n, "person");
	if (sec != NULL && sec->applies_to == CB_APPLIES_FAMILY && pn != NULL)
		rd_report(r, pn, _("the section %s is about the whole family: leave 'person' out"),
		          sec->id);
	else if (sec != NULL && sec->applies_to != CB_APPLIES_FAMILY && pn == NULL)
		rd_report(r, n, _("the section %s is answered for each %s: say whose answer this is "
		                  "with 'person'"), sec->id,
		          sec->applies_to == CB_APPLIES_EACH_ADULT ? _("adult") : _("child"));
	else if (pn != NULL)
		rd_ref(r, pn, sec == NULL ? CB_REF_MEMBER
		              : sec->applies_to == CB_APPLIES_EACH_ADULT ? CB_REF_ADULT : CB_REF_CHILD,
		       family_id, (struct cb_date){0, 0, 0}, item, "person", a->person_id);
	rd_date(r, n, "date", &a->date);
	if ((vn = yt_get(n, "value")) != NULL && f != NULL)
		a->value = rd_value(r, vn, f, family_id, item);
	/* A later answer to the same question is a correction of the first. */
	if (a->module_id != NULL && a->field_key != NULL)
		cb_import_item_at(r->p, item)->first_answer =
			cb_import_first_answer(r->p, family_id, a->module_id, a->field_key, a->person_id,
			                       "", item);
}

static void
read_review(struct rd *r, const struct yt_node *n, size_t goal, const struct cb_goal *g)
{
	static const char *const keys[] = {"id", "date", "score", "note", "by", NULL};
	static const char *const required[] = {"id", "date", "score", "by", NULL};
	size_t item, before = rd_problems(r);
	struct cb_goal_review *v;
	struct cb_err err = {0};
	char set[CB_DATE_LEN];
	long score = 0;

	if (!rd_map(r, n, _("the goal review"), keys, required))
		return;
	v = cb_goal_review_new();
	item = rd_add(r, CB_IMPORT_GOAL_REVIEW, v, n, goal + 1);
	rd_own_id(r, n, item, v->id);
	rd_author(r, n, item);
	memcpy(v->goal_id, g->id, CB_UUID_LEN);
	if (rd_date(r, n, "date", &v->date) && cb_date_is_set(g->set_on) &&
	    cb_date_cmp(v->date, g->set_on) < 0) {
		cb_date_format(g->set_on, set);
		rd_report(r, yt_get(n, "date"), _("the review is dated before the goal was set (%s)"),
		          set);
	}
	if (rd_long(r, n, "score", 0, 10, &score))
		v->score = (int)score;
	v->note = rd_text(r, n, "note");
	rd_model(r, n, before, cb_goal_review_check(v, &err), &err);
}

static void
read_goal(struct rd *r, const struct yt_node *n, size_t family, const char *family_id)
{
	static const char *const keys[] = {"id", "person", "words", "proposed_by", "why", "steps",
	                                   "target", "set", "by", "status", "reason", "reviews",
	                                   NULL};
	static const char *const required[] = {"id", "words", "proposed_by", "set", "by", "status",
	                                       NULL};
	static const char *const proposers[] = {"parent", "child", "worker", "jointly", NULL};
	static const char *const statuses[] = {"active", "achieved", "changed", "stopped", NULL};
	const struct yt_node *reviews;
	size_t item, i, before = rd_problems(r);
	struct cb_err err = {0};
	struct cb_goal *g;
	char set[CB_DATE_LEN];

	if (!rd_map(r, n, _("the goal"), keys, required))
		return;
	g = cb_goal_new();
	item = rd_add(r, CB_IMPORT_GOAL, g, n, family + 1);
	rd_own_id(r, n, item, g->id);
	rd_author(r, n, item);
	memcpy(g->family_id, family_id, CB_UUID_LEN);
	rd_ref_key(r, n, "person", CB_REF_MEMBER, family_id, item, g->person_id);
	g->words = rd_text(r, n, "words");
	g->proposed_by = rd_pick(r, n, "proposed_by", proposers, _("who proposed a goal"));
	g->why = rd_text(r, n, "why");
	g->steps = rd_text(r, n, "steps");
	rd_date(r, n, "set", &g->set_on);
	if (rd_date(r, n, "target", &g->target) && cb_date_is_set(g->set_on) &&
	    cb_date_cmp(g->target, g->set_on) < 0) {
		cb_date_format(g->set_on, set);
		rd_report(r, yt_get(n, "target"), _("the target date is before the goal was set (%s)"),
		          set);
	}
	g->status = rd_pick(r, n, "status", statuses, _("a goal status"));
	g->status_reason = rd_text(r, n, "reason");
	rd_model(r, n, before, cb_goal_check(g, &err), &err);
	if ((reviews = rd_list(r, n, "reviews")) != NULL)
		for (i = 0; i < reviews->n && !r->full; i++)
			read_review(r, reviews->kids[i], item, g);
}

void
rd_stage(struct rd *r, const struct yt_node *n, size_t parent, const char *family_id,
         const struct cb_meeting *m, const struct cb_field *field)
{
	static const char *const keys[] = {"id", "person", "issue", "stage", "date", "by",
	                                   "evidence", "next_signs", NULL};
	static const char *const required[] = {"id", "person", "issue", "stage", "date", "by",
	                                       "evidence", NULL};
	static const char *const in_meeting[] = {"id", "person", "issue", "stage", "evidence",
	                                         "next_signs", NULL};
	static const char *const required_in_meeting[] = {"id", "person", "issue", "stage",
	                                                  "evidence", NULL};
	size_t item, i, before = rd_problems(r);
	struct cb_stage_record *s;
	struct cb_err err = {0};

	if (!rd_map(r, n, _("the stage"), m != NULL ? in_meeting : keys,
	            m != NULL ? required_in_meeting : required))
		return;
	s = cb_stage_record_new();
	item = rd_add(r, CB_IMPORT_STAGE, s, n, parent + 1);
	rd_own_id(r, n, item, s->id);
	memcpy(s->family_id, family_id, CB_UUID_LEN);
	rd_ref_key(r, n, "person", CB_REF_ADULT, family_id, item, s->person_id);
	s->issue = rd_code(r, n, "issue", REFLIST(r, issues), _("an issue"));
	s->stage = rd_code(r, n, "stage", REFLIST(r, stages), _("a stage of change"));
	/* A proforma may narrow the issues discussed in supervision. */
	if (s->issue != NULL && field != NULL && field->issues.len > 0) {
		for (i = 0; i < field->issues.len; i++)
			if (strcmp(field->issues.items[i], s->issue) == 0)
				break;
		if (i == field->issues.len)
			rd_report(r, yt_get(n, "issue"), _("the supervision proforma does not track "
			                                   "the issue %s"), s->issue);
	}
	s->evidence = rd_text(r, n, "evidence");
	s->next_signs = rd_text(r, n, "next_signs");
	if (m != NULL) {
		memcpy(s->meeting_id, m->id, CB_UUID_LEN);
		s->date = m->date;
		s->context = cb_strdup("supervision");
		inherit_author(r, item, parent);
	} else {
		rd_author(r, n, item);
		rd_date(r, n, "date", &s->date);
		s->context = cb_strdup("visit");
	}
	rd_model(r, n, before, cb_stage_record_check(s, r->ref, &err), &err);
}

void
rd_rating(struct rd *r, const struct yt_node *n, size_t parent, const char *family_id,
          const struct cb_meeting *m, const char *present)
{
	static const char *const keys[] = {"id", "rating", "date", "context", "rationale",
	                                   "agreed_by", "by", NULL};
	static const char *const required[] = {"id", "rating", "date", "context", "rationale",
	                                       "by", NULL};
	static const char *const in_meeting[] = {"id", "rating", "rationale", NULL};
	static const char *const contexts[] = {"visit", "supervision", "conference", NULL};
	size_t item, before = rd_problems(r);
	struct cb_import_item *it;
	struct cb_err err = {0};
	struct cb_rating *x;
	char *agreed;

	if (!rd_map(r, n, _("the rating"), m != NULL ? in_meeting : keys,
	            m != NULL ? in_meeting : required))
		return;
	x = cb_rating_new();
	item = rd_add(r, CB_IMPORT_RATING, x, n, parent + 1);
	rd_own_id(r, n, item, x->id);
	memcpy(x->family_id, family_id, CB_UUID_LEN);
	x->rating = rd_code(r, n, "rating", REFLIST(r, ratings), _("a rating"));
	x->rationale = rd_text(r, n, "rationale");
	if (m != NULL) {
		/* Agreed in the meeting by those there. */
		memcpy(x->meeting_id, m->id, CB_UUID_LEN);
		x->date = m->date;
		x->context = cb_strdup("supervision");
		agreed = cb_strdup(present);
		inherit_author(r, item, parent);
	} else {
		rd_author(r, n, item);
		rd_date(r, n, "date", &x->date);
		x->context = rd_pick(r, n, "context", contexts, _("where a rating was agreed"));
		agreed = rd_ref_list(r, n, "agreed_by", CB_REF_WORKER, NULL, item);
	}
	it = cb_import_item_at(r->p, item);
	it->agreed_by = agreed;
	rd_model(r, n, before, cb_rating_check(x, r->ref, &err), &err);
}

void
rd_family(struct rd *r, const struct yt_node *n)
{
	static const char *const keys[] = {"id", "reference", "name", "by", "opened", "members",
	                                   "allocations", "notes", "sessions", "answers", "goals",
	                                   "stages", "ratings", NULL};
	static const char *const required[] = {"id", "reference", "name", "by", "opened", NULL};
	static const struct {
		const char *key;
		void (*read)(struct rd *, const struct yt_node *, size_t, const char *);
	} parts[] = {
		{"members", read_member}, {"allocations", read_allocation}, {"notes", read_note},
		{"sessions", read_session}, {"answers", read_answer}, {"goals", read_goal},
	};
	const struct yt_node *list;
	size_t item, i, j, first, before = rd_problems(r);
	struct cb_err err = {0};
	struct cb_family *f;

	if (!rd_map(r, n, _("the family"), keys, required))
		return;
	f = cb_family_new();
	item = rd_add(r, CB_IMPORT_FAMILY, f, n, 0);
	rd_own_id(r, n, item, f->id);
	rd_author(r, n, item);
	f->reference = rd_text(r, n, "reference");
	f->name = rd_text(r, n, "name");
	rd_date(r, n, "opened", &f->opened);
	if (f->reference != NULL) {
		char *key = cb_asprintf("reference\t%s", f->reference);

		if (!cb_import_claim_key(r->p, key, item, &first)) {
			const struct cb_import_item *other = cb_import_item_at(r->p, first);

			rd_report(r, yt_get(n, "reference"), _("another family in this import has the "
			                                       "case reference %s (%s:%zu)"),
			          f->reference, other->file, other->line);
		}
		free(key);
	}
	rd_model(r, n, before, cb_family_check(f, &err), &err);
	/* Members first: everything after may name them. */
	for (i = 0; i < sizeof parts / sizeof *parts && !r->full; i++)
		if ((list = rd_list(r, n, parts[i].key)) != NULL)
			for (j = 0; j < list->n && !r->full; j++)
				parts[i].read(r, list->kids[j], item, f->id);
	if ((list = rd_list(r, n, "stages")) != NULL)
		for (j = 0; j < list->n && !r->full; j++)
			rd_stage(r, list->kids[j], item, f->id, NULL, NULL);
	if ((list = rd_list(r, n, "ratings")) != NULL)
		for (j = 0; j < list->n && !r->full; j++)
			rd_rating(r, list->kids[j], item, f->id, NULL, NULL);
}
