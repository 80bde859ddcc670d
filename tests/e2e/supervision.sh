#!/bin/sh
# SPDX-License-Identifier: MIT
# Business support minutes a group supervision meeting of two families,
# live, by keyboard: the agenda picker puts the family never discussed
# first; attendance is there already and a contribution prepared in the
# workbook is used as it is; last month's actions pull through and take
# one key each; stages and the rating are confirmed from last time; new
# actions get an owner and "+2w". Only the chair can sign off; after it
# everything is read-only. Then: the family record shows the new action
# and the supervision date, the extract of one family's minutes names
# nobody from the other, and the next meeting pulls the open actions
# through and not the done one. (The chair signing at someone else's login,
# with a password through PAM, is in signoff-pam.sh: pam_wrapper cannot
# run under the sanitizers, and this test must.)
. "$TOP_SRCDIR/tests/e2e/lib.sh"


# Two families; the Price family was discussed on 22 October and two
# actions were agreed; Marisol (domestic abuse) wrote her contribution
# for this month in the workbook beforehand.
{ team_yaml; cat <<'EOF'; } >"$work/families.yaml"
families:
  - id: 0a1b2c3d-0000-4000-8000-00000000a001
    reference: "FS-26-0142"
    name: Price family
    by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
    opened: 2026-03-17
    members:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a011, name: Zoë Price, born: 1994-05-17, role: parent}
      - {id: 0a1b2c3d-0000-4000-8000-00000000a012, name: Ryan Price, born: 1991-09-03, role: parent}
      - {id: 0a1b2c3d-0000-4000-8000-00000000a013, name: Ellie-Mae Price, born: 2017-02-11, role: child}
    allocations:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a021, worker: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, role: social-worker, from: 2026-03-17}
      - {id: 0a1b2c3d-0000-4000-8000-00000000a022, worker: 7f4d0b1e-1c2a-4e55-9a0b-000000000004, role: da-victim-practitioner, from: 2026-03-17}
      - {id: 0a1b2c3d-0000-4000-8000-00000000a023, worker: 7f4d0b1e-1c2a-4e55-9a0b-000000000005, role: child-practitioner, from: 2026-03-17}
    notes:
      - id: 0a1b2c3d-0000-4000-8000-00000000a031
        date: 2026-11-18
        kind: contribution
        by: 7f4d0b1e-1c2a-4e55-9a0b-000000000004
        significant: false
        text: Zoë has updated her safety plan for handovers and shared it with Ryan's mum.
    stages:
      - id: 0a1b2c3d-0000-4000-8000-00000000a041
        person: 0a1b2c3d-0000-4000-8000-00000000a012
        issue: abusive-behaviour
        stage: action
        date: 2026-10-01
        by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
        evidence: Full attendance at the group; names his own behaviour.
        next_signs: Uses his time-out plan under pressure.
    ratings:
      - id: 0a1b2c3d-0000-4000-8000-00000000a051
        rating: amber
        date: 2026-10-01
        context: visit
        rationale: Progress on both pathways but recent.
        agreed_by: [7f4d0b1e-1c2a-4e55-9a0b-000000000003]
        by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
  - id: 0a1b2c3d-0000-4000-8000-00000000b001
    reference: "FS-26-0077"
    name: Whitlock family
    by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
    opened: 2026-06-02
    members:
      - {id: 0a1b2c3d-0000-4000-8000-00000000b011, name: Dana Whitlock, born: 1988-01-30, role: parent}
      - {id: 0a1b2c3d-0000-4000-8000-00000000b012, name: Kit Whitlock, born: 2015-08-08, role: child}
    allocations:
      - {id: 0a1b2c3d-0000-4000-8000-00000000b021, worker: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, role: social-worker, from: 2026-06-02}
meetings:
  - id: 0a1b2c3d-0000-4000-8000-00000000c001
    date: 2026-10-22
    chair: 7f4d0b1e-1c2a-4e55-9a0b-000000000001
    minute_taker: 7f4d0b1e-1c2a-4e55-9a0b-000000000002
    signed: true
    families:
      - family: 0a1b2c3d-0000-4000-8000-00000000a001
        minutes: 20
        attendance:
          - {worker: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, status: present}
        actions:
          - id: 0a1b2c3d-0000-4000-8000-00000000c011
            text: Write to Ryan and Zoë setting out the contact plan.
            owner: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
            due: 2026-10-29
          - id: 0a1b2c3d-0000-4000-8000-00000000c012
            text: Feelings-cards session with Ellie-Mae at school.
            owner: 7f4d0b1e-1c2a-4e55-9a0b-000000000005
            due: 2026-11-06
EOF
import_db "$work/families.yaml"

# This laptop's login is the chair's: she chose herself first.
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Caseload"
quit_casebook

# The minute-taker sets up the meeting, at the chair's login: a switch.
start_casebook --db "$db" --as "Mei Ling Chan"
wait_for "Switch to Mei Ling Chan (recorded)?"
send y
wait_for "Caseload"
send m
wait_for "Group supervision meetings"
send a
wait_for "Date of the meeting?"
send Enter
# Only those whose role may chair, or take the minutes, are offered
# (data/roles.yaml): not the social worker or the practitioners.
wait_for "Who chairs it?"
expect "Grace Adeyemi"
refute "Imran Chaudhry"
refute "Priya Raman"
send Enter
wait_for "Who takes the minutes?"
expect "Mei Ling Chan"
refute "Imran Chaudhry"
send Enter
wait_for "No families on the agenda yet"
wait_for "Chair Grace Adeyemi   Minutes taken by Mei Ling Chan"

# The agenda picker: the family never discussed first, marked.
send a
wait_for "Add which family?"
wait_for "never discussed !"
first=$(screen | grep -n "FS-26-" | head -1)
case $first in *FS-26-0077*) ;; *) fail "the family never discussed is not first: $first" ;; esac
type_text "Price"
send Enter
wait_for "Added FS-26-0142, its workers marked present"
wait_for "3 of 3 present"
send a
wait_for "Add which family?"
wait_for "FS-26-0077"
if screen | grep -q "│ FS-26-0142"; then fail "a family on the agenda is offered again"; fi
send Enter
wait_for "Added FS-26-0077"

# The Price family's minutes.
send Up
send Enter
wait_for "Minutes: FS-26-0142 Price family"
wait_for "Time on this family"
wait_for "Imran Chaudhry"
# Roles whole at 80 columns; the prepared note marked, and the mark said.
wait_for "Marisol Ortega  Domestic abuse practitioner (victim-survivor)  present   *"
wait_for "* a note prepared in the workbook: w uses it"
send Down
wait_for "Prepared in the workbook by Marisol Ortega"
send w
wait_for "written contribution taken from the case note of 2026-11-18"
wait_for "Written contribution from Marisol Ortega:"
wait_for "Zoë has updated her safety plan"
send Down
send Space
wait_for "apologies"

# Last time's actions are there without typing: one key each. The
# selection stays on what was marked (it never moves on by itself).
send Tab
wait_for "Last time's actions"
wait_for "Write to Ryan and Zoë setting out the contact plan."
wait_for "Feelings-cards session with Ellie-Mae at school."
send d
wait_for "Marked done."
send Down
send n
wait_for "Why was it not done? (required)"
send Enter
wait_for "say why: a reason is required"
type_text "School could not offer a room before half term"
send Enter
wait_for "Marked not done."
wait_for "Why: School could not offer a room before half term"
# d on it now would drop that reason: it asks first, and n leaves it.
send d
wait_for "This was marked not done, with the reason \"School could not offer a"
wait_for "Mark it done instead?"
send n
wait_for "Left as it was."
wait_for "Why: School could not offer a room before half term"

# Discussion, from the proforma.
send Tab
wait_for "What is working well"
send Enter
wait_for "An example of good recording"
type_text "Ryan has kept every contact on time and sober (contact log)."
send C-s
wait_for "Saved. Down goes to the next heading."
# Saving leaves the selection where it was: Enter opens the same heading.
send Enter
wait_for "Ryan has kept every contact on time and sober"
send Escape
send Down
send Down
send Enter
wait_for "The child's lived experience now"
type_text "Weeknights are calm for Ellie-Mae; Sundays are still tense."
send C-s
wait_for "Weeknights are calm for Ellie-Mae"

# Cycle of Change: confirmed as last time, with a pointer to the evidence.
send Tab
wait_for "Ryan Price: Harmful or abusive behaviour"
wait_for "Last time Action (2026-10-01)."
send c
wait_for "Confirmed: Action, as last time."
wait_for "Today: Action, confirmed"
wait_for "Confirmed in group supervision, unchanged since 2026-10-01"

# The rating: last time's colour kept, but the reason is still asked.
send Tab
wait_for "Agreed risk rating"
send c
wait_for "Why it stays Amber"
send C-s
wait_for "There is nothing to save yet"
type_text "Weeknights safer; weekend drinking unchanged."
send C-s
wait_for "Rating agreed: Amber."
wait_for "Agreed today    AMBER"

# A new action: text, owner from those here, +2w.
send Tab
send Tab
wait_for "No actions agreed yet."
send a
wait_for "New action: FS-26-0142"
type_text "Imran to visit on a Sunday and see the weekend"
send Enter
wait_for "Who owns the action?"
wait_for "Imran Chaudhry, Social worker (present)"
send Enter
wait_for "Due by when?"
type_text "+2w"
send Enter
wait_for "Owner Imran Chaudhry, due 2026-12-04"
# The clock has run; leaving keeps the time on the agenda.
wait_gone "Time on this family 0:00"
send Escape
wait_for "Group supervision of 2026-11-20 (draft)"
# Read the agenda line only once the screen is whole (its last line is there).
wait_for "Review 2/2, discussion, stage 1 of 1, rating amber, 1 new action."
line=$(screen | grep "FS-26-0142")
case $line in *" 0:00 "*) fail "no time was kept for the family: $line" ;; esac

# The Whitlock family.
send Down
send Enter
wait_for "Minutes: FS-26-0077 Whitlock family"
send Tab
send Tab
wait_for "What is working well"
send Down
send Down
send Enter
wait_for "The child's lived experience now"
type_text "Kit Whitlock says home is quiet since Dana started her course."
send C-s
wait_for "Saved."
send Tab
send Tab
wait_for "No earlier rating for this family."
send Enter
wait_for "Agreed rating."
type_text "Green"
send Enter
wait_for "Why Green"
type_text "Stable for three months."
send C-s
wait_for "Rating agreed: Green."
send Tab
send Tab
send a
wait_for "New action: FS-26-0077"
type_text "Agree the step-down plan with Dana Whitlock"
send Enter
wait_for "Who owns the action?"
send Enter
wait_for "Due by when?"
type_text "friday"
send Enter
wait_for "due 2026-11-27"
send Escape
wait_for "Group supervision of 2026-11-20 (draft)"

# Only the chair signs off: the minute-taker is told who can.
send S
wait_for "only the chair (Grace Adeyemi) can sign off"
quit_casebook

# The chair signs off at her own login: no switch, and no password.
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Caseload"
send m
wait_for "Group supervision meetings"
send Enter
wait_for "Group supervision of 2026-11-20 (draft)"
send S
wait_for "Sign off these minutes?"
send y
wait_for "SIGNED OFF by Grace Adeyemi"
send Enter
wait_for "Minutes: FS-26-0142 Price family"
wait_for "read-only"
send a
wait_for "These minutes are signed off and read-only"
send Tab
send Tab
send Enter
wait_for "Ryan has kept every contact"
send Escape
send Escape
wait_for "Group supervision of 2026-11-20 (signed off)"
send A
wait_for "An addendum for whom?"
send Enter
wait_for "Addendum to the minutes of 2026-11-20"
type_text "Marisol's contribution was read out by the chair."
send C-s
wait_for "Addendum added"
quit_casebook

# The record: the new action, and the supervision date.
record=$(casebook show family FS-26-0142 --db "$db") || fail "show family failed"
printf '%s\n' "$record" | grep -q "Last group supervision: *2026-11-20" ||
	fail "the family record does not show the supervision date: $record"
printf '%s\n' "$record" | grep -q "Imran to visit on a Sunday" ||
	fail "the family record does not show the new action: $record"

# One family's minutes name nobody from the other family.
meeting=$(casebook list meetings --db "$db" | awk -F '	' '$2 == "2026-11-20" { print $1 }')
[ -n "$meeting" ] || fail "the meeting is not listed"
extract=$(casebook export minutes "$meeting" --family FS-26-0142 --format txt --db "$db") ||
	fail "export minutes failed"
for want in "Imran to visit on a Sunday" "School could not offer a room" \
	"Zoë has updated her safety plan" "Confirmed in group supervision"; do
	printf '%s\n' "$extract" | grep -qF "$want" || fail "the extract lacks '$want': $extract"
done
# No internal id, whole or in part, reaches the minutes.
if printf '%s\n' "$extract" | grep -qE '[0-9a-f]{8}'; then
	fail "the minutes show an internal id: $(printf '%s\n' "$extract" | grep -E '[0-9a-f]{8}')"
fi
for other in Whitlock Dana Kit FS-26-0077 "step-down"; do
	if printf '%s\n' "$extract" | grep -qF "$other"; then
		fail "the Price family's minutes mention '$other': $extract"
	fi
done

# The next meeting pulls through what is still open, and not what was done.
CASEBOOK_TODAY=2026-12-18
start_casebook --db "$db" --as "Mei Ling Chan" --switch
wait_for "Caseload"
send m
wait_for "Group supervision meetings"
send a
wait_for "Date of the meeting?"
send Enter
wait_for "Who chairs it?"
send Enter
wait_for "Who takes the minutes?"
send Enter
wait_for "No families on the agenda yet"
send a
wait_for "Add which family?"
type_text "Price"
send Enter
wait_for "Added FS-26-0142"
send Enter
wait_for "Minutes: FS-26-0142 Price family"
send Tab
wait_for "Last time's actions"
wait_for "Feelings-cards session with Ellie-Mae at school."
wait_for "Imran to visit on a Sunday and see the weekend"
refute "Write to Ryan and Zoë"
send Tab
send Tab
wait_for "Ryan Price: Harmful or abusive behaviour"
wait_for "Last time Action (2026-11-20)."
send Escape
wait_for "Group supervision of 2026-12-18 (draft)"
quit_casebook
