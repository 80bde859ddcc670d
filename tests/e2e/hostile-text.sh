#!/bin/sh
# SPDX-License-Identifier: MIT
# Text meant to drive a terminal: escape sequences, OSC 52, BEL, C1
# controls and U+202E.
# - At the door: names holding any of it are refused. The import says
#   which file, line and name, echoes none of it, and imports nothing.
# - Long text keeps its words, and names that got in before the door was
#   shut (an older casebook) are still shown safely: the bytes written to
#   the terminal (kept by script(1)), by list and by the exports hold
#   none of it, and the screen shows U+FFFD where each was.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
command -v script >/dev/null || fail "script(1) (bsdutils) is needed"
db="$work/t.db"
casebook init --db "$db" >/dev/null || fail "init failed"

# has FILE PATTERN: lines of FILE holding the bytes PATTERN (printf
# escapes, so that this file holds no control characters).
has() { LC_ALL=C grep -c -a -F -- "$(printf "$2")" "$1"; }
controls='\033 \007 \302\233 \302\205 \342\200\256 \342\200\254'
# clean FILE WHAT [PATTERNS]: FILE holds none of PATTERNS ($controls).
clean() {
	for p in ${3:-$controls}; do
		n=$(has "$1" "$p")
		[ "$n" = 0 ] || fail "$2 holds $p ($n lines)"
	done
}

# The door.
if casebook import "$TOP_SRCDIR/tests/data/hostile.yaml" --db "$db" >"$work/out" 2>"$work/err"; then
	fail "names holding controls were imported"
fi
for what in "the worker's name" "the family's name" "the family member's name"; do
	grep -q "hostile.yaml:[0-9]*:[0-9]*: .*$what holds a control character" "$work/err" ||
		fail "the refusal does not say where $what is: $(cat "$work/err")"
done
clean "$work/err" "the refusal"
[ "$(sqlite3 "$db" "SELECT (SELECT count(*) FROM families) + (SELECT count(*) FROM workers_current WHERE name LIKE 'Eve%')")" = 0 ] ||
	fail "part of the refused file was imported"
# One name too long is refused the same way, with the limit.
long=$(awk 'BEGIN { while (i++ < 121) printf "a" }')
sed "s/name: \"Reid family\"/name: \"$long\"/" "$TOP_SRCDIR/tests/data/hostile-notes.yaml" \
	>"$work/long.yaml"
! casebook import "$work/long.yaml" --db "$db" >/dev/null 2>"$work/err" ||
	fail "a family name of 121 characters was imported"
grep -q "long.yaml:[0-9]*:[0-9]*: .*family's name is 121 characters long, and at most 120" "$work/err" ||
	fail "the length refusal is unclear: $(cat "$work/err")"
! casebook add worker "Eve$(printf '\033')[2J" --role social-worker --db "$db" >/dev/null 2>"$work/err" ||
	fail "add worker took an escape sequence"
clean "$work/err" "the refusal of add worker"

# Long text gets in; then names as an older casebook let them in.
casebook import "$TOP_SRCDIR/tests/data/hostile-notes.yaml" --db "$db" >/dev/null ||
	fail "the note with hostile text was not imported"
# (The triggers that keep the heads fold names with casebook's own SQL
# function: they step aside, and the heads are moved by hand.)
heads="'family_versions_head', 'person_versions_head', 'worker_versions_head'"
triggers=$(sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE name IN ($heads)")
sqlite3 "$db" "BEGIN;
DROP TRIGGER family_versions_head; DROP TRIGGER person_versions_head;
DROP TRIGGER worker_versions_head;
INSERT INTO worker_versions (row_id, worker_id, version, created_at, created_by, name, role, team_id)
  SELECT 'eeeeeeee-0000-4000-8000-000000000001', worker_id, 2, created_at, created_by,
         'Eve' || char(27) || ']0;pwned' || char(7) || ' Mallory', role, team_id
  FROM worker_versions WHERE name = 'Eve Mallory';
INSERT INTO family_versions (row_id, family_id, version, created_at, created_by, reference, name,
                             team_id, opened)
  SELECT 'eeeeeeee-0000-4000-8000-000000000002', family_id, 2, created_at, created_by, reference,
         'Reid' || char(27) || '[6n' || char(27) || ']52;c;cHduZWQ=' || char(7) || ' family' ||
         char(8238) || ' ylimaf', team_id, opened
  FROM family_versions WHERE name = 'Reid family';
INSERT INTO person_versions (row_id, person_id, version, created_at, created_by, name, born, role)
  SELECT 'eeeeeeee-0000-4000-8000-000000000003', person_id, 2, created_at, created_by,
         'Ann' || char(155) || '6n' || char(133) || 'Reid' || char(7), born, role
  FROM person_versions WHERE name = 'Ann Reid';
UPDATE worker_heads SET version = 2 WHERE worker_id =
  (SELECT worker_id FROM worker_versions WHERE row_id = 'eeeeeeee-0000-4000-8000-000000000001');
UPDATE family_heads SET version = 2 WHERE family_id =
  (SELECT family_id FROM family_versions WHERE row_id = 'eeeeeeee-0000-4000-8000-000000000002');
UPDATE person_heads SET version = 2 WHERE person_id =
  (SELECT person_id FROM person_versions WHERE row_id = 'eeeeeeee-0000-4000-8000-000000000003');
$triggers
COMMIT;" || fail "the old names could not be written"

E2E_CAPTURE="$work/capture"
start_casebook --db "$db" --as 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e4c01
wait_for "1 family"
expect "Eve�]0;pwned� Mallory"
expect "FS-9         Reid�[6n�]52;c;cHduZWQ=…"
send Enter
wait_for "Family record"
expect "Ann�6n�Reid�"
send n
wait_for "Case notes"
expect "Visit�[2J�[H�]52"
send Enter
wait_for "Note of 2026-11-20"
expect "done�31m; �evil� and"
expect "�]8;;http://x�\\link�]8;;�\\ ok�"
send Escape
wait_for "Case notes"
send Escape
wait_for "Family record"
send c
wait_for "Chronology"
expect "Visit�[2J"
send Escape
wait_for "Family record"
quit_casebook

# What went to the terminal: none of it raw.
# (curses itself writes escape sequences: only those of the text count.)
clean "$work/capture" "what went to the terminal" \
	'\033] \033[6n \033[2J \007 \302\233 \302\205 \342\200\256 \342\200\254'
[ "$(has "$work/capture" '\357\277\275')" -gt 0 ] || fail "no U+FFFD was shown"

# Nor from list, show or the exports.
for cmd in "list families" "list workers" "show family FS-9" \
	"export family FS-9 --format txt" "export family FS-9 --format md" \
	"export family FS-9 --format html"; do
	# shellcheck disable=SC2086
	casebook $cmd --db "$db" >"$work/out" 2>"$work/err" || fail "$cmd failed: $(cat "$work/err")"
	clean "$work/out" "casebook $cmd"
	[ "$(has "$work/out" '\357\277\275')" -gt 0 ] || fail "casebook $cmd shows no U+FFFD"
done
