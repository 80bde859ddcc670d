/* SPDX-License-Identifier: MIT */
/* Answering one field of a module: the editor each field type needs, one
 * store call per save on top of the version the screen showed, and the
 * answer's history. Tool fields (Cycle of Change, risk rating, goals,
 * actions) open the screens that keep those as dated series. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_meetings.h"
#include "casebook/str.h"
#include "programme.h"

const char *
ui_person_name(const char *id, void *people)
{
	const struct cb_vec *v = people;
	size_t i;

	for (i = 0; v != NULL && id != NULL && i < v->len; i++) {
		const struct cb_person *p = v->items[i];

		if (strcmp(p->id, id) == 0)
			return p->name;
	}
	return NULL;
}

const char *
ui_scale_direction(const struct cb_field *f)
{
	return f->direction == CB_SCALE_HIGHER_IS_WORSE ? _("Higher is worse")
	                                                : _("Higher is better");
}

/* A value stored as "row<TAB>column<TAB>text" lines. */
static bool
looks_like_table(const char *value)
{
	const char *p = value;

	if (cb_str_empty(value))
		return false;
	while (*p != '\0') {
		size_t len = strcspn(p, "\n");
		const char *t1 = memchr(p, '\t', len);

		if (t1 == NULL || memchr(t1 + 1, '\t', len - (size_t)(t1 + 1 - p)) == NULL)
			return false;
		p += len;
		if (*p == '\n')
			p++;
	}
	return true;
}

char *
ui_answer_display(const struct cb_field *field, const char *value, const struct cb_vec *people)
{
	struct cb_err err = {0};
	char *shown, *out;

	if (value == NULL)
		return cb_strdup("");
	if (field == NULL || cb_field_is_tool(field->type)) {
		/* The field has gone: show what was written, a table as its
		 * boxes rather than as the tabs it is stored with. */
		if (looks_like_table(value)) {
			struct cb_field bare;

			memset(&bare, 0, sizeof bare);
			bare.type = CB_FIELD_TABLE;
			bare.choices = bare.anchors = bare.rows = bare.columns = bare.issues =
				(struct cb_vec)CB_VEC_BORROWING;
			return cb_value_display(&bare, value, NULL, NULL);
		}
		return cb_strdup(value);
	}
	shown = cb_value_display(field, value, ui_person_name, (void *)people);
	/* Choices say for themselves when one has gone; other values that no
	 * longer fit the field (a scale that was narrowed, say) are kept as
	 * written and marked. */
	if (value[0] != '\0' && field->type != CB_FIELD_CHOICE &&
	    field->type != CB_FIELD_MULTICHOICE && cb_value_check(field, value, &err) != 0) {
		out = cb_asprintf(_("%s (does not fit the field as it is now; kept as written)"), shown);
		free(shown);
		return out;
	}
	return shown;
}

char *
ui_answer_draft_key(const struct ui_answer_target *t, const char *cell)
{
	return cb_asprintf("answer:%s:%s:%s:%s%s%s", t->family_id, t->module->id, t->key,
	                   t->person != NULL ? t->person->id : "family", cell != NULL ? ":" : "",
	                   cell != NULL ? cell : "");
}

char *
ui_answer_place(const struct ui_answer_target *t)
{
	if (t->person != NULL)
		return cb_asprintf("%s: %s, %s", t->module->title, t->section->title, t->person->name);
	return cb_asprintf("%s: %s", t->module->title, t->section->title);
}

int
ui_answer_save(struct ui_app *app, const struct ui_answer_target *t, const char *value,
               char pending_row[CB_UUID_LEN], struct cb_err *err)
{
	struct cb_answer *a;
	bool first = t->current == NULL;
	int rc;

	if (value[0] != '\0' && cb_value_check(t->field, value, err) != 0)
		return -1;
	a = cb_answer_new();
	memcpy(a->family_id, t->family_id, CB_UUID_LEN);
	if (t->person != NULL)
		memcpy(a->person_id, t->person->id, CB_UUID_LEN);
	a->module_id = cb_strdup(t->module->id);
	a->field_key = cb_strdup(t->key);
	a->module_version = t->module->version;
	a->value = cb_strdup(value);
	a->date = cb_date_today();
	if (!first) {
		/* On top of the version shown: if someone saved since, the
		 * store refuses rather than overwrite theirs. */
		memcpy(a->id, t->current->id, CB_UUID_LEN);
		a->rev.version = t->current->rev.version;
	}
	rc = cb_store_answer_save(app->store, a, err);
	if (rc != 0) {
		/* A first answer's row id is known before the write, so a save
		 * with an unknown outcome can be checked at the next start. */
		if (first && pending_row != NULL)
			memcpy(pending_row, a->rev.row_id, CB_UUID_LEN);
		if (err != NULL && err->code == CB_ESTALE)
			cb_err_set(err, CB_ESTALE,
			           _("someone else saved an answer here since you opened the module"));
	}
	cb_answer_free(&a);
	return rc;
}

/* After a save from a picker: say how it went. Returns 1 when the screen
 * should reload. */
static int
report(struct ui_app *app, int rc, const struct cb_err *err)
{
	if (rc == 0) {
		ui_say(app, _("Saved."));
		return 1;
	}
	if (err->code == CB_ESTALE) {
		ui_error(app, _("Someone else changed it meanwhile: theirs is shown. Change it if "
		                "you need to."));
		return 1;
	}
	ui_fail(app, err);
	return 0;
}

static int
save_value(struct ui_app *app, const struct ui_answer_target *t, const char *value)
{
	struct cb_err err = {0};

	return report(app, ui_answer_save(app, t, value, NULL, &err), &err);
}

static const char *
current_value(const struct ui_answer_target *t)
{
	return t->current != NULL && t->current->value != NULL ? t->current->value : "";
}

static int
text_save(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
          struct cb_err *err)
{
	return ui_answer_save(app, ctx, text, pending, err);
}

static int
edit_text(struct ui_app *app, const struct ui_answer_target *t)
{
	const struct cb_field *f = t->field;
	struct ui_edit e = {0};
	char *key = ui_answer_draft_key(t, NULL), *title = ui_answer_place(t), *label;
	int rc;

	if (f->help != NULL)
		label = cb_asprintf("%s%s (%s)", f->required ? "* " : "", f->label, f->help);
	else
		label = cb_asprintf("%s%s", f->required ? "* " : "", f->label);
	e.title = title;
	e.label = label;
	e.example = f->example;
	e.initial = current_value(t);
	e.base_rev = t->current != NULL ? &t->current->rev : NULL;
	e.draft_key = key;
	e.family_id = t->family_id;
	e.single_paragraph = f->type == CB_FIELD_TEXT;
	/* Saving an answer empty clears it; its words stay in the history. */
	e.allow_empty = !cb_str_empty(current_value(t));
	e.save = text_save;
	e.ctx = (void *)t;
	rc = ui_edit_text(app, &e);
	if (rc == 0)
		ui_say(app, _("Saved."));
	free(key);
	free(title);
	free(label);
	return rc == 0;
}

/* The index of the option with id, or n. */
static size_t
option_index(const struct cb_vec *options, const char *id)
{
	size_t i;

	for (i = 0; i < options->len; i++)
		if (cb_streq(((const struct cb_option *)options->items[i])->id, id))
			return i;
	return options->len;
}

static const char *
clear_label(void)
{
	return _("Clear the answer (what it said stays in the history)");
}

static int
edit_choice(struct ui_app *app, const struct ui_answer_target *t)
{
	const struct cb_vec *opts = &t->field->choices;
	bool answered = !cb_str_empty(current_value(t));
	struct ui_choice *items = cb_calloc(opts->len + 1, sizeof *items);
	size_t i, at = option_index(opts, current_value(t));
	int pick, rc = 0;

	for (i = 0; i < opts->len; i++)
		items[i].label = ((const struct cb_option *)opts->items[i])->label;
	if (answered)
		items[opts->len].label = clear_label();
	pick = ui_pick(app, t->field->label, items, opts->len + (answered ? 1 : 0),
	               at < opts->len ? at : 0);
	if (pick >= 0 && (size_t)pick == opts->len)
		rc = save_value(app, t, "");
	else if (pick >= 0 && (size_t)pick != at)
		rc = save_value(app, t, ((const struct cb_option *)opts->items[pick])->id);
	free(items);
	return rc;
}

static int
edit_yesno(struct ui_app *app, const struct ui_answer_target *t)
{
	const char *now = current_value(t);
	struct ui_choice items[3] = {{NULL, NULL, false}, {NULL, NULL, false}, {NULL, NULL, false}};
	size_t n = 2;
	int pick;

	items[0].label = _("Yes");
	items[1].label = _("No");
	if (!cb_str_empty(now))
		items[n++].label = clear_label();
	pick = ui_pick(app, t->field->label, items, n, cb_streq(now, "no") ? 1 : 0);
	if (pick < 0 || (pick == 0 && cb_streq(now, "yes")) || (pick == 1 && cb_streq(now, "no")))
		return 0;
	return save_value(app, t, pick == 0 ? "yes" : pick == 1 ? "no" : "");
}

static int
edit_multichoice(struct ui_app *app, const struct ui_answer_target *t)
{
	const struct cb_vec *opts = &t->field->choices;
	const char *now = current_value(t), *p;
	struct cb_vec gone = CB_VEC_OWNING(free), labels = CB_VEC_OWNING(free);
	struct ui_choice *items;
	struct cb_buf value = {0};
	size_t i, n;
	int rc = 0;

	/* Ticked options that have left the module stay on the list, ticked,
	 * marked: the worker unticks them to let them go, so nothing leaves
	 * an answer silently (and the old version keeps them). */
	for (p = now; *p != '\0';) {
		size_t len = strcspn(p, "\n");
		char *id = cb_strndup(p, len);

		if (len > 0 && cb_option_label(opts, id) == NULL) {
			cb_vec_push(&labels, cb_asprintf(_("%s (no longer a choice)"), id));
			cb_vec_push(&gone, id);
		} else {
			free(id);
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	n = opts->len + gone.len;
	items = cb_calloc(n + 1, sizeof *items);
	for (i = 0; i < opts->len; i++) {
		const struct cb_option *o = opts->items[i];

		items[i].label = o->label;
		items[i].checked = cb_multi_has(now, o->id);
	}
	for (i = 0; i < gone.len; i++) {
		items[opts->len + i].label = labels.items[i];
		items[opts->len + i].checked = true;
	}
	for (;;) {
		bool stale = false;

		if (ui_pick_many(app, t->field->label, items, n) != 0)
			goto out;
		for (i = opts->len; i < n; i++)
			stale = stale || items[i].checked;
		if (!stale)
			break;
		/* The picker comes back with the ticks as they were left. */
		ui_error(app, _("Untick what is marked \"no longer a choice\" to save: it is kept "
		                "in the history."));
	}
	for (i = 0; i < opts->len; i++) {
		if (!items[i].checked)
			continue;
		if (value.len > 0)
			cb_buf_addc(&value, '\n');
		cb_buf_add(&value, ((const struct cb_option *)opts->items[i])->id);
	}
	if (!cb_streq(cb_buf_str(&value), now))
		rc = save_value(app, t, cb_buf_str(&value));
out:
	cb_buf_free(&value);
	cb_vec_clear(&gone);
	cb_vec_clear(&labels);
	free(items);
	return rc;
}

static const char *
anchor_of(long v, void *field)
{
	return cb_scale_anchor(field, v);
}

static int
edit_scale(struct ui_app *app, const struct ui_answer_target *t)
{
	const struct cb_field *f = t->field;
	long now = f->min, chosen;
	char buf[32];

	if (!cb_str_empty(current_value(t))) {
		char *end;
		long v = strtol(current_value(t), &end, 10);

		if (*end == '\0' && v >= f->min && v <= f->max)
			now = v;
	}
	if (ui_pick_scale(app, f->label, f->min, f->max, now, ui_scale_direction(f), anchor_of,
	                  (void *)f, &chosen) != 0)
		return 0;
	snprintf(buf, sizeof buf, "%ld", chosen);
	if (cb_streq(buf, current_value(t)))
		return 0;
	return save_value(app, t, buf);
}

static int
edit_date(struct ui_app *app, const struct ui_answer_target *t)
{
	struct cb_date now = {0, 0, 0}, chosen;
	char buf[CB_DATE_LEN];

	if (!cb_str_empty(current_value(t)) && cb_date_parse(current_value(t), &now, NULL) != 0)
		now = (struct cb_date){0, 0, 0};
	if (ui_prompt_date(app, t->field->label, now, &chosen) != 0)
		return 0;
	cb_date_format(chosen, buf);
	if (cb_streq(buf, current_value(t)))
		return 0;
	return save_value(app, t, buf);
}

static bool
person_fits(const struct cb_person *p, enum cb_person_who who)
{
	switch (who) {
	case CB_WHO_ADULT: return cb_member_is_adult(p->role);
	case CB_WHO_CHILD: return p->role == CB_MEMBER_CHILD;
	case CB_WHO_ANY: break;
	}
	return true;
}

static int
edit_person(struct ui_app *app, const struct ui_answer_target *t)
{
	size_t np = t->people != NULL ? t->people->len : 0, i, n = 0, at = 0;
	struct ui_choice *items = cb_calloc(np + 2, sizeof *items);
	const struct cb_person **map = cb_calloc(np + 1, sizeof *map);
	const char *now = current_value(t);
	int pick, rc = 0;

	for (i = 0; i < np; i++) {
		const struct cb_person *p = t->people->items[i];

		if (!person_fits(p, t->field->who))
			continue;
		if (cb_streq(p->id, now))
			at = n;
		items[n].label = p->name;
		items[n].detail = cb_member_role_label(p->role);
		map[n++] = p;
	}
	if (n == 0) {
		ui_error(app, t->field->who == CB_WHO_CHILD
		                  ? _("There are no children in the family yet: add them on the "
		                      "family record (m).")
		                  : t->field->who == CB_WHO_ADULT
		                        ? _("There are no adults in the family yet: add them on the "
		                            "family record (m).")
		                        : _("There is nobody in the family yet: add people on the "
		                            "family record (m)."));
		goto out;
	}
	if (!cb_str_empty(now))
		items[n].label = clear_label();
	pick = ui_pick(app, t->field->label, items, n + (cb_str_empty(now) ? 0 : 1), at);
	if (pick >= 0 && (size_t)pick == n)
		rc = save_value(app, t, "");
	else if (pick >= 0 && !cb_streq(map[pick]->id, now))
		rc = save_value(app, t, map[pick]->id);
out:
	free(items);
	free(map);
	return rc;
}

static void
show_actions(struct ui_app *app, const struct ui_screen *about, const struct ui_answer_target *t)
{
	struct cb_vec actions = CB_VEC_OWNING(cb_action_free_item);
	struct cb_err err = {0};
	struct cb_buf b = {0};
	size_t i;

	if (cb_store_action_list(app->store, t->family_id, true, &actions, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	cb_buf_add(&b, _("Actions are agreed, and reviewed, in group supervision: they are "
	                 "recorded in the minutes, not here. The family's open actions:\n"));
	if (actions.len == 0)
		cb_buf_addf(&b, "\n%s\n", _("None."));
	for (i = 0; i < actions.len; i++) {
		const struct cb_action *a = actions.items[i];
		char due[CB_DATE_LEN];

		cb_date_format(a->due, due);
		cb_buf_addf(&b, _("\n- %s (by %s, %s)%s%s\n"), a->text, due,
		            a->owner_name != NULL ? a->owner_name : "?",
		            a->outcome != NULL ? _("; last review: ") : "",
		            a->outcome != NULL ? a->outcome : "");
	}
	ui_open_text(app, _("Open actions (read-only)"), cb_buf_str(&b), about);
	cb_buf_free(&b);
	cb_vec_clear(&actions);
}

int
ui_field_edit(struct ui_app *app, const struct ui_screen *about, const struct ui_answer_target *t)
{
	/* Nothing can be answered: a written answer is shown whole (the
	 * module shows only its first lines), a table opens to be read, and
	 * the rest say why nothing happens. */
	if (app->readonly && t->field->type != CB_FIELD_TABLE) {
		if ((t->field->type == CB_FIELD_TEXT || t->field->type == CB_FIELD_LONGTEXT) &&
		    !cb_str_empty(current_value(t))) {
			char *title = ui_answer_place(t);

			ui_open_text(app, title, current_value(t), about);
			free(title);
		} else {
			ui_say_readonly(app);
		}
		return 0;
	}
	switch (t->field->type) {
	case CB_FIELD_TEXT:
	case CB_FIELD_LONGTEXT: return edit_text(app, t);
	case CB_FIELD_CHOICE: return edit_choice(app, t);
	case CB_FIELD_YESNO: return edit_yesno(app, t);
	case CB_FIELD_MULTICHOICE: return edit_multichoice(app, t);
	case CB_FIELD_SCALE: return edit_scale(app, t);
	case CB_FIELD_DATE: return edit_date(app, t);
	case CB_FIELD_PERSON: return edit_person(app, t);
	case CB_FIELD_TABLE: ui_open_table(app, about, t); return 0;
	case CB_FIELD_STAGE_OF_CHANGE:
		ui_open_stages(app, t->family_id, t->person != NULL ? t->person->id : NULL);
		return 0;
	case CB_FIELD_RISK_RATING: ui_open_ratings(app, t->family_id); return 0;
	case CB_FIELD_GOALS: ui_open_goals(app, t->family_id); return 0;
	case CB_FIELD_ACTIONS:
	case CB_FIELD_ACTIONS_REVIEW: show_actions(app, about, t); return 0;
	}
	return 0;
}

void
ui_answer_history(struct ui_app *app, const struct ui_screen *about, const char *title,
                  const struct cb_field *field, const struct cb_answer *a,
                  const struct cb_vec *people)
{
	struct cb_vec hist = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (a == NULL) {
		ui_say(app, _("Nothing is recorded here yet, so there is no history."));
		return;
	}
	if (cb_store_answer_history(app->store, a->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		const struct cb_answer *x = hist.items[i];
		char date[CB_DATE_LEN];
		char *shown = ui_answer_display(field, x->value, people);

		cb_date_format(x->date, date);
		ui_version_push(&versions, &x->rev,
		                cb_asprintf(_("Answered on %s, under version %ld of the module.\n%s"),
		                            date, x->module_version,
		                            cb_str_empty(x->value) ? _("(cleared)") : shown));
		free(shown);
	}
	ui_open_history(app, title, &versions, about);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}
