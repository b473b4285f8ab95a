#include "print_design.h"

#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <hb.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "load_fm.h"
#include "print.h"
#include "text.h"

static const char *const style_names[PS_COUNT] = {
    [PS_KOP_NAAM] = "kop_naam",
    [PS_KOP_INFO] = "kop_info",
    [PS_KOP_ONDERTITEL] = "kop_ondertitel",
    [PS_RUBRIEK] = "rubriek",
    [PS_TITEL] = "titel",
    [PS_INTRO] = "intro",
    [PS_INTRO_GROOT] = "intro_groot",
    [PS_AUTEUR] = "auteur",
    [PS_BIJSCHRIFT] = "bijschrift",
    [PS_CREDIT] = "credit",
    [PS_TEKST] = "tekst",
    [PS_TUSSENKOP] = "tussenkop",
    [PS_CITAAT] = "citaat",
    [PS_LABEL] = "label",
    [PS_REDACTIE] = "redactie",
    [PS_DAG] = "dag",
    [PS_AGENDA_TITEL] = "agenda_titel",
    [PS_AGENDA_TEKST] = "agenda_tekst",
    [PS_PARTNER_NAAM] = "partner_naam",
    [PS_PARTNER_TEKST] = "partner_tekst",
    [PS_CONTACT_KOP] = "contact_kop",
    [PS_CONTACT_TEKST] = "contact_tekst",
    [PS_CONTACT_NUMMER] = "contact_nummer",
    [PS_CONTACT_ADRES] = "contact_adres",
    [PS_OPROEP_KOP] = "oproep_kop",
    [PS_OPROEP] = "oproep",
    [PS_PROEF] = "proef",
};

static const char *const text_names[PT_COUNT] = {
    [PT_KOP_REGEL1] = "kop_regel1",
    [PT_KOP_REGEL2] = "kop_regel2",
    [PT_KOP_LINKS] = "kop_links",
    [PT_KOP_RECHTS] = "kop_rechts",
    [PT_RUBRIEK] = "rubriek",
    [PT_AUTEUR] = "auteur",
    [PT_ANONIEM] = "anoniem",
    [PT_FOTO] = "foto",
    [PT_REDACTIE] = "redactie",
    [PT_DEZE_WEEK] = "deze_week",
    [PT_GEEN_ACTIVITEITEN] = "geen_activiteiten",
    [PT_MEER_ACTIVITEITEN] = "meer_activiteiten",
    [PT_UITGELICHT] = "uitgelicht",
    [PT_OPROEP_KOP] = "oproep_kop",
    [PT_OPROEP] = "oproep",
    [PT_PROEF] = "proef",
};

/* Everything reading ontwerp.yaml needs: where to report, and the prefix
 * of the map being read ("stijlen.titel.") for messages. */
struct reader {
	struct print_design *pd;
	struct diags *d;
	const char *file;
	const char *prefix;
	const struct fm_node *map;
	int line; /* where a missing key is reported */
};

static struct diag_pos pos_of(const struct reader *r, const struct fm_node *n)
{
	return (struct diag_pos){r->file, n ? n->line : r->line,
	                         n ? n->col : 0};
}

static void unknown_keys(const struct reader *r, const char *const *known,
                         size_t n)
{
	for (size_t i = 0; i < r->map->n; i++) {
		const struct fm_node *key = r->map->pairs[i].key;
		bool found = false;
		for (size_t k = 0; k < n && !found; k++)
			found = known[k] && !strcmp(key->value, known[k]);
		if (found)
			continue;
		const char *near = text_nearest(key->value, known, n);
		if (near)
			diag_error(r->d, pos_of(r, key),
			           "onbekende sleutel '%s%s' — bedoelde u "
			           "'%s%s'?",
			           r->prefix, key->value, r->prefix, near);
		else
			diag_error(r->d, pos_of(r, key),
			           "onbekende sleutel '%s%s' in het ontwerp",
			           r->prefix, key->value);
	}
}

/* The value of key, which must be of type; NULL after reporting. */
static const struct fm_node *need(const struct reader *r, const char *key,
                                  enum fm_type type, bool required)
{
	const struct fm_node *n = fm_get(r->map, key);
	if (!n) {
		if (required)
			diag_error(r->d, pos_of(r, NULL),
			           "'%s%s' ontbreekt in het ontwerp", r->prefix,
			           key);
		return NULL;
	}
	if (n->type != type) {
		static const char *const what[] = {[FM_SCALAR] = "een waarde",
		                                   [FM_SEQ] = "een lijst",
		                                   [FM_MAP] =
		                                       "een groep sleutels"};
		diag_error(r->d, pos_of(r, n), "'%s%s' moet %s zijn", r->prefix,
		           key, what[type]);
		return NULL;
	}
	return n;
}

static struct reader sub(const struct reader *r, const char *key, bool *ok)
{
	struct reader s = *r;
	s.map = need(r, key, FM_MAP, true);
	*ok = s.map != NULL;
	s.prefix = arena_printf(r->pd->arena, "%s%s.", r->prefix, key);
	const struct fm_node *k = fm_key(r->map, key);
	s.line = k ? k->line : r->line;
	return s;
}

static double number(const struct reader *r, const char *key, double min,
                     double max, bool required, double dflt)
{
	const struct fm_node *n = need(r, key, FM_SCALAR, required);
	if (!n)
		return dflt;
	char *end;
	double v = g_ascii_strtod(n->value, &end);
	if (!*n->value || *end || !isfinite(v) || v < min || v > max) {
		diag_error(r->d, pos_of(r, n),
		           "'%s%s' moet een getal van %g tot %g zijn, niet "
		           "'%s'",
		           r->prefix, key, min, max, n->value);
		return dflt;
	}
	return v;
}

static bool boolean(const struct reader *r, const char *key)
{
	const struct fm_node *n = need(r, key, FM_SCALAR, false);
	if (!n)
		return false;
	const char *v = n->value;
	if (!strcmp(v, "ja") || !strcmp(v, "true"))
		return true;
	if (!strcmp(v, "nee") || !strcmp(v, "false"))
		return false;
	diag_error(r->d, pos_of(r, n), "'%s%s' is ja of nee, niet '%s'",
	           r->prefix, key, v);
	return false;
}

static const char *string(const struct reader *r, const char *key,
                          bool required)
{
	const struct fm_node *n = need(r, key, FM_SCALAR, required);
	return n ? n->value : NULL;
}

static int choice(const struct reader *r, const char *key,
                  const char *const *names, size_t n, int dflt)
{
	const struct fm_node *v = need(r, key, FM_SCALAR, false);
	if (!v)
		return dflt;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v->value, names[i]))
			return (int)i;
	GString *list = g_string_new(NULL);
	for (size_t i = 0; i < n; i++)
		g_string_append_printf(list, "%s%s", i ? ", " : "", names[i]);
	diag_error(r->d, pos_of(r, v), "'%s%s' is een van %s, niet '%s'",
	           r->prefix, key, list->str, v->value);
	g_string_free(list, TRUE);
	return dflt;
}

static const struct print_colour *find_colour(const struct print_design *pd,
                                              const char *name)
{
	for (size_t i = 0; i < pd->n_colours; i++)
		if (!strcmp(pd->colours[i].name, name))
			return &pd->colours[i];
	return NULL;
}

/* A reference to a colour by name; black when absent or unknown (after
 * reporting), so drawing never meets NULL. */
static const struct print_colour *colour_ref(const struct reader *r,
                                             const char *key, bool required)
{
	const struct print_colour *black = find_colour(r->pd, "zwart");
	const struct fm_node *n = need(r, key, FM_SCALAR, required);
	if (!n)
		return black;
	const struct print_colour *c = find_colour(r->pd, n->value);
	if (c)
		return c;
	const char **names = g_new(const char *, r->pd->n_colours + 1);
	for (size_t i = 0; i < r->pd->n_colours; i++)
		names[i] = r->pd->colours[i].name;
	const char *near = text_nearest(n->value, names, r->pd->n_colours);
	g_free(names);
	if (near)
		diag_error(r->d, pos_of(r, n),
		           "onbekende kleur '%s' — bedoelde u '%s'?", n->value,
		           near);
	else
		diag_error(r->d, pos_of(r, n),
		           "onbekende kleur '%s'; voeg haar toe onder "
		           "'kleuren'",
		           n->value);
	return black;
}

/* The RGB stand-in of a CMYK colour: roughly what it looks like, nudged
 * until no other colour has the same three bytes, so the PDF can be mapped
 * back exactly (print_pdf.h). */
static void stand_in(struct print_design *pd, size_t i)
{
	struct print_colour *c = &pd->colours[i];
	int rgb[3] = {(int)lround(255 * (1 - c->c) * (1 - c->k)),
	              (int)lround(255 * (1 - c->m) * (1 - c->k)),
	              (int)lround(255 * (1 - c->y) * (1 - c->k))};
	for (int step = 0;; step++) {
		bool taken = false;
		for (size_t j = 0; j < i && !taken; j++)
			taken = pd->colours[j].r == rgb[0] &&
			        pd->colours[j].g == rgb[1] &&
			        pd->colours[j].b == rgb[2];
		if (!taken)
			break;
		/* Walk the blue byte away from the edge it is near. */
		rgb[2] += rgb[2] > 127 ? -1 : 1;
		(void)step;
	}
	c->r = (unsigned char)rgb[0];
	c->g = (unsigned char)rgb[1];
	c->b = (unsigned char)rgb[2];
}

static void read_colours(struct reader *top)
{
	struct print_design *pd = top->pd;
	const struct fm_node *map = need(top, "kleuren", FM_MAP, true);
	if (!map)
		return;
	pd->colours = arena_calloc(pd->arena, map->n, sizeof *pd->colours);
	for (size_t i = 0; i < map->n; i++) {
		const struct fm_node *key = map->pairs[i].key;
		const struct fm_node *v = map->pairs[i].value;
		double cmyk[4] = {0, 0, 0, 0};
		bool ok = v->type == FM_SEQ && v->n == 4;
		for (size_t k = 0; ok && k < 4; k++) {
			char *end;
			ok = v->items[k]->type == FM_SCALAR;
			if (!ok)
				break;
			cmyk[k] = g_ascii_strtod(v->items[k]->value, &end);
			ok = *v->items[k]->value && !*end && cmyk[k] >= 0 &&
			     cmyk[k] <= 100;
		}
		if (!ok) {
			diag_error(top->d, pos_of(top, v),
			           "kleur '%s' is [C, M, Y, K] in procenten, "
			           "bijvoorbeeld [0, 60, 80, 5]",
			           key->value);
			continue;
		}
		struct print_colour *c = &pd->colours[pd->n_colours];
		c->name = key->value;
		c->c = cmyk[0] / 100;
		c->m = cmyk[1] / 100;
		c->y = cmyk[2] / 100;
		c->k = cmyk[3] / 100;
		stand_in(pd, pd->n_colours++);
	}
	const struct print_colour *black = find_colour(pd, "zwart");
	if (!black || black->c || black->m || black->y || black->k != 1)
		diag_error(top->d, pos_of(top, fm_key(top->map, "kleuren")),
		           "'kleuren' moet 'zwart: [0, 0, 0, 100]' hebben: "
		           "zwarte tekst alleen op de zwarte plaat");
	pd->paper = find_colour(pd, "wit");
	if (!pd->paper || pd->paper->c || pd->paper->m || pd->paper->y ||
	    pd->paper->k)
		diag_error(top->d, pos_of(top, fm_key(top->map, "kleuren")),
		           "'kleuren' moet 'wit: [0, 0, 0, 0]' hebben: het "
		           "papier");
}

static const char *const style_fields[] = {
    "letter",     "gewicht",   "cursief",  "grootte",      "regel",
    "kleur",      "uitlijnen", "afbreken", "hoofdletters", "spatiering",
    "inspringen", "voor",      "na"};
static const char *const weight_names[] = {"normaal", "vet", "zwart"};
static const int weight_values[] = {PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD,
                                    PANGO_WEIGHT_HEAVY};
static const char *const align_names[] = {"links", "uitvullen", "midden",
                                          "rechts"};

/* Whether our own fonts hold family in that weight and slant: fontconfig
 * would otherwise quietly take a neighbour, or fake bold. */
static bool font_exists(FcConfig *fc, const char *family, int weight,
                        bool italic)
{
	FcPattern *p = FcPatternCreate();
	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(p, FC_WEIGHT, FcWeightFromOpenType(weight));
	FcPatternAddInteger(p, FC_SLANT,
	                    italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, NULL);
	FcFontSet *set = FcFontList(fc, p, os);
	bool found = set && set->nfont > 0;
	if (set)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(p);
	return found;
}

static void read_style(const struct reader *styles, enum print_style_id id,
                       const char *families[2])
{
	struct print_design *pd = styles->pd;
	struct print_style *s = &pd->styles[id];
	bool ok;
	struct reader r = sub(styles, style_names[id], &ok);
	s->name = style_names[id];
	s->colour = find_colour(pd, "zwart");
	s->size = s->leading = 10;
	if (!ok)
		return;
	unknown_keys(&r, style_fields, G_N_ELEMENTS(style_fields));
	static const char *const letters[] = {"tekst", "kop"};
	int letter = choice(&r, "letter", letters, 2, 0);
	if (!fm_get(r.map, "letter"))
		diag_error(r.d, pos_of(&r, NULL),
		           "'%sletter' ontbreekt: tekst of kop", r.prefix);
	int w =
	    choice(&r, "gewicht", weight_names, G_N_ELEMENTS(weight_names), 0);
	bool italic = boolean(&r, "cursief");
	s->size = number(&r, "grootte", 0, 200, true, 10);
	if (s->size < PRINT_MIN_PT)
		diag_error(r.d, pos_of(&r, fm_get(r.map, "grootte")),
		           "'%sgrootte' is %g pt: kleiner dan %g pt is voor "
		           "onze lezers te klein",
		           r.prefix, s->size, PRINT_MIN_PT);
	s->leading = number(&r, "regel", 1, 300, true, s->size * 1.2);
	s->colour = colour_ref(&r, "kleur", false);
	s->align = choice(&r, "uitlijnen", align_names,
	                  G_N_ELEMENTS(align_names), PRINT_LEFT);
	s->hyphenate = boolean(&r, "afbreken");
	s->upper = boolean(&r, "hoofdletters");
	s->tracking = number(&r, "spatiering", -5, 20, false, 0);
	s->indent = number(&r, "inspringen", 0, 100, false, 0);
	s->before = number(&r, "voor", 0, 200, false, 0);
	s->after = number(&r, "na", 0, 200, false, 0);

	const char *family = families[letter];
	if (!family)
		return;
	s->font = pango_font_description_new();
	pango_font_description_set_family(s->font, family);
	pango_font_description_set_weight(s->font, weight_values[w]);
	pango_font_description_set_style(s->font, italic ? PANGO_STYLE_ITALIC
	                                                 : PANGO_STYLE_NORMAL);
	pango_font_description_set_absolute_size(s->font,
	                                         s->size * PANGO_SCALE);
	if (pd->fc && !font_exists(pd->fc, family, weight_values[w], italic))
		diag_error(r.d, pos_of(&r, NULL),
		           "stijl '%s': lettertype '%s' %s%s staat niet in "
		           "layouts/fonts/; voeg het bestand toe of kies een "
		           "ander gewicht",
		           s->name, family, weight_names[w],
		           italic ? " cursief" : "");
}

static void read_styles(const struct reader *top, const char *families[2])
{
	bool ok;
	struct reader r = sub(top, "stijlen", &ok);
	if (ok)
		unknown_keys(&r, style_names, PS_COUNT);
	for (int i = 0; i < PS_COUNT; i++)
		read_style(&r, i, families);
}

/* What print_page.c fills in; a misspelt one would be printed as it is. */
static const char *const placeholders[] = {
    "naam",    "krant",  "nummer", "jaar",   "datum",    "ondertitel",
    "website", "auteur", "credit", "aantal", "telefoon", "email"};

static void check_placeholders(const struct reader *r, const char *key,
                               const char *v)
{
	for (const char *p = strchr(v, '{'); p; p = strchr(p + 1, '{')) {
		const char *end = strchr(p, '}');
		if (!end)
			break;
		char *name = g_strndup(p + 1, end - p - 1);
		bool known = false;
		for (size_t i = 0; i < G_N_ELEMENTS(placeholders); i++)
			known = known || !strcmp(name, placeholders[i]);
		if (!known) {
			const char *near = text_nearest(
			    name, placeholders, G_N_ELEMENTS(placeholders));
			diag_error(r->d, pos_of(r, fm_get(r->map, key)),
			           "'%s%s' gebruikt {%s}, dat zamen niet "
			           "kent%s%s%s",
			           r->prefix, key, name,
			           near ? " — bedoelde u {" : "",
			           near ? near : "", near ? "}?" : "");
		}
		g_free(name);
	}
}

static void read_texts(const struct reader *top)
{
	bool ok;
	struct reader r = sub(top, "teksten", &ok);
	for (int i = 0; i < PT_COUNT; i++)
		top->pd->texts[i] = "";
	if (!ok)
		return;
	unknown_keys(&r, text_names, PT_COUNT);
	for (int i = 0; i < PT_COUNT; i++) {
		const char *v = string(&r, text_names[i], true);
		if (!v)
			continue;
		top->pd->texts[i] = v;
		check_placeholders(&r, text_names[i], v);
	}
}

static void read_geometry(const struct reader *top)
{
	struct print_design *pd = top->pd;
	bool ok;
	struct reader r = sub(top, "raster", &ok);
	if (ok) {
		static const char *const k[] = {"goot", "zijkolommen",
		                                "fotokolommen", "kolomlijn",
		                                "kolomlijn_kleur"};
		unknown_keys(&r, k, G_N_ELEMENTS(k));
		pd->gutter = PRINT_MM(number(&r, "goot", 0, 50, true, 5));
		pd->side_columns =
		    (int)number(&r, "zijkolommen", 0, 11, true, 1);
		pd->photo_columns =
		    (int)number(&r, "fotokolommen", 1, 12, true, 3);
		pd->column_rule = number(&r, "kolomlijn", 0, 10, true, 0);
		pd->column_rule_colour =
		    colour_ref(&r, "kolomlijn_kleur", pd->column_rule > 0);
	}
	r = sub(top, "kop", &ok);
	if (ok) {
		static const char *const k[] = {"hoogte",      "kleur",
		                                "binnenmarge", "afstand",
		                                "lijn",        "lijn_kleur"};
		unknown_keys(&r, k, G_N_ELEMENTS(k));
		pd->mast_height =
		    PRINT_MM(number(&r, "hoogte", 5, 200, true, 25));
		pd->mast_colour = colour_ref(&r, "kleur", true);
		pd->mast_pad =
		    PRINT_MM(number(&r, "binnenmarge", 0, 50, true, 5));
		pd->mast_gap = PRINT_MM(number(&r, "afstand", 0, 50, true, 4));
		pd->mast_rule = number(&r, "lijn", 0, 10, true, 1);
		pd->mast_rule_colour =
		    colour_ref(&r, "lijn_kleur", pd->mast_rule > 0);
	}
	r = sub(top, "verhaal", &ok);
	if (ok) {
		static const char *const k[] = {"afstand"};
		unknown_keys(&r, k, G_N_ELEMENTS(k));
		pd->story_gap = PRINT_MM(number(&r, "afstand", 0, 50, true, 4));
	}
	r = sub(top, "foto", &ok);
	if (ok) {
		static const char *const k[] = {"max_hoogte", "min_ppi",
		                                "max_hoogte_staand"};
		unknown_keys(&r, k, G_N_ELEMENTS(k));
		pd->photo_max_height =
		    PRINT_MM(number(&r, "max_hoogte", 10, 1000, true, 95));
		pd->min_ppi = number(&r, "min_ppi", 0, 2400, true, 200);
		pd->photo_portrait_max_height =
		    PRINT_MM(number(&r, "max_hoogte_staand", 10, 1000, false,
		                    pd->photo_max_height * 25.4 / 72));
	}
	r = sub(top, "redactie", &ok);
	if (ok) {
		static const char *const k[] = {"max_hoogte"};
		unknown_keys(&r, k, G_N_ELEMENTS(k));
		pd->editorial_max_height =
		    PRINT_MM(number(&r, "max_hoogte", 10, 1000, true, 90));
	}
	r = sub(top, "kader", &ok);
	if (ok) {
		static const char *const k[] = {"kleur", "binnenmarge"};
		unknown_keys(&r, k, G_N_ELEMENTS(k));
		pd->box_colour = colour_ref(&r, "kleur", true);
		pd->box_pad =
		    PRINT_MM(number(&r, "binnenmarge", 0, 50, true, 4));
	}
	r = sub(top, "rubriek", &ok);
	if (ok) {
		static const char *const k[] = {"lijn", "kleur"};
		unknown_keys(&r, k, G_N_ELEMENTS(k));
		pd->label_rule = number(&r, "lijn", 0, 20, true, 2);
		pd->label_rule_colour = colour_ref(&r, "kleur", true);
	}
	r = sub(top, "snijtekens", &ok);
	if (ok) {
		static const char *const k[] = {"lengte", "afstand", "dikte",
		                                "kleur"};
		unknown_keys(&r, k, G_N_ELEMENTS(k));
		pd->marks_length =
		    PRINT_MM(number(&r, "lengte", 1, 30, true, 6));
		pd->marks_offset =
		    PRINT_MM(number(&r, "afstand", 0, 30, true, 3));
		pd->marks_width = number(&r, "dikte", 0.05, 5, true, 0.25);
		pd->marks_colour = colour_ref(&r, "kleur", true);
	}
	pd->proof_colour = find_colour(pd, "proef");
	if (!pd->proof_colour) {
		diag_error(top->d, pos_of(top, fm_key(top->map, "kleuren")),
		           "'kleuren' moet een kleur 'proef' hebben: daarmee "
		           "markeert een proef wat niet past");
		pd->proof_colour = find_colour(pd, "zwart");
	}
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Our own fontconfig with only the files in dir: fonts are added one by
 * one (FcConfigAppFontAddFile), since adding the folder makes fontconfig
 * try to write a cache and complain where it cannot. */
/* Adds the identity of the file at path (name, size, modification time,
 * inode) to sum: enough for the program, fonts and patterns, which are
 * replaced, not edited. */
static void sum_file_identity(GChecksum *sum, const char *path)
{
	GStatBuf st;
	char *id = g_stat(path, &st) == 0
	               ? g_strdup_printf("%s %lld %lld.%09ld %llu\n", path,
	                                 (long long)st.st_size,
	                                 (long long)st.st_mtim.tv_sec,
	                                 st.st_mtim.tv_nsec,
	                                 (unsigned long long)st.st_ino)
	               : g_strdup_printf("%s -\n", path);
	g_checksum_update(sum, (const guchar *)id, (gssize)strlen(id));
	g_free(id);
}

/* The program and the libraries whose versions can change the bytes of
 * the PDF: a new zamen may set the same page differently. */
static void sum_versions(GChecksum *sum)
{
	sum_file_identity(sum, "/proc/self/exe");
	char *v = g_strdup_printf(
	    "pango %s cairo %s harfbuzz %s fontconfig %d qpdf %s\n",
	    pango_version_string(), cairo_version_string(), hb_version_string(),
	    FcGetVersion(), qpdf_get_qpdf_version());
	g_checksum_update(sum, (const guchar *)v, (gssize)strlen(v));
	g_free(v);
}

static FcConfig *load_fonts(const char *dir, const char *file, GChecksum *sum,
                            struct diags *d)
{
	GDir *g = g_dir_open(dir, 0, NULL);
	if (!g) {
		diag_error(d, ((struct diag_pos){file, 0, 0}),
		           "de map met lettertypen '%s' ontbreekt", dir);
		return NULL;
	}
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	while ((name = g_dir_read_name(g)))
		if (g_str_has_suffix(name, ".ttf") ||
		    g_str_has_suffix(name, ".otf"))
			g_ptr_array_add(names, g_strdup(name));
	g_dir_close(g);
	qsort(names->pdata, names->len, sizeof(char *), compare_names);
	FcConfig *fc = FcConfigCreate();
	for (unsigned i = 0; i < names->len; i++) {
		char *path = g_build_filename(dir, names->pdata[i], NULL);
		sum_file_identity(sum, path);
		if (!FcConfigAppFontAddFile(fc, (const FcChar8 *)path))
			diag_error(d, ((struct diag_pos){file, 0, 0}),
			           "lettertype '%s' is niet te lezen", path);
		g_free(path);
	}
	if (names->len == 0)
		diag_error(d, ((struct diag_pos){file, 0, 0}),
		           "in '%s' staan geen lettertypen (.ttf of .otf)",
		           dir);
	g_ptr_array_free(names, TRUE);
	return fc;
}

static void setup_pango(struct print_design *pd)
{
	pd->fontmap =
	    pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(pd->fontmap), pd->fc);
	pd->pango = pango_font_map_create_context(pd->fontmap);
	/* One Pango unit of size is one point, and glyphs keep their exact
	 * advances: hinting or rounding would make the PDF depend on a
	 * screen that is not there. */
	pango_cairo_context_set_resolution(pd->pango, 72);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pd->pango, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(pd->pango, FALSE);
	pango_context_set_language(pd->pango, pango_language_from_string("nl"));
}

struct print_design *print_design_load(const char *layouts_dir, struct diags *d)
{
	struct print_design *pd = g_new0(struct print_design, 1);
	pd->arena = arena_new();
	char *path =
	    g_build_filename(layouts_dir, "journaal", "ontwerp.yaml", NULL);
	pd->file = arena_strdup(pd->arena, path);
	g_free(path);
	size_t errors = diags_errors(d);
	char *text = NULL;
	gsize len = 0;
	if (!g_file_get_contents(pd->file, &text, &len, NULL)) {
		diag_error(d, ((struct diag_pos){pd->file, 0, 0}),
		           "het ontwerp van de krantenpagina ontbreekt; "
		           "kopieer layouts/journaal/ uit zamen");
		goto fail;
	}
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	sum_versions(sum);
	g_checksum_update(sum, (const guchar *)text, (gssize)len);
	const struct fm_node *root =
	    fm_parse(pd->arena, text, len, 1, pd->file, d);
	g_free(text);
	if (!root) {
		g_checksum_free(sum);
		goto fail;
	}

	char *fonts = g_build_filename(layouts_dir, "fonts", NULL);
	pd->fc = load_fonts(fonts, pd->file, sum, d);
	g_free(fonts);

	struct reader top = {.pd = pd,
	                     .d = d,
	                     .file = pd->file,
	                     .prefix = "",
	                     .map = root,
	                     .line = 1};
	static const char *const k[] = {
	    "lettertypen", "afbreken", "kleuren",  "raster", "kop",
	    "verhaal",     "foto",     "redactie", "kader",  "rubriek",
	    "snijtekens",  "stijlen",  "teksten"};
	unknown_keys(&top, k, G_N_ELEMENTS(k));
	read_colours(&top);

	bool ok;
	struct reader r = sub(&top, "lettertypen", &ok);
	const char *families[2] = {NULL, NULL};
	if (ok) {
		static const char *const fk[] = {"tekst", "kop"};
		unknown_keys(&r, fk, 2);
		families[0] = string(&r, "tekst", true);
		families[1] = string(&r, "kop", true);
	}
	r = sub(&top, "afbreken", &ok);
	if (ok) {
		static const char *const hk[] = {"patronen", "links", "rechts"};
		unknown_keys(&r, hk, G_N_ELEMENTS(hk));
		const char *dic = string(&r, "patronen", true);
		int left = (int)number(&r, "links", 1, 10, true, 2);
		int right = (int)number(&r, "rechts", 1, 10, true, 3);
		if (dic) {
			sum_file_identity(sum, dic);
			pd->hyph = print_hyph_new(dic, left, right);
			if (!pd->hyph)
				diag_error(
				    d, pos_of(&r, fm_get(r.map, "patronen")),
				    "de afbreekpatronen '%s' zijn niet "
				    "te lezen; installeer het pakket "
				    "hyphen-nl",
				    dic);
		}
	}
	read_geometry(&top);
	read_styles(&top, families);
	read_texts(&top);
	g_strlcpy(pd->digest, g_checksum_get_string(sum), sizeof pd->digest);
	g_checksum_free(sum);
	if (diags_errors(d) > errors)
		goto fail;
	setup_pango(pd);
	return pd;
fail:
	print_design_free(pd);
	return NULL;
}

void print_design_free(struct print_design *pd)
{
	if (!pd)
		return;
	for (int i = 0; i < PS_COUNT; i++)
		if (pd->styles[i].font)
			pango_font_description_free(pd->styles[i].font);
	if (pd->pango)
		g_object_unref(pd->pango);
	if (pd->fontmap)
		g_object_unref(pd->fontmap);
	if (pd->fc)
		FcConfigDestroy(pd->fc);
	print_hyph_free(pd->hyph);
	arena_free(pd->arena);
	g_free(pd);
}

const struct print_colour *
print_design_colour_by_rgb(const struct print_design *pd, unsigned char r,
                           unsigned char g, unsigned char b)
{
	for (size_t i = 0; i < pd->n_colours; i++)
		if (pd->colours[i].r == r && pd->colours[i].g == g &&
		    pd->colours[i].b == b)
			return &pd->colours[i];
	return NULL;
}

/*
 * LeakSanitizer: Pango 1.50 keeps references to the font patterns of a
 * fontconfig configuration set with pango_fc_font_map_set_config() (in the
 * data of its fontconfig thread) and drops them unreleased when the font
 * map goes; fontconfig's own first initialisation (FcInit, from that
 * thread) keeps a few bytes as well. Both happen once per font map, inside
 * libfontconfig, and nothing here can release them. This function is
 * asked for by LeakSanitizer in a sanitizer build (`make SANITIZE=...`)
 * and is unused otherwise. Every leak with a libfontconfig frame on its
 * stack is ignored, so fontconfig objects made here (font_exists) must be
 * released by reading, not by the sanitizer. The list of suppressions used
 * is not printed: commands are tested for an empty stderr.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
