#!/bin/sh
# SPDX-License-Identifier: MIT
# An action's owner can be a member of the family or another agency by
# name, as well as a worker: chosen in the minutes, shown there, on the
# family record and in the minutes, plan and report documents. An action
# corrected with nothing changed says so; one agreed in error is
# retracted with a reason and stays in its history.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

{
	price_yaml
	cat <<'YAML'
meetings:
  - id: 0a1b2c3d-0000-4000-8000-00000000d001
    date: 2026-11-20
    chair: 7f4d0b1e-1c2a-4e55-9a0b-000000000001
    minute_taker: 7f4d0b1e-1c2a-4e55-9a0b-000000000002
    signed: false
    families:
      - {family: 0a1b2c3d-0000-4000-8000-00000000a001}
YAML
} >"$work/owners.yaml"
import_db "$work/owners.yaml"

start_casebook --db "$db" --as "Mei Ling Chan"
open_meeting 2026-11-20
send Enter
wait_for "Minutes: FS-26-0001 Price family"
send BTab
wait_for "No actions agreed yet."

# Zoë owns the first: a member of the family.
send a
wait_for "New action: FS-26-0001"
type_text "Zoë to ring the school about the breakfast club"
send Enter
wait_for "Who owns the action?"
wait_for "A member of the family: a parent, the child..."
wait_for "Another agency: the school, the GP, the police..."
send Down
wait_for "A member of the family"
send Enter
wait_for "Which member of the family owns the action?"
wait_for "Ellie-Mae Price (Child)"
type_text "Zo"
send Enter
wait_for "Due by when?"
type_text "+1w"
send Enter
wait_for "Owner Zoë Price, due 2026-11-27"

# The school owns the second, by name.
send a
wait_for "New action: FS-26-0001"
type_text "Offer Ellie-Mae a place at breakfast club"
send Enter
wait_for "Who owns the action?"
send Down
send Down
send Enter
wait_for "Which agency owns the action?"
send Enter
wait_for "The school's name? (may be left empty)"
type_text "Oak Primary"
send Enter
wait_for "Due by when?"
type_text "+2w"
send Enter
wait_for "Oak Primary (school), due 2026-12-04"

# Another agency needs its name.
send a
wait_for "New action: FS-26-0001"
type_text "Invite Zoë to the freedom programme"
send Enter
wait_for "Who owns the action?"
send Down
send Down
send Enter
wait_for "Which agency owns the action?"
type_text "Another"
send Enter
wait_for "The agency's name? (required)"
send Enter
wait_for "give the agency's name"
type_text "Women's Aid"
send Enter
wait_for "Due by when?"
type_text "+3w"
send Enter
wait_for "Women's Aid, due 2026-12-11"

# Enter on it and through, changing nothing: said so, nothing saved.
send Enter
wait_for "Correcting an action: FS-26-0001"
send C-s
wait_for "Who owns the action?"
send Enter
wait_for "Which agency owns the action?"
send Enter
wait_for "The agency's name? (required)"
send Enter
wait_for "Due by when?"
send Enter
wait_for "Nothing changed: the action stays as it was."

# It was agreed in error: retracted with a reason, kept in its history.
send x
wait_for "Why? (required)"
send Enter
wait_for "say why: a reason is required"
type_text "Zoë has already finished the programme"
send Enter
wait_for "Action retracted. It stays in the history."
refute "Women's Aid, due"
# The history of the action selected now (the school's) is one key away.
send h
wait_for "History of the action"
wait_for "Oak Primary (school), due 2026-12-04"
send Escape
wait_for "Minutes: FS-26-0001 Price family"
quit_casebook

# The family record and the documents name the owners.
record=$(casebook show family FS-26-0001 --db "$db") || fail "show family failed"
for want in "Zoë Price" "Oak Primary (school)"; do
	printf '%s\n' "$record" | grep -qF "$want" || fail "the record lacks '$want': $record"
done
printf '%s\n' "$record" | grep -qF "freedom programme" && fail "a retracted action is shown: $record"
minutes=$(casebook export minutes 0a1b2c3d-0000-4000-8000-00000000d001 --family FS-26-0001 \
	--format txt --db "$db") || fail "export minutes failed"
for want in "Zoë Price             2026-11-27" "Oak Primary (school)  2026-12-04"; do
	printf '%s\n' "$minutes" | grep -qF "$want" || fail "the minutes lack '$want': $minutes"
done
plan=$(casebook export plan FS-26-0001 --format txt --db "$db") || fail "export plan failed"
for want in "What we agreed to do" "Who does it: Oak Primary (school)" "Who does it: Zoë Price"; do
	printf '%s\n' "$plan" | grep -qF "$want" || fail "the plan lacks '$want': $plan"
done
report=$(casebook export report FS-26-0001 --format txt --db "$db") || fail "export report failed"
printf '%s\n' "$report" | grep -qF "Oak Primary (school)" || fail "the report lacks the owner: $report"
exit 0
