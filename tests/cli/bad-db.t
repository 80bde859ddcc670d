# SPDX-License-Identifier: MIT
# Anything that is not a casebook database is refused and left as it was.
printf 'reference,name\nFS-1,Price\n' >junk.db
cp junk.db junk.before
run casebook list families --db junk.db
run cmp junk.db junk.before
run casebook init --db junk.db
run cmp junk.db junk.before

sqlite3 other.db 'CREATE TABLE recipes (name TEXT)'
cp other.db other.before
run casebook list families --db other.db
run cmp other.db other.before

casebook init --db future.db >/dev/null
sqlite3 future.db 'PRAGMA user_version = 999'
cp future.db future.before
run casebook list families --db future.db
run cmp future.db future.before

run casebook list families --db missing.db
run test -e missing.db
mkdir folder.db
run casebook list families --db folder.db
run casebook init --db /proc/casebook-test/no/such.db
: >empty.db
run casebook list families --db empty.db
