# SPDX-License-Identifier: MIT
# The layers of configuration: installed, the system's folder, each
# XDG_CONFIG_DIRS entry (the last listed lowest), the user's; then the
# command line. `casebook config` says where each setting came from.
XDG_CONFIG_DIRS="$work/xdg-high:relative/ignored:$work/xdg-low"
export XDG_CONFIG_DIRS
unset CASEBOOK_IDLE_LOCK CASEBOOK_REQUIRE_ENCRYPTED_DISK NO_COLOR
run casebook config
mkdir -p "$work/etc/casebook/data" "$work/xdg-low/casebook" "$work/xdg-high/casebook" \
	"$XDG_CONFIG_HOME/casebook/modules"
cat >"$work/etc/casebook/config" <<'CONF'
# The authority's settings.
database = /srv/casebook/team.db
server = postgresql://casebook.example.org/casebook
idle-lock = 10
require-encrypted-disk = no
CONF
printf 'idle-lock = 3\ncolour = no\n' >"$work/xdg-low/casebook/config"
printf 'idle-lock = 2\n' >"$work/xdg-high/casebook/config"
printf 'database = ~/cases.db\n   # indented note\n\nworker = Amira Haddad\n' \
	>"$XDG_CONFIG_HOME/casebook/config"
cp "$TOP_SRCDIR/data/roles.yaml" "$work/etc/casebook/data/roles.yaml"
cp "$TOP_SRCDIR/modules/basic-care.yaml" "$XDG_CONFIG_HOME/casebook/modules/"
run casebook config
# The command line wins over every file.
casebook modules list | grep basic-care
run casebook config --db other.db --as Zoë --idle-lock 1
CASEBOOK_IDLE_LOCK=7 run casebook config
# The database the files name is the one the commands use.
run casebook init
test -f "$HOME/cases.db" && echo "made in the home folder, as the user's file says"
# Bad lines: each said as FILE:LINE:COLUMN, with a did-you-mean; the rest
# still applies, and the command still runs.
cat >"$XDG_CONFIG_HOME/casebook/config" <<'CONF'
databse = elsewhere.db
idle-lock = soon
colour = purple
color = no
language = Welsh
just some words
worker =
require-encrypted-disk = no
frobnicate = 1
idle-lock = 4
CONF
run casebook config
run casebook list workers --db "$HOME/cases.db"
# The authority's requirement of an encrypted disk is not the user's to lift.
echo 'require-encrypted-disk = yes' >>"$work/etc/casebook/config"
casebook config 2>&1 | grep encrypted
# The colour theme: the user's file names one; a misspelt one is said with
# the theme it probably meant; colour = no and NO_COLOR make it mono.
printf 'idle-lock = 3\n' >"$work/xdg-low/casebook/config"
printf 'theme = high-contrast\ntheme = hi-contrast\n' >"$XDG_CONFIG_HOME/casebook/config"
casebook config 2>&1 | grep theme
echo 'colour = no' >>"$XDG_CONFIG_HOME/casebook/config"
casebook config 2>&1 | grep '^theme'
NO_COLOR=1 casebook config 2>&1 | grep '^theme'
