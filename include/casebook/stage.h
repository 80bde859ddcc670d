/* SPDX-License-Identifier: MIT */
/* Cycle of Change: a dated series per adult, per issue. */
#ifndef CASEBOOK_STAGE_H
#define CASEBOOK_STAGE_H

#include "casebook/record.h"

struct cb_err;
struct cb_refdata;

struct cb_stage_record {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	char person_id[CB_UUID_LEN];
	char meeting_id[CB_UUID_LEN]; /* "" unless agreed in supervision */
	struct cb_rev rev;
	char *person_name;            /* filled on reads */
	char *issue;                  /* data/stages.yaml issues */
	char *stage;                  /* data/stages.yaml stages */
	struct cb_date date;
	char *evidence;               /* what the stage rests on */
	char *next_signs;             /* what would show the next stage */
	char *context;                /* visit, supervision, conference */
};

struct cb_stage_record *cb_stage_record_new(void);
void cb_stage_record_free(struct cb_stage_record **s);
void cb_stage_record_free_item(void *s);
int cb_stage_record_check(const struct cb_stage_record *s, const struct cb_refdata *ref,
                          struct cb_err *err);
/* Where a stage sits on the wheel: 0 precontemplation ... 5 relapse; -1. */
int cb_stage_index(const char *stage);

#endif
