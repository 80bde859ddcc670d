/* SPDX-License-Identifier: MIT */
/* Every string shown to a user goes through _() so that a Welsh
 * translation can be added with gettext without touching the callers.
 * N_() marks strings in static tables that are translated where shown.
 * A message with a count is one whole sentence in each form, chosen with
 * ngettext(): never splice words such as "family"/"families" into a
 * sentence, since Welsh has six plural forms. */
#ifndef CASEBOOK_I18N_H
#define CASEBOOK_I18N_H

#define _(s) (s)
#define N_(s) (s)
#ifndef ngettext
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif

#endif
