#!/bin/sh
# SPDX-License-Identifier: MIT
# The layering rule of design.md, checked on every include in src/ and
# include/: only src/store sees SQLite, only src/workbook sees YAML, only
# src/ui sees curses; model and core know nothing of storage, YAML or the
# terminal; nothing depends on ui or cli (cli may start the ui); libpq only
# in the server part of the store, src/store/pg_*.c.
set -u
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
self="$TOP_SRCDIR/tests/layering.sh"
root=${LAYERING_ROOT:-$TOP_SRCDIR}
cd "$root" || exit 99
bad=0
complain() { printf 'layering: %s\n' "$*"; bad=1; }

# Which layer a public header belongs to, by name.
header_layer() {
	case $1 in
	store*.h) echo store ;;
	workbook*.h) echo workbook ;;
	export*.h) echo export ;;
	ui*.h) echo ui ;;
	cli*.h) echo cli ;;
	err.h | mem.h | str.h | text.h | utf8.h | vec.h | date.h | uuid.h | diag.h | i18n.h) echo core ;;
	*) echo model ;;
	esac
}

# What each layer may include, besides itself.
allowed() {
	case $1 in
	core) echo "core" ;;
	model) echo "core model" ;;
	store) echo "core model store" ;;
	workbook) echo "core model workbook" ;;
	export) echo "core model store export" ;;
	ui) echo "core model store workbook export ui" ;;
	cli) echo "core model store workbook export ui cli" ;;
	esac
}

check_file() {
	file=$1
	layer=$2
	ok=$(allowed "$layer")
	grep -nE '^[[:space:]]*#[[:space:]]*include' "$file" | while IFS= read -r line; do
		inc=$(printf '%s' "$line" | sed -E 's/.*#[[:space:]]*include[[:space:]]*[<"]([^>"]*)[>"].*/\1/')
		case $inc in
		sqlite3.h | sqlcipher/sqlite3.h)
			[ "$layer" = store ] || echo "$file: <$inc> outside src/store" ;;
		yaml.h)
			[ "$layer" = workbook ] || echo "$file: <$inc> outside src/workbook" ;;
		libpq-fe.h | postgresql/libpq-fe.h)
			case $file in
			src/store/pg_*) ;;
			*) echo "$file: <$inc> outside src/store/pg_*" ;;
			esac ;;
		curses.h | ncurses.h | ncursesw/curses.h | ncursesw/ncurses.h | term.h)
			[ "$layer" = ui ] || echo "$file: <$inc> outside src/ui" ;;
		casebook/*)
			dep=$(header_layer "${inc#casebook/}")
			case " $ok " in
			*" $dep "*) ;;
			*) echo "$file: the $layer layer includes $inc ($dep)" ;;
			esac ;;
		esac
	done
}

out=$(
	for f in $(find src include -name '*.[ch]' | sort); do
		case $f in
		src/core/*) l=core ;;
		src/model/*) l=model ;;
		src/store/*) l=store ;;
		src/workbook/*) l=workbook ;;
		src/export/*) l=export ;;
		src/ui/*) l=ui ;;
		src/cli/*) l=cli ;;
		include/casebook/*) l=$(header_layer "$(basename "$f")") ;;
		*) echo "$f: not in a known layer"; continue ;;
		esac
		check_file "$f" "$l"
	done
)
if [ -n "$out" ]; then
	printf '%s\n' "$out" | while IFS= read -r l; do complain "$l"; done
	exit 1
fi
# The rule must actually see the files it guards.
[ -n "$(find src/store -name '*.c')" ] || { echo "layering: src/store is empty?"; exit 1; }
# And the check must be able to fail: a tree that breaks each rule once.
if [ -z "${LAYERING_ROOT:-}" ]; then
	t=$(mktemp -d)
	mkdir -p "$t/src/model" "$t/src/core" "$t/src/store" "$t/include/casebook"
	echo '#include <sqlite3.h>' >"$t/src/model/a.c"
	echo '#include "casebook/store.h"' >"$t/src/core/b.c"
	echo '#include <curses.h>' >"$t/src/store/c.c"
	echo '#include <libpq-fe.h>' >"$t/src/store/d.c"
	msgs=$(LAYERING_ROOT=$t sh "$self" 2>&1)
	status=$?
	rm -rf "$t"
	n=$(printf '%s\n' "$msgs" | grep -c '^layering: src/')
	if [ $status -eq 0 ] || [ "$n" -ne 4 ]; then
		echo "layering: the check did not catch a broken tree:"
		printf '%s\n' "$msgs"
		exit 1
	fi
fi
echo "layering: ok"
exit 0
