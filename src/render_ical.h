/*
 * render_ical.h: the activity calendars, iCalendar (RFC 5545).
 *
 * public/kalender/activiteiten.ics holds every current activity (published
 * and not past); public/kalender/<kern>.ics only that kern's. People
 * subscribe to them in the calendar of their phone, so an activity keeps one
 * UID for as long as it exists: "<slug>@<host of basis_url>", the same in
 * every file that lists it.
 *
 * What an activity becomes (all times local, DTSTART;TZID=Europe/Amsterdam,
 * described by the VTIMEZONE in every file, EU rules since 1996):
 *   - one day: one VEVENT;
 *   - several days (datum .. tot): one VEVENT on the first day with
 *     RRULE:FREQ=DAILY;COUNT=<days>, because it takes place at `tijd` on
 *     each of its days, not from the first day's start to the last day's end;
 *   - herhaling: DTSTART at the first occurrence (cal_first), and
 *       elke: week        RRULE:FREQ=WEEKLY;BYDAY=TU
 *       elke: twee-weken  RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU
 *       elke: maand       RRULE:FREQ=MONTHLY;BYDAY=1MO (2MO .. 4MO;
 *                         week: laatste gives -1MO)
 *     with ;UNTIL=<tot at the start time, in UTC> when `tot` is given (RFC
 *     5545 wants UTC when DTSTART has a TZID; the instant of the last
 *     possible start keeps that day's occurrence in), and one
 *     EXDATE;TZID=Europe/Amsterdam per `behalve` date that would otherwise
 *     be an occurrence.
 *   - tijd "10:00-11:30" gives DTEND; a bare start time "19:30" gives
 *     DURATION:PT1H. Editors write a start time when the end is open; an
 *     hour shows as a block in calendar apps, where RFC 5545's default (no
 *     end: zero length) shows as a hardly visible line.
 * An activity that is a draft (without --drafts) or past is in no calendar.
 * SUMMARY is the titel, LOCATION the locatie, DESCRIPTION the samenvatting
 * (left out when empty), CATEGORIES the categorie, URL the activity's page
 * (absolute, from basis_url).
 *
 * Output is deterministic: DTSTAMP is the moment the build's `today` began
 * in Amsterdam (in UTC), never the clock; activities come in slug order.
 * Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * character. TEXT values are escaped (\\ \; \, \n) and control characters
 * other than tab and line breaks are dropped.
 */
#ifndef ZAMEN_RENDER_ICAL_H
#define ZAMEN_RENDER_ICAL_H

#include "model.h"

/* The calendar of every current activity when kern is NULL, else of the
 * current activities of that kern (a value of site kernen; any other value
 * gives a valid calendar without events). Newly allocated, NUL-terminated;
 * the caller frees it with g_free(). The site is only read. */
char *ical_calendar(const struct site *s, const char *kern);

#endif
