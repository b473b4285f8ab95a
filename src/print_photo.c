#include "print_photo.h"

#include <glib.h>
#include <math.h>
#include <string.h>

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

bool print_photo_jpeg_info(const unsigned char *data, size_t len,
                           struct print_photo *out)
{
	if (len < 4 || data[0] != 0xff || data[1] != 0xd8)
		return false;
	bool found = false;
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

struct print_photo *print_photo_new(GBytes *jpeg)
{
	gsize len = 0;
	const unsigned char *data = g_bytes_get_data(jpeg, &len);
	struct print_photo *p = g_new0(struct print_photo, 1);
	if (!data || !print_photo_jpeg_info(data, len, p)) {
		g_free(p);
		return NULL;
	}
	p->jpeg = g_bytes_ref(jpeg);
	return p;
}

void print_photo_free(struct print_photo *p)
{
	if (!p)
		return;
	if (p->jpeg)
		g_bytes_unref(p->jpeg);
	g_free(p);
}

cairo_surface_t *print_photo_surface(const struct print_photo *p)
{
	cairo_surface_t *s =
	    cairo_image_surface_create(CAIRO_FORMAT_RGB24, p->width, p->height);
	gsize len = 0;
	const void *data = g_bytes_get_data(p->jpeg, &len);
	GBytes *ref = g_bytes_ref(p->jpeg);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, data, len,
	                            (cairo_destroy_func_t)g_bytes_unref, ref);
	return s;
}

enum print_focus print_photo_focus(const char *foto_focus)
{
	static const struct {
		const char *name;
		enum print_focus focus;
	} names[] = {{"midden", PRINT_FOCUS_MIDDLE},
	             {"boven", PRINT_FOCUS_TOP},
	             {"onder", PRINT_FOCUS_BOTTOM},
	             {"links", PRINT_FOCUS_LEFT},
	             {"rechts", PRINT_FOCUS_RIGHT}};
	for (size_t i = 0; foto_focus && i < G_N_ELEMENTS(names); i++)
		if (!strcmp(foto_focus, names[i].name))
			return names[i].focus;
	return PRINT_FOCUS_ATTENTION;
}

void print_photo_cut(int width, int height, double aspect,
                     enum print_focus focus, const double attention[4],
                     double crop[4])
{
	double w = width, h = height;
	if (w / h > aspect)
		w = h * aspect;
	else
		h = w / aspect;
	double mid_x = (width - w) / 2, mid_y = (height - h) / 2;
	double x = mid_x, y = mid_y;
	if (attention && focus != PRINT_FOCUS_MIDDLE) {
		x = attention[0];
		y = attention[1];
	}
	switch (focus) {
	case PRINT_FOCUS_TOP:
		y = 0;
		break;
	case PRINT_FOCUS_BOTTOM:
		y = height - h;
		break;
	case PRINT_FOCUS_LEFT:
		x = 0;
		break;
	case PRINT_FOCUS_RIGHT:
		x = width - w;
		break;
	case PRINT_FOCUS_MIDDLE:
	case PRINT_FOCUS_ATTENTION:
		break;
	}
	/* The attention crop was asked for the same aspect; never trust it
	 * to stay inside. */
	crop[0] = fmax(0, fmin(x, width - w));
	crop[1] = fmax(0, fmin(y, height - h));
	crop[2] = w;
	crop[3] = h;
}

struct image_request print_photo_request(const double crop[4], double w,
                                         double h, double max_ppi)
{
	struct image_request rq = {.format = IMAGE_FORMAT_JPEG,
	                           .flatten = true,
	                           .quality = PRINT_PHOTO_QUALITY,
	                           .crop_x = crop[0],
	                           .crop_y = crop[1],
	                           .crop_w = crop[2],
	                           .crop_h = crop[3]};
	double most = ceil(max_ppi * w / 72);
	double px = fmin(floor(crop[2] + 1e-6), most);
	rq.width = px < 1 ? 1 : (int)px;
	rq.height = (int)lround(rq.width * h / w);
	if (rq.height < 1)
		rq.height = 1;
	return rq;
}
