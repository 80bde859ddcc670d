/* SPDX-License-Identifier: MIT */
/* model: a module laid out for one family (module_form.c): blocks per
 * person, answers in their places, and every answer that has lost its
 * place kept at the end as retired. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/family.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/module_form.h"
#include "casebook/vec.h"
#include "casebook/workbook.h"
#include "testutil.h"

static const char module_yaml[] =
	"id: test-module\n"
	"version: 2\n"
	"order: 1\n"
	"title: A test module\n"
	"purpose: For the tests.\n"
	"led_by: [social-worker]\n"
	"sections:\n"
	"  - id: family\n"
	"    title: The family\n"
	"    applies_to: family\n"
	"    fields:\n"
	"      - {id: story, type: longtext, label: Their story, required: true}\n"
	"      - {id: worry, type: choice, label: Worry, choices: [low, high]}\n"
	"      - {id: goals, type: goals, label: Goals}\n"
	"  - id: adults\n"
	"    title: Each adult\n"
	"    applies_to: each-adult\n"
	"    fields:\n"
	"      - {id: view, type: longtext, label: Their view, required: true}\n"
	"      - {id: stage, type: stage-of-change, label: Stage}\n"
	"  - id: children\n"
	"    title: Each child\n"
	"    applies_to: each-child\n"
	"    fields:\n"
	"      - {id: voice, type: text, label: The child's voice}\n";

static struct cb_module *mod;
static struct cb_vec people, answers;
static struct cb_form form;

static struct cb_person *
person(const char *id, const char *name, enum cb_member_role role)
{
	struct cb_person *p = cb_person_new();

	strcpy(p->id, id);
	p->name = cb_strdup(name);
	p->role = role;
	cb_vec_push(&people, p);
	return p;
}

static struct cb_answer *
answer(const char *key, const char *person_id, const char *value)
{
	struct cb_answer *a = cb_answer_new();

	a->module_id = cb_strdup("test-module");
	a->field_key = cb_strdup(key);
	strcpy(a->person_id, person_id);
	a->value = cb_strdup(value);
	a->module_version = 1;
	cb_vec_push(&answers, a);
	return a;
}

#define MUM "11111111-1111-4111-8111-111111111111"
#define DAD "22222222-2222-4222-8222-222222222222"
#define KID "33333333-3333-4333-8333-333333333333"
#define GONE "44444444-4444-4444-8444-444444444444"

static void
setup(void)
{
	struct cb_diags d;

	cb_diags_init(&d);
	mod = NULL;
	ck_assert_int_eq(cb_module_load_bytes("test.yaml", module_yaml, sizeof module_yaml - 1, NULL,
	                                      &mod, &d),
	                 0);
	cb_diags_clear(&d);
	people = (struct cb_vec)CB_VEC_OWNING(cb_person_free_item);
	answers = (struct cb_vec)CB_VEC_OWNING(cb_answer_free_item);
	cb_form_init(&form);
}

static void
teardown(void)
{
	cb_form_clear(&form);
	cb_vec_clear(&answers);
	cb_vec_clear(&people);
	cb_module_free(&mod);
}

static const struct cb_form_row *
row(size_t i)
{
	const struct cb_form_row *r = cb_form_row(&form, i);

	ck_assert_ptr_nonnull(r);
	return r;
}

START_TEST(blocks_per_person)
{
	const struct cb_person *mum = person(MUM, "Zoë Price", CB_MEMBER_PARENT);
	const struct cb_person *dad = person(DAD, "Ryan Price", CB_MEMBER_CARER);
	const struct cb_person *kid = person(KID, "Ruby Price", CB_MEMBER_CHILD);

	cb_form_build(&form, mod, &people, &answers);
	/* family: heading + 3; adults: 2 x (heading + 2); children: heading + 1 */
	ck_assert_uint_eq(form.rows.len, 4 + 6 + 2);
	ck_assert_uint_eq(form.blocks, 4);
	ck_assert_int_eq(row(0)->kind, CB_FORM_HEADING);
	ck_assert_ptr_null(row(0)->person);
	ck_assert_int_eq(row(4)->kind, CB_FORM_HEADING);
	ck_assert_ptr_eq(row(4)->person, mum);
	ck_assert_str_eq(row(5)->key, "adults.view");
	ck_assert_ptr_eq(row(5)->person, mum);
	ck_assert_uint_eq(row(5)->block, 1);
	ck_assert_ptr_eq(row(7)->person, dad);
	ck_assert_ptr_eq(row(8)->person, dad);
	ck_assert_uint_eq(row(8)->block, 2);
	ck_assert_ptr_eq(row(10)->person, kid);
	ck_assert_str_eq(row(11)->key, "children.voice");
	ck_assert_ptr_eq(row(11)->person, kid);
	/* Tools take no answer here: story, worry, 2 x view, voice. */
	ck_assert_uint_eq(form.fields, 5);
	ck_assert_uint_eq(form.answered, 0);
	ck_assert_uint_eq(form.required_missing, 3);
	ck_assert_uint_eq(form.retired, 0);
}
END_TEST

START_TEST(answers_in_place)
{
	struct cb_answer *story, *dad_view, *cleared;

	person(MUM, "Zoë Price", CB_MEMBER_PARENT);
	person(DAD, "Ryan Price", CB_MEMBER_PARENT);
	story = answer("family.story", "", "It started in March.");
	dad_view = answer("adults.view", DAD, "\"One bad night.\"");
	cleared = answer("family.worry", "", "");
	cb_form_build(&form, mod, &people, &answers);
	ck_assert_ptr_eq(row(1)->answer, story);
	ck_assert_ptr_eq(row(2)->answer, cleared);
	ck_assert_ptr_null(row(3)->answer); /* the goals tool */
	ck_assert_ptr_null(row(5)->answer); /* mum's view */
	ck_assert_ptr_eq(row(8)->answer, dad_view);
	ck_assert(!cb_form_answered(cleared));
	ck_assert(cb_form_answered(story));
	ck_assert_uint_eq(form.answered, 2);
	/* Mum's view is still to do; the cleared choice is not required. */
	ck_assert_uint_eq(form.required_missing, 1);
	ck_assert_uint_eq(form.retired, 0);
}
END_TEST

START_TEST(nobody_to_ask)
{
	const struct cb_form_row *last;

	person(MUM, "Zoë Price", CB_MEMBER_PARENT);
	cb_form_build(&form, mod, &people, &answers);
	last = row(form.rows.len - 1);
	ck_assert_int_eq(last->kind, CB_FORM_HEADING);
	ck_assert(last->nobody);
	ck_assert_str_eq(last->section->id, "children");
	ck_assert_uint_eq(form.blocks, 3);
}
END_TEST

START_TEST(retired_never_lost)
{
	struct cb_answer *gone_field, *gone_person, *scope, *tool, *kept;
	size_t i, n;

	person(MUM, "Zoë Price", CB_MEMBER_PARENT);
	person(KID, "Ruby Price", CB_MEMBER_CHILD);
	kept = answer("family.story", "", "Still here.");
	gone_field = answer("family.old_question", "", "Asked under version 1.");
	gone_person = answer("adults.view", GONE, "Someone who left.");
	scope = answer("adults.view", "", "Once for the family, before.");
	tool = answer("adults.stage", MUM, "contemplation");
	/* Ruby is a child: an answer about her in the adults' part has lost
	 * its place too. */
	answer("adults.view", KID, "Ruby's answer in the wrong part.");
	cb_form_build(&form, mod, &people, &answers);
	ck_assert_uint_eq(form.retired, 5);
	n = form.rows.len;
	ck_assert_int_eq(row(n - 6)->kind, CB_FORM_RETIRED_HEADING);
	for (i = n - 5; i < n; i++) {
		ck_assert_int_eq(row(i)->kind, CB_FORM_RETIRED);
		ck_assert_uint_eq(row(i)->block, form.blocks - 1);
		ck_assert_ptr_nonnull(row(i)->answer);
		ck_assert_ptr_ne(row(i)->answer, kept);
	}
	/* In the order they came (the store sorts by field, then person). */
	ck_assert_ptr_eq(row(n - 5)->answer, gone_field);
	ck_assert_int_eq(row(n - 5)->why, CB_RETIRED_FIELD);
	ck_assert_ptr_null(row(n - 5)->field);
	ck_assert_str_eq(row(n - 5)->key, "family.old_question");
	ck_assert_ptr_eq(row(n - 4)->answer, gone_person);
	ck_assert_int_eq(row(n - 4)->why, CB_RETIRED_PERSON);
	ck_assert_ptr_nonnull(row(n - 4)->field);
	ck_assert_ptr_null(row(n - 4)->person);
	ck_assert_ptr_eq(row(n - 3)->answer, scope);
	ck_assert_int_eq(row(n - 3)->why, CB_RETIRED_SCOPE);
	ck_assert_ptr_eq(row(n - 2)->answer, tool);
	ck_assert_int_eq(row(n - 2)->why, CB_RETIRED_FIELD);
	ck_assert_ptr_nonnull(row(n - 2)->field);
	ck_assert_int_eq(row(n - 1)->why, CB_RETIRED_PERSON);
	ck_assert_str_eq(row(n - 1)->person->name, "Ruby Price");
}
END_TEST

START_TEST(module_gone)
{
	person(MUM, "Zoë Price", CB_MEMBER_PARENT);
	answer("family.story", "", "From a module that left.");
	answer("adults.view", MUM, "Hers.");
	cb_form_build(&form, NULL, &people, &answers);
	ck_assert_uint_eq(form.rows.len, 3);
	ck_assert_int_eq(row(0)->kind, CB_FORM_RETIRED_HEADING);
	ck_assert_int_eq(row(1)->why, CB_RETIRED_FIELD);
	ck_assert_int_eq(row(2)->why, CB_RETIRED_FIELD);
	ck_assert_str_eq(row(2)->person->name, "Zoë Price");
	ck_assert_uint_eq(form.fields, 0);
	/* Nothing at all: an empty form. */
	cb_vec_clear(&answers);
	cb_form_build(&form, NULL, &people, &answers);
	ck_assert_uint_eq(form.rows.len, 0);
	ck_assert_uint_eq(form.blocks, 0);
}
END_TEST

START_TEST(tab_between_blocks)
{
	size_t at;

	person(MUM, "Zoë Price", CB_MEMBER_PARENT);
	answer("family.old_question", "", "Retired.");
	cb_form_build(&form, mod, &people, &answers);
	/* 0 heading, 1-3 family; 4 heading, 5-6 Zoë; 7 children (nobody); 8 retired heading, 9 */
	ck_assert_uint_eq(form.rows.len, 10);
	at = cb_form_next_block(&form, 0);
	ck_assert_uint_eq(at, 4);
	at = cb_form_next_block(&form, 5);
	ck_assert_uint_eq(at, 7);
	at = cb_form_next_block(&form, at);
	ck_assert_uint_eq(at, 8);
	ck_assert_uint_eq(cb_form_next_block(&form, 9), 9);
	/* Back: from a field to its own heading, then the one before. */
	ck_assert_uint_eq(cb_form_prev_block(&form, 6), 4);
	ck_assert_uint_eq(cb_form_prev_block(&form, 4), 0);
	ck_assert_uint_eq(cb_form_prev_block(&form, 0), 0);
	ck_assert_ptr_null(cb_form_row(&form, 10));
}
END_TEST

START_TEST(rebuild_clears)
{
	person(MUM, "Zoë Price", CB_MEMBER_PARENT);
	cb_form_build(&form, mod, &people, &answers);
	cb_form_build(&form, mod, &people, &answers);
	ck_assert_uint_eq(form.rows.len, 4 + 3 + 1);
	ck_assert_uint_eq(form.fields, 3);
	ck_assert_uint_eq(form.blocks, 3);
	ck_assert(!cb_form_answered(NULL));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("module_form");
	TCase *t = tcase_create("form");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, blocks_per_person);
	tcase_add_test(t, answers_in_place);
	tcase_add_test(t, nobody_to_ask);
	tcase_add_test(t, retired_never_lost);
	tcase_add_test(t, module_gone);
	tcase_add_test(t, tab_between_blocks);
	tcase_add_test(t, rebuild_clears);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return tu_run(suite());
}
