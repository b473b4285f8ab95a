#!/bin/sh
# tests/images/make-fixtures.sh DIR: writes the image fixtures of
# tests/images.sh into DIR, made at test time so no binary fixture is
# committed. Debian tools only: python3 (no PIL), vips (libvips-tools),
# exiftool (libimage-exiftool-perl), heif-enc (libheif-examples).
#
# Every piece of metadata carries a marker GEHEIM-...-NNNN that must never
# reach the output; `markers` below lists them for the test.
#
#   phone.jpg      an upright portrait, 2400 x 3200, red above, blue below,
#                  stored as a phone stores it: the pixels lie on their side
#                  (3200 x 2400, red left) and EXIF Orientation 6 ("rotate
#                  90 CW") turns them upright. GPS position, Artist, camera
#                  Model and SerialNumber, XMP dc:Creator, IPTC By-line and
#                  a JPEG comment.
#   phone.heic     the same picture and metadata as HEIC. Its pixels are
#                  upright (Orientation 1): HEIF readers ignore the EXIF
#                  orientation and heif-enc writes no irot box.
#   klein.jpg      a small portrait, 240 x 320, also stored on its side with
#                  Orientation 6 and the same metadata: must never be
#                  upscaled.
#   groot.jpg      a landscape, 2000 x 1500, with the metadata (for a link).
#   text.png       a 900 x 300 logo with transparency and tEXt, zTXt and
#                  iTXt chunks.
#   truncated.jpg, truncated.png, truncated.heic: the first half of
#                  phone.jpg, text.png and phone.heic.
#   bomb.png       a valid PNG header claiming 40000 x 40000 pixels
#                  (1600 megapixel) with a few bytes of pixel data.
set -eu
DIR=$1
mkdir -p "$DIR"
cd "$DIR"

# picture W H OUT TOP BOTTOM SEED: an upright W x H picture in vips format,
# the upper half colour TOP ("r g b"), the lower half BOTTOM. Written as a
# 2 x 2 PPM by hand, zoomed by pixel replication (W and H even), with
# noise from SEED on top: like a photo, no two stretches of its JPEG data
# are alike, so a piece of it found in an output file is a copy of it.
picture() {
	python3 -c '
import sys
top = bytes(int(v) for v in sys.argv[1].split())
bottom = bytes(int(v) for v in sys.argv[2].split())
sys.stdout.buffer.write(b"P6\n2 2\n255\n" + top * 2 + bottom * 2)' "$4" "$5" >tiny.ppm
	vips zoom tiny.ppm flat.v $(($1 / 2)) $(($2 / 2))
	vips gaussnoise noise.v "$1" "$2" --sigma 12 --mean 0 --seed "$6"
	vips add flat.v noise.v sum.v
	vips cast sum.v "$3" uchar
	rm -f tiny.ppm flat.v noise.v sum.v
}

TAGS="-GPSLatitude=52.517723 -GPSLatitudeRef=N -GPSLongitude=5.720318
 -GPSLongitudeRef=E -GPSAreaInformation=GEHEIM-GPS-1187
 -Artist=GEHEIM-ARTIST-7731 -Model=GEHEIM-MODEL-2290
 -SerialNumber=GEHEIM-SERIAL-4412 -ImageDescription=GEHEIM-DESCR-8820
 -XMP-dc:Creator=GEHEIM-XMP-5583 -IPTC:By-line=GEHEIM-IPTC-6604
 -Comment=GEHEIM-COMMENT-9917"

# tag FILE ORIENTATION: writes the phone's metadata into FILE.
tag() {
	# shellcheck disable=SC2086
	exiftool -q -overwrite_original $TAGS -Orientation#="$2" "$1"
}

# phone.jpg: upright 2400 x 3200, stored turned 90 degrees the other way
# (vips rot d270 turns counter-clockwise), so that Orientation 6 (turn 90
# clockwise to show it) makes it upright again.
picture 2400 3200 up.v "255 0 0" "0 0 255" 1
vips rot up.v side.v d270
vips jpegsave side.v phone.jpg --Q 90 --strip
tag phone.jpg 6

# phone.heic: from an upright JPEG with the same metadata, Orientation 1.
vips jpegsave up.v upright.jpg --Q 90 --strip
tag upright.jpg 1
heif-enc -q 60 -p preset=ultrafast upright.jpg -o phone.heic >/dev/null
rm -f up.v side.v upright.jpg

picture 240 320 up.v "255 0 0" "0 0 255" 2
vips rot up.v side.v d270
vips jpegsave side.v klein.jpg --Q 90 --strip
tag klein.jpg 6
rm -f up.v side.v

picture 2000 1500 up.v "0 160 0" "255 255 0" 3
vips jpegsave up.v groot.jpg --Q 90 --strip
tag groot.jpg 1
rm -f up.v

# text.png and bomb.png are written chunk by chunk, with correct CRCs.
python3 - <<'PY'
import struct, zlib

def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))

def png(w, h, colour_type, chunks):
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0)) +
            b"".join(chunk(k, d) for k, d in chunks) + chunk(b"IEND", b""))

# A logo: dark green stripes on the left two thirds, transparent on the
# right, so its fallback must keep an alpha channel.
w, h = 900, 300
rows = []
for y in range(h):
    row = bytearray([0])
    for x in range(w):
        if x < 600:
            row += bytes([0, 100 + (x // 20 % 2) * 60, 40, 255])
        else:
            row += bytes([0, 0, 0, 0])
    rows.append(bytes(row))
pixels = zlib.compress(b"".join(rows), 9)
text = [
    (b"tEXt", b"Author\x00GEHEIM-PNGTEXT-3348"),
    (b"zTXt", b"Comment\x00\x00" + zlib.compress(b"GEHEIM-PNGZTXT-5120")),
    (b"iTXt", b"Description\x00\x00\x00\x00\x00GEHEIM-PNGITXT-6671"),
]
data = png(w, h, 6, text + [(b"IDAT", pixels)])
open("text.png", "wb").write(data)
open("truncated.png", "wb").write(data[:len(data) // 2])

# 40000 x 40000 RGB claimed; the pixel data is one short zlib stream.
open("bomb.png", "wb").write(
    png(40000, 40000, 2, [(b"IDAT", zlib.compress(bytes(1000)))]))

for name in ("phone.jpg", "phone.heic"):
    data = open(name, "rb").read()
    open("truncated." + name.split(".")[1], "wb").write(data[:len(data) // 2])
PY
