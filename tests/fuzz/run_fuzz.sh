#!/usr/bin/env bash
# run_fuzz.sh [--merge] FZDIR SECONDS TARGET... - runs libFuzzer targets.
# Each target starts from tests/fuzz/corpus/<t> and keeps what it finds in
# FZDIR/corpus/<t>; crashes go to FZDIR/crashes/<t>/ and are copied into
# tests/fuzz/regress/<t>/. Prints one summary line a target (time, runs,
# coverage) and appends it to FZDIR/fuzz-log.csv. --merge instead folds
# FZDIR/corpus/<t> into tests/fuzz/corpus/<t> (inputs with new coverage).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
merge=0
[ "${1:-}" = --merge ] && { merge=1; shift; }
FZ=$1 SECONDS_EACH=$2; shift 2
status=0
[ -f "$FZ/fuzz-log.csv" ] || echo "when,target,seconds,runs,cov,ft,corpus,crashes" >"$FZ/fuzz-log.csv"
for t in "$@"; do
	seeds="$ROOT/tests/fuzz/corpus/$t" work="$FZ/corpus/$t" crashes="$FZ/crashes/$t"
	mkdir -p "$seeds" "$work" "$crashes"
	dict=()
	[ -f "$ROOT/tests/fuzz/$t.dict" ] && dict=(-dict="$ROOT/tests/fuzz/$t.dict")
	if [ $merge -eq 1 ]; then
		"$FZ/fuzz_$t" -merge=1 "${dict[@]}" "$seeds" "$work" >"$FZ/merge-$t.log" 2>&1
		echo "fuzz-merge $t: $(ls "$seeds" | wc -l) inputs in tests/fuzz/corpus/$t"
		continue
	fi
	log="$FZ/fuzz-$t.log"
	start=$(date +%s)
	"$FZ/fuzz_$t" -max_total_time="$SECONDS_EACH" -print_final_stats=1 -timeout=10 \
		-artifact_prefix="$crashes/" "${dict[@]}" "$work" "$seeds" >"$log" 2>&1
	rc=$?
	took=$(( $(date +%s) - start ))
	runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$')
	last=$(grep -E '^#[0-9]+' "$log" | tail -1)
	cov=$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+')
	ft=$(echo "$last" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+')
	found=$(find "$crashes" -type f | wc -l)
	if [ "$found" -gt 0 ]; then
		mkdir -p "$ROOT/tests/fuzz/regress/$t"
		cp "$crashes"/* "$ROOT/tests/fuzz/regress/$t/"
		status=1
	fi
	[ $rc -ne 0 ] && status=1
	echo "fuzz $t: ${took}s, ${runs:-?} runs, cov ${cov:-?}, ft ${ft:-?}, corpus $(ls "$work" | wc -l), crashes $found (exit $rc)"
	echo "$(date -u +%FT%TZ),$t,$took,${runs:-},${cov:-},${ft:-},$(ls "$work" | wc -l),$found" >>"$FZ/fuzz-log.csv"
done
exit $status
