#!/bin/sh
# SPDX-License-Identifier: MIT
# A lock held by another connection (BEGIN IMMEDIATE) does not freeze
# the editor.
# First, timed at casebook's own terminal (tests/e2e/keytime, a pty of
# 80x24; tmux's polling cannot tell casebook's delay from its own): while
# the lock is held for about ten seconds, every key (typing, moving,
# Ctrl-S, which says that it waits, and Esc, which gives up) answers
# within 100 ms, across the draft clock's tries; the draft meanwhile goes
# to a file beside the database. Under the sanitizers (recognised by
# ASAN_OPTIONS, which ./quickstart's sanitizer stage sets), where
# everything is several times slower, the bound is 400 ms; LOCK_KEY_MS
# sets another.
# Then, in tmux: the screen says the draft is not being kept, the text
# stays, the file beside the database is private and holds the text,
# the draft catches up once the lock is gone, and a kill while locked
# loses nothing (the file is taken in on the next start).
. "$TOP_SRCDIR/tests/e2e/lib.sh"

. "$TOP_SRCDIR/tests/e2e/drafts-lib.sh"

if [ -n "${ASAN_OPTIONS:-}" ]; then
	limit=${LOCK_KEY_MS:-400}
else
	limit=${LOCK_KEY_MS:-100}
fi
# The timed part's database is in memory (/dev/shm) where there is one:
# the bound is on waiting for the lock, and a key that comes as a draft is
# written would otherwise also wait for the disk to sync it, which on a
# busy test machine can take longer (make bench measures that).
tdb=$db
if [ -d /dev/shm ] && [ -w /dev/shm ] && shm=$(mktemp -d /dev/shm/casebook-t.XXXXXX); then
	trap 'e2e_cleanup; rm -rf "$shm"' EXIT INT TERM
	tdb=$shm/t.db
	cp "$db" "$tdb"
fi
keytime=${CASEBOOK%/casebook}/tests/e2e/keytime
[ -x "$keytime" ] || fail "$keytime is not built (make check builds it)"

# The other connection: sqlite3 reading its statements from a pipe that
# this test holds open (fd 3), so that it takes and gives back the lock
# when told, and ends with the test. lock_db takes the lock and waits
# until a write elsewhere is refused.
fifo="$work/lock.fifo"
start_locker() {
	rm -f "$fifo"
	mkfifo "$fifo"
	sqlite3 "$db" <"$fifo" >"$work/locker.out" 2>&1 &
	locker=$!
	exec 3>"$fifo"
}
stop_locker() {
	printf '.exit\n' >&3
	exec 3>&-
	wait "$locker" || fail "the other connection failed: $(cat "$work/locker.out")"
}
# lock_cmd: the command that takes the lock on $db, one line (it is also
# a step of keytime's script).
lock_cmd() {
	echo "printf 'BEGIN IMMEDIATE;\\nUPDATE drafts SET title = title;\\n' >'$fifo'; n=0; \
until ! sqlite3 -cmd '.timeout 10' '$db' 'UPDATE drafts SET title = title' 2>/dev/null; do \
n=\$((n + 1)); [ \$n -lt 100 ] || exit 1; sleep 0.05; done"
}
lock_db() { sh -c "$(lock_cmd)" || fail "the test could not take the lock"; }
unlock_db() { printf 'ROLLBACK;\n' >&3; }

# step FIELD...: a line of keytime's script, the fields tab-separated.
step() {
	printf '%s' "$1"
	shift
	for f in "$@"; do printf '\t%s' "$f"; done
	printf '\n'
}
rand() { echo $(($(od -An -N2 -tu2 /dev/urandom) % $1)); }

disk_db=$db
db=$tdb
# The script: to a new note, some typing with the database free, then
# the lock and 30 rounds of a key typed, Left, Right, Home and End at
# random intervals, then Ctrl-S (it waits and says so) and Esc (it gives
# up), more typing, and the lock given back.
{
	step wait "Caseload"
	step key "free: Enter" '\r' "Family record"
	step key "free: n" n "Case notes"
	step key "free: a" a "What kind of note?"
	step key "free: Enter" '\r' "When did it happen?"
	step key "free: Enter" '\r' "significant event"
	step key "free: n" n "New note"
	for c in T i m e d :; do
		step key "free: $c" "$c" "$c"
	done
	step sh "n=0; until [ \"\$(sqlite3 '$db' 'SELECT body FROM drafts')\" = Timed: ]; do \
n=\$((n + 1)); [ \$n -lt 100 ] || exit 1; sleep 0.05; done"
	step sh "$(lock_cmd)"
	i=0
	while [ "$i" -lt 30 ]; do
		c=$((i % 10))
		step key "locked: $c" "$c" "$c"
		step pause $((50 + $(rand 300)))
		step key "locked: Left" '\eOD' ""
		step key "locked: Right" '\eOC' ""
		step pause $((50 + $(rand 100)))
		step key "locked: Home" '\e[1~' ""
		step key "locked: End" '\e[4~' ""
		i=$((i + 1))
	done
	# The draft went beside the database meanwhile.
	step sh "ls '$db'-draft-* >/dev/null 2>&1"
	step key "locked: Ctrl-S" '\x13' "Waiting for another"
	step pause 300
	step key "locked: Esc" '\e' "busy in another"
	for c in a b c; do
		step key "locked: $c" "$c" "$c"
	done
	step sh "printf 'ROLLBACK;\\n' >'$fifo'"
	step key "free: Ctrl-S" '\x13' "Note saved."
} >"$work/script"

start_locker
env TERM=screen "$keytime" -o "$work/terminal" "$CASEBOOK" --db "$db" --as "Grace Adeyemi" \
	<"$work/script" >"$work/times" 2>"$work/keytime.err" 3>&- ||
	fail "keytime: $(cat "$work/keytime.err")"
stop_locker
[ "$(sqlite3 "$db" "SELECT count(*) FROM note_versions WHERE body = 'Timed:012345678901234567890123456789abc'")" = 1 ] ||
	fail "the text typed under the lock was not saved whole"
db=$disk_db
awk -F '\t' -v limit="$limit" '
	{ split($1, w, ":"); n[w[1]]++; if ($2 > max[w[1]]) { max[w[1]] = $2; slow[w[1]] = $1 } }
	$2 > limit && w[1] == "locked" { over = over "\n  " $1 " took " $2 " ms" }
	END {
		printf "keys timed at the terminal: %d with the database free (slowest %s, %.1f ms), ", n["free"], slow["free"], max["free"]
		printf "%d while it was locked (slowest %s, %.1f ms; the bound %d ms)\n", n["locked"], slow["locked"], max["locked"], limit
		if (n["locked"] < 150) { print "FAIL: too few keys were timed under the lock"; exit 1 }
		if (over != "") { print "FAIL: keys answered over " limit " ms under the lock:" over; exit 1 }
	}' "$work/times" || { cat "$work/times"; exit 1; }
# The median, for the record.
awk -F '\t' '/^locked/ { print $2 }' "$work/times" | sort -n |
	awk '{ a[NR] = $1 } END { printf "the median key under the lock: %.1f ms\n", a[int((NR + 1) / 2)] }'

start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Caseload"
open_new_note
type_text "Before the lock:"
wait_draft 1 "Before the lock:"

# Another connection takes the write lock and keeps it.
start_locker
lock_db
typed="Before the lock:"
i=0
while [ "$i" -lt 15 ]; do
	c=$((i % 10))
	typed="$typed$c"
	type_text "$c"
	wait_for "$typed"
	i=$((i + 1))
	sleep 0.2
done
# Meanwhile the draft is kept in a file beside the database, private.
expect "kept in a file beside it"
aside=$(ls "$db"-draft-* 2>/dev/null | grep -v '[.]new$' | head -1)
[ -n "$aside" ] || fail "no draft was kept beside the locked database"
[ "$(stat -c %a "$aside")" = 600 ] || fail "the draft beside the database is not 0600"
grep -qF "Before the lock:0" "$aside" || fail "the draft beside the database lacks the text typed"
# Saving waits in slices, says so, and Esc gives up at once: nothing is
# saved and the text stays.
send C-s
wait_for "Waiting for another casebook" 3
send Escape
wait_for "busy in another casebook" 3
expect "$typed"
[ "$(sqlite3 "$db" "SELECT count(*) FROM note_versions WHERE body = '$typed'")" = 0 ] ||
	fail "the note was saved while the database was locked"
# The other casebook goes away (its lock with it).
unlock_db
stop_locker

# The lock is gone: the draft catches up with everything typed.
n=0
until [ "$(sqlite3 "$db" "SELECT body FROM drafts")" = "$typed" ]; do
	n=$((n + 1))
	[ $n -lt 50 ] || fail "the draft did not catch up after the lock"
	sleep 0.1
done
send C-s
wait_for "Note saved."
! ls "$db"-draft-* >/dev/null 2>&1 || fail "the draft beside the database outlived the lock"
quit_casebook

# Killed while the database is locked: the draft beside it comes back
# into the drafts on the next start.
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Caseload"
open_new_note
start_locker
lock_db
type_text "Typed while locked, then killed"
n=0
# (The file itself, not the .new it is written as before it is renamed:
# a kill before the rename leaves the one before.)
until grep -lsF "Typed while locked, then killed" "$db"-draft-* | grep -qv '[.]new$'; do
	n=$((n + 1))
	[ $n -lt 50 ] || fail "no draft was kept beside the locked database"
	sleep 0.1
done
kill -9 "$(cat "$work/pid")"
wait_for "exited 137"
unlock_db
stop_locker
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Unsaved text from"
expect "Typed while locked, then killed"
! ls "$db"-draft-* >/dev/null 2>&1 || fail "the draft beside the database was not taken in"
send Enter
wait_for "Caseload"
quit_casebook
