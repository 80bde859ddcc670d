/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "casebook/err.h"

int
cb_err_set(struct cb_err *err, enum cb_errcode code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int
cb_err_prefix(struct cb_err *err, const char *fmt, ...)
{
	char out[sizeof err->msg];
	size_t n;
	va_list ap;
	int w;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	w = vsnprintf(out, sizeof out, fmt, ap);
	va_end(ap);
	n = w < 0 ? 0 : (size_t)w;
	if (n + 2 < sizeof out) {
		/* Whatever does not fit is cut from the end of the message. */
		size_t room = sizeof out - n - 3;
		size_t len = strnlen(err->msg, room);

		memcpy(out + n, ": ", 2);
		memcpy(out + n + 2, err->msg, len);
		out[n + 2 + len] = '\0';
	}
	memcpy(err->msg, out, sizeof out);
	return -1;
}

void
cb_err_clear(struct cb_err *err)
{
	if (err == NULL)
		return;
	err->code = CB_OK;
	err->msg[0] = '\0';
}

const char *
cb_err_name(enum cb_errcode code)
{
	switch (code) {
	case CB_OK: return "ok";
	case CB_EINVAL: return "invalid";
	case CB_ENOTFOUND: return "not found";
	case CB_EEXIST: return "exists";
	case CB_ENOMEM: return "out of memory";
	case CB_EIO: return "i/o error";
	case CB_EFULL: return "disk full";
	case CB_EREADONLY: return "read-only";
	case CB_ENEWER: return "newer";
	case CB_ENOTDB: return "not a database";
	case CB_ECORRUPT: return "corrupt";
	case CB_EBUSY: return "busy";
	case CB_ECONSTRAINT: return "constraint";
	case CB_EPERM: return "not allowed";
	case CB_ESTALE: return "changed elsewhere";
	case CB_EINTERNAL: return "internal";
	}
	return "unknown";
}
