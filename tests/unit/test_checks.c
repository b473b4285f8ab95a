/*
 * test_checks.c: every check of the content contract, one case file each.
 *
 * A case file in tests/checks/ holds a whole small source tree and what
 * `zamen check` must say about it:
 *
 *     === content/verhalen/x.md
 *     ---
 *     titel: ...
 *     ---
 *     === expected
 *     content/verhalen/x.md:2:1: fout: ...
 *     1 fout.
 *
 * A line "=== PATH" starts a file of the tree (a PATH ending in '/' makes an
 * empty folder). "=== expected" is the exact report; "=== today" may set the
 * date (default 2026-11-22, a Sunday). A file whose whole text is the line
 * "@afbeelding" is written as a small real image (a 4 x 3 PNG, whatever
 * its name), for cases about where an image may be, not what is in it.
 * Without its own site.yaml a case gets
 * tests/checks/site.yaml. The tree is written to tests/out/checks/NAME/ so a
 * failing case can be looked at and run by hand with ./zamen check.
 *
 * The expected reports were written by hand from the content model, not
 * copied from the program's output.
 */
#include "testutil.h"

#include <glib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "load_tree.h"

#define CASES "tests/checks"
#define OUT "tests/out/checks"

struct kase {
	char *name;
	char *expected;
	char *today;
	char *dir;
};

/* A 4 x 3 orange PNG, made by hand with zlib. */
static const unsigned char tiny_png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00,
    0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00,
    0x00, 0x03, 0x08, 0x02, 0x00, 0x00, 0x00, 0x3b, 0x96, 0x39, 0x91,
    0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63,
    0x38, 0x51, 0xa1, 0x01, 0x47, 0x0c, 0x38, 0x39, 0x00, 0x50, 0xc6,
    0x10, 0xe1, 0x42, 0x39, 0x00, 0xf0, 0x00, 0x00, 0x00, 0x00, 0x49,
    0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static void write_file(const char *dir, const char *rel, const char *data,
                       size_t len)
{
	if (len == sizeof "@afbeelding" &&
	    !memcmp(data, "@afbeelding\n", len)) {
		data = (const char *)tiny_png;
		len = sizeof tiny_png;
	}
	char *path = g_build_filename(dir, rel, NULL);
	size_t n = strlen(rel);
	if (n && rel[n - 1] == '/') {
		assert_int_equal(g_mkdir_with_parents(path, 0755), 0);
	} else {
		char *parent = g_path_get_dirname(path);
		assert_int_equal(g_mkdir_with_parents(parent, 0755), 0);
		g_free(parent);
		assert_true(g_file_set_contents(path, data, (gssize)len, NULL));
	}
	g_free(path);
}

/* Splits the case text into its files and writes the tree. */
static void materialise(struct kase *k, const char *text, size_t len)
{
	k->dir = g_build_filename(OUT, k->name, NULL);
	char *rm = g_strdup_printf("rm -rf '%s'", k->dir);
	assert_int_equal(system(rm), 0);
	g_free(rm);
	assert_int_equal(g_mkdir_with_parents(k->dir, 0755), 0);

	bool has_site = false;
	const char *p = text, *end = text + len;
	char *name = NULL;
	const char *start = NULL;
	for (;;) {
		bool at_marker =
		    p == end || (end - p >= 4 && !memcmp(p, "=== ", 4) &&
		                 (p == text || p[-1] == '\n'));
		if (at_marker && name) {
			size_t n = (size_t)(p - start);
			if (!strcmp(name, "expected"))
				k->expected = g_strndup(start, n);
			else if (!strcmp(name, "today"))
				k->today = g_strstrip(g_strndup(start, n));
			else {
				write_file(k->dir, name, start, n);
				has_site |= !strcmp(name, "site.yaml");
			}
			g_free(name);
			name = NULL;
		}
		if (p == end)
			break;
		if (at_marker) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			assert_non_null(nl);
			name = g_strndup(p + 4, (size_t)(nl - p - 4));
			g_strstrip(name);
			start = p = nl + 1;
			continue;
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	if (!has_site) {
		gchar *site;
		gsize n;
		assert_true(
		    g_file_get_contents(CASES "/site.yaml", &site, &n, NULL));
		write_file(k->dir, "site.yaml", site, n);
		g_free(site);
	}
	assert_non_null(k->expected);
}

static void run_case(void **state)
{
	struct kase *k = *state;
	date_t today;
	assert_true(
	    date_parse(k->today ? k->today : "2026-11-22", &today, NULL));
	struct arena *a = arena_new();
	struct diags *d = diags_new();
	struct load_tree *t = load_tree(k->dir, a, d);
	struct check_opts o = {.today = today};
	struct site *s = check_site(t, &o, d);
	char *got = diags_to_string(d);
	if (strcmp(got, k->expected)) {
		/* cmocka cuts long messages; the whole report goes to stderr
		 * and beside the tree, for `diff -u`. */
		char *path = g_strdup_printf("%s.got", k->dir);
		g_file_set_contents(path, got, -1, NULL);
		fprintf(stderr, "case %s\n--- expected\n%s--- got (%s)\n%s",
		        k->name, k->expected, path, got);
		g_free(path);
		fail_msg("case %s: the report differs", k->name);
	}
	g_free(got);
	site_free(s);
	diags_free(d);
	arena_free(a);
}

static gint cmp_names(gconstpointer a, gconstpointer b)
{
	/* g_ptr_array_sort passes pointers to the elements. */
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	GDir *dir = g_dir_open(CASES, 0, NULL);
	assert_non_null(dir);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *e;
	while ((e = g_dir_read_name(dir)))
		if (g_str_has_suffix(e, ".case"))
			g_ptr_array_add(names, g_strdup(e));
	g_dir_close(dir);
	g_ptr_array_sort(names, cmp_names);

	struct CMUnitTest *tests = g_new0(struct CMUnitTest, names->len);
	struct kase *cases = g_new0(struct kase, names->len);
	for (guint i = 0; i < names->len; i++) {
		const char *file = names->pdata[i];
		char *path = g_build_filename(CASES, file, NULL);
		gchar *text;
		gsize len;
		if (!g_file_get_contents(path, &text, &len, NULL))
			return 1;
		cases[i].name = g_strndup(file, strlen(file) - 5);
		materialise(&cases[i], text, len);
		g_free(text);
		g_free(path);
		tests[i].name = cases[i].name;
		tests[i].test_func = run_case;
		tests[i].initial_state = &cases[i];
	}
	int failed =
	    _cmocka_run_group_tests("checks", tests, names->len, NULL, NULL);
	for (guint i = 0; i < names->len; i++) {
		g_free(cases[i].name);
		g_free(cases[i].expected);
		g_free(cases[i].today);
		g_free(cases[i].dir);
	}
	g_free(cases);
	g_free(tests);
	g_ptr_array_free(names, TRUE);
	return failed;
}
