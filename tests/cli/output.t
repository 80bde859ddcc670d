# SPDX-License-Identifier: MIT
# Output that scripts can trust: a command that cannot write its output
# (a full disk, a closed standard output) says so in one line on
# standard error and exits 1. The output is UTF-8 whatever the locale.
# The workbook needs a terminal and says so, creating nothing.
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db t.db >/dev/null

# to_full CMD...: run CMD with its output going to /dev/full.
to_full() {
	printf '$ %s >/dev/full\n' "$*"
	"$@" >/dev/full 2>err
	rc=$?
	cat err
	printf '[exit %d]\n' $rc
}
to_full casebook list families --db t.db
to_full casebook list workers --db t.db
to_full casebook list meetings --db t.db
to_full casebook show family FS-26-0142 --db t.db
to_full casebook export family FS-26-0142 --format md --db t.db
to_full casebook modules list
to_full casebook --help
to_full casebook --version
printf '$ casebook list workers --db t.db >&-\n'
casebook list workers --db t.db >&- 2>err
rc=$?
cat err
printf '[exit %d]\n' $rc

# LANG=C or a Latin-1 locale: the same UTF-8 bytes, lined up the same.
casebook list workers --db t.db >utf8.txt
casebook show family FS-26-0142 --db t.db >show-utf8.txt
LANG=C LC_ALL=C casebook list workers --db t.db >c.txt
LANG=C LC_ALL=C casebook show family FS-26-0142 --db t.db >show-c.txt
run cmp utf8.txt c.txt
run cmp show-utf8.txt show-c.txt
run grep -c 'Zieli' c.txt

# No terminal: one line pointing to the commands, nothing created, and
# no spinning.
run casebook --db new.db </dev/null
run test -e new.db
