/* SPDX-License-Identifier: MIT */
/* The programme as data: modules, their sections and fields, read from
 * the authority's YAML (src/workbook) and rendered by the screens. */
#ifndef CASEBOOK_MODULE_H
#define CASEBOOK_MODULE_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/vec.h"

enum cb_module_kind {
	CB_MODULE_PROGRAMME,   /* kind: module */
	CB_MODULE_SUPERVISION  /* kind: supervision, the group supervision proforma */
};

enum cb_applies {
	CB_APPLIES_FAMILY,
	CB_APPLIES_EACH_ADULT,
	CB_APPLIES_EACH_CHILD
};

enum cb_field_type {
	CB_FIELD_TEXT,
	CB_FIELD_LONGTEXT,
	CB_FIELD_YESNO,
	CB_FIELD_DATE,
	CB_FIELD_CHOICE,
	CB_FIELD_MULTICHOICE,
	CB_FIELD_SCALE,
	CB_FIELD_PERSON,
	CB_FIELD_TABLE,
	/* Tool kinds: rendered by their own screens, stored as series. */
	CB_FIELD_STAGE_OF_CHANGE,
	CB_FIELD_RISK_RATING,
	CB_FIELD_GOALS,
	CB_FIELD_ACTIONS,
	CB_FIELD_ACTIONS_REVIEW
};

enum cb_scale_direction {
	CB_SCALE_HIGHER_IS_BETTER,
	CB_SCALE_HIGHER_IS_WORSE
};

enum cb_person_who {
	CB_WHO_ANY,
	CB_WHO_ADULT,
	CB_WHO_CHILD
};

/* A choice, a table row or a table column. */
struct cb_option {
	char *id;    /* what is stored */
	char *label; /* what is shown; the same as id for a plain string */
};

struct cb_anchor {
	long value;
	char *label;
};

struct cb_field {
	char *id;
	enum cb_field_type type;
	char *label;
	char *help;              /* may be NULL */
	bool required;
	char *example;           /* good recording; may be NULL */
	struct cb_vec choices;   /* struct cb_option: choice, multichoice */
	long min, max;           /* scale */
	enum cb_scale_direction direction;
	struct cb_vec anchors;   /* struct cb_anchor, by value */
	struct cb_vec rows;      /* struct cb_option: table */
	struct cb_vec columns;   /* struct cb_option: table */
	enum cb_person_who who;  /* person */
	struct cb_vec issues;    /* char *: stage-of-change; empty = all */
	size_t line, col;        /* where it is in the file */
};

struct cb_section {
	char *id;
	char *title;
	enum cb_applies applies_to;
	char *guidance;          /* may be NULL */
	struct cb_vec prompts;   /* char * */
	struct cb_vec fields;    /* struct cb_field */
	size_t line, col;
};

struct cb_module {
	char *id;
	long version;
	long order;
	enum cb_module_kind kind;
	char *title;
	char *purpose;
	struct cb_vec led_by;    /* char *: role ids */
	struct cb_vec sections;  /* struct cb_section */
	char *source;            /* the file it came from */
	size_t version_line, version_col; /* of version:, for messages */
};

/* The effective set of modules, in programme order, and the proforma. */
struct cb_programme {
	struct cb_vec modules;   /* struct cb_module, owned; by order then id */
	const struct cb_module *supervision; /* borrowed from modules; may be NULL */
};

struct cb_module *cb_module_new(void);
void cb_module_free(struct cb_module **m);
void cb_module_free_item(void *m);
struct cb_section *cb_section_new(void);
void cb_section_free_item(void *s);
struct cb_field *cb_field_new(void);
void cb_field_free_item(void *f);
struct cb_option *cb_option_new(const char *id, const char *label);
void cb_option_free_item(void *o);
void cb_anchor_free_item(void *a);

void cb_programme_init(struct cb_programme *p);
void cb_programme_clear(struct cb_programme *p);
/* Programme order: by order, then id. Also finds the proforma. */
void cb_programme_sort(struct cb_programme *p);
const struct cb_module *cb_programme_find(const struct cb_programme *p, const char *id);

const char *cb_field_type_name(enum cb_field_type t);   /* "longtext" */
int cb_field_type_parse(const char *s, enum cb_field_type *out);
bool cb_field_is_tool(enum cb_field_type t);            /* stage-of-change ... */
const char *cb_applies_name(enum cb_applies a);         /* "each-adult" */

/* A field by its key "section.field"; NULL when the module has none. */
const struct cb_field *cb_module_field(const struct cb_module *m, const char *key,
                                       const struct cb_section **section);
/* The label of a stored option id, or NULL when the option has gone. */
const char *cb_option_label(const struct cb_vec *options, const char *id);
/* The label of the anchor at value, or NULL. */
const char *cb_scale_anchor(const struct cb_field *f, long value);

#endif
