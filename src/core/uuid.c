/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "casebook/mem.h"
#include "casebook/uuid.h"

/* Random bytes are taken from the kernel a pool at a time: one getrandom()
 * for each id made cost a twentieth of a large import. The pool is each
 * thread's own, and a child process empties it (pool_forget), so no two
 * processes ever hand out the same bytes. */
#define POOL 512
static _Thread_local unsigned char pool[POOL];
static _Thread_local size_t pool_left;

static void
pool_forget(void)
{
	explicit_bzero(pool, sizeof pool);
	pool_left = 0;
}

static void
forget_on_fork(void)
{
	(void)pthread_atfork(NULL, NULL, pool_forget);
}

static void
random_bytes(unsigned char *out, size_t n)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	if (pool_left < n) {
		size_t got = 0;

		(void)pthread_once(&once, forget_on_fork);
		while (got < sizeof pool) {
			ssize_t r = getrandom(pool + got, sizeof pool - got, 0);

			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				cb_die("casebook: the system gave no random numbers for record ids: "
				       "check the kernel's random device\n");
			got += (size_t)r;
		}
		pool_left = sizeof pool;
	}
	/* Bytes are used from the end down, and wiped once used. */
	pool_left -= n;
	memcpy(out, pool + pool_left, n);
	explicit_bzero(pool + pool_left, n);
}

/* New ids are ordered by time (RFC 9562 version 7): 48 bits of the Unix
 * time in milliseconds, a 12-bit sequence that keeps the ids one process
 * makes within a millisecond in order, and 62 random bits. Every table
 * and index keyed by an id then grows at its end, as a log does, instead
 * of at a random place: a large import no longer reads and writes a page
 * of each such index for every record. */
void
cb_uuid_new(char out[CB_UUID_LEN])
{
	static const char hex[] = "0123456789abcdef";
	static _Thread_local unsigned long long last_ms;
	static _Thread_local unsigned seq;
	unsigned char b[16];
	unsigned long long ms;
	struct timespec now;
	size_t i, o = 0;

	random_bytes(b + 6, sizeof b - 6);
	clock_gettime(CLOCK_REALTIME, &now);
	ms = (unsigned long long)now.tv_sec * 1000u + (unsigned long long)now.tv_nsec / 1000000u;
	if (ms > last_ms) {
		last_ms = ms;
		/* Start low in the millisecond, leaving room to count up. */
		seq = (unsigned)(b[6] & 0x07) << 8 | b[7];
	} else if (++seq > 0xFFF) {
		/* More than the sequence holds in one millisecond (or the clock
		 * went back): borrow the next millisecond. */
		last_ms++;
		seq = 0;
	}
	for (i = 0; i < 6; i++)
		b[i] = (unsigned char)(last_ms >> (40 - 8 * i));
	b[6] = (unsigned char)(0x70 | (seq >> 8));
	b[7] = (unsigned char)(seq & 0xFF);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 0x0F];
	}
	out[o] = '\0';
}

bool
cb_uuid_valid(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != 36)
		return false;
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) {
			return false;
		}
	}
	return true;
}
