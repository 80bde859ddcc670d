#!/bin/sh
# SPDX-License-Identifier: MIT
# casebook import holds a batch of files at a time, not all of them: 1,200
# families in 24 files take no more memory than 300 in 6 (holding every
# file would take about 30 MiB more). A batch builds on what the ones
# before it wrote, and the import stays all or nothing: a problem in the
# last file leaves the database as it was.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/bench/import-yaml.sh"
# Under the sanitizers the peak memory measures their shadow memory, not ours.
if [ -n "${ASAN_OPTIONS:-}" ]; then echo "SKIP: memory is not measured under the sanitizers"; exit 77; fi
command -v /usr/bin/time >/dev/null 2>&1 || { echo "/usr/bin/time is needed"; exit 99; }
need sqlite3

# peak DB FILE...: import FILEs into DB; prints the peak RSS in KiB.
peak() {
	db=$1
	shift
	/usr/bin/time -f %M -o "$work/time" "$CASEBOOK" import "$@" --db "$db" >"$work/out" ||
		fail "the import into $db failed: $(cat "$work/out")"
	cat "$work/time"
}

mkdir "$work/small" "$work/big" "$work/more"
import_files "$work/small" 1 300 50
import_files "$work/big" 1 1200 50
small=$(peak "$work/small.db" "$work/small"/*.yaml)
big=$(peak "$work/big.db" "$work/big"/*.yaml)
echo "import: peak RSS $small KiB for 300 families (6 files), $big KiB for 1200 (24 files)"
[ "$big" -lt $((small + small / 4)) ] ||
	fail "the import of 1200 families took $big KiB, against $small KiB for 300"

# Everything arrived, the later batches' families allocated to the worker
# the first file made, and each note found by search.
[ "$(casebook list families --db "$work/big.db" | wc -l)" = 1200 ] || fail "not 1200 families"
grep -qx "imported 43201 records (0 already there)" "$work/out" || fail "$(cat "$work/out")"
[ "$(casebook search "plan 7" --db "$work/big.db" | wc -l)" = 1200 ] || fail "search misses notes"
[ "$(sqlite3 "$work/big.db" "SELECT count(*) FROM search_todo")" = 0 ] || fail "search left held"
sqlite3 "$work/big.db" "SELECT detail FROM audit WHERE action = 'import'" >"$work/detail"
grep -q "^43201 records from .*import-000001.yaml, .*import-001151.yaml$" "$work/detail" ||
	fail "the audit does not name every file: $(cat "$work/detail")"

# Families 301 to 1,500 on top of the small database, in 24 files; the
# last repeats a family of the first batch and names a worker nobody
# made: nothing is imported, and both problems are said.
import_files "$work/more" 301 1500 50
import_yaml 301 301 | sed 's/^    by: 00000001-/    by: 0000000f-/' >"$work/more/z-last.yaml"
before=$(sqlite3 "$work/small.db" "SELECT count(*) FROM families; SELECT count(*) FROM search; SELECT count(*) FROM audit")
if casebook import "$work/more"/*.yaml --db "$work/small.db" >"$work/out" 2>&1; then
	fail "an import with problems succeeded"
fi
grep -q "z-last.yaml:.*the id 00000002-0000-4000-8000-00000000012d is used twice in this import (first in an earlier file)" "$work/out" ||
	fail "no word of the repeated family: $(head -5 "$work/out")"
grep -q "z-last.yaml:.*there is no worker 0000000f-0000-4000-8000-000000000000" "$work/out" ||
	fail "no word of the missing worker: $(head -5 "$work/out")"
grep -q "so nothing was imported" "$work/out" || fail "$(tail -2 "$work/out")"
after=$(sqlite3 "$work/small.db" "SELECT count(*) FROM families; SELECT count(*) FROM search; SELECT count(*) FROM audit")
[ "$before" = "$after" ] || fail "the failed import changed the database: $before, then $after"
# Into a new database: none is left behind.
if casebook import "$work/more"/*.yaml --db "$work/new.db" >/dev/null 2>&1; then
	fail "an import with problems succeeded"
fi
[ ! -e "$work/new.db" ] || fail "a failed import left a new database"
