/* SPDX-License-Identifier: MIT */
/* The readers every part of a module file is checked with: text, numbers,
 * one-of-a-list words, ids, choices, anchors and reference ids. Each
 * reports what is wrong where it is, in words that say what to do, and
 * carries on, so one pass over a file finds every problem. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/diag.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/str.h"
#include "module_load.h"
#include "ytree.h"

static const char *const option_keys[] = {"id", "label", NULL};

void
ml_info_clear(struct ml_info *info)
{
	if (info == NULL)
		return;
	free(info->id);
	memset(info, 0, sizeof *info);
}

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

bool
ml_seen_add(struct ml_seen *s, const char *key, size_t line, size_t index, size_t *first_line,
            size_t *first_index)
{
	size_t i, mask;

	if (2 * (s->len + 1) > s->cap) {
		struct ml_seen bigger = {0};

		bigger.cap = s->cap == 0 ? 16 : 2 * s->cap;
		bigger.slots = cb_calloc(bigger.cap, sizeof *bigger.slots);
		for (i = 0; i < s->cap; i++)
			if (s->slots[i].key != NULL)
				ml_seen_add(&bigger, s->slots[i].key, s->slots[i].line, s->slots[i].index,
				            NULL, NULL);
		free(s->slots);
		*s = bigger;
	}
	mask = s->cap - 1;
	for (i = (size_t)hash(key) & mask; s->slots[i].key != NULL; i = (i + 1) & mask) {
		if (strcmp(s->slots[i].key, key) == 0) {
			if (first_line != NULL)
				*first_line = s->slots[i].line;
			if (first_index != NULL)
				*first_index = s->slots[i].index;
			return false;
		}
	}
	s->slots[i].key = key;
	s->slots[i].line = line;
	s->slots[i].index = index;
	s->len++;
	return true;
}

void
ml_seen_free(struct ml_seen *s)
{
	free(s->slots);
	memset(s, 0, sizeof *s);
}

const char *
ml_shown(const char *s, char *buf)
{
	size_t n = 0, i;
	bool cut = false;

	while (s[n] != '\0' && n < 40)
		n++;
	if (s[n] != '\0') {
		cut = true;
		/* Back to the start of a UTF-8 character. */
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++)
		buf[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	strcpy(buf + n, cut ? "..." : "");
	return buf;
}

/* --- reporting ----------------------------------------------------------- */

bool
ml_full(struct ml_ctx *c)
{
	if (cb_diags_count(c->d) - c->start < ML_MAX_PROBLEMS)
		return false;
	c->stopped = true;
	return true;
}

void
ml_report(struct ml_ctx *c, const struct yt_node *at, const char *fmt, ...)
{
	struct cb_buf b = {0};
	va_list ap;

	if (ml_full(c))
		return;
	va_start(ap, fmt);
	cb_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	cb_diags_add(c->d, c->file, at != NULL ? at->line : 0, at != NULL ? at->col : 0, "%s",
	             cb_buf_str(&b));
	cb_buf_free(&b);
}

void
ml_check_keys(struct ml_ctx *c, const struct yt_node *map, const char *what,
              const char *const *allowed)
{
	if (ml_full(c))
		return;
	if (yt_map_len(map) > ML_MAX_KEYS) {
		ml_report(c, map, _("%s has %zu keys, far more than it can use: check the indentation"),
		          what, yt_map_len(map));
		return;
	}
	yt_check_keys(map, c->file, c->d, what, allowed, NULL);
}

/* The key node itself, for pointing at a key rather than its value. */
const struct yt_node *
ml_key_node(const struct yt_node *map, const char *key)
{
	size_t i;

	for (i = 0; i < yt_map_len(map); i++)
		if (cb_streq(yt_key(map, i)->value, key))
			return yt_key(map, i);
	return NULL;
}

bool
ml_need(struct ml_ctx *c, const struct yt_node *map, const char *key, const char *what,
        const char *hint)
{
	if (yt_get(map, key) != NULL)
		return true;
	ml_report(c, map, _("%s has no '%s': %s"), what, key, hint);
	return false;
}

/* --- values -------------------------------------------------------------- */

bool
ml_is_null(const struct yt_node *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
	size_t i;

	if (n->type != YT_SCALAR || !n->plain)
		return false;
	for (i = 0; i < sizeof nulls / sizeof *nulls; i++)
		if (strcmp(n->value, nulls[i]) == 0)
			return true;
	return false;
}

void
ml_note_text(struct ml_ctx *c, const struct yt_node *n)
{
	if (n != NULL && n->type == YT_SCALAR && !n->picked)
		c->plain_texts++;
}

/* The text under key, trimmed; NULL when absent, empty or not text (the
 * last two reported; an absent key is ml_need()'s business). */
char *
ml_text(struct ml_ctx *c, const struct yt_node *map, const char *key, bool required)
{
	const struct yt_node *n = yt_get(map, key);
	char *t;

	if (n == NULL)
		return NULL;
	if (n->type != YT_SCALAR) {
		ml_report(c, n, _("%s should be text, not %s: write it as one piece of text"), key,
		          yt_type_name(n));
		return NULL;
	}
	ml_note_text(c, n);
	t = ml_is_null(n) ? cb_strdup("") : cb_str_trim(n->value);
	if (t[0] == '\0') {
		if (required)
			ml_report(c, n, _("%s is empty: fill it in"), key);
		free(t);
		return NULL;
	}
	return t;
}

bool
ml_number(struct ml_ctx *c, const struct yt_node *n, const char *what, long *out)
{
	char shown[48];
	char *end;
	long v;

	if (n->type != YT_SCALAR) {
		ml_report(c, n, _("%s should be a whole number, not %s"), what, yt_type_name(n));
		return false;
	}
	if (!n->plain) {
		ml_report(c, n, _("%s should be a whole number, without quotes"), what);
		return false;
	}
	errno = 0;
	v = strtol(n->value, &end, 10);
	if (n->value[0] != '\0' && *end == '\0' && errno == ERANGE) {
		ml_report(c, n, _("%s should be a small whole number, not one of %zu digits"), what,
		          strlen(n->value));
		return false;
	}
	if (n->value[0] == '\0' || *end != '\0' || errno != 0) {
		ml_report(c, n, _("%s should be a whole number, not '%s'"), what,
		          ml_shown(n->value, shown));
		return false;
	}
	*out = v;
	return true;
}

/* The nearest of names to s, when it is near enough to be a slip. */
static const char *
nearest(const char *s, const char *const *names, size_t count)
{
	const char *best = NULL;
	size_t i, best_d = SIZE_MAX;

	for (i = 0; i < count; i++) {
		size_t dist = cb_str_distance(s, names[i], 3);

		if (dist < best_d) {
			best_d = dist;
			best = names[i];
		}
	}
	/* Short words are near everything: "baby" is not a slip for "any". */
	return best_d <= 3 && 2 * best_d < strlen(s) ? best : NULL;
}

static const char *
nearest_ref(const struct cb_reflist *l, const char *s)
{
	size_t i, n = cb_reflist_len(l);
	const char **names = cb_calloc(n + 1, sizeof *names);
	const char *best;

	for (i = 0; i < n; i++)
		names[i] = cb_reflist_at(l, i)->id;
	best = nearest(s, names, n);
	free(names);
	return best;
}

static char *
join(const char *const *names, size_t count)
{
	struct cb_buf b = {0};
	size_t i;

	for (i = 0; i < count; i++)
		cb_buf_addf(&b, "%s%s", i > 0 ? ", " : "", names[i]);
	return cb_buf_take(&b);
}

/* One of names, by index. */
bool
ml_pick(struct ml_ctx *c, const struct yt_node *n, const char *what, const char *const *names,
        size_t count, int *out)
{
	char shown[48];
	const char *best;
	size_t i;

	if (n->type != YT_SCALAR) {
		char *all = join(names, count);

		ml_report(c, n, _("%s should be one of %s, not %s"), what, all, yt_type_name(n));
		free(all);
		return false;
	}
	for (i = 0; i < count; i++) {
		if (strcmp(n->value, names[i]) == 0) {
			*out = (int)i;
			return true;
		}
	}
	best = nearest(n->value, names, count);
	if (best != NULL) {
		ml_report(c, n, _("unknown %s '%s': did you mean '%s'?"), what, ml_shown(n->value, shown),
		          best);
	} else {
		char *all = join(names, count);

		ml_report(c, n, _("unknown %s '%s': use one of %s"), what, ml_shown(n->value, shown), all);
		free(all);
	}
	return false;
}

/* --- ids ----------------------------------------------------------------- */

static bool
id_char(char ch, enum ml_id_kind k, bool first)
{
	if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9' && (!first || k == ML_ID_OPTION)))
		return true;
	if (first)
		return false;
	return (ch == '-' && k != ML_ID_NAME) || (ch == '_' && k != ML_ID_MODULE);
}

static bool
id_valid(const char *s, enum ml_id_kind k)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (i >= ML_MAX_ID || !id_char(s[i], k, i == 0))
			return false;
	return i > 0;
}

/* What the id might have been meant to be: "Daily care" -> daily_care. */
static char *
id_suggest(const char *s, enum ml_id_kind k)
{
	char sep = k == ML_ID_MODULE ? '-' : '_';
	struct cb_buf b = {0};
	bool gap = false;

	for (; *s != '\0' && b.len < ML_MAX_ID; s++) {
		char ch = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (b.len == 0 && !id_char(ch, k, true))
				continue;
			if (gap && b.len > 0)
				cb_buf_addc(&b, sep);
			gap = false;
			cb_buf_addc(&b, ch);
		} else {
			gap = true;
		}
	}
	return cb_buf_take(&b);
}

/* The id under map's "id" key: its text when it is a scalar (valid or
 * not: duplicates are found either way), else NULL. */
const char *
ml_read_id(struct ml_ctx *c, const struct yt_node *map, enum ml_id_kind k, const char *what)
{
	static const char *const rules[] = {
		[ML_ID_MODULE] = N_("lower-case letters, digits and hyphens, starting with a letter"),
		[ML_ID_NAME] = N_("lower-case letters, digits and underscores, starting with a letter"),
		[ML_ID_OPTION] = N_("lower-case letters, digits, hyphens and underscores"),
	};
	const struct yt_node *n = yt_get(map, "id");
	char shown[48];
	char *hint;

	if (n == NULL)
		return NULL;
	if (n->type != YT_SCALAR) {
		ml_report(c, n, _("the %s id should be text, not %s"), what, yt_type_name(n));
		return NULL;
	}
	if (ml_is_null(n)) {
		ml_report(c, n, _("the %s id is empty: fill it in (%s)"), what, _(rules[k]));
		return NULL;
	}
	if (id_valid(n->value, k))
		return n->value;
	hint = id_suggest(n->value, k);
	if (hint[0] != '\0' && strcmp(hint, n->value) != 0)
		ml_report(c, n, _("the %s id '%s' should be %s, at most %d characters: for example '%s'"),
		          what, ml_shown(n->value, shown), _(rules[k]), ML_MAX_ID, hint);
	else
		ml_report(c, n, _("the %s id '%s' should be %s, at most %d characters"), what,
		          ml_shown(n->value, shown), _(rules[k]), ML_MAX_ID);
	free(hint);
	return n->value;
}

/* --- options, anchors, reference ids ------------------------------------- */

/* choices, rows or columns: plain strings or {id, label} mappings. */
void
ml_read_options(struct ml_ctx *c, const struct yt_node *list, const char *key, const char *item,
                struct cb_vec *out)
{
	struct ml_seen ids = {0};
	char shown[48];
	size_t i, first;

	if (list->type != YT_SEQ) {
		ml_report(c, list, _("%s should be a list, not %s: write each %s on its own line, "
		                     "starting with '- '"), key, yt_type_name(list), item);
		return;
	}
	if (list->n == 0)
		ml_report(c, list, _("%s is empty: list at least one %s"), key, item);
	for (i = 0; i < list->n && !ml_full(c); i++) {
		const struct yt_node *n = list->kids[i];
		const char *id = NULL;
		char *label = NULL;

		if (n->type == YT_SCALAR) {
			ml_note_text(c, n);
			label = ml_is_null(n) ? cb_strdup("") : cb_str_trim(n->value);
			if (label[0] == '\0') {
				ml_report(c, n, _("a %s in %s is empty: write it, or remove the line"), item, key);
				free(label);
				continue;
			}
			id = n->value;
		} else if (n->type == YT_MAP) {
			char a_item[48];

			snprintf(a_item, sizeof a_item, _("a %s"), item);
			ml_check_keys(c, n, a_item, option_keys);
			ml_need(c, n, "id", a_item,
			        _("add id: with a short lower-case id, which is what is stored"));
			ml_need(c, n, "label", a_item, _("add label: with the text the worker sees"));
			id = ml_read_id(c, n, ML_ID_OPTION, item);
			label = ml_text(c, n, "label", true);
		} else {
			ml_report(c, n, _("each %s should be text, or a mapping with id and label, not %s"),
			          item, yt_type_name(n));
			continue;
		}
		if (id != NULL && !ml_seen_add(&ids, id, n->line, i, &first, NULL))
			ml_report(c, n, _("there are two %ss with the id '%s' (the first on line %zu): give "
			                  "each its own id"), item, ml_shown(id, shown), first);
		if (id != NULL && label != NULL)
			cb_vec_push(out, cb_option_new(id, label));
		free(label);
	}
	ml_seen_free(&ids);
}

static int
cmp_anchor(const void *a, const void *b)
{
	const struct cb_anchor *x = *(struct cb_anchor *const *)a;
	const struct cb_anchor *y = *(struct cb_anchor *const *)b;

	return x->value < y->value ? -1 : x->value > y->value;
}

void
ml_read_anchors(struct ml_ctx *c, const struct yt_node *map, struct cb_field *f, bool range_known)
{
	size_t first_line[2 * ML_SCALE_LIMIT + 1] = {0};
	bool have_min = false, have_max = false;
	char shown[48];
	size_t i;

	if (map->type != YT_MAP) {
		ml_report(c, map, _("anchors should be a mapping from points on the scale to labels, "
		                    "such as 0: \"Not at all\", not %s"), yt_type_name(map));
		return;
	}
	for (i = 0; i < yt_map_len(map) && !ml_full(c); i++) {
		const struct yt_node *k = yt_key(map, i), *v = yt_val(map, i);
		struct cb_anchor *a;
		char *end, *label;
		long val;

		errno = 0;
		val = strtol(k->value, &end, 10);
		if (k->value[0] == '\0' || *end != '\0' || errno != 0) {
			ml_report(c, k, _("the anchor '%s' should be a whole number: a point on the scale"),
			          ml_shown(k->value, shown));
			continue;
		}
		if (range_known && (val < f->min || val > f->max)) {
			ml_report(c, k, _("the anchor %ld is outside the scale, which runs from %ld to %ld: "
			                  "remove it, or change min or max"), val, f->min, f->max);
			continue;
		}
		if (val >= -ML_SCALE_LIMIT && val <= ML_SCALE_LIMIT) {
			size_t *first = &first_line[val + ML_SCALE_LIMIT];

			if (*first != 0) {
				ml_report(c, k, _("there are two anchors for %ld (the first on line %zu): "
				                  "keep one"), val, *first);
				continue;
			}
			*first = k->line;
		}
		if (v == NULL || v->type != YT_SCALAR) {
			ml_report(c, v != NULL ? v : k, _("the label of anchor %ld should be text, not %s"),
			          val, yt_type_name(v));
			continue;
		}
		ml_note_text(c, v);
		label = ml_is_null(v) ? cb_strdup("") : cb_str_trim(v->value);
		if (label[0] == '\0') {
			ml_report(c, v, _("the label of anchor %ld is empty: say what that point means"), val);
			free(label);
			continue;
		}
		a = cb_calloc(1, sizeof *a);
		a->value = val;
		a->label = label;
		cb_vec_push(&f->anchors, a);
		have_min = have_min || val == f->min;
		have_max = have_max || val == f->max;
	}
	if (range_known && !have_min)
		ml_report(c, map, _("the anchors have no label for %ld, the lowest point (min): add one"),
		          f->min);
	if (range_known && !have_max)
		ml_report(c, map, _("the anchors have no label for %ld, the highest point (max): add one"),
		          f->max);
	cb_vec_sort(&f->anchors, cmp_anchor);
}

/* led_by or issues: a list of ids from a reference list. */
void
ml_read_ref_ids(struct ml_ctx *c, const struct yt_node *list, const char *key, const char *item,
                const struct cb_reflist *known, const char *source, struct cb_vec *out)
{
	struct ml_seen ids = {0};
	char shown[48];
	size_t i, first;

	if (list->type != YT_SEQ) {
		ml_report(c, list, _("%s should be a list of %s ids, not %s: write each on its own line, "
		                     "starting with '- '"), key, item, yt_type_name(list));
		return;
	}
	if (list->n == 0)
		ml_report(c, list, _("%s is empty: name at least one %s"), key, item);
	for (i = 0; i < list->n && !ml_full(c); i++) {
		const struct yt_node *n = list->kids[i];

		if (n->type != YT_SCALAR || ml_is_null(n)) {
			ml_report(c, n, _("each entry of %s should be an id from %s, not %s"), key, source,
			          n->type == YT_SCALAR ? _("nothing") : yt_type_name(n));
			continue;
		}
		if (!ml_seen_add(&ids, n->value, n->line, i, &first, NULL)) {
			ml_report(c, n, _("'%s' is in %s twice (the first on line %zu): remove one"),
			          ml_shown(n->value, shown), key, first);
			continue;
		}
		if (known != NULL && cb_reflist_find(known, n->value) == NULL) {
			const char *best = nearest_ref(known, n->value);

			if (best != NULL) {
				ml_report(c, n, _("'%s' is not one of the %ss in %s: did you mean '%s'?"),
				          ml_shown(n->value, shown), item, source, best);
			} else {
				char *all = cb_reflist_ids(known);

				ml_report(c, n, _("'%s' is not one of the %ss in %s: use one of %s"),
				          ml_shown(n->value, shown), item, source, all);
				free(all);
			}
			continue;
		}
		cb_vec_push(out, cb_strdup(n->value));
	}
	ml_seen_free(&ids);
}
