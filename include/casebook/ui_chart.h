/* SPDX-License-Identifier: MIT */
/* Small charts drawn as lines of text: a goal's scores as a sparkline or
 * a bar chart, and the Cycle of Change as a ring of six stages. No
 * terminal here, so the layout is tested on its own; the screens in
 * src/ui/screens draw the lines and add emphasis. Every chart has a plain
 * ASCII form for terminals without UTF-8, and none carries meaning by
 * colour: heights, numbers and words do. */
#ifndef CASEBOOK_UI_CHART_H
#define CASEBOOK_UI_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/date.h"

/* Whether block and box characters can be shown: the locale's character
 * set is UTF-8 and the terminal can draw lines (ui_chart_ascii(true) when
 * it cannot). */
bool ui_chart_unicode(void);
void ui_chart_ascii(bool ascii);

/* A history of 0-10 scores, oldest first, in at most width columns: one
 * block character a score (0 is the lowest block, 10 the full one), or,
 * without UTF-8, the scores as numbers separated by spaces. When they do
 * not all fit, the newest are kept. A new string. */
char *ui_spark(const int *scores, size_t n, size_t width, bool unicode);

/* A bar chart of 0-10 scores, one bar a dated review, oldest on the
 * left. Rows: 0 room for the labels of the tallest bars, 1-5 the bars
 * (two points a row, half blocks for odd scores), 6 the axis, 7 the day
 * and month, 8 the year where it changes. The scale 0-10 is on the left;
 * each bar has its score above it. */
#define UI_BARS_ROWS 9
#define UI_BARS_AXIS 4   /* columns for the scale on the left */
#define UI_BARS_SLOT 6   /* columns a bar */
struct ui_bars {
	char *lines[UI_BARS_ROWS];  /* UTF-8, at most width columns each */
	size_t first;               /* the first bar shown */
	size_t shown;               /* how many are shown */
};
/* Lay out n bars in width columns: the newest that fit, moved back if
 * need be so that bar `keep` is shown. < ("earlier") and > ("later")
 * marks on the date row say bars are off either side. */
void ui_bars_render(struct ui_bars *b, const int *scores, const struct cb_date *dates, size_t n,
                    size_t keep, int width, bool unicode);
/* The first column of bar i's slot (its date starts there), or -1 when
 * it is not shown. */
int ui_bars_col(const struct ui_bars *b, size_t i);
void ui_bars_free(struct ui_bars *b);

/* The Cycle of Change as a ring: stage 0 on the top edge, 1 and 2 down
 * the right, 3 on the bottom edge, 4 and 5 up the left, arrows showing
 * the way round, and a line of text in the middle. The current stage (or
 * -1) is marked with a pointer, so it reads without colour. */
#define UI_WHEEL_ROWS 5
#define UI_WHEEL_STAGES 6
struct ui_wheel_label {
	int row, col;   /* where the stage's label starts */
	int width;      /* its columns, the pointer included */
	char *text;     /* as drawn there, to draw it again emphasised */
};
struct ui_wheel {
	char *lines[UI_WHEEL_ROWS];
	struct ui_wheel_label label[UI_WHEEL_STAGES];
};
/* labels: the six stages in the order of the cycle (as cb_stage_index
 * numbers them); each is shown as "N label". width: at least 40. */
void ui_wheel_render(struct ui_wheel *w, const char *const labels[UI_WHEEL_STAGES], int current,
                     const char *centre, int width, bool unicode);
void ui_wheel_free(struct ui_wheel *w);

#endif
