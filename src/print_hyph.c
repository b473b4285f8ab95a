#include "print_hyph.h"

#include <hyphen.h>
#include <stdlib.h>
#include <string.h>

struct print_hyph {
	HyphenDict *dict;
	int left, right;
};

struct print_hyph *print_hyph_new(const char *path, int left, int right)
{
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
		return NULL;
	HyphenDict *dict = hnj_hyphen_load(path);
	if (!dict)
		return NULL;
	struct print_hyph *h = g_new0(struct print_hyph, 1);
	h->dict = dict;
	h->left = left;
	h->right = right;
	return h;
}

void print_hyph_free(struct print_hyph *h)
{
	if (!h)
		return;
	hnj_hyphen_free(h->dict);
	g_free(h);
}

/* Words longer than this are left whole: no Dutch word needs it, and it
 * bounds the buffers. */
enum { WORD_MAX = 100 };

/* Appends the word w[0..n) (UTF-8 letters only) with its soft hyphens. */
static void append_word(const struct print_hyph *h, GString *out, const char *w,
                        size_t n)
{
	char latin[WORD_MAX + 1];
	const char *starts[WORD_MAX + 1]; /* UTF-8 start of each letter */
	size_t len = 0;
	bool upper_only = true;
	const char *p = w, *end = w + n;
	while (p < end) {
		gunichar c = g_utf8_get_char(p);
		if (len == WORD_MAX)
			goto whole;
		if (g_unichar_islower(c))
			upper_only = false;
		gunichar low = g_unichar_tolower(c);
		if (low > 0xff)
			goto whole;
		starts[len] = p;
		latin[len++] = (char)low;
		p = g_utf8_next_char(p);
	}
	starts[len] = end;
	latin[len] = '\0';
	/* Abbreviations in capitals (GGD, WMO) are never broken. */
	if (upper_only || len < (size_t)(h->left + h->right))
		goto whole;

	char hyphens[WORD_MAX + 5];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	if (hnj_hyphen_hyphenate3(h->dict, latin, (int)len, hyphens, NULL, &rep,
	                          &pos, &cut, h->left, h->right, h->left,
	                          h->right)) {
		goto whole;
	}
	for (size_t i = 0; i < len; i++) {
		g_string_append_len(out, starts[i], starts[i + 1] - starts[i]);
		bool standard = !rep || !rep[i];
		if ((hyphens[i] & 1) && standard && i + 1 < len)
			g_string_append(out, PRINT_SOFT_HYPHEN);
	}
	if (rep) {
		for (size_t i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	return;
whole:
	g_string_append_len(out, w, n);
}

/* Whether the token (up to white space) at p is an address: an e-mail
 * address or a web address is never broken with a hyphen, which would
 * change it. */
static bool is_address(const char *p, const char *end)
{
	const char *q = p;
	while (q < end && !g_unichar_isspace(g_utf8_get_char(q)))
		q = g_utf8_next_char(q);
	for (const char *r = p; r < q; r++)
		if (*r == '@' || *r == '/' ||
		    (q - r >= 4 && !memcmp(r, "www.", 4)))
			return true;
	return false;
}

void print_hyph_append(const struct print_hyph *h, GString *out,
                       const char *text, size_t len)
{
	if (!h) {
		g_string_append_len(out, text, len);
		return;
	}
	const char *p = text, *end = text + len;
	while (p < end) {
		/* At the start of a token: an address goes whole. */
		if (p == text || g_unichar_isspace(g_utf8_get_char(
		                     g_utf8_find_prev_char(text, p)))) {
			if (is_address(p, end)) {
				const char *q = p;
				while (q < end &&
				       !g_unichar_isspace(g_utf8_get_char(q)))
					q = g_utf8_next_char(q);
				g_string_append_len(out, p, q - p);
				p = q;
				continue;
			}
		}
		const char *word = p;
		while (p < end && g_unichar_isalpha(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		if (p > word)
			append_word(h, out, word, p - word);
		const char *other = p;
		while (p < end && !g_unichar_isalpha(g_utf8_get_char(p)) &&
		       !g_unichar_isspace(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		while (p < end && g_unichar_isspace(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		g_string_append_len(out, other, p - other);
	}
}
