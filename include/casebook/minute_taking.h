/* SPDX-License-Identifier: MIT */
/* The small rules of minuting group supervision, apart from the screens
 * so that they are tested without a terminal: which families are due,
 * the order of the agenda picker, the clock on each family, attendance,
 * written contributions prepared beforehand, and what "as last time"
 * means for a stage or a rating. */
#ifndef CASEBOOK_MINUTE_TAKING_H
#define CASEBOOK_MINUTE_TAKING_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/date.h"
#include "casebook/vec.h"

struct cb_note;
struct cb_rating;
struct cb_stage_record;

/* Every family is discussed monthly: due after this many days since the
 * last group supervision, overdue after the other. */
#define CB_SUPERVISION_DUE_DAYS 21
#define CB_SUPERVISION_OVERDUE_DAYS 31

enum cb_sup_due {
	CB_SUP_RECENT,   /* discussed lately */
	CB_SUP_DUE,      /* due this month */
	CB_SUP_OVERDUE,  /* more than a month */
	CB_SUP_NEVER     /* never discussed */
};

/* How a family stands on today, given its last group supervision (unset
 * when never). */
enum cb_sup_due cb_sup_due(struct cb_date last, struct cb_date today);

/* A family that could go on the agenda. */
struct cb_agenda_candidate {
	struct cb_date last;   /* last group supervision; unset when never */
	bool on_agenda;        /* already on this meeting's agenda */
};

/* The order of the agenda picker: families already on the agenda are
 * left out; never discussed first, then overdue, then due, each longest
 * waiting first; then the rest; ties keep the order given. Fills order
 * with indexes into c and returns how many. */
size_t cb_agenda_order(const struct cb_agenda_candidate *c, size_t n, struct cb_date today,
                       size_t *order);

/* The clock on one family: what earlier sittings saved plus this one.
 * Times are seconds on a monotonic clock. */
struct cb_timer {
	long saved;        /* seconds saved on the agenda item */
	long started;      /* when this sitting began */
	long last_save;    /* when the total was last saved */
	bool running;
};

#define CB_TIMER_SAVE_EVERY 60

void cb_timer_start(struct cb_timer *t, long saved, long now);
/* The total so far. A clock that went backwards counts as no time. */
long cb_timer_total(const struct cb_timer *t, long now);
/* Whether the total should be saved now: running, a minute since the
 * last save, and something to add. */
bool cb_timer_save_due(const struct cb_timer *t, long now);
/* The total was saved: carry on counting from it. */
void cb_timer_saved(struct cb_timer *t, long now);
void cb_timer_stop(struct cb_timer *t, long now);
/* "0:07", "12:34", "1:02:03". */
void cb_timer_format(long seconds, char *out, size_t n);

/* Space on an attendee: present, apologies, written, present ... */
const char *cb_attendance_next(const char *status);

/* A written contribution prepared beforehand: the newest case note of
 * kind "contribution" by worker_id dated after the previous meeting
 * (after; unset: any) and not after this one (until). notes are
 * struct cb_note. NULL when there is none. */
const struct cb_note *cb_contribution_find(const struct cb_vec *notes, const char *worker_id,
                                           struct cb_date after, struct cb_date until);

/* The date of the family's meeting before this one: meetings are
 * (date, id) pairs given as parallel arrays. Unset when none. */
struct cb_date cb_meeting_before(const struct cb_date *dates, const char *const *ids, size_t n,
                                 const char *this_id, struct cb_date this_date);

/* The evidence of a stage confirmed unchanged in supervision, pointing
 * at the record it confirms (a new string). */
char *cb_stage_confirm_evidence(const struct cb_stage_record *before);

/* One line of the Cycle of Change part: an adult and an issue, the stage
 * as it stood before this meeting and the one agreed in it. */
struct cb_stage_line {
	const char *person_id;
	const char *person_name;
	const char *issue;                       /* NULL: nothing recorded yet */
	const struct cb_stage_record *before;    /* may be NULL */
	const struct cb_stage_record *today;     /* may be NULL */
};

/* Lines for the adults (parallel arrays of ids and names, in the family's
 * order) from records (struct cb_stage_record, oldest first): one per
 * adult and issue, by adult then issue as first recorded; an adult with
 * nothing recorded gets one line with issue NULL; records about someone
 * not among the adults come last. "before" is the newest record not of
 * this meeting and not after its date. out gets struct cb_stage_line,
 * owned. */
void cb_stage_lines(const char *const *adult_ids, const char *const *adult_names, size_t n_adults,
                    const struct cb_vec *records, const char *meeting_id,
                    struct cb_date meeting_date, struct cb_vec *out);

/* The ratings that matter to a meeting, from ratings oldest first: the
 * newest before it (not of this meeting, not after its date) and the one
 * agreed in it. Either may be NULL. */
void cb_rating_split(const struct cb_vec *ratings, const char *meeting_id,
                     struct cb_date meeting_date, const struct cb_rating **before,
                     const struct cb_rating **today);

/* "Imran Chaudhry, Marisol Ortega": the names given joined, for who
 * agreed a rating. */
char *cb_names_join(const char *const *names, size_t n);

#endif
