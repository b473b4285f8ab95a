#include "parallel.h"

#include <glib.h>
#include <stdatomic.h>

#define MAX_THREADS 8

struct shared {
	parallel_fn *fn;
	void *data;
	size_t n;
	atomic_size_t next; /* the next item to take */
};

struct worker {
	struct shared *shared;
	struct arena *arena;
	struct diags *diags;
};

static gpointer work(gpointer p)
{
	struct worker *w = p;
	struct shared *s = w->shared;
	for (;;) {
		size_t i = atomic_fetch_add(&s->next, 1);
		if (i >= s->n)
			break;
		s->fn(s->data, i, w->arena, w->diags);
	}
	return NULL;
}

void parallel_for(size_t n, size_t per_thread, parallel_fn *fn, void *data,
                  struct arena *into, struct diags *d)
{
	struct shared shared = {fn, data, n, 0};
	size_t threads = g_get_num_processors();
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	if (per_thread && threads > n / per_thread)
		threads = n / per_thread;
	if (threads < 1)
		threads = 1;
	struct worker *w = g_new0(struct worker, threads);
	GThread **t = g_new0(GThread *, threads);
	for (size_t i = 0; i < threads; i++) {
		w[i] = (struct worker){&shared, arena_new(), diags_new()};
		if (i > 0)
			t[i] = g_thread_new("zamen-worker", work, &w[i]);
	}
	work(&w[0]);
	for (size_t i = 0; i < threads; i++) {
		if (i > 0)
			g_thread_join(t[i]);
		diags_merge(d, w[i].diags);
		diags_free(w[i].diags);
		if (into)
			arena_adopt(into, w[i].arena);
		else
			arena_free(w[i].arena);
	}
	g_free(t);
	g_free(w);
}
