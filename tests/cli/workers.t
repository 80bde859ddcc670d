# SPDX-License-Identifier: MIT
# Workers are added with a role from data/roles.yaml and listed by name.
run casebook init --db t.db
run casebook add worker "Siobhán Byrne" --role team-manager --db t.db
run casebook add worker "Amira Haddad" --role social-worker --db t.db --as "siobhán byrne"
run casebook add worker "Łukasz Nowak" --role recovery-worker --db t.db --as "Someone Else"
run casebook add worker "Nobody Special" --role wizard --db t.db
run casebook list workers --db t.db
# Who added whom is in the audit trail.
run sqlite3 t.db "SELECT a.action, a.entity, w.name FROM audit a JOIN workers_current w ON w.worker_id = a.created_by ORDER BY a.created_at"
# A second worker of the same name needs --same-name and a role that tells
# them apart; then --as by that name says which ids to use.
run casebook add worker "Pat Lee" --role social-worker --db t.db
run casebook add worker " pat lee " --role recovery-worker --db t.db
run casebook add worker "Pat Lee" --role social-worker --same-name --db t.db
run casebook add worker "Pat Lee" --role recovery-worker --same-name --db t.db
run casebook add worker "Kit Bell" --role school --db t.db --as "Pat Lee"
# A worker's language: stored, not spoken (the messages stay English).
run casebook set worker "Siobhán Byrne" --lang cy --db t.db
run casebook set worker "Siobhán Byrne" --lang system --db t.db
run casebook set worker "Siobhán Byrne" --lang xx --db t.db
run casebook set worker "Siobhán Byrne" --db t.db
