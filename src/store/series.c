/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/rating.h"
#include "casebook/rules.h"
#include "casebook/stage.h"
#include "casebook/store.h"
#include "casebook/store_series.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "internal.h"

static const char *
nullable(const char *id)
{
	return id != NULL && id[0] != '\0' ? id : NULL;
}

/* Goals */

static void
bind_goal(sqlite3_stmt *st, const void *rec)
{
	const struct cb_goal *g = rec;

	st_bind_text(st, 8, g->words);
	st_bind_text(st, 9, g->proposed_by);
	st_bind_text(st, 10, g->why);
	st_bind_text(st, 11, g->steps);
	st_bind_date(st, 12, g->target);
	st_bind_date(st, 13, g->set_on);
	st_bind_text(st, 14, g->status);
	st_bind_text(st, 15, g->status_reason);
}

#define GOAL_COLS "words, proposed_by, why, steps, target, set_on, status, status_reason"
static const struct st_kind goal_kind = {
	"goal",
	"INSERT INTO goals (id, created_at, created_by, family_id, person_id) VALUES "
	"(?1, ?2, ?3, ?4, ?5)",
	ST_VERSION_SQL("goal_versions", "goal_id", GOAL_COLS, "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15"),
	ST_LATEST_SQL("goal_versions", "goal_id"),
	ST_RETRACT_SQL("goal_versions", "goal_id", GOAL_COLS),
	bind_goal,
};

#define GOAL_SELECT(view)                                                        \
	"SELECT g.goal_id, gi.family_id, gi.person_id, "                          \
	"(SELECT p.name FROM people_current p WHERE p.person_id = gi.person_id), " \
	"g.words, g.proposed_by, g.why, g.steps, g.target, g.set_on, g.status, "   \
	"g.status_reason, (SELECT r.score FROM goal_reviews ri JOIN "              \
	"goal_reviews_current r ON r.review_id = ri.id WHERE ri.goal_id = g.goal_id " \
	"ORDER BY r.review_date DESC, ri.created_at DESC LIMIT 1), (SELECT "         \
	"max(r.review_date) FROM goal_reviews ri JOIN goal_reviews_current r ON "   \
	"r.review_id = ri.id WHERE ri.goal_id = g.goal_id), " ST_REV_COLS("g")      \
	" FROM " view " g JOIN goals gi ON gi.id = g.goal_id "

static void *
goal_row(sqlite3_stmt *st)
{
	struct cb_goal *g = cb_goal_new();

	st_col_id(st, 0, g->id);
	st_col_id(st, 1, g->family_id);
	st_col_id(st, 2, g->person_id);
	g->person_name = st_col_str(st, 3);
	g->words = st_col_str(st, 4);
	g->proposed_by = st_col_str(st, 5);
	g->why = st_col_str(st, 6);
	g->steps = st_col_str(st, 7);
	g->target = st_col_date(st, 8);
	g->set_on = st_col_date(st, 9);
	g->status = st_col_str(st, 10);
	g->status_reason = st_col_str(st, 11);
	g->last_score = sqlite3_column_type(st, 12) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 12);
	g->last_review = st_col_date(st, 13);
	st_col_rev(st, 14, &g->rev);
	return g;
}

int
cb_store_goal_add(struct cb_store *s, struct cb_goal *g, struct cb_err *err)
{
	if (cb_goal_check(g, err) != 0)
		return -1;
	return st_record_add(s, &goal_kind, g->id, &g->rev, g->family_id, nullable(g->person_id), NULL,
	                     g, err);
}

int
cb_store_goal_correct(struct cb_store *s, struct cb_goal *g, struct cb_err *err)
{
	if (cb_goal_check(g, err) != 0)
		return -1;
	return st_record_correct(s, &goal_kind, g->id, &g->rev, g, err);
}

int
cb_store_goal_retract(struct cb_store *s, const char *id, int base_version, const char *reason,
                      struct cb_err *err)
{
	return st_record_retract(s, &goal_kind, id, base_version, reason, err);
}

int
cb_store_goal_get(struct cb_store *s, const char *id, struct cb_goal **out, struct cb_err *err)
{
	return st_one(s, GOAL_SELECT("goals_current") "WHERE g.goal_id = ?1", id, goal_row,
	              (void **)out, _("there is no such goal"), err);
}

int
cb_store_goal_list(struct cb_store *s, const char *family_id, struct cb_vec *out,
                   struct cb_err *err)
{
	return st_rows(s, GOAL_SELECT("goals_current") "WHERE gi.family_id = ?1 ORDER BY "
	                  "g.status <> 'active', g.set_on, gi.created_at",
	               family_id, NULL, goal_row, out, err);
}

int
cb_store_goal_history(struct cb_store *s, const char *id, struct cb_vec *out, struct cb_err *err)
{
	return st_rows(s, GOAL_SELECT("goal_versions") "WHERE g.goal_id = ?1 ORDER BY g.version",
	               id, NULL, goal_row, out, err);
}

int
cb_store_goal_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                        struct cb_err *err)
{
	return st_rows(s, GOAL_SELECT(ST_RETRACTED("goal_heads", "goal_versions", "goal_id"))
	                  "WHERE gi.family_id = ?1 ORDER BY g.created_at",
	               family_id, NULL, goal_row, out, err);
}

/* Goal reviews */

static void
bind_review(sqlite3_stmt *st, const void *rec)
{
	const struct cb_goal_review *r = rec;

	st_bind_date(st, 8, r->date);
	sqlite3_bind_int(st, 9, r->score);
	st_bind_text(st, 10, r->note);
}

#define REVIEW_COLS "review_date, score, note"
static const struct st_kind review_kind = {
	"goal-review",
	"INSERT INTO goal_reviews (id, created_at, created_by, goal_id) VALUES (?1, ?2, ?3, ?4)",
	ST_VERSION_SQL("goal_review_versions", "review_id", REVIEW_COLS, "?8, ?9, ?10"),
	ST_LATEST_SQL("goal_review_versions", "review_id"),
	ST_RETRACT_SQL("goal_review_versions", "review_id", REVIEW_COLS),
	bind_review,
};

static void *
review_row(sqlite3_stmt *st)
{
	struct cb_goal_review *r = cb_goal_review_new();

	st_col_id(st, 0, r->id);
	st_col_id(st, 1, r->goal_id);
	r->date = st_col_date(st, 2);
	r->score = sqlite3_column_int(st, 3);
	r->note = st_col_str(st, 4);
	st_col_rev(st, 5, &r->rev);
	return r;
}

int
cb_store_review_add(struct cb_store *s, struct cb_goal_review *r, struct cb_err *err)
{
	if (cb_goal_review_check(r, err) != 0)
		return -1;
	return st_record_add(s, &review_kind, r->id, &r->rev, r->goal_id, NULL, NULL, r, err);
}

int
cb_store_review_correct(struct cb_store *s, struct cb_goal_review *r, struct cb_err *err)
{
	if (cb_goal_review_check(r, err) != 0)
		return -1;
	return st_record_correct(s, &review_kind, r->id, &r->rev, r, err);
}

int
cb_store_review_retract(struct cb_store *s, const char *id, int base_version,
                        const char *reason, struct cb_err *err)
{
	return st_record_retract(s, &review_kind, id, base_version, reason, err);
}

int
cb_store_review_list_family(struct cb_store *s, const char *family_id, struct cb_vec *out,
                            struct cb_err *err)
{
	return st_rows(s, "SELECT r.review_id, ri.goal_id, r.review_date, r.score, r.note, "
	                  ST_REV_COLS("r") " FROM goal_reviews_current r JOIN goal_reviews ri ON "
	                  "ri.id = r.review_id JOIN goals gi ON gi.id = ri.goal_id WHERE "
	                  "gi.family_id = ?1 ORDER BY ri.goal_id, r.review_date, ri.created_at",
	               family_id, NULL, review_row, out, err);
}

int
cb_store_review_list(struct cb_store *s, const char *goal_id, struct cb_vec *out,
                     struct cb_err *err)
{
	return st_rows(s, "SELECT r.review_id, ri.goal_id, r.review_date, r.score, r.note, "
	                  ST_REV_COLS("r") " FROM goal_reviews_current r JOIN goal_reviews ri ON "
	                  "ri.id = r.review_id WHERE ri.goal_id = ?1 ORDER BY r.review_date, "
	                  "ri.created_at", goal_id, NULL, review_row, out, err);
}

int
cb_store_review_versions(struct cb_store *s, const char *goal_id, struct cb_vec *out,
                         struct cb_err *err)
{
	return st_rows(s, "SELECT r.review_id, ri.goal_id, r.review_date, r.score, r.note, "
	                  ST_REV_COLS("r") " FROM goal_review_versions r JOIN goal_reviews ri ON "
	                  "ri.id = r.review_id WHERE ri.goal_id = ?1 ORDER BY r.created_at, "
	                  "r.version", goal_id, NULL, review_row, out, err);
}

/* Cycle of Change */

static void
bind_stage(sqlite3_stmt *st, const void *rec)
{
	const struct cb_stage_record *r = rec;

	st_bind_text(st, 8, r->issue);
	st_bind_text(st, 9, r->stage);
	st_bind_date(st, 10, r->date);
	st_bind_text(st, 11, r->evidence);
	st_bind_text(st, 12, r->next_signs);
	st_bind_text(st, 13, r->context);
}

#define STAGE_COLS "issue, stage, assessed_on, evidence, next_signs, context"
static const struct st_kind stage_kind = {
	"stage",
	"INSERT INTO stage_records (id, created_at, created_by, family_id, person_id, meeting_id) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	ST_VERSION_SQL("stage_versions", "record_id", STAGE_COLS, "?8, ?9, ?10, ?11, ?12, ?13"),
	ST_LATEST_SQL("stage_versions", "record_id"),
	ST_RETRACT_SQL("stage_versions", "record_id", STAGE_COLS),
	bind_stage,
};

#define STAGE_SELECT(view)                                                       \
	"SELECT x.record_id, ri.family_id, ri.person_id, ri.meeting_id, "        \
	"(SELECT p.name FROM people_current p WHERE p.person_id = ri.person_id), " \
	"x.issue, x.stage, x.assessed_on, x.evidence, x.next_signs, x.context, "   \
	ST_REV_COLS("x") " FROM " view " x JOIN stage_records ri ON ri.id = x.record_id "

static void *
stage_row(sqlite3_stmt *st)
{
	struct cb_stage_record *r = cb_stage_record_new();

	st_col_id(st, 0, r->id);
	st_col_id(st, 1, r->family_id);
	st_col_id(st, 2, r->person_id);
	st_col_id(st, 3, r->meeting_id);
	r->person_name = st_col_str(st, 4);
	r->issue = st_col_str(st, 5);
	r->stage = st_col_str(st, 6);
	r->date = st_col_date(st, 7);
	r->evidence = st_col_str(st, 8);
	r->next_signs = st_col_str(st, 9);
	r->context = st_col_str(st, 10);
	st_col_rev(st, 11, &r->rev);
	return r;
}

int
cb_store_stage_add(struct cb_store *s, struct cb_stage_record *r, struct cb_err *err)
{
	if (cb_stage_record_check(r, NULL, err) != 0)
		return -1;
	return st_meeting_add(s, r->meeting_id, &stage_kind, r->id, &r->rev, r->family_id,
	                      r->person_id, nullable(r->meeting_id), r, err);
}

int
cb_store_stage_correct(struct cb_store *s, struct cb_stage_record *r, struct cb_err *err)
{
	if (cb_stage_record_check(r, NULL, err) != 0)
		return -1;
	return st_meeting_correct(s, r->meeting_id, &stage_kind, r->id, &r->rev, r, err);
}

int
cb_store_stage_retract(struct cb_store *s, const char *id, int base_version,
                       const char *reason, struct cb_err *err)
{
	return st_meeting_retract(s, "SELECT meeting_id FROM stage_records WHERE id = ?1",
	                          &stage_kind, id, base_version, reason, err);
}

int
cb_store_stage_list(struct cb_store *s, const char *family_id, const char *person_id,
                    struct cb_vec *out, struct cb_err *err)
{
	if (person_id != NULL)
		return st_rows(s, STAGE_SELECT("stages_current") "WHERE ri.family_id = ?1 AND "
		                  "ri.person_id = ?2 ORDER BY x.assessed_on, ri.created_at",
		               family_id, person_id, stage_row, out, err);
	return st_rows(s, STAGE_SELECT("stages_current") "WHERE ri.family_id = ?1 "
	                  "ORDER BY x.assessed_on, ri.created_at",
	               family_id, NULL, stage_row, out, err);
}

int
cb_store_stage_current(struct cb_store *s, const char *family_id, struct cb_vec *out,
                       struct cb_err *err)
{
	return st_rows(s, STAGE_SELECT("stages_current") "WHERE ri.family_id = ?1 AND "
	                  "x.record_id = (SELECT y.record_id FROM stages_current y JOIN "
	                  "stage_records yi ON yi.id = y.record_id WHERE yi.person_id = "
	                  "ri.person_id AND y.issue = x.issue ORDER BY y.assessed_on DESC, "
	                  "yi.created_at DESC LIMIT 1) ORDER BY 5, x.issue",
	               family_id, NULL, stage_row, out, err);
}

int
cb_store_stage_history(struct cb_store *s, const char *id, struct cb_vec *out,
                       struct cb_err *err)
{
	return st_rows(s, STAGE_SELECT("stage_versions") "WHERE x.record_id = ?1 ORDER BY x.version",
	               id, NULL, stage_row, out, err);
}

int
cb_store_stage_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                         struct cb_err *err)
{
	return st_rows(s, STAGE_SELECT(ST_RETRACTED("stage_heads", "stage_versions", "record_id"))
	                  "WHERE ri.family_id = ?1 ORDER BY x.created_at",
	               family_id, NULL, stage_row, out, err);
}

/* Ratings */

static void
bind_rating(sqlite3_stmt *st, const void *rec)
{
	const struct cb_rating *r = rec;

	st_bind_text(st, 8, r->rating);
	st_bind_date(st, 9, r->date);
	st_bind_text(st, 10, r->context);
	st_bind_text(st, 11, r->rationale);
	st_bind_text(st, 12, r->agreed_by);
}

#define RATING_COLS "rating, rated_on, context, rationale, agreed_by"
static const struct st_kind rating_kind = {
	"rating",
	"INSERT INTO ratings (id, created_at, created_by, family_id, meeting_id) VALUES "
	"(?1, ?2, ?3, ?4, ?5)",
	ST_VERSION_SQL("rating_versions", "rating_id", RATING_COLS, "?8, ?9, ?10, ?11, ?12"),
	ST_LATEST_SQL("rating_versions", "rating_id"),
	ST_RETRACT_SQL("rating_versions", "rating_id", RATING_COLS),
	bind_rating,
};

#define RATING_SELECT(view)                                                      \
	"SELECT x.rating_id, ri.family_id, ri.meeting_id, x.rating, x.rated_on, " \
	"x.context, x.rationale, x.agreed_by, " ST_REV_COLS("x") " FROM " view     \
	" x JOIN ratings ri ON ri.id = x.rating_id "

static void *
rating_row(sqlite3_stmt *st)
{
	struct cb_rating *r = cb_rating_new();

	st_col_id(st, 0, r->id);
	st_col_id(st, 1, r->family_id);
	st_col_id(st, 2, r->meeting_id);
	r->rating = st_col_str(st, 3);
	r->date = st_col_date(st, 4);
	r->context = st_col_str(st, 5);
	r->rationale = st_col_str(st, 6);
	r->agreed_by = st_col_str(st, 7);
	st_col_rev(st, 8, &r->rev);
	return r;
}

/* A rating recorded in a meeting is one agreed in group supervision. */
static int
may_agree(struct cb_store *s, const struct cb_rating *r, struct cb_err *err)
{
	struct cb_worker *me = NULL;
	int rc;

	if (s->rules == NULL || cb_str_empty(r->meeting_id))
		return 0;
	cb_store_worker_get(s, s->actor, &me, NULL);
	rc = cb_rules_check_agree_rating(s->rules, me != NULL ? me->role : NULL, err);
	cb_worker_free(&me);
	return rc;
}

int
cb_store_rating_add(struct cb_store *s, struct cb_rating *r, struct cb_err *err)
{
	if (cb_rating_check(r, NULL, err) != 0 || may_agree(s, r, err) != 0)
		return -1;
	return st_meeting_add(s, r->meeting_id, &rating_kind, r->id, &r->rev, r->family_id,
	                      nullable(r->meeting_id), NULL, r, err);
}

int
cb_store_rating_correct(struct cb_store *s, struct cb_rating *r, struct cb_err *err)
{
	if (cb_rating_check(r, NULL, err) != 0 || may_agree(s, r, err) != 0)
		return -1;
	return st_meeting_correct(s, r->meeting_id, &rating_kind, r->id, &r->rev, r, err);
}

int
cb_store_rating_retract(struct cb_store *s, const char *id, int base_version,
                        const char *reason, struct cb_err *err)
{
	return st_meeting_retract(s, "SELECT meeting_id FROM ratings WHERE id = ?1", &rating_kind,
	                          id, base_version, reason, err);
}

int
cb_store_rating_list(struct cb_store *s, const char *family_id, struct cb_vec *out,
                     struct cb_err *err)
{
	return st_rows(s, RATING_SELECT("ratings_current") "WHERE ri.family_id = ?1 "
	                  "ORDER BY x.rated_on, ri.created_at",
	               family_id, NULL, rating_row, out, err);
}

int
cb_store_rating_history(struct cb_store *s, const char *id, struct cb_vec *out,
                        struct cb_err *err)
{
	return st_rows(s, RATING_SELECT("rating_versions") "WHERE x.rating_id = ?1 ORDER BY x.version",
	               id, NULL, rating_row, out, err);
}

int
cb_store_rating_retracted(struct cb_store *s, const char *family_id, struct cb_vec *out,
                          struct cb_err *err)
{
	return st_rows(s, RATING_SELECT(ST_RETRACTED("rating_heads", "rating_versions",
	                                             "rating_id"))
	                  "WHERE ri.family_id = ?1 ORDER BY x.created_at",
	               family_id, NULL, rating_row, out, err);
}
