/* SPDX-License-Identifier: MIT */
/* The family record: who is in the family, who works with them, how
 * worried the team is, how ready each adult is to change, the goals, the
 * open actions and where the programme has got to. Every other screen is
 * one key from here. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_series.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "casebook/worker.h"
#include "../ui.h"
#include "family_fix.h"

/* A line of the record. A long one wraps within its column, never cut:
 * continuation rows sit under its text (indent, or after the badge). */
struct line {
	char *text;
	int attr;
	const char *rating; /* draw a RAG badge first */
	int indent;         /* columns before the text */
};

struct family_view {
	char id[CB_UUID_LEN];
	struct cb_family *family;
	struct cb_vec people;        /* struct cb_person */
	struct cb_vec left, right;   /* struct line */
	int scroll;
	int height;
};

static void
line_free(void *p)
{
	struct line *l = p;

	free(l->text);
	free(l);
}

static void
add(struct cb_vec *v, int attr, const char *rating, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
add(struct cb_vec *v, int attr, const char *rating, const char *fmt, ...)
{
	struct line *l = cb_calloc(1, sizeof *l);
	struct cb_buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	cb_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	l->text = cb_buf_take(&b);
	/* Leading spaces are an indent, kept for every wrapped row. */
	while (l->text[l->indent] == ' ')
		l->indent++;
	if (l->indent > 0)
		memmove(l->text, l->text + l->indent, strlen(l->text + l->indent) + 1);
	l->attr = attr;
	/* Keep a string that outlives the record it came from. */
	l->rating = rating == NULL ? NULL
	            : strcmp(rating, "red") == 0 ? "red"
	            : strcmp(rating, "amber") == 0 ? "amber"
	            : strcmp(rating, "green") == 0 ? "green" : "?";
	cb_vec_push(v, l);
}

static void
family_free(void *p)
{
	struct family_view *f = p;

	cb_family_free(&f->family);
	cb_vec_clear(&f->people);
	cb_vec_clear(&f->left);
	cb_vec_clear(&f->right);
	free(f);
}

static const char *
status_label(struct ui_app *app, const char *id)
{
	const struct cb_refitem *it = cb_reflist_find(&app->ref->statuses, id);

	return it != NULL && it->short_label != NULL ? it->short_label : id;
}

static void
load_people(struct ui_app *app, struct family_view *f)
{
	struct cb_err err = {0};
	size_t i;

	add(&f->left, A_BOLD | A_UNDERLINE, NULL, "%s", _("Family members"));
	if (f->people.len == 0)
		add(&f->left, A_NORMAL, NULL, "%s", _("No one yet: press m to add someone."));
	for (i = 0; i < f->people.len; i++) {
		const struct cb_person *p = f->people.items[i];
		struct cb_vec sts = CB_VEC_OWNING(cb_status_free_item);
		char age[32];

		ui_age(p->born, age, sizeof age);
		if (p->role != CB_MEMBER_CHILD) {
			add(&f->left, A_NORMAL, NULL, "%s, %s (%s)", p->name, age,
			    cb_member_role_label(p->role));
			continue;
		}
		if (cb_store_status_list(app->store, p->id, &sts, &err) != 0)
			ui_fail(app, &err);
		if (sts.len == 0) {
			add(&f->left, A_NORMAL, NULL, "%s, %s", p->name, age);
		} else {
			const struct cb_status *s = sts.items[sts.len - 1];
			char from[CB_DATE_LEN];

			cb_date_format(s->from, from);
			add(&f->left, A_NORMAL, NULL, "%s, %s: %s%s%s%s", p->name, age,
			    status_label(app, s->status), s->cp_category ? " " : "",
			    s->cp_category ? s->cp_category : "", "");
			add(&f->left, ui_attr(app, UI_C_DIM), NULL, "  %s %s%s%s%s%s", _("since"), from,
			    s->need ? ", " : "", s->need ? s->need : "", s->factors ? ", " : "",
			    s->factors ? s->factors : "");
		}
		cb_vec_clear(&sts);
	}
}

static void
load_workers(struct ui_app *app, struct family_view *f)
{
	struct cb_vec allocs = CB_VEC_OWNING(cb_allocation_free_item);
	struct cb_err err = {0};
	size_t i;

	add(&f->left, A_NORMAL, NULL, "%s", "");
	add(&f->left, A_BOLD | A_UNDERLINE, NULL, "%s", _("Workers on the case"));
	if (cb_store_allocation_list(app->store, f->id, true, &allocs, &err) != 0)
		ui_fail(app, &err);
	if (allocs.len == 0)
		add(&f->left, A_NORMAL, NULL, "%s", _("None allocated: press w to allocate."));
	for (i = 0; i < allocs.len; i++) {
		const struct cb_allocation *a = allocs.items[i];

		add(&f->left, A_NORMAL, NULL, "%s, %s", a->worker_name ? a->worker_name : "?",
		    ui_role_label(app, a->role));
	}
	cb_vec_clear(&allocs);
}

static void
load_risk(struct ui_app *app, struct family_view *f)
{
	struct cb_vec ratings = CB_VEC_OWNING(cb_rating_free_item);
	struct cb_vec stages = CB_VEC_OWNING(cb_stage_record_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_rating_list(app->store, f->id, &ratings, &err) != 0)
		ui_fail(app, &err);
	if (ratings.len == 0) {
		add(&f->right, A_BOLD, NULL, "%s", _("Risk: not rated yet (r)"));
	} else {
		const struct cb_rating *r = ratings.items[ratings.len - 1];
		char d[CB_DATE_LEN];

		cb_date_format(r->date, d);
		add(&f->right, A_BOLD, r->rating, "%s, %s", d, cb_rating_context_label(r->context));
		add(&f->right, ui_attr(app, UI_C_DIM), NULL, "  %s", r->rationale);
	}
	add(&f->right, A_NORMAL, NULL, "%s", "");
	add(&f->right, A_BOLD | A_UNDERLINE, NULL, "%s", _("Cycle of Change"));
	if (cb_store_stage_current(app->store, f->id, &stages, &err) != 0)
		ui_fail(app, &err);
	if (stages.len == 0)
		add(&f->right, A_NORMAL, NULL, "%s", _("No stages recorded yet (s)"));
	for (i = 0; i < stages.len; i++) {
		const struct cb_stage_record *s = stages.items[i];
		const struct cb_refitem *st = cb_reflist_find(&app->ref->stages, s->stage);

		add(&f->right, A_NORMAL, NULL, "%s, %s: %s", s->person_name ? s->person_name : "?",
		    cb_reflist_label(&app->ref->issues, s->issue),
		    st != NULL && st->name != NULL ? st->name : s->stage);
	}
	cb_vec_clear(&ratings);
	cb_vec_clear(&stages);
}

static void
load_goals(struct ui_app *app, struct family_view *f)
{
	struct cb_vec goals = CB_VEC_OWNING(cb_goal_free_item);
	struct cb_err err = {0};
	size_t i, shown = 0;

	add(&f->right, A_NORMAL, NULL, "%s", "");
	add(&f->right, A_BOLD | A_UNDERLINE, NULL, "%s", _("Goals"));
	if (cb_store_goal_list(app->store, f->id, &goals, &err) != 0)
		ui_fail(app, &err);
	for (i = 0; i < goals.len; i++) {
		const struct cb_goal *g = goals.items[i];

		if (!cb_streq(g->status, "active"))
			continue;
		shown++;
		if (g->last_score >= 0)
			add(&f->right, A_NORMAL, NULL, "%d/10 \"%s\"", g->last_score, g->words);
		else
			add(&f->right, A_NORMAL, NULL, "  -  \"%s\"", g->words);
	}
	if (shown == 0)
		add(&f->right, A_NORMAL, NULL, "%s", _("No active goals (g)"));
	else if (goals.len > shown)
		add(&f->right, ui_attr(app, UI_C_DIM), NULL,
		    ngettext("  and %zu achieved, changed or stopped", "  and %zu achieved, changed or stopped",
		             goals.len - shown),
		    goals.len - shown);
	cb_vec_clear(&goals);
}

static void
load_actions(struct ui_app *app, struct family_view *f)
{
	struct cb_vec actions = CB_VEC_OWNING(cb_action_free_item);
	struct cb_vec meetings = CB_VEC_OWNING(cb_meeting_free_item);
	struct cb_date today = cb_date_today();
	struct cb_err err = {0};
	size_t i;

	add(&f->right, A_NORMAL, NULL, "%s", "");
	if (cb_store_meeting_list_family(app->store, f->id, &meetings, &err) != 0)
		ui_fail(app, &err);
	if (meetings.len == 0) {
		add(&f->right, A_BOLD, NULL, "%s", _("Group supervision: never !"));
	} else {
		const struct cb_meeting *m = meetings.items[0];
		char d[CB_DATE_LEN];
		bool late = cb_date_diff(today, m->date) > 31;

		cb_date_format(m->date, d);
		add(&f->right, A_BOLD, NULL, _("Group supervision: %s%s"), d, late ? " !" : "");
	}
	add(&f->right, A_BOLD | A_UNDERLINE, NULL, "%s", _("Open actions"));
	if (cb_store_action_list(app->store, f->id, true, &actions, &err) != 0)
		ui_fail(app, &err);
	if (actions.len == 0)
		add(&f->right, A_NORMAL, NULL, "%s", _("None"));
	for (i = 0; i < actions.len; i++) {
		const struct cb_action *a = actions.items[i];
		char d[CB_DATE_LEN];
		bool late = cb_date_cmp(a->due, today) < 0;

		cb_date_format(a->due, d);
		add(&f->right, late ? A_BOLD : A_NORMAL, NULL, "%s%s %s (%s)", d, late ? " !" : "",
		    a->text, a->owner_name ? a->owner_name : "?");
	}
	cb_vec_clear(&actions);
	cb_vec_clear(&meetings);
}

static void
load_programme(struct ui_app *app, struct family_view *f)
{
	struct cb_vec ids = CB_VEC_BORROWING, prog = CB_VEC_OWNING(cb_progress_free_item);
	struct cb_err err = {0};
	size_t i;

	add(&f->left, A_NORMAL, NULL, "%s", "");
	add(&f->left, A_BOLD | A_UNDERLINE, NULL, "%s", _("Programme"));
	for (i = 0; i < app->prog->modules.len; i++) {
		const struct cb_module *m = app->prog->modules.items[i];

		if (m->kind == CB_MODULE_PROGRAMME)
			cb_vec_push(&ids, m->id);
	}
	if (cb_store_progress(app->store, f->id, &ids, &prog, &err) != 0)
		ui_fail(app, &err);
	for (i = 0; i < prog.len; i++) {
		const struct cb_progress *p = prog.items[i];
		const struct cb_module *m = cb_programme_find(app->prog, p->module_id);
		char state[48];

		if (p->complete)
			snprintf(state, sizeof state, _("complete"));
		else if (p->sessions + p->answers > 0)
			snprintf(state, sizeof state, _("in progress"));
		else
			snprintf(state, sizeof state, _("not started"));
		char *sessions = cb_asprintf(ngettext("%d session", "%d sessions", p->sessions),
		                             p->sessions);

		add(&f->left, p->complete ? A_NORMAL : (p->sessions + p->answers > 0 ? A_BOLD : A_DIM),
		    NULL, "%ld %s: %s, %s", m->order, m->title, state, sessions);
		free(sessions);
	}
	cb_vec_clear(&prog);
	cb_vec_clear(&ids);
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct family_view *f = scr->state;
	struct cb_err err = {0};

	cb_family_free(&f->family);
	cb_vec_clear(&f->people);
	cb_vec_clear(&f->left);
	cb_vec_clear(&f->right);
	if (cb_store_family_get(app->store, f->id, &f->family, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	ui_screen_family(scr, f->family);
	snprintf(scr->title, sizeof scr->title, "%s: %s", _("Family record"), f->family->name);
	if (cb_store_person_list(app->store, f->id, &f->people, &err) != 0)
		ui_fail(app, &err);
	load_people(app, f);
	load_workers(app, f);
	load_programme(app, f);
	load_risk(app, f);
	load_goals(app, f);
	load_actions(app, f);
}

/* Where a line's text starts within its column, and how wide it is. */
static int
line_x(const struct line *l)
{
	return l->indent + (l->rating != NULL ? 7 : 0);
}

/* A list item that wraps continues two columns in, under its first
 * word, so each item stands out: the byte where its second row starts
 * (0 when it fits on one row, or is not such an item). */
#define HANG 2

static size_t
hang_at(const struct line *l, int w)
{
	size_t lo = 0, hi = strlen(l->text);

	if (l->indent > 0 || l->rating != NULL || (l->attr & A_UNDERLINE) ||
	    ui_wrap_rows(l->text, w) <= 1)
		return 0;
	/* The first byte on the second row: row numbers only grow. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ui_wrap_row_at(l->text, w, mid) >= 1)
			hi = mid;
		else
			lo = mid + 1;
	}
	while (l->text[lo] == ' ')
		lo++;
	return lo;
}

static int
line_rows(const struct line *l, int w)
{
	size_t at = hang_at(l, w);
	int r;

	if (at > 0)
		return 1 + ui_wrap_rows(l->text + at, w - HANG);
	r = l->text[0] != '\0' ? ui_wrap_rows(l->text, w - line_x(l)) : 1;
	return r < 1 ? 1 : r;
}

static int
column_rows(const struct cb_vec *lines, int w)
{
	size_t i;
	int n = 0;

	for (i = 0; i < lines->len; i++)
		n += line_rows(lines->items[i], w);
	return n;
}

/* Rows scroll..scroll+rows-1 of the wrapped column. */
static void
draw_column(struct ui_app *app, const struct cb_vec *lines, int x, int w, int top, int rows,
            int scroll)
{
	size_t i;
	int v = 0;

	for (i = 0; i < lines->len && v < scroll + rows; i++) {
		const struct line *l = lines->items[i];
		int r = line_rows(l, w);

		if (v + r > scroll) {
			int skip = v < scroll ? scroll - v : 0, y = top + v + skip - scroll;

			size_t at = hang_at(l, w);

			if (l->rating != NULL && skip == 0)
				ui_rag(app, y, x, l->rating);
			if (at > 0) {
				if (skip == 0) {
					char *first = cb_strndup(l->text, at);

					ui_text(y, x, w, first, l->attr);
					free(first);
					y++;
				}
				if (y < top + rows)
					ui_wrap(y, x + HANG, w - HANG, rows - (y - top), l->text + at, l->attr,
					        skip > 0 ? skip - 1 : 0);
			} else if (l->text[0] != '\0') {
				ui_wrap(y, x + line_x(l), w - line_x(l), rows - (y - top), l->text, l->attr,
				        skip);
			}
		}
		v += r;
	}
}

static void
family_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct family_view *f = scr->state;
	int half = app->cols / 2, rows = bottom - top, lw = half - 2, rw = app->cols - half - 2;
	int longest, l, r;

	if (f->family == NULL) {
		ui_text(top, 2, app->cols - 4, _("This family could not be opened."), A_BOLD);
		return;
	}
	l = column_rows(&f->left, lw);
	r = column_rows(&f->right, rw);
	longest = l > r ? l : r;
	/* When it does not all fit, the last row says there is more, and
	 * where. */
	if (longest > rows)
		rows--;
	f->height = rows;
	if (f->scroll > longest - rows)
		f->scroll = longest - rows;
	if (f->scroll < 0)
		f->scroll = 0;
	draw_column(app, &f->left, 1, lw, top, rows, f->scroll);
	ui_vline(top, half - 1, rows);
	draw_column(app, &f->right, half + 1, rw, top, rows, f->scroll);
	if (longest > rows) {
		char *more = cb_asprintf(
			f->scroll + rows < longest
				? (f->scroll > 0 ? _("More below and above (rows %d-%d of %d): Down, PgDn, Up")
				                 : _("More below (rows %d-%d of %d): Down or PgDn"))
				: _("The end (rows %d-%d of %d): Up or PgUp for the rest"),
			f->scroll + 1, f->scroll + rows, longest);

		ui_field(top + rows, 1, app->cols - 2, more, ui_attr(app, UI_C_DIM) | A_BOLD);
		free(more);
	}
}

/* Adding and changing the family's own details. */

int
ui_family_birth_date(const char *text, void *ctx, struct cb_err *err)
{
	struct cb_date *out = ctx;

	if (cb_str_empty(text)) {
		*out = (struct cb_date){0, 0, 0};
		return 0;
	}
	/* The one date parser, for a birth: 17/05/1994, 17/5/94 (never a
	 * year in the future), 1994-05-17. */
	return cb_date_parse_as(text, cb_date_today(), CB_DATE_BIRTH, out, err);
}

int
ui_family_not_empty(const char *text, void *ctx, struct cb_err *err)
{
	(void)ctx;
	return cb_str_empty(text) ? cb_err_set(err, CB_EINVAL, _("this cannot be empty")) : 0;
}

static void
add_member(struct ui_app *app, struct ui_screen *scr)
{
	struct family_view *f = scr->state;
	struct ui_choice roles[4];
	struct cb_person *p = cb_person_new();
	struct cb_err err = {0};
	char *name = NULL, *born = NULL;
	int i, pick;

	for (i = 0; i < 4; i++)
		roles[i] = (struct ui_choice){cb_member_role_label((enum cb_member_role)i), NULL, false};
	if (ui_prompt(app, _("Name (as the person writes it):"), "", &name, ui_family_not_empty, NULL, NULL) != 0)
		goto out;
	pick = ui_pick(app, _("Their place in the family"), roles, 4, 0);
	if (pick < 0)
		goto out;
	if (ui_prompt(app, _("Date of birth, e.g. 17/05/1994 (leave empty if not known):"), "", &born,
	              ui_family_birth_date, NULL, &p->born) != 0)
		goto out;
	memcpy(p->family_id, f->id, CB_UUID_LEN);
	p->name = cb_str_trim(name);
	p->role = (enum cb_member_role)pick;
	if (cb_store_person_add(app->store, p, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Added %s."), p->name);
	reload(app, scr);
out:
	cb_person_free(&p);
	free(name);
	free(born);
}

static void
allocate(struct ui_app *app, struct ui_screen *scr)
{
	struct family_view *f = scr->state;
	struct cb_vec workers = CB_VEC_OWNING(cb_worker_free_item);
	struct ui_choice *items = NULL, *roles = NULL;
	struct cb_allocation *a = cb_allocation_new();
	struct cb_err err = {0};
	size_t i, nroles = cb_reflist_len(&app->ref->roles);
	int w, r;

	if (cb_store_worker_list(app->store, &workers, &err) != 0 || workers.len == 0) {
		ui_fail(app, &err);
		goto out;
	}
	items = cb_calloc(workers.len, sizeof *items);
	for (i = 0; i < workers.len; i++) {
		const struct cb_worker *wk = workers.items[i];

		items[i].label = wk->name;
		items[i].detail = ui_role_label(app, wk->role);
	}
	w = ui_pick(app, _("Allocate which worker?"), items, workers.len, 0);
	if (w < 0)
		goto out;
	roles = cb_calloc(nroles, sizeof *roles);
	for (i = 0; i < nroles; i++) {
		roles[i].label = cb_reflist_at(&app->ref->roles, i)->label;
		roles[i].detail = cb_reflist_at(&app->ref->roles, i)->about;
	}
	{
		const char *role = ((struct cb_worker *)workers.items[(size_t)w])->role;
		size_t initial = 0;

		for (i = 0; i < nroles; i++)
			if (cb_streq(cb_reflist_at(&app->ref->roles, i)->id, role))
				initial = i;
		r = ui_pick(app, _("Their role on this case"), roles, nroles, initial);
	}
	if (r < 0)
		goto out;
	memcpy(a->family_id, f->id, CB_UUID_LEN);
	memcpy(a->worker_id, ((struct cb_worker *)workers.items[(size_t)w])->id, CB_UUID_LEN);
	a->role = cb_strdup(cb_reflist_at(&app->ref->roles, (size_t)r)->id);
	a->from = cb_date_today();
	if (cb_store_allocation_add(app->store, a, &err) != 0)
		ui_fail(app, &err);
	reload(app, scr);
out:
	free(items);
	free(roles);
	cb_allocation_free(&a);
	cb_vec_clear(&workers);
}

static void
set_status(struct ui_app *app, struct ui_screen *scr)
{
	struct family_view *f = scr->state;
	struct ui_choice *kids = cb_calloc(f->people.len + 1, sizeof *kids);
	const struct cb_person **map = cb_calloc(f->people.len + 1, sizeof *map);
	struct cb_status *s = cb_status_new();
	struct cb_err err = {0};
	size_t i, n = 0;
	int child;

	for (i = 0; i < f->people.len; i++) {
		const struct cb_person *p = f->people.items[i];

		if (p->role == CB_MEMBER_CHILD) {
			kids[n].label = p->name;
			map[n++] = p;
		}
	}
	if (n == 0) {
		ui_error(app, _("There are no children in the family yet: add them with m."));
		goto out;
	}
	child = ui_pick(app, _("Whose status?"), kids, n, 0);
	if (child < 0)
		goto out;
	s->from = cb_date_today();
	if (ui_family_status_form(app, s) != 0)
		goto out;
	memcpy(s->person_id, map[child]->id, CB_UUID_LEN);
	if (cb_status_check(s, app->ref, &err) != 0 || cb_store_status_add(app->store, s, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Recorded."));
	reload(app, scr);
out:
	cb_status_free(&s);
	free(kids);
	free(map);
}

static void
correct_family(struct ui_app *app, struct ui_screen *scr)
{
	struct family_view *f = scr->state;
	struct cb_err err = {0};
	char *ref = NULL, *name = NULL;

	if (f->family == NULL)
		return;
	if (ui_prompt(app, _("Case reference:"), f->family->reference, &ref, ui_family_not_empty, NULL, NULL) != 0 ||
	    ui_prompt(app, _("Family name:"), f->family->name, &name, ui_family_not_empty, NULL, NULL) != 0)
		goto out;
	{
		char *r = cb_str_trim(ref), *n = cb_str_trim(name);
		bool same = cb_streq(r, f->family->reference) && cb_streq(n, f->family->name);

		free(r);
		free(n);
		if (same) {
			ui_say(app, _("Nothing was changed, so nothing was saved."));
			goto out;
		}
	}
	free(f->family->reference);
	free(f->family->name);
	f->family->reference = cb_str_trim(ref);
	f->family->name = cb_str_trim(name);
	if (cb_store_family_correct(app->store, f->family, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Corrected; the earlier version is kept (h shows it)."));
	reload(app, scr);
out:
	free(ref);
	free(name);
}

static void
history(struct ui_app *app, struct ui_screen *scr)
{
	struct family_view *f = scr->state;
	struct cb_vec fams = CB_VEC_OWNING(cb_family_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_family_history(app->store, f->id, &fams, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < fams.len; i++) {
		const struct cb_family *x = fams.items[i];

		ui_version_push(&versions, &x->rev, cb_asprintf("%s %s", x->reference, x->name));
	}
	ui_open_history(app, _("History of the family's details"), &versions, scr);
	cb_vec_clear(&versions);
	cb_vec_clear(&fams);
}

static int
family_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct family_view *f = scr->state;

	(void)key;
	if (f->family == NULL && action != UI_BACK)
		return UI_HANDLED;
	switch (action) {
	case UI_UP: f->scroll--; return UI_HANDLED;
	case UI_DOWN: f->scroll++; return UI_HANDLED;
	case UI_PGUP: f->scroll -= f->height - 1; return UI_HANDLED;
	case UI_PGDN: f->scroll += f->height - 1; return UI_HANDLED;
	case UI_HOME: f->scroll = 0; return UI_HANDLED;
	case UI_OPEN:
	case UI_GO_PROGRAMME: ui_open_programme(app, f->id); return UI_HANDLED;
	case UI_GO_NOTES: ui_open_notes(app, f->id); return UI_HANDLED;
	case UI_SEARCH_RECORDS: ui_open_search(app, f->id); return UI_HANDLED;
	case UI_GO_CHRONOLOGY: ui_open_chronology(app, f->id); return UI_HANDLED;
	case UI_GO_GOALS: ui_open_goals(app, f->id); return UI_HANDLED;
	case UI_GO_STAGES: ui_open_stages(app, f->id, NULL); return UI_HANDLED;
	case UI_GO_RATINGS: ui_open_ratings(app, f->id); return UI_HANDLED;
	case UI_GO_MEETINGS: ui_open_meetings(app); return UI_HANDLED;
	case UI_ADD_MEMBER: add_member(app, scr); return UI_HANDLED;
	case UI_ALLOCATE: allocate(app, scr); return UI_HANDLED;
	case UI_SET_STATUS: set_status(app, scr); return UI_HANDLED;
	case UI_EXPORT_REPORT: ui_family_report(app, f->family); return UI_HANDLED;
	case UI_EXPORT_PLAN: ui_family_plan(app, f->family); return UI_HANDLED;
	case UI_EDIT:
		if (ui_family_fix_correct(app, f->id) == 1)
			correct_family(app, scr);
		reload(app, scr);
		return UI_HANDLED;
	case UI_RETRACT:
		if (ui_family_fix_remove(app, f->id) == 1)
			return UI_HANDLED | UI_CLOSE;
		reload(app, scr);
		return UI_HANDLED;
	case UI_HISTORY:
		if (ui_family_fix_history(app, f->id, scr) == 1)
			history(app, scr);
		return UI_HANDLED;
	default: return 0;
	}
}

static const struct ui_screen_ops family_ops = {
	UI_SCR_FAMILY, "family", family_draw, family_key, reload, NULL, family_free,
};

void
ui_open_family(struct ui_app *app, const char *family_id)
{
	struct family_view *f;
	struct ui_screen *scr;
	struct cb_err err = {0};

	/* Every look at a family is in the audit; no record without it. */
	if (cb_store_audit(app->store, "read", "family", family_id, "record", &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	f = cb_calloc(1, sizeof *f);
	snprintf(f->id, sizeof f->id, "%s", family_id);
	f->people = (struct cb_vec)CB_VEC_OWNING(cb_person_free_item);
	f->left = (struct cb_vec)CB_VEC_OWNING(line_free);
	f->right = (struct cb_vec)CB_VEC_OWNING(line_free);
	scr = ui_screen_new(&family_ops, f, _("Family record"));
	reload(app, scr);
	ui_push(app, scr);
}
