/* ui without a terminal: the key table and the text editor's state. */
#include "config.h"

#include <check.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/ui/ui.h"
#include "casebook/mem.h"
#include "casebook/ui_editor.h"
#include "casebook/utf8.h"
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

static Suite *
ui_suite(void)
{
	Suite *s = suite_create("ui");
	TCase *keys = tcase_create("keys");
	TCase *editor = tcase_create("editor");

	tcase_add_test(keys, no_key_means_two_things);
	tcase_add_test(keys, every_row_documented);
	tcase_add_test(keys, lookup_depends_on_the_screen);
	tcase_add_test(keys, key_bar_keeps_help_and_back);
	tcase_add_test(keys, key_names);
	tcase_add_test(editor, editor_wraps_by_display_width);
	tcase_add_test(editor, editor_moves_by_character_word_and_line);
	tcase_add_test(editor, editor_paste_and_undo);
	tcase_add_test(editor, editor_refuses_bad_bytes);
	suite_add_tcase(s, keys);
	suite_add_tcase(s, editor);
	return s;
}

int
main(void)
{
	return tu_run(ui_suite());
}
