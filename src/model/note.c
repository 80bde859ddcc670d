/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/refdata.h"
#include "casebook/str.h"

struct cb_note *
cb_note_new(void)
{
	return cb_calloc(1, sizeof(struct cb_note));
}

void
cb_note_free(struct cb_note **n)
{
	if (n == NULL || *n == NULL)
		return;
	cb_rev_clear(&(*n)->rev);
	free((*n)->kind);
	free((*n)->text);
	free((*n)->author_name);
	cb_freep(n);
}

void
cb_note_free_item(void *n)
{
	cb_note_free((struct cb_note **)&n);
}

int
cb_note_check(const struct cb_note *n, const struct cb_refdata *ref, struct cb_err *err)
{
	if (!cb_date_valid(n->date))
		return cb_err_set(err, CB_EINVAL, _("a note needs a date"));
	if (cb_str_empty(n->kind))
		return cb_err_set(err, CB_EINVAL, _("a note needs a kind"));
	if (ref != NULL && cb_reflist_len(&ref->note_kinds) > 0 &&
	    cb_reflist_find(&ref->note_kinds, n->kind) == NULL) {
		char *ids = cb_reflist_ids(&ref->note_kinds);

		cb_err_set(err, CB_EINVAL, _("'%s' is not a kind of note: use one of %s"),
		           n->kind, ids);
		free(ids);
		return -1;
	}
	if (cb_str_empty(n->text))
		return cb_err_set(err, CB_EINVAL, _("the note is empty: write what happened"));
	return 0;
}
