#!/bin/sh
# SPDX-License-Identifier: MIT
# Recovery sends a draft back to its own kind and record: for every kind
# of draft the start offers to keep it for the place it was written (the
# first choice), says which place, and saves nothing as a new note. A
# correction killed half-way comes back as a correction of that note.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

db="$work/t.db"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$db" >/dev/null ||
	fail "the sample families could not be imported"
q() { sqlite3 "$db" "$1"; }
me=$(q "SELECT worker_id FROM worker_versions WHERE name = 'Grace Adeyemi' LIMIT 1")
fam=$(q "SELECT family_id FROM family_versions WHERE name LIKE 'Price%' LIMIT 1")
[ -n "$me" ] && [ -n "$fam" ] || fail "the sample worker or family is missing"
x=00000000-0000-4000-8000-000000000001

# key|where it comes back, newest first (the order they are offered in).
cat >"$work/kinds" <<KINDS
note:new:$fam|add a case note for this family
note:$x|correct that case note again
session:new:$fam|record a session for this family
session:$x|open that programme session
review:new:$x|review that goal
goal:steps:$x|change that goal's steps
goal:new:$fam|add a goal for this family
stage:new:$fam:$x:drugs|record that adult's stage again
rating:new:$fam|add a risk rating for this family
answer:$fam:basic-care:routines.working_well:|open that field of the module
answer:$fam:supervision:discussion::$x|open that meeting's minutes
stage:$x:$x:drugs|open that meeting's minutes
rating:$x:$fam|open that meeting's minutes
action:new:$x:$fam|open that meeting's minutes
action:$x|open that meeting's minutes
addendum:$x:$fam|open that meeting's minutes
KINDS
i=0
while IFS='|' read -r key place; do
	i=$((i + 1))
	q "INSERT INTO drafts (key, worker_id, family_id, title, body, updated_at)
	   VALUES ('$key', '$me', '$fam', 'Draft $i', 'Text of draft $i',
	           strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-$i minutes'))"
done <"$work/kinds"
notes=$(q "SELECT count(*) FROM note_versions")
total=$i

start_casebook --db "$db" --as "Grace Adeyemi"
i=0
while IFS='|' read -r key place; do
	i=$((i + 1))
	wait_for "Draft $i"
	wait_for "Keep it: it comes back when you $place"
	refute "case note for the family"
	send Enter
	wait_gone "Draft $i"
done <"$work/kinds"
wait_for "Caseload"
quit_casebook
[ "$(q "SELECT count(*) FROM note_versions")" = "$notes" ] || fail "recovery saved a note"
[ "$(q "SELECT count(*) FROM drafts")" = "$total" ] || fail "recovery lost a draft"
echo "$total kinds of draft offered back to their own place"

# A correction of a note, killed before it was saved.
q "DELETE FROM drafts"
start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Caseload"
send Enter
wait_for "Family record"
send n
wait_for "Case notes"
send e
wait_for "Correcting a note"
send C-End
type_text " Corrected after the visit."
n=0
until q "SELECT body FROM drafts" | grep -q "Corrected after the visit"; do
	n=$((n + 1))
	[ $n -lt 50 ] || fail "no draft of the correction was kept"
	sleep 0.1
done
note=$(q "SELECT key FROM drafts" | sed 's/^note://')
before=$(q "SELECT count(*) FROM note_versions WHERE note_id = '$note'")
kill -9 "$(cat "$work/pid")"
wait_for "casebook exited 137"

start_casebook --db "$db" --as "Grace Adeyemi"
wait_for "Unsaved text from"
expect "Keep it: it comes back when you correct that case note again"
send Down
send Enter
wait_for "Family record"
send n
wait_for "Case notes"
send e
wait_for "Carry on from the draft"
send Enter
wait_for "Corrected after the visit."
send C-s
wait_for "Corrected: version"
quit_casebook
[ "$(q "SELECT count(*) FROM note_versions WHERE note_id = '$note'")" = $((before + 1)) ] ||
	fail "the correction did not become a new version of its note"
q "SELECT body FROM note_versions WHERE note_id = '$note' ORDER BY version DESC LIMIT 1" |
	grep -q "Corrected after the visit." || fail "the corrected text is not the note's latest"
[ "$(q "SELECT count(*) FROM drafts")" = 0 ] || fail "the draft was not cleared"
