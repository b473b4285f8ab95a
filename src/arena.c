#include "arena.h"

#include <glib.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Blocks grow geometrically up to BLOCK_MAX; a request larger than a block
 * gets a block of its own. */
#define BLOCK_MIN (64 * 1024)
#define BLOCK_MAX (4 * 1024 * 1024)
#define ALIGN (_Alignof(max_align_t))

struct block {
	struct block *prev;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

struct deferred {
	void (*fn)(void *);
	void *p;
	struct deferred *next;
};

struct arena {
	struct block *head;
	size_t next_size;
	struct arena *children, *sibling;
	struct deferred *deferred;
};

struct arena *arena_new(void)
{
	struct arena *a = g_new0(struct arena, 1);
	a->next_size = BLOCK_MIN;
	return a;
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	while (a->children) {
		struct arena *c = a->children;
		a->children = c->sibling;
		arena_free(c);
	}
	for (struct deferred *d = a->deferred; d; d = d->next)
		d->fn(d->p);
	struct block *b = a->head;
	while (b) {
		struct block *prev = b->prev;
		g_free(b);
		b = prev;
	}
	g_free(a);
}

static size_t aligned(size_t n);

void *arena_alloc(struct arena *a, size_t n)
{
	n = aligned(n);
	struct block *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = a->next_size;
		if (size < n)
			size = n;
		if (a->next_size < BLOCK_MAX)
			a->next_size *= 2;
		b = g_malloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		/* A block made for one large request is linked behind the
		 * current one, so the current one keeps serving small ones. */
		if (a->head && size == n) {
			b->prev = a->head->prev;
			a->head->prev = b;
			b->used = n;
			return memset(b->data, 0, n);
		}
		b->prev = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	return memset(p, 0, n);
}

static size_t aligned(size_t n)
{
	n = (n + ALIGN - 1) & ~(ALIGN - 1);
	return n ? n : ALIGN;
}

void arena_defer(struct arena *a, void (*fn)(void *), void *p)
{
	struct deferred *d = arena_alloc(a, sizeof *d);
	d->fn = fn;
	d->p = p;
	d->next = a->deferred;
	a->deferred = d;
}

void arena_adopt(struct arena *a, struct arena *child)
{
	child->sibling = a->children;
	a->children = child;
}

void *arena_calloc(struct arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		g_error("zamen: geheugen op (%zu x %zu bytes)", n, size);
	return arena_alloc(a, n * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	/* Formatted straight into the free end of the current block; only
	 * when it does not fit there, measured and written again. */
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	struct block *b = a->head;
	size_t room = b ? b->size - b->used : 0;
	char *p = b ? (char *)b->data + b->used : NULL;
	int n = vsnprintf(p, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		g_error("zamen: ongeldige opmaak '%s'", fmt);
	if ((size_t)n < room) {
		b->used += aligned((size_t)n + 1);
		if (b->used > b->size)
			b->used = b->size;
	} else {
		p = arena_alloc(a, (size_t)n + 1);
		vsnprintf(p, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	return p;
}
