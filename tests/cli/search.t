# SPDX-License-Identifier: MIT
# casebook search: the sample families found by their words, as typed
# (any case, with or without accents), in one family or all, and nothing
# read as search syntax. One hit a line: reference, kind, date, snippet.
casebook init --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null
run sh -c '"$CASEBOOK" search siobhan --db t.db | head -4'
run sh -c '"$CASEBOOK" search SIOBHÁN --db t.db | wc -l'
run sh -c '"$CASEBOOK" search siobhan --db t.db | wc -l'
run sh -c '"$CASEBOOK" search lukasz --db t.db | head -2'
run casebook search "siob drink" --family fs-25-0263 --db t.db
run casebook search "siobhan" --family FS-26-0142 --db t.db
run casebook search 'NEAR("x" *' --db t.db
run casebook search zzzzqqq --db t.db
run casebook search siobhan --family FS-00-0000 --db t.db
run casebook search --db t.db
# The search is in the audit, without its words.
run sh -c 'sqlite3 t.db "SELECT entity, detail FROM audit WHERE detail = '\''search'\''"'
