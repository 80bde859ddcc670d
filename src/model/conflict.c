/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <string.h>

#include "casebook/conflict.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"

/* The heading lines start with this, which typed text hardly ever does. */
#define HEADING "=== "

char *
cb_conflict_both(const struct cb_conflict *c)
{
	return cb_asprintf(HEADING "%s\n%s\n" HEADING "%s\n%s",
	                   c->mine_label != NULL ? c->mine_label : _("Your text"),
	                   c->mine != NULL ? c->mine : "",
	                   c->theirs_label != NULL ? c->theirs_label : _("Saved since"),
	                   c->theirs != NULL ? c->theirs : "");
}

bool
cb_conflict_has_headings(const char *text)
{
	const char *p = text;

	if (p == NULL)
		return false;
	for (;;) {
		if (strncmp(p, HEADING, strlen(HEADING)) == 0)
			return true;
		if ((p = strchr(p, '\n')) == NULL)
			return false;
		p++;
	}
}
