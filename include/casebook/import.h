/* SPDX-License-Identifier: MIT */
/* Importing teams, workers, families and supervision meetings from files
 * in the import format (casebook-import(5), the format of data/sample).
 *
 * An import happens in two steps, so that no layer reaches past its own:
 * the files are read and checked into a plan (workbook_import.h: YAML, the
 * reference lists and the programme), then the plan is checked against the
 * database and written in one transaction (store_import.h). Each step
 * reports every problem as FILE:LINE:COLUMN; nothing is written unless
 * there were none. Records are matched by id, so importing the same files
 * again adds nothing. */
#ifndef CASEBOOK_IMPORT_H
#define CASEBOOK_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/date.h"
#include "casebook/uuid.h"
#include "casebook/vec.h"

/* The format version this casebook reads (the file's `casebook:` key). */
#define CB_IMPORT_FORMAT 1

struct cb_import_options {
	/* Move every date in a file by (today - the file's as_of) days, so
	 * that training data always looks current. as_of is required then. */
	bool shift_dates;
	struct cb_date today;
};

/* What the plan holds, in the order it is written. */
enum cb_import_kind {
	CB_IMPORT_TEAM,
	CB_IMPORT_WORKER,
	CB_IMPORT_FAMILY,
	CB_IMPORT_PERSON,
	CB_IMPORT_STATUS,
	CB_IMPORT_ALLOCATION,
	CB_IMPORT_NOTE,
	CB_IMPORT_SESSION,
	CB_IMPORT_ANSWER,
	CB_IMPORT_GOAL,
	CB_IMPORT_GOAL_REVIEW,
	CB_IMPORT_STAGE,
	CB_IMPORT_RATING,
	CB_IMPORT_MEETING,
	CB_IMPORT_MEETING_ITEM,
	CB_IMPORT_ATTENDANCE,
	CB_IMPORT_ACTION_REVIEW,
	CB_IMPORT_ACTION,
	CB_IMPORT_SIGN,        /* signing a meeting off: a step, not a record */
	CB_IMPORT_NKINDS
};

/* What the database step decided for an item. */
enum cb_import_state {
	CB_IMPORT_NEW,         /* written */
	CB_IMPORT_THERE,       /* already in the database: left as it is */
	CB_IMPORT_CORRECTION   /* an answer given again: a new version of the first */
};

/* One record to write. The record is the model struct of its kind
 * (struct cb_team, cb_worker, cb_family, cb_person, cb_status,
 * cb_allocation, cb_note, cb_session, cb_answer, cb_goal, cb_goal_review,
 * cb_stage_record, cb_rating, cb_meeting, cb_meeting_item, cb_attendance,
 * cb_action_review, cb_action; for SIGN, NULL), filled in as it will be
 * written: ids of parents set, dates already moved. */
struct cb_import_item {
	enum cb_import_kind kind;
	void *record;               /* owned */
	const char *file;           /* borrowed from the plan */
	size_t line, col;           /* where the record is in the file */
	char author[CB_UUID_LEN];   /* who wrote it; "" for whoever imports */
	bool own_id;                /* the file gave the id (meeting contents have made-up ids) */
	size_t parent;              /* index + 1 of the item it belongs to; 0 for none */
	size_t first_answer;        /* answers: index + 1 of an earlier answer to the
	                               same question in the plan; 0 for none */
	char *agreed_by;            /* ratings: worker ids, space-separated, which the
	                               database step turns into names; may be NULL */
	/* Filled by the database step. */
	enum cb_import_state state;
	char base_id[CB_UUID_LEN];  /* corrections: the answer they correct */
};

/* A reference the plan could not resolve by itself: the database step
 * looks for it there. */
enum cb_import_ref_kind {
	CB_REF_WORKER,
	CB_REF_TEAM,
	CB_REF_FAMILY,
	CB_REF_MEMBER,         /* a member of family_id */
	CB_REF_ADULT,          /* an adult member of family_id */
	CB_REF_CHILD,          /* a child of family_id */
	CB_REF_PRESENT,        /* a member of family_id, or a worker */
	CB_REF_ACTION          /* an action of family_id agreed before `before` */
};

struct cb_import_ref {
	enum cb_import_ref_kind kind;
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	struct cb_date before;
	const char *what;           /* the key it was under ("by", "owner"): static */
	const char *file;           /* borrowed from the plan */
	size_t line, col;
	size_t item;                /* index of the item that refers */
};

struct cb_import_index;

struct cb_import_plan {
	struct cb_import_options opt;
	struct cb_vec files;        /* char *: every file read, owned */
	struct cb_vec items;        /* struct cb_import_item, owned, in writing order */
	struct cb_vec refs;         /* struct cb_import_ref, owned */
	size_t problems;            /* found while reading: such a plan is never written */
	struct cb_import_index *ids;     /* record id -> item */
	struct cb_import_index *answers; /* an answer's question -> its first item */
	struct cb_import_index *keys;    /* other things that must be unique */
};

/* How an import went, by kind (SIGN counts signed meetings). */
struct cb_import_report {
	size_t added[CB_IMPORT_NKINDS];
	size_t there[CB_IMPORT_NKINDS];
	size_t added_total;         /* records, not counting signatures */
	size_t there_total;
};

struct cb_import_plan *cb_import_plan_new(const struct cb_import_options *opt);
void cb_import_plan_free(struct cb_import_plan **p);

/* The kind's name as cb_store_record_exists() knows it ("goal-review"),
 * and as people read it in a report ("goal reviews"). */
const char *cb_import_kind_name(enum cb_import_kind k);
const char *cb_import_kind_label(enum cb_import_kind k);

/* Add an item (taking the record); returns its index. */
size_t cb_import_add(struct cb_import_plan *p, enum cb_import_kind kind, void *record,
                     const char *file, size_t line, size_t col, size_t parent);
struct cb_import_item *cb_import_item_at(const struct cb_import_plan *p, size_t i);
/* The item that has this record id, or NULL. */
const struct cb_import_item *cb_import_find(const struct cb_import_plan *p, const char *id,
                                            size_t *index);
/* Register id for item index; false (and the first item's index) when the
 * import already has a record with that id. */
bool cb_import_claim(struct cb_import_plan *p, const char *id, size_t index, size_t *first);
/* Register any other key that must be unique in the import (a case
 * reference, a family on a meeting's agenda); false and the first item's
 * index when it is taken. */
bool cb_import_claim_key(struct cb_import_plan *p, const char *key, size_t index,
                         size_t *first);
/* The id of the record an item holds ("" for SIGN). */
const char *cb_import_item_id(const struct cb_import_item *it);

/* Index + 1 of the first answer in the plan to the same question (family,
 * module, field, person, meeting), or 0 when there is none yet, and then
 * item index is recorded as that first answer. */
size_t cb_import_first_answer(struct cb_import_plan *p, const char *family_id,
                              const char *module_id, const char *field_key,
                              const char *person_id, const char *meeting_id, size_t index);

#endif
