#!/bin/sh
# make bench: generates a 10,000-file site once (60% stories, 30% activities,
# 10% partners) and builds it with zamen and, from the same Markdown, with
# Hugo; prints wall time and peak memory of each, best of three. Output
# goes to disk (beside the site) and, when there is one, to a tmpfs, which
# shows the programs without the file system. Never part of `make test`.
#
# zamen is measured twice: "koud" without its PDF cache (every newspaper
# page set anew, as on a fresh clone) and "warm" with the cache of the run
# before (the pages of unchanged editions from .zamen-cache, as on an
# editor's machine). "ondergrens" is FLOOR (floor.c): only reading every
# file and turning its Markdown into HTML with cmark, on as many threads;
# no build with cmark can be faster.
set -eu
ZAMEN=$1
DIR=$2
FLOOR=${3:-}
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$DIR/site.yaml" ]; then
	rm -rf "$DIR"
	python3 "$HERE/gen.py" "$DIR" 10000
fi
files=$(find "$DIR/content" -name '*.md' | wc -l)
echo "benchmark: $files inhoudsbestanden in $DIR"

# best NAME OUT CMD...: runs CMD three times into a fresh OUT, prints the
# fastest wall time and the largest peak memory. With COLD=1, zamen's PDF
# cache is removed before each run.
best() {
	name=$1
	out=$2
	shift 2
	best_s=""
	peak=0
	for i in 1 2 3; do
		rm -rf "$out"
		if [ "${COLD:-}" = 1 ]; then rm -rf "$DIR/.zamen-cache"; fi
		# The writes of the run before are flushed first: else a
		# run waits for the disk to take the last one's 100 MB.
		sync
		/usr/bin/time -f "%e %M" -o "$DIR.time" "$@" >/dev/null 2>"$DIR.err" ||
			{ tail -5 "$DIR.err"; exit 1; }
		read -r s kb <"$DIR.time"
		if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
			best_s=$s
		fi
		[ "$kb" -gt "$peak" ] && peak=$kb
	done
	printf '%-30s %6s s   piekgeheugen %4d MB\n' "$name" "$best_s" $((peak / 1024))
}

run_all() { # TARGET-FOLDER LABEL
	COLD=1
	best "zamen check (koud)" "$1/z" "$ZAMEN" check --source "$DIR" --today 2026-11-22
	best "zamen build ($2, koud)" "$1/z" "$ZAMEN" build --source "$DIR" --output "$1/z" --today 2026-11-22
	COLD=
	best "zamen build ($2, warm)" "$1/z" "$ZAMEN" build --source "$DIR" --output "$1/z" --today 2026-11-22
	best "zamen check (warm)" "$1/z" "$ZAMEN" check --source "$DIR" --today 2026-11-22
	best "hugo ($2)" "$1/h" hugo --quiet --source "$HERE/hugo" \
		--contentDir "$(cd "$DIR" && pwd)/content" --destination "$1/h"
	rm -rf "$1/z" "$1/h"
}

# One newspaper page of the example site (loading that site included).
ROOT=$(cd "$HERE/../.." && pwd)
best "zamen print (1 pagina)" "$DIR.pdf" "$ZAMEN" print 2026-48 --source "$ROOT" \
	--output "$DIR.pdf" --today 2026-11-22
rm -f "$DIR.pdf"

if [ -n "$FLOOR" ]; then
	best "ondergrens: alleen cmark" "$DIR.none" "$FLOOR" "$DIR/content"
fi
run_all "$(cd "$(dirname "$DIR")" && pwd)/bench-out" "schijf"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	run_all "/dev/shm/zamen-bench-$$" "tmpfs"
	rm -rf "/dev/shm/zamen-bench-$$"
fi
