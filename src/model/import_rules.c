/* SPDX-License-Identifier: MIT */
/* The import plan: the records of an import in writing order, and the
 * indexes that let a reference or a repeated answer be found in one
 * lookup however large the files are. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/import.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/stage.h"
#include "casebook/str.h"
#include "casebook/worker.h"

/* Open addressing, string keys (owned) to item indexes. */
struct cb_import_index {
	struct slot {
		char *key;
		size_t index;
	} *slots;
	size_t cap, len;
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

static struct slot *
index_slot(const struct cb_import_index *x, const char *key)
{
	size_t i = (size_t)(hash(key) & (x->cap - 1));

	while (x->slots[i].key != NULL && strcmp(x->slots[i].key, key) != 0)
		i = (i + 1) & (x->cap - 1);
	return &x->slots[i];
}

static void
index_grow(struct cb_import_index *x)
{
	struct slot *old = x->slots;
	size_t oldcap = x->cap, i;

	x->cap = oldcap == 0 ? 64 : oldcap * 2;
	x->slots = cb_calloc(x->cap, sizeof *x->slots);
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*index_slot(x, old[i].key) = old[i];
	free(old);
}

/* Add key -> index; false (and the index already there) when present. */
static bool
index_add(struct cb_import_index *x, const char *key, size_t index, size_t *there)
{
	struct slot *sl;

	/* Keep the table at most half full so probes stay short. */
	if (2 * (x->len + 1) > x->cap)
		index_grow(x);
	sl = index_slot(x, key);
	if (sl->key != NULL) {
		if (there != NULL)
			*there = sl->index;
		return false;
	}
	sl->key = cb_strdup(key);
	sl->index = index;
	x->len++;
	return true;
}

static bool
index_get(const struct cb_import_index *x, const char *key, size_t *index)
{
	const struct slot *sl;

	if (x == NULL || x->cap == 0)
		return false;
	sl = index_slot(x, key);
	if (sl->key == NULL)
		return false;
	*index = sl->index;
	return true;
}

static void
index_free(struct cb_import_index **xp)
{
	size_t i;

	if (*xp == NULL)
		return;
	for (i = 0; i < (*xp)->cap; i++)
		free((*xp)->slots[i].key);
	free((*xp)->slots);
	cb_freep(xp);
}

static const struct {
	const char *name;
	const char *label;
} kinds[CB_IMPORT_NKINDS] = {
	[CB_IMPORT_TEAM] = {"team", N_("teams")},
	[CB_IMPORT_WORKER] = {"worker", N_("workers")},
	[CB_IMPORT_FAMILY] = {"family", N_("families")},
	[CB_IMPORT_PERSON] = {"person", N_("family members")},
	[CB_IMPORT_STATUS] = {"status", N_("children's statuses")},
	[CB_IMPORT_ALLOCATION] = {"allocation", N_("allocations")},
	[CB_IMPORT_NOTE] = {"note", N_("case notes")},
	[CB_IMPORT_SESSION] = {"session", N_("programme sessions")},
	[CB_IMPORT_ANSWER] = {"answer", N_("answers")},
	[CB_IMPORT_GOAL] = {"goal", N_("goals")},
	[CB_IMPORT_GOAL_REVIEW] = {"goal-review", N_("goal reviews")},
	[CB_IMPORT_STAGE] = {"stage", N_("Cycle of Change stages")},
	[CB_IMPORT_RATING] = {"rating", N_("risk ratings")},
	[CB_IMPORT_MEETING] = {"meeting", N_("supervision meetings")},
	[CB_IMPORT_MEETING_ITEM] = {"meeting-item", N_("families discussed")},
	[CB_IMPORT_ATTENDANCE] = {"attendance", N_("attendance entries")},
	[CB_IMPORT_ACTION_REVIEW] = {"action-review", N_("action reviews")},
	[CB_IMPORT_ACTION] = {"action", N_("actions")},
	[CB_IMPORT_SIGN] = {"sign", N_("signatures")},
};

const char *
cb_import_kind_name(enum cb_import_kind k)
{
	return k < CB_IMPORT_NKINDS ? kinds[k].name : "?";
}

const char *
cb_import_kind_label(enum cb_import_kind k)
{
	return k < CB_IMPORT_NKINDS ? _(kinds[k].label) : "?";
}

static void
record_free(enum cb_import_kind kind, void *r)
{
	switch (kind) {
	case CB_IMPORT_TEAM: cb_team_free_item(r); break;
	case CB_IMPORT_WORKER: cb_worker_free_item(r); break;
	case CB_IMPORT_FAMILY: cb_family_free_item(r); break;
	case CB_IMPORT_PERSON: cb_person_free_item(r); break;
	case CB_IMPORT_STATUS: cb_status_free_item(r); break;
	case CB_IMPORT_ALLOCATION: cb_allocation_free_item(r); break;
	case CB_IMPORT_NOTE: cb_note_free_item(r); break;
	case CB_IMPORT_SESSION: cb_session_free_item(r); break;
	case CB_IMPORT_ANSWER: cb_answer_free_item(r); break;
	case CB_IMPORT_GOAL: cb_goal_free_item(r); break;
	case CB_IMPORT_GOAL_REVIEW: cb_goal_review_free_item(r); break;
	case CB_IMPORT_STAGE: cb_stage_record_free_item(r); break;
	case CB_IMPORT_RATING: cb_rating_free_item(r); break;
	case CB_IMPORT_MEETING: cb_meeting_free_item(r); break;
	case CB_IMPORT_MEETING_ITEM: cb_meeting_item_free_item(r); break;
	case CB_IMPORT_ATTENDANCE: cb_attendance_free_item(r); break;
	case CB_IMPORT_ACTION_REVIEW: cb_action_review_free_item(r); break;
	case CB_IMPORT_ACTION: cb_action_free_item(r); break;
	case CB_IMPORT_SIGN:
	case CB_IMPORT_NKINDS: break;
	}
}

static void
item_free(void *p)
{
	struct cb_import_item *it = p;

	if (it == NULL)
		return;
	record_free(it->kind, it->record);
	free(it->agreed_by);
	free(it);
}

struct cb_import_plan *
cb_import_plan_new(const struct cb_import_options *opt)
{
	struct cb_import_plan *p = cb_calloc(1, sizeof *p);

	if (opt != NULL)
		p->opt = *opt;
	p->files = (struct cb_vec)CB_VEC_OWNING(free);
	p->items = (struct cb_vec)CB_VEC_OWNING(item_free);
	p->refs = (struct cb_vec)CB_VEC_OWNING(free);
	p->ids = cb_calloc(1, sizeof *p->ids);
	p->answers = cb_calloc(1, sizeof *p->answers);
	p->keys = cb_calloc(1, sizeof *p->keys);
	return p;
}

void
cb_import_plan_free(struct cb_import_plan **pp)
{
	struct cb_import_plan *p;

	if (pp == NULL || *pp == NULL)
		return;
	p = *pp;
	cb_vec_clear(&p->files);
	cb_vec_clear(&p->items);
	cb_vec_clear(&p->refs);
	index_free(&p->ids);
	index_free(&p->answers);
	index_free(&p->keys);
	cb_freep(pp);
}

size_t
cb_import_add(struct cb_import_plan *p, enum cb_import_kind kind, void *record,
              const char *file, size_t line, size_t col, size_t parent)
{
	struct cb_import_item *it = cb_calloc(1, sizeof *it);

	it->kind = kind;
	it->record = record;
	it->file = file;
	it->line = line;
	it->col = col;
	it->parent = parent;
	cb_vec_push(&p->items, it);
	return p->items.len - 1;
}

struct cb_import_item *
cb_import_item_at(const struct cb_import_plan *p, size_t i)
{
	return i < p->items.len ? p->items.items[i] : NULL;
}

const struct cb_import_item *
cb_import_find(const struct cb_import_plan *p, const char *id, size_t *index)
{
	size_t i;

	if (id == NULL || !index_get(p->ids, id, &i))
		return NULL;
	if (index != NULL)
		*index = i;
	return p->items.items[i];
}

bool
cb_import_claim(struct cb_import_plan *p, const char *id, size_t index, size_t *first)
{
	return index_add(p->ids, id, index, first);
}

bool
cb_import_claim_key(struct cb_import_plan *p, const char *key, size_t index, size_t *first)
{
	return index_add(p->keys, key, index, first);
}

const char *
cb_import_item_id(const struct cb_import_item *it)
{
	const void *r = it->record;

	if (r == NULL)
		return "";
	switch (it->kind) {
	case CB_IMPORT_TEAM: return ((const struct cb_team *)r)->id;
	case CB_IMPORT_WORKER: return ((const struct cb_worker *)r)->id;
	case CB_IMPORT_FAMILY: return ((const struct cb_family *)r)->id;
	case CB_IMPORT_PERSON: return ((const struct cb_person *)r)->id;
	case CB_IMPORT_STATUS: return ((const struct cb_status *)r)->id;
	case CB_IMPORT_ALLOCATION: return ((const struct cb_allocation *)r)->id;
	case CB_IMPORT_NOTE: return ((const struct cb_note *)r)->id;
	case CB_IMPORT_SESSION: return ((const struct cb_session *)r)->id;
	case CB_IMPORT_ANSWER: return ((const struct cb_answer *)r)->id;
	case CB_IMPORT_GOAL: return ((const struct cb_goal *)r)->id;
	case CB_IMPORT_GOAL_REVIEW: return ((const struct cb_goal_review *)r)->id;
	case CB_IMPORT_STAGE: return ((const struct cb_stage_record *)r)->id;
	case CB_IMPORT_RATING: return ((const struct cb_rating *)r)->id;
	case CB_IMPORT_MEETING: return ((const struct cb_meeting *)r)->id;
	case CB_IMPORT_MEETING_ITEM: return ((const struct cb_meeting_item *)r)->id;
	case CB_IMPORT_ATTENDANCE: return ((const struct cb_attendance *)r)->id;
	case CB_IMPORT_ACTION_REVIEW: return ((const struct cb_action_review *)r)->id;
	case CB_IMPORT_ACTION: return ((const struct cb_action *)r)->id;
	case CB_IMPORT_SIGN:
	case CB_IMPORT_NKINDS: break;
	}
	return "";
}

size_t
cb_import_first_answer(struct cb_import_plan *p, const char *family_id, const char *module_id,
                       const char *field_key, const char *person_id, const char *meeting_id,
                       size_t index)
{
	/* Tabs cannot be in ids, so the joined key is unambiguous. */
	char *key = cb_asprintf("%s\t%s\t%s\t%s\t%s", family_id, module_id, field_key,
	                        person_id != NULL ? person_id : "",
	                        meeting_id != NULL ? meeting_id : "");
	size_t there = 0;
	bool added = index_add(p->answers, key, index, &there);

	free(key);
	return added ? 0 : there + 1;
}
