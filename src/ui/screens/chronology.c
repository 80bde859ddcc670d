/* SPDX-License-Identifier: MIT */
/* The chronology: notes, sessions, status changes, stages, ratings, goals
 * and group supervision in one dated timeline, newest first, read a page
 * at a time. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_views.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "../ui.h"

struct chrono {
	char family_id[CB_UUID_LEN];
	bool significant_only;
	struct ui_list list;
	struct cb_vec page;   /* struct cb_event from page_off */
	size_t page_off;
	bool stale;
};

static void
chrono_free(void *p)
{
	struct chrono *c = p;

	cb_vec_clear(&c->page);
	free(c);
}

static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct chrono *c = scr->state;
	struct cb_err err = {0};
	size_t n = 0;

	if (cb_store_chronology_count(app->store, c->family_id, c->significant_only, &n, &err) != 0)
		ui_fail(app, &err);
	c->list.count = n;
	c->stale = true;
	snprintf(scr->title, sizeof scr->title, "%s%s", _("Chronology"),
	         c->significant_only ? _(": significant events only") : "");
}

static void
fill(struct ui_app *app, struct chrono *c, size_t from, size_t n)
{
	struct cb_err err = {0};
	size_t end = from + n < c->list.count ? from + n : c->list.count;

	if (!c->stale && from >= c->page_off && end <= c->page_off + c->page.len)
		return;
	cb_vec_clear(&c->page);
	c->page_off = from;
	if (cb_store_chronology(app->store, c->family_id, c->significant_only, from, n * 2, &c->page,
	                        &err) != 0)
		ui_fail(app, &err);
	c->stale = false;
}

static const char *
kind_label(struct ui_app *app, const struct cb_event *e)
{
	if (strcmp(e->kind, "note") == 0)
		return cb_reflist_label(&app->ref->note_kinds, e->title);
	if (strcmp(e->kind, "session") == 0)
		return _("Programme session");
	if (strcmp(e->kind, "status") == 0)
		return _("Child's status");
	if (strcmp(e->kind, "stage") == 0)
		return _("Cycle of Change");
	if (strcmp(e->kind, "rating") == 0)
		return _("Risk rating");
	if (strcmp(e->kind, "goal") == 0)
		return _("Goal agreed");
	if (strcmp(e->kind, "review") == 0)
		return _("Goal reviewed");
	if (strcmp(e->kind, "supervision") == 0)
		return _("Group supervision");
	return e->kind;
}

/* The parts of a title the store joins with the unit separator. */
static size_t
split_title(const char *title, char *parts[3])
{
	char *copy = cb_strdup(title), *p = copy;
	size_t n = 0;

	while (n < 3) {
		char *sep = strchr(p, '\x1f');

		if (sep != NULL)
			*sep = '\0';
		parts[n++] = cb_strdup(p);
		if (sep == NULL)
			break;
		p = sep + 1;
	}
	free(copy);
	return n;
}

static const char *
stage_name(struct ui_app *app, const char *id)
{
	const struct cb_refitem *it = cb_reflist_find(&app->ref->stages, id);

	return it != NULL && it->name != NULL ? it->name : id;
}

/* Module titles for a session's module ids. */
static char *
module_titles(struct ui_app *app, const char *ids)
{
	struct cb_buf b = {0};
	char *copy = cb_strdup(ids != NULL ? ids : ""), *tok, *save = NULL;

	for (tok = strtok_r(copy, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
		const struct cb_module *m = cb_programme_find(app->prog, tok);

		cb_buf_addf(&b, "%s%s", b.len ? ", " : "", m != NULL ? m->title : tok);
	}
	free(copy);
	return cb_buf_take(&b);
}

/* The title in words: labels instead of the ids the store keeps. */
static char *
title_words(struct ui_app *app, const struct cb_event *e)
{
	char *parts[3] = {NULL, NULL, NULL}, *out;
	size_t n, i;

	if (strcmp(e->kind, "session") == 0)
		return module_titles(app, e->title);
	if (strcmp(e->kind, "stage") != 0 && strcmp(e->kind, "rating") != 0)
		return cb_strdup(e->title);
	n = split_title(e->title, parts);
	if (strcmp(e->kind, "stage") == 0 && n == 3)
		out = cb_asprintf("%s, %s: %s", parts[0], cb_reflist_label(&app->ref->issues, parts[1]),
		                  stage_name(app, parts[2]));
	else if (strcmp(e->kind, "rating") == 0 && n == 2)
		out = cb_asprintf("%s (%s)", cb_reflist_label(&app->ref->ratings, parts[0]),
		                  cb_rating_context_label(parts[1]));
	else
		out = cb_strdup(e->title);
	for (i = 0; i < n; i++)
		free(parts[i]);
	return out;
}

/* The one-line summary: a note shows its text; the others their title. */
static char *
summary(struct ui_app *app, const struct cb_event *e)
{
	char *t, *out;

	if (strcmp(e->kind, "note") == 0)
		return cb_strdup(e->detail);
	/* The store says "signed" or "draft"; the worker reads a sentence. */
	if (strcmp(e->kind, "supervision") == 0)
		return cb_asprintf(strcmp(e->detail, "signed") == 0 ? _("chaired by %s (signed off)")
		                                                    : _("chaired by %s (draft)"),
		                   e->title);
	/* A stage leads with the stage, the word that matters, so that a
	 * narrow row never cuts it: "Action: Ryan Price, Alcohol". */
	if (strcmp(e->kind, "stage") == 0) {
		char *parts[3] = {NULL, NULL, NULL};
		size_t n = split_title(e->title, parts), i;

		out = n == 3 ? cb_asprintf(_("%s: %s, %s"), stage_name(app, parts[2]), parts[0],
		                           cb_reflist_label(&app->ref->issues, parts[1]))
		             : cb_strdup(e->title);
		for (i = 0; i < n; i++)
			free(parts[i]);
		return out;
	}
	t = title_words(app, e);
	if (strcmp(e->kind, "session") == 0)
		out = cb_asprintf("%s: %s", t, e->detail);
	else
		out = cb_strdup(t);
	free(t);
	return out;
}

static void
chrono_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct chrono *c = scr->state;
	int height = bottom - top - 1, i, x_kind = 14, w_kind = 20;
	int x_text = x_kind + w_kind + 1, w_text = app->cols - x_text - 1;

	ui_text(top, 1, 11, _("Date"), A_BOLD | A_UNDERLINE);
	ui_text(top, x_kind, w_kind, _("What"), A_BOLD | A_UNDERLINE);
	ui_text(top, x_text, w_text, _("Summary"), A_BOLD | A_UNDERLINE);
	if (c->list.count == 0) {
		ui_wrap(top + 2, 2, app->cols - 4, 3,
		        c->significant_only ? _("No significant events yet. Press f to see everything.")
		                            : _("Nothing recorded for this family yet."),
		        A_NORMAL, 0);
		return;
	}
	ui_list_fit(&c->list, height);
	fill(app, c, c->list.top, (size_t)height);
	for (i = 0; i < height && c->list.top + (size_t)i < c->list.count; i++) {
		size_t k = c->list.top + (size_t)i;
		const struct cb_event *e;
		int y = top + 1 + i, attr = k == c->list.sel ? A_REVERSE : A_NORMAL;
		char date[CB_DATE_LEN + 2];
		char *s;

		if (k < c->page_off || k - c->page_off >= c->page.len)
			break;
		e = c->page.items[k - c->page_off];
		cb_date_format(e->date, date);
		if (e->significant)
			strcat(date, " *");
		ui_field(y, 0, app->cols, "", attr);
		ui_field(y, 1, 12, date, attr | (e->significant ? A_BOLD : 0));
		ui_field(y, x_kind, w_kind, kind_label(app, e), attr);
		s = summary(app, e);
		ui_field(y, x_text, w_text, s, attr);
		free(s);
	}
}

static void
view(struct ui_app *app, struct ui_screen *scr)
{
	struct chrono *c = scr->state;
	const struct cb_event *e;
	char date[CB_DATE_LEN];
	char *text, *title, *words;
	const char *detail;

	if (c->list.count == 0 || c->list.sel < c->page_off ||
	    c->list.sel - c->page_off >= c->page.len)
		return;
	e = c->page.items[c->list.sel - c->page_off];
	cb_date_format(e->date, date);
	words = title_words(app, e);
	detail = e->detail;
	if (strcmp(e->kind, "supervision") == 0)
		detail = strcmp(e->detail, "signed") == 0 ? _("The minutes are signed off.")
		                                          : _("The minutes are a draft.");
	text = cb_asprintf("%s, %s%s\n%s %s\n\n%s\n\n%s", date, kind_label(app, e),
	                   e->significant ? _(" (significant)") : "", _("Recorded by"),
	                   e->who ? e->who : "?", words, detail);
	free(words);
	title = cb_asprintf("%s: %s", _("Chronology"), date);
	ui_open_text(app, title, text, scr);
	free(text);
	free(title);
}

static int
chrono_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct chrono *c = scr->state;

	(void)key;
	if (ui_list_move(&c->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_OPEN:
		view(app, scr);
		return UI_HANDLED;
	case UI_FILTER:
		c->significant_only = !c->significant_only;
		c->list.sel = c->list.top = 0;
		reload(app, scr);
		return UI_HANDLED;
	case UI_SEARCH: {
		char *needle = NULL;
		size_t k;
		struct cb_vec all = CB_VEC_OWNING(cb_event_free_item);
		struct cb_err err = {0};

		if (ui_prompt(app, _("Find in the chronology:"), "", &needle, NULL, NULL, NULL) != 0)
			return UI_HANDLED;
		/* Search from the selection on, a page at a time. */
		for (k = c->list.sel + 1; k < c->list.count; k += 50) {
			size_t i;

			cb_vec_clear(&all);
			if (cb_store_chronology(app->store, c->family_id, c->significant_only, k, 50,
			                        &all, &err) != 0)
				break;
			for (i = 0; i < all.len; i++) {
				const struct cb_event *e = all.items[i];

				if (cb_text_matches(e->title, needle) ||
				    cb_text_matches(e->detail, needle)) {
					c->list.sel = k + i;
					goto found;
				}
			}
		}
		ui_error(app, _("Nothing further down mentions '%s'."), needle);
	found:
		cb_vec_clear(&all);
		free(needle);
		return UI_HANDLED;
	}
	default:
		return 0;
	}
}

static const struct ui_screen_ops chrono_ops = {
	UI_SCR_CHRONOLOGY, "chronology", chrono_draw, chrono_key, reload, NULL, chrono_free,
};

void
ui_open_chronology(struct ui_app *app, const char *family_id)
{
	struct chrono *c = cb_calloc(1, sizeof *c);
	struct ui_screen *scr;

	snprintf(c->family_id, sizeof c->family_id, "%s", family_id);
	c->page = (struct cb_vec)CB_VEC_OWNING(cb_event_free_item);
	scr = ui_screen_new(&chrono_ops, c, _("Chronology"));
	reload(app, scr);
	ui_push(app, scr);
}
