/* SPDX-License-Identifier: MIT */
/* Private to src/store/pg_*.c: the libpq helpers. */
#ifndef CASEBOOK_STORE_PG_INTERNAL_H
#define CASEBOOK_STORE_PG_INTERNAL_H

#include <libpq-fe.h>

struct cb_err;

/* libpq is loaded the first time the team's server is used, not when
 * casebook starts: it and what it pulls in (TLS, Kerberos, LDAP) cost
 * every start about 6 MiB and 10 ms, and most starts never sync. The
 * calls below go through this table, filled by pg_load (pg_load.c). */
#define PG_API(X) \
	X(PQclear) X(PQconnectdb) X(PQdb) X(PQerrorMessage) \
	X(PQescapeIdentifier) X(PQescapeLiteral) X(PQexec) X(PQexecParams) \
	X(PQfinish) X(PQfreemem) X(PQgetisnull) X(PQgetvalue) X(PQntuples) \
	X(PQresultErrorMessage) X(PQresultStatus) X(PQsetNoticeReceiver) \
	X(PQstatus)
struct pg_api {
#define PG_API_SLOT(f) __typeof__(f) *f;
	PG_API(PG_API_SLOT)
#undef PG_API_SLOT
};
extern struct pg_api pg_api;
/* Load libpq once; -1 with a sentence in err when it is not installed. */
int pg_load(struct cb_err *err);

#ifndef PG_LOAD_SELF
#define PQclear (pg_api.PQclear)
#define PQconnectdb (pg_api.PQconnectdb)
#define PQdb (pg_api.PQdb)
#define PQerrorMessage (pg_api.PQerrorMessage)
#define PQescapeIdentifier (pg_api.PQescapeIdentifier)
#define PQescapeLiteral (pg_api.PQescapeLiteral)
#define PQexec (pg_api.PQexec)
#define PQexecParams (pg_api.PQexecParams)
#define PQfinish (pg_api.PQfinish)
#define PQfreemem (pg_api.PQfreemem)
#define PQgetisnull (pg_api.PQgetisnull)
#define PQgetvalue (pg_api.PQgetvalue)
#define PQntuples (pg_api.PQntuples)
#define PQresultErrorMessage (pg_api.PQresultErrorMessage)
#define PQresultStatus (pg_api.PQresultStatus)
#define PQsetNoticeReceiver (pg_api.PQsetNoticeReceiver)
#define PQstatus (pg_api.PQstatus)
#endif

/* Every write of rows takes this lock first, so the server hands out
 * sequence numbers in the order writes commit: a laptop that has pulled
 * up to n never misses a row numbered below n. */
#define PG_WRITE_LOCK "1128418098"

/* Connect, with one clear line in err for a wrong address, a wrong
 * password or a server that cannot be reached. */
int pg_connect(const char *url, PGconn **out, struct cb_err *err);
/* Fill err from the result (cleared) or the connection; returns -1. */
int pg_fail(PGconn *c, PGresult *r, struct cb_err *err, const char *what);
int pg_exec(PGconn *c, const char *sql, struct cb_err *err);
void pg_rollback(PGconn *c);
/* The server holds casebook's schema at the version this build knows. */
int pg_check_schema(PGconn *c, struct cb_err *err);

#endif
