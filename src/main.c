/*
 * main.c: the command line. Parses arguments, runs the stages in order and
 * alone decides the exit status: 0 all is well, 1 the content has errors
 * (nothing is written), 2 the command was used wrongly.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "check_schedule.h"
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
    "  --output MAP        waar de website komt (standaard: MAP/public);\n"
    "                      bij print: het PDF-bestand\n"
    "  --drafts            ook concepten (concept: true) publiceren\n"
    "  --today JJJJ-MM-DD  doe alsof het vandaag deze datum is; bepaalt wat\n"
    "                      al verschenen en wat voorbij is (standaard: "
    "vandaag\n"
    "                      in Nederland)\n"
    "  --help              deze hulp\n"
    "  --version           het versienummer\n"
    "\n"
    "Afsluitcode: 0 alles in orde, 1 fouten in de inhoud (er is niets\n"
    "geschreven), 2 verkeerd gebruik van de opdracht.\n";

struct cli {
	const char *command;
	struct cli_common common; /* --source, --today */
	const char *output;
	bool drafts;
};

static int parse_args(int argc, char **argv, struct cli *c)
{
	cli_common_init(&c->common);
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
		if (!path)
			continue;
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
	/* The editions without a PDF are laid out as check does, so that
	 * check and build report the same errors for every edition. */
	if (pd)
		print_check_editions(pd, j->s, cache, j->d);
	j->ok &= diags_errors(j->d) == 0;
	print_cache_close(cache);
	print_design_free(pd);
	return NULL;
}

/* Renders the checked site into the output folder, atomically. */
static bool build_site(const struct cli *c, const struct site *s,
                       struct diags *d)
{
	char *layouts = cli_layouts_dir(c->common.source);
	char *own = g_build_filename(c->common.source, "layouts", NULL);
	const char *report = strcmp(layouts, own) ? layouts : "layouts";
	struct tpl_set *t = tpl_load(layouts, report, d);
	g_free(own);
	if (!t) {
		g_free(layouts);
		return false;
	}
	char *output = c->output
	                   ? g_strdup(c->output)
	                   : g_build_filename(c->common.source, "public", NULL);
	bool ok = false;
	struct write_out *w = write_begin(output, c->common.source, d);
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
		struct render_extra extra = {edition_pdf, &pdfs};
		bool rendered = render_site(s, t, layouts, &extra, w, NULL, d);
		g_thread_join(printer);
		diags_merge(d, job.d);
		diags_free(job.d);
		g_free(print_layouts);
		if (rendered && job.ok)
			ok = write_commit(w, d);
		else
			write_abort(w);
		g_hash_table_destroy(pdfs.paths);
		arena_free(pdfs.a);
	}
	if (ok)
		printf("zamen: website geschreven in %s\n", output);
	g_free(output);
	tpl_free(t);
	g_free(layouts);
	return ok;
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

	struct check_opts opts = {.today = c.common.today, .drafts = c.drafts};
	struct cli_site cs;
	bool ok = cli_load_site(c.common.source, &opts, &cs);
	if (ok) {
		say_counts(cs.site);
		if (!strcmp(c.command, "build"))
			ok = build_site(&c, cs.site, cs.diags);
		else
			ok = check_print(&c, cs.site, cs.diags);
	}
	diags_print(cs.diags, stderr);
	if (ok)
		check_schedule_print(cs.site, stdout);
	if (!ok) {
		fprintf(stderr, "zamen: er is niets geschreven; verbeter de "
		                "fouten hierboven en probeer het opnieuw.\n");
		rc = EXIT_CONTENT;
	}
	cli_site_exit(&cs);
	return rc;
}
