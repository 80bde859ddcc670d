#!/bin/sh
# SPDX-License-Identifier: MIT
# The stale-copy check is not only for case notes: a draft of a risk
# rating's correction, written against version 1, meets a version 2 saved
# since (as another casebook or a sync would add it). Opening the
# correction again shows both texts and asks; merging puts both in the
# editor, and the save is one new version on top of the other one.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
. "$TOP_SRCDIR/tests/e2e/drafts-lib.sh"
q() { sqlite3 "$db" "$1"; }

# correct_rating: from the caseload to the correction of the Gallagher
# family's selected risk rating, keeping its colour, date and names.
correct_rating() {
	send Enter
	wait_for "Family record"
	send r
	wait_for "Risk rating"
	send e
	wait_for "Correct the rating"
	send Enter
	wait_for "Agreed on"
	send Enter
	wait_for "Who agreed it?"
	send Enter
}

start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Caseload"
# A rating of today, agreed on a visit (one in signed minutes is fixed).
send Enter
wait_for "Family record"
send r
wait_for "Risk rating"
send a
wait_for "Which rating?"
send Down
send Enter
wait_for "Where was it agreed?"
send Enter
wait_for "Agreed on"
send Enter
wait_for "Who agreed it?"
send Enter
type_text "Agreed on the visit today."
send C-s
wait_for "Rating saved"
send Escape
send Escape
wait_for "Caseload"
correct_rating
wait_for "Correcting the rating"
send C-End
type_text " MINE-WROTE-THIS"
n=0
until [ "$(q "SELECT count(*) FROM drafts WHERE key LIKE 'rating:%' AND body LIKE '% MINE-WROTE-THIS'")" = 1 ]; do
	n=$((n + 1))
	[ $n -lt 50 ] || fail "no draft of the correction was kept"
	sleep 0.1
done
rating=$(q "SELECT substr(key, 8) FROM drafts")
kill -9 "$(cat "$work/pid")"
wait_for "exited 137"

# Someone else corrects the same rating meanwhile.
v=$(q "SELECT max(version) FROM rating_versions WHERE rating_id = '$rating'")
q "INSERT INTO rating_versions (row_id, rating_id, version, created_at, created_by, rating,
	rated_on, context, rationale, agreed_by)
	SELECT '00000000-0000-4000-8000-00000000abcd', rating_id, version + 1,
	       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), created_by, rating, rated_on, context,
	       'THEIRS-WROTE-THIS', agreed_by
	FROM rating_versions WHERE rating_id = '$rating' AND version = $v"

start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Unsaved text from"
send Enter
wait_for "Caseload"
correct_rating
wait_for "This was changed after your draft was written"
expect "Your draft of"
# Both texts in full first, then merge (the first choice).
send Down
send Enter
wait_for "THEIRS-WROTE-THIS"
expect "MINE-WROTE-THIS"
send Escape
wait_for "Read both texts in full first"
send Enter
wait_for "Both texts are in the editor"
send C-Home
wait_for "MINE-WROTE-THIS"
send C-End
wait_for "THEIRS-WROTE-THIS"
send C-s
wait_for "still has the === headings"
send y
wait_for "Corrected"
latest=$(q "SELECT rationale FROM rating_versions WHERE rating_id = '$rating' ORDER BY version DESC LIMIT 1")
echo "$latest" | grep -q "MINE-WROTE-THIS" || fail "the merge lost my text: $latest"
echo "$latest" | grep -q "THEIRS-WROTE-THIS" || fail "the merge lost theirs: $latest"
[ "$(q "SELECT max(version) FROM rating_versions WHERE rating_id = '$rating'")" = $((v + 2)) ] ||
	fail "the merge is not one new version on top of theirs"
[ "$(q "SELECT count(*) FROM drafts")" = 0 ] || fail "the draft outlived the save"
quit_casebook
