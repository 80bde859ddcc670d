/* SPDX-License-Identifier: MIT */
/* One group supervision meeting: its date, chair and minute-taker, the
 * agenda of families with the time spent on each and what is still
 * needed, sign-off by the chair and, after it, dated addenda. */
#include "config.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/rules.h"
#include "casebook/minute_taking.h"
#include "casebook/rating.h"
#include "casebook/stage.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_series.h"
#include "casebook/store_views.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "casebook/worker.h"
#include "supervision.h"

#define PROFORMA "supervision"

/* What one family's minutes hold so far, for the agenda. */
struct item_info {
	int present, attendees;
	int pulled, reviewed;
	bool discussion, lived, reflection, rated;
	int stages, tracks;          /* stages agreed here, of the adults' tracks */
	char *rating;
	int actions;
};

struct meeting_view {
	char id[CB_UUID_LEN];
	struct cb_meeting *m;
	struct cb_vec items;       /* struct cb_meeting_item, agenda order */
	struct item_info *info;    /* one per item */
	struct cb_vec addenda;     /* struct cb_addendum, oldest first */
	struct ui_list list;
};

static void
clear_info(struct meeting_view *v)
{
	size_t i;

	for (i = 0; v->info != NULL && i < v->items.len; i++)
		free(v->info[i].rating);
	free(v->info);
	v->info = NULL;
}

static void
meeting_free(void *p)
{
	struct meeting_view *v = p;

	clear_info(v);
	cb_meeting_free(&v->m);
	cb_vec_clear(&v->items);
	cb_vec_clear(&v->addenda);
	free(v);
}

/* What is recorded for one family: a handful of small queries, for an
 * agenda of a few families. */
static int
load_info(struct ui_app *app, struct meeting_view *v, const struct cb_meeting_item *it,
          struct item_info *in, struct cb_err *err)
{
	struct cb_vec att = CB_VEC_OWNING(cb_attendance_free_item);
	struct cb_vec pulled = CB_VEC_OWNING(cb_action_free_item);
	struct cb_vec answers = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_vec agreed = CB_VEC_OWNING(cb_action_free_item);
	struct cb_vec ratings = CB_VEC_OWNING(cb_rating_free_item);
	struct cb_vec stages = CB_VEC_OWNING(cb_stage_record_free_item);
	struct cb_vec tracks = CB_VEC_OWNING(cb_stage_record_free_item);
	const struct cb_rating *before, *today;
	size_t i;
	int rc = -1;

	if (cb_store_attendance_list(app->store, it->id, &att, err) != 0 ||
	    cb_store_action_pull(app->store, it->family_id, v->id, &pulled, err) != 0 ||
	    cb_store_answer_list(app->store, it->family_id, PROFORMA, v->id, &answers, err) != 0 ||
	    cb_store_action_agreed(app->store, it->family_id, v->id, &agreed, err) != 0 ||
	    cb_store_rating_list(app->store, it->family_id, &ratings, err) != 0 ||
	    cb_store_stage_list(app->store, it->family_id, NULL, &stages, err) != 0)
		goto out;
	/* Each adult's issue counts once: agreed here, or not (yet). */
	if (cb_store_stage_current(app->store, it->family_id, &tracks, err) != 0)
		goto out;
	in->tracks = (int)tracks.len;
	for (i = 0; i < tracks.len; i++) {
		const struct cb_stage_record *t = tracks.items[i];
		size_t k;

		for (k = 0; k < stages.len; k++) {
			const struct cb_stage_record *r = stages.items[k];

			if (cb_streq(r->meeting_id, v->id) && cb_streq(r->person_id, t->person_id) &&
			    cb_streq(r->issue, t->issue)) {
				in->stages++;
				break;
			}
		}
	}
	in->attendees = (int)att.len;
	for (i = 0; i < att.len; i++)
		in->present += cb_streq(((struct cb_attendance *)att.items[i])->status, "present");
	in->pulled = (int)pulled.len;
	for (i = 0; i < pulled.len; i++)
		in->reviewed += ((struct cb_action *)pulled.items[i])->outcome != NULL;
	for (i = 0; i < answers.len; i++) {
		const struct cb_answer *a = answers.items[i];

		if (cb_str_empty(a->value))
			continue;
		if (cb_str_startswith(a->field_key, "discussion."))
			in->discussion = true;
		if (cb_streq(a->field_key, "discussion.lived_experience"))
			in->lived = true;
		if (cb_streq(a->field_key, "risk.reflection"))
			in->reflection = true;
	}
	in->actions = (int)agreed.len;
	cb_rating_split(&ratings, v->id, v->m->date, &before, &today);
	if (today != NULL) {
		in->rated = true;
		in->rating = cb_strdup(today->rating);
	}
	rc = 0;
out:
	cb_vec_clear(&att);
	cb_vec_clear(&pulled);
	cb_vec_clear(&answers);
	cb_vec_clear(&agreed);
	cb_vec_clear(&ratings);
	cb_vec_clear(&stages);
	cb_vec_clear(&tracks);
	return rc;
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct meeting_view *v = scr->state;
	struct cb_err err = {0};
	char date[CB_DATE_LEN];
	size_t i;

	clear_info(v);
	cb_meeting_free(&v->m);
	cb_vec_clear(&v->items);
	cb_vec_clear(&v->addenda);
	v->list.count = 0;
	if (cb_store_meeting_get(app->store, v->id, &v->m, &err) != 0 ||
	    cb_store_item_list(app->store, v->id, &v->items, &err) != 0 ||
	    cb_store_addendum_list(app->store, v->id, NULL, &v->addenda, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	v->info = cb_calloc(v->items.len + 1, sizeof *v->info);
	for (i = 0; i < v->items.len; i++)
		if (load_info(app, v, v->items.items[i], &v->info[i], &err) != 0)
			ui_fail(app, &err);
	v->list.count = v->items.len;
	cb_date_format(v->m->date, date);
	snprintf(scr->title, sizeof scr->title, _("Group supervision of %s%s"), date,
	         v->m->is_signed ? _(" (signed off)") : _(" (draft)"));
}

/* "Recorded: ...; still needed: ..." for one family. */
static char *
summary(const struct item_info *in)
{
	struct cb_buf got = {0}, need = {0};
	char *out;

	if (in->pulled > 0)
		cb_buf_addf(&got, _("%sreview %d/%d"), got.len ? ", " : "", in->reviewed, in->pulled);
	if (in->discussion)
		cb_buf_addf(&got, "%s%s", got.len ? ", " : "", _("discussion"));
	/* Counted, so that one stage agreed of three does not read as all. */
	if (in->stages > 0)
		cb_buf_addf(&got, ngettext("%sstage %d of %d", "%sstages %d of %d", in->tracks),
		            got.len ? ", " : "", in->stages, in->tracks);
	if (in->rated)
		cb_buf_addf(&got, "%s%s %s", got.len ? ", " : "", _("rating"), in->rating);
	if (in->reflection)
		cb_buf_addf(&got, "%s%s", got.len ? ", " : "", _("reflection"));
	if (in->actions > 0)
		cb_buf_addf(&got, ngettext("%s%d new action", "%s%d new actions", in->actions),
		            got.len ? ", " : "", in->actions);
	/* What the proforma marks required. */
	if (!in->lived)
		cb_buf_addf(&need, "%s%s", need.len ? ", " : "", _("lived experience"));
	if (!in->rated)
		cb_buf_addf(&need, "%s%s", need.len ? ", " : "", _("rating"));
	if (in->actions == 0)
		cb_buf_addf(&need, "%s%s", need.len ? ", " : "", _("actions"));
	out = cb_asprintf("%s%s%s%s", got.len ? cb_buf_str(&got) : _("Nothing minuted yet"),
	                  need.len ? _(". Needs: ") : ".", cb_buf_str(&need), need.len ? "." : "");
	/* A sentence: its first letter a capital (the words are ASCII). */
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
	cb_buf_free(&got);
	cb_buf_free(&need);
	return out;
}

static int
needing(const struct meeting_view *v)
{
	size_t i;
	int n = 0;

	for (i = 0; i < v->items.len; i++)
		n += !v->info[i].lived || !v->info[i].rated || v->info[i].actions == 0;
	return n;
}

static void
draw_head(struct ui_app *app, struct meeting_view *v, int top)
{
	char date[CB_DATE_LEN];
	char *line;

	cb_date_format(v->m->date, date);
	line = cb_asprintf(_("Date %s   Chair %s   Minutes taken by %s"), date,
	                   v->m->chair_name ? v->m->chair_name : "?",
	                   v->m->minute_taker_name ? v->m->minute_taker_name : "?");
	ui_text(top, 1, app->cols - 2, line, A_NORMAL);
	free(line);
	if (v->m->is_signed)
		line = strlen(v->m->signed_at) >= 16
		       ? cb_asprintf(_("SIGNED OFF by %s, %.10s %.5s. Read-only; A adds an addendum."),
		                     v->m->signed_by_name ? v->m->signed_by_name : "?",
		                     v->m->signed_at, v->m->signed_at + 11)
		       : cb_asprintf(_("SIGNED OFF by %s, %.10s. Read-only; A adds an addendum."),
		                     v->m->signed_by_name ? v->m->signed_by_name : "?",
		                     v->m->signed_at);
	else
		line = cb_asprintf(_("DRAFT: not signed off. The chair (%s) signs off with S."),
		                   v->m->chair_name ? v->m->chair_name : "?");
	ui_text(top + 1, 1, app->cols - 2, line, A_BOLD);
	free(line);
}

static void
draw_addenda(struct ui_app *app, struct meeting_view *v, int y, int rows)
{
	size_t i, first;
	int r = 0;

	ui_text(y++, 1, app->cols - 2, _("Addenda"), A_BOLD | A_UNDERLINE);
	rows--;
	first = v->addenda.len > (size_t)rows ? v->addenda.len - (size_t)rows : 0;
	for (i = first; i < v->addenda.len && r < rows; i++, r++) {
		const struct cb_addendum *a = v->addenda.items[i];
		const char *about = _("whole meeting");
		size_t k;
		char *line;

		for (k = 0; k < v->items.len; k++) {
			const struct cb_meeting_item *it = v->items.items[k];

			if (cb_streq(it->family_id, a->family_id))
				about = it->family_reference;
		}
		line = cb_asprintf("%.10s %s (%s): %s", a->rev.created_at,
		                   a->rev.created_by_name ? a->rev.created_by_name : "?", about, a->text);
		ui_text(y + r, 2, app->cols - 3, line, A_NORMAL);
		free(line);
	}
}

static void
meeting_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct meeting_view *v = scr->state;
	int x_ref = 4, x_name = 17, w_name = app->cols - 17 - 8 - 14 - 2, x_time = x_name + w_name + 1,
	    x_pres = x_time + 8, y, rows, add_rows = 0;

	if (v->m == NULL) {
		ui_text(top, 2, app->cols - 4, _("This meeting could not be opened."), A_BOLD);
		return;
	}
	draw_head(app, v, top);
	if (v->addenda.len > 0) {
		add_rows = (int)v->addenda.len + 1;
		if (add_rows > 5)
			add_rows = 5;
	}
	y = top + 3;
	ui_text(y, 1, 2, "#", A_BOLD | A_UNDERLINE);
	ui_text(y, x_ref, 12, _("Reference"), A_BOLD | A_UNDERLINE);
	ui_text(y, x_name, w_name, _("Family"), A_BOLD | A_UNDERLINE);
	ui_text(y, x_time, 7, _("Time"), A_BOLD | A_UNDERLINE);
	ui_text(y, x_pres, 13, _("Attendance"), A_BOLD | A_UNDERLINE);
	y++;
	rows = (bottom - y - (add_rows > 0 ? add_rows + 1 : 0)) / 2;
	if (v->items.len == 0) {
		ui_wrap(y + 1, 2, app->cols - 4, 3,
		        v->m->is_signed ? _("No families were discussed in this meeting.")
		                        : _("No families on the agenda yet. Press a to add them: "
		                            "those due or overdue for supervision come first."),
		        A_NORMAL, 0);
	} else {
		/* Each family takes its line and its summary, wrapped: never cut
		 * (the words at its end, such as the actions, matter most). */
		int avail = bottom - y - (add_rows > 0 ? add_rows + 1 : 0);
		int w = app->cols - x_ref - 1, used, yy = y;
		size_t n = v->items.len, k;
		char **sums = cb_calloc(n, sizeof *sums);
		int *h = cb_calloc(n, sizeof *h);

		for (k = 0; k < n; k++) {
			int r;

			sums[k] = summary(&v->info[k]);
			r = ui_wrap_rows(sums[k], w);
			h[k] = 1 + (r < 1 ? 1 : r);
		}
		if (v->list.sel >= n)
			v->list.sel = n - 1;
		if (v->list.sel < v->list.top)
			v->list.top = v->list.sel;
		for (;;) {
			used = 0;
			for (k = v->list.top; k <= v->list.sel; k++)
				used += h[k];
			if (used <= avail || v->list.top == v->list.sel)
				break;
			v->list.top++;
		}
		v->list.height = rows > 0 ? rows : 1;
		for (k = v->list.top; k < n && yy < y + avail; k++) {
			const struct cb_meeting_item *it = v->items.items[k];
			const struct item_info *in = &v->info[k];
			int attr = k == v->list.sel ? A_REVERSE : A_NORMAL, left;
			char num[24], time[24], pres[48];

			snprintf(num, sizeof num, "%zu", k + 1);
			cb_timer_format(it->seconds, time, sizeof time);
			snprintf(pres, sizeof pres, _("%d of %d present"), in->present, in->attendees);
			ui_field(yy, 0, app->cols, "", attr);
			ui_field(yy, 1, 3, num, attr);
			ui_field(yy, x_ref, 12, it->family_reference, attr);
			ui_field(yy, x_name, w_name, it->family_name, attr);
			ui_field(yy, x_time, 7, time, attr);
			ui_field(yy, x_pres, app->cols - x_pres - 1, pres, attr);
			left = y + avail - yy - 1;
			if (left > 0)
				ui_wrap(yy + 1, x_ref, w, left < h[k] - 1 ? left : h[k] - 1, sums[k],
				        ui_attr(app, UI_C_DIM), 0);
			yy += h[k];
		}
		for (k = 0; k < n; k++)
			free(sums[k]);
		free(sums);
		free(h);
	}
	if (add_rows > 0)
		draw_addenda(app, v, bottom - add_rows, add_rows);
}

/* Adding a family to the agenda. */

static bool
on_agenda(const struct meeting_view *v, const char *family_id)
{
	size_t i;

	for (i = 0; i < v->items.len; i++)
		if (cb_streq(((const struct cb_meeting_item *)v->items.items[i])->family_id, family_id))
			return true;
	return false;
}

static const char *
due_word(enum cb_sup_due d)
{
	switch (d) {
	case CB_SUP_NEVER: return _("never discussed !");
	case CB_SUP_OVERDUE: return _("overdue !");
	case CB_SUP_DUE: return _("due");
	case CB_SUP_RECENT: return "";
	}
	return "";
}

/* Put the family on the agenda with its allocated workers as present: one
 * transaction. */
static int
add_item(struct ui_app *app, struct meeting_view *v, const char *family_id, struct cb_err *err)
{
	struct cb_meeting_item *it = cb_meeting_item_new();
	struct cb_vec allocs = CB_VEC_OWNING(cb_allocation_free_item);
	size_t i;
	int pos = 0, rc = -1;

	for (i = 0; i < v->items.len; i++) {
		const struct cb_meeting_item *x = v->items.items[i];

		if (x->position >= pos)
			pos = x->position + 1;
	}
	memcpy(it->meeting_id, v->id, CB_UUID_LEN);
	snprintf(it->family_id, sizeof it->family_id, "%s", family_id);
	it->position = pos;
	if (cb_store_allocation_list(app->store, family_id, true, &allocs, err) != 0 ||
	    cb_store_begin(app->store, err) != 0)
		goto out;
	rc = cb_store_item_add(app->store, it, err);
	for (i = 0; rc == 0 && i < allocs.len; i++) {
		const struct cb_allocation *al = allocs.items[i];
		struct cb_attendance *a;
		size_t k;
		bool twice = false;

		/* A worker allocated twice (two roles) attends once. */
		for (k = 0; k < i; k++)
			twice |= cb_streq(((struct cb_allocation *)allocs.items[k])->worker_id,
			                  al->worker_id);
		if (twice)
			continue;
		a = cb_attendance_new();
		memcpy(a->item_id, it->id, CB_UUID_LEN);
		memcpy(a->worker_id, al->worker_id, CB_UUID_LEN);
		a->status = cb_strdup("present");
		rc = cb_store_attendance_set(app->store, a, err);
		cb_attendance_free(&a);
	}
	if (rc == 0)
		rc = cb_store_commit(app->store, err);
	else
		cb_store_rollback(app->store);
out:
	cb_vec_clear(&allocs);
	cb_meeting_item_free(&it);
	return rc;
}

static void
add_family(struct ui_app *app, struct ui_screen *scr)
{
	struct meeting_view *v = scr->state;
	struct cb_caseload_query q = {NULL, NULL, CB_SORT_SUPERVISION, cb_date_today()};
	struct cb_vec rows = CB_VEC_OWNING(cb_caseload_row_free_item);
	struct cb_agenda_candidate *cand = NULL;
	struct ui_choice *items = NULL;
	char **labels = NULL, **details = NULL;
	size_t count = 0, n = 0, i, *order = NULL;
	struct cb_err err = {0};
	int pick;

	/* Due and overdue are measured at the meeting, not on the day it is
	 * minuted up. */
	q.today = v->m->date;
	if (cb_store_caseload_count(app->store, &q, &count, &err) != 0 ||
	    cb_store_caseload(app->store, &q, 0, count, &rows, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	cand = cb_calloc(rows.len + 1, sizeof *cand);
	order = cb_calloc(rows.len + 1, sizeof *order);
	for (i = 0; i < rows.len; i++) {
		const struct cb_caseload_row *r = rows.items[i];

		cand[i].last = r->last_supervision;
		cand[i].on_agenda = on_agenda(v, r->id);
	}
	n = cb_agenda_order(cand, rows.len, q.today, order);
	if (n == 0) {
		ui_error(app, rows.len == 0 ? _("There are no families yet.")
		                            : _("Every family is on this meeting's agenda already."));
		goto out;
	}
	items = cb_calloc(n, sizeof *items);
	labels = cb_calloc(n, sizeof *labels);
	details = cb_calloc(n, sizeof *details);
	for (i = 0; i < n; i++) {
		const struct cb_caseload_row *r = rows.items[order[i]];
		enum cb_sup_due due = cb_sup_due(r->last_supervision, q.today);
		char last[CB_DATE_LEN] = "";
		char *ref = cb_utf8_pad(r->reference, 11), *name = cb_utf8_pad(r->name, 26);

		if (cb_date_valid(r->last_supervision))
			cb_date_format(r->last_supervision, last);
		labels[i] = cb_asprintf("%s %s %-10s %s", ref, name, last[0] ? last : _("never"),
		                        due_word(due));
		details[i] = last[0] ? cb_asprintf(_("Last group supervision %s, %ld days before this "
		                                     "meeting."),
		                                   last, cb_date_diff(q.today, r->last_supervision))
		                     : cb_strdup(_("Never discussed in group supervision."));
		items[i].label = labels[i];
		items[i].detail = details[i];
		free(ref);
		free(name);
	}
	pick = ui_pick(app, _("Add which family? Due and overdue first (! overdue)"), items, n, 0);
	if (pick >= 0) {
		const struct cb_caseload_row *r = rows.items[order[pick]];

		if (add_item(app, v, r->id, &err) != 0) {
			ui_fail(app, &err);
		} else {
			ui_say(app, _("Added %s, its workers marked present. Enter opens its minutes."),
			       r->reference);
			reload(app, scr);
			v->list.sel = v->items.len > 0 ? v->items.len - 1 : 0;
		}
	}
out:
	for (i = 0; i < n && labels != NULL; i++) {
		free(labels[i]);
		free(details[i]);
	}
	free(labels);
	free(details);
	free(items);
	free(cand);
	free(order);
	cb_vec_clear(&rows);
}

static void
correct_details(struct ui_app *app, struct ui_screen *scr)
{
	struct meeting_view *v = scr->state;
	struct cb_err err = {0};
	struct cb_date date;
	char chair[CB_UUID_LEN], taker[CB_UUID_LEN];

	if (v->m->is_signed) {
		ui_error(app, UI_SUP_SIGNED_MSG);
		return;
	}
	if (ui_prompt_date(app, _("Date of the meeting?"), v->m->date, &date) != 0 ||
	    ui_sup_pick_worker_may(app, _("Who chairs it?"), v->m->chair_id, NULL, CB_ACT_CHAIR,
	                           chair) != 0 ||
	    ui_sup_pick_worker_may(app, _("Who takes the minutes?"), v->m->minute_taker_id, NULL,
	                           CB_ACT_TAKE_MINUTES, taker) != 0)
		return;
	if (cb_date_cmp(date, v->m->date) == 0 && cb_streq(chair, v->m->chair_id) &&
	    cb_streq(taker, v->m->minute_taker_id)) {
		ui_say(app, _("Nothing was changed, so nothing was saved."));
		return;
	}
	v->m->date = date;
	memcpy(v->m->chair_id, chair, CB_UUID_LEN);
	memcpy(v->m->minute_taker_id, taker, CB_UUID_LEN);
	if (cb_store_meeting_correct(app->store, v->m, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Corrected: a new version; the earlier one is kept."));
	reload(app, scr);
}

static void
sign(struct ui_app *app, struct ui_screen *scr)
{
	struct meeting_view *v = scr->state;
	struct cb_err err = {0};
	char *question;
	int n;

	if (v->m->is_signed) {
		ui_error(app, _("These minutes are signed off already. A adds a dated addendum."));
		return;
	}
	if (!cb_streq(app->me->id, v->m->chair_id)) {
		/* The store says who may sign, and how. */
		if (cb_store_meeting_sign(app->store, v->m, &err) != 0)
			ui_fail(app, &err);
		reload(app, scr);
		return;
	}
	if (v->items.len == 0) {
		ui_error(app, _("There is nothing to sign off yet: add the families discussed with a."));
		return;
	}
	n = needing(v);
	if (n > 0)
		question = cb_asprintf(ngettext("%d family lacks something required. Sign off? "
		                                "Nothing can change after.",
		                                "%d families lack something required. Sign off? "
		                                "Nothing can change after.", n),
		                       n);
	else
		question = cb_strdup(_("Sign off these minutes? Nothing in them can change after."));
	if (ui_confirm(app, question) && ui_chair_present(app, v->m->chair_id) == 0) {
		if (cb_store_meeting_sign(app->store, v->m, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Signed off: the minutes are read-only now; A adds an addendum."));
	}
	free(question);
	reload(app, scr);
}

struct addendum_ctx {
	const char *meeting_id;
	const char *family_id;   /* "" for the whole meeting */
};

static int
save_addendum(struct ui_app *app, const char *text, void *p, char pending[CB_UUID_LEN],
              struct cb_err *err)
{
	struct addendum_ctx *c = p;
	struct cb_addendum *a = cb_addendum_new();
	int rc;

	memcpy(a->meeting_id, c->meeting_id, CB_UUID_LEN);
	snprintf(a->family_id, sizeof a->family_id, "%s", c->family_id);
	a->text = cb_strdup(text);
	rc = cb_store_addendum_add(app->store, a, err);
	if (rc != 0)
		memcpy(pending, a->rev.row_id, CB_UUID_LEN);
	cb_addendum_free(&a);
	return rc;
}

static void
addendum(struct ui_app *app, struct ui_screen *scr)
{
	struct meeting_view *v = scr->state;
	struct addendum_ctx c = {v->id, ""};
	struct ui_edit e = {0};
	struct ui_choice scope[2];
	char date[CB_DATE_LEN];
	char *family = NULL, *key, *title;
	int pick = 0;

	if (!v->m->is_signed) {
		ui_error(app, _("The minutes are not signed off yet: change them directly (Enter on a "
		                "family). Addenda are for signed minutes."));
		return;
	}
	cb_date_format(v->m->date, date);
	if (v->items.len > 0) {
		const struct cb_meeting_item *it = v->items.items[v->list.sel];

		family = cb_asprintf(_("For %s %s only (goes to that family's record)"),
		                     it->family_reference, it->family_name);
		scope[0] = (struct ui_choice){_("For the whole meeting"), NULL, false};
		scope[1] = (struct ui_choice){family, NULL, false};
		pick = ui_pick(app, _("An addendum for whom?"), scope, 2, 1);
		if (pick < 0) {
			free(family);
			return;
		}
		if (pick == 1)
			c.family_id = it->family_id;
	}
	key = cb_asprintf("addendum:%s:%s", v->id, c.family_id[0] ? c.family_id : "meeting");
	title = cb_asprintf(_("Addendum to the minutes of %s"), date);
	e.title = title;
	e.label = _("The signed minutes stay as they were; this is added under them with today's "
	            "date and your name. Ctrl-S saves.");
	e.draft_key = key;
	e.family_id = c.family_id[0] ? c.family_id : NULL;
	e.save = save_addendum;
	e.ctx = &c;
	if (ui_edit_text(app, &e) == 0)
		ui_say(app, _("Addendum added, dated and signed with your name."));
	reload(app, scr);
	free(family);
	free(key);
	free(title);
}

/* Taking a family off the agenda: what was minuted for it stays in the
 * history, and adding it again brings it back. */
static void
remove_item(struct ui_app *app, struct ui_screen *scr)
{
	struct meeting_view *v = scr->state;
	const struct cb_meeting_item *it;
	struct cb_err err = {0};
	char *reason = NULL, *question;

	if (v->items.len == 0)
		return;
	if (v->m->is_signed) {
		ui_error(app, UI_SUP_SIGNED_MSG);
		return;
	}
	it = v->items.items[v->list.sel];
	question = cb_asprintf(_("Take %s %s off the agenda? Anything minuted for it stays in the "
	                         "history. Why?"),
	                       it->family_reference, it->family_name);
	if (ui_prompt(app, question, "", &reason, ui_need_reason, NULL, NULL) == 0) {
		char *ref = cb_strdup(it->family_reference);

		if (cb_store_item_retract(app->store, it, reason, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("%s is off the agenda; a adds it back."), ref);
		free(ref);
		reload(app, scr);
		if (v->list.sel >= v->items.len)
			v->list.sel = v->items.len > 0 ? v->items.len - 1 : 0;
	}
	free(reason);
	free(question);
}

static char *
item_label(struct ui_app *app, const void *p)
{
	const struct cb_meeting_item *it = p;
	return cb_asprintf(_("%s %s"), it->family_reference ? it->family_reference : "?",
	                   it->family_name ? it->family_name : "");
}

static void
show_item_history(struct ui_app *app, struct ui_screen *scr, const struct cb_meeting_item *it)
{
	struct cb_vec hist = CB_VEC_OWNING(cb_meeting_item_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_item_history(app->store, it->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		const struct cb_meeting_item *x = hist.items[i];
		char *name = item_label(app, x);

		ui_version_push(&versions, &x->rev,
		                cb_asprintf(_("%s: number %d on the agenda, %ld minutes spent on it"),
		                            name, x->position, x->seconds / 60));
		free(name);
	}
	ui_open_history(app, _("History of a family on the agenda"), &versions, scr);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

/* h: the history of the family selected on the agenda, or of one taken
 * off it (which has left the list). */
static void
item_history(struct ui_app *app, struct ui_screen *scr)
{
	struct meeting_view *v = scr->state;
	const struct cb_meeting_item *cur =
		v->items.len > 0 ? v->items.items[v->list.sel] : NULL;
	struct cb_vec gone = CB_VEC_OWNING(cb_meeting_item_free_item);
	struct cb_err err = {0};
	const void *chosen;

	if (cb_store_item_retracted(app->store, v->id, &gone, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	chosen = ui_pick_history(app, cur, &gone, offsetof(struct cb_meeting_item, rev), item_label);
	if (chosen != NULL)
		show_item_history(app, scr, chosen);
	cb_vec_clear(&gone);
}

/* Move the selected family one place up (-1) or down (+1); the
 * selection goes with it. */
static void
move_item(struct ui_app *app, struct ui_screen *scr, int by)
{
	struct meeting_view *v = scr->state;
	struct cb_err err = {0};
	size_t from = v->list.sel, to;

	if (v->items.len < 2)
		return;
	if (v->m->is_signed) {
		ui_error(app, UI_SUP_SIGNED_MSG);
		return;
	}
	if ((by < 0 && from == 0) || (by > 0 && from + 1 >= v->items.len)) {
		ui_say(app, by < 0 ? _("It is first on the agenda already.")
		                   : _("It is last on the agenda already."));
		return;
	}
	to = by < 0 ? from - 1 : from + 1;
	if (cb_store_item_swap(app->store, v->items.items[from], v->items.items[to], &err) != 0) {
		ui_fail(app, &err);
		reload(app, scr);
		return;
	}
	reload(app, scr);
	v->list.sel = to < v->items.len ? to : 0;
	ui_say(app, _("Moved to number %zu on the agenda."), v->list.sel + 1);
}

static int
meeting_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct meeting_view *v = scr->state;

	(void)key;
	if (v->m == NULL)
		return 0;
	if (ui_list_move(&v->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_OPEN:
		if (v->items.len > 0)
			ui_open_minutes(app, v->id,
			                ((const struct cb_meeting_item *)v->items.items[v->list.sel])->id);
		return UI_HANDLED;
	case UI_AGENDA_ADD:
		if (v->m->is_signed)
			ui_error(app, UI_SUP_SIGNED_MSG);
		else
			add_family(app, scr);
		return UI_HANDLED;
	case UI_EDIT:
		correct_details(app, scr);
		return UI_HANDLED;
	case UI_RETRACT:
		remove_item(app, scr);
		return UI_HANDLED;
	case UI_HISTORY:
		item_history(app, scr);
		return UI_HANDLED;
	case UI_MOVE_UP:
		move_item(app, scr, -1);
		return UI_HANDLED;
	case UI_MOVE_DOWN:
		move_item(app, scr, 1);
		return UI_HANDLED;
	case UI_SIGN:
		sign(app, scr);
		return UI_HANDLED;
	case UI_ADDENDUM:
		addendum(app, scr);
		return UI_HANDLED;
	default:
		return 0;
	}
}

static const struct ui_screen_ops meeting_ops = {
	UI_SCR_MEETING, "meeting", meeting_draw, meeting_key, reload, NULL, meeting_free,
};

void
ui_open_meeting(struct ui_app *app, const char *meeting_id)
{
	struct meeting_view *v = cb_calloc(1, sizeof *v);
	struct ui_screen *scr;

	snprintf(v->id, sizeof v->id, "%s", meeting_id);
	v->items = (struct cb_vec)CB_VEC_OWNING(cb_meeting_item_free_item);
	v->addenda = (struct cb_vec)CB_VEC_OWNING(cb_addendum_free_item);
	scr = ui_screen_new(&meeting_ops, v, _("Group supervision"));
	reload(app, scr);
	ui_sup_push(app, scr);
}
