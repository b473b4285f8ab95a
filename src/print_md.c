#include "print_md.h"

#include <math.h>
#include <string.h>

#include "load_md.h"

struct md {
	const struct print_design *pd;
	double width;
	int part;
	GPtrArray *out;
	bool indent; /* the next paragraph indents its first line */
	/* What the room can hold, in characters, and what is set so far; a
	 * block costs at least a line. */
	double budget, used, line_chars;
	int left; /* words not set, and 1 for a cut without words */
};

/* Sets t as a block unless the budget is spent; a text longer than what
 * is left is cut. What is not set counts in m->left. */
static struct print_block *block(struct md *m, struct print_text *t,
                                 bool indent)
{
	double room = floor(m->budget - m->used - m->line_chars);
	if (room <= 0) {
		int words = print_count_words(t->s->str, t->s->len);
		if (!print_text_empty(t))
			m->left += words ? words : 1;
		print_text_clear(t);
		return NULL;
	}
	size_t chars = (size_t)g_utf8_strlen(t->s->str, (gssize)t->s->len);
	if ((double)chars > room) {
		const char *cut =
		    g_utf8_offset_to_pointer(t->s->str, (glong)room);
		size_t at = (size_t)(cut - t->s->str);
		int words = print_count_words(cut, t->s->len - at);
		m->left += words ? words : 1;
		g_string_truncate(t->s, at);
		chars = (size_t)room;
	}
	m->used += (double)chars + m->line_chars;
	return print_block_text(t, m->width, indent);
}

/* Appends the inline content of node to t. An iterator with counts of
 * the open emphasis, not recursion: `*` and `**` may nest as deep as the
 * text is long. */
static void inlines(struct print_text *t, cmark_node *node,
                    enum print_style_id style, unsigned marks)
{
	size_t em = 0, strong = 0;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (n == node)
			continue;
		unsigned m =
		    marks | (em ? PRINT_EM : 0u) | (strong ? PRINT_STRONG : 0u);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			print_text_add(t, cmark_node_get_literal(n), style, m);
			break;
		case CMARK_NODE_SOFTBREAK:
			print_text_add(t, " ", style, m);
			break;
		case CMARK_NODE_LINEBREAK:
			print_text_break(t);
			break;
		case CMARK_NODE_EMPH:
			if (ev == CMARK_EVENT_ENTER)
				em++;
			else
				em--;
			break;
		case CMARK_NODE_STRONG:
			if (ev == CMARK_EVENT_ENTER)
				strong++;
			else
				strong--;
			break;
		case CMARK_NODE_LINK:
			break;
		default: /* images and raw HTML: not on paper */
			if (ev == CMARK_EVENT_ENTER &&
			    cmark_node_first_child(n))
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		}
	}
	cmark_iter_free(it);
}

static void add(struct md *m, struct print_block *b)
{
	if (!b)
		return;
	b->part = m->part;
	g_ptr_array_add(m->out, b);
}

static void paragraph(struct md *m, cmark_node *n, enum print_style_id st)
{
	struct print_text t;
	print_text_init(&t, m->pd, st);
	inlines(&t, n, st, 0);
	add(m, block(m, &t, m->indent));
	m->indent = true;
}

static void blocks(struct md *m, cmark_node *parent, enum print_style_id para);

static void list(struct md *m, cmark_node *n, enum print_style_id para)
{
	int number = cmark_node_get_list_start(n);
	bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	const struct print_style *st = &m->pd->styles[para];
	double hang = round(st->size * 1.2);
	for (cmark_node *item = cmark_node_first_child(n); item;
	     item = cmark_node_next(item), number++) {
		struct print_text t;
		print_text_init(&t, m->pd, para);
		char *bullet = ordered ? g_strdup_printf("%d.\t", number)
		                       : g_strdup("•\t");
		print_text_add(&t, bullet, para, 0);
		g_free(bullet);
		bool first = true;
		for (cmark_node *c = cmark_node_first_child(item); c;
		     c = cmark_node_next(c)) {
			if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH)
				continue;
			if (!first)
				print_text_break(&t);
			inlines(&t, c, para, 0);
			first = false;
		}
		struct print_block *b = block(m, &t, false);
		if (!b)
			continue;
		/* A hanging indent: the bullet in the margin of the item,
		 * the text on one tab stop. Set again, since the lines
		 * change. */
		PangoTabArray *tabs = pango_tab_array_new_with_positions(
		    1, FALSE, PANGO_TAB_LEFT, (int)(hang * PANGO_SCALE));
		pango_layout_set_tabs(b->layout, tabs);
		pango_tab_array_free(tabs);
		pango_layout_set_indent(b->layout, (int)(-hang * PANGO_SCALE));
		pango_layout_set_width(b->layout,
		                       (int)(m->width * PANGO_SCALE));
		print_block_relayout(b);
		add(m, b);
	}
	m->indent = false;
}

static void blocks(struct md *m, cmark_node *parent, enum print_style_id para)
{
	for (cmark_node *n = cmark_node_first_child(parent); n;
	     n = cmark_node_next(n)) {
		if (m->used + m->line_chars >= m->budget) {
			/* The room is full: only count what is left. */
			GString *s = g_string_new(NULL);
			md_plain_text(n, s);
			int words = print_count_words(s->str, s->len);
			m->left += words ? words : 1;
			g_string_free(s, TRUE);
			continue;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			paragraph(m, n, para);
			break;
		case CMARK_NODE_HEADING: {
			struct print_text t;
			print_text_init(&t, m->pd, PS_TUSSENKOP);
			inlines(&t, n, PS_TUSSENKOP, 0);
			struct print_block *b = block(m, &t, false);
			if (b) {
				b->keep_together = true;
				b->keep_with_next = true;
			}
			add(m, b);
			m->indent = false;
			break;
		}
		case CMARK_NODE_BLOCK_QUOTE:
			for (cmark_node *c = cmark_node_first_child(n); c;
			     c = cmark_node_next(c)) {
				if (cmark_node_get_type(c) !=
				    CMARK_NODE_PARAGRAPH)
					continue;
				struct print_text t;
				print_text_init(&t, m->pd, PS_CITAAT);
				inlines(&t, c, PS_CITAAT, 0);
				struct print_block *b = block(m, &t, false);
				if (b)
					b->keep_together = true;
				add(m, b);
			}
			m->indent = false;
			break;
		case CMARK_NODE_LIST:
			list(m, n, para);
			break;
		case CMARK_NODE_CODE_BLOCK: {
			struct print_text t;
			print_text_init(&t, m->pd, para);
			gchar **lines =
			    g_strsplit(cmark_node_get_literal(n), "\n", -1);
			for (int i = 0; lines[i]; i++) {
				if (i && *lines[i])
					print_text_break(&t);
				print_text_add(&t, lines[i], para, 0);
			}
			g_strfreev(lines);
			add(m, block(m, &t, false));
			m->indent = true;
			break;
		}
		case CMARK_NODE_THEMATIC_BREAK: {
			const struct print_style *st = &m->pd->styles[para];
			add(m,
			    print_block_rule(0, st->colour, 0, st->leading, 0));
			m->indent = false;
			break;
		}
		default: /* raw HTML */
			break;
		}
	}
}

int print_md_blocks(const struct print_design *pd, cmark_node *doc,
                    enum print_style_id para, double width, int part,
                    double max_lines, GPtrArray *out)
{
	/* No glyph of a text face is narrower than a sixth of its size, so
	 * this many characters fill more lines than the room has. */
	double line_chars = ceil(width / (pd->styles[para].size / 6.0));
	struct md m = {.pd = pd,
	               .width = width,
	               .part = part,
	               .out = out,
	               .budget = (max_lines + 1) * line_chars,
	               .line_chars = line_chars};
	blocks(&m, doc, para);
	return m.left;
}

/* Appends the inlines of every paragraph and heading under node, through
 * quotes and lists however deep. */
static void inline_paragraphs(struct print_text *t, cmark_node *node,
                              enum print_style_id st)
{
	bool first = true;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || n == node)
			continue;
		cmark_node_type type = cmark_node_get_type(n);
		if (type == CMARK_NODE_PARAGRAPH ||
		    type == CMARK_NODE_HEADING) {
			if (!first)
				print_text_add(t, " ", st, 0);
			inlines(t, n, st, 0);
			first = false;
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		}
	}
	cmark_iter_free(it);
}

void print_md_inline(struct print_text *t, const char *text,
                     enum print_style_id st)
{
	if (!text)
		return;
	cmark_node *doc =
	    cmark_parse_document(text, strlen(text), MD_PARSE_OPTIONS);
	inline_paragraphs(t, doc, st);
	cmark_node_free(doc);
}
