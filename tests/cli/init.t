# SPDX-License-Identifier: MIT
# init makes a private database; doing it again changes nothing.
run casebook init --db cases/team.db
run stat -c '%a %n' cases cases/team.db
run casebook init --db cases/team.db
run casebook list families --db cases/team.db
run casebook list workers --db cases/team.db
# With no --db the database lives under XDG_DATA_HOME.
run casebook init
run stat -c '%a' "$XDG_DATA_HOME/casebook" "$XDG_DATA_HOME/casebook/casebook.db"
run sqlite3 "$XDG_DATA_HOME/casebook/casebook.db" 'PRAGMA user_version; PRAGMA journal_mode'
# A folder that was already there, open to others, is left as it is but
# said; an empty file given to init is made private.
mkdir -m 755 shared
: >shared/team.db
chmod 644 shared/team.db
run casebook init --db shared/team.db
run stat -c '%a %n' shared shared/team.db
