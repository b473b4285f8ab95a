/*
 * test_ical.c: the calendars of tests/sites/model (today 2026-11-22, a
 * Sunday in winter time). Every expected line was worked out by hand from
 * the fixture's files, a 2026/2027 calendar and RFC 5545; where a test
 * changes the site first, it says so.
 */
#include "testutil.h"

#include <glib.h>
#include <string.h>

#include "check.h"
#include "load_tree.h"
#include "model.h"
#include "render_ical.h"

#include "testsite.h"

/* The record behind a slug, writable: tests change the site on purpose. */
/* The VEVENT with UID slug@www.zameneen.nl, from BEGIN to END and its CRLF,
 * newly allocated; NULL when there is none. */
static char *event(const char *cal, const char *slug)
{
	char *uid = g_strdup_printf("UID:%s@www.zameneen.nl\r\n", slug);
	const char *u = strstr(cal, uid);
	g_free(uid);
	if (!u)
		return NULL;
	const char *begin = u;
	while (begin > cal && strncmp(begin, "BEGIN:VEVENT\r\n", 14))
		begin--;
	const char *end = strstr(u, "END:VEVENT\r\n");
	assert_non_null(end);
	return g_strndup(begin, (gsize)(end + 12 - begin));
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("missing:\n%s\nin:\n%s", needle, hay);
}

static void frame_and_timezone(void **state)
{
	char *cal = ical_calendar(site_of(state), NULL);
	assert_true(g_str_has_prefix(cal,
	                             "BEGIN:VCALENDAR\r\n"
	                             "VERSION:2.0\r\n"
	                             "PRODID:-//Zamen Een//zamen//NL\r\n"));
	assert_true(g_str_has_suffix(cal, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
	assert_contains(cal, "\r\nX-WR-CALNAME:Zamen Een: activiteiten\r\n");
	/* EU summer time: from the last Sunday of March 02:00 (+0100) to the
	 * last Sunday of October 03:00 (+0200); 31 March and 27 October 1996
	 * were such Sundays. */
	assert_contains(cal, "BEGIN:VTIMEZONE\r\n"
	                     "TZID:Europe/Amsterdam\r\n"
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
	                     "END:VTIMEZONE\r\n");
	g_free(cal);
}

static void weekly_with_behalve(void **state)
{
	char *cal = ical_calendar(site_of(state), NULL);
	char *ev = event(cal, "ochtend");
	/* 1 September 2026 is a Tuesday; DTSTAMP is 22 November 00:00 in
	 * Amsterdam (CET), 21 November 23:00 UTC; no end time: one hour. */
	assert_string_equal(
	    ev, "BEGIN:VEVENT\r\n"
	        "UID:ochtend@www.zameneen.nl\r\n"
	        "DTSTAMP:20261121T230000Z\r\n"
	        "DTSTART;TZID=Europe/Amsterdam:20260901T090000\r\n"
	        "DURATION:PT1H\r\n"
	        "RRULE:FREQ=WEEKLY;BYDAY=TU\r\n"
	        "EXDATE;TZID=Europe/Amsterdam:20261124T090000\r\n"
	        "SUMMARY:Koffie\r\n"
	        "LOCATION:Dorpshuis\r\n"
	        "CATEGORIES:ontmoeting\r\n"
	        "URL:https://www.zameneen.nl/activiteiten/ochtend/\r\n"
	        "END:VEVENT\r\n");
	g_free(ev);
	ev = event(cal, "wekelijks");
	assert_contains(ev, "\r\nDTSTART;TZID=Europe/Amsterdam:20260901T100000"
	                    "\r\nDTEND;TZID=Europe/Amsterdam:20260901T113000"
	                    "\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\nSUMMARY:");
	assert_null(strstr(ev, "EXDATE"));
	g_free(ev);
	g_free(cal);
}

static void monthly_last_and_nth(void **state)
{
	struct site *s = site_of(state);
	char *cal = ical_calendar(s, NULL);
	char *ev = event(cal, "laatste");
	/* From 2026-01-01 (a Thursday): the last Thursday of January is the
	 * 29th. */
	assert_contains(ev, "\r\nDTSTART;TZID=Europe/Amsterdam:20260129T193000"
	                    "\r\nDURATION:PT1H"
	                    "\r\nRRULE:FREQ=MONTHLY;BYDAY=-1TH\r\n");
	g_free(ev);
	g_free(cal);

	/* Changed to the first Monday: 5 January 2026. */
	struct activity *a = activity(s, "laatste");
	a->rule.week_of_month = 1;
	a->rule.weekday = 1;
	cal = ical_calendar(s, NULL);
	ev = event(cal, "laatste");
	assert_contains(ev, "\r\nDTSTART;TZID=Europe/Amsterdam:20260105T193000"
	                    "\r\nDURATION:PT1H"
	                    "\r\nRRULE:FREQ=MONTHLY;BYDAY=1MO\r\n");
	g_free(ev);
	g_free(cal);
}

static void multi_day_one_off_repeats_daily(void **state)
{
	char *cal = ical_calendar(site_of(state), NULL);
	char *ev = event(cal, "meerdaags");
	assert_contains(ev, "\r\nDTSTART;TZID=Europe/Amsterdam:20261127T120000"
	                    "\r\nDTEND;TZID=Europe/Amsterdam:20261127T170000"
	                    "\r\nRRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:");
	g_free(ev);
	g_free(cal);

	/* One day only: no RRULE at all. */
	struct activity *a = activity(site_of(state), "meerdaags");
	a->tot = a->datum;
	cal = ical_calendar(site_of(state), NULL);
	ev = event(cal, "meerdaags");
	assert_null(strstr(ev, "RRULE"));
	g_free(ev);
	g_free(cal);
}

static void until_is_the_last_start_in_utc(void **state)
{
	struct site *s = site_of(state);
	struct activity *a = activity(s, "wekelijks");
	/* Tuesday 29 June 2027, 10:00 CEST = 08:00 UTC. */
	a->rule.until = day("2027-06-29");
	char *cal = ical_calendar(s, NULL);
	char *ev = event(cal, "wekelijks");
	assert_contains(ev, "\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;"
	                    "UNTIL=20270629T080000Z\r\n");
	g_free(ev);
	g_free(cal);

	/* Tuesday 23 February 2027, 10:00 CET = 09:00 UTC; every other week
	 * from 1 September. */
	a->rule.until = day("2027-02-23");
	a->rule.freq = CAL_BIWEEKLY;
	cal = ical_calendar(s, NULL);
	ev = event(cal, "wekelijks");
	assert_contains(ev, "\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;"
	                    "UNTIL=20270223T090000Z\r\n");
	g_free(ev);
	g_free(cal);
}

static void exdates_are_sorted_unique_and_real(void **state)
{
	struct site *s = site_of(state);
	struct activity *a = activity(s, "ochtend");
	/* Unsorted, a duplicate, a Wednesday (no occurrence) and a Tuesday
	 * before van: only the two real Tuesdays remain, in order. */
	static date_t except[5];
	except[0] = day("2026-12-29");
	except[1] = day("2026-11-24");
	except[2] = day("2026-12-29");
	except[3] = day("2026-12-30");
	except[4] = day("2026-08-25");
	a->rule.except = except;
	a->rule.n_except = 5;
	char *cal = ical_calendar(s, NULL);
	char *ev = event(cal, "ochtend");
	assert_contains(ev, "\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\n"
	                    "EXDATE;TZID=Europe/Amsterdam:20261124T090000\r\n"
	                    "EXDATE;TZID=Europe/Amsterdam:20261229T090000\r\n"
	                    "SUMMARY:Koffie\r\n");
	g_free(ev);
	g_free(cal);
}

static void text_is_escaped(void **state)
{
	struct site *s = site_of(state);
	struct activity *a = activity(s, "wekelijks");
	a->titel = "Zingen, koffie; thee \\ meer\nen zo\x01 verder";
	a->locatie = "Dorpshuis, zaal 1;2";
	char *cal = ical_calendar(s, NULL);
	assert_contains(cal, "\r\nSUMMARY:Zingen\\, koffie\\; thee \\\\ "
	                     "meer\\nen zo verder\r\n");
	assert_contains(cal, "\r\nLOCATION:Dorpshuis\\, zaal 1\\;2\r\n");
	g_free(cal);
}

/* A YAML "\r\n" in a titel reaches the calendar as CR LF; it becomes the
 * two characters \n, so the text cannot start a property of its own. */
static void cr_lf_in_text_cannot_start_a_line(void **state)
{
	struct site *s = site_of(state);
	struct activity *a = activity(s, "wekelijks");
	a->titel = "a\r\nDTSTART:20000101";
	a->locatie = "b\rEND:VEVENT";
	char *cal = ical_calendar(s, NULL);
	assert_contains(cal, "\r\nSUMMARY:a\\nDTSTART:20000101\r\n");
	assert_contains(cal, "\r\nLOCATION:b\\nEND:VEVENT\r\n");
	assert_null(strstr(cal, "\nDTSTART:2000"));
	assert_null(strstr(cal, "\rEND:VEVENT\r"));
	g_free(cal);
}

/* check_config() refuses a basis_url with a line break; should one get
 * through, the URL is percent-encoded and the UID escaped, and neither
 * can add a line. */
static void cr_lf_in_basis_url_cannot_start_a_line(void **state)
{
	struct site *s = site_of(state);
	s->config.basis_url = "https://x.nl\r\nX-EVIL:1/\r\nX-EVIL:2/";
	char *cal = ical_calendar(s, NULL);
	assert_contains(cal, "\r\nUID:ochtend@x.nl\\nx-evil\r\n");
	assert_contains(cal, "\r\nURL:https://x.nl%0D%0AX-EVIL:1/%0D%0AX-EVIL"
	                     ":2/activiteiten/ochtend/\r\n");
	assert_null(strstr(cal, "\nX-EVIL"));
	assert_null(strstr(cal, "\nx-evil"));
	g_free(cal);
}

static void long_lines_fold_between_characters(void **state)
{
	struct site *s = site_of(state);
	struct activity *a = activity(s, "wekelijks");
	GString *text = g_string_new("a");
	for (int i = 0; i < 30; i++)
		g_string_append(text, "€"); /* three octets */
	a->doc.samenvatting = text->str;
	char *cal = ical_calendar(s, NULL);
	/* "DESCRIPTION:a" is 13 octets; 20 euro signs bring it to 73 and a
	 * 21st would make 76, so the line breaks there; the other 10 follow
	 * the continuation space. */
	GString *want = g_string_new("\r\nDESCRIPTION:a");
	for (int i = 0; i < 20; i++)
		g_string_append(want, "€");
	g_string_append(want, "\r\n ");
	for (int i = 0; i < 10; i++)
		g_string_append(want, "€");
	g_string_append(want, "\r\nCATEGORIES:");
	assert_contains(cal, want->str);

	/* 80 e-acutes (two octets): 12 + 31 * 2 = 74 on the first line,
	 * 1 + 37 * 2 = 75 on the second, 12 left for the third. */
	g_string_assign(text, "");
	for (int i = 0; i < 80; i++)
		g_string_append(text, "é");
	a->doc.samenvatting = text->str;
	g_free(cal);
	cal = ical_calendar(s, NULL);
	g_string_assign(want, "\r\nDESCRIPTION:");
	const int per_line[] = {31, 37, 12};
	for (int l = 0; l < 3; l++) {
		if (l)
			g_string_append(want, "\r\n ");
		for (int i = 0; i < per_line[l]; i++)
			g_string_append(want, "é");
	}
	g_string_append(want, "\r\nCATEGORIES:");
	assert_contains(cal, want->str);

	/* No line of any calendar is longer than 75 octets, and every line
	 * break is CRLF. */
	for (const char *p = cal, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
		assert_true(nl > p && nl[-1] == '\r');
		assert_true(nl - 1 - p <= 75);
	}
	g_string_free(want, TRUE);
	g_string_free(text, TRUE);
	g_free(cal);
}

static void only_current_published_activities(void **state)
{
	char *cal = ical_calendar(site_of(state), NULL);
	assert_null(strstr(cal, "voorbij")); /* past */
	assert_null(strstr(cal, "Startdag"));
	assert_null(strstr(cal, "concept-activiteit")); /* draft */
	assert_null(strstr(cal, "Geheim"));
	assert_null(strstr(cal, "Geheime Naam"));
	const char *order[] = {"laatste", "meerdaags", "ochtend", "wekelijks"};
	const char *prev = cal;
	for (size_t i = 0; i < 4; i++) {
		char *uid =
		    g_strdup_printf("UID:%s@www.zameneen.nl\r\n", order[i]);
		const char *at = strstr(prev, uid);
		assert_non_null(at); /* present, and in slug order */
		prev = at;
		g_free(uid);
	}
	g_free(cal);
}

static void drafts_appear_with_drafts_but_past_never(void **state)
{
	char *cal = ical_calendar(site_of(state), NULL);
	char *ev = event(cal, "concept-activiteit");
	assert_non_null(ev);
	assert_contains(ev, "\r\nDTSTART;TZID=Europe/Amsterdam:20261124T100000"
	                    "\r\nDURATION:PT1H\r\nSUMMARY:Geheim\r\n");
	g_free(ev);
	assert_null(strstr(cal, "voorbij"));
	g_free(cal);
}

static void kern_calendars_hold_only_their_kern(void **state)
{
	struct site *s = site_of(state);
	activity(s, "meerdaags")->kern = "biddinghuizen";
	char *bid = ical_calendar(s, "biddinghuizen");
	char *dro = ical_calendar(s, "dronten");
	char *swi = ical_calendar(s, "swifterbant");
	assert_contains(bid, "\r\nX-WR-CALNAME:Zamen Een: activiteiten in "
	                     "Biddinghuizen\r\n");
	assert_contains(bid, "\r\nUID:meerdaags@www.zameneen.nl\r\n");
	assert_null(strstr(bid, "UID:ochtend@"));
	assert_null(strstr(dro, "UID:meerdaags@"));
	assert_contains(dro, "\r\nUID:ochtend@www.zameneen.nl\r\n");
	/* No activities: still a calendar with its time zone. */
	assert_null(strstr(swi, "BEGIN:VEVENT"));
	assert_true(
	    g_str_has_suffix(swi, "END:VTIMEZONE\r\nEND:VCALENDAR\r\n"));
	g_free(bid);
	g_free(dro);
	g_free(swi);
}

static void uid_host_and_determinism(void **state)
{
	struct site *s = site_of(state);
	char *one = ical_calendar(s, NULL);
	char *two = ical_calendar(s, NULL);
	assert_string_equal(one, two);
	g_free(one);
	g_free(two);
	/* The host without user, port or path; the URL keeps all of them. */
	s->config.basis_url = "https://redactie@Zamen.Example.org:8443/site/";
	one = ical_calendar(s, NULL);
	assert_contains(one, "\r\nUID:ochtend@zamen.example.org\r\n");
	assert_contains(one, "\r\nURL:https://redactie@Zamen.Example.org:8443/"
	                     "site/activiteiten/ochtend/\r\n");
	g_free(one);
	/* Another day, another DTSTAMP: 1 July 2027 00:00 CEST. */
	s->today = day("2027-07-01");
	one = ical_calendar(s, NULL);
	assert_contains(one, "\r\nDTSTAMP:20270630T220000Z\r\n");
	g_free(one);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(frame_and_timezone, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(weekly_with_behalve, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(monthly_last_and_nth, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(multi_day_one_off_repeats_daily,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(until_is_the_last_start_in_utc,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(exdates_are_sorted_unique_and_real,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(text_is_escaped, setup, teardown),
	    cmocka_unit_test_setup_teardown(cr_lf_in_text_cannot_start_a_line,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        cr_lf_in_basis_url_cannot_start_a_line, setup, teardown),
	    cmocka_unit_test_setup_teardown(long_lines_fold_between_characters,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(only_current_published_activities,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        drafts_appear_with_drafts_but_past_never, setup_drafts,
	        teardown),
	    cmocka_unit_test_setup_teardown(kern_calendars_hold_only_their_kern,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(uid_host_and_determinism, setup,
	                                    teardown),
	};
	return cmocka_run_group_tests_name("ical", tests, NULL, NULL);
}
