/* SPDX-License-Identifier: MIT */
/* A helper for the server tests: makes records on a laptop as a worker
 * would (through the store, as the workbook does) and prints what the tests
 * compare. Not installed.
 *
 *   synctool family DB WORKER REF         a family in WORKER's team, with a note
 *   synctool notes DB WORKER REF N        N notes, each corrected once
 *   synctool correct DB WORKER REF TEXT   a new version of the family's first note
 *   synctool allocate DB WORKER REF OTHER an allocation of the family to OTHER
 *   synctool answer DB WORKER REF FIELD TEXT  the family's answer to basic-care's FIELD
 *                                         ("section.field"), saved as the workbook does
 *   synctool bulk DB WORKER PREFIX F N    F families, each with N notes corrected once,
 *                                         in one transaction (for the bench)
 *   synctool draft DB WORKER TEXT         a draft, as the editor keeps one
 *   synctool dump DB                      the canonical dump of every synced row
 *   synctool status DB                    "waiting N" and whether it has synced
 *   synctool sync DB URL                  sync through the library (for the bench)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casebook/answer.h"
#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/mem.h"
#include "casebook/note.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_drafts.h"
#include "casebook/store_families.h"
#include "casebook/store_notes.h"
#include "casebook/store_server.h"
#include "casebook/store_workers.h"
#include "casebook/vec.h"
#include "casebook/worker.h"

static int
fail(const struct cb_err *err)
{
	fprintf(stderr, "synctool: %s\n", err->msg);
	return 1;
}

static struct cb_date
today(void)
{
	struct cb_date d;
	struct cb_err err = {0};

	cb_date_parse("2026-11-20", &d, &err);
	return d;
}

static int
add_note(struct cb_store *s, const char *family, const char *text, struct cb_note **out,
         struct cb_err *err)
{
	struct cb_note *n = cb_note_new();

	snprintf(n->family_id, sizeof n->family_id, "%s", family);
	n->date = today();
	n->kind = cb_strdup("case-note");
	n->text = cb_strdup(text);
	if (cb_store_note_add(s, n, err) != 0) {
		cb_note_free(&n);
		return -1;
	}
	if (out != NULL)
		*out = n;
	else
		cb_note_free(&n);
	return 0;
}

int
main(int argc, char **argv)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct cb_worker *w = NULL;
	struct cb_family *f = NULL;
	int rc = 1;

	if (argc < 3) {
		fprintf(stderr, "usage: synctool family|notes|correct|dump|status|sync DB ...\n");
		return 2;
	}
	if (cb_store_open(argv[2], CB_STORE_OPEN, &s, &err) != 0)
		return fail(&err);
	if (strcmp(argv[1], "dump") == 0) {
		char *d;

		if (cb_sync_dump(s, &d, &err) != 0)
			goto err;
		fputs(d, stdout);
		free(d);
		rc = 0;
		goto out;
	}
	if (strcmp(argv[1], "status") == 0) {
		char *last;
		long waiting;

		if (cb_sync_status(s, &last, &waiting, &err) != 0)
			goto err;
		printf("waiting %ld %s\n", waiting, last != NULL ? "synced" : "never");
		free(last);
		rc = 0;
		goto out;
	}
	if (strcmp(argv[1], "sync") == 0 && argc == 4) {
		struct cb_sync_stats st;

		rc = cb_sync(s, argv[3], &st, NULL, NULL, &err);
		cb_sync_stats_clear(&st);
		if (rc != 0)
			goto err;
		printf("%ld %ld %ld\n", st.pushed, st.pulled, st.conflicts);
		rc = 0;
		goto out;
	}
	if (argc < 5)
		goto usage;
	if (cb_store_worker_find(s, argv[3], &w, &err) != 0)
		goto err;
	cb_store_set_actor(s, w->id);
	if (strcmp(argv[1], "family") == 0) {
		f = cb_family_new();
		f->reference = cb_strdup(argv[4]);
		f->name = cb_asprintf("%s family", argv[4]);
		snprintf(f->team_id, sizeof f->team_id, "%s", w->team_id);
		f->opened = today();
		if (cb_store_family_add(s, f, &err) != 0 || add_note(s, f->id, "Referral read.", NULL, &err) != 0)
			goto err;
		printf("%s\n", f->id);
		rc = 0;
		goto out;
	}
	if (strcmp(argv[1], "bulk") == 0 && argc == 7) {
		int nf = atoi(argv[5]), nn = atoi(argv[6]), i, j;

		if (cb_store_begin(s, &err) != 0)
			goto err;
		for (i = 0; i < nf; i++) {
			f = cb_family_new();
			f->reference = cb_asprintf("%s-%04d", argv[4], i + 1);
			f->name = cb_asprintf("%s family", f->reference);
			snprintf(f->team_id, sizeof f->team_id, "%s", w->team_id);
			f->opened = today();
			if (cb_store_family_add(s, f, &err) != 0) {
				cb_store_rollback(s);
				goto err;
			}
			for (j = 0; j < nn; j++) {
				struct cb_note *note = NULL;

				if (add_note(s, f->id, "Home visit: what is working well, worries.", &note,
				             &err) != 0) {
					cb_store_rollback(s);
					goto err;
				}
				free(note->text);
				note->text = cb_strdup("Home visit: what is working well, worries, next steps.");
				rc = cb_store_note_correct(s, note, &err);
				cb_note_free(&note);
				if (rc != 0) {
					cb_store_rollback(s);
					goto err;
				}
			}
			cb_family_free(&f);
		}
		if (cb_store_commit(s, &err) != 0)
			goto err;
		rc = 0;
		goto out;
	}
	if (strcmp(argv[1], "draft") == 0) {
		struct cb_draft d = {0};

		d.key = "note:new:synctool";
		d.title = "A note being written";
		d.body = argv[4];
		if (cb_store_draft_put(s, &d, &err) != 0)
			goto err;
		rc = 0;
		goto out;
	}
	if (cb_store_family_find_ref(s, argv[4], &f, &err) != 0)
		goto err;
	if (strcmp(argv[1], "notes") == 0 && argc == 6) {
		int i, n = atoi(argv[5]);

		for (i = 0; i < n; i++) {
			struct cb_note *note = NULL;
			char text[64];

			snprintf(text, sizeof text, "Visit %d by %s.", i + 1, w->name);
			if (add_note(s, f->id, text, &note, &err) != 0)
				goto err;
			free(note->text);
			note->text = cb_asprintf("Visit %d by %s, corrected.", i + 1, w->name);
			if (cb_store_note_correct(s, note, &err) != 0) {
				cb_note_free(&note);
				goto err;
			}
			cb_note_free(&note);
		}
		rc = 0;
		goto out;
	}
	if (strcmp(argv[1], "allocate") == 0 && argc == 6) {
		struct cb_allocation *a = cb_allocation_new();
		struct cb_worker *other = NULL;

		if (cb_store_worker_find(s, argv[5], &other, &err) != 0) {
			cb_allocation_free(&a);
			goto err;
		}
		memcpy(a->family_id, f->id, CB_UUID_LEN);
		memcpy(a->worker_id, other->id, CB_UUID_LEN);
		a->role = cb_strdup(other->role);
		a->from = today();
		cb_worker_free(&other);
		if (cb_store_allocation_add(s, a, &err) != 0) {
			cb_allocation_free(&a);
			goto err;
		}
		cb_allocation_free(&a);
		rc = 0;
		goto out;
	}
	if (strcmp(argv[1], "answer") == 0 && argc == 7) {
		struct cb_vec v = CB_VEC_OWNING(cb_answer_free_item);
		struct cb_answer *a = cb_answer_new();
		size_t i;

		memcpy(a->family_id, f->id, CB_UUID_LEN);
		a->module_id = cb_strdup("basic-care");
		a->field_key = cb_strdup(argv[5]);
		a->module_version = 1;
		a->value = cb_strdup(argv[6]);
		a->date = today();
		/* A later save is a new version of the answer shown. */
		if (cb_store_answer_list(s, f->id, "basic-care", NULL, &v, &err) != 0) {
			cb_answer_free(&a);
			cb_vec_clear(&v);
			goto err;
		}
		for (i = 0; i < v.len; i++) {
			const struct cb_answer *o = v.items[i];

			if (strcmp(o->field_key, argv[5]) == 0 && o->person_id[0] == '\0')
				a->rev.version = o->rev.version;
		}
		cb_vec_clear(&v);
		rc = cb_store_answer_save(s, a, &err);
		cb_answer_free(&a);
		if (rc != 0)
			goto err;
		goto out;
	}
	if (strcmp(argv[1], "correct") == 0 && argc == 6) {
		struct cb_vec v = CB_VEC_OWNING(cb_note_free_item);
		struct cb_note *first;

		if (cb_store_note_list(s, f->id, false, &v, &err) != 0 || v.len == 0) {
			cb_vec_clear(&v);
			goto err;
		}
		first = v.items[v.len - 1]; /* newest first: the last is the oldest */
		free(first->text);
		first->text = cb_strdup(argv[5]);
		if (cb_store_note_correct(s, first, &err) != 0) {
			cb_vec_clear(&v);
			goto err;
		}
		printf("%s\n", first->id);
		cb_vec_clear(&v);
		rc = 0;
		goto out;
	}
usage:
	fprintf(stderr, "synctool: wrong arguments\n");
	rc = 2;
	goto out;
err:
	rc = fail(&err);
out:
	cb_family_free(&f);
	cb_worker_free(&w);
	cb_store_close(&s);
	return rc;
}
