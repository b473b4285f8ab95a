/*
 * print_cache.h: the PDFs of editions already set, kept between builds.
 *
 * Setting a page costs about 20 ms of shaping and font subsetting, and the
 * archive grows by an edition a week while old editions hardly change. So
 * `zamen build` keeps every PDF it made, with the warnings it gave, in
 * SOURCE/.zamen-cache/journaal/ (the folder has a .gitignore of its own,
 * so no repository takes it in), and takes a page from there as long as
 * nothing it is made of has changed; `zamen check` takes the warnings.
 *
 * An entry is found by a key: SHA-256 over everything print_edition()
 * reads. That is:
 *   - what sets the page: the zamen program, the page design with its
 *     fonts and the library versions (print_design.digest), and how
 *     photos are made (IMAGE_PIPELINE, image.h);
 *   - site.yaml, whole;
 *   - the edition's file, its story's file and photo, its partner's file,
 *     whole, with their paths;
 *   - the edition's occurrences: each date with the whole file of its
 *     activity.
 * Whether an edition may be printed at all (draft, consent, which depends
 * on the day) is not in the key: ask print_printable() before the cache.
 * Whoever makes the print stage read anything else must add it to
 * print_cache_key(), or an old page could be published.
 *
 * Only pages that were made without errors are kept. Entries are written
 * atomically, an unreadable entry counts as missing, and entries a build
 * did not use are removed after it: deleting the folder is always safe.
 *
 * Threads: one cache per thread.
 */
#ifndef ZAMEN_PRINT_CACHE_H
#define ZAMEN_PRINT_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "print_design.h"

struct print_cache;

/* The cache of site s (its folder SOURCE/.zamen-cache/journaal) for pages
 * of design pd. With keep (build), the folder is made when missing, pages
 * are kept, and print_cache_close() removes the entries this run did not
 * use; without (check), the cache is only read. Never NULL: when there is
 * no folder, nothing is found and nothing kept. */
struct print_cache *print_cache_open(const struct print_design *pd,
                                     const struct site *s, bool keep);
/* print_cache_close(NULL) is a no-op. */
void print_cache_close(struct print_cache *c);

/* The key of edition e: 64 hex digits and a NUL into key. */
void print_cache_key(struct print_cache *c, const struct edition *e,
                     char key[65]);

/* Whether an entry is kept under key. On a hit, adds the warnings it was
 * made with into d and, when pdf is not NULL, returns the PDF in *pdf
 * (g_free) and its length in *len. */
bool print_cache_get(struct print_cache *c, const char *key,
                     unsigned char **pdf, size_t *len, struct diags *d);

/* Keeps pdf[0..len) and the warnings w under key. */
void print_cache_put(struct print_cache *c, const char *key,
                     const unsigned char *pdf, size_t len,
                     const struct diags *w);

#endif
