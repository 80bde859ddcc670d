/* SPDX-License-Identifier: MIT */
/* Every string shown to a user goes through _(), which is GNU gettext
 * when the build has it (ENABLE_NLS, from AM_GNU_GETTEXT) and the string
 * itself otherwise. N_() marks strings in static tables that are
 * translated where shown, with _(). A message with a count is one whole
 * sentence in each form, chosen with ngettext(): never splice words such
 * as "family"/"families" into a sentence, since Welsh has six plural
 * forms and mutates words after numbers (tests/i18n/plurals.sh checks). */
#ifndef CASEBOOK_I18N_H
#define CASEBOOK_I18N_H

#if defined(ENABLE_NLS) && ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#ifndef ngettext
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#endif
#define N_(s) (s)

#endif
