#!/usr/bin/env bash
# run.sh BUILD - runs the benchmark programs of BUILD/bench and prints one
# row a figure in one format: what Tellus did, its median (min-max) over
# at least 5 runs, what it is compared with and that anchor's median
# (min-max) in the same unit, and the ratio Tellus / anchor (below 1 is
# faster); the same rows go to bench/results.csv. A figure that cannot be
# measured says "n/a (why)". Never fails because something is slow. The
# generated registers of 1,000,000 cases are kept in BUILD/bench
# (list-1m.db, report-1m.db) for the next run: delete them to make them
# again.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-build}" && pwd)
B=$BUILD/bench
export BENCH_TMP=$B/tmp
rm -rf "$BENCH_TMP" && mkdir -p "$BENCH_TMP"
ROWS=$B/rows.tsv
: >"$ROWS"
cd "$ROOT" || exit 1
. bench/lib.sh
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# numpy is optional: the first python3 that has it.
export BENCH_PYTHON=""
for py in python3 /usr/bin/python3; do
	if command -v "$py" >/dev/null && "$py" -c 'import numpy' 2>/dev/null; then
		BENCH_PYTHON=$py; break
	fi
done

na() { bench_na "$@" >>"$ROWS"; } # figure unit compared why

echo "bench: working days..." >&2
"$B/bench_workdays" >>"$ROWS" || na "working-day queries" "ns/query" "-" "bench_workdays failed"

echo "bench: durable submissions..." >&2
if [ "$(stat -f -c %T "$BENCH_TMP")" = tmpfs ]; then
	na "durable kiosk submission (case_log)" ms "bare fsync'd SQLite insert" "$BENCH_TMP is on tmpfs: fsync means nothing there"
else
	"$B/bench_submit" >>"$ROWS" || na "durable kiosk submission (case_log)" ms "bare fsync'd SQLite insert" "bench_submit failed"
fi

echo "bench: the kiosk's first frame, with a register of 20,000 cases..." >&2
kiosk=()
if [ -x "$BUILD/tellus-kiosk" ]; then
	python3 scripts/csvio-gen.py 20000 "$BENCH_TMP/kiosk.csv" &&
		TELLUS_TODAY=2026-01-15 "$BUILD/tellus" --db "$BENCH_TMP/kiosk.db" import "$BENCH_TMP/kiosk.csv" >/dev/null
	screen=$("$BUILD/tellus-kiosk" --list-screens 2>/dev/null | head -1)
	[ -n "$screen" ] && kiosk=("$B/bench_present.so" "$BUILD/tellus-kiosk" "$BENCH_TMP/kiosk.db" "$screen")
fi
"$B/bench_frame" "${kiosk[@]}" >>"$ROWS" ||
	na "kiosk start to first frame, 1920x1080" ms "bare SDL program presenting one frame" "bench_frame failed"

echo "bench: annual report over 1,000,000 cases..." >&2
BENCH_REPORT_DB=$B/report-1m.db "$B/bench_report" >>"$ROWS" ||
	na "annual report, 1,000,000 cases" s "the same definitions run bare through sqlite3" "bench_report failed"

echo "bench: the cases file, import and export..." >&2
bash bench/csvio.sh "$BUILD/tellus" >>"$ROWS" ||
	na "tellus import and export" s "sqlite3 on the same rows" "bench/csvio.sh failed"

echo "bench: tellus list over 1,000,000 cases, 5,000 open..." >&2
BENCH_LIST_DB=$B/list-1m.db "$B/bench_list" "$BUILD/tellus" "$(command -v sqlite3)" >>"$ROWS" ||
	na "tellus list, 1,000,000 cases, 5,000 open" ms "sqlite3 CLI: the open stages by due" "bench_list failed"

echo "bench: the tracking page under load (wrk)..." >&2
bash bench/serve.sh "$BUILD" >>"$ROWS" ||
	na "tracking page (right code), 50 clients" us/request "the same server, a static file" "bench/serve.sh failed"

echo "bench: a synced bundle against a CSV import..." >&2
bash bench/bench_sync.sh "$BUILD" >>"$ROWS"

# The table and the CSV. ratio: Tellus's median over the anchor's.
when=$(date -u +%FT%TZ)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "make bench, $when, $(nproc) CPUs ($cpu), $(git rev-parse --short HEAD 2>/dev/null); load average $load_before before, $load_after after"
{
	echo "when,figure,median,min,max,unit,compared_with,compared_median,compared_min,compared_max,ratio,note"
	awk -F'\t' -v when="$when" '
		function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
		{ r = ($2 != "n/a" && $7 != "n/a" && $7 + 0 > 0) ? sprintf("%.3f", $2 / $7) : ""
		  print when "," q($1) "," $2 "," $3 "," $4 "," q($5) "," q($6) "," $7 "," $8 "," $9 "," r "," q($10) }' "$ROWS"
} >"$ROOT/bench/results.csv"
awk -F'\t' '
	function f(v) { return v == "n/a" ? v : sprintf("%.3g", v) }
	function side(m, lo, hi, u) { return m == "n/a" ? "n/a" : f(m) " (" f(lo) "-" f(hi) ") " u }
	{ r = ($2 != "n/a" && $7 != "n/a" && $7 + 0 > 0) ? sprintf("%.3gx", $2 / $7) : "-"
	  printf "%-50s %-28s | %-52s %-28s | %7s  %s\n", $1, side($2, $3, $4, $5), $6, side($7, $8, $9, $5), r, $10 }' "$ROWS"
echo "(median (min-max) of each side; ratio: Tellus's median over the anchor's, below 1 is faster; written to bench/results.csv)"
