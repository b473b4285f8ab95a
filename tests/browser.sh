#!/bin/sh
# Builds the example site and opens every kind of page in headless Chromium
# (tests/browser/check.mjs: axe-core, type size, zoom, phone, focus). TAP.
set -u
ZAMEN=${ZAMEN:-$(pwd)/zamen}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if ! "$ZAMEN" build --source . --output "$TMP/public" --today 2026-11-22 \
	>"$TMP/log" 2>&1; then
	echo "1..1"
	echo "not ok 1 - the example site builds"
	sed 's/^/# /' "$TMP/log"
	exit 1
fi
exec node tests/browser/check.mjs "$TMP/public"
