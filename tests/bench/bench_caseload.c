/* SPDX-License-Identifier: MIT */
/* How long the first screen's reads take on a big database: the caseload
 * count and one page, for each sort, and a family's chronology page.
 *   bench_caseload [FAMILIES]   (default 5000)
 * Builds a scratch database with the real store, then times the reads. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/rating.h"
#include "casebook/store.h"
#include "casebook/store_families.h"
#include "casebook/store_notes.h"
#include "casebook/store_series.h"
#include "casebook/store_views.h"
#include "casebook/store_workers.h"
#include "casebook/vec.h"
#include "casebook/worker.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
must(int rc, const struct cb_err *err)
{
	if (rc != 0) {
		fprintf(stderr, "bench: %s\n", err->msg);
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	static const char *const colours[] = {"red", "amber", "green"};
	static const char *const sorts[] = {"reference", "name", "rating", "supervision"};
	long families = argc > 1 ? strtol(argv[1], NULL, 10) : 5000;
	char dir[] = "/tmp/casebook-bench-XXXXXX", path[64], first[CB_UUID_LEN] = "";
	struct cb_store *s = NULL;
	struct cb_worker *w = cb_worker_new();
	struct cb_err err = {0};
	struct cb_caseload_query q;
	double t0, t;
	long i;
	int k;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/bench.db", dir);
	must(cb_store_open(path, CB_STORE_CREATE, &s, &err), &err);
	w->name = cb_strdup("Bench Worker");
	w->role = cb_strdup("social-worker");
	must(cb_store_worker_add(s, w, &err), &err);
	cb_store_set_actor(s, w->id);
	t0 = now();
	must(cb_store_begin(s, &err), &err);
	for (i = 0; i < families; i++) {
		struct cb_family *f = cb_family_new();
		struct cb_person *p = cb_person_new();
		struct cb_allocation *a = cb_allocation_new();
		struct cb_rating *r = cb_rating_new();
		struct cb_note *n = cb_note_new();

		f->reference = cb_asprintf("FS-%06ld", i);
		f->name = cb_asprintf("Family %ld Nguyễn-Łukasz", (i * 7919) % families);
		must(cb_store_family_add(s, f, &err), &err);
		if (i == 0)
			memcpy(first, f->id, CB_UUID_LEN);
		memcpy(p->family_id, f->id, CB_UUID_LEN);
		p->name = cb_strdup("Zoë");
		p->role = CB_MEMBER_CHILD;
		must(cb_store_person_add(s, p, &err), &err);
		memcpy(a->family_id, f->id, CB_UUID_LEN);
		memcpy(a->worker_id, w->id, CB_UUID_LEN);
		a->role = cb_strdup("social-worker");
		must(cb_store_allocation_add(s, a, &err), &err);
		memcpy(r->family_id, f->id, CB_UUID_LEN);
		r->rating = cb_strdup(colours[i % 3]);
		r->date = (struct cb_date){2026, 1 + (int)(i % 12), 1};
		r->context = cb_strdup("visit");
		r->rationale = cb_strdup("Benchmark rating.");
		must(cb_store_rating_add(s, r, &err), &err);
		for (k = 0; k < 5; k++) {
			memset(n->id, 0, sizeof n->id);
			memcpy(n->family_id, f->id, CB_UUID_LEN);
			n->date = (struct cb_date){2026, 1 + k, 1};
			free(n->kind);
			n->kind = cb_strdup("home-visit");
			free(n->text);
			n->text = cb_strdup("A home visit with the family, recorded for the benchmark.");
			must(cb_store_note_add(s, n, &err), &err);
		}
		cb_family_free(&f);
		cb_person_free(&p);
		cb_allocation_free(&a);
		cb_rating_free(&r);
		cb_note_free(&n);
	}
	must(cb_store_commit(s, &err), &err);
	printf("built %ld families (5 notes, a rating, a child each) in %.2f s\n", families,
	       now() - t0);

	memset(&q, 0, sizeof q);
	q.today = (struct cb_date){2026, 11, 27};
	for (k = 0; k < 4; k++) {
		struct cb_vec rows = CB_VEC_OWNING(cb_caseload_row_free_item);
		size_t count = 0;

		q.sort = (enum cb_caseload_sort)k;
		t0 = now();
		must(cb_store_caseload_count(s, &q, &count, &err), &err);
		must(cb_store_caseload(s, &q, 0, 44, &rows, &err), &err);
		t = now() - t0;
		printf("caseload, whole team, by %-11s: count %zu and a page of %zu in %6.1f ms\n",
		       sorts[k], count, rows.len, t * 1000);
		cb_vec_clear(&rows);
	}
	{
		struct cb_vec rows = CB_VEC_OWNING(cb_caseload_row_free_item);
		size_t count = 0;

		q.sort = CB_SORT_REFERENCE;
		q.filter = "0042";
		t0 = now();
		must(cb_store_caseload_count(s, &q, &count, &err), &err);
		must(cb_store_caseload(s, &q, 0, 44, &rows, &err), &err);
		printf("caseload filtered by '0042':  count %zu and a page of %zu in %6.1f ms\n",
		       count, rows.len, (now() - t0) * 1000);
		cb_vec_clear(&rows);
	}
	{
		struct cb_vec ev = CB_VEC_OWNING(cb_event_free_item);
		size_t count = 0;

		t0 = now();
		must(cb_store_chronology_count(s, first, false, &count, &err), &err);
		must(cb_store_chronology(s, first, false, 0, 40, &ev, &err), &err);
		printf("one family's chronology:      count %zu and a page of %zu in %6.1f ms\n",
		       count, ev.len, (now() - t0) * 1000);
		cb_vec_clear(&ev);
	}
	cb_worker_free(&w);
	cb_store_close(&s);
	t0 = now();
	must(cb_store_open(path, CB_STORE_OPEN, &s, &err), &err);
	printf("opening the database (checks included): %.1f ms\n", (now() - t0) * 1000);
	cb_store_close(&s);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	return system(path) == 0 ? 0 : 1;
}
