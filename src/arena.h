/*
 * arena.h: one allocation region per build.
 *
 * Everything the site model holds (strings, records, YAML nodes) is
 * allocated from one arena and released at once by arena_free(). Nothing
 * allocated here is ever freed on its own. Out of memory aborts with a
 * message (GLib's allocator does that for us); nothing else aborts.
 */
#ifndef ZAMEN_ARENA_H
#define ZAMEN_ARENA_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct arena *arena_new(void);
/* Releases every allocation of the arena. arena_free(NULL) is a no-op. */
void arena_free(struct arena *a);

/* Zeroed memory of n bytes, aligned for any type, valid until arena_free. */
void *arena_alloc(struct arena *a, size_t n);
/* n zeroed elements of size each; aborts on overflow. */
void *arena_calloc(struct arena *a, size_t n, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Calls fn(p) when a is freed (latest first): for memory a library
 * allocates itself, such as cmark trees, that must live as long as a. */
void arena_defer(struct arena *a, void (*fn)(void *), void *p);

/* Makes child part of a: freed by arena_free(a), not on its own. For
 * workers that allocate in parallel, each in an arena of its own. */
void arena_adopt(struct arena *a, struct arena *child);

#endif
