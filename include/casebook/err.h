/* SPDX-License-Identifier: MIT */
/* Errors: one code and one message, filled by the function that failed and
 * shown only by the user interface. */
#ifndef CASEBOOK_ERR_H
#define CASEBOOK_ERR_H

#include <stddef.h>

enum cb_errcode {
	CB_OK = 0,
	CB_EINVAL,      /* bad input from the user or a file */
	CB_ENOTFOUND,   /* no such record, file or option */
	CB_EEXIST,      /* already there */
	CB_ENOMEM,
	CB_EIO,         /* I/O error: the outcome of a write is unknown */
	CB_EFULL,       /* disk full: nothing of this change was saved */
	CB_EREADONLY,   /* location or file cannot be written */
	CB_ENEWER,      /* written by a newer casebook */
	CB_ENOTDB,      /* not a casebook database */
	CB_ECORRUPT,    /* a casebook database, damaged */
	CB_EBUSY,       /* another process holds the database */
	CB_ECONSTRAINT, /* the change would break a rule of the record */
	CB_EPERM,       /* not allowed, e.g. editing signed minutes */
	CB_ESTALE,      /* saved elsewhere since it was opened: nothing written */
	CB_EINTERNAL
};

struct cb_err {
	enum cb_errcode code;
	char msg[512];
};

/* Set code and message (printf format); returns -1 so callers can
 * `return cb_err_set(...)`. err may be NULL. */
int cb_err_set(struct cb_err *err, enum cb_errcode code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Put `what: ` in front of the message already in err. */
int cb_err_prefix(struct cb_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cb_err_clear(struct cb_err *err);
const char *cb_err_name(enum cb_errcode code);

#endif
