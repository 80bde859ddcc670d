/* SPDX-License-Identifier: MIT */
/* Programme work in the database: sessions, answers, module marks. */
#ifndef CASEBOOK_STORE_ANSWERS_H
#define CASEBOOK_STORE_ANSWERS_H

#include <stdbool.h>

#include "casebook/date.h"

struct cb_answer;
struct cb_err;
struct cb_session;
struct cb_store;
struct cb_vec;

int cb_store_session_add(struct cb_store *s, struct cb_session *x, struct cb_err *err);
int cb_store_session_correct(struct cb_store *s, struct cb_session *x, struct cb_err *err);
int cb_store_session_retract(struct cb_store *s, const char *id, int base_version,
                             const char *reason, struct cb_err *err);
/* Every version of a session, oldest first, retractions included. */
int cb_store_session_history(struct cb_store *s, const char *id, struct cb_vec *out,
                             struct cb_err *err);
/* A family's sessions, newest first. */
int cb_store_session_list(struct cb_store *s, const char *family_id, struct cb_vec *out,
                          struct cb_err *err);
/* A family's retracted sessions, as their retracting versions. */
int cb_store_session_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                               struct cb_err *err);

/* Save an answer: the first for its key (family, module, field, person,
 * meeting) makes it; later ones are new versions. a->rev.version is the
 * version the screen showed (0 for none): if someone else saved since, the
 * save is refused rather than overwriting theirs. */
int cb_store_answer_save(struct cb_store *s, struct cb_answer *a, struct cb_err *err);
int cb_store_answer_retract(struct cb_store *s, const char *id, int base_version,
                            const char *reason, struct cb_err *err);
/* Current answers of one module for a family: outside meetings when
 * meeting_id is NULL or "", else those of that meeting. By field, person. */
int cb_store_answer_list(struct cb_store *s, const char *family_id, const char *module_id,
                         const char *meeting_id, struct cb_vec *out, struct cb_err *err);
/* The id of the answer with key's family, module, field, person and
 * meeting, current or retracted; "" when the field was never answered. */
int cb_store_answer_find(struct cb_store *s, const struct cb_answer *key, char id[CB_UUID_LEN],
                         struct cb_err *err);
/* Every version of one answer, oldest first. */
int cb_store_answer_history(struct cb_store *s, const char *answer_id, struct cb_vec *out,
                            struct cb_err *err);
/* The highest module version each module's answers were written under. */
int cb_store_module_versions(struct cb_store *s, struct cb_vec *out, struct cb_err *err);

/* How far a family is with each module in module_ids (const char *), as
 * struct cb_progress, in the same order. */
int cb_store_progress(struct cb_store *s, const char *family_id, const struct cb_vec *module_ids,
                      struct cb_vec *out, struct cb_err *err);
/* Mark a module complete for a family (or open again). */
int cb_store_module_mark(struct cb_store *s, const char *family_id, const char *module_id,
                         bool complete, struct cb_date on, struct cb_err *err);

#endif
