#include "check_internal.h"

#include <glib.h>
#include <stdlib.h>

#include "parallel.h"

struct each_doc {
	const struct site *s;
	const struct load_tree *t;
	struct doc **docs; /* by the index of their file in t */
};

static void check_one(void *data, size_t i, struct arena *a, struct diags *d)
{
	struct each_doc *e = data;
	e->docs[i] = check_doc(e->s, e->t->docs[i], a, d);
}

struct site *check_site(const struct load_tree *t, const struct check_opts *o,
                        struct diags *d)
{
	if (!t)
		return NULL;
	struct site *s = site_new();
	s->source = arena_strdup(site_arena(s), t->source);
	char *content = g_build_filename(t->source, "content", NULL);
	char *content_real = realpath(content, NULL);
	s->content_real =
	    content_real ? arena_strdup(site_arena(s), content_real) : NULL;
	free(content_real);
	g_free(content);
	s->today = o->today;
	s->drafts = o->drafts;
	s->images = o->images;
	/* Without readable settings every kern and thema would be reported
	 * as unknown: report site.yaml alone and let the editor fix it first.
	 */
	if (!t->site)
		return s;
	check_config(s, t->site, d);
	struct doc **docs = g_new(struct doc *, t->n_docs ? t->n_docs : 1);
	struct each_doc each = {s, t, docs};
	parallel_for(t->n_docs, PARALLEL_FILES_PER_THREAD, check_one, &each,
	             site_arena(s), d);
	for (size_t i = 0; i < t->n_docs; i++)
		site_add(s, docs[i]);
	site_index_build(s, d);
	check_refs(s, t, (const struct doc *const *)docs, d);
	g_free(docs);
	site_finish(s);
	check_after_finish(s, d);
	check_schedule_warnings(s, d);
	return s;
}
