/* SPDX-License-Identifier: MIT */
/* How fast a full-screen program answers keys, timed at its own
 * terminal (a pty of 80x24) rather than through tmux, whose polling
 * cannot tell the program's delay from its own.
 *   keytime [-o FILE] COMMAND [ARG...] <SCRIPT
 * Starts COMMAND on a new pty and follows SCRIPT, a step a line, the
 * fields of a step separated by tabs:
 *   wait<TAB>TEXT             until TEXT has been written (30 s at most)
 *   key<TAB>LABEL<TAB>KEYS<TAB>TEXT
 *                             send KEYS (\r, \e, \t, \\ and \xHH are
 *                             understood) and print "LABEL<TAB>ms", the
 *                             milliseconds from sending them until TEXT
 *                             was written after them; an empty TEXT
 *                             means any byte (a cursor move, say).
 *                             Before the keys, the program's output is
 *                             let settle (30 ms of quiet) and dropped
 *   sh<TAB>COMMAND            run COMMAND with sh -c, reading the pty
 *                             meanwhile; it must exit 0
 *   pause<TAB>MS              read the pty for MS milliseconds
 * TEXT is matched against what shows: escape sequences and control
 * bytes are left out first. With -o, every byte the program wrote is
 * also written to FILE. Lines starting with # are skipped. Every step fails after 30 s. At
 * the end the program is sent SIGTERM. Exits 1 (saying why on stderr)
 * when a step fails. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STEP_MS 30000.0

static int fd = -1;
static pid_t child = -1;
/* What the program wrote and no step has matched yet. */
static char out[1 << 16];
static size_t out_len;
/* How many bytes it wrote, escape sequences and all. */
static size_t got;
/* -o FILE: every byte it wrote, to see what went wrong. */
static FILE *dump;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
stop(int status)
{
	if (dump != NULL)
		fclose(dump);
	if (child > 0) {
		kill(child, SIGTERM);
		waitpid(child, NULL, 0);
	}
	exit(status);
}

/* What the program wrote goes through this filter into out: escape
 * sequences (cursor moves, colours, character sets) and control bytes
 * are left out, so that a step's text is matched against what shows,
 * and a digit in "ESC [ 5 ; 1 2 H" is not taken for one typed. */
static enum { PLAIN, ESC, CSI, OSC, CHARSET } state;

static void
keep(unsigned char c)
{
	switch (state) {
	case ESC:
		state = c == '[' ? CSI : c == ']' ? OSC : (c >= '(' && c <= '+') ? CHARSET : PLAIN;
		return;
	case CSI:
		if (c >= 0x40 && c <= 0x7e)
			state = PLAIN;
		return;
	case OSC:
		if (c == 0x07 || c == 0x1b)
			state = c == 0x1b ? ESC : PLAIN;
		return;
	case CHARSET:
		state = PLAIN;
		return;
	case PLAIN:
		break;
	}
	if (c == 0x1b) {
		state = ESC;
		return;
	}
	if (c < 0x20 || c == 0x7f)
		return;
	if (out_len == sizeof out) {
		memmove(out, out + sizeof out / 2, sizeof out / 2);
		out_len = sizeof out / 2;
	}
	out[out_len++] = (char)c;
}

/* Read what the program wrote, waiting up to wait_ms for the first of
 * it; 1 when something came, 0 when nothing did, -1 when the pty is
 * gone. Every byte counts in got; what shows is kept in out. */
static int
take(double wait_ms)
{
	struct pollfd p = {fd, POLLIN, 0};
	char chunk[8192];
	ssize_t n, i;
	int r;

	r = poll(&p, 1, wait_ms < 0 ? 0 : (int)wait_ms);
	if (r < 0)
		return errno == EINTR ? 0 : -1;
	if (r == 0)
		return 0;
	n = read(fd, chunk, sizeof chunk);
	if (n <= 0)
		return -1;
	if (dump != NULL)
		fwrite(chunk, 1, (size_t)n, dump);
	got += (size_t)n;
	for (i = 0; i < n; i++)
		keep((unsigned char)chunk[i]);
	return 1;
}

/* Until text shows in out (an empty text: until any byte has come),
 * then out keeps only what came after it. The time it came, or -1. */
static double
until_text(const char *text, double deadline)
{
	size_t tl = strlen(text);

	for (;;) {
		double t = now_ms();

		if (tl == 0 && got > 0) {
			out_len = 0;
			return t;
		}
		if (tl > 0) {
			const char *at = memmem(out, out_len, text, tl);

			if (at != NULL) {
				size_t end = (size_t)(at - out) + tl;

				memmove(out, out + end, out_len - end);
				out_len -= end;
				return t;
			}
		}
		if (t > deadline || take(deadline - t) < 0)
			return -1;
	}
}

/* Until the program has been quiet for QUIET_MS (or 2 s have gone), then
 * all it wrote is dropped, so that only what answers the next keys
 * counts. */
#define QUIET_MS 30
static void
settle(void)
{
	double until = now_ms() + 2000;

	while (now_ms() < until && take(QUIET_MS) > 0)
		;
	out_len = 0;
	got = 0;
}

static size_t
unescape(const char *in, char *o)
{
	size_t n = 0;

	for (; *in != '\0'; in++) {
		if (*in != '\\' || in[1] == '\0') {
			o[n++] = *in;
			continue;
		}
		in++;
		switch (*in) {
		case 'r': o[n++] = '\r'; break;
		case 'e': o[n++] = '\033'; break;
		case 't': o[n++] = '\t'; break;
		case 'x':
			if (in[1] != '\0' && in[2] != '\0') {
				char hex[3] = {in[1], in[2], '\0'};

				o[n++] = (char)strtol(hex, NULL, 16);
				in += 2;
			}
			break;
		default: o[n++] = *in; break;
		}
	}
	return n;
}

static void
fail(const char *step, const char *why)
{
	fprintf(stderr, "keytime: %s: %s\n", step, why);
	stop(1);
}

int
main(int argc, char **argv)
{
	struct winsize ws = {24, 80, 0, 0};
	char line[4096];

	if (argc > 2 && strcmp(argv[1], "-o") == 0) {
		dump = fopen(argv[2], "w");
		if (dump == NULL) {
			perror(argv[2]);
			return 1;
		}
		argv += 2;
		argc -= 2;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: keytime [-o FILE] COMMAND [ARG...] <SCRIPT\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	child = forkpty(&fd, NULL, NULL, &ws);
	if (child < 0) {
		perror("keytime: forkpty");
		return 1;
	}
	if (child == 0) {
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	while (fgets(line, sizeof line, stdin) != NULL) {
		char *f[4] = {NULL, NULL, NULL, NULL}, *p = line;
		int n = 0;

		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		while (n < 4) {
			f[n++] = p;
			p = strchr(p, '\t');
			if (p == NULL)
				break;
			*p++ = '\0';
		}
		if (strcmp(f[0], "wait") == 0 && n == 2) {
			if (until_text(f[1], now_ms() + STEP_MS) < 0)
				fail(line, "never appeared");
		} else if (strcmp(f[0], "key") == 0 && n == 4) {
			char keys[4096];
			size_t kl = unescape(f[2], keys);
			double t0, t;

			settle();
			t0 = now_ms();
			if (write(fd, keys, kl) != (ssize_t)kl)
				fail(f[1], "the keys could not be sent");
			t = until_text(f[3], t0 + STEP_MS);
			if (t < 0)
				fail(f[1], "no answer to the keys");
			printf("%s\t%.1f\n", f[1], t - t0);
		} else if (strcmp(f[0], "sh") == 0 && n == 2) {
			pid_t sh = fork();
			int status;

			if (sh < 0)
				fail(f[1], "cannot fork");
			if (sh == 0) {
				execl("/bin/sh", "sh", "-c", f[1], (char *)NULL);
				_exit(127);
			}
			/* Keep reading the pty meanwhile, so that the program is
			 * never held up by a full terminal. */
			while (waitpid(sh, &status, WNOHANG) == 0)
				if (take(10) < 0)
					fail(f[1], "the program ended");
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
				fail(f[1], "the command failed");
		} else if (strcmp(f[0], "pause") == 0 && n == 2) {
			double until = now_ms() + atof(f[1]);

			while (now_ms() < until)
				if (take(until - now_ms()) < 0)
					fail(line, "the program ended");
		} else {
			fail(line, "not a step keytime knows");
		}
	}
	stop(0);
	return 0;
}
