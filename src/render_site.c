#include "render_site.h"

#include <pthread.h>
#include <string.h>

#include "load_fm.h"
#include "model_link.h"
#include "parallel.h"
#include "render_feed.h"
#include "render_ical.h"
#include "render_image.h"
#include "render_md.h"
#include "render_sitemap.h"
#include "render_url.h"
#include "render_words.h"
#include "text.h"

struct render {
	const struct site *s;
	const struct tpl_set *t;
	const char *layouts;
	const struct render_extra *extra;
	struct write_out *w;
	GPtrArray *paths;
	struct diags *d;
	bool failed;
	/* Files to copy into the output (assets, linked PDFs), by
	 * destination, so each is copied once. */
	GHashTable *copies;
	/* The images the pages show, made after them (render_image.h). */
	struct picture_set *pics;
	GPtrArray *written; /* page paths, for the sitemap */
	/* Pages are rendered by several threads: the fields above that
	 * change (copies, written, paths, failed, d) are guarded by lock. */
	/* pthread, not GMutex: GLib builds GMutex on futexes that
	 * ThreadSanitizer cannot see (make SANITIZE=thread test). */
	pthread_mutex_t lock;
	const struct story **stories; /* published, newest first */
	size_t n_stories;
};

/* One page being built: its path, its scratch arena and dictionaries. */
struct out_page {
	struct render *r;
	const char *path;
	struct arena *a;
	struct tpl_dict *top;
	struct tpl_dict *content;
	const char *layout;
};

static const char *iso(struct arena *a, date_t d)
{
	char buf[11];
	date_format(d, buf);
	return arena_strdup(a, buf);
}

static const char *link(struct out_page *p, const char *to)
{
	return url_relative(p->a, p->path, to);
}

/* Remembers to copy the file at path `from` (as it can be opened) to `to`
 * in the output; each destination once. */
static void copy_file(struct render *r, const char *to, const char *from)
{
	pthread_mutex_lock(&r->lock);
	if (!g_hash_table_contains(r->copies, to))
		g_hash_table_insert(r->copies, g_strdup(to), g_strdup(from));
	pthread_mutex_unlock(&r->lock);
}

/* The image named in front matter (`foto`, `logo`: path from the source
 * folder), when model_link.h accepts it as check did and it may be
 * published now: fills *pic with the files render_image.h makes of it for
 * use. The file itself never reaches the output. */
static bool front_picture(struct out_page *p, const struct doc *d,
                          const char *field, const char *path,
                          enum link_use link_use, enum picture_use use,
                          struct picture *pic)
{
	struct link l;
	link_file(p->r->s, d, path, link_use, p->a, &l);
	if (!link_file_published(&l, d) || !link_file_is_image(&l))
		return false;
	const struct fm_node *n = d->src->fm ? fm_get(d->src->fm, field) : NULL;
	struct diag_pos pos = {d->src->path, n ? n->line : 0, n ? n->col : 0};
	return picture_add(p->r->pics, &l, use, pos, p->a, pic);
}

/* The values of a <picture> in a layout: SRC, SRCSET, WEBP_SRCSET,
 * SIZES, WIDTH and HEIGHT (of the widest file). */
static void set_picture(struct out_page *p, struct tpl_dict *d,
                        const struct picture *pic, const char *sizes)
{
	tpl_set(d, "SRC", picture_src(p->a, pic, p->path));
	tpl_set(d, "SRCSET", picture_srcset(p->a, pic, p->path, false));
	tpl_set(d, "WEBP_SRCSET", picture_srcset(p->a, pic, p->path, true));
	tpl_set(d, "SIZES", sizes);
	tpl_set_int(d, "WIDTH", pic->width[pic->n - 1]);
	tpl_set_int(d, "HEIGHT", pic->height[pic->n - 1]);
}

/* The main menu: the four sections, then the pages by their `menu`. */
static void fill_menu(struct out_page *p)
{
	static const char *const sections[][2] = {
	    {"activiteiten/", "Activiteiten"},
	    {"verhalen/", "Verhalen"},
	    {"journaal/", "Journaal"},
	    {"partners/", "Partners"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(sections); i++) {
		struct tpl_dict *m = tpl_add_section(p->top, "MENU");
		tpl_set(m, "URL", link(p, sections[i][0]));
		tpl_set(m, "LABEL", sections[i][1]);
		if (g_str_has_prefix(p->path, sections[i][0]))
			tpl_show(m, "CURRENT");
	}
	const struct site *s = p->r->s;
	for (size_t i = 0; i < s->n_menu; i++) {
		const char *to = url_page(p->a, s->menu[i]);
		struct tpl_dict *m = tpl_add_section(p->top, "MENU");
		tpl_set(m, "URL", link(p, to));
		tpl_set(m, "LABEL", s->menu[i]->titel);
		if (!strcmp(p->path, to))
			tpl_show(m, "CURRENT");
	}
}

/* TEL: the number of a tel: link, its digits and '+' only. */
static void set_tel(struct tpl_dict *d, const char *phone)
{
	char *tel = g_strdup(phone);
	char *o = tel;
	for (const char *q = phone; *q; q++)
		if (g_ascii_isdigit(*q) || *q == '+')
			*o++ = *q;
	*o = '\0';
	tpl_set(d, "TEL", tel);
	g_free(tel);
}

static void fill_contact(struct out_page *p)
{
	const struct site_config *c = &p->r->s->config;
	struct tpl_dict *d = tpl_add_include(p->top, "CONTACT", "contact.tpl");
	tpl_set(d, "NAAM", c->contact.naam);
	if (c->contact.tekst)
		tpl_set(tpl_add_section(d, "TEKST"), "TEKST", c->contact.tekst);
	if (c->contact.telefoon) {
		struct tpl_dict *t = tpl_add_section(d, "TELEFOON");
		tpl_set(t, "TELEFOON", c->contact.telefoon);
		set_tel(t, c->contact.telefoon);
	}
	if (c->contact.email)
		tpl_set(tpl_add_section(d, "EMAIL"), "EMAIL", c->contact.email);
}

/* Starts a page; returns the dictionary of its content layout. The root
 * path of a page is relative, except on the 404 page, which a host serves
 * at any address and which therefore starts from basis_url's path. */
static void page_init(struct out_page *p, struct render *r)
{
	memset(p, 0, sizeof *p);
	p->r = r;
	p->a = arena_new();
}

/* path may live in p->a (page_init first) or anywhere else. */
static struct tpl_dict *page_begin(struct out_page *p, const char *path,
                                   const char *layout, const char *title,
                                   const char *description, const char *og_type)
{
	struct render *r = p->r;
	const struct site *s = r->s;
	p->path = arena_strdup(p->a, path);
	p->layout = layout;
	p->top = tpl_dict_new();
	bool home = !*path;
	bool notfound = !strcmp(path, "404.html");

	const char *root = link(p, "");
	if (notfound) {
		const char *u = strstr(s->config.basis_url, "://");
		const char *slash = u ? strchr(u + 3, '/') : NULL;
		root = slash ? slash : "/";
	}
	tpl_set(p->top, "TITLE", title);
	if (!home)
		tpl_show(p->top, "WITH_SITE_TITLE");
	tpl_set(p->top, "SITE_TITLE", s->config.titel);
	tpl_set(p->top, "SITE_SUBTITLE", s->config.ondertitel);
	tpl_set(p->top, "DESCRIPTION",
	        description && *description ? description
	                                    : s->config.ondertitel);
	if (!notfound)
		tpl_set(tpl_add_section(p->top, "CANONICAL"), "URL",
		        url_absolute(p->a, s, path));
	tpl_set(p->top, "OG_TYPE", og_type);
	tpl_set(p->top, "ROOT", root);
	tpl_set(p->top, "ROOT_HOME", home ? "./" : root);
	if (home)
		tpl_show(p->top, "AT_HOME");
	if (r->extra && r->extra->preview)
		tpl_show(p->top, "VOORBEELD");
	fill_menu(p);
	fill_contact(p);
	p->content = tpl_add_include(p->top, "CONTENT", layout);
	tpl_set(p->content, "ROOT", root);
	tpl_set(p->content, "SITE_TITLE", s->config.titel);
	return p->content;
}

static void page_end(struct out_page *p)
{
	struct render *r = p->r;
	GString *out = g_string_new(NULL);
	bool expanded = tpl_expand(r->t, "base.tpl", p->top, out);
	bool written = false;
	if (expanded) {
		const char *file =
		    g_str_has_suffix(p->path, ".html")
		        ? p->path
		        : arena_printf(p->a, "%sindex.html", p->path);
		written = write_file(r->w, file, out->str, out->len);
	}
	pthread_mutex_lock(&r->lock);
	if (!expanded) {
		diag_error(r->d, ((struct diag_pos){p->layout, 0, 0}),
		           "layout kon niet ingevuld worden voor %s",
		           *p->path ? p->path : "de voorpagina");
		r->failed = true;
	} else if (!written) {
		r->failed = true;
	} else if (!g_str_has_suffix(p->path, ".html")) {
		g_ptr_array_add(r->written, g_strdup(p->path));
		if (r->paths)
			g_ptr_array_add(r->paths, g_strdup(p->path));
	}
	pthread_mutex_unlock(&r->lock);
	g_string_free(out, TRUE);
	tpl_dict_free(p->top);
	arena_free(p->a);
}

static void set_body(struct out_page *p, struct tpl_dict *d,
                     const struct doc *doc)
{
	GString *html = g_string_new(NULL);
	GArray *files = g_array_new(FALSE, FALSE, sizeof(struct md_file));
	md_render_html(p->r->s, doc, p->path, p->a, html, files, p->r->pics);
	for (guint i = 0; i < files->len; i++) {
		struct md_file *f = &g_array_index(files, struct md_file, i);
		copy_file(p->r, f->to, f->from);
	}
	tpl_set(d, "BODY", html->str);
	g_array_free(files, TRUE);
	g_string_free(html, TRUE);
}

/* --- lists and cards --------------------------------------------------- */

static int cmp_story_newest(const void *pa, const void *pb)
{
	const struct story *a = *(const struct story *const *)pa;
	const struct story *b = *(const struct story *const *)pb;
	if (a->datum != b->datum)
		return a->datum > b->datum ? -1 : 1;
	return strcmp(a->doc.slug, b->doc.slug);
}

/* Published stories, newest first (g_free the array). */
static const struct story **published_stories(const struct site *s, size_t *n)
{
	const struct story **v = g_new(const struct story *, s->n_stories + 1);
	*n = 0;
	for (size_t i = 0; i < s->n_stories; i++)
		if (s->stories[i]->doc.published)
			v[(*n)++] = s->stories[i];
	qsort(v, *n, sizeof *v, cmp_story_newest);
	return v;
}

/* A card's title is an h2 on a list page of its own, an h3 inside a
 * titled section. */
static void story_card(struct out_page *p, struct tpl_dict *section,
                       const struct story *x, bool h2)
{
	struct tpl_dict *c = tpl_add_include(section, "CARD", "story_card.tpl");
	tpl_show(c, h2 ? "H2" : "H3");
	tpl_set(c, "URL", link(p, url_story(p->a, x)));
	tpl_set(c, "TITEL", x->titel);
	tpl_set(c, "DATUM", words_date(p->a, x->datum));
	tpl_set(c, "DATUM_ISO", iso(p->a, x->datum));
	if (x->kern)
		tpl_set(tpl_add_section(c, "KERN"), "KERN",
		        words_label(p->a, x->kern));
	if (story_author(x))
		tpl_set(tpl_add_section(c, "AUTEUR"), "AUTEUR",
		        story_author(x));
	tpl_set(c, "SAMENVATTING", x->doc.samenvatting);
}

static void activity_card(struct out_page *p, struct tpl_dict *section,
                          const struct activity *x, bool h2)
{
	struct tpl_dict *c =
	    tpl_add_include(section, "CARD", "activity_card.tpl");
	tpl_show(c, h2 ? "H2" : "H3");
	tpl_set(c, "URL", link(p, url_activity(p->a, x)));
	tpl_set(c, "TITEL", x->titel);
	tpl_set(c, "SCHEMA", words_schedule(p->a, x));
	tpl_set(c, "LOCATIE", x->locatie);
	tpl_set(c, "KERN", words_label(p->a, x->kern));
	date_t next = activity_next(x, p->r->s->today);
	if (next != DATE_NONE) {
		struct tpl_dict *v = tpl_add_section(c, "VOLGENDE");
		tpl_set(v, "DATUM", words_date(p->a, next));
		tpl_set(v, "DATUM_ISO", iso(p->a, next));
	}
}

/* Fills the AGENDA include of d with occurrences grouped by day. */
static void agenda(struct out_page *p, struct tpl_dict *d,
                   const struct occurrence *o, size_t n, bool h2,
                   bool with_year, const char *empty)
{
	struct tpl_dict *ag = tpl_add_include(d, "AGENDA", "agenda.tpl");
	if (n == 0) {
		tpl_set(tpl_add_section(ag, "EMPTY"), "EMPTY_TEXT", empty);
		return;
	}
	struct tpl_dict *day = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!day || o[i].date != o[i - 1].date) {
			day = tpl_add_section(ag, "DAY");
			tpl_set(day, "ID", iso(p->a, o[i].date));
			tpl_set(day, "DATUM_ISO", iso(p->a, o[i].date));
			tpl_set(day, "DATUM",
			        with_year ? words_date(p->a, o[i].date)
			                  : words_day(p->a, o[i].date));
			tpl_show(day, h2 ? "H2" : "H3");
		}
		const struct activity *x = o[i].activity;
		struct tpl_dict *it = tpl_add_section(day, "ITEM");
		tpl_set(it, "TIJD", words_time(p->a, x->tijd));
		tpl_set(it, "URL", link(p, url_activity(p->a, x)));
		tpl_set(it, "TITEL", x->titel);
		tpl_set(it, "LOCATIE", x->locatie);
		tpl_set(it, "KERN", words_label(p->a, x->kern));
		if (x->kosten)
			tpl_set(tpl_add_section(it, "KOSTEN"), "KOSTEN",
			        x->kosten);
	}
}

/* --- the pages ----------------------------------------------------------- */

static const struct edition *latest_edition(const struct site *s)
{
	const struct edition *best = NULL;
	for (size_t i = 0; i < s->n_editions; i++) {
		const struct edition *e = s->editions[i];
		if (e->doc.published && (!best || e->datum > best->datum))
			best = e;
	}
	return best;
}

static void render_home(struct render *r)
{
	const struct site *s = r->s;
	struct out_page p;
	page_init(&p, r);
	struct tpl_dict *c = page_begin(&p, "", "home.tpl", s->config.titel,
	                                s->config.ondertitel, "website");
	tpl_set(c, "SITE_TITLE", s->config.titel);
	const struct edition *e = latest_edition(s);
	if (e) {
		struct tpl_dict *j = tpl_add_section(c, "JOURNAAL");
		tpl_set(j, "NAAM", s->config.journaal.naam);
		tpl_set(j, "DATUM", words_date(p.a, e->datum));
		tpl_set(j, "URL", link(&p, url_edition(p.a, e)));
		if (e->verhaal && e->verhaal->doc.published) {
			struct tpl_dict *v = tpl_add_section(j, "VERHAAL");
			tpl_set(v, "URL", link(&p, url_story(p.a, e->verhaal)));
			tpl_set(v, "TITEL", e->verhaal->titel);
			tpl_set(v, "SAMENVATTING",
			        e->verhaal->doc.samenvatting);
		}
	}
	size_t n;
	struct occurrence *o = site_occurrences(s, s->today, s->today + 6, &n);
	agenda(&p, c, o, n, false, false,
	       "De komende zeven dagen staan er geen activiteiten in de "
	       "agenda.");
	g_free(o);
	const struct story **st = published_stories(s, &n);
	for (size_t i = 0; i < n && i < 5; i++)
		story_card(&p, tpl_add_section(c, "STORY"), st[i], false);
	g_free(st);
	page_end(&p);
}

static const char *toegankelijk_words(struct arena *a, const struct strlist *l)
{
	GString *s = g_string_new(NULL);
	for (size_t i = 0; i < l->n; i++) {
		const char *w = !strcmp(l->v[i], "rolstoel")
		                    ? "rolstoeltoegankelijk"
		                : !strcmp(l->v[i], "ringleiding")
		                    ? "ringleiding aanwezig"
		                    : "vervoer kan geregeld worden";
		g_string_append_printf(s, "%s%s", i ? ", " : "", w);
	}
	if (s->len)
		s->str[0] = g_ascii_toupper(s->str[0]);
	const char *r = arena_strdup(a, s->str);
	g_string_free(s, TRUE);
	return r;
}

static void render_story(struct render *r, const struct story *x,
                         const struct story **all, size_t n_all)
{
	struct out_page p;
	page_init(&p, r);
	struct tpl_dict *c =
	    page_begin(&p, url_story(p.a, x), "story.tpl", x->titel,
	               x->doc.samenvatting, "article");
	tpl_set(c, "TITEL", x->titel);
	tpl_set(c, "DATUM", words_date(p.a, x->datum));
	tpl_set(c, "DATUM_ISO", iso(p.a, x->datum));
	if (story_author(x))
		tpl_set(tpl_add_section(c, "AUTEUR"), "AUTEUR",
		        story_author(x));
	if (x->kern) {
		struct tpl_dict *k = tpl_add_section(c, "KERN");
		tpl_set(k, "KERN", words_label(p.a, x->kern));
		tpl_set(k, "KERN_URL",
		        link(&p, url_facet(p.a, "verhalen", "kern", x->kern)));
	}
	struct picture foto, share;
	if (x->foto &&
	    front_picture(&p, &x->doc, "foto", x->foto, LINK_USE_PHOTO,
	                  PICTURE_PHOTO, &foto) &&
	    front_picture(&p, &x->doc, "foto", x->foto, LINK_USE_PHOTO,
	                  PICTURE_SHARE, &share)) {
		struct tpl_dict *f = tpl_add_section(c, "FOTO");
		set_picture(&p, f, &foto, PICTURE_SIZES_COLUMN);
		tpl_set(f, "ALT", x->foto_alt);
		if (x->foto_bijschrift || x->foto_credit) {
			struct tpl_dict *o = tpl_add_section(f, "ONDERSCHRIFT");
			if (x->foto_bijschrift)
				tpl_set(tpl_add_section(o, "BIJSCHRIFT"),
				        "BIJSCHRIFT", x->foto_bijschrift);
			if (x->foto_credit)
				tpl_set(tpl_add_section(o, "CREDIT"), "CREDIT",
				        x->foto_credit);
		}
		struct tpl_dict *og = tpl_add_section(p.top, "OG_IMAGE");
		tpl_set(og, "URL", url_absolute(p.a, r->s, share.fallback[0]));
		tpl_set_int(og, "WIDTH", share.width[0]);
		tpl_set_int(og, "HEIGHT", share.height[0]);
		tpl_set(og, "ALT", x->foto_alt);
	}
	if (x->intro)
		tpl_set(tpl_add_section(c, "INTRO"), "INTRO", x->intro);
	set_body(&p, c, &x->doc);
	if (x->themas.n || x->doelgroep.n) {
		struct tpl_dict *tags = tpl_add_section(c, "TAGS");
		for (size_t i = 0; i < x->themas.n; i++) {
			struct tpl_dict *t = tpl_add_section(tags, "TAG");
			tpl_set(t, "URL",
			        link(&p, url_facet(p.a, "verhalen", "thema",
			                           x->themas.v[i])));
			tpl_set(t, "LABEL", words_label(p.a, x->themas.v[i]));
		}
		for (size_t i = 0; i < x->doelgroep.n; i++) {
			struct tpl_dict *t = tpl_add_section(tags, "TAG");
			tpl_set(t, "URL",
			        link(&p, url_facet(p.a, "verhalen", "doelgroep",
			                           x->doelgroep.v[i])));
			tpl_set(t, "LABEL",
			        words_label(p.a, x->doelgroep.v[i]));
		}
	}
	/* Related: the newest stories sharing a thema, three at most. */
	struct tpl_dict *rel = NULL;
	int shown = 0;
	/* Without a thema there is nothing to share: skip the scan of every
	 * story (on 10,000 pages it would be quadratic). */
	for (size_t i = 0; x->themas.n && i < n_all && shown < 3; i++) {
		const struct story *o = all[i];
		if (o == x)
			continue;
		bool shares = false;
		for (size_t k = 0; k < x->themas.n && !shares; k++)
			shares = strlist_has(&o->themas, x->themas.v[k]);
		if (!shares)
			continue;
		if (!rel)
			rel = tpl_add_section(c, "RELATED");
		story_card(&p, tpl_add_section(rel, "STORY"), o, false);
		shown++;
	}
	page_end(&p);
}

/* --- stories ------------------------------------------------------------- */

/* A facet of a list: the vocabulary it draws from, in vocabulary order. */
struct facet {
	const char *name;  /* path part: "thema" */
	const char *label; /* heading: "Thema" */
};

static const struct facet story_facets[] = {
    {"thema", "Onderwerp"}, {"doelgroep", "Voor wie"}, {"kern", "Woonplaats"}};
static const struct facet activity_facets[] = {
    {"categorie", "Soort"}, {"kern", "Woonplaats"}, {"doelgroep", "Voor wie"}};

/* The values of a facet of a list, in vocabulary order. */
static const struct strlist *facet_values(const struct site *s,
                                          const char *list, const char *facet)
{
	if (!strcmp(facet, "thema"))
		return &s->config.themas;
	if (!strcmp(facet, "doelgroep"))
		return &model_doelgroepen;
	if (!strcmp(facet, "categorie"))
		return &s->config.categorieen;
	return !strcmp(list, "verhalen") ? &s->config.verhaal_kernen
	                                 : &s->config.kernen;
}

static bool story_has(const struct story *x, const char *facet,
                      const char *value)
{
	if (!strcmp(facet, "thema"))
		return strlist_has(&x->themas, value);
	if (!strcmp(facet, "doelgroep"))
		return strlist_has(&x->doelgroep, value);
	return x->kern && !strcmp(x->kern, value);
}

static bool activity_has(const struct activity *x, const char *facet,
                         const char *value)
{
	if (!strcmp(facet, "categorie"))
		return !strcmp(x->categorie, value);
	if (!strcmp(facet, "doelgroep"))
		return strlist_has(&x->doelgroep, value);
	return !strcmp(x->kern, value);
}

static bool is_current(const struct activity *x)
{
	return x->doc.published && !x->past;
}

static size_t count_stories(const struct story **st, size_t n,
                            const char *facet, const char *value)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += story_has(st[i], facet, value);
	return k;
}

static size_t count_activities(const struct site *s, const char *facet,
                               const char *value)
{
	size_t k = 0;
	for (size_t i = 0; i < s->n_activities; i++)
		k += is_current(s->activities[i]) &&
		     activity_has(s->activities[i], facet, value);
	return k;
}

/* The FACETS block: a link per value that has something to show. */
static void facet_links(struct out_page *p, struct tpl_dict *c,
                        const char *list, const struct facet *facets,
                        size_t n_facets, const struct story **st, size_t n_st)
{
	struct tpl_dict *f = tpl_add_section(c, "FACETS");
	for (size_t i = 0; i < n_facets; i++) {
		const struct strlist *values =
		    facet_values(p->r->s, list, facets[i].name);
		struct tpl_dict *g = NULL;
		for (size_t k = 0; k < values->n; k++) {
			size_t count =
			    st ? count_stories(st, n_st, facets[i].name,
			                       values->v[k])
			       : count_activities(p->r->s, facets[i].name,
			                          values->v[k]);
			if (!count)
				continue;
			if (!g) {
				g = tpl_add_section(f, "GROUP");
				tpl_set(g, "LABEL", facets[i].label);
			}
			struct tpl_dict *v = tpl_add_section(g, "VALUE");
			tpl_set(v, "URL",
			        link(p, url_facet(p->a, list, facets[i].name,
			                          values->v[k])));
			tpl_set(v, "LABEL", words_label(p->a, values->v[k]));
		}
	}
}

static void render_story_pages(struct render *r, const struct story **st,
                               size_t n)
{
	size_t per = RENDER_STORIES_PER_PAGE;
	size_t pages = n ? (n + per - 1) / per : 1;
	for (size_t pg = 1; pg <= pages; pg++) {
		struct out_page p;
		page_init(&p, r);
		const char *path =
		    pg == 1 ? "verhalen/"
		            : arena_printf(p.a, "verhalen/pagina/%zu/", pg);
		const char *title =
		    pg == 1 ? "Verhalen"
		            : arena_printf(p.a, "Verhalen, pagina %zu", pg);
		struct tpl_dict *c =
		    page_begin(&p, path, "stories.tpl", title,
		               "Ervaringsverhalen over eenzaamheid en "
		               "verbinding, van mensen uit de buurt.",
		               "website");
		tpl_set(c, "TITEL", title);
		if (pg == 1)
			tpl_set(tpl_add_section(c, "INTRO"), "INTRO",
			        "Mensen uit Dronten, Biddinghuizen en "
			        "Swifterbant vertellen over eenzaamheid, en "
			        "over wat hen verder hielp.");
		for (size_t i = (pg - 1) * per; i < n && i < pg * per; i++)
			story_card(&p, tpl_add_section(c, "STORY"), st[i],
			           true);
		if (pages > 1) {
			struct tpl_dict *b = tpl_add_section(c, "PAGING");
			tpl_set_int(b, "PAGE", (long)pg);
			tpl_set_int(b, "PAGES", (long)pages);
			if (pg > 1)
				tpl_set(tpl_add_section(b, "PREV"), "URL",
				        link(&p, pg == 2 ? "verhalen/"
				                         : arena_printf(
				                               p.a,
				                               "verhalen/"
				                               "pagina/%zu/",
				                               pg - 1)));
			if (pg < pages)
				tpl_set(
				    tpl_add_section(b, "NEXT"), "URL",
				    link(&p, arena_printf(
				                 p.a, "verhalen/pagina/%zu/",
				                 pg + 1)));
		}
		if (pg == 1)
			facet_links(&p, c, "verhalen", story_facets,
			            G_N_ELEMENTS(story_facets), st, n);
		page_end(&p);
	}

	for (size_t f = 0; f < G_N_ELEMENTS(story_facets); f++) {
		const struct strlist *values =
		    facet_values(r->s, "verhalen", story_facets[f].name);
		for (size_t k = 0; k < values->n; k++) {
			const char *v = values->v[k];
			if (!count_stories(st, n, story_facets[f].name, v))
				continue;
			struct out_page p;
			page_init(&p, r);
			const char *title = arena_printf(p.a, "Verhalen: %s",
			                                 words_label(p.a, v));
			struct tpl_dict *c = page_begin(
			    &p,
			    url_facet(p.a, "verhalen", story_facets[f].name, v),
			    "stories.tpl", title, NULL, "website");
			tpl_set(c, "TITEL", title);
			for (size_t i = 0; i < n; i++)
				if (story_has(st[i], story_facets[f].name, v))
					story_card(&p,
					           tpl_add_section(c, "STORY"),
					           st[i], true);
			page_end(&p);
		}
	}
}

/* --- activities ---------------------------------------------------------- */

static void render_activity(struct render *r, const struct activity *x)
{
	struct out_page p;
	page_init(&p, r);
	struct tpl_dict *c =
	    page_begin(&p, url_activity(p.a, x), "activity.tpl", x->titel,
	               x->doc.samenvatting, "website");
	tpl_set(c, "TITEL", x->titel);
	tpl_set(c, "CATEGORIE", words_label(p.a, x->categorie));
	tpl_set(c, "CATEGORIE_URL",
	        link(&p, url_facet(p.a, "activiteiten", "categorie",
	                           x->categorie)));
	if (x->past)
		tpl_show(c, "VOORBIJ");
	tpl_set(c, "SCHEMA", words_schedule(p.a, x));
	tpl_set(c, "LOCATIE", x->locatie);
	tpl_set(c, "KERN", words_label(p.a, x->kern));
	tpl_set(c, "KERN_URL",
	        link(&p, url_facet(p.a, "activiteiten", "kern", x->kern)));
	tpl_set(c, "ORGANISATOR", x->organisator->naam);
	tpl_set(c, "ORGANISATOR_URL",
	        link(&p, url_partner(p.a, x->organisator)));
	if (x->kosten)
		tpl_set(tpl_add_section(c, "KOSTEN"), "KOSTEN", x->kosten);
	if (x->aanmelden)
		tpl_set(tpl_add_section(c, "AANMELDEN"), "AANMELDEN",
		        x->aanmelden);
	if (x->doelgroep.n) {
		struct tpl_dict *dg = tpl_add_section(c, "DOELGROEP");
		for (size_t i = 0; i < x->doelgroep.n; i++) {
			struct tpl_dict *v = tpl_add_section(dg, "DG");
			tpl_set(
			    v, "URL",
			    link(&p, url_facet(p.a, "activiteiten", "doelgroep",
			                       x->doelgroep.v[i])));
			tpl_set(v, "LABEL",
			        words_label(p.a, x->doelgroep.v[i]));
		}
	}
	if (x->toegankelijk.n)
		tpl_set(tpl_add_section(c, "TOEGANKELIJK"), "TOEGANKELIJK",
		        toegankelijk_words(p.a, &x->toegankelijk));
	set_body(&p, c, &x->doc);
	if (!x->past) {
		struct tpl_dict *nd = NULL;
		date_t d = r->s->today;
		for (int i = 0; i < 5; i++) {
			d = activity_next(x, d);
			if (d == DATE_NONE)
				break;
			if (!nd)
				nd = tpl_add_section(c, "NEXT_DATES");
			struct tpl_dict *v = tpl_add_section(nd, "D");
			tpl_set(v, "DATUM", words_date(p.a, d));
			tpl_set(v, "DATUM_ISO", iso(p.a, d));
			d++;
		}
	}
	page_end(&p);
}

static int cmp_next(const void *pa, const void *pb, void *today)
{
	const struct activity *a = *(const struct activity *const *)pa;
	const struct activity *b = *(const struct activity *const *)pb;
	date_t t = *(const date_t *)today;
	date_t na = activity_next(a, t), nb = activity_next(b, t);
	if (na != nb)
		return na < nb ? -1 : 1;
	int c = strcmp(a->titel, b->titel);
	return c ? c : strcmp(a->doc.slug, b->doc.slug);
}

static void render_activity_lists(struct render *r)
{
	const struct site *s = r->s;
	struct out_page p;
	page_init(&p, r);
	struct tpl_dict *c = page_begin(
	    &p, "activiteiten/", "activities.tpl", "Activiteiten",
	    "Wat kunt u de komende weken samen met anderen doen in Dronten, "
	    "Biddinghuizen en Swifterbant?",
	    "website");
	tpl_set(c, "TITEL", "Activiteiten");
	tpl_set(tpl_add_section(c, "INTRO"), "INTRO",
	        "Hier kunt u gewoon aan meedoen, de komende vier weken, dag "
	        "voor dag. Twijfelt u? Bel het contactpunt, dan denken we met "
	        "u mee.");
	size_t n;
	struct occurrence *o = site_occurrences(
	    s, s->today, s->today + 7 * RENDER_AGENDA_WEEKS - 1, &n);
	tpl_show(c, "HAS_AGENDA");
	agenda(&p, c, o, n, true, false,
	       "De komende weken staan er geen activiteiten in de agenda.");
	g_free(o);
	facet_links(&p, c, "activiteiten", activity_facets,
	            G_N_ELEMENTS(activity_facets), NULL, 0);
	page_end(&p);

	/* Per facet value: the current activities, soonest first. */
	GPtrArray *current = g_ptr_array_new();
	for (size_t i = 0; i < s->n_activities; i++)
		if (is_current(s->activities[i]))
			g_ptr_array_add(current, s->activities[i]);
	date_t today = s->today;
	g_qsort_with_data(current->pdata, (gint)current->len, sizeof(gpointer),
	                  cmp_next, &today);
	for (size_t f = 0; f < G_N_ELEMENTS(activity_facets); f++) {
		const char *facet = activity_facets[f].name;
		const struct strlist *values =
		    facet_values(s, "activiteiten", facet);
		for (size_t k = 0; k < values->n; k++) {
			const char *v = values->v[k];
			if (!count_activities(s, facet, v))
				continue;
			page_init(&p, r);
			const char *title = arena_printf(
			    p.a, "Activiteiten: %s", words_label(p.a, v));
			c = page_begin(
			    &p, url_facet(p.a, "activiteiten", facet, v),
			    "activities.tpl", title, NULL, "website");
			tpl_set(c, "TITEL", title);
			struct tpl_dict *cards = tpl_add_section(c, "CARDS");
			for (guint i = 0; i < current->len; i++)
				if (activity_has(current->pdata[i], facet, v))
					activity_card(
					    &p,
					    tpl_add_section(cards, "ACTIVITY"),
					    current->pdata[i], true);
			page_end(&p);
		}
	}
	g_ptr_array_free(current, TRUE);

	/* A page per ISO week, from this week on. */
	date_t monday = s->today - (date_weekday(s->today) - 1);
	for (int w = 0; w < RENDER_WEEK_PAGES; w++) {
		date_t from = monday + 7 * w, to = from + 6;
		page_init(&p, r);
		int y, wk;
		date_iso_week(from, &y, &wk);
		int y1, m1, d1, y2, m2, d2;
		date_to_ymd(from, &y1, &m1, &d1);
		date_to_ymd(to, &y2, &m2, &d2);
		const char *title =
		    m1 == m2 ? arena_printf(p.a, "Week %d: %d t/m %d %s %d", wk,
		                            d1, d2, date_month_name(m2), y2)
		             : arena_printf(p.a, "Week %d: %d %s t/m %d %s %d",
		                            wk, d1, date_month_name(m1), d2,
		                            date_month_name(m2), y2);
		c = page_begin(&p, url_week(p.a, from), "activities.tpl", title,
		               NULL, "website");
		tpl_set(c, "TITEL", title);
		struct tpl_dict *nav = tpl_add_section(c, "WEEKNAV");
		if (w > 0)
			tpl_set(tpl_add_section(nav, "PREV"), "URL",
			        link(&p, url_week(p.a, from - 7)));
		if (w + 1 < RENDER_WEEK_PAGES)
			tpl_set(tpl_add_section(nav, "NEXT"), "URL",
			        link(&p, url_week(p.a, from + 7)));
		o = site_occurrences(s, from, to, &n);
		tpl_show(c, "HAS_AGENDA");
		agenda(&p, c, o, n, true, false,
		       "In deze week staan er geen activiteiten in de agenda.");
		g_free(o);
		page_end(&p);
	}
}

/* --- partners ------------------------------------------------------------ */

static void render_partner(struct render *r, const struct partner *x)
{
	struct out_page p;
	page_init(&p, r);
	struct tpl_dict *c =
	    page_begin(&p, url_partner(p.a, x), "partner.tpl", x->naam,
	               x->doc.samenvatting, "website");
	tpl_set(c, "NAAM", x->naam);
	GString *sectors = g_string_new(NULL);
	for (size_t i = 0; i < x->sector.n; i++)
		g_string_append_printf(sectors, "%s%s", i ? ", " : "",
		                       words_label(p.a, x->sector.v[i]));
	tpl_set(c, "SECTOR", sectors->str);
	g_string_free(sectors, TRUE);
	struct picture logo;
	if (x->logo && front_picture(&p, &x->doc, "logo", x->logo,
	                             LINK_USE_IMAGE, PICTURE_LOGO, &logo))
		set_picture(&p, tpl_add_section(c, "LOGO"), &logo,
		            PICTURE_SIZES_LOGO);
	if (x->adres)
		tpl_set(tpl_add_section(c, "ADRES"), "ADRES", x->adres);
	if (x->telefoon) {
		struct tpl_dict *t = tpl_add_section(c, "TELEFOON");
		tpl_set(t, "TELEFOON", x->telefoon);
		set_tel(t, x->telefoon);
	}
	if (x->email)
		tpl_set(tpl_add_section(c, "EMAIL"), "EMAIL", x->email);
	if (x->website) {
		struct tpl_dict *w = tpl_add_section(c, "WEBSITE");
		tpl_set(w, "WEBSITE", x->website);
		const char *shown = strstr(x->website, "://");
		shown = shown ? shown + 3 : x->website;
		if (!strncmp(shown, "www.", 4))
			shown += 4;
		char *t = g_strdup(shown);
		size_t len = strlen(t);
		if (len && t[len - 1] == '/')
			t[len - 1] = '\0';
		tpl_set(w, "WEBSITE_TEKST", t);
		g_free(t);
	}
	if (x->convenant != DATE_NONE) {
		struct tpl_dict *v = tpl_add_section(c, "CONVENANT");
		tpl_set(v, "DATUM", words_date(p.a, x->convenant));
		tpl_set(v, "DATUM_ISO", iso(p.a, x->convenant));
	}
	set_body(&p, c, &x->doc);
	if (x->n_activities) {
		tpl_show(c, "HAS_ACTIVITIES");
		for (size_t i = 0; i < x->n_activities; i++)
			activity_card(&p, tpl_add_section(c, "ACTIVITY"),
			              x->activities[i], false);
	}
	page_end(&p);
}

static int cmp_partner_name(const void *pa, const void *pb)
{
	const struct partner *a = *(const struct partner *const *)pa;
	const struct partner *b = *(const struct partner *const *)pb;
	int c = g_utf8_collate(a->naam, b->naam);
	return c ? c : strcmp(a->doc.slug, b->doc.slug);
}

static void render_partner_list(struct render *r)
{
	const struct site *s = r->s;
	struct out_page p;
	page_init(&p, r);
	struct tpl_dict *c = page_begin(
	    &p, "partners/", "partners.tpl", "Partners",
	    "De organisaties die samen Zamen Een vormen.", "website");
	tpl_set(c, "INTRO",
	        "Zorg en welzijn, kerken en moskee, de bibliotheek, de "
	        "gemeente, verenigingen en vrijwilligers: samen werken zij "
	        "tegen eenzaamheid. Zij tekenden het convenant van Zamen Een.");
	const struct partner **v =
	    g_new(const struct partner *, s->n_partners + 1);
	size_t n = 0;
	for (size_t i = 0; i < s->n_partners; i++)
		if (s->partners[i]->doc.published)
			v[n++] = s->partners[i];
	qsort(v, n, sizeof *v, cmp_partner_name);
	for (size_t k = 0; k < s->config.sectoren.n; k++) {
		const char *sector = s->config.sectoren.v[k];
		struct tpl_dict *sec = NULL;
		for (size_t i = 0; i < n; i++) {
			if (!strlist_has(&v[i]->sector, sector))
				continue;
			if (!sec) {
				sec = tpl_add_section(c, "SECTOR");
				tpl_set(sec, "ID", url_segment(p.a, sector));
				tpl_set(sec, "LABEL", words_label(p.a, sector));
			}
			struct tpl_dict *x = tpl_add_section(sec, "PARTNER");
			tpl_set(x, "URL", link(&p, url_partner(p.a, v[i])));
			tpl_set(x, "NAAM", v[i]->naam);
		}
	}
	g_free(v);
	page_end(&p);
}

/* --- the Journaal -------------------------------------------------------- */

static void render_edition(struct render *r, const struct edition *e)
{
	const struct site *s = r->s;
	struct out_page p;
	page_init(&p, r);
	const char *title =
	    arena_printf(p.a, "%s, editie %d van %d", s->config.journaal.naam,
	                 e->nr, e->jaar);
	struct tpl_dict *c = page_begin(&p, url_edition(p.a, e), "edition.tpl",
	                                title, e->doc.samenvatting, "article");
	tpl_set(c, "NAAM", s->config.journaal.naam);
	tpl_set_int(c, "NR", e->nr);
	tpl_set(c, "KRANT",
	        s->config.journaal.krant ? s->config.journaal.krant
	                                 : "de krant");
	tpl_set(c, "DATUM", words_date(p.a, e->datum));
	tpl_set(c, "DATUM_ISO", iso(p.a, e->datum));
	const char *pdf = r->extra && r->extra->edition_pdf
	                      ? r->extra->edition_pdf(r->extra->data, e)
	                      : NULL;
	if (pdf)
		tpl_set(tpl_add_section(c, "PDF"), "URL", link(&p, pdf));
	if (e->verhaal && e->verhaal->doc.published) {
		struct tpl_dict *v = tpl_add_section(c, "VERHAAL");
		tpl_set(v, "URL", link(&p, url_story(p.a, e->verhaal)));
		tpl_set(v, "TITEL", e->verhaal->titel);
		tpl_set(v, "SAMENVATTING", e->verhaal->doc.samenvatting);
	}
	agenda(&p, c, e->occurrences, e->n_occurrences, false, false,
	       "Deze week geen activiteiten."); /* The editorial, when there is
	                                           one; it sees the page's
	                                           values. */
	if (cmark_node_first_child(e->doc.body))
		set_body(&p, tpl_add_section(c, "REDACTIE"), &e->doc);
	if (e->uitgelicht && e->uitgelicht->doc.published) {
		struct tpl_dict *u = tpl_add_section(c, "UITGELICHT");
		tpl_set(u, "URL", link(&p, url_partner(p.a, e->uitgelicht)));
		tpl_set(u, "NAAM", e->uitgelicht->naam);
	}
	page_end(&p);
}

static int cmp_edition_newest(const void *pa, const void *pb)
{
	const struct edition *a = *(const struct edition *const *)pa;
	const struct edition *b = *(const struct edition *const *)pb;
	if (a->datum != b->datum)
		return a->datum > b->datum ? -1 : 1;
	return strcmp(b->doc.slug, a->doc.slug);
}

static void render_edition_list(struct render *r)
{
	const struct site *s = r->s;
	struct out_page p;
	page_init(&p, r);
	struct tpl_dict *c =
	    page_begin(&p, "journaal/", "editions.tpl", s->config.journaal.naam,
	               NULL, "website");
	tpl_set(c, "NAAM", s->config.journaal.naam);
	tpl_set(c, "INTRO",
	        arena_printf(p.a,
	                     "Elke week een pagina in %s: een verhaal, wat er "
	                     "deze week te doen is, en een woord van de "
	                     "redactie. Hier vindt u alle edities.",
	                     s->config.journaal.krant ? s->config.journaal.krant
	                                              : "de krant"));
	const struct edition **v =
	    g_new(const struct edition *, s->n_editions + 1);
	size_t n = 0;
	for (size_t i = 0; i < s->n_editions; i++)
		if (s->editions[i]->doc.published)
			v[n++] = s->editions[i];
	qsort(v, n, sizeof *v, cmp_edition_newest);
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *x = tpl_add_section(c, "EDITION");
		tpl_set(x, "URL", link(&p, url_edition(p.a, v[i])));
		tpl_set(x, "NAAM", s->config.journaal.naam);
		tpl_set_int(x, "NR", v[i]->nr);
		tpl_set(x, "DATUM", words_date(p.a, v[i]->datum));
		tpl_set(x, "DATUM_ISO", iso(p.a, v[i]->datum));
		if (v[i]->verhaal && v[i]->verhaal->doc.published)
			tpl_set(tpl_add_section(x, "VERHAAL"), "TITEL",
			        v[i]->verhaal->titel);
	}
	g_free(v);
	page_end(&p);
}

/* --- plain pages, 404, assets -------------------------------------------- */

static void render_plain_page(struct render *r, const struct page *x)
{
	struct out_page p;
	page_init(&p, r);
	struct tpl_dict *c =
	    page_begin(&p, url_page(p.a, x), "page.tpl", x->titel,
	               x->doc.samenvatting, "website");
	tpl_set(c, "TITEL", x->titel);
	set_body(&p, c, &x->doc);
	page_end(&p);
}

static void render_notfound(struct render *r)
{
	struct out_page p;
	page_init(&p, r);
	page_begin(&p, "404.html", "notfound.tpl", "Pagina niet gevonden", NULL,
	           "website");
	page_end(&p);
}

/* Copies every regular file of layouts/<from> to <to> in the output. */
static void copy_folder(struct render *r, const char *from, const char *to)
{
	char *dir = g_build_filename(r->layouts, from, NULL);
	GDir *gd = g_dir_open(dir, 0, NULL);
	if (gd) {
		GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
		const char *name;
		while ((name = g_dir_read_name(gd)))
			g_ptr_array_add(names, g_strdup(name));
		g_dir_close(gd);
		for (guint i = 0; i < names->len; i++) {
			char *src =
			    g_build_filename(dir, names->pdata[i], NULL);
			const char *name = names->pdata[i];
			if (g_file_test(src, G_FILE_TEST_IS_REGULAR) &&
			    name[0] != '.') {
				char *dest = g_strconcat(to, name, NULL);
				copy_file(r, dest, src);
				g_free(dest);
			}
			g_free(src);
		}
		g_ptr_array_free(names, TRUE);
	}
	g_free(dir);
}

/* Writes text (g_malloc'ed, NUL-terminated) as path and frees it. */
static void write_owned(struct render *r, const char *path, char *text)
{
	if (!write_file(r->w, path, text, strlen(text))) {
		pthread_mutex_lock(&r->lock);
		r->failed = true;
		pthread_mutex_unlock(&r->lock);
	}
	g_free(text);
}

/* The calendar of kern (NULL: of every kern). */
static void render_calendar(struct render *r, const char *kern)
{
	struct arena *a = arena_new();
	write_owned(r,
	            kern ? url_calendar(a, kern) : "kalender/activiteiten.ics",
	            ical_calendar(r->s, kern));
	arena_free(a);
}

static gint cmp_keys(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void copy_all(struct render *r)
{
	GPtrArray *keys = g_ptr_array_new();
	GHashTableIter it;
	gpointer key;
	g_hash_table_iter_init(&it, r->copies);
	while (g_hash_table_iter_next(&it, &key, NULL))
		g_ptr_array_add(keys, key);
	g_ptr_array_sort(keys, cmp_keys);
	for (guint i = 0; i < keys->len; i++) {
		const char *to = keys->pdata[i];
		if (!write_copy(r->w, to, g_hash_table_lookup(r->copies, to)))
			r->failed = true;
	}
	g_ptr_array_free(keys, TRUE);
}

/* One unit of rendering work: a page, or a list with all its pages. */
enum task_kind {
	TASK_CALENDAR,
	TASK_FEED,
	TASK_STORY_LISTS,
	TASK_ACTIVITY_LISTS,
	TASK_HOME,
	TASK_PARTNER_LIST,
	TASK_EDITION_LIST,
	TASK_NOTFOUND,
	TASK_STORY,
	TASK_ACTIVITY,
	TASK_PARTNER,
	TASK_EDITION,
	TASK_PAGE,
};

struct task {
	enum task_kind kind;
	const void *x;
};

static void run_task(struct render *r, const struct task *t)
{
	switch (t->kind) {
	case TASK_CALENDAR:
		render_calendar(r, t->x);
		break;
	case TASK_FEED:
		write_owned(r, "feed.xml", feed_atom(r->s));
		break;
	case TASK_STORY_LISTS:
		render_story_pages(r, r->stories, r->n_stories);
		break;
	case TASK_ACTIVITY_LISTS:
		render_activity_lists(r);
		break;
	case TASK_HOME:
		render_home(r);
		break;
	case TASK_PARTNER_LIST:
		render_partner_list(r);
		break;
	case TASK_EDITION_LIST:
		render_edition_list(r);
		break;
	case TASK_NOTFOUND:
		render_notfound(r);
		break;
	case TASK_STORY:
		render_story(r, t->x, r->stories, r->n_stories);
		break;
	case TASK_ACTIVITY:
		render_activity(r, t->x);
		break;
	case TASK_PARTNER:
		render_partner(r, t->x);
		break;
	case TASK_EDITION:
		render_edition(r, t->x);
		break;
	case TASK_PAGE:
	default:
		render_plain_page(r, t->x);
		break;
	}
}

struct render_queue {
	struct render *r;
	GArray *tasks; /* of struct task */
};

static void render_one(void *data, size_t i, struct arena *a, struct diags *d)
{
	(void)a; /* each page has an arena of its own, freed with it */
	(void)d; /* problems go to r->d, under r->lock */
	struct render_queue *q = data;
	run_task(q->r, &g_array_index(q->tasks, struct task, i));
}

static void add_task(GArray *tasks, enum task_kind kind, const void *x)
{
	struct task t = {kind, x};
	g_array_append_val(tasks, t);
}

/* A page takes longer than reading a file: fewer make a thread worth it. */
#define RENDER_TASKS_PER_THREAD 64

/* Renders every page, the feed and the calendars: the long tasks first
 * (the calendar of every activity, the lists), so that the other threads
 * are busy with single pages meanwhile. The pages do not depend on each
 * other, and nothing in them depends on which thread wrote them. */
static void render_pages(struct render *r)
{
	const struct site *s = r->s;
	GArray *tasks = g_array_new(FALSE, FALSE, sizeof(struct task));
	add_task(tasks, TASK_CALENDAR, NULL);
	add_task(tasks, TASK_STORY_LISTS, NULL);
	add_task(tasks, TASK_ACTIVITY_LISTS, NULL);
	add_task(tasks, TASK_HOME, NULL);
	add_task(tasks, TASK_PARTNER_LIST, NULL);
	add_task(tasks, TASK_EDITION_LIST, NULL);
	add_task(tasks, TASK_NOTFOUND, NULL);
	add_task(tasks, TASK_FEED, NULL);
	for (size_t i = 0; i < s->config.kernen.n; i++)
		add_task(tasks, TASK_CALENDAR, s->config.kernen.v[i]);
	for (size_t i = 0; i < r->n_stories; i++)
		add_task(tasks, TASK_STORY, r->stories[i]);
	for (size_t i = 0; i < s->n_activities; i++)
		if (s->activities[i]->doc.published)
			add_task(tasks, TASK_ACTIVITY, s->activities[i]);
	for (size_t i = 0; i < s->n_partners; i++)
		if (s->partners[i]->doc.published)
			add_task(tasks, TASK_PARTNER, s->partners[i]);
	for (size_t i = 0; i < s->n_editions; i++)
		if (s->editions[i]->doc.published)
			add_task(tasks, TASK_EDITION, s->editions[i]);
	for (size_t i = 0; i < s->n_pages; i++)
		if (s->pages[i]->doc.published)
			add_task(tasks, TASK_PAGE, s->pages[i]);

	struct render_queue q = {r, tasks};
	parallel_for(tasks->len, RENDER_TASKS_PER_THREAD, render_one, &q, NULL,
	             r->d);
	g_array_free(tasks, TRUE);
}

bool render_site(const struct site *s, const struct tpl_set *t,
                 const char *layouts_dir, const struct render_extra *extra,
                 struct write_out *w, GPtrArray *paths, struct diags *d)
{
	struct render r = {.s = s,
	                   .t = t,
	                   .layouts = layouts_dir,
	                   .extra = extra,
	                   .w = w,
	                   .paths = paths,
	                   .d = d,
	                   .copies = g_hash_table_new_full(
	                       g_str_hash, g_str_equal, g_free, g_free),
	                   .pics = picture_set_new(s->images),
	                   .written = g_ptr_array_new_with_free_func(g_free)};
	pthread_mutex_init(&r.lock, NULL);
	r.stories = published_stories(s, &r.n_stories);
	render_pages(&r);
	g_free((void *)r.stories);
	if (paths)
		g_ptr_array_sort(paths, cmp_keys);

	/* The sitemap, of every page written (feed and calendars are tasks
	 * of render_pages). */
	GPtrArray *sorted = g_ptr_array_new();
	for (guint i = 0; i < r.written->len; i++)
		g_ptr_array_add(sorted, r.written->pdata[i]);
	g_ptr_array_sort(sorted, cmp_keys);
	write_owned(
	    &r, "sitemap.xml",
	    sitemap_xml(s, (const char *const *)sorted->pdata, sorted->len));
	g_ptr_array_free(sorted, TRUE);
	write_owned(&r, "robots.txt",
	            extra && extra->preview ? sitemap_robots_preview()
	                                    : sitemap_robots(s));

	copy_folder(&r, "assets", "assets/");
	copy_folder(&r, "fonts", "assets/fonts/");
	char *ico =
	    g_build_filename(layouts_dir, "assets", "favicon.ico", NULL);
	if (g_file_test(ico, G_FILE_TEST_IS_REGULAR))
		copy_file(&r, "favicon.ico", ico);
	g_free(ico);
	copy_all(&r);
	/* Every page has named its images: now they are made, each once. */
	if (!picture_write(r.pics, w, d))
		r.failed = true;
	picture_set_free(r.pics);
	g_hash_table_destroy(r.copies);
	g_ptr_array_free(r.written, TRUE);
	pthread_mutex_destroy(&r.lock);
	return !r.failed;
}
