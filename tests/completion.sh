#!/bin/sh
# SPDX-License-Identifier: MIT
# bash completion: registered for casebook (complete -p), and a scripted
# completion of commands, options, family references and worker names
# from a real database.
set -u
. "$TOP_SRCDIR/tests/lib.sh"
need bash
cd "$work" || exit 99
"$CASEBOOK" import --db practice.db "$TOP_SRCDIR"/data/sample/*.yaml >/dev/null ||
	fail "could not import the sample families"
PATH=$(dirname "$CASEBOOK"):$PATH
export PATH
bash --norc --noprofile -c '
. "$TOP_SRCDIR/completion/bash/casebook" || exit 1
complete -p casebook
t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _casebook; printf "%s|" "$*"; printf " [%s]" "${COMPREPLY[@]}"; echo; }
t casebook li
t casebook list ""
t casebook --vers
t casebook show family --db practice.db FS-25-07
t casebook -d practice.db export family FS-26
t casebook --db=practice.db --as Imr
t casebook list families --db practice.d
' >actual 2>&1
cat >expected <<'OUT'
complete -F _casebook casebook
casebook li| [list]
casebook list | [conflicts] [families] [meetings] [workers]
casebook --vers| [--version]
casebook show family --db practice.db FS-25-07| [FS-25-0731]
casebook -d practice.db export family FS-26| [FS-26-0142] [FS-26-0391]
casebook --db=practice.db --as Imr| [Imran\ Chaudhry]
casebook list families --db practice.d| [practice.db]
OUT
diff -u expected actual || fail "completion differs (above)"
exit 0
