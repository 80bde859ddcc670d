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

. "$TOP_SRCDIR/tests/cli/leak-lib.sh"


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
			if [ "$fmt" = txt ]; then fn=identity; else fn=recorded; fi
			# shellcheck disable=SC2086
			no_other "$fn" "$f" extract.flat "the $fmt extract for $ref from meeting $m" $families
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
