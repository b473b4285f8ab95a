/*
 * test_fm.c: front matter split and YAML tree, with positions counted by
 * hand from the literal texts below.
 */
#include "testutil.h"

#include <glib.h>
#include <string.h>

#include "load_fm.h"

static void split_finds_yaml_and_body(void **state)
{
	(void)state;
	const char *t = "---\ntitel: A\n---\nTekst\n";
	struct fm_split s;
	struct diags *d = diags_new();
	assert_true(fm_split(t, strlen(t), "x.md", &s, d));
	assert_int_equal(s.yaml_off, 4);
	assert_int_equal(s.yaml_len, strlen("titel: A\n"));
	assert_int_equal(s.yaml_line, 2);
	assert_string_equal(t + s.body_off, "Tekst\n");
	assert_int_equal(s.body_line, 4);
	assert_int_equal(diags_errors(d), 0);
	diags_free(d);
}

static void split_accepts_bom_crlf_and_dots(void **state)
{
	(void)state;
	const char *t = "\xEF\xBB\xBF---\r\na: 1\r\nb: 2\r\n...\r\nX";
	struct fm_split s;
	struct diags *d = diags_new();
	assert_true(fm_split(t, strlen(t), "x.md", &s, d));
	assert_int_equal(s.yaml_off, 3 + 5);
	assert_int_equal(s.body_line, 5);
	assert_string_equal(t + s.body_off, "X");
	diags_free(d);
}

static void split_reports_missing_parts(void **state)
{
	(void)state;
	struct fm_split s;
	struct diags *d = diags_new();
	assert_false(fm_split("# Titel\n", 8, "a.md", &s, d));
	assert_false(fm_split("---\ntitel: A\n", 13, "b.md", &s, d));
	assert_false(fm_split("", 0, "c.md", &s, d));
	/* "----" is no delimiter line. */
	assert_false(fm_split("----\n", 5, "d.md", &s, d));
	assert_int_equal(diags_errors(d), 4);
	char *out = diags_to_string(d);
	assert_non_null(strstr(out, "b.md:1:1: fout: de kopgegevens worden "
	                            "niet afgesloten"));
	g_free(out);
	diags_free(d);
}

static const struct fm_node *parse(struct arena *a, struct diags *d,
                                   const char *yaml, int first_line)
{
	return fm_parse(a, yaml, strlen(yaml), first_line, "x.md", d);
}

static void parse_keeps_positions_and_style(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags *d = diags_new();
	const char *y = "titel: \"Koffie\"\n"
	                "menu: 3\n"
	                "leeg:\n"
	                "niets: ~\n"
	                "herhaling:\n"
	                "  elke: week\n"
	                "  behalve:\n"
	                "    - 2026-12-24\n";
	const struct fm_node *m = parse(a, d, y, 2);
	assert_non_null(m);
	assert_int_equal(diags_errors(d), 0);
	assert_int_equal(m->type, FM_MAP);
	assert_int_equal(m->n, 5);

	const struct fm_node *titel = fm_get(m, "titel");
	assert_string_equal(titel->value, "Koffie");
	assert_false(titel->plain);
	assert_int_equal(titel->line, 2); /* first YAML line is file line 2 */
	assert_int_equal(titel->col, 8);
	assert_true(fm_get(m, "menu")->plain);
	assert_string_equal(fm_get(m, "leeg")->value, "");
	assert_string_equal(fm_get(m, "niets")->value, "");

	const struct fm_node *h = fm_get(m, "herhaling");
	assert_int_equal(h->type, FM_MAP);
	const struct fm_node *b = fm_get(h, "behalve");
	assert_int_equal(b->type, FM_SEQ);
	assert_int_equal(b->n, 1);
	assert_int_equal(b->items[0]->line, 9);
	assert_int_equal(b->items[0]->col, 7);
	assert_int_equal(fm_key(h, "elke")->line, 7);
	assert_int_equal(fm_key(h, "elke")->col, 3);
	assert_null(fm_get(h, "dag"));
	assert_null(fm_get(NULL, "dag"));
	diags_free(d);
	arena_free(a);
}

static void parse_empty_is_an_empty_map(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags *d = diags_new();
	const struct fm_node *m = parse(a, d, "", 2);
	assert_non_null(m);
	assert_int_equal(m->type, FM_MAP);
	assert_int_equal(m->n, 0);
	m = parse(a, d, "# alleen commentaar\n", 2);
	assert_non_null(m);
	assert_int_equal(m->n, 0);
	diags_free(d);
	arena_free(a);
}

static void parse_refuses_what_is_not_a_map(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags *d = diags_new();
	assert_null(parse(a, d, "- a\n- b\n", 2));
	assert_null(parse(a, d, "a: 1\n---\nb: 2\n", 2));
	assert_null(parse(a, d, "a: &x 1\nb: *x\n", 2));
	char *out = diags_to_string(d);
	assert_non_null(strstr(out, "x.md:2:1: fout: de kopgegevens moeten "
	                            "bestaan uit regels 'veld: waarde'"));
	assert_non_null(strstr(out, "x.md:3:1: fout: na de kopgegevens volgt "
	                            "nog een YAML-document"));
	assert_non_null(strstr(out, "x.md:2:4: fout: een waarde die begint "
	                            "met '&'"));
	assert_non_null(strstr(out, "x.md:3:4: fout: een waarde die begint "
	                            "met '*'"));
	g_free(out);
	diags_free(d);
	arena_free(a);
}

static void parse_reports_duplicate_keys_and_goes_on(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags *d = diags_new();
	const struct fm_node *m =
	    parse(a, d, "a: 1\nsub:\n  b: 2\n  b: 3\na: 4\n", 2);
	assert_non_null(m);
	assert_string_equal(fm_get(m, "a")->value, "1");
	assert_int_equal(diags_errors(d), 2);
	char *out = diags_to_string(d);
	assert_non_null(strstr(out, "x.md:5:3: fout: veld 'b' staat twee keer "
	                            "in de kopgegevens (ook op regel 4)"));
	assert_non_null(strstr(out, "x.md:6:1: fout: veld 'a' staat twee keer "
	                            "in de kopgegevens (ook op regel 2)"));
	g_free(out);
	diags_free(d);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(split_finds_yaml_and_body),
	    cmocka_unit_test(split_accepts_bom_crlf_and_dots),
	    cmocka_unit_test(split_reports_missing_parts),
	    cmocka_unit_test(parse_keeps_positions_and_style),
	    cmocka_unit_test(parse_empty_is_an_empty_map),
	    cmocka_unit_test(parse_refuses_what_is_not_a_map),
	    cmocka_unit_test(parse_reports_duplicate_keys_and_goes_on),
	};
	return cmocka_run_group_tests_name("fm", tests, NULL, NULL);
}
