#!/bin/sh
# SPDX-License-Identifier: MIT
# The chair's sign-off at a login that is not the chair's: casebook asks
# for the chair's login and its password, through PAM (pam_wrapper, with a
# service this test controls). A wrong password signs nothing; the right
# one signs, and the login becomes the chair's. Split from supervision.sh
# so that the minutes screens run under the sanitizers; this one cannot
# (pam.sh skips it there).
. "$TOP_SRCDIR/tests/e2e/lib.sh"
. "$TOP_SRCDIR/tests/e2e/pam.sh"

# The team of supervision.sh (lib.sh's team_yaml), one family and the
# meeting to sign.
{ team_yaml; cat <<'YAML'; } >"$work/team.yaml"
families:
  - id: 0a1b2c3d-0000-4000-8000-00000000a001
    reference: "FS-26-0142"
    name: Price family
    by: 7f4d0b1e-1c2a-4e55-9a0b-000000000001
    opened: 2026-03-17
    members:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a011, name: Zoë Price, born: 1994-05-17, role: parent}
meetings:
  - id: 0a1b2c3d-0000-4000-8000-00000000c002
    date: 2026-11-20
    chair: 7f4d0b1e-1c2a-4e55-9a0b-000000000001
    minute_taker: 7f4d0b1e-1c2a-4e55-9a0b-000000000002
    families:
      - family: 0a1b2c3d-0000-4000-8000-00000000a001
        minutes: 20
YAML
import_db "$work/team.yaml"

# This login chose the minute-taker first.
start_casebook --db "$db" --as "Mei Ling Chan"
wait_for "Caseload"
quit_casebook

# The chair's name is claimed at the minute-taker's login: a switch, then
# the chair's own login must say so. A wrong password signs nothing.
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Switch to Grace Adeyemi (recorded)?"
send y
open_meeting 2026-11-20
send S
wait_for "Sign off?"
send y
wait_for "The chair signs at their own login: the login name of Grace Adeyemi?"
type_text "nobody"
send Enter
wait_for "Password of nobody, Grace Adeyemi's login:"
type_text "not-it"
send Enter
wait_for "that is not the password of nobody"
expect "Group supervision of 2026-11-20 (draft)"
quit_casebook
casebook list meetings --db "$db" | grep -q '2026-11-20.*	unsigned$' ||
	fail "a wrong password signed the minutes: $(casebook list meetings --db "$db")"

# The right password: signed. The login is now the chair's.
pam_use permit
start_casebook --db "$db" --as "Grace Adeyemi" --switch
open_meeting 2026-11-20
send S
wait_for "Sign off?"
send y
wait_for "the login name of Grace Adeyemi?"
type_text "nobody"
send Enter
wait_for "Password of nobody, Grace Adeyemi's login:"
type_text "the-right-one"
send Enter
wait_for "SIGNED OFF by Grace Adeyemi"
quit_casebook
casebook list meetings --db "$db" | grep -q '2026-11-20.*	signed$' ||
	fail "the minutes are not signed: $(casebook list meetings --db "$db")"
exit 0
