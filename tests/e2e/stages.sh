#!/bin/sh
# SPDX-License-Identifier: MIT
# A Cycle of Change stage recorded for one adult and issue, then changed:
# the ring marks where the person is now, in words a parent would use,
# with the worker's task, and the timeline keeps both, oldest first.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-20
export CASEBOOK_TODAY
casebook init --db "$work/t.db" >/dev/null
casebook import "$TOP_SRCDIR/tests/e2e/series.yaml" --db "$work/t.db" >/dev/null ||
	fail "the test family could not be imported"

start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Kowalski family"
send Enter
wait_for "Family record: Kowalski family"
send s
wait_for "No stages recorded yet"
# The cycle is drawn even before anything is recorded.
expect "1 Not ready to think about it yet"
expect "6 Slipped back into old ways"

send a
wait_for "Whose stage?"
# Only adults: the child is not offered.
refute "Mia Kowalski"
type_text "Łu"
send Enter
wait_for "Which issue, for Łukasz Kowalski?"
type_text "Alc"
send Enter
wait_for "Where is Łukasz Kowalski now?"
send Down
wait_for "has thought about changing"
send Enter
wait_for "Assessed on"
send C-u
type_text "2026-10-01"
send Enter
wait_for "Where was it assessed?"
send Enter
wait_for "What would show the next stage?"
type_text "He books a first appointment with the recovery worker."
send Enter
wait_for "The evidence for this stage"
# The evidence is required.
send C-s
wait_for "A stage needs its evidence"
type_text "Łukasz said \"I know the drinking has got out of hand\" but not that he wants to stop."
send C-s
wait_for "Stage saved: Łukasz Kowalski, Contemplation."
expect "Łukasz Kowalski: Alcohol"
expect "▶ 2 Thinking about it, in two minds"
expect "now: Contemplation, since 2026-10-01"
expect "Part of you wants things to be different"
expect "Your task (Contemplation)"
expect "2026-10-01  Contemplation    Imran Chaudhry"

# It moves on: Preparation, today.
send a
wait_for "Whose stage?"
send Enter
wait_for "Which issue, for Łukasz Kowalski?"
send Enter
wait_for "Contemplation: Thinking about it, in two minds (the stage now)"
send Down
send Enter
wait_for "Assessed on"
send Enter
wait_for "Where was it assessed?"
send Enter
wait_for "What would show the next stage?"
send Enter
wait_for "The evidence for this stage"
type_text "Booked the recovery group for Monday and told Zoë."
send C-s
wait_for "Stage saved: Łukasz Kowalski, Preparation."
expect "▶ 3 Getting ready to change"
refute "▶ 2 Thinking"
expect "2026-10-01  Contemplation"
expect "2026-11-20  Preparation"
expect "Your task (Preparation)"

# The timeline, oldest first; each entry opens in full, with its history.
send Up
send Enter
wait_for "Cycle of Change: Contemplation on 2026-10-01"
expect "I know the drinking has got out of hand"
expect "He books a first appointment"
expect "in two minds), assessed on 2026-10-01"
send Escape
wait_for "2026-11-20  Preparation"
send h
wait_for "History of the stage record"
expect "Version 1"
send Escape
wait_for "2026-11-20  Preparation"

# A second track: Zoë and her own issue; Left and Right move between them.
send a
wait_for "Whose stage?"
type_text "Zo"
send Enter
wait_for "Which issue, for Zoë Kowalski?"
type_text "Mental"
send Enter
wait_for "Where is Zoë Kowalski now?"
send End
send Enter
wait_for "Assessed on"
send Enter
wait_for "Where was it assessed?"
send Down
send Enter
wait_for "What would show the next stage?"
send Enter
wait_for "The evidence for this stage"
type_text "Stopped her medication in October; back with the GP now."
send C-s
wait_for "Stage saved: Zoë Kowalski, Relapse or lapse."
expect "Zoë Kowalski: Mental health"
expect "▶ 6 Slipped back into old ways"
expect "1 of 2 adults and issues"
expect "2026-11-20  Relapse or lapse"
refute "Contemplation    "
send Right
wait_for "Łukasz Kowalski: Alcohol"
expect "2 of 2 adults and issues"
expect "▶ 3 Getting ready to change"
expect "2026-10-01  Contemplation"
send Left
wait_for "Zoë Kowalski: Mental health"
quit_casebook
