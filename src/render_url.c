#include "render_url.h"

#include <glib.h>
#include <string.h>

#include "model_link.h"
#include "text.h"

const char *url_segment(struct arena *a, const char *value)
{
	/* Vocabulary values are slugs already (checked): only "+" needs a
	 * word, so the transliteration below is rarely needed. */
	if (text_is_slug(value))
		return value;
	GString *s = g_string_new(NULL);
	for (const char *p = value; *p; p++) {
		if (*p == '+')
			g_string_append(s, "-plus");
		else
			g_string_append_c(s, *p);
	}
	char *slug = text_slugify(s->str);
	const char *r = arena_strdup(a, slug);
	g_free(slug);
	g_string_free(s, TRUE);
	return r;
}

const char *url_story(struct arena *a, const struct story *s)
{
	return arena_printf(a, "verhalen/%s/", s->doc.slug);
}

const char *url_activity(struct arena *a, const struct activity *x)
{
	return arena_printf(a, "activiteiten/%s/", x->doc.slug);
}

const char *url_partner(struct arena *a, const struct partner *p)
{
	return arena_printf(a, "partners/%s/", p->doc.slug);
}

const char *url_edition(struct arena *a, const struct edition *e)
{
	return arena_printf(a, "journaal/%s/", e->doc.slug);
}

const char *url_page(struct arena *a, const struct page *p)
{
	return arena_printf(a, "%s/", p->doc.slug);
}

const char *url_doc(struct arena *a, const struct doc *d)
{
	switch (d->kind) {
	case KIND_STORY:
		return url_story(a, (const struct story *)d);
	case KIND_ACTIVITY:
		return url_activity(a, (const struct activity *)d);
	case KIND_PARTNER:
		return url_partner(a, (const struct partner *)d);
	case KIND_EDITION:
		return url_edition(a, (const struct edition *)d);
	case KIND_PAGE:
	default:
		return url_page(a, (const struct page *)d);
	}
}

const char *url_edition_pdf(struct arena *a, const struct site *s,
                            const struct edition *e)
{
	/* The name is model_link's, which keeps attachments off it. */
	return arena_printf(a, "journaal/%s/%s", e->doc.slug,
	                    link_edition_pdf_name(a, s, &e->doc));
}

const char *url_file_segment(struct arena *a, const char *name)
{
	GString *s = g_string_new(NULL);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (g_ascii_isalnum(*p) || strchr("-._~", *p))
			g_string_append_c(s, (char)*p);
		else
			g_string_append_printf(s, "%%%02X", *p);
	const char *r = arena_strndup(a, s->str, s->len);
	g_string_free(s, TRUE);
	return r;
}

const char *url_week(struct arena *a, date_t d)
{
	int y, w;
	date_iso_week(d, &y, &w);
	return arena_printf(a, "activiteiten/week/%04d-%02d/", y, w);
}

const char *url_facet(struct arena *a, const char *list, const char *facet,
                      const char *value)
{
	return arena_printf(a, "%s/%s/%s/", list, facet, url_segment(a, value));
}

const char *url_calendar(struct arena *a, const char *kern)
{
	return arena_printf(a, "kalender/%s.ics",
	                    kern ? url_segment(a, kern) : "activiteiten");
}

const char *url_relative(struct arena *a, const char *from, const char *to)
{
	/* Strip the common folders, then climb out of what is left of from. */
	size_t common = 0;
	for (size_t i = 0; from[i] && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	GString *s = g_string_new(NULL);
	for (const char *p = from + common; *p; p++)
		if (*p == '/')
			g_string_append(s, "../");
	g_string_append(s, to + common);
	if (s->len == 0)
		g_string_append(s, "./");
	const char *r = arena_strdup(a, s->str);
	g_string_free(s, TRUE);
	return r;
}

const char *url_absolute(struct arena *a, const struct site *s,
                         const char *path)
{
	return arena_printf(a, "%s%s", s->config.basis_url, path);
}
