# SPDX-License-Identifier: MIT
# Backups are encrypted by default (Argon2id and XChaCha20-Poly1305, with
# libsodium); restore checks everything before it replaces anything, and
# keeps the old file aside. The passphrase comes from a file descriptor
# here, as a script would give it; never from the command line.
casebook init --db live.db >/dev/null
casebook import "$TOP_SRCDIR"/data/sample/00-team.yaml "$TOP_SRCDIR"/data/sample/10-price.yaml \
	--db live.db >/dev/null
printf 'correct horse battery staple\n' >pass
printf 'not the passphrase\n' >wrong
sqlite3 live.db .dump >before.sql
run sh -c '"$CASEBOOK" backup --to copies/live.cbk --db live.db --passphrase-fd 3 3<pass'
run stat -c '%a' copies/live.cbk
run head -c 10 copies/live.cbk
echo
# Nothing of the record is readable in the file.
run sh -c 'grep -c "Price" copies/live.cbk'

# A round trip: the restored database is the one backed up, to the row.
run sh -c '"$CASEBOOK" restore --from copies/live.cbk --db restored.db --passphrase-fd 3 3<pass'
sqlite3 restored.db .dump | grep -v "'restore','database'" >after.sql
run cmp before.sql after.sql
run sqlite3 restored.db "SELECT action, detail FROM audit WHERE action = 'restore'"
run sqlite3 restored.db 'PRAGMA integrity_check'

# Refused, with nothing changed: a wrong passphrase, a changed byte, a cut
# file, a backup from a newer casebook.
cp restored.db restored.orig
run sh -c '"$CASEBOOK" restore --from copies/live.cbk --db restored.db --passphrase-fd 3 3<wrong'
cp copies/live.cbk flipped.cbk
b=$(od -An -tu1 -j 300000 -N1 flipped.cbk | tr -d ' ')
printf "$(printf '\\%03o' $(((b + 1) % 256)))" | dd of=flipped.cbk bs=1 seek=300000 conv=notrunc 2>/dev/null
run sh -c '"$CASEBOOK" restore --from flipped.cbk --db restored.db --passphrase-fd 3 3<pass'
head -c -100 copies/live.cbk >cut.cbk
run sh -c '"$CASEBOOK" restore --from cut.cbk --db restored.db --passphrase-fd 3 3<pass'
head -c 64 copies/live.cbk >header-only.cbk
run sh -c '"$CASEBOOK" restore --from header-only.cbk --db restored.db --passphrase-fd 3 3<pass'
cp copies/live.cbk newer.cbk
printf '\002' | dd of=newer.cbk bs=1 seek=8 conv=notrunc 2>/dev/null
run sh -c '"$CASEBOOK" restore --from newer.cbk --db restored.db --passphrase-fd 3 3<pass'
run casebook restore --from nowhere.cbk --db restored.db
run cmp restored.db restored.orig
run sh -c 'ls | grep -c before-restore'

# A database with changes newer than the backup is not replaced unless
# told; then the old file is kept aside.
casebook add worker "Ola Nowak" --role social-worker --db restored.db >/dev/null
cp restored.db restored.orig
run sh -c '"$CASEBOOK" restore --from copies/live.cbk --db restored.db --passphrase-fd 3 3<pass 2>&1 | sed "s/at [0-9T:.Z-]*)/at <time>)/"'
run cmp restored.db restored.orig
run sh -c '"$CASEBOOK" restore --from copies/live.cbk --db restored.db --force --passphrase-fd 3 3<pass | sed "s/before-restore-.*/before-restore-<time>/"'
run sh -c 'cmp restored.orig restored.db.before-restore-*'
run sh -c 'casebook() { "$CASEBOOK" "$@"; }; casebook list workers --db restored.db | grep -c Ola'

# The passphrase: never on the command line, long enough, and asked on the
# terminal when there is no --passphrase-fd (here there is no terminal).
printf 'short\n' >short
run sh -c '"$CASEBOOK" backup --to short.cbk --db live.db --passphrase-fd 3 3<short'
run sh -c 'setsid -w "$CASEBOOK" backup --to notty.cbk --db live.db </dev/null'
run casebook backup --to x.cbk --db live.db --passphrase-fd abc
run casebook backup --to x.cbk --db live.db --passphrase-fd 0 --plain
run sh -c 'ls *.cbk copies'

# A plain copy is an explicit choice, and the audit says so.
run casebook backup --to plain.db --plain --db live.db
run casebook restore --from plain.db --db from-plain.db
run sqlite3 live.db "SELECT action, detail FROM audit WHERE action = 'backup' ORDER BY rowid"
