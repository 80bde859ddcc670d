#!/bin/sh
# SPDX-License-Identifier: MIT
# Dates as people type them, through the one parser: a date of birth as
# 17/05/1994 or 17/5/94 (never a year in the future), a note's date as
# "yesterday", a correction's as "last friday".
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
casebook init --db "$work/t.db" >/dev/null
casebook import "$TOP_SRCDIR/tests/e2e/corrections.yaml" --db "$work/t.db" >/dev/null ||
	fail "the test family could not be imported"

start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Kowalski family"
send Enter
wait_for "Family record: Kowalski family"
send m
wait_for "Name (as the person writes it):"
type_text "Dana Kowalski"
send Enter
wait_for "Their place in the family"
send Down
send Enter
wait_for "Date of birth"
type_text "17/05/1994"
send Enter
wait_for "Added Dana Kowalski."
expect "Dana Kowalski, 32 (Parent)"
send m
wait_for "Name (as the person writes it):"
type_text "Kit Kowalski"
send Enter
wait_for "Their place in the family"
send Enter
wait_for "Date of birth"
# Without a year it cannot be a birth; a two-digit year is in the past.
type_text "3/3"
send Enter
wait_for "is not a date of birth"
send C-u
type_text "3/3/27"
send Enter
wait_for "Added Kit Kowalski."
n=$(sqlite3 "$work/t.db" "SELECT born FROM people_current WHERE name = 'Kit Kowalski'")
[ "$n" = 1927-03-03 ] || fail "3/3/27 as a date of birth became $n"

send n
wait_for "No notes yet"
send a
wait_for "What kind of note?"
send Enter
wait_for "When did it happen?"
send C-u
type_text "yesterday"
send Enter
wait_for "significant event"
send n
wait_for "New note"
type_text "Phone call with Zoë."
send C-s
wait_for "Note saved."
expect "2026-11-26"
quit_casebook
n=$(sqlite3 "$work/t.db" "SELECT born FROM people_current WHERE name = 'Dana Kowalski'")
[ "$n" = 1994-05-17 ] || fail "17/05/1994 was stored as $n"
