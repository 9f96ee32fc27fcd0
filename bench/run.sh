#!/usr/bin/env bash
# run.sh BUILD - runs the benchmark programs of BUILD/bench, prints one row a
# figure (median of several runs beside what it is compared with in the same
# run) and writes the same rows to bench/results.csv. A figure that cannot be
# measured yet says "n/a (why)". Never fails because something is slow.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-build}" && pwd)
B=$BUILD/bench
export BENCH_TMP=$B/tmp
rm -rf "$BENCH_TMP" && mkdir -p "$BENCH_TMP"
ROWS=$B/rows.tsv
: >"$ROWS"
cd "$ROOT" || exit 1

# numpy is optional: the first python3 that has it.
export BENCH_PYTHON=""
for py in python3 /usr/bin/python3; do
	if command -v "$py" >/dev/null && "$py" -c 'import numpy' 2>/dev/null; then
		BENCH_PYTHON=$py; break
	fi
done

na() { # figure unit compared cvalue cunit why
	printf '%s\tn/a\t%s\t%s\t%s\t%s\tn/a (%s)\n' "$1" "$2" "$3" "$4" "$5" "$6" >>"$ROWS"; }

echo "bench: working days..." >&2
"$B/bench_workdays" >>"$ROWS" || na "working-day queries" "M queries/s" "-" n/a "" "bench_workdays failed"

echo "bench: durable submissions..." >&2
if [ "$(stat -f -c %T "$BENCH_TMP")" = tmpfs ]; then
	na "durable kiosk submission (case_log)" "submissions/s" "bare fsync'd SQLite insert" n/a "" "$BENCH_TMP is on tmpfs: fsync means nothing there"
elif [ -x "$B/bench_submit" ]; then
	"$B/bench_submit" >>"$ROWS" || na "durable kiosk submission (case_log)" "submissions/s" "bare fsync'd SQLite insert" n/a "" "bench_submit failed"
else
	na "durable kiosk submission (case_log)" "submissions/s" "bare fsync'd SQLite insert" n/a "inserts/s" "case_log is not on main yet"
fi

echo "bench: frames..." >&2
kiosk=()
if [ -x "$BUILD/tellus-kiosk" ]; then
	screen=$("$BUILD/tellus-kiosk" --list-screens 2>/dev/null | head -1)
	[ -n "$screen" ] && kiosk=("$BUILD/tellus-kiosk" "$screen")
fi
"$B/bench_frame" "${kiosk[@]}" >>"$ROWS" ||
	na "kiosk start to first frame, 1920x1080" "ms" "bare SDL window presenting one frame" n/a "ms" "bench_frame failed"

if [ -x "$B/bench_report" ]; then
	echo "bench: annual report over 1,000,000 cases..." >&2
	"$B/bench_report" >>"$ROWS" || na "annual report, 1,000,000 cases" "s" "bare aggregate queries" n/a "s" "bench_report failed"
else
	na "annual report, 1,000,000 cases" "s" "the same aggregate queries, bare sqlite3" n/a "s" "the report is not on main yet"
fi

echo "bench: the cases file, import and export..." >&2
bash "$ROOT/bench/csvio.sh" "$BUILD/tellus" >>"$ROWS" ||
	na "tellus import and export" "s" "sqlite3 on the same rows" n/a "s" "bench/csvio.sh failed"

bench_list_row() { # tellus list at 1,000,000 cases with 5,000 open (issue 17 point 5)
	echo "bench: tellus list over 1,000,000 cases, 5,000 open..." >&2
	"$B/bench_list" "$BUILD/tellus" "$(command -v sqlite3)" >>"$ROWS" ||
		na "tellus list, 1,000,000 cases, 5,000 open" "ms" "sqlite3 CLI: the open stages by due" n/a "ms" "bench_list failed"
}
[ -x "$B/bench_list" ] && bench_list_row

echo "bench: the tracking page under load (wrk)..." >&2
bash "$ROOT/bench/serve.sh" "$BUILD" >>"$ROWS" ||
	na "tracking page (right code), 50 clients" "requests/s" "the same server, a static file" n/a "requests/s" "bench/serve.sh failed"

echo "bench: a synced bundle against a CSV import..." >&2
bash bench/bench_sync.sh "$BUILD" >>"$ROWS"

# The table and the CSV. ratio: how many times the compared figure.
when=$(date -u +%FT%TZ)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "make bench, $when, $(nproc) CPUs ($cpu), $(git rev-parse --short HEAD 2>/dev/null)"
{
	echo "when,figure,median,unit,compared_with,compared_median,compared_unit,ratio,note"
	awk -F'\t' -v when="$when" '
		function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
		{ r = ($2 != "n/a" && $5 != "n/a" && $5 + 0 > 0) ? sprintf("%.2f", $2 / $5) : ""
		  print when "," q($1) "," $2 "," q($3) "," q($4) "," $5 "," q($6) "," r "," q($7) }' "$ROWS"
} >"$ROOT/bench/results.csv"
awk -F'\t' '
	function f(v) { return v == "n/a" ? v : sprintf("%.3g", v) }
	{ r = ($2 != "n/a" && $5 != "n/a" && $5 + 0 > 0) ? sprintf("%.3gx", $2 / $5) : "-"
	  printf "%-48s %8s %-14s | %-50s %8s %-12s | %6s  %s\n", $1, f($2), $3, $4, f($5), $6, r, $7 }' "$ROWS"
echo "(ratio: the figure divided by what it is compared with; written to bench/results.csv)"
