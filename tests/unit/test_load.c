/*
 * test_load.c: a tree large enough to be read by several threads must load
 * exactly as a small one does: every document, sorted by path, each body
 * parsed, every problem reported once at its place. Folders and files
 * reached through symbolic links count as what they point to.
 */
#include "testutil.h"

#include <glib.h>
#include <string.h>
#include <unistd.h>

#include "load_tree.h"

#define DIR "tests/out/load"
#define STORIES 700

/* Writes text to rel inside the folder dir, making its folders. */
static void put(const char *dir, const char *rel, const char *text)
{
	char *path = g_build_filename(dir, rel, NULL);
	char *parent = g_path_get_dirname(path);
	assert_int_equal(g_mkdir_with_parents(parent, 0755), 0);
	assert_true(g_file_set_contents(path, text, -1, NULL));
	g_free(parent);
	g_free(path);
}

static int make_tree(void **state)
{
	(void)state;
	assert_int_equal(system("rm -rf " DIR), 0);
	put(DIR, "site.yaml", "titel: X\n");
	for (int i = 0; i < STORIES; i++) {
		char rel[64], text[256];
		snprintf(rel, sizeof rel, "content/verhalen/verhaal-%03d.md",
		         i);
		/* Every hundredth file has an unclosed quote on line 2. */
		snprintf(text, sizeof text,
		         "---\ntitel: %sVerhaal %d\n---\n\nTekst *%d*.\n",
		         i % 100 == 0 ? "\"" : "", i, i);
		put(DIR, rel, text);
	}
	return 0;
}

static void large_tree_loads_completely_and_in_order(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct diags *d = diags_new();
	struct load_tree *t = load_tree(DIR, a, d);
	assert_non_null(t);
	assert_non_null(t->site);
	assert_int_equal(t->n_docs, STORIES);
	for (size_t i = 0; i < t->n_docs; i++) {
		char want[64];
		snprintf(want, sizeof want, "content/verhalen/verhaal-%03zu.md",
		         i);
		assert_string_equal(t->docs[i]->path, want);
		assert_non_null(t->docs[i]->md);
		if (i % 100 == 0) {
			assert_null(t->docs[i]->fm);
			continue;
		}
		assert_non_null(t->docs[i]->fm);
		/* The body's emphasis holds the file's own number. */
		cmark_node *em = cmark_node_first_child(
		    cmark_node_first_child(t->docs[i]->md));
		em = cmark_node_next(em);
		assert_int_equal(cmark_node_get_type(em), CMARK_NODE_EMPH);
		char num[24];
		snprintf(num, sizeof num, "%zu", i);
		assert_string_equal(
		    cmark_node_get_literal(cmark_node_first_child(em)), num);
	}
	assert_int_equal(diags_errors(d), STORIES / 100);
	char *out = diags_to_string(d);
	const char *p = out;
	for (int i = 0; i < STORIES; i += 100) {
		char want[80];
		snprintf(want, sizeof want,
		         "content/verhalen/verhaal-%03d.md:2:8: fout: dit "
		         "aanhalingsteken",
		         i);
		p = strstr(p, want);
		assert_non_null(p); /* present, and after the previous one */
	}
	g_free(out);
	diags_free(d);
	arena_free(a);
}

#define LINKS "tests/out/load-links"

static void link_to(const char *target, const char *rel)
{
	char *path = g_build_filename(LINKS, rel, NULL);
	assert_int_equal(symlink(target, path), 0);
	g_free(path);
}

static void linked_folders_and_files_are_read(void **state)
{
	(void)state;
	assert_int_equal(system("rm -rf " LINKS), 0);
	static const char story[] = "---\ntitel: X\n---\nTekst.\n";
	put(LINKS, "site.yaml", "titel: X\n");
	put(LINKS, "content/verhalen/a.md", story);
	put(LINKS, "elders/b/index.md", story);
	put(LINKS, "elders/c.md", story);
	put(LINKS, "elders/partners/p.md", "---\nnaam: P\n---\n");
	link_to("../../elders/b", "content/verhalen/b"); /* a story folder */
	link_to("../../elders/c.md", "content/verhalen/c.md");    /* a file */
	link_to("../elders/partners", "content/partners");        /* a kind */
	link_to("../../elders/nergens", "content/verhalen/d.md"); /* broken */

	struct arena *a = arena_new();
	struct diags *d = diags_new();
	struct load_tree *t = load_tree(LINKS, a, d);
	assert_non_null(t);
	static const char *const want[] = {
	    "content/partners/p.md",       "content/verhalen/a.md",
	    "content/verhalen/b/index.md", "content/verhalen/c.md",
	    "content/verhalen/d.md",
	};
	assert_int_equal(t->n_docs, G_N_ELEMENTS(want));
	for (size_t i = 0; i < t->n_docs; i++)
		assert_string_equal(t->docs[i]->path, want[i]);
	assert_non_null(t->docs[3]->fm);
	/* The broken link is a story that cannot be read, said once. */
	assert_null(t->docs[4]->text);
	assert_int_equal(diags_errors(d), 1);
	diags_free(d);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(large_tree_loads_completely_and_in_order),
	    cmocka_unit_test(linked_folders_and_files_are_read),
	};
	return cmocka_run_group_tests_name("load", tests, make_tree, NULL);
}
