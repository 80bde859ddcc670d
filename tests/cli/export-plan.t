# SPDX-License-Identifier: MIT
# export plan: our family plan, for the family to keep: plain words, no
# codes or ids. One adult's plan holds only that adult's goals and stages
# and the family's shared goals (plan-leak.sh checks it against everything
# recorded about every other adult). Where the record marks domestic
# abuse, a plan holding both adults' information is refused.
casebook init --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null
# A family with two adults and no domestic abuse: the whole family's plan.
run casebook export plan FS-26-0391 --format txt --db t.db
run casebook export plan FS-25-0588 --format txt --db t.db
# Domestic abuse is marked: one plan for each adult, by name in any case,
# or by first name.
run casebook export plan fs-26-0142 --adult "zoë price" --format txt --db t.db
run casebook export plan FS-26-0142 --adult Ryan --format html --db t.db
run casebook export plan FS-25-0731 --adult "Omar Haddad" --format txt --db t.db
run casebook export plan FS-25-0263 --adult "Siobhán Gallagher" --format html --db t.db
# Into a new file.
run casebook export plan FS-26-0142 --adult Zoë --format html --output zoe.html --db t.db
run sh -c 'stat -c %a zoe.html'

# What is refused.
run casebook export plan FS-26-0142 --format txt --db t.db
run casebook export plan FS-25-0731 --format html --db t.db
run casebook export plan FS-26-0142 --adult Ellie-Mae --format txt --db t.db
run casebook export plan FS-26-0142 --adult Nobody --format txt --db t.db
run casebook export plan FS-99-9999 --format txt --db t.db
run casebook export plan FS-26-0142 --adult Zoë --format md --db t.db
run casebook export plan FS-26-0142 --adult Zoë --format txt --output zoe.html --db t.db
run casebook export plan FS-26-0142 --adult Zoë --format txt --output /proc/nope.txt --db t.db

# Every plan is in the audit trail, with whose it is; refused ones are not.
run sqlite3 t.db "SELECT a.action, f.reference, a.detail FROM audit a JOIN families_current f ON f.family_id = a.entity_id WHERE a.action = 'export' ORDER BY a.created_at, a.rowid"
