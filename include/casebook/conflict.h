/* SPDX-License-Identifier: MIT */
/* Two texts made from the same earlier version of one record: a draft
 * written against a version that someone has since replaced, and later
 * the two sides of a sync. Nothing is overwritten without a person
 * choosing: keep mine (as a new version), take theirs, or merge by
 * editing with both texts in view. No I/O here; src/ui asks. */
#ifndef CASEBOOK_CONFLICT_H
#define CASEBOOK_CONFLICT_H

#include <stdbool.h>

enum cb_conflict_choice {
	CB_CONFLICT_CANCEL = -1, /* decide later: nothing changes */
	CB_CONFLICT_MINE = 0,    /* my text, saved as a new version over theirs */
	CB_CONFLICT_THEIRS,      /* their version stands; my text is dropped */
	CB_CONFLICT_MERGE        /* edit one text from both, both in view */
};

struct cb_conflict {
	const char *mine;          /* my text (the draft) */
	const char *mine_label;    /* "Your draft of 2026-12-03 14:02" */
	const char *theirs;        /* the version saved since */
	const char *theirs_label;  /* "Saved since: version 3, ..., Amira Haddad" */
};

/* The text to merge from: both texts, each under its own heading line, to
 * be edited into one. A new string. */
char *cb_conflict_both(const struct cb_conflict *c);
/* Whether text still holds a heading cb_conflict_both() put there. */
bool cb_conflict_has_headings(const char *text);

#endif
