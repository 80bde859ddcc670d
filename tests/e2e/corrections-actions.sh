#!/bin/sh
# SPDX-License-Identifier: MIT
# Issue 15, actions and the discussion: an open action corrected from the
# family record, where the open actions are shown (its words, its owner,
# its due date; nothing changed is said so), its history one key away,
# and one agreed in error retracted with a reason; one agreed in minutes
# signed off refuses both and says what to do. In the minutes, the text
# under a heading of the discussion is retracted with a reason, its
# history still there, and the heading written again; a stage and the
# rating agreed today are retracted there as well. The pickers show a
# label too long for their width whole while it is selected.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
need sqlite3

{
	price_yaml
	cat <<'YAML'
meetings:
  - id: 0a1b2c3d-0000-4000-8000-00000000d001
    date: 2026-10-22
    chair: 7f4d0b1e-1c2a-4e55-9a0b-000000000001
    minute_taker: 7f4d0b1e-1c2a-4e55-9a0b-000000000002
    signed: true
    families:
      - family: 0a1b2c3d-0000-4000-8000-00000000a001
        actions:
          - {id: 0a1b2c3d-0000-4000-8000-00000000c011, text: Write to Zoë setting out the contact plan., owner: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, due: 2026-10-29}
  - id: 0a1b2c3d-0000-4000-8000-00000000d002
    date: 2026-11-19
    chair: 7f4d0b1e-1c2a-4e55-9a0b-000000000001
    minute_taker: 7f4d0b1e-1c2a-4e55-9a0b-000000000002
    signed: false
    families:
      - family: 0a1b2c3d-0000-4000-8000-00000000a001
        discussion:
          worries: Said of the Whitlock family, not this one.
        stages:
          - {id: 0a1b2c3d-0000-4000-8000-00000000a043, person: 0a1b2c3d-0000-4000-8000-00000000a011, issue: safety-from-abuse, stage: action, evidence: Recorded against the wrong parent.}
        rating: {id: 0a1b2c3d-0000-4000-8000-00000000a053, rating: red, rationale: Typed red; amber was agreed.}
        actions:
          - {id: 0a1b2c3d-0000-4000-8000-00000000c021, text: Ring the schol about breakfast club for Ellie-Mae, owner: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, due: 2026-11-26}
          - {id: 0a1b2c3d-0000-4000-8000-00000000c022, text: Book a GP appointment for Zoë about her sleep, owner: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, due: 2026-12-03}
YAML
} >"$work/actions.yaml"
import_db "$work/actions.yaml"

start_casebook --db "$db" --as "Imran Chaudhry"
open_family "Price family"
wait_for "2026-11-26 Ring the schol about"

# The picker cuts the long line to its width and shows it whole below.
send e
wait_for "Correct what? (a new version; the old one is kept)"
wait_for "Ring the schol about breakfast club for Ellie-Mae (Imran Chaudhry, due …"
type_text "Ring the"
wait_for "due 2026-11-26)"
expect "An open action"
# Its words: a new version.
send Enter
wait_for "Correct what in the action? (a new version; the old one is kept)"
expect "Who owns it: Imran Chaudhry"
expect "When it is due: 2026-11-26"
send Enter
wait_for "Correcting an action (a new version; the old one is kept)"
type_text " before half term"
send Enter
wait_for "Corrected: version 2; h shows the earlier one."
wait_for "breakfast club for Ellie-Mae before"

# Its owner: the school, by name.
send e
wait_for "Correct what?"
type_text "Ring the"
send Enter
wait_for "Correct what in the action?"
send Down
send Enter
wait_for "Who owns the action?"
type_text "Another agency"
send Enter
wait_for "Which agency owns the action?"
send Enter
wait_for "The school's name? (may be left empty)"
type_text "Oak Primary"
send Enter
wait_for "Corrected: version 3; h shows the earlier one."
wait_for "half term (Oak Primary (school))"

# Its due date, the same as before: nothing saved, and said so.
send e
wait_for "Correct what?"
type_text "Ring the"
send Enter
wait_for "Correct what in the action?"
send End
send Enter
wait_for "Due by when?"
send Enter
wait_for "Nothing changed: the action stays as it was."

# Its history, one key away.
send h
wait_for "The history of what?"
type_text "Ring the"
send Enter
wait_for "History of the action"
wait_for "Owner Oak Primary (school), due 2026-11-26"
expect "Ring the schol about breakfast club for Ellie-Mae"
send Escape
wait_for "Family record: Price family"

# One agreed in error: retracted, with a reason.
send d
wait_for "Remove a member, retract a record, or end an allocation?"
type_text "Book a GP"
send Enter
wait_for "Retract \"Book a GP appointment for Zoë about her sleep\"?"
send Enter
wait_for "say why: a reason is required"
type_text "Zoë booked it herself"
send Enter
wait_for "Action retracted. It stays in the history."
wait_gone "Book a GP appointment"

# One agreed in signed minutes: they cannot change.
send d
wait_for "Remove a member, retract a record"
type_text "Write to Zo"
send Enter
wait_for "Agreed in the minutes of 2026-10-22, which are signed off and cannot change"
send e
wait_for "Correct what?"
type_text "Write to Zo"
send Enter
wait_for "Agreed in the minutes of 2026-10-22, which are signed off and cannot change"
expect "2026-10-29 ! Write to Zoë setting out"
send Escape
wait_for "Caseload"
quit_casebook

# The minute-taker retracts what the discussion recorded under the wrong
# family: the heading is empty again, its history kept.
start_casebook --db "$db" --as "Mei Ling Chan"
wait_for "Switch to Mei Ling Chan (recorded)?"
send y
open_meeting 2026-11-19
send Enter
wait_for "Minutes: FS-26-0001 Price family"
send Tab
send Tab
wait_for "Said of the Whitlock family, not this one."
send Down
send x
wait_for "Retract what was recorded under What we are worried about?"
type_text "Said of another family"
send Enter
wait_for "Retracted; the text and the reason stay in its history (h)."
wait_gone "Said of the Whitlock family"
send h
wait_for "Said of the Whitlock family, not this one."
send Escape
wait_for "Minutes: FS-26-0001 Price family"
send Enter
wait_for "Ctrl-S"
type_text "Zoë's sleep is poor since the move."
send C-s
wait_for "Saved. Down goes to the next heading."
wait_for "Zoë's sleep is poor since the move."

# The stage and the rating agreed today, recorded in error: x retracts
# them too, with a reason.
send Tab
wait_for "Zoë Price"
send x
wait_for "Retract the stage agreed today for Zoë Price, Action?"
type_text "Recorded against the wrong parent"
send Enter
wait_for "Retracted; it and the reason stay in its history (h)."
send Tab
wait_for "Typed red; amber was agreed."
send x
wait_for "Retract the rating agreed today, Red?"
type_text "Amber was agreed"
send Enter
wait_for "Retracted; it and the reason stay in its history (h)."
wait_gone "Typed red; amber was agreed."
quit_casebook

n=$(sqlite3 "$db" "SELECT count(*) FROM action_versions WHERE retracted = 1 AND reason = 'Zoë booked it herself'")
[ "$n" = 1 ] || fail "the action's retraction is not in the database"
n=$(sqlite3 "$db" "SELECT count(*) FROM answer_versions WHERE retracted = 1 AND reason = 'Said of another family'")
[ "$n" = 1 ] || fail "the discussion's retraction is not in the database"
n=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM stage_versions WHERE retracted = 1) + \
	(SELECT count(*) FROM rating_versions WHERE retracted = 1)")
[ "$n" = 2 ] || fail "the stage's and the rating's retractions are not in the database ($n)"
n=$(sqlite3 "$db" "SELECT count(*) FROM action_versions WHERE action_id = '0a1b2c3d-0000-4000-8000-00000000c011'")
[ "$n" = 1 ] || fail "an action in signed minutes changed"
exit 0
