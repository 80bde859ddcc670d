#!/bin/sh
# SPDX-License-Identifier: MIT
# One adult's plan must hold nothing of any other adult: in a family with
# domestic abuse, it may be read by the person the other adult is afraid
# of. For every adult of every family, and both formats, export that
# adult's plan and look in it for every other adult's name (in full, and
# each word of it that is not the plan's own adult's or a child's, as a
# surname often is), and for every text recorded about the other adult:
# their goals (words, why, steps), the notes on their goal scores, the
# evidence and next signs of their stages, their module answers. Nothing
# is hard-coded: all of it is read from the database. The check is shown
# to see: each plan holds its own adult's name and goals.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$work" || exit 99
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
command -v sqlite3 >/dev/null || { echo "plan-leak: sqlite3 is needed"; exit 77; }

casebook init --db t.db >/dev/null || fail "init"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null || fail "import"

. "$TOP_SRCDIR/tests/cli/leak-lib.sh"

name() { q "SELECT name FROM people_current WHERE person_id = '$1'"; }
# Words of a name, one a line.
words() { printf '%s\n' "$1" | tr ' ' '\n' | grep -v '^$'; }
# Everything recorded about one adult that a plan could show.
about() {
	q "SELECT x.words FROM goals_current x JOIN goals i ON i.id = x.goal_id WHERE i.person_id = '$1';
	   SELECT x.why FROM goals_current x JOIN goals i ON i.id = x.goal_id WHERE i.person_id = '$1';
	   SELECT x.steps FROM goals_current x JOIN goals i ON i.id = x.goal_id WHERE i.person_id = '$1';
	   SELECT r.note FROM goal_reviews_current r JOIN goal_reviews ri ON ri.id = r.review_id
	   JOIN goals i ON i.id = ri.goal_id WHERE i.person_id = '$1';
	   SELECT x.evidence FROM stages_current x JOIN stage_records i ON i.id = x.record_id
	   WHERE i.person_id = '$1';
	   SELECT x.next_signs FROM stages_current x JOIN stage_records i ON i.id = x.record_id
	   WHERE i.person_id = '$1';
	   SELECT x.value FROM answers_current x JOIN answers i ON i.id = x.answer_id
	   WHERE i.person_id = '$1';" | grep -v '	' | awk 'length($0) > 20'
}

plans=0
checked=0
for fam in $(q "SELECT family_id FROM families_current ORDER BY reference"); do
	ref=$(q "SELECT reference FROM families_current WHERE family_id = '$fam'")
	adults=$(q "SELECT p.person_id FROM people_current p JOIN people pi ON pi.id = p.person_id
	            WHERE pi.family_id = '$fam' AND p.role != 'child'")
	children=$(q "SELECT p.name FROM people_current p JOIN people pi ON pi.id = p.person_id
	              WHERE pi.family_id = '$fam' AND p.role = 'child'")
	for a in $adults; do
		aname=$(name "$a")
		for fmt in txt html; do
			casebook export plan "$ref" --adult "$aname" --format "$fmt" --db t.db \
				>plan.raw 2>plan.err || fail "plan of $aname ($ref) as $fmt: $(cat plan.err)"
			flatten "$fmt" <plan.raw >plan.flat
			{
				printf '%s\n' "$aname"
				q "SELECT x.words FROM goals_current x JOIN goals i ON i.id = x.goal_id
				   WHERE i.person_id = '$a' AND x.status IN ('active', 'achieved')"
			} | needles >own.txt
			while IFS= read -r own; do
				grep -qF -- "$own" plan.flat ||
					fail "$aname's own '$own' is not in their $fmt plan: the check sees nothing"
			done <own.txt
			for b in $adults; do
				[ "$b" = "$a" ] && continue
				bname=$(name "$b")
				{
					printf '%s\n' "$bname"
					words "$bname" | while IFS= read -r w; do
						# A word the plan's own people share is theirs too.
						{ words "$aname"; printf '%s\n' "$children" | tr ' ' '\n'; } |
							grep -qxF -- "$w" || printf '%s\n' "$w"
					done
					memo about "$b"
				} | needles >theirs.txt
				# Whole words only: "Mai" must not match "Maintenance".
				if grep -owF -f theirs.txt plan.flat >leaked.txt; then
					fail "$aname's $fmt plan ($ref) holds $bname's: $(head -3 leaked.txt)"
				fi
				checked=$((checked + $(wc -l <theirs.txt)))
			done
			plans=$((plans + 1))
		done
	done
done
[ "$plans" -ge 20 ] || fail "only $plans plans"
echo "plan-leak: $plans plans, $checked checks against other adults: ok"
exit 0
