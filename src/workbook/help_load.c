/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/diag.h"
#include "casebook/help.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/workbook.h"
#include "ytree.h"

static char *
text_of(const struct yt_node *item, const char *key, const char *file, struct cb_diags *d)
{
	const struct yt_node *n = yt_get(item, key);
	const char *s;

	if (n == NULL || !yt_str(n, file, d, key, &s))
		return NULL;
	return cb_str_trim(s);
}

/* Whether any text of a screen's notes is in English only: written
 * plainly, or without the language being read. */
static bool
english_only(const struct yt_node *item)
{
	static const char *const texts[] = {"title", "purpose", "good_recording", "try"};
	size_t i;

	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		const struct yt_node *n = yt_get(item, texts[i]);

		if (n != NULL && n->type == YT_SCALAR && (!n->picked || n->fallback))
			return true;
	}
	return false;
}

int
cb_help_load(const char *path, struct cb_vec *out, struct cb_diags *diags)
{
	static const char *const top_keys[] = {"screens", NULL};
	static const char *const keys[] = {"id", "title", "purpose", "good_recording", "try", NULL};
	static const char *const required[] = {"id", "title", "purpose", NULL};
	size_t before = cb_diags_count(diags), i;
	struct yt_node *root = yt_load(path, diags);
	const struct yt_node *seq;

	if (root == NULL)
		return -1;
	if (root->type != YT_MAP) {
		cb_diags_add(diags, path, root->line, root->col, _("the file should be a mapping"));
		yt_free(root);
		return -1;
	}
	yt_check_keys(root, path, diags, _("the help file"), top_keys, top_keys);
	seq = yt_get(root, "screens");
	if (seq != NULL && seq->type != YT_SEQ)
		cb_diags_add(diags, path, seq->line, seq->col, _("'screens' should be a list"));
	for (i = 0; seq != NULL && seq->type == YT_SEQ && i < seq->n; i++) {
		const struct yt_node *item = seq->kids[i];
		struct cb_help_entry *e;

		if (item->type != YT_MAP) {
			cb_diags_add(diags, path, item->line, item->col,
			             _("each screen should be a mapping"));
			continue;
		}
		yt_check_keys(item, path, diags, _("a screen"), keys, required);
		e = cb_calloc(1, sizeof *e);
		e->id = text_of(item, "id", path, diags);
		e->title = text_of(item, "title", path, diags);
		e->purpose = text_of(item, "purpose", path, diags);
		e->good_recording = text_of(item, "good_recording", path, diags);
		e->try_this = text_of(item, "try", path, diags);
		if (e->id == NULL || e->title == NULL || e->purpose == NULL) {
			cb_help_entry_free_item(e);
			continue;
		}
		/* Read in another language, notes still in English say so,
		 * as a module does. */
		if (strcmp(cb_workbook_language(), "en") != 0 && english_only(item)) {
			char *t = cb_asprintf(_("%s (in English)"), e->title);

			free(e->title);
			e->title = t;
		}
		cb_vec_push(out, e);
	}
	yt_free(root);
	return cb_diags_count(diags) > before ? -1 : 0;
}
