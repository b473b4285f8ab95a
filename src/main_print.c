/*
 * main_print.c: `zamen print JJJJ-NR [--source MAP] [--output BESTAND]`.
 * Placeholder until the print stage lands: it validates its arguments and
 * says that printing is not there yet.
 */
#include <stdio.h>
#include <string.h>

#include "main_cli.h"
#include "main_print.h"

int main_print(int argc, char **argv)
{
	if (argc < 3 || argv[2][0] == '-')
		return cli_usage_error("%s", "welke editie? Bijvoorbeeld: "
		                             "zamen print 2026-48");
	fprintf(stderr, "zamen: de krantenpagina zetten kan deze versie nog "
	                "niet.\n");
	return EXIT_CONTENT;
}
