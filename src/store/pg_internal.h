/* SPDX-License-Identifier: MIT */
/* Private to src/store/pg_*.c: the libpq helpers. */
#ifndef CASEBOOK_STORE_PG_INTERNAL_H
#define CASEBOOK_STORE_PG_INTERNAL_H

#include <libpq-fe.h>

struct cb_err;

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
