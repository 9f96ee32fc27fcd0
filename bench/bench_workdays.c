/* bench_workdays.c - the time of one working-day query.
 * cal_add_workdays and cal_workdays_between over a million random dates,
 * against numpy.busday_offset / busday_count answering the same query
 * file with the same holidays (bench/numpy_workdays.py, run by
 * $BENCH_PYTHON), whose answers are checked equal to Tellus's. A
 * day-by-day loop in C over the same calendar stays as a labelled sanity
 * row: the constant-time claim shows as the same time per query for short
 * and long spans while the loop slows. */
#include <stdint.h>
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

/* The seconds per query of BENCH_RUNS passes over the first n queries.
 * which: 0 add, 1 between, 2 loop add, 3 loop between. */
static bench_stat per_query(const tl_calendar *c, queries *q, int which, int n, tl_date *out,
			    int *count)
{
	double t[BENCH_RUNS];
	tl_err err;
	for (int k = 0; k < BENCH_RUNS; k++) {
		double t0 = bench_now();
		for (int i = 0; i < n; i++) {
			switch (which) {
			case 0: cal_add_workdays(c, q->d[i], q->n[i], &out[i], &err); break;
			case 1: cal_workdays_between(c, q->d[i], q->b[i], &count[i], &err); break;
			case 2: out[i] = loop_add(c, q->d[i], q->n[i]); break;
			default: count[i] = loop_between(c, q->d[i], q->b[i]); break;
			}
		}
		t[k] = (bench_now() - t0) / n;
	}
	return bench_stats(t, BENCH_RUNS, 1e9);
}

/* The sanity row: one kind of query timed both ways, answers compared. */
static void sanity(const tl_calendar *c, queries *q, int between, const char *name, int n_slow)
{
	tl_date *o2 = malloc(sizeof *o2 * N_QUERIES);
	int *c2 = malloc(sizeof *c2 * N_QUERIES);
	char fig[128], note[200];
	long wrong = 0;

	bench_stat fast = per_query(c, q, between, N_QUERIES, q->out, q->count);
	bench_stat slow = per_query(c, q, 2 + between, n_slow, o2, c2);
	for (int i = 0; i < n_slow; i++)
		wrong += between ? q->count[i] != c2[i] : q->out[i] != o2[i];
	snprintf(fig, sizeof fig, "sanity: %s", name);
	snprintf(note, sizeof note, "not an anchor: a check that the time stays flat; %d random "
		 "queries (the loop: the first %d); %s", N_QUERIES, n_slow,
		 wrong ? "RESULTS DIFFER from the loop" : "same answers as the loop");
	bench_row(fig, fast, "ns/query", "day-by-day loop in C", slow, note);
	free(o2);
	free(c2);
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

/* The query file numpy reads: int32 triples (start, days, end). */
static int write_queries(const queries *q, const char *path)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	for (int i = 0; i < N_QUERIES; i++) {
		int32_t t[3] = { q->d[i], q->n[i], q->b[i] };
		fwrite(t, sizeof t, 1, f);
	}
	return fclose(f);
}

/* How many of numpy's answers (the dates added, then the counts) differ
 * from Tellus's; -1 if they cannot be read. */
static long differ(const queries *q, const char *path)
{
	FILE *f = fopen(path, "rb");
	long wrong = 0;
	int32_t v;
	for (int i = 0; f && i < 2 * N_QUERIES; i++) {
		if (fread(&v, sizeof v, 1, f) != 1) {
			fclose(f);
			return -1;
		}
		wrong += i < N_QUERIES ? v != q->out[i] : v != q->count[i - N_QUERIES];
	}
	if (f)
		fclose(f);
	return f ? wrong : -1;
}

/* One line of seconds per run from numpy, as ns per query. */
static bench_stat numpy_line(FILE *p)
{
	char line[512];
	double t[BENCH_RUNS];
	int n = 0, used;
	if (!p || !fgets(line, sizeof line, p))
		return BENCH_NA;
	for (char *at = line; n < BENCH_RUNS && sscanf(at, "%lf%n", &t[n], &used) == 1; at += used)
		n++;
	return n == BENCH_RUNS ? bench_stats(t, BENCH_RUNS, 1e9 / N_QUERIES) : BENCH_NA;
}

/* Tellus and numpy over the same query file; q->out and q->count hold
 * Tellus's answers, checked against numpy's. */
static void numpy_rows(const tl_calendar *c, queries *q)
{
	const char *py = getenv("BENCH_PYTHON"), *dir = getenv("BENCH_TMP");
	char cmd[2048], hol[512], qf[512], af[512], note[300];
	bench_stat add = per_query(c, q, 0, N_QUERIES, q->out, q->count);
	bench_stat between = per_query(c, q, 1, N_QUERIES, q->out, q->count);
	bench_stat np_add = BENCH_NA, np_between = BENCH_NA;

	snprintf(note, sizeof note, "n/a (no python3 with numpy: install python3-numpy)");
	if (py && *py && dir) {
		snprintf(hol, sizeof hol, "%s/holidays.txt", dir);
		snprintf(qf, sizeof qf, "%s/queries.bin", dir);
		snprintf(af, sizeof af, "%s/numpy-answers.bin", dir);
		snprintf(cmd, sizeof cmd, "%s bench/numpy_workdays.py %s %s %s %d", py, hol, qf, af,
			 BENCH_RUNS);
		FILE *p = write_holidays(c, hol) == 0 && write_queries(q, qf) == 0 ?
			popen(cmd, "r") : NULL;
		np_add = numpy_line(p);
		np_between = numpy_line(p);
		if (p)
			pclose(p);
		long wrong = differ(q, af);
		if (np_add.med < 0 || wrong < 0)
			snprintf(note, sizeof note, "n/a (the numpy run failed)");
		else
			snprintf(note, sizeof note, "the same %d queries from one file, the same "
				 "holidays, %d runs a side; %s", N_QUERIES, BENCH_RUNS,
				 wrong ? "ANSWERS DIFFER from numpy's" : "answers checked equal");
	}
	bench_row("cal_add_workdays, 1-65 days", add, "ns/query", "numpy.busday_offset", np_add,
		  note);
	bench_row("cal_workdays_between, 0-91 days", between, "ns/query", "numpy.busday_count",
		  np_between, note);
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
	numpy_rows(cal, &q);
	sanity(cal, &q, 0, "cal_add_workdays, 1-65 days", N_QUERIES);
	sanity(cal, &q, 1, "cal_workdays_between, 0-91 days", N_QUERIES);
	make_queries(&q, 1000, 5000, 43);
	/* The loop is slow over long spans: time it on fewer queries. */
	sanity(cal, &q, 0, "cal_add_workdays, 1000-5000 days", N_QUERIES / 20);
	sanity(cal, &q, 1, "cal_workdays_between, 0-7000 days", N_QUERIES / 20);
	cal_free(cal);
	free(q.d); free(q.b); free(q.n); free(q.out); free(q.count);
	return 0;
}
