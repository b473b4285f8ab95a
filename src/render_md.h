/*
 * render_md.h: a Markdown body as HTML for one page.
 *
 * Walks the document's cmark tree without changing it (the tree belongs to
 * the model and the print stage reads it too) and writes HTML:
 *   - a link to a content file ("../activiteiten/x.md#tijden") becomes the
 *     relative URL of that page; a link to a page that is not published
 *     becomes its plain text;
 *   - headings get an id from their text, for anchors; a level-1 heading in
 *     a body becomes level 2 (the page's title is the only h1);
 *   - raw HTML is left out; only http(s), mailto and tel schemes pass;
 *   - an image file (`![alt](x.jpg)`) becomes a <picture> of the files
 *     render_image.h makes of it, lazily loaded; a link to an image file
 *     (`[tekst](x.jpg)`) links the widest of them. The image file itself
 *     is never published;
 *   - any other attachment (a PDF) is linked beside the page, and listed
 *     in `files` so the caller copies it there;
 *   - a link model_link.h refuses becomes its plain text, an image its
 *     alt text.
 */
#ifndef ZAMEN_RENDER_MD_H
#define ZAMEN_RENDER_MD_H

#include <glib.h>

#include "model.h"
#include "render_image.h"

/* A file a body refers to, to be copied into the output. */
struct md_file {
	const char *from; /* the file to copy: absolute, symbolic links
	                     resolved (struct link's real) */
	const char *to;   /* path in the output */
};

/* Appends d's body, rendered for the page at page_path (render_url.h), to
 * out. Files to copy are appended to files (a GArray of struct md_file
 * whose strings belong to arena a); files may be NULL. Images are added to
 * pics (render_image.h), to be made; with pics NULL an image shows its alt
 * text and a link to an image its text. */
void md_render_html(const struct site *s, const struct doc *d,
                    const char *page_path, struct arena *a, GString *out,
                    GArray *files, struct picture_set *pics);

#endif
