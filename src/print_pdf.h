/*
 * print_pdf.h: finishing cairo's PDF for the press, with libqpdf.
 *
 * Cairo draws well but knows only RGB, always gives the page a
 * transparency group, cannot set TrimBox or BleedBox, and leaves a CMYK
 * JPEG without the /Decode that Adobe's inverted CMYK needs. Repairing
 * that afterwards is sound because we know exactly what cairo was given:
 *
 *   - colours: the page was drawn with the design's RGB stand-ins
 *     (print_design.h), one exact RGB triple per CMYK colour. Every `rg`
 *     and `RG` (and `sc`/`scn` in DeviceRGB) in the content streams of the
 *     page and its forms is parsed with a small content-stream tokenizer
 *     (strings, inline images and comments are stepped over, never
 *     touched) and replaced by that colour's CMYK `k`/`K`, or by `g`/`G`
 *     when it has no C, M or Y: black becomes `0 g`, pure K. A colour
 *     that is no stand-in (none is drawn) is converted naively and
 *     counted, so tests can insist there are none;
 *   - /Group is removed from the page and its forms: nothing on the page
 *     is transparent, and a transparency group makes a RIP flatten;
 *   - MediaBox, TrimBox and BleedBox are set from the geometry;
 *   - a DCT image in DeviceCMYK whose JPEG has the Adobe marker gets
 *     /Decode [1 0 1 0 1 0 1 0];
 *   - the file is written with qpdf's deterministic /ID, so the same
 *     input gives the same bytes; the dates in /Info are the edition's,
 *     never the clock's.
 */
#ifndef ZAMEN_PRINT_PDF_H
#define ZAMEN_PRINT_PDF_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "print_design.h"

/* Boxes in PDF user space (points, origin at the bottom left). */
struct print_pdf_boxes {
	double media[4];
	double trim[4];  /* set when has_trim */
	double bleed[4]; /* set when has_bleed */
	bool has_trim, has_bleed;
	/* /CreationDate and /ModDate, "D:20261125000000+01'00'": cairo
	 * writes its dates without the D: prefix the standard asks for. */
	const char *date;
};

/* Rewrites the colour operators of one content stream s[0..len), mapping
 * RGB stand-ins to the CMYK of colours[0..n). *unknown (may be NULL) gets
 * the number of colours that were no stand-in. Returns the new stream. */
GString *print_pdf_recolour(const char *s, size_t len,
                            const struct print_colour *colours, size_t n,
                            int *unknown);

/* Finishes the one-page PDF pdf[0..len) as above. Returns the new PDF
 * (g_free) and its length, or NULL with *why (g_free) saying what went
 * wrong inside qpdf. *unknown as for print_pdf_recolour. */
unsigned char *print_pdf_finish(const unsigned char *pdf, size_t len,
                                const struct print_design *pd,
                                const struct print_pdf_boxes *boxes,
                                size_t *out_len, int *unknown, char **why);

#endif
