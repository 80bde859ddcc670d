/* SPDX-License-Identifier: MIT */
/* Teams and workers in the database. */
#ifndef CASEBOOK_STORE_WORKERS_H
#define CASEBOOK_STORE_WORKERS_H

struct cb_err;
struct cb_store;
struct cb_team;
struct cb_vec;
struct cb_worker;

/* Add: an empty id is filled with a new one; rev is filled. */
int cb_store_team_add(struct cb_store *s, struct cb_team *t, struct cb_err *err);
int cb_store_team_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err);

int cb_store_worker_add(struct cb_store *s, struct cb_worker *w, struct cb_err *err);
/* A new version of w; w->rev.version must be the version it was read at. */
int cb_store_worker_correct(struct cb_store *s, struct cb_worker *w, struct cb_err *err);
int cb_store_worker_get(struct cb_store *s, const char *id, struct cb_worker **out,
                        struct cb_err *err);
/* By id, or by name (ignoring case). CB_ENOTFOUND when there is none,
 * CB_EINVAL when the name fits more than one. */
int cb_store_worker_find(struct cb_store *s, const char *name_or_id, struct cb_worker **out,
                         struct cb_err *err);
/* Current workers with this name (ignoring case and the spaces around
 * it), oldest first: before adding a second person of the same name. */
int cb_store_worker_named(struct cb_store *s, const char *name, struct cb_vec *out,
                          struct cb_err *err);
/* Current workers (not the system author), by name. */
int cb_store_worker_list(struct cb_store *s, struct cb_vec *out, struct cb_err *err);

/* The language a worker chose for the workbook on this computer ("cy",
 * "en"), or "" when they follow the computer's own. */
#define CB_LANG_LEN 8
int cb_store_worker_language(struct cb_store *s, const char *worker_id, char out[CB_LANG_LEN],
                             struct cb_err *err);
/* Choose it: a code of two or three small letters, or "" for the
 * computer's own. The earlier choices are kept; audited as "language". */
int cb_store_worker_set_language(struct cb_store *s, const char *worker_id, const char *lang,
                                 struct cb_err *err);

#endif
