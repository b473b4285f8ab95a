/*
 * main_cli.h: what the commands (main.c, main_print.c) share: option
 * parsing, loading and checking a source folder, finding the layouts.
 * Only the command line decides exit codes and prints.
 */
#ifndef ZAMEN_MAIN_CLI_H
#define ZAMEN_MAIN_CLI_H

#include <stdbool.h>

#include "check.h"
#include "diag.h"
#include "load_tree.h"
#include "model.h"

enum { EXIT_OK = 0, EXIT_CONTENT = 1, EXIT_USAGE = 2 };

extern const char cli_usage_text[];

/* Prints "zamen: <message>" and the usage to stderr; returns EXIT_USAGE.
 * fmt has one %s for arg. */
int cli_usage_error(const char *fmt, const char *arg);

/* The value of --name VALUE or --name=VALUE at argv[*i] (advancing *i), or
 * NULL when argv[*i] is another option; *error is set (and the usage
 * printed) when the value is missing. */
const char *cli_option(int argc, char **argv, int *i, const char *name,
                       bool *error);

/* The options every command takes. */
struct cli_common {
	const char *source; /* --source MAP, default "." */
	date_t today;       /* --today, default today in the Netherlands */
};

/* Sets the defaults. */
void cli_common_init(struct cli_common *c);
/* Whether argv[*i] is --source or --today (advancing *i past its value);
 * a missing value or a malformed date prints the usage and sets *rc to
 * EXIT_USAGE. */
bool cli_common_option(int argc, char **argv, int *i, struct cli_common *c,
                       int *rc);
/* EXIT_OK, or the usage error when the source folder does not exist. */
int cli_common_check(const struct cli_common *c);

/* A loaded and checked source folder and everything that owns it. */
struct cli_site {
	struct arena *arena;
	struct diags *diags;
	struct load_tree *tree;
	struct site *site; /* NULL when nothing could be loaded */
};

/* Loads and checks source; problems go into out->diags, nothing is
 * printed. Returns whether there are no errors. */
bool cli_load_site(const char *source, const struct check_opts *o,
                   struct cli_site *out);
void cli_site_free(struct cli_site *s);

/* What main calls just before it returns: frees s in builds that look for
 * leaks (ZAMEN_FREE_AT_EXIT, set by `make SANITIZE=...`); otherwise it
 * leaves the memory to the operating system, because freeing ten thousand
 * Markdown trees node by node costs a quarter of a `zamen check`. */
void cli_site_exit(struct cli_site *s);

/* The layouts to use for source, newly allocated (g_free): SOURCE/layouts
 * when it exists, else layouts/ beside the zamen binary, else the project's
 * own layouts (ZAMEN_LAYOUTS_DIR, fixed at build time). */
char *cli_layouts_dir(const char *source);

/* The layouts to print with: as cli_layouts_dir, but a source whose own
 * layouts/ has no journaal/ontwerp.yaml (only web layouts) is printed with
 * the fallback's design and fonts. Newly allocated (g_free). */
char *cli_print_layouts_dir(const char *source);

/* Whether path is an existing folder. */
bool cli_is_dir(const char *path);

#endif
