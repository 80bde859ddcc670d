/* SPDX-License-Identifier: MIT */
/* Programme work with a family: sessions on home visits, answers to the
 * modules' fields, and whether each module is complete. */
#ifndef CASEBOOK_ANSWER_H
#define CASEBOOK_ANSWER_H

#include <stdbool.h>

#include "casebook/record.h"
#include "casebook/vec.h"

struct cb_err;
struct cb_field;

/* An answer to one field, for the family or for one person in it (and,
 * for the supervision proforma, in one meeting). The value is text:
 *   text, longtext  the text
 *   yesno           "yes" or "no"
 *   date            YYYY-MM-DD
 *   choice          the option id
 *   multichoice     option ids, one a line
 *   scale           the number
 *   person          the person's id
 *   table           "row<TAB>column<TAB>text" lines, text escaped (see below)
 */
struct cb_answer {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	char *module_id;
	char *field_key;              /* "section.field" */
	char person_id[CB_UUID_LEN];  /* "" for the family */
	char meeting_id[CB_UUID_LEN]; /* "" outside supervision */
	struct cb_rev rev;
	long module_version;          /* of the module when this was written */
	char *value;
	struct cb_date date;          /* the day the work was done */
};

/* A programme session with the family, usually a home visit. */
struct cb_session {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	struct cb_rev rev;
	struct cb_date date;
	char *modules;   /* module ids, space-separated */
	char *present;   /* ids of family members and workers, space-separated */
	char *covered;   /* what was covered */
};

/* How far a family is with one module. */
struct cb_progress {
	char *module_id;
	int sessions;
	int answers;
	bool complete;
	struct cb_date last;  /* the latest session or answer */
};

/* A module's version as recorded in the database: the highest version any
 * answer was written under. */
struct cb_module_version {
	char *module_id;
	long version;
};

struct cb_answer *cb_answer_new(void);
void cb_answer_free(struct cb_answer **a);
void cb_answer_free_item(void *a);
struct cb_session *cb_session_new(void);
void cb_session_free(struct cb_session **s);
void cb_session_free_item(void *s);
void cb_progress_free_item(void *p);
void cb_module_version_free_item(void *v);

int cb_session_check(const struct cb_session *s, struct cb_err *err);
/* Whether a space-separated id list holds id. */
bool cb_idlist_has(const char *list, const char *id);
/* Add id to a space-separated list (a new string), or remove it. */
char *cb_idlist_toggle(const char *list, const char *id);

/* Table values. */
char *cb_table_get(const char *value, const char *row, const char *col);
char *cb_table_set(const char *value, const char *row, const char *col, const char *text);
/* Multichoice values. */
bool cb_multi_has(const char *value, const char *id);
char *cb_multi_toggle(const char *value, const char *id);

/* Check a value against its field: a choice that exists, a scale in range,
 * a real date. A stored answer may no longer fit (the module changed):
 * the screens show it as it is, marked, and never drop it. */
int cb_value_check(const struct cb_field *f, const char *value, struct cb_err *err);
/* The value as a person reads it, in one line or several. Options that
 * have left the module are shown with "(no longer a choice)". person_name
 * turns a person id into a name (may be NULL). */
char *cb_value_display(const struct cb_field *f, const char *value,
                       const char *(*person_name)(const char *id, void *ctx), void *ctx);

#endif
