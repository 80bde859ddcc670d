#!/bin/sh
# SPDX-License-Identifier: MIT
# SIGHUP, SIGTERM, SIGINT and SIGQUIT on every kind of screen (a list, the
# editor, the help over the editor, a dialog), in training and on a real
# database: each keeps the text being typed as a draft, restores the
# terminal, leaves no process and no training copy, and exits with 128 +
# the signal. A real hang-up (the terminal closed) does the same, and a
# start sweeps away training copies left by runs that were killed.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

unset XDG_RUNTIME_DIR
TMPDIR="$work/tmp"
export TMPDIR
mkdir -p "$TMPDIR"
db="$work/t.db"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$db" >/dev/null ||
	fail "the sample families could not be imported"

# start MODE: casebook on the caseload, in training or on $db.
start() {
	if [ "$1" = training ]; then
		start_casebook --training
		wait_for "Who do you want to be?"
		type_text "Grace"
		send Enter
	else
		start_casebook --db "$db" --as "Grace Adeyemi"
	fi
	wait_for "Caseload"
	if screen | grep -qF "Unsaved text from"; then
		send Enter
	fi
}

# editor TEXT: from the caseload to a new note with TEXT typed.
editor() {
	open_new_note
	type_text "$1"
	wait_for "$1"
}

# The draft kept for the text, in the database of this run.
draft_in() {
	sqlite3 "$1" "SELECT body FROM drafts WHERE key LIKE 'note:new:%'" 2>/dev/null
}

# check_left SIG CODE: casebook ended with CODE, the terminal is back to
# normal and no process is left.
check_left() {
	wait_for "casebook exited $2"
	pid=$(cat "$work/pid")
	! kill -0 "$pid" 2>/dev/null || fail "$1: casebook is still running"
	tty=$(T display-message -p -t cb '#{pane_tty}')
	modes=$(stty -F "$tty" -a 2>/dev/null) || fail "$1: cannot read the terminal's modes"
	echo "$modes" | grep -qw icanon || fail "$1: the terminal was left in raw mode"
	echo "$modes" | grep -qw echo || fail "$1: the terminal was left without echo"
	[ "$(T display-message -p -t cb '#{alternate_on}')" = 0 ] ||
		fail "$1: the terminal was left on the alternate screen"
	if [ -s "$work/stderr" ]; then
		cat "$work/stderr"
		fail "$1: casebook wrote to stderr"
	fi
	if [ -n "$(ls "$TMPDIR")" ]; then
		ls -la "$TMPDIR"
		fail "$1: a training copy was left behind"
	fi
}

runs=0
for mode in real training; do
	for kind in list editor help dialog; do
		for sig in HUP TERM INT QUIT; do
			case $sig in HUP) num=1 ;; INT) num=2 ;; QUIT) num=3 ;; TERM) num=15 ;; esac
			what="SIG$sig on the $kind screen ($mode)"
			sqlite3 "$db" "DELETE FROM drafts"
			start "$mode"
			text="Typed before SIG$sig on $kind"
			case $kind in
			list) ;;
			editor) editor "$text" ;;
			help)
				editor "$text"
				send F1
				wait_for "Keys" ;;
			dialog)
				editor "$text"
				send Escape
				wait_for "The text is not saved" ;;
			esac
			kill -"$sig" "$(cat "$work/pid")"
			check_left "$what" $((128 + num))
			# (In training the draft goes with the copy, by design.)
			if [ "$kind" != list ] && [ "$mode" = real ]; then
				[ "$(draft_in "$db")" = "$text" ] || fail "$what: the draft was not kept"
			fi
			runs=$((runs + 1))
		done
	done
done
echo "$runs signal runs: each kept its draft, restored the terminal, left nothing"

# A real hang-up: the terminal closes under the help screen over the
# editor (which used to spin at full speed).
sqlite3 "$db" "DELETE FROM drafts"
start real
editor "Closing the terminal under the help"
send F1
wait_for "Keys"
pid=$(cat "$work/pid")
T kill-server
n=0
while kill -0 "$pid" 2>/dev/null; do
	n=$((n + 1))
	[ $n -lt 50 ] || fail "casebook is still running after the terminal closed"
	sleep 0.1
done
[ "$(draft_in "$db")" = "Closing the terminal under the help" ] ||
	fail "the draft was not kept when the terminal closed"

# Ctrl-E's $EDITOR file: SIGTERM while the editor runs ends the editor
# too, and the private folder with the text goes.
# (The signal may come before casebook waits for the editor: a fork
# under the sanitizers is slow. It is seen all the same.)
printf '#!/bin/sh\nsleep 30\n' >"$work/slow-editor"
chmod +x "$work/slow-editor"
T set-environment -g VISUAL "$work/slow-editor" 2>/dev/null ||
	T -f /dev/null new-session -d -s spare "sleep 600"
T set-environment -g VISUAL "$work/slow-editor"
sqlite3 "$db" "DELETE FROM drafts"
start real
editor "Handed to the editor"
send C-e
n=0
until ls "$TMPDIR"/casebook-edit-*/text.txt >/dev/null 2>&1; do
	n=$((n + 1))
	[ $n -lt 50 ] || fail "the editor's file was not made"
	sleep 0.1
done
kill -TERM "$(cat "$work/pid")"
check_left "SIGTERM under \$EDITOR" 143
[ "$(draft_in "$db")" = "Handed to the editor" ] || fail "the draft was not kept under \$EDITOR"
T set-environment -g -u VISUAL

# Folders for $EDITOR left by a killed run are swept at the start; a
# live run's stays.
sh -c 'echo $$' >"$work/deadpid"
dead=$(cat "$work/deadpid")
mkdir -m 700 "$TMPDIR/casebook-edit-$dead-abc123" "$TMPDIR/casebook-edit-$$-def456"
echo "a note about a child" >"$TMPDIR/casebook-edit-$dead-abc123/text.txt"
start real
[ ! -e "$TMPDIR/casebook-edit-$dead-abc123" ] || fail "a killed run's editor folder was not swept"
[ -e "$TMPDIR/casebook-edit-$$-def456" ] || fail "a live run's editor folder was swept"
quit_casebook
rmdir "$TMPDIR/casebook-edit-$$-def456"

# Training copies from runs that are gone are swept; a live one stays.
mkdir -m 700 "$TMPDIR/casebook-training.dead01" "$TMPDIR/casebook-training.live01"
sh -c 'echo $$' >"$TMPDIR/casebook-training.dead01/owner.pid"
echo "$$" >"$TMPDIR/casebook-training.live01/owner.pid"
: >"$TMPDIR/casebook-training.dead01/training.db"
start training
[ ! -e "$TMPDIR/casebook-training.dead01" ] || fail "a dead run's training copy was not swept"
[ -e "$TMPDIR/casebook-training.live01" ] || fail "a live run's training copy was swept"
quit_casebook
rm -r "$TMPDIR/casebook-training.live01"
[ -z "$(ls "$TMPDIR")" ] || fail "training left its copy on a clean quit"
