#!/bin/sh
# SPDX-License-Identifier: MIT
# The trainer's notes (F2) and the example in the editor (F3) read on a
# page at a time with F4, with a marker saying there is more: nothing is
# cut off unread, and the exercise ("Try: ...") is always reachable. The
# text checked is read from data/training-help.yaml.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

help="$TOP_SRCDIR/data/training-help.yaml"
# A folded field of an entry, on one line: field ID KEY.
field() {
	awk -v id="$1" -v key="$2" '
		$1 == "-" && $2 == "id:" { cur = $3; on = 0; next }
		cur == id && $1 == key ":" { on = 1; next }
		on && /^      / { sub(/^ +/, ""); printf "%s ", $0; next }
		on { exit }' "$help" | sed 's/ *$//'
}
flat() { tr '\n' ' ' | tr -s ' '; }

# read_all FIRST-ROW LAST-ROW: every page of a panel, F4 after F4, until
# it says it is at its end; the text of all pages, flattened.
read_all() {
	: >"$work/read"
	n=0
	while :; do
		screen | sed -n "$1,$2p" |
			grep -v -- "-- more (lines\|-- the end (lines\|An example of good recording" \
			>>"$work/read"
		screen | grep -q -- "-- the end (lines" && break
		screen | grep -q -- "-- more (lines" || fail "no marker on a panel that is cut"
		n=$((n + 1))
		[ "$n" -lt 12 ] || fail "the panel never reached its end"
		before=$(screen)
		send F4
		k=50
		while [ "$(screen)" = "$before" ] && [ "$k" -gt 0 ]; do sleep 0.1; k=$((k - 1)); done
	done
	flat <"$work/read"
}

start_casebook --training
wait_for "Who do you want to be?"
type_text "Imran"
send Enter
wait_for "Price family"
wait_for "Trainer's notes"
# The caseload's notes are longer than the panel: marked, and read on.
expect "-- more (lines 1-"
text=$(read_all 16 22)
try=$(field caseload try | flat)
[ -n "$try" ] || fail "no exercise for the caseload in $help"
case $text in *"Try: $try"*) ;; *) fail "the exercise was never shown whole: $text" ;; esac
# At the end, F4 goes back to the start.
send F4
wait_for "-- more (lines 1-"

# The example in a note's editor, likewise.
send Enter
wait_for "Family record: Price family"
send F2
wait_gone "Trainer's notes"
send n
send a
wait_for "What kind of note?"
send Enter
send Enter
send n
wait_for "An example of good recording"
example=$(field note-editor good_recording | flat)
[ -n "$example" ] || fail "no example for the note editor in $help"
if screen | grep -q -- "-- more (lines"; then
	got=$(read_all 10 22)
else
	got=$(screen | sed -n '10,22p' | grep -v "An example of good recording" | flat)
fi
case $got in *"$example"*) ;; *) fail "the example was never shown whole: $got" ;; esac
send Escape
wait_for "Case notes"
quit_casebook
