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

# A refused file gets nothing beside it: no -wal, -shm, draft or in-use
# marker, whether a command or the workbook was turned away.
mkdir -m 700 side
cd side || exit 1
printf 'reference,name\nFS-1,Price\n' >junk.db
sqlite3 other.db 'CREATE TABLE recipes (name TEXT)'
casebook init --db future.db >/dev/null
sqlite3 future.db 'PRAGMA user_version = 999'
casebook init --db damaged.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db damaged.db >/dev/null
# The head of page 31 overwritten: a table's page, not the file's header.
printf 'damaged!' | dd of=damaged.db bs=1 seek=$((4096 * 30)) conv=notrunc 2>/dev/null
run ls
for f in junk other future damaged; do
	casebook list families --db $f.db >/dev/null 2>&1
	casebook init --db $f.db >/dev/null 2>&1
	casebook --db $f.db </dev/null >/dev/null 2>&1
	timeout 10 script -qec "casebook --db $f.db" /dev/null </dev/null >/dev/null 2>&1
done
run ls
run casebook init --db damaged.db
cd .. || exit 1
