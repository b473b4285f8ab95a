#include "check_internal.h"

struct site *check_site(const struct load_tree *t, const struct check_opts *o,
                        struct diags *d)
{
	if (!t)
		return NULL;
	struct site *s = site_new();
	s->source = arena_strdup(site_arena(s), t->source);
	s->today = o->today;
	s->drafts = o->drafts;
	/* Without readable settings every kern and thema would be reported
	 * as unknown: report site.yaml alone and let the editor fix it first.
	 */
	if (!t->site)
		return s;
	check_config(s, t->site, d);
	for (size_t i = 0; i < t->n_docs; i++)
		check_doc(s, t->docs[i], d);
	site_index_build(s, d);
	check_refs(s, t, d);
	site_finish(s);
	check_after_finish(s, d);
	return s;
}
