/*
 * print_photo.h: a story's photo on the print page.
 *
 * The photographer's file never goes into the PDF: it may carry the GPS
 * position of a storyteller's home, and it is often stored on its side.
 * image.h makes the photo anew, upright and without metadata, as a JPEG
 * of exactly the part that is placed, with no more pixels than
 * PRINT_PHOTO_MAX_PPI of its placed size needs (and never more than the
 * source has). That JPEG rides into the PDF as it is
 * (cairo_surface_set_mime_data): cairo adds no second compression.
 *
 * Which part a crop keeps (print_photo_cut) is the editor's `foto_focus`
 * or, without it, libvips' attention crop; where the photo goes and how
 * large is print_page.c's to decide.
 */
#ifndef ZAMEN_PRINT_PHOTO_H
#define ZAMEN_PRINT_PHOTO_H

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "image.h"

/* A newspaper is screened at about 150 lines per inch; twice that in
 * pixels is all a press can show, and more only makes the PDF heavier. */
#define PRINT_PHOTO_MAX_PPI 300

/* JPEG quality of the photo in the PDF: a press shows what a screen
 * hides, and the photo is encoded once per edition. */
#define PRINT_PHOTO_QUALITY 90

/* The photo as it goes into the PDF: a JPEG and what its header says. */
struct print_photo {
	int width, height; /* pixels */
	int components;    /* 1 grey, 3 colour (RGB), 4 CMYK */
	bool adobe;        /* has an Adobe APP14 marker */
	GBytes *jpeg;      /* print_photo_new(): owned; else NULL */
};

/* Reads the JPEG header of data[0..len) into out (width, height,
 * components, adobe; jpeg is left alone). Returns false when it is no
 * JPEG it understands. print_pdf.h reads the JPEGs of a PDF with it. */
bool print_photo_jpeg_info(const unsigned char *data, size_t len,
                           struct print_photo *out);

/* The photo of the JPEG bytes jpeg (a reference is taken), or NULL when
 * they are no JPEG that print_photo_jpeg_info() understands. */
struct print_photo *print_photo_new(GBytes *jpeg);
void print_photo_free(struct print_photo *p);

/* A surface of the photo's size in pixels (cairo_surface_destroy it); its
 * pixels are blank and the JPEG rides along as mime data: only a PDF
 * surface can draw it. */
cairo_surface_t *print_photo_surface(const struct print_photo *p);

/* What a crop keeps: the story's `foto_focus`. A side names the axis it
 * fixes; on the other axis the attention crop decides. */
enum print_focus {
	PRINT_FOCUS_ATTENTION, /* no foto_focus: libvips decides */
	PRINT_FOCUS_MIDDLE,
	PRINT_FOCUS_TOP,
	PRINT_FOCUS_BOTTOM,
	PRINT_FOCUS_LEFT,
	PRINT_FOCUS_RIGHT,
};

/* The focus that foto_focus (a value check accepted, or NULL) names. */
enum print_focus print_photo_focus(const char *foto_focus);

/* The largest part of an upright image of width x height pixels with the
 * aspect ratio aspect (width over height), placed as focus says: fills
 * crop with x, y, w, h in the image's pixels. attention is the part that
 * image_attention_crop() chose for that aspect, or NULL for the middle. */
void print_photo_cut(int width, int height, double aspect,
                     enum print_focus focus, const double attention[4],
                     double crop[4]);

/* The request for the part crop of an image, placed at w x h points: a
 * JPEG of at most max_ppi over w (never more pixels than crop has), of
 * the proportions of w x h, flattened on white. */
struct image_request print_photo_request(const double crop[4], double w,
                                         double h, double max_ppi);

#endif
