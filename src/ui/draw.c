/* SPDX-License-Identifier: MIT */
/* Text on the screen, fitted by display width so UTF-8 names line up. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/ui_chart.h"
#include "casebook/utf8.h"
#include "ui.h"

/* The terminal is only ever given what cb_utf8_shown() allows: controls,
 * C1, escape sequences, bidi overrides and code points the C library
 * cannot measure become a visible U+FFFD (tabs and line breaks a space),
 * so what is measured is what is drawn and nothing in a record can
 * drive the terminal. A copy of at most n bytes of s. */
static char *
clean(const char *s, size_t n)
{
	struct cb_buf b = {0};
	size_t i = 0;

	cb_buf_add(&b, "");
	while (i < n && s[i] != '\0') {
		uint32_t cp, shown;
		size_t len = cb_utf8_decode(s + i, n - i, &cp);
		char enc[4];

		shown = cb_utf8_shown(cp);
		if (shown == cp && !(cp == 0xFFFD && len == 1))
			cb_buf_addn(&b, s + i, len);
		else if (shown != 0)
			cb_buf_addn(&b, enc, cb_utf8_encode(shown, enc));
		i += len;
	}
	return cb_buf_take(&b);
}

/* Where the selection was drawn: the last row drawn highlighted since the
 * frame began, at its leftmost column. The terminal cursor is put there
 * for screen readers and braille displays. */
static struct {
	int y, x;
	bool set;
	bool text;    /* a text cursor (editor, prompt): shown */
} focus;

void
ui_focus_reset(void)
{
	focus.set = false;
	focus.text = false;
}

static void
note_focus(int y, int x, int attr)
{
	/* Not the top line (the title is reversed in monochrome) or the key
	 * bar at the bottom. */
	if (!(attr & A_REVERSE) || y <= 0 || y >= LINES - 1 || focus.text)
		return;
	if (focus.set && focus.y == y && focus.x < x)
		return;
	focus.y = y;
	focus.x = x;
	focus.set = true;
}

void
ui_focus_text(int y, int x)
{
	focus.y = y;
	focus.x = x;
	focus.set = true;
	focus.text = true;
}

void
ui_focus_place(bool visible)
{
	if (focus.set)
		move(focus.y, focus.x);
	else
		move(LINES > 1 ? 1 : 0, 1);
	curs_set(focus.text || visible ? 1 : 0);
}

void
ui_text(int y, int x, int width, const char *s, int attr)
{
	char *c;
	size_t fit;

	if (width <= 0 || s == NULL || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + width > COLS)
		width = COLS - x;
	c = clean(s, strlen(s));
	fit = cb_utf8_fit(c, (size_t)width);
	attron(attr);
	mvaddnstr(y, x, c, (int)fit);
	attroff(attr);
	note_focus(y, x, attr);
	free(c);
}

void
ui_field(int y, int x, int width, const char *s, int attr)
{
	char *c, *p;

	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + width > COLS)
		width = COLS - x;
	c = clean(s != NULL ? s : "", strlen(s != NULL ? s : ""));
	p = cb_utf8_pad(c, (size_t)width);
	attron(attr);
	mvaddstr(y, x, p);
	attroff(attr);
	note_focus(y, x, attr);
	free(p);
	free(c);
}

/* Walk the wrapped lines of s at width: calls fn(start, len) for each. */
static int
wrap_walk(const char *s, int width, void (*fn)(const char *line, size_t len, void *ctx),
          void *ctx)
{
	size_t n = strlen(s), i = 0;
	int rows = 0;

	if (width < 1)
		width = 1;
	while (i <= n) {
		size_t start = i, brk = 0, col = 0;
		bool have_brk = false;

		while (i < n && s[i] != '\n') {
			size_t next = cb_utf8_cluster_next(s, n, i);
			size_t w;

			if (s[next - 1] == '\n' && next - 1 > i)
				next--; /* CR LF is one cluster: the LF ends the line */
			w = cb_utf8_widthn(s + i, next - i);
			bool space = s[i] == ' ' && next == i + 1;

			if (col + w > (size_t)width && i > start)
				break;
			col += w;
			i = next;
			if (space) {
				brk = i;
				have_brk = true;
			}
		}
		if (i < n && s[i] != '\n' && have_brk)
			i = brk;
		if (fn != NULL)
			fn(s + start, i - start, ctx);
		rows++;
		if (i >= n)
			break;
		if (s[i] == '\n')
			i++;
	}
	return rows;
}

int
ui_wrap_rows(const char *s, int width)
{
	return s == NULL ? 0 : wrap_walk(s, width, NULL, NULL);
}

struct row_at {
	const char *s;
	size_t at;
	int row, found;
};

static void
count_row(const char *line, size_t len, void *p)
{
	struct row_at *r = p;

	(void)len;
	if ((size_t)(line - r->s) <= r->at)
		r->found = r->row;
	r->row++;
}

int
ui_wrap_row_at(const char *s, int width, size_t at)
{
	struct row_at r = {s, at, 0, 0};

	if (s == NULL)
		return 0;
	wrap_walk(s, width, count_row, &r);
	return r.found;
}

struct wrap_ctx {
	int y, x, width, max_rows, attr, skip, row, drawn;
};

static void
draw_line(const char *line, size_t len, void *p)
{
	struct wrap_ctx *w = p;

	if (w->row >= w->skip && w->drawn < w->max_rows) {
		char *c = cb_strndup(line, len);

		ui_text(w->y + w->drawn, w->x, w->width, c, w->attr);
		free(c);
		w->drawn++;
	}
	w->row++;
}

int
ui_wrap(int y, int x, int width, int max_rows, const char *s, int attr, int skip)
{
	struct wrap_ctx w = {y, x, width, max_rows, attr, skip, 0, 0};

	if (s == NULL || max_rows <= 0)
		return 0;
	wrap_walk(s, width, draw_line, &w);
	return w.drawn;
}

/* Lines are drawn as Unicode box-drawing characters, which every UTF-8
 * terminal shows, rather than through the terminal's alternate character
 * set: switching to it (SO, ESC ( 0) is what UTF-8 terminals and tmux
 * often ignore, leaving "lqqk" where a box should be. A terminal whose
 * description has no line drawing at all gets ASCII. */
static bool ascii_lines;

void
ui_lines_ascii(bool ascii)
{
	ascii_lines = ascii;
	ui_chart_ascii(ascii); /* the charts draw the same lines */
}

enum line_part { L_H, L_V, L_TL, L_TR, L_BL, L_BR };

static void
line_char(cchar_t *c, enum line_part part)
{
	static const wchar_t box[][2] = {
		{0x2500, 0}, {0x2502, 0}, {0x250C, 0}, {0x2510, 0}, {0x2514, 0}, {0x2518, 0},
	};
	static const wchar_t ascii[][2] = {
		{L'-', 0}, {L'|', 0}, {L'+', 0}, {L'+', 0}, {L'+', 0}, {L'+', 0},
	};

	setcchar(c, ascii_lines ? ascii[part] : box[part], A_NORMAL, 0, NULL);
}

void
ui_hline(int y, int x, int width)
{
	cchar_t c;

	if (y < 0 || y >= LINES || width <= 0)
		return;
	line_char(&c, L_H);
	mvhline_set(y, x, &c, width);
}

void
ui_vline(int y, int x, int height)
{
	cchar_t c;

	if (x < 0 || x >= COLS || height <= 0)
		return;
	line_char(&c, L_V);
	mvvline_set(y, x, &c, height);
}

void
ui_box(int y, int x, int h, int w)
{
	cchar_t c;

	if (h < 2 || w < 2)
		return;
	ui_hline(y, x + 1, w - 2);
	ui_hline(y + h - 1, x + 1, w - 2);
	ui_vline(y + 1, x, h - 2);
	ui_vline(y + 1, x + w - 1, h - 2);
	line_char(&c, L_TL);
	mvadd_wch(y, x, &c);
	line_char(&c, L_TR);
	mvadd_wch(y, x + w - 1, &c);
	line_char(&c, L_BL);
	mvadd_wch(y + h - 1, x, &c);
	line_char(&c, L_BR);
	mvadd_wch(y + h - 1, x + w - 1, &c);
}

const char *
ui_rag_word(const char *rating)
{
	/* TRANSLATORS: the risk badges RED, AMBER, GREEN and "none" have six
	 * columns; every caller leaves the seventh blank. */
	if (rating == NULL)
		return _("none");
	if (strcmp(rating, "red") == 0)
		return _("RED");
	if (strcmp(rating, "amber") == 0)
		return _("AMBER");
	if (strcmp(rating, "green") == 0)
		return _("GREEN");
	return rating;
}

void
ui_rag(struct ui_app *app, int y, int x, const char *rating)
{
	const char *word = ui_rag_word(rating);

	if (rating == NULL)
		ui_text(y, x, 6, word, ui_attr(app, UI_C_DIM));
	else if (strcmp(rating, "red") == 0)
		ui_text(y, x, 6, word, ui_attr(app, UI_C_RED) | A_BOLD);
	else if (strcmp(rating, "amber") == 0)
		ui_text(y, x, 6, word, ui_attr(app, UI_C_AMBER));
	else if (strcmp(rating, "green") == 0)
		ui_text(y, x, 6, word, ui_attr(app, UI_C_GREEN));
	else
		ui_text(y, x, 6, word, A_NORMAL);
}

void
ui_age(struct cb_date born, char *out, size_t n)
{
	struct cb_date today = cb_date_today();
	int years;

	if (!cb_date_valid(born)) {
		snprintf(out, n, "%s", _("age not known"));
		return;
	}
	years = cb_date_age(born, today);
	if (years >= 2) {
		snprintf(out, n, "%d", years);
	} else {
		long months = (today.y - born.y) * 12 + (today.m - born.m) - (today.d < born.d);

		if (months < 0)
			snprintf(out, n, "%s", _("unborn"));
		else
			snprintf(out, n, ngettext("%ld month", "%ld months", (unsigned long)months), months);
	}
}

bool
ui_list_move(struct ui_list *l, enum ui_action action)
{
	size_t page = l->height > 1 ? (size_t)l->height - 1 : 1;

	switch (action) {
	case UI_UP:
		if (l->sel > 0)
			l->sel--;
		break;
	case UI_DOWN:
		if (l->sel + 1 < l->count)
			l->sel++;
		break;
	case UI_PGUP:
		l->sel = l->sel > page ? l->sel - page : 0;
		break;
	case UI_PGDN:
		l->sel = l->sel + page < l->count ? l->sel + page : (l->count ? l->count - 1 : 0);
		break;
	case UI_HOME:
		l->sel = 0;
		break;
	case UI_END:
		l->sel = l->count ? l->count - 1 : 0;
		break;
	default:
		return false;
	}
	return true;
}

void
ui_list_fit(struct ui_list *l, int height)
{
	l->height = height > 0 ? height : 1;
	if (l->count == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->count)
		l->sel = l->count - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)l->height)
		l->top = l->sel - (size_t)l->height + 1;
	if (l->top + (size_t)l->height > l->count)
		l->top = l->count > (size_t)l->height ? l->count - (size_t)l->height : 0;
}

void
ui_columns_draw(struct ui_app *app, int top, int bottom, const char *info, const char *empty,
                const struct ui_column *cols, int ncols, struct ui_list *list, size_t count,
                const char *(*cell)(void *ctx, size_t k, int col, int *attr), void *ctx)
{
	int height = bottom - top - 2, i, c;

	ui_text(top, 1, app->cols - 2, info, ui_attr(app, UI_C_DIM));
	for (c = 0; c < ncols; c++)
		ui_text(top + 1, cols[c].x, cols[c].width, cols[c].heading, A_BOLD | A_UNDERLINE);
	list->count = count;
	if (count == 0) {
		ui_wrap(top + 3, 2, app->cols - 4, 4, empty, A_NORMAL, 0);
		return;
	}
	ui_list_fit(list, height);
	for (i = 0; i < height && list->top + (size_t)i < count; i++) {
		size_t k = list->top + (size_t)i;
		int y = top + 2 + i, attr = k == list->sel ? A_REVERSE : A_NORMAL;

		ui_field(y, 0, app->cols, "", attr);
		for (c = 0; c < ncols; c++) {
			int extra = 0;
			const char *text = cell(ctx, k, c, &extra);

			ui_field(y, cols[c].x, cols[c].width, text != NULL ? text : "", attr | extra);
		}
	}
}
