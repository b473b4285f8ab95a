/*
 * parallel.h: a loop over independent items, on the machine's cores.
 *
 * Loading and checking do the same thing to every file and need nothing
 * from the others. parallel_for() hands the items out one at a time to up
 * to one thread per core (at most 8); each thread has an arena and a
 * diagnostics collector of its own, so nothing is shared but the counter.
 * The calling thread works too, and small loops run on it alone: a thread
 * is started only for every per_thread items.
 */
#ifndef ZAMEN_PARALLEL_H
#define ZAMEN_PARALLEL_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

/* Does item i, allocating in a and reporting to d (both the worker's own).
 * Must not write anything another item reads. */
typedef void parallel_fn(void *data, size_t i, struct arena *a,
                         struct diags *d);

/* Calls fn(data, i, ...) once for every i < n, in no particular order, and
 * returns when all are done. per_thread is how many items make another
 * thread worth starting (a file to read: a few hundred; a page to render:
 * fewer). Afterwards the workers' arenas belong to into (arena_adopt), or
 * are freed when into is NULL, and their diagnostics are merged into d;
 * diagnostics are printed sorted by position, so the order of the items
 * does not show. */
/* per_thread for a loop over the content files (reading, checking): a
 * thread costs more to start than a few hundred files take. */
#define PARALLEL_FILES_PER_THREAD 256

void parallel_for(size_t n, size_t per_thread, parallel_fn *fn, void *data,
                  struct arena *into, struct diags *d);

#endif
