/* SPDX-License-Identifier: MIT */
/* What each part of a family's minutes shows. Labels and headings come
 * from the proforma, so an authority's wording is what the minute-taker
 * sees. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casebook/answer.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "minutes_parts.h"

const char *const mp_discussion_keys[MP_N_DISCUSSION] = {
	"discussion.working_well",
	"discussion.worries",
	"discussion.lived_experience",
};

const struct cb_answer *
mp_answer(const struct minutes *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->answers.len; i++) {
		const struct cb_answer *a = s->answers.items[i];

		if (cb_streq(a->field_key, key) && a->person_id[0] == '\0')
			return a;
	}
	return NULL;
}

const struct cb_field *
mp_field(struct ui_app *app, const char *key)
{
	const struct cb_module *m = app->prog != NULL ? app->prog->supervision : NULL;

	return m != NULL ? cb_module_field(m, key, NULL) : NULL;
}

const char *
mp_field_label(struct ui_app *app, const char *key)
{
	const struct cb_field *f = mp_field(app, key);

	if (f != NULL && f->label != NULL)
		return f->label;
	/* The proforma did not load: casebook's own words. */
	if (cb_streq(key, "discussion.working_well"))
		return _("What is working well");
	if (cb_streq(key, "discussion.worries"))
		return _("What we are worried about");
	if (cb_streq(key, "discussion.lived_experience"))
		return _("The child's lived experience now");
	if (cb_streq(key, MP_REFLECTION_KEY))
		return _("Reflection on the risk we hold");
	return key;
}

/* The proforma's title for a part. */
static const char *
heading(struct ui_app *app, int part)
{
	static const char *const keys[MP_COUNT] = {
		NULL, "review.actions", "discussion.working_well", "stages.stage",
		"risk.rating", MP_REFLECTION_KEY, "actions.actions", NULL,
	};
	const struct cb_module *m = app->prog != NULL ? app->prog->supervision : NULL;
	const struct cb_section *sec = NULL;
	const struct cb_field *f;

	if (part == MP_ATTEND)
		return _("Who is here for this family");
	if (part == MP_ADDENDA)
		return _("Addenda, added after sign-off");
	f = m != NULL ? cb_module_field(m, keys[part], &sec) : NULL;
	if (part == MP_RISK || part == MP_REFLECT)
		return f != NULL && f->label != NULL ? f->label
		       : part == MP_RISK ? _("Agreed risk rating") : mp_field_label(app, keys[part]);
	if (sec != NULL && sec->title != NULL)
		return sec->title;
	switch (part) {
	case MP_REVIEW: return _("Last time's actions");
	case MP_DISCUSS: return _("Discussion");
	case MP_STAGES: return _("Cycle of Change");
	default: return _("Actions");
	}
}

const char *
mp_part_name(int part)
{
	static const char *const names[MP_COUNT] = {
		N_("Attendance"), N_("Review"), N_("Discussion"), N_("Change"),
		N_("Risk"), N_("Reflection"), N_("Actions"), N_("Addenda"),
	};

	return _(names[part]);
}

static const char *
hint(int part)
{
	switch (part) {
	case MP_ATTEND:
		return _("Space present/apologies/written  w written contribution  a add someone");
	case MP_REVIEW:
		return _("d done  p partly done  n not done (asks why)  Enter shows it in full");
	case MP_DISCUSS:
		return _("Enter writes or changes the one selected  a adds an action  h history");
	case MP_STAGES:
		return _("c confirms as last time  Enter changes it, with evidence  a another issue");
	case MP_RISK:
		return _("Enter agrees a rating with its reason  c keeps last time's colour");
	case MP_REFLECT:
		return _("Enter writes or changes the reflection  a adds an action  h history");
	case MP_ACTIONS:
		return _("a adds one: what, who, by when (+2w, 1/3, friday)  Enter corrects it");
	default:
		return _("A adds a dated addendum for this family  Enter shows one in full");
	}
}

const char *
mp_stage_name(struct ui_app *app, const char *stage)
{
	const struct cb_refitem *it = cb_reflist_find(&app->ref->stages, stage);

	return it != NULL && it->name != NULL ? it->name : stage != NULL ? stage : "?";
}

const char *
mp_attendance_word(const char *status)
{
	if (status == NULL)
		return _("not recorded");
	if (cb_streq(status, "written"))
		return _("written");
	return cb_attendance_label(status);
}

/* The list's rows in view, for items of h rows each in rows. */
static void
fit(struct ui_list *l, int rows, int h)
{
	ui_list_fit(l, rows / h > 0 ? rows / h : 1);
}

/* The same for items of different heights (h[k] rows): the selection in
 * view, and how many items from the top fit. */
static void
fit_var(struct ui_list *l, const int *h, size_t n, int rows)
{
	size_t k;
	int used;

	l->count = n;
	if (n == 0)
		return;
	if (l->sel >= n)
		l->sel = n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	for (;;) {
		used = 0;
		for (k = l->top; k <= l->sel; k++)
			used += h[k];
		if (used <= rows || l->top == l->sel)
			break;
		l->top++;
	}
	used = 0;
	for (k = l->top; k < n && used + h[k] <= rows; k++)
		used += h[k];
	l->height = k > l->top ? (int)(k - l->top) : 1;
}

static int
sel_attr(const struct ui_list *l, size_t k)
{
	return k == l->sel ? A_REVERSE : A_NORMAL;
}

static void
draw_strip(struct ui_app *app, struct minutes *s, int y)
{
	int x = 1, p;

	for (p = 0; p < MP_COUNT; p++) {
		const char *name = mp_part_name(p);
		int w;

		if (!mp_part_shown(s, p))
			continue;
		w = (int)cb_utf8_width(name) + 2;
		if (x + w > app->cols - 1)
			break;
		if (p == (int)s->part)
			ui_field(y, x, w, "", A_REVERSE | A_BOLD);
		ui_text(y, x + 1, w - 1, name, p == (int)s->part ? A_REVERSE | A_BOLD : A_NORMAL);
		x += w;
	}
}

static void
draw_head(struct ui_app *app, struct minutes *s, int top)
{
	char clock[32], *right;
	struct timespec ts;
	long now;
	int rw;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (long)ts.tv_sec;
	draw_strip(app, s, top);
	cb_timer_format(cb_timer_total(&s->timer, now), clock, sizeof clock);
	right = cb_asprintf(s->timer.running ? _("Time on this family %s") : _("Time spent %s"),
	                    clock);
	rw = (int)cb_utf8_width(right);
	ui_text(top + 1, 1, app->cols - rw - 4, heading(app, (int)s->part), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, app->cols - rw - 1, rw, right, A_BOLD);
	free(right);
	if (s->m->is_signed) {
		char *note = cb_asprintf(_("SIGNED OFF by %s on %.10s: read-only. A adds a dated "
		                           "addendum."),
		                         s->m->signed_by_name ? s->m->signed_by_name : "?",
		                         s->m->signed_at);

		ui_text(top + 2, 1, app->cols - 2, note, A_BOLD);
		free(note);
	} else {
		ui_text(top + 2, 1, app->cols - 2, hint((int)s->part), ui_attr(app, UI_C_DIM));
	}
}

static void
draw_attend(struct ui_app *app, struct minutes *s, int y, int rows)
{
	struct ui_list *l = &s->list[MP_ATTEND];
	const struct mp_att_row *sel;
	int x_role, x_status, w_name = 6, w_role = 16, list_rows, i;
	const char *text = NULL;
	char *about = NULL;
	size_t at;
	bool starred = false;

	if (s->rows.len == 0) {
		ui_wrap(y + 1, 2, app->cols - 4, 3,
		        _("Nobody is allocated to this family. Press a to add the workers who are "
		          "here for it."),
		        A_NORMAL, 0);
		return;
	}
	/* The columns as wide as what is in them, so that a role such as
	 * "Domestic abuse practitioner (victim-survivor)" is never cut at 80
	 * columns; the status and its note take the rest. */
	for (at = 0; at < s->rows.len; at++) {
		const struct mp_att_row *r = s->rows.items[at];
		int nw = (int)cb_utf8_width(r->name ? r->name : "?");
		int rw = (int)cb_utf8_width(r->role ? ui_role_label(app, r->role) : "-");

		w_name = nw > w_name ? nw : w_name;
		w_role = rw > w_role ? rw : w_role;
	}
	if (w_name > 24)
		w_name = 24;
	if (w_role > app->cols - w_name - 16)
		w_role = app->cols - w_name - 16;
	x_role = 1 + w_name + 2;
	x_status = x_role + w_role + 2;
	ui_text(y, 1, w_name, _("Worker"), A_BOLD);
	ui_text(y, x_role, w_role, _("Role on the case"), A_BOLD);
	ui_text(y, x_status, app->cols - x_status - 1, _("Attendance"), A_BOLD);
	y++;
	rows--;
	list_rows = (int)s->rows.len < rows / 2 ? (int)s->rows.len : rows / 2;
	if (list_rows < 1)
		list_rows = 1;
	fit(l, list_rows, 1);
	for (i = 0; i < list_rows && l->top + (size_t)i < s->rows.len; i++) {
		size_t k = l->top + (size_t)i;
		const struct mp_att_row *r = s->rows.items[k];
		int attr = sel_attr(l, k);
		const char *status = r->a != NULL ? r->a->status : NULL;
		const char *extra = "";

		/* A note prepared in the workbook: said in full where there is
		 * room, else a * explained under the list. */
		if (!cb_streq(status, "written") && r->prepared != NULL) {
			extra = app->cols - x_status - 12 >= 17 ? _("prepared note (w)") : "*";
			starred |= extra[0] == '*';
		}
		ui_field(y + i, 0, app->cols, "", attr);
		ui_field(y + i, 1, w_name, r->name ? r->name : "?", attr);
		ui_field(y + i, x_role, w_role, r->role ? ui_role_label(app, r->role) : "-", attr);
		ui_field(y + i, x_status, 9, mp_attendance_word(status),
		         attr | (status == NULL ? A_BOLD : 0));
		ui_field(y + i, x_status + 10, app->cols - x_status - 11, extra, attr);
	}
	if (starred)
		ui_text(y + list_rows, 1, app->cols - 2,
		        _("* a note prepared in the workbook: w uses it as the written contribution"),
		        ui_attr(app, UI_C_DIM));
	/* The selected worker's written contribution, in place. */
	sel = s->rows.items[l->sel];
	if (sel->a != NULL && cb_streq(sel->a->status, "written") && !cb_str_empty(sel->a->contribution)) {
		about = cb_asprintf(_("Written contribution from %s:"), sel->name ? sel->name : "?");
		text = sel->a->contribution;
	} else if (sel->prepared != NULL) {
		char d[CB_DATE_LEN];

		cb_date_format(sel->prepared->date, d);
		about = cb_asprintf(_("Prepared in the workbook by %s (case note of %s); w uses it as "
		                      "the written contribution:"),
		                    sel->name ? sel->name : "?", d);
		text = sel->prepared->text;
	}
	if (text != NULL) {
		int yy = y + list_rows + 1, n;

		n = ui_wrap(yy, 1, app->cols - 2, 2, about, A_BOLD, 0);
		ui_wrap(yy + n, 2, app->cols - 4, y + rows - yy - n, text, A_NORMAL, 0);
	}
	free(about);
}

static const char *
outcome_word(const char *outcome)
{
	if (outcome == NULL)
		return _("to mark");
	if (cb_streq(outcome, "done"))
		return _("done");
	if (cb_streq(outcome, "partly"))
		return _("partly");
	return _("NOT DONE");
}

static void
draw_review(struct ui_app *app, struct minutes *s, int y, int rows)
{
	struct ui_list *l = &s->list[MP_REVIEW];
	int *h, w, yy = y;
	size_t n, k;

	if (s->pulled.len == 0) {
		ui_wrap(y + 1, 2, app->cols - 4, 3,
		        _("No actions from earlier meetings are open for this family: nothing to "
		          "review. Tab goes on to the discussion."),
		        A_NORMAL, 0);
		return;
	}
	/* Each action whole: its words and the reason wrap, never cut; Enter
	 * shows it all the same. A blank row after each. */
	w = app->cols - 12;
	n = s->pulled.len;
	h = cb_calloc(n, sizeof *h);
	for (k = 0; k < n; k++) {
		const struct cb_action *a = s->pulled.items[k];
		int r = ui_wrap_rows(a->text, w);

		h[k] = (r < 1 ? 1 : r) + 2;
		if (!cb_str_empty(a->outcome_reason)) {
			char *why = cb_asprintf(_("Why: %s"), a->outcome_reason);

			h[k] += ui_wrap_rows(why, w);
			free(why);
		}
	}
	fit_var(l, h, n, rows);
	for (k = l->top; k < n && yy < y + rows; k++) {
		const struct cb_action *a = s->pulled.items[k];
		int attr = sel_attr(l, k), r;
		char due[CB_DATE_LEN], agreed[CB_DATE_LEN] = "";
		char *line;

		cb_date_format(a->due, due);
		if (cb_date_valid(a->agreed_on))
			cb_date_format(a->agreed_on, agreed);
		ui_field(yy, 0, app->cols, "", attr);
		ui_field(yy, 1, 9, outcome_word(a->outcome), attr | (a->outcome == NULL ? A_BOLD : 0));
		r = ui_wrap(yy, 11, w, y + rows - yy, a->text, attr, 0);
		yy += r < 1 ? 1 : r;
		line = cb_asprintf(_("%s, due %s%s%s"), a->owner_name ? a->owner_name : "?", due,
		                   agreed[0] ? _(", agreed ") : "", agreed);
		if (yy < y + rows)
			ui_text(yy++, 11, w, line, ui_attr(app, UI_C_DIM));
		free(line);
		if (!cb_str_empty(a->outcome_reason) && yy < y + rows) {
			line = cb_asprintf(_("Why: %s"), a->outcome_reason);
			yy += ui_wrap(yy, 11, w, y + rows - yy, line, A_NORMAL, 0);
			free(line);
		}
		yy++;
	}
	free(h);
}

static void
draw_text_block(struct ui_app *app, int y, int rows, const char *label, bool required,
                const char *text, int attr, bool is_signed)
{
	char *head = cb_asprintf("%s%s", label, required ? _(" (required)") : "");

	ui_field(y, 0, app->cols, "", attr);
	ui_text(y, 1, app->cols - 2, head, attr | A_BOLD);
	free(head);
	if (rows < 2)
		return;
	if (!cb_str_empty(text))
		ui_wrap(y + 1, 3, app->cols - 4, rows - 1, text, A_NORMAL, 0);
	else
		ui_text(y + 1, 3, app->cols - 4,
		        is_signed ? _("Not recorded.") : _("Not recorded yet: Enter to write."),
		        ui_attr(app, UI_C_DIM));
}

static void
draw_discuss(struct ui_app *app, struct minutes *s, int y, int rows)
{
	struct ui_list *l = &s->list[MP_DISCUSS];
	int h = rows / MP_N_DISCUSSION, i;

	fit(l, MP_N_DISCUSSION, 1);
	for (i = 0; i < MP_N_DISCUSSION; i++) {
		const char *key = mp_discussion_keys[i];
		const struct cb_answer *a = mp_answer(s, key);
		const struct cb_field *f = mp_field(app, key);

		draw_text_block(app, y + i * h, h - 1, mp_field_label(app, key),
		                f != NULL && f->required, a != NULL ? a->value : NULL,
		                sel_attr(l, (size_t)i), s->m->is_signed);
	}
}

static const char *
today_word(struct ui_app *app, const struct cb_stage_line *ln, char *buf, size_t n)
{
	if (ln->today == NULL)
		return _("not agreed yet");
	if (ln->before != NULL && cb_streq(ln->before->stage, ln->today->stage))
		snprintf(buf, n, _("%s, confirmed"), mp_stage_name(app, ln->today->stage));
	else if (ln->before != NULL)
		snprintf(buf, n, _("changed to %s"), mp_stage_name(app, ln->today->stage));
	else
		snprintf(buf, n, "%s", mp_stage_name(app, ln->today->stage));
	return buf;
}

static void
draw_stages(struct ui_app *app, struct minutes *s, int y, int rows)
{
	struct ui_list *l = &s->list[MP_STAGES];
	const struct cb_stage_line *sel;
	const struct cb_stage_record *shown;
	int list_rows, i;

	if (s->lines.len == 0) {
		ui_wrap(y + 1, 2, app->cols - 4, 3,
		        _("No adults are recorded in this family, so there is no stage to agree. "
		          "Add them on the family record."),
		        A_NORMAL, 0);
		return;
	}
	list_rows = (int)s->lines.len * 2 < rows - 4 ? (int)s->lines.len * 2 : rows - 4;
	if (list_rows < 2)
		list_rows = 2;
	fit(l, list_rows, 2);
	for (i = 0; i < l->height && l->top + (size_t)i < s->lines.len; i++) {
		size_t k = l->top + (size_t)i;
		const struct cb_stage_line *ln = s->lines.items[k];
		int yy = y + 2 * i, attr = sel_attr(l, k);
		char *line, buf[96], d[CB_DATE_LEN];

		line = ln->issue != NULL
		           ? cb_asprintf("%s: %s", ln->person_name ? ln->person_name : "?",
		                         cb_reflist_label(&app->ref->issues, ln->issue))
		           : cb_strdup(ln->person_name ? ln->person_name : "?");
		ui_field(yy, 0, app->cols, "", attr);
		ui_field(yy, 1, app->cols - 2, line, attr | A_BOLD);
		free(line);
		if (ln->issue == NULL) {
			line = cb_strdup(_("No stage recorded yet: Enter records one."));
		} else if (ln->before != NULL) {
			cb_date_format(ln->before->date, d);
			line = cb_asprintf(_("Last time %s (%s).  Today: %s"),
			                   mp_stage_name(app, ln->before->stage), d,
			                   today_word(app, ln, buf, sizeof buf));
		} else {
			line = cb_asprintf(_("Nothing before.  Today: %s"),
			                   today_word(app, ln, buf, sizeof buf));
		}
		ui_text(yy + 1, 3, app->cols - 4, line, ln->today != NULL ? (int)A_NORMAL : ui_attr(app, UI_C_DIM));
		free(line);
	}
	sel = s->lines.items[l->sel];
	shown = sel->today != NULL ? sel->today : sel->before;
	if (shown != NULL) {
		int yy = y + list_rows + 1;
		char *about = cb_asprintf(sel->today != NULL ? _("Evidence agreed today:")
		                                             : _("Evidence last time:"));

		ui_text(yy, 1, app->cols - 2, about, A_BOLD);
		ui_wrap(yy + 1, 3, app->cols - 4, y + rows - yy - 1, shown->evidence, A_NORMAL, 0);
		free(about);
	}
}

static int
draw_rating(struct ui_app *app, int y, int max, const char *what, const struct cb_rating *r)
{
	char d[CB_DATE_LEN], *line;
	int n;

	ui_text(y, 1, 16, what, A_BOLD);
	ui_rag(app, y, 17, r->rating);
	cb_date_format(r->date, d);
	line = cb_asprintf("%s, %s", d, cb_rating_context_label(r->context));
	ui_text(y, 24, app->cols - 25, line, A_NORMAL);
	free(line);
	n = 1;
	if (!cb_str_empty(r->agreed_by) && max > 2) {
		line = cb_asprintf(_("Agreed by %s"), r->agreed_by);
		ui_text(y + n++, 3, app->cols - 4, line, ui_attr(app, UI_C_DIM));
		free(line);
	}
	n += ui_wrap(y + n, 3, app->cols - 4, max - n, r->rationale, A_NORMAL, 0);
	return n;
}

static void
draw_risk(struct ui_app *app, struct minutes *s, int y, int rows)
{
	int used = 0, half = (rows - 2) / 2;

	fit(&s->list[MP_RISK], 1, 1);
	if (s->before != NULL) {
		used = draw_rating(app, y, half, _("Last time"), s->before);
	} else {
		ui_text(y, 1, app->cols - 2, _("No earlier rating for this family."), A_NORMAL);
		used = 1;
	}
	used++;
	if (s->today != NULL) {
		used += draw_rating(app, y + used, rows - used - 2, _("Agreed today"), s->today);
	} else {
		char *msg = s->before != NULL
		                ? cb_asprintf(_("Not agreed yet. Enter agrees the rating after the "
		                                "discussion; c keeps %s, with the reason."),
		                              cb_reflist_label(&app->ref->ratings, s->before->rating))
		                : cb_strdup(_("Not agreed yet. Enter agrees the rating after the "
		                              "discussion, with the reason."));

		used += ui_wrap(y + used, 1, app->cols - 2, 2, msg, A_BOLD, 0);
		free(msg);
	}
	if (app->ref->rag_direction != NULL)
		ui_text(y + rows - 1, 1, app->cols - 2, app->ref->rag_direction, ui_attr(app, UI_C_DIM));
}

static void
draw_reflect(struct ui_app *app, struct minutes *s, int y, int rows)
{
	const struct cb_answer *a = mp_answer(s, MP_REFLECTION_KEY);
	const struct cb_module *m = app->prog != NULL ? app->prog->supervision : NULL;
	const struct cb_section *sec = NULL;
	int prompts = 0;
	size_t i;

	fit(&s->list[MP_REFLECT], 1, 1);
	if (m != NULL)
		cb_module_field(m, MP_REFLECTION_KEY, &sec);
	if (sec != NULL && sec->prompts.len > 0)
		prompts = (int)sec->prompts.len + 1;
	if (prompts > rows / 2)
		prompts = rows / 2;
	draw_text_block(app, y, rows - prompts, mp_field_label(app, MP_REFLECTION_KEY), false,
	                a != NULL ? a->value : NULL, A_REVERSE, s->m->is_signed);
	if (prompts > 0) {
		int yy = y + rows - prompts;

		ui_text(yy++, 1, app->cols - 2, _("Questions the chair may ask:"), ui_attr(app, UI_C_DIM));
		for (i = 0; i < sec->prompts.len && yy < y + rows; i++, yy++) {
			char *q = cb_asprintf("- %s", (const char *)sec->prompts.items[i]);

			ui_text(yy, 3, app->cols - 4, q, ui_attr(app, UI_C_DIM));
			free(q);
		}
	}
}

static void
draw_actions(struct ui_app *app, struct minutes *s, int y, int rows)
{
	struct ui_list *l = &s->list[MP_ACTIONS];
	int *h, w, yy = y;
	char **lines;
	size_t n, k;

	if (s->agreed.len == 0) {
		ui_wrap(y + 1, 2, app->cols - 4, 3,
		        _("No actions agreed yet. Press a to add one: what is to be done, who does "
		          "it, and by when."),
		        A_NORMAL, 0);
		return;
	}
	/* Each action whole: its words wrap, and so does its owner line. */
	w = app->cols - 6;
	n = s->agreed.len;
	h = cb_calloc(n, sizeof *h);
	lines = cb_calloc(n, sizeof *lines);
	for (k = 0; k < n; k++) {
		const struct cb_action *a = s->agreed.items[k];
		char due[CB_DATE_LEN];
		int r = ui_wrap_rows(a->text, w), o;

		cb_date_format(a->due, due);
		lines[k] = cb_asprintf(_("Owner %s, due %s"), a->owner_name ? a->owner_name : "?", due);
		o = ui_wrap_rows(lines[k], w);
		h[k] = (r < 1 ? 1 : r) + (o < 1 ? 1 : o);
	}
	fit_var(l, h, n, rows);
	for (k = l->top; k < n && yy < y + rows; k++) {
		const struct cb_action *a = s->agreed.items[k];
		int attr = sel_attr(l, k), r;
		char num[24];

		snprintf(num, sizeof num, "%zu.", k + 1);
		ui_field(yy, 0, app->cols, "", attr);
		ui_field(yy, 1, 4, num, attr);
		r = ui_wrap(yy, 5, w, y + rows - yy, a->text, attr, 0);
		yy += r < 1 ? 1 : r;
		if (yy < y + rows)
			yy += ui_wrap(yy, 5, w, y + rows - yy, lines[k], ui_attr(app, UI_C_DIM), 0);
	}
	for (k = 0; k < n; k++)
		free(lines[k]);
	free(lines);
	free(h);
}

static void
draw_addenda(struct ui_app *app, struct minutes *s, int y, int rows)
{
	struct ui_list *l = &s->list[MP_ADDENDA];
	int i;

	if (s->addenda.len == 0) {
		ui_wrap(y + 1, 2, app->cols - 4, 3,
		        _("No addenda. A adds one: dated and signed with your name, under the signed "
		          "minutes."),
		        A_NORMAL, 0);
		return;
	}
	fit(l, rows, 3);
	for (i = 0; i < l->height && l->top + (size_t)i < s->addenda.len; i++) {
		size_t k = l->top + (size_t)i;
		const struct cb_addendum *a = s->addenda.items[k];
		int yy = y + 3 * i, attr = sel_attr(l, k);
		char *head = cb_asprintf("%.10s %.5s, %s, %s", a->rev.created_at,
		                         a->rev.created_at + (strlen(a->rev.created_at) > 11 ? 11 : 0),
		                         a->rev.created_by_name ? a->rev.created_by_name : "?",
		                         a->family_id[0] ? _("for this family")
		                                         : _("for the whole meeting"));

		ui_field(yy, 0, app->cols, "", attr);
		ui_text(yy, 1, app->cols - 2, head, attr | A_BOLD);
		ui_wrap(yy + 1, 3, app->cols - 4, 2, a->text, A_NORMAL, 0);
		free(head);
	}
}

void
mp_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct minutes *s = scr->state;
	int y = top + 3, rows = bottom - y;

	if (s->m == NULL || s->item == NULL || s->family == NULL) {
		ui_text(top, 2, app->cols - 4, _("These minutes could not be opened."), A_BOLD);
		return;
	}
	draw_head(app, s, top);
	if (rows < 3)
		return;
	switch (s->part) {
	case MP_ATTEND: draw_attend(app, s, y, rows); break;
	case MP_REVIEW: draw_review(app, s, y, rows); break;
	case MP_DISCUSS: draw_discuss(app, s, y, rows); break;
	case MP_STAGES: draw_stages(app, s, y, rows); break;
	case MP_RISK: draw_risk(app, s, y, rows); break;
	case MP_REFLECT: draw_reflect(app, s, y, rows); break;
	case MP_ACTIONS: draw_actions(app, s, y, rows); break;
	default: draw_addenda(app, s, y, rows); break;
	}
}
