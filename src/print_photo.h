/*
 * print_photo.h: a story's photo on the print page.
 *
 * A JPEG goes into the PDF as the photographer's file, byte for byte
 * (cairo_surface_set_mime_data): no decoding, no recompression, CMYK
 * stays CMYK. Only its header is read here, for its size in pixels and
 * its colour components. A CMYK JPEG written by Adobe software (an APP14
 * "Adobe" marker) stores its channels inverted; print_pdf.h gives such an
 * image the /Decode array that reads it right. A PNG is decoded by cairo
 * and laid on white, so no transparency reaches the page.
 */
#ifndef ZAMEN_PRINT_PHOTO_H
#define ZAMEN_PRINT_PHOTO_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

enum print_photo_type { PRINT_PHOTO_JPEG, PRINT_PHOTO_PNG };

struct print_photo {
	enum print_photo_type type;
	int width, height;   /* pixels */
	int components;      /* JPEG: 1 grey, 3 colour (RGB), 4 CMYK */
	bool adobe;          /* JPEG: has an Adobe APP14 marker */
	unsigned char *data; /* the whole file */
	size_t len;
};

/* Reads the JPEG header of data[0..len) into out (type, width, height,
 * components, adobe). Returns false when it is no JPEG it understands. */
bool print_photo_jpeg_info(const unsigned char *data, size_t len,
                           struct print_photo *out);

/* The most pixels a photo may have (`zamen check` says the same). */
#define PRINT_PHOTO_MAX_PIXELS 50e6

/* Reads the photo at path (a .jpg/.jpeg or .png file, told by its
 * contents). NULL when it cannot be read, is neither, or has more than
 * PRINT_PHOTO_MAX_PIXELS; *why (static, Dutch) then says what is
 * wrong. */
struct print_photo *print_photo_load(const char *path, const char **why);
void print_photo_free(struct print_photo *p);

/* A surface of the photo's size for drawing (cairo_surface_destroy it).
 * For a JPEG its pixels are blank and the file rides along as mime data:
 * only a PDF surface can draw it. NULL when a PNG cannot be decoded. */
cairo_surface_t *print_photo_surface(const struct print_photo *p);

#endif
