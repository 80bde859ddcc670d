/* SPDX-License-Identifier: MIT */
/* Case notes: what happened, on what date, of what kind, by whom. */
#ifndef CASEBOOK_NOTE_H
#define CASEBOOK_NOTE_H

#include <stdbool.h>

#include "casebook/record.h"

struct cb_err;
struct cb_refdata;

struct cb_note {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	struct cb_rev rev;
	struct cb_date date;
	char *kind;            /* data/note-kinds.yaml */
	char *text;
	bool significant;      /* a significant event, for the chronology */
	char author_id[CB_UUID_LEN];   /* who wrote the first version */
	char *author_name;
};

struct cb_note *cb_note_new(void);
void cb_note_free(struct cb_note **n);
void cb_note_free_item(void *n);
int cb_note_check(const struct cb_note *n, const struct cb_refdata *ref,
                  struct cb_err *err);

#endif
