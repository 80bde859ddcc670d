#!/bin/sh
# SPDX-License-Identifier: MIT
# Every fact on the Price family's record can be read at 80x24: each
# adult's stage, the rating and its whole reason, the goals, the open
# actions with their owners, the workers and their roles. Long lines wrap
# within their column (nothing is cut), and the record pages with PgDn,
# saying when there is more. The facts come from the database and the
# reference lists, not from this script.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 is needed for this test"; exit 99; }
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
db="$work/t.db"
casebook init --db "$db" >/dev/null || fail "init"
for f in "$TOP_SRCDIR"/data/sample/*.yaml; do
	casebook import "$f" --db "$db" >/dev/null || fail "$f did not import"
done
fam=$(sqlite3 "$db" "SELECT family_id FROM families_current WHERE reference = 'FS-26-0142'")
[ -n "$fam" ] || fail "no Price family in the samples"

start_casebook --db "$db" --as "Imran Chaudhry"
wait_for "Caseload"
send /
type_text "Price"
send Enter
send Enter
wait_for "Family record: Price family"

# Every page of the record, until it says it is at the end.
: >"$work/pages"
pages=0
while :; do
	screen >"$work/page"
	sed -n '3,22p' "$work/page" >>"$work/pages"
	pages=$((pages + 1))
	grep -q "More below" "$work/page" || break
	[ "$pages" -lt 10 ] || fail "the record never reached its end"
	before=$(cat "$work/page")
	send NPage
	n=50
	while [ "$(screen)" = "$before" ] && [ "$n" -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
done

# Agreed in group supervision: said so, with the date and the chair; the
# minute-taker is named apart, as the one who minuted it.
IFS='|' read -r mdate chair taker <<EOQ
$(sqlite3 -separator '|' "$db" "SELECT m.meeting_date, c.name, t.name FROM ratings_current v JOIN ratings r ON r.id = v.rating_id JOIN meetings_current m ON m.meeting_id = r.meeting_id JOIN workers_current c ON c.worker_id = m.chair_id JOIN workers_current t ON t.worker_id = m.minute_taker_id WHERE r.family_id = '$fam' ORDER BY v.rated_on DESC LIMIT 1")
EOQ
[ -n "$chair" ] || fail "the Price family's rating was not agreed in supervision"
send r
wait_for "Agreed in group supervision on $mdate, chaired by"
expect "$chair"
send Enter
wait_for "Minuted by $taker"
send Escape
send Escape
wait_for "Family record: Price family"
send s
wait_for "Group supervision"
refute "$taker"
send Enter
wait_for "agreed in group supervision on"
expect "chaired by $chair"
expect "Minuted by $taker"
send Escape
send Escape
wait_for "Family record: Price family"
quit_casebook
[ "$pages" -gt 1 ] || fail "the record fitted one page: this test expects it to page"

# Each column read top to bottom, wrapped rows joined, as a person reads.
flat() { tr '\n' ' ' | tr -s ' '; }
sed -e 's/│.*//' "$work/pages" | flat >"$work/left"
sed -e 's/^[^│]*│//' "$work/pages" | flat >"$work/right"
has() {
	want=$(printf '%s' "$2" | flat)
	grep -qF -- "$want" "$work/$1" || {
		echo "FAIL: not readable on the record ($1 column): $want"
		echo "--- what the $1 column reads:"; cat "$work/$1"; echo
		exit 1
	}
}
# A field of an entry in a reference list: ref FILE ID FIELD.
ref() {
	awk -v id="$2" -v f="$3" '
		$1 == "-" && $2 == "id:" { cur = $3; want = 0; next }
		want && $1 == "en:" { sub(/^[^:]*: */, ""); print; exit }
		cur == id && $1 == f ":" {
			sub(/^[^:]*: */, "")
			if ($0 == "") { want = 1; next }	# {en: ..., cy: ...} below
			print; exit
		}' "$TOP_SRCDIR/data/$1"
}
q() { sqlite3 -separator '|' "$db" "$1"; }

checked=0
# Members.
for name in $(q "SELECT replace(p.name, ' ', '_') FROM people_current p JOIN people pi ON pi.id = p.person_id WHERE pi.family_id = '$fam'"); do
	has left "$(echo "$name" | tr _ ' ')"; checked=$((checked + 1))
done
# Workers and their roles on the case, in full.
q "SELECT w.name, a.role FROM allocations_current a JOIN allocations ai ON ai.id = a.allocation_id JOIN workers_current w ON w.worker_id = ai.worker_id WHERE ai.family_id = '$fam' AND a.end_date IS NULL" |
while IFS='|' read -r name role; do
	has left "$name, $(ref roles.yaml "$role" label)"
done || exit 1
# The current rating's reason, whole.
has right "$(q "SELECT v.rationale FROM ratings_current v JOIN ratings r ON r.id = v.rating_id WHERE r.family_id = '$fam' ORDER BY v.rated_on DESC, r.created_at DESC LIMIT 1")"
# Each adult's current stage, for each issue, with the stage named.
q "SELECT p.name, v.issue, v.stage FROM stages_current v JOIN stage_records r ON r.id = v.record_id JOIN people_current p ON p.person_id = r.person_id WHERE r.family_id = '$fam' AND v.assessed_on = (SELECT max(y.assessed_on) FROM stages_current y JOIN stage_records yr ON yr.id = y.record_id WHERE yr.person_id = r.person_id AND y.issue = v.issue)" >"$work/stages"
[ -s "$work/stages" ] || fail "the Price family has no stages to check"
while IFS='|' read -r name issue stage; do
	has right "$name, $(ref stages.yaml "$issue" label): $(ref stages.yaml "$stage" name)"
done <"$work/stages" || exit 1
# Active goals, in the family's words.
q "SELECT v.words FROM goals_current v JOIN goals g ON g.id = v.goal_id WHERE g.family_id = '$fam' AND v.status = 'active'" >"$work/goals"
[ -s "$work/goals" ] || fail "the Price family has no goals to check"
while IFS= read -r words; do has right "\"$words\""; done <"$work/goals" || exit 1
# Open actions, with their owners.
q "SELECT v.body, w.name FROM actions_current v JOIN actions a ON a.id = v.action_id JOIN workers_current w ON w.worker_id = v.owner_id WHERE a.family_id = '$fam' AND coalesce((SELECT rv.outcome FROM action_reviews ri JOIN action_review_versions rv ON rv.review_id = ri.id WHERE ri.action_id = a.id ORDER BY rv.created_at DESC LIMIT 1), '') <> 'done'" >"$work/actions"
[ -s "$work/actions" ] || fail "the Price family has no open actions to check"
while IFS='|' read -r body owner; do has right "$body ($owner)"; done <"$work/actions" || exit 1
