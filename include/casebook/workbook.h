/* SPDX-License-Identifier: MIT */
/* Reading the authority's YAML: reference lists from data/, and (see
 * module.h) the programme modules. The only place that knows YAML. */
#ifndef CASEBOOK_WORKBOOK_H
#define CASEBOOK_WORKBOOK_H

#include <stdbool.h>
#include <stddef.h>

struct cb_diags;
struct cb_module;
struct cb_programme;
struct cb_refdata;
struct cb_vec;

/* The language of the texts read from here on: a text written as
 * {en: ..., cy: ...} is read in this language, or in English when it has
 * none (see casebook-modules(5)). A code of two or three lower-case
 * letters, such as "cy"; anything else means "en". */
void cb_workbook_set_language(const char *lang);
const char *cb_workbook_language(void);

/* The largest module file read: far beyond any real module, small enough
 * that no file can make the loader use much memory. */
#define CB_MODULE_MAX_BYTES (512u << 10)

/* Load every reference list from dir (roles.yaml, statuses.yaml,
 * codes.yaml, stages.yaml, rag.yaml, note-kinds.yaml) into ref. Every
 * problem goes to diags; returns 0 when there were none. */
int cb_refdata_load(const char *dir, struct cb_refdata *ref, struct cb_diags *diags);
/* The same, each file from the last of dirs that has it (a later folder
 * overrides an earlier one list file by list file). */
int cb_refdata_load_layers(const char *const *dirs, size_t ndirs, struct cb_refdata *ref,
                           struct cb_diags *diags);

/* Read and check one module (name is used in messages and kept as its
 * source). Every problem in the file goes to diags as FILE:LINE:COLUMN;
 * returns 0 with *out set only when there were none. With ref NULL, role
 * and issue ids are not checked. */
int cb_module_load_bytes(const char *name, const char *bytes, size_t len,
                         const struct cb_refdata *ref, struct cb_module **out,
                         struct cb_diags *diags);
int cb_module_load_file(const char *path, const struct cb_refdata *ref, struct cb_module **out,
                        struct cb_diags *diags);
/* Every *.yaml file in dir, in name order, into out (struct cb_module,
 * owned by out's free_item: use CB_VEC_OWNING(cb_module_free_item)). Broken
 * files are reported and left out, and so are two files with the same id
 * (both are reported). Returns 0 when there were no problems. */
int cb_module_load_dir(const char *dir, const struct cb_refdata *ref, struct cb_vec *out,
                       struct cb_diags *diags);

/* The effective programme from the module folders, in precedence order:
 * a module in a later folder replaces the one with the same id from an
 * earlier folder. A NULL entry is skipped; a missing folder is skipped
 * too, except the last, which must exist (it is the one named with
 * --modules). out is initialised here (free it with cb_programme_clear);
 * broken files are reported and left out, the valid ones kept. There is at
 * most one supervision proforma. *inconsistent (may be NULL) is set when
 * the programme cannot be used safely: the proforma is missing, broken or
 * not the only one. Returns 0 only when there were no problems at all. */
int cb_programme_load(const char *const *dirs, size_t ndirs, const struct cb_refdata *ref,
                      struct cb_programme *out, struct cb_diags *diags, bool *inconsistent);

/* Compare the programme with the module versions recorded in the database
 * (struct cb_module_version, see answer.h): a module older than its
 * recorded version is a problem at its version: line, and the programme
 * must then be treated as inconsistent (answers written under the newer
 * version would be read against fields that may not be theirs). A recorded
 * module that the programme no longer has is fine: its answers show as
 * retired. Returns 0 when all is well. */
int cb_programme_check_recorded(const struct cb_programme *p, const struct cb_vec *recorded,
                                struct cb_diags *diags);

/* The training help panel (data/training-help.yaml) into out, as
 * struct cb_help_entry. */
struct cb_vec;
int cb_help_load(const char *path, struct cb_vec *out, struct cb_diags *diags);

#endif
