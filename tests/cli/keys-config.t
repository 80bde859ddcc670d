# SPDX-License-Identifier: MIT
# Key rebindings in the config files: key.ACTION = KEYS, by the names of
# the key table. A later layer's line wins; a bad line is said as
# FILE:LINE:COLUMN with a did-you-mean, and the rest still applies.
unset CASEBOOK_IDLE_LOCK CASEBOOK_REQUIRE_ENCRYPTED_DISK NO_COLOR
mkdir -p "$work/etc/casebook" "$XDG_CONFIG_HOME/casebook"
cat >"$work/etc/casebook/config" <<'CONF'
# The authority's keys: F5 saves, and help is on F1 only.
key.save = F5
key.help = F1
key.team = T
CONF
printf 'key.save = F6, Ctrl+S\nkey.meetings = ^B\n' >"$XDG_CONFIG_HOME/casebook/config"
run casebook config
# Bad lines: each left out, the rest applies.
cat >"$XDG_CONFIG_HOME/casebook/config" <<'CONF'
key.sav = F6
key.save = PageDwn
key.save = Ctrl-S F6 F7 F8
key.sort = m
key.undo = u
key.interrupt = x
key.frobnicate = F9
key.quit =
key.add = +
key.add = F13
key.back = Esc, Backspace
key.quit = F10, Q, F9
CONF
run casebook config
# A key set free by one line may be taken by a later one.
printf 'key.sort = o\nkey.team = t\nkey.overdue = F7\nkey.team = F8\nkey.sort = t\n' \
	>"$XDG_CONFIG_HOME/casebook/config"
run casebook config
