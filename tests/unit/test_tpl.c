/* test_tpl.c: the ctemplate wrapper: escaping, raw Markdown, sections,
 * includes, and broken layouts reported by file before anything else. */
#include "testutil.h"

#include <glib.h>
#include <string.h>

#include "render_tpl.h"

#define DIR "tests/out/tpl"

static void write_layout(const char *dir, const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);
	assert_int_equal(g_mkdir_with_parents(dir, 0755), 0);
	assert_true(g_file_set_contents(path, text, -1, NULL));
	g_free(path);
}

static const char hostile[] = "<script>alert(\"x\")</script> & 'q'";

static void values_are_escaped_for_their_context(void **state)
{
	(void)state;
	const char *dir = DIR "/good";
	assert_int_equal(system("rm -rf " DIR "/good"), 0);
	write_layout(dir, "page.tpl",
	             "{{%AUTOESCAPE context=\"HTML\"}}"
	             "<h1 title=\"{{T}}\">{{T}}</h1><a href=\"{{U}}\">x</a>"
	             "{{BODY:none}}{{#ITEM}}[{{N}}|{{T}}]{{/ITEM}}"
	             "{{>PART}}");
	write_layout(dir, "part.tpl",
	             "{{! a partial }}{{%AUTOESCAPE context=\"HTML\"}}"
	             "<p>{{T}}/{{OWN}}</p>");
	struct diags *d = diags_new();
	struct tpl_set *t = tpl_load(dir, "layouts", d);
	assert_non_null(t);
	assert_true(tpl_has(t, "part.tpl"));
	assert_false(tpl_has(t, "nope.tpl"));

	struct tpl_dict *dict = tpl_dict_new();
	tpl_set(dict, "T", hostile);
	tpl_set(dict, "U", "javascript:alert(1)");
	tpl_set(dict, "BODY", "<p>veilig <em>gemaakt</em></p>");
	tpl_set_int(tpl_add_section(dict, "ITEM"), "N", 1);
	tpl_set_int(tpl_add_section(dict, "ITEM"), "N", 2);
	tpl_set(tpl_add_include(dict, "PART", "part.tpl"), "OWN", "eigen");
	GString *out = g_string_new(NULL);
	assert_true(tpl_expand(t, "page.tpl", dict, out));

	/* Text and attribute: nothing of the hostile title survives raw. */
	assert_null(strstr(out->str, "<script>"));
	assert_non_null(strstr(out->str, "&lt;script&gt;"));
	assert_non_null(strstr(out->str, "&amp; &#39;q&#39;"));
	assert_non_null(
	    strstr(out->str, "title=\"&lt;script&gt;alert(&quot;x"));
	/* A javascript: URL is neutralised in href. */
	assert_null(strstr(out->str, "javascript:"));
	/* Rendered Markdown goes in as it is. */
	assert_non_null(strstr(out->str, "<p>veilig <em>gemaakt</em></p>"));
	/* Sections repeat and see the parent's values. */
	assert_non_null(strstr(out->str, "[1|&lt;script&gt;"));
	assert_non_null(strstr(out->str, "[2|&lt;script&gt;"));
	/* The include sees only its own values. */
	assert_non_null(strstr(out->str, "<p>/eigen</p>"));

	g_string_free(out, TRUE);
	tpl_dict_free(dict);
	tpl_free(t);
	assert_int_equal(diags_errors(d), 0);
	diags_free(d);
}

static void broken_layouts_are_reported_by_file(void **state)
{
	(void)state;
	const char *dir = DIR "/bad";
	assert_int_equal(system("rm -rf " DIR "/bad"), 0);
	write_layout(dir, "a-fine.tpl", "{{%AUTOESCAPE context=\"HTML\"}}ok");
	write_layout(dir, "b-no-pragma.tpl", "<p>{{T}}</p>");
	write_layout(dir, "c-unclosed.tpl",
	             "{{%AUTOESCAPE context=\"HTML\"}}{{#LIST}}<li>");
	struct diags *d = diags_new();
	assert_null(tpl_load(dir, "layouts", d));
	assert_int_equal(diags_errors(d), 2);
	char *s = diags_to_string(d);
	assert_non_null(strstr(s, "layouts/b-no-pragma.tpl:1:1: fout: elke "
	                          "layout begint met een AUTOESCAPE-pragma"));
	assert_non_null(strstr(s, "layouts/c-unclosed.tpl: fout: layout is "
	                          "ongeldig (ctemplate: "));
	assert_null(strstr(s, "a-fine"));
	g_free(s);
	diags_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(values_are_escaped_for_their_context),
	    cmocka_unit_test(broken_layouts_are_reported_by_file),
	};
	return cmocka_run_group_tests_name("tpl", tests, NULL, NULL);
}
