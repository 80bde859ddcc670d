#!/bin/sh
# SPDX-License-Identifier: MIT
# A database casebook cannot write (the file read-only, or its folder) is
# opened to read it: what needs no writing works, what does is refused
# with a sentence that says why, never SQLite's "attempt to write a
# readonly database"; the file is not changed and nothing is made beside
# it. The workbook, which writes as it goes, is refused before it starts.
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
need sqlite3 script timeout

home="$work/ro-home"
mkdir -p "$home"
chown -R "$owner" "$home"
run() {
	as env HOME="$home" XDG_DATA_HOME="$home/share" XDG_CONFIG_HOME="$home/config" "$CASEBOOK" "$@"
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

	# Reading a family is recorded in the audit, which cannot be written:
	# refused, saying so, and nothing shown.
	for cmd in "list families" "show family FS-25-0263" "add worker Zed --role social-worker"; do
		# shellcheck disable=SC2086
		if run $cmd --db "$db" >"$work/out" 2>"$work/err"; then
			fail "$what: '$cmd' succeeded on a database it cannot write"
		fi
		[ ! -s "$work/out" ] || fail "$what: '$cmd' printed records it could not record reading"
		grep -q "open for reading only" "$work/err" ||
			fail "$what: '$cmd' did not say why: $(cat "$work/err")"
		if grep -qi "readonly database" "$work/err"; then
			fail "$what: '$cmd' gave SQLite's message: $(cat "$work/err")"
		fi
	done

	# The workbook: refused before any screen.
	as env HOME="$home" XDG_DATA_HOME="$home/share" XDG_CONFIG_HOME="$home/config" \
		TERM=screen timeout 20 script -qec "'$CASEBOOK' --db '$db'" /dev/null \
		</dev/null >"$work/tui" 2>&1
	grep -q "can only be read here" "$work/tui" ||
		fail "$what: the workbook did not say it cannot write: $(cat "$work/tui")"

	[ "$(sha256sum <"$db")" = "$sum" ] || fail "$what: the database changed"
	[ "$(ls "$dir")" = x.db ] || fail "$what: files were left beside it: $(ls "$dir")"
	echo "$what: read where it could be, refused with a reason where not, nothing changed"
}

mkdir "$work/rofile"
cp "$work/source.db" "$work/rofile/x.db"
chown -R "$owner" "$work/rofile"
chmod 700 "$work/rofile"
chmod 400 "$work/rofile/x.db"
check "read-only file" "$work/rofile"

mkdir "$work/rodir"
cp "$work/source.db" "$work/rodir/x.db"
chown -R "$owner" "$work/rodir"
chmod 600 "$work/rodir/x.db"
chmod 500 "$work/rodir"
check "read-only folder" "$work/rodir"

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
