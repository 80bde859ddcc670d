#!/bin/sh
# SPDX-License-Identifier: MIT
# A family's report goes to that family's conference or court, so it must
# say nothing about any other family. For every family and every format,
# export the report and look in it for everything the database holds about
# every other family: reference, name, members' names, notes, sessions,
# module answers, goals, actions, risk rating reasons, stage evidence,
# supervision contributions. Nothing is hard-coded: it is all read from the
# database. The check is shown to see: each report holds its own family's
# reference, name, and the text of its latest significant note.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$work" || exit 99
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
command -v sqlite3 >/dev/null || { echo "report-leak: sqlite3 is needed"; exit 77; }

casebook init --db t.db >/dev/null || fail "init"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml "$TOP_SRCDIR"/tests/data/export-1-family.yaml \
	"$TOP_SRCDIR"/tests/data/export-2-meeting.yaml --db t.db >/dev/null || fail "import"

. "$TOP_SRCDIR/tests/cli/leak-lib.sh"

# Text recorded about a family. Free text only, long enough to be its own
# (a choice id such as "yes" or a score could be anyone's).
recorded() {
	identity "$1"
	q "SELECT x.body FROM notes_current x JOIN notes i ON i.id = x.note_id WHERE i.family_id = '$1';
	   SELECT x.covered FROM sessions_current x JOIN sessions i ON i.id = x.session_id
	   WHERE i.family_id = '$1';
	   SELECT x.value FROM answers_current x JOIN answers i ON i.id = x.answer_id
	   WHERE i.family_id = '$1' AND length(x.value) > 24;
	   SELECT x.words FROM goals_current x JOIN goals i ON i.id = x.goal_id WHERE i.family_id = '$1';
	   SELECT x.body FROM actions_current x JOIN actions i ON i.id = x.action_id
	   WHERE i.family_id = '$1';
	   SELECT x.rationale FROM ratings_current x JOIN ratings i ON i.id = x.rating_id
	   WHERE i.family_id = '$1';
	   SELECT x.evidence FROM stages_current x JOIN stage_records i ON i.id = x.record_id
	   WHERE i.family_id = '$1';
	   SELECT x.contribution FROM attendance_current x JOIN attendance xi
	   ON xi.id = x.attendance_id JOIN meeting_items ii ON ii.id = xi.item_id
	   WHERE ii.family_id = '$1' AND x.contribution IS NOT NULL;" |
		grep -v '	' | # table answers hold tabs: their cells are checked by the rest
		awk 'length($0) > 20' # and lines of choices ("play") could be anyone's
}

families=$(q "SELECT family_id FROM families_current ORDER BY reference")
reports=0
checked=0
for f in $families; do
	ref=$(q "SELECT reference FROM families_current WHERE family_id = '$f'")
	for fmt in txt md html; do
		casebook export report "$ref" --format "$fmt" --db t.db >report.raw 2>report.err ||
			fail "report $ref as $fmt: $(cat report.err)"
		flatten "$fmt" <report.raw >report.flat
		{
			identity "$f" | sed -n '1,2p'
			[ "$fmt" = txt ] || q "SELECT x.body FROM notes_current x JOIN notes i
				ON i.id = x.note_id WHERE i.family_id = '$f' AND x.significant = 1
				ORDER BY x.note_date DESC LIMIT 1"
		} | needles >own.txt
		while IFS= read -r own; do
			grep -qF -- "$own" report.flat ||
				fail "$ref's own '$own' is not in its $fmt report: the check sees nothing"
		done <own.txt
		if [ "$fmt" = txt ]; then fn=identity; else fn=recorded; fi
		# shellcheck disable=SC2086
		no_other "$fn" "$f" report.flat "the $fmt report for $ref" $families
		reports=$((reports + 1))
	done
done
[ "$reports" -ge 15 ] || fail "only $reports reports"
echo "report-leak: $reports reports, $checked checks against other families: ok"
exit 0
