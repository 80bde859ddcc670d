#!/bin/sh
# SPDX-License-Identifier: MIT
# Nothing cut short in the sample meeting at 80x24: each family's summary
# on the agenda reads to its end (the new actions counted last), and in
# the Price family's minutes every action reviewed, with its owner and the
# reason given, and every action agreed, with its owner and due date,
# reads whole, wrapped rather than cut. The goals list shows the selected
# goal's words whole, and the chronology each stage first in its row.
# The facts come from the database and data/, not this script.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
need sqlite3

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
db="$work/t.db"
casebook init --db "$db" >/dev/null || fail "init"
for f in "$TOP_SRCDIR"/data/sample/*.yaml; do
	casebook import "$f" --db "$db" >/dev/null || fail "$f did not import"
done
q() { sqlite3 -separator '|' "$db" "$1"; }
meeting=$(q "SELECT meeting_id FROM meetings_current WHERE meeting_date = '2026-11-12'")
fam=$(q "SELECT family_id FROM families_current WHERE reference = 'FS-26-0142'")
[ -n "$meeting" ] && [ -n "$fam" ] || fail "the samples lack the meeting or the Price family"

# The screen's text as a person reads it: rows joined, the indents gone.
flat() { tr '\n' ' ' | tr -s ' '; }
reads() {
	want=$(printf '%s' "$1" | flat)
	screen | flat | grep -qF -- "$want" || {
		echo "FAIL: not readable whole: $want"
		screen
		exit 1
	}
}

start_casebook --db "$db" --as "Mei Ling Chan"
wait_for "Caseload"
send m
wait_for "Group supervision meetings"
send Enter
wait_for "Group supervision of 2026-11-12 (signed off)"
# Each family on the agenda: its count of new actions, the summary's last
# words, on the screen whole.
q "SELECT count(*) FROM actions a JOIN actions_current v ON v.action_id = a.id WHERE a.meeting_id = '$meeting' GROUP BY a.family_id" >"$work/counts"
[ -s "$work/counts" ] || fail "the meeting agreed no actions"
while read -r n; do reads "$n new actions."; done <"$work/counts" || exit 1

# The Price family's minutes.
send Home
send Enter
wait_for "Minutes: FS-26-0142 Price family"
send Tab
wait_for "Last time's actions"
q "SELECT v.body FROM actions_current v JOIN actions a ON a.id = v.action_id JOIN meetings_current m ON m.meeting_id = a.meeting_id WHERE a.family_id = '$fam' AND m.meeting_date < '2026-11-12'" >"$work/pulled"
[ -s "$work/pulled" ] || fail "nothing to review in the Price family's minutes"
while IFS= read -r body; do reads "$body"; done <"$work/pulled" || exit 1
q "SELECT v.why_not FROM action_reviews_current v JOIN action_reviews r ON r.id = v.review_id WHERE r.meeting_id = '$meeting' AND v.why_not IS NOT NULL AND r.action_id IN (SELECT id FROM actions WHERE family_id = '$fam')" >"$work/why"
[ -s "$work/why" ] || fail "no reason given in the review to check"
while IFS= read -r why; do reads "Why: $why"; done <"$work/why" || exit 1

# On through the discussion, stages, rating and reflection to the actions.
for part in 1 2 3 4 5; do send Tab; done
wait_for "Owner "
q "SELECT v.body, w.name, v.due FROM actions_current v JOIN actions a ON a.id = v.action_id JOIN workers_current w ON w.worker_id = v.owner_id WHERE a.family_id = '$fam' AND a.meeting_id = '$meeting'" >"$work/agreed"
[ -s "$work/agreed" ] || fail "no actions agreed for the Price family"
while IFS='|' read -r body owner due; do
	reads "$body"
	reads "Owner $owner, due $due"
done <"$work/agreed" || exit 1
send Escape
send Escape
send Escape
wait_for "Caseload"

# The goals: the words of the goal selected, whole below the list.
send /
type_text "Price"
send Enter
send Enter
wait_for "Family record: Price family"
send g
wait_for "The goal, in the family's words"
words=$(q "SELECT v.words FROM goals_current v JOIN goals g ON g.id = v.goal_id WHERE g.family_id = '$fam' ORDER BY v.status <> 'active', v.set_on, g.created_at LIMIT 1")
reads "\"$words\""

# The chronology leads a stage's row with the stage, so a narrow row
# never cuts it: the latest stage of each adult, by its name.
send Escape
wait_for "Family record: Price family"
send c
wait_for "Chronology"
stage_name() {
	awk -v id="$1" '
		$1 == "-" && $2 == "id:" { cur = $3; want = 0; next }
		cur == id && $1 == "name:" { want = 1; next }
		want && $1 == "en:" { sub(/^[^:]*: */, ""); print; exit }' "$TOP_SRCDIR/data/stages.yaml"
}
q "SELECT v.stage, p.name FROM stages_current v JOIN stage_records r ON r.id = v.record_id JOIN people_current p ON p.person_id = r.person_id WHERE r.family_id = '$fam' AND v.assessed_on = (SELECT max(y.assessed_on) FROM stages_current y JOIN stage_records yr ON yr.id = y.record_id WHERE yr.family_id = '$fam')" >"$work/stages"
[ -s "$work/stages" ] || fail "no stages in the samples' chronology"
while IFS='|' read -r stage name; do
	want="Cycle of Change      $(stage_name "$stage"): $name,"
	screen | grep -qF -- "$want" || { echo "FAIL: no row '$want':"; screen; exit 1; }
done <"$work/stages" || exit 1
quit_casebook
