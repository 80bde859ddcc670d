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

# Which layer a public header belongs to, by name (sets dep).
header_layer() {
	case $1 in
	store*.h) dep=store ;;
	workbook*.h) dep=workbook ;;
	export*.h) dep=export ;;
	ui*.h) dep=ui ;;
	cli*.h) dep=cli ;;
	err.h | mem.h | str.h | text.h | utf8.h | vec.h | date.h | uuid.h | diag.h | i18n.h) dep=core ;;
	*) dep=model ;;
	esac
}

# What each layer may include, besides itself (sets ok).
allowed() {
	case $1 in
	core) ok="core" ;;
	model) ok="core model" ;;
	store) ok="core model store" ;;
	workbook) ok="core model workbook" ;;
	export) ok="core model store export" ;;
	ui) ok="core model store workbook export ui" ;;
	cli) ok="core model store workbook export ui cli" ;;
	esac
}

# Every include of every file, as "FILE HEADER", in one pass (a fork a
# line made this the slowest test), then judged without forking.
files=$(find src include -name '*.[ch]' | sort)
out=$(
	for f in $files; do
		case $f in
		src/core/* | src/model/* | src/store/* | src/workbook/* | src/export/* | src/ui/* | \
			src/cli/* | include/casebook/*) ;;
		*) echo "$f: not in a known layer" ;;
		esac
	done
	# shellcheck disable=SC2086
	grep -HE '^[[:space:]]*#[[:space:]]*include' $files /dev/null |
		sed -E 's/^([^:]*):[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*)[>"].*/\1 \2/' |
		while read -r file inc; do
			case $file in
			src/core/*) layer=core ;;
			src/model/*) layer=model ;;
			src/store/*) layer=store ;;
			src/workbook/*) layer=workbook ;;
			src/export/*) layer=export ;;
			src/ui/*) layer=ui ;;
			src/cli/*) layer=cli ;;
			include/casebook/*) header_layer "${file##*/}"; layer=$dep ;;
			*) continue ;;
			esac
			allowed "$layer"
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
				header_layer "${inc#casebook/}"
				case " $ok " in
				*" $dep "*) ;;
				*) echo "$file: the $layer layer includes $inc ($dep)" ;;
				esac ;;
			esac
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
