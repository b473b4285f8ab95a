/*
 * main_print.c: `zamen print JJJJ-NR [--source MAP] [--output BESTAND]
 * [--today JJJJ-MM-DD]`: one edition as the print-ready newspaper page.
 *
 * The source is loaded and checked exactly as `zamen check` does; with
 * errors nothing is printed. Then the page is set (print.h). When the
 * story fits, the PDF goes to --output (a file, or a folder to put it
 * in), by default krant/<naam>-JJJJ-NR.pdf in the source folder, and the
 * room left is told. The default lies outside the published folder on
 * purpose: a page printed before its day must not sit at a guessable
 * address on the site; krant/ ignores itself in git. When it does not
 * fit, the copy-fit error says what to cut, a proof with the overflow
 * marked is written beside it as ...-proef.pdf (never under the name of
 * the real page, so it cannot be sent to the paper by mistake), and the
 * exit status is 1.
 *
 * write_pdf() (write_tree.h) never writes over a source file or anything
 * that is not a page zamen made; such an --output exits with 2.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "image.h"
#include "main_cli.h"
#include "main_print.h"
#include "print.h"
#include "render_url.h"
#include "write_tree.h"

struct print_cli {
	struct cli_common common; /* --source, --today */
	const char *edition, *output;
};

static bool is_edition_name(const char *s)
{
	if (strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

static int parse_args(int argc, char **argv, struct print_cli *c)
{
	cli_common_init(&c->common);
	int rc = EXIT_OK;
	for (int i = 2; i < argc; i++) {
		bool error = false;
		const char *v;
		if (cli_common_option(argc, argv, &i, &c->common, &rc)) {
			if (rc != EXIT_OK)
				return rc;
		} else if ((v = cli_option(argc, argv, &i, "--output",
		                           &error))) {
			c->output = v;
			if (!*v)
				return cli_usage_error(
				    "%s", "bij --output hoort een bestand");
		} else if (error) {
			return EXIT_USAGE;
		} else if (argv[i][0] == '-') {
			return cli_usage_error("onbekende optie '%s'", argv[i]);
		} else if (c->edition) {
			return cli_usage_error("één editie tegelijk; wat is "
			                       "'%s'?",
			                       argv[i]);
		} else {
			c->edition = argv[i];
		}
	}
	if (!c->edition)
		return cli_usage_error("%s", "welke editie? Bijvoorbeeld: "
		                             "zamen print 2026-48");
	if (!is_edition_name(c->edition))
		return cli_usage_error("een editie heet JJJJ-NR, bijvoorbeeld "
		                       "2026-48, niet '%s'",
		                       c->edition);
	return cli_common_check(&c->common);
}

/* "x.pdf" -> "x-proef.pdf" */
static char *proof_path(const char *path)
{
	size_t n = strlen(path);
	if (n > 4 && !g_ascii_strcasecmp(path + n - 4, ".pdf"))
		return g_strdup_printf("%.*s-proef.pdf", (int)(n - 4), path);
	return g_strdup_printf("%s-proef.pdf", path);
}

/* Writes the page; reports into a diags of its own, printed at once.
 * *refused is set when the place was refused. */
static bool write_page(const char *path, const char *source,
                       const unsigned char *pdf, size_t len, bool *refused)
{
	struct diags *d = diags_new();
	bool ok = write_pdf(path, source, pdf, len, d, refused);
	diags_print(d, stderr);
	diags_free(d);
	return ok;
}

/* Where the page goes: --output, a folder named by --output, or krant/ in
 * the source folder (made, with its .gitignore). Newly allocated. */
static char *page_path(const struct print_cli *c, struct cli_site *cs,
                       const struct edition *e)
{
	char *name =
	    g_path_get_basename(url_edition_pdf(cs->arena, cs->site, e));
	char *path;
	if (c->output && !cli_is_dir(c->output)) {
		path = g_strdup(c->output);
	} else if (c->output) {
		path = g_build_filename(c->output, name, NULL);
	} else {
		char *dir = g_build_filename(c->common.source, "krant", NULL);
		write_ignored_dir(dir,
		                  "# Gemaakt door zamen: krantenpagina's "
		                  "om naar de krant te sturen, geen bron.");
		path = g_build_filename(dir, name, NULL);
		g_free(dir);
	}
	g_free(name);
	return path;
}

int main_print(int argc, char **argv)
{
	struct print_cli c = {0};
	int rc = parse_args(argc, argv, &c);
	if (rc != EXIT_OK)
		return rc;

	struct check_opts opts = {.today = c.common.today,
	                          .drafts = false,
	                          .images =
	                              image_cache_new(c.common.source, false)};
	struct cli_site cs;
	if (!cli_load_site(c.common.source, &opts, &cs)) {
		diags_print(cs.diags, stderr);
		fprintf(stderr, "zamen: er is niets gedrukt; verbeter de "
		                "fouten hierboven en probeer het opnieuw.\n");
		cli_site_free(&cs);
		image_cache_free(opts.images);
		return EXIT_CONTENT;
	}
	const struct edition *e = site_edition(cs.site, c.edition);
	if (!e) {
		diags_print(cs.diags, stderr);
		fprintf(stderr,
		        "zamen: editie %s bestaat niet: er is geen "
		        "content/journaal/%s.md\n",
		        c.edition, c.edition);
		cli_site_free(&cs);
		image_cache_free(opts.images);
		return EXIT_CONTENT;
	}

	/* A refused --output is said before the page is made: nothing is
	 * touched, not even the image cache. */
	char *out = page_path(&c, &cs, e);
	if (!write_pdf_allowed(out, c.common.source, cs.diags)) {
		diags_print(cs.diags, stderr);
		g_free(out);
		cli_site_free(&cs);
		image_cache_free(opts.images);
		return EXIT_USAGE;
	}
	image_cache_keep(opts.images, true);

	char *layouts = cli_print_layouts_dir(c.common.source);
	struct print_design *pd = print_design_load(layouts, cs.diags);
	g_free(layouts);
	struct print_fit fit = {0};
	size_t len = 0;
	unsigned char *pdf =
	    pd ? print_edition(pd, cs.site, e, &len, &fit, cs.diags) : NULL;
	bool clean = pdf && fit.fits && diags_errors(cs.diags) == 0;
	diags_print(cs.diags, stderr);

	bool refused = false;
	rc = EXIT_CONTENT;
	if (clean) {
		if (write_page(out, c.common.source, pdf, len, &refused)) {
			char *room = print_fit_message(&fit);
			printf("zamen: krantenpagina geschreven: %s\n", out);
			printf("zamen: het verhaal past; %s.\n", room);
			g_free(room);
			rc = EXIT_OK;
		}
	} else if (pdf) {
		char *proof = proof_path(out);
		if (write_page(proof, c.common.source, pdf, len, &refused))
			fprintf(stderr,
			        "zamen: de pagina is niet drukklaar; een proef "
			        "met wat niet past gemarkeerd staat in %s\n",
			        proof);
		g_free(proof);
	} else {
		fprintf(stderr, "zamen: er is niets gedrukt; verbeter de "
		                "fouten hierboven en probeer het opnieuw.\n");
	}
	if (refused)
		rc = EXIT_USAGE;
	g_free(out);
	g_free(pdf);
	print_fit_clear(&fit);
	print_design_free(pd);
	cli_site_free(&cs);
	image_cache_free(opts.images);
	return rc;
}
