/* SPDX-License-Identifier: MIT */
/* Memory: allocation either succeeds or ends the program cleanly, after a
 * hook (the terminal's restore) has run. */
#ifndef CASEBOOK_MEM_H
#define CASEBOOK_MEM_H

#include <stdbool.h>
#include <stddef.h>

void *cb_malloc(size_t n);
void *cb_calloc(size_t count, size_t size);
void *cb_realloc(void *p, size_t n);
void *cb_reallocarray(void *p, size_t count, size_t size);
char *cb_strdup(const char *s);          /* NULL stays NULL */
char *cb_strndup(const char *s, size_t n);
char *cb_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Ready the heap for a command that allocates tens of MiB in a burst,
 * such as an import: it then grows in 64 MiB steps, advised to be backed
 * by transparent huge pages, so the kernel maps it 2 MiB at a time and
 * not with a page fault per 4 KiB. True when the advice was taken; a
 * C library or kernel without either leaves the heap as it was. */
bool cb_mem_bulk(void);

/* Free *p and set it to NULL. */
void cb_freep(void *pp);

/* Called once before the program ends for want of memory. */
void cb_mem_on_fatal(void (*hook)(void));
__attribute__((noreturn)) void cb_mem_fatal(void);
/* End the program with a message (a whole line, ending in a newline). */
__attribute__((noreturn)) void cb_die(const char *msg);

#endif
