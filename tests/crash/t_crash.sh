#!/usr/bin/env bash
# t_crash.sh - the crash harness against the real `tellus`: CRASH_TRIALS
# trials (default 300, of which at least 200 must kill a writer mid-write)
# of two racing submissions, and
# every tenth trial a large import when `tellus import` exists, each killed
# with SIGKILL at a random moment; then integrity_check and every
# acknowledged case. `make crash` runs it long. CRASH_SEED repeats a run.
set -u
: "${TELLUS:?TELLUS must name the built tellus binary}" "${TELLUS_BUILD:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
trials=${CRASH_TRIALS:-300}
args=(--tellus "$TELLUS" --dir "$dir" --trials "$trials" --min-kills $((trials * 2 / 3))
	--race-create "${CRASH_RACE_CREATE:-0}")
if "$TELLUS" --help 2>/dev/null | grep -qE '^ +import '; then
	args+=(--import-every 10 --import-rows "${CRASH_IMPORT_ROWS:-500}")
fi
[ -n "${CRASH_SEED:-}" ] && args+=(--seed "$CRASH_SEED")
"$TELLUS_BUILD/crash/crash_harness" "${args[@]}"
status=$?

# The harness must be able to fail: a writer that prints a reference
# without storing anything has to be caught as a loss.
printf '#!/bin/sh\necho K2-26-0417-7\n' >"$dir/liar"
chmod +x "$dir/liar"
if "$TELLUS_BUILD/crash/crash_harness" --tellus "$dir/liar" --dir "$dir" --trials 40 --min-kills 0 \
	>"$dir/liar.out" 2>&1; then
	echo "not ok - the harness catches a writer that acknowledges what it never stored"
	sed 's/^/#   /' "$dir/liar.out"
	status=1
elif grep -q '^not ok .*byte-for-byte intact (.* [1-9][0-9]* lost' "$dir/liar.out"; then
	echo "ok - the harness catches a writer that acknowledges what it never stored"
else
	echo "not ok - the harness failed the liar for another reason"
	sed 's/^/#   /' "$dir/liar.out"
fi
exit $status
