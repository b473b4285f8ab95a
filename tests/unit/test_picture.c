/* test_picture.c: which files render_image.h makes of an image, their
 * names, and the markup that shows them. The images are those of
 * tests/sites/model (an 800 x 500 JPEG photo, a transparent 300 x 200 PNG,
 * a 400 x 200 logo without transparency), read without a cache. */
#include "testutil.h"

#include <string.h>

#include "render_image.h"

#define CONTENT "tests/sites/model/content/"

struct fixture {
	struct picture_set *ps;
	struct arena *a;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->ps = picture_set_new(NULL);
	f->a = arena_new();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	picture_set_free(f->ps);
	arena_free(f->a);
	free(f);
	return 0;
}

/* The link model_link.h would give for the file at path (from the source
 * folder tests/sites/model). */
static struct link file_link(struct arena *a, const char *path)
{
	char *cwd = g_get_current_dir();
	struct link l = {.kind = LINK_FILE};
	l.path = arena_strdup(a, path);
	l.real = arena_printf(a, "%s/tests/sites/model/%s", cwd, path);
	l.name = strrchr(l.path, '/') + 1;
	g_free(cwd);
	return l;
}

static void assert_name(const char *name, int width, const char *ext)
{
	char want[32];
	snprintf(want, sizeof want, "-%d.%s", width, ext);
	assert_true(g_str_has_prefix(name, "img/"));
	assert_int_equal(strlen(name), 4 + 16 + strlen(want));
	for (int i = 4; i < 20; i++)
		assert_true(g_ascii_isxdigit(name[i]) &&
		            !g_ascii_isupper(name[i]));
	assert_string_equal(name + 20, want);
}

static void a_photo_in_the_widths_it_has(void **state)
{
	struct fixture *f = *state;
	struct link l = file_link(f->a, "content/verhalen/anoniem.jpg");
	struct picture p, share;
	assert_true(picture_add(f->ps, &l, PICTURE_PHOTO,
	                        (struct diag_pos){"x.md", 1, 1}, f->a, &p));
	/* 800 px wide: 480, 680 and its own width; never 1020 or 1360. */
	assert_int_equal(p.n, 3);
	static const int w[] = {480, 680, 800}, h[] = {300, 425, 500};
	for (size_t i = 0; i < p.n; i++) {
		assert_int_equal(p.width[i], w[i]);
		assert_int_equal(p.height[i], h[i]);
		assert_name(p.webp[i], w[i], "webp");
		assert_name(p.fallback[i], w[i], "jpg");
	}
	assert_string_equal(p.fallback_type, "image/jpeg");
	/* Open Graph: one JPEG of at most 1200 px, the 800 px fallback
	 * itself (one file, written once). */
	assert_true(picture_add(f->ps, &l, PICTURE_SHARE,
	                        (struct diag_pos){"x.md", 1, 1}, f->a, &share));
	assert_int_equal(share.n, 1);
	assert_int_equal(share.width[0], 800);
	assert_null(share.webp[0]);
	assert_string_equal(share.fallback[0], p.fallback[2]);
	/* The same photo again gives the same names. */
	struct picture again;
	assert_true(picture_add(f->ps, &l, PICTURE_PHOTO,
	                        (struct diag_pos){"y.md", 1, 1}, f->a, &again));
	for (size_t i = 0; i < p.n; i++)
		assert_string_equal(again.webp[i], p.webp[i]);

	assert_string_equal(picture_src(f->a, &p, "verhalen/anoniem/"),
	                    arena_printf(f->a, "../../%s", p.fallback[1]));
	assert_string_equal(
	    picture_srcset(f->a, &p, "verhalen/anoniem/", true),
	    arena_printf(f->a, "../../%s 480w, ../../%s 680w, ../../%s 800w",
	                 p.webp[0], p.webp[1], p.webp[2]));
}

static void a_transparent_image_keeps_its_transparency(void **state)
{
	struct fixture *f = *state;
	struct link l = file_link(f->a, "content/kaart.png");
	struct picture p, link;
	assert_true(picture_add(f->ps, &l, PICTURE_BODY,
	                        (struct diag_pos){"x.md", 1, 1}, f->a, &p));
	/* Narrower than 480: its own width only, and a PNG. */
	assert_int_equal(p.n, 1);
	assert_int_equal(p.width[0], 300);
	assert_name(p.fallback[0], 300, "png");
	assert_string_equal(p.fallback_type, "image/png");
	/* A link opens the widest fallback, and makes nothing else. */
	assert_true(picture_add(f->ps, &l, PICTURE_LINK,
	                        (struct diag_pos){"x.md", 1, 1}, f->a, &link));
	assert_int_equal(link.n, 1);
	assert_null(link.webp[0]);
	assert_string_equal(link.fallback[0], p.fallback[0]);

	GString *html = g_string_new(NULL);
	picture_html(html, f->a, &p, "over-ons/", "Een \"kaart\"", "50vw",
	             true);
	assert_string_equal(
	    html->str,
	    arena_printf(f->a,
	                 "<picture><source type=\"image/webp\" srcset=\"../%s "
	                 "300w\" sizes=\"50vw\"><img src=\"../%s\" "
	                 "srcset=\"../%s 300w\" sizes=\"50vw\" width=\"300\" "
	                 "height=\"200\" alt=\"Een &quot;kaart&quot;\" "
	                 "loading=\"lazy\" decoding=\"async\"></picture>",
	                 p.webp[0], p.fallback[0], p.fallback[0]));
	g_string_free(html, TRUE);
}

static void a_logo_in_two_widths(void **state)
{
	struct fixture *f = *state;
	struct link l = file_link(f->a, "content/partners/stichting-logo.png");
	struct picture p;
	assert_true(picture_add(f->ps, &l, PICTURE_LOGO,
	                        (struct diag_pos){"x.md", 1, 1}, f->a, &p));
	assert_int_equal(p.n, 2);
	assert_int_equal(p.width[0], 200);
	assert_int_equal(p.height[0], 100);
	assert_int_equal(p.width[1], 400);
	/* No transparency: a JPEG is smaller. */
	assert_name(p.fallback[1], 400, "jpg");
	assert_string_equal(picture_src(f->a, &p, "partners/stichting/"),
	                    arena_printf(f->a, "../../%s", p.fallback[1]));
}

static void an_image_that_cannot_be_read_fails_the_build(void **state)
{
	struct fixture *f = *state;
	struct link l = file_link(f->a, "content/verhalen/anoniem.md");
	struct picture p;
	assert_false(picture_add(f->ps, &l, PICTURE_BODY,
	                         (struct diag_pos){"content/over-ons.md", 7, 0},
	                         f->a, &p));
	struct diags *d = diags_new();
	assert_false(picture_write(f->ps, NULL, d));
	char *text = diags_to_string(d);
	assert_non_null(strstr(text,
	                       "content/over-ons.md:7: fout: de afbeelding "
	                       "'content/verhalen/anoniem.md' kan niet "
	                       "gebruikt worden: het is geen JPEG-"));
	g_free(text);
	diags_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(a_photo_in_the_widths_it_has, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        a_transparent_image_keeps_its_transparency, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_logo_in_two_widths, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        an_image_that_cannot_be_read_fails_the_build, setup, teardown),
	};
	return cmocka_run_group_tests_name("picture", tests, NULL, NULL);
}
