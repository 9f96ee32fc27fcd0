/* bench_workdays.c - working-day queries per second.
 * cal_add_workdays and cal_workdays_between over a million random dates,
 * against a day-by-day loop in C over the same calendar and inputs, and
 * against numpy.busday_offset / busday_count with the same holidays when
 * $BENCH_PYTHON names a python3 with numpy. The constant-time claim shows
 * as the same rate for short and long spans while the loop slows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/calendar.h"
#include "bench.h"

#define N_QUERIES 1000000

typedef struct {
	tl_date *d, *b;   /* start dates; end dates for between */
	int *n;           /* working days to add */
	tl_date *out;
	int *count;
} queries;

static void make_queries(queries *q, int lo, int hi, unsigned long long seed)
{
	tl_date first = date_from_ymd(2000, 1, 1);
	for (int i = 0; i < N_QUERIES; i++) {
		q->d[i] = first + (tl_date)(bench_rand(&seed) % (70 * 365));
		q->n[i] = lo + (int)(bench_rand(&seed) % (unsigned)(hi - lo + 1));
		q->b[i] = q->d[i] + (tl_date)(bench_rand(&seed) % (unsigned)(hi * 7 / 5 + 1));
	}
}

static tl_date loop_add(const tl_calendar *c, tl_date d, int n)
{
	while (n > 0)
		n -= cal_is_workday(c, ++d);
	return d;
}

static int loop_between(const tl_calendar *c, tl_date a, tl_date b)
{
	int k = 0;
	while (a < b)
		k += cal_is_workday(c, ++a);
	return k;
}

/* One timed pass over the first n queries; returns queries per second.
 * which: 0 add, 1 between, 2 loop add, 3 loop between. */
static double pass(const tl_calendar *c, queries *q, int which, int n, tl_date *out, int *count)
{
	tl_err err;
	double t0 = bench_now();
	for (int i = 0; i < n; i++) {
		switch (which) {
		case 0: cal_add_workdays(c, q->d[i], q->n[i], &out[i], &err); break;
		case 1: cal_workdays_between(c, q->d[i], q->b[i], &count[i], &err); break;
		case 2: out[i] = loop_add(c, q->d[i], q->n[i]); break;
		default: count[i] = loop_between(c, q->d[i], q->b[i]); break;
		}
	}
	return n / (bench_now() - t0);
}

static double median_rate(const tl_calendar *c, queries *q, int which, int n, tl_date *out, int *count)
{
	double r[BENCH_RUNS];
	for (int k = 0; k < BENCH_RUNS; k++)
		r[k] = pass(c, q, which, n, out, count);
	return bench_median(r, BENCH_RUNS);
}

/* Measures one kind of query both ways and checks they agree; returns the
 * fast rate in M queries/s. */
static double figure(const tl_calendar *c, queries *q, int between, const char *name, const char *span,
		     int n_slow)
{
	tl_date *o2 = malloc(sizeof *o2 * N_QUERIES);
	int *c2 = malloc(sizeof *c2 * N_QUERIES);
	char fig[128], note[160];
	long wrong = 0;

	double fast = median_rate(c, q, between, N_QUERIES, q->out, q->count);
	double slow = median_rate(c, q, 2 + between, n_slow, o2, c2);
	for (int i = 0; i < n_slow; i++)
		wrong += between ? q->count[i] != c2[i] : q->out[i] != o2[i];
	snprintf(fig, sizeof fig, "%s, %s", name, span);
	snprintf(note, sizeof note, "%d random queries (the loop: the first %d); %s", N_QUERIES,
		 n_slow, wrong ? "RESULTS DIFFER from the loop" : "same answers as the loop");
	bench_row(fig, fast / 1e6, "M queries/s", "day-by-day loop in C", slow / 1e6,
		  "M queries/s", note);
	free(o2);
	free(c2);
	return fast / 1e6;
}

/* Writes the calendar's non-working weekdays, for numpy. */
static int write_holidays(const tl_calendar *c, const char *path)
{
	FILE *f = fopen(path, "w");
	tl_day_off days[64];
	size_t n;
	tl_err err;

	if (!f)
		return -1;
	for (int y = CAL_FIRST_YEAR; y <= CAL_LAST_YEAR; y++) {
		if (cal_holidays(c, y, days, 64, &n, &err))
			break;
		for (size_t i = 0; i < n; i++) {
			char s[TL_DATE_LEN];
			date_format(days[i].date, s);
			fprintf(f, "%s\n", s);
		}
	}
	return fclose(f);
}

/* numpy's vectorised working-day functions over a million random dates. */
static void numpy_figures(const tl_calendar *c, double add, double between)
{
	const char *py = getenv("BENCH_PYTHON"), *dir = getenv("BENCH_TMP");
	char cmd[1024], hol[512], line[256];
	double np_add = -1, np_between = -1;

	if (!py || !*py || !dir) {
		bench_row("cal_add_workdays", add, "M queries/s", "numpy.busday_offset", -1,
			  "M queries/s", "n/a (no python3 with numpy: install python3-numpy)");
		return;
	}
	snprintf(hol, sizeof hol, "%s/holidays.txt", dir);
	snprintf(cmd, sizeof cmd, "%s bench/numpy_workdays.py %s %d", py, hol, N_QUERIES);
	FILE *p = write_holidays(c, hol) == 0 ? popen(cmd, "r") : NULL;
	if (p && fgets(line, sizeof line, p))
		sscanf(line, "%lf %lf", &np_add, &np_between);
	if (p)
		pclose(p);
	const char *why = np_add < 0 ? "n/a (numpy run failed)" :
		"vectorised over the same number of random dates, same holidays";
	bench_row("cal_add_workdays, 1-65 days", add, "M queries/s", "numpy.busday_offset",
		  np_add < 0 ? -1 : np_add / 1e6, "M queries/s", why);
	bench_row("cal_workdays_between, 0-91 days", between, "M queries/s", "numpy.busday_count",
		  np_between < 0 ? -1 : np_between / 1e6, "M queries/s", why);
}

int main(void)
{
	queries q;
	tl_calendar *cal = NULL;
	tl_err err;

	if (cal_new(NULL, 0, &cal, &err)) {
		fprintf(stderr, "bench_workdays: %s\n", err.msg);
		return 1;
	}
	q.d = malloc(sizeof *q.d * N_QUERIES);
	q.b = malloc(sizeof *q.b * N_QUERIES);
	q.n = malloc(sizeof *q.n * N_QUERIES);
	q.out = malloc(sizeof *q.out * N_QUERIES);
	q.count = malloc(sizeof *q.count * N_QUERIES);
	if (!q.d || !q.b || !q.n || !q.out || !q.count)
		return 1;
	make_queries(&q, 1, 65, 42);
	double add = figure(cal, &q, 0, "cal_add_workdays", "1-65 days", N_QUERIES);
	double between = figure(cal, &q, 1, "cal_workdays_between", "0-91 days", N_QUERIES);
	make_queries(&q, 1000, 5000, 43);
	/* The loop is slow over long spans: time it on fewer queries. */
	figure(cal, &q, 0, "cal_add_workdays", "1000-5000 days", N_QUERIES / 20);
	figure(cal, &q, 1, "cal_workdays_between", "0-7000 days", N_QUERIES / 20);
	numpy_figures(cal, add, between);
	cal_free(cal);
	free(q.d); free(q.b); free(q.n); free(q.out); free(q.count);
	return 0;
}
