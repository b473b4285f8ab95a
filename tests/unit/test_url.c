/* test_url.c: relative links between pages, and URL segments. */
#include "testutil.h"

#include "render_url.h"

static void relative_links_climb_only_what_differs(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *cases[][3] = {
	    {"verhalen/anna/", "activiteiten/x/", "../../activiteiten/x/"},
	    {"verhalen/anna/", "", "../../"},
	    {"", "", "./"},
	    {"", "verhalen/", "verhalen/"},
	    {"verhalen/anna/", "verhalen/bert/", "../bert/"},
	    {"verhalen/", "verhalen/anna/", "anna/"},
	    {"verhalen/anna/", "verhalen/", "../"},
	    {"verhalen/anna/", "assets/zamen.css", "../../assets/zamen.css"},
	    {"verhalen/anna/", "verhalen/anna/foto.jpg", "foto.jpg"},
	    {"activiteiten/week/2026-48/", "activiteiten/x/", "../../x/"},
	    {"over-ons/", "over-ons-2/", "../over-ons-2/"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_string_equal(url_relative(a, cases[i][0], cases[i][1]),
		                    cases[i][2]);
	arena_free(a);
}

static void segments_are_slugs(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(url_segment(a, "18+"), "18-plus");
	assert_string_equal(url_segment(a, "75+"), "75-plus");
	assert_string_equal(url_segment(a, "luisterend-oor"), "luisterend-oor");
	assert_string_equal(url_facet(a, "verhalen", "doelgroep", "45+"),
	                    "verhalen/doelgroep/45-plus/");
	assert_string_equal(url_calendar(a, NULL), "kalender/activiteiten.ics");
	assert_string_equal(url_calendar(a, "swifterbant"),
	                    "kalender/swifterbant.ics");
	date_t d;
	assert_true(date_parse("2027-01-01", &d, NULL)); /* ISO week 2026-53 */
	assert_string_equal(url_week(a, d), "activiteiten/week/2026-53/");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(relative_links_climb_only_what_differs),
	    cmocka_unit_test(segments_are_slugs),
	};
	return cmocka_run_group_tests_name("url", tests, NULL, NULL);
}
