#!/bin/sh
# Editorial safety, end to end: an edition appears nowhere before its
# story does (page, PDF, archive, feed, sitemap, home); a draft without
# consent is never shown, not even with --drafts; check and build end with
# what is scheduled. Speaks TAP for prove; ZAMEN names the binary.
. tests/tap.sh

echo "1..10"

# base DIR: site.yaml, a partner, a weekly activity and a published story
# in edition 2026-46, so that every tree below is a real small site.
base() {
	mkdir -p "$1/content/verhalen" "$1/content/journaal" \
		"$1/content/partners" "$1/content/activiteiten"
	cp "$ROOT/tests/checks/site.yaml" "$1/"
	printf -- '---\nnaam: Stichting Welzijn\nsector: [welzijn]\n---\n' \
		>"$1/content/partners/welzijn.md"
	printf -- '---\ntitel: Koffie\ncategorie: ontmoeting\norganisator: welzijn\nkern: dronten\nlocatie: De Meerpaal\nherhaling:\n  elke: week\n  dag: woensdag\n  van: 2026-01-07\ntijd: 10:00\n---\n' \
		>"$1/content/activiteiten/koffie.md"
	printf -- '---\ntitel: Cor vertelt\ndatum: 2026-11-11\ntoestemming: 2026-11-01\n---\nCor vertelt.\n' \
		>"$1/content/verhalen/cor.md"
	printf -- '---\ndatum: 2026-11-11\nverhaal: cor\n---\n' \
		>"$1/content/journaal/2026-46.md"
}

# leaks DIR WORD: every file of DIR (PDFs as text) that holds WORD.
leaks() {
	grep -rl "$2" "$1"
	find "$1" -name '*.pdf' | while read -r pdf; do
		pdftotext "$pdf" - | grep -q "$2" && echo "$pdf"
	done
}

# An edition whose paper has appeared (18 November) but whose story is
# under embargo until 25 November.
base "$TMP/embargo"
printf -- '---\ntitel: GEHEIMTITEL\ndatum: 2026-11-25\ntoestemming: 2026-11-01\n---\nGEHEIMTEKST staat nog onder embargo.\n' \
	>"$TMP/embargo/content/verhalen/geheim.md"
printf -- '---\ndatum: 2026-11-18\nverhaal: geheim\n---\nVan de redactie.\n' \
	>"$TMP/embargo/content/journaal/2026-47.md"

run 0 build --source "$TMP/embargo" --output "$TMP/e1" --today 2026-11-22 &&
	grep -q "^content/journaal/2026-47.md:3:10: waarschuwing: de krant met editie 2026-47 is al uit (woensdag 18 november 2026), maar het verhaal 'geheim' verschijnt pas op woensdag 25 november 2026: tot die dag staat de editie nergens op de site" "$TMP/err"
ok $? "an appeared edition with an embargoed story builds, with a warning that says what happens"

[ ! -e "$TMP/e1/journaal/2026-47" ] && [ -d "$TMP/e1/journaal/2026-46" ] &&
	[ -z "$(grep -rl 'journaal/2026-47' "$TMP/e1")" ] >"$TMP/err" 2>&1
ok $? "that edition has no page, no PDF and no link (archive, home, feed, sitemap)"

leaks "$TMP/e1" GEHEIM >"$TMP/err" 2>&1
[ ! -s "$TMP/err" ]
ok $? "nothing of the embargoed story is in the output, PDFs included"

run 0 build --source "$TMP/embargo" --output "$TMP/e2" --today 2026-11-25 &&
	[ -f "$TMP/e2/journaal/2026-47/index.html" ] &&
	[ -n "$(find "$TMP/e2/journaal/2026-47" -name '*.pdf')" ] &&
	grep -q 'journaal/2026-47' "$TMP/e2/feed.xml" "$TMP/e2/sitemap.xml"
ok $? "on the story's day the edition appears, with its PDF, in feed and sitemap"

# A draft story without consent, in a draft edition: a warning in check,
# and never shown, not even in a preview.
base "$TMP/concept"
printf -- '---\ntitel: ZONDERTOESTEMMING\nconcept: true\ndatum: 2026-11-18\n---\nZONDERTEKST.\n' \
	>"$TMP/concept/content/verhalen/zonder.md"
printf -- '---\nconcept: true\ndatum: 2026-11-18\nverhaal: zonder\n---\n' \
	>"$TMP/concept/content/journaal/2026-47.md"

run 0 check --source "$TMP/concept" --today 2026-11-22 &&
	grep -q '^content/verhalen/zonder.md:1: waarschuwing: concept zonder toestemming' "$TMP/err"
ok $? "a draft without consent is a warning, not an error"

run 0 build --source "$TMP/concept" --output "$TMP/c1" --drafts --today 2026-11-22 &&
	[ ! -e "$TMP/c1/journaal/2026-47" ] && [ ! -e "$TMP/c1/verhalen/zonder" ] &&
	[ -z "$(leaks "$TMP/c1" ZONDER)" ]
ok $? "with --drafts neither the story without consent nor its edition is shown"

# The schedule: what appears on which day, drafts left out.
base "$TMP/plan"
printf -- '---\ntitel: Anna vertelt\ndatum: 2026-11-25\ntoestemming: 2026-11-01\n---\nAnna.\n' \
	>"$TMP/plan/content/verhalen/anna.md"
printf -- '---\ndatum: 2026-11-25\nverhaal: anna\n---\n' \
	>"$TMP/plan/content/journaal/2026-48.md"
printf -- '---\ntitel: Bert vertelt\ndatum: 2026-12-04\ntoestemming: 2026-11-01\n---\nBert.\n' \
	>"$TMP/plan/content/verhalen/bert.md"
printf -- '---\ndatum: 2026-12-02\nverhaal: bert\n---\n' \
	>"$TMP/plan/content/journaal/2026-49.md"
printf -- '---\ntitel: Nog een concept\nconcept: true\ndatum: 2026-11-30\ntoestemming: 2026-11-01\n---\nConcept.\n' \
	>"$TMP/plan/content/verhalen/concept.md"
cat >"$TMP/schedule" <<'EOF'
Gepland, nog niet op de site:
  woensdag 25 november 2026: verhaal 'Anna vertelt' (content/verhalen/anna.md)
  woensdag 25 november 2026: editie 2026-48 (content/journaal/2026-48.md)
  vrijdag 4 december 2026: verhaal 'Bert vertelt' (content/verhalen/bert.md)
  vrijdag 4 december 2026: editie 2026-49 (content/journaal/2026-49.md), wacht op het verhaal 'bert'
De site verandert pas als hij op die dag opnieuw gebouwd wordt (zamen build); zie de README, 'Elke dag bouwen'.
EOF
{
	echo "zamen: 4 verhalen, 1 activiteiten, 1 partners, 3 edities en 0 pagina's gecontroleerd."
	cat "$TMP/schedule"
} >"$TMP/want"
run 0 check --source "$TMP/plan" --today 2026-11-22 &&
	diff -u "$TMP/want" "$TMP/out" >"$TMP/err"
ok $? "check ends with what is scheduled, exactly"

{
	echo "zamen: 4 verhalen, 1 activiteiten, 1 partners, 3 edities en 0 pagina's gecontroleerd."
	echo "zamen: website geschreven in $TMP/p1"
	cat "$TMP/schedule"
} >"$TMP/want"
run 0 build --source "$TMP/plan" --output "$TMP/p1" --today 2026-11-22 &&
	diff -u "$TMP/want" "$TMP/out" >"$TMP/err"
ok $? "build ends with the same schedule"

run 0 check --source "$TMP/plan" --today 2026-12-04 &&
	! grep -q 'Gepland' "$TMP/out"
ok $? "when everything has appeared, nothing is scheduled"

# Many stories to come: ten are listed, the rest counted.
i=1
while [ $i -le 12 ]; do
	printf -- '---\ntitel: Later %d\ndatum: 2026-12-%02d\ntoestemming: 2026-11-01\n---\nLater.\n' $i $i \
		>"$TMP/plan/content/verhalen/later-$i.md"
	i=$((i + 1))
done
run 0 check --source "$TMP/plan" --today 2026-11-22 &&
	[ "$(grep -c '^  .*: verhaal' "$TMP/out")" -eq 8 ] &&
	grep -q '^  en nog 6, tot en met zaterdag 12 december 2026$' "$TMP/out"
ok $? "a long schedule lists ten entries and counts the rest"

tap_end
