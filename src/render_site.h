/*
 * render_site.h: the whole website of a checked site, page by page,
 * through the layouts, into a write_out (write_tree.h).
 *
 * Only what is published appears; the name of an anonymous author never
 * does (story_author()). No image file from content/ is copied: photos,
 * logos and images in bodies go out as render_image.h makes them, in img/.
 * Pages link relatively (render_url.h). The output
 * depends only on the site (and so on its `today`), never on the clock or
 * the order of a directory: the same sources give the same bytes.
 */
#ifndef ZAMEN_RENDER_SITE_H
#define ZAMEN_RENDER_SITE_H

#include <glib.h>
#include <stdbool.h>

#include "diag.h"
#include "model.h"
#include "render_tpl.h"
#include "write_tree.h"

/* Stories per page of the story list. */
#define RENDER_STORIES_PER_PAGE 10
/* Weeks of the agenda on /activiteiten/, and of week pages from now. */
#define RENDER_AGENDA_WEEKS 4
#define RENDER_WEEK_PAGES 8

struct render_extra {
	/* An edition's PDF path in the output (render_url.h), when the print
	 * stage wrote one; NULL otherwise. Called for published editions. */
	const char *(*edition_pdf)(void *data, const struct edition *e);
	void *data;
	/* A preview (drafts, a later day): every page says so in a banner
	 * and is noindex, and robots.txt disallows everything. */
	bool preview;
};

/* Writes every page, list, asset and 404 page into w; page paths written
 * (for the sitemap) are added to paths (g_strdup'ed strings) when it is not
 * NULL. layouts_dir holds the layouts t was loaded from and assets/ and
 * fonts/. Returns false after reporting into d. */
bool render_site(const struct site *s, const struct tpl_set *t,
                 const char *layouts_dir, const struct render_extra *extra,
                 struct write_out *w, GPtrArray *paths, struct diags *d);

#endif
