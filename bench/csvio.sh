#!/usr/bin/env bash
# csvio.sh TELLUS [ROWS] - the cases file's rows of `make bench` (issue 17
# point 7): whole processes as a person runs them, `tellus import` and
# `tellus export` beside SQLite's own CLI on the same rows, and the import
# with and without the report's running totals. Each side runs BENCH_RUNS
# times (at least 5) on the same generated file; a row gives the medians,
# and the note the min and max of each side. Prints rows as bench.h's
# bench_row does (run.sh makes the table). Another row is one more call
# of bench_pair with two commands.
set -u
TELLUS=$1
N=${2:-${BENCH_CSV_ROWS:-100000}}
RUNS=${BENCH_RUNS:-5}
[ "$RUNS" -ge 5 ] || RUNS=5
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=${BENCH_TMP:-/tmp}/csvio
rm -rf "$W" && mkdir -p "$W"
export TELLUS_TODAY=2026-01-15

# run_times CMD...: seconds of wall time of each of RUNS runs, one a line;
# BENCH_BEFORE (a shell command) runs untimed before each.
run_times() {
	local i t0 t1
	for ((i = 0; i < RUNS; i++)); do
		eval "${BENCH_BEFORE:-:}"
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>"$W/err" || { echo "FAIL $(head -c 200 "$W/err")"; return; }
		t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
	done
}
# stats: "median min max" of the numbers on stdin.
stats() { sort -g | awk '{ v[NR] = $1 } END {
	m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
	printf "%.4g %.4g %.4g\n", m, v[1], v[NR] }'; }

# bench_pair FIGURE UNIT COMPARED BEFORE_A A... -- BEFORE_B B...: one row,
# A (Tellus) beside B (the anchor), seconds.
bench_pair() {
	local figure=$1 compared=$2 before_a=$3; shift 3
	local a=() b=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do a+=("$1"); shift; done
	shift
	local before_b=$1; shift
	b=("$@")
	local ta tb
	ta=$(BENCH_BEFORE=$before_a run_times "${a[@]}")
	tb=$(BENCH_BEFORE=$before_b run_times "${b[@]}")
	if grep -q FAIL <<<"$ta$tb"; then
		printf '%s\tn/a\ts\t%s\tn/a\ts\tn/a (%s)\n' "$figure" "$compared" "$(grep -m1 FAIL <<<"$ta$tb")"
		return
	fi
	read -r ma mina maxa <<<"$(stats <<<"$ta")"
	read -r mb minb maxb <<<"$(stats <<<"$tb")"
	printf '%s\t%s\ts\t%s\t%s\ts\tmedian of %d; min-max %s-%s vs %s-%s\n' \
		"$figure" "$ma" "$compared" "$mb" "$RUNS" "$mina" "$maxa" "$minb" "$maxb"
}

python3 "$ROOT/scripts/csvio-gen.py" "$N" "$W/cases.csv"
# The anchor's table is the file's own columns, as `.import` makes them.
# A new, empty register (made before the clock starts).
fresh_tellus() { rm -f "$W/t.db"*; "$TELLUS" --db "$W/t.db" check >/dev/null; }
fresh_sqlite() { rm -f "$W/s.db"*; }
# Without the running totals: the same file, its tally triggers dropped
# (the sqlite3 shell may drop them; it cannot write through them).
fresh_untallied() {
	fresh_tellus
	sqlite3 "$W/t.db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master
		WHERE type = 'trigger' AND name LIKE 'tally%'" | sqlite3 "$W/t.db"
}

n=$(printf "%'d" "$N" 2>/dev/null || echo "$N")
bench_pair "tellus import, $n cases (whole process)" "sqlite3 .import of the same file" \
	fresh_tellus "$TELLUS" --db "$W/t.db" import "$W/cases.csv" -- \
	fresh_sqlite sqlite3 -csv "$W/s.db" ".import $W/cases.csv cases"

# Both exports read every case: Tellus with its stages, causes and
# actions, the anchor the cases and stages tables, one statement each.
fresh_tellus && "$TELLUS" --db "$W/t.db" import "$W/cases.csv" >/dev/null
bench_pair "tellus export, $n cases (whole process)" "sqlite3 -csv of cases and stages" \
	"rm -f $W/out.csv" "$TELLUS" --db "$W/t.db" export "$W/out.csv" -- \
	: sh -c "sqlite3 -csv '$W/t.db' 'SELECT * FROM cases ORDER BY id; SELECT * FROM stages
		ORDER BY case_id, stage' >'$W/anchor.csv'"

bench_pair "tellus import, $n cases, running totals kept" "the same import without them" \
	fresh_tellus "$TELLUS" --db "$W/t.db" import "$W/cases.csv" -- \
	fresh_untallied "$TELLUS" --db "$W/t.db" import "$W/cases.csv"
rm -rf "$W"
