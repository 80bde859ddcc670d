#!/bin/sh
# SPDX-License-Identifier: MIT
# The workbook on a database it cannot write (here its folder read-only):
# it opens, says READ-ONLY in its top line, lets the worker read families,
# notes, the chronology and search; a key that would record something
# says in one sentence that the database is read-only and opens nothing.
# The file is not changed, nothing is made beside it, and what was read is
# audited in the user's state folder. As root (CI) casebook runs as
# nobody, since root may write anything.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
need sqlite3

E2E_ENV="XDG_STATE_HOME='$XDG_STATE_HOME'"
casebook init --db "$work/source.db" >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/source.db" >/dev/null ||
	fail "the sample families could not be imported"
mkdir "$work/ro"
cp "$work/source.db" "$work/ro/x.db"
chmod 600 "$work/ro/x.db"
if [ "$(id -u)" = 0 ]; then
	need setpriv
	id nobody >/dev/null 2>&1 || { echo "no user nobody: skipped"; exit 77; }
	real=$CASEBOOK
	CASEBOOK="$work/as-nobody"
	printf '#!/bin/sh\nexec setpriv --reuid=%s --regid=%s --clear-groups %s "$@"\n' \
		"$(id -u nobody)" "$(id -g nobody)" "'$real'" >"$CASEBOOK"
	chmod 755 "$CASEBOOK"
	chmod 711 "$work"
	chown -R nobody "$HOME" "$work/ro"
	"$CASEBOOK" --version >/dev/null 2>&1 || { echo "nobody cannot run $real: skipped"; exit 77; }
fi
chmod 500 "$work/ro"
sum=$(sha256sum <"$work/ro/x.db")

start_casebook --db "$work/ro/x.db" --as "Imran Chaudhry"
wait_for "Caseload"
screen | head -n 1 | grep -q "READ-ONLY" || { echo "FAIL: no READ-ONLY in the top line:"; screen; exit 1; }
expect "This database is read-only here"

# Writing: refused in one sentence, nothing opened.
refused="This database is read-only here, so nothing can be added or changed."
send a
wait_for "$refused"
refute "Case reference"

# Reading: a family, its notes, a note, the chronology.
send Enter
wait_for "Family record:"
screen | head -n 1 | grep -q "READ-ONLY" || { echo "FAIL: READ-ONLY left the top line:"; screen; exit 1; }
send n
wait_for "Case notes"
# The key bar offers only what works here.
if screen | tail -n 1 | grep -q "a Add"; then
	echo "FAIL: the key bar offers adding:"; screen; exit 1
fi
screen | tail -n 1 | grep -q "h History" || { echo "FAIL: the key bar lost History:"; screen; exit 1; }
send a
wait_for "$refused"
refute "What kind of note?"
send e
wait_for "$refused"
refute "Correcting"
send Enter
wait_for "Esc"
send Escape
wait_for "Case notes"
send Escape
wait_for "Family record:"
# A module's written answer: Enter shows it whole (on a writable database
# it would open the editor).
send p
wait_for "Programme:"
send Enter
wait_for "Getting to know the family:"
send Down
send Enter
wait_for "Police have been called to the home three"
refute "Saved"
send Escape
wait_for "Getting to know the family:"
send Escape
wait_for "Programme:"
send Escape
wait_for "Family record:"
send c
wait_for "Chronology"
send Escape
wait_for "Family record:"
send Escape
wait_for "Caseload"

# Minutes of a signed supervision: read; the agenda cannot be changed.
send m
wait_for "Group supervision meetings"
send Enter
wait_for "Group supervision of"
send a
wait_for "$refused"
send Enter
wait_for "Minutes: FS-26-0142 Price family"
expect "Imran Chaudhry  Social worker"
send Space
wait_for "$refused"
expect "present"
send Escape
wait_for "Group supervision of"
send Escape
wait_for "Group supervision meetings"
send Escape
wait_for "Caseload"

# Searching every family.
send f
wait_for "Search every family"
type_text "mother"
send Enter
wait_for "mother"
send Escape
wait_for "Caseload"
quit_casebook

# Without --as: the workers to choose from, but nobody can be added; then
# a signal on a screen ends it as usual, and nothing is left beside it.
start_casebook --db "$work/ro/x.db"
wait_for "Who are you?"
refute "Someone new"
send Enter
wait_for "Caseload"
screen | head -n 1 | grep -q "READ-ONLY" || { echo "FAIL: no READ-ONLY:"; screen; exit 1; }
send Enter
wait_for "Family record:"
kill -TERM "$(cat "$work/pid")"
wait_for "casebook exited 143"

[ "$(sha256sum <"$work/ro/x.db")" = "$sum" ] || fail "the database changed"
[ "$(ls "$work/ro")" = x.db ] || fail "files were left beside it: $(ls "$work/ro")"
file=$(ls "$XDG_STATE_HOME"/casebook/audit-*) || fail "the reads were not kept for the audit"
[ "$(stat -c %a "$file")" = 600 ] || fail "the kept audit is mode $(stat -c %a "$file")"
grep -q "	read	family	" "$file" || fail "the family read is not in the kept audit: $(cat "$file")"
echo "read-only workbook: READ-ONLY shown, reading works, writing refused, nothing changed"
