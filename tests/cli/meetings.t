# SPDX-License-Identifier: MIT
# list meetings: one group supervision meeting a line, tab-separated, for
# scripts: id, date, chair, the families' references in agenda order, and
# whether the minutes are signed off. Newest first.
casebook init --db t.db >/dev/null
run casebook list meetings --db t.db
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null
run casebook list meetings --db t.db
casebook import "$TOP_SRCDIR"/tests/data/export-1-family.yaml \
	"$TOP_SRCDIR"/tests/data/export-2-meeting.yaml --db t.db >/dev/null
run casebook list meetings --db t.db
run casebook list meetings extra --db t.db
run casebook list meetings --family FS-26-0142 --db t.db
run casebook list meetings --db missing.db
