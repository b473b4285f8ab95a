#!/bin/sh
# The command line as an editor meets it: exit codes, where messages go,
# defaults. Speaks TAP for prove. ZAMEN names the binary under test.
. tests/tap.sh

echo "1..14"

run 0 --help && grep -q '^  zamen check' "$TMP/out" && grep -q 'Afsluitcode' "$TMP/out"
ok $? "--help prints Dutch help and exits 0"

run 0 --version && grep -Eq '^zamen [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out"
ok $? "--version prints the version"

run 2
ok $? "no command is a usage error (2)"

run 2 publiceer && grep -q "onbekende opdracht 'publiceer'" "$TMP/err"
ok $? "an unknown command is a usage error in Dutch"

run 2 check --kleur && grep -q "onbekende optie '--kleur'" "$TMP/err"
ok $? "an unknown option is a usage error"

run 2 check --today 22-11-2026 && grep -q "JJJJ-MM-DD" "$TMP/err"
ok $? "--today with a malformed date is a usage error"

run 2 check --source "$TMP/bestaat-niet" && grep -q "bestaat niet" "$TMP/err"
ok $? "a source folder that does not exist is a usage error"

run 2 check --output "$TMP/x" && grep -q "onbekende optie '--output'" "$TMP/err"
ok $? "--output belongs to build only"

run 0 check --source "$ROOT" --today 2026-11-22 && grep -q "gecontroleerd" "$TMP/out" && ! grep -q ': fout:' "$TMP/err"
ok $? "the example content checks without errors"

# Default --source is the current folder.
(cd "$ROOT" && "$ZAMEN" check --today=2026-11-22 >"$TMP/out" 2>"$TMP/err")
ok $? "check without --source reads the current folder"

mkdir -p "$TMP/site/content/verhalen"
cp "$ROOT/tests/checks/site.yaml" "$TMP/site/"
printf -- '---\ntitel: Anna\n---\n' >"$TMP/site/content/verhalen/anna.md"
run 1 check --source "$TMP/site" --today 2026-11-22 &&
	grep -q "^content/verhalen/anna.md:1: fout: verplicht veld 'datum' ontbreekt" "$TMP/err" &&
	grep -q '^2 fouten\.$' "$TMP/err" && grep -q 'er is niets geschreven' "$TMP/err"
ok $? "content errors exit 1 with file:line messages and a count on stderr"

run 1 build --source "$TMP/site" --output "$TMP/public" --today 2026-11-22 && [ ! -e "$TMP/public" ]
ok $? "build with content errors exits 1 and writes nothing"

run 1 check --source "$TMP" && grep -q "geen site.yaml en geen map content/" "$TMP/err"
ok $? "a folder without site.yaml and content/ is reported"

run 0 build --source "$ROOT" --output "$TMP/met-concepten" --drafts --today 2026-11-22 &&
	[ -f "$TMP/met-concepten/verhalen/na-mijn-beroerte/index.html" ]
ok $? "build --drafts publishes the draft story too"

tap_end
