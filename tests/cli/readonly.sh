#!/bin/sh
# SPDX-License-Identifier: MIT
# A database casebook cannot write (the file read-only, or its folder) is
# opened to read it: every read works, with one line on stderr saying it is
# read-only; a read of a family is audited in a 0600 file in the user's
# state folder (nothing is shown when even that cannot be written), and
# the next open that can write adds those entries to the audit. What needs
# writing is refused with a sentence that says why, never SQLite's
# "attempt to write a readonly database"; the file is not changed and
# nothing is made beside it. (The workbook on such a database:
# tests/e2e/readonly-workbook.sh.)
# As root (CI), the commands run as nobody, since root may write anything.
. "$TOP_SRCDIR/tests/lib.sh"

if [ "$(id -u)" = 0 ]; then
	need setpriv
	id nobody >/dev/null 2>&1 || { echo "no user nobody: skipped"; exit 77; }
	as() { setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups "$@"; }
	# nobody needs to reach the scratch folder and the binary.
	chmod 711 "$work"
	probe=$(as "$CASEBOOK" --version 2>&1) || {
		echo "nobody cannot run $CASEBOOK ($probe): skipped"
		exit 77
	}
	owner=nobody
else
	as() { "$@"; }
	owner=$(id -un)
fi
need sqlite3

home="$work/ro-home"
mkdir -p "$home"
chown -R "$owner" "$home"
run() {
	as env HOME="$home" XDG_STATE_HOME="$home/state" XDG_DATA_HOME="$home/share" \
		XDG_CONFIG_HOME="$home/config" "$CASEBOOK" "$@"
}

casebook init --db "$work/source.db" >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/source.db" >/dev/null ||
	fail "the sample families could not be imported"
casebook list workers --db "$work/source.db" >"$work/workers.expected"

# check CASE DIR: the database at DIR/x.db cannot be written.
check() {
	what=$1 dir=$2 db=$2/x.db
	sum=$(sha256sum <"$db")

	run list workers --db "$db" >"$work/out" 2>"$work/err" ||
		fail "$what: list workers could not read it: $(cat "$work/err")"
	cmp -s "$work/out" "$work/workers.expected" || fail "$what: list workers read something else"
	run list meetings --db "$db" >"$work/out" 2>"$work/err" ||
		fail "$what: list meetings could not read it: $(cat "$work/err")"
	[ -s "$work/out" ] || fail "$what: list meetings showed nothing"

		# Reading a family is recorded in the audit before anything is shown;
	# the database cannot take the entry, so the user's state folder
	# keeps it (0600 in a 0700 folder) and the reads work, each with one
	# line on stderr that says the database is read-only.
	pending=$(ls "$home"/state/casebook/audit-* 2>/dev/null | wc -l)
	for cmd in "list families" "show family FS-25-0263" "search mother" \
		"export family FS-25-0263 --format txt"; do
		# shellcheck disable=SC2086
		run $cmd --db "$db" >"$work/out" 2>"$work/err" ||
			fail "$what: '$cmd' could not read it: $(cat "$work/err")"
		[ -s "$work/out" ] || fail "$what: '$cmd' showed nothing"
		[ "$(wc -l <"$work/err")" -eq 1 ] && grep -q "is read-only here" "$work/err" ||
			fail "$what: '$cmd' did not say in one line that it is read-only: $(cat "$work/err")"
	done
	grep -q "Gallagher family" "$work/out" || fail "$what: the export is not of the family"
	[ "$(ls "$home"/state/casebook/audit-* | wc -l)" -eq $((pending + 1)) ] ||
		fail "$what: not one file of pending audit entries: $(ls "$home"/state/casebook)"
	file=$(ls -t "$home"/state/casebook/audit-* | head -n 1)
	[ "$(stat -c %a "$file")" = 600 ] || fail "$what: the pending audit is mode $(stat -c %a "$file")"
	[ "$(stat -c %a "$home/state/casebook")" = 700 ] ||
		fail "$what: its folder is mode $(stat -c %a "$home/state/casebook")"
	[ "$(grep -c "	$owner	read	famil" "$file")" -eq 3 ] &&
		[ "$(grep -c "	$owner	export	family	" "$file")" -eq 1 ] ||
		fail "$what: not three reads and an export kept for the audit: $(cat "$file")"

	# Writing is refused, saying why, never with SQLite's words.
	if run add worker Zed --role social-worker --db "$db" >"$work/out" 2>"$work/err"; then
		fail "$what: add worker succeeded on a database it cannot write"
	fi
	grep -q "open for reading only" "$work/err" ||
		fail "$what: add worker did not say why: $(cat "$work/err")"
	if grep -qi "readonly database" "$work/err"; then
		fail "$what: add worker gave SQLite's message: $(cat "$work/err")"
	fi

	# With nowhere to keep the entry, nothing is shown, as before.
	mkdir -p "$work/nostate"
	chmod 555 "$work/nostate"
	if as env HOME="$home" XDG_STATE_HOME="$work/nostate" XDG_DATA_HOME="$home/share" \
		XDG_CONFIG_HOME="$home/config" "$CASEBOOK" list families --db "$db" \
		>"$work/out" 2>"$work/err"; then
		fail "$what: list families showed records it could not record reading"
	fi
	[ ! -s "$work/out" ] || fail "$what: list families printed records without their audit"
	grep -q "open for reading only" "$work/err" ||
		fail "$what: no reason given when the audit could not be kept: $(cat "$work/err")"

	[ "$(sha256sum <"$db")" = "$sum" ] || fail "$what: the database changed"
	[ "$(ls "$dir")" = x.db ] || fail "$what: files were left beside it: $(ls "$dir")"
	echo "$what: read, with the audit kept aside; writing refused with a reason; nothing changed"
}

# merged CASE DIR: once the database at DIR/x.db can be written, the next
# open adds the kept entries to its audit with their own times, marked,
# and removes the file only then.
merged() {
	what=$1 db=$2/x.db
	file=$(ls -t "$home"/state/casebook/audit-* | head -n 1)
	grep -q "	$(realpath "$db")\$" "$file" || fail "$what: the pending file is not this database's"
	awk -F '\t' 'NR > 1 { print $2 }' "$file" | sort >"$work/times.kept"
	run list workers --db "$db" >/dev/null 2>"$work/err" ||
		fail "$what: the writable database could not be opened: $(cat "$work/err")"
	[ ! -e "$file" ] || fail "$what: the pending audit was left after the merge"
	as sqlite3 "$db" "SELECT created_at FROM audit WHERE detail LIKE 'recorded while read-only%'
		ORDER BY created_at" >"$work/times.merged"
	cmp -s "$work/times.kept" "$work/times.merged" ||
		fail "$what: the audit has other entries than were kept: $(cat "$work/times.merged")"
	[ "$(wc -l <"$work/times.merged")" -eq 4 ] || fail "$what: not four entries merged"
	n=$(as sqlite3 "$db" "SELECT count(*) FROM audit WHERE os_user = '$owner' 
		AND detail LIKE 'recorded while read-only%'")
	[ "$n" -eq 4 ] || fail "$what: the merged entries lost who read ($n)"
	# Opened again: nothing added twice.
	run list workers --db "$db" >/dev/null 2>&1
	[ "$(as sqlite3 "$db" "SELECT count(*) FROM audit WHERE detail LIKE 'recorded while read-only%'")" \
		-eq 4 ] || fail "$what: the entries were added twice"
	echo "$what: the kept entries are in the audit with their times, the file gone"
}

mkdir "$work/rofile"
cp "$work/source.db" "$work/rofile/x.db"
chown -R "$owner" "$work/rofile"
chmod 700 "$work/rofile"
chmod 400 "$work/rofile/x.db"
check "read-only file" "$work/rofile"
chmod 600 "$work/rofile/x.db"
merged "read-only file, made writable" "$work/rofile"

mkdir "$work/rodir"
cp "$work/source.db" "$work/rodir/x.db"
chown -R "$owner" "$work/rodir"
chmod 600 "$work/rodir/x.db"
chmod 500 "$work/rodir"
check "read-only folder" "$work/rodir"
chmod 700 "$work/rodir"
merged "read-only folder, made writable" "$work/rodir"

# init needs to write: refused, with the reason.
mkdir "$work/roinit"
: >"$work/roinit/x.db"
chown -R "$owner" "$work/roinit"
chmod 500 "$work/roinit"
if run init --db "$work/roinit/x.db" 2>"$work/err"; then
	fail "init succeeded in a folder it cannot write"
fi
grep -q "cannot be written here" "$work/err" || fail "init did not say why: $(cat "$work/err")"
[ "$(ls "$work/roinit")" = x.db ] || fail "init left files: $(ls "$work/roinit")"
[ ! -s "$work/roinit/x.db" ] || fail "init wrote to the empty file"
echo "init in a read-only folder: refused with a reason, nothing made"
