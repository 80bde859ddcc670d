#!/bin/sh
# SPDX-License-Identifier: MIT
# The workbook says so when the database's folder, one that was already
# there, is open to other users (wider than 0700), and gives the chmod
# that closes it; it leaves the folder as it is. A private folder gets no
# such line.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

mkdir -m 755 "$work/shared"
casebook init --db "$work/shared/t.db" >/dev/null 2>&1
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/shared/t.db" >/dev/null ||
	fail "the sample families could not be imported"
start_casebook --db "$work/shared/t.db" --as "Grace Adeyemi"
wait_for "Caseload"
wait_for "open to other users (mode 0755)"
expect "chmod 700"
quit_casebook
[ "$(stat -c %a "$work/shared")" = 755 ] || fail "the folder's mode was changed"
[ "$(stat -c %a "$work/shared/t.db")" = 600 ] || fail "the database is not 0600"

chmod 700 "$work/shared"
start_casebook --db "$work/shared/t.db" --as "Grace Adeyemi"
wait_for "Caseload"
refute "open to other users"
quit_casebook
echo "folder mode: a wide folder is said on the first screen, a private one is not"
