#!/bin/sh
# SPDX-License-Identifier: MIT
# restore judges what it would lose by the sync state of the database it
# replaces. A laptop that syncs loses nothing the team's server has, so:
# changes waiting to be sent refuse the restore (without --force), and
# with none waiting the restore goes ahead even though the file has
# changes newer than the backup. A laptop that never synced is judged by
# its newest change (restore.t). The sync state is set with the sqlite3
# shell as a sync would leave it, without a server.
set -u
. "$TOP_SRCDIR/tests/lib.sh"
need sqlite3
cd "$work" || exit 99
casebook init --db live.db >/dev/null || fail "init"
casebook import "$TOP_SRCDIR/data/sample/00-team.yaml" --db live.db >/dev/null || fail "import"
casebook backup --plain --to old.db --db live.db >/dev/null || fail "backup"
casebook import "$TOP_SRCDIR/data/sample/10-price.yaml" --db live.db >/dev/null ||
	fail "import"
cp live.db live.orig

# Synced once; everything since is waiting to be sent.
sqlite3 live.db "INSERT INTO sync_state (key, value) VALUES ('last_sync', '2026-11-27T10:00:00Z')"
cp live.db live.synced
out=$(casebook restore --from old.db --db live.db 2>&1) && fail "restored over unsent changes: $out"
printf '%s\n' "$out"
printf '%s\n' "$out" | grep -q "not yet sent to the team's server, which a restore could lose" ||
	fail "the refusal does not say why: $out"
cmp -s live.db live.synced || fail "the refused restore changed the database"

# Every row is on the server: nothing to lose, so the restore goes ahead
# though the file's changes are newer than the backup's.
sqlite3 live.db "SELECT 'INSERT OR IGNORE INTO sync_seen (tbl, pk) SELECT ''' || m.name || ''', \"' ||
	p.name || '\" FROM \"' || m.name || '\";'
	FROM sqlite_master m, pragma_table_info(m.name) p
	WHERE m.type = 'table' AND p.pk = 1 AND p.name IN ('id', 'row_id') AND
	EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'created_by')" >seen.sql
[ -s seen.sql ] || fail "no synced tables found"
sqlite3 live.db <seen.sql || fail "marking the rows as sent"
casebook restore --from old.db --db live.db || fail "refused though the server has everything"
[ -z "$(casebook list families --db live.db)" ] || fail "the restore left the newer family"
ls | grep -q 'live.db.before-restore' || fail "the old file was not kept aside"

# Never synced: judged by the newest change, as before.
cp live.orig never.db
out=$(casebook restore --from old.db --db never.db 2>&1) && fail "restored over newer changes"
printf '%s\n' "$out" | grep -q "has changes newer than the backup" || fail "unexpected: $out"
exit 0
