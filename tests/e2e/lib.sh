# SPDX-License-Identifier: MIT
# Shared by the end-to-end tests: the real casebook in a private tmux
# server at 80x24 with LANG=C.UTF-8. Poll the screen, never sleep blindly.
# Source it; it sources tests/lib.sh (scratch $work, a home of its own).
. "$TOP_SRCDIR/tests/lib.sh"

need tmux
sock="$work/tmux.sock"
T() { tmux -S "$sock" "$@"; }
e2e_cleanup() { T kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap e2e_cleanup EXIT INT TERM

# start_casebook [ARGS...]: run casebook in the terminal. Its pid goes to
# $work/pid; when it ends, "casebook exited N" shows on the screen.
# E2E_LANG and E2E_TERM change the locale and the terminal type,
# E2E_LANGUAGE the language of the messages; with
# E2E_CAPTURE=FILE every byte casebook writes to the terminal is also
# kept in FILE (through script(1)).
start_casebook() {
	{
		echo '#!/bin/sh'
		printf 'export HOME=%s XDG_DATA_HOME=%s XDG_CONFIG_HOME=%s\n' \
			"'$HOME'" "'$XDG_DATA_HOME'" "'$XDG_CONFIG_HOME'"
		printf 'export CASEBOOK_DATADIR=%s LANG=%s LC_ALL=%s TERM=%s\n' \
			"'$CASEBOOK_DATADIR'" "${E2E_LANG:-C.UTF-8}" "${E2E_LANG:-C.UTF-8}" \
			"${E2E_TERM:-screen}"
		# E2E_LANGUAGE: the messages' language (LANGUAGE), from the
		# catalogues the build compiled.
		printf 'export LANGUAGE=%s CASEBOOK_LOCALEDIR=%s\n' "'${E2E_LANGUAGE:-}'" \
			"'${CASEBOOK_LOCALEDIR:-}'"
		[ -n "${CASEBOOK_TODAY:-}" ] && printf 'export CASEBOOK_TODAY=%s\n' "$CASEBOOK_TODAY"
		[ -n "${NO_COLOR:-}" ] && printf 'export NO_COLOR=1\n'
		[ -n "${ASAN_OPTIONS:-}" ] && printf 'export ASAN_OPTIONS=%s\n' "'$ASAN_OPTIONS'"
		[ -n "${UBSAN_OPTIONS:-}" ] && printf 'export UBSAN_OPTIONS=%s\n' "'$UBSAN_OPTIONS'"
		# More environment a test needs, such as pam.sh's PAM set-up.
		[ -n "${E2E_ENV:-}" ] && printf 'export %s\n' "$E2E_ENV"
		if [ -n "${E2E_CAPTURE:-}" ]; then
			printf "script -qefc '%s' '%s'\n" "$work/inner.sh" "$E2E_CAPTURE"
		else
			printf "'%s'\n" "$work/inner.sh"
		fi
		# On a line of its own: a killed casebook leaves the cursor
		# anywhere, and a message begun near the right edge would wrap.
		echo 'rc=$?; printf "\\r\\ncasebook exited %s\\r\\n" "$rc"'
		echo 'sleep 600'
	} >"$work/run.sh"
	{
		echo '#!/bin/sh'
		# The shell records its pid and becomes casebook, so the pid is
		# casebook's own and run.sh lives on to report.
		printf '%s' "echo \$\$ >'$work/pid'; exec "
		printf "'%s'" "$CASEBOOK"
		for a in "$@"; do printf " '%s'" "$a"; done
		printf ' 2>%s\n' "'$work/stderr'"
	} >"$work/inner.sh"
	chmod +x "$work/inner.sh"
	chmod +x "$work/run.sh"
	rm -f "$work/pid"
	if T has-session -t cb 2>/dev/null; then
		T respawn-pane -k -t cb "$work/run.sh"
	else
		T -f /dev/null new-session -d -s cb -x 80 -y 24 "$work/run.sh"
		T set-option -t cb status off >/dev/null
	fi
}

send() { T send-keys -t cb "$@"; }
# type TEXT: literal text, UTF-8 and all.
type_text() { T send-keys -t cb -l "$1"; }
screen() { T capture-pane -t cb -p; }
resize() { T resize-window -t cb -x "$1" -y "$2"; }

# wait_for TEXT [SECONDS]: until TEXT is on the screen, or fail showing it.
wait_for() {
	_n=$(( ${2:-10} * 10 ))
	while [ "$_n" -gt 0 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	echo "FAIL: '$1' did not appear. The screen:"
	screen
	[ -s "$work/stderr" ] && { echo "stderr:"; cat "$work/stderr"; }
	exit 1
}

# wait_gone TEXT [SECONDS]: until TEXT has left the screen.
wait_gone() {
	_n=$(( ${2:-10} * 10 ))
	while [ "$_n" -gt 0 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	echo "FAIL: '$1' is still on the screen:"
	screen
	exit 1
}

# Fail unless the screen shows TEXT right now.
expect() { screen | grep -qF -- "$1" || { echo "FAIL: expected '$1' on:"; screen; exit 1; }; }
refute() { if screen | grep -qF -- "$1"; then echo "FAIL: did not expect '$1' on:"; screen; exit 1; fi; }

# quit_casebook: leave cleanly and check the exit status and stderr.
quit_casebook() {
	send F10
	wait_for "Quit casebook?"
	send y
	wait_for "casebook exited 0"
	if [ -s "$work/stderr" ]; then
		echo "FAIL: casebook wrote to stderr:"
		cat "$work/stderr"
		exit 1
	fi
}

# Setting up and getting about, shared so that each test says only what
# is its own.

# import_db FILE: a new database, $db, with FILE (the import format,
# casebook-import(5)) imported into it. Today is CASEBOOK_TODAY, the
# 20th of November 2026 unless the test set another.
import_db() {
	CASEBOOK_TODAY=${CASEBOOK_TODAY:-2026-11-20}
	export CASEBOOK_TODAY
	db="$work/t.db"
	casebook init --db "$db" >/dev/null || fail "init"
	casebook import "$1" --db "$db" >/dev/null || fail "$1 did not import"
}

# team_yaml: the start of an import file with a team and its workers: a
# team manager who chairs supervision, a business support officer who
# minutes it, a social worker, a domestic abuse practitioner and a child
# practitioner. The families and meetings follow it.
team_yaml() {
	cat <<'YAML'
casebook: 1
as_of: 2026-11-20
team:
  id: 5b0c1a52-2f0e-4a39-9d3e-6a1f7c2b9e01
  name: Test Team
workers:
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000001, name: Grace Adeyemi, role: team-manager, team: 5b0c1a52-2f0e-4a39-9d3e-6a1f7c2b9e01}
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000002, name: Mei Ling Chan, role: business-support, team: 5b0c1a52-2f0e-4a39-9d3e-6a1f7c2b9e01}
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, name: Imran Chaudhry, role: social-worker, team: 5b0c1a52-2f0e-4a39-9d3e-6a1f7c2b9e01}
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000004, name: Marisol Ortega, role: da-victim-practitioner, team: 5b0c1a52-2f0e-4a39-9d3e-6a1f7c2b9e01}
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000005, name: Priya Raman, role: child-practitioner, team: 5b0c1a52-2f0e-4a39-9d3e-6a1f7c2b9e01}
YAML
}

# price_yaml: the start of an import file with three workers (a team
# manager who chairs supervision, a business support officer who minutes
# it, a social worker) and the Price family (a parent and a child),
# allocated to the social worker. Its meetings follow it.
price_yaml() {
	cat <<'YAML'
casebook: 1
as_of: 2026-11-20
workers:
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000001, name: Grace Adeyemi, role: team-manager}
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000002, name: Mei Ling Chan, role: business-support}
  - {id: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, name: Imran Chaudhry, role: social-worker}
families:
  - id: 0a1b2c3d-0000-4000-8000-00000000a001
    reference: "FS-26-0001"
    name: Price family
    by: 7f4d0b1e-1c2a-4e55-9a0b-000000000003
    opened: 2026-03-17
    members:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a011, name: Zoë Price, born: 1994-05-17, role: parent}
      - {id: 0a1b2c3d-0000-4000-8000-00000000a013, name: Ellie-Mae Price, born: 2017-02-11, role: child}
    allocations:
      - {id: 0a1b2c3d-0000-4000-8000-00000000a021, worker: 7f4d0b1e-1c2a-4e55-9a0b-000000000003, role: social-worker, from: 2026-03-17}
YAML
}

# open_family NAME: on the caseload, Enter on the family selected, which
# must be NAME's; waits for its record.
open_family() {
	wait_for "$1"
	send Enter
	wait_for "Family record: $1"
}

# open_meeting DATE: from the caseload, the supervision meetings, Enter
# on the one selected (the newest), which must be the draft of DATE;
# waits for its agenda.
open_meeting() {
	wait_for "Caseload"
	send m
	wait_for "Group supervision meetings"
	send Enter
	wait_for "Group supervision of $1 (draft)"
}

# open_new_note: from the caseload to an empty new note for the family
# under the cursor (a case note dated today, not significant). Shared by
# the drafts, signals and terminal tests.
open_new_note() {
	send Enter
	wait_for "Family record"
	new_note
}

# new_note: from a family record, the same empty new note.
new_note() {
	send n
	wait_for "Case notes"
	send a
	wait_for "What kind of note?"
	send Enter
	wait_for "When did it happen?"
	send Enter
	wait_for "significant event"
	send n
	wait_for "New note"
}
