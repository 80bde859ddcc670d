# SPDX-License-Identifier: MIT
# report programme: the programme and supervision figures for managers,
# per family, worker or team, as text, CSV (programme-csv.sh checks the
# figures against the database) and HTML; what is refused.
casebook init --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null
run casebook report programme --format txt --db t.db
run casebook report programme --format csv --from 2026-11-01 --db t.db
run casebook report programme --format txt --by worker --worker "Callum Reid" --db t.db
run casebook report programme --format html --by team --team "kelbrook family safeguarding team (hallowmere county council)" --db t.db
run casebook report programme --format csv --by team --from 2026-10-01 --to 2026-10-31 --db t.db
run casebook report programme --format txt --output figures.txt --db t.db
run head -3 figures.txt

# What is refused.
run casebook report programme --format csv --team "No Such Team" --db t.db
run casebook report programme --format csv --worker "Nobody" --db t.db
run casebook report programme --format csv --from 2026-11-01 --to 2026-10-01 --db t.db
run casebook report programme --format csv --from 2027-01-01 --db t.db
run casebook report programme --format md --db t.db
run casebook report programme --format csv --by month --db t.db
run casebook report programme --db t.db
run casebook report programme --format csv --output figures.txt --db t.db
run sqlite3 t.db "SELECT action, entity, detail FROM audit WHERE action = 'export' ORDER BY created_at, rowid"
