/* SPDX-License-Identifier: MIT */
/* From the family record: the conference and court report and our family
 * plan, written to a file (HTML, which prints on A4 and pastes into a word
 * processor), and the workbook says where. In training mode the file goes
 * to the scratch folder, which is removed when training ends; otherwise
 * to the folder casebook was started in. The path can be changed before
 * anything is written, and a file that is there is never written over. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/str.h"
#include "casebook/worker.h"
#include "../ui.h"

static int
not_empty(const char *text, void *ctx, struct cb_err *err)
{
	(void)ctx;
	if (cb_str_empty(text))
		return cb_err_set(err, CB_EINVAL, _("give a file name"));
	return 0;
}

/* Ask where (the default filled in), sign, render, save, say where. */
static void
save(struct ui_app *app, const struct cb_family *f, struct cb_doc *d, const char *what,
     const char *detail)
{
	struct cb_buf text = {0};
	struct cb_err err = {0};
	char today[CB_DATE_LEN], *footer, *path = NULL;
	char *initial = cb_export_path(app->export_dir != NULL ? app->export_dir : ".", what,
	                               f->reference, cb_date_today(), CB_EXPORT_HTML);

	if (ui_prompt(app, _("Write it to this file (change the path if you like):"), initial, &path,
	              not_empty, NULL, NULL) != 0) {
		ui_say(app, _("Nothing was written."));
		goto out;
	}
	cb_date_format(cb_date_today(), today);
	footer = app->me != NULL
	                 ? cb_asprintf(_("Exported from casebook on %s by %s."), today, app->me->name)
	                 : cb_asprintf(_("Exported from casebook on %s."), today);
	cb_doc_set_footer(d, footer);
	free(footer);
	cb_render(d, CB_EXPORT_HTML, &text);
	if (cb_export_save(app->store, &text, path, "family", f->id, detail, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	if (app->training)
		ui_say(app, _("Written to %s (the training folder: it goes when training ends)."), path);
	else
		ui_say(app, _("Written to %s"), path);
out:
	cb_buf_free(&text);
	free(initial);
	free(path);
}

void
ui_family_report(struct ui_app *app, const struct cb_family *f)
{
	struct cb_report_opts o = {0};
	struct cb_doc *d = NULL;
	struct cb_err err = {0};

	o.today = cb_date_today();
	if (app->me != NULL) {
		o.author = app->me->name;
		o.author_role = app->ref != NULL ? cb_reflist_label(&app->ref->roles, app->me->role)
		                                 : app->me->role;
	}
	if (cb_export_report(app->store, f, app->ref, app->prog, &o, &d, &err) != 0) {
		ui_fail(app, &err);
		return;
	}
	save(app, f, d, "report", "format=html report from=- to=-");
	cb_doc_free(&d);
}

void
ui_family_plan(struct ui_app *app, const struct cb_family *f)
{
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec adults = CB_VEC_BORROWING;
	struct ui_choice *items = NULL;
	struct cb_doc *d = NULL;
	struct cb_err err = {0};
	const struct cb_person *who = NULL;
	char *detail = NULL;
	size_t i;
	int pick;
	bool da = false;

	if (cb_store_person_list(app->store, f->id, &people, &err) != 0 ||
	    cb_family_domestic_abuse(app->store, f, &da, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	for (i = 0; i < people.len; i++)
		if (cb_member_is_adult(((struct cb_person *)people.items[i])->role))
			cb_vec_push(&adults, people.items[i]);
	if (adults.len > 1) {
		items = cb_calloc(adults.len + 1, sizeof *items);
		for (i = 0; i < adults.len; i++) {
			items[i].label = ((struct cb_person *)adults.items[i])->name;
			items[i].detail = _("Their own goals, their Cycle of Change and the family's "
			                    "shared goals. Nothing of any other adult.");
		}
		items[i].label = _("The whole family");
		items[i].detail = da ? _("Not possible: the record marks domestic abuse.")
		                     : _("Every adult's goals and Cycle of Change on one page.");
		pick = ui_pick(app, _("Whose plan?"), items, adults.len + 1, 0);
		if (pick < 0) {
			ui_say(app, _("Nothing was written."));
			goto out;
		}
		if ((size_t)pick < adults.len) {
			who = adults.items[pick];
		} else if (da) {
			ui_error(app, _("The record marks domestic abuse, so a plan holding more than one "
			                "adult's information is not printed: make one plan for each adult."));
			goto out;
		} else if (!ui_confirm(app, _("This plan holds every adult's information. Print it "
		                              "for the whole family?"))) {
			ui_say(app, _("Nothing was written."));
			goto out;
		}
	}
	if (cb_export_plan(app->store, f, app->ref, who != NULL ? who->id : NULL, cb_date_today(),
	                   &d, &err) != 0) {
		ui_fail(app, &err);
		goto out;
	}
	detail = who != NULL ? cb_asprintf("format=html plan adult=%s", who->id)
	                     : cb_strdup("format=html plan");
	save(app, f, d, "plan", detail);
out:
	free(detail);
	cb_doc_free(&d);
	free(items);
	cb_vec_clear(&adults);
	cb_vec_clear(&people);
}
