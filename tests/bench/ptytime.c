/* SPDX-License-Identifier: MIT */
/* Time a full-screen program through a pseudo-terminal of 80x24, as a
 * person sees it.
 *   ptytime TEXT [KEYS TEXT]... -- COMMAND [ARG...]
 * Starts COMMAND on a new pty and prints, in milliseconds, how long it
 * took until TEXT first appeared in what it wrote ("first screen"); then
 * for each KEYS TEXT pair, sends KEYS (\r, \e and \t are understood) and
 * prints how long until the screen was drawn: until the last byte written
 * before a quarter of a second of quiet, after TEXT (if not empty) has
 * appeared in what was written since the keys were sent. Curses sends
 * only what changed, so TEXT is best left empty for small changes. Ends
 * the program with SIGTERM.
 * Output lines: "step<TAB>milliseconds<TAB>CPU milliseconds", the second
 * figure the time COMMAND itself ran on a processor in that step (from
 * /proc/PID/schedstat; -1 where that cannot be read), which a busy
 * machine does not inflate as it does the first. */
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

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static char buf[1 << 20];
static size_t len;
static double last_byte;

/* Read until nothing more comes for quiet ms (or 60 s pass). */
static void
settle(int fd, double quiet)
{
	double until = now() + 60000;

	while (now() < until) {
		struct pollfd p = {fd, POLLIN, 0};
		char junk[65536];

		if (poll(&p, 1, (int)quiet) <= 0)
			return;
		if (read(fd, junk, sizeof junk) <= 0)
			return;
		last_byte = now();
	}
}

/* Read until text shows up (or 60 s pass); -1 on timeout. */
static int
wait_for(int fd, const char *text)
{
	double until = now() + 60000;

	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		ssize_t n;

		buf[len] = '\0';
		if (memmem(buf, len, text, strlen(text)) != NULL)
			return 0;
		if (now() > until)
			return -1;
		if (poll(&p, 1, 100) <= 0)
			continue;
		n = read(fd, buf + len, sizeof buf - 1 - len);
		if (n <= 0)
			return -1;
		last_byte = now();
		len += (size_t)n;
		if (len > sizeof buf - 4096) {
			memmove(buf, buf + len - 4096, 4096);
			len = 4096;
		}
	}
}

/* The nanoseconds pid has run on a processor, in ms; -1 if unknown. */
static double
cpu_ms(pid_t pid)
{
	char path[64];
	unsigned long long ns;
	FILE *f;
	int ok;

	snprintf(path, sizeof path, "/proc/%ld/schedstat", (long)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	ok = fscanf(f, "%llu", &ns) == 1;
	fclose(f);
	return ok ? (double)ns / 1e6 : -1;
}

static void
unescape(const char *in, char *out)
{
	for (; *in != '\0'; in++) {
		if (*in == '\\' && in[1] != '\0') {
			in++;
			*out++ = *in == 'r' ? '\r' : *in == 'e' ? '\033' : *in == 't' ? '\t' : *in;
		} else {
			*out++ = *in;
		}
	}
	*out = '\0';
}

int
main(int argc, char **argv)
{
	struct winsize ws = {24, 80, 0, 0};
	int fd, dash, i, status;
	double t0;
	pid_t pid;

	for (dash = 1; dash < argc && strcmp(argv[dash], "--") != 0; dash++)
		;
	if (dash >= argc - 1 || dash < 2 || dash % 2 != 0) {
		fprintf(stderr, "usage: ptytime TEXT [KEYS TEXT]... -- COMMAND [ARG...]\n");
		return 2;
	}
	t0 = now();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[dash + 1], argv + dash + 1);
		_exit(127);
	}
	if (wait_for(fd, argv[1]) != 0) {
		fprintf(stderr, "ptytime: '%s' never appeared\n", argv[1]);
		kill(pid, SIGTERM);
		return 1;
	}
	printf("first screen\t%.1f\t%.1f\n", now() - t0, cpu_ms(pid));
	for (i = 2; i + 1 < dash; i += 2) {
		char keys[256];
		double t, c0;

		/* Let the screen settle, then start from nothing. */
		settle(fd, 250);
		len = 0;
		unescape(argv[i], keys);
		c0 = cpu_ms(pid);
		t = last_byte = now();
		if (write(fd, keys, strlen(keys)) < 0 || wait_for(fd, argv[i + 1]) != 0) {
			fprintf(stderr, "ptytime: after '%s', '%s' never appeared\n", argv[i],
			        argv[i + 1]);
			kill(pid, SIGTERM);
			return 1;
		}
		settle(fd, 250);
		printf("%s\t%.1f\t%.1f\n", argv[i], last_byte - t,
		       c0 < 0 ? -1 : cpu_ms(pid) - c0);
	}
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	return 0;
}
