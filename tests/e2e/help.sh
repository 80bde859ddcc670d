#!/bin/sh
# SPDX-License-Identifier: MIT
# ? shows the keys of the screen it was pressed on, from the key table,
# and NO_COLOR still reads: the risk is a word, not only a colour.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

NO_COLOR=1
export NO_COLOR
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null
start_casebook --db "$work/t.db" --as "Grace Adeyemi"
wait_for "Caseload"
expect "RED"
send '?'
wait_for "Help: Caseload"
expect "Show my families or the whole team's"
expect "Sort by reference, name, rating or last supervision"
send q
wait_for "Whole team"
send Enter
wait_for "Family record"
send '?'
wait_for "Help: Family record"
expect "Cycle of Change for each adult"
send Escape
send F10
wait_for "Quit casebook?"
send n
wait_gone "Quit casebook?"
expect "Family record"
quit_casebook
