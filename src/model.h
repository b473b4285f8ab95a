/*
 * model.h: the checked site, the one thing render stages read.
 *
 * check_site() (check.h) builds a `struct site` from a loaded tree; once it
 * has returned without errors the site is complete and must be treated as
 * immutable. Every string, record and list belongs to the site's arena and
 * lives until site_free(). Markdown bodies belong to the arena of the
 * loaded tree (load_md.h): never cmark_node_free() them.
 *
 * Publishing rules are decided here once, for everyone, with `published`:
 *   - a draft (concept: true) is published only with --drafts;
 *   - a story is published from story_day() on: its `datum` (embargo),
 *     and never before its `toestemming` (consent), judged against the
 *     build's `today`. A story without consent is never published, not
 *     even with --drafts: a preview is no publication, but it is shown to
 *     people all the same;
 *   - an edition is published from edition_day() on, and only when
 *     everything on it is: its story, and its partner in the spotlight
 *     (its activities are the published ones already). An edition whose
 *     day has come while its story is still under embargo appears nowhere
 *     (page, PDF, archive, feed, sitemap, home) until the story does;
 *   - an edition's PDF is published with the edition, unless it or its
 *     story is a draft (`printed`): print.h never prints drafts;
 *   - an activity whose last occurrence lies before today is `past`: it
 *     keeps its page but leaves every listing (site_occurrences skips it).
 * Render stages must only show what is published, and must never show the
 * `auteur` of a story with `anoniem` set: story_author() is the one way to
 * ask for the name to show.
 */
#ifndef ZAMEN_MODEL_H
#define ZAMEN_MODEL_H

#include <cmark.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "load_tree.h"
#include "model_recur.h"

struct strlist {
	const char **v;
	size_t n;
};

bool strlist_has(const struct strlist *l, const char *s);

/* The fixed vocabularies of the content model. */
extern const struct strlist model_doelgroepen; /* 18+ 45+ 75+ mantelzorgers */
extern const struct strlist
    model_toegankelijk; /* rolstoel ringleiding vervoer */

/* site.yaml */
struct site_config {
	const char *titel, *ondertitel, *basis_url; /* basis_url ends in '/' */
	struct strlist kernen, themas, categorieen, sectoren;
	/* The places a story may have: kernen and "gemeente". */
	struct strlist verhaal_kernen;
	struct {
		const char *naam, *telefoon, *email, *tekst; /* may be NULL */
	} contact;
	struct {
		const char *naam, *krant;
		double breedte, hoogte; /* formaat, mm */
		int kolommen;
		double marge, afloop; /* mm */
		bool snijtekens;
	} journaal;
};

/* What every content record starts with. */
struct doc {
	enum load_kind kind;
	const struct load_doc *src; /* path, slug, dir, front matter */
	const char *slug;
	bool concept;
	bool published;
	/* `samenvatting`, or the first paragraph of the body as plain text,
	 * cut at a word boundary; "" when the body is empty. */
	const char *samenvatting;
	cmark_node *body; /* parsed by md_parse(); never NULL */
};

struct story {
	struct doc doc;
	const char *titel;
	date_t datum, toestemming;
	const char *auteur; /* as written: use story_author() to show it */
	bool anoniem;
	const char *kern; /* NULL, a site kern or "gemeente" */
	struct strlist themas, doelgroep;
	const char *foto; /* path from the source folder, or NULL */
	const char *foto_alt, *foto_bijschrift, *foto_credit;
	/* What a crop of the photo keeps: NULL (libvips' attention crop
	 * decides), "boven", "midden", "onder", "links" or "rechts". */
	const char *foto_focus;
	const char *intro;
};

/* The name to show with a story: NULL when anonymous or not given. */
const char *story_author(const struct story *s);
/* The first day the story may appear: its `datum`, or its `toestemming`
 * when that is later; DATE_NONE without either. Drafts are not judged. */
date_t story_day(const struct story *s);

struct partner;

struct activity {
	struct doc doc;
	const char *titel, *categorie, *kern, *locatie;
	const struct partner *organisator;
	bool recurring;
	date_t datum, tot; /* one-off: datum .. tot (tot == datum if one day) */
	struct cal_rule rule; /* recurring */
	struct date_time_range tijd;
	const char *kosten, *aanmelden; /* may be NULL */
	struct strlist doelgroep, toegankelijk;
	bool past; /* every occurrence lies before today */
};

/* Occurrences of one activity in [from, to], ascending, as a newly
 * allocated array (g_free) of *n dates. A multi-day one-off occurs on each of
 * its days. */
date_t *activity_occurrences(const struct activity *a, date_t from, date_t to,
                             size_t *n);
/* The first occurrence on or after d, or DATE_NONE. */
date_t activity_next(const struct activity *a, date_t d);

struct partner {
	struct doc doc;
	const char *naam;
	struct strlist sector;
	const char *website, *telefoon, *email, *adres;
	const char *logo; /* path from the source folder, or NULL */
	date_t convenant; /* DATE_NONE when absent */
	/* Published activities it organises that are not past, by title. */
	const struct activity **activities;
	size_t n_activities;
};

/* One day on which an activity takes place. */
struct occurrence {
	const struct activity *activity;
	date_t date;
};

struct edition {
	struct doc doc;
	int jaar, nr;
	date_t datum;
	const struct story *verhaal;
	const struct partner *uitgelicht;     /* NULL when not set */
	bool explicit_activities;             /* `activiteiten` was given */
	const struct activity **activiteiten; /* that list, as written */
	size_t n_activiteiten;
	/* Its week: datum .. datum + 6; from the explicit list, or every
	 * published activity, sorted by date, time and title. */
	const struct occurrence *occurrences;
	size_t n_occurrences;
	/* Published, and with its PDF: neither it nor its story a draft. */
	bool printed;
};

/* The first day the edition may appear: its `datum`, or the day of its
 * story (story_day) when that is later; DATE_NONE without a story. */
date_t edition_day(const struct edition *e);

struct page {
	struct doc doc;
	const char *titel;
	int menu; /* 0: not in the menu */
};

struct image_cache;

struct site {
	struct site_config config;
	const char *source; /* the source folder; paths in records start here */
	/* realpath() of source/content, once for every attachment to be
	 * compared with (model_link.h); NULL when it has none. */
	const char *content_real;
	date_t today;
	bool drafts;
	/* The image cache of this build (image.h), or NULL; not owned. */
	struct image_cache *images;
	/* Every record of each kind, including unpublished ones, by slug
	 * (editions by year and number). */
	struct story **stories;
	size_t n_stories;
	struct activity **activities;
	size_t n_activities;
	struct partner **partners;
	size_t n_partners;
	struct edition **editions;
	size_t n_editions;
	struct page **pages;
	size_t n_pages;
	/* Published pages with a menu position, in menu order. */
	const struct page **menu;
	size_t n_menu;
	/* private */
	struct arena *arena;
	struct site_index *index;
};

void site_free(struct site *s);

/* Every record of kind k (as struct doc, which each record starts with),
 * in the order of the arrays above; *n is set. */
struct doc *const *site_docs(const struct site *s, enum load_kind k, size_t *n);
/* The record of kind k with slug, or NULL. */
const struct doc *site_doc(const struct site *s, enum load_kind k,
                           const char *slug);

const struct story *site_story(const struct site *s, const char *slug);
const struct activity *site_activity(const struct site *s, const char *slug);
const struct partner *site_partner(const struct site *s, const char *slug);
const struct edition *site_edition(const struct site *s, const char *slug);
const struct page *site_page(const struct site *s, const char *slug);
/* The record whose source file is path ("content/verhalen/x.md"). */
const struct doc *site_doc_by_path(const struct site *s, const char *path);
/* The record a Markdown link in doc points at: url is the link as written
 * ("../activiteiten/x.md#tijden"); NULL when it is no link to content or
 * is refused (model_link.h decides, link_classify).
 * The resolved path is made in a, the caller's: the site's own arena is
 * not to be touched from the render threads. */
const struct doc *site_link_target(const struct site *s, const struct doc *d,
                                   const char *url, struct arena *a);

/* Occurrences of every published activity that is not past in [from, to],
 * sorted by date, start time and title; newly allocated (g_free). */
struct occurrence *site_occurrences(const struct site *s, date_t from,
                                    date_t to, size_t *n);

/* --- for check.h only: building the site ------------------------------ */

struct site *site_new(void);
struct arena *site_arena(struct site *s);
/* Adds a record (allocated from the site arena, or an arena it adopted;
 * doc filled in) to its kind. */
void site_add(struct site *s, struct doc *d);
/* Indexes records by slug and path; reports two files with one slug. */
void site_index_build(struct site *s, struct diags *d);
/* Decides `published` and `past`, links partners to their activities,
 * computes edition occurrences and the menu. Needs today and drafts set. */
void site_finish(struct site *s);

#endif
