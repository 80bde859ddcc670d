#!/bin/sh
# SPDX-License-Identifier: MIT
# The lost update of issue 10, with two workbooks open on one database:
# A and B correct the same note; A saves first; B's Ctrl-S is refused,
# the text is kept as a draft at once (nothing is asked yet) and B opens
# the note again. The draft was written against the old
# version, so casebook shows both texts and asks, instead of letting
# Ctrl-S save B's text over A's. Merging keeps both; taking theirs
# drops the draft; keeping mine saves it as a new version over A's.
. "$TOP_SRCDIR/tests/e2e/lib.sh"

db="$work/t.db"
casebook import "$TOP_SRCDIR"/data/sample/*.yaml --db "$db" >/dev/null ||
	fail "the sample families could not be imported"
q() { sqlite3 "$db" "$1"; }

# A runs in a second tmux session, "a", beside lib.sh's "cb" (B).
start_a() {
	{
		echo '#!/bin/sh'
		printf 'export HOME=%s XDG_DATA_HOME=%s XDG_CONFIG_HOME=%s\n' \
			"'$HOME'" "'$XDG_DATA_HOME'" "'$XDG_CONFIG_HOME'"
		printf 'export CASEBOOK_DATADIR=%s LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen\n' \
			"'$CASEBOOK_DATADIR'"
		printf "'%s' --db '%s' --as 'Kwame Mensah' --switch 2>'%s'\n" "$CASEBOOK" "$db" "$work/a-stderr"
		echo 'echo "casebook exited $?"'
		echo 'sleep 600'
	} >"$work/a-run.sh"
	chmod +x "$work/a-run.sh"
	if T has-session -t a 2>/dev/null; then
		T respawn-pane -k -t a "$work/a-run.sh"
	else
		T new-session -d -s a -x 80 -y 24 "$work/a-run.sh"
	fi
}
send_a() { T send-keys -t a "$@"; }
wait_a() {
	_n=100
	while [ "$_n" -gt 0 ]; do
		T capture-pane -t a -p | grep -qF -- "$1" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	echo "FAIL: '$1' did not appear for A:"
	T capture-pane -t a -p
	exit 1
}

# correct WHO SESSION-SENDER WAITER: open the newest note of the Price
# family for correcting (both workers have only that family).
open_correction_b() {
	wait_for "Caseload"
	send Enter
	wait_for "Family record"
	send n
	wait_for "Case notes"
	send e
	wait_for "Correcting a note"
}

# round CHOICE (Up-presses from the merge choice) MARK
round() {
	mark=$2
	start_casebook --db "$db" --as "Marisol Ortega"
	open_correction_b
	note=$(q "SELECT note_id FROM notes_current nc JOIN notes n ON n.id = nc.note_id
	          JOIN families_current f ON f.family_id = n.family_id
	          WHERE f.name LIKE 'Price%' ORDER BY nc.note_date DESC, n.created_at DESC LIMIT 1")
	send C-End
	type_text " B$mark-wrote-this"

	start_a
	wait_a "Caseload"
	send_a Enter
	wait_a "Family record"
	send_a n
	wait_a "Case notes"
	send_a e
	wait_a "Correcting a note"
	send_a C-End
	T send-keys -t a -l " A$mark-wrote-this"
	send_a C-s
	wait_a "Corrected: version"
	versions=$(q "SELECT count(*) FROM note_versions WHERE note_id = '$note'")

	# B saves: refused first, clearly, with the text kept as a draft and
	# nothing asked yet; the editor closes.
	send C-s
	wait_for "changed elsewhere"
	expect "Your text is kept"
	wait_for "Case notes"
	refute "This was changed after your draft was written"
	[ "$(q "SELECT count(*) FROM note_versions WHERE note_id = '$note'")" = "$versions" ] ||
		fail "B's refused save wrote a version"
	q "SELECT body FROM drafts" | grep -q "B$mark-wrote-this" ||
		fail "B's refused text is not in a draft"
	# Opening the note again is where mine, theirs or a merge is offered.
	send e
	# Both texts, before anything is decided.
	wait_for "This was changed after your draft was written"
	expect "Your draft of"
	# Both in full: B's draft first, then A's version after it.
	send Down
	send Enter
	wait_for "B$mark-wrote-this"
	wait_for "Saved since your draft: version"
	send End
	wait_for "A$mark-wrote-this"
	send Escape
	wait_for "Read both texts in full first"
	case $1 in
	merge)
		send Enter
		wait_for "Both texts are in the editor"
		send C-Home
		wait_for "B$mark-wrote-this"
		send C-End
		wait_for "A$mark-wrote-this"
		# Saved with both headings still in: asked first.
		send C-s
		wait_for "still has the === headings"
		send y
		wait_for "Corrected: version"
		latest=$(q "SELECT body FROM notes_current WHERE note_id = '$note'")
		echo "$latest" | grep -q "A$mark-wrote-this" || fail "merge lost A's text"
		echo "$latest" | grep -q "B$mark-wrote-this" || fail "merge lost B's text"
		[ "$(q "SELECT count(*) FROM note_versions WHERE note_id = '$note'")" = $((versions + 1)) ] ||
			fail "the merge is not one new version" ;;
	theirs)
		send Up
		send Enter
		wait_for "this is the version saved since"
		refute "B$mark-wrote-this"
		send Escape
		wait_for "Case notes"
		[ "$(q "SELECT count(*) FROM note_versions WHERE note_id = '$note'")" = "$versions" ] ||
			fail "taking theirs saved something" ;;
	mine)
		send Up
		send Up
		send Enter
		wait_for "Ctrl-S saves it as a new version"
		send C-s
		wait_for "Corrected: version"
		latest=$(q "SELECT body FROM notes_current WHERE note_id = '$note'")
		echo "$latest" | grep -q "B$mark-wrote-this" || fail "keeping mine did not save B's text"
		# A's version stays in the history.
		q "SELECT body FROM note_versions WHERE note_id = '$note'" | grep -q "A$mark-wrote-this" ||
			fail "A's version left the history" ;;
	esac
	[ "$(q "SELECT count(*) FROM drafts")" = 0 ] || fail "$1: a draft was left"
	quit_casebook
	send_a F10
	wait_a "Quit casebook?"
	send_a y
	wait_a "casebook exited 0"
}

round merge 1
round theirs 2
round mine 3
echo "lost update: merge, theirs and mine each asked first, and lost nothing"
