/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/time.h>

#include "casebook/date.h"
#include "casebook/err.h"
#include "casebook/i18n.h"

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : dim[m - 1];
}

bool
cb_date_valid(struct cb_date d)
{
	return d.y >= 1900 && d.y <= 2999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
	       d.d <= days_in_month(d.y, d.m);
}

bool
cb_date_is_set(struct cb_date d)
{
	return d.y != 0;
}

static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
cb_date_parse(const char *s, struct cb_date *out, struct cb_err *err)
{
	struct cb_date d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		goto bad;
	d.y = digits(s, 4);
	d.m = digits(s + 5, 2);
	d.d = digits(s + 8, 2);
	if (d.y < 0 || d.m < 0 || d.d < 0 || !cb_date_valid(d))
		goto bad;
	*out = d;
	return 0;
bad:
	return cb_err_set(err, CB_EINVAL, _("'%s' is not a date: write it as YYYY-MM-DD"),
	                  s != NULL ? s : "");
}

void
cb_date_format(struct cb_date d, char out[CB_DATE_LEN])
{
	if (!cb_date_is_set(d)) {
		out[0] = '\0';
		return;
	}
	snprintf(out, CB_DATE_LEN, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
	         (unsigned)d.d % 100u);
}

/* Days from civil, after the well-known era arithmetic. */
long
cb_date_to_days(struct cb_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct cb_date
cb_date_from_days(long z)
{
	struct cb_date d;
	long era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(y + (d.m <= 2));
	return d;
}

struct cb_date
cb_date_add_days(struct cb_date d, long n)
{
	return cb_date_from_days(cb_date_to_days(d) + n);
}

struct cb_date
cb_date_add_months(struct cb_date d, int n)
{
	int m = d.y * 12 + (d.m - 1) + n;

	d.y = m / 12;
	d.m = m % 12 + 1;
	if (d.d > days_in_month(d.y, d.m))
		d.d = days_in_month(d.y, d.m);
	return d;
}

long
cb_date_diff(struct cb_date a, struct cb_date b)
{
	return cb_date_to_days(a) - cb_date_to_days(b);
}

int
cb_date_cmp(struct cb_date a, struct cb_date b)
{
	long x = cb_date_to_days(a), y = cb_date_to_days(b);

	return x < y ? -1 : x > y;
}

int
cb_date_weekday(struct cb_date d)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	long w = (cb_date_to_days(d) + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

int
cb_date_age(struct cb_date born, struct cb_date on)
{
	int age = on.y - born.y;

	if (on.m < born.m || (on.m == born.m && on.d < born.d))
		age--;
	return age;
}

struct cb_date
cb_date_today(void)
{
	const char *fixed = getenv("CASEBOOK_TODAY");
	struct cb_date d;
	struct tm tm;
	time_t now;

	if (fixed != NULL && cb_date_parse(fixed, &d, NULL) == 0)
		return d;
	now = time(NULL);
	localtime_r(&now, &tm);
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}

void
cb_stamp_now(char out[CB_STAMP_LEN])
{
	struct timeval tv;
	struct tm tm;
	time_t secs;

	gettimeofday(&tv, NULL);
	secs = tv.tv_sec;
	gmtime_r(&secs, &tm);
	snprintf(out, CB_STAMP_LEN, "%04u-%02u-%02uT%02u:%02u:%02u.%03uZ",
	         (unsigned)(tm.tm_year + 1900) % 10000u, (unsigned)(tm.tm_mon + 1) % 100u,
	         (unsigned)tm.tm_mday % 100u, (unsigned)tm.tm_hour % 100u,
	         (unsigned)tm.tm_min % 100u, (unsigned)tm.tm_sec % 100u,
	         (unsigned)(tv.tv_usec / 1000) % 1000u);
}

static int
parse_number(const char **p)
{
	int v = 0, n = 0;

	while (isdigit((unsigned char)**p) && n < 6) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n == 0 ? -1 : v;
}

static const char *const weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int
cb_date_parse_quick(const char *in, struct cb_date base, struct cb_date *out,
                    struct cb_err *err)
{
	char s[32];
	size_t i, n;
	const char *p;
	struct cb_date d;
	int a, b, c;

	if (in == NULL)
		goto bad;
	while (isspace((unsigned char)*in))
		in++;
	n = strlen(in);
	while (n > 0 && isspace((unsigned char)in[n - 1]))
		n--;
	if (n == 0 || n >= sizeof s)
		goto bad;
	for (i = 0; i < n; i++)
		s[i] = (char)tolower((unsigned char)in[i]);
	s[n] = '\0';

	if (cb_date_parse(s, out, NULL) == 0)
		return 0;
	if (strcmp(s, "today") == 0 || strcmp(s, "t") == 0) {
		*out = base;
		return 0;
	}
	if (strcmp(s, "tomorrow") == 0) {
		*out = cb_date_add_days(base, 1);
		return 0;
	}
	if (s[0] == '+' || s[0] == '-') {
		long k;
		char unit;

		p = s + 1;
		a = parse_number(&p);
		if (a < 0)
			goto bad;
		unit = *p == '\0' ? 'd' : *p++;
		if (*p != '\0')
			goto bad;
		k = s[0] == '-' ? -a : a;
		switch (unit) {
		case 'd': d = cb_date_add_days(base, k); break;
		case 'w': d = cb_date_add_days(base, 7 * k); break;
		case 'm': d = cb_date_add_months(base, (int)k); break;
		case 'y': d = cb_date_add_months(base, (int)(12 * k)); break;
		default: goto bad;
		}
		if (!cb_date_valid(d))
			goto bad;
		*out = d;
		return 0;
	}
	for (i = 0; i < 7; i++) {
		if (n >= 3 && strncmp(s, weekdays[i], 3) == 0) {
			int diff = (int)i - cb_date_weekday(base);

			if (diff <= 0)
				diff += 7;
			*out = cb_date_add_days(base, diff);
			return 0;
		}
	}
	/* D/M, D/M/YY or D/M/YYYY, British order. D/M without a year means
	 * the next such day on or after base. */
	p = s;
	a = parse_number(&p);
	if (a < 0 || (*p != '/' && *p != '.'))
		goto bad;
	p++;
	b = parse_number(&p);
	if (b < 0)
		goto bad;
	c = -1;
	if (*p == '/' || *p == '.') {
		p++;
		c = parse_number(&p);
		if (c < 0)
			goto bad;
		if (c < 100)
			c += 2000;
	}
	if (*p != '\0')
		goto bad;
	d.d = a;
	d.m = b;
	d.y = c >= 0 ? c : base.y;
	if (!cb_date_valid(d))
		goto bad;
	if (c < 0 && cb_date_cmp(d, base) < 0) {
		d.y++;
		if (!cb_date_valid(d))
			goto bad;
	}
	*out = d;
	return 0;
bad:
	return cb_err_set(err, CB_EINVAL,
	                  _("'%s' is not a date: try 2026-03-01, 1/3, +2w, +10d or friday"),
	                  in != NULL ? in : "");
}
