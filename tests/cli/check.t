# SPDX-License-Identifier: MIT
# The whole file is read only when it matters: casebook check, init on an
# existing file, and after a workbook ended without closing the database.
casebook init --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null
run casebook check --db t.db
run casebook check --db missing.db
# Damage the root page of the families' versions: the header, the schema
# and the version still read.
root=$(sqlite3 t.db "SELECT rootpage FROM sqlite_master WHERE name = 'family_versions'")
size=$(sqlite3 t.db "PRAGMA page_size")
printf '\007' | dd of=t.db bs=1 seek=$(( (root - 1) * size )) conv=notrunc 2>/dev/null
cp t.db t.before
# Which page it is depends on the schema.
runp() { run "$@" | sed 's/Page [0-9]*:/Page N:/'; }
# An ordinary open does not read every page: the workers are listed.
run sh -c '"$CASEBOOK" list workers --db t.db | wc -l'
runp casebook check --db t.db
runp casebook init --db t.db
# A workbook that was killed left its marker.
pid=$(sh -c 'echo $$')
: >"t.db-open-$pid"
runp casebook list workers --db t.db
run sh -c 'ls t.db-open-* | wc -l'
run cmp t.db t.before
