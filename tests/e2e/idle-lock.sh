#!/bin/sh
# SPDX-License-Identifier: MIT
# The idle lock: after the idle time the screen shows nothing of the
# record, what was being written is kept first, a wrong password keeps it
# locked, and the login's own password returns to the same screen with the
# text intact. PAM is the test's own (pam_wrapper's pam_matrix).
. "$TOP_SRCDIR/tests/e2e/lib.sh"
. "$TOP_SRCDIR/tests/e2e/pam.sh"

me=$(id -un)
pam_matrix "$me" "open sesame"
E2E_ENV="$E2E_ENV CASEBOOK_IDLE_LOCK=4s"
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
db="$work/t.db"
casebook init --db "$db" >/dev/null
casebook import "$TOP_SRCDIR/data/sample/00-team.yaml" "$TOP_SRCDIR/data/sample/10-price.yaml" \
	--db "$db" >/dev/null || fail "the sample did not import"

start_casebook --db "$db" --as "Imran Chaudhry"
wait_for "Caseload"
send Enter
wait_for "Family record: Price family"
send n
wait_for "Case notes"
send a
wait_for "What kind of note?"
send Enter
wait_for "When did it happen?"
send Enter
wait_for "significant event"
send n
wait_for "New note:"
type_text "Kerry said the new routine is holding"

# Idle: locked, with nothing of the family on the screen.
wait_for "casebook is locked" 12
expect "Press Enter and give the password of the login $me to go on."
for word in Price Kerry routine "Imran Chaudhry" "New note" FS-26; do
	refute "$word"
done
[ "$(sqlite3 "$db" "SELECT count(*) FROM drafts WHERE body LIKE '%routine is holding%'")" = 1 ] ||
	fail "the draft was not kept before locking"

# A wrong password: still locked.
send Enter
wait_for "Password of $me:"
type_text "open says me"
send Enter
wait_for "that is not the password of $me"
expect "casebook is locked"
refute "Price"

# The right one: the same screen, the text intact.
send Enter
wait_for "Password of $me:"
type_text "open sesame"
send Enter
wait_for "Kerry said the new routine is holding"
expect "New note:"
refute "casebook is locked"
send C-s
wait_for "Note saved."

# Ctrl-C while locked asks, as anywhere else; no keeps it locked.
wait_for "casebook is locked" 12
send C-c
wait_for "Quit casebook?"
refute "Price"
send n
wait_for "casebook is locked"
send C-c
wait_for "Quit casebook?"
send y
wait_for "casebook exited 0"

# A bad idle time is refused before anything opens.
start_casebook --db "$db" --as "Imran Chaudhry" --idle-lock soon
wait_for "casebook exited 2"
grep -q "the idle lock 'soon' is not a number of minutes" "$work/stderr" ||
	fail "no clear message: $(cat "$work/stderr")"
