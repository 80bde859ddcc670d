#!/bin/sh
# SPDX-License-Identifier: MIT
# The decisional balance grid at 80x24, and what happens to answers when
# the module changes under them: a field removed and a choice renamed in
# version 2 of the module (run with --modules). The old answers show as
# retired or "no longer a choice", with their history: never lost.
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

open_module() {
	wait_for "FS-26-9001"
	send Enter
	wait_for "Family record"
	send p
	wait_for "Programme:"
	send /
	wait_for "Find a module or a session"
	type_text "Drugs and"
	send Enter
	send Enter
	wait_for "6 Drugs and alcohol:"
}

# find TEXT: select the next row that mentions TEXT.
find_row() {
	send /
	wait_for "Find a part, a field"
	type_text "$1"
	send Enter
	wait_gone "Find a part, a field"
}

start_casebook --db "$db" --as "Sam Okafor"
open_module

# The grid: two rows by two columns, with their labels, readable here.
find_row "Decisional balance"
send Enter
wait_for "Decisional balance: Ryan Brennan"
expect "Good things"
expect "Not so good things"
expect "Things as"
expect "Cutting down"
send Enter
wait_for "Things as they are / Good things"
type_text '"It switches my head off after a long shift."'
send C-s
wait_for "Saved."
wait_for "switches my head off"
send Down
send Right
send Enter
wait_for "Cutting down or stopping / Not so good things"
type_text '"What would I do with the evenings?"'
send C-s
wait_for "Saved."
wait_for "What would I do with"
expect "switches my head off"
send h
wait_for "History: Decisional balance, Ryan Brennan"
expect "Version 2,"
expect "Version 1,"
send Escape
wait_for "Decisional balance: Ryan Brennan"
send Escape
wait_for "6 Drugs and alcohol:"
expect "Things as they are / Good things"

# Answers that version 2 of the module will not have a place for.
find_row "What this adult uses"
send Enter
wait_for "Space ticks, Enter accepts"
send Space
send Enter
wait_gone "Space ticks, Enter accepts"
wait_re "What this adult uses +Alcohol"
find_row "How often"
send Enter
wait_for "Enter chooses, Esc cancels"
type_text "most w"
send Enter
wait_gone "Enter chooses, Esc cancels"
find_row "Treatment now"
send Enter
wait_for "Enter chooses, Esc cancels"
type_text "referred"
send Enter
wait_gone "Enter chooses, Esc cancels"
wait_re "Treatment now +Referred, waiting"
quit_casebook

# Version 2: "Treatment now" removed, and the "Most weeks" and "Alcohol"
# choices given new ids.
mkdir -p "$work/modules"
awk '
	/^      - id: treatment$/ { skip = 1; next }
	skip && /^  - id:/ { skip = 0 }
	skip { next }
	{ sub(/^version: 1$/, "version: 2"); sub(/id: weekly,/, "id: most_weeks,")
	  sub(/id: alcohol, label: "Alcohol"/, "id: drink, label: \"Alcohol\""); print }
' "$TOP_SRCDIR/modules/drugs-alcohol.yaml" >"$work/modules/drugs-alcohol.yaml"
grep -q "id: most_weeks" "$work/modules/drugs-alcohol.yaml" || fail "the choice was not renamed"
grep -q "id: drink" "$work/modules/drugs-alcohol.yaml" || fail "the option was not renamed"
grep -q "id: treatment" "$work/modules/drugs-alcohol.yaml" && fail "the field was not removed"
casebook modules check "$work/modules/drugs-alcohol.yaml" >/dev/null 2>&1 ||
	fail "the changed module does not check"

start_casebook --db "$db" --as "Sam Okafor" --modules "$work/modules"
open_module
# The renamed choice: the old answer kept as written, marked.
wait_re "How often, at the moment +weekly \(no longer a choice\)"
wait_re "What this adult uses +alcohol \(no longer a choice\)"
refute "Treatment now"
# The removed field: at the end, read-only, with the version it was
# written under.
send End
wait_for "Retired fields"
expect "Kept from earlier versions of the module"
expect "pattern.treatment (Ryan Brennan): no longer in the module; written under"
expect "version 1"
expect "referred"
send h
wait_for "History: pattern.treatment, Ryan Brennan"
expect "Version 1,"
expect "under version 1 of the module"
send Escape
wait_for "Retired fields"
send Enter
wait_for "Retired field: pattern.treatment"
expect "Read-only: kept as it was written."
send Escape
wait_for "Retired fields"
# The table is untouched by the change.
find_row "Decisional balance"
send Enter
wait_for "Decisional balance: Ryan Brennan"
expect "switches my head off"
expect "What would I do with"
send Escape
wait_for "6 Drugs and alcohol:"
# A ticked option that has gone stays ticked until the worker unticks it.
find_row "What this adult uses"
send Enter
wait_for "[x] alcohol (no longer a choice)"
expect "[ ] Alcohol"
send Home
send Space
send Enter
wait_for "Untick what is marked"
wait_for "[x] Alcohol"
send End
send Space
send Enter
wait_gone "Space ticks, Enter accepts"
wait_re "What this adult uses +Alcohol"
# A new answer is written under version 2.
find_row "How often"
send Enter
wait_for "Enter chooses, Esc cancels"
type_text "most w"
send Enter
wait_gone "Enter chooses, Esc cancels"
wait_re "How often, at the moment +Most weeks"
send h
wait_for "under version 2 of the module"
expect "weekly (no longer a choice)"
send Escape
quit_casebook
echo "module-retired: ok"
