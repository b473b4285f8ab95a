#!/bin/sh
# `zamen print`: the newspaper page checked the way a print shop would,
# with poppler-utils and qpdf. Speaks TAP for prove; ZAMEN names the binary.
#
# The fixture site is tests/print/site: 2026-48 fits (photo, anonymous
# storyteller, partner), 2026-49 does not (the copy-fit message below is
# the one an editor must get), 2026-50 is a draft, 2026-51 has a CMYK photo
# under 200 ppi. The messages are written by hand; when the design in
# layouts/journaal/ontwerp.yaml changes, the numbers in them may change
# with it. The phone photos at the end are made here, with vips and
# exiftool (Debian: libvips-tools, libimage-exiftool-perl).
. tests/tap.sh
SITE=$ROOT/tests/print/site

# mm VALUE_IN_PT: the value in millimetres, one decimal.
mm() {
	awk -v p="$1" 'BEGIN { printf "%.1f", p * 25.4 / 72 }'
}

# box NAME FILE: "x0 y0 x1 y1" of a page box in millimetres.
box() {
	pdfinfo -box "$2" | awk -v b="$1:" '$1 == b {
		printf "%.1f %.1f %.1f %.1f", $2 * 25.4 / 72, $3 * 25.4 / 72,
		    $4 * 25.4 / 72, $5 * 25.4 / 72 }'
}

# text FILE: the page's text on one line; words broken with a hyphen at a
# line end are joined again.
text() {
	pdftotext "$1" - | awk '{ printf "%s\n", $0 }' |
		sed -e ':a' -e 'N' -e '$!ba' -e 's/[-‐]\n//g' -e 's/\n/ /g'
}

# page_content FILE: the page's content stream, uncompressed.
page_content() {
	qpdf --qdf --object-streams=disable "$1" - |
		awk '/^%% Contents for page 1/ { on = 1; next }
		     on && /^endstream/ { exit }
		     on { print }'
}

P=$TMP/p48.pdf
echo "1..40"

run 0 print 2026-48 --source "$SITE" --output "$P" --today 2026-11-22 &&
	grep -q "^zamen: krantenpagina geschreven: $P\$" "$TMP/out" &&
	grep -Eq '^zamen: het verhaal past; er is nog ruimte voor [0-9]+ regels \(ongeveer [0-9]+ woorden\)\.$' "$TMP/out" &&
	[ ! -s "$TMP/err" ] && [ -s "$P" ]
ok $? "an edition that fits is written, with the room left"

[ "$(box MediaBox "$P")" = "0.0 0.0 266.0 398.0" ]
ok $? "MediaBox is the trim size, 266 x 398 mm, to 0.1 mm"

qpdf --qdf --object-streams=disable "$P" "$TMP/q48.pdf" &&
	! grep -aq '/TrimBox\|/BleedBox' "$TMP/q48.pdf"
ok $? "without bleed or crop marks there is no TrimBox or BleedBox"

pdffonts "$P" | tail -n +3 >"$TMP/fonts" && [ -s "$TMP/fonts" ] &&
	awk '$(NF-4) != "yes" { exit 1 }' "$TMP/fonts" &&
	! grep -Ev '^[A-Z]{6}\+(Lato|NotoSerif)-' "$TMP/fonts"
ok $? "every font is embedded, and only the fonts of layouts/fonts/"

text "$P" >"$TMP/t48.txt" &&
	grep -q 'Zamen Een Journaal' "$TMP/t48.txt" &&
	grep -q 'Nummer 48' "$TMP/t48.txt" &&
	grep -q 'woensdag 25 november 2026' "$TMP/t48.txt" &&
	grep -q 'Elke week in Flevopost' "$TMP/t48.txt"
ok $? "the masthead: name, number, Dutch date, the newspaper"

grep -q 'Gerda en de stille zondagen' "$TMP/t48.txt" &&
	grep -q 'Door de week red ik me wel' "$TMP/t48.txt" &&
	grep -q 'Het bankje waar Gerda op zondag graag zit' "$TMP/t48.txt" &&
	grep -q 'Een briefje in de bus' "$TMP/t48.txt" &&
	grep -q 'soms zeggen we niets' "$TMP/t48.txt"
ok $? "the story: headline, intro, caption, heading, the end of the body"

grep -q 'DEZE WEEK' "$TMP/t48.txt" &&
	grep -q 'Donderdag 26 november' "$TMP/t48.txt" &&
	grep -q 'Koffieochtend in De Meerpaal' "$TMP/t48.txt" &&
	grep -q '10.00–11.30 uur · De' "$TMP/t48.txt" &&
	grep -q 'Samen eten in De Ark' "$TMP/t48.txt" &&
	grep -q '€ 6,00' "$TMP/t48.txt" &&
	grep -q 'Maandag 30 november' "$TMP/t48.txt"
ok $? "Deze week: the activities by day, with time, place and cost"

grep -q 'VAN DE REDACTIE' "$TMP/t48.txt" &&
	grep -q 'Deze week het verhaal van Gerda' "$TMP/t48.txt" &&
	grep -q 'UITGELICHT' "$TMP/t48.txt" && grep -q 'Welzijn Dronten' "$TMP/t48.txt" &&
	grep -q 'Contactpunt Zamen' "$TMP/t48.txt" && grep -q '0321 760 000' "$TMP/t48.txt" &&
	grep -q 'contactpunt@zameneen.nl' "$TMP/t48.txt"
ok $? "the editorial, the partner in the spotlight and the contact box"

grep -q 'Vertel ook uw verhaal' "$TMP/t48.txt" &&
	grep -q 'Heeft u zelf ervaren hoe het is om alleen te zijn' "$TMP/t48.txt"
ok $? "under a short story there is room for the call for stories"

! grep -q 'Verborgen' "$TMP/t48.txt" && ! grep -aq 'Verborgen' "$TMP/q48.pdf" &&
	! pdfinfo "$P" | grep -q 'Verborgen' &&
	grep -q 'De verteller blijft liever' "$TMP/t48.txt"
ok $? "an anonymous storyteller's name is nowhere in the PDF"

page_content "$P" >"$TMP/c48" && [ -s "$TMP/c48" ] &&
	! grep -Eq '(^|[ ])(rg|RG|sc|scn|SC|SCN|cs|CS)([ ]|$)' "$TMP/c48"
ok $? "no RGB colour operators in the page"

grep -Eq '(^|[ ])0 g([ ]|$)' "$TMP/c48" &&
	! grep -Eq '(^|[ ])0 0 0 1 k([ ]|$)' "$TMP/c48" &&
	grep -Eq '(^|[ ])[0-9.]+ [0-9.]+ [0-9.]+ [0-9.]+ k([ ]|$)' "$TMP/c48" &&
	grep -Eq '(^|[ ])0 0.58 0.8 0.06 k([ ]|$)' "$TMP/c48"
ok $? "black is pure K (0 g), the accent colour is the design's CMYK"

! grep -aq '/Group' "$TMP/q48.pdf" && ! grep -aq '/SMask' "$TMP/q48.pdf"
ok $? "no transparency group and no soft mask"

pdfimages -list "$P" | awk 'NR > 2 { print $9 }' | grep -qx jpeg &&
	pdfimages -j "$P" "$TMP/img" && [ -s "$TMP/img-000.jpg" ] &&
	! cmp -s "$TMP/img-000.jpg" "$SITE/content/verhalen/gerda/foto.jpg"
ok $? "the photo is a JPEG made anew, never the photographer's file"

pdfinfo -isodates "$P" | grep -q '^CreationDate: *2026-11-25T00:00:00+01' &&
	pdfinfo -isodates "$P" | grep -q '^ModDate: *2026-11-25T00:00:00+01' &&
	grep -aq "/CreationDate (D:20261125000000+01'00')" "$TMP/q48.pdf"
ok $? "the dates are the edition's, not the clock's"

sleep 1
run 0 print 2026-48 --source "$SITE" --output "$TMP/again.pdf" --today 2026-11-23 &&
	cmp -s "$P" "$TMP/again.pdf"
ok $? "the same input gives a byte-identical PDF (a second later, another today)"

pdftotext -bbox "$P" - | awk -F'"' '/<word / { h = $8 - $4; if (h < 9.55) bad = 1 }
	END { exit bad }'
ok $? "no type below 8 pt (every word box at least 1.2 x 8 pt high)"

run 1 print 2026-49 --source "$SITE" --output "$TMP/p49.pdf" --today 2026-11-22
status=$?
cp "$TMP/err" "$TMP/p49.err"
[ $status -eq 0 ] && grep -qx "content/journaal/2026-49.md:3:1: fout: verhaal te lang: 17 regels (ongeveer 74 woorden); valt weg vanaf: ‘Inmiddels heeft Gerda …’" "$TMP/p49.err"
ok $? "a story that does not fit: exit 1 and how much to cut, in Dutch"

[ ! -e "$TMP/p49.pdf" ] && [ -s "$TMP/p49-proef.pdf" ] &&
	grep -q "een proef met wat niet past gemarkeerd staat in $TMP/p49-proef.pdf" "$TMP/p49.err" &&
	text "$TMP/p49-proef.pdf" | grep -q 'PROEF – past niet: 17 regels te veel'
ok $? "the proof with the overflow marked is written beside, never as the page"

text "$TMP/p49-proef.pdf" | grep -q 'met al die tijd' &&
	! text "$TMP/p49-proef.pdf" | grep -q 'Inmiddels' &&
	! text "$TMP/p49-proef.pdf" | grep -q 'Vertel ook uw verhaal'
ok $? "the proof ends just before the words that fall away"

run 1 print 2026-50 --source "$SITE" --output "$TMP/p50.pdf" --today 2026-11-22 &&
	grep -qx 'content/journaal/2026-50.md:4:1: fout: deze editie is een concept (concept: true) en wordt niet gedrukt' "$TMP/err" &&
	[ ! -e "$TMP/p50.pdf" ] && [ ! -e "$TMP/p50-proef.pdf" ]
ok $? "a draft edition is never printed"

P51=$TMP/p51.pdf
run 0 print 2026-51 --source "$SITE" --output "$P51" --today 2026-11-22 &&
	grep -qx "content/verhalen/drukker/index.md:7:1: waarschuwing: foto 'foto.jpg' is te grof voor de krant: 84 ppi op 146 mm breed, minstens 200 ppi is nodig (een foto van 1147 pixels breed of meer)" "$TMP/err"
ok $? "a photo under 200 ppi at its size is a warning"

# The mean of each band (vips stats: row 1 + band, column 4), rounded.
means() {
	vips stats "$1" "$TMP/stats.v" &&
		for b in 1 2 3; do vips getpoint "$TMP/stats.v" 4 $b; done |
		awk '{ printf "%d ", $1 + 0.5 }'
}
# Like the photographer's CMYK file as libvips reads it (Adobe's inverted
# channels read right): each band's mean within 4 of the original's.
pdfimages -list "$P51" | awk 'NR > 2 { print $6, $9 }' | grep -qx 'rgb jpeg' &&
	pdfimages -j "$P51" "$TMP/cmyk" &&
	vips colourspace "$SITE/content/verhalen/drukker/foto.jpg" "$TMP/cmyk.v" srgb &&
	a=$(means "$TMP/cmyk.v") && b=$(means "$TMP/cmyk-000.jpg") &&
	echo "$a $b" | awk '{ for (i = 1; i <= 3; i++) { d = $i - $(i + 3); if (d > 4 || d < -4) exit 1 } }'
ok $? "a CMYK JPEG (Adobe) is printed as RGB, its colours read right"

mkdir -p "$TMP/bleed" && cp -r "$SITE/content" "$TMP/bleed/" &&
	sed 's/^  marge: 10$/  marge: 10\n  afloop: 3/' "$SITE/site.yaml" >"$TMP/bleed/site.yaml" &&
	run 0 print 2026-48 --source "$TMP/bleed" --output "$TMP/b.pdf" --today 2026-11-22 &&
	[ "$(box MediaBox "$TMP/b.pdf")" = "0.0 0.0 272.0 404.0" ] &&
	[ "$(box TrimBox "$TMP/b.pdf")" = "3.0 3.0 269.0 401.0" ] &&
	[ "$(box BleedBox "$TMP/b.pdf")" = "0.0 0.0 272.0 404.0" ]
ok $? "with afloop 3 the bleed is added; TrimBox and BleedBox are set"

mkdir -p "$TMP/marks" && cp -r "$SITE/content" "$TMP/marks/" &&
	sed 's/^  marge: 10$/  marge: 10\n  afloop: 3\n  snijtekens: true/' "$SITE/site.yaml" >"$TMP/marks/site.yaml" &&
	run 0 print 2026-48 --source "$TMP/marks" --output "$TMP/m.pdf" --today 2026-11-22 &&
	[ "$(box MediaBox "$TMP/m.pdf")" = "0.0 0.0 284.0 416.0" ] &&
	[ "$(box TrimBox "$TMP/m.pdf")" = "9.0 9.0 275.0 407.0" ] &&
	[ "$(box BleedBox "$TMP/m.pdf")" = "6.0 6.0 278.0 410.0" ]
ok $? "with snijtekens there is room for crop marks outside the bleed"

# The crop marks are the only thing in the outer 6 mm: a corner of the
# media stays white, the spot where a mark is, is black.
pdftoppm -r 72 -gray -x 0 -y 0 -W 40 -H 40 "$TMP/m.pdf" "$TMP/corner" &&
	od -An -tu1 -j 15 "$TMP/corner-1.pgm" | tr -s ' ' '\n' | grep -v '^$' |
	awk 'NR == 1 { first = $1 } $1 < 128 { dark++ } END { exit !(first == 255 && dark > 0) }'
ok $? "crop marks are drawn in the corners"

page_content "$TMP/m.pdf" | grep -Eq '(^|[ ])0 G([ ]|$)'
ok $? "crop marks are pure K too"

mkdir -p "$TMP/default" && cp -r "$SITE/content" "$SITE/site.yaml" "$TMP/default/" &&
	(cd "$TMP/default" && "$ZAMEN" print 2026-48 --today 2026-11-22 >"$TMP/out" 2>"$TMP/err") &&
	[ -s "$TMP/default/krant/zamen-een-journaal-2026-48.pdf" ] &&
	[ ! -e "$TMP/default/public" ] && grep -qx '\*' "$TMP/default/krant/.gitignore"
ok $? "by default the page goes to krant/ in the source folder (ignored by git), not into public/"

run 0 print 2026-48 --source "$ROOT" --output "$TMP/e48.pdf" --today 2026-11-22 &&
	run 0 print 2026-47 --source "$ROOT" --output "$TMP/e47.pdf" --today 2026-11-22
ok $? "the example editions 2026-47 and 2026-48 fit"

mkdir -p "$TMP/emoji" && cp -r "$SITE/content" "$SITE/site.yaml" "$TMP/emoji/" &&
	sed -i 's/soms zeggen we niets\./soms zeggen we niets 🙂./' "$TMP/emoji/content/verhalen/gerda/index.md" &&
	run 0 print 2026-48 --source "$TMP/emoji" --output "$TMP/emoji.pdf" --today 2026-11-22 &&
	grep -qx "content/verhalen/gerda/index.md: waarschuwing: het teken '🙂' (U+1F642) staat niet in de lettertypen van de krant en wordt als een vakje gedrukt; laat het weg of kies een ander teken" "$TMP/err"
ok $? "a character the fonts do not have is a warning"

run 2 print --source "$SITE" && grep -q 'welke editie' "$TMP/err"
ok $? "print without an edition is a usage error"

run 2 print 2026-5 --source "$SITE" && grep -q 'JJJJ-NR' "$TMP/err"
ok $? "an edition name that is not JJJJ-NR is a usage error"

run 1 print 2026-30 --source "$SITE" --today 2026-11-22 &&
	grep -q 'editie 2026-30 bestaat niet' "$TMP/err"
ok $? "an edition that does not exist is reported"

# ---- phone photos: upright, no metadata, placed as what they are ----------
#
# A phone stores a portrait photo on its side with EXIF Orientation 6
# ("turn 90 degrees clockwise to show"), with the GPS position, the camera's
# serial number and the photographer's name. The fixture is made here: red
# at the left of the stored pixels is the top of the upright photo, blue at
# the right its bottom.
PHONE=$TMP/phone
mkdir -p "$PHONE" && cp -r "$SITE/content" "$SITE/site.yaml" "$PHONE/" &&
	mkdir -p "$PHONE/content/verhalen/telefoon" &&
	vips black "$TMP/black.v" 800 1200 --bands 3 &&
	vips linear "$TMP/black.v" "$TMP/red.v" "1 1 1" "255 0 0" &&
	vips linear "$TMP/black.v" "$TMP/blue.v" "1 1 1" "0 0 255" &&
	vips join "$TMP/red.v" "$TMP/blue.v" "$TMP/stored.jpg" horizontal &&
	exiftool -q -overwrite_original -Orientation#=6 \
		-GPSLatitude=52.53 -GPSLatitudeRef=N -GPSLongitude=5.72 -GPSLongitudeRef=E \
		-Artist=MERKFOTOGRAAF -SerialNumber=MERKSERIE4711 -XMP:Creator=MERKXMP \
		-Comment=MERKCOMMENTAAR "$TMP/stored.jpg" &&
	exiftool -s -s -s -Orientation# "$TMP/stored.jpg" | grep -qx 6 &&
	cp "$TMP/stored.jpg" "$PHONE/content/verhalen/telefoon/foto.jpg" &&
	sed -e 's/^titel: .*/titel: Een foto van de telefoon/' \
		-e 's/^foto_alt: .*/foto_alt: Rood boven, blauw onder./' \
		"$SITE/content/verhalen/gerda/index.md" >"$PHONE/content/verhalen/telefoon/index.md" &&
	sed -i 's/^verhaal: gerda$/verhaal: telefoon/' "$PHONE/content/journaal/2026-48.md" &&
	run 0 print 2026-48 --source "$PHONE" --output "$TMP/phone.pdf" --today 2026-11-22 &&
	pdfimages -list "$TMP/phone.pdf" | awk 'NR > 2' >"$TMP/phone.list" &&
	[ "$(wc -l <"$TMP/phone.list")" -eq 1 ] &&
	pdfimages -all "$TMP/phone.pdf" "$TMP/phone"
ok $? "a phone photo (orientation 6, GPS, serial, name) is printed"

# where COLOUR FILE.ppm: the bounding box "x0 y0 x1 y1" of the pixels of
# COLOUR (red or blue) on a rendered page. JPEG and the sRGB conversion
# move pure blue to about (84, 15, 253): the bounds leave room for that.
where() {
	python3 - "$@" <<'PY'
import sys
colour, path = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
fields, pos = [], 0
while len(fields) < 4:
    while data[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end:end + 1].isspace():
        end += 1
    fields.append(data[pos:end])
    pos = end
pos += 1
w, h = int(fields[1]), int(fields[2])
xs, ys = [], []
for y in range(h):
    for x in range(w):
        r, g, b = data[pos + 3 * (y * w + x):pos + 3 * (y * w + x) + 3]
        red = r > 180 and g < 100 and b < 100
        blue = b > 180 and r < 120 and g < 100
        if (colour == 'red' and red) or (colour == 'blue' and blue):
            xs.append(x)
            ys.append(y)
if xs:
    print(min(xs), min(ys), max(xs), max(ys))
PY
}
pdftoppm -r 20 "$TMP/phone.pdf" "$TMP/phone-page" &&
	red=$(where red "$TMP"/phone-page-1.ppm) && blue=$(where blue "$TMP"/phone-page-1.ppm) &&
	[ -n "$red" ] && [ -n "$blue" ] && echo "$red $blue" | awk '{
		# red above blue, side by side the same; together taller than wide
		if (!($4 < $6 && $2 < $6 && $1 == $5 && $3 == $7)) exit 1
		if (!($8 - $2 > 1.2 * ($3 - $1))) exit 1 }'
ok $? "the printed phone photo is upright (red top, blue bottom) and placed as a portrait"

vips getpoint "$TMP/phone-000.jpg" 10 10 | awk '{ exit !($1 > 180 && $3 < 100) }' &&
	h=$(vipsheader -f height "$TMP/phone-000.jpg") &&
	vips getpoint "$TMP/phone-000.jpg" 10 $((h - 10)) | awk '{ exit !($3 > 180 && $1 < 120) }'
ok $? "the image in the PDF is stored upright: no orientation left for a viewer to apply"

awk '{ if ($13 > 301 || $14 > 301 || $4 >= $5) exit 1 }' "$TMP/phone.list"
ok $? "the photo goes in at no more than 300 ppi of its placed size, taller than wide"

! exiftool -a -G1 "$TMP/phone-000.jpg" |
	grep -aEi 'GPS|Artist|Serial|Orientation|Creator|Comment|XMP|MERK' >&2
ok $? "exiftool finds no GPS, name, serial, orientation, XMP or comment in the PDF's image"

qpdf --qdf --object-streams=disable "$TMP/phone.pdf" "$TMP/phone-q.pdf" &&
	! grep -aE 'MERK(FOTOGRAAF|SERIE4711|XMP|COMMENTAAR)' "$TMP/phone.pdf" "$TMP/phone-q.pdf" >&2
ok $? "no marker of the photo's metadata anywhere in the PDF"

# focus_print VALUE: the phone story printed with foto_focus VALUE, its
# image extracted as $TMP/VALUE-000.jpg.
focus_print() {
	story=$PHONE/content/verhalen/telefoon/index.md
	sed '/^foto_focus: /d' "$story" >"$TMP/story.md" &&
		sed "s/^foto_alt: .*/&\nfoto_focus: $1/" "$TMP/story.md" >"$story" &&
		grep -qx "foto_focus: $1" "$story" &&
		run 0 print 2026-48 --source "$PHONE" --output "$TMP/$1.pdf" --today 2026-11-22 &&
		pdfimages -j "$TMP/$1.pdf" "$TMP/$1"
}

# A photo so tall that even one column is too narrow is cut; foto_focus
# says what stays. The top quarter is red, the rest blue: `boven` keeps
# the red top, `onder` cuts it away.
vips black "$TMP/tall.v" 300 900 --bands 3 &&
	vips linear "$TMP/tall.v" "$TMP/tall-blue.v" "1 1 1" "0 0 255" &&
	vips black "$TMP/top.v" 300 300 --bands 3 &&
	vips linear "$TMP/top.v" "$TMP/top-red.v" "1 1 1" "255 0 0" &&
	vips join "$TMP/top-red.v" "$TMP/tall-blue.v" "$TMP/tall.jpg" vertical &&
	cp "$TMP/tall.jpg" "$PHONE/content/verhalen/telefoon/foto.jpg" &&
	focus_print boven && focus_print onder &&
	w=$(vipsheader -f width "$TMP/boven-000.jpg") && h=$(vipsheader -f height "$TMP/boven-000.jpg") &&
	[ "$h" -lt $((4 * w - 10)) ] &&
	vips getpoint "$TMP/boven-000.jpg" 10 3 | awk '{ exit !($1 > 180 && $3 < 100) }' &&
	vips getpoint "$TMP/onder-000.jpg" 10 3 | awk '{ exit !($3 > 180 && $1 < 120) }' &&
	! cmp -s "$TMP/boven-000.jpg" "$TMP/onder-000.jpg"
ok $? "foto_focus boven keeps the top of a photo that must be cut, onder the bottom"

tap_end
