/*
 * floor.c: the floor under any build of the benchmark site with cmark.
 * Reads every .md file under DIR and turns it into HTML with cmark, on as
 * many threads as zamen uses, and nothing else: no front matter, checks,
 * layouts or writing. `make bench` prints its wall time beside zamen's,
 * so the distance between the two is what zamen itself costs.
 */
#include <cmark.h>
#include <glib.h>
#include <stdio.h>

struct work {
	GPtrArray *files;
	gint next;
};

static void collect(const char *dir, GPtrArray *files)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	if (!d)
		return;
	const char *name;
	while ((name = g_dir_read_name(d))) {
		char *path = g_build_filename(dir, name, NULL);
		if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
			collect(path, files);
			g_free(path);
		} else if (g_str_has_suffix(name, ".md")) {
			g_ptr_array_add(files, path);
		} else {
			g_free(path);
		}
	}
	g_dir_close(d);
}

static gpointer convert(gpointer data)
{
	struct work *w = data;
	for (;;) {
		gint i = g_atomic_int_add(&w->next, 1);
		if ((guint)i >= w->files->len)
			return NULL;
		char *text;
		gsize len;
		if (!g_file_get_contents(w->files->pdata[i], &text, &len, NULL))
			continue;
		cmark_node *doc =
		    cmark_parse_document(text, len, CMARK_OPT_SMART);
		free(cmark_render_html(doc, CMARK_OPT_SMART));
		cmark_node_free(doc);
		g_free(text);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "gebruik: floor MAP\n");
		return 2;
	}
	struct work w = {g_ptr_array_new_with_free_func(g_free), 0};
	gint64 t0 = g_get_monotonic_time();
	collect(argv[1], w.files);
	guint n = g_get_num_processors();
	GThread **t = g_new0(GThread *, n);
	for (guint i = 1; i < n; i++)
		t[i] = g_thread_new("floor", convert, &w);
	convert(&w);
	for (guint i = 1; i < n; i++)
		g_thread_join(t[i]);
	printf("%u bestanden in %.2f s\n", w.files->len,
	       (g_get_monotonic_time() - t0) / 1e6);
	g_free(t);
	g_ptr_array_free(w.files, TRUE);
	return 0;
}
