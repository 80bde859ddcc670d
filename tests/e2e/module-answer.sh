#!/bin/sh
# SPDX-License-Identifier: MIT
# The programme screens at 80x24: open a family's programme, open a
# module, answer a long-text field, a choice and a scale for one adult,
# record a session from the module; quit, start again and find it all
# still there, and in `casebook show family`.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-20
export CASEBOOK_TODAY

# wait_re REGEX [SECONDS]: until a line on the screen matches REGEX.
wait_re() {
	_n=$(( ${2:-10} * 10 ))
	while [ "$_n" -gt 0 ]; do
		screen | grep -Eq -- "$1" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	echo "FAIL: nothing matched '$1'. The screen:"
	screen
	exit 1
}
db="$work/casebook.db"
casebook import "$TOP_SRCDIR/tests/data/programme-family.yaml" --db "$db" >/dev/null ||
	fail "the test family did not import"

# open_module: from the caseload to the Drugs and alcohol module.
open_module() {
	wait_for "FS-26-9001"
	send Enter
	wait_for "Family record"
	send p
	wait_for "Programme:"
	expect "Sustaining change"
	send /
	wait_for "Find a module or a session"
	type_text "Drugs and"
	send Enter
	send Enter
	wait_for "6 Drugs and alcohol:"
}

start_casebook --db "$db" --as "Sam Okafor"
open_module
expect "0 of 32 answered"
# Sections for each adult repeat per person, titled with their name;
# required fields are marked.
expect "Patterns of use: Ryan Brennan (Parent)"
expect "Patterns of use: Jodie Brennan (Parent)"
expect "* Their account of their use, in their own words"

# A long-text answer, in the editor, with the module's example beside it.
send /
wait_for "Find a part, a field"
type_text "account of their use"
send Enter
send Enter
wait_for "An example of good recording"
expect "Drugs and alcohol: Patterns of use, Ryan Brennan"
type_text 'Ryan says he has "a few cans after work, never more"; Isla is in bed by then.'
send C-s
wait_for "Saved."
wait_for "1 of 32 answered"
expect "a few cans after work"

# A choice: the label is shown, the option id stored.
send Up
send Enter
wait_for "Enter chooses, Esc cancels"
expect "Not using now"
type_text "most w"
send Enter
wait_gone "Enter chooses, Esc cancels"
wait_re "How often, at the moment +Most weeks"

# A scale shows its anchors and which way it runs.
send /
wait_for "Find a part, a field"
type_text "How important"
send Enter
send Enter
wait_for "Higher is better"
expect "Not important at all"
expect "The most important thing right now"
send 7
wait_for "Chosen: 7"
send Enter
wait_for "7 out of 10"
wait_for "3 of 32 answered"

# History: who and when.
send h
wait_for "History: How important"
expect "Version 1,"
expect "Sam Okafor"
expect "under version 1 of the module"
send Escape
wait_for "6 Drugs and alcohol:"

# A session from the module: this module is ticked to begin with.
send r
wait_for "When was the session?"
send Enter
wait_for "Who was there?"
expect "[x] Sam Okafor (Social worker)"
expect "Dev Lowe (Recovery worker)"
send Down
send Space
send Enter
wait_for "Which modules did you work on?"
expect "[x] Drugs and alcohol"
send Enter
wait_for "What was covered"
type_text 'Weighed up change with Ryan: "the hangovers are not worth it".'
send C-s
wait_for "Session of 2026-11-20 saved."
send Escape
wait_for "Programme: 0 of 8 complete, 1 in progress, 1 session"
wait_re "6 +Drugs and alcohol +in progress +1 +2026-11-20"
expect "Sessions, newest first (1)"
expect "2026-11-20  Drugs and alcohol"
quit_casebook

# Everything is still there after a restart.
start_casebook --db "$db" --as "Sam Okafor"
open_module
expect "3 of 32 answered"
expect "a few cans after work"
wait_re "How often, at the moment +Most weeks"
send /
wait_for "Find a part, a field"
type_text "How important"
send Enter
wait_for "7 out of 10"
# The session, in full, from the programme screen.
send Escape
wait_for "Programme:"
send End
send Enter
wait_for "Session on 2026-11-20"
expect "Who was there:"
expect "the hangovers are not worth it"
# Correcting a session is a new version; the history keeps both.
send Escape
wait_for "Programme:"
send e
wait_for "Correct what in the session?"
type_text "What the session"
send Enter
wait_for "Correcting a session"
send C-End
type_text " Ryan chose the diary himself."
send C-s
wait_for "Corrected: version 2."
send h
wait_for "History of the session"
expect "Version 2"
expect "Version 1"
send Escape
quit_casebook

# The record as text shows where the programme has got to.
casebook show family FS-26-9001 --db "$db" >"$work/show.txt" ||
	fail "casebook show family failed"
grep -Eq "Drugs and alcohol +in progress +1 +2026-11-20" "$work/show.txt" ||
	{ echo "FAIL: show family does not list the progress:"; cat "$work/show.txt"; exit 1; }
echo "module-answer: ok"
