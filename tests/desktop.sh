#!/bin/sh
# SPDX-License-Identifier: MIT
# The desktop entries are valid, open casebook in a terminal, and name
# the icon that is installed with them.
set -u
. "$TOP_SRCDIR/tests/lib.sh"
need desktop-file-validate
d="$TOP_SRCDIR/desktop"
for f in casebook casebook-training; do
	out=$(desktop-file-validate "$d/$f.desktop" 2>&1) || fail "$f.desktop: $out"
	[ -z "$out" ] || fail "$f.desktop: $out"
	grep -qx 'Terminal=true' "$d/$f.desktop" || fail "$f.desktop does not open a terminal"
	grep -qx 'Icon=casebook' "$d/$f.desktop" || fail "$f.desktop names another icon"
done
grep -qx 'Exec=casebook' "$d/casebook.desktop" || fail "casebook.desktop does not run casebook"
grep -qx 'Exec=casebook --training' "$d/casebook-training.desktop" ||
	fail "casebook-training.desktop does not run casebook --training"
grep -q '<svg ' "$d/casebook.svg" || fail "casebook.svg is not an SVG image"
exit 0
