/* SPDX-License-Identifier: MIT */
/* Shared by the programme screens: the programme (programme.c), a module
 * (module.c), recording a session (session.c), answering a field
 * (fields.c) and the grid for table fields (table.c). */
#ifndef CASEBOOK_UI_PROGRAMME_H
#define CASEBOOK_UI_PROGRAMME_H

#include <stdbool.h>

#include "casebook/uuid.h"
#include "../ui.h"

struct cb_answer;
struct cb_field;
struct cb_module;
struct cb_person;
struct cb_section;
struct cb_vec;

/* A module for a family. module_id may name a module that has left the
 * programme: its answers are then all shown, read-only, as retired. */
void ui_open_module(struct ui_app *app, const char *family_id, const char *module_id);

/* Record a programme session with the family: date, who was there, the
 * modules (module_id, which may be NULL, ticked to begin with) and what
 * was covered. Returns 0 when saved, -1 when the worker backed out or the
 * save failed (and said so). */
int ui_session_record(struct ui_app *app, const char *family_id, const char *family_label,
                      const char *module_id);

struct cb_session;
/* Correct a session's date (part 0), who was there (1) or its modules
 * (2): a new version, the old one kept; says what happened. 0 when a
 * correction was saved. */
int ui_session_correct(struct ui_app *app, const struct cb_session *was, int part);

/* One place an answer goes: a field of a module, for the family or one
 * person in it. Everything is borrowed from the screen that asks. */
struct ui_answer_target {
	const char *family_id;
	const char *family_label;       /* "FS-26-0142 Price family" */
	const struct cb_module *module;
	const struct cb_section *section;
	const struct cb_field *field;
	const char *key;                /* "section.field" */
	const struct cb_person *person; /* NULL for the family */
	const struct cb_answer *current; /* the answer shown, or NULL */
	const struct cb_vec *people;    /* struct cb_person: the family's members */
};

/* Answer or change a field with the editor its type needs; tool fields
 * open their own screens. Returns 1 when an answer was saved (the caller
 * reloads), 0 otherwise. */
int ui_field_edit(struct ui_app *app, const struct ui_screen *about,
                  const struct ui_answer_target *t);
/* Check value against the field and save it as the target's answer, on
 * top of the version the screen showed. The one store call per save. */
int ui_answer_save(struct ui_app *app, const struct ui_answer_target *t, const char *value,
                   char pending_row[CB_UUID_LEN], struct cb_err *err);
/* The versions of an answer, with who wrote each and when. field may be
 * NULL (a retired field): values are then shown as they were stored. */
void ui_answer_history(struct ui_app *app, const struct ui_screen *about, const char *title,
                       const struct cb_field *field, const struct cb_answer *a,
                       const struct cb_vec *people);
/* An answer as a person reads it (a new string). field may be NULL. */
char *ui_answer_display(const struct cb_field *field, const char *value,
                        const struct cb_vec *people);
/* The draft key of an answer (a new string); cell (may be NULL) names a
 * table cell as "row/column". */
char *ui_answer_draft_key(const struct ui_answer_target *t, const char *cell);

/* The grid of a table field (a decisional balance, say). */
void ui_open_table(struct ui_app *app, const struct ui_screen *about,
                   const struct ui_answer_target *t);

/* A person's name by id among people (struct cb_person), or NULL; the
 * shape cb_value_display wants, with the vector as its context. */
const char *ui_person_name(const char *id, void *people);
/* "Higher is better" or "Higher is worse". */
const char *ui_scale_direction(const struct cb_field *f);
/* Where a field of a module is: "Drugs and alcohol: Weighing up change,
 * Jodie Price". A new string. */
char *ui_answer_place(const struct ui_answer_target *t);

#endif
