#!/bin/sh
# Builds the example site and opens every kind of page in headless Chromium
# (tests/browser/check.mjs: axe-core, type size, zoom, phone, focus, the
# size of every image). TAP.
set -u
ZAMEN=${ZAMEN:-$(pwd)/zamen}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The example site, plus a page with an image in its text (lazy, below
# the fold): a transparent PNG wider than the column, made here.
mkdir -p "$TMP/src"
cp -r site.yaml content "$TMP/src/"
/usr/bin/python3 - "$TMP/src/content/fotos.png" <<'PY'
import struct, sys, zlib
w, h = 1500, 1000
rows = b"".join(b"\0" + bytes(v for x in range(w) for v in
                (180, 83 + y * 100 // h, 42 + x * 150 // w,
                 255 if (x - w // 2) ** 2 + (y - h // 2) ** 2 < (h // 2) ** 2 else 0))
                for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n"
    + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
cat >"$TMP/src/content/fotos.md" <<'EOF'
---
titel: Foto's
---
Een pagina met een afbeelding in de tekst, onder de rand van het scherm.

Eerst nog een alinea, zodat de afbeelding pas verderop staat. Wie
verder leest, ziet hem vanzelf verschijnen.

![Een terracotta schijf op een lege achtergrond](fotos.png)

Daarna de rest van de tekst, en [de afbeelding op ware grootte](fotos.png).
EOF
if ! "$ZAMEN" build --source "$TMP/src" --output "$TMP/public" --today 2026-11-22 \
	>"$TMP/log" 2>&1; then
	echo "1..1"
	echo "not ok 1 - the example site builds"
	sed 's/^/# /' "$TMP/log"
	exit 1
fi
exec node tests/browser/check.mjs "$TMP/public"
