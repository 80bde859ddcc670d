/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/names.h"
#include "casebook/str.h"
#include "casebook/worker.h"

struct cb_team *
cb_team_new(void)
{
	return cb_calloc(1, sizeof(struct cb_team));
}

void
cb_team_free(struct cb_team **t)
{
	if (t == NULL || *t == NULL)
		return;
	cb_rev_clear(&(*t)->rev);
	free((*t)->name);
	cb_freep(t);
}

void
cb_team_free_item(void *t)
{
	cb_team_free((struct cb_team **)&t);
}

struct cb_worker *
cb_worker_new(void)
{
	return cb_calloc(1, sizeof(struct cb_worker));
}

void
cb_worker_free(struct cb_worker **w)
{
	if (w == NULL || *w == NULL)
		return;
	cb_rev_clear(&(*w)->rev);
	free((*w)->name);
	free((*w)->role);
	cb_freep(w);
}

void
cb_worker_free_item(void *w)
{
	cb_worker_free((struct cb_worker **)&w);
}

int
cb_worker_check(const struct cb_worker *w, struct cb_err *err)
{
	if (cb_str_empty(w->name))
		return cb_err_set(err, CB_EINVAL, _("a worker needs a name"));
	return cb_name_check(w->name, _("the worker's name"), CB_NAME_MAX, err);
}

int
cb_team_check(const struct cb_team *t, struct cb_err *err)
{
	if (cb_str_empty(t->name))
		return cb_err_set(err, CB_EINVAL, _("a team needs a name"));
	return cb_name_check(t->name, _("the team's name"), CB_NAME_MAX, err);
}
