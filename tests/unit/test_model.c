/*
 * test_model.c: the checked site of tests/sites/model as render stages will
 * see it. Every expected value below was worked out by hand from the files
 * of that tree and a 2026 calendar (22 November 2026 is a Sunday).
 */
#include "testutil.h"

#include <glib.h>
#include <string.h>

#include "check.h"
#include "load_tree.h"
#include "model.h"

#include "testsite.h"

static void counts_and_warnings(void **state)
{
	const struct site *s = site_of(state);
	assert_int_equal(s->n_stories, 4);
	assert_int_equal(s->n_activities, 6);
	assert_int_equal(s->n_partners, 2);
	assert_int_equal(s->n_editions, 2);
	assert_int_equal(s->n_pages, 4);
	/* voorbij is past; meerdaags and voorbij are not in 2026-47's week;
	 * anoniem links to an anchor (#tijden) that wekelijks does not have. */
	assert_int_equal(diags_warnings(((struct fixture *)*state)->d), 4);
}

static void stories_follow_embargo_consent_and_drafts(void **state)
{
	const struct site *s = site_of(state);
	assert_true(site_story(s, "gepubliceerd")->doc.published);
	assert_true(site_story(s, "anoniem")->doc.published);
	assert_false(site_story(s, "embargo")->doc.published);
	assert_false(site_story(s, "concept")->doc.published);
	assert_null(site_story(s, "bestaat-niet"));
}

static void drafts_flag_publishes_drafts_only(void **state)
{
	const struct site *s = site_of(state);
	assert_true(site_story(s, "concept")->doc.published);
	assert_false(site_story(s, "embargo")->doc.published);
	assert_true(site_activity(s, "concept-activiteit")->doc.published);
	/* The draft page joins the menu at position 3. */
	assert_int_equal(s->n_menu, 3);
	assert_string_equal(s->menu[2]->doc.slug, "geheim");
}

static void anonymous_author_is_never_given(void **state)
{
	const struct site *s = site_of(state);
	const struct story *anon = site_story(s, "anoniem");
	assert_true(anon->anoniem);
	assert_null(story_author(anon));
	assert_string_equal(story_author(site_story(s, "gepubliceerd")),
	                    "Jan Jansen");
}

static void summary_is_given_or_cut_from_first_paragraph(void **state)
{
	const struct site *s = site_of(state);
	assert_string_equal(site_story(s, "anoniem")->doc.samenvatting,
	                    "Een eigen samenvatting.");
	/* Character 200 falls inside "zodat"; the cut goes back to the space
	 * after "dat," and drops the comma. */
	assert_string_equal(
	    site_story(s, "gepubliceerd")->doc.samenvatting,
	    "Dit is de eerste alinea van een verhaal dat lang genoeg is om "
	    "ingekort te worden, want een samenvatting mag niet langer zijn "
	    "dan tweehonderd tekens en deze alinea is met opzet veel langer "
	    "dan dat…");
	assert_string_equal(site_story(s, "concept")->doc.samenvatting, "");
	assert_non_null(site_story(s, "concept")->doc.body);
}

static void past_activities_are_marked(void **state)
{
	const struct site *s = site_of(state);
	assert_true(site_activity(s, "voorbij")->past);
	assert_false(site_activity(s, "wekelijks")->past);
	assert_false(site_activity(s, "meerdaags")->past);
	assert_false(site_activity(s, "laatste")->past);
}

static void occurrences_of_a_week_are_sorted_and_filtered(void **state)
{
	const struct site *s = site_of(state);
	size_t n;
	struct occurrence *o =
	    site_occurrences(s, day("2026-11-23"), day("2026-11-29"), &n);
	/* Tue 24: Zingen (Koffie is excepted, the draft is left out);
	 * Thu 26: the last Thursday of November; Fri-Sun: the market. */
	assert_int_equal(n, 5);
	assert_int_equal(o[0].date, day("2026-11-24"));
	assert_string_equal(o[0].activity->doc.slug, "wekelijks");
	assert_int_equal(o[1].date, day("2026-11-26"));
	assert_string_equal(o[1].activity->doc.slug, "laatste");
	for (int i = 2; i < 5; i++) {
		assert_string_equal(o[i].activity->doc.slug, "meerdaags");
		assert_int_equal(o[i].date, day("2026-11-27") + (i - 2));
	}
	g_free(o);

	/* On Tuesday 1 December Koffie (09:00) comes before Zingen (10:00). */
	o = site_occurrences(s, day("2026-12-01"), day("2026-12-01"), &n);
	assert_int_equal(n, 2);
	assert_string_equal(o[0].activity->doc.slug, "ochtend");
	assert_string_equal(o[1].activity->doc.slug, "wekelijks");
	g_free(o);

	/* A past activity is in no listing, not even of its own day. */
	o = site_occurrences(s, day("2026-10-01"), day("2026-10-01"), &n);
	assert_int_equal(n, 0);
	g_free(o);
}

static void multi_day_activity_occurs_each_day(void **state)
{
	const struct activity *a = site_activity(site_of(state), "meerdaags");
	size_t n;
	date_t *d =
	    activity_occurrences(a, day("2026-11-01"), day("2026-11-30"), &n);
	assert_int_equal(n, 3);
	assert_int_equal(d[0], day("2026-11-27"));
	assert_int_equal(d[2], day("2026-11-29"));
	g_free(d);
	assert_int_equal(activity_next(a, day("2026-11-28")),
	                 day("2026-11-28"));
	assert_int_equal(activity_next(a, day("2026-11-30")), DATE_NONE);
}

static void partners_list_their_current_activities(void **state)
{
	const struct site *s = site_of(state);
	const struct partner *p = site_partner(s, "stichting");
	/* Not the past Startdag, not the draft; by title. */
	assert_int_equal(p->n_activities, 2);
	assert_string_equal(p->activities[0]->titel, "Koffie");
	assert_string_equal(p->activities[1]->titel, "Zingen");
	assert_int_equal(p->convenant, day("2025-03-01"));
	const struct partner *k = site_partner(s, "kerk");
	assert_int_equal(k->n_activities, 2);
	assert_string_equal(k->activities[0]->titel, "Kerstmarkt");
	assert_int_equal(k->convenant, DATE_NONE);
	assert_ptr_equal(site_activity(s, "laatste")->organisator, k);
}

static void editions_have_their_story_and_week(void **state)
{
	const struct site *s = site_of(state);
	const struct edition *e47 = site_edition(s, "2026-47");
	assert_true(e47->doc.published);
	assert_int_equal(e47->jaar, 2026);
	assert_int_equal(e47->nr, 47);
	assert_ptr_equal(e47->verhaal, site_story(s, "gepubliceerd"));
	assert_null(e47->uitgelicht);
	assert_true(e47->explicit_activities);
	assert_int_equal(e47->n_activiteiten, 3);
	/* Of the three listed only Zingen takes place 18-24 November. */
	assert_int_equal(e47->n_occurrences, 1);
	assert_string_equal(e47->occurrences[0].activity->doc.slug,
	                    "wekelijks");
	assert_int_equal(e47->occurrences[0].date, day("2026-11-24"));

	const struct edition *e48 = site_edition(s, "2026-48");
	assert_false(e48->doc.published); /* appears 25 November */
	assert_ptr_equal(e48->uitgelicht, site_partner(s, "kerk"));
	assert_false(e48->explicit_activities);
	/* 25 Nov - 1 Dec: Rouwcafé 26, market 27-29, Koffie and Zingen 1. */
	assert_int_equal(e48->n_occurrences, 6);
	const char *slugs[] = {"laatste",   "meerdaags", "meerdaags",
	                       "meerdaags", "ochtend",   "wekelijks"};
	for (int i = 0; i < 6; i++)
		assert_string_equal(e48->occurrences[i].activity->doc.slug,
		                    slugs[i]);
}

static void menu_is_in_order_without_drafts(void **state)
{
	const struct site *s = site_of(state);
	assert_int_equal(s->n_menu, 2);
	assert_string_equal(s->menu[0]->titel, "Over ons");
	assert_string_equal(s->menu[1]->titel, "Contactpunt");
}

static void links_resolve_to_records(void **state)
{
	const struct site *s = site_of(state);
	const struct doc *anon = &site_story(s, "anoniem")->doc;
	const struct doc *page = &site_page(s, "over-ons")->doc;
	assert_ptr_equal(site_link_target(s, anon,
	                                  "../activiteiten/wekelijks.md#tijden",
	                                  s->arena),
	                 &site_activity(s, "wekelijks")->doc);
	assert_ptr_equal(
	    site_link_target(s, page, "verhalen/anoniem.md", s->arena), anon);
	assert_null(
	    site_link_target(s, page, "https://example.org/x.md", s->arena));
	assert_null(site_link_target(s, page, "verhalen/nergens.md", s->arena));
	assert_null(site_link_target(s, page, "foto.jpg", s->arena));
	assert_ptr_equal(site_doc_by_path(s, "content/over-ons.md"), page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(counts_and_warnings, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        stories_follow_embargo_consent_and_drafts, setup, teardown),
	    cmocka_unit_test_setup_teardown(drafts_flag_publishes_drafts_only,
	                                    setup_drafts, teardown),
	    cmocka_unit_test_setup_teardown(anonymous_author_is_never_given,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        summary_is_given_or_cut_from_first_paragraph, setup, teardown),
	    cmocka_unit_test_setup_teardown(past_activities_are_marked, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        occurrences_of_a_week_are_sorted_and_filtered, setup, teardown),
	    cmocka_unit_test_setup_teardown(multi_day_activity_occurs_each_day,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        partners_list_their_current_activities, setup, teardown),
	    cmocka_unit_test_setup_teardown(editions_have_their_story_and_week,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(menu_is_in_order_without_drafts,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(links_resolve_to_records, setup,
	                                    teardown),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
