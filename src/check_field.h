/*
 * check_field.h: reading typed values out of front matter, reporting every
 * problem in Dutch with the position of the offending value. Used by the
 * check_*.c files only.
 *
 * Each reader returns an "absent" value (NULL, DATE_NONE, false, an empty
 * list) both when the field is missing and when it is invalid; in the
 * latter case it has reported why. So a caller never reports twice, and
 * asks fm_get() when it needs to know whether a field was written at all.
 */
#ifndef ZAMEN_CHECK_FIELD_H
#define ZAMEN_CHECK_FIELD_H

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "load_fm.h"
#include "model.h"

struct fields {
	struct arena *a;
	struct diags *d;
	const char *file;
	const struct fm_node *map; /* the mapping being read */
	const char *prefix;        /* "herhaling." in nested maps, else "" */
	int line;                  /* where a missing field is reported */
	/* Set by field_unknown(): the fields this map may have. */
	const char *const *known;
	size_t n_known;
};

/* A vocabulary and how to name it in a message. */
struct vocab {
	const struct strlist *values;
	const char
	    *what; /* with its adjective: "bekende kern", "bekend thema" */
	const char *where; /* "site.yaml" when editors may extend it, or NULL */
};

struct diag_pos field_pos(const struct fields *f, const struct fm_node *n);

/* Reports every key of the map that is not in known[0..n), and remembers
 * known so a misspelt required field is reported once, as misspelt, not
 * also as missing. */
void field_unknown(struct fields *f, const char *const *known, size_t n);

/* The value node of name; reports a missing required field. An empty
 * scalar counts as missing (and is reported as empty). */
const struct fm_node *field_node(const struct fields *f, const char *name,
                                 bool required);
/* The text of name, or NULL when it is absent. A required field is never
 * NULL: when it is missing or no single value, that is reported and the
 * record gets "", so the checks after this one (sorting by title, say)
 * need not guard against a record that is broken anyway. */
const char *field_string(const struct fields *f, const char *name,
                         bool required);
bool field_bool(const struct fields *f, const char *name);
int field_int(const struct fields *f, const char *name, bool required, int min,
              int max);
double field_number(const struct fields *f, const char *name, double dflt,
                    double min);
date_t field_date(const struct fields *f, const char *name, bool required);
date_t field_date_node(const struct fields *f, const struct fm_node *n,
                       const char *name);
bool field_time(const struct fields *f, const char *name, bool required,
                struct date_time_range *out);
/* A list of scalars (every item checked against vocab when given). */
struct strlist field_list(const struct fields *f, const char *name,
                          bool required, const struct vocab *vocab);
const char *field_vocab(const struct fields *f, const char *name, bool required,
                        const struct vocab *vocab);
/* An http(s) URL or an e-mail address. */
const char *field_url(const struct fields *f, const char *name);
const char *field_email(const struct fields *f, const char *name);

/* Reports value (at node n) as not in vocab, with the nearest suggestion. */
void field_report_vocab(const struct fields *f, const struct fm_node *n,
                        const char *value, const struct vocab *vocab);

#endif
