# SPDX-License-Identifier: MIT
# Shared by the drafts tests: the sample families in $db, the way to a
# new case note's editor, and waiting for a draft to be kept. Source it
# after tests/e2e/lib.sh.

db="$work/t.db"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$db" >/dev/null ||
	fail "the sample families could not be imported"

# open_new_note: from the caseload to an empty new note for the first
# family (a case note dated today, not significant).
open_new_note() {
	send Enter
	wait_for "Family record"
	send n
	wait_for "Case notes"
	send a
	wait_for "What kind of note?"
	send Enter
	wait_for "When did it happen?"
	send Enter
	wait_for "significant event"
	send n
	wait_for "New note"
}

# wait_draft SQL-WHERE TEXT: until a draft matching WHERE holds TEXT.
wait_draft() {
	_n=0
	until [ "$(sqlite3 "$db" "SELECT body FROM drafts WHERE $1")" = "$2" ]; do
		_n=$((_n + 1))
		[ $_n -lt 50 ] || fail "no draft '$2' was kept: $(sqlite3 "$db" 'SELECT body FROM drafts')"
		sleep 0.1
	done
}
