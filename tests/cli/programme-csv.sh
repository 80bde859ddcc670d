#!/bin/sh
# SPDX-License-Identifier: MIT
# report programme --format csv is RFC 4180 and its figures are right: read
# it back with Python's csv module (strict: a header row, the same number of
# fields in every row, CRLF line ends, UTF-8) and compare each family's
# figures with counts made here, independently, from the database with
# sqlite3: discussions in the period and their dates, days since the last,
# sessions in the period, the first and latest RAG rating, overdue actions.
# Over the whole record and over a period; then per worker and per team.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$work" || exit 99
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
command -v sqlite3 >/dev/null || { echo "programme-csv: sqlite3 is needed"; exit 77; }
command -v python3 >/dev/null || { echo "programme-csv: python3 is needed"; exit 77; }

casebook init --db t.db >/dev/null || fail "init"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null || fail "import"

# The figures the database gives for one family over FROM..TO, in one line
# (sqlite3 separates them with |) in the order of the columns read below.
expected() { # REF FROM TO
	sqlite3 -batch -noheader t.db "
	WITH fam AS (SELECT family_id AS id FROM families_current WHERE reference = '$1'),
	disc AS (SELECT m.meeting_date AS d FROM meeting_items_current i
	         JOIN meeting_items ii ON ii.id = i.item_id
	         JOIN meetings_current m ON m.meeting_id = ii.meeting_id
	         WHERE ii.family_id = (SELECT id FROM fam) AND m.meeting_date <= '$3'),
	rat AS (SELECT r.rating, r.rated_on, r.created_at FROM ratings_current r
	        JOIN ratings ri ON ri.id = r.rating_id WHERE ri.family_id = (SELECT id FROM fam)),
	act AS (SELECT a.action_id FROM actions_current a JOIN actions ai ON ai.id = a.action_id
	        WHERE ai.family_id = (SELECT id FROM fam) AND a.due < '$3'
	        AND coalesce((SELECT r.outcome FROM action_reviews_current r
	                      JOIN action_reviews ri ON ri.id = r.review_id
	                      JOIN meetings_current m ON m.meeting_id = ri.meeting_id
	                      WHERE ri.action_id = a.action_id
	                      ORDER BY m.meeting_date DESC, r.created_at DESC LIMIT 1), '') <> 'done')
	SELECT coalesce((SELECT group_concat(d, ';') FROM (SELECT d FROM disc ORDER BY d)), ''),
	(SELECT count(*) FROM disc WHERE d >= '$2'),
	(SELECT coalesce(CAST(julianday('$3') - julianday(max(d)) AS INTEGER), '') FROM disc),
	(SELECT count(*) FROM sessions_current s JOIN sessions si ON si.id = s.session_id
	 WHERE si.family_id = (SELECT id FROM fam) AND s.session_date BETWEEN '$2' AND '$3'),
	coalesce((SELECT rating FROM rat ORDER BY rated_on, created_at LIMIT 1), ''),
	coalesce((SELECT rating FROM rat ORDER BY rated_on DESC, created_at DESC LIMIT 1), ''),
	(SELECT count(*) FROM act);"
}

# What the CSV says, one family a line: REF|figure|figure...
read_csv() { # FILE
	python3 - "$1" <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
raw.decode("utf-8")  # UTF-8 or this fails
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "the last line does not end in CRLF"
assert all(b"\n" not in l for l in lines), "a line ends in a bare LF"
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, strict=True))
head = rows[0]
want = ["reference", "discussed_dates", "discussed_in_period", "days_since_last_discussed",
        "sessions_in_period", "rag_first", "rag_latest", "overdue_actions"]
for w in want:
    assert w in head, "no column " + w
for r in rows[1:]:
    assert len(r) == len(head), "a row with %d fields, not %d" % (len(r), len(head))
    d = dict(zip(head, r))
    print("|".join(d[w] for w in want))
PY
}

compare() { # FILE FROM TO: 0 when every family's figures agree
	read_csv "$1" >got.txt || { echo "$1 is not RFC 4180 CSV (above)"; return 1; }
	n=0
	while IFS='|' read -r ref got; do
		want=$(expected "$ref" "$2" "$3")
		if [ "$got" != "$want" ]; then
			echo "$ref: the CSV says $got but the database says $want"
			return 1
		fi
		n=$((n + 1))
	done <got.txt
	[ "$n" -ge 1 ] || { echo "no families in $1"; return 1; }
	checked=$((checked + n))
}
check() { # FROM TO [ARGS...]
	from=$1 to=$2
	shift 2
	casebook report programme --format csv --db t.db "$@" >fig.csv || fail "report programme $*"
	compare fig.csv "$from" "$to" || fail "report programme $*"
}

checked=0
check 0000-01-01 2026-11-27
check 2026-11-01 2026-11-20 --from 2026-11-01 --to 2026-11-20
check 2026-10-01 2026-10-31 --from 2026-10-01 --to 2026-10-31 --worker "Imran Chaudhry"
[ "$(read_csv fig.csv | wc -l)" -eq 1 ] || fail "--worker Imran Chaudhry: not one family"
# The check can fail: one figure out by one is caught.
python3 - fig.csv <<'PY' >bad.csv
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
k = rows[0].index("discussed_in_period")
rows[1][k] = str(int(rows[1][k]) + 1)
csv.writer(sys.stdout, lineterminator="\r\n").writerows(rows)
PY
compare bad.csv 2026-10-01 2026-10-31 >/dev/null && fail "a wrong figure passed the check"

# Per worker and per team: one row each, the families counted right.
casebook report programme --format csv --by worker --db t.db >w.csv || fail "--by worker"
python3 - w.csv <<'PY' >w.txt || fail "w.csv is not CSV"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
assert rows[0][:2] == ["name", "families"], rows[0]
for r in rows[1:]:
    assert len(r) == len(rows[0])
    print("%s|%s|%s" % (r[0], r[1], r[7]))
PY
while IFS='|' read -r name fams overdue; do
	want=$(sqlite3 t.db "SELECT count(DISTINCT ai.family_id) FROM allocations_current a
		JOIN allocations ai ON ai.id = a.allocation_id
		JOIN workers_current w ON w.worker_id = ai.worker_id
		WHERE w.name = '$name' AND (a.end_date IS NULL OR a.end_date >= '2026-11-27')
		AND (a.start_date IS NULL OR a.start_date <= '2026-11-27')")
	[ "$fams" = "$want" ] || fail "$name: $fams families in the CSV, $want in the database"
	checked=$((checked + 1))
done <w.txt
casebook report programme --format csv --by team --db t.db >t.csv || fail "--by team"
total=$(sqlite3 t.db "SELECT count(*) FROM families_current")
python3 - t.csv "$total" <<'PY' || fail "t.csv: the teams do not hold every family once"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
assert sum(int(r[1]) for r in rows[1:]) == int(sys.argv[2])
PY
echo "programme-csv: $checked rows checked against the database: ok"
exit 0
