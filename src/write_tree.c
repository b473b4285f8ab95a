/* renameat2(), RENAME_EXCHANGE and statx() are Linux's; the rest is
 * POSIX. */
#define _GNU_SOURCE
#include "write_tree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <glib.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_DIR ".zamen-cache"
/* Temporary folders in SOURCE/.zamen-cache/, and (hidden, after the
 * output's name) beside the output. */
#define CACHE_NEW "uitvoer-nieuw-"
#define CACHE_OLD "uitvoer-oud-"
#define BESIDE_NEW ".zamen-nieuw-"
#define BESIDE_OLD ".zamen-oud-"

/* The first line says whose the folder is; the last which kind. */
static const char marker_head[] =
    "Deze map is gemaakt door zamen build (de website van het Zamen Een "
    "Journaal).\n";
static const char marker_body[] =
    "Bij elke build wordt alles in deze map vervangen: zet hier niets met "
    "de hand neer.\n";
static const char kind_site[] = "soort: website\n";
static const char kind_preview[] = "soort: voorbeeld (niet publiceren)\n";

struct write_out {
	char *output; /* as the user named it, for messages */
	char *real;   /* the folder that is replaced, every link followed */
	char *tmp;    /* the new tree; after an exchange, the old one */
	char *old;    /* where the old tree goes without an exchange */
	int locks[2]; /* flock'ed folders, -1 when not */
	/* pthread, not GMutex: GLib builds GMutex on futexes that
	 * ThreadSanitizer cannot see (make SANITIZE=thread test). */
	pthread_mutex_t lock;
	char *first_error; /* what went wrong first, in Dutch */
};

char *write_error_text(int err)
{
	switch (err) {
	case ENOSPC:
		return g_strdup("de schijf is vol; maak ruimte vrij (of kies "
		                "met --output een map op een andere schijf) en "
		                "probeer het opnieuw");
	case EDQUOT:
		return g_strdup("uw deel van de schijf (quotum) is vol; maak "
		                "ruimte vrij of vraag de beheerder om meer");
	case EFBIG:
		return g_strdup(
		    "het bestand wordt groter dan hier mag (een "
		    "grens van het systeem, zoals 'ulimit -f'); hef "
		    "die grens op of kies met --output een andere "
		    "plek");
	case EACCES:
	case EPERM:
		return g_strdup("u hebt geen toestemming om hier te schrijven; "
		                "kies met --output een map waarin u mag "
		                "schrijven, of vraag de beheerder om "
		                "schrijfrechten");
	case EROFS:
		return g_strdup("de schijf is alleen-lezen; kies met --output "
		                "een map op een schijf waarop geschreven mag "
		                "worden");
	case EBUSY:
		return g_strdup(
		    "de map is in gebruik (bijvoorbeeld een "
		    "aangekoppelde schijf, of een programma dat hem "
		    "openhoudt); sluit dat programma of kies met "
		    "--output een andere map");
	case ENOTDIR:
		return g_strdup("een deel van het pad is een bestand en geen "
		                "map; kies een ander pad of haal dat bestand "
		                "weg");
	case EISDIR:
		return g_strdup("er staat een map waar een bestand moet komen; "
		                "kies een andere naam");
	case EEXIST:
	case ENOTEMPTY:
		return g_strdup("er staat al iets met die naam; haal het weg "
		                "of kies een andere naam");
	case ENOENT:
		return g_strdup(
		    "een map in het pad bestaat niet (meer), of een "
		    "verwijzing (symlink) wijst naar iets dat niet "
		    "bestaat; maak die map of verbeter de "
		    "verwijzing");
	case ELOOP:
		return g_strdup("verwijzingen (symlinks) in het pad wijzen "
		                "naar elkaar in een kring; verbeter ze");
	case ENAMETOOLONG:
		return g_strdup("het pad is te lang; kies een kortere plek");
	case EMFILE:
	case ENFILE:
		return g_strdup(
		    "er staan te veel bestanden tegelijk open; sluit "
		    "andere programma's of verhoog de grens "
		    "('ulimit -n')");
	case EIO:
		return g_strdup("de schijf gaf een schrijffout; controleer de "
		                "schijf (of de verbinding ermee)");
	case EXDEV:
		return g_strdup("de tijdelijke map en de uitvoermap liggen op "
		                "verschillende schijven; probeer het opnieuw");
	case ENOMEM:
		return g_strdup("er is te weinig geheugen; sluit andere "
		                "programma's en probeer het opnieuw");
	case EINTR:
	case EAGAIN:
		return g_strdup("het schrijven werd onderbroken; probeer het "
		                "opnieuw");
	default:
		return g_strdup_printf(
		    "het besturingssysteem weigerde (foutnummer "
		    "%d); controleer de map en probeer het "
		    "opnieuw",
		    err);
	}
}

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

static bool exists_in(const char *dir, const char *name, mode_t type)
{
	char *p = g_build_filename(dir, name, NULL);
	struct stat st;
	bool r = lstat(p, &st) == 0 && (!type || (st.st_mode & S_IFMT) == type);
	g_free(p);
	return r;
}

/* A folder of an editor's sources: site.yaml or content/ in it. */
static bool holds_sources(const char *dir)
{
	return exists_in(dir, "site.yaml", 0) || exists_in(dir, "content", 0);
}

/* Whether path is dir or lies inside it (both absolute and resolved). */
static bool path_within(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1)
		return true; /* "/" */
	return !strncmp(path, dir, n) && (path[n] == '\0' || path[n] == '/');
}

/* The absolute path that path names with every symlink in it followed:
 * the real path of its longest existing part, with the rest (which does
 * not exist yet, so holds no link) added lexically. NULL with *err set
 * when an existing part cannot be followed (a dangling or looping link,
 * no permission) or a folder is needed where a file stands. */
static char *resolve(const char *path, int *err)
{
	char *head;
	if (g_path_is_absolute(path)) {
		head = g_strdup(path);
	} else {
		char *cwd = g_get_current_dir();
		head = g_build_filename(cwd, path, NULL);
		g_free(cwd);
	}
	GPtrArray *rest = g_ptr_array_new_with_free_func(g_free);
	struct stat st;
	char *result = NULL;
	while (lstat(head, &st) != 0) {
		char *dir = g_path_get_dirname(head);
		if (errno != ENOENT || !strcmp(dir, head)) {
			*err = errno;
			g_free(dir);
			goto done;
		}
		g_ptr_array_insert(rest, 0, g_path_get_basename(head));
		g_free(head);
		head = dir;
	}
	char real[PATH_MAX];
	if (!realpath(head, real)) {
		*err = errno;
		goto done;
	}
	if (rest->len > 0 && (stat(real, &st) != 0 || !S_ISDIR(st.st_mode))) {
		*err = ENOTDIR;
		goto done;
	}
	g_ptr_array_add(rest, NULL);
	char *tail = g_build_filenamev((char **)rest->pdata);
	result = g_canonicalize_filename(tail && *tail ? tail : ".", real);
	g_free(tail);
done:
	g_ptr_array_free(rest, TRUE);
	g_free(head);
	return result;
}

/* Why nothing may be written at real (absolute, resolved; it need not
 * exist yet), or NULL: it lies inside a .git folder, inside content/,
 * layouts/ or .zamen-cache/ of a folder holding sources, or inside the
 * output of a build. Newly allocated (g_free). */
static char *forbidden_place(const char *real, const char *src_real)
{
	char **parts = g_strsplit(real + 1, "/", -1);
	GString *at = g_string_new("/");
	char *why = NULL;
	for (size_t i = 0; parts[i] && !why; i++) {
		const char *name = parts[i];
		if (!*name)
			continue;
		bool sources =
		    !strcmp(at->str, src_real) || holds_sources(at->str);
		char *in = g_build_filename(at->str, name, NULL);
		if (!strcmp(name, ".git"))
			why = g_strdup_printf("ligt in %s, de opslag van git",
			                      in);
		else if (sources &&
		         (!strcmp(name, "content") || !strcmp(name, "layouts")))
			why = g_strdup_printf("ligt in %s, tussen de "
			                      "bronbestanden",
			                      in);
		else if (sources && !strcmp(name, CACHE_DIR))
			why = g_strdup_printf("ligt in %s, de cache van zamen",
			                      in);
		else if (exists_in(at->str, WRITE_MARKER, 0))
			why =
			    g_strdup_printf("ligt in %s, de uitvoermap van "
			                    "zamen build: wat daar staat wordt "
			                    "gepubliceerd, en bij de volgende "
			                    "build weggegooid",
			                    at->str);
		g_free(in);
		if (at->len > 1)
			g_string_append_c(at, '/');
		g_string_append(at, name);
	}
	g_strfreev(parts);
	g_string_free(at, TRUE);
	return why;
}

/* Whether a and b are on one mount, so that one can be renamed over the
 * other. A bind mount has the device of what it shows: the mount id
 * tells them apart where the kernel gives it. */
static bool same_mount(const char *a, const char *b)
{
	struct statx sa, sb;
	if (statx(AT_FDCWD, a, 0, STATX_MNT_ID, &sa) != 0 ||
	    statx(AT_FDCWD, b, 0, STATX_MNT_ID, &sb) != 0)
		return false;
	if ((sa.stx_mask & sb.stx_mask & STATX_MNT_ID) != 0)
		return sa.stx_mnt_id == sb.stx_mnt_id;
	return sa.stx_dev_major == sb.stx_dev_major &&
	       sa.stx_dev_minor == sb.stx_dev_minor;
}

enum marker { MARK_NONE, MARK_FOREIGN, MARK_SITE, MARK_PREVIEW };

static enum marker read_marker(const char *dir)
{
	char *p = g_build_filename(dir, WRITE_MARKER, NULL);
	struct stat st;
	enum marker m = MARK_NONE;
	char *text = NULL;
	if (lstat(p, &st) == 0) {
		m = MARK_FOREIGN;
		if (S_ISREG(st.st_mode) && st.st_size < 4096 &&
		    g_file_get_contents(p, &text, NULL, NULL) &&
		    g_str_has_prefix(text, marker_head)) {
			if (g_str_has_suffix(text, kind_site))
				m = MARK_SITE;
			else if (g_str_has_suffix(text, kind_preview))
				m = MARK_PREVIEW;
		}
	}
	g_free(text);
	g_free(p);
	return m;
}

static bool is_empty_dir(const char *path)
{
	DIR *dir = opendir(path);
	if (!dir)
		return false;
	bool empty = true;
	struct dirent *e;
	while (empty && (e = readdir(dir)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	closedir(dir);
	return empty;
}

/* The output folder a build replaces. */
struct target {
	char *real;   /* every link followed */
	char *parent; /* the folder it is in */
	bool exists;
};

static void target_clear(struct target *t)
{
	g_free(t->real);
	g_free(t->parent);
	memset(t, 0, sizeof *t);
}

static void refuse(struct diags *d, const char *output, const char *why)
{
	diag_error(d, ((struct diag_pos){output, 0, 0}), "%s", why);
}

/* Finds the output folder of o and whether it may be replaced (the rules
 * of write_tree.h); reports why not into d. */
static bool check_target(const struct write_opts *o, struct target *t,
                         struct diags *d)
{
	memset(t, 0, sizeof *t);
	int err = 0;
	char src_real[PATH_MAX];
	if (!realpath(o->source, src_real)) {
		char *text = write_error_text(errno);
		diag_error(d, ((struct diag_pos){o->source, 0, 0}),
		           "de bronmap kan niet gevonden worden: %s", text);
		g_free(text);
		return false;
	}
	t->real = resolve(o->output, &err);
	if (!t->real) {
		char *text = write_error_text(err);
		char *why = g_strdup_printf("deze uitvoermap kan niet gevonden "
		                            "worden: %s",
		                            text);
		refuse(d, o->output, why);
		g_free(why);
		g_free(text);
		return false;
	}
	t->parent = g_path_get_dirname(t->real);
	/* A link to elsewhere is said, so the message names both. */
	struct stat st;
	char *via = NULL;
	if (lstat(o->output, &st) == 0 && S_ISLNK(st.st_mode))
		via = g_strdup_printf(" (de verwijzing %s wijst naar %s)",
		                      o->output, t->real);
	char *place = NULL, *why = NULL;
	t->exists = lstat(t->real, &st) == 0;
	if (path_within(src_real, t->real)) {
		why = g_strdup_printf(
		    "deze map is de bronmap of bevat hem%s; zamen vervangt de "
		    "hele uitvoermap en zou zo de bronbestanden weggooien. "
		    "Laat --output weg (dan komt de website in public/ in de "
		    "bronmap) of kies een nieuwe map",
		    via ? via : "");
	} else if ((place = forbidden_place(t->real, src_real))) {
		why = g_strdup_printf("deze map %s%s; daar schrijft zamen "
		                      "niets. Kies met --output een map "
		                      "daarbuiten",
		                      place, via ? via : "");
	} else if (t->exists && !S_ISDIR(st.st_mode)) {
		why = g_strdup_printf(
		    "dit is een bestand, geen map%s; zamen schrijft de website "
		    "alleen in een eigen map. Kies met --output een andere map",
		    via ? via : "");
	} else if (t->exists && !same_mount(t->real, t->parent)) {
		why = g_strdup_printf(
		    "deze map is een aangekoppelde schijf (mount point)%s, die "
		    "zamen niet in één stap kan vervangen; kies met --output "
		    "een nieuwe map daarbinnen, bijvoorbeeld %s/site",
		    via ? via : "", o->output);
	} else if (t->exists && holds_sources(t->real)) {
		why =
		    g_strdup_printf("deze uitvoermap bevat bronbestanden "
		                    "(site.yaml of content/)%s en wordt dus "
		                    "niet overschreven; kies met --output een "
		                    "andere map",
		                    via ? via : "");
	} else if (t->exists && !is_empty_dir(t->real)) {
		enum marker m = read_marker(t->real);
		if (m == MARK_NONE || m == MARK_FOREIGN)
			why = g_strdup_printf(
			    "deze map is niet leeg en niet door zamen gemaakt "
			    "(er staat geen " WRITE_MARKER " van zamen in)%s; "
			    "zamen vervangt alles in de uitvoermap en laat "
			    "deze "
			    "map dus met rust. Kies met --output een nieuwe of "
			    "lege map. Is het de public/ van een oudere zamen, "
			    "gooi hem dan weg en bouw opnieuw",
			    via ? via : "");
		else if (m == MARK_SITE && o->kind == WRITE_PREVIEW)
			why = g_strdup_printf(
			    "hier staat een website om te publiceren%s; een "
			    "voorbeeld (met --drafts of een latere --today) "
			    "komt "
			    "daar nooit in. Laat --output weg (dan komt het "
			    "voorbeeld in voorbeeld/ in de bronmap) of kies "
			    "een "
			    "andere map",
			    via ? via : "");
		else if (m == MARK_PREVIEW && o->kind == WRITE_SITE)
			why = g_strdup_printf(
			    "hier staat een voorbeeld dat niet gepubliceerd "
			    "mag "
			    "worden (met concepten of een latere datum)%s; de "
			    "website komt daar niet in, zodat niemand het "
			    "voorbeeld voor de site aanziet. Kies met --output "
			    "een andere map, of gooi deze weg",
			    via ? via : "");
	}
	if (why)
		refuse(d, o->output, why);
	g_free(why);
	g_free(place);
	g_free(via);
	return why == NULL;
}

bool write_check(const struct write_opts *o, struct diags *d)
{
	struct target t;
	bool ok = check_target(o, &t, d);
	target_clear(&t);
	return ok;
}

bool write_ignored_dir(const char *dir, const char *why)
{
	if (g_mkdir_with_parents(dir, 0755) != 0)
		return false;
	char *ignore = g_build_filename(dir, ".gitignore", NULL);
	if (!g_file_test(ignore, G_FILE_TEST_EXISTS)) {
		char *text = g_strdup_printf("%s\n*\n", why);
		g_file_set_contents(ignore, text, -1, NULL);
		g_free(text);
	}
	g_free(ignore);
	return true;
}

/* SOURCE/.zamen-cache, made when missing, with the same .gitignore that
 * print_cache.c gives it. */
static bool cache_dir(const char *source, char **dir)
{
	*dir = g_build_filename(source, CACHE_DIR, NULL);
	return write_ignored_dir(*dir, "# Gemaakt door zamen: een cache, geen "
	                               "bron. De map mag altijd weg.");
}

/* Locks folder dir against other builds; -1 when it cannot be locked
 * (then nothing there is removed that this build did not make). */
static int lock_dir(const char *dir, const struct write_opts *o, bool *told)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return fd;
	if (errno == EWOULDBLOCK) {
		if (!*told && o->waiting)
			o->waiting(o->data, o->output);
		*told = true;
		int r;
		while ((r = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
			;
		if (r == 0)
			return fd;
	}
	close(fd);
	return -1;
}

/* Whether name is prefix followed by a process id (the names of older
 * zamen versions, which took no lock: only a dead one's is removed). */
static bool dead_pid_suffix(const char *name, const char *prefix)
{
	if (!g_str_has_prefix(name, prefix))
		return false;
	const char *p = name + strlen(prefix);
	char *end;
	long pid = strtol(p, &end, 10);
	if (!*p || *end || pid <= 0)
		return false;
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Removes from dir every temporary folder that a dead build left:
 * ours (under the lock, so every one is dead) and those of older zamen
 * versions beside the output. */
static void remove_leftovers(const char *dir, const char *own_new,
                             const char *own_old, const char *legacy_name)
{
	GDir *g = g_dir_open(dir, 0, NULL);
	if (!g)
		return;
	char *legacy_new = legacy_name
	                       ? g_strconcat(legacy_name, ".zamen-nieuw-", NULL)
	                       : NULL;
	char *legacy_old =
	    legacy_name ? g_strconcat(legacy_name, ".zamen-oud-", NULL) : NULL;
	const char *name;
	while ((name = g_dir_read_name(g))) {
		bool ours = (own_new && g_str_has_prefix(name, own_new)) ||
		            (own_old && g_str_has_prefix(name, own_old));
		bool legacy =
		    legacy_name && (dead_pid_suffix(name, legacy_new) ||
		                    dead_pid_suffix(name, legacy_old));
		if (!ours && !legacy)
			continue;
		char *p = g_build_filename(dir, name, NULL);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			write_remove_tree(p);
		g_free(p);
	}
	g_free(legacy_new);
	g_free(legacy_old);
	g_dir_close(g);
}

static void release(struct write_out *w)
{
	for (int i = 0; i < 2; i++)
		if (w->locks[i] >= 0)
			close(w->locks[i]); /* and so unlocked */
	pthread_mutex_destroy(&w->lock);
	g_free(w->first_error);
	g_free(w->output);
	g_free(w->real);
	g_free(w->tmp);
	g_free(w->old);
	g_free(w);
}

static void report_errno(struct diags *d, const char *where, const char *what,
                         int err)
{
	char *text = write_error_text(err);
	diag_error(d, ((struct diag_pos){where, 0, 0}), "%s: %s", what, text);
	g_free(text);
}

struct write_out *write_begin(const struct write_opts *o, struct diags *d,
                              bool *refused)
{
	*refused = false;
	struct target t;
	if (!check_target(o, &t, d)) {
		*refused = true;
		target_clear(&t);
		return NULL;
	}
	if (g_mkdir_with_parents(t.parent, 0755) != 0) {
		char *what = g_strdup_printf("de map %s kan niet gemaakt "
		                             "worden",
		                             t.parent);
		report_errno(d, o->output, what, errno);
		g_free(what);
		target_clear(&t);
		return NULL;
	}
	struct write_out *w = g_new0(struct write_out, 1);
	w->locks[0] = w->locks[1] = -1;
	pthread_mutex_init(&w->lock, NULL);
	w->output = g_strdup(o->output);

	/* The temporary folder goes into the cache when a rename can take
	 * it from there to the output; else hidden beside the output. */
	char *cache = NULL;
	bool in_cache = cache_dir(o->source, &cache) &&
	                access(cache, W_OK) == 0 && same_mount(cache, t.parent);
	bool told = false;
	w->locks[0] = lock_dir(t.parent, o, &told);
	if (in_cache)
		w->locks[1] = lock_dir(cache, o, &told);

	/* Now that no other build can change it, once more. */
	target_clear(&t);
	if (!check_target(o, &t, d)) {
		*refused = true;
		goto fail;
	}
	w->real = g_strdup(t.real);
	char *name = g_path_get_basename(t.real);
	char *beside_new = g_strconcat(".", name, BESIDE_NEW, NULL);
	char *beside_old = g_strconcat(".", name, BESIDE_OLD, NULL);
	/* Older versions put theirs beside the output as the user named
	 * it, a link's name included. */
	char *given_dir = g_path_get_dirname(o->output);
	char *given_name = g_path_get_basename(o->output);
	remove_leftovers(given_dir, NULL, NULL, given_name);
	remove_leftovers(t.parent, w->locks[0] >= 0 ? beside_new : NULL,
	                 w->locks[0] >= 0 ? beside_old : NULL, name);
	if (in_cache && w->locks[1] >= 0)
		remove_leftovers(cache, CACHE_NEW, CACHE_OLD, NULL);
	long pid = (long)getpid();
	if (in_cache) {
		w->tmp = g_strdup_printf("%s/%s%ld", cache, CACHE_NEW, pid);
		w->old = g_strdup_printf("%s/%s%ld", cache, CACHE_OLD, pid);
	} else {
		w->tmp = g_strdup_printf("%s/%s%ld", t.parent, beside_new, pid);
		w->old = g_strdup_printf("%s/%s%ld", t.parent, beside_old, pid);
	}
	g_free(given_dir);
	g_free(given_name);
	g_free(beside_new);
	g_free(beside_old);
	g_free(name);
	write_remove_tree(w->tmp);
	if (mkdir(w->tmp, 0755) != 0) {
		char *what = g_strdup_printf("de tijdelijke map %s kan niet "
		                             "gemaakt worden",
		                             w->tmp);
		report_errno(d, o->output, what, errno);
		g_free(what);
		goto fail;
	}
	char *marker = g_strconcat(
	    marker_head, marker_body,
	    o->kind == WRITE_PREVIEW ? kind_preview : kind_site, NULL);
	bool marked = write_file(w, WRITE_MARKER, marker, strlen(marker));
	g_free(marker);
	if (!marked) {
		write_abort(w, d);
		w = NULL;
	}
	target_clear(&t);
	g_free(cache);
	return w;
fail:
	target_clear(&t);
	g_free(cache);
	write_abort(w, NULL);
	return NULL;
}

static void fail(struct write_out *w, const char *path, int err)
{
	char *text = write_error_text(err);
	pthread_mutex_lock(&w->lock);
	if (!w->first_error)
		w->first_error = g_strdup_printf("'%s' kon niet geschreven "
		                                 "worden: %s",
		                                 path, text);
	pthread_mutex_unlock(&w->lock);
	g_free(text);
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

/* Writes all of data to fd; false with errno set. */
static bool write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		if (n == 0) {
			errno = EIO;
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}

bool write_file(struct write_out *w, const char *path, const void *data,
                size_t len)
{
	char *full = prepare(w, path);
	if (!full)
		return false;
	int fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	bool ok = fd >= 0 && write_all(fd, data, len);
	int err = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (!ok)
		fail(w, path, err ? err : EIO);
	g_free(full);
	return ok;
}

/* The whole file at path; NULL with errno set. */
static char *read_all(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int err = errno;
		close(fd);
		errno = err;
		return NULL;
	}
	size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096, n = 0;
	char *buf = g_malloc(cap);
	for (;;) {
		if (n == cap)
			buf = g_realloc(buf, cap *= 2);
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int err = errno;
			g_free(buf);
			close(fd);
			errno = err;
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	*len = n;
	return buf;
}

bool write_copy(struct write_out *w, const char *path, const char *from)
{
	size_t len = 0;
	char *data = read_all(from, &len);
	if (!data) {
		char *text = write_error_text(errno);
		pthread_mutex_lock(&w->lock);
		if (!w->first_error)
			w->first_error = g_strdup_printf("'%s' kon niet "
			                                 "gelezen worden: %s",
			                                 from, text);
		pthread_mutex_unlock(&w->lock);
		g_free(text);
		return false;
	}
	bool ok = write_file(w, path, data, len);
	g_free(data);
	return ok;
}

static void report_first_error(struct write_out *w, struct diags *d)
{
	diag_error(d, ((struct diag_pos){w->output, 0, 0}),
	           "%s. Er is niets veranderd: de vorige inhoud van deze map "
	           "staat er nog",
	           w->first_error);
}

bool write_commit(struct write_out *w, struct diags *d)
{
	if (w->first_error) {
		write_abort(w, d);
		return false;
	}
	struct stat st;
	bool ok, exists = lstat(w->real, &st) == 0;
	int err = 0;
	if (exists) {
		/* The folder keeps its permissions (a web root's group
		 * bits, say). */
		chmod(w->tmp, st.st_mode & 07777);
		/* One atomic step: the new tree takes the old one's name and
		 * the old one the temporary name, to be removed. */
		ok = renameat2(AT_FDCWD, w->tmp, AT_FDCWD, w->real,
		               RENAME_EXCHANGE) == 0;
		err = errno;
		if (!ok && (err == EINVAL || err == ENOSYS)) {
			/* A file system without exchange: two renames, and
			 * for a moment no output at all. */
			ok = rename(w->real, w->old) == 0;
			err = errno;
			if (ok && rename(w->tmp, w->real) != 0) {
				err = errno;
				rename(w->old, w->real);
				ok = false;
			}
			if (ok)
				write_remove_tree(w->old);
		}
	} else {
		ok = rename(w->tmp, w->real) == 0;
		err = errno;
	}
	if (!ok) {
		char *text = write_error_text(err);
		diag_error(
		    d, ((struct diag_pos){w->output, 0, 0}),
		    "de nieuwe inhoud kan niet op zijn plaats gezet "
		    "worden: %s. Er is niets veranderd: de vorige inhoud "
		    "van deze map staat er nog",
		    text);
		g_free(text);
		write_abort(w, NULL);
		return false;
	}
	write_remove_tree(w->tmp); /* the old tree, after an exchange */
	release(w);
	return true;
}

void write_abort(struct write_out *w, struct diags *d)
{
	if (!w)
		return;
	if (d && w->first_error)
		report_first_error(w, d);
	if (w->tmp)
		write_remove_tree(w->tmp);
	release(w);
}

/* Whether the file at path is a PDF that zamen made: print.c names zamen
 * as its Creator. */
static bool is_zamen_pdf(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || st.st_size > 64 * 1024 * 1024)
		return false; /* a page is a few hundred kB */
	size_t len = 0;
	char *data = read_all(path, &len);
	static const char creator[] = "/Creator (zamen)";
	bool r = data && len > 5 && !memcmp(data, "%PDF-", 5) &&
	         g_strstr_len(data, (gssize)len, creator) != NULL;
	g_free(data);
	return r;
}

/* Whether write_pdf() may write at path; reports why not into d. Returns
 * the real path to write (g_free), or NULL. */
static char *pdf_place(const char *path, const char *source, struct diags *d)
{
	int err = 0;
	char src_real[PATH_MAX];
	char *real = resolve(path, &err);
	if (!real || !realpath(source, src_real)) {
		report_errno(d, path, "deze plek kan niet gevonden worden",
		             real ? errno : err);
		g_free(real);
		return NULL;
	}
	char *place = forbidden_place(real, src_real);
	char *why = place ? g_strdup_printf("dit bestand %s", place) : NULL;
	g_free(place);
	struct stat st;
	if (!why && lstat(real, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			why =
			    g_strdup("hier staat al iets dat geen bestand is");
		else if (!is_zamen_pdf(real))
			why = g_strdup("hier staat al een bestand dat geen "
			               "krantenpagina van zamen is");
	}
	if (why) {
		diag_error(
		    d, ((struct diag_pos){path, 0, 0}),
		    "%s; zamen schrijft daar niet overheen. Kies met "
		    "--output een andere plek, of laat --output weg (dan "
		    "komt de pagina in krant/ in de bronmap)",
		    why);
		g_free(why);
		g_free(real);
		return NULL;
	}
	return real;
}

bool write_pdf_allowed(const char *path, const char *source, struct diags *d)
{
	char *real = pdf_place(path, source, d);
	g_free(real);
	return real != NULL;
}

bool write_pdf(const char *path, const char *source, const void *data,
               size_t len, struct diags *d, bool *refused)
{
	*refused = false;
	char *real = pdf_place(path, source, d);
	if (!real) {
		*refused = true;
		return false;
	}
	int err = 0;
	char *dir = g_path_get_dirname(real);
	char *name = g_path_get_basename(real);
	char *prefix = g_strconcat(".", name, BESIDE_NEW, NULL);
	char *tmp = NULL;
	bool ok = false;
	if (g_mkdir_with_parents(dir, 0755) != 0) {
		char *what = g_strdup_printf("de map %s kan niet gemaakt "
		                             "worden",
		                             dir);
		report_errno(d, path, what, errno);
		g_free(what);
		goto done;
	}
	/* What an earlier, killed print left (only a dead one's). */
	GDir *g = g_dir_open(dir, 0, NULL);
	const char *entry;
	while (g && (entry = g_dir_read_name(g)))
		if (dead_pid_suffix(entry, prefix)) {
			char *p = g_build_filename(dir, entry, NULL);
			unlink(p);
			g_free(p);
		}
	if (g)
		g_dir_close(g);
	/* Written beside, hidden, then renamed: never half a page. */
	tmp = g_strdup_printf("%s/%s%ld", dir, prefix, (long)getpid());
	unlink(tmp);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	ok = fd >= 0 && write_all(fd, data, len);
	err = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (ok && rename(tmp, real) != 0) {
		ok = false;
		err = errno;
	}
	if (!ok) {
		unlink(tmp);
		report_errno(d, path,
		             "de krantenpagina kan niet geschreven "
		             "worden",
		             err ? err : EIO);
	}
done:
	g_free(tmp);
	g_free(prefix);
	g_free(name);
	g_free(dir);
	g_free(real);
	return ok;
}
