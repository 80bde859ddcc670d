/* SPDX-License-Identifier: MIT */
/* What every reader of import files uses: problems with their places,
 * values of each kind, record ids and references between records. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/import.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/str.h"
#include "import_read.h"
#include "ytree.h"

/* Problems */

size_t
rd_problems(const struct rd *r)
{
	return cb_diags_count(r->d) - r->start;
}

void
rd_took(struct rd *r, size_t before)
{
	size_t added = cb_diags_count(r->d) - before;

	r->p->problems += added;
	if (!r->full && rd_problems(r) >= RD_MAX_PROBLEMS) {
		cb_diags_add(r->d, r->file, 0, 0,
		             _("too many problems (%u): stopped reading the file here; fix these "
		               "and try again"), RD_MAX_PROBLEMS);
		r->p->problems++;
		r->full = true;
	}
}

void
rd_report(struct rd *r, const struct yt_node *at, const char *fmt, ...)
{
	struct cb_buf b = {0};
	size_t before = cb_diags_count(r->d);
	va_list ap;

	if (r->full)
		return;
	va_start(ap, fmt);
	cb_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	cb_diags_add(r->d, r->file, at != NULL ? at->line : 0, at != NULL ? at->col : 0, "%s",
	             cb_buf_str(&b));
	cb_buf_free(&b);
	rd_took(r, before);
}

void
rd_model(struct rd *r, const struct yt_node *at, size_t before, int rc, const struct cb_err *err)
{
	if (rc != 0 && rd_problems(r) == before)
		rd_report(r, at, "%s", err->msg[0] != '\0' ? err->msg : _("the record is not valid"));
}

const char *
rd_shown(const char *s, char buf[RD_SHOWN])
{
	size_t n = strlen(s);

	if (n <= 48)
		return s;
	n = 44;
	/* Do not cut a UTF-8 character in two. */
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	snprintf(buf, RD_SHOWN, "%.*s...", (int)n, s);
	return buf;
}

void
rd_near_try(struct rd_near *n, const char *candidate)
{
	size_t d;

	if (n->s == NULL || candidate == NULL)
		return;
	d = cb_str_distance(n->s, candidate, 3);
	if (n->best == NULL || d < n->dist) {
		n->best = candidate;
		n->dist = d;
	}
}

const char *
rd_near_best(const struct rd_near *n)
{
	if (n->best != NULL && n->dist <= 3 && n->dist < strlen(n->s))
		return n->best;
	return NULL;
}

static const char *
kind_a(enum cb_import_kind k)
{
	switch (k) {
	case CB_IMPORT_TEAM: return _("a team");
	case CB_IMPORT_WORKER: return _("a worker");
	case CB_IMPORT_FAMILY: return _("a family");
	case CB_IMPORT_PERSON: return _("a family member");
	case CB_IMPORT_STATUS: return _("a child's status");
	case CB_IMPORT_ALLOCATION: return _("an allocation");
	case CB_IMPORT_NOTE: return _("a case note");
	case CB_IMPORT_SESSION: return _("a session");
	case CB_IMPORT_ANSWER: return _("an answer");
	case CB_IMPORT_GOAL: return _("a goal");
	case CB_IMPORT_GOAL_REVIEW: return _("a goal review");
	case CB_IMPORT_STAGE: return _("a stage record");
	case CB_IMPORT_RATING: return _("a risk rating");
	case CB_IMPORT_MEETING: return _("a meeting");
	case CB_IMPORT_MEETING_ITEM: return _("a family on an agenda");
	case CB_IMPORT_ATTENDANCE: return _("an attendance entry");
	case CB_IMPORT_ACTION_REVIEW: return _("an action review");
	case CB_IMPORT_ACTION: return _("an action");
	case CB_IMPORT_SIGN:
	case CB_IMPORT_NKINDS: break;
	}
	return "?";
}

/* Reading values */

bool
rd_map(struct rd *r, const struct yt_node *n, const char *what, const char *const *allowed,
       const char *const *required)
{
	char buf[RD_SHOWN];
	size_t before, i;

	if (n == NULL)
		return false;
	if (n->type != YT_MAP) {
		rd_report(r, n, _("%s should be a mapping of keys and values, not %s"), what,
		          yt_type_name(n));
		return false;
	}
	if (yt_map_len(n) > RD_MAX_KEYS) {
		rd_report(r, n, _("%s has %zu keys, far more than the format has: check the "
		                  "indentation"), what, yt_map_len(n));
		return false;
	}
	/* No key of the format is long; quoting a long one in every message
	 * about it would only bury the point. */
	for (i = 0; i < yt_map_len(n); i++) {
		if (strlen(yt_key(n, i)->value) > RD_MAX_KEY_LEN) {
			rd_report(r, yt_key(n, i), _("'%s' is not a key of %s"),
			          rd_shown(yt_key(n, i)->value, buf), what);
			return false;
		}
	}
	if (r->full)
		return true;
	before = cb_diags_count(r->d);
	yt_check_keys(n, r->file, r->d, what, allowed, required);
	rd_took(r, before);
	return true;
}

const struct yt_node *
rd_list(struct rd *r, const struct yt_node *map, const char *key)
{
	const struct yt_node *n = yt_get(map, key);

	if (n == NULL)
		return NULL;
	if (n->type != YT_SEQ) {
		rd_report(r, n, _("'%s' should be a list (lines starting with '- '), not %s"), key,
		          yt_type_name(n));
		return NULL;
	}
	return n;
}

/* A plain scalar YAML reads as "nothing". */
static bool
is_null(const struct yt_node *n)
{
	return n->type == YT_SCALAR && n->plain &&
	       (n->value[0] == '\0' || strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
	        strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0);
}

const char *
rd_scalar(struct rd *r, const struct yt_node *n, const char *key)
{
	if (n->type != YT_SCALAR) {
		rd_report(r, n, _("'%s' should be a single value, not %s"), key, yt_type_name(n));
		return NULL;
	}
	if (is_null(n)) {
		rd_report(r, n, _("'%s' has no value: write one, or leave the key out"), key);
		return NULL;
	}
	return n->value;
}

char *
rd_text_node(struct rd *r, const struct yt_node *n, const char *key)
{
	const char *s = rd_scalar(r, n, key);
	char *t;

	if (s == NULL)
		return NULL;
	t = cb_str_trim(s);
	if (*t == '\0') {
		rd_report(r, n, _("'%s' is empty: write it, or leave the key out"), key);
		free(t);
		return NULL;
	}
	return t;
}

char *
rd_text(struct rd *r, const struct yt_node *map, const char *key)
{
	const struct yt_node *n = yt_get(map, key);

	return n != NULL ? rd_text_node(r, n, key) : NULL;
}

static bool
date_node(struct rd *r, const struct yt_node *n, const char *key, struct cb_date *out)
{
	struct cb_err err = {0};
	struct cb_date d;
	char buf[RD_SHOWN];
	const char *s = rd_scalar(r, n, key);

	if (s == NULL)
		return false;
	if (cb_date_parse(s, &d, &err) != 0) {
		rd_report(r, n, _("'%s' is not a date: write it as YYYY-MM-DD"), rd_shown(s, buf));
		return false;
	}
	if (r->shift != 0) {
		d = cb_date_add_days(d, r->shift);
		if (!cb_date_valid(d)) {
			rd_report(r, n, _("moving %s by %ld days to today takes it out of the years "
			                  "casebook accepts (1900 to 2999): check as_of"), s, r->shift);
			return false;
		}
	}
	*out = d;
	return true;
}

bool
rd_date_node(struct rd *r, const struct yt_node *n, struct cb_date *out)
{
	return date_node(r, n, "value", out);
}

bool
rd_date(struct rd *r, const struct yt_node *map, const char *key, struct cb_date *out)
{
	const struct yt_node *n = yt_get(map, key);

	return n != NULL && date_node(r, n, key, out);
}

bool
rd_word_bool(const struct yt_node *n, bool *out)
{
	static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
	static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
	size_t i;

	if (n->type != YT_SCALAR || !n->plain)
		return false;
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
	return false;
}

bool
rd_bool(struct rd *r, const struct yt_node *map, const char *key, bool *out)
{
	const struct yt_node *n = yt_get(map, key);

	if (n == NULL)
		return false;
	if (!rd_word_bool(n, out)) {
		rd_report(r, n, _("'%s' should be true or false"), key);
		return false;
	}
	return true;
}

bool
rd_number(const struct yt_node *n, long *out)
{
	char *end;
	long v;

	if (n->type != YT_SCALAR || !n->plain || n->value[0] == '\0')
		return false;
	errno = 0;
	v = strtol(n->value, &end, 10);
	if (*end != '\0' || errno != 0)
		return false;
	*out = v;
	return true;
}

static bool
long_node(struct rd *r, const struct yt_node *n, const char *key, long min, long max, long *out)
{
	char buf[RD_SHOWN];
	long v;

	if (!rd_number(n, &v)) {
		rd_report(r, n, _("'%s' should be a whole number from %ld to %ld"), key, min, max);
		return false;
	}
	if (v < min || v > max) {
		rd_report(r, n, _("'%s' should be from %ld to %ld, not %s"), key, min, max,
		          rd_shown(n->value, buf));
		return false;
	}
	*out = v;
	return true;
}

bool
rd_long(struct rd *r, const struct yt_node *map, const char *key, long min, long max, long *out)
{
	const struct yt_node *n = yt_get(map, key);

	return n != NULL && long_node(r, n, key, min, max, out);
}

char *
rd_code_node(struct rd *r, const struct yt_node *n, const struct cb_reflist *list,
             const char *what)
{
	const char *s = rd_scalar(r, n, what);
	struct rd_near nr = {s, NULL, 0};
	char buf[RD_SHOWN];
	size_t i;

	if (s == NULL)
		return NULL;
	/* Without the list (no reference data) there is nothing to hold the
	 * code against; the plan is checked again when it is written. */
	if (list == NULL || cb_reflist_len(list) == 0 || cb_reflist_find(list, s) != NULL)
		return cb_strdup(s);
	for (i = 0; i < cb_reflist_len(list); i++)
		rd_near_try(&nr, cb_reflist_at(list, i)->id);
	if (rd_near_best(&nr) != NULL) {
		rd_report(r, n, _("'%s' is not %s: did you mean '%s'?"), rd_shown(s, buf), what,
		          rd_near_best(&nr));
	} else {
		char *ids = cb_reflist_ids(list);

		rd_report(r, n, _("'%s' is not %s: use one of %s"), rd_shown(s, buf), what, ids);
		free(ids);
	}
	return NULL;
}

char *
rd_code(struct rd *r, const struct yt_node *map, const char *key, const struct cb_reflist *list,
        const char *what)
{
	const struct yt_node *n = yt_get(map, key);

	return n != NULL ? rd_code_node(r, n, list, what) : NULL;
}

char *
rd_pick(struct rd *r, const struct yt_node *map, const char *key, const char *const *words,
        const char *what)
{
	const struct yt_node *n = yt_get(map, key);
	struct rd_near nr = {NULL, NULL, 0};
	struct cb_buf all = {0};
	char buf[RD_SHOWN];
	const char *s;
	size_t i;

	if (n == NULL || (s = rd_scalar(r, n, key)) == NULL)
		return NULL;
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], s) == 0)
			return cb_strdup(s);
	nr.s = s;
	for (i = 0; words[i] != NULL; i++) {
		rd_near_try(&nr, words[i]);
		cb_buf_addf(&all, "%s%s", i > 0 ? ", " : "", words[i]);
	}
	if (rd_near_best(&nr) != NULL)
		rd_report(r, n, _("'%s' is not %s: did you mean '%s'?"), rd_shown(s, buf), what,
		          rd_near_best(&nr));
	else
		rd_report(r, n, _("'%s' is not %s: use one of %s"), rd_shown(s, buf), what,
		          cb_buf_str(&all));
	cb_buf_free(&all);
	return NULL;
}

/* Records and references */

size_t
rd_add(struct rd *r, enum cb_import_kind kind, void *record, const struct yt_node *at,
       size_t parent)
{
	return cb_import_add(r->p, kind, record, r->file, at->line, at->col, parent);
}

/* A record id written in the file. */
static const char *
id_value(struct rd *r, const struct yt_node *n, const char *key)
{
	const char *s = rd_scalar(r, n, key);
	char buf[RD_SHOWN];

	if (s == NULL)
		return NULL;
	if (!cb_uuid_valid(s)) {
		rd_report(r, n, _("'%s' is not a record id: write a lower-case UUID, "
		                  "8-4-4-4-12 hexadecimal digits (see casebook-import(5))"),
		          rd_shown(s, buf));
		return NULL;
	}
	return s;
}

bool
rd_own_id(struct rd *r, const struct yt_node *map, size_t item, char out[CB_UUID_LEN])
{
	const struct yt_node *n = yt_get(map, "id");
	const char *id;
	size_t first;

	out[0] = '\0';
	if (n == NULL || (id = id_value(r, n, "id")) == NULL)
		return false;
	snprintf(out, CB_UUID_LEN, "%s", id);
	cb_import_item_at(r->p, item)->own_id = true;
	if (!cb_import_claim(r->p, id, item, &first)) {
		const struct cb_import_item *it = cb_import_item_at(r->p, first);

		if (it->file == r->file)
			rd_report(r, n, _("the id %s is used twice in this file (first on line %zu): "
			                  "give every record its own id"), id, it->line);
		else
			rd_report(r, n, _("the id %s is used twice in this import (first at %s:%zu): "
			                  "give every record its own id"), id, it->file, it->line);
	}
	return true;
}

void
rd_author(struct rd *r, const struct yt_node *map, size_t item)
{
	const struct yt_node *n = yt_get(map, "by");
	char id[CB_UUID_LEN];

	if (n != NULL && rd_ref(r, n, CB_REF_WORKER, NULL, (struct cb_date){0, 0, 0}, item, "by", id))
		memcpy(cb_import_item_at(r->p, item)->author, id, CB_UUID_LEN);
}

static const char *
family_of_member(const struct cb_import_item *it)
{
	return ((const struct cb_person *)it->record)->family_id;
}

/* Check a reference that the plan resolves: the record must be of the
 * right kind and belong where it should. */
static void
check_found(struct rd *r, const struct yt_node *n, enum cb_import_ref_kind kind,
            const char *family_id, struct cb_date before, const struct cb_import_item *it,
            const char *id)
{
	enum cb_import_kind want = CB_IMPORT_WORKER;
	const struct cb_person *person;
	const struct cb_action *action;
	const struct cb_import_item *m;
	char when[CB_DATE_LEN], buf[RD_SHOWN];

	switch (kind) {
	case CB_REF_WORKER: want = CB_IMPORT_WORKER; break;
	case CB_REF_TEAM: want = CB_IMPORT_TEAM; break;
	case CB_REF_FAMILY: want = CB_IMPORT_FAMILY; break;
	case CB_REF_PRESENT:
		if (it->kind == CB_IMPORT_WORKER)
			return;
		/* fall through */
	case CB_REF_MEMBER:
	case CB_REF_ADULT:
	case CB_REF_CHILD:
		if (it->kind != CB_IMPORT_PERSON || strcmp(family_of_member(it), family_id) != 0) {
			rd_report(r, n, kind == CB_REF_PRESENT
			                    ? _("%s is neither a member of this family nor a worker")
			                    : _("%s is not a member of this family: give the id of one of "
			                        "its members"), id);
			return;
		}
		person = it->record;
		if (kind == CB_REF_ADULT && !cb_member_is_adult(person->role))
			rd_report(r, n, _("%s is a child (%s): give the id of an adult in the family"),
			          id, rd_shown(person->name != NULL ? person->name : "?", buf));
		else if (kind == CB_REF_CHILD && cb_member_is_adult(person->role))
			rd_report(r, n, _("%s is an adult (%s): give the id of a child in the family"),
			          id, rd_shown(person->name != NULL ? person->name : "?", buf));
		return;
	case CB_REF_ACTION:
		if (it->kind != CB_IMPORT_ACTION) {
			rd_report(r, n, _("%s is %s in this import, not an action"), id, kind_a(it->kind));
			return;
		}
		action = it->record;
		if (strcmp(action->family_id, family_id) != 0) {
			rd_report(r, n, _("%s is an action for another family: review it in that "
			                  "family's part of the minutes"), id);
			return;
		}
		m = cb_import_find(r->p, action->meeting_id, NULL);
		if (m != NULL && m->kind == CB_IMPORT_MEETING &&
		    cb_date_cmp(((const struct cb_meeting *)m->record)->date, before) >= 0) {
			cb_date_format(((const struct cb_meeting *)m->record)->date, when);
			rd_report(r, n, _("%s was agreed on %s, not before this meeting: a meeting "
			                  "reviews the actions of earlier ones"), id, when);
		}
		return;
	}
	if (it->kind != want)
		rd_report(r, n, _("%s is %s in this import, not %s"), id, kind_a(it->kind),
		          kind_a(want));
}

bool
rd_ref(struct rd *r, const struct yt_node *n, enum cb_import_ref_kind kind,
       const char *family_id, struct cb_date before, size_t item, const char *what,
       char out[CB_UUID_LEN])
{
	const struct cb_import_item *it;
	struct cb_import_ref *ref;
	const char *id;

	out[0] = '\0';
	if ((id = id_value(r, n, what)) == NULL)
		return false;
	snprintf(out, CB_UUID_LEN, "%s", id);
	it = cb_import_find(r->p, id, NULL);
	if (it != NULL) {
		check_found(r, n, kind, family_id, before, it, id);
		return true;
	}
	/* Not in the import (so far): the database step looks for it. */
	ref = cb_calloc(1, sizeof *ref);
	ref->kind = kind;
	snprintf(ref->id, sizeof ref->id, "%s", id);
	snprintf(ref->family_id, sizeof ref->family_id, "%s", family_id != NULL ? family_id : "");
	ref->before = before;
	ref->what = what;
	ref->file = r->file;
	ref->line = n->line;
	ref->col = n->col;
	ref->item = item;
	cb_vec_push(&r->p->refs, ref);
	return true;
}

bool
rd_ref_key(struct rd *r, const struct yt_node *map, const char *key, enum cb_import_ref_kind kind,
           const char *family_id, size_t item, char out[CB_UUID_LEN])
{
	const struct yt_node *n = yt_get(map, key);

	out[0] = '\0';
	return n != NULL && rd_ref(r, n, kind, family_id, (struct cb_date){0, 0, 0}, item, key, out);
}

char *
rd_ref_list(struct rd *r, const struct yt_node *map, const char *key,
            enum cb_import_ref_kind kind, const char *family_id, size_t item)
{
	const struct yt_node *list = rd_list(r, map, key);
	struct cb_buf b = {0};
	char id[CB_UUID_LEN];
	size_t i, first;

	if (list == NULL)
		return NULL;
	for (i = 0; i < list->n && !r->full; i++) {
		char *seen;
		bool fresh;

		if (!rd_ref(r, list->kids[i], kind, family_id, (struct cb_date){0, 0, 0}, item, key,
		            id))
			continue;
		seen = cb_asprintf("list\t%zu\t%s\t%s", item, key, id);
		fresh = cb_import_claim_key(r->p, seen, item, &first);
		free(seen);
		if (!fresh) {
			rd_report(r, list->kids[i], _("%s is listed twice in '%s'"), id, key);
			continue;
		}
		cb_buf_addf(&b, "%s%s", b.len > 0 ? " " : "", id);
	}
	return b.s != NULL ? cb_buf_take(&b) : cb_strdup("");
}
