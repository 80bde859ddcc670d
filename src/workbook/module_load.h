/* SPDX-License-Identifier: MIT */
/* Private to src/workbook: what the module loader shares with the
 * programme loader. */
#ifndef CASEBOOK_MODULE_LOAD_H
#define CASEBOOK_MODULE_LOAD_H

#include <stdbool.h>
#include <stddef.h>

struct cb_diags;
struct cb_module;
struct cb_refdata;

/* What could be read of a module file, even a broken one: the programme
 * needs it to tell which module a broken file was meant to be. */
struct ml_info {
	char *id;               /* NULL when there was no readable id */
	size_t id_line, id_col;
	size_t kind_line, kind_col;
	bool proforma;          /* it says it is the supervision proforma */
};

void ml_info_clear(struct ml_info *info);

/* cb_module_load_bytes, also filling info (which may be NULL). */
int ml_load(const char *name, const char *bytes, size_t len, const struct cb_refdata *ref,
            struct cb_module **out, struct cb_diags *diags, struct ml_info *info);

/* A set of strings, each with the line it was first seen on: finding
 * duplicates in one pass, so a file with a million ids costs no more
 * than a million lookups. Keys are borrowed. */
struct ml_seen {
	struct ml_seen_slot {
		const char *key;
		size_t line;
		size_t index;
	} *slots;
	size_t cap, len;
};

/* Add key; false (and the first one's line and index) when it is there. */
bool ml_seen_add(struct ml_seen *s, const char *key, size_t line, size_t index,
                 size_t *first_line, size_t *first_index);
void ml_seen_free(struct ml_seen *s);

/* s cut to at most 40 bytes (on a character boundary) with "...", for
 * quoting what the user wrote in a message. buf needs 48 bytes. */
const char *ml_shown(const char *s, char *buf);

/* Past this many problems the file is not really a module, and more
 * messages would only bury the first ones (and cost memory). */
#define ML_MAX_PROBLEMS 100
/* No mapping in a module uses more than 15 keys; comparing thousands of
 * keys with each other would only cost time. */
#define ML_MAX_KEYS 64
#define ML_MAX_ID 40
/* Scales are drawn point by point: keep them small enough to draw. */
#define ML_SCALE_LIMIT 100

struct cb_field;
struct cb_reflist;
struct cb_vec;
struct yt_node;

/* One file being checked. */
struct ml_ctx {
	const char *file;
	const struct cb_refdata *ref;
	struct cb_diags *d;
	size_t start;       /* problems already in d before this file */
	bool supervision;   /* kind: supervision */
	bool kind_known;    /* kind was absent or readable */
	bool stopped;       /* ML_MAX_PROBLEMS reached: the rest is unchecked */
	size_t plain_texts; /* texts given in English only, not {en: .., cy: ..} */
};

enum ml_id_kind {
	ML_ID_MODULE, /* [a-z][a-z0-9-]* */
	ML_ID_NAME,   /* [a-z][a-z0-9_]*: sections and fields */
	ML_ID_OPTION  /* [a-z0-9][a-z0-9_-]*: choices, rows, columns */
};

/* Whether the file has had ML_MAX_PROBLEMS problems: loops stop then
 * (and c->stopped says so). */
bool ml_full(struct ml_ctx *c);
/* A problem at a node (or the whole file when at is NULL). */
void ml_report(struct ml_ctx *c, const struct yt_node *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Unknown keys (with a suggestion) and repeated keys. */
void ml_check_keys(struct ml_ctx *c, const struct yt_node *map, const char *what,
                   const char *const *allowed);
const struct yt_node *ml_key_node(const struct yt_node *map, const char *key);
/* A required key: false (reported, with hint saying what to add) when absent. */
bool ml_need(struct ml_ctx *c, const struct yt_node *map, const char *key, const char *what,
             const char *hint);
bool ml_is_null(const struct yt_node *n);
/* The text under key, trimmed; NULL when absent, empty or not text. */
/* A text the worker reads: one written in English only is counted, so a
 * module read in another language can say it is partly in English. */
void ml_note_text(struct ml_ctx *c, const struct yt_node *n);
char *ml_text(struct ml_ctx *c, const struct yt_node *map, const char *key, bool required);
bool ml_number(struct ml_ctx *c, const struct yt_node *n, const char *what, long *out);
/* One of names (by index), with a suggestion when it is a near miss. */
bool ml_pick(struct ml_ctx *c, const struct yt_node *n, const char *what,
             const char *const *names, size_t count, int *out);
/* The text of map's id (valid or not, so duplicates are still found), or
 * NULL when there is none to read. */
const char *ml_read_id(struct ml_ctx *c, const struct yt_node *map, enum ml_id_kind k,
                       const char *what);
/* choices, rows or columns into out (struct cb_option). */
void ml_read_options(struct ml_ctx *c, const struct yt_node *list, const char *key,
                     const char *item, struct cb_vec *out);
/* A scale's anchors into f->anchors; range_known when f->min and f->max
 * are good, so the anchors can be held against them. */
void ml_read_anchors(struct ml_ctx *c, const struct yt_node *map, struct cb_field *f,
                     bool range_known);
/* led_by or issues: ids from a reference list (known NULL: not checked). */
void ml_read_ref_ids(struct ml_ctx *c, const struct yt_node *list, const char *key,
                     const char *item, const struct cb_reflist *known, const char *source,
                     struct cb_vec *out);

#endif
