/* SPDX-License-Identifier: MIT */
/* Shared by the Check suites: real temporary files, cleaned up after. */
#ifndef CASEBOOK_TESTUTIL_H
#define CASEBOOK_TESTUTIL_H

#include <check.h>

/* A new private temporary folder; the path is owned by the caller. */
char *tu_tmpdir(void);
/* Remove a folder and everything in it. */
void tu_rmtree(const char *path);
/* path joined to name, owned by the caller. */
char *tu_path(const char *dir, const char *name);
/* Write bytes to a file (creating or replacing it). */
void tu_write(const char *path, const char *bytes, size_t len);
/* Read a whole file; *len gets its size. Owned by the caller. */
char *tu_read(const char *path, size_t *len);
/* The source tree, from TOP_SRCDIR (set by make check). */
const char *tu_srcdir(void);
/* Run the suite and return the exit status for make check. */
int tu_run(Suite *s);

#endif
