/* SPDX-License-Identifier: MIT */
/* Private to src/store: the SQLite side of sync. Records are moved as
 * whole rows (JSON made by SQLite from the table's own columns), so every
 * table that keeps history the casebook way is synced, whoever added it. */
#ifndef CASEBOOK_STORE_SYNC_INTERNAL_H
#define CASEBOOK_STORE_SYNC_INTERNAL_H

#include <stdbool.h>

struct cb_err;
struct cb_store;
struct cb_vec;

struct sr_fk {
	char *from; /* column */
	int to;     /* index of the parent table in the schema, -1 if not synced */
};

struct sr_table {
	char *name;
	char *pk;       /* "id" or "row_id" */
	char *key;      /* for a versions table, the column naming its record */
	bool has_family, has_team, has_version;
	bool send;      /* laptops send it (workers and teams come from the server) */
	char *json_expr;  /* json_object(...) of every column */
	char *select_sql; /* pk, json of one row by pk (?1) */
	char *pending_sql;
	char *insert_sql; /* from json at ?1 */
	struct sr_fk *fks;
	int nfk;
};

struct sr_schema {
	struct sr_table *t; /* parents before children */
	int n;
};

int sr_schema_load(struct cb_store *s, struct sr_schema **out, struct cb_err *err);
void sr_schema_free(struct sr_schema **sc);
int sr_find(const struct sr_schema *sc, const char *name);

/* A row to send. */
struct sr_row {
	int t;
	char *pk, *record, *data, *family, *team, *created_by;
	int version; /* 0 when not a version */
};
void sr_row_free(void *r);

/* The family (or, failing that, team) a row belongs to on the server. */
void sr_row_family(struct cb_store *s, const struct sr_schema *sc, int ti, const char *pk,
                   const char *json, char **family, char **team);

/* Up to max local rows the server has not got, parents first. */
int sr_pending(struct cb_store *s, const struct sr_schema *sc, int max, struct cb_vec *out,
               struct cb_err *err);
/* Rows waiting to be sent: by worker (every real author when worker is
 * NULL), by casebook's own author (never sent), by a worker made on this
 * laptop, whom the server does not know (never sent; the first one's id in
 * laptop_worker), and by anyone else (the first such author's id in
 * other). */
struct sr_counts {
	long mine, system, laptop, others;
	char laptop_worker[40], other[40];
};
int sr_count_pending(struct cb_store *s, const struct sr_schema *sc, const char *worker,
                     struct sr_counts *n, struct cb_err *err);
int sr_mark_seen(struct cb_store *s, const char *tbl, const char *pk, struct cb_err *err);

enum sr_outcome { SR_APPLIED, SR_HAD, SR_ASIDE, SR_WAITING };
/* Put a row from the server into the database (inside the caller's
 * transaction). */
int sr_apply(struct cb_store *s, const struct sr_schema *sc, const char *tbl, const char *pk,
             const char *data, enum sr_outcome *out, struct cb_err *err);
/* Try the rows that were waiting for a parent again; *applied counts
 * those that went in. */
int sr_retry_waiting(struct cb_store *s, const struct sr_schema *sc, long *applied,
                     struct cb_err *err);

/* sync_state values; get returns NULL (no error) when unset. */
int sr_state_get(struct cb_store *s, const char *key, char **out, struct cb_err *err);
int sr_state_set(struct cb_store *s, const char *key, const char *value, struct cb_err *err);

#endif
