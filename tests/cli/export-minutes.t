# SPDX-License-Identifier: MIT
# export minutes: group supervision minutes for the team, or one family's
# extract for that family's record, as text, Markdown or HTML. The sample
# meetings are signed off when they are imported, so the time of signing
# is the time of the test: `minutes` shows it as <signed>.
minutes() {
	printf '$ casebook export minutes %s\n' "$*"
	"$CASEBOOK" export minutes "$@" >out 2>&1
	status=$?
	sed -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9] UTC/<signed>/' out
	printf '[exit %d]\n' $status
}
casebook init --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null

# The whole meeting, for the team, by its id.
minutes ec66e162-ab6c-4681-a035-a7eeb0f6d570 --format txt --db t.db
# One family's extract, by the meeting's date, in each format.
minutes 2026-11-12 --family FS-25-0588 --format txt --db t.db
minutes 2026-11-12 --family FS-26-0391 --format md --db t.db --as "Mei Ling Chan"
minutes 2026-10-22 --family FS-25-0731 --format html --db t.db

# What is refused.
minutes 2026-11-12 --format pdf --db t.db
minutes 2026-11-12 --db t.db
minutes --format txt --db t.db
minutes 2026-11-12 extra --format txt --db t.db
minutes 2026-11-13 --format txt --db t.db
minutes 2026-02-30 --format txt --db t.db
minutes 11111111-2222-4333-8444-555555555555 --format txt --db t.db
minutes 2026-11-12 --family FS-99-9999 --format txt --db t.db

# Minutes not yet signed off are a DRAFT, in every format; recorded text
# that looks like markup stays text. A second meeting on 2026-11-12 makes
# the date ambiguous.
casebook import "$TOP_SRCDIR"/tests/data/export-1-family.yaml \
	"$TOP_SRCDIR"/tests/data/export-2-meeting.yaml --db t.db >/dev/null
minutes 2026-11-12 --format txt --db t.db
minutes 1c621a3f-3bf7-4858-97dc-288b68e181c7 --format txt --db t.db
minutes 1c621a3f-3bf7-4858-97dc-288b68e181c7 --family FS-T-0001 --format md --db t.db
minutes 1c621a3f-3bf7-4858-97dc-288b68e181c7 --family FS-T-0001 --format html --db t.db
minutes 1c621a3f-3bf7-4858-97dc-288b68e181c7 --family FS-26-0142 --format txt --db t.db

# Every export is in the audit trail: who, which meeting, which format,
# which family's extract. Refused exports are not.
run sqlite3 t.db "SELECT a.action, a.entity, m.meeting_date, a.detail, w.name FROM audit a JOIN meetings_current m ON m.meeting_id = a.entity_id JOIN workers_current w ON w.worker_id = a.created_by WHERE a.action = 'export' ORDER BY a.created_at"
