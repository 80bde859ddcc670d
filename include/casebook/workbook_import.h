/* SPDX-License-Identifier: MIT */
/* Reading import files (casebook-import(5)) into a plan: the YAML, the
 * reference lists and the programme. Nothing here touches a database:
 * store_import.h checks the plan against one and writes it. */
#ifndef CASEBOOK_WORKBOOK_IMPORT_H
#define CASEBOOK_WORKBOOK_IMPORT_H

#include <stddef.h>

struct cb_diags;
struct cb_import_plan;
struct cb_programme;
struct cb_refdata;

/* Read one file into the plan, after the files already in it, whose
 * records it may refer to. Every problem goes to diags as
 * FILE:LINE:COLUMN (name is the FILE); returns 0 when there were none.
 * Any input is safe: it is never trusted, and the work done is bounded
 * by its size. */
int cb_import_read_bytes(struct cb_import_plan *p, const char *name, const char *bytes,
                         size_t len, const struct cb_refdata *ref,
                         const struct cb_programme *prog, struct cb_diags *diags);
int cb_import_read_file(struct cb_import_plan *p, const char *path,
                        const struct cb_refdata *ref, const struct cb_programme *prog,
                        struct cb_diags *diags);
/* Several files, read in name order (as the paths sort), so that a file
 * can use what an earlier one defines. */
int cb_import_read_files(struct cb_import_plan *p, const char *const *paths, size_t n,
                         const struct cb_refdata *ref, const struct cb_programme *prog,
                         struct cb_diags *diags);
/* Every *.yaml file in dir, in name order. */
int cb_import_read_dir(struct cb_import_plan *p, const char *dir,
                       const struct cb_refdata *ref, const struct cb_programme *prog,
                       struct cb_diags *diags);

#endif
