/* SPDX-License-Identifier: MIT */
/* Folding the names in the heads of families, people and workers. The
 * triggers that keep the heads use only SQL's lower() and mark the head
 * unfolded (see migrate.c), so that any SQLite can add a version; here
 * casebook folds those names as people type them (cb_text_fold). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/text.h"
#include "casebook/vec.h"
#include "internal.h"

struct unfolded {
	char id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	char *a, *b;   /* name, and a family's reference */
};

static void
unfolded_free(void *p)
{
	struct unfolded *u = p;

	free(u->a);
	free(u->b);
	free(u);
}

static void *
unfolded_row(sqlite3_stmt *st)
{
	struct unfolded *u = cb_calloc(1, sizeof *u);

	st_col_id(st, 0, u->id);
	st_col_id(st, 1, u->family_id);
	u->a = st_col_str(st, 2);
	u->b = st_col_str(st, 3);
	return u;
}

#define UNFOLDED(heads, versions, key, family, cols)                              \
	"SELECT h." key ", " family ", " cols " FROM " heads " h JOIN " versions     \
	" v ON v." key " = h." key " AND v.version = h.version WHERE h.folded = 0"

/* Set each unfolded head's folded names with update (?1 the id, ?2 and
 * ?3 the folded name and reference); with members, the members' names of
 * each family touched again too. */
static int
refold(struct cb_store *s, const char *select, const char *update, bool members,
       struct cb_err *err)
{
	struct cb_vec rows = CB_VEC_OWNING(unfolded_free);
	sqlite3_stmt *st;
	size_t i;
	int rc = 0;

	if (st_rows(s, select, NULL, NULL, unfolded_row, &rows, err) != 0) {
		cb_vec_clear(&rows);
		return -1;
	}
	for (i = 0; rc == 0 && i < rows.len; i++) {
		const struct unfolded *u = rows.items[i];
		char *a = cb_text_fold(u->a != NULL ? u->a : ""), *b = NULL;

		if (u->b != NULL)
			b = cb_text_fold(u->b);
		rc = st_prepare_cached(s, update, &st, err);
		if (rc == 0) {
			sqlite3_bind_text(st, 1, u->id, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 2, a, -1, SQLITE_TRANSIENT);
			if (b != NULL)
				sqlite3_bind_text(st, 3, b, -1, SQLITE_TRANSIENT);
			rc = st_exec_stmt(s, st, err);
		}
		if (rc == 0 && members &&
		    (rc = st_prepare_cached(s,
		                            "UPDATE family_heads SET members_fold = coalesce((SELECT "
		                            "group_concat(p.name_fold, char(10)) FROM person_heads p "
		                            "WHERE p.family_id = ?1 AND p.retracted = 0), '') WHERE "
		                            "family_id = ?1", &st, err)) == 0) {
			sqlite3_bind_text(st, 1, u->family_id, -1, SQLITE_TRANSIENT);
			rc = st_exec_stmt(s, st, err);
		}
		free(a);
		free(b);
	}
	cb_vec_clear(&rows);
	return rc;
}

int
st_refold(struct cb_store *s, struct cb_err *err)
{
	if (!s->plain_heads)
		return 0;
	/* People first: a family's members are folded from theirs. */
	if (refold(s, UNFOLDED("person_heads", "person_versions", "person_id", "h.family_id",
	                       "v.name, NULL"),
	           "UPDATE person_heads SET name_fold = ?2, folded = 1 WHERE person_id = ?1", true,
	           err) != 0 ||
	    refold(s, UNFOLDED("family_heads", "family_versions", "family_id", "h.family_id",
	                       "v.name, v.reference"),
	           "UPDATE family_heads SET name_fold = ?2, ref_fold = ?3, folded = 1 WHERE "
	           "family_id = ?1", false, err) != 0 ||
	    refold(s, UNFOLDED("worker_heads", "worker_versions", "worker_id", "NULL",
	                       "v.name, NULL"),
	           "UPDATE worker_heads SET name_fold = ?2, folded = 1 WHERE worker_id = ?1", false,
	           err) != 0)
		return -1;
	return 0;
}

void
st_refold_probe(struct cb_store *s)
{
	s->plain_heads = st_schema_has(s, "SELECT folded FROM family_heads LIMIT 0");
}

int
st_refold_open(struct cb_store *s, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc, pending;

	if (!s->plain_heads)
		return 0;
	if (st_prepare(s, "SELECT EXISTS (SELECT 1 FROM person_heads WHERE folded = 0) OR "
	                  "EXISTS (SELECT 1 FROM family_heads WHERE folded = 0) OR "
	                  "EXISTS (SELECT 1 FROM worker_heads WHERE folded = 0)", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	pending = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return st_error(s, rc, err);
	if (!pending)
		return 0;
	if (cb_store_begin(s, err) != 0)
		return -1;
	/* The commit folds them. */
	return cb_store_commit(s, err);
}
