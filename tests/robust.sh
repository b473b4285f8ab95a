#!/bin/sh
# Input meant to break zamen: nesting as deep as the file is long, files
# that are no files, text no page can hold, front matter built to blow up,
# photos that lie about their size. Every run must end (timeout) with exit
# 0, 1 or 2 and, where there is one, the Dutch message at the right place.
# Speaks TAP for prove. ZAMEN names the binary under test.
. tests/tap.sh

echo "1..29"

PY=/usr/bin/python3
TODAY=2026-11-26
# Memory is bounded too, except under AddressSanitizer, which reserves
# terabytes of address space.
case $ZAMEN in
*/san-*) ;;
*) ulimit -v 4000000 2>/dev/null ;;
esac

# A copy of the example site in $TMP/$1.
site() {
	rm -rf "$TMP/$1"
	mkdir -p "$TMP/$1"
	cp -r "$ROOT/site.yaml" "$ROOT/content" "$TMP/$1/"
}

# Inserts the Python expression $3 as the first lines of the body of file
# $2 of site $1.
inject() {
	$PY - "$TMP/$1/$2" "$3" <<'EOF'
import sys
path, expr = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
end = text.index("\n---\n", 4) + 5
open(path, "w", encoding="utf-8").write(text[:end] + eval(expr) + "\n\n" + text[end:])
EOF
}

# zamen $1 on site $2 (check, build or print of edition 2026-48) under a
# timeout; true when it ends with exit 0 or 1: no crash, no hang.
survives() {
	case $1 in
	check) set -- check --source "$TMP/$2" ;;
	build) set -- build --source "$TMP/$2" --output "$TMP/$2-public" ;;
	print) set -- print 2026-48 --source "$TMP/$2" --output "$TMP/$2.pdf" ;;
	esac
	timeout 60 "$ZAMEN" "$@" --today $TODAY >"$TMP/out" 2>"$TMP/err"
	rc=$?
	echo "exit $rc" >>"$TMP/err"
	[ $rc -eq 0 ] || [ $rc -eq 1 ]
}

STORY=content/verhalen/de-boer-op-het-bankje/index.md
EDITION=content/journaal/2026-48.md
PAGE=content/over-ons.md

# ---- deep nesting ------------------------------------------------------

# Each pattern alone in the story of edition 2026-48, in a page and in
# the edition's own text.
nest=0
for pattern in "'>' * 100000 + ' diep'" "'- ' * 100000 + 'diep'" \
	"'[' * 100000 + 'diep'" "'*' * 100000 + 'diep'" \
	"'*' * 50000 + 'diep' + '*' * 50000" "'> - ' * 30000 + '# Kop'"; do
	nest=$((nest + 1))
	site nest$nest
	for f in $STORY $EDITION $PAGE; do
		inject nest$nest $f "$pattern"
	done
done
for cmd in check build print; do
	r=0
	i=1
	while [ $i -le $nest ]; do
		survives $cmd nest$i || { r=1; echo "pattern $i" >>"$TMP/err"; break; }
		i=$((i + 1))
	done
	ok $r "$cmd survives 100,000 nested quotes, list items, brackets and stars"
done

# 50,000 headings with the same text get their ids in linear time.
site heads
inject heads $PAGE "'# Kop\n\n' * 50000"
survives build heads && grep -q 'id="kop-50000"' "$TMP/heads-public/over-ons/index.html"
ok $? "50,000 equal headings get ids kop ... kop-50000"

# ---- files that are no files -----------------------------------------

site fifo
mkfifo "$TMP/fifo/content/verhalen/pijp.md"
survives check fifo && grep -q "^content/verhalen/pijp.md: fout: dit is geen gewoon bestand (maar een named pipe)" "$TMP/err"
ok $? "a named pipe called .md is refused, not waited on"

r=0
for dev in /dev/zero /dev/urandom /dev/stdin; do
	site dev
	ln -s $dev "$TMP/dev/content/verhalen/apparaat.md"
	survives check dev </dev/zero && grep -q "^content/verhalen/apparaat.md: fout: dit is geen gewoon bestand" "$TMP/err" ||
		{ r=1; echo "$dev" >>"$TMP/err"; break; }
done
ok $r "a link .md to /dev/zero, /dev/urandom or /dev/stdin is refused"

site big
$PY -c "print('---\ntitel: Groot\n---\n' + 'tekst ' * 400000)" >"$TMP/big/content/groot.md"
survives check big && grep -q "^content/groot.md: fout: bestand te groot (2343 kB): een tekst mag hoogstens 1024 kB zijn" "$TMP/err"
ok $? "a content file over 1 MB is refused with its size"

site loop
ln -s lus.md "$TMP/loop/content/lus.md"
ln -s / "$TMP/loop/content/verhalen/wortel"
survives check loop && grep -q "^content/lus.md: fout: bestand kan niet gelezen worden: het is een link die (via andere links) naar zichzelf wijst" "$TMP/err" &&
	grep -q "^content/verhalen/wortel: fout: map zonder index.md" "$TMP/err"
ok $? "a link loop and a bundle linked to / are reported, not followed"

site names
touch "$TMP/names/content/verhalen/$(printf 'twee\nregels.md')"
survives check names && grep -q "^content/verhalen: fout: de naam 'twee.nregels.md' in deze map bevat een regeleinde" "$TMP/err" &&
	! grep -q '^regels' "$TMP/err"
ok $? "a file name with a newline is reported once, escaped"

site many
mkdir "$TMP/many/content/verhalen/leeg"
i=0
while [ $i -lt 10000 ]; do
	: >"$TMP/many/content/verhalen/leeg-$i.md"
	i=$((i + 1))
done
survives check many && [ "$(grep -c 'het bestand begint niet met kopgegevens' "$TMP/err")" -eq 10000 ]
ok $? "10,000 empty files are each reported"

# ---- front matter built to blow up ------------------------------------

# Writes content/over-ons.md of site $1 with the front matter lines that
# the Python expression $2 gives.
front() {
	site "$1"
	$PY - "$TMP/$1/$PAGE" "$2" <<'EOF'
import sys
yaml = eval(sys.argv[2])
open(sys.argv[1], "w").write("---\ntitel: Over ons\n" + yaml + "\n---\nTekst.\n")
EOF
}

front fmbig "'x: \"' + 'a' * 300000 + '\"'"
survives check fmbig && grep -q "^$PAGE:2:1: fout: de kopgegevens zijn te groot (292 kB): hoogstens 256 kB" "$TMP/err"
ok $? "front matter over 256 kB is refused"

front fmlong "'intro: ' + 'a' * 20001"
survives check fmlong && grep -q "^$PAGE:3:8: fout: deze waarde is te lang: hoogstens 20.000 tekens" "$TMP/err"
ok $? "a value over 20,000 characters is refused at the value"

front fmitems "'x:\n' + '  - a\n' * 1001"
survives check fmitems && grep -q "^$PAGE:1004:5: fout: te veel items in deze lijst: hoogstens 1000" "$TMP/err"
ok $? "a list of 1001 items is refused at the 1001st"

front fmkeys "''.join('k%d: v\n' % i for i in range(1001))"
survives check fmkeys && grep -q "^$PAGE:1002:1: fout: te veel velden in deze groep: hoogstens 1000" "$TMP/err"
ok $? "1001 fields are refused at the 1001st, titel counted"

front fmdeep "'x: ' + '[' * 100000"
survives check fmdeep && grep -q "^$PAGE:3:23: fout: te diep ingesprongen" "$TMP/err"
ok $? "100,000 nested lists in front matter stop at the 20th"

front laughs "''.join('l%d: &l%d [%s]\n' % (i, i, ', '.join(['*l%d' % (i - 1)] * 10 if i else ['ha'] * 10)) for i in range(10))"
survives check laughs && [ "$(grep -c "^$PAGE:.*fout: een waarde die begint met" "$TMP/err")" -eq 10 ]
ok $? "a billion laughs gives ten messages and expands nothing"

# site.yaml under the same limits.
site sitebig
$PY -c "print('titel: x\nthemas: [' + ', '.join(['t%d' % i for i in range(100000)]) + ']')" >"$TMP/sitebig/site.yaml"
survives check sitebig && grep -q "^site.yaml:1:1: fout: de kopgegevens zijn te groot" "$TMP/err"
ok $? "a site.yaml of 600 kB is refused"

# ---- photos that lie -----------------------------------------------------

BANK=content/verhalen/de-boer-op-het-bankje
# Writes, with Python, the photo of the story as the expression $2 gives
# it (bytes; `real` holds the real foto.jpg, `png(w, h, data)` makes a
# PNG), named $3.
photo() {
	site "$1"
	$PY - "$TMP/$1/$BANK" "$2" "$3" <<'EOF'
import struct, sys, zlib
folder, expr, name = sys.argv[1:]
real = open(folder + "/foto.jpg", "rb").read()
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
def png(w, h, data):
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(data)) + chunk(b"IEND", b""))
def sof(jpeg, w, h):
    i = min(j for j in (jpeg.find(m) for m in (b"\xff\xc0", b"\xff\xc1", b"\xff\xc2")) if j > 0)
    return jpeg[:i + 5] + struct.pack(">HH", h, w) + jpeg[i + 9:]
open(folder + "/" + name, "wb").write(eval(expr))
EOF
	sed -i "s/^foto: .*/foto: $3/" "$TMP/$1/$BANK/index.md"
}

FOTO="^$BANK/index.md:9:7: fout: foto"
photo cut "real[:len(real) // 2]" kapot.jpg
survives check cut && grep -q "$FOTO 'kapot.jpg' kan niet gebruikt worden: het bestand is beschadigd of niet helemaal opgeslagen. Open het in een fotoprogramma en sla het opnieuw op als JPEG" "$TMP/err"
ok $? "a truncated JPEG is an error at its foto line"

photo bigjpeg "sof(real, 30000, 30000)" groot.jpg
survives check bigjpeg && grep -q "$FOTO 'groot.jpg' kan niet gebruikt worden: de foto is 900 megapixel, meer dan 50" "$TMP/err"
ok $? "a JPEG whose header claims 30000 x 30000 is refused before decoding"

photo bigpng "png(30000, 30000, bytes(1000))" groot.png
survives check bigpng && grep -q "$FOTO 'groot.png' kan niet gebruikt worden: de foto is 900 megapixel" "$TMP/err"
ok $? "a PNG whose IHDR claims 30000 x 30000 is refused"

photo cutpng "png(100, 100, bytes(3000))" kort.png
survives check cutpng && grep -q "$FOTO 'kort.png' kan niet gebruikt worden: het bestand is beschadigd" "$TMP/err" && ! grep -q -i "vips\|warning" "$TMP/err"
ok $? "a PNG with too few pixels is an error"

photo fake "b'<svg xmlns=\"http://www.w3.org/2000/svg\"/>'" nep.jpg
survives check fake && grep -q "$FOTO 'nep.jpg' kan niet gebruikt worden: het is geen JPEG-, PNG-, WebP- of HEIC-bestand" "$TMP/err"
ok $? "an SVG named .jpg is not decoded as anything"

site logo
head -c 300 "$ROOT/content/partners/welzijn-dronten-logo.png" >"$TMP/logo/content/partners/welzijn-dronten-logo.png"
survives check logo && grep -q "^content/partners/welzijn-dronten.md:8:7: fout: logo 'welzijn-dronten-logo.png' kan niet gebruikt worden: het bestand is beschadigd" "$TMP/err" && ! grep -q -i "vips\|warning" "$TMP/err"
ok $? "a truncated logo is an error at its logo line"

# ---- text no page can hold -------------------------------------------

# The story of 2026-48 far too long: print lays out what the page holds
# and still says how much is too much, at the edition's 'verhaal' line.
i=0
for text in "('Een gewone zin van het verhaal, met woorden. ' * 40 + '\n\n') * 450" \
	"'a' * 100000" "'woord\n\n' * 50000" "'woord ' * 100000"; do
	i=$((i + 1))
	site long$i
	inject long$i $STORY "$text"
	survives check long$i && grep -q "^$EDITION:3:1: fout: verhaal te lang: [0-9]* regels" "$TMP/err" &&
		! grep -q 'valt weg vanaf: .\{200\}' "$TMP/err"
	ok $? "check of a story that is too long ($i) ends and says so"
done
survives print long4 && grep -q "verhaal te lang: [0-9]\{5\} regels (ongeveer 10[0-9]\{4\} woorden)" "$TMP/err"
ok $? "print of 100,000 words in one paragraph counts them all"
survives print long2 && grep -q "valt weg vanaf: .a\{40\}… …" "$TMP/err"
ok $? "print quotes a word of 100,000 letters cut short"

tap_end
