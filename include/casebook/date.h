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
/* Quick entry for a minute-taker, relative to `base`: YYYY-MM-DD, D/M,
 * D/M/YY, D/M/YYYY, today, tomorrow, +N or -N with d/w/m (days, weeks,
 * months), and weekday names (mon..sun: the next one after base). */
int cb_date_parse_quick(const char *s, struct cb_date base, struct cb_date *out,
                        struct cb_err *err);
/* Now as "YYYY-MM-DDTHH:MM:SS.mmmZ". */
void cb_stamp_now(char out[CB_STAMP_LEN]);

#endif
