/* SPDX-License-Identifier: MIT */
/* Private to src/store: the connection and the helpers every statement
 * uses. Nothing outside src/store sees SQLite. */
#ifndef CASEBOOK_STORE_INTERNAL_H
#define CASEBOOK_STORE_INTERNAL_H

/* The page cache, in KiB (as PRAGMA cache_size = -N): small, as the
 * screens read through indexes (db.c); an import, which writes to the end
 * of some thirty tables and indexes in one transaction, has a bigger one
 * while it runs (import_support.c). */
#define STORE_CACHE_KIB "768"
#define STORE_IMPORT_CACHE_KIB "16384"

/* How long a statement waits for a lock held by another connection. */
#define STORE_BUSY_MS 5000
/* ... in slices this long, so that a workbook can answer keys meanwhile
 * (Esc within a slice: tests/e2e/drafts-lock.sh times it). */
#define STORE_BUSY_SLICE_MS 25
/* A draft write waits this long at most, in two tries: a key pressed as
 * the draft is kept is not held up by another casebook's lock. */
#define STORE_BUSY_QUICK_MS 10

#include <sqlite3.h>
#include <stdbool.h>

#include "casebook/date.h"
#include "casebook/record.h"
#include "casebook/uuid.h"

struct cb_err;
struct cb_refdata;
struct cb_vec;

/* Statements kept prepared for the life of a connection, by their SQL. */
#define ST_CACHE_SIZE 96
struct st_cached {
	char *sql;
	const char *key; /* where the SQL was last asked for from: compared first */
	sqlite3_stmt *st;
	bool busy;
};

struct cb_store {
	sqlite3 *db;
	char *path;
	char actor[CB_UUID_LEN];
	char os_user[64];  /* the operating-system user, for the audit */
	char present[64];  /* a login whose password was just checked, or "" */
	bool audit_logins; /* the audit has its os_user column (not in a test's old schema) */
	bool plain_heads;  /* the heads' triggers leave names for st_refold to fold */
	bool grams;        /* the caseload filter's short index is there (grams.c) */
	bool search_todo;  /* saves note their records for the commit to index */
	const struct cb_refdata *rules; /* borrowed: data/roles.yaml */
	int depth; /* transaction nesting */
	int flat; /* the depth of a flat transaction (st_flat_begin), or 0 */
	int broken; /* the depth of a flat transaction in which a write failed: it
	               can only be rolled back (0: none) */
	/* An import under way: the audit's last rowid before it began (what it
	 * wrote is after); -1 when none is. */
	sqlite3_int64 import_audit_from;
	char *marker; /* the in-use marker this process made, or NULL */
	bool readonly; /* opened for reading only: asked for, or the location cannot be written */
	long long audit_changes; /* rows cb_store_audit wrote (not in cb_store_generation) */
	/* This editing session (one open of the store): drafts are kept per
	 * session, with the process that can tell whether it still runs. */
	char session[CB_UUID_LEN];
	long pid;
	long long pid_start;
	bool drafted; /* this session has kept a draft */
	/* Waiting for a lock another connection holds: in slices of
	 * STORE_BUSY_SLICE_MS, asking on_busy after each (see
	 * cb_store_on_busy); quick: STORE_BUSY_QUICK_MS at most (drafts). */
	int (*on_busy)(void *ctx, int waited_ms);
	void *on_busy_ctx;
	bool busy_quick;
	bool drafted_aside; /* a draft went to a file beside the database */
	struct st_cached cache[ST_CACHE_SIZE];
	size_t ncache;
	struct st_waiting *waiting; /* what cb_sync_status counted (conflicts.c) */
};
void st_waiting_free(struct st_waiting **w);

/* "casebook" in ASCII, in the file header so other tools can tell. */
#define CB_APP_ID 0x43424B31

/* When a process started (in clock ticks since boot), 0 when not known:
 * with the pid it tells a process from a later one given the same pid. */
long long st_proc_start(long pid);
/* Whether the process that wrote pid and pid_start is still running. */
bool st_proc_alive(long pid, long long pid_start);
/* On a clean close: this session's drafts are left for the next one (as
 * a session that has ended). */
void st_drafts_release(struct cb_store *s);
/* Drafts kept beside the database while it was locked: drop this
 * session's file for key (its draft is in the table now); merge the
 * files of ended sessions into the table (at the workbook's start). */
void st_draft_aside_drop(struct cb_store *s, const char *key);
void st_drafts_merge_aside(struct cb_store *s);
/* Make the folders above path that are missing (0700). */
int st_make_parents(const char *path, struct cb_err *err);
/* An audit entry of a database open for reading only, kept in the
 * user's state folder until it can be written (audit_pending.c); and on
 * an open that can write, those entries added to the audit. */
int st_audit_defer(struct cb_store *s, const char *action, const char *entity,
                   const char *entity_id, const char *detail, struct cb_err *err);
int st_audit_merge_pending(struct cb_store *s, struct cb_err *err);
/* The busy handler every connection of the store has. */
int st_busy(void *store, int count);

int st_prepare(struct cb_store *s, const char *sql, sqlite3_stmt **st, struct cb_err *err);
/* As st_prepare, but the statement is kept prepared for the next time
 * the same SQL is asked for: give it back with st_release (never
 * sqlite3_finalize). */
int st_prepare_cached(struct cb_store *s, const char *sql, sqlite3_stmt **st,
                      struct cb_err *err);
/* Done with a statement: a cached one is reset for next time, any other
 * is finalized. */
void st_release(struct cb_store *s, sqlite3_stmt *st);
/* Tests set this to see every statement the store prepares (to check
 * their query plans). */
extern void (*st_prepare_hook)(const char *sql);
/* Map an SQLite result to an error with a message a worker can act on;
 * returns -1. */
int st_error(struct cb_store *s, int rc, struct cb_err *err);
/* The sentence for SQLite result rc (see db.c); st_error uses it. */
int st_error_class(int rc, const char *path, const char *detail, bool readonly, bool reading,
                   struct cb_err *err);
/* Step a statement that returns no rows, then release it (st_release). */
int st_exec_stmt(struct cb_store *s, sqlite3_stmt *st, struct cb_err *err);
/* Whether sql prepares: what a probe of the schema asks ("SELECT col
 * FROM tbl LIMIT 0"), so that casebook knows what an older file has. */
bool st_schema_has(struct cb_store *s, const char *sql);
/* Run SQL without parameters (schema, pragmas). */
int st_exec(struct cb_store *s, const char *sql, struct cb_err *err);
/* The same for a statement run often, kept prepared for the connection. */
int st_exec_cached(struct cb_store *s, const char *sql, struct cb_err *err);

void st_bind_text(sqlite3_stmt *st, int idx, const char *v);
void st_bind_date(sqlite3_stmt *st, int idx, struct cb_date d);
char *st_col_str(sqlite3_stmt *st, int col);
void st_col_id(sqlite3_stmt *st, int col, char out[CB_UUID_LEN]);
struct cb_date st_col_date(sqlite3_stmt *st, int col);

/* The revision columns every version query selects, in this order. */
#define ST_REV_COLS(v)                                                          \
	v ".row_id, " v ".version, " v ".created_at, " v ".created_by, "          \
	"(SELECT name FROM workers_current wn WHERE wn.worker_id = " v             \
	".created_by), " v ".retracted, " v ".reason"
#define ST_REV_NCOLS 7
void st_col_rev(sqlite3_stmt *st, int first, struct cb_rev *rev);
/* Fill rev for a new version written now by the actor. */
void st_rev_new(struct cb_store *s, struct cb_rev *rev, int version);
/* Bind the revision values of rev at ?1..?6: row_id, version, created_at,
 * created_by, retracted, reason. */
void st_bind_rev(sqlite3_stmt *st, const struct cb_rev *rev);

/* A write: begin, and end with commit when rc == 0, else roll back. */
int st_write_begin(struct cb_store *s, struct cb_err *err);
int st_write_end(struct cb_store *s, int rc, struct cb_err *err);

/* The audit entry that goes with each write, in the same transaction. */
int st_audit(struct cb_store *s, const char *action, const char *entity,
             const char *entity_id, const char *row_id, const char *detail,
             struct cb_err *err);

/* Identity rows: INSERT INTO <table>(id, created_at, created_by[, extra]). */
int st_new_identity(struct cb_store *s, const char *sql, const char *id,
                    const struct cb_rev *rev, const char *extra1, const char *extra2,
                    const char *extra3, struct cb_err *err);

/* The newest version number of a record in a versions table, via sql that
 * takes the id as ?1; 0 when there is none. */
int st_latest_version(struct cb_store *s, const char *sql, const char *id, int *out,
                      struct cb_err *err);
/* Check that base is still the newest version: someone else may have
 * corrected the record since it was read. */
int st_check_base(struct cb_store *s, const char *latest_sql, const char *id, int base,
                  struct cb_err *err);

/* How one kind of versioned record is written. The version statement takes
 * the revision at ?1..?6 (see st_bind_rev), the record id at ?7 and the
 * record's own fields from ?8 on, which bind() fills. The retract
 * statement copies version ?8 of record ?7 as a new, retracted version
 * with the revision at ?1..?6. */
struct st_kind {
	const char *entity;       /* for the audit trail: "family" */
	const char *identity_sql; /* (id, created_at, created_by[, parents]) */
	const char *version_sql;
	const char *latest_sql;   /* SELECT max(version) ... WHERE key = ?1 */
	const char *retract_sql;
	void (*bind)(sqlite3_stmt *st, const void *record);
};

/* The statements of a kind, from its table, key column and field columns
 * (and for the version statement, the field parameters ?8, ?9, ...). */
#define ST_VERSION_SQL(table, key, cols, params)                                 \
	"INSERT INTO " table " (row_id, version, created_at, created_by, "         \
	"retracted, reason, " key ", " cols ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " \
	params ")"
#define ST_RETRACT_SQL(table, key, cols)                                         \
	"INSERT INTO " table " (row_id, version, created_at, created_by, "         \
	"retracted, reason, " key ", " cols ") SELECT ?1, ?2, ?3, ?4, ?5, ?6, " key  \
	", " cols " FROM " table " WHERE " key " = ?7 AND version = ?8"
/* In place of a _current view: the records whose newest version is a
 * retraction, as that version (what the record said, and who retracted it,
 * when and why). */
#define ST_RETRACTED(heads, table, key)                                          \
	"(SELECT v.* FROM " table " v JOIN " heads " h ON h." key " = v." key       \
	" AND h.version = v.version WHERE h.retracted = 1)"
#define ST_LATEST_SQL(table, key) "SELECT max(version) FROM " table " WHERE " key " = ?1"

/* A new record: an empty id is filled in; rev becomes version 1. The
 * parents go to ?4, ?5 and ?6 of the identity statement (NULL binds
 * nothing, which SQLite reads as NULL). */
int st_record_add(struct cb_store *s, const struct st_kind *k, char id[CB_UUID_LEN],
                  struct cb_rev *rev, const char *parent1, const char *parent2,
                  const char *parent3, const void *record, struct cb_err *err);
/* A correction: rev->version is the version it was read at; it becomes
 * the new one. */
int st_record_correct(struct cb_store *s, const struct st_kind *k, const char *id,
                      struct cb_rev *rev, const void *record, struct cb_err *err);
int st_record_retract(struct cb_store *s, const struct st_kind *k, const char *id,
                      int base_version, const char *reason, struct cb_err *err);

/* The same, for records that belong to a meeting (meeting_id may be "" or
 * NULL for none): refused once the meeting is signed off. */
int st_meeting_open(struct cb_store *s, const char *meeting_id, struct cb_err *err);
int st_meeting_add(struct cb_store *s, const char *meeting_id, const struct st_kind *k,
                   char id[CB_UUID_LEN], struct cb_rev *rev, const char *parent1,
                   const char *parent2, const char *parent3, const void *record,
                   struct cb_err *err);
int st_meeting_correct(struct cb_store *s, const char *meeting_id, const struct st_kind *k,
                       const char *id, struct cb_rev *rev, const void *record,
                       struct cb_err *err);
/* Retract a record that may belong to a meeting: meeting_sql finds its
 * meeting_id (NULL for none) from its id (?1). */
int st_meeting_retract(struct cb_store *s, const char *meeting_sql, const struct st_kind *k,
                       const char *id, int base_version, const char *reason,
                       struct cb_err *err);
/* Set the one record a pair of parents may have: find it with find_sql
 * (?1, ?2 the parents), add it when there is none, else add a version on
 * top of the newest. Refused in a signed meeting. */
int st_meeting_set(struct cb_store *s, const char *meeting_id, const struct st_kind *k,
                   const char *find_sql, char id[CB_UUID_LEN], struct cb_rev *rev,
                   const char *parent1, const char *parent2, const void *record,
                   struct cb_err *err);

/* Run a query with text parameters ?1 and ?2 (NULL: left unbound) and push
 * row(st) for each row. */
int st_rows(struct cb_store *s, const char *sql, const char *p1, const char *p2,
            void *(*row)(sqlite3_stmt *st), struct cb_vec *out, struct cb_err *err);
/* The first row, or CB_ENOTFOUND with the message `missing`. */
int st_one(struct cb_store *s, const char *sql, const char *p1,
           void *(*row)(sqlite3_stmt *st), void **out, const char *missing,
           struct cb_err *err);

/* Sign off minutes; imported says the signature was given elsewhere and is
 * being copied in, so the rules for signing here do not apply. */
struct cb_meeting;
int st_meeting_sign(struct cb_store *s, struct cb_meeting *m, bool imported,
                    struct cb_err *err);

/* A new file, mode 0600, with any missing folders (0700). */
int st_create_private(const char *path, struct cb_err *err);

/* Encrypted backups (crypt.c): the file format is documented there. */
int st_crypt_init(struct cb_err *err);
int st_crypt_write(const char *dest, const unsigned char *data, size_t len, const char *pass,
                   struct cb_err *err);
/* Read a backup: decrypted when sealed, as it is when plain. */
int st_crypt_read(const char *path, const char *pass, unsigned char **out, size_t *outlen,
                  bool *sealed, struct cb_err *err);

/* The OS user running this process, for the audit. */
void st_os_user_init(struct cb_store *s);
/* A flat transaction, for a bulk write in which any failure ends the
 * whole: the writes nested in the caller's current transaction open no
 * savepoint each (a savepoint per record was a fifth of an import).
 * A nested write that fails marks it broken: it can then only be rolled
 * back (its commit fails, even after st_flat_end). st_flat_end ends the
 * flat nesting and says whether it was broken. */
void st_flat_begin(struct cb_store *s);
int st_flat_end(struct cb_store *s, struct cb_err *err);
/* The search index: each save notes its record (see migrate.c), and the
 * release indexes every record noted, in one statement. A bulk write
 * holds it for the whole of its transaction, and releases it before the
 * commit; otherwise the commit does (st_search_flush). */
int st_search_hold(struct cb_store *s, struct cb_err *err);
int st_search_release(struct cb_store *s, struct cb_err *err);
/* After the upgrade: whether saves note records for the commit. */
void st_search_probe(struct cb_store *s);
/* At commit: index the records noted, unless held. */
int st_search_flush(struct cb_store *s, struct cb_err *err);
/* At open: st_search_flush in a transaction of its own, when another
 * program's writes left records noted. */
int st_search_open(struct cb_store *s, struct cb_err *err);
/* Fold the names of the heads that a trigger left unfolded (heads.c),
 * in the caller's transaction. */
int st_refold(struct cb_store *s, struct cb_err *err);
/* At open: st_refold in a transaction of its own, when a head needs it. */
int st_refold_open(struct cb_store *s, struct cb_err *err);
/* After the upgrade: whether the heads are folded by st_refold. */
void st_refold_probe(struct cb_store *s);
/* The caseload filter's index of one and two characters (grams.c).
 * After the upgrade: whether the schema has it. */
void st_grams_probe(struct cb_store *s);
/* At commit: set the bits of the families noted since. */
int st_grams_flush(struct cb_store *s, struct cb_err *err);
/* At open: st_grams_flush in a transaction of its own, when a family is
 * noted (an upgrade notes every family). */
int st_grams_open(struct cb_store *s, struct cb_err *err);
/* The longest gram, in bytes: two characters of four. */
#define ST_GRAM_MAX 8
/* How many current families hold gram (one or two folded characters) in
 * their folded name, reference or members' names; when that is at most
 * max and rowids is not NULL, their families rowids as a JSON array. */
struct cb_buf;
int st_grams_find(struct cb_store *s, const char *gram, size_t *count, size_t max,
                  struct cb_buf *rowids, struct cb_err *err);
/* After the upgrade: whether this schema records logins. */
void st_identity_probe(struct cb_store *s);

int st_migrate(struct cb_store *s, struct cb_err *err);
/* For a read-only look: 0 when the schema is this casebook's, without
 * upgrading it. */
int st_schema_current(struct cb_store *s, struct cb_err *err);
/* After how long a migration says on stderr that it is still running. */
extern long st_migrate_progress_ms;
/* Remove the markers beside db of workbooks that ended without closing
 * it: once the whole file has been found sound. */
void st_clear_stale_markers(const char *db);
/* The result of an integrity or quick check on one line, without SQLite's
 * "*** in database main ***" heading. */
char *st_check_detail(const char *result);
/* How many migrations to run: all, except in tests of upgrades. */
extern int st_migration_limit;
int st_schema_known(void);

#endif
