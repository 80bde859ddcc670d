/* SPDX-License-Identifier: MIT */
/* export: the document model and its three writers. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_notes.h"
#include "casebook/store_series.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "casebook/vec.h"
#include "casebook/workbook.h"
#include "casebook/worker.h"
#include "testutil.h"

/* On failure, show what was rendered: the needle alone says little. */
#define assert_has(out, needle)                                                  \
	ck_assert_msg(strstr((out), (needle)) != NULL, "'%s' is missing from:\n%s", (needle), (out))
#define assert_lacks(out, needle)                                                \
	ck_assert_msg(strstr((out), (needle)) == NULL, "'%s' should not be in:\n%s", (needle), (out))

static char *
render(const struct cb_doc *d, enum cb_export_format f)
{
	struct cb_buf b = {0};

	cb_render(d, f, &b);
	return cb_buf_take(&b);
}

static char *
render_txt(const struct cb_doc *d, size_t width)
{
	struct cb_buf b = {0};

	cb_render_txt(d, width, &b);
	return cb_buf_take(&b);
}

/* The lines of s, owned. */
static void
lines_of(const char *s, struct cb_vec *out)
{
	while (*s != '\0') {
		size_t n = strcspn(s, "\n");

		cb_vec_push(out, cb_strndup(s, n));
		s += n;
		if (*s == '\n')
			s++;
	}
}

static void
assert_width_at_most(const char *text, size_t width)
{
	struct cb_vec lines = CB_VEC_OWNING(free);
	size_t i;

	lines_of(text, &lines);
	for (i = 0; i < lines.len; i++) {
		const char *l = lines.items[i];

		ck_assert_msg(cb_utf8_width(l) <= width, "line %zu is %zu columns: '%s'", i + 1,
		              cb_utf8_width(l), l);
		ck_assert_msg(l[0] == '\0' || l[strlen(l) - 1] != ' ', "trailing blank: '%s'", l);
	}
	cb_vec_clear(&lines);
}

/* The words of s, separated by single spaces. */
static char *
words_of(const char *s)
{
	struct cb_buf b = {0};

	while (*s != '\0') {
		size_t n;

		s += strspn(s, " \n");
		n = strcspn(s, " \n");
		if (n == 0)
			break;
		if (b.len > 0)
			cb_buf_addc(&b, ' ');
		cb_buf_addn(&b, s, n);
		s += n;
	}
	return cb_buf_take(&b);
}

static const char *const names_text =
	"Zoë Price spoke with Łukasz Nowak and Nguyễn Thị Hoa about the plan; سارة حداد "
	"joined by phone. 王小明 (a name in wide characters) came too, and Siobhán "
	"Gallagher read out the actions, which everyone agreed were realistic and "
	"had one owner each, with a date.";

START_TEST(txt_wraps_by_display_width)
{
	struct cb_doc *d = cb_doc_new("t");
	char *out, *w1, *w2;
	size_t width;

	cb_doc_text(d, names_text);
	for (width = 20; width <= 78; width += 29) {
		out = render_txt(d, width);
		assert_width_at_most(out, width);
		/* Wrapping moves words, never loses or splits them. */
		w1 = words_of(out);
		w2 = words_of(names_text);
		ck_assert_str_eq(w1, w2);
		free(w1);
		free(w2);
		free(out);
	}
	cb_doc_free(&d);
	ck_assert_ptr_null(d);
}
END_TEST

START_TEST(txt_fills_lines)
{
	struct cb_doc *d = cb_doc_new("t");
	char *out;

	cb_doc_text(d, "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk");
	out = render_txt(d, 20);
	ck_assert_str_eq(out, "aaaa bbbb cccc dddd\neeee ffff gggg hhhh\niiii jjjj kkkk\n");
	free(out);
	cb_doc_free(&d);
}
END_TEST

START_TEST(txt_keeps_line_breaks_and_cuts_long_words)
{
	struct cb_doc *d = cb_doc_new("t");
	char *out;

	cb_doc_text(d, "first line\n\n  indented\r\nlast\n\n\n");
	cb_doc_text(d, "https://example.invalid/a/very/long/address/that/cannot/break end");
	cb_doc_text(d, "王小明王小明王小明王小明王小明王小明王小明王小明");
	out = render_txt(d, 20);
	ck_assert_str_eq(out, "first line\n\n  indented\nlast\n\n"
	                      "https://example.inva\nlid/a/very/long/addr\ness/that/cannot/brea\n"
	                      "k end\n\n"
	                      /* a wide character is never split across lines */
	                      "王小明王小明王小明王\n小明王小明王小明王小\n明王小明\n");
	assert_width_at_most(out, 20);
	free(out);
	cb_doc_free(&d);
}
END_TEST

/* Where (in display columns) needle starts on the line. */
static size_t
column_of(const char *line, const char *needle)
{
	const char *p = strstr(line, needle);

	ck_assert_msg(p != NULL, "'%s' not in '%s'", needle, line);
	return cb_utf8_widthn(line, (size_t)(p - line));
}

START_TEST(txt_table_lines_up_names_in_any_script)
{
	static const char *const names[] = {"Zoë Price", "Łukasz Nowak", "Nguyễn Thị Hoa",
	                                    "سارة حداد", "王小明", "Siobhán Gallagher"};
	const char *h[3] = {"Name", "Role", "Age"};
	struct cb_doc *d = cb_doc_new("t");
	struct cb_block *t = cb_doc_table(d, 3, h);
	struct cb_vec lines = CB_VEC_OWNING(free);
	char *out;
	size_t i, role_col, age_end;

	cb_block_align_right(t, 2);
	for (i = 0; i < 6; i++) {
		char age[8];
		const char *row[3];

		snprintf(age, sizeof age, "%zu", i * 7 + 3);
		row[0] = names[i];
		row[1] = i % 2 ? "parent" : "child";
		row[2] = age;
		cb_block_row(t, row);
	}
	out = render_txt(d, 78);
	lines_of(out, &lines);
	ck_assert_uint_eq(lines.len, 8);
	ck_assert_str_eq(lines.items[1], "-----------------  ------  ---");
	role_col = column_of(lines.items[0], "Role");
	age_end = cb_utf8_width(lines.items[0]);
	for (i = 0; i < 6; i++) {
		const char *l = lines.items[i + 2];

		ck_assert_uint_eq(column_of(l, i % 2 ? "parent" : "child"), role_col);
		/* The numbers are right-aligned: they all end where "Age" ends. */
		ck_assert_uint_eq(cb_utf8_width(l), age_end);
	}
	cb_vec_clear(&lines);
	free(out);
	cb_doc_free(&d);
}
END_TEST

START_TEST(txt_table_wraps_long_cells_to_fit)
{
	const char *h[3] = {"Action", "Owner", "Due"};
	const char *r1[3] = {"Write to Ryan and Zoë setting out the contact plan agreed on 14 "
	                     "October, in plain words, and check they both understood it.",
	                     "Imran Chaudhry", "2026-10-29"};
	const char *r2[3] = {"Book the review.", "Łukasz Nowak", "2026-11-12"};
	struct cb_doc *d = cb_doc_new("t");
	struct cb_block *t = cb_doc_table(d, 3, h);
	struct cb_vec lines = CB_VEC_OWNING(free);
	struct cb_buf cell = {0};
	char *out, *w;
	size_t i, owner_col;

	cb_block_row(t, r1);
	cb_block_row(t, r2);
	out = render_txt(d, 60);
	assert_width_at_most(out, 60);
	lines_of(out, &lines);
	owner_col = column_of(lines.items[0], "Owner");
	/* The short columns stay whole, on the first line of their row. */
	ck_assert_uint_eq(column_of(lines.items[2], "Imran Chaudhry"), owner_col);
	ck_assert_uint_eq(column_of(lines.items[2], "2026-10-29"),
	                  column_of(lines.items[0], "Due"));
	ck_assert_uint_eq(column_of(lines.items[lines.len - 1], "Łukasz Nowak"), owner_col);
	/* The long one wraps inside its own column, and reads the same. */
	for (i = 3; i + 1 < lines.len; i++)
		ck_assert_uint_lt(cb_utf8_width(lines.items[i]), owner_col);
	for (i = 2; i + 1 < lines.len; i++) {
		const char *l = lines.items[i];

		cb_buf_addn(&cell, l, cb_utf8_fit(l, owner_col));
		cb_buf_addc(&cell, ' ');
	}
	w = words_of(cb_buf_str(&cell));
	ck_assert_str_eq(w, r1[0]);
	free(w);
	cb_buf_free(&cell);
	cb_vec_clear(&lines);
	free(out);
	cb_doc_free(&d);
}
END_TEST

START_TEST(txt_headings_fields_lists)
{
	struct cb_doc *d = cb_doc_new("t");
	struct cb_block *b;
	char *out;

	cb_doc_heading(d, 1, "Nguyễn family (FS-26-0207)");
	b = cb_doc_fields(d);
	cb_block_field(b, "Date", "2026-11-12");
	cb_block_field(b, "Minute-taker", "Mei Ling Chan");
	cb_block_field(b, "Families", "1. Price family\n2. Nguyễn family");
	cb_doc_heading(d, 2, "Goals");
	b = cb_doc_list(d);
	cb_block_item(b, "I want to stop checking on Mum at night and sleep in my own bed.",
	              "For Ellie-Mae Price; proposed by a child\nScores: 5 → 8 → 10");
	cb_doc_heading(d, 3, "Worries");
	cb_doc_text(d, "Few.");
	out = render_txt(d, 40);
	ck_assert_str_eq(out,
	                 "Nguyễn family (FS-26-0207)\n"
	                 "==========================\n"
	                 "\n"
	                 "Date:          2026-11-12\n"
	                 "Minute-taker:  Mei Ling Chan\n"
	                 "Families:      1. Price family\n"
	                 "               2. Nguyễn family\n"
	                 "\n"
	                 "Goals\n"
	                 "-----\n"
	                 "\n"
	                 "- I want to stop checking on Mum at\n"
	                 "  night and sleep in my own bed.\n"
	                 "  For Ellie-Mae Price; proposed by a\n"
	                 "  child\n"
	                 "  Scores: 5 → 8 → 10\n"
	                 "\n"
	                 "Worries\n"
	                 "Few.\n");
	free(out);
	cb_doc_free(&d);
}
END_TEST

START_TEST(empty_sections_leave_no_trace)
{
	const char *h[2] = {"Due", "Action"};
	struct cb_doc *d = cb_doc_new("t");
	enum cb_export_format f;
	char *out;

	cb_doc_heading(d, 2, "Goals");
	cb_doc_list(d);
	cb_doc_fields(d);
	cb_doc_table(d, 2, h);
	cb_doc_text(d, "  \n ");
	cb_doc_text(d, NULL);
	cb_doc_heading(d, 2, "Actions");
	cb_doc_text(d, "None.");
	out = render(d, CB_EXPORT_TXT);
	ck_assert_str_eq(out, "Goals\n-----\n\nActions\n-------\n\nNone.\n");
	free(out);
	out = render(d, CB_EXPORT_MD);
	ck_assert_str_eq(out, "## Goals\n\n## Actions\n\nNone.\n");
	free(out);
	out = render(d, CB_EXPORT_HTML);
	assert_has(out, "<main>\n<h2>Goals</h2>\n<h2>Actions</h2>\n<p>None.</p>\n"
	                                  "</main>\n");
	assert_lacks(out, "<ul>");
	assert_lacks(out, "<table");
	free(out);
	cb_doc_free(&d);
	/* A document with nothing in it is still a document. */
	d = cb_doc_new(NULL);
	for (f = CB_EXPORT_TXT; f <= CB_EXPORT_HTML; f++) {
		out = render(d, f);
		ck_assert_ptr_nonnull(out);
		free(out);
	}
	cb_doc_free(&d);
	cb_doc_free(&d); /* NULL-safe */
}
END_TEST

START_TEST(md_escapes_recorded_text)
{
	struct cb_doc *d = cb_doc_new("t");
	struct cb_block *b;
	const char *h[2] = {"Who", "What | why"};
	const char *row[2] = {"Zoë *Price*", "a|b\nc"};
	char *out;

	cb_doc_text(d, "Mum said *never* __again__ [see](http://x.invalid) <b>bold</b> & `code` "
	               "#1 ~struck~ \\ ok!");
	cb_doc_text(d, "- not a list\n+ nor this\n1. nor this\n2) nor this\n# not a heading\n"
	               "    not code\n> not a quote\n===\n12345678901. long number");
	b = cb_doc_list(d);
	cb_block_item(b, "Ellie_Mae's *goal*", "Scores: 4 → 6\n- line two");
	b = cb_doc_fields(d);
	cb_block_field(b, "Reason [1]", "<script>x</script>");
	b = cb_doc_table(d, 2, h);
	cb_block_row(b, row);
	cb_doc_heading(d, 2, "Case #3 *draft*");
	/* In a heading "1." is only text; at the start of an item it would
	 * open a list inside the list. */
	cb_doc_heading(d, 2, "1. Price family");
	b = cb_doc_list(d);
	cb_block_item(b, "- 2. nested?", NULL);
	out = render(d, CB_EXPORT_MD);
	ck_assert_str_eq(out,
	                 "Mum said \\*never\\* \\_\\_again\\_\\_ \\[see\\](http://x.invalid) "
	                 "\\<b\\>bold\\</b\\> \\& \\`code\\` \\#1 \\~struck\\~ \\\\ ok\\!\n"
	                 "\n"
	                 "\\- not a list\\\n"
	                 "\\+ nor this\\\n"
	                 "1\\. nor this\\\n"
	                 "2\\) nor this\\\n"
	                 "\\# not a heading\\\n"
	                 "not code\\\n"
	                 "\\> not a quote\\\n"
	                 "\\===\\\n"
	                 "12345678901. long number\n"
	                 "\n"
	                 "- Ellie\\_Mae's \\*goal\\*\\\n"
	                 "  Scores: 4 → 6\\\n"
	                 "  \\- line two\n"
	                 "\n"
	                 "- **Reason \\[1\\]:** \\<script\\>x\\</script\\>\n"
	                 "\n"
	                 "| Who | What \\| why |\n"
	                 "| --- | --- |\n"
	                 "| Zoë \\*Price\\* | a\\|b c |\n"
	                 "\n"
	                 "## Case \\#3 \\*draft\\*\n"
	                 "\n"
	                 "## 1. Price family\n"
	                 "\n"
	                 "- \\- 2. nested?\n");
	free(out);
	cb_doc_free(&d);
}
END_TEST

START_TEST(md_paragraphs_pre_notice_footer)
{
	struct cb_doc *d = cb_doc_new("t");
	const char *h[2] = {"Module", "Sessions"};
	const char *row[2] = {"Basic care", "3"};
	struct cb_block *t;
	char *out;

	cb_doc_text(d, "one\n\n\ntwo");
	cb_doc_pre(d, "a ``` fence\n  *kept* as is");
	cb_doc_notice(d, "DRAFT: not signed off");
	t = cb_doc_table(d, 2, h);
	cb_block_align_right(t, 1);
	cb_block_row(t, row);
	cb_doc_set_footer(d, "Exported on 2026-11-27.");
	out = render(d, CB_EXPORT_MD);
	ck_assert_str_eq(out, "one\n\ntwo\n\n"
	                      "````\na ``` fence\n  *kept* as is\n````\n\n"
	                      "> **DRAFT: not signed off**\n\n"
	                      "| Module | Sessions |\n| --- | ---: |\n| Basic care | 3 |\n\n"
	                      "---\n\nExported on 2026-11-27.\n");
	free(out);
	cb_doc_free(&d);
}
END_TEST

START_TEST(html_escapes_everything_recorded)
{
	struct cb_doc *d = cb_doc_new("Price <family> & \"friends\"");
	struct cb_block *b;
	const char *h[1] = {"<th>"};
	const char *row[1] = {"<td onclick=x>"};
	char *out;

	cb_doc_heading(d, 1, "<h1>Price</h1>");
	cb_doc_text(d, "Note: <script>alert('x')</script>\nsecond line & more");
	cb_doc_pre(d, "<pre>");
	cb_doc_notice(d, "<b>draft</b>");
	b = cb_doc_list(d);
	cb_block_item(b, "<li>", "<script>1</script>");
	b = cb_doc_fields(d);
	cb_block_field(b, "<k>", "<script src=//evil.invalid/x.js></script>");
	b = cb_doc_table(d, 1, h);
	cb_block_row(b, row);
	cb_doc_set_footer(d, "</footer><script>");
	out = render(d, CB_EXPORT_HTML);
	/* Not one piece of recorded text becomes markup. */
	assert_lacks(out, "<script");
	assert_lacks(out, "<td onclick");
	assert_lacks(out, "<b>");
	assert_lacks(out, "<k>");
	assert_lacks(out, "<h1>Price");
	assert_has(out, "<title>Price &lt;family&gt; &amp; &quot;friends&quot;"
	                                  "</title>");
	assert_has(out, "<p>Note: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
	                                  "<br>\nsecond line &amp; more</p>");
	assert_has(out, "<pre>&lt;pre&gt;</pre>");
	assert_has(out, "<th scope=\"col\">&lt;th&gt;</th>");
	assert_has(out, "<td>&lt;td onclick=x&gt;</td>");
	assert_has(out, "<footer>\n<p>&lt;/footer&gt;&lt;script&gt;</p>\n");
	/* One page that stands on its own and says how it is encoded. */
	ck_assert(cb_str_startswith(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                                 "<meta charset=\"utf-8\">\n"));
	assert_has(out, "<style>");
	assert_has(out, "@media print");
	assert_lacks(out, "http");
	assert_lacks(out, "<link");
	ck_assert(strlen(out) > 0 && strcmp(out + strlen(out) - 8, "</html>\n") == 0);
	assert_lacks(out, "class=\"draft\"");
	free(out);
	d->draft = true;
	out = render(d, CB_EXPORT_HTML);
	assert_has(out, "<body class=\"draft\" data-mark=\"DRAFT\">");
	free(out);
	cb_doc_free(&d);
}
END_TEST

START_TEST(control_characters_never_pass)
{
	struct cb_doc *d = cb_doc_new("t");
	enum cb_export_format f;
	char *clean;

	clean = cb_doc_clean("red \x1b[31malert\x1b[0m\x07 bad \xff\xfe byte\ttab\r\nnext\rlast");
	ck_assert_str_eq(clean, "red \xEF\xBF\xBD[31malert\xEF\xBF\xBD[0m\xEF\xBF\xBD bad "
	                        "\xEF\xBF\xBD\xEF\xBF\xBD byte tab\nnext\nlast");
	free(clean);
	clean = cb_doc_clean("C1 \xC2\x9B" "2J and \xEF\xBF\xBD kept");
	ck_assert_str_eq(clean, "C1 \xEF\xBF\xBD" "2J and \xEF\xBF\xBD kept");
	free(clean);
	/* A bidi override in a note does not turn a court document round. */
	clean = cb_doc_clean("seen \xe2\x80\xae" "dnuor \xe2\x81\xa6" "x\xe2\x81\xa9 end");
	ck_assert_str_eq(clean, "seen \xef\xbf\xbd" "dnuor \xef\xbf\xbd" "x\xef\xbf\xbd end");
	free(clean);
	cb_doc_text(d, "\x1b]0;title\x07 \x1b[2J");
	cb_doc_heading(d, 2, "\x1b[31m");
	for (f = CB_EXPORT_TXT; f <= CB_EXPORT_HTML; f++) {
		char *out = render(d, f);

		ck_assert_ptr_null(strchr(out, '\x1b'));
		ck_assert_ptr_null(strchr(out, '\x07'));
		ck_assert(cb_utf8_valid(out, strlen(out)));
		free(out);
	}
	cb_doc_free(&d);
}
END_TEST

START_TEST(txt_notice_and_footer)
{
	struct cb_doc *d = cb_doc_new("t");
	char *out;

	cb_doc_notice(d, "DRAFT: not signed off");
	cb_doc_set_footer(d, "Exported from casebook on 2026-11-27.");
	out = render_txt(d, 78);
	ck_assert_str_eq(out, "*****************************\n"
	                      "*** DRAFT: not signed off ***\n"
	                      "*****************************\n"
	                      "\n"
	                      "Exported from casebook on 2026-11-27.\n");
	free(out);
	cb_doc_free(&d);
}
END_TEST

START_TEST(formats_by_name)
{
	enum cb_export_format f = CB_EXPORT_TXT;
	struct cb_err err = {0};

	ck_assert_int_eq(cb_export_format_parse("md", &f, &err), 0);
	ck_assert_int_eq(f, CB_EXPORT_MD);
	ck_assert_int_eq(cb_export_format_parse("html", &f, &err), 0);
	ck_assert_int_eq(f, CB_EXPORT_HTML);
	ck_assert_int_eq(cb_export_format_parse("txt", &f, &err), 0);
	ck_assert_int_eq(f, CB_EXPORT_TXT);
	ck_assert_int_ne(cb_export_format_parse("pdf", &f, &err), 0);
	ck_assert_int_eq(err.code, CB_EINVAL);
	ck_assert_str_eq(err.msg, "'pdf' is not a format: use txt, md or html");
	ck_assert_int_ne(cb_export_format_parse("HTML", &f, &err), 0);
	ck_assert_int_ne(cb_export_format_parse(NULL, &f, &err), 0);
	ck_assert_str_eq(cb_export_format_name(CB_EXPORT_MD), "md");
}
END_TEST


/* Records: a small team, two families discussed in two meetings, built
 * through the store as the workbook would build them. */

static char *tmp;
static struct cb_store *db;
static struct cb_refdata *ref;
static struct {
	char chair[CB_UUID_LEN], minutes[CB_UUID_LEN], sw[CB_UUID_LEN];
	char a[CB_UUID_LEN], b[CB_UUID_LEN];
	char marek[CB_UUID_LEN];
	char m1[CB_UUID_LEN], m2[CB_UUID_LEN];
	char a_action[CB_UUID_LEN];
} ids;

static struct cb_date
day(const char *s)
{
	struct cb_date d;

	ck_assert_int_eq(cb_date_parse(s, &d, NULL), 0);
	return d;
}

static void
add_worker(const char *name, const char *role, char id[CB_UUID_LEN])
{
	struct cb_worker *w = cb_worker_new();
	struct cb_err err = {0};

	w->name = cb_strdup(name);
	w->role = cb_strdup(role);
	ck_assert_msg(cb_store_worker_add(db, w, &err) == 0, "%s", err.msg);
	memcpy(id, w->id, CB_UUID_LEN);
	cb_worker_free(&w);
}

static void
add_family(const char *reference, const char *name, char id[CB_UUID_LEN])
{
	struct cb_family *f = cb_family_new();
	struct cb_err err = {0};

	f->reference = cb_strdup(reference);
	f->name = cb_strdup(name);
	f->opened = day("2026-03-17");
	ck_assert_msg(cb_store_family_add(db, f, &err) == 0, "%s", err.msg);
	memcpy(id, f->id, CB_UUID_LEN);
	cb_family_free(&f);
}

static void
add_person(const char *family, const char *name, const char *born, enum cb_member_role role,
           char id[CB_UUID_LEN])
{
	struct cb_person *p = cb_person_new();
	struct cb_err err = {0};

	memcpy(p->family_id, family, CB_UUID_LEN);
	p->name = cb_strdup(name);
	p->born = day(born);
	p->role = role;
	ck_assert_msg(cb_store_person_add(db, p, &err) == 0, "%s", err.msg);
	if (id != NULL)
		memcpy(id, p->id, CB_UUID_LEN);
	cb_person_free(&p);
}

static void
add_meeting(const char *date, char id[CB_UUID_LEN], const char *const *families)
{
	struct cb_meeting *m = cb_meeting_new();
	struct cb_err err = {0};
	int i;

	m->date = day(date);
	memcpy(m->chair_id, ids.chair, CB_UUID_LEN);
	memcpy(m->minute_taker_id, ids.minutes, CB_UUID_LEN);
	ck_assert_msg(cb_store_meeting_add(db, m, &err) == 0, "%s", err.msg);
	memcpy(id, m->id, CB_UUID_LEN);
	for (i = 0; families[i] != NULL; i++) {
		struct cb_meeting_item *it = cb_meeting_item_new();

		memcpy(it->meeting_id, m->id, CB_UUID_LEN);
		memcpy(it->family_id, families[i], CB_UUID_LEN);
		it->position = i + 1;
		it->seconds = 60L * (10 + 5 * i);
		ck_assert_msg(cb_store_item_add(db, it, &err) == 0, "%s", err.msg);
		cb_meeting_item_free(&it);
	}
	cb_meeting_free(&m);
}

static void
add_action(const char *family, const char *meeting, const char *text, const char *due,
           char id[CB_UUID_LEN])
{
	struct cb_action *a = cb_action_new();
	struct cb_err err = {0};

	memcpy(a->family_id, family, CB_UUID_LEN);
	snprintf(a->meeting_id, sizeof a->meeting_id, "%s", meeting);
	memcpy(a->owner_id, ids.sw, CB_UUID_LEN);
	a->text = cb_strdup(text);
	a->due = day(due);
	ck_assert_msg(cb_store_action_add(db, a, &err) == 0, "%s", err.msg);
	if (id != NULL)
		memcpy(id, a->id, CB_UUID_LEN);
	cb_action_free(&a);
}

static void
add_answer(const char *family, const char *meeting, const char *key, const char *value)
{
	struct cb_answer *a = cb_answer_new();
	struct cb_err err = {0};

	memcpy(a->family_id, family, CB_UUID_LEN);
	snprintf(a->meeting_id, sizeof a->meeting_id, "%s", meeting);
	a->module_id = cb_strdup("supervision");
	a->field_key = cb_strdup(key);
	a->module_version = 1;
	a->value = cb_strdup(value);
	a->date = day("2026-11-12");
	ck_assert_msg(cb_store_answer_save(db, a, &err) == 0, "%s", err.msg);
	cb_answer_free(&a);
}

static void
add_rating(const char *family, const char *meeting, const char *rating, const char *why)
{
	struct cb_rating *r = cb_rating_new();
	struct cb_err err = {0};

	memcpy(r->family_id, family, CB_UUID_LEN);
	snprintf(r->meeting_id, sizeof r->meeting_id, "%s", meeting);
	r->rating = cb_strdup(rating);
	r->date = day(meeting[0] != '\0' ? "2026-11-12" : "2026-04-08");
	r->context = cb_strdup(meeting[0] != '\0' ? "supervision" : "conference");
	r->rationale = cb_strdup(why);
	/* A rating agreed in group supervision is recorded by someone whose
	 * role may (data/roles.yaml): the minute-taker here. */
	if (meeting[0] != '\0')
		cb_store_set_actor(db, ids.minutes);
	ck_assert_msg(cb_store_rating_add(db, r, &err) == 0, "%s", err.msg);
	cb_store_set_actor(db, CB_SYSTEM_WORKER);
	cb_rating_free(&r);
}

static void
sign(const char *meeting)
{
	struct cb_meeting *m = NULL;
	struct cb_err err = {0};

	cb_store_set_actor(db, ids.chair);
	cb_store_set_rules(db, ref);
	cb_store_set_os_user(db, "gadeyemi");
	ck_assert_msg(cb_store_link_os_user(db, "gadeyemi", ids.chair, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_store_meeting_get(db, meeting, &m, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_store_meeting_sign(db, m, &err) == 0, "%s", err.msg);
	cb_meeting_free(&m);
	cb_store_set_actor(db, CB_SYSTEM_WORKER);
}

static void
records_setup(void)
{
	struct cb_diags diags;
	struct cb_err err = {0};
	char *path, *data, yusuf[CB_UUID_LEN], zoe[CB_UUID_LEN];
	const char *both[3];
	struct cb_status *st = cb_status_new();
	struct cb_allocation *al = cb_allocation_new();
	struct cb_attendance *at = cb_attendance_new();
	struct cb_action_review *rv = cb_action_review_new();
	struct cb_stage_record *sr = cb_stage_record_new();
	struct cb_goal *g = cb_goal_new();
	struct cb_addendum *ad;
	struct cb_vec items = CB_VEC_OWNING(cb_meeting_item_free_item);
	size_t i;
	int score[3] = {4, 6, 7};

	tmp = tu_tmpdir();
	path = tu_path(tmp, "records.db");
	ck_assert_msg(cb_store_open(path, CB_STORE_CREATE, &db, &err) == 0, "%s", err.msg);
	free(path);
	cb_diags_init(&diags);
	ref = cb_refdata_new();
	data = tu_path(tu_srcdir(), "data");
	ck_assert_int_eq(cb_refdata_load(data, ref, &diags), 0);
	free(data);
	cb_diags_clear(&diags);

	add_worker("Grace Adeyemi", "team-manager", ids.chair);
	add_worker("Mei Ling Chan", "business-support", ids.minutes);
	add_worker("Imran Chaudhry", "social-worker", ids.sw);
	add_family("FS-1", "Kowalski family", ids.a);
	add_family("FS-2", "Haddad family", ids.b);
	add_person(ids.a, "Zoë Kowalski", "2017-02-11", CB_MEMBER_CHILD, zoe);
	add_person(ids.a, "Marek Kowalski", "1990-01-02", CB_MEMBER_PARENT, ids.marek);
	add_person(ids.b, "سارة حداد", "1988-05-05", CB_MEMBER_PARENT, NULL);
	add_person(ids.b, "Yusuf Haddad", "2014-09-01", CB_MEMBER_CHILD, yusuf);

	memcpy(st->person_id, zoe, CB_UUID_LEN);
	st->status = cb_strdup("cp");
	st->from = day("2026-04-08");
	st->cp_category = cb_strdup("EMO");
	st->need = cb_strdup("N1");
	st->factors = cb_strdup("3B 17A");
	ck_assert_msg(cb_store_status_add(db, st, &err) == 0, "%s", err.msg);
	cb_status_free(&st);
	memcpy(al->family_id, ids.a, CB_UUID_LEN);
	memcpy(al->worker_id, ids.sw, CB_UUID_LEN);
	al->role = cb_strdup("social-worker");
	al->from = day("2026-03-17");
	ck_assert_msg(cb_store_allocation_add(db, al, &err) == 0, "%s", err.msg);
	cb_allocation_free(&al);

	memcpy(g->family_id, ids.a, CB_UUID_LEN);
	memcpy(g->person_id, ids.marek, CB_UUID_LEN);
	g->words = cb_strdup("I want to be a dad my kids run to, not away from.");
	g->proposed_by = cb_strdup("jointly");
	g->set_on = day("2026-06-16");
	g->target = day("2027-01-31");
	g->status = cb_strdup("active");
	ck_assert_msg(cb_store_goal_add(db, g, &err) == 0, "%s", err.msg);
	for (i = 0; i < 3; i++) {
		struct cb_goal_review *r = cb_goal_review_new();

		memcpy(r->goal_id, g->id, CB_UUID_LEN);
		r->date = day(i == 0 ? "2026-08-11" : i == 1 ? "2026-10-06" : "2026-11-09");
		r->score = score[i];
		ck_assert_msg(cb_store_review_add(db, r, &err) == 0, "%s", err.msg);
		cb_goal_review_free(&r);
	}
	cb_goal_free(&g);
	add_rating(ids.a, "", "red", "Three police call-outs in two years.");

	both[0] = ids.a;
	both[1] = ids.b;
	both[2] = NULL;
	add_meeting("2026-10-22", ids.m1, both);
	add_action(ids.a, ids.m1, "Write to Marek about contact <script>alert(1)</script>",
	           "2026-10-29", ids.a_action);
	add_action(ids.b, ids.m1, "Book the Haddad review with school", "2026-11-12", NULL);
	add_answer(ids.b, ids.m1, "discussion.working_well", "Yusuf is settled at secondary school.");
	sign(ids.m1);
	cb_store_set_actor(db, ids.chair);
	ad = cb_addendum_new();
	memcpy(ad->meeting_id, ids.m1, CB_UUID_LEN);
	memcpy(ad->family_id, ids.b, CB_UUID_LEN);
	ad->text = cb_strdup("Correction for FS-2: the review is with the health visitor too.");
	ck_assert_msg(cb_store_addendum_add(db, ad, &err) == 0, "%s", err.msg);
	cb_addendum_free(&ad);
	ad = cb_addendum_new();
	memcpy(ad->meeting_id, ids.m1, CB_UUID_LEN);
	ad->text = cb_strdup("Whole meeting: Kowalski and Haddad items were taken out of order.");
	ck_assert_msg(cb_store_addendum_add(db, ad, &err) == 0, "%s", err.msg);
	cb_addendum_free(&ad);
	cb_store_set_actor(db, CB_SYSTEM_WORKER);

	/* November: not signed off yet. */
	add_meeting("2026-11-12", ids.m2, both);
	ck_assert_msg(cb_store_item_list(db, ids.m2, &items, &err) == 0, "%s", err.msg);
	memcpy(at->item_id, ((struct cb_meeting_item *)items.items[0])->id, CB_UUID_LEN);
	memcpy(at->worker_id, ids.sw, CB_UUID_LEN);
	at->status = cb_strdup("written");
	at->contribution = cb_strdup("Marek kept every contact.\nStill quiet about alcohol.");
	ck_assert_msg(cb_store_attendance_set(db, at, &err) == 0, "%s", err.msg);
	cb_attendance_free(&at);
	cb_vec_clear(&items);
	memcpy(rv->action_id, ids.a_action, CB_UUID_LEN);
	memcpy(rv->meeting_id, ids.m2, CB_UUID_LEN);
	rv->outcome = cb_strdup("not-done");
	rv->reason = cb_strdup("Imran was off sick.");
	ck_assert_msg(cb_store_action_review_set(db, rv, &err) == 0, "%s", err.msg);
	cb_action_review_free(&rv);
	add_answer(ids.a, ids.m2, "discussion.working_well", "Marek kept every contact <b>on time</b>.");
	add_answer(ids.a, ids.m2, "discussion.lived_experience", "Zoë sleeps in her own bed.");
	add_answer(ids.b, ids.m2, "discussion.worries", "Housing is cramped for the Haddad children.");
	memcpy(sr->family_id, ids.a, CB_UUID_LEN);
	memcpy(sr->person_id, ids.marek, CB_UUID_LEN);
	memcpy(sr->meeting_id, ids.m2, CB_UUID_LEN);
	sr->issue = cb_strdup("abusive-behaviour");
	sr->stage = cb_strdup("action");
	sr->date = day("2026-11-12");
	sr->evidence = cb_strdup("Six of six group sessions.");
	sr->context = cb_strdup("supervision");
	ck_assert_msg(cb_store_stage_add(db, sr, &err) == 0, "%s", err.msg);
	cb_stage_record_free(&sr);
	add_rating(ids.a, ids.m2, "amber", "Progress, but alcohol not yet worked through.");
	add_rating(ids.b, ids.m2, "green", "Sustained change for the Haddad children.");
	add_action(ids.a, ids.m2, "Joint session on alcohol", "2026-11-30", NULL);
	add_action(ids.b, ids.m2, "Final session with Yusuf", "2026-12-04", NULL);
}

static void
records_teardown(void)
{
	cb_store_close(&db);
	cb_refdata_free(&ref);
	tu_rmtree(tmp);
	free(tmp);
}

static struct cb_meeting *
meeting(const char *id)
{
	struct cb_meeting *m = NULL;
	struct cb_err err = {0};

	ck_assert_msg(cb_store_meeting_get(db, id, &m, &err) == 0, "%s", err.msg);
	return m;
}

/* Everything about the other family that must never reach this one's
 * extract. */
static const char *const haddad[] = {
	"FS-2", "Haddad", "سارة", "Yusuf", "Book the Haddad review", "health visitor",
	"Whole meeting", "Final session", "cramped", "Sustained change", "2.",
};

START_TEST(extract_holds_one_family_only)
{
	const char *meetings[2] = {ids.m1, ids.m2};
	size_t k, i;

	for (k = 0; k < 2; k++) {
		struct cb_meeting *m = meeting(meetings[k]);
		struct cb_doc *d = NULL;
		struct cb_err err = {0};
		enum cb_export_format f;

		ck_assert_msg(cb_export_minutes(db, m, ids.a, ref, NULL, &d, &err) == 0, "%s", err.msg);
		for (f = CB_EXPORT_TXT; f <= CB_EXPORT_HTML; f++) {
			char *out = render(d, f);

			for (i = 0; i < sizeof haddad / sizeof *haddad; i++)
				ck_assert_msg(strstr(out, haddad[i]) == NULL, "'%s' in the %s extract:\n%s",
				              haddad[i], cb_export_format_name(f), out);
			assert_has(out, "FS-1");
			assert_has(out, "Kowalski family");
			assert_has(out, "Write to Marek about contact");
			free(out);
		}
		cb_doc_free(&d);
		cb_meeting_free(&m);
	}
}
END_TEST

START_TEST(extract_of_a_family_not_discussed_is_refused)
{
	struct cb_meeting *m = meeting(ids.m1);
	struct cb_doc *d = NULL;
	struct cb_err err = {0};
	char other[CB_UUID_LEN];

	add_family("FS-3", "Nowak family", other);
	ck_assert_int_ne(cb_export_minutes(db, m, other, ref, NULL, &d, &err), 0);
	ck_assert_int_eq(err.code, CB_ENOTFOUND);
	ck_assert_ptr_null(d);
	cb_meeting_free(&m);
}
END_TEST

START_TEST(whole_minutes_cover_every_family)
{
	struct cb_meeting *m = meeting(ids.m1);
	struct cb_doc *d = NULL;
	struct cb_err err = {0};
	char *out;

	ck_assert_msg(cb_export_minutes(db, m, NULL, ref, NULL, &d, &err) == 0, "%s", err.msg);
	ck_assert(!d->draft);
	out = render(d, CB_EXPORT_TXT);
	assert_lacks(out, "DRAFT");
	assert_has(out, "1. Kowalski family (FS-1)");
	assert_has(out, "2. Haddad family (FS-2)");
	assert_has(out, "Yusuf is settled at secondary school.");
	assert_has(out, "Grace Adeyemi, about FS-2");
	assert_has(out, "Grace Adeyemi, about the whole meeting");
	/* Agenda order: the first family's part comes first. */
	ck_assert(strstr(out, "Write to Marek") < strstr(out, "Book the Haddad review"));
	free(out);
	/* Recorded text never becomes markup. */
	out = render(d, CB_EXPORT_HTML);
	assert_lacks(out, "<script");
	assert_has(out, "Write to Marek about contact &lt;script&gt;alert(1)"
	                                  "&lt;/script&gt;");
	free(out);
	cb_doc_free(&d);
	cb_meeting_free(&m);
}
END_TEST

START_TEST(unsigned_minutes_are_a_draft)
{
	struct cb_meeting *m = meeting(ids.m2);
	struct cb_doc *d = NULL;
	struct cb_err err = {0};
	char *out;

	ck_assert_msg(cb_export_minutes(db, m, ids.a, ref, NULL, &d, &err) == 0, "%s", err.msg);
	ck_assert(d->draft);
	ck_assert(cb_str_startswith(d->title, "DRAFT "));
	out = render(d, CB_EXPORT_TXT);
	assert_has(out, "*** DRAFT: these minutes have not been signed off");
	assert_has(out, "Signed off:    not yet: DRAFT");
	assert_has(out, "Outcome: not done. Imran was off sick.");
	assert_has(out, "Marek kept every contact <b>on time</b>.");
	assert_has(out, "Imran Chaudhry  Social worker");
	assert_has(out, "- Imran Chaudhry\n  Marek kept every contact.\n"
	                                  "  Still quiet about alcohol.\n");
	assert_has(out, "Marek Kowalski, Harmful or abusive behaviour");
	assert_has(out, "Rating:  Amber\nReason:  Progress, but alcohol not yet worked through.\n");
	assert_has(out, "Time spent:  10 minutes");
	free(out);
	out = render(d, CB_EXPORT_HTML);
	assert_has(out, "class=\"draft\"");
	assert_has(out, "<title>DRAFT Group supervision");
	assert_has(out, "&lt;b&gt;on time&lt;/b&gt;");
	free(out);
	cb_doc_free(&d);
	cb_meeting_free(&m);
}
END_TEST

START_TEST(family_record_reads_the_series)
{
	struct cb_family *f = NULL;
	struct cb_doc *d = NULL;
	struct cb_err err = {0};
	char *out;

	ck_assert_msg(cb_store_family_get(db, ids.a, &f, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_export_family(db, f, ref, NULL, day("2026-11-27"), &d, &err) == 0, "%s",
	              err.msg);
	out = render(d, CB_EXPORT_TXT);
	assert_has(out, "Kowalski family (FS-1)\n======================\n");
	assert_has(out, "Zoë Kowalski    Child   2017-02-11    9\n");
	assert_has(out, "- Zoë Kowalski: Child Protection since 2026-04-08\n"
	                                  "  Category: EMO Emotional abuse\n"
	                                  "  Primary need: N1 Abuse or neglect\n");
	assert_has(out, "Scores: 4 \xE2\x86\x92 6 \xE2\x86\x92 7 (last reviewed "
	                                  "2026-11-09)");
	assert_has(out, "Active. For Marek Kowalski, proposed jointly. Set 2026-06-16, target\n  2027-01-31.\n");
	assert_has(out, "Current rating:  Amber");
	assert_has(out, "OVERDUE, not done");
	assert_has(out, "1 action is overdue (due before 2026-11-27).");
	assert_has(out, "Last group supervision:  2026-11-12 (minutes not signed "
	                                  "off yet)");
	/* Without the programme: what is recorded, and a word saying so. */
	assert_has(out, "The programme's modules could not be loaded");
	assert_lacks(out, "Haddad");
	free(out);
	cb_doc_free(&d);
	/* No reference lists: codes as they are, nothing breaks. */
	ck_assert_msg(cb_export_family(db, f, NULL, NULL, day("2026-11-27"), &d, &err) == 0, "%s",
	              err.msg);
	out = render(d, CB_EXPORT_TXT);
	assert_has(out, "- Zoë Kowalski: cp since 2026-04-08\n  Category: EMO\n");
	assert_has(out, "Factors: 3B; 17A");
	free(out);
	cb_doc_free(&d);
	cb_family_free(&f);
}
END_TEST

/* The report reads what is current: a corrected note shows its latest
 * words, and a retracted note or rating is left out; dated records
 * outside the period are left out too. */
START_TEST(report_shows_current_versions_only)
{
	struct cb_report_opts o = {0};
	struct cb_family *f = NULL;
	struct cb_note *n = cb_note_new(), *gone = cb_note_new();
	struct cb_rating *r = cb_rating_new();
	struct cb_doc *d = NULL;
	struct cb_err err = {0};
	char *out;

	memcpy(n->family_id, ids.a, CB_UUID_LEN);
	n->date = day("2026-06-10");
	n->kind = cb_strdup("phone-call");
	n->text = cb_strdup("Police called in the first version of the note.");
	n->significant = true;
	ck_assert_msg(cb_store_note_add(db, n, &err) == 0, "%s", err.msg);
	free(n->text);
	n->text = cb_strdup("Police called: the corrected words of the note.");
	ck_assert_msg(cb_store_note_correct(db, n, &err) == 0, "%s", err.msg);
	memcpy(gone->family_id, ids.a, CB_UUID_LEN);
	gone->date = day("2026-06-11");
	gone->kind = cb_strdup("case-note");
	gone->text = cb_strdup("A note written on the wrong family's record.");
	gone->significant = true;
	ck_assert_msg(cb_store_note_add(db, gone, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_store_note_retract(db, gone->id, 1, "wrong family", &err) == 0, "%s",
	              err.msg);
	memcpy(r->family_id, ids.a, CB_UUID_LEN);
	r->rating = cb_strdup("green");
	r->date = day("2026-06-12");
	r->context = cb_strdup("visit");
	r->rationale = cb_strdup("A rating given in error and taken back.");
	ck_assert_msg(cb_store_rating_add(db, r, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_store_rating_retract(db, r->id, 1, "not agreed", &err) == 0, "%s",
	              err.msg);

	ck_assert_msg(cb_store_family_get(db, ids.a, &f, &err) == 0, "%s", err.msg);
	o.today = day("2026-11-27");
	o.author = "Sam Okafor";
	ck_assert_msg(cb_export_report(db, f, ref, NULL, &o, &d, &err) == 0, "%s", err.msg);
	out = render(d, CB_EXPORT_MD);
	assert_has(out, "Police called: the corrected words of the note.");
	assert_lacks(out, "first version");
	assert_lacks(out, "wrong family");
	assert_lacks(out, "taken back");
	assert_has(out, "- **Written by:** Sam Okafor");
	assert_lacks(out, "Haddad");
	free(out);
	cb_doc_free(&d);

	/* A period that ends before the note: not in the chronology. */
	o.to = day("2026-05-31");
	ck_assert_msg(cb_export_report(db, f, ref, NULL, &o, &d, &err) == 0, "%s", err.msg);
	out = render(d, CB_EXPORT_TXT);
	assert_lacks(out, "corrected words");
	assert_has(out, "Period:        the start to 2026-05-31");
	free(out);
	cb_doc_free(&d);
	cb_family_free(&f);
	cb_rating_free(&r);
	cb_note_free(&gone);
	cb_note_free(&n);
}
END_TEST

START_TEST(programme_progress_keeps_retired_modules)
{
	struct cb_session *x = cb_session_new();
	struct cb_programme prog;
	struct cb_module *m = cb_module_new();
	struct cb_family *f = NULL;
	struct cb_doc *d = NULL;
	struct cb_err err = {0};
	char *out;

	memcpy(x->family_id, ids.a, CB_UUID_LEN);
	x->date = day("2026-09-10");
	x->modules = cb_strdup("old-module getting-to-know");
	x->covered = cb_strdup("The family's own view of why we are involved.");
	ck_assert_msg(cb_store_session_add(db, x, &err) == 0, "%s", err.msg);
	cb_session_free(&x);
	cb_programme_init(&prog);
	m->id = cb_strdup("getting-to-know");
	m->title = cb_strdup("Getting to know the family");
	m->kind = CB_MODULE_PROGRAMME;
	m->version = 1;
	m->order = 1;
	cb_vec_push(&prog.modules, m);
	m = cb_module_new();
	m->id = cb_strdup("basic-care");
	m->title = cb_strdup("Basic care and keeping safe");
	m->kind = CB_MODULE_PROGRAMME;
	m->version = 1;
	m->order = 3;
	cb_vec_push(&prog.modules, m);
	cb_programme_sort(&prog);
	ck_assert_msg(cb_store_family_get(db, ids.a, &f, &err) == 0, "%s", err.msg);
	ck_assert_msg(cb_export_family(db, f, ref, &prog, day("2026-11-27"), &d, &err) == 0, "%s",
	              err.msg);
	out = render(d, CB_EXPORT_TXT);
	/* The programme's modules in order, then work under one it no longer
	 * has: that work happened, and stays in the record. */
	assert_has(out, "Module                                   Progress     Sessions  Last worked on\n"
	                "---------------------------------------  -----------  --------  --------------\n"
	                "Getting to know the family               in progress         1  2026-09-10\n"
	                "Basic care and keeping safe              not started         0\n"
	                "old-module (no longer in the programme)  in progress         1  2026-09-10\n");
	assert_lacks(out, "could not be loaded");
	free(out);
	cb_doc_free(&d);
	cb_family_free(&f);
	cb_programme_clear(&prog);
}
END_TEST

static Suite *
export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("writers");

	tcase_add_test(tc, txt_wraps_by_display_width);
	tcase_add_test(tc, txt_fills_lines);
	tcase_add_test(tc, txt_keeps_line_breaks_and_cuts_long_words);
	tcase_add_test(tc, txt_table_lines_up_names_in_any_script);
	tcase_add_test(tc, txt_table_wraps_long_cells_to_fit);
	tcase_add_test(tc, txt_headings_fields_lists);
	tcase_add_test(tc, empty_sections_leave_no_trace);
	tcase_add_test(tc, md_escapes_recorded_text);
	tcase_add_test(tc, md_paragraphs_pre_notice_footer);
	tcase_add_test(tc, html_escapes_everything_recorded);
	tcase_add_test(tc, control_characters_never_pass);
	tcase_add_test(tc, txt_notice_and_footer);
	tcase_add_test(tc, formats_by_name);
	suite_add_tcase(s, tc);
	tc = tcase_create("records");
	tcase_add_checked_fixture(tc, records_setup, records_teardown);
	tcase_add_test(tc, extract_holds_one_family_only);
	tcase_add_test(tc, extract_of_a_family_not_discussed_is_refused);
	tcase_add_test(tc, whole_minutes_cover_every_family);
	tcase_add_test(tc, unsigned_minutes_are_a_draft);
	tcase_add_test(tc, family_record_reads_the_series);
	tcase_add_test(tc, programme_progress_keeps_retired_modules);
	tcase_add_test(tc, report_shows_current_versions_only);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(export_suite());
}
