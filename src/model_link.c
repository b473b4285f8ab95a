#include "model_link.h"

#include <glib.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load_tree.h"
#include "text.h"

static int hex(char c)
{
	return g_ascii_xdigit_value(c);
}

/* Percent-decodes s[0..n) into a; sets *flaw on a bad escape, "%00", a
 * decoded control character or backslash, or invalid UTF-8. */
static const char *decode(struct arena *a, const char *s, size_t n,
                          enum link_flaw *flaw)
{
	char *out = arena_alloc(a, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%') {
			if (i + 2 >= n) {
				*flaw = LINK_FLAW_ESCAPE;
				break;
			}
			int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
			if (hi < 0 || lo < 0) {
				*flaw = LINK_FLAW_ESCAPE;
				break;
			}
			c = (unsigned char)(hi * 16 + lo);
			i += 2;
			if (c == 0) {
				*flaw = LINK_FLAW_NUL;
				break;
			}
			if (c < 0x20 || c == 0x7f) {
				*flaw = LINK_FLAW_CONTROL;
				break;
			}
			if (c == '\\') {
				*flaw = LINK_FLAW_BACKSLASH;
				break;
			}
		}
		out[k++] = (char)c;
	}
	out[k] = '\0';
	if (*flaw == LINK_FLAW_NONE && !text_utf8_valid(out, k, NULL))
		*flaw = LINK_FLAW_UTF8;
	return out;
}

/* RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" before any
 * '/', '?' or '#'. Returns the scheme's length, or 0. */
static size_t scheme_len(const char *url)
{
	if (!g_ascii_isalpha(*url))
		return 0;
	const char *p = url;
	while (g_ascii_isalnum(*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':' ? (size_t)(p - url) : 0;
}

bool link_parse(struct arena *a, const char *url, struct link_target *t)
{
	memset(t, 0, sizeof *t);
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			t->flaw = LINK_FLAW_CONTROL;
		else if (*p == '\\' && t->flaw == LINK_FLAW_NONE)
			t->flaw = LINK_FLAW_BACKSLASH;
	}
	const char *hash = strchr(url, '#');
	size_t before_hash = hash ? (size_t)(hash - url) : strlen(url);
	if (hash)
		t->fragment = arena_strdup(a, hash + 1);
	const char *q = memchr(url, '?', before_hash);
	size_t path_len = q ? (size_t)(q - url) : before_hash;
	if (q)
		t->query = arena_strndup(a, q + 1, before_hash - path_len - 1);

	size_t sl = scheme_len(url);
	if (!*url)
		t->form = LINK_FORM_EMPTY;
	else if (url[0] == '#')
		t->form = LINK_FORM_FRAGMENT;
	else if (url[0] == '/' && url[1] == '/')
		t->form = LINK_FORM_NETWORK;
	else if (url[0] == '/')
		t->form = LINK_FORM_ROOT;
	else if (sl)
		t->form = LINK_FORM_SCHEME;
	else
		t->form = LINK_FORM_RELATIVE;
	if (t->form == LINK_FORM_SCHEME) {
		char *low = g_ascii_strdown(url, (gssize)sl);
		t->scheme = arena_strdup(a, low);
		g_free(low);
	}
	if (t->form == LINK_FORM_RELATIVE || t->form == LINK_FORM_ROOT) {
		enum link_flaw f = LINK_FLAW_NONE;
		t->path = decode(a, url, path_len, &f);
		if (t->flaw == LINK_FLAW_NONE)
			t->flaw = f;
	} else {
		t->path = arena_strndup(a, url, path_len);
	}
	size_t n = strlen(t->path);
	t->trailing_slash = n > 0 && t->path[n - 1] == '/';
	return t->flaw == LINK_FLAW_NONE;
}

/* --- the reasons, in the editor's words ------------------------------- */

static const char *flaw_why(enum link_flaw f)
{
	switch (f) {
	case LINK_FLAW_CONTROL:
		return "bevat een onzichtbaar teken (zoals een tab of "
		       "regeleinde); haal het weg";
	case LINK_FLAW_BACKSLASH:
		return "bevat een '\\'; gebruik '/' tussen mappen";
	case LINK_FLAW_ESCAPE:
		return "bevat een '%' zonder twee cijfers (0-9, A-F) erachter; "
		       "schrijf een procentteken als '%25'";
	case LINK_FLAW_NUL:
		return "bevat '%00'; haal dat weg";
	case LINK_FLAW_UTF8:
		return "bevat %-codes die geen geldige tekst zijn (geen "
		       "UTF-8); schrijf de naam gewoon uit";
	case LINK_FLAW_NONE:
		break;
	}
	return "";
}

static void refuse(struct link *out, enum link_refusal r, const char *why)
{
	out->kind = LINK_REFUSED;
	out->refusal = r;
	out->why = why;
}

/* --- attachments ------------------------------------------------------ */

static const char *const image_types[] = {".jpg",  ".jpeg", ".png",  ".webp",
                                          ".heic", ".heif", ".avif", ".gif"};
/* The images without GIF: a photo is never a drawing of 256 colours. */
static const char *const photo_types[] = {".jpg",  ".jpeg", ".png", ".webp",
                                          ".heic", ".heif", ".avif"};

static bool has_type(const char *name, const char *const *types, size_t n)
{
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < n; i++)
		if (!g_ascii_strcasecmp(dot, types[i]))
			return true;
	return false;
}

static bool type_allowed(const char *name, enum link_use use)
{
	switch (use) {
	case LINK_USE_PHOTO:
		return has_type(name, photo_types, G_N_ELEMENTS(photo_types));
	case LINK_USE_IMAGE:
		return has_type(name, image_types, G_N_ELEMENTS(image_types));
	case LINK_USE_LINK:
		return has_type(name, image_types, G_N_ELEMENTS(image_types)) ||
		       has_type(name, (const char *const[]){".pdf"}, 1);
	}
	return false;
}

static const char *type_why(struct arena *a, const char *name,
                            enum link_use use)
{
	const char *dot = strrchr(name, '.');
	if (dot && !g_ascii_strcasecmp(dot, ".md"))
		return use == LINK_USE_LINK
		           ? "is een tekst (.md); link ernaar als "
		             "'naam.md', zonder '?' of '/' erachter"
		           : "is een tekst (.md), geen afbeelding";
	const char *what = dot && dot[1]
	                       ? arena_printf(a, "een '%s'-bestand", dot)
	                       : "een bestand zonder type (zoals .jpg)";
	switch (use) {
	case LINK_USE_PHOTO:
		return arena_printf(a,
		                    "is %s; een foto moet een .jpg, .jpeg, "
		                    ".png, .webp, .heic, .heif of .avif zijn",
		                    what);
	case LINK_USE_IMAGE:
		return arena_printf(a,
		                    "is %s; een afbeelding moet een .jpg, "
		                    ".jpeg, .png, .webp, .heic, .heif, .avif "
		                    "of .gif zijn",
		                    what);
	case LINK_USE_LINK:
		break;
	}
	return arena_printf(a,
	                    "is %s; als bijlage komen alleen foto's (.jpg, "
	                    ".jpeg, .png, .webp, .heic, .heif, .avif, .gif) "
	                    "en PDF (.pdf) "
	                    "op de site. Maak er een PDF van, of haal de link "
	                    "weg",
	                    what);
}

bool link_file_is_image(const struct link *l)
{
	return l->kind == LINK_FILE &&
	       has_type(l->name, image_types, G_N_ELEMENTS(image_types));
}

static bool has_hidden_part(const char *path)
{
	for (const char *p = path; p; p = strchr(p, '/')) {
		if (*p == '/')
			p++;
		if (*p == '.')
			return true;
	}
	return false;
}

const char *link_edition_pdf_name(struct arena *a, const struct site *s,
                                  const struct doc *e)
{
	char *name = text_slugify(
	    s->config.journaal.naam ? s->config.journaal.naam : "");
	const char *r =
	    arena_printf(a, "%s-%s.pdf", *name ? name : "journaal", e->slug);
	g_free(name);
	return r;
}

/* Whether zamen itself writes a file called name into d's page folder
 * (render_url.h); compared without case, for hosts that ignore it. */
static bool is_generated(struct arena *a, const struct site *s,
                         const struct doc *d, const char *name)
{
	if (!g_ascii_strcasecmp(name, "index.html"))
		return true;
	return d->kind == KIND_EDITION &&
	       !g_ascii_strcasecmp(name, link_edition_pdf_name(a, s, d));
}

/* The record whose bundle folder holds path: content/<kind>/<slug>/... */
static const struct doc *bundle_owner(const struct site *s, const char *path,
                                      struct arena *a)
{
	const char *kind = path + 8; /* after "content/" */
	const char *slug = strchr(kind, '/');
	const char *rest = slug ? strchr(slug + 1, '/') : NULL;
	if (!rest)
		return NULL;
	const struct doc *o = site_doc_by_path(
	    s, arena_printf(a, "%.*s/index.md", (int)(rest - path), path));
	return o && o->src->bundle ? o : NULL;
}

bool link_file_published(const struct link *l, const struct doc *d)
{
	return l->kind == LINK_FILE &&
	       (!l->owner || l->owner == d || l->owner->published);
}

/* The rules for a file from the source folder (path as resolved). */
static void file_rules(const struct site *s, const struct doc *d,
                       const char *path, enum link_use use, struct arena *a,
                       struct link *out)
{
	out->path = path;
	if (!path || strncmp(path, "content/", 8)) {
		refuse(out, LINK_REFUSED_OUTSIDE,
		       "wijst buiten de map content/; alleen bestanden in "
		       "content/ kunnen op de site. Zet het bestand naast "
		       "de tekst");
		return;
	}
	if (has_hidden_part(path)) {
		refuse(out, LINK_REFUSED_HIDDEN,
		       "wijst naar een verborgen bestand of map (de naam "
		       "begint met '.'); zulke bestanden komen nooit op de "
		       "site. Geef het bestand een naam zonder '.' vooraan");
		return;
	}
	const char *base = strrchr(path, '/') + 1;
	if (is_generated(a, s, d, base)) {
		refuse(out, LINK_REFUSED_GENERATED,
		       "heeft de naam van een bestand dat zamen zelf naast "
		       "deze pagina schrijft; geef het een andere naam");
		return;
	}
	if (!type_allowed(base, use)) {
		refuse(out, LINK_REFUSED_TYPE, type_why(a, base, use));
		return;
	}
	char *full = g_build_filename(s->source, path, NULL);
	char *real = realpath(full, NULL);
	const char *root = s->content_real;
	struct stat st;
	size_t rn = root ? strlen(root) : 0;
	if (!real || !root) {
		refuse(out, LINK_REFUSED_MISSING,
		       arena_printf(a,
		                    "wijst naar %s, maar dat bestand bestaat "
		                    "niet",
		                    path));
	} else if (strncmp(real, root, rn) || real[rn] != '/') {
		refuse(out, LINK_REFUSED_ESCAPES,
		       "is een snelkoppeling (symbolische link) naar een "
		       "bestand buiten content/; zet het bestand zelf in "
		       "content/");
	} else if (has_hidden_part(real + rn + 1) ||
	           !type_allowed(strrchr(real, '/') + 1, use)) {
		refuse(out, LINK_REFUSED_ESCAPES,
		       arena_printf(a,
		                    "is een snelkoppeling (symbolische link) "
		                    "naar content/%s, dat niet op de site mag; "
		                    "zet het bestand zelf hier neer",
		                    real + rn + 1));
	} else if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
		refuse(out, LINK_REFUSED_SPECIAL,
		       "is geen gewoon bestand (maar een map, pipe of "
		       "apparaat); zet er een gewoon bestand neer");
	} else {
		out->kind = LINK_FILE;
		out->refusal = LINK_OK;
		out->real = arena_strdup(a, real);
		out->name = base;
		out->owner = bundle_owner(s, path, a);
	}
	free(real);
	g_free(full);
}

void link_file(const struct site *s, const struct doc *d, const char *path,
               enum link_use use, struct arena *a, struct link *out)
{
	memset(out, 0, sizeof *out);
	for (const unsigned char *p = (const unsigned char *)path; p && *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\') {
			out->target.flaw = *p == '\\' ? LINK_FLAW_BACKSLASH
			                              : LINK_FLAW_CONTROL;
			refuse(out, LINK_REFUSED_FLAW,
			       flaw_why(out->target.flaw));
			return;
		}
	file_rules(s, d, path, use, a, out);
}

/* --- links in a body -------------------------------------------------- */

static bool ends_in_md(const char *path)
{
	size_t n = strlen(path);
	while (n && path[n - 1] == '/')
		n--;
	return n >= 3 && !g_ascii_strncasecmp(path + n - 3, ".md", 3);
}

/* How a doc link of target t should have been written. */
static const char *doc_form(struct arena *a, const struct link_target *t)
{
	char *p = arena_strdup(a, t->path);
	size_t n = strlen(p);
	while (n && p[n - 1] == '/')
		p[--n] = '\0';
	/* Content file names are lower case (slugs). */
	char *last = strrchr(p, '/');
	for (char *c = last ? last + 1 : p; *c; c++)
		*c = g_ascii_tolower(*c);
	if (t->fragment && *t->fragment)
		return arena_printf(a, "%s#%s", p, t->fragment);
	return p;
}

static bool external_scheme(const char *scheme)
{
	static const char *const ok[] = {"http", "https", "mailto", "tel"};
	for (size_t i = 0; i < G_N_ELEMENTS(ok); i++)
		if (!strcmp(scheme, ok[i]))
			return true;
	return false;
}

void link_classify(const struct site *s, const struct doc *d, const char *url,
                   enum link_use use, struct arena *a, struct link *out)
{
	memset(out, 0, sizeof *out);
	struct link_target *t = &out->target;
	if (!link_parse(a, url, t)) {
		refuse(out, LINK_REFUSED_FLAW, flaw_why(t->flaw));
		return;
	}
	bool image = use != LINK_USE_LINK;
	switch (t->form) {
	case LINK_FORM_EMPTY:
	case LINK_FORM_FRAGMENT:
		if (image)
			refuse(out, LINK_REFUSED_REMOTE,
			       "is geen bestand; een afbeelding is een bestand "
			       "in content/, zoals 'foto.jpg'");
		else
			out->kind = LINK_ANCHOR;
		return;
	case LINK_FORM_ROOT:
		out->kind = LINK_ROOT;
		return;
	case LINK_FORM_NETWORK:
	case LINK_FORM_SCHEME:
		if (image &&
		    (t->form == LINK_FORM_NETWORK ||
		     !strcmp(t->scheme, "http") || !strcmp(t->scheme, "https")))
			refuse(out, LINK_REFUSED_REMOTE,
			       "komt van een andere website: die ziet dan "
			       "elke lezer van deze pagina. Zet het bestand in "
			       "content/, naast deze tekst, en schrijf zijn "
			       "naam, zoals 'foto.jpg'");
		else if (image)
			refuse(out, LINK_REFUSED_REMOTE,
			       "is geen bestand; een afbeelding is een bestand "
			       "in content/, zoals 'foto.jpg'");
		else if (t->form == LINK_FORM_NETWORK)
			refuse(out, LINK_REFUSED_NETWORK,
			       "begint met '//'; schrijf het hele adres, met "
			       "'https://' ervoor");
		else if (!external_scheme(t->scheme))
			refuse(
			    out, LINK_REFUSED_SCHEME,
			    arena_printf(a,
			                 "begint met '%s:'; alleen links met "
			                 "http:, https:, mailto: en tel: "
			                 "mogen. Link naar een bestand met "
			                 "zijn pad, zoals 'foto.jpg'",
			                 t->scheme));
		else
			out->kind = LINK_EXTERNAL;
		return;
	case LINK_FORM_RELATIVE:
		break;
	}
	if (ends_in_md(t->path)) {
		size_t n = strlen(t->path);
		if (image) {
			refuse(out, LINK_REFUSED_TYPE,
			       "is een tekst (.md), geen afbeelding");
		} else if (t->query || t->trailing_slash ||
		           strcmp(t->path + n - 3, ".md")) {
			refuse(out, LINK_REFUSED_DOC_FORM,
			       arena_printf(
			           a,
			           "wijst naar een tekst (.md), maar "
			           "met '?', '/' of hoofdletters erachter; "
			           "schrijf '%s'",
			           doc_form(a, t)));
		} else if (!(out->path =
		                 load_resolve(a, d->src->dir, t->path)) ||
		           strncmp(out->path, "content/", 8)) {
			refuse(out, LINK_REFUSED_OUTSIDE,
			       "wijst buiten de map content/; link naar een "
			       "tekst van de site");
		} else {
			out->kind = LINK_DOC;
			out->doc = site_doc_by_path(s, out->path);
		}
		return;
	}
	if (t->query) {
		refuse(out, LINK_REFUSED_QUERY,
		       "bevat '?'; een link naar een bestand van de site heeft "
		       "geen '?…': haal dat deel weg");
		return;
	}
	if (t->trailing_slash) {
		refuse(out, LINK_REFUSED_SPECIAL,
		       "wijst naar een map; link naar een bestand (zoals "
		       "'foto.jpg') of naar een tekst (zoals 'x.md')");
		return;
	}
	file_rules(s, d, load_resolve(a, d->src->dir, t->path), use, a, out);
}
