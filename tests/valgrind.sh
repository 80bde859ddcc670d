#!/bin/sh
# SPDX-License-Identifier: MIT
# valgrind over the unit suites (in one process each, so leaks are seen)
# and over the command line on the sample families: no definite leaks, no
# invalid reads or writes. Run by ./quickstart test on the normal build.
#   tests/valgrind.sh BUILD_DIR
set -u
build=${1:?usage: tests/valgrind.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$build" && pwd)
command -v valgrind >/dev/null 2>&1 || { echo "valgrind: not installed, skipped"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
export CASEBOOK_DATADIR="$top" CASEBOOK_LOCALEDIR="$build/locale" TOP_SRCDIR="$top" HOME="$work/home" LANG=C.UTF-8
export CASEBOOK="$build/casebook" CASEBOOK_TODAY=2026-11-27 CK_FORK=no
# The walks over every code point (test_core, test_ui) take every 7th
# under valgrind: every block still, in a tenth of the time.
export CASEBOOK_TEST_STEP=7
# A child a test forks (and kills, or lets exit) is not checked: its
# parent is, and holds the same allocations.
opts="-q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite
	--child-silent-after-fork=yes --error-exitcode=99"
vg() {
	# shellcheck disable=SC2086
	valgrind $opts --log-file="$work/vg.log" "$@" >"$work/out" 2>&1
	rc=$?
	if [ $rc -eq 99 ] || [ -s "$work/vg.log" ]; then
		echo "valgrind: problems in: $*"
		cat "$work/vg.log"
		exit 1
	fi
	return $rc
}
# The unit suites, as many at a time as there are cores, each with its
# own log; then each result in turn.
for t in "$build"/tests/unit/test_*; do
	[ -f "$t" ] && [ -x "$t" ] && printf '%s\n' "$t"
done | xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} sh -c '
	log=$2/$(basename "$1")
	# shellcheck disable=SC2086
	valgrind $3 --log-file="$log.vg" "$1" >"$log.out" 2>&1
	echo $? >"$log.rc"' _ {} "$work" "$opts"
n=0
for rc in "$work"/*.rc; do
	[ -f "$rc" ] || { echo "valgrind: no unit suite ran"; exit 1; }
	log=${rc%.rc}
	name=$(basename "$log")
	if [ "$(cat "$rc")" = 99 ] || [ -s "$log.vg" ]; then
		echo "valgrind: problems in: $name"
		cat "$log.vg"
		exit 1
	fi
	[ "$(cat "$rc")" = 0 ] || { echo "valgrind: $name failed"; cat "$log.out"; exit 1; }
	n=$((n + 1))
done
cb="$build/casebook"
db="$work/t.db"
vg "$cb" import "$top"/data/sample/*.yaml --db "$db" || { cat "$work/out"; exit 1; }
vg "$cb" list families --db "$db"
vg "$cb" show family FS-26-0142 --db "$db"
meeting=$("$cb" list meetings --db "$db" | head -n 1 | cut -f 1)
vg "$cb" export minutes "$meeting" --family FS-26-0142 --format html --db "$db"
vg "$cb" modules check --db "$db"
vg "$cb" backup --to "$work/copy.db" --db "$db"
vg "$cb" list families --db "$top/README"
echo "valgrind: $n unit suites and the command line: no definite leaks, no memory errors"
