/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/mem.h"
#include "casebook/refdata.h"
#include "casebook/str.h"

struct cb_refitem *
cb_refitem_new(void)
{
	return cb_calloc(1, sizeof(struct cb_refitem));
}

void
cb_refitem_free(struct cb_refitem **it)
{
	struct cb_refitem *i;

	if (it == NULL || *it == NULL)
		return;
	i = *it;
	free(i->id);
	free(i->label);
	free(i->short_label);
	free(i->group);
	free(i->about);
	free(i->name);
	free(i->meaning);
	free(i->task);
	free(i->for_parent);
	cb_freep(it);
}

void
cb_refitem_free_item(void *it)
{
	cb_refitem_free((struct cb_refitem **)&it);
}

static void
list_init(struct cb_reflist *l)
{
	l->items = (struct cb_vec)CB_VEC_OWNING(cb_refitem_free_item);
}

struct cb_refdata *
cb_refdata_new(void)
{
	struct cb_refdata *r = cb_calloc(1, sizeof *r);

	list_init(&r->roles);
	list_init(&r->statuses);
	list_init(&r->cp_categories);
	list_init(&r->legal_statuses);
	list_init(&r->primary_need);
	list_init(&r->factors);
	list_init(&r->stages);
	list_init(&r->issues);
	list_init(&r->ratings);
	list_init(&r->note_kinds);
	return r;
}

void
cb_refdata_free(struct cb_refdata **rp)
{
	struct cb_refdata *r;

	if (rp == NULL || *rp == NULL)
		return;
	r = *rp;
	cb_vec_clear(&r->roles.items);
	cb_vec_clear(&r->statuses.items);
	cb_vec_clear(&r->cp_categories.items);
	cb_vec_clear(&r->legal_statuses.items);
	cb_vec_clear(&r->primary_need.items);
	cb_vec_clear(&r->factors.items);
	cb_vec_clear(&r->stages.items);
	cb_vec_clear(&r->issues.items);
	cb_vec_clear(&r->ratings.items);
	cb_vec_clear(&r->note_kinds.items);
	free(r->rag_direction);
	cb_freep(rp);
}

const struct cb_refitem *
cb_reflist_find(const struct cb_reflist *l, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < l->items.len; i++) {
		const struct cb_refitem *it = l->items.items[i];

		if (cb_streq(it->id, id))
			return it;
	}
	return NULL;
}

size_t
cb_reflist_len(const struct cb_reflist *l)
{
	return l->items.len;
}

const struct cb_refitem *
cb_reflist_at(const struct cb_reflist *l, size_t i)
{
	return cb_vec_get(&l->items, i);
}

const char *
cb_reflist_label(const struct cb_reflist *l, const char *id)
{
	const struct cb_refitem *it = cb_reflist_find(l, id);

	return it != NULL && it->label != NULL ? it->label : id;
}

char *
cb_reflist_ids(const struct cb_reflist *l)
{
	struct cb_buf b = {0};
	size_t i;

	for (i = 0; i < l->items.len; i++) {
		const struct cb_refitem *it = l->items.items[i];

		if (it->legacy)
			continue;
		if (b.len > 0)
			cb_buf_add(&b, ", ");
		cb_buf_add(&b, it->id);
	}
	return cb_buf_take(&b);
}
