/*
 * render_sitemap.h: sitemap.xml (sitemaps.org protocol 0.9) and robots.txt.
 *
 * The website stage knows which pages it writes; it passes their paths (in
 * the form of render_url.h: "", "verhalen/", "verhalen/anna/") and gets the
 * documents back. Every <loc> is absolute (url_absolute(), from basis_url),
 * percent-encoded where RFC 3986 does not allow a byte as it is (spaces,
 * non-ASCII) and entity-escaped as the protocol asks. Paths are sorted and
 * each is listed once, so the output does not depend on the order in which
 * pages were written. No <lastmod>, <changefreq> or <priority>: pages carry
 * no date of change, and search engines ignore the other two.
 *
 * One sitemap holds at most 50,000 URLs (SITEMAP_MAX_URLS); a site that
 * large would need a sitemap index, which is not written: the caller passes
 * no more than that. The schema also wants at least one <url>: the website
 * always passes its home page "".
 *
 * robots.txt allows everything and names the sitemap. Crawlers read it only
 * at the root of a host, so it does its work when basis_url is a host's
 * root ("https://www.zameneen.nl/"), and is harmless elsewhere.
 */
#ifndef ZAMEN_RENDER_SITEMAP_H
#define ZAMEN_RENDER_SITEMAP_H

#include <stddef.h>

#include "model.h"

#define SITEMAP_MAX_URLS 50000

/* The sitemap of the n pages paths[0..n), newly allocated and
 * NUL-terminated; the caller frees it with g_free(). Neither the site nor
 * the paths are changed. */
char *sitemap_xml(const struct site *s, const char *const *paths, size_t n);

/* robots.txt pointing at basis_url + "sitemap.xml"; g_free() it. */
char *sitemap_robots(const struct site *s);
/* robots.txt of a preview: no robot may fetch anything; g_free() it. */
char *sitemap_robots_preview(void);

#endif
