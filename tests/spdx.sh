#!/bin/sh
# SPDX-License-Identifier: MIT
# Every source file carries its licence line, and tools/spdx, which adds
# them, puts each where its syntax wants it and changes nothing the
# second time.
set -u
. "$TOP_SRCDIR/tests/lib.sh"
spdx="$TOP_SRCDIR/tools/spdx"

# The tree itself.
"$spdx" --check "$TOP_SRCDIR" || fail "source files without a licence line (above)"

# A small tree of each kind.
t="$work/tree"
mkdir -p "$t/src" "$t/man" "$t/tests/data" "$t/completion"
printf '#include "config.h"\n' >"$t/src/a.c"
printf '#!/bin/sh\necho hi\n' >"$t/run.sh"
chmod 755 "$t/run.sh"
printf '#compdef casebook\n_casebook() { :; }\n' >"$t/completion/_casebook"
printf '.TH X 1\n' >"$t/man/x.1.in"
printf 'run casebook\n' >"$t/tests/c.t"
printf 'dnl x\n' >"$t/configure.ac"
printf 'id: x\n' >"$t/tests/data/d.yaml"
printf 'not ours\n' >"$t/notes.txt"

"$spdx" --check "$t" >"$work/before" 2>&1 && fail "--check passed on files without the line"
grep -q 'src/a.c: no SPDX' "$work/before" || fail "--check did not name src/a.c"
"$spdx" "$t" >/dev/null || fail "tools/spdx failed"

expect() { # FILE LINE-NUMBER TEXT
	got=$(sed -n "$2p" "$t/$1")
	[ "$got" = "$3" ] || fail "$1 line $2 is '$got', not '$3'"
}
expect src/a.c 1 '/* SPDX-License-Identifier: MIT */'
expect src/a.c 2 '#include "config.h"'
expect run.sh 1 '#!/bin/sh'
expect run.sh 2 '# SPDX-License-Identifier: MIT'
expect completion/_casebook 1 '#compdef casebook'
expect completion/_casebook 2 '# SPDX-License-Identifier: MIT'
expect man/x.1.in 1 '.\" SPDX-License-Identifier: MIT'
expect tests/c.t 1 '# SPDX-License-Identifier: MIT'
expect configure.ac 1 'dnl SPDX-License-Identifier: MIT'
expect tests/data/d.yaml 1 'id: x'
expect notes.txt 1 'not ours'
[ -x "$t/run.sh" ] || fail "run.sh lost its execute bit"

(cd "$t" && find . -type f | sort | xargs cat) >"$work/once"
out=$("$spdx" "$t") || fail "tools/spdx failed the second time"
[ -z "$out" ] || fail "the second run changed files: $out"
(cd "$t" && find . -type f | sort | xargs cat) >"$work/twice"
cmp -s "$work/once" "$work/twice" || fail "the second run changed the files"
"$spdx" --check "$t" || fail "--check failed after tools/spdx"
exit 0
