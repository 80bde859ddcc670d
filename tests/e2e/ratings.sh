#!/bin/sh
# SPDX-License-Identifier: MIT
# A risk rating with no rationale is refused, saying so, and nothing is
# saved; with one it is the current rating, in words that read without
# colour. The definitions show while choosing.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-20
NO_COLOR=1
export CASEBOOK_TODAY NO_COLOR
casebook init --db "$work/t.db" >/dev/null
casebook import "$TOP_SRCDIR/tests/e2e/series.yaml" --db "$work/t.db" >/dev/null ||
	fail "the test family could not be imported"

start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Kowalski family"
send Enter
wait_for "Family record: Kowalski family"
send r
wait_for "No risk rating yet"
expect "Red is the most worried, green the least."

# No rationale: refused with the reason, and nothing saved.
send a
wait_for "Which rating?"
expect "We are worried that a child could suffer significant harm"
send Down
wait_for "We have real worries that are not yet resolved"
send Enter
wait_for "Where was it agreed?"
send Enter
wait_for "Agreed on"
send Enter
wait_for "Who agreed it?"
expect "Imran Chaudhry"
send Enter
wait_for "Amber, agreed on 2026-11-20, on a visit: why?"
send C-s
wait_for "A rating needs its rationale: say why this colour. Nothing is saved yet."
send Escape
wait_for "No risk rating yet"
if command -v sqlite3 >/dev/null 2>&1; then
	n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM ratings")
	[ "$n" = 0 ] || fail "a rating was saved without its rationale ($n rows)"
fi

# With its rationale it is the rating now.
send a
wait_for "Which rating?"
send Down
send Enter
wait_for "Where was it agreed?"
send Down
send Enter
wait_for "Agreed on"
send Enter
wait_for "Who agreed it?"
send C-u
type_text "Imran Chaudhry, Grace Adeyemi"
send Enter
wait_for "Amber, agreed on 2026-11-20, in group supervision: why?"
type_text "No incidents since September and Zoë's safety plan is holding, but it has not been tested by Łukasz coming home."
send C-s
wait_for "Rating saved: Amber from 2026-11-20."
expect "A M B E R"
expect "Agreed on 2026-11-20, in group supervision"
expect "Agreed by: Imran Chaudhry, Grace Adeyemi"
expect "Why:  No incidents since September"
expect "All ratings, newest first (1)"
expect "2026-11-20  AMBER  group supervision"

# Read it in full, and its history.
send Enter
wait_for "Risk rating of 2026-11-20"
expect "AMBER, agreed on 2026-11-20, in group supervision."
expect "What this colour means here"
send Escape
wait_for "All ratings, newest first"
send h
wait_for "History of the risk rating"
expect "Version 1"
send Escape
wait_for "All ratings, newest first"
quit_casebook
