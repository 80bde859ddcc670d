#!/bin/sh
# SPDX-License-Identifier: MIT
# A mis-keyed Cycle of Change stage and risk rating corrected (a new
# version, the old kept) and retracted with a reason, from the screens
# that show them, with their history one key away. "Corrected" is said
# only when something changed.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-20
export CASEBOOK_TODAY
casebook init --db "$work/t.db" >/dev/null
casebook import "$TOP_SRCDIR/tests/e2e/corrections.yaml" --db "$work/t.db" >/dev/null ||
	fail "the test family could not be imported"

start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Kowalski family"
send Enter
wait_for "Family record: Kowalski family"
send s
wait_for "Łukasz Kowalski: Alcohol"
expect "2026-10-01  Action"

# e: the stage was mis-keyed; it was Preparation.
send e
wait_for "Correct the stage for Łukasz Kowalski"
expect "Action: Making changes now (as recorded)"
send Up
send Enter
wait_for "Assessed on"
send Enter
wait_for "What would show the next stage?"
send Enter
wait_for "Correcting Łukasz Kowalski, Alcohol: Preparation"
send End
type_text " He has booked the next one."
send C-s
wait_for "Corrected: version 2; h shows the earlier one."
expect "2026-10-01  Preparation"
refute "2026-10-01  Action"
send h
wait_for "History of the stage record"
expect "Version 2"
expect "He has booked the next one."
send PageDown
wait_for "Version 1"
expect "Action (Making changes now)"
send Escape
wait_for "Łukasz Kowalski: Alcohol"

# e with nothing changed saves nothing and says so.
send e
wait_for "Correct the stage for"
send Enter
wait_for "Assessed on"
send Enter
wait_for "What would show the next stage?"
send Enter
wait_for "Correcting Łukasz Kowalski"
send C-s
wait_for "Nothing was changed, so nothing was saved."
n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM stage_versions")
[ "$n" = 2 ] || fail "an unchanged correction wrote a version ($n versions)"

# d: retracted with a reason, which is required.
send d
wait_for "Retract Łukasz Kowalski's stage (Preparation)?"
send Enter
wait_for "a reason is required"
type_text "recorded on the wrong family"
send Enter
wait_for "Retracted; the stage and the reason stay in its history."
wait_for "No stages recorded yet"
n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM stage_versions WHERE retracted = 1 AND reason = 'recorded on the wrong family'")
[ "$n" = 1 ] || fail "the stage retraction is not in the database"
# The list is empty, but h still reaches the retracted stage's history.
send h
wait_for "The history of which? (retracted ones are at the end)"
expect "Preparation"
expect "(retracted "
send Enter
wait_for "History of the stage record"
expect "Reason: recorded on the wrong family"
send Escape
wait_for "No stages recorded yet"
send Escape
wait_for "Family record: Kowalski family"

# The rating: green was meant to be amber.
send r
wait_for "All ratings, newest first (2)"
send e
wait_for "Correct the rating (Enter keeps it as recorded)"
expect "Green (as recorded)"
send Up
send Enter
wait_for "Agreed on"
send Enter
wait_for "Who agreed it?"
send Enter
wait_for "Correcting the rating: Amber"
send End
type_text " But Dad has moved back in."
send C-s
wait_for "Corrected: version 2; h shows the earlier one."
expect "A M B E R"
send h
wait_for "History of the risk rating"
expect "AMBER, agreed on 2026-11-02"
send PageDown
wait_for "Version 1"
expect "GREEN, agreed on 2026-11-02"
send Escape
wait_for "All ratings, newest first (2)"
send d
wait_for "Retract the Amber rating of 2026-11-02?"
type_text "not agreed with the team"
send Enter
wait_for "Retracted; the rating and the reason stay in its history."
wait_for "All ratings, newest first (1)"
expect "R E D"
send h
wait_for "The history of which? (retracted ones are at the end)"
type_text "Amber"
wait_for "Retracted: its history says who retracted it, when and why"
send Enter
wait_for "History of the risk rating"
expect "Reason: not agreed with the team"
send Escape
wait_for "All ratings, newest first (1)"

# A note corrected with nothing changed: not saved, and not "Corrected".
send Escape
wait_for "Family record: Kowalski family"
send n
wait_for "No notes yet"
send a
wait_for "What kind of note?"
send Enter
wait_for "When did it happen?"
send Enter
wait_for "significant event"
send n
wait_for "New note"
type_text "Home visit; all three at home."
send C-s
wait_for "Note saved."
send e
wait_for "Correcting a note"
send C-s
wait_for "Nothing was changed, so nothing was saved."
refute "Corrected"
n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM note_versions")
[ "$n" = 1 ] || fail "an unchanged note correction wrote a version ($n versions)"
# Added to at its end, the new words are joined with a space.
send e
wait_for "Correcting a note"
type_text "Mia showed me her room."
send C-s
wait_for "Corrected: version 2."
send Enter
wait_for "Home visit; all three at home. Mia showed me her room."
send Escape
quit_casebook
