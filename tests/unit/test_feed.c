/*
 * test_feed.c: the Atom feed of tests/sites/model (today 2026-11-22).
 * Published there: the stories gepubliceerd (18 November, by Jan Jansen)
 * and anoniem (1 November, auteur "Geheime Naam" but anonymous), and
 * edition 2026-47 (18 November). Not published: the draft story concept,
 * the story embargo and edition 2026-48 (both 25 November). Expected text
 * was worked out by hand from those files and RFC 4287.
 */
#include "testutil.h"

#include <glib.h>
#include <string.h>

#include "check.h"
#include "load_tree.h"
#include "model.h"
#include "render_feed.h"

#include "testsite.h"

/* The <entry> whose id is basis_url + path, through </entry> and its line
 * break; newly allocated, or NULL when the feed has none. */
static char *entry(const char *feed, const char *path)
{
	char *id = g_strdup_printf("<id>https://www.zameneen.nl/%s</id>", path);
	const char *at = strstr(feed, id);
	g_free(id);
	if (!at)
		return NULL;
	const char *begin = at;
	while (begin > feed && strncmp(begin, "  <entry>\n", 10))
		begin--;
	const char *end = strstr(at, "</entry>\n");
	assert_non_null(end);
	return g_strndup(begin, (gsize)(end + 9 - begin));
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("missing:\n%s\nin:\n%s", needle, hay);
}

static void head_of_the_feed(void **state)
{
	char *feed = feed_atom(site_of(state));
	assert_true(g_str_has_prefix(
	    feed,
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n"
	    "  <id>https://www.zameneen.nl/feed.xml</id>\n"
	    "  <title>Zamen Een</title>\n"
	    "  <subtitle>Samen tegen eenzaamheid</subtitle>\n"
	    "  <link rel=\"self\" type=\"application/atom+xml\" "
	    "href=\"https://www.zameneen.nl/feed.xml\"/>\n"
	    "  <link rel=\"alternate\" type=\"text/html\" "
	    "href=\"https://www.zameneen.nl/\"/>\n"
	    "  <updated>2026-11-18T00:00:00+01:00</updated>\n"
	    "  <author>\n"
	    "    <name>Zamen Een</name>\n"
	    "    <uri>https://www.zameneen.nl/</uri>\n"
	    "  </author>\n"
	    "  <generator>zamen</generator>\n"
	    "  <entry>\n"));
	assert_true(g_str_has_suffix(feed, "  </entry>\n</feed>\n"));
	g_free(feed);
}

static void entries_newest_first(void **state)
{
	char *feed = feed_atom(site_of(state));
	assert_int_equal(count(feed, "<entry>"), 3);
	/* 18 November twice (by path: journaal/ before verhalen/), then
	 * 1 November. */
	const char *e47 = strstr(feed, "<id>https://www.zameneen.nl/journaal/"
	                               "2026-47/</id>");
	const char *gep = strstr(feed, "<id>https://www.zameneen.nl/verhalen/"
	                               "gepubliceerd/</id>");
	const char *ano = strstr(feed, "<id>https://www.zameneen.nl/verhalen/"
	                               "anoniem/</id>");
	assert_non_null(e47);
	assert_non_null(gep);
	assert_non_null(ano);
	assert_true(e47 < gep && gep < ano);
	g_free(feed);
}

static void entry_of_a_story(void **state)
{
	char *feed = feed_atom(site_of(state));
	char *e = entry(feed, "verhalen/gepubliceerd/");
	assert_string_equal(
	    e, "  <entry>\n"
	       "    <id>https://www.zameneen.nl/verhalen/gepubliceerd/</id>\n"
	       "    <title>Gepubliceerd</title>\n"
	       "    <link rel=\"alternate\" type=\"text/html\" "
	       "href=\"https://www.zameneen.nl/verhalen/gepubliceerd/\"/>\n"
	       "    <published>2026-11-18T00:00:00+01:00</published>\n"
	       "    <updated>2026-11-18T00:00:00+01:00</updated>\n"
	       "    <author>\n"
	       "      <name>Jan Jansen</name>\n"
	       "    </author>\n"
	       "    <category term=\"rouw\"/>\n"
	       "    <summary>Dit is de eerste alinea van een verhaal dat lang "
	       "genoeg is om ingekort te worden, want een samenvatting mag "
	       "niet langer zijn dan tweehonderd tekens en deze alinea is met "
	       "opzet veel langer dan dat…</summary>\n"
	       "  </entry>\n");
	g_free(e);
	g_free(feed);
}

static void entry_of_an_edition(void **state)
{
	char *feed = feed_atom(site_of(state));
	char *e = entry(feed, "journaal/2026-47/");
	/* No title of its own, no author, an empty editorial: no summary. */
	assert_string_equal(
	    e, "  <entry>\n"
	       "    <id>https://www.zameneen.nl/journaal/2026-47/</id>\n"
	       "    <title>Zamen Een Journaal, editie 47 (2026)</title>\n"
	       "    <link rel=\"alternate\" type=\"text/html\" "
	       "href=\"https://www.zameneen.nl/journaal/2026-47/\"/>\n"
	       "    <published>2026-11-18T00:00:00+01:00</published>\n"
	       "    <updated>2026-11-18T00:00:00+01:00</updated>\n"
	       "  </entry>\n");
	g_free(e);
	g_free(feed);
}

static void anonymous_author_is_never_named(void **state)
{
	char *feed = feed_atom(site_of(state));
	assert_null(strstr(feed, "Geheime Naam"));
	assert_null(strstr(feed, "Geheime"));
	char *e = entry(feed, "verhalen/anoniem/");
	assert_non_null(e);
	assert_null(strstr(e, "<author>"));
	assert_contains(e, "    <summary>Een eigen samenvatting.</summary>\n");
	g_free(e);
	g_free(feed);
}

static void drafts_and_embargo_stay_out(void **state)
{
	char *feed = feed_atom(site_of(state));
	assert_null(strstr(feed, "embargo"));
	assert_null(strstr(feed, "Onder embargo"));
	assert_null(strstr(feed, "verhalen/concept/"));
	assert_null(strstr(feed, "2026-48"));
	g_free(feed);
}

static void drafts_flag_adds_the_draft_but_not_the_name(void **state)
{
	char *feed = feed_atom(site_of(state));
	assert_int_equal(count(feed, "<entry>"), 4);
	char *e = entry(feed, "verhalen/concept/");
	assert_non_null(e);
	/* An empty body: no summary. */
	assert_null(strstr(e, "<summary>"));
	g_free(e);
	assert_null(strstr(feed, "Geheime Naam"));
	assert_null(strstr(feed, "embargo"));
	g_free(feed);
}

static void text_is_escaped_for_xml(void **state)
{
	struct site *s = site_of(state);
	struct story *x = story(s, "gepubliceerd");
	x->titel = "Jan & <Piet> \"zegt\" 'hoi'\x01\x1f";
	x->auteur = "A & B";
	x->doc.samenvatting = "regel\neen\ttab \xef\xbf\xbe weg";
	char *feed = feed_atom(s);
	assert_contains(feed, "    <title>Jan &amp; &lt;Piet&gt; "
	                      "&quot;zegt&quot; &apos;hoi&apos;</title>\n");
	assert_contains(feed, "      <name>A &amp; B</name>\n");
	/* Line feed and tab stay; U+FFFE is no XML character at all. */
	assert_contains(feed, "<summary>regel\neen\ttab  weg</summary>");
	g_free(feed);
}

static void summer_dates_carry_summer_offset(void **state)
{
	struct site *s = site_of(state);
	story(s, "gepubliceerd")->datum = day("2026-07-15");
	char *feed = feed_atom(s);
	char *e = entry(feed, "verhalen/gepubliceerd/");
	assert_contains(e, "<published>2026-07-15T00:00:00+02:00</published>");
	assert_contains(e, "<updated>2026-07-15T00:00:00+02:00</updated>");
	g_free(e);
	/* Now the last of the three. */
	assert_true(strstr(feed, "verhalen/anoniem/</id>") <
	            strstr(feed, "verhalen/gepubliceerd/</id>"));
	g_free(feed);
}

static void nothing_published_updated_is_today(void **state)
{
	struct site *s = site_of(state);
	for (size_t i = 0; i < s->n_stories; i++)
		s->stories[i]->doc.published = false;
	for (size_t i = 0; i < s->n_editions; i++)
		s->editions[i]->doc.published = false;
	char *feed = feed_atom(s);
	assert_contains(feed,
	                "  <updated>2026-11-22T00:00:00+01:00</updated>\n");
	assert_null(strstr(feed, "<entry>"));
	g_free(feed);
}

static void at_most_twenty_entries(void **state)
{
	struct site *s = site_of(state);
	/* Twenty-five stories of 1..25 October in place of the fixture's
	 * four; with edition 47 (18 November) on top, the twentieth entry is
	 * the story of 7 October. */
	struct story *base = story(s, "gepubliceerd");
	struct story many[25];
	struct story *ptrs[25];
	char slugs[25][8];
	for (int i = 0; i < 25; i++) {
		many[i] = *base;
		g_snprintf(slugs[i], sizeof slugs[i], "v%02d", i + 1);
		many[i].doc.slug = slugs[i];
		many[i].datum = day("2026-10-01") + i;
		ptrs[i] = &many[i];
	}
	struct story **saved = s->stories;
	size_t saved_n = s->n_stories;
	s->stories = ptrs;
	s->n_stories = 25;
	char *feed = feed_atom(s);
	s->stories = saved;
	s->n_stories = saved_n;

	assert_int_equal(count(feed, "<entry>"), 20);
	assert_true(strstr(feed, "journaal/2026-47/</id>") <
	            strstr(feed, "verhalen/v25/</id>"));
	assert_non_null(strstr(feed, "verhalen/v07/</id>"));
	assert_null(strstr(feed, "verhalen/v06/</id>"));
	g_free(feed);
}

static void same_site_same_bytes(void **state)
{
	char *one = feed_atom(site_of(state));
	char *two = feed_atom(site_of(state));
	assert_string_equal(one, two);
	g_free(one);
	g_free(two);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(head_of_the_feed, setup, teardown),
	    cmocka_unit_test_setup_teardown(entries_newest_first, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(entry_of_a_story, setup, teardown),
	    cmocka_unit_test_setup_teardown(entry_of_an_edition, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(anonymous_author_is_never_named,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(drafts_and_embargo_stay_out, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        drafts_flag_adds_the_draft_but_not_the_name, setup_drafts,
	        teardown),
	    cmocka_unit_test_setup_teardown(text_is_escaped_for_xml, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(summer_dates_carry_summer_offset,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(nothing_published_updated_is_today,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(at_most_twenty_entries, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(same_site_same_bytes, setup,
	                                    teardown),
	};
	return cmocka_run_group_tests_name("feed", tests, NULL, NULL);
}
