#include "check_internal.h"

#include <glib.h>
#include <string.h>

#include "image.h"
#include "model_link.h"
#include "text.h"

static const struct vocab doelgroep_vocab = {&model_doelgroepen,
                                             "bekende doelgroep", NULL};
static const struct vocab toegankelijk_vocab = {
    &model_toegankelijk, "bekende toegankelijkheid", NULL};

static const char *const story_fields[] = {
    "concept",     "samenvatting", "titel",      "datum",
    "toestemming", "auteur",       "anoniem",    "kern",
    "themas",      "doelgroep",    "foto",       "foto_bijschrift",
    "foto_credit", "foto_alt",     "foto_focus", "intro"};
static const char *const activity_fields[] = {
    "concept", "samenvatting", "titel",     "categorie", "organisator",
    "kern",    "locatie",      "datum",     "tot",       "herhaling",
    "tijd",    "kosten",       "aanmelden", "doelgroep", "toegankelijk"};
static const char *const herhaling_fields[] = {"elke", "dag", "week",
                                               "van",  "tot", "behalve"};
static const char *const partner_fields[] = {
    "concept",  "samenvatting", "naam",  "sector", "website",
    "telefoon", "email",        "adres", "logo",   "convenant"};
static const char *const edition_fields[] = {"concept",      "samenvatting",
                                             "datum",        "verhaal",
                                             "activiteiten", "uitgelicht"};
static const char *const page_fields[] = {"concept", "samenvatting", "titel",
                                          "menu"};

/* Names zamen generates at the top of the site. */
static const char *const reserved_pages[] = {
    "verhalen", "activiteiten", "partners", "journaal", "index",    "404",
    "feed",     "atom",         "sitemap",  "robots",   "kalender", "assets",
    "fonts",    "css",          "img",      "zoeken"};

bool check_reserved_page_slug(const char *slug)
{
	for (size_t i = 0; i < G_N_ELEMENTS(reserved_pages); i++)
		if (!strcmp(slug, reserved_pages[i]))
			return true;
	return false;
}

/* The first paragraph of the body as plain text, cut at a word boundary. */
#define SUMMARY_MAX 200

static const char *summary_from_body(struct arena *a, cmark_node *doc)
{
	cmark_node *p = cmark_node_first_child(doc);
	while (p && cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
		p = cmark_node_next(p);
	if (!p)
		return "";
	GString *s = g_string_new(NULL);
	md_plain_text(p, s);
	if (g_utf8_strlen(s->str, -1) > SUMMARY_MAX) {
		char *cut = g_utf8_offset_to_pointer(s->str, SUMMARY_MAX);
		gsize keep = (gsize)(cut - s->str);
		while (keep > 0 && s->str[keep] != ' ')
			keep--;
		while (keep > 0 && strchr(" ,;:-", s->str[keep - 1]))
			keep--;
		g_string_truncate(s, keep);
		g_string_append(s, "…");
	}
	const char *r = arena_strdup(a, s->str);
	g_string_free(s, TRUE);
	return r;
}

static void common(struct doc *d, const struct load_doc *src, struct fields *f)
{
	d->kind = src->kind;
	d->src = src;
	d->slug = src->slug;
	d->concept = field_bool(f, "concept");
	d->body = src->md;
	d->samenvatting = field_string(f, "samenvatting", false);
	if (!d->samenvatting)
		d->samenvatting = summary_from_body(f->a, d->body);
}

/* Consent decides whether a story may be published at all. A published
 * story without it is an error that holds back the whole site; a draft is
 * never published (not even with --drafts: model.h), so there it is a
 * warning, and the editors can prepare a story while consent is on its way.
 * A `datum` before `toestemming` is most often a typo in a year: the story
 * would go out on the wrong day, or, had the consent date been right, before
 * consent. */
static void consent(const struct site *s, struct story *x, struct fields *f)
{
	bool draft = x->doc.concept;
	enum diag_level level = draft ? DIAG_WARNING : DIAG_ERROR;
	char when[64], datum[64];
	if (!fm_get(f->map, "toestemming")) {
		if (draft)
			diag_warning(
			    f->d, ((struct diag_pos){f->file, f->line, 0}),
			    "concept zonder toestemming: vul bij "
			    "'toestemming: JJJJ-MM-DD' de datum in waarop "
			    "de verteller toestemming gaf. Tot dan wordt "
			    "het verhaal nergens getoond, ook niet met "
			    "--drafts");
		else
			diag_error(
			    f->d, ((struct diag_pos){f->file, f->line, 0}),
			    "verhaal zonder toestemming: vul bij "
			    "'toestemming: JJJJ-MM-DD' de datum in waarop "
			    "de verteller toestemming gaf. Zonder "
			    "toestemming wordt het verhaal nergens "
			    "gepubliceerd");
		return;
	}
	x->toestemming = field_date(f, "toestemming", true);
	if (x->toestemming == DATE_NONE)
		return;
	date_format_long(x->toestemming, when, sizeof when);
	if (x->toestemming > s->today) {
		if (draft)
			diag_warning(
			    f->d, field_pos(f, fm_get(f->map, "toestemming")),
			    "toestemming ligt in de toekomst (%s): tot die "
			    "dag wordt dit concept nergens getoond, ook niet "
			    "met --drafts",
			    when);
		else
			diag_error(f->d,
			           field_pos(f, fm_get(f->map, "toestemming")),
			           "toestemming ligt in de toekomst (%s): een "
			           "verhaal mag pas gepubliceerd worden als de "
			           "verteller toestemming heeft gegeven",
			           when);
	}
	if (x->datum != DATE_NONE && x->datum < x->toestemming)
		diag_add(f->d, level, field_pos(f, fm_get(f->map, "datum")),
		         "de datum van dit verhaal (%s) ligt vóór de "
		         "toestemming (%s): het zou verschijnen voordat de "
		         "verteller toestemming gaf. Controleer 'datum' en "
		         "'toestemming', vooral het jaartal; een verhaal "
		         "verschijnt op of na de dag van de toestemming",
		         date_format_long(x->datum, datum, sizeof datum), when);
}

/* ---- photos: decoded whole, with libvips (image.h) --------------------- */

/* The photo or logo field of doc, resolved to path, is decoded whole: a
 * photo that cannot be read is an error at its line, not a hole in the
 * page later. Only a file that model_link.h accepts is opened: what it
 * refuses (missing, hidden, outside content/, a FIFO) check_refs reports,
 * once. */
static void photo_decodes(const struct site *s, struct fields *f,
                          const struct doc *doc, const char *field,
                          const char *path, enum link_use use)
{
	const struct fm_node *n = fm_get(f->map, field);
	if (!n || !path)
		return;
	struct link l;
	link_file(s, doc, path, use, f->a, &l);
	if (!link_file_is_image(&l))
		return;
	char buf[200];
	struct image_info info;
	const char *why =
	    image_probe(s->images, l.real, &info, buf, sizeof buf);
	if (why)
		diag_error(f->d, field_pos(f, n),
		           "%s '%s' kan niet gebruikt worden: %s", field,
		           n->value, why);
}

static void story(const struct site *s, struct story *x, struct fields *f,
                  const struct load_doc *src)
{
	field_unknown(f, story_fields, G_N_ELEMENTS(story_fields));
	x->titel = field_string(f, "titel", true);
	x->datum = field_date(f, "datum", true);
	consent(s, x, f);
	x->auteur = field_string(f, "auteur", false);
	x->anoniem = field_bool(f, "anoniem");

	/* A story may be about the whole municipality. */
	struct vocab kern_vocab = {&s->config.verhaal_kernen, "bekende kern",
	                           "site.yaml"};
	x->kern = field_vocab(f, "kern", false, &kern_vocab);

	struct vocab themas = {&s->config.themas, "bekend thema", "site.yaml"};
	x->themas = field_list(f, "themas", false, &themas);
	x->doelgroep = field_list(f, "doelgroep", false, &doelgroep_vocab);
	x->intro = field_string(f, "intro", false);

	const char *foto = field_string(f, "foto", false);
	x->foto_alt = field_string(f, "foto_alt", false);
	x->foto_bijschrift = field_string(f, "foto_bijschrift", false);
	x->foto_credit = field_string(f, "foto_credit", false);
	/* Which part a crop keeps: print_photo.h, in the newspaper. */
	static const char *focus_values[] = {"boven", "midden", "onder",
	                                     "links", "rechts"};
	static const struct strlist focus_list = {focus_values, 5};
	static const struct vocab focus_vocab = {
	    &focus_list, "waarde voor foto_focus", NULL};
	x->foto_focus = field_vocab(f, "foto_focus", false, &focus_vocab);
	if (foto) {
		/* Its type and everything else: check_refs, model_link.h. */
		x->foto = load_resolve(f->a, src->dir, foto);
		photo_decodes(s, f, &x->doc, "foto", x->foto, LINK_USE_PHOTO);
		if (!x->foto_alt && !fm_get(f->map, "foto_alt"))
			diag_error(
			    f->d, field_pos(f, fm_key(f->map, "foto")),
			    "bij een foto hoort 'foto_alt': beschrijf in "
			    "één zin wat er op de foto te zien is, voor "
			    "wie de foto niet kan zien");
	} else {
		static const char *const needs_foto[] = {
		    "foto_alt", "foto_bijschrift", "foto_credit", "foto_focus"};
		for (size_t i = 0; i < G_N_ELEMENTS(needs_foto); i++) {
			const struct fm_node *k = fm_key(f->map, needs_foto[i]);
			if (k && !fm_get(f->map, "foto"))
				diag_error(f->d, field_pos(f, k),
				           "'%s' zonder 'foto': voeg de foto "
				           "toe of haal deze regel weg",
				           needs_foto[i]);
		}
	}
}

static bool herhaling(const struct site *s, struct activity *x,
                      const struct fields *top, const struct fm_node *n)
{
	(void)s;
	if (n->type != FM_MAP) {
		diag_error(top->d, field_pos(top, n),
		           "'herhaling' is een groep velden op eigen regels "
		           "die inspringen, zoals:  elke: week  /  dag: "
		           "dinsdag  /  van: 2026-09-01");
		return false;
	}
	struct fields f = {.a = top->a,
	                   .d = top->d,
	                   .file = top->file,
	                   .map = n,
	                   .prefix = "herhaling.",
	                   .line = fm_key(top->map, "herhaling")->line};
	field_unknown(&f, herhaling_fields, G_N_ELEMENTS(herhaling_fields));
	bool ok = true;
	struct cal_rule *r = &x->rule;

	static const char *elke_values[] = {"week", "twee-weken", "maand"};
	static const struct strlist elke_list = {elke_values, 3};
	static const struct vocab elke_vocab = {
	    &elke_list, "herhaling: kies week, twee-weken of maand", NULL};
	const char *elke = field_vocab(&f, "elke", true, &elke_vocab);
	if (!elke)
		ok = false;
	else if (!strcmp(elke, "week"))
		r->freq = CAL_WEEKLY;
	else if (!strcmp(elke, "twee-weken"))
		r->freq = CAL_BIWEEKLY;
	else
		r->freq = CAL_MONTHLY;

	static const char *days[] = {"maandag",   "dinsdag", "woensdag",
	                             "donderdag", "vrijdag", "zaterdag",
	                             "zondag"};
	static const struct strlist day_list = {days, 7};
	static const struct vocab day_vocab = {&day_list, "dag van de week",
	                                       NULL};
	const char *dag = field_vocab(&f, "dag", true, &day_vocab);
	if (dag)
		r->weekday = date_weekday_from_name(dag);
	else
		ok = false;

	const struct fm_node *week = fm_get(n, "week");
	if (elke && r->freq == CAL_MONTHLY) {
		const struct fm_node *w = field_node(&f, "week", true);
		if (!w) {
			ok = false;
		} else if (w->type == FM_SCALAR &&
		           !strcmp(w->value, "laatste")) {
			r->week_of_month = CAL_LAST_WEEK;
		} else if (w->type == FM_SCALAR && strlen(w->value) == 1 &&
		           w->value[0] >= '1' && w->value[0] <= '4') {
			r->week_of_month = w->value[0] - '0';
		} else {
			diag_error(f.d, field_pos(&f, w),
			           "'herhaling.week' zegt de hoeveelste %s van "
			           "de maand het is: 1, 2, 3, 4 of laatste, "
			           "niet '%s'",
			           dag ? dag : "dag",
			           w->type == FM_SCALAR ? w->value : "...");
			ok = false;
		}
	} else if (elke && week) {
		diag_error(f.d, field_pos(&f, fm_key(n, "week")),
		           "'herhaling.week' hoort alleen bij 'elke: maand'; "
		           "haal deze regel weg");
	}

	r->from = field_date(&f, "van", true);
	if (r->from == DATE_NONE)
		ok = false;
	r->until = fm_get(n, "tot") ? field_date(&f, "tot", false) : DATE_NONE;
	if (fm_get(n, "tot") && r->until == DATE_NONE)
		ok = false;
	if (r->from != DATE_NONE && r->until != DATE_NONE &&
	    r->until < r->from) {
		diag_error(f.d, field_pos(&f, fm_get(n, "tot")),
		           "'herhaling.tot' ligt voor 'herhaling.van'");
		ok = false;
	}

	const struct fm_node *b = fm_get(n, "behalve");
	if (b && b->type != FM_SEQ) {
		diag_error(f.d, field_pos(&f, b),
		           "'herhaling.behalve' is een lijst van datums, "
		           "bijvoorbeeld: behalve: [2026-12-24, 2026-12-31]");
	} else if (b) {
		date_t *ex = arena_calloc(f.a, b->n ? b->n : 1, sizeof *ex);
		for (size_t i = 0; i < b->n; i++) {
			date_t d = field_date_node(&f, b->items[i], "behalve");
			if (d != DATE_NONE)
				ex[r->n_except++] = d;
		}
		r->except = ex;
	}

	if (ok && r->freq == CAL_BIWEEKLY &&
	    date_weekday(r->from) != r->weekday) {
		char from[64];
		diag_error(f.d, field_pos(&f, fm_get(n, "van")),
		           "bij 'elke: twee-weken' is 'van' de eerste keer, "
		           "maar %s is geen %s: kies als 'van' de eerste %s",
		           date_format_long(r->from, from, sizeof from), dag,
		           dag);
		ok = false;
	}
	if (ok && cal_first(r) == DATE_NONE) {
		diag_error(
		    top->d, field_pos(top, fm_key(top->map, "herhaling")),
		    "deze herhaling komt nooit voor: er valt geen enkele "
		    "datum tussen 'van' en 'tot' (of alle data staan bij "
		    "'behalve'); controleer van, tot en dag");
		ok = false;
	}
	if (ok) {
		for (size_t i = 0; i < r->n_except; i++) {
			if (cal_matches_pattern(r, r->except[i]))
				continue;
			char day[64];
			diag_warning(
			    f.d, field_pos(&f, b->items[i]),
			    "%s is geen datum van deze activiteit, dus "
			    "'behalve' verandert hier niets; klopt de datum?",
			    date_format_long(r->except[i], day, sizeof day));
		}
	}
	return ok;
}

static void activity(const struct site *s, struct activity *x, struct fields *f)
{
	field_unknown(f, activity_fields, G_N_ELEMENTS(activity_fields));
	x->titel = field_string(f, "titel", true);
	struct vocab cat = {&s->config.categorieen, "bekende categorie",
	                    "site.yaml"};
	x->categorie = field_vocab(f, "categorie", true, &cat);
	field_string(f, "organisator", true); /* resolved in check_refs */
	struct vocab kern = {&s->config.kernen, "bekende kern", "site.yaml"};
	x->kern = field_vocab(f, "kern", true, &kern);
	x->locatie = field_string(f, "locatie", true);
	field_time(f, "tijd", true, &x->tijd);
	x->kosten = field_string(f, "kosten", false);
	x->aanmelden = field_string(f, "aanmelden", false);
	x->doelgroep = field_list(f, "doelgroep", false, &doelgroep_vocab);
	x->toegankelijk =
	    field_list(f, "toegankelijk", false, &toegankelijk_vocab);

	x->datum = x->tot = DATE_NONE;
	x->rule.until = DATE_NONE;
	const struct fm_node *datum = fm_get(f->map, "datum");
	const struct fm_node *rec = fm_get(f->map, "herhaling");
	if (datum && rec) {
		diag_error(f->d, field_pos(f, fm_key(f->map, "herhaling")),
		           "een activiteit heeft 'datum' (één keer) of "
		           "'herhaling' (steeds terug), niet allebei: haal er "
		           "één weg");
	} else if (!datum && !rec) {
		diag_error(
		    f->d, ((struct diag_pos){f->file, f->line, 0}),
		    "wanneer is deze activiteit? Voeg 'datum: JJJJ-MM-DD' "
		    "toe (één keer) of 'herhaling:' (steeds terug)");
	} else if (rec) {
		x->recurring = true;
		if (fm_key(f->map, "tot"))
			diag_error(f->d, field_pos(f, fm_key(f->map, "tot")),
			           "'tot' hoort hier bij een eenmalige "
			           "activiteit; bij een herhaling zet u 'tot:' "
			           "onder 'herhaling:', ingesprongen");
		if (!herhaling(s, x, f, rec))
			x->rule.until = x->rule.from = DATE_NONE;
	} else {
		x->datum = field_date(f, "datum", true);
		x->tot = fm_get(f->map, "tot") ? field_date(f, "tot", true)
		                               : x->datum;
		if (x->datum != DATE_NONE && x->tot != DATE_NONE &&
		    x->tot < x->datum) {
			diag_error(f->d, field_pos(f, fm_get(f->map, "tot")),
			           "'tot' ligt voor 'datum': de activiteit "
			           "eindigt voordat ze begint");
			x->tot = x->datum;
		}
		if (x->tot == DATE_NONE)
			x->tot = x->datum;
	}
}

static void partner(const struct site *s, struct partner *x, struct fields *f,
                    const struct load_doc *src)
{
	field_unknown(f, partner_fields, G_N_ELEMENTS(partner_fields));
	x->naam = field_string(f, "naam", true);
	struct vocab sector = {&s->config.sectoren, "bekende sector",
	                       "site.yaml"};
	x->sector = field_list(f, "sector", true, &sector);
	x->website = field_url(f, "website");
	x->telefoon = field_string(f, "telefoon", false);
	x->email = field_email(f, "email");
	x->adres = field_string(f, "adres", false);
	const char *logo = field_string(f, "logo", false);
	if (logo)
		x->logo = load_resolve(f->a, src->dir, logo);
	photo_decodes(s, f, &x->doc, "logo", x->logo, LINK_USE_IMAGE);
	x->convenant = fm_get(f->map, "convenant")
	                   ? field_date(f, "convenant", false)
	                   : DATE_NONE;
}

static void edition(const struct site *s, struct edition *x, struct fields *f,
                    const struct load_doc *src)
{
	(void)s;
	field_unknown(f, edition_fields, G_N_ELEMENTS(edition_fields));
	x->datum = field_date(f, "datum", true);
	field_string(f, "verhaal", true); /* resolved in check_refs */
	x->explicit_activities = fm_get(f->map, "activiteiten") != NULL;
	if (src->slug_ok)
		sscanf(src->slug, "%d-%d", &x->jaar, &x->nr);
	if (src->slug_ok && x->nr > date_iso_weeks_in_year(x->jaar))
		diag_error(f->d, ((struct diag_pos){f->file, 0, 0}),
		           "%d heeft maar %d weken: editie %s bestaat niet",
		           x->jaar, date_iso_weeks_in_year(x->jaar), src->slug);
	if (x->datum != DATE_NONE && src->slug_ok) {
		int y, w;
		date_iso_week(x->datum, &y, &w);
		if (y != x->jaar || w != x->nr) {
			char day[64];
			diag_warning(
			    f->d, field_pos(f, fm_get(f->map, "datum")),
			    "deze editie heet %s, maar %s valt in week %d van "
			    "%d; klopt de datum, of de bestandsnaam?",
			    src->slug,
			    date_format_long(x->datum, day, sizeof day), w, y);
		}
	}
}

static void page(const struct site *s, struct page *x, struct fields *f,
                 const struct load_doc *src)
{
	(void)s;
	field_unknown(f, page_fields, G_N_ELEMENTS(page_fields));
	x->titel = field_string(f, "titel", true);
	x->menu = field_int(f, "menu", false, 1, 99);
	if (check_reserved_page_slug(src->slug))
		diag_error(f->d, ((struct diag_pos){f->file, 0, 0}),
		           "een pagina mag niet '%s' heten: die naam gebruikt "
		           "zamen zelf voor een overzicht; kies een andere "
		           "bestandsnaam",
		           src->slug);
}

/* Zero is 1970-01-01, a real date: every date starts out absent, so a
 * record whose front matter was broken never looks dated. */
static void unset_dates(struct doc *doc, enum load_kind kind)
{
	switch (kind) {
	case KIND_STORY:
		((struct story *)doc)->datum = DATE_NONE;
		((struct story *)doc)->toestemming = DATE_NONE;
		break;
	case KIND_ACTIVITY:
		((struct activity *)doc)->datum = DATE_NONE;
		((struct activity *)doc)->tot = DATE_NONE;
		((struct activity *)doc)->rule.from = DATE_NONE;
		((struct activity *)doc)->rule.until = DATE_NONE;
		break;
	case KIND_PARTNER:
		((struct partner *)doc)->convenant = DATE_NONE;
		break;
	case KIND_EDITION:
		((struct edition *)doc)->datum = DATE_NONE;
		break;
	case KIND_PAGE:
	default:
		break;
	}
}

struct doc *check_doc(const struct site *s, const struct load_doc *src,
                      struct arena *a, struct diags *d)
{
	static const size_t sizes[KIND_COUNT] = {
	    [KIND_PAGE] = sizeof(struct page),
	    [KIND_STORY] = sizeof(struct story),
	    [KIND_ACTIVITY] = sizeof(struct activity),
	    [KIND_PARTNER] = sizeof(struct partner),
	    [KIND_EDITION] = sizeof(struct edition),
	};
	struct doc *doc = arena_alloc(a, sizes[src->kind]);
	struct fields f = {.a = a,
	                   .d = d,
	                   .file = src->path,
	                   .map = src->fm,
	                   .prefix = "",
	                   .line = 1};
	unset_dates(doc, src->kind);
	common(doc, src, &f);
	if (!src->fm)
		return doc; /* already reported by the loader */

	switch (src->kind) {
	case KIND_STORY:
		story(s, (struct story *)doc, &f, src);
		break;
	case KIND_ACTIVITY:
		activity(s, (struct activity *)doc, &f);
		break;
	case KIND_PARTNER:
		partner(s, (struct partner *)doc, &f, src);
		break;
	case KIND_EDITION:
		edition(s, (struct edition *)doc, &f, src);
		break;
	case KIND_PAGE:
	default:
		page(s, (struct page *)doc, &f, src);
		break;
	}
	return doc;
}
