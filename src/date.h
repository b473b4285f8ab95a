/*
 * date.h: civil dates, times of day, Dutch names and Europe/Amsterdam time.
 *
 * Everything here is pure arithmetic on plain values: no allocation, no
 * global state, no tzdata, no locale. It is safe to call from anywhere.
 *
 * A date_t is a civil (local, calendar) date: the number of days since
 * 1970-01-01 in the proleptic Gregorian calendar, negative before it. It has
 * no time zone; a date in Dronten is a date. Consecutive dates differ by one,
 * so `d + 7` is a week later and `b - a` is the number of days between them.
 * The arithmetic is exact for any year that fits (roughly +-5 million years);
 * the textual forms (date_parse, date_format) cover 0000-01-01 (DATE_MIN)
 * through 9999-12-31 (DATE_MAX). DATE_NONE means "no date" and is never a
 * valid argument unless a function says so.
 *
 * Weekdays are ISO numbers: 1 = Monday ... 7 = Sunday. Months are 1..12.
 */
#ifndef ZAMEN_DATE_H
#define ZAMEN_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t date_t;

#define DATE_NONE INT32_MIN
#define DATE_MIN (-719528) /* 0000-01-01 */
#define DATE_MAX 2932896   /* 9999-12-31 */

/* The date y-m-d. The caller guarantees that it exists (date_valid_ymd);
   otherwise the result is some date, but not a meaningful one. */
date_t date_from_ymd(int y, int m, int d);

/* Splits d into year, month (1..12) and day of month (1..31). */
void date_to_ymd(date_t d, int *y, int *m, int *day);

/* Whether y-m-d exists: m in 1..12 and day in 1..date_days_in_month. */
bool date_valid_ymd(int y, int m, int d);

/* 28..31 for m in 1..12; 0 for any other m. */
int date_days_in_month(int y, int m);

/* Gregorian: divisible by 4, except centuries not divisible by 400. */
bool date_is_leap_year(int y);

/*
 * Parses the strict form "JJJJ-MM-DD": exactly four, two and two ASCII
 * digits separated by '-', nothing before or after (no whitespace, no time).
 * Returns true and stores the date in *out on success; on failure *out is
 * left untouched and false is returned, both for a malformed string and for
 * an impossible date such as 2026-02-30. *impossible (may be NULL) is set to
 * true exactly when the form was right but the date does not exist, false
 * otherwise, so that a caller can word its message. s may not be NULL.
 */
bool date_parse(const char *s, date_t *out, bool *impossible);

/* Writes "2026-11-25" and a NUL into out. A d outside DATE_MIN..DATE_MAX
   (including DATE_NONE) writes "????-??-??". */
void date_format(date_t d, char out[11]);

/* ISO weekday of d: 1 = Monday ... 7 = Sunday. */
int date_weekday(date_t d);

/*
 * ISO 8601 week of d: weeks run Monday to Sunday and week 1 is the week
 * holding the year's first Thursday. The ISO year differs from the calendar
 * year near New Year: 2027-01-01 is in week 53 of ISO year 2026.
 */
void date_iso_week(date_t d, int *iso_year, int *week);

/* 53 when ISO year iso_year has a week 53 (it starts on a Thursday, or is a
   leap year starting on a Wednesday), else 52. */
int date_iso_weeks_in_year(int iso_year);

/* The date of weekday (1..7) in ISO week `week` of iso_year. The inverse of
   date_iso_week and date_weekday for week in 1..date_iso_weeks_in_year. */
date_t date_from_iso_week(int iso_year, int week, int weekday);

/* The first date on or after d that falls on weekday (1..7). */
date_t date_next_weekday(date_t d, int weekday);

/*
 * The nth (1..5) weekday (1..7) of month m of year y, or DATE_NONE when the
 * month has no such day (a fifth Tuesday) or an argument is out of range.
 * n = -1 asks for the last one, which always exists.
 */
date_t date_nth_weekday_of_month(int y, int m, int weekday, int n);

/*
 * Dutch names, lowercase, as they appear in content and on pages:
 * "maandag".."zondag" for weekdays 1..7 and "januari".."december" for months
 * 1..12. The strings are static; NULL for a number out of range.
 */
const char *date_weekday_name(int weekday);
const char *date_month_name(int month);

/* The inverse of date_weekday_name: "dinsdag" -> 2. Only the exact lowercase
   name counts; anything else (including NULL and "Dinsdag") gives 0. */
int date_weekday_from_name(const char *s);

/* Writes the long Dutch form "woensdag 25 november 2026" (day without a
   leading zero) into out, size n, truncating like snprintf. Returns out. */
char *date_format_long(date_t d, char *out, size_t n);

/* A time of day, or a range, in minutes since local midnight (0..1439). end
   is -1 for a single time. */
struct date_time_range {
	int start, end;
};

enum date_time_status {
	DATE_TIME_OK,
	DATE_TIME_MALFORMED,  /* not of the form below */
	DATE_TIME_IMPOSSIBLE, /* the form is right but 25:00 or 10:61 */
	DATE_TIME_BACKWARDS,  /* a range whose end is not after its start */
};

/*
 * Parses a time "10:00" or a range "10:00-11:30". The separator of a range is
 * an ASCII hyphen or an en dash (U+2013, UTF-8), with any number of spaces on
 * either side ("10:00 - 11:30", "10:00–11:30"). Hours are 00..23 and minutes
 * 00..59, always two digits each ("9:30" is MALFORMED); nothing may come
 * before or after. The checks come in the order of the enum: a string that is
 * both malformed and impossible is MALFORMED. An end at or before the start
 * is BACKWARDS, so a range cannot cross midnight.
 *
 * On DATE_TIME_OK and DATE_TIME_BACKWARDS *out holds what was read; on the
 * other results it is left untouched.
 */
enum date_time_status date_time_parse(const char *s,
                                      struct date_time_range *out);

/* Writes minutes (0..1439) as "09:30" and a NUL into out; any other value
   writes "??:??". */
void date_time_format(int minutes, char out[6]);

/*
 * Europe/Amsterdam without tzdata. Local time is CET (UTC+1), except CEST
 * (UTC+2) from the last Sunday of March 01:00 UTC up to the last Sunday of
 * October 01:00 UTC. That is the EU rule in force since 1996; it is applied
 * to every year, so instants before 1996 are not what the clocks showed.
 * unix_utc counts seconds since 1970-01-01 00:00 UTC (negative before it).
 */

/* Seconds east of UTC at that instant: 3600 or 7200. */
int date_amsterdam_offset(int64_t unix_utc);

/* The local date in Amsterdam at that instant. */
date_t date_today_amsterdam(int64_t unix_utc);

/*
 * The UTC instant at which Amsterdam clocks show `minutes` (0..1439) past
 * midnight on date d. Two wall times are not one instant:
 *  - 02:00-02:59 on the last Sunday of March does not exist (clocks jump from
 *    02:00 CET to 03:00 CEST). It is read with the offset in force before the
 *    change, CET, so 02:30 gives 01:30 UTC, the same instant as 03:30 CEST.
 *  - 02:00-02:59 on the last Sunday of October happens twice. The first one,
 *    still CEST, is taken: 02:30 gives 00:30 UTC.
 */
int64_t date_local_to_utc(date_t d, int minutes);

/* The start of d in Europe/Amsterdam as an RFC 3339 date-time, with the
 * offset in force that night: "2026-11-25T00:00:00+01:00". For dates in
 * feeds and PDF metadata, which must never come from the clock. */
void date_format_midnight(date_t d, char out[32]);

#endif
