/*
 * print.h: the weekly Journaal page for the newspaper, as a print-ready
 * PDF. The render stage for print; `zamen print` (main_print.c), `zamen
 * build` and `zamen check` use it.
 *
 * One edition is one page (the design: print_design.h, the data:
 * layouts/journaal/ontwerp.yaml):
 *   - the masthead: the Journaal's name, number, Dutch date, the newspaper;
 *   - the story: headline, the intro in bold, the photo with caption and
 *     credit, the body flowed over columns, justified, hyphenated with the
 *     Dutch patterns, without widows or orphans;
 *   - "Van de redactie" (the edition's body), "Deze week" (the edition's
 *     activities by day), the partner in the spotlight, and always the
 *     contact box of site.yaml.
 *
 * The PDF is print-ready: MediaBox is the trim size (plus bleed and room
 * for crop marks when site.yaml asks, with TrimBox and BleedBox set), every
 * font is embedded (only the ones in layouts/fonts/), black is pure K and
 * every other colour CMYK, there is no page transparency group, the photo
 * is the original JPEG, and the same input gives the same bytes.
 *
 * Printing ignores the embargo (the page is made before the paper
 * appears) but never prints a draft edition or story, a story without
 * consent, or the name of an anonymous storyteller.
 *
 * Threads: print from one thread at a time, in the whole process. Pango
 * objects are not thread-safe, and even with a design per thread the
 * shared font caches below Pango let pages set at the same time in
 * different threads come out with other line breaks: the PDF would no
 * longer be the same for the same input. Laying out an edition takes about
 * 5 ms, making its PDF about 15 ms; loading the design about 15 ms.
 *
 * Copy-fit: when the story does not fit, the error
 *     verhaal te lang: 14 regels (ongeveer 95 woorden); valt weg vanaf:
 *     ‘Inmiddels heeft Gerda …’
 * is reported on the edition's file (at its `verhaal` field), and the PDF
 * is a proof with the overflow marked, never a page to send to the paper.
 */
#ifndef ZAMEN_PRINT_H
#define ZAMEN_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

struct print_design;

/* Reads LAYOUTS/journaal/ontwerp.yaml and loads the fonts in
 * LAYOUTS/fonts/ and the hyphenation patterns it names. Returns NULL after
 * reporting every problem into d. Loading takes a few milliseconds: load
 * once and print every edition with it. */
struct print_design *print_design_load(const char *layouts_dir,
                                       struct diags *d);
/* print_design_free(NULL) is a no-op. */
void print_design_free(struct print_design *pd);

/* How the story fitted its columns. Lines are lines of body text; words
 * are counted in the story's own text. */
struct print_fit {
	bool fits;
	int lines; /* fits: lines still free; else lines too many */
	int words; /* about that many words */
	/* When it does not fit: the first words that fall away, "Inmiddels
	 * heeft Gerda" (g_free; NULL when it fits). */
	char *from;
};

/* Releases what print_edition put into fit; fit may be NULL. */
void print_fit_clear(struct print_fit *fit);

/* Sets edition e of site s. Returns the PDF (g_free) and its length in
 * *len, or NULL after reporting into d why the edition cannot be printed.
 * fit (may be NULL) tells how the story fitted; when it did not, the
 * returned PDF is the proof with the overflow marked and the copy-fit
 * error is in d. Warnings (a photo under 200 ppi, activities that did not
 * fit) go into d as well. */
unsigned char *print_edition(const struct print_design *pd,
                             const struct site *s, const struct edition *e,
                             size_t *len, struct print_fit *fit,
                             struct diags *d);

/* Whether edition e may be printed today: not a draft, with a story that
 * is no draft and whose storyteller gave consent. Reports why not into d.
 * The embargo does not count: the page is made before it appears.
 * print_edition() asks it too. */
bool print_printable(const struct site *s, const struct edition *e,
                     struct diags *d);

struct print_cache;

/* Lays out every edition that is not a draft, without making a PDF, and
 * reports what print_edition would: overflow, photos, refusals. For
 * `zamen check`. An edition found in cache (print_cache.h; may be NULL)
 * gives its warnings from there, without being laid out again. */
void print_check_editions(const struct print_design *pd, const struct site *s,
                          struct print_cache *cache, struct diags *d);
/* The same for one edition: what `zamen build` does for the editions it
 * does not print, so build and check report the same for every edition. */
void print_check_edition(const struct print_design *pd, const struct site *s,
                         const struct edition *e, struct print_cache *cache,
                         struct diags *d);

/* The copy-fit messages, for tests and the command line: "verhaal te
 * lang: 14 regels (ongeveer 95 woorden); valt weg vanaf: ‘Inmiddels heeft
 * Gerda …’" when it does not fit, else "er is nog ruimte voor 6 regels
 * (ongeveer 40 woorden)". Newly allocated (g_free). */
char *print_fit_message(const struct print_fit *fit);

#endif
