/* renameat2() and RENAME_EXCHANGE are Linux's; the rest is POSIX. */
#define _GNU_SOURCE
#include "write_tree.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <glib.h>
#include <pthread.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct write_out {
	char *output;
	char *tmp;
	/* pthread, not GMutex: GLib builds GMutex on futexes that
	 * ThreadSanitizer cannot see (make SANITIZE=thread test). */
	pthread_mutex_t lock;
	char *first_error; /* what went wrong first, for the message */
};

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path) == 0 || errno == ENOENT ? 0 : -1;
}

bool write_remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT;
	return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) == 0;
}

static bool exists(const char *dir, const char *name)
{
	char *p = g_build_filename(dir, name, NULL);
	bool r = g_file_test(p, G_FILE_TEST_EXISTS);
	g_free(p);
	return r;
}

/* Whether replacing output would destroy a source tree. */
static bool holds_sources(const char *output, const char *source)
{
	if (exists(output, "site.yaml") || exists(output, "content"))
		return true;
	char out_real[PATH_MAX], src_real[PATH_MAX];
	if (!realpath(output, out_real) || !realpath(source, src_real))
		return false;
	size_t n = strlen(out_real);
	return !strncmp(src_real, out_real, n) &&
	       (src_real[n] == '\0' || src_real[n] == '/' ||
	        !strcmp(out_real, "/"));
}

struct write_out *write_begin(const char *output, const char *source,
                              struct diags *d)
{
	if (g_file_test(output, G_FILE_TEST_EXISTS) &&
	    holds_sources(output, source)) {
		diag_error(d, ((struct diag_pos){output, 0, 0}),
		           "deze uitvoermap bevat bronbestanden (site.yaml of "
		           "content/) en wordt dus niet overschreven; kies met "
		           "--output een andere map");
		return NULL;
	}
	char *parent = g_path_get_dirname(output);
	if (g_mkdir_with_parents(parent, 0755) != 0) {
		diag_error(d, ((struct diag_pos){parent, 0, 0}),
		           "map kan niet gemaakt worden: %s", strerror(errno));
		g_free(parent);
		return NULL;
	}
	g_free(parent);
	struct write_out *w = g_new0(struct write_out, 1);
	w->output = g_strdup(output);
	w->tmp = g_strdup_printf("%s.zamen-nieuw-%ld", output, (long)getpid());
	pthread_mutex_init(&w->lock, NULL);
	write_remove_tree(w->tmp);
	if (mkdir(w->tmp, 0755) != 0) {
		diag_error(d, ((struct diag_pos){w->tmp, 0, 0}),
		           "map kan niet gemaakt worden: %s", strerror(errno));
		write_abort(w);
		return NULL;
	}
	return w;
}

static void fail(struct write_out *w, const char *path, int err)
{
	pthread_mutex_lock(&w->lock);
	if (!w->first_error)
		w->first_error = g_strdup_printf("%s: %s", path, strerror(err));
	pthread_mutex_unlock(&w->lock);
}

static char *prepare(struct write_out *w, const char *path)
{
	char *full = g_build_filename(w->tmp, path, NULL);
	char *dir = g_path_get_dirname(full);
	if (g_mkdir_with_parents(dir, 0755) != 0) {
		fail(w, path, errno);
		g_free(dir);
		g_free(full);
		return NULL;
	}
	g_free(dir);
	return full;
}

bool write_file(struct write_out *w, const char *path, const void *data,
                size_t len)
{
	char *full = prepare(w, path);
	if (!full)
		return false;
	bool ok = false;
	int fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd >= 0) {
		const char *p = data;
		size_t left = len;
		while (left > 0) {
			ssize_t n = write(fd, p, left);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			p += n;
			left -= (size_t)n;
		}
		ok = left == 0;
		if (close(fd) != 0)
			ok = false;
	}
	if (!ok)
		fail(w, path, errno ? errno : EIO);
	g_free(full);
	return ok;
}

bool write_copy(struct write_out *w, const char *path, const char *from)
{
	gchar *data;
	gsize len;
	GError *err = NULL;
	if (!g_file_get_contents(from, &data, &len, &err)) {
		pthread_mutex_lock(&w->lock);
		if (!w->first_error)
			w->first_error = g_strdup(err->message);
		pthread_mutex_unlock(&w->lock);
		g_error_free(err);
		return false;
	}
	bool ok = write_file(w, path, data, len);
	g_free(data);
	return ok;
}

static void release(struct write_out *w)
{
	pthread_mutex_destroy(&w->lock);
	g_free(w->first_error);
	g_free(w->output);
	g_free(w->tmp);
	g_free(w);
}

bool write_commit(struct write_out *w, struct diags *d)
{
	if (w->first_error) {
		diag_error(d, ((struct diag_pos){w->output, 0, 0}),
		           "schrijven mislukt (%s); de vorige uitvoer is niet "
		           "veranderd",
		           w->first_error);
		write_abort(w);
		return false;
	}
	bool ok;
	if (g_file_test(w->output, G_FILE_TEST_EXISTS)) {
		/* One atomic step: the new tree takes the old one's name and
		 * the old one the temporary name, to be removed. */
		ok = renameat2(AT_FDCWD, w->tmp, AT_FDCWD, w->output,
		               RENAME_EXCHANGE) == 0;
		if (!ok && (errno == EINVAL || errno == ENOSYS)) {
			/* A file system without exchange: two renames. */
			char *old = g_strdup_printf("%s.zamen-oud-%ld",
			                            w->output, (long)getpid());
			ok = rename(w->output, old) == 0;
			if (ok && rename(w->tmp, w->output) != 0) {
				rename(old, w->output);
				ok = false;
			}
			if (ok)
				write_remove_tree(old);
			g_free(old);
		}
	} else {
		ok = rename(w->tmp, w->output) == 0;
	}
	if (!ok) {
		diag_error(d, ((struct diag_pos){w->output, 0, 0}),
		           "de nieuwe uitvoer kan niet op zijn plaats gezet "
		           "worden: %s",
		           strerror(errno));
		write_abort(w);
		return false;
	}
	write_remove_tree(w->tmp); /* the old tree, after an exchange */
	release(w);
	return true;
}

void write_abort(struct write_out *w)
{
	if (!w)
		return;
	write_remove_tree(w->tmp);
	release(w);
}
