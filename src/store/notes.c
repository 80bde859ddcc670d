/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/store.h"
#include "casebook/store_notes.h"
#include "casebook/vec.h"
#include "internal.h"

static void
bind_note(sqlite3_stmt *st, const void *rec)
{
	const struct cb_note *n = rec;

	st_bind_date(st, 8, n->date);
	st_bind_text(st, 9, n->kind);
	st_bind_text(st, 10, n->text);
	sqlite3_bind_int(st, 11, n->significant ? 1 : 0);
}

#define NOTE_COLS "note_date, kind, body, significant"
static const struct st_kind note_kind = {
	"note",
	"INSERT INTO notes (id, created_at, created_by, family_id) VALUES (?1, ?2, ?3, ?4)",
	ST_VERSION_SQL("note_versions", "note_id", NOTE_COLS, "?8, ?9, ?10, ?11"),
	ST_LATEST_SQL("note_versions", "note_id"),
	ST_RETRACT_SQL("note_versions", "note_id", NOTE_COLS),
	bind_note,
};

/* The author is whoever wrote the first version; a correction by someone
 * else shows in the version's own created_by. */
#define NOTE_SELECT(view)                                                        \
	"SELECT n.note_id, ni.family_id, n.note_date, n.kind, n.body, n.significant, " \
	"ni.created_by, (SELECT name FROM workers_current wa WHERE wa.worker_id = " \
	"ni.created_by), " ST_REV_COLS("n") " FROM " view " n JOIN notes ni ON "   \
	"ni.id = n.note_id "

static void *
note_row(sqlite3_stmt *st)
{
	struct cb_note *n = cb_note_new();

	st_col_id(st, 0, n->id);
	st_col_id(st, 1, n->family_id);
	n->date = st_col_date(st, 2);
	n->kind = st_col_str(st, 3);
	n->text = st_col_str(st, 4);
	n->significant = sqlite3_column_int(st, 5) != 0;
	st_col_id(st, 6, n->author_id);
	n->author_name = st_col_str(st, 7);
	st_col_rev(st, 8, &n->rev);
	return n;
}

int
cb_store_note_add(struct cb_store *s, struct cb_note *n, struct cb_err *err)
{
	if (cb_note_check(n, NULL, err) != 0)
		return -1;
	if (st_record_add(s, &note_kind, n->id, &n->rev, n->family_id, NULL, NULL, n, err) != 0)
		return -1;
	memcpy(n->author_id, n->rev.created_by, CB_UUID_LEN);
	return 0;
}

int
cb_store_note_correct(struct cb_store *s, struct cb_note *n, struct cb_err *err)
{
	if (cb_note_check(n, NULL, err) != 0)
		return -1;
	return st_record_correct(s, &note_kind, n->id, &n->rev, n, err);
}

int
cb_store_note_retract(struct cb_store *s, const char *id, int base_version,
                      const char *reason, struct cb_err *err)
{
	return st_record_retract(s, &note_kind, id, base_version, reason, err);
}

int
cb_store_note_get(struct cb_store *s, const char *id, struct cb_note **out,
                  struct cb_err *err)
{
	return st_one(s, NOTE_SELECT("notes_current") "WHERE n.note_id = ?1", id, note_row,
	              (void **)out, _("there is no such note"), err);
}

int
cb_store_note_list(struct cb_store *s, const char *family_id, bool significant_only,
                   struct cb_vec *out, struct cb_err *err)
{
	return st_rows(s, significant_only
	                      ? NOTE_SELECT("notes_current") "WHERE ni.family_id = ?1 AND "
	                        "n.significant = 1 ORDER BY n.note_date DESC, ni.created_at DESC"
	                      : NOTE_SELECT("notes_current") "WHERE ni.family_id = ?1 "
	                        "ORDER BY n.note_date DESC, ni.created_at DESC",
	               family_id, NULL, note_row, out, err);
}

int
cb_store_note_history(struct cb_store *s, const char *id, struct cb_vec *out,
                      struct cb_err *err)
{
	return st_rows(s, NOTE_SELECT("note_versions") "WHERE n.note_id = ?1 ORDER BY n.version",
	               id, NULL, note_row, out, err);
}

int
cb_store_note_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                        struct cb_err *err)
{
	return st_rows(s, NOTE_SELECT(ST_RETRACTED("note_heads", "note_versions", "note_id"))
	                  "WHERE ni.family_id = ?1 ORDER BY n.created_at",
	               family_id, NULL, note_row, out, err);
}
