/* bench.h - what the `make bench` programs share: a monotonic clock, the
 * median of several runs, and one output row a figure. A row is
 * tab-separated: figure, median, min, max, unit, what it is compared
 * with, its median, min and max, a note; bench/run.sh turns rows into the printed table
 * and bench/results.csv. A figure that cannot be measured says why. */
#ifndef TELLUS_BENCH_H
#define TELLUS_BENCH_H

#include <stddef.h>

#define BENCH_RUNS 5

/* Several runs of one side: median, min and max (med < 0: not measured). */
typedef struct {
	double med, lo, hi;
} bench_stat;

/* Seconds on the monotonic clock. */
double bench_now(void);
/* The median of n values (sorts v in place). */
double bench_median(double *v, size_t n);
/* Median, min and max of n values, each times scale (sorts v in place). */
bench_stat bench_stats(double *v, size_t n, double scale);
/* A side that could not be measured. */
extern const bench_stat BENCH_NA;
/* Prints one row: what Tellus did and what it is compared with, both in
 * the same unit of time, so that the ratio is Tellus's over the anchor's
 * (below 1 is faster). A side not measured prints "n/a" and the note says
 * why. */
void bench_row(const char *figure, bench_stat ours, const char *unit, const char *compared,
	       bench_stat anchor, const char *note);
/* A small deterministic generator (xorshift64*), so every run measures the
 * same inputs. */
unsigned long long bench_rand(unsigned long long *state);

#endif
