#!/bin/sh
# SPDX-License-Identifier: MIT
# "Who are you?" is asked once: the answer goes at the end of the user's
# config file (every line already there kept, the file private), and the
# next start does not ask. A worker the file names who is not in another
# database makes casebook ask there, saying why, and the file stays.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null
conf="$XDG_CONFIG_HOME/casebook/config"
mkdir -p "$XDG_CONFIG_HOME/casebook"
printf '# My own settings.\nidle-lock = 9\n\n# A note at the end, with no newline' >"$conf"
chmod 644 "$conf"
cp "$conf" "$work/before"

start_casebook --db "$work/t.db"
wait_for "Who are you?"
type_text "chaudhry"
send Enter
wait_for "casebook | Imran Chaudhry"
wait_for "From now on casebook starts as Imran Chaudhry without asking"
quit_casebook
[ "$(stat -c %a "$conf")" = 600 ] || fail "the config file is not private: $(stat -c %a "$conf")"
head -c "$(wc -c <"$work/before")" "$conf" | cmp -s - "$work/before" || fail "the lines there were not kept: $(cat "$conf")"
[ "$(tail -n 1 "$conf")" = "worker = Imran Chaudhry" ] || fail "no worker line at the end: $(cat "$conf")"
[ "$(grep -c '^worker' "$conf")" = 1 ] || fail "more than one worker line"
ls -A "$XDG_CONFIG_HOME/casebook" | grep -q '^\.config\.' && fail "a temporary file was left"
casebook config | grep -q "^idle-lock	9	" || fail "the other settings no longer apply"
casebook config | grep "^worker	Imran Chaudhry	$conf:" >/dev/null || fail "casebook config does not show it"

# Next time: no question.
start_casebook --db "$work/t.db"
wait_for "casebook | Imran Chaudhry"
refute "Who are you?"
refute "From now on"
quit_casebook
[ "$(grep -c '^worker' "$conf")" = 1 ] || fail "the worker was written again"

# Another database, where nobody has that name: asked, with the reason,
# and the file is left as it is.
cp "$conf" "$work/remembered"
casebook init --db "$work/other.db" >/dev/null
casebook add worker "Siân Morgan" --role social-worker --db "$work/other.db" >/dev/null
start_casebook --db "$work/other.db"
wait_for "Who are you?"
wait_for "config:7: worker: there is no"
send Enter
wait_for "casebook | Siân Morgan"
quit_casebook
cmp -s "$conf" "$work/remembered" || fail "the config file changed: $(cat "$conf")"
exit 0
