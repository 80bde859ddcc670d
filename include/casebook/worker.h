/* SPDX-License-Identifier: MIT */
/* Workers (the people who use casebook) and teams. */
#ifndef CASEBOOK_WORKER_H
#define CASEBOOK_WORKER_H

#include "casebook/record.h"

struct cb_team {
	char id[CB_UUID_LEN];
	struct cb_rev rev;
	char *name;
};

struct cb_worker {
	char id[CB_UUID_LEN];
	struct cb_rev rev;
	char *name;
	char *role;                 /* a role id from data/roles.yaml */
	char team_id[CB_UUID_LEN];  /* "" when none */
};

struct cb_team *cb_team_new(void);
void cb_team_free(struct cb_team **t);
struct cb_worker *cb_worker_new(void);
void cb_worker_free(struct cb_worker **w);
/* Whether a worker or team may be recorded as it is: a name, one line,
 * no controls or bidi controls, at most CB_NAME_MAX characters. */
struct cb_err;
int cb_worker_check(const struct cb_worker *w, struct cb_err *err);
int cb_team_check(const struct cb_team *t, struct cb_err *err);
/* For vectors of workers. */
void cb_worker_free_item(void *w);
void cb_team_free_item(void *t);

#endif
