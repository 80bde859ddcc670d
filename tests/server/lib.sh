# SPDX-License-Identifier: MIT
# Shared by the server tests. Source it from inside pg_virtualenv (which
# sets PGHOST, PGPORT, PGUSER and PGPASSWORD for a throwaway cluster's
# superuser). Sets $work, $db (the test database) and helpers.
[ -n "${work:-}" ] || . "$TOP_SRCDIR/tests/lib.sh"
SYNCTOOL=${SYNCTOOL:-$(dirname "$CASEBOOK")/tests/server/synctool}
[ -x "$SYNCTOOL" ] || fail "no $SYNCTOOL: run the tests with make check"
synctool() { "$SYNCTOOL" "$@"; }
# A laptop's canonical dump, less the audit entries about a worker alone
# (a login linked to its worker): the server keeps those for the worker
# who sent them, and other laptops never fetch them.
dump() { "$SYNCTOOL" dump "$1" | grep -v '^audit	.*"entity":"worker"'; }
errors=0
check() { # check WHAT COMMAND...: the command must succeed
	what=$1; shift
	if "$@" >"$work/out" 2>"$work/err"; then :; else
		printf 'FAIL: %s\n' "$what" >&2; cat "$work/out" "$work/err" >&2; errors=$((errors + 1))
	fi
}
refuse() { # refuse WHAT PATTERN COMMAND...: must fail with one line matching PATTERN
	what=$1; pat=$2; shift 2
	if "$@" >"$work/out" 2>"$work/err"; then
		printf 'FAIL: %s: it succeeded\n' "$what" >&2; errors=$((errors + 1)); return
	fi
	if [ "$(wc -l <"$work/err")" -ne 1 ] || ! grep -q -- "$pat" "$work/err"; then
		printf 'FAIL: %s: expected one line matching "%s", got:\n' "$what" "$pat" >&2
		cat "$work/err" >&2; errors=$((errors + 1))
	fi
}
same() { # same WHAT A B: files equal
	if ! cmp -s "$2" "$3"; then
		printf 'FAIL: %s\n' "$1" >&2; diff "$2" "$3" | cut -c1-160 | head -6 >&2; errors=$((errors + 1))
		[ -n "${KEEP_FAILED:-}" ] && cp "$2" "$3" "$KEEP_FAILED/"
	fi
}
# A worker's connection string.
url() { echo "host=$PGHOST port=$PGPORT dbname=$db user=$1 password=pw-$1"; }
newdb() { # newdb NAME: a fresh database
	db=$1
	psql -q -X -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
	admin="dbname=$db"
}
login() { # login ROLE NAME WORKER-ROLE TEAM: add the worker and set a password
	"$CASEBOOK" server add-worker "$2" --role "$3" --team "$4" --login "$1" --server "$admin" \
		>/dev/null || fail "add-worker $1"
	psql -q -X -d "$db" -c "ALTER ROLE \"$1\" PASSWORD 'pw-$1'" >/dev/null
}
as_role() { # as_role ROLE SQL: psql connected as the worker's own role
	PGPASSWORD="pw-$1" psql -X -q -tA -U "$1" -d "$db" -c "$2"
}
