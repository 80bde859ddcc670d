/* SPDX-License-Identifier: MIT */
/* Who is at the keyboard: the operating-system user running casebook, and
 * the worker that user first chose. Until there are real logins, the OS
 * user is the one thing casebook did not take on trust from the person
 * typing, so it goes beside the worker's name in every audit entry. */
#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/store.h"
#include "casebook/store_workers.h"
#include "casebook/worker.h"
#include "internal.h"

void
st_os_user_init(struct cb_store *s)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0')
		snprintf(s->os_user, sizeof s->os_user, "%s", pw->pw_name);
	else
		snprintf(s->os_user, sizeof s->os_user, "uid %ld", (long)geteuid());
}

void
st_identity_probe(struct cb_store *s)
{
	s->audit_logins = st_schema_has(s, "SELECT os_user FROM audit LIMIT 0");
}

void
cb_store_set_os_user(struct cb_store *s, const char *name)
{
	snprintf(s->os_user, sizeof s->os_user, "%s", name != NULL ? name : "");
}

const char *
cb_store_os_user(const struct cb_store *s)
{
	return s->os_user;
}

static int
lookup(struct cb_store *s, const char *sql, const char *key, char *out, size_t n,
       struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (st_prepare(s, sql, &st, err) != 0)
		return -1;
	st_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

void
cb_store_set_rules(struct cb_store *s, const struct cb_refdata *rules)
{
	s->rules = rules;
}

void
cb_store_set_present(struct cb_store *s, const char *login)
{
	snprintf(s->present, sizeof s->present, "%s", login != NULL ? login : "");
}

int
cb_store_os_link(struct cb_store *s, const char *os_user, char out[CB_UUID_LEN],
                 struct cb_err *err)
{
	return lookup(s, "SELECT worker_id FROM os_links WHERE os_user = ?1",
	              os_user != NULL ? os_user : s->os_user, out, CB_UUID_LEN, err);
}

int
cb_store_worker_os_user(struct cb_store *s, const char *worker_id, char *out, size_t n,
                        struct cb_err *err)
{
	return lookup(s, "SELECT os_user FROM os_links WHERE worker_id = ?1 ORDER BY created_at "
	                 "LIMIT 1", worker_id, out, n, err);
}

static int
add_link(struct cb_store *s, const char *os_user, const char *worker_id, struct cb_err *err)
{
	sqlite3_stmt *st;
	char id[CB_UUID_LEN], now[CB_STAMP_LEN];

	if (st_prepare(s, "INSERT INTO os_links (id, created_at, os_user, worker_id) VALUES "
	                  "(?1, ?2, ?3, ?4)", &st, err) != 0)
		return -1;
	cb_uuid_new(id);
	cb_stamp_now(now);
	st_bind_text(st, 1, id);
	st_bind_text(st, 2, now);
	st_bind_text(st, 3, os_user);
	st_bind_text(st, 4, worker_id);
	return st_exec_stmt(s, st, err);
}

int
cb_store_link_os_user(struct cb_store *s, const char *os_user, const char *worker_id,
                      struct cb_err *err)
{
	char linked[CB_UUID_LEN];
	char actor[CB_UUID_LEN];
	int rc;

	if (os_user == NULL || *os_user == '\0')
		return cb_err_set(err, CB_EINVAL, _("no login name was given"));
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = cb_store_os_link(s, os_user, linked, err);
	if (rc == 0 && linked[0] != '\0' && strcmp(linked, worker_id) != 0)
		rc = cb_err_set(err, CB_EPERM,
		                _("the login %s already belongs to another worker on this computer"),
		                os_user);
	if (rc == 0 && linked[0] == '\0') {
		rc = add_link(s, os_user, worker_id, err);
		if (rc == 0) {
			/* The entry is the linked worker's, made under that login. */
			char mine[sizeof s->os_user];

			memcpy(actor, s->actor, sizeof actor);
			memcpy(mine, s->os_user, sizeof mine);
			snprintf(s->actor, sizeof s->actor, "%s", worker_id);
			snprintf(s->os_user, sizeof s->os_user, "%s", os_user);
			rc = st_audit(s, "link", "worker", worker_id, NULL, NULL, err);
			memcpy(s->actor, actor, sizeof actor);
			memcpy(s->os_user, mine, sizeof mine);
		}
	}
	return st_write_end(s, rc, err);
}

/* Working as someone other than the login's linked worker, not yet
 * confirmed: refused, naming the linked worker. Returns -1. */
static int
switch_unconfirmed(struct cb_store *s, const char *linked, struct cb_err *err)
{
	struct cb_worker *w = NULL;
	int rc;

	cb_store_worker_get(s, linked, &w, NULL);
	rc = cb_err_set(err, CB_EPERM,
	                _("the login %s works as %s on this computer: working as someone "
	                  "else is a switch, and needs confirming"),
	                s->os_user, w != NULL ? w->name : linked);
	cb_worker_free(&w);
	return rc;
}

/* Reading a database that cannot be written: no link can be made, so the
 * login reads as the worker chosen; working as someone other than its
 * linked worker is still a switch, confirmed, and audited aside. */
static int
choose_readonly(struct cb_store *s, const char *worker_id, bool confirmed, enum cb_choice *how,
                struct cb_err *err)
{
	char linked[CB_UUID_LEN], before[CB_UUID_LEN];

	if (cb_store_os_link(s, NULL, linked, err) != 0)
		return -1;
	if (linked[0] != '\0' && strcmp(linked, worker_id) != 0) {
		if (!confirmed)
			return switch_unconfirmed(s, linked, err);
		memcpy(before, s->actor, sizeof before);
		snprintf(s->actor, sizeof s->actor, "%s", worker_id);
		if (st_audit_defer(s, "switch", "worker", worker_id, linked, err) != 0) {
			memcpy(s->actor, before, sizeof before);
			return -1;
		}
		if (how != NULL)
			*how = CB_CHOICE_SWITCH;
		return 0;
	}
	snprintf(s->actor, sizeof s->actor, "%s", worker_id);
	if (how != NULL)
		*how = CB_CHOICE_SAME;
	return 0;
}

int
cb_store_choose_worker(struct cb_store *s, const char *worker_id, bool confirmed,
                       enum cb_choice *how, struct cb_err *err)
{
	char linked[CB_UUID_LEN], before[CB_UUID_LEN];
	enum cb_choice h = CB_CHOICE_SAME;
	int rc;

	memcpy(before, s->actor, sizeof before);
	if (s->readonly)
		return choose_readonly(s, worker_id, confirmed, how, err);
	if (st_write_begin(s, err) != 0)
		return -1;
	rc = cb_store_os_link(s, NULL, linked, err);
	if (rc != 0)
		return st_write_end(s, rc, err);
	/* The entries below are the chosen worker's. */
	snprintf(s->actor, sizeof s->actor, "%s", worker_id);
	if (linked[0] == '\0') {
		/* The first choice this login makes is its own worker. */
		h = CB_CHOICE_LINKED;
		rc = add_link(s, s->os_user, worker_id, err);
		if (rc == 0)
			rc = st_audit(s, "link", "worker", worker_id, NULL, NULL, err);
	} else if (strcmp(linked, worker_id) == 0) {
		h = CB_CHOICE_SAME;
	} else if (!confirmed) {
		rc = switch_unconfirmed(s, linked, err);
	} else {
		h = CB_CHOICE_SWITCH;
		rc = st_audit(s, "switch", "worker", worker_id, NULL, linked, err);
	}
	rc = st_write_end(s, rc, err);
	if (rc != 0)
		memcpy(s->actor, before, sizeof before);
	else if (how != NULL)
		*how = h;
	return rc;
}
