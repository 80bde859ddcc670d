# SPDX-License-Identifier: MIT
# import: the sample families into a new database (made as init would),
# again (nothing new), and bad files refused with the database unchanged.
cp -R "$TOP_SRCDIR/data/sample" sample
cp -R "$TOP_SRCDIR/tests/data/import-bad" bad
run casebook import sample/*.yaml --db cases/team.db
run stat -c '%a %n' cases cases/team.db
run casebook list families --db cases/team.db
run casebook list meetings --db cases/team.db
run casebook import sample/*.yaml --db cases/team.db
# Who imported what is in the audit trail.
run sqlite3 cases/team.db "SELECT action, entity, detail FROM audit WHERE entity = 'import'"

# A refused import leaves the database byte for byte as it was.
sqlite3 cases/team.db .dump >before.sql
run casebook import bad/factor-21.yaml --db cases/team.db
sqlite3 cases/team.db .dump >after.sql
run cmp before.sql after.sql
run casebook import bad/wrong-format.yaml bad/unknown-key.yaml bad/action-no-owner.yaml --db cases/team.db
sqlite3 cases/team.db .dump >after.sql
run cmp before.sql after.sql
# One bad file stops the good ones with it.
run casebook import sample/00-team.yaml bad/alias-bomb.yaml --db fresh.db
run test -e fresh.db
run casebook import missing.yaml --db cases/team.db

# --as must be someone already in the database.
run casebook import sample/00-team.yaml --db other.db --as "Grace Adeyemi"
run test -e other.db
run casebook import sample/00-team.yaml --db cases/team.db --as "Grace Adeyemi"
run casebook import --db cases/team.db
