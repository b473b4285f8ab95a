#!/bin/sh
# Golden test: tests/sites/model built with --today 2026-11-22 must give
# exactly the tree in tests/golden/model/ (pages, feed, sitemap, robots.txt,
# calendars; copied assets are left out). After a deliberate change,
# `make golden` rewrites the expectation: read the diff like code before
# committing it. TAP for prove.
set -u
ZAMEN=${ZAMEN:-$(pwd)/zamen}
EXPECTED=tests/golden/model
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# golden_tree OUT: the files that are compared, copied into OUT.
golden_tree() {
	"$ZAMEN" build --source tests/sites/model --output "$TMP/site" \
		--today 2026-11-22 >"$TMP/log" 2>&1 || return 1
	(cd "$TMP/site" && find . -type f \( -name '*.html' -o -name '*.xml' \
		-o -name '*.txt' -o -name '*.ics' \) ! -path './assets/*') |
		while read -r f; do
			mkdir -p "$1/$(dirname "$f")"
			cp "$TMP/site/$f" "$1/$f"
		done
}

if [ "${1:-}" = "--update" ]; then
	rm -rf "$EXPECTED"
	golden_tree "$EXPECTED" && echo "tests/golden.sh: $EXPECTED bijgewerkt"
	exit $?
fi

echo "1..1"
if golden_tree "$TMP/got" && diff -ru "$EXPECTED" "$TMP/got" >"$TMP/diff"; then
	echo "ok 1 - tests/sites/model builds to the approved tree"
else
	echo "not ok 1 - tests/sites/model builds to the approved tree"
	sed 's/^/# /' "$TMP/log" "$TMP/diff" | head -60
	exit 1
fi
