#!/bin/sh
# SPDX-License-Identifier: MIT
# Text being typed survives a kill -9: the next start offers it back.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
need sqlite3

casebook init --db "$work/t.db" >/dev/null
casebook add worker "Amira Haddad" --role social-worker --db "$work/t.db" >/dev/null

start_casebook --db "$work/t.db" --as "Amira Haddad"
wait_for "Caseload"
send a
wait_for "Case reference"
type_text "FS-26-0002"
send Enter
wait_for "How the team refers"
type_text "Nguyễn family"
send Enter
wait_for "Allocate yourself"
send y
wait_for "Family record"
new_note
type_text "Khoa told me he makes his mum's tea every night"
# The draft is kept within a few seconds; then the power goes.
n=0
until sqlite3 "$work/t.db" "SELECT body FROM drafts" 2>/dev/null | grep -q "tea every night"; do
	n=$((n + 1))
	[ $n -lt 100 ] || fail "no draft was kept"
	sleep 0.1
done
kill -9 "$(cat "$work/pid")"
wait_for "casebook exited 137"

start_casebook --db "$work/t.db" --as "Amira Haddad"
wait_for "Unsaved text from"
expect "Khoa told me he makes his mum's tea every night"
# Kept for its place by default, never saved as something else; the
# second choice goes straight to the family.
expect "Keep it: it comes back when you add a case note for this family"
refute "Save it now"
send Down
send Enter
wait_for "Family record"
[ "$(sqlite3 "$work/t.db" "SELECT count(*) FROM note_versions")" = 0 ] ||
	fail "recovery saved a note nobody asked for"
send n
wait_for "Case notes"
send a
wait_for "What kind of note?"
send Enter
send Enter
send n
wait_for "Carry on from the draft"
send Enter
wait_for "Khoa told me he makes his mum's tea every night"
send C-s
wait_for "Note saved."
wait_for "Khoa told me he makes his mu"
quit_casebook
[ "$(sqlite3 "$work/t.db" "SELECT count(*) FROM drafts")" = 0 ] || fail "the draft was not cleared"

# A draft also comes back in the place it was written.
start_casebook --db "$work/t.db" --as "Amira Haddad"
wait_for "Caseload"
open_new_note
type_text "Second visit: Hoa was up and dressed"
n=0
until sqlite3 "$work/t.db" "SELECT body FROM drafts" 2>/dev/null | grep -q "up and dressed"; do
	n=$((n + 1))
	[ $n -lt 100 ] || fail "no draft was kept"
	sleep 0.1
done
kill -9 "$(cat "$work/pid")"
wait_for "casebook exited 137"
start_casebook --db "$work/t.db" --as "Amira Haddad"
wait_for "Unsaved text from"
send Enter
wait_for "Caseload"
send Enter
wait_for "Family record"
send n
send a
wait_for "What kind of note?"
send Enter
send Enter
send n
wait_for "Carry on from the draft"
send Enter
wait_for "Second visit: Hoa was up and dressed"
send C-s
wait_for "Note saved."

# Esc, then "Save it": saved, and said so, as Ctrl-S does.
send Escape
wait_for "Family record"
new_note
type_text "Third visit: the tea was made by Hoa"
send Escape
wait_for "The text is not saved"
send Enter
wait_for "Note saved."
[ "$(sqlite3 "$work/t.db" "SELECT count(*) FROM note_versions WHERE body = 'Third visit: the tea was made by Hoa'")" = 1 ] ||
	fail "Save it on leaving did not save the note once"
[ "$(sqlite3 "$work/t.db" "SELECT count(*) FROM drafts")" = 0 ] || fail "a draft was left after Save it"
quit_casebook
