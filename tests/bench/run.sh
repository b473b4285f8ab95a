#!/bin/sh
# make bench: generates the benchmark site once and times zamen on it.
# Prints wall time and peak memory; never part of `make test`.
set -eu
ZAMEN=$1
DIR=$2
if [ ! -f "$DIR/site.yaml" ]; then
	rm -rf "$DIR"
	python3 "$(dirname "$0")/gen.py" "$DIR" 10000
fi
files=$(find "$DIR/content" -name '*.md' | wc -l)
echo "benchmark: $files inhoudsbestanden in $DIR"
for i in 1 2 3; do
	/usr/bin/time -f "zamen check: %e s, piekgeheugen %M KB" \
		"$ZAMEN" check --source "$DIR" --today 2026-11-22 >/dev/null 2>"$DIR.err" ||
		{ tail -5 "$DIR.err"; exit 1; }
	tail -1 "$DIR.err"
done
