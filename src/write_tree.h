/*
 * write_tree.h: the only module that touches the output folder.
 *
 * Ownership. zamen replaces the whole output folder on every build, so it
 * writes only into a folder it owns: one that does not exist yet, an empty
 * one, or one that carries the marker file WRITE_MARKER left there by an
 * earlier build. The marker also says which kind of build made the folder
 * (a website or a preview), and a folder never changes kind. Refused are
 * everything else (a plain file, a folder of someone's documents), the
 * source folder and every folder that holds it, anything inside content/,
 * layouts/, .git/ or .zamen-cache/ of a folder holding sources, anything
 * inside another build's output, and a mount point (it cannot be renamed).
 * A symlinked output is followed: the site goes into the link's target
 * and the link itself stays as it is.
 *
 * Atomicity. A build writes into a new temporary folder; only when
 * everything succeeded does write_commit() exchange it with the output in
 * one step (renameat2 RENAME_EXCHANGE), after which the old tree is
 * removed. So whenever zamen stops, even by kill -9, the output is the old
 * site or the new one. The temporary folder lives where neither git nor an
 * upload of the output sees it: in SOURCE/.zamen-cache/ (which ignores
 * itself in git) when that is on the output's file system, else hidden
 * beside the output as .NAME.zamen-nieuw-PID. A build holds a lock
 * (flock) on those folders, so the next build knows that every temporary
 * folder it finds there belongs to a build that died, and removes it.
 *
 * Errors are reported in Dutch with the path and what to do; never the
 * system's English text.
 *
 * write_file() and write_copy() may be called from several threads at once.
 */
#ifndef ZAMEN_WRITE_TREE_H
#define ZAMEN_WRITE_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* The marker file in every output folder zamen writes. */
#define WRITE_MARKER ".zamen-uitvoer"

enum write_kind {
	WRITE_SITE,   /* a website to publish */
	WRITE_PREVIEW /* drafts or a later day: never to be published */
};

struct write_opts {
	const char *output; /* as the user named it (messages use it) */
	const char *source; /* the source folder */
	enum write_kind kind;
	/* Called once, before waiting, when another build holds the lock;
	 * may be NULL. */
	void (*waiting)(void *data, const char *output);
	void *data;
};

struct write_out;

/* Whether o->output may receive a build of o->kind; when not, says why
 * into d. Touches nothing. */
bool write_check(const struct write_opts *o, struct diags *d);

/* Prepares to replace o->output: takes the lock (waiting for another
 * build), checks again as write_check() does, removes what dead builds
 * left, makes the temporary folder and writes the marker into it. Returns
 * NULL after reporting into d; *refused then says whether the output was
 * refused (rather than impossible to prepare). */
struct write_out *write_begin(const struct write_opts *o, struct diags *d,
                              bool *refused);

/* Writes data as path (relative, '/'-separated; folders are made). */
bool write_file(struct write_out *w, const char *path, const void *data,
                size_t len);
/* Copies the file from (any path) to path in the output. */
bool write_copy(struct write_out *w, const char *path, const char *from);

/* Swaps the new tree in and removes the old one; frees w. Returns false
 * (after reporting, with the old output untouched) when a write failed or
 * the swap is impossible. */
bool write_commit(struct write_out *w, struct diags *d);
/* Removes the temporary folder and frees w; reports into d (when not
 * NULL) the first write that failed, if one did. write_abort(NULL, d) is
 * a no-op. */
void write_abort(struct write_out *w, struct diags *d);

/* Writes one file (a newspaper page) at path, atomically, for `zamen
 * print`. Refuses (reporting into d, *refused set) to write over anything
 * that is not a PDF zamen made, into content/, layouts/, .git/ or
 * .zamen-cache/ of a folder holding sources, or into an output folder of
 * `zamen build` (what lies there is published). */
bool write_pdf(const char *path, const char *source, const void *data,
               size_t len, struct diags *d, bool *refused);

/* Whether write_pdf() would write at path (reporting why not into d),
 * before the page is made: a refused print touches nothing. */
bool write_pdf_allowed(const char *path, const char *source, struct diags *d);

/* Makes folder dir (and its parents) when missing, with a .gitignore
 * that ignores everything, headed by the comment line why ("# ..."):
 * git then leaves the folder alone in any repository it lies in. */
bool write_ignored_dir(const char *dir, const char *why);

/* What went wrong, in Dutch, for errno err, with what to do; newly
 * allocated (g_free). */
char *write_error_text(int err);

/* Removes a folder and everything in it; true when it is gone. */
bool write_remove_tree(const char *path);

#endif
