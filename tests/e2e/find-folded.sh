#!/bin/sh
# SPDX-License-Identifier: MIT
# On the caseload of the sample families, the filter finds families
# however their names, their members' names and their references are
# typed: "nguyen" finds Nguyễn, "fs-26-0142" finds FS-26-0142. The worker
# is named in capitals and without accents.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
"$CASEBOOK" init --db "$work/t.db" >/dev/null || fail "init failed"
"$CASEBOOK" import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null ||
	fail "import failed"
start_casebook --db "$work/t.db" --as "PRIYA RAMAN"
wait_for "2 families"
expect "Price family"
expect "Nguyễn family"

send /
wait_for "Find families"
type_text "nguyen"
wait_for "1 family"
expect "Nguyễn family"
refute "Price family"
send Escape
wait_for "2 families"

send /
wait_for "Find families"
type_text "fs-26-0142"
wait_for "1 family"
expect "Price family"
refute "Nguyễn family"
send Escape
wait_for "2 families"

# A child's name, without its accents, finds the family.
send /
wait_for "Find families"
type_text "TRAN MINH"
wait_for "1 family"
expect "Nguyễn family"
send Escape
wait_for "2 families"

# The whole team: a worker's family found by a name typed without accents.
send t
wait_for "5 families"
send /
wait_for "Find families"
type_text "whitlock"
wait_for "1 family"
expect "Whitlock-Birch family"
send Escape
wait_for "5 families"
quit_casebook
