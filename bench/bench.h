/* bench.h - what the `make bench` programs share: a monotonic clock, the
 * median of several runs, and one output row a figure. A row is
 * tab-separated: figure, median, unit, what it is compared with, that
 * median, its unit, a note; bench/run.sh turns rows into the printed table
 * and bench/results.csv. A figure that cannot be measured says why. */
#ifndef TELLUS_BENCH_H
#define TELLUS_BENCH_H

#include <stddef.h>

#define BENCH_RUNS 5

/* Seconds on the monotonic clock. */
double bench_now(void);
/* The median of n values (sorts v in place). */
double bench_median(double *v, size_t n);
/* Prints one row; a value < 0 prints "n/a" and the note says why. */
void bench_row(const char *figure, double value, const char *unit,
	       const char *compared, double cvalue, const char *cunit, const char *note);
/* A small deterministic generator (xorshift64*), so every run measures the
 * same inputs. */
unsigned long long bench_rand(unsigned long long *state);

#endif
