/* SPDX-License-Identifier: MIT */
/* Our family plan: one short page for the family to keep, in plain words,
 * with no codes, ids or professional shorthand. The family's goals in
 * their own words with the steps and who helps, how the scores have
 * moved, what was agreed to be done and by whom, when the plan is next looked at, and each adult's own Cycle of
 * Change picture in the parent wording of data/stages.yaml.
 *
 * A plan for one adult holds that adult's goals and stages and the goals
 * the family share, and nothing else: not another adult's goals, stages
 * or scores, not the children's own goals, and other adults' names are
 * taken out of the text it does hold. Where domestic abuse is marked, a
 * plan holding both adults' information is refused. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/export_records.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/i18n.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/refdata.h"
#include "casebook/stage.h"
#include "casebook/store_families.h"
#include "casebook/store_meetings.h"
#include "casebook/store_series.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/vec.h"
#include "labels.h"

/* Census factors that record domestic abuse (data/codes.yaml): about the
 * child, a parent or carer, another person in the household. */
static const char *const da_factors[] = {"3A", "3B", "3C"};
/* Cycle of Change issues that only arise with domestic abuse. */
static const char *const da_issues[] = {"abusive-behaviour", "safety-from-abuse"};

struct pctx {
	struct cb_store *s;
	const struct cb_family *f;
	const struct cb_refdata *ref;
	struct cb_date today;
	const struct cb_person *adult;  /* whose plan; NULL for the family's */
	struct cb_vec people;           /* struct cb_person, owned */
	struct cb_vec hide;             /* char *: names to take out of text */
	struct cb_doc *d;
};

static bool
factor_is_da(const char *factors)
{
	const char *p = factors;
	size_t i;

	while (p != NULL && *p != '\0') {
		size_t n;

		p += strspn(p, " ,");
		if ((n = strcspn(p, " ,")) == 0)
			break;
		for (i = 0; i < sizeof da_factors / sizeof *da_factors; i++)
			if (strlen(da_factors[i]) == n && strncmp(p, da_factors[i], n) == 0)
				return true;
		p += n;
	}
	return false;
}

int
cb_family_domestic_abuse(struct cb_store *s, const struct cb_family *f, bool *out,
                         struct cb_err *err)
{
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec list = CB_VEC_OWNING(cb_status_free_item);
	struct cb_vec stages = CB_VEC_OWNING(cb_stage_record_free_item);
	size_t i, k;
	int rc = -1;

	*out = false;
	if (cb_store_person_list(s, f->id, &people, err) != 0 ||
	    cb_store_stage_list(s, f->id, NULL, &stages, err) != 0)
		goto out;
	for (i = 0; i < people.len && !*out; i++) {
		const struct cb_person *p = people.items[i];

		if (p->role != CB_MEMBER_CHILD)
			continue;
		cb_vec_clear(&list);
		if (cb_store_status_list(s, p->id, &list, err) != 0)
			goto out;
		/* Any status, not only the current one: once recorded, the
		 * risk to an adult does not end with a change of plan. */
		for (k = 0; k < list.len; k++)
			if (factor_is_da(((struct cb_status *)list.items[k])->factors))
				*out = true;
	}
	for (i = 0; i < stages.len && !*out; i++)
		for (k = 0; k < sizeof da_issues / sizeof *da_issues; k++)
			if (cb_streq(((struct cb_stage_record *)stages.items[i])->issue, da_issues[k]))
				*out = true;
	rc = 0;
out:
	cb_vec_clear(&stages);
	cb_vec_clear(&list);
	cb_vec_clear(&people);
	return rc;
}

/* "4 June 2026": dates as a family writes them. */
static const char *
plain_date(struct cb_date d, char *buf, size_t n)
{
	static const char *const months[] = {
		N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
		N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
		N_("December"),
	};

	if (!cb_date_is_set(d) || d.m < 1 || d.m > 12)
		return "";
	snprintf(buf, n, "%d %s %d", d.d, _(months[d.m - 1]), d.y);
	return buf;
}

static bool
word_char(unsigned char c)
{
	return c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '\'';
}

/* Text with every hidden name (a whole word or words, in any case) taken
 * out. New string. */
static char *
redact(const struct pctx *x, const char *text)
{
	char *out = cb_strdup(text != NULL ? text : "");
	size_t i;

	for (i = 0; i < x->hide.len; i++) {
		const char *name = x->hide.items[i];
		size_t n = strlen(name);
		struct cb_buf b = {0};
		const char *p = out;

		while (*p != '\0') {
			bool at_word = p == out || !word_char((unsigned char)p[-1]);

			/* "Ryan's" is Ryan's name too; "Ryanne" is not. */
			if (at_word && strncasecmp(p, name, n) == 0 &&
			    (!word_char((unsigned char)p[n]) || p[n] == '\'' ||
			     strncmp(p + n, "\xE2\x80\x99", 3) == 0)) {
				cb_buf_add(&b, _("(name left out)"));
				p += n;
			} else {
				cb_buf_addc(&b, *p++);
			}
		}
		free(out);
		out = b.s != NULL ? cb_buf_take(&b) : cb_strdup("");
	}
	return out;
}

static void
hide_name(struct pctx *x, const char *name)
{
	size_t i;

	if (cb_str_empty(name))
		return;
	for (i = 0; i < x->hide.len; i++)
		if (strcasecmp(x->hide.items[i], name) == 0)
			return;
	cb_vec_push(&x->hide, cb_strdup(name));
}

/* Names a one-adult plan must not show: every other adult's full name and
 * each word of it, except words the plan's own people share (a family
 * surname is the adult's own too). Longest first, so a full name goes as
 * one. */
static int
len_desc(const void *a, const void *b)
{
	size_t x = strlen(*(const char *const *)a), y = strlen(*(const char *const *)b);

	return x < y ? 1 : x > y ? -1 : 0;
}

static bool
word_in(const char *word, size_t n, const char *name)
{
	const char *p = name;

	while (*p != '\0') {
		size_t k;

		p += strspn(p, " ");
		k = strcspn(p, " ");
		if (k == n && strncasecmp(p, word, n) == 0)
			return true;
		p += k;
	}
	return false;
}

static void
hidden_names(struct pctx *x)
{
	size_t i, k;

	for (i = 0; x->adult != NULL && i < x->people.len; i++) {
		const struct cb_person *p = x->people.items[i];
		const char *w = p->name;

		if (!cb_member_is_adult(p->role) || strcmp(p->id, x->adult->id) == 0)
			continue;
		hide_name(x, p->name);
		while (*w != '\0') {
			size_t n;
			bool shared = false;

			w += strspn(w, " ");
			if ((n = strcspn(w, " ")) == 0)
				break;
			for (k = 0; k < x->people.len && !shared; k++) {
				const struct cb_person *q = x->people.items[k];

				if (q != p && (strcmp(q->id, x->adult->id) == 0 || q->role == CB_MEMBER_CHILD))
					shared = word_in(w, n, q->name);
			}
			if (!shared && n > 1) {
				char *word = cb_strndup(w, n);

				hide_name(x, word);
				free(word);
			}
			w += n;
		}
	}
	cb_vec_sort(&x->hide, len_desc);
}

/* Whose goals and stages are in the plan. */
static bool
in_plan(const struct pctx *x, const char *person_id)
{
	if (x->adult == NULL)
		return true;
	/* The adult's own, and the family's shared goals (person ""). */
	return person_id[0] == '\0' || strcmp(person_id, x->adult->id) == 0;
}

/* "Imran Chaudhry, Marisol Ortega": who set the goal and who has scored
 * it with the family, each once. */
static void
helpers(const struct cb_goal *g, const struct cb_vec *reviews, struct cb_buf *out)
{
	struct cb_vec seen = CB_VEC_BORROWING;
	size_t i, k;

	for (i = 0; i <= reviews->len; i++) {
		const char *name = i == 0 ? g->rev.created_by_name
		                          : ((struct cb_goal_review *)reviews->items[i - 1])
		                                    ->rev.created_by_name;
		bool dup = false;

		if (cb_str_empty(name))
			continue;
		for (k = 0; k < seen.len; k++)
			dup = dup || cb_streq(seen.items[k], name);
		if (dup)
			continue;
		cb_vec_push(&seen, (void *)name);
		cb_buf_addf(out, "%s%s", seen.len > 1 ? ", " : "", name);
	}
	cb_vec_clear(&seen);
}

static int
goals(struct pctx *x, struct cb_date *next_target, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_goal_free_item);
	struct cb_vec reviews = CB_VEC_OWNING(cb_goal_review_free_item);
	struct cb_block *b = NULL;
	size_t i, k;
	int rc = -1;

	if (x->adult != NULL)
		cb_doc_heading(x->d, 2, _("My goals"));
	else
		cb_doc_heading(x->d, 2, _("Our goals"));
	if (cb_store_goal_list(x->s, x->f->id, &list, err) != 0)
		goto out;
	for (i = 0; i < list.len; i++) {
		const struct cb_goal *g = list.items[i];
		struct cb_buf detail = {0}, who = {0};
		char when[64], *text;

		/* Goals put aside are not part of the plan any more. */
		if (!cb_streq(g->status, "active") && !cb_streq(g->status, "achieved"))
			continue;
		if (!in_plan(x, g->person_id))
			continue;
		cb_vec_clear(&reviews);
		if (cb_store_review_list(x->s, g->id, &reviews, err) != 0)
			goto out;
		if (b == NULL) {
			cb_doc_text(x->d, _("In your own words. The scores go from 0 to 10, where 10 "
			                    "means the goal has been reached."));
			b = cb_doc_list(x->d);
		}
		if (cb_streq(g->status, "achieved"))
			cb_buf_add(&detail, _("Reached! Well done."));
		else if (x->adult == NULL && !cb_str_empty(g->person_name))
			cb_buf_addf(&detail, _("%s's goal."), g->person_name);
		else if (g->person_id[0] == '\0')
			cb_buf_add(&detail, _("A goal for the whole family."));
		if (!cb_str_empty(g->steps)) {
			text = redact(x, g->steps);
			cb_buf_addf(&detail, _("%sThe steps: %s"), detail.len > 0 ? "\n" : "", text);
			free(text);
		}
		helpers(g, &reviews, &who);
		if (who.len > 0)
			cb_buf_addf(&detail, _("%sWho helps: %s"), detail.len > 0 ? "\n" : "",
			            cb_buf_str(&who));
		if (cb_date_is_set(g->target) && cb_streq(g->status, "active")) {
			cb_buf_addf(&detail, _("%sWe hope to get there by %s."), detail.len > 0 ? "\n" : "",
			            plain_date(g->target, when, sizeof when));
			if (cb_date_cmp(g->target, x->today) >= 0 &&
			    (!cb_date_is_set(*next_target) || cb_date_cmp(g->target, *next_target) < 0))
				*next_target = g->target;
		}
		if (reviews.len == 0) {
			cb_buf_addf(&detail, _("%sNo score yet."), detail.len > 0 ? "\n" : "");
		} else {
			cb_buf_addf(&detail, _("%sHow the scores have moved: "), detail.len > 0 ? "\n" : "");
			for (k = 0; k < reviews.len; k++) {
				const struct cb_goal_review *r = reviews.items[k];

				cb_buf_addf(&detail, _("%s%d on %s"), k > 0 ? _(", then ") : "", r->score,
				            plain_date(r->date, when, sizeof when));
			}
			cb_buf_addc(&detail, '.');
		}
		text = redact(x, g->words);
		cb_block_item(b, text, cb_buf_str(&detail));
		free(text);
		cb_buf_free(&detail);
		cb_buf_free(&who);
	}
	if (b == NULL)
		cb_doc_text(x->d, _("No goals written down yet. Your worker will set them with you."));
	rc = 0;
out:
	cb_vec_clear(&reviews);
	cb_vec_clear(&list);
	return rc;
}

/* Each adult's picture: for each issue, the stage now in their words, how
 * it has moved, the parent wording for that stage, and what the next step
 * could look like. */
static int
stages(struct pctx *x, struct cb_err *err)
{
	struct cb_vec all = CB_VEC_OWNING(cb_stage_record_free_item);
	size_t p, i, k;
	bool any = false;
	int rc = -1;

	cb_doc_heading(x->d, 2, _("Where things are with change"));
	for (p = 0; p < x->people.len; p++) {
		const struct cb_person *who = x->people.items[p];
		struct cb_block *b = NULL;

		if (!cb_member_is_adult(who->role) || !in_plan(x, who->id))
			continue;
		cb_vec_clear(&all);
		if (cb_store_stage_list(x->s, x->f->id, who->id, &all, err) != 0)
			goto out;
		/* Oldest first: the last record of an issue is where it is now. */
		for (i = 0; i < all.len; i++) {
			const struct cb_stage_record *r = all.items[i], *now = r;
			const struct cb_refitem *st;
			struct cb_buf detail = {0};
			char *head, *text;
			bool first_of_issue = true;

			for (k = 0; k < i && first_of_issue; k++)
				if (cb_streq(((struct cb_stage_record *)all.items[k])->issue, r->issue))
					first_of_issue = false;
			if (!first_of_issue)
				continue;
			cb_buf_add(&detail, _("How it has moved: "));
			for (k = i; k < all.len; k++) {
				const struct cb_stage_record *h = all.items[k];
				const struct cb_refitem *hs;

				if (!cb_streq(h->issue, r->issue))
					continue;
				/* The same stage agreed again is not a move. */
				if (k > i && cb_streq(h->stage, now->stage))
					continue;
				hs = x->ref != NULL ? cb_reflist_find(&x->ref->stages, h->stage) : NULL;
				cb_buf_addf(&detail, "%s%s", k > i ? " \xE2\x86\x92 " : "",
				            hs != NULL && hs->label != NULL ? hs->label : h->stage);
				now = h;
			}
			for (k = i; k < all.len; k++)
				if (cb_streq(((struct cb_stage_record *)all.items[k])->issue, r->issue))
					now = all.items[k];
			st = x->ref != NULL ? cb_reflist_find(&x->ref->stages, now->stage) : NULL;
			if (st != NULL && !cb_str_empty(st->for_parent))
				cb_buf_addf(&detail, "\n%s", st->for_parent);
			if (!cb_str_empty(now->next_signs)) {
				text = redact(x, now->next_signs);
				cb_buf_addf(&detail, _("\nWhat the next step could look like: %s"), text);
				free(text);
			}
			if (b == NULL) {
				cb_doc_heading(x->d, 3, who->name);
				b = cb_doc_list(x->d);
			}
			head = cb_asprintf(_("%s: %s"), xl_label(x->ref, XL_ISSUE, r->issue),
			                   st != NULL && st->label != NULL ? st->label : now->stage);
			cb_block_item(b, head, cb_buf_str(&detail));
			free(head);
			cb_buf_free(&detail);
		}
		any = any || b != NULL;
	}
	if (!any)
		cb_doc_text(x->d, _("Nothing written down yet."));
	rc = 0;
out:
	cb_vec_clear(&all);
	return rc;
}

/* What was agreed to be done, and who does it: a worker, one of the
 * family or another agency. A one-adult plan holds the actions the adult
 * owns and those of the workers and agencies, never another member's. */
static int
actions(struct pctx *x, struct cb_err *err)
{
	struct cb_vec list = CB_VEC_OWNING(cb_action_free_item);
	struct cb_block *b = NULL;
	char when[64];
	size_t i;

	cb_doc_heading(x->d, 2, _("What we agreed to do"));
	if (cb_store_action_list(x->s, x->f->id, true, &list, err) != 0) {
		cb_vec_clear(&list);
		return -1;
	}
	for (i = 0; i < list.len; i++) {
		const struct cb_action *a = list.items[i];
		char *text, *detail;

		if (a->owner_person_id[0] != '\0' && x->adult != NULL &&
		    strcmp(a->owner_person_id, x->adult->id) != 0)
			continue;
		if (b == NULL)
			b = cb_doc_list(x->d);
		text = redact(x, a->text);
		if (x->adult != NULL && strcmp(a->owner_person_id, x->adult->id) == 0)
			detail = cb_asprintf(_("You do this, by %s."),
			                     plain_date(a->due, when, sizeof when));
		else
			detail = cb_asprintf(_("Who does it: %s, by %s."), a->owner_name,
			                     plain_date(a->due, when, sizeof when));
		cb_block_item(b, text, detail);
		free(detail);
		free(text);
	}
	if (b == NULL)
		cb_doc_text(x->d, _("Nothing open just now."));
	cb_vec_clear(&list);
	return 0;
}

static int
next_review(struct pctx *x, struct cb_date target, struct cb_err *err)
{
	struct cb_vec meetings = CB_VEC_OWNING(cb_meeting_free_item);
	struct cb_date next = {0};
	char when[64];
	size_t i;

	cb_doc_heading(x->d, 2, _("When we look at this plan again"));
	if (cb_store_meeting_list_family(x->s, x->f->id, &meetings, err) != 0) {
		cb_vec_clear(&meetings);
		return -1;
	}
	for (i = 0; i < meetings.len; i++) {
		const struct cb_meeting *m = meetings.items[i];

		if (cb_date_cmp(m->date, x->today) > 0 &&
		    (!cb_date_is_set(next) || cb_date_cmp(m->date, next) < 0))
			next = m->date;
	}
	if (cb_date_is_set(next))
		cb_doc_textf(x->d, _("The team will look at how things are going on %s. Your worker "
		                     "will talk it through with you."),
		             plain_date(next, when, sizeof when));
	else if (cb_date_is_set(target))
		cb_doc_textf(x->d, _("By %s, when the next goal is due. Your worker will talk it "
		                     "through with you."), plain_date(target, when, sizeof when));
	else
		cb_doc_text(x->d, _("Your worker will agree a date with you."));
	cb_vec_clear(&meetings);
	return 0;
}

int
cb_export_plan(struct cb_store *s, const struct cb_family *f, const struct cb_refdata *ref,
               const char *adult_id, struct cb_date today, struct cb_doc **out,
               struct cb_err *err)
{
	struct pctx x = {s, f, ref, today, NULL, CB_VEC_OWNING(cb_person_free_item),
	                 CB_VEC_OWNING(free), NULL};
	struct cb_date target = {0};
	size_t i, adults = 0;
	char *title, made[64];
	bool da;
	int rc = -1;

	*out = NULL;
	if (cb_store_person_list(s, f->id, &x.people, err) != 0)
		goto out;
	for (i = 0; i < x.people.len; i++) {
		const struct cb_person *p = x.people.items[i];

		if (!cb_member_is_adult(p->role))
			continue;
		adults++;
		if (adult_id != NULL && strcmp(p->id, adult_id) == 0)
			x.adult = p;
	}
	if (adult_id != NULL && x.adult == NULL) {
		rc = cb_err_set(err, CB_ENOTFOUND, _("that person is not an adult in this family"));
		goto out;
	}
	if (x.adult == NULL && adults > 1) {
		if (cb_family_domestic_abuse(s, f, &da, err) != 0)
			goto out;
		if (da) {
			rc = cb_err_set(err, CB_EINVAL,
			                _("the record of the %s marks domestic abuse, so a plan holding "
			                  "more than one adult's information is not printed: make one "
			                  "plan for each adult"), f->name);
			goto out;
		}
	}
	hidden_names(&x);
	if (x.adult != NULL)
		title = cb_asprintf(_("My plan: %s"), x.adult->name);
	else
		title = cb_asprintf(_("Our family plan: %s"), f->name);
	x.d = cb_doc_new(title);
	cb_doc_heading(x.d, 1, title);
	free(title);
	cb_doc_textf(x.d, x.adult != NULL
	                      ? _("This is your plan with the family safeguarding team, written on "
	                          "%s. It says what you want to change, the steps, who helps, and "
	                          "how things are going. Keep it somewhere safe.")
	                      : _("This is your family's plan with the family safeguarding team, "
	                          "written on %s. It says what you want to change, the steps, who "
	                          "helps, and how things are going. Keep it somewhere safe."),
	             plain_date(today, made, sizeof made));
	if (goals(&x, &target, err) != 0 || actions(&x, err) != 0 || stages(&x, err) != 0 ||
	    next_review(&x, target, err) != 0)
		goto out;
	cb_doc_text(x.d, _("If anything in this plan is not right, or you want to change it, tell "
	                   "your worker."));
	*out = x.d;
	x.d = NULL;
	rc = 0;
out:
	cb_doc_free(&x.d);
	cb_vec_clear(&x.hide);
	cb_vec_clear(&x.people);
	return rc;
}
