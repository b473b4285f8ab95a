#include "render_words.h"

#include <glib.h>
#include <string.h>

const char *words_time(struct arena *a, struct date_time_range t)
{
	char from[6], to[6];
	date_time_format(t.start, from);
	if (t.end < 0)
		return arena_strdup(a, from);
	date_time_format(t.end, to);
	char both[16]; /* "10:00–11:30": 5 + 3 (the en dash) + 5 + NUL */
	memcpy(both, from, 5);
	memcpy(both + 5, "–", 3);
	memcpy(both + 8, to, 6);
	return arena_strdup(a, both);
}

const char *words_date(struct arena *a, date_t d)
{
	char buf[64];
	return arena_strdup(a, date_format_long(d, buf, sizeof buf));
}

const char *words_day(struct arena *a, date_t d)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	return arena_printf(a, "%s %d %s", date_weekday_name(date_weekday(d)),
	                    day, date_month_name(m));
}

static const char *const ordinals[] = {"", "eerste", "tweede", "derde",
                                       "vierde"};

const char *words_schedule(struct arena *a, const struct activity *x)
{
	const char *when;
	if (!x->recurring) {
		if (x->tot == x->datum) {
			when = words_date(a, x->datum);
		} else {
			int y1, m1, d1, y2, m2, d2;
			date_to_ymd(x->datum, &y1, &m1, &d1);
			date_to_ymd(x->tot, &y2, &m2, &d2);
			when = arena_printf(a, "%s t/m %s",
			                    y1 == y2 ? words_day(a, x->datum)
			                             : words_date(a, x->datum),
			                    words_date(a, x->tot));
		}
		return arena_printf(a, "%s, %s", when, words_time(a, x->tijd));
	}
	const struct cal_rule *r = &x->rule;
	const char *day = date_weekday_name(r->weekday);
	switch (r->freq) {
	case CAL_WEEKLY:
		when = arena_printf(a, "elke %s", day);
		break;
	case CAL_BIWEEKLY:
		when = arena_printf(a, "om de week op %s", day);
		break;
	case CAL_MONTHLY:
	default:
		when = arena_printf(a, "elke %s %s van de maand",
		                    r->week_of_month == CAL_LAST_WEEK
		                        ? "laatste"
		                        : ordinals[r->week_of_month],
		                    day);
		break;
	}
	when = arena_printf(a, "%s, %s", when, words_time(a, x->tijd));
	if (r->until != DATE_NONE)
		when = arena_printf(a, "%s, tot en met %s", when,
		                    words_date(a, r->until));
	return when;
}

const char *words_label(struct arena *a, const char *value)
{
	if (!strcmp(value, "gemeente"))
		return "Hele gemeente";
	char *s = arena_strdup(a, value);
	for (char *p = s; *p; p++)
		if (*p == '-')
			*p = ' ';
	s[0] = g_ascii_toupper(s[0]);
	return s;
}
