#!/bin/sh
# SPDX-License-Identifier: MIT
# Drafts on a clock, the crash run of issue 10: 200 SIGKILLs at random
# moments. In half the rounds the worker types steadily at about 5 keys a
# second, never pausing, for 0.5 to 4 s (so some kills come before the
# first draft is due), and is killed: the draft holds exactly the start
# of what was typed and loses at most the last 2 seconds of it. In the
# other half the note is saved (Ctrl-S) and the kill comes 0 to 0.4 s
# later (a third of them racing the key, a third in the first 40 ms): a
# save the screen showed as done before the kill is in the database, a
# note is never saved twice, and if it was not saved the draft holds the
# text.
# Each session ends with a typing round whose draft must come back on
# the next start.
#
# The rounds run in CLOCK_SESSIONS sessions at once (8; 3 under the
# sanitizers), each its own tmux server, home and database: one session
# would take about ten minutes, eight take two to four on a machine of
# two cores, depending on what else it runs. Environment:
#   CLOCK_ROUNDS    the number of kills: 200, or 60 under the sanitizers
#                   (recognised by ASAN_OPTIONS, which ./quickstart's
#                   sanitizer stage sets), where every step is slower
#   CLOCK_SESSIONS  how many sessions run at once
#   CLOCK_LONG=1    type 4 to 9 s a round, as a worker does between
#                   pauses (`make soak`, the long version)
. "$TOP_SRCDIR/tests/e2e/lib.sh"

if [ -n "${ASAN_OPTIONS:-}" ]; then
	rounds=${CLOCK_ROUNDS:-60}
	sessions=${CLOCK_SESSIONS:-3}
else
	rounds=${CLOCK_ROUNDS:-200}
	sessions=${CLOCK_SESSIONS:-8}
fi
long=${CLOCK_LONG:-}
[ "$sessions" -ge 1 ] && [ "$rounds" -ge "$sessions" ] ||
	fail "CLOCK_ROUNDS ($rounds) must be at least CLOCK_SESSIONS ($sessions), which is at least 1"

casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/sample.db" >/dev/null ||
	fail "the sample families could not be imported"

# Every session's tmux server goes when the test ends, however it ends.
top=$work
clock_cleanup() {
	for s in "$top"/s*/tmux.sock; do
		[ -S "$s" ] && tmux -S "$s" kill-server >/dev/null 2>&1
	done
	rm -rf "$top"
}
trap clock_cleanup EXIT INT TERM

# now: seconds, to a hundredth; from /proc/uptime where there is one,
# without starting a process (this runs for every key).
if [ -r /proc/uptime ]; then
	now() { read -r _up _idle </proc/uptime; echo "$_up"; }
else
	now() { date +%s.%N; }
fi
# rand N: a random number from 0 to N-1.
rand() { echo $(($(od -An -N2 -tu2 /dev/urandom) % $1)); }
# letters N: the first N letters typed, a..z over and over (no fork).
letters() {
	_a=abcdefghijklmnopqrstuvwxyz _i=0 _s=
	while [ "$_i" -lt "$1" ]; do
		_c=${_a%"${_a#?}"}
		_a=${_a#?}$_c
		_s=$_s$_c
		_i=$((_i + 1))
	done
	printf '%s' "$_s"
}

# open_editor: from a fresh start to an empty new note.
open_editor() {
	start_casebook --db "$db" --as "Grace Adeyemi"
	wait_for "Caseload" 20
	# A draft from the round before is offered first: leave it for now.
	if screen | grep -qF "Unsaved text from"; then
		send Enter
		wait_gone "Unsaved text from"
	fi
	# The keys of open_new_note at once (they wait in the terminal for
	# each screen): the family record, its notes, a new one, a case
	# note, dated today, not significant.
	send Enter n a Enter Enter n
	wait_for "New note" 20
}

# type_steadily N: N keys, a..z in turn, one every 0.2 s; when each was
# sent goes to $work/sent, a line a key.
type_steadily() {
	: >"$work/sent"
	_a=abcdefghijklmnopqrstuvwxyz _i=0
	while [ "$_i" -lt "$1" ]; do
		_c=${_a%"${_a#?}"}
		_a=${_a#?}$_c
		type_text "$_c"
		now >>"$work/sent"
		_i=$((_i + 1))
		sleep 0.2
	done
}

# session N: the rounds N, N + sessions, N + 2 sessions, ... in a home,
# database and tmux server of their own. Prints a line a round.
session() {
	me=$1
	work=$top/s$me
	sock=$work/tmux.sock
	HOME=$work/home
	XDG_DATA_HOME=$HOME/.local/share
	XDG_CONFIG_HOME=$HOME/.config
	export HOME XDG_DATA_HOME XDG_CONFIG_HOME
	mkdir -p -m 700 "$work" "$HOME"
	db=$work/t.db
	cp "$top/sample.db" "$db"
	chmod 600 "$db"
	r=$me
	while [ "$r" -le "$rounds" ]; do
		last=$((r + sessions > rounds))
		sqlite3 "$db" "DELETE FROM drafts"
		open_editor
		read -r cbpid <"$work/pid"
		# Saving in every other round, never the session's last: its
		# draft is offered back below.
		saving=$(((r / sessions) % 2 == 1 && last == 0))
		if [ "$saving" = 1 ]; then
			keys=$((2 + $(rand 5)))
		elif [ -n "$long" ]; then
			keys=$((20 + $(rand 26)))
		else
			keys=$((3 + $(rand 18)))
		fi
		type_steadily "$keys"
		typed=$(letters "$keys")
		if [ "$saving" = 1 ]; then
			notes=$(sqlite3 "$db" "SELECT count(*) FROM note_versions WHERE body = '$typed'")
			# A third of the kills race the key itself (the save takes
			# a few ms, less than tmux takes to pass the key on), a
			# third come within 40 ms of it, a third within 0.4 s.
			case $(rand 3) in
			0) send C-s & sender=$! ;;
			1) send C-s; sleep "0.0$(rand 5)" ;;
			*) send C-s; sleep "0.$(printf '%02d' $(rand 41))" ;;
			esac
		else
			# A random moment between two keys.
			sleep "0.$(printf '%02d' $(rand 20))"
		fi
		killed=$(now)
		kill -9 "$cbpid"
		wait_for "casebook exited 137"
		# (The key that raced the kill is passed on before the next start.)
		if [ -n "${sender:-}" ]; then
			wait "$sender"
			sender=
		fi
		if [ "$saving" = 1 ]; then
			# What casebook showed before it died stays on the screen.
			screen >"$work/before-kill"
			after=$(sqlite3 "$db" "SELECT count(*) FROM note_versions WHERE body = '$typed'")
			if grep -qF "Note saved." "$work/before-kill" && [ "$after" != $((notes + 1)) ]; then
				fail "round $r: the screen said the note was saved, and it is not"
			fi
			[ "$after" -le $((notes + 1)) ] || fail "round $r: the note was saved twice"
			if [ "$after" = $((notes + 1)) ]; then
				printf 'round %d: typed %d keys, killed while saving: saved\n' "$r" "$keys"
				r=$((r + sessions))
				continue
			fi
		fi
		body=$(sqlite3 "$db" "SELECT body FROM drafts WHERE key LIKE 'note:new:%'")
		kept=${#body}
		[ "$kept" -le "$keys" ] || fail "round $r: the draft has more than was typed: '$body'"
		# What was kept is exactly what was typed first.
		[ "$body" = "$(letters "$kept")" ] || fail "round $r: the draft is not the text typed: '$body'"
		if [ "$kept" -lt "$keys" ]; then
			# The first key lost: how long before the kill it was typed.
			first_lost=$(sed -n "$((kept + 1))p" "$work/sent")
			lost=$(awk -v k="$killed" -v f="$first_lost" 'BEGIN { printf "%.2f", k - f }')
		else
			lost=0
		fi
		printf 'round %d: typed %d keys%s, the draft kept %d, lost %.2f s of typing\n' \
			"$r" "$keys" "$([ "$saving" = 1 ] && echo ', killed while saving')" "$kept" "$lost"
		awk -v l="$lost" 'BEGIN { exit !(l <= 2.0) }' || fail "round $r lost $lost s of typing (over 2 s)"
		r=$((r + sessions))
	done

	# The last draft comes back on the next start, where it was written.
	[ -n "$body" ] || return 0
	start_casebook --db "$db" --as "Grace Adeyemi"
	wait_for "Unsaved text from" 20
	expect "$(printf '%s' "$body" | cut -c1-20)"
	send Escape
	wait_for "Caseload"
	send F10
	wait_for "Quit casebook?"
	send y
	wait_for "casebook exited 0"
	echo "the last draft came back"
}

started=$(now)
pids=
n=1
while [ "$n" -le "$sessions" ]; do
	(
		trap 'tmux -S "$sock" kill-server >/dev/null 2>&1' EXIT
		session "$n"
	) >"$top/session$n.log" 2>&1 &
	pids="$pids $!"
	n=$((n + 1))
done
failed=0
n=1
for p in $pids; do
	if ! wait "$p"; then
		echo "session $n failed:"
		failed=1
	fi
	n=$((n + 1))
done
cat "$top"/session*.log
[ "$failed" = 0 ] || fail "a session failed (see above)"
done_rounds=$(cat "$top"/session*.log | grep -c '^round ')
[ "$done_rounds" = "$rounds" ] || fail "$done_rounds rounds of $rounds were done"
worst=$(cat "$top"/session*.log | sed -n 's/.*lost \([0-9.]*\) s of typing$/\1/p' |
	sort -n | tail -n 1)
saved=$(cat "$top"/session*.log | grep -c 'killed while saving: saved$')
back=$(cat "$top"/session*.log | grep -c '^the last draft came back$')
elapsed=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }')
echo "$rounds kills in $sessions sessions took $elapsed s; the worst loss was ${worst:-0} s" \
	"of typing; $saved kills came after the save was done; $back drafts came back"
