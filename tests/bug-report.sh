#!/bin/sh
# SPDX-License-Identifier: MIT
# Where problems are reported: configure --with-bug-report=ADDRESS names
# the authority's service desk in --help and casebook(1); without it they
# say "your authority's IT team". An address that would break the pages
# is refused.
. "$TOP_SRCDIR/tests/lib.sh"

builddir=$(dirname "$CASEBOOK")
configured=$(sed -n 's/^#define CB_BUG_REPORT "\(.*\)"$/\1/p' "$builddir/config.h")
want=${configured:-"your authority's IT team"}
casebook --help >"$work/help" || fail "--help failed"
grep -qF "Report problems to $want" "$work/help" || fail "--help does not name $want: $(tail -3 "$work/help")"
grep -A1 -F "Report a problem to" "$builddir/man/casebook.1" | grep -qxF "$want:" || fail "casebook(1) does not name $want"
grep -q '@bugreport@' "$builddir/man/casebook.1" && fail "casebook(1) still holds @bugreport@"
# The translators' template names the same (Report-Msgid-Bugs-To).
if [ -f "$builddir/po/Makefile" ]; then
	po=$(sed -n 's/^PACKAGE_BUGREPORT = //p' "$builddir/po/Makefile")
	[ "$po" = "$configured" ] || fail "po/ has '$po' for the address, not '$configured'"
fi

mkdir "$work/b" || exit 99
# Given: what configure defines is the text --help prints. (A whole
# configure and build take minutes on a busy machine; the preprocessor
# shows the same in a moment.)
addr="https://it.example.gov.uk/casebook-help"
sed "s|^#define CB_BUG_REPORT .*|#define CB_BUG_REPORT \"$addr\"|" "$builddir/config.h" >"$work/b/config.h"
${CC:-cc} -E -I"$work/b" -I"$TOP_SRCDIR/include" -I"$TOP_SRCDIR/src/cli" \
	"$TOP_SRCDIR/src/cli/cli.c" 2>"$work/err" | grep -F "bug_report[] =" >"$work/pp" ||
	fail "cli.c does not preprocess: $(head -5 "$work/err")"
grep -qF "\"$addr\"" "$work/pp" || fail "--help's address is not the configured one: $(cat "$work/pp")"

# Refused at once, before any other check. (A source tree configured in
# place, as a Debian package build's is, cannot be configured elsewhere.)
cd "$work/b" || exit 99
[ -f "$TOP_SRCDIR/config.status" ] && exit 0
"$TOP_SRCDIR/configure" --with-bug-report='it|desk' >/dev/null 2>"$work/err" && fail "a bar was taken"
grep -q "may not hold a backslash" "$work/err" || fail "no clear message: $(cat "$work/err")"
"$TOP_SRCDIR/configure" --with-bug-report >/dev/null 2>"$work/err" && fail "no address was taken"
grep -q "needs an address" "$work/err" || fail "no clear message: $(cat "$work/err")"

exit 0
