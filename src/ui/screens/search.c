/* SPDX-License-Identifier: MIT */
/* Search: every family's notes and records (from the caseload), or one
 * family's (from its record), by their words. Each hit shows its date,
 * family, kind and the words around the match, the match in bold; Enter
 * opens the family and the record's whole text. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_search.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "casebook/vec.h"
#include "../ui.h"

/* What a screen shows at most: the most recently recorded hits. */
#define SEARCH_MAX_HITS 200
#define MARK_OPEN "\x01"
#define MARK_CLOSE "\x02"

struct hit {
	char family_id[CB_UUID_LEN];
	char record_id[CB_UUID_LEN];
	char *reference;
	char *kind;
	char *day;
	char *snippet;   /* the match between MARK_OPEN and MARK_CLOSE */
};

struct search {
	char family_id[CB_UUID_LEN];   /* "" for every family */
	char *text;
	struct cb_vec hits;            /* struct hit, newest recorded first */
	struct ui_list list;
};

static void
hit_free(void *p)
{
	struct hit *h = p;

	free(h->reference);
	free(h->kind);
	free(h->day);
	free(h->snippet);
	free(h);
}

static void
search_free(void *p)
{
	struct search *s = p;

	cb_vec_clear(&s->hits);
	free(s->text);
	free(s);
}

static const char *
kind_label(const char *kind)
{
	static const struct {
		const char *id, *label;
	} kinds[] = {
		{"family", N_("Family")}, {"person", N_("Person")}, {"note", N_("Note")},
		{"session", N_("Session")}, {"answer", N_("Module")}, {"goal", N_("Goal")},
		{"review", N_("Review")}, {"stage", N_("Change")}, {"rating", N_("Risk")},
		{"action", N_("Action")}, {"action-review", N_("Action")},
		{"addendum", N_("Addendum")}, {"supervision", N_("Supervision")},
	};
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].id, kind) == 0)
			return _(kinds[i].label);
	return kind;
}

static int
keep_hit(const struct cb_search_hit *h, void *ctx)
{
	struct search *s = ctx;
	struct hit *k = cb_calloc(1, sizeof *k);
	char *p;

	memcpy(k->family_id, h->family_id, CB_UUID_LEN);
	memcpy(k->record_id, h->record_id, CB_UUID_LEN);
	k->reference = cb_strdup(h->reference);
	k->kind = cb_strdup(h->kind);
	k->day = cb_strdup(h->day);
	k->snippet = cb_strdup(h->snippet);
	for (p = k->snippet; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	cb_vec_push(&s->hits, k);
	return 0;
}

static void
run_search(struct ui_app *app, struct search *s, bool audit)
{
	struct cb_search_query q = {s->text, s->family_id[0] != '\0' ? s->family_id : NULL,
	                            MARK_OPEN, MARK_CLOSE, SEARCH_MAX_HITS};
	struct cb_err err = {0};

	cb_vec_clear(&s->hits);
	s->list.sel = s->list.top = 0;
	/* A search is a look at what it finds: in the audit first (not its
	 * words, which may name someone). */
	if ((audit && cb_store_audit(app->store, "read", q.family_id != NULL ? "family" : "families",
	                             q.family_id, "search", &err) != 0) ||
	    cb_store_search_each(app->store, &q, keep_hit, s, &err) != 0)
		ui_fail(app, &err);
	s->list.count = s->hits.len;
}

/* The snippet from column x to the right edge, the match in bold. */
static void
draw_snippet(int y, int x, int width, const char *snippet, int attr)
{
	char *copy = cb_strdup(snippet), *p = copy;
	int bold = 0;

	while (*p != '\0' && width > 0) {
		size_t n = strcspn(p, MARK_OPEN MARK_CLOSE);
		char c = p[n];
		int w;

		p[n] = '\0';
		w = (int)cb_utf8_width(p);
		ui_text(y, x, width, p, attr | bold);
		x += w;
		width -= w;
		if (c == '\0')
			break;
		bold = c == MARK_OPEN[0] ? A_BOLD | A_UNDERLINE : 0;
		p += n + 1;
	}
	free(copy);
}

static void
search_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct search *s = scr->state;
	int height = bottom - top - 2, i;
	bool all = s->family_id[0] == '\0';
	int x_ref = 12, w_ref = all ? 12 : 0, x_kind = x_ref + (all ? w_ref + 1 : 0), w_kind = 11;
	int x_text = x_kind + w_kind + 1, w_text = app->cols - x_text - 1;
	char info[200];

	snprintf(info, sizeof info,
	         all ? ngettext("%zu hit for \"%s\" in every family (/: search again)",
	                        "%zu hits for \"%s\" in every family (/: search again)",
	                        s->hits.len)
	             : ngettext("%zu hit for \"%s\" in this family (/: search again)",
	                        "%zu hits for \"%s\" in this family (/: search again)",
	                        s->hits.len),
	         s->hits.len, s->text);
	ui_text(top, 1, app->cols - 2, info, ui_attr(app, UI_C_DIM));
	ui_text(top + 1, 1, 10, _("Date"), A_BOLD | A_UNDERLINE);
	if (all)
		ui_text(top + 1, x_ref, w_ref, _("Family"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_kind, w_kind, _("Kind"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_text, w_text, _("Found"), A_BOLD | A_UNDERLINE);
	if (s->hits.len == 0) {
		ui_wrap(top + 3, 2, app->cols - 4, 4,
		        _("Nothing found. Words are found from their start, in any case and "
		          "with or without accents. Press / to search again."),
		        A_NORMAL, 0);
		return;
	}
	ui_list_fit(&s->list, height);
	for (i = 0; i < height && s->list.top + (size_t)i < s->hits.len; i++) {
		size_t k = s->list.top + (size_t)i;
		const struct hit *h = s->hits.items[k];
		int y = top + 2 + i, attr = k == s->list.sel ? A_REVERSE : A_NORMAL;

		ui_field(y, 0, app->cols, "", attr);
		ui_field(y, 1, 10, h->day, attr);
		if (all)
			ui_field(y, x_ref, w_ref, h->reference, attr);
		ui_field(y, x_kind, w_kind, kind_label(h->kind), attr);
		draw_snippet(y, x_text, w_text, h->snippet, attr);
	}
}

/* Ask for the words; false when the worker backs out. */
static bool
ask(struct ui_app *app, struct search *s)
{
	char *text = NULL;

	if (ui_prompt(app,
	              s->family_id[0] != '\0'
	                  ? _("Search this family's notes and records for:")
	                  : _("Search every family's notes and records for:"),
	              s->text != NULL ? s->text : "", &text, NULL, NULL, NULL) != 0 ||
	    cb_str_empty(text)) {
		free(text);
		return false;
	}
	free(s->text);
	s->text = text;
	run_search(app, s, true);
	return true;
}

static void
open_hit(struct ui_app *app, struct search *s)
{
	const struct hit *h;
	struct cb_search_query q = {NULL, NULL, "", "", 0};
	struct cb_err err = {0};
	char *text = NULL, *title;

	if (s->hits.len == 0)
		return;
	h = s->hits.items[s->list.sel];
	q.text = s->text;
	if (cb_store_search_text(app->store, &q, h->record_id, &text, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	if (h->family_id[0] != '\0')
		ui_open_family(app, h->family_id);
	title = h->day[0] != '\0' ? cb_asprintf("%s, %s", kind_label(h->kind), h->day)
	                          : cb_strdup(kind_label(h->kind));
	ui_open_text(app, title, text, NULL);
	free(title);
	free(text);
}

static int
search_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct search *s = scr->state;

	(void)key;
	if (ui_list_move(&s->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_OPEN:
		open_hit(app, s);
		return UI_HANDLED;
	case UI_SEARCH:
		ask(app, s);
		return UI_HANDLED;
	default:
		return 0;
	}
}

static void
search_resume(struct ui_app *app, struct ui_screen *scr)
{
	struct search *s = scr->state;
	size_t sel = s->list.sel, top = s->list.top;

	/* A record may have been corrected or retracted meanwhile. */
	run_search(app, s, false);
	if (sel < s->list.count) {
		s->list.sel = sel;
		s->list.top = top;
	}
}

static const struct ui_screen_ops search_ops = {
	UI_SCR_SEARCH, "search", search_draw, search_key, search_resume, NULL, search_free,
};

void
ui_open_search(struct ui_app *app, const char *family_id)
{
	struct search *s = cb_calloc(1, sizeof *s);

	s->hits = (struct cb_vec)CB_VEC_OWNING(hit_free);
	if (family_id != NULL)
		snprintf(s->family_id, sizeof s->family_id, "%s", family_id);
	if (!ask(app, s)) {
		search_free(s);
		return;
	}
	ui_push(app, ui_screen_new(&search_ops, s, _("Search")));
}
