/* SPDX-License-Identifier: MIT */
/* A table field as a grid: rows by columns, each box written on its own
 * with the long-text editor. Laid out so that a 2x2 decisional balance
 * reads whole at 80x24. Each box saved is a new version of the whole
 * answer, on top of the version shown. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "programme.h"

/* The narrowest a column may get before the grid scrolls sideways. */
#define MIN_COL 16
#define MIN_ROW 3

struct table_view {
	char family_id[CB_UUID_LEN];
	char family_label[120];
	const struct cb_module *module;   /* borrowed from the programme */
	const struct cb_section *section;
	const struct cb_field *field;
	char *key;
	struct cb_person *person;         /* a copy; NULL for the family */
	struct cb_answer *answer;         /* the current answer, or NULL */
	size_t row, col;                  /* the selected box */
	size_t first_row, first_col;      /* the first shown */
};

static void
table_free(void *p)
{
	struct table_view *t = p;

	free(t->key);
	cb_person_free(&t->person);
	cb_answer_free(&t->answer);
	free(t);
}

static struct ui_answer_target
target_of(struct table_view *t)
{
	struct ui_answer_target a;

	memset(&a, 0, sizeof a);
	a.family_id = t->family_id;
	a.family_label = t->family_label;
	a.module = t->module;
	a.section = t->section;
	a.field = t->field;
	a.key = t->key;
	a.person = t->person;
	a.current = t->answer;
	return a;
}

/* Read the answer again: after a save its version has moved on. */
static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct table_view *t = scr->state;
	struct cb_vec answers = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_err err = {0};
	const char *person = t->person != NULL ? t->person->id : "";
	size_t i;

	if (cb_store_answer_list(app->store, t->family_id, t->module->id, NULL, &answers, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	cb_answer_free(&t->answer);
	for (i = 0; i < answers.len; i++) {
		struct cb_answer *a = answers.items[i];

		if (cb_streq(a->field_key, t->key) && cb_streq(a->person_id, person)) {
			t->answer = a;
			answers.items[i] = NULL;
			break;
		}
	}
	cb_vec_clear(&answers);
}

static const struct cb_option *
opt(const struct cb_vec *v, size_t i)
{
	return v->items[i];
}

static const char *
value_of(const struct table_view *t)
{
	return t->answer != NULL && t->answer->value != NULL ? t->answer->value : "";
}

/* Boxes recorded under rows or columns the table no longer has: shown
 * under the grid, never dropped. A new string, "" when there are none. */
static char *
gone_boxes(const struct table_view *t)
{
	const char *p = value_of(t);
	struct cb_buf b = {0};

	while (*p != '\0') {
		size_t len = strcspn(p, "\n");
		const char *t1 = memchr(p, '\t', len);
		const char *t2 = t1 != NULL ? memchr(t1 + 1, '\t', len - (size_t)(t1 + 1 - p)) : NULL;

		if (t1 != NULL && t2 != NULL) {
			char *r = cb_strndup(p, (size_t)(t1 - p));
			char *c = cb_strndup(t1 + 1, (size_t)(t2 - t1 - 1));

			if (cb_option_label(&t->field->rows, r) == NULL ||
			    cb_option_label(&t->field->columns, c) == NULL) {
				char *text = cb_table_get(value_of(t), r, c);
				const char *rl = cb_option_label(&t->field->rows, r);
				const char *cl = cb_option_label(&t->field->columns, c);

				cb_buf_addf(&b, "%s%s / %s: %s", b.len > 0 ? "; " : "", rl != NULL ? rl : r,
				            cl != NULL ? cl : c, text);
				free(text);
			}
			free(r);
			free(c);
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	return cb_buf_take(&b);
}

static void
draw_cell(struct ui_app *app, int y, int x, int w, int h, const char *text, bool sel)
{
	int attr = sel ? A_REVERSE : A_NORMAL, k, total;

	for (k = 0; k < h; k++)
		ui_field(y + k, x, w, "", attr);
	if (cb_str_empty(text)) {
		ui_text(y, x + 1, w - 2, sel ? _("(empty: Enter to write)") : "",
		        sel ? attr : ui_attr(app, UI_C_DIM));
		return;
	}
	total = ui_wrap_rows(text, w - 2);
	if (total > h) {
		ui_wrap(y, x + 1, w - 2, h - 1, text, attr, 0);
		ui_text(y + h - 1, x + 1, w - 2, _("... Enter shows it all"), attr | A_DIM);
	} else {
		ui_wrap(y, x + 1, w - 2, h, text, attr, 0);
	}
}

static void
table_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct table_view *t = scr->state;
	const struct cb_field *f = t->field;
	size_t nr = f->rows.len, nc = f->columns.len, r, c, show_c, show_r;
	int label_w = app->cols / 5, col_w, row_h, y, x, avail, head_h = 2;
	char *gone = gone_boxes(t), *head;

	if (label_w < 14)
		label_w = 14;
	head = t->person != NULL ? cb_asprintf("%s: %s", f->label, t->person->name)
	                         : cb_strdup(f->label);
	ui_text(top, 1, app->cols - 2, head, A_BOLD);
	free(head);
	if (f->help != NULL)
		ui_text(top + 1, 1, app->cols - 2, f->help, ui_attr(app, UI_C_DIM));
	/* Columns: as many as fit at MIN_COL; scroll sideways past that. */
	show_c = (size_t)((app->cols - 1 - label_w) / MIN_COL);
	if (show_c < 1)
		show_c = 1;
	if (show_c > nc)
		show_c = nc;
	if (t->col < t->first_col)
		t->first_col = t->col;
	if (t->col >= t->first_col + show_c)
		t->first_col = t->col - show_c + 1;
	col_w = (app->cols - 1 - label_w) / (int)show_c;
	/* Rows: share the height, at least MIN_ROW lines each. */
	avail = bottom - (top + 2) - head_h - 1 - (gone[0] != '\0' ? 1 : 0) - 1;
	show_r = (size_t)(avail / (MIN_ROW + 1));
	if (show_r < 1)
		show_r = 1;
	if (show_r > nr)
		show_r = nr;
	row_h = avail / (int)show_r - 1;
	if (t->row < t->first_row)
		t->first_row = t->row;
	if (t->row >= t->first_row + show_r)
		t->first_row = t->row - show_r + 1;
	y = top + 2;
	for (c = 0; c < show_c && t->first_col + c < nc; c++) {
		const struct cb_option *o = opt(&f->columns, t->first_col + c);

		x = label_w + (int)c * col_w;
		ui_wrap(y, x + 1, col_w - 2, head_h, o->label, A_BOLD, 0);
	}
	y += head_h;
	ui_hline(y++, 0, app->cols);
	for (r = 0; r < show_r && t->first_row + r < nr; r++) {
		const struct cb_option *ro = opt(&f->rows, t->first_row + r);

		ui_wrap(y, 1, label_w - 2, row_h, ro->label,
		        A_BOLD | (t->first_row + r == t->row ? A_UNDERLINE : 0), 0);
		for (c = 0; c < show_c && t->first_col + c < nc; c++) {
			const struct cb_option *co = opt(&f->columns, t->first_col + c);
			char *text = cb_table_get(value_of(t), ro->id, co->id);

			x = label_w + (int)c * col_w;
			ui_vline(y, x - 1, row_h);
			draw_cell(app, y, x, col_w - 1, row_h,
			          text, t->first_row + r == t->row && t->first_col + c == t->col);
			free(text);
		}
		y += row_h;
		ui_hline(y++, 0, app->cols);
	}
	if (gone[0] != '\0') {
		char *line = cb_asprintf(_("Kept from boxes no longer in the table: %s"), gone);

		ui_text(y++, 1, app->cols - 2, line, ui_attr(app, UI_C_DIM));
		free(line);
	}
	if (y < bottom) {
		char more[120] = "";

		if (nr > show_r || nc > show_c)
			snprintf(more, sizeof more, _(" Showing %zu of %zu rows, %zu of %zu columns."),
			         show_r, nr, show_c, nc);
		{
			char *hint = cb_asprintf(_("Arrows move between boxes, Enter writes in one.%s"), more);

			ui_text(y, 1, app->cols - 2, hint, ui_attr(app, UI_C_DIM));
			free(hint);
		}
	}
	free(gone);
}

struct cell_save {
	struct table_view *t;
	const char *row, *col;
};

static int
save_cell(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
          struct cb_err *err)
{
	struct cell_save *cs = ctx;
	struct ui_answer_target a = target_of(cs->t);
	char *value = cb_table_set(value_of(cs->t), cs->row, cs->col, text);
	int rc = ui_answer_save(app, &a, value, pending, err);

	free(value);
	return rc;
}

static void
edit_cell(struct ui_app *app, struct ui_screen *scr)
{
	struct table_view *t = scr->state;
	const struct cb_option *ro = opt(&t->field->rows, t->row);
	const struct cb_option *co = opt(&t->field->columns, t->col);
	struct ui_answer_target a = target_of(t);
	struct cell_save cs = {t, ro->id, co->id};
	struct ui_edit e = {0};
	char *cell = cb_asprintf("%s/%s", ro->id, co->id);
	char *key = ui_answer_draft_key(&a, cell);
	char *now = cb_table_get(value_of(t), ro->id, co->id);
	char *title = cb_asprintf("%s: %s / %s%s%s", t->field->label, ro->label, co->label,
	                          t->person != NULL ? ", " : "",
	                          t->person != NULL ? t->person->name : "");
	char *label = t->field->help != NULL
	                  ? cb_asprintf("%s / %s (%s)", ro->label, co->label, t->field->help)
	                  : cb_asprintf("%s / %s", ro->label, co->label);

	e.title = title;
	e.label = label;
	e.example = t->field->example;
	e.initial = now;
	e.base_rev = a.current != NULL ? &a.current->rev : NULL;
	e.draft_key = key;
	e.family_id = t->family_id;
	e.allow_empty = !cb_str_empty(now);
	e.save = save_cell;
	e.ctx = &cs;
	if (ui_edit_text(app, &e) == 0)
		ui_say(app, _("Saved."));
	reload(app, scr);
	free(cell);
	free(key);
	free(now);
	free(title);
	free(label);
}

static int
table_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct table_view *t = scr->state;
	size_t nr = t->field->rows.len, nc = t->field->columns.len;

	(void)key;
	switch (action) {
	case UI_UP: if (t->row > 0) t->row--; return UI_HANDLED;
	case UI_DOWN: if (t->row + 1 < nr) t->row++; return UI_HANDLED;
	case UI_LEFT: if (t->col > 0) t->col--; return UI_HANDLED;
	case UI_RIGHT: if (t->col + 1 < nc) t->col++; return UI_HANDLED;
	case UI_HOME: t->row = t->col = 0; return UI_HANDLED;
	case UI_END: t->row = nr - 1; t->col = nc - 1; return UI_HANDLED;
	case UI_OPEN: edit_cell(app, scr); return UI_HANDLED;
	case UI_HISTORY: {
		char *title = cb_asprintf(_("History: %s%s%s"), t->field->label,
		                          t->person != NULL ? ", " : "",
		                          t->person != NULL ? t->person->name : "");

		ui_answer_history(app, scr, title, t->field, t->answer, NULL);
		free(title);
		return UI_HANDLED;
	}
	default: return 0;
	}
}

static const struct ui_screen_ops table_ops = {
	UI_SCR_TABLE, "module", table_draw, table_key, reload, NULL, table_free,
};

void
ui_open_table(struct ui_app *app, const struct ui_screen *about, const struct ui_answer_target *a)
{
	struct table_view *t;
	struct ui_screen *scr;
	char *title;

	if (a->field->rows.len == 0 || a->field->columns.len == 0) {
		ui_error(app, _("This table has no rows or no columns: the module file needs fixing."));
		return;
	}
	t = cb_calloc(1, sizeof *t);
	snprintf(t->family_id, sizeof t->family_id, "%s", a->family_id);
	snprintf(t->family_label, sizeof t->family_label, "%s",
	         a->family_label != NULL ? a->family_label : "");
	t->module = a->module;
	t->section = a->section;
	t->field = a->field;
	t->key = cb_strdup(a->key);
	if (a->person != NULL) {
		t->person = cb_person_new();
		memcpy(t->person->id, a->person->id, CB_UUID_LEN);
		t->person->name = cb_strdup(a->person->name);
		t->person->role = a->person->role;
	}
	title = ui_answer_place(a);
	scr = ui_screen_new(&table_ops, t, title);
	free(title);
	if (about != NULL) {
		memcpy(scr->family_id, about->family_id, CB_UUID_LEN);
		memcpy(scr->family_label, about->family_label, sizeof scr->family_label);
	}
	reload(app, scr);
	ui_push(app, scr);
}
