#!/bin/sh
# SPDX-License-Identifier: MIT
# --help names every option in the option table and every command, and
# every line of it, and of each command's --help, fits 80 columns (by
# display width), in English and in Welsh.
set -u
. "$TOP_SRCDIR/tests/lib.sh"
src="$TOP_SRCDIR/src/cli/cli.c"
# The option table's rows: {"name", 'x' or 0, OPT_...
opts=$(sed -n "s/^[[:space:]]*{\"\([a-z-]*\)\", \('.'\|0\), OPT_.*/\1/p" "$src")
[ "$(printf '%s\n' "$opts" | wc -l)" -ge 20 ] || fail "cannot read the option table in $src"
casebook --help >"$work/help" || fail "--help failed"
for o in $opts; do
	grep -q -- "--$o\b" "$work/help" || fail "--help does not mention --$o"
done
# The command table's rows: {"word1", "word2" or NULL, OPT_...
sed -n 's/^[[:space:]]*{"\([a-z-]*\)", \(NULL\|"\([a-z-]*\)"\),.*/\1 \3/p' "$src" |
	sed 's/ *$//' >"$work/commands"
[ "$(wc -l <"$work/commands")" -ge 20 ] || fail "cannot read the command table in $src"
while IFS= read -r cmd; do
	grep -q "^  casebook $cmd\b" "$work/help" || fail "--help does not list 'casebook $cmd'"
	# shellcheck disable=SC2086
	casebook $cmd --help >>"$work/help" || fail "casebook $cmd --help failed"
done <"$work/commands"
LANGUAGE=cy casebook --help >>"$work/help" || fail "--help in Welsh failed"
widest=$(wc -L <"$work/help")
if [ "$widest" -gt 80 ]; then
	while IFS= read -r line; do
		[ "$(printf '%s' "$line" | wc -L)" -gt 80 ] && printf 'too wide: %s\n' "$line"
	done <"$work/help"
	fail "--help is $widest columns wide, more than 80"
fi
exit 0
