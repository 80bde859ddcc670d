/* SPDX-License-Identifier: MIT */
/* Private to src/workbook: what the readers of import files share. */
#ifndef CASEBOOK_IMPORT_READ_H
#define CASEBOOK_IMPORT_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/date.h"
#include "casebook/import.h"
#include "casebook/uuid.h"

struct cb_diags;
struct cb_err;
struct cb_field;
struct cb_programme;
struct cb_refdata;
struct cb_reflist;
struct yt_node;

/* Past this many problems a file is not really an import file, and more
 * messages would bury the first ones (and cost memory). */
#define RD_MAX_PROBLEMS 200
/* No mapping in the format has more than 15 keys; checking thousands of
 * keys against each other would only cost time. */
#define RD_MAX_KEYS 64
#define RD_MAX_KEY_LEN 64
/* What a user wrote, cut short enough to quote in a message. */
#define RD_SHOWN 64
const char *rd_shown(const char *s, char buf[RD_SHOWN]);

/* One file being read. */
struct rd {
	struct cb_import_plan *p;
	const char *file;                 /* owned by the plan */
	const struct cb_refdata *ref;
	const struct cb_programme *prog;
	struct cb_diags *d;
	size_t start;                     /* problems in d before this file */
	bool full;                        /* RD_MAX_PROBLEMS reached: stop */
	long shift;                       /* days every date moves by */
};

/* Count the problems others (the YAML reader) added since before, and
 * stop at the limit. */
void rd_took(struct rd *r, size_t before);
/* A problem at a node (or the whole file when at is NULL). */
void rd_report(struct rd *r, const struct yt_node *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Problems in this file so far. */
size_t rd_problems(const struct rd *r);
/* A model check's verdict on a record read without problems since
 * `before`: its message, at the record. */
void rd_model(struct rd *r, const struct yt_node *at, size_t before, int rc,
              const struct cb_err *err);

/* A scalar that is not empty (a plain empty one is YAML's "nothing");
 * NULL, reported, otherwise. */
const char *rd_scalar(struct rd *r, const struct yt_node *n, const char *key);
/* A whole number written plainly; a true/false word written plainly. */
bool rd_number(const struct yt_node *n, long *out);
bool rd_word_bool(const struct yt_node *n, bool *out);

/* n must be a mapping with keys from allowed and all of required; false
 * (reported) when it is not a mapping at all. */
bool rd_map(struct rd *r, const struct yt_node *n, const char *what,
            const char *const *allowed, const char *const *required);
/* The list under key: NULL when absent or (reported) not a list. */
const struct yt_node *rd_list(struct rd *r, const struct yt_node *map, const char *key);
/* Text under key, trimmed, never blank; NULL when absent or (reported)
 * not usable. */
char *rd_text(struct rd *r, const struct yt_node *map, const char *key);
/* The same for a node. */
char *rd_text_node(struct rd *r, const struct yt_node *n, const char *key);
/* A date under key, moved by the shift; false when absent or (reported) bad. */
bool rd_date(struct rd *r, const struct yt_node *map, const char *key, struct cb_date *out);
bool rd_date_node(struct rd *r, const struct yt_node *n, struct cb_date *out);
bool rd_bool(struct rd *r, const struct yt_node *map, const char *key, bool *out);
bool rd_long(struct rd *r, const struct yt_node *map, const char *key, long min, long max,
             long *out);
/* A code from a reference list (suggesting the nearest when it is not). */
char *rd_code(struct rd *r, const struct yt_node *map, const char *key,
              const struct cb_reflist *list, const char *what);
char *rd_code_node(struct rd *r, const struct yt_node *n, const struct cb_reflist *list,
                   const char *what);
/* One of a fixed list of words. */
char *rd_pick(struct rd *r, const struct yt_node *map, const char *key,
              const char *const *words, const char *what);

/* Add an item for a record (owned by the plan from now on) at node at. */
size_t rd_add(struct rd *r, enum cb_import_kind kind, void *record, const struct yt_node *at,
              size_t parent);
/* The record's own id under "id": valid and not used before in the
 * import. Fills out ("" when unusable). */
bool rd_own_id(struct rd *r, const struct yt_node *map, size_t item, char out[CB_UUID_LEN]);
/* The author under "by": a worker; fills the item's author. */
void rd_author(struct rd *r, const struct yt_node *map, size_t item);
/* A reference to another record, resolved in the plan when it is there
 * and left for the database step otherwise. family_id is the family a
 * member or an action must belong to; before is the date an action must
 * have been agreed before. Fills out ("" when unusable). */
bool rd_ref(struct rd *r, const struct yt_node *n, enum cb_import_ref_kind kind,
            const char *family_id, struct cb_date before, size_t item, const char *what,
            char out[CB_UUID_LEN]);
bool rd_ref_key(struct rd *r, const struct yt_node *map, const char *key,
                enum cb_import_ref_kind kind, const char *family_id, size_t item,
                char out[CB_UUID_LEN]);
/* A list of references, space-separated, each once. NULL when absent. */
char *rd_ref_list(struct rd *r, const struct yt_node *map, const char *key,
                  enum cb_import_ref_kind kind, const char *family_id, size_t item);

/* The nearest of the candidates to s (for "did you mean"), or NULL. */
struct rd_near {
	const char *s;
	const char *best;
	size_t dist;
};
void rd_near_try(struct rd_near *n, const char *candidate);
/* The suggestion, when it is near enough to be a slip; NULL otherwise. */
const char *rd_near_best(const struct rd_near *n);

/* An answer's value as stored, checked against its field; NULL when it
 * does not fit (reported). */
char *rd_value(struct rd *r, const struct yt_node *v, const struct cb_field *f,
               const char *family_id, size_t item);

/* The families, meetings: import_family.c, import_meeting.c. */
void rd_family(struct rd *r, const struct yt_node *n);
void rd_meeting(struct rd *r, const struct yt_node *n);
/* A stage or a rating, for a family (m NULL) or agreed in meeting m.
 * parent is the family's item or the meeting's agenda item; field is the
 * proforma's stage-of-change field (may be NULL); present the workers
 * there, who agreed a meeting's rating. */
struct cb_meeting;
void rd_stage(struct rd *r, const struct yt_node *n, size_t parent, const char *family_id,
              const struct cb_meeting *m, const struct cb_field *field);
void rd_rating(struct rd *r, const struct yt_node *n, size_t parent, const char *family_id,
               const struct cb_meeting *m, const char *present);

#endif
