#include "check_internal.h"

#include <glib.h>
#include <string.h>

#include "image.h"
#include "model_link.h"
#include "parallel.h"
#include "text.h"

static const char *const kind_names[KIND_COUNT] = {
    [KIND_PAGE] = "pagina",         [KIND_STORY] = "verhaal",
    [KIND_ACTIVITY] = "activiteit", [KIND_PARTNER] = "partner",
    [KIND_EDITION] = "editie",
};

/* Slugs of one kind, for suggestions; built only when a reference fails.
 * g_free the array, not the slugs. */
static const char **slugs_of(const struct site *s, enum load_kind k, size_t *n)
{
	struct doc *const *docs = site_docs(s, k, n);
	const char **v = g_new(const char *, *n ? *n : 1);
	for (size_t i = 0; i < *n; i++)
		v[i] = docs[i]->slug;
	return v;
}

/* Resolves a slug written at node n of file, reporting a slug that names
 * nothing, with the nearest existing one, and a reference from a published
 * record to a draft. */
static const struct doc *resolve(struct site *s, struct diags *d,
                                 const struct doc *from,
                                 const struct fm_node *n, enum load_kind k)
{
	struct diag_pos pos = {from->src->path, n->line, n->col};
	if (n->type != FM_SCALAR || !*n->value)
		return NULL;
	const struct doc *to = site_doc(s, k, n->value);
	if (!to) {
		size_t count;
		const char **slugs = slugs_of(s, k, &count);
		const char *near = text_nearest(n->value, slugs, count);
		const char *folder = load_kind_folder(k);
		if (near)
			diag_error(d, pos,
			           "%s '%s' bestaat niet — bedoelde u '%s'?",
			           kind_names[k], n->value, near);
		else
			diag_error(d, pos,
			           "%s '%s' bestaat niet: er is geen bestand "
			           "content/%s/%s.md",
			           kind_names[k], n->value, folder, n->value);
		g_free(slugs);
		return NULL;
	}
	if (to->concept && !from->concept)
		diag_error(
		    d, pos,
		    "%s '%s' is nog een concept (concept: true), maar "
		    "dit bestand niet: publiceer het %s eerst of kies een "
		    "ander",
		    kind_names[k], n->value, kind_names[k]);
	return to;
}

static void ref_field(struct site *s, struct diags *d, const struct doc *from,
                      const char *field, enum load_kind k,
                      const struct doc **out)
{
	const struct fm_node *n = fm_get(from->src->fm, field);
	if (n && n->type == FM_SCALAR)
		*out = resolve(s, d, from, n, k);
}

static void edition_refs(struct site *s, struct edition *e, struct diags *d)
{
	const char *file = e->doc.src->path;
	ref_field(s, d, &e->doc, "verhaal", KIND_STORY,
	          (const struct doc **)&e->verhaal);
	ref_field(s, d, &e->doc, "uitgelicht", KIND_PARTNER,
	          (const struct doc **)&e->uitgelicht);
	const struct fm_node *list = fm_get(e->doc.src->fm, "activiteiten");
	if (!list)
		return;
	if (list->type != FM_SEQ) {
		diag_error(d, ((struct diag_pos){file, list->line, list->col}),
		           "'activiteiten' is een lijst van activiteiten, "
		           "bijvoorbeeld: activiteiten: [koffieochtend, "
		           "wandelgroep]");
		return;
	}
	e->activiteiten = arena_calloc(site_arena(s), list->n ? list->n : 1,
	                               sizeof *e->activiteiten);
	for (size_t i = 0; i < list->n; i++) {
		const struct activity *a = (const struct activity *)resolve(
		    s, d, &e->doc, list->items[i], KIND_ACTIVITY);
		if (!a)
			continue;
		bool twice = false;
		for (size_t k = 0; k < e->n_activiteiten; k++)
			twice |= e->activiteiten[k] == a;
		if (twice)
			diag_warning(
			    d,
			    ((struct diag_pos){file, list->items[i]->line,
			                       list->items[i]->col}),
			    "'%s' staat twee keer in de lijst", a->doc.slug);
		else
			e->activiteiten[e->n_activiteiten++] = a;
	}
}

static gint cmp_strings(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A photo or logo that is not there, with the file of that folder whose
 * name is nearest ("foto.jpeg" when "foto.jpg" is there). */
static void report_missing_file(const struct load_tree *t, struct diags *d,
                                struct diag_pos pos, const char *written,
                                const char *resolved)
{
	char *folder = g_path_get_dirname(resolved);
	char *full = g_build_filename(t->source, folder, NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	GDir *dir = g_dir_open(full, 0, NULL);
	const char *name;
	while (dir && (name = g_dir_read_name(dir)))
		if (!g_str_has_suffix(name, ".md"))
			g_ptr_array_add(names, g_strdup(name));
	if (dir)
		g_dir_close(dir);
	g_ptr_array_sort(names, cmp_strings);
	const char *base = strrchr(resolved, '/');
	base = base ? base + 1 : resolved;
	const char *near =
	    text_nearest(base, (const char *const *)names->pdata, names->len);
	if (near)
		diag_error(d, pos,
		           "het bestand '%s' bestaat niet (gezocht: %s) — "
		           "bedoelde u '%s'?",
		           written, resolved, near);
	else
		diag_error(
		    d, pos,
		    "het bestand '%s' bestaat niet (gezocht: %s); zet het "
		    "naast dit bestand of verbeter de naam",
		    written, resolved);
	g_ptr_array_free(names, TRUE);
	g_free(full);
	g_free(folder);
}

/* A `foto` or `logo`: through model_link.h, as render copies it. */
static void file_exists(const struct site *s, const struct load_tree *t,
                        struct diags *d, const struct doc *x, const char *field,
                        const char *resolved, enum link_use use)
{
	const struct fm_node *n = fm_get(x->src->fm, field);
	if (!n)
		return;
	struct diag_pos pos = {x->src->path, n->line, n->col};
	struct link l;
	if (resolved)
		link_file(s, x, resolved, use, site_arena((struct site *)s),
		          &l);
	if (!resolved)
		diag_error(d, pos,
		           "'%s' moet een pad zijn vanaf dit bestand, zoals "
		           "'foto.jpg' in dezelfde map, niet '%s'",
		           field, n->value);
	else if (l.refusal == LINK_REFUSED_MISSING)
		report_missing_file(t, d, pos, n->value, resolved);
	else if (l.kind == LINK_REFUSED)
		diag_error(d, pos, "%s '%s' %s", field, n->value, l.why);
}

/* The line and column in the file where url is written, searching the body
 * from the block's first line; the block's start when not found. */
static struct diag_pos link_pos(const struct doc *x, cmark_node *n,
                                const char *url)
{
	cmark_node *block = n;
	while (block && cmark_node_get_start_line(block) == 0)
		block = cmark_node_parent(block);
	int start = block ? cmark_node_get_start_line(block) : 1;
	int line = 1;
	const char *p = x->src->body, *end = p + x->src->body_len;
	while (p < end && line < start) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		p = nl + 1;
		line++;
	}
	/* As a destination first: "foto.jpg" is also in "fotos/foto.jpg". */
	const char *hit = NULL;
	for (const char *open = "(<"; *open && !hit; open++) {
		char *dest = g_strdup_printf("%c%s", *open, url);
		hit = g_strstr_len(p, end - p, dest);
		hit = hit ? hit + 1 : NULL;
		g_free(dest);
	}
	if (!hit)
		hit = g_strstr_len(p, end - p, url);
	if (hit) {
		int l, c;
		text_line_col(x->src->body, (size_t)(hit - x->src->body), &l,
		              &c);
		return (struct diag_pos){x->src->path,
		                         l + x->src->body_line - 1, c};
	}
	return (struct diag_pos){x->src->path, start + x->src->body_line - 1,
	                         0};
}

/* Suggests the content file of the same folder whose name is nearest,
 * written as the link should be: url with its last part replaced. */
static void report_missing_link(const struct load_tree *t, struct diags *d,
                                struct diag_pos pos, const char *url,
                                const char *path)
{
	char *folder = g_path_get_dirname(path);
	size_t flen = strlen(folder);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < t->n_docs; i++) {
		const struct load_doc *doc = t->docs[i];
		if (strncmp(doc->dir, folder, flen) ||
		    (doc->dir[flen] && strcmp(doc->dir + flen + 1, doc->slug)))
			continue;
		g_ptr_array_add(
		    names, g_strdup_printf("%s%s", doc->slug,
		                           doc->bundle ? "/index.md" : ".md"));
	}
	const char *last = strrchr(url, '/');
	last = last ? last + 1 : url;
	if (g_str_has_suffix(url, "/index.md")) {
		/* A bundle: compare "slug/index.md" as a whole. */
		const char *p = last - 1;
		while (p > url && p[-1] != '/')
			p--;
		last = p;
	}
	const char *near =
	    text_nearest(last, (const char *const *)names->pdata, names->len);
	if (near)
		diag_error(
		    d, pos,
		    "de link '%s' wijst naar %s, maar dat bestand bestaat "
		    "niet — bedoelde u '%.*s%s'?",
		    url, path, (int)(last - url), url, near);
	else
		diag_error(
		    d, pos,
		    "de link '%s' wijst naar %s, maar dat bestand bestaat "
		    "niet; verbeter de link of haal hem weg",
		    url, path);
	g_ptr_array_free(names, TRUE);
	g_free(folder);
}

/* A link "x.md#kop" must name a heading of x: the website gives every
 * heading an anchor (md_heading_ids). */
static void check_anchor(struct diags *d, struct diag_pos pos, const char *url,
                         const struct doc *to)
{
	const char *frag = strchr(url, '#') + 1;
	if (!*frag)
		return;
	char **ids = md_heading_ids(to->body);
	bool found = false;
	for (char **id = ids; *id && !found; id++)
		found = !strcmp(*id, frag);
	if (!found) {
		char *list = g_strjoinv(", ", ids);
		if (*list)
			diag_warning(d, pos,
			             "het anker '#%s' bestaat niet in %s; de "
			             "koppen daar zijn: %s",
			             frag, to->src->path, list);
		else
			diag_warning(
			    d, pos,
			    "het anker '#%s' bestaat niet: %s heeft geen "
			    "tussenkoppen; laat '#%s' weg",
			    frag, to->src->path, frag);
		g_free(list);
	}
	g_strfreev(ids);
}

/* The attachments of one page by the name they get beside it, so two
 * different files never claim one name (the second would silently show
 * the first). */
static void claim_name(struct diags *d, struct diag_pos pos, GHashTable *names,
                       const char *what, const char *url, const struct link *l)
{
	char *key = g_ascii_strdown(l->name, -1);
	const char *other = g_hash_table_lookup(names, key);
	if (!other)
		g_hash_table_insert(names, key, (char *)l->path);
	else
		g_free(key);
	if (other && strcmp(other, l->path))
		diag_error(d, pos,
		           "%s '%s' komt als '%s' naast de pagina, net als "
		           "%s; geef een van beide bestanden een andere naam",
		           what, url, l->name, other);
}

static void check_link(const struct site *s, const struct load_tree *t,
                       struct arena *a, struct diags *d, const struct doc *x,
                       cmark_node *n, GHashTable *names)
{
	const char *url = cmark_node_get_url(n);
	if (!url)
		return;
	bool image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
	const char *what = image ? "de afbeelding" : "de link";
	struct link l;
	link_classify(s, x, url, image ? LINK_USE_IMAGE : LINK_USE_LINK, a, &l);
	switch (l.kind) {
	case LINK_EXTERNAL:
	case LINK_ANCHOR:
		break;
	case LINK_ROOT:
		diag_warning(d, link_pos(x, n, url),
		             "%s '%s' begint met '/' en werkt daardoor "
		             "niet als de site in een submap staat; link naar "
		             "het .md-bestand, zoals '../activiteiten/x.md'",
		             what, url);
		break;
	case LINK_DOC:
		if (!l.doc)
			report_missing_link(t, d, link_pos(x, n, url),
			                    l.target.path, l.path);
		else if (l.target.fragment)
			check_anchor(d, link_pos(x, n, url), url, l.doc);
		else if (l.doc->concept && !x->concept)
			diag_warning(d, link_pos(x, n, url),
			             "de link '%s' wijst naar een concept; "
			             "zolang dat niet gepubliceerd is, toont "
			             "de site alleen de linktekst",
			             url);
		break;
	case LINK_FILE:
		/* An image goes out as image.h makes it, in img/: it
		 * takes no name beside the page. */
		if (!link_file_is_image(&l))
			claim_name(d, link_pos(x, n, url), names, what, url,
			           &l);
		else {
			char buf[200];
			struct image_info info;
			const char *why = image_probe(s->images, l.real, &info,
			                              buf, sizeof buf);
			if (why)
				diag_error(
				    d, link_pos(x, n, url),
				    "%s '%s' kan niet gebruikt worden: %s",
				    what, url, why);
		}
		if (l.owner && l.owner != x && l.owner->concept && !x->concept)
			diag_warning(
			    d, link_pos(x, n, url),
			    "%s '%s' hoort bij %s, een concept; zolang "
			    "dat niet gepubliceerd is, komt het bestand "
			    "niet op de site",
			    what, url, l.owner->src->path);
		break;
	case LINK_REFUSED:
		diag_error(d, link_pos(x, n, url), "%s '%s' %s", what, url,
		           l.why);
		break;
	}
}

static void check_body(const struct site *s, const struct load_tree *t,
                       struct arena *a, struct diags *d, const struct doc *x)
{
	GHashTable *names =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	/* The photo or logo comes first beside the page. */
	const char *own =
	    x->kind == KIND_STORY     ? ((const struct story *)x)->foto
	    : x->kind == KIND_PARTNER ? ((const struct partner *)x)->logo
	                              : NULL;
	struct link l;
	if (own) {
		link_file(s, x, own, LINK_USE_LINK, a, &l);
		if (l.kind == LINK_FILE)
			g_hash_table_insert(names, g_ascii_strdown(l.name, -1),
			                    (char *)l.path);
	}
	for (size_t i = 0; i < x->src->n_md_refs; i++) {
		cmark_node *n = x->src->md_refs[i];
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			check_link(s, t, a, d, x, n, names);
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE: {
			cmark_node *b = n;
			while (b && cmark_node_get_start_line(b) == 0)
				b = cmark_node_parent(b);
			int line = b ? cmark_node_get_start_line(b) : 1;
			diag_warning(
			    d,
			    ((struct diag_pos){
			        x->src->path, line + x->src->body_line - 1, 0}),
			    "HTML in de tekst wordt niet overgenomen; "
			    "schrijf het in Markdown (zoals **vet** of "
			    "[link](adres))");
			break;
		}
		default:
			break;
		}
	}
	g_hash_table_destroy(names);
}

struct each_body {
	const struct site *s;
	const struct load_tree *t;
	const struct doc *const *docs;
};

static void body_one(void *data, size_t i, struct arena *a, struct diags *d)
{
	struct each_body *e = data;
	check_body(e->s, e->t, a, d, e->docs[i]);
}

static void menu_positions(struct site *s, struct diags *d)
{
	for (size_t i = 0; i < s->n_pages; i++) {
		const struct page *p = s->pages[i];
		for (size_t k = 0; k < i && p->menu; k++) {
			if (s->pages[k]->menu != p->menu)
				continue;
			const struct fm_node *n =
			    fm_get(p->doc.src->fm, "menu");
			diag_warning(
			    d,
			    ((struct diag_pos){p->doc.src->path, n->line,
			                       n->col}),
			    "menu %d is ook de plaats van %s; geef elke "
			    "pagina een eigen nummer",
			    p->menu, s->pages[k]->doc.src->path);
			break;
		}
	}
}

void check_refs(struct site *s, const struct load_tree *t,
                const struct doc *const *docs, struct diags *d)
{
	for (size_t i = 0; i < s->n_activities; i++) {
		struct activity *a = s->activities[i];
		ref_field(s, d, &a->doc, "organisator", KIND_PARTNER,
		          (const struct doc **)&a->organisator);
	}
	for (size_t i = 0; i < s->n_editions; i++)
		edition_refs(s, s->editions[i], d);
	for (size_t i = 0; i < s->n_stories; i++)
		file_exists(s, t, d, &s->stories[i]->doc, "foto",
		            s->stories[i]->foto, LINK_USE_PHOTO);
	for (size_t i = 0; i < s->n_partners; i++)
		file_exists(s, t, d, &s->partners[i]->doc, "logo",
		            s->partners[i]->logo, LINK_USE_IMAGE);
	menu_positions(s, d);

	/* The links of every text, in parallel: they only read the site. */
	struct each_body each = {s, t, docs};
	parallel_for(t->n_docs, PARALLEL_FILES_PER_THREAD, body_one, &each,
	             site_arena(s), d);
}

void check_after_finish(struct site *s, struct diags *d)
{
	for (size_t i = 0; i < s->n_activities; i++) {
		const struct activity *a = s->activities[i];
		if (!a->past || a->doc.concept)
			continue;
		date_t last = a->recurring ? cal_last(&a->rule) : a->tot;
		char day[64];
		const char *field = a->recurring ? "herhaling" : "datum";
		const struct fm_node *k = fm_key(a->doc.src->fm, field);
		diag_warning(
		    d,
		    ((struct diag_pos){a->doc.src->path, k ? k->line : 0,
		                       k ? k->col : 0}),
		    "alle data van deze activiteit liggen in het "
		    "verleden (de laatste was %s): ze staat als "
		    "'voorbij' op de site en in geen enkel overzicht "
		    "meer. Zet er een nieuwe datum in, of verwijder "
		    "het bestand",
		    date_format_long(last, day, sizeof day));
	}
	for (size_t i = 0; i < s->n_editions; i++) {
		const struct edition *e = s->editions[i];
		if (e->datum == DATE_NONE || e->doc.concept)
			continue;
		char from[64], to[64];
		date_format_long(e->datum, from, sizeof from);
		date_format_long(e->datum + 6, to, sizeof to);
		const struct fm_node *list =
		    fm_get(e->doc.src->fm, "activiteiten");
		for (size_t k = 0; list && list->type == FM_SEQ && k < list->n;
		     k++) {
			const struct fm_node *item = list->items[k];
			const struct activity *a =
			    item->type == FM_SCALAR
			        ? site_activity(s, item->value)
			        : NULL;
			if (!a)
				continue;
			size_t n;
			g_free(activity_occurrences(a, e->datum, e->datum + 6,
			                            &n));
			if (n)
				continue;
			diag_warning(
			    d,
			    ((struct diag_pos){e->doc.src->path, item->line,
			                       item->col}),
			    "'%s' vindt niet plaats in de week van deze "
			    "editie (%s t/m %s)",
			    a->doc.slug, from, to);
		}
		if (e->n_occurrences == 0)
			diag_warning(
			    d, ((struct diag_pos){e->doc.src->path, 1, 0}),
			    "in de week van deze editie (%s t/m %s) staan geen "
			    "activiteiten: 'Deze week' blijft leeg. Voeg "
			    "activiteiten toe of kies ze bij 'activiteiten:'",
			    from, to);
	}
}
