/* SPDX-License-Identifier: MIT */
/* The team's shared record on a PostgreSQL server, and sync between it and
 * this laptop's database. Only src/store/pg_*.c see libpq. */
#ifndef CASEBOOK_STORE_SERVER_H
#define CASEBOOK_STORE_SERVER_H

#include <stdbool.h>

struct cb_err;
struct cb_store;
struct cb_vec;

/* The server schema version this build writes. */
int cb_server_schema_known(void);

/* Create or upgrade casebook's schema in the database at url (a libpq
 * connection string or URI; "" uses the PG* variables). *version is the
 * schema version afterwards. Refuses a database that holds other tables but
 * not casebook's, and a newer schema. */
int cb_server_init(const char *url, int *version, struct cb_err *err);

/* Give login (a PostgreSQL role, made if missing) to the worker name with
 * role, as a member of team (made if missing). Again for another team adds
 * the membership. */
int cb_server_add_worker(const char *url, const char *name, const char *role,
                         const char *team, const char *login, struct cb_err *err);
/* Move login to team only: the memberships it had end. */
int cb_server_move_worker(const char *url, const char *login, const char *team,
                          struct cb_err *err);

struct cb_sync_stats {
	long pushed;     /* rows sent */
	long pulled;     /* rows received and applied */
	long conflicts;  /* rows received that clash with a local one: kept aside */
	long waiting;    /* rows received whose parent is not here yet */
	long local_only; /* rows by the built-in author, never sent */
	/* Rows by workers made on this laptop, whom the server does not know:
	 * never sent (workers are made on the server, casebook server
	 * add-worker). The first one's name, owned; cb_sync_stats_clear(). */
	long laptop_worker;
	char *laptop_worker_name;
};
void cb_sync_stats_clear(struct cb_sync_stats *st);

/* Progress on long syncs: what is being done and how many rows so far. */
typedef void (*cb_sync_progress)(const char *what, long done, void *arg);

/* Send what the server lacks, then fetch what this laptop lacks (fills
 * stats, which the caller clears with cb_sync_stats_clear). url NULL
 * uses the one remembered from the last sync (then the PG* variables); a
 * url that worked is remembered. Each batch is one transaction on each
 * side, so a sync that is cut off anywhere is finished by the next. */
int cb_sync(struct cb_store *s, const char *url, struct cb_sync_stats *stats,
            cb_sync_progress progress, void *arg, struct cb_err *err);

/* For the caseload: when this laptop last finished a sync (NULL if never;
 * the caller frees it) and how many local rows are waiting to be sent. */
int cb_sync_status(struct cb_store *s, char **last, long *waiting, struct cb_err *err);
/* How many rows, whoever made them, the server has not been sent: what
 * replacing this database would lose (restore). */
int cb_sync_unsent(struct cb_store *s, long *unsent, struct cb_err *err);

/* Every row of every synced record, one line each ("table\tid\tjson",
 * sorted), the rows kept aside by conflicts included: two stores that hold
 * the same record have the same dump. */
int cb_sync_dump(struct cb_store *s, char **out, struct cb_err *err);

/* A conflict: two versions of one record made from the same earlier
 * version (versions), or one thing recorded as two records on two laptops
 * (twins: the answer to one field, a module's mark, a family on one
 * agenda), which cannot both stand; or two families given one case
 * reference on two laptops (reference: both stand, both are kept, until
 * a person renames one or says they are the same family). */
enum cb_sync_conflict_kind {
	CB_SYNC_VERSIONS,
	CB_SYNC_TWINS,
	CB_SYNC_REFERENCE
};
struct cb_sync_conflict {
	enum cb_sync_conflict_kind kind;
	char *table;     /* where it lives: note_versions (versions), answers (twins),
	                  * families (reference) */
	char *record;    /* the record's id (twins: the other laptop's record) */
	char *mine;      /* the row kept in the record (twins: this laptop's record) */
	char *theirs;    /* the row kept aside (reference: the other family) */
	char *theirs_json;
};
void cb_conflict_free(void *c);
/* Open conflicts (not yet resolved), oldest first; out holds
 * struct cb_sync_conflict *, owned. */
int cb_conflict_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err);
/* How many conflicts are open (for the caseload's line). */
int cb_conflict_count(struct cb_store *s, long *n, struct cb_err *err);

/* One side of a conflict as a person reads it. */
struct cb_conflict_side {
	int version;
	char *created_at;  /* UTC, ISO 8601 */
	char *by;          /* the worker's name (their id when not known here) */
	char *text;        /* the text (of a note, an answer), or every field, one a line */
	bool is_signed;    /* signed minutes */
};
struct cb_conflict_view {
	char *what;        /* the kind of record: "note", "answer", "meeting" */
	char *family_id;   /* NULL when it is about no one family */
	char *family;      /* "FS-26-0142 Price family", or NULL */
	char *module_id;   /* an answer's module and field ("section.field"), or NULL */
	char *field_key;
	bool has_text;     /* side.text is one text field, so the two can be merged */
	struct cb_conflict_side mine, theirs;
};
int cb_conflict_view(struct cb_store *s, const struct cb_sync_conflict *c,
                     struct cb_conflict_view *v, struct cb_err *err);
void cb_conflict_view_clear(struct cb_conflict_view *v);

/* Resolve c by a new version: choice "mine" (the row kept), "theirs" (a
 * copy of the row kept aside) or "merged" (the row kept with its text
 * replaced by text; only when the view has_text). Two families with one
 * reference are resolved by correcting either's reference (then they are
 * no longer a conflict), or with choice "same": they are one family
 * recorded twice, and both records stay under the reference. The new version names
 * both rows as its parents and syncs like any change. For twins, the
 * other record gets the same new version too, so every laptop shows it
 * whichever of the two it keeps. Signed minutes are settled only with the
 * signed version. */
int cb_conflict_resolve_with(struct cb_store *s, const struct cb_sync_conflict *c,
                             const char *choice, const char *text, struct cb_err *err);
/* The same, by a record's id (table NULL: whichever table it is in). */
int cb_conflict_resolve(struct cb_store *s, const char *table, const char *record,
                        const char *choice, struct cb_err *err);

#endif
