#include "config.h"

#include <stdio.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/store.h"
#include "internal.h"

/* Each migration runs once, in its own transaction, and sets
 * PRAGMA user_version to its number. A migration is never edited after it
 * has shipped: a change is a new migration at the end of the list.
 *
 * Every table keeps history the same way: an identity table holds one row
 * per record (its id, and when and by whom it was first made), and a
 * _versions table holds every version of it. A correction adds a version;
 * a retraction adds a version marked retracted, with a reason. Triggers
 * refuse UPDATE and DELETE, so nothing recorded is ever overwritten. The
 * _current views show the newest version of each record that is not
 * retracted. */

#define KEEP(t)                                                                  \
	"CREATE TRIGGER " t "_no_update BEFORE UPDATE ON " t " BEGIN "            \
	"SELECT RAISE(ABORT, 'recorded history is never changed: add a new "    \
	"version instead'); END;\n"                                              \
	"CREATE TRIGGER " t "_no_delete BEFORE DELETE ON " t " BEGIN "            \
	"SELECT RAISE(ABORT, 'recorded history is never deleted: retract it "    \
	"with a reason instead'); END;\n"

/* The columns every _versions table starts with. */
#define VERSION_COLS(key, parent)                                                \
	"row_id TEXT PRIMARY KEY NOT NULL CHECK (length(row_id) = 36),\n"         \
	key " TEXT NOT NULL REFERENCES " parent "(id),\n"                          \
	"version INTEGER NOT NULL CHECK (version >= 1),\n"                         \
	"retracted INTEGER NOT NULL DEFAULT 0 CHECK (retracted IN (0, 1)),\n"      \
	"reason TEXT,\n"                                                           \
	"created_at TEXT NOT NULL,\n"                                              \
	"created_by TEXT NOT NULL REFERENCES workers(id)"

/* ... and end with (table constraints come after the columns). */
#define VERSION_END(key)                                                         \
	",\n  CHECK (retracted = 0 OR length(trim(coalesce(reason, ''))) > 0),\n"   \
	"  UNIQUE (" key ", version));\n"

#define IDENTITY_COLS                                                            \
	"id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),\n"                 \
	"created_at TEXT NOT NULL,\n"                                              \
	"created_by TEXT NOT NULL REFERENCES workers(id)"

#define CURRENT_VIEW(view, table, key)                                           \
	"CREATE VIEW " view " AS SELECT v.* FROM " table " v WHERE v.retracted = 0 " \
	"AND v.version = (SELECT max(x.version) FROM " table " x WHERE x." key     \
	" = v." key ");\n"

static const char migration_1[] =
	"PRAGMA application_id = 1128418097;\n"

	"CREATE TABLE workers (" IDENTITY_COLS ");\n"
	"CREATE TABLE worker_versions (" VERSION_COLS("worker_id", "workers") ",\n"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
	"  role TEXT NOT NULL,\n"
	"  team_id TEXT REFERENCES teams(id)"
	VERSION_END("worker_id")

	"CREATE TABLE teams (" IDENTITY_COLS ");\n"
	"CREATE TABLE team_versions (" VERSION_COLS("team_id", "teams") ",\n"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0)"
	VERSION_END("team_id")

	"CREATE TABLE families (" IDENTITY_COLS ");\n"
	"CREATE TABLE family_versions (" VERSION_COLS("family_id", "families") ",\n"
	"  reference TEXT NOT NULL CHECK (length(trim(reference)) > 0),\n"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
	"  team_id TEXT REFERENCES teams(id),\n"
	"  opened TEXT"
	VERSION_END("family_id")

	"CREATE TABLE people (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id));\n"
	"CREATE INDEX people_family ON people(family_id);\n"
	"CREATE TABLE person_versions (" VERSION_COLS("person_id", "people") ",\n"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
	"  born TEXT,\n"
	"  role TEXT NOT NULL CHECK (role IN ('child', 'parent', 'carer', 'other-adult'))"
	VERSION_END("person_id")

	"CREATE TABLE statuses (" IDENTITY_COLS ",\n"
	"  person_id TEXT NOT NULL REFERENCES people(id));\n"
	"CREATE INDEX statuses_person ON statuses(person_id);\n"
	"CREATE TABLE status_versions (" VERSION_COLS("status_id", "statuses") ",\n"
	"  status TEXT NOT NULL,\n"
	"  start_date TEXT NOT NULL,\n"
	"  cp_category TEXT,\n"
	"  legal TEXT,\n"
	"  need TEXT,\n"
	"  factors TEXT,\n"
	"  CHECK (cp_category IS NULL OR status = 'cp')"
	VERSION_END("status_id")

	"CREATE TABLE allocations (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id),\n"
	"  worker_id TEXT NOT NULL REFERENCES workers(id));\n"
	"CREATE INDEX allocations_family ON allocations(family_id);\n"
	"CREATE INDEX allocations_worker ON allocations(worker_id);\n"
	"CREATE TABLE allocation_versions (" VERSION_COLS("allocation_id", "allocations") ",\n"
	"  role TEXT NOT NULL,\n"
	"  start_date TEXT,\n"
	"  end_date TEXT"
	VERSION_END("allocation_id")

	"CREATE TABLE notes (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id));\n"
	"CREATE INDEX notes_family ON notes(family_id);\n"
	"CREATE TABLE note_versions (" VERSION_COLS("note_id", "notes") ",\n"
	"  note_date TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"
	"  body TEXT NOT NULL,\n"
	"  significant INTEGER NOT NULL DEFAULT 0 CHECK (significant IN (0, 1))"
	VERSION_END("note_id")

	"CREATE TABLE audit (\n"
	"  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),\n"
	"  created_at TEXT NOT NULL,\n"
	"  created_by TEXT NOT NULL REFERENCES workers(id),\n"
	"  action TEXT NOT NULL,\n"
	"  entity TEXT NOT NULL,\n"
	"  entity_id TEXT,\n"
	"  row_id TEXT,\n"
	"  detail TEXT);\n"
	"CREATE INDEX audit_row ON audit(row_id);\n"
	"CREATE INDEX audit_entity ON audit(entity_id);\n"

	KEEP("workers") KEEP("worker_versions") KEEP("teams") KEEP("team_versions")
	KEEP("families") KEEP("family_versions") KEEP("people") KEEP("person_versions")
	KEEP("statuses") KEEP("status_versions") KEEP("allocations")
	KEEP("allocation_versions") KEEP("notes") KEEP("note_versions") KEEP("audit")

	CURRENT_VIEW("workers_current", "worker_versions", "worker_id")
	CURRENT_VIEW("teams_current", "team_versions", "team_id")
	CURRENT_VIEW("families_current", "family_versions", "family_id")
	CURRENT_VIEW("people_current", "person_versions", "person_id")
	CURRENT_VIEW("statuses_current", "status_versions", "status_id")
	CURRENT_VIEW("allocations_current", "allocation_versions", "allocation_id")
	CURRENT_VIEW("notes_current", "note_versions", "note_id")

	/* The author of what casebook itself writes. */
	"INSERT INTO workers (id, created_at, created_by) VALUES "
	"('" CB_SYSTEM_WORKER "', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '" CB_SYSTEM_WORKER "');\n"
	"INSERT INTO worker_versions (row_id, worker_id, version, name, role, created_at, "
	"created_by) VALUES ('00000000-0000-4000-8000-000000000001', '" CB_SYSTEM_WORKER
	"', 1, 'casebook', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '" CB_SYSTEM_WORKER "');\n";

static const char *const migrations[] = {
	migration_1,
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof *migrations))

int
st_schema_known(void)
{
	return N_MIGRATIONS;
}

static int
read_version(struct cb_store *s, int *out, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare(s, "PRAGMA user_version", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : st_error(s, rc, err);
}

int
st_migrate(struct cb_store *s, struct cb_err *err)
{
	int have, i;
	char sql[64];

	if (read_version(s, &have, err) != 0)
		return -1;
	if (have > N_MIGRATIONS)
		return cb_err_set(err, CB_ENEWER,
		                  _("%s was written by a newer casebook (database version %d): "
		                    "install the newer casebook to open it"), s->path, have);
	for (i = have; i < N_MIGRATIONS; i++) {
		if (cb_store_begin(s, err) != 0)
			goto fail;
		/* Another casebook may have upgraded it while we waited. */
		if (read_version(s, &have, err) != 0) {
			cb_store_rollback(s);
			goto fail;
		}
		if (have > i) {
			cb_store_rollback(s);
			continue;
		}
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", i + 1);
		if (st_exec(s, migrations[i], err) != 0 || st_exec(s, sql, err) != 0) {
			cb_store_rollback(s);
			goto fail;
		}
		if (cb_store_commit(s, err) != 0)
			goto fail;
	}
	return 0;
fail:
	return cb_err_prefix(err, _("could not upgrade %s to database version %d"), s->path,
	                     i + 1);
}
