/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/names.h"
#include "casebook/refdata.h"
#include "casebook/str.h"
#include "casebook/vec.h"

struct cb_family *
cb_family_new(void)
{
	return cb_calloc(1, sizeof(struct cb_family));
}

void
cb_family_free(struct cb_family **f)
{
	if (f == NULL || *f == NULL)
		return;
	cb_rev_clear(&(*f)->rev);
	free((*f)->reference);
	free((*f)->name);
	cb_freep(f);
}

void
cb_family_free_item(void *f)
{
	cb_family_free((struct cb_family **)&f);
}

struct cb_person *
cb_person_new(void)
{
	return cb_calloc(1, sizeof(struct cb_person));
}

void
cb_person_free(struct cb_person **p)
{
	if (p == NULL || *p == NULL)
		return;
	cb_rev_clear(&(*p)->rev);
	free((*p)->name);
	cb_freep(p);
}

void
cb_person_free_item(void *p)
{
	cb_person_free((struct cb_person **)&p);
}

struct cb_status *
cb_status_new(void)
{
	return cb_calloc(1, sizeof(struct cb_status));
}

void
cb_status_free(struct cb_status **s)
{
	if (s == NULL || *s == NULL)
		return;
	cb_rev_clear(&(*s)->rev);
	free((*s)->status);
	free((*s)->cp_category);
	free((*s)->legal);
	free((*s)->need);
	free((*s)->factors);
	cb_freep(s);
}

void
cb_status_free_item(void *s)
{
	cb_status_free((struct cb_status **)&s);
}

struct cb_allocation *
cb_allocation_new(void)
{
	return cb_calloc(1, sizeof(struct cb_allocation));
}

void
cb_allocation_free(struct cb_allocation **a)
{
	if (a == NULL || *a == NULL)
		return;
	cb_rev_clear(&(*a)->rev);
	free((*a)->worker_name);
	free((*a)->role);
	cb_freep(a);
}

void
cb_allocation_free_item(void *a)
{
	cb_allocation_free((struct cb_allocation **)&a);
}

static const struct {
	const char *id;
	const char *label;
} member_roles[] = {
	[CB_MEMBER_CHILD] = {"child", N_("Child")},
	[CB_MEMBER_PARENT] = {"parent", N_("Parent")},
	[CB_MEMBER_CARER] = {"carer", N_("Carer")},
	[CB_MEMBER_OTHER_ADULT] = {"other-adult", N_("Other adult")},
};

const char *
cb_member_role_id(enum cb_member_role r)
{
	return member_roles[r].id;
}

const char *
cb_member_role_label(enum cb_member_role r)
{
	return _(member_roles[r].label);
}

int
cb_member_role_parse(const char *s, enum cb_member_role *out, struct cb_err *err)
{
	size_t i;

	for (i = 0; i < sizeof member_roles / sizeof *member_roles; i++) {
		if (cb_streq(s, member_roles[i].id)) {
			*out = (enum cb_member_role)i;
			return 0;
		}
	}
	return cb_err_set(err, CB_EINVAL,
	                  _("'%s' is not a role in a family: use child, parent, carer or other-adult"),
	                  s != NULL ? s : "");
}

bool
cb_member_is_adult(enum cb_member_role r)
{
	return r != CB_MEMBER_CHILD;
}

int
cb_family_check(const struct cb_family *f, struct cb_err *err)
{
	if (cb_str_empty(f->reference))
		return cb_err_set(err, CB_EINVAL, _("a family needs a case reference"));
	if (strchr(f->reference, '\t') != NULL || strchr(f->reference, '\n') != NULL)
		return cb_err_set(err, CB_EINVAL, _("a case reference is one line of text"));
	if (cb_name_check(f->reference, _("the case reference"), CB_REFERENCE_MAX, err) != 0)
		return -1;
	if (cb_str_empty(f->name))
		return cb_err_set(err, CB_EINVAL, _("a family needs a name"));
	return cb_name_check(f->name, _("the family's name"), CB_NAME_MAX, err);
}

int
cb_person_check(const struct cb_person *p, struct cb_err *err)
{
	if (cb_str_empty(p->name))
		return cb_err_set(err, CB_EINVAL, _("a family member needs a name"));
	if (cb_name_check(p->name, _("the family member's name"), CB_NAME_MAX, err) != 0)
		return -1;
	if (cb_date_is_set(p->born) && !cb_date_valid(p->born))
		return cb_err_set(err, CB_EINVAL, _("the date of birth is not a real date"));
	return 0;
}

int
cb_factors_check(const char *factors, const struct cb_refdata *ref, struct cb_err *err)
{
	struct cb_vec codes = CB_VEC_BORROWING;
	char *copy, *tok, *save = NULL;
	bool has21 = false;
	size_t i, j;
	int rc = 0;

	if (cb_str_empty(factors))
		return 0;
	copy = cb_strdup(factors);
	for (tok = strtok_r(copy, " ,", &save); tok != NULL; tok = strtok_r(NULL, " ,", &save))
		cb_vec_push(&codes, tok);
	for (i = 0; i < codes.len && rc == 0; i++) {
		const char *code = codes.items[i];

		if (strcmp(code, "21") == 0)
			has21 = true;
		if (ref != NULL && cb_reflist_len(&ref->factors) > 0 &&
		    cb_reflist_find(&ref->factors, code) == NULL)
			rc = cb_err_set(err, CB_EINVAL,
			                _("'%s' is not an assessment factor code (1A to 24A)"), code);
		for (j = 0; j < i && rc == 0; j++)
			if (strcmp(codes.items[j], code) == 0)
				rc = cb_err_set(err, CB_EINVAL, _("factor %s is given twice"), code);
	}
	if (rc == 0 && has21 && codes.len > 1)
		rc = cb_err_set(err, CB_EINVAL,
		                _("factor 21 (no factors identified) cannot go with other factors"));
	cb_vec_clear(&codes);
	free(copy);
	return rc;
}

int
cb_status_check(const struct cb_status *s, const struct cb_refdata *ref, struct cb_err *err)
{
	if (cb_str_empty(s->status))
		return cb_err_set(err, CB_EINVAL, _("a child's status needs a status (cin, cp, cla or plo)"));
	if (ref != NULL && cb_reflist_len(&ref->statuses) > 0 &&
	    cb_reflist_find(&ref->statuses, s->status) == NULL) {
		char *ids = cb_reflist_ids(&ref->statuses);

		cb_err_set(err, CB_EINVAL, _("'%s' is not a child status: use one of %s"), s->status, ids);
		free(ids);
		return -1;
	}
	if (!cb_date_valid(s->from))
		return cb_err_set(err, CB_EINVAL, _("a status needs the date it started"));
	if (cb_streq(s->status, "cp")) {
		if (cb_str_empty(s->cp_category))
			return cb_err_set(err, CB_EINVAL,
			                  _("a child protection status needs a category (NEG, PHY, EMO, SAB or MUL)"));
		if (ref != NULL && cb_reflist_len(&ref->cp_categories) > 0 &&
		    cb_reflist_find(&ref->cp_categories, s->cp_category) == NULL)
			return cb_err_set(err, CB_EINVAL,
			                  _("'%s' is not a child protection category: use NEG, PHY, EMO, SAB or MUL"),
			                  s->cp_category);
	} else if (!cb_str_empty(s->cp_category)) {
		return cb_err_set(err, CB_EINVAL,
		                  _("a child protection category only goes with a child protection status"));
	}
	if (!cb_str_empty(s->legal) && ref != NULL && cb_reflist_len(&ref->legal_statuses) > 0 &&
	    cb_reflist_find(&ref->legal_statuses, s->legal) == NULL)
		return cb_err_set(err, CB_EINVAL, _("'%s' is not a legal status code"), s->legal);
	if (!cb_str_empty(s->need) && ref != NULL && cb_reflist_len(&ref->primary_need) > 0 &&
	    cb_reflist_find(&ref->primary_need, s->need) == NULL)
		return cb_err_set(err, CB_EINVAL, _("'%s' is not a primary need code: use N0 to N9"),
		                  s->need);
	return cb_factors_check(s->factors, ref, err);
}
