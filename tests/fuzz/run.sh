#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh BUILD_DIR SECONDS: run every fuzz target for SECONDS, two at a time,
# each on a fresh corpus seeded from the files it is meant to read; print
# each one's final figures. Exits non-zero when any target found a crash, a
# leak, a timeout or ran out of memory (the input that did it is kept in
# BUILD_DIR/fuzz-runs/TARGET/, and the log beside it).
set -u
usage="usage: tests/fuzz/run.sh BUILD_DIR SECONDS"
[ $# -eq 2 ] || { echo "$usage" >&2; exit 2; }
build=$(cd "$1" && pwd) || exit 2
seconds=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
jobs=2

# One target a line: the program (in BUILD_DIR/tests/fuzz) and the seed
# files, as patterns relative to the source tree.
TARGETS='
fuzz_modules	modules/*.yaml tests/data/malformed/*
fuzz_import	data/sample/*.yaml tests/data/import-bad/*
'

# run_one NAME PATTERNS: seed a fresh corpus and fuzz; leaves rc and time.
run_one() {
	name=$1
	patterns=$2
	out=$build/fuzz-runs/$name
	rm -rf "$out"
	mkdir -p "$out/corpus" "$out/seeds"
	n=0
	for pattern in $patterns; do
		for f in "$src"/$pattern; do
			[ -f "$f" ] || continue
			n=$((n + 1))
			cp "$f" "$out/seeds/$n-$(basename "$f")"
		done
	done
	# A dictionary beside the source, when there is one.
	dict=""
	[ -f "$src/tests/fuzz/$name.dict" ] && dict="-dict=$src/tests/fuzz/$name.dict"
	start=$(date +%s)
	# shellcheck disable=SC2086
	"$build/tests/fuzz/$name" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
		-print_final_stats=1 -artifact_prefix="$out/" $dict \
		"$out/corpus" "$out/seeds" >"$out/log" 2>&1
	echo $? >"$out/rc"
	echo $(($(date +%s) - start)) >"$out/time"
}

names=""
running=0
while read -r name patterns; do
	case $name in "" | "#"*) continue ;; esac
	if [ ! -x "$build/tests/fuzz/$name" ]; then
		echo "run.sh: $build/tests/fuzz/$name is not built: run 'make fuzzers' in $build" >&2
		exit 1
	fi
	names="$names $name"
	run_one "$name" "$patterns" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done <<EOF
$TARGETS
EOF
wait

failed=0
for name in $names; do
	out=$build/fuzz-runs/$name
	rc=$(cat "$out/rc" 2>/dev/null || echo 1)
	done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$out/log" | tail -n 1)
	runs=$(printf '%s' "$done_line" | sed -n 's/^#\([0-9]*\).*/\1/p')
	cov=$(printf '%s' "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(printf '%s' "$done_line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	eps=$(grep '^stat::average_exec_per_sec:' "$out/log" | sed 's/.*: *//')
	rss=$(grep '^stat::peak_rss_mb:' "$out/log" | sed 's/.*: *//')
	printf '%s: runs %s, cov %s, ft %s, exec/s %s, peak rss %s MB, time %ss\n' "$name" \
		"${runs:-?}" "${cov:-?}" "${ft:-?}" "${eps:-?}" "${rss:-?}" "$(cat "$out/time")"
	found=$(ls "$out" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' || true)
	if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
		failed=1
		echo "$name: FAILED (exit $rc)${found:+; kept: $found} - the log is $out/log" >&2
		grep -E 'ERROR|SUMMARY|==[0-9]+==' "$out/log" | head -n 20 >&2
	fi
done
exit $failed
