/*
 * testsite.h: the fixture site tests/sites/model, loaded and checked with
 * --today 2026-11-22 as cmocka setup and teardown, for the tests that read
 * the model or render from it. Include after testutil.h.
 */
#ifndef ZAMEN_TESTSITE_H
#define ZAMEN_TESTSITE_H

#include <glib.h>

#include "check.h"
#include "load_tree.h"
#include "model.h"

#define SOURCE "tests/sites/model"

struct fixture {
	struct arena *a;
	struct diags *d;
	struct site *s;
};

static inline date_t day(const char *s)
{
	date_t d;
	assert_true(date_parse(s, &d, NULL));
	return d;
}

static inline struct fixture *load(bool drafts)
{
	struct fixture *f = g_new0(struct fixture, 1);
	f->a = arena_new();
	f->d = diags_new();
	struct load_tree *t = load_tree(SOURCE, f->a, f->d);
	struct check_opts o = {.today = day("2026-11-22"), .drafts = drafts};
	f->s = check_site(t, &o, f->d);
	assert_non_null(f->s);
	assert_int_equal(diags_errors(f->d), 0);
	return f;
}

static inline int setup(void **state)
{
	*state = load(false);
	return 0;
}

/* The same site built with --drafts. */
static inline int setup_drafts(void **state)
{
	*state = load(true);
	return 0;
}

static inline int teardown(void **state)
{
	struct fixture *f = *state;
	site_free(f->s);
	diags_free(f->d);
	arena_free(f->a);
	g_free(f);
	return 0;
}

/* Tests may change the loaded site to make a case the fixture lacks. */
static inline struct site *site_of(void **state)
{
	return ((struct fixture *)*state)->s;
}

/* The record of slug, to change for a case the fixture lacks. */
static inline struct story *story(struct site *s, const char *slug)
{
	const struct story *x = site_story(s, slug);
	assert_non_null(x);
	return (struct story *)x;
}

static inline struct activity *activity(struct site *s, const char *slug)
{
	const struct activity *x = site_activity(s, slug);
	assert_non_null(x);
	return (struct activity *)x;
}

#endif
