/* SPDX-License-Identifier: MIT */
/* Sync: send the rows the server lacks, then fetch the rows this laptop
 * lacks. Each batch is one transaction on the server and one here, and
 * both sides take a row they already hold as done, so a sync cut off at
 * any point is finished by the next one and nothing is doubled. */
#include "config.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/store_server.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "internal.h"
#include "pg_internal.h"
#include "sync_internal.h"

#define PUSH_BATCH 500
#define PULL_BATCH 2000

/* The test suite's fault injection: after this many batches, stop as a
 * kill would (no commit on either side). 0: never. */
static long
fault_after(void)
{
	const char *v = getenv("CASEBOOK_SYNC_FAULT_AFTER");

	return v != NULL ? atol(v) : 0;
}

static char *
worker_name(struct cb_store *s, const char *id)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(s->db, "SELECT name FROM workers_current WHERE worker_id = ?1", -1,
	                       &st, NULL) != SQLITE_OK)
		return cb_strdup(id);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = st_col_str(st, 0);
	sqlite3_finalize(st);
	return v != NULL ? v : cb_strdup(id);
}

/* One element of a PostgreSQL array literal: quoted, with " and \
 * escaped; NULL for no value. */
static void
array_add(struct cb_buf *b, const char *v)
{
	if (b->len > 1) /* after the opening brace */
		cb_buf_addc(b, ',');
	if (v == NULL) {
		cb_buf_add(b, "NULL");
		return;
	}
	cb_buf_addc(b, '"');
	for (; *v != '\0'; v++) {
		if (*v == '"' || *v == '\\')
			cb_buf_addc(b, '\\');
		cb_buf_addc(b, *v);
	}
	cb_buf_addc(b, '"');
}

static int
push_batch(PGconn *c, struct cb_store *s, const struct sr_schema *sc, struct cb_vec *rows,
           long waiting, struct cb_err *err)
{
	struct cb_buf col[8];
	const char *p[8];
	PGresult *r;
	size_t i;
	int k, pass, rc = -1;
	char ver[16];

	memset(col, 0, sizeof col);
	if (pg_exec(c, "BEGIN", err) != 0)
		goto out;
	if (pg_exec(c, "SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK ")", err) != 0)
		goto fail;
	/* Families and their versions first, in a statement of their own:
	 * the server's check on every other row asks whether its family is
	 * one of the worker's, which a statement cannot see of its own rows. */
	for (pass = 0; pass < 2; pass++) {
		size_t n = 0;

		for (k = 0; k < 8; k++) {
			cb_buf_clear(&col[k]);
			cb_buf_add(&col[k], "{");
		}
		for (i = 0; i < rows->len; i++) {
			const struct sr_row *row = rows->items[i];
			const char *name = sc->t[row->t].name;
			bool family = strcmp(name, "families") == 0 ||
			              strcmp(name, "family_versions") == 0;

			if (family != (pass == 0))
				continue;
			n++;
			snprintf(ver, sizeof ver, "%d", row->version);
			array_add(&col[0], name);
			array_add(&col[1], row->pk);
			array_add(&col[2], row->record);
			array_add(&col[3], row->family);
			array_add(&col[4], row->team);
			array_add(&col[5], row->version > 0 ? ver : NULL);
			array_add(&col[6], row->data);
			array_add(&col[7], row->created_by);
		}
		if (n == 0)
			continue;
		for (k = 0; k < 8; k++) {
			cb_buf_addc(&col[k], '}');
			p[k] = cb_buf_str(&col[k]);
		}
		/* The batch in order (WITH ORDINALITY keeps parents before
		 * children, so sequence numbers follow). */
		r = PQexecParams(c, "INSERT INTO casebook.rows (tbl, pk, record_id, family_id, team_id,"
		                    " version, data, created_by)"
		                    " SELECT tbl, pk, record_id, family_id, team_id, version, data,"
		                    " created_by FROM unnest($1::text[], $2::text[], $3::text[],"
		                    " $4::text[], $5::text[], $6::int[], $7::text[], $8::text[])"
		                    " WITH ORDINALITY AS x (tbl, pk, record_id, family_id, team_id,"
		                    " version, data, created_by, n)"
		                    " ORDER BY n ON CONFLICT (tbl, pk) DO NOTHING",
		                 8, NULL, p, NULL, NULL, 0);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			const char *m = PQresultErrorMessage(r);

			if (m != NULL && strstr(m, "row-level security") != NULL) {
				PQclear(r);
				pg_rollback(c);
				cb_err_set(err, CB_EPERM,
				           ngettext("the server refused a change to a family that is not in "
				                    "your team: your team may have changed; the %ld change "
				                    "waiting on this laptop is kept: ask the team manager or "
				                    "the administrator",
				                    "the server refused a change to a family that is not in "
				                    "your team: your team may have changed; the %ld changes "
				                    "waiting on this laptop are kept: ask the team manager or "
				                    "the administrator", waiting),
				           waiting);
				goto out;
			}
			pg_fail(c, r, err, _("could not send changes to the server"));
			goto fail;
		}
		PQclear(r);
	}
	if (fault_after() == 1)
		exit(3);
	if (pg_exec(c, "COMMIT", err) != 0)
		goto out;
	if (fault_after() == 2)
		exit(3);
	/* The server has them: note it here. */
	if (cb_store_begin(s, err) != 0)
		goto out;
	for (i = 0; i < rows->len; i++) {
		const struct sr_row *row = rows->items[i];

		if (sr_mark_seen(s, sc->t[row->t].name, row->pk, err) != 0) {
			cb_store_rollback(s);
			goto out;
		}
	}
	rc = cb_store_commit(s, err);
	goto out;
fail:
	pg_rollback(c);
out:
	for (k = 0; k < 8; k++)
		cb_buf_free(&col[k]);
	return rc;
}

static int
pull_batch(PGconn *c, struct cb_store *s, const struct sr_schema *sc, long long *last,
           int *got, struct cb_sync_stats *stats, struct cb_err *err)
{
	char from[32];
	const char *p[1] = {from};
	PGresult *r;
	int i, n;

	snprintf(from, sizeof from, "%lld", *last);
	r = PQexecParams(c, "SELECT seq, tbl, pk, data FROM casebook.rows WHERE seq > $1"
	                    " ORDER BY seq LIMIT " "2000",
	                 1, NULL, p, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("could not fetch changes from the server"));
	n = PQntuples(r);
	*got = n;
	if (n == 0) {
		PQclear(r);
		return 0;
	}
	if (cb_store_begin(s, err) != 0) {
		PQclear(r);
		return -1;
	}
	for (i = 0; i < n; i++) {
		enum sr_outcome o;

		if (sr_apply(s, sc, PQgetvalue(r, i, 1), PQgetvalue(r, i, 2), PQgetvalue(r, i, 3), &o,
		             err) != 0)
			goto fail;
		if (o == SR_APPLIED)
			stats->pulled++;
		else if (o == SR_ASIDE)
			stats->conflicts++;
		else if (o == SR_WAITING)
			stats->waiting++;
	}
	snprintf(from, sizeof from, "%s", PQgetvalue(r, n - 1, 0));
	PQclear(r);
	r = NULL;
	{
		long again = 0;

		if (sr_retry_waiting(s, sc, &again, err) != 0 ||
		    sr_state_set(s, "last_seq", from, err) != 0)
			goto fail;
		stats->pulled += again;
	}
	if (fault_after() == 3)
		exit(3);
	if (cb_store_commit(s, err) != 0)
		return -1;
	*last = atoll(from);
	return 0;
fail:
	if (r != NULL)
		PQclear(r);
	cb_store_rollback(s);
	return -1;
}

/* Rows fetched by tbl, pk, data (r, cleared here) put into the database
 * in one transaction, then the rows that waited for them. */
static int
apply_fetched(struct cb_store *s, const struct sr_schema *sc, PGresult *r,
              struct cb_sync_stats *stats, struct cb_err *err)
{
	int i, n = PQntuples(r);

	if (cb_store_begin(s, err) != 0) {
		PQclear(r);
		return -1;
	}
	for (i = 0; i < n; i++) {
		enum sr_outcome o;

		if (sr_apply(s, sc, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2), &o,
		             err) != 0) {
			PQclear(r);
			cb_store_rollback(s);
			return -1;
		}
		if (o == SR_APPLIED)
			stats->pulled++;
		else if (o == SR_ASIDE)
			stats->conflicts++;
	}
	PQclear(r);
	{
		long again = 0;

		if (sr_retry_waiting(s, sc, &again, err) != 0) {
			cb_store_rollback(s);
			return -1;
		}
		stats->pulled += again;
	}
	return cb_store_commit(s, err);
}

/* Rows pulled by number miss the history of a family that became visible
 * later (allocated to this worker, or the worker joined its team): fetch
 * the whole of each visible family that this laptop does not hold. */
static int
catch_up(PGconn *c, struct cb_store *s, const struct sr_schema *sc, long long upto,
         struct cb_sync_stats *stats, struct cb_err *err)
{
	PGresult *r;
	struct cb_buf ids = {0};
	char to[32];
	const char *p[2];
	int i, missing = 0;

	r = PQexec(c, "SELECT f FROM casebook.my_families() f ORDER BY f");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("could not ask the server which families you see"));
	cb_buf_add(&ids, "{");
	for (i = 0; i < PQntuples(r); i++) {
		sqlite3_stmt *st;
		bool have;

		if (st_prepare(s, "SELECT 1 FROM families WHERE id = ?1 UNION ALL "
		                  "SELECT 1 FROM sync_waiting WHERE pk = ?1", &st, err) != 0) {
			PQclear(r);
			cb_buf_free(&ids);
			return -1;
		}
		sqlite3_bind_text(st, 1, PQgetvalue(r, i, 0), -1, SQLITE_TRANSIENT);
		have = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (!have) {
			cb_buf_addf(&ids, "%s\"%s\"", missing > 0 ? "," : "", PQgetvalue(r, i, 0));
			missing++;
		}
	}
	PQclear(r);
	cb_buf_add(&ids, "}");
	if (missing == 0) {
		cb_buf_free(&ids);
		return 0;
	}
	snprintf(to, sizeof to, "%lld", upto);
	p[0] = cb_buf_str(&ids);
	p[1] = to;
	r = PQexecParams(c, "SELECT tbl, pk, data FROM casebook.rows WHERE seq <= $2"
	                    " AND (family_id = ANY ($1::text[]) OR (tbl = 'families' AND pk = ANY ($1::text[])))"
	                    " ORDER BY seq", 2, NULL, p, NULL, NULL, 0);
	cb_buf_free(&ids);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("could not fetch the families you now see"));
	return apply_fetched(s, sc, r, stats, err);
}

/* The same for a team this worker joined since the last sync: its rows
 * that belong to no family (its meetings) that were passed over by number
 * while the worker could not see them. *teams_now is the worker's teams
 * (comma-separated, sorted), to remember once the sync is done; upto 0
 * only reads them. */
static int
catch_up_teams(PGconn *c, struct cb_store *s, const struct sr_schema *sc, long long upto,
               char **teams_now, struct cb_sync_stats *stats, struct cb_err *err)
{
	PGresult *r;
	char *before = NULL, to[32];
	struct cb_buf fresh = {0};
	const char *p[2];
	int i, nfresh = 0;

	*teams_now = NULL;
	r = PQexec(c, "SELECT t FROM casebook.my_teams() t ORDER BY t");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("could not ask the server which teams you are in"));
	if (sr_state_get(s, "teams", &before, err) != 0) {
		PQclear(r);
		return -1;
	}
	{
		struct cb_buf now = {0};

		cb_buf_add(&fresh, "{");
		for (i = 0; i < PQntuples(r); i++) {
			const char *t = PQgetvalue(r, i, 0);
			char *pat = cb_asprintf(",%s,", t), *have = cb_asprintf(",%s,",
			                                                        before != NULL ? before : "");

			cb_buf_addf(&now, "%s%s", i > 0 ? "," : "", t);
			if (strstr(have, pat) == NULL) {
				cb_buf_addf(&fresh, "%s\"%s\"", nfresh > 0 ? "," : "", t);
				nfresh++;
			}
			free(pat);
			free(have);
		}
		cb_buf_add(&fresh, "}");
		*teams_now = cb_buf_take(&now);
		if (*teams_now == NULL)
			*teams_now = cb_strdup("");
	}
	PQclear(r);
	free(before);
	if (nfresh == 0 || upto == 0) {
		cb_buf_free(&fresh);
		return 0;
	}
	snprintf(to, sizeof to, "%lld", upto);
	p[0] = cb_buf_str(&fresh);
	p[1] = to;
	r = PQexecParams(c, "SELECT tbl, pk, data FROM casebook.rows WHERE seq <= $2"
	                    " AND family_id IS NULL AND team_id = ANY ($1::text[]) ORDER BY seq",
	                 2, NULL, p, NULL, NULL, 0);
	cb_buf_free(&fresh);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("could not fetch the meetings of your new team"));
	return apply_fetched(s, sc, r, stats, err);
}

void
cb_sync_stats_clear(struct cb_sync_stats *st)
{
	free(st->laptop_worker_name);
	st->laptop_worker_name = NULL;
}

int
cb_sync(struct cb_store *s, const char *url, struct cb_sync_stats *stats,
        cb_sync_progress progress, void *arg, struct cb_err *err)
{
	PGconn *c = NULL;
	PGresult *r;
	struct sr_schema *sc = NULL;
	char *remembered = NULL, *worker = NULL, *login = NULL, *last = NULL, *teams = NULL;
	char stamp[CB_STAMP_LEN];
	struct sr_counts n;
	long long seq = 0;
	int rc = -1, got;
	bool first;

	memset(stats, 0, sizeof *stats);
	if (url == NULL) {
		if (sr_state_get(s, "server", &remembered, err) != 0)
			return -1;
		url = remembered != NULL ? remembered : "";
	}
	if (pg_connect(url, &c, err) != 0)
		goto out;
	if (pg_check_schema(c, err) != 0)
		goto out;
	r = PQexec(c, "SELECT casebook.my_worker(), session_user");
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, err, _("could not ask the server who you are"));
		goto out;
	}
	login = cb_strdup(PQgetvalue(r, 0, 1));
	if (!PQgetisnull(r, 0, 0))
		worker = cb_strdup(PQgetvalue(r, 0, 0));
	PQclear(r);
	if (worker == NULL) {
		cb_err_set(err, CB_EPERM, _("%s is not a casebook worker on this server: the "
		                            "administrator adds it with casebook server add-worker"),
		           login);
		goto out;
	}
	if (sr_schema_load(s, &sc, err) != 0 ||
	    sr_count_pending(s, sc, worker, &n, err) != 0)
		goto out;
	stats->local_only = n.system;
	stats->laptop_worker = n.laptop;
	if (n.laptop > 0)
		stats->laptop_worker_name = worker_name(s, n.laptop_worker);
	if (n.others > 0) {
		long others = n.others;
		char *who = worker_name(s, n.other);

		cb_err_set(err, CB_EPERM,
		           ngettext("%ld change on this laptop was made by %s, but %s logs in for "
		                    "someone else: sync with %s's own login; nothing was sent",
		                    "%ld changes on this laptop were made by %s, but %s logs in for "
		                    "someone else: sync with %s's own login; nothing was sent", others),
		           others, who, login, who);
		free(who);
		goto out;
	}
	for (;;) {
		struct cb_vec rows = CB_VEC_OWNING(sr_row_free);

		if (sr_pending(s, sc, PUSH_BATCH, &rows, err) != 0) {
			cb_vec_clear(&rows);
			goto out;
		}
		if (rows.len == 0)
			break;
		if (push_batch(c, s, sc, &rows, n.mine - stats->pushed, err) != 0) {
			cb_vec_clear(&rows);
			goto out;
		}
		stats->pushed += (long)rows.len;
		cb_vec_clear(&rows);
		if (progress != NULL)
			progress(_("sent"), stats->pushed, arg);
	}
	if (sr_state_get(s, "last_seq", &last, err) != 0)
		goto out;
	seq = last != NULL ? atoll(last) : 0;
	first = seq == 0; /* everything is fetched by number: no team to catch up */
	do {
		if (pull_batch(c, s, sc, &seq, &got, stats, err) != 0)
			goto out;
		if (progress != NULL && got > 0)
			progress(_("fetched"), stats->pulled + stats->conflicts + stats->waiting, arg);
	} while (got == PULL_BATCH);
	if (catch_up(c, s, sc, seq, stats, err) != 0 ||
	    catch_up_teams(c, s, sc, first ? 0 : seq, &teams, stats, err) != 0)
		goto out;
	cb_stamp_now(stamp);
	if (cb_store_begin(s, err) != 0)
		goto out;
	if ((remembered == NULL && sr_state_set(s, "server", url, err) != 0) ||
	    sr_state_set(s, "last_sync", stamp, err) != 0 ||
	    sr_state_set(s, "teams", teams, err) != 0 ||
	    sr_state_set(s, "login", login, err) != 0) {
		cb_store_rollback(s);
		goto out;
	}
	rc = cb_store_commit(s, err);
out:
	if (c != NULL)
		PQfinish(c);
	sr_schema_free(&sc);
	free(remembered);
	free(worker);
	free(login);
	free(last);
	free(teams);
	return rc;
}
