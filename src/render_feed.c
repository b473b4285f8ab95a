#include "render_feed.h"

#include <glib.h>
#include <string.h>

#include "render_url.h"
#include "text.h"

/* A story or an edition on its way into the feed. */
struct feed_item {
	date_t datum;
	const char *path; /* page path, "verhalen/anna/" */
	const struct story *story;
	const struct edition *edition;
};

/* Newest first; on one date by page path, so the order never depends on
 * the order of the files. */
static int cmp_item(const void *pa, const void *pb)
{
	const struct feed_item *a = pa, *b = pb;
	if (a->datum != b->datum)
		return a->datum > b->datum ? -1 : 1;
	return strcmp(a->path, b->path);
}

/* <name>escaped text</name> on a line of its own, indented. */
static void put_element(GString *out, const char *indent, const char *name,
                        const char *text)
{
	g_string_append_printf(out, "%s<%s>", indent, name);
	text_append_escaped(out, text);
	g_string_append_printf(out, "</%s>\n", name);
}

/* A date at 00:00 in Amsterdam (date_format_midnight). */
static void append_datetime(GString *out, date_t d)
{
	char buf[32];
	date_format_midnight(d, buf);
	g_string_append(out, buf);
}

static void put_date(GString *out, const char *indent, const char *name,
                     date_t d)
{
	GString *v = g_string_new(NULL);
	append_datetime(v, d);
	put_element(out, indent, name, v->str);
	g_string_free(v, TRUE);
}

static void put_link(GString *out, const char *indent, const char *rel,
                     const char *type, const char *href)
{
	g_string_append_printf(out, "%s<link rel=\"%s\" type=\"%s\" href=\"",
	                       indent, rel, type);
	text_append_escaped(out, href);
	g_string_append(out, "\"/>\n");
}

static void put_entry(GString *out, struct arena *ar, const struct site *s,
                      const struct feed_item *it)
{
	const char *url = url_absolute(ar, s, it->path);
	const struct doc *doc = it->story ? &it->story->doc : &it->edition->doc;
	g_string_append(out, "  <entry>\n");
	put_element(out, "    ", "id", url);
	if (it->story) {
		put_element(out, "    ", "title", it->story->titel);
	} else {
		char *title = g_strdup_printf(
		    "%s, editie %d (%d)", s->config.journaal.naam,
		    it->edition->nr, it->edition->jaar);
		put_element(out, "    ", "title", title);
		g_free(title);
	}
	put_link(out, "    ", "alternate", "text/html", url);
	put_date(out, "    ", "published", it->datum);
	put_date(out, "    ", "updated", it->datum);
	if (it->story) {
		const char *author = story_author(it->story);
		if (author && *author) {
			g_string_append(out, "    <author>\n");
			put_element(out, "      ", "name", author);
			g_string_append(out, "    </author>\n");
		}
		for (size_t i = 0; i < it->story->themas.n; i++) {
			g_string_append(out, "    <category term=\"");
			text_append_escaped(out, it->story->themas.v[i]);
			g_string_append(out, "\"/>\n");
		}
	}
	if (doc->samenvatting && *doc->samenvatting)
		put_element(out, "    ", "summary", doc->samenvatting);
	g_string_append(out, "  </entry>\n");
}

/* Every published story and edition, newest first; *n of them. */
static struct feed_item *collect_items(struct arena *ar, const struct site *s,
                                       size_t *n)
{
	struct feed_item *items =
	    g_new0(struct feed_item, s->n_stories + s->n_editions + 1);
	size_t k = 0;
	for (size_t i = 0; i < s->n_stories; i++) {
		const struct story *x = s->stories[i];
		if (x->doc.published)
			items[k++] = (struct feed_item){
			    x->datum, url_story(ar, x), x, NULL};
	}
	for (size_t i = 0; i < s->n_editions; i++) {
		const struct edition *x = s->editions[i];
		if (x->doc.published)
			items[k++] = (struct feed_item){
			    x->datum, url_edition(ar, x), NULL, x};
	}
	qsort(items, k, sizeof *items, cmp_item);
	*n = k;
	return items;
}

char *feed_atom(const struct site *s)
{
	struct arena *ar = arena_new();
	GString *out = g_string_new(NULL);
	size_t n;
	struct feed_item *items = collect_items(ar, s, &n);
	if (n > FEED_MAX_ENTRIES)
		n = FEED_MAX_ENTRIES;

	const char *self = url_absolute(ar, s, "feed.xml");
	g_string_append(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	                     "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
	                     "xml:lang=\"nl\">\n");
	put_element(out, "  ", "id", self);
	put_element(out, "  ", "title", s->config.titel);
	if (s->config.ondertitel && *s->config.ondertitel)
		put_element(out, "  ", "subtitle", s->config.ondertitel);
	put_link(out, "  ", "self", "application/atom+xml", self);
	put_link(out, "  ", "alternate", "text/html", url_absolute(ar, s, ""));
	put_date(out, "  ", "updated", n ? items[0].datum : s->today);
	g_string_append(out, "  <author>\n");
	put_element(out, "    ", "name", s->config.titel);
	put_element(out, "    ", "uri", url_absolute(ar, s, ""));
	g_string_append(out, "  </author>\n");
	put_element(out, "  ", "generator", "zamen");
	for (size_t i = 0; i < n; i++)
		put_entry(out, ar, s, &items[i]);
	g_string_append(out, "</feed>\n");

	g_free(items);
	arena_free(ar);
	return g_string_free(out, FALSE);
}
