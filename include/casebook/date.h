/* SPDX-License-Identifier: MIT */
/* Calendar dates (no time zone: a date is the day the work happened) and
 * UTC timestamps for created_at. */
#ifndef CASEBOOK_DATE_H
#define CASEBOOK_DATE_H

#include <stdbool.h>

struct cb_err;

struct cb_date {
	int y, m, d;
};

#define CB_DATE_LEN 11 /* "YYYY-MM-DD" and NUL */
#define CB_STAMP_LEN 25 /* "YYYY-MM-DDTHH:MM:SS.mmmZ" and NUL */

bool cb_date_valid(struct cb_date d);
bool cb_date_is_set(struct cb_date d);
/* Strict YYYY-MM-DD. */
int cb_date_parse(const char *s, struct cb_date *out, struct cb_err *err);
void cb_date_format(struct cb_date d, char out[CB_DATE_LEN]);
/* Days since 1970-01-01 and back. */
long cb_date_to_days(struct cb_date d);
struct cb_date cb_date_from_days(long days);
struct cb_date cb_date_add_days(struct cb_date d, long n);
struct cb_date cb_date_add_months(struct cb_date d, int n);
long cb_date_diff(struct cb_date a, struct cb_date b); /* a - b in days */
int cb_date_cmp(struct cb_date a, struct cb_date b);
int cb_date_weekday(struct cb_date d); /* 0 = Monday */
/* Whole years from born to on. */
int cb_date_age(struct cb_date born, struct cb_date on);
/* Today, local time. CASEBOOK_TODAY=YYYY-MM-DD fixes it, for tests and
 * for rehearsing with sample data. */
struct cb_date cb_date_today(void);
/* Dates as people type them, relative to `base` (today): the one parser
 * for every date typed. YYYY-MM-DD; DD/MM/YYYY, D/M/YY and D/M (British
 * order; dots or dashes too); today, yesterday, tomorrow; weekday names,
 * whole or short (the next one after base), "next friday", "last friday";
 * +N or -N with d/w/m/y (+2w, -10d), "in 2 weeks", "3 days ago", "next
 * month". The words are in one table in date.c, where a translation adds
 * its own.
 *
 * A two-digit year is the one nearest base for an event, and never in the
 * future for a date of birth (17/5/94 is 1994); a date of birth also needs
 * its year. */
enum cb_date_kind {
	CB_DATE_EVENT,   /* something that happened or is due */
	CB_DATE_BIRTH    /* a date of birth */
};
int cb_date_parse_as(const char *s, struct cb_date base, enum cb_date_kind kind,
                     struct cb_date *out, struct cb_err *err);
/* cb_date_parse_as() for an event. */
int cb_date_parse_quick(const char *s, struct cb_date base, struct cb_date *out,
                        struct cb_err *err);
/* Now as "YYYY-MM-DDTHH:MM:SS.mmmZ". */
void cb_stamp_now(char out[CB_STAMP_LEN]);

#endif
