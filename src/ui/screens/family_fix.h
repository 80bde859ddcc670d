/* SPDX-License-Identifier: MIT */
/* Private to the family record: correcting, removing and the history of
 * its members, children's statuses and allocations (family_fix.c). */
#ifndef CASEBOOK_UI_FAMILY_FIX_H
#define CASEBOOK_UI_FAMILY_FIX_H

struct cb_err;
struct ui_app;
struct ui_screen;

/* Checks for ui_prompt, shared by family.c and family_fix.c: a date of
 * birth or nothing (into the struct cb_date at ctx), and text that is
 * not empty. */
int ui_family_birth_date(const char *text, void *ctx, struct cb_err *err);
int ui_family_not_empty(const char *text, void *ctx, struct cb_err *err);

struct cb_status;
/* A child's status, its codes and since when, asked with s's values as
 * the starting point; fills s. 0, or -1 when cancelled. */
int ui_family_status_form(struct ui_app *app, struct cb_status *s);

/* Ask what to correct and correct it; 1 when the family's own details
 * were chosen (the caller corrects those). */
int ui_family_fix_correct(struct ui_app *app, const char *family_id);
/* Ask what to remove, end or retract, and do it; 1 when the whole
 * family record was retracted (the caller closes it). */
int ui_family_fix_remove(struct ui_app *app, const char *family_id);
/* Ask whose history; 1 when the family's own was chosen. */
int ui_family_fix_history(struct ui_app *app, const char *family_id,
                          const struct ui_screen *about);

#endif
