/*
 * print_flow.h: setting paragraphs and flowing them over columns.
 *
 * A paragraph is built as text with Pango attributes (print_text), set at
 * a column width into lines (print_block: a PangoLayout that Pango breaks,
 * justifies and hyphenates at the soft hyphens print_hyph.h put in), and
 * the blocks are flowed over a list of columns (print_flow_run) line by
 * line, the way a newspaper does it:
 *   - no orphans or widows: a paragraph that is split leaves at least
 *     min_lines lines in each column;
 *   - a block marked keep_together is never split (a heading, an agenda
 *     item), and one marked keep_with_next stays in the column of what
 *     follows it;
 *   - space before a block is dropped at the top of a column;
 *   - with a grid, every block ends on the grid, so body lines stand on the
 *     same baselines in every column: the slack of a heading goes above it.
 * What does not fit is left over: the flow says where it stopped, and the
 * caller decides what that means (a copy-fit error, agenda items that are
 * left out).
 *
 * Blocks own their layout; print_block_free() releases it. Placements
 * point at the blocks and live as long as they do.
 */
#ifndef ZAMEN_PRINT_FLOW_H
#define ZAMEN_PRINT_FLOW_H

#include <glib.h>
#include <pango/pango.h>
#include <stdbool.h>
#include <stddef.h>

#include "print_design.h"

/* A paragraph being built. */
struct print_text {
	const struct print_design *pd;
	const struct print_style *style; /* of the paragraph */
	GString *s;
	PangoAttrList *attrs;
};

enum print_mark { PRINT_EM = 1, PRINT_STRONG = 2 };

void print_text_init(struct print_text *t, const struct print_design *pd,
                     enum print_style_id style);
void print_text_clear(struct print_text *t);
/* Appends s in style span (its font, size, colour and letter spacing),
 * italic with PRINT_EM, bold with PRINT_STRONG; hyphenated and upper-cased
 * as the span's style says. A run of more than PRINT_MAX_WORD characters
 * without a break gets one. */
void print_text_add(struct print_text *t, const char *s,
                    enum print_style_id span, unsigned marks);
/* The longest run of characters without a place to break a line that
 * print_text_add() leaves: after it comes a zero width space (U+200B).
 * Longer than any word, shorter than what makes Pango slow. */
#define PRINT_MAX_WORD 100

/* The words of s[0..len): runs that start with a letter or digit. */
int print_count_words(const char *s, size_t len);

/* Appends a forced line break inside the paragraph. */
void print_text_break(struct print_text *t);
/* Whether nothing but white space has been added. */
bool print_text_empty(const struct print_text *t);

enum print_block_kind { PRINT_BLOCK_TEXT, PRINT_BLOCK_RULE };

struct print_line {
	double x;          /* from the column's left edge: indent, alignment */
	int start, length; /* bytes of the layout's text */
};

struct print_block {
	enum print_block_kind kind;
	PangoLayout *layout; /* PRINT_BLOCK_TEXT */
	const struct print_colour *colour;
	int n_lines;
	struct print_line *lines;
	double width;
	double leading;  /* per line; a rule is one "line" this high */
	double baseline; /* from the top of a line to its baseline */
	double before, after;
	double rule; /* PRINT_BLOCK_RULE: thickness, drawn at the line's top */
	bool keep_together, keep_with_next;
	int min_lines; /* of a split paragraph in each column */
	int part;      /* the caller's tag: which part of the page */
};

/* Sets the paragraph t at width (pt) with t's style: alignment, leading,
 * space before and after; indent says whether the first line is indented
 * (a following paragraph). t is cleared. NULL when t holds no text. */
struct print_block *print_block_text(struct print_text *t, double width,
                                     bool indent);
/* Reads the lines of b's layout again, after the caller changed it (tabs,
 * a hanging indent). */
void print_block_relayout(struct print_block *b);
/* A horizontal rule of thickness pt over the column width; height is the
 * room it takes (the rule sits at its top). */
struct print_block *print_block_rule(double thickness,
                                     const struct print_colour *colour,
                                     double before, double height,
                                     double after);
void print_block_free(struct print_block *b);
/* before + lines + after. */
double print_block_height(const struct print_block *b);
/* The width of the widest line, pt. */
double print_block_line_width(const struct print_block *b);
/* The text of the block (soft hyphens included), NULL for a rule. */
const char *print_block_string(const struct print_block *b);

struct print_column {
	double x, top, bottom, width;
};

/* Lines first..first+n-1 of b, placed with the top of the first line box
 * at (x, y). */
struct print_placed {
	const struct print_block *b;
	int first, n;
	double x, y;
	double width; /* of the column */
	int column;
};

struct print_flow {
	GArray *placed; /* struct print_placed, in order */
	/* The first block (and line) that did not fit; stop_block == the
	 * number of blocks when everything fitted. */
	size_t stop_block;
	int stop_line;
	int last_column; /* where the flow ended (or stopped) */
	double end_y;    /* the y under the last placed line */
	/* Room left below the last line and in the columns after it (pt). */
	double room;
};

/* Flows blocks[0..n) over cols[0..n_cols). grid 0 means no grid. out must
 * be released with print_flow_clear(). Returns whether everything fitted. */
bool print_flow_run(struct print_block *const *blocks, size_t n,
                    const struct print_column *cols, size_t n_cols, double grid,
                    struct print_flow *out);
void print_flow_clear(struct print_flow *f);

#endif
