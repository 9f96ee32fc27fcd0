/* bench_util.c - the clock, the median and the output row of bench.h. */
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

static void value(double v)
{
	if (v < 0)
		printf("n/a");
	else
		printf("%.6g", v);
}

void bench_row(const char *figure, double v, const char *unit,
	       const char *compared, double cv, const char *cunit, const char *note)
{
	printf("%s\t", figure);
	value(v);
	printf("\t%s\t%s\t", unit, compared);
	value(cv);
	printf("\t%s\t%s\n", cunit, note ? note : "");
	fflush(stdout);
}

unsigned long long bench_rand(unsigned long long *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}
