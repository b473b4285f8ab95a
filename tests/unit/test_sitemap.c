/*
 * test_sitemap.c: sitemap.xml and robots.txt for the site of
 * tests/sites/model (basis_url https://www.zameneen.nl/). The expected
 * documents were written by hand from the sitemaps.org protocol.
 */
#include "testutil.h"

#include <glib.h>
#include <string.h>

#include "check.h"
#include "load_tree.h"
#include "model.h"
#include "render_sitemap.h"

#include "testsite.h"

static void sorted_unique_absolute(void **state)
{
	const char *paths[] = {"verhalen/", "", "verhalen/anoniem/",
	                       "verhalen/", "activiteiten/week/2026-48/"};
	char *xml = sitemap_xml(site_of(state), paths, 5);
	assert_string_equal(
	    xml,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
	    "  <url><loc>https://www.zameneen.nl/</loc></url>\n"
	    "  <url><loc>https://www.zameneen.nl/activiteiten/week/2026-48/"
	    "</loc></url>\n"
	    "  <url><loc>https://www.zameneen.nl/verhalen/</loc></url>\n"
	    "  "
	    "<url><loc>https://www.zameneen.nl/verhalen/anoniem/</loc></url>\n"
	    "</urlset>\n");
	/* The caller's array is left as it was. */
	assert_string_equal(paths[0], "verhalen/");
	assert_string_equal(paths[1], "");
	g_free(xml);
}

static void urls_are_encoded_and_escaped(void **state)
{
	const char *paths[] = {"zoek/?a=1&b='2'", "café dag/", "<x>\"y\"/"};
	char *xml = sitemap_xml(site_of(state), paths, 3);
	/* Sorted by bytes: '<' (0x3C) < 'c' < 'z'. */
	const char *want =
	    "  <url><loc>https://www.zameneen.nl/%3Cx%3E%22y%22/</loc></url>\n"
	    "  <url><loc>https://www.zameneen.nl/caf%C3%A9%20dag/</loc></url>\n"
	    "  <url><loc>https://www.zameneen.nl/zoek/?a=1&amp;b=&apos;2&apos;"
	    "</loc></url>\n";
	if (!strstr(xml, want))
		fail_msg("got:\n%s", xml);
	g_free(xml);
}

static void basis_url_with_a_folder(void **state)
{
	struct site *s = site_of(state);
	s->config.basis_url = "https://example.org/zamen/";
	const char *paths[] = {"", "partners/kerk/"};
	char *xml = sitemap_xml(s, paths, 2);
	assert_non_null(
	    strstr(xml, "  <url><loc>https://example.org/zamen/</loc></url>\n"
	                "  <url><loc>https://example.org/zamen/partners/kerk/"
	                "</loc></url>\n</urlset>\n"));
	g_free(xml);
	char *robots = sitemap_robots(s);
	assert_string_equal(robots, "User-agent: *\n"
	                            "Disallow:\n"
	                            "\n"
	                            "Sitemap: https://example.org/zamen/"
	                            "sitemap.xml\n");
	g_free(robots);
}

static void robots_points_at_the_sitemap(void **state)
{
	char *robots = sitemap_robots(site_of(state));
	assert_string_equal(robots,
	                    "User-agent: *\n"
	                    "Disallow:\n"
	                    "\n"
	                    "Sitemap: https://www.zameneen.nl/sitemap.xml\n");
	g_free(robots);
}

/* check_config() refuses a basis_url with a line break; should one get
 * through, it is encoded and cannot add a line to robots.txt or an
 * element to the sitemap. */
static void a_line_break_in_basis_url_stays_in_its_line(void **state)
{
	struct site *s = site_of(state);
	s->config.basis_url = "https://x.nl/\r\nDisallow: /\n<url>/";
	char *robots = sitemap_robots(s);
	assert_string_equal(robots, "User-agent: *\n"
	                            "Disallow:\n"
	                            "\n"
	                            "Sitemap: https://x.nl/%0D%0ADisallow:%20/"
	                            "%0A%3Curl%3E/sitemap.xml\n");
	g_free(robots);
	const char *paths[] = {"verhalen/"};
	char *xml = sitemap_xml(s, paths, 1);
	assert_non_null(strstr(xml,
	                       "  <url><loc>https://x.nl/%0D%0ADisallow:"
	                       "%20/%0A%3Curl%3E/verhalen/</loc></url>\n"));
	g_free(xml);
}

static void no_paths_no_urls(void **state)
{
	char *xml = sitemap_xml(site_of(state), NULL, 0);
	assert_string_equal(
	    xml,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
	    "</urlset>\n");
	g_free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(sorted_unique_absolute, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(urls_are_encoded_and_escaped, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(basis_url_with_a_folder, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(robots_points_at_the_sitemap, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        a_line_break_in_basis_url_stays_in_its_line, setup, teardown),
	    cmocka_unit_test_setup_teardown(no_paths_no_urls, setup, teardown),
	};
	return cmocka_run_group_tests_name("sitemap", tests, NULL, NULL);
}
