#!/bin/sh
# SPDX-License-Identifier: MIT
# A second worker of the same name: asked first, refused with the same
# role, added with another; the list then tells the two apart.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

casebook init --db "$work/t.db" >/dev/null
casebook add worker "Pat Lee" --role social-worker --db "$work/t.db" >/dev/null

start_casebook --db "$work/t.db"
wait_for "Who are you?"
send Down
send Enter
wait_for "Your name, as colleagues know it:"
type_text "pat lee"
send Enter
wait_for "Your role"
type_text "Social worker"
send Enter
wait_for "There is already a worker called Pat Lee (Social worker). Is this"
expect "someone else?"
send n
wait_for "Nothing added: choose Pat Lee from the list."
wait_for "Who are you?"
send Down
send Enter
wait_for "Your name, as colleagues know it:"
type_text "Pat Lee"
send Enter
wait_for "Your role"
type_text "Social worker"
send Enter
wait_for "There is already a worker called Pat Lee"
send y
wait_for "is already the name of a Social worker: choose a different role"
wait_for "Who are you?"
send Down
send Enter
wait_for "Your name, as colleagues know it:"
type_text "Pat Lee"
send Enter
wait_for "Your role"
type_text "Recovery"
send Enter
wait_for "There is already a worker called Pat Lee"
send y
wait_for "casebook | Pat Lee, Recovery worker"
quit_casebook
# Remembered by id: the name is two workers'.
id=$(sqlite3 "$work/t.db" "SELECT worker_id FROM workers_current WHERE name = 'Pat Lee' AND role = 'recovery-worker'")
grep -qx "worker = $id" "$XDG_CONFIG_HOME/casebook/config" || fail "not remembered by id: $(cat "$XDG_CONFIG_HOME/casebook/config")"
rm "$XDG_CONFIG_HOME/casebook/config"

start_casebook --db "$work/t.db"
wait_for "Who are you?"
expect "Pat Lee (Recovery worker)"
expect "Pat Lee (Social worker)"
send Escape
wait_for "casebook exited 0"
n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM workers_current WHERE name = 'Pat Lee'")
[ "$n" = 2 ] || fail "expected two workers called Pat Lee, found $n"
