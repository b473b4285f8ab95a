/*
 * date.c: civil dates, times of day, Dutch names and Europe/Amsterdam time.
 * See date.h.
 */
#include "date.h"

#include <stdio.h>
#include <string.h>

#define SECONDS_PER_DAY 86400

static const char *const weekday_names[] = {
    "maandag", "dinsdag",  "woensdag", "donderdag",
    "vrijdag", "zaterdag", "zondag",
};

static const char *const month_names[] = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december",
};

/* Floor division and its remainder, for negative day and second counts. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

/*
 * Howard Hinnant's days_from_civil: the year is shifted to start on March 1
 * so that the leap day is the last day of a year, and 400-year eras (146097
 * days each) make it exact for negative years too.
 */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400; /* [0, 399] */
	int64_t doy =
	    (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
	return era * 146097 + doe - 719468;
}

/* Hinnant's civil_from_days, the inverse of days_from_civil. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097; /* [0, 146096] */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100); /* [0, 365] */
	int64_t mp = (5 * doy + 2) / 153;                      /* [0, 11] */
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

date_t date_from_ymd(int y, int m, int d)
{
	return (date_t)days_from_civil(y, m, d);
}

void date_to_ymd(date_t d, int *y, int *m, int *day)
{
	int64_t yy;
	civil_from_days(d, &yy, m, day);
	*y = (int)yy;
}

bool date_is_leap_year(int y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int date_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && date_is_leap_year(y))
		return 29;
	return days[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The value of n ASCII digits at s, or -1 when one of them is not a digit. */
static int read_digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_parse(const char *s, date_t *out, bool *impossible)
{
	if (impossible)
		*impossible = false;
	/* read_digits stops at the first non-digit, so a short string never
	   reads past its NUL. */
	int y = read_digits(s, 4);
	if (y < 0 || s[4] != '-')
		return false;
	int m = read_digits(s + 5, 2);
	if (m < 0 || s[7] != '-')
		return false;
	int d = read_digits(s + 8, 2);
	if (d < 0 || s[10] != '\0')
		return false;
	if (!date_valid_ymd(y, m, d)) {
		if (impossible)
			*impossible = true;
		return false;
	}
	*out = date_from_ymd(y, m, d);
	return true;
}

void date_format(date_t d, char out[11])
{
	if (d < DATE_MIN || d > DATE_MAX) {
		/* Escaped: "??-" would be a trigraph in strict C11. */
		memcpy(out, "?\?\?\?-?\?-?\?", 11);
		return;
	}
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, day);
}

int date_weekday(date_t d)
{
	/* 1970-01-01, day 0, was a Thursday (4). */
	return (int)floor_mod((int64_t)d + 3, 7) + 1;
}

void date_iso_week(date_t d, int *iso_year, int *week)
{
	/* A week belongs to the year that holds its Thursday. */
	date_t thursday = d - date_weekday(d) + 4;
	int y, m, day;
	date_to_ymd(thursday, &y, &m, &day);
	*iso_year = y;
	*week = (thursday - date_from_ymd(y, 1, 1)) / 7 + 1;
}

int date_iso_weeks_in_year(int iso_year)
{
	/* December 28 is always in the last ISO week of its year. */
	int y, week;
	date_iso_week(date_from_ymd(iso_year, 12, 28), &y, &week);
	return week;
}

date_t date_from_iso_week(int iso_year, int week, int weekday)
{
	/* January 4 is always in week 1. */
	date_t jan4 = date_from_ymd(iso_year, 1, 4);
	date_t monday1 = jan4 - (date_weekday(jan4) - 1);
	return monday1 + (week - 1) * 7 + (weekday - 1);
}

date_t date_next_weekday(date_t d, int weekday)
{
	return d + (weekday - date_weekday(d) + 7) % 7;
}

date_t date_nth_weekday_of_month(int y, int m, int weekday, int n)
{
	if (m < 1 || m > 12 || weekday < 1 || weekday > 7)
		return DATE_NONE;
	if (n == -1) {
		date_t last = date_from_ymd(y, m, date_days_in_month(y, m));
		return last - (date_weekday(last) - weekday + 7) % 7;
	}
	if (n < 1 || n > 5)
		return DATE_NONE;
	date_t d =
	    date_next_weekday(date_from_ymd(y, m, 1), weekday) + (n - 1) * 7;
	int dy, dm, dd;
	date_to_ymd(d, &dy, &dm, &dd);
	return dm == m ? d : DATE_NONE;
}

const char *date_weekday_name(int weekday)
{
	if (weekday < 1 || weekday > 7)
		return NULL;
	return weekday_names[weekday - 1];
}

const char *date_month_name(int month)
{
	if (month < 1 || month > 12)
		return NULL;
	return month_names[month - 1];
}

int date_weekday_from_name(const char *s)
{
	if (!s)
		return 0;
	for (int i = 0; i < 7; i++)
		if (strcmp(s, weekday_names[i]) == 0)
			return i + 1;
	return 0;
}

char *date_format_long(date_t d, char *out, size_t n)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	snprintf(out, n, "%s %d %s %d", date_weekday_name(date_weekday(d)), day,
	         date_month_name(m), y);
	return out;
}

/* Reads "HH:MM" at *p into minutes and advances *p past it. Returns the
   status of that one time; *p is only advanced on a well-formed time, and
   the caller rejects whatever follows that is not a separator or the end
   (so "10:000" is MALFORMED). */
static enum date_time_status read_time(const char **p, int *minutes)
{
	const char *s = *p;
	int h = read_digits(s, 2);
	if (h < 0 || s[2] != ':')
		return DATE_TIME_MALFORMED;
	int m = read_digits(s + 3, 2);
	if (m < 0)
		return DATE_TIME_MALFORMED;
	*p = s + 5;
	if (h > 23 || m > 59)
		return DATE_TIME_IMPOSSIBLE;
	*minutes = h * 60 + m;
	return DATE_TIME_OK;
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

enum date_time_status date_time_parse(const char *s,
                                      struct date_time_range *out)
{
	static const char en_dash[] = "\xe2\x80\x93";
	int start = -1, end = -1;
	const char *p = s;

	enum date_time_status first = read_time(&p, &start);
	if (first == DATE_TIME_MALFORMED)
		return first;
	if (*p == '\0') {
		if (first == DATE_TIME_OK)
			*out = (struct date_time_range){start, -1};
		return first;
	}

	p = skip_spaces(p);
	if (*p == '-')
		p++;
	else if (strncmp(p, en_dash, sizeof en_dash - 1) == 0)
		p += sizeof en_dash - 1;
	else
		return DATE_TIME_MALFORMED;
	p = skip_spaces(p);

	enum date_time_status second = read_time(&p, &end);
	if (second == DATE_TIME_MALFORMED || *p != '\0')
		return DATE_TIME_MALFORMED;
	if (first != DATE_TIME_OK || second != DATE_TIME_OK)
		return DATE_TIME_IMPOSSIBLE;
	*out = (struct date_time_range){start, end};
	return end <= start ? DATE_TIME_BACKWARDS : DATE_TIME_OK;
}

void date_time_format(int minutes, char out[6])
{
	if (minutes < 0 || minutes >= 24 * 60) {
		memcpy(out, "??:??", 6);
		return;
	}
	/* By hand: it runs for every activity on every list. */
	int h = minutes / 60, m = minutes % 60;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
}

/* 01:00 UTC on the last Sunday of month m of year y, as a Unix time. */
static int64_t eu_change_instant(int y, int m)
{
	date_t sunday = date_nth_weekday_of_month(y, m, 7, -1);
	return (int64_t)sunday * SECONDS_PER_DAY + 3600;
}

int date_amsterdam_offset(int64_t unix_utc)
{
	/* The UTC year is the right one to look in: both changes lie far from
	   New Year, where UTC and local dates differ. */
	int y, m, d;
	date_to_ymd((date_t)floor_div(unix_utc, SECONDS_PER_DAY), &y, &m, &d);
	bool summer = unix_utc >= eu_change_instant(y, 3) &&
	              unix_utc < eu_change_instant(y, 10);
	return summer ? 7200 : 3600;
}

date_t date_today_amsterdam(int64_t unix_utc)
{
	int64_t local = unix_utc + date_amsterdam_offset(unix_utc);
	return (date_t)floor_div(local, SECONDS_PER_DAY);
}

int64_t date_local_to_utc(date_t d, int minutes)
{
	int64_t wall = (int64_t)d * SECONDS_PER_DAY + (int64_t)minutes * 60;
	/* Reading the wall time as CEST gives the earlier of the two
	   candidates; it is right whenever CEST is in force at that instant,
	   which also picks the first of October's repeated hour. Otherwise
	   it is CET, including March's missing hour. */
	int64_t as_summer = wall - 7200;
	if (date_amsterdam_offset(as_summer) == 7200)
		return as_summer;
	return wall - 3600;
}

void date_format_midnight(date_t d, char out[32])
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	int off = date_amsterdam_offset(date_local_to_utc(d, 0)) / 60;
	snprintf(out, 32, "%04d-%02d-%02dT00:00:00+%02d:%02d", y, m, day,
	         off / 60, off % 60);
}
