#!/bin/sh
# SPDX-License-Identifier: MIT
# A worker's language is kept with them: set with `casebook set worker
# NAME --lang cy` or chosen on the caseload (L), the workbook opens in it
# whatever the computer's LANGUAGE, reference lists and trainer's notes
# included, while other workers keep theirs. Every choice is audited.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

[ -f "$CASEBOOK_LOCALEDIR/cy/LC_MESSAGES/casebook.mo" ] ||
	fail "no Welsh catalogue in $CASEBOOK_LOCALEDIR: was casebook built with gettext?"
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
db="$work/t.db"
# Leave when the question is in Welsh.
quit_cy() {
	send F10
	wait_for "Gadael casebook?"
	send y
	wait_for "casebook exited 0"
}
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$db" >/dev/null ||
	fail "the sample families did not import"

# Refused, with nothing kept: no --lang, a language with no messages, a
# worker who is not there.
casebook set worker "Imran Chaudhry" --db "$db" 2>"$work/err" && fail "no --lang accepted"
grep -qF "say the worker's language with --lang" "$work/err" || fail "unclear: $(cat "$work/err")"
casebook set worker "Imran Chaudhry" --lang fr --db "$db" 2>"$work/err" && fail "--lang fr accepted"
grep -qF "casebook has no messages in 'fr'" "$work/err" || fail "unclear: $(cat "$work/err")"
casebook set worker "Nobody" --lang cy --db "$db" 2>"$work/err" && fail "a worker who is not there"
grep -qF "no worker called 'Nobody'" "$work/err" || fail "unclear: $(cat "$work/err")"
casebook audit --db "$db" | grep -q "	language	" && fail "a refused choice was audited"

casebook set worker "Imran Chaudhry" --lang cy --db "$db" || fail "set worker --lang cy failed"

# Imran works in Welsh on a computer set to English: the catalogue and
# the reference lists (his role) are Welsh.
start_casebook --db "$db" --as "Imran Chaudhry"
wait_for "Llwyth achosion"
expect "casebook | Imran Chaudhry, Gweithiwr cymdeithasol"
expect "Wedi'u dyrannu i mi, 1 teulu, yn ôl cyfeirnod"
refute "Caseload"
# Help lists the key, in Welsh.
send ?
wait_for "Bysellau ar y sgrin hon"
send NPage
wait_for "Saesneg neu Gymraeg"
send Escape
quit_cy

# Grace has chosen nothing: the computer's English.
start_casebook --db "$db" --as "Grace Adeyemi" --switch
wait_for "Caseload"
refute "Llwyth achosion"

# She chooses Welsh on the caseload: the screens come back in it.
send L
wait_for "Language / Iaith"
expect "As this computer is set"
send Up
send Enter
wait_for "Mae casebook yn Gymraeg nawr."
expect "Llwyth achosion"
quit_cy
start_casebook --db "$db" --as "Grace Adeyemi" --switch
wait_for "Llwyth achosion"

# And back to the computer's own: English again.
send L
wait_for "Language / Iaith"
expect "Fel y mae'r cyfrifiadur wedi'i osod"
send End
send Enter
wait_for "casebook is in English now."
expect "Caseload"
quit_casebook

# Each choice is in the audit trail, the newest counting.
n=$(casebook audit --db "$db" | grep -c "	language	worker	") || true
[ "$n" = 3 ] || fail "$n language choices audited, not 3"
start_casebook --db "$db" --as "Imran Chaudhry"
wait_for "Llwyth achosion"
quit_cy
[ -s "$work/stderr" ] && { cat "$work/stderr"; fail "casebook wrote to stderr"; }
exit 0
