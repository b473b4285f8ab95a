/*
 * model_recur.c: the occurrences of a recurring activity. See model_recur.h.
 *
 * Everything is built on two primitives that ignore `until` and `except`:
 * pattern_next (the first pattern date on or after a date) and pattern_prev
 * (the last one on or before it). Both jump straight to the answer with a
 * little arithmetic; the public functions then step over excepted dates,
 * each step consuming one entry of the except list.
 */
#include "model_recur.h"

static bool rule_is_well_formed(const struct cal_rule *r)
{
	if (r->weekday < 1 || r->weekday > 7)
		return false;
	if (r->from < DATE_MIN || r->from > DATE_MAX)
		return false;
	switch (r->freq) {
	case CAL_WEEKLY:
	case CAL_BIWEEKLY:
		return true;
	case CAL_MONTHLY:
		return (r->week_of_month >= 1 && r->week_of_month <= 4) ||
		       r->week_of_month == CAL_LAST_WEEK;
	}
	return false;
}

static bool is_excepted(const struct cal_rule *r, date_t d)
{
	for (size_t i = 0; i < r->n_except; i++)
		if (r->except[i] == d)
			return true;
	return false;
}

/* The first occurrence of a biweekly rule, which fixes its rhythm. */
static date_t biweekly_anchor(const struct cal_rule *r)
{
	return date_next_weekday(r->from, r->weekday);
}

static date_t monthly_in(const struct cal_rule *r, int y, int m)
{
	return date_nth_weekday_of_month(y, m, r->weekday, r->week_of_month);
}

/* The first pattern date on or after d and on or after `from`, or DATE_NONE
   past DATE_MAX. The rule is well formed. */
static date_t pattern_next(const struct cal_rule *r, date_t d)
{
	if (d < r->from)
		d = r->from;
	/* Nothing lies past DATE_MAX; below it no jump can overflow. */
	if (d > DATE_MAX)
		return DATE_NONE;

	date_t next = DATE_NONE;
	switch (r->freq) {
	case CAL_WEEKLY:
		next = date_next_weekday(d, r->weekday);
		break;
	case CAL_BIWEEKLY: {
		date_t anchor = biweekly_anchor(r);
		if (d <= anchor) {
			next = anchor;
		} else {
			date_t periods = (d - anchor + 13) / 14;
			next = anchor + periods * 14;
		}
		break;
	}
	case CAL_MONTHLY: {
		int y, m, day;
		date_to_ymd(d, &y, &m, &day);
		next = monthly_in(r, y, m);
		if (next < d) {
			/* This month's has passed: next month's always exists,
			   since every month has four of each weekday. */
			if (++m > 12) {
				m = 1;
				y++;
			}
			next = monthly_in(r, y, m);
		}
		break;
	}
	}
	return next > DATE_MAX ? DATE_NONE : next;
}

/* The last pattern date on or before d and on or after `from`, or DATE_NONE.
   The rule is well formed. */
static date_t pattern_prev(const struct cal_rule *r, date_t d)
{
	if (d < r->from)
		return DATE_NONE;
	if (d > DATE_MAX)
		d = DATE_MAX;

	date_t prev = DATE_NONE;
	switch (r->freq) {
	case CAL_WEEKLY:
		prev = d - (date_weekday(d) - r->weekday + 7) % 7;
		break;
	case CAL_BIWEEKLY: {
		date_t anchor = biweekly_anchor(r);
		if (d < anchor)
			return DATE_NONE;
		prev = anchor + (d - anchor) / 14 * 14;
		break;
	}
	case CAL_MONTHLY: {
		int y, m, day;
		date_to_ymd(d, &y, &m, &day);
		prev = monthly_in(r, y, m);
		if (prev > d) {
			if (--m < 1) {
				m = 12;
				y--;
			}
			prev = monthly_in(r, y, m);
		}
		break;
	}
	}
	return prev < r->from ? DATE_NONE : prev;
}

date_t cal_next(const struct cal_rule *r, date_t d)
{
	if (!rule_is_well_formed(r))
		return DATE_NONE;
	/* Terminates: each round steps over a distinct excepted date. */
	for (date_t c = pattern_next(r, d); c != DATE_NONE;
	     c = pattern_next(r, c + 1)) {
		if (r->until != DATE_NONE && c > r->until)
			return DATE_NONE;
		if (!is_excepted(r, c))
			return c;
	}
	return DATE_NONE;
}

date_t cal_first(const struct cal_rule *r)
{
	return cal_next(r, r->from);
}

date_t cal_last(const struct cal_rule *r)
{
	if (r->until == DATE_NONE || !rule_is_well_formed(r))
		return DATE_NONE;
	for (date_t c = pattern_prev(r, r->until); c != DATE_NONE;
	     c = pattern_prev(r, c - 1))
		if (!is_excepted(r, c))
			return c;
	return DATE_NONE;
}

bool cal_open_ended(const struct cal_rule *r)
{
	return r->until == DATE_NONE;
}

size_t cal_between(const struct cal_rule *r, date_t from, date_t to,
                   date_t *out, size_t max)
{
	size_t n = 0;
	if (from > to)
		return 0;
	for (date_t c = cal_next(r, from); c != DATE_NONE && c <= to;
	     c = cal_next(r, c + 1)) {
		if (n < max)
			out[n] = c;
		n++;
	}
	return n;
}

bool cal_matches_pattern(const struct cal_rule *r, date_t d)
{
	if (!rule_is_well_formed(r) || d == DATE_NONE || d < r->from)
		return false;
	if (r->until != DATE_NONE && d > r->until)
		return false;
	return pattern_next(r, d) == d;
}

bool cal_is_occurrence(const struct cal_rule *r, date_t d)
{
	return cal_matches_pattern(r, d) && !is_excepted(r, d);
}
