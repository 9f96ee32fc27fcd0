/* gen.c - `report-gen`: fills a database with N made-up cases (stages,
 * causes, actions, costs, Ombudsman decisions) spread over the --years N
 * financial years up to 2025/26 (default 10), then times report_run() for
 * one year. A benchmark helper (`make report-bench`), not a test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tellus/report.h"
#include "tellus/words.h"
#include "store/store_db.h"

#include "../unit/test_rng.h"

static const char *const AREAS[] = { "First Response", "Fostering", "Adoption",
	"Disabled Children", "Child Protection", "Children in Care", "Strengthening Families",
	"Leaving Care" };
static const char *const CAUSES[] = { "sensitivity_empathy", "professional_judgement",
	"quality_of_work", "delays", "fairness", "keeping_informed", "politeness_honesty",
	"accessibility", "accuracy_of_information" };

typedef struct {
	tl_store *st;
	const tl_calendar *cal;
	sqlite3_stmt *c, *s, *cc, *a, *cost, *omb;
	rng r;
} gen;

static int prep(gen *g, const char *sql, sqlite3_stmt **out)
{
	return sqlite3_prepare_v2(store_db(g->st), sql, -1, out, NULL);
}

static void bind_day(sqlite3_stmt *s, int i, tl_date d)
{
	char buf[TL_DATE_LEN];
	date_format(d, buf);
	sqlite3_bind_text(s, i, buf, -1, SQLITE_TRANSIENT);
}

static int step(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* One stage: started, due dates, a response after 3 to 40 working days
 * (most), or still open when it would fall after `today`. */
static int add_stage(gen *g, long long id, int n, tl_date start, tl_date today, tl_date *resp)
{
	static const int STD[] = { 0, 10, 25, 30 }, MAX[] = { 0, 20, 65, 30 };
	tl_date due, max_due, r;
	int took = 3 + (int)pick(&g->r, n == 1 ? 25 : 70);
	cal_add_workdays(g->cal, start, STD[n], &due, NULL);
	cal_add_workdays(g->cal, start, MAX[n], &max_due, NULL);
	cal_add_workdays(g->cal, start, took, &r, NULL);
	sqlite3_bind_int64(g->s, 1, id);
	sqlite3_bind_int(g->s, 2, n);
	bind_day(g->s, 3, start);
	bind_day(g->s, 4, due);
	bind_day(g->s, 5, max_due);
	sqlite3_bind_int(g->s, 6, took > STD[n]);
	if (n == 3)
		bind_day(g->s, 9, start + 20);
	else
		sqlite3_bind_null(g->s, 9);
	*resp = r <= today ? r : TL_NO_DATE;
	if (*resp != TL_NO_DATE) {
		bind_day(g->s, 7, r);
		sqlite3_bind_text(g->s, 8, words_word(&WS_OUTCOME, (int)pick(&g->r, 4)), -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_null(g->s, 7);
		sqlite3_bind_null(g->s, 8);
	}
	int rc = step(g->s);
	sqlite3_clear_bindings(g->s);
	return rc;
}

static int add_case(gen *g, long long i, long long total, tl_date first, tl_date today)
{
	char ref[32];
	bool compliment = pick(&g->r, 10) == 0;
	/* Cases are logged as they arrive, so ids follow the date received
	 * (give or take a fortnight), as in a real register. */
	tl_date rec = first + (tl_date)((double)(today - first - 14) * (double)i / (double)total) +
		      (tl_date)pick(&g->r, 14);

	snprintf(ref, sizeof ref, "G%08lld", i);
	sqlite3_bind_int64(g->c, 1, i);
	sqlite3_bind_text(g->c, 2, ref, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(g->c, 3, compliment ? "compliment" : "complaint", -1, SQLITE_STATIC);
	bind_day(g->c, 4, rec);
	sqlite3_bind_text(g->c, 5, words_word(&WS_PROCEDURE, pick(&g->r, 7) < 6 ? 0 : (int)pick(&g->r, 4)), -1, SQLITE_STATIC);
	sqlite3_bind_text(g->c, 6, words_word(&WS_COMPLAINANT, (int)pick(&g->r, 9)), -1, SQLITE_STATIC);
	sqlite3_bind_int(g->c, 7, pick(&g->r, 8) == 0);
	sqlite3_bind_text(g->c, 8, AREAS[pick(&g->r, 8)], -1, SQLITE_STATIC);
	sqlite3_bind_int(g->c, 9, pick(&g->r, 2));
	if (step(g->c))
		return -1;
	if (compliment)
		return 0;
	for (unsigned k = 0, n = 1 + pick(&g->r, 3) % 2 + (pick(&g->r, 5) == 0); k < n; k++) {
		sqlite3_bind_int64(g->cc, 1, i);
		sqlite3_bind_text(g->cc, 2, CAUSES[(i + k * 4) % 9], -1, SQLITE_STATIC);
		if (step(g->cc))
			return -1;
	}
	if (pick(&g->r, 4) == 0) {
		sqlite3_bind_int64(g->a, 1, i);
		sqlite3_bind_text(g->a, 2, words_word(&WS_ACTION, (int)pick(&g->r, 9)), -1, SQLITE_STATIC);
		if (step(g->a))
			return -1;
	}
	tl_date resp = TL_NO_DATE;
	if (add_stage(g, i, 1, rec, today, &resp))
		return -1;
	for (int n = 2; n <= 3 && resp != TL_NO_DATE && pick(&g->r, 8) == 0; n++)
		if (add_stage(g, i, n, resp + 7, today, &resp))
			return -1;
	return 0;
}

static int add_figures(gen *g, tl_date first, tl_date today)
{
	for (int i = 0; i < 20000; i++) {
		bind_day(g->cost, 1, first + (tl_date)pick(&g->r, (unsigned)(today - first)));
		sqlite3_bind_text(g->cost, 2, words_word(&WS_COST, (int)pick(&g->r, 6)), -1, SQLITE_STATIC);
		sqlite3_bind_int(g->cost, 3, 100 * (int)(1 + pick(&g->r, 2000)));
		sqlite3_bind_int(g->cost, 4, i);
		bind_day(g->omb, 1, first + (tl_date)pick(&g->r, (unsigned)(today - first)));
		sqlite3_bind_text(g->omb, 2, words_word(&WS_OMBUDSMAN, (int)pick(&g->r, 7)), -1, SQLITE_STATIC);
		sqlite3_bind_int(g->omb, 3, i);
		if (step(g->cost) || (i % 4 == 0 && step(g->omb)))
			return -1;
	}
	return 0;
}

static int fill(gen *g, long long n, int years, tl_err *err)
{
	tl_date first = date_from_ymd(2026 - years, 4, 1), today = date_from_ymd(2026, 3, 31);
	int rc = store_calendar(g->st, false, &g->cal, err);
	if (rc)
		return rc;
	if (prep(g, "INSERT INTO cases(id, ref, kind, received, procedure, profile, channel, "
		 "complainant, on_behalf, officer, service_area, consent_to_publish, summary, created_at) "
		 "VALUES(?1, ?2, ?3, ?4, ?5, 'england_children', 'staff', ?6, ?7, "
		 "CASE WHEN ?7 THEN 'Officer' ELSE '' END, ?8, ?9, 'Made-up words', ?4)", &g->c) ||
	    prep(g, "INSERT INTO stages(case_id, stage, started, due, max_due, extended, "
		 "responded, outcome, panel) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)", &g->s) ||
	    prep(g, "INSERT INTO case_causes(case_id, cause) VALUES(?, ?)", &g->cc) ||
	    prep(g, "INSERT INTO actions(case_id, action) VALUES(?, ?)", &g->a) ||
	    prep(g, "INSERT INTO costs(date, category, pence, seq) VALUES(?, ?, ?, ?)", &g->cost) ||
	    prep(g, "INSERT INTO ombudsman(received, decided, decision, seq) VALUES(?1, ?1, ?2, ?3)", &g->omb))
		return store_fail(g->st, err, "preparing the generator");
	if ((rc = store_begin(g->st, err)))
		return rc;
	for (long long i = 1; i <= n && rc == 0; i++)
		rc = add_case(g, i, n, first, today);
	if (rc == 0)
		rc = add_figures(g, first, today);
	if (rc) {
		store_rollback(g->st);
		return store_fail(g->st, err, "generating cases");
	}
	return store_end(g->st, TL_OK, err);
}

/* --profile: the time of each statement, to find the costly definition. */
static int profile(unsigned type, void *arg, void *stmt, void *ns)
{
	(void)arg;
	if (type == SQLITE_TRACE_PROFILE) {
		char *sql = sqlite3_expanded_sql(stmt);
		fprintf(stderr, "%8.1f ms  %.70s\n", (double)*(sqlite3_int64 *)ns / 1e6,
			sql ? sql + strspn(sql, "- \t\n") : "?");
		sqlite3_free(sql);
	}
	return 0;
}

static double clock_ms(clockid_t id)
{
	struct timespec t;
	clock_gettime(id, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

int main(int argc, char **argv)
{
	const char *db = "report-bench.db";
	long long n = 1000000;
	int year = 2024, years = 10, rc = 0;
	gen g = { .r = { 20260401 } };
	tl_err err = { "" };

	bool prof = false;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--profile"))
			prof = true;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--db"))
			db = argv[i + 1];
		else if (!strcmp(argv[i], "--cases"))
			n = atoll(argv[i + 1]);
		else if (!strcmp(argv[i], "--year"))
			year = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--years"))
			years = atoi(argv[i + 1]);
	}
	if (store_open(db, &g.st, &err))
		goto fail;
	sqlite3_stmt *q = NULL;
	long long have = 0;
	if (prep(&g, "SELECT count(*) FROM cases", &q) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		have = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	double t0 = now_ms();
	if (have == 0 && fill(&g, n, years, &err))
		goto fail;
	if (have == 0)
		printf("generated %lld cases in %.0f ms\n", n, now_ms() - t0);
	else
		n = have;
	if (prof)
		sqlite3_trace_v2(store_db(g.st), SQLITE_TRACE_PROFILE, profile, NULL);
	for (int run = 0; run < 3; run++) {
		tl_report *r = NULL;
		t0 = now_ms();
		double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		if (report_run(g.st, year, &r, &err))
			goto fail;
		printf("report %d/%02d, every table, %lld cases: %.1f ms elapsed, %.1f ms CPU "
		       "(target: well under 1000 ms)\n", year, (year + 1) % 100, n, now_ms() - t0,
		       clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0);
		report_free(r);
	}
	goto done;
fail:
	fprintf(stderr, "report-gen: %s\n", err.msg);
	rc = 1;
done:
	sqlite3_finalize(g.c), sqlite3_finalize(g.s), sqlite3_finalize(g.cc);
	sqlite3_finalize(g.a), sqlite3_finalize(g.cost), sqlite3_finalize(g.omb);
	store_close(g.st);
	return rc;
}
