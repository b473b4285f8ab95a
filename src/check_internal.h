/*
 * check_internal.h: how the check_*.c files share their work. Not for use
 * outside the check stage.
 */
#ifndef ZAMEN_CHECK_INTERNAL_H
#define ZAMEN_CHECK_INTERNAL_H

#include "check.h"
#include "check_field.h"

/* site.yaml into s->config; reports its problems. */
void check_config(struct site *s, const struct fm_node *root, struct diags *d);

/* One content file into its record, allocated in a; reads only s's
 * settings (config, today), so files can be checked in parallel. The caller
 * adds the record to s. */
struct doc *check_doc(const struct site *s, const struct load_doc *src,
                      struct arena *a, struct diags *d);

/* References between records, links in bodies, and warnings that need the
 * whole site; runs after site_index_build(). docs[i] is the record of
 * t->docs[i]. */
void check_refs(struct site *s, const struct load_tree *t,
                const struct doc *const *docs, struct diags *d);
/* Warnings that need published/past/occurrences; after site_finish(). */
void check_after_finish(struct site *s, struct diags *d);
/* The timing of editions against their stories (check_schedule.c): a
 * story dated after its edition holds the edition back, one long before
 * it is probably a typo. After check_refs(). */
void check_schedule_warnings(const struct site *s, struct diags *d);

#endif
