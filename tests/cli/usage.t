# SPDX-License-Identifier: MIT
# The command line refuses what it does not understand, with exit 2.
run casebook --version
run casebook --help
run casebook --frobnicate
run casebook frobnicate
run casebook list
run casebook list families extra
run casebook list families --db
run casebook list families --to x
run casebook add worker --role social-worker
run casebook add worker "Amira Haddad"
run casebook backup
run casebook init --help
# Short options, combined, and unique prefixes of long ones (getopt_long).
run casebook -V
run casebook -h init
run casebook --vers
run casebook init -dshort.db
run casebook add worker "Amira Haddad" -r social-worker -d short.db
run casebook list workers --d=short.db
run casebook -d short.db list workers
run casebook -Vh
run casebook --f x list meetings
run casebook -x
run casebook --help=yes
run casebook --db= list workers
run casebook --team blue
run casebook list workers -- --db
run casebook -ta "Amira Haddad" list workers
