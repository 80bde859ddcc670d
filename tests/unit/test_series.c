/* SPDX-License-Identifier: MIT */
/* store: answers, goals, stages, ratings, meetings, views and drafts, on
 * real SQLite files. */
#include "config.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../src/store/internal.h"
#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/diag.h"
#include "casebook/rules.h"
#include "casebook/workbook.h"
#include "casebook/stage.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_drafts.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_notes.h"
#include "casebook/store_series.h"
#include "casebook/store_views.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "testutil.h"

static char *dir, *dbpath;
static struct cb_store *s;
static struct cb_refdata *rules;
static struct cb_worker *chair, *sw, *bso;
static struct cb_family *fam, *other;
static struct cb_person *mum, *child;

static struct cb_date
D(const char *text)
{
	struct cb_date d;

	ck_assert_int_eq(cb_date_parse(text, &d, NULL), 0);
	return d;
}

#define OK(call)                                                                 \
	do {                                                                     \
		struct cb_err e_ = {0};                                          \
		int rc_ = (call);                                                \
		(void)e_;                                                        \
		ck_assert_msg(rc_ == 0, "%s failed", #call);                     \
	} while (0)

static struct cb_worker *
worker(const char *name, const char *role)
{
	struct cb_worker *w = cb_worker_new();
	struct cb_err err = {0};

	w->name = cb_strdup(name);
	w->role = cb_strdup(role);
	ck_assert_msg(cb_store_worker_add(s, w, &err) == 0, "%s", err.msg);
	return w;
}

static struct cb_family *
family(const char *ref, const char *name)
{
	struct cb_family *f = cb_family_new();
	struct cb_err err = {0};

	f->reference = cb_strdup(ref);
	f->name = cb_strdup(name);
	ck_assert_msg(cb_store_family_add(s, f, &err) == 0, "%s", err.msg);
	return f;
}

static struct cb_person *
person(struct cb_family *f, const char *name, enum cb_member_role role)
{
	struct cb_person *p = cb_person_new();
	struct cb_err err = {0};

	memcpy(p->family_id, f->id, CB_UUID_LEN);
	p->name = cb_strdup(name);
	p->role = role;
	ck_assert_msg(cb_store_person_add(s, p, &err) == 0, "%s", err.msg);
	return p;
}

static void
allocate(struct cb_family *f, struct cb_worker *w, const char *role)
{
	struct cb_allocation *a = cb_allocation_new();
	struct cb_err err = {0};

	memcpy(a->family_id, f->id, CB_UUID_LEN);
	memcpy(a->worker_id, w->id, CB_UUID_LEN);
	a->role = cb_strdup(role);
	ck_assert_msg(cb_store_allocation_add(s, a, &err) == 0, "%s", err.msg);
	cb_allocation_free(&a);
}

static void
setup(void)
{
	struct cb_err err = {0};

	dir = tu_tmpdir();
	dbpath = tu_path(dir, "series.db");
	ck_assert_msg(cb_store_open(dbpath, CB_STORE_CREATE, &s, &err) == 0, "%s", err.msg);
	chair = worker("Grace Adeyemi", "team-manager");
	sw = worker("Imran Chaudhry", "social-worker");
	bso = worker("Mei Ling Chan", "business-support");
	cb_store_set_actor(s, sw->id);
	/* The real role rules, and the chair's own login on this computer. */
	{
		struct cb_diags diags;
		char *data = tu_path(tu_srcdir(), "data");

		cb_diags_init(&diags);
		rules = cb_refdata_new();
		ck_assert_int_eq(cb_refdata_load(data, rules, &diags), 0);
		cb_diags_clear(&diags);
		free(data);
	}
	cb_store_set_rules(s, rules);
	cb_store_set_os_user(s, "gadeyemi");
	ck_assert_msg(cb_store_link_os_user(s, "gadeyemi", chair->id, &err) == 0, "%s", err.msg);
	fam = family("FS-1", "Price family");
	other = family("FS-2", "Nguyễn family");
	mum = person(fam, "Kerry Price", CB_MEMBER_PARENT);
	child = person(fam, "Zoë Price", CB_MEMBER_CHILD);
	allocate(fam, sw, "social-worker");
}

static void
teardown(void)
{
	cb_person_free(&mum);
	cb_person_free(&child);
	cb_family_free(&fam);
	cb_family_free(&other);
	cb_worker_free(&chair);
	cb_worker_free(&sw);
	cb_worker_free(&bso);
	cb_store_close(&s);
	cb_refdata_free(&rules);
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
}

#define OLD_ID "0d1c2b3a-0000-4000-8000-000000000001"
#define OLD_ROW "0d1c2b3a-0000-4000-8000-000000000002"

START_TEST(upgrade_from_first_version)
{
	sqlite3 *db;
	struct cb_store *old = NULL;
	struct cb_family *f = cb_family_new(), *got = NULL;
	char *path = tu_path(dir, "old.db");
	struct cb_err err = {0};

	st_migration_limit = 1;
	ck_assert_int_eq(cb_store_open(path, CB_STORE_CREATE, &old, &err), 0);
	ck_assert_int_eq(cb_store_schema_version(old), 1);
	cb_store_close(&old);
	/* The family as the first casebook wrote it: today's store writes to
	 * tables that the first database version did not have. */
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db,
	        "INSERT INTO families VALUES ('" OLD_ID "', '2026-01-01T00:00:00Z', '"
	        CB_SYSTEM_WORKER "'); INSERT INTO family_versions (row_id, family_id, version, "
	        "created_at, created_by, reference, name) VALUES ('" OLD_ROW "', '" OLD_ID "', 1, "
	        "'2026-01-01T00:00:00Z', '" CB_SYSTEM_WORKER "', 'FS-OLD', 'Whitlock family')",
	        NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st_migration_limit = cb_store_schema_known();
	ck_assert_msg(cb_store_open(path, CB_STORE_OPEN, &old, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(cb_store_schema_version(old), cb_store_schema_known());
	ck_assert_int_eq(cb_store_family_find_ref(old, "FS-OLD", &got, &err), 0);
	ck_assert_str_eq(got->name, "Whitlock family");
	cb_family_free(&got);
	cb_family_free(&f);
	cb_store_close(&old);
	free(path);
}
END_TEST

static struct cb_answer *
answer(const char *module, const char *key, const char *value, long version)
{
	struct cb_answer *a = cb_answer_new();

	memcpy(a->family_id, fam->id, CB_UUID_LEN);
	a->module_id = cb_strdup(module);
	a->field_key = cb_strdup(key);
	a->value = cb_strdup(value);
	a->module_version = version;
	a->date = D("2026-06-10");
	return a;
}

START_TEST(answers_are_versioned_per_key)
{
	struct cb_answer *a = answer("basic-care", "routines.working_well", "Bedtime is calmer.", 1);
	struct cb_answer *b = answer("basic-care", "routines.working_well", "Someone else.", 1);
	struct cb_vec list = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_vec versions = CB_VEC_OWNING(cb_module_version_free_item);
	struct cb_err err = {0};

	ck_assert_msg(cb_store_answer_save(s, a, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(a->rev.version, 1);
	/* A second writer who never saw the first answer is refused. */
	ck_assert_int_ne(cb_store_answer_save(s, b, &err), 0);
	ck_assert_int_eq(err.code, CB_ESTALE);
	free(a->value);
	a->value = cb_strdup("Bedtime is calmer since the new routine.");
	a->module_version = 2;
	ck_assert_int_eq(cb_store_answer_save(s, a, &err), 0);
	ck_assert_int_eq(a->rev.version, 2);
	ck_assert_int_eq(cb_store_answer_list(s, fam->id, "basic-care", NULL, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	ck_assert_str_eq(((struct cb_answer *)list.items[0])->value,
	                 "Bedtime is calmer since the new routine.");
	cb_vec_clear(&list);
	ck_assert_int_eq(cb_store_answer_history(s, a->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	ck_assert_str_eq(((struct cb_answer *)list.items[0])->value, "Bedtime is calmer.");
	cb_vec_clear(&list);
	/* Per person answers are separate. */
	memcpy(b->person_id, mum->id, CB_UUID_LEN);
	ck_assert_int_eq(cb_store_answer_save(s, b, &err), 0);
	ck_assert_int_eq(cb_store_module_versions(s, &versions, &err), 0);
	ck_assert_uint_eq(versions.len, 1);
	ck_assert_int_eq(((struct cb_module_version *)versions.items[0])->version, 2);
	cb_vec_clear(&versions);
	cb_answer_free(&a);
	cb_answer_free(&b);
}
END_TEST

START_TEST(progress_counts_sessions_and_marks)
{
	struct cb_session *x = cb_session_new();
	struct cb_answer *a = answer("basic-care", "routines.working_well", "x", 1);
	struct cb_vec ids = CB_VEC_BORROWING, prog = CB_VEC_OWNING(cb_progress_free_item);
	struct cb_progress *p;
	struct cb_err err = {0};

	memcpy(x->family_id, fam->id, CB_UUID_LEN);
	x->date = D("2026-06-12");
	x->modules = cb_strdup("getting-to-know basic-care");
	x->covered = cb_strdup("Genogram; bedtime routine.");
	ck_assert_int_eq(cb_store_session_add(s, x, &err), 0);
	ck_assert_int_eq(cb_store_answer_save(s, a, &err), 0);
	ck_assert_int_eq(cb_store_module_mark(s, fam->id, "getting-to-know", true, D("2026-06-20"), &err), 0);
	cb_vec_push(&ids, "getting-to-know");
	cb_vec_push(&ids, "basic-care");
	cb_vec_push(&ids, "drugs-alcohol");
	ck_assert_int_eq(cb_store_progress(s, fam->id, &ids, &prog, &err), 0);
	ck_assert_uint_eq(prog.len, 3);
	p = prog.items[0];
	ck_assert(p->complete);
	ck_assert_int_eq(p->sessions, 1);
	p = prog.items[1];
	ck_assert(!p->complete);
	ck_assert_int_eq(p->sessions, 1);
	ck_assert_int_eq(p->answers, 1);
	ck_assert_int_eq(p->last.d, 12);
	p = prog.items[2];
	ck_assert_int_eq(p->sessions + p->answers, 0);
	ck_assert(!cb_date_is_set(p->last));
	cb_vec_clear(&prog);
	cb_vec_clear(&ids);
	cb_session_free(&x);
	cb_answer_free(&a);
}
END_TEST

static struct cb_goal *
goal(const char *words, const char *set_on)
{
	struct cb_goal *g = cb_goal_new();
	struct cb_err err = {0};

	memcpy(g->family_id, fam->id, CB_UUID_LEN);
	g->words = cb_strdup(words);
	g->proposed_by = cb_strdup("parent");
	g->set_on = D(set_on);
	g->status = cb_strdup("active");
	ck_assert_msg(cb_store_goal_add(s, g, &err) == 0, "%s", err.msg);
	return g;
}

static void
review(struct cb_goal *g, const char *date, int score)
{
	struct cb_goal_review *r = cb_goal_review_new();
	struct cb_err err = {0};

	memcpy(r->goal_id, g->id, CB_UUID_LEN);
	r->date = D(date);
	r->score = score;
	r->note = cb_strdup("review");
	ck_assert_msg(cb_store_review_add(s, r, &err) == 0, "%s", err.msg);
	cb_goal_review_free(&r);
}

START_TEST(goals_and_reviews)
{
	struct cb_goal *g1 = goal("Get the kids to school on time every day", "2026-05-01");
	struct cb_goal *g2 = goal("Stop drinking in the week", "2026-04-01");
	struct cb_vec list = CB_VEC_OWNING(cb_goal_free_item);
	struct cb_vec revs = CB_VEC_OWNING(cb_goal_review_free_item);
	struct cb_goal_review *bad = cb_goal_review_new();
	struct cb_err err = {0};

	review(g1, "2026-07-01", 6);
	review(g1, "2026-06-01", 4); /* recorded late, dated earlier */
	ck_assert_int_eq(cb_store_review_list(s, g1->id, &revs, &err), 0);
	ck_assert_uint_eq(revs.len, 2);
	ck_assert_int_eq(((struct cb_goal_review *)revs.items[0])->score, 4);
	ck_assert_int_eq(((struct cb_goal_review *)revs.items[1])->score, 6);
	cb_vec_clear(&revs);
	memcpy(bad->goal_id, g1->id, CB_UUID_LEN);
	bad->date = D("2026-07-02");
	bad->score = 11;
	ck_assert_int_ne(cb_store_review_add(s, bad, &err), 0);

	/* Stopping needs a reason. */
	free(g2->status);
	g2->status = cb_strdup("stopped");
	ck_assert_int_ne(cb_store_goal_correct(s, g2, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "say why"));
	g2->status_reason = cb_strdup("Replaced by a goal Siobhán chose herself.");
	ck_assert_msg(cb_store_goal_correct(s, g2, &err) == 0, "%s", err.msg);

	ck_assert_int_eq(cb_store_goal_list(s, fam->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	ck_assert_str_eq(((struct cb_goal *)list.items[0])->words, g1->words); /* active first */
	ck_assert_int_eq(((struct cb_goal *)list.items[0])->last_score, 6);
	ck_assert_int_eq(((struct cb_goal *)list.items[1])->last_score, -1);
	cb_vec_clear(&list);
	ck_assert_int_eq(cb_store_goal_history(s, g2->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	ck_assert_str_eq(((struct cb_goal *)list.items[0])->status, "active");
	cb_vec_clear(&list);
	ck_assert_int_eq(cb_store_goal_retracted(s, fam->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 0);
	ck_assert_int_eq(cb_store_goal_retract(s, g2->id, g2->rev.version, "entered twice", &err), 0);
	ck_assert_int_eq(cb_store_goal_list(s, fam->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	cb_vec_clear(&list);
	/* Gone from the list, the retracted goal is still found, as its
	 * retracting version: what it said, when, and why. */
	ck_assert_int_eq(cb_store_goal_retracted(s, fam->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	{
		const struct cb_goal *x = list.items[0];

		ck_assert_str_eq(x->id, g2->id);
		ck_assert(x->rev.retracted);
		ck_assert_int_eq(x->rev.version, g2->rev.version + 1);
		ck_assert_str_eq(x->rev.reason, "entered twice");
		ck_assert_str_eq(x->words, g2->words);
	}
	cb_vec_clear(&list);
	cb_goal_review_free(&bad);
	cb_goal_free(&g1);
	cb_goal_free(&g2);
}
END_TEST

static struct cb_stage_record *
stage(const char *issue, const char *stage_id, const char *date, const char *meeting)
{
	struct cb_stage_record *r = cb_stage_record_new();

	memcpy(r->family_id, fam->id, CB_UUID_LEN);
	memcpy(r->person_id, mum->id, CB_UUID_LEN);
	if (meeting != NULL)
		memcpy(r->meeting_id, meeting, CB_UUID_LEN);
	r->issue = cb_strdup(issue);
	r->stage = cb_strdup(stage_id);
	r->date = D(date);
	r->evidence = cb_strdup("She said \"I know it has to stop\".");
	r->context = cb_strdup(meeting != NULL ? "supervision" : "visit");
	return r;
}

START_TEST(stages_are_a_series)
{
	struct cb_stage_record *a = stage("alcohol", "contemplation", "2026-03-01", NULL);
	struct cb_stage_record *b = stage("alcohol", "preparation", "2026-05-01", NULL);
	struct cb_stage_record *c = stage("mental-health", "action", "2026-04-01", NULL);
	struct cb_stage_record *d = stage("alcohol", "action", "2026-06-01", NULL);
	struct cb_vec list = CB_VEC_OWNING(cb_stage_record_free_item);
	struct cb_err err = {0};

	free(a->evidence);
	a->evidence = cb_strdup("  ");
	ck_assert_int_ne(cb_store_stage_add(s, a, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "evidence"));
	free(a->evidence);
	a->evidence = cb_strdup("Talked about cutting down.");
	ck_assert_int_eq(cb_store_stage_add(s, d, &err), 0);
	ck_assert_int_eq(cb_store_stage_add(s, a, &err), 0);
	ck_assert_int_eq(cb_store_stage_add(s, b, &err), 0);
	ck_assert_int_eq(cb_store_stage_add(s, c, &err), 0);
	ck_assert_int_eq(cb_store_stage_list(s, fam->id, mum->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 4);
	ck_assert_str_eq(((struct cb_stage_record *)list.items[0])->stage, "contemplation");
	ck_assert_str_eq(((struct cb_stage_record *)list.items[3])->stage, "action");
	ck_assert_str_eq(((struct cb_stage_record *)list.items[0])->person_name, "Kerry Price");
	cb_vec_clear(&list);
	/* The newest per issue. */
	ck_assert_int_eq(cb_store_stage_current(s, fam->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	ck_assert_str_eq(((struct cb_stage_record *)list.items[0])->issue, "alcohol");
	ck_assert_str_eq(((struct cb_stage_record *)list.items[0])->stage, "action");
	cb_vec_clear(&list);
	/* A correction is a version; a retraction takes it out of the series. */
	free(d->stage);
	d->stage = cb_strdup("relapse");
	ck_assert_int_eq(cb_store_stage_correct(s, d, &err), 0);
	ck_assert_int_eq(cb_store_stage_history(s, d->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	cb_vec_clear(&list);
	ck_assert_int_eq(cb_store_stage_retract(s, d->id, d->rev.version, "wrong person", &err), 0);
	ck_assert_int_eq(cb_store_stage_current(s, fam->id, &list, &err), 0);
	ck_assert_str_eq(((struct cb_stage_record *)list.items[0])->stage, "preparation");
	cb_vec_clear(&list);
	cb_stage_record_free(&a);
	cb_stage_record_free(&b);
	cb_stage_record_free(&c);
	cb_stage_record_free(&d);
}
END_TEST

static struct cb_rating *
rating(const char *colour, const char *date, const char *why)
{
	struct cb_rating *r = cb_rating_new();

	memcpy(r->family_id, fam->id, CB_UUID_LEN);
	r->rating = cb_strdup(colour);
	r->date = D(date);
	r->context = cb_strdup("visit");
	r->rationale = why != NULL ? cb_strdup(why) : NULL;
	return r;
}

START_TEST(ratings_need_a_rationale)
{
	struct cb_rating *r1 = rating("red", "2026-05-01", NULL);
	struct cb_rating *r2 = rating("amber", "2026-08-01", "Safety plan holding for 6 weeks.");
	struct cb_vec list = CB_VEC_OWNING(cb_rating_free_item);
	struct cb_err err = {0};

	ck_assert_int_ne(cb_store_rating_add(s, r1, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "rationale"));
	r1->rationale = cb_strdup("Incident at home; no safety plan yet.");
	ck_assert_int_eq(cb_store_rating_add(s, r2, &err), 0);
	ck_assert_int_eq(cb_store_rating_add(s, r1, &err), 0);
	free(r1->context);
	r1->context = cb_strdup("tea-party");
	ck_assert_int_ne(cb_store_rating_correct(s, r1, &err), 0);
	ck_assert_int_eq(cb_store_rating_list(s, fam->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	ck_assert_str_eq(((struct cb_rating *)list.items[0])->rating, "red");
	ck_assert_str_eq(((struct cb_rating *)list.items[1])->rating, "amber");
	cb_vec_clear(&list);
	cb_rating_free(&r1);
	cb_rating_free(&r2);
}
END_TEST

static struct cb_meeting *
meeting(const char *date)
{
	struct cb_meeting *m = cb_meeting_new();
	struct cb_err err = {0};

	m->date = D(date);
	memcpy(m->chair_id, chair->id, CB_UUID_LEN);
	memcpy(m->minute_taker_id, bso->id, CB_UUID_LEN);
	ck_assert_msg(cb_store_meeting_add(s, m, &err) == 0, "%s", err.msg);
	return m;
}

static struct cb_meeting_item *
agenda(struct cb_meeting *m, struct cb_family *f, int pos)
{
	struct cb_meeting_item *i = cb_meeting_item_new();
	struct cb_err err = {0};

	memcpy(i->meeting_id, m->id, CB_UUID_LEN);
	memcpy(i->family_id, f->id, CB_UUID_LEN);
	i->position = pos;
	ck_assert_msg(cb_store_item_add(s, i, &err) == 0, "%s", err.msg);
	return i;
}

static struct cb_action *
action(struct cb_meeting *m, const char *text, const char *due)
{
	struct cb_action *a = cb_action_new();
	struct cb_err err = {0};

	memcpy(a->family_id, fam->id, CB_UUID_LEN);
	memcpy(a->meeting_id, m->id, CB_UUID_LEN);
	a->text = cb_strdup(text);
	memcpy(a->owner_id, sw->id, CB_UUID_LEN);
	a->due = D(due);
	ck_assert_msg(cb_store_action_add(s, a, &err) == 0, "%s", err.msg);
	return a;
}

static void
mark(struct cb_meeting *m, struct cb_action *a, const char *outcome, const char *reason,
     int want_rc)
{
	struct cb_action_review *r = cb_action_review_new();
	struct cb_err err = {0};

	memcpy(r->action_id, a->id, CB_UUID_LEN);
	memcpy(r->meeting_id, m->id, CB_UUID_LEN);
	r->outcome = cb_strdup(outcome);
	r->reason = reason != NULL ? cb_strdup(reason) : NULL;
	ck_assert_msg((cb_store_action_review_set(s, r, &err) == 0) == (want_rc == 0), "%s", err.msg);
	cb_action_review_free(&r);
}

static size_t
pulled(struct cb_meeting *m, const char *want_outcome_of_first)
{
	struct cb_vec list = CB_VEC_OWNING(cb_action_free_item);
	struct cb_err err = {0};
	size_t n;

	ck_assert_int_eq(cb_store_action_pull(s, fam->id, m->id, &list, &err), 0);
	n = list.len;
	if (want_outcome_of_first != NULL) {
		ck_assert_uint_ge(n, 1);
		ck_assert_str_eq(((struct cb_action *)list.items[0])->outcome, want_outcome_of_first);
	}
	cb_vec_clear(&list);
	return n;
}

START_TEST(actions_pull_through)
{
	struct cb_meeting *m1 = meeting("2026-10-22"), *m2, *m3;
	struct cb_meeting_item *i1 = agenda(m1, fam, 1), *i2;
	struct cb_action *school = action(m1, "Meet the school about attendance", "2026-11-05");
	struct cb_action *gp = action(m1, "Ask the GP about a referral", "2026-11-30");
	struct cb_err err = {0};

	cb_store_set_actor(s, chair->id);
	ck_assert_int_eq(cb_store_meeting_sign(s, m1, &err), 0);
	m2 = meeting("2026-11-12");
	i2 = agenda(m2, fam, 1);
	/* Both of last time's actions come through, not yet marked. */
	ck_assert_uint_eq(pulled(m2, NULL), 2);
	mark(m2, school, "done", NULL, 0);
	mark(m2, gp, "not-done", NULL, -1); /* needs a reason */
	mark(m2, gp, "not-done", "GP on leave", 0);
	mark(m2, gp, "partly", NULL, 0);     /* a second mark is a new version */
	ck_assert_uint_eq(pulled(m2, "done"), 2);
	ck_assert_int_eq(cb_store_meeting_sign(s, m2, &err), 0);
	/* Next time only the unfinished one returns. */
	m3 = meeting("2026-12-10");
	ck_assert_uint_eq(pulled(m3, NULL), 1);
	cb_meeting_free(&m1);
	cb_meeting_free(&m2);
	cb_meeting_free(&m3);
	cb_meeting_item_free(&i1);
	cb_meeting_item_free(&i2);
	cb_action_free(&school);
	cb_action_free(&gp);
}
END_TEST

/* An action's owner: a worker, a member of the family, or another agency
 * by name; exactly one, and a correction can move it from one to another
 * with the history kept. */
static const struct cb_action *
open_action(struct cb_vec *list, const char *text)
{
	struct cb_err err = {0};
	size_t i;

	cb_vec_clear(list);
	ck_assert_int_eq(cb_store_action_list(s, fam->id, true, list, &err), 0);
	for (i = 0; i < list->len; i++)
		if (cb_streq(((struct cb_action *)list->items[i])->text, text))
			return list->items[i];
	ck_abort_msg("no open action '%s'", text);
	return NULL;
}

START_TEST(action_owners)
{
	struct cb_meeting *m = meeting("2026-10-22");
	struct cb_meeting_item *i = agenda(m, fam, 1);
	struct cb_action *a = cb_action_new(), *bad = cb_action_new();
	struct cb_vec list = CB_VEC_OWNING(cb_action_free_item);
	const struct cb_action *got;
	struct cb_err err = {0};

	/* The mother owns one. */
	memcpy(a->family_id, fam->id, CB_UUID_LEN);
	memcpy(a->meeting_id, m->id, CB_UUID_LEN);
	a->text = cb_strdup("Ring the school about the breakfast club");
	memcpy(a->owner_person_id, mum->id, CB_UUID_LEN);
	a->due = D("2026-11-05");
	ck_assert_msg(cb_store_action_add(s, a, &err) == 0, "%s", err.msg);
	got = open_action(&list, "Ring the school about the breakfast club");
	ck_assert_str_eq(got->owner_person_id, mum->id);
	ck_assert_str_eq(got->owner_id, "");
	ck_assert_str_eq(got->owner_name, "Kerry Price");

	/* Corrected: the school owns it, by name. */
	memset(a->owner_person_id, 0, sizeof a->owner_person_id);
	a->owner_agency = cb_strdup("school");
	a->owner_agency_name = cb_strdup("Oak Primary");
	ck_assert_msg(cb_store_action_correct(s, a, &err) == 0, "%s", err.msg);
	got = open_action(&list, "Ring the school about the breakfast club");
	ck_assert_str_eq(got->owner_name, "Oak Primary (school)");
	ck_assert_str_eq(got->owner_agency, "school");
	ck_assert_int_eq(got->rev.version, 2);

	/* The GP unnamed; another agency only with its name. */
	free(a->owner_agency);
	free(a->owner_agency_name);
	a->owner_agency = cb_strdup("gp");
	a->owner_agency_name = NULL;
	ck_assert_msg(cb_store_action_correct(s, a, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(open_action(&list, a->text)->owner_name, "the GP");
	free(a->owner_agency);
	a->owner_agency = cb_strdup("other");
	ck_assert_int_ne(cb_store_action_correct(s, a, &err), 0);
	ck_assert_int_eq(err.code, CB_EINVAL);
	a->owner_agency_name = cb_strdup("Women's Aid");
	ck_assert_msg(cb_store_action_correct(s, a, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(open_action(&list, a->text)->owner_name, "Women's Aid");

	/* No owner, two owners, an agency of no known kind: refused, and
	 * nothing written. */
	memcpy(bad->family_id, fam->id, CB_UUID_LEN);
	memcpy(bad->meeting_id, m->id, CB_UUID_LEN);
	bad->text = cb_strdup("Nobody's");
	bad->due = D("2026-11-05");
	ck_assert_int_ne(cb_store_action_add(s, bad, &err), 0);
	memcpy(bad->owner_id, sw->id, CB_UUID_LEN);
	memcpy(bad->owner_person_id, child->id, CB_UUID_LEN);
	ck_assert_int_ne(cb_store_action_add(s, bad, &err), 0);
	memset(bad->owner_id, 0, sizeof bad->owner_id);
	memset(bad->owner_person_id, 0, sizeof bad->owner_person_id);
	bad->owner_agency = cb_strdup("church");
	ck_assert_int_ne(cb_store_action_add(s, bad, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	cb_vec_clear(&list);
	ck_assert_int_eq(cb_store_action_list(s, fam->id, false, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);

	/* A member who leaves the record still names the action they own. */
	free(a->owner_agency);
	free(a->owner_agency_name);
	a->owner_agency = NULL;
	a->owner_agency_name = NULL;
	memcpy(a->owner_person_id, child->id, CB_UUID_LEN);
	ck_assert_msg(cb_store_action_correct(s, a, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(cb_store_person_retract(s, child->id, child->rev.version, "Added in error",
	                                         &err), 0);
	ck_assert_str_eq(open_action(&list, a->text)->owner_name, "Zoë Price");
	cb_vec_clear(&list);
	ck_assert_int_eq(cb_store_action_history(s, a->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 5);
	cb_vec_clear(&list);
	cb_action_free(&a);
	cb_action_free(&bad);
	cb_meeting_free(&m);
	cb_meeting_item_free(&i);
}
END_TEST

/* A database from before actions could be owned by anyone but a worker:
 * the upgrade keeps every action, its versions and its owner. */
START_TEST(action_owners_upgrade)
{
	struct cb_store *old = NULL, *keep = s;
	struct cb_worker *tm, *ms;
	struct cb_family *f;
	struct cb_meeting *m = cb_meeting_new();
	struct cb_vec list = CB_VEC_OWNING(cb_action_free_item);
	struct cb_err err = {0};
	sqlite3 *db;
	char *path = tu_path(dir, "before-owners.db"), *sql;

	st_migration_limit = cb_store_schema_known() - 1;
	ck_assert_int_eq(cb_store_open(path, CB_STORE_CREATE, &old, &err), 0);
	s = old;
	tm = worker("Grace Adeyemi", "team-manager");
	ms = worker("Mei Ling Chan", "business-support");
	f = family("FS-9", "Okafor family");
	s = keep;
	m->date = D("2026-09-01");
	memcpy(m->chair_id, tm->id, CB_UUID_LEN);
	memcpy(m->minute_taker_id, ms->id, CB_UUID_LEN);
	ck_assert_msg(cb_store_meeting_add(old, m, &err) == 0, "%s", err.msg);
	cb_store_close(&old);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sql = cb_asprintf("INSERT INTO actions VALUES ('" OLD_ID "', '2026-09-01T10:00:00Z', '%s', "
	                  "'%s', '%s'); INSERT INTO action_versions (row_id, action_id, version, "
	                  "created_at, created_by, body, owner_id, due) VALUES ('" OLD_ROW "', '"
	                  OLD_ID "', 1, '2026-09-01T10:00:00Z', '%s', 'Book the review', '%s', "
	                  "'2026-09-15')",
	                  ms->id, f->id, m->id, ms->id, tm->id);
	ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	sqlite3_close(db);
	st_migration_limit = cb_store_schema_known();
	ck_assert_msg(cb_store_open(path, CB_STORE_OPEN, &old, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(cb_store_schema_version(old), cb_store_schema_known());
	ck_assert_int_eq(cb_store_action_list(old, f->id, false, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	ck_assert_str_eq(((struct cb_action *)list.items[0])->owner_name, "Grace Adeyemi");
	ck_assert_str_eq(((struct cb_action *)list.items[0])->owner_id, tm->id);
	ck_assert_str_eq(((struct cb_action *)list.items[0])->text, "Book the review");
	cb_vec_clear(&list);
	cb_store_close(&old);
	/* History is still append-only. */
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "DELETE FROM action_versions", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE action_versions SET body = 'x'", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	cb_meeting_free(&m);
	cb_family_free(&f);
	cb_worker_free(&tm);
	cb_worker_free(&ms);
	free(path);
}
END_TEST

/* Signing off is decided in the model from data/roles.yaml, whatever
 * screen or command asks: only the chair, in a role that may sign, with
 * the chair's own login or the chair's password just checked. */
START_TEST(sign_off_rules)
{
	struct cb_meeting *m = meeting("2026-10-22");
	struct cb_meeting *by_sw;
	struct cb_err err = {0};

	ck_assert(cb_role_may(rules, "team-manager", CB_ACT_SIGN_MINUTES));
	ck_assert(!cb_role_may(rules, "social-worker", CB_ACT_SIGN_MINUTES));
	ck_assert(!cb_role_may(rules, "business-support", CB_ACT_SIGN_MINUTES));
	ck_assert(!cb_role_may(rules, "team-manager", "fly"));

	/* Not the chair, at the chair's own login: refused. */
	cb_store_set_actor(s, bso->id);
	ck_assert_int_ne(cb_store_meeting_sign(s, m, &err), 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	ck_assert_ptr_nonnull(strstr(err.msg, "only the chair (Grace Adeyemi)"));
	ck_assert(!m->is_signed);

	/* The chair's name at someone else's login: refused. */
	cb_store_set_os_user(s, "mchan");
	ck_assert_msg(cb_store_link_os_user(s, "mchan", bso->id, &err) == 0, "%s", err.msg);
	cb_store_set_actor(s, chair->id);
	ck_assert_int_ne(cb_store_meeting_sign(s, m, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "needs the chair's own login"));
	/* ... and with the password of a login that is not the chair's. */
	cb_store_set_present(s, "mchan");
	ck_assert_int_ne(cb_store_meeting_sign(s, m, &err), 0);
	/* With the chair's password just checked: signed, once. */
	cb_store_set_present(s, "gadeyemi");
	ck_assert_msg(cb_store_meeting_sign(s, m, &err) == 0, "%s", err.msg);
	ck_assert(m->is_signed);

	/* A chair or a minute-taker whose role may not: the meeting is
	 * refused, whatever the screen. */
	by_sw = cb_meeting_new();
	by_sw->date = D("2026-10-29");
	memcpy(by_sw->chair_id, sw->id, CB_UUID_LEN);
	memcpy(by_sw->minute_taker_id, bso->id, CB_UUID_LEN);
	cb_store_set_actor(s, sw->id);
	ck_assert_int_ne(cb_store_meeting_add(s, by_sw, &err), 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	ck_assert_ptr_nonnull(strstr(err.msg, "Imran Chaudhry, a Social worker, may not chair"));
	memcpy(by_sw->chair_id, chair->id, CB_UUID_LEN);
	memcpy(by_sw->minute_taker_id, sw->id, CB_UUID_LEN);
	ck_assert_int_ne(cb_store_meeting_add(s, by_sw, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "may not take the minutes"));
	/* A chair whose role may not sign (a meeting from before the rules,
	 * or another authority's): refused, even at their own login. */
	memcpy(by_sw->chair_id, sw->id, CB_UUID_LEN);
	memcpy(by_sw->minute_taker_id, bso->id, CB_UUID_LEN);
	cb_store_set_rules(s, NULL);
	ck_assert_msg(cb_store_meeting_add(s, by_sw, &err) == 0, "%s", err.msg);
	cb_store_set_rules(s, rules);
	cb_store_set_os_user(s, "ichaudhry");
	ck_assert_msg(cb_store_link_os_user(s, "ichaudhry", sw->id, &err) == 0, "%s", err.msg);
	ck_assert_int_ne(cb_store_meeting_sign(s, by_sw, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "may not sign off minutes"));

	/* Without the rules nothing is signed. */
	cb_store_set_rules(s, NULL);
	cb_store_set_os_user(s, "gadeyemi");
	cb_store_set_actor(s, chair->id);
	cb_meeting_free(&m);
	m = meeting("2026-11-05");
	ck_assert_int_ne(cb_store_meeting_sign(s, m, &err), 0);
	cb_store_set_rules(s, rules);
	cb_meeting_free(&m);
	cb_meeting_free(&by_sw);
}
END_TEST

START_TEST(signed_minutes_are_read_only)
{
	struct cb_meeting *m = meeting("2026-10-22");
	struct cb_meeting_item *i = agenda(m, fam, 1);
	struct cb_attendance *att = cb_attendance_new();
	struct cb_action *a;
	struct cb_addendum *add = cb_addendum_new();
	struct cb_rating *r = rating("amber", "2026-10-22", "Agreed in supervision.");
	struct cb_answer *ans = answer("supervision", "discussion.worries", "Dad's new partner.", 1);
	struct cb_vec list = CB_VEC_OWNING(cb_attendance_free_item);
	struct cb_err err = {0};

	memcpy(att->item_id, i->id, CB_UUID_LEN);
	memcpy(att->worker_id, sw->id, CB_UUID_LEN);
	att->status = cb_strdup("written");
	ck_assert_int_ne(cb_store_attendance_set(s, att, &err), 0); /* no text */
	att->contribution = cb_strdup("Kerry has engaged with every session.");
	ck_assert_int_eq(cb_store_attendance_set(s, att, &err), 0);
	free(att->status);
	att->status = cb_strdup("present");
	ck_assert_int_eq(cb_store_attendance_set(s, att, &err), 0);
	ck_assert_int_eq(cb_store_attendance_list(s, i->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	ck_assert_str_eq(((struct cb_attendance *)list.items[0])->status, "present");
	ck_assert_str_eq(((struct cb_attendance *)list.items[0])->worker_role, "social-worker");
	cb_vec_clear(&list);
	memcpy(ans->meeting_id, m->id, CB_UUID_LEN);
	ck_assert_int_eq(cb_store_answer_save(s, ans, &err), 0);
	a = action(m, "Safety plan review", "2026-11-05");
	{
		/* Until the minutes are signed, an action agreed in error is
		 * retracted with a reason. */
		struct cb_action *twice = action(m, "Safety plan review", "2026-11-05");
		struct cb_vec hist = CB_VEC_OWNING(cb_action_free_item);

		ck_assert_int_ne(cb_store_action_retract(s, twice->id, twice->rev.version, " ", &err), 0);
		ck_assert_msg(cb_store_action_retract(s, twice->id, twice->rev.version, "entered twice",
		                                      &err) == 0,
		              "%s", err.msg);
		ck_assert_int_eq(cb_store_action_history(s, twice->id, &hist, &err), 0);
		ck_assert_uint_eq(hist.len, 2);
		ck_assert(((struct cb_action *)hist.items[1])->rev.retracted);
		cb_vec_clear(&hist);
		cb_action_free(&twice);
	}

	/* Only the chair signs. */
	ck_assert_int_ne(cb_store_meeting_sign(s, m, &err), 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	ck_assert_ptr_nonnull(strstr(err.msg, "Grace Adeyemi"));
	/* Addenda only once signed. */
	memcpy(add->meeting_id, m->id, CB_UUID_LEN);
	add->text = cb_strdup("Correction: the GP is Dr Okafor.");
	ck_assert_int_ne(cb_store_addendum_add(s, add, &err), 0);
	cb_store_set_actor(s, chair->id);
	ck_assert_int_eq(cb_store_meeting_sign(s, m, &err), 0);
	ck_assert(m->is_signed);
	ck_assert_int_ne(cb_store_meeting_sign(s, m, &err), 0);

	/* Everything that belongs to the meeting now refuses. */
	ck_assert_int_ne(cb_store_attendance_set(s, att, &err), 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	ck_assert_ptr_nonnull(strstr(err.msg, "addendum"));
	free(a->text);
	a->text = cb_strdup("Changed afterwards");
	ck_assert_int_ne(cb_store_action_correct(s, a, &err), 0);
	/* Nor can what was agreed or said in them be retracted. */
	ck_assert_int_ne(cb_store_action_retract(s, a->id, a->rev.version, "agreed in error", &err),
	                 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	ck_assert_int_ne(cb_store_answer_retract(s, ans->id, ans->rev.version, "said of another family",
	                                         &err),
	                 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	memcpy(r->meeting_id, m->id, CB_UUID_LEN);
	ck_assert_int_ne(cb_store_rating_add(s, r, &err), 0);
	free(ans->value);
	ans->value = cb_strdup("rewritten");
	ck_assert_int_ne(cb_store_answer_save(s, ans, &err), 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	ck_assert_int_eq(cb_store_addendum_add(s, add, &err), 0);
	{
		struct cb_vec adds = CB_VEC_OWNING(cb_addendum_free_item);

		ck_assert_int_eq(cb_store_addendum_list(s, m->id, NULL, &adds, &err), 0);
		ck_assert_uint_eq(adds.len, 1);
		ck_assert_str_eq(((struct cb_addendum *)adds.items[0])->rev.created_by_name,
		                 "Grace Adeyemi");
		cb_vec_clear(&adds);
	}
	cb_answer_free(&ans);
	cb_rating_free(&r);
	cb_addendum_free(&add);
	cb_action_free(&a);
	cb_attendance_free(&att);
	cb_meeting_item_free(&i);
	cb_meeting_free(&m);
}
END_TEST

START_TEST(agenda_items_come_off_and_move)
{
	struct cb_meeting *m = meeting("2026-11-12");
	struct cb_meeting_item *a = agenda(m, fam, 1), *b = agenda(m, other, 2), *again;
	struct cb_rating *r = rating("red", "2026-11-12", "Agreed in supervision.");
	struct cb_vec list = CB_VEC_OWNING(cb_meeting_item_free_item);
	struct cb_err err = {0};

	/* Moving swaps places: two new versions, in one go. */
	ck_assert_msg(cb_store_item_swap(s, b, a, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(cb_store_item_list(s, m->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	ck_assert_str_eq(((struct cb_meeting_item *)list.items[0])->family_id, other->id);
	ck_assert_int_eq(((struct cb_meeting_item *)list.items[0])->rev.version, 2);
	cb_vec_clear(&list);
	/* Taking off needs a reason, and keeps the item in the history. */
	ck_assert_int_ne(cb_store_item_retract(s, b, "", &err), 0);
	ck_assert_msg(cb_store_item_retract(s, b, "added by mistake", &err) == 0, "%s", err.msg);
	ck_assert_int_eq(cb_store_item_list(s, m->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	ck_assert_str_eq(((struct cb_meeting_item *)list.items[0])->family_id, fam->id);
	cb_vec_clear(&list);
	/* Put back: the same item again, not a second one. */
	again = cb_meeting_item_new();
	memcpy(again->meeting_id, m->id, CB_UUID_LEN);
	memcpy(again->family_id, other->id, CB_UUID_LEN);
	again->position = 3;
	ck_assert_msg(cb_store_item_add(s, again, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(again->id, b->id);
	ck_assert_int_ne(cb_store_item_add(s, again, &err), 0);
	ck_assert_int_eq(err.code, CB_EEXIST);
	ck_assert_int_eq(cb_store_item_list(s, m->id, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	cb_vec_clear(&list);

	/* A rating agreed in the meeting can be retracted until the chair
	 * signs; then it cannot, and nor can the agenda change. */
	memcpy(r->meeting_id, m->id, CB_UUID_LEN);
	/* Recorded as agreed in supervision: not by a role that may not. */
	cb_store_set_actor(s, sw->id);
	ck_assert_int_ne(cb_store_rating_add(s, r, &err), 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	ck_assert_ptr_nonnull(strstr(err.msg, "may not record a rating as agreed"));
	cb_store_set_actor(s, bso->id);
	ck_assert_msg(cb_store_rating_add(s, r, &err) == 0, "%s", err.msg);
	cb_store_set_actor(s, chair->id);
	ck_assert_int_eq(cb_store_meeting_sign(s, m, &err), 0);
	ck_assert_int_ne(cb_store_rating_retract(s, r->id, r->rev.version, "wrong colour", &err), 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	ck_assert_int_ne(cb_store_item_retract(s, a, "late change", &err), 0);
	ck_assert_int_eq(err.code, CB_EPERM);
	cb_rating_free(&r);
	cb_meeting_item_free(&a);
	cb_meeting_item_free(&b);
	cb_meeting_item_free(&again);
	cb_meeting_free(&m);
}
END_TEST

START_TEST(caseload_rows)
{
	struct cb_caseload_query q = {NULL, NULL, CB_SORT_REFERENCE, {2026, 11, 27}};
	struct cb_vec rows = CB_VEC_OWNING(cb_caseload_row_free_item);
	struct cb_rating *r = rating("red", "2026-10-01", "Incident.");
	struct cb_meeting *m = meeting("2026-10-22");
	struct cb_meeting_item *i = agenda(m, fam, 1);
	struct cb_action *a = action(m, "Overdue thing", "2026-11-01");
	struct cb_action *b = action(m, "Not yet due", "2026-12-01");
	struct cb_status *st = cb_status_new();
	struct cb_caseload_row *row;
	struct cb_err err = {0};
	size_t n;

	memcpy(st->person_id, child->id, CB_UUID_LEN);
	st->status = cb_strdup("cp");
	st->from = D("2026-05-01");
	st->cp_category = cb_strdup("EMO");
	ck_assert_int_eq(cb_store_status_add(s, st, &err), 0);
	ck_assert_int_eq(cb_store_rating_add(s, r, &err), 0);

	ck_assert_int_eq(cb_store_caseload_count(s, &q, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	q.worker_id = sw->id;
	ck_assert_int_eq(cb_store_caseload_count(s, &q, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(cb_store_caseload(s, &q, 0, 10, &rows, &err), 0);
	row = rows.items[0];
	ck_assert_str_eq(row->reference, "FS-1");
	ck_assert_str_eq(row->statuses, "CP");
	ck_assert_str_eq(row->rating, "red");
	ck_assert_int_eq(row->last_supervision.m, 10);
	ck_assert_int_eq(row->overdue, 1);
	cb_vec_clear(&rows);
	q.worker_id = NULL;
	q.filter = "nguy";
	ck_assert_int_eq(cb_store_caseload(s, &q, 0, 10, &rows, &err), 0);
	ck_assert_uint_eq(rows.len, 1);
	ck_assert_str_eq(((struct cb_caseload_row *)rows.items[0])->reference, "FS-2");
	ck_assert_ptr_null(((struct cb_caseload_row *)rows.items[0])->rating);
	cb_vec_clear(&rows);
	q.filter = "50%";
	ck_assert_int_eq(cb_store_caseload_count(s, &q, &n, &err), 0);
	ck_assert_uint_eq(n, 0);
	q.filter = NULL;
	q.sort = CB_SORT_SUPERVISION; /* never supervised first */
	ck_assert_int_eq(cb_store_caseload(s, &q, 0, 1, &rows, &err), 0);
	ck_assert_str_eq(((struct cb_caseload_row *)rows.items[0])->reference, "FS-2");
	cb_vec_clear(&rows);
	ck_assert_int_eq(cb_store_caseload(s, &q, 1, 1, &rows, &err), 0);
	ck_assert_str_eq(((struct cb_caseload_row *)rows.items[0])->reference, "FS-1");
	cb_vec_clear(&rows);
	cb_status_free(&st);
	cb_rating_free(&r);
	cb_action_free(&a);
	cb_action_free(&b);
	cb_meeting_item_free(&i);
	cb_meeting_free(&m);
}
END_TEST

START_TEST(chronology_merges_everything)
{
	struct cb_note *n = cb_note_new(), *sig = cb_note_new();
	struct cb_rating *r = rating("amber", "2026-08-01", "Plan holding.");
	struct cb_stage_record *x = stage("alcohol", "action", "2026-07-01", NULL);
	struct cb_vec ev = CB_VEC_OWNING(cb_event_free_item);
	struct cb_err err = {0};
	size_t count;

	memcpy(n->family_id, fam->id, CB_UUID_LEN);
	n->date = D("2026-06-01");
	n->kind = cb_strdup("home-visit");
	n->text = cb_strdup("Visit.");
	memcpy(sig->family_id, fam->id, CB_UUID_LEN);
	sig->date = D("2026-09-01");
	sig->kind = cb_strdup("phone-call");
	sig->text = cb_strdup("Police called.");
	sig->significant = true;
	ck_assert_int_eq(cb_store_note_add(s, n, &err), 0);
	ck_assert_int_eq(cb_store_note_add(s, sig, &err), 0);
	ck_assert_int_eq(cb_store_rating_add(s, r, &err), 0);
	ck_assert_int_eq(cb_store_stage_add(s, x, &err), 0);
	ck_assert_int_eq(cb_store_chronology_count(s, fam->id, false, &count, &err), 0);
	ck_assert_uint_eq(count, 4);
	ck_assert_int_eq(cb_store_chronology(s, fam->id, false, 0, 2, &ev, &err), 0);
	ck_assert_uint_eq(ev.len, 2);
	ck_assert_str_eq(((struct cb_event *)ev.items[0])->kind, "note");
	ck_assert_int_eq(((struct cb_event *)ev.items[0])->date.m, 9);
	ck_assert_str_eq(((struct cb_event *)ev.items[1])->kind, "rating");
	cb_vec_clear(&ev);
	ck_assert_int_eq(cb_store_chronology(s, fam->id, false, 2, 10, &ev, &err), 0);
	ck_assert_uint_eq(ev.len, 2);
	ck_assert_str_eq(((struct cb_event *)ev.items[1])->kind, "note");
	cb_vec_clear(&ev);
	ck_assert_int_eq(cb_store_chronology_count(s, fam->id, true, &count, &err), 0);
	ck_assert_uint_eq(count, 1);
	cb_note_free(&n);
	cb_note_free(&sig);
	cb_rating_free(&r);
	cb_stage_record_free(&x);
}
END_TEST

START_TEST(drafts_belong_to_their_writer)
{
	struct cb_draft d = {0}, *got = NULL;
	struct cb_vec list = CB_VEC_OWNING(cb_draft_free_item);
	struct cb_err err = {0};

	d.key = "note:new";
	memcpy(d.family_id, fam->id, CB_UUID_LEN);
	d.title = "New note for FS-1";
	d.body = "Half a sentence";
	ck_assert_int_eq(cb_store_draft_put(s, &d, &err), 0);
	d.body = "Half a sentence, then more";
	ck_assert_int_eq(cb_store_draft_put(s, &d, &err), 0);
	ck_assert_int_eq(cb_store_draft_get(s, "note:new", &got, &err), 0);
	ck_assert_str_eq(got->body, "Half a sentence, then more");
	cb_draft_free(&got);
	cb_store_set_actor(s, bso->id);
	ck_assert_int_eq(cb_store_draft_list(s, &list, &err), 0);
	ck_assert_uint_eq(list.len, 0);
	cb_store_set_actor(s, sw->id);
	ck_assert_int_eq(cb_store_draft_list(s, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	cb_vec_clear(&list);
	ck_assert_int_eq(cb_store_draft_drop(s, "note:new", &err), 0);
	ck_assert_int_eq(cb_store_draft_get(s, "note:new", &got, &err), 0);
	ck_assert_ptr_null(got);
}
END_TEST

static int
draft_rows(void)
{
	sqlite3_stmt *st;
	int n;

	ck_assert_int_eq(sqlite3_prepare_v2(s->db, "SELECT count(*) FROM drafts", -1, &st, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Two terminals of the same worker, each writing a new note for the same
 * family: each editing session keeps its own draft, neither overwrites
 * the other's. A running casebook's drafts are its own; those of one that
 * closed, or was killed, are offered to the next. */
START_TEST(drafts_belong_to_their_session)
{
	struct cb_store *s2 = NULL;
	struct cb_draft d = {0}, *got = NULL;
	struct cb_vec list = CB_VEC_OWNING(cb_draft_free_item);
	struct cb_err err = {0};
	pid_t killed;
	int status;

	ck_assert_msg(cb_store_open(dbpath, CB_STORE_OPEN, &s2, &err) == 0, "%s", err.msg);
	cb_store_set_actor(s2, sw->id);
	d.key = "note:new";
	memcpy(d.family_id, fam->id, CB_UUID_LEN);
	d.title = "New note for FS-1";
	d.body = "Typed in the first terminal";
	ck_assert_int_eq(cb_store_draft_put(s, &d, &err), 0);
	d.body = "Typed in the second terminal";
	ck_assert_int_eq(cb_store_draft_put(s2, &d, &err), 0);
	ck_assert_int_eq(draft_rows(), 2);
	ck_assert_int_eq(cb_store_draft_get(s, "note:new", &got, &err), 0);
	ck_assert_str_eq(got->body, "Typed in the first terminal");
	ck_assert(cb_store_draft_is_mine(s, got));
	cb_draft_free(&got);
	ck_assert_int_eq(cb_store_draft_get(s2, "note:new", &got, &err), 0);
	ck_assert_str_eq(got->body, "Typed in the second terminal");
	cb_draft_free(&got);
	/* While the second is open, the first is not offered its text. */
	ck_assert_int_eq(cb_store_draft_list(s, &list, &err), 0);
	ck_assert_uint_eq(list.len, 1);
	cb_vec_clear(&list);
	/* Saving in the first drops only the first's draft. */
	ck_assert_int_eq(cb_store_draft_drop(s, "note:new", &err), 0);
	ck_assert_int_eq(draft_rows(), 1);
	ck_assert_int_eq(cb_store_draft_get(s, "note:new", &got, &err), 0);
	ck_assert_ptr_null(got);
	/* The second closes: its draft is offered to the first, which takes it over. */
	cb_store_close(&s2);
	ck_assert_int_eq(cb_store_draft_get(s, "note:new", &got, &err), 0);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got->body, "Typed in the second terminal");
	ck_assert(!cb_store_draft_is_mine(s, got));
	ck_assert_int_eq(cb_store_draft_adopt(s, got, &err), 0);
	cb_draft_free(&got);
	ck_assert_int_eq(cb_store_draft_get(s, "note:new", &got, &err), 0);
	ck_assert(cb_store_draft_is_mine(s, got));
	cb_draft_free(&got);

	/* A casebook killed while typing: its process has gone. */
	killed = fork();
	ck_assert_int_ge(killed, 0);
	if (killed == 0) {
		struct cb_store *k = NULL;
		struct cb_draft kd = {0};

		if (cb_store_open(dbpath, CB_STORE_OPEN, &k, &err) != 0)
			_exit(1);
		cb_store_set_actor(k, sw->id);
		kd.key = "goal:new";
		kd.title = "A goal";
		kd.body = "Typed before the kill";
		_exit(cb_store_draft_put(k, &kd, &err) == 0 ? 0 : 2);
	}
	ck_assert_int_eq(waitpid(killed, &status, 0), killed);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(cb_store_draft_list(s, &list, &err), 0);
	ck_assert_uint_eq(list.len, 2);
	ck_assert_str_eq(((struct cb_draft *)list.items[0])->body, "Typed before the kill");
	ck_assert_int_eq(cb_store_draft_discard(s, list.items[0], &err), 0);
	cb_vec_clear(&list);
	ck_assert_int_eq(draft_rows(), 1);
}
END_TEST

static Suite *
series_suite(void)
{
	Suite *su = suite_create("series");
	TCase *tc = tcase_create("series");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, upgrade_from_first_version);
	tcase_add_test(tc, answers_are_versioned_per_key);
	tcase_add_test(tc, progress_counts_sessions_and_marks);
	tcase_add_test(tc, goals_and_reviews);
	tcase_add_test(tc, stages_are_a_series);
	tcase_add_test(tc, ratings_need_a_rationale);
	tcase_add_test(tc, actions_pull_through);
	tcase_add_test(tc, action_owners);
	tcase_add_test(tc, action_owners_upgrade);
	tcase_add_test(tc, signed_minutes_are_read_only);
	tcase_add_test(tc, sign_off_rules);
	tcase_add_test(tc, agenda_items_come_off_and_move);
	tcase_add_test(tc, caseload_rows);
	tcase_add_test(tc, chronology_merges_everything);
	tcase_add_test(tc, drafts_belong_to_their_writer);
	tcase_add_test(tc, drafts_belong_to_their_session);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	return tu_run(series_suite());
}
