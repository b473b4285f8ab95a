#include "load_md.h"

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
