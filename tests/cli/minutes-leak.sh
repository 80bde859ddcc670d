#!/bin/sh
# SPDX-License-Identifier: MIT
# A family's extract of group supervision minutes goes on that family's
# record, so it must say nothing about any other family. For every sample
# meeting, every family on its agenda and every format, export the extract
# and look in it for everything the database holds about every other
# family: its reference, its name, its members' names, its actions, its
# written contributions, its supervision answers, its risk rating reasons
# and stage evidence. Nothing is hard-coded: it is all read from the
# database, so the test keeps working when the sample families change.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$work" || exit 99
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
command -v sqlite3 >/dev/null || { echo "minutes-leak: sqlite3 is needed"; exit 77; }

casebook init --db t.db >/dev/null || fail "init"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null || fail "import"

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

# Things that identify a family: short, never wrapped inside a word.
identity() {
	q "SELECT reference FROM families_current WHERE family_id = '$1';
	   SELECT name FROM families_current WHERE family_id = '$1';
	   SELECT p.name FROM people_current p JOIN people pi ON pi.id = p.person_id
	   WHERE pi.family_id = '$1';"
}

# Everything recorded about a family that a set of minutes could show.
recorded() {
	identity "$1"
	q "SELECT a.body FROM actions_current a JOIN actions ai ON ai.id = a.action_id
	   WHERE ai.family_id = '$1';
	   SELECT x.contribution FROM attendance_current x JOIN attendance xi
	   ON xi.id = x.attendance_id JOIN meeting_items ii ON ii.id = xi.item_id
	   WHERE ii.family_id = '$1' AND x.contribution IS NOT NULL;
	   SELECT x.value FROM answers_current x JOIN answers ai ON ai.id = x.answer_id
	   WHERE ai.family_id = '$1' AND ai.meeting_id IS NOT NULL;
	   SELECT x.rationale FROM ratings_current x JOIN ratings ri ON ri.id = x.rating_id
	   WHERE ri.family_id = '$1';
	   SELECT x.evidence FROM stages_current x JOIN stage_records ri ON ri.id = x.record_id
	   WHERE ri.family_id = '$1';"
}

# Needles, one a line, flattened the same way; blank ones dropped.
needles() {
	while IFS= read -r line; do
		[ -n "$line" ] && printf '%s\n' "$line" | tr '\t' ' ' | tr -s ' '
	done
}

meetings=$(q "SELECT meeting_id FROM meetings_current ORDER BY meeting_date")
families=$(q "SELECT family_id FROM families_current ORDER BY reference")
[ -n "$meetings" ] || fail "no meetings in the sample"
extracts=0
checked=0
for m in $meetings; do
	agenda=$(q "SELECT ii.family_id FROM meeting_items ii JOIN meeting_items_current i
	            ON i.item_id = ii.id WHERE ii.meeting_id = '$m' ORDER BY i.position")
	[ "$(printf '%s\n' "$agenda" | wc -l)" -ge 2 ] || fail "meeting $m has fewer than two families"
	for f in $agenda; do
		ref=$(q "SELECT reference FROM families_current WHERE family_id = '$f'")
		for fmt in txt md html; do
			casebook export minutes "$m" --family "$ref" --format "$fmt" --db t.db \
				>extract.raw 2>extract.err || fail "export of $ref from $m as $fmt: $(cat extract.err)"
			flatten "$fmt" <extract.raw >extract.flat
			# The check must be able to see: the family's own reference,
			# name and the actions agreed for it in this meeting are there.
			{
				identity "$f" | sed -n '1,2p'
				q "SELECT a.body FROM actions_current a JOIN actions ai ON ai.id = a.action_id
				   WHERE ai.family_id = '$f' AND ai.meeting_id = '$m'"
			} | needles >own.txt
			[ "$(wc -l <own.txt)" -ge 3 ] || fail "$ref in $m: too little to check against"
			while IFS= read -r own; do
				case $fmt in
				txt) [ "$own" = "$(sed -n 1p own.txt)" ] || [ "$own" = "$(sed -n 2p own.txt)" ] ||
					continue ;; # txt wraps table cells: see flatten
				esac
				grep -qF -- "$own" extract.flat ||
					fail "$ref's own '$own' is not in its $fmt extract of $m: the check sees nothing"
			done <own.txt
			for other in $families; do
				[ "$other" = "$f" ] && continue
				if [ "$fmt" = txt ]; then
					identity "$other" | needles >theirs.txt
				else
					recorded "$other" | needles >theirs.txt
				fi
				if grep -oF -f theirs.txt extract.flat >leaked.txt; then
					oref=$(q "SELECT reference FROM families_current WHERE family_id = '$other'")
					fail "the $fmt extract for $ref from meeting $m mentions $oref: $(head -3 leaked.txt)"
				fi
				checked=$((checked + $(wc -l <theirs.txt)))
			done
			extracts=$((extracts + 1))
		done
	done
	# The whole meeting, for the team, does hold every family on it.
	casebook export minutes "$m" --format md --db t.db >whole.raw || fail "export of $m"
	flatten md <whole.raw >whole.flat
	for f in $agenda; do
		identity "$f" | sed -n 1p | needles >own.txt
		grep -qF -f own.txt whole.flat || fail "the whole minutes of $m miss $(cat own.txt)"
	done
done
# Every extract is in the audit trail, with its family.
n=$(q "SELECT count(*) FROM audit WHERE action = 'export' AND entity = 'meeting' AND
       detail LIKE '% family=%'")
[ "$n" -eq "$extracts" ] || fail "$extracts extracts but $n audit rows"
echo "minutes-leak: $extracts extracts, $checked checks against other families: ok"
exit 0
