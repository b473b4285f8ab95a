#include "print_cache.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "image.h"

struct print_cache {
	const char *source;
	char *dir;  /* NULL: no cache */
	bool keep;  /* write entries, prune when closing */
	char *base; /* the key of what every edition shares */
	/* const struct load_doc * -> its digest, for the activities that
	 * every edition of a year lists again */
	GHashTable *docs;
	GHashTable *used; /* keys found or kept */
};

/* A string into sum with its length, so that no two lists of strings
 * give the same bytes. */
static void sum_str(GChecksum *sum, const char *s, size_t len)
{
	char n[32];
	int k = g_snprintf(n, sizeof n, "%zu:", len);
	g_checksum_update(sum, (const guchar *)n, k);
	g_checksum_update(sum, (const guchar *)s, (gssize)len);
}

static void sum_cstr(GChecksum *sum, const char *s)
{
	sum_str(sum, s ? s : "", s ? strlen(s) : 0);
	g_checksum_update(sum, (const guchar *)(s ? "+" : "-"), 1);
}

/* A whole source file, with its path. */
static void sum_doc(GChecksum *sum, const struct doc *x)
{
	if (!x) {
		sum_cstr(sum, NULL);
		return;
	}
	sum_cstr(sum, x->src->path);
	sum_str(sum, x->src->text, x->src->len);
}

/* A file read from disk (site.yaml, a photo); a missing one counts too. */
static void sum_contents(GChecksum *sum, const char *source, const char *path)
{
	char *full = g_build_filename(source, path, NULL);
	char *text = NULL;
	gsize len = 0;
	sum_cstr(sum, path);
	if (g_file_get_contents(full, &text, &len, NULL))
		sum_str(sum, text, len);
	else
		sum_cstr(sum, NULL);
	g_free(text);
	g_free(full);
}

/* The cache says itself that it is no source: git leaves a folder alone
 * whose own .gitignore ignores everything, in any repository the site
 * lives in. */
static void ignore_in_git(const char *source)
{
	char *path =
	    g_build_filename(source, ".zamen-cache", ".gitignore", NULL);
	if (!g_file_test(path, G_FILE_TEST_EXISTS))
		g_file_set_contents(path,
		                    "# Gemaakt door zamen: een cache, geen "
		                    "bron. De map mag altijd weg.\n*\n",
		                    -1, NULL);
	g_free(path);
}

struct print_cache *print_cache_open(const struct print_design *pd,
                                     const struct site *s, bool keep)
{
	struct print_cache *c = g_new0(struct print_cache, 1);
	c->source = s->source;
	c->keep = keep;
	c->dir = g_build_filename(s->source, ".zamen-cache", "journaal", NULL);
	if (keep ? g_mkdir_with_parents(c->dir, 0755) != 0
	         : !g_file_test(c->dir, G_FILE_TEST_IS_DIR)) {
		g_free(c->dir);
		c->dir = NULL;
	}
	if (c->dir && keep)
		ignore_in_git(s->source);
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	/* 2: the photo is made anew by image.h; a page of version 1 holds
	 * the original file, metadata and all, and must never be served. */
	sum_cstr(sum, "zamen krantenpagina 2");
	sum_cstr(sum, IMAGE_PIPELINE);
	sum_cstr(sum, pd->digest);
	sum_contents(sum, s->source, "site.yaml");
	c->base = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	c->docs = g_hash_table_new_full(NULL, NULL, NULL, g_free);
	c->used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return c;
}

/* The digest of an activity's file, once per build. */
static const char *doc_digest(struct print_cache *c, const struct doc *x)
{
	char *got = g_hash_table_lookup(c->docs, x->src);
	if (!got) {
		GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
		sum_doc(sum, x);
		got = g_strdup(g_checksum_get_string(sum));
		g_checksum_free(sum);
		g_hash_table_insert(c->docs, (gpointer)x->src, got);
	}
	return got;
}

void print_cache_key(struct print_cache *c, const struct edition *e,
                     char key[65])
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	sum_cstr(sum, c->base);
	sum_doc(sum, &e->doc);
	const struct story *st = e->verhaal;
	sum_doc(sum, st ? &st->doc : NULL);
	if (st && st->foto)
		sum_contents(sum, c->source, st->foto);
	else
		sum_cstr(sum, NULL);
	sum_doc(sum, e->uitgelicht ? &e->uitgelicht->doc : NULL);
	/* Each occurrence as "date digest\n" (the digest has a fixed
	 * length), all at once: a week can hold a thousand of them. */
	GString *list = g_string_sized_new(e->n_occurrences * 80);
	for (size_t i = 0; i < e->n_occurrences; i++) {
		const struct occurrence *o = &e->occurrences[i];
		g_string_append_printf(list, "%ld %s\n", (long)o->date,
		                       doc_digest(c, &o->activity->doc));
	}
	sum_str(sum, list->str, list->len);
	g_string_free(list, TRUE);
	g_strlcpy(key, g_checksum_get_string(sum), 65);
	g_checksum_free(sum);
}

static char *entry_path(const struct print_cache *c, const char *key,
                        const char *ext)
{
	char *name = g_strconcat(key, ext, NULL);
	char *path = g_build_filename(c->dir, name, NULL);
	g_free(name);
	return path;
}

bool print_cache_get(struct print_cache *c, const char *key,
                     unsigned char **pdf, size_t *len, struct diags *d)
{
	if (!c->dir)
		return false;
	/* The warnings are written last: without them, no entry. */
	char *wpath = entry_path(c, key, ".meldingen");
	char *text = NULL;
	bool hit = g_file_get_contents(wpath, &text, NULL, NULL);
	g_free(wpath);
	gchar *bytes = NULL;
	gsize n = 0;
	if (hit && pdf) {
		char *ppath = entry_path(c, key, ".pdf");
		hit = g_file_get_contents(ppath, &bytes, &n, NULL) && n > 0;
		g_free(ppath);
	}
	struct diags *w = diags_new();
	hit = hit && diags_load(w, text) && diags_errors(w) == 0;
	g_free(text);
	if (hit) {
		diags_merge(d, w);
		g_hash_table_add(c->used, g_strdup(key));
		if (pdf) {
			*pdf = (unsigned char *)bytes;
			*len = n;
			bytes = NULL;
		}
	}
	diags_free(w);
	g_free(bytes);
	return hit;
}

void print_cache_put(struct print_cache *c, const char *key,
                     const unsigned char *pdf, size_t len,
                     const struct diags *w)
{
	if (!c->dir || !c->keep || diags_errors(w))
		return;
	char *ppath = entry_path(c, key, ".pdf");
	char *wpath = entry_path(c, key, ".meldingen");
	char *text = diags_dump(w);
	if (g_file_set_contents(ppath, (const char *)pdf, (gssize)len, NULL) &&
	    g_file_set_contents(wpath, text, -1, NULL))
		g_hash_table_add(c->used, g_strdup(key));
	g_free(text);
	g_free(wpath);
	g_free(ppath);
}

/* Removes every file of the folder whose key was not used: old pages,
 * and what an interrupted write left behind. */
static void prune(struct print_cache *c)
{
	GDir *dir = g_dir_open(c->dir, 0, NULL);
	if (!dir)
		return;
	const char *name;
	while ((name = g_dir_read_name(dir))) {
		char *key = g_strndup(name, strcspn(name, "."));
		if (!g_hash_table_contains(c->used, key)) {
			char *path = g_build_filename(c->dir, name, NULL);
			g_unlink(path);
			g_free(path);
		}
		g_free(key);
	}
	g_dir_close(dir);
}

void print_cache_close(struct print_cache *c)
{
	if (!c)
		return;
	if (c->dir && c->keep)
		prune(c);
	g_hash_table_destroy(c->docs);
	g_hash_table_destroy(c->used);
	g_free(c->base);
	g_free(c->dir);
	g_free(c);
}
