/*
 * text.h: small text facts the checks need: UTF-8 validity with a position,
 * slugs, and the nearest known word for a suggestion.
 */
#ifndef ZAMEN_TEXT_H
#define ZAMEN_TEXT_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/* Whether s[0..n) is valid UTF-8 without NUL bytes. When not, *bad is the
 * byte offset of the first offending byte. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad);

/* Line and column (both from 1; the column counts characters, not bytes) of
 * byte offset off in s. Bytes that are not valid UTF-8 count as one
 * character each. */
void text_line_col(const char *s, size_t off, int *line, int *col);

/* A slug is non-empty lowercase ASCII letters, digits and single hyphens,
 * neither starting nor ending with a hyphen: "koffie-ochtend". */
bool text_is_slug(const char *s);

/* The slug an editor most likely meant: accents dropped, lowercase, every
 * run of other characters one hyphen ("Koffie Ochtend" -> "koffie-ochtend").
 * Newly allocated (g_free); "" when nothing of s survives. */
char *text_slugify(const char *s);

/* The candidate nearest to word by edit distance (case-insensitive), or NULL
 * when none is close enough to be a plausible typo. */
const char *text_nearest(const char *word, const char *const *candidates,
                         size_t n);

/* Appends s to out escaped for XML and HTML, in text and in attribute
 * values alike: & < > " ' become entities (&apos; for the apostrophe,
 * valid in XML and HTML5), and the characters XML forbids even as
 * references (C0 controls but tab and line feed, U+FFFE, U+FFFF) are
 * dropped. s is valid UTF-8. */
void text_append_escaped(GString *out, const char *s);

#endif
