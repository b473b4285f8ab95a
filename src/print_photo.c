#include "print_photo.h"

#include <glib.h>
#include <string.h>

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 |
	       (unsigned)p[2] << 8 | p[3];
}

bool print_photo_jpeg_info(const unsigned char *data, size_t len,
                           struct print_photo *out)
{
	if (len < 4 || data[0] != 0xff || data[1] != 0xd8)
		return false;
	bool found = false;
	out->type = PRINT_PHOTO_JPEG;
	out->adobe = false;
	size_t i = 2;
	while (i + 4 <= len) {
		if (data[i] != 0xff)
			return false;
		unsigned char m = data[i + 1];
		if (m == 0xff) { /* fill byte */
			i++;
			continue;
		}
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
			i += 2;
			continue;
		}
		if (m == 0xda || m == 0xd9) /* start of scan, end of image */
			break;
		size_t seg = be16(data + i + 2);
		if (seg < 2 || i + 2 + seg > len)
			return false;
		const unsigned char *p = data + i + 4;
		bool sof = m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 &&
		           m != 0xcc;
		if (sof && seg >= 8) {
			out->height = (int)be16(p + 1);
			out->width = (int)be16(p + 3);
			out->components = p[5];
			found = true;
		} else if (m == 0xee && seg >= 7 && !memcmp(p, "Adobe", 5)) {
			out->adobe = true;
		}
		i += 2 + seg;
	}
	return found && out->width > 0 && out->height > 0 &&
	       (out->components == 1 || out->components == 3 ||
	        out->components == 4);
}

struct print_photo *print_photo_load(const char *path, const char **why)
{
	gchar *data = NULL;
	gsize len = 0;
	if (!g_file_get_contents(path, &data, &len, NULL)) {
		*why = "het bestand is niet te lezen";
		return NULL;
	}
	struct print_photo *p = g_new0(struct print_photo, 1);
	p->data = (unsigned char *)data;
	p->len = len;
	static const unsigned char png[8] = {0x89, 'P',  'N',  'G',
	                                     '\r', '\n', 0x1a, '\n'};
	bool known = print_photo_jpeg_info(p->data, len, p);
	if (!known && len >= 24 && !memcmp(p->data, png, 8) &&
	    !memcmp(p->data + 12, "IHDR", 4)) {
		p->type = PRINT_PHOTO_PNG;
		p->width = (int)be32(p->data + 16);
		p->height = (int)be32(p->data + 20);
		p->components = 3;
		known = p->width > 0 && p->height > 0;
	}
	/* A header of a few bytes may claim 30000 x 30000: a surface of
	 * that size would take gigabytes before a pixel is read. */
	if (known && (double)p->width * p->height > PRINT_PHOTO_MAX_PIXELS) {
		*why = "de foto heeft meer dan 50 megapixel; verklein hem";
		print_photo_free(p);
		return NULL;
	}
	if (known)
		return p;
	*why = "het is geen JPEG- of PNG-bestand dat zamen kan lezen";
	print_photo_free(p);
	return NULL;
}

void print_photo_free(struct print_photo *p)
{
	if (!p)
		return;
	g_free(p->data);
	g_free(p);
}

struct png_reader {
	const unsigned char *data;
	size_t len, at;
};

static cairo_status_t read_png(void *closure, unsigned char *buf,
                               unsigned int n)
{
	struct png_reader *r = closure;
	if (r->len - r->at < n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(buf, r->data + r->at, n);
	r->at += n;
	return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *print_photo_surface(const struct print_photo *p)
{
	if (p->type == PRINT_PHOTO_JPEG) {
		cairo_surface_t *s = cairo_image_surface_create(
		    CAIRO_FORMAT_RGB24, p->width, p->height);
		unsigned char *copy = g_memdup2(p->data, p->len);
		cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy,
		                            p->len, g_free, copy);
		return s;
	}
	struct png_reader r = {p->data, p->len, 0};
	cairo_surface_t *png =
	    cairo_image_surface_create_from_png_stream(read_png, &r);
	if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(png);
		return NULL;
	}
	/* Opaque on white: an alpha channel would become a soft mask, and
	 * with it transparency on the page. */
	int w = cairo_image_surface_get_width(png);
	int h = cairo_image_surface_get_height(png);
	cairo_surface_t *flat =
	    cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(flat);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_surface(cr, png, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(png);
	return flat;
}
