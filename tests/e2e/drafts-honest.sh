#!/bin/sh
# SPDX-License-Identifier: MIT
# Honest messages: "Kept as a draft." only when the draft row is really
# committed. When the draft cannot be written (here the database refuses
# every draft, as a full disk would), the editor says so and stays open
# with the text, and quitting says the text would be lost.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

. "$TOP_SRCDIR/tests/e2e/drafts-lib.sh"
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Caseload"
open_new_note
type_text "Lily walked to school"
wait_draft 1 "Lily walked to school"

# From now on every draft write fails, the way it does on a full disk.
sqlite3 "$db" "CREATE TRIGGER refuse_drafts BEFORE INSERT ON drafts
	BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;"
type_text " with her brother"
wait_for "the draft could not be kept" 5
send Escape
wait_for "The text is not saved"
send Down
send Enter
wait_for "could not be kept as a draft"
refute "Kept as a draft."
expect "New note"
expect "Lily walked to school with her brother"
# F10 asks the same question, with the same honest answer.
send F10
wait_for "The text is not saved"
send Down
send Enter
wait_for "could not be kept as a draft"
expect "Lily walked to school with her brother"
# Ctrl-C says that quitting loses the text; no stays.
send C-c
wait_for "could NOT be kept as a draft"
send n
wait_for "Lily walked to school with her brother"
[ "$(sqlite3 "$db" "SELECT body FROM drafts")" = "Lily walked to school" ] ||
	fail "the draft in the database changed while writes were refused"

# The disk has room again: now it is kept, and says so.
sqlite3 "$db" "DROP TRIGGER refuse_drafts"
send Escape
wait_for "The text is not saved"
send Down
send Enter
wait_for "Kept as a draft."
wait_for "Case notes"
[ "$(sqlite3 "$db" "SELECT body FROM drafts")" = "Lily walked to school with her brother" ] ||
	fail "the draft kept is not the text typed"
quit_casebook
