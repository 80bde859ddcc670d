#!/bin/sh
# SPDX-License-Identifier: MIT
# The terminal: casebook's own one line without a terminal, for TERM=dumb
# and for a type nobody knows; lines that show whatever the terminal
# (no "lqqk"); Ctrl-Z suspends and `fg` brings the screen back; Ctrl-C
# keeps the text being written and asks before quitting; help without
# F1; the cursor on the selected row for screen readers.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
need sqlite3

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null || fail "import"

# one_line TEXT: casebook ended with exit 1 and said TEXT in one line.
one_line() {
	wait_for "casebook exited 1" 5
	[ "$(wc -l <"$work/stderr")" -eq 1 ] || { cat "$work/stderr"; fail "not one line"; }
	grep -q "^casebook: .*$1" "$work/stderr" || { cat "$work/stderr"; fail "no '$1'"; }
}

# No terminal on standard input: one line pointing to the commands, at
# once (it used to spin at 100% CPU), and no database made.
cat >"$work/nodevice.sh" <<EOF
#!/bin/sh
export HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' CASEBOOK_DATADIR='$CASEBOOK_DATADIR'
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen
'$CASEBOOK' --db '$work/new.db' </dev/null 2>'$work/stderr'
echo "casebook exited \$?"
sleep 600
EOF
chmod +x "$work/nodevice.sh"
T -f /dev/null new-session -d -s cb -x 80 -y 24 "$work/nodevice.sh"
T set-option -t cb status off >/dev/null
one_line "the workbook needs a terminal.*casebook list families"
[ ! -e "$work/new.db" ] || fail "a database was made without a terminal"

E2E_TERM=dumb
start_casebook --db "$work/t.db" --as "Grace Adeyemi"
one_line "the terminal type 'dumb' cannot place text on the screen"
E2E_TERM=no-such-terminal
start_casebook --db "$work/t.db" --as "Grace Adeyemi"
one_line "the terminal type 'no-such-terminal' is not known here"

# vt100 through tmux showed "lqqk" for every box: lines are drawn in
# Unicode now; a terminal with no line drawing at all gets ASCII.
E2E_TERM=vt100
start_casebook --db "$work/t.db" --as "Grace Adeyemi"
wait_for "5 families"
send a
wait_for "Case reference"
expect "┌──────"
refute "lqqq"
send Escape
wait_gone "Case reference"
quit_casebook
E2E_TERM=sun
start_casebook --db "$work/t.db" --as "Grace Adeyemi"
wait_for "5 families"
send a
wait_for "Case reference"
expect "+------"
refute "lqqq"
refute "┌"
send Escape
wait_gone "Case reference"
quit_casebook
E2E_TERM=screen

# The cursor sits on the selected row: hidden, or shown with
# --show-cursor, for screen readers and braille displays.
# wait_cursor REF SHOWN: until the cursor is on the row of REF (shown 1,
# hidden 0).
cursor() { T display -p -t cb '#{cursor_y} #{cursor_flag}'; }
wait_cursor() {
	_row=$(($(screen | grep -n "$1" | cut -d: -f1) - 1))
	_n=50
	while [ "$_n" -gt 0 ]; do
		[ "$(cursor)" = "$_row $2" ] && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	fail "the cursor is at $(cursor), not on row $_row ($1), shown $2"
}
start_casebook --db "$work/t.db" --as "Grace Adeyemi" --show-cursor
wait_for "5 families"
send Down Down
wait_cursor FS-25-0731 1
quit_casebook
start_casebook --db "$work/t.db" --as "Grace Adeyemi"
wait_for "5 families"
send Down
wait_cursor FS-25-0588 0

# In the editor: Ctrl-G is help, Ctrl-C keeps the text as a draft and
# asks; Ctrl-C again quits.
open_new_note
expect "Ctrl-G Help"
type_text "Nguyễn Thị Hoa rang the duty line"
send C-g
wait_for "Help: Writing"
expect "Ctrl-U"
send Escape
wait_for "rang the duty line"
send C-c
wait_for "The text is kept as a draft"
send n
wait_gone "Quit casebook?"
expect "rang the duty line"
send C-c
wait_for "Quit casebook?"
send C-c
wait_for "casebook exited 0"
[ "$(sqlite3 "$work/t.db" "SELECT count(*) FROM drafts WHERE body = 'Nguyễn Thị Hoa rang the duty line'")" = 1 ] ||
	fail "Ctrl-C did not keep the draft"
start_casebook --db "$work/t.db" --as "Grace Adeyemi"
wait_for "Unsaved text"
expect "rang the duty line"
send End Enter
wait_for "Throw this text away for good?"
send y
wait_gone "Unsaved text"
quit_casebook

# Ctrl-Z and `fg` from a shell with job control.
command -v bash >/dev/null || fail "bash is needed for the job control test"
cat >"$work/cb.sh" <<EOF
#!/bin/sh
export HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' CASEBOOK_DATADIR='$CASEBOOK_DATADIR'
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen CASEBOOK_TODAY=$CASEBOOK_TODAY
${ASAN_OPTIONS:+export ASAN_OPTIONS='$ASAN_OPTIONS'}
${UBSAN_OPTIONS:+export UBSAN_OPTIONS='$UBSAN_OPTIONS'}
exec '$CASEBOOK' --db '$work/t.db' --as 'Grace Adeyemi' 2>'$work/stderr'
EOF
chmod +x "$work/cb.sh"
T respawn-pane -k -t cb "env PS1='shell\$ ' bash --norc --noprofile -i"
wait_for "shell\$"
type_text "'$work/cb.sh'"
send Enter
wait_for "5 families"
send Enter
wait_for "Family record"
send C-z
wait_for "Stopped"
wait_gone "Family record"
type_text "fg"
send Enter
wait_for "Family record"
expect "Programme"
send '?'
wait_for "Help: Family record"
send Escape
wait_for "Family record"
send F10
wait_for "Quit casebook?"
send y
wait_for "shell\$"
type_text 'echo "casebook exited $?"'
send Enter
wait_for "casebook exited 0"
[ ! -s "$work/stderr" ] || { cat "$work/stderr"; fail "casebook wrote to stderr"; }
