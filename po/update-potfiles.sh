#!/bin/sh
# SPDX-License-Identifier: MIT
# Write po/POTFILES.in: every C source that marks a string for translation
# with _(), N_() or ngettext(). 'make update-po' runs this first, so a new
# file is never left out of the catalogue; tests/i18n/pot.sh checks it.
#
#   po/update-potfiles.sh [SRCDIR]     (prints to standard output)
set -eu
top=${1:-$(dirname "$0")/..}
cd "$top"
printf '%s\n' '# Sources with strings to translate. Written by po/update-potfiles.sh' \
	'# (make update-po runs it): do not edit by hand.'
grep -rlE '(^|[^A-Za-z0-9_])(N?_|ngettext)\(' src include --include='*.c' --include='*.h' |
	grep -v '^include/casebook/i18n\.h$' | LC_ALL=C sort
