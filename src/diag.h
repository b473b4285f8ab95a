/*
 * diag.h: the collector of problems found in the content.
 *
 * Every stage reports into one `struct diags` and goes on; only main decides
 * what to do when there are errors. diags_print() writes them sorted by file,
 * line and column, in the form editors' tools understand:
 *
 *     content/verhalen/x.md:4:8: fout: boodschap
 *
 * followed by a Dutch count. Messages are Dutch, say what is wrong and what
 * to do. Identical messages at one position are printed once.
 */
#ifndef ZAMEN_DIAG_H
#define ZAMEN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

enum diag_level { DIAG_ERROR, DIAG_WARNING };

/* A place in a source file. file is relative to the source folder
 * ("content/verhalen/x.md", "site.yaml"); line and col count from 1; 0 means
 * "the whole file" or "the whole line". The collector copies file. */
struct diag_pos {
	const char *file;
	int line, col;
};

struct diags;

struct diags *diags_new(void);
void diags_free(struct diags *d);

void diag_add(struct diags *d, enum diag_level level, struct diag_pos pos,
              const char *fmt, ...) __attribute__((format(printf, 4, 5)));
#define diag_error(d, pos, ...) diag_add((d), DIAG_ERROR, (pos), __VA_ARGS__)
#define diag_warning(d, pos, ...)                                              \
	diag_add((d), DIAG_WARNING, (pos), __VA_ARGS__)

/* Moves every problem of from into d, in order; from is left empty. */
void diags_merge(struct diags *d, struct diags *from);

size_t diags_errors(const struct diags *d);
size_t diags_warnings(const struct diags *d);

/* Every problem of d, in order, as text to keep (one a line: level, line,
 * column, file and message, with tabs between) for diags_load(). Newly
 * allocated (g_free). */
char *diags_dump(const struct diags *d);
/* Adds the problems of a diags_dump() text into d. Returns false, adding
 * nothing, when text is not such a text. */
bool diags_load(struct diags *d, const char *text);

/* Writes every problem, sorted, then the count line ("2 fouten, 1
 * waarschuwing."). Writes nothing at all when there are no problems. */
void diags_print(const struct diags *d, FILE *out);
/* The same text in a newly allocated string (g_free it); for tests. */
char *diags_to_string(const struct diags *d);

#ifdef __cplusplus
}
#endif

#endif
