#include "print.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <string.h>

#include "print_cache.h"
#include "print_design.h"
#include "print_page.h"
#include "print_pdf.h"

void print_fit_clear(struct print_fit *fit)
{
	if (!fit)
		return;
	g_free(fit->from);
	memset(fit, 0, sizeof *fit);
}

char *print_fit_message(const struct print_fit *fit)
{
	char *l = g_strdup_printf("%d %s", fit->lines,
	                          fit->lines == 1 ? "regel" : "regels");
	char *w = g_strdup_printf("%d %s", fit->words,
	                          fit->words == 1 ? "woord" : "woorden");
	char *r = fit->fits
	              ? g_strdup_printf("er is nog ruimte voor %s (ongeveer "
	                                "%s)",
	                                l, w)
	              : g_strdup_printf("verhaal te lang: %s (ongeveer %s); "
	                                "valt weg vanaf: ‘%s …’",
	                                l, w, fit->from ? fit->from : "");
	g_free(l);
	g_free(w);
	return r;
}

static struct diag_pos at_key(const struct doc *doc, const char *key)
{
	const struct fm_node *k = fm_key(doc->src->fm, key);
	return (struct diag_pos){doc->src->path, k ? k->line : 1,
	                         k ? k->col : 0};
}

/* The rules of the press: never a draft, never a story without consent.
 * The embargo does not count: the page is made before it appears. */
bool print_printable(const struct site *s, const struct edition *e,
                     struct diags *d)
{
	if (e->doc.concept) {
		diag_error(d, at_key(&e->doc, "concept"),
		           "deze editie is een concept (concept: true) en "
		           "wordt niet gedrukt");
		return false;
	}
	const struct story *st = e->verhaal;
	if (!st) {
		diag_error(d, at_key(&e->doc, "verhaal"),
		           "deze editie heeft geen verhaal om te drukken");
		return false;
	}
	if (st->doc.concept) {
		diag_error(d, at_key(&e->doc, "verhaal"),
		           "het verhaal '%s' is een concept (concept: true) "
		           "en wordt niet gedrukt",
		           st->doc.slug);
		return false;
	}
	if (st->toestemming == DATE_NONE || st->toestemming > s->today) {
		diag_error(d, at_key(&e->doc, "verhaal"),
		           "de verteller van '%s' heeft (nog) geen "
		           "toestemming gegeven; het verhaal wordt niet "
		           "gedrukt",
		           st->doc.slug);
		return false;
	}
	return true;
}

static cairo_status_t append(void *closure, const unsigned char *data,
                             unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* "2026-11-25T00:00:00+01:00": midnight in Dronten on the day the paper
 * appears, so the file's dates never depend on the clock. */
static char *iso_date(date_t d)
{
	char buf[32];
	date_format_midnight(d, buf);
	return g_strdup(buf);
}

/* The same instant as the PDF wants it: "D:20261125000000+01'00'". */
static char *pdf_date_of(date_t d)
{
	char s[32]; /* "2026-11-25T00:00:00+01:00" */
	date_format_midnight(d, s);
	return g_strdup_printf("D:%.4s%.2s%.2s000000%c%.2s'%.2s'", s, s + 5,
	                       s + 8, s[19], s + 20, s + 23);
}

unsigned char *print_edition(const struct print_design *pd,
                             const struct site *s, const struct edition *e,
                             size_t *len, struct print_fit *fit,
                             struct diags *d)
{
	if (fit)
		memset(fit, 0, sizeof *fit);
	if (!print_printable(s, e, d))
		return NULL;
	struct print_page *pg = print_page_new(pd, s, e, fit, d);
	if (!pg)
		return NULL;
	if (!print_page_photo(pg, s, d)) {
		print_page_free(pg);
		return NULL;
	}
	double w, h;
	print_page_size(pg, &w, &h);
	GByteArray *raw = g_byte_array_new();
	cairo_surface_t *surface =
	    cairo_pdf_surface_create_for_stream(append, raw, w, h);
	char *title = g_strdup_printf("%s %d-%02d: %s", s->config.journaal.naam,
	                              e->jaar, e->nr, e->verhaal->titel);
	char *date = iso_date(e->datum);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
	                               title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
	                               "zamen");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
	                               date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE,
	                               date);
	g_free(title);
	g_free(date);
	cairo_t *cr = cairo_create(surface);
	print_page_draw(pg, cr);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	cairo_status_t st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);

	unsigned char *pdf = NULL;
	struct diag_pos pos = {e->doc.src->path, 0, 0};
	if (st != CAIRO_STATUS_SUCCESS) {
		diag_error(d, pos, "de PDF kon niet gemaakt worden: %s",
		           cairo_status_to_string(st));
	} else {
		struct print_pdf_boxes boxes;
		print_page_boxes(pg, &boxes);
		char *pdf_date = pdf_date_of(e->datum);
		boxes.date = pdf_date;
		int unknown = 0;
		char *why = NULL;
		pdf = print_pdf_finish(raw->data, raw->len, pd, &boxes, len,
		                       &unknown, &why);
		g_free(pdf_date);
		if (!pdf) {
			diag_error(d, pos,
			           "de PDF kon niet drukklaar gemaakt "
			           "worden: %s",
			           why);
			g_free(why);
		} else if (unknown) {
			/* Everything is drawn in the design's colours; a
			 * colour without CMYK is a bug, not content. */
			diag_error(d, pos,
			           "interne fout: %d kleur(en) op de pagina "
			           "zonder CMYK",
			           unknown);
		}
	}
	g_byte_array_free(raw, TRUE);
	print_page_free(pg);
	return pdf;
}

void print_check_edition(const struct print_design *pd, const struct site *s,
                         const struct edition *e, struct print_cache *cache,
                         struct diags *d)
{
	/* What cannot be printed at all is check's to report (draft,
	 * consent); here only what the page adds. */
	struct diags *scratch = diags_new();
	bool ok = print_printable(s, e, scratch);
	diags_free(scratch);
	if (!ok)
		return;
	char key[65];
	if (cache) {
		print_cache_key(cache, e, key);
		if (print_cache_get(cache, key, NULL, NULL, d))
			return;
	}
	print_page_free(print_page_new(pd, s, e, NULL, d));
}

void print_check_editions(const struct print_design *pd, const struct site *s,
                          struct print_cache *cache, struct diags *d)
{
	for (size_t i = 0; i < s->n_editions; i++)
		print_check_edition(pd, s, s->editions[i], cache, d);
}
