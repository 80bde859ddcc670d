/* SPDX-License-Identifier: MIT */
/* The store at the size of a county's service, for 'make bench'.
 *   bench_scale gen DB FAMILIES   build DB (if it is not there): realistic
 *                                 families, written as the store writes them
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

#include <sqlite3.h>

#include "casebook/answer.h"
#include "casebook/date.h"
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
#include "casebook/uuid.h"
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

/* The generator writes the rows the store would write (identity, first
 * version, audit line; the heads and the search index follow from the
 * schema's triggers) straight through prepared statements, in large
 * transactions without a savepoint a record: the store's own path takes
 * ~100 ms a family, and 50,000 families would take hours. The workers
 * are added through the store, and the store folds the names of the heads
 * when it next opens the file, as it does for any version written
 * outside casebook. */
enum kind { K_FAMILY, K_PERSON, K_ALLOCATION, K_NOTE, K_SESSION, K_GOAL, K_STAGE, K_RATING, K_N };

static const struct {
	const char *entity, *ident, *version;
} kinds_sql[K_N] = {
	{"family", "INSERT INTO families (id, created_at, created_by) VALUES (?1, ?2, ?3)",
	 "INSERT INTO family_versions (row_id, family_id, version, created_at, created_by, "
	 "reference, name, opened) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7)"},
	{"person", "INSERT INTO people (id, created_at, created_by, family_id) VALUES (?1, ?2, ?3, ?4)",
	 "INSERT INTO person_versions (row_id, person_id, version, created_at, created_by, name, "
	 "born, role) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7)"},
	{"allocation", "INSERT INTO allocations (id, created_at, created_by, family_id, worker_id) "
	 "VALUES (?1, ?2, ?3, ?4, ?5)",
	 "INSERT INTO allocation_versions (row_id, allocation_id, version, created_at, created_by, "
	 "role, start_date) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6)"},
	{"note", "INSERT INTO notes (id, created_at, created_by, family_id) VALUES (?1, ?2, ?3, ?4)",
	 "INSERT INTO note_versions (row_id, note_id, version, created_at, created_by, note_date, "
	 "kind, body, significant) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8)"},
	{"session", "INSERT INTO sessions (id, created_at, created_by, family_id) "
	 "VALUES (?1, ?2, ?3, ?4)",
	 "INSERT INTO session_versions (row_id, session_id, version, created_at, created_by, "
	 "session_date, modules, covered) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7)"},
	{"goal", "INSERT INTO goals (id, created_at, created_by, family_id) VALUES (?1, ?2, ?3, ?4)",
	 "INSERT INTO goal_versions (row_id, goal_id, version, created_at, created_by, words, "
	 "proposed_by, set_on, status) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8)"},
	{"stage", "INSERT INTO stage_records (id, created_at, created_by, family_id, person_id) "
	 "VALUES (?1, ?2, ?3, ?4, ?5)",
	 "INSERT INTO stage_versions (row_id, record_id, version, created_at, created_by, issue, "
	 "stage, assessed_on, evidence, context) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
	{"rating", "INSERT INTO ratings (id, created_at, created_by, family_id) "
	 "VALUES (?1, ?2, ?3, ?4)",
	 "INSERT INTO rating_versions (row_id, rating_id, version, created_at, created_by, rating, "
	 "rated_on, context, rationale) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8)"},
};

struct gen {
	sqlite3 *db;
	sqlite3_stmt *ident[K_N], *version[K_N], *audit;
	char stamp[CB_STAMP_LEN];
	const char *actor;
};

static void
sql_must(struct gen *g, int rc)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		fprintf(stderr, "bench_scale: %s\n", sqlite3_errmsg(g->db));
		exit(1);
	}
}

/* Bind texts (NULL binds NULL) to the parameters from first on. */
static void
bind(struct gen *g, sqlite3_stmt *st, int first, int n, const char *const *v)
{
	int i;

	for (i = 0; i < n; i++)
		sql_must(g, v[i] != NULL ? sqlite3_bind_text(st, first + i, v[i], -1, SQLITE_TRANSIENT)
		                         : sqlite3_bind_null(st, first + i));
}

static void
run_stmt(struct gen *g, sqlite3_stmt *st)
{
	sql_must(g, sqlite3_step(st));
	sql_must(g, sqlite3_reset(st));
}

/* A record of kind k: its identity row with the parents given (up to
 * two), its first version with the n values given, and its audit line. */
static void
record(struct gen *g, enum kind k, char id[CB_UUID_LEN], const char *p1, const char *p2,
       int n, const char *const *v)
{
	char row[CB_UUID_LEN], aid[CB_UUID_LEN];
	const char *head[6];

	cb_uuid_new(id);
	cb_uuid_new(row);
	cb_uuid_new(aid);
	head[0] = id, head[1] = g->stamp, head[2] = g->actor, head[3] = p1, head[4] = p2;
	bind(g, g->ident[k], 1, p1 == NULL ? 3 : p2 == NULL ? 4 : 5, head);
	run_stmt(g, g->ident[k]);
	head[0] = row, head[1] = id, head[2] = g->stamp, head[3] = g->actor;
	bind(g, g->version[k], 1, 4, head);
	bind(g, g->version[k], 5, n, v);
	run_stmt(g, g->version[k]);
	head[0] = aid, head[1] = g->stamp, head[2] = g->actor, head[3] = kinds_sql[k].entity;
	head[4] = id, head[5] = row;
	bind(g, g->audit, 1, 6, head);
	run_stmt(g, g->audit);
}

static void
date_str(char out[CB_DATE_LEN], int y, int m, int d)
{
	cb_date_format((struct cb_date){y, m, d}, out);
}

static void
gen_family(struct gen *g, long i, char workers[][CB_UUID_LEN])
{
	char fid[CB_UUID_LEN], id[CB_UUID_LEN], child[4][CB_UUID_LEN];
	char d1[CB_DATE_LEN], d2[CB_DATE_LEN];
	int children = 2 + (int)(i % 3), notes = 20 + (int)((i * 37) % 41), k;
	const char *surname = surnames[(i * 7) % (sizeof surnames / sizeof *surnames)];
	char *ref, *name;

	if (i % 97 == 0)
		notes = 300;
	ref = cb_asprintf("FS-%02ld-%05ld", 20 + i % 7, i);
	name = cb_asprintf("%s family", surname);
	date_str(d1, 2024 + (int)(i % 3), 1 + (int)(i % 12), 1 + (int)(i % 28));
	record(g, K_FAMILY, fid, NULL, NULL, 3, (const char *[]){ref, name, d1});
	free(ref);
	free(name);
	for (k = 0; k < 2 + children; k++) {
		name = cb_asprintf("%s %s", given[(i + k * 5) % (sizeof given / sizeof *given)],
		                   surname);
		date_str(d2, k < 2 ? 1985 + k : 2012 + k, 1 + k, 10 + k);
		record(g, K_PERSON, id, fid, NULL, 3,
		       (const char *[]){name, d2, k == 0 ? "parent" : k == 1 ? "carer" : "child"});
		free(name);
		if (k >= 2)
			memcpy(child[k - 2], id, CB_UUID_LEN);
	}
	record(g, K_ALLOCATION, id, fid, workers[i % WORKERS], 2,
	       (const char *[]){"social-worker", d1});
	for (k = 0; k < notes; k++) {
		char *text = note_text(i, k);

		date_str(d2, 2024 + k % 3, 1 + k % 12, 1 + k % 28);
		record(g, K_NOTE, id, fid, NULL, 4,
		       (const char *[]){d2, kinds[k % 3], text, k % 10 == 0 ? "1" : "0"});
		free(text);
	}
	for (k = 0; k < 3; k++) {
		date_str(d2, 2026, 2 + k, 3);
		record(g, K_SESSION, id, fid, NULL, 3,
		       (const char *[]){d2, "basic-care",
		                        "Worked through the routines of the day with mum."});
		date_str(d2, 2026, 3 + k, 1);
		record(g, K_RATING, id, fid, NULL, 4,
		       (const char *[]){colours[(i + k) % 3], d2, "visit",
		                        "The plan is holding, with the worries noted in the record."});
	}
	for (k = 0; k < 2; k++)
		record(g, K_GOAL, id, fid, NULL, 4,
		       (const char *[]){k == 0 ? "The children get to school on time every day."
		                               : "Mum feels safe at home.",
		                        "jointly", "2026-01-15", "active"});
	for (k = 0; k < children; k++) {
		date_str(d2, 2026, 4, 1 + k);
		record(g, K_STAGE, id, fid, child[k], 5,
		       (const char *[]){issues[(i + k) % 4], stages[(i + k) % 3], d2,
		                        "Said so at the visit, and it shows in what was done.",
		                        "visit"});
	}
}

static int
gen(const char *path, long families)
{
	char workers[WORKERS][CB_UUID_LEN];
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct gen g = {0};
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
	cb_store_close(&s);

	/* The bulk, in one connection of its own: no statement journal on
	 * disk, a page cache big enough for the indexes it writes. */
	if (sqlite3_open_v2(path, &g.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_scale: cannot open %s\n", path);
		return 1;
	}
	sql_must(&g, sqlite3_exec(g.db, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144; "
	                                "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON",
	                          NULL, NULL, NULL));
	for (k = 0; k < K_N; k++) {
		sql_must(&g, sqlite3_prepare_v2(g.db, kinds_sql[k].ident, -1, &g.ident[k], NULL));
		sql_must(&g, sqlite3_prepare_v2(g.db, kinds_sql[k].version, -1, &g.version[k], NULL));
	}
	sql_must(&g, sqlite3_prepare_v2(g.db,
	                                "INSERT INTO audit (id, created_at, created_by, action, "
	                                "entity, entity_id, row_id, os_user) VALUES (?1, ?2, ?3, "
	                                "'create', ?4, ?5, ?6, 'bench')", -1, &g.audit, NULL));
	g.actor = workers[0];
	for (i = 0; i < families; i++) {
		if (i % 1000 == 0) {
			sql_must(&g, sqlite3_exec(g.db, "BEGIN IMMEDIATE", NULL, NULL, NULL));
			cb_stamp_now(g.stamp);
		}
		gen_family(&g, i, workers);
		if (i % 1000 == 999 || i == families - 1) {
			sql_must(&g, sqlite3_exec(g.db, "COMMIT", NULL, NULL, NULL));
			fprintf(stderr, "\rgenerated %ld of %ld families", i + 1, families);
		}
	}
	for (k = 0; k < K_N; k++) {
		sqlite3_finalize(g.ident[k]);
		sqlite3_finalize(g.version[k]);
	}
	sqlite3_finalize(g.audit);
	sql_must(&g, sqlite3_exec(g.db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL));
	sqlite3_close(g.db);
	/* The store folds the names now, once, rather than at the first timed open. */
	must(cb_store_open(path, CB_STORE_OPEN, &s, &err), &err);
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
