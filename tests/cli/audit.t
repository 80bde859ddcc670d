# SPDX-License-Identifier: MIT
# The audit records the worker and the login (OS user) for every change
# and every look; `casebook audit` answers "who looked at this family".
# The time column differs on each run, and the login on each machine.
audit() {
	"$CASEBOOK" audit "$@" >out.txt 2>&1
	rc=$?
	if [ "${csv:-}" = 1 ]; then
		sed -e '1!s/^[^,]*,//' -e "s/,$(id -un),/,<login>,/" out.txt
	else
		cut -f2- out.txt | sed -e "s/	$(id -un)	/	<login>	/"
	fi
	return $rc
}
casebook init --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/00-team.yaml "$TOP_SRCDIR"/data/sample/10-price.yaml \
	--db t.db >/dev/null
# The first worker this login chooses is linked to it.
run sh -c '"$CASEBOOK" show family FS-26-0142 --db t.db --as "Imran Chaudhry" >/dev/null'
# Someone else needs --switch, which is recorded.
run casebook export family FS-26-0142 --format txt --db t.db --as "Grace Adeyemi"
run sh -c '"$CASEBOOK" export family FS-26-0142 --format txt --db t.db --as "Grace Adeyemi" --switch >/dev/null'
# Without --as, the login's own worker.
run sh -c '"$CASEBOOK" show family FS-26-0142 --db t.db >/dev/null'
run sh -c '"$CASEBOOK" list families --db t.db >/dev/null'
run sh -c '"$CASEBOOK" backup --to copy.db --db t.db >/dev/null'
# What was done to the family (the import's entries, counted) and who
# looked at it.
run sh -c '"$CASEBOOK" audit --family FS-26-0142 --db t.db | grep -c "	create	"'
audit --family FS-26-0142 --db t.db >family.txt
run grep -v "	create	" family.txt
run audit --worker "Grace Adeyemi" --from 2000-01-01 --to 2999-12-31 --db t.db
run audit --from 2999-01-01 --db t.db
csv=1
audit --worker "Imran Chaudhry" --format csv --db t.db >imran.csv
csv=
run grep -v ",create," imran.csv
# Every look at the audit is recorded too.
run sqlite3 t.db "SELECT action, entity, detail FROM audit WHERE entity IN ('audit') OR detail LIKE 'family=%' ORDER BY rowid"
# Bad input: a clear line, nothing shown.
run casebook audit --from 2026-02-30 --db t.db
run casebook audit --from 2026-12-01 --to 2026-11-01 --db t.db
run casebook audit --format xml --db t.db
run casebook audit --family FS-00-0000 --db t.db
run casebook audit --worker "Nobody Here" --db t.db
# The audit and the links are append-only.
run sqlite3 t.db "DELETE FROM audit"
run sqlite3 t.db "UPDATE os_links SET worker_id = worker_id"
