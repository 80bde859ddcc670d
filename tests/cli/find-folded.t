# SPDX-License-Identifier: MIT
# Families and workers are found however their names and references are
# typed: in any case, with or without accents. The sample families.
casebook init --db t.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null
run sh -c '"$CASEBOOK" show family fs-26-0142 --db t.db | head -1'
run sh -c '"$CASEBOOK" show family FS-26-0391 --db t.db | head -1'
run sh -c '"$CASEBOOK" show family fs-26-0391 --db t.db | head -1'
run casebook show family fs-26-039 --db t.db
run sh -c '"$CASEBOOK" export family fs-25-0731 --format txt --db t.db --as "KATARZYNA ZIELIŃSKA" | head -1'
run sh -c '"$CASEBOOK" export family FS-25-0731 --format txt --db t.db --as zielinska | head -1'
run casebook export family FS-25-0731 --format txt --db t.db --as ra
run casebook export family FS-25-0731 --format txt --db t.db --as "Nobody Here"
# The audit trail names the worker found by the folded name.
run sh -c 'sqlite3 t.db "SELECT w.name FROM audit a JOIN worker_versions w ON w.worker_id = a.created_by WHERE a.action = '\''export'\''"'
# A reference that differs only in case from one in use is refused.
cat >dup.yaml <<'YAML'
casebook: 1
families:
  - id: 5d0d3f2e-1c1b-4c33-9d51-0a6f9b1e2c99
    reference: fs-26-0142
    name: Another family
YAML
run casebook import dup.yaml --db t.db
