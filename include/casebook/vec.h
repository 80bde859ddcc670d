/* SPDX-License-Identifier: MIT */
/* A vector of pointers. When free_item is set the vector owns its items. */
#ifndef CASEBOOK_VEC_H
#define CASEBOOK_VEC_H

#include <stddef.h>

struct cb_vec {
	void **items;
	size_t len;
	size_t cap;
	void (*free_item)(void *item);
};

#define CB_VEC_OWNING(fn) { NULL, 0, 0, (void (*)(void *))(fn) }
#define CB_VEC_BORROWING  { NULL, 0, 0, NULL }

void cb_vec_push(struct cb_vec *v, void *item);
void *cb_vec_get(const struct cb_vec *v, size_t i);
void cb_vec_remove(struct cb_vec *v, size_t i); /* frees when owning */
void cb_vec_sort(struct cb_vec *v, int (*cmp)(const void *a, const void *b));
/* Free the items when owning, and the array; the vector can be reused. */
void cb_vec_clear(struct cb_vec *v);

#endif
