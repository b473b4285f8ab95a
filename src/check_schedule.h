/*
 * check_schedule.h: what is scheduled, told at the end of `zamen check` and
 * `zamen build`.
 *
 * zamen decides what is published when it runs (model.h): a story whose
 * `datum` lies ahead, or an edition whose day has not come, is simply left
 * out. Nothing appears by itself on that day; the site changes only when it
 * is built again then. So check and build end by saying what is waiting,
 * and when:
 *
 *     Gepland, nog niet op de site:
 *       woensdag 9 december 2026: verhaal 'Titel' (content/verhalen/x.md)
 *       woensdag 9 december 2026: editie 2026-50 (content/journaal/2026-50.md)
 *     De site verandert pas als hij op die dag opnieuw gebouwd wordt ...
 *
 * Scheduled are the stories and editions that are not drafts and whose
 * story_day() or edition_day() lies after today, in date order (on one
 * day stories before editions, then by file). Drafts never appear, also
 * not with --drafts: the schedule is about the published site.
 */
#ifndef ZAMEN_CHECK_SCHEDULE_H
#define ZAMEN_CHECK_SCHEDULE_H

#include <stdio.h>

#include "model.h"

/* At most this many entries are listed; the rest are counted. */
#define CHECK_SCHEDULE_MAX 10

/* The Dutch text above, newly allocated (g_free), or NULL when nothing is
 * scheduled. s must be complete (check_site without errors). */
char *check_schedule_text(const struct site *s);

/* Writes check_schedule_text() to out; nothing when nothing is scheduled. */
void check_schedule_print(const struct site *s, FILE *out);

#endif
