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
