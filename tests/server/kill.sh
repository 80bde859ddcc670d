#!/bin/sh
# SPDX-License-Identifier: MIT
# Syncs killed with SIGKILL at random points, at fixed points inside a
# batch, and cut off by stopping the server mid-sync: every laptop and the
# server converge on retry, with nothing lost or doubled.
# KILLS=n sets how many random kills (default 100); SEED repeats a run.
set -u
if [ -z "${CB_PGVENV:-}" ]; then
	command -v pg_virtualenv >/dev/null 2>&1 || { echo "skip: pg_virtualenv is not installed"; exit 77; }
	CB_PGVENV=1 exec pg_virtualenv -t sh "$0" "$@"
fi
. "$TOP_SRCDIR/tests/server/lib.sh"
cd "$work" || exit 99
newdb cbkill
kills=${KILLS:-100}
seed=${SEED:-$$}
echo "kill: seed $seed, $kills kills"
check "server init" casebook server init --server "$admin"
login amira "Amira Haddad" social-worker "Team A"
login ben "Ben Okafor" child-practitioner "Team A"
login cara "Cara Lewis" business-support "Team A"
set -- amira "Amira Haddad" ben "Ben Okafor" cara "Cara Lewis"
for w in amira ben cara; do
	check "init $w" casebook init --db "$w.db"
	check "first sync $w" casebook sync --db "$w.db" --server "$(url $w)"
done
check "amira's family" synctool family amira.db "Amira Haddad" FS-K-1
check "ben's family" synctool family ben.db "Ben Okafor" FS-K-2
check "cara's family" synctool family cara.db "Cara Lewis" FS-K-3
made=3 # notes made in all
# Random numbers from a seeded generator, one a line.
awk -v s="$seed" -v n="$kills" 'BEGIN { srand(s); for (i = 0; i < n; i++) print int(rand() * 3), int(rand() * 12), int(rand() * 300) }' >plan
i=0
while read -r who notes ms; do
	i=$((i + 1))
	case $who in 0) w=amira; name="Amira Haddad"; ref=FS-K-1 ;; 1) w=ben; name="Ben Okafor"; ref=FS-K-2 ;; *) w=cara; name="Cara Lewis"; ref=FS-K-3 ;; esac
	if [ "$notes" -gt 0 ]; then
		synctool notes "$w.db" "$name" "$ref" "$notes" || fail "notes on $w"
		made=$((made + notes))
	fi
	"$CASEBOOK" sync --db "$w.db" >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
done <plan
# Stop at fixed points: after the server's INSERTs but before its COMMIT,
# after the server's COMMIT but before the laptop notes it, and before the
# laptop's COMMIT of fetched rows.
for point in 1 2 3; do
	for w in amira ben cara; do
		case $w in amira) name="Amira Haddad"; ref=FS-K-1 ;; ben) name="Ben Okafor"; ref=FS-K-2 ;; *) name="Cara Lewis"; ref=FS-K-3 ;; esac
		synctool notes "$w.db" "$name" "$ref" 3 || fail "notes"
		made=$((made + 3))
		CASEBOOK_SYNC_FAULT_AFTER=$point "$CASEBOOK" sync --db "$w.db" >/dev/null 2>&1
	done
done
# The server stops mid-sync (immediate shutdown, as a crash), then comes back.
cluster=$(pg_lsclusters -h | awk -v p="$PGPORT" '$3 == p { print $1, $2 }')
stops=0
if [ -n "$cluster" ]; then
	for w in amira ben cara; do
		case $w in amira) name="Amira Haddad"; ref=FS-K-1 ;; ben) name="Ben Okafor"; ref=FS-K-2 ;; *) name="Cara Lewis"; ref=FS-K-3 ;; esac
		synctool notes "$w.db" "$name" "$ref" 20 || fail "notes"
		made=$((made + 20))
		"$CASEBOOK" sync --db "$w.db" >/dev/null 2>"$w.stop.err" &
		pid=$!
		sleep 0.1
		# shellcheck disable=SC2086
		pg_ctlcluster $cluster stop -m immediate >/dev/null 2>&1
		wait "$pid"
		# shellcheck disable=SC2086
		pg_ctlcluster $cluster start >/dev/null 2>&1 || fail "the server did not start again"
		stops=$((stops + 1))
	done
fi
# Every laptop syncs until nothing moves; then all hold the same.
for round in 1 2; do
	for w in amira ben cara; do
		check "retry $w (round $round)" casebook sync --db "$w.db"
	done
done
for w in amira ben cara; do
	dump "$w.db" >"$w.dump"
	synctool status "$w.db" | grep -q "^waiting 0 synced" ||
		{ echo "FAIL: $w still has changes waiting" >&2; errors=$((errors + 1)); }
done
same "amira and ben converge" amira.dump ben.dump
same "amira and cara converge" amira.dump cara.dump
notes=$(grep -c '^notes	' amira.dump)
[ "$notes" = "$made" ] || { echo "FAIL: $made notes made, $notes kept" >&2; errors=$((errors + 1)); }
onserver=$(psql -X -tA -d "$db" -c "SELECT count(*) FROM casebook.rows WHERE tbl = 'notes'")
[ "$onserver" = "$made" ] || { echo "FAIL: $made notes made, $onserver on the server" >&2; errors=$((errors + 1)); }
lines=$(grep -vc '^audit	' amira.dump)
srv=$(psql -X -tA -d "$db" -c "SELECT count(*) FROM casebook.rows WHERE tbl <> 'audit' AND pk NOT LIKE '00000000-0000-4000-8000-%'")
[ "$lines" = "$srv" ] || { echo "FAIL: a laptop holds $lines rows, the server $srv" >&2; errors=$((errors + 1)); }
echo "kill: $kills random kills, 9 fixed stops, $stops server stops, $made notes"
[ "$errors" -eq 0 ] || { echo "kill: $errors failures (seed $seed)" >&2; exit 1; }
echo "kill: ok"
