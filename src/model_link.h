/*
 * model_link.h: what a link target in the content means, decided in one
 * place for check and render alike.
 *
 * Every Markdown link and image, the `foto` of a story and the `logo` of a
 * partner reaches public/ only through link_classify() or link_file().
 * check reports what they refuse (as an error, with the reason they give);
 * render shows a refused link as plain text and copies only what they
 * accept. Because both stages ask the same function, `check` and `build`
 * can never disagree on what gets published.
 *
 * A target is taken apart once (link_parse), the way a browser reads it:
 * scheme, path, query, fragment; the path is percent-decoded. Then:
 *   - external: http, https, mailto, tel, as written; no other scheme;
 *   - an anchor on the same page: "" or "#kop";
 *   - from the site root: "/over-ons/" (check warns: breaks in a subfolder);
 *   - a content document: any target whose path ends in ".md", whatever its
 *     case, with "?", a trailing "/" or written as "%2e". Only the plain
 *     form ("../verhalen/x.md#kop") is a link; any other form is refused.
 *     A .md file is never an attachment;
 *   - an attachment: a regular file inside content/ (its real path, with
 *     symbolic links resolved, too), not hidden (no part of the path starts
 *     with '.'), of an allowed type, and not named like a file zamen itself
 *     writes into the page's folder. It is copied beside the page under
 *     its own name;
 *   - refused, with a reason in Dutch.
 *
 * Allowed attachment types (case-insensitive extension):
 *   images  .jpg .jpeg .png .webp .heic .heif .avif .gif
 *           (Markdown images, logos)
 *   photos  the images but .gif (`foto`)
 *   links   the images and .pdf
 * An image is never published as it is: image.h makes it anew, upright and
 * without metadata, and render publishes what it made instead (in img/).
 * Never HTML, SVG, JS, CSS, XML (they run or style on the site's own
 * origin), nor office documents (they carry hidden names and revisions:
 * publish a PDF instead).
 *
 * Strings in the results belong to the arena passed in.
 */
#ifndef ZAMEN_MODEL_LINK_H
#define ZAMEN_MODEL_LINK_H

#include <stdbool.h>

#include "arena.h"
#include "model.h"

enum link_form {
	LINK_FORM_EMPTY,    /* "" */
	LINK_FORM_FRAGMENT, /* "#kop" */
	LINK_FORM_RELATIVE, /* "foto.jpg", "../activiteiten/x.md" */
	LINK_FORM_ROOT,     /* "/over-ons/" */
	LINK_FORM_NETWORK,  /* "//host/x.png": another site */
	LINK_FORM_SCHEME,   /* "https://...", "mailto:...", "javascript:..." */
};

/* What makes a target unreadable, before its meaning is looked at. */
enum link_flaw {
	LINK_FLAW_NONE,
	LINK_FLAW_CONTROL,   /* a tab, line end or other control character */
	LINK_FLAW_BACKSLASH, /* browsers read '\' as '/' */
	LINK_FLAW_ESCAPE,    /* '%' not followed by two hex digits */
	LINK_FLAW_NUL,       /* "%00" */
	LINK_FLAW_UTF8,      /* percent-escapes that decode to invalid UTF-8 */
};

struct link_target {
	enum link_form form;
	enum link_flaw flaw;
	const char *scheme;   /* FORM_SCHEME: lower case, without ':' */
	const char *path;     /* before '?' and '#'; percent-decoded for
	                         RELATIVE and ROOT, as written otherwise */
	const char *query;    /* after '?', as written; NULL when no '?' */
	const char *fragment; /* after '#', as written; NULL when no '#' */
	bool trailing_slash;  /* path ends in '/' */
};

/* Takes url apart into *t; strings in a. Returns false when t->flaw is set
 * (the other fields are then filled as far as they could be). */
bool link_parse(struct arena *a, const char *url, struct link_target *t);

/* What a link is used for: it decides the allowed types. */
enum link_use {
	LINK_USE_LINK,  /* [tekst](doel) */
	LINK_USE_IMAGE, /* ![alt](doel), and a partner's `logo` */
	LINK_USE_PHOTO, /* a story's `foto` */
};

enum link_kind {
	LINK_EXTERNAL, /* use the url as written */
	LINK_ANCHOR,   /* this page: the url as written */
	LINK_ROOT,     /* from the site root: the url as written */
	LINK_DOC,      /* a content document; see doc */
	LINK_FILE,     /* an attachment; see real and name */
	LINK_REFUSED,  /* never published; see why */
};

enum link_refusal {
	LINK_OK,
	LINK_REFUSED_FLAW,      /* see target.flaw */
	LINK_REFUSED_SCHEME,    /* a scheme other than http(s), mailto, tel */
	LINK_REFUSED_NETWORK,   /* a link "//host/..." */
	LINK_REFUSED_REMOTE,    /* an image that is not a file of the site */
	LINK_REFUSED_DOC_FORM,  /* "x.md?", "x.md/", "X.MD" */
	LINK_REFUSED_QUERY,     /* "foto.jpg?x" */
	LINK_REFUSED_OUTSIDE,   /* not inside content/ */
	LINK_REFUSED_HIDDEN,    /* a dotfile or inside a dot folder */
	LINK_REFUSED_TYPE,      /* not an allowed type for its use */
	LINK_REFUSED_MISSING,   /* no such file */
	LINK_REFUSED_SPECIAL,   /* a folder, FIFO or device */
	LINK_REFUSED_ESCAPES,   /* its real path lies outside content/ */
	LINK_REFUSED_GENERATED, /* zamen writes a file of that name there */
};

struct link {
	enum link_kind kind;
	struct link_target target;
	/* LINK_DOC: the record whose file is path, or NULL when there is
	 * none (check reports it; render shows the text). */
	const struct doc *doc;
	const char *path; /* LINK_DOC, LINK_FILE and most refusals: the
	                     resolved path from the source folder */
	const char *real; /* LINK_FILE: the file to copy, absolute */
	const char *name; /* LINK_FILE: its file name beside the page */
	/* LINK_FILE: the record whose bundle folder holds the file
	 * (content/verhalen/<slug>/...), or NULL. */
	const struct doc *owner;
	enum link_refusal refusal;
	/* LINK_REFUSED: what is wrong and what to do, in Dutch, written to
	 * follow "de link 'x' " or "foto 'x' ". */
	const char *why;
};

/* Classifies url, written in the body of d (use LINK or IMAGE). */
void link_classify(const struct site *s, const struct doc *d, const char *url,
                   enum link_use use, struct arena *a, struct link *out);

/* Classifies a file named in d's front matter (`foto`, `logo`): path is
 * from the source folder, as load_resolve() made it from what was written
 * (NULL when it could not: refused as outside content/). The result is
 * LINK_FILE or LINK_REFUSED. */
void link_file(const struct site *s, const struct doc *d, const char *path,
               enum link_use use, struct arena *a, struct link *out);

/* Whether the attachment l is an image (by its name): published only as
 * image.h makes it anew, never as the file itself. */
bool link_file_is_image(const struct link *l);

/* Whether the attachment l, linked from d, may be published now: a file
 * in the bundle of another record goes out only when that record does, so
 * the photo of an embargoed story cannot leave through another page. Needs
 * site_finish(); render asks it for every file it copies. */
bool link_file_published(const struct link *l, const struct doc *d);

/* The file name of edition e's PDF ("zamen-een-journaal-2026-48.pdf"),
 * written into the edition's folder; render_url.h builds on it. */
const char *link_edition_pdf_name(struct arena *a, const struct site *s,
                                  const struct doc *e);

#endif
