/* SPDX-License-Identifier: MIT */
/* Case notes in the database. */
#ifndef CASEBOOK_STORE_NOTES_H
#define CASEBOOK_STORE_NOTES_H

#include <stdbool.h>

struct cb_err;
struct cb_note;
struct cb_store;
struct cb_vec;

int cb_store_note_add(struct cb_store *s, struct cb_note *n, struct cb_err *err);
int cb_store_note_correct(struct cb_store *s, struct cb_note *n, struct cb_err *err);
int cb_store_note_retract(struct cb_store *s, const char *id, int base_version,
                          const char *reason, struct cb_err *err);
int cb_store_note_get(struct cb_store *s, const char *id, struct cb_note **out,
                      struct cb_err *err);
/* A family's current notes, newest first; only significant events when
 * significant_only. */
int cb_store_note_list(struct cb_store *s, const char *family_id, bool significant_only,
                       struct cb_vec *out, struct cb_err *err);
int cb_store_note_history(struct cb_store *s, const char *id, struct cb_vec *out,
                          struct cb_err *err);
/* A family's retracted notes, as their retracting versions (who, when and
 * why), oldest first. */
int cb_store_note_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                            struct cb_err *err);

#endif
