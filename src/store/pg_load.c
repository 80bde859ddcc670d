/* SPDX-License-Identifier: MIT */
/* Loading libpq when the team's server is first used (see pg_internal.h
 * for why it is not linked in). */

#include "config.h"

#include <dlfcn.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#define PG_LOAD_SELF
#include "pg_internal.h"

struct pg_api pg_api;

int
pg_load(struct cb_err *err)
{
	static void *lib;
	struct pg_api api;
	void *h, *sym;

	if (lib != NULL)
		return 0;
	/* Kept loaded for the life of the process: libpq keeps state of its
	 * own (OpenSSL's) that does not survive being unloaded. */
	h = dlopen(CB_LIBPQ_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL)
		return cb_err_set(err, CB_ENOTFOUND,
		                  _("the team's server needs the PostgreSQL client library "
		                    "(%s, in Debian's libpq5 package): %s"),
		                  CB_LIBPQ_SONAME, dlerror());
	/* dlsym's object pointer is copied into each function pointer
	 * (POSIX guarantees the two have the same representation). */
#define PG_API_FIND(f) \
	if ((sym = dlsym(h, #f)) == NULL) \
		goto missing; \
	memcpy(&api.f, &sym, sizeof sym);
	PG_API(PG_API_FIND)
#undef PG_API_FIND
	pg_api = api;
	lib = h;
	return 0;
missing:
	cb_err_set(err, CB_EINTERNAL, _("%s is too old for casebook: %s"), CB_LIBPQ_SONAME,
	           dlerror());
	dlclose(h);
	return -1;
}
