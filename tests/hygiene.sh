#!/bin/sh
# SPDX-License-Identifier: MIT
# Text hygiene at the door and on the way out: 'add worker' refuses
# control characters, escape sequences and bidi overrides in a name, and
# names over the documented limit, changing nothing; 'list' prints what
# older records hold with none of those bytes, as the screens do.
. "$TOP_SRCDIR/tests/lib.sh"

db="$work/t.db"
casebook init --db "$db" >/dev/null || fail "init failed"
workers() { casebook list workers --db "$db" | wc -l; }
before=$(workers)

refused() {
	if casebook add worker "$1" --role social-worker --db "$db" >"$work/out" 2>"$work/err"; then
		fail "accepted a name with $2"
	fi
	grep -q "$3" "$work/err" || { cat "$work/err"; fail "no clear message for $2"; }
	[ "$(workers)" = "$before" ] || fail "a refused name changed the workers"
}
refused "$(printf 'Eve\033]0;pwned\007 Mallory')" "an escape sequence" "control character"
refused "$(printf 'Eve\tMallory')" "a tab" "control character"
refused "$(printf 'Eve\302\233Mallory')" "a C1 control" "control character"
refused "$(printf 'Eve \342\200\256yrollaM')" "U+202E" "direction of the text"
refused "$(printf 'Eve \342\201\246Mallory')" "U+2066" "direction of the text"
long=$(printf '%0121d' 0 | tr 0 a)
refused "$long" "121 characters" "at most 120"
casebook add worker "$(printf '%0120d' 0 | sed 's/0/ł/g')" --role social-worker --db "$db" >/dev/null ||
	fail "a name of 120 characters was refused"
casebook add worker "Łukasz Nowak-عائشة" --role social-worker --db "$db" >/dev/null ||
	fail "a name in two scripts was refused"

# Records that hold such bytes (from an older casebook, which let them in):
# 'list' sends none of them out. Import refuses them now, so they are
# written as new versions with the sqlite3 shell (the heads follow by
# plain triggers).
command -v sqlite3 >/dev/null || { echo "hygiene: sqlite3 is needed"; exit 77; }
casebook import "$TOP_SRCDIR/tests/data/hostile-notes.yaml" --db "$db" >/dev/null ||
	fail "the family could not be imported"
sqlite3 "$db" "BEGIN;
INSERT INTO worker_versions (row_id, worker_id, version, created_at, created_by, name, role, team_id)
  SELECT 'eeeeeeee-0000-4000-8000-000000000001', worker_id, 2, created_at, created_by,
         'Eve' || char(27) || ']0;pwned' || char(7) || ' Mallory', role, team_id
  FROM worker_versions WHERE name = 'Eve Mallory';
INSERT INTO family_versions (row_id, family_id, version, created_at, created_by, reference, name,
                             team_id, opened)
  SELECT 'eeeeeeee-0000-4000-8000-000000000002', family_id, 2, created_at, created_by, reference,
         'Reid' || char(27) || '[6n' || char(155) || char(133) || ' family' ||
         char(8238) || char(8236) || ' ylimaf', team_id, opened
  FROM family_versions WHERE name = 'Reid family';
COMMIT;" || fail "the old names could not be written"
casebook list families --db "$db" >"$work/families" || fail "list families failed"
casebook list workers --db "$db" >"$work/workers" || fail "list workers failed"
casebook list meetings --db "$db" >"$work/meetings" 2>/dev/null || true
cat "$work/families" "$work/workers" "$work/meetings" >"$work/all"
has() { LC_ALL=C grep -c -a -F -- "$(printf "$1")" "$work/all"; }
for p in '\033' '\007' '\302\233' '\302\205' '\342\200\256' '\342\200\254'; do
	[ "$(has "$p")" = 0 ] || fail "list printed $p"
done
[ "$(has '\357\277\275')" -gt 0 ] || fail "list shows no U+FFFD where the controls were"
grep -q "Reid" "$work/families" || fail "the family is missing from the list"
grep -q "Mallory" "$work/workers" || fail "the worker is missing from the list"
