#!/usr/bin/python3
"""Walks every HTML page of a built site and checks each link and asset.

    linkwalk.py PUBLIC

- a relative href/src (and every srcset candidate) must resolve to a file in PUBLIC (a folder to its
  index.html), and a #fragment to an id on that page;
- pages link relatively: no href or src starts with '/', except on 404.html,
  which a host serves at any address;
- nothing is loaded from elsewhere: stylesheets, icons, images and scripts
  are relative; external links (http, https, mailto, tel) are only <a>;
- no page needs JavaScript: there is no <script>.
Prints one line per problem and exits 1 when there is any.
"""
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs = []   # (tag, attr, value)
        self.ids = set()
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "script":
            self.scripts += 1
        # The canonical URL is absolute by definition (basis_url).
        if tag == "link" and a.get("rel") == "canonical":
            return
        for attr in ("href", "src"):
            if attr in a and a[attr] is not None:
                self.refs.append((tag, attr, a[attr]))
        # Every candidate of a srcset ("x-480.webp 480w, ...") is a file.
        if a.get("srcset"):
            for candidate in a["srcset"].split(","):
                if candidate.strip():
                    self.refs.append((tag, "srcset",
                                      candidate.split()[0]))


def parse(path, cache):
    if path not in cache:
        p = Page()
        with open(path, encoding="utf-8") as f:
            p.feed(f.read())
        cache[path] = p
    return cache[path]


def main():
    root = os.path.abspath(sys.argv[1])
    problems = []
    cache = {}
    pages = []
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith(".html"):
                pages.append(os.path.join(d, f))
    pages.sort()
    checked = 0
    for page in pages:
        rel = os.path.relpath(page, root)
        p = parse(page, cache)
        if p.scripts:
            problems.append("%s: <script> gevonden" % rel)
        for tag, attr, value in p.refs:
            checked += 1
            u = urlsplit(value)
            if u.scheme in ("http", "https"):
                if tag != "a":
                    problems.append("%s: <%s %s> laadt van buiten: %s"
                                    % (rel, tag, attr, value))
                continue
            if u.scheme in ("mailto", "tel"):
                continue
            if u.scheme:
                problems.append("%s: onbekend schema: %s" % (rel, value))
                continue
            if value.startswith("/"):
                if rel != "404.html":
                    problems.append("%s: absolute link: %s" % (rel, value))
                target = os.path.join(root, unquote(u.path).lstrip("/"))
            elif u.path:
                target = os.path.normpath(
                    os.path.join(os.path.dirname(page), unquote(u.path)))
            else:
                target = page
            if not target.startswith(root):
                problems.append("%s: link buiten de site: %s" % (rel, value))
                continue
            if os.path.isdir(target):
                if not value.split("#")[0].endswith("/") and u.path:
                    problems.append("%s: map zonder '/': %s" % (rel, value))
                target = os.path.join(target, "index.html")
            if not os.path.isfile(target):
                problems.append("%s: %s wijst naar niets" % (rel, value))
                continue
            if u.fragment and target.endswith(".html"):
                if unquote(u.fragment) not in parse(target, cache).ids:
                    problems.append("%s: anker bestaat niet: %s"
                                    % (rel, value))
    for line in problems[:40]:
        print(line)
    if len(problems) > 40:
        print("... en nog %d" % (len(problems) - 40))
    print("# %d pagina's, %d links en bronnen, %d problemen"
          % (len(pages), checked, len(problems)))
    return 1 if problems or not pages else 0


if __name__ == "__main__":
    sys.exit(main())
