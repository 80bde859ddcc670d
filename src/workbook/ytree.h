/* SPDX-License-Identifier: MIT */
/* Private to src/workbook: a YAML document read whole into a small tree
 * whose every node knows its line and column. Anchors, aliases, tags and
 * second documents are refused, so no input can make the tree grow beyond
 * the size of the file. */
#ifndef CASEBOOK_YTREE_H
#define CASEBOOK_YTREE_H

#include <stdbool.h>
#include <stddef.h>

struct cb_diags;
struct yt_block;

enum yt_type { YT_SCALAR, YT_SEQ, YT_MAP };

struct yt_node {
	enum yt_type type;
	size_t line, col;      /* 1-based */
	char *value;           /* scalars */
	bool plain;            /* a scalar written without quotes */
	bool picked;           /* a text chosen from one in several languages */
	bool fallback;         /* ... in English, the language read lacking */
	struct yt_node **kids; /* sequence items; for maps key, value, key, ... */
	size_t n;
	/* On the root only: texts given in several languages ({en: ..,
	 * cy: ..}), and how many of them lacked the chosen language and
	 * fell back to English. */
	size_t lang_texts, lang_fallbacks;
	/* On the root only: the memory of the whole tree (see ytree.c). */
	struct yt_block *blocks;
};

/* Largest file read, deepest nesting allowed. */
#define YT_MAX_BYTES (4u << 20)
#define YT_MAX_DEPTH 32

/* Parse bytes (name is used in messages). Returns the root, or NULL with
 * the problems in diags (an empty document also gives NULL, and a
 * diagnostic). */
struct yt_node *yt_parse(const char *name, const char *bytes, size_t len,
                         struct cb_diags *diags);
/* Read and parse a file. */
struct yt_node *yt_load(const char *path, struct cb_diags *diags);
/* Free a tree: the root given, every node under it with it. */
void yt_free(struct yt_node *root);

size_t yt_map_len(const struct yt_node *map);
const struct yt_node *yt_key(const struct yt_node *map, size_t i);
const struct yt_node *yt_val(const struct yt_node *map, size_t i);
/* The value under key, or NULL. */
const struct yt_node *yt_get(const struct yt_node *map, const char *key);

/* Scalar readers: false (and a diagnostic) when the node is not one. */
bool yt_str(const struct yt_node *n, const char *file, struct cb_diags *d, const char *what,
            const char **out);
bool yt_int(const struct yt_node *n, const char *file, struct cb_diags *d, const char *what,
            long min, long max, long *out);
bool yt_bool(const struct yt_node *n, const char *file, struct cb_diags *d, const char *what,
             bool *out);
const char *yt_type_name(const struct yt_node *n);

/* Check a mapping's keys against the allowed ones: report unknown keys
 * (with the nearest allowed one as a suggestion), duplicated keys, and
 * missing required ones. allowed and required end with NULL. */
void yt_check_keys(const struct yt_node *map, const char *file, struct cb_diags *d,
                   const char *what, const char *const *allowed,
                   const char *const *required);

#endif
