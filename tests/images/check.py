#!/usr/bin/python3
"""What tests/images.sh asks of the images in a built site.

    check.py attrs OUT               every <img> has width, height, srcset
    check.py widths OUT              every candidate exists, is as wide as
                                     its descriptor says and no wider than
                                     its largest displayed size
    check.py picture OUT PAGE ALT    the image with alt text ALT on PAGE is
                                     a <picture> with a WebP <source>
    check.py files OUT PAGE ALT      prints every file the image with alt
                                     text ALT on PAGE offers (<img> and the
                                     <source>s of its <picture>)
    check.py alpha OUT PAGE          every file an <img> on PAGE offers is a
                                     PNG with an alpha channel in img/
    check.py og OUT PAGE BASE_URL    PAGE's og:image: a JPEG, <= 1200 wide;
                                     prints the file
    check.py upright MAXW FILE...    each image is a portrait no wider than
                                     MAXW, red above and blue below
    check.py printed PPM             the page (rendered by pdftoppm) shows
                                     the red-above-blue photo upright and
                                     as a portrait
    check.py links OUT               every link to an image file points to a
                                     file in the output; prints the files
    check.py meta FILE...            exiftool finds no metadata a person
                                     could be traced by in any of the files

Widths and pixels are read from the files with vipsheader and vips, never
taken from the HTML. Every failure is one line on stderr; the exit status
is 1 when there was one.
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import urllib.parse

PHOTO_MAX = 1360  # 2 x the 680 CSS px column
LOGO_MAX = 400    # 2 x a logo's 200 CSS px
OG_MAX = 1200
IMAGE_EXT = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".heic",
             ".heif")

failures = 0


def fail(msg):
    global failures
    failures += 1
    print(msg, file=sys.stderr)


class Page(html.parser.HTMLParser):
    """The <img>, <source>, <meta> and <a> elements of one page; an element
    inside a <picture> knows which one."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.picture = None
        self.pictures = 0

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self.pictures += 1
            self.picture = self.pictures
        elif tag in ("img", "source", "meta", "a"):
            self.elements.append((tag, dict(attrs), self.picture))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "picture":
            self.picture = None


def pages(out):
    for top, dirs, files in os.walk(out):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".html"):
                path = os.path.join(top, name)
                p = Page()
                with open(path, encoding="utf-8") as f:
                    p.feed(f.read())
                yield path, p.elements


def resolve(out, page, url, base_url=None):
    """The file in OUT that URL on PAGE names, or None for another site."""
    url = url.split("#")[0].split("?")[0]
    if base_url and url.startswith(base_url):
        return os.path.join(out, urllib.parse.unquote(url[len(base_url):]))
    if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("//"):
        return None
    url = urllib.parse.unquote(url)
    if url.startswith("/"):
        return os.path.join(out, url.lstrip("/"))
    return os.path.normpath(os.path.join(os.path.dirname(page), url))


def srcset(value):
    """[(url, descriptor)] of a srcset attribute."""
    out = []
    for part in re.split(r",\s+", value.strip()):
        bits = part.split()
        if bits:
            out.append((bits[0], bits[1] if len(bits) > 1 else ""))
    return out


header_cache = {}


def header(path):
    """(width, height, bands, loader) of an image file, or None."""
    if path not in header_cache:
        try:
            r = subprocess.run(["vipsheader", "-f", "width", path],
                               capture_output=True, text=True)
            if r.returncode != 0:
                header_cache[path] = None
                return None
            fields = []
            for f in ("width", "height", "bands", "vips-loader"):
                fields.append(subprocess.run(
                    ["vipsheader", "-f", f, path], capture_output=True,
                    text=True).stdout.strip())
            header_cache[path] = (int(fields[0]), int(fields[1]),
                                  int(fields[2]), fields[3])
        except OSError:
            header_cache[path] = None
    return header_cache[path]


def group(path):
    """img/<16 hex>-<width>.<ext> -> img/<16 hex>: every width of one
    picture shares it."""
    return re.sub(r"-[0-9]+\.[a-z]+$", "", path)


def candidates(out, page, attrs):
    """[(file, descriptor, where)] of one <img> or <source>."""
    found = []
    if "src" in attrs:
        found.append((resolve(out, page, attrs["src"]), "", "src"))
    for url, d in srcset(attrs.get("srcset", "")):
        found.append((resolve(out, page, url), d, "srcset"))
    return found


def cmd_attrs(out):
    count = 0
    for page, elements in pages(out):
        for tag, attrs, _ in elements:
            if tag != "img":
                continue
            count += 1
            missing = [a for a in ("width", "height", "srcset")
                       if not attrs.get(a, "").strip()]
            if missing:
                fail("%s: <img src=%r> zonder %s" % (
                    os.path.relpath(page, out), attrs.get("src"),
                    ", ".join(missing)))
    if count == 0:
        fail("geen enkele <img> in %s" % out)


def cmd_widths(out):
    # A logo is what a partner's own page shows; every width of the same
    # picture is held to the logo's maximum wherever it appears.
    logos = set()
    for page, elements in pages(out):
        if re.search(r"/partners/[^/]+/index\.html$", page):
            for tag, attrs, _ in elements:
                if tag in ("img", "source"):
                    for f, _, _ in candidates(out, page, attrs):
                        if f:
                            logos.add(group(f))
    for page, elements in pages(out):
        rel = os.path.relpath(page, out)
        for tag, attrs, _ in elements:
            if tag not in ("img", "source"):
                continue
            for f, d, where in candidates(out, page, attrs):
                if f is None:
                    fail("%s: <%s %s> wijst naar een andere site" % (rel, tag, where))
                    continue
                h = header(f)
                if h is None:
                    fail("%s: <%s %s> %s is geen afbeelding in de uitvoer" % (
                        rel, tag, where, os.path.relpath(f, out)))
                    continue
                limit = LOGO_MAX if group(f) in logos else PHOTO_MAX
                if h[0] > limit:
                    fail("%s: %s is %d px breed, meer dan %d" % (
                        rel, os.path.relpath(f, out), h[0], limit))
                if d and d != "%dw" % h[0]:
                    fail("%s: srcset zegt %s bij %s, het bestand is %d px breed" % (
                        rel, d, os.path.relpath(f, out), h[0]))
            if tag == "img" and "src" in attrs:
                f = resolve(out, page, attrs["src"])
                h = header(f) if f else None
                try:
                    w, hh = int(attrs["width"]), int(attrs["height"])
                except (KeyError, ValueError):
                    continue
                if h and abs(w / hh - h[0] / h[1]) > 0.02 * h[0] / h[1]:
                    fail("%s: width/height %dx%d passen niet bij %s (%dx%d)" % (
                        rel, w, hh, os.path.relpath(f, out), h[0], h[1]))
    for top, _, files in os.walk(os.path.join(out, "img")):
        for name in sorted(files):
            f = os.path.join(top, name)
            m = re.match(r"^[0-9a-f]{16}-([0-9]+)\.(webp|jpg|png)$", name)
            h = header(f)
            if not m:
                fail("img/%s: de naam is niet <16 hex>-<breedte>.webp/.jpg/.png" % name)
            elif h is None or int(m.group(1)) != h[0]:
                fail("img/%s: de naam zegt %s px, het bestand is %s" % (
                    name, m.group(1), h and "%d px" % h[0]))


def cmd_picture(out, page, alt):
    path = os.path.join(out, page)
    elements = dict(pages(out)).get(path)
    if elements is None:
        fail("%s bestaat niet" % page)
        return
    imgs = [(a, p) for t, a, p in elements if t == "img" and a.get("alt") == alt]
    if not imgs:
        fail("%s: geen <img alt=%r>" % (page, alt))
        return
    for attrs, pic in imgs:
        if pic is None:
            fail("%s: <img alt=%r> staat niet in een <picture>" % (page, alt))
            continue
        sources = [a for t, a, p in elements if t == "source" and p == pic]
        webp = [a for a in sources if a.get("type") == "image/webp"]
        if not webp:
            fail("%s: de <picture> van %r heeft geen <source type=\"image/webp\">" % (page, alt))
        for a in webp:
            if not a.get("sizes"):
                fail("%s: de WebP-<source> van %r heeft geen sizes" % (page, alt))
            for f, _, _ in candidates(out, path, a):
                h = f and header(f)
                if not h or h[3] != "webpload":
                    fail("%s: %s in de WebP-<source> is geen WebP" % (page, f))
        for a in ("src", "srcset", "sizes", "width", "height"):
            if not attrs.get(a):
                fail("%s: <img alt=%r> zonder %s" % (page, alt, a))
        for f, _, _ in candidates(out, path, attrs):
            h = f and header(f)
            if not h or h[3] not in ("jpegload", "pngload"):
                fail("%s: %s in <img> is geen JPEG of PNG" % (page, f))


def cmd_files(out, page, alt):
    path = os.path.join(out, page)
    elements = dict(pages(out)).get(path, [])
    found = []
    for t, attrs, pic in elements:
        if t == "img" and attrs.get("alt") == alt:
            found += candidates(out, path, attrs)
            if pic is not None:
                for t2, a2, p2 in elements:
                    if t2 == "source" and p2 == pic:
                        found += candidates(out, path, a2)
    files = set(f for f, _, _ in found if f and os.path.isfile(f))
    if not files:
        fail("%s: geen bestand bij <img alt=%r>" % (page, alt))
    for f in sorted(files):
        print(f)


def cmd_alpha(out, page):
    path = os.path.join(out, page)
    elements = dict(pages(out)).get(path, [])
    seen = 0
    for t, attrs, pic in elements:
        if t != "img":
            continue
        for f, _, _ in candidates(out, path, attrs):
            seen += 1
            h = f and header(f)
            if not h or h[3] != "pngload" or h[2] not in (2, 4):
                fail("%s: %s is geen PNG met doorzichtigheid (%s)" % (page, f, h))
            elif "/img/" not in f:
                fail("%s: %s is niet bewerkt (niet in img/)" % (page, f))
    if not seen:
        fail("%s: geen <img>" % page)


def cmd_og(out, page, base_url):
    path = os.path.join(out, page)
    elements = dict(pages(out)).get(path, [])
    og = [a.get("content", "") for t, a, _ in elements
          if t == "meta" and a.get("property") == "og:image"]
    if len(og) != 1:
        fail("%s: %d og:image in plaats van 1" % (page, len(og)))
        return
    f = resolve(out, path, og[0], base_url)
    h = f and header(f)
    if not h:
        fail("%s: og:image %s is geen afbeelding in de uitvoer" % (page, og[0]))
        return
    if h[3] != "jpegload":
        fail("%s: og:image %s is geen JPEG (%s)" % (page, og[0], h[3]))
    if h[0] > OG_MAX:
        fail("%s: og:image %s is %d px breed, meer dan %d" % (page, og[0], h[0], OG_MAX))
    print(f)


def rgb(path, x, y):
    """The sRGB colour at x, y, whatever the file's colour space."""
    tmp = path + ".srgb.v"
    try:
        subprocess.run(["vips", "colourspace", path, tmp, "srgb"], check=True,
                       capture_output=True)
        r = subprocess.run(["vips", "getpoint", tmp, str(x), str(y)],
                           check=True, capture_output=True, text=True)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    v = [float(s) for s in r.stdout.split()]
    return v[:3] if len(v) >= 3 else v * 3


def red(c):
    return c[0] > 150 and c[1] < 90 and c[2] < 100


def blue(c):
    return c[2] > 120 and c[0] < 100 and c[1] < 110


def cmd_upright(maxw, files):
    if not files:
        fail("geen afbeeldingen om na te kijken")
    for f in files:
        h = header(f)
        if not h:
            fail("%s is geen afbeelding" % f)
            continue
        w, hh = h[0], h[1]
        if not w < hh:
            fail("%s is %dx%d: niet staand" % (f, w, hh))
        if w > maxw:
            fail("%s is %d px breed, meer dan %d" % (f, w, maxw))
        top, bottom = rgb(f, w // 2, hh // 8), rgb(f, w // 2, hh * 7 // 8)
        if not red(top) or not blue(bottom):
            fail("%s: boven %s, onder %s; verwacht rood boven, blauw onder "
                 "(op zijn kant of ondersteboven?)" % (
                     f, [int(v) for v in top], [int(v) for v in bottom]))


def read_ppm(path):
    data = open(path, "rb").read()
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():]


def cmd_printed(ppm):
    w, h, px = read_ppm(ppm)
    boxes = {"rood": [w, h, -1, -1, 0], "blauw": [w, h, -1, -1, 0]}
    for y in range(h):
        for x in range(w):
            i = (y * w + x) * 3
            c = px[i:i + 3]
            for name, test in (("rood", red), ("blauw", blue)):
                if test(c):
                    b = boxes[name]
                    b[0], b[1] = min(b[0], x), min(b[1], y)
                    b[2], b[3] = max(b[2], x), max(b[3], y)
                    b[4] += 1
    for name, b in boxes.items():
        if b[4] < 100:
            fail("geen %s vlak op de pagina (%d pixels)" % (name, b[4]))
            return
    r, b = boxes["rood"], boxes["blauw"]
    if not r[3] <= b[1] + 2:
        fail("rood (%s) staat niet boven blauw (%s): de foto staat op zijn "
             "kant of ondersteboven" % (r[:4], b[:4]))
    width = max(r[2], b[2]) - min(r[0], b[0]) + 1
    height = max(r[3], b[3]) - min(r[1], b[1]) + 1
    if not width < height:
        fail("de foto staat %dx%d pixels op de pagina: niet staand" % (width, height))


def cmd_links(out):
    for page, elements in pages(out):
        for tag, attrs, _ in elements:
            href = attrs.get("href", "")
            if tag != "a" or not href.split("?")[0].lower().endswith(IMAGE_EXT):
                continue
            f = resolve(out, page, href)
            if f is None:
                continue
            if not os.path.isfile(f) or not header(f):
                fail("%s: <a href=%r> wijst naar geen afbeelding in de uitvoer" % (
                    os.path.relpath(page, out), href))
            else:
                print(f)


# exiftool groups that hold nothing but metadata: EXIF (IFD0, ExifIFD, the
# thumbnail's IFD1), GPS, XMP, IPTC, Photoshop, maker notes.
META_GROUPS = re.compile(r"^(IFD[0-9]|ExifIFD|SubIFD|GPS|InteropIFD|XMP|IPTC|"
                         r"Photoshop|MakerNotes|Canon|Nikon|Apple|Samsung)")
# Tags that are metadata whatever group holds them (PNG text chunks show as
# PNG:Author, PNG:Comment, ...; a JPEG comment as File:Comment).
META_TAGS = re.compile(r"^(Author|Comment|Description|Title|Artist|Copyright|"
                       r"Creator|By-line|Orientation|SerialNumber|Model|Make|"
                       r"ImageDescription|ThumbnailImage|PreviewImage|"
                       r"Software|GPS.*)$")


def cmd_meta(files):
    if not files:
        fail("geen afbeeldingen om na te kijken")
        return
    r = subprocess.run(["exiftool", "-j", "-a", "-G1", "-s", "-e"] + files,
                       capture_output=True, text=True)
    try:
        found = json.loads(r.stdout)
    except ValueError:
        fail("exiftool gaf geen JSON: %s" % r.stderr.strip())
        return
    for entry in found:
        for key, value in entry.items():
            if ":" not in key:
                continue
            g, tag = key.split(":", 1)
            if g in ("ExifTool", "System", "Composite"):
                continue
            if META_GROUPS.match(g) or META_TAGS.match(tag):
                fail("%s: %s = %s" % (entry["SourceFile"], key, value))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "attrs":
        cmd_attrs(*args)
    elif cmd == "widths":
        cmd_widths(*args)
    elif cmd == "picture":
        cmd_picture(*args)
    elif cmd == "files":
        cmd_files(*args)
    elif cmd == "alpha":
        cmd_alpha(*args)
    elif cmd == "og":
        cmd_og(*args)
    elif cmd == "upright":
        cmd_upright(int(args[0]), args[1:])
    elif cmd == "printed":
        cmd_printed(*args)
    elif cmd == "meta":
        cmd_meta(args)
    elif cmd == "links":
        cmd_links(*args)
    else:
        sys.exit("check.py: onbekende opdracht %s" % cmd)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
