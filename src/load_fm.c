#include "load_fm.h"

#include <glib.h>
#include <string.h>
#include <yaml.h>

/* In messages the front matter is called "kopgegevens": the fields between
 * the two --- lines at the top of a file. */

static bool is_delim_line(const char *p, const char *end, const char *mark,
                          const char **next)
{
	size_t n = strlen(mark);
	if ((size_t)(end - p) < n || memcmp(p, mark, n))
		return false;
	p += n;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p == '\r')
		p++;
	if (p < end && *p != '\n')
		return false;
	*next = p < end ? p + 1 : p;
	return true;
}

bool fm_split(const char *text, size_t len, const char *file,
              struct fm_split *out, struct diags *d)
{
	const char *p = text, *end = text + len, *next;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	if (!is_delim_line(p, end, "---", &next)) {
		diag_error(d, ((struct diag_pos){file, 1, 1}),
		           "het bestand begint niet met kopgegevens: de eerste "
		           "regel moet '---' zijn, daarna de velden (zoals "
		           "'titel: ...') en dan weer een regel '---'");
		return false;
	}
	out->yaml_off = (size_t)(next - text);
	out->yaml_line = 2;
	int line = 2;
	for (p = next; p < end; line++) {
		if (is_delim_line(p, end, "---", &next) ||
		    is_delim_line(p, end, "...", &next)) {
			out->yaml_len = (size_t)(p - text) - out->yaml_off;
			out->body_off = (size_t)(next - text);
			out->body_line = line + 1;
			return true;
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	diag_error(d, ((struct diag_pos){file, 1, 1}),
	           "de kopgegevens worden niet afgesloten: zet na het laatste "
	           "veld een regel met alleen '---'");
	return false;
}

/* Byte offset of 0-based line and character column in text. */
static size_t offset_of(const char *text, size_t len, size_t line, size_t col)
{
	size_t i = 0;
	while (line > 0 && i < len) {
		if (text[i++] == '\n')
			line--;
	}
	while (col > 0 && i < len && text[i] != '\n') {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
		col--;
	}
	return i;
}

/* Tabs in indentation are the commonest YAML mistake of people who edit in
 * a plain text editor; libyaml's message for them is unhelpful. */
static bool report_indent_tabs(const char *text, size_t len, int first_line,
                               const char *file, struct diags *d)
{
	bool found = false;
	int line = first_line;
	for (size_t i = 0; i < len; line++) {
		int col = 1;
		while (i < len && (text[i] == ' ' || text[i] == '\t')) {
			if (text[i] == '\t') {
				diag_error(
				    d, ((struct diag_pos){file, line, col}),
				    "tab gebruikt om in te springen; YAML "
				    "staat alleen spaties toe: vervang de "
				    "tab door spaties");
				found = true;
				break;
			}
			i++;
			col++;
		}
		while (i < len && text[i] != '\n')
			i++;
		i++;
	}
	return found;
}

static const char *problem_is(const yaml_parser_t *p, const char *s)
{
	return p->problem && strstr(p->problem, s) ? p->problem : NULL;
}

static const char *context_is(const yaml_parser_t *p, const char *s)
{
	return p->context && strstr(p->context, s) ? p->context : NULL;
}

/* Turns libyaml's error into a Dutch explanation at the most useful spot. */
static void report_yaml_error(const yaml_parser_t *p, const char *text,
                              size_t len, int first_line, const char *file,
                              struct diags *d)
{
	yaml_mark_t at = p->problem_mark;
	const char *msg;
	char *owned = NULL;

	if (context_is(p, "quoted scalar") &&
	    problem_is(p, "unexpected end of stream")) {
		at = p->context_mark;
		msg = "dit aanhalingsteken wordt niet gesloten: zet aan het "
		      "eind van de waarde hetzelfde teken (\" of ')";
	} else if (problem_is(p, "unknown escape character")) {
		msg =
		    "onbekende code na '\\' tussen dubbele aanhalingstekens: "
		    "gebruik enkele aanhalingstekens ('...') of schrijf '\\\\'";
	} else if (context_is(p, "simple key") &&
	           problem_is(p, "could not find expected ':'")) {
		at = p->context_mark;
		msg = "regel zonder ':'; schrijf elk veld als 'veld: waarde'. "
		      "Loopt een tekst door op de volgende regel, laat die "
		      "regel dan inspringen";
	} else if (problem_is(p, "mapping values are not allowed")) {
		msg =
		    "onverwachte ':' in een waarde; staat er een dubbele punt "
		    "met een spatie in de tekst, zet de hele waarde dan tussen "
		    "aanhalingstekens (\"...\"). Anders klopt het inspringen "
		    "van deze regel niet";
	} else if (context_is(p, "block mapping") &&
	           problem_is(p, "did not find expected key")) {
		msg =
		    "het inspringen klopt niet: deze regel moet precies zo ver "
		    "inspringen als het veld erboven (met spaties)";
	} else if (problem_is(p, "expected '-' indicator")) {
		msg = "het inspringen van de lijst klopt niet: begin elk "
		      "lijstitem met '- ' recht onder de vorige";
	} else if (problem_is(p, "block sequence entries are not allowed")) {
		msg = "een lijstitem ('- ') kan hier niet staan: zet een lijst "
		      "op de regels onder het veld, of schrijf [a, b]";
	} else if (context_is(p, "flow sequence")) {
		at = p->context_mark;
		msg = "de lijst tussen [ ] is niet goed afgesloten: scheid de "
		      "waarden met komma's en sluit af met ']'";
	} else if (context_is(p, "flow mapping")) {
		at = p->context_mark;
		msg =
		    "de waarden tussen { } zijn niet goed afgesloten: sluit af "
		    "met '}'";
	} else if (context_is(p, "an alias") || context_is(p, "an anchor")) {
		at = p->context_mark;
		msg = "een waarde die begint met '*' of '&' heeft in YAML een "
		      "speciale betekenis: zet de hele waarde tussen "
		      "aanhalingstekens (\"...\")";
	} else if (problem_is(p, "cannot start any token")) {
		size_t off = offset_of(text, len, at.line, at.column);
		char c = off < len ? text[off] : '?';
		owned = g_strdup_printf(
		    "een waarde kan niet beginnen met '%c': zet de hele waarde "
		    "tussen aanhalingstekens (\"...\")",
		    c);
		msg = owned;
	} else if (problem_is(p, "document start") ||
	           problem_is(p, "incompatible YAML document")) {
		msg =
		    "na de kopgegevens volgt nog een YAML-document; er mag er "
		    "maar één zijn";
	} else {
		owned =
		    g_strdup_printf("dit is geen geldige YAML (%s); controleer "
		                    "deze regel en de "
		                    "regel erboven",
		                    p->problem ? p->problem : "onbekende fout");
		msg = owned;
	}
	diag_error(d,
	           ((struct diag_pos){file, (int)at.line + first_line,
	                              (int)at.column + 1}),
	           "%s", msg);
	g_free(owned);
}

/* A node under construction and its children, kept in a GPtrArray until its
 * end event, then copied into the arena. For a mapping the children
 * alternate key, value. */
struct frame {
	struct fm_node *node;
	GPtrArray *kids;
};

struct builder {
	struct arena *a;
	const char *file;
	int first_line;
	struct diags *d;
	GArray *stack;
	const struct fm_node *root;
	bool failed;
	bool stop;    /* a limit was passed: read no further */
	int refusals; /* anchors, aliases and tags reported */
};

/* Stops the parse with a message at node n. */
static void limit(struct builder *b, const struct fm_node *n, const char *msg)
{
	diag_error(b->d, ((struct diag_pos){b->file, n->line, n->col}), "%s",
	           msg);
	b->failed = b->stop = true;
}

static struct fm_node *node_new(struct builder *b, enum fm_type type,
                                yaml_mark_t start)
{
	struct fm_node *n = arena_alloc(b->a, sizeof *n);
	n->type = type;
	n->line = (int)start.line + b->first_line;
	n->col = (int)start.column + 1;
	return n;
}

static void report_duplicate_key(struct builder *b, GPtrArray *kids,
                                 const struct fm_node *key)
{
	for (guint i = 0; i + 1 < kids->len; i += 2) {
		const struct fm_node *k = kids->pdata[i];
		if (k->type == FM_SCALAR && !strcmp(k->value, key->value)) {
			diag_error(
			    b->d,
			    ((struct diag_pos){b->file, key->line, key->col}),
			    "veld '%s' staat twee keer in de kopgegevens "
			    "(ook op regel %d); laat er één staan",
			    key->value, k->line);
			return;
		}
	}
}

static void attach(struct builder *b, struct fm_node *n)
{
	if (b->stack->len == 0) {
		b->root = n;
		return;
	}
	struct frame *top =
	    &g_array_index(b->stack, struct frame, b->stack->len - 1);
	if (top->kids->len >= 2 * FM_MAX_ITEMS ||
	    (top->node->type == FM_SEQ && top->kids->len >= FM_MAX_ITEMS)) {
		limit(b, n,
		      top->node->type == FM_SEQ
		          ? "te veel items in deze lijst: hoogstens 1000; "
		            "zet niet meer in één lijst"
		          : "te veel velden in deze groep: hoogstens 1000; "
		            "zet niet meer in één groep");
		return;
	}
	if (top->node->type == FM_MAP && top->kids->len % 2 == 0) {
		if (n->type != FM_SCALAR) {
			diag_error(
			    b->d, ((struct diag_pos){b->file, n->line, n->col}),
			    "een veldnaam moet gewone tekst zijn, geen "
			    "lijst of groep");
			b->failed = true;
		} else {
			report_duplicate_key(b, top->kids, n);
		}
	}
	g_ptr_array_add(top->kids, n);
}

static void push(struct builder *b, struct fm_node *n)
{
	if (b->stack->len >= FM_MAX_DEPTH) {
		limit(b, n,
		      "te diep ingesprongen: hoogstens 20 lijsten of groepen "
		      "in elkaar; schrijf de waarden eenvoudiger op");
		return;
	}
	attach(b, n);
	if (b->stop)
		return;
	struct frame f = {n, g_ptr_array_new()};
	g_array_append_val(b->stack, f);
}

static void pop(struct builder *b)
{
	struct frame *f =
	    &g_array_index(b->stack, struct frame, b->stack->len - 1);
	struct fm_node *n = f->node;
	GPtrArray *kids = f->kids;
	if (n->type == FM_SEQ) {
		n->n = kids->len;
		n->items = arena_calloc(b->a, kids->len ? kids->len : 1,
		                        sizeof *n->items);
		for (guint i = 0; i < kids->len; i++)
			n->items[i] = kids->pdata[i];
	} else {
		n->n = kids->len / 2;
		n->pairs =
		    arena_calloc(b->a, n->n ? n->n : 1, sizeof *n->pairs);
		for (size_t i = 0; i < n->n; i++) {
			n->pairs[i].key = kids->pdata[2 * i];
			n->pairs[i].value = kids->pdata[2 * i + 1];
		}
	}
	g_ptr_array_free(kids, TRUE);
	g_array_set_size(b->stack, b->stack->len - 1);
}

static bool is_null_word(const char *s)
{
	return !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	       !strcmp(s, "NULL");
}

static void refuse_special(struct builder *b, yaml_mark_t m, const char *what)
{
	/* A billion laughs is a million aliases: ten messages say enough. */
	if (++b->refusals > 10) {
		b->failed = b->stop = true;
		return;
	}
	diag_error(b->d,
	           ((struct diag_pos){b->file, (int)m.line + b->first_line,
	                              (int)m.column + 1}),
	           "een waarde die begint met '%s' heeft in YAML een speciale "
	           "betekenis: zet de hele waarde tussen aanhalingstekens "
	           "(\"...\")",
	           what);
	b->failed = true;
}

static bool handle_event(struct builder *b, const yaml_event_t *e)
{
	struct fm_node *n;
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (b->root) {
			diag_error(
			    b->d,
			    ((struct diag_pos){
			        b->file,
			        (int)e->start_mark.line + b->first_line, 1}),
			    "na de kopgegevens volgt nog een "
			    "YAML-document; er mag er maar één zijn");
			return false;
		}
		break;
	case YAML_ALIAS_EVENT:
		refuse_special(b, e->start_mark, "*");
		n = node_new(b, FM_SCALAR, e->start_mark);
		n->value = "";
		attach(b, n);
		break;
	case YAML_SCALAR_EVENT:
		if (e->data.scalar.anchor)
			refuse_special(b, e->start_mark, "&");
		else if (e->data.scalar.tag)
			refuse_special(b, e->start_mark, "!");
		n = node_new(b, FM_SCALAR, e->start_mark);
		if (g_utf8_strlen((const char *)e->data.scalar.value,
		                  (gssize)e->data.scalar.length) >
		    FM_MAX_VALUE) {
			limit(
			    b, n,
			    "deze waarde is te lang: hoogstens 20.000 tekens; "
			    "zet een lange tekst onder de kopgegevens, in "
			    "het bestand zelf");
			break;
		}
		n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->value =
		    arena_strndup(b->a, (const char *)e->data.scalar.value,
		                  e->data.scalar.length);
		if (n->plain && is_null_word(n->value))
			n->value = "";
		attach(b, n);
		break;
	case YAML_SEQUENCE_START_EVENT:
		if (e->data.sequence_start.anchor)
			refuse_special(b, e->start_mark, "&");
		push(b, node_new(b, FM_SEQ, e->start_mark));
		break;
	case YAML_MAPPING_START_EVENT:
		if (e->data.mapping_start.anchor)
			refuse_special(b, e->start_mark, "&");
		push(b, node_new(b, FM_MAP, e->start_mark));
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		pop(b);
		break;
	default:
		break;
	}
	return !b->stop;
}

const struct fm_node *fm_parse(struct arena *a, const char *text, size_t len,
                               int first_line, const char *file,
                               struct diags *d)
{
	if (len > FM_MAX_BYTES) {
		diag_error(d, ((struct diag_pos){file, first_line, 1}),
		           "de kopgegevens zijn te groot (%zu kB): hoogstens "
		           "%d kB; zet lange tekst onder de kopgegevens, in "
		           "het bestand zelf",
		           len / 1024, FM_MAX_BYTES / 1024);
		return NULL;
	}
	if (report_indent_tabs(text, len, first_line, file, d))
		return NULL;

	struct builder b = {
	    .a = a,
	    .file = file,
	    .first_line = first_line,
	    .d = d,
	    .stack = g_array_new(FALSE, FALSE, sizeof(struct frame))};
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		g_error("zamen: geheugen op (libyaml)");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

	bool ok = true;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&parser, &e)) {
			report_yaml_error(&parser, text, len, first_line, file,
			                  d);
			ok = false;
			break;
		}
		bool go_on = handle_event(&b, &e);
		bool end = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		if (!go_on) {
			ok = false;
			break;
		}
		if (end)
			break;
	}
	yaml_parser_delete(&parser);
	while (b.stack->len) {
		struct frame *f =
		    &g_array_index(b.stack, struct frame, b.stack->len - 1);
		g_ptr_array_free(f->kids, TRUE);
		g_array_set_size(b.stack, b.stack->len - 1);
	}
	g_array_free(b.stack, TRUE);
	if (!ok || b.failed)
		return NULL;

	if (!b.root || (b.root->type == FM_SCALAR && !*b.root->value)) {
		struct fm_node *empty = arena_alloc(a, sizeof *empty);
		empty->type = FM_MAP;
		empty->line = first_line;
		empty->col = 1;
		return empty;
	}
	if (b.root->type != FM_MAP) {
		diag_error(d,
		           ((struct diag_pos){file, b.root->line, b.root->col}),
		           "de kopgegevens moeten bestaan uit regels 'veld: "
		           "waarde'");
		return NULL;
	}
	return b.root;
}

const struct fm_node *fm_key(const struct fm_node *map, const char *key)
{
	if (!map || map->type != FM_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (!strcmp(map->pairs[i].key->value, key))
			return map->pairs[i].key;
	return NULL;
}

const struct fm_node *fm_get(const struct fm_node *map, const char *key)
{
	if (!map || map->type != FM_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (!strcmp(map->pairs[i].key->value, key))
			return map->pairs[i].value;
	return NULL;
}
