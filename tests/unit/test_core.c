/* SPDX-License-Identifier: MIT */
/* core: strings, UTF-8 widths, dates, ids, vectors, diagnostics. */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <libintl.h>
#include <locale.h>
#include <unistd.h>
#include <sys/wait.h>
#include <utf8proc.h>
#include <wchar.h>

#include "casebook/date.h"
#include "casebook/diag.h"
#include "casebook/family.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/names.h"
#include "casebook/str.h"
#include "casebook/text.h"
#include "casebook/utf8.h"
#include "casebook/uuid.h"
#include "casebook/vec.h"
#include "casebook/worker.h"
#include "names.h"
#include "testutil.h"

START_TEST(buf_grows_and_edits)
{
	struct cb_buf b = {0};
	char *s;
	int i;

	ck_assert_str_eq(cb_buf_str(&b), "");
	for (i = 0; i < 1000; i++)
		cb_buf_addc(&b, 'x');
	ck_assert_uint_eq(b.len, 1000);
	cb_buf_clear(&b);
	cb_buf_addf(&b, "%s-%d", "case", 42);
	cb_buf_insert(&b, 0, ">>", 2);
	ck_assert_str_eq(cb_buf_str(&b), ">>case-42");
	cb_buf_erase(&b, 2, 5);
	ck_assert_str_eq(cb_buf_str(&b), ">>42");
	cb_buf_erase(&b, 3, 100);
	ck_assert_str_eq(cb_buf_str(&b), ">>4");
	s = cb_buf_take(&b);
	ck_assert_str_eq(s, ">>4");
	ck_assert_ptr_null(b.s);
	free(s);
	cb_buf_free(&b);
}
END_TEST

START_TEST(string_helpers)
{
	char *t;

	ck_assert(cb_streq(NULL, NULL));
	ck_assert(!cb_streq("a", NULL));
	ck_assert(cb_str_empty("  \t\n"));
	ck_assert(!cb_str_empty(" x "));
	ck_assert_uint_eq(cb_str_distance("sections", "sectoins", 3), 2);
	ck_assert_uint_eq(cb_str_distance("applies_to", "applies_to", 3), 0);
	ck_assert_uint_eq(cb_str_distance("a", "completely", 3), 4);
	t = cb_str_trim("  Zoë  \n");
	ck_assert_str_eq(t, "Zoë");
	free(t);
	ck_assert(cb_str_has_word(" 4B  7A ", "7A"));
	ck_assert(!cb_str_has_word("4B 7AB", "7A"));
	ck_assert(!cb_str_has_word(NULL, "7A"));
}
END_TEST

START_TEST(utf8_widths_of_names)
{
	/* Each of these is one column a character on screen. */
	ck_assert_uint_eq(cb_utf8_width("Zoë"), 3);
	ck_assert_uint_eq(cb_utf8_width("Łukasz"), 6);
	ck_assert_uint_eq(cb_utf8_width("Siobhán"), 7);
	ck_assert_uint_eq(cb_utf8_width("Nguyễn"), 6);
	ck_assert_uint_eq(cb_utf8_width("سارة"), 4);
	/* Combining marks take no column: e + U+0308 is ë. */
	ck_assert_uint_eq(cb_utf8_width("Zoe\xcc\x88"), 3);
	/* Wide characters take two. */
	ck_assert_uint_eq(cb_utf8_width("\xe5\xb1\xb1\xe7\x94\xb0"), 4);
	ck_assert_uint_eq(cb_utf8_width(""), 0);
	ck_assert_uint_eq(cb_utf8_width(NULL), 0);
}
END_TEST

START_TEST(utf8_fit_and_pad)
{
	char *p;

	ck_assert_uint_eq(cb_utf8_fit("Łukasz", 2), strlen("Łu"));
	/* A wide character is not split. */
	ck_assert_uint_eq(cb_utf8_fit("a\xe5\xb1\xb1", 2), 1);
	/* A combining mark stays with its letter. */
	ck_assert_uint_eq(cb_utf8_fit("oe\xcc\x88x", 2), 4);
	p = cb_utf8_pad("Zoë", 6);
	ck_assert_str_eq(p, "Zoë   ");
	ck_assert_uint_eq(cb_utf8_width(p), 6);
	free(p);
	p = cb_utf8_pad("Siobhán Gallagher", 8);
	ck_assert_uint_eq(cb_utf8_width(p), 8);
	ck_assert_str_eq(p, "Siobhán\xe2\x80\xa6");
	free(p);
}
END_TEST

START_TEST(utf8_invalid_bytes)
{
	uint32_t cp;
	char enc[4];

	ck_assert(cb_utf8_valid("Nguyễn", strlen("Nguyễn")));
	ck_assert(!cb_utf8_valid("\xff\xfe", 2));
	ck_assert(!cb_utf8_valid("\xc0\xaf", 2)); /* overlong */
	ck_assert(!cb_utf8_valid("\xed\xa0\x80", 3)); /* surrogate */
	ck_assert(cb_utf8_valid("\xef\xbf\xbd", 3)); /* a real U+FFFD */
	ck_assert_uint_eq(cb_utf8_decode("\xe2\x82", 2, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cb_utf8_encode(0x1F600, enc), 4);
	ck_assert_uint_eq(cb_utf8_decode(enc, 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F600);
	/* Invalid bytes still count, so nothing vanishes from the screen. */
	ck_assert_uint_eq(cb_utf8_width("a\xffz"), 3);
	ck_assert_uint_eq(cb_utf8_cluster_prev("aë", 3), 1);
	ck_assert_uint_eq(cb_utf8_cluster_next("aë", 3, 1), 3);
}
END_TEST

START_TEST(text_normal_form_and_folding)
{
	/* "Zoë" precomposed and with a combining diaeresis. */
	const char *pre = "Zo\xc3\xab", *comb = "Zoe\xcc\x88";
	static const struct {
		const char *typed, *name;
	} finds[] = {
		{"nguyen", "Nguy\xe1\xbb\x85n family"},
		{"zielinska", "KATARZYNA ZIELI\xc5\x83SKA"},
		{"lukasz", "\xc5\x81ukasz W\xc3\xb3jcik"},
		{"siobhan", "Siobh\xc3\xa1n Gallagher"},
		{"fs-26-0142", "FS-26-0142"},
		{"o'brien", "Aoife O\xe2\x80\x99" "Brien"},
		{"zoe", "Zoe\xcc\x88 Price"},
		{"strasse", "Stra\xc3\x9f" "e"},
	};
	char *a = cb_text_nfc(pre), *b = cb_text_nfc(comb), *f;
	size_t i;

	ck_assert_str_eq(a, b);
	ck_assert_str_eq(a, pre);
	free(a);
	free(b);
	for (i = 0; i < sizeof finds / sizeof finds[0]; i++)
		ck_assert_msg(cb_text_matches(finds[i].name, finds[i].typed), "%s in %s",
		              finds[i].typed, finds[i].name);
	ck_assert(!cb_text_matches("Price family", "prince"));
	/* Bengali vowel signs are spelling, not decoration. */
	ck_assert(!cb_text_matches("\xe0\xa6\x95\xe0\xa6\xae\xe0\xa6\xb2",
	                           "\xe0\xa6\x95\xe0\xa6\xbe\xe0\xa6\xae"));
	f = cb_text_fold("  Two\t\tspaces \xff here ");
	ck_assert_str_eq(f, "two spaces \xef\xbf\xbd here");
	free(f);
	f = cb_text_fold(NULL);
	ck_assert_str_eq(f, "");
	free(f);
}
END_TEST

/* The columns the C library gives: a whole string through its own
 * mbstowcs() and wcswidth(), for comparing with the workbook's walk. */
static int
libc_width(const char *s)
{
	size_t n = mbstowcs(NULL, s, 0);
	wchar_t *w;
	int cols;

	if (n == (size_t)-1)
		return -2; /* not valid in this locale: never equal */
	w = cb_calloc(n + 1, sizeof *w);
	mbstowcs(w, s, n + 1);
	cols = wcswidth(w, n);
	free(w);
	return cols;
}

static bool
is_control_or_override(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Every assigned code point, measured by the workbook and by wcwidth(),
 * the function ncursesw places the cursor by. What the C library cannot
 * measure, and every control, is shown as U+FFFD (one column). */
START_TEST(widths_are_the_c_library_s)
{
	const char *step_env = getenv("CASEBOOK_TEST_STEP");
	uint32_t cp, step = step_env != NULL && atoi(step_env) > 0 ? (uint32_t)atoi(step_env) : 1;
	size_t walked = 0, unknown = 0;
	char first[160] = "";

	/* Checked quietly and said once: a Check assertion per code point
	 * would take longer than the walk. */
#define WRONG(...)                                                                 \
	do {                                                                       \
		if (first[0] == '\0')                                              \
			snprintf(first, sizeof first, __VA_ARGS__);                \
	} while (0)
	for (cp = 1; cp <= 0x10FFFF; cp += step) {
		char enc[5];
		size_t n;
		uint32_t back, shown;
		int w;

		if ((cp >= 0xD800 && cp <= 0xDFFF) ||
		    utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CN)
			continue;
		walked++;
		n = cb_utf8_encode(cp, enc);
		enc[n] = '\0';
		if (cb_utf8_decode(enc, n, &back) != n || back != cp)
			WRONG("U+%04X does not decode back", cp);
		w = wcwidth((wchar_t)cp);
		shown = cb_utf8_shown(cp);
		if (cp == '\t' || cp == '\n' || cp == '\r') {
			if (shown != ' ' || cb_utf8_width(enc) != 1)
				WRONG("U+%04X is not shown as a space", cp);
		} else if (cp == 0x061C || cp == 0x200E || cp == 0x200F) {
			if (shown != 0 || cb_utf8_width(enc) != 0)
				WRONG("U+%04X is shown", cp);
		} else if (is_control_or_override(cp) || w < 0) {
			if (shown != CB_UTF8_REPLACEMENT || cb_utf8_width(enc) != 1)
				WRONG("U+%04X goes out raw", cp);
			unknown++;
		} else if (shown != cp) {
			WRONG("U+%04X is replaced", cp);
		} else if (cb_utf8_width(enc) != (size_t)w || libc_width(enc) != w) {
			WRONG("U+%04X: %zu columns, wcwidth %d", cp, cb_utf8_width(enc), w);
		}
	}
#undef WRONG
	ck_assert_msg(first[0] == '\0', "%s", first);
	/* Unicode 15 assigns about 288,000; the C library knows nearly all. */
	ck_assert_uint_gt(walked * step, 280000);
	ck_assert_uint_lt(unknown * step, 10000);
}
END_TEST

START_TEST(hostile_text_is_not_shown_raw)
{
	static const char *const hostile[] = {
		"\x1b[2J", "\x1b]52;c;cHduZWQ=\x07", "\x1b]0;title\x1b\\", "\xc2\x9b" "31m",
		"\xe2\x80\xae" "evil", "\xe2\x81\xa6" "x", "\x07", "\x7f", "\xc2\x85",
	};
	size_t i;

	for (i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		const char *s = hostile[i];
		size_t k = 0, n = strlen(s);

		while (k < n) {
			uint32_t cp;

			k += cb_utf8_decode(s + k, n - k, &cp);
			if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x202E || cp == 0x2066)
				ck_assert_uint_eq(cb_utf8_shown(cp), CB_UTF8_REPLACEMENT);
		}
	}
	/* Marks that only steer bidi are left out; what they mark stays. */
	ck_assert_uint_eq(cb_utf8_width("\xd8\xb3\xe2\x80\x8f"), 1);
	/* The joiners that make one emoji of several stay: no columns. */
	ck_assert_uint_eq(cb_utf8_shown(0x200D), 0x200D);
	ck_assert_uint_eq(cb_utf8_cpwidth(0x200D), 0);
}
END_TEST

/* The rule for names holds in the model, so that add worker, import and
 * the screens cannot differ: controls, bidi controls and over-long
 * names and references are refused with a sentence saying which. */
START_TEST(names_are_checked_in_the_model)
{
	struct cb_family f = {0};
	struct cb_person p = {0};
	struct cb_worker w = {0};
	struct cb_team t = {0};
	struct cb_err err = {0};
	char ref[CB_REFERENCE_MAX + 2], name[CB_NAME_MAX + 2];

	f.reference = "FS-26-0142";
	f.name = "Nguy\xe1\xbb\x85n family";
	ck_assert_int_eq(cb_family_check(&f, &err), 0);
	memset(ref, 'A', sizeof ref - 1);
	ref[sizeof ref - 1] = '\0';
	f.reference = ref;
	ck_assert_int_ne(cb_family_check(&f, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "the case reference is 41 characters long"));
	ref[CB_REFERENCE_MAX] = '\0';
	ck_assert_int_eq(cb_family_check(&f, &err), 0);
	f.name = "Reid\x1b]52;c;cHduZWQ=\x07 family";
	ck_assert_int_ne(cb_family_check(&f, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "the family's name holds a control character"));

	p.name = "Ann\xe2\x80\xae" "dieR";
	ck_assert_int_ne(cb_person_check(&p, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "U+202E"));
	p.name = "Ann\xc2\x9b" "6nReid";
	ck_assert_int_ne(cb_person_check(&p, &err), 0);
	p.name = "\xd8\xb3\xd8\xa7\xd8\xb1\xd8\xa9";
	ck_assert_int_eq(cb_person_check(&p, &err), 0);

	memset(name, 'a', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	w.name = name;
	ck_assert_int_ne(cb_worker_check(&w, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "121 characters long, and at most 120"));
	name[CB_NAME_MAX] = '\0';
	ck_assert_int_eq(cb_worker_check(&w, &err), 0);
	t.name = "Team\tA";
	ck_assert_int_ne(cb_team_check(&t, &err), 0);
}
END_TEST

/* The cluster boundaries of s, walking forward; n of them at most. */
static size_t
boundaries(const char *s, size_t *out, size_t n)
{
	size_t len = strlen(s), at = 0, k = 0;

	while (at < len && k < n) {
		at = cb_utf8_cluster_next(s, len, at);
		out[k++] = at;
	}
	return k;
}

START_TEST(names_are_characters_as_people_see_them)
{
	size_t i, form;

	for (i = 0; i < TEST_NAMES; i++) {
		for (form = 0; form < 2; form++) {
			const char *s = form == 0 ? test_names[i].nfc : test_names[i].combining;
			size_t b[64], n, k, at, cols;

			if (s == NULL)
				continue;
			n = boundaries(s, b, 64);
			ck_assert_msg(n == test_names[i].clusters, "%s: %zu clusters in %s, not %zu",
			              test_names[i].script, n, s, test_names[i].clusters);
			/* Backwards gives the same steps. */
			at = strlen(s);
			for (k = n; k > 0; k--) {
				ck_assert_uint_eq(at, b[k - 1]);
				at = cb_utf8_cluster_prev(s, at);
			}
			ck_assert_uint_eq(at, 0);
			/* Measured as the C library measures the whole string. */
			ck_assert_msg((int)cb_utf8_width(s) == libc_width(s), "%s: %zu columns, libc %d",
			              s, cb_utf8_width(s), libc_width(s));
			/* Cut to any width, a name keeps whole characters. */
			for (cols = 0; cols <= cb_utf8_width(s); cols++) {
				size_t fit = cb_utf8_fit(s, cols);
				bool whole = fit == 0;

				for (k = 0; k < n; k++)
					whole = whole || b[k] == fit;
				ck_assert_msg(whole, "%s cut inside a character at %zu columns", s, cols);
				ck_assert_uint_le(cb_utf8_widthn(s, fit), cols);
			}
		}
	}
	/* A flag, a thumb with a skin tone, a family joined by ZWJ and an e
	 * with a combining acute: one character each. */
	{
		static const char *const one[] = {
			"\xf0\x9f\x87\xb8\xf0\x9f\x87\xb4",
			"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
			"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
			"e\xcc\x81",
		};

		for (i = 0; i < sizeof one / sizeof *one; i++)
			ck_assert_uint_eq(cb_utf8_cluster_next(one[i], strlen(one[i]), 0), strlen(one[i]));
		/* Two flags are two characters, not one of four halves. */
		ck_assert_uint_eq(cb_utf8_cluster_next("\xf0\x9f\x87\xb8\xf0\x9f\x87\xb4"
		                                       "\xf0\x9f\x87\xac\xf0\x9f\x87\xa7", 16, 0), 8);
	}
}
END_TEST

START_TEST(names_found_however_typed)
{
	size_t i;

	for (i = 0; i < TEST_NAMES; i++) {
		const struct test_name *t = &test_names[i];

		ck_assert_msg(cb_text_matches(t->nfc, t->typed), "'%s' does not find %s", t->typed,
		              t->nfc);
		if (t->combining != NULL) {
			char *nfc = cb_text_nfc(t->combining), *a = cb_text_fold(t->nfc),
			     *b = cb_text_fold(t->combining);

			/* Stored one way, whichever way it was typed. */
			ck_assert_str_eq(nfc, t->nfc);
			ck_assert_str_eq(a, b);
			ck_assert(cb_text_matches(t->combining, t->typed));
			ck_assert(cb_text_matches(t->nfc, t->combining));
			ck_assert(cb_text_matches(t->combining, t->nfc));
			free(nfc);
			free(a);
			free(b);
		}
	}
}
END_TEST

START_TEST(date_parse_and_format)
{
	struct cb_date d;
	struct cb_err err = {0};
	char buf[CB_DATE_LEN];

	ck_assert_int_eq(cb_date_parse("2026-02-28", &d, &err), 0);
	cb_date_format(d, buf);
	ck_assert_str_eq(buf, "2026-02-28");
	ck_assert_int_ne(cb_date_parse("2026-02-29", &d, &err), 0);
	ck_assert_int_eq(err.code, CB_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "YYYY-MM-DD"));
	ck_assert_int_eq(cb_date_parse("2024-02-29", &d, NULL), 0);
	ck_assert_int_ne(cb_date_parse("2026-13-01", &d, NULL), 0);
	ck_assert_int_ne(cb_date_parse("26-01-01", &d, NULL), 0);
	ck_assert_int_ne(cb_date_parse("2026-1-01", &d, NULL), 0);
	ck_assert_int_ne(cb_date_parse(NULL, &d, NULL), 0);
}
END_TEST

START_TEST(date_arithmetic)
{
	struct cb_date a = {2026, 1, 31}, b;

	b = cb_date_add_months(a, 1);
	ck_assert_int_eq(b.m, 2);
	ck_assert_int_eq(b.d, 28);
	b = cb_date_add_days((struct cb_date){2026, 12, 31}, 1);
	ck_assert_int_eq(b.y, 2027);
	ck_assert_int_eq(b.m, 1);
	ck_assert_int_eq(b.d, 1);
	ck_assert_int_eq(cb_date_diff((struct cb_date){2026, 3, 1}, (struct cb_date){2026, 2, 1}), 28);
	ck_assert_int_eq(cb_date_weekday((struct cb_date){2026, 11, 27}), 4); /* a Friday */
	ck_assert_int_eq(cb_date_age((struct cb_date){2016, 8, 2}, (struct cb_date){2026, 8, 1}), 9);
	ck_assert_int_eq(cb_date_age((struct cb_date){2016, 8, 2}, (struct cb_date){2026, 8, 2}), 10);
	ck_assert_int_eq(cb_date_to_days((struct cb_date){1970, 1, 1}), 0);
	b = cb_date_from_days(cb_date_to_days((struct cb_date){2000, 2, 29}));
	ck_assert_int_eq(b.y * 10000 + b.m * 100 + b.d, 20000229);
}
END_TEST

static struct cb_date
quick(const char *s)
{
	struct cb_date base = {2026, 11, 27}, out = {0, 0, 0};
	struct cb_err err = {0};

	ck_assert_msg(cb_date_parse_quick(s, base, &out, &err) == 0, "%s: %s", s, err.msg);
	return out;
}

static int
ymd(struct cb_date d)
{
	return d.y * 10000 + d.m * 100 + d.d;
}

START_TEST(date_quick_entry)
{
	struct cb_date out;
	struct cb_err err = {0};

	ck_assert_int_eq(ymd(quick("+2w")), 20261211);
	ck_assert_int_eq(ymd(quick("+10d")), 20261207);
	ck_assert_int_eq(ymd(quick("+10")), 20261207);
	ck_assert_int_eq(ymd(quick("+1m")), 20261227);
	ck_assert_int_eq(ymd(quick("-1w")), 20261120);
	ck_assert_int_eq(ymd(quick("today")), 20261127);
	ck_assert_int_eq(ymd(quick("tomorrow")), 20261128);
	/* D/M is British and means the next one: 1/3 is next March. */
	ck_assert_int_eq(ymd(quick("1/3")), 20270301);
	ck_assert_int_eq(ymd(quick("30/11")), 20261130);
	ck_assert_int_eq(ymd(quick("1/3/27")), 20270301);
	ck_assert_int_eq(ymd(quick("15.12.2026")), 20261215);
	ck_assert_int_eq(ymd(quick("2027-01-05")), 20270105);
	ck_assert_int_eq(ymd(quick("fri")), 20261204); /* the next Friday, not today */
	ck_assert_int_eq(ymd(quick("Monday")), 20261130);
	ck_assert_int_ne(cb_date_parse_quick("31/2", (struct cb_date){2026, 11, 27}, &out, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "+2w"));
	ck_assert_int_ne(cb_date_parse_quick("soon", (struct cb_date){2026, 11, 27}, &out, NULL), 0);
	ck_assert_int_ne(cb_date_parse_quick("+2x", (struct cb_date){2026, 11, 27}, &out, NULL), 0);
	ck_assert_int_ne(cb_date_parse_quick("", (struct cb_date){2026, 11, 27}, &out, NULL), 0);
}
END_TEST

static struct cb_date
as(const char *s, enum cb_date_kind kind)
{
	struct cb_date out = {0, 0, 0};
	struct cb_err err = {0};

	ck_assert_msg(cb_date_parse_as(s, (struct cb_date){2026, 11, 27}, kind, &out, &err) == 0,
	              "%s: %s", s, err.msg);
	return out;
}

START_TEST(dates_as_people_say_them)
{
	struct cb_date out, base = {2026, 11, 27}; /* a Friday */
	struct cb_err err = {0};

	/* British order with the year, as on forms. */
	ck_assert_int_eq(ymd(as("17/05/1994", CB_DATE_BIRTH)), 19940517);
	ck_assert_int_eq(ymd(as("17-05-1994", CB_DATE_EVENT)), 19940517);
	/* Two digits: a birth is never in the future; an event is the
	 * nearest year. */
	ck_assert_int_eq(ymd(as("17/5/94", CB_DATE_BIRTH)), 19940517);
	ck_assert_int_eq(ymd(as("3/3/26", CB_DATE_BIRTH)), 20260303);
	ck_assert_int_eq(ymd(as("3/3/27", CB_DATE_BIRTH)), 19270303);
	ck_assert_int_eq(ymd(as("3/3/27", CB_DATE_EVENT)), 20270303);
	ck_assert_int_eq(ymd(as("1/1/90", CB_DATE_EVENT)), 19900101);
	/* A birth needs its year. */
	ck_assert_int_ne(cb_date_parse_as("17/5", base, CB_DATE_BIRTH, &out, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "date of birth"));
	/* Words, whole or short, any case, extra spaces. */
	ck_assert_int_eq(ymd(quick("yesterday")), 20261126);
	ck_assert_int_eq(ymd(quick(" Yesterday ")), 20261126);
	ck_assert_int_eq(ymd(quick("friday")), 20261204);
	ck_assert_int_eq(ymd(quick("last friday")), 20261120);
	ck_assert_int_eq(ymd(quick("last  Monday")), 20261123);
	ck_assert_int_eq(ymd(quick("next tuesday")), 20261201);
	ck_assert_int_eq(ymd(quick("thurs")), 20261203);
	/* Relative forms. */
	ck_assert_int_eq(ymd(quick("3 days ago")), 20261124);
	ck_assert_int_eq(ymd(quick("2 weeks ago")), 20261113);
	ck_assert_int_eq(ymd(quick("in 2 weeks")), 20261211);
	ck_assert_int_eq(ymd(quick("in 1 month")), 20261227);
	ck_assert_int_eq(ymd(quick("+2 weeks")), 20261211);
	ck_assert_int_eq(ymd(quick("-1y")), 20251127);
	ck_assert_int_eq(ymd(quick("next week")), 20261204);
	ck_assert_int_eq(ymd(quick("last month")), 20261027);
	/* Not dates: said so, with forms that are. */
	ck_assert_int_ne(cb_date_parse_quick("3 days", base, &out, &err), 0);
	ck_assert_ptr_nonnull(strstr(err.msg, "yesterday"));
	ck_assert_int_ne(cb_date_parse_quick("in 2 weeks ago", base, &out, NULL), 0);
	ck_assert_int_ne(cb_date_parse_quick("last", base, &out, NULL), 0);
	ck_assert_int_ne(cb_date_parse_quick("friyay", base, &out, NULL), 0);
	ck_assert_int_ne(cb_date_parse_quick("1/2/345", base, &out, NULL), 0);
	ck_assert_int_ne(cb_date_parse_quick("yesterday today", base, &out, NULL), 0);
}
END_TEST

/* The quick words in Welsh, from the build's catalogue, beside English. */
START_TEST(date_quick_entry_welsh)
{
#if defined(ENABLE_NLS) && ENABLE_NLS
	const char *dir = getenv("CASEBOOK_LOCALEDIR");
	char *mo;
	struct cb_date out;

	ck_assert_msg(dir != NULL && *dir != '\0', "CASEBOOK_LOCALEDIR is not set");
	mo = cb_asprintf("%s/cy/LC_MESSAGES/casebook.mo", dir);
	ck_assert_msg(access(mo, R_OK) == 0, "no Welsh catalogue at %s", mo);
	free(mo);
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
	setenv("LANGUAGE", "cy", 1);
	ck_assert_ptr_nonnull(bindtextdomain(PACKAGE, dir));
	textdomain(PACKAGE);
	ck_assert_str_eq(_("today"), "heddiw");
	ck_assert_int_eq(ymd(quick("heddiw")), 20261127);
	ck_assert_int_eq(ymd(quick("Yfory")), 20261128);
	ck_assert_int_eq(ymd(quick("gwener")), 20261204); /* Friday */
	ck_assert_int_eq(ymd(quick("gwe")), 20261204);
	ck_assert_int_eq(ymd(quick("llun")), 20261130); /* Monday */
	ck_assert_int_eq(ymd(quick("sul")), 20261129);  /* Sunday */
	ck_assert_int_eq(ymd(quick("sadwrn")), 20261128);
	/* English still works, and a word that is neither is refused. */
	ck_assert_int_eq(ymd(quick("friday")), 20261204);
	ck_assert_int_eq(ymd(quick("tomorrow")), 20261128);
	ck_assert_int_ne(cb_date_parse_quick("gw", (struct cb_date){2026, 11, 27}, &out, NULL), 0);
	ck_assert_int_ne(cb_date_parse_quick("gwenerx", (struct cb_date){2026, 11, 27}, &out, NULL), 0);
	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "C");
#endif
}
END_TEST

START_TEST(today_can_be_fixed)
{
	struct cb_date d;

	setenv("CASEBOOK_TODAY", "2026-03-04", 1);
	d = cb_date_today();
	unsetenv("CASEBOOK_TODAY");
	ck_assert_int_eq(ymd(d), 20260304);
	d = cb_date_today();
	ck_assert(cb_date_valid(d));
}
END_TEST

START_TEST(stamps_and_ids)
{
	char a[CB_UUID_LEN], b[CB_UUID_LEN], stamp[CB_STAMP_LEN];

	cb_uuid_new(a);
	cb_uuid_new(b);
	ck_assert(cb_uuid_valid(a));
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(a[14], '7');
	ck_assert(strchr("89ab", a[19]) != NULL);
	/* Ordered by time: each later than the one before, more than one
	 * millisecond's sequence holds included; and from about now (the
	 * first 12 hex digits are the milliseconds since 1970). */
	{
		char prev[CB_UUID_LEN], hexms[13];
		long long ms;
		int i;

		memcpy(prev, b, CB_UUID_LEN);
		for (i = 0; i < 20000; i++) {
			cb_uuid_new(a);
			ck_assert_msg(strcmp(a, prev) > 0, "%s after %s", a, prev);
			memcpy(prev, a, CB_UUID_LEN);
		}
		snprintf(hexms, sizeof hexms, "%.8s%.4s", a, a + 9);
		ms = strtoll(hexms, NULL, 16);
		ck_assert_int_gt(ms, (long long)time(NULL) * 1000 - 60000);
		ck_assert_int_lt(ms, (long long)time(NULL) * 1000 + 60000);
	}
	ck_assert(!cb_uuid_valid("not-a-uuid"));
	ck_assert(!cb_uuid_valid("3F2504E0-4F89-41D3-9A0C-0305E82C3301")); /* upper case */
	cb_stamp_now(stamp);
	ck_assert_uint_eq(strlen(stamp), 24);
	ck_assert_int_eq(stamp[10], 'T');
	ck_assert_int_eq(stamp[23], 'Z');
	/* Formatted once a millisecond, but always the time now: the same
	 * second as the clock read just before or just after. */
	{
		char before[32], after[32];
		struct tm tm;
		time_t t;
		int i;

		for (i = 0; i < 3; i++) {
			t = time(NULL);
			gmtime_r(&t, &tm);
			strftime(before, sizeof before, "%Y-%m-%dT%H:%M:%S", &tm);
			cb_stamp_now(stamp);
			t = time(NULL);
			gmtime_r(&t, &tm);
			strftime(after, sizeof after, "%Y-%m-%dT%H:%M:%S", &tm);
			ck_assert_msg(strncmp(stamp, before, 19) == 0 || strncmp(stamp, after, 19) == 0,
			              "%s is not between %s and %s", stamp, before, after);
			usleep(600000);
		}
	}
}
END_TEST

/* The random part of an id (its last 16 hex digits but the variant). */
static void
id_tail(const char *id, char out[17])
{
	snprintf(out, 17, "%.3s%.12s", id + 20, id + 24);
}

/* Ids take their random bits from a pool: a child process must not hand
 * out the bytes its parent has left in it. */
/* Whether an address lies in a mapping that /proc/self/smaps flags as
 * advised for huge pages ("hg"). */
static bool
advised_huge(const void *p)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	unsigned long lo, hi, at = (unsigned long)p;
	bool in = false, hg = false;

	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) /* a mapping's first line */
			in = at >= lo && at < hi;
		else if (in && strncmp(line, "VmFlags:", 8) == 0)
			hg = strstr(line, " hg") != NULL;
	}
	fclose(f);
	return hg;
}

START_TEST(bulk_heap_takes_huge_pages)
{
	enum { BLOCKS = 96, SIZE = 64 << 10 };
	unsigned char *b[BLOCKS];
	char thp[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	bool can = false, took;
	int i, j;

	/* glibc's heap, a kernel with huge pages, and no other allocator
	 * (AddressSanitizer's or valgrind's) in its place. */
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
	{
		const char *preload = getenv("LD_PRELOAD");

		can = f != NULL && fgets(thp, sizeof thp, f) != NULL &&
		      strstr(thp, "[never]") == NULL &&
		      (preload == NULL || strstr(preload, "vgpreload") == NULL);
	}
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
	can = false;
#endif
#endif
#endif
	if (f != NULL)
		fclose(f);
	took = cb_mem_bulk();
	if (can)
		ck_assert_msg(took, "the heap was not advised (transparent huge pages: %s)", thp);
	/* Either way it is still a heap: blocks keep what is written. */
	for (i = 0; i < BLOCKS; i++) {
		b[i] = cb_malloc(SIZE);
		memset(b[i], i, SIZE);
	}
	if (took)
		ck_assert_msg(advised_huge(b[BLOCKS - 1]), "a block past the first 4 MiB is not advised");
	for (i = 0; i < BLOCKS; i++) {
		for (j = 0; j < SIZE; j += 4093)
			ck_assert_int_eq(b[i][j], (unsigned char)i);
		free(b[i]);
	}
}
END_TEST

START_TEST(ids_differ_after_fork)
{
	char id[CB_UUID_LEN], mine[64][17], theirs[17];
	int fd[2], i, j, status;
	pid_t pid;
	FILE *in;

	cb_uuid_new(id); /* the pool is filled, and holds more */
	ck_assert_int_eq(pipe(fd), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		FILE *out = fdopen(fd[1], "w");

		close(fd[0]);
		for (i = 0; i < 64; i++) {
			cb_uuid_new(id);
			id_tail(id, theirs);
			fprintf(out, "%s\n", theirs);
		}
		fclose(out);
		_exit(0);
	}
	close(fd[1]);
	for (i = 0; i < 64; i++) {
		cb_uuid_new(id);
		id_tail(id, mine[i]);
	}
	in = fdopen(fd[0], "r");
	ck_assert_ptr_nonnull(in);
	for (i = 0; fscanf(in, "%16s", theirs) == 1; i++)
		for (j = 0; j < 64; j++)
			ck_assert_msg(strcmp(theirs, mine[j]) != 0,
			              "the child made an id with the parent's random bits %s", theirs);
	fclose(in);
	ck_assert_int_eq(i, 64);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

static int freed;
static void
count_free(void *p)
{
	freed++;
	free(p);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(vectors_own_or_borrow)
{
	struct cb_vec v = CB_VEC_OWNING(count_free);
	int i;

	freed = 0;
	for (i = 0; i < 20; i++)
		cb_vec_push(&v, cb_asprintf("%02d", 19 - i));
	cb_vec_sort(&v, cmp_str);
	ck_assert_str_eq(cb_vec_get(&v, 0), "00");
	ck_assert_ptr_null(cb_vec_get(&v, 20));
	cb_vec_remove(&v, 0);
	ck_assert_int_eq(freed, 1);
	ck_assert_str_eq(cb_vec_get(&v, 0), "01");
	cb_vec_clear(&v);
	ck_assert_int_eq(freed, 20);
	ck_assert_uint_eq(v.len, 0);
}
END_TEST

START_TEST(diagnostics_format_and_sort)
{
	struct cb_diags d;
	char *s;

	cb_diags_init(&d);
	cb_diags_add(&d, "b.yaml", 3, 1, "later file");
	cb_diags_add(&d, "a.yaml", 10, 2, "second");
	cb_diags_add(&d, "a.yaml", 2, 7, "first");
	cb_diags_add(&d, "a.yaml", 0, 0, "whole file");
	cb_diags_sort(&d);
	s = cb_diag_format(cb_diags_at(&d, 0));
	ck_assert_str_eq(s, "a.yaml: whole file");
	free(s);
	s = cb_diag_format(cb_diags_at(&d, 1));
	ck_assert_str_eq(s, "a.yaml:2:7: first");
	free(s);
	ck_assert_uint_eq(cb_diags_count(&d), 4);
	cb_diags_clear(&d);
}
END_TEST

START_TEST(errors_carry_a_message)
{
	struct cb_err err = {0};

	ck_assert_int_eq(cb_err_set(&err, CB_EFULL, "disk %s", "full"), -1);
	cb_err_prefix(&err, "saving note");
	ck_assert_str_eq(err.msg, "saving note: disk full");
	ck_assert_int_eq(err.code, CB_EFULL);
	cb_err_clear(&err);
	ck_assert_int_eq(err.code, CB_OK);
	ck_assert_int_eq(cb_err_set(NULL, CB_EIO, "ignored"), -1);
}
END_TEST

static Suite *
core_suite(void)
{
	Suite *s = suite_create("core");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, buf_grows_and_edits);
	tcase_add_test(tc, string_helpers);
	tcase_add_test(tc, utf8_widths_of_names);
	tcase_add_test(tc, utf8_fit_and_pad);
	tcase_add_test(tc, utf8_invalid_bytes);
	tcase_add_test(tc, text_normal_form_and_folding);
	tcase_add_test(tc, widths_are_the_c_library_s);
	tcase_add_test(tc, hostile_text_is_not_shown_raw);
	tcase_add_test(tc, names_are_checked_in_the_model);
	tcase_add_test(tc, names_are_characters_as_people_see_them);
	tcase_add_test(tc, names_found_however_typed);
	tcase_add_test(tc, date_parse_and_format);
	tcase_add_test(tc, date_arithmetic);
	tcase_add_test(tc, date_quick_entry);
	tcase_add_test(tc, dates_as_people_say_them);
	tcase_add_test(tc, date_quick_entry_welsh);
	tcase_add_test(tc, today_can_be_fixed);
	tcase_add_test(tc, stamps_and_ids);
	tcase_add_test(tc, ids_differ_after_fork);
	tcase_add_test(tc, bulk_heap_takes_huge_pages);
	tcase_add_test(tc, vectors_own_or_borrow);
	tcase_add_test(tc, diagnostics_format_and_sort);
	tcase_add_test(tc, errors_carry_a_message);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(core_suite());
}
