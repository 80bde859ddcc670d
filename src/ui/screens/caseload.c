/* SPDX-License-Identifier: MIT */
/* The caseload: my families, or the whole team's. Only the rows on screen
 * are read from the database, a page at a time, so it opens at once on a
 * database of thousands of families. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_server.h"
#include "casebook/store_views.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "casebook/worker.h"
#include "../ui.h"

/* A family is flagged when its last group supervision is older than this. */
#define SUPERVISION_DAYS 31

struct caseload {
	bool team;                   /* the whole team, not only mine */
	char *filter;
	enum cb_caseload_sort sort;
	struct ui_list list;
	struct cb_vec rows;          /* struct cb_caseload_row, from cache_off */
	size_t cache_off;
	bool stale;
	int height;                  /* the list's lines when last drawn */
	unsigned long long rows_gen; /* the store's generation rows were read at */
	char rows_me[CB_UUID_LEN];   /* and the worker they were read for */
	bool rows_read;
	char sync_info[160];         /* "synced ..., n waiting", or "" before any sync */
	unsigned long long sync_gen; /* the store's generation sync_info was read at */
	bool sync_read;
};

/* When this laptop last synced and what waits to be sent, read when the
 * caseload is shown rather than on every key (it counts every table),
 * and again only if the database changed since (back from a family that
 * was only read, it is not counted again). */
static void
sync_refresh(struct ui_app *app, struct caseload *c)
{
	struct cb_err err = {0};
	char *last = NULL;
	long waiting = 0, open = 0;
	unsigned long long gen = cb_store_generation(app->store);

	if (c->sync_read && gen == c->sync_gen)
		return;
	c->sync_read = true;
	c->sync_gen = gen;
	c->sync_info[0] = '\0';
	if (cb_sync_status(app->store, &last, &waiting, &err) != 0 || last == NULL) {
		free(last);
		return;
	}
	/* "2026-12-03T03:41:07.123Z" -> "2026-12-03 03:41 UTC", or "03:41 UTC"
	 * today, so that conflicts fit the line too. */
	if (strlen(last) >= 16) {
		char now[CB_STAMP_LEN];

		cb_stamp_now(now);
		last[10] = ' ', last[16] = '\0';
		if (strncmp(now, last, 10) == 0)
			memmove(last, last + 11, strlen(last + 11) + 1);
	}
	if (cb_conflict_count(app->store, &open, &err) == 0 && open > 0)
		snprintf(c->sync_info, sizeof c->sync_info,
		         _("conflicts: %ld (C), synced %s UTC, waiting: %ld"), open, last, waiting);
	else
		snprintf(c->sync_info, sizeof c->sync_info, _("synced %s UTC, waiting: %ld"), last,
		         waiting);
	free(last);
}

static void
caseload_free(void *p)
{
	struct caseload *c = p;

	cb_vec_clear(&c->rows);
	free(c->filter);
	free(c);
}

static struct cb_caseload_query
query(struct ui_app *app, struct caseload *c)
{
	struct cb_caseload_query q;

	q.worker_id = c->team ? NULL : app->me->id;
	q.filter = c->filter;
	q.sort = c->sort;
	q.today = cb_date_today();
	return q;
}

/* Count the families and read the page from the top shown, in one go
 * where the store can (the count of a worker's own caseload comes with
 * its first page; the team's unfiltered count is kept by the store). */
static void
recount(struct ui_app *app, struct caseload *c)
{
	struct cb_caseload_query q = query(app, c);
	struct cb_err err = {0};
	int height = c->height > 0 ? c->height : app->rows;
	size_t n = 0;

	cb_vec_clear(&c->rows);
	c->cache_off = c->list.top;
	/* Only the page shown: each row reads several tables, and the next
	 * page is read when it is needed (fill). */
	c->stale = cb_store_caseload_page(app->store, &q, c->cache_off, (size_t)height, &c->rows,
	                                  &n, &err) != 0;
	if (c->stale)
		ui_fail(app, &err);
	c->list.count = n;
	c->rows_gen = cb_store_generation(app->store);
	memcpy(c->rows_me, app->me->id, CB_UUID_LEN);
	c->rows_read = true;
}

/* Make sure the rows from top for height are read. */
static void
fill(struct ui_app *app, struct caseload *c, int height)
{
	struct cb_caseload_query q = query(app, c);
	struct cb_err err = {0};

	size_t want_end = c->list.top + (size_t)height;

	c->height = height;
	if (want_end > c->list.count)
		want_end = c->list.count;
	if (!c->stale && c->list.top >= c->cache_off && want_end <= c->cache_off + c->rows.len)
		return;
	cb_vec_clear(&c->rows);
	c->cache_off = c->list.top;
	/* Read a little more than a page, so small moves need no query. */
	if (cb_store_caseload(app->store, &q, c->cache_off, (size_t)height * 2, &c->rows, &err) != 0)
		ui_fail(app, &err);
	c->stale = false;
}

static const char *
sort_name(enum cb_caseload_sort s)
{
	switch (s) {
	case CB_SORT_REFERENCE: return _("reference");
	case CB_SORT_NAME: return _("name");
	case CB_SORT_RATING: return _("risk rating");
	case CB_SORT_SUPERVISION: return _("last supervision");
	}
	return "";
}

/* "CP×2 CIN" from "CP CP CIN". */
static char *
statuses(const char *s)
{
	struct cb_buf b = {0};
	char *copy = cb_strdup(s != NULL ? s : ""), *tok, *save = NULL;
	char seen[16][8];
	int counts[16], n = 0, i;

	for (tok = strtok_r(copy, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
		for (i = 0; i < n; i++)
			if (strcmp(seen[i], tok) == 0)
				break;
		if (i == n && n < 16) {
			snprintf(seen[n], sizeof seen[n], "%s", tok);
			counts[n++] = 0;
		}
		if (i < 16)
			counts[i]++;
	}
	for (i = 0; i < n; i++) {
		if (b.len > 0)
			cb_buf_addc(&b, ' ');
		if (counts[i] > 1)
			cb_buf_addf(&b, "%s\xc3\x97%d", seen[i], counts[i]);
		else
			cb_buf_add(&b, seen[i]);
	}
	free(copy);
	return cb_buf_take(&b);
}

static void
caseload_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct caseload *c = scr->state;
	struct cb_date today = cb_date_today();
	int height = bottom - top - 2, i;
	int name_w = app->cols - 1 - 13 - 14 - 7 - 13 - 8;
	int x_name = 14, x_child = x_name + name_w + 1, x_rag = x_child + 14,
	    x_sup = x_rag + 7, x_due = x_sup + 13;
	char info[200], count[64], order[64];

	/* Three phrases, each whole in itself: who, how many, what order. */
	snprintf(count, sizeof count, ngettext("%zu family", "%zu families", c->list.count),
	         c->list.count);
	snprintf(order, sizeof order, _("by %s"), sort_name(c->sort));
	if (c->filter != NULL && c->filter[0])
		snprintf(info, sizeof info, _("%s, %s, %s, matching %s"),
		         c->team ? _("Whole team") : _("Allocated to me"), count, order, c->filter);
	else
		snprintf(info, sizeof info, _("%s, %s, %s"),
		         c->team ? _("Whole team") : _("Allocated to me"), count, order);
	if (c->sync_info[0] != '\0') {
		int w = (int)cb_utf8_width(c->sync_info);

		if (w + (int)cb_utf8_width(info) + 4 <= app->cols) {
			ui_text(top, app->cols - 1 - w, w, c->sync_info, ui_attr(app, UI_C_DIM));
		} else {
			size_t n = strlen(info);

			snprintf(info + n, sizeof info - n, " \xc2\xb7 %s", c->sync_info);
		}
	}
	ui_text(top, 1, app->cols - 2, info, ui_attr(app, UI_C_DIM));
	ui_text(top + 1, 1, 12, _("Reference"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_name, name_w, _("Family"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_child, 13, _("Children"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_rag, 6, _("Risk"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_sup, 12, _("Supervised"), A_BOLD | A_UNDERLINE);
	ui_text(top + 1, x_due, 7, _("Overdue"), A_BOLD | A_UNDERLINE);
	if (c->list.count == 0) {
		ui_wrap(top + 3, 2, app->cols - 4, 4,
		        c->filter != NULL && c->filter[0]
		            ? _("No family matches. Press / to change the filter.")
		            : c->team ? _("There are no families yet. Press a to add one.")
		                      : _("No families are allocated to you. Press t to see the whole "
		                          "team's, or a to add a family."),
		        A_NORMAL, 0);
		return;
	}
	ui_list_fit(&c->list, height);
	fill(app, c, height);
	for (i = 0; i < height && c->list.top + (size_t)i < c->list.count; i++) {
		size_t k = c->list.top + (size_t)i;
		const struct cb_caseload_row *r;
		int y = top + 2 + i, attr;
		char date[CB_DATE_LEN + 4], due[16];
		char *st;

		if (k < c->cache_off || k - c->cache_off >= c->rows.len)
			break;
		r = c->rows.items[k - c->cache_off];
		attr = k == c->list.sel ? A_REVERSE : A_NORMAL;
		ui_field(y, 0, app->cols, "", attr);
		ui_field(y, 1, 12, r->reference, attr);
		ui_field(y, x_name, name_w, r->name, attr);
		st = statuses(r->statuses);
		ui_field(y, x_child, 13, st, attr);
		free(st);
		if (k == c->list.sel)
			ui_field(y, x_rag, 6, ui_rag_word(r->rating), attr);
		else
			ui_rag(app, y, x_rag, r->rating);
		if (cb_date_is_set(r->last_supervision)) {
			bool late = cb_date_diff(today, r->last_supervision) > SUPERVISION_DAYS;

			cb_date_format(r->last_supervision, date);
			if (late)
				strcat(date, " !");
			ui_field(y, x_sup, 12, date, attr | (late ? A_BOLD : 0));
		} else {
			ui_field(y, x_sup, 12, _("never !"), attr | A_BOLD);
		}
		if (r->overdue > 0) {
			snprintf(due, sizeof due, "%d !", r->overdue);
			ui_field(y, x_due, 7, due, attr | A_BOLD);
		} else {
			ui_field(y, x_due, 7, "-", attr);
		}
	}
}

static void
on_filter(struct ui_app *app, const char *text, void *ctx)
{
	struct caseload *c = ctx;

	free(c->filter);
	c->filter = cb_strdup(text);
	c->list.sel = c->list.top = 0;
	recount(app, c);
}

int
ui_validate_new_reference(const char *text, void *ctx, struct cb_err *err)
{
	struct ui_app *app = ctx;
	struct cb_family *f = NULL;
	char *t = cb_str_trim(text);
	int rc = 0;

	if (*t == '\0')
		rc = cb_err_set(err, CB_EINVAL, _("a family needs its case reference"));
	else if (cb_store_family_find_ref(app->store, t, &f, NULL) == 0)
		rc = cb_err_set(err, CB_EEXIST, _("%s is already %s"), t, f->name);
	cb_family_free(&f);
	free(t);
	return rc;
}

static int
validate_name(const char *text, void *ctx, struct cb_err *err)
{
	(void)ctx;
	if (cb_str_empty(text))
		return cb_err_set(err, CB_EINVAL, _("a family needs a name, such as \"Price family\""));
	return 0;
}

static void
add_family(struct ui_app *app, struct caseload *c)
{
	struct cb_family *f = cb_family_new();
	struct cb_allocation *a = NULL;
	struct cb_err err = {0};
	char *ref = NULL, *name = NULL;

	if (ui_prompt(app, _("Case reference (the authority's case number):"), "", &ref,
	              ui_validate_new_reference, NULL, app) != 0)
		goto out;
	if (ui_prompt(app, _("How the team refers to the family (e.g. \"Price family\"):"), "", &name,
	              validate_name, NULL, NULL) != 0)
		goto out;
	f->reference = cb_str_trim(ref);
	f->name = cb_str_trim(name);
	f->opened = cb_date_today();
	if (cb_store_family_add(app->store, f, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	if (ui_confirm(app, _("Allocate yourself to this family?"))) {
		a = cb_allocation_new();
		memcpy(a->family_id, f->id, CB_UUID_LEN);
		memcpy(a->worker_id, app->me->id, CB_UUID_LEN);
		a->role = cb_strdup(app->me->role);
		a->from = cb_date_today();
		if (cb_store_allocation_add(app->store, a, &err) != 0)
			ui_fail(app, &err);
	}
	recount(app, c);
	ui_open_family(app, f->id);
	ui_say(app, _("Added %s. Add the family's members with m."), f->reference);
out:
	cb_allocation_free(&a);
	cb_family_free(&f);
	free(ref);
	free(name);
}

static void
sync_now(struct ui_app *app, struct caseload *c)
{
	if (ui_sync_now(app))
		recount(app, c);
	sync_refresh(app, c);
}

static int
caseload_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct caseload *c = scr->state;
	char *text = NULL;

	(void)key;
	if (ui_list_move(&c->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_OPEN:
		if (c->list.count > 0 && c->list.sel >= c->cache_off &&
		    c->list.sel - c->cache_off < c->rows.len) {
			const struct cb_caseload_row *r = c->rows.items[c->list.sel - c->cache_off];

			ui_open_family(app, r->id);
		}
		return UI_HANDLED;
	case UI_SEARCH:
		if (ui_prompt(app, _("Find families by name or reference (as you type):"),
		              c->filter != NULL ? c->filter : "", &text, NULL, on_filter, c) != 0)
			on_filter(app, "", c); /* Esc clears the filter */
		free(text);
		return UI_HANDLED;
	case UI_SEARCH_RECORDS:
		ui_open_search(app, NULL);
		return UI_HANDLED;
	case UI_TEAM:
		c->team = !c->team;
		c->list.sel = c->list.top = 0;
		recount(app, c);
		return UI_HANDLED;
	case UI_SORT:
		c->sort = (enum cb_caseload_sort)((c->sort + 1) % 4);
		c->list.sel = c->list.top = 0;
		c->stale = true;
		ui_say(app, _("Sorted by %s."), sort_name(c->sort));
		return UI_HANDLED;
	case UI_ADD:
		add_family(app, c);
		return UI_HANDLED;
	case UI_GO_MEETINGS:
		ui_open_meetings(app);
		return UI_HANDLED;
	case UI_GO_OVERDUE:
		ui_open_overdue(app);
		return UI_HANDLED;
	case UI_GO_FIGURES:
		ui_open_figures(app);
		return UI_HANDLED;
	case UI_SYNC:
		sync_now(app, c);
		return UI_HANDLED;
	case UI_GO_CONFLICTS:
		ui_open_conflicts(app);
		return UI_HANDLED;
	case UI_LANGUAGE:
		ui_change_language(app);
		return UI_HANDLED;
	default:
		return 0;
	}
}

static void
caseload_resume(struct ui_app *app, struct ui_screen *scr)
{
	struct caseload *c = scr->state;

	/* Back from a family that was only read, the list is as it was. */
	if (!c->rows_read || c->stale || cb_store_generation(app->store) != c->rows_gen ||
	    strcmp(c->rows_me, app->me->id) != 0)
		recount(app, c);
	sync_refresh(app, c);
}

static const struct ui_screen_ops caseload_ops = {
	UI_SCR_CASELOAD, "caseload", caseload_draw, caseload_key, caseload_resume, NULL,
	caseload_free,
};

void
ui_open_caseload(struct ui_app *app)
{
	struct caseload *c = cb_calloc(1, sizeof *c);

	c->rows = (struct cb_vec)CB_VEC_OWNING(cb_caseload_row_free_item);
	recount(app, c);
	sync_refresh(app, c);
	/* A worker with nothing allocated starts on the team's list. */
	if (c->list.count == 0) {
		c->team = true;
		recount(app, c);
	}
	ui_push(app, ui_screen_new(&caseload_ops, c, _("Caseload")));
}
