/* SPDX-License-Identifier: MIT */
/* The programme for one family: each module in programme order with how
 * far the family has got (not started, in progress, complete), how many
 * sessions and when it was last worked on; below them the family's
 * sessions, newest first; and at the foot the selected module's purpose
 * or the selected session's record. Modules that have left the programme
 * but hold answers for the family are listed too, so that nothing
 * recorded is out of reach. */
#include "config.h"

#include <stdio.h>
#include <stddef.h>
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
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/utf8.h"
#include "casebook/worker.h"
#include "programme.h"

/* Rows at the foot for the purpose or the session. */
#define DETAIL_ROWS 5

enum line_kind {
	L_COLUMNS,    /* the column headings */
	L_MODULE,
	L_GONE_HEAD,  /* "No longer in the programme" */
	L_BLANK,
	L_SESSIONS,   /* "Sessions" heading */
	L_SESSION,
	L_NOTE        /* a line of explanation */
};

struct line {
	enum line_kind kind;
	size_t item;            /* L_MODULE: index into progress; L_SESSION: into sessions */
};

struct programme {
	char family_id[CB_UUID_LEN];
	struct cb_family *family;
	struct cb_vec progress;  /* struct cb_progress: the programme's modules, then gone ones */
	size_t in_programme;     /* how many of progress are in the programme */
	struct cb_vec sessions;  /* struct cb_session, newest first */
	struct cb_vec people;    /* struct cb_person */
	struct cb_vec workers;   /* struct cb_worker, for names in sessions */
	struct cb_vec lines;     /* struct line */
	struct cb_vec items;     /* borrowed struct line *: the ones that can be chosen */
	struct cb_vec gone;      /* char *: ids of recorded modules the programme lacks */
	struct ui_list list;
	int scroll;              /* first line shown */
};

static void
programme_free(void *p)
{
	struct programme *g = p;

	cb_family_free(&g->family);
	cb_vec_clear(&g->progress);
	cb_vec_clear(&g->sessions);
	cb_vec_clear(&g->people);
	cb_vec_clear(&g->workers);
	cb_vec_clear(&g->items);
	cb_vec_clear(&g->lines);
	cb_vec_clear(&g->gone);
	free(g);
}

static void
add_line(struct programme *g, enum line_kind kind, size_t item)
{
	struct line *l = cb_calloc(1, sizeof *l);

	l->kind = kind;
	l->item = item;
	cb_vec_push(&g->lines, l);
	if (kind == L_MODULE || kind == L_SESSION)
		cb_vec_push(&g->items, l);
}

/* Ids of modules with answers (for any family) that the programme no
 * longer has. Read once when the screen opens: the screens cannot add
 * answers to a module the programme lacks. */
static void
gone_modules(struct ui_app *app, struct cb_vec *out)
{
	struct cb_vec recorded = CB_VEC_OWNING(cb_module_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_module_versions(app->store, &recorded, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < recorded.len; i++) {
		const struct cb_module_version *v = recorded.items[i];

		if (cb_programme_find(app->prog, v->module_id) == NULL)
			cb_vec_push(out, cb_strdup(v->module_id));
	}
	cb_vec_clear(&recorded);
}

static const struct cb_progress *
progress_at(const struct programme *g, size_t i)
{
	return g->progress.items[i];
}

static const char *
state_word(const struct cb_progress *p)
{
	if (p->complete)
		return _("complete");
	if (p->sessions + p->answers > 0)
		return _("in progress");
	return _("not started");
}

static void
set_title(struct ui_screen *scr)
{
	struct programme *g = scr->state;
	size_t i, done = 0, going = 0;
	char progress[112], sessions[44];

	for (i = 0; i < g->in_programme; i++) {
		const struct cb_progress *p = progress_at(g, i);

		if (p->complete)
			done++;
		else if (p->sessions + p->answers > 0)
			going++;
	}
	/* Two phrases, each with its own count in a form of its own. */
	snprintf(progress, sizeof progress, _("Programme: %zu of %zu complete, %zu in progress"),
	         done, g->in_programme, going);
	snprintf(sessions, sizeof sessions, ngettext("%zu session", "%zu sessions", g->sessions.len),
	         g->sessions.len);
	snprintf(scr->title, sizeof scr->title, _("%s, %s"), progress, sessions);
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct programme *g = scr->state;
	struct cb_vec ids = CB_VEC_BORROWING;
	struct cb_err err = {0};
	size_t i, gone_from;

	cb_family_free(&g->family);
	cb_vec_clear(&g->progress);
	cb_vec_clear(&g->sessions);
	cb_vec_clear(&g->people);
	cb_vec_clear(&g->workers);
	cb_vec_clear(&g->items);
	cb_vec_clear(&g->lines);
	g->in_programme = 0;
	if (cb_store_family_get(app->store, g->family_id, &g->family, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	ui_screen_family(scr, g->family);
	for (i = 0; i < app->prog->modules.len; i++) {
		const struct cb_module *m = app->prog->modules.items[i];

		if (m->kind == CB_MODULE_PROGRAMME) {
			cb_vec_push(&ids, m->id);
			g->in_programme++;
		}
	}
	for (i = 0; i < g->gone.len; i++)
		cb_vec_push(&ids, g->gone.items[i]);
	if (cb_store_progress(app->store, g->family_id, &ids, &g->progress, &err) != 0 ||
	    cb_store_session_list(app->store, g->family_id, &g->sessions, &err) != 0 ||
	    cb_store_person_list(app->store, g->family_id, &g->people, &err) != 0 ||
	    cb_store_worker_list(app->store, &g->workers, &err) != 0)
		ui_fail(app, &err);
	/* A gone module with no work for this family stays off the list. */
	for (i = g->progress.len; i > g->in_programme; i--) {
		const struct cb_progress *p = progress_at(g, i - 1);

		if (p->answers == 0 && p->sessions == 0)
			cb_vec_remove(&g->progress, i - 1);
	}
	if (g->progress.len < g->in_programme)
		g->in_programme = g->progress.len;
	add_line(g, L_COLUMNS, 0);
	gone_from = g->in_programme;
	for (i = 0; i < g->progress.len; i++) {
		if (i == gone_from) {
			add_line(g, L_BLANK, 0);
			add_line(g, L_GONE_HEAD, 0);
		}
		add_line(g, L_MODULE, i);
	}
	add_line(g, L_BLANK, 0);
	add_line(g, L_SESSIONS, 0);
	if (g->sessions.len == 0)
		add_line(g, L_NOTE, 0);
	for (i = 0; i < g->sessions.len; i++)
		add_line(g, L_SESSION, i);
	g->list.count = g->items.len;
	if (g->list.sel >= g->list.count)
		g->list.sel = g->list.count > 0 ? g->list.count - 1 : 0;
	set_title(scr);
	cb_vec_clear(&ids);
}

static const struct line *
selected(const struct programme *g)
{
	return g->items.len > 0 ? g->items.items[g->list.sel] : NULL;
}

static const struct cb_module *
module_of(struct ui_app *app, const struct cb_progress *p)
{
	const struct cb_module *m = cb_programme_find(app->prog, p->module_id);

	return m != NULL && m->kind == CB_MODULE_PROGRAMME ? m : NULL;
}

static const char *
module_title(struct ui_app *app, const char *id)
{
	const struct cb_module *m = cb_programme_find(app->prog, id);

	return m != NULL ? m->title : id;
}

/* "Drugs and alcohol +1" from "drugs-alcohol mental-health". */
static char *
session_modules(struct ui_app *app, const char *ids, bool all)
{
	struct cb_buf b = {0};
	char *copy = cb_strdup(ids != NULL ? ids : ""), *tok, *save = NULL;
	int more = 0;

	for (tok = strtok_r(copy, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
		if (b.len == 0 || all)
			cb_buf_addf(&b, "%s%s", b.len ? ", " : "", module_title(app, tok));
		else
			more++;
	}
	if (more > 0)
		cb_buf_addf(&b, " +%d", more);
	free(copy);
	return cb_buf_take(&b);
}

static const char *
name_of(const struct programme *g, const char *id)
{
	const char *n = ui_person_name(id, (void *)&g->people);
	size_t i;

	if (n != NULL)
		return n;
	for (i = 0; i < g->workers.len; i++) {
		const struct cb_worker *w = g->workers.items[i];

		if (cb_streq(w->id, id))
			return w->name;
	}
	return _("someone no longer recorded");
}

static char *
session_people(const struct programme *g, const char *ids)
{
	struct cb_buf b = {0};
	char *copy = cb_strdup(ids != NULL ? ids : ""), *tok, *save = NULL;

	for (tok = strtok_r(copy, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save))
		cb_buf_addf(&b, "%s%s", b.len ? ", " : "", name_of(g, tok));
	free(copy);
	return cb_buf_take(&b);
}

/* Drawing */

#define W_NUM 3
#define W_STATE 12
#define W_SESS 9
#define W_LAST 10

static void
draw_module(struct ui_app *app, struct programme *g, const struct line *l, int y, bool sel)
{
	const struct cb_progress *p = progress_at(g, l->item);
	const struct cb_module *m = module_of(app, p);
	int attr = sel ? A_REVERSE : A_NORMAL;
	int w_title = app->cols - 2 - W_NUM - W_STATE - W_SESS - W_LAST - 4;
	int x = 1;
	char num[16], sess[16], last[CB_DATE_LEN];

	ui_field(y, 0, app->cols, "", attr);
	if (m != NULL)
		snprintf(num, sizeof num, "%ld", m->order);
	else
		snprintf(num, sizeof num, "-");
	ui_field(y, x, W_NUM, num, attr);
	x += W_NUM + 1;
	ui_field(y, x, w_title, m != NULL ? m->title : p->module_id, attr);
	x += w_title + 1;
	ui_field(y, x, W_STATE, m != NULL ? state_word(p) : _("retired"),
	         attr | (p->complete ? A_BOLD : 0));
	x += W_STATE + 1;
	snprintf(sess, sizeof sess, "%*d", W_SESS - 1, p->sessions);
	ui_field(y, x, W_SESS, sess, attr);
	x += W_SESS + 1;
	if (cb_date_is_set(p->last))
		cb_date_format(p->last, last);
	else
		snprintf(last, sizeof last, "-");
	ui_field(y, x, W_LAST, last, attr);
}

static void
draw_session(struct ui_app *app, struct programme *g, const struct line *l, int y, bool sel)
{
	const struct cb_session *s = g->sessions.items[l->item];
	int attr = sel ? A_REVERSE : A_NORMAL, w_mod = 24;
	char date[CB_DATE_LEN];
	char *mods = session_modules(app, s->modules, false);

	cb_date_format(s->date, date);
	ui_field(y, 0, app->cols, "", attr);
	ui_field(y, 1, 11, date, attr);
	ui_field(y, 13, w_mod, mods, attr);
	ui_field(y, 14 + w_mod, app->cols - 15 - w_mod, s->covered, attr);
	free(mods);
}

static void
draw_line(struct ui_app *app, struct programme *g, const struct line *l, int y, bool sel)
{
	int w_title = app->cols - 2 - W_NUM - W_STATE - W_SESS - W_LAST - 4;
	int head = A_BOLD | A_UNDERLINE;

	switch (l->kind) {
	case L_COLUMNS: {
		int x = 1 + W_NUM + 1;

		ui_text(y, 1, W_NUM, "#", head);
		ui_text(y, x, w_title, _("Module"), head);
		x += w_title + 1;
		ui_text(y, x, W_STATE, _("Progress"), head);
		x += W_STATE + 1;
		ui_text(y, x, W_SESS, _("Sessions"), head);
		x += W_SESS + 1;
		ui_text(y, x, W_LAST, _("Last work"), head);
		break;
	}
	case L_MODULE: draw_module(app, g, l, y, sel); break;
	case L_GONE_HEAD:
		ui_text(y, 1, app->cols - 2,
		        _("No longer in the programme, kept with what was recorded:"), A_BOLD);
		break;
	case L_SESSIONS: {
		char *t = cb_asprintf(_("Sessions, newest first (%zu)"), g->sessions.len);

		ui_text(y, 1, app->cols - 2, t, head);
		free(t);
		break;
	}
	case L_SESSION: draw_session(app, g, l, y, sel); break;
	case L_NOTE:
		ui_text(y, 2, app->cols - 4, _("No sessions recorded yet: press r to record one."),
		        ui_attr(app, UI_C_DIM));
		break;
	case L_BLANK: break;
	}
}

static size_t
line_index(const struct programme *g, const struct line *l)
{
	size_t i;

	for (i = 0; i < g->lines.len; i++)
		if (g->lines.items[i] == l)
			return i;
	return 0;
}

static char *
detail_text(struct ui_app *app, const struct programme *g)
{
	const struct line *l = selected(g);

	if (l == NULL)
		return cb_strdup("");
	if (l->kind == L_MODULE) {
		const struct cb_progress *p = progress_at(g, l->item);
		const struct cb_module *m = module_of(app, p);
		struct cb_buf b = {0};
		size_t i;

		if (m == NULL)
			return cb_asprintf(_("This module is no longer in the programme. %d answers were "
			                     "recorded in it for this family: Enter shows them, read-only."),
			                   p->answers);
		cb_buf_add(&b, m->purpose);
		if (m->led_by.len > 0) {
			cb_buf_addf(&b, "\n%s ", _("Led by:"));
			for (i = 0; i < m->led_by.len; i++)
				cb_buf_addf(&b, "%s%s", i ? ", " : "", ui_role_label(app, m->led_by.items[i]));
			cb_buf_add(&b, ".");
		}
		cb_buf_addf(&b, ngettext(" %d answer recorded.", " %d answers recorded.", p->answers),
		            p->answers);
		return cb_buf_take(&b);
	} else {
		const struct cb_session *s = g->sessions.items[l->item];
		char *who = session_people(g, s->present), *out;
		char *mods = session_modules(app, s->modules, true);

		/* The row cuts the modules to fit; here they are whole. */
		out = cb_asprintf(_("Modules: %s.\nWho was there: %s.\n%s"), mods, who, s->covered);
		free(mods);
		free(who);
		return out;
	}
}

static void
programme_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct programme *g = scr->state;
	const struct line *sel = selected(g);
	char *text;
	int detail, height, i, need, room, cap;

	if (g->family == NULL) {
		ui_text(top, 2, app->cols - 4, _("This family could not be opened."), A_BOLD);
		return;
	}
	/* The foot takes what the text needs, at least DETAIL_ROWS, and more
	 * when the list leaves room: the modules, a heading and two sessions. */
	text = detail_text(app, g);
	need = ui_wrap_rows(text, app->cols - 2);
	room = bottom - top - 1 - (int)(g->in_programme + 5);
	cap = room > DETAIL_ROWS ? room : DETAIL_ROWS;
	detail = need < cap ? need : cap;
	height = bottom - top - detail - 1;
	if (height < 4) {
		height = bottom - top;
		detail = 0;
	}
	if (sel != NULL) {
		int at = (int)line_index(g, sel), want = at;

		/* Keep the heading of the first module or session in view. */
		if (g->list.sel == 0 || (sel->kind == L_SESSION && sel->item == 0) ||
		    (sel->kind == L_MODULE && sel->item == g->in_programme))
			want = at - (sel->kind == L_MODULE && sel->item == 0 ? 1 : 2);
		if (want < 0)
			want = 0;
		if (want < g->scroll)
			g->scroll = want;
		if (at >= g->scroll + height)
			g->scroll = at - height + 1;
	}
	if (g->scroll > (int)g->lines.len - height)
		g->scroll = (int)g->lines.len - height;
	if (g->scroll < 0)
		g->scroll = 0;
	g->list.height = height;
	for (i = 0; i < height && (size_t)(g->scroll + i) < g->lines.len; i++) {
		const struct line *l = g->lines.items[(size_t)(g->scroll + i)];

		draw_line(app, g, l, top + i, l == sel);
	}
	if (detail > 0) {
		ui_hline(bottom - detail - 1, 0, app->cols);
		ui_wrap(bottom - detail, 1, app->cols - 2, detail, text, A_NORMAL, 0);
	}
	free(text);
}

/* Keys */

static void
open_selected(struct ui_app *app, struct ui_screen *scr)
{
	struct programme *g = scr->state;
	const struct line *l = selected(g);

	if (l == NULL)
		return;
	if (l->kind == L_MODULE) {
		ui_open_module(app, g->family_id, progress_at(g, l->item)->module_id);
	} else {
		const struct cb_session *s = g->sessions.items[l->item];
		char date[CB_DATE_LEN];
		char *who = session_people(g, s->present), *mods = session_modules(app, s->modules, true);
		char *text, *title;

		cb_date_format(s->date, date);
		text = cb_asprintf(_("Session on %s\nModules: %s\nWho was there: %s\nRecorded by %s, "
		                     "%.16s (version %d).\n\n%s"),
		                   date, mods, who,
		                   s->rev.created_by_name != NULL ? s->rev.created_by_name : "?",
		                   s->rev.created_at, s->rev.version, s->covered);
		title = cb_asprintf(_("Session of %s"), date);
		ui_open_text(app, title, text, scr);
		free(who);
		free(mods);
		free(text);
		free(title);
	}
}

static void
record_session(struct ui_app *app, struct ui_screen *scr)
{
	struct programme *g = scr->state;
	const struct line *l = selected(g);
	bool on_module = l != NULL && l->kind == L_MODULE;
	char *module_id = NULL;
	size_t i;

	if (on_module && module_of(app, progress_at(g, l->item)) != NULL)
		module_id = cb_strdup(progress_at(g, l->item)->module_id);
	if (ui_session_record(app, g->family_id, scr->family_label, module_id) == 0) {
		reload(app, scr);
		/* From a module, stay on it to see its count go up; otherwise
		 * show the new session (newest first, after the modules). */
		for (i = 0; !on_module && i < g->items.len; i++)
			if (((const struct line *)g->items.items[i])->kind == L_SESSION) {
				g->list.sel = i;
				break;
			}
	}
	free(module_id);
}

static struct cb_session *
selected_session(struct programme *g)
{
	const struct line *l = selected(g);

	return l != NULL && l->kind == L_SESSION ? g->sessions.items[l->item] : NULL;
}

struct session_fix {
	struct cb_session *session;
	bool unchanged;      /* nothing was changed: not saved */
};

static int
save_correction(struct ui_app *app, const char *text, void *ctx, char pending[CB_UUID_LEN],
                struct cb_err *err)
{
	struct session_fix *fix = ctx;
	struct cb_session *s = fix->session;
	int rc;

	if (cb_streq(text, s->covered)) {
		fix->unchanged = true;
		return 0;
	}
	free(s->covered);
	s->covered = cb_strdup(text);
	rc = cb_store_session_correct(app->store, s, err);
	if (rc != 0)
		memcpy(pending, s->rev.row_id, CB_UUID_LEN);
	return rc;
}

/* Correct what a session covered: a new version, the old one kept. */
static void
correct_session(struct ui_app *app, struct ui_screen *scr)
{
	struct programme *g = scr->state;
	struct cb_session *s = selected_session(g);
	struct session_fix fix = {s, false};
	struct ui_edit e = {0};
	char *key;

	if (s == NULL) {
		ui_say(app, _("Choose a session below the modules to correct it."));
		return;
	}
	{
		struct ui_choice parts[4];
		char date[CB_DATE_LEN], *when;
		int part;

		cb_date_format(s->date, date);
		when = cb_asprintf(_("The date: %s"), date);
		parts[0] = (struct ui_choice){when, NULL, false};
		parts[1] = (struct ui_choice){_("Who was there"), NULL, false};
		parts[2] = (struct ui_choice){_("The modules worked on"), NULL, false};
		parts[3] = (struct ui_choice){_("What the session covered"), NULL, false};
		part = ui_pick(app, _("Correct what in the session? (a new version; the old one is "
		                      "kept)"),
		               parts, 4, 3);
		free(when);
		if (part < 0)
			return;
		if (part < 3) {
			char id[CB_UUID_LEN];
			size_t i;

			memcpy(id, s->id, CB_UUID_LEN);
			ui_session_correct(app, s, part);
			reload(app, scr);
			/* A new date may move it in the list: the selection goes
			 * with it. */
			for (i = 0; i < g->items.len; i++) {
				const struct line *l = g->items.items[i];

				if (l->kind == L_SESSION &&
				    cb_streq(((const struct cb_session *)g->sessions.items[l->item])->id, id))
					g->list.sel = i;
			}
			return;
		}
	}
	key = cb_asprintf("session:%s", s->id);
	e.title = _("Correcting a session (a new version; the old one is kept)");
	e.label = _("What the session covered. The earlier version stays in its history. "
	            "Ctrl-S saves.");
	e.example = ui_session_example(app);
	e.initial = s->covered;
	e.base_rev = &s->rev;
	e.draft_key = key;
	e.family_id = g->family_id;
	e.save = save_correction;
	e.ctx = &fix;
	if (ui_edit_text(app, &e) == 0) {
		if (fix.unchanged)
			ui_say(app, _("Nothing was changed, so nothing was saved."));
		else
			ui_say(app, _("Corrected: version %d."), s->rev.version);
	}
	free(key);
	reload(app, scr);
}

static void
show_history(struct ui_app *app, struct ui_screen *scr, const struct cb_session *s)
{
	struct programme *g = scr->state;
	struct cb_vec hist = CB_VEC_OWNING(cb_session_free_item);
	struct cb_vec versions = CB_VEC_OWNING(ui_version_free_item);
	struct cb_err err = {0};
	size_t i;

	if (cb_store_session_history(app->store, s->id, &hist, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	for (i = 0; i < hist.len; i++) {
		const struct cb_session *x = hist.items[i];
		char date[CB_DATE_LEN];

		char *mods = session_modules(app, x->modules, true), *who = session_people(g, x->present);

		cb_date_format(x->date, date);
		/* The modules by title, the people by name: never their ids. */
		ui_version_push(&versions, &x->rev,
		                cb_asprintf(_("%s: %s\nWho was there: %s.\n%s"), date, mods, who,
		                            x->covered));
		free(mods);
		free(who);
	}
	ui_open_history(app, _("History of the session"), &versions, scr);
	cb_vec_clear(&versions);
	cb_vec_clear(&hist);
}

static char *
session_label(struct ui_app *app, const void *p)
{
	const struct cb_session *s = p;
	char date[CB_DATE_LEN], *mods = session_modules(app, s->modules, true), *out;

	cb_date_format(s->date, date);
	out = cb_asprintf(_("Session of %s: %s"), date, mods);
	free(mods);
	return out;
}

/* h: the selected session's history, or a retracted session's (which has
 * left the list). */
static void
session_history(struct ui_app *app, struct ui_screen *scr)
{
	struct programme *g = scr->state;
	const struct cb_session *cur = selected_session(g);
	struct cb_vec gone = CB_VEC_OWNING(cb_session_free_item);
	struct cb_err err = {0};
	const void *chosen;

	if (cb_store_session_retracted(app->store, g->family_id, &gone, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	if (cur == NULL && gone.len == 0) {
		ui_say(app, _("Choose a session below the modules; a module's answers have their "
		              "history in the module (h)."));
		cb_vec_clear(&gone);
		return;
	}
	chosen = ui_pick_history(app, cur, &gone, offsetof(struct cb_session, rev), session_label);
	if (chosen != NULL)
		show_history(app, scr, chosen);
	cb_vec_clear(&gone);
}

static void
retract_session(struct ui_app *app, struct ui_screen *scr)
{
	struct programme *g = scr->state;
	struct cb_session *s = selected_session(g);
	struct cb_err err = {0};
	char *reason = NULL;

	if (s == NULL) {
		ui_say(app, _("Choose a session below the modules to retract it."));
		return;
	}
	if (ui_prompt(app, _("Retract this session? It stays in the history. Why?"), "", &reason,
	              ui_need_reason, NULL, NULL) != 0)
		return;
	if (cb_store_session_retract(app->store, s->id, s->rev.version, reason, &err) != 0)
		ui_fail(app, &err);
	else
		ui_say(app, _("Retracted; the session and the reason stay in its history."));
	free(reason);
	reload(app, scr);
}

/* Required fields still without an answer in a module, for the warning
 * before it is marked complete. */
static size_t
required_missing(struct ui_app *app, const struct programme *g, const struct cb_module *m)
{
	struct cb_vec answers = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_form form;
	struct cb_err err = {0};
	size_t n;

	cb_form_init(&form);
	if (cb_store_answer_list(app->store, g->family_id, m->id, NULL, &answers, &err) != 0) {
		cb_vec_clear(&answers);
		return 0;
	}
	cb_form_build(&form, m, &g->people, &answers);
	n = form.required_missing;
	cb_form_clear(&form);
	cb_vec_clear(&answers);
	return n;
}

static void
toggle_complete(struct ui_app *app, struct ui_screen *scr)
{
	struct programme *g = scr->state;
	const struct line *l = selected(g);
	const struct cb_progress *p;
	const struct cb_module *m;
	struct cb_err err = {0};
	char *q;
	bool ok;

	if (l == NULL || l->kind != L_MODULE) {
		ui_say(app, _("Choose a module first: x marks it complete, or opens it again."));
		return;
	}
	p = progress_at(g, l->item);
	if ((m = module_of(app, p)) == NULL) {
		ui_error(app, _("This module is no longer in the programme: it cannot be marked."));
		return;
	}
	if (p->complete) {
		q = cb_asprintf(_("Open \"%s\" again (it is marked complete)?"), m->title);
	} else {
		size_t missing = required_missing(app, g, m);

		/* The warning sits on the status line, above the question. */
		if (missing > 0)
			ui_error(app, ngettext("%zu required field is not answered yet in %s.",
			                       "%zu required fields are not answered yet in %s.", missing),
			         missing, m->title);
		q = cb_asprintf(missing > 0 ? _("Mark \"%s\" complete anyway?")
		                            : _("Mark \"%s\" complete for this family?"),
		                m->title);
	}
	ok = ui_confirm(app, q);
	free(q);
	app->status[0] = '\0';
	if (!ok)
		return;
	if (cb_store_module_mark(app->store, g->family_id, m->id, !p->complete, cb_date_today(),
	                         &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	ui_say(app, p->complete ? _("Open again: %s.") : _("Marked complete: %s."), m->title);
	reload(app, scr);
}

static bool
line_matches(struct ui_app *app, const struct programme *g, const struct line *l,
             const char *needle)
{
	if (l->kind == L_MODULE) {
		const struct cb_progress *p = progress_at(g, l->item);
		const struct cb_module *m = module_of(app, p);

		return cb_text_matches(m != NULL ? m->title : p->module_id, needle) ||
		       (m != NULL && cb_text_matches(m->purpose, needle));
	} else {
		const struct cb_session *s = g->sessions.items[l->item];
		char *mods = session_modules(app, s->modules, true);
		bool hit = cb_text_matches(s->covered, needle) || cb_text_matches(mods, needle);

		free(mods);
		return hit;
	}
}

static void
find(struct ui_app *app, struct programme *g)
{
	char *needle = NULL;
	size_t i, n = g->items.len;

	if (ui_prompt(app, _("Find a module or a session mentioning:"), "", &needle, NULL, NULL,
	              NULL) != 0)
		return;
	for (i = 1; i <= n && !cb_str_empty(needle); i++) {
		size_t k = (g->list.sel + i) % n;

		if (line_matches(app, g, g->items.items[k], needle)) {
			g->list.sel = k;
			break;
		}
	}
	if (i > n || cb_str_empty(needle))
		ui_error(app, _("No module or session mentions '%s'."), needle);
	free(needle);
}

static int
programme_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct programme *g = scr->state;

	(void)key;
	if (g->family == NULL)
		return 0;
	if (ui_list_move(&g->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_OPEN: open_selected(app, scr); return UI_HANDLED;
	case UI_SESSION: record_session(app, scr); return UI_HANDLED;
	case UI_COMPLETE: toggle_complete(app, scr); return UI_HANDLED;
	case UI_EDIT: correct_session(app, scr); return UI_HANDLED;
	case UI_HISTORY: session_history(app, scr); return UI_HANDLED;
	case UI_RETRACT: retract_session(app, scr); return UI_HANDLED;
	case UI_SEARCH: find(app, g); return UI_HANDLED;
	default: return 0;
	}
}

static const struct ui_screen_ops programme_ops = {
	UI_SCR_PROGRAMME, "programme", programme_draw, programme_key, reload, NULL, programme_free,
};

void
ui_open_programme(struct ui_app *app, const char *family_id)
{
	struct programme *g = cb_calloc(1, sizeof *g);
	struct ui_screen *scr;

	snprintf(g->family_id, sizeof g->family_id, "%s", family_id);
	g->progress = (struct cb_vec)CB_VEC_OWNING(cb_progress_free_item);
	g->sessions = (struct cb_vec)CB_VEC_OWNING(cb_session_free_item);
	g->people = (struct cb_vec)CB_VEC_OWNING(cb_person_free_item);
	g->workers = (struct cb_vec)CB_VEC_OWNING(cb_worker_free_item);
	g->lines = (struct cb_vec)CB_VEC_OWNING(free);
	g->items = (struct cb_vec)CB_VEC_BORROWING;
	g->gone = (struct cb_vec)CB_VEC_OWNING(free);
	gone_modules(app, &g->gone);
	scr = ui_screen_new(&programme_ops, g, _("Programme"));
	reload(app, scr);
	ui_push(app, scr);
}
