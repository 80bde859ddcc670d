#!/bin/sh
# SPDX-License-Identifier: MIT
# libpq (and the TLS, Kerberos and LDAP libraries it brings) is loaded
# only when the team's server is used, and PAM (with libaudit and
# libcap-ng) only when a password is checked: every other start is spared
# their memory and time. The binary names neither, a command that does
# not sync never loads libpq, and one that reaches for the server does.
# (PAM's loading is exercised by the sign-off and idle-lock tests.)
. "$TOP_SRCDIR/tests/lib.sh"
need readelf

readelf -d "$CASEBOOK" >"$work/dyn" || fail "readelf could not read $CASEBOOK"
grep -q NEEDED "$work/dyn" || fail "readelf showed no libraries at all: $(cat "$work/dyn")"
for lib in libpq libpam; do
	if grep NEEDED "$work/dyn" | grep -q "$lib"; then
		fail "casebook is linked with $lib: $(grep "$lib" "$work/dyn")"
	fi
done

casebook init --db "$work/t.db" >/dev/null
# loaded CMD...: whether the dynamic loader loaded libpq for CMD.
loaded() {
	LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld" casebook "$@" >"$work/out" 2>"$work/err" || true
	cat "$work/ld".* >"$work/ld-all" 2>/dev/null
	rm -f "$work/ld".*
	[ -s "$work/ld-all" ] || fail "LD_DEBUG wrote nothing for casebook $*"
	grep -q "file=libpq" "$work/ld-all"
}
if loaded list workers --db "$work/t.db"; then
	fail "list workers loaded libpq"
fi
grep -q "file=libpam" "$work/ld-all" && fail "list workers loaded PAM"
# A server that cannot be there: libpq is loaded to try, and the message
# is libpq's reason in casebook's sentence.
if ! loaded server init --server "host=127.0.0.1 port=1 connect_timeout=3"; then
	fail "server init did not load libpq: $(cat "$work/err")"
fi
grep -q "could not reach the server" "$work/err" || fail "server init said: $(cat "$work/err")"
