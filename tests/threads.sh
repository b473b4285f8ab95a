#!/bin/sh
# Threads: a site large enough that every render thread and the print
# thread have work at once (tests/bench/gen.py, about 700 files), built
# twice into two folders that must be byte for byte the same. The second
# build takes its PDFs from the cache the first one filled. Under
# `make SANITIZE=thread test` the same builds run under ThreadSanitizer,
# which stops zamen at the first data race. A race once made a link come
# out as a copied .md file on a few pages out of thousands.
# Speaks TAP for prove; ZAMEN names the binary.
. tests/tap.sh
S=$TMP/site
echo "1..2"

/usr/bin/python3 "$ROOT/tests/bench/gen.py" "$S" 700 >"$TMP/gen" 2>&1 &&
	run 0 build --source "$S" --output "$TMP/a" --today 2026-11-22 &&
	[ "$(find "$TMP/a/journaal" -name '*.pdf' | wc -l)" -gt 40 ]
ok $? "a site of 700 files with more than 40 newspaper pages builds"

run 0 build --source "$S" --output "$TMP/b" --today 2026-11-22 &&
	diff -r "$TMP/a" "$TMP/b" >"$TMP/err" 2>&1
ok $? "built again (the pages from the cache), every file is the same"

tap_end
