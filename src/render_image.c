#include "render_image.h"

#include <pthread.h>
#include <string.h>

#include "parallel.h"
#include "render_url.h"
#include "text.h"

/* One file to make: what image_make() needs, and whose it is. */
struct made {
	char *name; /* "img/<key>-<width>.<ext>" */
	char *real; /* the source, absolute */
	char *path; /* the source from the source folder, for messages */
	struct image_info info;
	struct image_request rq;
};

struct picture_set {
	struct image_cache *images;
	/* Pages add from several threads: made and d are guarded by lock.
	 * pthread, not GMutex: see render_site.c. */
	pthread_mutex_t lock;
	GHashTable *made; /* name -> struct made */
	struct diags *d;
};

static void made_free(gpointer p)
{
	struct made *m = p;
	g_free(m->name);
	g_free(m->real);
	g_free(m->path);
	g_free(m);
}

struct picture_set *picture_set_new(struct image_cache *images)
{
	struct picture_set *ps = g_new0(struct picture_set, 1);
	ps->images = images;
	pthread_mutex_init(&ps->lock, NULL);
	ps->made =
	    g_hash_table_new_full(g_str_hash, g_str_equal, NULL, made_free);
	ps->d = diags_new();
	return ps;
}

void picture_set_free(struct picture_set *ps)
{
	if (!ps)
		return;
	g_hash_table_destroy(ps->made);
	diags_free(ps->d);
	pthread_mutex_destroy(&ps->lock);
	g_free(ps);
}

/* ---- which files --------------------------------------------------- */

/* The widths a column image is made in: its width on a 20 px root (680)
 * at 1x and 2x, and steps between for phones (a 390 px phone at 3x shows
 * about 1035 device pixels). */
static const int column_widths[] = {480, 680, 1020, 1360};
/* A logo is shown at most 10rem (200 px) wide: 1x and 2x. */
static const int logo_widths[] = {200, 400};
#define SHARE_WIDTH 1200

#define QUALITY_WEBP 75
#define QUALITY_JPEG 80

/* The widths of info's image for use, ascending, never wider than the
 * image and each once; returns how many. */
static size_t widths_for(const struct image_info *info, enum picture_use use,
                         int out[PICTURE_MAX_WIDTHS])
{
	const int *list = use == PICTURE_LOGO ? logo_widths : column_widths;
	size_t n_list = use == PICTURE_LOGO ? G_N_ELEMENTS(logo_widths)
	                                    : G_N_ELEMENTS(column_widths);
	size_t n = 0;
	for (size_t i = 0; i < n_list; i++) {
		int w = list[i] < info->width ? list[i] : info->width;
		if (!n || out[n - 1] != w)
			out[n++] = w;
	}
	if (use == PICTURE_LINK) {
		out[0] = out[n - 1];
		n = 1;
	}
	return n;
}

/* Remembers to make rq of the image and returns its name in the output. */
static const char *add_file(struct picture_set *ps, const struct link *l,
                            const struct image_info *info,
                            const struct image_request *rq, struct arena *a)
{
	char key[65];
	image_key(info, rq, key);
	char *name = g_strdup_printf("img/%.16s-%d.%s", key, rq->width,
	                             image_format_ext(rq->format));
	const char *r = arena_strdup(a, name);
	pthread_mutex_lock(&ps->lock);
	struct made *m = g_hash_table_lookup(ps->made, name);
	if (!m) {
		m = g_new0(struct made, 1);
		m->name = name;
		m->real = g_strdup(l->real);
		m->path = g_strdup(l->path);
		m->info = *info;
		m->rq = *rq;
		g_hash_table_insert(ps->made, m->name, m);
	} else {
		/* Two files of the same bytes: either gives the same image;
		 * the first by name is the one a message names, whatever
		 * thread came first. */
		if (strcmp(l->path, m->path) < 0) {
			g_free(m->real);
			g_free(m->path);
			m->real = g_strdup(l->real);
			m->path = g_strdup(l->path);
		}
		g_free(name);
	}
	pthread_mutex_unlock(&ps->lock);
	return r;
}

bool picture_add(struct picture_set *ps, const struct link *l,
                 enum picture_use use, struct diag_pos pos, struct arena *a,
                 struct picture *out)
{
	memset(out, 0, sizeof *out);
	char buf[200];
	struct image_info info;
	const char *why =
	    image_probe(ps->images, l->real, &info, buf, sizeof buf);
	if (why) {
		pthread_mutex_lock(&ps->lock);
		diag_error(ps->d, pos,
		           "de afbeelding '%s' kan niet gebruikt worden: %s",
		           l->path, why);
		pthread_mutex_unlock(&ps->lock);
		return false;
	}
	if (use == PICTURE_SHARE) {
		struct image_request rq =
		    image_fit(&info, IMAGE_FORMAT_JPEG, SHARE_WIDTH);
		out->n = 1;
		out->width[0] = rq.width;
		out->height[0] = rq.height;
		out->fallback[0] = add_file(ps, l, &info, &rq, a);
		out->fallback_type = "image/jpeg";
		return true;
	}
	/* A photo is never shown transparent: JPEG, on white, like its
	 * WebP. A logo or an image in the text keeps its transparency. */
	bool png = use != PICTURE_PHOTO && info.alpha;
	enum image_format fallback = png ? IMAGE_FORMAT_PNG : IMAGE_FORMAT_JPEG;
	out->fallback_type = png ? "image/png" : "image/jpeg";
	int widths[PICTURE_MAX_WIDTHS];
	out->n = widths_for(&info, use, widths);
	for (size_t i = 0; i < out->n; i++) {
		struct image_request rq = image_fit(&info, fallback, widths[i]);
		rq.quality = QUALITY_JPEG;
		out->width[i] = rq.width;
		out->height[i] = rq.height;
		out->fallback[i] = add_file(ps, l, &info, &rq, a);
		if (use == PICTURE_LINK)
			continue;
		rq = image_fit(&info, IMAGE_FORMAT_WEBP, widths[i]);
		rq.quality = QUALITY_WEBP;
		rq.flatten = use == PICTURE_PHOTO;
		out->webp[i] = add_file(ps, l, &info, &rq, a);
	}
	return true;
}

/* ---- markup -------------------------------------------------------- */

const char *picture_srcset(struct arena *a, const struct picture *p,
                           const char *page_path, bool webp)
{
	GString *s = g_string_new(NULL);
	for (size_t i = 0; i < p->n; i++) {
		const char *file = webp ? p->webp[i] : p->fallback[i];
		if (!file)
			continue;
		g_string_append_printf(s, "%s%s %dw", s->len ? ", " : "",
		                       url_relative(a, page_path, file),
		                       p->width[i]);
	}
	const char *r = arena_strdup(a, s->str);
	g_string_free(s, TRUE);
	return r;
}

const char *picture_src(struct arena *a, const struct picture *p,
                        const char *page_path)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->width[i] == 680)
			return url_relative(a, page_path, p->fallback[i]);
	return picture_widest(a, p, page_path);
}

const char *picture_widest(struct arena *a, const struct picture *p,
                           const char *page_path)
{
	return url_relative(a, page_path, p->fallback[p->n - 1]);
}

static void attr(GString *out, const char *name, const char *value)
{
	g_string_append_printf(out, " %s=\"", name);
	text_append_escaped(out, value);
	g_string_append_c(out, '"');
}

void picture_html(GString *out, struct arena *a, const struct picture *p,
                  const char *page_path, const char *alt, const char *sizes,
                  bool lazy)
{
	g_string_append(out, "<picture><source type=\"image/webp\"");
	attr(out, "srcset", picture_srcset(a, p, page_path, true));
	attr(out, "sizes", sizes);
	g_string_append(out, "><img");
	attr(out, "src", picture_src(a, p, page_path));
	attr(out, "srcset", picture_srcset(a, p, page_path, false));
	attr(out, "sizes", sizes);
	g_string_append_printf(out, " width=\"%d\" height=\"%d\"",
	                       p->width[p->n - 1], p->height[p->n - 1]);
	attr(out, "alt", alt);
	if (lazy)
		g_string_append(out, " loading=\"lazy\" decoding=\"async\"");
	g_string_append(out, "></picture>");
}

/* ---- making -------------------------------------------------------- */

struct work {
	struct picture_set *ps;
	struct write_out *w;
	struct made **files; /* by source, then by name */
	size_t *group;       /* group i: files[group[i]] to files[group[i+1]] */
	gint failed;         /* g_atomic_int */
};

/* Every file of one source: image_make_all() decodes it once for all. */
static void make_group(void *data, size_t i, struct arena *a, struct diags *d)
{
	(void)a;
	struct work *wk = data;
	struct made **files = wk->files + wk->group[i];
	size_t n = wk->group[i + 1] - wk->group[i];
	struct image_request *rq = g_new(struct image_request, n);
	GBytes **out = g_new0(GBytes *, n);
	for (size_t k = 0; k < n; k++)
		rq[k] = files[k]->rq;
	char buf[200];
	if (!image_make_all(wk->ps->images, files[0]->real, &files[0]->info, rq,
	                    n, out, buf, sizeof buf)) {
		diag_error(d, ((struct diag_pos){files[0]->path, 0, 0}),
		           "de afbeelding kon niet voor de website gemaakt "
		           "worden: %s",
		           buf);
		g_atomic_int_set(&wk->failed, 1);
	} else {
		for (size_t k = 0; k < n; k++) {
			gsize len;
			const void *bytes = g_bytes_get_data(out[k], &len);
			if (!write_file(wk->w, files[k]->name, bytes, len))
				g_atomic_int_set(&wk->failed, 1);
			g_bytes_unref(out[k]);
		}
	}
	g_free(out);
	g_free(rq);
}

static gint cmp_made(gconstpointer a, gconstpointer b)
{
	const struct made *x = *(struct made *const *)a;
	const struct made *y = *(struct made *const *)b;
	int c = strcmp(x->info.digest, y->info.digest);
	return c ? c : strcmp(x->name, y->name);
}

bool picture_write(struct picture_set *ps, struct write_out *w, struct diags *d)
{
	bool ok = diags_errors(ps->d) == 0;
	diags_merge(d, ps->d);
	if (!ok)
		return false; /* the build fails: nothing to make it for */
	GPtrArray *files = g_ptr_array_new();
	GHashTableIter it;
	gpointer value;
	g_hash_table_iter_init(&it, ps->made);
	while (g_hash_table_iter_next(&it, NULL, &value))
		g_ptr_array_add(files, value);
	/* By source, then by name: the work is handed out the same way
	 * every build (what is written does not depend on it). */
	g_ptr_array_sort(files, cmp_made);
	size_t *group = g_new(size_t, files->len + 1);
	size_t groups = 0;
	for (guint i = 0; i < files->len; i++) {
		const struct made *m = files->pdata[i];
		if (i == 0 ||
		    strcmp(m->info.digest,
		           ((struct made *)files->pdata[i - 1])->info.digest))
			group[groups++] = i;
	}
	group[groups] = files->len;
	struct work wk = {ps, w, (struct made **)files->pdata, group, 0};
	/* A photo takes long enough to be worth a thread of its own. */
	parallel_for(groups, 1, make_group, &wk, NULL, d);
	g_free(group);
	g_ptr_array_free(files, TRUE);
	return !g_atomic_int_get(&wk.failed);
}
