/* SPDX-License-Identifier: MIT */
/* Charts as lines of text: a grid of cells, filled and then written out
 * as UTF-8. Nothing here knows about the terminal. */
#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/ui_chart.h"
#include "casebook/utf8.h"

/* Set once at start from what the terminal can draw. */
static bool ascii_only;

void
ui_chart_ascii(bool ascii)
{
	ascii_only = ascii;
}

bool
ui_chart_unicode(void)
{
	const char *cs = nl_langinfo(CODESET);

	return !ascii_only && cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* The characters a chart is drawn with. */
struct glyphs {
	const char *h, *v, *tl, *tr, *bl, *br;
	const char *right, *down, *left, *up;
	const char *pointer;
	const char *tick, *corner;
	const char *full, *half;
	const char *earlier, *later;
};

static const struct glyphs utf8_glyphs = {
	"\xe2\x94\x80", "\xe2\x94\x82", "\xe2\x94\x8c", "\xe2\x94\x90", "\xe2\x94\x94",
	"\xe2\x94\x98", "\xe2\x86\x92", "\xe2\x86\x93", "\xe2\x86\x90", "\xe2\x86\x91",
	"\xe2\x96\xb6", "\xe2\x94\xa4", "\xe2\x94\x94", "\xe2\x96\x88", "\xe2\x96\x84",
	"\xe2\x97\x80", "\xe2\x96\xb6",
};
static const struct glyphs ascii_glyphs = {
	"-", "|", "+", "+", "+", "+", ">", "v", "<", "^", ">", "+", "+", "#", "_", "<", ">",
};

/* One column of the grid: a character and any marks combined with it.
 * The second column of a wide character is `cont`. */
struct cell {
	char s[16];
	bool cont;
};

struct grid {
	int rows, cols;
	struct cell *c;
};

static void
grid_init(struct grid *g, int rows, int cols)
{
	int i;

	g->rows = rows;
	g->cols = cols > 0 ? cols : 0;
	g->c = cb_calloc((size_t)rows * (size_t)g->cols + 1, sizeof *g->c);
	for (i = 0; i < rows * g->cols; i++)
		g->c[i].s[0] = ' ';
}

static struct cell *
grid_at(struct grid *g, int row, int col)
{
	if (row < 0 || row >= g->rows || col < 0 || col >= g->cols)
		return NULL;
	return &g->c[row * g->cols + col];
}

/* Clear a cell, and the other half of a wide character it is part of. */
static void
grid_clear(struct grid *g, int row, int col)
{
	struct cell *c = grid_at(g, row, col), *o;

	if (c == NULL)
		return;
	if (c->cont && (o = grid_at(g, row, col - 1)) != NULL)
		snprintf(o->s, sizeof o->s, " ");
	else if ((o = grid_at(g, row, col + 1)) != NULL && o->cont) {
		o->cont = false;
		snprintf(o->s, sizeof o->s, " ");
	}
	c->cont = false;
	snprintf(c->s, sizeof c->s, " ");
}

/* Write text from (row, col) in at most maxw columns; control characters
 * become spaces. Returns the columns used. */
static int
grid_put(struct grid *g, int row, int col, const char *text, int maxw)
{
	size_t n = strlen(text), i = 0;
	int used = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = cb_utf8_decode(text + i, n - i, &cp);
		int w = cb_utf8_cpwidth(cp);
		struct cell *c;

		if (cp < 0x20 || cp == 0x7F) {
			cp = ' ';
			w = 1;
			len = 1;
		}
		if (w == 0) {
			/* A combining mark joins the character before it. */
			c = grid_at(g, row, col + used - 1);
			if (c != NULL && used > 0 && strlen(c->s) + len < sizeof c->s)
				strncat(c->s, text + i, len);
			i += len;
			continue;
		}
		if (used + w > maxw || grid_at(g, row, col + used + w - 1) == NULL)
			break;
		grid_clear(g, row, col + used);
		c = grid_at(g, row, col + used);
		if (cp == 0xFFFD && len == 1)
			snprintf(c->s, sizeof c->s, "\xef\xbf\xbd");
		else
			snprintf(c->s, sizeof c->s, "%.*s", (int)len, text + i);
		if (w == 2) {
			grid_clear(g, row, col + used + 1);
			grid_at(g, row, col + used + 1)->cont = true;
			grid_at(g, row, col + used + 1)->s[0] = '\0';
		}
		used += w;
		i += len;
	}
	return used;
}

/* Row as UTF-8, trailing blanks dropped. */
static char *
grid_line(struct grid *g, int row)
{
	struct cb_buf b = {0};
	size_t keep = 0;
	int col;

	for (col = 0; col < g->cols; col++) {
		const struct cell *c = grid_at(g, row, col);

		if (c->cont)
			continue;
		cb_buf_add(&b, c->s);
		if (strcmp(c->s, " ") != 0)
			keep = b.len;
	}
	if (b.s == NULL)
		return cb_strdup("");
	b.s[keep] = '\0';
	b.len = keep;
	return cb_buf_take(&b);
}

static void
grid_free(struct grid *g)
{
	free(g->c);
	g->c = NULL;
}

/* Sparkline */

char *
ui_spark(const int *scores, size_t n, size_t width, bool unicode)
{
	static const char *const blocks[8] = {
		"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
		"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
	};
	struct cb_buf b = {0};
	size_t i, first, used;

	if (n == 0 || width == 0)
		return cb_strdup("");
	if (unicode) {
		first = n > width ? n - width : 0;
		for (i = first; i < n; i++) {
			int s = scores[i] < 0 ? 0 : scores[i] > 10 ? 10 : scores[i];

			/* Eleven scores onto eight heights, 0 and 10 at the ends. */
			cb_buf_add(&b, blocks[(s * 7 + 5) / 10]);
		}
		return cb_buf_take(&b);
	}
	/* The numbers, newest last: walk back from the newest while they fit. */
	used = 0;
	first = n;
	while (first > 0) {
		char num[16];
		size_t w = (size_t)snprintf(num, sizeof num, "%d", scores[first - 1]) +
		           (first < n ? 1 : 0);

		if (used + w > width)
			break;
		used += w;
		first--;
	}
	for (i = first; i < n; i++)
		cb_buf_addf(&b, "%s%d", i > first ? " " : "", scores[i]);
	return b.s != NULL ? cb_buf_take(&b) : cb_strdup("");
}

/* Bar chart */

void
ui_bars_free(struct ui_bars *b)
{
	int i;

	for (i = 0; i < UI_BARS_ROWS; i++) {
		free(b->lines[i]);
		b->lines[i] = NULL;
	}
	b->first = b->shown = 0;
}

int
ui_bars_col(const struct ui_bars *b, size_t i)
{
	if (i < b->first || i >= b->first + b->shown)
		return -1;
	return UI_BARS_AXIS + (int)(i - b->first) * UI_BARS_SLOT;
}

void
ui_bars_render(struct ui_bars *b, const int *scores, const struct cb_date *dates, size_t n,
               size_t keep, int width, bool unicode)
{
	const struct glyphs *gl = unicode ? &utf8_glyphs : &ascii_glyphs;
	struct grid g;
	size_t cap, i;
	int r, last_year = 0;

	memset(b, 0, sizeof *b);
	if (width < UI_BARS_AXIS + UI_BARS_SLOT)
		width = UI_BARS_AXIS + UI_BARS_SLOT;
	grid_init(&g, UI_BARS_ROWS, width);
	cap = (size_t)(width - UI_BARS_AXIS) / UI_BARS_SLOT;
	if (cap == 0)
		cap = 1;
	b->first = n > cap ? n - cap : 0;
	if (keep < n && keep < b->first)
		b->first = keep;
	b->shown = n - b->first < cap ? n - b->first : cap;

	/* The scale: each of rows 1-5 holds two points; its top is labelled. */
	for (r = 1; r <= 5; r++) {
		char num[8];

		snprintf(num, sizeof num, "%2d", 2 * (6 - r));
		grid_put(&g, r, 0, num, 2);
		grid_put(&g, r, 3, gl->tick, 1);
	}
	grid_put(&g, 6, 0, " 0", 2);
	grid_put(&g, 6, 3, gl->corner, 1);
	{
		int end = UI_BARS_AXIS + (int)(b->shown > 0 ? b->shown : 1) * UI_BARS_SLOT - 1;
		int x;

		for (x = 4; x < end && x < width; x++)
			grid_put(&g, 6, x, gl->h, 1);
	}
	for (i = 0; i < b->shown; i++) {
		size_t k = b->first + i;
		int s = scores[k] < 0 ? 0 : scores[k] > 10 ? 10 : scores[k];
		int x = ui_bars_col(b, k), level, label_row;
		char num[8], day[16];

		for (level = 1; level <= 5; level++) {
			const char *glyph = s >= 2 * level ? gl->full : s == 2 * level - 1 ? gl->half : NULL;
			int c;

			if (glyph == NULL)
				continue;
			for (c = 1; c <= 3; c++)
				grid_put(&g, 6 - level, x + c, glyph, 1);
		}
		/* The score sits just above the top of its bar. */
		label_row = 5 - (s + 1) / 2;
		snprintf(num, sizeof num, "%d", s);
		grid_put(&g, label_row, x + (s >= 10 ? 1 : 2), num, 2);
		if (dates != NULL && cb_date_valid(dates[k])) {
			snprintf(day, sizeof day, "%02d/%02d", dates[k].d, dates[k].m);
			grid_put(&g, 7, x, day, 5);
			if (dates[k].y != last_year) {
				snprintf(day, sizeof day, "%04d", dates[k].y);
				grid_put(&g, 8, x, day, 4);
				last_year = dates[k].y;
			}
		}
	}
	if (b->first > 0)
		grid_put(&g, 7, 0, gl->earlier, 1);
	if (b->first + b->shown < n)
		grid_put(&g, 7, width - 1, gl->later, 1);
	for (r = 0; r < UI_BARS_ROWS; r++)
		b->lines[r] = grid_line(&g, r);
	grid_free(&g);
}

/* The Cycle of Change */

void
ui_wheel_free(struct ui_wheel *w)
{
	int i;

	for (i = 0; i < UI_WHEEL_ROWS; i++) {
		free(w->lines[i]);
		w->lines[i] = NULL;
	}
	for (i = 0; i < UI_WHEEL_STAGES; i++) {
		free(w->label[i].text);
		w->label[i].text = NULL;
	}
}

void
ui_wheel_render(struct ui_wheel *w, const char *const labels[UI_WHEEL_STAGES], int current,
                const char *centre, int width, bool unicode)
{
	const struct glyphs *gl = unicode ? &utf8_glyphs : &ascii_glyphs;
	char *text[UI_WHEEL_STAGES];
	int tw[UI_WHEEL_STAGES];
	struct grid g;
	int i, x, left, right, side, inner;

	memset(w, 0, sizeof *w);
	if (width < 40)
		width = 40;
	grid_init(&g, UI_WHEEL_ROWS, width);
	/* The ring: its sides a little in from the edges, so the labels on
	 * them can reach out either way. */
	left = 4;
	right = width - 5;
	inner = right - left - 3;
	side = (width - 3) / 2;
	for (i = 0; i < UI_WHEEL_STAGES; i++) {
		const char *l = labels != NULL && labels[i] != NULL ? labels[i] : "?";
		int maxw = (i == 0 || i == 3) ? inner : side;
		char *full = cb_asprintf("%s%s%d %s", i == current ? gl->pointer : "",
		                         i == current ? " " : "", i + 1, l);

		text[i] = cb_utf8_pad(full, (size_t)maxw);
		free(full);
		{
			/* Fitted to maxw; drop the padding again. */
			size_t len = strlen(text[i]);

			while (len > 0 && text[i][len - 1] == ' ')
				text[i][--len] = '\0';
		}
		tw[i] = (int)cb_utf8_width(text[i]);
	}
	/* The ring itself. */
	grid_put(&g, 0, left, gl->tl, 1);
	grid_put(&g, 0, right, gl->tr, 1);
	grid_put(&g, 4, left, gl->bl, 1);
	grid_put(&g, 4, right, gl->br, 1);
	for (x = left + 1; x < right; x++) {
		grid_put(&g, 0, x, gl->h, 1);
		grid_put(&g, 4, x, gl->h, 1);
	}
	for (i = 1; i <= 3; i++) {
		grid_put(&g, i, left, gl->v, 1);
		grid_put(&g, i, right, gl->v, 1);
	}
	/* Which way round: clockwise. */
	grid_put(&g, 0, right - 3, gl->right, 1);
	grid_put(&g, 2, right, gl->down, 1);
	grid_put(&g, 4, left + 3, gl->left, 1);
	grid_put(&g, 2, left, gl->up, 1);
	/* Stage 1 and 4 sit on the top and bottom edges, with a space each
	 * side; the others lie across the sides. */
	w->label[0] = (struct ui_wheel_label){0, left + 1 + (right - left - 1 - tw[0]) / 2, tw[0],
	                                      text[0]};
	w->label[3] = (struct ui_wheel_label){4, left + 1 + (right - left - 1 - tw[3]) / 2, tw[3],
	                                      text[3]};
	w->label[1] = (struct ui_wheel_label){1, width - tw[1], tw[1], text[1]};
	w->label[2] = (struct ui_wheel_label){3, width - tw[2], tw[2], text[2]};
	w->label[5] = (struct ui_wheel_label){1, 0, tw[5], text[5]};
	w->label[4] = (struct ui_wheel_label){3, 0, tw[4], text[4]};
	for (i = 0; i < UI_WHEEL_STAGES; i++) {
		const struct ui_wheel_label *lb = &w->label[i];

		if (i == 0 || i == 3) {
			grid_put(&g, lb->row, lb->col - 1, " ", 1);
			grid_put(&g, lb->row, lb->col + lb->width, " ", 1);
		}
		grid_put(&g, lb->row, lb->col, lb->text, lb->width);
	}
	if (centre != NULL) {
		char *c = cb_utf8_pad(centre, (size_t)inner);
		size_t len = strlen(c);
		int cw;

		while (len > 0 && c[len - 1] == ' ')
			c[--len] = '\0';
		cw = (int)cb_utf8_width(c);
		grid_put(&g, 2, left + 2 + (inner - cw) / 2, c, inner);
		free(c);
	}
	for (i = 0; i < UI_WHEEL_ROWS; i++)
		w->lines[i] = grid_line(&g, i);
	grid_free(&g);
}
