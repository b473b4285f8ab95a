/*
 * model_recur.h: the occurrences of a recurring activity (`herhaling`).
 *
 * A struct cal_rule is the checked form of an activity's `herhaling` map;
 * these functions answer which dates it takes place on. They are pure: no
 * allocation, no global state, and the rule (including its except array,
 * which the caller owns) is only read, never changed. Each call costs
 * O(n_except) per occurrence it steps over, never a walk day by day.
 *
 * The occurrences of a rule are the dates of its pattern (below) that lie in
 * from..until, both inclusive, and are not in except:
 *
 *  - CAL_WEEKLY: every `weekday`, starting with the first one on or after
 *    `from`.
 *  - CAL_BIWEEKLY: the first `weekday` on or after `from` (normally `from`
 *    itself; the checker asks editors to put `van` on the right day) and then
 *    every 14 days after it. The weeks in between have none.
 *  - CAL_MONTHLY: in every month, the week_of_month-th (1..4) `weekday`, or
 *    the last one for CAL_LAST_WEEK; in `from`'s own month only when that
 *    date is on or after `from`, so a `from` in mid-month whose date has
 *    passed starts next month.
 *
 * A rule with a field out of range (freq, weekday not in 1..7, a monthly
 * week_of_month not in 1..4 or CAL_LAST_WEEK, `from` DATE_NONE or outside
 * DATE_MIN..DATE_MAX) has no occurrences, so nothing here crashes on it; the
 * checker reports it. Dates after DATE_MAX (9999-12-31) are never
 * occurrences, which keeps every computation clear of overflow.
 */
#ifndef ZAMEN_MODEL_RECUR_H
#define ZAMEN_MODEL_RECUR_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

enum cal_freq {
	CAL_WEEKLY,   /* elke: week */
	CAL_BIWEEKLY, /* elke: twee-weken */
	CAL_MONTHLY,  /* elke: maand */
};

#define CAL_LAST_WEEK (-1) /* week: laatste */

struct cal_rule {
	enum cal_freq freq;
	int weekday;       /* dag: 1 = Monday ... 7 = Sunday */
	int week_of_month; /* week: 1..4 or CAL_LAST_WEEK; monthly only */
	date_t from;       /* van (required) */
	date_t until;      /* tot, inclusive; DATE_NONE = open-ended */
	/* behalve: dates on which it does not take place. Need not be sorted,
	   may hold duplicates and dates that are no occurrence at all; may be
	   NULL when n_except is 0. */
	const date_t *except;
	size_t n_except;
};

/* The first occurrence on or after d, or DATE_NONE when there is none (d is
   past `until`, or every remaining one is excepted). Any d may be given,
   including one before `from` and DATE_NONE (which means "from the start"). */
date_t cal_next(const struct cal_rule *r, date_t d);

/* The first occurrence: cal_next(r, r->from). DATE_NONE when it never occurs
   (e.g. `until` lies before the first pattern date, or all are excepted). */
date_t cal_first(const struct cal_rule *r);

/* The last occurrence; DATE_NONE when the rule is open-ended or when it never
   occurs. An excepted last pattern date is skipped, like any other. */
date_t cal_last(const struct cal_rule *r);

/* Whether the rule has no `until`. Says nothing about whether it occurs. */
bool cal_open_ended(const struct cal_rule *r);

/*
 * The occurrences in [from, to], both inclusive, in ascending order: the
 * first max of them are written to out (which may be NULL when max is 0).
 * Returns how many there are in total, which may exceed max, like snprintf;
 * so calling it with max 0 counts them. from > to gives 0.
 */
size_t cal_between(const struct cal_rule *r, date_t from, date_t to,
                   date_t *out, size_t max);

/* Whether the activity takes place on d. A date in except is not an
   occurrence. */
bool cal_is_occurrence(const struct cal_rule *r, date_t d);

/* Whether d would be an occurrence if it were not excepted: it lies in
   from..until and fits the pattern. Used to warn about a `behalve` date that
   is not a date of the activity at all. */
bool cal_matches_pattern(const struct cal_rule *r, date_t d);

#endif
