/* SPDX-License-Identifier: MIT */
#include "config.h"

#include "casebook/cli.h"

int
main(int argc, char **argv)
{
	return cb_cli_main(argc, argv);
}
