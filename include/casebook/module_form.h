/* SPDX-License-Identifier: MIT */
/* A module laid out for one family, as the module screen shows it: each
 * section as a block (one block per person for sections that apply to
 * each adult or each child), each field with its current answer, and at
 * the end every answer that no longer has a place in the module (its field
 * left the module, its person left the family, its section changed whom it
 * asks about) as retired, so that nothing recorded ever drops out of
 * sight. No I/O: the screens draw it and the tests check it. */
#ifndef CASEBOOK_MODULE_FORM_H
#define CASEBOOK_MODULE_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/vec.h"

struct cb_answer;
struct cb_field;
struct cb_module;
struct cb_person;
struct cb_section;

enum cb_form_kind {
	CB_FORM_HEADING,         /* a section, or a section for one person */
	CB_FORM_FIELD,           /* a field, with its answer if it has one */
	CB_FORM_RETIRED_HEADING, /* "Retired fields", before the retired rows */
	CB_FORM_RETIRED          /* an answer that no longer has a place */
};

/* Why an answer is retired. */
enum cb_form_why {
	CB_RETIRED_NONE,
	CB_RETIRED_FIELD,   /* its field (or its whole module) left the module,
	                       or the field is now a tool kept on its own screen */
	CB_RETIRED_PERSON,  /* for someone no longer in the family, or no longer
	                       an adult / a child as the section asks */
	CB_RETIRED_SCOPE    /* its section now asks once for the family instead
	                       of for each person, or the other way round */
};

struct cb_form_row {
	enum cb_form_kind kind;
	size_t block;                     /* blocks count from 0; the retired are last */
	const struct cb_section *section; /* NULL for retired rows */
	const struct cb_field *field;     /* FIELD: the field. RETIRED: the field when
	                                     it is still in the module, else NULL */
	const struct cb_person *person;   /* the person a block or answer is about;
	                                     NULL for the family */
	const struct cb_answer *answer;   /* FIELD: the current answer or NULL.
	                                     RETIRED: the answer */
	enum cb_form_why why;             /* RETIRED only */
	bool nobody;                      /* HEADING of a per-person section when the
	                                     family has nobody it applies to */
	char *key;                        /* "section.field" (FIELD, RETIRED); owned */
};

struct cb_form {
	struct cb_vec rows;       /* struct cb_form_row, owned */
	size_t blocks;
	size_t fields;            /* field rows that take an answer (tools excluded) */
	size_t answered;          /* of those, with an answer that is not empty */
	size_t required_missing;  /* required ones still without an answer */
	size_t retired;           /* retired answers */
};

void cb_form_init(struct cb_form *f);
void cb_form_clear(struct cb_form *f);

/* Lay out module m (NULL when the module has left the programme: every
 * answer is then retired) for a family with people (struct cb_person, in
 * the order to show them) and answers (struct cb_answer: the module's
 * current answers outside meetings). The form borrows all three, which
 * must outlive it. Anything built before is cleared first. */
void cb_form_build(struct cb_form *f, const struct cb_module *m, const struct cb_vec *people,
                   const struct cb_vec *answers);

/* Whether an answer says something (an answer saved empty is a cleared
 * one: its earlier versions are in its history). */
bool cb_form_answered(const struct cb_answer *a);

/* The row of the next / previous block's heading from row i (for Tab and
 * Shift-Tab); i itself when there is none. */
size_t cb_form_next_block(const struct cb_form *f, size_t i);
size_t cb_form_prev_block(const struct cb_form *f, size_t i);

/* The form row at i (NULL past the end). */
const struct cb_form_row *cb_form_row(const struct cb_form *f, size_t i);

#endif
