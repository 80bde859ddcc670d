#!/bin/sh
# SPDX-License-Identifier: MIT
# Issue 15, goals and sessions: a goal opened to correct it from the
# family record; a goal's words corrected (a new version,
# its history one key away), a goal recorded in error retracted with a
# reason from the goal itself and from the goals list (the selection
# going to the goal that took its place); a programme session's date,
# modules and who was there corrected (the selection going with it when
# its date moves it), its history in words, and a session recorded on
# the wrong family retracted; the retracted goal's and session's history,
# with the reason, still reached with h from the lists they left.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
need sqlite3

cat >"$work/fam.yaml" <<'YAML'
casebook: 1
as_of: 2026-11-20
workers:
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, name: Imran Chaudhry, role: social-worker}
families:
  - id: 0a1b2c3d-0000-4000-8000-00000000a001
    reference: "FS-26-0001"
    name: Price family
    by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
    opened: 2026-03-17
    members:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a011, name: Zoë Price, born: 1994-05-17, role: parent}
      - {id: 0a1b2c3d-0000-4000-8000-00000000a013, name: Ellie-Mae Price, born: 2017-02-11, role: child}
    allocations:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a021, worker: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, role: social-worker, from: 2026-03-17}
    sessions:
      - id: 0a1b2c3d-0000-4000-8000-00000000a031
        date: 2026-10-08
        by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
        modules: [getting-to-know]
        covered: Genogram with Zoë; Ellie-Mae drew her house.
        present: [0a1b2c3d-0000-4000-8000-00000000a011, 7f4d0b1e-1c2a-4e55-9a0b-000000000003]
      - id: 0a1b2c3d-0000-4000-8000-00000000a032
        date: 2026-10-15
        by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
        modules: [getting-to-know]
        covered: Recorded on the wrong family.
        present: [7f4d0b1e-1c2a-4e55-9a0b-000000000003]
    goals:
      - id: 0a1b2c3d-0000-4000-8000-00000000a071
        person: 0a1b2c3d-0000-4000-8000-00000000a011
        words: I want the house to feel calm.
        proposed_by: parent
        set: 2026-04-23
        by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
        status: active
        reviews:
          - {id: 0a1b2c3d-0000-4000-8000-00000000a081, date: 2026-06-04, score: 4, note: Getting there., by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003}
      - id: 0a1b2c3d-0000-4000-8000-00000000a072
        words: Ellie-Mae gets to school on time.
        proposed_by: worker
        set: 2026-05-01
        by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
        status: active
      - id: 0a1b2c3d-0000-4000-8000-00000000a073
        words: A goal typed on the wrong family.
        proposed_by: jointly
        set: 2026-05-02
        by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
        status: active
YAML
import_db "$work/fam.yaml"

start_casebook --db "$db" --as "Imran Chaudhry"
open_family "Price family"
# The family record shows the active goals: e, d and h offer them, and e
# opens the goal, where it is corrected part by part.
send e
wait_for "Correct what? (a new version; the old one is kept)"
type_text "\"Ellie-Mae gets"
wait_for "An active goal"
send Enter
wait_for "Goal: Whole family"
wait_for "e corrects the goal or a review, s marks it achieved, changed or stopped"
send Escape
wait_for "Family record: Price family"
send g
wait_for "\"I want the house to feel calm.\""

# The goal's words, corrected: a new version, with what was wrong.
send Enter
wait_for "Goal: Zoë Price"
send e
wait_for "What needs correcting?"
type_text "The goal, in"
send Enter
wait_for "What was wrong?"
type_text "Not her words"
send Enter
wait_for "The goal, in the family's own words:"
send C-u
type_text "I want our house to feel calm."
send Enter
wait_for "Corrected: version 2. The earlier one is kept (h shows it)."
wait_for "\"I want our house to feel calm.\""
send h
wait_for "History of the goal and its reviews"
wait_for "Reason for this version: Not her words"
expect "\"I want the house to feel calm.\""
send Escape
wait_for "Goal: Zoë Price"

# d asks which: the review selected, or the goal itself. Esc: nothing.
send d
wait_for "Retract what? (with a reason; it stays in the history)"
expect "The review selected: 4 out of 10 on 2026-06-04"
expect "The goal itself, with its reviews"
send Escape
wait_gone "Retract what?"
send d
wait_for "Retract what?"
send Down
wait_for "Only if it was recorded in error: a goal given up is marked stopped"
send Enter
wait_for "Retract the goal \"I want our house to feel calm.\"?"
send Enter
wait_for "say why: a reason is required"
type_text "Zoë's goal was entered twice"
send Enter
# The goal is gone, so its screen closes; the list is without it.
wait_for "Retracted the goal; it and the reason stay in its history."
wait_for "Whose          The goal, in the family's words"
refute "feel calm"
expect "\"Ellie-Mae gets to school on time.\""

# From the list: the goal selected, and the selection stays in place.
send Down
send d
wait_for "Retract the goal \"A goal typed on the wrong family.\"?"
type_text "Typed on the wrong family"
send Enter
wait_for "Retracted the goal; it and the reason stay in its history."
refute "A goal typed on the wrong family."
wait_for "The whole family's goal, proposed by a worker, agreed 2026-05-01"
# Retracted goals have left the list; h still reaches their history.
send h
wait_for "The history of which? (retracted ones are at the end)"
expect "(retracted "
type_text "wrong family"
wait_for "Retracted: its history says who retracted it, when and why"
send Enter
wait_for "History of the goal and its reviews"
wait_for "Reason for this version: Typed on the wrong family"
expect "RETRACTED"
send Escape
wait_for "Whose          The goal, in the family's words"
send Escape
wait_for "Family record: Price family"

# The session's date was mis-keyed: a new version, and it moves to the
# top of the list with the selection on it.
send p
wait_for "Sessions, newest first (2)"
send End
wait_for "Who was there: Zoë Price, Imran Chaudhry."
send e
wait_for "Correct what in the session? (a new version; the old one is kept)"
send Home
send Enter
wait_for "When was the session?"
send C-u
type_text "2026-10-16"
send Enter
wait_for "Corrected: version 2."
wait_for "2026-10-16  Getting to know the fam"
expect "Who was there: Zoë Price, Imran Chaudhry."
# A module left out.
send e
wait_for "Correct what in the session?"
type_text "The modules"
send Enter
wait_for "Which modules did you work on?"
wait_for "[x] Getting to know the family"
send Down
send Space
wait_for "[x] The child's world"
send Enter
wait_for "Corrected: version 3."
wait_for "Modules: Getting to know the family, The child's world."
# Who was there, ticked as it was: nothing saved, and said so.
send e
wait_for "Correct what in the session?"
type_text "Who was"
send Enter
wait_for "[x] Zoë Price (Parent)"
expect "[ ] Ellie-Mae Price (Child)"
send Enter
wait_for "Nothing was changed, so nothing was saved."
send h
wait_for "History of the session"
wait_for "2026-10-08: Getting to know the family"
expect "2026-10-16: Getting to know the family, The child's world"
refute "getting-to-know"
send Escape
# The other was recorded on the wrong family.
send Down
wait_for "Who was there: Imran Chaudhry."
send d
wait_for "Retract this session? It stays in the history. Why?"
type_text "Recorded on the wrong family"
send Enter
wait_for "Retracted; the session and the reason stay in its history."
wait_for "Sessions, newest first (1)"
# ... and its history, with the reason, is still one key away.
send h
wait_for "The history of which? (retracted ones are at the end)"
type_text "retracted"
send Enter
wait_for "History of the session"
expect "Reason: Recorded on the wrong family"
expect "RETRACTED"
send Escape
wait_for "Sessions, newest first (1)"
quit_casebook

n=$(sqlite3 "$db" "SELECT count(*) FROM goal_versions WHERE retracted = 1 AND reason IN \
	('Zoë''s goal was entered twice', 'Typed on the wrong family')")
[ "$n" = 2 ] || fail "the two retractions are not in the database ($n)"
n=$(sqlite3 "$db" "SELECT count(*) FROM goal_review_versions")
[ "$n" = 1 ] || fail "the retracted goal's review was changed ($n versions)"
casebook show family FS-26-0001 --db "$db" | grep -qF "feel calm" &&
	fail "a retracted goal is still shown"
n=$(sqlite3 "$db" "SELECT count(*) FROM session_versions WHERE retracted = 1 AND \
	reason = 'Recorded on the wrong family'")
[ "$n" = 1 ] || fail "the session's retraction is not in the database"
exit 0
