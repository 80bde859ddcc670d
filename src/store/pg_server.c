/* SPDX-License-Identifier: MIT */
/* The server schema on PostgreSQL: numbered migrations, workers' logins
 * and teams. SQL is sent with parameters; names of roles go through
 * PQescapeIdentifier. */
#include "config.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/record.h"
#include "casebook/store_server.h"
#include "casebook/uuid.h"
#include "pg_internal.h"

/* Every row a laptop sends is kept as it was sent: which table it belongs
 * to, its key, and its columns as JSON, written by SQLite on the laptop.
 * family_id and team_id are what row-level security decides on; seq is the
 * order the server accepted rows in, which laptops pull by; pushed_by is
 * the role that sent it. Nothing is updated or deleted: triggers refuse it
 * even for the owner, and workers are granted only SELECT and INSERT. */
static const char server_migration_1[] =
	"CREATE SCHEMA casebook;\n"
	"CREATE TABLE casebook.meta (key text PRIMARY KEY, value text NOT NULL);\n"
	"INSERT INTO casebook.meta VALUES ('application', 'casebook');\n"
	"CREATE TABLE casebook.migrations (version int PRIMARY KEY,\n"
	"  applied_at timestamptz NOT NULL DEFAULT now());\n"
	"CREATE TABLE casebook.logins (login name PRIMARY KEY,\n"
	"  worker_id text NOT NULL UNIQUE, role text NOT NULL);\n"
	"CREATE TABLE casebook.memberships (login name NOT NULL REFERENCES casebook.logins,\n"
	"  team_id text NOT NULL, PRIMARY KEY (login, team_id));\n"
	"CREATE TABLE casebook.rows (\n"
	"  seq bigserial PRIMARY KEY,\n"
	"  tbl text NOT NULL,\n"
	"  pk text NOT NULL CHECK (length(pk) = 36),\n"
	"  record_id text,\n"
	"  family_id text,\n"
	"  team_id text,\n"
	"  version int,\n"
	"  data text NOT NULL,\n"
	"  created_by text NOT NULL,\n"
	"  pushed_by name NOT NULL DEFAULT session_user,\n"
	"  pushed_at timestamptz NOT NULL DEFAULT now(),\n"
	"  UNIQUE (tbl, pk));\n"
	"CREATE INDEX rows_family ON casebook.rows (family_id, tbl);\n"
	"CREATE FUNCTION casebook.refuse() RETURNS trigger LANGUAGE plpgsql AS $$\n"
	"BEGIN RAISE EXCEPTION 'casebook: recorded history is never changed or deleted';\n"
	"END $$;\n"
	/* The columns row-level security decides on must say what the row
	 * itself says: a laptop cannot file a row under another family or
	 * author. */
	"CREATE FUNCTION casebook.check_row() RETURNS trigger LANGUAGE plpgsql AS $$\n"
	"DECLARE d jsonb := NEW.data::jsonb;\n"
	"BEGIN\n"
	"  IF NEW.pk IS DISTINCT FROM coalesce(d ->> 'id', d ->> 'row_id')\n"
	"     OR NEW.created_by IS DISTINCT FROM d ->> 'created_by'\n"
	"     OR (NEW.tbl = 'families' AND NEW.family_id IS DISTINCT FROM NEW.pk)\n"
	"     OR (NEW.tbl <> 'families' AND d ? 'family_id' AND d ->> 'family_id' IS NOT NULL\n"
	"         AND NEW.family_id IS DISTINCT FROM d ->> 'family_id')\n"
	"     OR (NEW.tbl = 'family_versions' AND NEW.team_id IS DISTINCT FROM d ->> 'team_id')\n"
	"  THEN RAISE EXCEPTION 'casebook: the row % of % does not match what it says', NEW.pk, NEW.tbl;\n"
	"  END IF;\n"
	"  RETURN NEW;\n"
	"END $$;\n"
	"CREATE TRIGGER rows_check BEFORE INSERT ON casebook.rows\n"
	"  FOR EACH ROW EXECUTE FUNCTION casebook.check_row();\n"
	"CREATE TRIGGER rows_keep BEFORE UPDATE OR DELETE ON casebook.rows\n"
	"  FOR EACH ROW EXECUTE FUNCTION casebook.refuse();\n"
	"CREATE TRIGGER rows_keep_all BEFORE TRUNCATE ON casebook.rows\n"
	"  FOR EACH STATEMENT EXECUTE FUNCTION casebook.refuse();\n"
	/* Who the connected role is, for the policies. SECURITY DEFINER so
	 * workers need no rights on logins and memberships. */
	"CREATE FUNCTION casebook.my_worker() RETURNS text LANGUAGE sql STABLE\n"
	"  SECURITY DEFINER SET search_path = casebook, pg_temp AS\n"
	"  $$ SELECT worker_id FROM casebook.logins WHERE login = session_user $$;\n"
	"CREATE FUNCTION casebook.my_teams() RETURNS SETOF text LANGUAGE sql STABLE\n"
	"  SECURITY DEFINER SET search_path = casebook, pg_temp AS\n"
	"  $$ SELECT team_id FROM casebook.memberships WHERE login = session_user $$;\n"
	/* A family is visible to a worker when its newest version puts it in
	 * one of their teams, or it has been allocated to them. */
	"CREATE FUNCTION casebook.my_families() RETURNS SETOF text LANGUAGE sql STABLE\n"
	"  SECURITY DEFINER SET search_path = casebook, pg_temp AS $$\n"
	"  SELECT f.family_id FROM (SELECT DISTINCT ON (family_id) family_id, team_id\n"
	"    FROM casebook.rows WHERE tbl = 'family_versions'\n"
	"    ORDER BY family_id, version DESC, seq DESC) f\n"
	"  WHERE f.team_id IN (SELECT casebook.my_teams())\n"
	"  UNION\n"
	"  SELECT family_id FROM casebook.rows WHERE tbl = 'allocations'\n"
	"    AND data::jsonb ->> 'worker_id' = casebook.my_worker() $$;\n"
	/* The same for one family, for the write policy: two index lookups
	 * rather than every family's versions for each row sent. */
	"CREATE FUNCTION casebook.family_visible(f text) RETURNS boolean LANGUAGE sql STABLE\n"
	"  SECURITY DEFINER SET search_path = casebook, pg_temp AS $$\n"
	"  SELECT (SELECT team_id FROM casebook.rows WHERE tbl = 'family_versions'\n"
	"          AND family_id = f ORDER BY version DESC, seq DESC LIMIT 1)\n"
	"         IN (SELECT casebook.my_teams())\n"
	"    OR EXISTS (SELECT 1 FROM casebook.rows WHERE tbl = 'allocations' AND family_id = f\n"
	"               AND data::jsonb ->> 'worker_id' = casebook.my_worker()) $$;\n"
	"CREATE INDEX rows_tbl_family ON casebook.rows (tbl, family_id, version);\n"
	"ALTER TABLE casebook.rows ENABLE ROW LEVEL SECURITY;\n"
	"CREATE POLICY rows_read ON casebook.rows FOR SELECT USING (\n"
	"  tbl IN ('workers', 'worker_versions', 'teams', 'team_versions')\n"
	"  OR (family_id IS NOT NULL AND family_id IN (SELECT casebook.my_families()))\n"
	"  OR (family_id IS NULL AND team_id IN (SELECT casebook.my_teams()))\n"
	"  OR pushed_by = session_user);\n"
	"CREATE POLICY rows_write ON casebook.rows FOR INSERT WITH CHECK (\n"
	"  pushed_by = session_user AND created_by = casebook.my_worker()\n"
	"  AND tbl NOT IN ('workers', 'worker_versions', 'teams', 'team_versions')\n"
	"  AND ((tbl IN ('families', 'family_versions')\n"
	"        AND team_id IN (SELECT casebook.my_teams()))\n"
	"    OR (tbl NOT IN ('families', 'family_versions') AND family_id IS NOT NULL\n"
	"        AND casebook.family_visible(family_id))\n"
	"    OR (family_id IS NULL AND team_id IN (SELECT casebook.my_teams()))\n"
	"    OR (family_id IS NULL AND tbl = 'audit')));\n"
	/* For administrators: records with two versions made from the same
	 * earlier one and not yet resolved show here. */
	"CREATE VIEW casebook.version_clashes AS\n"
	"  SELECT tbl, record_id, version, pk, family_id, pushed_by, pushed_at\n"
	"  FROM casebook.rows r WHERE version IS NOT NULL AND EXISTS (\n"
	"    SELECT 1 FROM casebook.rows o WHERE o.tbl = r.tbl AND o.record_id = r.record_id\n"
	"    AND o.version = r.version AND o.pk <> r.pk)\n"
	"  AND NOT EXISTS (SELECT 1 FROM casebook.rows x WHERE x.tbl = 'conflict_resolutions'\n"
	"    AND (x.data::jsonb ->> 'row_a' = r.pk OR x.data::jsonb ->> 'row_b' = r.pk));\n"
	"CREATE INDEX rows_record ON casebook.rows (tbl, record_id, version);\n"
	"DO $$ BEGIN\n"
	"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'casebook_worker') THEN\n"
	"    CREATE ROLE casebook_worker NOLOGIN;\n"
	"  END IF; END $$;\n"
	"REVOKE ALL ON ALL TABLES IN SCHEMA casebook FROM PUBLIC;\n"
	"GRANT USAGE ON SCHEMA casebook TO casebook_worker;\n"
	"GRANT SELECT ON casebook.meta, casebook.migrations TO casebook_worker;\n"
	"GRANT SELECT, INSERT ON casebook.rows TO casebook_worker;\n"
	"GRANT USAGE ON SEQUENCE casebook.rows_seq_seq TO casebook_worker;\n";

static const char *const server_migrations[] = {
	server_migration_1,
};

#define N_SERVER ((int)(sizeof server_migrations / sizeof *server_migrations))

int
cb_server_schema_known(void)
{
	return N_SERVER;
}

/* The first line of a libpq or server message, without the "ERROR:"
 * PostgreSQL puts in front. */
static void
first_line(const char *msg, char *out, size_t n)
{
	size_t len;

	if (msg == NULL)
		msg = "";
	if (strncmp(msg, "ERROR:  ", 8) == 0)
		msg += 8;
	if (strncmp(msg, "FATAL:  ", 8) == 0)
		msg += 8;
	len = strcspn(msg, "\n");
	if (len >= n)
		len = n - 1;
	memcpy(out, msg, len);
	out[len] = '\0';
}

int
pg_fail(PGconn *c, PGresult *r, struct cb_err *err, const char *what)
{
	char line[400];
	const char *msg = r != NULL ? PQresultErrorMessage(r) : NULL;

	if (msg == NULL || *msg == '\0')
		msg = PQerrorMessage(c);
	first_line(msg, line, sizeof line);
	if (strstr(line, "row-level security") != NULL)
		cb_err_set(err, CB_EPERM,
		           _("%s: the server refused a change this login may not make (%s): "
		             "ask the administrator which team you are in"),
		           what, line);
	else if (PQstatus(c) != CONNECTION_OK)
		cb_err_set(err, CB_EIO, _("%s: the connection to the server was lost (%s): "
		                          "sync again when it is back"), what, line);
	else
		cb_err_set(err, CB_EINVAL, "%s: %s", what, line);
	if (r != NULL)
		PQclear(r);
	return -1;
}

int
pg_exec(PGconn *c, const char *sql, struct cb_err *err)
{
	PGresult *r = PQexec(c, sql);

	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("the server refused a command"));
	PQclear(r);
	return 0;
}

void
pg_rollback(PGconn *c)
{
	PGresult *r = PQexec(c, "ROLLBACK");

	PQclear(r);
}

static void
quiet(void *arg, const PGresult *r)
{
	(void)arg;
	(void)r;
}

int
pg_connect(const char *url, PGconn **out, struct cb_err *err)
{
	PGconn *c;
	char line[400];

	*out = NULL;
	if (pg_load(err) != 0)
		return -1;
	c = PQconnectdb(url != NULL ? url : "");
	if (c == NULL)
		return cb_err_set(err, CB_ENOMEM, _("out of memory"));
	if (PQstatus(c) != CONNECTION_OK) {
		first_line(PQerrorMessage(c), line, sizeof line);
		if (strstr(line, "password") != NULL)
			cb_err_set(err, CB_EPERM,
			           _("could not log in to the server: %s: check the password "
			             "(~/.pgpass or PGPASSWORD)"), line);
		else if (strstr(line, "invalid") != NULL || strstr(line, "missing") != NULL)
			cb_err_set(err, CB_EINVAL,
			           _("the server address is not right: %s: give a libpq connection "
			             "string or a postgresql:// URI"), line);
		else
			cb_err_set(err, CB_EIO, _("could not reach the server: %s: check the address "
			                          "and that the server is running"), line);
		PQfinish(c);
		return -1;
	}
	PQsetNoticeReceiver(c, quiet, NULL);
	*out = c;
	return 0;
}

/* The server's casebook schema version: 0 when the database is empty,
 * -1 (with err) when it holds something that is not casebook's. */
static int
pg_schema_version(PGconn *c, int *out, struct cb_err *err)
{
	PGresult *r;
	int has_casebook, has_other;

	r = PQexec(c, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'casebook'),"
	              " EXISTS (SELECT 1 FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace"
	              " WHERE k.relkind IN ('r', 'v', 'p') AND n.nspname NOT IN"
	              " ('pg_catalog', 'information_schema', 'casebook')"
	              " AND n.nspname NOT LIKE 'pg_toast%')");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("could not read the server's schema"));
	has_casebook = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	has_other = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
	PQclear(r);
	if (!has_casebook) {
		*out = 0;
		if (has_other)
			return cb_err_set(err, CB_ENOTDB,
			                  _("database %s on the server is not casebook's: it holds "
			                    "other tables; give casebook an empty database of its own"),
			                  PQdb(c));
		return 0;
	}
	r = PQexec(c, "SELECT coalesce(max(version), 0) FROM casebook.migrations"
	              " WHERE EXISTS (SELECT 1 FROM casebook.meta WHERE key = 'application'"
	              " AND value = 'casebook')");
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(r);
		return cb_err_set(err, CB_ENOTDB,
		                  _("database %s on the server has a casebook schema that casebook "
		                    "did not make: give casebook an empty database of its own"),
		                  PQdb(c));
	}
	*out = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

int
pg_check_schema(PGconn *c, struct cb_err *err)
{
	int v;

	if (pg_schema_version(c, &v, err) != 0)
		return -1;
	if (v == 0)
		return cb_err_set(err, CB_ENOTDB,
		                  _("database %s on the server has no casebook schema: the "
		                    "administrator runs casebook server init first"), PQdb(c));
	if (v > N_SERVER)
		return cb_err_set(err, CB_ENEWER,
		                  _("the server's casebook schema (version %d) is newer than this "
		                    "casebook knows (%d): install the newer casebook"), v, N_SERVER);
	if (v < N_SERVER)
		return cb_err_set(err, CB_EINVAL,
		                  _("the server's casebook schema (version %d) is older than this "
		                    "casebook's (%d): the administrator runs casebook server init"),
		                  v, N_SERVER);
	return 0;
}

int
cb_server_init(const char *url, int *version, struct cb_err *err)
{
	PGconn *c;
	char sql[96];
	int have, i, rc = -1;

	if (pg_connect(url, &c, err) != 0)
		return -1;
	/* One at a time: two administrators upgrading at once wait in turn. */
	if (pg_exec(c, "BEGIN", err) != 0 ||
	    pg_exec(c, "SELECT pg_advisory_xact_lock(1128418097)", err) != 0)
		goto out;
	if (pg_schema_version(c, &have, err) != 0)
		goto rollback;
	if (have > N_SERVER) {
		cb_err_set(err, CB_ENEWER,
		           _("the server's casebook schema (version %d) is newer than this casebook "
		             "knows (%d): install the newer casebook"), have, N_SERVER);
		goto rollback;
	}
	for (i = have; i < N_SERVER; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO casebook.migrations (version) VALUES (%d)",
		         i + 1);
		if (pg_exec(c, server_migrations[i], err) != 0 || pg_exec(c, sql, err) != 0) {
			cb_err_prefix(err, _("could not upgrade the server to version %d"), i + 1);
			goto rollback;
		}
	}
	if (pg_exec(c, "COMMIT", err) != 0)
		goto out;
	*version = N_SERVER;
	rc = 0;
	goto out;
rollback:
	pg_rollback(c);
out:
	PQfinish(c);
	return rc;
}

/* Add a row as the administrator writes it: created by casebook's own
 * author. */
static int
admin_row(PGconn *c, const char *tbl, const char *pk, const char *team, int version,
          const char *data, const char *record, struct cb_err *err)
{
	const char *p[6];
	char v[16];
	PGresult *r;

	snprintf(v, sizeof v, "%d", version);
	p[0] = tbl;
	p[1] = pk;
	p[2] = team;
	p[3] = version > 0 ? v : NULL;
	p[4] = data;
	p[5] = record;
	r = PQexecParams(c, "INSERT INTO casebook.rows (tbl, pk, team_id, version, data, created_by,"
	                    " record_id) VALUES ($1, $2, $3, $4, $5, '" CB_SYSTEM_WORKER "', $6)",
	                 6, NULL, p, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return pg_fail(c, r, err, _("could not add to the server"));
	PQclear(r);
	return 0;
}

/* The identity row and first version of a team or worker, written as a
 * laptop's SQLite would write them (json_object, columns in table order). */
static int
admin_record(PGconn *c, const char *kind, const char *id, const char *fields,
             const char *team, struct cb_err *err)
{
	char now[40], ident[256], ver[1024], tbl[32], key[32], rowid[CB_UUID_LEN];
	PGresult *r;

	r = PQexec(c, "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("could not read the server's clock"));
	snprintf(now, sizeof now, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	cb_uuid_new(rowid);
	snprintf(ident, sizeof ident,
	         "{\"id\":\"%s\",\"created_at\":\"%s\",\"created_by\":\"" CB_SYSTEM_WORKER "\"}",
	         id, now);
	snprintf(tbl, sizeof tbl, "%ss", kind);
	snprintf(key, sizeof key, "%s_versions", kind);
	snprintf(ver, sizeof ver,
	         "{\"row_id\":\"%s\",\"%s_id\":\"%s\",\"version\":1,\"retracted\":0,"
	         "\"reason\":null,\"created_at\":\"%s\",\"created_by\":\"" CB_SYSTEM_WORKER "\",%s}",
	         rowid, kind, id, now, fields);
	if (admin_row(c, tbl, id, team, 0, ident, id, err) != 0 ||
	    admin_row(c, key, rowid, team, 1, ver, id, err) != 0)
		return -1;
	return 0;
}

/* JSON string contents for s (quotes, backslashes and control characters
 * escaped), or NULL when it does not fit. */
static char *
json_str(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n * 6 + 3), *p;

	if (out == NULL)
		return NULL;
	p = out;
	*p++ = '"';
	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\') {
			*p++ = '\\';
			*p++ = (char)ch;
		} else if (ch < 0x20) {
			p += sprintf(p, "\\u%04x", ch);
		} else {
			*p++ = (char)ch;
		}
	}
	*p++ = '"';
	*p = '\0';
	return out;
}

/* The id of the team called name, made if there is none. */
static int
team_id(PGconn *c, const char *name, char out[CB_UUID_LEN], struct cb_err *err)
{
	const char *p[1] = {name};
	PGresult *r;
	char *qname, fields[600];
	int rc;

	r = PQexecParams(c, "SELECT pk FROM casebook.rows WHERE tbl = 'teams' AND pk IN"
	                    " (SELECT data::jsonb ->> 'team_id' FROM casebook.rows"
	                    "  WHERE tbl = 'team_versions' AND lower(data::jsonb ->> 'name') = lower($1))"
	                    " ORDER BY seq LIMIT 1",
	                 1, NULL, p, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("could not look for the team"));
	if (PQntuples(r) == 1) {
		snprintf(out, CB_UUID_LEN, "%s", PQgetvalue(r, 0, 0));
		PQclear(r);
		return 0;
	}
	PQclear(r);
	if ((qname = json_str(name)) == NULL || strlen(qname) > 500) {
		free(qname);
		return cb_err_set(err, CB_EINVAL, _("the team's name is too long"));
	}
	cb_uuid_new(out);
	snprintf(fields, sizeof fields, "\"name\":%s", qname);
	free(qname);
	rc = admin_record(c, "team", out, fields, out, err);
	return rc;
}

static int
params(PGconn *c, const char *sql, int n, const char *const *p, struct cb_err *err)
{
	PGresult *r = PQexecParams(c, sql, n, NULL, p, NULL, NULL, 0);

	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		return pg_fail(c, r, err, _("the server refused a change"));
	PQclear(r);
	return 0;
}

int
cb_server_add_worker(const char *url, const char *name, const char *role, const char *team,
                     const char *login, struct cb_err *err)
{
	PGconn *c;
	PGresult *r;
	char tid[CB_UUID_LEN], wid[CB_UUID_LEN], *ident = NULL, *qname = NULL, *qrole = NULL;
	char fields[1200], sql[300];
	const char *p[3];
	int rc = -1;

	if (name == NULL || *name == '\0' || role == NULL || team == NULL || login == NULL)
		return cb_err_set(err, CB_EINVAL, _("say the worker's NAME, --role, --team and --login"));
	if (pg_connect(url, &c, err) != 0)
		return -1;
	if (pg_check_schema(c, err) != 0 || pg_exec(c, "BEGIN", err) != 0)
		goto out;
	if (pg_exec(c, "SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK ")", err) != 0 ||
	    team_id(c, team, tid, err) != 0)
		goto rollback;
	if ((ident = PQescapeIdentifier(c, login, strlen(login))) == NULL) {
		cb_err_set(err, CB_EINVAL, _("%s cannot be a PostgreSQL role name"), login);
		goto rollback;
	}
	/* Role names are identifiers, not parameters: escaped by libpq, and
	 * the name goes into the DO block as an escaped literal. */
	{
		char *lit = PQescapeLiteral(c, login, strlen(login));
		char body[400];

		if (lit == NULL) {
			cb_err_set(err, CB_ENOMEM, _("out of memory"));
			goto rollback;
		}
		snprintf(body, sizeof body,
		         "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s) THEN "
		         "CREATE ROLE %s LOGIN; END IF; END $$", lit, ident);
		PQfreemem(lit);
		if (strchr(login, '$') != NULL) {
			cb_err_set(err, CB_EINVAL, _("%s cannot be a PostgreSQL role name here: "
			                             "leave out '$'"), login);
			goto rollback;
		}
		if (pg_exec(c, body, err) != 0)
			goto rollback;
	}
	snprintf(sql, sizeof sql, "GRANT casebook_worker TO %s", ident);
	if (pg_exec(c, sql, err) != 0)
		goto rollback;
	p[0] = login;
	r = PQexecParams(c, "SELECT worker_id FROM casebook.logins WHERE login = $1", 1, NULL, p,
	                 NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, err, _("could not look for the login"));
		goto rollback;
	}
	if (PQntuples(r) == 1) {
		snprintf(wid, sizeof wid, "%s", PQgetvalue(r, 0, 0));
		PQclear(r);
	} else {
		PQclear(r);
		if ((qname = json_str(name)) == NULL || (qrole = json_str(role)) == NULL ||
		    strlen(qname) + strlen(qrole) > 1000) {
			cb_err_set(err, CB_EINVAL, _("the worker's name is too long"));
			goto rollback;
		}
		cb_uuid_new(wid);
		snprintf(fields, sizeof fields, "\"name\":%s,\"role\":%s,\"team_id\":\"%s\"", qname,
		         qrole, tid);
		if (admin_record(c, "worker", wid, fields, tid, err) != 0)
			goto rollback;
		p[1] = wid;
		p[2] = role;
		if (params(c, "INSERT INTO casebook.logins VALUES ($1, $2, $3)", 3, p, err) != 0)
			goto rollback;
	}
	p[1] = tid;
	if (params(c, "INSERT INTO casebook.memberships VALUES ($1, $2) ON CONFLICT DO NOTHING", 2,
	           p, err) != 0 ||
	    pg_exec(c, "COMMIT", err) != 0)
		goto out;
	rc = 0;
	goto out;
rollback:
	pg_rollback(c);
out:
	if (ident != NULL)
		PQfreemem(ident);
	free(qname);
	free(qrole);
	PQfinish(c);
	return rc;
}

int
cb_server_move_worker(const char *url, const char *login, const char *team, struct cb_err *err)
{
	PGconn *c;
	char tid[CB_UUID_LEN];
	const char *p[2] = {login, tid};
	PGresult *r;
	int rc = -1;

	if (pg_connect(url, &c, err) != 0)
		return -1;
	if (pg_check_schema(c, err) != 0 || pg_exec(c, "BEGIN", err) != 0)
		goto out;
	r = PQexecParams(c, "SELECT 1 FROM casebook.logins WHERE login = $1", 1, NULL, p, NULL,
	                 NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(c, r, err, _("could not look for the login"));
		goto rollback;
	}
	if (PQntuples(r) == 0) {
		PQclear(r);
		cb_err_set(err, CB_ENOTFOUND, _("no worker logs in as %s: add them with casebook "
		                                "server add-worker"), login);
		goto rollback;
	}
	PQclear(r);
	if (team_id(c, team, tid, err) != 0 ||
	    params(c, "DELETE FROM casebook.memberships WHERE login = $1", 1, p, err) != 0 ||
	    params(c, "INSERT INTO casebook.memberships VALUES ($1, $2)", 2, p, err) != 0 ||
	    pg_exec(c, "COMMIT", err) != 0)
		goto rollback;
	rc = 0;
	goto out;
rollback:
	pg_rollback(c);
out:
	PQfinish(c);
	return rc;
}
