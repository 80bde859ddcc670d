/* SPDX-License-Identifier: MIT */
/* Search: the FTS5 index that migration "search" builds and its triggers
 * keep (see migrate.c). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_search.h"
#include "casebook/str.h"
#include "internal.h"

/* Whether a word has something the index holds: a letter or a digit
 * (any byte beyond ASCII may be one). */
static bool
has_token(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return true;
	}
	return false;
}

/* The typed words as an FTS5 query: each word a quoted phrase that may be
 * the start of a longer word, all of them needed. Nothing typed is read as
 * FTS5 syntax, so no input is an error. NULL when nothing can match. */
static char *
match_expr(const char *text)
{
	struct cb_buf b = {0};
	const char *p = text != NULL ? text : "";

	while (*p != '\0') {
		size_t n, i;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		n = strcspn(p, " \t\r\n");
		if (n == 0)
			break;
		if (has_token(p, n)) {
			if (b.len > 0)
				cb_buf_add(&b, " AND ");
			cb_buf_addc(&b, '"');
			for (i = 0; i < n; i++) {
				if (p[i] == '"')
					cb_buf_addc(&b, '"');
				cb_buf_addc(&b, p[i]);
			}
			cb_buf_add(&b, "\"*");
		}
		p += n;
	}
	if (b.len == 0) {
		cb_buf_clear(&b);
		return NULL;
	}
	return cb_buf_take(&b);
}

/* Hits in families that are retracted are not shown; a record of no
 * family (an addendum to a whole meeting) is. */
#define SEARCH_SQL                                                              \
	"SELECT s.family_id, coalesce(f.reference, ''), s.kind, coalesce(s.day, ''), " \
	"snippet(search, -1, ?2, ?3, '...', 12), k.record_id FROM search s "         \
	"JOIN search_keys k ON k.n = s.rowid "                                       \
	"LEFT JOIN family_heads h ON h.family_id = s.family_id "                     \
	"LEFT JOIN family_versions f ON f.family_id = h.family_id AND f.version = h.version " \
	"WHERE search MATCH ?1 AND (?4 IS NULL OR s.family_id = ?4) "                \
	"AND (s.family_id IS NULL OR h.retracted = 0) ORDER BY s.rowid DESC LIMIT ?5"

static const char *
col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

int
cb_store_search_each(struct cb_store *s, const struct cb_search_query *q,
                     int (*each)(const struct cb_search_hit *hit, void *ctx), void *ctx,
                     struct cb_err *err)
{
	char *expr = match_expr(q->text);
	sqlite3_stmt *st;
	int rc, stop = 0;

	if (expr == NULL)
		return 0;
	if (st_prepare_cached(s, SEARCH_SQL, &st, err) != 0) {
		free(expr);
		return -1;
	}
	st_bind_text(st, 1, expr);
	st_bind_text(st, 2, q->mark_open != NULL ? q->mark_open : "");
	st_bind_text(st, 3, q->mark_close != NULL ? q->mark_close : "");
	if (q->family_id != NULL)
		st_bind_text(st, 4, q->family_id);
	sqlite3_bind_int64(st, 5, q->limit > 0 ? (sqlite3_int64)q->limit : -1);
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cb_search_hit h;

		memset(&h, 0, sizeof h);
		st_col_id(st, 0, h.family_id);
		h.reference = col(st, 1);
		h.kind = col(st, 2);
		h.day = col(st, 3);
		h.snippet = col(st, 4);
		st_col_id(st, 5, h.record_id);
		stop = each(&h, ctx);
	}
	st_release(s, st);
	free(expr);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

#define TEXT_SQL                                                                \
	"SELECT highlight(search, 0, ?2, ?3) FROM search WHERE search MATCH ?1 AND " \
	"rowid = (SELECT n FROM search_keys WHERE record_id = ?4)"
#define PLAIN_SQL                                                               \
	"SELECT body FROM search WHERE rowid = (SELECT n FROM search_keys WHERE "   \
	"record_id = ?1)"

int
cb_store_search_text(struct cb_store *s, const struct cb_search_query *q,
                     const char *record_id, char **out, struct cb_err *err)
{
	char *expr = match_expr(q->text);
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (st_prepare_cached(s, expr != NULL ? TEXT_SQL : PLAIN_SQL, &st, err) != 0) {
		free(expr);
		return -1;
	}
	if (expr != NULL) {
		st_bind_text(st, 1, expr);
		st_bind_text(st, 2, q->mark_open != NULL ? q->mark_open : "");
		st_bind_text(st, 3, q->mark_close != NULL ? q->mark_close : "");
		st_bind_text(st, 4, record_id);
	} else {
		st_bind_text(st, 1, record_id);
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = cb_strdup(col(st, 0));
	st_release(s, st);
	free(expr);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return cb_err_set(err, CB_ENOTFOUND, "%s", _("that record is no longer found"));
	return st_error(s, rc, err);
}

/* Both statements are kept prepared (st_exec_cached): the release's
 * triggers are long, and compiling them again for each batch of an
 * import cost more than a small import's writing. */
int
st_search_hold(struct cb_store *s, struct cb_err *err)
{
	return st_exec_cached(s, "INSERT INTO search_hold (held) VALUES (1)", err);
}

int
st_search_release(struct cb_store *s, struct cb_err *err)
{
	return st_exec_cached(s, "DELETE FROM search_hold", err);
}

void
st_search_probe(struct cb_store *s)
{
	s->search_todo = st_schema_has(s, "SELECT 1 FROM search_todo, search_hold LIMIT 0");
}

/* Whether records are noted and not indexed, and the index not held
 * (by their keys, which start at 1: a look-up, not a scan). */
static int
noted_unheld(struct cb_store *s, int *noted, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*noted = 0;
	if (!s->search_todo)
		return 0;
	if (st_prepare_cached(s, "SELECT EXISTS (SELECT 1 FROM search_todo WHERE n > 0) AND "
	                         "NOT EXISTS (SELECT 1 FROM search_hold WHERE held = 1)", &st,
	                      err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*noted = sqlite3_column_int(st, 0);
	st_release(s, st);
	return rc == SQLITE_ROW ? 0 : st_error(s, rc, err);
}

/* The records a save noted (migration_search_noted) indexed before its
 * transaction commits; not while an import holds the index. */
int
st_search_flush(struct cb_store *s, struct cb_err *err)
{
	int noted;

	if (noted_unheld(s, &noted, err) != 0)
		return -1;
	if (!noted)
		return 0;
	return st_search_hold(s, err) != 0 || st_search_release(s, err) != 0 ? -1 : 0;
}

int
st_search_open(struct cb_store *s, struct cb_err *err)
{
	int noted;

	if (noted_unheld(s, &noted, err) != 0)
		return -1;
	if (!noted)
		return 0;
	if (cb_store_begin(s, err) != 0)
		return -1;
	/* The commit indexes them. */
	return cb_store_commit(s, err);
}
