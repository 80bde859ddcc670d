#!/bin/sh
# SPDX-License-Identifier: MIT
# Two terminals of the same worker, each writing a new note for the same
# family: each keeps its own draft, neither writes over the other's. The
# second is not offered the first's text while the first still runs;
# after both are killed, the next start offers both back.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
. "$TOP_SRCDIR/tests/e2e/drafts-lib.sh"

# The terminal the helpers of lib.sh talk to: cb (the newest) or first.
pane=cb
send() { T send-keys -t "$pane" "$@"; }
type_text() { T send-keys -t "$pane" -l "$1"; }
screen() { T capture-pane -t "$pane" -p; }

start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Caseload"
open_new_note
type_text "Written in the first terminal"
wait_draft 1 "Written in the first terminal"
# The first terminal moves aside; a second one opens.
T rename-session -t cb first
mv "$work/pid" "$work/pid1"
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Caseload"
refute "Unsaved text from"
open_new_note
refute "Unsaved text kept"
type_text "Written in the second terminal"
wait_draft "body LIKE '%second%'" "Written in the second terminal"
# Both kept, side by side.
[ "$(sqlite3 "$db" "SELECT count(*) FROM drafts")" = 2 ] ||
	fail "the two terminals do not have a draft each: $(sqlite3 "$db" "SELECT body FROM drafts")"
pane=first
type_text " and more"
wait_draft "body LIKE '%first%'" "Written in the first terminal and more"
[ "$(sqlite3 "$db" "SELECT body FROM drafts WHERE body LIKE '%second%'")" = \
	"Written in the second terminal" ] || fail "the first terminal wrote over the second's draft"

# Both are killed; the next start offers both texts back.
kill -9 "$(cat "$work/pid1")" "$(cat "$work/pid")"
wait_for "casebook exited 137"
pane=cb
wait_for "casebook exited 137"
start_casebook --db "$db" --as "Grace Adeyemi"
# Newest first.
wait_for "Unsaved text from"
expect "Written in the first terminal and more"
send Enter
wait_for "Written in the second terminal"
expect "Unsaved text from"
send Enter
wait_for "Caseload"
# A new note offers the newest back; carrying on from it takes it over.
open_new_note_offered() {
	send Enter
	wait_for "Family record"
	send n
	wait_for "Case notes"
	send a
	wait_for "What kind of note?"
	send Enter
	wait_for "When did it happen?"
	send Enter
	wait_for "significant event"
	send n
}
open_new_note_offered
wait_for "Unsaved text kept"
send Enter
wait_for "Written in the first terminal and more"
send C-s
wait_for "Note saved."
[ "$(sqlite3 "$db" "SELECT body FROM drafts")" = "Written in the second terminal" ] ||
	fail "saving one draft touched the other: $(sqlite3 "$db" "SELECT body FROM drafts")"
quit_casebook
[ "$(sqlite3 "$db" "SELECT count(*) FROM note_versions WHERE body = 'Written in the first terminal and more'")" = 1 ] ||
	fail "the note was not saved once"
