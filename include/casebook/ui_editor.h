/* SPDX-License-Identifier: MIT */
/* The text editor's state: UTF-8 text, a cursor that moves and deletes
 * by grapheme cluster (a character as a person sees it), word wrap by
 * display width and one level of undo. No terminal here, so it is tested
 * on its own; src/ui/editview.c draws it. */
#ifndef CASEBOOK_UI_EDITOR_H
#define CASEBOOK_UI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/str.h"

/* One screen line of wrapped text: bytes [start, start + len). */
struct ui_line {
	size_t start;
	size_t len;
};

struct ui_editor {
	struct cb_buf text;
	size_t cursor;         /* byte offset, always on a cluster boundary */
	size_t want_col;       /* column kept while moving up and down */
	bool changed;          /* since it was opened */
	char *undo_text;       /* the text before the last change */
	size_t undo_cursor;
	bool can_undo;
	bool typing;           /* the last change was typing: one undo step */
	/* Layout, refreshed by ui_editor_layout(). */
	struct ui_line *lines;
	size_t nlines;
	size_t width;
};

void ui_editor_init(struct ui_editor *ed, const char *text);
void ui_editor_free(struct ui_editor *ed);
const char *ui_editor_text(const struct ui_editor *ed);
void ui_editor_set_text(struct ui_editor *ed, const char *text);

/* Wrap the text into lines of at most width columns, breaking after
 * spaces where it can, and at newlines. */
void ui_editor_layout(struct ui_editor *ed, size_t width);
/* Where the cursor is in the layout. */
void ui_editor_cursor_pos(const struct ui_editor *ed, size_t *row, size_t *col);

/* Editing. Invalid UTF-8 typed or pasted is replaced, never stored. */
void ui_editor_insert(struct ui_editor *ed, const char *s, size_t n);
void ui_editor_backspace(struct ui_editor *ed);
void ui_editor_delete(struct ui_editor *ed);
void ui_editor_delete_word_back(struct ui_editor *ed);
bool ui_editor_undo(struct ui_editor *ed);

/* Movement. Up, down and the page moves use the layout. */
void ui_editor_left(struct ui_editor *ed);
void ui_editor_right(struct ui_editor *ed);
void ui_editor_word_left(struct ui_editor *ed);
void ui_editor_word_right(struct ui_editor *ed);
void ui_editor_home(struct ui_editor *ed);
void ui_editor_end(struct ui_editor *ed);
void ui_editor_up(struct ui_editor *ed, size_t n);
void ui_editor_down(struct ui_editor *ed, size_t n);
void ui_editor_top(struct ui_editor *ed);
void ui_editor_bottom(struct ui_editor *ed);

#endif
