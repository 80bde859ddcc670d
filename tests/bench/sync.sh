#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench-sync (part of make bench): sync timings against a throwaway
# PostgreSQL cluster. An authority of 10 teams, 90 workers and 600
# families, each with a history of notes; then the first sync of one
# team's families into an empty laptop, and a day's 200 new versions each
# way. Targets (issue 12): a team's first sync under 10 s, a day's under 2 s.
set -u
if [ -z "${CB_PGVENV:-}" ]; then
	command -v pg_virtualenv >/dev/null 2>&1 || { echo "skip: pg_virtualenv is not installed"; exit 77; }
	CB_PGVENV=1 exec pg_virtualenv sh "$0" "$@"
fi
. "$TOP_SRCDIR/tests/server/lib.sh"
cd "$work" || exit 99
newdb cbbench
notes=${NOTES:-10}
casebook server init --server "$admin" >/dev/null || fail "init"
now() { date +%s.%N; }
since() { echo "$(now) $1" | awk '{ printf "%.2f", $1 - $2 }'; }
t=$(now)
for team in 1 2 3 4 5 6 7 8 9 10; do
	for k in 1 2 3 4 5 6 7 8 9; do
		login "w$team-$k" "Worker $team-$k" social-worker "Team $team"
	done
done
echo "90 workers in 10 teams added in $(since "$t") s"
t=$(now)
for team in 1 2 3 4 5 6 7 8 9 10; do
	casebook init --db "t$team.db" >/dev/null
	casebook sync --db "t$team.db" --server "$(url "w$team-1")" >/dev/null || fail "sync t$team"
	synctool bulk "t$team.db" "Worker $team-1" "FS-$team" 60 "$notes" || fail "bulk t$team"
	casebook sync --db "t$team.db" >/dev/null || fail "push t$team"
done
rows=$(psql -X -tA -d "$db" -c "SELECT count(*) FROM casebook.rows")
echo "600 families, $notes notes each, $rows rows on the server, in $(since "$t") s"

casebook init --db fresh.db >/dev/null
t=$(now)
casebook sync --db fresh.db --server "$(url w1-2)" >out || fail "first sync"
first=$(since "$t")
got=$(sed -n 's/.* \([0-9]*\) fetched.*/\1/p' out)
# A day: 100 notes, each corrected once (200 versions and their audit).
synctool notes fresh.db "Worker 1-2" FS-1-0001 100 || fail "a day's notes"
t=$(now)
casebook sync --db fresh.db >out || fail "day push"
push=$(since "$t")
sent=$(sed -n 's/^synced: \([0-9]*\) sent.*/\1/p' out)
t=$(now)
casebook sync --db t1.db >out || fail "day pull"
pull=$(since "$t")
fetched=$(sed -n 's/.* \([0-9]*\) fetched.*/\1/p' out)
printf '\n%-44s %8s %8s %8s\n' "sync" "rows" "seconds" "target"
printf '%-44s %8s %8s %8s\n' "first sync of one team into an empty laptop" "$got" "$first" "< 10"
printf '%-44s %8s %8s %8s\n' "a day's 200 versions, laptop to server" "$sent" "$push" "< 2"
printf '%-44s %8s %8s %8s\n' "a day's 200 versions, server to laptop" "$fetched" "$pull" "< 2"
