/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/store_views.h"
#include "casebook/vec.h"
#include "internal.h"

void
cb_caseload_row_free_item(void *p)
{
	struct cb_caseload_row *r = p;

	if (r == NULL)
		return;
	free(r->reference);
	free(r->name);
	free(r->statuses);
	free(r->rating);
	free(r);
}

/* The families a query covers: with ?1, those allocated to that worker
 * now (driven from the worker's allocations, not a probe per family);
 * without, every current family. ?2 is the folded filter (or NULL), found
 * anywhere in the family's folded name, reference or members' names. */
#define CASELOAD_FILTER                                                          \
	"AND (?2 IS NULL OR instr(fh.name_fold, ?2) > 0 OR instr(fh.ref_fold, ?2) > 0 " \
	"OR instr(fh.members_fold, ?2) > 0) "
#define CASELOAD_MINE                                                            \
	"AND fh.family_id IN (SELECT ai.family_id FROM allocations ai JOIN "         \
	"allocations_current a ON a.allocation_id = ai.id WHERE ai.worker_id = ?1 "  \
	"AND a.end_date IS NULL) "
/* Counting reads only the heads; the rows join the current version. */
#define CASELOAD_HEADS " FROM family_heads fh WHERE fh.retracted = 0 AND ?1 IS NULL "
#define CASELOAD_HEADS_MINE " FROM family_heads fh WHERE fh.retracted = 0 " CASELOAD_MINE
#define CASELOAD_FROM_TEAM                                                       \
	" FROM family_versions f JOIN family_heads fh ON fh.family_id = f.family_id " \
	"AND fh.version = f.version WHERE fh.retracted = 0 AND ?1 IS NULL " CASELOAD_FILTER
#define CASELOAD_FROM_MINE                                                       \
	" FROM family_heads fh JOIN family_versions f ON f.family_id = fh.family_id " \
	"AND f.version = fh.version WHERE fh.retracted = 0 " CASELOAD_MINE CASELOAD_FILTER

/* The folded filter, or NULL when it folds to nothing. */
static char *
filter_fold(const char *filter)
{
	char *f;

	if (filter == NULL || *filter == '\0')
		return NULL;
	f = cb_text_fold(filter);
	if (*f == '\0' || (f[0] == ' ' && f[1] == '\0'))
		cb_freep(&f);
	return f;
}

/* A filter of three characters or more: the filter's index (family_find,
 * trigrams) can find its families. */
static bool
findable(const char *pattern)
{
	size_t n = 0;

	for (; pattern != NULL && *pattern != '\0'; pattern++)
		if (((unsigned char)*pattern & 0xC0) != 0x80)
			n++;
	return n >= 3;
}

/* The folded filter as one phrase of the index: in double quotes, with its
 * own doubled, so that nothing in it is read as the query language. */
static char *
find_phrase(const char *pattern)
{
	struct cb_buf b = {0};

	cb_buf_addc(&b, '"');
	for (; *pattern != '\0'; pattern++) {
		if (*pattern == '"')
			cb_buf_addc(&b, '"');
		cb_buf_addc(&b, *pattern);
	}
	cb_buf_addc(&b, '"');
	return cb_buf_take(&b);
}

/* The families the filter's index finds: the team's, or (with ?1) those
 * in that worker's caseload. ?2 is the phrase. Retracted families are in
 * neither table, and the index has a row for each current family and no
 * other, so the team's are counted from the index alone (a look-up of
 * each family found took most of the time of a key at 50,000). */
#define FIND_TEAM "FROM family_find WHERE family_find MATCH ?2 AND ?1 IS NULL "
/* A worker's: the index is asked once (IN), not once for each family of
 * the caseload, which is what SQLite chose when it could. */
#define FIND_MINE                                                                \
	"FROM caseload_mine cm JOIN families fa ON fa.id = cm.family_id "          \
	"WHERE cm.worker_id = ?1 AND fa.rowid IN (SELECT rowid FROM family_find "  \
	"WHERE family_find MATCH ?2) "
/* Up to this many, the page of a filtered caseload is read from what the
 * index found, sorted; beyond, walking the families in reference order
 * fills a page sooner. */
#define FIND_SPARSE 500

static void
bind_query(sqlite3_stmt *st, const struct cb_caseload_query *q, char *pattern)
{
	st_bind_text(st, 1, q->worker_id);
	sqlite3_bind_text(st, 2, pattern, -1, SQLITE_TRANSIENT);
}

static bool
mine(const struct cb_caseload_query *q)
{
	return q->worker_id != NULL;
}

/* A filter of one or two characters across the team, which the short
 * index (grams.c) counts and finds. A worker's own caseload is small
 * enough to read. */
static bool
short_gram(struct cb_store *s, const struct cb_caseload_query *q, const char *pattern)
{
	return s->grams && !mine(q) && pattern != NULL && !findable(pattern) &&
	       strlen(pattern) <= ST_GRAM_MAX && strchr(pattern, '\n') == NULL;
}

int
cb_store_caseload_count(struct cb_store *s, const struct cb_caseload_query *q, size_t *count,
                        struct cb_err *err)
{
	sqlite3_stmt *st;
	char *pattern = filter_fold(q->filter);
	bool find;
	int rc;

	*count = 0;
	/* The team's, by one or two characters: from their bitmaps. */
	if (short_gram(s, q, pattern)) {
		rc = st_grams_find(s, pattern, count, 0, NULL, err);
		free(pattern);
		return rc;
	}
	find = findable(pattern);
	if (find) {
		char *phrase = find_phrase(pattern);

		free(pattern);
		pattern = phrase;
	}
	/* Unfiltered, the counts are kept (caseload_mine, caseload_counts)
	 * rather than counted; filtered by three characters or more, they
	 * come from the filter's index. */
	if (st_prepare(s, find ? (mine(q) ? "SELECT count(*) " FIND_MINE : "SELECT count(*) " FIND_TEAM)
	                  : mine(q) && pattern == NULL
	                      ? "SELECT count(*) FROM caseload_mine WHERE worker_id = ?1 AND ?2 IS NULL"
	                  : pattern == NULL ? "SELECT n FROM caseload_counts WHERE key = 'families' "
	                                      "AND ?1 IS NULL AND ?2 IS NULL"
	                  : mine(q) ? "SELECT count(*)" CASELOAD_HEADS_MINE CASELOAD_FILTER
	                            : "SELECT count(*)" CASELOAD_HEADS CASELOAD_FILTER,
	               &st, err) != 0) {
		free(pattern);
		return -1;
	}
	bind_query(st, q, pattern);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	free(pattern);
	return rc == SQLITE_ROW ? 0 : st_error(s, rc, err);
}

/* TOTAL is the seventh column: how many families the query covers. */
#define CASELOAD_COLS(total)                                                     \
	"SELECT f.family_id, f.reference, f.name, "                               \
	"(SELECT group_concat(st, ' ') FROM (SELECT (SELECT upper(x.status) FROM "  \
	"statuses xi JOIN statuses_current x ON x.status_id = xi.id WHERE "         \
	"xi.person_id = pi.id ORDER BY x.start_date DESC, x.created_at DESC LIMIT 1) AS st " \
	"FROM people pi JOIN people_current p ON p.person_id = pi.id WHERE "        \
	"pi.family_id = f.family_id AND p.role = 'child' ORDER BY p.born)), "       \
	"(SELECT r.rating FROM ratings ri JOIN ratings_current r ON r.rating_id = "  \
	"ri.id WHERE ri.family_id = f.family_id ORDER BY r.rated_on DESC, "         \
	"ri.created_at DESC LIMIT 1) AS rating, "                                   \
	"(SELECT max(m.meeting_date) FROM meeting_items ii JOIN "                   \
	"meeting_items_current i ON i.item_id = ii.id JOIN meetings_current m ON "  \
	"m.meeting_id = ii.meeting_id WHERE ii.family_id = f.family_id AND "        \
	"m.meeting_date <= ?3) AS last_sup, "                                        \
	"(SELECT count(*) FROM actions ai JOIN actions_current a ON a.action_id = " \
	"ai.id WHERE ai.family_id = f.family_id AND a.due < ?3 AND coalesce((SELECT " \
	"r.outcome FROM action_reviews rri JOIN action_reviews_current r ON "       \
	"r.review_id = rri.id JOIN meetings_current rm ON rm.meeting_id = "         \
	"rri.meeting_id WHERE rri.action_id = a.action_id ORDER BY rm.meeting_date " \
	"DESC LIMIT 1), '') <> 'done'), " total " "

static void *
caseload_row(sqlite3_stmt *st)
{
	struct cb_caseload_row *r = cb_calloc(1, sizeof *r);

	st_col_id(st, 0, r->id);
	r->reference = st_col_str(st, 1);
	r->name = st_col_str(st, 2);
	r->statuses = st_col_str(st, 3);
	r->rating = st_col_str(st, 4);
	r->last_supervision = st_col_date(st, 5);
	r->overdue = sqlite3_column_int(st, 6);
	return r;
}

int
cb_store_caseload(struct cb_store *s, const struct cb_caseload_query *q, size_t offset,
                  size_t limit, struct cb_vec *out, struct cb_err *err)
{
	return cb_store_caseload_page(s, q, offset, limit, out, NULL, err);
}

int
cb_store_caseload_page(struct cb_store *s, const struct cb_caseload_query *q, size_t offset,
                       size_t limit, struct cb_vec *out, size_t *total, struct cb_err *err)
{
/* Sorted by reference or name, the page of families is chosen first and
 * only its rows get the columns that read other tables (statuses,
 * rating, supervision, actions): computing them for every family of a
 * caseload before sorting took most of the time of showing it.
 * A worker's own caseload, filtered or sorted otherwise than by
 * reference, is read whole to be sorted anyway, so the same pass counts
 * it (count(*) OVER ()). The team's is counted apart, where an index
 * stops the page early. */
#define CASELOAD_PAGE(from, order, total)                                        \
	CASELOAD_COLS("f.total") "FROM (SELECT f.family_id, f.reference, f.name, " \
	total " AS total " from "ORDER BY " order " LIMIT ?4 OFFSET ?5) f ORDER BY " order
#define CASELOAD_SORTS(from, total)                                              \
	{                                                                          \
		[CB_SORT_REFERENCE] = CASELOAD_PAGE(from, "f.reference", total),  \
		[CB_SORT_NAME] = CASELOAD_PAGE(from, "f.name, f.reference", total), \
		[CB_SORT_RATING] = CASELOAD_COLS(total) from                      \
		"ORDER BY CASE rating WHEN 'red' THEN 0 WHEN 'amber' THEN 1 "     \
		"WHEN 'green' THEN 2 ELSE 3 END, f.reference LIMIT ?4 OFFSET ?5", \
		[CB_SORT_SUPERVISION] = CASELOAD_COLS(total) from                 \
		"ORDER BY last_sup IS NOT NULL, last_sup, f.reference "           \
		"LIMIT ?4 OFFSET ?5",                                             \
	}
	static const char *const team[] = CASELOAD_SORTS(CASELOAD_FROM_TEAM, "NULL");
	static const char *const mine_sql[] =
		CASELOAD_SORTS(CASELOAD_FROM_MINE, "count(*) OVER ()");
	/* A worker's own caseload by reference, unfiltered (the first
	 * screen): its page straight from caseload_mine, in order, whatever
	 * the size of the caseload; counted apart, from the same table. */
	static const char mine_first[] =
		CASELOAD_COLS("NULL") "FROM (SELECT f.family_id, f.reference, f.name FROM "
		"caseload_mine cm JOIN family_heads fh ON fh.family_id = cm.family_id JOIN "
		"family_versions f ON f.family_id = fh.family_id AND f.version = fh.version "
		"WHERE cm.worker_id = ?1 AND ?2 IS NULL ORDER BY cm.reference, cm.family_id "
		"LIMIT ?4 OFFSET ?5) f ORDER BY f.reference, f.family_id";
	/* Filtered by three characters or more, and not too many found: the
	 * page from what the filter's index found. */
	static const char *const find_page[] = {
		CASELOAD_COLS("NULL") "FROM (SELECT f.family_id, f.reference, f.name "
		"FROM family_find ff JOIN families fa ON fa.rowid = ff.rowid JOIN family_heads fh "
		"ON fh.family_id = fa.id JOIN family_versions f ON f.family_id = fh.family_id AND "
		"f.version = fh.version WHERE family_find MATCH ?2 AND ?1 IS NULL "
		"ORDER BY f.reference LIMIT ?4 OFFSET ?5) f ORDER BY f.reference",
		CASELOAD_COLS("NULL") "FROM (SELECT f.family_id, f.reference, f.name "
		"FROM caseload_mine cm JOIN families fa ON fa.id = cm.family_id JOIN family_heads "
		"fh ON fh.family_id = cm.family_id JOIN family_versions f ON f.family_id = "
		"fh.family_id AND f.version = fh.version WHERE cm.worker_id = ?1 AND fa.rowid IN "
		"(SELECT rowid FROM family_find WHERE family_find MATCH ?2) "
		"ORDER BY cm.reference, cm.family_id LIMIT ?4 OFFSET ?5) f ORDER BY f.reference",
	};
	/* Filtered by one or two characters, and not too many found: the
	 * page from the families the short index found (?2, their rowids). */
	static const char short_page[] =
		CASELOAD_COLS("NULL") "FROM (SELECT f.family_id, f.reference, f.name "
		"FROM families fa JOIN family_heads fh ON fh.family_id = fa.id JOIN family_versions "
		"f ON f.family_id = fh.family_id AND f.version = fh.version WHERE fa.rowid IN "
		"(SELECT value FROM json_each(?2)) AND fh.retracted = 0 AND ?1 IS NULL "
		"ORDER BY f.reference LIMIT ?4 OFFSET ?5) f ORDER BY f.reference";
	sqlite3_stmt *st;
	/* phrase: what ?2 is bound to in place of the pattern, the index's
	 * phrase or the short index's rowids. */
	char *pattern = filter_fold(q->filter), *phrase = NULL;
	bool counted = false, find = false;
	size_t found = 0;
	int rc;

	if (short_gram(s, q, pattern) && q->sort == CB_SORT_REFERENCE) {
		struct cb_buf rowids = {0};

		if (st_grams_find(s, pattern, &found, FIND_SPARSE, &rowids, err) != 0) {
			free(pattern);
			cb_buf_free(&rowids);
			return -1;
		}
		if (total != NULL) {
			*total = found;
			counted = true;
		}
		if (found <= FIND_SPARSE) {
			find = true;
			phrase = cb_buf_take(&rowids);
		}
		cb_buf_free(&rowids);
	} else if (findable(pattern) && q->sort == CB_SORT_REFERENCE) {
		if (cb_store_caseload_count(s, q, &found, err) != 0) {
			free(pattern);
			return -1;
		}
		if (total != NULL) {
			*total = found;
			counted = true;
		}
		find = found <= FIND_SPARSE;
		if (find)
			phrase = find_phrase(pattern);
	}
	if (st_prepare(s, find && !findable(pattern) ? short_page
	                  : find ? find_page[mine(q)]
	                  : mine(q) && pattern == NULL && q->sort == CB_SORT_REFERENCE
	                      ? mine_first
	                      : (mine(q) ? mine_sql : team)[q->sort],
	               &st, err) != 0) {
		free(pattern);
		free(phrase);
		return -1;
	}
	bind_query(st, q, phrase != NULL ? phrase : pattern);
	st_bind_date(st, 3, q->today);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)limit);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (total != NULL && !counted && sqlite3_column_type(st, 7) != SQLITE_NULL) {
			*total = (size_t)sqlite3_column_int64(st, 7);
			counted = true;
		}
		cb_vec_push(out, caseload_row(st));
	}
	sqlite3_finalize(st);
	free(pattern);
	free(phrase);
	if (rc != SQLITE_DONE)
		return st_error(s, rc, err);
	/* The team's, or a page past the end, is counted apart. */
	if (total != NULL && !counted)
		return cb_store_caseload_count(s, q, total, err);
	return 0;
}

void
cb_event_free_item(void *p)
{
	struct cb_event *e = p;

	if (e == NULL)
		return;
	free(e->kind);
	free(e->title);
	free(e->detail);
	free(e->who);
	free(e);
}

#define WHO(col) "(SELECT w.name FROM workers_current w WHERE w.worker_id = " col ")"
/* Who recorded an event, as the worker's id: the page of events shown
 * looks their names up (WHO) after sorting, not every event of the
 * family before it. */
#define BY(col) col

/* Everything dated that happened with a family, as (date, kind, title,
 * detail, who, significant, id, written). Titles are built from codes the
 * screens translate by kind; the detail is the recorded text. */
#define EVENTS                                                                   \
	"SELECT n.note_date AS d, 'note' AS kind, n.kind AS title, n.body AS detail, " \
	BY("ni.created_by") " AS who, n.significant AS sig, n.note_id AS id, "    \
	"ni.created_at AS written FROM notes_current n JOIN notes ni ON ni.id = n.note_id " \
	"WHERE ni.family_id = ?1 "                                                  \
	"UNION ALL SELECT x.session_date, 'session', x.modules, x.covered, "        \
	BY("si.created_by") ", 0, x.session_id, si.created_at FROM sessions_current x " \
	"JOIN sessions si ON si.id = x.session_id WHERE si.family_id = ?1 "          \
	"UNION ALL SELECT x.start_date, 'status', p.name || ': ' || upper(x.status) || " \
	"coalesce(' (' || x.cp_category || ')', ''), coalesce(x.need, '') || "      \
	"coalesce(' ' || x.factors, ''), " BY("xi.created_by") ", 1, x.status_id, " \
	"xi.created_at FROM statuses_current x JOIN statuses xi ON xi.id = x.status_id " \
	"JOIN people pi ON pi.id = xi.person_id JOIN people_current p ON p.person_id = pi.id " \
	"WHERE pi.family_id = ?1 "                                                   \
	"UNION ALL SELECT x.assessed_on, 'stage', coalesce(p.name, '?') || char(31) || " \
	"x.issue || char(31) || x.stage, x.evidence, " BY("xi.created_by") ", 0, "     \
	"x.record_id, xi.created_at FROM stages_current x JOIN stage_records xi ON " \
	"xi.id = x.record_id LEFT JOIN people_current p ON p.person_id = xi.person_id " \
	"WHERE xi.family_id = ?1 "                                                   \
	"UNION ALL SELECT x.rated_on, 'rating', x.rating || char(31) || x.context, " \
	"x.rationale, " BY("xi.created_by") ", 0, x.rating_id, xi.created_at FROM " \
	"ratings_current x JOIN ratings xi ON xi.id = x.rating_id WHERE xi.family_id = ?1 " \
	"UNION ALL SELECT x.set_on, 'goal', x.words, coalesce(x.why, ''), "         \
	BY("xi.created_by") ", 0, x.goal_id, xi.created_at FROM goals_current x JOIN " \
	"goals xi ON xi.id = x.goal_id WHERE xi.family_id = ?1 "                     \
	"UNION ALL SELECT r.review_date, 'review', g.words || ': ' || r.score || '/10', " \
	"coalesce(r.note, ''), " BY("ri.created_by") ", 0, r.review_id, ri.created_at " \
	"FROM goal_reviews_current r JOIN goal_reviews ri ON ri.id = r.review_id JOIN " \
	"goals gi ON gi.id = ri.goal_id JOIN goals_current g ON g.goal_id = gi.id "  \
	"WHERE gi.family_id = ?1 "                                                   \
	"UNION ALL SELECT m.meeting_date, 'supervision', " WHO("m.chair_id") ", "    \
	"CASE m.signed WHEN 1 THEN 'signed' ELSE 'draft' END, " BY("m.minute_taker_id") \
	", 0, m.meeting_id, ii.created_at FROM meeting_items ii JOIN "                \
	"meeting_items_current i ON i.item_id = ii.id JOIN meetings_current m ON "   \
	"m.meeting_id = ii.meeting_id WHERE ii.family_id = ?1 "

static void *
event_row(sqlite3_stmt *st)
{
	struct cb_event *e = cb_calloc(1, sizeof *e);

	e->date = st_col_date(st, 0);
	e->kind = st_col_str(st, 1);
	e->title = st_col_str(st, 2);
	e->detail = st_col_str(st, 3);
	e->who = st_col_str(st, 4);
	e->significant = sqlite3_column_int(st, 5) != 0;
	st_col_id(st, 6, e->record_id);
	if (e->title == NULL)
		e->title = cb_strdup("");
	if (e->detail == NULL)
		e->detail = cb_strdup("");
	return e;
}

int
cb_store_chronology_count(struct cb_store *s, const char *family_id, bool significant_only,
                          size_t *count, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*count = 0;
	if (st_prepare(s, "SELECT count(*) FROM (" EVENTS ") WHERE ?2 = 0 OR sig = 1", &st,
	               err) != 0)
		return -1;
	st_bind_text(st, 1, family_id);
	sqlite3_bind_int(st, 2, significant_only ? 1 : 0);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : st_error(s, rc, err);
}

int
cb_store_chronology(struct cb_store *s, const char *family_id, bool significant_only,
                    size_t offset, size_t limit, struct cb_vec *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, "SELECT d, kind, title, detail, " WHO("who") ", sig, id FROM (" EVENTS ") "
	                  "WHERE ?2 = 0 OR sig = 1 ORDER BY d DESC, written DESC LIMIT ?3 OFFSET ?4",
	               &st, err) != 0)
		return -1;
	st_bind_text(st, 1, family_id);
	sqlite3_bind_int(st, 2, significant_only ? 1 : 0);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)limit);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cb_vec_push(out, event_row(st));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}
