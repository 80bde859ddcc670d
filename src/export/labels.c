/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/str.h"
#include "labels.h"

const char *
xl_label(const struct cb_refdata *ref, enum xl_list which, const char *id)
{
	const struct cb_reflist *l = NULL;

	if (id == NULL)
		return "";
	if (ref == NULL)
		return id;
	switch (which) {
	case XL_ROLE: l = &ref->roles; break;
	case XL_STATUS: l = &ref->statuses; break;
	case XL_CP_CATEGORY: l = &ref->cp_categories; break;
	case XL_LEGAL: l = &ref->legal_statuses; break;
	case XL_NEED: l = &ref->primary_need; break;
	case XL_FACTOR: l = &ref->factors; break;
	case XL_STAGE: l = &ref->stages; break;
	case XL_ISSUE: l = &ref->issues; break;
	case XL_RATING: l = &ref->ratings; break;
	case XL_NOTE_KIND: l = &ref->note_kinds; break;
	}
	return cb_reflist_label(l, id);
}

char *
xl_code(const struct cb_refdata *ref, enum xl_list which, const char *code)
{
	const char *label = xl_label(ref, which, code);

	if (cb_streq(label, code))
		return cb_strdup(code != NULL ? code : "");
	return cb_asprintf("%s %s", code, label);
}

char *
xl_stage(const struct cb_refdata *ref, const char *stage)
{
	const struct cb_refitem *it = ref != NULL ? cb_reflist_find(&ref->stages, stage) : NULL;

	if (it == NULL)
		return cb_strdup(stage != NULL ? stage : "");
	if (it->name != NULL && it->label != NULL && !cb_streq(it->name, it->label))
		return cb_asprintf("%s (%s)", it->name, it->label);
	return cb_strdup(it->name != NULL ? it->name : it->label != NULL ? it->label : stage);
}

const char *
xl_stage_name(const struct cb_refdata *ref, const char *stage)
{
	const struct cb_refitem *it = ref != NULL ? cb_reflist_find(&ref->stages, stage) : NULL;

	if (it == NULL)
		return stage != NULL ? stage : "";
	return it->name != NULL ? it->name : it->label != NULL ? it->label : stage;
}

const char *
xl_date(struct cb_date d, char buf[CB_DATE_LEN], const char *none)
{
	if (!cb_date_is_set(d))
		return none;
	cb_date_format(d, buf);
	return buf;
}

const char *
xl_stamp_date(const char *stamp, char buf[CB_DATE_LEN])
{
	snprintf(buf, CB_DATE_LEN, "%.10s", stamp != NULL ? stamp : "");
	return buf;
}

const char *
xl_name(const char *name)
{
	return !cb_str_empty(name) ? name : _("(a worker no longer on record)");
}

char *
xl_stage_detail(const struct cb_stage_record *r)
{
	struct cb_buf b = {0};

	if (!cb_str_empty(r->evidence))
		cb_buf_addf(&b, _("Evidence: %s"), r->evidence);
	if (!cb_str_empty(r->next_signs))
		cb_buf_addf(&b, _("%sWhat would show a move: %s"), b.len > 0 ? "\n" : "",
		            r->next_signs);
	return cb_buf_take(&b);
}
