/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "casebook/diag.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/workbook.h"
#include "ytree.h"

/* A tree lives in blocks of 64 KiB (or one the size of a bigger text),
 * freed together with its root: an import file of 400 families is some
 * 40,000 nodes and texts, which cost about as much to free one by one as
 * to build. Under AddressSanitizer each piece is a block of its own, so
 * that a write past one is still seen. */
#if defined(__SANITIZE_ADDRESS__)
#define YT_OWN_BLOCKS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define YT_OWN_BLOCKS 1
#endif
#endif
#ifdef YT_OWN_BLOCKS
#define YT_BLOCK ((size_t)0)
#else
#define YT_BLOCK ((size_t)64 << 10)
#endif

struct yt_block {
	struct yt_block *next;
	size_t used, size;
	max_align_t data[];
};

struct builder {
	const char *name;
	struct cb_diags *diags;
	yaml_parser_t parser;
	int depth;
	bool failed;
	/* The input: libyaml places bad bytes only as an offset into it. */
	const char *bytes;
	size_t len;
	/* The tree's memory, and the items of the lists and mappings open,
	 * each copied to the tree at its end. */
	struct yt_block *blocks;
	struct yt_node **stack;
	size_t top, cap;
};

/* n bytes from the tree's blocks, aligned for a node. */
static void *
tree_alloc(struct builder *b, size_t n)
{
	struct yt_block *k = b->blocks;
	void *p;

	n = (n + _Alignof(struct yt_node) - 1) & ~(_Alignof(struct yt_node) - 1);
	if (k == NULL || k->size - k->used < n) {
		size_t size = n;

		if (YT_BLOCK > sizeof *k && YT_BLOCK - sizeof *k > n)
			size = YT_BLOCK - sizeof *k;
		k = cb_malloc(sizeof *k + size);
		k->size = size;
		k->used = 0;
		k->next = b->blocks;
		b->blocks = k;
	}
	p = (char *)k->data + k->used;
	k->used += n;
	return p;
}

static void
blocks_free(struct yt_block *k)
{
	while (k != NULL) {
		struct yt_block *next = k->next;

		free(k);
		k = next;
	}
}

static struct yt_node *
node_new(struct builder *b, enum yt_type type, const yaml_mark_t *mark)
{
	struct yt_node *n = tree_alloc(b, sizeof *n);

	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = mark->line + 1;
	n->col = mark->column + 1;
	return n;
}

void
yt_free(struct yt_node *root)
{
	if (root != NULL)
		blocks_free(root->blocks);
}

static void
push_kid(struct builder *b, struct yt_node *kid)
{
	if (b->top == b->cap) {
		b->cap = b->cap == 0 ? 64 : b->cap * 2;
		b->stack = cb_reallocarray(b->stack, b->cap, sizeof *b->stack);
	}
	b->stack[b->top++] = kid;
}

static void
fail_at(struct builder *b, const yaml_mark_t *m, const char *msg)
{
	if (!b->failed)
		cb_diags_add(b->diags, b->name, m->line + 1, m->column + 1, "%s", msg);
	b->failed = true;
}

/* Line and column (1-based, in characters) of a byte offset. */
static void
offset_position(const struct builder *b, size_t offset, size_t *line, size_t *col)
{
	size_t i;

	*line = *col = 1;
	for (i = 0; i < offset && i < b->len; i++) {
		if (b->bytes[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)b->bytes[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

/* The byte at a 1-based line and column (counted in characters), or 0. */
static char
char_at(const struct builder *b, size_t line, size_t col)
{
	size_t i = 0, l = 1, c = 1;

	for (; i < b->len && l < line; i++)
		if (b->bytes[i] == '\n')
			l++;
	for (; i < b->len && b->bytes[i] != '\n'; i++) {
		if (((unsigned char)b->bytes[i] & 0xC0) == 0x80)
			continue;
		if (c++ == col)
			return b->bytes[i];
	}
	return 0;
}

static bool
next_event(struct builder *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev)) {
		const yaml_parser_t *p = &b->parser;
		const char *problem = p->problem != NULL ? p->problem : _("cannot read the file");
		size_t line = p->problem_mark.line + 1, col = p->problem_mark.column + 1;

		if (!b->failed && p->error == YAML_READER_ERROR) {
			/* Bad bytes: libyaml knows only where, as an offset. */
			offset_position(b, p->problem_offset, &line, &col);
			cb_diags_add(b->diags, b->name, line, col,
			             _("%s: the file must be plain UTF-8 text; remove the character, "
			               "or save the file as UTF-8"), problem);
		} else if (!b->failed && p->error == YAML_SCANNER_ERROR &&
		           char_at(b, line, col) == '\t') {
			cb_diags_add(b->diags, b->name, line, col,
			             _("a tab where YAML needs spaces: indent with spaces, never tabs"));
		} else if (!b->failed) {
			if (p->context != NULL)
				cb_diags_add(b->diags, b->name, p->problem_mark.line + 1,
				             p->problem_mark.column + 1, "%s %s", problem, p->context);
			else
				cb_diags_add(b->diags, b->name, p->problem_mark.line + 1,
				             p->problem_mark.column + 1, "%s", problem);
		}
		b->failed = true;
		return false;
	}
	return true;
}

static bool
refuse_extras(struct builder *b, const yaml_event_t *ev, const unsigned char *anchor,
              const unsigned char *tag, int implicit)
{
	if (anchor != NULL) {
		fail_at(b, &ev->start_mark,
		        _("anchors (&name) are not allowed here: write the text out in full"));
		return true;
	}
	if (tag != NULL && !implicit) {
		fail_at(b, &ev->start_mark, _("tags (!name) are not allowed here: remove the tag"));
		return true;
	}
	return false;
}

/* Build the node that starts with ev (already read); NULL on failure. */
static struct yt_node *
build(struct builder *b, yaml_event_t *ev)
{
	struct yt_node *n = NULL;
	yaml_event_t kid;
	size_t base;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (refuse_extras(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag,
		                  ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit))
			return NULL;
		if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length) != NULL) {
			fail_at(b, &ev->start_mark, _("the text holds a NUL character"));
			return NULL;
		}
		n = node_new(b, YT_SCALAR, &ev->start_mark);
		n->value = tree_alloc(b, ev->data.scalar.length + 1);
		memcpy(n->value, ev->data.scalar.value, ev->data.scalar.length);
		n->value[ev->data.scalar.length] = '\0';
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return n;
	case YAML_ALIAS_EVENT:
		fail_at(b, &ev->start_mark,
		        _("aliases (*name) are not allowed here: write the text out in full"));
		return NULL;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
		yaml_event_type_t end = seq ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT;

		if (seq ? refuse_extras(b, ev, ev->data.sequence_start.anchor,
		                        ev->data.sequence_start.tag, ev->data.sequence_start.implicit)
		        : refuse_extras(b, ev, ev->data.mapping_start.anchor,
		                        ev->data.mapping_start.tag, ev->data.mapping_start.implicit))
			return NULL;
		if (++b->depth > YT_MAX_DEPTH) {
			fail_at(b, &ev->start_mark, _("nested too deeply"));
			return NULL;
		}
		n = node_new(b, seq ? YT_SEQ : YT_MAP, &ev->start_mark);
		base = b->top;
		for (;;) {
			struct yt_node *k;

			if (!next_event(b, &kid))
				goto fail;
			if (kid.type == end) {
				yaml_event_delete(&kid);
				break;
			}
			if (!seq && (b->top - base) % 2 == 0 && kid.type != YAML_SCALAR_EVENT) {
				fail_at(b, &kid.start_mark, _("a key must be plain text"));
				yaml_event_delete(&kid);
				goto fail;
			}
			k = build(b, &kid);
			yaml_event_delete(&kid);
			if (k == NULL)
				goto fail;
			push_kid(b, k);
		}
		n->n = b->top - base;
		if (n->n > 0) {
			n->kids = tree_alloc(b, n->n * sizeof *n->kids);
			memcpy(n->kids, b->stack + base, n->n * sizeof *n->kids);
		}
		b->top = base;
		b->depth--;
		return n;
	fail:
		/* What was built goes with the blocks. */
		b->top = base;
		b->depth--;
		return NULL;
	}
	default:
		fail_at(b, &ev->start_mark, _("unexpected YAML structure"));
		return NULL;
	}
}

/* The language texts are read in: see cb_workbook_set_language(). */
static char content_lang[8] = "en";

void
cb_workbook_set_language(const char *lang)
{
	size_t i;

	for (i = 0; lang != NULL && i + 1 < sizeof content_lang && lang[i] >= 'a' && lang[i] <= 'z'; i++)
		content_lang[i] = lang[i];
	content_lang[i] = '\0';
	if (i < 2 || i > 3)
		strcpy(content_lang, "en");
}

const char *
cb_workbook_language(void)
{
	return content_lang;
}

static bool
lang_code(const struct yt_node *k)
{
	size_t i;

	if (k->type != YT_SCALAR)
		return false;
	for (i = 0; k->value[i] != '\0'; i++)
		if (k->value[i] < 'a' || k->value[i] > 'z')
			return false;
	return i == 2 || i == 3;
}

/* A text in several languages: a mapping with an English text (en:)
 * whose keys are all language codes and whose values are all text. Such
 * a mapping without en: is left alone, so its reader reports a mapping
 * where text belongs, and so is {id: ...}, an id and not Indonesian. */
static bool
lang_map(const struct yt_node *n)
{
	size_t i;
	bool en = false;

	if (n->type != YT_MAP || n->n == 0)
		return false;
	for (i = 0; i + 1 < n->n; i += 2) {
		if (!lang_code(n->kids[i]) || n->kids[i + 1]->type != YT_SCALAR)
			return false;
		en = en || strcmp(n->kids[i]->value, "en") == 0;
	}
	return en;
}

/* Replace every text in several languages with the one in the chosen
 * language, or the English one when it has none, counting both. */
static void
pick_languages(struct yt_node *root, struct yt_node *n)
{
	size_t i, start = n->type == YT_MAP ? 1 : 0, step = n->type == YT_MAP ? 2 : 1;

	if (n->type == YT_SCALAR)
		return;
	for (i = start; i < n->n; i += step) {
		struct yt_node *v = n->kids[i], *en = NULL, *want = NULL, *pick;
		size_t k;

		if (!lang_map(v)) {
			pick_languages(root, v);
			continue;
		}
		for (k = 0; k + 1 < v->n; k += 2) {
			if (strcmp(v->kids[k]->value, "en") == 0)
				en = v->kids[k + 1];
			if (strcmp(v->kids[k]->value, content_lang) == 0)
				want = v->kids[k + 1];
		}
		pick = want != NULL ? want : en;
		pick->picked = true;
		pick->fallback = want == NULL;
		root->lang_texts++;
		if (want == NULL)
			root->lang_fallbacks++;
		/* The chosen text takes the mapping's place in the tree. */
		n->kids[i] = pick;
	}
}

struct yt_node *
yt_parse(const char *name, const char *bytes, size_t len, struct cb_diags *diags)
{
	struct builder b = {name, diags, {0}, 0, false, bytes, len, NULL, NULL, 0, 0};
	struct yt_node *root = NULL;
	yaml_event_t ev;
	bool done = false;
	int docs = 0;

	if (len > YT_MAX_BYTES) {
		cb_diags_add(diags, name, 0, 0, _("the file is too large (over %u MiB)"),
		             YT_MAX_BYTES >> 20);
		return NULL;
	}
	if (!yaml_parser_initialize(&b.parser))
		cb_mem_fatal();
	yaml_parser_set_input_string(&b.parser, (const unsigned char *)bytes, len);
	while (!done && next_event(&b, &ev)) {
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				fail_at(&b, &ev.start_mark,
				        _("only one document is allowed in a file: remove the '---' "
				          "and what follows, or split it into files"));
			break;
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			break;
		default:
			if (root == NULL && !b.failed)
				root = build(&b, &ev);
			break;
		}
		yaml_event_delete(&ev);
		if (b.failed)
			break;
	}
	yaml_parser_delete(&b.parser);
	free(b.stack);
	if (b.failed || root == NULL) {
		blocks_free(b.blocks);
		if (!b.failed)
			cb_diags_add(diags, name, 0, 0, _("the file is empty"));
		return NULL;
	}
	root->blocks = b.blocks;
	pick_languages(root, root);
	return root;
}

struct yt_node *
yt_load(const char *path, struct cb_diags *diags)
{
	struct cb_buf buf = {0};
	struct yt_node *root;
	char chunk[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		cb_diags_add(diags, path, 0, 0, _("cannot read the file (%s)"), strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		cb_buf_addn(&buf, chunk, n);
		if (buf.len > YT_MAX_BYTES)
			break;
	}
	if (ferror(f)) {
		cb_diags_add(diags, path, 0, 0, _("cannot read the file (%s)"), strerror(errno));
		fclose(f);
		cb_buf_free(&buf);
		return NULL;
	}
	fclose(f);
	root = yt_parse(path, buf.s != NULL ? buf.s : "", buf.len, diags);
	cb_buf_free(&buf);
	return root;
}

size_t
yt_map_len(const struct yt_node *map)
{
	return map != NULL && map->type == YT_MAP ? map->n / 2 : 0;
}

const struct yt_node *
yt_key(const struct yt_node *map, size_t i)
{
	return map->kids[2 * i];
}

const struct yt_node *
yt_val(const struct yt_node *map, size_t i)
{
	return 2 * i + 1 < map->n ? map->kids[2 * i + 1] : NULL;
}

const struct yt_node *
yt_get(const struct yt_node *map, const char *key)
{
	size_t i;

	for (i = 0; i < yt_map_len(map); i++)
		if (cb_streq(yt_key(map, i)->value, key))
			return yt_val(map, i);
	return NULL;
}

const char *
yt_type_name(const struct yt_node *n)
{
	if (n == NULL)
		return _("nothing");
	switch (n->type) {
	case YT_SCALAR: return _("a value");
	case YT_SEQ: return _("a list");
	case YT_MAP: return _("a mapping");
	}
	return "?";
}

bool
yt_str(const struct yt_node *n, const char *file, struct cb_diags *d, const char *what,
       const char **out)
{
	if (n == NULL || n->type != YT_SCALAR) {
		if (n != NULL)
			cb_diags_add(d, file, n->line, n->col, _("%s should be text, not %s"), what,
			             yt_type_name(n));
		return false;
	}
	*out = n->value;
	return true;
}

bool
yt_int(const struct yt_node *n, const char *file, struct cb_diags *d, const char *what,
       long min, long max, long *out)
{
	char *end;
	long v;

	if (n == NULL || n->type != YT_SCALAR || !n->plain || n->value[0] == '\0') {
		if (n != NULL)
			cb_diags_add(d, file, n->line, n->col, _("%s should be a whole number"), what);
		return false;
	}
	errno = 0;
	v = strtol(n->value, &end, 10);
	if (*end != '\0' || errno != 0) {
		cb_diags_add(d, file, n->line, n->col, _("%s should be a whole number, not '%s'"),
		             what, n->value);
		return false;
	}
	if (v < min || v > max) {
		cb_diags_add(d, file, n->line, n->col, _("%s should be from %ld to %ld, not %ld"),
		             what, min, max, v);
		return false;
	}
	*out = v;
	return true;
}

bool
yt_bool(const struct yt_node *n, const char *file, struct cb_diags *d, const char *what,
        bool *out)
{
	static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
	static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
	size_t i;

	if (n != NULL && n->type == YT_SCALAR && n->plain) {
		for (i = 0; i < sizeof yes / sizeof *yes; i++) {
			if (strcmp(n->value, yes[i]) == 0) {
				*out = true;
				return true;
			}
			if (strcmp(n->value, no[i]) == 0) {
				*out = false;
				return true;
			}
		}
	}
	if (n != NULL)
		cb_diags_add(d, file, n->line, n->col, _("%s should be true or false"), what);
	return false;
}

void
yt_check_keys(const struct yt_node *map, const char *file, struct cb_diags *d,
              const char *what, const char *const *allowed, const char *const *required)
{
	size_t i, j;

	for (i = 0; i < yt_map_len(map); i++) {
		const struct yt_node *k = yt_key(map, i);
		const char *best = NULL;
		size_t best_d = SIZE_MAX;
		bool known = false;

		for (j = 0; allowed[j] != NULL && !known; j++)
			known = strcmp(k->value, allowed[j]) == 0;
		/* The nearest known key, only for one that is not. */
		for (j = 0; !known && allowed[j] != NULL; j++) {
			size_t dist = cb_str_distance(k->value, allowed[j], 3);

			if (dist < best_d) {
				best_d = dist;
				best = allowed[j];
			}
		}
		if (!known) {
			if (best != NULL && best_d <= 3 && best_d < strlen(k->value))
				cb_diags_add(d, file, k->line, k->col,
				             _("unknown key '%s' in %s: did you mean '%s'?"), k->value,
				             what, best);
			else
				cb_diags_add(d, file, k->line, k->col, _("unknown key '%s' in %s"),
				             k->value, what);
		}
		for (j = 0; j < i; j++) {
			if (cb_streq(yt_key(map, j)->value, k->value)) {
				cb_diags_add(d, file, k->line, k->col,
				             _("the key '%s' appears twice in %s (first on line %zu)"),
				             k->value, what, yt_key(map, j)->line);
				break;
			}
		}
	}
	for (j = 0; required != NULL && required[j] != NULL; j++)
		if (yt_get(map, required[j]) == NULL)
			cb_diags_add(d, file, map->line, map->col, _("%s has no '%s'"), what,
			             required[j]);
}
