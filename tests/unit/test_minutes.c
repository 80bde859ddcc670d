/* SPDX-License-Identifier: MIT */
/* The rules of minute-taking (src/model/minute_taking.c), no terminal:
 * which families are due, the agenda picker's order, the clock, the
 * attendance cycle, prepared contributions, stages and ratings "as last
 * time". */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/date.h"
#include "casebook/mem.h"
#include "casebook/minute_taking.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/stage.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "testutil.h"

static struct cb_date
D(const char *text)
{
	struct cb_date d;

	ck_assert_int_eq(cb_date_parse(text, &d, NULL), 0);
	return d;
}

static const struct cb_date NEVER = {0, 0, 0};

START_TEST(due_states)
{
	struct cb_date today = D("2026-11-20");

	ck_assert_int_eq(cb_sup_due(NEVER, today), CB_SUP_NEVER);
	ck_assert_int_eq(cb_sup_due(D("2026-11-20"), today), CB_SUP_RECENT);
	ck_assert_int_eq(cb_sup_due(D("2026-10-31"), today), CB_SUP_RECENT); /* 20 days */
	ck_assert_int_eq(cb_sup_due(D("2026-10-30"), today), CB_SUP_DUE);    /* 21 days */
	ck_assert_int_eq(cb_sup_due(D("2026-10-20"), today), CB_SUP_DUE);    /* 31 days */
	ck_assert_int_eq(cb_sup_due(D("2026-10-19"), today), CB_SUP_OVERDUE); /* 32 days */
	/* A meeting dated after "today" (minuting a future date) is recent. */
	ck_assert_int_eq(cb_sup_due(D("2026-12-01"), today), CB_SUP_RECENT);
}
END_TEST

START_TEST(agenda_order)
{
	struct cb_date today = D("2026-11-20");
	struct cb_agenda_candidate c[] = {
		{D("2026-11-10"), false}, /* 0 recent */
		{D("2026-10-25"), false}, /* 1 due, 26 days */
		{NEVER, false},           /* 2 never */
		{D("2026-09-01"), false}, /* 3 overdue, longest */
		{D("2026-10-01"), true},  /* 4 overdue but on the agenda */
		{D("2026-10-10"), false}, /* 5 overdue, 41 days */
		{NEVER, false},           /* 6 never, after 2 */
		{D("2026-10-28"), false}, /* 7 due, 23 days */
	};
	size_t order[8], n;

	n = cb_agenda_order(c, 8, today, order);
	ck_assert_uint_eq(n, 7);
	ck_assert_uint_eq(order[0], 2);
	ck_assert_uint_eq(order[1], 6);
	ck_assert_uint_eq(order[2], 3);
	ck_assert_uint_eq(order[3], 5);
	ck_assert_uint_eq(order[4], 1);
	ck_assert_uint_eq(order[5], 7);
	ck_assert_uint_eq(order[6], 0);
	ck_assert_uint_eq(cb_agenda_order(c, 0, today, order), 0);
}
END_TEST

START_TEST(agenda_all_on)
{
	struct cb_agenda_candidate c[] = {{NEVER, true}, {D("2026-01-01"), true}};
	size_t order[2];

	ck_assert_uint_eq(cb_agenda_order(c, 2, D("2026-11-20"), order), 0);
}
END_TEST

START_TEST(timer_counts)
{
	struct cb_timer t = {0};
	char buf[32];

	/* Not started: counts nothing. */
	ck_assert_int_eq(cb_timer_total(&t, 500), 0);
	ck_assert(!cb_timer_save_due(&t, 500));
	cb_timer_start(&t, 90, 1000);
	ck_assert_int_eq(cb_timer_total(&t, 1000), 90);
	ck_assert_int_eq(cb_timer_total(&t, 1030), 120);
	ck_assert(!cb_timer_save_due(&t, 1059));
	ck_assert(cb_timer_save_due(&t, 1060));
	cb_timer_saved(&t, 1060);
	ck_assert_int_eq(t.saved, 150);
	ck_assert_int_eq(cb_timer_total(&t, 1060), 150);
	ck_assert_int_eq(cb_timer_total(&t, 1070), 160);
	ck_assert(!cb_timer_save_due(&t, 1100));
	ck_assert(cb_timer_save_due(&t, 1120));
	/* A clock that went backwards adds nothing and takes nothing. */
	ck_assert_int_eq(cb_timer_total(&t, 900), 150);
	cb_timer_stop(&t, 1075);
	ck_assert(!t.running);
	ck_assert_int_eq(t.saved, 165);
	ck_assert_int_eq(cb_timer_total(&t, 5000), 165);
	ck_assert(!cb_timer_save_due(&t, 5000));
	/* Negative saved time is taken as none. */
	cb_timer_start(&t, -5, 10);
	ck_assert_int_eq(cb_timer_total(&t, 10), 0);
	cb_timer_format(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "0:00");
	cb_timer_format(7, buf, sizeof buf);
	ck_assert_str_eq(buf, "0:07");
	cb_timer_format(754, buf, sizeof buf);
	ck_assert_str_eq(buf, "12:34");
	cb_timer_format(3723, buf, sizeof buf);
	ck_assert_str_eq(buf, "1:02:03");
	cb_timer_format(-3, buf, sizeof buf);
	ck_assert_str_eq(buf, "0:00");
}
END_TEST

START_TEST(timer_unchanged_not_saved)
{
	struct cb_timer t = {0};

	cb_timer_start(&t, 60, 100);
	/* Running, a minute gone: due. Stopped at once: nothing to add. */
	ck_assert(cb_timer_save_due(&t, 160));
	cb_timer_stop(&t, 100);
	ck_assert(!cb_timer_save_due(&t, 1000));
}
END_TEST

START_TEST(attendance_cycle)
{
	ck_assert_str_eq(cb_attendance_next(NULL), "present");
	ck_assert_str_eq(cb_attendance_next("present"), "apologies");
	ck_assert_str_eq(cb_attendance_next("apologies"), "written");
	ck_assert_str_eq(cb_attendance_next("written"), "present");
	ck_assert_str_eq(cb_attendance_next("something-old"), "present");
}
END_TEST

static struct cb_note *
note(const char *kind, const char *author, const char *date, const char *stamp, const char *text)
{
	struct cb_note *n = cb_note_new();

	n->kind = cb_strdup(kind);
	snprintf(n->author_id, sizeof n->author_id, "%s", author);
	n->date = D(date);
	snprintf(n->rev.created_at, sizeof n->rev.created_at, "%s", stamp);
	n->text = cb_strdup(text);
	return n;
}

START_TEST(contribution_found)
{
	struct cb_vec notes = CB_VEC_OWNING(cb_note_free_item);
	const struct cb_note *n;
	struct cb_date prev = D("2026-10-22"), until = D("2026-11-20");

	/* Newest first, as the store lists them. */
	cb_vec_push(&notes, note("contribution", "W1", "2026-11-21", "2026-11-21T09:00:00.000Z",
	                         "after the meeting"));
	cb_vec_push(&notes, note("contribution", "W1", "2026-11-18", "2026-11-18T10:00:00.000Z",
	                         "second on the 18th"));
	cb_vec_push(&notes, note("contribution", "W1", "2026-11-18", "2026-11-18T09:00:00.000Z",
	                         "first on the 18th"));
	cb_vec_push(&notes, note("home-visit", "W1", "2026-11-19", "2026-11-19T09:00:00.000Z",
	                         "a visit, not a contribution"));
	cb_vec_push(&notes, note("contribution", "W2", "2026-11-19", "2026-11-19T09:00:00.000Z",
	                         "someone else's"));
	cb_vec_push(&notes, note("contribution", "W3", "2026-10-22", "2026-10-22T09:00:00.000Z",
	                         "for the last meeting"));
	cb_vec_push(&notes, note("contribution", "W4", "2026-11-10", "2026-11-10T09:00:00.000Z",
	                         "   "));

	n = cb_contribution_find(&notes, "W1", prev, until);
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq(n->text, "second on the 18th");
	n = cb_contribution_find(&notes, "W2", prev, until);
	ck_assert_ptr_nonnull(n);
	ck_assert_str_eq(n->text, "someone else's");
	/* Written on the day of the previous meeting: that meeting's. */
	ck_assert_ptr_null(cb_contribution_find(&notes, "W3", prev, until));
	/* With no previous meeting anything before this one counts. */
	ck_assert_ptr_nonnull(cb_contribution_find(&notes, "W3", NEVER, until));
	/* Blank text is no contribution. */
	ck_assert_ptr_null(cb_contribution_find(&notes, "W4", prev, until));
	ck_assert_ptr_null(cb_contribution_find(&notes, "W9", prev, until));
	cb_vec_clear(&notes);
}
END_TEST

START_TEST(previous_meeting)
{
	struct cb_date dates[] = {D("2026-12-18"), D("2026-11-20"), D("2026-10-22"), D("2026-09-24")};
	const char *ids[] = {"dec", "nov", "oct", "sep"};
	struct cb_date d;

	d = cb_meeting_before(dates, ids, 4, "nov", D("2026-11-20"));
	ck_assert_int_eq(cb_date_cmp(d, D("2026-10-22")), 0);
	d = cb_meeting_before(dates, ids, 4, "sep", D("2026-09-24"));
	ck_assert(!cb_date_valid(d));
	/* A meeting not yet in the list (new, no families yet). */
	d = cb_meeting_before(dates, ids, 4, "new", D("2027-01-15"));
	ck_assert_int_eq(cb_date_cmp(d, D("2026-12-18")), 0);
	d = cb_meeting_before(dates, ids, 0, "new", D("2027-01-15"));
	ck_assert(!cb_date_valid(d));
}
END_TEST

static struct cb_stage_record *
stage(const char *id, const char *person, const char *name, const char *issue, const char *st,
      const char *date, const char *meeting, const char *evidence)
{
	struct cb_stage_record *r = cb_stage_record_new();

	snprintf(r->id, sizeof r->id, "%s", id);
	snprintf(r->person_id, sizeof r->person_id, "%s", person);
	snprintf(r->meeting_id, sizeof r->meeting_id, "%s", meeting);
	r->person_name = cb_strdup(name);
	r->issue = cb_strdup(issue);
	r->stage = cb_strdup(st);
	r->date = D(date);
	r->evidence = cb_strdup(evidence);
	return r;
}

START_TEST(stage_lines)
{
	struct cb_vec recs = CB_VEC_OWNING(cb_stage_record_free_item);
	struct cb_vec lines = CB_VEC_OWNING(free);
	const char *ids[] = {"mum", "dad", "gran"};
	const char *names[] = {"Zoë", "Ryan", "Gran"};
	const struct cb_stage_line *l;

	/* Oldest first. */
	cb_vec_push(&recs, stage("r1", "dad", "Ryan", "alcohol", "contemplation", "2026-09-01", "",
	                         "talks about it"));
	cb_vec_push(&recs, stage("r2", "dad", "Ryan", "abusive-behaviour", "action", "2026-10-22",
	                         "oct", "group"));
	cb_vec_push(&recs, stage("r3", "mum", "Zoë", "safety-from-abuse", "action", "2026-10-22",
	                         "oct", "plan used"));
	cb_vec_push(&recs, stage("r4", "dad", "Ryan", "alcohol", "preparation", "2026-10-22", "oct",
	                         "booked"));
	cb_vec_push(&recs, stage("r5", "dad", "Ryan", "alcohol", "action", "2026-11-20", "nov",
	                         "going"));
	/* After the meeting's date: not "last time" for it. */
	cb_vec_push(&recs, stage("r6", "mum", "Zoë", "safety-from-abuse", "maintenance",
	                         "2026-11-25", "", "later visit"));
	cb_vec_push(&recs, stage("r7", "old", "Someone gone", "drugs", "relapse", "2026-08-01", "",
	                         "kept"));

	cb_stage_lines(ids, names, 3, &recs, "nov", D("2026-11-20"), &lines);
	ck_assert_uint_eq(lines.len, 5);
	l = lines.items[0];
	ck_assert_str_eq(l->person_id, "mum");
	ck_assert_str_eq(l->issue, "safety-from-abuse");
	ck_assert_str_eq(l->before->id, "r3");
	ck_assert_ptr_null(l->today);
	l = lines.items[1];
	ck_assert_str_eq(l->person_name, "Ryan");
	ck_assert_str_eq(l->issue, "alcohol");
	ck_assert_str_eq(l->before->id, "r4");
	ck_assert_str_eq(l->today->id, "r5");
	l = lines.items[2];
	ck_assert_str_eq(l->issue, "abusive-behaviour");
	ck_assert_str_eq(l->before->id, "r2");
	ck_assert_ptr_null(l->today);
	l = lines.items[3];
	ck_assert_str_eq(l->person_id, "gran");
	ck_assert_ptr_null(l->issue);
	ck_assert_ptr_null(l->before);
	l = lines.items[4];
	ck_assert_str_eq(l->person_id, "old");
	ck_assert_str_eq(l->person_name, "Someone gone");
	ck_assert_str_eq(l->before->id, "r7");
	cb_vec_clear(&lines);

	/* No adults and no records: nothing. */
	cb_stage_lines(ids, names, 0, &(struct cb_vec)CB_VEC_BORROWING, "nov", D("2026-11-20"),
	               &lines);
	ck_assert_uint_eq(lines.len, 0);
	cb_vec_clear(&lines);
	cb_vec_clear(&recs);
}
END_TEST

START_TEST(confirm_evidence)
{
	struct cb_stage_record *r = stage("fc6c09dd-89ed-4651-88d2-2fcaf55dbc7d", "dad", "Ryan",
	                                  "alcohol", "action", "2026-10-22", "oct", "Six weeks dry.");
	char *e = cb_stage_confirm_evidence(r);

	ck_assert(cb_str_startswith(e, "Confirmed in group supervision"));
	ck_assert_ptr_nonnull(strstr(e, "2026-10-22"));
	ck_assert_ptr_nonnull(strstr(e, "fc6c09dd"));
	ck_assert_ptr_null(strstr(e, "89ed"));
	ck_assert_ptr_nonnull(strstr(e, "Six weeks dry."));
	free(e);
	e = cb_stage_confirm_evidence(NULL);
	ck_assert(cb_str_startswith(e, "Confirmed in group supervision"));
	free(e);
	cb_stage_record_free(&r);
}
END_TEST

static struct cb_rating *
rating(const char *id, const char *colour, const char *date, const char *meeting)
{
	struct cb_rating *r = cb_rating_new();

	snprintf(r->id, sizeof r->id, "%s", id);
	snprintf(r->meeting_id, sizeof r->meeting_id, "%s", meeting);
	r->rating = cb_strdup(colour);
	r->date = D(date);
	return r;
}

START_TEST(rating_split)
{
	struct cb_vec rs = CB_VEC_OWNING(cb_rating_free_item);
	const struct cb_rating *before, *today;

	cb_rating_split(&rs, "nov", D("2026-11-20"), &before, &today);
	ck_assert_ptr_null(before);
	ck_assert_ptr_null(today);
	cb_vec_push(&rs, rating("a", "red", "2026-09-01", ""));
	cb_vec_push(&rs, rating("b", "amber", "2026-10-22", "oct"));
	cb_vec_push(&rs, rating("c", "green", "2026-11-20", "nov"));
	cb_vec_push(&rs, rating("d", "red", "2026-11-30", ""));
	cb_rating_split(&rs, "nov", D("2026-11-20"), &before, &today);
	ck_assert_str_eq(before->id, "b");
	ck_assert_str_eq(today->id, "c");
	cb_rating_split(&rs, "oct", D("2026-10-22"), &before, &today);
	ck_assert_str_eq(before->id, "a");
	ck_assert_str_eq(today->id, "b");
	cb_vec_clear(&rs);
}
END_TEST

START_TEST(names_join)
{
	const char *names[] = {"Imran Chaudhry", NULL, "Marisol Ortega", " ", "Zoë"};
	char *s = cb_names_join(names, 5);

	ck_assert_str_eq(s, "Imran Chaudhry, Marisol Ortega, Zoë");
	free(s);
	s = cb_names_join(names, 0);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

static Suite *
suite(void)
{
	Suite *su = suite_create("minutes");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, due_states);
	tcase_add_test(tc, agenda_order);
	tcase_add_test(tc, agenda_all_on);
	tcase_add_test(tc, timer_counts);
	tcase_add_test(tc, timer_unchanged_not_saved);
	tcase_add_test(tc, attendance_cycle);
	tcase_add_test(tc, contribution_found);
	tcase_add_test(tc, previous_meeting);
	tcase_add_test(tc, stage_lines);
	tcase_add_test(tc, confirm_evidence);
	tcase_add_test(tc, rating_split);
	tcase_add_test(tc, names_join);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	return tu_run(suite());
}
