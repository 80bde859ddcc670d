#!/bin/sh
# SPDX-License-Identifier: MIT
# A family taken off a meeting's agenda, with a reason (its history still
# reached with h), and put back; the
# order of the agenda changed with < and >, the selection moving with the
# family. (A signed meeting refusing both: test_series.)
. "$TOP_SRCDIR/tests/e2e/lib.sh"

cat >"$work/agenda.yaml" <<'YAML'
casebook: 1
as_of: 2026-11-20
workers:
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000001, name: Grace Adeyemi, role: team-manager}
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000002, name: Mei Ling Chan, role: business-support}
families:
  - id: 0a1b2c3d-0000-4000-8000-00000000a001
    reference: "FS-26-0001"
    name: Price family
    by: 7f4d0b1e-1c2a-4e55-9a0b-000000000001
    opened: 2026-03-17
    members:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a011, name: Zoë Price, born: 1994-05-17, role: parent}
      - {id: 0a1b2c3d-0000-4000-8000-00000000a012, name: Ryan Price, born: 1991-09-03, role: parent}
    stages:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a041, person: 0a1b2c3d-0000-4000-8000-00000000a012, issue: abusive-behaviour, stage: contemplation, date: 2026-10-01, by: 7f4d0b1e-1c2a-4e55-9a0b-000000000001, evidence: Names his behaviour.}
      - {id: 0a1b2c3d-0000-4000-8000-00000000a042, person: 0a1b2c3d-0000-4000-8000-00000000a011, issue: safety-from-abuse, stage: action, date: 2026-10-01, by: 7f4d0b1e-1c2a-4e55-9a0b-000000000001, evidence: Safety plan in place.}
  - {id: 0a1b2c3d-0000-4000-8000-00000000b001, reference: "FS-26-0002", name: Whitlock family, by: 7f4d0b1e-1c2a-4e55-9a0b-000000000001, opened: 2026-03-17}
  - {id: 0a1b2c3d-0000-4000-8000-00000000c001, reference: "FS-26-0003", name: Nguyễn family, by: 7f4d0b1e-1c2a-4e55-9a0b-000000000001, opened: 2026-03-17}
meetings:
  - id: 0a1b2c3d-0000-4000-8000-00000000d001
    date: 2026-11-20
    chair: 7f4d0b1e-1c2a-4e55-9a0b-000000000001
    minute_taker: 7f4d0b1e-1c2a-4e55-9a0b-000000000002
    signed: false
    families:
      - family: 0a1b2c3d-0000-4000-8000-00000000a001
        stages:
          - {id: 0a1b2c3d-0000-4000-8000-00000000a043, person: 0a1b2c3d-0000-4000-8000-00000000a012, issue: abusive-behaviour, stage: action, evidence: Six of six group sessions.}
      - {family: 0a1b2c3d-0000-4000-8000-00000000b001}
      - {family: 0a1b2c3d-0000-4000-8000-00000000c001}
YAML
import_db "$work/agenda.yaml"

# The line of agenda item N: "N" then the reference.
at() { screen | grep -qE "^ *$1 +$2 " || { echo "FAIL: $2 is not number $1:"; screen; exit 1; }; }

start_casebook --db "$db" --as "Mei Ling Chan"
open_meeting 2026-11-20
at 1 FS-26-0001
at 2 FS-26-0002
at 3 FS-26-0003
# One adult's stage agreed of the two: counted, not "stages".
expect "Stages 1 of 2."

# The third moves up twice; the selection goes with it.
send Down
send Down
send '<'
wait_for "Moved to number 2 on the agenda."
at 2 FS-26-0003
at 3 FS-26-0002
send '<'
wait_for "Moved to number 1 on the agenda."
at 1 FS-26-0003
send '<'
wait_for "It is first on the agenda already."
send '>'
wait_for "Moved to number 2 on the agenda."
at 1 FS-26-0001
at 2 FS-26-0003

# Taken off, with a reason.
send d
wait_for "Take FS-26-0003 Nguyễn family off the agenda?"
send Enter
wait_for "a reason is required"
type_text "not due until next month"
send Enter
wait_for "FS-26-0003 is off the agenda; a adds it back."
refute "Nguyễn family"
at 2 FS-26-0002
# Off the agenda, its history is still one key away, with the reason.
send h
wait_for "The history of which? (retracted ones are at the end)"
type_text "Nguy"
wait_for "(retracted "
send Enter
wait_for "History of a family on the agenda"
expect "RETRACTED"
expect "Reason: not due until next month"
send Escape
wait_gone "History of a family on the agenda"
# And put back, last.
send a
wait_for "Add which family?"
type_text "Nguy"
send Enter
wait_for "Added FS-26-0003"
at 3 FS-26-0003
quit_casebook
n=$(sqlite3 "$db" "SELECT count(*) FROM meeting_item_versions WHERE retracted = 1 AND reason = 'not due until next month'")
[ "$n" = 1 ] || fail "the removal is not in the database"
n=$(sqlite3 "$db" "SELECT count(*) FROM meeting_items")
[ "$n" = 3 ] || fail "putting a family back made a second item ($n items)"
