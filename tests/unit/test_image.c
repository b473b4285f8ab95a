/* image.h: what libvips makes of an editor's image, and its cache.
 *
 * The fixtures are made here with libvips itself: an upright portrait
 * picture (red above, blue below) stored on its side with EXIF
 * Orientation 6, as a phone stores it, with an Artist and a comment. */
#include "testutil.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vips/vips.h>

#include "image.h"

static char *dir;

static char *path_of(const char *name)
{
	return g_build_filename(dir, name, NULL);
}

static void write_bytes(const char *name, const void *data, size_t len)
{
	char *p = path_of(name);
	assert_true(g_file_set_contents(p, data, (gssize)len, NULL));
	g_free(p);
}

/* w x h upright: the top half red, the bottom half blue. */
static VipsImage *two_halves(int w, int h)
{
	VipsImage *red = NULL, *blue = NULL, *out = NULL;
	double r[3] = {220, 20, 20}, b[3] = {20, 20, 220};
	VipsImage *black = NULL;
	assert_int_equal(vips_black(&black, w, h / 2, "bands", 3, NULL), 0);
	double one[3] = {1, 1, 1};
	assert_int_equal(
	    vips_linear(black, &red, one, r, 3, "uchar", TRUE, NULL), 0);
	assert_int_equal(
	    vips_linear(black, &blue, one, b, 3, "uchar", TRUE, NULL), 0);
	assert_int_equal(
	    vips_join(red, blue, &out, VIPS_DIRECTION_VERTICAL, NULL), 0);
	g_object_unref(black);
	g_object_unref(red);
	g_object_unref(blue);
	return out;
}

/* The phone's way: the pixels turned a quarter to the left, and the tag
 * that says to turn them back. */
static void write_phone_jpeg(const char *name)
{
	VipsImage *up = two_halves(60, 80), *side = NULL;
	assert_int_equal(vips_rot(up, &side, VIPS_ANGLE_D270, NULL), 0);
	VipsImage *tagged = NULL;
	assert_int_equal(vips_copy(side, &tagged, NULL), 0);
	vips_image_set_int(tagged, VIPS_META_ORIENTATION, 6);
	vips_image_set_string(tagged, "exif-ifd0-Artist", "GEHEIM-ARTIST");
	void *buf = NULL;
	size_t len = 0;
	assert_int_equal(
	    vips_jpegsave_buffer(tagged, &buf, &len, "Q", 90, NULL), 0);
	write_bytes(name, buf, len);
	g_free(buf);
	g_object_unref(tagged);
	g_object_unref(side);
	g_object_unref(up);
}

static int setup(void **state)
{
	(void)state;
	dir = g_strdup("tests/out/image");
	char *rm = g_strdup_printf("rm -rf '%s'", dir);
	assert_int_equal(system(rm), 0);
	g_free(rm);
	assert_int_equal(g_mkdir_with_parents(dir, 0755), 0);
	/* image.h starts libvips on first use; the fixtures need it
	 * before that. */
	struct image_info info;
	char buf[200];
	write_bytes("leeg.png", "", 0);
	(void)image_probe(NULL, "tests/out/image/leeg.png", &info, buf,
	                  sizeof buf);
	write_phone_jpeg("telefoon.jpg");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	g_free(dir);
	return 0;
}

static VipsImage *decode(GBytes *b)
{
	gsize n;
	const void *data = g_bytes_get_data(b, &n);
	VipsImage *img = vips_image_new_from_buffer(data, n, "", NULL);
	assert_non_null(img);
	return img;
}

static void pixel(VipsImage *img, int x, int y, double rgb[3])
{
	double *v = NULL;
	int n = 0;
	assert_int_equal(vips_getpoint(img, &v, &n, x, y, NULL), 0);
	assert_true(n >= 3);
	memcpy(rgb, v, 3 * sizeof *v);
	g_free(v);
}

static void phone_photo_comes_out_upright_and_bare(void **state)
{
	(void)state;
	char *p = path_of("telefoon.jpg");
	struct image_info info;
	char buf[200];
	assert_null(image_probe(NULL, p, &info, buf, sizeof buf));
	/* Stored 80 x 60, shown 60 x 80. */
	assert_int_equal(info.width, 60);
	assert_int_equal(info.height, 80);
	assert_int_equal(info.type, IMAGE_JPEG);
	for (int f = IMAGE_FORMAT_JPEG; f <= IMAGE_FORMAT_PNG; f++) {
		struct image_request rq =
		    image_fit(&info, (enum image_format)f, 30);
		assert_int_equal(rq.width, 30);
		assert_int_equal(rq.height, 40);
		GBytes *b = image_make(NULL, p, &info, &rq, buf, sizeof buf);
		assert_non_null(b);
		gsize n;
		const char *data = g_bytes_get_data(b, &n);
		assert_null(g_strstr_len(data, (gssize)n, "GEHEIM"));
		assert_null(g_strstr_len(data, (gssize)n, "Exif"));
		VipsImage *img = decode(b);
		assert_int_equal(vips_image_get_width(img), 30);
		assert_int_equal(vips_image_get_height(img), 40);
		assert_false(vips_image_get_typeof(img, "exif-data"));
		double top[3], bottom[3];
		pixel(img, 15, 3, top);
		pixel(img, 15, 36, bottom);
		assert_true(top[0] > 150 && top[2] < 100);
		assert_true(bottom[2] > 150 && bottom[0] < 100);
		g_object_unref(img);
		g_bytes_unref(b);
	}
	g_free(p);
}

static void never_wider_than_the_image(void **state)
{
	(void)state;
	struct image_info info = {.width = 600, .height = 400};
	struct image_request rq = image_fit(&info, IMAGE_FORMAT_WEBP, 1360);
	assert_int_equal(rq.width, 600);
	assert_int_equal(rq.height, 400);
	rq = image_fit(&info, IMAGE_FORMAT_WEBP, 301);
	assert_int_equal(rq.width, 301);
	assert_int_equal(rq.height, 201); /* 200.67 rounded */
}

static void keys_follow_bytes_and_settings(void **state)
{
	(void)state;
	struct image_info a = {.width = 600, .height = 400};
	memset(a.digest, 'a', 64);
	struct image_info b = a;
	b.digest[0] = 'b';
	struct image_request rq = image_fit(&a, IMAGE_FORMAT_JPEG, 300);
	char ka[65], kb[65], kc[65], again[65];
	image_key(&a, &rq, ka);
	image_key(&a, &rq, again);
	image_key(&b, &rq, kb);
	rq.quality++;
	image_key(&a, &rq, kc);
	assert_string_equal(ka, again);
	assert_string_not_equal(ka, kb);
	assert_string_not_equal(ka, kc);
	assert_int_equal(strlen(ka), 64);
}

static void what_is_no_image_is_refused(void **state)
{
	(void)state;
	struct image_info info;
	char buf[200];
	static const char svg[] =
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
	    "height=\"10\"/>";
	write_bytes("tekening.png", svg, sizeof svg - 1);
	char *p = path_of("tekening.png");
	const char *why = image_probe(NULL, p, &info, buf, sizeof buf);
	assert_non_null(why);
	assert_non_null(strstr(why, "geen JPEG-, PNG-, WebP- of HEIC"));
	g_free(p);
	/* Whatever reaches libvips itself: only the five loaders run. */
	VipsImage *img =
	    vips_image_new_from_buffer(svg, sizeof svg - 1, "", NULL);
	assert_null(img);
	vips_error_clear();
	static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n";
	img = vips_image_new_from_buffer(pdf, sizeof pdf - 1, "", NULL);
	assert_null(img);
	vips_error_clear();
}

static void a_cut_jpeg_is_an_error(void **state)
{
	(void)state;
	char *p = path_of("telefoon.jpg");
	gchar *data;
	gsize n;
	assert_true(g_file_get_contents(p, &data, &n, NULL));
	write_bytes("half.jpg", data, n / 2);
	g_free(data);
	g_free(p);
	p = path_of("half.jpg");
	struct image_info info;
	char buf[200];
	const char *why = image_probe(NULL, p, &info, buf, sizeof buf);
	assert_non_null(why);
	assert_non_null(strstr(why, "beschadigd"));
	g_free(p);
}

/* A PNG header that claims 40000 x 40000: refused from the header. */
static void a_pixel_bomb_is_refused_from_its_header(void **state)
{
	(void)state;
	/* IHDR 40000 x 40000, an IDAT of 64 zero bytes, IEND; CRCs by
	 * zlib.crc32. */
	static const unsigned char bomb[] = {
	    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00,
	    0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x9c, 0x40,
	    0x00, 0x00, 0x9c, 0x40, 0x08, 0x02, 0x00, 0x00, 0x00, 0xde,
	    0x6e, 0x99, 0x52, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41,
	    0x54, 0x78, 0x9c, 0x63, 0x60, 0xa0, 0x0c, 0x00, 0x00, 0x00,
	    0x40, 0x00, 0x01, 0xb7, 0x34, 0x7c, 0xef, 0x00, 0x00, 0x00,
	    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
	write_bytes("bom.png", bomb, sizeof bomb);
	char *p = path_of("bom.png");
	struct image_info info;
	char buf[200];
	const char *why = image_probe(NULL, p, &info, buf, sizeof buf);
	assert_non_null(why);
	assert_non_null(strstr(why, "1600 megapixel"));
	g_free(p);
}

static void a_warm_cache_does_no_work(void **state)
{
	(void)state;
	char *source = g_build_filename(dir, "bron", NULL);
	char *content = g_build_filename(source, "content", NULL);
	assert_int_equal(g_mkdir_with_parents(content, 0755), 0);
	char *from = path_of("telefoon.jpg");
	char *p = g_build_filename(content, "foto.jpg", NULL);
	gchar *data;
	gsize n;
	assert_true(g_file_get_contents(from, &data, &n, NULL));
	assert_true(g_file_set_contents(p, data, (gssize)n, NULL));
	g_free(data);
	GBytes *first = NULL;
	for (int round = 0; round < 2; round++) {
		struct image_cache *c = image_cache_new(source, true);
		struct image_info info;
		char buf[200];
		assert_null(image_probe(c, p, &info, buf, sizeof buf));
		struct image_request rq =
		    image_fit(&info, IMAGE_FORMAT_WEBP, 40);
		GBytes *b = image_make(c, p, &info, &rq, buf, sizeof buf);
		assert_non_null(b);
		unsigned worked, cached;
		image_cache_counts(c, &worked, &cached);
		if (round == 0) {
			assert_int_equal(worked, 2);
			assert_int_equal(cached, 0);
			first = b;
		} else {
			assert_int_equal(worked, 0);
			assert_int_equal(cached, 2);
			assert_true(g_bytes_equal(first, b));
			g_bytes_unref(b);
		}
		image_cache_free(c);
	}
	g_bytes_unref(first);
	g_free(p);
	g_free(from);
	g_free(content);
	g_free(source);
}

/* The bytes of a result do not depend on what else is made with it. */
static void made_together_or_alone_the_same(void **state)
{
	(void)state;
	char *p = path_of("telefoon.jpg");
	struct image_info info;
	char buf[200];
	assert_null(image_probe(NULL, p, &info, buf, sizeof buf));
	struct image_request rq[3] = {
	    image_fit(&info, IMAGE_FORMAT_WEBP, 50),
	    image_fit(&info, IMAGE_FORMAT_JPEG, 20),
	    {IMAGE_FORMAT_JPEG, 10, 10, 0, 20, 60, 60, true, 90},
	};
	GBytes *all[3];
	assert_true(
	    image_make_all(NULL, p, &info, rq, 3, all, buf, sizeof buf));
	for (int i = 2; i >= 0; i--) {
		GBytes *one =
		    image_make(NULL, p, &info, &rq[i], buf, sizeof buf);
		assert_non_null(one);
		assert_true(g_bytes_equal(one, all[i]));
		g_bytes_unref(one);
		g_bytes_unref(all[i]);
	}
	g_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(phone_photo_comes_out_upright_and_bare),
	    cmocka_unit_test(never_wider_than_the_image),
	    cmocka_unit_test(keys_follow_bytes_and_settings),
	    cmocka_unit_test(what_is_no_image_is_refused),
	    cmocka_unit_test(a_cut_jpeg_is_an_error),
	    cmocka_unit_test(a_pixel_bomb_is_refused_from_its_header),
	    cmocka_unit_test(a_warm_cache_does_no_work),
	    cmocka_unit_test(made_together_or_alone_the_same),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
