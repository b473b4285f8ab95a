/*
 * load_tree.h: reads a source folder (site.yaml and content/) once, file by
 * file, into documents whose front matter is parsed and whose Markdown body
 * is located but not yet interpreted.
 *
 * Problems of the files as files are reported here: unreadable files,
 * invalid UTF-8, front matter syntax, file names that are no slug, folders
 * zamen does not know. A document whose front matter could not be read is
 * still listed (with fm == NULL), so later stages can tell a missing story
 * from a broken one.
 *
 * All memory belongs to the arena passed to load_tree().
 */
#ifndef ZAMEN_LOAD_TREE_H
#define ZAMEN_LOAD_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "load_fm.h"
#include "load_md.h"

enum load_kind {
	KIND_PAGE,
	KIND_STORY,
	KIND_ACTIVITY,
	KIND_PARTNER,
	KIND_EDITION,
	KIND_COUNT
};

/* The content/ folder of each kind ("verhalen", ...); "" for pages. */
const char *load_kind_folder(enum load_kind k);

struct load_doc {
	enum load_kind kind;
	const char *path; /* from the source folder: "content/verhalen/x.md" */
	const char *dir;  /* folder that relative references start from */
	const char *slug; /* the file (or bundle folder) name without .md */
	bool slug_ok;     /* false when the name was reported as invalid */
	bool bundle;      /* content/<kind>/<slug>/index.md */
	const struct fm_node *fm; /* NULL when unreadable */
	const char *text;         /* the whole file, NUL-terminated */
	size_t len;
	const char *body; /* the Markdown after the front matter */
	size_t body_len;
	int body_line;  /* file line of body[0] */
	cmark_node *md; /* body parsed (load_md.h); never NULL */
	/* The nodes of md the checks look at (links, images, raw HTML), in
	 * document order: collected while parsing, on every processor. */
	cmark_node **md_refs;
	size_t n_md_refs;
};

struct load_tree {
	const char *source;         /* the source folder as given */
	const struct fm_node *site; /* site.yaml; NULL when unreadable */
	struct load_doc **docs;     /* sorted by path */
	size_t n_docs;
};

/* Reads source/site.yaml and every file under source/content. Returns NULL
 * only when there is nothing to read at all (no site.yaml and no content/),
 * after reporting it. Files are read and parsed on every processor at once;
 * the result does not depend on how many there are. */
struct load_tree *load_tree(const char *source, struct arena *a,
                            struct diags *d);

/* Resolves the relative reference ref (a photo, a link target) against
 * folder dir (both relative to the source folder). Returns the normalised
 * path in the arena, or NULL when ref is absolute, has a scheme, or leads
 * outside the source folder. A "#fragment" is not part of ref. */
const char *load_resolve(struct arena *a, const char *dir, const char *ref);

/* Whether path (relative to the source folder) is a regular file. */
bool load_file_exists(const struct load_tree *t, const char *path);

#endif
