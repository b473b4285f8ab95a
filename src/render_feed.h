/*
 * render_feed.h: the Atom feed (RFC 4287) of stories and Journaal editions,
 * public/feed.xml.
 *
 * The feed holds the FEED_MAX_ENTRIES newest published stories and
 * published editions together, newest `datum` first; on one date the entry
 * whose page path sorts first comes first (so an edition before the story
 * of the same day), which keeps the order independent of file order.
 * Twenty covers several weeks of the weekly page, which is what a feed
 * reader needs to catch up; older items stay on the site's own lists.
 *
 * Each entry:
 *   id         the absolute URL of its page (basis_url + url_story() or
 *              url_edition()): stable for as long as the slug and the site's
 *              address are, and what readers already show as the link;
 *   title      the story's titel; an edition is "<journaal naam>, editie
 *              48 (2026)", as it has no title of its own;
 *   link       rel="alternate" to that page;
 *   published, updated   its `datum` at 00:00 in Amsterdam, with the UTC
 *              offset of that night ("2026-11-18T00:00:00+01:00"): content
 *              carries no time of publication and no date of change;
 *   summary    doc.samenvatting as plain text, left out when empty;
 *   author     story_author() only, so never for an anonymous story and
 *              never for an edition; those entries have the feed's author,
 *              the site itself (config.titel), which RFC 4287 requires
 *              whenever an entry has none;
 *   category   one per thema of a story.
 * The feed's own id is its absolute URL (basis_url + "feed.xml"), its
 * updated the newest entry's, or the start of `today` when there are no
 * entries at all; nothing depends on the clock, so the same site and today
 * give the same bytes. Text is escaped for XML, and characters XML 1.0 does
 * not allow (control characters other than tab and line feed) are dropped.
 */
#ifndef ZAMEN_RENDER_FEED_H
#define ZAMEN_RENDER_FEED_H

#include "model.h"

#define FEED_MAX_ENTRIES 20

/* The Atom document, newly allocated and NUL-terminated; the caller frees
 * it with g_free(). The site is only read. */
char *feed_atom(const struct site *s);

#endif
