/* SPDX-License-Identifier: MIT */
/* Red-Amber-Green risk ratings: the current one big and clear, the
 * history below it, newest first. A rating is a shared judgement and is
 * never saved without its rationale. */
#include "config.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/help.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "casebook/worker.h"
#include "../ui.h"

struct ratings {
	char family_id[CB_UUID_LEN];
	struct cb_vec ratings;     /* struct cb_rating, newest first */
	struct ui_list list;
	struct cb_vec meetings;    /* struct cb_meeting: those ratings were agreed in */
};

/* Where a rating can be agreed, in the order offered. */
static const char *const contexts[] = {"visit", "supervision", "conference"};
#define N_CONTEXTS (sizeof contexts / sizeof *contexts)

static void
ratings_free(void *p)
{
	struct ratings *r = p;

	cb_vec_clear(&r->ratings);
	cb_vec_clear(&r->meetings);
	free(r);
}

static const char *
direction(struct ui_app *app)
{
	return app->ref->rag_direction != NULL ? app->ref->rag_direction
	                                       : _("Red is the most worried, green the least.");
}

/* "on a visit", for a sentence. */
static const char *
where_phrase(const char *context)
{
	if (cb_streq(context, "visit"))
		return _("on a visit");
	if (cb_streq(context, "supervision"))
		return _("in group supervision");
	if (cb_streq(context, "conference"))
		return _("at a conference");
	return context != NULL ? context : "";
}

static const char *
rating_label(struct ui_app *app, const char *rating)
{
	return cb_reflist_label(&app->ref->ratings, rating);
}

/* The meeting a rating was agreed in, or NULL. */
static const struct cb_meeting *
agreed_in(const struct ratings *r, const struct cb_rating *x)
{
	size_t i;

	for (i = 0; x->meeting_id[0] != '\0' && i < r->meetings.len; i++) {
		const struct cb_meeting *m = r->meetings.items[i];

		if (strcmp(m->id, x->meeting_id) == 0)
			return m;
	}
	return NULL;
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct ratings *r = scr->state;
	struct cb_family *f = NULL;
	struct cb_err err = {0};
	size_t i;

	cb_vec_clear(&r->ratings);
	if (cb_store_family_get(app->store, r->family_id, &f, &err) == 0)
		ui_screen_family(scr, f);
	cb_family_free(&f);
	if (cb_store_rating_list(app->store, r->family_id, &r->ratings, &err) != 0)
		ui_fail(app, &err);
	/* The store gives them oldest first; the screen reads from the top. */
	for (i = 0; i < r->ratings.len / 2; i++) {
		void *t = r->ratings.items[i];

		r->ratings.items[i] = r->ratings.items[r->ratings.len - 1 - i];
		r->ratings.items[r->ratings.len - 1 - i] = t;
	}
	r->list.count = r->ratings.len;
	cb_vec_clear(&r->meetings);
	for (i = 0; i < r->ratings.len; i++) {
		const struct cb_rating *x = r->ratings.items[i];
		struct cb_meeting *m = NULL;

		if (x->meeting_id[0] == '\0' || agreed_in(r, x) != NULL)
			continue;
		if (cb_store_meeting_get(app->store, x->meeting_id, &m, &err) == 0)
			cb_vec_push(&r->meetings, m);
	}
}

/* "Agreed on DATE, on a visit", or for a rating agreed in group
 * supervision, the meeting and its chair: the team's judgement, not the
 * minute-taker's. */
static char *
agreed_line(const struct ratings *r, const struct cb_rating *x)
{
	const struct cb_meeting *m = agreed_in(r, x);
	char d[CB_DATE_LEN];

	cb_date_format(m != NULL ? m->date : x->date, d);
	if (m != NULL && !cb_str_empty(m->chair_name))
		return cb_asprintf(_("Agreed in group supervision on %s, chaired by %s"), d,
		                   m->chair_name);
	if (x->meeting_id[0] != '\0')
		return cb_asprintf(_("Agreed in group supervision on %s"), d);
	return cb_asprintf(_("Agreed on %s, %s"), d, where_phrase(x->context));
}

static int
rag_attr(struct ui_app *app, const char *rating)
{
	enum ui_color c = cb_streq(rating, "red")     ? UI_C_RED
	                  : cb_streq(rating, "amber") ? UI_C_AMBER
	                  : cb_streq(rating, "green") ? UI_C_GREEN
	                                              : UI_C_NORMAL;

	/* Without colour the banner is a reversed block with the word in it. */
	return app->color && c != UI_C_NORMAL ? ui_attr(app, c) | A_BOLD : A_REVERSE | A_BOLD;
}

/* The word, spaced out, on a block in the rating's colour. */
static void
draw_banner(struct ui_app *app, int y, int x, int w, const char *rating)
{
	int attr = rag_attr(app, rating), i;
	struct cb_buf word = {0};
	const char *label = rating_label(app, rating);
	size_t at = 0, n = strlen(label);
	int ww;

	/* Capitals (ASCII; other letters as written), a space between each. */
	while (at < n) {
		uint32_t cp;
		size_t len = cb_utf8_decode(label + at, n - at, &cp);

		if (word.len > 0)
			cb_buf_addc(&word, ' ');
		if (cp >= 'a' && cp <= 'z')
			cb_buf_addc(&word, (char)(cp - 'a' + 'A'));
		else
			cb_buf_addn(&word, label + at, len);
		at += len;
	}
	ww = (int)cb_utf8_width(cb_buf_str(&word));
	if (ww > w)
		ww = w;
	for (i = 0; i < 3; i++)
		ui_field(y + i, x, w, "", attr);
	ui_text(y + 1, x + (w - ww) / 2, w, cb_buf_str(&word), attr);
	cb_buf_free(&word);
}

static void
ratings_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct ratings *r = scr->state;
	const struct cb_rating *now;
	int y = top, w = app->cols - 2, bw = 21, rx = bw + 3, rw = app->cols - rx - 1, i, height;
	char d[CB_DATE_LEN];

	ui_text(y, 1, w, direction(app), A_BOLD);
	y += 2;
	if (r->ratings.len == 0) {
		ui_wrap(y, 2, w - 2, 3,
		        _("No risk rating yet. Press a to record the rating the team agreed, "
		          "with the reason for it."),
		        A_NORMAL, 0);
		return;
	}
	now = r->ratings.items[0];
	cb_date_format(now->date, d);
	ui_text(y - 1, 1, bw, _("Now:"), ui_attr(app, UI_C_DIM));
	draw_banner(app, y, 1, bw, now->rating);
	{
		char *line = agreed_line(r, now);
		const struct cb_refitem *def = cb_reflist_find(&app->ref->ratings, now->rating);

		int used, extra = 0;

		/* Beside the banner, wrapped, never cut: where and when it was
		 * agreed, and by whom; what the colour means goes underneath. */
		used = ui_wrap(y, rx, rw, 2, line, A_BOLD, 0);
		free(line);
		line = cb_asprintf(_("Agreed by: %s"),
		                   !cb_str_empty(now->agreed_by) ? now->agreed_by : _("not recorded"));
		used += ui_wrap(y + used, rx, rw, 3 - used, line, A_NORMAL, 0);
		free(line);
		if (def != NULL && def->meaning != NULL) {
			line = cb_asprintf(_("%s here means: %s"), rating_label(app, now->rating),
			                   def->meaning);
			if (used < 3 && ui_wrap_rows(line, rw) <= 3 - used) {
				ui_wrap(y + used, rx, rw, 3 - used, line, ui_attr(app, UI_C_DIM), 0);
			} else {
				extra = ui_wrap_rows(line, w) > 2 ? 2 : ui_wrap_rows(line, w);
				ui_wrap(y + 3, 1, w, extra, line, ui_attr(app, UI_C_DIM), 0);
				if (ui_wrap_rows(line, w) > extra)
					ui_field(y + 3 + extra - 1, app->cols - 16, 15, _(" … (Enter: all)"),
					         ui_attr(app, UI_C_DIM) | A_BOLD);
			}
			free(line);
		}
		y += extra;
	}
	y += 4;
	{
		int rows = ui_wrap_rows(now->rationale, w - 6), avail = bottom - y - 5;

		if (rows > 4)
			rows = 4;
		if (rows > avail)
			rows = avail > 1 ? avail : 1;
		ui_text(y, 1, 5, _("Why:"), A_BOLD);
		ui_wrap(y, 7, w - 6, rows, now->rationale, A_NORMAL, 0);
		if (ui_wrap_rows(now->rationale, w - 6) > rows)
			ui_field(y + rows - 1, app->cols - 16, 15, _(" … (Enter: all)"),
			         ui_attr(app, UI_C_DIM) | A_BOLD);
		y += rows + 1;
	}
	{
		char *head = cb_asprintf(_("All ratings, newest first (%zu)"), r->ratings.len);

		ui_text(y++, 1, w, head, A_BOLD);
		free(head);
	}
	ui_text(y, 1, 10, _("Date"), A_UNDERLINE);
	ui_text(y, 13, 6, _("Rating"), A_UNDERLINE);
	ui_text(y, 20, 17, _("Where agreed"), A_UNDERLINE);
	ui_text(y, 38, w - 37, _("Why"), A_UNDERLINE);
	y++;
	height = bottom - y;
	ui_list_fit(&r->list, height);
	for (i = 0; i < height && r->list.top + (size_t)i < r->ratings.len; i++) {
		size_t k = r->list.top + (size_t)i;
		const struct cb_rating *x = r->ratings.items[k];
		int attr = k == r->list.sel ? A_REVERSE : A_NORMAL;

		cb_date_format(x->date, d);
		ui_field(y + i, 0, app->cols, "", attr);
		ui_field(y + i, 1, 11, d, attr);
		ui_rag(app, y + i, 13, x->rating);
		ui_field(y + i, 20, 17, cb_rating_context_label(x->context), attr);
		ui_field(y + i, 38, app->cols - 39, x->rationale, attr);
	}
}

static struct cb_rating *
selected(struct ratings *r)
{
	return r->ratings.len > 0 ? r->ratings.items[r->list.sel] : NULL;
}

static char *
rating_text(struct ui_app *app, const struct ratings *r, const struct cb_rating *x)
{
	const struct cb_refitem *def = cb_reflist_find(&app->ref->ratings, x->rating);
	struct cb_buf b = {0};
	char d[CB_DATE_LEN], *word = cb_strdup(rating_label(app, x->rating)), *p;

	for (p = word; *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	cb_date_format(x->date, d);
	if (x->meeting_id[0] != '\0') {
		char *line = agreed_line(r, x);

		cb_buf_addf(&b, "%s. %s.\n", word, line);
		free(line);
	} else {
		cb_buf_addf(&b, _("%s, agreed on %s, %s.\n"), word, d, where_phrase(x->context));
	}
	cb_buf_addf(&b, _("Agreed by: %s\n"),
	            !cb_str_empty(x->agreed_by) ? x->agreed_by : _("not recorded"));
	cb_buf_addf(&b, x->meeting_id[0] != '\0' ? _("Minuted by %s at %.16s (version %d).\n")
	                                         : _("Recorded by %s at %.16s (version %d).\n"),
	            x->rev.created_by_name ? x->rev.created_by_name : "?", x->rev.created_at,
	            x->rev.version);
	cb_buf_addf(&b, "\n%s\n%s\n", _("Why"), x->rationale);
	if (def != NULL && def->meaning != NULL)
		cb_buf_addf(&b, "\n%s\n%s\n", _("What this colour means here"), def->meaning);
	cb_buf_addf(&b, "\n%s\n", direction(app));
	free(word);
	return cb_buf_take(&b);
}

static void
view_rating(struct ui_app *app, struct ui_screen *scr)
{
	struct cb_rating *x = selected(scr->state);
	char d[CB_DATE_LEN], *text, *title;

	if (x == NULL)
		return;
	cb_date_format(x->date, d);
	text = rating_text(app, scr->state, x);
	title = cb_asprintf(_("Risk rating of %s"), d);
	ui_open_text(app, title, text, scr);
	free(text);
	free(title);
}

static void
show_history(struct ui_app *app, struct ui_screen *scr, const struct cb_rating *x)
{
	struct cb_vec hist = CB_VEC_OWNING(cb_rating_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_rating_history(app->store, x->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		const struct cb_rating *h = hist.items[i];

		ui_version_push(&versions, &h->rev, rating_text(app, scr->state, h));
	}
	ui_open_history(app, _("History of the risk rating"), &versions, scr);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

static char *
rating_pick_label(struct ui_app *app, const void *p)
{
	const struct cb_rating *x = p;
	char d[CB_DATE_LEN];

	cb_date_format(x->date, d);
	return cb_asprintf(_("%s, rated on %s"), rating_label(app, x->rating), d);
}

/* h: the selected rating's history, or a retracted one's (which has left
 * the list). */
static void
rating_history(struct ui_app *app, struct ui_screen *scr)
{
	struct ratings *v = scr->state;
	const struct cb_rating *cur = selected(v);
	struct cb_vec gone = CB_VEC_OWNING(cb_rating_free_item);
	struct cb_err err = {0};
	const void *chosen;

	if (cb_store_rating_retracted(app->store, v->family_id, &gone, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	chosen = ui_pick_history(app, cur, &gone, offsetof(struct cb_rating, rev), rating_pick_label);
	if (chosen != NULL)
		show_history(app, scr, chosen);
	cb_vec_clear(&gone);
}

struct rating_save {
	struct cb_rating *rating;
};

static int
save_rating(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
            struct cb_err *err)
{
	struct rating_save *rs = ctx;
	int rc;

	if (cb_str_empty(text))
		return cb_err_set(err, CB_EINVAL,
		                  _("A rating needs its rationale: say why this colour. Nothing is "
		                    "saved yet."));
	free(rs->rating->rationale);
	rs->rating->rationale = cb_str_trim(text);
	if (cb_rating_check(rs->rating, app->ref, err) != 0)
		return -1;
	rc = cb_store_rating_add(app->store, rs->rating, err);
	if (rc != 0)
		memcpy(pending, rs->rating->rev.row_id, CB_UUID_LEN);
	return rc;
}

static void
add_rating(struct ui_app *app, struct ui_screen *scr)
{
	struct ratings *r = scr->state;
	size_t n = cb_reflist_len(&app->ref->ratings), i, initial = 0;
	struct ui_choice *colours = cb_calloc(n + 1, sizeof *colours);
	char **labels = cb_calloc(n + 1, sizeof *labels);
	struct ui_choice where[N_CONTEXTS];
	struct rating_save rs = {cb_rating_new()};
	const struct cb_help_entry *help = ui_help_find(app, "ratings");
	struct ui_edit e = {0};
	char *agreed = NULL, *key = NULL, *title = NULL, *question = NULL, d[CB_DATE_LEN];
	int pick, ctx;

	if (n == 0) {
		ui_error(app, _("No ratings are defined: data/rag.yaml lists red, amber and green."));
		goto out;
	}
	for (i = 0; i < n; i++) {
		const struct cb_refitem *it = cb_reflist_at(&app->ref->ratings, i);

		colours[i].label = it->label;
		colours[i].detail = it->meaning;
		if (r->ratings.len > 0 &&
		    cb_streq(it->id, ((struct cb_rating *)r->ratings.items[0])->rating)) {
			initial = i;
			labels[i] = cb_asprintf(_("%s (the rating now)"), it->label);
			colours[i].label = labels[i];
		}
	}
	question = cb_asprintf(_("Which rating? %s"), direction(app));
	pick = ui_pick(app, question, colours, n, initial);
	if (pick < 0)
		goto out;
	for (i = 0; i < N_CONTEXTS; i++)
		where[i] = (struct ui_choice){cb_rating_context_label(contexts[i]), NULL, false};
	ctx = ui_pick(app, _("Where was it agreed?"), where, N_CONTEXTS, 0);
	if (ctx < 0)
		goto out;
	if (ui_prompt_date(app, _("Agreed on"), cb_date_today(), &rs.rating->date) != 0)
		goto out;
	if (ui_prompt(app, _("Who agreed it? (names, as you would write them)"),
	              app->me != NULL ? app->me->name : "", &agreed, NULL, NULL, NULL) != 0)
		goto out;
	memcpy(rs.rating->family_id, r->family_id, CB_UUID_LEN);
	rs.rating->rating = cb_strdup(cb_reflist_at(&app->ref->ratings, (size_t)pick)->id);
	rs.rating->context = cb_strdup(contexts[ctx]);
	rs.rating->agreed_by = cb_str_empty(agreed) ? NULL : cb_str_trim(agreed);
	cb_date_format(rs.rating->date, d);
	key = cb_asprintf("rating:new:%s", r->family_id);
	title = cb_asprintf(_("%s, agreed on %s, %s: why?"),
	                    cb_reflist_at(&app->ref->ratings, (size_t)pick)->label, d,
	                    where_phrase(contexts[ctx]));
	e.title = title;
	e.label = _("Why this colour: what worries you, how soon harm could happen, what safety is "
	            "in place and what has changed. Required. Ctrl-S saves.");
	e.example = help != NULL ? help->good_recording : NULL;
	e.draft_key = key;
	e.family_id = r->family_id;
	/* An empty rationale reaches save_rating, which says what is missing. */
	e.allow_empty = true;
	e.save = save_rating;
	e.ctx = &rs;
	if (ui_edit_text(app, &e) == 0) {
		ui_say(app, _("Rating saved: %s from %s."),
		       cb_reflist_at(&app->ref->ratings, (size_t)pick)->label, d);
		reload(app, scr);
		r->list.sel = 0;
	}
out:
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(colours);
	free(agreed);
	free(key);
	free(title);
	free(question);
	cb_rating_free(&rs.rating);
}

/* A correction of the selected rating: colour, date, who agreed it and
 * why, each offered as it stands. */
struct rating_fix {
	struct cb_rating *rating;
	const char *colour;
	struct cb_date date;
	char *agreed;
	bool changed;
};

static int
save_fix(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
         struct cb_err *err)
{
	struct rating_fix *f = ctx;
	struct cb_rating *x = f->rating;
	char *why;
	int rc;

	if (cb_str_empty(text))
		return cb_err_set(err, CB_EINVAL,
		                  _("A rating needs its rationale: say why this colour. Nothing is "
		                    "saved yet."));
	why = cb_str_trim(text);
	f->changed = !cb_streq(why, x->rationale) || !cb_streq(f->colour, x->rating) ||
	             cb_date_cmp(f->date, x->date) != 0 ||
	             !cb_streq(cb_str_empty(f->agreed) ? NULL : f->agreed,
	                       cb_str_empty(x->agreed_by) ? NULL : x->agreed_by);
	if (!f->changed) {
		free(why);
		return 0;
	}
	free(x->rationale);
	x->rationale = why;
	free(x->rating);
	x->rating = cb_strdup(f->colour);
	x->date = f->date;
	free(x->agreed_by);
	x->agreed_by = cb_str_empty(f->agreed) ? NULL : cb_str_trim(f->agreed);
	if (cb_rating_check(x, app->ref, err) != 0)
		return -1;
	rc = cb_store_rating_correct(app->store, x, err);
	if (rc != 0)
		memcpy(pending, x->rev.row_id, CB_UUID_LEN);
	return rc;
}

static void
correct_rating(struct ui_app *app, struct ui_screen *scr)
{
	struct ratings *r = scr->state;
	struct cb_rating *x = selected(r);
	size_t n = cb_reflist_len(&app->ref->ratings), i, initial = 0;
	struct ui_choice *colours = NULL;
	char **labels = NULL, *key = NULL, *title = NULL;
	const struct cb_help_entry *help = ui_help_find(app, "ratings");
	struct rating_fix f = {x, NULL, {0, 0, 0}, NULL, false};
	struct ui_edit e = {0};
	int pick;

	if (x == NULL) {
		ui_error(app, _("There is no rating to correct here: press a to record one."));
		return;
	}
	colours = cb_calloc(n + 1, sizeof *colours);
	labels = cb_calloc(n + 1, sizeof *labels);
	for (i = 0; i < n; i++) {
		const struct cb_refitem *it = cb_reflist_at(&app->ref->ratings, i);

		colours[i].label = it->label;
		colours[i].detail = it->meaning;
		if (cb_streq(it->id, x->rating)) {
			initial = i;
			labels[i] = cb_asprintf(_("%s (as recorded)"), it->label);
			colours[i].label = labels[i];
		}
	}
	if ((pick = ui_pick(app, _("Correct the rating (Enter keeps it as recorded)"), colours, n,
	                    initial)) < 0)
		goto out;
	f.colour = cb_reflist_at(&app->ref->ratings, (size_t)pick)->id;
	if (ui_prompt_date(app, _("Agreed on"), x->date, &f.date) != 0)
		goto out;
	if (ui_prompt(app, _("Who agreed it? (names, as you would write them)"),
	              x->agreed_by != NULL ? x->agreed_by : "", &f.agreed, NULL, NULL, NULL) != 0)
		goto out;
	key = cb_asprintf("rating:%s", x->id);
	title = cb_asprintf(_("Correcting the rating: %s (a new version; the old one is kept)"),
	                    rating_label(app, f.colour));
	e.title = title;
	e.label = _("Why this colour. The earlier version stays in its history. Ctrl-S saves.");
	e.example = help != NULL ? help->good_recording : NULL;
	e.initial = x->rationale;
	e.base_rev = &x->rev;
	e.draft_key = key;
	e.family_id = r->family_id;
	e.allow_empty = true;
	e.save = save_fix;
	e.ctx = &f;
	if (ui_edit_text(app, &e) == 0) {
		if (f.changed)
			ui_say(app, _("Corrected: version %d; h shows the earlier one."), x->rev.version);
		else
			ui_say(app, _("Nothing was changed, so nothing was saved."));
	}
	{
		size_t sel = r->list.sel;

		reload(app, scr);
		if (sel < r->ratings.len)
			r->list.sel = sel;
	}
out:
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(colours);
	free(f.agreed);
	free(key);
	free(title);
}

static void
retract_rating(struct ui_app *app, struct ui_screen *scr)
{
	struct ratings *r = scr->state;
	const struct cb_rating *x = selected(r);
	struct cb_err err = {0};
	char *reason = NULL, *question, d[CB_DATE_LEN];

	if (x == NULL) {
		ui_error(app, _("There is no rating to retract here."));
		return;
	}
	cb_date_format(x->date, d);
	question = cb_asprintf(_("Retract the %s rating of %s? It stays in the history. Why?"),
	                       rating_label(app, x->rating), d);
	if (ui_prompt(app, question, "", &reason, ui_need_reason, NULL, NULL) == 0) {
		if (cb_store_rating_retract(app->store, x->id, x->rev.version, reason, &err) != 0)
			ui_fail(app, &err);
		else
			ui_say(app, _("Retracted; the rating and the reason stay in its history."));
		reload(app, scr);
		/* The one that took its place is selected. */
		if (r->list.sel >= r->ratings.len)
			r->list.sel = r->ratings.len > 0 ? r->ratings.len - 1 : 0;
	}
	free(reason);
	free(question);
}

static int
ratings_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct ratings *r = scr->state;

	(void)key;
	if (ui_list_move(&r->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_ADD: add_rating(app, scr); return UI_HANDLED;
	case UI_OPEN: view_rating(app, scr); return UI_HANDLED;
	case UI_HISTORY: rating_history(app, scr); return UI_HANDLED;
	case UI_EDIT: correct_rating(app, scr); return UI_HANDLED;
	case UI_RETRACT: retract_rating(app, scr); return UI_HANDLED;
	default: return 0;
	}
}

static const struct ui_screen_ops ratings_ops = {
	UI_SCR_RATINGS, "ratings", ratings_draw, ratings_key, reload, NULL, ratings_free,
};

void
ui_open_ratings(struct ui_app *app, const char *family_id)
{
	struct ratings *r = cb_calloc(1, sizeof *r);
	struct ui_screen *scr;

	snprintf(r->family_id, sizeof r->family_id, "%s", family_id);
	r->ratings = (struct cb_vec)CB_VEC_OWNING(cb_rating_free_item);
	r->meetings = (struct cb_vec)CB_VEC_OWNING(cb_meeting_free_item);
	scr = ui_screen_new(&ratings_ops, r, _("Risk ratings (Red-Amber-Green)"));
	reload(app, scr);
	ui_push(app, scr);
}
