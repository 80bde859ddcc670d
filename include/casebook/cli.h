/* SPDX-License-Identifier: MIT */
/* The command line: main() only calls this. */
#ifndef CASEBOOK_CLI_H
#define CASEBOOK_CLI_H

/* Exit codes, as documented in casebook(1). */
enum {
	CB_EXIT_OK = 0,
	CB_EXIT_FAIL = 1,  /* something went wrong; nothing half-done is kept */
	CB_EXIT_USAGE = 2  /* the command line was wrong */
};

int cb_cli_main(int argc, char **argv);

#endif
