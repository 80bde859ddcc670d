/* SPDX-License-Identifier: MIT */
/* The database step of an import (see import.h): checking a plan against
 * the database and writing it, all in one transaction. */
#ifndef CASEBOOK_STORE_IMPORT_H
#define CASEBOOK_STORE_IMPORT_H

#include <stdbool.h>

struct cb_diags;
struct cb_err;
struct cb_import_plan;
struct cb_import_report;
struct cb_store;
struct cb_vec;

/* Check the plan against the database, then write it. A record whose id
 * is already in the database is left as it is (a meeting with everything
 * in it); an answer to a question already answered is a correction, a new
 * version of the first. References the plan could not resolve must be in
 * the database. Every problem goes to diags as FILE:LINE:COLUMN; when
 * there is any (or the plan had any from reading), nothing is written, err
 * says so and -1 is returned. Each row is written by its record's author
 * (the actor stays as it was for records without one). The plan is used
 * up: free it afterwards. */
int cb_store_import(struct cb_store *s, struct cb_import_plan *p,
                    struct cb_import_report *report, struct cb_diags *diags,
                    struct cb_err *err);

/* The same in steps, for an import too big to hold in one plan: begin the
 * transaction (report zeroed); check and write one plan after another,
 * each building on what the ones before wrote (a batch with problems
 * writes nothing, says why in diags and err, and returns -1); then end:
 * with ok, index the records for search, audit the import naming files
 * (char *, the files read) and commit; without, roll everything back.
 * Each plan can be freed once its batch is done. */
int cb_store_import_begin(struct cb_store *s, struct cb_import_report *report,
                          struct cb_err *err);
int cb_store_import_batch(struct cb_store *s, struct cb_import_plan *p,
                          struct cb_import_report *report, struct cb_diags *diags,
                          struct cb_err *err);
int cb_store_import_end(struct cb_store *s, bool ok, const struct cb_vec *files,
                        struct cb_import_report *report, struct cb_err *err);

#endif
