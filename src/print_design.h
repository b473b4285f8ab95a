/*
 * print_design.h: the design of the Journaal page as data, and the
 * resources it needs.
 *
 * The designer edits layouts/journaal/ontwerp.yaml: fonts, colours (CMYK),
 * the grid, type sizes and spacing, the fixed Dutch words on the page. No
 * size, colour or label of the page lives in C; what site.yaml says about
 * the page (format, columns, margin, bleed, crop marks) stays there.
 *
 * print_design_load() also sets up what every page needs:
 *   - a fontconfig configuration of its own holding only the font files in
 *     layouts/fonts/, and a Pango font map on it, so a system font can
 *     never end up on the page and the page is the same on every machine;
 *   - the Dutch hyphenation patterns (print_hyph.h).
 *
 * All lengths here are in PostScript points (1/72 inch); the file gives
 * page measures in millimetres and type in points, converted on reading.
 * Everything belongs to the design and lives until print_design_free().
 */
#ifndef ZAMEN_PRINT_DESIGN_H
#define ZAMEN_PRINT_DESIGN_H

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>
#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "print_hyph.h"

/* Millimetres to points. */
#define PRINT_MM(mm) ((mm)*72.0 / 25.4)

/* Type smaller than this is refused: the readers are mostly seniors. */
#define PRINT_MIN_PT 8.0

/* A colour of the design. CMYK is what is printed. Cairo can only write
 * RGB, so each colour also gets an RGB stand-in that no other colour of
 * the design has; the page is drawn with the stand-ins and print_pdf.h
 * rewrites each one into its CMYK (or pure grey) in the finished PDF. */
struct print_colour {
	const char *name;
	double c, m, y, k;     /* 0..1 */
	unsigned char r, g, b; /* the stand-in */
};

enum print_align { PRINT_LEFT, PRINT_JUSTIFY, PRINT_CENTER, PRINT_RIGHT };

/* The named paragraph styles; the C code decides where each is used. */
enum print_style_id {
	PS_KOP_NAAM,       /* masthead: the Journaal's name */
	PS_KOP_INFO,       /* masthead: number, date, newspaper */
	PS_KOP_ONDERTITEL, /* under the masthead band */
	PS_RUBRIEK,        /* the kicker above the headline */
	PS_TITEL,          /* headline */
	PS_INTRO,
	PS_INTRO_GROOT, /* the intro in the photo's place, without photo */
	PS_AUTEUR,
	PS_BIJSCHRIFT,
	PS_CREDIT,
	PS_TEKST, /* the story's body */
	PS_TUSSENKOP,
	PS_CITAAT,
	PS_LABEL, /* section heads: Van de redactie, Deze week, ... */
	PS_REDACTIE,
	PS_DAG,
	PS_AGENDA_TITEL,
	PS_AGENDA_TEKST,
	PS_PARTNER_NAAM,
	PS_PARTNER_TEKST,
	PS_CONTACT_KOP,
	PS_CONTACT_TEKST,
	PS_CONTACT_NUMMER,
	PS_CONTACT_ADRES, /* the e-mail address */
	PS_OPROEP_KOP,    /* the call for stories under a short story */
	PS_OPROEP,
	PS_PROEF,
	PS_COUNT
};

struct print_style {
	const char *name;
	PangoFontDescription *font; /* family, weight, style, size */
	double size, leading;       /* pt */
	const struct print_colour *colour;
	enum print_align align;
	bool hyphenate, upper;
	double tracking; /* letter spacing, pt */
	double indent;   /* first line of a following paragraph, pt */
	double before, after;
};

/* The fixed words on the page; {name} placeholders are filled in by
 * print_page.c (see ontwerp.yaml for which ones each text knows). */
enum print_text_id {
	PT_KOP_REGEL1,
	PT_KOP_REGEL2,
	PT_KOP_LINKS,
	PT_KOP_RECHTS,
	PT_RUBRIEK,
	PT_AUTEUR,
	PT_ANONIEM,
	PT_FOTO,
	PT_REDACTIE,
	PT_DEZE_WEEK,
	PT_GEEN_ACTIVITEITEN,
	PT_MEER_ACTIVITEITEN,
	PT_UITGELICHT,
	PT_OPROEP_KOP,
	PT_OPROEP,
	PT_PROEF,
	PT_COUNT
};

struct print_design {
	const char *file; /* ontwerp.yaml, for messages */
	struct print_style styles[PS_COUNT];
	const char *texts[PT_COUNT];
	struct print_colour *colours;
	size_t n_colours;

	/* raster */
	double gutter;
	int side_columns;  /* at the right: agenda, spotlight, contact */
	int photo_columns; /* of the story columns */
	double column_rule;
	const struct print_colour *column_rule_colour;
	/* kop: the masthead band */
	double mast_height, mast_pad, mast_gap;
	const struct print_colour *mast_colour;
	double mast_rule; /* under the line below the band */
	const struct print_colour *mast_rule_colour;
	/* verhaal */
	double story_gap; /* between headline, photo, caption and body */
	/* foto */
	double photo_max_height, min_ppi;
	/* A portrait may stand taller, over fewer columns (print_page.c). */
	double photo_portrait_max_height;
	/* redactie: the editorial band under the story */
	double editorial_max_height;
	const struct print_colour *box_colour; /* kader: boxes */
	double box_pad;
	/* rubriek: the rule above a section label */
	double label_rule;
	const struct print_colour *label_rule_colour;
	/* snijtekens */
	double marks_length, marks_offset, marks_width;
	const struct print_colour *marks_colour;
	const struct print_colour *proof_colour;
	const struct print_colour *paper; /* "wit", no ink */

	/* resources */
	PangoFontMap *fontmap;
	PangoContext *pango; /* 72 dpi, unhinted: layout in points */
	struct print_hyph *hyph;
	struct arena *arena;
	FcConfig *fc; /* ours: only the fonts of layouts/fonts/ */
	/* SHA-256 (hex) of what sets the page: ontwerp.yaml, the fonts and
	 * patterns and the zamen program (by name, size, time and inode),
	 * and the versions of the libraries. For print_cache.h. */
	char digest[65];
};

/* The colour whose stand-in is r, g, b, or NULL. */
const struct print_colour *
print_design_colour_by_rgb(const struct print_design *pd, unsigned char r,
                           unsigned char g, unsigned char b);

#endif
