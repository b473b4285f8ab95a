# tests/tap.sh: what the shell tests share; sourced, never run. It gives
# ROOT, ZAMEN, a temporary folder TMP (removed at exit), and:
#   run STATUS ARGS...  zamen with ARGS, output in $TMP/out and $TMP/err;
#                       true when it exits with STATUS
#   ok STATUS TEXT      one TAP line; on failure the log of the test
#                       ($TAP_LOG, default $TMP/err) as comments (of a
#                       long log its first 15 and last 25 lines). The log
#                       is emptied after each test, so a failure never
#                       shows the words of an earlier one.
#   tap_end             the summary line and the script's exit status
set -u
ROOT=$(pwd)
ZAMEN=${ZAMEN:-$ROOT/zamen}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
TAP_LOG=${TAP_LOG:-$TMP/err}
n=0
failed=0

run() {
	want=$1
	shift
	"$ZAMEN" "$@" >"$TMP/out" 2>"$TMP/err"
	[ $? -eq "$want" ]
}

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
		# A long log shows its start and its end, where a crash or
		# a sanitizer's report is.
		if [ "$(wc -l <"$TAP_LOG")" -gt 40 ]; then
			{ head -15 "$TAP_LOG"; echo "[...]"; tail -25 "$TAP_LOG"; } |
				sed 's/^/# /'
		elif [ -s "$TAP_LOG" ]; then
			sed 's/^/# /' "$TAP_LOG"
		fi
	fi
	: >"$TAP_LOG"
}

tap_end() {
	echo "# $((n - failed)) passed, $failed failed"
	[ "$failed" -eq 0 ]
}
