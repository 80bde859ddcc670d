/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

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

/* Programme work, goals, stages, ratings, group supervision, drafts. */
static const char migration_2[] =
	"CREATE TABLE meetings (" IDENTITY_COLS ");\n"
	"CREATE TABLE meeting_versions (" VERSION_COLS("meeting_id", "meetings") ",\n"
	"  meeting_date TEXT NOT NULL,\n"
	"  chair_id TEXT NOT NULL REFERENCES workers(id),\n"
	"  minute_taker_id TEXT NOT NULL REFERENCES workers(id),\n"
	"  team_id TEXT REFERENCES teams(id),\n"
	"  signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),\n"
	"  signed_at TEXT,\n"
	"  signed_by TEXT REFERENCES workers(id)"
	VERSION_END("meeting_id")

	"CREATE TABLE meeting_items (" IDENTITY_COLS ",\n"
	"  meeting_id TEXT NOT NULL REFERENCES meetings(id),\n"
	"  family_id TEXT NOT NULL REFERENCES families(id),\n"
	"  UNIQUE (meeting_id, family_id));\n"
	"CREATE INDEX meeting_items_family ON meeting_items(family_id);\n"
	"CREATE TABLE meeting_item_versions (" VERSION_COLS("item_id", "meeting_items") ",\n"
	"  position INTEGER NOT NULL,\n"
	"  seconds INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0)"
	VERSION_END("item_id")

	"CREATE TABLE attendance (" IDENTITY_COLS ",\n"
	"  item_id TEXT NOT NULL REFERENCES meeting_items(id),\n"
	"  worker_id TEXT NOT NULL REFERENCES workers(id),\n"
	"  UNIQUE (item_id, worker_id));\n"
	"CREATE TABLE attendance_versions (" VERSION_COLS("attendance_id", "attendance") ",\n"
	"  status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'written')),\n"
	"  contribution TEXT"
	VERSION_END("attendance_id")

	"CREATE TABLE sessions (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id));\n"
	"CREATE INDEX sessions_family ON sessions(family_id);\n"
	"CREATE TABLE session_versions (" VERSION_COLS("session_id", "sessions") ",\n"
	"  session_date TEXT NOT NULL,\n"
	"  modules TEXT NOT NULL,\n"
	"  present TEXT,\n"
	"  covered TEXT NOT NULL"
	VERSION_END("session_id")

	/* One answer per family, module, field, person and meeting; each save
	 * is a version of it, with the module version it was written under. */
	"CREATE TABLE answers (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id),\n"
	"  module_id TEXT NOT NULL,\n"
	"  field_key TEXT NOT NULL,\n"
	"  person_id TEXT REFERENCES people(id),\n"
	"  meeting_id TEXT REFERENCES meetings(id));\n"
	"CREATE UNIQUE INDEX answers_key ON answers(family_id, module_id, field_key, "
	"coalesce(person_id, ''), coalesce(meeting_id, ''));\n"
	"CREATE TABLE answer_versions (" VERSION_COLS("answer_id", "answers") ",\n"
	"  module_version INTEGER NOT NULL CHECK (module_version >= 1),\n"
	"  value TEXT NOT NULL,\n"
	"  answered_on TEXT NOT NULL"
	VERSION_END("answer_id")

	"CREATE TABLE module_marks (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id),\n"
	"  module_id TEXT NOT NULL,\n"
	"  UNIQUE (family_id, module_id));\n"
	"CREATE TABLE module_mark_versions (" VERSION_COLS("mark_id", "module_marks") ",\n"
	"  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),\n"
	"  marked_on TEXT NOT NULL"
	VERSION_END("mark_id")

	"CREATE TABLE goals (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id),\n"
	"  person_id TEXT REFERENCES people(id));\n"
	"CREATE INDEX goals_family ON goals(family_id);\n"
	"CREATE TABLE goal_versions (" VERSION_COLS("goal_id", "goals") ",\n"
	"  words TEXT NOT NULL CHECK (length(trim(words)) > 0),\n"
	"  proposed_by TEXT NOT NULL CHECK (proposed_by IN ('parent', 'child', 'worker', 'jointly')),\n"
	"  why TEXT,\n"
	"  steps TEXT,\n"
	"  target TEXT,\n"
	"  set_on TEXT NOT NULL,\n"
	"  status TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'changed', 'stopped')),\n"
	"  status_reason TEXT,\n"
	"  CHECK (status NOT IN ('changed', 'stopped') OR "
	"length(trim(coalesce(status_reason, ''))) > 0)"
	VERSION_END("goal_id")
	"CREATE TABLE goal_reviews (" IDENTITY_COLS ",\n"
	"  goal_id TEXT NOT NULL REFERENCES goals(id));\n"
	"CREATE INDEX goal_reviews_goal ON goal_reviews(goal_id);\n"
	"CREATE TABLE goal_review_versions (" VERSION_COLS("review_id", "goal_reviews") ",\n"
	"  review_date TEXT NOT NULL,\n"
	"  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),\n"
	"  note TEXT"
	VERSION_END("review_id")

	"CREATE TABLE stage_records (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id),\n"
	"  person_id TEXT NOT NULL REFERENCES people(id),\n"
	"  meeting_id TEXT REFERENCES meetings(id));\n"
	"CREATE INDEX stage_records_family ON stage_records(family_id);\n"
	"CREATE TABLE stage_versions (" VERSION_COLS("record_id", "stage_records") ",\n"
	"  issue TEXT NOT NULL,\n"
	"  stage TEXT NOT NULL,\n"
	"  assessed_on TEXT NOT NULL,\n"
	"  evidence TEXT NOT NULL CHECK (length(trim(evidence)) > 0),\n"
	"  next_signs TEXT,\n"
	"  context TEXT NOT NULL CHECK (context IN ('visit', 'supervision', 'conference'))"
	VERSION_END("record_id")

	"CREATE TABLE ratings (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id),\n"
	"  meeting_id TEXT REFERENCES meetings(id));\n"
	"CREATE INDEX ratings_family ON ratings(family_id);\n"
	"CREATE TABLE rating_versions (" VERSION_COLS("rating_id", "ratings") ",\n"
	"  rating TEXT NOT NULL,\n"
	"  rated_on TEXT NOT NULL,\n"
	"  context TEXT NOT NULL CHECK (context IN ('visit', 'supervision', 'conference')),\n"
	"  rationale TEXT NOT NULL CHECK (length(trim(rationale)) > 0),\n"
	"  agreed_by TEXT"
	VERSION_END("rating_id")

	"CREATE TABLE actions (" IDENTITY_COLS ",\n"
	"  family_id TEXT NOT NULL REFERENCES families(id),\n"
	"  meeting_id TEXT REFERENCES meetings(id));\n"
	"CREATE INDEX actions_family ON actions(family_id);\n"
	"CREATE TABLE action_versions (" VERSION_COLS("action_id", "actions") ",\n"
	"  body TEXT NOT NULL CHECK (length(trim(body)) > 0),\n"
	"  owner_id TEXT NOT NULL REFERENCES workers(id),\n"
	"  due TEXT NOT NULL"
	VERSION_END("action_id")
	"CREATE TABLE action_reviews (" IDENTITY_COLS ",\n"
	"  action_id TEXT NOT NULL REFERENCES actions(id),\n"
	"  meeting_id TEXT NOT NULL REFERENCES meetings(id),\n"
	"  UNIQUE (action_id, meeting_id));\n"
	"CREATE TABLE action_review_versions (" VERSION_COLS("review_id", "action_reviews") ",\n"
	"  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'not-done')),\n"
	"  why_not TEXT,\n"
	"  CHECK (outcome <> 'not-done' OR length(trim(coalesce(why_not, ''))) > 0)"
	VERSION_END("review_id")

	"CREATE TABLE addenda (" IDENTITY_COLS ",\n"
	"  meeting_id TEXT NOT NULL REFERENCES meetings(id),\n"
	"  family_id TEXT REFERENCES families(id));\n"
	"CREATE TABLE addendum_versions (" VERSION_COLS("addendum_id", "addenda") ",\n"
	"  body TEXT NOT NULL CHECK (length(trim(body)) > 0)"
	VERSION_END("addendum_id")

	/* Text being typed, kept every few seconds until it is saved. Drafts
	 * are scratch, not records: they are replaced and deleted, and
	 * secure_delete wipes what they held. */
	"CREATE TABLE drafts (\n"
	"  key TEXT NOT NULL,\n"
	"  worker_id TEXT NOT NULL REFERENCES workers(id),\n"
	"  family_id TEXT REFERENCES families(id),\n"
	"  title TEXT NOT NULL,\n"
	"  body TEXT NOT NULL,\n"
	"  pending_row TEXT,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  PRIMARY KEY (key, worker_id));\n"

	KEEP("meetings") KEEP("meeting_versions") KEEP("meeting_items")
	KEEP("meeting_item_versions") KEEP("attendance") KEEP("attendance_versions")
	KEEP("sessions") KEEP("session_versions") KEEP("answers") KEEP("answer_versions")
	KEEP("module_marks") KEEP("module_mark_versions") KEEP("goals") KEEP("goal_versions")
	KEEP("goal_reviews") KEEP("goal_review_versions") KEEP("stage_records")
	KEEP("stage_versions") KEEP("ratings") KEEP("rating_versions") KEEP("actions")
	KEEP("action_versions") KEEP("action_reviews") KEEP("action_review_versions")
	KEEP("addenda") KEEP("addendum_versions")

	CURRENT_VIEW("meetings_current", "meeting_versions", "meeting_id")
	CURRENT_VIEW("meeting_items_current", "meeting_item_versions", "item_id")
	CURRENT_VIEW("attendance_current", "attendance_versions", "attendance_id")
	CURRENT_VIEW("sessions_current", "session_versions", "session_id")
	CURRENT_VIEW("answers_current", "answer_versions", "answer_id")
	CURRENT_VIEW("module_marks_current", "module_mark_versions", "mark_id")
	CURRENT_VIEW("goals_current", "goal_versions", "goal_id")
	CURRENT_VIEW("goal_reviews_current", "goal_review_versions", "review_id")
	CURRENT_VIEW("stages_current", "stage_versions", "record_id")
	CURRENT_VIEW("ratings_current", "rating_versions", "rating_id")
	CURRENT_VIEW("actions_current", "action_versions", "action_id")
	CURRENT_VIEW("action_reviews_current", "action_review_versions", "review_id")
	CURRENT_VIEW("addenda_current", "addendum_versions", "addendum_id");

/* Names as people type them, and the current version of the records that
 * are looked up by name. A _heads table holds, for each family, person
 * and worker, its newest version (and whether that is a retraction) and
 * its name folded by cb_fold() (case folded, accents removed: see
 * cb_text_fold), kept by a trigger in the same transaction as each new
 * version. The _current views read the version the head points to
 * instead of working out max(version) for every row. A family's head
 * also holds the folded names of its current members, one a line, so
 * that the caseload filter reads one row per family. */
static const char migration_3[] =
	"CREATE TABLE family_heads (\n"
	"  family_id TEXT PRIMARY KEY NOT NULL REFERENCES families(id),\n"
	"  version INTEGER NOT NULL,\n"
	"  retracted INTEGER NOT NULL,\n"
	"  name_fold TEXT NOT NULL,\n"
	"  ref_fold TEXT NOT NULL,\n"
	"  members_fold TEXT NOT NULL DEFAULT '') WITHOUT ROWID;\n"
	"CREATE INDEX family_heads_ref ON family_heads(ref_fold);\n"
	"CREATE TABLE person_heads (\n"
	"  person_id TEXT PRIMARY KEY NOT NULL REFERENCES people(id),\n"
	"  family_id TEXT NOT NULL REFERENCES families(id),\n"
	"  version INTEGER NOT NULL,\n"
	"  retracted INTEGER NOT NULL,\n"
	"  name_fold TEXT NOT NULL) WITHOUT ROWID;\n"
	"CREATE INDEX person_heads_family ON person_heads(family_id);\n"
	"CREATE TABLE worker_heads (\n"
	"  worker_id TEXT PRIMARY KEY NOT NULL REFERENCES workers(id),\n"
	"  version INTEGER NOT NULL,\n"
	"  retracted INTEGER NOT NULL,\n"
	"  name_fold TEXT NOT NULL) WITHOUT ROWID;\n"
	"CREATE INDEX worker_heads_name ON worker_heads(name_fold);\n"
	"CREATE INDEX family_versions_reference ON family_versions(reference);\n"

	"INSERT INTO person_heads SELECT v.person_id, pi.family_id, v.version, v.retracted, "
	"cb_fold(v.name) FROM person_versions v JOIN people pi ON pi.id = v.person_id "
	"WHERE v.version = (SELECT max(x.version) FROM person_versions x "
	"WHERE x.person_id = v.person_id);\n"
	"INSERT INTO family_heads SELECT v.family_id, v.version, v.retracted, cb_fold(v.name), "
	"cb_fold(v.reference), coalesce((SELECT group_concat(p.name_fold, char(10)) FROM "
	"person_heads p WHERE p.family_id = v.family_id AND p.retracted = 0), '') "
	"FROM family_versions v WHERE v.version = (SELECT max(x.version) FROM "
	"family_versions x WHERE x.family_id = v.family_id);\n"
	"INSERT INTO worker_heads SELECT v.worker_id, v.version, v.retracted, cb_fold(v.name) "
	"FROM worker_versions v WHERE v.version = (SELECT max(x.version) FROM "
	"worker_versions x WHERE x.worker_id = v.worker_id);\n"

	"CREATE TRIGGER family_versions_head AFTER INSERT ON family_versions BEGIN "
	"INSERT INTO family_heads (family_id, version, retracted, name_fold, ref_fold, "
	"members_fold) VALUES (new.family_id, new.version, new.retracted, cb_fold(new.name), "
	"cb_fold(new.reference), coalesce((SELECT group_concat(p.name_fold, char(10)) FROM "
	"person_heads p WHERE p.family_id = new.family_id AND p.retracted = 0), '')) "
	"ON CONFLICT (family_id) DO UPDATE SET version = excluded.version, "
	"retracted = excluded.retracted, name_fold = excluded.name_fold, "
	"ref_fold = excluded.ref_fold WHERE excluded.version > family_heads.version; END;\n"
	"CREATE TRIGGER person_versions_head AFTER INSERT ON person_versions BEGIN "
	"INSERT INTO person_heads (person_id, family_id, version, retracted, name_fold) "
	"SELECT new.person_id, pi.family_id, new.version, new.retracted, cb_fold(new.name) "
	"FROM people pi WHERE pi.id = new.person_id "
	"ON CONFLICT (person_id) DO UPDATE SET version = excluded.version, "
	"retracted = excluded.retracted, name_fold = excluded.name_fold "
	"WHERE excluded.version > person_heads.version; "
	"UPDATE family_heads SET members_fold = coalesce((SELECT group_concat(p.name_fold, "
	"char(10)) FROM person_heads p WHERE p.family_id = family_heads.family_id AND "
	"p.retracted = 0), '') WHERE family_id = (SELECT family_id FROM people WHERE "
	"id = new.person_id); END;\n"
	"CREATE TRIGGER worker_versions_head AFTER INSERT ON worker_versions BEGIN "
	"INSERT INTO worker_heads (worker_id, version, retracted, name_fold) VALUES "
	"(new.worker_id, new.version, new.retracted, cb_fold(new.name)) "
	"ON CONFLICT (worker_id) DO UPDATE SET version = excluded.version, "
	"retracted = excluded.retracted, name_fold = excluded.name_fold "
	"WHERE excluded.version > worker_heads.version; END;\n"

	"DROP VIEW families_current;\n"
	"CREATE VIEW families_current AS SELECT v.* FROM family_heads h JOIN family_versions v "
	"ON v.family_id = h.family_id AND v.version = h.version WHERE h.retracted = 0;\n"
	"DROP VIEW people_current;\n"
	"CREATE VIEW people_current AS SELECT v.* FROM person_heads h JOIN person_versions v "
	"ON v.person_id = h.person_id AND v.version = h.version WHERE h.retracted = 0;\n"
	"DROP VIEW workers_current;\n"
	"CREATE VIEW workers_current AS SELECT v.* FROM worker_heads h JOIN worker_versions v "
	"ON v.worker_id = h.worker_id AND v.version = h.version WHERE h.retracted = 0;\n";

/* Who did it on the laptop: the operating-system user beside the worker in
 * every audit entry, and the worker each OS user chose first (a later
 * choice of someone else is a switch, confirmed and audited). Both stay
 * append-only. audit_families names the family each audit entry is about,
 * so "who looked at this family" is one query. */
static const char migration_os_user[] =
	"ALTER TABLE audit ADD COLUMN os_user TEXT;\n"
	"CREATE TABLE os_links (\n"
	"  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),\n"
	"  created_at TEXT NOT NULL,\n"
	"  os_user TEXT NOT NULL UNIQUE CHECK (length(os_user) > 0),\n"
	"  worker_id TEXT NOT NULL REFERENCES workers(id));\n"
	KEEP("os_links")
	"CREATE VIEW audit_families AS SELECT a.*, a.rowid AS seq, CASE a.entity\n"
	"  WHEN 'family' THEN a.entity_id\n"
	"  WHEN 'person' THEN (SELECT family_id FROM people WHERE id = a.entity_id)\n"
	"  WHEN 'status' THEN (SELECT p.family_id FROM statuses x JOIN people p ON p.id = "
	"x.person_id WHERE x.id = a.entity_id)\n"
	"  WHEN 'allocation' THEN (SELECT family_id FROM allocations WHERE id = a.entity_id)\n"
	"  WHEN 'note' THEN (SELECT family_id FROM notes WHERE id = a.entity_id)\n"
	"  WHEN 'session' THEN (SELECT family_id FROM sessions WHERE id = a.entity_id)\n"
	"  WHEN 'answer' THEN (SELECT family_id FROM answers WHERE id = a.entity_id)\n"
	"  WHEN 'module-mark' THEN (SELECT family_id FROM module_marks WHERE id = a.entity_id)\n"
	"  WHEN 'goal' THEN (SELECT family_id FROM goals WHERE id = a.entity_id)\n"
	"  WHEN 'goal-review' THEN (SELECT g.family_id FROM goal_reviews x JOIN goals g ON "
	"g.id = x.goal_id WHERE x.id = a.entity_id)\n"
	"  WHEN 'stage' THEN (SELECT family_id FROM stage_records WHERE id = a.entity_id)\n"
	"  WHEN 'rating' THEN (SELECT family_id FROM ratings WHERE id = a.entity_id)\n"
	"  WHEN 'meeting-item' THEN (SELECT family_id FROM meeting_items WHERE id = a.entity_id)\n"
	"  WHEN 'action' THEN (SELECT family_id FROM actions WHERE id = a.entity_id)\n"
	"  WHEN 'action-review' THEN (SELECT x.family_id FROM action_reviews r JOIN actions x "
	"ON x.id = r.action_id WHERE r.id = a.entity_id)\n"
	"  WHEN 'addendum' THEN (SELECT family_id FROM addenda WHERE id = a.entity_id)\n"
	"  END AS family_id FROM audit a;\n";
/* Sync with the team's server. sync_seen: rows the server has (sent or
 * fetched). sync_aside: a row from the server that cannot stand beside one
 * here (a second version 3 of a note, an answer made on two laptops), kept
 * in full and never changed; together with the row it clashes with it is a
 * conflict. sync_waiting: rows whose parent has not arrived yet. A
 * conflict ends with a conflict_resolutions row naming both rows and the
 * new version that resolves them; it is synced like any record. */
static const char migration_sync[] =
	"CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT);\n"
	"CREATE TABLE sync_seen (tbl TEXT NOT NULL, pk TEXT NOT NULL,\n"
	"  PRIMARY KEY (tbl, pk)) WITHOUT ROWID;\n"
	"CREATE TABLE sync_aside (tbl TEXT NOT NULL, pk TEXT NOT NULL, record TEXT,\n"
	"  clash TEXT, data TEXT NOT NULL, kept_at TEXT NOT NULL, PRIMARY KEY (tbl, pk));\n"
	"CREATE TABLE sync_waiting (tbl TEXT NOT NULL, pk TEXT NOT NULL, data TEXT NOT NULL,\n"
	"  PRIMARY KEY (tbl, pk));\n"
	"CREATE TABLE conflict_resolutions (" IDENTITY_COLS ",\n"
	"  family_id TEXT REFERENCES families(id),\n"
	"  tbl TEXT NOT NULL,\n"
	"  record_id TEXT NOT NULL,\n"
	"  row_a TEXT NOT NULL,\n"
	"  row_b TEXT NOT NULL,\n"
	"  resolved_row TEXT NOT NULL);\n"
	"CREATE INDEX conflict_resolutions_rows ON conflict_resolutions(row_b);\n"
	KEEP("sync_aside") KEEP("conflict_resolutions");

/* The current version of every other kind of record, the same way as
 * migration 3 did for families, people and workers: a head per record,
 * kept by a trigger in the transaction that adds the version, and the
 * _current view reading the version it points to (and those three views
 * again, in a form SQLite can fold into a LEFT JOIN). With SQLite's max(),
 * the bare retracted column comes from the newest version's row. */
#define HEADS(heads, view, table, key)                                           \
	"CREATE TABLE " heads " (" key " TEXT PRIMARY KEY NOT NULL, "               \
	"version INTEGER NOT NULL, retracted INTEGER NOT NULL) WITHOUT ROWID;\n"  \
	"INSERT INTO " heads " SELECT " key ", max(version), retracted FROM " table \
	" GROUP BY " key ";\n"                                                     \
	"CREATE TRIGGER " table "_head AFTER INSERT ON " table " BEGIN "           \
	"INSERT INTO " heads " VALUES (new." key ", new.version, new.retracted) "   \
	"ON CONFLICT (" key ") DO UPDATE SET version = excluded.version, "         \
	"retracted = excluded.retracted WHERE excluded.version > " heads ".version; END;\n" \
	VIEW(heads, view, table, key)

/* A _current view reads one table, so that SQLite can fold it into any
 * query, a LEFT JOIN too, and look a record's versions up by their key:
 * the version is the one its head points to, unless that is retracted. */
#define VIEW(heads, view, table, key)                                            \
	"DROP VIEW " view ";\n"                                                    \
	"CREATE VIEW " view " AS SELECT v.* FROM " table " v WHERE v.version = "    \
	"(SELECT h.version FROM " heads " h WHERE h." key " = v." key              \
	" AND h.retracted = 0);\n"

static const char migration_heads[] =
	VIEW("family_heads", "families_current", "family_versions", "family_id")
	VIEW("person_heads", "people_current", "person_versions", "person_id")
	VIEW("worker_heads", "workers_current", "worker_versions", "worker_id")
	HEADS("team_heads", "teams_current", "team_versions", "team_id")
	HEADS("status_heads", "statuses_current", "status_versions", "status_id")
	HEADS("allocation_heads", "allocations_current", "allocation_versions", "allocation_id")
	HEADS("note_heads", "notes_current", "note_versions", "note_id")
	HEADS("meeting_heads", "meetings_current", "meeting_versions", "meeting_id")
	HEADS("meeting_item_heads", "meeting_items_current", "meeting_item_versions", "item_id")
	HEADS("attendance_heads", "attendance_current", "attendance_versions", "attendance_id")
	HEADS("session_heads", "sessions_current", "session_versions", "session_id")
	HEADS("answer_heads", "answers_current", "answer_versions", "answer_id")
	HEADS("module_mark_heads", "module_marks_current", "module_mark_versions", "mark_id")
	HEADS("goal_heads", "goals_current", "goal_versions", "goal_id")
	HEADS("goal_review_heads", "goal_reviews_current", "goal_review_versions", "review_id")
	HEADS("stage_heads", "stages_current", "stage_versions", "record_id")
	HEADS("rating_heads", "ratings_current", "rating_versions", "rating_id")
	HEADS("action_heads", "actions_current", "action_versions", "action_id")
	HEADS("action_review_heads", "action_reviews_current", "action_review_versions",
	      "review_id")
	HEADS("addendum_heads", "addenda_current", "addendum_versions", "addendum_id")
	/* What the family record, series and minutes look records up by. */
	"CREATE INDEX stage_records_person ON stage_records(person_id);\n"
	"CREATE INDEX stage_records_meeting ON stage_records(meeting_id);\n"
	"CREATE INDEX ratings_meeting ON ratings(meeting_id);\n"
	"CREATE INDEX actions_meeting ON actions(meeting_id);\n"
	"CREATE INDEX addenda_meeting ON addenda(meeting_id);\n"
	"CREATE INDEX addenda_family ON addenda(family_id);\n"
	"CREATE INDEX goals_person ON goals(person_id);\n"
	"CREATE INDEX answers_person ON answers(person_id);\n"
	"CREATE INDEX answers_meeting ON answers(meeting_id);\n"
	"CREATE INDEX attendance_worker ON attendance(worker_id);\n"
	"CREATE INDEX action_reviews_meeting ON action_reviews(meeting_id);\n";

/* A draft remembers the version of the record it was written against, so
 * that applying it to a newer version asks instead of overwriting. */
static const char migration_drafts_base[] =
	"ALTER TABLE drafts ADD COLUMN base_row TEXT;\n";

/* A draft belongs to one editing session (one running casebook), not only
 * to a worker: two terminals of the same worker each keep their own text
 * instead of writing over each other's. The primary key changes, so the
 * table is made again; drafts from before have no session ('') and are
 * offered back as left by an ended one. */
static const char migration_drafts_session[] =
	"CREATE TABLE drafts_by_session (\n"
	"  key TEXT NOT NULL,\n"
	"  worker_id TEXT NOT NULL REFERENCES workers(id),\n"
	"  session TEXT NOT NULL DEFAULT '',\n"
	"  pid INTEGER NOT NULL DEFAULT 0,\n"
	"  pid_start INTEGER NOT NULL DEFAULT 0,\n"
	"  family_id TEXT REFERENCES families(id),\n"
	"  title TEXT NOT NULL,\n"
	"  body TEXT NOT NULL,\n"
	"  pending_row TEXT,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  base_row TEXT,\n"
	"  PRIMARY KEY (key, worker_id, session));\n"
	"INSERT INTO drafts_by_session (key, worker_id, family_id, title, body, pending_row,\n"
	"  updated_at, base_row)\n"
	"  SELECT key, worker_id, family_id, title, body, pending_row, updated_at, base_row\n"
	"  FROM drafts;\n"
	"DROP TABLE drafts;\n"
	"ALTER TABLE drafts_by_session RENAME TO drafts;\n";
/* Search: one row per record in an FTS5 index of its current text, kept
 * by a trigger on each kind of version in the transaction that adds it.
 * The newest version replaces the record's row (a version that arrives
 * late from another laptop, older than one here, changes nothing); a
 * retracted one leaves no row. Case and accents fold as names are typed
 * ("siobhan" finds Siobhán) with no function of casebook's own, so that
 * any SQLite can write to the database: the unicode61 tokenizer folds
 * case and the accents that are marks, and the letters whose stroke is
 * part of the letter (Ł, Ø, Đ...; see cb_text_fold) are folded by
 * replace() into a second column, filled only when that changes the
 * text. search_keys gives each record a number, the index's rowid. In
 * each SEARCH() below, "new" is the version row, "i" the record's
 * identity row (FROM from), and family, day and text are expressions
 * over them. */
#define R_(x, a, b) "replace(" x ", '" a "', '" b "')"
#define SEARCH_FOLD(x)                                                           \
	R_(R_(R_(R_(R_(R_(R_(R_(R_(R_(R_(x, "\xc5\x81", "L"), "\xc5\x82", "l"),        \
	"\xc4\x90", "D"), "\xc4\x91", "d"), "\xc3\x98", "O"), "\xc3\xb8", "o"),       \
	"\xc4\xa6", "H"), "\xc4\xa7", "h"), "\xc5\xa6", "T"), "\xc5\xa7", "t"),       \
	"\xc4\xb1", "i")
#define SEARCH_ROW(kind, inner)                                                  \
	"INSERT INTO search (rowid, body, folded, family_id, kind, day) SELECT n, t, " \
	"CASE WHEN " SEARCH_FOLD("t") " = t THEN '' ELSE " SEARCH_FOLD("t") " END, "   \
	"fam, '" kind "', d FROM (" inner ") WHERE length(t) > 0;"
#define SEARCH_TRIGGER(table, key, from, kind, family, day, text)                \
	"CREATE TRIGGER " table "_search AFTER INSERT ON " table " WHEN NOT EXISTS "   \
	"(SELECT 1 FROM " table " x WHERE x." key " = new." key                      \
	" AND x.version > new.version) BEGIN "                                       \
	"INSERT OR IGNORE INTO search_keys (record_id) VALUES (new." key "); "        \
	"DELETE FROM search WHERE rowid = (SELECT n FROM search_keys WHERE "        \
	"record_id = new." key "); "                                                 \
	SEARCH_ROW(kind, "SELECT k.n AS n, " text " AS t, " family " AS fam, " day    \
	           " AS d FROM search_keys k, " from " WHERE k.record_id = new." key    \
	           " AND i.id = new." key " AND new.retracted = 0")                    \
	" END;\n"
/* The rows for the records there already: the current version of each. */
#define SEARCH_FILL(view, key, from, kind, family, day, text)                     \
	"INSERT INTO search_keys (record_id) SELECT new." key " FROM " view " new;\n" \
	SEARCH_ROW(kind, "SELECT k.n AS n, " text " AS t, " family " AS fam, " day    \
	           " AS d FROM " view " new JOIN search_keys k ON k.record_id = new."   \
	           key ", " from " WHERE i.id = new." key)                              \
	"\n"
#define SEARCH(table, view, key, from, kind, family, day, text)                  \
	SEARCH_FILL(view, key, from, kind, family, day, text)                         \
	SEARCH_TRIGGER(table, key, from, kind, family, day, text)
#define MEETING_DAY(m)                                                           \
	"(SELECT meeting_date FROM meetings_current WHERE meeting_id = " m ")"
#define NL " || char(10) || "

static const char migration_search[] =
	"CREATE TABLE search_keys (n INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE);\n"
	"CREATE VIRTUAL TABLE search USING fts5(body, folded, family_id UNINDEXED, kind UNINDEXED, "
	"day UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');\n"
	SEARCH("family_versions", "families_current", "family_id", "families i", "family",
	       "i.id", "new.opened", "new.reference || ' ' || new.name")
	SEARCH("person_versions", "people_current", "person_id", "people i", "person",
	       "i.family_id", "NULL", "new.name")
	SEARCH("note_versions", "notes_current", "note_id", "notes i", "note", "i.family_id",
	       "new.note_date", "new.body")
	SEARCH("session_versions", "sessions_current", "session_id", "sessions i", "session",
	       "i.family_id", "new.session_date", "new.covered")
	SEARCH("answer_versions", "answers_current", "answer_id", "answers i", "answer",
	       "i.family_id", "new.answered_on", "new.value")
	SEARCH("goal_versions", "goals_current", "goal_id", "goals i", "goal", "i.family_id",
	       "new.set_on", "new.words" NL "coalesce(new.why, '')" NL "coalesce(new.steps, '')"
	       NL "coalesce(new.target, '')" NL "coalesce(new.status_reason, '')")
	SEARCH("goal_review_versions", "goal_reviews_current", "review_id",
	       "goal_reviews i JOIN goals g ON g.id = i.goal_id", "review", "g.family_id",
	       "new.review_date", "coalesce(new.note, '')")
	SEARCH("stage_versions", "stages_current", "record_id", "stage_records i", "stage",
	       "i.family_id", "new.assessed_on", "new.evidence" NL "coalesce(new.next_signs, '')")
	SEARCH("rating_versions", "ratings_current", "rating_id", "ratings i", "rating",
	       "i.family_id", "new.rated_on", "new.rationale")
	SEARCH("action_versions", "actions_current", "action_id", "actions i", "action",
	       "i.family_id", "new.due", "new.body")
	SEARCH("action_review_versions", "action_reviews_current", "review_id",
	       "action_reviews i JOIN actions a ON a.id = i.action_id", "action-review",
	       "a.family_id", MEETING_DAY("i.meeting_id"), "coalesce(new.why_not, '')")
	SEARCH("addendum_versions", "addenda_current", "addendum_id", "addenda i", "addendum",
	       "i.family_id", MEETING_DAY("i.meeting_id"), "new.body")
	SEARCH("attendance_versions", "attendance_current", "attendance_id",
	       "attendance i JOIN meeting_items mi ON mi.id = i.item_id", "supervision",
	       "mi.family_id", MEETING_DAY("mi.meeting_id"), "coalesce(new.contribution, '')");

/* The language each worker chose for the workbook, on this computer: a
 * preference, not part of the record, so it is not sent to the team's
 * server (no id). Each choice is a new row, the newest counts; '' means
 * the computer's own language. */
static const char migration_worker_language[] =
	"CREATE TABLE worker_languages (\n"
	"  worker_id TEXT NOT NULL REFERENCES workers(id),\n"
	"  set_at TEXT NOT NULL,\n"
	"  lang TEXT NOT NULL CHECK (lang = '' OR (length(lang) BETWEEN 2 AND 3 AND "
	"lang NOT GLOB '*[^a-z]*')));\n"
	"CREATE INDEX worker_languages_worker ON worker_languages(worker_id);\n"
	KEEP("worker_languages");

/* An action's owner may be a worker, a member of the family, or another
 * agency (a school, the GP, the police, another) by name. SQLite cannot
 * loosen owner_id's NOT NULL in place, so action_versions is made again
 * with the same rows (kept in rowid order, which sync sends them in), its
 * triggers, head and view. Nothing refers to its rows by foreign key, and
 * dropping a table fires no trigger: no history is lost or changed. */
static const char migration_action_owners[] =
	"CREATE TEMP TABLE action_versions_was AS SELECT * FROM action_versions ORDER BY rowid;\n"
	"DROP TABLE action_versions;\n"
	"CREATE TABLE action_versions (" VERSION_COLS("action_id", "actions") ",\n"
	"  body TEXT NOT NULL CHECK (length(trim(body)) > 0),\n"
	"  owner_id TEXT REFERENCES workers(id),\n"
	"  due TEXT NOT NULL,\n"
	"  owner_person_id TEXT REFERENCES people(id),\n"
	"  owner_agency TEXT CHECK (owner_agency IN ('school', 'gp', 'police', 'other')),\n"
	"  owner_agency_name TEXT,\n"
	"  CHECK ((owner_id IS NOT NULL) + (owner_person_id IS NOT NULL) +\n"
	"         (owner_agency IS NOT NULL) = 1),\n"
	"  CHECK (coalesce(owner_agency, '') <> 'other' OR\n"
	"         length(trim(coalesce(owner_agency_name, ''))) > 0)"
	VERSION_END("action_id")
	"INSERT INTO action_versions (row_id, action_id, version, retracted, reason, created_at,\n"
	"  created_by, body, owner_id, due) SELECT row_id, action_id, version, retracted, reason,\n"
	"  created_at, created_by, body, owner_id, due FROM action_versions_was ORDER BY rowid;\n"
	"DROP TABLE action_versions_was;\n"
	KEEP("action_versions")
	"CREATE TRIGGER action_versions_head AFTER INSERT ON action_versions BEGIN "
	"INSERT INTO action_heads VALUES (new.action_id, new.version, new.retracted) "
	"ON CONFLICT (action_id) DO UPDATE SET version = excluded.version, "
	"retracted = excluded.retracted WHERE excluded.version > action_heads.version; END;\n"
	VIEW("action_heads", "actions_current", "action_versions", "action_id");

/* The heads of families, people and workers, kept without a function of
 * casebook's own, so that any SQLite (an administrator's sqlite3 session,
 * another tool) can add a version. The triggers store the name in lower
 * case and mark the head "folded = 0"; casebook folds it properly
 * (cb_text_fold) in the same transaction when it writes the version
 * itself, and otherwise at its next open or commit (st_refold). */
#define PLAIN_HEAD(h, key)                                                       \
	"ALTER TABLE " h " ADD COLUMN folded INTEGER NOT NULL DEFAULT 1;\n"         \
	"CREATE INDEX " h "_unfolded ON " h "(" key ") WHERE folded = 0;\n"

static const char migration_plain_heads[] =
	PLAIN_HEAD("family_heads", "family_id")
	PLAIN_HEAD("person_heads", "person_id")
	PLAIN_HEAD("worker_heads", "worker_id")
	"DROP TRIGGER family_versions_head;\n"
	"DROP TRIGGER person_versions_head;\n"
	"DROP TRIGGER worker_versions_head;\n"
	"CREATE TRIGGER family_versions_head AFTER INSERT ON family_versions BEGIN "
	"INSERT INTO family_heads (family_id, version, retracted, name_fold, ref_fold, "
	"members_fold, folded) VALUES (new.family_id, new.version, new.retracted, "
	"lower(trim(new.name)), lower(trim(new.reference)), coalesce((SELECT "
	"group_concat(p.name_fold, char(10)) FROM person_heads p WHERE p.family_id = "
	"new.family_id AND p.retracted = 0), ''), 0) "
	"ON CONFLICT (family_id) DO UPDATE SET version = excluded.version, "
	"retracted = excluded.retracted, name_fold = excluded.name_fold, "
	"ref_fold = excluded.ref_fold, folded = 0 WHERE excluded.version > "
	"family_heads.version; END;\n"
	"CREATE TRIGGER person_versions_head AFTER INSERT ON person_versions BEGIN "
	"INSERT INTO person_heads (person_id, family_id, version, retracted, name_fold, folded) "
	"SELECT new.person_id, pi.family_id, new.version, new.retracted, lower(trim(new.name)), 0 "
	"FROM people pi WHERE pi.id = new.person_id "
	"ON CONFLICT (person_id) DO UPDATE SET version = excluded.version, "
	"retracted = excluded.retracted, name_fold = excluded.name_fold, folded = 0 "
	"WHERE excluded.version > person_heads.version; "
	"UPDATE family_heads SET members_fold = coalesce((SELECT group_concat(p.name_fold, "
	"char(10)) FROM person_heads p WHERE p.family_id = family_heads.family_id AND "
	"p.retracted = 0), '') WHERE family_id = (SELECT family_id FROM people WHERE "
	"id = new.person_id); END;\n"
	"CREATE TRIGGER worker_versions_head AFTER INSERT ON worker_versions BEGIN "
	"INSERT INTO worker_heads (worker_id, version, retracted, name_fold, folded) VALUES "
	"(new.worker_id, new.version, new.retracted, lower(trim(new.name)), 0) "
	"ON CONFLICT (worker_id) DO UPDATE SET version = excluded.version, "
	"retracted = excluded.retracted, name_fold = excluded.name_fold, folded = 0 "
	"WHERE excluded.version > worker_heads.version; END;\n";

/* How many rows sync_seen holds, kept by a trigger in the transaction that
 * adds them: it only grows, at a sync, and the waiting count an open store
 * keeps is good while this number stays the same (conflicts.c). And the
 * actions by due date, for the team's overdue actions. */
static const char migration_seen_rows[] =
	"INSERT INTO sync_state (key, value) SELECT 'seen_rows', count(*) FROM sync_seen;\n"
	"CREATE TRIGGER sync_seen_rows AFTER INSERT ON sync_seen BEGIN "
	"UPDATE sync_state SET value = value + 1 WHERE key = 'seen_rows'; END;\n"
	"CREATE INDEX action_versions_due ON action_versions(due);\n";

/* Who each family is allocated to now, in reference order: one row for
 * each worker with an open, current allocation of a family whose current
 * version is not retracted. The first screen reads its page of a worker's
 * caseload from here, without visiting every family of it; triggers keep
 * it in the transaction of each allocation or family version, whoever
 * writes it, and work out "current" from the versions themselves (not the
 * heads, whose triggers may run after these). caseload_counts keeps the
 * number of the team's families the same way. An allocation is looked up
 * by its family (+ keeps SQLite off the worker's index: one worker may
 * hold thousands). */
#define OPEN_ALLOCATION(worker, family)                                          \
	"EXISTS (SELECT 1 FROM allocations ai JOIN allocation_versions av ON "     \
	"av.allocation_id = ai.id WHERE ai.family_id = " family " AND +ai.worker_id = " \
	worker " AND av.version = (SELECT max(version) FROM allocation_versions WHERE " \
	"allocation_id = ai.id) AND av.retracted = 0 AND av.end_date IS NULL)"
#define FIND_TEXT(h)                                                             \
	h ".name_fold || char(10) || " h ".ref_fold || char(10) || " h ".members_fold"
static const char migration_caseload_mine[] =
	"CREATE TABLE caseload_mine (worker_id TEXT NOT NULL, reference TEXT NOT NULL, "
	"family_id TEXT NOT NULL, PRIMARY KEY (worker_id, reference, family_id)) WITHOUT ROWID;\n"
	"CREATE INDEX caseload_mine_family ON caseload_mine(family_id);\n"
	"INSERT OR IGNORE INTO caseload_mine SELECT DISTINCT ai.worker_id, f.reference, "
	"ai.family_id FROM allocations ai JOIN allocations_current a ON a.allocation_id = ai.id "
	"JOIN family_heads fh ON fh.family_id = ai.family_id AND fh.retracted = 0 "
	"JOIN family_versions f ON f.family_id = fh.family_id AND f.version = fh.version "
	"WHERE a.end_date IS NULL;\n"
	"CREATE TRIGGER allocation_versions_caseload AFTER INSERT ON allocation_versions BEGIN "
	"DELETE FROM caseload_mine WHERE (worker_id, family_id) = (SELECT worker_id, family_id "
	"FROM allocations WHERE id = new.allocation_id); "
	"INSERT OR IGNORE INTO caseload_mine SELECT a.worker_id, fv.reference, a.family_id "
	"FROM allocations a JOIN family_versions fv ON fv.family_id = a.family_id "
	"WHERE a.id = new.allocation_id AND fv.version = (SELECT max(version) FROM "
	"family_versions WHERE family_id = a.family_id) AND fv.retracted = 0 AND "
	OPEN_ALLOCATION("a.worker_id", "a.family_id") "; END;\n"
	"CREATE TRIGGER family_versions_caseload AFTER INSERT ON family_versions "
	"WHEN new.version >= (SELECT max(version) FROM family_versions WHERE family_id = "
	"new.family_id) BEGIN "
	"DELETE FROM caseload_mine WHERE family_id = new.family_id; "
	"INSERT OR IGNORE INTO caseload_mine SELECT DISTINCT w.worker_id, new.reference, "
	"new.family_id FROM allocations w WHERE new.retracted = 0 AND w.family_id = "
	"new.family_id AND " OPEN_ALLOCATION("w.worker_id", "new.family_id") "; END;\n"
	/* And how many families the team has (not retracted), for the team's
	 * caseload without counting every family at each look. */
	"CREATE TABLE caseload_counts (key TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL) "
	"WITHOUT ROWID;\n"
	"INSERT INTO caseload_counts SELECT 'families', count(*) FROM family_heads "
	"WHERE retracted = 0;\n"
	"CREATE TRIGGER family_heads_counted AFTER INSERT ON family_heads WHEN "
	"new.retracted = 0 BEGIN UPDATE caseload_counts SET n = n + 1 WHERE key = "
	"'families'; END;\n"
	"CREATE TRIGGER family_heads_recounted AFTER UPDATE OF retracted ON family_heads "
	"WHEN new.retracted <> old.retracted BEGIN UPDATE caseload_counts SET n = n + "
	"CASE WHEN new.retracted = 0 THEN 1 ELSE -1 END WHERE key = 'families'; END;\n"
	/* The caseload filter's index: each current family's folded name,
	 * reference and members in trigrams (by the families row's rowid), so
	 * that a filter of three characters or more finds its families without
	 * reading every family. Kept from the heads, which hold the folds. */
	"CREATE VIRTUAL TABLE family_find USING fts5(text, tokenize = 'trigram');\n"
	"INSERT INTO family_find (rowid, text) SELECT fa.rowid, " FIND_TEXT("fh")
	" FROM family_heads fh JOIN families fa ON fa.id = fh.family_id WHERE fh.retracted = 0;\n"
	"CREATE TRIGGER family_heads_find AFTER INSERT ON family_heads WHEN new.retracted = 0 "
	"BEGIN INSERT INTO family_find (rowid, text) SELECT rowid, " FIND_TEXT("new")
	" FROM families WHERE id = new.family_id; END;\n"
	"CREATE TRIGGER family_heads_refind AFTER UPDATE ON family_heads BEGIN "
	"DELETE FROM family_find WHERE rowid = (SELECT rowid FROM families WHERE id = "
	"new.family_id); INSERT INTO family_find (rowid, text) SELECT rowid, " FIND_TEXT("new")
	" FROM families WHERE id = new.family_id AND new.retracted = 0; END;\n";

/* Search held for a bulk write. Each trigger that keeps the search index
 * writes its record's row at once, and FTS5 writes its pending rows to
 * disk at the end of every statement and savepoint: an import of
 * thousands of records then spent half its time merging tiny segments.
 * While search_hold has its row (an import's transaction inserts it and
 * deletes it before it commits; nothing else sees it), the triggers only
 * note the record in search_todo, and deleting the row writes the search
 * rows of every record noted, from its current version, in one statement.
 * Records are numbered in the order they were first noted, as the
 * triggers number them (a search lists the newest first by that number);
 * each with its kind, so that each kind's rows are read once.
 * The same text as SEARCH() above, for the same kinds. */
#define SEARCH_HELD_KINDS(X)                                                     \
	X("family_versions", "families_current", "family_id", "families i", "family", \
	  "i.id", "new.opened", "new.reference || ' ' || new.name")                   \
	X("person_versions", "people_current", "person_id", "people i", "person",     \
	  "i.family_id", "NULL", "new.name")                                          \
	X("note_versions", "notes_current", "note_id", "notes i", "note", "i.family_id", \
	  "new.note_date", "new.body")                                                \
	X("session_versions", "sessions_current", "session_id", "sessions i", "session", \
	  "i.family_id", "new.session_date", "new.covered")                           \
	X("answer_versions", "answers_current", "answer_id", "answers i", "answer",   \
	  "i.family_id", "new.answered_on", "new.value")                              \
	X("goal_versions", "goals_current", "goal_id", "goals i", "goal", "i.family_id", \
	  "new.set_on", "new.words" NL "coalesce(new.why, '')" NL "coalesce(new.steps, '')" \
	  NL "coalesce(new.target, '')" NL "coalesce(new.status_reason, '')")         \
	X("goal_review_versions", "goal_reviews_current", "review_id",                \
	  "goal_reviews i JOIN goals g ON g.id = i.goal_id", "review", "g.family_id",  \
	  "new.review_date", "coalesce(new.note, '')")                                \
	X("stage_versions", "stages_current", "record_id", "stage_records i", "stage", \
	  "i.family_id", "new.assessed_on", "new.evidence" NL "coalesce(new.next_signs, '')") \
	X("rating_versions", "ratings_current", "rating_id", "ratings i", "rating",   \
	  "i.family_id", "new.rated_on", "new.rationale")                             \
	X("action_versions", "actions_current", "action_id", "actions i", "action",   \
	  "i.family_id", "new.due", "new.body")                                       \
	X("action_review_versions", "action_reviews_current", "review_id",            \
	  "action_reviews i JOIN actions a ON a.id = i.action_id", "action-review",    \
	  "a.family_id", MEETING_DAY("i.meeting_id"), "coalesce(new.why_not, '')")     \
	X("addendum_versions", "addenda_current", "addendum_id", "addenda i", "addendum", \
	  "i.family_id", MEETING_DAY("i.meeting_id"), "new.body")                     \
	X("attendance_versions", "attendance_current", "attendance_id",               \
	  "attendance i JOIN meeting_items mi ON mi.id = i.item_id", "supervision",    \
	  "mi.family_id", MEETING_DAY("mi.meeting_id"), "coalesce(new.contribution, '')")
/* The trigger again, not while held; and one that notes the record then. */
#define SEARCH_HELD_TRIGGERS(table, view, key, from, kind, family, day, text)    \
	"DROP TRIGGER " table "_search;\n"                                          \
	"CREATE TRIGGER " table "_search AFTER INSERT ON " table " WHEN NOT EXISTS "   \
	"(SELECT 1 FROM search_hold) AND NOT EXISTS "                               \
	"(SELECT 1 FROM " table " x WHERE x." key " = new." key                      \
	" AND x.version > new.version) BEGIN "                                       \
	"INSERT OR IGNORE INTO search_keys (record_id) VALUES (new." key "); "        \
	"DELETE FROM search WHERE rowid = (SELECT n FROM search_keys WHERE "        \
	"record_id = new." key "); "                                                 \
	SEARCH_ROW(kind, "SELECT k.n AS n, " text " AS t, " family " AS fam, " day    \
	           " AS d FROM search_keys k, " from " WHERE k.record_id = new." key    \
	           " AND i.id = new." key " AND new.retracted = 0")                    \
	" END;\n"                                                                    \
	"CREATE TRIGGER " table "_search_held AFTER INSERT ON " table " WHEN EXISTS " \
	"(SELECT 1 FROM search_hold) BEGIN INSERT OR IGNORE INTO search_todo "       \
	"(record_id, kind) VALUES (new." key ", '" kind "'); END;\n"
/* The rows of the records noted, from the current version of each (none
 * for one retracted). */
#define SEARCH_HELD_ROWS(table, view, key, from, kind, family, day, text)        \
	SEARCH_ROW(kind, "SELECT k.n AS n, " text " AS t, " family " AS fam, " day    \
	           " AS d FROM search_todo td JOIN " view " new ON new." key          \
	           " = td.record_id JOIN search_keys k ON k.record_id = new." key     \
	           ", " from " WHERE td.kind = '" kind "' AND i.id = new." key)       \
	" "

static const char migration_search_hold[] =
	"CREATE TABLE search_hold (held INTEGER PRIMARY KEY CHECK (held = 1));\n"
	"CREATE TABLE search_todo (n INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE, "
	"kind TEXT NOT NULL);\n"
	"CREATE INDEX search_todo_kind ON search_todo(kind);\n"
	SEARCH_HELD_KINDS(SEARCH_HELD_TRIGGERS)
	"CREATE TRIGGER search_release AFTER DELETE ON search_hold BEGIN "
	"DELETE FROM search WHERE rowid IN (SELECT k.n FROM search_todo td JOIN search_keys k "
	"ON k.record_id = td.record_id); "
	"INSERT OR IGNORE INTO search_keys (record_id) SELECT record_id FROM search_todo "
	"ORDER BY n; "
	SEARCH_HELD_KINDS(SEARCH_HELD_ROWS)
	"DELETE FROM search_todo; END;\n"
	/* The caseload filter's index (migration_caseload_mine) is held with
	 * search: the families written meanwhile are noted, and indexed once
	 * at the release, rather than a row for each write of their heads. */
	"DROP TRIGGER family_heads_find;\n"
	"DROP TRIGGER family_heads_refind;\n"
	"CREATE TRIGGER family_heads_find AFTER INSERT ON family_heads WHEN new.retracted = 0 "
	"AND NOT EXISTS (SELECT 1 FROM search_hold) "
	"BEGIN INSERT INTO family_find (rowid, text) SELECT rowid, " FIND_TEXT("new")
	" FROM families WHERE id = new.family_id; END;\n"
	"CREATE TRIGGER family_heads_refind AFTER UPDATE ON family_heads "
	"WHEN NOT EXISTS (SELECT 1 FROM search_hold) BEGIN "
	"DELETE FROM family_find WHERE rowid = (SELECT rowid FROM families WHERE id = "
	"new.family_id); INSERT INTO family_find (rowid, text) SELECT rowid, " FIND_TEXT("new")
	" FROM families WHERE id = new.family_id AND new.retracted = 0; END;\n"
	"CREATE TABLE family_find_todo (family_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;\n"
	"CREATE TRIGGER family_heads_find_held AFTER INSERT ON family_heads "
	"WHEN EXISTS (SELECT 1 FROM search_hold) BEGIN INSERT OR IGNORE INTO "
	"family_find_todo VALUES (new.family_id); END;\n"
	"CREATE TRIGGER family_heads_refind_held AFTER UPDATE ON family_heads "
	"WHEN EXISTS (SELECT 1 FROM search_hold) BEGIN INSERT OR IGNORE INTO "
	"family_find_todo VALUES (new.family_id); END;\n"
	"CREATE TRIGGER family_find_release AFTER DELETE ON search_hold BEGIN "
	"DELETE FROM family_find WHERE rowid IN (SELECT fa.rowid FROM family_find_todo t "
	"JOIN families fa ON fa.id = t.family_id); "
	"INSERT INTO family_find (rowid, text) SELECT fa.rowid, " FIND_TEXT("fh")
	" FROM family_find_todo t JOIN families fa ON fa.id = t.family_id JOIN family_heads fh "
	"ON fh.family_id = t.family_id WHERE fh.retracted = 0; "
	"DELETE FROM family_find_todo; END;\n";

/* The caseload filter's index of one and two characters (grams.c): a
 * bitmap of families for each gram and chunk of 4,096 families (bits,
 * its trailing zero bytes left off). The triggers only note a family
 * whose names or retraction changed; the commit sets its bits. Every
 * family is noted here, and the open after the upgrade sets them all. */
/* Noted once, without OR IGNORE: a head is updated by an upsert (a
 * family's second version), and the conflict rule of an upsert's update
 * overrides the one of each statement of the triggers it fires, so that
 * OR IGNORE there failed on a family already noted in the transaction
 * (two versions of a family fetched by one sync). */
#define NOTE_ONCE(table, col, value)                                             \
	"INSERT INTO " table " (" col ") SELECT " value " WHERE " value " IS NOT NULL " \
	"AND NOT EXISTS (SELECT 1 FROM " table " WHERE " col " = " value "); "
#define GRAMS_NOTE                                                               \
	"BEGIN " NOTE_ONCE("family_grams_todo", "fam",                               \
	                   "(SELECT rowid FROM families WHERE id = new.family_id)") "END;\n"
static const char migration_grams[] =
	"CREATE TABLE family_grams (chunk INTEGER NOT NULL, gram TEXT NOT NULL, bits BLOB "
	"NOT NULL, PRIMARY KEY (chunk, gram)) WITHOUT ROWID;\n"
	"CREATE INDEX family_grams_gram ON family_grams(gram, chunk);\n"
	"CREATE TABLE family_grams_todo (fam INTEGER PRIMARY KEY);\n"
	"CREATE TRIGGER family_heads_grams AFTER INSERT ON family_heads " GRAMS_NOTE
	"CREATE TRIGGER family_heads_regrams AFTER UPDATE OF retracted, name_fold, ref_fold, "
	"members_fold ON family_heads " GRAMS_NOTE
	"INSERT INTO family_grams_todo (fam) SELECT fa.rowid FROM families fa JOIN family_heads "
	"fh ON fh.family_id = fa.id WHERE fh.retracted = 0;\n"
	/* The same for the families noted while search is held. */
	"DROP TRIGGER family_heads_find_held;\n"
	"DROP TRIGGER family_heads_refind_held;\n"
	"CREATE TRIGGER family_heads_find_held AFTER INSERT ON family_heads "
	"WHEN EXISTS (SELECT 1 FROM search_hold) BEGIN "
	NOTE_ONCE("family_find_todo", "family_id", "new.family_id") "END;\n"
	"CREATE TRIGGER family_heads_refind_held AFTER UPDATE ON family_heads "
	"WHEN EXISTS (SELECT 1 FROM search_hold) BEGIN "
	NOTE_ONCE("family_find_todo", "family_id", "new.family_id") "END;\n";

/* Every save only notes its record in search_todo, and the commit that
 * ends its transaction indexes the records noted, as a held import's
 * release does (st_search_flush): the trigger that indexed each version
 * as it was written cost an import about a twentieth of its time even
 * while search was held, SQLite setting up the frame of a trigger's
 * program before it tests its WHEN. A version that another program adds
 * is indexed at casebook's next open or save. */
#define SEARCH_NOTE_TRIGGERS(table, view, key, from, kind, family, day, text)    \
	"DROP TRIGGER " table "_search;\n"                                          \
	"DROP TRIGGER " table "_search_held;\n"                                     \
	"CREATE TRIGGER " table "_search AFTER INSERT ON " table " BEGIN "           \
	"INSERT OR IGNORE INTO search_todo (record_id, kind) VALUES (new." key      \
	", '" kind "'); END;\n"
/* The release now runs at every commit that noted a record, with the
 * caseload filter's todo (family_find_todo) mostly empty: its statements
 * read from that todo first (CROSS JOIN fixes the order), not every
 * family's head with a look-up in the todo for each. */
static const char migration_search_noted[] =
	SEARCH_HELD_KINDS(SEARCH_NOTE_TRIGGERS)
	"DROP TRIGGER family_find_release;\n"
	"CREATE TRIGGER family_find_release AFTER DELETE ON search_hold BEGIN "
	"DELETE FROM family_find WHERE rowid IN (SELECT fa.rowid FROM family_find_todo t "
	"CROSS JOIN families fa ON fa.id = t.family_id); "
	"INSERT INTO family_find (rowid, text) SELECT fa.rowid, " FIND_TEXT("fh")
	" FROM family_find_todo t CROSS JOIN families fa ON fa.id = t.family_id CROSS JOIN "
	"family_heads fh ON fh.family_id = t.family_id WHERE fh.retracted = 0; "
	"DELETE FROM family_find_todo; END;\n";

static const char *const migrations[] = {
	migration_1,
	migration_2,
	migration_3,
	migration_os_user,
	migration_heads,
	migration_drafts_base,
	migration_sync,
	migration_drafts_session,
	/* Before search: it makes action_versions again, and a table made
	 * again loses its triggers, the search index's among them. */
	migration_action_owners,
	migration_search,
	migration_worker_language,
	migration_plain_heads,
	migration_seen_rows,
	migration_caseload_mine,
	migration_search_hold,
	migration_grams,
	migration_search_noted,
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof *migrations))

/* Tests lower this to build a database as an older casebook left it. */
int st_migration_limit = N_MIGRATIONS;

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

/* A migration that takes a while (building the search index of a big
 * file) says so on standard error, once a second, so that nobody takes
 * casebook for stuck. Tests lower the wait. */
long st_migrate_progress_ms = 1000;

struct progress {
	const char *path;
	int version;
	struct timespec start;
	long last;  /* the last second said, or -1 */
};

static long
elapsed_ms(const struct timespec *from)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - from->tv_sec) * 1000 + (now.tv_nsec - from->tv_nsec) / 1000000;
}

static int
migrate_progress(void *arg)
{
	struct progress *p = arg;
	long ms = elapsed_ms(&p->start);

	if (ms < st_migrate_progress_ms || ms / 1000 == p->last)
		return 0;
	p->last = ms / 1000;
	fputc('\r', stderr);
	fprintf(stderr, _("casebook: upgrading %s to database version %d: %ld s..."), p->path,
	        p->version, p->last);
	fflush(stderr);
	return 0;
}

static int
run_migration(struct cb_store *s, int i, struct cb_err *err)
{
	struct progress p = {s->path, i + 1, {0, 0}, -1};
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &p.start);
	sqlite3_progress_handler(s->db, 1000, migrate_progress, &p);
	rc = st_exec(s, migrations[i], err);
	sqlite3_progress_handler(s->db, 0, NULL, NULL);
	if (p.last >= 0)
		fprintf(stderr, "%s\n", rc == 0 ? _(" done") : "");
	return rc;
}

int
st_schema_current(struct cb_store *s, struct cb_err *err)
{
	int have;

	if (read_version(s, &have, err) != 0)
		return -1;
	if (have > N_MIGRATIONS)
		return cb_err_set(err, CB_ENEWER,
		                  _("%s was written by a newer casebook (database version %d): "
		                    "install the newer casebook to open it"), s->path, have);
	if (have < N_MIGRATIONS && have < st_migration_limit)
		return cb_err_set(err, CB_EINVAL,
		                  _("%s is at database version %d and this casebook reads %d: open "
		                    "it once with 'casebook init --db %s' to bring it up to date"),
		                  s->path, have, N_MIGRATIONS, s->path);
	return 0;
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
	for (i = have; i < N_MIGRATIONS && i < st_migration_limit; i++) {
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
		if (run_migration(s, i, err) != 0 || st_exec(s, sql, err) != 0) {
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
