#include "main_cli.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

const char cli_usage_text[] =
    "Gebruik:\n"
    "  zamen check [--source MAP] [--today JJJJ-MM-DD]\n"
    "  zamen build [--source MAP] [--output MAP] [--drafts] "
    "[--today JJJJ-MM-DD]\n"
    "  zamen print JJJJ-NR [--source MAP] [--output BESTAND] "
    "[--today JJJJ-MM-DD]\n"
    "  zamen --help | --version\n";

int cli_usage_error(const char *fmt, const char *arg)
{
	fputs("zamen: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	fputs(cli_usage_text, stderr);
	return EXIT_USAGE;
}

const char *cli_option(int argc, char **argv, int *i, const char *name,
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
		cli_usage_error("bij %s hoort een waarde", name);
		*error = true;
		return NULL;
	}
	return argv[++*i];
}

void cli_common_init(struct cli_common *c)
{
	c->source = ".";
	c->today = date_today_amsterdam((int64_t)time(NULL));
}

bool cli_common_option(int argc, char **argv, int *i, struct cli_common *c,
                       int *rc)
{
	bool error = false;
	const char *v;
	if ((v = cli_option(argc, argv, i, "--source", &error))) {
		c->source = v;
		return true;
	}
	if (!error && (v = cli_option(argc, argv, i, "--today", &error))) {
		if (!date_parse(v, &c->today, NULL))
			*rc = cli_usage_error("--today verwacht een datum als "
			                      "JJJJ-MM-DD, niet '%s'",
			                      v);
		return true;
	}
	if (error)
		*rc = EXIT_USAGE;
	return error;
}

int cli_common_check(const struct cli_common *c)
{
	if (!cli_is_dir(c->source))
		return cli_usage_error("de bronmap '%s' bestaat niet",
		                       c->source);
	return EXIT_OK;
}

bool cli_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool cli_load_site(const char *source, const struct check_opts *o,
                   struct cli_site *out)
{
	out->arena = arena_new();
	out->diags = diags_new();
	out->tree = load_tree(source, out->arena, out->diags);
	out->site = check_site(out->tree, o, out->diags);
	return out->site && diags_errors(out->diags) == 0;
}

void cli_site_free(struct cli_site *s)
{
	site_free(s->site);
	diags_free(s->diags);
	arena_free(s->arena);
}

void cli_site_exit(struct cli_site *s)
{
#ifdef ZAMEN_FREE_AT_EXIT
	cli_site_free(s);
#else
	(void)s;
#endif
}

/* layouts/ beside the binary, else the project's own. */
static char *fallback_layouts(void)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	if (exe) {
		char *dir = g_path_get_dirname(exe);
		char *beside = g_build_filename(dir, "layouts", NULL);
		g_free(dir);
		g_free(exe);
		if (cli_is_dir(beside))
			return beside;
		g_free(beside);
	}
	return g_strdup(ZAMEN_LAYOUTS_DIR);
}

char *cli_layouts_dir(const char *source)
{
	char *own = g_build_filename(source, "layouts", NULL);
	if (cli_is_dir(own))
		return own;
	g_free(own);
	return fallback_layouts();
}

char *cli_print_layouts_dir(const char *source)
{
	char *design = g_build_filename(source, "layouts", "journaal",
	                                "ontwerp.yaml", NULL);
	bool own = g_file_test(design, G_FILE_TEST_IS_REGULAR);
	g_free(design);
	return own ? g_build_filename(source, "layouts", NULL)
	           : fallback_layouts();
}
