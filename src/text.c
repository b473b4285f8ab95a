#include "text.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

bool text_utf8_valid(const char *s, size_t n, size_t *bad)
{
	const gchar *end;
	if (g_utf8_validate_len(s, n, &end))
		return true;
	if (bad)
		*bad = (size_t)(end - s);
	return false;
}

void text_line_col(const char *s, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < off;) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '\n') {
			l++;
			c = 1;
			i++;
			continue;
		}
		/* Count a character per lead byte; continuation bytes of a
		 * well-formed sequence are skipped. */
		size_t len = 1;
		if (ch >= 0xF0)
			len = 4;
		else if (ch >= 0xE0)
			len = 3;
		else if (ch >= 0xC0)
			len = 2;
		size_t k = 1;
		while (k < len && i + k < off &&
		       ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k++;
		i += k;
		c++;
	}
	*line = l;
	*col = c;
}

bool text_is_slug(const char *s)
{
	if (!*s || *s == '-')
		return false;
	char prev = 0;
	for (const char *p = s; *p; p++) {
		bool ok = (*p >= 'a' && *p <= 'z') ||
		          (*p >= '0' && *p <= '9') || *p == '-';
		if (!ok || (*p == '-' && prev == '-'))
			return false;
		prev = *p;
	}
	return prev != '-';
}

char *text_slugify(const char *s)
{
	/* g_str_to_ascii transliterates é -> e, ß -> ss and so on. */
	char *ascii = g_str_to_ascii(s, "C");
	GString *out = g_string_new(NULL);
	bool hyphen = false;
	for (const char *p = ascii; *p; p++) {
		char c = g_ascii_tolower(*p);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (hyphen && out->len)
				g_string_append_c(out, '-');
			hyphen = false;
			g_string_append_c(out, c);
		} else {
			hyphen = true;
		}
	}
	g_free(ascii);
	return g_string_free(out, FALSE);
}

/* Damerau-Levenshtein (optimal string alignment) distance over bytes,
 * lowercased: a swapped pair of letters is the commonest typo. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 64 || m > 64)
		return SIZE_MAX;
	size_t d[65][65];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			char ca = g_ascii_tolower(a[i - 1]);
			char cb = g_ascii_tolower(b[j - 1]);
			size_t cost = ca != cb;
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && ca == g_ascii_tolower(b[j - 2]) &&
			    g_ascii_tolower(a[i - 2]) == cb &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[n][m];
}

const char *text_nearest(const char *word, const char *const *candidates,
                         size_t n)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX;
	size_t len = strlen(word);
	/* Up to a third of the word (rounded up) may be wrong, at least one
	 * and at most three edits: "datun" -> "datum", "verhaal" ->
	 * "verhalen", but not "kern" -> "titel". */
	size_t limit = (len + 2) / 3;
	if (limit < 1)
		limit = 1;
	if (limit > 3)
		limit = 3;
	for (size_t i = 0; i < n; i++) {
		size_t dist = edit_distance(word, candidates[i]);
		if (dist < best_d) {
			best_d = dist;
			best = candidates[i];
		}
	}
	return best_d <= limit ? best : NULL;
}

/* Appends s escaped for XML and HTML text and attribute values alike.
 * Characters XML 1.0 forbids even as references (C0 controls other than tab and
 * line feed, U+FFFE, U+FFFF) are dropped; a carriage return would be read back
 * as a line feed anyway. The site holds valid UTF-8 only. */
/* The bytes text_append_escaped rewrites or drops: markup, the C0
 * controls but tab and line feed, and 0xEF, the lead byte of U+FFFE and
 * U+FFFF. Everything else is copied in runs. */
static const bool escape_stop[256] = {
    [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1,
    [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1,
    [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, ['&'] = 1,
    ['<'] = 1,  ['>'] = 1,  ['"'] = 1,  ['\''] = 1, [0xEF] = 1,
};

void text_append_escaped(GString *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	for (;;) {
		const unsigned char *run = p;
		while (*p && !escape_stop[*p])
			p++;
		g_string_append_len(out, (const char *)run, p - run);
		if (!*p)
			return;
		switch (*p) {
		case '&':
			g_string_append_len(out, "&amp;", 5);
			break;
		case '<':
			g_string_append_len(out, "&lt;", 4);
			break;
		case '>':
			g_string_append_len(out, "&gt;", 4);
			break;
		case '"':
			g_string_append_len(out, "&quot;", 6);
			break;
		case '\'':
			g_string_append_len(out, "&apos;", 6);
			break;
		case 0xEF:
			/* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
			if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
				p += 2;
			else
				g_string_append_c(out, (char)*p);
			break;
		default: /* a control character: dropped */
			break;
		}
		p++;
	}
}
