#!/bin/sh
# Links and attachments as an attacker writes them (TAP for prove): a
# Markdown link or image reaches public/ only as model_link.h allows.
# The example site gets an embargoed story, a draft and an anonymous
# story, each with a marker word, and a published story whose body links
# to them and to files it must never publish in every way we know. check
# must refuse each link at its line; with the refused links taken out the
# site builds, and nothing held back is anywhere in the output.
# ZAMEN names the binary under test.
. tests/tap.sh
TODAY=2026-11-22
S="$TMP/site"

echo "1..36"

# image FILE WIDTH HEIGHT WORD: a real image (a colour gradient), with
# WORD where a camera writes its notes: a JPEG comment (made with the vips
# command of libvips-tools), or a PNG text chunk. WORD must never reach
# the output: images are published only as zamen makes them anew.
image() {
	/usr/bin/python3 - "$@" <<'PY'
import os, struct, subprocess, sys, zlib
path, w, h, word = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].encode()
rows = b"".join(b"\0" + bytes(v for x in range(w)
                                for v in (x * 255 // w, y * 255 // h, 90))
                for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
       + chunk(b"tEXt", b"Comment\0" + word) + chunk(b"IDAT", zlib.compress(rows))
       + chunk(b"IEND", b""))
if path.lower().endswith(".png"):
    open(path, "wb").write(png)
    sys.exit(0)
open(path + ".png", "wb").write(png)
subprocess.run(["vips", "copy", path + ".png", path + ".jpg"], check=True)
jpg = open(path + ".jpg", "rb").read()
os.remove(path + ".png")
os.remove(path + ".jpg")
open(path, "wb").write(jpg[:2] + b"\xff\xfe" + struct.pack(">H", len(word) + 2) + word + jpg[2:])
PY
}

mkdir -p "$S"
cp -r "$ROOT/site.yaml" "$ROOT/content" "$S/"
V="$S/content/verhalen"
story() { # FILE DATUM EXTRA-FRONT-MATTER BODY
	printf -- '---\ntitel: Verhaal\ndatum: %s\ntoestemming: 2026-10-01\n%s---\n%s\n' \
		"$2" "$3" "$4" >"$1"
}
story "$V/geheim.md" 2027-06-01 "" "Het woord is EMBARGOWOORDX."
story "$V/klad.md" 2026-11-01 "concept: true
" "Het woord is KLADWOORDX."
story "$V/stil.md" 2026-11-01 "auteur: Wilhelmina Zwijgvoort
anoniem: true
" "Een stil verhaal."
mkdir -p "$V/geheimfoto"
story "$V/geheimfoto/index.md" 2027-06-01 "" "Nog geheim."
# An odd width: no image in the output may have it.
image "$V/geheimfoto/geheim.jpg" 123 77 FOTOWOORDX
# Files an attacker leaves beside the published story, and outside.
A="$V/aanval"
mkdir -p "$A/.verborgen" "$S/.git"
echo "VERBORGENWOORDX" >"$A/.verborgen/a.png"
echo "GITWOORDX" >"$S/.git/config"
echo "<html>SVGWOORDX</html>" >"$A/index.html"
echo "<svg><script>alert(1)</script>SVGWOORDX</svg>" >"$A/evil.svg"
echo "<script>SVGWOORDX</script>" >"$A/x.html"
echo "kaart" >"$A/kaart.docx"
ln -s /etc/passwd "$A/link.png"
ln -s ../../../site.yaml "$A/conf.png"
ln -s ../geheim.md "$A/tekst.png"
have_fifo=0
mkfifo "$A/a.png" 2>/dev/null && have_fifo=1
image "$A/foto.JPG" 700 500 EXIFWOORDX
printf '%%PDF-1.4 folder' >"$A/folder.pdf"

# One hostile link a line, from line 7 of the file on (front matter: 5).
# Each: the link, then a word of the reason check must give.
cat >"$TMP/hostile" <<'EOF'
[a](../geheim.md?)|met '?', '/' of hoofdletters
[a](../geheim.md/)|met '?', '/' of hoofdletters
[a](../GEHEIM.MD)|met '?', '/' of hoofdletters
[a](../klad.md?x=1)|met '?', '/' of hoofdletters
[a](../stil.md/)|met '?', '/' of hoofdletters
[a](%2e%2e/geheim.md?)|met '?', '/' of hoofdletters
[a](.verborgen/a.png)|verborgen bestand of map
[a](../../../site.yaml)|buiten de map content/
[a](../../../.git/config)|buiten de map content/
[a](link.png)|buiten content/
[a](conf.png)|buiten content/
[a](tekst.png)|content/verhalen/geheim.md, dat niet op de site mag
[a](a.png)|geen gewoon bestand
[a](index.html)|zelf naast deze pagina schrijft
[a](evil.svg)|is een '.svg'-bestand
[a](x.html)|is een '.html'-bestand
[a](kaart.docx)|Maak er een PDF van
[a](javascript:alert(1))|begint met 'javascript:'
[a](//tracker.example/x)|schrijf het hele adres
![a](https://tracker.example/p.png)|komt van een andere website
![a](//tracker.example/p.png)|komt van een andere website
![a](HTTP://tracker.example/p.png)|komt van een andere website
[a](foto.JPG?v=2)|bevat '?'
[a](..%2f..%2f..%2fsite.yaml)|buiten de map content/
EOF
{
	printf -- '---\ntitel: Aanval\ndatum: 2026-11-01\ntoestemming: 2026-10-01\n---\n\n'
	cut -d'|' -f1 "$TMP/hostile" | sed 's/$/\n/'
} >"$A/index.md"
[ $have_fifo -eq 1 ] || sed -i 's/^\[a\](a\.png)$/[a](ontbreekt.png)/' "$A/index.md"

timeout 60 "$ZAMEN" check --source "$S" --today "$TODAY" >"$TMP/out" 2>"$TMP/check"
rc=$?
cp "$TMP/check" "$TMP/err"
[ $rc -eq 1 ]
ok $? "check fails on the hostile links, without hanging on a FIFO (exit $rc)"

line=7
while IFS='|' read -r target why; do
	if [ "$target" = "[a](a.png)" ] && [ $have_fifo -eq 0 ]; then
		why="bestaat niet"
	fi
	grep -F "content/verhalen/aanval/index.md:$line:" "$TMP/check" |
		grep -F ": fout: " | grep -qF -- "$why"
	rc=$?
	grep -F "aanval/index.md:$line:" "$TMP/check" >"$TMP/err"
	ok $rc "check refuses $target at line $line: $why"
	line=$((line + 2))
done <"$TMP/hostile"

timeout 60 "$ZAMEN" build --source "$S" --output "$TMP/pub" --today "$TODAY" \
	>"$TMP/out" 2>"$TMP/err"
[ $? -eq 1 ] && [ ! -e "$TMP/pub" ]
ok $? "build refuses the same links and writes nothing"

# The links zamen 0.x let through (it saw 'x.md' in 'x.md?' and copied
# any other file that existed): it built, and published them.
held_back="EMBARGOWOORDX|FOTOWOORDX|KLADWOORDX|Zwijgvoort|VERBORGENWOORDX|GITWOORDX|SVGWOORDX|root:x:0"
{
	printf -- '---\ntitel: Aanval\ndatum: 2026-11-01\ntoestemming: 2026-10-01\n---\n\n'
	cut -d'|' -f1 "$TMP/hostile" | grep -v -e GEHEIM -e '%2' -e '(a\.png)' |
		sed 's/$/\n/'
} >"$A/index.md"
timeout 60 "$ZAMEN" build --source "$S" --output "$TMP/pub" --today "$TODAY" \
	>"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && [ ! -e "$TMP/pub" ]
ok $? "build refuses the links an older zamen published (exit $rc)"
[ -e "$TMP/pub" ] && grep -rlaE "$held_back" "$TMP/pub" >"$TMP/err"
[ ! -s "$TMP/err" ]
ok $? "nothing held back leaks through them"
rm -rf "$TMP/pub"

# The forms that are fine: a doc link however it is escaped, attachments
# of allowed types. Links to unpublished stories become their text.
cat >"$A/index.md" <<'EOF'
---
titel: Aanval
datum: 2026-11-01
toestemming: 2026-10-01
---

Lees [het geheim](../geheim%2emd), [het klad](./../klad.md#) en
[het stille verhaal](../stil%2Emd#).

![de foto](foto.JPG) en [de folder](folder.pdf#page=2), [groot](foto.JPG).

De foto van een verhaal onder embargo: ![geheime foto](../geheimfoto/geheim.jpg).
EOF
timeout 60 "$ZAMEN" build --source "$S" --output "$TMP/pub" --today "$TODAY" \
	>"$TMP/out" 2>"$TMP/err"
ok $? "with the refused links taken out the site builds"

[ -d "$TMP/pub/verhalen" ] && ! grep -rlaE "$held_back" "$TMP/pub" >"$TMP/err"
ok $? "no held-back text, hidden file, symlinked file or HTML from content/ is in the output"

[ -d "$TMP/pub/verhalen" ] && find "$TMP/pub" -path "$TMP/pub/assets" -prune -o \
	\( -iname '*.md' -o -iname '*.svg' -o -iname '*.docx' -o -name 'x.html' \) -print >"$TMP/err" &&
	[ ! -s "$TMP/err" ]
ok $? "no .md, .svg, .docx or stray .html file is copied"

P="$TMP/pub/verhalen/aanval"
cmp -s "$A/folder.pdf" "$P/folder.pdf" &&
	grep -q 'href="folder.pdf#page=2"' "$P/index.html"
ok $? "a linked PDF is copied beside the page and linked, fragment kept"

# The photo: made anew in img/ in the widths the page needs (700 px wide:
# 480, 680 and its own), each linked; the original nowhere.
find "$TMP/pub" -type f -exec cmp -s "$A/foto.JPG" {} \; -print >"$TMP/err"
[ ! -s "$TMP/err" ] && [ ! -e "$P/foto.JPG" ] &&
	! grep -rlaF EXIFWOORDX "$TMP/pub" >>"$TMP/err" &&
	grep -Eq '<picture><source type="image/webp" srcset="\.\./\.\./img/[0-9a-f]{16}-480\.webp 480w, \.\./\.\./img/[0-9a-f]{16}-680\.webp 680w, \.\./\.\./img/[0-9a-f]{16}-700\.webp 700w" sizes="[^"]+"><img src="\.\./\.\./img/[0-9a-f]{16}-680\.jpg" srcset="[^"]+ 480w, [^"]+ 700w" sizes="[^"]+" width="700" height="500" alt="de foto" loading="lazy" decoding="async"></picture>' "$P/index.html"
ok $? "a Markdown image is a <picture> of images made anew; the original file and its comment are nowhere"

missing=""
for f in $(grep -o '\.\./\.\./img/[^" ]*' "$P/index.html" | sort -u); do
	w=${f##*-}
	w=${w%.*}
	[ "$(vipsheader -f width "$P/$f" 2>/dev/null)" = "$w" ] || missing="$missing $f"
done
echo "$missing" >"$TMP/err"
[ -z "$missing" ] && grep -Eq 'href="\.\./\.\./img/[0-9a-f]{16}-700\.jpg">groot</a>' "$P/index.html"
ok $? "every image the page names is in img/, as wide as its name says; a link to the photo opens the widest"

grep -q 'href="../stil/#"' "$P/index.html" &&
	! grep -q 'href="[^"]*geheim' "$P/index.html" &&
	! grep -q 'href="[^"]*klad' "$P/index.html" &&
	grep -q 'het geheim' "$P/index.html"
ok $? "escaped doc links are links; to unpublished stories they are text"

odd=""
for f in "$TMP/pub"/img/*; do
	[ "$(vipsheader -f width "$f")" = 123 ] && odd="$odd $f"
done
echo "$odd" >"$TMP/err"
grep -q 'embargo: geheime foto\.' "$P/index.html" && [ ! -e "$P/geheim.jpg" ] &&
	[ -z "$odd" ]
ok $? "the photo of an embargoed story's bundle is not published through another page"

tap_end
