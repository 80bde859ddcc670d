/* SPDX-License-Identifier: MIT */
/* The database: opening, checking, upgrading, transactions, backup and the
 * audit trail. Everything that touches SQLite lives behind this header and
 * its store_*.h siblings. */
#ifndef CASEBOOK_STORE_H
#define CASEBOOK_STORE_H

#include <stdbool.h>
#include <stddef.h>

struct cb_err;
struct cb_store;

enum cb_store_mode {
	CB_STORE_OPEN,     /* an existing casebook database; upgraded if older */
	CB_STORE_CREATE,   /* as OPEN, creating it (0600, in a 0700 folder) if missing */
	CB_STORE_READONLY  /* an existing one, never written (not even upgraded) */
};

/* Open path. Refuses, without touching the file, anything that is not a
 * casebook database, is damaged, or was written by a newer casebook. */
int cb_store_open(const char *path, enum cb_store_mode mode, struct cb_store **out,
                  struct cb_err *err);
void cb_store_close(struct cb_store **s);
const char *cb_store_path(const struct cb_store *s);

/* The schema version this build writes, and the one in the file. */
int cb_store_schema_known(void);
int cb_store_schema_version(struct cb_store *s);

/* The worker who is making changes: the author of every row written and of
 * every audit entry. Defaults to the built-in system author. */
void cb_store_set_actor(struct cb_store *s, const char *worker_id);
const char *cb_store_actor(const struct cb_store *s);

/* The operating-system user at the keyboard, recorded beside the worker
 * in every audit entry. Set when the store opens, from the process's own
 * user; tests and the chair's sign-off may name another. */
void cb_store_set_os_user(struct cb_store *s, const char *name);
const char *cb_store_os_user(const struct cb_store *s);

/* The worker a login chose first on this computer (out is "" when it has
 * not chosen yet); os_user NULL means the store's own. */
int cb_store_os_link(struct cb_store *s, const char *os_user, char out[37],
                     struct cb_err *err);
/* The login that first chose this worker, or "". */
int cb_store_worker_os_user(struct cb_store *s, const char *worker_id, char *out, size_t n,
                            struct cb_err *err);
/* Link a login that has not chosen yet to worker_id (audited as "link");
 * refused when the login already belongs to someone else. */
int cb_store_link_os_user(struct cb_store *s, const char *os_user, const char *worker_id,
                          struct cb_err *err);

enum cb_choice {
	CB_CHOICE_LINKED, /* the login's first choice: now linked */
	CB_CHOICE_SAME,   /* the worker the login is linked to */
	CB_CHOICE_SWITCH  /* someone else, confirmed: audited as a switch */
};
/* Make worker_id the actor. The first worker a login chooses is linked to
 * it; choosing anyone else later is refused (CB_EPERM) unless confirmed,
 * and is then recorded as a switch. */
int cb_store_choose_worker(struct cb_store *s, const char *worker_id, bool confirmed,
                           enum cb_choice *how, struct cb_err *err);

/* Transactions nest: the outermost is BEGIN IMMEDIATE ... COMMIT, inner
 * ones are savepoints. Every write function runs in one of its own. */
int cb_store_begin(struct cb_store *s, struct cb_err *err);
int cb_store_commit(struct cb_store *s, struct cb_err *err);
void cb_store_rollback(struct cb_store *s);

/* Record that something was done outside the database (an export, a
 * backup) in the audit trail. */
int cb_store_audit(struct cb_store *s, const char *action, const char *entity,
                   const char *entity_id, const char *detail, struct cb_err *err);
/* Whether a write with this version row id is in the database. After a
 * save that ended in an I/O error the outcome is unknown: ask this, do not
 * blindly save again. */
int cb_store_written(struct cb_store *s, const char *row_id, bool *out, struct cb_err *err);

/* Whether a record of this kind with this id exists (current, old or
 * retracted). Kinds: worker, team, family, person, status, allocation,
 * note, session, answer, goal, goal-review, stage, rating, meeting,
 * meeting-item, attendance, action, action-review, addendum. */
int cb_store_record_exists(struct cb_store *s, const char *kind, const char *id, bool *out,
                           struct cb_err *err);

/* Copy the database to dest with SQLite's online backup, then check the
 * copy. dest must not exist. */
int cb_store_backup(struct cb_store *s, const char *dest, struct cb_err *err);
/* PRAGMA integrity_check: 0 when sound. */
int cb_store_check(struct cb_store *s, struct cb_err *err);

#endif
