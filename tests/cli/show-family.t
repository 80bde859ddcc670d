# SPDX-License-Identifier: MIT
# show family prints a family's whole record without a terminal; export
# family gives the same record as text, Markdown or HTML, and every export
# is in the audit trail. The sample families, with today fixed.
casebook init --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/tests/data/export-1-family.yaml --db t.db >/dev/null
run casebook show family FS-26-0142 --db t.db
# Names in Vietnamese and in Arabic script line up by display width.
run casebook show family FS-26-0391 --db t.db
run casebook show family FS-25-0731 --db t.db
# Recorded text is shown as it was written, whatever it looks like.
run casebook show family FS-T-0001 --db t.db
run casebook show family FS-99-9999 --db t.db
run casebook show family --db t.db
run casebook show family FS-26-0142 FS-25-0731 --db t.db
run casebook show family FS-26-0142 --format md --db t.db
# A full disk is an error, not a short record.
run sh -c '"$CASEBOOK" show family FS-26-0142 --db t.db >/dev/full'
# Without a usable programme, progress shows the modules the family's
# record names, by their ids, and says why on standard error.
mkdir broken
printf 'id: [unclosed\n' >broken/broken.yaml
casebook show family FS-26-0142 --modules broken --db t.db >fallback.txt 2>fallback.err
echo "exit $?" >>fallback.err
run cat fallback.err
run sed -n '/^Programme$/,/^Group supervision$/p' fallback.txt

# export family: the same record, for a conference or court report.
run casebook export family FS-25-0731 --format md --db t.db --as "Grace Adeyemi"
run casebook export family FS-T-0001 --format html --db t.db
run casebook export family FS-T-0001 --format txt --db t.db
run casebook export family FS-T-0001 --format pdf --db t.db
run casebook export family FS-T-0001 --db t.db
run casebook export family FS-99-9999 --format md --db t.db
run sh -c '"$CASEBOOK" export family FS-25-0731 --format txt --db t.db >/dev/full'
run casebook export family FS-T-0001 --format md --db t.db --as "Nobody Here"
run sqlite3 t.db "SELECT a.action, a.entity, f.reference, a.detail, w.name FROM audit a JOIN families_current f ON f.family_id = a.entity_id JOIN workers_current w ON w.worker_id = a.created_by WHERE a.action = 'export' ORDER BY a.created_at"
