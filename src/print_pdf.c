#include "print_pdf.h"

#include <math.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "print_photo.h"

/* ---- content streams -------------------------------------------------- */

static bool is_space(char c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
	       c == ' ';
}

static bool is_delim(char c)
{
	return strchr("()<>[]{}/%", c) != NULL && c != '\0';
}

/* An operand seen since the last operator. */
struct operand {
	size_t start, end;
	bool number;
	double value;
};

enum { MAX_OPERANDS = 16, MAX_DEPTH = 32 };

struct recolour {
	const char *s;
	size_t len;
	const struct print_colour *colours;
	size_t n;
	GString *out;
	size_t copied; /* s[0..copied) is in out */
	int unknown;
	struct operand ops[MAX_OPERANDS];
	int n_ops;
	/* Whether fill and stroke colour spaces are a DeviceRGB that was
	 * turned into DeviceCMYK, per q/Q level. */
	bool fill_rgb[MAX_DEPTH], stroke_rgb[MAX_DEPTH];
	int depth;
};

/* A number without exponent or needless zeros: "0.45", "1", "0". */
static void put_number(GString *o, double v)
{
	if (fabs(v) < 0.00005)
		v = 0;
	char buf[32];
	g_ascii_formatd(buf, sizeof buf, "%.4f", v);
	char *end = buf + strlen(buf);
	while (end > buf && end[-1] == '0')
		*--end = '\0';
	if (end > buf && end[-1] == '.')
		*--end = '\0';
	g_string_append(o, buf);
}

static const struct print_colour *lookup(const struct recolour *r, double red,
                                         double green, double blue)
{
	long rb = lround(red * 255), gb = lround(green * 255),
	     bb = lround(blue * 255);
	for (size_t i = 0; i < r->n; i++)
		if (r->colours[i].r == rb && r->colours[i].g == gb &&
		    r->colours[i].b == bb)
			return &r->colours[i];
	return NULL;
}

/* Writes the colour of operands ops[first..first+3) in CMYK terms. gray:
 * whether a pure-K colour may be written as DeviceGray (not inside a
 * colour space that is already CMYK). */
static void put_colour(struct recolour *r, int first, bool stroke, bool gray,
                       const char *cmyk_op)
{
	double rgb[3] = {r->ops[first].value, r->ops[first + 1].value,
	                 r->ops[first + 2].value};
	double c, m, y, k;
	const struct print_colour *pc = lookup(r, rgb[0], rgb[1], rgb[2]);
	if (pc) {
		c = pc->c, m = pc->m, y = pc->y, k = pc->k;
	} else {
		/* Not drawn by us: the naive conversion, and counted. */
		r->unknown++;
		double mx = fmax(rgb[0], fmax(rgb[1], rgb[2]));
		k = 1 - mx;
		c = mx > 0 ? (mx - rgb[0]) / mx : 0;
		m = mx > 0 ? (mx - rgb[1]) / mx : 0;
		y = mx > 0 ? (mx - rgb[2]) / mx : 0;
	}
	GString *o = r->out;
	if (gray && c == 0 && m == 0 && y == 0) {
		put_number(o, 1 - k);
		g_string_append(o, stroke ? " G" : " g");
		return;
	}
	double v[4] = {c, m, y, k};
	for (int i = 0; i < 4; i++) {
		put_number(o, v[i]);
		g_string_append_c(o, ' ');
	}
	g_string_append(o, cmyk_op);
}

/* Replaces s[from..to) by what the caller then appends to out. */
static void replace_from(struct recolour *r, size_t from)
{
	g_string_append_len(r->out, r->s + r->copied, from - r->copied);
}

static bool name_is(const struct recolour *r, const struct operand *o,
                    const char *name)
{
	size_t n = strlen(name);
	return o->end - o->start == n && !memcmp(r->s + o->start, name, n);
}

static void operator(struct recolour *r, const char *op, size_t n, size_t end)
{
	bool three = r->n_ops == 3 && r->ops[0].number && r->ops[1].number &&
	             r->ops[2].number;
#define OP(x) (n == strlen(x) && !memcmp(op, x, n))
	if (OP("q") && r->depth + 1 < MAX_DEPTH) {
		r->depth++;
		r->fill_rgb[r->depth] = r->fill_rgb[r->depth - 1];
		r->stroke_rgb[r->depth] = r->stroke_rgb[r->depth - 1];
	} else if (OP("Q") && r->depth > 0) {
		r->depth--;
	} else if ((OP("rg") || OP("RG")) && three) {
		bool stroke = op[0] == 'R';
		replace_from(r, r->ops[0].start);
		put_colour(r, 0, stroke, true, stroke ? "K" : "k");
		r->copied = end;
	} else if ((OP("cs") || OP("CS")) && r->n_ops == 1) {
		bool stroke = op[0] == 'C';
		bool rgb = name_is(r, &r->ops[0], "/DeviceRGB");
		if (rgb) {
			replace_from(r, r->ops[0].start);
			g_string_append(r->out, "/DeviceCMYK");
			r->copied = r->ops[0].end;
		}
		if (stroke)
			r->stroke_rgb[r->depth] = rgb;
		else
			r->fill_rgb[r->depth] = rgb;
	} else if ((OP("sc") || OP("scn") || OP("SC") || OP("SCN")) && three) {
		bool stroke = op[0] == 'S';
		if (stroke ? r->stroke_rgb[r->depth] : r->fill_rgb[r->depth]) {
			replace_from(r, r->ops[0].start);
			char name[4] = {0};
			memcpy(name, op, n < 3 ? n : 3);
			put_colour(r, 0, stroke, false, name);
			r->copied = end;
		}
	}
#undef OP
	r->n_ops = 0;
}

static void operand(struct recolour *r, size_t start, size_t end, bool number,
                    double value)
{
	if (r->n_ops == MAX_OPERANDS) {
		memmove(r->ops, r->ops + 1,
		        sizeof r->ops[0] * (MAX_OPERANDS - 1));
		r->n_ops--;
	}
	r->ops[r->n_ops++] = (struct operand){start, end, number, value};
}

/* Skips the data of an inline image: from after ID to after EI. */
static size_t skip_inline_image(const char *s, size_t len, size_t i)
{
	if (i < len && is_space(s[i]))
		i++;
	for (; i + 1 < len; i++)
		if (s[i] == 'E' && s[i + 1] == 'I' && i > 0 &&
		    is_space(s[i - 1]) && (i + 2 == len || is_space(s[i + 2])))
			return i + 2;
	return len;
}

GString *print_pdf_recolour(const char *s, size_t len,
                            const struct print_colour *colours, size_t n,
                            int *unknown)
{
	struct recolour r = {.s = s, .len = len, .colours = colours, .n = n};
	r.out = g_string_sized_new(len + len / 8);
	size_t i = 0;
	while (i < len) {
		char c = s[i];
		size_t start = i;
		if (is_space(c)) {
			i++;
		} else if (c == '%') {
			while (i < len && s[i] != '\n' && s[i] != '\r')
				i++;
		} else if (c == '(') {
			int depth = 0;
			for (; i < len; i++) {
				if (s[i] == '\\') {
					i++;
				} else if (s[i] == '(') {
					depth++;
				} else if (s[i] == ')' && --depth == 0) {
					i++;
					break;
				}
			}
			operand(&r, start, i, false, 0);
		} else if (c == '<' && i + 1 < len && s[i + 1] == '<') {
			i += 2;
			operand(&r, start, i, false, 0);
		} else if (c == '>' && i + 1 < len && s[i + 1] == '>') {
			i += 2;
			operand(&r, start, i, false, 0);
		} else if (c == '<') {
			while (i < len && s[i] != '>')
				i++;
			i = i < len ? i + 1 : len;
			operand(&r, start, i, false, 0);
		} else if (c == '/') {
			i++;
			while (i < len && !is_space(s[i]) && !is_delim(s[i]))
				i++;
			operand(&r, start, i, false, 0);
		} else if (is_delim(c)) {
			i++; /* [ ] { } and a stray > or ) */
			operand(&r, start, i, false, 0);
		} else {
			while (i < len && !is_space(s[i]) && !is_delim(s[i]))
				i++;
			char tok[64];
			size_t tn = i - start < sizeof tok - 1 ? i - start
			                                       : sizeof tok - 1;
			memcpy(tok, s + start, tn);
			tok[tn] = '\0';
			char *end;
			double v = g_ascii_strtod(tok, &end);
			bool num = tn > 0 && !*end &&
			           strspn(tok, "0123456789.+-") == tn;
			if (num) {
				operand(&r, start, i, true, v);
			} else if (!strcmp(tok, "true") ||
			           !strcmp(tok, "false") ||
			           !strcmp(tok, "null")) {
				operand(&r, start, i, false, 0);
			} else if (!strcmp(tok, "ID")) {
				i = skip_inline_image(s, len, i);
				r.n_ops = 0;
			} else {
				operator(&r, s + start, i - start, i);
			}
		}
	}
	g_string_append_len(r.out, s + r.copied, len - r.copied);
	if (unknown)
		*unknown += r.unknown;
	return r.out;
}

/* ---- the document ----------------------------------------------------- */

struct finish {
	qpdf_data q;
	const struct print_design *pd;
	int unknown;
	GHashTable *seen; /* object ids of forms already done */
};

static qpdf_oh box(qpdf_data q, const double v[4])
{
	qpdf_oh a = qpdf_oh_new_array(q);
	for (int i = 0; i < 4; i++)
		qpdf_oh_append_item(q, a,
		                    qpdf_oh_new_real_from_double(q, v[i], 3));
	return a;
}

static void recolour_stream(struct finish *f, qpdf_oh stream,
                            const unsigned char *data, size_t len)
{
	GString *s = print_pdf_recolour((const char *)data, len, f->pd->colours,
	                                f->pd->n_colours, &f->unknown);
	qpdf_oh_replace_stream_data(f->q, stream, (unsigned char *)s->str,
	                            s->len, qpdf_oh_new_null(f->q),
	                            qpdf_oh_new_null(f->q));
	g_string_free(s, TRUE);
}

static void fix_image(struct finish *f, qpdf_oh img)
{
	qpdf_oh dict = qpdf_oh_get_dict(f->q, img);
	if (!qpdf_oh_is_or_has_name(
	        f->q, qpdf_oh_get_key(f->q, dict, "/Filter"), "/DCTDecode") ||
	    !qpdf_oh_is_name_and_equals(
	        f->q, qpdf_oh_get_key(f->q, dict, "/ColorSpace"),
	        "/DeviceCMYK"))
		return;
	unsigned char *raw = NULL;
	size_t len = 0;
	if (qpdf_oh_get_stream_data(f->q, img, qpdf_dl_none, NULL, &raw,
	                            &len) != QPDF_SUCCESS)
		return;
	struct print_photo info;
	if (print_photo_jpeg_info(raw, len, &info) && info.adobe)
		qpdf_oh_replace_key(f->q, dict, "/Decode",
		                    qpdf_oh_parse(f->q, "[1 0 1 0 1 0 1 0]"));
	free(raw);
}

static void fix_resources(struct finish *f, qpdf_oh resources);

static void fix_form(struct finish *f, qpdf_oh form)
{
	int id = qpdf_oh_get_object_id(f->q, form);
	if (id && g_hash_table_contains(f->seen, GINT_TO_POINTER(id)))
		return;
	g_hash_table_add(f->seen, GINT_TO_POINTER(id));
	qpdf_oh dict = qpdf_oh_get_dict(f->q, form);
	qpdf_oh_remove_key(f->q, dict, "/Group");
	unsigned char *data = NULL;
	size_t len = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	if (qpdf_oh_get_stream_data(f->q, form, qpdf_dl_generalized, &filtered,
	                            &data, &len) == QPDF_SUCCESS &&
	    filtered)
		recolour_stream(f, form, data, len);
	free(data);
	fix_resources(f, qpdf_oh_get_key(f->q, dict, "/Resources"));
}

static void fix_resources(struct finish *f, qpdf_oh resources)
{
	if (!qpdf_oh_is_dictionary(f->q, resources))
		return;
	qpdf_oh xobjects = qpdf_oh_get_key(f->q, resources, "/XObject");
	if (!qpdf_oh_is_dictionary(f->q, xobjects))
		return;
	/* Collect the keys first: the key iterator is global to q. */
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	qpdf_oh_begin_dict_key_iter(f->q, xobjects);
	while (qpdf_oh_dict_more_keys(f->q))
		g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(f->q)));
	for (unsigned i = 0; i < keys->len; i++) {
		qpdf_oh x = qpdf_oh_get_key(f->q, xobjects, keys->pdata[i]);
		if (!qpdf_oh_is_stream(f->q, x))
			continue;
		qpdf_oh sub = qpdf_oh_get_key(f->q, qpdf_oh_get_dict(f->q, x),
		                              "/Subtype");
		if (qpdf_oh_is_name_and_equals(f->q, sub, "/Form"))
			fix_form(f, x);
		else if (qpdf_oh_is_name_and_equals(f->q, sub, "/Image"))
			fix_image(f, x);
	}
	g_ptr_array_free(keys, TRUE);
}

static char *qpdf_problem(qpdf_data q)
{
	if (!qpdf_has_error(q))
		return g_strdup("onbekende fout in qpdf");
	qpdf_error e = qpdf_get_error(q);
	return g_strdup(qpdf_get_error_full_text(q, e));
}

unsigned char *print_pdf_finish(const unsigned char *pdf, size_t len,
                                const struct print_design *pd,
                                const struct print_pdf_boxes *boxes,
                                size_t *out_len, int *unknown, char **why)
{
	unsigned char *result = NULL;
	struct finish f = {.q = qpdf_init(), .pd = pd};
	f.seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	qpdf_silence_errors(f.q);
	qpdf_set_suppress_warnings(f.q, QPDF_TRUE);
	if (qpdf_read_memory(f.q, "zamen.pdf", (const char *)pdf,
	                     (unsigned long long)len, NULL) &
	    QPDF_ERRORS) {
		*why = qpdf_problem(f.q);
		goto done;
	}
	if (qpdf_get_num_pages(f.q) != 1) {
		*why = g_strdup("de PDF heeft niet precies één pagina");
		goto done;
	}
	qpdf_oh page = qpdf_get_page_n(f.q, 0);
	qpdf_oh_remove_key(f.q, page, "/Group");
	qpdf_oh_replace_key(f.q, page, "/MediaBox", box(f.q, boxes->media));
	if (boxes->has_trim)
		qpdf_oh_replace_key(f.q, page, "/TrimBox",
		                    box(f.q, boxes->trim));
	if (boxes->has_bleed)
		qpdf_oh_replace_key(f.q, page, "/BleedBox",
		                    box(f.q, boxes->bleed));

	/* All content streams of the page as one, recoloured, in one new
	 * stream. */
	unsigned char *data = NULL;
	size_t dlen = 0;
	if (qpdf_oh_get_page_content_data(f.q, page, &data, &dlen) !=
	    QPDF_SUCCESS) {
		*why = qpdf_problem(f.q);
		goto done;
	}
	qpdf_oh contents = qpdf_oh_new_stream(f.q);
	recolour_stream(&f, contents, data, dlen);
	free(data);
	qpdf_oh_replace_key(f.q, page, "/Contents", contents);
	fix_resources(&f, qpdf_oh_get_key(f.q, page, "/Resources"));
	if (boxes->date) {
		qpdf_set_info_key(f.q, "/CreationDate", boxes->date);
		qpdf_set_info_key(f.q, "/ModDate", boxes->date);
	}

	if (qpdf_init_write_memory(f.q) & QPDF_ERRORS) {
		*why = qpdf_problem(f.q);
		goto done;
	}
	qpdf_set_deterministic_ID(f.q, QPDF_TRUE);
	qpdf_set_compress_streams(f.q, QPDF_TRUE);
	qpdf_set_object_stream_mode(f.q, qpdf_o_preserve);
	if (qpdf_write(f.q) & QPDF_ERRORS) {
		*why = qpdf_problem(f.q);
		goto done;
	}
	*out_len = qpdf_get_buffer_length(f.q);
	result = g_memdup2(qpdf_get_buffer(f.q), *out_len);
	if (unknown)
		*unknown = f.unknown;
done:
	g_hash_table_destroy(f.seen);
	qpdf_cleanup(&f.q);
	return result;
}
