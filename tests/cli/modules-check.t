# SPDX-License-Identifier: MIT
# modules check: every problem in module files, as FILE:LINE:COLUMN, and
# a one-line summary; exit 1 when there is any.
mkdir -p share/modules
ln -s "$TOP_SRCDIR/data" share/data
cp "$TOP_SRCDIR"/modules/*.yaml share/modules/
CASEBOOK_DATADIR=$work/share
export CASEBOOK_DATADIR
run casebook modules check
run casebook modules check share/modules/basic-care.yaml
run casebook modules check share/modules

# One file with mistakes of several kinds: each is reported.
cat >mistakes.yaml <<'END'
id: Family Time
version: 0
order: 9
title: Family time
purpos: Time together.
led_by: [family-suport-worker]
sections:
  - id: plans
    title: Plans
    applies_to: famliy
    fields:
      - id: next
        type: long-text
        label: What we will do together next
      - id: next
        type: scale
        label: How much the children enjoy it
        min: 0
        max: 10
        anchors: {0: "Not at all", 5: "Quite a lot"}
      - id: kind
        type: longtext
        label: What kind of time
        choices: [outdoors, indoors]
END
run casebook modules check mistakes.yaml

# Files that are not YAML at all, and files that are not there.
printf 'id: tabs\nsections:\n\t- id: x\n' >tabs.yaml
printf 'title: Zo\353\n' >latin1.yaml
: >empty.yaml
run casebook modules check tabs.yaml latin1.yaml empty.yaml missing.yaml

# A folder: every *.yaml file in it; two files with one id are both told.
mkdir dupes
cp share/modules/basic-care.yaml dupes/a.yaml
cp share/modules/basic-care.yaml dupes/b.yaml
echo 'not a module' >dupes/readme.txt
run casebook modules check dupes

# With no path: the programme in use, --modules included.
run casebook modules check --modules dupes
sed 's/^id: supervision$/id: minutes/' share/modules/supervision.yaml >dupes/minutes.yaml
rm dupes/b.yaml
run casebook modules check --modules dupes

# With a database: a module must not be older than the answers recorded
# under it.
casebook init --db t.db >/dev/null
run casebook modules check --db t.db
sqlite3 t.db "INSERT INTO answers (id, created_at, created_by, family_id, module_id, field_key)
	VALUES ('00000000-0000-4000-8000-000000000001', '2026-11-20T10:00:00Z',
	        '00000000-0000-4000-8000-000000000009', '00000000-0000-4000-8000-000000000002',
	        'basic-care', 'daily_care.worries');
	INSERT INTO answer_versions (row_id, answer_id, version, created_at, created_by,
	        module_version, value, answered_on)
	VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 1,
	        '2026-11-20T10:00:00Z', '00000000-0000-4000-8000-000000000009', 2, 'x',
	        '2026-11-20');
	INSERT INTO answers (id, created_at, created_by, family_id, module_id, field_key)
	VALUES ('00000000-0000-4000-8000-000000000004', '2026-11-20T10:00:00Z',
	        '00000000-0000-4000-8000-000000000009', '00000000-0000-4000-8000-000000000002',
	        'retired-module', 'a.b');
	INSERT INTO answer_versions (row_id, answer_id, version, created_at, created_by,
	        module_version, value, answered_on)
	VALUES ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000004', 1,
	        '2026-11-20T10:00:00Z', '00000000-0000-4000-8000-000000000009', 5, 'x',
	        '2026-11-20');"
run casebook modules check --db t.db
# Answers under a module that has gone are no problem: they show as retired.
# Raising the version is the fix.
mkdir raised
sed 's/^version: 1$/version: 2/' share/modules/basic-care.yaml >raised/basic-care.yaml
run casebook modules check --db t.db --modules raised
# A database that is not one is reported, and left as it was.
run casebook modules check --db latin1.yaml
