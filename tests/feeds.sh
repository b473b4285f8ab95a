#!/bin/sh
# The machine-readable outputs through real parsers: the Atom feed through
# python3-feedparser, the calendars through python3-icalendar and dateutil
# (every occurrence compared with the site's own), the sitemap through
# xmllint and the sitemaps.org schema. Runs tests/feeds/gen (FEEDS_GEN) on
# the model fixture, the example content and tests/feeds/site, which has
# what the other two lack (summer-time changes, UNTIL in winter and summer,
# awkward characters). Then shows that the checks do fail on broken output.
# Speaks TAP for prove.
. tests/tap.sh
TAP_LOG=$TMP/log
GEN=${FEEDS_GEN:-$ROOT/build/rel/tests/feeds_gen}
PYTHON=${PYTHON:-/usr/bin/python3} # Debian's, which has the parsers
TODAY=2026-11-22
WEEKS=60 # from today through the summer-time changes of March and October

# Every output of OUT as one text with iCalendar lines unfolded and TEXT
# unescaped, so that a name cannot hide behind a fold or a backslash.
all_text() {
	for f in "$1"/feed.xml "$1"/sitemap.xml "$1"/robots.txt "$1"/*.ics; do
		[ -f "$f" ] || return 1
		perl -0pe 's/\r\n //g; s/\\([,;\\])/$1/g' "$f" || return 1
	done
}

# Whether no output of OUT holds a line of its forbidden.txt. grep exits 1
# for "no line matches", 2 for an error such as a missing forbidden.txt.
privacy_clean() {
	all_text "$1" >"$TMP/all" 2>"$TMP/log" || return 2
	grep -F -f "$1/forbidden.txt" "$TMP/all" >"$TMP/log" 2>&1
	[ $? -eq 1 ]
}

check_site() { # NAME SOURCE
	name=$1
	out=$TMP/$name
	"$GEN" "$2" "$out" "$TODAY" "$WEEKS" >"$TMP/log" 2>&1
	ok $? "$name: gen writes feed, sitemap, robots.txt and calendars"

	"$GEN" "$2" "$TMP/again" "$TODAY" "$WEEKS" >"$TMP/log" 2>&1 &&
		diff -r "$out" "$TMP/again" >"$TMP/log" 2>&1
	ok $? "$name: the same site and today give the same bytes"
	rm -rf "$TMP/again"

	xmllint --noout "$out/feed.xml" >"$TMP/log" 2>&1 &&
		"$PYTHON" tests/feeds/check_feed.py "$out" >"$TMP/log" 2>&1
	ok $? "$name: feedparser reads the Atom feed as written"

	xmllint --noout --schema tests/feeds/sitemap.xsd "$out/sitemap.xml" \
		>"$TMP/log" 2>&1
	ok $? "$name: sitemap.xml is valid against the sitemaps.org schema"

	base=$(sed -n 's/^basis_url: *//p' "$2/site.yaml")
	grep -qx "Sitemap: ${base}sitemap.xml" "$out/robots.txt" &&
		grep -qx 'User-agent: \*' "$out/robots.txt"
	ok $? "$name: robots.txt points at the sitemap"

	host=$(echo "$base" | sed 's#^[a-z]*://##; s#[/:].*##')
	"$PYTHON" tests/feeds/check_ical.py "$out" "$host" >"$TMP/log" 2>&1
	ok $? "$name: the calendars give exactly the site's occurrences"

	privacy_clean "$out"
	ok $? "$name: no anonymous author, draft, embargoed or past item"
}

# expect_failure DESCRIPTION FILE SED-SCRIPT CHECK...: breaks a copy of the
# feeds site's output and requires CHECK to notice.
expect_failure() {
	what=$1
	file=$2
	script=$3
	shift 3
	rm -rf "$TMP/broken"
	if [ ! -f "$TMP/feeds/$file" ]; then
		echo "no $file to break" >"$TMP/log"
		ok 1 "a check fails on $what"
		return
	fi
	cp -r "$TMP/feeds" "$TMP/broken"
	sed -i "$script" "$TMP/broken/$file"
	if cmp -s "$TMP/feeds/$file" "$TMP/broken/$file"; then
		echo "the change to $file did not apply" >"$TMP/log"
		ok 1 "a check fails on $what"
		return
	fi
	"$@" >/dev/null 2>&1
	[ $? -ne 0 ]
	ok $? "a check fails on $what"
}

if [ ! -x "$GEN" ]; then
	echo "Bail out! no test driver at $GEN (set FEEDS_GEN)"
	exit 1
fi
echo "1..31"

check_site model "$ROOT/tests/sites/model"
check_site example "$ROOT"
check_site feeds "$ROOT/tests/feeds/site"

# Twenty-five stories: the feed keeps the twenty newest.
mkdir -p "$TMP/many/content/verhalen"
cp tests/checks/site.yaml "$TMP/many/"
for i in $(seq 1 25); do
	printf -- '---\ntitel: Verhaal %s\ndatum: 2026-10-%02d\ntoestemming: 2026-09-01\n---\nTekst.\n' \
		"$i" "$i" >"$TMP/many/content/verhalen/verhaal-$i.md"
done
"$GEN" "$TMP/many" "$TMP/many-out" "$TODAY" >"$TMP/log" 2>&1 &&
	[ "$(grep -c '<entry>' "$TMP/many-out/feed.xml")" -eq 20 ] &&
	grep -q 'verhalen/verhaal-25/' "$TMP/many-out/feed.xml" &&
	! grep -q 'verhalen/verhaal-5/' "$TMP/many-out/feed.xml" &&
	"$PYTHON" tests/feeds/check_feed.py "$TMP/many-out" >>"$TMP/log" 2>&1
ok $? "the feed holds the twenty newest of twenty-five stories"

# A YAML "\r\n" between double quotes is a real CR LF in the value: in a
# calendar it must stay inside its property, in the feed inside its element.
mkdir -p "$TMP/crlf/content/verhalen" "$TMP/crlf/content/activiteiten" \
	"$TMP/crlf/content/partners"
cp tests/checks/site.yaml "$TMP/crlf/"
printf -- '---\nnaam: Welzijn\nsector: [welzijn]\n---\n' \
	>"$TMP/crlf/content/partners/welzijn.md"
printf -- '---\ntitel: "a\\r\\nDTSTART:20000101"\ncategorie: ontmoeting\norganisator: welzijn\nkern: dronten\nlocatie: "Zaal\\rEND:VEVENT\\r\\nBEGIN:VEVENT"\ndatum: 2026-12-01\ntijd: 10:00\n---\n' \
	>"$TMP/crlf/content/activiteiten/injectie.md"
printf -- '---\ntitel: "x\\r\\n</title><title>y"\ndatum: 2026-11-01\ntoestemming: 2026-10-01\n---\nTekst.\n' \
	>"$TMP/crlf/content/verhalen/injectie.md"
"$GEN" "$TMP/crlf" "$TMP/crlf-out" "$TODAY" >"$TMP/log" 2>&1 &&
	"$PYTHON" tests/feeds/check_ical.py "$TMP/crlf-out" >>"$TMP/log" 2>&1 &&
	"$PYTHON" - "$TMP/crlf-out/activiteiten.ics" >>"$TMP/log" 2>&1 <<'EOF2'
import sys, icalendar
raw = open(sys.argv[1], "rb").read()
lines = raw.split(b"\r\n")
assert not any(l.startswith(b"DTSTART:2000") for l in lines), "injected DTSTART"
assert lines.count(b"BEGIN:VEVENT") == 1, "injected VEVENT"
events = list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))
assert len(events) == 1, events
ev = events[0]
assert str(ev["SUMMARY"]) == "a\nDTSTART:20000101", repr(ev["SUMMARY"])
assert str(ev["LOCATION"]) == "Zaal\nEND:VEVENT\nBEGIN:VEVENT", repr(ev["LOCATION"])
assert ev.decoded("DTSTART").year == 2026, ev.decoded("DTSTART")
EOF2
ok $? "a CR LF in an activity's titel or locatie cannot add a calendar line"

"$PYTHON" - "$TMP/crlf-out/feed.xml" >"$TMP/log" 2>&1 <<'EOF2'
import sys, feedparser
f = feedparser.parse(sys.argv[1])
assert not f.bozo, f.bozo_exception
assert len(f.entries) == 1, f.entries
assert f.entries[0].title == "x\n</title><title>y", repr(f.entries[0].title)
EOF2
ok $? "a CR LF in a story's titel cannot add an element to the feed"

B=$TMP/broken
expect_failure "an UNTIL in local time" activiteiten.ics \
	's/UNTIL=20270211T130000Z/UNTIL=20270211T140000/' \
	"$PYTHON" tests/feeds/check_ical.py "$B"
expect_failure "an UNTIL one hour early (the last day lost)" \
	activiteiten.ics 's/UNTIL=20270404T080000Z/UNTIL=20270404T070000Z/' \
	"$PYTHON" tests/feeds/check_ical.py "$B"
expect_failure "a missing EXDATE" activiteiten.ics '/^EXDATE/d' \
	"$PYTHON" tests/feeds/check_ical.py "$B"
expect_failure "summer time starting on the first Sunday of March" \
	activiteiten.ics 's/BYMONTH=3;BYDAY=-1SU/BYMONTH=3;BYDAY=1SU/' \
	"$PYTHON" tests/feeds/check_ical.py "$B"
expect_failure "an unescaped & in the feed" feed.xml \
	's/Alleen &amp; toch/Alleen \& toch/' \
	"$PYTHON" tests/feeds/check_feed.py "$B"
expect_failure "an anonymous author's name folded in a calendar line" \
	activiteiten.ics \
	's/^SUMMARY:Paasweekend/SUMMARY:Paasweekend met Verborgen Pers\r\n oon/' \
	privacy_clean "$B"
expect_failure "a sitemap outside the sitemaps.org namespace" sitemap.xml \
	's# xmlns="[^"]*"##' \
	xmllint --noout --schema tests/feeds/sitemap.xsd "$B/sitemap.xml"

tap_end
