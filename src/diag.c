#include "diag.h"

#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct diag {
	enum diag_level level;
	char *file;
	int line, col;
	size_t seq;
	char *msg;
};

struct diags {
	GPtrArray *items;
	size_t errors, warnings;
};

static void diag_free(gpointer p)
{
	struct diag *x = p;
	g_free(x->file);
	g_free(x->msg);
	g_free(x);
}

struct diags *diags_new(void)
{
	struct diags *d = g_new0(struct diags, 1);
	d->items = g_ptr_array_new_with_free_func(diag_free);
	return d;
}

void diags_free(struct diags *d)
{
	if (!d)
		return;
	g_ptr_array_free(d->items, TRUE);
	g_free(d);
}

void diag_add(struct diags *d, enum diag_level level, struct diag_pos pos,
              const char *fmt, ...)
{
	struct diag *x = g_new0(struct diag, 1);
	va_list ap;
	va_start(ap, fmt);
	x->msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	x->level = level;
	x->file = g_strdup(pos.file ? pos.file : "");
	x->line = pos.line;
	x->col = pos.col;
	x->seq = d->items->len;
	g_ptr_array_add(d->items, x);
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void diags_merge(struct diags *d, struct diags *from)
{
	for (guint i = 0; i < from->items->len; i++) {
		struct diag *x = from->items->pdata[i];
		x->seq = d->items->len;
		g_ptr_array_add(d->items, x);
	}
	d->errors += from->errors;
	d->warnings += from->warnings;
	g_ptr_array_set_free_func(from->items, NULL);
	g_ptr_array_set_size(from->items, 0);
	g_ptr_array_set_free_func(from->items, diag_free);
	from->errors = from->warnings = 0;
}

size_t diags_errors(const struct diags *d)
{
	return d->errors;
}

size_t diags_warnings(const struct diags *d)
{
	return d->warnings;
}

char *diags_dump(const struct diags *d)
{
	GString *out = g_string_new(NULL);
	for (guint i = 0; i < d->items->len; i++) {
		const struct diag *x = d->items->pdata[i];
		/* Escaped, so a tab or newline in a message or file name
		 * cannot break the line apart. */
		char *file = g_strescape(x->file, "");
		char *msg = g_strescape(x->msg, "");
		g_string_append_printf(out, "%c\t%d\t%d\t%s\t%s\n",
		                       x->level == DIAG_ERROR ? 'E' : 'W',
		                       x->line, x->col, file, msg);
		g_free(file);
		g_free(msg);
	}
	return g_string_free(out, FALSE);
}

bool diags_load(struct diags *d, const char *text)
{
	struct diags *got = diags_new();
	char **lines = g_strsplit(text, "\n", -1);
	bool ok = true;
	for (char **l = lines; ok && *l; l++) {
		if (!**l)
			continue;
		char **f = g_strsplit(*l, "\t", 5);
		char *end1, *end2;
		long line = 0, col = 0;
		ok = g_strv_length(f) == 5 &&
		     (!strcmp(f[0], "E") || !strcmp(f[0], "W"));
		if (ok) {
			line = strtol(f[1], &end1, 10);
			col = strtol(f[2], &end2, 10);
			ok = *f[1] && !*end1 && *f[2] && !*end2;
		}
		if (ok) {
			char *file = g_strcompress(f[3]);
			char *msg = g_strcompress(f[4]);
			diag_add(got, *f[0] == 'E' ? DIAG_ERROR : DIAG_WARNING,
			         ((struct diag_pos){file, (int)line, (int)col}),
			         "%s", msg);
			g_free(file);
			g_free(msg);
		}
		g_strfreev(f);
	}
	g_strfreev(lines);
	if (ok)
		diags_merge(d, got);
	diags_free(got);
	return ok;
}

static gint diag_cmp(gconstpointer pa, gconstpointer pb)
{
	const struct diag *a = *(struct diag *const *)pa;
	const struct diag *b = *(struct diag *const *)pb;
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static bool diag_same(const struct diag *a, const struct diag *b)
{
	return a->level == b->level && a->line == b->line && a->col == b->col &&
	       !strcmp(a->file, b->file) && !strcmp(a->msg, b->msg);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

char *diags_to_string(const struct diags *d)
{
	GString *s = g_string_new(NULL);
	if (d->items->len == 0)
		return g_string_free(s, FALSE);

	GPtrArray *sorted = g_ptr_array_sized_new(d->items->len);
	for (guint i = 0; i < d->items->len; i++)
		g_ptr_array_add(sorted, d->items->pdata[i]);
	g_ptr_array_sort(sorted, diag_cmp);

	size_t errors = 0, warnings = 0;
	const struct diag *prev = NULL;
	for (guint i = 0; i < sorted->len; i++) {
		const struct diag *x = sorted->pdata[i];
		if (prev && diag_same(prev, x))
			continue;
		prev = x;
		g_string_append(s, x->file);
		if (x->line > 0) {
			g_string_append_printf(s, ":%d", x->line);
			if (x->col > 0)
				g_string_append_printf(s, ":%d", x->col);
		}
		g_string_append_printf(
		    s, ": %s: %s\n",
		    x->level == DIAG_ERROR ? "fout" : "waarschuwing", x->msg);
		if (x->level == DIAG_ERROR)
			errors++;
		else
			warnings++;
	}
	g_ptr_array_free(sorted, TRUE);

	if (errors && warnings)
		g_string_append_printf(
		    s, "%zu %s, %zu %s.\n", errors,
		    plural(errors, "fout", "fouten"), warnings,
		    plural(warnings, "waarschuwing", "waarschuwingen"));
	else if (errors)
		g_string_append_printf(s, "%zu %s.\n", errors,
		                       plural(errors, "fout", "fouten"));
	else
		g_string_append_printf(
		    s, "%zu %s, geen fouten.\n", warnings,
		    plural(warnings, "waarschuwing", "waarschuwingen"));
	return g_string_free(s, FALSE);
}

void diags_print(const struct diags *d, FILE *out)
{
	char *s = diags_to_string(d);
	fputs(s, out);
	g_free(s);
}
