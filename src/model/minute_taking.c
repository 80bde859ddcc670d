/* SPDX-License-Identifier: MIT */
/* The rules a minute-taker's screens follow, without a terminal. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/minute_taking.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/stage.h"
#include "casebook/str.h"

enum cb_sup_due
cb_sup_due(struct cb_date last, struct cb_date today)
{
	long days;

	if (!cb_date_valid(last))
		return CB_SUP_NEVER;
	days = cb_date_diff(today, last);
	if (days > CB_SUPERVISION_OVERDUE_DAYS)
		return CB_SUP_OVERDUE;
	if (days >= CB_SUPERVISION_DUE_DAYS)
		return CB_SUP_DUE;
	return CB_SUP_RECENT;
}

/* Sort key of a candidate: urgency first, then longest waiting, then the
 * order given. */
struct order_key {
	size_t index;
	int rank;          /* 0 never, 1 overdue, 2 due, 3 recent */
	long days;         /* since the last supervision */
};

static int
order_cmp(const void *a, const void *b)
{
	const struct order_key *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->days != y->days)
		return x->days > y->days ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

size_t
cb_agenda_order(const struct cb_agenda_candidate *c, size_t n, struct cb_date today,
                size_t *order)
{
	struct order_key *keys;
	size_t i, k = 0;

	if (n == 0)
		return 0;
	keys = cb_calloc(n, sizeof *keys);
	for (i = 0; i < n; i++) {
		if (c[i].on_agenda)
			continue;
		keys[k].index = i;
		switch (cb_sup_due(c[i].last, today)) {
		case CB_SUP_NEVER: keys[k].rank = 0; break;
		case CB_SUP_OVERDUE: keys[k].rank = 1; break;
		case CB_SUP_DUE: keys[k].rank = 2; break;
		case CB_SUP_RECENT: keys[k].rank = 3; break;
		}
		keys[k].days = cb_date_valid(c[i].last) ? cb_date_diff(today, c[i].last) : 0;
		k++;
	}
	qsort(keys, k, sizeof *keys, order_cmp);
	for (i = 0; i < k; i++)
		order[i] = keys[i].index;
	free(keys);
	return k;
}

void
cb_timer_start(struct cb_timer *t, long saved, long now)
{
	t->saved = saved > 0 ? saved : 0;
	t->started = now;
	t->last_save = now;
	t->running = true;
}

long
cb_timer_total(const struct cb_timer *t, long now)
{
	long more = t->running && now > t->started ? now - t->started : 0;

	return t->saved + more;
}

bool
cb_timer_save_due(const struct cb_timer *t, long now)
{
	return t->running && now - t->last_save >= CB_TIMER_SAVE_EVERY &&
	       cb_timer_total(t, now) != t->saved;
}

void
cb_timer_saved(struct cb_timer *t, long now)
{
	t->saved = cb_timer_total(t, now);
	t->started = now;
	t->last_save = now;
}

void
cb_timer_stop(struct cb_timer *t, long now)
{
	t->saved = cb_timer_total(t, now);
	t->started = now;
	t->running = false;
}

void
cb_timer_format(long seconds, char *out, size_t n)
{
	if (seconds < 0)
		seconds = 0;
	if (seconds >= 3600)
		snprintf(out, n, "%ld:%02ld:%02ld", seconds / 3600, seconds / 60 % 60, seconds % 60);
	else
		snprintf(out, n, "%ld:%02ld", seconds / 60, seconds % 60);
}

const char *
cb_attendance_next(const char *status)
{
	if (cb_streq(status, "present"))
		return "apologies";
	if (cb_streq(status, "apologies"))
		return "written";
	return "present";
}

const struct cb_note *
cb_contribution_find(const struct cb_vec *notes, const char *worker_id, struct cb_date after,
                     struct cb_date until)
{
	const struct cb_note *best = NULL;
	size_t i;

	for (i = 0; i < notes->len; i++) {
		const struct cb_note *n = notes->items[i];

		if (!cb_streq(n->kind, "contribution") || !cb_streq(n->author_id, worker_id) ||
		    cb_str_empty(n->text) || n->rev.retracted)
			continue;
		if (cb_date_valid(after) && cb_date_cmp(n->date, after) <= 0)
			continue;
		if (cb_date_valid(until) && cb_date_cmp(n->date, until) > 0)
			continue;
		/* The newest by date; on the same day the one written last. */
		if (best == NULL || cb_date_cmp(n->date, best->date) > 0 ||
		    (cb_date_cmp(n->date, best->date) == 0 &&
		     strcmp(n->rev.created_at, best->rev.created_at) > 0))
			best = n;
	}
	return best;
}

struct cb_date
cb_meeting_before(const struct cb_date *dates, const char *const *ids, size_t n,
                  const char *this_id, struct cb_date this_date)
{
	struct cb_date best = {0, 0, 0};
	size_t i;

	for (i = 0; i < n; i++) {
		if (cb_streq(ids[i], this_id) || cb_date_cmp(dates[i], this_date) > 0)
			continue;
		if (!cb_date_valid(best) || cb_date_cmp(dates[i], best) > 0)
			best = dates[i];
	}
	return best;
}

char *
cb_stage_confirm_evidence(const struct cb_stage_record *before)
{
	char date[CB_DATE_LEN], ref[9];

	if (before == NULL)
		return cb_strdup(_("Confirmed in group supervision."));
	cb_date_format(before->date, date);
	/* The first block of the record's id is enough to find it and short
	 * enough to read out. */
	snprintf(ref, sizeof ref, "%.8s", before->id);
	return cb_asprintf(_("Confirmed in group supervision, unchanged since %s (stage record "
	                     "%s). The evidence then: %s"),
	                   date, ref, !cb_str_empty(before->evidence) ? before->evidence : "-");
}

static bool
is_before(const struct cb_stage_record *r, const char *meeting_id, struct cb_date date)
{
	return !cb_streq(r->meeting_id, meeting_id) && cb_date_cmp(r->date, date) <= 0;
}

static struct cb_stage_line *
find_line(struct cb_vec *out, const char *person_id, const char *issue)
{
	size_t i;

	for (i = 0; i < out->len; i++) {
		struct cb_stage_line *l = out->items[i];

		if (cb_streq(l->person_id, person_id) && cb_streq(l->issue, issue))
			return l;
	}
	return NULL;
}

static struct cb_stage_line *
new_line(const char *person_id, const char *person_name, const char *issue)
{
	struct cb_stage_line *l = cb_calloc(1, sizeof *l);

	l->person_id = person_id;
	l->person_name = person_name;
	l->issue = issue;
	return l;
}

/* Fill the line for (person, issue) from the records. */
static void
fill_line(struct cb_stage_line *l, const struct cb_vec *records, const char *meeting_id,
          struct cb_date date)
{
	size_t i;

	for (i = 0; i < records->len; i++) {
		const struct cb_stage_record *r = records->items[i];

		if (!cb_streq(r->person_id, l->person_id) || !cb_streq(r->issue, l->issue))
			continue;
		/* Oldest first: the last match of each kind is the newest. */
		if (cb_streq(r->meeting_id, meeting_id))
			l->today = r;
		else if (is_before(r, meeting_id, date))
			l->before = r;
	}
}

void
cb_stage_lines(const char *const *adult_ids, const char *const *adult_names, size_t n_adults,
               const struct cb_vec *records, const char *meeting_id,
               struct cb_date meeting_date, struct cb_vec *out)
{
	size_t a, i;

	for (a = 0; a < n_adults; a++) {
		size_t first = out->len;

		for (i = 0; i < records->len; i++) {
			const struct cb_stage_record *r = records->items[i];

			if (cb_streq(r->person_id, adult_ids[a]) &&
			    find_line(out, adult_ids[a], r->issue) == NULL)
				cb_vec_push(out, new_line(adult_ids[a], adult_names[a], r->issue));
		}
		if (out->len == first)
			cb_vec_push(out, new_line(adult_ids[a], adult_names[a], NULL));
	}
	/* Records about someone who is no longer among the adults (a child
	 * grown up, someone removed) still show, after the adults. */
	for (i = 0; i < records->len; i++) {
		const struct cb_stage_record *r = records->items[i];
		bool adult = false;

		for (a = 0; a < n_adults && !adult; a++)
			adult = cb_streq(adult_ids[a], r->person_id);
		if (!adult && find_line(out, r->person_id, r->issue) == NULL)
			cb_vec_push(out, new_line(r->person_id, r->person_name, r->issue));
	}
	for (i = 0; i < out->len; i++) {
		struct cb_stage_line *l = out->items[i];

		if (l->issue != NULL)
			fill_line(l, records, meeting_id, meeting_date);
	}
}

void
cb_rating_split(const struct cb_vec *ratings, const char *meeting_id,
                struct cb_date meeting_date, const struct cb_rating **before,
                const struct cb_rating **today)
{
	size_t i;

	*before = NULL;
	*today = NULL;
	for (i = 0; i < ratings->len; i++) {
		const struct cb_rating *r = ratings->items[i];

		if (cb_streq(r->meeting_id, meeting_id))
			*today = r;
		else if (cb_date_cmp(r->date, meeting_date) <= 0)
			*before = r;
	}
}

char *
cb_names_join(const char *const *names, size_t n)
{
	struct cb_buf b = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		if (cb_str_empty(names[i]))
			continue;
		if (b.len > 0)
			cb_buf_add(&b, ", ");
		cb_buf_add(&b, names[i]);
	}
	return b.len > 0 ? cb_buf_take(&b) : cb_strdup("");
}
