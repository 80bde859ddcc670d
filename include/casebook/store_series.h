/* SPDX-License-Identifier: MIT */
/* Goals, Cycle of Change stages and RAG ratings: dated series, never
 * overwritten. */
#ifndef CASEBOOK_STORE_SERIES_H
#define CASEBOOK_STORE_SERIES_H

#include <stdbool.h>

struct cb_err;
struct cb_goal;
struct cb_goal_review;
struct cb_rating;
struct cb_stage_record;
struct cb_store;
struct cb_vec;

int cb_store_goal_add(struct cb_store *s, struct cb_goal *g, struct cb_err *err);
int cb_store_goal_correct(struct cb_store *s, struct cb_goal *g, struct cb_err *err);
int cb_store_goal_retract(struct cb_store *s, const char *id, int base_version,
                          const char *reason, struct cb_err *err);
int cb_store_goal_get(struct cb_store *s, const char *id, struct cb_goal **out,
                      struct cb_err *err);
/* A family's goals: active first, then the rest; each by the date set.
 * Each carries its latest review score. */
int cb_store_goal_list(struct cb_store *s, const char *family_id, struct cb_vec *out,
                       struct cb_err *err);
int cb_store_goal_history(struct cb_store *s, const char *id, struct cb_vec *out,
                          struct cb_err *err);
/* The family's retracted goals, as their retracting versions, oldest first. */
int cb_store_goal_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                            struct cb_err *err);

int cb_store_review_add(struct cb_store *s, struct cb_goal_review *r, struct cb_err *err);
int cb_store_review_correct(struct cb_store *s, struct cb_goal_review *r, struct cb_err *err);
int cb_store_review_retract(struct cb_store *s, const char *id, int base_version,
                            const char *reason, struct cb_err *err);
/* The reviews of all a family's goals in one read, by goal then date. */
int cb_store_review_list_family(struct cb_store *s, const char *family_id, struct cb_vec *out,
                                struct cb_err *err);
/* Every version of every review of a goal, corrections and retractions
 * too, in the order they were written. */
int cb_store_review_versions(struct cb_store *s, const char *goal_id, struct cb_vec *out,
                             struct cb_err *err);
/* A goal's reviews, oldest first. */
int cb_store_review_list(struct cb_store *s, const char *goal_id, struct cb_vec *out,
                         struct cb_err *err);

int cb_store_stage_add(struct cb_store *s, struct cb_stage_record *r, struct cb_err *err);
int cb_store_stage_correct(struct cb_store *s, struct cb_stage_record *r, struct cb_err *err);
int cb_store_stage_retract(struct cb_store *s, const char *id, int base_version,
                           const char *reason, struct cb_err *err);
/* A family's stage records, oldest first (by date, then when written);
 * only one person's when person_id is not NULL. */
int cb_store_stage_list(struct cb_store *s, const char *family_id, const char *person_id,
                        struct cb_vec *out, struct cb_err *err);
/* The newest record for each adult and issue, by person then issue. */
int cb_store_stage_current(struct cb_store *s, const char *family_id, struct cb_vec *out,
                           struct cb_err *err);
int cb_store_stage_history(struct cb_store *s, const char *id, struct cb_vec *out,
                           struct cb_err *err);
/* A family's retracted stage records, as their retracting versions. */
int cb_store_stage_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                             struct cb_err *err);

int cb_store_rating_add(struct cb_store *s, struct cb_rating *r, struct cb_err *err);
int cb_store_rating_correct(struct cb_store *s, struct cb_rating *r, struct cb_err *err);
int cb_store_rating_retract(struct cb_store *s, const char *id, int base_version,
                            const char *reason, struct cb_err *err);
/* A family's ratings, oldest first. */
int cb_store_rating_list(struct cb_store *s, const char *family_id, struct cb_vec *out,
                         struct cb_err *err);
int cb_store_rating_history(struct cb_store *s, const char *id, struct cb_vec *out,
                            struct cb_err *err);
/* A family's retracted ratings, as their retracting versions. */
int cb_store_rating_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                              struct cb_err *err);

#endif
