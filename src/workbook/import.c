/* SPDX-License-Identifier: MIT */
/* Reading import files into a plan: the files, each as a whole, the team
 * and the workers. Families and meetings are in import_family.c and
 * import_meeting.c, the helpers in import_read.c. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/import.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/str.h"
#include "casebook/workbook_import.h"
#include "casebook/worker.h"
#include "import_read.h"
#include "ytree.h"

/* The team and the workers */

static void
read_team(struct rd *r, const struct yt_node *n)
{
	static const char *const keys[] = {"id", "name", NULL};
	struct cb_team *t;
	size_t item;

	if (!rd_map(r, n, _("the team"), keys, keys))
		return;
	t = cb_team_new();
	item = rd_add(r, CB_IMPORT_TEAM, t, n, 0);
	rd_own_id(r, n, item, t->id);
	t->name = rd_text(r, n, "name");
	if (t->name != NULL) {
		struct cb_err err = {0};

		rd_model(r, n, rd_problems(r), cb_team_check(t, &err), &err);
	}
}

static void
read_worker(struct rd *r, const struct yt_node *n)
{
	static const char *const keys[] = {"id", "name", "role", "team", NULL};
	static const char *const required[] = {"id", "name", "role", NULL};
	struct cb_worker *w;
	struct cb_err err = {0};
	size_t item, before = rd_problems(r);

	if (!rd_map(r, n, _("the worker"), keys, required))
		return;
	w = cb_worker_new();
	item = rd_add(r, CB_IMPORT_WORKER, w, n, 0);
	rd_own_id(r, n, item, w->id);
	w->name = rd_text(r, n, "name");
	w->role = rd_code(r, n, "role", r->ref != NULL ? &r->ref->roles : NULL, _("a role"));
	rd_ref_key(r, n, "team", CB_REF_TEAM, NULL, item, w->team_id);
	if (w->name != NULL)
		rd_model(r, n, before, cb_worker_check(w, &err), &err);
}

/* The file */

static void
read_root(struct rd *r, const struct yt_node *root)
{
	static const char *const keys[] = {"casebook", "as_of", "team", "workers", "families",
	                                   "meetings", NULL};
	static const char *const required[] = {"casebook", NULL};
	const struct yt_node *n, *list;
	struct cb_date as_of = {0, 0, 0};
	long version = 0;
	size_t i;

	if (root->type != YT_MAP) {
		rd_report(r, root, _("an import file is a mapping: casebook: 1, then lists of "
		                     "workers, families or meetings (see casebook-import(5))"));
		return;
	}
	if (!rd_map(r, root, _("the file"), keys, required))
		return;
	n = yt_get(root, "casebook");
	if (n != NULL && rd_number(n, &version) && version != CB_IMPORT_FORMAT)
		rd_report(r, n, _("this file is in import format %ld, but this casebook reads "
		                  "format %d: write it in format %d or use a newer casebook"),
		          version, CB_IMPORT_FORMAT, CB_IMPORT_FORMAT);
	else if (n != NULL && version != CB_IMPORT_FORMAT)
		rd_report(r, n, _("'casebook' is the format version: write casebook: %d"),
		          CB_IMPORT_FORMAT);
	/* as_of is the day the file was written for: it is never moved. */
	n = yt_get(root, "as_of");
	if (n != NULL)
		rd_date(r, root, "as_of", &as_of);
	if (r->p->opt.shift_dates) {
		if (n == NULL)
			rd_report(r, root, _("the file has no 'as_of' date, which is needed to move "
			                     "its dates to today: add as_of: YYYY-MM-DD"));
		else if (cb_date_is_set(as_of) && cb_date_valid(r->p->opt.today))
			r->shift = cb_date_diff(r->p->opt.today, as_of);
	}
	/* The parts are read in the order they are written, whatever the
	 * order of the keys: a family can then use the file's workers, and a
	 * meeting its families. */
	if ((n = yt_get(root, "team")) != NULL)
		read_team(r, n);
	if ((list = rd_list(r, root, "workers")) != NULL)
		for (i = 0; i < list->n && !r->full; i++)
			read_worker(r, list->kids[i]);
	if ((list = rd_list(r, root, "families")) != NULL)
		for (i = 0; i < list->n && !r->full; i++)
			rd_family(r, list->kids[i]);
	if ((list = rd_list(r, root, "meetings")) != NULL)
		for (i = 0; i < list->n && !r->full; i++)
			rd_meeting(r, list->kids[i]);
}

static int
read_tree(struct cb_import_plan *p, const char *name, struct yt_node *root, size_t before,
          const struct cb_refdata *ref, const struct cb_programme *prog, struct cb_diags *diags)
{
	struct rd r = {0};

	cb_vec_push(&p->files, cb_strdup(name));
	r.p = p;
	r.file = p->files.items[p->files.len - 1];
	r.ref = ref;
	r.prog = prog;
	r.d = diags;
	r.start = before;
	if (root == NULL) {
		/* The YAML reader said why; an empty file gets a word of its own. */
		rd_took(&r, before);
		return -1;
	}
	read_root(&r, root);
	yt_free(root);
	return rd_problems(&r) > 0 ? -1 : 0;
}

int
cb_import_read_bytes(struct cb_import_plan *p, const char *name, const char *bytes, size_t len,
                     const struct cb_refdata *ref, const struct cb_programme *prog,
                     struct cb_diags *diags)
{
	size_t before = cb_diags_count(diags);

	return read_tree(p, name, yt_parse(name, bytes != NULL ? bytes : "", len, diags), before,
	                 ref, prog, diags);
}

int
cb_import_read_file(struct cb_import_plan *p, const char *path, const struct cb_refdata *ref,
                    const struct cb_programme *prog, struct cb_diags *diags)
{
	size_t before = cb_diags_count(diags);

	return read_tree(p, path, yt_load(path, diags), before, ref, prog, diags);
}

static int
cmp_path(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
cb_import_read_files(struct cb_import_plan *p, const char *const *paths, size_t n,
                     const struct cb_refdata *ref, const struct cb_programme *prog,
                     struct cb_diags *diags)
{
	const char **sorted = cb_calloc(n + 1, sizeof *sorted);
	size_t i;
	int rc = 0;

	memcpy(sorted, paths, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_path);
	for (i = 0; i < n; i++)
		if (cb_import_read_file(p, sorted[i], ref, prog, diags) != 0)
			rc = -1;
	free(sorted);
	return rc;
}

int
cb_import_read_dir(struct cb_import_plan *p, const char *dir, const struct cb_refdata *ref,
                   const struct cb_programme *prog, struct cb_diags *diags)
{
	struct cb_vec names = CB_VEC_OWNING(free);
	struct dirent *e;
	DIR *d = opendir(dir);
	int rc;

	if (d == NULL) {
		cb_diags_add(diags, dir, 0, 0, _("cannot read the folder (%s)"), strerror(errno));
		p->problems++;
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] != '.' && len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0)
			cb_vec_push(&names, cb_asprintf("%s/%s", dir, e->d_name));
	}
	closedir(d);
	if (names.len == 0) {
		cb_diags_add(diags, dir, 0, 0, _("the folder has no .yaml files to import"));
		p->problems++;
		rc = -1;
	} else {
		rc = cb_import_read_files(p, (const char *const *)names.items, names.len, ref, prog,
		                          diags);
	}
	cb_vec_clear(&names);
	return rc;
}
