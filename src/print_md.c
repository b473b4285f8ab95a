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
};

/* Appends the inline content of node to t. */
static void inlines(struct print_text *t, cmark_node *node,
                    enum print_style_id style, unsigned marks)
{
	for (cmark_node *n = cmark_node_first_child(node); n;
	     n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			print_text_add(t, cmark_node_get_literal(n), style,
			               marks);
			break;
		case CMARK_NODE_SOFTBREAK:
			print_text_add(t, " ", style, marks);
			break;
		case CMARK_NODE_LINEBREAK:
			print_text_break(t);
			break;
		case CMARK_NODE_EMPH:
			inlines(t, n, style, marks | PRINT_EM);
			break;
		case CMARK_NODE_STRONG:
			inlines(t, n, style, marks | PRINT_STRONG);
			break;
		case CMARK_NODE_LINK:
			inlines(t, n, style, marks);
			break;
		default: /* images and raw HTML: not on paper */
			break;
		}
	}
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
	add(m, print_block_text(&t, m->width, m->indent));
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
		struct print_block *b = print_block_text(&t, m->width, false);
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
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			paragraph(m, n, para);
			break;
		case CMARK_NODE_HEADING: {
			struct print_text t;
			print_text_init(&t, m->pd, PS_TUSSENKOP);
			inlines(&t, n, PS_TUSSENKOP, 0);
			struct print_block *b =
			    print_block_text(&t, m->width, false);
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
				struct print_block *b =
				    print_block_text(&t, m->width, false);
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
			add(m, print_block_text(&t, m->width, false));
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

void print_md_blocks(const struct print_design *pd, cmark_node *doc,
                     enum print_style_id para, double width, int part,
                     GPtrArray *out)
{
	struct md m = {pd, width, part, out, false};
	blocks(&m, doc, para);
}

/* Appends the inlines of every paragraph and heading under node. */
static void inline_paragraphs(struct print_text *t, cmark_node *node,
                              enum print_style_id st, bool *first)
{
	for (cmark_node *n = cmark_node_first_child(node); n;
	     n = cmark_node_next(n)) {
		cmark_node_type type = cmark_node_get_type(n);
		if (type == CMARK_NODE_PARAGRAPH ||
		    type == CMARK_NODE_HEADING) {
			if (!*first)
				print_text_add(t, " ", st, 0);
			inlines(t, n, st, 0);
			*first = false;
		} else {
			inline_paragraphs(t, n, st, first);
		}
	}
}

void print_md_inline(struct print_text *t, const char *text,
                     enum print_style_id st)
{
	if (!text)
		return;
	cmark_node *doc =
	    cmark_parse_document(text, strlen(text), MD_PARSE_OPTIONS);
	bool first = true;
	inline_paragraphs(t, doc, st, &first);
	cmark_node_free(doc);
}
