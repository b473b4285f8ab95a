#!/bin/sh
# Photos as a phone gives them (issue 9): every image published goes
# through libvips, upright, without metadata, never wider than it is shown,
# and the original file is never published. Speaks TAP for prove; ZAMEN
# names the binary.
#
# The fixtures are made now by tests/images/make-fixtures.sh (no binary
# fixture in git); tests/images/check.py reads the built pages and images.
# The site is the example site plus a story with a phone photo (phone.jpg:
# Orientation 6, GPS, Artist, serial, XMP, IPTC, a comment), a small body
# image (klein.jpg, also on its side) and a linked large one (groot.jpg),
# a partner with a transparent logo full of PNG text chunks (text.png), and
# edition 2026-47 with the phone story and that partner. Every piece of
# metadata carries a marker GEHEIM-...; none may reach the output.
. tests/tap.sh
PY=/usr/bin/python3
CHECK="$PY $ROOT/tests/images/check.py"
FX=$TMP/fx
S=$TMP/site
TODAY=2026-11-30 # editions 2026-47 and -48 have appeared
BASE=https://www.zameneen.nl/
STORY=$S/content/verhalen/telefoon
PHOTO_ALT="Telefoonfoto, rood boven en blauw onder"
SMALL_ALT="Kleine foto, rood boven en blauw onder"
PDF=journaal/2026-47/zamen-een-journaal-2026-47.pdf

echo "1..29"

sh "$ROOT/tests/images/make-fixtures.sh" "$FX" >"$TMP/err" 2>&1
ok $? "the fixtures are made with python3, vips, exiftool and heif-enc"

# The test is only as good as its fixture: phone.jpg must carry every
# marker and lie on its side until its orientation is applied.
for m in GPS ARTIST MODEL SERIAL DESCR XMP IPTC COMMENT; do
	grep -aq "GEHEIM-$m-" "$FX/phone.jpg" || echo "phone.jpg mist GEHEIM-$m" >>"$TMP/err"
done
grep -aq GEHEIM-PNGTEXT- "$FX/text.png" || echo "text.png mist zijn tEXt" >>"$TMP/err"
[ "$(exiftool -s3 -n -Orientation "$FX/phone.jpg")" = 6 ] &&
	[ "$(vipsheader -f width "$FX/phone.jpg")" = 3200 ] &&
	vips autorot "$FX/phone.jpg" "$TMP/autorot.v" &&
	$CHECK upright 2400 "$TMP/autorot.v" 2>>"$TMP/err" &&
	! $CHECK upright 3200 "$FX/phone.jpg" 2>/dev/null &&
	[ "$(vipsheader -f height "$FX/bomb.png")" = 40000 ] && [ ! -s "$TMP/err" ]
ok $? "the fixture: every marker, on its side, upright once rotated; the bomb claims 40000 px"

# The site.
mkdir -p "$S" && cp -R "$ROOT/site.yaml" "$ROOT/content" "$S/"
mkdir -p "$STORY" "$S/content/partners/fotoclub"
cp "$FX/phone.jpg" "$FX/klein.jpg" "$FX/groot.jpg" "$STORY/"
cp "$FX/text.png" "$S/content/partners/fotoclub/"
cat >"$STORY/index.md" <<EOF
---
titel: Een foto van de telefoon
datum: 2026-11-16
toestemming: 2026-11-01
foto: phone.jpg
foto_alt: $PHOTO_ALT
foto_bijschrift: Zo gaf de telefoon de foto.
foto_credit: Redactie Zamen Een
kern: dronten
---

Een kort verhaal met een foto in de tekst:

![$SMALL_ALT](klein.jpg)

En [de foto in het groot](groot.jpg).
EOF
cat >"$S/content/partners/fotoclub/index.md" <<'EOF'
---
naam: Fotoclub Dronten
sector: [vrijwilligers]
logo: text.png
---

De fotoclub leert u foto's maken met uw telefoon.
EOF
sed -i 's/^verhaal: .*/verhaal: telefoon\nuitgelicht: fotoclub/' "$S/content/journaal/2026-47.md"
cp -R "$S" "$TMP/pristine"

# build N [SOURCE]: builds SOURCE (default the site) into $TMP/oN; the
# messages stay in $TMP/oN.log.
build() {
	run 0 build --source "${2:-$S}" --output "$TMP/o$1" --today "$TODAY"
	status=$?
	cat "$TMP/out" "$TMP/err" >"$TMP/o$1.log"
	return $status
}

# images DIR: every image file under DIR, one a line.
images() {
	find "$1" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \
		-o -iname '*.webp' -o -iname '*.gif' -o -iname '*.avif' \
		-o -iname '*.heic' -o -iname '*.heif' \) | sort
}

# extract PDF DIR: every image of the PDF, as it is stored (pdfimages -all).
extract() {
	mkdir -p "$2" && pdfimages -all "$1" "$2/img"
}

# markers DIR: every file under DIR holding a marker, also inside a PDF's
# compressed streams; silent when there is none.
markers() {
	grep -ral 'GEHEIM-' "$1"
	find "$1" -name '*.pdf' | while read -r pdf; do
		qpdf --qdf --object-streams=disable "$pdf" "$TMP/q.pdf" 2>/dev/null
		grep -aq 'GEHEIM-' "$TMP/q.pdf" && echo "$pdf (uitgepakt)"
	done
}

# photo_of PDF: the largest image of the PDF: "NUM WIDTH HEIGHT ENC XPPI YPPI".
photo_of() {
	pdfimages -list "$1" | awk 'NR > 2 && $3 == "image" {
		print $4 * $5, $2, $4, $5, $9, $13, $14 }' | sort -n | tail -1 | cut -d' ' -f2-
}

# printed PDF NAME: the photo of the PDF is embedded as an upright,
# metadata-free portrait JPEG at no more than ~300 ppi, and placed upright
# as a portrait on the page. Every part is tried, so the log shows each
# one that fails.
printed() {
	bad=0
	extract "$1" "$TMP/$2" || bad=1
	$CHECK meta $(images "$TMP/$2") || bad=1
	set -- "$1" "$2" $(photo_of "$1")
	echo "grootste afbeelding (nr, breed, hoog, soort, ppi x, ppi y): $3 $4 $5 $6 $7 $8"
	[ "$6" = jpeg ] || { echo "niet als JPEG ingebed"; bad=1; }
	awk -v x="$7" -v y="$8" 'BEGIN { exit !(x <= 310 && y <= 310) }' ||
		{ echo "meer dan ~300 ppi"; bad=1; }
	$CHECK upright 100000 "$(ls "$TMP/$2"/img-$(printf %03d "$3").*)" || bad=1
	pdftoppm -r 20 -singlefile "$1" "$TMP/$2-page" &&
		$CHECK printed "$TMP/$2-page.ppm" || bad=1
	return $bad
}

build 1 >/dev/null
ok $? "the site with a phone photo, a body image, a linked image and a logo builds"
O=$TMP/o1

markers "$O" >"$TMP/err"
[ ! -s "$TMP/err" ]
ok $? "no marker of any metadata anywhere in the output, not even inside a PDF"

$CHECK meta $(images "$O") 2>"$TMP/err"
ok $? "exiftool finds no EXIF, GPS, XMP, IPTC, comment, PNG text or orientation in any image"

: >"$TMP/err"
find "$O" -name '*.pdf' >"$TMP/pdfs"
[ -s "$TMP/pdfs" ] || echo "geen PDF in de uitvoer" >"$TMP/err"
i=0
while read -r pdf; do
	i=$((i + 1))
	extract "$pdf" "$TMP/pdf$i" && $CHECK meta $(images "$TMP/pdf$i") 2>>"$TMP/err"
done <"$TMP/pdfs"
[ ! -s "$TMP/err" ]
ok $? "nor in any image pdfimages -all extracts from every PDF"

# Not whole, and not inside another file (a PDF embedding it as it is):
# a slice from the middle of each original is in no output file.
find "$O" -type f >"$TMP/files"
$PY - "$TMP/files" "$FX/phone.jpg" "$FX/klein.jpg" "$FX/groot.jpg" "$FX/text.png" 2>"$TMP/err" <<'EOF'
import sys
files = open(sys.argv[1]).read().split("\n")[:-1]
bad = 0
for orig in sys.argv[2:]:
    data = open(orig, "rb").read()
    mid = data[len(data) // 2:len(data) // 2 + 256]
    for f in files:
        content = open(f, "rb").read()
        if content == data or mid in content:
            print("%s staat in %s" % (orig, f), file=sys.stderr)
            bad = 1
sys.exit(bad)
EOF
ok $? "no original image is in the output, whole or inside a PDF"

$CHECK attrs "$O" 2>"$TMP/err"
ok $? "every <img> on every page has width, height and srcset"

$CHECK widths "$O" 2>"$TMP/err"
ok $? "every srcset candidate exists, is as wide as it says, at most 1360 px (a logo 400); width/height fit"

$CHECK picture "$O" verhalen/telefoon/index.html "$PHOTO_ALT" 2>"$TMP/err" &&
	$CHECK picture "$O" verhalen/telefoon/index.html "$SMALL_ALT" 2>>"$TMP/err"
ok $? "the story photo and the body image: <picture>, WebP <source> with sizes, <img> with srcset and sizes"

$CHECK files "$O" verhalen/telefoon/index.html "$PHOTO_ALT" >"$TMP/phone-files" 2>"$TMP/err" &&
	$CHECK upright 1360 $(cat "$TMP/phone-files") 2>>"$TMP/err"
ok $? "every web variant of phone.jpg is upright and a portrait, at most 1360 px wide"

$CHECK files "$O" verhalen/telefoon/index.html "$SMALL_ALT" >"$TMP/small-files" 2>"$TMP/err" &&
	$CHECK upright 240 $(cat "$TMP/small-files") 2>>"$TMP/err"
ok $? "the 240 px body image is upright and never upscaled"

$CHECK alpha "$O" partners/fotoclub/index.html 2>"$TMP/err"
ok $? "a transparent logo stays transparent: its fallback in img/ is a PNG with alpha"

$CHECK og "$O" verhalen/telefoon/index.html "$BASE" >/dev/null 2>"$TMP/err" &&
	$CHECK og "$O" verhalen/de-boer-op-het-bankje/index.html "$BASE" >/dev/null 2>>"$TMP/err"
ok $? "a story's og:image is a JPEG of at most 1200 px (the phone photo, the 1800 px example)"

$CHECK links "$O" >"$TMP/linked" 2>"$TMP/err" &&
	grep -q . "$TMP/linked" && ! grep -v "^$O/img/" "$TMP/linked" >>"$TMP/err"
ok $? "a link to an image points to a processed copy in img/"

printed "$O/$PDF" build >"$TMP/err" 2>&1
ok $? "build's PDF: the photo an upright portrait JPEG, <= 300 ppi, no metadata, printed upright"

# zamen print writes to krant/ in the source folder.
run 0 print 2026-47 --source "$S" --today "$TODAY" &&
	K=$(find "$S/krant" -name '*.pdf' | head -1) && [ -n "$K" ] &&
	printed "$K" print >>"$TMP/err" 2>&1 && [ -z "$(markers "$S/krant")" ]
ok $? "print's PDF in krant/: the same, and no marker in it"

grep -Eq '^zamen: afbeeldingen: [1-9][0-9]* bewerkt, [0-9]+ uit de cache\.$' "$TMP/o1.log" &&
	[ -n "$(ls -A "$S/.zamen-cache/afbeeldingen" 2>/dev/null)" ]
status=$?
cp "$TMP/o1.log" "$TMP/err"
[ $status -eq 0 ]
ok $? "a cold build says how many images it processed, and keeps them in .zamen-cache/afbeeldingen"

build 2 && grep -Eq '^zamen: afbeeldingen: 0 bewerkt, [1-9][0-9]* uit de cache\.$' "$TMP/o2.log"
status=$?
cp "$TMP/o2.log" "$TMP/err"
[ $status -eq 0 ]
ok $? "a warm build processes no image: '0 bewerkt'"

diff -r "$TMP/o1" "$TMP/o2" >"$TMP/err"
ok $? "the warm build is byte-identical to the cold one"

rm -rf "$S/.zamen-cache" && build 3 && diff -r "$TMP/o1" "$TMP/o3" >"$TMP/err"
ok $? "after rm -rf .zamen-cache the build is byte-identical again"

# HEIC, as an iPhone gives it: a site of its own, so the rest above does
# not hang on it.
H=$TMP/heic
cp -R "$TMP/pristine" "$H" && mkdir -p "$H/content/verhalen/iphone" &&
	cp "$FX/phone.heic" "$H/content/verhalen/iphone/" &&
	cat >"$H/content/verhalen/iphone/index.md" <<'EOF'
---
titel: Een foto van een iPhone
datum: 2026-11-20
toestemming: 2026-11-01
foto: phone.heic
foto_alt: iPhone-foto, rood boven en blauw onder
kern: swifterbant
---

Deze foto kwam als HEIC van een iPhone.
EOF
run 0 check --source "$H" --today "$TODAY" && build h "$H" &&
	[ -f "$TMP/oh/verhalen/iphone/index.html" ]
status=$?
cat "$TMP/oh.log" >>"$TMP/err" 2>/dev/null
[ $status -eq 0 ]
ok $? "a story with a HEIC photo passes check, builds and is published"

$CHECK files "$TMP/oh" verhalen/iphone/index.html "iPhone-foto, rood boven en blauw onder" \
	>"$TMP/heic-files" 2>"$TMP/err" &&
	! grep -qi '\.heic$' "$TMP/heic-files" &&
	$CHECK upright 1360 $(cat "$TMP/heic-files") 2>>"$TMP/err" &&
	$CHECK meta $(images "$TMP/oh") 2>>"$TMP/err" &&
	! grep -ral 'GEHEIM-' "$TMP/oh" >>"$TMP/err"
ok $? "the HEIC is published as upright WebP/JPEG without its metadata"

# broken NAME FILE [LINE_FILE SED]: a copy of the site where FILE (from the
# fixtures) replaces what the sed script SED on LINE_FILE (relative to
# content/) names; check must say so.
broken() {
	B=$TMP/bad-$1
	rm -rf "$B" && cp -R "$TMP/pristine" "$B" &&
		cp "$FX/$2" "$(dirname "$B/content/$3")/" && sed -i "$4" "$B/content/$3"
}

# fails_at NAME WHERE WHAT: check of bad-NAME exits 1 within 20 seconds
# with an error at WHERE ("file:line:col") about WHAT.
fails_at() {
	timeout 20 "$ZAMEN" check --source "$TMP/bad-$1" --today "$TODAY" >"$TMP/out" 2>"$TMP/err"
	[ $? -eq 1 ] && grep -q "^content/$2: fout: $3" "$TMP/err"
}

F=verhalen/telefoon/index.md
broken jpg truncated.jpg $F 's/^foto: phone.jpg$/foto: truncated.jpg/' &&
	fails_at jpg "$F:5:7" "foto 'truncated.jpg'"
ok $? "check: a truncated JPEG is an error at its foto line"

broken png truncated.png $F 's/^foto: phone.jpg$/foto: truncated.png/' &&
	fails_at png "$F:5:7" "foto 'truncated.png'"
ok $? "check: a truncated PNG is an error at its foto line"

broken bomb bomb.png $F 's/^foto: phone.jpg$/foto: bomb.png/' &&
	fails_at bomb "$F:5:7" "foto 'bomb.png'"
ok $? "check: a 40000 x 40000 PNG is an error at its foto line, within 20 s"

broken heic truncated.heic $F 's/^foto: phone.jpg$/foto: truncated.heic/' &&
	fails_at heic "$F:5:7" "foto 'truncated.heic'" &&
	grep "^content/$F:5:7: fout:" "$TMP/err" | sed 's/^[^ ]* fout: //' |
	grep -i 'jpeg' | grep -Eqi 'telefoon|iphone'
ok $? "check: an unreadable HEIC is an error at its foto line that says how to get a JPEG from the phone"

# The body image's link: line 14, the column where its target starts.
col=$((2 + ${#SMALL_ALT} + 2 + 1))
broken body truncated.png $F 's/(klein.jpg)$/(truncated.png)/' &&
	fails_at body "$F:14:$col" ".*'truncated.png'"
ok $? "check: a truncated body image is an error at its link"

broken logo truncated.png partners/fotoclub/index.md 's/^logo: text.png$/logo: truncated.png/' &&
	fails_at logo "partners/fotoclub/index.md:4:7" "logo 'truncated.png'"
ok $? "check: a truncated logo is an error at its logo line"

tap_end
