#!/bin/sh
# The guarantees of `zamen build`, checked on real builds (TAP for prove):
# determinism, relative links that all resolve, privacy, escaping on every
# page kind, atomic failure, stale files removed, the output guard, and the
# layouts fallback. ZAMEN names the binary under test.
. tests/tap.sh
PY=/usr/bin/python3
TODAY=2026-11-22

build() { # SOURCE OUTPUT [more options]
	src=$1
	out=$2
	shift 2
	"$ZAMEN" build --source "$src" --output "$out" --today "$TODAY" "$@" \
		>"$TMP/out" 2>"$TMP/err"
}

echo "1..19"

build "$ROOT" "$TMP/a"
ok $? "the example site builds"

build "$ROOT" "$TMP/b" && diff -r "$TMP/a" "$TMP/b" >"$TMP/err"
ok $? "two builds of the same sources and --today are byte-identical"

$PY "$ROOT/tests/website/linkwalk.py" "$TMP/a" >"$TMP/err"
ok $? "every link and asset of every page resolves, relatively, without scripts"

# Privacy: the anonymous storyteller, the draft and the embargoed story.
! grep -rqi "Gerda" "$TMP/a" >"$TMP/err"
ok $? "the name of the anonymous author appears nowhere"

! grep -rq "na-mijn-beroerte\|Na mijn beroerte" "$TMP/a" &&
	! grep -rqi "ik-weet-hoe-het-voelt\|Ik weet hoe het voelt" "$TMP/a" &&
	[ ! -e "$TMP/a/journaal/2026-48" ] && [ ! -e "$TMP/a/journaal/2026-49" ]
ok $? "drafts, embargoed stories and editions appear nowhere"

p="$TMP/a/activiteiten/aftrap-week-tegen-eenzaamheid/index.html"
# (The partner's own text links to it on purpose; its activity list may not.)
grep -q "Deze activiteit is voorbij" "$p" &&
	! grep -rq "aftrap-week-tegen-eenzaamheid" "$TMP/a/activiteiten/index.html" \
		"$TMP/a/index.html" "$TMP/a/activiteiten/week" \
		"$TMP/a/activiteiten/kern" "$TMP/a/activiteiten/categorie" &&
	! grep -q 'kaart-titel"><a href="../../activiteiten/aftrap' \
		"$TMP/a/partners/gemeente-dronten/index.html" &&
	grep -q 'kaart-titel"><a href="../../activiteiten/koffieochtend-meerpaal/' \
		"$TMP/a/partners/welzijn-dronten/index.html"
ok $? "a past activity keeps its page, marked, and leaves the lists"

# Escaping: every free text of tests/sites/hostile is <script>.
build "$ROOT/tests/sites/hostile" "$TMP/h"
ok $? "the hostile site builds"

# (The calendars are plain text, where <script> is just text: not checked.)
! grep -rq --include='*.html' --include='*.xml' "<script\|javascript:" "$TMP/h" >"$TMP/err"
ok $? "no hostile markup or javascript: URL survives in any page or feed"

missing=""
for page in index.html verhalen/index.html verhalen/verhaal/index.html \
	activiteiten/index.html activiteiten/activiteit/index.html \
	partners/index.html partners/partner/index.html journaal/index.html \
	journaal/2026-47/index.html pagina/index.html 404.html; do
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" "$TMP/h/$page" ||
		missing="$missing $page"
done
echo "$missing" >"$TMP/err"
[ -z "$missing" ]
ok $? "the hostile title is shown escaped on every page kind"

# Atomicity: a failing build leaves the output exactly as it was.
cp -r "$TMP/a" "$TMP/a-before"
mkdir -p "$TMP/broken"
cp -r "$ROOT/site.yaml" "$ROOT/content" "$TMP/broken/"
printf -- '---\ntitel: Kapot\n---\n' >"$TMP/broken/content/verhalen/kapot.md"
build "$TMP/broken" "$TMP/a"
[ $? -eq 1 ] && diff -r "$TMP/a-before" "$TMP/a" >"$TMP/err" &&
	! ls -d "$TMP"/a.zamen-* >/dev/null 2>&1
ok $? "a build with content errors leaves the output untouched"

rm -f "$TMP/broken/content/verhalen/kapot.md"
cp -r "$ROOT/layouts" "$TMP/broken/layouts"
printf '{{%%AUTOESCAPE context="HTML"}}{{#OPEN}}' >"$TMP/broken/layouts/page.tpl"
build "$TMP/broken" "$TMP/a"
[ $? -eq 1 ] && grep -q "page.tpl: fout: layout is ongeldig" "$TMP/err" &&
	diff -r "$TMP/a-before" "$TMP/a" >/dev/null
ok $? "a broken layout is named and stops the build before writing"

# The source's own layouts win over the project's.
cp "$ROOT/layouts/page.tpl" "$TMP/broken/layouts/page.tpl"
sed -i 's|<h1>{{TITEL}}</h1>|<h1 class="eigen">{{TITEL}}</h1>|' "$TMP/broken/layouts/page.tpl"
build "$TMP/broken" "$TMP/own" && grep -q 'class="eigen"' "$TMP/own/over-ons/index.html" &&
	! grep -q 'class="eigen"' "$TMP/a/over-ons/index.html"
ok $? "a source with its own layouts/ is built with them"

# Own web layouts without a print design: printed with the project's.
rm -rf "$TMP/broken/layouts/journaal" "$TMP/broken/layouts/fonts"
build "$TMP/broken" "$TMP/webonly" &&
	[ -s "$TMP/webonly/journaal/2026-47/zamen-een-journaal-2026-47.pdf" ]
ok $? "own web layouts without a print design still give the edition PDFs"

echo stale >"$TMP/a/verouderd.html"
build "$ROOT" "$TMP/a" && [ ! -e "$TMP/a/verouderd.html" ] &&
	diff -r "$TMP/a-before" "$TMP/a" >"$TMP/err"
ok $? "files no longer produced disappear"

cp -r "$ROOT/site.yaml" "$ROOT/content" "$TMP/self/" 2>/dev/null ||
	{ mkdir -p "$TMP/self" && cp -r "$ROOT/site.yaml" "$ROOT/content" "$TMP/self/"; }
build "$TMP/self" "$TMP/self"
[ $? -eq 2 ] && [ -f "$TMP/self/site.yaml" ] && grep -q "is de bronmap of bevat hem" "$TMP/err"
ok $? "the source folder is never the output (refused, exit 2; tests/output.sh has the rest)"

# The photo (1800 x 1200) is shared as a JPEG of 1200 px, made anew.
story="$TMP/a/verhalen/de-boer-op-het-bankje/index.html"
og=$(sed -n 's|.*property="og:image" content="https://www.zameneen.nl/\(img/[0-9a-f]\{16\}-1200\.jpg\)".*|\1|p' "$story")
grep -q '<html lang="nl">' "$TMP/a/index.html" &&
	grep -q '<link rel="canonical" href="https://www.zameneen.nl/verhalen/' "$story" &&
	[ -n "$og" ] && [ "$(vipsheader -f width "$TMP/a/$og")" = 1200 ] &&
	[ "$(vipsheader -f height "$TMP/a/$og")" = 800 ] &&
	grep -q 'property="og:image:width" content="1200"' "$story" &&
	grep -q 'property="og:image:height" content="800"' "$story" &&
	grep -q 'property="og:image:alt" content="Een houten bank' "$story" &&
	[ ! -e "$TMP/a/verhalen/de-boer-op-het-bankje/foto.jpg" ] &&
	! grep -rq 'url(http\|@import' "$TMP/a/assets/zamen.css"
ok $? "canonical and Open Graph are absolute, photos (made anew) and fonts self-hosted"

# The images: made once into a cold cache, then taken from it; made
# again after the cache is removed, the same bytes.
mkdir -p "$TMP/fresh"
cp -r "$ROOT/site.yaml" "$ROOT/content" "$TMP/fresh/"
build "$TMP/fresh" "$TMP/cold" && grep -q '^zamen: afbeeldingen: [1-9][0-9]* bewerkt, ' "$TMP/out" &&
	build "$TMP/fresh" "$TMP/warm" && grep -q '^zamen: afbeeldingen: 0 bewerkt, [1-9][0-9]* uit de cache\.$' "$TMP/out"
ok $? "a second build takes every image from the cache and says so: 0 bewerkt"

rm -rf "$TMP/fresh/.zamen-cache"
build "$TMP/fresh" "$TMP/again" && diff -r "$TMP/cold" "$TMP/warm" >"$TMP/err" &&
	diff -r "$TMP/cold" "$TMP/again" >>"$TMP/err" && diff -r "$TMP/a" "$TMP/cold" >>"$TMP/err" &&
	[ -n "$(ls "$TMP/again/img")" ]
ok $? "the same tree, byte for byte, from a cold cache, a warm one and after rm -rf .zamen-cache"

grep -q 'href="../activiteiten/samen-eten-swifterbant/"' \
	"$TMP/a/journaal/2026-47/index.html" 2>/dev/null ||
	grep -rq 'href="../../activiteiten/samen-eten-swifterbant/"' \
		"$TMP/a/verhalen/de-boer-op-het-bankje/index.html"
ok $? "a Markdown link to a content file becomes that page's relative URL"

tap_end
