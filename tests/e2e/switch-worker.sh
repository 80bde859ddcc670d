#!/bin/sh
# SPDX-License-Identifier: MIT
# The chair signs off without quitting: W switches the worker within the
# session, asked first and recorded (with the login) in the audit; the
# context line says who is working now. Signing still needs the chair's
# own login (issue 16): a wrong password signs nothing, the right one does.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
. "$TOP_SRCDIR/tests/e2e/pam.sh"
need sqlite3

cat >"$work/meeting.yaml" <<'YAML'
casebook: 1
as_of: 2026-11-20
workers:
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000001, name: Grace Adeyemi, role: team-manager}
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000002, name: Mei Ling Chan, role: business-support}
families:
  - {id: 0a1b2c3d-0000-4000-8000-00000000a001, reference: "FS-26-0001", name: Price family, by: 7f4d0b1e-1c2a-4e55-9a0b-000000000001, opened: 2026-03-17}
meetings:
  - id: 0a1b2c3d-0000-4000-8000-00000000d001
    date: 2026-11-20
    chair: 7f4d0b1e-1c2a-4e55-9a0b-000000000001
    minute_taker: 7f4d0b1e-1c2a-4e55-9a0b-000000000002
    signed: false
    families:
      - {family: 0a1b2c3d-0000-4000-8000-00000000a001}
YAML
import_db "$work/meeting.yaml"

pam_matrix nobody the-right-one
start_casebook --db "$db" --as "Mei Ling Chan"
wait_for "Caseload"
wait_for "Mei Ling Chan, Business support officer"
open_meeting 2026-11-20
send S
wait_for "only the chair (Grace Adeyemi) can sign off"

# W, then no: nothing changes.
send W
wait_for "Switch to which worker? (The switch is recorded.)"
wait_for "Grace Adeyemi (Team manager)"
send Enter
wait_for "Work as Grace Adeyemi from now on?"
send n
wait_for "Still working as Mei Ling Chan."
wait_for "Mei Ling Chan, Business support officer"

# W, then yes: the chair works now, on the same screen.
send W
wait_for "Switch to which worker?"
send Enter
wait_for "Work as Grace Adeyemi from now on?"
send y
wait_for "Now working as Grace Adeyemi; the switch is recorded."
wait_for "Grace Adeyemi, Team manager"
wait_for "Group supervision of 2026-11-20 (draft)"

# Signing asks for the chair's own login.
send S
wait_for "Sign off? Nothing can change after."
send y
wait_for "the login name of Grace Adeyemi?"
type_text "nobody"
send Enter
wait_for "Password of nobody, Grace Adeyemi's login:"
type_text "not-it"
send Enter
wait_for "that is not the password of nobody"
wait_for "Group supervision of 2026-11-20 (draft)"
send S
wait_for "Sign off? Nothing can change after."
send y
wait_for "the login name of Grace Adeyemi?"
type_text "nobody"
send Enter
wait_for "Password of nobody, Grace Adeyemi's login:"
type_text "the-right-one"
send Enter
wait_for "SIGNED OFF by Grace Adeyemi"
quit_casebook

# The audit has the switch, with the login beside the worker.
switch=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE action = 'switch' AND \
	created_by = '7f4d0b1e-1c2a-4e55-9a0b-000000000001' AND os_user IS NOT NULL AND os_user <> ''")
[ "$switch" = 1 ] || fail "the switch is not in the audit once, with the login: $switch"
exit 0
