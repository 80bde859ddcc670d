# SPDX-License-Identifier: MIT
# Shared by the leak tests (minutes-leak.sh, report-leak.sh, plan-leak.sh):
# a scratch database of the sample families and the given files, and the
# means to look in a document for what the database holds about others.
# Set $leak_import to more files to import (blank-separated) before
# sourcing it; it sets $families (every family's id, by reference).
. "$TOP_SRCDIR/tests/lib.sh"
cd "$work" || exit 99
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
need sqlite3
casebook init --db t.db >/dev/null || fail "init"
# shellcheck disable=SC2086
casebook import "$TOP_SRCDIR"/data/sample/*.yaml ${leak_import:-} --db t.db >/dev/null ||
	fail "import"

q() { sqlite3 -batch -noheader t.db "$1"; }

# Each line of stdin made comparable: one line of text, runs of white space
# as one space, and for Markdown and HTML what escaping did undone (tags
# dropped, entities and backslash escapes turned back into characters).
# Plain text is wrapped, and a wrapped table cell is interleaved with its
# neighbours; Markdown and HTML are not wrapped at all, so those two hold
# every recorded text whole. All three render the same document.
flatten() {
	case $1 in
	html) sed -e 's/<[^>]*>/ /g' -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g' \
		-e "s/&#39;/'/g" -e 's/&amp;/\&/g' ;;
	md) sed -e 's/\\\(.\)/\1/g' -e 's/\\$//' ;;
	*) cat ;;
	esac | tr '\n\t' '  ' | tr -s ' '
	echo
}

# Needles, one a line, flattened the same way; blank ones dropped.
needles() {
	while IFS= read -r line; do
		[ -n "$line" ] && printf '%s\n' "$line" | tr '\t' ' ' | tr -s ' '
	done
}

# Things that identify a family: short, never wrapped inside a word.
identity() {
	q "SELECT reference FROM families_current WHERE family_id = '$1';
	   SELECT name FROM families_current WHERE family_id = '$1';
	   SELECT p.name FROM people_current p JOIN people pi ON pi.id = p.person_id
	   WHERE pi.family_id = '$1';"
}

reference() { q "SELECT reference FROM families_current WHERE family_id = '$1'"; }

families=$(q "SELECT family_id FROM families_current ORDER BY reference")
checked=0

# leak_check FLAT FORMAT SELF WHAT: fail when the flattened document FLAT
# holds anything of a family other than SELF: its identity in plain text
# (which wraps), and everything `recorded` (the test's own) gives for it in
# Markdown and HTML. Counts the needles in $checked.
leak_check() {
	for other in $families; do
		[ "$other" = "$3" ] && continue
		if [ "$2" = txt ]; then
			identity "$other"
		else
			recorded "$other"
		fi | needles >theirs.txt
		if grep -oF -f theirs.txt "$1" >leaked.txt; then
			fail "$4 mentions $(reference "$other"): $(head -3 leaked.txt)"
		fi
		checked=$((checked + $(wc -l <theirs.txt)))
	done
}

# own_check FLAT WHAT: fail unless every line of own.txt is in FLAT, so
# that the check is shown to see.
own_check() {
	while IFS= read -r own; do
		grep -qF -- "$own" "$1" || fail "$2 lacks its own '$own': the check sees nothing"
	done <own.txt
}
