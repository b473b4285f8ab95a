#!/bin/sh
# tests/bench/photos.sh ZAMEN DIR: the image pipeline on 200 phone photos
# (issue 9). Part of `make bench`, never of `make test`.
#
# DIR/fotos holds 200 photos as a phone gives them: 4032 x 3024 JPEG of
# 2-5 MB, noise blurred at two scales (fine grain and large colour areas,
# so they compress like photos), each cut from another place of one large
# texture with its own colour; every third one is a portrait stored on its
# side, as a phone does: EXIF Orientation 6. All carry GPS, Artist and a
# camera serial. They are
# made once (a few minutes) and kept: delete DIR to make them again.
# DIR/site is tests/bench/gen.py's site of 334 files (200 stories, 44
# editions) with one photo beside each story, hard links into DIR/fotos.
#
# Measured, one run each, wall time and peak memory (/usr/bin/time):
# "koud" without .zamen-cache and output (every photo decoded, resized,
# encoded, every newspaper page set), "warm" again with the cache of the
# cold run. The warm build must say '0 bewerkt' (no image decoded or
# encoded) and write the same bytes as the cold one; else this fails.
set -eu
ZAMEN=$1
DIR=$2
HERE=$(cd "$(dirname "$0")" && pwd)
N=200
mkdir -p "$DIR/fotos"
F=$DIR/fotos

if [ ! -f "$F/klaar" ]; then
	echo "benchmark: $N telefoonfoto's maken in $F (eenmalig, enkele minuten)"
	# The texture: per band, fine grain (noise blurred a little) plus
	# large smooth areas (coarse noise enlarged), 368 x 376 pixels larger
	# than a photo so every photo can be cut from another place.
	if [ ! -f "$F/textuur.v" ]; then
		for b in 1 2 3; do
			vips gaussnoise "$F/fijn.v" 4400 3400 --sigma 24 --mean 0 --seed "$b"
			vips gaussblur "$F/fijn.v" "$F/fijnb.v" 1.2
			vips gaussnoise "$F/grof.v" 44 34 --sigma 60 --mean 0 --seed $((b + 10))
			vips resize "$F/grof.v" "$F/grofr.v" 100 --kernel cubic
			vips add "$F/fijnb.v" "$F/grofr.v" "$F/band$b.v"
		done
		vips bandjoin "$F/band1.v $F/band2.v $F/band3.v" "$F/textuur.tmp.v"
		rm -f "$F"/fijn*.v "$F"/grof*.v "$F"/band?.v
		mv "$F/textuur.tmp.v" "$F/textuur.v"
	fi
	i=0
	while [ $i -lt $N ]; do
		out=$F/foto-$i.jpg
		if [ ! -f "$out" ]; then
			x=$((i * 37 % 368))
			y=$((i * 53 % 376))
			# Each photo its own colour: gains 0.8-1.2, offsets 100-150.
			gains="$(awk -v i=$i 'BEGIN { printf "%.2f %.2f %.2f",
				0.8 + (i * 7 % 41) / 100, 0.8 + (i * 11 % 41) / 100,
				0.8 + (i * 13 % 41) / 100 }')"
			offsets="$((100 + i * 3 % 51)) $((100 + i * 5 % 51)) $((100 + i * 7 % 51))"
			vips crop "$F/textuur.v" "$F/crop.v" $x $y 4032 3024
			vips linear "$F/crop.v" "$F/lin.v" "$gains" "$offsets"
			vips cast "$F/lin.v" "$F/cast.v" uchar
			vips jpegsave "$F/cast.v" "$F/tmp.jpg" --Q 92 --strip
			mv "$F/tmp.jpg" "$out"
		fi
		i=$((i + 1))
	done
	rm -f "$F"/crop.v "$F"/lin.v "$F"/cast.v
	# The phone's metadata, in two exiftool runs for all photos.
	exiftool -q -overwrite_original -GPSLatitude=52.5178 -GPSLatitudeRef=N \
		-GPSLongitude=5.7203 -GPSLongitudeRef=E -Artist='Fotograaf Bench' \
		-Make=Telefoon -Model='Telefoon 15' -SerialNumber=SN-0000-BENCH \
		-Orientation#=1 "$F"/foto-*.jpg
	i=0
	set --
	while [ $i -lt $N ]; do
		set -- "$@" "$F/foto-$i.jpg"
		i=$((i + 3))
	done
	exiftool -q -overwrite_original -Orientation#=6 "$@"
	rm -f "$F/textuur.v"
	touch "$F/klaar"
fi

S=$DIR/site
if [ ! -f "$S/site.yaml" ]; then
	rm -rf "$S"
	python3 "$HERE/gen.py" "$S.tmp" 334
	i=0
	for f in "$S.tmp"/content/verhalen/verhaal-*.md; do
		n=$(basename "$f" .md)
		ln "$F/foto-$i.jpg" "$S.tmp/content/verhalen/$n.jpg" 2>/dev/null ||
			cp "$F/foto-$i.jpg" "$S.tmp/content/verhalen/$n.jpg"
		sed -i "0,/^titel: /s//foto: $n.jpg\nfoto_alt: Een foto bij $n\ntitel: /" "$f"
		i=$((i + 1))
	done
	mv "$S.tmp" "$S"
fi
mb=$(du -sm "$F"/foto-*.jpg | awk '{ s += $1 } END { print s }')
echo "benchmark: $N foto's van 4032 x 3024 ($mb MB) in $S"

# measure LABEL OUT: builds the site into OUT and prints wall time and
# peak memory; the messages of the build stay in OUT.log.
measure() {
	rm -rf "$2"
	sync
	/usr/bin/time -f '%e %M' -o "$DIR/time" "$ZAMEN" build --source "$S" \
		--output "$2" --today 2026-11-22 >"$2.log" 2>&1 ||
		{ tail -5 "$2.log"; echo "benchmark: zamen build faalde" >&2; exit 1; }
	read -r s kb <"$DIR/time"
	printf '%-34s %7s s   piekgeheugen %4d MB   %s\n' "$1" "$s" $((kb / 1024)) \
		"$(grep '^zamen: afbeeldingen:' "$2.log" || echo '(geen regel afbeeldingen:)')"
}

rm -rf "$S/.zamen-cache"
measure "zamen build, $N foto's (koud)" "$DIR/uit-koud"
measure "zamen build, $N foto's (warm)" "$DIR/uit-warm"
if ! grep -Eq '^zamen: afbeeldingen: 0 bewerkt, ' "$DIR/uit-warm.log"; then
	echo "benchmark: FOUT: de warme build bewerkte afbeeldingen (verwacht: 'zamen: afbeeldingen: 0 bewerkt, ...'):" >&2
	grep '^zamen: afbeeldingen:' "$DIR/uit-warm.log" >&2 || echo "  (geen regel 'zamen: afbeeldingen:')" >&2
	exit 1
fi
if ! diff -rq "$DIR/uit-koud" "$DIR/uit-warm" >"$DIR/verschil"; then
	echo "benchmark: FOUT: de warme build schreef andere bytes dan de koude:" >&2
	head -5 "$DIR/verschil" >&2
	exit 1
fi
rm -rf "$DIR/uit-koud" "$DIR/uit-warm"
