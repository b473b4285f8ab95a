/* test_text.c: slugs, suggestions, UTF-8 positions, path resolution,
 * escaping. */
#include "testutil.h"

#include <glib.h>
#include <string.h>

#include "load_tree.h"
#include "text.h"

static void slugs(void **state)
{
	(void)state;
	assert_true(text_is_slug("koffie-ochtend"));
	assert_true(text_is_slug("2026-48"));
	assert_false(text_is_slug(""));
	assert_false(text_is_slug("Koffie"));
	assert_false(text_is_slug("-koffie"));
	assert_false(text_is_slug("koffie-"));
	assert_false(text_is_slug("koffie--ochtend"));
	assert_false(text_is_slug("koffie_ochtend"));
	assert_false(text_is_slug("café"));
}

static void slugify_suggests_the_intended_name(void **state)
{
	(void)state;
	const char *cases[][2] = {
	    {"Koffie Ochtend", "koffie-ochtend"},
	    {"Café_Samen", "cafe-samen"},
	    {"  --Één  keer!! 2026 ", "een-keer-2026"},
	    {"!!!", ""},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *s = text_slugify(cases[i][0]);
		assert_string_equal(s, cases[i][1]);
		g_free(s);
	}
}

static void nearest_finds_plausible_typos_only(void **state)
{
	(void)state;
	const char *fields[] = {"titel", "datum", "kern", "toestemming"};
	assert_string_equal(text_nearest("datun", fields, 4), "datum");
	assert_string_equal(text_nearest("titl", fields, 4), "titel");
	assert_string_equal(text_nearest("Titel", fields, 4), "titel");
	assert_string_equal(text_nearest("tiltel", fields, 4), "titel");
	assert_string_equal(text_nearest("toestemmnig", fields, 4),
	                    "toestemming");
	assert_null(text_nearest("kleur", fields, 4));
	assert_null(text_nearest("x", fields, 0));
	const char *folders[] = {"verhalen", "activiteiten"};
	assert_string_equal(text_nearest("verhaal", folders, 2), "verhalen");
	assert_null(text_nearest("nieuws", folders, 2));
}

static void utf8_positions_count_characters(void **state)
{
	(void)state;
	const char *t = "ééé\nab\xE9z";
	size_t bad = 0;
	assert_false(text_utf8_valid(t, strlen(t), &bad));
	assert_int_equal(bad, 9); /* 3 x 2 bytes, newline, 'a', 'b' */
	int line, col;
	text_line_col(t, bad, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 3);
	text_line_col(t, 4, &line, &col); /* the third é */
	assert_int_equal(line, 1);
	assert_int_equal(col, 3);
	assert_true(text_utf8_valid("ok é", 5, NULL));
	assert_false(text_utf8_valid("a\0b", 3, &bad));
	assert_int_equal(bad, 1);
}

static void references_resolve_inside_the_source(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(
	    load_resolve(a, "content/verhalen", "../activiteiten/x.md"),
	    "content/activiteiten/x.md");
	assert_string_equal(load_resolve(a, "content/a", "./b/../c.md"),
	                    "content/a/c.md");
	assert_string_equal(load_resolve(a, "content", "foto.jpg"),
	                    "content/foto.jpg");
	assert_null(load_resolve(a, "content", "../../etc/passwd"));
	/* Two levels up from content/a/b, then down again. */
	assert_string_equal(load_resolve(a, "content/a/b", "../../x.md"),
	                    "content/x.md");
	assert_string_equal(load_resolve(a, "content", "../site.yaml"),
	                    "site.yaml");
	assert_string_equal(load_resolve(a, "content//a/", "b//c.md"),
	                    "content/a/b/c.md");
	assert_null(load_resolve(a, "content", ".."));
	assert_null(load_resolve(a, "content", "/over-ons/"));
	assert_null(load_resolve(a, "content", "https://example.org/a.md"));
	assert_null(load_resolve(a, "content", "mailto:a@b.nl"));
	arena_free(a);
}

static void escape_is(const char *in, const char *want)
{
	GString *out = g_string_new("pre:");
	text_append_escaped(out, in);
	assert_string_equal(out->str + 4, want);
	g_string_free(out, TRUE);
}

static void escaping_keeps_text_and_drops_what_xml_forbids(void **state)
{
	(void)state;
	escape_is("", "");
	escape_is("gewoon", "gewoon");
	escape_is("&", "&amp;");
	escape_is(
	    "Jan & <Piet> zegt \"ja\" en 'nee'",
	    "Jan &amp; &lt;Piet&gt; zegt &quot;ja&quot; en &apos;nee&apos;");
	escape_is("<<>>", "&lt;&lt;&gt;&gt;");
	/* Tab and line feed stay; other C0 controls (CR too) go. */
	escape_is("a\tb\nc\rd\x01"
	          "e\x1f",
	          "a\tb\ncde");
	/* U+FFFE and U+FFFF go, wherever they stand ... */
	escape_is("\xEF\xBF\xBE"
	          "a\xEF\xBF\xBF",
	          "a");
	escape_is("x\xEF\xBF\xBE", "x");
	/* ... but U+FFFD, U+F000 and U+FEFF, which share their first
	 * byte, stay, as does any other character. */
	escape_is("\xEF\xBF\xBD\xEF\x80\x80\xEF\xBB\xBF",
	          "\xEF\xBF\xBD\xEF\x80\x80\xEF\xBB\xBF");
	escape_is("caf\xC3\xA9 \xE2\x82\xAC 5", "caf\xC3\xA9 \xE2\x82\xAC 5");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(slugs),
	    cmocka_unit_test(slugify_suggests_the_intended_name),
	    cmocka_unit_test(nearest_finds_plausible_typos_only),
	    cmocka_unit_test(utf8_positions_count_characters),
	    cmocka_unit_test(references_resolve_inside_the_source),
	    cmocka_unit_test(escaping_keeps_text_and_drops_what_xml_forbids),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
