#!/bin/sh
# SPDX-License-Identifier: MIT
# A Welsh family plan from the sample family: export family --lang cy
# writes the document in Welsh (headings from the catalogue, statuses,
# roles, ratings and codes from the reference lists' Welsh) with
# <html lang="cy">, while a worker working in Welsh can still give the
# family its plan in English with --lang en. A bad code is refused.
. "$TOP_SRCDIR/tests/lib.sh"

[ -f "$CASEBOOK_LOCALEDIR/cy/LC_MESSAGES/casebook.mo" ] ||
	fail "no Welsh catalogue in $CASEBOOK_LOCALEDIR: was casebook built with gettext?"
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
db="$work/t.db"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$db" >/dev/null || fail "import failed"
plan() { casebook export family FS-26-0142 --db "$db" --as "Imran Chaudhry" "$@"; }

plan --format html --lang cy >"$work/cy.html" 2>"$work/err" || { cat "$work/err"; fail "the Welsh plan failed"; }
for want in '<html lang="cy">' "Aelodau&#39;r teulu" "Statws presennol y plant" \
	"Amddiffyn Plant ers 2026-04-08" "Cam-drin neu esgeulustod" "Gweithiwr cymdeithasol" \
	"Y sgôr bresennol" ">Ambr<" "Allforiwyd o casebook ar 2026-11-27 gan Imran Chaudhry."; do
	grep -qF "$want" "$work/cy.html" || fail "the Welsh plan lacks: $want"
done
grep -qF "Members of the family" "$work/cy.html" && fail "English heading in the Welsh plan"
# The model's own words too: members' roles and where a rating was agreed.
plan --format txt --lang cy >"$work/cy.txt" || fail "the Welsh text export failed"
for want in "Ellie-Mae Price  Plentyn" "Zoë Price        Rhiant" "goruchwylio grŵp" "cynhadledd"; do
	grep -qF "$want" "$work/cy.txt" || fail "the Welsh record lacks: $want"
done
# (What workers wrote stays as they wrote it; the words around it do not.)
for word in "Price  Child" "Price  Parent" "  group supervision  " "  conference  "; do
	grep -qF "$word" "$work/cy.txt" && fail "English '$word' in the Welsh record"
done

# One adult's own plan, for the family to keep, in Welsh: the catalogue's
# sentences, Welsh month names and the stage in the parent wording.
casebook export plan FS-26-0142 --adult Zoë --format txt --lang cy --db "$db" \
	--as "Imran Chaudhry" >"$work/zoe.txt" 2>"$work/err" || { cat "$work/err"; fail "export plan --lang cy failed"; }
for want in "Fy nghynllun: Zoë Price" "ysgrifennwyd ar 27 Tachwedd" "Fy nodau" \
	"Ble mae pethau o ran newid" "Gwneud newidiadau" "Rydych chi'n ei wneud"; do
	grep -qF "$want" "$work/zoe.txt" || fail "the Welsh plan for Zoë lacks: $want"
done
grep -qF "My plan" "$work/zoe.txt" && fail "English in the Welsh plan for Zoë"
casebook export plan FS-26-0142 --adult Zoë --format html --lang cy --db "$db" \
	--as "Imran Chaudhry" | grep -qF '<html lang="cy">' || fail "the Welsh plan's HTML is not lang=cy"

# The same family's plan in English, for a worker who works in Welsh.
LANGUAGE=cy plan --format html --lang en >"$work/en.html" || fail "the English plan failed"
grep -qF '<html lang="en">' "$work/en.html" || fail "the English plan is not lang=en"
grep -qF "Members of the family" "$work/en.html" || fail "the English plan is not in English"
grep -qF "Child Protection since 2026-04-08" "$work/en.html" || fail "the statuses are not in English"

# Without --lang, the worker's own language.
LANGUAGE=cy plan --format txt >"$work/own.txt" || fail "the plan failed"
grep -qF "Aelodau'r teulu" "$work/own.txt" || fail "LANGUAGE=cy did not give Welsh"

# A language with no catalogue: English, and said so by lang="en".
plan --format html --lang fr >"$work/fr.html" || fail "--lang fr failed"
grep -qF '<html lang="en">' "$work/fr.html" || fail "a language with no catalogue is not lang=en"

# A bad code: usage error, nothing written.
plan --format txt --lang 'c y' >"$work/bad.txt" 2>"$work/bad.err" && fail "--lang 'c y' accepted"
[ -s "$work/bad.txt" ] && fail "something was written for a bad --lang"
grep -qF "'c y' is not a language code" "$work/bad.err" || { cat "$work/bad.err"; fail "no clear message"; }
exit 0
