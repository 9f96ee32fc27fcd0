#!/usr/bin/env bash
# bench_sync.sh BUILD - one row for `make bench` (bench.h's format): the
# time to apply a kiosk's bundle of 1,000 cases at its register (`tellus
# sync in`, the whole process) against importing the same cases from the
# CSV the device exports (`tellus import`, the whole process), each into
# a copy of the same starting file; median of BENCH_RUNS (5), min and max
# beside it, and SPEC 10's target (within 2x). The two registers must give
# the same annual report, or the row says so.
set -u
BUILD=$(cd "${1:-build}" && pwd)
T=$BUILD/tellus GEN=$BUILD/bench/bench_sync_gen
DIR=${BENCH_TMP:-$(mktemp -d)}/sync
N=${BENCH_SYNC_CASES:-1000} RUNS=${BENCH_RUNS:-5}
FIGURE="apply a bundle of $N cases (tellus sync in)"
COMPARED="import the same $N cases from CSV (tellus import)"
row() { printf '%s\t%s\ts\t%s\t%s\ts\t%s\n' "$FIGURE" "$1" "$COMPARED" "$2" "$3"; }
fail() { row n/a n/a "n/a ($1)"; exit 0; }
rm -rf "$DIR" && mkdir -p "$DIR/usb" || fail "no folder for the benchmark"
export TELLUS_TODAY=2026-03-31

"$T" --db "$DIR/register.db" device add K7 --name "Bench kiosk" --role kiosk --out "$DIR" >/dev/null 2>&1 &&
	"$T" --db "$DIR/kiosk.db" device join "$DIR/K7.pair" >/dev/null &&
	"$GEN" "$DIR/kiosk.db" "$N" && "$T" --db "$DIR/kiosk.db" export "$DIR/cases.csv" >/dev/null &&
	"$T" --db "$DIR/kiosk.db" sync out "$DIR/usb" >/dev/null &&
	"$T" --db "$DIR/empty.db" config get device_code >/dev/null || fail "the inputs could not be made"
bundle=$(ls "$DIR"/usb/K7-e1-*.bundle)

# Seconds a command takes, as a whole process.
timed() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>"$DIR/err" || return 1; t1=$(date +%s%N)
	echo "scale=4; ($t1 - $t0) / 1000000000" | bc; }
stats() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
	printf "%.4f %.4f %.4f\n", m, v[1], v[NR] }'; }
: >"$DIR/sync.times"; : >"$DIR/import.times"
for run in $(seq "$RUNS"); do
	cp "$DIR/register.db" "$DIR/r.db" && rm -f "$DIR/r.db-wal" "$DIR/r.db-shm"
	timed "$T" --db "$DIR/r.db" sync in "$bundle" >>"$DIR/sync.times" || fail "sync in: $(head -c 200 "$DIR/err")"
	cp "$DIR/empty.db" "$DIR/i.db" && rm -f "$DIR/i.db-wal" "$DIR/i.db-shm"
	timed "$T" --db "$DIR/i.db" import "$DIR/cases.csv" >>"$DIR/import.times" || fail "import: $(head -c 200 "$DIR/err")"
done
read -r s smin smax < <(stats <"$DIR/sync.times")
read -r i imin imax < <(stats <"$DIR/import.times")
"$T" --db "$DIR/r.db" report --year 2025 --format csv --out "$DIR/rep-sync" >/dev/null
"$T" --db "$DIR/i.db" report --year 2025 --format csv --out "$DIR/rep-import" >/dev/null
same=$(diff -r "$DIR/rep-sync" "$DIR/rep-import" >/dev/null && echo "the same annual report" ||
	echo "REPORTS DIFFER")
ratio=$(echo "scale=2; $s / $i" | bc)
row "$s" "$i" "SPEC 10 target: within 2x (here ${ratio}x); $RUNS runs, min-max ${smin}-${smax} s against ${imin}-${imax} s; $same"
