/*
 * gen.c: writes the machine-readable outputs of one source folder, and what
 * the site itself says they must contain, for the parsers of tests/feeds.sh.
 *
 *   gen SOURCE OUTDIR TODAY [WEEKS]
 *
 * OUTDIR receives feed.xml, sitemap.xml, robots.txt, activiteiten.ics and
 * <kern>.ics (as the render modules write them), and three files of facts
 * taken from the model, one item a line:
 *   occurrences.txt  "# from DATE to DATE", then "slug kern DATE START END"
 *                    for every occurrence of every current activity in the
 *                    WEEKS (default 12) weeks from TODAY, from
 *                    activity_occurrences(); END is "-" without an end time;
 *   published.txt    "DATE URL" of every published story and edition;
 *   forbidden.txt    strings no output may contain: the auteur of anonymous
 *                    stories, the URLs and titles of unpublished stories and
 *                    editions, and the UIDs of activities that are past or
 *                    unpublished.
 * Exits 1 (after printing them) when the content has errors.
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "load_tree.h"
#include "model.h"
#include "render_feed.h"
#include "render_ical.h"
#include "render_sitemap.h"
#include "render_url.h"

static void write_file(const char *dir, const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);
	GError *err = NULL;
	if (!g_file_set_contents(path, text, -1, &err)) {
		fprintf(stderr, "gen: %s\n", err->message);
		exit(2);
	}
	g_free(path);
}

static void add(GString *out, const char *line)
{
	g_string_append(out, line);
	g_string_append_c(out, '\n');
}

static void write_occurrences(const struct site *s, const char *dir, int weeks)
{
	date_t from = s->today, to = s->today + 7 * weeks - 1;
	char a[11], b[11], t1[6], t2[6];
	date_format(from, a);
	date_format(to, b);
	GString *out = g_string_new(NULL);
	g_string_append_printf(out, "# from %s to %s\n", a, b);
	for (size_t i = 0; i < s->n_activities; i++) {
		const struct activity *x = s->activities[i];
		if (!x->doc.published || x->past)
			continue;
		size_t n;
		date_t *d = activity_occurrences(x, from, to, &n);
		date_time_format(x->tijd.start, t1);
		if (x->tijd.end >= 0)
			date_time_format(x->tijd.end, t2);
		else
			g_strlcpy(t2, "-", sizeof t2);
		for (size_t k = 0; k < n; k++) {
			date_format(d[k], a);
			g_string_append_printf(out, "%s %s %s %s %s\n",
			                       x->doc.slug, x->kern, a, t1, t2);
		}
		g_free(d);
	}
	write_file(dir, "occurrences.txt", out->str);
	g_string_free(out, TRUE);
}

static void write_facts(const struct site *s, struct arena *ar, const char *dir)
{
	GString *pub = g_string_new(NULL), *bad = g_string_new(NULL);
	char d[11];
	for (size_t i = 0; i < s->n_stories; i++) {
		const struct story *x = s->stories[i];
		const char *url = url_absolute(ar, s, url_story(ar, x));
		if (x->doc.published) {
			date_format(x->datum, d);
			g_string_append_printf(pub, "%s %s\n", d, url);
		} else {
			add(bad, url);
			add(bad, x->titel);
		}
		if (x->anoniem && x->auteur)
			add(bad, x->auteur);
	}
	for (size_t i = 0; i < s->n_editions; i++) {
		const struct edition *x = s->editions[i];
		const char *url = url_absolute(ar, s, url_edition(ar, x));
		if (x->doc.published) {
			date_format(x->datum, d);
			g_string_append_printf(pub, "%s %s\n", d, url);
		} else {
			add(bad, url);
		}
	}
	for (size_t i = 0; i < s->n_activities; i++) {
		const struct activity *x = s->activities[i];
		if (!x->doc.published || x->past)
			g_string_append_printf(bad, "UID:%s@\n", x->doc.slug);
	}
	write_file(dir, "published.txt", pub->str);
	write_file(dir, "forbidden.txt", bad->str);
	g_string_free(pub, TRUE);
	g_string_free(bad, TRUE);
}

/* The pages the website writes, as far as the model tells. */
static void write_sitemap(const struct site *s, struct arena *ar,
                          const char *dir)
{
	GPtrArray *p = g_ptr_array_new();
	const char *lists[] = {"", "verhalen/", "activiteiten/", "partners/",
	                       "journaal/"};
	for (size_t i = 0; i < G_N_ELEMENTS(lists); i++)
		g_ptr_array_add(p, (gpointer)lists[i]);
	for (size_t i = 0; i < s->n_stories; i++)
		if (s->stories[i]->doc.published)
			g_ptr_array_add(p,
			                (gpointer)url_story(ar, s->stories[i]));
	for (size_t i = 0; i < s->n_activities; i++)
		if (s->activities[i]->doc.published)
			g_ptr_array_add(
			    p, (gpointer)url_activity(ar, s->activities[i]));
	for (size_t i = 0; i < s->n_partners; i++)
		if (s->partners[i]->doc.published)
			g_ptr_array_add(
			    p, (gpointer)url_partner(ar, s->partners[i]));
	for (size_t i = 0; i < s->n_editions; i++)
		if (s->editions[i]->doc.published)
			g_ptr_array_add(
			    p, (gpointer)url_edition(ar, s->editions[i]));
	for (size_t i = 0; i < s->n_pages; i++)
		if (s->pages[i]->doc.published)
			g_ptr_array_add(p, (gpointer)url_page(ar, s->pages[i]));
	char *xml = sitemap_xml(s, (const char *const *)p->pdata, p->len);
	write_file(dir, "sitemap.xml", xml);
	g_free(xml);
	g_ptr_array_free(p, TRUE);
}

int main(int argc, char **argv)
{
	date_t today;
	if (argc < 4 || argc > 5 || !date_parse(argv[3], &today, NULL)) {
		fprintf(stderr,
		        "usage: gen SOURCE OUTDIR YYYY-MM-DD [WEEKS]\n");
		return 2;
	}
	int weeks = argc == 5 ? atoi(argv[4]) : 12;
	const char *dir = argv[2];
	g_mkdir_with_parents(dir, 0777);

	struct arena *a = arena_new();
	struct diags *d = diags_new();
	struct load_tree *t = load_tree(argv[1], a, d);
	struct check_opts o = {.today = today, .drafts = false};
	struct site *s = check_site(t, &o, d);
	if (!s || diags_errors(d)) {
		diags_print(d, stderr);
		site_free(s);
		diags_free(d);
		arena_free(a);
		return 1;
	}

	struct arena *ar = arena_new();
	char *text = feed_atom(s);
	write_file(dir, "feed.xml", text);
	g_free(text);
	text = sitemap_robots(s);
	write_file(dir, "robots.txt", text);
	g_free(text);
	write_sitemap(s, ar, dir);
	text = ical_calendar(s, NULL);
	write_file(dir, "activiteiten.ics", text);
	g_free(text);
	for (size_t i = 0; i < s->config.kernen.n; i++) {
		const char *kern = s->config.kernen.v[i];
		text = ical_calendar(s, kern);
		char *name = g_path_get_basename(url_calendar(ar, kern));
		write_file(dir, name, text);
		g_free(name);
		g_free(text);
	}
	write_occurrences(s, dir, weeks);
	write_facts(s, ar, dir);

	arena_free(ar);
	site_free(s);
	diags_free(d);
	arena_free(a);
	return 0;
}
