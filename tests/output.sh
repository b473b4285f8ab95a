#!/bin/sh
# Never lose data: where `zamen build` and `zamen print` may write, and
# what is left when they fail or are killed (src/write_tree.h). Every
# victim (a folder of documents, the sources, a file) is compared before
# and after, byte for byte and by its listing. Write failures are real
# ones where the machine allows (a full or read-only tmpfs in a private
# mount namespace, an unprivileged user); a test that cannot be set up
# here says "skip". Speaks TAP for prove; ZAMEN names the binary.
. tests/tap.sh
TODAY=2026-11-22
S=$TMP/src
mkdir -p "$S"
cp -r "$ROOT/tests/sites/model/site.yaml" "$ROOT/tests/sites/model/content" "$S/"

# snap PATH: everything about PATH that must not change (contents,
# names, sizes, modes, times), as text.
snap() {
	if [ -d "$1" ]; then
		(cd "$1" && find . -type f -exec sha256sum {} + | sort &&
			ls -ld --time-style=full-iso . && ls -lAR --time-style=full-iso .)
	else
		sha256sum "$1" && ls -la --time-style=full-iso "$1"
	fi
}

# same PATH: PATH is exactly as its snapshot in $TMP/before.
same() {
	snap "$1" >"$TMP/after" 2>&1 && cmp -s "$TMP/before" "$TMP/after" ||
		{ diff "$TMP/before" "$TMP/after" | head -20 >>"$TMP/err"; false; }
}

# skip TEXT: one TAP line for a test that cannot run here.
skip() {
	n=$((n + 1))
	echo "ok $n # skip $1"
	: >"$TAP_LOG"
}

# english: whether $TMP/err holds the system's English error text.
english() {
	grep -Eqi 'no space|permission denied|read-only file|file too large|not a directory|no such file|device or resource busy|is a directory|file exists' "$TMP/err"
}

# leftovers DIR...: the temporary folders of zamen in the folders given.
leftovers() {
	for d in "$@"; do
		ls -A "$d" 2>/dev/null | grep -E 'zamen-(nieuw|oud)|^uitvoer-' | sed "s|^|$d/|"
	done
}

build() { # STATUS OUTPUT [more options]
	want=$1
	out=$2
	shift 2
	run "$want" build --source "$S" --output "$out" --today "$TODAY" "$@"
}

echo "1..57"

# --- Ownership -----------------------------------------------------------

mkdir -p "$TMP/docs/foto's"
echo "brief aan de gemeente" >"$TMP/docs/brief.txt"
printf 'foto' >"$TMP/docs/foto's/zomer.jpg"
snap "$TMP/docs" >"$TMP/before"
build 2 "$TMP/docs" && same "$TMP/docs" &&
	grep -q "^$TMP/docs: fout: deze map is niet leeg en niet door zamen gemaakt" "$TMP/err" &&
	grep -q "Kies met --output een nieuwe of lege map" "$TMP/err" &&
	[ ! -e "$S/.zamen-cache" ] && [ -z "$(leftovers "$TMP")" ]
ok $? "a folder of documents is refused (exit 2, path, what to do), nothing touched"

mkdir -p "$TMP/home/gebruiker/.config"
echo "alias ll='ls -l'" >"$TMP/home/gebruiker/.bashrc"
echo "x=1" >"$TMP/home/gebruiker/.config/instelling"
snap "$TMP/home" >"$TMP/before"
build 2 "$TMP/home/gebruiker" && same "$TMP/home" &&
	grep -q "niet leeg en niet door zamen gemaakt" "$TMP/err"
ok $? "a home folder (only dotfiles) is refused, nothing touched"

echo "mijn aantekeningen" >"$TMP/notities"
snap "$TMP/notities" >"$TMP/before"
build 2 "$TMP/notities" && same "$TMP/notities" &&
	grep -q "^$TMP/notities: fout: dit is een bestand, geen map" "$TMP/err"
ok $? "a plain file is refused, nothing touched"

snap "$S" >"$TMP/before"
build 2 "$S" && same "$S" && grep -q "^$S: fout: deze map is de bronmap of bevat hem" "$TMP/err"
ok $? "the source folder itself is refused"

snap "$TMP/src" >"$TMP/before"
build 2 "$TMP" && same "$TMP/src" && grep -q "is de bronmap of bevat hem" "$TMP/err" &&
	build 2 / && grep -q "is de bronmap of bevat hem" "$TMP/err"
ok $? "a folder that holds the source (its parent, /) is refused"

snap "$S" >"$TMP/before"
build 2 "$S/content/nieuw" && same "$S" &&
	grep -q "ligt in $S/content, tussen de bronbestanden" "$TMP/err" &&
	build 2 "$S/content/verhalen" && same "$S"
ok $? "a folder inside content/ (new or existing) is refused, none made"

mkdir -p "$S/layouts" "$S/.git/objects"
cp "$ROOT/layouts/base.tpl" "$S/layouts/"
echo "ref: refs/heads/main" >"$S/.git/HEAD"
snap "$S" >"$TMP/before"
build 2 "$S/layouts/site" && grep -q "ligt in $S/layouts" "$TMP/err" &&
	build 2 "$S/.git/site" && grep -q "ligt in $S/.git, de opslag van git" "$TMP/err" &&
	build 2 "$S/.zamen-cache/site" && grep -q "de cache van zamen" "$TMP/err" &&
	same "$S"
ok $? "inside layouts/, .git/ or .zamen-cache/ is refused"
rm -rf "$S/layouts" "$S/.git"

mkdir -p "$TMP/ander/content/verhalen"
echo "titel: Ander" >"$TMP/ander/site.yaml"
snap "$TMP/ander" >"$TMP/before"
build 2 "$TMP/ander/content/site" && same "$TMP/ander" &&
	grep -q "ligt in $TMP/ander/content" "$TMP/err"
ok $? "inside content/ of another source folder is refused"

mkdir -p "$TMP/bron-lijkt"
cp "$S/site.yaml" "$TMP/bron-lijkt/"
snap "$TMP/bron-lijkt" >"$TMP/before"
build 2 "$TMP/bron-lijkt" && same "$TMP/bron-lijkt" &&
	grep -q "bevat bronbestanden (site.yaml of content/)" "$TMP/err"
ok $? "a folder holding sources (site.yaml) is refused"

build 0 "$TMP/nieuw/diep/site" && [ -f "$TMP/nieuw/diep/site/index.html" ] &&
	grep -qx "soort: website" "$TMP/nieuw/diep/site/.zamen-uitvoer" &&
	grep -q "zamen: website geschreven in $TMP/nieuw/diep/site" "$TMP/out"
ok $? "a folder that does not exist is made, with the marker .zamen-uitvoer"

mkdir "$TMP/leeg"
build 0 "$TMP/leeg" && [ -f "$TMP/leeg/index.html" ] && [ -f "$TMP/leeg/.zamen-uitvoer" ]
ok $? "an empty folder is built into"

echo oud >"$TMP/leeg/verouderd.html"
build 0 "$TMP/leeg" && [ -f "$TMP/leeg/index.html" ] && [ ! -e "$TMP/leeg/verouderd.html" ]
ok $? "a folder with zamen's marker is replaced on the next build"

# A public/ of an older zamen: a whole site, but no marker.
cp -r "$TMP/leeg" "$S/public"
rm "$S/public/.zamen-uitvoer"
snap "$S/public" >"$TMP/before"
run 2 build --source "$S" --today "$TODAY" && same "$S/public" &&
	grep -q "^$S/public: fout: deze map is niet leeg en niet door zamen gemaakt" "$TMP/err" &&
	grep -q "Is het de public/ van een oudere zamen, gooi hem dan weg en bouw opnieuw" "$TMP/err"
ok $? "an old public/ without marker is refused, with what to do"

rm -r "$S/public"
run 0 build --source "$S" --today "$TODAY" && [ -f "$S/public/.zamen-uitvoer" ] &&
	run 0 build --source "$S" --today "$TODAY"
ok $? "once removed, the default public/ builds, and builds again"

mkdir -p "$TMP/leeg/eigen"
snap "$TMP/leeg" >"$TMP/before"
build 2 "$TMP/leeg/eigen" && same "$TMP/leeg" &&
	grep -q "ligt in $TMP/leeg, de uitvoermap van zamen build" "$TMP/err"
ok $? "a folder inside another build's output is refused"

mkdir -p "$TMP/nep"
echo "zelf gemaakt" >"$TMP/nep/.zamen-uitvoer"
echo "<p>mijn pagina</p>" >"$TMP/nep/index.html"
mkdir -p "$TMP/nep2" && ln -s "$TMP/leeg/.zamen-uitvoer" "$TMP/nep2/.zamen-uitvoer" &&
	echo "x" >"$TMP/nep2/brief.txt"
snap "$TMP/nep" >"$TMP/before"
build 2 "$TMP/nep" && same "$TMP/nep" &&
	build 2 "$TMP/nep2" && [ -f "$TMP/nep2/brief.txt" ] &&
	grep -q "niet door zamen gemaakt" "$TMP/err"
ok $? "a marker zamen did not write (other text, a symlink) does not count"

# --- A symlinked output --------------------------------------------------

mkdir -p "$TMP/www/site" "$TMP/bron2"
cp -r "$S/site.yaml" "$S/content" "$TMP/bron2/"
ln -s "$TMP/www/site" "$TMP/bron2/public"
run 0 build --source "$TMP/bron2" --today "$TODAY" &&
	[ -L "$TMP/bron2/public" ] && [ "$(readlink "$TMP/bron2/public")" = "$TMP/www/site" ] &&
	[ -f "$TMP/www/site/index.html" ] && [ -f "$TMP/www/site/.zamen-uitvoer" ] &&
	[ -z "$(leftovers "$TMP/www" "$TMP/bron2" "$TMP/bron2/.zamen-cache")" ]
ok $? "public -> a web root: the site goes into the target, the link stays"

echo oud >"$TMP/www/site/verouderd.html"
chmod 2775 "$TMP/www/site"
run 0 build --source "$TMP/bron2" --today "$TODAY" &&
	[ -L "$TMP/bron2/public" ] && [ "$(readlink "$TMP/bron2/public")" = "$TMP/www/site" ] &&
	[ ! -e "$TMP/www/site/verouderd.html" ] && [ -f "$TMP/www/site/index.html" ] &&
	[ "$(stat -c %a "$TMP/www/site")" = 2775 ]
ok $? "built again through the link: the link stays, the target keeps its permissions"

ln -s "$TMP/www/weg" "$TMP/dangling"
build 2 "$TMP/dangling" && [ -L "$TMP/dangling" ] && [ ! -e "$TMP/www/weg" ] &&
	grep -q "^$TMP/dangling: fout: deze uitvoermap kan niet gevonden worden" "$TMP/err" && ! english
ok $? "a link to nothing is refused in Dutch, and stays as it was"

ln -s "$TMP/docs" "$TMP/naar-docs"
snap "$TMP/docs" >"$TMP/before"
build 2 "$TMP/naar-docs" && same "$TMP/docs" && [ -L "$TMP/naar-docs" ] &&
	grep -q "de verwijzing $TMP/naar-docs wijst naar $TMP/docs" "$TMP/err"
ok $? "a link to a folder of documents is refused, naming the target"

ln -s "$S/content" "$TMP/naar-content"
snap "$S" >"$TMP/before"
build 2 "$TMP/naar-content" && same "$S" && grep -q "tussen de bronbestanden" "$TMP/err"
ok $? "a link into the sources is refused"

# Private mount namespaces give real mounts, full and read-only disks.
MNT=$TMP/mnt
mkdir -p "$MNT"
if unshare -m sh -c "mount -t tmpfs -o size=1m tmpfs '$MNT'" 2>/dev/null; then
	CAN_MOUNT=1
else
	CAN_MOUNT=0
fi

# inmount SIZE 'COMMANDS': COMMANDS in a private mount namespace, where
# $MNT is a tmpfs of SIZE.
inmount() {
	unshare -m sh -c "mount -t tmpfs -o size=$1 tmpfs '$MNT' && $2"
}

if [ $CAN_MOUNT = 1 ]; then
	rm -f "$TMP/bron2/public"
	ln -s "$MNT/site" "$TMP/bron2/public"
	inmount 8m "mkdir '$MNT/site' && '$ZAMEN' build --source '$TMP/bron2' --today $TODAY >'$TMP/out' 2>'$TMP/err' &&
		[ -f '$MNT/site/index.html' ] && [ -L '$TMP/bron2/public' ] &&
		[ -z \"\$(ls -A '$MNT' | grep -v '^site\$')\" ]" &&
		[ "$(readlink "$TMP/bron2/public")" = "$MNT/site" ] &&
		[ -z "$(leftovers "$TMP/bron2/.zamen-cache")" ]
	ok $? "a link to another disk: built there (temporary beside the target, gone after)"

	inmount 8m "mkdir -p '$MNT/x' && mount -t tmpfs tmpfs '$MNT/x' &&
		'$ZAMEN' build --source '$S' --output '$MNT/x' --today $TODAY >'$TMP/out' 2>'$TMP/err'; [ \$? -eq 2 ]" &&
		grep -q "^$MNT/x: fout: deze map is een aangekoppelde schijf (mount point)" "$TMP/err"
	ok $? "a mount point is refused up front (it cannot be exchanged)"
else
	skip "no private mount namespace here (unshare -m)"
	skip "no private mount namespace here (unshare -m)"
fi

# --- Killed builds -------------------------------------------------------

mkdir -p "$S/.zamen-cache/uitvoer-nieuw-99999/verhalen" "$S/.zamen-cache/uitvoer-oud-4242" \
	"$TMP/.uit.zamen-nieuw-12345/assets" "$TMP/.uit.zamen-oud-777"
echo x >"$S/.zamen-cache/uitvoer-nieuw-99999/verhalen/index.html"
echo x >"$S/.zamen-cache/uitvoer-oud-4242/index.html"
echo x >"$TMP/.uit.zamen-nieuw-12345/assets/zamen.css"
# As zamen 0.1 left them: beside the output, by a process that is gone.
sh -c 'exit 0' &
dead=$!
wait $dead
mkdir -p "$TMP/uit.zamen-nieuw-$dead/journaal" "$TMP/uit.zamen-oud-$dead"
# Not zamen's: must stay.
mkdir -p "$TMP/uit.zamen-nieuw-foto" "$TMP/uitvoer-nieuw-1" "$TMP/.ander.zamen-nieuw-5"
build 0 "$TMP/uit" && [ -z "$(leftovers "$S/.zamen-cache")" ] &&
	[ ! -e "$TMP/.uit.zamen-nieuw-12345" ] && [ ! -e "$TMP/.uit.zamen-oud-777" ] &&
	[ ! -e "$TMP/uit.zamen-nieuw-$dead" ] && [ ! -e "$TMP/uit.zamen-oud-$dead" ] &&
	[ -d "$TMP/uit.zamen-nieuw-foto" ] && [ -d "$TMP/uitvoer-nieuw-1" ] &&
	[ -d "$TMP/.ander.zamen-nieuw-5" ] && [ -d "$S/.zamen-cache/journaal" ]
ok $? "the next build removes what killed builds left (any process), and only that"
rm -rf "$TMP/uit.zamen-nieuw-foto" "$TMP/uitvoer-nieuw-1" "$TMP/.ander.zamen-nieuw-5"

ls -A "$S" >"$TMP/names"
! grep -q zamen-nieuw "$TMP/names" && ! ls -A "$TMP" | grep -q '^uit\.zamen\|^\.uit\.zamen' &&
	[ -f "$S/.zamen-cache/.gitignore" ] && grep -qx '\*' "$S/.zamen-cache/.gitignore"
ok $? "temporaries live in .zamen-cache/ (ignored by git), not beside the output"

# A lock: a build that finds another one busy waits, and leaves the
# other's temporary folder alone.
if command -v flock >/dev/null 2>&1; then
	mkdir -p "$S/.zamen-cache/uitvoer-nieuw-424242"
	snap "$TMP/uit" >"$TMP/before"
	mkfifo "$TMP/los"
	flock "$S/.zamen-cache" sh -c "cat '$TMP/los' >/dev/null" &
	holder=$!
	i=0
	while flock -n "$S/.zamen-cache" true && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	"$ZAMEN" build --source "$S" --output "$TMP/uit" --today "$TODAY" >"$TMP/lock.out" 2>"$TMP/lock.err" &
	builder=$!
	i=0
	while ! grep -q "zamen wacht tot die klaar is" "$TMP/lock.err" 2>/dev/null && [ $i -lt 400 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	waited=0
	grep -q "^zamen: een andere build schrijft nu naar $TMP/uit of gebruikt dezelfde bronmap; zamen wacht tot die klaar is\.$" "$TMP/lock.err" &&
		kill -0 $builder 2>/dev/null && [ -d "$S/.zamen-cache/uitvoer-nieuw-424242" ] &&
		same "$TMP/uit" && waited=1
	echo >"$TMP/los"
	wait $holder
	wait $builder
	status=$?
	cat "$TMP/lock.err" >>"$TMP/err"
	[ $waited = 1 ] && [ $status -eq 0 ] && [ ! -e "$S/.zamen-cache/uitvoer-nieuw-424242" ] &&
		[ -f "$TMP/uit/index.html" ]
	ok $? "a second build waits for the first (lock), then builds and cleans up"
else
	skip "flock(1) is not installed"
fi

# kill -9 at many moments of a build of a 700-file site: the output is
# always the old site or the new one, never a mix, never missing.
G=$TMP/groot
/usr/bin/python3 "$ROOT/tests/bench/gen.py" "$G" 700 >"$TMP/gen" 2>&1
gbuild() { # OUTPUT TODAY
	"$ZAMEN" build --source "$G" --output "$1" --today "$2" >"$TMP/out" 2>"$TMP/err"
}
gbuild "$TMP/k" 2026-11-22 && cp -a "$TMP/k" "$TMP/k-oud" &&
	gbuild "$TMP/k-nieuw" 2026-11-29 && ! diff -rq "$TMP/k-oud" "$TMP/k-nieuw" >/dev/null
ok $? "the 700-file site builds, old (2026-11-22) and new (2026-11-29) differ"

bad=""
olds=0
news=0
# Moments: as soon as the temporary folder has K entries, just after the
# exchange (the old tree is being removed), then after a range of delays.
for when in n1 n200 n1500 x 0.1 0.2 0.3 0.4 0.5 0.6 0.8 1.0 1.5 2.5; do
	"$ZAMEN" build --source "$G" --output "$TMP/k" --today 2026-11-29 >/dev/null 2>&1 &
	pid=$!
	case $when in
	n*)
		i=0
		while [ "$(find "$G/.zamen-cache/uitvoer-nieuw-$pid" 2>/dev/null | wc -l)" -lt "${when#n}" ] &&
			kill -0 $pid 2>/dev/null && [ $i -lt 2000 ]; do
			i=$((i + 1))
		done
		;;
	x)
		i=0
		while ! cmp -s "$TMP/k/index.html" "$TMP/k-nieuw/index.html" &&
			kill -0 $pid 2>/dev/null && [ $i -lt 20000 ]; do
			i=$((i + 1))
		done
		;;
	*) sleep "$when" ;;
	esac
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if diff -r "$TMP/k" "$TMP/k-oud" >/dev/null 2>&1; then
		olds=$((olds + 1))
	elif diff -r "$TMP/k" "$TMP/k-nieuw" >/dev/null 2>&1; then
		news=$((news + 1))
		gbuild "$TMP/k" 2026-11-22 || bad="$bad rebuild-after-$when"
	else
		bad="$bad $when"
	fi
done
echo "killed: $olds times the old site, $news times the new; a mix at:$bad" >"$TMP/err"
echo "# killed: $olds times the old site, $news times the new"
[ -z "$bad" ] && [ $olds -gt 0 ]
ok $? "a build killed (kill -9) at any moment leaves the old site or the new one"

"$ZAMEN" build --source "$G" --output "$TMP/k" --today 2026-11-29 >/dev/null 2>&1 &
pid=$!
i=0
while [ "$(find "$G/.zamen-cache/uitvoer-nieuw-$pid" 2>/dev/null | wc -l)" -lt 300 ] &&
	kill -0 $pid 2>/dev/null && [ $i -lt 2000 ]; do
	i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
left=$(leftovers "$G/.zamen-cache" "$TMP")
echo "left by the killed build: $left" >"$TMP/err"
[ -n "$left" ] && gbuild "$TMP/k" 2026-11-29 && diff -r "$TMP/k" "$TMP/k-nieuw" >>"$TMP/err" &&
	[ -z "$(leftovers "$G/.zamen-cache" "$TMP")" ]
ok $? "the build after a killed one removes its temporary folder and writes the new site"

# --- Write failures ------------------------------------------------------

echo "geen map" >"$TMP/bestand"
snap "$TMP/bestand" >"$TMP/before"
build 2 "$TMP/bestand/site" && same "$TMP/bestand" &&
	grep -q "^$TMP/bestand/site: fout: deze uitvoermap kan niet gevonden worden: een deel van het pad is een bestand en geen map" "$TMP/err" &&
	! english
ok $? "a file where a folder must go (ENOTDIR) is said in Dutch, nothing touched"

# A file-size limit holds for root too: writes beyond it fail with EFBIG.
snap "$TMP/uit" >"$TMP/before"
(trap '' XFSZ && ulimit -f 64 &&
	exec "$ZAMEN" build --source "$S" --output "$TMP/uit" --today "$TODAY") >"$TMP/out" 2>"$TMP/err"
[ $? -eq 1 ] && same "$TMP/uit" &&
	grep -q "^$TMP/uit: fout: '.*' kon niet geschreven worden: het bestand wordt groter dan hier mag" "$TMP/err" &&
	grep -q "Er is niets veranderd: de vorige inhoud van deze map staat er nog" "$TMP/err" &&
	! english && ! grep -q "geen fouten" "$TMP/err" && [ -z "$(leftovers "$S/.zamen-cache" "$TMP")" ]
ok $? "a write that fails (EFBIG): Dutch message with the path, old site kept, exit 1"

if [ $CAN_MOUNT = 1 ]; then
	inmount 300k "mkdir '$MNT/site' && cp '$TMP/uit/.zamen-uitvoer' '$MNT/site/' &&
		echo oud >'$MNT/site/index.html' && '$ZAMEN' build --source '$S' --output '$MNT/site' --today $TODAY \
		>'$TMP/out' 2>'$TMP/err'; rc=\$?; [ \$rc -eq 1 ] && [ \"\$(cat '$MNT/site/index.html')\" = oud ] &&
		[ \"\$(ls -A '$MNT')\" = site ]" &&
		grep -q "^$MNT/site: fout: '.*' kon niet geschreven worden: de schijf is vol" "$TMP/err" &&
		! english && ! grep -q "geen fouten" "$TMP/err"
	ok $? "a full disk (ENOSPC): Dutch message, old site kept, no temporary left"

	inmount 8m "mkdir '$MNT/site' && cp '$TMP/uit/.zamen-uitvoer' '$MNT/site/' && echo oud >'$MNT/site/index.html' &&
		mount -o remount,ro '$MNT' && '$ZAMEN' build --source '$S' --output '$MNT/site' --today $TODAY \
		>'$TMP/out' 2>'$TMP/err'; [ \$? -eq 1 ] && [ \"\$(cat '$MNT/site/index.html')\" = oud ]" &&
		grep -q "^$MNT/site: fout: .*de schijf is alleen-lezen; kies met --output" "$TMP/err" &&
		! english && ! grep -q "geen fouten" "$TMP/err"
	ok $? "a read-only disk (EROFS): Dutch message, old site kept"

	inmount 100k "'$ZAMEN' print 2026-48 --source '$ROOT/tests/print/site' --output '$MNT/p.pdf' --today $TODAY \
		>'$TMP/out' 2>'$TMP/err'; [ \$? -eq 1 ] && [ -z \"\$(ls -A '$MNT')\" ]" &&
		grep -q "^$MNT/p.pdf: fout: de krantenpagina kan niet geschreven worden: de schijf is vol" "$TMP/err" &&
		! english && ! grep -q "krantenpagina geschreven" "$TMP/out"
	ok $? "print onto a full disk: Dutch message, no half file, exit 1"
else
	skip "no private mount namespace here (unshare -m)"
	skip "no private mount namespace here (unshare -m)"
	skip "no private mount namespace here (unshare -m)"
fi

# Permissions: root may write anywhere, so an unprivileged user tries.
if command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	chmod 755 "$TMP"
	mkdir -p "$TMP/dicht"
	as_nobody() {
		setpriv --reuid=65534 --regid=65534 --clear-groups "$ZAMEN" "$@" >"$TMP/out" 2>"$TMP/err"
	}
	if as_nobody --version; then
		as_nobody build --source "$S" --output "$TMP/dicht/site" --today "$TODAY"
		[ $? -eq 1 ] && [ ! -e "$TMP/dicht/site" ] &&
			grep -q "^$TMP/dicht/site: fout: de map $TMP/dicht/site kan niet gemaakt worden\|^$TMP/dicht/site: fout: .*u hebt geen toestemming om hier te schrijven" "$TMP/err" &&
			grep -q "geen toestemming" "$TMP/err" && ! english && ! grep -q "geen fouten" "$TMP/err"
		ok $? "no permission (EACCES, as nobody): Dutch message with the path, exit 1"

		as_nobody print 2026-48 --source "$ROOT/tests/print/site" --output "$TMP/dicht/p.pdf" --today "$TODAY"
		[ $? -eq 1 ] && [ -z "$(ls -A "$TMP/dicht")" ] &&
			grep -q "^$TMP/dicht/p.pdf: fout: de krantenpagina kan niet geschreven worden: u hebt geen toestemming" "$TMP/err" &&
			! english
		ok $? "print without permission: Dutch message, exit 1"
	else
		skip "the user nobody cannot run $ZAMEN here"
		skip "the user nobody cannot run $ZAMEN here"
	fi
	chmod 700 "$TMP"
else
	skip "setpriv cannot switch to an unprivileged user here"
	skip "setpriv cannot switch to an unprivileged user here"
fi

# --- zamen print --output ------------------------------------------------

P=$ROOT/tests/print/site
mkdir -p "$TMP/pb"
cp -r "$P/site.yaml" "$P/content" "$TMP/pb/"
PB=$TMP/pb
pprint() { # WANT OUTPUT [edition]
	run "$1" print "${3:-2026-48}" --source "$PB" --output "$2" --today "$TODAY"
}

snap "$PB" >"$TMP/before"
pprint 2 "$PB/site.yaml" && same "$PB" &&
	grep -q "^$PB/site.yaml: fout: hier staat al een bestand dat geen krantenpagina van zamen is; zamen schrijft daar niet overheen" "$TMP/err"
ok $? "print --output site.yaml is refused (exit 2), site.yaml unchanged"

md=$(find "$PB/content/verhalen" -name '*.md' | head -1)
jpg=$(find "$PB/content" -name '*.jpg' | head -1)
pprint 2 "$md" && grep -q "ligt in $PB/content, tussen de bronbestanden" "$TMP/err" &&
	pprint 2 "$jpg" && pprint 2 "$PB/content/nieuw.pdf" && [ ! -e "$PB/content/nieuw.pdf" ] &&
	pprint 2 "$PB/content" && same "$PB"
ok $? "print --output onto a .md, a photo, a new file or a folder in content/ is refused"

printf '%%PDF-1.4\n%% de begroting, niet van zamen\n' >"$TMP/begroting.pdf"
snap "$TMP/begroting.pdf" >"$TMP/before"
pprint 2 "$TMP/begroting.pdf" && same "$TMP/begroting.pdf"
ok $? "print --output onto a PDF zamen did not make is refused"

ln -s "$PB/site.yaml" "$TMP/naar-site.yaml"
snap "$PB" >"$TMP/before"
pprint 2 "$TMP/naar-site.yaml" && same "$PB" && [ -L "$TMP/naar-site.yaml" ]
ok $? "print --output through a link onto site.yaml is refused"

pprint 0 "$TMP/pagina.pdf" && cp "$TMP/pagina.pdf" "$TMP/pagina-1.pdf" &&
	pprint 0 "$TMP/pagina.pdf" && cmp -s "$TMP/pagina.pdf" "$TMP/pagina-1.pdf" &&
	[ -z "$(ls -A "$TMP" | grep '\.pagina\.pdf\.zamen')" ]
ok $? "print --output onto a page zamen made overwrites it"

mkdir -p "$TMP/bureaublad"
pprint 0 "$TMP/bureaublad" && [ -s "$TMP/bureaublad/zamen-een-journaal-2026-48.pdf" ] &&
	grep -q "krantenpagina geschreven: $TMP/bureaublad/zamen-een-journaal-2026-48.pdf" "$TMP/out"
ok $? "print --output FOLDER puts the page in it under its own name"

snap "$TMP/uit" >"$TMP/before"
pprint 2 "$TMP/uit/journaal.pdf" && same "$TMP/uit" &&
	grep -q "ligt in $TMP/uit, de uitvoermap van zamen build: wat daar staat wordt gepubliceerd" "$TMP/err"
ok $? "print --output into a built website is refused (it would be published)"

printf 'mijn proef\n' >"$TMP/lang-proef.pdf"
snap "$TMP/lang-proef.pdf" >"$TMP/before"
pprint 2 "$TMP/lang.pdf" 2026-49 && same "$TMP/lang-proef.pdf" && [ ! -e "$TMP/lang.pdf" ] &&
	grep -q "^$TMP/lang-proef.pdf: fout: hier staat al een bestand dat geen krantenpagina van zamen is" "$TMP/err"
ok $? "the proof of a page that does not fit is never written over another file either"

(cd "$PB" && "$ZAMEN" print 2026-48 --today "$TODAY" >"$TMP/out" 2>"$TMP/err") &&
	[ -s "$PB/krant/zamen-een-journaal-2026-48.pdf" ] && grep -qx '\*' "$PB/krant/.gitignore" &&
	[ ! -e "$PB/public" ] && grep -q "krantenpagina geschreven: ./krant/zamen-een-journaal-2026-48.pdf" "$TMP/out"
ok $? "print without --output writes krant/NAME.pdf (ignored by git), outside public/"

# --- Previews ------------------------------------------------------------

rm -rf "$S/public" "$S/voorbeeld"
run 0 build --source "$S" --drafts --today "$TODAY" && [ ! -e "$S/public" ] &&
	[ -f "$S/voorbeeld/index.html" ] && grep -qx "soort: voorbeeld (niet publiceren)" "$S/voorbeeld/.zamen-uitvoer" &&
	grep -qx '\*' "$S/voorbeeld/.gitignore" &&
	grep -q "^zamen: voorbeeld geschreven in $S/voorbeeld (met concepten); niet publiceren\.$" "$TMP/out"
ok $? "build --drafts goes to voorbeeld/ (ignored by git), never to public/"

# nobanner DIR: the .html files of DIR without the banner or noindex.
nobanner() {
	find "$1" -name '*.html' | while read -r f; do
		grep -q '<aside class="voorbeeld" aria-label="Voorbeeld"><p><strong>Voorbeeld — niet publiceren\.</strong>' "$f" &&
			grep -q '<meta name="robots" content="noindex">' "$f" || echo "$f"
	done
}
[ "$(find "$S/voorbeeld" -name '*.html' | wc -l)" -gt 20 ] && [ -z "$(nobanner "$S/voorbeeld")" ] &&
	printf 'User-agent: *\nDisallow: /\n' | cmp -s - "$S/voorbeeld/robots.txt"
ok $? "every page of a preview has the banner and noindex; robots.txt disallows all"

[ -f "$S/voorbeeld/geheim/index.html" ] && [ -f "$S/voorbeeld/verhalen/concept/index.html" ]
ok $? "the preview does show the drafts"

run 0 build --source "$S" --today "$TODAY" &&
	! grep -rlq 'class="voorbeeld"\|name="robots"' --include='*.html' "$S/public" &&
	grep -qx 'Disallow:' "$S/public/robots.txt"
ok $? "a normal build has neither banner nor noindex"

later=$(date -u -d '+2 days' +%Y-%m-%d)
rm -rf "$TMP/later"
run 0 build --source "$S" --output "$TMP/later" --today "$later" &&
	grep -qx "soort: voorbeeld (niet publiceren)" "$TMP/later/.zamen-uitvoer" &&
	[ -z "$(nobanner "$TMP/later")" ] &&
	grep -q "voorbeeld geschreven in $TMP/later (zoals de site er op $later uitziet)" "$TMP/out"
ok $? "a --today later than today is a preview too"

run 0 build --source "$S" --output "$TMP/later2" --drafts --today "$later" &&
	grep -q "(met concepten, zoals op $later)" "$TMP/out" && [ -z "$(nobanner "$TMP/later2")" ]
ok $? "drafts and a later day together"

snap "$S/public" >"$TMP/before"
run 2 build --source "$S" --output "$S/public" --drafts --today "$TODAY" && same "$S/public" &&
	grep -q "^$S/public: fout: hier staat een website om te publiceren; een voorbeeld (met --drafts of een latere --today) komt daar nooit in" "$TMP/err"
ok $? "a preview never goes into a folder that holds a real site"

snap "$S/voorbeeld" >"$TMP/before"
run 2 build --source "$S" --output "$S/voorbeeld" --today "$TODAY" && same "$S/voorbeeld" &&
	grep -q "^$S/voorbeeld: fout: hier staat een voorbeeld dat niet gepubliceerd mag worden" "$TMP/err"
ok $? "a real site never goes into a folder that holds a preview"

run 0 build --source "$S" --drafts --today "$TODAY" && [ -z "$(nobanner "$S/voorbeeld")" ]
ok $? "a preview rebuilds into its own folder"

# --- The command line ----------------------------------------------------

run 2 build --source "$S" --output= && grep -q "bij --output hoort een map" "$TMP/err" &&
	run 2 print 2026-48 --source "$PB" --output= && grep -q "bij --output hoort een bestand" "$TMP/err"
ok $? "an empty --output is a usage error"

run 0 --help && grep -q "voorbeeld/" "$TMP/out" && grep -q "krant/" "$TMP/out" &&
	grep -q ".zamen-uitvoer" "$TMP/out"
ok $? "--help tells where a preview and a printed page go, and about the marker"

run 1 build --source "$TMP/bron-lijkt" --output "$TMP/leeg-2" --today "$TODAY" &&
	! grep -q "geen fouten" "$TMP/err" && [ ! -e "$TMP/leeg-2" ]
ok $? "content errors still exit 1 and write nothing"

tap_end
