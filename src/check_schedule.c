#include "check_schedule.h"

#include <glib.h>
#include <string.h>

#include "check_internal.h"

/* A story on the site more than two weeks before the paper that carries it
 * is most often a typo (a month or a year off): the sample site puts a
 * story online two weeks ahead on purpose, and the weekly rhythm of the
 * paper makes anything longer unlikely. */
#define STORY_EARLY_DAYS 14

static struct diag_pos verhaal_pos(const struct edition *e)
{
	const struct fm_node *n = fm_get(e->doc.src->fm, "verhaal");
	return (struct diag_pos){e->doc.src->path, n ? n->line : 0,
	                         n ? n->col : 0};
}

/* The timing of an edition against its story. An edition is published
 * only with its story (model.h), so a story dated after the edition holds
 * the whole edition back; the message says so, in the words of what
 * happens on the site. */
static void edition_timing(const struct site *s, const struct edition *e,
                           struct diags *d)
{
	const struct story *st = e->verhaal;
	/* A draft edition is still being put together: nothing to say yet. */
	if (e->doc.concept || !st || e->datum == DATE_NONE ||
	    st->datum == DATE_NONE)
		return;
	char story[64], paper[64];
	date_format_long(st->datum, story, sizeof story);
	date_format_long(e->datum, paper, sizeof paper);
	if (st->datum > e->datum && e->datum <= s->today &&
	    s->today < st->datum)
		diag_warning(d, verhaal_pos(e),
		             "de krant met editie %s is al uit (%s), maar het "
		             "verhaal '%s' verschijnt pas op %s: tot die dag "
		             "staat de editie nergens op de site (geen pagina, "
		             "PDF, archief of feed). Klopt 'datum' in %s?",
		             e->doc.slug, paper, st->doc.slug, story,
		             st->doc.src->path);
	else if (st->datum > e->datum)
		diag_warning(d, verhaal_pos(e),
		             "het verhaal '%s' verschijnt pas op %s, na deze "
		             "editie (%s): de editie staat daarom pas vanaf "
		             "die dag op de site (pagina, PDF, archief, feed). "
		             "Klopt 'datum' in %s?",
		             st->doc.slug, story, paper, st->doc.src->path);
	else if (e->datum - st->datum > STORY_EARLY_DAYS)
		diag_warning(d, verhaal_pos(e),
		             "het verhaal '%s' staat vanaf %s al op de site, "
		             "%d dagen vóór deze editie (%s). Klopt 'datum' in "
		             "%s? Meestal verschijnt een verhaal tegelijk met "
		             "de krant, of kort ervoor",
		             st->doc.slug, story, (int)(e->datum - st->datum),
		             paper, st->doc.src->path);
}

void check_schedule_warnings(const struct site *s, struct diags *d)
{
	for (size_t i = 0; i < s->n_editions; i++)
		edition_timing(s, s->editions[i], d);
}

struct planned {
	date_t day;
	const struct story *story;     /* one of these two */
	const struct edition *edition; /* */
};

static const char *planned_path(const struct planned *p)
{
	return p->story ? p->story->doc.src->path : p->edition->doc.src->path;
}

static int cmp_planned(const void *pa, const void *pb)
{
	const struct planned *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (!a->story != !b->story)
		return a->story ? -1 : 1;
	return strcmp(planned_path(a), planned_path(b));
}

char *check_schedule_text(const struct site *s)
{
	GArray *v = g_array_new(FALSE, FALSE, sizeof(struct planned));
	for (size_t i = 0; i < s->n_stories; i++) {
		const struct story *x = s->stories[i];
		date_t day = story_day(x);
		if (!x->doc.concept && day != DATE_NONE && day > s->today)
			g_array_append_val(v, ((struct planned){day, x, NULL}));
	}
	for (size_t i = 0; i < s->n_editions; i++) {
		const struct edition *e = s->editions[i];
		date_t day = edition_day(e);
		if (!e->doc.concept && e->verhaal && !e->verhaal->doc.concept &&
		    day != DATE_NONE && day > s->today)
			g_array_append_val(v, ((struct planned){day, NULL, e}));
	}
	if (!v->len) {
		g_array_free(v, TRUE);
		return NULL;
	}
	g_array_sort(v, cmp_planned);

	GString *out = g_string_new("Gepland, nog niet op de site:\n");
	char day[64];
	for (guint i = 0; i < v->len && i < CHECK_SCHEDULE_MAX; i++) {
		const struct planned *p = &g_array_index(v, struct planned, i);
		g_string_append_printf(
		    out, "  %s: ", date_format_long(p->day, day, sizeof day));
		if (p->story) {
			g_string_append_printf(out, "verhaal '%s' (%s)\n",
			                       p->story->titel,
			                       p->story->doc.src->path);
			continue;
		}
		const struct edition *e = p->edition;
		g_string_append_printf(out, "editie %s (%s)", e->doc.slug,
		                       e->doc.src->path);
		if (p->day != e->datum)
			g_string_append_printf(out,
			                       ", wacht op het verhaal '%s'",
			                       e->verhaal->doc.slug);
		g_string_append_c(out, '\n');
	}
	if (v->len > CHECK_SCHEDULE_MAX) {
		const struct planned *last =
		    &g_array_index(v, struct planned, v->len - 1);
		g_string_append_printf(
		    out, "  en nog %u, tot en met %s\n",
		    v->len - CHECK_SCHEDULE_MAX,
		    date_format_long(last->day, day, sizeof day));
	}
	g_string_append(out, "De site verandert pas als hij op die dag "
	                     "opnieuw gebouwd wordt (zamen build); zie de "
	                     "README, 'Elke dag bouwen'.\n");
	g_array_free(v, TRUE);
	return g_string_free(out, FALSE);
}

void check_schedule_print(const struct site *s, FILE *out)
{
	char *text = check_schedule_text(s);
	if (text)
		fputs(text, out);
	g_free(text);
}
