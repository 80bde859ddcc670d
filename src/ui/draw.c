/* Text on the screen, fitted by display width so UTF-8 names line up. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "ui.h"

/* A copy of at most n bytes of s, with control characters and invalid
 * bytes shown as spaces or U+FFFD, never sent raw to the terminal. */
static char *
clean(const char *s, size_t n)
{
	struct cb_buf b = {0};
	size_t i = 0;

	while (i < n && s[i] != '\0') {
		uint32_t cp;
		size_t len = cb_utf8_decode(s + i, n - i, &cp);

		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			cb_buf_addc(&b, ' ');
		else if (cp == 0xFFFD && len == 1)
			cb_buf_add(&b, "\xef\xbf\xbd");
		else
			cb_buf_addn(&b, s + i, len);
		i += len;
	}
	return cb_buf_take(&b);
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
			uint32_t cp;
			size_t len = cb_utf8_decode(s + i, n - i, &cp);
			int w = cb_utf8_cpwidth(cp);

			if (col + (size_t)w > (size_t)width && i > start)
				break;
			col += (size_t)w;
			i += len;
			if (cp == ' ') {
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

void
ui_hline(int y, int x, int width)
{
	if (y >= 0 && y < LINES && width > 0)
		mvhline(y, x, ACS_HLINE, width);
}

void
ui_rag(struct ui_app *app, int y, int x, const char *rating)
{
	if (rating == NULL) {
		ui_text(y, x, 6, _("none"), ui_attr(app, UI_C_DIM));
	} else if (strcmp(rating, "red") == 0) {
		ui_text(y, x, 5, _("RED"), ui_attr(app, UI_C_RED) | A_BOLD);
	} else if (strcmp(rating, "amber") == 0) {
		ui_text(y, x, 5, _("AMBER"), ui_attr(app, UI_C_AMBER));
	} else if (strcmp(rating, "green") == 0) {
		ui_text(y, x, 5, _("GREEN"), ui_attr(app, UI_C_GREEN));
	} else {
		ui_text(y, x, 6, rating, A_NORMAL);
	}
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
			snprintf(out, n, _("%ld months"), months);
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
