#!/bin/sh
# SPDX-License-Identifier: MIT
# No sentence with a count is built by splicing. Welsh has six plural
# forms and mutates the noun after a number, so "%d %s" with
# _("family")/_("families"), or a choice of two sentences by "n == 1",
# cannot be translated: each such message must be one ngettext() call.
# A line that only looks like it (a choice that is not a count) says so
# with the comment "i18n: not a count".
set -u
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
self="$TOP_SRCDIR/tests/i18n/plurals.sh"
root=${PLURALS_ROOT:-$TOP_SRCDIR}
cd "$root" || exit 99

# A condition at the end of one line and its "? _(" at the start of the
# next are seen as one.
scan() {
	awk '
	function report(what) { printf "%s:%d: %s: %s\n", FILENAME, FNR, what, $0; found = 1 }
	FNR == 1 { prev = "" }
	{
		prev2 = prev
		prev = $0
		if ($0 ~ /i18n: not a count/) next
		# a choice between translated strings made on one or more
		if ($0 ~ /(==|!=|<=|>)[[:space:]]*1[[:space:]]*\)?[[:space:]]*\?[[:space:]]*N?_\(/ ||
		    (prev2 ~ /(==|!=|<=|>)[[:space:]]*1[[:space:]]*\)?[[:space:]]*$/ && $0 ~ /^[[:space:]]*\?[[:space:]]*N?_\(/))
			report("a count chooses between two messages: use ngettext()")
		# a noun and its plural spliced into a sentence
		else if ($0 ~ /_\("[A-Za-z ]+"\)[[:space:]]*:[[:space:]]*_\("[A-Za-z ]+s"\)/)
			report("a noun and its plural are spliced: write each sentence whole with ngettext()")
		# an English plural ending added to a word
		else if ($0 ~ /\?[[:space:]]*""[[:space:]]*:[[:space:]]*"(s|es)"/ || $0 ~ /\?[[:space:]]*"(s|es)"[[:space:]]*:[[:space:]]*""/ ||
		         $0 ~ /(_|ngettext)\("[^"]*[a-z]\((s|es)\)/)
			report("an English plural ending is spliced on: use ngettext()")
	}
	END { exit found ? 1 : 0 }
	' "$@"
}

files=$(find src include -name '*.[ch]' | LC_ALL=C sort)
[ -n "$files" ] || { echo "plurals: no sources found"; exit 99; }
# shellcheck disable=SC2086
out=$(scan $files)
status=$?

# The check must be able to fail: one line of each kind.
if [ -z "${PLURALS_ROOT:-}" ]; then
	t=$(mktemp -d "${TMPDIR:-/tmp}/casebook-plurals.XXXXXX") || exit 99
	mkdir -p "$t/src"
	cat >"$t/src/a.c" <<'C'
	printf("%d %s", n, n == 1 ? _("family") : _("families"));
	printf(n == 1 ? _("%d family") : _("%d families"), n);
	printf(n != 1
	       ? _("%d families") : _("%d family"), n);
	printf("%d family%s", n, n == 1 ? "" : "s");
	printf(_("%d problem(s) found"), n);
	printf("%s", x == 1 ? _("Yes") : _("No")); /* i18n: not a count */
C
	msgs=$(PLURALS_ROOT=$t sh "$self" 2>&1)
	rm -rf "$t"
	n=$(printf '%s\n' "$msgs" | grep -c '^src/a\.c:[0-9]*: ')
	if [ "$n" -ne 5 ]; then
		echo "plurals: the check found $n of 5 spliced plurals in a test file:"
		printf '%s\n' "$msgs"
		exit 1
	fi
fi
if [ $status -ne 0 ]; then
	printf '%s\n' "$out"
	exit 1
fi
echo "plurals: ok"
exit 0
