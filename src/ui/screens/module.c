/* SPDX-License-Identifier: MIT */
/* One programme module for one family: its sections (a block per adult or
 * per child where the section asks about each), every field with its
 * answer, the guidance, open questions and examples of good recording
 * beside them, and at the end the answers kept from earlier versions of
 * the module, read-only, so nothing recorded ever drops out of sight. */
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
#include "casebook/module_form.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/utf8.h"
#include "programme.h"

/* The guide goes beside the fields from this width, below them under it. */
#define GUIDE_SIDE_COLS 100
/* Lines of an answer shown in the list; Enter shows the rest. */
#define VALUE_LINES 3

struct module_view {
	char family_id[CB_UUID_LEN];
	char *module_id;
	const struct cb_module *m;   /* NULL: the module has left the programme */
	struct cb_family *family;
	struct cb_vec people;        /* struct cb_person */
	struct cb_vec answers;       /* struct cb_answer */
	struct cb_form form;
	size_t sel, top;
	int height;                  /* rows of the list at the last draw */
	bool guide;
};

static void
module_free(void *p)
{
	struct module_view *v = p;

	cb_form_clear(&v->form);
	cb_vec_clear(&v->answers);
	cb_vec_clear(&v->people);
	cb_family_free(&v->family);
	free(v->module_id);
	free(v);
}

static const struct cb_form_row *
row_at(const struct module_view *v, size_t i)
{
	return cb_form_row(&v->form, i);
}

static void
set_title(struct ui_screen *scr)
{
	struct module_view *v = scr->state;
	const struct cb_form *f = &v->form;

	if (v->m == NULL) {
		snprintf(scr->title, sizeof scr->title, _("%s: no longer in the programme (read-only)"),
		         v->module_id);
		return;
	}
	if (f->required_missing > 0)
		snprintf(scr->title, sizeof scr->title,
		         _("%ld %s: %zu of %zu answered, %zu required still to answer"), v->m->order,
		         v->m->title, f->answered, f->fields, f->required_missing);
	else
		snprintf(scr->title, sizeof scr->title, _("%ld %s: %zu of %zu answered"), v->m->order,
		         v->m->title, f->answered, f->fields);
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct module_view *v = scr->state;
	struct cb_err err = {0};

	cb_form_clear(&v->form);
	cb_vec_clear(&v->answers);
	cb_vec_clear(&v->people);
	cb_family_free(&v->family);
	if (cb_store_family_get(app->store, v->family_id, &v->family, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	ui_screen_family(scr, v->family);
	if (cb_store_person_list(app->store, v->family_id, &v->people, &err) != 0 ||
	    cb_store_answer_list(app->store, v->family_id, v->module_id, NULL, &v->answers, &err) != 0)
		ui_fail(app, &err);
	cb_form_build(&v->form, v->m, &v->people, &v->answers);
	if (v->sel >= v->form.rows.len)
		v->sel = v->form.rows.len > 0 ? v->form.rows.len - 1 : 0;
	set_title(scr);
}

/* Drawing */

static const char *
who_part(const struct cb_section *s)
{
	return s->applies_to == CB_APPLIES_EACH_CHILD ? _("each child") : _("each adult");
}

static char *
heading_text(const struct cb_form_row *r)
{
	if (r->kind == CB_FORM_RETIRED_HEADING)
		return cb_strdup(_("Retired fields"));
	if (r->person != NULL)
		return cb_asprintf("%s: %s (%s)", r->section->title, r->person->name,
		                   cb_member_role_label(r->person->role));
	if (r->nobody)
		return cb_asprintf(_("%s (for %s)"), r->section->title, who_part(r->section));
	return cb_strdup(r->section->title);
}

static const char *
why_text(const struct cb_form_row *r)
{
	switch (r->why) {
	case CB_RETIRED_FIELD:
		return r->field != NULL ? _("now recorded on its own screen")
		                        : _("no longer in the module");
	case CB_RETIRED_PERSON: return _("for someone this part no longer asks about");
	case CB_RETIRED_SCOPE: return _("the part now asks about someone else");
	case CB_RETIRED_NONE: break;
	}
	return "";
}

static char *
retired_label(const struct cb_form_row *r)
{
	const char *label = r->field != NULL ? r->field->label : r->key;

	if (r->answer->person_id[0] != '\0')
		return cb_asprintf(_("%s (%s): %s; written under version %ld"), label,
		                   r->person != NULL ? r->person->name
		                                     : _("someone no longer in the family"),
		                   why_text(r), r->answer->module_version);
	return cb_asprintf(_("%s: %s; written under version %ld"), label, why_text(r),
	                   r->answer->module_version);
}

static const char *
tool_tag(enum cb_field_type t)
{
	switch (t) {
	case CB_FIELD_STAGE_OF_CHANGE: return _("Enter: Cycle of Change");
	case CB_FIELD_RISK_RATING: return _("Enter: risk ratings");
	case CB_FIELD_GOALS: return _("Enter: goals");
	case CB_FIELD_ACTIONS:
	case CB_FIELD_ACTIONS_REVIEW: return _("Enter: open actions");
	default: return "";
	}
}

/* How a field or retired row is laid out at a width: its label, then
 * either its answer (up to VALUE_LINES) or a short note in place of one,
 * on the label's line when it fits there. */
struct row_layout {
	char *label;
	int label_rows;
	char *value;        /* the answer as shown, or NULL */
	int value_rows, value_total;
	const char *tag;    /* a note instead of a value, or NULL */
	bool tag_inline;
	bool value_inline;  /* the value on the label's line */
	int height;
};

static void
layout_free(struct row_layout *l)
{
	free(l->label);
	free(l->value);
}

static void
layout(const struct module_view *v, const struct cb_form_row *r, int width, struct row_layout *l)
{
	memset(l, 0, sizeof *l);
	l->label = r->kind == CB_FORM_FIELD ? cb_strdup(r->field->label) : retired_label(r);
	l->label_rows = ui_wrap_rows(l->label, width - 4) > 1 ? 2 : 1;
	if (r->kind == CB_FORM_FIELD && cb_field_is_tool(r->field->type))
		l->tag = tool_tag(r->field->type);
	else if (r->answer == NULL)
		l->tag = _("not answered");
	else if (!cb_form_answered(r->answer))
		l->tag = _("cleared (h: what it said)");
	if (l->tag != NULL) {
		int lw = (int)cb_utf8_width(l->label), tw = (int)cb_utf8_width(l->tag);

		l->tag_inline = l->label_rows == 1 && lw + tw + 6 <= width;
		l->height = l->label_rows + (l->tag_inline ? 0 : 1);
		return;
	}
	l->value = ui_answer_display(r->field, r->answer->value, &v->people);
	/* A short answer to a question with set answers (a choice, a date,
	 * a number) reads best on the label's line. */
	if (r->kind == CB_FORM_FIELD && r->field->type != CB_FIELD_TEXT &&
	    r->field->type != CB_FIELD_LONGTEXT && r->field->type != CB_FIELD_TABLE &&
	    l->label_rows == 1 && strchr(l->value, '\n') == NULL &&
	    (int)(cb_utf8_width(l->label) + cb_utf8_width(l->value)) + 6 <= width) {
		l->value_inline = true;
		l->height = 1;
		return;
	}
	l->value_total = ui_wrap_rows(l->value, width - 5);
	if (l->value_total < 1)
		l->value_total = 1;
	l->value_rows = l->value_total > VALUE_LINES ? VALUE_LINES : l->value_total;
	l->height = l->label_rows + l->value_rows;
}

static int
row_height(const struct module_view *v, size_t i, int width)
{
	const struct cb_form_row *r = row_at(v, i);
	struct row_layout l;

	switch (r->kind) {
	case CB_FORM_HEADING: return (i > 0 ? 1 : 0) + 1 + (r->nobody ? 1 : 0);
	case CB_FORM_RETIRED_HEADING: return (i > 0 ? 1 : 0) + 2;
	case CB_FORM_FIELD:
	case CB_FORM_RETIRED: break;
	}
	layout(v, r, width, &l);
	layout_free(&l);
	return l.height;
}

/* Keep the selected row in view, with its heading when it is near. */
static void
fit(struct module_view *v, int height, int width)
{
	int used;
	size_t i;

	if (v->sel < v->top)
		v->top = v->sel;
	/* Show the block's heading too, when it fits. */
	if (v->sel > 0 && v->top == v->sel) {
		const struct cb_form_row *prev = row_at(v, v->sel - 1);

		if (prev != NULL && prev->kind != CB_FORM_FIELD && prev->kind != CB_FORM_RETIRED)
			v->top = v->sel - 1;
	}
	for (;;) {
		used = 0;
		for (i = v->top; i <= v->sel && i < v->form.rows.len; i++)
			used += row_height(v, i, width);
		if (used <= height || v->top >= v->sel)
			break;
		v->top++;
	}
	/* Near the end, fill the page rather than leave it half empty. */
	used = 0;
	for (i = v->top; i < v->form.rows.len && used <= height; i++)
		used += row_height(v, i, width);
	while (v->top > 0 && used + row_height(v, v->top - 1, width) <= height) {
		v->top--;
		used += row_height(v, v->top, width);
	}
}

static void
draw_heading(struct ui_app *app, const struct module_view *v, size_t i, int y, int x, int width,
             int bottom)
{
	const struct cb_form_row *r = row_at(v, i);
	int attr = i == v->sel ? A_REVERSE : A_NORMAL;
	int yy = y + (i > 0 ? 1 : 0);
	char *text = heading_text(r);

	if (yy < bottom) {
		ui_field(yy, x, width, "", attr);
		ui_text(yy, x, width, text,
		        attr | (int)A_BOLD | (i == v->sel ? 0 : (int)A_UNDERLINE));
	}
	free(text);
	if (r->nobody && yy + 1 < bottom) {
		char *why = cb_asprintf(_("Nobody yet: this part is for %s. Add them on the family "
		                          "record (m)."),
		                        who_part(r->section));

		ui_text(yy + 1, x + 4, width - 4, why, ui_attr(app, UI_C_DIM));
		free(why);
	}
	if (r->kind == CB_FORM_RETIRED_HEADING && yy + 1 < bottom)
		ui_text(yy + 1, x + 2, width - 2,
		        _("Kept from earlier versions of the module, read-only. h: history."),
		        ui_attr(app, UI_C_DIM));
}

static int
draw_row(struct ui_app *app, const struct module_view *v, size_t i, int y, int x, int width,
         int bottom)
{
	const struct cb_form_row *r = row_at(v, i);
	bool sel = i == v->sel;
	int attr = sel ? A_REVERSE : A_NORMAL, dim = ui_attr(app, UI_C_DIM), k, h, vy;
	struct row_layout l;

	if (r->kind == CB_FORM_HEADING || r->kind == CB_FORM_RETIRED_HEADING) {
		draw_heading(app, v, i, y, x, width, bottom);
		return row_height(v, i, width);
	}
	layout(v, r, width, &l);
	h = l.height;
	for (k = 0; k < l.label_rows && y + k < bottom; k++)
		ui_field(y + k, x, width, "", attr);
	if (r->kind == CB_FORM_FIELD)
		ui_text(y, x, 2, r->field->required ? "*" : " ", attr | (int)A_BOLD);
	ui_wrap(y, x + 2, width - 4, bottom - y < l.label_rows ? bottom - y : l.label_rows, l.label,
	        attr | (r->kind == CB_FORM_RETIRED && !sel ? dim : 0), 0);
	vy = y + l.label_rows;
	if (l.tag != NULL) {
		int tw = (int)cb_utf8_width(l.tag);

		if (l.tag_inline)
			ui_text(y, x + width - tw - 1, tw, l.tag, sel ? attr : dim);
		else if (vy < bottom)
			ui_text(vy, x + 4, width - 5, l.tag, dim);
	} else if (l.value_inline) {
		int vw = (int)cb_utf8_width(l.value);

		ui_text(y, x + width - vw - 1, vw, l.value, attr | (int)A_BOLD);
	} else if (vy < bottom) {
		int rows = bottom - vy < l.value_rows ? bottom - vy : l.value_rows;

		if (l.value_total > rows) {
			char *more = cb_asprintf(_("... %d more lines: Enter shows them"),
			                         l.value_total - rows + 1);

			ui_wrap(vy, x + 4, width - 5, rows - 1, l.value, A_NORMAL, 0);
			ui_text(vy + rows - 1, x + 4, width - 5, more, dim);
			free(more);
		} else {
			ui_wrap(vy, x + 4, width - 5, rows, l.value, A_NORMAL, 0);
		}
	}
	layout_free(&l);
	return h;
}

static void
add_prompts(struct cb_buf *b, const struct cb_section *s)
{
	size_t i;

	if (s->prompts.len == 0)
		return;
	cb_buf_addf(b, "\n\n%s", _("Questions to ask:"));
	for (i = 0; i < s->prompts.len; i++)
		cb_buf_addf(b, "\n- %s", (const char *)s->prompts.items[i]);
}

static void
add_section(struct cb_buf *b, const struct cb_section *s)
{
	cb_buf_addf(b, "%s%s", b->len > 0 ? "\n\n" : "", s->title);
	if (s->applies_to != CB_APPLIES_FAMILY)
		cb_buf_addf(b, _(" (asked for %s, one part per person)"), who_part(s));
	cb_buf_addf(b, "\n%s", s->guidance != NULL ? s->guidance : _("No guidance for this part."));
	add_prompts(b, s);
}

/* What the guide says about the selected row: the field's own help and
 * example first (they are what the worker needs while writing), then
 * the section's guidance and questions. A new string. */
static char *
guide_text(const struct module_view *v)
{
	const struct cb_form_row *r = row_at(v, v->sel);
	struct cb_buf b = {0};

	if (r == NULL)
		return cb_strdup("");
	switch (r->kind) {
	case CB_FORM_FIELD:
		cb_buf_add(&b, r->field->label);
		if (r->field->required)
			cb_buf_addf(&b, " %s", _("(required: marked *, but it never stops you saving)"));
		if (r->field->help != NULL)
			cb_buf_addf(&b, "\n%s", r->field->help);
		if (r->field->type == CB_FIELD_SCALE)
			cb_buf_addf(&b, _("\nA scale from %ld to %ld. %s."), r->field->min, r->field->max,
			            ui_scale_direction(r->field));
		if (r->field->example != NULL)
			cb_buf_addf(&b, "\n\n%s\n%s", _("An example of good recording:"),
			            r->field->example);
		add_section(&b, r->section);
		break;
	case CB_FORM_HEADING:
		add_section(&b, r->section);
		if (v->sel == 0 && v->m != NULL)
			cb_buf_addf(&b, "\n\n%s\n%s", _("What this module is for:"), v->m->purpose);
		break;
	case CB_FORM_RETIRED_HEADING:
	case CB_FORM_RETIRED:
		cb_buf_add(&b, _("These answers were written under an earlier version of the module. "
		                 "The field, or the person it was about, is no longer asked here, so "
		                 "they cannot be changed, but they are kept and shown as written. "
		                 "h shows each one's history; Enter shows all of it."));
		break;
	}
	return cb_buf_take(&b);
}

static void
draw_guide(struct ui_app *app, const struct module_view *v, int y, int x, int width, int rows)
{
	char *text = guide_text(v);

	ui_text(y, x + 1, width - 2, _(" Guide (g hides it) "), A_BOLD);
	ui_wrap(y + 1, x + 1, width - 2, rows - 1, text, A_NORMAL, 0);
	free(text);
}

static void
module_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct module_view *v = scr->state;
	int width = app->cols - 2, list_bottom = bottom, y;
	size_t i;

	if (v->family == NULL) {
		ui_text(top, 2, app->cols - 4, _("This family could not be opened."), A_BOLD);
		return;
	}
	if (v->guide) {
		if (app->cols >= GUIDE_SIDE_COLS) {
			int gw = app->cols * 2 / 5;

			width = app->cols - gw - 2;
			ui_vline(top, width + 1, bottom - top);
			draw_guide(app, v, top, width + 2, gw, bottom - top);
		} else {
			list_bottom = top + (bottom - top) / 2;
			ui_hline(list_bottom, 0, app->cols);
			draw_guide(app, v, list_bottom, 0, app->cols, bottom - list_bottom);
		}
	}
	v->height = list_bottom - top;
	if (v->form.rows.len == 0) {
		ui_wrap(top + 1, 2, width - 2, 3,
		        v->m == NULL ? _("Nothing was recorded for this family in this module.")
		                     : _("This module has no fields."),
		        A_NORMAL, 0);
		return;
	}
	fit(v, v->height, width);
	y = top;
	/* A heading at the top of the list needs no blank line above it. */
	if (v->top > 0 && row_at(v, v->top)->kind != CB_FORM_FIELD &&
	    row_at(v, v->top)->kind != CB_FORM_RETIRED)
		y--;
	for (i = v->top; i < v->form.rows.len && y < list_bottom; i++)
		y += draw_row(app, v, i, y, 1, width, list_bottom);
}

/* Keys */

static struct ui_answer_target
target_of(const struct module_view *v, const struct ui_screen *scr, const struct cb_form_row *r)
{
	struct ui_answer_target t;

	memset(&t, 0, sizeof t);
	t.family_id = v->family_id;
	t.family_label = scr->family_label;
	t.module = v->m;
	t.section = r->section;
	t.field = r->field;
	t.key = r->key;
	t.person = r->person;
	t.current = r->answer;
	t.people = &v->people;
	return t;
}

static void
show_retired(struct ui_app *app, struct ui_screen *scr, const struct cb_form_row *r)
{
	struct module_view *v = scr->state;
	char *label = retired_label(r);
	char *value = ui_answer_display(r->field, r->answer->value, &v->people);
	char date[CB_DATE_LEN];
	char *text, *title;

	cb_date_format(r->answer->date, date);
	text = cb_asprintf(_("%s\nAnswered on %s by %s. Read-only: kept as it was written.\n\n%s"),
	                   label, date,
	                   r->answer->rev.created_by_name ? r->answer->rev.created_by_name : "?",
	                   cb_str_empty(r->answer->value) ? _("(cleared)") : value);
	title = cb_asprintf(_("Retired field: %s"), r->key);
	ui_open_text(app, title, text, scr);
	free(label);
	free(value);
	free(text);
	free(title);
}

/* Enter: answer a field (or open its tool), read a retired answer whole,
 * or step from a heading into its fields. */
static void
open_row(struct ui_app *app, struct ui_screen *scr)
{
	struct module_view *v = scr->state;
	const struct cb_form_row *r = row_at(v, v->sel);
	struct ui_answer_target t;

	if (r == NULL)
		return;
	switch (r->kind) {
	case CB_FORM_HEADING:
		if (r->nobody)
			ui_error(app, _("Nobody in the family is asked about here yet: add people on the "
			                "family record (m)."));
		else if (v->sel + 1 < v->form.rows.len)
			v->sel++;
		return;
	case CB_FORM_RETIRED_HEADING:
		if (v->sel + 1 < v->form.rows.len)
			v->sel++;
		return;
	case CB_FORM_RETIRED:
		show_retired(app, scr, r);
		return;
	case CB_FORM_FIELD:
		break;
	}
	t = target_of(v, scr, r);
	if (ui_field_edit(app, scr, &t))
		reload(app, scr);
}

static void
history(struct ui_app *app, struct ui_screen *scr)
{
	struct module_view *v = scr->state;
	const struct cb_form_row *r = row_at(v, v->sel);
	char *title;

	if (r == NULL || (r->kind != CB_FORM_FIELD && r->kind != CB_FORM_RETIRED)) {
		ui_say(app, _("Choose a field first: h shows the history of its answer."));
		return;
	}
	if (r->kind == CB_FORM_FIELD && cb_field_is_tool(r->field->type)) {
		ui_say(app, _("This is kept on its own screen, with its history there: Enter opens it."));
		return;
	}
	title = cb_asprintf(_("History: %s%s%s"), r->field != NULL ? r->field->label : r->key,
	                    r->person != NULL ? ", " : "", r->person != NULL ? r->person->name : "");
	if (r->answer != NULL) {
		ui_answer_history(app, scr, title, r->field, r->answer, &v->people);
	} else {
		/* A retracted answer has no current version, but its history
		 * is still one key away. */
		struct cb_answer *key = cb_answer_new();
		struct cb_err err = {0};

		memcpy(key->family_id, v->family_id, CB_UUID_LEN);
		key->module_id = cb_strdup(v->module_id);
		key->field_key = cb_strdup(r->key);
		if (r->person != NULL)
			memcpy(key->person_id, r->person->id, CB_UUID_LEN);
		if (cb_store_answer_find(app->store, key, key->id, &err) != 0)
			ui_fail(app, &err);
		else
			ui_answer_history(app, scr, title, r->field, key->id[0] != '\0' ? key : NULL,
			                  &v->people);
		cb_answer_free(&key);
	}
	free(title);
}

/* An answer written in error: retracted with a reason; the field is empty
 * again and the answer stays in its history. */
static void
retract(struct ui_app *app, struct ui_screen *scr)
{
	struct module_view *v = scr->state;
	const struct cb_form_row *r = row_at(v, v->sel);
	struct cb_err err = {0};
	char *reason = NULL;

	if (r == NULL || r->kind != CB_FORM_FIELD) {
		ui_say(app, _("Choose a field first: d retracts its answer."));
		return;
	}
	if (cb_field_is_tool(r->field->type)) {
		ui_say(app, _("This is kept on its own screen, where it is corrected and retracted: "
		              "Enter opens it."));
		return;
	}
	if (r->answer == NULL) {
		ui_error(app, _("Nothing is recorded here, so there is nothing to retract."));
		return;
	}
	if (ui_prompt(app, _("Retract this answer? It stays in the history. Why?"), "", &reason,
	              ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_answer_retract(app->store, r->answer->id, r->answer->rev.version, reason,
		                            &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Retracted; the answer and the reason stay in its history (h)."));
	}
	free(reason);
	reload(app, scr);
}

static bool
row_matches(const struct module_view *v, const struct cb_form_row *r, const char *needle)
{
	bool hit = false;

	if (r->section != NULL && cb_text_matches(r->section->title, needle))
		hit = true;
	if (r->field != NULL && cb_text_matches(r->field->label, needle))
		hit = true;
	if (r->person != NULL && cb_text_matches(r->person->name, needle))
		hit = true;
	if (r->key != NULL && cb_text_matches(r->key, needle))
		hit = true;
	if (!hit && r->answer != NULL && r->answer->value != NULL) {
		char *shown = ui_answer_display(r->field, r->answer->value, &v->people);

		hit = cb_text_matches(shown, needle);
		free(shown);
	}
	return hit;
}

static void
find(struct ui_app *app, struct module_view *v)
{
	char *needle = NULL;
	size_t i, n = v->form.rows.len;

	if (ui_prompt(app, _("Find a part, a field or words in an answer:"), "", &needle, NULL,
	              NULL, NULL) != 0)
		return;
	for (i = 1; i <= n && !cb_str_empty(needle); i++) {
		size_t k = (v->sel + i) % n;

		if (row_matches(v, row_at(v, k), needle)) {
			v->sel = k;
			break;
		}
	}
	if (i > n || cb_str_empty(needle))
		ui_error(app, _("Nothing here mentions '%s'."), needle);
	free(needle);
}

static int
module_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct module_view *v = scr->state;
	struct ui_list l = {v->form.rows.len, v->sel, v->top, v->height > 1 ? v->height / 2 : 1};

	(void)key;
	if (v->family == NULL)
		return 0;
	if (ui_list_move(&l, action)) {
		v->sel = l.sel;
		return UI_HANDLED;
	}
	switch (action) {
	case UI_NEXT_SECTION:
		v->sel = cb_form_next_block(&v->form, v->sel);
		/* Put the part at the top of the list, so its fields show. */
		v->top = v->sel;
		return UI_HANDLED;
	case UI_PREV_SECTION:
		v->sel = cb_form_prev_block(&v->form, v->sel);
		v->top = v->sel;
		return UI_HANDLED;
	case UI_OPEN: open_row(app, scr); return UI_HANDLED;
	case UI_HISTORY: history(app, scr); return UI_HANDLED;
	case UI_RETRACT: retract(app, scr); return UI_HANDLED;
	case UI_GUIDE: v->guide = !v->guide; return UI_HANDLED;
	case UI_SEARCH: find(app, v); return UI_HANDLED;
	case UI_SESSION:
		if (ui_session_record(app, v->family_id, scr->family_label,
		                      v->m != NULL ? v->m->id : NULL) == 0)
			reload(app, scr);
		return UI_HANDLED;
	default: return 0;
	}
}

static const struct ui_screen_ops module_ops = {
	UI_SCR_MODULE, "module", module_draw, module_key, reload, NULL, module_free,
};

void
ui_open_module(struct ui_app *app, const char *family_id, const char *module_id)
{
	struct module_view *v = cb_calloc(1, sizeof *v);
	const struct cb_module *m = cb_programme_find(app->prog, module_id);
	struct ui_screen *scr;

	snprintf(v->family_id, sizeof v->family_id, "%s", family_id);
	v->module_id = cb_strdup(module_id);
	v->m = m != NULL && m->kind == CB_MODULE_PROGRAMME ? m : NULL;
	v->people = (struct cb_vec)CB_VEC_OWNING(cb_person_free_item);
	v->answers = (struct cb_vec)CB_VEC_OWNING(cb_answer_free_item);
	cb_form_init(&v->form);
	scr = ui_screen_new(&module_ops, v, "");
	reload(app, scr);
	ui_push(app, scr);
	if (v->m != NULL)
		ui_say(app, _("Enter answers a field; Tab goes to the next part; g shows the guide."));
}
