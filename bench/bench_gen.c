/* bench_gen.c - a million cases for the report benchmark, fast: the
 * schema comes from store_open, then one transaction of prepared inserts
 * (cases, stages, causes, actions, costs) with the journal off, since a
 * benchmark file needs no durability; WAL again afterwards, as Tellus
 * leaves it. Deterministic: the same seed gives
 * the same file. */
#include <stdio.h>
#include <string.h>
#include "store/store_db.h"
#include "tellus/case.h"
#include "bench_gen.h"

static const char *const AREAS[] = { "Children in care", "Fostering", "Adoption",
	"Child protection", "Disabled children", "Leaving care", "Early help", "Youth justice" };
static const char *const CAUSES[] = { "accessibility", "accuracy_of_information", "delays",
	"fairness", "keeping_informed", "politeness_honesty", "professional_judgement",
	"quality_of_work", "sensitivity_empathy" };
#define PICK(a, rng) a[bench_rand(rng) % (sizeof a / sizeof a[0])]

typedef struct {
	sqlite3_stmt *cas, *stage, *cause, *action, *cost;
	const tl_calendar *cal;
	unsigned long long rng;
	long seq[200];
} gen;

static const char *day(tl_date d, char buf[TL_DATE_LEN])
{
	date_format(d, buf);
	return buf;
}

static int step(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

/* One stage; *resp gets the response date or TL_NO_DATE. */
static int add_stage(gen *g, long long id, int n, tl_date start, int std, int max,
		     tl_date *resp_out, int *outcome)
{
	char a[TL_DATE_LEN], b[TL_DATE_LEN], c[TL_DATE_LEN], r[TL_DATE_LEN];
	tl_date due, max_due, resp = TL_NO_DATE;
	cal_add_workdays(g->cal, start, std, &due, NULL);
	cal_add_workdays(g->cal, start, max, &max_due, NULL);
	bool extended = bench_rand(&g->rng) % 7 == 0;
	*outcome = -1;
	if (bench_rand(&g->rng) % 100 < 88) {
		cal_add_workdays(g->cal, start, 1 + (int)(bench_rand(&g->rng) % (unsigned)(max + 10)),
				 &resp, NULL);
		*outcome = (int)(bench_rand(&g->rng) % 4);
	}
	sqlite3_bind_int64(g->stage, 1, id);
	sqlite3_bind_int(g->stage, 2, n);
	sqlite3_bind_text(g->stage, 3, day(start, a), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(g->stage, 4, day(due, b), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(g->stage, 5, day(max_due, c), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(g->stage, 6, extended);
	if (resp == TL_NO_DATE) {
		sqlite3_bind_null(g->stage, 7);
		sqlite3_bind_null(g->stage, 8);
	} else {
		sqlite3_bind_text(g->stage, 7, day(resp, r), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(g->stage, 8, words_word(&WS_OUTCOME, *outcome), -1, SQLITE_STATIC);
	}
	*resp_out = resp;
	return step(g->stage);
}

static int add_details(gen *g, long long id, int outcome)
{
	int n = 1 + (bench_rand(&g->rng) % 5 == 0);
	const char *first = PICK(CAUSES, &g->rng);
	for (int i = 0; i < n; i++) {
		const char *c = i ? PICK(CAUSES, &g->rng) : first;
		if (i && c == first)
			break;
		sqlite3_bind_int64(g->cause, 1, id);
		sqlite3_bind_text(g->cause, 2, c, -1, SQLITE_STATIC);
		if (step(g->cause))
			return -1;
	}
	if (outcome != TL_OUTCOME_FULLY_UPHELD && outcome != TL_OUTCOME_PARTLY_UPHELD)
		return 0;
	sqlite3_bind_int64(g->action, 1, id);
	sqlite3_bind_text(g->action, 2, words_word(&WS_ACTION, (int)(bench_rand(&g->rng) % 9)), -1,
			  SQLITE_STATIC);
	return step(g->action);
}

/* The stages of a complaint: 1, sometimes 2, now and then 3. */
static int add_stages(gen *g, long long id, tl_date received)
{
	int outcome, o2;
	tl_date r1, r2, r3;
	if (add_stage(g, id, 1, received, 10, 20, &r1, &outcome) || add_details(g, id, outcome))
		return -1;
	if (r1 == TL_NO_DATE || outcome == TL_OUTCOME_WITHDRAWN || bench_rand(&g->rng) % 10)
		return 0;
	tl_date req = r1 + 1 + (tl_date)(bench_rand(&g->rng) % 30);
	if (add_stage(g, id, 2, req, 25, 65, &r2, &o2))
		return -1;
	if (r2 == TL_NO_DATE || bench_rand(&g->rng) % 5)
		return 0;
	return add_stage(g, id, 3, r2 + 1 + (tl_date)(bench_rand(&g->rng) % 30), 30, 30, &r3, &o2);
}

static int add_case(gen *g, long long id, tl_date first, int span)
{
	char ref[REF_MAX], d[TL_DATE_LEN];
	tl_date received = first + (tl_date)(bench_rand(&g->rng) % (unsigned)span);
	int y, m, dd;
	date_to_ymd(received, &y, &m, &dd);
	bool compliment = bench_rand(&g->rng) % 12 == 0;
	unsigned p = (unsigned)(bench_rand(&g->rng) % 20);
	if (ref_make("BN", y, ++g->seq[y - 1900], ref, NULL))
		return -1;
	sqlite3_stmt *s = g->cas;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, ref, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, compliment ? "compliment" : "complaint", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, day(received, d), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, words_word(&WS_PROCEDURE, p < 14 ? 0 : p < 18 ? 1 : (int)p - 16),
			  -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, words_word(&WS_CHANNEL, (int)(bench_rand(&g->rng) % 7)), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, words_word(&WS_COMPLAINANT, (int)(bench_rand(&g->rng) % 9)), -1,
			  SQLITE_STATIC);
	sqlite3_bind_int(s, 8, bench_rand(&g->rng) % 10 == 0);
	sqlite3_bind_text(s, 9, PICK(AREAS, &g->rng), -1, SQLITE_STATIC);
	if (step(s))
		return -1;
	return compliment ? 0 : add_stages(g, id, received);
}

static int add_costs(gen *g, tl_date first, int span)
{
	char d[TL_DATE_LEN];
	for (int i = 0; i < 3000; i++) {
		sqlite3_bind_text(g->cost, 1, day(first + (tl_date)(bench_rand(&g->rng) % (unsigned)span), d),
				  -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(g->cost, 2, words_word(&WS_COST, (int)(bench_rand(&g->rng) % 6)), -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(g->cost, 3, (long long)(bench_rand(&g->rng) % 500000));
		sqlite3_bind_int(g->cost, 4, i);
		if (step(g->cost))
			return -1;
	}
	return 0;
}

static int prepare_all(sqlite3 *db, gen *g)
{
	return sqlite3_prepare_v2(db, "INSERT INTO cases(id, ref, kind, received, procedure, profile,"
		" channel, complainant, on_behalf, service_area, summary, created_at)"
		" VALUES(?1, ?2, ?3, ?4, ?5, 'england_children', ?6, ?7, ?8, ?9, 'words', ?4)",
		-1, &g->cas, NULL) ||
	       sqlite3_prepare_v2(db, "INSERT INTO stages(case_id, stage, started, due, max_due,"
		" extended, responded, outcome) VALUES(?, ?, ?, ?, ?, ?, ?, ?)", -1, &g->stage, NULL) ||
	       sqlite3_prepare_v2(db, "INSERT INTO case_causes(case_id, cause) VALUES(?, ?)", -1,
				  &g->cause, NULL) ||
	       sqlite3_prepare_v2(db, "INSERT INTO actions(case_id, action) VALUES(?, ?)", -1,
				  &g->action, NULL) ||
	       sqlite3_prepare_v2(db, "INSERT INTO costs(date, category, pence, seq) VALUES(?, ?, ?, ?)",
				  -1, &g->cost, NULL);
}

int bench_generate(const char *path, long n_cases, int first_year, int years, tl_err *err)
{
	tl_store *st = NULL;
	sqlite3 *db = NULL;
	gen g = { .rng = 2026 };
	int rc = -1;

	remove(path);
	if (store_open(path, &st, err) || store_calendar(st, false, &g.cal, err))
		goto cleanup;
	db = store_db(st);
	tl_date first = date_from_ymd(first_year, 4, 1);
	int span = date_from_ymd(first_year + years, 4, 1) - first;
	if (sqlite3_exec(db, "PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF;"
			 "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; BEGIN",
			 NULL, NULL, NULL) || prepare_all(db, &g))
		goto fail;
	for (long i = 1; i <= n_cases; i++)
		if (add_case(&g, i, first, span))
			goto fail;
	if (add_costs(&g, first, span) ||
	    sqlite3_exec(db, "COMMIT; PRAGMA journal_mode=WAL", NULL, NULL, NULL))
		goto fail;
	rc = 0;
	goto cleanup;
fail:
	err_set(err, TL_EDB, "generating %s: %s", path, sqlite3_errmsg(db));
cleanup:
	sqlite3_finalize(g.cas);
	sqlite3_finalize(g.stage);
	sqlite3_finalize(g.cause);
	sqlite3_finalize(g.action);
	sqlite3_finalize(g.cost);
	store_close(st);
	return rc;
}
