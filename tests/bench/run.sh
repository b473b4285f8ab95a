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
# editor's machine). "ondergrens: alleen cmark" is FLOOR (floor.c): only
# reading every file and turning its Markdown into HTML with cmark, on as
# many threads; no build with cmark can be faster. "ondergrens: uitvoer
# kopiëren" is cp -r of zamen's output on the same file system (one
# thread): the folders and files alone, without making their contents.
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

# best NAME OUT CMD: runs the command line CMD (a string, run with eval)
# three times and prints the fastest wall time and the largest peak memory.
# Each run writes to a folder of its own, $RUN_OUT (OUT.1, OUT.2, ...),
# kept until the end: on this machine's disk (ext4 mounted with discard)
# every tree removed just before a run made that run slower, and the next
# one more so, for zamen and Hugo alike. With COLD=1, zamen's PDF cache is
# removed before each run.
best() {
	name=$1
	out=$2
	cmd=$3
	best_s=""
	peak=0
	for i in 1 2 3; do
		if [ "${COLD:-}" = 1 ]; then rm -rf "$DIR/.zamen-cache"; fi
		RUN_OUT=$out.$i
		rm -rf "$RUN_OUT"
		# The writes of the run before are flushed first: else a
		# run waits for the disk to take the last one's 100 MB.
		sync
		eval "/usr/bin/time -f '%e %M' -o \"\$DIR.time\" $cmd" \
			>/dev/null 2>"$DIR.err" || { tail -5 "$DIR.err"; exit 1; }
		read -r s kb <"$DIR.time"
		if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
			best_s=$s
		fi
		[ "$kb" -gt "$peak" ] && peak=$kb
	done
	printf '%-30s %6s s   piekgeheugen %4d MB\n' "$name" "$best_s" $((peak / 1024))
}

ARGS='--source "$DIR" --today 2026-11-22'
run_all() { # TARGET-FOLDER LABEL
	COLD=1
	best "zamen check (koud)" "$1/c" "\"\$ZAMEN\" check $ARGS"
	best "zamen build ($2, koud)" "$1/z" "\"\$ZAMEN\" build $ARGS --output \"\$RUN_OUT\""
	COLD=
	best "zamen build ($2, warm)" "$1/w" "\"\$ZAMEN\" build $ARGS --output \"\$RUN_OUT\""
	best "zamen check (warm)" "$1/c" "\"\$ZAMEN\" check $ARGS"
	# What the file system alone costs: the same tree, only copied.
	best "ondergrens: uitvoer kopiëren" "$1/k" "cp -r \"$1/w.1\" \"\$RUN_OUT\""
	best "hugo ($2)" "$1/h" "hugo --quiet --source \"\$HERE/hugo\" --contentDir \"\$CONTENT\" --destination \"\$RUN_OUT\""
	rm -rf "$1"
}

# One newspaper page of the example site (loading that site included).
ROOT=$(cd "$HERE/../.." && pwd)
best "zamen print (1 pagina)" "$DIR.pdf" \
	'"$ZAMEN" print 2026-48 --source "$ROOT" --output "$RUN_OUT" --today 2026-11-22'
rm -f "$DIR.pdf".*

if [ -n "$FLOOR" ]; then
	best "ondergrens: alleen cmark" "$DIR.none" '"$FLOOR" "$DIR/content"'
fi
CONTENT=$(cd "$DIR" && pwd)/content
run_all "$(cd "$(dirname "$DIR")" && pwd)/bench-out" "schijf"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	run_all "/dev/shm/zamen-bench-$$" "tmpfs"
	rm -rf "/dev/shm/zamen-bench-$$"
fi
