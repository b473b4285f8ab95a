#include "render_sitemap.h"

#include <glib.h>
#include <string.h>

#include "render_url.h"

static int cmp_str(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* A URL as RFC 3986 wants it: bytes it allows stay as they are
 * (unreserved, reserved and '%' of an existing escape), every other byte,
 * a line break too, becomes %XX; with xml, the XML specials become
 * entities, as <loc> wants them. */
static void append_url(GString *out, const char *url, bool xml)
{
	static const char allowed[] = "-._~:/?#[]@!$&'()*+,;=%";
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (xml && *p == '&')
			g_string_append(out, "&amp;");
		else if (xml && *p == '\'')
			g_string_append(out, "&apos;");
		else if (g_ascii_isalnum(*p) || strchr(allowed, *p))
			g_string_append_c(out, (char)*p);
		else
			g_string_append_printf(out, "%%%02X", *p);
	}
}

char *sitemap_xml(const struct site *s, const char *const *paths, size_t n)
{
	struct arena *ar = arena_new();
	const char **sorted = g_new0(const char *, n + 1);
	if (n)
		memcpy(sorted, paths, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_str);

	GString *out = g_string_new(
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && !strcmp(sorted[i], sorted[i - 1]))
			continue;
		g_string_append(out, "  <url><loc>");
		append_url(out, url_absolute(ar, s, sorted[i]), true);
		g_string_append(out, "</loc></url>\n");
	}
	g_string_append(out, "</urlset>\n");

	g_free(sorted);
	arena_free(ar);
	return g_string_free(out, FALSE);
}

char *sitemap_robots(const struct site *s)
{
	struct arena *ar = arena_new();
	/* One line per field: the URL is encoded, so nothing in basis_url
	 * can start another. */
	GString *r = g_string_new("User-agent: *\n"
	                          "Disallow:\n"
	                          "\n"
	                          "Sitemap: ");
	append_url(r, url_absolute(ar, s, "sitemap.xml"), false);
	g_string_append_c(r, '\n');
	arena_free(ar);
	return g_string_free(r, FALSE);
}

char *sitemap_robots_preview(void)
{
	return g_strdup("User-agent: *\n"
	                "Disallow: /\n");
}
