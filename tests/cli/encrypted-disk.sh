#!/bin/sh
# SPDX-License-Identifier: MIT
# require-encrypted-disk in the system's configuration: a database that is
# not on an encrypted disk is refused, nothing is made, and a user's own
# file cannot lift the requirement. Skipped where the scratch folder is on
# an encrypted disk, since then there is nothing to refuse.
set -u
. "$TOP_SRCDIR/tests/lib.sh"
mkdir -p "$CASEBOOK_SYSCONFDIR/casebook" "$XDG_CONFIG_HOME/casebook"
casebook init --db "$work/free.db" >/dev/null || fail "init without the requirement failed"
echo 'require-encrypted-disk = yes' >"$CASEBOOK_SYSCONFDIR/casebook/config"
echo 'require-encrypted-disk = no' >"$XDG_CONFIG_HOME/casebook/config"
out=$(casebook init --db "$work/t.db" 2>&1) && {
	echo "the scratch folder is on an encrypted disk: nothing to refuse here: skipped"
	exit 77
}
printf '%s\n' "$out"
printf '%s\n' "$out" | grep -q "config:1:.*only it can say otherwise" ||
	fail "the user's file lifted the requirement without a word"
printf '%s\n' "$out" | grep -q "requires an encrypted disk, so casebook will not open it" ||
	fail "no refusal"
[ ! -e "$work/t.db" ] || fail "refused, yet the database was made"
casebook list workers --db "$work/free.db" >/dev/null 2>&1 && fail "an existing database was opened"
# Without the system's line, the same database opens.
rm "$CASEBOOK_SYSCONFDIR/casebook/config"
casebook list workers --db "$work/free.db" >/dev/null 2>&1 || fail "refused without the requirement"
exit 0
