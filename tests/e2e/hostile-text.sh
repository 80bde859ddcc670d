#!/bin/sh
# SPDX-License-Identifier: MIT
# Names and notes holding escape sequences, OSC 52, BEL, C1 controls and
# U+202E, imported and then shown: the bytes written to the terminal
# (kept by script(1)) hold none of them, and the screen shows U+FFFD
# where each was.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

CASEBOOK_TODAY=2026-11-27
export CASEBOOK_TODAY
command -v script >/dev/null || fail "script(1) (bsdutils) is needed"
casebook import "$TOP_SRCDIR/tests/data/hostile.yaml" --db "$work/t.db" >/dev/null ||
	fail "import failed"

E2E_CAPTURE="$work/capture"
start_casebook --db "$work/t.db" --as 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e4c01
wait_for "1 family"
expect "Eve�]0;pwned� Mallory"
expect "FS-9         Reid�[6n�]52;c;cHduZWQ=…"
send Enter
wait_for "Family record"
expect "Ann�6n�Reid�"
send n
wait_for "Case notes"
expect "Visit�[2J�[H�]52"
send Enter
wait_for "Note of 2026-11-20"
expect "done�31m; �evil� and"
expect "�]8;;http://x�\\link�]8;;�\\ ok�"
send Escape
wait_for "Case notes"
send Escape
wait_for "Family record"
send c
wait_for "Chronology"
expect "Visit�[2J"
send Escape
wait_for "Family record"
quit_casebook

# What went to the terminal: none of it raw. The byte patterns are
# built with printf so that this file holds no control characters.
has() { LC_ALL=C grep -c -a -F -- "$(printf "$1")" "$work/capture"; }
for p in '\033]' '\033[6n' '\033[2J' '\007' '\302\233' '\302\205' '\342\200\256' '\342\200\254'; do
	n=$(has "$p")
	[ "$n" = 0 ] || fail "the terminal was sent $p ($n lines)"
done
[ "$(has '\357\277\275')" -gt 0 ] || fail "no U+FFFD was shown"
