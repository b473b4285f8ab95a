/*
 * write_tree.h: the only module that touches the output folder.
 *
 * A build writes into a new temporary folder beside the output; only when
 * everything succeeded does write_commit() swap it in for the old output
 * in one atomic step (the old tree is then removed). A failed build calls
 * write_abort() and the output stays exactly as it was. Files that the new
 * build did not produce are therefore gone after a commit.
 *
 * write_file() and write_copy() may be called from several threads at once.
 */
#ifndef ZAMEN_WRITE_TREE_H
#define ZAMEN_WRITE_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct write_out;

/* Prepares to replace output. Refuses (reporting into d, returning NULL)
 * an output folder that holds a source tree (site.yaml or content/) or
 * that is the source folder or one of its parents. */
struct write_out *write_begin(const char *output, const char *source,
                              struct diags *d);

/* Writes data as path (relative, '/'-separated; folders are made). */
bool write_file(struct write_out *w, const char *path, const void *data,
                size_t len);
/* Copies the file from (any path) to path in the output. */
bool write_copy(struct write_out *w, const char *path, const char *from);

/* Swaps the new tree in and removes the old one; frees w. Returns false
 * (after reporting, with the old output untouched) when a write failed or
 * the swap is impossible. */
bool write_commit(struct write_out *w, struct diags *d);
/* Removes the temporary folder; frees w. write_abort(NULL) is a no-op. */
void write_abort(struct write_out *w);

/* Removes a folder and everything in it; true when it is gone. */
bool write_remove_tree(const char *path);

#endif
