/*
 * check.h: turns a loaded tree into the checked site model.
 *
 * Every rule of the content contract (shared/content-model.md) is checked
 * here: the schema of site.yaml and of each kind, vocabularies, references
 * between files, links in Markdown, photos, recurrences, and the warnings for
 * what is legal but probably wrong. Every problem of the whole tree goes
 * into d; nothing stops at the first one.
 *
 * The returned site is complete only when d holds no errors; with errors it
 * is good for nothing but site_free().
 */
#ifndef ZAMEN_CHECK_H
#define ZAMEN_CHECK_H

#include "diag.h"
#include "load_tree.h"
#include "model.h"

struct image_cache;

struct check_opts {
	date_t today; /* decides embargo, consent and what is past */
	bool drafts;  /* publish concept: true as well */
	/* Where decoded images are remembered (image.h); NULL: nowhere. The
	 * site keeps the pointer, the caller owns it. */
	struct image_cache *images;
};

/* t may be NULL (nothing could be loaded); then NULL is returned. The site
 * does not point into t's arena for anything but `struct doc.src`, so t's
 * arena must outlive the site. */
struct site *check_site(const struct load_tree *t, const struct check_opts *o,
                        struct diags *d);

/* Page names that would collide with what zamen generates itself. */
bool check_reserved_page_slug(const char *slug);

#endif
