#!/usr/bin/env bash
# run.sh BUILD - runs every test: the cmocka unit tests (TAP output), and
# every tests/*/t_*.sh end-to-end script against the built binaries.
# Counts each "ok"/"not ok" line and ends with "N passed, N failed".
set -u
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd)
LOG=$BUILD/test-logs
rm -rf "$LOG" && mkdir -p "$LOG"
export TELLUS="$BUILD/tellus" TELLUS_KIOSK="$BUILD/tellus-kiosk" TELLUS_ROOT="$ROOT" TELLUS_BUILD="$BUILD"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export CMOCKA_MESSAGE_OUTPUT=TAP
unset TELLUS_DB TELLUS_TODAY

passed=0 failed=0
run_one() { # name command...
	local name=$1; shift
	local out="$LOG/$name.log"
	"$@" >"$out" 2>&1
	local rc=$?
	local p f
	p=$(grep -cE '^ok ' "$out")
	f=$(grep -cE '^not ok ' "$out")
	# A crash, a sanitizer report or a silent failure counts as one failure.
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $name exited $rc" >>"$out"; fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $name ran no test" >>"$out"; fi
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		echo "FAIL $name ($p passed, $f failed) - $out"
		grep -E '^not ok |ERROR|error:|Sanitizer|runtime error' "$out" | head -20 | sed 's/^/    /'
	else
		echo "ok   $name ($p passed)"
	fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	run_one "$(basename "$t")" "$t"
done
for s in "$ROOT"/tests/*/t_*.sh; do
	[ -f "$s" ] || continue
	run_one "$(basename "$(dirname "$s")")_$(basename "$s" .sh)" bash "$s"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
