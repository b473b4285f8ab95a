#!/bin/sh
# check and build agree: on the same tree and the same --today, `zamen
# check` and `zamen build` exit with the same status and print the same
# messages (stderr), for past, current and future editions alike. The
# trees: every case of tests/checks, a story too long for the page in an
# edition still to come and in one that has appeared, a draft edition
# (also with --drafts), and the example content on several days. Speaks
# TAP for prove.
. tests/tap.sh

PY=/usr/bin/python3

# Both commands on tree $1 with --today $2; true when they agree. The
# output of build goes to a folder of its own, never into the tree.
agree() {
	src=$1
	today=$2
	"$ZAMEN" check --source "$src" --today "$today" \
		>"$TMP/check.out" 2>"$TMP/check.err"
	crc=$?
	rm -rf "$TMP/public"
	"$ZAMEN" build --source "$src" --output "$TMP/public" \
		--today "$today" >"$TMP/build.out" 2>"$TMP/build.err"
	brc=$?
	{
		echo "check: $crc, build: $brc"
		diff -u "$TMP/check.err" "$TMP/build.err"
	} >"$TMP/err"
	[ "$crc" -eq "$brc" ] && cmp -s "$TMP/check.err" "$TMP/build.err"
}

# Writes each case of tests/checks as a tree under $TMP/cases/NAME, with its
# --today (default 2026-11-22, as in test_checks.c) in NAME.today. The same
# splitting as test_checks.c: "=== PATH" starts a file, a PATH ending in '/'
# is an empty folder, "=== expected" is not part of the tree.
"$PY" - "$ROOT/tests/checks" "$TMP/cases" <<'EOF'
import os, sys
cases, out = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(cases)):
    if not name.endswith(".case"):
        continue
    tree = os.path.join(out, name[:-5])
    os.makedirs(tree)
    today = "2026-11-22"
    data = open(os.path.join(cases, name), "rb").read()
    lines = data.split(b"\n")
    chunks, current = [], None
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        if line.startswith(b"=== "):
            current = [line[4:].decode().strip(), []]
            chunks.append(current)
        elif current is not None:
            current[1].append(line + (b"" if last else b"\n"))
    has_site = False
    for path, body in chunks:
        body = b"".join(body)
        if path == "expected":
            continue
        if path == "today":
            today = body.decode().strip()
            continue
        full = os.path.join(tree, path)
        if path.endswith("/"):
            os.makedirs(full, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(full), exist_ok=True)
        open(full, "wb").write(body)
        has_site |= path == "site.yaml"
    if not has_site:
        open(os.path.join(tree, "site.yaml"), "wb").write(
            open(os.path.join(cases, "site.yaml"), "rb").read())
    open(tree + ".today", "w").write(today)
EOF
ok $? "the cases of tests/checks are written as trees"

for tree in "$TMP"/cases/*/; do
	tree=${tree%/}
	agree "$tree" "$(cat "$tree.today")"
	ok $? "check and build agree on tests/checks/$(basename "$tree").case"
done

# A small site of one edition whose story is far too long for the page.
long_site() {
	dir=$1
	mkdir -p "$dir/content/verhalen" "$dir/content/journaal" \
		"$dir/content/partners" "$dir/content/activiteiten"
	cp "$ROOT/tests/checks/site.yaml" "$dir/"
	printf -- '---\nnaam: Stichting Welzijn\nsector: [welzijn]\n---\n' \
		>"$dir/content/partners/welzijn.md"
	printf -- '---\ntitel: Koffie\ncategorie: ontmoeting\norganisator: welzijn\nkern: dronten\nlocatie: De Meerpaal\nherhaling:\n  elke: week\n  dag: woensdag\n  van: 2026-01-07\ntijd: 10:00\n---\n' \
		>"$dir/content/activiteiten/koffie.md"
	{
		printf -- '---\ntitel: Een lang verhaal\ndatum: 2026-12-02\ntoestemming: 2026-11-01\n---\n\n'
		i=0
		while [ $i -lt 120 ]; do
			printf 'Dit is alinea %d van een verhaal dat veel te lang is voor de krantenpagina, want het gaat maar door en door, met steeds weer nieuwe zinnen over de koffie, de buren en het dorp.\n\n' $i
			i=$((i + 1))
		done
	} >"$dir/content/verhalen/lang.md"
	printf -- '---\ndatum: 2026-12-02\nverhaal: lang\n---\n' \
		>"$dir/content/journaal/2026-49.md"
}

long_site "$TMP/lang"
agree "$TMP/lang" 2026-11-22 && [ "$crc" -eq 1 ] &&
	grep -q '^content/journaal/2026-49.md:3:1: fout: verhaal te lang' "$TMP/build.err"
ok $? "a story too long for an edition still to come is an error in check and in build"

agree "$TMP/lang" 2026-12-02 && [ "$crc" -eq 1 ] &&
	grep -q '^content/journaal/2026-49.md:3:1: fout: verhaal te lang' "$TMP/build.err"
ok $? "a story too long for an edition that has appeared is an error in check and in build"

# A draft edition with a draft story, both past their day: previewed with
# --drafts, never printed, and no error either way.
mkdir -p "$TMP/concept/content/verhalen" "$TMP/concept/content/journaal"
cp "$ROOT/tests/checks/site.yaml" "$TMP/concept/"
printf -- '---\ntitel: Concept\nconcept: true\ndatum: 2026-11-18\ntoestemming: 2026-11-01\n---\nKort.\n' \
	>"$TMP/concept/content/verhalen/concept.md"
printf -- '---\nconcept: true\ndatum: 2026-11-18\nverhaal: concept\n---\n' \
	>"$TMP/concept/content/journaal/2026-47.md"
agree "$TMP/concept" 2026-11-22 && [ "$crc" -eq 0 ]
ok $? "a draft edition is no error in check or in build"

rm -rf "$TMP/preview"
"$ZAMEN" build --source "$TMP/concept" --output "$TMP/preview" --drafts \
	--today 2026-11-22 >"$TMP/out" 2>"$TMP/err" &&
	[ -f "$TMP/preview/journaal/2026-47/index.html" ] &&
	[ -z "$(find "$TMP/preview" -name '*.pdf')" ] &&
	! grep -q '\.pdf' "$TMP/preview/journaal/2026-47/index.html"
ok $? "build --drafts previews a draft edition's page without printing it"

for today in 2026-11-10 2026-11-22 2026-12-02; do
	agree "$ROOT" $today
	ok $? "check and build agree on the example content on $today"
done
rm -rf "$TMP/public"

echo "1..$n"
tap_end
