#!/bin/sh
# SPDX-License-Identifier: MIT
# Keys rebound in the config file work on the screens, the old ones no
# longer do, the help and the key bar show the new ones, and a bad line
# is said on the first screen while the rest applies.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null
mkdir -p "$XDG_CONFIG_HOME/casebook"
cat >"$XDG_CONFIG_HOME/casebook/config" <<'CONF'
key.notes = N
key.help = F1
key.save = F5
key.sav = F6
CONF
start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Caseload"
wait_for "config:4:5: no action is called"
send Enter
wait_for "Family record: Price family"
expect "N Notes"
refute "n Notes"
# The help is on F1 alone now, and shows the keys in effect.
send '?'
send F1
wait_for "Help: Family record"
screen | grep -q '^ *N  *Case notes$' || { echo "FAIL: the help does not show N for the notes"; screen; exit 1; }
send Escape
wait_gone "Help:"
# The old key does nothing now; the new one opens the notes.
send n
send F1
wait_for "Help: Family record"
send Escape
wait_gone "Help:"
send N
send F1
wait_for "Help: Case notes"
send Escape
wait_gone "Help:"
send a
wait_for "What kind of note?"
send Enter
wait_for "When did it happen?"
send Enter
wait_for "significant event"
send n
wait_for "New note"
expect "F5 Save"
type_text "Rebound keys: saved with F5."
send F5
wait_for "Note saved."
quit_casebook
