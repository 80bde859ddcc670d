#!/bin/sh
# SPDX-License-Identifier: MIT
# From the caseload: O lists the overdue actions in my families, t the
# team's, each with its family, owner and due date, oldest first; Enter goes
# to the family. M shows the manager's programme and supervision figures.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
casebook init --db "$work/t.db" >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null
mine=$(sqlite3 "$work/t.db" "SELECT count(*) FROM actions_current a JOIN actions ai
	ON ai.id = a.action_id JOIN families_current f ON f.family_id = ai.family_id
	WHERE f.reference = 'FS-26-0142' AND a.due < '2026-11-27' AND NOT EXISTS (SELECT 1
	FROM action_reviews_current r JOIN action_reviews ri ON ri.id = r.review_id
	WHERE ri.action_id = a.action_id AND r.outcome = 'done')")
[ "$mine" -ge 1 ] || fail "the sample has no overdue action for the Price family"

start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Price family"
send O
wait_for "overdue action"
expect "$mine overdue action"
expect "in my families"
expect "2026-11-05"
expect "Marisol Ortega"
refute "Whitlock"
send t
wait_for "in the team's families"
expect "Whitlock"
# Oldest first: the first row is due before the others.
first=$(screen | grep -o '^ 20[0-9-]*' | head -1)
last=$(screen | grep -o '^ 20[0-9-]*' | tail -1)
[ "$(printf '%s\n%s\n' "$first" "$last" | sort | head -1)" = "$first" ] ||
	fail "not oldest first: $first before $last"
send Enter
wait_for "Family record:"
send Escape
wait_for "Overdue actions"
send Escape
wait_for "Caseload"
send M
wait_for "Programme and supervision figures"
expect "Discussed within 4 weeks"
send Escape
wait_for "Caseload"
quit_casebook
exit 0
