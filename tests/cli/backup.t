# SPDX-License-Identifier: MIT
# backup copies the database while it is in use, and checks the copy.
casebook init --db live.db >/dev/null
casebook add worker "Mei Ling Chan" --role business-support --db live.db >/dev/null
run casebook backup --to copies/live-copy.db --db live.db
run sqlite3 copies/live-copy.db 'PRAGMA integrity_check'
run casebook list workers --db copies/live-copy.db
run stat -c '%a' copies/live-copy.db
run casebook backup --to copies/live-copy.db --db live.db
run casebook backup --to /proc/casebook-test/x.db --db live.db
run sqlite3 live.db "SELECT action, detail FROM audit WHERE action = 'backup'"
