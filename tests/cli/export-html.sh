#!/bin/sh
# SPDX-License-Identifier: MIT
# Every HTML document casebook writes is one well-formed page: for every
# sample family (and the one whose recorded text looks like markup) the
# report, the family record and the minutes, read by a real HTML parser
# (tests/cli/html-check.py, on Python's html.parser). The check itself is
# checked first: it must reject a page with a tag left open.
. "$TOP_SRCDIR/tests/lib.sh"
cd "$work" || exit 99
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
command -v python3 >/dev/null || { echo "export-html: python3 is needed"; exit 77; }
command -v sqlite3 >/dev/null || { echo "export-html: sqlite3 is needed"; exit 77; }
check="python3 $TOP_SRCDIR/tests/cli/html-check.py"

casebook init --db t.db >/dev/null || fail "init"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml "$TOP_SRCDIR"/tests/data/export-1-family.yaml \
	"$TOP_SRCDIR"/tests/data/export-2-meeting.yaml --db t.db >/dev/null || fail "import"

n=0
for ref in $(sqlite3 t.db "SELECT reference FROM families_current ORDER BY reference"); do
	casebook export report "$ref" --format html --db t.db >"report-$ref.html" ||
		fail "export report $ref"
	casebook export family "$ref" --format html --db t.db >"family-$ref.html" ||
		fail "export family $ref"
	n=$((n + 2))
done
for m in $(sqlite3 t.db "SELECT meeting_id FROM meetings_current"); do
	casebook export minutes "$m" --format html --db t.db >"minutes-$m.html" ||
		fail "export minutes $m"
	n=$((n + 1))
done
[ "$n" -ge 12 ] || fail "only $n documents"
$check ./*.html || fail "not well-formed (above)"

# The check can fail: a list left open, a cell closed twice, an unknown
# entity are each caught.
f=$(ls report-*.html | head -1)
sed '0,/<\/ul>/s///' "$f" >open.bad
sed '0,/<\/td>/s//<\/td><\/td>/' "$f" >twice.bad
sed '0,/<td>/s//<td>\&nbspx;/' "$f" >entity.bad
for bad in open.bad twice.bad entity.bad; do
	cp "$bad" "$bad.html"
	if $check "$bad.html" >/dev/null; then
		fail "html-check passed $bad, which is not well-formed"
	fi
done
echo "export-html: $n documents well-formed"
exit 0
