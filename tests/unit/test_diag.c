/* test_diag.c: the problems collector's text form for the PDF cache. */
#include "testutil.h"

#include <glib.h>
#include <string.h>

#include "diag.h"

static void dump_and_load_give_the_same_problems(void **state)
{
	(void)state;
	struct diags *d = diags_new();
	diag_warning(d,
	             ((struct diag_pos){"content/journaal/2026-48.md", 2, 1}),
	             "'Deze week' heeft geen plaats voor %d activiteiten", 3);
	/* A tab, a newline and a backslash in a message or a file name
	 * must not break the text apart. */
	diag_warning(d, ((struct diag_pos){"content/verhalen/a\tb.md", 0, 0}),
	             "twee\tregels\nmet \\ erin: ‘één’");
	diag_error(d, ((struct diag_pos){"site.yaml", 40, 13}), "fout");
	char *text = diags_dump(d);
	struct diags *back = diags_new();
	assert_true(diags_load(back, text));
	assert_int_equal(diags_errors(back), 1);
	assert_int_equal(diags_warnings(back), 2);
	char *want = diags_to_string(d), *got = diags_to_string(back);
	assert_string_equal(got, want);
	/* One problem a line, five fields: the format the cache keeps. */
	assert_non_null(strstr(text, "W\t2\t1\tcontent/journaal/2026-48.md\t"
	                             "'Deze week' heeft geen plaats voor 3 "
	                             "activiteiten\n"));
	g_free(want);
	g_free(got);
	g_free(text);
	diags_free(back);
	diags_free(d);
}

static void load_refuses_what_is_no_dump(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "geen meldingen\n",
	    "W\t2\t1\tbestand\n",            /* a field short */
	    "X\t2\t1\tbestand\tboodschap\n", /* no level */
	    "W\ttwee\t1\tbestand\tboodschap\n",
	    "W\t2\t\tbestand\tboodschap\n",
	    "W\t2\t1\tf\tgoed\nW\t2\tx\tf\tslecht\n", /* one bad line */
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		struct diags *d = diags_new();
		diag_warning(d, ((struct diag_pos){"a.md", 1, 1}), "al");
		assert_false(diags_load(d, bad[i]));
		/* Nothing of a refused text is added. */
		assert_int_equal(diags_warnings(d), 1);
		assert_int_equal(diags_errors(d), 0);
		diags_free(d);
	}
	struct diags *d = diags_new();
	assert_true(diags_load(d, ""));
	assert_int_equal(diags_warnings(d) + diags_errors(d), 0);
	diags_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(dump_and_load_give_the_same_problems),
	    cmocka_unit_test(load_refuses_what_is_no_dump),
	};
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
