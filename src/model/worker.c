/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include "casebook/mem.h"
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
