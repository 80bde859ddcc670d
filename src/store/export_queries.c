/* SPDX-License-Identifier: MIT */
/* Reads for the exports (see store_export.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_export.h"
#include "casebook/vec.h"
#include "internal.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
add_unique(struct cb_vec *out, const char *id, size_t n)
{
	size_t i;

	for (i = 0; i < out->len; i++)
		if (strlen(out->items[i]) == n && memcmp(out->items[i], id, n) == 0)
			return;
	cb_vec_push(out, cb_strndup(id, n));
}

int
cb_store_family_module_ids(struct cb_store *s, const char *family_id, struct cb_vec *out,
                           struct cb_err *err)
{
	sqlite3_stmt *st;
	struct cb_vec found = CB_VEC_OWNING(free);
	size_t i;
	int rc;

	/* A session names its modules in one space-separated column: split
	 * here rather than in SQL. */
	if (st_prepare(s, "SELECT ai.module_id FROM answers ai JOIN answers_current x ON "
	                  "x.answer_id = ai.id WHERE ai.family_id = ?1 AND ai.meeting_id IS NULL "
	                  "UNION SELECT mi.module_id FROM module_marks mi JOIN "
	                  "module_marks_current x ON x.mark_id = mi.id WHERE mi.family_id = ?1 "
	                  "UNION SELECT x.modules FROM sessions si JOIN sessions_current x ON "
	                  "x.session_id = si.id WHERE si.family_id = ?1",
	               &st, err) != 0)
		return -1;
	st_bind_text(st, 1, family_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);

		while (v != NULL && *v != '\0') {
			size_t n;

			v += strspn(v, " \t\n");
			n = strcspn(v, " \t\n");
			if (n > 0)
				add_unique(&found, v, n);
			v += n;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cb_vec_clear(&found);
		return st_error(s, rc, err);
	}
	cb_vec_sort(&found, cmp_str);
	for (i = 0; i < found.len; i++)
		cb_vec_push(out, found.items[i]);
	found.free_item = NULL;
	cb_vec_clear(&found);
	return 0;
}
