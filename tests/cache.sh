#!/bin/sh
# The PDF cache of `zamen build` (src/print_cache.h): a page comes from
# SOURCE/.zamen-cache/journaal while nothing it is made of changed, and is
# set again as soon as anything did. To tell where a page came from, the
# test marks every kept PDF with a trailing comment line: a page with the
# mark in the output came from the cache, one without was set anew.
# Speaks TAP for prove; ZAMEN names the binary.
. tests/tap.sh
S=$TMP/site
C=$S/.zamen-cache/journaal
TODAY=2026-12-10 # editions 2026-47, -48 and -49 all published
mkdir -p "$S" && cp -R "$ROOT/site.yaml" "$ROOT/content" "$ROOT/layouts" "$S/"
STORY48=$S/content/verhalen/de-boer-op-het-bankje

# build N: builds into $TMP/outN; true when it succeeds.
build() {
	run 0 build --source "$S" --output "$TMP/out$1" --today "$TODAY"
}

# mark: marks every PDF in the cache.
mark() {
	for f in "$C"/*.pdf; do
		printf '%%zamen-test\n' >>"$f"
	done
}

# from_cache N EDITION: whether edition's PDF in build N came from the cache.
from_cache() {
	tail -c 12 "$TMP/out$1/journaal/$2/zamen-een-journaal-$2.pdf" |
		grep -q '^%zamen-test$'
}

# which N: the editions of build N whose page came from the cache.
which() {
	for e in 2026-47 2026-48 2026-49; do
		from_cache "$1" "$e" && printf '%s ' "$e"
	done
	echo
}

echo "1..13"

build 1 && [ "$(find "$TMP/out1/journaal" -name '*.pdf' | wc -l)" -eq 3 ] &&
	[ "$(ls "$C"/*.pdf | wc -l)" -eq 3 ] &&
	[ "$(ls "$C"/*.meldingen | wc -l)" -eq 3 ] &&
	cp "$TMP/err" "$TMP/err1"
ok $? "a build keeps the PDF and the warnings of each of its 3 editions"

mkdir -p "$TMP/repo" && cp -R "$S/.zamen-cache" "$TMP/repo/" &&
	git -C "$TMP/repo" init -q && [ -z "$(git -C "$TMP/repo" status --porcelain)" ]
ok $? "git leaves the cache alone in any repository (its own .gitignore)"

mark && build 2 && [ "$(which 2)" = "2026-47 2026-48 2026-49 " ] &&
	cmp -s "$TMP/err" "$TMP/err1"
ok $? "nothing changed: every page comes from the cache, with the same warnings"

mark && printf '\nEen nieuwe alinea.\n' >>"$STORY48/index.md" &&
	build 3 && [ "$(which 3)" = "2026-47 2026-49 " ]
ok $? "a changed story: only its edition is set again"

mark && sed -i 's/^titel: Koffieochtend in De Meerpaal$/titel: Koffie in De Meerpaal/' \
	"$S/content/activiteiten/koffieochtend-meerpaal.md" &&
	build 4 && ! from_cache 4 2026-48
ok $? "a changed activity on the page: its edition is set again"

mark && sed -i 's/^telefoon: 0321 760 110$/telefoon: 0321 760 111/' \
	"$S/content/partners/vrijwilligerscentrale-dronten.md" &&
	build 5 && [ "$(which 5)" = "2026-47 2026-48 " ]
ok $? "a changed partner in the spotlight: only its edition is set again"

# Bytes after a JPEG's end are ignored by every reader: the photo still
# reads, but is another file.
mark && printf 'x' >>"$STORY48/foto.jpg" &&
	build 6 && [ "$(which 6)" = "2026-47 2026-49 " ]
ok $? "a changed photo: only its edition is set again"

mark && sed -i 's/^  telefoon: 0321 760 000$/  telefoon: 0321 760 001/' "$S/site.yaml" &&
	build 7 && [ "$(which 7)" = "" ]
ok $? "a changed site.yaml (the contact box): every page is set again"

mark && printf '# een opmerking\n' >>"$S/layouts/journaal/ontwerp.yaml" &&
	build 8 && [ "$(which 8)" = "" ]
ok $? "a changed page design: every page is set again"

[ "$(ls "$C" | wc -l)" -eq 6 ]
ok $? "entries the last build did not use are removed"

mark && for f in "$C"/*.meldingen; do echo 'geen meldingen' >"$f"; done &&
	build 9 && [ "$(which 9)" = "" ] && cmp -s "$TMP/out8/journaal/2026-48/zamen-een-journaal-2026-48.pdf" \
	"$TMP/out9/journaal/2026-48/zamen-een-journaal-2026-48.pdf"
ok $? "a damaged entry counts as missing: the page is set again, the same"

run 0 check --source "$S" --today "$TODAY" && cp "$TMP/err" "$TMP/check-cached" &&
	rm -rf "$S/.zamen-cache" &&
	run 0 check --source "$S" --today "$TODAY" &&
	cmp -s "$TMP/err" "$TMP/check-cached" &&
	grep -q "2026-49.md:2:1: waarschuwing: 'Deze week' op de krantenpagina" "$TMP/err"
ok $? "zamen check reports the same warnings with and without the cache"

[ ! -e "$S/.zamen-cache" ]
ok $? "zamen check only reads the cache, it never makes one"

tap_end
