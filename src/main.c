/*
 * main.c: the command line. Parses arguments, runs the stages in order and
 * alone decides the exit status: 0 all is well, 1 the content has errors
 * (nothing is written), 2 the command was used wrongly.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "check.h"
#include "date.h"
#include "diag.h"
#include "load_tree.h"
#include "model.h"

#define ZAMEN_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_CONTENT = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "Gebruik:\n"
    "  zamen check [--source MAP] [--today JJJJ-MM-DD]\n"
    "  zamen build [--source MAP] [--output MAP] [--drafts] "
    "[--today JJJJ-MM-DD]\n"
    "  zamen --help | --version\n";

static const char help_text[] =
    "zamen maakt de website en de krantenpagina van het Zamen Een "
    "Journaal.\n"
    "\n"
    "Opdrachten:\n"
    "  check   controleer site.yaml en alle bestanden in content/ en meld\n"
    "          elke fout met bestand, regel en kolom\n"
    "  build   controleer alles en maak dan de website in de uitvoermap\n"
    "\n"
    "Opties:\n"
    "  --source MAP        de map met site.yaml en content/ (standaard: "
    "deze map)\n"
    "  --output MAP        waar de website komt (standaard: MAP/public)\n"
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
	const char *source;
	const char *output;
	bool drafts;
	date_t today;
};

static int usage_error(const char *fmt, const char *arg)
{
	fputs("zamen: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

/* Takes the value of --name VALUE or --name=VALUE; *i advances. */
static const char *option_value(int argc, char **argv, int *i, const char *name,
                                bool *error)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		usage_error("bij %s hoort een waarde", name);
		*error = true;
		return NULL;
	}
	return argv[++*i];
}

static int parse_args(int argc, char **argv, struct cli *c)
{
	c->source = ".";
	c->today = date_today_amsterdam((int64_t)time(NULL));
	if (argc < 2)
		return usage_error("%s", "geef een opdracht: check of build");
	c->command = argv[1];
	bool is_build = !strcmp(c->command, "build");
	if (strcmp(c->command, "check") && !is_build)
		return usage_error(
		    "onbekende opdracht '%s'; kies check of build", c->command);
	for (int i = 2; i < argc; i++) {
		bool error = false;
		const char *v;
		if ((v = option_value(argc, argv, &i, "--source", &error))) {
			c->source = v;
		} else if (is_build && (v = option_value(argc, argv, &i,
		                                         "--output", &error))) {
			c->output = v;
		} else if ((v = option_value(argc, argv, &i, "--today",
		                             &error))) {
			if (!date_parse(v, &c->today, NULL))
				return usage_error("--today verwacht een datum "
				                   "als JJJJ-MM-DD, "
				                   "niet '%s'",
				                   v);
		} else if (error) {
			return EXIT_USAGE;
		} else if (is_build && !strcmp(argv[i], "--drafts")) {
			c->drafts = true;
		} else {
			return usage_error("onbekende optie '%s'", argv[i]);
		}
	}
	struct stat st;
	if (stat(c->source, &st) != 0 || !S_ISDIR(st.st_mode))
		return usage_error("de bronmap '%s' bestaat niet", c->source);
	return EXIT_OK;
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
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (argc == 2 && !strcmp(argv[1], "--version")) {
		printf("zamen %s\n", ZAMEN_VERSION);
		return EXIT_OK;
	}

	struct cli c = {0};
	int rc = parse_args(argc, argv, &c);
	if (rc != EXIT_OK)
		return rc;

	struct arena *a = arena_new();
	struct diags *d = diags_new();
	struct load_tree *t = load_tree(c.source, a, d);
	struct check_opts opts = {.today = c.today, .drafts = c.drafts};
	struct site *s = check_site(t, &opts, d);

	diags_print(d, stderr);
	if (diags_errors(d)) {
		fprintf(stderr, "zamen: er is niets geschreven; verbeter de "
		                "fouten hierboven en probeer het opnieuw.\n");
		rc = EXIT_CONTENT;
	} else {
		say_counts(s);
		if (!strcmp(c.command, "build"))
			printf("zamen: de website maken kan deze versie nog "
			       "niet; de inhoud is in orde.\n");
	}
	site_free(s);
	diags_free(d);
	arena_free(a);
	return rc;
}
