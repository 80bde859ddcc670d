#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench: casebook at the size of a county's service, beside a floor
# program built in the same run. Not run by CI; takes minutes the first
# time (the databases are generated once and kept in $BENCH_CACHE).
#   BENCH_SIZES   families per database (default "10000 50000")
#   BENCH_CACHE   where generated databases are kept
#                 (default ~/.cache/casebook-bench)
#   BENCH_IMPORT  families in each import timed (default
#                 "100 2000 10000 50000")
# Prints a table of milliseconds (the median of BENCH_RUNS runs, default 3):
# wall time, and for the workbook the CPU time it used in the step, which
# a machine busy with other work inflates less.
set -eu
top=${TOP_SRCDIR:?}
build=$(pwd)
sizes=${BENCH_SIZES:-"10000 50000"}
runs=${BENCH_RUNS:-3}
cache=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/casebook-bench}
casebook=$build/casebook
scale=$build/tests/bench/bench_scale
ptytime=$build/tests/bench/ptytime
floor=$build/tests/bench/floor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$cache"
chmod 700 "$cache" # the generated families are made up, but casebook asks for it
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color CASEBOOK_TODAY=2026-11-27
export CASEBOOK_DATADIR="$top" HOME="$tmp" XDG_CONFIG_HOME="$tmp/config"
dbv=$("$casebook" --version | sed -n 's/.*database version \([0-9]*\).*/\1/p')

# median FILE [COLUMN]: the median of the numbers in FILE (in its
# tab-separated COLUMN, the first by default).
median() {
	cut -f"${2:-1}" "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
# rss CMD...: peak RSS in KiB of CMD, its output discarded.
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
# ms CMD...: wall time of CMD in ms, its output discarded.
ms() {
	_t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	echo $(( ($(date +%s%N) - _t0) / 1000000 ))
}
# row NAME VALUE [CPU [FLOOR]]: a line of the table.
row() { printf '| %-56s | %10s | %10s | %10s |\n' "$1" "${2:-}" "${3:-}" "${4:-}"; }

# import_yaml and import_files: the files the import is timed with.
. "$top/tests/bench/import-yaml.sh"

echo "Building the floor program and the timers in this run."
floor_db=$tmp/floor.db
echo
printf '| %-56s | %10s | %10s | %10s |\n' "What (ms, median of $runs runs)" "casebook" "its CPU" \
	"floor"
printf '|%s|%s|%s|%s|\n' "----------------------------------------------------------" "------------" \
	"------------" "------------"
for n in $sizes; do
	db=$cache/families-$n-db$dbv.db
	if [ ! -f "$db" ]; then
		# One of an older database version is upgraded (a copy), which
		# times the migrations too; otherwise one is generated.
		old=$(ls -t "$cache/families-$n-db"*.db 2>/dev/null | head -1)
		rm -f "$db.part"
		if [ -n "$old" ]; then
			echo "upgrading $old to $db (once)" >&2
			cp "$old" "$db.part"
			t0=$(date +%s%N)
			"$casebook" init --db "$db.part" >/dev/null
			echo "upgrade: $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
		else
			echo "generating $n families in $db (once)" >&2
			"$scale" gen "$db.part" "$n" >&2
		fi
		mv "$db.part" "$db"
	fi
	cp "$db" "$floor_db"
	row "**$n families** ($(du -m "$db" | cut -f1) MB)"
	# First screen and keys, through a pty at 80x24.
	: >"$tmp/first"; : >"$tmp/floor1"
	for r in $(seq "$runs"); do
		"$ptytime" "families" '\r' '' c '' '\e' '' '\e' '' '\r' '' q '' t '' / '' n '' g '' u '' y '' \
			'\e' '' -- \
			"$casebook" --db "$db" --as "Bench Worker" >"$tmp/keys.$r"
		sed -n 's/^first screen\t//p' "$tmp/keys.$r" >>"$tmp/first"
		"$ptytime" "floor ready" -- "$floor" "$floor_db" "$top/modules" |
			sed -n 's/^first screen\t//p' >>"$tmp/floor1"
	done
	row "first screen (workbook start to caseload)" "$(median "$tmp/first")" \
		"$(median "$tmp/first" 2)" "$(median "$tmp/floor1")"
	i=0
	for k in "Enter: open the family of 300 notes" "c: its chronology" "Esc: back to the family" \
		"Esc: back to the caseload" "Enter: the same family again" \
		"q: back to the caseload (no wait for an escape sequence)" "t: mine to the team" "/: find" "n (each filter character)" \
		"g" "u" "y" "Esc: clear the filter"; do
		i=$((i + 1))
		: >"$tmp/k"
		for r in $(seq "$runs"); do
			sed -n "$((i + 1))p" "$tmp/keys.$r" | cut -f2,3 >>"$tmp/k"
		done
		row "$k" "$(median "$tmp/k")" "$(median "$tmp/k" 2)"
	done
	# The store's own reads, in process.
	"$scale" run "$db" >"$tmp/store"
	while IFS='	' read -r what t; do
		row "store: $what" "$t"
	done <"$tmp/store"
	# Commands: time and peak memory.
	ref=FS-20-00000
	row "list families" "$(ms "$casebook" list families --db "$db")"
	row "list families, peak RSS (KiB)" "$(rss "$casebook" list families --db "$db")"
	row "show family (300 notes)" "$(ms "$casebook" show family "$ref" --db "$db")"
	row "export family --format txt (300 notes)" \
		"$(ms "$casebook" export family "$ref" --format txt --db "$db" --as "Bench Worker")"
	row "search school (every hit, command line)" \
		"$(ms "$casebook" search school --db "$db")"
	row "workbook first screen, peak RSS (KiB)" \
		"$(rss sh -c "'$ptytime' families -- '$casebook' --db '$db' --as 'Bench Worker'")"
	# Cold: nothing in the page cache, the programs and libraries
	# included. Dropping the cache needs root; otherwise left out.
	if sync && (echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then
		row "first screen, cold (nothing cached; one run)" \
			"$("$ptytime" families -- "$casebook" --db "$db" --as "Bench Worker" |
				sed -n 's/^first screen\t\([^\t]*\)\t\(.*\)$/\1\t\2/p' | cut -f1)"
	else
		row "first screen, cold (needs root to empty the cache)" "-"
	fi
done
# Import: records a second, from small to larger files; the median of
# BENCH_RUNS imports up to 10,000 families (a 50,000 one takes minutes
# and is timed once). The wall time is read from the clock in
# nanoseconds: time(1)'s hundredths are a twentieth of a small import.
for f in ${BENCH_IMPORT:-100 2000 10000 50000}; do
	rm -f "$tmp"/import-*.yaml "$tmp"/import-runs
	import_files "$tmp" 1 "$f" 400
	recs=$(( f * 36 + 1 ))
	n=$runs
	[ "$f" -gt 10000 ] && n=1
	i=0
	while [ "$i" -lt "$n" ]; do
		rm -f "$tmp/import.db"*
		"$casebook" init --db "$tmp/import.db" >/dev/null
		_t0=$(date +%s%N)
		/usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$casebook" import \
			"$tmp"/import-*.yaml --db "$tmp/import.db" >/dev/null
		t=$(( ($(date +%s%N) - _t0) / 1000 ))
		cpu=$(awk '{ printf "%d", ($3 + $4) * 1000000 }' "$tmp/time")
		"$casebook" list families --db "$tmp/import.db" | wc -l | grep -qx "$f" ||
			{ echo "bench: the import of $f families failed" >&2; exit 1; }
		printf '%s\t%s\t%s\n' "$(( recs * 1000000 / (t > 0 ? t : 1) ))" \
			"$(( recs * 1000000 / (cpu > 0 ? cpu : 1) ))" "$(cut -d' ' -f2 "$tmp/time")" \
			>>"$tmp/import-runs"
		i=$((i + 1))
	done
	row "import $f families ($recs records), records/s" "$(median "$tmp/import-runs" 1)" \
		"$(median "$tmp/import-runs" 2)"
	row "import $f families, peak RSS (KiB)" "$(sort -n -t"$(printf '\t')" -k3 "$tmp/import-runs" |
		tail -1 | cut -f3)"
done
