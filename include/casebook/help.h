/* SPDX-License-Identifier: MIT */
/* The trainer's help panel: for each screen, what it is for and what good
 * recording looks like there (data/training-help.yaml). */
#ifndef CASEBOOK_HELP_H
#define CASEBOOK_HELP_H

struct cb_help_entry {
	char *id;             /* the screen */
	char *title;
	char *purpose;
	char *good_recording; /* may be NULL */
	char *try_this;       /* may be NULL */
};

void cb_help_entry_free_item(void *e);

#endif
