/*
 * main.c: the command line. Parses arguments, runs the stages in order and
 * alone decides the exit status: 0 all is well, 1 the content has errors
 * (nothing is written), 2 the command was used wrongly.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "check_schedule.h"
#include "image.h"
#include "main_cli.h"
#include "main_print.h"
#include "print.h"
#include "print_cache.h"
#include "render_url.h"
#include "render_site.h"
#include "render_tpl.h"
#include "write_tree.h"

#define ZAMEN_VERSION "0.1.0"

static const char help_text[] =
    "zamen maakt de website en de krantenpagina van het Zamen Een "
    "Journaal.\n"
    "\n"
    "Opdrachten:\n"
    "  check   controleer site.yaml en alle bestanden in content/ en meld\n"
    "          elke fout met bestand, regel en kolom\n"
    "  build   controleer alles en maak dan de website in de uitvoermap\n"
    "  print   zet een editie als krantenpagina (PDF), bijvoorbeeld:\n"
    "          zamen print 2026-48\n"
    "\n"
    "Opties:\n"
    "  --source MAP        de map met site.yaml en content/ (standaard: "
    "deze map)\n"
    "  --output MAP        waar de website komt (standaard: public/ in de\n"
    "                      bronmap; bij een voorbeeld: voorbeeld/). zamen\n"
    "                      schrijft alleen in een nieuwe of lege map, of\n"
    "                      een die het eerder maakte (met " WRITE_MARKER ").\n"
    "                      Bij print: het PDF-bestand (standaard in krant/\n"
    "                      in de bronmap)\n"
    "  --drafts            ook concepten (concept: true) tonen: een\n"
    "                      voorbeeld, dat nooit in public/ komt\n"
    "  --today JJJJ-MM-DD  doe alsof het vandaag deze datum is; bepaalt wat\n"
    "                      al verschenen en wat voorbij is (standaard: "
    "vandaag\n"
    "                      in Nederland). Een latere datum geeft een\n"
    "                      voorbeeld, net als --drafts\n"
    "  --help              deze hulp\n"
    "  --version           het versienummer\n"
    "\n"
    "Afsluitcode: 0 alles in orde, 1 fouten in de inhoud of het schrijven\n"
    "mislukt (er is niets veranderd), 2 verkeerd gebruik van de opdracht\n"
    "of een uitvoermap geweigerd (er is niets aangeraakt).\n";

struct cli {
	const char *command;
	struct cli_common common; /* --source, --today */
	const char *output;
	bool drafts;
	date_t real_today; /* today in the Netherlands, whatever --today says */
};

/* A build that shows what is not published yet (drafts, or the site as
 * it will be on a later day) is a preview: it gets its own folder, a
 * banner on every page, and no search engine may index it. */
static bool is_preview(const struct cli *c)
{
	return c->drafts || c->common.today > c->real_today;
}

static int parse_args(int argc, char **argv, struct cli *c)
{
	cli_common_init(&c->common);
	c->real_today = c->common.today;
	c->command = argv[1];
	int rc = EXIT_OK;
	bool is_build = !strcmp(c->command, "build");
	if (strcmp(c->command, "check") && !is_build)
		return cli_usage_error(
		    "onbekende opdracht '%s'; kies check, build of print",
		    c->command);
	for (int i = 2; i < argc; i++) {
		bool error = false;
		const char *v;
		if (cli_common_option(argc, argv, &i, &c->common, &rc)) {
			if (rc != EXIT_OK)
				return rc;
		} else if (is_build && (v = cli_option(argc, argv, &i,
		                                       "--output", &error))) {
			c->output = v;
			if (!*v)
				return cli_usage_error(
				    "%s", "bij --output hoort een map");
		} else if (error) {
			return EXIT_USAGE;
		} else if (is_build && !strcmp(argv[i], "--drafts")) {
			c->drafts = true;
		} else {
			return cli_usage_error("onbekende optie '%s'", argv[i]);
		}
	}
	return cli_common_check(&c->common);
}

/* The PDFs of the published editions, by edition, for the edition pages. */
struct pdfs {
	GHashTable *paths; /* const struct edition * -> path in the output */
	struct arena *a;
};

static const char *edition_pdf(void *data, const struct edition *e)
{
	struct pdfs *p = data;
	return g_hash_table_lookup(p->paths, e);
}

/* The printing of every published edition, on a thread of its own: the
 * print stage may run on one thread at a time (print.h), so it runs beside
 * the website's render threads rather than among them. */
struct print_job {
	const struct site *s;
	const char *layouts;
	struct write_out *w;
	struct pdfs *pdfs;
	struct diags *d; /* its own; merged after the join */
	bool ok;
};

/* Sets every published edition and writes its PDF; an edition whose story
 * does not fit is an error, so nothing half-built is published. A page
 * made before from the same inputs comes from the cache (print_cache.h). */
static gpointer print_editions(gpointer data)
{
	struct print_job *j = data;
	struct print_design *pd = print_design_load(j->layouts, j->d);
	struct print_cache *cache =
	    pd ? print_cache_open(pd, j->s, true) : NULL;
	j->ok = pd != NULL;
	for (size_t i = 0; pd && i < j->s->n_editions; i++) {
		const struct edition *e = j->s->editions[i];
		const char *path = g_hash_table_lookup(j->pdfs->paths, e);
		if (!path) {
			/* Laid out as check does, so that check and build
			 * report the same errors for every edition. */
			print_check_edition(pd, j->s, e, cache, j->d);
			continue;
		}
		if (!print_printable(j->s, e, j->d)) {
			j->ok = false;
			continue;
		}
		char key[65];
		print_cache_key(cache, e, key);
		size_t len;
		unsigned char *pdf = NULL;
		if (!print_cache_get(cache, key, &pdf, &len, j->d)) {
			struct diags *made = diags_new();
			struct print_fit fit = {0};
			pdf = print_edition(pd, j->s, e, &len, &fit, made);
			if (pdf && fit.fits) {
				print_cache_put(cache, key, pdf, len, made);
			} else {
				g_free(pdf);
				pdf = NULL;
				j->ok = false;
			}
			print_fit_clear(&fit);
			diags_merge(j->d, made);
			diags_free(made);
		}
		if (pdf)
			j->ok &= write_file(j->w, path, pdf, len);
		g_free(pdf);
	}
	j->ok &= diags_errors(j->d) == 0;
	print_cache_close(cache);
	print_design_free(pd);
	return NULL;
}

/* Where the build goes: --output, else public/ in the source folder, or
 * voorbeeld/ for a preview (never where the real site is). Newly
 * allocated (g_free). */
static char *output_dir(const struct cli *c)
{
	if (c->output)
		return g_strdup(c->output);
	return g_build_filename(c->common.source,
	                        is_preview(c) ? "voorbeeld" : "public", NULL);
}

static const char preview_ignore[] =
    "# Gemaakt door zamen: een voorbeeld, niet publiceren.\n*\n";

static void say_waiting(void *data, const char *output)
{
	(void)data;
	fprintf(stderr,
	        "zamen: een andere build schrijft nu naar %s of gebruikt "
	        "dezelfde bronmap; zamen wacht tot die klaar is.\n",
	        output);
}

static struct write_opts output_opts(const struct cli *c, const char *output)
{
	return (struct write_opts){
	    .output = output,
	    .source = c->common.source,
	    .kind = is_preview(c) ? WRITE_PREVIEW : WRITE_SITE,
	    .waiting = say_waiting,
	};
}

static void say_written(const struct cli *c, const char *output)
{
	if (!is_preview(c)) {
		printf("zamen: website geschreven in %s\n", output);
		return;
	}
	char day[11];
	date_format(c->common.today, day);
	char *why =
	    c->drafts && c->common.today > c->real_today
	        ? g_strdup_printf("met concepten, zoals op %s", day)
	    : c->drafts
	        ? g_strdup("met concepten")
	        : g_strdup_printf("zoals de site er op %s uitziet", day);
	printf("zamen: voorbeeld geschreven in %s (%s); niet publiceren.\n",
	       output, why);
	g_free(why);
}

/* What the images cost this build: with a warm cache, nothing is made. */
static void say_images(const struct image_cache *images)
{
	unsigned worked, cached;
	image_cache_counts(images, &worked, &cached);
	if (worked + cached > 0)
		printf("zamen: afbeeldingen: %u bewerkt, %u uit de cache.\n",
		       worked, cached);
}

/* Renders the checked site into the output folder, atomically. Returns
 * the exit status. */
static int build_site(const struct cli *c, const struct site *s,
                      struct diags *d)
{
	char *layouts = cli_layouts_dir(c->common.source);
	char *own = g_build_filename(c->common.source, "layouts", NULL);
	const char *report = strcmp(layouts, own) ? layouts : "layouts";
	struct tpl_set *t = tpl_load(layouts, report, d);
	g_free(own);
	if (!t) {
		g_free(layouts);
		return EXIT_CONTENT;
	}
	char *output = output_dir(c);
	struct write_opts wo = output_opts(c, output);
	bool ok = false, refused = false;
	size_t errors_before = diags_errors(d);
	struct write_out *w = write_begin(&wo, d, &refused);
	if (w) {
		/* Every published edition gets its PDF, or the build fails:
		 * so its page can link the PDF before it is made. */
		struct pdfs pdfs = {g_hash_table_new(NULL, NULL), arena_new()};
		for (size_t i = 0; i < s->n_editions; i++)
			if (s->editions[i]->printed)
				g_hash_table_insert(
				    pdfs.paths, (gpointer)s->editions[i],
				    (gpointer)url_edition_pdf(pdfs.a, s,
				                              s->editions[i]));
		char *print_layouts = cli_print_layouts_dir(c->common.source);
		struct print_job job = {s,     print_layouts, w,
		                        &pdfs, diags_new(),   false};
		GThread *printer =
		    g_thread_new("zamen-print", print_editions, &job);
		struct render_extra extra = {edition_pdf, &pdfs, is_preview(c)};
		bool rendered = render_site(s, t, layouts, &extra, w, NULL, d);
		/* The default preview folder lies in the source folder: git
		 * must not take it in. */
		if (rendered && is_preview(c) && !c->output)
			rendered = write_file(w, ".gitignore", preview_ignore,
			                      strlen(preview_ignore));
		g_thread_join(printer);
		diags_merge(d, job.d);
		diags_free(job.d);
		g_free(print_layouts);
		if (rendered && job.ok)
			ok = write_commit(w, d);
		else
			write_abort(w, d);
		g_hash_table_destroy(pdfs.paths);
		arena_free(pdfs.a);
	}
	/* Every failure says why: never "geen fouten" with exit 1. */
	if (!ok && diags_errors(d) == errors_before)
		diag_error(d, ((struct diag_pos){output, 0, 0}),
		           "de build is mislukt zonder dat zamen zegt waarom; "
		           "dat is een fout in zamen zelf: meld hem, met deze "
		           "regels erbij");
	if (ok) {
		say_written(c, output);
		say_images(s->images);
	}
	g_free(output);
	tpl_free(t);
	g_free(layouts);
	return ok ? EXIT_OK : refused ? EXIT_USAGE : EXIT_CONTENT;
}

/* zamen check also lays out every edition: a story too long for the page
 * is an error before the editors send it to the paper. */
static bool check_print(const struct cli *c, const struct site *s,
                        struct diags *d)
{
	char *layouts = cli_print_layouts_dir(c->common.source);
	struct print_design *pd = print_design_load(layouts, d);
	g_free(layouts);
	if (!pd)
		return false;
	struct print_cache *cache = print_cache_open(pd, s, false);
	print_check_editions(pd, s, cache, d);
	print_cache_close(cache);
	print_design_free(pd);
	return diags_errors(d) == 0;
}

static void say_counts(const struct site *s)
{
	printf("zamen: %zu verhalen, %zu activiteiten, %zu partners, %zu "
	       "edities en %zu pagina's gecontroleerd.\n",
	       s->n_stories, s->n_activities, s->n_partners, s->n_editions,
	       s->n_pages);
}

int main(int argc, char **argv)
{
	if (argc == 2 &&
	    (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(help_text, stdout);
		fputs("\n", stdout);
		fputs(cli_usage_text, stdout);
		return EXIT_OK;
	}
	if (argc == 2 && !strcmp(argv[1], "--version")) {
		printf("zamen %s\n", ZAMEN_VERSION);
		return EXIT_OK;
	}
	if (argc < 2)
		return cli_usage_error(
		    "%s", "geef een opdracht: check, build of print");
	if (!strcmp(argv[1], "print"))
		return main_print(argc, argv);

	struct cli c = {0};
	int rc = parse_args(argc, argv, &c);
	if (rc != EXIT_OK)
		return rc;

	bool build = !strcmp(c.command, "build");
	if (build) {
		/* A refused output is said before the site is read: nothing
		 * is touched, not even the cache. */
		char *output = output_dir(&c);
		struct write_opts wo = output_opts(&c, output);
		struct diags *d = diags_new();
		bool may = write_check(&wo, d);
		diags_print(d, stderr);
		diags_free(d);
		g_free(output);
		if (!may) {
			fprintf(stderr, "zamen: er is niets geschreven.\n");
			return EXIT_USAGE;
		}
	}

	/* check only reads the image cache: it writes nothing anywhere. */
	struct check_opts opts = {.today = c.common.today,
	                          .drafts = c.drafts,
	                          .images =
	                              image_cache_new(c.common.source, build)};
	struct cli_site cs;
	bool ok = cli_load_site(c.common.source, &opts, &cs);
	rc = ok ? EXIT_OK : EXIT_CONTENT;
	if (ok) {
		say_counts(cs.site);
		if (build)
			rc = build_site(&c, cs.site, cs.diags);
		else
			rc = check_print(&c, cs.site, cs.diags) ? EXIT_OK
			                                        : EXIT_CONTENT;
	}
	/* A failure always says why: never "geen fouten" with exit 1. */
	if (rc != EXIT_OK && diags_errors(cs.diags) == 0)
		diag_error(
		    cs.diags, ((struct diag_pos){c.common.source, 0, 0}),
		    "zamen is gestopt zonder te zeggen waarom; dat is een "
		    "fout in zamen zelf: meld hem, met deze regels erbij");
	diags_print(cs.diags, stderr);
	if (rc == EXIT_OK)
		check_schedule_print(cs.site, stdout);
	if (rc == EXIT_USAGE)
		fprintf(stderr, "zamen: er is niets geschreven.\n");
	else if (rc != EXIT_OK)
		fprintf(stderr, "zamen: er is niets geschreven; verbeter de "
		                "fouten hierboven en probeer het opnieuw.\n");
	cli_site_exit(&cs);
	image_cache_free(opts.images);
	return rc;
}
