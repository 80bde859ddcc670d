/* SPDX-License-Identifier: MIT */
/* How long keeping a draft takes: the write the editor makes about once a
 * second while someone types, on a database of a realistic size.
 *   bench_drafts [WRITES] [BYTES]   (default 500 writes of a 4000-byte text)
 * Times each write (one committed transaction, synchronous=FULL) and
 * prints the median, the 95th percentile and the worst. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_drafts.h"
#include "casebook/store_families.h"
#include "casebook/store_workers.h"
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

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	long writes = argc > 1 ? strtol(argv[1], NULL, 10) : 500;
	long bytes = argc > 2 ? strtol(argv[2], NULL, 10) : 4000;
	char dir[] = "/tmp/casebook-bench-XXXXXX", path[64];
	struct cb_store *s = NULL;
	struct cb_worker *w = cb_worker_new();
	struct cb_family *f = cb_family_new();
	struct cb_draft d = {0};
	struct cb_err err = {0};
	double *t, total = 0;
	char *text;
	long i;

	if (writes < 1 || bytes < 1 || mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/bench.db", dir);
	must(cb_store_open(path, CB_STORE_CREATE, &s, &err), &err);
	w->name = cb_strdup("Bench Worker");
	w->role = cb_strdup("social-worker");
	must(cb_store_worker_add(s, w, &err), &err);
	cb_store_set_actor(s, w->id);
	f->reference = cb_strdup("FS-000001");
	f->name = cb_strdup("Nguyễn family");
	must(cb_store_family_add(s, f, &err), &err);
	text = cb_malloc((size_t)bytes + 1);
	t = cb_calloc((size_t)writes, sizeof *t);
	d.key = cb_asprintf("note:new:%s", f->id);
	memcpy(d.family_id, f->id, CB_UUID_LEN);
	d.title = "New note";
	d.body = text;
	for (i = 0; i < writes; i++) {
		double t0;

		/* The text grows as it would while typing. */
		memset(text, 'a' + (int)(i % 26), (size_t)bytes);
		text[bytes * (i + 1) / writes] = '\0';
		t0 = now();
		must(cb_store_draft_put(s, &d, &err), &err);
		t[i] = (now() - t0) * 1000;
		total += t[i];
	}
	qsort(t, (size_t)writes, sizeof *t, by_value);
	printf("draft write (%ld writes, text up to %ld bytes): median %.2f ms, p95 %.2f ms, "
	       "worst %.2f ms, mean %.2f ms\n",
	       writes, bytes, t[writes / 2], t[writes * 95 / 100], t[writes - 1], total / writes);
	must(cb_store_draft_drop(s, d.key, &err), &err);
	cb_store_close(&s);
	snprintf(path, sizeof path, "%s/bench.db", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/bench.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/bench.db-shm", dir);
	unlink(path);
	rmdir(dir);
	free(d.key);
	free(text);
	free(t);
	cb_family_free(&f);
	cb_worker_free(&w);
	return 0;
}
