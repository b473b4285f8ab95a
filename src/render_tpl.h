/*
 * render_tpl.h: ctemplate for C. The one C++ file of zamen wraps the
 * Google ctemplate library behind this small C API: dictionaries with
 * values, sections and includes, and expansion into a GString.
 *
 * Every layout must start with an AUTOESCAPE pragma, so every value is
 * escaped for where it lands (text, attribute, URL). The one value that may
 * go in raw is rendered Markdown, written {{BODY:none}} in a layout.
 *
 * ctemplate pitfalls this API keeps in view:
 *   - an included layout does not see its parent's values: fill the
 *     dictionary tpl_add_include() returns;
 *   - its own messages carry no line numbers: tpl_load() reports a broken
 *     layout by file, with ctemplate's words;
 *   - its JSON escaping is not JSON: write JSON from C, never a layout.
 */
#ifndef ZAMEN_RENDER_TPL_H
#define ZAMEN_RENDER_TPL_H

#include <glib.h>
#include <stdbool.h>

#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tpl_set;  /* the loaded layouts of one folder */
struct tpl_dict; /* values for one expansion */

/* Loads and checks every *.tpl file in dir (not below it) before anything
 * is written. Reports each broken layout, or one without an AUTOESCAPE
 * pragma, into d as "layouts/x.tpl: fout: ..." with the path as given by
 * report_dir; returns NULL when any is broken. */
struct tpl_set *tpl_load(const char *dir, const char *report_dir,
                         struct diags *d);
void tpl_free(struct tpl_set *t);
/* Whether a layout of that file name ("story.tpl") was loaded. */
bool tpl_has(const struct tpl_set *t, const char *name);

struct tpl_dict *tpl_dict_new(void);
/* Frees a top-level dictionary with all its sections and includes. */
void tpl_dict_free(struct tpl_dict *d);

/* Sets key to value (copied); a NULL value leaves key unset. */
void tpl_set(struct tpl_dict *d, const char *key, const char *value);
void tpl_set_int(struct tpl_dict *d, const char *key, long value);
/* Shows section name once, with the values of d. */
void tpl_show(struct tpl_dict *d, const char *name);
/* Adds one repetition of section name; returns its dictionary (owned by
 * d), which sees d's values. */
struct tpl_dict *tpl_add_section(struct tpl_dict *d, const char *name);
/* Fills the include {{>name}} with layout file; returns its dictionary
 * (owned by d), which does NOT see d's values. */
struct tpl_dict *tpl_add_include(struct tpl_dict *d, const char *name,
                                 const char *file);

/* Expands layout file with d, appending to out. Thread-safe: the set is
 * frozen after tpl_load. Returns false (out partly written) when ctemplate
 * fails, which after a successful tpl_load means a missing include file. */
bool tpl_expand(const struct tpl_set *t, const char *file,
                const struct tpl_dict *d, GString *out);

#ifdef __cplusplus
}
#endif

#endif
