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
 * walk visits block containers only, never the many inline nodes. */
static void collect_headings(cmark_node *n, GPtrArray *ids, GHashTable *seen)
{
	for (cmark_node *c = cmark_node_first_child(n); c;
	     c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_HEADING: {
			GString *text = g_string_new(NULL);
			md_plain_text(c, text);
			char *slug = text_slugify(text->str);
			g_string_free(text, TRUE);
			if (!*slug) {
				g_free(slug);
				slug = g_strdup("kop");
			}
			char *id = g_strdup(slug);
			for (int i = 2; g_hash_table_contains(seen, id); i++) {
				g_free(id);
				id = g_strdup_printf("%s-%d", slug, i);
			}
			g_free(slug);
			g_hash_table_add(seen, id);
			g_ptr_array_add(ids, id);
			break;
		}
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_LIST:
		case CMARK_NODE_ITEM:
			collect_headings(c, ids, seen);
			break;
		default:
			break;
		}
	}
}

char **md_heading_ids(cmark_node *doc)
{
	GPtrArray *ids = g_ptr_array_new();
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	collect_headings(doc, ids, seen);
	g_hash_table_destroy(seen);
	g_ptr_array_add(ids, NULL);
	return (char **)g_ptr_array_free(ids, FALSE);
}
