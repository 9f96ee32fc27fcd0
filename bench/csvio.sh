#!/usr/bin/env bash
# csvio.sh TELLUS [ROWS] - the cases file's rows of `make bench` (issue 17
# point 7): whole processes as a person runs them, `tellus import` and
# `tellus export` beside SQLite's own CLI on the same rows, and the import
# with and without the report's running totals. The two sides of a row
# run in turn, BENCH_RUNS times each (at least 5), on the same generated
# file; rows as bench/lib.sh prints them.
set -u
TELLUS=$1
N=${2:-${BENCH_CSV_ROWS:-20000}}
RUNS=${BENCH_RUNS:-5}
[ "$RUNS" -ge 5 ] || RUNS=5
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
W=${BENCH_TMP:-/tmp}/csvio
rm -rf "$W" && mkdir -p "$W"
export TELLUS_TODAY=2026-01-15 BENCH_ERR=$W/err

# bench_pair FIGURE COMPARED BEFORE_A A... -- BEFORE_B B...: one row, A
# (Tellus) beside B (the anchor), seconds; each BEFORE (a shell command)
# runs untimed before its side's every run.
bench_pair() {
	local figure=$1 compared=$2 before_a=$3; shift 3
	local a=() b=() ta="" tb="" i
	while [ $# -gt 0 ] && [ "$1" != -- ]; do a+=("$1"); shift; done
	shift
	local before_b=$1; shift
	b=("$@")
	for ((i = 0; i < RUNS; i++)); do
		eval "$before_a"; ta+="$(bench_time "${a[@]}") "
		eval "$before_b"; tb+="$(bench_time "${b[@]}") "
	done
	if grep -q FAIL <<<"$ta$tb"; then
		bench_na "$figure" s "$compared" "failed: $(head -c 200 "$W/err")"
		return
	fi
	bench_row "$figure" "$(tr ' ' '\n' <<<"$ta" | grep . | bench_stats)" s "$compared" \
		"$(tr ' ' '\n' <<<"$tb" | grep . | bench_stats)" \
		"whole processes, alternated, $RUNS runs a side"
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
bench_pair "tellus import, $n cases" "sqlite3 .import of the same file, one transaction" \
	fresh_tellus "$TELLUS" --db "$W/t.db" import "$W/cases.csv" -- \
	fresh_sqlite sqlite3 -csv "$W/s.db" ".import $W/cases.csv cases"

# Both exports read every case: Tellus with its stages, causes and
# actions, the anchor the cases and stages tables, one statement each.
fresh_tellus && "$TELLUS" --db "$W/t.db" import "$W/cases.csv" >/dev/null
bench_pair "tellus export, $n cases" "sqlite3 -csv of cases and stages" \
	"rm -f $W/out.csv" "$TELLUS" --db "$W/t.db" export "$W/out.csv" -- \
	: sh -c "sqlite3 -csv '$W/t.db' 'SELECT * FROM cases ORDER BY id; SELECT * FROM stages
		ORDER BY case_id, stage' >'$W/anchor.csv'"

bench_pair "tellus import, $n cases, running totals kept" "the same import without them" \
	fresh_tellus "$TELLUS" --db "$W/t.db" import "$W/cases.csv" -- \
	fresh_untallied "$TELLUS" --db "$W/t.db" import "$W/cases.csv"
rm -rf "$W"
