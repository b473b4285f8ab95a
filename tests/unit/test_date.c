/*
 * test_date.c: civil dates, times, Dutch names and Europe/Amsterdam time.
 *
 * Every expected value was taken from an outside calendar (GNU date, with
 * tzdata for Europe/Amsterdam), never from the code under test; the comment
 * beside it says what the calendar says.
 */
#include "testutil.h"

#include <string.h>

#include "date.h"

static void test_known_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	/* 946684800 s (the Unix time of 2000-01-01) / 86400 */
	assert_int_equal(date_from_ymd(2000, 1, 1), 10957);
	/* 2208988800 s between the NTP and Unix epochs / 86400 */
	assert_int_equal(date_from_ymd(1900, 1, 1), -25567);
	/* 719528 days from 0000-01-01 to 1970-01-01 (Hinnant's 719468 counts
	   from 0000-03-01; January and February of leap year 0 add 60). */
	assert_int_equal(date_from_ymd(0, 1, 1), DATE_MIN);
	assert_date(DATE_MIN, "0000-01-01");
	assert_date(DATE_MAX, "9999-12-31");
	assert_int_equal(date_from_ymd(9999, 12, 31), DATE_MAX);
}

/*
 * Walks every day of 1900..2400 by incrementing day, month and year by hand
 * and checks that date_from_ymd counts up by one and date_to_ymd inverts it.
 * Together with the anchors above this pins down every date in the range.
 */
static void test_consecutive_days_1900_2400(void **state)
{
	(void)state;
	date_t expect = date_from_ymd(1900, 1, 1);
	for (int y = 1900; y <= 2400; y++) {
		for (int m = 1; m <= 12; m++) {
			int len =
			    m == 2
			        ? (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
			               ? 29
			               : 28)
			    : (m == 4 || m == 6 || m == 9 || m == 11) ? 30
			                                              : 31;
			assert_int_equal(date_days_in_month(y, m), len);
			for (int d = 1; d <= len; d++, expect++) {
				assert_int_equal(date_from_ymd(y, m, d),
				                 expect);
				int gy, gm, gd;
				date_to_ymd(expect, &gy, &gm, &gd);
				assert_int_equal(gy, y);
				assert_int_equal(gm, m);
				assert_int_equal(gd, d);
			}
		}
	}
	/* 2401-01-01 is 182987 days after 1900-01-01 (GNU date): 501 years
	   with 126 multiples of 4 among them, less the non-leap centuries
	   1900, 2100, 2200 and 2300. */
	assert_int_equal(expect - date_from_ymd(1900, 1, 1), 182987);
}

static void test_negative_and_ancient(void **state)
{
	(void)state;
	int y, m, d;
	date_to_ymd(-1, &y, &m, &d);
	assert_int_equal(y, 1969);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
	/* Proleptic year 0 is a leap year (divisible by 400). */
	assert_int_equal(date_from_ymd(0, 3, 1) - date_from_ymd(0, 2, 28), 2);
	/* One 400-year cycle is 146097 days, also below year 0. */
	assert_int_equal(date_from_ymd(0, 1, 1) - date_from_ymd(-400, 1, 1),
	                 146097);
	date_to_ymd(date_from_ymd(-1, 12, 31), &y, &m, &d);
	assert_int_equal(y, -1);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
}

static void test_leap_years_and_month_lengths(void **state)
{
	(void)state;
	assert_true(date_is_leap_year(2024));
	assert_false(date_is_leap_year(2025));
	assert_false(date_is_leap_year(2100));
	assert_true(date_is_leap_year(2000));
	assert_false(date_is_leap_year(1900));
	assert_true(date_is_leap_year(2400));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2026, 2), 28);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
	assert_true(date_valid_ymd(2026, 11, 30));
	assert_false(date_valid_ymd(2026, 11, 31));
	assert_false(date_valid_ymd(2026, 11, 0));
	assert_false(date_valid_ymd(2026, 0, 1));
}

static void test_parse_valid(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int y, m, d;
	} cases[] = {
	    {"2026-11-25", 2026, 11, 25}, {"2024-02-29", 2024, 2, 29},
	    {"2000-02-29", 2000, 2, 29},  {"1970-01-01", 1970, 1, 1},
	    {"0001-01-01", 1, 1, 1},      {"9999-12-31", 9999, 12, 31},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		date_t d = 12345;
		bool impossible = true;
		assert_true(date_parse(cases[i].s, &d, &impossible));
		assert_false(impossible);
		assert_int_equal(
		    d, date_from_ymd(cases[i].y, cases[i].m, cases[i].d));
	}
	/* impossible may be NULL */
	date_t d;
	assert_true(date_parse("2026-11-25", &d, NULL));
	assert_date(d, "2026-11-25");
}

static void test_parse_malformed(void **state)
{
	(void)state;
	static const char *const cases[] = {
	    "",
	    "2026",
	    "2026-11",
	    "2026-11-2",
	    "2026-1-25",
	    "26-11-25",
	    "02026-11-25",
	    "2026/11/25",
	    "2026-11-25 ",
	    " 2026-11-25",
	    "2026-11-25T10:00",
	    "2026-11-2x",
	    "2026-+1-25",
	    "25-11-2026",
	    "2026-11-250",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		date_t d = 12345;
		bool impossible = true;
		assert_false(date_parse(cases[i], &d, &impossible));
		assert_false(impossible);
		assert_int_equal(d, 12345); /* untouched */
	}
	assert_false(date_parse("2026-1-25", &(date_t){0}, NULL));
}

static void test_parse_impossible(void **state)
{
	(void)state;
	static const char *const cases[] = {
	    "2026-02-30", "2026-13-01", "2026-00-10",
	    "2026-11-00", "2026-11-31", /* November has 30 days */
	    "2025-02-29",               /* 2025 is not a leap year */
	    "2100-02-29",               /* a century not divisible by 400 */
	    "2026-04-31",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		date_t d = 12345;
		bool impossible = false;
		assert_false(date_parse(cases[i], &d, &impossible));
		assert_true(impossible);
		assert_int_equal(d, 12345);
	}
	assert_false(date_parse("2026-02-30", &(date_t){0}, NULL));
}

static void test_format(void **state)
{
	(void)state;
	char buf[11];
	date_format(date_from_ymd(2026, 11, 25), buf);
	assert_string_equal(buf, "2026-11-25");
	date_format(date_from_ymd(2027, 1, 5), buf);
	assert_string_equal(buf, "2027-01-05");
	date_format(date_from_ymd(1, 1, 1), buf);
	assert_string_equal(buf, "0001-01-01");
	date_format(DATE_NONE, buf);
	assert_string_equal(buf, "?\?\?\?-?\?-?\?");
	date_format(DATE_MAX + 1, buf);
	assert_string_equal(buf, "?\?\?\?-?\?-?\?");
}

static void test_weekday(void **state)
{
	(void)state;
	/* 2026-11-25 is a Wednesday, 2026-11-24 a Tuesday. */
	assert_int_equal(date_weekday(date_from_ymd(2026, 11, 25)), 3);
	assert_int_equal(date_weekday(date_from_ymd(2026, 11, 24)), 2);
	/* 2026-03-29 is a Sunday (the spring DST change). */
	assert_int_equal(date_weekday(date_from_ymd(2026, 3, 29)), 7);
	/* 1970-01-01 was a Thursday, so 1969-12-31 (day -1) a Wednesday. */
	assert_int_equal(date_weekday(0), 4);
	assert_int_equal(date_weekday(-1), 3);
	/* 1900-01-01 was a Monday; 2000-01-01 and 2400-01-01 Saturdays. */
	assert_int_equal(date_weekday(date_from_ymd(1900, 1, 1)), 1);
	assert_int_equal(date_weekday(date_from_ymd(2000, 1, 1)), 6);
	assert_int_equal(date_weekday(date_from_ymd(2400, 1, 1)), 6);
	/* The weekday advances by one each day, over negative numbers too. */
	for (date_t d = -800; d < 800; d++)
		assert_int_equal(date_weekday(d + 1), date_weekday(d) % 7 + 1);
}

static void test_iso_week(void **state)
{
	(void)state;
	int y, w;
	/* 2026-11-25 is in 2026-W48. */
	date_iso_week(date_from_ymd(2026, 11, 25), &y, &w);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 48);
	/* 2027-01-01 (a Friday) belongs to 2026-W53. */
	date_iso_week(date_from_ymd(2027, 1, 1), &y, &w);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 53);
	/* 2026-01-01 (a Thursday) is in 2026-W01. */
	date_iso_week(date_from_ymd(2026, 1, 1), &y, &w);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 1);
	/* 2024-12-30 (a Monday) starts 2025-W01. */
	date_iso_week(date_from_ymd(2024, 12, 30), &y, &w);
	assert_int_equal(y, 2025);
	assert_int_equal(w, 1);

	/* 2026 and 2015 start on a Thursday; 2020 is a leap year starting on
	   a Wednesday: all three have 53 weeks. 2025 starts on a Wednesday
	   but is no leap year: 52. */
	assert_int_equal(date_iso_weeks_in_year(2026), 53);
	assert_int_equal(date_iso_weeks_in_year(2015), 53);
	assert_int_equal(date_iso_weeks_in_year(2020), 53);
	assert_int_equal(date_iso_weeks_in_year(2025), 52);
	assert_int_equal(date_iso_weeks_in_year(2027), 52);

	assert_date(date_from_iso_week(2026, 48, 3), "2026-11-25");
	assert_date(date_from_iso_week(2026, 53, 5), "2027-01-01");
	assert_date(date_from_iso_week(2025, 1, 1), "2024-12-30");
	assert_date(date_from_iso_week(2026, 1, 4), "2026-01-01");
}

/* Every ISO week of 1900..2400, in order, covers the days one after another,
   and date_iso_week inverts date_from_iso_week. */
static void test_iso_week_round_trip(void **state)
{
	(void)state;
	date_t expect = date_from_iso_week(1900, 1, 1);
	/* 1900-01-01 was a Monday, so ISO 1900 starts on it. */
	assert_date(expect, "1900-01-01");
	for (int y = 1900; y <= 2400; y++) {
		int weeks = date_iso_weeks_in_year(y);
		for (int w = 1; w <= weeks; w++) {
			for (int wd = 1; wd <= 7; wd++, expect++) {
				date_t d = date_from_iso_week(y, w, wd);
				assert_int_equal(d, expect);
				assert_int_equal(date_weekday(d), wd);
				int gy, gw;
				date_iso_week(d, &gy, &gw);
				assert_int_equal(gy, y);
				assert_int_equal(gw, w);
			}
		}
	}
}

static void test_weekday_helpers(void **state)
{
	(void)state;
	date_t wed = date_from_ymd(2026, 11, 25); /* a Wednesday */
	assert_date(date_next_weekday(wed, 3), "2026-11-25");
	assert_date(date_next_weekday(wed, 4), "2026-11-26");
	assert_date(date_next_weekday(wed, 2), "2026-12-01");
	/* March 2026: Tuesdays 3, 10, 17, 24, 31 (March 1 is a Sunday). */
	assert_date(date_nth_weekday_of_month(2026, 3, 2, 1), "2026-03-03");
	assert_date(date_nth_weekday_of_month(2026, 3, 2, 4), "2026-03-24");
	assert_date(date_nth_weekday_of_month(2026, 3, 2, 5), "2026-03-31");
	assert_date(date_nth_weekday_of_month(2026, 3, 2, -1), "2026-03-31");
	/* February 2026: Tuesdays 3, 10, 17, 24 and no fifth. */
	assert_int_equal(date_nth_weekday_of_month(2026, 2, 2, 5), DATE_NONE);
	assert_date(date_nth_weekday_of_month(2026, 2, 2, -1), "2026-02-24");
	/* Last Sundays of March and October 2026: the DST changes. */
	assert_date(date_nth_weekday_of_month(2026, 3, 7, -1), "2026-03-29");
	assert_date(date_nth_weekday_of_month(2026, 10, 7, -1), "2026-10-25");
	assert_int_equal(date_nth_weekday_of_month(2026, 3, 2, 0), DATE_NONE);
	assert_int_equal(date_nth_weekday_of_month(2026, 3, 8, 1), DATE_NONE);
	assert_int_equal(date_nth_weekday_of_month(2026, 13, 2, 1), DATE_NONE);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(date_weekday_name(1), "maandag");
	assert_string_equal(date_weekday_name(2), "dinsdag");
	assert_string_equal(date_weekday_name(3), "woensdag");
	assert_string_equal(date_weekday_name(4), "donderdag");
	assert_string_equal(date_weekday_name(5), "vrijdag");
	assert_string_equal(date_weekday_name(6), "zaterdag");
	assert_string_equal(date_weekday_name(7), "zondag");
	assert_null(date_weekday_name(0));
	assert_null(date_weekday_name(8));
	assert_string_equal(date_month_name(1), "januari");
	assert_string_equal(date_month_name(3), "maart");
	assert_string_equal(date_month_name(5), "mei");
	assert_string_equal(date_month_name(12), "december");
	assert_null(date_month_name(0));
	assert_null(date_month_name(13));

	for (int wd = 1; wd <= 7; wd++)
		assert_int_equal(date_weekday_from_name(date_weekday_name(wd)),
		                 wd);
	assert_int_equal(date_weekday_from_name("dinsdag"), 2);
	assert_int_equal(date_weekday_from_name("Dinsdag"), 0);
	assert_int_equal(date_weekday_from_name("dins"), 0);
	assert_int_equal(date_weekday_from_name("dinsdagen"), 0);
	assert_int_equal(date_weekday_from_name("tuesday"), 0);
	assert_int_equal(date_weekday_from_name(""), 0);
	assert_int_equal(date_weekday_from_name(NULL), 0);
}

static void test_format_long(void **state)
{
	(void)state;
	char buf[64];
	/* 2026-11-25 is a Wednesday. */
	assert_string_equal(
	    date_format_long(date_from_ymd(2026, 11, 25), buf, sizeof buf),
	    "woensdag 25 november 2026");
	/* 2026-03-01 is a Sunday: no leading zero on the day. */
	assert_string_equal(
	    date_format_long(date_from_ymd(2026, 3, 1), buf, sizeof buf),
	    "zondag 1 maart 2026");
	/* 2028-02-29 is a Tuesday. */
	assert_string_equal(
	    date_format_long(date_from_ymd(2028, 2, 29), buf, sizeof buf),
	    "dinsdag 29 februari 2028");
	/* Truncated like snprintf, and still terminated. */
	char small[9];
	assert_ptr_equal(
	    date_format_long(date_from_ymd(2026, 11, 25), small, sizeof small),
	    small);
	assert_string_equal(small, "woensdag");
}

static void test_time_parse_accepted(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int start, end;
	} cases[] = {
	    {"10:00", 600, -1},
	    {"00:00", 0, -1},
	    {"23:59", 1439, -1},
	    {"09:30", 570, -1},
	    {"10:00-11:30", 600, 690},
	    {"10:00 - 11:30", 600, 690},
	    {"10:00  -  11:30", 600, 690},
	    {"10:00\xe2\x80\x93"
	     "11:30",
	     600, 690}, /* en dash */
	    {"10:00 \xe2\x80\x93 11:30", 600, 690},
	    {"00:00-23:59", 0, 1439},
	    {"10:00-10:01", 600, 601},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date_time_range r = {-7, -7};
		assert_int_equal(date_time_parse(cases[i].s, &r), DATE_TIME_OK);
		assert_int_equal(r.start, cases[i].start);
		assert_int_equal(r.end, cases[i].end);
	}
}

static void test_time_parse_malformed(void **state)
{
	(void)state;
	static const char *const cases[] = {
	    "",
	    "9:30",
	    "10:0",
	    "10.00",
	    "1000",
	    "10:000",
	    "100:00",
	    " 10:00",
	    "10:00 ",
	    "10:00-",
	    "10:00 - ",
	    "10:00-9:30",
	    "9:30-10:00",
	    "10:00--11:30",
	    "10:00 tot 11:30",
	    "10:00-11:30-12:00",
	    "10:00-11:30 ",
	    "10:00\xe2\x80\x94"
	    "11:30", /* an em dash is not accepted */
	    "10:00\xe2\x80",
	    "10:00u",
	    "25:00-9:30", /* malformed wins over impossible */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date_time_range r = {-7, -7};
		assert_int_equal(date_time_parse(cases[i], &r),
		                 DATE_TIME_MALFORMED);
		assert_int_equal(r.start, -7); /* untouched */
		assert_int_equal(r.end, -7);
	}
}

static void test_time_parse_impossible(void **state)
{
	(void)state;
	static const char *const cases[] = {
	    "25:00", "10:61",       "24:00",       "99:99",
	    "10:60", "10:00-25:00", "25:00-26:00", "10:00-10:75",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date_time_range r = {-7, -7};
		assert_int_equal(date_time_parse(cases[i], &r),
		                 DATE_TIME_IMPOSSIBLE);
		assert_int_equal(r.start, -7);
	}
}

static void test_time_parse_backwards(void **state)
{
	(void)state;
	struct date_time_range r;
	assert_int_equal(date_time_parse("11:00-10:00", &r),
	                 DATE_TIME_BACKWARDS);
	assert_int_equal(r.start, 660);
	assert_int_equal(r.end, 600);
	assert_int_equal(date_time_parse("10:00-10:00", &r),
	                 DATE_TIME_BACKWARDS);
	assert_int_equal(date_time_parse("23:00 - 01:00", &r),
	                 DATE_TIME_BACKWARDS);
}

static void test_time_format(void **state)
{
	(void)state;
	char buf[6];
	date_time_format(570, buf);
	assert_string_equal(buf, "09:30");
	date_time_format(0, buf);
	assert_string_equal(buf, "00:00");
	date_time_format(1439, buf);
	assert_string_equal(buf, "23:59");
	date_time_format(1440, buf);
	assert_string_equal(buf, "??:??");
	date_time_format(-1, buf);
	assert_string_equal(buf, "??:??");
}

/* Unix times below are from `date -u -d '...' +%s`. */
#define UTC_2026_03_29_0100 INT64_C(1774746000)
#define UTC_2026_10_25_0100 INT64_C(1792890000)

static void test_amsterdam_offset(void **state)
{
	(void)state;
	/* 2026-03-29 and 2026-10-25 are the last Sundays of March and
	   October 2026; the clocks change at 01:00 UTC. */
	assert_int_equal(date_amsterdam_offset(UTC_2026_03_29_0100 - 1), 3600);
	assert_int_equal(date_amsterdam_offset(UTC_2026_03_29_0100), 7200);
	assert_int_equal(date_amsterdam_offset(UTC_2026_10_25_0100 - 1), 7200);
	assert_int_equal(date_amsterdam_offset(UTC_2026_10_25_0100), 3600);
	/* A day before and after each change. */
	assert_int_equal(date_amsterdam_offset(UTC_2026_03_29_0100 - 86400),
	                 3600);
	assert_int_equal(date_amsterdam_offset(UTC_2026_10_25_0100 + 86400),
	                 3600);
	assert_int_equal(date_amsterdam_offset(UTC_2026_10_25_0100 - 86400),
	                 7200);
	/* 1970-01-01 00:00 UTC: winter. 1782945000 = 2026-07-01 22:30 UTC. */
	assert_int_equal(date_amsterdam_offset(0), 3600);
	assert_int_equal(date_amsterdam_offset(INT64_C(1782945000)), 7200);
	/* Before 1970 (1969-07-01 00:00 UTC = -15897600): the rule still
	   applies arithmetically. */
	assert_int_equal(date_amsterdam_offset(INT64_C(-15897600)), 7200);
}

static void test_today_amsterdam(void **state)
{
	(void)state;
	/* 1795390200 = 2026-11-22 23:30 UTC = 2026-11-23 00:30 CET. */
	assert_date(date_today_amsterdam(INT64_C(1795390200)), "2026-11-23");
	/* 1795388340 = 2026-11-22 22:59 UTC = 23:59 CET, still the 22nd. */
	assert_date(date_today_amsterdam(INT64_C(1795388340)), "2026-11-22");
	/* 1782945000 = 2026-07-01 22:30 UTC = 2026-07-02 00:30 CEST. */
	assert_date(date_today_amsterdam(INT64_C(1782945000)), "2026-07-02");
	/* Before 1970: 1969-12-31 23:30 UTC = 1970-01-01 00:30 CET. */
	assert_date(date_today_amsterdam(-1800), "1970-01-01");
	assert_date(date_today_amsterdam(-3601), "1969-12-31");
}

static void test_local_to_utc(void **state)
{
	(void)state;
	/* 1774688400 = 2026-03-28 09:00 UTC: 10:00 CET the day before. */
	assert_int_equal(date_local_to_utc(date_from_ymd(2026, 3, 28), 600),
	                 INT64_C(1774688400));
	/* 1774771200 = 2026-03-29 08:00 UTC: 10:00 CEST on the change day. */
	assert_int_equal(date_local_to_utc(date_from_ymd(2026, 3, 29), 600),
	                 INT64_C(1774771200));

	date_t spring = date_from_ymd(2026, 3, 29);
	/* 01:59 CET = 00:59 UTC, the last minute before the change. */
	assert_int_equal(date_local_to_utc(spring, 119),
	                 UTC_2026_03_29_0100 - 60);
	/* 02:00 and 02:30 do not exist; read as CET: 01:00 and 01:30 UTC. */
	assert_int_equal(date_local_to_utc(spring, 120), UTC_2026_03_29_0100);
	assert_int_equal(date_local_to_utc(spring, 150),
	                 UTC_2026_03_29_0100 + 1800);
	/* 03:00 CEST = 01:00 UTC. */
	assert_int_equal(date_local_to_utc(spring, 180), UTC_2026_03_29_0100);

	date_t autumn = date_from_ymd(2026, 10, 25);
	/* 01:30 CEST = 1792884600 = 2026-10-24 23:30 UTC. */
	assert_int_equal(date_local_to_utc(autumn, 90), INT64_C(1792884600));
	/* 02:30 happens twice; the first, CEST, is 00:30 UTC = 1792888200. */
	assert_int_equal(date_local_to_utc(autumn, 150), INT64_C(1792888200));
	/* 03:00 CET = 02:00 UTC = 1792893600. */
	assert_int_equal(date_local_to_utc(autumn, 180), INT64_C(1792893600));

	/* date_today_amsterdam of the instant gives the date back. */
	for (int min = 0; min < 24 * 60; min += 15) {
		assert_int_equal(
		    date_today_amsterdam(date_local_to_utc(spring, min)),
		    spring);
		assert_int_equal(
		    date_today_amsterdam(date_local_to_utc(autumn, min)),
		    autumn);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_known_day_numbers),
	    cmocka_unit_test(test_consecutive_days_1900_2400),
	    cmocka_unit_test(test_negative_and_ancient),
	    cmocka_unit_test(test_leap_years_and_month_lengths),
	    cmocka_unit_test(test_parse_valid),
	    cmocka_unit_test(test_parse_malformed),
	    cmocka_unit_test(test_parse_impossible),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_weekday),
	    cmocka_unit_test(test_iso_week),
	    cmocka_unit_test(test_iso_week_round_trip),
	    cmocka_unit_test(test_weekday_helpers),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_format_long),
	    cmocka_unit_test(test_time_parse_accepted),
	    cmocka_unit_test(test_time_parse_malformed),
	    cmocka_unit_test(test_time_parse_impossible),
	    cmocka_unit_test(test_time_parse_backwards),
	    cmocka_unit_test(test_time_format),
	    cmocka_unit_test(test_amsterdam_offset),
	    cmocka_unit_test(test_today_amsterdam),
	    cmocka_unit_test(test_local_to_utc),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
