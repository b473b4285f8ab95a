/*
 * parallel.h: a loop over independent items, on the machine's cores.
 *
 * Loading and checking do the same thing to every file and need nothing
 * from the others. parallel_for() hands the items out one at a time to up
 * to one thread per core; each thread has an arena and a diagnostics
 * collector of its own, so nothing is shared but the counter. The calling
 * thread works too, and small loops run on it alone: starting a thread costs
 * more than a few hundred items.
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
 * returns when all are done. Afterwards the workers' arenas belong to into
 * (arena_adopt) and their diagnostics are merged into d; diagnostics are
 * printed sorted by position, so the order of the items does not show. */
void parallel_for(size_t n, parallel_fn *fn, void *data, struct arena *into,
                  struct diags *d);

#endif
