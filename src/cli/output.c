/* SPDX-License-Identifier: MIT */
/* Output that scripts can trust: a command that could not write all it
 * said (a full disk, a closed pipe, /dev/full) says so and fails. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "casebook/cli.h"
#include "casebook/i18n.h"
#include "cli.h"

int
cli_close_stdout(int rc)
{
	int failed;

	errno = 0;
	failed = fflush(stdout) != 0 || ferror(stdout);
	if (fclose(stdout) != 0)
		failed = 1;
	if (!failed)
		return rc;
	/* A command that failed has already said why; one line is enough. */
	if (rc == CB_EXIT_OK) {
		int e = errno;

		if (e == EBADF)
			cli_error(_("could not write the output: standard output is closed: give it "
			            "somewhere to go"));
		else if (e == ENOSPC || e == EDQUOT || e == EFBIG || e == 0)
			cli_error(_("could not write the output: %s: check there is room where it "
			            "goes"), e != 0 ? strerror(e) : _("the disk may be full"));
		else
			cli_error(_("could not write the output: %s: check where it goes"),
			          strerror(e));
		rc = CB_EXIT_FAIL;
	}
	return rc;
}
