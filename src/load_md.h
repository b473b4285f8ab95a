/*
 * load_md.h: Markdown bodies parsed by cmark.
 *
 * A tree from md_parse() is freed when the arena passed to it is freed:
 * never cmark_node_free() it yourself.
 */
#ifndef ZAMEN_LOAD_MD_H
#define ZAMEN_LOAD_MD_H

#include <cmark.h>
#include <stddef.h>

#include "arena.h"

/* The options every body is parsed with: smart punctuation. Raw HTML is
 * kept in the tree (the checks warn about it); renderers leave it out by
 * not passing CMARK_OPT_UNSAFE. */
#define MD_PARSE_OPTIONS CMARK_OPT_SMART

/* Parses text[0..len) into a document that lives as long as a. Thread-safe
 * as long as each thread passes its own arena. Never returns NULL. */
cmark_node *md_parse(struct arena *a, const char *text, size_t len);

/* The plain text of node n and its descendants (soft breaks as spaces),
 * appended to out (a GString). */
void md_plain_text(cmark_node *n, void *out);

/* The anchor of every heading of doc, in document order, as the website
 * gives them: the heading's text as a slug ("kop" when nothing is left),
 * made unique with -2, -3 ... Newly allocated, NULL-terminated (g_strfreev). */
char **md_heading_ids(cmark_node *doc);

#endif
