#!/bin/sh
# SPDX-License-Identifier: MIT
# The conflicts screen, in the real workbook at 80x24: a note corrected and
# a module field answered on two laptops show on the caseload's line and on
# the screen C opens; one is merged in the editor, the other settled by
# taking the version kept aside; S syncs from the screen, and the other
# laptop then shows the same record with no conflict left.
# Runs against a throwaway PostgreSQL cluster made by pg_virtualenv.
set -u
if [ -z "${CB_PGVENV:-}" ]; then
	command -v pg_virtualenv >/dev/null 2>&1 || { echo "skip: pg_virtualenv is not installed"; exit 77; }
	CB_PGVENV=1 exec pg_virtualenv -t sh "$0" "$@"
fi
. "$TOP_SRCDIR/tests/e2e/lib.sh"
. "$TOP_SRCDIR/tests/server/lib.sh"
cd "$work" || exit 99
newdb cbscreen
casebook server init --server "$admin" >/dev/null || fail "server init"
login amira "Amira Haddad" social-worker "Team A"
login ben "Ben Okafor" child-practitioner "Team A"
for w in amira ben; do
	casebook init --db "$w.db" >/dev/null || fail "init $w"
	casebook sync --db "$w.db" --server "$(url $w)" >/dev/null || fail "first sync of $w"
done
synctool family amira.db "Amira Haddad" FS-A-1 >/dev/null || fail "a family"
for w in amira ben; do casebook sync --db "$w.db" >/dev/null || fail "sync $w"; done

# Offline on both laptops: the same note corrected, the same field answered.
field=daily_care.working_well
synctool correct amira.db "Amira Haddad" FS-A-1 "Amira's reading." >/dev/null || fail "amira corrects"
synctool correct ben.db "Ben Okafor" FS-A-1 "Ben's reading." >/dev/null || fail "ben corrects"
synctool answer amira.db "Amira Haddad" FS-A-1 $field "Amira's answer." || fail "amira answers"
synctool answer ben.db "Ben Okafor" FS-A-1 $field "Ben's answer." || fail "ben answers"
synctool family amira.db "Amira Haddad" FS-A-7 >/dev/null || fail "amira adds FS-A-7"
synctool family ben.db "Ben Okafor" FS-A-7 >/dev/null || fail "ben adds FS-A-7 too"
for w in amira ben; do casebook sync --db "$w.db" >/dev/null || fail "sync $w"; done
[ "$(casebook list conflicts --db ben.db | wc -l)" = 3 ] || fail "ben has not 3 conflicts"
# pick WHAT: select the conflict whose line starts with WHAT.
pick() {
	send Home
	_first=$(screen | grep -n -E '^ (note|answer|reference) ' | head -1 | cut -d: -f1)
	_row=$(screen | grep -n "^ $1 " | head -1 | cut -d: -f1)
	[ -n "$_row" ] || fail "no $1 line"
	_k=$((_row - _first))
	while [ "$_k" -gt 0 ]; do send Down; _k=$((_k - 1)); done
}

# $EDITOR makes the merged text, as a person would in their own editor.
printf '#!/bin/sh\nprintf "Both readings, merged by Ben.\\n" >"$1"\n' >"$work/merge.sh"
chmod +x "$work/merge.sh"
E2E_ENV="EDITOR=$work/merge.sh"
start_casebook --db "$work/ben.db" --as "Ben Okafor"
wait_for "FS-A-1"
expect "conflicts: 3 (C), synced"
send C
wait_for "Conflicts from sync"
expect "3 conflicts from sync"
expect "reference"
expect "note"
expect "answer"
expect "Ben Okafor"
expect "Amira Haddad"
send '?'
wait_for "Show both versions and resolve"
expect "Sync with the team's server: send the resolutions"
send Escape
wait_for "3 conflicts from sync"

# The shared reference: Ben's FS-A-7 becomes FS-A-8.
pick reference
send Enter
wait_for "Two families have the reference FS-A-7"
expect "They are the same family"
expect "(made by Amira Haddad) a new case reference"
expect "(made by Ben Okafor) a new case reference"
# Amira's record was made first: Ben's is the second choice.
send Down
send Enter
wait_for "New case reference for FS-A-7 family"
send Enter
wait_for "FS-A-7 is already"
send BSpace
type_text "8"
send Enter
wait_for "is now FS-A-8"
expect "2 conflicts from sync"
refute " reference "

# The note (whichever line it is on).
pick note
send Enter
wait_for "Merge: edit one text with both in view"
expect "Keep the version on this laptop"
expect "Take the version kept aside"
send Enter
wait_for "=== Kept on this laptop"
expect "Ben's reading."
expect "Amira's reading."
# Saving with the headings still in is refused; the text stays.
send C-s
wait_for "take out the lines that start with ==="
send C-e
wait_for "Both readings, merged by Ben."
send C-s
wait_for "Resolved by a new version that names both"
expect "1 conflict from sync"
refute " note "

# Then the answer: take the version kept aside (Amira's).
pick answer
send Enter
wait_for "Take the version kept aside"
expect "Ben's answer."
send Up
send Enter
wait_for "Resolved by a new version that names both"
wait_for "No conflicts."
send S
wait_for "Synced. Sent:"
refute "conflicts to resolve"
send Escape
wait_for "Caseload"
refute "conflicts:"
quit_casebook

# The other laptop fetches the resolutions: no conflict, the same record.
casebook sync --db amira.db >/dev/null || fail "amira syncs"
[ -z "$(casebook list conflicts --db amira.db)" ] || fail "amira still has conflicts"
note() { sqlite3 "$1" "SELECT v.body FROM notes_current v JOIN notes n ON n.id = v.note_id JOIN families_current f ON f.family_id = n.family_id WHERE f.reference = 'FS-A-1' AND v.body LIKE 'Both%'"; }
answer() { sqlite3 "$1" "SELECT v.value FROM answers_current v JOIN answers a ON a.id = v.answer_id WHERE a.field_key = '$field'"; }
for w in amira ben; do
	[ "$(note $w.db)" = "Both readings, merged by Ben." ] || fail "$w does not show the merged note"
	[ "$(answer $w.db)" = "Amira's answer." ] || fail "$w shows the answer '$(answer $w.db)'"
done
for w in amira ben; do
	[ "$(sqlite3 $w.db "SELECT group_concat(reference, ' ') FROM (SELECT reference FROM families_current WHERE reference LIKE 'FS-A-_' ORDER BY 1)")" = "FS-A-1 FS-A-7 FS-A-8" ] ||
		fail "$w does not hold FS-A-1, FS-A-7 and FS-A-8"
done
dump amira.db >amira.dump
dump ben.db >ben.dump
cmp -s amira.dump ben.dump || fail "the laptops differ after resolving: $(diff amira.dump ben.dump | head -4)"
echo "conflicts-screen: ok"
exit 0
