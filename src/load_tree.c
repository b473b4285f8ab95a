#include "load_tree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parallel.h"
#include "text.h"

static const char *const kind_folders[KIND_COUNT] = {
    [KIND_PAGE] = "",
    [KIND_STORY] = "verhalen",
    [KIND_ACTIVITY] = "activiteiten",
    [KIND_PARTNER] = "partners",
    [KIND_EDITION] = "journaal",
};

const char *load_kind_folder(enum load_kind k)
{
	return kind_folders[k];
}

struct loader {
	struct arena *a;
	struct diags *d;
	const char *source;
	GPtrArray *docs;
};

static char *full_path(const struct loader *l, const char *rel)
{
	return g_build_filename(l->source, rel, NULL);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

/* Names an editor's tools leave behind and nobody means as content. */
static bool is_ignored_name(const char *name)
{
	return name[0] == '.' || name[0] == '#' || ends_with(name, "~");
}

static bool has_control_char(const char *name)
{
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

/* An entry of a folder. */
struct entry {
	char *name;
	bool dir; /* a folder, or a link to one */
};

static void entry_free(gpointer p)
{
	struct entry *e = p;
	g_free(e->name);
	g_free(e);
}

static int cmp_entries(gconstpointer a, gconstpointer b)
{
	return strcmp((*(struct entry *const *)a)->name,
	              (*(struct entry *const *)b)->name);
}

static bool is_dir(const struct loader *l, const char *rel)
{
	char *full = full_path(l, rel);
	struct stat st;
	bool r = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
	g_free(full);
	return r;
}

/* The entries of folder rel, sorted by name so every run reads in the same
 * order. The file system mostly says itself which entries are folders;
 * only for the others (links, or a file system that does not say) is the
 * entry looked up, which matters with ten thousand files. */
static GPtrArray *list_dir(const struct loader *l, const char *rel)
{
	char *full = full_path(l, rel);
	GPtrArray *entries = g_ptr_array_new_with_free_func(entry_free);
	DIR *dir = opendir(full);
	if (!dir) {
		diag_error(l->d, ((struct diag_pos){rel, 0, 0}),
		           "map kan niet gelezen worden: %s", strerror(errno));
		g_free(full);
		return entries;
	}
	struct dirent *d;
	while ((d = readdir(dir))) {
		if (is_ignored_name(d->d_name))
			continue;
		if (has_control_char(d->d_name)) {
			/* Its name would break every message that names
			 * it, and no web address can hold it. */
			char *shown = g_strescape(d->d_name, NULL);
			diag_error(l->d, ((struct diag_pos){rel, 0, 0}),
			           "de naam '%s' in deze map bevat een "
			           "regeleinde of een ander onzichtbaar teken: "
			           "hernoem het, met alleen kleine letters, "
			           "cijfers en streepjes",
			           shown);
			g_free(shown);
			continue;
		}
		struct entry *e = g_new(struct entry, 1);
		e->name = g_strdup(d->d_name);
		if (d->d_type == DT_DIR || d->d_type == DT_REG) {
			e->dir = d->d_type == DT_DIR;
		} else {
			char *path = g_strdup_printf("%s/%s", rel, e->name);
			e->dir = is_dir(l, path);
			g_free(path);
		}
		g_ptr_array_add(entries, e);
	}
	closedir(dir);
	g_free(full);
	g_ptr_array_sort(entries, cmp_entries);
	return entries;
}

static bool is_file(const char *source, const char *rel)
{
	char *full = g_build_filename(source, rel, NULL);
	struct stat st;
	bool r = stat(full, &st) == 0 && S_ISREG(st.st_mode);
	g_free(full);
	return r;
}

bool load_file_exists(const struct load_tree *t, const char *path)
{
	return is_file(t->source, path);
}

/* The most a content file or site.yaml may hold: a story is some
 * kilobytes, and a larger file is a mistake (a photo saved as .md) or an
 * attack that only costs time and memory. */
#define LOAD_MAX_FILE (1024 * 1024)

/* Why a file cannot be opened, in Dutch and with what to do. */
static const char *open_problem(int err)
{
	switch (err) {
	case ENOENT:
		return "het bestand bestaat niet (meer), of is een link naar "
		       "iets dat niet bestaat";
	case EACCES:
	case EPERM:
		return "u hebt geen toestemming om het te lezen; pas de "
		       "rechten van het bestand aan";
	case ELOOP:
		return "het is een link die (via andere links) naar zichzelf "
		       "wijst; vervang de link door het bestand zelf";
	case EISDIR:
		return "het is een map, geen bestand";
	default:
		return "het besturingssysteem meldt een fout bij het lezen; "
		       "controleer de schijf en probeer het opnieuw";
	}
}

/* Reads a whole file straight into the arena, NUL-terminated: each file is
 * read once and never copied. Only a regular file is read: a named pipe
 * or a device (a link x.md -> /dev/zero) would block or never end, so it
 * is opened without waiting and refused after fstat. */
static char *read_file(const struct loader *l, const char *rel, size_t *len)
{
	char *full = full_path(l, rel);
	char *data = NULL;
	struct diag_pos at = {rel, 0, 0};
	int fd = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat st;
	g_free(full);
	if (fd < 0 || fstat(fd, &st) != 0) {
		diag_error(l->d, at, "bestand kan niet gelezen worden: %s",
		           open_problem(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_error(l->d, at,
		           "dit is geen gewoon bestand (maar een %s); zet hier "
		           "een tekstbestand neer of haal het weg",
		           S_ISFIFO(st.st_mode) ? "named pipe"
		           : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)
		               ? "apparaat"
		           : S_ISSOCK(st.st_mode) ? "socket"
		                                  : "map");
		goto fail;
	}
	if (st.st_size > LOAD_MAX_FILE) {
		diag_error(
		    l->d, at,
		    "bestand te groot (%lld kB): een tekst mag hoogstens "
		    "%d kB zijn; staat er iets anders in dan tekst, of "
		    "hoort een deel in een ander bestand?",
		    (long long)st.st_size / 1024, LOAD_MAX_FILE / 1024);
		goto fail;
	}
	size_t size = (size_t)st.st_size, got = 0;
	data = arena_alloc(l->a, size + 1);
	while (got < size) {
		ssize_t n = read(fd, data + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_error(l->d, at,
			           "bestand kan niet gelezen worden: %s",
			           open_problem(errno));
			goto fail;
		}
		if (n == 0) /* shrunk while being read */
			break;
		got += (size_t)n;
	}
	data[got] = '\0';
	close(fd);
	*len = got;
	return data;
fail:
	if (fd >= 0)
		close(fd);
	return NULL;
}

/* Old Mac line ends (a CR alone) become LF, in place, so every later step
 * sees lines; CRLF stays as it is (fm_split and YAML take it). Bytes keep
 * their offsets, so columns stay right. */
static void unify_line_ends(char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'))
			text[i] = '\n';
}

static bool utf8_ok(const struct loader *l, const char *rel, const char *text,
                    size_t len)
{
	size_t bad;
	if (text_utf8_valid(text, len, &bad))
		return true;
	int line, col;
	text_line_col(text, bad, &line, &col);
	diag_error(
	    l->d, ((struct diag_pos){rel, line, col}),
	    "ongeldig teken: het bestand is geen geldige UTF-8. Sla het "
	    "op met de codering UTF-8 (in de meeste editors via 'Opslaan "
	    "als') en controleer dit teken");
	return false;
}

/* Registers a content file; reading it comes later, in parallel. File
 * names are checked here, while walking. */
static void add_doc(struct loader *l, enum load_kind kind, const char *rel,
                    const char *dir, const char *slug, bool bundle)
{
	struct load_doc *doc = arena_alloc(l->a, sizeof *doc);
	doc->kind = kind;
	doc->path = arena_strdup(l->a, rel);
	doc->dir = arena_strdup(l->a, dir);
	doc->slug = arena_strdup(l->a, slug);
	doc->bundle = bundle;
	doc->slug_ok = true;
	g_ptr_array_add(l->docs, doc);

	const char *what = bundle ? "map" : "bestand";
	const char *ext = bundle ? "" : ".md";
	if (kind == KIND_EDITION) {
		int year, nr;
		char tail;
		if (sscanf(slug, "%4d-%2d%c", &year, &nr, &tail) != 2 ||
		    strlen(slug) != 7 || nr < 1 || nr > 53) {
			doc->slug_ok = false;
			diag_error(
			    l->d, ((struct diag_pos){doc->path, 0, 0}),
			    "de naam van een editie is <jaar>-<nummer>, "
			    "met een nummer van 01 tot 53, zoals "
			    "'2026-48.md' of '2026-05.md'; hernoem '%s.md'",
			    slug);
		}
	} else if (!text_is_slug(slug)) {
		doc->slug_ok = false;
		char *better = text_slugify(slug);
		if (*better)
			diag_error(l->d, ((struct diag_pos){doc->path, 0, 0}),
			           "de naam van dit %s mag alleen kleine "
			           "letters, cijfers en streepjes bevatten: "
			           "hernoem '%s%s' naar '%s%s'",
			           what, slug, ext, better, ext);
		else
			diag_error(l->d, ((struct diag_pos){doc->path, 0, 0}),
			           "de naam van dit %s mag alleen kleine "
			           "letters, cijfers en streepjes bevatten: "
			           "geef het een naam als 'koffie-ochtend%s'",
			           what, ext);
		g_free(better);
	}
}

static void collect_refs(struct load_doc *doc, struct arena *a)
{
	GPtrArray *found = g_ptr_array_new();
	cmark_iter *it = cmark_iter_new(doc->md);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			g_ptr_array_add(found, n);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	doc->n_md_refs = found->len;
	doc->md_refs =
	    arena_calloc(a, found->len ? found->len : 1, sizeof *doc->md_refs);
	if (found->len)
		memcpy(doc->md_refs, found->pdata, found->len * sizeof(void *));
	g_ptr_array_free(found, TRUE);
}

/* Reads and parses one file, into the worker's arena and collector. */
static void read_doc(const char *source, struct load_doc *doc, struct arena *a,
                     struct diags *d)
{
	struct loader l = {.a = a, .d = d, .source = source};
	char *text = read_file(&l, doc->path, &doc->len);
	if (text && utf8_ok(&l, doc->path, text, doc->len)) {
		unify_line_ends(text, doc->len);
		doc->text = text;
		struct fm_split s;
		if (fm_split(text, doc->len, doc->path, &s, d)) {
			doc->body = text + s.body_off;
			doc->body_len = doc->len - s.body_off;
			doc->body_line = s.body_line;
			doc->fm = fm_parse(a, text + s.yaml_off, s.yaml_len,
			                   s.yaml_line, doc->path, d);
		}
	}
	doc->md = md_parse(a, doc->body ? doc->body : "", doc->body_len);
	collect_refs(doc, a);
}

static void read_one(void *data, size_t i, struct arena *a, struct diags *d)
{
	struct loader *l = data;
	read_doc(l->source, l->docs->pdata[i], a, d);
}

static void read_docs(struct loader *l)
{
	parallel_for(l->docs->len, PARALLEL_FILES_PER_THREAD, read_one, l, l->a,
	             l->d);
}

static void warn_unread(struct loader *l, const char *rel, const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return;
	if (!g_ascii_strcasecmp(dot, ".md") ||
	    !g_ascii_strcasecmp(dot, ".markdown") ||
	    !g_ascii_strcasecmp(dot, ".txt"))
		diag_warning(l->d, ((struct diag_pos){rel, 0, 0}),
		             "dit bestand wordt niet gelezen: alleen bestanden "
		             "die op '.md' (kleine letters) eindigen zijn "
		             "inhoud; hernoem het als het op de site hoort");
}

static char *strip_md(const char *name)
{
	return g_strndup(name, strlen(name) - 3);
}

static void load_kind_dir(struct loader *l, enum load_kind kind)
{
	char *rel_dir = g_strdup_printf("content/%s", kind_folders[kind]);
	GPtrArray *entries = list_dir(l, rel_dir);
	for (guint i = 0; i < entries->len; i++) {
		const struct entry *e = entries->pdata[i];
		const char *name = e->name;
		char *rel = g_strdup_printf("%s/%s", rel_dir, name);
		if (e->dir) {
			char *index = g_strdup_printf("%s/index.md", rel);
			if (kind == KIND_EDITION)
				diag_error(l->d, ((struct diag_pos){rel, 0, 0}),
				           "een editie is één bestand, zoals "
				           "content/journaal/2026-48.md; "
				           "verwijder deze map");
			else if (!is_file(l->source, index))
				diag_error(l->d, ((struct diag_pos){rel, 0, 0}),
				           "map zonder index.md: zet de tekst "
				           "in %s, of verwijder de map",
				           index);
			else
				add_doc(l, kind, index, rel, name, true);
			g_free(index);
		} else if (ends_with(name, ".md")) {
			char *slug = strip_md(name);
			add_doc(l, kind, rel, rel_dir, slug, false);
			g_free(slug);
		} else {
			warn_unread(l, rel, name);
		}
		g_free(rel);
	}
	g_ptr_array_free(entries, TRUE);
	g_free(rel_dir);
}

static const char *const known_folders[] = {"verhalen", "activiteiten",
                                            "partners", "journaal"};

static void load_content(struct loader *l)
{
	GPtrArray *entries = list_dir(l, "content");
	for (guint i = 0; i < entries->len; i++) {
		const struct entry *e = entries->pdata[i];
		const char *name = e->name;
		char *rel = g_strdup_printf("content/%s", name);
		if (e->dir) {
			enum load_kind kind = KIND_COUNT;
			for (int k = KIND_STORY; k < KIND_COUNT; k++)
				if (!strcmp(name, kind_folders[k]))
					kind = (enum load_kind)k;
			if (kind != KIND_COUNT) {
				load_kind_dir(l, kind);
			} else {
				const char *near =
				    text_nearest(name, known_folders,
				                 G_N_ELEMENTS(known_folders));
				if (near)
					diag_error(
					    l->d,
					    ((struct diag_pos){rel, 0, 0}),
					    "onbekende map '%s' — bedoelde u "
					    "'%s'?",
					    name, near);
				else
					diag_error(
					    l->d,
					    ((struct diag_pos){rel, 0, 0}),
					    "onbekende map '%s': zamen kent in "
					    "content/ alleen verhalen, "
					    "activiteiten, partners en "
					    "journaal; "
					    "een losse pagina zet u direct in "
					    "content/",
					    name);
			}
		} else if (ends_with(name, ".md")) {
			char *slug = strip_md(name);
			add_doc(l, KIND_PAGE, rel, "content", slug, false);
			g_free(slug);
		} else {
			warn_unread(l, rel, name);
		}
		g_free(rel);
	}
	g_ptr_array_free(entries, TRUE);
}

static int cmp_docs(gconstpointer a, gconstpointer b)
{
	const struct load_doc *x = *(struct load_doc *const *)a;
	const struct load_doc *y = *(struct load_doc *const *)b;
	return strcmp(x->path, y->path);
}

struct load_tree *load_tree(const char *source, struct arena *a,
                            struct diags *d)
{
	struct loader l = {.a = a, .d = d, .source = source};
	bool has_site = is_file(source, "site.yaml");
	bool has_content = is_dir(&l, "content");
	if (!has_site && !has_content) {
		diag_error(d, ((struct diag_pos){source, 0, 0}),
		           "hier staan geen site.yaml en geen map content/; "
		           "is dit de map van de site? Geef de juiste map met "
		           "--source MAP");
		return NULL;
	}

	struct load_tree *t = arena_alloc(a, sizeof *t);
	t->source = arena_strdup(a, source);
	if (!has_site) {
		diag_error(d, ((struct diag_pos){"site.yaml", 0, 0}),
		           "site.yaml ontbreekt: zonder de instellingen van de "
		           "site (titel, kernen, thema's ...) kan zamen niets "
		           "controleren");
	} else {
		size_t len;
		char *text = read_file(&l, "site.yaml", &len);
		if (text && utf8_ok(&l, "site.yaml", text, len)) {
			/* Read the way content files are: a byte order mark
			 * and any line ends. */
			unify_line_ends(text, len);
			size_t bom =
			    len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3
			                                                 : 0;
			t->site = fm_parse(a, text + bom, len - bom, 1,
			                   "site.yaml", d);
		}
	}
	l.docs = g_ptr_array_new();
	if (has_content) {
		load_content(&l);
		read_docs(&l);
	} else
		diag_error(d, ((struct diag_pos){"content", 0, 0}),
		           "de map content/ ontbreekt");
	g_ptr_array_sort(l.docs, cmp_docs);
	t->n_docs = l.docs->len;
	t->docs = arena_calloc(a, t->n_docs ? t->n_docs : 1, sizeof *t->docs);
	for (size_t i = 0; i < t->n_docs; i++)
		t->docs[i] = l.docs->pdata[i];
	g_ptr_array_free(l.docs, TRUE);
	return t;
}

const char *load_resolve(struct arena *a, const char *dir, const char *ref)
{
	if (!*ref || ref[0] == '/' || strstr(ref, "://") ||
	    !strncmp(ref, "mailto:", 7) || !strncmp(ref, "tel:", 4))
		return NULL;
	/* One buffer: each part of dir and then ref is appended, or for ".."
	 * the last part is cut off. Runs for every link of every page. */
	GString *path = g_string_sized_new(strlen(dir) + strlen(ref) + 1);
	const char *srcs[2] = {dir, ref};
	bool escaped = false;
	for (int s = 0; s < 2 && !escaped; s++) {
		const char *p = srcs[s];
		while (*p && !escaped) {
			const char *end = strchr(p, '/');
			size_t len = end ? (size_t)(end - p) : strlen(p);
			if (len == 2 && !strncmp(p, "..", 2)) {
				if (path->len == 0) {
					escaped = true;
				} else {
					const char *slash =
					    strrchr(path->str, '/');
					g_string_truncate(
					    path,
					    slash ? (gsize)(slash - path->str)
					          : 0);
				}
			} else if (len > 0 && !(len == 1 && *p == '.')) {
				if (path->len)
					g_string_append_c(path, '/');
				g_string_append_len(path, p, (gssize)len);
			}
			p += len;
			if (*p == '/')
				p++;
		}
	}
	const char *result = escaped || !path->len
	                         ? NULL
	                         : arena_strndup(a, path->str, path->len);
	g_string_free(path, TRUE);
	return result;
}
