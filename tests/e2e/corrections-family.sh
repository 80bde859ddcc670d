#!/bin/sh
# SPDX-License-Identifier: MIT
# On the family record: a member's name and date of birth corrected, a
# member removed, an allocation ended and another retracted, each with its
# history one key away (the removed and retracted ones too, marked so); the same worker cannot be allocated twice; and
# the whole record, opened in error, retracted.
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
expect "Zoe Kowalsky"

# The name was mis-spelt and the date of birth mis-keyed.
send e
wait_for "Correct what?"
expect "The family's reference and name"
type_text "Zoe"
send Enter
wait_for "Name (as the person writes it):"
send C-u
type_text "Zoë Kowalski"
send Enter
wait_for "Their place in the family"
send Enter
wait_for "Date of birth"
send C-u
type_text "1994-07-15"
send Enter
wait_for "Corrected Zoë Kowalski: version 2; h shows the earlier one."
expect "Zoë Kowalski, 32 (Parent)"
refute "Zoe Kowalsky"
send h
wait_for "The history of what?"
type_text "Zoë"
send Enter
wait_for "History of a family member"
expect "Zoë Kowalski (Parent, born 1994-07-15)"
send PageDown
wait_for "Zoe Kowalsky (Parent, born 1994-05-17)"
send Escape
wait_for "Family record: Kowalski family"

# Nothing changed: nothing saved, and it says so.
send e
wait_for "Correct what?"
type_text "Łukasz"
send Enter
wait_for "Name (as the person writes it):"
send Enter
wait_for "Their place in the family"
send Enter
wait_for "Date of birth"
send Enter
wait_for "Nothing was changed, so nothing was saved."

# The same worker twice is refused.
send w
wait_for "Allocate which worker?"
type_text "Marisol"
send Enter
wait_for "Their role on this case"
send Enter
wait_for "Marisol Ortega is already allocated to this family"

# A member removed, with a reason.
send d
wait_for "Remove a member, retract a record, or end an allocation?"
type_text "Mia"
send Enter
wait_for "Remove Mia Kowalski from the family?"
send Enter
wait_for "a reason is required"
type_text "added to the wrong family"
send Enter
wait_for "Removed Mia Kowalski; the record and the reason stay in the history."
refute "Mia Kowalski, "

# An allocation ended: it leaves the record's workers, dated.
send d
wait_for "Remove a member, retract a record, or end an allocation?"
type_text "Marisol"
send Enter
wait_for "End it: they no longer work with the family"
send Enter
wait_for "The last day of the allocation"
send Enter
wait_for "Ended Marisol Ortega's allocation"
refute "Marisol Ortega,"
# Ended, she can be allocated again.
send w
wait_for "Allocate which worker?"
type_text "Marisol"
send Enter
wait_for "Their role on this case"
send Enter
wait_for "Marisol Ortega, Domestic abuse"
# ... and that one retracted, as a mistake.
send d
wait_for "Remove a member, retract a record, or end an allocation?"
type_text "Marisol"
send Enter
wait_for "Retract it: it was made in error"
send Down
send Enter
wait_for "Retract the allocation?"
type_text "allocated by mistake"
send Enter
wait_for "Retracted; the allocation and the reason stay in its history."
refute "Marisol Ortega,"
# Retracted, they have left the record, but their history is still one
# key away: h offers them, marked, and shows who retracted them and why.
send h
wait_for "The history of what?"
type_text "Mia"
wait_for "(retracted "
send Enter
wait_for "History of a family member"
expect "Imran Chaudhry, RETRACTED"
expect "Reason: added to the wrong family"
send Escape
wait_for "Family record: Kowalski family"
send h
wait_for "The history of what?"
type_text "Marisol Ortega, Domestic"
wait_for "An allocation, retracted"
send Enter
wait_for "History of an allocation"
expect "Reason: allocated by mistake"
send Escape
wait_for "Family record: Kowalski family"
# The ended allocation has left the record too; h still reaches it.
send h
wait_for "The history of what?"
type_text "ended 2026-11-20"
wait_for "An allocation that has ended"
send Enter
wait_for "History of an allocation"
expect "to 2026-11-20"
send Escape
wait_for "Family record: Kowalski family"
# The whole record, opened in error: offered last, retracted with a
# reason; it leaves the caseload and its screen closes.
send d
wait_for "Remove a member, retract a record, or end an allocation?"
send End
wait_for "It leaves the caseload; everything in it stays in the history."
send Enter
wait_for "Retract the whole record of FS-26-0900 Kowalski family?"
send Enter
wait_for "say why: a reason is required"
type_text "Opened twice for the same family"
send Enter
wait_for "Retracted the record of FS-26-0900; it and the reason stay in the history."
wait_for "Caseload"
refute "Kowalski family"
quit_casebook

n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM person_versions WHERE retracted = 1 AND reason = 'added to the wrong family'")
[ "$n" = 1 ] || fail "the removal is not in the database"
n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM allocation_versions WHERE end_date = '2026-11-20'")
[ "$n" = 1 ] || fail "the allocation's end is not in the database"
n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM allocation_versions WHERE retracted = 1 AND reason = 'allocated by mistake'")
[ "$n" = 1 ] || fail "the allocation's retraction is not in the database"
n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM family_versions WHERE retracted = 1 AND reason = 'Opened twice for the same family'")
[ "$n" = 1 ] || fail "the family's retraction is not in the database"
