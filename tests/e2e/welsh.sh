#!/bin/sh
# SPDX-License-Identifier: MIT
# The workbook in Welsh (LANGUAGE=cy) at 80x24 on the sample families:
# the caseload, a family record, the meetings, a meeting and one family's
# minutes show the catalogue's Welsh, counts take the right one of Welsh's
# six plural forms (2 gyfarfod, 5 teulu), and the column headings and key
# bars fit, on the goals, stages, ratings, programme and module screens
# too. The same screen without LANGUAGE is English.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

[ -f "$CASEBOOK_LOCALEDIR/cy/LC_MESSAGES/casebook.mo" ] ||
	fail "no Welsh catalogue in $CASEBOOK_LOCALEDIR: was casebook built with gettext?"
CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null ||
	fail "the sample families did not import"

# English first, so the test knows the Welsh is the catalogue's doing.
start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Caseload"
expect "Allocated to me, 1 family, by reference"

E2E_LANGUAGE=cy
start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Llwyth achosion"
refute "Caseload"
expect "Wedi'u dyrannu i mi, 1 teulu, yn ôl cyfeirnod"
# The selected row's risk is the badge's word too, not the record's id.
expect "CP×3          AMBR   2026-11-12"
refute " amber "
# Headings whole, not cut to the column.
expect " Cyfeirnod    Teulu "
expect "Goruchwylio"
expect "Yn hwyr"
# The key bar fits, from the first key to the last.
expect " / Chwilio  t Fi/tîm  s Trefnu  m Goruchwylio  O Yn hwyr  ? Cymorth  Esc Yn ôl"
send t
wait_for "Y tîm cyfan, 5 teulu, yn ôl cyfeirnod"
send s
wait_for "Wedi'u trefnu yn ôl enw."

# A family record.
send /
wait_for "Chwilio am deuluoedd yn ôl enw neu gyfeirnod"
type_text "FS-26-0142"
send Enter
send Enter
wait_for "Cofnod y teulu: Price family"
expect "Aelodau'r teulu"
expect "Gweithwyr ar yr achos"
expect "Cylch Newid"
expect "? Cymorth  Esc Yn ôl"
# The rest of the record is a page down.
send NPage
wait_for "Goruchwyliaeth grŵp: 2026-11-12"
send Escape
wait_for "Llwyth achosion"

# The meetings: two, so the soft mutation after "dau".
send m
wait_for "Cyfarfodydd goruchwyliaeth grŵp"
expect "2 gyfarfod, y mwyaf newydd yn gyntaf"
expect " Dyddiad     Cadeirydd "
expect "Cofnodion"
expect "terfynol"
send Enter
wait_for "Goruchwyliaeth grŵp 2026-11-12 (wedi'i gymeradwyo)"
expect "Dyddiad 2026-11-12   Cadeirydd Grace Adeyemi   Cofnodion gan Mei Ling Chan"
expect "Cadeirydd Grace Adeyemi"
expect "2 o 4 yma"

# One family's minutes.
send Enter
wait_for "Cofnodion: FS-26-0142 Price family, goruchwyliaeth grŵp 2026-11-12"
expect "Pwy sydd yma ar gyfer y teulu hwn"
expect "Presenoldeb"
expect "ymddiheu"
expect "Tab Rhan nesaf"
send Tab
wait_for "Camau gweithredu'r tro diwethaf"
expect "gwnaed    Write to Ryan and Zoë"
expect "rhannol   Update Zoë's safety plan"
expect "Imran Chaudhry, erbyn 2026-10-29, cytunwyd 2026-10-22"

# Help for the screen, from the key table.
send ?
wait_for "Cymorth: Cofnodion ar gyfer un teulu"
expect "Bysellau ar y sgrin hon"
expect "I ran nesaf y dudalen"
send Escape
wait_gone "Bysellau ar y sgrin hon"

# The longer Welsh words fit at 80x24: column headings and values whole,
# the marks on modules still in English visible however long the title,
# and the module complete in Welsh unmarked.
send Escape
wait_for "Goruchwyliaeth grŵp 2026-11-12"
send Escape
wait_for "Cyfarfodydd goruchwyliaeth grŵp"
send Escape
wait_for "Llwyth achosion"
send Enter
wait_for "Cofnod y teulu: Price family"
send g
wait_for " Pwy            Y nod, yng ngeiriau'r teulu         Nawr  Adolygiad  Statws"
expect "Ar waith"
expect "Cyflawnwyd"
expect "a Ychwanegu  h Hanes  r Adolygu  ? Cymorth  Esc Yn ôl"
send Escape
wait_for "Cofnod y teulu: Price family"
send s
wait_for "Dyddiad     Cam              Aseswyd gan        Tystiolaeth (hynaf gyntaf)"
expect "Gweithredu       Goruchwylio grŵp   "
expect "(Enter: mwy)"
expect "a Ychwanegu  e Cywiro  h Hanes  Right Nesaf  ? Cymorth  Esc Yn ôl"
send Escape
wait_for "Cofnod y teulu: Price family"
send r
wait_for "Dyddiad     Sgôr   Ble cytunwyd      Pam"
expect "AMBR   goruchwylio grŵp  Held at amber."
send Escape
wait_for "Cofnod y teulu: Price family"
send c
wait_for "Dyddiad      Beth                 Crynodeb"
expect "Goruchwylio grŵp     cadeirydd Grace Adeyemi (cymeradwywyd)"
refute "(signed)"
send Escape
wait_for "Cofnod y teulu: Price family"
send p
wait_for " #   Modiwl                                   Cynnydd      Sesiynau  Diweddaraf"
expect "[Saesneg] Warmth, boundaries and stabil…"
expect " 7   Iechyd meddwl a llesiant                 heb ddechrau"
expect "r Sesiwn  x Cwblhau  ? Cymorth  Esc Yn ôl"
# The module that is Welsh throughout: its parts, fields and prompts.
send Down Down Down Down Down Down
send Enter
wait_for "7 Iechyd meddwl a llesiant: "
expect "Sut mae'r oedolyn hwn"
send g
wait_for "Arweiniad (mae g yn ei guddio)"
expect "Holwch bob oedolyn am ei lesiant"
send Escape
send Escape
send Escape
wait_for "Llwyth achosion"

# Leave: the question is Welsh too.
send F10
wait_for "Gadael casebook?"
send y
wait_for "casebook exited 0"
[ -s "$work/stderr" ] && { cat "$work/stderr"; fail "casebook wrote to stderr"; }
exit 0
