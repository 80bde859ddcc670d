/* SPDX-License-Identifier: MIT */
/* ui: the key table and the text editor's state without a terminal, and
 * the drawing layer on a curses screen that writes to /dev/null. */
#include "config.h"

#include <check.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../../src/ui/ui.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/ui.h"
#include "casebook/ui_editor.h"
#include "casebook/utf8.h"
#include "names.h"
#include "testutil.h"

static const unsigned screens[] = {
	UI_SCR_WHO, UI_SCR_CASELOAD, UI_SCR_FAMILY, UI_SCR_PROGRAMME, UI_SCR_MODULE,
	UI_SCR_NOTES, UI_SCR_CHRONOLOGY, UI_SCR_GOALS, UI_SCR_GOAL, UI_SCR_STAGES,
	UI_SCR_RATINGS, UI_SCR_MEETINGS, UI_SCR_MEETING, UI_SCR_MINUTES, UI_SCR_HISTORY,
	UI_SCR_HELP, UI_SCR_EDITOR, UI_SCR_PICKER, UI_SCR_TABLE, UI_SCR_TEXT,
};

START_TEST(no_key_means_two_things)
{
	const struct ui_key_row *rows;
	size_t n, i, j, a, b, s;

	rows = ui_keys_table(&n);
	for (s = 0; s < sizeof screens / sizeof *screens; s++) {
		for (i = 0; i < n; i++) {
			if (!(rows[i].screens & screens[s]))
				continue;
			for (j = i + 1; j < n; j++) {
				if (!(rows[j].screens & screens[s]) || rows[i].action == rows[j].action)
					continue;
				for (a = 0; a < UI_MAX_KEYS && rows[i].keys[a]; a++)
					for (b = 0; b < UI_MAX_KEYS && rows[j].keys[b]; b++)
						ck_assert_msg(rows[i].keys[a] != rows[j].keys[b],
						              "screen %#x: key %d is both '%s' and '%s'",
						              screens[s], rows[i].keys[a], rows[i].name,
						              rows[j].name);
			}
		}
	}
}
END_TEST

START_TEST(every_row_documented)
{
	const struct ui_key_row *rows;
	size_t n, i;

	rows = ui_keys_table(&n);
	ck_assert_uint_gt(n, 40);
	for (i = 0; i < n; i++) {
		ck_assert_msg(rows[i].help != NULL && strlen(rows[i].help) > 5, "%s has no help",
		              rows[i].name);
		ck_assert_msg(rows[i].keys[0] != 0, "%s has no key", rows[i].name);
		ck_assert_msg(rows[i].screens != 0, "%s applies nowhere", rows[i].name);
	}
}
END_TEST

START_TEST(lookup_depends_on_the_screen)
{
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_FAMILY, 's'), UI_GO_STAGES);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_CASELOAD, 's'), UI_SORT);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_CASELOAD, '\n'), UI_OPEN);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_CASELOAD, 'q'), UI_BACK);
	/* In the editor letters are text, never commands. */
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, 'q'), UI_NONE);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, '?'), UI_NONE);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, UI_CTRL('s')), UI_SAVE);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, UI_ESC), UI_BACK);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_NOTES, 0), UI_NONE);
	ck_assert_int_eq(ui_keys_first(UI_SCR_FAMILY, UI_GO_NOTES), 'n');
}
END_TEST

/* Help and quit without F1 and F10, which terminals take for themselves;
 * Ctrl-C and Ctrl-Z on every screen; undo no longer on Ctrl-Z. */
START_TEST(help_and_quit_without_function_keys)
{
	size_t s;

	for (s = 0; s < sizeof screens / sizeof *screens; s++) {
		bool text = screens[s] == UI_SCR_EDITOR;

		ck_assert_int_eq(ui_keys_lookup(screens[s], UI_CTRL('g')), UI_HELP);
		ck_assert_int_eq(ui_keys_lookup(screens[s], UI_CTRL('c')), UI_INTERRUPT);
		ck_assert_int_eq(ui_keys_lookup(screens[s], UI_CTRL('z')), UI_SUSPEND);
		if (!text) {
			ck_assert_int_eq(ui_keys_lookup(screens[s], '?'), UI_HELP);
			ck_assert_int_eq(ui_keys_lookup(screens[s], 'Q'), UI_QUIT);
		}
	}
	ck_assert(ui_keys_everywhere(UI_CTRL('c'), UI_INTERRUPT));
	ck_assert(ui_keys_everywhere(UI_CTRL('z'), UI_SUSPEND));
	ck_assert(!ui_keys_everywhere('q', UI_BACK));
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, UI_CTRL('u')), UI_UNDO);
	ck_assert_int_eq(ui_keys_first(UI_SCR_EDITOR, UI_HELP), UI_CTRL('g'));
	{
		char *bar = ui_keys_bar(UI_SCR_EDITOR, 78);

		ck_assert_msg(strstr(bar, "Ctrl-G Help") != NULL, "editor bar: %s", bar);
		ck_assert_msg(strstr(bar, "Ctrl-U Undo") != NULL, "editor bar: %s", bar);
		free(bar);
	}
}
END_TEST

START_TEST(key_bar_keeps_help_and_back)
{
	size_t s;

	for (s = 0; s < sizeof screens / sizeof *screens; s++) {
		char *bar = ui_keys_bar(screens[s], 78);

		ck_assert_msg(cb_utf8_width(bar) <= 78, "bar too wide: %s", bar);
		ck_assert_msg(strstr(bar, "Help") != NULL, "no help in: %s", bar);
		ck_assert_msg(strstr(bar, "Back") != NULL, "no back in: %s", bar);
		free(bar);
	}
	{
		char *bar = ui_keys_bar(UI_SCR_FAMILY, 200);

		ck_assert_ptr_nonnull(strstr(bar, "n Notes"));
		ck_assert_ptr_nonnull(strstr(bar, "p Programme"));
		free(bar);
	}
}
END_TEST

/* On a database open for reading only the bar offers only what works:
 * the keys that would record something are left out, the rest stay. */
START_TEST(key_bar_read_only)
{
	char *bar = ui_keys_bar_for(UI_SCR_NOTES, 200, false);

	ck_assert_msg(strstr(bar, "a Add") != NULL && strstr(bar, "e Correct") != NULL, "%s", bar);
	free(bar);
	bar = ui_keys_bar_for(UI_SCR_NOTES, 200, true);
	ck_assert_msg(strstr(bar, "a Add") == NULL && strstr(bar, "e Correct") == NULL, "%s", bar);
	ck_assert_msg(strstr(bar, "h History") != NULL && strstr(bar, "Back") != NULL, "%s", bar);
	free(bar);
	ck_assert(ui_action_writes(UI_SIGN));
	ck_assert(ui_action_writes(UI_SAVE));
	ck_assert(!ui_action_writes(UI_HISTORY));
	ck_assert(!ui_action_writes(UI_OPEN));
	ck_assert(!ui_action_writes(UI_SEARCH_RECORDS));
}
END_TEST

START_TEST(key_names)
{
	char buf[16];

	ck_assert_str_eq(ui_key_name('\n', buf), "Enter");
	ck_assert_str_eq(ui_key_name(UI_CTRL('s'), buf), "Ctrl-S");
	ck_assert_str_eq(ui_key_name(KEY_F(10), buf), "F10");
	ck_assert_str_eq(ui_key_name('a', buf), "a");
	ck_assert_str_eq(ui_key_name(KEY_NPAGE, buf), "PgDn");
}
END_TEST

/* key.ACTION lines: the table changes, the help and bar follow, and a
 * refused rebinding changes nothing. */
START_TEST(rebind_by_action_name)
{
	struct cb_buf msg = {0};
	char *bar, *keys;

	ck_assert_int_eq(cb_ui_rebind("save", "F5, ^S", &msg), 0);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, KEY_F(5)), UI_SAVE);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, UI_CTRL('s')), UI_SAVE);
	bar = ui_keys_bar(UI_SCR_EDITOR, 200);
	ck_assert_msg(strstr(bar, "F5 Save") != NULL, "%s", bar);
	free(bar);
	/* Both of meetings' rows, on the caseload and the family record. */
	ck_assert_int_eq(cb_ui_rebind("meetings", "Ctrl+B", &msg), 0);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_CASELOAD, UI_CTRL('b')), UI_GO_MEETINGS);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_FAMILY, UI_CTRL('b')), UI_GO_MEETINGS);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_CASELOAD, 'm'), UI_NONE);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_FAMILY, 'v'), UI_NONE);
	/* Help's editor row keeps the key that does not type text. */
	ck_assert_int_eq(cb_ui_rebind("help", "? F1", &msg), 0);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, KEY_F(1)), UI_HELP);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, '?'), UI_NONE);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_CASELOAD, UI_CTRL('g')), UI_NONE);
	keys = cb_ui_keys_of("help");
	ck_assert_str_eq(keys, "?, F1");
	free(keys);
	/* Refused: nothing changes. */
	ck_assert_int_eq(cb_ui_rebind("sav", "F6", &msg), CB_UI_REBIND_ACTION);
	ck_assert_msg(strstr(cb_buf_str(&msg), "did you mean 'save'") != NULL, "%s",
	              cb_buf_str(&msg));
	cb_buf_clear(&msg);
	ck_assert_int_eq(cb_ui_rebind("sort", "t", &msg), CB_UI_REBIND_KEYS);
	ck_assert_msg(strstr(cb_buf_str(&msg), "'team'") != NULL, "%s", cb_buf_str(&msg));
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_CASELOAD, 's'), UI_SORT);
	cb_buf_clear(&msg);
	ck_assert_int_eq(cb_ui_rebind("interrupt", "x", &msg), CB_UI_REBIND_KEYS);
	ck_assert_int_eq(cb_ui_rebind("save", "s", &msg), CB_UI_REBIND_KEYS);
	ck_assert_int_eq(cb_ui_rebind("save", "F13", &msg), CB_UI_REBIND_KEYS);
	/* Enter and Backspace by their Ctrl names edit text in the editor. */
	ck_assert_int_eq(cb_ui_rebind("save", "Ctrl-J", &msg), CB_UI_REBIND_KEYS);
	ck_assert_int_eq(cb_ui_rebind("undo", "^H", &msg), CB_UI_REBIND_KEYS);
	ck_assert_int_eq(cb_ui_rebind("save", "", &msg), CB_UI_REBIND_KEYS);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, KEY_F(5)), UI_SAVE);
	cb_buf_free(&msg);
	cb_ui_keys_reset();
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_EDITOR, KEY_F(5)), UI_NONE);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_CASELOAD, 'm'), UI_GO_MEETINGS);
	ck_assert_int_eq(ui_keys_lookup(UI_SCR_CASELOAD, UI_CTRL('g')), UI_HELP);
}
END_TEST

/* The themes: high-contrast makes every colour bold and nothing dim;
 * mono (no colour) carries emphasis by attributes alone. */
START_TEST(themes)
{
	struct ui_app app;

	memset(&app, 0, sizeof app);
	app.color = true;
	app.theme = CB_UI_THEME_DEFAULT;
	ck_assert_int_eq(ui_attr(&app, UI_C_DIM) & A_BOLD, 0);
	ck_assert_int_ne(ui_attr(&app, UI_C_TITLE) & A_BOLD, 0);
	app.theme = CB_UI_THEME_HIGH_CONTRAST;
	ck_assert_int_ne(ui_attr(&app, UI_C_DIM) & A_BOLD, 0);
	ck_assert_int_ne(ui_attr(&app, UI_C_AMBER) & A_BOLD, 0);
	ck_assert_int_eq(ui_attr(&app, UI_C_DIM) & A_DIM, 0);
	app.color = false;
	app.theme = CB_UI_THEME_MONO;
	ck_assert_int_eq(ui_attr(&app, UI_C_TITLE), A_REVERSE | A_BOLD);
	ck_assert_int_eq(ui_attr(&app, UI_C_RED), A_BOLD);
}
END_TEST

/* casebook-keys(7) names every action a config file may rebind. */
START_TEST(every_action_name_in_the_man_page)
{
	char *path = cb_asprintf("%s/man/casebook-keys.7.in", tu_srcdir());
	char *page = tu_read(path, NULL);
	const struct ui_key_row *rows;
	size_t n, i;

	rows = ui_keys_table(&n);
	for (i = 0; i < n; i++) {
		char *want = cb_asprintf("\n.B %s\n", rows[i].name);

		ck_assert_msg(strstr(page, want) != NULL, "casebook-keys(7) lacks %s", rows[i].name);
		free(want);
	}
	free(page);
	free(path);
}
END_TEST

static void
type(struct ui_editor *ed, const char *s)
{
	ui_editor_insert(ed, s, strlen(s));
}

static char *
line(const struct ui_editor *ed, size_t i)
{
	return cb_strndup(ui_editor_text(ed) + ed->lines[i].start, ed->lines[i].len);
}

START_TEST(editor_wraps_by_display_width)
{
	struct ui_editor ed;
	char *l;
	size_t i;

	ui_editor_init(&ed, "");
	type(&ed, "Zoë told Łukasz that Siobhán would come");
	ui_editor_layout(&ed, 12);
	ck_assert_uint_eq(ed.nlines, 4);
	for (i = 0; i < ed.nlines; i++) {
		l = line(&ed, i);
		ck_assert_msg(cb_utf8_width(l) <= 12, "line %zu too wide: '%s'", i, l);
		free(l);
	}
	l = line(&ed, 0);
	ck_assert_str_eq(l, "Zoë told ");
	free(l);
	/* A word longer than the width is cut, not lost. */
	ui_editor_set_text(&ed, "Nguyễnnnnnnnnnnnnnnnnn");
	ui_editor_layout(&ed, 8);
	ck_assert_uint_eq(ed.nlines, 3);
	/* Newlines start lines, and a trailing one makes an empty line. */
	ui_editor_set_text(&ed, "one\n\ntwo\n");
	ui_editor_layout(&ed, 20);
	ck_assert_uint_eq(ed.nlines, 4);
	ck_assert_uint_eq(ed.lines[1].len, 0);
	ui_editor_free(&ed);
}
END_TEST

START_TEST(editor_moves_by_character_word_and_line)
{
	struct ui_editor ed;
	size_t row, col;

	ui_editor_init(&ed, "");
	type(&ed, "Zoë said no");
	ui_editor_layout(&ed, 40);
	ui_editor_left(&ed);
	ui_editor_left(&ed);
	ck_assert_uint_eq(ed.cursor, strlen("Zoë said "));
	ui_editor_word_left(&ed);
	ck_assert_uint_eq(ed.cursor, strlen("Zoë "));
	ui_editor_word_left(&ed);
	ck_assert_uint_eq(ed.cursor, 0);
	ui_editor_right(&ed);
	ui_editor_right(&ed);
	ui_editor_right(&ed); /* past ë, a two-byte character */
	ck_assert_uint_eq(ed.cursor, strlen("Zoë"));
	ui_editor_word_right(&ed);
	ck_assert_uint_eq(ed.cursor, strlen("Zoë "));
	ui_editor_end(&ed);
	ck_assert_uint_eq(ed.cursor, strlen("Zoë said no"));
	ui_editor_home(&ed);
	ck_assert_uint_eq(ed.cursor, 0);

	ui_editor_set_text(&ed, "first line\nsecond\nthird line here");
	ui_editor_layout(&ed, 40);
	ui_editor_top(&ed);
	ui_editor_end(&ed);
	ui_editor_down(&ed, 1); /* keeps the column where it can */
	ui_editor_cursor_pos(&ed, &row, &col);
	ck_assert_uint_eq(row, 1);
	ck_assert_uint_eq(col, 6);
	ui_editor_down(&ed, 1);
	ui_editor_cursor_pos(&ed, &row, &col);
	ck_assert_uint_eq(row, 2);
	ck_assert_uint_eq(col, 10);
	ui_editor_up(&ed, 5);
	ui_editor_cursor_pos(&ed, &row, &col);
	ck_assert_uint_eq(row, 0);
	ui_editor_bottom(&ed);
	ck_assert_uint_eq(ed.cursor, ed.text.len);
	ui_editor_free(&ed);
}
END_TEST

START_TEST(editor_paste_and_undo)
{
	struct ui_editor ed;

	ui_editor_init(&ed, "Safety plan:");
	ck_assert(!ed.can_undo);
	type(&ed, " a");
	type(&ed, "b");
	type(&ed, "c");
	ck_assert_str_eq(ui_editor_text(&ed), "Safety plan: abc");
	/* Typing is one step to undo. */
	ck_assert(ui_editor_undo(&ed));
	ck_assert_str_eq(ui_editor_text(&ed), "Safety plan:");
	/* Undo again is redo. */
	ck_assert(ui_editor_undo(&ed));
	ck_assert_str_eq(ui_editor_text(&ed), "Safety plan: abc");
	/* A paste of several lines, with a tab and a carriage return. */
	ui_editor_set_text(&ed, "");
	type(&ed, "1. Call the school\r\n2.\tAsk Zoë\rand Siobhán\n");
	ck_assert_str_eq(ui_editor_text(&ed), "1. Call the school\n2.    Ask Zoë\nand Siobhán\n");
	ui_editor_backspace(&ed);
	ui_editor_backspace(&ed);
	ui_editor_backspace(&ed); /* removes the whole á */
	ck_assert_str_eq(ui_editor_text(&ed), "1. Call the school\n2.    Ask Zoë\nand Siobh");
	ck_assert(ui_editor_undo(&ed));
	ck_assert_str_eq(ui_editor_text(&ed), "1. Call the school\n2.    Ask Zoë\nand Siobhá");
	ui_editor_delete_word_back(&ed);
	ck_assert_str_eq(ui_editor_text(&ed), "1. Call the school\n2.    Ask Zoë\nand ");
	ui_editor_free(&ed);
}
END_TEST

START_TEST(editor_appends_with_a_space)
{
	struct ui_editor ed;

	/* Typing at the end of earlier text starts with a space. */
	ui_editor_init(&ed, "Agreed the safety plan.");
	type(&ed, "Niamh says");
	ck_assert_str_eq(ui_editor_text(&ed), "Agreed the safety plan. Niamh says");
	/* Only the first time: after that it is ordinary typing. */
	type(&ed, "!");
	ck_assert_str_eq(ui_editor_text(&ed), "Agreed the safety plan. Niamh says!");
	ui_editor_free(&ed);
	/* Punctuation, a space typed first, an empty text, or typing in the
	 * middle: as typed. */
	ui_editor_init(&ed, "Seen at school");
	type(&ed, ".");
	ck_assert_str_eq(ui_editor_text(&ed), "Seen at school.");
	ui_editor_free(&ed);
	ui_editor_init(&ed, "Seen");
	type(&ed, " today");
	ck_assert_str_eq(ui_editor_text(&ed), "Seen today");
	ui_editor_free(&ed);
	ui_editor_init(&ed, "");
	type(&ed, "First");
	ck_assert_str_eq(ui_editor_text(&ed), "First");
	ui_editor_free(&ed);
	ui_editor_init(&ed, "ab");
	ui_editor_left(&ed);
	type(&ed, "x");
	ck_assert_str_eq(ui_editor_text(&ed), "axb");
	ui_editor_free(&ed);
}
END_TEST

START_TEST(editor_refuses_bad_bytes)
{
	struct ui_editor ed;

	ui_editor_init(&ed, "");
	ui_editor_insert(&ed, "ok\xff\x01!", 5);
	ck_assert(cb_utf8_valid(ui_editor_text(&ed), ed.text.len));
	ck_assert_str_eq(ui_editor_text(&ed), "ok\xef\xbf\xbd!");
	ui_editor_home(&ed);
	ui_editor_delete(&ed);
	ck_assert_str_eq(ui_editor_text(&ed), "k\xef\xbf\xbd!");
	ui_editor_free(&ed);
}
END_TEST

/* Left from the end and right from the start: one step a character as a
 * person sees it. */
START_TEST(editor_steps_by_grapheme_cluster)
{
	struct ui_editor ed;
	size_t i, form, steps;

	for (i = 0; i < TEST_NAMES; i++) {
		for (form = 0; form < 2; form++) {
			const char *name = form == 0 ? test_names[i].nfc : test_names[i].combining;

			if (name == NULL)
				continue;
			ui_editor_init(&ed, name);
			ui_editor_layout(&ed, 60);
			for (steps = 0; ed.cursor > 0 && steps < 100; steps++)
				ui_editor_left(&ed);
			ck_assert_msg(steps == test_names[i].clusters, "%s: %zu steps left in %s",
			              test_names[i].script, steps, name);
			for (steps = 0; ed.cursor < ed.text.len && steps < 100; steps++)
				ui_editor_right(&ed);
			ck_assert_uint_eq(steps, test_names[i].clusters);
			/* Typed a code point at a time, it is the same text and
			 * the same steps. */
			ui_editor_set_text(&ed, "");
			{
				size_t k = 0, n = strlen(name);

				while (k < n) {
					uint32_t cp;
					size_t len = cb_utf8_decode(name + k, n - k, &cp);

					ui_editor_insert(&ed, name + k, len);
					k += len;
				}
			}
			ck_assert_str_eq(ui_editor_text(&ed), name);
			ck_assert_uint_eq(ed.cursor, strlen(name));
			ui_editor_free(&ed);
		}
	}
}
END_TEST

START_TEST(editor_deletes_whole_characters)
{
	/* e with a combining diaeresis, a flag, a thumb with a skin tone, a
	 * family joined by ZWJ. */
	const char *zoe = "Zoe\xcc\x88", *flag = "\xf0\x9f\x87\xb8\xf0\x9f\x87\xb4",
	           *thumb = "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
	           *family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	                     "\xf0\x9f\x91\xa7";
	struct ui_editor ed;
	char *all;
	size_t row, col;

	ui_editor_init(&ed, zoe);
	ui_editor_backspace(&ed);
	ck_assert_str_eq(ui_editor_text(&ed), "Zo");
	all = cb_asprintf("%s %s%s%s!", zoe, flag, thumb, family);
	ui_editor_set_text(&ed, all);
	ui_editor_layout(&ed, 60);
	ui_editor_left(&ed); /* before ! */
	ui_editor_left(&ed); /* before the family */
	ui_editor_left(&ed); /* before the thumb */
	ui_editor_cursor_pos(&ed, &row, &col);
	ck_assert_uint_eq(col, 4 + cb_utf8_width(flag));
	ui_editor_delete(&ed);
	ui_editor_backspace(&ed);
	{
		char *want = cb_asprintf("%s %s!", zoe, family);

		ck_assert_str_eq(ui_editor_text(&ed), want);
		free(want);
	}
	ui_editor_right(&ed);
	ui_editor_backspace(&ed);
	ck_assert_str_eq(ui_editor_text(&ed), "Zoe\xcc\x88 !");
	/* A joiner typed between two emoji joins them: the cursor goes
	 * after the whole. */
	ui_editor_set_text(&ed, "\xf0\x9f\x91\xa8\xf0\x9f\x91\xa9");
	ui_editor_left(&ed);
	ui_editor_insert(&ed, "\xe2\x80\x8d", 3);
	ck_assert_uint_eq(ed.cursor, ed.text.len);
	ui_editor_left(&ed);
	ck_assert_uint_eq(ed.cursor, 0);
	free(all);
	ui_editor_free(&ed);
}
END_TEST

START_TEST(editor_wraps_between_characters)
{
	struct ui_editor ed;
	struct cb_buf b = {0};
	size_t i;
	int k;

	/* Sixty e-acutes typed with combining accents, and wide names. */
	for (k = 0; k < 60; k++)
		cb_buf_add(&b, "e\xcc\x81");
	cb_buf_add(&b, " \xe7\x8e\x8b\xe7\xa7\x80\xe8\x8b\xb1\xe7\x8e\x8b\xe7\xa7\x80");
	ui_editor_init(&ed, cb_buf_str(&b));
	ui_editor_layout(&ed, 9);
	for (i = 0; i < ed.nlines; i++) {
		char *l = line(&ed, i);

		ck_assert_msg(cb_utf8_width(l) <= 9, "line %zu too wide: '%s'", i, l);
		/* A line never starts with the accent of the line before. */
		ck_assert_msg((unsigned char)l[0] != 0xCC, "line %zu starts inside a character", i);
		free(l);
	}
	ck_assert_uint_eq(ed.lines[0].len, 9 * 3);
	ui_editor_free(&ed);
	cb_buf_free(&b);
}
END_TEST

START_TEST(editor_moves_by_words_in_any_script)
{
	struct ui_editor ed;
	const char *gur = test_names[11].nfc; /* ਗੁਰਪ੍ਰੀਤ ਕੌਰ */

	ck_assert_str_eq(test_names[11].script, "Gurmukhi");
	ui_editor_init(&ed, gur);
	ui_editor_top(&ed);
	ui_editor_word_right(&ed);
	ck_assert_uint_eq(ed.cursor, strlen(test_names[11].typed) + 1);
	ui_editor_set_text(&ed, test_names[4].combining); /* Siobhán Ní Bhriain */
	ui_editor_word_left(&ed);
	ui_editor_word_left(&ed);
	ck_assert_uint_eq(ed.cursor, strlen("Siobha\xcc\x81n "));
	ui_editor_set_text(&ed, "Aoife O'Brien");
	ui_editor_word_left(&ed);
	ck_assert_uint_eq(ed.cursor, strlen("Aoife "));
	ui_editor_free(&ed);
}
END_TEST

/* A curses screen that writes to /dev/null: what is drawn can be read
 * back from the window. */
static SCREEN *scr;
static FILE *scr_out, *scr_in;

static void
screen_open(void)
{
	scr_out = fopen("/dev/null", "w");
	scr_in = fopen("/dev/null", "r");
	ck_assert_ptr_nonnull(scr_out);
	scr = newterm("xterm", scr_out, scr_in);
	ck_assert_ptr_nonnull(scr);
	set_term(scr);
	resizeterm(24, 80);
}

static void
screen_close(void)
{
	endwin();
	delscreen(scr);
	fclose(scr_out);
	fclose(scr_in);
}

/* ncursesw moves the cursor by exactly the columns the workbook
 * measures, for every assigned code point: padding lines up where curses
 * puts the text. */
START_TEST(curses_agrees_on_every_width)
{
	const char *step_env = getenv("CASEBOOK_TEST_STEP");
	uint32_t cp, step = step_env != NULL && atoi(step_env) > 0 ? (uint32_t)atoi(step_env) : 1;
	char first[120] = "";
	size_t walked = 0;

	screen_open();
	for (cp = 1; cp <= 0x10FFFF; cp += step) {
		char text[8] = "a";
		size_t n;
		int x;

		if ((cp >= 0xD800 && cp <= 0xDFFF) ||
		    utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CN)
			continue;
		walked++;
		n = cb_utf8_encode(cp, text + 1);
		text[1 + n] = '\0';
		move(0, 0);
		clrtoeol();
		ui_text(0, 0, 20, text, A_NORMAL);
		x = getcurx(stdscr);
		if (x != 1 + (int)cb_utf8_width(text + 1) && first[0] == '\0')
			snprintf(first, sizeof first, "U+%04X: curses at column %d, measured %zu", cp,
			         x - 1, cb_utf8_width(text + 1));
	}
	screen_close();
	ck_assert_msg(first[0] == '\0', "%s", first);
	ck_assert_uint_gt(walked * step, 280000);
}
END_TEST

/* Read row y of the screen back as code points. */
static size_t
read_row(int y, wchar_t *out, size_t n)
{
	size_t x;

	for (x = 0; x < n && (int)x < COLS; x++) {
		cchar_t c;
		wchar_t wch[CCHARW_MAX + 1] = {0};
		attr_t attr;
		short pair;

		mvin_wch(y, (int)x, &c);
		getcchar(&c, wch, &attr, &pair, NULL);
		out[x] = wch[0];
	}
	return x;
}

START_TEST(hostile_text_never_reaches_the_screen)
{
	const char *hostile = "\x1b]52;c;cHduZWQ=\x07" "Ann\x1b[2J \xc2\x9b" "31m\xe2\x80\xae" "nhoJ\x07";
	wchar_t row[80];
	size_t n, i, replaced = 0;

	screen_open();
	ui_text(3, 0, 80, hostile, A_NORMAL);
	ck_assert_uint_eq((size_t)getcurx(stdscr), cb_utf8_width(hostile));
	n = read_row(3, row, 80);
	for (i = 0; i < n; i++) {
		ck_assert_msg(row[i] >= 0x20 && !(row[i] >= 0x7F && row[i] < 0xA0) && row[i] != 0x202E,
		              "U+%04X on the screen at column %zu", (unsigned)row[i], i);
		replaced += row[i] == 0xFFFD;
	}
	/* ESC twice, BEL twice, the C1 CSI and the override: each seen. */
	ck_assert_uint_eq(replaced, 6);
	screen_close();
}
END_TEST

START_TEST(lines_in_box_drawing_or_ascii)
{
	wchar_t row[80];

	screen_open();
	ui_lines_ascii(false);
	ui_box(2, 0, 3, 6);
	read_row(2, row, 6);
	ck_assert_int_eq(row[0], 0x250C);
	ck_assert_int_eq(row[1], 0x2500);
	ck_assert_int_eq(row[5], 0x2510);
	read_row(3, row, 6);
	ck_assert_int_eq(row[0], 0x2502);
	ui_lines_ascii(true);
	ui_box(2, 0, 3, 6);
	ui_hline(6, 0, 4);
	read_row(2, row, 6);
	ck_assert_int_eq(row[0], '+');
	ck_assert_int_eq(row[1], '-');
	read_row(3, row, 6);
	ck_assert_int_eq(row[5], '|');
	read_row(6, row, 4);
	ck_assert_int_eq(row[3], '-');
	ui_lines_ascii(false);
	screen_close();
}
END_TEST

/* For screen readers and braille displays the cursor sits on what is
 * selected: the last row drawn highlighted, at its left. */
START_TEST(cursor_sits_on_the_selection)
{
	screen_open();
	ui_focus_reset();
	ui_field(LINES - 1, 0, 80, "the key bar", A_REVERSE);
	ui_field(5, 10, 20, "a column", A_REVERSE);
	ui_field(5, 2, 8, "FS-1", A_REVERSE);
	ui_text(6, 2, 8, "not selected", A_NORMAL);
	ui_focus_place(false);
	ck_assert_int_eq(getcury(stdscr), 5);
	ck_assert_int_eq(getcurx(stdscr), 2);
	/* A dialog drawn over it takes the cursor. */
	ui_field(12, 6, 30, "Social worker", A_REVERSE);
	ui_focus_place(true);
	ck_assert_int_eq(getcury(stdscr), 12);
	ck_assert_int_eq(getcurx(stdscr), 6);
	/* An editor's text cursor wins. */
	ui_focus_text(8, 14);
	ui_field(13, 6, 30, "later", A_REVERSE);
	ui_focus_place(false);
	ck_assert_int_eq(getcury(stdscr), 8);
	ck_assert_int_eq(getcurx(stdscr), 14);
	screen_close();
}
END_TEST

static Suite *
ui_suite(void)
{
	Suite *s = suite_create("ui");
	TCase *keys = tcase_create("keys");
	TCase *editor = tcase_create("editor");
	TCase *drawing = tcase_create("drawing");

	tcase_add_test(keys, no_key_means_two_things);
	tcase_add_test(keys, every_row_documented);
	tcase_add_test(keys, lookup_depends_on_the_screen);
	tcase_add_test(keys, key_bar_keeps_help_and_back);
	tcase_add_test(keys, key_bar_read_only);
	tcase_add_test(keys, key_names);
	tcase_add_test(keys, rebind_by_action_name);
	tcase_add_test(keys, every_action_name_in_the_man_page);
	tcase_add_test(keys, themes);
	tcase_add_test(keys, help_and_quit_without_function_keys);
	tcase_add_test(editor, editor_wraps_by_display_width);
	tcase_add_test(editor, editor_moves_by_character_word_and_line);
	tcase_add_test(editor, editor_paste_and_undo);
	tcase_add_test(editor, editor_refuses_bad_bytes);
	tcase_add_test(editor, editor_appends_with_a_space);
	tcase_add_test(editor, editor_steps_by_grapheme_cluster);
	tcase_add_test(editor, editor_deletes_whole_characters);
	tcase_add_test(editor, editor_wraps_between_characters);
	tcase_add_test(editor, editor_moves_by_words_in_any_script);
	tcase_add_test(drawing, curses_agrees_on_every_width);
	tcase_add_test(drawing, hostile_text_never_reaches_the_screen);
	tcase_add_test(drawing, lines_in_box_drawing_or_ascii);
	tcase_add_test(drawing, cursor_sits_on_the_selection);
	suite_add_tcase(s, keys);
	suite_add_tcase(s, editor);
	suite_add_tcase(s, drawing);
	return s;
}

int
main(void)
{
	return tu_run(ui_suite());
}
