/* SPDX-License-Identifier: MIT */
/* Group supervision meetings, newest first: the date, who chaired, the
 * families discussed, and whether the minutes are signed off. A new
 * meeting starts here; Enter opens one. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/rules.h"
#include "casebook/store.h"
#include "casebook/store_meetings.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/utf8.h"
#include "casebook/worker.h"
#include "supervision.h"

struct meetings {
	struct cb_vec meetings;    /* struct cb_meeting, newest first */
	struct ui_list list;
	char date[CB_DATE_LEN];    /* a cell being drawn */
};

static void
meetings_free(void *p)
{
	struct meetings *m = p;

	cb_vec_clear(&m->meetings);
	free(m);
}

void
ui_sup_push(struct ui_app *app, struct ui_screen *scr)
{
	bool room = app->depth < UI_MAX_DEPTH;

	ui_push(app, scr);
	if (room) {
		scr->family_id[0] = '\0';
		scr->family_label[0] = '\0';
	}
}

static bool
skipped(const struct cb_vec *skip, const char *id)
{
	size_t i;

	for (i = 0; skip != NULL && i < skip->len; i++)
		if (cb_streq(skip->items[i], id))
			return true;
	return false;
}

int
ui_sup_pick_worker(struct ui_app *app, const char *title, const char *initial_id,
                   const struct cb_vec *skip, char out[CB_UUID_LEN])
{
	return ui_sup_pick_worker_may(app, title, initial_id, skip, NULL, out);
}

int
ui_sup_pick_worker_may(struct ui_app *app, const char *title, const char *initial_id,
                       const struct cb_vec *skip, const char *act, char out[CB_UUID_LEN])
{
	struct cb_vec workers = CB_VEC_OWNING(cb_worker_free_item);
	struct cb_vec shown = CB_VEC_BORROWING;
	struct ui_choice *items = NULL;
	struct cb_err err = {0};
	size_t i, initial = 0;
	int pick, rc = -1;

	if (cb_store_worker_list(app->store, &workers, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	for (i = 0; i < workers.len; i++) {
		const struct cb_worker *w = workers.items[i];

		/* Only those whose role may do what they are chosen for: the
		 * store would refuse anyone else (data/roles.yaml). */
		if (!skipped(skip, w->id) &&
		    (act == NULL || app->ref == NULL || cb_role_may(app->ref, w->role, act)))
			cb_vec_push(&shown, workers.items[i]);
	}
	if (shown.len == 0 && act != NULL) {
		ui_error(app, _("No worker's role may do this (data/roles.yaml): give a role the act "
		                "'%s', or add a worker in such a role."), act);
		goto out;
	}
	if (shown.len == 0) {
		ui_error(app, _("There is nobody else to choose: add workers with 'casebook add "
		                "worker'."));
		goto out;
	}
	items = cb_calloc(shown.len, sizeof *items);
	for (i = 0; i < shown.len; i++) {
		const struct cb_worker *w = shown.items[i];

		items[i].label = w->name;
		items[i].detail = ui_role_label(app, w->role);
		if (initial_id != NULL && cb_streq(w->id, initial_id))
			initial = i;
	}
	pick = ui_pick(app, title, items, shown.len, initial);
	if (pick >= 0) {
		memcpy(out, ((const struct cb_worker *)shown.items[pick])->id, CB_UUID_LEN);
		rc = 0;
	}
out:
	free(items);
	cb_vec_clear(&shown);
	cb_vec_clear(&workers);
	return rc;
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct meetings *m = scr->state;
	struct cb_err err = {0};

	cb_vec_clear(&m->meetings);
	if (cb_store_meeting_list(app->store, &m->meetings, &err) != 0)
		ui_fail(app, &err);
	m->list.count = m->meetings.len;
}

static size_t
state_width(void)
{
	const char *words[] = {_("Minutes"), _("signed"), _("DRAFT")};
	size_t i, w = 8;

	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (cb_utf8_width(words[i]) > w)
			w = cb_utf8_width(words[i]);
	return w > 16 ? 16 : w;
}

static const char *
meetings_cell(void *ctx, size_t k, int col, int *attr)
{
	struct meetings *m = ctx;
	const struct cb_meeting *mt = m->meetings.items[k];

	switch (col) {
	case 0:
		cb_date_format(mt->date, m->date);
		return m->date;
	case 1: return mt->chair_name ? mt->chair_name : "?";
	case 2: return !cb_str_empty(mt->families) ? mt->families : _("(no families yet)");
	default:
		*attr = mt->is_signed ? 0 : A_BOLD;
		return mt->is_signed ? _("signed") : _("DRAFT");
	}
}

static void
meetings_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct meetings *m = scr->state;
	int x_chair = 13, w_chair = 22, x_fam = x_chair + w_chair + 1;
	/* The last column is as wide as its words in the worker's language
	 * (at least 8, at most 16), and the families give way to it. */
	int w_state = (int)state_width();
	const struct ui_column cols[] = {
		{_("Date"), 1, 10},
		{_("Chair"), x_chair, w_chair},
		{_("Families discussed"), x_fam, app->cols - x_fam - w_state - 2},
		{_("Minutes"), app->cols - w_state - 1, w_state},
	};
	char info[120];

	snprintf(info, sizeof info,
	         ngettext("%zu meeting, newest first", "%zu meetings, newest first", m->meetings.len),
	         m->meetings.len);
	ui_columns_draw(app, top, bottom, info,
	                _("No group supervision meetings yet. Press a to set one up: the date, "
	                  "the chair and who takes the minutes."),
	                cols, 4, &m->list, m->meetings.len, meetings_cell, m);
}

/* The team manager of my team, or any team manager, or me. */
static void
default_chair(struct ui_app *app, char out[CB_UUID_LEN])
{
	struct cb_vec workers = CB_VEC_OWNING(cb_worker_free_item);
	struct cb_err err = {0};
	const struct cb_worker *best = NULL;
	size_t i;

	memcpy(out, app->me->id, CB_UUID_LEN);
	if (cb_store_worker_list(app->store, &workers, &err) != 0)
		return;
	for (i = 0; i < workers.len; i++) {
		const struct cb_worker *w = workers.items[i];

		if (!cb_streq(w->role, "team-manager"))
			continue;
		if (best == NULL || (cb_streq(w->team_id, app->me->team_id) &&
		                     !cb_streq(best->team_id, app->me->team_id)))
			best = w;
	}
	if (best != NULL)
		memcpy(out, best->id, CB_UUID_LEN);
	cb_vec_clear(&workers);
}

static void
add_meeting(struct ui_app *app, struct ui_screen *scr)
{
	struct meetings *ms = scr->state;
	struct cb_meeting *m = cb_meeting_new();
	struct cb_err err = {0};
	char chair[CB_UUID_LEN];

	if (ui_prompt_date(app, _("Date of the meeting?"), cb_date_today(), &m->date) != 0)
		goto out;
	default_chair(app, chair);
	if (ui_sup_pick_worker_may(app, _("Who chairs it? (the chair signs the minutes off)"),
	                           chair, NULL, CB_ACT_CHAIR, m->chair_id) != 0)
		goto out;
	if (ui_sup_pick_worker_may(app, _("Who takes the minutes?"), app->me->id, NULL,
	                           CB_ACT_TAKE_MINUTES, m->minute_taker_id) != 0)
		goto out;
	memcpy(m->team_id, app->me->team_id, CB_UUID_LEN);
	if (cb_store_meeting_add(app->store, m, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	reload(app, scr);
	ms->list.sel = 0;
	ui_say(app, _("Meeting set up. Press a to add the families to discuss."));
	ui_open_meeting(app, m->id);
out:
	cb_meeting_free(&m);
}

static void
find_meeting(struct ui_app *app, struct meetings *m)
{
	char *needle = NULL;
	size_t i;

	if (m->meetings.len == 0 ||
	    ui_prompt(app, _("Find a meeting by date, chair or family reference:"), "", &needle, NULL,
	              NULL, NULL) != 0)
		return;
	for (i = 1; i <= m->meetings.len; i++) {
		size_t k = (m->list.sel + i) % m->meetings.len;
		const struct cb_meeting *mt = m->meetings.items[k];
		char date[CB_DATE_LEN];

		cb_date_format(mt->date, date);
		if (cb_text_matches(date, needle) || cb_text_matches(mt->chair_name, needle) ||
		    cb_text_matches(mt->families, needle)) {
			m->list.sel = k;
			break;
		}
	}
	if (i > m->meetings.len)
		ui_error(app, _("No meeting matches '%s'."), needle);
	free(needle);
}

static int
meetings_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct meetings *m = scr->state;

	(void)key;
	if (ui_list_move(&m->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_ADD:
		add_meeting(app, scr);
		return UI_HANDLED;
	case UI_OPEN:
		if (m->meetings.len > 0)
			ui_open_meeting(app, ((const struct cb_meeting *)m->meetings.items[m->list.sel])->id);
		return UI_HANDLED;
	case UI_SEARCH:
		find_meeting(app, m);
		return UI_HANDLED;
	default:
		return 0;
	}
}

static const struct ui_screen_ops meetings_ops = {
	UI_SCR_MEETINGS, "meetings", meetings_draw, meetings_key, reload, NULL, meetings_free,
};

void
ui_open_meetings(struct ui_app *app)
{
	struct meetings *m = cb_calloc(1, sizeof *m);
	struct ui_screen *scr;

	m->meetings = (struct cb_vec)CB_VEC_OWNING(cb_meeting_free_item);
	scr = ui_screen_new(&meetings_ops, m, _("Group supervision meetings"));
	reload(app, scr);
	ui_sup_push(app, scr);
}
