#include "print_flow.h"

#include <math.h>
#include <string.h>

#include "print_hyph.h"

/* A length in points as Pango units. */
static int pu(double pt)
{
	return (int)lround(pt * PANGO_SCALE);
}

void print_text_init(struct print_text *t, const struct print_design *pd,
                     enum print_style_id style)
{
	t->pd = pd;
	t->style = &pd->styles[style];
	t->s = g_string_new(NULL);
	t->attrs = pango_attr_list_new();
}

void print_text_clear(struct print_text *t)
{
	if (t->s)
		g_string_free(t->s, TRUE);
	if (t->attrs)
		pango_attr_list_unref(t->attrs);
	t->s = NULL;
	t->attrs = NULL;
}

static void add_attr(struct print_text *t, PangoAttribute *a, size_t start)
{
	a->start_index = (guint)start;
	a->end_index = (guint)t->s->len;
	pango_attr_list_insert(t->attrs, a);
}

/* Whether Pango may break a line after ch without breaking a word. */
static bool is_break(gunichar ch)
{
	return g_unichar_isspace(ch) || ch == 0xad || ch == 0x200b ||
	       ch == 0x2028 || ch == '-';
}

/* A word without a break in it costs Pango time in the square of its
 * length when it wraps it over lines (100,000 letters: minutes). A word
 * that long is no word: after every PRINT_MAX_WORD characters without a
 * break, a zero width space gives Pango a place to break. The run goes on
 * from what t already ends with, so spans in other styles do not hide a
 * long word. */
static void break_long_words(GString *s, size_t from)
{
	size_t run = 0;
	const char *p = s->str + from;
	while (p > s->str && run < PRINT_MAX_WORD) {
		const char *q = g_utf8_find_prev_char(s->str, p);
		if (is_break(g_utf8_get_char(q)))
			break;
		p = q;
		run++;
	}
	for (size_t i = from; i < s->len;) {
		gunichar ch = g_utf8_get_char(s->str + i);
		i = (size_t)(g_utf8_next_char(s->str + i) - s->str);
		run = is_break(ch) ? 0 : run + 1;
		if (run >= PRINT_MAX_WORD && i < s->len) {
			g_string_insert(s, (gssize)i, "\u200b");
			i += 3;
			run = 0;
		}
	}
}

int print_count_words(const char *s, size_t len)
{
	int n = 0;
	bool in = false;
	for (const char *p = s; p < s + len; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		bool space = g_unichar_isspace(ch) || ch == 0x2028;
		if (!space && !in && g_unichar_isalnum(ch))
			n++, in = true;
		else if (space)
			in = false;
	}
	return n;
}

void print_text_add(struct print_text *t, const char *s,
                    enum print_style_id span, unsigned marks)
{
	const struct print_style *st = &t->pd->styles[span];
	size_t start = t->s->len;
	/* An amount stays with its euro sign: "€ 2,50" never breaks. */
	GString *text = g_string_new(s);
	g_string_replace(text, "€ ", "€\u00a0", 0);
	if (st->upper) {
		char *upper = g_utf8_strup(text->str, -1);
		g_string_assign(text, upper);
		g_free(upper);
	}
	print_hyph_append(st->hyphenate ? t->pd->hyph : NULL, t->s, text->str,
	                  text->len);
	g_string_free(text, TRUE);
	break_long_words(t->s, start);
	if (t->s->len == start)
		return;
	PangoFontDescription *fd = pango_font_description_copy(st->font);
	if (marks & PRINT_EM)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	if (marks & PRINT_STRONG)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	add_attr(t, pango_attr_font_desc_new(fd), start);
	pango_font_description_free(fd);
	if (st->tracking != 0)
		add_attr(t, pango_attr_letter_spacing_new(pu(st->tracking)),
		         start);
	if (st->colour != t->style->colour) {
		/* 16-bit channels of the stand-in: b * 257 / 65535 is
		 * exactly b / 255, so print_pdf.h finds the colour back. */
		add_attr(t,
		         pango_attr_foreground_new(st->colour->r * 257,
		                                   st->colour->g * 257,
		                                   st->colour->b * 257),
		         start);
	}
}

void print_text_break(struct print_text *t)
{
	g_string_append(t->s, "\u2028");
}

bool print_text_empty(const struct print_text *t)
{
	for (const char *p = t->s->str; *p; p = g_utf8_next_char(p))
		if (!g_unichar_isspace(g_utf8_get_char(p)))
			return false;
	return true;
}

struct print_block *print_block_text(struct print_text *t, double width,
                                     bool indent)
{
	if (print_text_empty(t)) {
		print_text_clear(t);
		return NULL;
	}
	const struct print_style *st = t->style;
	struct print_block *b = g_new0(struct print_block, 1);
	b->kind = PRINT_BLOCK_TEXT;
	b->colour = st->colour;
	b->width = width;
	b->leading = st->leading;
	b->before = st->before;
	b->after = st->after;
	b->min_lines = 2;

	PangoLayout *l = pango_layout_new(t->pd->pango);
	pango_layout_set_font_description(l, st->font);
	pango_layout_set_width(l, pu(width));
	/* A word wider than the column (an e-mail address) is broken
	 * rather than left sticking out. */
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, t->s->str, (int)t->s->len);
	pango_layout_set_attributes(l, t->attrs);
	switch (st->align) {
	case PRINT_JUSTIFY:
		pango_layout_set_justify(l, TRUE);
		break;
	case PRINT_CENTER:
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		break;
	case PRINT_RIGHT:
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
		break;
	case PRINT_LEFT:
		break;
	}
	if (indent && st->indent > 0)
		pango_layout_set_indent(l, pu(st->indent));
	b->layout = l;
	print_text_clear(t);
	print_block_relayout(b);
	return b;
}

void print_block_relayout(struct print_block *b)
{
	g_free(b->lines);
	b->n_lines = pango_layout_get_line_count(b->layout);
	b->lines = g_new0(struct print_line, b->n_lines);
	PangoLayoutIter *it = pango_layout_get_iter(b->layout);
	int i = 0;
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		b->lines[i].x = (double)logical.x / PANGO_SCALE;
		b->lines[i].start = line->start_index;
		b->lines[i].length = line->length;
		if (i == 0) {
			PangoRectangle lr;
			pango_layout_line_get_extents(line, NULL, &lr);
			double h = (double)lr.height / PANGO_SCALE;
			double asc = -(double)lr.y / PANGO_SCALE;
			/* Centre the font's own line box in the leading. */
			b->baseline = (b->leading - h) / 2 + asc;
		}
		i++;
	} while (i < b->n_lines && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

struct print_block *print_block_rule(double thickness,
                                     const struct print_colour *colour,
                                     double before, double height, double after)
{
	struct print_block *b = g_new0(struct print_block, 1);
	b->kind = PRINT_BLOCK_RULE;
	b->colour = colour;
	b->rule = thickness;
	b->n_lines = 1;
	b->lines = g_new0(struct print_line, 1);
	b->leading = height;
	b->before = before;
	b->after = after;
	b->keep_together = true;
	b->keep_with_next = true;
	b->min_lines = 1;
	return b;
}

void print_block_free(struct print_block *b)
{
	if (!b)
		return;
	if (b->layout)
		g_object_unref(b->layout);
	g_free(b->lines);
	g_free(b);
}

double print_block_height(const struct print_block *b)
{
	return b->before + b->n_lines * b->leading + b->after;
}

double print_block_line_width(const struct print_block *b)
{
	double w = 0;
	for (int i = 0; b->layout && i < b->n_lines; i++) {
		PangoRectangle r;
		pango_layout_line_get_extents(
		    pango_layout_get_line_readonly(b->layout, i), NULL, &r);
		if ((double)r.width / PANGO_SCALE > w)
			w = (double)r.width / PANGO_SCALE;
	}
	return w;
}

const char *print_block_string(const struct print_block *b)
{
	return b->layout ? pango_layout_get_text(b->layout) : NULL;
}

/* The lines of b a column must take at once: all of a block kept
 * together, else its first min_lines. */
static int first_lines(const struct print_block *b)
{
	if (b->keep_together)
		return b->n_lines;
	return b->n_lines < b->min_lines ? b->n_lines : b->min_lines;
}

/* The height the start of blocks[i] needs in one column, with what it is
 * kept with. */
static double need(struct print_block *const *blocks, size_t n, size_t i,
                   int depth)
{
	const struct print_block *b = blocks[i];
	double h = b->before + first_lines(b) * b->leading;
	if (b->keep_with_next && i + 1 < n && depth < 8)
		h += b->after + need(blocks, n, i + 1, depth + 1);
	return h;
}

static double snap(double y, double top, double grid)
{
	if (grid <= 0)
		return y;
	return top + ceil((y - top) / grid - 1e-6) * grid;
}

static void place(struct print_flow *f, const struct print_block *b, int first,
                  int n, const struct print_column *c, double y, int column)
{
	struct print_placed p = {b, first, n, c->x, y, c->width, column};
	g_array_append_val(f->placed, p);
}

bool print_flow_run(struct print_block *const *blocks, size_t n,
                    const struct print_column *cols, size_t n_cols, double grid,
                    struct print_flow *out)
{
	const double eps = 1e-6;
	memset(out, 0, sizeof *out);
	out->placed = g_array_new(FALSE, FALSE, sizeof(struct print_placed));
	size_t ci = 0;
	double y = n_cols ? cols[0].top : 0;
	bool at_top = true;
	size_t bi = 0;
	int line = 0;
	while (bi < n && ci < n_cols) {
		const struct print_block *b = blocks[bi];
		const struct print_column *c = &cols[ci];
		double before = at_top || line > 0 ? 0 : b->before;
		int rest = b->n_lines - line;
		int k = (int)floor((c->bottom - y - before) / b->leading + eps);
		if (k < 0)
			k = 0;
		if (line == 0 && (!at_top || b->keep_with_next) &&
		    y + need(blocks, n, bi, 0) - (b->before - before) >
		        c->bottom + eps) {
			k = 0; /* its start, with what it keeps, moves on */
		} else if (k < rest) {
			if (b->keep_together) {
				k = 0;
			} else {
				if (rest - k < b->min_lines) /* a widow */
					k = rest - b->min_lines;
				if (line == 0 && k < b->min_lines) /* orphan */
					k = 0;
			}
		} else {
			k = rest;
		}
		if (k <= 0) {
			/* Nothing here: the next column. */
			ci++;
			if (ci < n_cols)
				y = cols[ci].top;
			at_top = true;
			continue;
		}
		double top = y + before;
		if (k == rest && grid > 0 && fabs(b->leading - grid) > eps) {
			/* A heading or quote off the grid: its slack goes
			 * above it, so what follows is on the grid again. */
			double end = top + k * b->leading + b->after;
			top += snap(end, c->top, grid) - end;
		}
		place(out, b, line, k, c, top, (int)ci);
		y = top + k * b->leading;
		out->end_y = y;
		out->last_column = (int)ci;
		line += k;
		if (line == b->n_lines) {
			y = snap(y + b->after, c->top, grid);
			at_top = false;
			bi++;
			line = 0;
		} else {
			ci++;
			if (ci < n_cols)
				y = cols[ci].top;
			at_top = true;
		}
	}
	out->stop_block = bi;
	out->stop_line = line;
	if (bi < n)
		return false;
	for (size_t j = ci; j < n_cols; j++) {
		double from = j == ci ? y : cols[j].top;
		if (cols[j].bottom > from)
			out->room += cols[j].bottom - from;
	}
	return true;
}

void print_flow_clear(struct print_flow *f)
{
	if (f->placed)
		g_array_free(f->placed, TRUE);
	f->placed = NULL;
}
