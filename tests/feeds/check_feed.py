#!/usr/bin/python3
"""Reads the Atom feed gen wrote with a real feed parser.

    check_feed.py OUTDIR

OUTDIR holds feed.xml, published.txt ("DATE URL" of every published story
and edition) and forbidden.txt (see gen.c). Checks that python3-feedparser
reads the feed without complaint (bozo 0) as Atom 1.0; that it holds the 20
newest published items, newest first (one date: by URL), each with an
absolute link equal to its id and an updated date that is its datum at
midnight in Amsterdam; that every link in the feed is absolute; and that no
author name in the feed is one of the forbidden strings. Prints what differs
and exits 1 when anything does.
"""
import datetime as dt
import os
import sys
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import feedparser

MAX_ENTRIES = 20  # render_feed.h: FEED_MAX_ENTRIES
AMS = ZoneInfo("Europe/Amsterdam")
problems = []


def problem(msg):
    problems.append(msg)


def absolute(url):
    u = urlparse(url)
    return u.scheme in ("http", "https") and bool(u.netloc)


def midnight(date):
    d = dt.datetime.combine(dt.date.fromisoformat(date), dt.time(0), AMS)
    return d.isoformat()


def main():
    out = sys.argv[1]
    with open(os.path.join(out, "published.txt"), encoding="utf-8") as f:
        items = [line.split() for line in f if line.strip()]
    with open(os.path.join(out, "forbidden.txt"), encoding="utf-8") as f:
        forbidden = [line.rstrip("\n") for line in f if line.strip()]
    # Newest first; on one date by URL (all URLs share basis_url).
    items.sort(key=lambda i: i[1])
    items.sort(key=lambda i: i[0], reverse=True)
    want = items[:MAX_ENTRIES]

    feed = feedparser.parse(os.path.join(out, "feed.xml"))
    if feed.bozo:
        problem(f"feedparser: {feed.bozo_exception}")
    if feed.version != "atom10":
        problem(f"not read as Atom 1.0 but as {feed.version!r}")
    for link in feed.feed.get("links", []):
        if not absolute(link.href):
            problem(f"feed link {link.href} is not absolute")
    if not absolute(feed.feed.get("id", "")):
        problem("the feed's id is not an absolute URL")
    got = [(e.get("updated", ""), e.get("link", "")) for e in feed.entries]
    if len(got) != len(want):
        problem(f"{len(got)} entries, expected {len(want)}")
    for i, (g, w) in enumerate(zip(got, want)):
        if g[1] != w[1]:
            problem(f"entry {i + 1} is {g[1]}, expected {w[1]}")
        elif g[0] != midnight(w[0]):
            problem(f"entry {i + 1} updated {g[0]}, expected "
                    f"{midnight(w[0])}")
    for e in feed.entries:
        if e.get("id") != e.get("link"):
            problem(f"entry id {e.get('id')} is not its link")
        for link in e.get("links", []):
            if not absolute(link.href):
                problem(f"entry link {link.href} is not absolute")
        if not e.get("title"):
            problem(f"entry {e.get('id')} has no title")
        for a in e.get("authors", []):
            if a.get("name") in forbidden:
                problem(f"entry {e.get('id')} names {a.get('name')}")
    print(f"# feed.xml: {len(feed.entries)} entries")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
