#include "check_internal.h"

#include <glib.h>
#include <string.h>

#include "text.h"

static const char *const config_fields[] = {
    "titel",       "ondertitel", "basis_url", "kernen",  "themas",
    "categorieen", "sectoren",   "contact",   "journaal"};
static const char *const contact_fields[] = {"naam", "telefoon", "email",
                                             "tekst"};
static const char *const journaal_fields[] = {
    "naam", "krant", "formaat", "kolommen", "marge", "afloop", "snijtekens"};

/* Vocabulary values become part of URLs (/verhalen/thema/rouw/), so they
 * must be slugs. */
static struct strlist vocabulary(const struct fields *f, const char *name)
{
	struct strlist l = field_list(f, name, true, NULL);
	const struct fm_node *n = fm_get(f->map, name);
	size_t kept = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (text_is_slug(l.v[i])) {
			l.v[kept++] = l.v[i];
			continue;
		}
		char *better = text_slugify(l.v[i]);
		diag_error(f->d, field_pos(f, n->items[i]),
		           "'%s' in '%s' mag alleen kleine letters, cijfers en "
		           "streepjes bevatten (de waarde wordt een deel van "
		           "een webadres): schrijf '%s'",
		           l.v[i], name, *better ? better : "bijvoorbeeld");
		g_free(better);
	}
	l.n = kept;
	return l;
}

/* basis_url goes verbatim into lines of the feed, the sitemap, robots.txt
 * and the calendars: a line break in it (YAML writes one as "\r\n"
 * between double quotes) would start a line of its own there. And every
 * page address is appended to it, so a query or fragment would end up in
 * the middle of each. */
static const char *basis_url(const struct fields *f)
{
	const struct fm_node *n = field_node(f, "basis_url", true);
	if (!n || n->type != FM_SCALAR)
		return field_url(f, "basis_url"); /* reports it */
	for (const unsigned char *p = (const unsigned char *)n->value; *p; p++)
		if (*p < 0x20 || *p == 0x7F) {
			diag_error(f->d, field_pos(f, n),
			           "'basis_url' bevat een regeleinde of een "
			           "ander onzichtbaar teken: schrijf het adres "
			           "van de site op één regel, zoals "
			           "https://www.zameneen.nl/");
			return NULL;
		}
	/* A scheme other than http(s) is refused here, before field_url()
	 * would suggest putting https:// in front of it. */
	const char *v = n->value, *colon = v;
	while (g_ascii_isalnum(*colon) || *colon == '+' || *colon == '-')
		colon++;
	if (*colon == ':' && colon > v && g_ascii_strncasecmp(v, "http:", 5) &&
	    g_ascii_strncasecmp(v, "https:", 6)) {
		diag_error(f->d, field_pos(f, n),
		           "'basis_url' is het adres van de website en begint "
		           "met https:// (of http://), niet met '%.*s'",
		           (int)(colon - v + 1), v);
		return NULL;
	}
	const char *url = field_url(f, "basis_url");
	if (url && strpbrk(url, "?#")) {
		diag_error(f->d, field_pos(f, n),
		           "'basis_url' is het adres van de site zelf, zonder "
		           "'%c' en wat erna komt: elk webadres van de site "
		           "begint ermee",
		           *strpbrk(url, "?#"));
		return NULL;
	}
	return url;
}

static void check_contact(struct site *s, const struct fields *top)
{
	const struct fm_node *n = field_node(top, "contact", true);
	if (!n)
		return;
	if (n->type != FM_MAP) {
		diag_error(top->d, field_pos(top, n),
		           "'contact' moet een groep velden zijn (naam, "
		           "telefoon, email, tekst), elk op een eigen regel "
		           "die inspringt");
		return;
	}
	struct fields f = {.a = top->a,
	                   .d = top->d,
	                   .file = top->file,
	                   .map = n,
	                   .prefix = "contact.",
	                   .line = fm_key(top->map, "contact")->line};
	field_unknown(&f, contact_fields, G_N_ELEMENTS(contact_fields));
	s->config.contact.naam = field_string(&f, "naam", true);
	s->config.contact.telefoon = field_string(&f, "telefoon", false);
	s->config.contact.email = field_email(&f, "email");
	s->config.contact.tekst = field_string(&f, "tekst", false);
	if (!fm_get(n, "telefoon") && !fm_get(n, "email"))
		diag_error(
		    top->d, field_pos(top, fm_key(top->map, "contact")),
		    "het contactblok heeft een telefoonnummer of een "
		    "e-mailadres nodig: voeg 'telefoon:' of 'email:' toe");
}

static void check_journaal(struct site *s, const struct fields *top)
{
	struct site_config *c = &s->config;
	/* c->titel is never NULL (field_string); without one, the site has
	 * an error and is not published. */
	c->journaal.naam = arena_printf(top->a, "%s Journaal", c->titel);
	c->journaal.krant = NULL;
	c->journaal.breedte = 266;
	c->journaal.hoogte = 398;
	c->journaal.kolommen = 5;
	c->journaal.marge = 10;
	c->journaal.afloop = 0;
	c->journaal.snijtekens = false;

	const struct fm_node *n = field_node(top, "journaal", false);
	if (!n)
		return;
	if (n->type != FM_MAP) {
		diag_error(
		    top->d, field_pos(top, n),
		    "'journaal' moet een groep velden zijn (naam, krant, "
		    "formaat, ...), elk op een eigen regel die inspringt");
		return;
	}
	struct fields f = {.a = top->a,
	                   .d = top->d,
	                   .file = top->file,
	                   .map = n,
	                   .prefix = "journaal.",
	                   .line = fm_key(top->map, "journaal")->line};
	field_unknown(&f, journaal_fields, G_N_ELEMENTS(journaal_fields));
	const char *naam = field_string(&f, "naam", false);
	if (naam)
		c->journaal.naam = naam;
	c->journaal.krant = field_string(&f, "krant", false);
	const struct fm_node *fmt = field_node(&f, "formaat", false);
	if (fmt) {
		char *end1 = NULL, *end2 = NULL;
		double w = 0, h = 0;
		bool ok = fmt->type == FM_SEQ && fmt->n == 2 &&
		          fmt->items[0]->type == FM_SCALAR &&
		          fmt->items[1]->type == FM_SCALAR;
		if (ok) {
			w = g_ascii_strtod(fmt->items[0]->value, &end1);
			h = g_ascii_strtod(fmt->items[1]->value, &end2);
			ok = !*end1 && !*end2 && w >= 50 && h >= 50 &&
			     w <= 2000 && h <= 2000;
		}
		if (ok) {
			c->journaal.breedte = w;
			c->journaal.hoogte = h;
		} else {
			diag_error(top->d, field_pos(&f, fmt),
			           "'journaal.formaat' is [breedte, hoogte] in "
			           "mm, bijvoorbeeld [266, 398]");
		}
	}
	int kol = field_int(&f, "kolommen", false, 1, 12);
	if (kol)
		c->journaal.kolommen = kol;
	c->journaal.marge = field_number(&f, "marge", c->journaal.marge, 0);
	c->journaal.afloop = field_number(&f, "afloop", 0, 0);
	c->journaal.snijtekens = field_bool(&f, "snijtekens");
}

void check_config(struct site *s, const struct fm_node *root, struct diags *d)
{
	struct fields f = {.a = site_arena(s),
	                   .d = d,
	                   .file = "site.yaml",
	                   .map = root,
	                   .prefix = "",
	                   .line = 1};
	struct site_config *c = &s->config;
	field_unknown(&f, config_fields, G_N_ELEMENTS(config_fields));
	c->titel = field_string(&f, "titel", true);
	c->ondertitel = field_string(&f, "ondertitel", false);
	c->basis_url = basis_url(&f);
	if (c->basis_url && c->basis_url[strlen(c->basis_url) - 1] != '/')
		c->basis_url = arena_printf(f.a, "%s/", c->basis_url);
	c->kernen = vocabulary(&f, "kernen");
	c->themas = vocabulary(&f, "themas");
	c->categorieen = vocabulary(&f, "categorieen");
	c->sectoren = vocabulary(&f, "sectoren");
	static const char *gemeente = "gemeente";
	c->verhaal_kernen.v =
	    arena_calloc(f.a, c->kernen.n + 1, sizeof *c->verhaal_kernen.v);
	for (size_t i = 0; i < c->kernen.n; i++)
		c->verhaal_kernen.v[i] = c->kernen.v[i];
	c->verhaal_kernen.v[c->kernen.n] = gemeente;
	c->verhaal_kernen.n = c->kernen.n + 1;
	if (strlist_has(&c->kernen, "gemeente"))
		diag_error(d, field_pos(&f, fm_get(root, "kernen")),
		           "'gemeente' is geen kern: een verhaal kan 'kern: "
		           "gemeente' al gebruiken voor de hele gemeente; "
		           "haal het weg uit 'kernen'");
	/* kalender/<kern>.ics sits beside kalender/activiteiten.ics. */
	if (strlist_has(&c->kernen, "activiteiten"))
		diag_error(
		    d, field_pos(&f, fm_get(root, "kernen")),
		    "'activiteiten' kan geen kern zijn: die naam "
		    "gebruikt zamen voor de agenda met alle activiteiten "
		    "(kalender/activiteiten.ics); kies een andere naam");
	check_contact(s, &f);
	check_journaal(s, &f);
}
