/*
 * test_recur.c: occurrences of recurring activities (`herhaling`).
 *
 * Every expected date was read from an outside calendar (GNU date), never
 * computed by the code under test; the comments say what the calendar says.
 * Calendar facts used throughout:
 *   Tuesdays of 2026-02: 3 10 17 24          2026-03: 3 10 17 24 31
 *   Tuesdays of 2026-04: 7 14 21 28          2026-05: 5 12 19 26
 *   Tuesdays of 2026-06: 2 9 16 23 30        2027-02: 2 9 16 23
 *   Tuesdays of 2028-02: 1 8 15 22 29 (leap year)
 *   2026-11-25, 2026-12-30, 2027-01-06 are Wednesdays.
 */
#include "testutil.h"

#include "model_recur.h"

#define assert_none(got) assert_int_equal((got), DATE_NONE)

enum { MON = 1, TUE, WED, THU, FRI, SAT, SUN };

static date_t D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static struct cal_rule rule(enum cal_freq freq, int weekday, int week,
                            date_t from, date_t until)
{
	return (struct cal_rule){.freq = freq,
	                         .weekday = weekday,
	                         .week_of_month = week,
	                         .from = from,
	                         .until = until};
}

/* Checks that cal_between over [from, to] yields exactly the dates want[],
   and that cal_next steps through the same ones. */
static void assert_occurrences(const struct cal_rule *r, date_t from, date_t to,
                               const char *const *want, size_t n)
{
	date_t got[64];
	assert_true(n <= 64);
	assert_int_equal(cal_between(r, from, to, got, 64), n);
	date_t d = from;
	for (size_t i = 0; i < n; i++) {
		assert_date(got[i], want[i]);
		d = cal_next(r, d);
		assert_int_equal(d, got[i]);
		assert_true(cal_is_occurrence(r, d));
		d++;
	}
}

#define OCCURRENCES(r, from, to, ...)                                          \
	do {                                                                   \
		static const char *const want_[] = {__VA_ARGS__};              \
		assert_occurrences((r), (from), (to), want_,                   \
		                   sizeof want_ / sizeof want_[0]);            \
	} while (0)

static void test_weekly_across_month_end(void **state)
{
	(void)state;
	/* Wednesdays from 2026-11-25. */
	struct cal_rule r =
	    rule(CAL_WEEKLY, WED, 0, D(2026, 11, 25), DATE_NONE);
	assert_date(cal_first(&r), "2026-11-25");
	OCCURRENCES(&r, D(2026, 11, 1), D(2026, 12, 10), "2026-11-25",
	            "2026-12-02", "2026-12-09");
	assert_false(cal_is_occurrence(&r, D(2026, 11, 18))); /* before van */
	assert_false(cal_is_occurrence(&r, D(2026, 11, 26))); /* a Thursday */
}

static void test_weekly_across_year_end(void **state)
{
	(void)state;
	struct cal_rule r =
	    rule(CAL_WEEKLY, WED, 0, D(2026, 11, 25), DATE_NONE);
	OCCURRENCES(&r, D(2026, 12, 20), D(2027, 1, 13), "2026-12-23",
	            "2026-12-30", "2027-01-06", "2027-01-13");
	/* From a Thursday, the next one is six days on. */
	assert_date(cal_next(&r, D(2026, 12, 31)), "2027-01-06");
}

/* `van` on a Monday, dag dinsdag: the first one is the next day. */
static void test_weekly_from_not_on_weekday(void **state)
{
	(void)state;
	/* 2026-11-23 is a Monday, 2026-11-24 a Tuesday. */
	struct cal_rule r =
	    rule(CAL_WEEKLY, TUE, 0, D(2026, 11, 23), DATE_NONE);
	assert_date(cal_first(&r), "2026-11-24");
	assert_date(cal_next(&r, DATE_NONE), "2026-11-24");
	assert_date(cal_next(&r, D(2020, 1, 1)), "2026-11-24");
}

/* A weekly 10:00 activity keeps its weekday across the spring and autumn
   changes, and its UTC instant moves by an hour. */
static void test_weekly_across_dst(void **state)
{
	(void)state;
	/* Thursdays from 2026-03-19; 2026-03-29 is the spring change. */
	struct cal_rule r = rule(CAL_WEEKLY, THU, 0, D(2026, 3, 19), DATE_NONE);
	OCCURRENCES(&r, D(2026, 3, 20), D(2026, 4, 5), "2026-03-26",
	            "2026-04-02");
	date_t before = cal_next(&r, D(2026, 3, 20));
	date_t after = cal_next(&r, before + 1);
	assert_int_equal(after - before, 7);
	assert_int_equal(date_weekday(after), THU);
	/* 1774515600 = 2026-03-26 09:00 UTC = 10:00 CET;
	   1775116800 = 2026-04-02 08:00 UTC = 10:00 CEST. */
	assert_int_equal(date_local_to_utc(before, 600), INT64_C(1774515600));
	assert_int_equal(date_local_to_utc(after, 600), INT64_C(1775116800));
	assert_int_equal(date_local_to_utc(after, 600) -
	                     date_local_to_utc(before, 600),
	                 7 * 86400 - 3600);

	/* Autumn: 2026-10-25 is the change. 1792656000 = 2026-10-22 08:00
	   UTC = 10:00 CEST; 1793264400 = 2026-10-29 09:00 UTC = 10:00 CET. */
	before = cal_next(&r, D(2026, 10, 20));
	assert_date(before, "2026-10-22");
	after = cal_next(&r, before + 1);
	assert_date(after, "2026-10-29");
	assert_int_equal(date_local_to_utc(before, 600), INT64_C(1792656000));
	assert_int_equal(date_local_to_utc(after, 600), INT64_C(1793264400));
}

static void test_biweekly(void **state)
{
	(void)state;
	/* Every other Tuesday from 2026-01-06 (a Tuesday). */
	struct cal_rule r =
	    rule(CAL_BIWEEKLY, TUE, 0, D(2026, 1, 6), DATE_NONE);
	assert_date(cal_first(&r), "2026-01-06");
	OCCURRENCES(&r, D(2026, 1, 1), D(2026, 3, 10), "2026-01-06",
	            "2026-01-20", "2026-02-03", "2026-02-17", "2026-03-03");
	/* The Tuesdays in between are off weeks. */
	assert_false(cal_is_occurrence(&r, D(2026, 1, 13)));
	assert_false(cal_matches_pattern(&r, D(2026, 1, 27)));
	assert_date(cal_next(&r, D(2026, 1, 7)), "2026-01-20");
	assert_date(cal_next(&r, D(2026, 1, 13)), "2026-01-20");
	assert_date(cal_next(&r, D(2026, 1, 20)), "2026-01-20");
	assert_date(cal_next(&r, D(2026, 1, 21)), "2026-02-03");
	/* The rhythm holds a year on: 2026-12-22 is 50 weeks after 01-06,
	   2026-12-29 (also a Tuesday) 51 weeks. */
	assert_date(cal_next(&r, D(2026, 12, 16)), "2026-12-22");
	assert_false(cal_matches_pattern(&r, D(2026, 12, 29)));
}

/* `van` on a Monday: the rhythm starts at the Tuesday after it. */
static void test_biweekly_from_not_on_weekday(void **state)
{
	(void)state;
	/* 2026-01-05 is a Monday. */
	struct cal_rule r =
	    rule(CAL_BIWEEKLY, TUE, 0, D(2026, 1, 5), DATE_NONE);
	OCCURRENCES(&r, D(2026, 1, 1), D(2026, 2, 5), "2026-01-06",
	            "2026-01-20", "2026-02-03");
}

static void test_monthly_nth(void **state)
{
	(void)state;
	/* March 2026 has five Tuesdays (3 10 17 24 31), February four. */
	static const char *const march[] = {"2026-03-03", "2026-03-10",
	                                    "2026-03-17", "2026-03-24"};
	static const char *const feb[] = {"2026-02-03", "2026-02-10",
	                                  "2026-02-17", "2026-02-24"};
	for (int week = 1; week <= 4; week++) {
		struct cal_rule r =
		    rule(CAL_MONTHLY, TUE, week, D(2026, 1, 1), DATE_NONE);
		date_t got[4];
		assert_int_equal(
		    cal_between(&r, D(2026, 3, 1), D(2026, 3, 31), got, 4), 1);
		assert_date(got[0], march[week - 1]);
		assert_date(cal_next(&r, D(2026, 2, 1)), feb[week - 1]);
	}
	/* The 4th Tuesday is never the 5th: not 2026-03-31. */
	struct cal_rule r4 =
	    rule(CAL_MONTHLY, TUE, 4, D(2026, 1, 1), DATE_NONE);
	assert_false(cal_matches_pattern(&r4, D(2026, 3, 31)));
	OCCURRENCES(&r4, D(2026, 2, 1), D(2026, 6, 30), "2026-02-24",
	            "2026-03-24", "2026-04-28", "2026-05-26", "2026-06-23");
}

static void test_monthly_last(void **state)
{
	(void)state;
	struct cal_rule r =
	    rule(CAL_MONTHLY, TUE, CAL_LAST_WEEK, D(2026, 1, 1), DATE_NONE);
	/* Four Tuesdays in Feb, April, May 2026 (last = 4th); five in March
	   and June (last = 5th). */
	OCCURRENCES(&r, D(2026, 2, 1), D(2026, 6, 30), "2026-02-24",
	            "2026-03-31", "2026-04-28", "2026-05-26", "2026-06-30");
	/* February of leap year 2028 ends on Tuesday the 29th; February 2027
	   (not leap) has its last Tuesday on the 23rd. */
	assert_date(cal_next(&r, D(2028, 2, 1)), "2028-02-29");
	assert_date(cal_next(&r, D(2027, 2, 1)), "2027-02-23");
	assert_date(cal_next(&r, D(2027, 2, 24)), "2027-03-30");
}

static void test_monthly_from_mid_month(void **state)
{
	(void)state;
	/* First Tuesday from 2026-03-10: March's (03-03) has passed, so
	   the first is April's, 2026-04-07. */
	struct cal_rule r =
	    rule(CAL_MONTHLY, TUE, 1, D(2026, 3, 10), DATE_NONE);
	assert_date(cal_first(&r), "2026-04-07");
	assert_false(cal_matches_pattern(&r, D(2026, 3, 3)));
	/* Last Tuesday from the same date: March's (03-31) still comes. */
	struct cal_rule last =
	    rule(CAL_MONTHLY, TUE, CAL_LAST_WEEK, D(2026, 3, 10), DATE_NONE);
	assert_date(cal_first(&last), "2026-03-31");
	/* Third Tuesday from the very day (2026-03-17): that day counts. */
	struct cal_rule third =
	    rule(CAL_MONTHLY, TUE, 3, D(2026, 3, 17), DATE_NONE);
	assert_date(cal_first(&third), "2026-03-17");
	/* Across the year end: the 2nd Tuesday after 2026-12-09 (2026-12-08
	   was the 2nd Tuesday of December) is 2027-01-12. */
	struct cal_rule second =
	    rule(CAL_MONTHLY, TUE, 2, D(2026, 12, 9), DATE_NONE);
	assert_date(cal_first(&second), "2027-01-12");
}

static void test_until_inclusive(void **state)
{
	(void)state;
	/* Wednesdays 2026-11-04 .. 2026-11-25: 4, 11, 18, 25 November. */
	struct cal_rule r =
	    rule(CAL_WEEKLY, WED, 0, D(2026, 11, 4), D(2026, 11, 25));
	assert_false(cal_open_ended(&r));
	assert_date(cal_first(&r), "2026-11-04");
	assert_date(cal_last(&r), "2026-11-25");
	assert_true(cal_is_occurrence(&r, D(2026, 11, 25)));
	assert_none(cal_next(&r, D(2026, 11, 26)));
	assert_false(cal_is_occurrence(&r, D(2026, 12, 2)));
	assert_int_equal(
	    cal_between(&r, D(2026, 1, 1), D(2027, 12, 31), NULL, 0), 4);

	/* `tot` between two occurrences: the last is the one before. */
	r.until = D(2026, 11, 24);
	assert_date(cal_last(&r), "2026-11-18");
}

static void test_until_before_first(void **state)
{
	(void)state;
	/* `tot` the day before `van`. */
	struct cal_rule r =
	    rule(CAL_WEEKLY, WED, 0, D(2026, 11, 4), D(2026, 11, 3));
	assert_none(cal_first(&r));
	assert_none(cal_last(&r));
	/* `tot` after `van` but before the first Wednesday: 2026-11-26 is a
	   Thursday, the first Wednesday after it 2026-12-02. */
	r = rule(CAL_WEEKLY, WED, 0, D(2026, 11, 26), D(2026, 11, 30));
	assert_none(cal_first(&r));
	assert_none(cal_last(&r));
	assert_int_equal(
	    cal_between(&r, D(2026, 1, 1), D(2027, 12, 31), NULL, 0), 0);
	/* Monthly: the first Tuesday from 2026-03-10 is 2026-04-07, past a
	   `tot` of 2026-03-31. */
	r = rule(CAL_MONTHLY, TUE, 1, D(2026, 3, 10), D(2026, 3, 31));
	assert_none(cal_first(&r));
	assert_none(cal_last(&r));
}

static void test_except_one(void **state)
{
	(void)state;
	/* Unsorted, with a date that is no occurrence (2026-11-12 is a
	   Thursday) and one before `van`. */
	date_t except[] = {D(2026, 11, 12), D(2026, 11, 11), D(2026, 10, 28)};
	struct cal_rule r =
	    rule(CAL_WEEKLY, WED, 0, D(2026, 11, 4), D(2026, 11, 25));
	r.except = except;
	r.n_except = 3;
	OCCURRENCES(&r, D(2026, 11, 1), D(2026, 11, 30), "2026-11-04",
	            "2026-11-18", "2026-11-25");
	assert_date(cal_next(&r, D(2026, 11, 5)), "2026-11-18");
	assert_false(cal_is_occurrence(&r, D(2026, 11, 11)));
	assert_true(cal_matches_pattern(&r, D(2026, 11, 11)));
	/* The except list is left as it was. */
	assert_int_equal(except[0], D(2026, 11, 12));
	assert_int_equal(except[1], D(2026, 11, 11));
	assert_int_equal(except[2], D(2026, 10, 28));
}

static void test_except_first_and_last(void **state)
{
	(void)state;
	date_t except[] = {D(2026, 11, 25), D(2026, 11, 4)};
	struct cal_rule r =
	    rule(CAL_WEEKLY, WED, 0, D(2026, 11, 4), D(2026, 11, 25));
	r.except = except;
	r.n_except = 2;
	assert_date(cal_first(&r), "2026-11-11");
	assert_date(cal_last(&r), "2026-11-18");
}

static void test_except_all(void **state)
{
	(void)state;
	/* Every Wednesday from 11-04 to 11-25, with a duplicate. */
	date_t except[] = {D(2026, 11, 18), D(2026, 11, 4), D(2026, 11, 25),
	                   D(2026, 11, 11), D(2026, 11, 18)};
	struct cal_rule r =
	    rule(CAL_WEEKLY, WED, 0, D(2026, 11, 4), D(2026, 11, 25));
	r.except = except;
	r.n_except = 5;
	assert_none(cal_first(&r));
	assert_none(cal_last(&r));
	assert_none(cal_next(&r, D(2026, 11, 10)));
	assert_int_equal(
	    cal_between(&r, D(2026, 1, 1), D(2027, 12, 31), NULL, 0), 0);
	/* Open-ended, the same dates excepted: it goes on on 2026-12-02. */
	r.until = DATE_NONE;
	assert_date(cal_first(&r), "2026-12-02");
}

static void test_last(void **state)
{
	(void)state;
	/* Open-ended: no last occurrence. */
	struct cal_rule r =
	    rule(CAL_BIWEEKLY, TUE, 0, D(2026, 1, 6), DATE_NONE);
	assert_true(cal_open_ended(&r));
	assert_none(cal_last(&r));
	/* Biweekly from 2026-01-06 until 2026-02-16: 01-06, 01-20, 02-03
	   (02-17 is past it). */
	r.until = D(2026, 2, 16);
	assert_false(cal_open_ended(&r));
	assert_date(cal_last(&r), "2026-02-03");
	/* Until on an off-week Tuesday (2026-02-10): still 02-03. */
	r.until = D(2026, 2, 10);
	assert_date(cal_last(&r), "2026-02-03");
	/* Monthly, last Tuesday until 2026-06-29: June's is the 30th, so
	   May's (2026-05-26). */
	r = rule(CAL_MONTHLY, TUE, CAL_LAST_WEEK, D(2026, 1, 1),
	         D(2026, 6, 29));
	assert_date(cal_last(&r), "2026-05-26");
	r.until = D(2026, 6, 30);
	assert_date(cal_last(&r), "2026-06-30");
	/* Weekly Wednesday until a Sunday (2026-12-27): 2026-12-23. */
	r = rule(CAL_WEEKLY, WED, 0, D(2026, 1, 1), D(2026, 12, 27));
	assert_date(cal_last(&r), "2026-12-23");
}

static void test_between_beyond_max(void **state)
{
	(void)state;
	/* 2026 runs from Thursday to Thursday (365 = 52 weeks + 1 day): it
	   has 52 Wednesdays, the first on 2026-01-07. */
	struct cal_rule r = rule(CAL_WEEKLY, WED, 0, D(2025, 1, 1), DATE_NONE);
	date_t out[4] = {7, 7, 7, 7};
	assert_int_equal(
	    cal_between(&r, D(2026, 1, 1), D(2026, 12, 31), out, 3), 52);
	assert_date(out[0], "2026-01-07");
	assert_date(out[1], "2026-01-14");
	assert_date(out[2], "2026-01-21");
	assert_int_equal(out[3], 7); /* nothing past max */
	/* ... and 53 Thursdays. */
	r.weekday = THU;
	assert_int_equal(
	    cal_between(&r, D(2026, 1, 1), D(2026, 12, 31), NULL, 0), 53);
	/* An empty or reversed range. */
	assert_int_equal(cal_between(&r, D(2026, 1, 2), D(2026, 1, 7), out, 4),
	                 0);
	assert_int_equal(cal_between(&r, D(2026, 1, 8), D(2026, 1, 1), out, 4),
	                 0);
	/* A one-day range on an occurrence (2026-01-08, a Thursday). */
	assert_int_equal(cal_between(&r, D(2026, 1, 8), D(2026, 1, 8), out, 4),
	                 1);
	assert_date(out[0], "2026-01-08");
}

static void test_matches_pattern(void **state)
{
	(void)state;
	date_t except[] = {D(2026, 3, 17), D(2026, 3, 18)};
	struct cal_rule r =
	    rule(CAL_MONTHLY, TUE, 3, D(2026, 2, 1), D(2026, 12, 31));
	r.except = except;
	r.n_except = 2;
	/* 2026-03-17 is the third Tuesday of March: a pattern date, but
	   excepted. 2026-03-18 (a Wednesday) is neither. */
	assert_true(cal_matches_pattern(&r, D(2026, 3, 17)));
	assert_false(cal_is_occurrence(&r, D(2026, 3, 17)));
	assert_false(cal_matches_pattern(&r, D(2026, 3, 18)));
	assert_false(cal_matches_pattern(&r, D(2026, 3, 10))); /* 2nd */
	/* 2026-01-20, the third Tuesday of January, lies before `van`;
	   2027-01-19 (third Tuesday of January 2027) after `tot`. */
	assert_false(cal_matches_pattern(&r, D(2026, 1, 20)));
	assert_false(cal_matches_pattern(&r, D(2027, 1, 19)));
	assert_true(cal_matches_pattern(&r, D(2026, 2, 17)));
	assert_true(cal_is_occurrence(&r, D(2026, 2, 17)));
	assert_false(cal_matches_pattern(&r, DATE_NONE));
}

/* Far dates are reached by jumps, not by walking. */
static void test_far_future(void **state)
{
	(void)state;
	/* 2400-01-01 is a Saturday, so the next Wednesday is 2400-01-05. */
	struct cal_rule r = rule(CAL_WEEKLY, WED, 0, D(2026, 1, 7), DATE_NONE);
	assert_date(cal_next(&r, D(2400, 1, 1)), "2400-01-05");
	/* Biweekly from 2026-01-06: 2400-01-04 is a Tuesday 136598 days
	   (GNU date) = 9757 periods of 14 days later, so an on week. */
	r = rule(CAL_BIWEEKLY, TUE, 0, D(2026, 1, 6), DATE_NONE);
	assert_date(cal_next(&r, D(2400, 1, 1)), "2400-01-04");
	assert_date(cal_next(&r, D(2400, 1, 5)), "2400-01-18");
	assert_true(cal_matches_pattern(&r, D(2400, 1, 4)));
	assert_false(cal_matches_pattern(&r, D(2400, 1, 11)));
	/* Nothing past 9999-12-31. */
	assert_none(cal_next(&r, DATE_MAX));
	r.weekday = FRI; /* 9999-12-31 is a Friday */
	r.from = D(9999, 12, 31);
	assert_date(cal_first(&r), "9999-12-31");
	assert_none(cal_next(&r, D(9999, 12, 31) + 1));
}

static void test_malformed_rule(void **state)
{
	(void)state;
	struct cal_rule r = rule(CAL_WEEKLY, 0, 0, D(2026, 1, 1), DATE_NONE);
	assert_none(cal_first(&r));
	r = rule(CAL_MONTHLY, TUE, 5, D(2026, 1, 1), D(2026, 12, 31));
	assert_none(cal_first(&r));
	assert_none(cal_last(&r));
	assert_false(cal_matches_pattern(&r, D(2026, 3, 31)));
	r = rule(CAL_WEEKLY, TUE, 0, DATE_NONE, DATE_NONE);
	assert_none(cal_first(&r));
	assert_int_equal(
	    cal_between(&r, D(2026, 1, 1), D(2026, 12, 31), NULL, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_weekly_across_month_end),
	    cmocka_unit_test(test_weekly_across_year_end),
	    cmocka_unit_test(test_weekly_from_not_on_weekday),
	    cmocka_unit_test(test_weekly_across_dst),
	    cmocka_unit_test(test_biweekly),
	    cmocka_unit_test(test_biweekly_from_not_on_weekday),
	    cmocka_unit_test(test_monthly_nth),
	    cmocka_unit_test(test_monthly_last),
	    cmocka_unit_test(test_monthly_from_mid_month),
	    cmocka_unit_test(test_until_inclusive),
	    cmocka_unit_test(test_until_before_first),
	    cmocka_unit_test(test_except_one),
	    cmocka_unit_test(test_except_first_and_last),
	    cmocka_unit_test(test_except_all),
	    cmocka_unit_test(test_last),
	    cmocka_unit_test(test_between_beyond_max),
	    cmocka_unit_test(test_matches_pattern),
	    cmocka_unit_test(test_far_future),
	    cmocka_unit_test(test_malformed_rule),
	};
	return cmocka_run_group_tests_name("recur", tests, NULL, NULL);
}
