/*
 * render_words.h: the site's facts in plain Dutch words, as readers see
 * them on the website and in print. Strings belong to the arena.
 */
#ifndef ZAMEN_RENDER_WORDS_H
#define ZAMEN_RENDER_WORDS_H

#include "arena.h"
#include "model.h"

/* "10:00–11:30" or "10:00" (with an en dash). */
const char *words_time(struct arena *a, struct date_time_range t);

/* When an activity takes place, in words:
 *   "elke dinsdag, 10:00–11:30"
 *   "om de week op donderdag, 14:00"
 *   "elke eerste maandag van de maand, 19:30"
 *   "elke laatste dinsdag van de maand, 19:30"
 *   "zaterdag 12 december 2026, 14:00–16:00"
 *   "maandag 28 december t/m donderdag 31 december 2026, 10:00–16:00"
 * A recurrence with an end date adds ", tot en met <date>". */
const char *words_schedule(struct arena *a, const struct activity *x);

/* "woensdag 25 november 2026" */
const char *words_date(struct arena *a, date_t d);
/* "woensdag 25 november" (the year left out) */
const char *words_day(struct arena *a, date_t d);

/* A vocabulary value as a label: "luisterend-oor" -> "Luisterend oor",
 * "dronten" -> "Dronten", "gemeente" -> "Hele gemeente". */
const char *words_label(struct arena *a, const char *value);

#endif
