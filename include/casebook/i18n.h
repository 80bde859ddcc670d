/* Every string shown to a user goes through _() so that a Welsh
 * translation can be added with gettext without touching the callers.
 * N_() marks strings in static tables that are translated where shown. */
#ifndef CASEBOOK_I18N_H
#define CASEBOOK_I18N_H

#define _(s) (s)
#define N_(s) (s)

#endif
