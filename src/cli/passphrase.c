/* SPDX-License-Identifier: MIT */
/* The passphrase of an encrypted backup: from a file descriptor a script
 * names (--passphrase-fd N), or typed at the terminal without echo. Never
 * from the command line, where other users can see it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "casebook/cli.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "cli.h"

#define PASS_MAX 1024
#define PASS_MIN 8

/* One line from fd, without its newline; -1 on a read error. */
static int
read_line(int fd, char *buf, size_t n)
{
	size_t got = 0;
	char ch;

	for (;;) {
		ssize_t r = read(fd, &ch, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0 || ch == '\n')
			break;
		if (got + 1 < n)
			buf[got++] = ch;
	}
	if (got > 0 && buf[got - 1] == '\r')
		got--;
	buf[got] = '\0';
	return 0;
}

static int
ask(int tty, const char *prompt, char *buf, size_t n)
{
	struct termios old, quiet;
	int rc;

	if (tcgetattr(tty, &old) != 0)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	quiet.c_lflag |= ICANON;
	if (write(tty, prompt, strlen(prompt)) < 0 || tcsetattr(tty, TCSAFLUSH, &quiet) != 0)
		return -1;
	rc = read_line(tty, buf, n);
	tcsetattr(tty, TCSAFLUSH, &old);
	if (write(tty, "\n", 1) < 0)
		rc = -1;
	return rc;
}

int
cli_passphrase(struct cli *c, bool creating, char **out)
{
	char *pass = cb_calloc(1, PASS_MAX), *again = NULL;
	int rc = CB_EXIT_FAIL;

	*out = NULL;
	if (c->passphrase_fd != NULL) {
		char *end;
		long fd;

		errno = 0;
		fd = strtol(c->passphrase_fd, &end, 10);
		if (errno != 0 || *end != '\0' || fd < 0 || fd > 1024 || end == c->passphrase_fd) {
			free(pass);
			return cli_usage_error(c, _("--passphrase-fd needs a file descriptor number, "
			                            "not '%s'"), c->passphrase_fd);
		}
		if (read_line((int)fd, pass, PASS_MAX) != 0) {
			cli_error(_("the passphrase could not be read from file descriptor %ld: %s"), fd,
			          strerror(errno));
			goto out;
		}
	} else {
		int tty = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);

		if (tty < 0) {
			cli_error(_("there is no terminal to ask for the passphrase: give it with "
			            "--passphrase-fd N"));
			goto out;
		}
		if (ask(tty, _("Passphrase for the backup: "), pass, PASS_MAX) != 0) {
			close(tty);
			cli_error(_("the passphrase could not be read from the terminal"));
			goto out;
		}
		if (creating && strlen(pass) >= PASS_MIN) {
			again = cb_calloc(1, PASS_MAX);
			if (ask(tty, _("The same passphrase again: "), again, PASS_MAX) != 0 ||
			    strcmp(pass, again) != 0) {
				close(tty);
				cli_error(_("the two passphrases differ: nothing was written"));
				goto out;
			}
		}
		close(tty);
	}
	if (creating && strlen(pass) < PASS_MIN) {
		cli_error(_("the passphrase is too short: use at least %d characters (a few words "
		            "are easier to remember)"), PASS_MIN);
		goto out;
	}
	if (!creating && pass[0] == '\0') {
		cli_error(_("no passphrase was given"));
		goto out;
	}
	*out = pass;
	pass = NULL;
	rc = 0;
out:
	if (pass != NULL) {
		explicit_bzero(pass, PASS_MAX);
		free(pass);
	}
	if (again != NULL) {
		explicit_bzero(again, PASS_MAX);
		free(again);
	}
	return rc;
}

void
cli_passphrase_free(char **pass)
{
	if (*pass != NULL) {
		explicit_bzero(*pass, PASS_MAX);
		free(*pass);
		*pass = NULL;
	}
}
