/* SPDX-License-Identifier: MIT */
/* One family's minutes in a group supervision meeting, in the order of
 * the proforma (modules/supervision.yaml): who is here, last time's
 * actions, the discussion, each adult's Cycle of Change, the agreed risk
 * rating, reflection and new actions. Everything already known is there
 * before anyone types: attendees, last time's actions, stages and the
 * last rating. The clock runs while the screen is open. Everything here
 * is about this family only and goes to its record and nowhere else. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/minute_taking.h"
#include "casebook/module.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_notes.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "minutes_parts.h"

static long
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec;
}

static void
rows_free(void *p)
{
	free(p);
}

static void
clear_state(struct minutes *s)
{
	cb_meeting_free(&s->m);
	cb_meeting_item_free(&s->item);
	cb_family_free(&s->family);
	cb_vec_clear(&s->people);
	cb_vec_clear(&s->attendance);
	cb_vec_clear(&s->allocations);
	cb_vec_clear(&s->notes);
	cb_vec_clear(&s->rows);
	cb_vec_clear(&s->pulled);
	cb_vec_clear(&s->answers);
	cb_vec_clear(&s->lines);
	cb_vec_clear(&s->records);
	cb_vec_clear(&s->ratings);
	cb_vec_clear(&s->agreed);
	cb_vec_clear(&s->addenda);
	s->before = s->today = NULL;
}

/* Save the time spent so far on the agenda item (a new version of it). */
int
mp_save_clock(struct cb_store *store, struct minutes *s, struct cb_err *err)
{
	long now = now_s(), total, old;

	if (!s->timer.running || s->item == NULL)
		return 0;
	total = cb_timer_total(&s->timer, now);
	if (total == s->item->seconds) {
		cb_timer_saved(&s->timer, now);
		return 0;
	}
	old = s->item->seconds;
	s->item->seconds = total;
	if (cb_store_item_correct(store, s->item, err) != 0) {
		s->item->seconds = old;
		return -1;
	}
	cb_timer_saved(&s->timer, now);
	return 0;
}

/* The agenda item, taken out of the meeting's list. */
static int
load_item(struct ui_app *app, struct minutes *s, struct cb_err *err)
{
	struct cb_vec items = CB_VEC_OWNING(cb_meeting_item_free_item);
	size_t i;

	if (cb_store_item_list(app->store, s->meeting_id, &items, err) != 0)
		return -1;
	for (i = 0; i < items.len; i++) {
		struct cb_meeting_item *it = items.items[i];

		if (cb_streq(it->id, s->item_id)) {
			s->item = it;
			items.items[i] = NULL;
			break;
		}
	}
	cb_vec_clear(&items);
	if (s->item == NULL)
		return cb_err_set(err, CB_ENOTFOUND, _("that family is not on the meeting's agenda"));
	return 0;
}

/* Only the case notes that are written contributions are kept. */
static int
load_contributions(struct ui_app *app, struct minutes *s, struct cb_err *err)
{
	struct cb_vec all = CB_VEC_OWNING(cb_note_free_item);
	size_t i;

	if (cb_store_note_list(app->store, s->family_id, false, &all, err) != 0) {
		cb_vec_clear(&all);
		return -1;
	}
	for (i = 0; i < all.len; i++) {
		struct cb_note *n = all.items[i];

		if (cb_streq(n->kind, "contribution")) {
			cb_vec_push(&s->notes, n);
			all.items[i] = NULL;
		}
	}
	cb_vec_clear(&all);
	return 0;
}

static int
load_previous(struct ui_app *app, struct minutes *s, struct cb_err *err)
{
	struct cb_vec ms = CB_VEC_OWNING(cb_meeting_free_item);
	struct cb_date *dates;
	const char **ids;
	size_t i;

	if (cb_store_meeting_list_family(app->store, s->family_id, &ms, err) != 0) {
		cb_vec_clear(&ms);
		return -1;
	}
	dates = cb_calloc(ms.len + 1, sizeof *dates);
	ids = cb_calloc(ms.len + 1, sizeof *ids);
	for (i = 0; i < ms.len; i++) {
		const struct cb_meeting *m = ms.items[i];

		dates[i] = m->date;
		ids[i] = m->id;
	}
	s->prev = cb_meeting_before(dates, ids, ms.len, s->meeting_id, s->m->date);
	free(dates);
	free(ids);
	cb_vec_clear(&ms);
	return 0;
}

static bool
row_has(const struct minutes *s, const char *worker_id)
{
	size_t i;

	for (i = 0; i < s->rows.len; i++)
		if (cb_streq(((const struct mp_att_row *)s->rows.items[i])->worker_id, worker_id))
			return true;
	return false;
}

/* Who is here: those recorded, then workers allocated since who are not
 * yet recorded. */
static void
build_rows(struct minutes *s)
{
	struct cb_date until = s->m->date;
	size_t i;

	for (i = 0; i < s->attendance.len; i++) {
		const struct cb_attendance *a = s->attendance.items[i];
		struct mp_att_row *r = cb_calloc(1, sizeof *r);

		memcpy(r->worker_id, a->worker_id, CB_UUID_LEN);
		r->name = a->worker_name;
		r->role = a->worker_role;
		r->a = a;
		cb_vec_push(&s->rows, r);
	}
	for (i = 0; i < s->allocations.len; i++) {
		const struct cb_allocation *al = s->allocations.items[i];
		struct mp_att_row *r;

		if (row_has(s, al->worker_id))
			continue;
		r = cb_calloc(1, sizeof *r);
		memcpy(r->worker_id, al->worker_id, CB_UUID_LEN);
		r->name = al->worker_name;
		r->role = al->role;
		cb_vec_push(&s->rows, r);
	}
	for (i = 0; i < s->rows.len; i++) {
		struct mp_att_row *r = s->rows.items[i];

		r->prepared = cb_contribution_find(&s->notes, r->worker_id, s->prev, until);
	}
}

static void
build_lines(struct minutes *s)
{
	const char **ids = cb_calloc(s->people.len + 1, sizeof *ids);
	const char **names = cb_calloc(s->people.len + 1, sizeof *names);
	size_t i, n = 0;

	for (i = 0; i < s->people.len; i++) {
		const struct cb_person *p = s->people.items[i];

		if (!cb_member_is_adult(p->role))
			continue;
		ids[n] = p->id;
		names[n++] = p->name;
	}
	cb_stage_lines(ids, names, n, &s->records, s->meeting_id, s->m->date, &s->lines);
	free(ids);
	free(names);
}

void
mp_reload(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	struct cb_err err = {0};
	char date[CB_DATE_LEN];
	int p;

	clear_state(s);
	if (cb_store_meeting_get(app->store, s->meeting_id, &s->m, &err) != 0 ||
	    load_item(app, s, &err) != 0) {
		ui_fail(app, &err);
		cb_meeting_free(&s->m);
		return;
	}
	memcpy(s->family_id, s->item->family_id, CB_UUID_LEN);
	if (cb_store_family_get(app->store, s->family_id, &s->family, &err) != 0 ||
	    cb_store_person_list(app->store, s->family_id, &s->people, &err) != 0 ||
	    cb_store_allocation_list(app->store, s->family_id, true, &s->allocations, &err) != 0 ||
	    cb_store_attendance_list(app->store, s->item_id, &s->attendance, &err) != 0 ||
	    load_contributions(app, s, &err) != 0 || load_previous(app, s, &err) != 0 ||
	    cb_store_action_pull(app->store, s->family_id, s->meeting_id, &s->pulled, &err) != 0 ||
	    cb_store_answer_list(app->store, s->family_id, MP_PROFORMA, s->meeting_id, &s->answers,
	                         &err) != 0 ||
	    cb_store_stage_list(app->store, s->family_id, NULL, &s->records, &err) != 0 ||
	    cb_store_rating_list(app->store, s->family_id, &s->ratings, &err) != 0 ||
	    cb_store_action_agreed(app->store, s->family_id, s->meeting_id, &s->agreed, &err) != 0 ||
	    cb_store_addendum_list(app->store, s->meeting_id, s->family_id, &s->addenda, &err) != 0)
		ui_fail(app, &err);
	if (s->family != NULL)
		ui_screen_family(scr, s->family);
	build_rows(s);
	build_lines(s);
	cb_rating_split(&s->ratings, s->meeting_id, s->m->date, &s->before, &s->today);
	s->list[MP_ATTEND].count = s->rows.len;
	s->list[MP_REVIEW].count = s->pulled.len;
	s->list[MP_DISCUSS].count = MP_N_DISCUSSION;
	s->list[MP_STAGES].count = s->lines.len;
	s->list[MP_RISK].count = 1;
	s->list[MP_REFLECT].count = 1;
	s->list[MP_ACTIONS].count = s->agreed.len;
	s->list[MP_ADDENDA].count = s->addenda.len;
	for (p = 0; p < MP_COUNT; p++)
		if (s->list[p].count > 0 && s->list[p].sel >= s->list[p].count)
			s->list[p].sel = s->list[p].count - 1;
	if (s->m->is_signed) {
		if (s->timer.running)
			cb_timer_stop(&s->timer, now_s());
		s->timer.saved = s->item->seconds;
	} else if (!s->started) {
		cb_timer_start(&s->timer, s->item->seconds, now_s());
		s->started = true;
	}
	cb_date_format(s->m->date, date);
	snprintf(scr->title, sizeof scr->title, _("Minutes: %s %s, group supervision of %s"),
	         s->family != NULL ? s->family->reference : "?",
	         s->family != NULL ? s->family->name : "", date);
}

static void
minutes_free(void *p)
{
	struct minutes *s = p;

	/* Closing without Esc (quitting, the terminal gone): keep the time. */
	if (s->store != NULL && s->m != NULL)
		mp_save_clock(s->store, s, NULL);
	clear_state(s);
	free(s);
}

static void
minutes_tick(struct ui_app *app, struct ui_screen *scr)
{
	struct minutes *s = scr->state;
	struct cb_err err = {0};
	long now = now_s();

	if (s->m == NULL || !cb_timer_save_due(&s->timer, now))
		return;
	if (mp_save_clock(app->store, s, &err) != 0) {
		/* Try again in a minute; say so once now. */
		s->timer.last_save = now;
		ui_fail(app, &err);
	}
}

bool
mp_part_shown(const struct minutes *s, int p)
{
	return p != MP_ADDENDA || s->m->is_signed || s->addenda.len > 0;
}

static void
move_part(struct minutes *s, int step)
{
	int p = (int)s->part;

	do
		p = (p + step + MP_COUNT) % MP_COUNT;
	while (!mp_part_shown(s, p));
	s->part = (enum mp_part)p;
}

static int
minutes_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct minutes *s = scr->state;
	struct cb_err err = {0};

	(void)key;
	if (s->m == NULL || s->item == NULL || s->family == NULL)
		return 0;
	if (ui_list_move(&s->list[s->part], action))
		return UI_HANDLED;
	switch (action) {
	case UI_BACK:
		if (mp_save_clock(app->store, s, &err) != 0) {
			/* Say so, but do not keep anyone here: the time is small
			 * beside the minutes, which are all saved. */
			ui_fail(app, &err);
		}
		cb_timer_stop(&s->timer, now_s());
		return UI_CLOSE;
	case UI_NEXT_SECTION:
		move_part(s, 1);
		return UI_HANDLED;
	case UI_PREV_SECTION:
		move_part(s, -1);
		return UI_HANDLED;
	default:
		break;
	}
	return mp_part_key(app, scr, action);
}

static const struct ui_screen_ops minutes_ops = {
	UI_SCR_MINUTES, "meeting", mp_draw, minutes_key, mp_reload, minutes_tick, minutes_free,
};

void
ui_open_minutes(struct ui_app *app, const char *meeting_id, const char *item_id)
{
	struct minutes *s = cb_calloc(1, sizeof *s);
	struct ui_screen *scr;

	s->store = app->store;
	snprintf(s->meeting_id, sizeof s->meeting_id, "%s", meeting_id);
	snprintf(s->item_id, sizeof s->item_id, "%s", item_id);
	s->people = (struct cb_vec)CB_VEC_OWNING(cb_person_free_item);
	s->attendance = (struct cb_vec)CB_VEC_OWNING(cb_attendance_free_item);
	s->allocations = (struct cb_vec)CB_VEC_OWNING(cb_allocation_free_item);
	s->notes = (struct cb_vec)CB_VEC_OWNING(cb_note_free_item);
	s->rows = (struct cb_vec)CB_VEC_OWNING(rows_free);
	s->pulled = (struct cb_vec)CB_VEC_OWNING(cb_action_free_item);
	s->answers = (struct cb_vec)CB_VEC_OWNING(cb_answer_free_item);
	s->records = (struct cb_vec)CB_VEC_OWNING(cb_stage_record_free_item);
	s->lines = (struct cb_vec)CB_VEC_OWNING(rows_free);
	s->ratings = (struct cb_vec)CB_VEC_OWNING(cb_rating_free_item);
	s->agreed = (struct cb_vec)CB_VEC_OWNING(cb_action_free_item);
	s->addenda = (struct cb_vec)CB_VEC_OWNING(cb_addendum_free_item);
	scr = ui_screen_new(&minutes_ops, s, _("Minutes"));
	mp_reload(app, scr);
	ui_push(app, scr);
}
