/* bench_util.c - the clock, the median, min and max, and the output row
 * of bench.h. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bench.h"

double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double bench_median(double *v, size_t n)
{
	if (n == 0)
		return -1;
	qsort(v, n, sizeof *v, by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

bench_stat bench_stats(double *v, size_t n, double scale)
{
	if (n == 0)
		return BENCH_NA;
	double med = bench_median(v, n);
	return (bench_stat){ med * scale, v[0] * scale, v[n - 1] * scale };
}

const bench_stat BENCH_NA = { -1, -1, -1 };

static void side(bench_stat s)
{
	if (s.med < 0)
		printf("n/a\tn/a\tn/a");
	else
		printf("%.6g\t%.6g\t%.6g", s.med, s.lo, s.hi);
}

void bench_row(const char *figure, bench_stat ours, const char *unit, const char *compared,
	       bench_stat anchor, const char *note)
{
	printf("%s\t", figure);
	side(ours);
	printf("\t%s\t%s\t", unit, compared);
	side(anchor);
	printf("\t%s\n", note ? note : "");
	fflush(stdout);
}

unsigned long long bench_rand(unsigned long long *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}
