#!/bin/sh
# SPDX-License-Identifier: MIT
# The colour theme from the config file, as the terminal receives it: the
# title bar blue by default, black on white in high-contrast, and no
# colour at all in mono or with NO_COLOR.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$work/t.db" >/dev/null
mkdir -p "$XDG_CONFIG_HOME/casebook"
# The title line (the first), with its colours as SGR sequences.
title() { T capture-pane -t cb -p -e | head -1; }
run_theme() {
	start_casebook --db "$work/t.db" --as "Grace Adeyemi"
	wait_for "Caseload"
	title >"$work/title"
	cat -v "$work/title"
	quit_casebook
}

run_theme
grep -q '44m' "$work/title" || { echo "FAIL: no blue title by default:"; cat -v "$work/title"; exit 1; }
echo 'theme = high-contrast' >"$XDG_CONFIG_HOME/casebook/config"
run_theme
grep -q '47m' "$work/title" || { echo "FAIL: high-contrast title not on white:"; cat -v "$work/title"; exit 1; }
grep -q '44m' "$work/title" && { echo "FAIL: high-contrast title still blue:"; cat -v "$work/title"; exit 1; }
echo 'theme = mono' >"$XDG_CONFIG_HOME/casebook/config"
run_theme
grep -q '4[0-7]m' "$work/title" && { echo "FAIL: mono has colours:"; cat -v "$work/title"; exit 1; }
grep -q '7m' "$work/title" || { echo "FAIL: mono title not in reverse:"; cat -v "$work/title"; exit 1; }
echo 'theme = high-contrast' >"$XDG_CONFIG_HOME/casebook/config"
NO_COLOR=1
export NO_COLOR
run_theme
grep -q '4[0-7]m' "$work/title" && { echo "FAIL: NO_COLOR still has colours:"; cat -v "$work/title"; exit 1; }
exit 0
