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
	CB_STORE_READONLY, /* an existing one, never written (not even upgraded) */
	CB_STORE_ADOPT     /* as CREATE, for a file casebook takes on (init, a
	                      restored copy): an existing file is read in full
	                      (quick_check) before anything else */
};

/* Open path. Refuses, without touching the file, anything that is not a
 * casebook database, was written by a newer casebook, or is damaged.
 * Every open checks the header, the schema and the database version; the
 * whole file is read (quick_check) only when it is adopted, before an
 * upgrade, and after an unclean exit (see cb_store_mark_in_use), so that
 * opening takes the same time at any size. */
int cb_store_open(const char *path, enum cb_store_mode mode, struct cb_store **out,
                  struct cb_err *err);
/* Close; a clean exit, so the in-use marker (if any) goes with it. */
void cb_store_close(struct cb_store **s);
/* Mark the database in use by this process until cb_store_close: if the
 * process ends without closing it, the next open checks the whole file
 * before using it. The workbook does this. */
int cb_store_mark_in_use(struct cb_store *s, struct cb_err *err);
const char *cb_store_path(const struct cb_store *s);
/* Whether s was opened for reading only: CB_STORE_READONLY, or an
 * existing database in a file or folder this user cannot write (OPEN and
 * CREATE then open it to read; a write fails with a sentence that says
 * so). */
bool cb_store_readonly(const struct cb_store *s);
/* Where the audit entries of s wait while it is open for reading only
 * (cb_store_audit puts them there, the next open that can write adds
 * them to its audit): $XDG_STATE_HOME/casebook/audit-HASH, HASH from the
 * database's real path. A new string; NULL when there is no state folder
 * (neither XDG_STATE_HOME nor HOME). */
char *cb_store_pending_audit_path(const struct cb_store *s);

/* While another casebook holds the database locked, a statement waits in
 * slices of 25 ms; after each, fn(ctx, ms waited so far) says whether to
 * go on waiting (non-zero) or give up (0: the statement fails with
 * CB_EBUSY). Without fn, waiting ends after 5 s. The workbook uses it to
 * keep answering keys and to say that it waits. */
void cb_store_on_busy(struct cb_store *s, int (*fn)(void *ctx, int waited_ms), void *ctx);

/* The schema version this build writes, and the one in the file. */
int cb_store_schema_known(void);
int cb_store_schema_version(struct cb_store *s);
/* A number that changes whenever the database may have changed since it
 * was last asked: a write through this store (other than an audit entry
 * of cb_store_audit, which changes no record), or a commit by another
 * program. Lets a screen keep what it counted until then. */
unsigned long long cb_store_generation(struct cb_store *s);

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

/* The role rules (data/roles.yaml) the store applies before acts that
 * belong to a role; borrowed, and must outlive the store. Without them
 * such acts are refused. */
struct cb_refdata;
void cb_store_set_rules(struct cb_store *s, const struct cb_refdata *rules);
/* A login whose password was just checked (through PAM) at this keyboard,
 * such as the chair's, for the next act that needs them present; NULL
 * clears it. */
void cb_store_set_present(struct cb_store *s, const char *login);

/* Transactions nest: the outermost is BEGIN IMMEDIATE ... COMMIT, inner
 * ones are savepoints. Every write function runs in one of its own. */
int cb_store_begin(struct cb_store *s, struct cb_err *err);
int cb_store_commit(struct cb_store *s, struct cb_err *err);
void cb_store_rollback(struct cb_store *s);

/* Record that something was done outside the database (an export, a
 * backup) or a look at a record in the audit trail. On a database open
 * for reading only the entry is kept in a file of the user's instead
 * (cb_store_pending_audit_path) before it returns 0. */
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
/* The same, encrypted with passphrase (Argon2id, then XChaCha20-Poly1305
 * in libsodium's secretstream; the format is in casebook(1)). The
 * database passes through memory only. Recorded as "encrypted FILE". */
int cb_store_backup_sealed(struct cb_store *s, const char *dest, const char *passphrase,
                           struct cb_err *err);
/* Replace the database at path with the backup from (encrypted or plain),
 * checking everything first: the passphrase, that nothing was changed or
 * cut, that it is a sound casebook database no newer than this casebook,
 * and (unless force) that path has no changes newer than the backup.
 * The old file is kept aside as *aside (the caller frees it; NULL when
 * there was none). Nothing is changed when it fails. */
bool cb_store_backup_is_sealed(const char *path);
int cb_store_restore(const char *from, const char *passphrase, const char *path, bool force,
                     char **aside, struct cb_err *err);
/* PRAGMA integrity_check (every page, every index): 0 when sound. Also
 * clears the markers of an unclean exit. */
int cb_store_check(struct cb_store *s, struct cb_err *err);

#endif
