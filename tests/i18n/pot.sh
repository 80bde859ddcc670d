#!/bin/sh
# SPDX-License-Identifier: MIT
# Every string marked for translation reaches the catalogue template:
# each source that uses _(), N_() or ngettext() is in po/POTFILES.in, and
# each marked string on a line of its own is a msgid of the template that
# xgettext makes from that list with the keywords of po/Makevars. A file
# or a keyword left out would leave its strings in English for ever.
set -u
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
self="$TOP_SRCDIR/tests/i18n/pot.sh"
root=${POT_ROOT:-$TOP_SRCDIR}
command -v xgettext >/dev/null 2>&1 || { echo "pot: xgettext (gettext) is needed"; exit 77; }
# It reads the sources, not the program: the plain suite has run it.
if [ -n "${ASAN_OPTIONS:-}" ]; then echo "SKIP: nothing compiled is tested here"; exit 77; fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casebook-pot.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$root" || exit 99
bad=0
complain() { printf 'pot: %s\n' "$*"; bad=1; }

# 1. The list of files.
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in | LC_ALL=C sort >"$tmp/listed"
grep -rlE '(^|[^A-Za-z0-9_])(N?_|ngettext)\(' src include --include='*.c' --include='*.h' |
	grep -v '^include/casebook/i18n\.h$' | LC_ALL=C sort >"$tmp/marked"
LC_ALL=C comm -13 "$tmp/listed" "$tmp/marked" >"$tmp/missing"
while IFS= read -r f; do
	complain "$f marks strings but is not in po/POTFILES.in: run 'make update-po'"
done <"$tmp/missing"
while IFS= read -r f; do
	[ -f "$f" ] || complain "po/POTFILES.in names $f, which does not exist: run 'make update-po'"
done <"$tmp/listed"

# 2. The template, made as po/Makefile makes it (its keywords, its files).
opts=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' po/Makevars |
	sed -e 's/^XGETTEXT_OPTIONS[[:space:]]*=//' -e 's/\\$//' | tr '\n\t' '  ')
existing=$(while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done <"$tmp/listed")
# shellcheck disable=SC2086
xgettext $opts --no-wrap --no-location -o "$tmp/t.pot" $existing 2>"$tmp/xgettext.err" ||
	{ cat "$tmp/xgettext.err"; complain "xgettext failed"; }
# Each msgid and msgid_plural as one line, continuation lines joined.
awk '
	/^msgid(_plural)? "/ { if (cur != "") print cur; sub(/^msgid(_plural)? "/, ""); sub(/"$/, ""); cur = "=" $0; next }
	/^"/ && cur != "" { sub(/^"/, ""); sub(/"$/, ""); cur = cur $0; next }
	{ if (cur != "") print cur; cur = "" }
	END { if (cur != "") print cur }
' "$tmp/t.pot" | sed 's/^=//' | LC_ALL=C sort -u >"$tmp/msgids"

# 3. Each marked string that opens and closes on one line, read straight
# from the sources, must be among them.
while IFS= read -r f; do
	[ -f "$f" ] || continue
	grep -oE '(^|[^A-Za-z0-9_])(N?_|ngettext)\("([^"\\]|\\.)*"(\)|, *"([^"\\]|\\.)*")' "$f" |
		sed -E 's/^[^"]*"//; s/"\)?$//; s/", *"/\n/' |
		while IFS= read -r s; do printf '%s\t%s\n' "$f" "$s"; done
done <"$tmp/listed" >"$tmp/strings"
[ -s "$tmp/strings" ] || complain "found no marked strings at all: is the pattern broken?"
n=0
while IFS="$(printf '\t')" read -r f s; do
	n=$((n + 1))
	[ -n "$s" ] || continue
	grep -qxF -- "$s" "$tmp/msgids" || complain "$f: \"$s\" is not in the template"
done <"$tmp/strings"

# The check must be able to fail: a tree with a file left out of the list.
if [ -z "${POT_ROOT:-}" ]; then
	t="$tmp/broken"
	mkdir -p "$t/src/core" "$t/include" "$t/po"
	cp po/Makevars "$t/po/"
	printf 'src/core/a.c\n' >"$t/po/POTFILES.in"
	printf 'const char *a(void) { return _("Listed"); }\n' >"$t/src/core/a.c"
	printf 'const char *b(void) { return _("Left out"); }\n' >"$t/src/core/b.c"
	msgs=$(POT_ROOT=$t sh "$self" 2>&1)
	status=$?
	if [ $status -eq 0 ] || ! printf '%s\n' "$msgs" | grep -q 'src/core/b.c marks strings'; then
		echo "pot: the check did not catch a file left out of po/POTFILES.in:"
		printf '%s\n' "$msgs"
		exit 1
	fi
fi
[ $bad -eq 0 ] || exit 1
echo "pot: ok ($n marked strings checked)"
exit 0
