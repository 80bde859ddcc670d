/* SPDX-License-Identifier: MIT */
/* A module laid out for one family: blocks, fields with their answers,
 * and the answers that no longer have a place, kept as retired. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/family.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/module_form.h"
#include "casebook/str.h"

static void
row_free(void *p)
{
	struct cb_form_row *r = p;

	if (r == NULL)
		return;
	free(r->key);
	free(r);
}

void
cb_form_init(struct cb_form *f)
{
	memset(f, 0, sizeof *f);
	f->rows = (struct cb_vec)CB_VEC_OWNING(row_free);
}

void
cb_form_clear(struct cb_form *f)
{
	cb_vec_clear(&f->rows);
	f->blocks = f->fields = f->answered = f->required_missing = f->retired = 0;
}

bool
cb_form_answered(const struct cb_answer *a)
{
	return a != NULL && !cb_str_empty(a->value);
}

static struct cb_form_row *
add_row(struct cb_form *f, enum cb_form_kind kind)
{
	struct cb_form_row *r = cb_calloc(1, sizeof *r);

	r->kind = kind;
	r->block = f->blocks > 0 ? f->blocks - 1 : 0;
	cb_vec_push(&f->rows, r);
	return r;
}

static const char *
person_key(const struct cb_person *p)
{
	return p != NULL ? p->id : "";
}

/* The answer for key and person among those not yet placed; marks it. */
static const struct cb_answer *
take_answer(const struct cb_vec *answers, bool *used, const char *key, const char *person)
{
	size_t i;

	for (i = 0; answers != NULL && i < answers->len; i++) {
		const struct cb_answer *a = answers->items[i];

		if (!used[i] && cb_streq(a->field_key, key) && cb_streq(a->person_id, person)) {
			used[i] = true;
			return a;
		}
	}
	return NULL;
}

static bool
applies(const struct cb_section *s, const struct cb_person *p)
{
	switch (s->applies_to) {
	case CB_APPLIES_EACH_ADULT: return cb_member_is_adult(p->role);
	case CB_APPLIES_EACH_CHILD: return p->role == CB_MEMBER_CHILD;
	case CB_APPLIES_FAMILY: break;
	}
	return false;
}

static void
add_block(struct cb_form *f, const struct cb_section *s, const struct cb_person *p,
          const struct cb_vec *answers, bool *used)
{
	struct cb_form_row *h;
	size_t j;

	f->blocks++;
	h = add_row(f, CB_FORM_HEADING);
	h->section = s;
	h->person = p;
	for (j = 0; j < s->fields.len; j++) {
		const struct cb_field *fd = s->fields.items[j];
		struct cb_form_row *r = add_row(f, CB_FORM_FIELD);

		r->section = s;
		r->field = fd;
		r->person = p;
		r->key = cb_asprintf("%s.%s", s->id, fd->id);
		if (cb_field_is_tool(fd->type))
			continue;
		r->answer = take_answer(answers, used, r->key, person_key(p));
		f->fields++;
		if (cb_form_answered(r->answer))
			f->answered++;
		else if (fd->required)
			f->required_missing++;
	}
}

static const struct cb_person *
find_person(const struct cb_vec *people, const char *id)
{
	size_t i;

	for (i = 0; people != NULL && i < people->len; i++) {
		const struct cb_person *p = people->items[i];

		if (cb_streq(p->id, id))
			return p;
	}
	return NULL;
}

static enum cb_form_why
why_retired(const struct cb_module *m, const struct cb_answer *a, const struct cb_field **field)
{
	const struct cb_section *s = NULL;

	*field = m != NULL ? cb_module_field(m, a->field_key, &s) : NULL;
	/* A field that became a tool is kept on its own screen now. */
	if (*field == NULL || cb_field_is_tool((*field)->type))
		return CB_RETIRED_FIELD;
	if ((s->applies_to == CB_APPLIES_FAMILY) != (a->person_id[0] == '\0'))
		return CB_RETIRED_SCOPE;
	return CB_RETIRED_PERSON;
}

void
cb_form_build(struct cb_form *f, const struct cb_module *m, const struct cb_vec *people,
              const struct cb_vec *answers)
{
	size_t n = answers != NULL ? answers->len : 0, i, k;
	bool *used = cb_calloc(n + 1, sizeof *used);
	bool heading = false;

	cb_form_clear(f);
	for (i = 0; m != NULL && i < m->sections.len; i++) {
		const struct cb_section *s = m->sections.items[i];
		size_t before = f->blocks;

		if (s->applies_to == CB_APPLIES_FAMILY) {
			add_block(f, s, NULL, answers, used);
			continue;
		}
		for (k = 0; people != NULL && k < people->len; k++) {
			const struct cb_person *p = people->items[k];

			if (applies(s, p))
				add_block(f, s, p, answers, used);
		}
		if (f->blocks == before) {
			/* Nobody to ask about yet: the section still shows, so
			 * the worker sees it is there and why it is empty. */
			struct cb_form_row *h;

			f->blocks++;
			h = add_row(f, CB_FORM_HEADING);
			h->section = s;
			h->nobody = true;
		}
	}
	for (i = 0; i < n; i++) {
		const struct cb_answer *a = answers->items[i];
		struct cb_form_row *r;

		if (used[i])
			continue;
		if (!heading) {
			f->blocks++;
			add_row(f, CB_FORM_RETIRED_HEADING);
			heading = true;
		}
		r = add_row(f, CB_FORM_RETIRED);
		r->answer = a;
		r->key = cb_strdup(a->field_key);
		r->person = find_person(people, a->person_id);
		r->why = why_retired(m, a, &r->field);
		f->retired++;
	}
	free(used);
}

const struct cb_form_row *
cb_form_row(const struct cb_form *f, size_t i)
{
	return i < f->rows.len ? f->rows.items[i] : NULL;
}

static bool
is_heading(const struct cb_form *f, size_t i)
{
	const struct cb_form_row *r = cb_form_row(f, i);

	return r != NULL && (r->kind == CB_FORM_HEADING || r->kind == CB_FORM_RETIRED_HEADING);
}

size_t
cb_form_next_block(const struct cb_form *f, size_t i)
{
	size_t k;

	for (k = i + 1; k < f->rows.len; k++)
		if (is_heading(f, k))
			return k;
	return i;
}

size_t
cb_form_prev_block(const struct cb_form *f, size_t i)
{
	size_t k;

	for (k = i; k > 0; k--)
		if (is_heading(f, k - 1))
			return k - 1;
	return i;
}
