#!/bin/sh
# SPDX-License-Identifier: MIT
# Training mode: the sample families in a scratch copy, a TRAINING banner,
# the trainer's notes, and the real database untouched.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

casebook init >/dev/null
casebook add worker "Real Person" --role social-worker >/dev/null
real="$XDG_DATA_HOME/casebook/casebook.db"
sum=$(cksum <"$real")

start_casebook --training
wait_for "TRAINING"
wait_for "Who do you want to be?"
type_text "Imran"
send Enter
wait_for "Price family"
expect "TRAINING"
expect "Trainer's notes"
send Enter
wait_for "Family record: Price family"
send n
send a
wait_for "What kind of note?"
send Enter
send Enter
send n
wait_for "New note"
type_text "A practice note"
send C-s
wait_for "Note saved."
send F2
wait_gone "Trainer's notes"
quit_casebook
[ "$(cksum <"$real")" = "$sum" ] || fail "training mode changed the real database"
casebook list families | grep -q . && fail "training families leaked into the real database"
ls "${TMPDIR:-/tmp}" | grep -q "casebook-training" && {
	# Only a scratch copy of this run would matter; others may be running.
	:
}
# Starting again starts afresh: the practice note is gone.
start_casebook --training --as "Imran Chaudhry"
wait_for "Price family"
send Enter
send n
wait_for "Case notes"
refute "A practice note"
quit_casebook
