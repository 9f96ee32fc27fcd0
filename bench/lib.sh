# lib.sh - what the shell parts of `make bench` share with bench.h: the
# median, min and max of several runs, one output row in bench.h's format
# (figure, median, min, max, unit, compared with, its median, min, max,
# note), and whole processes timed in turn, alternated. Sourced.

# bench_stats: "median min max" of the numbers on stdin, each times $1.
bench_stats() { sort -g | awk -v k="${1:-1}" '{ v[NR] = $1 * k } END {
	if (!NR) { print "n/a n/a n/a"; exit }
	m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
	printf "%.6g %.6g %.6g\n", m, v[1], v[NR] }'; }

# bench_row FIGURE "MED MIN MAX" UNIT COMPARED "MED MIN MAX" NOTE
bench_row() {
	local a b
	read -r -a a <<<"$2"; read -r -a b <<<"$5"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "${a[0]}" "${a[1]}" "${a[2]}" "$3" \
		"$4" "${b[0]}" "${b[1]}" "${b[2]}" "$6"
}
# bench_na FIGURE UNIT COMPARED WHY
bench_na() { bench_row "$1" "n/a n/a n/a" "$2" "$3" "n/a n/a n/a" "n/a ($4)"; }

# bench_time CMD...: seconds of wall time of one whole process (its output
# dropped, its stderr kept in $BENCH_ERR), or "FAIL".
bench_time() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>"${BENCH_ERR:-/dev/null}" || { echo FAIL; return 1; }
	t1=$(date +%s%N)
	echo "scale=6; ($t1 - $t0) / 1000000000" | bc
}
