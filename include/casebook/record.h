/* SPDX-License-Identifier: MIT */
/* What every stored record carries: its stable id and the version of it
 * being looked at. Records are never overwritten: a correction is a new
 * version and a removal is a retraction with a reason. */
#ifndef CASEBOOK_RECORD_H
#define CASEBOOK_RECORD_H

#include <stdbool.h>

#include "casebook/date.h"
#include "casebook/uuid.h"

struct cb_rev {
	char row_id[CB_UUID_LEN];     /* this version */
	int version;                  /* 1 for the first */
	char created_at[CB_STAMP_LEN];
	char created_by[CB_UUID_LEN]; /* worker id */
	char *created_by_name;        /* filled on reads, owned */
	bool retracted;
	char *reason;                 /* why corrected or retracted, owned */
};

void cb_rev_clear(struct cb_rev *rev);
void cb_rev_copy(struct cb_rev *dst, const struct cb_rev *src);

/* The built-in author of rows made by casebook itself (schema set-up,
 * imports with no named author). Never shown as a team member. */
#define CB_SYSTEM_WORKER "00000000-0000-4000-8000-000000000000"

#endif
