#!/bin/sh
# SPDX-License-Identifier: MIT
# Issue 15, the rest of "every kind of record can be put right": a
# child's status corrected (a new version) and retracted with a reason
# from the family record, a goal review corrected and retracted from the
# goal, a module answer retracted and answered again, each with its
# history one key away.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

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
      - id: 0a1b2c3d-0000-4000-8000-00000000a013
        name: Ellie-Mae Price
        born: 2017-02-11
        role: child
        statuses:
          - {id: 0a1b2c3d-0000-4000-8000-00000000a061, status: cin, from: 2026-04-08, need: N1, by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003}
    allocations:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a021, worker: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, role: social-worker, from: 2026-03-17}
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
    answers:
      - id: 0a1b2c3d-0000-4000-8000-00000000a091
        module: getting-to-know
        version: 1
        field: why_involved.worry_statement
        date: 2026-04-23
        by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
        value: The worry is written here.
YAML
import_db "$work/fam.yaml"

start_casebook --db "$db" --as "Imran Chaudhry"
open_family "Price family"
wait_for "since 2026-04-08, N1"

# The status: its primary need was mis-keyed.
send e
wait_for "Correct what? (a new version; the old one is kept)"
wait_for "Ellie-Mae Price: Child in Need since 2026-04-08 (need N1)"
type_text "Ellie-Mae Price: Child"
send Enter
wait_for "Child Looked After"
send Enter
wait_for "Primary need"
type_text "Family in"
send Enter
wait_for "Factors at the end of assessment"
send Enter
wait_for "Since when?"
send Enter
wait_for "Corrected: version 2; h shows the earlier one."
wait_for "since 2026-04-08, N4"
# The same again, changing nothing: said so.
send e
wait_for "Correct what?"
type_text "Ellie-Mae Price: Child"
send Enter
wait_for "Child Looked After"
send Enter
wait_for "Primary need"
send Enter
wait_for "Factors at the end of assessment"
send Enter
wait_for "Since when?"
send Enter
wait_for "Nothing changed: the status stays as it was."
send h
wait_for "The history of what?"
type_text "Ellie-Mae Price: Child"
send Enter
wait_for "History of a child's status"
wait_for "Child in Need since 2026-04-08 (need N1)"
wait_for "Child in Need since 2026-04-08 (need N4)"
send Escape
wait_for "Family record: Price family"
# Retracted: recorded on the wrong child.
send d
wait_for "Remove a member, retract a record, or end an allocation?"
type_text "Ellie-Mae Price: Child"
send Enter
wait_for "Why?"
send Enter
wait_for "say why: a reason is required"
type_text "Recorded on the wrong child"
send Enter
wait_for "Retracted; the status and the reason stay in its history."
wait_gone "since 2026-04-08"
# Gone from the record, its history (and why) is still behind h.
send h
wait_for "The history of what?"
type_text "Ellie-Mae Price: Child"
wait_for "A child's status, retracted"
send Enter
wait_for "History of a child's status"
expect "Reason: Recorded on the wrong child"
send Escape
wait_for "Family record: Price family"

# The goal review: the score was mis-keyed.
send g
wait_for "I want the house to feel calm."
send Enter
wait_for "Goal: Zoë Price"
wait_for "2026-06-04  4/10  Getting there."
send e
wait_for "The review selected: 4 out of 10 on 2026-06-04"
send Enter
wait_for "Date of the review"
send Enter
wait_for "How near is the goal now?"
send Right
send Enter
wait_for "Correcting the review of Zoë Price: 5 out of 10 on 2026-06-04"
send C-s
wait_for "Corrected: version 2. The earlier one is kept (h shows it)."
wait_for "2026-06-04  5/10  Getting there."
send d
wait_for "Retract what? (with a reason; it stays in the history)"
expect "The goal itself, with its reviews"
wait_for "The review selected: 5 out of 10 on 2026-06-04"
send Enter
wait_for "Retract the review of 2026-06-04 (5 out of 10)?"
type_text "Scored against the wrong goal"
send Enter
wait_for "Retracted; the review and the reason stay in the history (h)."
wait_gone "2026-06-04  5/10"
send h
wait_for "History of the goal and its reviews"
wait_for "Reason for this version: Scored against the wrong goal (RETRACTED)"
wait_for "Score 4 out of 10"
send Escape
send Escape
wait_for "Goals"
send Escape
wait_for "Family record: Price family"

# The module answer: written on the wrong family.
send p
wait_for "Getting to know the family"
send Enter
wait_for "The worry is written here."
send Down
send d
wait_for "Retract this answer? It stays in the history. Why?"
type_text "Written on the wrong family"
send Enter
wait_for "Retracted; the answer and the reason stay in its history (h)."
wait_gone "The worry is written here."
send h
wait_for "History: The worry, in words the family would understand"
wait_for "The worry is written here."
send Escape
wait_for "0 of 17 answered"
# Answered again: a new version after the retraction, nobody refused.
send Enter
wait_for "Ctrl-S"
type_text "The worry, in the family's words."
send C-s
wait_for "1 of 17 answered"
send h
wait_for "The worry, in the family's words."
quit_casebook
