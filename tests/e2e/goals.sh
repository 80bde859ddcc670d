#!/bin/sh
# SPDX-License-Identifier: MIT
# A goal set on screen in the family's words and reviewed twice: the list
# shows the latest score and the scores so far; the goal screen charts
# both reviews, dated and labelled; the history has the goal and both
# reviews with who and when. Changing a goal needs a reason.
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
send g
wait_for "No goals yet"

# Set it: whose, the words (required), who proposed it, why, target,
# when agreed, the steps.
send a
wait_for "Whose goal is it?"
type_text "Zo"
send Enter
wait_for "in the family's own words"
send Enter
wait_for "it cannot be empty"
type_text "I want the kids to feel safe."
send Enter
wait_for "Who proposed the goal?"
send Enter
wait_for "Why it matters to them"
type_text "Mia hides upstairs when there is shouting."
send Enter
wait_for "Target date"
type_text "2027-01-31"
send Enter
wait_for "Agreed on"
send Enter
wait_for "The steps"
type_text "Keep to the safety plan; tell Mia who she can go to."
send C-s
wait_for "Goal saved"
expect '"I want the kids to feel safe."'
expect "Zoë Kowalski"
expect "none yet"
expect "Active"

# Two reviews: 3 on the first of October, 7 today.
send r
wait_for "Date of the review"
send C-u
type_text "2026-10-01"
send Enter
wait_for "How near is the goal now?"
expect "0 = not started, 10 = achieved"
send 3
send Enter
wait_for "Why this number"
type_text "Zoë: \"a three, because the plan is written down now\"."
send C-s
wait_for "Review saved: 3 out of 10 on 2026-10-01."
expect "3/10"
send r
wait_for "Date of the review"
send Enter
wait_for "How near is the goal now?"
send 7
send Enter
wait_for "Why this number"
type_text "She used the plan twice; Mia told school she feels safer."
send C-s
wait_for "Review saved: 7 out of 10 on 2026-11-20."
expect "7/10"
# The scores so far, in the row: a low block, then a higher one.
expect "▃▆"

# The goal screen: a bar for each review, dated, its score above it.
send Enter
wait_for "Goal: Zoë Kowalski"
expect "Reviews: 2 (0 = not started, 10 = achieved)"
expect "01/10 20/11"
expect "2026"
screen | grep -q ' 10 ┤  *7$' || fail "the 7 is not labelled above its bar"
screen | grep -q '  8 ┤       ▄▄▄$' || fail "the bar for 7 is not drawn"
screen | grep -q '  6 ┤  3    ███$' || fail "the 3 is not labelled above its bar"
screen | grep -q '  4 ┤ ▄▄▄   ███$' || fail "the bar for 3 is not drawn"
screen | grep -q '  2 ┤ ███   ███$' || fail "the bars are not drawn"
expect "2026-11-20  7/10"
expect "2026-10-01  3/10"
expect "She used the plan twice"
# The whole goal, to read.
send Enter
wait_for "Reviews, newest first"
expect "Target date: 2027-01-31"
expect "2026-10-01: 3 out of 10"
send Escape
wait_for "Goal: Zoë Kowalski"

# The history: the goal and both reviews, with who and when.
send h
wait_for "History of the goal and its reviews"
expect "Score 7 out of 10"
expect "Score 3 out of 10"
send End
wait_for "The goal, version 1"
expect "Imran Chaudhry"
send Escape
wait_for "Goal: Zoë Kowalski"

# Changing a goal needs the reason; Esc leaves it as it was.
send s
wait_for "Mark the goal"
send Down
send Enter
wait_for "Why was the goal changed?"
send Enter
wait_for "a reason is needed"
send Escape
wait_gone "Why was the goal changed?"
expect "Active · proposed by a parent"
send s
wait_for "Mark the goal"
send Enter
wait_for "What shows it is achieved?"
type_text "Mia says she feels safe; no incidents since June."
send Enter
wait_for "The goal is marked Achieved"
expect "Achieved: Mia says she feels safe"
send Escape
wait_for "The goal, in the family's words"
expect "Achieved"
quit_casebook
