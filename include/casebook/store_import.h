/* SPDX-License-Identifier: MIT */
/* The database step of an import (see import.h): checking a plan against
 * the database and writing it, all in one transaction. */
#ifndef CASEBOOK_STORE_IMPORT_H
#define CASEBOOK_STORE_IMPORT_H

struct cb_diags;
struct cb_err;
struct cb_import_plan;
struct cb_import_report;
struct cb_store;

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

#endif
