#include "load_md.h"

#include <glib.h>

#include "text.h"

static void free_tree(void *p)
{
	cmark_node_free(p);
}

cmark_node *md_parse(struct arena *a, const char *text, size_t len)
{
	cmark_node *doc = cmark_parse_document(text, len, MD_PARSE_OPTIONS);
	arena_defer(a, free_tree, doc);
	return doc;
}

void md_plain_text(cmark_node *n, void *out)
{
	GString *s = out;
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			g_string_append(s, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			g_string_append_c(s, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Headings are blocks, at the top or inside quotes and list items: the
 * walk descends into block containers only, never into the many inline
 * nodes. An iterator, not recursion: 100,000 nested quotes are valid
 * Markdown and would overflow the stack. */
static void collect_headings(cmark_node *doc, GPtrArray *ids, GHashTable *seen,
                             GHashTable *next)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *c = cmark_iter_get_node(it);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_DOCUMENT:
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_LIST:
		case CMARK_NODE_ITEM:
			continue; /* into its children */
		case CMARK_NODE_HEADING: {
			GString *text = g_string_new(NULL);
			md_plain_text(c, text);
			char *slug = text_slugify(text->str);
			g_string_free(text, TRUE);
			if (!*slug) {
				g_free(slug);
				slug = g_strdup("kop");
			}
			/* The first of slug, slug-2, slug-3 ... not taken.
			 * Taken names only ever grow, so the search for the
			 * same slug goes on where it ended last time: 50,000
			 * headings "Kop" cost no 10^9 lookups. */
			char *id = g_strdup(slug);
			int i =
			    GPOINTER_TO_INT(g_hash_table_lookup(next, slug));
			if (i < 2)
				i = 2;
			for (; g_hash_table_contains(seen, id); i++) {
				g_free(id);
				id = g_strdup_printf("%s-%d", slug, i);
			}
			g_hash_table_insert(next, slug, GINT_TO_POINTER(i));
			g_hash_table_add(seen, id);
			g_ptr_array_add(ids, id);
			break;
		}
		default:
			break;
		}
		/* Past the children of a leaf block. */
		if (cmark_node_first_child(c))
			cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
}

char **md_heading_ids(cmark_node *doc)
{
	GPtrArray *ids = g_ptr_array_new();
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *next =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	collect_headings(doc, ids, seen, next);
	g_hash_table_destroy(next);
	g_hash_table_destroy(seen);
	g_ptr_array_add(ids, NULL);
	return (char **)g_ptr_array_free(ids, FALSE);
}
