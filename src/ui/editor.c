/* SPDX-License-Identifier: MIT */
/* The text editor's state. The cursor moves, deletes and wraps by
 * grapheme cluster (UAX #29, through utf8proc): a letter with its
 * accents, a flag, an emoji with its skin tone or ZWJ sequence is one
 * step, as a person sees it. Widths are the terminal library's. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

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

/* The end of the cluster at i, never past a line feed: a CR LF from
 * outside ends its line at the LF. */
static size_t
next_cluster(const char *s, size_t n, size_t i)
{
	size_t next = cb_utf8_cluster_next(s, n, i);

	if (next - 1 > i && s[next - 1] == '\n')
		next--;
	return next;
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

		/* One screen line: up to a newline, or as much as fits, a
		 * whole cluster at a time. */
		while (i < n && s[i] != '\n') {
			size_t next = next_cluster(s, n, i);
			size_t w = cb_utf8_widthn(s + i, next - i);
			bool space = s[i] == ' ' && next == i + 1;

			if (col + w > width && i > start)
				break;
			col += w;
			i = next;
			if (space) {
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

/* Keep the cursor on a cluster boundary: what was typed may join the
 * character after it (a ZWJ before an emoji), and then the cursor goes
 * after the whole. */
static void
snap(struct ui_editor *ed)
{
	const char *s = cb_buf_str(&ed->text);
	size_t start, end;

	if (ed->cursor == 0 || ed->cursor >= ed->text.len)
		return;
	start = cb_utf8_cluster_prev(s, ed->cursor);
	end = next_cluster(s, ed->text.len, start);
	if (end > ed->cursor)
		ed->cursor = end;
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
	snap(ed);
	relayout(ed);
}

void
ui_editor_backspace(struct ui_editor *ed)
{
	size_t prev;

	if (ed->cursor == 0)
		return;
	prev = cb_utf8_cluster_prev(cb_buf_str(&ed->text), ed->cursor);
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
	next = next_cluster(cb_buf_str(&ed->text), ed->text.len, ed->cursor);
	remember(ed, false);
	cb_buf_erase(&ed->text, ed->cursor, next - ed->cursor);
	relayout(ed);
}

/* Whether the cluster at [at, end) belongs to a word: letters, marks
 * and digits of any script, and the apostrophe and underscore, so that
 * Łukasz, Nguyễn, O'Brien and ਗੁਰਪ੍ਰੀਤ move as whole words. */
static bool
is_word(const char *s, size_t at, size_t end)
{
	uint32_t cp;

	cb_utf8_decode(s + at, end - at, &cp);
	if (cp == '\'' || cp == '_' || cp == 0x2019)
		return true;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

/* Whether the cluster before p belongs to a word; *start gets its start. */
static bool
word_before(const char *s, size_t p, size_t *start)
{
	*start = cb_utf8_cluster_prev(s, p);
	return is_word(s, *start, p);
}

void
ui_editor_word_left(struct ui_editor *ed)
{
	const char *s = cb_buf_str(&ed->text);
	size_t p = ed->cursor, start;

	while (p > 0 && !word_before(s, p, &start))
		p = start;
	while (p > 0 && word_before(s, p, &start))
		p = start;
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

	while (p < n && is_word(s, p, next_cluster(s, n, p)))
		p = next_cluster(s, n, p);
	while (p < n && !is_word(s, p, next_cluster(s, n, p)))
		p = next_cluster(s, n, p);
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
	ed->cursor = cb_utf8_cluster_prev(cb_buf_str(&ed->text), ed->cursor);
	keep_col(ed);
}

void
ui_editor_right(struct ui_editor *ed)
{
	ed->cursor = next_cluster(cb_buf_str(&ed->text), ed->text.len, ed->cursor);
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
		size_t next = next_cluster(s, end, i);
		size_t w = cb_utf8_widthn(s + i, next - i);

		if (col + w > ed->want_col)
			break;
		col += w;
		i = next;
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
