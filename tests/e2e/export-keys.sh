#!/bin/sh
# SPDX-License-Identifier: MIT
# The report and the plan from the family record: x writes the report, o
# the plan, each to a new file, and the workbook says where. A plan holding
# both adults' information is refused where domestic abuse is marked; in
# training mode the files go to the scratch folder and go with it.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
cd "$work" || exit 99
casebook init --db "$work/t.db" >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null

start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Price family"
send Enter
wait_for "Family record: Price family"
send x
wait_for "Write it to this file"
send Enter
wait_for "Written to"
expect "report-FS-26-0142-2026-11-27.html"
[ -f "$work/report-FS-26-0142-2026-11-27.html" ] || fail "no report file in $work"
grep -q "Report for conference or court: Price family" "$work/report-FS-26-0142-2026-11-27.html" ||
	fail "the report file is not the report"
# Again: a new name, never over the first.
send x
wait_for "report-FS-26-0142-2026-11-27-2.html"
send Escape
wait_for "Nothing was written."
[ -f "$work/report-FS-26-0142-2026-11-27-2.html" ] && fail "cancelled, but written"

# The plan: the whole family's is refused here.
send o
wait_for "Whose plan?"
send Down
send Down
wait_for "Not possible: the record marks domestic abuse."
send Enter
wait_for "make one plan for each adult"
ls "$work"/plan-* >/dev/null 2>&1 && fail "a plan was written for both adults"
# One adult's: the first listed.
send o
wait_for "Whose plan?"
send Enter
wait_for "Write it to this file"
send Enter
wait_for "Written to"
f=$(ls "$work"/plan-FS-26-0142-*.html) || fail "no plan file"
grep -q "My plan:" "$f" || fail "the plan file is not one adult's plan"
n=$(sqlite3 "$work/t.db" "SELECT count(*) FROM audit WHERE action = 'export'")
[ "$n" -eq 2 ] || fail "$n exports in the audit trail, not 2"
quit_casebook

# Training mode: the file goes to the scratch folder, and so does it.
mkdir "$work/here"
cd "$work/here" || exit 99
start_casebook --training --as "Imran Chaudhry"
wait_for "Price family"
send Enter
wait_for "Family record: Price family"
send x
wait_for "Write it to this file"
send Enter
wait_for "the training folder"
quit_casebook
[ -z "$(ls "$work/here")" ] || fail "training left files in the folder it was started in"
exit 0
