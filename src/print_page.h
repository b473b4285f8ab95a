/*
 * print_page.h: one edition composed as a page: where every block, rule,
 * box and the photo go, in points, from the top left of the media.
 *
 * The page (see layouts/journaal/ontwerp.yaml for the picture):
 *   - the masthead band over the whole width, and a line under it;
 *   - the story columns at the left: kicker and headline over all of them,
 *     the photo over `fotokolommen` (a portrait over fewer: photo_span())
 *     with its caption, the intro and the storyteller beside the photo,
 *     then the body flowed over every story column on one baseline grid;
 *     under it the "Van de redactie" box, its text balanced over the same
 *     columns;
 *   - the side columns at the right: "Deze week" by day, the partner in
 *     the spotlight, and the contact box at the bottom.
 *
 * Composing reports into d: the story or the editorial that does not fit
 * (errors), agenda items left out for want of room, a photo under the
 * design's ppi (warnings). A page that did not fit still composes, as a
 * proof: the overflow is marked when it is drawn.
 */
#ifndef ZAMEN_PRINT_PAGE_H
#define ZAMEN_PRINT_PAGE_H

#include <cairo.h>
#include <stdbool.h>

#include "diag.h"
#include "model.h"
#include "print.h"
#include "print_design.h"
#include "print_pdf.h"

struct print_page;

/* Composes edition e. fit may be NULL. Returns NULL only when the page
 * cannot be composed at all (a photo that cannot be read, a grid without
 * room), after reporting. */
struct print_page *print_page_new(const struct print_design *pd,
                                  const struct site *s, const struct edition *e,
                                  struct print_fit *fit, struct diags *d);
void print_page_free(struct print_page *pg);

/* The size of the media, in points. */
void print_page_size(const struct print_page *pg, double *w, double *h);
/* The page's boxes, in PDF user space. */
void print_page_boxes(const struct print_page *pg, struct print_pdf_boxes *out);

/* Makes the JPEG of the placed photo (image.h), reporting into d when it
 * cannot: before print_page_draw(), which leaves out a photo not made. */
bool print_page_photo(struct print_page *pg, const struct site *s,
                      struct diags *d);

/* Draws the page on cr (a surface of print_page_size()), with the design's
 * RGB stand-in colours. */
void print_page_draw(const struct print_page *pg, cairo_t *cr);

#endif
