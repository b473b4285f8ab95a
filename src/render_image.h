/*
 * render_image.h: the images of the website, as image.h makes them.
 *
 * No image file from content/ is ever published as it is: a phone photo
 * carries GPS, serial numbers and names (image.h). Every story photo,
 * partner logo, Markdown image and link to an image goes out as files
 * image_make() made: upright, in sRGB, without metadata, in a few widths
 * (never wider than the image), as WebP with a JPEG fallback (PNG for a
 * logo or body image with transparency), in img/ at the root of the
 * output:
 *
 *   img/<first 16 hex of image_key()>-<width>.<ext>
 *
 * The name follows from the content and the settings, so a photo on two
 * pages is written once, and a photo that changes gets a new name (no
 * browser keeps the old one).
 *
 * Pages are rendered by several threads. While a page is rendered,
 * picture_add() decides the files of an image and names them; that needs
 * only image_probe()'s description of it (known in memory since check
 * decoded it), never its pixels. After the pages, picture_write() makes
 * every file once, in parallel, and writes it: with a warm cache, nothing
 * is decoded.
 */
#ifndef ZAMEN_RENDER_IMAGE_H
#define ZAMEN_RENDER_IMAGE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "image.h"
#include "model_link.h"
#include "write_tree.h"

/* What an image is for: it decides its widths and formats. */
enum picture_use {
	PICTURE_PHOTO, /* a story's foto: 480, 680, 1020, 1360 px; WebP and
	                  JPEG (transparency on white) */
	PICTURE_BODY,  /* ![alt](x.jpg): the widths of a photo; WebP and JPEG,
	                  or PNG when it is transparent */
	PICTURE_LOGO,  /* a partner's logo: 200 and 400 px, as BODY */
	PICTURE_LINK,  /* [tekst](x.jpg): the widest fallback of BODY only */
	PICTURE_SHARE, /* Open Graph: one JPEG of at most 1200 px */
};

/* The `sizes` of an image as wide as the text column, and of a logo.
 * They mirror layouts/assets/zamen.css (change them together): the column
 * is --maat 34rem of a 20 px root (125%), 680 px, inside 1.25rem of
 * padding each side; at 40rem (640 px) and less the root is 18 px
 * (112.5%); a logo is at most 10rem wide. In `sizes`, as in a media
 * query, 1rem is the browser's default (16 px), not the page's root: 34
 * rem of 20 px is 42.5rem there. */
#define PICTURE_SIZES_COLUMN                                                   \
	"(min-width: 45.625rem) 42.5rem, (min-width: 40.0625rem) "             \
	"calc(100vw - 3.125rem), calc(100vw - 2.8125rem)"
#define PICTURE_SIZES_LOGO "(min-width: 40.0625rem) 12.5rem, 11.25rem"

#define PICTURE_MAX_WIDTHS 4

/* The files of one image for one use, each a path in the output
 * ("img/..."), narrowest first. Strings belong to the arena given to
 * picture_add(). */
struct picture {
	size_t n;
	int width[PICTURE_MAX_WIDTHS], height[PICTURE_MAX_WIDTHS];
	const char *webp[PICTURE_MAX_WIDTHS];     /* NULL for LINK, SHARE */
	const char *fallback[PICTURE_MAX_WIDTHS]; /* JPEG or PNG */
	const char *fallback_type;                /* "image/jpeg", ... */
};

/* The images of one build; images is its cache (image.h; may be NULL). */
struct picture_set;

struct picture_set *picture_set_new(struct image_cache *images);
/* NULL is fine. */
void picture_set_free(struct picture_set *ps);

/* Fills *out with the files of the image l (an attachment that
 * link_file_is_image() accepts and that may be published now) for use,
 * and remembers to make each of them. When the image cannot be described
 * (check reports that first, so this is defence in depth) reports at pos
 * (in the set; picture_write() hands it on) and returns false: the page
 * then shows no image, and the build fails. May be called from several
 * threads at once. */
bool picture_add(struct picture_set *ps, const struct link *l,
                 enum picture_use use, struct diag_pos pos, struct arena *a,
                 struct picture *out);

/* The srcset of p's WebP files (webp) or fallbacks, with w descriptors,
 * as linked from the page at page_path (render_url.h). In a. */
const char *picture_srcset(struct arena *a, const struct picture *p,
                           const char *page_path, bool webp);
/* The src of the <img>: the fallback 680 px wide, else the widest. */
const char *picture_src(struct arena *a, const struct picture *p,
                        const char *page_path);
/* The widest fallback (what a link to the image opens). */
const char *picture_widest(struct arena *a, const struct picture *p,
                           const char *page_path);

/* Appends <picture><source ...><img ...></picture> for p to out: width and
 * height of the widest file (the browser reserves the space), alt
 * escaped; lazy adds loading="lazy" decoding="async" (below the fold). */
void picture_html(GString *out, struct arena *a, const struct picture *p,
                  const char *page_path, const char *alt, const char *sizes,
                  bool lazy);

/* Makes every file the pages asked for (image_make(), in parallel, from
 * the cache when it can) and writes it into w. Reports what picture_add()
 * could not describe, and every image that cannot be made (naming its
 * source file), into d. Returns false when anything failed. */
bool picture_write(struct picture_set *ps, struct write_out *w,
                   struct diags *d);

#endif
