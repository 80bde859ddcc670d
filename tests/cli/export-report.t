# SPDX-License-Identifier: MIT
# export report: the conference and court report, filled from the record,
# for every sample family as text, for two as Markdown and as HTML (the
# HTML is checked for well-formedness in export-report-html.sh), over a
# period, into a file, and what is refused (exit 1 for what the record or
# the disk refuses, 2 for wrong usage).
casebook init --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/tests/data/export-1-family.yaml \
	"$TOP_SRCDIR"/tests/data/export-2-meeting.yaml --db t.db >/dev/null
for ref in FS-26-0142 FS-25-0263 FS-25-0588 FS-26-0391 FS-25-0731; do
	run casebook export report $ref --format txt --db t.db --as "Imran Chaudhry"
done
run casebook export report FS-25-0731 --format md --db t.db --as "Grace Adeyemi"
run casebook export report FS-T-0001 --format md --db t.db
run casebook export report FS-26-0391 --format html --db t.db
# Recorded text that looks like markup stays text; the meeting on it is a
# DRAFT.
run casebook export report FS-T-0001 --format html --db t.db

# A period: only what was dated in it. References in any case.
run casebook export report fs-26-0142 --from 2026-07-01 --to 2026-09-30 --format txt --db t.db
run casebook export report Fs-25-0588 --from 2026-11-01 --format md --db t.db

# Into a new file, and it says where; never over a file that is there.
run casebook export report FS-26-0142 --format html --output report.html --db t.db
run sh -c 'stat -c %a report.html'
run casebook export report FS-26-0142 --format txt --output report.html --db t.db
run casebook export report FS-26-0142 --format txt --output nowhere/report.txt --db t.db

# What is refused.
run casebook export report FS-99-9999 --format txt --db t.db
run casebook export report FS-26-0142 --from 2026-10-01 --to 2026-09-01 --format txt --db t.db
run casebook export report FS-26-0142 --from 2026-02-30 --format txt --db t.db
run casebook export report FS-26-0142 --to soon --format txt --db t.db
run casebook export report FS-26-0142 --format pdf --db t.db
run casebook export report FS-26-0142 --db t.db
run casebook export report --format txt --db t.db

# Every report is in the audit trail, with its format and period; refused
# ones are not.
run sqlite3 t.db "SELECT a.action, a.entity, f.reference, a.detail FROM audit a JOIN families_current f ON f.family_id = a.entity_id WHERE a.action = 'export' ORDER BY a.created_at, a.rowid"
