#!/usr/bin/env python3
"""Generates a large, valid zamen site for benchmarks.

    gen.py OUT [FILES]

FILES (default 10000) content files: 60% stories, 30% activities, 10%
partners, plus one edition per week and three pages. The Markdown is
realistic: headings, paragraphs with emphasis and links to other content
files, lists and quotes. The same arguments always give the same tree.
"""
import os
import random
import sys

WORDS = ("de het een en van in op met voor niet maar ook als dan nog al bij "
         "koffie buurt samen alleen vrijwilliger gesprek dorp week middag "
         "ochtend huis tafel moeder vader kinderen vriend bankje polder "
         "wandelen luisteren verhaal herinnering winter zomer tuin kerk "
         "bibliotheek buurman buurvrouw telefoon bezoek eten lachen").split()
KERNEN = ["dronten", "biddinghuizen", "swifterbant"]
THEMAS = ["rouw", "mantelzorg", "verhuizing", "pensioen", "gezondheid"]
CATS = ["ontmoeting", "maatje", "luisterend-oor", "cursus", "uitje"]
SECTOREN = ["zorg", "welzijn", "kerk", "moskee", "gemeente", "bibliotheek"]
DAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
         "zaterdag", "zondag"]


def sentence(r):
    words = [r.choice(WORDS) for _ in range(r.randint(6, 16))]
    if r.random() < 0.2:
        i = r.randrange(len(words))
        words[i] = "*" + words[i] + "*"
    return " ".join(words).capitalize() + "."


def paragraph(r, link=None):
    text = " ".join(sentence(r) for _ in range(r.randint(3, 6)))
    if link:
        text += " Lees ook [dit](%s)." % link
    return text


def body(r, n_par, links):
    out = []
    for i in range(n_par):
        if i and i % 3 == 0:
            out.append("## " + sentence(r).rstrip("."))
        if i == 2:
            out.append("\n".join("- " + sentence(r) for _ in range(3)))
        elif i == 4:
            out.append("> " + sentence(r))
        out.append(paragraph(r, r.choice(links) if links and i % 2 else None))
    return "\n\n".join(out) + "\n"


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    root = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    r = random.Random(48)
    n_stories, n_acts = total * 6 // 10, total * 3 // 10
    n_partners = total - n_stories - n_acts

    write(root, "site.yaml", """titel: Zamen Een (benchmark)
basis_url: https://www.zameneen.nl/
kernen: [%s]
themas: [%s]
categorieen: [%s]
sectoren: [%s]
contact:
  naam: Contactpunt Zamen Een
  telefoon: 0321 760 000
journaal:
  naam: Zamen Een Journaal
  krant: Flevopost
""" % (", ".join(KERNEN), ", ".join(THEMAS), ", ".join(CATS),
       ", ".join(SECTOREN)))

    for i in range(n_partners):
        write(root, "content/partners/partner-%d.md" % i, """---
naam: Organisatie %d
sector: [%s]
website: https://www.example.org/%d
telefoon: 0321 %06d
email: info%d@example.org
convenant: 2025-%02d-%02d
---

%s""" % (i, r.choice(SECTOREN), i, i, i, r.randint(1, 12), r.randint(1, 28),
         body(r, 2, [])))

    for i in range(n_acts):
        if i % 5 == 0:
            when = "datum: 2027-%02d-%02d" % (r.randint(1, 12),
                                              r.randint(1, 28))
        else:
            elke = r.choice(["week", "maand"])
            when = """herhaling:
  elke: %s
  dag: %s
  van: 2026-01-0%d""" % (elke, DAGEN[(i + 3) % 7], (i % 7) + 1)
            if elke == "maand":
                when += "\n  week: %s" % r.choice(["1", "2", "3", "laatste"])
        write(root, "content/activiteiten/activiteit-%d.md" % i, """---
titel: Activiteit %d
categorie: %s
organisator: partner-%d
kern: %s
locatie: Dorpshuis %d
%s
tijd: 10:00-11:30
kosten: gratis
---

%s""" % (i, r.choice(CATS), r.randrange(n_partners), r.choice(KERNEN), i,
         when, body(r, 3, ["../partners/partner-%d.md" % r.randrange(
             n_partners)])))

    for i in range(n_stories):
        links = ["../activiteiten/activiteit-%d.md" % r.randrange(n_acts),
                 "verhaal-%d.md" % r.randrange(n_stories)]
        write(root, "content/verhalen/verhaal-%d.md" % i, """---
titel: Verhaal %d
datum: 2026-%02d-%02d
toestemming: 2025-12-01
auteur: Verteller %d
kern: %s
themas: [%s]
intro: "%s"
---

%s""" % (i, 1 if i < 45 else r.randint(1, 10), r.randint(1, 28), i,
         r.choice(KERNEN),
         r.choice(THEMAS), sentence(r), body(r, 8, links)))

    for week in range(1, 45):
        write(root, "content/journaal/2026-%02d.md" % week, """---
datum: %s
verhaal: verhaal-%d
---

%s""" % (__import__("datetime").date.fromisocalendar(2026, week, 3),
         week, paragraph(r)))

    for slug in ("over-ons", "contactpunt", "telefooncirkels"):
        write(root, "content/%s.md" % slug,
              "---\ntitel: %s\n---\n\n%s" % (slug, body(r, 4, [])))


if __name__ == "__main__":
    main()
