/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/str.h"

struct cb_option *
cb_option_new(const char *id, const char *label)
{
	struct cb_option *o = cb_calloc(1, sizeof *o);

	o->id = cb_strdup(id);
	o->label = cb_strdup(label != NULL ? label : id);
	return o;
}

void
cb_option_free_item(void *p)
{
	struct cb_option *o = p;

	if (o == NULL)
		return;
	free(o->id);
	free(o->label);
	free(o);
}

void
cb_anchor_free_item(void *p)
{
	struct cb_anchor *a = p;

	if (a == NULL)
		return;
	free(a->label);
	free(a);
}

struct cb_field *
cb_field_new(void)
{
	struct cb_field *f = cb_calloc(1, sizeof *f);

	f->choices = (struct cb_vec)CB_VEC_OWNING(cb_option_free_item);
	f->anchors = (struct cb_vec)CB_VEC_OWNING(cb_anchor_free_item);
	f->rows = (struct cb_vec)CB_VEC_OWNING(cb_option_free_item);
	f->columns = (struct cb_vec)CB_VEC_OWNING(cb_option_free_item);
	f->issues = (struct cb_vec)CB_VEC_OWNING(free);
	return f;
}

void
cb_field_free_item(void *p)
{
	struct cb_field *f = p;

	if (f == NULL)
		return;
	free(f->id);
	free(f->label);
	free(f->help);
	free(f->example);
	cb_vec_clear(&f->choices);
	cb_vec_clear(&f->anchors);
	cb_vec_clear(&f->rows);
	cb_vec_clear(&f->columns);
	cb_vec_clear(&f->issues);
	free(f);
}

struct cb_section *
cb_section_new(void)
{
	struct cb_section *s = cb_calloc(1, sizeof *s);

	s->prompts = (struct cb_vec)CB_VEC_OWNING(free);
	s->fields = (struct cb_vec)CB_VEC_OWNING(cb_field_free_item);
	return s;
}

void
cb_section_free_item(void *p)
{
	struct cb_section *s = p;

	if (s == NULL)
		return;
	free(s->id);
	free(s->title);
	free(s->guidance);
	cb_vec_clear(&s->prompts);
	cb_vec_clear(&s->fields);
	free(s);
}

struct cb_module *
cb_module_new(void)
{
	struct cb_module *m = cb_calloc(1, sizeof *m);

	m->led_by = (struct cb_vec)CB_VEC_OWNING(free);
	m->sections = (struct cb_vec)CB_VEC_OWNING(cb_section_free_item);
	return m;
}

void
cb_module_free(struct cb_module **mp)
{
	struct cb_module *m;

	if (mp == NULL || *mp == NULL)
		return;
	m = *mp;
	free(m->id);
	free(m->title);
	free(m->purpose);
	free(m->source);
	cb_vec_clear(&m->led_by);
	cb_vec_clear(&m->sections);
	cb_freep(mp);
}

void
cb_module_free_item(void *m)
{
	cb_module_free((struct cb_module **)&m);
}

void
cb_programme_init(struct cb_programme *p)
{
	p->modules = (struct cb_vec)CB_VEC_OWNING(cb_module_free_item);
	p->supervision = NULL;
}

void
cb_programme_clear(struct cb_programme *p)
{
	cb_vec_clear(&p->modules);
	p->supervision = NULL;
}

static int
cmp_module(const void *a, const void *b)
{
	const struct cb_module *x = *(struct cb_module *const *)a;
	const struct cb_module *y = *(struct cb_module *const *)b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->id, y->id);
}

void
cb_programme_sort(struct cb_programme *p)
{
	size_t i;

	cb_vec_sort(&p->modules, cmp_module);
	p->supervision = NULL;
	for (i = 0; i < p->modules.len; i++) {
		const struct cb_module *m = p->modules.items[i];

		if (m->kind == CB_MODULE_SUPERVISION && p->supervision == NULL)
			p->supervision = m;
	}
}

const struct cb_module *
cb_programme_find(const struct cb_programme *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->modules.len; i++)
		if (cb_streq(((struct cb_module *)p->modules.items[i])->id, id))
			return p->modules.items[i];
	return NULL;
}

static const char *const type_names[] = {
	[CB_FIELD_TEXT] = "text",
	[CB_FIELD_LONGTEXT] = "longtext",
	[CB_FIELD_YESNO] = "yesno",
	[CB_FIELD_DATE] = "date",
	[CB_FIELD_CHOICE] = "choice",
	[CB_FIELD_MULTICHOICE] = "multichoice",
	[CB_FIELD_SCALE] = "scale",
	[CB_FIELD_PERSON] = "person",
	[CB_FIELD_TABLE] = "table",
	[CB_FIELD_STAGE_OF_CHANGE] = "stage-of-change",
	[CB_FIELD_RISK_RATING] = "risk-rating",
	[CB_FIELD_GOALS] = "goals",
	[CB_FIELD_ACTIONS] = "actions",
	[CB_FIELD_ACTIONS_REVIEW] = "actions-review",
};

const char *
cb_field_type_name(enum cb_field_type t)
{
	return type_names[t];
}

int
cb_field_type_parse(const char *s, enum cb_field_type *out)
{
	size_t i;

	for (i = 0; i < sizeof type_names / sizeof *type_names; i++) {
		if (cb_streq(s, type_names[i])) {
			*out = (enum cb_field_type)i;
			return 0;
		}
	}
	return -1;
}

bool
cb_field_is_tool(enum cb_field_type t)
{
	return t >= CB_FIELD_STAGE_OF_CHANGE;
}

const char *
cb_applies_name(enum cb_applies a)
{
	switch (a) {
	case CB_APPLIES_FAMILY: return "family";
	case CB_APPLIES_EACH_ADULT: return "each-adult";
	case CB_APPLIES_EACH_CHILD: return "each-child";
	}
	return "?";
}

const struct cb_field *
cb_module_field(const struct cb_module *m, const char *key, const struct cb_section **section)
{
	const char *dot = key != NULL ? strchr(key, '.') : NULL;
	size_t i, j, slen;

	if (dot == NULL)
		return NULL;
	slen = (size_t)(dot - key);
	for (i = 0; i < m->sections.len; i++) {
		const struct cb_section *s = m->sections.items[i];

		if (strlen(s->id) != slen || strncmp(s->id, key, slen) != 0)
			continue;
		for (j = 0; j < s->fields.len; j++) {
			const struct cb_field *f = s->fields.items[j];

			if (strcmp(f->id, dot + 1) == 0) {
				if (section != NULL)
					*section = s;
				return f;
			}
		}
	}
	return NULL;
}

const char *
cb_option_label(const struct cb_vec *options, const char *id)
{
	size_t i;

	for (i = 0; i < options->len; i++) {
		const struct cb_option *o = options->items[i];

		if (cb_streq(o->id, id))
			return o->label;
	}
	return NULL;
}

const char *
cb_scale_anchor(const struct cb_field *f, long value)
{
	size_t i;

	for (i = 0; i < f->anchors.len; i++) {
		const struct cb_anchor *a = f->anchors.items[i];

		if (a->value == value)
			return a->label;
	}
	return NULL;
}
