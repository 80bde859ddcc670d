#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/mem.h"
#include "casebook/ui_editor.h"
#include "casebook/utf8.h"

void
ui_editor_init(struct ui_editor *ed, const char *text)
{
	memset(ed, 0, sizeof *ed);
	cb_buf_add(&ed->text, text != NULL ? text : "");
	cb_buf_str(&ed->text);
	if (ed->text.s == NULL)
		cb_buf_addn(&ed->text, "", 0);
	ed->cursor = ed->text.len;
	ui_editor_layout(ed, 60);
}

void
ui_editor_free(struct ui_editor *ed)
{
	cb_buf_free(&ed->text);
	free(ed->undo_text);
	free(ed->lines);
	memset(ed, 0, sizeof *ed);
}

const char *
ui_editor_text(const struct ui_editor *ed)
{
	return cb_buf_str(&ed->text);
}

void
ui_editor_set_text(struct ui_editor *ed, const char *text)
{
	cb_buf_clear(&ed->text);
	cb_buf_add(&ed->text, text);
	if (ed->text.s == NULL)
		cb_buf_addn(&ed->text, "", 0);
	ed->cursor = ed->text.len;
	ed->changed = true;
	ui_editor_layout(ed, ed->width);
}

static void
push_line(struct ui_editor *ed, size_t *cap, size_t start, size_t len)
{
	if (ed->nlines == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		ed->lines = cb_reallocarray(ed->lines, *cap, sizeof *ed->lines);
	}
	ed->lines[ed->nlines].start = start;
	ed->lines[ed->nlines].len = len;
	ed->nlines++;
}

void
ui_editor_layout(struct ui_editor *ed, size_t width)
{
	const char *s = cb_buf_str(&ed->text);
	size_t n = ed->text.len, i = 0, cap = 0;

	if (width < 8)
		width = 8;
	ed->width = width;
	free(ed->lines);
	ed->lines = NULL;
	ed->nlines = 0;
	for (;;) {
		size_t start = i, col = 0, brk = 0;
		bool have_brk = false;

		/* One screen line: up to a newline, or as much as fits. */
		while (i < n && s[i] != '\n') {
			uint32_t cp;
			size_t len = cb_utf8_decode(s + i, n - i, &cp);
			int w = cb_utf8_cpwidth(cp);

			if (col + (size_t)w > width && i > start)
				break;
			col += (size_t)w;
			i += len;
			if (cp == ' ') {
				brk = i;
				have_brk = true;
			}
		}
		if (i < n && s[i] != '\n' && have_brk && brk > start) {
			/* Wrap after the last space that fitted. */
			i = brk;
		}
		push_line(ed, &cap, start, i - start);
		if (i >= n)
			break;
		if (s[i] == '\n') {
			i++;
			if (i == n) {
				push_line(ed, &cap, i, 0);
				break;
			}
		}
	}
}

/* The layout line holding byte offset pos: the last line starting at or
 * before it. At a soft wrap the cursor shows at the start of the next
 * line; before a newline it stays at the end of its own. */
static size_t
line_of(const struct ui_editor *ed, size_t pos)
{
	size_t i = ed->nlines;

	while (i > 1 && ed->lines[i - 1].start > pos)
		i--;
	return i > 0 ? i - 1 : 0;
}

void
ui_editor_cursor_pos(const struct ui_editor *ed, size_t *row, size_t *col)
{
	size_t r = line_of(ed, ed->cursor);
	const struct ui_line *l = &ed->lines[r];

	*row = r;
	*col = cb_utf8_widthn(cb_buf_str(&ed->text) + l->start, ed->cursor - l->start);
}

static void
remember(struct ui_editor *ed, bool typing)
{
	/* Consecutive typing is one step to undo; anything else starts one. */
	if (typing && ed->typing && ed->can_undo)
		return;
	free(ed->undo_text);
	ed->undo_text = cb_strdup(cb_buf_str(&ed->text));
	ed->undo_cursor = ed->cursor;
	ed->can_undo = true;
	ed->typing = typing;
}

static void
relayout(struct ui_editor *ed)
{
	ed->changed = true;
	ui_editor_layout(ed, ed->width);
	{
		size_t row, col;

		ui_editor_cursor_pos(ed, &row, &col);
		ed->want_col = col;
	}
}

void
ui_editor_insert(struct ui_editor *ed, const char *s, size_t n)
{
	struct cb_buf clean = {0};
	size_t i = 0;
	bool multi = false;

	while (i < n) {
		uint32_t cp;
		size_t len = cb_utf8_decode(s + i, n - i, &cp);
		char enc[4];

		if (cp == '\r') {
			/* A pasted Windows line end is one newline, not two. */
			if (i + 1 < n && s[i + 1] == '\n') {
				i += len;
				continue;
			}
			cp = '\n';
		}
		if (cp == '\t') {
			cb_buf_add(&clean, "    ");
		} else if (cp == '\n' || cp >= 0x20) {
			if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
				i += len;
				continue;
			}
			cb_buf_addn(&clean, enc, cb_utf8_encode(cp, enc));
		}
		if (cp == '\n')
			multi = true;
		i += len;
	}
	if (clean.len == 0) {
		cb_buf_free(&clean);
		return;
	}
	remember(ed, !multi && clean.len < 8);
	cb_buf_insert(&ed->text, ed->cursor, clean.s, clean.len);
	ed->cursor += clean.len;
	cb_buf_free(&clean);
	relayout(ed);
}

void
ui_editor_backspace(struct ui_editor *ed)
{
	size_t prev;

	if (ed->cursor == 0)
		return;
	prev = cb_utf8_prev(cb_buf_str(&ed->text), ed->cursor);
	remember(ed, false);
	cb_buf_erase(&ed->text, prev, ed->cursor - prev);
	ed->cursor = prev;
	relayout(ed);
}

void
ui_editor_delete(struct ui_editor *ed)
{
	size_t next;

	if (ed->cursor >= ed->text.len)
		return;
	next = cb_utf8_next(cb_buf_str(&ed->text), ed->text.len, ed->cursor);
	remember(ed, false);
	cb_buf_erase(&ed->text, ed->cursor, next - ed->cursor);
	relayout(ed);
}

static bool
is_word_byte(char c)
{
	/* Anything but blanks and ASCII punctuation belongs to a word, so
	 * Łukasz and Nguyễn move as whole words. */
	unsigned char u = (unsigned char)c;

	return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') ||
	       (u >= 'a' && u <= 'z') || u == '\'' || u == '_';
}

void
ui_editor_word_left(struct ui_editor *ed)
{
	const char *s = cb_buf_str(&ed->text);
	size_t p = ed->cursor;

	while (p > 0 && !is_word_byte(s[p - 1]))
		p--;
	while (p > 0 && is_word_byte(s[p - 1]))
		p--;
	ed->cursor = p;
	{
		size_t row, col;

		ui_editor_cursor_pos(ed, &row, &col);
		ed->want_col = col;
	}
	ed->typing = false;
}

void
ui_editor_word_right(struct ui_editor *ed)
{
	const char *s = cb_buf_str(&ed->text);
	size_t p = ed->cursor, n = ed->text.len;

	while (p < n && is_word_byte(s[p]))
		p++;
	while (p < n && !is_word_byte(s[p]))
		p++;
	ed->cursor = p;
	{
		size_t row, col;

		ui_editor_cursor_pos(ed, &row, &col);
		ed->want_col = col;
	}
	ed->typing = false;
}

void
ui_editor_delete_word_back(struct ui_editor *ed)
{
	size_t end = ed->cursor;

	if (end == 0)
		return;
	ui_editor_word_left(ed);
	remember(ed, false);
	cb_buf_erase(&ed->text, ed->cursor, end - ed->cursor);
	relayout(ed);
}

bool
ui_editor_undo(struct ui_editor *ed)
{
	char *now;
	size_t now_cursor;

	if (!ed->can_undo)
		return false;
	/* Undo twice is redo: swap the two texts. */
	now = cb_strdup(cb_buf_str(&ed->text));
	now_cursor = ed->cursor;
	cb_buf_clear(&ed->text);
	cb_buf_add(&ed->text, ed->undo_text);
	if (ed->text.s == NULL)
		cb_buf_addn(&ed->text, "", 0);
	ed->cursor = ed->undo_cursor <= ed->text.len ? ed->undo_cursor : ed->text.len;
	free(ed->undo_text);
	ed->undo_text = now;
	ed->undo_cursor = now_cursor;
	ed->typing = false;
	relayout(ed);
	return true;
}

static void
keep_col(struct ui_editor *ed)
{
	size_t row, col;

	ui_editor_cursor_pos(ed, &row, &col);
	ed->want_col = col;
	ed->typing = false;
}

void
ui_editor_left(struct ui_editor *ed)
{
	ed->cursor = cb_utf8_prev(cb_buf_str(&ed->text), ed->cursor);
	keep_col(ed);
}

void
ui_editor_right(struct ui_editor *ed)
{
	ed->cursor = cb_utf8_next(cb_buf_str(&ed->text), ed->text.len, ed->cursor);
	keep_col(ed);
}

void
ui_editor_home(struct ui_editor *ed)
{
	ed->cursor = ed->lines[line_of(ed, ed->cursor)].start;
	keep_col(ed);
}

void
ui_editor_end(struct ui_editor *ed)
{
	const struct ui_line *l = &ed->lines[line_of(ed, ed->cursor)];
	size_t end = l->start + l->len;

	/* Stay before a wrapped line's trailing space, so End does not jump
	 * to the next line. */
	if (end > l->start && end < ed->text.len && cb_buf_str(&ed->text)[end] != '\n' &&
	    cb_buf_str(&ed->text)[end - 1] == ' ')
		end--;
	ed->cursor = end;
	keep_col(ed);
}

/* Put the cursor on layout line r at the wanted column, or the line's end. */
static void
goto_line(struct ui_editor *ed, size_t r)
{
	const struct ui_line *l = &ed->lines[r];
	const char *s = cb_buf_str(&ed->text);
	size_t i = l->start, end = l->start + l->len, col = 0;

	if (r + 1 < ed->nlines && end > l->start && s[end - 1] == ' ' && end == ed->lines[r + 1].start)
		end--;
	while (i < end) {
		uint32_t cp;
		size_t len = cb_utf8_decode(s + i, ed->text.len - i, &cp);
		int w = cb_utf8_cpwidth(cp);

		if (col + (size_t)w > ed->want_col)
			break;
		col += (size_t)w;
		i += len;
	}
	ed->cursor = i;
	ed->typing = false;
}

void
ui_editor_up(struct ui_editor *ed, size_t n)
{
	size_t r = line_of(ed, ed->cursor);

	goto_line(ed, r >= n ? r - n : 0);
}

void
ui_editor_down(struct ui_editor *ed, size_t n)
{
	size_t r = line_of(ed, ed->cursor);

	goto_line(ed, r + n < ed->nlines ? r + n : ed->nlines - 1);
}

void
ui_editor_top(struct ui_editor *ed)
{
	ed->cursor = 0;
	keep_col(ed);
}

void
ui_editor_bottom(struct ui_editor *ed)
{
	ed->cursor = ed->text.len;
	keep_col(ed);
}
