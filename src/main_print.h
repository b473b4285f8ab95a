/*
 * main_print.h: the `zamen print JJJJ-NR` command.
 */
#ifndef ZAMEN_MAIN_PRINT_H
#define ZAMEN_MAIN_PRINT_H

/* Runs `zamen print` with main's argc/argv (argv[1] is "print"); returns
 * the exit status. */
int main_print(int argc, char **argv);

#endif
