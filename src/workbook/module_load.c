/* SPDX-License-Identifier: MIT */
/* Reading and checking one workbook module (casebook-modules(5)). The
 * whole file is checked even after the first problem, so an authority
 * editing a module sees everything to fix at once; the model is handed
 * back only when there was nothing to fix. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/diag.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/str.h"
#include "casebook/workbook.h"
#include "module_load.h"
#include "ytree.h"

#define MAX_ORDER 9999

static const char *const module_keys[] = {
	"id", "version", "order", "kind", "title", "purpose", "led_by", "sections", NULL,
};
static const char *const section_keys[] = {
	"id", "title", "applies_to", "guidance", "prompts", "fields", NULL,
};
static const char *const field_keys[] = {
	"id", "type", "label", "help", "required", "example", "choices", "min", "max",
	"direction", "anchors", "who", "rows", "columns", "issues", NULL,
};

static const char *const kind_names[] = {"module", "supervision"};
static const char *const applies_names[] = {"family", "each-adult", "each-child"};
static const char *const direction_names[] = {"higher-is-better", "higher-is-worse"};
static const char *const who_names[] = {"any", "adult", "child"};

#define N_TYPES (CB_FIELD_ACTIONS_REVIEW + 1)
#define T(t) (1u << (t))

/* Keys that mean something on some field types only. */
static const struct {
	const char *key;
	unsigned types;
	const char *for_types;
} typed_keys[] = {
	{"choices", T(CB_FIELD_CHOICE) | T(CB_FIELD_MULTICHOICE), N_("choice or multichoice")},
	{"min", T(CB_FIELD_SCALE), N_("scale")},
	{"max", T(CB_FIELD_SCALE), N_("scale")},
	{"direction", T(CB_FIELD_SCALE), N_("scale")},
	{"anchors", T(CB_FIELD_SCALE), N_("scale")},
	{"who", T(CB_FIELD_PERSON), N_("person")},
	{"rows", T(CB_FIELD_TABLE), N_("table")},
	{"columns", T(CB_FIELD_TABLE), N_("table")},
	{"issues", T(CB_FIELD_STAGE_OF_CHANGE), N_("stage-of-change")},
};

/* min or max of a scale: false when absent or not usable (reported). */
static bool
scale_end(struct ml_ctx *c, const struct yt_node *n, const char *key, long *out)
{
	if (n == NULL || !ml_number(c, n, key, out))
		return false;
	if (*out < -ML_SCALE_LIMIT || *out > ML_SCALE_LIMIT) {
		ml_report(c, n, _("%s should be from %d to %d, not %ld"), key, -ML_SCALE_LIMIT, ML_SCALE_LIMIT,
		          *out);
		return false;
	}
	return true;
}

static void
field_typed(struct ml_ctx *c, const struct yt_node *n, struct cb_field *f, const char *what,
            const struct cb_section *s, bool applies_known)
{
	const char *tname = cb_field_type_name(f->type);
	const struct yt_node *v;
	size_t i;

	for (i = 0; i < sizeof typed_keys / sizeof *typed_keys; i++) {
		const struct yt_node *k = ml_key_node(n, typed_keys[i].key);

		if (k != NULL && !(typed_keys[i].types & T(f->type)))
			ml_report(c, k, _("'%s' does nothing on a %s field: remove it, or make the field a %s"),
			          typed_keys[i].key, tname, _(typed_keys[i].for_types));
	}
	switch (f->type) {
	case CB_FIELD_CHOICE:
	case CB_FIELD_MULTICHOICE:
		if (ml_need(c, n, "choices", what, _("add choices: with a list of at least one choice")))
			ml_read_options(c, yt_get(n, "choices"), "choices", _("choice"), &f->choices);
		break;
	case CB_FIELD_SCALE: {
		bool have_min, have_max, range_known;
		int dir;

		ml_need(c, n, "min", what, _("add min: with the lowest point, such as 0"));
		ml_need(c, n, "max", what, _("add max: with the highest point, such as 10"));
		ml_need(c, n, "direction", what, _("add direction: higher-is-better or higher-is-worse"));
		ml_need(c, n, "anchors", what,
		        _("add anchors: with labels for at least the lowest and the highest point"));
		have_min = scale_end(c, yt_get(n, "min"), "min", &f->min);
		have_max = scale_end(c, yt_get(n, "max"), "max", &f->max);
		range_known = have_min && have_max;
		if (range_known && f->min >= f->max) {
			ml_report(c, yt_get(n, "min"),
			          _("the scale runs from min %ld to max %ld: min should be less than max"),
			          f->min, f->max);
			range_known = false;
		}
		if ((v = yt_get(n, "direction")) != NULL &&
		    ml_pick(c, v, "direction", direction_names, 2, &dir))
			f->direction = (enum cb_scale_direction)dir;
		if ((v = yt_get(n, "anchors")) != NULL)
			ml_read_anchors(c, v, f, range_known);
		break;
	}
	case CB_FIELD_PERSON: {
		int who;

		if ((v = yt_get(n, "who")) != NULL && ml_pick(c, v, "who", who_names, 3, &who))
			f->who = (enum cb_person_who)who;
		break;
	}
	case CB_FIELD_TABLE:
		ml_need(c, n, "rows", what, _("add rows: with a list of at least one row"));
		ml_need(c, n, "columns", what, _("add columns: with a list of at least one column"));
		if ((v = yt_get(n, "rows")) != NULL)
			ml_read_options(c, v, "rows", _("row"), &f->rows);
		if ((v = yt_get(n, "columns")) != NULL)
			ml_read_options(c, v, "columns", _("column"), &f->columns);
		break;
	case CB_FIELD_STAGE_OF_CHANGE:
		if ((v = yt_get(n, "issues")) != NULL)
			ml_read_ref_ids(c, v, "issues", _("issue"), c->ref != NULL ? &c->ref->issues : NULL,
			                "data/stages.yaml", &f->issues);
		if (applies_known && s->applies_to != CB_APPLIES_EACH_ADULT)
			ml_report(c, yt_get(n, "type"),
			          _("a stage-of-change field belongs in an each-adult section, since a "
			            "stage is one adult's: move it, or make the section applies_to: "
			            "each-adult"));
		break;
	case CB_FIELD_ACTIONS_REVIEW:
		if (c->kind_known && !c->supervision)
			ml_report(c, yt_get(n, "type"),
			          _("an actions-review field belongs only in the supervision proforma "
			            "(kind: supervision): use actions for a module's own actions"));
		break;
	default:
		break;
	}
}

static void
read_field(struct ml_ctx *c, const struct yt_node *n, size_t index, struct cb_section *s,
           const char *sname, bool applies_known, struct ml_seen *ids)
{
	const char *type_names[N_TYPES];
	char what[160], shown[48], shown2[48];
	const struct yt_node *v;
	struct cb_field *f;
	const char *id;
	size_t i, first;
	int type = -1;

	if (n->type != YT_MAP) {
		ml_report(c, n, _("each field should be a mapping with id, type and label, not %s"),
		          yt_type_name(n));
		return;
	}
	for (i = 0; i < N_TYPES; i++)
		type_names[i] = cb_field_type_name((enum cb_field_type)i);
	f = cb_field_new();
	f->line = n->line;
	f->col = n->col;
	id = ml_read_id(c, n, ML_ID_NAME, _("field"));
	if (id != NULL)
		snprintf(what, sizeof what, _("field '%s.%s'"), sname, ml_shown(id, shown));
	else
		snprintf(what, sizeof what, _("field %zu of section '%s'"), index + 1, sname);
	if (id != NULL && !ml_seen_add(ids, id, n->line, index, &first, NULL))
		ml_report(c, n, _("section '%s' has two fields with the id '%s' (the first on line %zu): "
		                  "give each field its own id"), sname, ml_shown(id, shown2), first);
	ml_check_keys(c, n, what, field_keys);
	ml_need(c, n, "id", what, _("add id: with a short id such as working_well"));
	ml_need(c, n, "type", what, _("add type: with text, longtext, yesno, date, choice, "
	                              "multichoice, scale, person, table, stage-of-change, "
	                              "risk-rating, goals or actions"));
	ml_need(c, n, "label", what, _("add label: with the question or heading the worker sees"));
	f->id = cb_strdup(id);
	if ((v = yt_get(n, "type")) != NULL &&
	    ml_pick(c, v, _("field type"), type_names, N_TYPES, &type))
		f->type = (enum cb_field_type)type;
	f->label = ml_text(c, n, "label", true);
	f->help = ml_text(c, n, "help", false);
	f->example = ml_text(c, n, "example", false);
	if ((v = yt_get(n, "required")) != NULL)
		yt_bool(v, c->file, c->d, "required", &f->required);
	if (type >= 0) {
		char twhat[200];

		snprintf(twhat, sizeof twhat, _("the %s %s"), cb_field_type_name(f->type), what);
		field_typed(c, n, f, twhat, s, applies_known);
	}
	cb_vec_push(&s->fields, f);
}

static void
read_section(struct ml_ctx *c, const struct yt_node *n, size_t index, struct ml_seen *ids,
             struct cb_module *m)
{
	char what[96], sname[48], shown[48];
	struct ml_seen field_ids = {0};
	const struct yt_node *v;
	struct cb_section *s;
	bool applies_known = false;
	const char *id;
	size_t i, first;
	int applies;

	if (n->type != YT_MAP) {
		ml_report(c, n, _("each section should be a mapping with id, title, applies_to and "
		                  "fields, not %s"), yt_type_name(n));
		return;
	}
	s = cb_section_new();
	s->line = n->line;
	s->col = n->col;
	id = ml_read_id(c, n, ML_ID_NAME, _("section"));
	if (id != NULL) {
		ml_shown(id, sname);
		snprintf(what, sizeof what, _("section '%s'"), sname);
	} else {
		snprintf(sname, sizeof sname, "%zu", index + 1);
		snprintf(what, sizeof what, _("section %zu"), index + 1);
	}
	if (id != NULL && !ml_seen_add(ids, id, n->line, index, &first, NULL))
		ml_report(c, n, _("there are two sections with the id '%s' (the first on line %zu): "
		                  "give each section its own id"), ml_shown(id, shown), first);
	ml_check_keys(c, n, what, section_keys);
	ml_need(c, n, "id", what, _("add id: with a short id such as daily_care"));
	ml_need(c, n, "title", what, _("add title: with the heading the worker sees"));
	ml_need(c, n, "applies_to", what, _("add applies_to: family, each-adult or each-child"));
	ml_need(c, n, "fields", what, _("add fields: with at least one field"));
	s->id = cb_strdup(id);
	s->title = ml_text(c, n, "title", true);
	s->guidance = ml_text(c, n, "guidance", false);
	if ((v = yt_get(n, "applies_to")) != NULL &&
	    ml_pick(c, v, "applies_to", applies_names, 3, &applies)) {
		s->applies_to = (enum cb_applies)applies;
		applies_known = true;
	}
	if ((v = yt_get(n, "prompts")) != NULL) {
		if (v->type != YT_SEQ)
			ml_report(c, v, _("prompts should be a list of questions, not %s: write each on its "
			                  "own line, starting with '- '"), yt_type_name(v));
		for (i = 0; v->type == YT_SEQ && i < v->n && !ml_full(c); i++) {
			const struct yt_node *p = v->kids[i];
			char *t;

			if (p->type != YT_SCALAR) {
				ml_report(c, p, _("each prompt should be a question as text, not %s"),
				          yt_type_name(p));
				continue;
			}
			ml_note_text(c, p);
			t = ml_is_null(p) ? cb_strdup("") : cb_str_trim(p->value);
			if (t[0] == '\0') {
				ml_report(c, p, _("a prompt is empty: write the question, or remove the line"));
				free(t);
				continue;
			}
			cb_vec_push(&s->prompts, t);
		}
	}
	if ((v = yt_get(n, "fields")) != NULL) {
		if (v->type != YT_SEQ)
			ml_report(c, v, _("fields should be a list of fields, not %s"), yt_type_name(v));
		else if (v->n == 0)
			ml_report(c, v, _("fields is empty: add at least one field"));
		for (i = 0; v->type == YT_SEQ && i < v->n && !ml_full(c); i++)
			read_field(c, v->kids[i], i, s, sname, applies_known, &field_ids);
	}
	ml_seen_free(&field_ids);
	cb_vec_push(&m->sections, s);
}

/* --- the supervision proforma -------------------------------------------- */

/* What the minute-taking screen and the importer rely on. */
static const struct {
	const char *section;
	enum cb_applies applies;
	const char *field;
	enum cb_field_type type;
} proforma[] = {
	{"review", CB_APPLIES_FAMILY, "actions", CB_FIELD_ACTIONS_REVIEW},
	{"discussion", CB_APPLIES_FAMILY, "working_well", CB_FIELD_LONGTEXT},
	{"discussion", CB_APPLIES_FAMILY, "worries", CB_FIELD_LONGTEXT},
	{"discussion", CB_APPLIES_FAMILY, "lived_experience", CB_FIELD_LONGTEXT},
	{"stages", CB_APPLIES_EACH_ADULT, "stage", CB_FIELD_STAGE_OF_CHANGE},
	{"risk", CB_APPLIES_FAMILY, "rating", CB_FIELD_RISK_RATING},
	{"risk", CB_APPLIES_FAMILY, "reflection", CB_FIELD_LONGTEXT},
	{"actions", CB_APPLIES_FAMILY, "actions", CB_FIELD_ACTIONS},
};

/* The first mapping in list whose id is id. */
static const struct yt_node *
find_by_id(const struct yt_node *list, const char *id)
{
	size_t i;

	for (i = 0; list != NULL && list->type == YT_SEQ && i < list->n; i++) {
		const struct yt_node *v = yt_get(list->kids[i], "id");

		if (list->kids[i]->type == YT_MAP && v != NULL && v->type == YT_SCALAR &&
		    strcmp(v->value, id) == 0)
			return list->kids[i];
	}
	return NULL;
}

/* Checked on the tree rather than the model, so each message can point
 * at the very key that is wrong. */
static void
check_proforma(struct ml_ctx *c, const struct yt_node *sections)
{
	size_t i;

	for (i = 0; i < sizeof proforma / sizeof *proforma; i++) {
		const char *sid = proforma[i].section, *fid = proforma[i].field;
		const char *want = cb_field_type_name(proforma[i].type);
		const struct yt_node *s = find_by_id(sections, sid), *f, *v;
		enum cb_field_type t;
		size_t j;

		if (s == NULL) {
			struct cb_buf b = {0};

			/* Once per missing section, naming all it needs. */
			if (i > 0 && strcmp(proforma[i - 1].section, sid) == 0)
				continue;
			for (j = i; j < sizeof proforma / sizeof *proforma &&
			            strcmp(proforma[j].section, sid) == 0; j++)
				cb_buf_addf(&b, "%s%s (%s)", j > i ? ", " : "", proforma[j].field,
				            cb_field_type_name(proforma[j].type));
			ml_report(c, sections, _("the supervision proforma has no section '%s': add it "
			                         "(applies_to: %s, with %s), since the minute-taking screen "
			                         "needs it"), sid, cb_applies_name(proforma[i].applies),
			          cb_buf_str(&b));
			cb_buf_free(&b);
			continue;
		}
		v = yt_get(s, "applies_to");
		if (i == 0 || strcmp(proforma[i - 1].section, sid) != 0) {
			if (v != NULL && v->type == YT_SCALAR && !ml_is_null(v) &&
			    strcmp(v->value, cb_applies_name(proforma[i].applies)) != 0)
				ml_report(c, v, _("section '%s' of the supervision proforma should apply to %s"
				                  ", since the minute-taking screen asks it that way"),
				          sid, cb_applies_name(proforma[i].applies));
		}
		f = find_by_id(yt_get(s, "fields"), fid);
		if (f == NULL) {
			ml_report(c, s, _("section '%s' of the supervision proforma has no field '%s': add "
			                  "it, with type %s"), sid, fid, want);
			continue;
		}
		v = yt_get(f, "type");
		if (v != NULL && v->type == YT_SCALAR && cb_field_type_parse(v->value, &t) == 0 &&
		    t != proforma[i].type)
			ml_report(c, v, _("field '%s.%s' of the supervision proforma should have type %s, "
			                  "not %s"), sid, fid, want, v->value);
	}
}

/* --- the module ---------------------------------------------------------- */

static struct cb_module *
read_module(struct ml_ctx *c, const struct yt_node *root, struct ml_info *info)
{
	struct cb_module *m = cb_module_new();
	struct ml_seen ids = {0};
	const struct yt_node *v;
	const char *what = _("the module");
	size_t i;
	int kind;

	ml_check_keys(c, root, what, module_keys);
	ml_need(c, root, "id", what, _("add id: with the module's lower-case id, such as basic-care"));
	ml_need(c, root, "version", what, _("add version: 1, and raise it whenever the fields change"));
	ml_need(c, root, "order", what, _("add order: with the module's place in the programme"));
	ml_need(c, root, "title", what, _("add title: with a short title"));
	ml_need(c, root, "purpose", what,
	        _("add purpose: with a few plain sentences on why this module is done"));
	ml_need(c, root, "led_by", what, _("add led_by: with a list of role ids from data/roles.yaml"));
	ml_need(c, root, "sections", what, _("add sections: with at least one section"));

	if ((v = yt_get(root, "id")) != NULL && v->type == YT_SCALAR && !ml_is_null(v)) {
		info->id = cb_strdup(v->value);
		info->id_line = v->line;
		info->id_col = v->col;
		info->proforma = strcmp(v->value, "supervision") == 0;
	}
	m->id = cb_strdup(ml_read_id(c, root, ML_ID_MODULE, _("module")));
	if ((v = yt_get(root, "kind")) != NULL) {
		info->kind_line = v->line;
		info->kind_col = v->col;
		if (v->type == YT_SCALAR && strcmp(v->value, "supervision") == 0)
			info->proforma = true;
		c->kind_known = ml_pick(c, v, "kind", kind_names, 2, &kind);
		if (c->kind_known && kind == 1) {
			m->kind = CB_MODULE_SUPERVISION;
			c->supervision = true;
		}
	}
	if ((v = yt_get(root, "version")) != NULL) {
		m->version_line = v->line;
		m->version_col = v->col;
		if (ml_number(c, v, "version", &m->version) && m->version < 1)
			ml_report(c, v, _("version should be 1 or more, not %ld: start at 1, and raise it "
			                  "whenever the fields change"), m->version);
		else if (m->version > INT_MAX)
			ml_report(c, v, _("version %ld is too large: the largest is %d"), m->version,
			          INT_MAX);
	}
	if ((v = yt_get(root, "order")) != NULL && ml_number(c, v, "order", &m->order) &&
	    (m->order < 0 || m->order > MAX_ORDER))
		ml_report(c, v, _("order should be from 0 to %d, not %ld: it is the module's place in "
		                  "the programme (the proforma has 0)"), MAX_ORDER, m->order);
	m->title = ml_text(c, root, "title", true);
	m->purpose = ml_text(c, root, "purpose", true);
	if ((v = yt_get(root, "led_by")) != NULL)
		ml_read_ref_ids(c, v, "led_by", _("role"), c->ref != NULL ? &c->ref->roles : NULL,
		                "data/roles.yaml", &m->led_by);
	if ((v = yt_get(root, "sections")) != NULL) {
		if (v->type != YT_SEQ)
			ml_report(c, v, _("sections should be a list of sections, not %s"), yt_type_name(v));
		else if (v->n == 0)
			ml_report(c, v, _("sections is empty: add at least one section"));
		for (i = 0; v->type == YT_SEQ && i < v->n && !ml_full(c); i++)
			read_section(c, v->kids[i], i, &ids, m);
		if (c->supervision && v->type == YT_SEQ)
			check_proforma(c, v);
	}
	/* A module read in another language says where its text is English,
	 * so nobody takes it for a translation: every text it shows counts,
	 * those in one language only as much as those missing the one read. */
	if (m->title != NULL && strcmp(cb_workbook_language(), "en") != 0 &&
	    (root->lang_texts == 0 || root->lang_fallbacks > 0 || c->plain_texts > 0)) {
		char *t = cb_asprintf(root->lang_texts == 0 ? _("%s (in English)")
		                                            : _("%s (partly in English)"),
		                      m->title);

		free(m->title);
		m->title = t;
	}
	ml_seen_free(&ids);
	return m;
}

int
ml_load(const char *name, const char *bytes, size_t len, const struct cb_refdata *ref,
        struct cb_module **out, struct cb_diags *diags, struct ml_info *info)
{
	struct ml_info scratch = {0};
	struct ml_ctx c = {0};
	struct cb_module *m = NULL;
	struct yt_node *root;
	size_t i;

	*out = NULL;
	if (info == NULL)
		info = &scratch;
	c.file = name != NULL ? name : "-";
	c.ref = ref;
	c.d = diags;
	c.start = cb_diags_count(diags);
	c.kind_known = true;
	if (len > CB_MODULE_MAX_BYTES) {
		cb_diags_add(diags, c.file, 1, 1,
		             _("the file is too large (%zu KiB): a module file may be at most %u KiB"),
		             len >> 10, CB_MODULE_MAX_BYTES >> 10);
		goto out;
	}
	root = yt_parse(c.file, bytes != NULL ? bytes : "", bytes != NULL ? len : 0, diags);
	if (root == NULL) {
		/* "The file is empty" has no line of its own, but an editor
		 * jumping to FILE:LINE:COLUMN needs one. */
		for (i = c.start; i < cb_diags_count(diags); i++) {
			struct cb_diag *dg = diags->items.items[i];

			if (dg->line == 0)
				dg->line = dg->col = 1;
		}
		goto out;
	}
	if (root->type != YT_MAP)
		ml_report(&c, root, _("a module file should be a mapping of keys (id, version, title, "
		                      "sections and so on), not %s"), yt_type_name(root));
	else
		m = read_module(&c, root, info);
	yt_free(root);
	if (c.stopped || cb_diags_count(diags) - c.start > ML_MAX_PROBLEMS) {
		/* A key check can overshoot the limit by a few: keep it exact. */
		while (cb_diags_count(diags) > c.start + ML_MAX_PROBLEMS)
			cb_vec_remove(&diags->items, cb_diags_count(diags) - 1);
		cb_diags_add(diags, c.file, 0, 0,
		             _("checking stopped after %d problems: fix these first, then check "
		               "again"), ML_MAX_PROBLEMS);
	}
	if (m != NULL && cb_diags_count(diags) == c.start) {
		m->source = cb_strdup(c.file);
		*out = m;
		m = NULL;
	}
out:
	cb_module_free(&m);
	ml_info_clear(&scratch);
	return *out != NULL ? 0 : -1;
}

int
cb_module_load_bytes(const char *name, const char *bytes, size_t len,
                     const struct cb_refdata *ref, struct cb_module **out,
                     struct cb_diags *diags)
{
	return ml_load(name, bytes, len, ref, out, diags, NULL);
}
