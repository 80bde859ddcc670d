/* SPDX-License-Identifier: MIT */
/* Overdue actions across my families or the whole team's: every open
 * action past its due date, oldest first, with the family, the owner and
 * the due date. Enter goes to the family. And the manager's figures: the
 * programme and supervision figures of report programme, on screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/str.h"
#include "casebook/worker.h"
#include "../ui.h"

struct row {
	char family_id[CB_UUID_LEN];
	char *family;          /* "FS-26-0142 Price family" */
	char *owner;
	char *text;
	struct cb_date due;
};

struct overdue {
	struct cb_vec rows;    /* struct row, oldest due first */
	struct ui_list list;
	bool team;
	char due[CB_DATE_LEN]; /* a cell being drawn */
};

static void
row_free(void *p)
{
	struct row *r = p;

	free(r->family);
	free(r->owner);
	free(r->text);
	free(r);
}

static void
overdue_free(void *p)
{
	struct overdue *o = p;

	cb_vec_clear(&o->rows);
	free(o);
}

static int
by_due(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a, *y = *(const struct row *const *)b;
	int c = cb_date_cmp(x->due, y->due);

	return c != 0 ? c : strcmp(x->family, y->family);
}

/* The overdue actions come from the store in one indexed query (mine
 * from my allocations); each family's reference and name are read once. */
static void
reload(struct ui_app *app, struct ui_screen *scr)
{
	struct overdue *o = scr->state;
	struct cb_vec actions = CB_VEC_OWNING(cb_action_free_item);
	struct cb_family *f = NULL;
	struct cb_err err = {0};
	size_t k;

	cb_vec_clear(&o->rows);
	if (!o->team && app->me == NULL)
		goto out;
	if (cb_store_action_overdue(app->store, o->team ? NULL : app->me->id, cb_date_today(),
	                            &actions, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	for (k = 0; k < actions.len; k++) {
		const struct cb_action *a = actions.items[k];
		struct row *r;

		if (f == NULL || strcmp(f->id, a->family_id) != 0) {
			cb_family_free(&f);
			if (cb_store_family_get(app->store, a->family_id, &f, &err) != 0) {
				ui_fail(app, &err);
				goto out;
			}
		}
		r = cb_calloc(1, sizeof *r);
		memcpy(r->family_id, f->id, CB_UUID_LEN);
		r->family = cb_asprintf("%s %s", f->reference, f->name);
		r->owner = cb_strdup(a->owner_name != NULL ? a->owner_name : "?");
		r->text = cb_strdup(a->text);
		r->due = a->due;
		cb_vec_push(&o->rows, r);
	}
	cb_vec_sort(&o->rows, by_due);
out:
	o->list.count = o->rows.len;
	if (o->list.sel >= o->list.count)
		o->list.sel = o->list.count > 0 ? o->list.count - 1 : 0;
	cb_family_free(&f);
	cb_vec_clear(&actions);
}

static const char *
overdue_cell(void *ctx, size_t k, int col, int *attr)
{
	struct overdue *o = ctx;
	const struct row *r = o->rows.items[k];

	(void)attr;
	switch (col) {
	case 0:
		cb_date_format(r->due, o->due);
		return o->due;
	case 1: return r->family;
	case 2: return r->owner;
	default: return r->text;
	}
}

static void
overdue_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom)
{
	struct overdue *o = scr->state;
	int x_fam = 12, w_fam = 24, x_owner = x_fam + w_fam + 1, w_owner = 16;
	int x_text = x_owner + w_owner + 1;
	const struct ui_column cols[] = {
		{_("Due"), 1, 10},
		{_("Family"), x_fam, w_fam},
		{_("Owner"), x_owner, w_owner},
		{_("Action"), x_text, app->cols - x_text - 1},
	};
	char info[160];

	if (o->team)
		snprintf(info, sizeof info,
		         ngettext("%zu overdue action in the team's families (t: mine)",
		                  "%zu overdue actions in the team's families (t: mine)", o->rows.len),
		         o->rows.len);
	else
		snprintf(info, sizeof info,
		         ngettext("%zu overdue action in my families (t: the team's)",
		                  "%zu overdue actions in my families (t: the team's)", o->rows.len),
		         o->rows.len);
	ui_columns_draw(app, top, bottom, info,
	                o->team ? _("No overdue actions in the team's families.")
	                        : _("No overdue actions in your families. Press t to see the team's."),
	                cols, 4, &o->list, o->rows.len, overdue_cell, o);
}

static int
overdue_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action, int key)
{
	struct overdue *o = scr->state;

	(void)key;
	if (ui_list_move(&o->list, action))
		return UI_HANDLED;
	switch (action) {
	case UI_OPEN:
		if (o->rows.len > 0)
			ui_open_family(app, ((const struct row *)o->rows.items[o->list.sel])->family_id);
		return UI_HANDLED;
	case UI_TEAM:
		o->team = !o->team;
		o->list.sel = 0;
		reload(app, scr);
		return UI_HANDLED;
	default:
		return 0;
	}
}

static const struct ui_screen_ops overdue_ops = {
	UI_SCR_OVERDUE, "overdue", overdue_draw, overdue_key, reload, NULL, overdue_free,
};

void
ui_open_overdue(struct ui_app *app)
{
	struct overdue *o = cb_calloc(1, sizeof *o);
	struct ui_screen *scr;

	o->rows = (struct cb_vec)CB_VEC_OWNING(row_free);
	scr = ui_screen_new(&overdue_ops, o, _("Overdue actions"));
	reload(app, scr);
	ui_push(app, scr);
}

/* The manager's figures: by team, by worker, then each family, as at
 * today over each case's whole record, to read on screen. */
void
ui_open_figures(struct ui_app *app)
{
	static const enum cb_report_by order[] = {CB_BY_TEAM, CB_BY_WORKER, CB_BY_FAMILY};
	struct cb_programme_opts o = {0};
	struct cb_buf text = {0};
	struct cb_err err = {0};
	size_t i;

	o.to = cb_date_today();
	o.prog = app->prog;
	for (i = 0; i < sizeof order / sizeof *order; i++) {
		struct cb_doc *d = NULL;

		o.by = order[i];
		if (cb_report_programme(app->store, &o, NULL, &d, &err) != 0) {
			ui_fail(app, &err);
			cb_buf_free(&text);
			return;
		}
		cb_render_txt(d, (size_t)(app->cols > 10 ? app->cols - 6 : 74), &text);
		cb_buf_add(&text, "\n");
		cb_doc_free(&d);
	}
	ui_open_text(app, _("Programme and supervision figures"), cb_buf_str(&text), NULL);
	cb_buf_free(&text);
}
