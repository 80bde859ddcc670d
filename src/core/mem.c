/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __GLIBC__ /* defined by the headers above */
#include <malloc.h>
#endif

#include "casebook/mem.h"

static void (*fatal_hook)(void);

void
cb_mem_on_fatal(void (*hook)(void))
{
	fatal_hook = hook;
}

void
cb_die(const char *msg)
{
	/* Put the terminal back first, or the message is lost in curses. */
	if (fatal_hook != NULL)
		fatal_hook();
	if (write(STDERR_FILENO, msg, strlen(msg)) < 0)
		_exit(1);
	_exit(1);
}

void
cb_mem_fatal(void)
{
	cb_die("casebook: out of memory: close other programs and start again "
	       "(what was saved before is safe)\n");
}

void *
cb_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		cb_mem_fatal();
	return p;
}

void *
cb_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		cb_mem_fatal();
	return p;
}

void *
cb_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		cb_mem_fatal();
	return q;
}

void *
cb_reallocarray(void *p, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		cb_mem_fatal();
	return cb_realloc(p, count * size);
}

char *
cb_strdup(const char *s)
{
	return s == NULL ? NULL : cb_strndup(s, strlen(s));
}

char *
cb_strndup(const char *s, size_t n)
{
	char *p;
	size_t len;

	if (s == NULL)
		return NULL;
	len = strnlen(s, n);
	p = cb_malloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
cb_asprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		cb_mem_fatal();
	p = cb_malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

#if defined(__GLIBC__) && defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
#define BULK_PAD ((size_t)64 << 20)
#define BULK_PROBE ((size_t)120 << 10) /* under the mmap threshold, 128 KiB */
#define HUGE_PAGE ((uintptr_t)2 << 20)

bool
cb_mem_bulk(void)
{
	void *probe[16];
	char *from, *to;
	uintptr_t lo, hi;
	size_t n = 0;

	/* From now on the heap grows by what is asked and 64 MiB more (and
	 * is not trimmed below that). Blocks under the mmap threshold come
	 * from the heap: take them until it has grown once, so the advice
	 * below covers its new 64 MiB. A page fault costs about 12 us on a
	 * virtual machine; an import of 100 families took 3,000 of them. */
	if (mallopt(M_TOP_PAD, (int)BULK_PAD) == 0 || (from = sbrk(0)) == (void *)-1)
		return false;
	while (n < sizeof probe / sizeof *probe && sbrk(0) == from &&
	       (probe[n] = malloc(BULK_PROBE)) != NULL)
		n++;
	to = sbrk(0);
	while (n > 0)
		free(probe[--n]);
	lo = ((uintptr_t)from + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	hi = (uintptr_t)to & ~(HUGE_PAGE - 1);
	return hi > lo && madvise((void *)lo, hi - lo, MADV_HUGEPAGE) == 0;
}
#else
bool
cb_mem_bulk(void)
{
	return false;
}
#endif

void
cb_freep(void *pp)
{
	void **p = pp;

	if (p == NULL)
		return;
	free(*p);
	*p = NULL;
}
