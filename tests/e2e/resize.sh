#!/bin/sh
# SPDX-License-Identifier: MIT
# Smaller than 80x24 shows a clear message; growing back restores the
# screen, with nothing lost, even in the middle of typing.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null
start_casebook --db "$work/t.db" --as "Imran Chaudhry"
wait_for "Price family"
resize 60 20
wait_for "casebook needs at least 80x24; this is 60x20."
refute "Price family"
send a
resize 80 24
wait_for "Price family"
refute "Case reference"
send Enter
wait_for "Family record: Price family"
send n
send a
wait_for "What kind of note?"
send Enter
send Enter
send n
wait_for "New note"
type_text "Half a thought about Ruby's"
wait_for "Half a thought about Ruby's"
resize 60 20
wait_for "this is 60x20"
# Typing while the screen is too small is kept.
type_text " nursery."
resize 100 30
wait_for "Half a thought about Ruby's nursery."
send C-s
wait_for "Note saved."
resize 80 24
wait_for "Half a thought about Ruby's …"
send Enter
wait_for "Half a thought about Ruby's nursery."
send Escape
quit_casebook
