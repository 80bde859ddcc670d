#!/bin/sh
# SPDX-License-Identifier: MIT
# Stands in for the unit tests when configure did not find Check.
echo "the unit tests were not built: Check (the C unit test library) was not found"
echo "when configure ran. Install it (Debian and Ubuntu: apt-get install check),"
echo "run configure again, and make check runs them."
exit 77
