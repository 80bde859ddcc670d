#!/bin/sh
# SPDX-License-Identifier: MIT
# The man pages as installed: made from man/*.in with the configured
# paths, clean under mandoc -Tlint, and the EXAMPLES of casebook(1) run.
set -u
. "$TOP_SRCDIR/tests/lib.sh"
need mandoc
build=$(dirname "$CASEBOOK")

pages=$(cd "$TOP_SRCDIR/man" && ls ./*.in | sed 's|^\./||; s|\.in$||')
[ -n "$pages" ] || fail "no man/*.in"
for p in $pages; do
	page="$build/man/$p"
	[ -f "$page" ] || fail "man/$p was not made from man/$p.in"
	lint=$(mandoc -Tlint "$page" 2>&1)
	[ -z "$lint" ] || fail "mandoc -Tlint man/$p: $lint"
	left=$(grep -o '@[a-zA-Z_]*@' "$page" | sort -u | tr '\n' ' ')
	[ -z "$left" ] || fail "man/$p still has $left"
	grep -q '^\.SH COPYRIGHT' "$page" || fail "man/$p has no COPYRIGHT"
done
# The configured paths, not /usr/local whatever the prefix.
pkgdatadir=$(printf 'print-it:\n\t@echo $(pkgdatadir)\n' |
	${MAKE:-make} -s -C "$build" -f Makefile -f - print-it 2>/dev/null)
[ -n "$pkgdatadir" ] || fail "cannot tell pkgdatadir from $build/Makefile"
for p in casebook.1 casebook-modules.5 casebook-import.5; do
	grep -q "^\.I $pkgdatadir/" "$build/man/$p" || fail "man/$p does not name $pkgdatadir"
done
grep -q "casebook $(sed -n 's/^VERSION = //p' "$build/Makefile")" "$build/man/casebook.1" ||
	fail "casebook(1) does not carry the version"

# EXAMPLES: every line that begins with "$ ", in order, from the source
# tree's data, in a scratch folder; each must succeed.
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$TOP_SRCDIR/man/casebook.1.in" |
	sed -n 's/^\$ //p' | sed -e 's/\\-/-/g' -e "s|@pkgdatadir@|$TOP_SRCDIR|g" >"$work/examples"
n=$(wc -l <"$work/examples")
[ "$n" -ge 5 ] || fail "only $n examples in casebook(1)"
cd "$work" || exit 99
while IFS= read -r line; do
	printf '$ %s\n' "$line"
	sh -c "casebook() { \"\$CASEBOOK\" \"\$@\"; }; $line" >"$work/out" 2>&1 ||
		{ cat "$work/out"; fail "the example failed: $line"; }
done <"$work/examples"
grep -q 'Haddad' haddad.html || fail "the export example wrote no record"
"$CASEBOOK" list workers --db practice-copy.db | grep -q 'Imran Chaudhry' ||
	fail "the backup example made no usable copy"
exit 0
