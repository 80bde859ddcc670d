/* SPDX-License-Identifier: MIT */
/* import: the sample families into real databases, again (nothing
 * changes), the corpus of bad files in tests/data/import-bad (each refused
 * with its exact messages, nothing written), dates moved to today, and
 * training mode's scratch copy beside a real database it must not touch. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/cli/cli.h"
#include "../../src/workbook/ytree.h"
#include "casebook/answer.h"
#include "casebook/date.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/import.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/note.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_answers.h"
#include "casebook/store_families.h"
#include "casebook/store_import.h"
#include "casebook/store_meetings.h"
#include "casebook/store_notes.h"
#include "casebook/store_workers.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "casebook/workbook.h"
#include "casebook/workbook_import.h"
#include "casebook/worker.h"
#include "testutil.h"

#define PRICE "d1b177b7-d815-4aa7-ba8c-b32a974922d5"
#define IMRAN "035159be-1d88-4bea-ac20-fc534986ac62"
#define GRACE "c9497022-ce36-4dc2-9b31-6673f82d05a8"

/* The real reference lists and programme, as casebook loads them. */
struct world {
	struct cb_refdata *ref;
	struct cb_programme prog;
	char *dir;   /* a private temporary folder */
	char *db;    /* dir/t.db */
};

static void
world_open(struct world *w)
{
	char *data = cb_asprintf("%s/data", tu_srcdir());
	char *modules = cb_asprintf("%s/modules", tu_srcdir());
	const char *dirs[] = {modules};
	struct cb_diags d;

	cb_diags_init(&d);
	w->ref = cb_refdata_new();
	ck_assert_int_eq(cb_refdata_load(data, w->ref, &d), 0);
	ck_assert_int_eq(cb_programme_load(dirs, 1, w->ref, &w->prog, &d, NULL), 0);
	cb_diags_clear(&d);
	w->dir = tu_tmpdir();
	w->db = tu_path(w->dir, "t.db");
	free(data);
	free(modules);
}

static void
world_close(struct world *w)
{
	tu_rmtree(w->dir);
	free(w->dir);
	free(w->db);
	cb_programme_clear(&w->prog);
	cb_refdata_free(&w->ref);
}

static char *
samples_dir(void)
{
	return cb_asprintf("%s/data/sample", tu_srcdir());
}

/* Import what read() puts in a plan into the world's database; returns
 * cb_store_import's result, with its problems in d. */
static int
import_with(struct world *w, const struct cb_import_options *opt,
            int (*read)(struct cb_import_plan *, const char *, const struct cb_refdata *,
                        const struct cb_programme *, struct cb_diags *),
            const char *what, struct cb_import_report *report, struct cb_diags *d)
{
	struct cb_import_plan *p = cb_import_plan_new(opt);
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	int rc;

	read(p, what, w->ref, &w->prog, d);
	ck_assert_int_eq(cb_store_open(w->db, CB_STORE_CREATE, &s, &err), 0);
	rc = cb_store_import(s, p, report, d, &err);
	if (rc != 0)
		ck_assert_int_eq(err.code, cb_diags_count(d) > 0 ? CB_EINVAL : err.code);
	cb_store_close(&s);
	cb_import_plan_free(&p);
	return rc;
}

static int
import_samples(struct world *w, const struct cb_import_options *opt,
               struct cb_import_report *report)
{
	char *dir = samples_dir();
	struct cb_diags d;
	int rc;

	cb_diags_init(&d);
	rc = import_with(w, opt, cb_import_read_dir, dir, report, &d);
	if (rc != 0 && cb_diags_count(&d) > 0) {
		char *line = cb_diag_format(cb_diags_at(&d, 0));

		ck_abort_msg("the samples did not import: %s", line);
	}
	cb_diags_clear(&d);
	free(dir);
	return rc;
}

/* What the sqlite3 program prints for sql: the whole database with
 * ".dump", so that two states can be compared byte for byte. */
static char *
sqlite(const char *db, const char *sql)
{
	char *cmd = cb_asprintf("sqlite3 '%s' '%s'", db, sql);
	struct cb_buf b = {0};
	char chunk[4096];
	size_t n;
	FILE *p = popen(cmd, "r");

	ck_assert_ptr_nonnull(p);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		cb_buf_addn(&b, chunk, n);
	ck_assert_int_eq(pclose(p), 0);
	free(cmd);
	return b.s != NULL ? cb_buf_take(&b) : cb_strdup("");
}

static long
count_rows(const char *db, const char *table)
{
	char *sql = cb_asprintf("SELECT count(*) FROM %s", table);
	char *out = sqlite(db, sql);
	long n = strtol(out, NULL, 10);

	free(sql);
	free(out);
	return n;
}

/* The counts of each kind of record, read from the sample files
 * themselves, independently of the importer. */
static size_t
len_of(const struct yt_node *map, const char *key)
{
	const struct yt_node *n = yt_get(map, key);

	return n != NULL && n->type == YT_SEQ ? n->n : 0;
}

static void
count_family(const struct yt_node *f, size_t *n)
{
	const struct yt_node *l;
	size_t i;

	n[CB_IMPORT_FAMILY]++;
	if ((l = yt_get(f, "members")) != NULL)
		for (i = 0; i < l->n; i++) {
			n[CB_IMPORT_PERSON]++;
			n[CB_IMPORT_STATUS] += len_of(l->kids[i], "statuses");
		}
	n[CB_IMPORT_ALLOCATION] += len_of(f, "allocations");
	n[CB_IMPORT_NOTE] += len_of(f, "notes");
	n[CB_IMPORT_SESSION] += len_of(f, "sessions");
	n[CB_IMPORT_ANSWER] += len_of(f, "answers");
	n[CB_IMPORT_STAGE] += len_of(f, "stages");
	n[CB_IMPORT_RATING] += len_of(f, "ratings");
	if ((l = yt_get(f, "goals")) != NULL)
		for (i = 0; i < l->n; i++) {
			n[CB_IMPORT_GOAL]++;
			n[CB_IMPORT_GOAL_REVIEW] += len_of(l->kids[i], "reviews");
		}
}

static void
count_meeting(const struct yt_node *m, size_t *n)
{
	const struct yt_node *l = yt_get(m, "families"), *x;
	size_t i;

	n[CB_IMPORT_MEETING]++;
	if ((x = yt_get(m, "signed")) != NULL && strcmp(x->value, "true") == 0)
		n[CB_IMPORT_SIGN]++;
	for (i = 0; l != NULL && i < l->n; i++) {
		const struct yt_node *f = l->kids[i];

		n[CB_IMPORT_MEETING_ITEM]++;
		n[CB_IMPORT_ATTENDANCE] += len_of(f, "attendance");
		n[CB_IMPORT_ACTION_REVIEW] += len_of(f, "review");
		n[CB_IMPORT_STAGE] += len_of(f, "stages");
		n[CB_IMPORT_ACTION] += len_of(f, "actions");
		n[CB_IMPORT_RATING] += yt_get(f, "rating") != NULL;
		n[CB_IMPORT_ANSWER] += yt_map_len(yt_get(f, "discussion"));
		n[CB_IMPORT_ANSWER] += yt_get(f, "reflection") != NULL;
	}
}

static void
count_samples(size_t n[CB_IMPORT_NKINDS])
{
	static const char *const files[] = {"00-team", "10-price", "20-gallagher", "30-whitlock",
	                                    "40-nguyen", "50-haddad", "90-meetings"};
	size_t i, j;

	memset(n, 0, CB_IMPORT_NKINDS * sizeof *n);
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		char *path = cb_asprintf("%s/data/sample/%s.yaml", tu_srcdir(), files[i]);
		struct cb_diags d;
		struct yt_node *root;
		const struct yt_node *l;

		cb_diags_init(&d);
		root = yt_load(path, &d);
		ck_assert_ptr_nonnull(root);
		n[CB_IMPORT_TEAM] += yt_get(root, "team") != NULL;
		n[CB_IMPORT_WORKER] += len_of(root, "workers");
		if ((l = yt_get(root, "families")) != NULL)
			for (j = 0; j < l->n; j++)
				count_family(l->kids[j], n);
		if ((l = yt_get(root, "meetings")) != NULL)
			for (j = 0; j < l->n; j++)
				count_meeting(l->kids[j], n);
		yt_free(root);
		cb_diags_clear(&d);
		free(path);
	}
}

START_TEST(samples_import)
{
	struct cb_vec rows = CB_VEC_OWNING(cb_family_row_free_item);
	static const char *const refs[] = {"FS-25-0263", "FS-25-0588", "FS-25-0731", "FS-26-0142",
	                                   "FS-26-0391"};
	struct cb_import_report r;
	size_t expect[CB_IMPORT_NKINDS], total = 0, k;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct world w;

	world_open(&w);
	count_samples(expect);
	ck_assert_int_eq(import_samples(&w, NULL, &r), 0);
	for (k = 0; k < CB_IMPORT_NKINDS; k++) {
		ck_assert_msg(r.added[k] == expect[k], "%s: imported %zu, the files have %zu",
		              cb_import_kind_label(k), r.added[k], expect[k]);
		ck_assert_uint_eq(r.there[k], 0);
		total += k == CB_IMPORT_SIGN ? 0 : expect[k];
	}
	ck_assert_uint_eq(r.added_total, total);
	ck_assert_uint_eq(expect[CB_IMPORT_FAMILY], 5);
	ck_assert_uint_eq(expect[CB_IMPORT_MEETING], 2);
	/* In the database, one identity row per record (answers given again
	 * are versions of the first). */
	ck_assert_int_eq(count_rows(w.db, "families"), 5);
	ck_assert_int_eq(count_rows(w.db, "meetings"), 2);
	ck_assert_int_eq(count_rows(w.db, "people"), (long)expect[CB_IMPORT_PERSON]);
	ck_assert_int_eq(count_rows(w.db, "notes"), (long)expect[CB_IMPORT_NOTE]);
	ck_assert_int_eq(count_rows(w.db, "actions"), (long)expect[CB_IMPORT_ACTION]);
	ck_assert_int_eq(count_rows(w.db, "answer_versions"), (long)expect[CB_IMPORT_ANSWER]);
	ck_assert_int_lt(count_rows(w.db, "answers"), (long)expect[CB_IMPORT_ANSWER]);
	ck_assert_int_eq(count_rows(w.db, "workers"), (long)expect[CB_IMPORT_WORKER] + 1);

	ck_assert_int_eq(cb_store_open(w.db, CB_STORE_OPEN, &s, &err), 0);
	ck_assert_int_eq(cb_store_family_rows(s, &rows, &err), 0);
	ck_assert_uint_eq(rows.len, 5);
	for (k = 0; k < rows.len; k++)
		ck_assert_str_eq(((struct cb_family_row *)rows.items[k])->reference, refs[k]);
	ck_assert_str_eq(((struct cb_family_row *)rows.items[3])->children,
	                 "Ellie-Mae Price: CP; Jaxon Price: CP; Ruby Price: CP");
	cb_vec_clear(&rows);
	cb_store_close(&s);
	world_close(&w);
}
END_TEST

START_TEST(reimport_changes_nothing)
{
	struct cb_import_report first, again;
	char *before, *after;
	struct world w;

	world_open(&w);
	ck_assert_int_eq(import_samples(&w, NULL, &first), 0);
	before = sqlite(w.db, ".dump");
	ck_assert_int_eq(import_samples(&w, NULL, &again), 0);
	after = sqlite(w.db, ".dump");
	ck_assert_uint_eq(again.added_total, 0);
	ck_assert_uint_eq(again.there_total, first.added_total);
	ck_assert_uint_eq(again.there[CB_IMPORT_ANSWER], first.added[CB_IMPORT_ANSWER]);
	ck_assert_uint_eq(again.there[CB_IMPORT_SIGN], 2);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	world_close(&w);
}
END_TEST

extern bool st_import_holds_search;

/* The search index an import writes at its end, for all its records at
 * once, is the one saving them a record at a time gives: the same rows,
 * numbered in the same order, the corrected answer by its later words. */
START_TEST(search_index_as_record_by_record)
{
	/* (Without the record ids: a meeting's contents are given new ones
	 * at each import.) */
	static const char rows[] = "SELECT k.n, s.body, s.folded, s.family_id, s.kind, s.day "
	                           "FROM search s JOIN search_keys k ON k.n = s.rowid ORDER BY k.n";
	struct cb_import_report r;
	char *held, *one_by_one, *todo, *answer;
	struct world w;

	world_open(&w);
	ck_assert_int_eq(import_samples(&w, NULL, &r), 0);
	held = sqlite(w.db, rows);
	todo = sqlite(w.db, "SELECT count(*) FROM search_todo UNION ALL "
	                    "SELECT count(*) FROM search_hold");
	ck_assert_str_eq(todo, "0\n0\n");
	free(todo);
	/* Ellie-Mae's answer was given twice: it is found by its later value. */
	answer = sqlite(w.db, "SELECT s.body FROM search s JOIN search_keys k ON k.n = s.rowid "
	                      "WHERE k.record_id = '\"'\"'139291f1-d97c-439f-9fa7-80821dfb267a'\"'\"'");
	ck_assert_str_eq(answer, "8\n");
	free(answer);
	world_close(&w);
	world_open(&w);
	st_import_holds_search = false;
	ck_assert_int_eq(import_samples(&w, NULL, &r), 0);
	st_import_holds_search = true;
	one_by_one = sqlite(w.db, rows);
	ck_assert_msg(strlen(held) > 1000, "too few search rows: %.200s", held);
	if (strcmp(held, one_by_one) != 0) {
		/* The rows are long: say which line differs first. */
		size_t i = 0, line = 1;

		for (; held[i] != '\0' && held[i] == one_by_one[i]; i++)
			line += held[i] == '\n';
		ck_abort_msg("the search rows differ from line %zu: '%.60s' against '%.60s'",
		             line, held + i, one_by_one + i);
	}
	free(held);
	free(one_by_one);
	world_close(&w);
}
END_TEST

/* Who wrote what: each row by its record's `by`, the minutes by the
 * minute-taker, signed off by the chair; and the caller's actor back. */
START_TEST(authors_and_signing)
{
	struct cb_vec notes = CB_VEC_OWNING(cb_note_free_item);
	struct cb_vec meetings = CB_VEC_OWNING(cb_meeting_free_item);
	struct cb_import_plan *p = cb_import_plan_new(NULL);
	struct cb_import_report r;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct cb_diags d;
	char *dir = samples_dir();
	size_t i;
	struct world w;

	world_open(&w);
	cb_diags_init(&d);
	ck_assert_int_eq(cb_import_read_dir(p, dir, w.ref, &w.prog, &d), 0);
	ck_assert_int_eq(cb_store_open(w.db, CB_STORE_CREATE, &s, &err), 0);
	ck_assert_str_eq(cb_store_actor(s), CB_SYSTEM_WORKER);
	ck_assert_int_eq(cb_store_import(s, p, &r, &d, &err), 0);
	ck_assert_str_eq(cb_store_actor(s), CB_SYSTEM_WORKER);
	ck_assert_int_eq(cb_store_note_list(s, PRICE, false, &notes, &err), 0);
	for (i = 0; i < notes.len; i++) {
		const struct cb_note *n = notes.items[i];

		if (strcmp(n->id, "7d02feb2-0986-40cf-a1d9-e29c0cd444b0") == 0)
			ck_assert_str_eq(n->rev.created_by, IMRAN);
	}
	ck_assert_int_eq(cb_store_meeting_list(s, &meetings, &err), 0);
	ck_assert_uint_eq(meetings.len, 2);
	for (i = 0; i < meetings.len; i++) {
		const struct cb_meeting *m = meetings.items[i];

		ck_assert(m->is_signed);
		ck_assert_str_eq(m->signed_by, GRACE);
		ck_assert_str_eq(m->rev.created_by, GRACE);  /* the signing version */
	}
	cb_vec_clear(&notes);
	cb_vec_clear(&meetings);
	cb_store_close(&s);
	cb_import_plan_free(&p);
	cb_diags_clear(&d);
	free(dir);
	world_close(&w);
}
END_TEST

/* Ellie-Mae's "how safe do you feel" was asked twice: the later answer is
 * a new version of the first, and its own id is kept in the audit trail. */
START_TEST(later_answer_is_a_correction)
{
	struct cb_vec list = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_vec hist = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_import_report r;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	const struct cb_answer *a = NULL;
	char *audit;
	size_t i;
	struct world w;

	world_open(&w);
	ck_assert_int_eq(import_samples(&w, NULL, &r), 0);
	ck_assert_int_eq(cb_store_open(w.db, CB_STORE_OPEN, &s, &err), 0);
	ck_assert_int_eq(cb_store_answer_list(s, PRICE, "childs-world", NULL, &list, &err), 0);
	for (i = 0; i < list.len; i++) {
		const struct cb_answer *x = list.items[i];

		if (strcmp(x->field_key, "voice.feels_safe") == 0 &&
		    strcmp(x->person_id, "f6459e4e-22f8-45b1-93c1-59a886727cd8") == 0)
			a = x;
	}
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->id, "139291f1-d97c-439f-9fa7-80821dfb267a");
	ck_assert_str_eq(a->value, "8");
	ck_assert_int_eq(a->rev.version, 2);
	ck_assert_int_eq(cb_store_answer_history(s, a->id, &hist, &err), 0);
	ck_assert_uint_eq(hist.len, 2);
	ck_assert_str_eq(((struct cb_answer *)hist.items[0])->value, "5");
	ck_assert_str_eq(((struct cb_answer *)hist.items[1])->rev.created_by,
	                 "2d43a1f9-2af9-4201-b0c4-7aa2870ad8de");
	cb_store_close(&s);
	audit = sqlite(w.db, "SELECT detail FROM audit WHERE entity_id = "
	                     "'\"'\"'35b3b69b-6037-4584-aa12-02a83dedf15e'\"'\"'");
	ck_assert_str_eq(audit, "139291f1-d97c-439f-9fa7-80821dfb267a\n");
	free(audit);
	cb_vec_clear(&list);
	cb_vec_clear(&hist);
	world_close(&w);
}
END_TEST

/* A later import builds on what is there: a December meeting reviews the
 * actions November agreed (found in the database, not the file), and a
 * third answer to Ellie-Mae's question is another version of the first. */
START_TEST(builds_on_the_database)
{
	static const char text[] =
		"casebook: 1\n"
		"meetings:\n"
		"  - id: a4d56846-079d-4d9f-82ed-b0e9bd3590c2\n"
		"    date: 2026-12-10\n"
		"    chair: " GRACE "\n"
		"    minute_taker: 99cb1cda-e6d6-4b99-a025-e67f14945ddc\n"
		"    signed: true\n"
		"    families:\n"
		"      - family: " PRICE "\n"
		"        minutes: 20\n"
		"        attendance:\n"
		"          - worker: " IMRAN "\n"
		"            status: present\n"
		"        review:\n"
		"          - action: fe990a43-ce4b-40fa-a5d4-586991c92b93\n"
		"            outcome: done\n"
		"          - action: f6608947-7e71-4cc8-818e-db72965e584b\n"
		"            outcome: done\n"
		"          - action: fa4abd27-7eec-4b02-8c64-bc24b9acec56\n"
		"            outcome: partly\n"
		"            reason: The report went out two days late.\n"
		"        discussion:\n"
		"          working_well: The review conference kept the plan as it is.\n"
		"        rating:\n"
		"          id: 6ebabe38-2315-4a2f-989b-ee6bd29ea851\n"
		"          rating: amber\n"
		"          rationale: Steady, but contact at home is still untested.\n"
		"families:\n"
		"  - id: " PRICE "\n"
		"    reference: FS-26-0142\n"
		"    name: Price family\n"
		"    by: " IMRAN "\n"
		"    opened: 2026-03-17\n"
		"    answers:\n"
		"      - id: 8ae8ae19-902c-4363-aa8a-cb86f5ee96e1\n"
		"        module: childs-world\n"
		"        version: 1\n"
		"        field: voice.feels_safe\n"
		"        person: f6459e4e-22f8-45b1-93c1-59a886727cd8\n"
		"        date: 2026-12-03\n"
		"        by: 2d43a1f9-2af9-4201-b0c4-7aa2870ad8de\n"
		"        value: 9\n";
	struct cb_vec pulled = CB_VEC_OWNING(cb_action_free_item);
	struct cb_vec hist = CB_VEC_OWNING(cb_answer_free_item);
	struct cb_import_plan *p;
	struct cb_import_report r;
	struct cb_meeting *m = NULL;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct cb_diags d;
	struct world w;
	char *before, *after;
	size_t i, reviewed;

	world_open(&w);
	ck_assert_int_eq(import_samples(&w, NULL, &r), 0);
	cb_diags_init(&d);
	p = cb_import_plan_new(NULL);
	ck_assert_int_eq(cb_import_read_bytes(p, "dec.yaml", text, sizeof text - 1, w.ref, &w.prog,
	                                      &d), 0);
	/* The actions are not in the file: the database step finds them. */
	ck_assert_uint_eq(p->refs.len > 0, 1);
	ck_assert_int_eq(cb_store_open(w.db, CB_STORE_OPEN, &s, &err), 0);
	ck_assert_int_eq(cb_store_import(s, p, &r, &d, &err), 0);
	ck_assert_uint_eq(r.added[CB_IMPORT_MEETING], 1);
	ck_assert_uint_eq(r.added[CB_IMPORT_ACTION_REVIEW], 3);
	ck_assert_uint_eq(r.added[CB_IMPORT_ANSWER], 2);  /* the discussion, the correction */
	ck_assert_uint_eq(r.added[CB_IMPORT_SIGN], 1);
	ck_assert_uint_eq(r.there[CB_IMPORT_FAMILY], 1);
	ck_assert_int_eq(cb_store_meeting_get(s, "a4d56846-079d-4d9f-82ed-b0e9bd3590c2", &m, &err), 0);
	ck_assert(m->is_signed);
	ck_assert_int_eq(cb_store_action_pull(s, PRICE, m->id, &pulled, &err), 0);
	/* November's three, reviewed here, and October's handover plan,
	 * only partly done in November and not reviewed this time. */
	ck_assert_uint_eq(pulled.len, 4);
	for (i = 0, reviewed = 0; i < pulled.len; i++)
		reviewed += ((struct cb_action *)pulled.items[i])->outcome != NULL;
	ck_assert_uint_eq(reviewed, 3);
	ck_assert_int_eq(cb_store_answer_history(s, "139291f1-d97c-439f-9fa7-80821dfb267a", &hist,
	                                         &err), 0);
	ck_assert_uint_eq(hist.len, 3);
	ck_assert_str_eq(((struct cb_answer *)hist.items[2])->value, "9");
	cb_store_close(&s);
	cb_import_plan_free(&p);

	/* And again: nothing changes. */
	before = sqlite(w.db, ".dump");
	p = cb_import_plan_new(NULL);
	ck_assert_int_eq(cb_import_read_bytes(p, "dec.yaml", text, sizeof text - 1, w.ref, &w.prog,
	                                      &d), 0);
	ck_assert_int_eq(cb_store_open(w.db, CB_STORE_OPEN, &s, &err), 0);
	ck_assert_int_eq(cb_store_import(s, p, &r, &d, &err), 0);
	ck_assert_uint_eq(r.added_total, 0);
	cb_store_close(&s);
	after = sqlite(w.db, ".dump");
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	cb_import_plan_free(&p);
	cb_meeting_free(&m);
	cb_vec_clear(&pulled);
	cb_vec_clear(&hist);
	cb_diags_clear(&d);
	world_close(&w);
}
END_TEST

/* Every file in tests/data/import-bad says, in "# expect:" lines, exactly
 * what must be reported (LINE:COL: message, after the file's name). */
static void
expectations(const char *path, struct cb_buf *out)
{
	char *text = tu_read(path, NULL), *line, *save = NULL;

	for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save))
		if (cb_str_startswith(line, "# expect: "))
			cb_buf_addf(out, "%s\n", line + strlen("# expect: "));
	free(text);
}

static char *
reported(const char *path, struct cb_diags *d)
{
	struct cb_buf b = {0};
	size_t i, skip = strlen(path);

	cb_diags_sort(d);
	for (i = 0; i < cb_diags_count(d); i++) {
		char *line = cb_diag_format(cb_diags_at(d, i));

		ck_assert_msg(strncmp(line, path, skip) == 0, "%s is not about %s", line, path);
		/* "PATH:LINE:COL: message" or "PATH: message" */
		cb_buf_addf(&b, "%s\n", line + skip + (line[skip] == ':' ? 1 : 0) +
		                        (line[skip + 1] == ' ' ? 1 : 0));
		free(line);
	}
	return cb_buf_take(&b);
}

START_TEST(bad_files_refused_exactly)
{
	char *dir = cb_asprintf("%s/tests/data/import-bad", tu_srcdir());
	struct cb_import_report r;
	char *before, *after;
	struct dirent *e;
	struct world w;
	size_t files = 0;
	DIR *dd;

	world_open(&w);
	ck_assert_int_eq(import_samples(&w, NULL, &r), 0);
	before = sqlite(w.db, ".dump");
	dd = opendir(dir);
	ck_assert_ptr_nonnull(dd);
	while ((e = readdir(dd)) != NULL) {
		struct cb_buf want = {0};
		struct cb_diags d;
		char *path, *got;

		if (!strstr(e->d_name, ".yaml"))
			continue;
		path = cb_asprintf("%s/%s", dir, e->d_name);
		expectations(path, &want);
		ck_assert_msg(want.len > 0, "%s has no '# expect:' line", path);
		cb_diags_init(&d);
		ck_assert_msg(import_with(&w, NULL, cb_import_read_file, path, &r, &d) != 0,
		              "%s was imported", path);
		got = reported(path, &d);
		ck_assert_msg(strcmp(got, cb_buf_str(&want)) == 0, "%s:\nwanted:\n%sgot:\n%s",
		              e->d_name, cb_buf_str(&want), got);
		ck_assert_uint_eq(r.added_total, 0);
		after = sqlite(w.db, ".dump");
		ck_assert_msg(strcmp(before, after) == 0, "%s changed the database", e->d_name);
		free(after);
		free(got);
		cb_buf_free(&want);
		cb_diags_clear(&d);
		free(path);
		files++;
	}
	closedir(dd);
	ck_assert_uint_ge(files, 12);
	free(before);
	free(dir);
	world_close(&w);
}
END_TEST

/* Bytes that are not even YAML, as the fuzzer sends them: problems, never
 * a plan to write. */
START_TEST(bytes_refused)
{
	static const struct {
		const char *bytes;
		const char *first;
	} cases[] = {
		{"", "x.yaml: the file is empty"},
		{"[1, 2, 3]\n", "x.yaml:1:1: an import file is a mapping"},
		{"casebook: 1\nfamilies: 7\n", "x.yaml:2:11: 'families' should be a list"},
		{"casebook: 1\nfamilies:\n  - 7\n", "x.yaml:3:5: the family should be a mapping"},
		{"casebook: 1\nworkers:\n  - {id: x, name: A, role: social-worker}\n",
		 "x.yaml:3:10: 'x' is not a record id"},
		{"casebook: 1\nworkers:\n  - {id: 5d89c517-f591-413a-905b-e4688aa650cc, name: A, "
		 "role: wizard}\n", "x.yaml:3:63: 'wizard' is not a role: use one of"},
		{"\xff\xfe\x00", "x.yaml:1:"},
	};
	struct world w;
	size_t i;

	world_open(&w);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct cb_import_plan *p = cb_import_plan_new(NULL);
		struct cb_diags d;
		char *line;

		cb_diags_init(&d);
		ck_assert_int_ne(cb_import_read_bytes(p, "x.yaml", cases[i].bytes,
		                                      strlen(cases[i].bytes) + (i == 6 ? 1 : 0),
		                                      w.ref, &w.prog, &d), 0);
		ck_assert_uint_gt(p->problems, 0);
		ck_assert_uint_eq(p->problems, cb_diags_count(&d));
		line = cb_diag_format(cb_diags_at(&d, 0));
		ck_assert_msg(cb_str_startswith(line, cases[i].first), "case %zu: %s", i, line);
		free(line);
		cb_diags_clear(&d);
		cb_import_plan_free(&p);
	}
	world_close(&w);
}
END_TEST

/* However broken a file is, the problems reported are bounded: a file
 * made of errors gets the first ones and a line saying it stopped. */
START_TEST(problems_capped)
{
	struct cb_buf good = {0}, bad = {0};
	struct cb_import_report r;
	struct cb_diags d;
	struct world w;
	char *path, *line;
	int i;

	world_open(&w);
	cb_buf_add(&bad, "casebook: 1\nworkers:\n");
	for (i = 0; i < 500; i++)
		cb_buf_addf(&bad, "  - {id: %d, name: W, role: social-worker}\n", i);
	path = tu_path(w.dir, "bad.yaml");
	tu_write(path, bad.s, bad.len);
	cb_diags_init(&d);
	ck_assert_int_ne(import_with(&w, NULL, cb_import_read_file, path, &r, &d), 0);
	ck_assert_uint_eq(cb_diags_count(&d), 201);
	line = cb_diag_format(cb_diags_at(&d, 200));
	ck_assert_msg(strstr(line, "too many problems (200)") != NULL, "%s", line);
	free(line);
	cb_diags_clear(&d);
	free(path);

	/* Each line right by itself, but naming 500 workers nobody knows. */
	cb_buf_add(&good, "casebook: 1\nteam:\n  id: 5aae0be3-77ef-4792-98a5-83a901dbe192\n"
	                  "  name: T\nworkers:\n");
	for (i = 0; i < 500; i++)
		cb_buf_addf(&good, "  - {id: %08d-0000-4000-8000-000000000000, name: W, "
		                   "role: social-worker, team: %08d-0000-4000-8000-000000000001}\n",
		            i + 1, i + 1);
	path = tu_path(w.dir, "good.yaml");
	tu_write(path, good.s, good.len);
	cb_diags_init(&d);
	ck_assert_int_ne(import_with(&w, NULL, cb_import_read_file, path, &r, &d), 0);
	ck_assert_uint_eq(cb_diags_count(&d), 201);
	line = cb_diag_format(cb_diags_at(&d, 200));
	ck_assert_msg(strstr(line, "stopped checking the import") != NULL, "%s", line);
	free(line);
	cb_diags_clear(&d);
	ck_assert_int_eq(count_rows(w.db, "workers"), 1);
	free(path);
	cb_buf_free(&good);
	cb_buf_free(&bad);
	world_close(&w);
}
END_TEST

/* A plan with problems is never written, even when the database step
 * finds nothing wrong; and one bad file stops the good ones with it. */
START_TEST(all_or_nothing)
{
	char *good = cb_asprintf("%s/data/sample/00-team.yaml", tu_srcdir());
	char *bad = cb_asprintf("%s/tests/data/import-bad/factor-21.yaml", tu_srcdir());
	const char *paths[] = {good, bad};
	struct cb_import_plan *p = cb_import_plan_new(NULL);
	struct cb_import_report r;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct cb_diags d;
	struct world w;

	world_open(&w);
	cb_diags_init(&d);
	ck_assert_int_ne(cb_import_read_files(p, paths, 2, w.ref, &w.prog, &d), 0);
	ck_assert_int_eq(cb_store_open(w.db, CB_STORE_CREATE, &s, &err), 0);
	ck_assert_int_ne(cb_store_import(s, p, &r, &d, &err), 0);
	ck_assert_int_eq(err.code, CB_EINVAL);
	ck_assert_uint_eq(r.added_total, 0);
	cb_store_close(&s);
	ck_assert_int_eq(count_rows(w.db, "workers"), 1);
	ck_assert_int_eq(count_rows(w.db, "audit"), 0);
	cb_import_plan_free(&p);
	cb_diags_clear(&d);
	free(good);
	free(bad);
	world_close(&w);
}
END_TEST

/* One new note for a family already there: only the note is added. */
START_TEST(adds_to_what_is_there)
{
	static const char text[] =
		"casebook: 1\n"
		"families:\n"
		"  - id: " PRICE "\n"
		"    reference: FS-26-0142\n"
		"    name: Price family\n"
		"    by: " IMRAN "\n"
		"    opened: 2026-03-17\n"
		"    notes:\n"
		"      - id: 5693ab9b-0e6e-4dab-9fe1-e0635cbc7aa9\n"
		"        date: 2026-11-19\n"
		"        kind: phone-call\n"
		"        by: " IMRAN "\n"
		"        text: Zoë rang to say the children enjoyed Saturday with their dad.\n"
		"      - id: 7d02feb2-0986-40cf-a1d9-e29c0cd444b0\n"
		"        date: 2026-03-17\n"
		"        kind: case-note\n"
		"        by: " IMRAN "\n"
		"        text: The first note of data/sample, already there.\n";
	struct cb_import_plan *p;
	struct cb_import_report r;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	struct cb_diags d;
	struct world w;

	world_open(&w);
	ck_assert_int_eq(import_samples(&w, NULL, &r), 0);
	cb_diags_init(&d);
	p = cb_import_plan_new(NULL);
	ck_assert_int_eq(cb_import_read_bytes(p, "more.yaml", text, sizeof text - 1, w.ref,
	                                      &w.prog, &d), 0);
	ck_assert_int_eq(cb_store_open(w.db, CB_STORE_OPEN, &s, &err), 0);
	ck_assert_int_eq(cb_store_import(s, p, &r, &d, &err), 0);
	ck_assert_uint_eq(r.added_total, 1);
	ck_assert_uint_eq(r.added[CB_IMPORT_NOTE], 1);
	ck_assert_uint_eq(r.there[CB_IMPORT_FAMILY], 1);
	ck_assert_uint_eq(r.there[CB_IMPORT_NOTE], 1);
	cb_store_close(&s);
	cb_import_plan_free(&p);
	cb_diags_clear(&d);
	world_close(&w);
}
END_TEST

/* A file can use what an earlier file defines, never a later one: the
 * message says where the later one is. */
START_TEST(later_file_named)
{
	static const char a[] =
		"casebook: 1\n"
		"families:\n"
		"  - id: 43afc5a9-68ba-476a-8548-09afab2f2479\n"
		"    reference: FS-26-0950\n"
		"    name: Adebayo family\n"
		"    by: bbafa2b5-b299-4421-851c-953672d17cd5\n"
		"    opened: 2026-10-01\n";
	static const char b[] =
		"casebook: 1\n"
		"workers:\n"
		"  - id: bbafa2b5-b299-4421-851c-953672d17cd5\n"
		"    name: Ffion Hughes\n"
		"    role: social-worker\n";
	char *pa, *pb;
	const char *paths[2];
	struct cb_import_report r;
	struct cb_diags d;
	struct world w;
	char *line, *want;

	world_open(&w);
	pa = tu_path(w.dir, "a.yaml");
	pb = tu_path(w.dir, "b.yaml");
	tu_write(pa, a, sizeof a - 1);
	tu_write(pb, b, sizeof b - 1);
	paths[0] = pb;  /* given out of order: read in name order */
	paths[1] = pa;
	cb_diags_init(&d);
	{
		struct cb_import_plan *p = cb_import_plan_new(NULL);
		struct cb_store *s = NULL;
		struct cb_err err = {0};

		ck_assert_int_eq(cb_import_read_files(p, paths, 2, w.ref, &w.prog, &d), 0);
		ck_assert_int_eq(cb_store_open(w.db, CB_STORE_CREATE, &s, &err), 0);
		ck_assert_int_ne(cb_store_import(s, p, &r, &d, &err), 0);
		cb_store_close(&s);
		cb_import_plan_free(&p);
	}
	ck_assert_uint_eq(cb_diags_count(&d), 1);
	line = cb_diag_format(cb_diags_at(&d, 0));
	want = cb_asprintf("%s:6:9: there is no worker bbafa2b5-b299-4421-851c-953672d17cd5 in "
	                   "this import or the database (it comes later, at %s:3, and files are "
	                   "imported in name order): add them to 'workers' in this file or an "
	                   "earlier one", pa, pb);
	ck_assert_str_eq(line, want);
	free(want);
	free(line);
	cb_diags_clear(&d);
	free(pa);
	free(pb);
	world_close(&w);
}
END_TEST

/* Training data is moved to look current: every date by the same number
 * of days, births and meetings included. */
START_TEST(dates_shift_to_today)
{
	struct cb_import_options opt = {true, {0, 0, 0}};
	struct cb_vec people = CB_VEC_OWNING(cb_person_free_item);
	struct cb_vec meetings = CB_VEC_OWNING(cb_meeting_free_item);
	struct cb_import_report r;
	struct cb_family *f = NULL;
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char buf[CB_DATE_LEN];
	struct world w;
	size_t i;

	world_open(&w);
	/* as_of in the samples is 2026-11-20; 100 days on is 2027-02-28. */
	opt.today = (struct cb_date){2027, 2, 28};
	ck_assert_int_eq(import_samples(&w, &opt, &r), 0);
	ck_assert_int_eq(cb_store_open(w.db, CB_STORE_OPEN, &s, &err), 0);
	ck_assert_int_eq(cb_store_family_find_ref(s, "FS-26-0142", &f, &err), 0);
	cb_date_format(f->opened, buf);
	ck_assert_str_eq(buf, "2026-06-25");   /* 2026-03-17 + 100 */
	ck_assert_int_eq(cb_store_person_list(s, PRICE, &people, &err), 0);
	for (i = 0; i < people.len; i++) {
		const struct cb_person *p = people.items[i];

		if (strcmp(p->name, "Ruby Price") == 0) {
			cb_date_format(p->born, buf);
			ck_assert_str_eq(buf, "2025-04-18");   /* 2025-01-08 + 100 */
		}
	}
	ck_assert_int_eq(cb_store_meeting_list(s, &meetings, &err), 0);
	cb_date_format(((struct cb_meeting *)meetings.items[0])->date, buf);
	ck_assert_str_eq(buf, "2027-02-20");   /* 2026-11-12 + 100 */
	cb_vec_clear(&people);
	cb_vec_clear(&meetings);
	cb_family_free(&f);
	cb_store_close(&s);
	world_close(&w);
}
END_TEST

START_TEST(shifting_needs_as_of)
{
	static const char text[] = "casebook: 1\nworkers: []\n";
	static const char far[] = "casebook: 1\nas_of: 1901-01-01\nteam:\n  id: "
	                          "5aae0be3-77ef-4792-98a5-83a901dbe192\n  name: T\n"
	                          "workers: []\nfamilies:\n  - id: "
	                          "14fc2d5a-1ee6-4750-8993-39a8239062e5\n    reference: X\n"
	                          "    name: Y\n    by: " IMRAN "\n    opened: 2999-06-01\n";
	struct cb_import_options opt = {true, {2026, 11, 27}};
	struct cb_import_plan *p = cb_import_plan_new(&opt);
	struct cb_diags d;
	char *line;

	cb_diags_init(&d);
	ck_assert_int_ne(cb_import_read_bytes(p, "t.yaml", text, sizeof text - 1, NULL, NULL, &d), 0);
	line = cb_diag_format(cb_diags_at(&d, 0));
	ck_assert_str_eq(line, "t.yaml:1:1: the file has no 'as_of' date, which is needed to move "
	                       "its dates to today: add as_of: YYYY-MM-DD");
	free(line);
	cb_diags_clear(&d);
	ck_assert_int_ne(cb_import_read_bytes(p, "far.yaml", far, sizeof far - 1, NULL, NULL, &d),
	                 0);
	line = cb_diag_format(cb_diags_at(&d, 0));
	ck_assert_msg(strstr(line, "far.yaml:12:13: moving 2999-06-01 by") == line, "%s", line);
	free(line);
	cb_diags_clear(&d);
	cb_import_plan_free(&p);
}
END_TEST

/* Training mode beside a real database at the default place: the real one
 * stays byte for byte as it was, and the scratch copy goes away. */
START_TEST(training_leaves_real_db)
{
	char *home = tu_tmpdir(), *runtime = tu_path(home, "run"), *xdg = tu_path(home, "data");
	struct cb_vec rows = CB_VEC_OWNING(cb_family_row_free_item);
	struct cb_worker wk = {0};
	struct cb_store *s = NULL;
	struct cb_err err = {0};
	char *real, *before, *after, *db = NULL, *scratch = NULL, *wal;
	struct cli c = {0};
	size_t lb, la;
	struct stat sb;

	ck_assert_int_eq(mkdir(runtime, 0700), 0);
	setenv("HOME", home, 1);
	setenv("XDG_DATA_HOME", xdg, 1);
	setenv("XDG_RUNTIME_DIR", runtime, 1);
	setenv("XDG_CONFIG_HOME", home, 1);
	setenv("CASEBOOK_TODAY", "2027-01-15", 1);
	real = cli_default_db();
	ck_assert_ptr_nonnull(real);
	ck_assert_int_eq(cb_store_open(real, CB_STORE_CREATE, &s, &err), 0);
	wk.name = cb_strdup("Siân Lloyd");
	wk.role = cb_strdup("social-worker");
	ck_assert_int_eq(cb_store_worker_add(s, &wk, &err), 0);
	cb_store_close(&s);
	before = tu_read(real, &lb);
	wal = cb_asprintf("%s-wal", real);

	c.db = real;  /* what --db would be: training must not go near it */
	c.training = true;
	ck_assert_int_eq(cli_training_prepare(&c, &db, &scratch), 0);
	ck_assert_ptr_nonnull(db);
	ck_assert_ptr_nonnull(scratch);
	ck_assert(cb_str_startswith(scratch, runtime));
	ck_assert(cb_str_startswith(db, scratch));
	ck_assert_int_eq(stat(scratch, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0700);
	ck_assert_int_eq(cb_store_open(db, CB_STORE_OPEN, &s, &err), 0);
	ck_assert_int_eq(cb_store_family_rows(s, &rows, &err), 0);
	ck_assert_uint_eq(rows.len, 5);
	cb_vec_clear(&rows);
	cb_store_close(&s);
	cli_training_cleanup(scratch);
	ck_assert_int_ne(stat(scratch, &sb), 0);
	ck_assert_int_eq(errno, ENOENT);

	after = tu_read(real, &la);
	ck_assert_uint_eq(la, lb);
	ck_assert(memcmp(before, after, lb) == 0);
	ck_assert_int_ne(stat(wal, &sb), 0);

	/* Opening it again starts afresh, in a new folder. */
	{
		char *db2 = NULL, *scratch2 = NULL;

		ck_assert_int_eq(cli_training_prepare(&c, &db2, &scratch2), 0);
		ck_assert_str_ne(scratch2, scratch);
		cli_training_cleanup(scratch2);
		free(db2);
		free(scratch2);
	}
	free(before);
	free(after);
	free(wal);
	free(db);
	free(scratch);
	free(real);
	free(wk.name);
	free(wk.role);
	cb_rev_clear(&wk.rev);
	tu_rmtree(home);
	free(home);
	free(runtime);
	free(xdg);
}
END_TEST

START_TEST(cleanup_only_its_own)
{
	char *dir = tu_tmpdir(), *f = tu_path(dir, "keep.txt");
	struct stat sb;

	tu_write(f, "x", 1);
	cli_training_cleanup(dir);   /* not a training folder: left alone */
	ck_assert_int_eq(stat(f, &sb), 0);
	cli_training_cleanup(NULL);
	tu_rmtree(dir);
	free(f);
	free(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("import");
	TCase *samples = tcase_create("samples");
	TCase *refused = tcase_create("refused");
	TCase *dates = tcase_create("dates");
	TCase *training = tcase_create("training");

	tcase_set_timeout(samples, 120);
	tcase_set_timeout(refused, 120);
	tcase_set_timeout(dates, 120);
	tcase_set_timeout(training, 120);
	tcase_add_test(samples, samples_import);
	tcase_add_test(samples, reimport_changes_nothing);
	tcase_add_test(samples, authors_and_signing);
	tcase_add_test(samples, later_answer_is_a_correction);
	tcase_add_test(samples, search_index_as_record_by_record);
	tcase_add_test(samples, adds_to_what_is_there);
	tcase_add_test(samples, builds_on_the_database);
	tcase_add_test(refused, bad_files_refused_exactly);
	tcase_add_test(refused, bytes_refused);
	tcase_add_test(refused, all_or_nothing);
	tcase_add_test(refused, later_file_named);
	tcase_add_test(refused, problems_capped);
	tcase_add_test(dates, dates_shift_to_today);
	tcase_add_test(dates, shifting_needs_as_of);
	tcase_add_test(training, training_leaves_real_db);
	tcase_add_test(training, cleanup_only_its_own);
	suite_add_tcase(s, samples);
	suite_add_tcase(s, refused);
	suite_add_tcase(s, dates);
	suite_add_tcase(s, training);
	return tu_run(s);
}
