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
# Imported signed minutes keep the time of signing they give (UTC); a time
# that is not one is refused, with where it is.
cat >signed.yaml <<'YAML'
casebook: 1
workers:
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-0000000000a1, name: Ruth Obi, role: team-manager}
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-0000000000a2, name: Tom Hale, role: business-support}
families:
  - {id: 0a1b2c3d-0000-4000-8000-0000000000f1, reference: "FS-26-9001", name: Obi family, by: 7f4d0b1e-1c2a-4e55-9a0b-0000000000a1, opened: 2026-06-01}
meetings:
  - id: 0a1b2c3d-0000-4000-8000-0000000000e1
    date: 2026-09-03
    chair: 7f4d0b1e-1c2a-4e55-9a0b-0000000000a1
    minute_taker: 7f4d0b1e-1c2a-4e55-9a0b-0000000000a2
    signed: true
    signed_at: 2026-09-04T09:15Z
    families:
      - {family: 0a1b2c3d-0000-4000-8000-0000000000f1}
YAML
sed -e 's/signed_at: .*/signed_at: yesterday afternoon/' \
	-e 's/0000000000e1/0000000000e2/' signed.yaml >bad-signed.yaml
casebook init --db s.db >/dev/null
run casebook import bad-signed.yaml --db s.db
run casebook import signed.yaml --db s.db
casebook export minutes 2026-09-03 --format txt --db s.db | grep "Signed off"
