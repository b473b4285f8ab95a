#include "render_ical.h"

#include <glib.h>
#include <string.h>

#include "render_url.h"

#define ICAL_TZID "Europe/Amsterdam"
#define ICAL_FOLD_AT 75 /* octets, excluding CRLF (RFC 5545 3.1) */

/* The VTIMEZONE of Europe/Amsterdam under the EU rule (date.h): summer time
 * from the last Sunday of March 02:00 CET to the last Sunday of October
 * 03:00 CEST. Each DTSTART is the first change under that rule, in 1996,
 * written in the local time in force before it, as RFC 5545 3.6.5 asks. */
static const char vtimezone[] = "BEGIN:VTIMEZONE\r\n"
                                "TZID:" ICAL_TZID "\r\n"
                                "BEGIN:DAYLIGHT\r\n"
                                "TZOFFSETFROM:+0100\r\n"
                                "TZOFFSETTO:+0200\r\n"
                                "TZNAME:CEST\r\n"
                                "DTSTART:19960331T020000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                                "END:DAYLIGHT\r\n"
                                "BEGIN:STANDARD\r\n"
                                "TZOFFSETFROM:+0200\r\n"
                                "TZOFFSETTO:+0100\r\n"
                                "TZNAME:CET\r\n"
                                "DTSTART:19961027T030000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                                "END:STANDARD\r\n"
                                "END:VTIMEZONE\r\n";

static const char *const byday[] = {"",   "MO", "TU", "WE",
                                    "TH", "FR", "SA", "SU"};

/* Length of the UTF-8 sequence that starts with byte c; a stray
 * continuation byte counts as one, so folding always moves forward. */
static size_t utf8_seq_len(unsigned char c)
{
	if (c >= 0xF0)
		return 4;
	if (c >= 0xE0)
		return 3;
	if (c >= 0xC0)
		return 2;
	return 1;
}

/* Appends one content line (without its line break) to out, folded: a line
 * longer than 75 octets continues after CRLF and one space, and a UTF-8
 * character is never cut, so every physical line is valid UTF-8. */
static void put_line(GString *out, const char *line)
{
	size_t len = 0;
	const char *p = line;
	while (*p) {
		size_t k = utf8_seq_len((unsigned char)*p);
		size_t avail = strnlen(p, k);
		if (len + avail > ICAL_FOLD_AT) {
			g_string_append(out, "\r\n ");
			len = 1;
		}
		g_string_append_len(out, p, (gssize)avail);
		len += avail;
		p += avail;
	}
	g_string_append(out, "\r\n");
}

/* TEXT (RFC 5545 3.3.11): backslash, semicolon and comma escaped, a line
 * break as \n; CONTROL characters other than tab are not allowed at all. */
static void append_text(GString *out, const char *s)
{
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		switch (c) {
		case '\\':
		case ';':
		case ',':
			g_string_append_c(out, '\\');
			g_string_append_c(out, (char)c);
			break;
		case '\r':
			if (p[1] == '\n')
				p++;
			g_string_append(out, "\\n");
			break;
		case '\n':
			g_string_append(out, "\\n");
			break;
		default:
			if ((c < 0x20 && c != '\t') || c == 0x7F)
				break;
			g_string_append_c(out, (char)c);
		}
	}
}

/* A URI value (RFC 5545 3.3.13) as RFC 3986 wants it: controls, spaces and
 * bytes outside ASCII become %XX. check_config() already refuses such a
 * basis_url; this keeps a line break in one from ever starting a new
 * content line. */
static void append_uri(GString *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F || *p == '"')
			g_string_append_printf(out, "%%%02X", *p);
		else
			g_string_append_c(out, (char)*p);
}

/* Writes "NAME:escaped value" as one folded line. */
static void put_text(GString *out, const char *name, const char *value)
{
	GString *line = g_string_new(name);
	g_string_append_c(line, ':');
	append_text(line, value);
	put_line(out, line->str);
	g_string_free(line, TRUE);
}

static void append_local(GString *out, date_t d, int minutes)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	g_string_append_printf(out, "%04d%02d%02dT%02d%02d00", y, m, day,
	                       minutes / 60, minutes % 60);
}

static void append_utc(GString *out, int64_t t)
{
	int64_t days = t / 86400, secs = t % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	int y, m, day;
	date_to_ymd((date_t)days, &y, &m, &day);
	g_string_append_printf(out, "%04d%02d%02dT%02d%02d%02dZ", y, m, day,
	                       (int)(secs / 3600), (int)(secs / 60 % 60),
	                       (int)(secs % 60));
}

/* The host of basis_url ("https://www.zameneen.nl/" -> "www.zameneen.nl"):
 * the authority without user information and port. Newly allocated. */
static char *url_host(const char *url)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t n = strcspn(p, "/?#");
	const char *at = memchr(p, '@', n);
	if (at) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	/* A port follows the last colon, unless it closes an IPv6 literal. */
	const char *colon = NULL;
	for (size_t i = 0; i < n; i++)
		if (p[i] == ':')
			colon = p + i;
		else if (p[i] == ']')
			colon = NULL;
	if (colon)
		n = (size_t)(colon - p);
	return g_ascii_strdown(p, (gssize)n);
}

static void put_rrule(GString *out, const struct activity *a)
{
	const struct cal_rule *r = &a->rule;
	GString *line = g_string_new("RRULE:");
	if (r->freq == CAL_MONTHLY) {
		g_string_append_printf(line, "FREQ=MONTHLY;BYDAY=%d%s",
		                       r->week_of_month, byday[r->weekday]);
	} else {
		g_string_append(line, "FREQ=WEEKLY;");
		if (r->freq == CAL_BIWEEKLY)
			g_string_append(line, "INTERVAL=2;");
		g_string_append_printf(line, "BYDAY=%s", byday[r->weekday]);
	}
	if (r->until != DATE_NONE) {
		g_string_append(line, ";UNTIL=");
		append_utc(line, date_local_to_utc(r->until, a->tijd.start));
	}
	put_line(out, line->str);
	g_string_free(line, TRUE);
}

static int cmp_date(const void *pa, const void *pb)
{
	date_t a = *(const date_t *)pa, b = *(const date_t *)pb;
	return a < b ? -1 : a > b;
}

/* One EXDATE per `behalve` date that the rule would otherwise produce from
 * DTSTART on, in date order, each once: dates that are no occurrence anyway
 * would only confuse a reader of the file. */
static void put_exdates(GString *out, const struct activity *a, date_t first)
{
	const struct cal_rule *r = &a->rule;
	if (!r->n_except)
		return;
	date_t *ex = g_memdup2(r->except, r->n_except * sizeof *ex);
	qsort(ex, r->n_except, sizeof *ex, cmp_date);
	for (size_t i = 0; i < r->n_except; i++) {
		if ((i > 0 && ex[i] == ex[i - 1]) || ex[i] < first ||
		    !cal_matches_pattern(r, ex[i]))
			continue;
		GString *line = g_string_new("EXDATE;TZID=" ICAL_TZID ":");
		append_local(line, ex[i], a->tijd.start);
		put_line(out, line->str);
		g_string_free(line, TRUE);
	}
	g_free(ex);
}

static void put_event(GString *out, struct arena *ar, const struct site *s,
                      const struct activity *a, const char *host,
                      const char *dtstamp)
{
	date_t first = activity_next(a, DATE_MIN);
	if (first == DATE_NONE)
		return; /* no schedule at all; the checker reports it */
	GString *line = g_string_new(NULL);
	put_line(out, "BEGIN:VEVENT");
	char *uid = g_strdup_printf("%s@%s", a->doc.slug, host);
	put_text(out, "UID", uid);
	g_free(uid);
	g_string_printf(line, "DTSTAMP:%s", dtstamp);
	put_line(out, line->str);
	g_string_assign(line, "DTSTART;TZID=" ICAL_TZID ":");
	append_local(line, first, a->tijd.start);
	put_line(out, line->str);
	if (a->tijd.end >= 0) {
		g_string_assign(line, "DTEND;TZID=" ICAL_TZID ":");
		append_local(line, first, a->tijd.end);
		put_line(out, line->str);
	} else {
		put_line(out, "DURATION:PT1H");
	}
	if (a->recurring) {
		put_rrule(out, a);
		put_exdates(out, a, first);
	} else if (a->tot > a->datum) {
		g_string_printf(line, "RRULE:FREQ=DAILY;COUNT=%d",
		                (int)(a->tot - a->datum) + 1);
		put_line(out, line->str);
	}
	put_text(out, "SUMMARY", a->titel);
	put_text(out, "LOCATION", a->locatie);
	if (a->doc.samenvatting && *a->doc.samenvatting)
		put_text(out, "DESCRIPTION", a->doc.samenvatting);
	put_text(out, "CATEGORIES", a->categorie);
	g_string_assign(line, "URL:");
	append_uri(line, url_absolute(ar, s, url_activity(ar, a)));
	put_line(out, line->str);
	put_line(out, "END:VEVENT");
	g_string_free(line, TRUE);
}

static int cmp_slug(const void *pa, const void *pb)
{
	const struct activity *a = *(const struct activity *const *)pa;
	const struct activity *b = *(const struct activity *const *)pb;
	return strcmp(a->doc.slug, b->doc.slug);
}

/* "dronten" -> "Dronten": kernen are lowercase slugs, names are not. */
static char *kern_name(const char *kern)
{
	char *name = g_strdup(kern);
	name[0] = g_ascii_toupper(name[0]);
	return name;
}

char *ical_calendar(const struct site *s, const char *kern)
{
	struct arena *ar = arena_new();
	GString *out = g_string_new(NULL);
	char *host = url_host(s->config.basis_url);
	GString *dtstamp = g_string_new(NULL);
	append_utc(dtstamp, date_local_to_utc(s->today, 0));

	put_line(out, "BEGIN:VCALENDAR");
	put_line(out, "VERSION:2.0");
	put_line(out, "PRODID:-//Zamen Een//zamen//NL");
	put_line(out, "CALSCALE:GREGORIAN");
	put_line(out, "METHOD:PUBLISH");
	char *name;
	if (kern) {
		char *k = kern_name(kern);
		name = g_strdup_printf("%s: activiteiten in %s",
		                       s->config.titel, k);
		g_free(k);
	} else {
		name = g_strdup_printf("%s: activiteiten", s->config.titel);
	}
	/* NAME is RFC 7986; most apps still read only X-WR-CALNAME. */
	put_text(out, "NAME", name);
	put_text(out, "X-WR-CALNAME", name);
	g_free(name);
	put_line(out, "X-WR-TIMEZONE:" ICAL_TZID);
	/* Subscribers should see a new or cancelled activity within a day. */
	put_line(out, "REFRESH-INTERVAL;VALUE=DURATION:P1D");
	put_line(out, "X-PUBLISHED-TTL:P1D");
	g_string_append(out, vtimezone);

	const struct activity **list =
	    g_new0(const struct activity *, s->n_activities + 1);
	size_t n = 0;
	for (size_t i = 0; i < s->n_activities; i++) {
		const struct activity *a = s->activities[i];
		if (!a->doc.published || a->past)
			continue;
		if (kern && (!a->kern || strcmp(a->kern, kern)))
			continue;
		list[n++] = a;
	}
	qsort(list, n, sizeof *list, cmp_slug);
	for (size_t i = 0; i < n; i++)
		put_event(out, ar, s, list[i], host, dtstamp->str);
	put_line(out, "END:VCALENDAR");

	g_free(list);
	g_string_free(dtstamp, TRUE);
	g_free(host);
	arena_free(ar);
	return g_string_free(out, FALSE);
}
