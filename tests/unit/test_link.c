/* model_link.h: the one parser and classification of link targets, and
 * render_md.h showing what it refuses as text. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model_link.h"
#include "render_md.h"
#include "testsite.h"

static struct link_target parsed(struct arena *a, const char *url, bool ok)
{
	struct link_target t;
	assert_int_equal(link_parse(a, url, &t), ok);
	return t;
}

static void parse_splits_scheme_path_query_fragment(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct link_target t = parsed(a, "../verhalen/x.md?a=1#kop", true);
	assert_int_equal(t.form, LINK_FORM_RELATIVE);
	assert_string_equal(t.path, "../verhalen/x.md");
	assert_string_equal(t.query, "a=1");
	assert_string_equal(t.fragment, "kop");
	assert_false(t.trailing_slash);

	t = parsed(a, "x.md#a?b", true); /* '?' after '#' is fragment */
	assert_string_equal(t.path, "x.md");
	assert_null(t.query);
	assert_string_equal(t.fragment, "a?b");

	t = parsed(a, "x.md?", true);
	assert_string_equal(t.query, "");
	assert_null(t.fragment);
	t = parsed(a, "./x.md#", true);
	assert_string_equal(t.fragment, "");
	t = parsed(a, "x.md/", true);
	assert_true(t.trailing_slash);

	t = parsed(a, "HTTPS://example.org/a.md", true);
	assert_int_equal(t.form, LINK_FORM_SCHEME);
	assert_string_equal(t.scheme, "https");
	t = parsed(a, "javascript:alert(1)", true);
	assert_string_equal(t.scheme, "javascript");
	t = parsed(a, "C:foto.jpg", true); /* a drive letter reads as one */
	assert_string_equal(t.scheme, "c");
	assert_int_equal(parsed(a, "//host/x.png", true).form,
	                 LINK_FORM_NETWORK);
	assert_int_equal(parsed(a, "/over-ons/", true).form, LINK_FORM_ROOT);
	assert_int_equal(parsed(a, "#kop", true).form, LINK_FORM_FRAGMENT);
	assert_int_equal(parsed(a, "", true).form, LINK_FORM_EMPTY);
	/* A colon after a slash is no scheme. */
	assert_int_equal(parsed(a, "a/b:c.png", true).form, LINK_FORM_RELATIVE);
	arena_free(a);
}

static void parse_decodes_percent_escapes_once(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(parsed(a, "x%2emd", true).path, "x.md");
	assert_string_equal(parsed(a, "x%2Emd", true).path, "x.md");
	assert_string_equal(parsed(a, "%2e%2e/site.yaml", true).path,
	                    "../site.yaml");
	assert_string_equal(parsed(a, "a%2fb.png", true).path, "a/b.png");
	assert_string_equal(parsed(a, "kaart%20groot.jpg", true).path,
	                    "kaart groot.jpg");
	assert_string_equal(parsed(a, "caf%C3%A9.jpg", true).path, "café.jpg");
	/* Not twice: "%252e" is "%2e", not ".". */
	assert_string_equal(parsed(a, "x%252emd", true).path, "x%2emd");
	/* External links are kept as written. */
	assert_string_equal(parsed(a, "https://x.nl/%zz", true).path,
	                    "https://x.nl/%zz");
	arena_free(a);
}

static void parse_finds_flaws(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_int_equal(parsed(a, "a\\b.png", false).flaw,
	                 LINK_FLAW_BACKSLASH);
	assert_int_equal(parsed(a, "a%5cb.png", false).flaw,
	                 LINK_FLAW_BACKSLASH);
	assert_int_equal(parsed(a, "a%zz.png", false).flaw, LINK_FLAW_ESCAPE);
	assert_int_equal(parsed(a, "a%2", false).flaw, LINK_FLAW_ESCAPE);
	assert_int_equal(parsed(a, "a%", false).flaw, LINK_FLAW_ESCAPE);
	assert_int_equal(parsed(a, "a%00.png", false).flaw, LINK_FLAW_NUL);
	assert_int_equal(parsed(a, "a%0a.png", false).flaw, LINK_FLAW_CONTROL);
	assert_int_equal(parsed(a, "java\tscript:x", false).flaw,
	                 LINK_FLAW_CONTROL);
	assert_int_equal(parsed(a, "a%C3%28.png", false).flaw, LINK_FLAW_UTF8);
	assert_int_equal(parsed(a, "/\\evil.example/x", false).flaw,
	                 LINK_FLAW_BACKSLASH);
	arena_free(a);
}

static struct link classify(const struct site *s, const char *from,
                            const char *url, enum link_use use)
{
	struct link l;
	link_classify(s, site_doc_by_path(s, from), url, use, s->arena, &l);
	return l;
}

static void every_form_of_a_md_target_is_a_doc_or_refused(void **state)
{
	const struct site *s = ((struct fixture *)*state)->s;
	const char *page = "content/over-ons.md";
	const struct doc *embargo = &site_story(s, "embargo")->doc;
	struct link l =
	    classify(s, page, "verhalen/embargo%2emd", LINK_USE_LINK);
	assert_int_equal(l.kind, LINK_DOC);
	assert_ptr_equal(l.doc, embargo);
	l = classify(s, page, "./verhalen/../verhalen/embargo.md#",
	             LINK_USE_LINK);
	assert_ptr_equal(l.doc, embargo);
	static const char *const refused[] = {
	    "verhalen/embargo.md?",   "verhalen/embargo.md/",
	    "verhalen/EMBARGO.MD",    "verhalen/embargo.Md",
	    "verhalen/embargo%2emd?", "verhalen/embargo.md//",
	    "verhalen/embargo.md?#x", "%76erhalen/embargo.md/",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(refused); i++) {
		l = classify(s, page, refused[i], LINK_USE_LINK);
		assert_int_equal(l.kind, LINK_REFUSED);
		assert_int_equal(l.refusal, LINK_REFUSED_DOC_FORM);
	}
	/* Never an attachment, whatever follows the name. */
	static const char *const not_files[] = {
	    "verhalen/embargo.md.", "verhalen/embargo.md%20",
	    "verhalen/embargo.md%23x", "verhalen/embargo.md;x"};
	for (size_t i = 0; i < G_N_ELEMENTS(not_files); i++) {
		l = classify(s, page, not_files[i], LINK_USE_LINK);
		assert_int_equal(l.kind, LINK_REFUSED);
	}
	l = classify(s, page, "verhalen/embargo.md", LINK_USE_IMAGE);
	assert_int_equal(l.refusal, LINK_REFUSED_TYPE);
	l = classify(s, page, "../site.md", LINK_USE_LINK);
	assert_int_equal(l.refusal, LINK_REFUSED_OUTSIDE);
}

static void schemes_and_remote_images(void **state)
{
	const struct site *s = ((struct fixture *)*state)->s;
	const char *page = "content/over-ons.md";
	assert_int_equal(classify(s, page, "HTTPS://x.nl/", LINK_USE_LINK).kind,
	                 LINK_EXTERNAL);
	assert_int_equal(classify(s, page, "mailto:a@b.nl", LINK_USE_LINK).kind,
	                 LINK_EXTERNAL);
	assert_int_equal(
	    classify(s, page, "javascript:x", LINK_USE_LINK).refusal,
	    LINK_REFUSED_SCHEME);
	assert_int_equal(classify(s, page, "//x.nl/", LINK_USE_LINK).refusal,
	                 LINK_REFUSED_NETWORK);
	static const char *const remote[] = {"https://x.nl/p.png",
	                                     "//x.nl/p.png",
	                                     "HTTP://x.nl/p.png",
	                                     "data:image/png;base64,AA",
	                                     "",
	                                     "#kop"};
	for (size_t i = 0; i < G_N_ELEMENTS(remote); i++)
		assert_int_equal(
		    classify(s, page, remote[i], LINK_USE_IMAGE).refusal,
		    LINK_REFUSED_REMOTE);
	assert_int_equal(classify(s, page, "#kop", LINK_USE_LINK).kind,
	                 LINK_ANCHOR);
	assert_int_equal(classify(s, page, "/over-ons/", LINK_USE_LINK).kind,
	                 LINK_ROOT);
}

static void attachments_follow_the_rules(void **state)
{
	const struct site *s = ((struct fixture *)*state)->s;
	const char *page = "content/over-ons.md";
	struct {
		const char *url;
		enum link_refusal why;
	} cases[] = {
	    {".verborgen.png", LINK_REFUSED_HIDDEN},
	    {".git/x.png", LINK_REFUSED_HIDDEN},
	    {"../site.yaml", LINK_REFUSED_OUTSIDE},
	    {"../../x.png", LINK_REFUSED_OUTSIDE},
	    {"x.svg", LINK_REFUSED_TYPE},
	    {"x.html", LINK_REFUSED_TYPE},
	    {"index.html", LINK_REFUSED_GENERATED},
	    {"INDEX.HTML", LINK_REFUSED_GENERATED},
	    {"x.png?v=1", LINK_REFUSED_QUERY},
	    {"verhalen/", LINK_REFUSED_SPECIAL},
	    {"verhalen", LINK_REFUSED_TYPE},
	    {"nergens.png", LINK_REFUSED_MISSING},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct link l = classify(s, page, cases[i].url, LINK_USE_LINK);
		assert_int_equal(l.kind, LINK_REFUSED);
		assert_int_equal(l.refusal, cases[i].why);
		assert_non_null(l.why);
	}
	/* The edition's PDF name is zamen's in the edition's folder only. */
	const struct doc *e = &site_edition(s, "2026-47")->doc;
	const char *pdf = link_edition_pdf_name(s->arena, s, e);
	struct link l;
	link_classify(s, e, pdf, LINK_USE_LINK, s->arena, &l);
	assert_int_equal(l.refusal, LINK_REFUSED_GENERATED);
	l = classify(s, page, pdf, LINK_USE_LINK);
	assert_int_equal(l.refusal, LINK_REFUSED_MISSING);
}

/* Render on its own, as if check had not run: a refused link is text. */
static void render_shows_refused_links_as_text(void **state)
{
	const struct site *s = ((struct fixture *)*state)->s;
	struct doc d = *site_doc_by_path(s, "content/over-ons.md");
	static const char md[] =
	    "[A](verhalen/embargo.md?) [B](verhalen/anoniem.md/) "
	    "[C](javascript:x) [D](../site.yaml) ![E](https://x.nl/p.png) "
	    "[F](verhalen/anoniem%2emd#k) [G](HTTPS://x.nl/)\n";
	d.body = cmark_parse_document(md, sizeof md - 1, CMARK_OPT_DEFAULT);
	struct arena *a = arena_new();
	GString *out = g_string_new(NULL);
	GArray *files = g_array_new(FALSE, FALSE, sizeof(struct md_file));
	md_render_html(s, &d, "over-ons/", a, out, files, NULL);
	assert_string_equal(out->str,
	                    "<p>A B C D E <a href=\"../verhalen/anoniem/#k\">F"
	                    "</a> <a href=\"HTTPS://x.nl/\">G</a></p>\n");
	assert_int_equal(files->len, 0);
	g_array_free(files, TRUE);
	g_string_free(out, TRUE);
	arena_free(a);
	cmark_node_free(d.body);
}

/* A small tree with files of every kind beside a page, in a temporary
 * folder: what the random targets below may hit. */
static char *hostile_tree(void)
{
	char *dir = g_dir_make_tmp("zamen-link-XXXXXX", NULL);
	assert_non_null(dir);
	static const char *const files[][2] = {
	    {"content/over-ons.md", "---\ntitel: Over ons\n---\nTekst.\n"},
	    {"content/verhalen/anna.md",
	     "---\ntitel: Anna\ndatum: 2027-01-01\ntoestemming: 2026-10-01\n"
	     "---\nGeheim.\n"},
	    {"content/foto.jpg", "jpg"},
	    {"content/FOTO.PNG", "png"},
	    {"content/.geheim.png", "png"},
	    {"content/.map/foto.png", "png"},
	    {"content/kaart.svg", "<svg/>"},
	    {"content/index.html", "<p>"},
	    {"content/sub/folder.pdf", "%PDF"},
	    {"content/sub/verhalen.md", "md"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
		char *path = g_build_filename(dir, files[i][0], NULL);
		char *folder = g_path_get_dirname(path);
		g_mkdir_with_parents(folder, 0755);
		assert_true(g_file_set_contents(path, files[i][1], -1, NULL));
		g_free(folder);
		g_free(path);
	}
	char *site;
	assert_true(
	    g_file_get_contents("tests/checks/site.yaml", &site, NULL, NULL));
	char *path = g_build_filename(dir, "site.yaml", NULL);
	assert_true(g_file_set_contents(path, site, -1, NULL));
	g_free(path);
	g_free(site);
	static const char *const links[][2] = {
	    {"content/uit.png", "/etc/passwd"},
	    {"content/tekst.png", "verhalen/anna.md"},
	    {"content/yaml.png", "../site.yaml"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(links); i++) {
		char *from = g_build_filename(dir, links[i][0], NULL);
		assert_int_equal(symlink(links[i][1], from), 0);
		g_free(from);
	}
	return dir;
}

static bool md_name(const char *path)
{
	size_t n = strlen(path);
	while (n && path[n - 1] == '/')
		n--;
	return n >= 3 && !g_ascii_strncasecmp(path + n - 3, ".md", 3);
}

/* Random targets from pieces attackers use: whatever comes out, a .md is
 * never a file, and a file is always an allowed type inside content/. */
static void random_targets_keep_the_invariants(void **state)
{
	(void)state;
	char *dir = hostile_tree();
	struct arena *a = arena_new();
	struct diags *d = diags_new();
	struct load_tree *t = load_tree(dir, a, d);
	struct check_opts o = {.today = day("2026-11-22")};
	struct site *s = check_site(t, &o, d);
	assert_non_null(s);
	const struct doc *page = site_doc_by_path(s, "content/over-ons.md");
	char *content = g_build_filename(dir, "content", NULL);
	char *root = realpath(content, NULL);
	static const char *const pieces[] = {
	    "foto.jpg",   "FOTO.PNG",  ".geheim.png", ".map/",    "kaart.svg",
	    "index.html", "sub/",      "folder.pdf",  "verhalen", "anna",
	    ".md",        ".MD",       ".Md",         "%2e",      "%2E",
	    "%2f",        "%2F",       "%00",         "%",        "%zz",
	    "%5c",        "\\",        "/",           "//",       "..",
	    "../",        "./",        ".",           "?",        "#",
	    ":",          "http:",     "HTTPS://",    "x",        " ",
	    "uit.png",    "tekst.png", "yaml.png",    "%252e",    "%C3%A9",
	    "%C3",        "\t"};
	GRand *r = g_rand_new_with_seed(8);
	size_t files = 0;
	for (int i = 0; i < 20000; i++) {
		GString *url = g_string_new(NULL);
		int n = g_rand_int_range(r, 1, 6);
		for (int k = 0; k < n; k++)
			g_string_append(
			    url, pieces[g_rand_int_range(
			             r, 0, (gint32)G_N_ELEMENTS(pieces))]);
		for (int use = LINK_USE_LINK; use <= LINK_USE_IMAGE; use++) {
			struct link l;
			link_classify(s, page, url->str, (enum link_use)use,
			              s->arena, &l);
			if (l.kind == LINK_REFUSED)
				assert_non_null(l.why);
			if (l.target.path && md_name(l.target.path) &&
			    l.target.form == LINK_FORM_RELATIVE)
				assert_true(l.kind == LINK_DOC ||
				            l.kind == LINK_REFUSED);
			if (l.kind != LINK_FILE)
				continue;
			files++;
			assert_false(md_name(l.name));
			assert_false(md_name(l.real));
			assert_true(!strncmp(l.real, root, strlen(root)) &&
			            l.real[strlen(root)] == '/');
			assert_null(strstr(l.real + strlen(root), "/."));
			assert_true(g_str_has_suffix(l.real, "foto.jpg") ||
			            g_str_has_suffix(l.real, "FOTO.PNG") ||
			            g_str_has_suffix(l.real, "folder.pdf"));
		}
		g_string_free(url, TRUE);
	}
	assert_true(files > 0); /* the generator does reach real files */
	g_rand_free(r);
	free(root);
	g_free(content);
	site_free(s);
	diags_free(d);
	arena_free(a);
	char *rm = g_strdup_printf("rm -rf '%s'", dir);
	assert_int_equal(system(rm), 0);
	g_free(rm);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(parse_splits_scheme_path_query_fragment),
	    cmocka_unit_test(parse_decodes_percent_escapes_once),
	    cmocka_unit_test(parse_finds_flaws),
	    cmocka_unit_test_setup_teardown(
	        every_form_of_a_md_target_is_a_doc_or_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(schemes_and_remote_images, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(attachments_follow_the_rules, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(render_shows_refused_links_as_text,
	                                    setup, teardown),
	    cmocka_unit_test(random_targets_keep_the_invariants),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
