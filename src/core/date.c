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

/* The time is formatted once a millisecond: a large import stamps tens
 * of thousands of records in each second. */
void
cb_stamp_now(char out[CB_STAMP_LEN])
{
	static _Thread_local long long last_ms = -1;
	static _Thread_local char last[CB_STAMP_LEN];
	struct timeval tv;
	struct tm tm;
	time_t secs;
	long long ms;

	gettimeofday(&tv, NULL);
	ms = (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
	if (ms != last_ms) {
		secs = tv.tv_sec;
		gmtime_r(&secs, &tm);
		snprintf(last, sizeof last, "%04u-%02u-%02uT%02u:%02u:%02u.%03uZ",
		         (unsigned)(tm.tm_year + 1900) % 10000u, (unsigned)(tm.tm_mon + 1) % 100u,
		         (unsigned)tm.tm_mday % 100u, (unsigned)tm.tm_hour % 100u,
		         (unsigned)tm.tm_min % 100u, (unsigned)tm.tm_sec % 100u,
		         (unsigned)(tv.tv_usec / 1000) % 1000u);
		last_ms = ms;
	}
	memcpy(out, last, CB_STAMP_LEN);
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

/* Every word the date parser knows, in one table: a translation adds its
 * own words here (Welsh: heddiw, ddoe, yfory, dydd Llun...), beside the
 * English ones, which keep working. Weekdays carry 0 = Monday. */
enum word_kind { W_DAYS, W_WEEKDAY, W_UNIT_DAY, W_UNIT_WEEK, W_UNIT_MONTH, W_UNIT_YEAR,
                 W_NEXT, W_LAST, W_AGO, W_IN };

static const struct {
	const char *word;
	enum word_kind kind;
	int value;
} date_words[] = {
	{"today", W_DAYS, 0}, {"t", W_DAYS, 0}, {"yesterday", W_DAYS, -1},
	{"tomorrow", W_DAYS, 1},
	{"monday", W_WEEKDAY, 0}, {"mon", W_WEEKDAY, 0}, {"tuesday", W_WEEKDAY, 1},
	{"tue", W_WEEKDAY, 1}, {"tues", W_WEEKDAY, 1}, {"wednesday", W_WEEKDAY, 2},
	{"wed", W_WEEKDAY, 2}, {"thursday", W_WEEKDAY, 3}, {"thu", W_WEEKDAY, 3},
	{"thur", W_WEEKDAY, 3}, {"thurs", W_WEEKDAY, 3}, {"friday", W_WEEKDAY, 4},
	{"fri", W_WEEKDAY, 4}, {"saturday", W_WEEKDAY, 5}, {"sat", W_WEEKDAY, 5},
	{"sunday", W_WEEKDAY, 6}, {"sun", W_WEEKDAY, 6},
	{"d", W_UNIT_DAY, 1}, {"day", W_UNIT_DAY, 1}, {"days", W_UNIT_DAY, 1},
	{"w", W_UNIT_WEEK, 7}, {"week", W_UNIT_WEEK, 7}, {"weeks", W_UNIT_WEEK, 7},
	{"m", W_UNIT_MONTH, 1}, {"month", W_UNIT_MONTH, 1}, {"months", W_UNIT_MONTH, 1},
	{"y", W_UNIT_YEAR, 12}, {"year", W_UNIT_YEAR, 12}, {"years", W_UNIT_YEAR, 12},
	{"next", W_NEXT, 1}, {"this", W_NEXT, 1}, {"last", W_LAST, -1}, {"ago", W_AGO, -1},
	{"in", W_IN, 1},
};

#define N_DATE_WORDS (sizeof date_words / sizeof *date_words)

/* Words a translation gives (index: the English entry in date_words).
 * TRANSLATORS: the weekday names and "today", "yesterday", "tomorrow"
 * are typed as quick dates: translate each as one lower-case word, as
 * people type it (Welsh: llun, mawrth, ..., heddiw, ddoe, yfory). */
static const struct {
	const char *word;
	int index;
} local_words[] = {
	{N_("today"), 0},     {N_("yesterday"), 2}, {N_("tomorrow"), 3},
	{N_("monday"), 4},    {N_("tuesday"), 6},   {N_("wednesday"), 9},
	{N_("thursday"), 11}, {N_("friday"), 15},   {N_("saturday"), 17},
	{N_("sunday"), 19},
};

#define N_LOCAL_WORDS (sizeof local_words / sizeof *local_words)

/* The table entry for the word at *p (ended by a space, a digit or the
 * end), moving *p past it; -1 when it is not one. */
static int
date_word(const char **p)
{
	size_t i, n = 0;

	while ((*p)[n] != '\0' && (*p)[n] != ' ' && !isdigit((unsigned char)(*p)[n]))
		n++;
	if (n == 0)
		return -1;
	for (i = 0; i < N_DATE_WORDS; i++)
		if (strlen(date_words[i].word) == n && strncmp(*p, date_words[i].word, n) == 0) {
			*p += n;
			return (int)i;
		}
	/* The same words in the worker's language, from the catalogue: the
	 * whole word, or for a weekday any beginning of three letters or more. */
	for (i = 0; i < N_LOCAL_WORDS; i++) {
		const char *w = _(local_words[i].word);

		if (w == local_words[i].word || strcmp(w, local_words[i].word) == 0)
			continue;
		if ((strlen(w) == n || (date_words[local_words[i].index].kind == W_WEEKDAY &&
		                        n >= 3 && n < strlen(w))) &&
		    strncmp(*p, w, n) == 0) {
			*p += n;
			return local_words[i].index;
		}
	}
	return -1;
}

static void
skip_spaces(const char **p)
{
	while (**p == ' ')
		(*p)++;
}

/* base moved by k of a unit (days, weeks, months, years). */
static struct cb_date
move_by(struct cb_date base, long k, enum word_kind unit)
{
	switch (unit) {
	case W_UNIT_WEEK: return cb_date_add_days(base, 7 * k);
	case W_UNIT_MONTH: return cb_date_add_months(base, (int)k);
	case W_UNIT_YEAR: return cb_date_add_months(base, (int)(12 * k));
	default: return cb_date_add_days(base, k);
	}
}

/* The weekday wd after base (dir 1) or before it (dir -1), never base
 * itself. */
static struct cb_date
weekday_from(struct cb_date base, int wd, int dir)
{
	int diff = wd - cb_date_weekday(base);

	if (dir > 0 && diff <= 0)
		diff += 7;
	if (dir < 0 && diff >= 0)
		diff -= 7;
	return cb_date_add_days(base, diff);
}

/* Words and numbers: today, yesterday, tomorrow; a weekday, next or last
 * weekday; +N, -N, with a unit (+2w, -10d); N units ago; in N units. */
static bool
parse_words(const char *s, struct cb_date base, struct cb_date *out)
{
	const char *p = s;
	int w, dir = 0, sign = 1;
	long k = -1;
	enum word_kind unit = W_UNIT_DAY;

	if (*p == '+' || *p == '-') {
		sign = *p == '-' ? -1 : 1;
		p++;
		if ((k = parse_number(&p)) < 0)
			return false;
		skip_spaces(&p);
		if (*p != '\0') {
			if ((w = date_word(&p)) < 0 || date_words[w].kind < W_UNIT_DAY ||
			    date_words[w].kind > W_UNIT_YEAR)
				return false;
			unit = date_words[w].kind;
		}
		skip_spaces(&p);
		if (*p != '\0')
			return false;
		*out = move_by(base, sign * k, unit);
		return cb_date_valid(*out);
	}
	if ((w = date_word(&p)) >= 0) {
		switch (date_words[w].kind) {
		case W_DAYS:
			skip_spaces(&p);
			if (*p != '\0')
				return false;
			*out = cb_date_add_days(base, date_words[w].value);
			return true;
		case W_NEXT:
		case W_LAST:
			dir = date_words[w].value;
			skip_spaces(&p);
			if ((w = date_word(&p)) < 0)
				return false;
			skip_spaces(&p);
			if (*p != '\0')
				return false;
			if (date_words[w].kind == W_WEEKDAY) {
				*out = weekday_from(base, date_words[w].value, dir);
				return true;
			}
			if (date_words[w].kind >= W_UNIT_DAY && date_words[w].kind <= W_UNIT_YEAR) {
				*out = move_by(base, dir, date_words[w].kind);
				return cb_date_valid(*out);
			}
			return false;
		case W_WEEKDAY:
			skip_spaces(&p);
			if (*p != '\0')
				return false;
			/* A weekday alone is the next one: dates typed are mostly
			 * when something is due. "last friday" for the one before. */
			*out = weekday_from(base, date_words[w].value, 1);
			return true;
		case W_IN:
			skip_spaces(&p);
			sign = 1;
			break;
		default:
			return false;
		}
	}
	/* [in] N unit [ago] */
	if ((k = parse_number(&p)) < 0)
		return false;
	skip_spaces(&p);
	if ((w = date_word(&p)) < 0 || date_words[w].kind < W_UNIT_DAY ||
	    date_words[w].kind > W_UNIT_YEAR)
		return false;
	unit = date_words[w].kind;
	skip_spaces(&p);
	if ((w = date_word(&p)) >= 0) {
		if (date_words[w].kind != W_AGO || s[0] == 'i')
			return false;
		sign = -1;
	} else if (s[0] != 'i') {
		return false;   /* "3 days" alone: before or after? */
	}
	skip_spaces(&p);
	if (*p != '\0')
		return false;
	*out = move_by(base, sign * k, unit);
	return cb_date_valid(*out);
}

/* A year typed with two digits: for a date of birth never in the future
 * (94 is 1994), for other dates the one nearest to base. */
static int
full_year(int yy, struct cb_date base, enum cb_date_kind kind)
{
	int century = base.y - base.y % 100, y = century + yy;

	if (kind == CB_DATE_BIRTH)
		return y > base.y ? y - 100 : y;
	if (y > base.y + 50)
		return y - 100;
	if (y < base.y - 50)
		return y + 100;
	return y;
}

int
cb_date_parse_quick(const char *in, struct cb_date base, struct cb_date *out,
                    struct cb_err *err)
{
	return cb_date_parse_as(in, base, CB_DATE_EVENT, out, err);
}

int
cb_date_parse_as(const char *in, struct cb_date base, enum cb_date_kind kind,
                 struct cb_date *out, struct cb_err *err)
{
	char s[48];
	size_t i, n, k = 0;
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
	/* Lower case, runs of space as one. */
	for (i = 0; i < n; i++) {
		char ch = (char)tolower((unsigned char)in[i]);

		if (isspace((unsigned char)ch)) {
			if (k > 0 && s[k - 1] == ' ')
				continue;
			ch = ' ';
		}
		s[k++] = ch;
	}
	s[k] = '\0';

	if (cb_date_parse(s, out, NULL) == 0)
		return 0;
	if (parse_words(s, base, out)) {
		if (kind == CB_DATE_BIRTH && cb_date_cmp(*out, base) > 0 &&
		    cb_date_diff(*out, base) > 300)
			goto bad;
		return 0;
	}
	/* D/M, D/M/YY or D/M/YYYY, British order (or with dots or dashes).
	 * D/M without a year means the next such day on or after base (for
	 * a date of birth a year is needed). */
	p = s;
	a = parse_number(&p);
	if (a < 0 || (*p != '/' && *p != '.' && *p != '-'))
		goto bad;
	p++;
	b = parse_number(&p);
	if (b < 0)
		goto bad;
	c = -1;
	if (*p == '/' || *p == '.' || *p == '-') {
		const char *y = ++p;

		c = parse_number(&p);
		if (c < 0)
			goto bad;
		if (p - y <= 2)
			c = full_year(c, base, kind);
		else if (p - y != 4)
			goto bad;
	}
	if (*p != '\0' || (c < 0 && kind == CB_DATE_BIRTH))
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
	if (kind == CB_DATE_BIRTH)
		return cb_err_set(err, CB_EINVAL,
		                  _("'%s' is not a date of birth: try 1994-05-17, 17/05/1994 or "
		                    "17/5/94"),
		                  in != NULL ? in : "");
	return cb_err_set(err, CB_EINVAL,
	                  _("'%s' is not a date: try 2026-03-01, 17/03/2026, 1/3, yesterday, "
	                    "friday, last friday, +2w or 3 days ago"),
	                  in != NULL ? in : "");
}
