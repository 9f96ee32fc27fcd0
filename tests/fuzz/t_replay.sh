#!/usr/bin/env bash
# t_replay.sh - replays every saved fuzz input (tests/fuzz/corpus/<t> and
# tests/fuzz/regress/<t>) through the gcc + sanitizer replay build of each
# target. One TAP line a target; a crash, a sanitizer report or a broken
# property in any input fails it.
set -u
: "${TELLUS_BUILD:?run from tests/run.sh}" "${TELLUS_ROOT:?}"
n=0
for src in "$TELLUS_ROOT"/tests/fuzz/fuzz_*.c; do
	t=$(basename "$src" .c); t=${t#fuzz_}
	n=$((n + 1))
	bin="$TELLUS_BUILD/fuzz/replay_$t"
	dirs=("$TELLUS_ROOT/tests/fuzz/corpus/$t")
	[ -d "$TELLUS_ROOT/tests/fuzz/regress/$t" ] && dirs+=("$TELLUS_ROOT/tests/fuzz/regress/$t")
	if [ ! -x "$bin" ]; then
		echo "not ok $n - replay $t: $bin was not built"
		continue
	fi
	out=$("$bin" "${dirs[@]}" 2>&1)
	rc=$?
	count=$(echo "$out" | tail -1)
	if [ $rc -eq 0 ] && [ "${count:-0}" -gt 0 ] 2>/dev/null; then
		echo "ok $n - replay $t: $count saved inputs run clean"
	else
		echo "not ok $n - replay $t: exit $rc"
		echo "$out" | tail -20 | sed 's/^/#   /'
	fi
done
[ $n -gt 0 ] || echo "not ok 1 - no fuzz targets found"
