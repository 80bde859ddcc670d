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
};

/* Progress on long syncs: what is being done and how many rows so far. */
typedef void (*cb_sync_progress)(const char *what, long done, void *arg);

/* Send what the server lacks, then fetch what this laptop lacks. url NULL
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
 * version, or two records that cannot both stand (the same answer made on
 * two laptops). */
struct cb_sync_conflict {
	char *table;     /* where the record lives, e.g. note_versions */
	char *record;    /* the record's id */
	char *mine;      /* the row kept in the record */
	char *theirs;    /* the row kept aside */
	char *theirs_json;
};
void cb_conflict_free(void *c);
/* Open conflicts (not yet resolved), oldest first; out holds
 * struct cb_sync_conflict *, owned. */
int cb_conflict_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err);
/* Resolve the conflict of record by a new version: choose "mine", "theirs"
 * (a copy of the row kept aside, as the newest version). The new version
 * names both rows as its parents. */
int cb_conflict_resolve(struct cb_store *s, const char *table, const char *record,
                        const char *choice, struct cb_err *err);

#endif
