/* SPDX-License-Identifier: MIT */
/* Red-Amber-Green risk ratings: a dated series per family, each with the
 * reason for it. Red is the most worried. */
#ifndef CASEBOOK_RATING_H
#define CASEBOOK_RATING_H

#include "casebook/record.h"

struct cb_err;
struct cb_refdata;

struct cb_rating {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	char meeting_id[CB_UUID_LEN]; /* "" unless agreed in supervision */
	struct cb_rev rev;
	char *rating;                 /* red, amber, green (data/rag.yaml) */
	struct cb_date date;
	char *context;                /* visit, supervision, conference */
	char *rationale;              /* required */
	char *agreed_by;              /* who agreed it, as written */
};

struct cb_rating *cb_rating_new(void);
void cb_rating_free(struct cb_rating **r);
void cb_rating_free_item(void *r);
int cb_rating_check(const struct cb_rating *r, const struct cb_refdata *ref, struct cb_err *err);
const char *cb_rating_context_label(const char *context);

#endif
