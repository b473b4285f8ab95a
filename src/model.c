#include "model.h"

#include <glib.h>
#include <string.h>

#include "model_link.h"

struct site_index {
	GHashTable *by_slug[KIND_COUNT];
	GHashTable *by_path;
};

static const char *doelgroep_values[] = {"18+", "45+", "75+", "mantelzorgers"};
static const char *toegankelijk_values[] = {"rolstoel", "ringleiding",
                                            "vervoer"};
const struct strlist model_doelgroepen = {doelgroep_values, 4};
const struct strlist model_toegankelijk = {toegankelijk_values, 3};

bool strlist_has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}

const char *story_author(const struct story *s)
{
	return s->anoniem ? NULL : s->auteur;
}

date_t story_day(const struct story *s)
{
	if (s->datum == DATE_NONE || s->toestemming == DATE_NONE)
		return DATE_NONE;
	return s->datum > s->toestemming ? s->datum : s->toestemming;
}

date_t edition_day(const struct edition *e)
{
	date_t story = e->verhaal ? story_day(e->verhaal) : DATE_NONE;
	if (e->datum == DATE_NONE || story == DATE_NONE)
		return DATE_NONE;
	return e->datum > story ? e->datum : story;
}

struct site *site_new(void)
{
	struct arena *a = arena_new();
	struct site *s = arena_alloc(a, sizeof *s);
	s->arena = a;
	s->index = arena_alloc(a, sizeof *s->index);
	for (int k = 0; k < KIND_COUNT; k++)
		s->index->by_slug[k] =
		    g_hash_table_new(g_str_hash, g_str_equal);
	s->index->by_path = g_hash_table_new(g_str_hash, g_str_equal);
	s->today = DATE_NONE;
	return s;
}

struct arena *site_arena(struct site *s)
{
	return s->arena;
}

/* The array of records of a kind, as void pointers: the records all start
 * with a struct doc. */
static struct doc ***kind_array(struct site *s, enum load_kind k, size_t **n)
{
	switch (k) {
	case KIND_STORY:
		*n = &s->n_stories;
		return (struct doc ***)&s->stories;
	case KIND_ACTIVITY:
		*n = &s->n_activities;
		return (struct doc ***)&s->activities;
	case KIND_PARTNER:
		*n = &s->n_partners;
		return (struct doc ***)&s->partners;
	case KIND_EDITION:
		*n = &s->n_editions;
		return (struct doc ***)&s->editions;
	case KIND_PAGE:
	default:
		*n = &s->n_pages;
		return (struct doc ***)&s->pages;
	}
}

void site_add(struct site *s, struct doc *d)
{
	size_t *n;
	struct doc ***arr = kind_array(s, d->kind, &n);
	/* Grow by doubling inside the arena: the old array is simply left. */
	if ((*n & (*n - 1)) == 0) {
		size_t cap = *n ? *n * 2 : 8;
		struct doc **grown = arena_calloc(s->arena, cap, sizeof *grown);
		if (*n)
			memcpy(grown, *arr, *n * sizeof *grown);
		*arr = grown;
	}
	(*arr)[(*n)++] = d;
}

void site_free(struct site *s)
{
	if (!s)
		return;
	/* Bodies belong to the load arena (load_md.h): nothing to free. */
	for (int k = 0; k < KIND_COUNT; k++)
		g_hash_table_destroy(s->index->by_slug[k]);
	g_hash_table_destroy(s->index->by_path);
	arena_free(s->arena);
}

void site_index_build(struct site *s, struct diags *d)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		size_t *n;
		struct doc **arr = *kind_array(s, (enum load_kind)k, &n);
		for (size_t i = 0; i < *n; i++) {
			struct doc *x = arr[i];
			g_hash_table_insert(s->index->by_path,
			                    (gpointer)x->src->path, x);
			struct doc *other =
			    g_hash_table_lookup(s->index->by_slug[k], x->slug);
			if (other) {
				diag_error(
				    d, ((struct diag_pos){x->src->path, 0, 0}),
				    "twee bestanden met de naam '%s': "
				    "ook %s. Verwijder of hernoem er één",
				    x->slug, other->src->path);
				continue;
			}
			g_hash_table_insert(s->index->by_slug[k],
			                    (gpointer)x->slug, x);
		}
	}
}

struct doc *const *site_docs(const struct site *s, enum load_kind k, size_t *n)
{
	size_t *count;
	struct doc ***arr = kind_array((struct site *)s, k, &count);
	*n = *count;
	return *arr;
}

const struct doc *site_doc(const struct site *s, enum load_kind k,
                           const char *slug)
{
	return g_hash_table_lookup(s->index->by_slug[k], slug);
}

static const void *lookup(const struct site *s, enum load_kind k,
                          const char *slug)
{
	return site_doc(s, k, slug);
}

const struct story *site_story(const struct site *s, const char *slug)
{
	return lookup(s, KIND_STORY, slug);
}

const struct activity *site_activity(const struct site *s, const char *slug)
{
	return lookup(s, KIND_ACTIVITY, slug);
}

const struct partner *site_partner(const struct site *s, const char *slug)
{
	return lookup(s, KIND_PARTNER, slug);
}

const struct edition *site_edition(const struct site *s, const char *slug)
{
	return lookup(s, KIND_EDITION, slug);
}

const struct page *site_page(const struct site *s, const char *slug)
{
	return lookup(s, KIND_PAGE, slug);
}

const struct doc *site_doc_by_path(const struct site *s, const char *path)
{
	return g_hash_table_lookup(s->index->by_path, path);
}

const struct doc *site_link_target(const struct site *s, const struct doc *d,
                                   const char *url, struct arena *a)
{
	struct link l;
	link_classify(s, d, url, LINK_USE_LINK, a, &l);
	return l.kind == LINK_DOC ? l.doc : NULL;
}

date_t activity_next(const struct activity *a, date_t d)
{
	if (a->recurring)
		return a->rule.from == DATE_NONE ? DATE_NONE
		                                 : cal_next(&a->rule, d);
	if (a->datum == DATE_NONE)
		return DATE_NONE;
	if (d <= a->datum)
		return a->datum;
	return d <= a->tot ? d : DATE_NONE;
}

date_t *activity_occurrences(const struct activity *a, date_t from, date_t to,
                             size_t *n)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(date_t));
	for (date_t d = activity_next(a, from); d != DATE_NONE && d <= to;
	     d = activity_next(a, d + 1))
		g_array_append_val(out, d);
	*n = out->len;
	return (date_t *)(void *)g_array_free(out, FALSE);
}

static int cmp_occurrence(const void *pa, const void *pb)
{
	const struct occurrence *a = pa, *b = pb;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->activity->tijd.start != b->activity->tijd.start)
		return a->activity->tijd.start < b->activity->tijd.start ? -1
		                                                         : 1;
	int c = strcmp(a->activity->titel, b->activity->titel);
	return c ? c : strcmp(a->activity->doc.slug, b->activity->doc.slug);
}

static void add_occurrences(GArray *out, const struct activity *a, date_t from,
                            date_t to)
{
	size_t n;
	date_t *dates = activity_occurrences(a, from, to, &n);
	for (size_t i = 0; i < n; i++) {
		struct occurrence o = {a, dates[i]};
		g_array_append_val(out, o);
	}
	g_free(dates);
}

/* An edition's week is history once it is over, so it keeps activities that
 * are past today; listings of what is coming leave them out. */
static struct occurrence *collect(const struct site *s, date_t from, date_t to,
                                  bool with_past, size_t *n)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct occurrence));
	for (size_t i = 0; i < s->n_activities; i++) {
		const struct activity *a = s->activities[i];
		if (a->doc.published && (with_past || !a->past))
			add_occurrences(out, a, from, to);
	}
	if (out->len > 1)
		qsort(out->data, out->len, sizeof(struct occurrence),
		      cmp_occurrence);
	*n = out->len;
	return (struct occurrence *)(void *)g_array_free(out, FALSE);
}

struct occurrence *site_occurrences(const struct site *s, date_t from,
                                    date_t to, size_t *n)
{
	return collect(s, from, to, false, n);
}

static bool visible(const struct site *s, const struct doc *d)
{
	return !d->concept || s->drafts;
}

static date_t last_date(const struct activity *a)
{
	return a->recurring ? cal_last(&a->rule) : a->tot;
}

static int cmp_activity_title(const void *pa, const void *pb)
{
	const struct activity *a = *(const struct activity *const *)pa;
	const struct activity *b = *(const struct activity *const *)pb;
	int c = g_utf8_collate(a->titel, b->titel);
	return c ? c : strcmp(a->doc.slug, b->doc.slug);
}

static int cmp_menu(const void *pa, const void *pb)
{
	const struct page *a = *(const struct page *const *)pa;
	const struct page *b = *(const struct page *const *)pb;
	if (a->menu != b->menu)
		return a->menu < b->menu ? -1 : 1;
	return strcmp(a->doc.slug, b->doc.slug);
}

static void finish_edition(struct site *s, struct edition *e)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct occurrence));
	date_t from = e->datum, to = e->datum + 6;
	if (e->explicit_activities) {
		for (size_t i = 0; i < e->n_activiteiten; i++)
			if (e->activiteiten[i]->doc.published)
				add_occurrences(out, e->activiteiten[i], from,
				                to);
		if (out->len > 1)
			qsort(out->data, out->len, sizeof(struct occurrence),
			      cmp_occurrence);
	} else {
		size_t n;
		struct occurrence *all = collect(s, from, to, true, &n);
		g_array_append_vals(out, all, (guint)n);
		g_free(all);
	}
	struct occurrence *copy =
	    arena_calloc(s->arena, out->len ? out->len : 1, sizeof *copy);
	if (out->len)
		memcpy(copy, out->data, out->len * sizeof *copy);
	e->occurrences = copy;
	e->n_occurrences = out->len;
	g_array_free(out, TRUE);
}

void site_finish(struct site *s)
{
	for (size_t i = 0; i < s->n_stories; i++) {
		struct story *x = s->stories[i];
		date_t day = story_day(x);
		x->doc.published =
		    visible(s, &x->doc) && day != DATE_NONE && day <= s->today;
	}
	for (size_t i = 0; i < s->n_pages; i++)
		s->pages[i]->doc.published = visible(s, &s->pages[i]->doc);
	for (size_t i = 0; i < s->n_partners; i++)
		s->partners[i]->doc.published =
		    visible(s, &s->partners[i]->doc);

	GHashTable *organised = g_hash_table_new(NULL, NULL);
	for (size_t i = 0; i < s->n_activities; i++) {
		struct activity *a = s->activities[i];
		a->doc.published = visible(s, &a->doc);
		date_t last = last_date(a);
		if (activity_next(a, DATE_MIN) == DATE_NONE)
			a->past = false; /* no valid schedule: reported */
		else if (last != DATE_NONE)
			a->past = last < s->today;
		else
			a->past = !cal_open_ended(&a->rule);
		if (!a->doc.published || a->past || !a->organisator)
			continue;
		GPtrArray *list =
		    g_hash_table_lookup(organised, a->organisator);
		if (!list) {
			list = g_ptr_array_new();
			g_hash_table_insert(organised, (gpointer)a->organisator,
			                    list);
		}
		g_ptr_array_add(list, a);
	}
	for (size_t i = 0; i < s->n_partners; i++) {
		struct partner *p = s->partners[i];
		GPtrArray *list = g_hash_table_lookup(organised, p);
		if (!list)
			continue;
		qsort(list->pdata, list->len, sizeof(gpointer),
		      cmp_activity_title);
		p->activities =
		    arena_calloc(s->arena, list->len, sizeof *p->activities);
		memcpy(p->activities, list->pdata,
		       list->len * sizeof(gpointer));
		p->n_activities = list->len;
		g_ptr_array_free(list, TRUE);
	}
	g_hash_table_destroy(organised);

	/* After stories and partners: an edition is published only when
	 * everything on it is. */
	for (size_t i = 0; i < s->n_editions; i++) {
		struct edition *e = s->editions[i];
		date_t day = edition_day(e);
		e->doc.published =
		    visible(s, &e->doc) && day != DATE_NONE &&
		    day <= s->today && e->verhaal->doc.published &&
		    (!e->uitgelicht || e->uitgelicht->doc.published);
		e->printed = e->doc.published && !e->doc.concept &&
		             !e->verhaal->doc.concept;
		if (e->datum != DATE_NONE)
			finish_edition(s, e);
	}

	s->menu = arena_calloc(s->arena, s->n_pages ? s->n_pages : 1,
	                       sizeof *s->menu);
	s->n_menu = 0;
	for (size_t i = 0; i < s->n_pages; i++)
		if (s->pages[i]->doc.published && s->pages[i]->menu > 0)
			s->menu[s->n_menu++] = s->pages[i];
	if (s->n_menu > 1)
		qsort(s->menu, s->n_menu, sizeof *s->menu, cmp_menu);
}
