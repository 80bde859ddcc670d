#!/bin/sh
# SPDX-License-Identifier: MIT
# Search from the caseload (f) finds words in every family's record, typed
# without accents; Enter opens the family and the record's whole text;
# / on the family record searches that family only.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
"$CASEBOOK" init --db "$work/t.db" >/dev/null || fail "init failed"
"$CASEBOOK" import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null ||
	fail "import failed"
start_casebook --db "$work/t.db" --as "PRIYA RAMAN"
wait_for "2 families"

send f
wait_for "Search every family"
type_text "lukasz protective"
send Enter
wait_for "1 hit for"
expect "FS-25-0263"
expect "Risk"
expect "protective"
send Enter
wait_for "Gallagher"
expect "is protective and the weekday care"
send Escape
wait_for "Family record"
send Escape
wait_for "1 hit for"

# Search again: words in two families, then nothing.
send /
wait_for "Search every family"
send C-u
type_text "boiler"
send Enter
wait_for "Nothing found"
send Escape
wait_for "2 families"

# From a family's record, its own record only.
send t
wait_for "5 families"
send /
wait_for "Find families"
type_text "fs-25-0263"
wait_for "1 family"
send Enter
send Enter
wait_for "Family record"
send /
wait_for "Search this family"
type_text "SIOBHAN drink"
send Enter
wait_for "in this family"
expect "Siobhán"
refute "FS-26-0142"
quit_casebook
