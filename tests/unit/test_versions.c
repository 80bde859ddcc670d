/* SPDX-License-Identifier: MIT */
/* Changing a module never orphans or rewrites old answers: a removed
 * field shows as retired, an added one starts empty, a renamed choice
 * label shows the new label, a choice that left shows what was chosen.
 * Real YAML through the real loader, real answers in a real database. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/vec.h"
#include "casebook/workbook.h"
#include "testutil.h"

static const char v1[] =
	"id: routines\n"
	"version: 1\n"
	"order: 3\n"
	"title: Routines\n"
	"purpose: How the day runs.\n"
	"led_by: [social-worker]\n"
	"sections:\n"
	"  - id: day\n"
	"    title: The day\n"
	"    applies_to: family\n"
	"    fields:\n"
	"      - id: bedtime\n"
	"        type: choice\n"
	"        label: Bedtime\n"
	"        choices:\n"
	"          - {id: set, label: Set time}\n"
	"          - {id: varies, label: Varies}\n"
	"          - {id: none, label: No routine}\n"
	"      - id: school_run\n"
	"        type: longtext\n"
	"        label: The school run\n"
	"      - id: worries\n"
	"        type: longtext\n"
	"        label: Worries\n";

/* Version 2: school_run removed, meals added, 'set' relabelled, 'none'
 * replaced by 'no_routine'. */
static const char v2[] =
	"id: routines\n"
	"version: 2\n"
	"order: 3\n"
	"title: Routines\n"
	"purpose: How the day runs.\n"
	"led_by: [social-worker]\n"
	"sections:\n"
	"  - id: day\n"
	"    title: The day\n"
	"    applies_to: family\n"
	"    fields:\n"
	"      - id: bedtime\n"
	"        type: choice\n"
	"        label: Bedtime\n"
	"        choices:\n"
	"          - {id: set, label: A set bedtime most nights}\n"
	"          - {id: varies, label: Varies}\n"
	"          - {id: no_routine, label: No routine yet}\n"
	"      - id: worries\n"
	"        type: longtext\n"
	"        label: Worries\n"
	"      - id: meals\n"
	"        type: longtext\n"
	"        label: Meals\n";

static struct cb_module *
load(const char *text)
{
	struct cb_module *m = NULL;
	struct cb_diags d;
	size_t i;

	cb_diags_init(&d);
	if (cb_module_load_bytes("routines.yaml", text, strlen(text), NULL, &m, &d) != 0) {
		for (i = 0; i < cb_diags_count(&d); i++) {
			char *s = cb_diag_format(cb_diags_at(&d, i));

			fprintf(stderr, "%s\n", s);
			free(s);
		}
		ck_abort_msg("the test module did not load");
	}
	cb_diags_clear(&d);
	return m;
}

static void
answer(struct cb_store *s, const char *family, const char *key, const char *value, long version)
{
	struct cb_answer *a = cb_answer_new();
	struct cb_err err = {0};

	memcpy(a->family_id, family, CB_UUID_LEN);
	a->module_id = cb_strdup("routines");
	a->field_key = cb_strdup(key);
	a->value = cb_strdup(value);
	a->module_version = version;
	a->date = (struct cb_date){2026, 6, 1};
	ck_assert_msg(cb_store_answer_save(s, a, &err) == 0, "%s", err.msg);
	cb_answer_free(&a);
}

static const struct cb_answer *
find(const struct cb_vec *answers, const char *key)
{
	size_t i;

	for (i = 0; i < answers->len; i++)
		if (strcmp(((struct cb_answer *)answers->items[i])->field_key, key) == 0)
			return answers->items[i];
	return NULL;
}

START_TEST(old_answers_survive_a_module_change)
{
	char *dir = tu_tmpdir(), *path = tu_path(dir, "v.db");
	struct cb_store *s = NULL;
	struct cb_family *f = cb_family_new();
	struct cb_module *m1 = load(v1), *m2 = load(v2);
	struct cb_vec answers = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_vec recorded = CB_VEC_OWNING(cb_module_version_free_item);
	struct cb_programme prog;
	struct cb_diags d;
	struct cb_err err = {0};
	const struct cb_answer *a;
	char *shown;

	ck_assert_int_eq(cb_store_open(path, CB_STORE_CREATE, &s, &err), 0);
	f->reference = cb_strdup("FS-V");
	f->name = cb_strdup("Versions family");
	ck_assert_int_eq(cb_store_family_add(s, f, &err), 0);
	answer(s, f->id, "day.bedtime", "none", m1->version);
	answer(s, f->id, "day.school_run", "Walks with Nan; late twice this week.", m1->version);
	answer(s, f->id, "day.worries", "Mornings are rushed.", m1->version);

	/* Read back against version 2. */
	ck_assert_int_eq(cb_store_answer_list(s, f->id, "routines", NULL, &answers, &err), 0);
	ck_assert_uint_eq(answers.len, 3);
	/* The removed field: its answer is still there, and the module no
	 * longer has the field, so it shows as retired. */
	a = find(&answers, "day.school_run");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->value, "Walks with Nan; late twice this week.");
	ck_assert_int_eq(a->module_version, 1);
	ck_assert_ptr_null(cb_module_field(m2, "day.school_run", NULL));
	ck_assert_ptr_nonnull(cb_module_field(m1, "day.school_run", NULL));
	/* The added field has no answer yet. */
	ck_assert_ptr_nonnull(cb_module_field(m2, "day.meals", NULL));
	ck_assert_ptr_null(find(&answers, "day.meals"));
	/* A choice whose id left the module shows what was chosen, marked. */
	a = find(&answers, "day.bedtime");
	shown = cb_value_display(cb_module_field(m2, "day.bedtime", NULL), a->value, NULL, NULL);
	ck_assert_str_eq(shown, "none (no longer a choice)");
	free(shown);
	shown = cb_value_display(cb_module_field(m1, "day.bedtime", NULL), a->value, NULL, NULL);
	ck_assert_str_eq(shown, "No routine");
	free(shown);
	cb_vec_clear(&answers);

	/* A relabelled choice keeps its id, so the answer shows the new
	 * label; the new answer is written under version 2. */
	ck_assert_int_eq(cb_store_answer_list(s, f->id, "routines", NULL, &answers, &err), 0);
	{
		struct cb_answer *b = (struct cb_answer *)find(&answers, "day.bedtime");

		free(b->value);
		b->value = cb_strdup("set");
		b->module_version = m2->version;
		ck_assert_msg(cb_store_answer_save(s, b, &err) == 0, "%s", err.msg);
		shown = cb_value_display(cb_module_field(m2, "day.bedtime", NULL), b->value, NULL, NULL);
		ck_assert_str_eq(shown, "A set bedtime most nights");
		free(shown);
		shown = cb_value_display(cb_module_field(m1, "day.bedtime", NULL), b->value, NULL, NULL);
		ck_assert_str_eq(shown, "Set time");
		free(shown);
	}
	cb_vec_clear(&answers);
	ck_assert_int_eq(cb_store_module_versions(s, &recorded, &err), 0);
	ck_assert_uint_eq(recorded.len, 1);
	ck_assert_int_eq(((struct cb_module_version *)recorded.items[0])->version, 2);

	/* Going back to version 1 after version 2 was recorded is refused. */
	cb_programme_init(&prog);
	cb_vec_push(&prog.modules, m1);
	m1 = NULL;
	cb_diags_init(&d);
	ck_assert_int_ne(cb_programme_check_recorded(&prog, &recorded, &d), 0);
	ck_assert_uint_ge(cb_diags_count(&d), 1);
	shown = cb_diag_format(cb_diags_at(&d, 0));
	ck_assert_msg(strstr(shown, "routines.yaml:2:") != NULL, "%s", shown);
	free(shown);
	cb_diags_clear(&d);
	cb_programme_clear(&prog);

	cb_vec_clear(&recorded);
	cb_module_free(&m2);
	cb_family_free(&f);
	cb_store_close(&s);
	tu_rmtree(dir);
	free(dir);
	free(path);
}
END_TEST

static Suite *
versions_suite(void)
{
	Suite *su = suite_create("versions");
	TCase *tc = tcase_create("versions");

	tcase_add_test(tc, old_answers_survive_a_module_change);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	return tu_run(versions_suite());
}
