# SPDX-License-Identifier: MIT
# Shared by the shell tests: a private scratch folder and a home of its
# own, so no test can touch a real database. Source it; it sets $work.
: "${CASEBOOK:?run the tests with make check}"
: "${TOP_SRCDIR:?run the tests with make check}"
work=$(mktemp -d "${TMPDIR:-/tmp}/casebook-t.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT INT TERM
HOME="$work/home"
XDG_DATA_HOME="$work/home/.local/share"
XDG_CONFIG_HOME="$work/home/.config"
# Where the audit of a database that can only be read waits.
XDG_STATE_HOME="$work/home/.local/state"
# No configuration of the machine's (/etc/casebook, /etc/xdg) either.
XDG_CONFIG_DIRS="$work/xdg"
CASEBOOK_SYSCONFDIR="$work/etc"
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CONFIG_DIRS CASEBOOK_SYSCONFDIR
unset EDITOR VISUAL
# Nor the caller's runtime folder: training copies and the like go under
# TMPDIR, as on a machine without one (a package build's is a long path
# that changes how the screens wrap).
unset XDG_RUNTIME_DIR
mkdir -p "$HOME"
casebook() { "$CASEBOOK" "$@"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
# need PROGRAM...: skip the test (exit 77, which make check counts as
# SKIP) when a program it uses is not installed, and say which.
need() {
	for p in "$@"; do
		command -v "$p" >/dev/null 2>&1 || { printf '%s is not installed: skipped\n' "$p"; exit 77; }
	done
}
