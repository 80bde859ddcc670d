# SPDX-License-Identifier: MIT
# Shared by the drafts tests: the sample families in $db and waiting for
# a draft to be kept (the way to a new note's editor, open_new_note, is
# in lib.sh). Source it after tests/e2e/lib.sh.

db="$work/t.db"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$db" >/dev/null ||
	fail "the sample families could not be imported"

# wait_draft SQL-WHERE TEXT: until a draft matching WHERE holds TEXT.
wait_draft() {
	_n=0
	until [ "$(sqlite3 "$db" "SELECT body FROM drafts WHERE $1")" = "$2" ]; do
		_n=$((_n + 1))
		[ $_n -lt 50 ] || fail "no draft '$2' was kept: $(sqlite3 "$db" 'SELECT body FROM drafts')"
		sleep 0.1
	done
}
