/* SPDX-License-Identifier: MIT */
/* Small modal dialogs: a line of text, a date, yes or no, a choice, a
 * number on a scale. Each runs its own loop over the screen below; Esc
 * always leaves without changing anything. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/ui_editor.h"
#include "casebook/utf8.h"
#include "ui.h"

/* Wait for a key the dialog can use; false when the dialog must close at
 * once: the terminal went away, or Ctrl-C (the loop below asks whether
 * to quit). */
static bool
next_key(struct ui_app *app, int *key)
{
	for (;;) {
		*key = ui_getkey(app, 1000);
		if (ui_hungup() || app->interrupted)
			return false;
		if (*key == ERR || *key == KEY_RESIZE)
			return true;
		if (app->too_small) {
			*key = ERR;
			return true;
		}
		return true;
	}
}

/* A box with a border at rows y..y+h-1, full width less a margin. */
static void
draw_box(struct ui_app *app, int y, int h, const char *title)
{
	int x = 2, w = app->cols - 4, i;

	/* What is selected in the dialog is what the cursor follows now. */
	ui_focus_reset();
	for (i = 0; i < h; i++)
		ui_field(y + i, x, w, "", A_NORMAL);
	ui_box(y, x, h, w);
	if (title != NULL) {
		char *t = cb_asprintf(" %s ", title);

		ui_text(y, x + 2, w - 4, t, A_BOLD);
		free(t);
	}
}

int
ui_need_reason(const char *text, void *ctx, struct cb_err *err)
{
	(void)ctx;
	return cb_str_empty(text) ? cb_err_set(err, CB_EINVAL, _("say why: a reason is required"))
	                          : 0;
}

int
ui_prompt(struct ui_app *app, const char *question, const char *initial, char **out,
          int (*validate)(const char *text, void *ctx, struct cb_err *err),
          void (*on_change)(struct ui_app *app, const char *text, void *ctx), void *ctx)
{
	struct ui_editor ed;
	char msg[sizeof ((struct cb_err *)0)->msg] = "";
	int key, rc = -1;
	/* The offered text is replaced by the first character typed, as if
	 * selected; moving or deleting first keeps it to edit. */
	bool fresh = initial != NULL && initial[0] != '\0';

	*out = NULL;
	ui_editor_init(&ed, initial);
	for (;;) {
		int y, w, x0 = 4, qrows;
		size_t row, col, first;

		ui_redraw(app);
		if (app->too_small) {
			if (!next_key(app, &key))
				break;
			continue;
		}
		w = app->cols - 8;
		qrows = ui_wrap_rows(question, w);
		if (qrows > 3)
			qrows = 3;
		y = app->rows - 6 - qrows;
		draw_box(app, y, 4 + qrows, NULL);
		ui_wrap(y + 1, x0, w, qrows, question, A_BOLD, 0);
		ui_editor_layout(&ed, (size_t)1 << 20); /* one long line: scroll it */
		ui_editor_cursor_pos(&ed, &row, &col);
		first = col >= (size_t)w - 1 ? col - (size_t)w + 2 : 0;
		{
			/* Show the part of the line around the cursor, from the
			 * start of a character. */
			const char *t = ui_editor_text(&ed);
			size_t skip = 0, c = 0, n = strlen(t);

			while (skip < n && c < first) {
				size_t next = cb_utf8_cluster_next(t, n, skip);

				c += cb_utf8_widthn(t + skip, next - skip);
				skip = next;
			}
			first = c;
			ui_field(y + 1 + qrows, x0, w, t + skip, A_UNDERLINE);
		}
		if (msg[0] != '\0')
			ui_text(y + 2 + qrows, x0, w, msg, ui_attr(app, UI_C_ERROR));
		else
			ui_text(y + 2 + qrows, x0, w, _("Enter to accept, Esc to cancel"),
			        ui_attr(app, UI_C_DIM));
		ui_focus_text(y + 1 + qrows, x0 + (int)(col - first));
		if (!next_key(app, &key))
			break;
		if (key == ERR || key == KEY_RESIZE)
			continue;
		msg[0] = '\0';
		if (key == UI_ESC || key == KEY_F(10))
			break;
		if (key == '\n' || key == KEY_ENTER) {
			struct cb_err err = {0};

			if (validate != NULL && validate(ui_editor_text(&ed), ctx, &err) != 0) {
				snprintf(msg, sizeof msg, "%s", err.msg);
				beep();
				continue;
			}
			*out = cb_strdup(ui_editor_text(&ed));
			rc = 0;
			break;
		}
		switch (key) {
		case KEY_LEFT: ui_editor_left(&ed); break;
		case KEY_RIGHT: ui_editor_right(&ed); break;
		case KEY_HOME: case UI_CTRL('a'): ui_editor_home(&ed); break;
		case KEY_END: case UI_CTRL('e'): ui_editor_end(&ed); break;
		case KEY_BACKSPACE: ui_editor_backspace(&ed); break;
		case KEY_DC: ui_editor_delete(&ed); break;
		case UI_CTRL('w'): ui_editor_delete_word_back(&ed); break;
		case UI_CTRL('u'): ui_editor_set_text(&ed, ""); break;
		case UI_KEY_CTRL_LEFT: ui_editor_word_left(&ed); break;
		case UI_KEY_CTRL_RIGHT: ui_editor_word_right(&ed); break;
		default: {
			char buf[4];
			size_t len;

			if (!ui_key_text(key, buf, &len))
				continue;
			if (fresh)
				ui_editor_set_text(&ed, "");
			ui_editor_insert(&ed, buf, len);
		}
		}
		fresh = false;
		if (on_change != NULL)
			on_change(app, ui_editor_text(&ed), ctx);
	}
	curs_set(0);
	ui_editor_free(&ed);
	return rc;
}

static int
check_date(const char *text, void *ctx, struct cb_err *err)
{
	struct cb_date *out = ctx;

	return cb_date_parse_quick(text, cb_date_today(), out, err);
}

int
ui_prompt_date(struct ui_app *app, const char *question, struct cb_date initial,
               struct cb_date *out)
{
	char buf[CB_DATE_LEN], *text = NULL;
	char *q = cb_asprintf("%s %s", question, _("(2026-03-01, 1/3/2026, today, yesterday, friday, +2w, 3 days ago)"));
	int rc;

	cb_date_format(cb_date_is_set(initial) ? initial : cb_date_today(), buf);
	rc = ui_prompt(app, q, buf, &text, check_date, NULL, out);
	free(q);
	free(text);
	return rc;
}

bool
ui_confirm(struct ui_app *app, const char *question)
{
	int key;

	for (;;) {
		int y;

		ui_redraw(app);
		if (!app->too_small) {
			/* The whole question, wrapped: never cut. */
			int qrows = ui_wrap_rows(question, app->cols - 8);

			if (qrows > app->rows - 8)
				qrows = app->rows - 8;
			if (qrows < 1)
				qrows = 1;
			y = app->rows - 6 - qrows;
			draw_box(app, y, 3 + qrows, NULL);
			ui_wrap(y + 1, 4, app->cols - 8, qrows, question, A_BOLD, 0);
			ui_text(y + 1 + qrows, 4, app->cols - 8, _("y yes   n no"),
			        ui_attr(app, UI_C_DIM));
			refresh();
		}
		if (!next_key(app, &key))
			return false;
		if (key == 'y' || key == 'Y')
			return true;
		if (key == 'n' || key == 'N' || key == UI_ESC || key == 'q')
			return false;
	}
}

/* The first item at or after from whose label contains needle. */
static size_t
find_item(const struct ui_choice *items, size_t n, size_t from, const char *needle)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t k = (from + i) % n;

		if (cb_text_matches(items[k].label, needle))
			return k;
	}
	return from;
}

static int
pick(struct ui_app *app, const char *title, struct ui_choice *items, size_t n, size_t initial,
     bool many)
{
	struct ui_list list = {n, initial < n ? initial : 0, 0, 1};
	struct cb_buf find = {0};
	int key, rc = -1;

	if (n == 0)
		return -1;
	for (;;) {
		int h, y, rows, detail_rows = 0, i;
		const char *detail;
		char *whole = NULL;

		ui_redraw(app);
		if (!app->too_small) {
			detail = items[list.sel].detail;
			/* A label too long for its row is cut there, and shown whole
			 * below while it is selected, above its detail. */
			if (cb_utf8_width(items[list.sel].label) + (many ? 4 : 0) > (size_t)(app->cols - 8)) {
				whole = cb_asprintf("%s%s%s", items[list.sel].label, detail != NULL ? "\n" : "",
				                    detail != NULL ? detail : "");
				detail = whole;
			}
			if (detail != NULL)
				detail_rows = ui_wrap_rows(detail, app->cols - 10);
			/* The list gets at least its items or five rows; the detail
			 * (a definition, a description) gets the rest. */
			rows = (int)n < 5 ? (int)n : 5;
			if (detail_rows > app->rows - 10 - rows)
				detail_rows = app->rows - 10 - rows;
			if (detail_rows < 0)
				detail_rows = 0;
			rows = (int)n;
			if (rows > app->rows - 10 - detail_rows)
				rows = app->rows - 10 - detail_rows;
			if (rows < 3)
				rows = 3;
			h = rows + 3 + (detail_rows > 0 ? detail_rows + 1 : 0);
			y = (app->rows - h) / 2;
			draw_box(app, y, h, title);
			ui_list_fit(&list, rows);
			for (i = 0; i < rows && list.top + (size_t)i < n; i++) {
				size_t k = list.top + (size_t)i;
				char *line = many ? cb_asprintf("[%c] %s", items[k].checked ? 'x' : ' ',
				                                items[k].label)
				                  : cb_strdup(items[k].label);

				ui_field(y + 1 + i, 4, app->cols - 8, line,
				         k == list.sel ? A_REVERSE : A_NORMAL);
				free(line);
			}
			if (detail_rows > 0) {
				ui_hline(y + 1 + rows, 3, app->cols - 6);
				ui_wrap(y + 2 + rows, 5, app->cols - 10, detail_rows, detail,
				        ui_attr(app, UI_C_DIM), 0);
			}
			{
				char *hint = find.len > 0
				                 ? cb_asprintf(_("find: %s"), cb_buf_str(&find))
				                 : cb_strdup(many ? _("Space ticks, Enter accepts, Esc cancels; type to find")
				                                  : _("Enter chooses, Esc cancels; type to find"));

				ui_text(y + h - 1, 5, app->cols - 10, hint, ui_attr(app, UI_C_DIM));
				free(hint);
			}
			refresh();
		}
		free(whole);
		if (!next_key(app, &key))
			break;
		if (key == ERR || key == KEY_RESIZE)
			continue;
		if (key == UI_ESC) {
			if (find.len > 0) {
				cb_buf_clear(&find);
				continue;
			}
			break;
		}
		if (key == '\n' || key == KEY_ENTER) {
			rc = many ? 0 : (int)list.sel;
			break;
		}
		if (many && key == ' ') {
			items[list.sel].checked = !items[list.sel].checked;
			continue;
		}
		if (key == KEY_BACKSPACE && find.len > 0) {
			cb_buf_erase(&find, cb_utf8_cluster_prev(find.s, find.len), find.len);
			continue;
		}
		if (ui_list_move(&list, ui_keys_lookup(UI_SCR_PICKER, key)))
			continue;
		{
			char buf[4];
			size_t len;

			if (ui_key_text(key, buf, &len)) {
				cb_buf_addn(&find, buf, len);
				list.sel = find_item(items, n, list.sel, cb_buf_str(&find));
			}
		}
	}
	cb_buf_free(&find);
	return rc;
}

int
ui_pick(struct ui_app *app, const char *title, struct ui_choice *items, size_t n,
        size_t initial)
{
	return pick(app, title, items, n, initial, false);
}

int
ui_pick_many(struct ui_app *app, const char *title, struct ui_choice *items, size_t n)
{
	return pick(app, title, items, n, 0, true);
}

int
ui_pick_scale(struct ui_app *app, const char *title, long min, long max, long initial,
              const char *direction, const char *(*anchor)(long v, void *ctx), void *ctx,
              long *out)
{
	long v = initial >= min && initial <= max ? initial : min;
	int key;

	if (max <= min)
		return -1;
	for (;;) {
		ui_redraw(app);
		if (!app->too_small) {
			int y = app->rows / 2 - 5, w = app->cols - 8, x = 4, cell;
			long n = max - min + 1, i;
			const char *a;
			char num[24];

			draw_box(app, y, 10, title);
			cell = (int)(w / n);
			if (cell > 6)
				cell = 6;
			if (cell < 3)
				cell = 3;
			for (i = 0; i < n && x + (int)i * cell + cell <= app->cols - 4; i++) {
				snprintf(num, sizeof num, "%ld", min + i);
				ui_field(y + 2, x + (int)i * cell, cell - 1, num,
				         min + i == v ? A_REVERSE | A_BOLD : A_NORMAL);
			}
			a = anchor(min, ctx);
			ui_text(y + 3, x, w / 2, a != NULL ? a : "", ui_attr(app, UI_C_DIM));
			a = anchor(max, ctx);
			if (a != NULL) {
				int aw = (int)cb_utf8_width(a);

				if (aw > w / 2)
					aw = w / 2;
				ui_text(y + 4, x + w - aw, aw, a, ui_attr(app, UI_C_DIM));
			}
			snprintf(num, sizeof num, "%ld", v);
			a = anchor(v, ctx);
			{
				char *line = cb_asprintf(_("Chosen: %s%s%s"), num, a != NULL ? ": " : "",
				                         a != NULL ? a : "");

				ui_text(y + 6, x, w, line, A_BOLD);
				free(line);
			}
			ui_text(y + 7, x, w, direction, A_NORMAL);
			ui_text(y + 8, x, w, _("Left/Right or a number, Enter accepts, Esc cancels"),
			        ui_attr(app, UI_C_DIM));
			refresh();
		}
		if (!next_key(app, &key))
			return -1;
		if (key == ERR || key == KEY_RESIZE)
			continue;
		if (key == UI_ESC)
			return -1;
		if (key == '\n' || key == KEY_ENTER) {
			*out = v;
			return 0;
		}
		if ((key == KEY_LEFT || key == KEY_DOWN) && v > min)
			v--;
		else if ((key == KEY_RIGHT || key == KEY_UP) && v < max)
			v++;
		else if (key == KEY_HOME)
			v = min;
		else if (key == KEY_END)
			v = max;
		else if (key >= '0' && key <= '9') {
			/* 1 then 0 makes 10 on a scale that reaches it. */
			long d = key - '0', twice = v * 10 + d;

			v = (v == 1 && twice <= max && twice >= min) ? twice : d;
			if (v < min)
				v = min;
			if (v > max)
				v = max;
		}
	}
}
