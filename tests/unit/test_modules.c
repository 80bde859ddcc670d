/* SPDX-License-Identifier: MIT */
/* modules: the module loader and validator, the programme from its three
 * folders, and the malformed files it must refuse without harm. Real files
 * in real temporary folders, and the real reference lists from data/. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "casebook/workbook.h"
#include "testutil.h"

/* A small valid module: the cases below change one thing in it. Fields
 * added after it start on line 16. */
#define HEAD \
	"id: test-module\n"          /* 1 */ \
	"version: 1\n"               /* 2 */ \
	"order: 1\n"                 /* 3 */ \
	"title: A test module\n"     /* 4 */ \
	"purpose: For the tests.\n"  /* 5 */ \
	"led_by:\n"                  /* 6 */ \
	"  - social-worker\n"        /* 7 */ \
	"sections:\n"                /* 8 */ \
	"  - id: one\n"              /* 9 */ \
	"    title: One\n"           /* 10 */ \
	"    applies_to: family\n"   /* 11 */ \
	"    fields:\n"              /* 12 */ \
	"      - id: notes\n"        /* 13 */ \
	"        type: longtext\n"   /* 14 */ \
	"        label: Notes\n"     /* 15 */

static const char *const programme_ids[] = {
	"supervision", "getting-to-know", "childs-world", "basic-care", "warmth-boundaries",
	"relationships", "drugs-alcohol", "mental-health", "sustaining-change",
};

static struct cb_refdata *
real_refdata(void)
{
	struct cb_refdata *ref = cb_refdata_new();
	char *dir = cb_asprintf("%s/data", tu_srcdir());
	struct cb_diags d;

	cb_diags_init(&d);
	ck_assert_int_eq(cb_refdata_load(dir, ref, &d), 0);
	cb_diags_clear(&d);
	free(dir);
	return ref;
}

/* Every problem, sorted, as the command line prints it, one a line. */
static char *
all_diags(struct cb_diags *d)
{
	struct cb_buf b = {0};
	size_t i;

	cb_diags_sort(d);
	for (i = 0; i < cb_diags_count(d); i++) {
		char *s = cb_diag_format(cb_diags_at(d, i));

		cb_buf_addf(&b, "%s\n", s);
		free(s);
	}
	return b.s != NULL ? cb_buf_take(&b) : cb_strdup("");
}

/* Load text as t.yaml and compare every problem with the expected lines
 * (joined with newlines, or "" for none). */
static void
expect_with(const struct cb_refdata *ref, const char *text, const char *expected)
{
	struct cb_module *m = NULL;
	struct cb_diags d;
	char *got;
	int rc;

	cb_diags_init(&d);
	rc = cb_module_load_bytes("t.yaml", text, strlen(text), ref, &m, &d);
	got = all_diags(&d);
	if (strcmp(got, expected) != 0)
		fprintf(stderr, "for:\n%s\n", text);
	ck_assert_msg(strcmp(got, expected) == 0, "expected:\n%s\ngot:\n%s", expected, got);
	if (expected[0] == '\0') {
		ck_assert_int_eq(rc, 0);
		ck_assert_ptr_nonnull(m);
		ck_assert_str_eq(m->source, "t.yaml");
	} else {
		ck_assert_int_ne(rc, 0);
		ck_assert_ptr_null(m);
	}
	free(got);
	cb_module_free(&m);
	cb_diags_clear(&d);
}

static void
expect(const char *text, const char *expected)
{
	struct cb_refdata *ref = real_refdata();

	expect_with(ref, text, expected);
	cb_refdata_free(&ref);
}

/* HEAD with one piece of it replaced. */
static char *
head_with(const char *from, const char *to)
{
	const char *at = strstr(HEAD, from);

	ck_assert_ptr_nonnull(at);
	return cb_asprintf("%.*s%s%s", (int)(at - HEAD), HEAD, to, at + strlen(from));
}

static void
expect_changed(const char *from, const char *to, const char *expected)
{
	char *text = head_with(from, to);

	expect(text, expected);
	free(text);
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char *p = tu_path(dir, name);

	tu_write(p, text, strlen(text));
	free(p);
}

static void
copy_module(const char *dir, const char *name)
{
	char *from = cb_asprintf("%s/modules/%s", tu_srcdir(), name);
	char *to = tu_path(dir, name);
	size_t len;
	char *bytes = tu_read(from, &len);

	tu_write(to, bytes, len);
	free(bytes);
	free(from);
	free(to);
}

static char *
shipped_dir(void)
{
	return cb_asprintf("%s/modules", tu_srcdir());
}

/* --- the shipped programme ----------------------------------------------- */

START_TEST(shipped_modules_load_clean)
{
	struct cb_refdata *ref = real_refdata();
	char *dir = shipped_dir();
	size_t i;

	for (i = 0; i < sizeof programme_ids / sizeof *programme_ids; i++) {
		char *path = cb_asprintf("%s/%s.yaml", dir, programme_ids[i]);
		struct cb_module *m = NULL;
		struct cb_diags d;
		char *got;

		cb_diags_init(&d);
		cb_module_load_file(path, ref, &m, &d);
		got = all_diags(&d);
		ck_assert_msg(got[0] == '\0', "%s has problems:\n%s", path, got);
		ck_assert_ptr_nonnull(m);
		/* The file is named after the module it holds. */
		ck_assert_str_eq(m->id, programme_ids[i]);
		ck_assert_str_eq(m->source, path);
		ck_assert_int_ge(m->version, 1);
		ck_assert_uint_ge(m->sections.len, 1);
		ck_assert_uint_ge(m->led_by.len, 1);
		ck_assert_int_eq(m->kind, i == 0 ? CB_MODULE_SUPERVISION : CB_MODULE_PROGRAMME);
		ck_assert_int_eq(m->order, (long)i);
		free(got);
		free(path);
		cb_module_free(&m);
		cb_diags_clear(&d);
	}
	free(dir);
	cb_refdata_free(&ref);
}
END_TEST

START_TEST(shipped_programme_in_order)
{
	struct cb_refdata *ref = real_refdata();
	char *dir = shipped_dir();
	const char *dirs[] = {dir};
	struct cb_programme p;
	struct cb_diags d;
	bool inconsistent = true;
	size_t i;

	cb_diags_init(&d);
	ck_assert_int_eq(cb_programme_load(dirs, 1, ref, &p, &d, &inconsistent), 0);
	ck_assert_uint_eq(cb_diags_count(&d), 0);
	ck_assert(!inconsistent);
	ck_assert_uint_eq(p.modules.len, 9);
	for (i = 0; i < p.modules.len; i++)
		ck_assert_str_eq(((struct cb_module *)p.modules.items[i])->id, programme_ids[i]);
	ck_assert_ptr_eq(p.supervision, p.modules.items[0]);
	ck_assert_ptr_eq(cb_programme_find(&p, "basic-care"), p.modules.items[3]);
	cb_programme_clear(&p);
	cb_diags_clear(&d);
	free(dir);
	cb_refdata_free(&ref);
}
END_TEST

/* What the loader builds is what the screens will draw. */
START_TEST(model_is_complete)
{
	struct cb_refdata *ref = real_refdata();
	char *path = cb_asprintf("%s/modules/drugs-alcohol.yaml", tu_srcdir());
	const struct cb_section *s = NULL;
	const struct cb_field *f;
	struct cb_module *m = NULL;
	struct cb_diags d;
	const struct cb_anchor *lo, *hi;

	cb_diags_init(&d);
	ck_assert_int_eq(cb_module_load_file(path, ref, &m, &d), 0);
	f = cb_module_field(m, "balance.balance", &s);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(s->applies_to, CB_APPLIES_EACH_ADULT);
	ck_assert_int_eq(f->type, CB_FIELD_TABLE);
	ck_assert_uint_eq(f->rows.len, 2);
	ck_assert_uint_eq(f->columns.len, 2);
	ck_assert_str_eq(cb_option_label(&f->rows, "as_they_are"), "Things as they are");
	ck_assert_str_eq(cb_option_label(&f->columns, "not_so_good"), "Not so good things");
	ck_assert_ptr_nonnull(f->help);
	ck_assert_ptr_nonnull(f->example);
	/* Folded text keeps no trailing newline. */
	ck_assert_int_ne(f->example[strlen(f->example) - 1], '\n');
	f = cb_module_field(m, "balance.stage", NULL);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->type, CB_FIELD_STAGE_OF_CHANGE);
	ck_assert(f->required);
	ck_assert_uint_eq(f->issues.len, 2);
	ck_assert_str_eq(f->issues.items[0], "alcohol");
	ck_assert_str_eq(f->issues.items[1], "drugs");
	cb_module_free(&m);
	free(path);

	path = cb_asprintf("%s/modules/basic-care.yaml", tu_srcdir());
	ck_assert_int_eq(cb_module_load_file(path, ref, &m, &d), 0);
	f = cb_module_field(m, "routines.confidence", NULL);
	ck_assert_int_eq(f->type, CB_FIELD_SCALE);
	ck_assert_int_eq(f->min, 0);
	ck_assert_int_eq(f->max, 10);
	ck_assert_int_eq(f->direction, CB_SCALE_HIGHER_IS_BETTER);
	ck_assert_uint_ge(f->anchors.len, 2);
	lo = f->anchors.items[0];
	hi = f->anchors.items[f->anchors.len - 1];
	ck_assert_int_eq(lo->value, 0);
	ck_assert_int_eq(hi->value, 10);
	ck_assert_str_eq(cb_scale_anchor(f, 0), "Not confident at all");
	f = cb_module_field(m, "daily_care.pressures", NULL);
	ck_assert_int_eq(f->type, CB_FIELD_MULTICHOICE);
	ck_assert_str_eq(cb_option_label(&f->choices, "money"), "Money or debt");
	f = cb_module_field(m, "supervision_safety.steps_in", NULL);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->who, CB_WHO_ADULT);
	ck_assert_uint_ge(((struct cb_section *)m->sections.items[0])->prompts.len, 1);
	ck_assert_str_eq(m->led_by.items[0], "social-worker");
	ck_assert_uint_eq(m->version_line, 2);
	ck_assert_uint_eq(m->version_col, 10);
	cb_module_free(&m);
	free(path);
	cb_diags_clear(&d);
	cb_refdata_free(&ref);
}
END_TEST

START_TEST(plain_string_choices)
{
	static const char text[] = HEAD
		"      - id: pick\n"
		"        type: choice\n"
		"        label: Pick\n"
		"        choices: [Yes please, \"No thanks\"]\n";
	struct cb_module *m = NULL;
	struct cb_diags d;
	const struct cb_field *f;

	cb_diags_init(&d);
	ck_assert_int_eq(cb_module_load_bytes("t.yaml", text, sizeof text - 1, NULL, &m, &d), 0);
	f = cb_module_field(m, "one.pick", NULL);
	ck_assert_uint_eq(f->choices.len, 2);
	ck_assert_str_eq(((struct cb_option *)f->choices.items[0])->id, "Yes please");
	ck_assert_str_eq(((struct cb_option *)f->choices.items[0])->label, "Yes please");
	ck_assert_str_eq(cb_option_label(&f->choices, "No thanks"), "No thanks");
	cb_module_free(&m);
	cb_diags_clear(&d);
}
END_TEST

/* The worked example in casebook-modules(5) is a real, valid module, and
 * the page shows it exactly as tests/data/family-time.yaml has it. */
START_TEST(manual_example_loads)
{
	struct cb_refdata *ref = real_refdata();
	char *path = cb_asprintf("%s/tests/data/family-time.yaml", tu_srcdir());
	char *man = cb_asprintf("%s/man/casebook-modules.5", tu_srcdir());
	struct cb_module *m = NULL;
	struct cb_buf page = {0};
	struct cb_diags d;
	char *text, *line, *raw, *next;
	size_t i;

	cb_diags_init(&d);
	ck_assert_int_eq(cb_module_load_file(path, ref, &m, &d), 0);
	ck_assert_uint_eq(m->sections.len, 4);
	raw = tu_read(man, NULL);
	for (i = 0; raw[i] != '\0'; i++)
		if (!(raw[i] == '\\' && raw[i + 1] == '-'))
			cb_buf_addc(&page, raw[i]);
	text = tu_read(path, NULL);
	for (line = text; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		ck_assert_msg(strstr(cb_buf_str(&page), line) != NULL,
		              "the manual's example has no line '%s'", line);
	}
	free(text);
	free(raw);
	cb_buf_free(&page);
	cb_module_free(&m);
	cb_diags_clear(&d);
	free(path);
	free(man);
	cb_refdata_free(&ref);
}
END_TEST

/* --- each rule, with its exact message ----------------------------------- */

START_TEST(unknown_and_missing_keys)
{
	expect_changed("title: A test module", "titel: A test module",
	               "t.yaml:1:1: the module has no 'title': add title: with a short title\n"
	               "t.yaml:4:1: unknown key 'titel' in the module: did you mean 'title'?\n");
	expect_changed("purpose: For the tests.\n", "",
	               "t.yaml:1:1: the module has no 'purpose': add purpose: with a few plain "
	               "sentences on why this module is done\n");
	expect_changed("    applies_to: family\n", "    applies_to: family\n    colour: blue\n",
	               "t.yaml:12:5: unknown key 'colour' in section 'one'\n");
	expect_changed("    title: One\n", "",
	               "t.yaml:9:5: section 'one' has no 'title': add title: with the heading "
	               "the worker sees\n");
	expect_changed("        label: Notes\n", "        lable: Notes\n",
	               "t.yaml:13:9: field 'one.notes' has no 'label': add label: with the question "
	               "or heading the worker sees\n"
	               "t.yaml:15:9: unknown key 'lable' in field 'one.notes': did you mean "
	               "'label'?\n");
	expect_changed("version: 1\n", "version: 1\nversion: 2\n",
	               "t.yaml:3:1: the key 'version' appears twice in the module (first on "
	               "line 2)\n");
}
END_TEST

START_TEST(duplicate_ids)
{
	expect(HEAD "  - id: one\n    title: Again\n    applies_to: family\n    fields:\n"
	       "      - id: notes\n        type: text\n        label: More\n",
	       "t.yaml:16:5: there are two sections with the id 'one' (the first on line 9): "
	       "give each section its own id\n");
	expect(HEAD "      - id: notes\n        type: text\n        label: More\n",
	       "t.yaml:16:9: section 'one' has two fields with the id 'notes' (the first on "
	       "line 13): give each field its own id\n");
	expect(HEAD "      - id: pick\n        type: choice\n        label: Pick\n"
	       "        choices:\n          - {id: a, label: A}\n          - {id: a, label: B}\n",
	       "t.yaml:21:13: there are two choices with the id 'a' (the first on line 20): "
	       "give each its own id\n");
	expect(HEAD "      - id: grid\n        type: table\n        label: Grid\n"
	       "        rows: [x, x]\n        columns: [c, {id: c, label: C}]\n",
	       "t.yaml:19:19: there are two rows with the id 'x' (the first on line 19): give "
	       "each its own id\n"
	       "t.yaml:20:22: there are two columns with the id 'c' (the first on line 20): "
	       "give each its own id\n");
	/* The same field id in two sections is fine: keys are section.field. */
	expect(HEAD "  - id: two\n    title: Two\n    applies_to: each-child\n    fields:\n"
	       "      - id: notes\n        type: text\n        label: More\n", "");
}
END_TEST

START_TEST(wrong_types)
{
	expect_changed("        label: Notes\n", "        label: [Notes, More]\n",
	               "t.yaml:15:16: label should be text, not a list: write it as one piece of "
	               "text\n");
	expect_changed("  - social-worker\n", "  - {id: social-worker}\n",
	               "t.yaml:7:5: each entry of led_by should be an id from data/roles.yaml, not "
	               "a mapping\n");
	expect_changed("led_by:\n  - social-worker\n", "led_by: social-worker\n",
	               "t.yaml:6:9: led_by should be a list of role ids, not a value: write each on "
	               "its own line, starting with '- '\n");
	expect_changed("    fields:\n", "    prompts: What?\n    fields:\n",
	               "t.yaml:12:14: prompts should be a list of questions, not a value: write "
	               "each on its own line, starting with '- '\n");
	expect_changed("order: 1", "order: first",
	               "t.yaml:3:8: order should be a whole number, not 'first'\n");
	expect("- id: test-module\n",
	       "t.yaml:1:1: a module file should be a mapping of keys (id, version, title, "
	       "sections and so on), not a list\n");
	expect_changed("        label: Notes\n", "        label: Notes\n        required: maybe\n",
	               "t.yaml:16:19: required should be true or false\n");
	expect_changed("        label: Notes\n", "        label: \"  \"\n",
	               "t.yaml:15:16: label is empty: fill it in\n");
}
END_TEST

START_TEST(bad_ids)
{
	expect_changed("id: test-module", "id: Test Module",
	               "t.yaml:1:5: the module id 'Test Module' should be lower-case letters, "
	               "digits and hyphens, starting with a letter, at most 40 characters: for "
	               "example 'test-module'\n");
	expect_changed("id: test-module", "id: a-module-id-that-goes-on-and-on-for-too-long",
	               "t.yaml:1:5: the module id 'a-module-id-that-goes-on-and-on-for-too-...' "
	               "should be lower-case letters, digits and hyphens, starting with a letter, "
	               "at most 40 characters: for example "
	               "'a-module-id-that-goes-on-and-on-for-too-l'\n");
	expect_changed("id: test-module", "id: test_module",
	               "t.yaml:1:5: the module id 'test_module' should be lower-case letters, "
	               "digits and hyphens, starting with a letter, at most 40 characters: for "
	               "example 'test-module'\n");
	expect_changed("  - id: one", "  - id: daily-care",
	               "t.yaml:9:9: the section id 'daily-care' should be lower-case letters, "
	               "digits and underscores, starting with a letter, at most 40 characters: "
	               "for example 'daily_care'\n");
	expect_changed("      - id: notes", "      - id: 1st_notes",
	               "t.yaml:13:13: the field id '1st_notes' should be lower-case letters, "
	               "digits and underscores, starting with a letter, at most 40 characters: "
	               "for example 'st_notes'\n");
	expect(HEAD "      - id: pick\n        type: choice\n        label: Pick\n"
	       "        choices:\n          - {id: \"Not sure\", label: Not sure}\n"
	       "          - {id: 2-maybe_so, label: Maybe}\n",
	       "t.yaml:20:18: the choice id 'Not sure' should be lower-case letters, digits, "
	       "hyphens and underscores, at most 40 characters: for example 'not_sure'\n");
	expect_changed("id: test-module", "id:",
	               "t.yaml:1:4: the module id is empty: fill it in (lower-case letters, digits "
	               "and hyphens, starting with a letter)\n");
}
END_TEST

START_TEST(versions_and_orders)
{
	expect_changed("version: 1", "version: 0",
	               "t.yaml:2:10: version should be 1 or more, not 0: start at 1, and raise it "
	               "whenever the fields change\n");
	expect_changed("version: 1", "version: \"1\"",
	               "t.yaml:2:10: version should be a whole number, without quotes\n");
	expect_changed("version: 1", "version: 1.5",
	               "t.yaml:2:10: version should be a whole number, not '1.5'\n");
	expect_changed("version: 1", "version: 123456789012345678901234567890",
	               "t.yaml:2:10: version should be a small whole number, not one of 30 "
	               "digits\n");
	expect_changed("order: 1", "order: -1",
	               "t.yaml:3:8: order should be from 0 to 9999, not -1: it is the module's "
	               "place in the programme (the proforma has 0)\n");
	expect_changed("version: 1\n", "",
	               "t.yaml:1:1: the module has no 'version': add version: 1, and raise it "
	               "whenever the fields change\n");
}
END_TEST

#define SCALE(rest) HEAD \
	"      - id: sure\n"           /* 16 */ \
	"        type: scale\n"        /* 17 */ \
	"        label: How sure\n"    /* 18 */ \
	rest

START_TEST(scales)
{
	expect(SCALE("        min: 0\n        max: 10\n        direction: higher-is-better\n"
	             "        anchors:\n          0: \"Not at all\"\n          5: Halfway\n"
	             "          10: \"Completely\"\n"), "");
	expect(SCALE("        min: 10\n        max: 0\n        direction: higher-is-better\n"
	             "        anchors: {0: a, 10: b}\n"),
	       "t.yaml:19:14: the scale runs from min 10 to max 0: min should be less than max\n");
	expect(SCALE("        min: 5\n        max: 5\n        direction: higher-is-better\n"
	             "        anchors: {5: a}\n"),
	       "t.yaml:19:14: the scale runs from min 5 to max 5: min should be less than max\n");
	expect(SCALE("        min: 0\n        max: 10\n        direction: higher-is-better\n"
	             "        anchors: {0: a, 5: b}\n"),
	       "t.yaml:22:18: the anchors have no label for 10, the highest point (max): add "
	       "one\n");
	expect(SCALE("        min: 0\n        max: 10\n        direction: higher-is-better\n"
	             "        anchors: {5: b, 10: c}\n"),
	       "t.yaml:22:18: the anchors have no label for 0, the lowest point (min): add one\n");
	expect(SCALE("        min: 0\n        max: 10\n        direction: higher-is-better\n"
	             "        anchors:\n          0: a\n          11: b\n          10: c\n"),
	       "t.yaml:24:11: the anchor 11 is outside the scale, which runs from 0 to 10: "
	       "remove it, or change min or max\n");
	expect(SCALE("        min: 0\n        max: 10\n        direction: higher-is-better\n"
	             "        anchors:\n          0: a\n          ten: b\n          10: c\n"
	             "          \"00\": d\n          5:\n"),
	       "t.yaml:24:11: the anchor 'ten' should be a whole number: a point on the scale\n"
	       "t.yaml:26:11: there are two anchors for 0 (the first on line 23): keep one\n"
	       "t.yaml:27:13: the label of anchor 5 is empty: say what that point means\n");
	expect(SCALE("        min: 0\n        max: 10\n        anchors: {0: a, 10: b}\n"),
	       "t.yaml:16:9: the scale field 'one.sure' has no 'direction': add direction: "
	       "higher-is-better or higher-is-worse\n");
	expect(SCALE("        min: 0\n        max: 10\n        direction: upwards\n"
	             "        anchors: {0: a, 10: b}\n"),
	       "t.yaml:21:20: unknown direction 'upwards': use one of higher-is-better, "
	       "higher-is-worse\n");
	expect(SCALE("        min: 0\n        max: 1000\n        direction: higher-is-worse\n"
	             "        anchors: {0: a, 1000: b}\n"),
	       "t.yaml:20:14: max should be from -100 to 100, not 1000\n");
	expect(SCALE("        max: 10\n        direction: higher-is-worse\n"),
	       "t.yaml:16:9: the scale field 'one.sure' has no 'anchors': add anchors: with labels "
	       "for at least the lowest and the highest point\n"
	       "t.yaml:16:9: the scale field 'one.sure' has no 'min': add min: with the lowest "
	       "point, such as 0\n");
	expect(SCALE("        min: 0\n        max: 10\n        direction: higher-is-better\n"
	             "        anchors: [0, 10]\n"),
	       "t.yaml:22:18: anchors should be a mapping from points on the scale to labels, such "
	       "as 0: \"Not at all\", not a list\n");
}
END_TEST

START_TEST(choices_and_tables)
{
	expect(HEAD "      - id: pick\n        type: multichoice\n        label: Pick\n"
	       "        choices: []\n",
	       "t.yaml:19:18: choices is empty: list at least one choice\n");
	expect(HEAD "      - id: pick\n        type: choice\n        label: Pick\n",
	       "t.yaml:16:9: the choice field 'one.pick' has no 'choices': add choices: with a "
	       "list of at least one choice\n");
	expect(HEAD "      - id: pick\n        type: choice\n        label: Pick\n"
	       "        choices: Yes or no\n",
	       "t.yaml:19:18: choices should be a list, not a value: write each choice on its own "
	       "line, starting with '- '\n");
	expect(HEAD "      - id: pick\n        type: choice\n        label: Pick\n"
	       "        choices:\n          - {id: a}\n          - \"\"\n          - [x]\n",
	       "t.yaml:20:13: a choice has no 'label': add label: with the text the worker sees\n"
	       "t.yaml:21:13: a choice in choices is empty: write it, or remove the line\n"
	       "t.yaml:22:13: each choice should be text, or a mapping with id and label, not a "
	       "list\n");
	expect(HEAD "      - id: grid\n        type: table\n        label: Grid\n"
	       "        rows: [a]\n",
	       "t.yaml:16:9: the table field 'one.grid' has no 'columns': add columns: with a list "
	       "of at least one column\n");
	expect(HEAD "      - id: grid\n        type: table\n        label: Grid\n"
	       "        rows: []\n        columns: [a]\n",
	       "t.yaml:19:15: rows is empty: list at least one row\n");
}
END_TEST

START_TEST(keys_on_the_wrong_type)
{
	expect_changed("        label: Notes\n", "        label: Notes\n        choices: [a, b]\n",
	               "t.yaml:16:9: 'choices' does nothing on a longtext field: remove it, or make "
	               "the field a choice or multichoice\n");
	expect_changed("        label: Notes\n",
	               "        label: Notes\n        min: 0\n        who: adult\n",
	               "t.yaml:16:9: 'min' does nothing on a longtext field: remove it, or make the "
	               "field a scale\n"
	               "t.yaml:17:9: 'who' does nothing on a longtext field: remove it, or make the "
	               "field a person\n");
	expect_changed("        type: longtext\n        label: Notes\n",
	               "        type: goals\n        label: Notes\n        rows: [a]\n",
	               "t.yaml:16:9: 'rows' does nothing on a goals field: remove it, or make the "
	               "field a table\n");
	expect_changed("        type: longtext\n        label: Notes\n",
	               "        type: person\n        label: Who\n        who: baby\n"
	               "        issues: [alcohol]\n",
	               "t.yaml:16:14: unknown who 'baby': use one of any, adult, child\n"
	               "t.yaml:17:9: 'issues' does nothing on a person field: remove it, or make the "
	               "field a stage-of-change\n");
}
END_TEST

START_TEST(field_types_and_values)
{
	static const char *const types[] = {
		"text", "longtext", "yesno", "date", "person", "risk-rating", "goals", "actions",
	};
	size_t i;

	for (i = 0; i < sizeof types / sizeof *types; i++) {
		char *to = cb_asprintf("        type: %s\n", types[i]);

		expect_changed("        type: longtext\n", to, "");
		free(to);
	}
	expect_changed("type: longtext", "type: long-text",
	               "t.yaml:14:15: unknown field type 'long-text': did you mean 'longtext'?\n");
	expect_changed("type: longtext", "type: essay",
	               "t.yaml:14:15: unknown field type 'essay': use one of text, longtext, yesno, "
	               "date, choice, multichoice, scale, person, table, stage-of-change, "
	               "risk-rating, goals, actions, actions-review\n");
	/* What the user wrote is cut short in a message. */
	expect_changed("type: longtext",
	               "type: aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeee",
	               "t.yaml:14:15: unknown field type 'aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd...': "
	               "use one of text, longtext, yesno, date, choice, multichoice, scale, person, "
	               "table, stage-of-change, risk-rating, goals, actions, actions-review\n");
	expect_changed("applies_to: family", "applies_to: families",
	               "t.yaml:11:17: unknown applies_to 'families': did you mean 'family'?\n");
	expect_changed("applies_to: family", "applies_to: everyone",
	               "t.yaml:11:17: unknown applies_to 'everyone': use one of family, each-adult, "
	               "each-child\n");
	expect_changed("order: 1\n", "order: 1\nkind: modul\n",
	               "t.yaml:4:7: unknown kind 'modul': did you mean 'module'?\n");
	expect_changed("order: 1\n", "order: 1\nkind: module\n", "");
	expect_changed("type: longtext", "type: actions-review",
	               "t.yaml:14:15: an actions-review field belongs only in the supervision "
	               "proforma (kind: supervision): use actions for a module's own actions\n");
	expect_changed("type: longtext\n", "type: stage-of-change\n",
	               "t.yaml:14:15: a stage-of-change field belongs in an each-adult section, "
	               "since a stage is one adult's: move it, or make the section applies_to: "
	               "each-adult\n");
	expect_changed("applies_to: family\n    fields:\n      - id: notes\n        type: longtext\n",
	               "applies_to: each-adult\n    fields:\n      - id: notes\n"
	               "        type: stage-of-change\n        issues: [alcohol, gambling, drgus]\n",
	               "t.yaml:15:27: 'gambling' is not one of the issues in data/stages.yaml: use "
	               "one of alcohol, drugs, abusive-behaviour, safety-from-abuse, mental-health, "
	               "parenting, other\n"
	               "t.yaml:15:37: 'drgus' is not one of the issues in data/stages.yaml: did you "
	               "mean 'drugs'?\n");
}
END_TEST

START_TEST(roles_and_reference_ids)
{
	struct cb_refdata *ref;
	char *text;

	expect_changed("  - social-worker\n", "  - social-wroker\n  - wizard\n  - social-wroker\n",
	               "t.yaml:7:5: 'social-wroker' is not one of the roles in data/roles.yaml: did "
	               "you mean 'social-worker'?\n"
	               "t.yaml:8:5: 'wizard' is not one of the roles in data/roles.yaml: use one of "
	               "team-manager, senior-practitioner, social-worker, asye-social-worker, "
	               "child-practitioner, family-support-worker, da-victim-practitioner, "
	               "da-perpetrator-practitioner, mental-health-practitioner, recovery-worker, "
	               "business-support, independent-reviewing-officer, cp-chair, health-visitor, "
	               "school, police, probation, gp\n"
	               "t.yaml:9:5: 'social-wroker' is in led_by twice (the first on line 7): remove "
	               "one\n");
	expect_changed("led_by:\n  - social-worker\n", "led_by: []\n",
	               "t.yaml:6:9: led_by is empty: name at least one role\n");
	/* Without reference lists, ids are not checked. */
	text = head_with("  - social-worker\n", "  - wizard\n");
	expect_with(NULL, text, "");
	free(text);
	/* A role an authority adds to data/roles.yaml is known at once. */
	ref = real_refdata();
	{
		struct cb_refitem *it = cb_refitem_new();

		it->id = cb_strdup("wizard");
		it->label = cb_strdup("Wizard");
		cb_vec_push(&ref->roles.items, it);
	}
	text = head_with("  - social-worker\n", "  - wizard\n");
	expect_with(ref, text, "");
	free(text);
	cb_refdata_free(&ref);
}
END_TEST

/* The proforma is the shipped one with one thing changed. */
static void
expect_proforma(const char *from, const char *to, const char *expected)
{
	char *path = cb_asprintf("%s/modules/supervision.yaml", tu_srcdir());
	size_t len;
	char *bytes = tu_read(path, &len), *at = strstr(bytes, from), *text;

	ck_assert_msg(at != NULL, "'%s' not in the proforma", from);
	text = cb_asprintf("%.*s%s%s", (int)(at - bytes), bytes, to, at + strlen(from));
	expect(text, expected);
	free(text);
	free(bytes);
	free(path);
}

START_TEST(proforma_shape)
{
	expect_proforma("  - id: risk\n", "  - id: risks\n",
	                "t.yaml:14:3: the supervision proforma has no section 'risk': add it "
	                "(applies_to: family, with rating (risk-rating), reflection (longtext)), "
	                "since the minute-taking screen needs it\n");
	expect_proforma("      - id: worries\n", "      - id: concerns\n",
	                "t.yaml:27:5: section 'discussion' of the supervision proforma has no "
	                "field 'worries': add it, with type longtext\n");
	expect_proforma("        type: risk-rating\n", "        type: longtext\n",
	                "t.yaml:88:15: field 'risk.rating' of the supervision proforma should have "
	                "type risk-rating, not longtext\n");
	expect_proforma("    title: Cycle of Change\n    applies_to: each-adult\n",
	                "    title: Cycle of Change\n    applies_to: each-child\n",
	                "t.yaml:65:17: section 'stages' of the supervision proforma should apply "
	                "to each-adult, since the minute-taking screen asks it that way\n"
	                "t.yaml:72:15: a stage-of-change field belongs in an each-adult section, "
	                "since a stage is one adult's: move it, or make the section applies_to: "
	                "each-adult\n");
	/* Other sections are the authority's business. */
	expect_proforma("sections:\n", "sections:\n  - id: wellbeing\n    title: Staff wellbeing\n"
	                "    applies_to: family\n    fields:\n      - id: notes\n"
	                "        type: longtext\n        label: Anything to say\n", "");
	/* And actions-review is at home here. */
	expect_proforma("kind: supervision\n", "kind: module\n",
	                "t.yaml:25:15: an actions-review field belongs only in the supervision "
	                "proforma (kind: supervision): use actions for a module's own actions\n");
}
END_TEST

START_TEST(every_problem_reported)
{
	/* Five different mistakes, one of each kind: five messages. */
	static const char text[] =
		"id: Test\n"
		"version: 0\n"
		"order: 1\n"
		"title: A test module\n"
		"purpose: For the tests.\n"
		"led_by: [social-worker]\n"
		"colour: blue\n"
		"sections:\n"
		"  - id: one\n"
		"    title: One\n"
		"    applies_to: famliy\n"
		"    fields:\n"
		"      - id: notes\n"
		"        type: longtext\n"
		"        label: Notes\n"
		"        choices: [a]\n";
	struct cb_module *m = NULL;
	struct cb_refdata *ref = real_refdata();
	struct cb_diags d;

	cb_diags_init(&d);
	ck_assert_int_ne(cb_module_load_bytes("t.yaml", text, sizeof text - 1, ref, &m, &d), 0);
	ck_assert_ptr_null(m);
	ck_assert_uint_eq(cb_diags_count(&d), 5);
	cb_diags_clear(&d);
	cb_refdata_free(&ref);
}
END_TEST

/* --- sizes: nothing balloons or hangs ------------------------------------ */

START_TEST(too_many_problems_are_capped)
{
	struct cb_buf b = {0};
	struct cb_module *m = NULL;
	struct cb_refdata *ref = real_refdata();
	struct cb_diags d;
	const struct cb_diag *last;
	size_t i;

	cb_buf_add(&b, HEAD "      - id: pick\n        type: choice\n        label: Pick\n"
	                    "        choices:\n");
	for (i = 0; i < 20000; i++)
		cb_buf_add(&b, "          - same\n");
	cb_diags_init(&d);
	ck_assert_int_ne(cb_module_load_bytes("t.yaml", b.s, b.len, ref, &m, &d), 0);
	ck_assert_uint_eq(cb_diags_count(&d), 101);
	last = cb_diags_at(&d, 100);
	ck_assert_str_eq(last->msg, "checking stopped after 100 problems: fix these first, then "
	                            "check again");
	cb_diags_clear(&d);
	/* Thousands of different ids are found to be different quickly. */
	cb_buf_clear(&b);
	cb_buf_add(&b, HEAD "      - id: pick\n        type: choice\n        label: Pick\n"
	                    "        choices:\n");
	for (i = 0; i < 20000; i++)
		cb_buf_addf(&b, "          - c%zu\n", i);
	ck_assert_int_eq(cb_module_load_bytes("t.yaml", b.s, b.len, ref, &m, &d), 0);
	ck_assert_uint_eq(((const struct cb_field *)cb_module_field(m, "one.pick", NULL))
	                          ->choices.len, 20000);
	cb_module_free(&m);
	/* A mapping with a great many keys is refused without comparing them
	 * all with each other. */
	cb_buf_clear(&b);
	cb_buf_add(&b, HEAD "        help: x\n");
	for (i = 0; i < 20000; i++)
		cb_buf_addf(&b, "        k%zu: x\n", i);
	ck_assert_int_ne(cb_module_load_bytes("t.yaml", b.s, b.len, ref, &m, &d), 0);
	ck_assert_str_eq(cb_diags_at(&d, 0)->msg,
	                 "field 'one.notes' has 20004 keys, far more than it can use: check the "
	                 "indentation");
	cb_diags_clear(&d);
	cb_buf_free(&b);
	cb_refdata_free(&ref);
}
END_TEST

START_TEST(large_scalars)
{
	struct cb_buf b = {0};
	struct cb_module *m = NULL;
	struct cb_diags d;
	char *dir = tu_tmpdir(), *path;
	size_t i;

	/* Long, but within the limit: read whole. */
	cb_buf_add(&b, HEAD "        help: ");
	for (i = 0; i < (400u << 10); i++)
		cb_buf_addc(&b, (char)('a' + i % 26));
	cb_buf_add(&b, "\n");
	cb_diags_init(&d);
	ck_assert_int_eq(cb_module_load_bytes("t.yaml", b.s, b.len, NULL, &m, &d), 0);
	ck_assert_uint_eq(strlen(cb_module_field(m, "one.notes", NULL)->help), 400u << 10);
	cb_module_free(&m);
	/* Past it: refused before anything is parsed, from bytes or a file. */
	for (i = 0; i < (200u << 10); i++)
		cb_buf_addc(&b, 'b');
	ck_assert_int_ne(cb_module_load_bytes("t.yaml", b.s, b.len, NULL, &m, &d), 0);
	ck_assert_uint_eq(cb_diags_count(&d), 1);
	ck_assert_str_eq(cb_diags_at(&d, 0)->msg,
	                 "the file is too large (600 KiB): a module file may be at most 512 KiB");
	ck_assert_uint_eq(cb_diags_at(&d, 0)->line, 1);
	cb_diags_clear(&d);
	path = tu_path(dir, "big.yaml");
	tu_write(path, b.s, b.len);
	ck_assert_int_ne(cb_module_load_file(path, NULL, &m, &d), 0);
	ck_assert_uint_eq(cb_diags_count(&d), 1);
	ck_assert_str_eq(cb_diags_at(&d, 0)->msg,
	                 "the file is too large: a module file may be at most 512 KiB");
	cb_diags_clear(&d);
	cb_buf_free(&b);
	tu_rmtree(dir);
	free(dir);
	free(path);
}
END_TEST

START_TEST(files_that_are_not_files)
{
	char *dir = tu_tmpdir(), *fifo = tu_path(dir, "pipe.yaml"), *sub = tu_path(dir, "sub.yaml");
	char *missing = tu_path(dir, "missing.yaml");
	struct cb_module *m = NULL;
	struct cb_vec mods = CB_VEC_OWNING(cb_module_free_item);
	struct cb_diags d;
	char *got, *want;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	cb_diags_init(&d);
	/* A FIFO would block a plain open() for ever. */
	ck_assert_int_ne(cb_module_load_file(fifo, NULL, &m, &d), 0);
	ck_assert_int_ne(cb_module_load_file(sub, NULL, &m, &d), 0);
	ck_assert_int_ne(cb_module_load_file(missing, NULL, &m, &d), 0);
	got = all_diags(&d);
	want = cb_asprintf("%s: cannot read the file (No such file or directory)\n"
	                   "%s: this is not an ordinary file: give a module file\n"
	                   "%s: this is a folder, not a module file\n", missing, fifo, sub);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	cb_diags_clear(&d);
	/* In a folder they are reported, and the rest is read. */
	copy_module(dir, "basic-care.yaml");
	ck_assert_int_ne(cb_module_load_dir(dir, NULL, &mods, &d), 0);
	ck_assert_uint_eq(mods.len, 1);
	ck_assert_uint_eq(cb_diags_count(&d), 2);
	cb_vec_clear(&mods);
	cb_diags_clear(&d);
	tu_rmtree(dir);
	free(dir);
	free(fifo);
	free(sub);
	free(missing);
}
END_TEST

/* --- the programme from its folders -------------------------------------- */

static struct cb_programme
load_programme(const char *const *dirs, size_t n, int want_rc, bool want_inconsistent,
               const char *expected)
{
	struct cb_refdata *ref = real_refdata();
	struct cb_programme p;
	struct cb_diags d;
	bool inconsistent = !want_inconsistent;
	char *got;

	cb_diags_init(&d);
	ck_assert_int_eq(cb_programme_load(dirs, n, ref, &p, &d, &inconsistent), want_rc);
	got = all_diags(&d);
	ck_assert_msg(strcmp(got, expected) == 0, "expected:\n%s\ngot:\n%s", expected, got);
	ck_assert_int_eq(inconsistent, want_inconsistent);
	free(got);
	cb_diags_clear(&d);
	cb_refdata_free(&ref);
	return p;
}

START_TEST(later_folder_replaces)
{
	char *shipped = shipped_dir(), *own = tu_tmpdir(), *extra = tu_tmpdir();
	const char *dirs[] = {shipped, own, extra};
	char *path = cb_asprintf("%s/modules/basic-care.yaml", tu_srcdir());
	size_t len;
	char *bytes = tu_read(path, &len), *v2, *v3, *at;
	const struct cb_module *m;
	struct cb_programme p;

	at = strstr(bytes, "version: 1");
	v2 = cb_asprintf("%.*sversion: 2%s", (int)(at - bytes), bytes, at + 10);
	v3 = cb_asprintf("%.*sversion: 3%s", (int)(at - bytes), bytes, at + 10);
	/* The file name does not matter: the id does. */
	write_file(own, "my-basic-care.yaml", v2);
	write_file(extra, "basic-care.yaml", v3);
	write_file(extra, "local.yaml", HEAD);
	write_file(extra, "notes.txt", "not a module");
	write_file(extra, ".hidden.yaml", "not read at all: [");
	p = load_programme(dirs, 3, 0, false, "");
	ck_assert_uint_eq(p.modules.len, 10);
	m = cb_programme_find(&p, "basic-care");
	ck_assert_int_eq(m->version, 3);
	ck_assert_ptr_nonnull(strstr(m->source, extra));
	/* In programme order: order 1 sorts with getting-to-know, by id. */
	ck_assert_str_eq(((struct cb_module *)p.modules.items[1])->id, "getting-to-know");
	ck_assert_str_eq(((struct cb_module *)p.modules.items[2])->id, "test-module");
	cb_programme_clear(&p);

	/* Without the last folder, the middle one wins. */
	dirs[2] = NULL;
	p = load_programme(dirs, 3, 0, false, "");
	ck_assert_int_eq(cb_programme_find(&p, "basic-care")->version, 2);
	ck_assert_ptr_null(cb_programme_find(&p, "test-module"));
	cb_programme_clear(&p);
	free(bytes);
	free(path);
	free(v2);
	free(v3);
	tu_rmtree(own);
	tu_rmtree(extra);
	free(own);
	free(extra);
	free(shipped);
}
END_TEST

START_TEST(missing_folders)
{
	char *shipped = shipped_dir(), *tmp = tu_tmpdir();
	char *gone = tu_path(tmp, "gone"), *file = tu_path(tmp, "file");
	const char *dirs[] = {shipped, gone, NULL};
	struct cb_programme p;
	char *want;

	/* Only the last folder has to be there. */
	p = load_programme(dirs, 3, 0, false, "");
	ck_assert_uint_eq(p.modules.len, 9);
	cb_programme_clear(&p);
	dirs[2] = gone;
	want = cb_asprintf("%s: there is no such folder: check the name\n", gone);
	p = load_programme(dirs, 3, -1, false, want);
	ck_assert_uint_eq(p.modules.len, 9);
	cb_programme_clear(&p);
	free(want);
	write_file(tmp, "file", "x");
	dirs[2] = file;
	want = cb_asprintf("%s: this is not a folder: give the folder that holds the module "
	                   "files\n", file);
	p = load_programme(dirs, 3, -1, false, want);
	cb_programme_clear(&p);
	free(want);
	tu_rmtree(tmp);
	free(tmp);
	free(gone);
	free(file);
	free(shipped);
}
END_TEST

START_TEST(same_id_twice_in_one_folder)
{
	char *shipped = shipped_dir(), *extra = tu_tmpdir();
	const char *dirs[] = {shipped, extra};
	char *a = tu_path(extra, "a.yaml"), *b = tu_path(extra, "b.yaml"), *c;
	struct cb_programme p;
	char *want;

	write_file(extra, "a.yaml", HEAD);
	write_file(extra, "b.yaml", HEAD);
	copy_module(extra, "relationships.yaml");
	want = cb_asprintf(
		"%s:1:5: the module id 'test-module' is also used by %s: two files in one folder "
		"cannot have the same id; change one id, or remove the file you do not need\n"
		"%s:1:5: the module id 'test-module' is also used by %s: two files in one folder "
		"cannot have the same id; change one id, or remove the file you do not need\n",
		a, b, b, a);
	p = load_programme(dirs, 2, -1, false, want);
	/* Neither is used; the other modules are. */
	ck_assert_ptr_null(cb_programme_find(&p, "test-module"));
	ck_assert_uint_eq(p.modules.len, 9);
	ck_assert_str_eq(cb_programme_find(&p, "relationships")->source + strlen(extra),
	                 "/relationships.yaml");
	cb_programme_clear(&p);
	free(want);
	/* A third names the first, which is told only once. */
	write_file(extra, "c.yaml", HEAD);
	c = tu_path(extra, "c.yaml");
	want = cb_asprintf(
		"%s:1:5: the module id 'test-module' is also used by %s: two files in one folder "
		"cannot have the same id; change one id, or remove the file you do not need\n"
		"%s:1:5: the module id 'test-module' is also used by %s: two files in one folder "
		"cannot have the same id; change one id, or remove the file you do not need\n"
		"%s:1:5: the module id 'test-module' is also used by %s: two files in one folder "
		"cannot have the same id; change one id, or remove the file you do not need\n",
		a, b, b, a, c, a);
	p = load_programme(dirs, 2, -1, false, want);
	cb_programme_clear(&p);
	free(want);
	tu_rmtree(extra);
	free(extra);
	free(shipped);
	free(a);
	free(b);
	free(c);
}
END_TEST

START_TEST(broken_files_left_out)
{
	char *shipped = shipped_dir(), *extra = tu_tmpdir();
	const char *dirs[] = {shipped, extra};
	char *bad = tu_path(extra, "basic-care.yaml");
	struct cb_programme p;
	char *want;

	/* A broken replacement leaves the earlier, good copy in use. */
	write_file(extra, "basic-care.yaml", "id: basic-care\nversion: 9\n");
	write_file(extra, "local.yaml", HEAD);
	want = cb_asprintf(
		"%s:1:1: the module has no 'led_by': add led_by: with a list of role ids from "
		"data/roles.yaml\n"
		"%s:1:1: the module has no 'order': add order: with the module's place in the "
		"programme\n"
		"%s:1:1: the module has no 'purpose': add purpose: with a few plain sentences on why "
		"this module is done\n"
		"%s:1:1: the module has no 'sections': add sections: with at least one section\n"
		"%s:1:1: the module has no 'title': add title: with a short title\n",
		bad, bad, bad, bad, bad);
	p = load_programme(dirs, 2, -1, false, want);
	ck_assert_uint_eq(p.modules.len, 10);
	ck_assert_int_eq(cb_programme_find(&p, "basic-care")->version, 1);
	ck_assert_ptr_nonnull(cb_programme_find(&p, "test-module"));
	cb_programme_clear(&p);
	free(want);
	tu_rmtree(extra);
	free(extra);
	free(bad);
	free(shipped);
}
END_TEST

START_TEST(proforma_missing_broken_or_twice)
{
	char *shipped = shipped_dir(), *only = tu_tmpdir(), *extra = tu_tmpdir();
	const char *dirs[] = {only};
	const char *both[] = {shipped, extra};
	char *path, *want;
	struct cb_programme p;

	copy_module(only, "basic-care.yaml");
	want = cb_asprintf("%s: there is no supervision proforma (a module with kind: "
	                   "supervision): put supervision.yaml back in the modules folder\n", only);
	p = load_programme(dirs, 1, -1, true, want);
	ck_assert_uint_eq(p.modules.len, 1);
	ck_assert_ptr_null(p.supervision);
	cb_programme_clear(&p);
	free(want);

	/* A broken proforma, even over a good one, makes the programme unsafe. */
	write_file(extra, "supervision.yaml", "id: supervision\nkind: supervision\nversion: [\n");
	path = tu_path(extra, "supervision.yaml");
	want = cb_asprintf("%s:4:1: did not find expected node content while parsing a flow "
	                   "node\n", path);
	p = load_programme(both, 2, -1, true, want);
	free(want);
	free(path);
	cb_programme_clear(&p);

	/* Two proformas: neither is used. */
	tu_rmtree(extra);
	ck_assert_int_eq(mkdir(extra, 0700), 0);
	{
		char *src = cb_asprintf("%s/supervision.yaml", shipped);
		size_t len;
		char *bytes = tu_read(src, &len), *text;

		text = cb_asprintf("id: minutes%s", strchr(bytes, '\n'));
		write_file(extra, "minutes.yaml", text);
		free(text);
		free(bytes);
		free(src);
	}
	path = tu_path(extra, "minutes.yaml");
	{
		char *sup = cb_asprintf("%s/supervision.yaml", shipped);
		char *one = cb_asprintf("%s:4:7: there can be only one supervision proforma, but %s "
		                        "also has kind: supervision: keep one, and give the other "
		                        "kind: module\n", sup, path);
		char *two = cb_asprintf("%s:4:7: there can be only one supervision proforma, but %s "
		                        "also has kind: supervision: keep one, and give the other "
		                        "kind: module\n", path, sup);

		/* Problems come sorted by file name. */
		want = strcmp(sup, path) < 0 ? cb_asprintf("%s%s", one, two)
		                             : cb_asprintf("%s%s", two, one);
		free(sup);
		free(one);
		free(two);
	}
	p = load_programme(both, 2, -1, true, want);
	ck_assert_ptr_null(p.supervision);
	ck_assert_uint_eq(p.modules.len, 8);
	cb_programme_clear(&p);
	free(want);
	free(path);
	tu_rmtree(only);
	tu_rmtree(extra);
	free(only);
	free(extra);
	free(shipped);
}
END_TEST

static struct cb_module_version *
recorded(const char *id, long version)
{
	struct cb_module_version *v = cb_calloc(1, sizeof *v);

	v->module_id = cb_strdup(id);
	v->version = version;
	return v;
}

static void
recorded_free(void *p)
{
	struct cb_module_version *v = p;

	free(v->module_id);
	free(v);
}

START_TEST(recorded_versions)
{
	char *shipped = shipped_dir();
	const char *dirs[] = {shipped};
	struct cb_vec rec = CB_VEC_OWNING(recorded_free);
	struct cb_programme p = load_programme(dirs, 1, 0, false, "");
	struct cb_diags d;
	char *got, *want;

	cb_diags_init(&d);
	ck_assert_int_eq(cb_programme_check_recorded(&p, &rec, &d), 0);
	cb_vec_push(&rec, recorded("basic-care", 1));
	/* Answers under a module this programme no longer has show as retired. */
	cb_vec_push(&rec, recorded("old-module", 7));
	ck_assert_int_eq(cb_programme_check_recorded(&p, &rec, &d), 0);
	ck_assert_uint_eq(cb_diags_count(&d), 0);
	cb_vec_push(&rec, recorded("relationships", 2));
	cb_vec_push(&rec, recorded("mental-health", 4));
	cb_vec_push(&rec, recorded("mental-health", 3));
	ck_assert_int_ne(cb_programme_check_recorded(&p, &rec, &d), 0);
	got = all_diags(&d);
	want = cb_asprintf(
		"%s/mental-health.yaml:2:10: version 1 is older than version 4 already recorded in "
		"the database: raise it to 4 or more\n"
		"%s/relationships.yaml:2:10: version 1 is older than version 2 already recorded in "
		"the database: raise it to 2 or more\n", shipped, shipped);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	cb_diags_clear(&d);
	cb_vec_clear(&rec);
	cb_programme_clear(&p);
	free(shipped);
}
END_TEST

/* --- the malformed corpus ------------------------------------------------ */

START_TEST(malformed_files_refused)
{
	char *dir = cb_asprintf("%s/tests/data/malformed", tu_srcdir());
	struct cb_refdata *ref = real_refdata();
	struct cb_vec names = CB_VEC_OWNING(free);
	struct dirent *e;
	DIR *d = opendir(dir);
	size_t i, j;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			cb_vec_push(&names, cb_strdup(e->d_name));
	closedir(d);
	ck_assert_uint_ge(names.len, 25);
	for (i = 0; i < names.len; i++) {
		char *path = tu_path(dir, names.items[i]);
		struct cb_module *m = NULL;
		struct cb_diags diags;
		bool placed = false;

		cb_diags_init(&diags);
		ck_assert_msg(cb_module_load_file(path, ref, &m, &diags) != 0, "%s was accepted",
		              path);
		ck_assert_ptr_null(m);
		ck_assert_msg(cb_diags_count(&diags) >= 1, "%s: refused without a reason", path);
		for (j = 0; j < cb_diags_count(&diags); j++) {
			const struct cb_diag *dg = cb_diags_at(&diags, j);

			ck_assert_str_eq(dg->file, path);
			placed = placed || (dg->line >= 1 && dg->col >= 1);
		}
		ck_assert_msg(placed, "%s: no problem has a line", path);
		cb_diags_clear(&diags);
		free(path);
	}
	cb_vec_clear(&names);
	cb_refdata_free(&ref);
	free(dir);
}
END_TEST

static Suite *
modules_suite(void)
{
	Suite *s = suite_create("modules");
	TCase *shipped = tcase_create("shipped");
	TCase *rules = tcase_create("rules");
	TCase *limits = tcase_create("limits");
	TCase *programme = tcase_create("programme");

	tcase_add_test(shipped, shipped_modules_load_clean);
	tcase_add_test(shipped, shipped_programme_in_order);
	tcase_add_test(shipped, model_is_complete);
	tcase_add_test(shipped, plain_string_choices);
	tcase_add_test(shipped, manual_example_loads);
	tcase_add_test(rules, unknown_and_missing_keys);
	tcase_add_test(rules, duplicate_ids);
	tcase_add_test(rules, wrong_types);
	tcase_add_test(rules, bad_ids);
	tcase_add_test(rules, versions_and_orders);
	tcase_add_test(rules, scales);
	tcase_add_test(rules, choices_and_tables);
	tcase_add_test(rules, keys_on_the_wrong_type);
	tcase_add_test(rules, field_types_and_values);
	tcase_add_test(rules, roles_and_reference_ids);
	tcase_add_test(rules, proforma_shape);
	tcase_add_test(rules, every_problem_reported);
	tcase_add_test(limits, too_many_problems_are_capped);
	tcase_add_test(limits, large_scalars);
	tcase_add_test(limits, files_that_are_not_files);
	tcase_add_test(limits, malformed_files_refused);
	tcase_add_test(programme, later_folder_replaces);
	tcase_add_test(programme, missing_folders);
	tcase_add_test(programme, same_id_twice_in_one_folder);
	tcase_add_test(programme, broken_files_left_out);
	tcase_add_test(programme, proforma_missing_broken_or_twice);
	tcase_add_test(programme, recorded_versions);
	suite_add_tcase(s, shipped);
	suite_add_tcase(s, rules);
	suite_add_tcase(s, limits);
	suite_add_tcase(s, programme);
	return s;
}

int
main(void)
{
	return tu_run(modules_suite());
}
