#!/bin/sh
# SPDX-License-Identifier: MIT
# The caseload lines up by display width with names in several scripts,
# filters as you type, sorts, and flags late supervision.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
cat >"$work/families.yaml" <<'YAML'
casebook: 1
workers:
  - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01, name: Łukasz Nowak, role: social-worker}
families:
  - id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c11
    reference: FS-1
    name: Zoë Ward family
    by: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01
    opened: 2026-01-05
    allocations:
      - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c21, worker: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01, role: social-worker, from: 2026-01-05}
    ratings:
      - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c31, rating: red, date: 2026-11-01, context: visit, rationale: Incident last week., agreed_by: [5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01], by: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01}
  - id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c12
    reference: FS-2
    name: Łukasz and Siobhán's family
    by: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01
    opened: 2026-01-05
    allocations:
      - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c22, worker: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01, role: social-worker, from: 2026-01-05}
    ratings:
      - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c32, rating: amber, date: 2026-11-01, context: visit, rationale: Plan holding., agreed_by: [5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01], by: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01}
  - id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c13
    reference: FS-3
    name: عائلة حداد
    by: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01
    opened: 2026-01-05
    allocations:
      - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c23, worker: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01, role: social-worker, from: 2026-01-05}
    ratings:
      - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c33, rating: green, date: 2026-11-01, context: visit, rationale: Stable., agreed_by: [5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01], by: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01}
  - id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c14
    reference: FS-4
    name: Nguyễn family
    by: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01
    opened: 2026-01-05
    allocations:
      - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c24, worker: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01, role: social-worker, from: 2026-01-05}
    ratings:
      - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c34, rating: green, date: 2026-11-01, context: visit, rationale: Stable., agreed_by: [5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01], by: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01}
YAML
casebook import "$work/families.yaml" --db "$work/t.db" >/dev/null || fail "import failed"
start_casebook --db "$work/t.db" --as "Łukasz Nowak"
wait_for "4 families"

# Every row's risk column starts at the same display column as the
# header's, whatever the script of the name before it.
col_of() { printf '%s' "$1" | wc -L; }
screen >"$work/screen.txt"
head_line=$(grep -F "Reference" "$work/screen.txt")
want=$(col_of "${head_line%%Risk*}")
rows=0
for word in RED AMBER GREEN red amber green; do
	grep -F "$word " "$work/screen.txt" | grep -F "FS-" >"$work/rows.txt" || continue
	while IFS= read -r line; do
		got=$(col_of "${line%%"$word"*}")
		[ "$got" = "$want" ] || fail "risk column at $got, not $want, in: $line"
		rows=$((rows + 1))
	done <"$work/rows.txt"
done
[ "$rows" = 4 ] || fail "checked $rows rows, wanted 4"
expect "عائلة حداد"
expect "never !"

# Filter as you type; Esc clears it.
send /
wait_for "Find families"
type_text "nguy"
wait_for "1 family"
expect "Nguyễn family"
refute "Zoë Ward"
send Escape
wait_for "4 families"
# Sort by risk: red first.
send s
wait_for "by name"
send s
wait_for "by risk rating"
screen | grep -F "FS-" | head -1 | grep -q "Zoë Ward" || fail "red is not first"

# Back from a family the caseload is as it was, or as it now is: a family
# allocated meanwhile by another program shows.
send Enter
wait_for "Family record"
send Escape
wait_for "4 families"
cat >"$work/more.yaml" <<'YAML'
casebook: 1
families:
  - id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c15
    reference: FS-5
    name: Okafor family
    by: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01
    opened: 2026-02-05
    allocations:
      - {id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c25, worker: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c01, role: social-worker, from: 2026-02-05}
YAML
send Enter
wait_for "Family record"
casebook import "$work/more.yaml" --db "$work/t.db" >/dev/null || fail "the second import failed"
send Escape
wait_for "5 families"
expect "Okafor family"
quit_casebook
