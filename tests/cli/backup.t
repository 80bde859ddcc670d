# SPDX-License-Identifier: MIT
# backup --plain copies the database while it is in use, and checks the
# copy (encrypted backups: restore.t).
casebook init --db live.db >/dev/null
casebook add worker "Mei Ling Chan" --role business-support --db live.db >/dev/null
run casebook backup --to copies/live-copy.db --plain --db live.db
run sqlite3 copies/live-copy.db 'PRAGMA integrity_check'
run casebook list workers --db copies/live-copy.db
run stat -c '%a' copies/live-copy.db
run casebook backup --to copies/live-copy.db --plain --db live.db
run casebook backup --to /proc/casebook-test/x.db --plain --db live.db
run sqlite3 live.db "SELECT action, detail FROM audit WHERE action = 'backup'"
