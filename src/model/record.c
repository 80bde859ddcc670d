/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/mem.h"
#include "casebook/record.h"

void
cb_rev_clear(struct cb_rev *rev)
{
	free(rev->created_by_name);
	free(rev->reason);
	memset(rev, 0, sizeof *rev);
}

void
cb_rev_copy(struct cb_rev *dst, const struct cb_rev *src)
{
	*dst = *src;
	dst->created_by_name = cb_strdup(src->created_by_name);
	dst->reason = cb_strdup(src->reason);
}

#include "casebook/help.h"

void
cb_help_entry_free_item(void *p)
{
	struct cb_help_entry *e = p;

	if (e == NULL)
		return;
	free(e->id);
	free(e->title);
	free(e->purpose);
	free(e->good_recording);
	free(e->try_this);
	free(e);
}
