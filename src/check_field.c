#include "check_field.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

struct diag_pos field_pos(const struct fields *f, const struct fm_node *n)
{
	return (struct diag_pos){f->file, n->line, n->col};
}

void field_unknown(struct fields *f, const char *const *known, size_t n)
{
	f->known = known;
	f->n_known = n;
	if (!f->map)
		return;
	for (size_t i = 0; i < f->map->n; i++) {
		const struct fm_node *key = f->map->pairs[i].key;
		bool found = false;
		for (size_t k = 0; k < n && !found; k++)
			found = !strcmp(key->value, known[k]);
		if (found)
			continue;
		const char *near = text_nearest(key->value, known, n);
		if (near) {
			diag_error(f->d, field_pos(f, key),
			           "onbekend veld '%s%s' — bedoelde u '%s%s'?",
			           f->prefix, key->value, f->prefix, near);
		} else {
			GString *list = g_string_new(NULL);
			for (size_t k = 0; k < n; k++)
				g_string_append_printf(list, "%s%s",
				                       k ? ", " : "", known[k]);
			diag_error(
			    f->d, field_pos(f, key),
			    "onbekend veld '%s%s'; hier kunnen staan: %s",
			    f->prefix, key->value, list->str);
			g_string_free(list, TRUE);
		}
	}
}

/* Whether some unknown key of the map is a misspelling of name; it has been
 * reported as such already. */
static bool misspelt(const struct fields *f, const char *name)
{
	for (size_t i = 0; f->map && i < f->map->n; i++) {
		const char *key = f->map->pairs[i].key->value;
		bool known = false;
		for (size_t k = 0; k < f->n_known && !known; k++)
			known = !strcmp(key, f->known[k]);
		if (!known && text_nearest(key, f->known, f->n_known) &&
		    !strcmp(text_nearest(key, f->known, f->n_known), name))
			return true;
	}
	return false;
}

const struct fm_node *field_node(const struct fields *f, const char *name,
                                 bool required)
{
	const struct fm_node *n = fm_get(f->map, name);
	if (!n) {
		if (required && !misspelt(f, name))
			diag_error(f->d,
			           ((struct diag_pos){f->file, f->line, 0}),
			           "verplicht veld '%s%s' ontbreekt; voeg een "
			           "regel '%s: ...' toe",
			           f->prefix, name, name);
		return NULL;
	}
	if (n->type == FM_SCALAR && !*n->value) {
		if (required)
			diag_error(f->d, field_pos(f, fm_key(f->map, name)),
			           "veld '%s%s' is leeg; vul het in", f->prefix,
			           name);
		return NULL;
	}
	return n;
}

static bool want_scalar(const struct fields *f, const struct fm_node *n,
                        const char *name)
{
	if (n->type == FM_SCALAR)
		return true;
	diag_error(f->d, field_pos(f, n),
	           "'%s%s' moet één waarde zijn, geen %s", f->prefix, name,
	           n->type == FM_SEQ ? "lijst" : "groep van velden");
	return false;
}

const char *field_string(const struct fields *f, const char *name,
                         bool required)
{
	const struct fm_node *n = field_node(f, name, required);
	if (!n || !want_scalar(f, n, name))
		return required ? "" : NULL;
	return n->value;
}

bool field_bool(const struct fields *f, const char *name)
{
	const struct fm_node *n = field_node(f, name, false);
	if (!n || !want_scalar(f, n, name))
		return false;
	const char *v = n->value;
	if (n->plain && (!strcmp(v, "true") || !strcmp(v, "ja")))
		return true;
	if (n->plain && (!strcmp(v, "false") || !strcmp(v, "nee")))
		return false;
	diag_error(f->d, field_pos(f, n),
	           "'%s%s' is true of false (of ja/nee), niet '%s'", f->prefix,
	           name, v);
	return false;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int field_int(const struct fields *f, const char *name, bool required, int min,
              int max)
{
	const struct fm_node *n = field_node(f, name, required);
	if (!n || !want_scalar(f, n, name))
		return 0;
	long v = all_digits(n->value) && strlen(n->value) < 6
	             ? strtol(n->value, NULL, 10)
	             : -1;
	if (v < min || v > max) {
		diag_error(
		    f->d, field_pos(f, n),
		    "'%s%s' moet een heel getal van %d tot %d zijn, niet "
		    "'%s'",
		    f->prefix, name, min, max, n->value);
		return 0;
	}
	return (int)v;
}

double field_number(const struct fields *f, const char *name, double dflt,
                    double min)
{
	const struct fm_node *n = field_node(f, name, false);
	if (!n || !want_scalar(f, n, name))
		return dflt;
	char *end;
	double v = g_ascii_strtod(n->value, &end);
	if (end == n->value || *end || v < min || v > 10000) {
		diag_error(
		    f->d, field_pos(f, n),
		    "'%s%s' moet een getal zijn (in mm, met een punt voor "
		    "decimalen), niet '%s'",
		    f->prefix, name, n->value);
		return dflt;
	}
	return v;
}

date_t field_date_node(const struct fields *f, const struct fm_node *n,
                       const char *name)
{
	if (!want_scalar(f, n, name))
		return DATE_NONE;
	date_t d;
	bool impossible = false;
	if (date_parse(n->value, &d, &impossible))
		return d;
	int y, m, day;
	char tail;
	if (impossible &&
	    sscanf(n->value, "%4d-%2d-%2d%c", &y, &m, &day, &tail) == 3) {
		if (m < 1 || m > 12)
			diag_error(f->d, field_pos(f, n),
			           "datum %s bestaat niet: een jaar heeft "
			           "maanden 01 tot 12",
			           n->value);
		else
			diag_error(f->d, field_pos(f, n),
			           "datum %s bestaat niet: %s %d heeft %d "
			           "dagen",
			           n->value, date_month_name(m), y,
			           date_days_in_month(y, m));
	} else if (sscanf(n->value, "%2d-%2d-%4d%c", &day, &m, &y, &tail) ==
	               3 &&
	           date_valid_ymd(y, m, day)) {
		diag_error(f->d, field_pos(f, n),
		           "'%s' is geen datum in de vorm JJJJ-MM-DD — "
		           "bedoelde u %04d-%02d-%02d?",
		           n->value, y, m, day);
	} else {
		diag_error(f->d, field_pos(f, n),
		           "'%s%s' moet een datum zijn als JJJJ-MM-DD, "
		           "bijvoorbeeld 2026-11-25, niet '%s'",
		           f->prefix, name, n->value);
	}
	return DATE_NONE;
}

date_t field_date(const struct fields *f, const char *name, bool required)
{
	const struct fm_node *n = field_node(f, name, required);
	return n ? field_date_node(f, n, name) : DATE_NONE;
}

/* Editors write times the Dutch way, "10.00" or "9.30": when such a value
 * means a valid time with colons (and a leading zero), report it with that
 * value. A value without a dot gets the general message, whose example
 * already shows the leading zero. */
static bool time_suggestion(const struct fields *f, const struct fm_node *n,
                            const char *name)
{
	const char *v = n->value;
	if (!strchr(v, '.'))
		return false;
	GString *fix = g_string_new(NULL);
	for (size_t i = 0; v[i]; i++) {
		bool starts_time = g_ascii_isdigit(v[i]) &&
		                   (i == 0 || !g_ascii_isdigit(v[i - 1])) &&
		                   (v[i + 1] == ':' || v[i + 1] == '.');
		if (starts_time)
			g_string_append_c(fix, '0');
		g_string_append_c(fix, v[i] == '.' ? ':' : v[i]);
	}
	struct date_time_range t;
	bool ok = strcmp(fix->str, v) &&
	          date_time_parse(fix->str, &t) == DATE_TIME_OK;
	if (ok)
		diag_error(f->d, field_pos(f, n),
		           "'%s%s' moet een tijd zijn als UU:MM of een tijdvak "
		           "als UU:MM-UU:MM — bedoelde u '%s'?",
		           f->prefix, name, fix->str);
	g_string_free(fix, TRUE);
	return ok;
}

bool field_time(const struct fields *f, const char *name, bool required,
                struct date_time_range *out)
{
	const struct fm_node *n = field_node(f, name, required);
	if (!n || !want_scalar(f, n, name))
		return false;
	switch (date_time_parse(n->value, out)) {
	case DATE_TIME_OK:
		return true;
	case DATE_TIME_IMPOSSIBLE:
		diag_error(f->d, field_pos(f, n),
		           "tijd '%s' bestaat niet: uren gaan van 00 tot 23, "
		           "minuten van 00 tot 59",
		           n->value);
		break;
	case DATE_TIME_BACKWARDS:
		diag_error(
		    f->d, field_pos(f, n),
		    "het tijdvak '%s' eindigt niet na het begin; schrijf "
		    "eerst de begintijd, dan de eindtijd",
		    n->value);
		break;
	case DATE_TIME_MALFORMED:
	default:
		if (time_suggestion(f, n, name))
			break;
		diag_error(
		    f->d, field_pos(f, n),
		    "'%s%s' moet een tijd zijn als UU:MM of een tijdvak "
		    "als UU:MM-UU:MM, bijvoorbeeld 09:30 of 10:00-11:30, "
		    "niet '%s'",
		    f->prefix, name, n->value);
		break;
	}
	return false;
}

void field_report_vocab(const struct fields *f, const struct fm_node *n,
                        const char *value, const struct vocab *vocab)
{
	const struct strlist *l = vocab->values;
	const char *near = text_nearest(value, l->v, l->n);
	if (near) {
		diag_error(f->d, field_pos(f, n),
		           "'%s' is geen %s — bedoelde u '%s'?", value,
		           vocab->what, near);
		return;
	}
	GString *list = g_string_new(NULL);
	for (size_t i = 0; i < l->n; i++)
		g_string_append_printf(list, "%s%s", i ? ", " : "", l->v[i]);
	if (vocab->where)
		diag_error(f->d, field_pos(f, n),
		           "'%s' is geen %s; kies uit: %s (of voeg de "
		           "waarde toe in %s)",
		           value, vocab->what, list->str, vocab->where);
	else
		diag_error(f->d, field_pos(f, n),
		           "'%s' is geen %s; kies uit: %s", value, vocab->what,
		           list->str);
	g_string_free(list, TRUE);
}

struct strlist field_list(const struct fields *f, const char *name,
                          bool required, const struct vocab *vocab)
{
	struct strlist out = {0};
	const struct fm_node *n = field_node(f, name, required);
	if (!n)
		return out;
	if (n->type != FM_SEQ) {
		diag_error(f->d, field_pos(f, n),
		           "'%s%s' moet een lijst zijn, bijvoorbeeld: %s: [%s]",
		           f->prefix, name, name,
		           n->type == FM_SCALAR ? n->value : "a, b");
		return out;
	}
	if (required && n->n == 0) {
		diag_error(f->d, field_pos(f, n),
		           "de lijst '%s%s' is leeg; noem er minstens één",
		           f->prefix, name);
		return out;
	}
	out.v = arena_calloc(f->a, n->n ? n->n : 1, sizeof *out.v);
	for (size_t i = 0; i < n->n; i++) {
		const struct fm_node *item = n->items[i];
		if (item->type != FM_SCALAR || !*item->value) {
			diag_error(f->d, field_pos(f, item),
			           "elk item van '%s%s' moet één waarde zijn",
			           f->prefix, name);
			continue;
		}
		if (vocab && !strlist_has(vocab->values, item->value)) {
			field_report_vocab(f, item, item->value, vocab);
			continue;
		}
		if (strlist_has(&out, item->value)) {
			diag_warning(f->d, field_pos(f, item),
			             "'%s' staat twee keer in '%s%s'",
			             item->value, f->prefix, name);
			continue;
		}
		out.v[out.n++] = item->value;
	}
	return out;
}

const char *field_vocab(const struct fields *f, const char *name, bool required,
                        const struct vocab *vocab)
{
	const struct fm_node *n = field_node(f, name, required);
	if (!n || !want_scalar(f, n, name))
		return NULL;
	if (!strlist_has(vocab->values, n->value)) {
		field_report_vocab(f, n, n->value, vocab);
		return NULL;
	}
	return n->value;
}

const char *field_url(const struct fields *f, const char *name)
{
	const struct fm_node *n = field_node(f, name, false);
	if (!n || !want_scalar(f, n, name))
		return NULL;
	const char *v = n->value;
	/* A line end in an address could start a new line in a feed or
	 * calendar; quoted YAML ("\r\n") can write one. */
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			diag_error(f->d, field_pos(f, n),
			           "'%s%s' bevat een regeleinde of een ander "
			           "onzichtbaar teken; schrijf het webadres op "
			           "één regel, zonder tabs",
			           f->prefix, name);
			return NULL;
		}
	const char *rest = !strncmp(v, "https://", 8)  ? v + 8
	                   : !strncmp(v, "http://", 7) ? v + 7
	                                               : NULL;
	if (!rest || !*rest || strchr(rest, ' ') || *rest == '/') {
		if (!rest && strchr(v, '.') && !strchr(v, ' ') &&
		    !strchr(v, ':'))
			diag_error(f->d, field_pos(f, n),
			           "'%s%s' moet een volledig webadres zijn — "
			           "bedoelde u 'https://%s'?",
			           f->prefix, name, v);
		else
			diag_error(f->d, field_pos(f, n),
			           "'%s%s' moet een webadres zijn dat begint "
			           "met https:// (of http://), niet '%s'",
			           f->prefix, name, v);
		return NULL;
	}
	const char *bad = strpbrk(v, "\"<>\\ \t{}|^`");
	if (bad) {
		diag_error(f->d, field_pos(f, n),
		           "'%s%s' bevat een teken dat niet in een webadres "
		           "hoort ('%c'); controleer het adres",
		           f->prefix, name, *bad);
		return NULL;
	}
	return v;
}

const char *field_email(const struct fields *f, const char *name)
{
	const struct fm_node *n = field_node(f, name, false);
	if (!n || !want_scalar(f, n, name))
		return NULL;
	const char *v = n->value;
	const char *at = strchr(v, '@');
	bool ok = at && at != v && !strchr(at + 1, '@') &&
	          strchr(at + 1, '.') && !strpbrk(v, " \t,;<>") &&
	          v[strlen(v) - 1] != '.';
	if (!ok) {
		diag_error(f->d, field_pos(f, n),
		           "'%s' is geen e-mailadres; schrijf het als "
		           "naam@voorbeeld.nl",
		           v);
		return NULL;
	}
	return v;
}
