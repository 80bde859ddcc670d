/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <check.h>
#include <sqlite3.h>
#include <string.h>

#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/mem.h"
#include "casebook/store_families.h"
#include "casebook/store_workers.h"
#include "storeutil.h"

struct cb_store *
tu_open(const char *path)
{
	struct cb_store *s = NULL;
	struct cb_err err = {0};

	ck_assert_msg(cb_store_open(path, CB_STORE_CREATE, &s, &err) == 0, "%s", err.msg);
	return s;
}

void
tu_raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg);
	sqlite3_close(db);
}

int
tu_raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int v = -1;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s",
	              sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

struct cb_worker *
tu_add_worker(struct cb_store *s, const char *name, const char *role)
{
	struct cb_worker *w = cb_worker_new();
	struct cb_err err = {0};

	w->name = cb_strdup(name);
	w->role = cb_strdup(role);
	ck_assert_msg(cb_store_worker_add(s, w, &err) == 0, "%s", err.msg);
	return w;
}

struct cb_family *
tu_add_family(struct cb_store *s, const char *ref, const char *name)
{
	struct cb_family *f = cb_family_new();
	struct cb_err err = {0};

	f->reference = cb_strdup(ref);
	f->name = cb_strdup(name);
	ck_assert_msg(cb_store_family_add(s, f, &err) == 0, "%s", err.msg);
	return f;
}

struct cb_person *
tu_add_person(struct cb_store *s, const struct cb_family *f, const char *name,
              enum cb_member_role role, const char *born)
{
	struct cb_person *p = cb_person_new();
	struct cb_err err = {0};

	memcpy(p->family_id, f->id, CB_UUID_LEN);
	p->name = cb_strdup(name);
	p->role = role;
	if (born != NULL)
		ck_assert_int_eq(cb_date_parse(born, &p->born, NULL), 0);
	ck_assert_msg(cb_store_person_add(s, p, &err) == 0, "%s", err.msg);
	return p;
}
