/* bench_submit.c - durable kiosk submissions per second.
 * case_log, as the kiosk calls it (one transaction, WAL, synchronous=FULL,
 * so each submission is on disk when it returns), against one bare
 * fsync'd SQLite insert (a one-table file with the same pragmas) in the
 * same run and the same folder ($BENCH_TMP, on the disk, not tmpfs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/store_db.h"
#include "tellus/case.h"
#include "bench.h"

#define N_SUBMIT 100

static const char SUMMARY[] =
	"My social worker keeps changing and nobody told me who my new one is. "
	"I missed contact with my brother twice because the taxi did not come "
	"and no one rang my carer to say. I want to see my brother every week.";

/* N_SUBMIT autocommit inserts into a bare table; returns inserts per second. */
static double bare_pass(sqlite3 *db, sqlite3_stmt *ins)
{
	double t0 = bench_now();
	for (int i = 0; i < N_SUBMIT; i++) {
		sqlite3_bind_text(ins, 1, SUMMARY, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			fprintf(stderr, "bench_submit: %s\n", sqlite3_errmsg(db));
			return -1;
		}
		sqlite3_reset(ins);
	}
	return N_SUBMIT / (bench_now() - t0);
}

static double bare_rate(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *ins = NULL;
	double r[BENCH_RUNS], rate = -1;

	remove(path);
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
			 "CREATE TABLE t(id INTEGER PRIMARY KEY, summary TEXT NOT NULL)",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO t(summary) VALUES(?)", -1, &ins, NULL) != SQLITE_OK)
		goto cleanup;
	for (int k = 0; k < BENCH_RUNS; k++)
		if ((r[k] = bare_pass(db, ins)) < 0)
			goto cleanup;
	rate = bench_median(r, BENCH_RUNS);
cleanup:
	sqlite3_finalize(ins);
	sqlite3_close(db);
	return rate;
}

static int one_case(tl_store *st, tl_err *err)
{
	tl_case c;
	int rc;

	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.received = store_today(st);
	c.channel = TL_CHANNEL_KIOSK;
	c.procedure = TL_PROC_TO_BE_ASSESSED;
	c.complainant = TL_WHO_CHILD;
	if ((rc = case_set_text(&c.service_area, "Children in care", err)) == TL_OK &&
	    (rc = case_set_text(&c.summary, SUMMARY, err)) == TL_OK &&
	    (rc = case_set_text(&c.desired, "To see my brother every week.", err)) == TL_OK)
		rc = case_log(st, &c, err);
	case_clear(&c);
	return rc;
}

static double case_rate(const char *path, tl_err *err)
{
	tl_store *st = NULL;
	double r[BENCH_RUNS], rate = -1;

	remove(path);
	if (store_open(path, &st, err))
		return -1;
	store_set_actor(st, "kiosk");
	for (int k = 0; k < BENCH_RUNS; k++) {
		double t0 = bench_now();
		for (int i = 0; i < N_SUBMIT; i++)
			if (one_case(st, err))
				goto cleanup;
		r[k] = N_SUBMIT / (bench_now() - t0);
	}
	rate = bench_median(r, BENCH_RUNS);
cleanup:
	store_close(st);
	return rate;
}

int main(void)
{
	const char *dir = getenv("BENCH_TMP");
	char bare[1024], full[1024], note[256];
	tl_err err = { { 0 } };

	if (!dir)
		dir = ".";
	snprintf(bare, sizeof bare, "%s/bare.db", dir);
	snprintf(full, sizeof full, "%s/submit.db", dir);
	double b = bare_rate(bare);
	double c = case_rate(full, &err);
	if (c < 0)
		snprintf(note, sizeof note, "n/a (case_log failed: %.200s)", err.msg);
	else
		snprintf(note, sizeof note, "%d submissions x %d runs; %.2f ms each against %.2f ms",
			 N_SUBMIT, BENCH_RUNS, 1000 / c, b > 0 ? 1000 / b : -1.0);
	bench_row("durable kiosk submission (case_log)", c, "submissions/s",
		  "bare fsync'd SQLite insert (WAL, synchronous=FULL)", b, "inserts/s", note);
	return 0;
}
