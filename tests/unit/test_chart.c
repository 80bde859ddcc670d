/* SPDX-License-Identifier: MIT */
/* The text charts of the goals, goal, Cycle of Change screens: what they
 * draw, as strings, without a terminal. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/ui_chart.h"
#include "casebook/utf8.h"
#include "testutil.h"

static struct cb_date
D(int y, int m, int d)
{
	struct cb_date x = {y, m, d};

	return x;
}

/* The text of line from display column col, width columns of it. */
static char *
cols(const char *line, int col, int width)
{
	size_t n = strlen(line), i = 0, start;
	int c = 0;

	while (i < n && c < col) {
		uint32_t cp;

		i += cb_utf8_decode(line + i, n - i, &cp);
		c += cb_utf8_cpwidth(cp);
	}
	start = i;
	c = 0;
	while (i < n && c < width) {
		uint32_t cp;
		size_t len = cb_utf8_decode(line + i, n - i, &cp);

		c += cb_utf8_cpwidth(cp);
		i += len;
	}
	return cb_strndup(line + start, i - start);
}

START_TEST(spark_blocks_for_each_score)
{
	int s[] = {0, 3, 5, 7, 10};
	int odd[] = {-2, 14};
	char *x;

	x = ui_spark(s, 5, 10, true);
	ck_assert_str_eq(x, "▁▃▅▆█");
	free(x);
	/* Too many for the room: the newest stay. */
	x = ui_spark(s, 5, 3, true);
	ck_assert_str_eq(x, "▅▆█");
	free(x);
	/* Out of range is held to the ends of the scale. */
	x = ui_spark(odd, 2, 10, true);
	ck_assert_str_eq(x, "▁█");
	free(x);
	x = ui_spark(s, 0, 10, true);
	ck_assert_str_eq(x, "");
	free(x);
	x = ui_spark(NULL, 0, 10, false);
	ck_assert_str_eq(x, "");
	free(x);
}
END_TEST

START_TEST(spark_digits_without_utf8)
{
	int s[] = {3, 7, 10};
	char *x;

	x = ui_spark(s, 3, 20, false);
	ck_assert_str_eq(x, "3 7 10");
	free(x);
	x = ui_spark(s, 3, 4, false);
	ck_assert_str_eq(x, "7 10");
	free(x);
	x = ui_spark(s, 3, 3, false);
	ck_assert_str_eq(x, "10");
	free(x);
	x = ui_spark(s, 3, 1, false);
	ck_assert_str_eq(x, "");
	free(x);
}
END_TEST

START_TEST(bars_two_reviews)
{
	int s[] = {3, 7};
	struct cb_date d[] = {D(2026, 10, 1), D(2026, 11, 20)};
	struct ui_bars b;

	ui_bars_render(&b, s, d, 2, 1, 78, true);
	ck_assert_uint_eq(b.first, 0);
	ck_assert_uint_eq(b.shown, 2);
	ck_assert_str_eq(b.lines[0], "");
	ck_assert_str_eq(b.lines[1], "10 ┤        7");
	ck_assert_str_eq(b.lines[2], " 8 ┤       ▄▄▄");
	ck_assert_str_eq(b.lines[3], " 6 ┤  3    ███");
	ck_assert_str_eq(b.lines[4], " 4 ┤ ▄▄▄   ███");
	ck_assert_str_eq(b.lines[5], " 2 ┤ ███   ███");
	ck_assert_str_eq(b.lines[6], " 0 └───────────");
	ck_assert_str_eq(b.lines[7], "    01/10 20/11");
	ck_assert_str_eq(b.lines[8], "    2026");
	ck_assert_int_eq(ui_bars_col(&b, 0), 4);
	ck_assert_int_eq(ui_bars_col(&b, 1), 10);
	ck_assert_int_eq(ui_bars_col(&b, 2), -1);
	ui_bars_free(&b);
}
END_TEST

START_TEST(bars_ends_of_the_scale_and_new_year)
{
	int s[] = {0, 10, 9};
	struct cb_date d[] = {D(2026, 12, 1), D(2027, 1, 5), D(2027, 2, 5)};
	struct ui_bars b;

	ui_bars_render(&b, s, d, 3, 0, 78, true);
	/* 10 fills every row and is labelled above them; 0 has no bar but its
	 * number sits on the axis. */
	ck_assert_str_eq(b.lines[0], "           10     9");
	ck_assert_str_eq(b.lines[1], "10 ┤       ███   ▄▄▄");
	ck_assert_str_eq(b.lines[5], " 2 ┤  0    ███   ███");
	ck_assert_str_eq(b.lines[7], "    01/12 05/01 05/02");
	ck_assert_str_eq(b.lines[8], "    2026  2027");
	ui_bars_free(&b);
}
END_TEST

START_TEST(bars_scroll_to_keep_the_selected)
{
	int s[20];
	struct cb_date d[20];
	struct ui_bars b;
	size_t i;
	int r;

	for (i = 0; i < 20; i++) {
		s[i] = (int)(i % 11);
		d[i] = D(2026, 1 + (int)(i % 12), 1);
	}
	/* 40 columns hold six bars: the newest six. */
	ui_bars_render(&b, s, d, 20, 19, 40, true);
	ck_assert_uint_eq(b.first, 14);
	ck_assert_uint_eq(b.shown, 6);
	ck_assert(cb_str_startswith(b.lines[7], "◀"));
	ck_assert_ptr_null(strstr(b.lines[7], "▶"));
	for (r = 0; r < UI_BARS_ROWS; r++)
		ck_assert_uint_le(cb_utf8_width(b.lines[r]), 40);
	ui_bars_free(&b);
	/* An older one selected: the window moves back to it. */
	ui_bars_render(&b, s, d, 20, 2, 40, true);
	ck_assert_uint_eq(b.first, 2);
	ck_assert_int_eq(ui_bars_col(&b, 2), 4);
	ck_assert_int_eq(ui_bars_col(&b, 1), -1);
	ck_assert_int_eq(ui_bars_col(&b, 8), -1);
	ck_assert_ptr_nonnull(strstr(b.lines[7], "▶"));
	ui_bars_free(&b);
}
END_TEST

START_TEST(bars_plain_ascii)
{
	int s[] = {3, 8};
	struct ui_bars b;
	int r;

	ui_bars_render(&b, s, NULL, 2, 0, 30, false);
	ck_assert_str_eq(b.lines[4], " 4 + ___   ###");
	ck_assert_str_eq(b.lines[6], " 0 +-----------");
	for (r = 0; r < UI_BARS_ROWS; r++) {
		const char *p;

		for (p = b.lines[r]; *p != '\0'; p++)
			ck_assert_msg((unsigned char)*p < 0x80, "row %d is not ASCII: %s", r,
			              b.lines[r]);
	}
	ui_bars_free(&b);
}
END_TEST

static const char *const stages[UI_WHEEL_STAGES] = {
	"Not ready to think about it yet", "Thinking about it, in two minds",
	"Getting ready to change", "Making changes now", "Keeping the change going",
	"Slipped back into old ways",
};

/* Every label where the layout says, as it says, within the width, and
 * the two sides apart. */
static void
check_wheel(const struct ui_wheel *w, int width)
{
	int i;

	for (i = 0; i < UI_WHEEL_ROWS; i++)
		ck_assert_msg(cb_utf8_width(w->lines[i]) <= (size_t)width, "row %d too wide: %s", i,
		              w->lines[i]);
	for (i = 0; i < UI_WHEEL_STAGES; i++) {
		const struct ui_wheel_label *l = &w->label[i];
		char *at = cols(w->lines[l->row], l->col, l->width);

		ck_assert_int_ge(l->col, 0);
		ck_assert_int_le(l->col + l->width, width);
		ck_assert_str_eq(at, l->text);
		ck_assert_int_eq((int)cb_utf8_width(l->text), l->width);
		free(at);
	}
	/* Clockwise: 1 top, 2 and 3 down the right, 4 bottom, 5 and 6 up the
	 * left. */
	ck_assert_int_eq(w->label[0].row, 0);
	ck_assert_int_eq(w->label[1].row, 1);
	ck_assert_int_eq(w->label[2].row, 3);
	ck_assert_int_eq(w->label[3].row, 4);
	ck_assert_int_eq(w->label[4].row, 3);
	ck_assert_int_eq(w->label[5].row, 1);
	ck_assert_int_lt(w->label[5].col + w->label[5].width, w->label[1].col);
	ck_assert_int_lt(w->label[4].col + w->label[4].width, w->label[2].col);
}

START_TEST(wheel_ring_of_six_at_80_columns)
{
	struct ui_wheel w;

	ui_wheel_render(&w, stages, 3, "now: Action, since 2026-11-12", 78, true);
	check_wheel(&w, 78);
	ck_assert_str_eq(w.label[3].text, "▶ 4 Making changes now");
	ck_assert_str_eq(w.label[0].text, "1 Not ready to think about it yet");
	ck_assert_str_eq(w.label[1].text, "2 Thinking about it, in two minds");
	ck_assert_str_eq(w.label[5].text, "6 Slipped back into old ways");
	ck_assert_str_eq(w.lines[0],
	                 "    ┌──────────────── 1 Not ready to think about it yet ──────────────→──┐");
	ck_assert_str_eq(w.lines[1],
	                 "6 Slipped back into old ways                 2 Thinking about it, in two minds");
	ck_assert_str_eq(w.lines[2],
	                 "    ↑                   now: Action, since 2026-11-12                    ↓");
	ck_assert_str_eq(w.lines[3],
	                 "5 Keeping the change going                           3 Getting ready to change");
	ck_assert_str_eq(w.lines[4],
	                 "    └──←─────────────────── ▶ 4 Making changes now ──────────────────────┘");
	ui_wheel_free(&w);
}
END_TEST

START_TEST(wheel_narrow_long_and_wide_labels)
{
	const char *const odd[UI_WHEEL_STAGES] = {
		"変わる準備がまだできていない、まったく考えていない段階",
		"A very long label that could never fit on one side of the ring at all",
		"Zoë", "", NULL, "Łukasz's own words for slipping back, which are long",
	};
	struct ui_wheel w;
	int i;

	for (i = 40; i <= 120; i += 7) {
		ui_wheel_render(&w, odd, i % 6, "a centre line longer than the ring is wide, surely", i,
		                true);
		check_wheel(&w, i);
		ui_wheel_free(&w);
	}
	/* Below the least width, it is drawn at the least width. */
	ui_wheel_render(&w, stages, -1, NULL, 10, true);
	check_wheel(&w, 40);
	ui_wheel_free(&w);
}
END_TEST

START_TEST(wheel_plain_ascii)
{
	struct ui_wheel w;
	int i;

	ui_wheel_render(&w, stages, 1, "Zoe: Alcohol", 78, false);
	check_wheel(&w, 78);
	ck_assert_str_eq(w.label[1].text, "> 2 Thinking about it, in two minds");
	ck_assert(cb_str_startswith(w.lines[0], "    +----"));
	ck_assert_ptr_nonnull(strstr(w.lines[2], "^"));
	ck_assert_ptr_nonnull(strstr(w.lines[2], "v"));
	ck_assert_ptr_nonnull(strstr(w.lines[2], "Zoe: Alcohol"));
	for (i = 0; i < UI_WHEEL_ROWS; i++) {
		const char *p;

		for (p = w.lines[i]; *p != '\0'; p++)
			ck_assert((unsigned char)*p < 0x80);
	}
	ui_wheel_free(&w);
}
END_TEST

static Suite *
chart_suite(void)
{
	Suite *s = suite_create("chart");
	TCase *t = tcase_create("chart");

	tcase_add_test(t, spark_blocks_for_each_score);
	tcase_add_test(t, spark_digits_without_utf8);
	tcase_add_test(t, bars_two_reviews);
	tcase_add_test(t, bars_ends_of_the_scale_and_new_year);
	tcase_add_test(t, bars_scroll_to_keep_the_selected);
	tcase_add_test(t, bars_plain_ascii);
	tcase_add_test(t, wheel_ring_of_six_at_80_columns);
	tcase_add_test(t, wheel_narrow_long_and_wide_labels);
	tcase_add_test(t, wheel_plain_ascii);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return tu_run(chart_suite());
}
