/*
 * test_print.c: the print stage's parts one by one (hyphenation, the
 * colour rewrite, JPEG headers, the flow's rules, the design's checks,
 * the copy-fit message) and print_edition() on tests/print/site. The
 * PDF itself is checked from outside, with poppler and qpdf, by
 * tests/print.sh.
 */
#include "testutil.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "load_tree.h"
#include "print.h"
#include "print_design.h"
#include "print_flow.h"
#include "print_hyph.h"
#include "print_pdf.h"
#include "print_photo.h"

#define DIC "/usr/share/hyphen/hyph_nl_NL.dic"
#define SITE "tests/print/site"
#define SHY PRINT_SOFT_HYPHEN

static char *hyphenate(const struct print_hyph *h, const char *s)
{
	GString *out = g_string_new(NULL);
	print_hyph_append(h, out, s, strlen(s));
	return g_string_free(out, FALSE);
}

static void test_hyphenation(void **state)
{
	(void)state;
	struct print_hyph *h = print_hyph_new(DIC, 2, 3);
	assert_non_null(h);
	char *s = hyphenate(h, "boerderij");
	assert_string_equal(s, "boer" SHY "de" SHY "rij");
	g_free(s);
	/* Latin-1 letters go through the ISO-8859-1 patterns and come back
	 * as the UTF-8 they were. */
	s = hyphenate(h, "Ze was geïnteresseerd.");
	assert_string_equal(s, "Ze was ge" SHY "ïn" SHY "te" SHY "res" SHY
	                       "seerd.");
	g_free(s);
	/* Three letters stay together at the end of a word. */
	s = hyphenate(h, "koffieochtend");
	assert_null(strstr(s, SHY "end"));
	g_free(s);
	/* Abbreviations, addresses and letters outside Latin-1: whole. */
	s = hyphenate(h, "GGD contactpunt@zameneen.nl www.zameneen.nl "
	                 "Łukaszowski");
	assert_string_equal(s, "GGD contactpunt@zameneen.nl "
	                       "www.zameneen.nl Łukaszowski");
	g_free(s);
	s = hyphenate(NULL, "boerderij");
	assert_string_equal(s, "boerderij");
	g_free(s);
	print_hyph_free(h);
	assert_null(print_hyph_new("/bestaat/niet.dic", 2, 3));
	print_hyph_free(NULL);
}

static const struct print_colour palette[] = {
    {"zwart", 0, 0, 0, 1, 0, 0, 0},
    {"accent", 0, 0.58, 0.8, 0.06, 240, 101, 48},
    {"grijs", 0, 0, 0, 0.75, 64, 64, 64},
};

static char *recolour(const char *in, int *unknown)
{
	GString *out = print_pdf_recolour(in, strlen(in), palette,
	                                  G_N_ELEMENTS(palette), unknown);
	return g_string_free(out, FALSE);
}

static void test_recolour(void **state)
{
	(void)state;
	int unknown = 0;
	char *s = recolour("0 0 0 rg 0 0 0 RG\n"
	                   "0.941176 0.396078 0.188235 rg /a0 gs\n"
	                   "0.25098 0.25098 0.25098 RG 1 w\n",
	                   &unknown);
	assert_string_equal(s, "0 g 0 G\n"
	                       "0 0.58 0.8 0.06 k /a0 gs\n"
	                       "0.25 G 1 w\n");
	assert_int_equal(unknown, 0);
	g_free(s);

	/* Strings, comments and inline image data are never touched. */
	s = recolour("BT (0 0 0 rg) Tj <30 30> Tj ET % 1 1 1 rg\n"
	             "BI /W 1 /H 1 /BPC 8 /CS /G ID \x01 0 0 rg\nEI 1 1 1 rg",
	             &unknown);
	assert_string_equal(s, "BT (0 0 0 rg) Tj <30 30> Tj ET % 1 1 1 rg\n"
	                       "BI /W 1 /H 1 /BPC 8 /CS /G ID \x01 0 0 rg\nEI "
	                       "1 g");
	g_free(s);
	/* ... but the last one is an operator, and no stand-in: converted
	 * naively, and counted. */
	assert_int_equal(unknown, 1);

	/* A DeviceRGB colour space becomes DeviceCMYK, and its colours
	 * CMYK; q/Q keep what was set outside. */
	unknown = 0;
	s = recolour("/DeviceRGB cs q 0 0 0 sc Q 0.25098 0.25098 0.25098 scn "
	             "/DeviceGray cs 0 sc",
	             &unknown);
	assert_string_equal(s, "/DeviceCMYK cs q 0 0 0 1 sc Q 0 0 0 0.75 scn "
	                       "/DeviceGray cs 0 sc");
	assert_int_equal(unknown, 0);
	g_free(s);
}

static void test_jpeg_header(void **state)
{
	(void)state;
	/* SOI, APP14 "Adobe", SOF0 320 x 480 with 4 components, SOS. */
	static const unsigned char cmyk[] = {
	    0xff, 0xd8, 0xff, 0xee, 0x00, 0x0e, 'A',  'd',  'o',  'b',  'e',
	    0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x14,
	    0x08, 0x01, 0x40, 0x01, 0xe0, 0x04, 1,    0x11, 0,    2,    0x11,
	    0,    3,    0x11, 0,    4,    0x11, 0,    0xff, 0xda, 0x00, 0x02};
	struct print_photo p;
	assert_true(print_photo_jpeg_info(cmyk, sizeof cmyk, &p));
	assert_int_equal(p.width, 480);
	assert_int_equal(p.height, 320);
	assert_int_equal(p.components, 4);
	assert_true(p.adobe);
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', 0, 0, 0, 0};
	assert_false(print_photo_jpeg_info(png, sizeof png, &p));
	assert_false(print_photo_jpeg_info(cmyk, 20, &p)); /* cut short */

	GBytes *b = g_bytes_new_static(cmyk, sizeof cmyk);
	struct print_photo *ph = print_photo_new(b);
	assert_non_null(ph);
	assert_int_equal(ph->width, 480);
	print_photo_free(ph);
	g_bytes_unref(b);
	b = g_bytes_new_static(png, sizeof png);
	assert_null(print_photo_new(b));
	g_bytes_unref(b);
	print_photo_free(NULL);
}

/* What a crop keeps, and how many pixels go to the press. */
static void test_photo_cut(void **state)
{
	(void)state;
	double crop[4];
	/* 300 x 1200 into a place of aspect 1/2: 300 x 600 of it. */
	print_photo_cut(300, 1200, 0.5, PRINT_FOCUS_TOP, NULL, crop);
	assert_true(crop[0] == 0 && crop[1] == 0);
	assert_true(crop[2] == 300 && crop[3] == 600);
	print_photo_cut(300, 1200, 0.5, PRINT_FOCUS_BOTTOM, NULL, crop);
	assert_true(crop[1] == 600);
	print_photo_cut(300, 1200, 0.5, PRINT_FOCUS_MIDDLE, NULL, crop);
	assert_true(crop[1] == 300);
	/* Without a focus the attention crop decides; a side fixes only
	 * its own axis, and nothing leaves the image. */
	const double attention[4] = {0, 100, 300, 600};
	print_photo_cut(300, 1200, 0.5, PRINT_FOCUS_ATTENTION, attention, crop);
	assert_true(crop[1] == 100);
	print_photo_cut(300, 1200, 0.5, PRINT_FOCUS_LEFT, attention, crop);
	assert_true(crop[0] == 0 && crop[1] == 100);
	const double outside[4] = {-5, 900, 300, 600};
	print_photo_cut(300, 1200, 0.5, PRINT_FOCUS_ATTENTION, outside, crop);
	assert_true(crop[0] == 0 && crop[1] == 600);
	/* Landscape into a wide place: the sides go. */
	print_photo_cut(1600, 1200, 2, PRINT_FOCUS_RIGHT, NULL, crop);
	assert_true(crop[0] == 0 && crop[2] == 1600 && crop[3] == 800);
	print_photo_cut(1200, 1200, 0.5, PRINT_FOCUS_RIGHT, NULL, crop);
	assert_true(crop[0] == 600 && crop[2] == 600);

	assert_int_equal(print_photo_focus(NULL), PRINT_FOCUS_ATTENTION);
	assert_int_equal(print_photo_focus("onder"), PRINT_FOCUS_BOTTOM);
	assert_int_equal(print_photo_focus("rechts"), PRINT_FOCUS_RIGHT);

	/* 4000 pixels over 4 inch: 300 ppi of it, 1200; the height in
	 * proportion to the place. */
	const double big[4] = {0, 0, 4000, 3000};
	struct image_request rq = print_photo_request(big, 288, 216, 300);
	assert_int_equal(rq.width, 1200);
	assert_int_equal(rq.height, 900);
	assert_int_equal(rq.format, IMAGE_FORMAT_JPEG);
	assert_true(rq.flatten);
	assert_true(rq.crop_w == 4000);
	/* Never more pixels than the source has. */
	const double small[4] = {10, 20, 600, 450};
	rq = print_photo_request(small, 288, 216, 300);
	assert_int_equal(rq.width, 600);
	assert_int_equal(rq.height, 450);
	assert_true(rq.crop_x == 10 && rq.crop_y == 20);
}

/* The project's own design, as `zamen print` uses it. */
static struct print_design *design(void)
{
	struct diags *d = diags_new();
	struct print_design *pd = print_design_load(ZAMEN_LAYOUTS_DIR, d);
	char *msg = diags_to_string(d);
	if (!pd)
		fprintf(stderr, "%s", msg);
	g_free(msg);
	assert_non_null(pd);
	assert_int_equal(diags_errors(d), 0);
	diags_free(d);
	return pd;
}

static struct print_block *paragraph(const struct print_design *pd, int words)
{
	struct print_text t;
	print_text_init(&t, pd, PS_TEKST);
	for (int i = 0; i < words; i++)
		print_text_add(&t, i ? " woord" : "Woord", PS_TEKST, 0);
	struct print_block *b = print_block_text(&t, 130, false);
	assert_non_null(b);
	return b;
}

/* Columns of the same width, each `lines` body lines high. */
static void columns(struct print_column *c, int n, const int *lines,
                    double leading)
{
	for (int i = 0; i < n; i++)
		c[i] = (struct print_column){i * 150.0, 0, lines[i] * leading,
		                             130};
}

static void test_flow(void **state)
{
	(void)state;
	struct print_design *pd = design();
	struct print_block *b = paragraph(pd, 30);
	int n = b->n_lines;
	assert_true(n >= 9);
	double lead = b->leading;
	struct print_column cols[3];
	struct print_flow f;

	/* Room for all but one line: not one line alone at the top of the
	 * next column (a widow), so two go over. */
	int h1[] = {n - 1, 40};
	columns(cols, 2, h1, lead);
	assert_true(print_flow_run(&b, 1, cols, 2, lead, &f));
	assert_int_equal(f.placed->len, 2);
	struct print_placed *p =
	    &g_array_index(f.placed, struct print_placed, 0);
	assert_int_equal(p[0].n, n - 2);
	assert_int_equal(p[1].first, n - 2);
	assert_int_equal(p[1].n, 2);
	assert_int_equal(p[1].column, 1);
	print_flow_clear(&f);

	/* Room for one line: not one line alone at the foot (an orphan), so
	 * the paragraph starts in the next column. */
	int h2[] = {1, 40};
	columns(cols, 2, h2, lead);
	assert_true(print_flow_run(&b, 1, cols, 2, lead, &f));
	assert_int_equal(f.placed->len, 1);
	p = &g_array_index(f.placed, struct print_placed, 0);
	assert_int_equal(p[0].column, 1);
	assert_int_equal(p[0].n, n);
	/* The room left: the rest of the second column. */
	assert_int_equal((int)(f.room / lead + 0.5), 40 - n);
	print_flow_clear(&f);

	/* Too little room in all: the flow stops, and says where. */
	int h3[] = {2, 2, 2};
	columns(cols, 3, h3, lead);
	assert_false(print_flow_run(&b, 1, cols, 3, lead, &f));
	assert_int_equal(f.stop_block, 0);
	assert_int_equal(f.stop_line, 6);
	print_flow_clear(&f);

	/* A heading is kept with the start of what follows it. */
	struct print_text t;
	print_text_init(&t, pd, PS_TUSSENKOP);
	print_text_add(&t, "Een kop", PS_TUSSENKOP, 0);
	struct print_block *head = print_block_text(&t, 130, false);
	head->keep_together = head->keep_with_next = true;
	struct print_block *pair[2] = {head, b};
	int h4[] = {3, 40};
	columns(cols, 2, h4, lead);
	assert_true(print_flow_run(pair, 2, cols, 2, lead, &f));
	p = &g_array_index(f.placed, struct print_placed, 0);
	assert_int_equal(p[0].column, 1);
	print_flow_clear(&f);

	print_block_free(head);
	print_block_free(b);
	print_design_free(pd);
}

/* A copy of the project's design with one line changed, in a folder of
 * its own (the fonts linked). Returns the messages of loading it. */
static char *load_changed(const char *from, const char *to)
{
	char *dir = g_dir_make_tmp("zamen-ontwerp-XXXXXX", NULL);
	char *journaal = g_build_filename(dir, "journaal", NULL);
	g_mkdir(journaal, 0755);
	char *fonts = g_build_filename(dir, "fonts", NULL);
	assert_int_equal(symlink(ZAMEN_LAYOUTS_DIR "/fonts", fonts), 0);
	char *text;
	assert_true(g_file_get_contents(
	    ZAMEN_LAYOUTS_DIR "/journaal/ontwerp.yaml", &text, NULL, NULL));
	GString *s = g_string_new(text);
	g_free(text);
	assert_int_equal(g_string_replace(s, from, to, 1), 1);
	char *file = g_build_filename(journaal, "ontwerp.yaml", NULL);
	assert_true(g_file_set_contents(file, s->str, -1, NULL));
	g_string_free(s, TRUE);

	struct diags *d = diags_new();
	struct print_design *pd = print_design_load(dir, d);
	assert_null(pd);
	char *msg = diags_to_string(d);
	/* Messages name the file as given; keep what follows it. */
	char *r = g_strdup(strstr(msg, "ontwerp.yaml:"));
	g_free(msg);
	diags_free(d);
	g_unlink(file);
	g_unlink(fonts);
	g_rmdir(journaal);
	g_rmdir(dir);
	g_free(file);
	g_free(fonts);
	g_free(journaal);
	g_free(dir);
	return r;
}

static void test_design_checks(void **state)
{
	(void)state;
	char *msg =
	    load_changed("  tekst:\n    letter: tekst\n    grootte: 10\n",
	                 "  tekst:\n    letter: tekst\n    grootte: 7\n");
	assert_non_null(strstr(msg, "fout: 'stijlen.tekst.grootte' is 7 pt: "
	                            "kleiner dan 8 pt is voor onze lezers te "
	                            "klein"));
	g_free(msg);
	msg = load_changed("    kleur: accent\n    hoofdletters: ja\n",
	                   "    kleurr: accent\n    hoofdletters: ja\n");
	assert_non_null(strstr(msg, "fout: onbekende sleutel "
	                            "'stijlen.rubriek.kleurr' — bedoelde u "
	                            "'stijlen.rubriek.kleur'?"));
	g_free(msg);
	msg = load_changed("  zwart: [0, 0, 0, 100]", "  zwart: [0, 0, 0, 90]");
	assert_non_null(strstr(msg, "'kleuren' moet 'zwart: [0, 0, 0, 100]' "
	                            "hebben"));
	g_free(msg);
	msg = load_changed("    cursief: ja\n    grootte: 10\n",
	                   "    cursief: ja\n    gewicht: zwart\n    grootte: "
	                   "10\n");
	assert_non_null(strstr(msg, "stijl 'auteur': lettertype 'Lato' zwart "
	                            "cursief staat niet in layouts/fonts/"));
	g_free(msg);
	msg = load_changed("Elke week in {krant}", "Elke week in {krnt}");
	assert_non_null(strstr(msg, "fout: 'teksten.kop_rechts' gebruikt "
	                            "{krnt}, dat zamen niet kent — bedoelde "
	                            "u {krant}?"));
	g_free(msg);
	msg = load_changed("  accent: [0, 58, 80, 6]", "  accent: [0, 58, 80]");
	assert_non_null(strstr(msg, "kleur 'accent' is [C, M, Y, K] in "
	                            "procenten"));
	g_free(msg);
}

static void test_fit_message(void **state)
{
	(void)state;
	struct print_fit fit = {.fits = true, .lines = 1, .words = 1};
	char *s = print_fit_message(&fit);
	assert_string_equal(s, "er is nog ruimte voor 1 regel (ongeveer 1 "
	                       "woord)");
	g_free(s);
	fit = (struct print_fit){false, 14, 95,
	                         g_strdup("Inmiddels heeft "
	                                  "Gerda")};
	s = print_fit_message(&fit);
	assert_string_equal(s, "verhaal te lang: 14 regels (ongeveer 95 "
	                       "woorden); valt weg vanaf: ‘Inmiddels heeft "
	                       "Gerda …’");
	g_free(s);
	print_fit_clear(&fit);
	assert_null(fit.from);
	print_fit_clear(NULL);
}

struct fixture {
	struct arena *a;
	struct diags *d;
	struct site *s;
	struct print_design *pd;
};

static int setup(void **state)
{
	struct fixture *f = g_new0(struct fixture, 1);
	f->a = arena_new();
	f->d = diags_new();
	struct load_tree *t = load_tree(SITE, f->a, f->d);
	struct check_opts o = {.today = 0, .drafts = false};
	assert_true(date_parse("2026-11-22", &o.today, NULL));
	f->s = check_site(t, &o, f->d);
	assert_non_null(f->s);
	assert_int_equal(diags_errors(f->d), 0);
	diags_free(f->d);
	f->d = diags_new();
	f->pd = design();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	print_design_free(f->pd);
	site_free(f->s);
	diags_free(f->d);
	arena_free(f->a);
	g_free(f);
	return 0;
}

static void test_edition_fits(void **state)
{
	struct fixture *f = *state;
	struct print_fit fit;
	size_t len = 0;
	unsigned char *pdf = print_edition(
	    f->pd, f->s, site_edition(f->s, "2026-48"), &len, &fit, f->d);
	assert_non_null(pdf);
	assert_true(len > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	assert_true(fit.fits);
	assert_true(fit.lines > 0);
	assert_null(fit.from);
	assert_int_equal(diags_errors(f->d), 0);
	assert_int_equal(diags_warnings(f->d), 0);
	/* The anonymous storyteller's name is nowhere in the bytes (the
	 * text is compressed: tests/print.sh looks inside). */
	assert_null(g_strstr_len((const char *)pdf, (gssize)len, "Verborgen"));
	g_free(pdf);
	print_fit_clear(&fit);
}

static void test_edition_too_long(void **state)
{
	struct fixture *f = *state;
	struct print_fit fit;
	size_t len = 0;
	unsigned char *pdf = print_edition(
	    f->pd, f->s, site_edition(f->s, "2026-49"), &len, &fit, f->d);
	assert_non_null(pdf); /* the proof */
	assert_false(fit.fits);
	assert_int_equal(fit.lines, 17);
	assert_int_equal(fit.words, 74);
	assert_string_equal(fit.from, "Inmiddels heeft Gerda");
	char *msg = diags_to_string(f->d);
	assert_string_equal(msg, "content/journaal/2026-49.md:3:1: fout: "
	                         "verhaal te lang: 17 regels (ongeveer 74 "
	                         "woorden); valt weg vanaf: ‘Inmiddels heeft "
	                         "Gerda …’\n1 fout.\n");
	g_free(msg);
	g_free(pdf);
	print_fit_clear(&fit);
}

static void test_edition_draft(void **state)
{
	struct fixture *f = *state;
	size_t len = 0;
	assert_null(print_edition(f->pd, f->s, site_edition(f->s, "2026-50"),
	                          &len, NULL, f->d));
	char *msg = diags_to_string(f->d);
	assert_string_equal(msg, "content/journaal/2026-50.md:4:1: fout: deze "
	                         "editie is een concept (concept: true) en "
	                         "wordt niet gedrukt\n1 fout.\n");
	g_free(msg);
}

static void test_check_editions(void **state)
{
	struct fixture *f = *state;
	print_check_editions(f->pd, f->s, NULL, f->d);
	char *msg = diags_to_string(f->d);
	/* The draft is check's to report; here only what the page adds. */
	assert_string_equal(
	    msg, "content/journaal/2026-49.md:3:1: fout: verhaal te lang: 17 "
	         "regels (ongeveer 74 woorden); valt weg vanaf: ‘Inmiddels "
	         "heeft Gerda …’\n"
	         "content/verhalen/drukker/index.md:7:1: waarschuwing: foto "
	         "'foto.jpg' is te grof voor de krant: 84 ppi op 146 mm breed, "
	         "minstens 200 ppi is nodig (een foto van 1147 pixels breed of "
	         "meer)\n"
	         "1 fout, 1 waarschuwing.\n");
	g_free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_hyphenation),
	    cmocka_unit_test(test_recolour),
	    cmocka_unit_test(test_jpeg_header),
	    cmocka_unit_test(test_photo_cut),
	    cmocka_unit_test(test_flow),
	    cmocka_unit_test(test_design_checks),
	    cmocka_unit_test(test_fit_message),
	    cmocka_unit_test_setup_teardown(test_edition_fits, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_edition_too_long, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_edition_draft, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_check_editions, setup,
	                                    teardown),
	};
	return cmocka_run_group_tests_name("print", tests, NULL, NULL);
}
