/*
 * print_hyph.h: Dutch hyphenation for the print page, with libhyphen and
 * the hyphen-nl patterns.
 *
 * The patterns (hyph_nl_NL.dic) are ISO-8859-1, our text is UTF-8: each
 * word is lowered and converted before it is looked up, and a word with a
 * letter outside Latin-1 is left whole. Hyphenation points are marked in
 * the text with soft hyphens (U+00AD); Pango breaks a line there and then
 * draws a visible hyphen, and nowhere else shows them. Only standard
 * hyphenation points are used: a non-standard one would change letters,
 * which a soft hyphen cannot say.
 */
#ifndef ZAMEN_PRINT_HYPH_H
#define ZAMEN_PRINT_HYPH_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

struct print_hyph;

/* Loads the patterns at path; left and right are the fewest letters kept
 * before and after a break. NULL when the file cannot be read. */
struct print_hyph *print_hyph_new(const char *path, int left, int right);
void print_hyph_free(struct print_hyph *h);

/* Appends text[0..len) (UTF-8) to out with a soft hyphen at every
 * hyphenation point of every word. h may be NULL: then text is appended
 * as it is. */
void print_hyph_append(const struct print_hyph *h, GString *out,
                       const char *text, size_t len);

/* The soft hyphen, U+00AD, in UTF-8. */
#define PRINT_SOFT_HYPHEN "\xc2\xad"

#endif
