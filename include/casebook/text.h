/* SPDX-License-Identifier: MIT */
/* Unicode text as people mean it, through utf8proc: one normal form for
 * what is stored, and one folded form for matching names as people type
 * them ("nguyen" finds Nguyễn, "zielinska" finds Zielińska). */
#ifndef CASEBOOK_TEXT_H
#define CASEBOOK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* A new copy of s in Unicode Normalization Form C, so that "Zoë" typed as
 * one code point or as e and a combining diaeresis is stored the same.
 * Invalid UTF-8 bytes become U+FFFD. Never NULL (NULL gives ""). */
char *cb_text_nfc(const char *s);

/* A new copy of s folded for matching: case folded, compatibility forms
 * unified, diacritics on Latin, Greek and Cyrillic letters removed (and
 * the letters with strokes that Unicode does not decompose, such as ł, đ
 * and ø, taken as their base letter), Arabic and Hebrew vowel points
 * removed, and runs of white space made one space. Marks that are part
 * of the spelling in other scripts (Indic vowel signs, viramas) are kept,
 * so "কমল" and "কামাল" stay apart. Never NULL (NULL gives ""). */
char *cb_text_fold(const char *s);

/* True when the folded needle occurs in the folded haystack. An empty
 * needle matches everything. */
bool cb_text_matches(const char *haystack, const char *needle);

#endif
