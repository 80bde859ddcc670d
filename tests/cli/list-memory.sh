#!/bin/sh
# SPDX-License-Identifier: MIT
# list families streams its rows: its peak memory does not grow with the
# number of families (3,600 families take no more than 300 do, within
# 1 MiB, where holding the rows would take several).
. "$TOP_SRCDIR/tests/lib.sh"
# Under the sanitizers the peak memory measures their shadow memory, not ours.
if [ -n "${ASAN_OPTIONS:-}" ]; then echo "SKIP: memory is not measured under the sanitizers"; exit 77; fi
command -v /usr/bin/time >/dev/null 2>&1 || { echo "/usr/bin/time is needed"; exit 99; }

# families FROM TO: families FROM..TO in the import format, each with a
# long name and four children.
families() {
	awk -v from="$1" -v to="$2" 'function id(k, x) { return sprintf("%08x-0000-4000-8000-%012x", k, x) }
	BEGIN {
		w = id(1, 0)
		print "casebook: 1"
		if (from == 1) {
			print "workers:"
			printf "  - {id: %s, name: Memory Worker, role: social-worker}\n", w
		}
		print "families:"
		for (f = from; f <= to; f++) {
			printf "  - id: %s\n    reference: \"MEM-%06d\"\n", id(2, f), f
			printf "    name: The Nguyễn-Zielińska-Ó Súilleabháin-Haddad family of Cotterill House, %d\n", f
			printf "    by: %s\n    opened: 2026-01-05\n", w
			print "    members:"
			for (m = 1; m <= 4; m++)
				printf "      - {id: %s, name: Zoë Nguyễn-Zielińska Ó Súilleabháin %d, born: 201%d-02-03, role: child}\n",
				    id(3, f * 8 + m), m, m
		}
	}'
}

# db N FILE: a database of N families.
db() {
	"$CASEBOOK" init --db "$2" >/dev/null || fail "init failed"
	i=1
	while [ "$i" -le "$1" ]; do
		to=$((i + 399))
		[ "$to" -gt "$1" ] && to=$1
		families "$i" "$to" >"$work/f-$(printf %06d "$i").yaml"
		i=$((to + 1))
	done
	"$CASEBOOK" import "$work"/f-*.yaml --db "$2" >/dev/null || fail "import of $1 failed"
	rm -f "$work"/f-*.yaml
	[ "$("$CASEBOOK" list families --db "$2" | wc -l)" = "$1" ] || fail "not $1 families"
}

peak() { /usr/bin/time -f %M "$CASEBOOK" list families --db "$1" 2>&1 >/dev/null | tail -1; }

db 300 "$work/small.db"
db 3600 "$work/big.db"
small=$(peak "$work/small.db")
big=$(peak "$work/big.db")
echo "list families: peak RSS $small KiB at 300 families, $big KiB at 3600"
# SQLite's page cache (2,000 KiB by default) fills further on the bigger
# file, so allow for it; holding the rows would take about 4 MiB more.
[ $((big - small)) -lt 2560 ] || fail "list families took $((big - small)) KiB more for 3600 families"
