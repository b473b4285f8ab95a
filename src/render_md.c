#include "render_md.h"

#include <string.h>

#include "load_md.h"
#include "model_link.h"
#include "render_image.h"
#include "render_url.h"
#include "text.h"

struct ctx {
	const struct site *s;
	const struct doc *d;
	const char *page;
	struct arena *a;
	GString *out;
	GArray *files;
	struct picture_set *pics; /* NULL: images show their alt text */
	char **ids;               /* md_heading_ids() of the body, in order */
	size_t next_id;
	/* Links whose target is not published render as text: their exit
	 * events must not close an <a>. */
	GArray *link_open;
};

/* Where node n is in the file: the line of its block (inlines have none
 * of their own). */
static struct diag_pos node_pos(const struct ctx *c, cmark_node *n)
{
	cmark_node *block = n;
	while (block && cmark_node_get_start_line(block) == 0)
		block = cmark_node_parent(block);
	int line = block ? cmark_node_get_start_line(block) : 1;
	return (struct diag_pos){c->d->src->path,
	                         c->d->src->body_line + line - 1, 0};
}

/* The files of the image that l (a LINK_FILE) names, for use; false when
 * there are none to show: the image is not published now, or cannot be
 * made (reported by picture_add). */
static bool file_picture(struct ctx *c, const struct link *l, cmark_node *n,
                         enum picture_use use, struct picture *p)
{
	return c->pics && link_file_is_image(l) &&
	       link_file_published(l, c->d) &&
	       picture_add(c->pics, l, use, node_pos(c, n), c->a, p);
}

/* The href for the link l (classified from the url of node n) in this
 * page, or NULL to render the link as text. model_link.h decides what
 * url is; check has reported every refusal, so a refused link here is
 * defence in depth. */
static const char *link_href(struct ctx *c, const struct link *l,
                             const char *url, cmark_node *n)
{
	const char *frag = l->target.fragment;
	switch (l->kind) {
	case LINK_EXTERNAL:
	case LINK_ANCHOR:
	case LINK_ROOT:
		return url;
	case LINK_DOC: {
		if (!l->doc || !l->doc->published)
			return NULL;
		const char *rel =
		    url_relative(c->a, c->page, url_doc(c->a, l->doc));
		return frag ? arena_printf(c->a, "%s#%s", rel, frag) : rel;
	}
	case LINK_FILE: {
		const char *href;
		if (link_file_is_image(l)) {
			/* Never the file itself: the widest image made of
			 * it. */
			struct picture p;
			if (!file_picture(c, l, n, PICTURE_LINK, &p))
				return NULL;
			href = picture_widest(c->a, &p, c->page);
		} else {
			if (!link_file_published(l, c->d))
				return NULL;
			/* Copied beside the page, under its own name. */
			if (c->files) {
				struct md_file f = {
				    l->real, arena_printf(c->a, "%s%s", c->page,
				                          l->name)};
				g_array_append_val(c->files, f);
			}
			href = url_file_segment(c->a, l->name);
		}
		return frag ? arena_printf(c->a, "%s#%s", href, frag) : href;
	}
	case LINK_REFUSED:
		break;
	}
	return NULL;
}

static void heading_open(struct ctx *c, cmark_node *n)
{
	int level = cmark_node_get_heading_level(n);
	if (level < 2)
		level = 2;
	/* The same ids the checks know (md_heading_ids), one per heading. */
	const char *id = c->ids[c->next_id] ? c->ids[c->next_id++] : "kop";
	g_string_append_printf(c->out, "<h%d id=\"", level);
	text_append_escaped(c->out, id);
	g_string_append(c->out, "\">");
}

static bool tight(cmark_node *paragraph)
{
	cmark_node *item = cmark_node_parent(paragraph);
	cmark_node *list = item ? cmark_node_parent(item) : NULL;
	return item && cmark_node_get_type(item) == CMARK_NODE_ITEM && list &&
	       cmark_node_get_list_tight(list);
}

static void enter(struct ctx *c, cmark_node *n)
{
	GString *o = c->out;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		if (!tight(n))
			g_string_append(o, "<p>");
		break;
	case CMARK_NODE_HEADING:
		heading_open(c, n);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		g_string_append(o, "<blockquote>\n");
		break;
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
			int start = cmark_node_get_list_start(n);
			if (start != 1)
				g_string_append_printf(o, "<ol start=\"%d\">\n",
				                       start);
			else
				g_string_append(o, "<ol>\n");
		} else {
			g_string_append(o, "<ul>\n");
		}
		break;
	case CMARK_NODE_ITEM:
		g_string_append(o, "<li>");
		break;
	case CMARK_NODE_CODE_BLOCK:
		g_string_append(o, "<pre><code>");
		text_append_escaped(o, cmark_node_get_literal(n));
		g_string_append(o, "</code></pre>\n");
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		g_string_append(o, "<hr>\n");
		break;
	case CMARK_NODE_TEXT:
		text_append_escaped(o, cmark_node_get_literal(n));
		break;
	case CMARK_NODE_SOFTBREAK:
		g_string_append_c(o, '\n');
		break;
	case CMARK_NODE_LINEBREAK:
		g_string_append(o, "<br>\n");
		break;
	case CMARK_NODE_CODE:
		g_string_append(o, "<code>");
		text_append_escaped(o, cmark_node_get_literal(n));
		g_string_append(o, "</code>");
		break;
	case CMARK_NODE_EMPH:
		g_string_append(o, "<em>");
		break;
	case CMARK_NODE_STRONG:
		g_string_append(o, "<strong>");
		break;
	case CMARK_NODE_LINK: {
		struct link l;
		const char *url = cmark_node_get_url(n);
		link_classify(c->s, c->d, url, LINK_USE_LINK, c->a, &l);
		const char *href = link_href(c, &l, url, n);
		bool open = href != NULL;
		g_array_append_val(c->link_open, open);
		if (!open)
			break;
		g_string_append(o, "<a href=\"");
		text_append_escaped(o, href);
		const char *title = cmark_node_get_title(n);
		if (title && *title) {
			g_string_append(o, "\" title=\"");
			text_append_escaped(o, title);
		}
		g_string_append(o, "\">");
		break;
	}
	case CMARK_NODE_IMAGE: {
		struct link l;
		const char *url = cmark_node_get_url(n);
		link_classify(c->s, c->d, url, LINK_USE_IMAGE, c->a, &l);
		GString *alt = g_string_new(NULL);
		md_plain_text(n, alt);
		struct picture p;
		const char *src = NULL;
		if (l.kind == LINK_FILE) {
			/* In the text, below the photo and the intro: the
			 * browser may fetch it when it comes into view. */
			if (file_picture(c, &l, n, PICTURE_BODY, &p))
				picture_html(o, c->a, &p, c->page, alt->str,
				             PICTURE_SIZES_COLUMN, true);
			else
				text_append_escaped(o, alt->str);
		} else if ((src = link_href(c, &l, url, n))) {
			g_string_append(o, "<img src=\"");
			text_append_escaped(o, src);
			g_string_append(o, "\" alt=\"");
			text_append_escaped(o, alt->str);
			g_string_append(o, "\">");
		} else {
			text_append_escaped(o, alt->str);
		}
		g_string_free(alt, TRUE);
		break;
	}
	default: /* raw HTML and custom nodes are left out */
		break;
	}
}

static void leave(struct ctx *c, cmark_node *n)
{
	GString *o = c->out;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		if (!tight(n))
			g_string_append(o, "</p>");
		g_string_append_c(o, '\n');
		break;
	case CMARK_NODE_HEADING: {
		int level = cmark_node_get_heading_level(n);
		g_string_append_printf(o, "</h%d>\n", level < 2 ? 2 : level);
		break;
	}
	case CMARK_NODE_BLOCK_QUOTE:
		g_string_append(o, "</blockquote>\n");
		break;
	case CMARK_NODE_LIST:
		g_string_append(o, cmark_node_get_list_type(n) ==
		                           CMARK_ORDERED_LIST
		                       ? "</ol>\n"
		                       : "</ul>\n");
		break;
	case CMARK_NODE_ITEM:
		g_string_append(o, "</li>\n");
		break;
	case CMARK_NODE_EMPH:
		g_string_append(o, "</em>");
		break;
	case CMARK_NODE_STRONG:
		g_string_append(o, "</strong>");
		break;
	case CMARK_NODE_LINK: {
		bool open =
		    g_array_index(c->link_open, bool, c->link_open->len - 1);
		g_array_set_size(c->link_open, c->link_open->len - 1);
		if (open)
			g_string_append(o, "</a>");
		break;
	}
	default:
		break;
	}
}

void md_render_html(const struct site *s, const struct doc *d,
                    const char *page_path, struct arena *a, GString *out,
                    GArray *files, struct picture_set *pics)
{
	struct ctx c = {s,         d,
	                page_path, a,
	                out,       files,
	                pics,      md_heading_ids(d->body),
	                0,         g_array_new(FALSE, FALSE, sizeof(bool))};
	cmark_iter *it = cmark_iter_new(d->body);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		/* Leaf nodes come only as ENTER; containers twice. */
		if (ev == CMARK_EVENT_ENTER)
			enter(&c, n);
		else
			leave(&c, n);
		if (ev == CMARK_EVENT_ENTER &&
		    (cmark_node_get_type(n) == CMARK_NODE_IMAGE)) {
			/* The alt text is written already: skip the image's
			 * children. */
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		}
	}
	cmark_iter_free(it);
	g_strfreev(c.ids);
	g_array_free(c.link_open, TRUE);
}
