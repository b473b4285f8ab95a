#include "print_page.h"

#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "image.h"
#include "model_link.h"
#include "print_flow.h"
#include "print_md.h"
#include "print_photo.h"

/* Between the parts of a line of facts: "10.00 uur · De Meerpaal". */
#define SEP "\u00a0· "

/* What each block belongs to, for what a flow that stops means. */
enum part {
	PART_OTHER,
	PART_STORY,
	PART_EDITORIAL,
	PART_AGENDA,
	PART_MORE,
	PART_PARTNER
};

/* A filled or stroked rectangle. Proof marks are drawn over the text. */
struct rect {
	double x, y, w, h;
	const struct print_colour *fill, *stroke;
	double line;
	bool over_text;
};

struct rule {
	double x0, y0, x1, y1, width;
	const struct print_colour *colour;
};

struct print_page {
	const struct print_design *pd;
	double media_w, media_h;
	double trim_x, trim_y, trim_w, trim_h, bleed;
	bool marks;
	GPtrArray *blocks; /* every block, owned */
	GArray *placed;    /* struct print_placed */
	GArray *proof;     /* struct print_placed, drawn last */
	GArray *rects;     /* struct rect */
	GArray *rules;     /* struct rule */
	/* The photo as placed, and what image.h is to make of it: only a
	 * page that is drawn needs the JPEG (print_page_photo), not one that
	 * check or copy-fit only lays out. */
	bool photo_placed;
	char *photo_real, *photo_as_written;
	struct diag_pos photo_pos;
	struct image_info photo_info;
	struct image_request photo_rq;
	struct print_photo *photo; /* the JPEG of exactly the placed part */
	double photo_x, photo_y, photo_w, photo_h;
	bool fits;
};

/* Everything composing needs at hand. */
struct compose {
	struct print_page *pg;
	const struct print_design *pd;
	const struct site *s;
	const struct edition *e;
	struct diags *d;
	double x0, y0, w, h; /* the type area */
	int n_cols, story_n; /* columns in all, of them for the story */
	double colw, gutter;
};

/* ---- small helpers ---------------------------------------------------- */

static struct diag_pos edition_pos(const struct edition *e, const char *key)
{
	const struct fm_node *k = key ? fm_key(e->doc.src->fm, key) : NULL;
	return (struct diag_pos){e->doc.src->path, k ? k->line : 1,
	                         k ? k->col : 0};
}

/* The text id filled in: {name} placeholders from keys/values. NULL when
 * the result is empty or a placeholder it uses has no value. */
struct fill {
	const char *key, *value;
};

static char *fill_in(const char *tpl, const struct fill *f, size_t n)
{
	GString *out = g_string_new(NULL);
	const char *p = tpl;
	while (*p) {
		const char *open = strchr(p, '{');
		const char *close = open ? strchr(open, '}') : NULL;
		if (!open || !close) {
			g_string_append(out, p);
			break;
		}
		g_string_append_len(out, p, open - p);
		size_t klen = close - open - 1;
		bool known = false;
		for (size_t i = 0; i < n && !known; i++) {
			if (strlen(f[i].key) != klen ||
			    memcmp(f[i].key, open + 1, klen))
				continue;
			known = true;
			if (!f[i].value || !*f[i].value) {
				g_string_free(out, TRUE);
				return NULL;
			}
			g_string_append(out, f[i].value);
		}
		if (!known)
			g_string_append_len(out, open, close - open + 1);
		p = close + 1;
	}
	if (!out->len) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
}

/* "https://www.zameneen.nl/" as a reader types it: "www.zameneen.nl". */
static char *bare_url(const char *url)
{
	if (!url)
		return NULL;
	const char *p = url;
	if (g_str_has_prefix(p, "https://"))
		p += 8;
	else if (g_str_has_prefix(p, "http://"))
		p += 7;
	char *r = g_strdup(p);
	size_t n = strlen(r);
	while (n && r[n - 1] == '/')
		r[--n] = '\0';
	return r;
}

/* A phone number is never broken over two lines: its spaces do not
 * break. */
static char *unbroken(const char *s)
{
	if (!s)
		return NULL;
	GString *r = g_string_new(s);
	g_string_replace(r, " ", "\u00a0", 0);
	return g_string_free(r, FALSE);
}

/* The texts of the design with what an edition knows filled in. */
static char *text_for(const struct compose *c, enum print_text_id id,
                      const char *extra_key, const char *extra)
{
	char datum[64], nummer[16], jaar[16];
	date_format_long(c->e->datum, datum, sizeof datum);
	g_snprintf(nummer, sizeof nummer, "%d", c->e->nr);
	g_snprintf(jaar, sizeof jaar, "%d", c->e->jaar);
	char *website = bare_url(c->s->config.basis_url);
	char *phone = unbroken(c->s->config.contact.telefoon);
	struct fill f[] = {
	    {"naam", c->s->config.journaal.naam},
	    {"krant", c->s->config.journaal.krant},
	    {"nummer", nummer},
	    {"jaar", jaar},
	    {"datum", datum},
	    {"ondertitel", c->s->config.ondertitel},
	    {"website", website},
	    {"telefoon", phone},
	    {"email", c->s->config.contact.email},
	    {extra_key ? extra_key : "", extra},
	};
	char *r = fill_in(c->pd->texts[id], f, G_N_ELEMENTS(f));
	g_free(website);
	g_free(phone);
	return r;
}

static struct print_block *own(struct compose *c, struct print_block *b,
                               int part)
{
	if (b) {
		b->part = part;
		g_ptr_array_add(c->pg->blocks, b);
	}
	return b;
}

/* A paragraph of one text in one style, not yet owned. */
static struct print_block *simple(const struct compose *c,
                                  enum print_style_id st, const char *text,
                                  double width)
{
	if (!text)
		return NULL;
	struct print_text t;
	print_text_init(&t, c->pd, st);
	print_text_add(&t, text, st, 0);
	return print_block_text(&t, width, false);
}

/* The same for a string from front matter, with Markdown's typography. */
static struct print_block *simple_md(const struct compose *c,
                                     enum print_style_id st, const char *text,
                                     double width)
{
	if (!text)
		return NULL;
	struct print_text t;
	print_text_init(&t, c->pd, st);
	print_md_inline(&t, text, st);
	return print_block_text(&t, width, false);
}

static void place_all(struct print_page *pg, const struct print_block *b,
                      double x, double y)
{
	struct print_placed p = {b, 0, b->n_lines, x, y, b->width, 0};
	g_array_append_val(pg->placed, p);
}

/* Places b whole at (x, y), after its space before unless first; returns
 * the y under it and its space after. */
static double stack(struct print_page *pg, const struct print_block *b,
                    double x, double y, bool first)
{
	if (!b)
		return y;
	if (!first)
		y += b->before;
	place_all(pg, b, x, y);
	return y + b->n_lines * b->leading + b->after;
}

static void add_rect(struct print_page *pg, double x, double y, double w,
                     double h, const struct print_colour *fill,
                     const struct print_colour *stroke, double line,
                     bool over_text)
{
	struct rect r = {x, y, w, h, fill, stroke, line, over_text};
	g_array_append_val(pg->rects, r);
}

static void add_rule(struct print_page *pg, double x0, double y0, double x1,
                     double y1, double width, const struct print_colour *col)
{
	if (width <= 0)
		return;
	struct rule r = {x0, y0, x1, y1, width, col};
	g_array_append_val(pg->rules, r);
}

static void take_flow(struct print_page *pg, const struct print_flow *f)
{
	g_array_append_vals(pg->placed, f->placed->data, f->placed->len);
}

static double column_x(const struct compose *c, int i)
{
	return c->x0 + i * (c->colw + c->gutter);
}

static double span_width(const struct compose *c, int n)
{
	return n * c->colw + (n - 1) * c->gutter;
}

/* ---- words, for copy-fit ---------------------------------------------- */

/* The first three words from byte `from` of s, soft hyphens dropped; a
 * word longer than a message can hold is cut with "…". */
#define QUOTE_WORD_MAX 40

static char *first_words(const char *s, size_t from)
{
	/* A line that starts inside a word (after a hyphenation) starts
	 * the quote at that word. */
	while (from > 0) {
		const char *prev = g_utf8_find_prev_char(s, s + from);
		gunichar ch = g_utf8_get_char(prev);
		if (g_unichar_isspace(ch) || ch == 0x2028)
			break;
		from = prev - s;
	}
	GString *out = g_string_new(NULL);
	int words = 0, letters = 0;
	bool in = false;
	for (const char *p = s + from; *p; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		bool space = g_unichar_isspace(ch) || ch == 0x2028;
		if (space) {
			if (in && ++words == 3)
				break;
			in = false;
			continue;
		}
		if (ch == 0xad || ch == 0x200b)
			continue;
		if (!in && out->len)
			g_string_append_c(out, ' ');
		if (!in)
			letters = 0;
		in = true;
		if (++letters > QUOTE_WORD_MAX) {
			g_string_append(out, "…");
			break;
		}
		g_string_append_unichar(out, ch);
	}
	return g_string_free(out, FALSE);
}

/* What a flow that stopped leaves over, among blocks[from..n) of part. */
static void overflow(struct print_block *const *blocks, size_t n,
                     const struct print_flow *f, double grid, int part,
                     int *lines, int *words, char **first)
{
	double h = 0;
	*words = 0;
	*first = NULL;
	for (size_t i = f->stop_block; i < n; i++) {
		const struct print_block *b = blocks[i];
		if (b->part != part)
			continue;
		int line = i == f->stop_block ? f->stop_line : 0;
		h += (line ? 0 : b->before) + (b->n_lines - line) * b->leading +
		     b->after;
		const char *s = print_block_string(b);
		if (!s)
			continue;
		size_t start = b->lines[line].start;
		*words += print_count_words(s + start, strlen(s + start));
		if (!*first)
			*first = first_words(s, start);
	}
	*lines = (int)ceil(h / grid - 1e-6);
}

static void story_words(struct print_block *const *blocks, size_t n, int part,
                        int *words, int *lines)
{
	*words = *lines = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = print_block_string(blocks[i]);
		if (blocks[i]->part != part || !s)
			continue;
		*words += print_count_words(s, strlen(s));
		*lines += blocks[i]->n_lines;
	}
}

/* Adds to an overflow the words print_md_blocks() did not set, and the
 * lines they would take at the words a line of the blocks it did set. */
static void left_over(GPtrArray *blocks, int part, int left, int *lines,
                      int *words)
{
	if (!left)
		return;
	int set_words, set_lines;
	story_words((struct print_block **)blocks->pdata, blocks->len, part,
	            &set_words, &set_lines);
	/* At least a word a line: set text of one endless word says
	 * nothing about the rest. */
	double per_line = set_lines > 0 ? (double)set_words / set_lines : 1;
	if (per_line < 1)
		per_line = 1;
	*words += left;
	*lines += (int)ceil(left / per_line);
}

static char *plural(int n, const char *one, const char *more)
{
	return g_strdup_printf("%d %s", n, n == 1 ? one : more);
}

/* "14 regels (ongeveer 95 woorden)" */
static char *amount(int lines, int words)
{
	char *l = plural(lines, "regel", "regels");
	char *w = plural(words, "woord", "woorden");
	char *r = g_strdup_printf("%s (ongeveer %s)", l, w);
	g_free(l);
	g_free(w);
	return r;
}

/* Marks in the proof where a flow ran out: a frame round the columns and,
 * under the last one, what is too much. */
static void mark_proof(struct compose *c, double x, double y, double w,
                       double h, double label_x, double label_w, int lines)
{
	const struct print_design *pd = c->pd;
	add_rect(c->pg, x, y, w, h, NULL, pd->proof_colour, 1.5, true);
	char *n = plural(lines, "regel", "regels");
	char *text = text_for(c, PT_PROEF, "aantal", n);
	g_free(n);
	double pad = 4;
	struct print_block *b = simple(c, PS_PROEF, text, label_w - 2 * pad);
	g_free(text);
	if (!b)
		return;
	own(c, b, PART_OTHER);
	/* Under the frame, so the last lines that did fit stay readable. */
	double bh = b->n_lines * b->leading + 2 * pad;
	add_rect(c->pg, label_x, y + h, label_w, bh, pd->paper,
	         pd->proof_colour, 1.5, true);
	struct print_placed p = {
	    b, 0, b->n_lines, label_x + pad, y + h + pad, b->width, 0};
	g_array_append_val(c->pg->proof, p);
}

/* ---- the masthead ----------------------------------------------------- */

static double masthead(struct compose *c)
{
	struct print_page *pg = c->pg;
	const struct print_design *pd = c->pd;
	double pad = pd->mast_pad;
	double band_bottom = c->y0 + pd->mast_height;
	if (pg->bleed > 0) /* the band runs off the page */
		add_rect(pg, pg->trim_x - pg->bleed, pg->trim_y - pg->bleed,
		         pg->trim_w + 2 * pg->bleed,
		         band_bottom - (pg->trim_y - pg->bleed),
		         pd->mast_colour, NULL, 0, false);
	else
		add_rect(pg, c->x0, c->y0, c->w, pd->mast_height,
		         pd->mast_colour, NULL, 0, false);

	/* Number and date at the right, the name in the room left; both
	 * stand on the baseline at the band's inner bottom edge. */
	double base = band_bottom - pad;
	char *l1 = text_for(c, PT_KOP_REGEL1, NULL, NULL);
	char *l2 = text_for(c, PT_KOP_REGEL2, NULL, NULL);
	struct print_text t;
	print_text_init(&t, pd, PS_KOP_INFO);
	if (l1)
		print_text_add(&t, l1, PS_KOP_INFO, 0);
	if (l1 && l2)
		print_text_break(&t);
	if (l2)
		print_text_add(&t, l2, PS_KOP_INFO, 0);
	g_free(l1);
	g_free(l2);
	double inner = c->w - 2 * pad;
	struct print_block *info =
	    own(c, print_block_text(&t, inner / 2, false), PART_OTHER);
	double info_w = 0;
	if (info) { /* right-aligned in the right half */
		info_w = print_block_line_width(info);
		place_all(pg, info, c->x0 + pad + inner / 2,
		          base - (info->n_lines - 1) * info->leading -
		              info->baseline);
	}
	struct print_block *name =
	    own(c,
	        simple(c, PS_KOP_NAAM, c->s->config.journaal.naam,
	               inner - info_w - pad),
	        PART_OTHER);
	if (name)
		place_all(pg, name, c->x0 + pad,
		          base - (name->n_lines - 1) * name->leading -
		              name->baseline);

	/* The line under the band: tagline left, the newspaper right. */
	char *left = text_for(c, PT_KOP_LINKS, NULL, NULL);
	char *right = text_for(c, PT_KOP_RECHTS, NULL, NULL);
	struct print_block *lb =
	    own(c, simple(c, PS_KOP_ONDERTITEL, left, c->w * 0.65), PART_OTHER);
	const struct print_style *st = &pd->styles[PS_KOP_ONDERTITEL];
	double y = band_bottom + st->before;
	double bottom = y + st->leading;
	if (lb) {
		place_all(pg, lb, c->x0, y);
		bottom = y + lb->n_lines * lb->leading;
	}
	if (right) {
		struct print_text rt;
		print_text_init(&rt, pd, PS_KOP_ONDERTITEL);
		print_text_add(&rt, right, PS_KOP_ONDERTITEL, 0);
		struct print_block *rb = own(
		    c, print_block_text(&rt, c->w * 0.35, false), PART_OTHER);
		if (rb) {
			pango_layout_set_alignment(rb->layout,
			                           PANGO_ALIGN_RIGHT);
			print_block_relayout(rb);
			place_all(pg, rb, c->x0 + c->w * 0.65, y);
		}
	}
	g_free(left);
	g_free(right);
	bottom += st->after;
	add_rule(pg, c->x0, bottom + pd->mast_rule / 2, c->x0 + c->w,
	         bottom + pd->mast_rule / 2, pd->mast_rule,
	         pd->mast_rule_colour);
	return bottom + pd->mast_rule + pd->mast_gap;
}

/* ---- the side columns ------------------------------------------------- */

/* The contact box at the foot of the side columns; returns its top. */
static double contact_box(struct compose *c, double x, double w)
{
	const struct print_design *pd = c->pd;
	const struct site_config *cf = &c->s->config;
	double pad = pd->box_pad, inner = w - 2 * pad;
	struct print_block *b[4] = {
	    simple(c, PS_CONTACT_KOP, cf->contact.naam, inner),
	    simple(c, PS_CONTACT_TEKST, cf->contact.tekst, inner),
	    simple(c, PS_CONTACT_NUMMER, cf->contact.telefoon, inner), NULL};
	b[3] = simple(c, PS_CONTACT_ADRES, cf->contact.email, inner);
	double h = 0;
	bool first = true;
	for (int i = 0; i < 4; i++) {
		if (!b[i])
			continue;
		h += (first ? 0 : b[i]->before) +
		     b[i]->n_lines * b[i]->leading + b[i]->after;
		first = false;
	}
	double top = c->y0 + c->h - h - 2 * pad;
	add_rect(c->pg, x, top, w, h + 2 * pad, pd->box_colour, NULL, 0, false);
	double y = top + pad;
	first = true;
	for (int i = 0; i < 4; i++) {
		if (!b[i])
			continue;
		own(c, b[i], PART_OTHER);
		y = stack(c->pg, b[i], x + pad, y, first);
		first = false;
	}
	return top;
}

/* "Dinsdag 24 november" */
static char *day_heading(date_t d)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	char *name = g_strdup(date_weekday_name(date_weekday(d)));
	name[0] = g_ascii_toupper(name[0]);
	char *r = g_strdup_printf("%s %d %s", name, day, date_month_name(m));
	g_free(name);
	return r;
}

/* "10.00–11.30 uur", the way a Dutch paper writes times. */
static char *time_text(struct date_time_range t)
{
	char a[6], b[6];
	date_time_format(t.start, a);
	a[2] = '.';
	if (t.end < 0)
		return g_strdup_printf("%s uur", a);
	date_time_format(t.end, b);
	b[2] = '.';
	return g_strdup_printf("%s–%s uur", a, b);
}

static struct print_block *label(struct compose *c, GPtrArray *out,
                                 enum print_text_id id, double width, int part)
{
	const struct print_design *pd = c->pd;
	if (pd->label_rule > 0) {
		struct print_block *r =
		    print_block_rule(pd->label_rule, pd->label_rule_colour, 0,
		                     pd->label_rule, 0);
		r->part = part;
		r->width = width;
		g_ptr_array_add(out, r);
	}
	char *text = text_for(c, id, NULL, NULL);
	struct print_block *b = simple(c, PS_LABEL, text, width);
	g_free(text);
	if (b) {
		b->part = part;
		b->keep_together = b->keep_with_next = true;
		g_ptr_array_add(out, b);
	}
	return b;
}

/* The blocks of the side columns, each built once; a try at fitting
 * assembles a list of them. */
struct side {
	GPtrArray *all;           /* owns every block */
	GPtrArray *head;          /* the label of Deze week */
	GPtrArray *agenda;        /* day headings and items, in order */
	size_t *item_end;         /* after item i: its end in agenda */
	size_t n_built;           /* items built; more cannot fit */
	struct print_block *tail; /* "none this week" or "more online" */
	GPtrArray *partner;
};

static struct print_block *keep(struct side *sd, GPtrArray *into,
                                struct print_block *b, int part)
{
	if (!b)
		return NULL;
	b->part = part;
	g_ptr_array_add(sd->all, b);
	if (into)
		g_ptr_array_add(into, b);
	return b;
}

static struct print_block *agenda_item(struct compose *c,
                                       const struct activity *a, double width)
{
	struct print_text t;
	print_text_init(&t, c->pd, PS_AGENDA_TEKST);
	print_text_add(&t, a->titel, PS_AGENDA_TITEL, 0);
	print_text_break(&t);
	char *when = time_text(a->tijd);
	GString *rest = g_string_new(when);
	g_free(when);
	/* The dot stays at the end of a line, never starts one. */
	g_string_append_printf(rest, SEP "%s", a->locatie);
	if (a->kosten)
		g_string_append_printf(rest, SEP "%s", a->kosten);
	print_text_add(&t, rest->str, PS_AGENDA_TEKST, 0);
	g_string_free(rest, TRUE);
	struct print_block *b = print_block_text(&t, width, false);
	b->keep_together = true;
	return b;
}

/* Builds the side column's blocks at width; agenda items only as many as
 * could ever fit in room (pt of column in all), since an automatic week
 * can hold hundreds. */
static void side_build(struct compose *c, struct side *sd, double width,
                       double room)
{
	const struct edition *e = c->e;
	sd->all =
	    g_ptr_array_new_with_free_func((GDestroyNotify)print_block_free);
	sd->head = g_ptr_array_new();
	sd->agenda = g_ptr_array_new();
	sd->partner = g_ptr_array_new();
	sd->item_end = g_new0(size_t, e->n_occurrences + 1);

	GPtrArray *label_blocks = g_ptr_array_new();
	label(c, label_blocks, PT_DEZE_WEEK, width, PART_AGENDA);
	for (unsigned i = 0; i < label_blocks->len; i++)
		keep(sd, sd->head, label_blocks->pdata[i], PART_AGENDA);
	g_ptr_array_set_size(label_blocks, 0);

	date_t day = DATE_NONE;
	double used = 0;
	for (size_t i = 0; i < e->n_occurrences && used <= room; i++) {
		const struct occurrence *o = &e->occurrences[i];
		if (o->date != day) {
			day = o->date;
			char *h = day_heading(day);
			struct print_block *b =
			    keep(sd, sd->agenda, simple(c, PS_DAG, h, width),
			         PART_AGENDA);
			g_free(h);
			b->keep_together = b->keep_with_next = true;
			used += print_block_height(b);
		}
		struct print_block *b =
		    keep(sd, sd->agenda, agenda_item(c, o->activity, width),
		         PART_AGENDA);
		used += print_block_height(b);
		sd->item_end[i] = sd->agenda->len;
		sd->n_built = i + 1;
	}

	enum print_text_id tail =
	    e->n_occurrences ? PT_MEER_ACTIVITEITEN : PT_GEEN_ACTIVITEITEN;
	char *text = text_for(c, tail, NULL, NULL);
	sd->tail =
	    keep(sd, NULL, simple(c, PS_AGENDA_TEKST, text, width), PART_MORE);
	g_free(text);
	if (sd->tail)
		sd->tail->keep_together = true;

	const struct partner *p = e->uitgelicht;
	if (p) {
		label(c, label_blocks, PT_UITGELICHT, width, PART_PARTNER);
		for (unsigned i = 0; i < label_blocks->len; i++)
			keep(sd, sd->partner, label_blocks->pdata[i],
			     PART_PARTNER);
		struct print_block *b = keep(
		    sd, sd->partner, simple(c, PS_PARTNER_NAAM, p->naam, width),
		    PART_PARTNER);
		b->keep_together = b->keep_with_next = true;
		if (*p->doc.samenvatting)
			keep(sd, sd->partner,
			     simple(c, PS_PARTNER_TEKST, p->doc.samenvatting,
			            width),
			     PART_PARTNER);
		char *site = bare_url(p->website);
		GString *how = g_string_new(NULL);
		char *phone = unbroken(p->telefoon);
		if (phone)
			g_string_append(how, phone);
		g_free(phone);
		if (site)
			g_string_append_printf(how, "%s%s", how->len ? SEP : "",
			                       site);
		g_free(site);
		if (how->len) {
			struct print_text t;
			print_text_init(&t, c->pd, PS_PARTNER_TEKST);
			print_text_add(&t, how->str, PS_PARTNER_TEKST,
			               PRINT_STRONG);
			b = keep(sd, sd->partner,
			         print_block_text(&t, width, false),
			         PART_PARTNER);
			b->keep_together = true;
		}
		g_string_free(how, TRUE);
	}
	g_ptr_array_free(label_blocks, TRUE);
}

static void side_free(struct side *sd)
{
	g_ptr_array_free(sd->head, TRUE);
	g_ptr_array_free(sd->agenda, TRUE);
	g_ptr_array_free(sd->partner, TRUE);
	g_ptr_array_free(sd->all, TRUE);
	g_free(sd->item_end);
}

/* Flows the side column with the first `items` activities and, when
 * partner, the spotlight. */
static bool side_try(const struct compose *c, const struct side *sd,
                     size_t items, bool partner,
                     const struct print_column *cols, int n,
                     struct print_flow *f)
{
	GPtrArray *list = g_ptr_array_new();
	for (unsigned i = 0; i < sd->head->len; i++)
		g_ptr_array_add(list, sd->head->pdata[i]);
	size_t end = items ? sd->item_end[items - 1] : 0;
	for (size_t i = 0; i < end; i++)
		g_ptr_array_add(list, sd->agenda->pdata[i]);
	bool all = items == c->e->n_occurrences;
	if (sd->tail && (!all || items == 0))
		g_ptr_array_add(list, sd->tail);
	for (unsigned i = 0; partner && i < sd->partner->len; i++)
		g_ptr_array_add(list, sd->partner->pdata[i]);
	bool ok = print_flow_run((struct print_block **)list->pdata, list->len,
	                         cols, n, 0, f);
	g_ptr_array_free(list, TRUE);
	return ok;
}

/* The most activities, from the start, that fit with or without the
 * partner: fewer never fit worse, so halving finds it. */
static bool side_most(const struct compose *c, const struct side *sd,
                      bool partner, const struct print_column *cols, int n,
                      size_t *items)
{
	struct print_flow f;
	bool ok = side_try(c, sd, 0, partner, cols, n, &f);
	print_flow_clear(&f);
	if (!ok)
		return false;
	size_t lo = 0, hi = sd->n_built; /* lo fits */
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;
		ok = side_try(c, sd, mid, partner, cols, n, &f);
		print_flow_clear(&f);
		if (ok)
			lo = mid;
		else
			hi = mid - 1;
	}
	*items = lo;
	return true;
}

static void side_columns(struct compose *c, double top)
{
	int side = c->n_cols - c->story_n;
	if (side <= 0)
		return;
	double x = column_x(c, c->story_n), w = span_width(c, side);
	double bottom = contact_box(c, x, w) - c->pd->story_gap;
	struct print_column cols[12];
	for (int i = 0; i < side; i++)
		cols[i] = (struct print_column){column_x(c, c->story_n + i),
		                                top, bottom, c->colw};
	const struct edition *e = c->e;
	struct side sd = {0};
	side_build(c, &sd, c->colw, side * (bottom - top));

	/* Activities that do not fit are left out from the end, with a
	 * pointer to the website; then the partner, before giving up. */
	size_t items = 0;
	bool partner = sd.partner->len > 0;
	if (!side_most(c, &sd, partner, cols, side, &items) && partner) {
		partner = false;
		if (!side_most(c, &sd, partner, cols, side, &items))
			diag_error(c->d, edition_pos(e, NULL),
			           "de zijkolom van de krantenpagina is te "
			           "vol, ook zonder activiteiten");
	}
	struct print_flow f;
	side_try(c, &sd, items, partner, cols, side, &f);
	take_flow(c->pg, &f);
	print_flow_clear(&f);
	for (unsigned i = 0; i < sd.all->len; i++)
		g_ptr_array_add(c->pg->blocks, sd.all->pdata[i]);
	g_ptr_array_set_free_func(sd.all, NULL);
	bool had_partner = sd.partner->len > 0;
	side_free(&sd);

	if (items < e->n_occurrences)
		diag_warning(
		    c->d,
		    edition_pos(e, e->explicit_activities ? "activiteiten"
		                                          : "datum"),
		    "'Deze week' op de krantenpagina heeft geen plaats "
		    "voor %zu van de %zu activiteiten; die staan alleen "
		    "op de website (kies er met 'activiteiten' minder)",
		    e->n_occurrences - items, e->n_occurrences);
	if (!partner && had_partner)
		diag_warning(c->d, edition_pos(e, "uitgelicht"),
		             "de partner in de schijnwerpers past niet meer op "
		             "de krantenpagina");
	/* The rule between story and side columns. */
	double rx = column_x(c, c->story_n) - c->gutter / 2;
	add_rule(c->pg, rx, top, rx, c->y0 + c->h, c->pd->column_rule,
	         c->pd->column_rule_colour);
}

/* ---- the story -------------------------------------------------------- */

/* The story's photo as image.h describes it, upright. */
struct story_photo {
	struct diag_pos pos;    /* the `foto` line */
	const char *as_written; /* what the editor wrote */
	struct arena *a;        /* holds real */
	const char *real;       /* the verified file (model_link.h) */
	struct image_info info;
};

/* Finds and probes the story's photo. Reports and returns false when it
 * cannot be used (check says the same, earlier). */
static bool photo_open(struct compose *c, const struct story *st,
                       struct story_photo *sp)
{
	const struct fm_node *key = fm_key(st->doc.src->fm, "foto");
	const struct fm_node *val = fm_get(st->doc.src->fm, "foto");
	sp->as_written = val ? val->value : st->foto;
	sp->pos = (struct diag_pos){st->doc.src->path, key ? key->line : 1,
	                            key ? key->col : 0};
	/* An arena of its own: the site's is not for other threads. */
	sp->a = arena_new();
	struct link l;
	link_file(c->s, &st->doc, st->foto, LINK_USE_PHOTO, sp->a, &l);
	if (l.kind != LINK_FILE) {
		diag_error(c->d, sp->pos, "foto '%s' %s", sp->as_written,
		           l.why ? l.why : "kan niet in de krant");
		return false;
	}
	sp->real = l.real;
	char buf[200];
	const char *why =
	    image_probe(c->s->images, sp->real, &sp->info, buf, sizeof buf);
	if (why) {
		diag_error(c->d, sp->pos, "foto '%s' kan niet in de krant: %s",
		           sp->as_written, why);
		return false;
	}
	return true;
}

/* Over how many story columns the photo stands. A landscape photo takes
 * the design's `fotokolommen` and is cut to `max_hoogte` when it is
 * taller. A portrait (or square) one that would stand taller than that
 * stays a portrait: it takes the most columns, at most `fotokolommen`,
 * over which it stands whole within `max_hoogte_staand`, and only when
 * even one column is not narrow enough is it cut, in that one column. */
static int photo_span(const struct compose *c, const struct image_info *info)
{
	const struct print_design *pd = c->pd;
	int most =
	    pd->photo_columns < c->story_n ? pd->photo_columns : c->story_n;
	double ratio = (double)info->height / info->width;
	if (span_width(c, most) * ratio <= pd->photo_max_height + 1e-6 ||
	    info->width > info->height)
		return most;
	for (int n = most; n > 1; n--)
		if (span_width(c, n) * ratio <=
		    pd->photo_portrait_max_height + 1e-6)
			return n;
	return 1;
}

/* The photo placed at (x, y) over width w, caption under it: cut to the
 * height it may have, keeping what foto_focus or the attention crop
 * says, and made as a JPEG of the placed part. Returns the y under the
 * caption, or -1 when it cannot be made. */
static double photo(struct compose *c, const struct story *st,
                    const struct story_photo *sp, double x, double y, double w)
{
	const struct print_design *pd = c->pd;
	struct print_page *pg = c->pg;
	const struct image_info *info = &sp->info;
	double natural = w * info->height / info->width;
	double most = info->width > info->height
	                  ? pd->photo_max_height
	                  : pd->photo_portrait_max_height;
	double h = fmin(natural, most);
	double crop[4] = {0, 0, info->width, info->height};
	if (h < natural - 1e-6) {
		enum print_focus focus = print_photo_focus(st->foto_focus);
		double aspect = w / h;
		double attention[4];
		/* The cut is always across the full width: only a focus
		 * that leaves the height open needs libvips' judgement. */
		bool ask = focus == PRINT_FOCUS_ATTENTION ||
		           focus == PRINT_FOCUS_LEFT ||
		           focus == PRINT_FOCUS_RIGHT;
		if (ask)
			image_attention_crop(c->s->images, sp->real, info,
			                     aspect, attention);
		print_photo_cut(info->width, info->height, aspect, focus,
		                ask ? attention : NULL, crop);
	}
	struct image_request rq =
	    print_photo_request(crop, w, h, PRINT_PHOTO_MAX_PPI);
	pg->photo_placed = true;
	pg->photo_real = g_strdup(sp->real);
	pg->photo_as_written = g_strdup(sp->as_written);
	pg->photo_pos = sp->pos;
	pg->photo_pos.file = g_strdup(sp->pos.file);
	pg->photo_info = *info;
	pg->photo_rq = rq;
	pg->photo_x = x;
	pg->photo_y = y;
	pg->photo_w = w;
	pg->photo_h = h;
	/* Judged by the source pixels that are used, not by those sent:
	 * the press gets no more than 300 ppi either way. */
	double ppi = crop[2] / (w / 72);
	if (ppi + 0.5 < pd->min_ppi)
		diag_warning(
		    c->d, sp->pos,
		    "foto '%s' is te grof voor de krant: %.0f ppi op "
		    "%.0f mm breed, minstens %.0f ppi is nodig (een "
		    "foto van %.0f pixels breed of meer)",
		    sp->as_written, ppi, w * 25.4 / 72, pd->min_ppi,
		    ceil(pd->min_ppi * w / 72 * info->width / crop[2] - 1e-6));
	y += h;

	struct print_text t;
	print_text_init(&t, pd, PS_BIJSCHRIFT);
	if (st->foto_bijschrift)
		print_md_inline(&t, st->foto_bijschrift, PS_BIJSCHRIFT);
	char *credit = st->foto_credit
	                   ? text_for(c, PT_FOTO, "credit", st->foto_credit)
	                   : NULL;
	if (credit) {
		if (st->foto_bijschrift)
			print_text_add(&t, " ", PS_BIJSCHRIFT, 0);
		print_text_add(&t, credit, PS_CREDIT, 0);
	}
	g_free(credit);
	struct print_block *cap =
	    own(c, print_block_text(&t, w, false), PART_OTHER);
	if (cap)
		y = stack(pg, cap, x, y, false) - cap->after;
	return y;
}

/* The storyteller's line: the name, or that it is withheld. Never the name
 * of an anonymous storyteller: story_author() decides. */
static struct print_block *author(struct compose *c, const struct story *st,
                                  double width)
{
	const char *name = story_author(st);
	char *text = name          ? text_for(c, PT_AUTEUR, "auteur", name)
	             : st->anoniem ? text_for(c, PT_ANONIEM, NULL, NULL)
	                           : NULL;
	struct print_block *b = simple(c, PS_AUTEUR, text, width);
	g_free(text);
	return b;
}

/* The editorial box at the foot of the story columns, its text balanced
 * over them. Returns its top (the foot of the type area when there is no
 * editorial). */
static double editorial(struct compose *c, double story_top)
{
	const struct print_design *pd = c->pd;
	const struct edition *e = c->e;
	double bottom = c->y0 + c->h;
	double pad = pd->box_pad;
	double w = span_width(c, c->story_n), inner = w - 2 * pad;
	int n = c->story_n;
	double icol = (inner - (n - 1) * c->gutter) / n;
	GPtrArray *blocks =
	    g_ptr_array_new_with_free_func((GDestroyNotify)print_block_free);
	double grid = pd->styles[PS_REDACTIE].leading;
	int left =
	    print_md_blocks(pd, e->doc.body, PS_REDACTIE, icol, PART_EDITORIAL,
	                    n * ceil(pd->editorial_max_height / grid), blocks);
	if (blocks->len == 0) {
		g_ptr_array_free(blocks, TRUE);
		return bottom;
	}
	char *text = text_for(c, PT_REDACTIE, NULL, NULL);
	struct print_block *lb =
	    own(c, simple(c, PS_LABEL, text, inner), PART_OTHER);
	g_free(text);
	double label_h = lb ? lb->n_lines * lb->leading + lb->after : 0;
	double total = 0;
	for (unsigned i = 0; i < blocks->len; i++)
		total += print_block_height(blocks->pdata[i]);
	double max = fmin(pd->editorial_max_height, bottom - story_top) -
	             2 * pad - label_h;
	double ht = fmax(grid, ceil(total / n / grid) * grid);
	struct print_column cols[12];
	struct print_flow f;
	bool ok;
	for (;;) {
		double top = bottom - pad - ht;
		for (int i = 0; i < n; i++)
			cols[i] = (struct print_column){
			    c->x0 + pad + i * (icol + c->gutter), top, top + ht,
			    icol};
		ok = print_flow_run((struct print_block **)blocks->pdata,
		                    blocks->len, cols, n, grid, &f);
		if (ok || ht + grid > max)
			break;
		print_flow_clear(&f);
		ht += grid;
	}
	double box_top = bottom - pad - ht - label_h - pad;
	add_rect(c->pg, c->x0, box_top, w, bottom - box_top, pd->box_colour,
	         NULL, 0, false);
	if (lb)
		place_all(c->pg, lb, c->x0 + pad, box_top + pad);
	take_flow(c->pg, &f);
	if (!ok || left) {
		int lines, words;
		char *from;
		overflow((struct print_block **)blocks->pdata, blocks->len, &f,
		         grid, PART_EDITORIAL, &lines, &words, &from);
		left_over(blocks, PART_EDITORIAL, left, &lines, &words);
		char *much = amount(lines, words);
		diag_error(c->d, edition_pos(e, NULL),
		           "'Van de redactie' te lang: %s; valt weg vanaf: "
		           "‘%s …’",
		           much, from ? from : "");
		g_free(much);
		g_free(from);
		mark_proof(c, c->x0, box_top, w, bottom - box_top,
		           cols[n - 1].x - pad / 2, icol + pad, lines);
		c->pg->fits = false;
	}
	print_flow_clear(&f);
	for (unsigned i = 0; i < blocks->len; i++)
		g_ptr_array_add(c->pg->blocks, blocks->pdata[i]);
	g_ptr_array_set_free_func(blocks, NULL);
	g_ptr_array_free(blocks, TRUE);
	return box_top;
}

/* A story shorter than its columns ends at about one height in every
 * column, as a paper sets it, rather than leaving the last ones empty: the
 * foot of the columns is raised line by line while everything still fits.
 * f holds the flow that fitted and is replaced by the balanced one. */
static void balance(GPtrArray *blocks, struct print_column *cols, int n,
                    double grid, struct print_flow *f)
{
	double bottom = cols[0].bottom, top = cols[0].top;
	for (int i = 1; i < n; i++)
		top = fmax(top, cols[i].top);
	/* An empty body fits any height: stop at the highest top. */
	while (bottom - grid >= top) {
		for (int i = 0; i < n; i++)
			cols[i].bottom = bottom - grid;
		struct print_flow tighter;
		bool ok = print_flow_run((struct print_block **)blocks->pdata,
		                         blocks->len, cols, n, grid, &tighter);
		/* Never so tight that the text skips its first column. */
		if (ok && f->placed->len && tighter.placed->len &&
		    g_array_index(tighter.placed, struct print_placed, 0)
		            .column !=
		        g_array_index(f->placed, struct print_placed, 0).column)
			ok = false;
		if (!ok) {
			print_flow_clear(&tighter);
			break;
		}
		print_flow_clear(f);
		*f = tighter;
		bottom -= grid;
	}
	for (int i = 0; i < n; i++)
		cols[i].bottom = bottom;
}

/* The intro in style st and the storyteller's line, stacked at (x, y) over
 * width w; returns where the body may start under them. */
static double lead(struct compose *c, const struct story *st,
                   enum print_style_id style, double x, double y, double w)
{
	double top = y;
	bool first = true;
	struct print_block *ib =
	    own(c, simple_md(c, style, st->intro, w), PART_STORY);
	if (ib) {
		y = stack(c->pg, ib, x, y, first);
		first = false;
	}
	struct print_block *ab = own(c, author(c, st, w), PART_OTHER);
	if (ab)
		y = stack(c->pg, ab, x, y, first) - ab->after;
	return y > top ? y + c->pd->story_gap : top;
}

/* A short story leaves room under its balanced columns. When the call for
 * stories of the design (oproep_kop, oproep) fits there, it stands in the
 * middle of that room, between two rules: the page's own invitation to
 * tell Zamen Een a story, the way a paper fills a gap with a house ad. */
static void call_for_stories(struct compose *c, const struct print_flow *f,
                             double bottom)
{
	const struct print_design *pd = c->pd;
	double used = 0;
	for (unsigned i = 0; i < f->placed->len; i++) {
		const struct print_placed *p =
		    &g_array_index(f->placed, struct print_placed, i);
		used = fmax(used, p->y + p->n * p->b->leading);
	}
	double w = span_width(c, c->story_n);
	int n = c->story_n > 2 ? c->story_n - 2 : c->story_n;
	double tw = span_width(c, n);
	char *head = text_for(c, PT_OPROEP_KOP, NULL, NULL);
	char *body = text_for(c, PT_OPROEP, NULL, NULL);
	struct print_block *hb = simple(c, PS_OPROEP_KOP, head, tw);
	struct print_block *bb = simple_md(c, PS_OPROEP, body, tw);
	g_free(head);
	g_free(body);
	double inner = (hb ? hb->n_lines * hb->leading + hb->after : 0) +
	               (bb ? bb->before + bb->n_lines * bb->leading : 0);
	double rule = pd->label_rule, gap = pd->story_gap;
	double need = inner + 2 * rule + 4 * gap;
	double room = bottom - used;
	if (!hb || !bb || room < need + 2 * gap) {
		print_block_free(hb);
		print_block_free(bb);
		return;
	}
	double top = used + (room - need) / 2 + gap;
	add_rule(c->pg, c->x0, top + rule / 2, c->x0 + w, top + rule / 2, rule,
	         pd->label_rule_colour);
	double x = c->x0 + (w - tw) / 2;
	double y = top + rule + gap;
	y = stack(c->pg, own(c, hb, PART_OTHER), x, y, true);
	y = stack(c->pg, own(c, bb, PART_OTHER), x, y, false) - bb->after;
	y += gap + rule / 2;
	add_rule(c->pg, c->x0, y, c->x0 + w, y, rule, pd->label_rule_colour);
}

static bool story(struct compose *c, double top, struct print_fit *fit)
{
	const struct print_design *pd = c->pd;
	const struct story *st = c->e->verhaal;
	struct print_page *pg = c->pg;
	double x = c->x0, w = span_width(c, c->story_n);
	double gap = pd->story_gap;

	char *kicker = text_for(c, PT_RUBRIEK, NULL, NULL);
	double y =
	    stack(pg, own(c, simple(c, PS_RUBRIEK, kicker, w), PART_OTHER), x,
	          top, true);
	g_free(kicker);
	y = stack(pg, own(c, simple_md(c, PS_TITEL, st->titel, w), PART_OTHER),
	          x, y, y == top);
	y += gap;

	double band_top = editorial(c, y);
	double bottom = band_top < c->y0 + c->h ? band_top - gap : band_top;

	int photo_n =
	    pd->photo_columns < c->story_n ? pd->photo_columns : c->story_n;
	struct story_photo sp = {0};
	if (st->foto) {
		bool usable = photo_open(c, st, &sp);
		if (usable)
			photo_n = photo_span(c, &sp.info);
		if (!usable) {
			arena_free(sp.a);
			return false;
		}
	}
	/* Beside the photo the intro, over at most two columns: wider, its
	 * large bold lines grow too long to read. Columns beyond those
	 * start at the top, under the headline. */
	int beside = c->story_n - photo_n;
	int intro_n = beside < 2 ? beside : 2;
	GPtrArray *blocks =
	    g_ptr_array_new_with_free_func((GDestroyNotify)print_block_free);
	double left_top = y, right_top = y;
	bool intro_placed = false;
	if (st->foto) {
		double under = photo(c, st, &sp, x, y, span_width(c, photo_n));
		arena_free(sp.a);
		if (under < 0) {
			g_ptr_array_free(blocks, TRUE);
			return false;
		}
		left_top = under + gap;
		if (intro_n > 0) {
			right_top = lead(c, st, PS_INTRO, column_x(c, photo_n),
			                 y, span_width(c, intro_n));
			intro_placed = true;
		}
	} else {
		/* Without a photo the intro, set large, takes its place. */
		left_top =
		    lead(c, st, PS_INTRO_GROOT, x, y, span_width(c, photo_n));
		intro_placed = true;
	}
	if (!intro_placed) {
		struct print_block *ib =
		    simple_md(c, PS_INTRO, st->intro, c->colw);
		if (ib) {
			ib->part = PART_STORY;
			g_ptr_array_add(blocks, ib);
		}
		struct print_block *ab = author(c, st, c->colw);
		if (ab) {
			ab->keep_together = true;
			g_ptr_array_add(blocks, ab);
		}
	}
	/* One baseline grid for every story column: the columns beside the
	 * photo start a whole number of lines from the others. */
	double grid = pd->styles[PS_TEKST].leading;
	int left =
	    print_md_blocks(pd, st->doc.body, PS_TEKST, c->colw, PART_STORY,
	                    c->story_n * ceil((bottom - y) / grid), blocks);

	struct print_column cols[12];
	for (int i = 0; i < c->story_n; i++) {
		double want = i < photo_n             ? left_top
		              : i < photo_n + intro_n ? right_top
		                                      : y;
		double shift = ceil((want - left_top) / grid - 1e-6) * grid;
		cols[i] = (struct print_column){
		    column_x(c, i), left_top + shift, bottom, c->colw};
	}
	struct print_flow f;
	bool ok = print_flow_run((struct print_block **)blocks->pdata,
	                         blocks->len, cols, c->story_n, grid, &f) &&
	          !left;
	struct print_fit got = {.fits = ok};
	if (ok) {
		int words, lines;
		story_words((struct print_block **)blocks->pdata, blocks->len,
		            PART_STORY, &words, &lines);
		got.lines = (int)floor(f.room / grid + 1e-6);
		/* About as many words a line as the story has; for a story
		 * with no body yet, a word of six letters and a space. */
		double per_line =
		    lines ? (double)words / lines
		          : c->colw / (pd->styles[PS_TEKST].size * 0.5 * 7);
		got.words = (int)lround(got.lines * per_line);
		balance(blocks, cols, c->story_n, grid, &f);
		call_for_stories(c, &f, bottom);
	} else {
		overflow((struct print_block **)blocks->pdata, blocks->len, &f,
		         grid, PART_STORY, &got.lines, &got.words, &got.from);
		left_over(blocks, PART_STORY, left, &got.lines, &got.words);
		char *msg = print_fit_message(&got);
		diag_error(c->d, edition_pos(c->e, "verhaal"), "%s", msg);
		g_free(msg);
		double ftop = fmin(cols[0].top, cols[c->story_n - 1].top);
		mark_proof(c, x - 2, ftop - 2, w + 4, bottom - ftop + 4,
		           cols[c->story_n - 1].x, c->colw, got.lines);
		pg->fits = false;
	}
	take_flow(pg, &f);
	print_flow_clear(&f);
	if (fit)
		*fit = got;
	else
		g_free(got.from);
	for (unsigned i = 0; i < blocks->len; i++)
		g_ptr_array_add(pg->blocks, blocks->pdata[i]);
	g_ptr_array_set_free_func(blocks, NULL);
	g_ptr_array_free(blocks, TRUE);
	return true;
}

/* ---- characters the fonts do not have --------------------------------- */

/* Whether any font of the design has character ch. */
static bool font_has(const struct print_design *pd, gunichar ch)
{
	FcFontSet *set = FcConfigGetFonts(pd->fc, FcSetApplication);
	for (int i = 0; set && i < set->nfont; i++) {
		FcCharSet *cs;
		if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) ==
		        FcResultMatch &&
		    FcCharSetHasChar(cs, ch))
			return true;
	}
	return false;
}

/* A character no font of ours has would be printed as a box with its
 * number in it: warn, once per character, on the file it came from. */
static void missing_glyphs(struct compose *c)
{
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (unsigned i = 0; i < c->pg->blocks->len; i++) {
		const struct print_block *b = c->pg->blocks->pdata[i];
		if (!b->layout ||
		    !pango_layout_get_unknown_glyphs_count(b->layout))
			continue;
		const char *text = pango_layout_get_text(b->layout);
		for (const char *p = text; *p; p = g_utf8_next_char(p)) {
			gunichar ch = g_utf8_get_char(p);
			if (g_unichar_isspace(ch) || ch == 0xad ||
			    ch == 0x2028 ||
			    g_hash_table_contains(seen, GUINT_TO_POINTER(ch)) ||
			    font_has(c->pd, ch))
				continue;
			g_hash_table_add(seen, GUINT_TO_POINTER(ch));
			const struct doc *doc = b->part == PART_STORY
			                            ? &c->e->verhaal->doc
			                            : &c->e->doc;
			char utf8[8] = {0};
			g_unichar_to_utf8(ch, utf8);
			diag_warning(
			    c->d, ((struct diag_pos){doc->src->path, 0, 0}),
			    "het teken '%s' (U+%04X) staat niet in de "
			    "lettertypen van de krant en wordt als een "
			    "vakje gedrukt; laat het weg of kies een "
			    "ander teken",
			    utf8, (unsigned)ch);
		}
	}
	g_hash_table_destroy(seen);
}

/* ---- the page --------------------------------------------------------- */

struct print_page *print_page_new(const struct print_design *pd,
                                  const struct site *s, const struct edition *e,
                                  struct print_fit *fit, struct diags *d)
{
	const struct site_config *cf = &s->config;
	struct print_page *pg = g_new0(struct print_page, 1);
	pg->pd = pd;
	pg->fits = true;
	pg->blocks =
	    g_ptr_array_new_with_free_func((GDestroyNotify)print_block_free);
	pg->placed = g_array_new(FALSE, FALSE, sizeof(struct print_placed));
	pg->proof = g_array_new(FALSE, FALSE, sizeof(struct print_placed));
	pg->rects = g_array_new(FALSE, FALSE, sizeof(struct rect));
	pg->rules = g_array_new(FALSE, FALSE, sizeof(struct rule));

	/* The media holds the trim, the bleed around it and, with crop
	 * marks, room for them outside the bleed. */
	pg->bleed = PRINT_MM(cf->journaal.afloop);
	pg->marks = cf->journaal.snijtekens;
	double ext = pg->bleed;
	if (pg->marks)
		ext = fmax(pg->bleed, pd->marks_offset) + pd->marks_length;
	pg->trim_w = PRINT_MM(cf->journaal.breedte);
	pg->trim_h = PRINT_MM(cf->journaal.hoogte);
	pg->trim_x = pg->trim_y = ext;
	pg->media_w = pg->trim_w + 2 * ext;
	pg->media_h = pg->trim_h + 2 * ext;

	struct compose c = {.pg = pg, .pd = pd, .s = s, .e = e, .d = d};
	double margin = PRINT_MM(cf->journaal.marge);
	c.x0 = pg->trim_x + margin;
	c.y0 = pg->trim_y + margin;
	c.w = pg->trim_w - 2 * margin;
	c.h = pg->trim_h - 2 * margin;
	c.n_cols = cf->journaal.kolommen;
	int side =
	    pd->side_columns < c.n_cols - 1 ? pd->side_columns : c.n_cols - 1;
	c.story_n = c.n_cols - side;
	c.gutter = pd->gutter;
	c.colw = (c.w - (c.n_cols - 1) * c.gutter) / c.n_cols;
	if (c.n_cols < 2 || c.colw < PRINT_MM(25) || c.h < PRINT_MM(150)) {
		diag_error(d, ((struct diag_pos){"site.yaml", 0, 0}),
		           "de krantenpagina past niet in 'journaal': bij "
		           "%d kolommen op %g mm breed (marge %g mm) wordt "
		           "een kolom te smal of de pagina te laag; het "
		           "ontwerp vraagt minstens 2 kolommen van 25 mm",
		           c.n_cols, cf->journaal.breedte, cf->journaal.marge);
		print_page_free(pg);
		return NULL;
	}
	double top = masthead(&c);
	side_columns(&c, top);
	if (!story(&c, top, fit)) {
		print_page_free(pg);
		return NULL;
	}
	missing_glyphs(&c);
	return pg;
}

void print_page_free(struct print_page *pg)
{
	if (!pg)
		return;
	g_array_free(pg->placed, TRUE);
	g_array_free(pg->proof, TRUE);
	g_array_free(pg->rects, TRUE);
	g_array_free(pg->rules, TRUE);
	g_ptr_array_free(pg->blocks, TRUE);
	print_photo_free(pg->photo);
	g_free(pg->photo_real);
	g_free(pg->photo_as_written);
	g_free((char *)pg->photo_pos.file);
	g_free(pg);
}

bool print_page_photo(struct print_page *pg, const struct site *s,
                      struct diags *d)
{
	if (!pg->photo_placed || pg->photo)
		return true;
	char buf[200];
	GBytes *jpeg = image_make(s->images, pg->photo_real, &pg->photo_info,
	                          &pg->photo_rq, buf, sizeof buf);
	pg->photo = jpeg ? print_photo_new(jpeg) : NULL;
	if (jpeg)
		g_bytes_unref(jpeg);
	if (!pg->photo)
		diag_error(d, pg->photo_pos,
		           "foto '%s' kan niet in de krant: %s",
		           pg->photo_as_written,
		           jpeg ? "libvips maakte er geen JPEG van" : buf);
	return pg->photo != NULL;
}

void print_page_size(const struct print_page *pg, double *w, double *h)
{
	*w = pg->media_w;
	*h = pg->media_h;
}

/* A rectangle of the page (top-left origin) in PDF user space. */
static void pdf_rect(const struct print_page *pg, double x, double y, double w,
                     double h, double out[4])
{
	out[0] = x;
	out[1] = pg->media_h - (y + h);
	out[2] = x + w;
	out[3] = pg->media_h - y;
}

void print_page_boxes(const struct print_page *pg, struct print_pdf_boxes *out)
{
	memset(out, 0, sizeof *out);
	pdf_rect(pg, 0, 0, pg->media_w, pg->media_h, out->media);
	out->has_trim = pg->trim_x > 0;
	pdf_rect(pg, pg->trim_x, pg->trim_y, pg->trim_w, pg->trim_h, out->trim);
	out->has_bleed = pg->bleed > 0;
	pdf_rect(pg, pg->trim_x - pg->bleed, pg->trim_y - pg->bleed,
	         pg->trim_w + 2 * pg->bleed, pg->trim_h + 2 * pg->bleed,
	         out->bleed);
}

/* ---- drawing ---------------------------------------------------------- */

static void set_colour(cairo_t *cr, const struct print_colour *c)
{
	cairo_set_source_rgb(cr, c->r / 255.0, c->g / 255.0, c->b / 255.0);
}

static void draw_placed(cairo_t *cr, const struct print_placed *p)
{
	const struct print_block *b = p->b;
	set_colour(cr, b->colour);
	if (b->kind == PRINT_BLOCK_RULE) {
		if (b->rule > 0) {
			cairo_rectangle(cr, p->x, p->y, p->width, b->rule);
			cairo_fill(cr);
		}
		return;
	}
	for (int i = p->first; i < p->first + p->n; i++) {
		PangoLayoutLine *line =
		    pango_layout_get_line_readonly(b->layout, i);
		cairo_move_to(cr, p->x + b->lines[i].x,
		              p->y + (i - p->first) * b->leading + b->baseline);
		pango_cairo_show_layout_line(cr, line);
	}
}

static void draw_rects(cairo_t *cr, const struct print_page *pg, bool over_text)
{
	for (unsigned i = 0; i < pg->rects->len; i++) {
		const struct rect *r =
		    &g_array_index(pg->rects, struct rect, i);
		if (r->over_text != over_text)
			continue;
		cairo_rectangle(cr, r->x, r->y, r->w, r->h);
		if (r->fill) {
			set_colour(cr, r->fill);
			cairo_fill_preserve(cr);
		}
		if (r->stroke) {
			set_colour(cr, r->stroke);
			cairo_set_line_width(cr, r->line);
			cairo_stroke_preserve(cr);
		}
		cairo_new_path(cr);
	}
}

/* The JPEG holds exactly the placed part: it is scaled, not clipped. */
static void draw_photo(cairo_t *cr, const struct print_page *pg)
{
	cairo_surface_t *img = print_photo_surface(pg->photo);
	cairo_save(cr);
	cairo_translate(cr, pg->photo_x, pg->photo_y);
	cairo_scale(cr, pg->photo_w / pg->photo->width,
	            pg->photo_h / pg->photo->height);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(img);
}

static void draw_marks(cairo_t *cr, const struct print_page *pg)
{
	const struct print_design *pd = pg->pd;
	double start = fmax(pg->bleed, pd->marks_offset);
	double len = pd->marks_length;
	set_colour(cr, pd->marks_colour);
	cairo_set_line_width(cr, pd->marks_width);
	double xs[2] = {pg->trim_x, pg->trim_x + pg->trim_w};
	double ys[2] = {pg->trim_y, pg->trim_y + pg->trim_h};
	for (int i = 0; i < 2; i++) {
		for (int k = 0; k < 2; k++) {
			double sx = i ? 1 : -1, sy = k ? 1 : -1;
			cairo_move_to(cr, xs[i] + sx * start, ys[k]);
			cairo_line_to(cr, xs[i] + sx * (start + len), ys[k]);
			cairo_move_to(cr, xs[i], ys[k] + sy * start);
			cairo_line_to(cr, xs[i], ys[k] + sy * (start + len));
		}
	}
	cairo_stroke(cr);
}

void print_page_draw(const struct print_page *pg, cairo_t *cr)
{
	draw_rects(cr, pg, false);
	if (pg->photo)
		draw_photo(cr, pg);
	for (unsigned i = 0; i < pg->rules->len; i++) {
		const struct rule *r =
		    &g_array_index(pg->rules, struct rule, i);
		set_colour(cr, r->colour);
		cairo_set_line_width(cr, r->width);
		cairo_move_to(cr, r->x0, r->y0);
		cairo_line_to(cr, r->x1, r->y1);
		cairo_stroke(cr);
	}
	for (unsigned i = 0; i < pg->placed->len; i++)
		draw_placed(cr,
		            &g_array_index(pg->placed, struct print_placed, i));
	draw_rects(cr, pg, true);
	for (unsigned i = 0; i < pg->proof->len; i++)
		draw_placed(cr,
		            &g_array_index(pg->proof, struct print_placed, i));
	if (pg->marks)
		draw_marks(cr, pg);
}
