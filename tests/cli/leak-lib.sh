# SPDX-License-Identifier: MIT
# Shared by the leak tests (minutes-leak.sh, report-leak.sh, plan-leak.sh):
# each exports a document for one family or adult and looks in it for what
# the database holds about every other one. Sourced after tests/lib.sh, in
# the test's work folder, with the sample families imported into t.db.

q() { sqlite3 -batch -noheader t.db "$1"; }

# Each line of stdin made comparable: one line of text, runs of white space
# as one space, and for Markdown and HTML what escaping did undone (tags
# dropped, entities and backslash escapes turned back into characters).
# Plain text is wrapped, and a wrapped table cell is interleaved with its
# neighbours; Markdown and HTML are not wrapped at all, so those two hold
# every recorded text whole. All three render the same document.
flatten() {
	case $1 in
	html) sed -e 's/<[^>]*>/ /g' -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g' \
		-e "s/&#39;/'/g" -e 's/&amp;/\&/g' ;;
	md) sed -e 's/\\\(.\)/\1/g' -e 's/\\$//' ;;
	*) cat ;;
	esac | tr '\n\t' '  ' | tr -s ' '
	echo
}

# Things that identify a family: short, never wrapped inside a word.
identity() {
	q "SELECT reference FROM families_current WHERE family_id = '$1';
	   SELECT name FROM families_current WHERE family_id = '$1';
	   SELECT p.name FROM people_current p JOIN people pi ON pi.id = p.person_id
	   WHERE pi.family_id = '$1';"
}

# Needles, one a line, flattened the same way; blank ones dropped.
needles() {
	tr '\t' ' ' | tr -s ' ' | grep -v '^ *$'
}

# memo FUNCTION ID: the file of FUNCTION ID's needles, worked out once.
# The loops only read the database, so what is recorded about a family or
# an adult does not change while a test runs; without this the tests asked
# the database the same questions thousands of times.
mkdir -p memo
memo() {
	[ -f "memo/$1-$2" ] || "$1" "$2" | needles >"memo/$1-$2"
	echo "memo/$1-$2"
}

# theirs FUNCTION SELF ID...: the needles of every ID but SELF, in theirs.txt.
theirs() {
	fn=$1
	self=$2
	shift 2
	files=
	for o in "$@"; do
		[ "$o" = "$self" ] || files="$files $(memo "$fn" "$o")"
	done
	# shellcheck disable=SC2086
	cat $files /dev/null >theirs.txt
}

# whose FUNCTION SELF FILE ID...: the first ID but SELF whose needles FILE
# holds (only asked once a leak is found, to name it).
whose() {
	fn=$1
	self=$2
	file=$3
	shift 3
	for o in "$@"; do
		[ "$o" != "$self" ] && grep -qF -f "$(memo "$fn" "$o")" "$file" && { echo "$o"; return; }
	done
}

# no_other FUNCTION SELF FLAT WHAT ID...: fail when the flattened document
# FLAT holds any needle of FUNCTION for an ID but SELF, saying WHAT the
# document is and whose it holds; adds the needles tried to $checked.
no_other() {
	fn=$1
	self=$2
	flat=$3
	what=$4
	shift 4
	theirs "$fn" "$self" "$@"
	if grep -oF -f theirs.txt "$flat" >leaked.txt; then
		other=$(whose "$fn" "$self" "$flat" "$@")
		oref=$(q "SELECT reference FROM families_current WHERE family_id = '$other'")
		fail "$what mentions $oref: $(head -3 leaked.txt)"
	fi
	checked=$((checked + $(wc -l <theirs.txt)))
}
