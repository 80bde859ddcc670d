#!/bin/sh
# SPDX-License-Identifier: MIT
# golden.sh CASE.t: run the commands in CASE.t in a scratch folder and
# compare everything they print, and their exit codes, with CASE.out.
# GOLDEN_UPDATE=1 writes CASE.out instead (review the diff before keeping).
set -u
case_file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
expected=${case_file%.t}.out
. "$TOP_SRCDIR/tests/lib.sh"
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
cd "$work" || exit 99
# A case that runs the sqlite3 shell is skipped without it.
if grep -q '^\(run \)\{0,1\}sqlite3 ' "$case_file"; then
	need sqlite3
fi

# run CMD...: show the command, what it printed, and how it ended.
run() {
	printf '$ %s\n' "$*"
	"$@" 2>&1
	printf '[exit %d]\n' $?
}

. "$case_file" >"$work/actual" 2>&1
# Scratch paths and record ids differ on every run.
sed -e "s|$work|\$WORK|g" -e "s|$TOP_SRCDIR|\$SRCDIR|g" \
	-e 's/[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}/<id>/g' \
	"$work/actual" >"$work/actual.norm"
if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
	cp "$work/actual.norm" "$expected"
	echo "updated $expected"
	exit 0
fi
if ! diff -u "$expected" "$work/actual.norm"; then
	echo "FAIL: $case_file: output differs from $expected (above)"
	exit 1
fi
exit 0
