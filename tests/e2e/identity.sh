#!/bin/sh
# SPDX-License-Identifier: MIT
# Who is at the keyboard: the first worker a login chooses is its own;
# working as anyone else is asked and recorded as a switch, and saying no
# changes nothing. Opening a family's record is in the audit, with the
# login beside the worker.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

db="$work/t.db"
casebook init --db "$db" >/dev/null
casebook import "$TOP_SRCDIR/data/sample/00-team.yaml" "$TOP_SRCDIR/data/sample/10-price.yaml" \
	--db "$db" >/dev/null || fail "the sample did not import"
me=$(id -un)

start_casebook --db "$db" --as "Imran Chaudhry"
wait_for "Caseload"
send Enter
wait_for "Family record: Price family"
quit_casebook
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit a JOIN workers_current w ON w.worker_id = a.created_by WHERE a.action = 'read' AND a.entity = 'family' AND a.detail = 'record' AND a.os_user = '$me' AND w.name = 'Imran Chaudhry'")" = 1 ] ||
	fail "opening the family is not in the audit with the login"
[ "$(sqlite3 "$db" "SELECT os_user FROM os_links")" = "$me" ] || fail "the login is not linked"

# Someone else: asked; no means nothing happens.
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Login $me is Imran Chaudhry. Switch to Grace Adeyemi (recorded)?"
refute "Price"
send n
wait_for "casebook exited 0"
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE action = 'switch'")" = 0 ] ||
	fail "a refused switch was recorded"

# Yes: the switch is recorded, and the context line says who.
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Switch to Grace Adeyemi (recorded)?"
send y
wait_for "Caseload"
expect "Grace Adeyemi"
quit_casebook
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit a JOIN workers_current w ON w.worker_id = a.created_by WHERE a.action = 'switch' AND w.name = 'Grace Adeyemi' AND a.os_user = '$me'")" = 1 ] ||
	fail "the switch is not in the audit"

# The link stays with the first choice.
start_casebook --db "$db" --as "Imran Chaudhry"
wait_for "Caseload"
quit_casebook
