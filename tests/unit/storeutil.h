/* SPDX-License-Identifier: MIT */
/* Shared by the suites that test the store: a database and the records
 * most tests start from, written through the real store (and SQLite
 * itself, for what an older or another program would have written). Each
 * fails the test, with SQLite's or the store's message, when it cannot. */
#ifndef CASEBOOK_STOREUTIL_H
#define CASEBOOK_STOREUTIL_H

#include "casebook/family.h"
#include "casebook/store.h"
#include "casebook/worker.h"

/* Open (creating when need be) the database at path. */
struct cb_store *tu_open(const char *path);
/* Run SQL on path through SQLite alone, without casebook's functions. */
void tu_raw_exec(const char *path, const char *sql);
/* The first column of the first row of sql on path, read-only; -1 when
 * there is no row. */
int tu_raw_int(const char *path, const char *sql);
struct cb_worker *tu_add_worker(struct cb_store *s, const char *name, const char *role);
struct cb_family *tu_add_family(struct cb_store *s, const char *ref, const char *name);
/* born may be NULL. */
struct cb_person *tu_add_person(struct cb_store *s, const struct cb_family *f, const char *name,
                                enum cb_member_role role, const char *born);

#endif
