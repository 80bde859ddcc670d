/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casebook/diag.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/refdata.h"
#include "casebook/rules.h"
#include "casebook/str.h"
#include "casebook/workbook.h"
#include "ytree.h"

static const char *const item_keys[] = {
	"id", "code", "label", "short", "group", "about", "name", "meaning", "task",
	"for_parent", "legacy", "may", NULL,
};

static void
take_text(const struct yt_node *item, const char *key, const char *file, struct cb_diags *d,
          char **out)
{
	const struct yt_node *n = yt_get(item, key);
	const char *s;

	if (n != NULL && yt_str(n, file, d, key, &s)) {
		char *t = cb_str_trim(s);

		free(*out);
		*out = t;
	}
}

/* A role's acts ("may: [sign-minutes, ...]"), kept as " a b " so that a
 * lookup is one search. Only the acts casebook knows. */
static void
take_acts(const struct yt_node *item, const char *file, struct cb_diags *d, char **out)
{
	const struct yt_node *seq = yt_get(item, "may");
	struct cb_buf b = {0};
	size_t i;

	if (seq == NULL)
		return;
	if (seq->type != YT_SEQ) {
		cb_diags_add(d, file, seq->line, seq->col, _("'may' should be a list of acts"));
		return;
	}
	cb_buf_add(&b, " ");
	for (i = 0; i < seq->n; i++) {
		const char *act;

		if (!yt_str(seq->kids[i], file, d, "may", &act))
			continue;
		if (!cb_act_known(act)) {
			char *known = cb_acts_known();

			cb_diags_add(d, file, seq->kids[i]->line, seq->kids[i]->col,
			             _("'%s' is not an act casebook knows (it knows: %s)"), act, known);
			free(known);
			continue;
		}
		cb_buf_addf(&b, "%s ", act);
	}
	free(*out);
	*out = cb_strdup(cb_buf_str(&b));
	cb_buf_free(&b);
}

static void
load_list(const struct yt_node *root, const char *key, const char *file, struct cb_diags *d,
          struct cb_reflist *list)
{
	const struct yt_node *seq = yt_get(root, key);
	size_t i, j;

	if (seq == NULL) {
		cb_diags_add(d, file, root->line, root->col, _("the file has no '%s' list"), key);
		return;
	}
	if (seq->type != YT_SEQ || seq->n == 0) {
		cb_diags_add(d, file, seq->line, seq->col, _("'%s' should be a list of entries"), key);
		return;
	}
	for (i = 0; i < seq->n; i++) {
		const struct yt_node *item = seq->kids[i];
		struct cb_refitem *it;
		const struct yt_node *legacy;

		if (item->type != YT_MAP) {
			cb_diags_add(d, file, item->line, item->col,
			             _("each entry of '%s' should be a mapping with an id and a label"),
			             key);
			continue;
		}
		yt_check_keys(item, file, d, key, item_keys, NULL);
		it = cb_refitem_new();
		take_text(item, "id", file, d, &it->id);
		take_text(item, "code", file, d, &it->id);
		take_text(item, "label", file, d, &it->label);
		take_text(item, "short", file, d, &it->short_label);
		take_text(item, "group", file, d, &it->group);
		take_text(item, "about", file, d, &it->about);
		take_text(item, "name", file, d, &it->name);
		take_text(item, "meaning", file, d, &it->meaning);
		take_text(item, "task", file, d, &it->task);
		take_text(item, "for_parent", file, d, &it->for_parent);
		take_acts(item, file, d, &it->may);
		legacy = yt_get(item, "legacy");
		if (legacy != NULL)
			yt_bool(legacy, file, d, "legacy", &it->legacy);
		if (cb_str_empty(it->id) || cb_str_empty(it->label)) {
			cb_diags_add(d, file, item->line, item->col,
			             _("each entry of '%s' needs an id (or code) and a label"), key);
			cb_refitem_free(&it);
			continue;
		}
		for (j = 0; j < list->items.len; j++) {
			if (cb_streq(((struct cb_refitem *)list->items.items[j])->id, it->id)) {
				cb_diags_add(d, file, item->line, item->col,
				             _("'%s' appears twice in '%s'"), it->id, key);
				break;
			}
		}
		if (j < list->items.len) {
			cb_refitem_free(&it);
			continue;
		}
		cb_vec_push(&list->items, it);
	}
}

struct list_spec {
	const char *file;
	const char *key;
	size_t offset; /* of the struct cb_reflist in struct cb_refdata */
};

#define LIST(file, key, member) {file, key, offsetof(struct cb_refdata, member)}
static const struct list_spec lists[] = {
	LIST("roles.yaml", "roles", roles),
	LIST("statuses.yaml", "statuses", statuses),
	LIST("statuses.yaml", "cp_categories", cp_categories),
	LIST("statuses.yaml", "legal_statuses", legal_statuses),
	LIST("codes.yaml", "primary_need", primary_need),
	LIST("codes.yaml", "factors", factors),
	LIST("stages.yaml", "stages", stages),
	LIST("stages.yaml", "issues", issues),
	LIST("rag.yaml", "ratings", ratings),
	LIST("note-kinds.yaml", "kinds", note_kinds),
};

/* The top-level keys each file may have. */
static const char *const *
file_keys(const char *file)
{
	static const char *const roles[] = {"roles", NULL};
	static const char *const statuses[] = {"statuses", "cp_categories", "legal_statuses", NULL};
	static const char *const codes[] = {"primary_need", "factors", NULL};
	static const char *const stages[] = {"stages", "issues", NULL};
	static const char *const rag[] = {"direction", "ratings", NULL};
	static const char *const kinds[] = {"kinds", NULL};

	if (strcmp(file, "roles.yaml") == 0)
		return roles;
	if (strcmp(file, "statuses.yaml") == 0)
		return statuses;
	if (strcmp(file, "codes.yaml") == 0)
		return codes;
	if (strcmp(file, "stages.yaml") == 0)
		return stages;
	if (strcmp(file, "rag.yaml") == 0)
		return rag;
	return kinds;
}

/* dirs[i]/file for the last folder that has the file; the first's when
 * none has it (so that its absence is what is reported). */
static char *
pick(const char *const *dirs, size_t ndirs, const char *file)
{
	size_t i;

	for (i = ndirs; i > 1; i--) {
		char *p = cb_asprintf("%s/%s", dirs[i - 1], file);

		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	return cb_asprintf("%s/%s", dirs[0], file);
}

int
cb_refdata_load(const char *dir, struct cb_refdata *ref, struct cb_diags *diags)
{
	return cb_refdata_load_layers(&dir, 1, ref, diags);
}

int
cb_refdata_load_layers(const char *const *dirs, size_t ndirs, struct cb_refdata *ref,
                       struct cb_diags *diags)
{
	size_t before = cb_diags_count(diags), i;
	const char *loaded = NULL;
	struct yt_node *root = NULL;
	char *path = NULL;

	for (i = 0; i < sizeof lists / sizeof *lists; i++) {
		const struct list_spec *ls = &lists[i];

		if (loaded == NULL || strcmp(loaded, ls->file) != 0) {
			yt_free(root);
			free(path);
			path = pick(dirs, ndirs, ls->file);
			root = yt_load(path, diags);
			loaded = ls->file;
			if (root != NULL && root->type != YT_MAP) {
				cb_diags_add(diags, path, root->line, root->col,
				             _("the file should be a mapping of lists"));
				yt_free(root);
				root = NULL;
			}
			if (root != NULL) {
				const struct yt_node *dirn;

				yt_check_keys(root, path, diags, ls->file, file_keys(ls->file), NULL);
				dirn = yt_get(root, "direction");
				if (dirn != NULL) {
					const char *s;

					if (yt_str(dirn, path, diags, "direction", &s)) {
						free(ref->rag_direction);
						ref->rag_direction = cb_str_trim(s);
					}
				}
			}
		}
		if (root != NULL)
			load_list(root, ls->key, path, diags,
			          (struct cb_reflist *)((char *)ref + ls->offset));
	}
	yt_free(root);
	free(path);
	return cb_diags_count(diags) > before ? -1 : 0;
}
