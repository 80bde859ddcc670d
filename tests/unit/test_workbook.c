/* SPDX-License-Identifier: MIT */
/* workbook: the YAML reader and the reference lists in data/. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/workbook/ytree.h"
#include "casebook/diag.h"
#include "casebook/help.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/str.h"
#include "casebook/workbook.h"
#include "testutil.h"

static struct yt_node *
parse(const char *text, size_t len, struct cb_diags *d)
{
	cb_diags_init(d);
	return yt_parse("t.yaml", text, len, d);
}

static void
expect_refused(const char *text, size_t len, const char *fragment)
{
	struct cb_diags d;
	struct yt_node *root = parse(text, len, &d);
	char *line;

	ck_assert_ptr_null(root);
	ck_assert_uint_ge(cb_diags_count(&d), 1);
	line = cb_diag_format(cb_diags_at(&d, 0));
	ck_assert_msg(strstr(line, fragment) != NULL, "'%s' not in '%s'", fragment, line);
	free(line);
	cb_diags_clear(&d);
}

START_TEST(reads_positions)
{
	static const char text[] = "id: basic-care\nsections:\n  - id: routines\n    title: x\n";
	struct cb_diags d;
	struct yt_node *root = parse(text, sizeof text - 1, &d);
	const struct yt_node *secs, *first;

	ck_assert_ptr_nonnull(root);
	ck_assert_uint_eq(cb_diags_count(&d), 0);
	secs = yt_get(root, "sections");
	ck_assert_int_eq(secs->type, YT_SEQ);
	first = secs->kids[0];
	ck_assert_uint_eq(first->line, 3);
	ck_assert_uint_eq(first->col, 5);
	ck_assert_str_eq(yt_get(first, "title")->value, "x");
	ck_assert_uint_eq(yt_get(first, "title")->line, 4);
	yt_free(root);
	cb_diags_clear(&d);
}
END_TEST

START_TEST(tabs_refused_with_position)
{
	static const char text[] = "id: x\nsections:\n\t- id: y\n";

	expect_refused(text, sizeof text - 1, "t.yaml:3:");
}
END_TEST

START_TEST(anchors_and_aliases_refused)
{
	static const char anchor[] = "a: &x hello\nb: *x\n";
	/* The classic expansion bomb: refused at the first anchor, before any
	 * expansion could happen. */
	static const char bomb[] =
		"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
		"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
		"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
		"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
		"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
		"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
		"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
	static const char alias_only[] = "b: *nothing\n";

	expect_refused(anchor, sizeof anchor - 1, "t.yaml:1:4: anchors");
	expect_refused(bomb, sizeof bomb - 1, "anchors");
	expect_refused(alias_only, sizeof alias_only - 1, "t.yaml:1:");
}
END_TEST

START_TEST(second_document_refused)
{
	static const char text[] = "id: a\n---\nid: b\n";

	expect_refused(text, sizeof text - 1, "t.yaml:2:1: only one document");
}
END_TEST

START_TEST(empty_and_comment_only)
{
	expect_refused("", 0, "the file is empty");
	expect_refused("# nothing here\n", 15, "the file is empty");
}
END_TEST

START_TEST(deep_nesting_refused)
{
	struct cb_buf b = {0};
	int i;

	for (i = 0; i < 200; i++)
		cb_buf_add(&b, "[");
	for (i = 0; i < 200; i++)
		cb_buf_add(&b, "]");
	expect_refused(b.s, b.len, "nested too deeply");
	cb_buf_clear(&b);
	for (i = 0; i < 100000; i++)
		cb_buf_add(&b, "{a: ");
	expect_refused(b.s, b.len, "t.yaml:");
	cb_buf_free(&b);
}
END_TEST

START_TEST(large_scalars)
{
	struct cb_buf b = {0};
	struct cb_diags d;
	struct yt_node *root;
	size_t i;

	cb_buf_add(&b, "text: ");
	for (i = 0; i < (1u << 20); i++)
		cb_buf_addc(&b, 'a' + (char)(i % 26));
	cb_buf_add(&b, "\n");
	root = parse(b.s, b.len, &d);
	ck_assert_ptr_nonnull(root);
	ck_assert_uint_eq(strlen(yt_get(root, "text")->value), 1u << 20);
	yt_free(root);
	cb_diags_clear(&d);
	/* Past the size limit the file is refused whole. */
	for (i = 0; i < YT_MAX_BYTES; i++)
		cb_buf_addc(&b, 'b');
	expect_refused(b.s, b.len, "too large");
	cb_buf_free(&b);
}
END_TEST

START_TEST(invalid_utf8_and_garbage)
{
	static const char bad[] = "title: Zo\xeb\n";
	unsigned char junk[4096];
	size_t i;
	unsigned x = 12345;

	expect_refused(bad, sizeof bad - 1, "t.yaml:1:");
	for (i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (unsigned char)(x >> 16);
	}
	{
		struct cb_diags d;
		struct yt_node *root = parse((const char *)junk, sizeof junk, &d);

		ck_assert_ptr_null(root);
		ck_assert_uint_ge(cb_diags_count(&d), 1);
		cb_diags_clear(&d);
	}
	expect_refused("a: \"x\0y\"\n", 9, "t.yaml:1:");
}
END_TEST

START_TEST(unknown_keys_get_suggestions)
{
	static const char text[] = "id: x\ntitel: y\nid: z\nfoo: 1\n";
	static const char *const allowed[] = {"id", "title", "version", NULL};
	static const char *const required[] = {"id", "version", NULL};
	struct cb_diags d;
	struct yt_node *root = parse(text, sizeof text - 1, &d);
	char *s;

	yt_check_keys(root, "t.yaml", &d, "the module", allowed, required);
	cb_diags_sort(&d);
	ck_assert_uint_eq(cb_diags_count(&d), 4);
	s = cb_diag_format(cb_diags_at(&d, 0));
	ck_assert_str_eq(s, "t.yaml:1:1: the module has no 'version'");
	free(s);
	s = cb_diag_format(cb_diags_at(&d, 1));
	ck_assert_str_eq(s, "t.yaml:2:1: unknown key 'titel' in the module: did you mean 'title'?");
	free(s);
	s = cb_diag_format(cb_diags_at(&d, 2));
	ck_assert_str_eq(s, "t.yaml:3:1: the key 'id' appears twice in the module (first on line 1)");
	free(s);
	s = cb_diag_format(cb_diags_at(&d, 3));
	ck_assert_str_eq(s, "t.yaml:4:1: unknown key 'foo' in the module");
	free(s);
	yt_free(root);
	cb_diags_clear(&d);
}
END_TEST

START_TEST(scalar_readers)
{
	static const char text[] = "n: 12\nq: \"12\"\nb: yes\nqb: \"yes\"\nbig: 99999999999999999999\n";
	struct cb_diags d;
	struct yt_node *root = parse(text, sizeof text - 1, &d);
	long v;
	bool b;

	ck_assert(yt_int(yt_get(root, "n"), "t.yaml", &d, "n", 0, 100, &v));
	ck_assert_int_eq(v, 12);
	ck_assert(!yt_int(yt_get(root, "q"), "t.yaml", &d, "q", 0, 100, &v));
	ck_assert(!yt_int(yt_get(root, "n"), "t.yaml", &d, "n", 0, 10, &v));
	ck_assert(!yt_int(yt_get(root, "big"), "t.yaml", &d, "big", 0, 10, &v));
	ck_assert(yt_bool(yt_get(root, "b"), "t.yaml", &d, "b", &b));
	ck_assert(b);
	ck_assert(!yt_bool(yt_get(root, "qb"), "t.yaml", &d, "qb", &b));
	ck_assert_uint_eq(cb_diags_count(&d), 4);
	yt_free(root);
	cb_diags_clear(&d);
}
END_TEST

START_TEST(reference_lists_load)
{
	struct cb_refdata *ref = cb_refdata_new();
	struct cb_diags d;
	char *dir = cb_asprintf("%s/data", tu_srcdir());
	size_t i;

	cb_diags_init(&d);
	if (cb_refdata_load(dir, ref, &d) != 0) {
		for (i = 0; i < cb_diags_count(&d); i++) {
			char *s = cb_diag_format(cb_diags_at(&d, i));

			fprintf(stderr, "%s\n", s);
			free(s);
		}
		ck_abort_msg("data/ has problems");
	}
	ck_assert_ptr_nonnull(cb_reflist_find(&ref->roles, "social-worker"));
	ck_assert_ptr_nonnull(cb_reflist_find(&ref->roles, "da-perpetrator-practitioner"));
	ck_assert_uint_eq(cb_reflist_len(&ref->statuses), 4);
	ck_assert_str_eq(cb_reflist_find(&ref->statuses, "cp")->short_label, "CP");
	ck_assert_uint_eq(cb_reflist_len(&ref->cp_categories), 5);
	ck_assert_uint_eq(cb_reflist_len(&ref->primary_need), 10);
	ck_assert_ptr_nonnull(cb_reflist_find(&ref->factors, "21"));
	ck_assert(cb_reflist_find(&ref->factors, "18A")->legacy);
	ck_assert_uint_eq(cb_reflist_len(&ref->stages), 6);
	ck_assert_ptr_nonnull(cb_reflist_find(&ref->stages, "precontemplation")->task);
	ck_assert_uint_eq(cb_reflist_len(&ref->issues), 7);
	ck_assert_uint_eq(cb_reflist_len(&ref->ratings), 3);
	ck_assert_ptr_nonnull(ref->rag_direction);
	ck_assert_ptr_nonnull(cb_reflist_find(&ref->note_kinds, "contribution"));
	cb_refdata_free(&ref);
	cb_diags_clear(&d);
	free(dir);
}
END_TEST

START_TEST(reference_list_problems_reported)
{
	char *dir = tu_tmpdir();
	char *src = cb_asprintf("%s/data", tu_srcdir());
	static const char *const files[] = {"statuses.yaml", "codes.yaml", "stages.yaml",
	                                    "rag.yaml", "note-kinds.yaml"};
	static const char roles[] = "roles:\n  - id: social-worker\n    lable: Social worker\n"
	                            "  - id: social-worker\n    label: Again\n";
	struct cb_refdata *ref = cb_refdata_new();
	struct cb_diags d;
	char *s, *p;
	size_t i, len;

	for (i = 0; i < sizeof files / sizeof *files; i++) {
		char *from = tu_path(src, files[i]), *to = tu_path(dir, files[i]);
		char *bytes = tu_read(from, &len);

		tu_write(to, bytes, len);
		free(bytes);
		free(from);
		free(to);
	}
	p = tu_path(dir, "roles.yaml");
	tu_write(p, roles, sizeof roles - 1);
	cb_diags_init(&d);
	ck_assert_int_ne(cb_refdata_load(dir, ref, &d), 0);
	cb_diags_sort(&d);
	ck_assert_uint_ge(cb_diags_count(&d), 2);
	s = cb_diag_format(cb_diags_at(&d, 0));
	ck_assert_ptr_nonnull(strstr(s, "roles.yaml:2:5: each entry"));
	free(s);
	s = cb_diag_format(cb_diags_at(&d, 1));
	ck_assert_ptr_nonnull(strstr(s, "roles.yaml:3:5: unknown key 'lable' in roles: did you mean 'label'?"));
	free(s);
	cb_diags_clear(&d);
	cb_refdata_free(&ref);
	tu_rmtree(dir);
	free(dir);
	free(src);
	free(p);
}
END_TEST

/* Texts in several languages: the chosen one, English where it is
 * missing, counted on the root; other mappings are left alone. */
START_TEST(texts_in_languages)
{
	static const char text[] =
		"a: {en: Red, cy: Coch}\n"
		"b:\n  en: Only English\n"
		"c: [{en: One, cy: Un}, plain]\n"
		"d: {id: social-worker}\n"
		"e: {cy: Dim Saesneg}\n";
	struct cb_diags d;
	struct yt_node *root;
	const char *s;

	cb_workbook_set_language("cy");
	root = parse(text, sizeof text - 1, &d);
	ck_assert_ptr_nonnull(root);
	ck_assert(yt_str(yt_get(root, "a"), "t", &d, "a", &s));
	ck_assert_str_eq(s, "Coch");
	ck_assert(yt_str(yt_get(root, "b"), "t", &d, "b", &s));
	ck_assert_str_eq(s, "Only English");
	ck_assert_str_eq(yt_get(root, "c")->kids[0]->value, "Un");
	ck_assert_str_eq(yt_get(root, "c")->kids[1]->value, "plain");
	ck_assert_int_eq(yt_get(root, "d")->type, YT_MAP);
	ck_assert_int_eq(yt_get(root, "e")->type, YT_MAP);
	ck_assert_uint_eq(root->lang_texts, 3);
	ck_assert_uint_eq(root->lang_fallbacks, 1);
	/* The line of the text chosen, for messages. */
	ck_assert_uint_eq(yt_get(root, "b")->line, 3);
	yt_free(root);
	cb_diags_clear(&d);

	cb_workbook_set_language("C.UTF-8");
	ck_assert_str_eq(cb_workbook_language(), "en");
	root = parse(text, sizeof text - 1, &d);
	ck_assert_str_eq(yt_get(root, "a")->value, "Red");
	ck_assert_uint_eq(root->lang_fallbacks, 0);
	yt_free(root);
	cb_diags_clear(&d);
}
END_TEST

/* The shipped reference lists carry Welsh, stages with the parents'
 * wording; a language nobody wrote falls back to English. */
START_TEST(reference_lists_in_welsh)
{
	static const char *const langs[] = {"cy", "fr"};
	size_t k;

	for (k = 0; k < 2; k++) {
		struct cb_refdata *ref = cb_refdata_new();
		struct cb_diags d;
		char *dir = cb_asprintf("%s/data", tu_srcdir());
		const struct cb_refitem *st;
		bool cy = k == 0;

		cb_diags_init(&d);
		cb_workbook_set_language(langs[k]);
		ck_assert_int_eq(cb_refdata_load(dir, ref, &d), 0);
		st = cb_reflist_find(&ref->stages, "contemplation");
		ck_assert_str_eq(st->label, cy ? "Meddwl am y peth, mewn dau feddwl"
		                              : "Thinking about it, in two minds");
		ck_assert_ptr_nonnull(strstr(st->for_parent, cy ? "Mae rhan ohonoch chi" : "Part of you"));
		ck_assert_str_eq(cb_reflist_find(&ref->statuses, "cp")->label,
		                 cy ? "Amddiffyn Plant" : "Child Protection");
		ck_assert_str_eq(cb_reflist_find(&ref->roles, "social-worker")->label,
		                 cy ? "Gweithiwr cymdeithasol" : "Social worker");
		/* The descriptions beside them in the pickers too. */
		ck_assert_ptr_nonnull(strstr(cb_reflist_find(&ref->roles, "social-worker")->about,
		                             cy ? "Yn dal cyfrifoldeb achos" : "Holds case responsibility"));
		ck_assert_ptr_nonnull(strstr(cb_reflist_find(&ref->statuses, "cp")->about,
		                             cy ? "Cynllun amddiffyn plant" : "A child protection plan"));
		ck_assert_str_eq(cb_reflist_find(&ref->ratings, "amber")->label, cy ? "Ambr" : "Amber");
		ck_assert_str_eq(cb_reflist_find(&ref->note_kinds, "home-visit")->label,
		                 cy ? "Ymweliad cartref" : "Home visit");
		ck_assert_str_eq(cb_reflist_find(&ref->primary_need, "N1")->label,
		                 cy ? "Cam-drin neu esgeulustod" : "Abuse or neglect");
		cb_refdata_free(&ref);
		cb_diags_clear(&d);
		free(dir);
	}
	cb_workbook_set_language("en");
}
END_TEST

/* A module read in Welsh: the proforma is Welsh throughout; a module
 * with no Welsh says it is in English; in English nothing is marked. */
START_TEST(modules_in_welsh)
{
	struct cb_module *m = NULL;
	struct cb_diags d;
	char *sup = cb_asprintf("%s/modules/supervision.yaml", tu_srcdir());
	char *care = cb_asprintf("%s/modules/basic-care.yaml", tu_srcdir());

	cb_diags_init(&d);
	cb_workbook_set_language("cy");
	ck_assert_int_eq(cb_module_load_file(sup, NULL, &m, &d), 0);
	ck_assert_str_eq(m->title, "Goruchwyliaeth achosion grŵp");
	ck_assert_str_eq(((struct cb_section *)m->sections.items[0])->title,
	                 "Camau gweithredu'r tro diwethaf");
	cb_module_free(&m);
	ck_assert_int_eq(cb_module_load_file(care, NULL, &m, &d), 0);
	ck_assert_str_eq(m->title, "Basic care and keeping safe (in English)");
	cb_module_free(&m);
	cb_workbook_set_language("en");
	ck_assert_int_eq(cb_module_load_file(care, NULL, &m, &d), 0);
	ck_assert_str_eq(m->title, "Basic care and keeping safe");
	cb_module_free(&m);
	ck_assert_int_eq(cb_module_load_file(sup, NULL, &m, &d), 0);
	ck_assert_str_eq(m->title, "Group case supervision");
	cb_module_free(&m);
	cb_diags_clear(&d);
	free(sup);
	free(care);
}
END_TEST

/* The module shipped complete in Welsh: every text it shows, prompts,
 * choices and anchors too, so nothing marks it as English. A module with
 * a single text in English only is marked "partly in English". */
START_TEST(module_complete_in_welsh)
{
	static const char partly[] =
		"id: partly\nversion: 1\norder: 1\n"
		"title: {en: Partly, cy: Yn rhannol}\n"
		"purpose: {en: Why, cy: Pam}\nled_by: [social-worker]\n"
		"sections:\n"
		"  - id: one\n    title: {en: One, cy: Un}\n    applies_to: family\n"
		"    prompts:\n      - Asked in English only?\n"
		"    fields:\n      - {id: a, type: text, label: {en: A, cy: A}}\n";
	struct cb_module *m = NULL;
	const struct cb_section *s;
	const struct cb_field *f;
	struct cb_diags d;
	char *mh = cb_asprintf("%s/modules/mental-health.yaml", tu_srcdir());

	cb_diags_init(&d);
	cb_workbook_set_language("cy");
	ck_assert_int_eq(cb_module_load_file(mh, NULL, &m, &d), 0);
	ck_assert_str_eq(m->title, "Iechyd meddwl a llesiant");
	s = m->sections.items[0];
	ck_assert_str_eq(s->title, "Sut mae'r oedolyn hwn");
	ck_assert_str_eq(s->prompts.items[0],
	                 "Sut ydych chi wedi bod yn teimlo ynoch eich hun yn ddiweddar?");
	f = s->fields.items[1];
	ck_assert_str_eq(((struct cb_anchor *)f->anchors.items[1])->label, "Dod i ben");
	f = s->fields.items[2];
	ck_assert_str_eq(((struct cb_option *)f->choices.items[1])->label, "Meddyg teulu");
	cb_module_free(&m);
	ck_assert_int_eq(cb_module_load_bytes("partly.yaml", partly, sizeof partly - 1, NULL, &m, &d),
	                 0);
	ck_assert_str_eq(m->title, "Yn rhannol (partly in English)");
	cb_module_free(&m);
	cb_workbook_set_language("en");
	ck_assert_int_eq(cb_module_load_bytes("partly.yaml", partly, sizeof partly - 1, NULL, &m, &d),
	                 0);
	ck_assert_str_eq(m->title, "Partly");
	cb_module_free(&m);
	ck_assert_int_eq(cb_module_load_file(mh, NULL, &m, &d), 0);
	ck_assert_str_eq(m->title, "Mental health and wellbeing");
	cb_module_free(&m);
	ck_assert_uint_eq(cb_diags_count(&d), 0);
	cb_diags_clear(&d);
	free(mh);
}
END_TEST

/* The trainer's notes read in Welsh: a screen's notes with any text in
 * English only say so after the title; one written in both do not. */
START_TEST(trainer_notes_marked)
{
	static const char both[] =
		"screens:\n"
		"  - id: caseload\n    title: {en: Your caseload, cy: Eich llwyth achosion}\n"
		"    purpose: {en: Where you start., cy: Lle rydych chi'n dechrau.}\n"
		"  - id: notes\n    title: {en: Case notes, cy: Nodiadau achos}\n"
		"    purpose: {en: What happened., cy: Beth ddigwyddodd.}\n"
		"    try: Write one.\n";
	char *dir = tu_tmpdir(), *path = tu_path(dir, "help.yaml");
	struct cb_vec help = CB_VEC_OWNING(cb_help_entry_free_item);
	struct cb_diags d;

	cb_diags_init(&d);
	tu_write(path, both, sizeof both - 1);
	cb_workbook_set_language("cy");
	ck_assert_int_eq(cb_help_load(path, &help, &d), 0);
	ck_assert_uint_eq(help.len, 2);
	ck_assert_str_eq(((struct cb_help_entry *)help.items[0])->title, "Eich llwyth achosion");
	ck_assert_str_eq(((struct cb_help_entry *)help.items[1])->title,
	                 "Nodiadau achos (in English)");
	cb_vec_clear(&help);
	cb_workbook_set_language("en");
	ck_assert_int_eq(cb_help_load(path, &help, &d), 0);
	ck_assert_str_eq(((struct cb_help_entry *)help.items[1])->title, "Case notes");
	cb_vec_clear(&help);
	cb_diags_clear(&d);
	tu_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

static Suite *
workbook_suite(void)
{
	Suite *s = suite_create("workbook");
	TCase *yaml = tcase_create("yaml");
	TCase *ref = tcase_create("refdata");

	tcase_add_test(yaml, reads_positions);
	tcase_add_test(yaml, tabs_refused_with_position);
	tcase_add_test(yaml, anchors_and_aliases_refused);
	tcase_add_test(yaml, second_document_refused);
	tcase_add_test(yaml, empty_and_comment_only);
	tcase_add_test(yaml, deep_nesting_refused);
	tcase_add_test(yaml, large_scalars);
	tcase_add_test(yaml, invalid_utf8_and_garbage);
	tcase_add_test(yaml, unknown_keys_get_suggestions);
	tcase_add_test(yaml, scalar_readers);
	tcase_add_test(ref, reference_lists_load);
	tcase_add_test(ref, reference_list_problems_reported);
	tcase_add_test(yaml, texts_in_languages);
	tcase_add_test(ref, reference_lists_in_welsh);
	tcase_add_test(ref, modules_in_welsh);
	tcase_add_test(ref, module_complete_in_welsh);
	tcase_add_test(ref, trainer_notes_marked);
	suite_add_tcase(s, yaml);
	suite_add_tcase(s, ref);
	return s;
}

int
main(void)
{
	return tu_run(workbook_suite());
}
