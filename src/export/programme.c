/* SPDX-License-Identifier: MIT */
/* Programme and supervision figures for managers: what the pilot could not
 * count. For each family, how often and how lately it was discussed in
 * group supervision, the programme sessions it had (by module and by the
 * role of the worker who led them), how far it is with each module, each
 * adult's first and latest Cycle of Change stage, goal scores and RAG
 * rating first and latest, and its overdue actions; and the same rolled up
 * for each worker and each team. Read through the store's current views,
 * so retracted records are not counted. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/rating.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_series.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "labels.h"

/* One family's figures. */
struct fig {
	struct cb_family *f;
	char *team;                 /* name, "" when none */
	struct cb_vec workers;      /* char *: names of workers on the case */
	struct cb_vec worker_ids;   /* char * */
	struct cb_vec discussed;    /* struct cb_date *: every discussion up to the end */
	int in_period;              /* discussions in the period */
	long since_last;            /* days from the last to the end; -1 never */
	int sessions;               /* in the period */
	double months;              /* of the period the case was open */
	struct cb_buf by_module, by_role;
	int not_started, in_progress, complete;
	struct cb_buf modules_done; /* ids with sessions in the period */
	struct cb_buf stages, goals;
	char *rag_first, *rag_latest;
	struct cb_vec overdue;      /* struct cb_action, owned */
};

static void
fig_free(void *p)
{
	struct fig *x = p;

	cb_family_free(&x->f);
	free(x->team);
	cb_vec_clear(&x->workers);
	cb_vec_clear(&x->worker_ids);
	cb_vec_clear(&x->discussed);
	cb_buf_free(&x->by_module);
	cb_buf_free(&x->by_role);
	cb_buf_free(&x->modules_done);
	cb_buf_free(&x->stages);
	cb_buf_free(&x->goals);
	free(x->rag_first);
	free(x->rag_latest);
	cb_vec_clear(&x->overdue);
	free(x);
}

/* "a:2;b:1": counts by key, in the order first seen. */
static void
tally(struct cb_buf *b, const char *key)
{
	struct cb_buf out = {0};
	const char *p = cb_buf_str(b);
	bool found = false;

	while (*p != '\0') {
		size_t n = strcspn(p, ";");
		const char *colon = memchr(p, ':', n);

		if (colon != NULL && (size_t)(colon - p) == strlen(key) &&
		    strncmp(p, key, (size_t)(colon - p)) == 0) {
			cb_buf_addf(&out, "%s%s:%ld", out.len ? ";" : "", key, strtol(colon + 1, NULL, 10) + 1);
			found = true;
		} else {
			cb_buf_addf(&out, "%s", out.len ? ";" : "");
			cb_buf_addn(&out, p, n);
		}
		p += n;
		if (*p == ';')
			p++;
	}
	if (!found)
		cb_buf_addf(&out, "%s%s:1", out.len ? ";" : "", key);
	cb_buf_free(b);
	*b = out;
}

static bool
in(const struct cb_programme_opts *o, struct cb_date d)
{
	return (!cb_date_is_set(o->from) || cb_date_cmp(d, o->from) >= 0) &&
	       cb_date_cmp(d, o->to) <= 0;
}

static const char *
role_of(const struct cb_vec *allocs, const char *worker_id)
{
	size_t i;

	for (i = 0; i < allocs->len; i++) {
		const struct cb_allocation *a = allocs->items[i];

		if (strcmp(a->worker_id, worker_id) == 0)
			return a->role;
	}
	return NULL;
}

static int
family_figures(struct cb_store *s, const struct cb_programme_opts *o, const struct cb_vec *teams,
               const struct cb_vec *workers, struct fig *x, struct cb_err *err)
{
	struct cb_vec allocs = CB_VEC_OWNING(cb_allocation_free_item);
	struct cb_vec meetings = CB_VEC_OWNING(cb_meeting_free_item);
	struct cb_vec sessions = CB_VEC_OWNING(cb_session_free_item);
	struct cb_vec ids = CB_VEC_BORROWING, progress = CB_VEC_OWNING(cb_progress_free_item);
	struct cb_vec stages = CB_VEC_OWNING(cb_stage_record_free_item);
	struct cb_vec goals = CB_VEC_OWNING(cb_goal_free_item);
	struct cb_vec reviews = CB_VEC_OWNING(cb_goal_review_free_item);
	struct cb_vec ratings = CB_VEC_OWNING(cb_rating_free_item);
	struct cb_vec actions = CB_VEC_OWNING(cb_action_free_item);
	const char *team_id = x->f->team_id;
	struct cb_date start;
	size_t i, k;
	int rc = -1;

	if (cb_store_allocation_list(s, x->f->id, false, &allocs, err) != 0 ||
	    cb_store_meeting_list_family(s, x->f->id, &meetings, err) != 0 ||
	    cb_store_session_list(s, x->f->id, &sessions, err) != 0 ||
	    cb_store_stage_list(s, x->f->id, NULL, &stages, err) != 0 ||
	    cb_store_goal_list(s, x->f->id, &goals, err) != 0 ||
	    cb_store_rating_list(s, x->f->id, &ratings, err) != 0 ||
	    cb_store_action_list(s, x->f->id, true, &actions, err) != 0)
		goto out;
	/* Workers on the case at the end of the period. */
	for (i = 0; i < allocs.len; i++) {
		const struct cb_allocation *a = allocs.items[i];

		if ((cb_date_is_set(a->until) && cb_date_cmp(a->until, o->to) < 0) ||
		    (cb_date_is_set(a->from) && cb_date_cmp(a->from, o->to) > 0))
			continue;
		cb_vec_push(&x->workers, cb_strdup(xl_name(a->worker_name)));
		cb_vec_push(&x->worker_ids, cb_strdup(a->worker_id));
		/* A family without a team of its own is its workers' team's. */
		for (k = 0; team_id[0] == '\0' && k < workers->len; k++) {
			const struct cb_worker *w = workers->items[k];

			if (strcmp(w->id, a->worker_id) == 0 && w->team_id[0] != '\0')
				team_id = w->team_id;
		}
	}
	x->team = cb_strdup("");
	for (i = 0; i < teams->len; i++) {
		const struct cb_team *t = teams->items[i];

		if (strcmp(t->id, team_id) == 0) {
			free(x->team);
			x->team = cb_strdup(t->name);
		}
	}
	/* Discussions: newest first from the store; kept oldest first. */
	x->since_last = -1;
	for (i = meetings.len; i-- > 0;) {
		const struct cb_meeting *m = meetings.items[i];
		struct cb_date *d;

		if (cb_date_cmp(m->date, o->to) > 0)
			continue;
		d = cb_calloc(1, sizeof *d);
		*d = m->date;
		cb_vec_push(&x->discussed, d);
		x->in_period += in(o, m->date);
		x->since_last = cb_date_diff(o->to, m->date);
	}
	/* Sessions in the period, by module and by the leading worker's role. */
	for (i = 0; i < sessions.len; i++) {
		const struct cb_session *v = sessions.items[i];
		const char *p = v->modules, *role;

		if (!in(o, v->date))
			continue;
		x->sessions++;
		while (p != NULL && *p != '\0') {
			size_t n;
			char *id;

			p += strspn(p, " ");
			if ((n = strcspn(p, " ")) == 0)
				break;
			id = cb_strndup(p, n);
			tally(&x->by_module, id);
			free(id);
			p += n;
		}
		role = role_of(&allocs, v->rev.created_by);
		tally(&x->by_role, role != NULL ? role : "unallocated");
	}
	start = o->from;
	if (!cb_date_is_set(start) || (cb_date_is_set(x->f->opened) &&
	                               cb_date_cmp(x->f->opened, start) > 0))
		start = x->f->opened;
	x->months = cb_date_is_set(start) && cb_date_cmp(start, o->to) <= 0
	                    ? (double)(cb_date_diff(o->to, start) + 1) / 30.4375
	                    : 0;
	/* Module progress, over the programme's modules. */
	for (i = 0; o->prog != NULL && i < o->prog->modules.len; i++) {
		const struct cb_module *m = o->prog->modules.items[i];

		if (m->kind == CB_MODULE_PROGRAMME)
			cb_vec_push(&ids, m->id);
	}
	if (ids.len > 0 && cb_store_progress(s, x->f->id, &ids, &progress, err) != 0)
		goto out;
	for (i = 0; i < progress.len; i++) {
		const struct cb_progress *p = progress.items[i];

		if (p->complete)
			x->complete++;
		else if (p->sessions > 0 || p->answers > 0)
			x->in_progress++;
		else
			x->not_started++;
	}
	/* Stages: the first and the latest for each adult and issue. */
	for (i = 0; i < stages.len; i++) {
		const struct cb_stage_record *r = stages.items[i], *last = r;
		bool seen = false;

		for (k = 0; k < i && !seen; k++) {
			const struct cb_stage_record *e = stages.items[k];

			seen = strcmp(e->person_id, r->person_id) == 0 && cb_streq(e->issue, r->issue);
		}
		if (seen)
			continue;
		for (k = i + 1; k < stages.len; k++) {
			const struct cb_stage_record *e = stages.items[k];

			if (strcmp(e->person_id, r->person_id) == 0 && cb_streq(e->issue, r->issue))
				last = e;
		}
		cb_buf_addf(&x->stages, "%s%s, %s: %s > %s", x->stages.len ? "; " : "",
		            xl_name(r->person_name), r->issue, r->stage, last->stage);
	}
	/* Goals: the first and the latest score. */
	for (i = 0; i < goals.len; i++) {
		const struct cb_goal *g = goals.items[i];

		cb_vec_clear(&reviews);
		if (cb_store_review_list(s, g->id, &reviews, err) != 0)
			goto out;
		if (reviews.len == 0)
			continue;
		cb_buf_addf(&x->goals, "%s%d > %d", x->goals.len ? "; " : "",
		            ((struct cb_goal_review *)reviews.items[0])->score,
		            ((struct cb_goal_review *)reviews.items[reviews.len - 1])->score);
	}
	if (ratings.len > 0) {
		x->rag_first = cb_strdup(((struct cb_rating *)ratings.items[0])->rating);
		x->rag_latest = cb_strdup(((struct cb_rating *)ratings.items[ratings.len - 1])->rating);
	}
	/* Open actions due before the end of the period. */
	for (i = 0; i < actions.len; i++) {
		const struct cb_action *a = actions.items[i];

		if (cb_date_is_set(a->due) && cb_date_cmp(a->due, o->to) < 0) {
			cb_vec_push(&x->overdue, (void *)a);
			actions.items[i] = NULL;
		}
	}
	rc = 0;
out:
	cb_vec_clear(&actions); /* NULL where moved to x->overdue */
	cb_vec_clear(&ratings);
	cb_vec_clear(&reviews);
	cb_vec_clear(&goals);
	cb_vec_clear(&stages);
	cb_vec_clear(&progress);
	cb_vec_clear(&ids);
	cb_vec_clear(&sessions);
	cb_vec_clear(&meetings);
	cb_vec_clear(&allocs);
	return rc;
}

/* Figures for a group of families: a worker's or a team's. */
struct group {
	char *name;
	struct cb_vec figs;          /* struct fig *, borrowed */
};

static void
group_free(void *p)
{
	struct group *g = p;

	free(g->name);
	cb_vec_clear(&g->figs);
	free(g);
}

static struct group *
group_get(struct cb_vec *groups, const char *name)
{
	struct group *g;
	size_t i;

	for (i = 0; i < groups->len; i++) {
		g = groups->items[i];
		if (cb_streq(g->name, name))
			return g;
	}
	g = cb_calloc(1, sizeof *g);
	g->name = cb_strdup(name);
	g->figs.free_item = NULL;
	cb_vec_push(groups, g);
	return g;
}

static int
long_cmp(const void *a, const void *b)
{
	long x = **(const long *const *)a, y = **(const long *const *)b;

	return x < y ? -1 : x > y;
}

struct rollup {
	size_t families;
	double within4, within6;     /* shares, 0-100 */
	double median_gap;           /* days; < 0 when no gaps */
	double sessions_pfm;         /* sessions per family per month */
	size_t modules;              /* distinct modules with sessions in the period */
	size_t overdue;
};

static void
roll_up(const struct cb_programme_opts *o, const struct group *g, struct rollup *r)
{
	struct cb_vec gaps = CB_VEC_OWNING(free), seen = CB_VEC_OWNING(free);
	double sessions = 0, months = 0;
	size_t i, k, w4 = 0, w6 = 0;

	memset(r, 0, sizeof *r);
	r->families = g->figs.len;
	for (i = 0; i < g->figs.len; i++) {
		const struct fig *x = g->figs.items[i];
		const char *p = cb_buf_str(&x->by_module);

		w4 += x->since_last >= 0 && x->since_last <= 28;
		w6 += x->since_last >= 0 && x->since_last <= 42;
		for (k = 1; k < x->discussed.len; k++) {
			const struct cb_date *a = x->discussed.items[k - 1], *b = x->discussed.items[k];
			long *gap;

			if (!in(o, *b))
				continue;
			gap = cb_calloc(1, sizeof *gap);
			*gap = cb_date_diff(*b, *a);
			cb_vec_push(&gaps, gap);
		}
		sessions += x->sessions;
		months += x->months;
		r->overdue += x->overdue.len;
		while (*p != '\0') {
			size_t n = strcspn(p, ":"), j;
			bool dup = false;

			for (j = 0; j < seen.len; j++)
				dup = dup || (strlen(seen.items[j]) == n && strncmp(seen.items[j], p, n) == 0);
			if (!dup)
				cb_vec_push(&seen, cb_strndup(p, n));
			p += strcspn(p, ";");
			if (*p == ';')
				p++;
		}
	}
	r->modules = seen.len;
	if (r->families > 0) {
		r->within4 = 100.0 * (double)w4 / (double)r->families;
		r->within6 = 100.0 * (double)w6 / (double)r->families;
	}
	r->sessions_pfm = months > 0 ? sessions / months : 0;
	r->median_gap = -1;
	if (gaps.len > 0) {
		cb_vec_sort(&gaps, long_cmp);
		if (gaps.len % 2 == 1)
			r->median_gap = (double)*(long *)gaps.items[gaps.len / 2];
		else
			r->median_gap = ((double)*(long *)gaps.items[gaps.len / 2 - 1] +
			                 (double)*(long *)gaps.items[gaps.len / 2]) / 2.0;
	}
	cb_vec_clear(&gaps);
	cb_vec_clear(&seen);
}

/* CSV, RFC 4180: fields quoted when they hold a comma, a quote or a line
 * end, quotes doubled, lines ended by CRLF. */
static void
csv_field(struct cb_buf *b, const char *s, bool last)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") != NULL) {
		cb_buf_addc(b, '"');
		for (; *s != '\0'; s++) {
			if (*s == '"')
				cb_buf_addc(b, '"');
			cb_buf_addc(b, *s);
		}
		cb_buf_addc(b, '"');
	} else {
		cb_buf_add(b, s);
	}
	cb_buf_add(b, last ? "\r\n" : ",");
}

static void
dates_joined(const struct fig *x, struct cb_buf *b)
{
	size_t i;

	for (i = 0; i < x->discussed.len; i++) {
		char d[CB_DATE_LEN];

		cb_date_format(*(const struct cb_date *)x->discussed.items[i], d);
		cb_buf_addf(b, "%s%s", i > 0 ? ";" : "", d);
	}
}

static void
overdue_joined(const struct fig *x, struct cb_buf *b, const char *sep)
{
	size_t i;

	for (i = 0; i < x->overdue.len; i++) {
		const struct cb_action *a = x->overdue.items[i];
		char d[CB_DATE_LEN];

		cb_date_format(a->due, d);
		cb_buf_addf(b, "%s%s (%s, due %s)", i > 0 ? sep : "", a->text, xl_name(a->owner_name), d);
	}
}

static const char *const family_cols[] = {
	"reference", "family", "team", "workers", "discussed_dates", "discussed_in_period",
	"days_since_last_discussed", "sessions_in_period", "sessions_by_module", "sessions_by_role",
	"modules_not_started", "modules_in_progress", "modules_complete", "stages_first_latest",
	"goal_scores_first_latest", "rag_first", "rag_latest", "overdue_actions",
	"overdue_action_list",
};
static const char *const group_cols[] = {
	"name", "families", "discussed_within_4_weeks_pct", "discussed_within_6_weeks_pct",
	"median_days_between_discussions", "sessions_per_family_per_month", "modules_covered",
	"overdue_actions", "overdue_action_list",
};
#define NCOLS(a) (sizeof a / sizeof *a)

static void
csv_family(const struct fig *x, struct cb_buf *out)
{
	struct cb_buf b = {0};
	char n[32];
	size_t i;

	csv_field(out, x->f->reference, false);
	csv_field(out, x->f->name, false);
	csv_field(out, x->team, false);
	for (i = 0; i < x->workers.len; i++)
		cb_buf_addf(&b, "%s%s", i > 0 ? ";" : "", (char *)x->workers.items[i]);
	csv_field(out, cb_buf_str(&b), false);
	cb_buf_clear(&b);
	dates_joined(x, &b);
	csv_field(out, cb_buf_str(&b), false);
	cb_buf_clear(&b);
	snprintf(n, sizeof n, "%d", x->in_period);
	csv_field(out, n, false);
	if (x->since_last >= 0)
		snprintf(n, sizeof n, "%ld", x->since_last);
	else
		n[0] = '\0';
	csv_field(out, n, false);
	snprintf(n, sizeof n, "%d", x->sessions);
	csv_field(out, n, false);
	csv_field(out, cb_buf_str(&x->by_module), false);
	csv_field(out, cb_buf_str(&x->by_role), false);
	snprintf(n, sizeof n, "%d", x->not_started);
	csv_field(out, n, false);
	snprintf(n, sizeof n, "%d", x->in_progress);
	csv_field(out, n, false);
	snprintf(n, sizeof n, "%d", x->complete);
	csv_field(out, n, false);
	csv_field(out, cb_buf_str(&x->stages), false);
	csv_field(out, cb_buf_str(&x->goals), false);
	csv_field(out, x->rag_first, false);
	csv_field(out, x->rag_latest, false);
	snprintf(n, sizeof n, "%zu", x->overdue.len);
	csv_field(out, n, false);
	overdue_joined(x, &b, "; ");
	csv_field(out, cb_buf_str(&b), true);
	cb_buf_free(&b);
}

static void
csv_group(const struct cb_programme_opts *o, const struct group *g, struct cb_buf *out)
{
	struct cb_buf b = {0};
	struct rollup r;
	char n[32];
	size_t i;

	roll_up(o, g, &r);
	csv_field(out, g->name, false);
	snprintf(n, sizeof n, "%zu", r.families);
	csv_field(out, n, false);
	snprintf(n, sizeof n, "%.0f", r.within4);
	csv_field(out, n, false);
	snprintf(n, sizeof n, "%.0f", r.within6);
	csv_field(out, n, false);
	if (r.median_gap >= 0)
		snprintf(n, sizeof n, "%.1f", r.median_gap);
	else
		n[0] = '\0';
	csv_field(out, n, false);
	snprintf(n, sizeof n, "%.2f", r.sessions_pfm);
	csv_field(out, n, false);
	snprintf(n, sizeof n, "%zu", r.modules);
	csv_field(out, n, false);
	snprintf(n, sizeof n, "%zu", r.overdue);
	csv_field(out, n, false);
	for (i = 0; i < g->figs.len; i++) {
		const struct fig *x = g->figs.items[i];
		size_t before = b.len;

		if (x->overdue.len == 0)
			continue;
		if (before > 0)
			cb_buf_add(&b, "; ");
		cb_buf_addf(&b, "%s: ", x->f->reference);
		overdue_joined(x, &b, "; ");
	}
	csv_field(out, cb_buf_str(&b), true);
	cb_buf_free(&b);
}

static void
doc_family(struct cb_doc *d, const struct fig *x)
{
	struct cb_block *b;
	struct cb_buf t = {0};
	char *head;
	size_t i;

	head = cb_asprintf("%s (%s)", x->f->name, x->f->reference);
	cb_doc_heading(d, 2, head);
	free(head);
	b = cb_doc_fields(d);
	cb_block_field(b, _("Team"), x->team[0] != '\0' ? x->team : _("none"));
	for (i = 0; i < x->workers.len; i++)
		cb_buf_addf(&t, "%s%s", i > 0 ? ", " : "", (char *)x->workers.items[i]);
	cb_block_field(b, _("Workers"), cb_buf_str(&t));
	cb_buf_clear(&t);
	dates_joined(x, &t);
	cb_block_field(b, _("Discussed in supervision"), t.len > 0 ? cb_buf_str(&t) : _("never"));
	cb_buf_clear(&t);
	cb_block_fieldf(b, _("Discussions in the period"), "%d", x->in_period);
	if (x->since_last >= 0)
		cb_block_fieldf(b, _("Days since the last"), "%ld", x->since_last);
	cb_block_fieldf(b, _("Sessions in the period"), "%d", x->sessions);
	cb_block_field(b, _("Sessions by module"), cb_buf_str(&x->by_module));
	cb_block_field(b, _("Sessions by role"), cb_buf_str(&x->by_role));
	cb_block_fieldf(b, _("Modules"), _("%d not started, %d in progress, %d complete"),
	                x->not_started, x->in_progress, x->complete);
	cb_block_field(b, _("Cycle of Change, first > latest"), cb_buf_str(&x->stages));
	cb_block_field(b, _("Goal scores, first > latest"), cb_buf_str(&x->goals));
	if (x->rag_first != NULL)
		cb_block_fieldf(b, _("RAG, first > latest"), "%s > %s", x->rag_first, x->rag_latest);
	cb_block_fieldf(b, _("Overdue actions"), "%zu", x->overdue.len);
	if (x->overdue.len > 0) {
		overdue_joined(x, &t, "\n");
		cb_block_field(b, _("Overdue"), cb_buf_str(&t));
	}
	cb_buf_free(&t);
}

static void
doc_group(struct cb_doc *d, const struct cb_programme_opts *o, const struct group *g)
{
	struct cb_block *b;
	struct rollup r;
	size_t i;

	roll_up(o, g, &r);
	cb_doc_heading(d, 2, g->name);
	b = cb_doc_fields(d);
	cb_block_fieldf(b, _("Families"), "%zu", r.families);
	cb_block_fieldf(b, _("Discussed within 4 weeks"), "%.0f%%", r.within4);
	cb_block_fieldf(b, _("Discussed within 6 weeks"), "%.0f%%", r.within6);
	if (r.median_gap >= 0)
		cb_block_fieldf(b, _("Median days between discussions"), "%.1f", r.median_gap);
	else
		cb_block_field(b, _("Median days between discussions"), _("not yet two discussions"));
	cb_block_fieldf(b, _("Sessions per family per month"), "%.2f", r.sessions_pfm);
	cb_block_fieldf(b, _("Modules covered"), "%zu", r.modules);
	cb_block_fieldf(b, _("Overdue actions"), "%zu", r.overdue);
	if (r.overdue > 0) {
		const char *h[4] = {_("Family"), _("Action"), _("Owner"), _("Due")};

		b = cb_doc_table(d, 4, h);
		for (i = 0; i < g->figs.len; i++) {
			const struct fig *x = g->figs.items[i];
			size_t k;

			for (k = 0; k < x->overdue.len; k++) {
				const struct cb_action *a = x->overdue.items[k];
				char due[CB_DATE_LEN];
				const char *row[4];

				row[0] = x->f->reference;
				row[1] = a->text;
				row[2] = xl_name(a->owner_name);
				row[3] = xl_date(a->due, due, "");
				cb_block_row(b, row);
			}
		}
	}
}

int
cb_report_programme(struct cb_store *s, const struct cb_programme_opts *o, struct cb_buf *csv,
                    struct cb_doc **doc, struct cb_err *err)
{
	struct cb_vec rows = CB_VEC_OWNING(cb_family_row_free_item);
	struct cb_vec teams = CB_VEC_OWNING(cb_team_free_item);
	struct cb_vec workers = CB_VEC_OWNING(cb_worker_free_item);
	struct cb_vec figs = CB_VEC_OWNING(fig_free);
	struct cb_vec groups = CB_VEC_OWNING(group_free);
	char from[CB_DATE_LEN], to[CB_DATE_LEN];
	size_t i, k;
	int rc = -1;

	if (doc != NULL)
		*doc = NULL;
	if (cb_store_family_rows(s, &rows, err) != 0 || cb_store_team_list(s, &teams, err) != 0 ||
	    cb_store_worker_list(s, &workers, err) != 0)
		goto out;
	for (i = 0; i < rows.len; i++) {
		const struct cb_family_row *row = rows.items[i];
		struct fig *x = cb_calloc(1, sizeof *x);
		bool keep = true;

		x->workers.free_item = free;
		x->worker_ids.free_item = free;
		x->discussed.free_item = free;
		x->overdue.free_item = cb_action_free_item;
		cb_vec_push(&figs, x);
		if (cb_store_family_get(s, row->id, &x->f, err) != 0 ||
		    family_figures(s, o, &teams, &workers, x, err) != 0)
			goto out;
		if (o->team != NULL && !cb_streq(x->team, o->team))
			keep = false;
		if (o->worker_id != NULL) {
			bool on = false;

			for (k = 0; k < x->worker_ids.len; k++)
				on = on || cb_streq(x->worker_ids.items[k], o->worker_id);
			keep = keep && on;
		}
		if (!keep)
			cb_vec_remove(&figs, figs.len - 1);
	}
	if (o->by != CB_BY_FAMILY) {
		for (i = 0; i < figs.len; i++) {
			struct fig *x = figs.items[i];

			if (o->by == CB_BY_TEAM) {
				cb_vec_push(&group_get(&groups, x->team[0] != '\0' ? x->team
				                                                   : _("(no team)"))->figs,
				            x);
				continue;
			}
			for (k = 0; k < x->workers.len; k++)
				cb_vec_push(&group_get(&groups, x->workers.items[k])->figs, x);
		}
	}
	if (csv != NULL) {
		const char *const *cols = o->by == CB_BY_FAMILY ? family_cols : group_cols;
		size_t n = o->by == CB_BY_FAMILY ? NCOLS(family_cols) : NCOLS(group_cols);

		for (i = 0; i < n; i++)
			csv_field(csv, cols[i], i + 1 == n);
		for (i = 0; o->by == CB_BY_FAMILY && i < figs.len; i++)
			csv_family(figs.items[i], csv);
		for (i = 0; i < groups.len; i++)
			csv_group(o, groups.items[i], csv);
	}
	if (doc != NULL) {
		struct cb_block *b;

		*doc = cb_doc_new(_("Programme and supervision figures"));
		cb_doc_heading(*doc, 1, _("Programme and supervision figures"));
		b = cb_doc_fields(*doc);
		cb_block_fieldf(b, _("Period"), _("%s to %s"), xl_date(o->from, from, _("the start")),
		                xl_date(o->to, to, ""));
		if (o->team != NULL)
			cb_block_field(b, _("Team"), o->team);
		if (o->worker_name != NULL)
			cb_block_field(b, _("Worker"), o->worker_name);
		cb_block_fieldf(b, _("Families"), "%zu", figs.len);
		cb_doc_text(*doc, _("Discussed within 4 or 6 weeks: the last group supervision was at "
		                    "most 28 or 42 days before the end of the period. Sessions per "
		                    "family per month count the months each family's case was open "
		                    "in the period. Overdue: open actions due before its end."));
		if (o->by == CB_BY_FAMILY)
			for (i = 0; i < figs.len; i++)
				doc_family(*doc, figs.items[i]);
		for (i = 0; i < groups.len; i++)
			doc_group(*doc, o, groups.items[i]);
		if (figs.len == 0)
			cb_doc_text(*doc, _("No families match."));
	}
	rc = 0;
out:
	cb_vec_clear(&groups);
	cb_vec_clear(&figs);
	cb_vec_clear(&workers);
	cb_vec_clear(&teams);
	cb_vec_clear(&rows);
	return rc;
}
