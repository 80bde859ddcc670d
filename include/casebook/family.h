/* SPDX-License-Identifier: MIT */
/* Families, the people in them, children's statuses and the workers
 * allocated to each family. */
#ifndef CASEBOOK_FAMILY_H
#define CASEBOOK_FAMILY_H

#include <stdbool.h>

#include "casebook/record.h"

struct cb_err;
struct cb_refdata;

enum cb_member_role {
	CB_MEMBER_CHILD,
	CB_MEMBER_PARENT,
	CB_MEMBER_CARER,
	CB_MEMBER_OTHER_ADULT
};

struct cb_family {
	char id[CB_UUID_LEN];
	struct cb_rev rev;
	char *reference;            /* the authority's case number */
	char *name;                 /* "Nguyễn family" */
	char team_id[CB_UUID_LEN];
	struct cb_date opened;
};

struct cb_person {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	struct cb_rev rev;
	char *name;
	struct cb_date born;        /* unset when not known */
	enum cb_member_role role;
};

/* One entry in a child's dated series of statuses. */
struct cb_status {
	char id[CB_UUID_LEN];
	char person_id[CB_UUID_LEN];
	struct cb_rev rev;
	char *status;               /* cin, cp, cla, plo (data/statuses.yaml) */
	struct cb_date from;
	char *cp_category;          /* NEG PHY EMO SAB MUL, only with cp */
	char *legal;                /* legal status code, for cla; may be NULL */
	char *need;                 /* primary need N0-N9 */
	char *factors;              /* assessment factors, space-separated */
};

struct cb_allocation {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	char worker_id[CB_UUID_LEN];
	struct cb_rev rev;
	char *worker_name;          /* filled on reads */
	char *role;                 /* the worker's role on this case */
	struct cb_date from;
	struct cb_date until;       /* unset while current */
};

struct cb_family *cb_family_new(void);
void cb_family_free(struct cb_family **f);
void cb_family_free_item(void *f);
struct cb_person *cb_person_new(void);
void cb_person_free(struct cb_person **p);
void cb_person_free_item(void *p);
struct cb_status *cb_status_new(void);
void cb_status_free(struct cb_status **s);
void cb_status_free_item(void *s);
struct cb_allocation *cb_allocation_new(void);
void cb_allocation_free(struct cb_allocation **a);
void cb_allocation_free_item(void *a);

const char *cb_member_role_id(enum cb_member_role r);       /* "child" */
const char *cb_member_role_label(enum cb_member_role r);    /* "Child" */
int cb_member_role_parse(const char *s, enum cb_member_role *out, struct cb_err *err);
bool cb_member_is_adult(enum cb_member_role r);

/* Checks that only need the record itself and the reference lists:
 * required fields, known codes, CP category only with CP, factor 21 alone. */
int cb_family_check(const struct cb_family *f, struct cb_err *err);
int cb_person_check(const struct cb_person *p, struct cb_err *err);
int cb_status_check(const struct cb_status *s, const struct cb_refdata *ref,
                    struct cb_err *err);
int cb_factors_check(const char *factors, const struct cb_refdata *ref,
                     struct cb_err *err);

#endif
