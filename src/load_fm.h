/*
 * load_fm.h: front matter, the YAML between the two `---` lines of a
 * content file, and site.yaml, read into a small tree whose every node keeps
 * its line and column in the file.
 *
 * libyaml does the parsing (event API). What libyaml leaves to us: duplicate
 * keys, tabs used for indentation (reported before libyaml gets a confusing
 * look at them) and its English messages, which are translated into Dutch
 * advice. Anchors, aliases and tags are refused: editors never need them.
 *
 * Front matter is bounded, so no file can make the parse cost more than
 * its size: at most FM_MAX_BYTES of YAML, FM_MAX_DEPTH lists and groups in
 * each other, FM_MAX_ITEMS in one list or group, FM_MAX_VALUE characters
 * in one value. Past a limit the parse stops with a message there. An
 * alias is never expanded (it is refused), so a "billion laughs" costs no
 * more than its size either.
 *
 * All memory belongs to the arena passed in.
 */
#ifndef ZAMEN_LOAD_FM_H
#define ZAMEN_LOAD_FM_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

#define FM_MAX_BYTES (256 * 1024)
#define FM_MAX_DEPTH 20
#define FM_MAX_ITEMS 1000
#define FM_MAX_VALUE 20000

enum fm_type { FM_SCALAR, FM_SEQ, FM_MAP };

struct fm_pair;

struct fm_node {
	enum fm_type type;
	int line, col;     /* where the node starts in the file, from 1 */
	const char *value; /* FM_SCALAR: its text, never NULL */
	bool plain;        /* FM_SCALAR: written without quotes */
	size_t n;          /* FM_SEQ: items; FM_MAP: pairs */
	struct fm_node **items;
	struct fm_pair *pairs;
};

struct fm_pair {
	const struct fm_node *key; /* always a scalar */
	const struct fm_node *value;
};

/* Where front matter and body are in a file's text. */
struct fm_split {
	size_t yaml_off, yaml_len; /* the YAML between the --- lines */
	int yaml_line;             /* file line of the first YAML line */
	size_t body_off;           /* the Markdown after the closing --- */
	int body_line;             /* file line of the first body line */
};

/* Finds the front matter of a content file. A UTF-8 byte order mark and
 * CRLF line ends are accepted. Reports "no front matter" or "no closing
 * line" into d (as errors at file) and returns false. */
bool fm_split(const char *text, size_t len, const char *file,
              struct fm_split *out, struct diags *d);

/* Parses YAML text[0..len) whose first line is line first_line of file.
 * Returns the root node, or NULL after reporting every problem into d. The
 * root of a document must be a mapping; an empty document is an empty
 * mapping. */
const struct fm_node *fm_parse(struct arena *a, const char *text, size_t len,
                               int first_line, const char *file,
                               struct diags *d);

/* The value of key in map, or NULL. map may be NULL. */
const struct fm_node *fm_get(const struct fm_node *map, const char *key);
/* The key node of key in map (for the position of a field), or NULL. */
const struct fm_node *fm_key(const struct fm_node *map, const char *key);

#endif
