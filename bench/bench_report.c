/* bench_report.c - the annual report over 1,000,000 generated cases.
 * report_run for financial year 2025 (with 2024 beside it) against (1) the
 * same definitions under reports/tables/ run bare through the sqlite3 API
 * on the same connection (same SQL functions and parameters, rows read
 * and dropped): the difference is what the report's own code costs; and
 * (2) the same counts made from scratch over every statutory stage (the
 * tally_rows view grouped as the running totals group it): what the
 * report would cost without the running totals of migration 5. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/report.h"
#include "store/store_db.h"
#include "bench_gen.h"

#ifndef N_CASES
#define N_CASES 1000000L
#endif
#define YEAR 2025
#define YEARS 10  /* financial years the cases spread over, up to YEAR */
#define RUNS 5
#define TABLES "reports/tables"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The text of every definition, in file-name order (as the report runs
 * them). *out is a NULL-terminated malloc'd array of malloc'd texts. */
static int read_defs(char ***out)
{
	DIR *d = opendir(TABLES);
	struct dirent *e;
	char **names = calloc(64, sizeof *names), **texts = calloc(64, sizeof *texts);
	size_t n = 0;

	if (!d || !names || !texts)
		return -1;
	while ((e = readdir(d)) && n < 63)
		if (strstr(e->d_name, ".sql"))
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", TABLES, names[i]);
		FILE *f = fopen(path, "rb");
		texts[i] = calloc(1, 1 << 16);
		if (f && texts[i])
			texts[i][fread(texts[i], 1, (1 << 16) - 1, f)] = '\0';
		if (f)
			fclose(f);
		free(names[i]);
	}
	free(names);
	*out = texts;
	return 0;
}

static void bind_dates(sqlite3_stmt *s)
{
	static const char *const NAMES[] = { ":old_from", ":old_to", ":prev_from", ":prev_to",
					     ":cur_from", ":cur_to" };
	char d[TL_DATE_LEN];
	for (int i = 0; i < 6; i++) {
		snprintf(d, sizeof d, i % 2 ? "%04d-03-31" : "%04d-04-01", YEAR - 2 + i / 2 + i % 2);
		int k = sqlite3_bind_parameter_index(s, NAMES[i]);
		if (k)
			sqlite3_bind_text(s, k, d, -1, SQLITE_TRANSIENT);
	}
	int k = sqlite3_bind_parameter_index(s, ":year");
	if (k)
		sqlite3_bind_int(s, k, YEAR);
}

/* Every statement of every definition, rows read as text and dropped. */
static int bare_pass(sqlite3 *db, char **defs, long *rows)
{
	*rows = 0;
	for (size_t i = 0; defs[i]; i++)
		for (const char *sql = defs[i]; sql && *sql;) {
			sqlite3_stmt *s = NULL;
			if (sqlite3_prepare_v2(db, sql, -1, &s, &sql) != SQLITE_OK)
				return -1;
			if (!s)
				break;
			bind_dates(s);
			while (sqlite3_step(s) == SQLITE_ROW) {
				for (int c = 0; c < sqlite3_column_count(s); c++)
					sqlite3_column_text(s, c);
				(*rows)++;
			}
			sqlite3_finalize(s);
		}
	return 0;
}

/* The two years' stages counted as the running totals count them, but
 * from every stage and case: what each report cost before migration 5. */
static int count_from_scratch(sqlite3 *db)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db,
		"SELECT stage, s_fy, r_fy, outcome, cause, band, count(*), sum(days) FROM tally_rows"
		" WHERE stage_id IN (SELECT id FROM stages WHERE stage IN (1, 2, 3) AND started"
		" BETWEEN ?1 AND ?2 UNION ALL SELECT id FROM stages WHERE stage IN (1, 2, 3) AND"
		" responded BETWEEN ?1 AND ?2) GROUP BY 1, 2, 3, 4, 5, 6",
		-1, &s, NULL);
	if (rc == SQLITE_OK) {
		char from[TL_DATE_LEN], to[TL_DATE_LEN];
		snprintf(from, sizeof from, "%04d-04-01", YEAR - 1);
		snprintf(to, sizeof to, "%04d-03-31", YEAR + 1);
		sqlite3_bind_text(s, 1, from, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, to, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int main(void)
{
	const char *dir = getenv("BENCH_TMP");
	char path[1024], note[256];
	double t_rep[RUNS], t_bare[RUNS], t_scratch[RUNS];
	tl_store *st = NULL;
	tl_err err = { { 0 } };
	char **defs = NULL;
	long rows = 0;

	/* BENCH_REPORT_DB: a register made by an earlier run, kept for the next. */
	const char *keep = getenv("BENCH_REPORT_DB");
	snprintf(path, sizeof path, "%s", keep ? keep : "");
	if (!keep)
		snprintf(path, sizeof path, "%s/report-1m.db", dir ? dir : ".");
	double t0 = bench_now();
	bool made = !keep || access(path, F_OK);
	if ((made && bench_generate(path, N_CASES, YEAR - YEARS + 1, YEARS, &err)) ||
	    store_open(path, &st, &err) ||
	    report_sql_functions(st, &err) || read_defs(&defs))
		goto fail;
	double gen = bench_now() - t0;
	for (int k = 0; k < RUNS; k++) {
		tl_report *r = NULL;
		double a = bench_now();
		if (report_run(st, YEAR, &r, &err))
			goto fail;
		double b = bench_now();
		report_free(r);
		if (bare_pass(store_db(st), defs, &rows)) {
			err_set(&err, TL_EDB, "bare queries: %s", sqlite3_errmsg(store_db(st)));
			goto fail;
		}
		t_rep[k] = b - a;
		t_bare[k] = bench_now() - b;
		double c = bench_now();
		if (count_from_scratch(store_db(st))) {
			err_set(&err, TL_EDB, "count from scratch: %s", sqlite3_errmsg(store_db(st)));
			goto fail;
		}
		t_scratch[k] = bench_now() - c;
	}
	snprintf(note, sizeof note, "%ld cases over %d financial years (%s %.1f s), "
		 "year %d/%02d; %d runs a side, in one process; bare: %ld rows", N_CASES, YEARS,
		 made ? "generated in" : "kept register, opened in", gen, YEAR, (YEAR + 1) % 100, RUNS,
		 rows);
	bench_stat rep = bench_stats(t_rep, RUNS, 1);
	bench_row("annual report, 1,000,000 cases (report_run)", rep, "s",
		  "the same definitions run bare through sqlite3", bench_stats(t_bare, RUNS, 1), note);
	bench_row("annual report, 1,000,000 cases (report_run)", rep, "s",
		  "every stage counted from scratch (no running totals)",
		  bench_stats(t_scratch, RUNS, 1), note);
	goto cleanup;
fail:
	snprintf(note, sizeof note, "n/a (%.200s)", err.msg);
	bench_row("annual report, 1,000,000 cases (report_run)", BENCH_NA, "s",
		  "the same definitions run bare through sqlite3", BENCH_NA, note);
cleanup:
	for (size_t i = 0; defs && defs[i]; i++)
		free(defs[i]);
	free(defs);
	store_close(st);
	if (!keep)
		remove(path);
	return 0;
}
