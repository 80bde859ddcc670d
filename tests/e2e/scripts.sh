#!/bin/sh
# SPDX-License-Identifier: MIT
# Names that mix scripts line up at 80x24, measured as the terminal
# measures them (Bengali, Gurmukhi and Tamil vowel signs among them);
# LANG=C falls back to C.UTF-8 and shows exactly the same screen; the
# worker picked at start is found as typed on an English keyboard.
. "$TOP_SRCDIR/tests/e2e/lib.sh"
need sqlite3

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
w=5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e3c
# The first family's name is written with combining accents (Nguye + two
# combining marks + n): it is stored, and shown, composed.
cat >"$work/families.yaml" <<YAML
casebook: 1
workers:
  - {id: ${w}01, name: Katarzyna Zielińska, role: social-worker}
  - {id: ${w}02, name: Siobhán Ní Bhriain, role: team-manager}
families:
  - id: ${w}11
    reference: FS-1
    name: "ਗੁਰਪ੍ਰੀਤ ਕੌਰ and Nguye\u0302\u0303n family"
    by: ${w}01
    opened: 2026-01-05
    members:
      - {id: ${w}41, name: কোহিনূর রহিম ਕੌਰ, born: 2015-02-01, role: child}
      - {id: ${w}42, name: முருகன் 王秀英 Ó Súilleabháin, born: 1985-03-04, role: parent}
      - {id: ${w}43, name: مُحَمَّد حَدَّاد Nguyễn Thị Hương, born: 1984-05-06, role: parent}
      - {id: ${w}44, name: Zoë, born: 2019-07-08, role: child}
    allocations:
      - {id: ${w}21, worker: ${w}01, role: social-worker, from: 2026-01-05}
    ratings:
      - {id: ${w}31, rating: red, date: 2026-11-01, context: visit, rationale: Incident., agreed_by: [${w}01], by: ${w}01}
  - id: ${w}12
    reference: FS-2
    name: কোহিনূর রহিম family
    by: ${w}01
    opened: 2026-01-05
    allocations:
      - {id: ${w}22, worker: ${w}01, role: social-worker, from: 2026-01-05}
    ratings:
      - {id: ${w}32, rating: amber, date: 2026-11-01, context: visit, rationale: Holding., agreed_by: [${w}01], by: ${w}01}
  - id: ${w}13
    reference: FS-3
    name: முருகன் 王秀英 family
    by: ${w}01
    opened: 2026-01-05
    allocations:
      - {id: ${w}23, worker: ${w}01, role: social-worker, from: 2026-01-05}
    ratings:
      - {id: ${w}33, rating: green, date: 2026-11-01, context: visit, rationale: Stable., agreed_by: [${w}01], by: ${w}01}
  - id: ${w}14
    reference: FS-4
    name: Katarzyna Zielińska-Nguyễn Thị Hương and ਗੁਰਪ੍ਰੀਤ family
    by: ${w}01
    opened: 2026-01-05
    allocations:
      - {id: ${w}24, worker: ${w}01, role: social-worker, from: 2026-01-05}
    ratings:
      - {id: ${w}34, rating: green, date: 2026-11-01, context: visit, rationale: Stable., agreed_by: [${w}01], by: ${w}01}
YAML
casebook import "$work/families.yaml" --db "$work/t.db" >/dev/null || fail "import failed"

col_of() { printf '%s' "$1" | wc -L; }

# Every row's risk column starts where the header's does.
check_caseload() {
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
	[ "$rows" = 4 ] || { screen; fail "checked $rows rows, wanted 4"; }
}

# The family record's two halves: the dividing line at one column on
# every row, whatever the names to its left.
check_record() {
	screen >"$work/record.txt"
	want=""
	n=0
	while IFS= read -r line; do
		case $line in *│*) ;; *) continue ;; esac
		got=$(col_of "${line%%│*}")
		[ -n "$want" ] || want=$got
		[ "$got" = "$want" ] || { cat "$work/record.txt"; fail "line at $got, not $want: $line"; }
		n=$((n + 1))
	done <"$work/record.txt"
	[ "$n" -gt 15 ] || fail "the dividing line is on $n rows"
}

# Start without --as: the worker is picked from the list, found by
# typing the name without its accent.
start_casebook --db "$work/t.db"
wait_for "Who are you?"
type_text "zielinska"
send Enter
wait_for "Katarzyna Zielińska, Social worker"
wait_for "4 families"
check_caseload
expect "ਗੁਰਪ੍ਰੀਤ ਕੌਰ and Nguyễn fa…"
expect "Katarzyna Zielińska-Ngu…"
cp "$work/screen.txt" "$work/caseload-utf8.txt"
send Enter
wait_for "Family record: ਗੁਰਪ੍ਰੀਤ ਕੌਰ and Nguyễn family"
wait_for "কোহিনূর রহিম ਕੌਰ"
check_record
cp "$work/record.txt" "$work/record-utf8.txt"
quit_casebook
[ "$(sqlite3 "$work/t.db" "SELECT hex(name) FROM family_versions WHERE name LIKE '%family' AND name LIKE 'ਗੁ%'")" = \
	"$(printf 'ਗੁਰਪ੍ਰੀਤ ਕੌਰ and Nguyễn family' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ] ||
	fail "the family's name is not stored composed (NFC)"

# LANG=C: characters fall back to C.UTF-8, and the screens are the same.
E2E_LANG=C
start_casebook --db "$work/t.db" --as "Katarzyna Zielińska"
wait_for "4 families"
check_caseload
# The rows above the status line: the first start's says the worker
# chosen is remembered.
head -n 21 "$work/screen.txt" >"$work/screen-top.txt"
head -n 21 "$work/caseload-utf8.txt" >"$work/caseload-utf8-top.txt"
cmp -s "$work/screen-top.txt" "$work/caseload-utf8-top.txt" || {
	diff "$work/caseload-utf8-top.txt" "$work/screen-top.txt"
	fail "the caseload differs under LANG=C"
}
send Enter
wait_for "কোহিনূর রহিম ਕੌਰ"
check_record
cmp -s "$work/record.txt" "$work/record-utf8.txt" || fail "the family record differs under LANG=C"
quit_casebook
