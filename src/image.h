/*
 * image.h: every image zamen publishes, made anew with libvips.
 *
 * A phone photo is never published as it came: it carries the GPS position
 * of where it was taken (a storyteller's home), the camera's serial number
 * and the photographer's name, and it is often stored on its side with an
 * EXIF Orientation tag. Every image on the site and in the newspaper is
 * therefore decoded, turned upright, converted to sRGB and encoded again
 * without any metadata (EXIF, GPS, XMP, IPTC, ICC, comments, PNG text).
 *
 * Only the loaders zamen needs may run: JPEG, PNG, WebP, GIF and HEIF
 * (HEIC from an iPhone, AVIF); every other libvips loader (ImageMagick,
 * PDF, SVG, ...) is blocked, and a file is read by the loader its first
 * bytes call for, never by its name.
 *
 * What is made is kept in <source>/.zamen-cache/afbeeldingen/, under the
 * SHA-256 of the source's bytes and every setting that shapes the result,
 * so a build whose cache is warm decodes and encodes nothing, and the same
 * sources give the same bytes. The cache is only ever a copy: any entry may
 * go, and one that cannot be written is made again next time.
 *
 * Everything here may be called from several threads at once.
 */
#ifndef ZAMEN_IMAGE_H
#define ZAMEN_IMAGE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/* More pixels than any page needs, and than a check should decode: a file
 * of a few hundred bytes may claim 40000 x 40000. */
#define IMAGE_MAX_PIXELS 50e6

/* The version of the settings below: raise it when a change makes other
 * bytes, so no cache (of images or of newspaper pages) serves old ones. */
#define IMAGE_PIPELINE "zamen afbeeldingen 1"

enum image_type {
	IMAGE_JPEG,
	IMAGE_PNG,
	IMAGE_WEBP,
	IMAGE_GIF,
	IMAGE_HEIF, /* HEIC, HEIF and AVIF: libheif */
};

struct image_info {
	int width, height; /* upright: after the EXIF orientation */
	bool alpha;        /* has an alpha channel */
	enum image_type type;
	char digest[65]; /* SHA-256 of the file's bytes, hex */
};

enum image_format {
	IMAGE_FORMAT_JPEG,
	IMAGE_FORMAT_WEBP,
	IMAGE_FORMAT_PNG,
};

/* What to make of an image. The part of the upright image to take is
 * crop_x, crop_y, crop_w, crop_h in its pixels (crop_w 0: all of it); it
 * is scaled to width x height, never up (image_fit() computes a request
 * that holds to that). flatten puts transparency on white; JPEG always
 * does. */
struct image_request {
	enum image_format format;
	int width, height;
	double crop_x, crop_y, crop_w, crop_h;
	bool flatten;
	int quality; /* 1-100 */
};

/* The cache of a source folder, and the counts of a build. */
struct image_cache;

/* Opens the cache in source/.zamen-cache/afbeeldingen/; with write, what
 * is made is kept (the folder is made with the first entry). Never fails:
 * without a usable folder (read-only, a symbolic link) nothing is
 * cached. */
struct image_cache *image_cache_new(const char *source, bool write);

/* From now on keep (or not) what is made: `zamen print` reads the site
 * without writing, and keeps only once its output is allowed. */
void image_cache_keep(struct image_cache *c, bool write);

/* Removes what no build has used for 30 days (when writing) and frees c;
 * NULL is fine. */
void image_cache_free(struct image_cache *c);

/* How many images were decoded or encoded, and how many were served from
 * the cache, since image_cache_new(). */
void image_cache_counts(const struct image_cache *c, unsigned *worked,
                        unsigned *cached);

/* Reads the image at path (an absolute path that model_link.h accepted)
 * and decodes every pixel of it, unless the cache knows its bytes already;
 * fills *info. Returns NULL, or why it cannot be used and what to do, in
 * Dutch, to follow "foto 'x' kan niet gebruikt worden: " (static or in
 * buf). c may be NULL. */
const char *image_probe(struct image_cache *c, const char *path,
                        struct image_info *info, char *buf, size_t size);

/* The request for the whole image in format, at most max_width wide
 * (never wider than the image), its height in proportion. */
struct image_request image_fit(const struct image_info *info,
                               enum image_format format, int max_width);

/* The key of what rq makes of info's image: a hex SHA-256 of the source's
 * digest, the request and IMAGE_PIPELINE. Fills key (65 bytes). */
void image_key(const struct image_info *info, const struct image_request *rq,
               char key[65]);

/* The file extension of format, without dot: "jpg", "webp", "png". */
const char *image_format_ext(enum image_format format);

/* The part of the upright image, of aspect ratio aspect (width over
 * height), that libvips' attention strategy keeps (faces, skin, detail):
 * fills crop with x, y, w, h in the image's pixels. On any failure the
 * middle part. */
void image_attention_crop(struct image_cache *c, const char *path,
                          const struct image_info *info, double aspect,
                          double crop[4]);

/* Makes what rq asks of the image at path, which image_probe() described
 * as info, or takes it from the cache. Returns the encoded bytes (the
 * caller unrefs them), or NULL with why in buf (Dutch; the file changed or
 * could not be read again). */
GBytes *image_make(struct image_cache *c, const char *path,
                   const struct image_info *info,
                   const struct image_request *rq, char *buf, size_t size);

/* image_make() for n requests of one image at once: the source is read
 * and decoded once for all that are not in the cache. Fills out[i] for
 * every i and returns true, or returns false with none filled and why in
 * buf. A result is the same whether made alone or with others. */
bool image_make_all(struct image_cache *c, const char *path,
                    const struct image_info *info,
                    const struct image_request *rq, size_t n, GBytes **out,
                    char *buf, size_t size);

#endif
