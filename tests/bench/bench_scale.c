/* SPDX-License-Identifier: MIT */
/* The store at the size of a county's service, for 'make bench'.
 *   bench_scale gen DB FAMILIES   build DB (if it is not there) with the
 *                                 real store: realistic families
 *   bench_scale run DB            time what the workbook's keys read
 * Each family has two adults and two to four children, 20 to 60 notes
 * (every 97th family about 300), three sessions, two goals, a stage record
 * per child and three risk ratings, and is allocated to one of 40
 * workers. Figures are printed as "name<TAB>milliseconds" lines for
 * tests/bench/bench.sh to tabulate. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/goal.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/stage.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/store_notes.h"
#include "casebook/store_search.h"
#include "casebook/store_series.h"
#include "casebook/store_views.h"
#include "casebook/store_workers.h"
#include "casebook/vec.h"
#include "casebook/worker.h"

#define WORKERS 40

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
must(int rc, const struct cb_err *err)
{
	if (rc != 0) {
		fprintf(stderr, "bench_scale: %s\n", err->msg);
		exit(1);
	}
}

static const char *const surnames[] = {
	"Price", "Nguyễn", "Zielińska", "Gallagher", "Haddad", "Ó Súilleabháin", "Kowalski",
	"Okafor", "Begum", "Chaudhry", "Jones", "Davies", "Ahmed", "Trần", "Byrne", "Mensah",
	"Ortega", "Wiśniewski", "Moyo", "Raman", "Evans", "Hussain", "Lê", "Smith",
};
static const char *const given[] = {
	"Ellie-Mae", "Jaxon", "Ruby", "Zoë", "Siobhán", "Łukasz", "Maryam", "Yusuf", "Mai",
	"Khoa", "Niamh", "Cian", "Aoife", "Kai", "Nova", "Harley", "Adam", "Fatima", "Oliver",
};
static const char *const kinds[] = {"home-visit", "office-visit", "phone-call"};
static const char *const issues[] = {"alcohol", "drugs", "mental-health", "domestic-abuse"};
static const char *const stages[] = {"precontemplation", "contemplation", "preparation"};
static const char *const colours[] = {"red", "amber", "green"};

/* A note of a realistic length, different each time. */
static char *
note_text(long f, int k)
{
	return cb_asprintf("Visit %d with the family (%ld). Spoke with mum about the week: the "
	                   "children went to school every day, the house was warm and there was "
	                   "food in. Talked through the safety plan again and agreed who to call "
	                   "if things get difficult at the weekend. Dad was not at home; mum "
	                   "said he is staying with his brother. Next visit in a week.", k, f);
}

static void
gen_family(struct cb_store *s, long i, char workers[][CB_UUID_LEN], struct cb_err *err)
{
	struct cb_family *f = cb_family_new();
	struct cb_allocation *a = cb_allocation_new();
	char child[4][CB_UUID_LEN];
	int children = 2 + (int)(i % 3), notes = 20 + (int)((i * 37) % 41), k;
	const char *surname = surnames[(i * 7) % (sizeof surnames / sizeof *surnames)];

	if (i % 97 == 0)
		notes = 300;
	f->reference = cb_asprintf("FS-%02ld-%05ld", 20 + i % 7, i);
	f->name = cb_asprintf("%s family", surname);
	f->opened = (struct cb_date){2024 + (int)(i % 3), 1 + (int)(i % 12), 1 + (int)(i % 28)};
	must(cb_store_family_add(s, f, err), err);
	for (k = 0; k < 2 + children; k++) {
		struct cb_person *p = cb_person_new();

		memcpy(p->family_id, f->id, CB_UUID_LEN);
		p->name = cb_asprintf("%s %s", given[(i + k * 5) % (sizeof given / sizeof *given)],
		                      surname);
		p->role = k < 2 ? (k == 0 ? CB_MEMBER_PARENT : CB_MEMBER_CARER) : CB_MEMBER_CHILD;
		p->born = (struct cb_date){k < 2 ? 1985 + k : 2012 + k, 1 + k, 10 + k};
		must(cb_store_person_add(s, p, err), err);
		if (k >= 2)
			memcpy(child[k - 2], p->id, CB_UUID_LEN);
		cb_person_free(&p);
	}
	memcpy(a->family_id, f->id, CB_UUID_LEN);
	memcpy(a->worker_id, workers[i % WORKERS], CB_UUID_LEN);
	a->role = cb_strdup("social-worker");
	a->from = f->opened;
	must(cb_store_allocation_add(s, a, err), err);
	for (k = 0; k < notes; k++) {
		struct cb_note *n = cb_note_new();

		memcpy(n->family_id, f->id, CB_UUID_LEN);
		n->date = (struct cb_date){2024 + k % 3, 1 + k % 12, 1 + k % 28};
		n->kind = cb_strdup(kinds[k % 3]);
		n->text = note_text(i, k);
		n->significant = k % 10 == 0;
		must(cb_store_note_add(s, n, err), err);
		cb_note_free(&n);
	}
	for (k = 0; k < 3; k++) {
		struct cb_session *x = cb_session_new();
		struct cb_rating *r = cb_rating_new();

		memcpy(x->family_id, f->id, CB_UUID_LEN);
		x->date = (struct cb_date){2026, 2 + k, 3};
		x->modules = cb_strdup("basic-care");
		x->covered = cb_strdup("Worked through the routines of the day with mum.");
		must(cb_store_session_add(s, x, err), err);
		memcpy(r->family_id, f->id, CB_UUID_LEN);
		r->rating = cb_strdup(colours[(i + k) % 3]);
		r->date = (struct cb_date){2026, 3 + k, 1};
		r->context = cb_strdup("visit");
		r->rationale = cb_strdup("The plan is holding, with the worries noted in the record.");
		must(cb_store_rating_add(s, r, err), err);
		cb_session_free(&x);
		cb_rating_free(&r);
	}
	for (k = 0; k < 2; k++) {
		struct cb_goal *g = cb_goal_new();

		memcpy(g->family_id, f->id, CB_UUID_LEN);
		g->words = cb_strdup(k == 0 ? "The children get to school on time every day."
		                            : "Mum feels safe at home.");
		g->proposed_by = cb_strdup("jointly");
		g->set_on = (struct cb_date){2026, 1, 15};
		g->status = cb_strdup("active");
		must(cb_store_goal_add(s, g, err), err);
		cb_goal_free(&g);
	}
	for (k = 0; k < children; k++) {
		struct cb_stage_record *st = cb_stage_record_new();

		memcpy(st->family_id, f->id, CB_UUID_LEN);
		memcpy(st->person_id, child[k], CB_UUID_LEN);
		st->issue = cb_strdup(issues[(i + k) % 4]);
		st->stage = cb_strdup(stages[(i + k) % 3]);
		st->date = (struct cb_date){2026, 4, 1 + k};
		st->evidence = cb_strdup("Said so at the visit, and it shows in what was done.");
		st->context = cb_strdup("visit");
		must(cb_store_stage_add(s, st, err), err);
		cb_stage_record_free(&st);
	}
	cb_family_free(&f);
	cb_allocation_free(&a);
}

static int
gen(const char *path, long families)
{
	char workers[WORKERS][CB_UUID_LEN];
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct stat sb;
	double t0 = now();
	long i;
	int k;

	if (stat(path, &sb) == 0)
		return 0;
	must(cb_store_open(path, CB_STORE_CREATE, &s, &err), &err);
	for (k = 0; k < WORKERS; k++) {
		struct cb_worker *w = cb_worker_new();

		w->name = k == 0 ? cb_strdup("Bench Worker")
		                 : cb_asprintf("%s %s %d", given[k % 19], surnames[k % 24], k);
		w->role = cb_strdup("social-worker");
		must(cb_store_worker_add(s, w, &err), &err);
		memcpy(workers[k], w->id, CB_UUID_LEN);
		cb_worker_free(&w);
	}
	cb_store_set_actor(s, workers[0]);
	for (i = 0; i < families; i++) {
		if (i % 500 == 0)
			must(cb_store_begin(s, &err), &err);
		gen_family(s, i, workers, &err);
		if (i % 500 == 499 || i == families - 1) {
			must(cb_store_commit(s, &err), &err);
			fprintf(stderr, "\rgenerated %ld of %ld families", i + 1, families);
		}
	}
	cb_store_close(&s);
	fprintf(stderr, "\n");
	printf("generate\t%.0f\n", now() - t0);
	return 0;
}

static void
caseload(struct cb_store *s, const char *name, const char *worker, const char *filter)
{
	struct cb_caseload_query q = {worker, filter, CB_SORT_REFERENCE, {2026, 11, 27}};
	struct cb_vec rows = CB_VEC_OWNING(cb_caseload_row_free_item);
	struct cb_err err = {0};
	size_t count;
	double t0 = now();

	must(cb_store_caseload_count(s, &q, &count, &err), &err);
	must(cb_store_caseload(s, &q, 0, 20, &rows, &err), &err);
	printf("%s\t%.2f\n", name, now() - t0);
	cb_vec_clear(&rows);
}

static void
open_family(struct cb_store *s, const char *name, const char *ref)
{
	struct cb_family *f = NULL;
	struct cb_vec v = CB_VEC_OWNING(NULL);
	struct cb_err err = {0};
	size_t count;
	double t0 = now();

	must(cb_store_family_find_ref(s, ref, &f, &err), &err);
	v.free_item = cb_person_free_item;
	must(cb_store_person_list(s, f->id, &v, &err), &err);
	cb_vec_clear(&v);
	v.free_item = cb_stage_record_free_item;
	must(cb_store_stage_current(s, f->id, &v, &err), &err);
	cb_vec_clear(&v);
	v.free_item = cb_rating_free_item;
	must(cb_store_rating_list(s, f->id, &v, &err), &err);
	cb_vec_clear(&v);
	v.free_item = cb_goal_free_item;
	must(cb_store_goal_list(s, f->id, &v, &err), &err);
	cb_vec_clear(&v);
	printf("%s\t%.2f\n", name, now() - t0);
	t0 = now();
	must(cb_store_chronology_count(s, f->id, false, &count, &err), &err);
	v.free_item = cb_event_free_item;
	must(cb_store_chronology(s, f->id, false, 0, 20, &v, &err), &err);
	cb_vec_clear(&v);
	printf("%s: chronology (%zu events)\t%.2f\n", name, count, now() - t0);
	cb_family_free(&f);
}

static int
count_hit(const struct cb_search_hit *h, void *ctx)
{
	(void)h;
	(*(size_t *)ctx)++;
	return 0;
}

/* A search as the workbook makes it: the 200 most recent hits, with snippets. */
static void
search(struct cb_store *s, const char *name, const char *text)
{
	struct cb_search_query q = {text, NULL, "[", "]", 200};
	struct cb_err err = {0};
	size_t hits = 0;
	double t0 = now();

	must(cb_store_search_each(s, &q, count_hit, &hits, &err), &err);
	printf("%s (%zu hits shown)\t%.2f\n", name, hits, now() - t0);
}

static int
run(const char *path)
{
	struct cb_store *s = NULL;
	struct cb_worker *w = NULL;
	struct cb_err err = {0};
	double t0 = now();

	must(cb_store_open(path, CB_STORE_OPEN, &s, &err), &err);
	printf("open the database\t%.2f\n", now() - t0);
	must(cb_store_worker_find(s, "Bench Worker", &w, &err), &err);
	caseload(s, "caseload, mine", w->id, NULL);
	caseload(s, "caseload, the team", NULL, NULL);
	caseload(s, "filter 'n' (team)", NULL, "n");
	caseload(s, "filter 'ng' (team)", NULL, "ng");
	caseload(s, "filter 'ngu' (team)", NULL, "ngu");
	caseload(s, "filter 'nguy' (team)", NULL, "nguy");
	caseload(s, "filter 'nguy' (mine)", w->id, "nguy");
	open_family(s, "open a family of 300 notes", "FS-20-00000");
	open_family(s, "open a family of 40 notes", "FS-21-00001");
	caseload(s, "back to the caseload, mine", w->id, NULL);
	search(s, "search: a name, as typed", "nguyen");
	search(s, "search: a word in many notes", "school");
	search(s, "search: a word in no note", "zebra");
	cb_worker_free(&w);
	cb_store_close(&s);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "gen") == 0)
		return gen(argv[2], strtol(argv[3], NULL, 10));
	if (argc == 3 && strcmp(argv[1], "run") == 0)
		return run(argv[2]);
	fprintf(stderr, "usage: bench_scale gen DB FAMILIES | bench_scale run DB\n");
	return 2;
}
