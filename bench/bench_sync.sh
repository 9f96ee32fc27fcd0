#!/usr/bin/env bash
# bench_sync.sh BUILD - one row for `make bench` (bench.h's format): the
# time to apply a kiosk's bundle of 1,000 cases at its register (`tellus
# sync in`, the whole process) against importing the same cases from the
# CSV the device exports (`tellus import`, the whole process), each into
# a copy of the same starting file, alternated; median, min and max of
# BENCH_RUNS (5) a side. SPEC 10's target: within 2x. The two registers
# must give the same annual report, or the row says so.
set -u
BUILD=$(cd "${1:-build}" && pwd)
. "$(dirname "$0")/lib.sh"
T=$BUILD/tellus GEN=$BUILD/bench/bench_sync_gen
DIR=${BENCH_TMP:-$(mktemp -d)}/sync
N=${BENCH_SYNC_CASES:-1000} RUNS=${BENCH_RUNS:-5}
FIGURE="apply a bundle of $N cases (tellus sync in)"
COMPARED="import the same $N cases from CSV (tellus import)"
fail() { bench_na "$FIGURE" s "$COMPARED" "$1"; exit 0; }
rm -rf "$DIR" && mkdir -p "$DIR/usb" || fail "no folder for the benchmark"
export TELLUS_TODAY=2026-03-31

"$T" --db "$DIR/register.db" device add K7 --name "Bench kiosk" --role kiosk --out "$DIR" >/dev/null 2>&1 &&
	"$T" --db "$DIR/kiosk.db" device join "$DIR/K7.pair" >/dev/null &&
	"$GEN" "$DIR/kiosk.db" "$N" && "$T" --db "$DIR/kiosk.db" export "$DIR/cases.csv" >/dev/null &&
	"$T" --db "$DIR/kiosk.db" sync out "$DIR/usb" >/dev/null &&
	"$T" --db "$DIR/empty.db" config get device_code >/dev/null || fail "the inputs could not be made"
bundle=$(ls "$DIR"/usb/K7-e1-*.bundle)

export BENCH_ERR=$DIR/err
timed() { bench_time "$@" | grep -v FAIL; }
: >"$DIR/sync.times"; : >"$DIR/import.times"
for run in $(seq "$RUNS"); do
	cp "$DIR/register.db" "$DIR/r.db" && rm -f "$DIR/r.db-wal" "$DIR/r.db-shm"
	timed "$T" --db "$DIR/r.db" sync in "$bundle" >>"$DIR/sync.times" || fail "sync in: $(head -c 200 "$DIR/err")"
	cp "$DIR/empty.db" "$DIR/i.db" && rm -f "$DIR/i.db-wal" "$DIR/i.db-shm"
	timed "$T" --db "$DIR/i.db" import "$DIR/cases.csv" >>"$DIR/import.times" || fail "import: $(head -c 200 "$DIR/err")"
done
"$T" --db "$DIR/r.db" report --year 2025 --format csv --out "$DIR/rep-sync" >/dev/null
"$T" --db "$DIR/i.db" report --year 2025 --format csv --out "$DIR/rep-import" >/dev/null
same=$(diff -r "$DIR/rep-sync" "$DIR/rep-import" >/dev/null && echo "the same annual report" ||
	echo "REPORTS DIFFER")
bench_row "$FIGURE" "$(bench_stats <"$DIR/sync.times")" s "$COMPARED" \
	"$(bench_stats <"$DIR/import.times")" "whole processes, alternated, $RUNS runs a side; SPEC 10: within 2x; $same"
