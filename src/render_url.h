/*
 * render_url.h: where everything lives in public/.
 *
 * A page path is relative to the site root and names a folder holding
 * index.html, with a trailing slash: "verhalen/anna/"; the home page is "".
 * Pages link to each other relatively (url_relative), so public/ works from
 * any folder of any web host; only feeds, the sitemap, canonical links and
 * Open Graph use absolute URLs (url_absolute, from basis_url).
 *
 *   ""                               home
 *   verhalen/  verhalen/pagina/2/    stories, newest first, paged
 *   verhalen/<slug>/                 a story
 *   verhalen/thema/<t>/  verhalen/doelgroep/<d>/  verhalen/kern/<k>/
 *   activiteiten/                    the coming four weeks
 *   activiteiten/<slug>/             an activity
 *   activiteiten/kern/<k>/  activiteiten/categorie/<c>/
 *   activiteiten/doelgroep/<d>/  activiteiten/week/2026-48/
 *   partners/  partners/<slug>/
 *   journaal/  journaal/2026-48/  journaal/2026-48/<pdf>
 *   <page>/                          plain pages
 *   feed.xml sitemap.xml robots.txt 404.html favicon.ico
 *   kalender/activiteiten.ics  kalender/<kern>.ics
 *   assets/...                       CSS, fonts, images
 *
 * Every function returns a string in the arena.
 */
#ifndef ZAMEN_RENDER_URL_H
#define ZAMEN_RENDER_URL_H

#include "arena.h"
#include "model.h"

/* A vocabulary value as one path segment: "18+" -> "18-plus". */
const char *url_segment(struct arena *a, const char *value);

const char *url_doc(struct arena *a, const struct doc *d);
const char *url_story(struct arena *a, const struct story *s);
const char *url_activity(struct arena *a, const struct activity *x);
const char *url_partner(struct arena *a, const struct partner *p);
const char *url_edition(struct arena *a, const struct edition *e);
const char *url_page(struct arena *a, const struct page *p);
/* "journaal/2026-48/zamen-een-journaal-2026-48.pdf" */
const char *url_edition_pdf(struct arena *a, const struct site *s,
                            const struct edition *e);
/* "activiteiten/week/2026-48/" for the ISO week of d. */
const char *url_week(struct arena *a, date_t d);
/* "verhalen/thema/rouw/" and the like: list is "verhalen" or
 * "activiteiten", facet "thema", "kern", "doelgroep" or "categorie". */
const char *url_facet(struct arena *a, const char *list, const char *facet,
                      const char *value);
/* "kalender/activiteiten.ics", or "kalender/<kern>.ics". */
const char *url_calendar(struct arena *a, const char *kern);

/* The link from the page at path `from` to the path `to` (both as above;
 * `to` may name a file): url_relative(a, "verhalen/anna/",
 * "activiteiten/x/") is "../../activiteiten/x/"; to the home page "../../";
 * from the home page to itself "./". */
const char *url_relative(struct arena *a, const char *from, const char *to);

/* A file name as one path segment of a URL: everything but letters,
 * digits and "-._~" percent-encoded, so no name reads as a scheme, a folder
 * or a query ("foto 1.jpg" -> "foto%201.jpg"). */
const char *url_file_segment(struct arena *a, const char *name);

/* basis_url + path. */
const char *url_absolute(struct arena *a, const struct site *s,
                         const char *path);

#endif
