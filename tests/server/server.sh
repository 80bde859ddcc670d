#!/bin/sh
# SPDX-License-Identifier: MIT
# The team's server: init, workers and teams, row-level security by direct
# SQL, sync between three laptops and the server, conflicts, bad input.
# Runs against a throwaway PostgreSQL cluster made by pg_virtualenv.
set -u
if [ -z "${CB_PGVENV:-}" ]; then
	command -v pg_virtualenv >/dev/null 2>&1 || { echo "skip: pg_virtualenv is not installed"; exit 77; }
	CB_PGVENV=1 exec pg_virtualenv -t sh "$0" "$@"
fi
. "$TOP_SRCDIR/tests/server/lib.sh"
cd "$work" || exit 99
newdb cbtest

# --- server init -------------------------------------------------------
check "server init" casebook server init --server "$admin"
grep -q "server version 1" "$work/out" || fail "server init: $(cat "$work/out")"
check "server init again changes nothing" casebook server init --server "$admin"
refuse "a URL that is not one" "server address is not right" \
	casebook server init --server "hots=nowhere"
refuse "no server there" "could not reach the server" \
	casebook server init --server "host=127.0.0.1 port=1 connect_timeout=3"
refuse "a wrong password" "check the password" \
	casebook server init --server "host=$PGHOST port=$PGPORT dbname=$db user=$PGUSER password=wrong"
psql -q -X -d postgres -c "CREATE DATABASE other" >/dev/null
psql -q -X -d other -c "CREATE TABLE invoices (n int)" >/dev/null
refuse "a database that is not casebook's" "is not casebook's" \
	casebook server init --server "dbname=other"
psql -q -X -d other -c "DROP TABLE invoices" >/dev/null
check "init another" casebook server init --server "dbname=other"
psql -q -X -d other -c "INSERT INTO casebook.migrations (version) VALUES (99)" >/dev/null
refuse "a newer server schema" "newer than this casebook knows" \
	casebook server init --server "dbname=other"

# --- versions are never changed there, even by the owner ----------------
login amira "Amira Haddad" social-worker "Team A"
login ben "Ben Okafor" child-practitioner "Team A"
login cara "Cara Lewis" business-support "Team A"
login dan "Dan Price" social-worker "Team B"
refuse "add-worker with a role that is not one" "is not a role" \
	casebook server add-worker X --role wizard --team "Team A" --login x --server "$admin"
n=$(psql -X -tA -d "$db" -c "SELECT count(*) FROM casebook.rows WHERE tbl = 'teams'")
[ "$n" = 2 ] || { echo "FAIL: two teams expected, got $n" >&2; errors=$((errors + 1)); }
if psql -X -q -d "$db" -c "UPDATE casebook.rows SET data = '{}'" 2>/dev/null; then
	echo "FAIL: the owner updated a row" >&2; errors=$((errors + 1))
fi
if psql -X -q -d "$db" -c "DELETE FROM casebook.rows" 2>/dev/null; then
	echo "FAIL: the owner deleted rows" >&2; errors=$((errors + 1))
fi

# --- three laptops of team A, one of team B ------------------------------
for w in amira ben cara dan; do
	check "init $w's laptop" casebook init --db "$w.db"
	check "first sync of $w" casebook sync --db "$w.db" --server "$(url $w)"
done
check "amira makes a family" synctool family amira.db "Amira Haddad" FS-A-1
check "ben makes a family" synctool family ben.db "Ben Okafor" FS-A-2
check "dan makes a family" synctool family dan.db "Dan Price" FS-B-1
check "amira writes notes" synctool notes amira.db "Amira Haddad" FS-A-1 3
synctool status amira.db | grep -q "^waiting [1-9][0-9]* synced" || fail "amira has nothing waiting: $(synctool status amira.db)"
for round in 1 2; do
	for w in ben amira cara dan amira ben; do
		check "sync $w (round $round)" casebook sync --db "$w.db"
	done
done
synctool status amira.db | grep -q "^waiting 0 synced" ||
	{ echo "FAIL: amira still has changes waiting" >&2; errors=$((errors + 1)); }
for w in amira ben cara; do dump "$w.db" >"$w.dump"; done
same "amira and ben converge" amira.dump ben.dump
same "amira and cara converge" amira.dump cara.dump
psql -X -tA -d "$db" -F '	' -c "SELECT tbl, pk, data FROM casebook.rows WHERE pk NOT LIKE '00000000-0000-4000-8000-%' AND (family_id IS NULL OR family_id IN (SELECT pk FROM casebook.rows WHERE tbl = 'families' AND team_id = (SELECT team_id FROM casebook.rows WHERE tbl='families' AND pushed_by='amira' LIMIT 1))) AND tbl NOT IN ('audit') ORDER BY tbl, pk" >server.dump
grep -v '^audit	' amira.dump | sort >amira.noaudit
sort server.dump >server.sorted
same "the server holds the same rows" amira.noaudit server.sorted
grep -q FS-B-1 amira.dump && { echo "FAIL: team A's laptop holds team B's family" >&2; errors=$((errors + 1)); }
grep -q FS-A-1 dan.db && { echo "FAIL: team B's laptop holds team A's family" >&2; errors=$((errors + 1)); }

# --- drafts never leave the laptop ---------------------------------------
check "amira keeps a draft" synctool draft amira.db "Amira Haddad" "half-typed words of a draft"
check "amira syncs with a draft" casebook sync --db amira.db
n=$(psql -X -tA -d "$db" -c "SELECT count(*) FROM casebook.rows WHERE data LIKE '%half-typed words%'")
[ "$n" = 0 ] || { echo "FAIL: a draft reached the server" >&2; errors=$((errors + 1)); }

# --- a family allocated to a worker of another team ----------------------
check "amira allocates FS-A-1 to dan" synctool allocate amira.db "Amira Haddad" FS-A-1 "Dan Price"
check "amira syncs the allocation" casebook sync --db amira.db
check "dan syncs" casebook sync --db dan.db
grep -c "^notes	" amira.dump >amira.notes
synctool dump dan.db | grep -c "^note_versions	.*Visit [0-9] by Amira" >dan.notes
[ "$(cat dan.notes)" = 6 ] || { echo "FAIL: dan holds $(cat dan.notes) of FS-A-1's 6 note versions" >&2; errors=$((errors + 1)); }
synctool dump dan.db | grep -q FS-A-2 && { echo "FAIL: dan holds a team A family not allocated to him" >&2; errors=$((errors + 1)); }

# --- row-level security, by direct SQL as team B's role -----------------
fa=$(psql -X -tA -d "$db" -c "SELECT pk FROM casebook.rows WHERE tbl = 'families' AND pushed_by = 'ben'")
n=$(as_role dan "SELECT count(*) FROM casebook.rows WHERE family_id = '$fa'")
[ "$n" = 0 ] || { echo "FAIL: dan reads $n rows of team A's family" >&2; errors=$((errors + 1)); }
n=$(as_role amira "SELECT count(*) FROM casebook.rows WHERE family_id = '$fa'")
[ "$n" -gt 5 ] || { echo "FAIL: amira reads only $n rows of her team's family" >&2; errors=$((errors + 1)); }
dw=$(as_role dan "SELECT casebook.my_worker()")
if as_role dan "INSERT INTO casebook.rows (tbl, pk, family_id, data, created_by) VALUES ('notes', '11111111-1111-4111-8111-111111111111', '$fa', '{}', '$dw')" 2>/dev/null; then
	echo "FAIL: dan wrote into team A's family" >&2; errors=$((errors + 1))
fi
if as_role dan "UPDATE casebook.rows SET data = '{}' WHERE pushed_by = 'dan'" 2>/dev/null; then
	echo "FAIL: dan updated a row" >&2; errors=$((errors + 1))
fi
if as_role dan "DELETE FROM casebook.rows WHERE pushed_by = 'dan'" 2>/dev/null; then
	echo "FAIL: dan deleted a row" >&2; errors=$((errors + 1))
fi
if as_role dan "SELECT count(*) FROM casebook.logins" >/dev/null 2>&1; then
	echo "FAIL: dan reads the logins" >&2; errors=$((errors + 1))
fi
# A row filed under another family than it says is refused.
db_fam=$(psql -X -tA -d "$db" -c "SELECT pk FROM casebook.rows WHERE tbl = 'families' AND pushed_by = 'dan'")
if as_role dan "INSERT INTO casebook.rows (tbl, pk, family_id, data, created_by) VALUES ('notes', '33333333-3333-4333-8333-333333333333', '$db_fam', '{\"id\":\"33333333-3333-4333-8333-333333333333\",\"family_id\":\"$fa\",\"created_by\":\"$dw\"}', '$dw')" 2>/dev/null; then
	echo "FAIL: dan filed a note of team A's family under his own" >&2; errors=$((errors + 1))
fi
# Claiming another worker's name is refused by the server too.
aw=$(as_role amira "SELECT casebook.my_worker()")
if as_role dan "INSERT INTO casebook.rows (tbl, pk, team_id, data, created_by) VALUES ('audit', '22222222-2222-4222-8222-222222222222', NULL, '{}', '$aw')" 2>/dev/null; then
	echo "FAIL: dan pushed a row claiming to be amira" >&2; errors=$((errors + 1))
fi

# --- conflicts: the same note corrected on two laptops --------------------
check "amira corrects the referral note" synctool correct amira.db "Amira Haddad" FS-A-1 "Amira's reading."
check "ben corrects the same note" synctool correct ben.db "Ben Okafor" FS-A-1 "Ben's reading."
for w in amira ben cara amira; do check "sync $w after the clash" casebook sync --db "$w.db"; done
for w in amira ben cara; do
	check "list conflicts on $w" casebook list conflicts --db "$w.db"
	[ "$(wc -l <"$work/out")" = 1 ] || { echo "FAIL: $w shows $(wc -l <"$work/out") conflicts" >&2; errors=$((errors + 1)); }
done
rec=$(cut -f2 "$work/out")
for w in amira ben cara; do dump "$w.db" >"$w.dump"; done
same "both versions kept everywhere (amira, ben)" amira.dump ben.dump
same "both versions kept everywhere (amira, cara)" amira.dump cara.dump
grep -c "Amira's reading" amira.dump | grep -q 1 || fail "amira's version missing"
grep -c "Ben's reading" amira.dump | grep -q 1 || fail "ben's version missing"
check "cara resolves it" casebook resolve conflict "$rec" theirs --db cara.db --as "Cara Lewis"
refuse "resolving it again" "no open conflict" casebook resolve conflict "$rec" mine --db cara.db --as "Cara Lewis"
for w in cara amira ben; do check "sync $w after resolving" casebook sync --db "$w.db"; done
for w in amira ben cara; do
	casebook list conflicts --db "$w.db" >"$work/c"
	[ -s "$work/c" ] && { echo "FAIL: $w still shows a conflict" >&2; errors=$((errors + 1)); }
	dump "$w.db" >"$w.dump"
done
same "resolved the same everywhere" amira.dump ben.dump
same "resolved the same everywhere (cara)" amira.dump cara.dump

# --- conflicts: one field of a module answered on two laptops -------------
# Two answers to one field are two records of one thing ("twins"): each
# laptop keeps the one it had first and the other aside; resolving on any
# one gives both the same new version, so every laptop shows it.
field=daily_care.working_well
check "amira answers a field" synctool answer amira.db "Amira Haddad" FS-A-1 $field "Amira's answer."
check "ben answers the same field" synctool answer ben.db "Ben Okafor" FS-A-1 $field "Ben's answer."
for w in amira ben cara amira; do check "sync $w after the answers" casebook sync --db "$w.db"; done
answer() { sqlite3 "$1" "SELECT v.value FROM answers_current v JOIN answers a ON a.id = v.answer_id WHERE a.field_key = '$field'"; }
for w in amira ben cara; do
	casebook list conflicts --db "$w.db" >"$work/c"
	grep -q "^answers	" "$work/c" || { echo "FAIL: $w does not show the answer conflict" >&2; errors=$((errors + 1)); }
	[ "$(wc -l <"$work/c")" = 1 ] || { echo "FAIL: $w shows $(wc -l <"$work/c") conflicts" >&2; errors=$((errors + 1)); }
	dump "$w.db" >"$w.dump"
done
same "both answers kept everywhere (amira, ben)" amira.dump ben.dump
same "both answers kept everywhere (amira, cara)" amira.dump cara.dump
[ "$(answer ben.db)" = "Ben's answer." ] || fail "ben's laptop lost his answer: $(answer ben.db)"
rec=$(cut -f2 "$work/c")
check "ben resolves it with amira's answer" casebook resolve conflict "$rec" theirs --db ben.db --as "Ben Okafor"
for w in ben amira cara ben; do check "sync $w after resolving the answer" casebook sync --db "$w.db"; done
for w in amira ben cara; do
	casebook list conflicts --db "$w.db" >"$work/c"
	[ -s "$work/c" ] && { echo "FAIL: $w still shows the answer conflict" >&2; errors=$((errors + 1)); }
	[ "$(answer "$w.db")" = "Amira's answer." ] || { echo "FAIL: $w shows '$(answer "$w.db")' after resolving" >&2; errors=$((errors + 1)); }
	dump "$w.db" >"$w.dump"
done
same "the answer resolved the same everywhere (amira, ben)" amira.dump ben.dump
same "the answer resolved the same everywhere (amira, cara)" amira.dump cara.dump

# --- one case reference given to two families on two laptops --------------
# Both families stand (neither is lost) and every laptop shows the clash
# until a person renames one or says they are one family.
check "amira adds FS-A-9" synctool family amira.db "Amira Haddad" FS-A-9
check "ben adds FS-A-9 too" synctool family ben.db "Ben Okafor" FS-A-9
for w in amira ben cara amira; do check "sync $w after the two FS-A-9" casebook sync --db "$w.db"; done
grep -q "1 conflict is open" "$work/out" || fail "sync does not say a conflict is open: $(cat "$work/out")"
nine() { sqlite3 "$1" "SELECT count(*) FROM families_current WHERE reference = 'FS-A-9'"; }
for w in amira ben cara; do
	casebook list conflicts --db "$w.db" >"$work/c"
	grep -q "^families	" "$work/c" || { echo "FAIL: $w does not show the shared reference" >&2; errors=$((errors + 1)); }
	[ "$(nine "$w.db")" = 2 ] || { echo "FAIL: $w holds $(nine "$w.db") families FS-A-9" >&2; errors=$((errors + 1)); }
done
rec=$(grep "^families	" "$work/c" | cut -f2)
refuse "a shared reference is not settled by mine" "correct one's reference" \
	casebook resolve conflict "$rec" mine --db cara.db --as "Cara Lewis"
check "cara says they are one family" casebook resolve conflict "$rec" same --db cara.db --as "Cara Lewis"
for w in cara amira ben; do check "sync $w after the same family" casebook sync --db "$w.db"; done
for w in amira ben cara; do
	casebook list conflicts --db "$w.db" >"$work/c"
	[ -s "$work/c" ] && { echo "FAIL: $w still shows a conflict: $(cat "$work/c")" >&2; errors=$((errors + 1)); }
	[ "$(nine "$w.db")" = 2 ] || { echo "FAIL: $w lost one of the two records of FS-A-9" >&2; errors=$((errors + 1)); }
	dump "$w.db" >"$w.dump"
done
same "the same family everywhere (amira, ben)" amira.dump ben.dump
same "the same family everywhere (amira, cara)" amira.dump cara.dump

# --- signed minutes stay signed -------------------------------------------
# A meeting written as the workbook writes it, then signed on one laptop and
# changed unsigned on another.
wid() { sqlite3 "$1" "SELECT worker_id FROM workers_current WHERE name = '$2'"; }
aw=$(wid amira.db "Amira Haddad"); bw=$(wid ben.db "Ben Okafor")
team=$(sqlite3 amira.db "SELECT team_id FROM workers_current WHERE worker_id = '$aw'")
mt=44444444-4444-4444-8444-444444444444
mversion() { # DB ROW VERSION WORKER SIGNED
	sqlite3 "$1" "INSERT INTO meeting_versions (row_id, meeting_id, version, created_at, created_by, meeting_date, chair_id, minute_taker_id, team_id, signed, signed_at, signed_by) VALUES ('$2', '$mt', $3, '2026-11-20T10:00:00.000Z', '$4', '2026-11-20', '$aw', '$aw', '$team', $5, CASE WHEN $5 = 1 THEN '2026-11-20T11:00:00.000Z' END, CASE WHEN $5 = 1 THEN '$4' END)"
}
sqlite3 amira.db "INSERT INTO meetings (id, created_at, created_by) VALUES ('$mt', '2026-11-20T10:00:00.000Z', '$aw')"
mversion amira.db 44444444-4444-4444-8444-000000000001 1 "$aw" 0
for w in amira ben; do check "sync the meeting ($w)" casebook sync --db "$w.db"; done
mversion amira.db 44444444-4444-4444-8444-000000000002 2 "$aw" 1
mversion ben.db 44444444-4444-4444-8444-000000000003 2 "$bw" 0
for w in amira ben amira; do check "sync the signed and the changed minutes ($w)" casebook sync --db "$w.db"; done
refuse "unsigning minutes by resolving" "signed minutes stay signed" \
	casebook resolve conflict "$mt" mine --db ben.db --as "Ben Okafor"
check "resolving with the signed minutes" casebook resolve conflict "$mt" theirs --db ben.db --as "Ben Okafor"
n=$(sqlite3 ben.db "SELECT signed FROM meeting_versions WHERE meeting_id = '$mt' ORDER BY version DESC LIMIT 1")
[ "$n" = 1 ] || { echo "FAIL: the minutes are not signed after resolving" >&2; errors=$((errors + 1)); }

# --- a worker moved to another team keeps unsynced changes ---------------
check "ben writes more" synctool notes ben.db "Ben Okafor" FS-A-2 2
check "ben moves to team B" casebook server move-worker ben --team "Team B" --server "$admin"
before=$(synctool status ben.db)
sum=$(sha256sum <ben.db)
refuse "ben's sync is refused" "are kept" casebook sync --db ben.db
[ "$(synctool status ben.db)" = "$before" ] || { echo "FAIL: ben's waiting changes moved" >&2; errors=$((errors + 1)); }
[ "$(sha256sum <ben.db)" = "$sum" ] || { echo "FAIL: ben's file changed" >&2; errors=$((errors + 1)); }
check "ben back in team A" casebook server move-worker ben --team "Team A" --server "$admin"
check "ben's changes go now" casebook sync --db ben.db
synctool status ben.db | grep -q "^waiting 0" || { echo "FAIL: ben still waiting" >&2; errors=$((errors + 1)); }

# --- a worker made on a laptop is not sent, and says so -------------------
# Workers are made on the server (add-worker); one added on a laptop is
# unknown there: what they wrote stays on the laptop, sync says why and
# how, and everything else still goes.
check "amira's second laptop" casebook init --db amira2.db
check "its first sync" casebook sync --db amira2.db --server "$(url amira)"
check "a worker added on the laptop" casebook add worker "Eve Local" --role social-worker --db amira2.db --as "Amira Haddad"
check "eve makes a family" synctool family amira2.db "Eve Local" FS-E-1
check "amira writes on the second laptop" synctool notes amira2.db "Amira Haddad" FS-A-2 1
check "sync with eve's changes on the laptop" casebook sync --db amira2.db
grep -q "made by Eve Local stay on this laptop: Eve Local was added here, not on the team's server; the administrator adds workers with casebook server add-worker" "$work/out" ||
	fail "sync does not say why Eve's changes stay: $(cat "$work/out")"
n=$(psql -X -tA -d "$db" -c "SELECT count(*) FROM casebook.rows WHERE data LIKE '%FS-E-1%'")
[ "$n" = 0 ] || { echo "FAIL: a laptop-made worker's family reached the server" >&2; errors=$((errors + 1)); }
n=$(psql -X -tA -d "$db" -c "SELECT count(*) FROM casebook.rows WHERE data LIKE '%Visit 1 by Amira Haddad%' AND pushed_by = 'amira' AND tbl = 'note_versions'")
[ "$n" -ge 2 ] || { echo "FAIL: amira's own changes did not go with eve's left behind ($n)" >&2; errors=$((errors + 1)); }
synctool status amira2.db | grep -q "^waiting 0" || { echo "FAIL: amira2 has her own changes waiting: $(synctool status amira2.db)" >&2; errors=$((errors + 1)); }
sqlite3 amira2.db "SELECT count(*) FROM families_current WHERE reference = 'FS-E-1'" | grep -qx 1 ||
	{ echo "FAIL: eve's family is gone from the laptop" >&2; errors=$((errors + 1)); }

# --- the meetings of a team a worker joins later ---------------------------
# Rows fetched by number pass over those the worker could not see then: a
# team joined since the last sync brings its meetings on the next one.
dwid=$(wid dan.db "Dan Price")
bteam=$(sqlite3 dan.db "SELECT team_id FROM workers_current WHERE worker_id = '$dwid'")
mb=55555555-5555-4555-8555-555555555555
sqlite3 dan.db "INSERT INTO meetings (id, created_at, created_by) VALUES ('$mb', '2026-11-21T10:00:00.000Z', '$dwid'); INSERT INTO meeting_versions (row_id, meeting_id, version, created_at, created_by, meeting_date, chair_id, minute_taker_id, team_id, signed) VALUES ('55555555-5555-4555-8555-000000000001', '$mb', 1, '2026-11-21T10:00:00.000Z', '$dwid', '2026-11-21', '$dwid', '$dwid', '$bteam', 0)"
check "dan sends team B's meeting" casebook sync --db dan.db
check "amira syncs before joining team B" casebook sync --db amira2.db
has_mb() { sqlite3 "$1" "SELECT count(*) FROM meeting_versions WHERE meeting_id = '$mb'"; }
[ "$(has_mb amira2.db)" = 0 ] || { echo "FAIL: amira holds team B's meeting before joining" >&2; errors=$((errors + 1)); }
check "amira joins team B too" casebook server add-worker "Amira Haddad" --role social-worker --team "Team B" --login amira --server "$admin"
check "amira syncs after joining team B" casebook sync --db amira2.db
[ "$(has_mb amira2.db)" = 1 ] || { echo "FAIL: amira's laptop did not fetch team B's meeting" >&2; errors=$((errors + 1)); }

# --- bad input on sync leaves the laptop's file as it was ----------------
sum=$(sha256sum <amira.db)
refuse "sync to nowhere" "could not reach" casebook sync --db amira.db --server "host=127.0.0.1 port=1 connect_timeout=3"
refuse "sync with a wrong password" "check the password" casebook sync --db amira.db --server "host=$PGHOST port=$PGPORT dbname=$db user=amira password=nope"
refuse "sync to a newer server" "newer than this casebook" casebook sync --db amira.db --server "dbname=other"
psql -q -X -d postgres -c "CREATE DATABASE empty" >/dev/null
refuse "sync to a database without casebook" "server init first" casebook sync --db amira.db --server "dbname=empty"
[ "$(sha256sum <amira.db)" = "$sum" ] || { echo "FAIL: a failed sync changed amira's file" >&2; errors=$((errors + 1)); }
check "amira syncs with the remembered server" casebook sync --db amira.db

[ "$errors" -eq 0 ] || { echo "server: $errors failures" >&2; exit 1; }
echo "server: ok"
