#!/bin/sh
# SPDX-License-Identifier: MIT
# The first start asks the language (both ways round: Language / Iaith),
# then who you are, or makes you; the context line then says who you
# are. The database goes to the XDG place, private.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

start_casebook
wait_for "Language / Iaith"
expect "Cymraeg"
# The computer's own, as it is set, is the one already chosen.
send Enter
wait_for "Who are you?"
expect "Someone new: add yourself"
send Enter
wait_for "Your name, as colleagues know it:"
type_text "Siobhán Byrne"
send Enter
wait_for "Your role"
type_text "team man"
send Enter
wait_for "Caseload"
expect "casebook | Siobhán Byrne, Team manager"
expect "There are no families yet. Press a to add one."
quit_casebook
db="$XDG_DATA_HOME/casebook/casebook.db"
[ "$(stat -c %a "$db")" = 600 ] || fail "the database is not private"
[ "$(stat -c %a "$(dirname "$db")")" = 700 ] || fail "its folder is not private"

# The choice is remembered (remember-worker.sh has more): no question
# next time. Without the file, the worker is in the list; --as skips the
# question.
grep -qx "worker = Siobhán Byrne" "$XDG_CONFIG_HOME/casebook/config" || fail "the choice is not remembered"
start_casebook
wait_for "casebook | Siobhán Byrne"
refute "Who are you?"
quit_casebook
rm "$XDG_CONFIG_HOME/casebook/config"
start_casebook
wait_for "Siobhán Byrne"
expect "Who are you?"
send Escape
wait_for "casebook exited 0"
start_casebook --as "siobhán byrne"
wait_for "casebook | Siobhán Byrne"
quit_casebook
start_casebook --as "Nobody Here"
wait_for "casebook exited 1"
grep -q "there is no worker called 'Nobody Here'" "$work/stderr" || fail "no clear message: $(cat "$work/stderr")"
