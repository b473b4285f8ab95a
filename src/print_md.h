/*
 * print_md.h: a Markdown body (cmark tree) as paragraphs for the print page.
 *
 * Paragraphs take the given style, the first one and the one after a
 * heading or quote without indent (the newspaper way: the others indent
 * their first line, with no space between). A heading becomes a
 * `tussenkop` kept with what follows; a quote is set in the `citaat` style
 * and kept together; list items get a bullet and a hanging indent; a
 * thematic break leaves one empty line. Emphasis is italic, strong is bold;
 * links keep only their text, and raw HTML and images are left out, as on
 * the website.
 */
#ifndef ZAMEN_PRINT_MD_H
#define ZAMEN_PRINT_MD_H

#include <cmark.h>
#include <glib.h>

#include "print_design.h"
#include "print_flow.h"

/* Appends the blocks of doc, set at width, to out (struct print_block *,
 * owned by out's free function), each tagged with part. Only what can
 * fill max_lines lines is set, so a text of megabytes costs no more than
 * a full page: the rest is left out. Returns the words left out (at least
 * 1 when anything was), 0 when everything was set. */
int print_md_blocks(const struct print_design *pd, cmark_node *doc,
                    enum print_style_id para, double width, int part,
                    double max_lines, GPtrArray *out);

/* Appends text, a string from front matter (a title, an intro, a caption),
 * to t in style st: read as Markdown with smart punctuation, so quotes and
 * dashes come out as in the body ("..." -> “...”) and *emphasis* works;
 * block structure is dropped, paragraphs are joined by a space. */
void print_md_inline(struct print_text *t, const char *text,
                     enum print_style_id st);

#endif
