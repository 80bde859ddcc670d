/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/mem.h"
#include "casebook/vec.h"

void
cb_vec_push(struct cb_vec *v, void *item)
{
	if (v->len == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->items = cb_reallocarray(v->items, v->cap, sizeof *v->items);
	}
	v->items[v->len++] = item;
}

void *
cb_vec_get(const struct cb_vec *v, size_t i)
{
	return i < v->len ? v->items[i] : NULL;
}

void
cb_vec_remove(struct cb_vec *v, size_t i)
{
	if (i >= v->len)
		return;
	if (v->free_item != NULL)
		v->free_item(v->items[i]);
	memmove(v->items + i, v->items + i + 1, (v->len - i - 1) * sizeof *v->items);
	v->len--;
}

void
cb_vec_sort(struct cb_vec *v, int (*cmp)(const void *a, const void *b))
{
	if (v->len > 1)
		qsort(v->items, v->len, sizeof *v->items, cmp);
}

void
cb_vec_clear(struct cb_vec *v)
{
	size_t i;

	if (v->free_item != NULL)
		for (i = 0; i < v->len; i++)
			v->free_item(v->items[i]);
	free(v->items);
	v->items = NULL;
	v->len = v->cap = 0;
}
