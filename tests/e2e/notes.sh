#!/bin/sh
# SPDX-License-Identifier: MIT
# A family made on screen, a note written, corrected and retracted; all
# of it still there after a restart, with its history.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
need sqlite3

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
casebook init --db "$work/t.db" >/dev/null
casebook add worker "Imran Chaudhry" --role social-worker --db "$work/t.db" >/dev/null

start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Caseload"
send a
wait_for "Case reference"
type_text "FS-26-0001"
send Enter
wait_for "How the team refers to the family"
type_text "Kowalski family"
send Enter
wait_for "Allocate yourself to this family?"
send y
wait_for "Family record: Kowalski family"
expect "Imran Chaudhry, Social worker"
send n
wait_for "No notes yet"
send a
wait_for "What kind of note?"
send Enter
wait_for "When did it happen?"
send Enter
wait_for "significant event"
send y
wait_for "New note: Home visit"
type_text "Saw Zoë at home; she said \"it's calmer now\"."
send C-s
wait_for "Note saved."
expect "2026-11-27 *"
quit_casebook

start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Kowalski family"
send Enter
wait_for "Family record"
send n
wait_for "Saw Zoë at home"
# Correct it: a new version; the history keeps both.
send e
wait_for "Correcting a note"
send End
type_text " Łukasz was there too."
send C-s
wait_for "Corrected: version 2."
send h
wait_for "History of the note"
expect "Version 2"
expect "Version 1"
expect "Łukasz was there too."
send Escape
wait_for "Case notes"
# Retraction needs a reason, and keeps the note in the history.
send d
wait_for "Why?"
send Enter
wait_for "a reason is required"
type_text "written on the wrong family"
send Enter
wait_for "Retracted"
wait_for "No notes yet"
# The list is empty, but h still offers the retracted note's history.
send h
wait_for "The history of which? (retracted ones are at the end)"
expect "(retracted "
send Enter
wait_for "History of the note"
expect "Reason: written on the wrong family"
expect "Łukasz was there too."
send Escape
wait_for "No notes yet"
quit_casebook
sqlite3 "$work/t.db" "SELECT count(*) FROM note_versions WHERE retracted = 1 AND reason = 'written on the wrong family'" | grep -qx 1 ||
	fail "the retraction is not in the database"
