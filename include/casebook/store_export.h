/* SPDX-License-Identifier: MIT */
/* Reads that only the exports need. */
#ifndef CASEBOOK_STORE_EXPORT_H
#define CASEBOOK_STORE_EXPORT_H

struct cb_err;
struct cb_store;
struct cb_vec;

/* The programme modules a family's record mentions (in sessions, answers
 * outside supervision, or marks), as owned char *, sorted and each once:
 * what can be shown when the programme itself cannot be loaded, and which
 * recorded modules have left it. */
int cb_store_family_module_ids(struct cb_store *s, const char *family_id, struct cb_vec *out,
                               struct cb_err *err);

#endif
