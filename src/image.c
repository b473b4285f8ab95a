#include "image.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <vips/vips.h>
#include <webp/encode.h>

/* An entry nobody used for this long goes when a build closes the cache;
 * one in use is touched at most once a day. */
#define CACHE_KEEP_DAYS 30
#define CACHE_TOUCH_SECONDS (24 * 3600)

struct image_cache {
	char *top, *dir; /* .zamen-cache and its afbeeldingen/ */
	bool off;        /* not a folder of zamen's: no cache */
	bool made;       /* dir exists (guarded by lock) */
	bool write;
	gint worked, cached; /* g_atomic_int */
	/* What this run probed already, by path: render and print ask
	 * again for what check read. pthread: see render_site.c. */
	pthread_mutex_t lock;
	GHashTable *probed; /* path -> struct image_info */
};

/* ---- libvips, once -------------------------------------------------- */

static void vips_quiet(const gchar *domain, GLogLevelFlags level,
                       const gchar *message, gpointer unused)
{
	(void)domain, (void)level, (void)message, (void)unused;
}

static gpointer vips_start(gpointer unused)
{
	(void)unused;
	/* libvips warns in English on stderr ("not enough data"); what is
	 * wrong reaches the editor as zamen's own message. */
	g_log_set_handler("VIPS",
	                  G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE |
	                      G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
	                  vips_quiet, NULL);
	if (VIPS_INIT("zamen"))
		g_error("zamen: libvips start niet: %s", vips_error_buffer());
	/* Only the loaders of the types zamen accepts: the others (magick,
	 * poppler, svg, matrix, ...) read far more than photos, and a file
	 * named .jpg may be anything. */
	vips_block_untrusted_set(TRUE);
	vips_operation_block_set("VipsForeignLoad", TRUE);
	static const char *const allowed[] = {
	    "VipsForeignLoadJpeg",  "VipsForeignLoadPng",
	    "VipsForeignLoadWebp",  "VipsForeignLoadHeif",
	    "VipsForeignLoadNsgif", /* libvips 8.14's GIF loader */
	    "VipsForeignLoadGif"};  /* and its name elsewhere */
	for (size_t i = 0; i < G_N_ELEMENTS(allowed); i++)
		vips_operation_block_set(allowed[i], FALSE);
	/* zamen runs one image per core; libvips keeps no cache of
	 * operations: an image is made once and kept on disk. */
	vips_concurrency_set(1);
	vips_cache_set_max(0);
	return NULL;
}

static void vips_once(void)
{
	static GOnce once = G_ONCE_INIT;
	g_once(&once, vips_start, NULL);
}

/* ---- types, by their first bytes ------------------------------------ */

static bool sniff(const unsigned char *b, size_t n, enum image_type *t)
{
	if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
		*t = IMAGE_JPEG;
	else if (n >= 8 && !memcmp(b, "\x89PNG\r\n\x1a\n", 8))
		*t = IMAGE_PNG;
	else if (n >= 12 && !memcmp(b, "RIFF", 4) && !memcmp(b + 8, "WEBP", 4))
		*t = IMAGE_WEBP;
	else if (n >= 6 && (!memcmp(b, "GIF87a", 6) || !memcmp(b, "GIF89a", 6)))
		*t = IMAGE_GIF;
	else if (n >= 12 && !memcmp(b + 4, "ftyp", 4)) {
		static const char *const brands[] = {
		    "heic", "heix", "hevc", "hevx", "heim",
		    "heis", "mif1", "msf1", "avif", "avis"};
		for (size_t i = 0; i < G_N_ELEMENTS(brands); i++)
			if (!memcmp(b + 8, brands[i], 4)) {
				*t = IMAGE_HEIF;
				return true;
			}
		return false;
	} else
		return false;
	return true;
}

/* Opens the image in buf lazily (the header only, until pixels are
 * asked) with the loader of type t; JPEG shrunk by shrink on load. */
static VipsImage *open_buffer(const void *buf, size_t len, enum image_type t,
                              int shrink)
{
	VipsImage *img = NULL;
	void *b = (void *)buf;
	int r = -1;
	switch (t) {
	case IMAGE_JPEG:
		r = vips_jpegload_buffer(
		    b, len, &img, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
		    VIPS_FAIL_ON_ERROR, "shrink", shrink, NULL);
		break;
	case IMAGE_PNG:
		r = vips_pngload_buffer(b, len, &img, "access",
		                        VIPS_ACCESS_SEQUENTIAL, "fail_on",
		                        VIPS_FAIL_ON_ERROR, NULL);
		break;
	case IMAGE_WEBP:
		r = vips_webpload_buffer(b, len, &img, "access",
		                         VIPS_ACCESS_SEQUENTIAL, "fail_on",
		                         VIPS_FAIL_ON_ERROR, NULL);
		break;
	case IMAGE_GIF:
		r = vips_gifload_buffer(b, len, &img, "access",
		                        VIPS_ACCESS_SEQUENTIAL, "fail_on",
		                        VIPS_FAIL_ON_ERROR, NULL);
		break;
	case IMAGE_HEIF:
		r = vips_heifload_buffer(b, len, &img, "access",
		                         VIPS_ACCESS_SEQUENTIAL, "fail_on",
		                         VIPS_FAIL_ON_ERROR, NULL);
		break;
	}
	if (r) {
		if (img)
			g_object_unref(img);
		return NULL;
	}
	return img;
}

static int orientation(VipsImage *img)
{
	int o = 1;
	if (vips_image_get_typeof(img, VIPS_META_ORIENTATION) &&
	    vips_image_get_int(img, VIPS_META_ORIENTATION, &o))
		o = 1;
	return o >= 1 && o <= 8 ? o : 1;
}

/* ---- the cache ------------------------------------------------------ */

/* A folder of the cache that is really a folder, not a link elsewhere. */
static bool real_dir(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct image_cache *image_cache_new(const char *source, bool write)
{
	struct image_cache *c = g_new0(struct image_cache, 1);
	c->write = write;
	pthread_mutex_init(&c->lock, NULL);
	c->probed =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	c->top = g_build_filename(source, ".zamen-cache", NULL);
	c->dir = g_build_filename(c->top, "afbeeldingen", NULL);
	struct stat st;
	/* Something else under the cache's name (a link elsewhere, a file):
	 * zamen neither reads nor writes there. */
	c->off = (lstat(c->top, &st) == 0 && !S_ISDIR(st.st_mode)) ||
	         (lstat(c->dir, &st) == 0 && !S_ISDIR(st.st_mode));
	c->made = !c->off && real_dir(c->dir);
	return c;
}

void image_cache_keep(struct image_cache *c, bool write)
{
	if (c)
		c->write = write;
}

/* Makes the cache folder for a first entry: only once something is to be
 * kept, so a refused or read-only run leaves no trace. */
static bool cache_ready(struct image_cache *c)
{
	pthread_mutex_lock(&c->lock);
	if (!c->made && !c->off) {
		if (mkdir(c->top, 0777) == 0) {
			/* git leaves alone a folder that ignores itself. */
			char *ign =
			    g_build_filename(c->top, ".gitignore", NULL);
			g_file_set_contents(ign,
			                    "# Gemaakt door zamen: een cache, "
			                    "geen bron. De map mag altijd "
			                    "weg.\n*\n",
			                    -1, NULL);
			g_free(ign);
		}
		if (real_dir(c->top))
			(void)mkdir(c->dir, 0777);
		c->made = real_dir(c->top) && real_dir(c->dir);
		c->off = !c->made;
	}
	bool ok = c->made;
	pthread_mutex_unlock(&c->lock);
	return ok;
}

void image_cache_counts(const struct image_cache *c, unsigned *worked,
                        unsigned *cached)
{
	*worked = c ? (unsigned)g_atomic_int_get(&c->worked) : 0;
	*cached = c ? (unsigned)g_atomic_int_get(&c->cached) : 0;
}

void image_cache_free(struct image_cache *c)
{
	if (!c)
		return;
	GDir *d = c->made && c->write ? g_dir_open(c->dir, 0, NULL) : NULL;
	if (d) {
		time_t old = time(NULL) - (time_t)CACHE_KEEP_DAYS * 24 * 3600;
		const char *name;
		while ((name = g_dir_read_name(d))) {
			char *p = g_build_filename(c->dir, name, NULL);
			struct stat st;
			if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
			    st.st_mtime < old)
				(void)unlink(p);
			g_free(p);
		}
		g_dir_close(d);
	}
	g_hash_table_destroy(c->probed);
	pthread_mutex_destroy(&c->lock);
	g_free(c->dir);
	g_free(c->top);
	g_free(c);
}

/* The cache file called name, or NULL without a cache. */
static char *cache_path(const struct image_cache *c, const char *name)
{
	return c && !c->off ? g_build_filename(c->dir, name, NULL) : NULL;
}

/* The bytes of the cache entry at path, which a use makes young again. */
static GBytes *cache_read(const char *path)
{
	if (!path)
		return NULL;
	/* Never through a link: the cache is zamen's own. */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	GBytes *b = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    st.st_size < 256 * 1024 * 1024) {
		size_t n = (size_t)st.st_size, got = 0;
		char *data = g_malloc(n);
		while (got < n) {
			ssize_t r = read(fd, data + got, n - got);
			if (r <= 0)
				break;
			got += (size_t)r;
		}
		if (got == n) {
			b = g_bytes_new_take(data, n);
			if (time(NULL) - st.st_mtime > CACHE_TOUCH_SECONDS)
				(void)futimens(fd, NULL);
		} else {
			g_free(data);
		}
	}
	close(fd);
	return b;
}

/* Writes data as the cache entry at path, whole or not at all. */
static void cache_write(struct image_cache *c, const char *path,
                        const void *data, size_t len)
{
	if (path && c->write && cache_ready(c))
		g_file_set_contents(path, data, (gssize)len, NULL);
}

/* ---- reading a source file ------------------------------------------ */

/* The file at path, read whole; NULL when it cannot be read. The limit
 * keeps a 2 GB file out of memory; no phone photo comes near it. */
#define SOURCE_MAX_BYTES (200u * 1024 * 1024)

static char *read_source(const char *path, size_t *len, const char **why)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*why = "het bestand is niet te lezen";
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		*why = "het is geen gewoon bestand";
		return NULL;
	}
	if ((unsigned long long)st.st_size > SOURCE_MAX_BYTES) {
		close(fd);
		*why = "het bestand is groter dan 200 MB; verklein de foto";
		return NULL;
	}
	size_t n = (size_t)st.st_size, got = 0;
	char *data = g_malloc(n ? n : 1);
	while (got < n) {
		ssize_t r = read(fd, data + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got != n) {
		g_free(data);
		*why = "het bestand is niet helemaal te lezen";
		return NULL;
	}
	*len = n;
	return data;
}

/* ---- probing -------------------------------------------------------- */

static const char *const type_names[] = {"jpeg", "png", "webp", "gif", "heif"};

static bool info_read(const struct image_cache *c, struct image_info *info)
{
	char name[80];
	g_snprintf(name, sizeof name, "%s.info", info->digest);
	char *path = cache_path(c, name);
	GBytes *b = cache_read(path);
	g_free(path);
	if (!b)
		return false;
	gsize n;
	const char *data = g_bytes_get_data(b, &n);
	char text[128];
	bool ok = false;
	if (n < sizeof text) {
		memcpy(text, data, n);
		text[n] = 0;
		int w, h, alpha;
		char type[8];
		if (sscanf(text, IMAGE_PIPELINE " %d %d %d %7s", &w, &h, &alpha,
		           type) == 4 &&
		    w > 0 && h > 0 && (double)w * h <= IMAGE_MAX_PIXELS) {
			for (size_t i = 0; i < G_N_ELEMENTS(type_names); i++)
				if (!strcmp(type, type_names[i])) {
					info->type = (enum image_type)i;
					ok = true;
				}
			info->width = w;
			info->height = h;
			info->alpha = alpha != 0;
		}
	}
	g_bytes_unref(b);
	return ok;
}

static void info_write(struct image_cache *c, const struct image_info *info)
{
	char name[80];
	g_snprintf(name, sizeof name, "%s.info", info->digest);
	char *path = cache_path(c, name);
	char *text =
	    g_strdup_printf(IMAGE_PIPELINE " %d %d %d %s\n", info->width,
	                    info->height, info->alpha, type_names[info->type]);
	cache_write(c, path, text, strlen(text));
	g_free(text);
	g_free(path);
}

static const char *heif_advice =
    "zamen kan deze HEIC-foto niet lezen. Stuur de foto vanaf de iPhone "
    "als JPEG (in Foto's: Deel > Opties > 'Meest compatibel', of mail "
    "hem aan uzelf), of zet bij Instellingen > Camera > Structuur "
    "'Meest compatibel' aan voor de volgende foto's";

static const char *resave_advice =
    ". Open het in een fotoprogramma en sla het opnieuw op als JPEG (of "
    "PNG)";

/* The name of the cache entry that remembers the digest of the file at
 * path as it is now: its identity and every time a write changes (ctime
 * cannot be set back by any editor's tool), so an unchanged photo is not
 * read again to be recognised. NULL when it cannot be seen. */
static char *source_memo(const struct image_cache *c, const char *path)
{
	struct stat st;
	if (!c || c->off || stat(path, &st) || !S_ISREG(st.st_mode))
		return NULL;
	char *id = g_strdup_printf(
	    "%s\n%ju %ju %jd %jd.%09ld %jd.%09ld", path, (uintmax_t)st.st_dev,
	    (uintmax_t)st.st_ino, (intmax_t)st.st_size,
	    (intmax_t)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
	    (intmax_t)st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
	char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, id, -1);
	char *name = g_strdup_printf("%s.bron", sum);
	char *p = cache_path(c, name);
	g_free(name);
	g_free(sum);
	g_free(id);
	return p;
}

static bool memo_read(const char *memo, char digest[65])
{
	GBytes *b = cache_read(memo);
	if (!b)
		return false;
	gsize n;
	const char *d = g_bytes_get_data(b, &n);
	bool ok = n == 64;
	for (gsize i = 0; ok && i < n; i++)
		ok = g_ascii_isxdigit(d[i]);
	if (ok) {
		memcpy(digest, d, 64);
		digest[64] = 0;
	}
	g_bytes_unref(b);
	return ok;
}

static bool probed(struct image_cache *c, const char *path,
                   struct image_info *info)
{
	if (!c)
		return false;
	pthread_mutex_lock(&c->lock);
	const struct image_info *known = g_hash_table_lookup(c->probed, path);
	if (known)
		*info = *known;
	pthread_mutex_unlock(&c->lock);
	return known != NULL;
}

static void remember(struct image_cache *c, const char *path,
                     const struct image_info *info)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	g_hash_table_replace(c->probed, g_strdup(path),
	                     g_memdup2(info, sizeof *info));
	pthread_mutex_unlock(&c->lock);
}

static const char *probe(struct image_cache *c, const char *path,
                         struct image_info *info, char *buf, size_t size);

const char *image_probe(struct image_cache *c, const char *path,
                        struct image_info *info, char *buf, size_t size)
{
	memset(info, 0, sizeof *info);
	if (probed(c, path, info))
		return NULL;
	char *memo = source_memo(c, path);
	if (memo && memo_read(memo, info->digest) && info_read(c, info)) {
		g_atomic_int_inc(&c->cached);
		remember(c, path, info);
		g_free(memo);
		return NULL;
	}
	const char *why = probe(c, path, info, buf, size);
	if (!why) {
		remember(c, path, info);
		cache_write(c, memo, info->digest, 64);
	}
	g_free(memo);
	return why;
}

static const char *probe(struct image_cache *c, const char *path,
                         struct image_info *info, char *buf, size_t size)
{
	memset(info, 0, sizeof *info);
	const char *why = NULL;
	size_t len = 0;
	char *data = read_source(path, &len, &why);
	if (!data)
		return why;
	char *digest =
	    g_compute_checksum_for_data(G_CHECKSUM_SHA256, (guchar *)data, len);
	g_strlcpy(info->digest, digest, sizeof info->digest);
	g_free(digest);
	if (info_read(c, info)) {
		g_free(data);
		if (c)
			g_atomic_int_inc(&c->cached);
		return NULL;
	}
	if (!sniff((unsigned char *)data, len, &info->type)) {
		g_free(data);
		return "het is geen JPEG-, PNG-, WebP- of HEIC-bestand, ook al "
		       "heet het zo. Open het in een fotoprogramma en sla het "
		       "opnieuw op als JPEG (of PNG)";
	}
	vips_once();
	if (c)
		g_atomic_int_inc(&c->worked);
	VipsImage *img = open_buffer(data, len, info->type, 1);
	VipsImage *pixels = NULL;
	double avg;
	if (!img) {
		why = info->type == IMAGE_HEIF ? heif_advice : NULL;
		if (!why) {
			g_snprintf(buf, size, "het bestand is beschadigd%s",
			           resave_advice);
			why = buf;
		}
		goto done;
	}
	int w = vips_image_get_width(img), h = vips_image_get_height(img);
	/* The header, before any pixel is decoded. */
	if ((double)w * h > IMAGE_MAX_PIXELS) {
		g_snprintf(
		    buf, size,
		    "de foto is %.0f megapixel, meer dan %.0f; verklein "
		    "hem (een foto van 4000 pixels breed is ruim genoeg)",
		    (double)w * h / 1e6, IMAGE_MAX_PIXELS / 1e6);
		why = buf;
		goto done;
	}
	/* Every byte is decoded: a truncated file shows here, not as a grey
	 * band on the page. A JPEG shrunk by 8 still reads every byte. */
	if (info->type == IMAGE_JPEG)
		pixels = open_buffer(data, len, info->type, 8);
	if (!(pixels ? pixels : img) ||
	    vips_avg(pixels ? pixels : img, &avg, NULL)) {
		why = info->type == IMAGE_HEIF ? heif_advice : NULL;
		if (!why) {
			g_snprintf(buf, size,
			           "het bestand is beschadigd of niet helemaal "
			           "opgeslagen%s",
			           resave_advice);
			why = buf;
		}
		goto done;
	}
	bool turned = orientation(img) >= 5;
	info->width = turned ? h : w;
	info->height = turned ? w : h;
	info->alpha = vips_image_hasalpha(img);
	info_write(c, info);
done:
	if (pixels)
		g_object_unref(pixels);
	if (img)
		g_object_unref(img);
	vips_error_clear();
	g_free(data);
	return why;
}

/* ---- making ---------------------------------------------------------- */

const char *image_format_ext(enum image_format format)
{
	switch (format) {
	case IMAGE_FORMAT_JPEG:
		return "jpg";
	case IMAGE_FORMAT_WEBP:
		return "webp";
	case IMAGE_FORMAT_PNG:
		return "png";
	}
	return "jpg";
}

struct image_request image_fit(const struct image_info *info,
                               enum image_format format, int max_width)
{
	struct image_request rq = {.format = format, .quality = 80};
	rq.width = info->width < max_width ? info->width : max_width;
	if (rq.width < 1)
		rq.width = 1;
	rq.height = (int)lround((double)info->height * rq.width / info->width);
	if (rq.height < 1)
		rq.height = 1;
	return rq;
}

void image_key(const struct image_info *info, const struct image_request *rq,
               char key[65])
{
	/* %.3f: the crop is computed from the same numbers every build;
	 * printed, it cannot differ by a rounding of the last bit. */
	char *text = g_strdup_printf(
	    "%s\n%s\nvips %s\n%s %d %d %.3f %.3f %.3f %.3f %d %d\n",
	    IMAGE_PIPELINE, info->digest, vips_version_string(),
	    image_format_ext(rq->format), rq->width, rq->height, rq->crop_x,
	    rq->crop_y, rq->crop_w, rq->crop_h, rq->flatten, rq->quality);
	char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, -1);
	g_strlcpy(key, sum, 65);
	g_free(sum);
	g_free(text);
}

/* Replaces *img by *out when op (the status of the operation that made
 * *out) succeeded; returns whether it did. out is passed by address: it is
 * read only after the operation, an argument of the same call, has run. */
static bool step(VipsImage **img, int op, VipsImage **out)
{
	VipsImage *made = *out;
	*out = NULL;
	if (op) {
		if (made)
			g_object_unref(made);
		return false;
	}
	g_object_unref(*img);
	*img = made;
	return true;
}

/* The source in data scaled so that the whole upright image is width
 * pixels wide (never up), in sRGB, 8 bits. */
static VipsImage *load_scaled(const char *data, size_t len, int width)
{
	VipsImage *img = NULL;
	/* Shrink on load, the EXIF orientation applied. */
	if (vips_thumbnail_buffer((void *)data, len, &img, width, "height",
	                          VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL))
		return NULL;
	VipsImage *out = NULL;
	/* An embedded profile (Display P3 from an iPhone, Adobe RGB from a
	 * camera) converted to sRGB, on the small image; without one the
	 * pixels are sRGB already, or CMYK, which colourspace turns. */
	if (vips_image_get_typeof(img, VIPS_META_ICC_NAME) &&
	    !step(&img,
	          vips_icc_transform(img, &out, "srgb", "embedded", TRUE,
	                             "intent", VIPS_INTENT_PERCEPTUAL, NULL),
	          &out))
		vips_error_clear(); /* a broken profile: keep the pixels */
	if (vips_image_get_interpretation(img) != VIPS_INTERPRETATION_sRGB &&
	    !step(&img,
	          vips_colourspace(img, &out, VIPS_INTERPRETATION_sRGB, NULL),
	          &out))
		goto fail;
	if (vips_image_get_format(img) != VIPS_FORMAT_UCHAR &&
	    !step(&img, vips_cast(img, &out, VIPS_FORMAT_UCHAR, NULL), &out))
		goto fail;
	return img;
fail:
	g_object_unref(img);
	return NULL;
}

static VipsImage *shape(VipsImage *img, const struct image_info *info,
                        const struct image_request *rq)
{
	VipsImage *out = NULL;
	double cw = rq->crop_w > 0 ? rq->crop_w : info->width;
	double ch = rq->crop_w > 0 ? rq->crop_h : info->height;
	double cx = rq->crop_w > 0 ? rq->crop_x : 0;
	double cy = rq->crop_w > 0 ? rq->crop_y : 0;
	double s = (double)vips_image_get_width(img) / info->width;
	int iw = vips_image_get_width(img), ih = vips_image_get_height(img);
	if (rq->crop_w > 0) {
		int x = (int)lround(cx * s), y = (int)lround(cy * s);
		int w = (int)lround(cw * s), h = (int)lround(ch * s);
		w = w < 1 ? 1 : w > iw ? iw : w;
		h = h < 1 ? 1 : h > ih ? ih : h;
		x = x < 0 ? 0 : x + w > iw ? iw - w : x;
		y = y < 0 ? 0 : y + h > ih ? ih - h : y;
		if (!step(&img, vips_extract_area(img, &out, x, y, w, h, NULL),
		          &out))
			goto fail;
	}
	iw = vips_image_get_width(img);
	ih = vips_image_get_height(img);
	/* The last pixel of rounding: the page was laid out, and the HTML
	 * written, with rq's size. */
	if ((iw != rq->width || ih != rq->height) &&
	    !step(&img,
	          vips_resize(img, &out, (double)rq->width / iw, "vscale",
	                      (double)rq->height / ih, NULL),
	          &out))
		goto fail;
	bool flatten = rq->flatten || rq->format == IMAGE_FORMAT_JPEG;
	if (flatten && vips_image_hasalpha(img)) {
		VipsArrayDouble *white =
		    vips_array_double_newv(3, 255.0, 255.0, 255.0);
		int r = vips_flatten(img, &out, "background", white, NULL);
		vips_area_unref(VIPS_AREA(white));
		if (!step(&img, r, &out))
			goto fail;
	}
	/* libvips 8.14 writes EXIF and XMP into a WebP even with "strip":
	 * the image itself carries none, on a copy of its own. */
	if (!step(&img, vips_copy(img, &out, NULL), &out))
		goto fail;
	gchar **fields = vips_image_get_fields(img);
	for (gchar **f = fields; *f; f++)
		(void)vips_image_remove(img, *f);
	g_strfreev(fields);
	return img;
fail:
	g_object_unref(img);
	return NULL;
}

/* WebP through libwebp's simple encoder, which writes the picture and
 * nothing else: libvips 8.14's webpsave adds an EXIF block of its own even
 * when told to strip. */
static bool save_webp(VipsImage *img, int quality, void **buf, size_t *len)
{
	int w = vips_image_get_width(img), h = vips_image_get_height(img);
	int bands = vips_image_get_bands(img);
	if (bands != 3 && bands != 4)
		return false;
	size_t n = 0;
	uint8_t *pixels = vips_image_write_to_memory(img, &n);
	if (!pixels || n != (size_t)w * h * bands) {
		g_free(pixels);
		return false;
	}
	uint8_t *out = NULL;
	size_t made = bands == 4
	                  ? WebPEncodeRGBA(pixels, w, h, w * 4, quality, &out)
	                  : WebPEncodeRGB(pixels, w, h, w * 3, quality, &out);
	g_free(pixels);
	if (!made)
		return false;
	*buf = g_memdup2(out, made);
	*len = made;
	WebPFree(out);
	return true;
}

static bool save(VipsImage *img, const struct image_request *rq, void **buf,
                 size_t *len)
{
	switch (rq->format) {
	case IMAGE_FORMAT_JPEG:
		/* Progressive, with optimised tables: smaller, and a phone
		 * shows the whole picture early. */
		return !vips_jpegsave_buffer(img, buf, len, "Q", rq->quality,
		                             "strip", TRUE, "optimize_coding",
		                             TRUE, "interlace",
		                             rq->quality < 90, NULL);
	case IMAGE_FORMAT_WEBP:
		return save_webp(img, rq->quality, buf, len);
	case IMAGE_FORMAT_PNG:
		return !vips_pngsave_buffer(img, buf, len, "strip", TRUE,
		                            "compression", 9, NULL);
	}
	return false;
}

/* Every result is made from one intermediate per source: the upright
 * image shrunk by the largest of 2, 4 or 8 that leaves it at least
 * IMAGE_BASE_WIDTH wide (a JPEG decodes at those sizes for a fraction of
 * the work), or at its own size, in memory.
 * Decoding a phone photo is most of the work; this way it happens once for
 * all widths and formats, and a result never depends on which others were
 * made in the same run or were in the cache already. */
#define IMAGE_BASE_WIDTH 1400

static int base_width(const struct image_info *info)
{
	int k = 8;
	while (k > 1 && info->width / k < IMAGE_BASE_WIDTH)
		k /= 2;
	return info->width / k;
}

/* What rq makes of base, the intermediate of info's image. */
static GBytes *make_one(VipsImage *base, const struct image_info *info,
                        const struct image_request *rq)
{
	double cw = rq->crop_w > 0 ? rq->crop_w : info->width;
	int bw = vips_image_get_width(base);
	int whole = (int)ceil(info->width * (double)rq->width / cw);
	VipsImage *img = NULL;
	if (whole < bw) {
		if (vips_resize(base, &img, (double)whole / bw, NULL))
			return NULL;
	} else {
		img = g_object_ref(base);
	}
	img = shape(img, info, rq);
	void *out = NULL;
	size_t n = 0;
	bool ok = img && save(img, rq, &out, &n);
	if (img)
		g_object_unref(img);
	return ok ? g_bytes_new_with_free_func(out, n, g_free, out) : NULL;
}

bool image_make_all(struct image_cache *c, const char *path,
                    const struct image_info *info,
                    const struct image_request *rq, size_t n, GBytes **out,
                    char *buf, size_t size)
{
	char **cpaths = g_new0(char *, n ? n : 1);
	size_t missing = 0;
	for (size_t i = 0; i < n; i++) {
		char key[65];
		image_key(info, &rq[i], key);
		char *name = g_strdup_printf("%s.%s", key,
		                             image_format_ext(rq[i].format));
		cpaths[i] = cache_path(c, name);
		g_free(name);
		out[i] = cache_read(cpaths[i]);
		if (out[i] && c)
			g_atomic_int_inc(&c->cached);
		missing += !out[i];
	}
	const char *why = NULL;
	char *data = NULL;
	size_t len = 0;
	if (missing)
		data = read_source(path, &len, &why);
	if (data) {
		char *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		                                           (guchar *)data, len);
		if (strcmp(digest, info->digest))
			why = "het bestand is tijdens de build veranderd; bouw "
			      "opnieuw";
		g_free(digest);
	}
	if (data && !why) {
		vips_once();
		VipsImage *scaled = load_scaled(data, len, base_width(info));
		VipsImage *base =
		    scaled ? vips_image_copy_memory(scaled) : NULL;
		if (scaled)
			g_object_unref(scaled);
		for (size_t i = 0; base && i < n; i++) {
			if (out[i])
				continue;
			out[i] = make_one(base, info, &rq[i]);
			if (!out[i])
				break;
			if (c)
				g_atomic_int_inc(&c->worked);
			gsize len_i;
			const void *bytes = g_bytes_get_data(out[i], &len_i);
			cache_write(c, cpaths[i], bytes, len_i);
		}
		if (base)
			g_object_unref(base);
		vips_error_clear();
	}
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		ok &= out[i] != NULL;
		g_free(cpaths[i]);
	}
	g_free(cpaths);
	if (!ok) {
		for (size_t i = 0; i < n; i++)
			if (out[i]) {
				g_bytes_unref(out[i]);
				out[i] = NULL;
			}
		g_snprintf(buf, size, "%s",
		           why ? why : "het bestand is niet opnieuw te lezen");
	}
	g_free(data);
	return ok;
}

GBytes *image_make(struct image_cache *c, const char *path,
                   const struct image_info *info,
                   const struct image_request *rq, char *buf, size_t size)
{
	GBytes *b = NULL;
	return image_make_all(c, path, info, rq, 1, &b, buf, size) ? b : NULL;
}

void image_attention_crop(struct image_cache *c, const char *path,
                          const struct image_info *info, double aspect,
                          double crop[4])
{
	/* The middle, unless libvips finds better. */
	double w = info->width, h = info->height;
	if (w / h > aspect)
		w = h * aspect;
	else
		h = w / aspect;
	crop[0] = (info->width - w) / 2;
	crop[1] = (info->height - h) / 2;
	crop[2] = w;
	crop[3] = h;
	char name[128];
	g_snprintf(name, sizeof name, "%s-aandacht-%.4f.txt", info->digest,
	           aspect);
	char *cpath = cache_path(c, name);
	GBytes *b = cache_read(cpath);
	if (b) {
		gsize n;
		const char *t = g_bytes_get_data(b, &n);
		char text[64];
		double x, y;
		if (n < sizeof text) {
			memcpy(text, t, n);
			text[n] = 0;
			if (sscanf(text, "%lf %lf", &x, &y) == 2 && x >= 0 &&
			    y >= 0 && x + w <= info->width + 0.5 &&
			    y + h <= info->height + 0.5) {
				crop[0] = x;
				crop[1] = y;
			}
		}
		g_bytes_unref(b);
		if (c)
			g_atomic_int_inc(&c->cached);
		g_free(cpath);
		return;
	}
	size_t len = 0;
	const char *why = NULL;
	char *data = read_source(path, &len, &why);
	if (data) {
		vips_once();
		if (c)
			g_atomic_int_inc(&c->worked);
		/* Judged on a small copy: where the interest lies does not
		 * need every pixel. */
		int small = info->width < 512 ? info->width : 512;
		VipsImage *img = load_scaled(data, len, small);
		VipsImage *out = NULL;
		if (img) {
			double s =
			    (double)vips_image_get_width(img) / info->width;
			int sw = (int)floor(w * s), sh = (int)floor(h * s);
			int x = 0, y = 0;
			if (sw >= 1 && sh >= 1 &&
			    !vips_smartcrop(img, &out, sw, sh, "interesting",
			                    VIPS_INTERESTING_ATTENTION, NULL)) {
				x = vips_image_get_xoffset(out);
				y = vips_image_get_yoffset(out);
				g_object_unref(out);
				crop[0] = fmin(-x / s, info->width - w);
				crop[1] = fmin(-y / s, info->height - h);
				crop[0] = fmax(crop[0], 0);
				crop[1] = fmax(crop[1], 0);
			}
			g_object_unref(img);
			char text[64];
			g_snprintf(text, sizeof text, "%.3f %.3f\n", crop[0],
			           crop[1]);
			cache_write(c, cpath, text, strlen(text));
		}
		vips_error_clear();
		g_free(data);
	}
	g_free(cpath);
}
